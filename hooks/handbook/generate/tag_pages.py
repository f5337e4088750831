"""Tag indexes (tags/index.md and tags/<name>.md), generated from data/tags.yml and the
`tags:` front matter of every article.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from handbook.load.handbook_models import Article, Tag, Term
from handbook.load.markdown_text import escape_markdown, yaml_scalar
from handbook.paths import GLOSSARY_PATH, tag_page_path


@dataclass(frozen=True)
class ListedPage:
    article: Article
    section: str


def sections_from_nav(nav: Any, section: str = "") -> dict[str, str]:
    """Map each page's source path to the title of the nav section that holds it."""
    found: dict[str, str] = {}
    items = nav if isinstance(nav, list) else []
    for item in items:
        if isinstance(item, str):
            found.setdefault(item, section)
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    found.setdefault(value, section)
                else:
                    found.update(
                        {
                            k: v
                            for k, v in sections_from_nav(value, str(title)).items()
                            if k not in found
                        }
                    )
    return found


def render_tags_overview(tags: list[Tag], counts: dict[str, int]) -> str:
    lines = [
        "---",
        "title: Tags",
        "description: Every topic tag in the handbook, what it covers and how many pages carry it.",
        "---",
        "",
        "# Tags",
        "",
        "Each article carries a few tags. Pick one to see every page on that topic.",
        "",
        "| Tag | What it covers | Pages |",
        "| --- | --- | ---: |",
    ]
    for tag in sorted(tags, key=lambda tag: tag.title.casefold()):
        link = f"[{escape_markdown(tag.title)}]({tag.name}.md)"
        lines.append(f"| {link} | {escape_markdown(tag.description)} | {counts.get(tag.name, 0)} |")
    return "\n".join(lines) + "\n"


def render_tag_page(tag: Tag, pages: list[ListedPage], terms: list[Term]) -> str:
    here = posixpath.dirname(tag_page_path(tag.name))
    count = len(pages)
    lines = [
        "---",
        f"title: {yaml_scalar('Tag: ' + tag.title)}",
        f"description: {yaml_scalar(f'Pages tagged {tag.title}: {tag.description}')}",
        "---",
        "",
        # Tag pages sit outside the navigation, so Material draws no path to them: this is it.
        f"[Home]({posixpath.relpath('index.md', here)}) › [Tags](index.md) › "
        f"{escape_markdown(tag.title)}",
        '{: .hb-breadcrumb role="navigation" aria-label="Breadcrumb" }',
        "",
        f"# Tag: {escape_markdown(tag.title)}",
        "",
        escape_markdown(tag.description),
        "",
        f"{count} page{'s' if count != 1 else ''} carr{'y' if count != 1 else 'ies'} this tag. "
        "[All tags](index.md)",
        "",
    ]
    if not pages:
        lines += ["No page uses this tag yet.", ""]
    for page in sorted(
        pages, key=lambda page: (page.section.casefold(), page.article.title.casefold())
    ):
        link = posixpath.relpath(page.article.src_path, here)
        section = f" *({escape_markdown(page.section)})*" if page.section else ""
        lines.append(
            f"- [{escape_markdown(page.article.title)}]({link}){section}: "
            f"{escape_markdown(page.article.description)}"
        )
    if terms:
        glossary = posixpath.relpath(GLOSSARY_PATH, here)
        links = ", ".join(
            f"[{escape_markdown(term.term)}]({glossary}#{term.anchor})"
            for term in sorted(terms, key=lambda term: term.term.casefold())
        )
        lines += ["", "## Glossary terms with this tag", "", links]
    return "\n".join(lines) + "\n"
