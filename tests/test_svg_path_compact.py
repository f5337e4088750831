"""The compacted path must draw exactly the outline ziamath wrote, in fewer bytes."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from handbook.render.math_svg import load_ziamath, typeset_formula
from handbook.render.svg_path_compact import compact_path, path_points

ZIAMATH_STYLE = "M 3.1 -6.2 L 3.1 -6.2 L 2.2 -1.7 Q 2.2 -1.7 2.1 -1.6 Q 2.1 -1.5 2.1 -1.3 L 2.1 0 L 0 0 Z M 1 1 L 2 1 Z "


def _drawn(d: str) -> list:
    """The segments that draw something: zero-length lines add nothing to a filled shape."""
    points, current, start = [], None, None
    for command, values in path_points(d):
        if command == "L" and values == current:
            continue
        points.append((command, values))
        if command == "M":
            start = values
        current = start if command == "Z" else values[-2:]
    return points


def test_ziamath_style_path_is_shorter_and_draws_the_same_points():
    compact = compact_path(ZIAMATH_STYLE)
    assert compact.startswith("m3.1-6.2")
    assert "h" in compact and "v" in compact  # horizontal and vertical lines use shorthands
    assert len(compact) < len(ZIAMATH_STYLE) * 0.6
    assert _drawn(compact)[:3] == _drawn(ZIAMATH_STYLE)[:3]
    assert [c for c, _ in _drawn(compact)] == [c for c, _ in _drawn(ZIAMATH_STYLE)]


def test_every_glyph_of_a_real_formula_keeps_its_outline():
    latex = (
        r"\nabla_\theta \log p_\theta(x) = \frac{\partial}{\partial\theta}\sum_{t=1}^{T} \alpha_t"
    )
    original = load_ziamath().Latex(latex, size=16.0, inline=False).svg()
    originals = re.findall(r' d="([^"]*)"', original)
    assert originals
    for d in originals:
        assert _drawn(compact_path(d)) == _drawn(d)
    compacted = typeset_formula(latex, True)
    sprite = "".join(markup for _, markup in compacted.glyphs)
    assert sum(map(len, originals)) > 1.6 * len("".join(re.findall(r' d="([^"]*)"', sprite)))


def test_paths_it_does_not_understand_are_left_alone():
    for d in ("M 0 0 A 5 5 0 0 1 10 10", "M 0.25 0 L 1 1", "M 0 0 L x y"):
        assert compact_path(d) == d


tenths = st.integers(min_value=-3000, max_value=3000)


@st.composite
def absolute_paths(draw):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(f"M {draw(tenths) / 10:g} {draw(tenths) / 10:g}")
        for _ in range(draw(st.integers(0, 8))):
            kind = draw(st.sampled_from("LQHVC"))
            count = {"L": 2, "Q": 4, "H": 1, "V": 1, "C": 6}[kind]
            parts.append(kind + " " + " ".join(f"{draw(tenths) / 10:g}" for _ in range(count)))
        if draw(st.booleans()):
            parts.append("Z")
    return " ".join(parts)


@given(absolute_paths())
def test_property_compaction_never_moves_a_point(d):
    assert _drawn(compact_path(d)) == _drawn(d)  # (a single long jump may spell longer)
