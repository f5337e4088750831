"""The filter box above the long generated lists (glossary, bibliography): type to narrow the
list, optionally pick tags; handbook.js does the filtering in the page, so it works offline.

The box is HTML that the page carries hidden from readers without JavaScript (Material's
`no-js` class), where it could not work. Each filterable entry is the element matching
`entries` plus the elements after it up to the next entry or heading.
"""

from __future__ import annotations

import html


def filter_box(
    *, box_id: str, label: str, placeholder: str, entries: str, tags: list[tuple[str, str]] = ()
) -> str:
    """`entries`: a CSS selector for the first element of each entry; `tags`: (name, title)
    of the tags an entry can carry in `data-hb-tags`, offered as toggle buttons."""
    buttons = "".join(
        f'<button type="button" aria-pressed="false" data-hb-tag="{html.escape(name)}">'
        f"{html.escape(title)}</button>"
        for name, title in tags
    )
    group = (
        f'<div class="hb-filter-tags" role="group" aria-label="Show only entries tagged">{buttons}</div>'
        if buttons
        else ""
    )
    return (
        f'<div class="hb-filter" data-hb-entries="{html.escape(entries)}">'
        f'<label for="{box_id}">{html.escape(label)}</label>'
        f'<input id="{box_id}" type="search" autocomplete="off" placeholder="{html.escape(placeholder)}">'
        f"{group}"
        '<p class="hb-filter-count" role="status"></p>'
        "</div>"
    )
