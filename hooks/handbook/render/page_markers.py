"""Expand `<!-- handbook:table ... -->` and `<!-- handbook:timeline ... -->` markers in Markdown.

Only a marker alone on a line at the left margin is expanded (raw HTML must start a block);
anything else is left in place and reported by `leftover_marker` after rendering, so a marker
can never vanish silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from handbook.load.data_markers import LEFTOVER_MARKER, LINE_MARKER, marker_key
from handbook.load.handbook_models import DataMarker
from handbook.load.markdown_scan import code_segments


def expand_data_markers(
    markdown: str,
    markers: Iterable[DataMarker],
    renderers: dict[str, Callable[[DataMarker, str], str]],
) -> str:
    """Replace each line marker with `renderers[kind](marker, id_prefix)`, between blank lines.

    `markers`: the page's markers as the loader parsed and checked them (article_records.py);
    each line marker is matched to its parsed record by its text, not parsed again. A marker
    the loader did not accept stays in place, and `leftover_marker` reports it."""
    parsed = {marker.raw: marker for marker in markers}
    count = 0

    def expand(match: re.Match[str]) -> str:
        nonlocal count
        marker = parsed.get(marker_key(match.group("kind"), match.group("args")))
        if marker is None:
            return match.group(0)
        count += 1
        return f"\n{renderers[marker.kind](marker, f'src-{marker.dataset}-{count}')}\n"

    return "".join(
        text if is_code else LINE_MARKER.sub(expand, text)
        for is_code, text in code_segments(markdown)
    )


def leftover_marker(page_html: str) -> str | None:
    """The first marker still present in rendered HTML, if any."""
    match = LEFTOVER_MARKER.search(page_html)
    return match.group(0) if match else None
