"""The handbook as readers use it on a 390 px phone and a 1280 px desktop (issue 18):
citations, the bibliography, wide tables, diagrams, the home page, the glossary, tag pages,
the phone header and the timeline. Screenshots of each: `make screenshots`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import chromium, require_chromium, serve_published
from helpers import PROJECT

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
DIAGRAMS = sorted((PROJECT / "docs" / "assets" / "diagrams").glob("*.svg"))


@pytest.fixture(scope="module")
def site(built_site):
    require_chromium()
    with serve_published(built_site) as base, chromium() as browser:
        yield base, browser


def _page(site, device: dict):
    """A page in a fresh context of the device, with the site's address as `page.base`."""
    base, browser = site
    context = browser.new_context(**device)
    page = context.new_page()
    page.base = base
    yield page
    context.close()


@pytest.fixture()
def phone(site):
    yield from _page(site, PHONE)


@pytest.fixture()
def desktop(site):
    yield from _page(site, DESKTOP)


def boxes(locator) -> list[dict]:
    return locator.evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {x: r.left, y: r.top, w: r.width, h: r.height}; })"
    )


# ---- Citations ------------------------------------------------------------------------------


def test_citation_numbers_are_24_px_targets_that_do_not_overlap(phone):
    phone.goto(phone.base + "model-families/gans/")
    targets = boxes(phone.locator("article sup.hb-cite a"))
    assert len(targets) > 20
    assert min(box["w"] for box in targets) >= 24 and min(box["h"] for box in targets) >= 24
    for a, b in zip(targets, targets[1:], strict=False):
        same_line = abs(a["y"] - b["y"]) < 1
        assert not (same_line and a["x"] < b["x"] < a["x"] + a["w"] - 0.5), (a, b)


def test_a_citation_previews_its_entry_and_leads_to_it_and_back(phone):
    phone.goto(phone.base + "model-families/gans/")
    number = phone.locator("article sup.hb-cite a").first
    entry_id = number.get_attribute("href")[1:]
    number.tap()
    tip = phone.locator("#hb-term-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("Goodfellow, I.")
    assert tip.locator("a.hb-tip-more").get_attribute("href").endswith(f"#{entry_id}")
    number.tap()  # the second tap follows the link, to the page's own list
    phone.wait_for_function(
        f"document.getElementById('{entry_id}').closest('li').matches(':has(> span:target)')"
    )
    back = phone.locator(f"li:has(> span#{entry_id}) a.hb-cite-back")
    assert phone.locator(back.get_attribute("href")).count() == 1


def test_a_citation_previews_on_hover_and_focus_on_desktop(desktop):
    desktop.goto(desktop.base + "model-families/comparison/")
    number = desktop.locator("article sup.hb-cite a").first
    number.hover()
    tip = desktop.locator("#hb-term-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text() and tip.locator("a").count() == 0  # the link is for touch only
    desktop.mouse.move(0, 0)
    number.focus()
    tip.wait_for(state="visible")


# ---- Bibliography and glossary ---------------------------------------------------------------


def test_bibliography_has_letters_and_a_filter_that_keeps_cited_on(phone):
    phone.goto(phone.base + "reference/bibliography/")
    letters = phone.locator("nav.hb-az a")
    assert letters.count() >= 20
    tall = phone.evaluate("document.documentElement.scrollHeight")
    phone.fill("#hb-bibliography-filter", "vaswani attention")
    entries = phone.locator("p.hb-reference:visible")
    assert entries.count() == 1, entries.count()
    text = entries.first.text_content()
    assert "Attention Is All You Need" in text and "Cited in:" in text
    assert (
        phone.locator(".hb-filter-count").inner_text()
        == f"1 of {phone.locator('p.hb-reference').count()} shown"
    )
    assert phone.locator("h2[id^='letter-']:visible").count() == 1  # only V is left
    assert phone.evaluate("document.documentElement.scrollHeight") < tall / 10


def test_glossary_filters_by_text_and_by_tag(phone):
    phone.goto(phone.base + "reference/glossary/")
    everything = phone.locator("h3.hb-glossary-term").count()
    phone.fill("#hb-glossary-filter", "kv cache")
    shown = phone.locator("h3.hb-glossary-term:visible").all_text_contents()
    assert any("KV cache" in text for text in shown) and len(shown) < everything
    phone.fill("#hb-glossary-filter", "")
    audio = phone.locator("button[data-hb-tag='audio']")
    audio.click()
    assert audio.get_attribute("aria-pressed") == "true"
    tagged = phone.locator("h3.hb-glossary-term:visible")
    assert 0 < tagged.count() < everything
    assert all(
        "audio" in (t or "").split()
        for t in tagged.evaluate_all("hs => hs.map(h => h.dataset.hbTags)")
    )


def test_tapping_a_term_shows_its_definition_with_a_link_to_the_entry(phone):
    phone.goto(phone.base + "model-families/gans/")
    term = phone.locator("article a.hb-term").first
    term.tap()
    more = phone.locator("#hb-term-tip a.hb-tip-more")
    more.wait_for(state="visible")
    assert more.get_attribute("href") == term.evaluate("a => a.href")


# ---- Wide tables --------------------------------------------------------------------------------


def test_a_wide_table_keeps_its_first_column_and_fits_a_phone_with_columns_picked(phone):
    phone.goto(phone.base + "model-families/comparison/")
    figure = phone.locator("figure.hb-table").first
    scroll = figure.locator(".hb-table-scroll")
    first = figure.locator("tbody th[scope=row]").first
    assert first.evaluate("e => getComputedStyle(e).position") == "sticky"
    scroll.evaluate("e => e.scrollLeft = 400")
    assert first.bounding_box()["x"] == pytest.approx(scroll.bounding_box()["x"], abs=1)
    figure.locator("details.hb-columns summary").click()
    picks = figure.locator("details.hb-columns input")
    picks.first.wait_for()  # the list is filled once its module (table-columns.js) has loaded
    for index in range(2, picks.count()):
        picks.nth(index).uncheck()
    width, room = scroll.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert width <= room  # no sideways scrolling left
    # Sorting still works on what is shown, and the caption and sources stay with the table.
    header = figure.locator("thead th").nth(1)
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert figure.locator("figcaption").is_visible()
    assert figure.locator("ol.hb-table-sources li").count() > 0


# ---- Diagrams -------------------------------------------------------------------------------------


def smallest_label(svg: Path) -> tuple[float, float]:
    """(smallest font size, viewBox width) of a diagram, in its own units."""
    text = svg.read_text(encoding="utf-8")
    sizes = [float(size) for size in re.findall(r'font-size[=:]\s*"?([0-9.]+)', text)]
    width = float(re.search(r'viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+)', text).group(1))
    return min(sizes), width


def test_every_diagram_opens_on_a_phone_with_labels_of_12_px_or_more(phone):
    phone.goto(phone.base + "model-families/gans/")
    phone.locator("a.glightbox").first.tap()
    image = phone.locator("#hb-zoom img")
    image.wait_for()
    shown_width = image.evaluate("i => i.getBoundingClientRect().width")
    assert shown_width > phone.viewport_size["width"]  # really enlarged, panned by scrolling
    for svg in DIAGRAMS:
        smallest, width = smallest_label(svg)
        assert smallest * shown_width / width >= 12, (
            f"{svg.name}: {smallest} units at {shown_width} px"
        )
    phone.keyboard.press("Escape")
    assert phone.locator("#hb-zoom").count() == 0


def test_diagrams_turn_dark_in_dark_mode(site):
    base, browser = site
    context = browser.new_context(color_scheme="dark", **DESKTOP)
    page = context.new_page()
    page.goto(base + "model-families/gans/")
    diagram = page.locator("article img[src*='/diagrams/']").first
    assert "invert" in diagram.evaluate("i => getComputedStyle(i).filter")
    context.close()


# ---- Home, tag pages, header, timeline ------------------------------------------------------------


def test_home_page_has_paths_sections_news_and_search_and_no_empty_column(desktop):
    desktop.goto(desktop.base)
    assert (
        desktop.locator(".md-sidebar--primary").evaluate("e => getComputedStyle(e).visibility")
        == "hidden"
        or not desktop.locator(".md-sidebar--primary").is_visible()
    )
    assert desktop.locator(".grid.cards").count() == 2  # learning paths and sections
    assert desktop.locator("section.hb-whats-new li").count() >= 1
    desktop.get_by_role("button", name="Search the handbook").click()
    assert desktop.evaluate("document.activeElement.matches('input.md-search__input')")


def test_tag_pages_show_their_path_and_tags_read_as_words(phone, handbook):
    phone.goto(phone.base + "tags/math-light/")
    crumbs = phone.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.inner_text().replace("\n", " ").startswith("Home › Tags › ")
    for tag in handbook.tags.values():
        assert "-" not in tag.title or " " in tag.title, f"tag title reads as a slug: {tag.title}"


def test_page_actions_share_one_row_on_a_phone(phone):
    phone.goto(phone.base + "model-families/gans/")  # four tags
    actions = boxes(phone.locator("article a.md-content__button"))
    assert len(actions) == 2 and abs(actions[0]["y"] - actions[1]["y"]) < 1


def test_timeline_entries_set_the_date_apart_one_detail_per_line(phone, desktop):
    for page in (phone, desktop):
        page.goto(page.base + "reference/timeline/")
        when = page.locator("li > time.hb-when").first
        name = page.locator("li:has(> time.hb-when) > strong").first
        date_box, name_box = when.bounding_box(), name.bounding_box()
        if page is phone:  # a line of its own
            assert date_box["y"] + date_box["height"] <= name_box["y"] + 1
        else:  # a column of its own
            assert date_box["x"] + date_box["width"] <= name_box["x"] + 1
        item = page.locator("li:has(> time.hb-when)").first
        assert item.locator("br").count() >= 1
