"""The bibliography page (reference/bibliography.md), generated from data/references.yml.

Each entry carries the fixed anchor `#ref-<key>` that every `[@key]` citation links to, and
lists the articles that cite it.
"""

from __future__ import annotations

import posixpath

from handbook.load.handbook_models import Article, Reference
from handbook.load.markdown_text import escape_markdown
from handbook.paths import BIBLIOGRAPHY_PATH


def reference_sort_key(reference: Reference) -> tuple[str, int, str]:
    return (
        reference.authors[0].casefold() if reference.authors else "",
        reference.year,
        reference.key,
    )


def reference_markdown(reference: Reference) -> str:
    """One reference in running text: authors (year). *Title*. Venue. <url, if any>"""
    authors = escape_markdown("; ".join(reference.authors))
    text = (
        f"{authors} ({reference.year}). <cite>{escape_markdown(reference.title)}</cite>. "
        f"{escape_markdown(reference.venue)}."
    )
    return f"{text} <{reference.url}>" if reference.url else text


def render_bibliography(references: dict[str, Reference], articles: list[Article]) -> str:
    cited_by: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda article: article.title.casefold()):
        for key in article.citations:
            cited_by.setdefault(key, []).append(article)
    ordered = sorted(references.values(), key=reference_sort_key)
    lines = [
        "---",
        "title: Bibliography",
        f"description: The {len(ordered)} papers, reports and official pages the handbook cites, "
        "with the articles that cite each.",
        "---",
        "",
        "# Bibliography",
        "",
        f"Every source the handbook cites ({len(ordered)} in all), sorted by first author. "
        "Numbered citations in articles link to these entries.",
        "",
    ]
    for reference in ordered:
        lines += [
            f"**{escape_markdown(reference.short_label)}** — {reference_markdown(reference)}",
            f"{{ #ref-{reference.key} .hb-reference }}",
            "",
        ]
        citing = cited_by.get(reference.key, [])
        if citing:
            links = ", ".join(
                f"[{escape_markdown(article.title)}]"
                f"({posixpath.relpath(article.src_path, posixpath.dirname(BIBLIOGRAPHY_PATH))})"
                for article in citing
            )
            lines += [f"Cited in: {links}", "{ .hb-cited-in }", ""]
    return "\n".join(lines)
