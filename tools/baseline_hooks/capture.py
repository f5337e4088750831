"""Benchmark only (tools/plain_baseline.py): runs after the handbook's hook and writes down what
it handed MkDocs, so that a build without the hook can be given the same pages.

Writes $HANDBOOK_CAPTURE_DIR/docs/<page>.md (front matter and the Markdown after the hook
expanded markers and citations; generated pages included) and content.json (each page's final
HTML: typeset math, glossary links, the glossary's "used on" lists).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

_contents: dict[str, str] = {}


def _folder() -> Path:
    return Path(os.environ["HANDBOOK_CAPTURE_DIR"])


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    target = _folder() / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(dict(page.meta), sort_keys=False, allow_unicode=True)
    target.write_text(f"---\n{front}---\n\n{markdown}", encoding="utf-8")
    return markdown


@event_priority(-100)
def on_page_context(context, page, config, nav):
    _contents[page.file.src_uri] = page.content  # final: after on_env filled the glossary
    return context


def on_post_build(config):
    (_folder() / "content.json").write_text(json.dumps(_contents), encoding="utf-8")
