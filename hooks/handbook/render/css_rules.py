"""Keep some selectors of a stylesheet: the parser the palette and theme subsets share.

Minified CSS is read as top-level blocks; `@media` and `@supports` blocks are entered, other
at-rules (`@keyframes`, `@font-face`) are kept whole, and a rule keeps the selectors of its
list that `keep` accepts (it goes when none is left). CSS it cannot follow (unbalanced braces)
comes back unchanged: a subset is an optimisation, never a reason to break a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator


def css_subset(css: str, keep: Callable[[str], bool]) -> str:
    try:
        return _subset(css, keep)
    except ValueError:
        return css


def _subset(css: str, keep: Callable[[str], bool]) -> str:
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.lstrip().startswith(("@media", "@supports")):
            inner = _subset(body, keep)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.lstrip().startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [selector for selector in top_level_split(prelude) if keep(selector)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def _blocks(css: str) -> Iterator[tuple[str, str | None]]:
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


def top_level_split(selectors: str) -> list[str]:
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
