"""The handbook in headless Chromium: the web build served on 127.0.0.1 and the offline
bundle opened from file://. Both must search, navigate, show glossary definitions and the
version, sort tables, log no errors and contact no other host."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from browser import chromium, require_chromium, serve_published
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


@dataclass(frozen=True)
class Edition:
    name: str
    base: str  # URL of the site root, ending in /
    directory_urls: bool

    def url(self, page: str) -> str:
        """`page` as 'model-families/gans' -> the URL of that page ('' is the home page)."""
        if not page:
            return self.base + ("" if self.directory_urls else "index.html")
        return self.base + (f"{page}/" if self.directory_urls else f"{page}.html")

    def allowed(self, url: str) -> bool:
        if url.startswith(("data:", "about:", "blob:")):
            return True
        if self.directory_urls:
            return urlsplit(url).hostname == "127.0.0.1"
        return url.startswith("file://")


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module", params=["web", "offline"])
def edition(request, built_site, tmp_path_factory):
    require_chromium()
    if request.param == "web":
        with serve_published(built_site) as base:
            yield Edition("web", base, directory_urls=True)
    else:
        _, site = request.getfixturevalue("offline_bundle")
        yield Edition("offline", site.as_uri() + "/", directory_urls=False)


@pytest.fixture()
def open_page(browser, edition):
    """Open pages in a fresh context, recording requests and errors; checked on teardown."""
    context = browser.new_context()
    requests, errors = [], []

    def open_(page_name: str, **options):
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(edition.url(page_name))
        return page

    yield open_
    context.close()
    assert errors == [], f"{edition.name}: console errors"
    assert [url for url in requests if not edition.allowed(url)] == [], (
        f"{edition.name}: requests left"
    )


def test_search_finds_a_known_term(open_page, edition):
    page = open_page("foundations/what-is-generative-ai")
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    page.locator("input.md-search__input").type("discriminator", delay=20)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("(links) => links.map(a => a.getAttribute('href'))")
    assert any("model-families/gans" in href for href in hrefs), hrefs


def test_search_by_keyboard_opens_the_result_with_its_words_marked(open_page, edition):
    """The reader presses "/", types, picks the first result with the arrow key and Enter;
    the page opens with the query's words highlighted (Material's search.highlight)."""
    page = open_page("foundations/faq")
    page.keyboard.press("/")
    page.keyboard.type("mode collapse", delay=40)
    page.locator(".md-search-result__item .md-search-result__article p").first.wait_for(
        timeout=10_000
    )
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "h=" in page.url
    marked = page.locator("article mark").first
    marked.wait_for(timeout=5_000)
    assert "collapse" in marked.inner_text().lower() or "mode" in marked.inner_text().lower()


def test_three_internal_links_load(open_page, edition):
    page = open_page("")
    for name, title in (
        ("What is generative AI?", "What is generative AI?"),
        ("Comparing model families", "Comparing model families"),
        ("Frequently asked questions", "Frequently asked questions"),
    ):
        page.locator("article a", has_text=name).first.click()
        page.locator("article h1", has_text=title).wait_for()
        page.go_back()
        page.locator("article h1", has_text="Generative AI Handbook").wait_for()


def test_definition_shows_on_hover_and_on_focus(open_page):
    page = open_page("model-families/comparison")
    term = page.locator("article a.hb-term").first
    tip = page.locator("#hb-term-tip")
    term.hover()
    tip.wait_for(state="visible")  # the first hover loads the definitions (glossary-terms.js)
    assert tip.inner_text() == short_definition(term)
    assert term.get_attribute("aria-describedby") == "hb-term-tip"
    page.mouse.move(0, 0)
    assert tip.is_hidden()
    term.focus()
    assert tip.is_visible() and tip.inner_text() == short_definition(term)  # loaded by now
    page.keyboard.press("Escape")
    assert tip.is_hidden()


def test_first_tap_shows_definition_second_tap_follows_link(browser, edition):
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(edition.url("model-families/comparison"))
    term = page.locator("article a.hb-term").first
    anchor = term.get_attribute("href").split("#")[1]
    term.tap()
    tip = page.locator("#hb-term-tip")
    tip.wait_for(state="visible")  # once glossary-terms.js loaded
    # The definition, then (on touch screens) a link to the entry.
    assert tip.evaluate("t => t.firstChild.textContent") == short_definition(term)
    assert tip.locator("a.hb-tip-more").get_attribute("href") == term.evaluate("a => a.href")
    assert page.url == edition.url("model-families/comparison")
    term.tap()
    page.wait_for_url(lambda url: "reference/glossary" in url)
    assert page.url.endswith(f"#{anchor}")
    context.close()


def test_copy_page_as_markdown_copies_the_pages_twin(open_page, edition):
    page = open_page("model-families/gans")
    # What reaches the clipboard, without asking the headless browser for clipboard rights.
    page.evaluate(
        "() => { window.__copied = null; navigator.clipboard.writeText ="
        " (text) => { window.__copied = text; return Promise.resolve(); }; }"
    )
    button = page.get_by_role("button", name="Copy page as Markdown")
    button.click()
    page.locator(".hb-copy-status", has_text="Copied.").wait_for(timeout=10_000)
    copied = page.evaluate("window.__copied")
    assert copied.startswith("# Generative adversarial networks (GANs)\n")
    assert "$D(x)$" in copied and "/reference/bibliography/#ref-goodfellow2014)]" in copied


def test_ctrl_p_loads_every_collapsed_body_before_printing(open_page, edition):
    """A printed page shows the derivations, not their placeholders (handbook.js, fillAll)."""
    page = open_page("model-families/gans")
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    assert page.locator("[data-hb-part]").count() > 3
    page.locator("body").press("Control+p")
    page.wait_for_function("window.__printed === true", timeout=10_000)
    assert page.locator("[data-hb-part]").count() == 0
    assert page.locator("details.derivation .hb-math svg").count() > 0


def test_a_program_opened_later_gets_the_copy_button_material_gives_code(open_page, edition):
    """Program listings arrive after Material set up the page's code (handbook.js,
    likeMaterialCode): the copy button is added then, and copies that block's code."""
    page = open_page("model-families/gans")
    program = page.locator("details.program").first
    program.locator("summary").click()
    button = program.locator("button.md-code__button[data-md-type='copy']")
    button.wait_for(timeout=10_000)
    assert button.count() == 1
    # ClipboardJS copies from a selected scratch text area: what it holds at "copy" is what
    # reaches the clipboard.
    page.evaluate(
        "() => document.addEventListener('copy', () => {"
        " window.__copied = document.activeElement.value; })"
    )
    button.click()
    page.locator(".md-dialog", has_text="Copied to clipboard").wait_for(timeout=10_000)
    copied = page.evaluate("window.__copied")
    assert copied == program.locator("pre > code").inner_text().rstrip()
    assert "np." in copied and len(copied.splitlines()) > 5  # the program's code, not a stub


def colour_state(page) -> tuple[str, str, str]:
    return tuple(
        page.evaluate(
            """() => [document.body.dataset.mdColorMedia, document.body.dataset.mdColorScheme,
                      document.getElementById("hb-palette").getAttribute("aria-label")]"""
        )
    )


def test_colour_switch_follows_the_system_then_cycles_and_remembers(browser, edition):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(edition.url("model-families/gans"))
    switch = page.locator("#hb-palette")
    assert switch.is_visible()
    assert colour_state(page) == ("(prefers-color-scheme)", "slate", "Switch to light mode")
    switch.focus()
    page.keyboard.press("Enter")
    assert colour_state(page) == ("(prefers-color-scheme: light)", "default", "Switch to dark mode")
    page.goto(edition.url(""))  # the choice holds on the next page
    assert colour_state(page) == ("(prefers-color-scheme: light)", "default", "Switch to dark mode")
    switch.click()
    assert colour_state(page)[1:] == ("slate", "Switch to system preference")
    switch.click()
    assert colour_state(page) == ("(prefers-color-scheme)", "slate", "Switch to light mode")
    page.emulate_media(color_scheme="light")  # automatic keeps following the system
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'", timeout=5000)
    assert errors == []
    context.close()


def test_colour_switch_survives_a_corrupt_stored_choice(browser, edition):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(edition.url("model-families/gans"))
    page.evaluate("() => localStorage.setItem(__md_scope.pathname + '.__palette', '{not json')")
    page.reload()
    assert colour_state(page) == ("(prefers-color-scheme)", "slate", "Switch to light mode")
    context.close()


def test_colour_scheme_is_set_before_materials_script_runs(browser, edition):
    """A dark-mode reader never sees the page drawn light first: the scheme is in place even
    when Material's bundle does not run at all."""
    context = browser.new_context(color_scheme="dark")
    context.route("**/bundle.*.min.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(edition.url("model-families/gans"))
    assert colour_state(page) == ("(prefers-color-scheme)", "slate", "Switch to light mode")
    context.close()


def test_version_is_shown(open_page, edition):
    stamp = open_page("model-families/gans").locator(".hb-build-stamp")
    expected = "9.9" if edition.name == "offline" else "dev"
    assert stamp.locator("[data-hb-version]").inner_text() == expected


def test_table_sorts_by_column(open_page):
    page = open_page("model-families/comparison")
    table = page.locator("table.hb-sortable").first
    header = table.locator('thead th[data-hb-sort="number"]').first
    column = header.evaluate("(th) => th.cellIndex")

    def years() -> list[int]:
        return [
            int(value)
            for value in table.evaluate(
                "(t, i) => Array.from(t.tBodies[0].rows, r => r.cells[i].dataset.sort)", column
            )
        ]

    header.locator("button.hb-sort").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert years() == sorted(years()) and len(set(years())) > 1
    header.locator("button.hb-sort").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert years() == sorted(years(), reverse=True)


def test_lightbox_loads_on_the_first_click_and_opens_the_diagram(open_page, edition):
    loaded = []
    page = open_page("")
    page.on("request", lambda request: loaded.append(request.url))
    # Reach a page with a diagram by a link first: the lightbox must not load on the way.
    page.locator("article a", has_text="What is generative AI?").first.click()
    page.locator("article h1", has_text="What is generative AI?").wait_for()
    page.goto(edition.url("model-families/gans"))
    page.wait_for_load_state("load")
    assert not [url for url in loaded if "glightbox" in url]  # nothing until asked for
    page.locator("a.glightbox").first.click()
    page.locator(".glightbox-container .gslide-image img").first.wait_for(state="visible")
    assert [url for url in loaded if "glightbox.min.js" in url]
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached")
    page.locator("a.glightbox").first.click()  # the second time, without loading again
    page.locator(".glightbox-container .gslide-image img").first.wait_for(state="visible")
    assert len([url for url in loaded if "glightbox.min.js" in url]) == 1


def test_a_derivation_and_an_exercise_load_their_bodies_when_opened(open_page, edition):
    """Their bodies live in a script beside the page (render/deferred_details.py); opening one
    puts its math back, with every glyph it uses defined on the page."""
    page = open_page("model-families/gans")
    for selector in ("details.derivation", "details.exercise"):
        details = page.locator(selector).first
        assert details.locator("[data-hb-part]").count() == 1  # only the placeholder so far
        details.locator("summary").click()
        details.locator(".hb-math svg, p").first.wait_for()
        page.wait_for_function(
            "d => !d.querySelector('[data-hb-part]')", arg=details.element_handle()
        )
        missing = details.evaluate(
            "d => Array.from(d.querySelectorAll('use')).map(u => u.getAttribute('xlink:href'))"
            ".filter(h => !document.getElementById(h.slice(1)))"
        )
        assert missing == [], f"{edition.name}: glyphs not on the page: {missing[:5]}"
    assert page.locator("details.derivation .hb-math svg").count() > 0
    solution = page.locator("details.exercise details.solution").first
    solution.locator("summary").click()  # came with its exercise, nothing more to load
    assert solution.locator("p").first.is_visible()
