"""The glossary page (reference/glossary.md), generated from data/glossary.yml.

An A-Z jump bar, then one entry per term under its letter, each with a fixed anchor
`#term-<id>` that never depends on the heading text. "Used on" lists are filled in after all
articles have rendered (see `used_on_html`), because only then is it known who mentions what.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from handbook.generate.letter_index import jump_bar, letter_heading, letter_of, letters_in_order
from handbook.generate.list_filter import filter_box
from handbook.load.handbook_models import Reference, Tag, Term
from handbook.load.markdown_text import escape_markdown, inert_markdown

USED_ON_PLACEHOLDER = '<div class="hb-used-on" data-hb-term="{id}"></div>'
_USED_ON_SLOT = re.compile(re.escape(USED_ON_PLACEHOLDER).replace(r"\{id\}", '(?P<id>[^"]+)'))


def _letter(term: Term) -> str:
    return letter_of(term.term)


def sort_key(term: Term) -> tuple[str, str]:
    return (term.term.casefold(), term.id)


def render_glossary(
    terms: Iterable[Term],
    references: dict[str, Reference],
    bibliography_href: str = "bibliography.md",
    tags: dict[str, Tag] | None = None,
) -> str:
    """`tags`: the tag registry, for the filter's tag buttons (the tags terms carry)."""
    ordered = sorted(terms, key=sort_key)
    by_id = {term.id: term for term in ordered}
    letters = letters_in_order({_letter(term) for term in ordered})
    lines = [
        "---",
        "title: Glossary",
        f"description: Plain definitions of the {len(ordered)} terms used across the handbook, from A to Z.",
        "---",
        "",
        "# Glossary",
        "",
        f"{len(ordered)} terms, each with a short definition, a longer explanation, related terms "
        "and sources. In articles, the first mention of a term links here; hover over it, focus it "
        "with the keyboard or tap it to read the short definition in place.",
        "",
        jump_bar(letters, "Glossary letters"),
        "",
        filter_box(
            box_id="hb-glossary-filter",
            label="Filter the glossary",
            placeholder="A term, an alias or a word in its definition",
            entries="h3.hb-glossary-term",
            tags=_tags_in_use(ordered, tags or {}),
        ),
        "",
    ]
    for letter in letters:
        lines += [letter_heading(letter), ""]
        for term in (term for term in ordered if _letter(term) == letter):
            lines += _entry(term, by_id, references, bibliography_href)
    return "\n".join(lines)


def _tags_in_use(terms: list[Term], tags: dict[str, Tag]) -> list[tuple[str, str]]:
    """(name, title) of each registered tag some term carries, in the registry's order."""
    used = {tag for term in terms for tag in term.tags}
    return [(name, tag.title) for name, tag in tags.items() if name in used]


def _entry(
    term: Term, by_id: dict[str, Term], references: dict[str, Reference], bibliography_href: str
) -> list[str]:
    tagged = f' data-hb-tags="{" ".join(term.tags)}"' if term.tags else ""
    lines = [f"### {escape_markdown(term.term)} {{ #{term.anchor} .hb-glossary-term{tagged} }}", ""]
    if term.aliases:
        aliases = ", ".join(escape_markdown(alias) for alias in term.aliases)
        lines += [f"*Also called:* {aliases}", "{ .hb-aliases }", ""]
    lines += [
        f"**In short:** {escape_markdown(term.short)}",
        "",
        inert_markdown(term.definition).strip(),
        "",
    ]
    if term.related:
        related = " · ".join(
            f"[{escape_markdown(by_id[related].term)}](#{by_id[related].anchor})"
            for related in term.related
            if related in by_id
        )
        # Links, not words about this term: kept out of search (data-search-exclude), where
        # they made every entry match the names of its neighbours.
        lines += [f"*Related:* {related}", '{ .hb-related data-search-exclude="" }', ""]
    if term.references:
        cited = " · ".join(
            f"[{escape_markdown(references[key].short_label)}]({bibliography_href}#ref-{key})"
            for key in term.references
            if key in references
        )
        lines += [f"*Sources:* {cited}", '{ .hb-sources data-search-exclude="" }', ""]
    lines += [USED_ON_PLACEHOLDER.format(id=term.id), ""]
    return lines


def used_on_html(pages: list[tuple[str, str]], reference_only: bool = False) -> str:
    """'Used on' for one term: (href, title) pairs of the articles that mention it, listed
    by title.

    Kept out of the search index (data-search-exclude): page titles listed under every term
    would make a search for "diffusion" return dozens of glossary entries that only mention
    the diffusion article."""
    opening = '<p class="hb-used-on" data-search-exclude>'
    if not pages:
        if reference_only:
            return f"{opening}<em>Reference entry:</em> not used in an article.</p>"
        return f"{opening}<em>Used on:</em> no article yet.</p>"
    links = ", ".join(
        f'<a href="{html.escape(href)}">{html.escape(title)}</a>'
        for href, title in sorted(pages, key=lambda page: page[1])
    )
    return f"{opening}<em>Used on:</em> {links}</p>"


def letters_only(toc: list) -> list:
    """The page's table of contents cut to the letters: 144 term entries made the sidebar a
    second, longer copy of the page, and every entry is one more heading that Material's
    scroll tracking measures while a phone loads the page. Search still finds each term at
    its own anchor (it reads the headings, not the TOC). Works on MkDocs' AnchorLinks."""
    for item in toc:
        if item.id.startswith("letter-"):
            item.children = []
        else:
            letters_only(item.children)
    return toc


def fill_used_on(page_html: str, used_on: Callable[[str], str]) -> str:
    """Replace every term's placeholder with `used_on(term_id)`, in one pass over the page
    (one `str.replace` per term rescanned the whole glossary a thousand times)."""
    return _USED_ON_SLOT.sub(lambda match: used_on(match.group("id")), page_html)
