"""With scripts disabled, every article still shows its text, tables, math and navigation."""

from __future__ import annotations

import pytest

from browser import chromium, require_chromium, serve_directory
from test_built_site import built_path

pytestmark = pytest.mark.browser

# Measured in the page in one round trip: what a reader without JavaScript actually sees.
MEASURE = """() => {
  const article = document.querySelector("article.md-content__inner");
  const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const math = [...article.querySelectorAll(".hb-math svg")].filter((e) => !e.closest("details"));
  return {
    title: (article.querySelector("h1") || {}).innerText || "",
    text: article.innerText.length,
    mathShown: math.filter(visible).length,
    mathTotal: math.length,
    tables: [...article.querySelectorAll("table")].map((t) => visible(t) && t.querySelectorAll("tbody tr").length > 0),
    navLinks: document.querySelectorAll("nav.md-nav--primary a.md-nav__link").length,
    tabsShown: [...document.querySelectorAll("nav.md-tabs a")].some(visible),
  };
}"""


def test_articles_render_without_javascript(built_site, handbook):
    require_chromium()
    problems = {}
    with serve_directory(built_site, "/handbook/") as base, chromium() as browser:
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 1280, "height": 900}
        )
        page = context.new_page()
        for src, article in sorted(handbook.articles.items()):
            page.goto(base + built_path(src).removesuffix("index.html"))
            seen = page.evaluate(MEASURE)
            wrong = []
            if article.title not in seen["title"]:
                wrong.append("title")
            if seen["text"] <= 100:
                wrong.append("text")
            if seen["mathShown"] != seen["mathTotal"]:
                wrong.append(f"math drawn {seen['mathShown']}/{seen['mathTotal']}")
            if not all(seen["tables"]):
                wrong.append("table hidden or empty")
            if seen["navLinks"] < 7:  # pruned: the sections plus this one's pages
                wrong.append("navigation")
            if not seen["tabsShown"]:
                wrong.append("tabs")
            if wrong:
                problems[src] = wrong
        context.close()
    assert problems == {}
