"""Benchmark only (tools/plain_baseline.py): the whole "hook" of the plain build. Python-Markdown
renders the captured Markdown as usual (so the plain build pays for parsing the same pages);
then each page's HTML is swapped for the handbook's final HTML, so templates, search and
minification work on exactly what the handbook build gives them. A dict lookup per page."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority

_contents: dict[str, str] = json.loads(
    (Path(os.environ["HANDBOOK_CAPTURE_DIR"]) / "content.json").read_text(encoding="utf-8")
)


@event_priority(-100)  # after mkdocs-glightbox, which the handbook build runs too
def on_page_content(html, page, config, files):
    page.meta["glightbox"] = False  # as the handbook does: no lightbox tags in pages
    return _contents.get(page.file.src_uri, html)
