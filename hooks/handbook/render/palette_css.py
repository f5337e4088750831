"""Material's palette stylesheet cut down to the colours the handbook uses.

Material ships one palette.css with all 21 primary and 16 accent colours: 12 KB, 2 KB
gzipped, fetched on every first visit. The handbook uses the colours in mkdocs.yml's
`theme.palette` (indigo, light blue). Rules that apply only to other colours are dropped; the
file keeps its name, so no template changes. Pure functions over CSS text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

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
    try:
        return _subset(css, used)
    except ValueError:
        return css


def _subset(css: str, used: set[tuple[str, str]]) -> str:
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.lstrip().startswith(("@media", "@supports")):
            inner = _subset(body, used)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.lstrip().startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [selector for selector in _top_level_split(prelude) if _wanted(selector, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def _blocks(css: str):
    """(prelude, body) of each top-level block; trailing text comes as (text, None)."""
    position = 0
    while position < len(css):
        start = css.find("{", position)
        if start < 0:
            if css[position:].strip():
                yield css[position:], None
            return
        depth, index = 0, start
        while True:
            if index >= len(css):
                raise ValueError("unbalanced braces")
            if css[index] == "{":
                depth += 1
            elif css[index] == "}":
                depth -= 1
                if depth == 0:
                    break
            index += 1
        yield css[position:start], css[start + 1 : index]
        position = index + 1


def _wanted(selector: str, used: set[tuple[str, str]]) -> bool:
    return all(colour in used for colour in COLOUR.findall(selector))


def _top_level_split(selectors: str) -> list[str]:
    """Split a selector list at commas outside parentheses (:is(a, b) stays whole)."""
    parts, depth, start = [], 0, 0
    for index, character in enumerate(selectors):
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "," and depth == 0:
            parts.append(selectors[start:index])
            start = index + 1
    parts.append(selectors[start:])
    return parts
