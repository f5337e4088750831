"""Accessibility in a real browser: axe-core finds nothing serious or critical, in light and
dark; the keyboard reaches and leaves everything; phones get no sideways scrolling.

axe runs here on one page of every kind (each template and each content component: math,
diagrams, generated tables, FAQ and self-check blocks, code, the glossary, a tag page, 404).
The glossary and the bibliography are scanned with their filter in use: their entries all come
from one template, and the whole glossary alone took 30 s of the suite's scan. `make a11y` runs
the same scan over every page of the site, whole; it takes minutes, so it is a command, not
part of the suite.
"""

from __future__ import annotations

import pytest

from a11y_scan import BLOCKING, COLOUR_RULES, scan
from browser import chromium, require_chromium, serve_directory, serve_published
from handbook.load.handbook_data import DataPaths, load_handbook
from helpers import PROJECT

pytestmark = pytest.mark.browser

SHORTS = {
    term.anchor: term.short
    for term in load_handbook(DataPaths(root=PROJECT, docs_dir=PROJECT / "docs")).terms.values()
}


def short_definition(term) -> str:
    """The glossary's short definition of a linked term (glossary-terms.js has the same)."""
    return SHORTS[term.get_attribute("href").split("#")[1]]


PAGES_OF_EVERY_KIND = [
    "",  # home: cards, learning paths
    "model-families/gans/",  # article: math, diagram, admonitions, self-checks, references
    "model-families/comparison/",  # two generated tables
    "foundations/faq/",  # FAQ entries
    "concepts/prompt-library/",  # code blocks
    "modalities/text-and-code/",  # filtered tables with their own captions
    "reference/glossary/",  # the longest page; its filter with tag buttons
    "reference/bibliography/",  # A-Z sections and the filter
    "tags/architecture/",  # generated tag page, outside the navigation
]
# Typed into the long lists' filters before the scan: 60 of 211 glossary entries and 44 of 364
# references stay (December 2026).
FILTERED = {"reference/glossary/": "diffusion", "reference/bibliography/": "diffusion"}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(built_site):
    """The build laid out as mike publishes it, so the version selector is on every page."""
    require_chromium()
    with serve_published(built_site) as base, chromium() as browser:
        yield base, browser


@pytest.fixture(scope="module")
def unversioned(built_site):
    """The build at the site root path: where the 404 page's absolute links point."""
    with serve_directory(built_site, "/handbook/") as base:
        yield base


# Light: every rule but "region" (moderate at most, and the slowest on long pages).
# Dark: the colour rules, the only ones a colour scheme can change.
SUITE_RULES = {
    "light": {"resultTypes": ["violations"], "rules": {"region": {"enabled": False}}},
    "dark": COLOUR_RULES,
}


def test_no_serious_or_critical_axe_violations_in_light_or_dark(site, unversioned):
    base, browser = site
    violations = scan(browser, base, PAGES_OF_EVERY_KIND, SUITE_RULES, filtered=FILTERED)
    violations += scan(browser, unversioned, ["404.html"], SUITE_RULES)
    blocking = [violation.render() for violation in violations if violation.impact in BLOCKING]
    assert blocking == []


@pytest.fixture()
def page(site):
    base, browser = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.base = base
    yield page
    context.close()


def focused(page) -> dict:
    """The focused element, and whether its focus can be seen: an outline or a shadow on it,
    or on the label Material draws for a visually hidden radio or checkbox."""
    return page.evaluate(
        """() => {
          const e = document.activeElement;
          const drawn = (n) => { if (!n) return false; const s = getComputedStyle(n);
            return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none"; };
          const label = e.id ? document.querySelector(`label[for="${e.id}"]`) : null;
          return { tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || "").trim(),
                   href: e.getAttribute("href") || "", cls: String(e.className || ""),
                   type: e.getAttribute("type") || "",
                   visible: drawn(e) || (e.matches("input[type=radio], input[type=checkbox]") && drawn(label)) };
        }"""
    )


def test_skip_link_is_first_and_moves_focus_into_the_content(page):
    page.goto(page.base + "model-families/gans/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["tag"] == "a" and first["href"].endswith("#generative-adversarial-networks-gans")
    assert "skip" in first["text"].lower()
    assert page.locator("a.md-skip").is_visible()  # shown while focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#generative-adversarial-networks-gans"


def test_focus_is_visible_on_links_and_buttons(page):
    page.goto(page.base + "model-families/gans/")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        state = focused(page)
        # A text field shows its caret and its own focused style; everything else needs a ring.
        if state["tag"] in ("a", "button", "input") and state["type"] != "text":
            seen.append(state)
    assert len(seen) >= 30
    assert [state for state in seen if not state["visible"]] == []


def test_open_search_results_have_no_serious_axe_violations(site):
    """The result list (section labels, snippets, marked words) in light and dark."""
    base, browser = site
    violations = scan(browser, base, ["model-families/gans/"], SUITE_RULES, query="mode collapse")
    assert [v.render() for v in violations if v.impact in BLOCKING] == []


def test_search_opens_from_the_keyboard_finds_and_closes(page):
    page.goto(page.base + "")
    page.keyboard.press("/")  # Material's search shortcut
    assert focused(page)["cls"].startswith("md-search__input")
    page.keyboard.type("diffusion")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")  # into the results
    assert focused(page)["tag"] == "a"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_glossary_definition_opens_on_focus_and_closes_with_escape(page):
    page.goto(page.base + "model-families/gans/")
    term = page.locator("article a.hb-term").first
    term.focus()
    tip = page.locator("#hb-term-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text() == short_definition(term)
    assert term.get_attribute("aria-describedby") == "hb-term-tip"
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert term.get_attribute("aria-describedby") is None


@pytest.mark.parametrize(
    "path",
    [
        "",
        "model-families/diffusion-models/",
        "reference/glossary/",
        "tags/architecture/",
        "model-families/comparison/",
    ],
)
def test_phone_layout_has_no_sideways_scrolling(site, path):
    base, browser = site
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= PHONE["width"], (
        f"{path or 'home'} is {width}px wide on a {PHONE['width']}px phone"
    )
