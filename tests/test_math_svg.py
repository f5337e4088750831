"""Math is typeset at build time: SVG in the text colour, sized in em, with its LaTeX as label."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from handbook.render.math_svg import MathError, typeset_formula, typeset_math


def latex_to_html(latex: str, display: bool) -> str:
    return typeset_formula(latex, display).html


def test_inline_and_display_math_become_labelled_svg():
    html = typeset_math(
        '<p>See <span class="arithmatex">\\(p(x)\\)</span>.</p>'
        '<div class="arithmatex">\\[\\frac{a}{b} &lt; 1\\]</div>'
    )
    soup = BeautifulSoup(html, "html.parser")
    inline, display = soup.select(".hb-math")
    assert inline.name == "span" and inline["aria-label"] == "p(x)"
    assert display.name == "div" and display["aria-label"] == "\\frac{a}{b} < 1"
    for node in (inline, display):
        svg = node.svg
        assert svg["fill"] == "currentColor" and svg["aria-hidden"] == "true"
        assert "em" in svg["style"] and "width" not in svg.attrs
        assert svg.find("use") and not svg.find("symbol")
    assert not soup.select(".arithmatex")


def test_each_glyph_is_defined_once_per_page_and_every_use_resolves():
    html = typeset_math(
        '<p><span class="arithmatex">\\(x + x\\)</span> and <span class="arithmatex">\\(x_t\\)</span>'
        ' and <span class="arithmatex">\\(\\log p(x_1, \\ldots, x_n)\\)</span></p>'
    )
    assert 'href="#STIX' not in html  # every glyph reference was renamed, empty glyphs too
    soup = BeautifulSoup(html, "html.parser")
    sprite = soup.select_one("svg.hb-math-glyphs")
    assert sprite is not None and sprite["aria-hidden"] == "true"
    assert html.index("hb-math-glyphs") < html.index('hb-math"')  # defined before use
    ids = [symbol["id"] for symbol in sprite.select("symbol")]
    assert len(ids) == len(set(ids))
    used = {use["xlink:href"][1:] for use in soup.select(".hb-math use")}
    assert used == set(ids)  # every glyph used is defined, and nothing else is
    assert len(used) < len(soup.select(".hb-math use"))  # the repeated x is shared
    fills = {path.get("fill", "currentColor") for path in sprite.select("symbol path")}
    assert fills == {"currentColor"}


def test_pages_without_math_get_no_sprite():
    assert typeset_math("<p>No formulas.</p>") == "<p>No formulas.</p>"


def test_display_math_sets_limits_above_and_below():
    def height(display: bool) -> float:
        style = BeautifulSoup(latex_to_html("\\sum_{i=1}^{n} x_i", display), "html.parser").svg[
            "style"
        ]
        return float(style.split("height:")[1].split("em")[0])

    assert height(True) > 1.5 * height(False)


def test_inline_math_sits_on_the_baseline():
    style = BeautifulSoup(latex_to_html("p_g", False), "html.parser").svg["style"]
    assert "vertical-align:-" in style  # the subscript descends below the baseline


def test_unparseable_latex_raises_a_named_error():
    with pytest.raises(MathError, match=r"cannot typeset the formula 'x\^'"):
        latex_to_html("x^", False)


def test_formulas_queued_ahead_are_typeset_by_workers_and_bad_ones_all_reported():
    """A cold build hands formulas to worker processes as pages are read (math_svg.py)."""
    from handbook.render import math_svg

    page = "".join(
        f'<p><span class="arithmatex">\\(q_{{{k}}} + r^{{{k}}}\\)</span></p>' for k in range(30)
    )
    page += '<p><span class="arithmatex">\\(\\frac{1}{\\)</span></p>'
    page += '<div class="arithmatex">\\[\\sqrt{\\]</div>'
    formulas = math_svg.formulas_in(page)
    assert len(formulas) == 32 and ("\\frac{1}{", False) in formulas
    assert ("\\sqrt{", True) in formulas
    try:
        math_svg.queue_formulas(formulas)
        assert math_svg._pool is not None  # more than PARALLEL_FROM: workers started
        errors = math_svg.finish_typesetting()
        assert math_svg._pool is None  # and stopped
    finally:
        math_svg.stop_typesetting()
    assert set(errors) == {("\\frac{1}{", False), ("\\sqrt{", True)}
    assert all("cannot typeset the formula" in str(error) for error in errors.values())
    # The workers' SVG is what this process would have made.
    worker_made = math_svg.typeset_formula("q_{7} + r^{7}", False)
    math_svg._memory.pop(("q_{7} + r^{7}", False))
    assert math_svg._typeset("q_{7} + r^{7}", False) == worker_made


def test_a_few_new_formulas_are_typeset_in_place():
    """A live rebuild after adding a formula should not pay for starting workers."""
    from handbook.render import math_svg

    try:
        math_svg.queue_formulas({("u_{99} - v", False)})
        assert math_svg._pool is None
        assert math_svg.finish_typesetting() == {}
    finally:
        math_svg.stop_typesetting()
    assert ("u_{99} - v", False) in math_svg._memory


# Stretchy fences at several depths, fractions inside roots, aligned rows, scripts, operators
# with limits, \text, \underbrace, named spaces: what the layout shortcuts touch (math_svg.faster_layout).
LAYOUT_CASES = [
    r"\left( \frac{a}{b} \right)^2 + \left[ \sum_{k=1}^{K} \frac{p(x, z_k)}{q(z_k \mid x)} \right]",
    r"\begin{aligned} \log p(x) &= \log \int p(x, z)\, dz \\ &\ge \mathbb{E}_q\left[\log \frac{p(x, z)}{q(z)}\right] && \text{(Jensen)} \end{aligned}",
    r"\sqrt{\frac{1 - \bar\alpha_{t-1}}{1 - \bar\alpha_t}}\, \beta_t",
    r"\underbrace{\left(\frac{\alpha_t}{\beta_t} + \frac{1}{1 - \bar\alpha_{t-1}}\right)}_{a} \|x\|^2",
    r"\Bigl[ \sum_{j \ne k} w_j \Bigr] \lVert \nabla f(\hat{x}) \rVert_2",
    r"x_t = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 - \bar\alpha_t}\, \varepsilon \quad a \; b \! c \, d",
]


@pytest.mark.parametrize("display", [True, False])
def test_the_layout_shortcuts_change_no_output(display):
    from handbook.render import math_svg

    math_svg.load_ziamath()  # applies them (ziamath is pinned to the patched version)
    try:
        math_svg.faster_layout(False)
        plain = [math_svg._typeset(latex, display).html for latex in LAYOUT_CASES]
    finally:
        math_svg.faster_layout(True)
    fast = [math_svg._typeset(latex, display).html for latex in LAYOUT_CASES]
    assert fast == plain


def test_the_shortcuts_are_on_for_the_pinned_ziamath():
    from importlib import metadata

    from ziamath.nodes import mrow

    from handbook.render import math_svg

    math_svg.load_ziamath()
    assert metadata.version("ziamath") == math_svg.ZIAMATH_PATCHED, "re-check the shortcuts"
    assert mrow.Mrow._get_height_nostretch.__name__ == "height_without_stretch"
