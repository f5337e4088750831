"""Turn `[@key]` citations in an article into numbered links plus a per-page reference list.

Numbers follow the order of first citation on the page. Each number links to the entry on
the bibliography page; the list at the end of the page gives the full references.
"""

from __future__ import annotations

import posixpath

from handbook.generate.bibliography_page import reference_markdown
from handbook.load.handbook_models import Reference
from handbook.load.markdown_scan import CITATION, citation_keys, rewrite_prose
from handbook.paths import BIBLIOGRAPHY_PATH

REFERENCES_ANCHOR = "references"
REFERENCES_HEADING = f"## References {{ #{REFERENCES_ANCHOR} .hb-page-references }}"


def bibliography_link(src_path: str) -> str:
    """Relative Markdown path from an article to the bibliography page."""
    return posixpath.relpath(BIBLIOGRAPHY_PATH, posixpath.dirname(src_path) or ".")


def render_citations(markdown: str, src_path: str, references: dict[str, Reference]) -> str:
    """Replace citations outside code with numbered links; append the page's reference list.

    Keys were validated before rendering; an unknown key here is a bug, so it raises KeyError.
    """
    numbers: dict[str, int] = {}
    target = bibliography_link(src_path)

    def cite(match) -> str:
        keys = citation_keys(match.group(1))
        if keys is None:
            return match.group(0)
        links = []
        for key in keys:
            number = numbers.setdefault(key, len(numbers) + 1)
            title = references[key].short_label.replace('"', "'")
            links.append(f'[{number}]({target}#ref-{key} "{title}")')
        return f'<sup class="hb-cite">\\[{", ".join(links)}\\]</sup>'

    body = rewrite_prose(markdown, lambda prose: CITATION.sub(cite, prose))
    if not numbers:
        return body
    items = [
        f"{number}. {reference_markdown(references[key])}"
        for key, number in sorted(numbers.items(), key=lambda pair: pair[1])
    ]
    return "\n".join([body.rstrip(), "", REFERENCES_HEADING, "", *items, ""])
