"""Material's palette stylesheet keeps only the handbook's colours (hooks/handbook/render/palette_css.py)."""

from __future__ import annotations

import re
from importlib import resources

from handbook.render.palette_css import palette_subset, used_colours

USED = {("primary", "indigo"), ("accent", "indigo"), ("accent", "light-blue")}


def test_rules_for_other_colours_go_and_shared_rules_keep_their_used_selectors():
    css = (
        "[data-md-color-scheme=slate]{color-scheme:dark}"
        "[data-md-color-primary=pink]{--md-primary-fg-color:#e92063}"
        "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
        "[data-md-color-primary=pink],[data-md-color-primary=indigo]{--md-primary-bg-color:#fff}"
        "@media screen and (max-width:76.2344em){[data-md-color-primary=pink] .md-nav{color:red}}"
        "@media screen{[data-md-color-accent=light-blue] :is(a,b){color:#0091eb}}"
        "/*# sourceMappingURL=palette.css.map*/"
    )
    assert palette_subset(css, USED) == (
        "[data-md-color-scheme=slate]{color-scheme:dark}"
        "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
        "[data-md-color-primary=indigo]{--md-primary-bg-color:#fff}"
        "@media screen{[data-md-color-accent=light-blue] :is(a,b){color:#0091eb}}"
        "/*# sourceMappingURL=palette.css.map*/"
    )


def test_css_it_cannot_follow_comes_back_unchanged():
    broken = "[data-md-color-primary=pink]{color:red"
    assert palette_subset(broken, USED) == broken


def test_used_colours_are_written_as_materials_attributes():
    palette = [{"primary": "indigo"}, {"scheme": "slate", "accent": "light blue"}]
    assert used_colours(palette) == {
        ("primary", "indigo"),
        ("accent", "indigo"),  # Material's default
        ("accent", "light-blue"),
    }


def test_the_built_palette_has_the_configured_colours_only(built_site):
    (path,) = (built_site / "assets" / "stylesheets").glob("palette.*.css")
    built = path.read_text()
    colours = set(re.findall(r"data-md-color-(primary|accent)=([\w-]+)", built))
    assert colours == USED
    original = resources.files("material") / "templates" / "assets" / "stylesheets" / path.name
    assert len(built) < len(original.read_text()) / 2
    assert "[data-md-color-scheme=slate]" in built  # the dark scheme itself stays
