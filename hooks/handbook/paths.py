"""Every site and data path of the handbook, once. Stages import paths from here; nothing
else spells them out.

Site paths are where pages pretend to live in docs/ (what MkDocs calls src_uri); data paths
are relative to the project folder. url_of and relative_url turn site paths into the URLs
MkDocs gives them (directory URLs), for code that runs without MkDocs.
"""

from __future__ import annotations

import posixpath

# Pages the pipeline generates, and the hand-written page around the systems timeline.
GLOSSARY_PATH = "reference/glossary.md"
BIBLIOGRAPHY_PATH = "reference/bibliography.md"
NOTATION_PATH = "reference/notation.md"
WHATS_NEW_PATH = "reference/whats-new.md"
TIMELINE_PATH = "reference/timeline.md"
TAGS_DIR = "tags"
TAGS_INDEX = f"{TAGS_DIR}/index.md"
FEED_PATH = "feed.xml"  # the What's new Atom feed, at the site root

# The search index's files (render/search_index.py), relative to the site.
SEARCH_META_FILE = "search/meta.json"
SEARCH_POSTINGS_FOLDER = "search/postings"
SEARCH_TEXT_FOLDER = "search/text"
SEARCH_MATERIAL_INDEX = "search/search_index.json"  # Material's, fetched at every page load
SEARCH_OFFLINE_INDEX = "search/search_index.js"  # the offline edition's, a script

# Data, relative to the project folder.
DATA_DIR = "data"
GLOSSARY_DATA = f"{DATA_DIR}/glossary.yml"
TAGS_DATA = f"{DATA_DIR}/tags.yml"
REFERENCES_DATA = f"{DATA_DIR}/references.yml"
NOTATION_DATA = f"{DATA_DIR}/notation.yml"
TABLES_DIR = f"{DATA_DIR}/tables"
CHANGELOG = "CHANGELOG.md"
REDIRECTS_DATA = f"{DATA_DIR}/redirects.yml"  # moved pages: old path -> new path

# Published for machines and for people who cite the handbook, relative to the site.
OPEN_DATA_DIR = "data"  # the open data: JSON (and BibTeX), each with its JSON Schema
OPEN_GLOSSARY = f"{OPEN_DATA_DIR}/glossary.json"
OPEN_REFERENCES = f"{OPEN_DATA_DIR}/references.json"
OPEN_REFERENCES_BIBTEX = f"{OPEN_DATA_DIR}/references.bib"
OPEN_TABLES_DIR = f"{OPEN_DATA_DIR}/tables"  # <dataset id>.json
OPEN_SCHEMAS_DIR = f"{OPEN_DATA_DIR}/schemas"  # <name>.schema.json
LLMS_TXT = "llms.txt"  # llmstxt.org: a summary, then one line per page
LLMS_FULL_TXT = "llms-full.txt"  # every page's Markdown twin, one after another
PREVIEW_IMAGES_DIR = "assets/previews"  # Open Graph images, one per section
TERM_TIPS_SCRIPT = "assets/javascripts/glossary-terms.js"  # short definitions (term_tips.py)

# Caches and scratch folders, relative to the project folder (HANDBOOK_CACHE_DIR moves the
# render cache; render/render_cache.py).
RENDER_CACHE_DIR = ".cache/handbook"
ZENSICAL_STAGING_DIR = ".cache/zensical"
ZENSICAL_OUTPUT_DIR = "dist/zensical-site"


def tag_page_path(name: str) -> str:
    return f"{TAGS_DIR}/{name}.md"


def url_of(src_path: str) -> str:
    """A page's URL with MkDocs' directory URLs: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    stem = src_path[: -len(".md")] if src_path.endswith(".md") else src_path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem


def relative_url(target: str, page: str) -> str:
    """`target` as a link from `page` (both site URLs like 'a/b/'), as MkDocs writes it."""
    relative = posixpath.relpath(target or ".", page or ".")
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative
