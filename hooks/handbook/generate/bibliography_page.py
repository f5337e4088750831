"""The bibliography page (reference/bibliography.md), generated from data/references.yml.

Sections A-Z by first author with a letter bar and a filter box; each entry carries the fixed
anchor `#ref-<key>` (the open data and the glossary's sources link to it) and lists the
articles that cite it.
"""

from __future__ import annotations

import posixpath

from handbook.generate.letter_index import jump_bar, letter_heading, letter_of, letters_in_order
from handbook.generate.list_filter import filter_box
from handbook.load.handbook_models import Article, Reference
from handbook.load.markdown_text import escape_markdown
from handbook.paths import BIBLIOGRAPHY_PATH, OPEN_REFERENCES, OPEN_REFERENCES_BIBTEX


def reference_sort_key(reference: Reference) -> tuple[str, int, str]:
    return (
        reference.authors[0].casefold() if reference.authors else "",
        reference.year,
        reference.key,
    )


def reference_markdown(reference: Reference, max_authors: int | None = None) -> str:
    """One reference in running text: authors (year). Title (linked to the source). Venue.

    `max_authors`: list that many authors, then "et al." (the bibliography, where the page's
    length on a phone matters; BibTeX and references.json keep every name)."""
    names = list(reference.authors)
    if max_authors is not None and len(names) > max_authors:
        names = [*names[:max_authors], "et al."]
    authors = escape_markdown("; ".join(names))
    title = escape_markdown(reference.title)
    shown = f"[{title}]({reference.url})" if reference.url else title
    return (
        f"{authors} ({reference.year}). <cite>{shown}</cite>. {escape_markdown(reference.venue)}."
    )


# Authors named in a bibliography entry before "et al.".
BIBLIOGRAPHY_AUTHORS = 3


def render_bibliography(references: dict[str, Reference], articles: list[Article]) -> str:
    cited_by: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda article: article.title.casefold()):
        for key in article.citations:
            cited_by.setdefault(key, []).append(article)
    ordered = sorted(references.values(), key=reference_sort_key)
    letters = letters_in_order({_letter(reference) for reference in ordered})
    lines = [
        "---",
        "title: Bibliography",
        f"description: The {len(ordered)} papers, reports and official pages the handbook cites, "
        "with the articles that cite each.",
        "---",
        "",
        "# Bibliography",
        "",
        f"Every source the handbook cites ({len(ordered)} in all), A to Z by first author, each "
        "with the pages that cite it. Every author of each source is in the "
        f"[open data]({_from_here(OPEN_REFERENCES)}) and its "
        f"[BibTeX]({_from_here(OPEN_REFERENCES_BIBTEX)}).",
        "",
        jump_bar(letters, "Bibliography letters"),
        "",
        filter_box(
            box_id="hb-bibliography-filter",
            label="Filter the bibliography",
            placeholder="An author, a word of the title, a venue or a year",
            entries="p.hb-reference",
        ),
        "",
    ]
    for letter in letters:
        lines += [letter_heading(letter), ""]
        for reference in (r for r in ordered if _letter(r) == letter):
            lines += _entry(reference, cited_by.get(reference.key, []))
    return "\n".join(lines)


def _from_here(site_path: str) -> str:
    return posixpath.relpath(site_path, posixpath.dirname(BIBLIOGRAPHY_PATH))


def _letter(reference: Reference) -> str:
    return letter_of(reference.authors[0] if reference.authors else reference.title)


def _entry(reference: Reference, citing: list[Article]) -> list[str]:
    """One paragraph: the reference, then (after a line break, in smaller type) the pages citing
    it. One paragraph, not two, keeps 360 entries shorter on a phone."""
    text = reference_markdown(reference, BIBLIOGRAPHY_AUTHORS)
    if citing:
        links = ", ".join(
            f"[{escape_markdown(article.title)}]"
            f"({posixpath.relpath(article.src_path, posixpath.dirname(BIBLIOGRAPHY_PATH))})"
            for article in citing
        )
        text += f'  \n<span class="hb-cited-in">Cited in: {links}</span>'
    return [text, f"{{ #ref-{reference.key} .hb-reference }}", ""]
