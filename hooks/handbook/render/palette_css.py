"""Material's palette stylesheet cut down to the colours the handbook uses.

Material ships one palette.css with all 21 primary and 16 accent colours: 12 KB, 2 KB
gzipped, fetched on every first visit. The handbook uses the colours in mkdocs.yml's
`theme.palette` (indigo, light blue). Rules that apply only to other colours are dropped; the
file keeps its name, so no template changes. Pure functions over CSS text (css_rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from handbook.render.css_rules import css_subset

COLOUR = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")
DEFAULT_COLOUR = "indigo"  # Material's default primary and accent


def used_colours(palette: Iterable[Mapping] | Mapping) -> set[tuple[str, str]]:
    """(kind, value) pairs of theme.palette, written as Material's attributes write them."""
    options = [palette] if isinstance(palette, Mapping) else list(palette)
    used = set()
    for option in options:
        for kind in ("primary", "accent"):
            value = str(option.get(kind) or DEFAULT_COLOUR)
            used.add((kind, value.lower().replace(" ", "-")))
    return used


def palette_subset(css: str, used: set[tuple[str, str]]) -> str:
    """`css` without the selectors that name a colour outside `used` (and without rules left
    with none). CSS this function cannot follow (unbalanced braces) comes back unchanged."""
    return css_subset(css, lambda selector: _wanted(selector, used))


def _wanted(selector: str, used: set[tuple[str, str]]) -> bool:
    return all(colour in used for colour in COLOUR.findall(selector))
