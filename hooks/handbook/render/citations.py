"""Turn `[@key]` citations in an article into numbered links plus a per-page reference list.

Numbers follow the order of first citation on the page. Each number links to its entry in the
list at the end of the page (which gives the full reference, and a link back to the text);
handbook.js shows that entry on hover, focus and tap. The bibliography page lists every
reference with the pages citing it.
"""

from __future__ import annotations

import posixpath

from handbook.generate.bibliography_page import reference_markdown
from handbook.generate.citation_numbers import cited_numbers
from handbook.load.handbook_models import Reference
from handbook.load.markdown_scan import CITATION, citation_keys, rewrite_prose
from handbook.paths import BIBLIOGRAPHY_PATH

REFERENCES_ANCHOR = "references"
REFERENCES_HEADING = f"## References {{ #{REFERENCES_ANCHOR} .hb-page-references }}"


def bibliography_link(src_path: str) -> str:
    """Relative Markdown path from an article to the bibliography page."""
    return posixpath.relpath(BIBLIOGRAPHY_PATH, posixpath.dirname(src_path) or ".")


def entry_id(key: str) -> str:
    """The id of a reference's entry in the page's own list (what its citations link to)."""
    return f"cite-{key}"


def first_use_id(key: str) -> str:
    """The id of the place a reference is first cited (what its entry links back to)."""
    return f"cite-back-{key}"


def render_citations(markdown: str, src_path: str, references: dict[str, Reference]) -> str:
    """Replace citations outside code with numbered links to the page's reference list, and
    append that list; each entry links back to where the page first cites it.

    The links are plain HTML with same-page fragments, so every engine and both editions
    resolve them alike. Keys were validated before rendering; an unknown key here is a bug, so
    it raises KeyError.
    """
    numbers: dict[str, int] = {}

    def cite(match) -> str:
        keys = citation_keys(match.group(1))
        if keys is None:
            return match.group(0)
        new = [key for key in dict.fromkeys(keys) if key not in numbers]
        for key in keys:
            numbers.setdefault(key, len(numbers) + 1)
        key_of = {numbers[key]: key for key in keys}
        shown: set[int] = set()

        def link(number: int) -> str:
            shown.add(number)
            key = key_of[number]
            first = f' id="{first_use_id(key)}"' if key in new else ""
            return f'<a{first} href="#{entry_id(key)}">{number}</a>'

        inside = cited_numbers((numbers[key] for key in keys), link)
        # Keys first cited inside a collapsed run ("8–11") have no link of their own: an
        # empty anchor keeps their way back.
        anchors = "".join(
            f'<span id="{first_use_id(key)}"></span>' for key in new if numbers[key] not in shown
        )
        return f'<sup class="hb-cite">{anchors}\\[{inside}\\]</sup>'

    body = rewrite_prose(markdown, lambda prose: CITATION.sub(cite, prose))
    if not numbers:
        return body
    items = [
        f'{number}. <span id="{entry_id(key)}"></span>{reference_markdown(references[key])} '
        f'<a class="hb-cite-back" href="#{first_use_id(key)}" aria-label="Back to the text">'
        "\u21a9</a>"
        for key, number in sorted(numbers.items(), key=lambda pair: pair[1])
    ]
    return "\n".join([body.rstrip(), "", REFERENCES_HEADING, "", *items, ""])
