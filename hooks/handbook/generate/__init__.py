"""Pages and page parts made from the models (glossary, tags, bibliography, tables...)."""
