"""Derivations and solutions leave the page for a script beside it (render/deferred_details.py),
with the glyphs only they use; the browser side is in tests/test_browser.py."""

from __future__ import annotations

import re

from handbook.render.deferred_details import defer_details, read_script, restored, script_name

SPRITE = (
    '<svg class="hb-math-glyphs" aria-hidden="true"><defs>'
    '<symbol id="hb-g0" viewbox="0 0 1 1"><path d="m0 0"/></symbol>'
    '<symbol id="hb-g1" viewbox="0 0 1 1"><path d="m1 1"/></symbol>'
    '<symbol id="hb-g2" viewbox="0 0 1 1"/>'
    "</defs></svg>"
)
PAGE = (
    f"<article>{SPRITE}"
    '<p>Text <svg><use xlink:href="#hb-g0"/></svg></p>'
    '<details class="derivation">\n<summary>Derivation: a result</summary>\n'
    '<p>Step <svg><use xlink:href="#hb-g1"/><use xlink:href="#hb-g0"/></svg></p>\n</details>'
    "<ol><li><p>Exercise</p>"
    '<details class="solution">\n<summary>Solution</summary>\n<p>Answer</p>'
    '<details class="note"><summary>Aside</summary><p>inner</p></details>\n</details></li></ol>'
    '<details class="note"><summary>Kept</summary><p>stays</p></details>'
    "</article>"
)


def test_bodies_move_to_the_script_and_placeholders_link_the_twin():
    page = defer_details(PAGE, "index.md")
    loaded = read_script(page.script)
    assert loaded["parts"][0].startswith("<p>Step") and "hb-g1" in loaded["parts"][0]
    assert loaded["parts"][1].startswith("<p>Answer") and "inner" in loaded["parts"][1]
    assert len(loaded["parts"]) == 2  # the nested note moved with its solution
    assert "Step" not in page.html and "Answer" not in page.html and "stays" in page.html
    assert page.html.count("data-hb-part=") == 2
    assert '<a href="index.md">Read this derivation in the page as Markdown</a>' in page.html
    assert "<summary>Derivation: a result</summary>" in page.html


def test_glyphs_only_the_bodies_use_travel_with_them():
    page = defer_details(PAGE, "gans.md")
    loaded = read_script(page.script)
    assert 'id="hb-g1"' in loaded["glyphs"] and 'id="hb-g1"' not in page.html
    assert 'id="hb-g0"' in page.html and 'id="hb-g0"' not in loaded["glyphs"]  # still used here
    assert 'id="hb-g2"' in page.html  # used by nothing: left where it was


def test_a_page_without_derivations_is_untouched():
    html = PAGE.replace('class="derivation"', 'class="note"').replace(
        'class="solution"', 'class="tip"'
    )
    assert defer_details(html, "index.md").html == html
    assert defer_details(html, "index.md").script is None


def test_the_script_and_the_twin_follow_the_page_name_in_both_editions():
    from handbook.render.markdown_twin import twin_path

    assert script_name("model-families/gans/index.html") == "index.details.js"
    assert script_name("model-families/gans.html") == "gans.details.js"
    assert twin_path("model-families/gans/").endswith("/index.md")  # what the hook links
    assert twin_path("model-families/gans.html") == "model-families/gans.md"


def test_an_id_the_page_links_to_keeps_a_target_where_its_body_was():
    html = (
        '<p>See <a href="#cite-back-k">back</a></p>'
        '<details class="derivation"><summary>Derivation: d</summary>'
        '<p>Cited <a id="cite-back-k" href="#cite-k">1</a>, unlinked <span id="quiet"></span></p>'
        "</details>"
    )
    page = defer_details(html, "index.md")
    assert '<span id="cite-back-k"></span>' in page.html  # in the placeholder
    assert 'id="quiet"' not in page.html  # nothing links to it: it waits in the script
    assert 'id=\\"cite-back-k\\"' in page.script  # and comes back with the body, replacing it


def test_search_skips_derivations_exercises_and_programs_but_not_answers():
    from handbook.render.deferred_details import unsearched

    html = "".join(
        f'<details class="{kind}"><summary>s</summary></details>'
        for kind in ("derivation", "exercise", "solution", "program", "question", "note")
    )
    marked = unsearched(html)
    assert marked.count("data-search-exclude") == 4
    assert '<details class="question"><summary>' in marked


def test_restoring_every_body_gives_back_the_page_but_for_glyph_order():
    page = defer_details(PAGE, "index.md")
    back = restored(page.html, page.script)
    moved = '<symbol id="hb-g1" viewbox="0 0 1 1"><path d="m1 1"/></symbol>'
    # The moved glyph returns at the sprite's end, as the browser appends it; a body loses
    # the line breaks around it.
    expected = PAGE.replace(moved, "").replace("</defs>", moved + "</defs>")
    assert re.sub(r">\s+<", "><", back) == re.sub(r">\s+<", "><", expected)
