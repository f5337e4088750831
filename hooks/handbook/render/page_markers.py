"""Expand `<!-- handbook:table ... -->` and `<!-- handbook:timeline ... -->` markers in Markdown.

Only a marker alone on a line at the left margin is expanded (raw HTML must start a block);
anything else is left in place and reported by `leftover_marker` after rendering, so a marker
can never vanish silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handbook.load.data_markers import LEFTOVER_MARKER, LINE_MARKER, parse_data_marker
from handbook.load.handbook_models import DataMarker
from handbook.load.markdown_scan import code_segments


def expand_data_markers(
    markdown: str, renderers: dict[str, Callable[[DataMarker, str], str]]
) -> str:
    """Replace each line marker with `renderers[kind](marker, id_prefix)`, between blank lines."""
    count = 0

    def expand(match: re.Match[str]) -> str:
        nonlocal count
        kind = match.group("kind")
        marker, _reason = parse_data_marker(match.group("args"), kind=kind)
        if marker is None:
            return match.group(0)
        count += 1
        return f"\n{renderers[kind](marker, f'src-{marker.dataset}-{count}')}\n"

    return "".join(
        text if is_code else LINE_MARKER.sub(expand, text)
        for is_code, text in code_segments(markdown)
    )


def leftover_marker(page_html: str) -> str | None:
    """The first marker still present in rendered HTML, if any."""
    match = LEFTOVER_MARKER.search(page_html)
    return match.group(0) if match else None
