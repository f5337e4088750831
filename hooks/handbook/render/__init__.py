"""Per-page work: markers, citations, math, glossary links, repairs, search index."""
