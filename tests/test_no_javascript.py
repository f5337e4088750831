"""With scripts disabled, every article still shows its text, tables, math and navigation."""

from __future__ import annotations

import pytest

from browser import chromium, require_chromium, serve_directory
from test_built_site import built_path

pytestmark = pytest.mark.browser


def test_articles_render_without_javascript(built_site, handbook):
    require_chromium()
    with serve_directory(built_site, "/handbook/") as base, chromium() as browser:
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 1280, "height": 900}
        )
        page = context.new_page()
        for src, article in sorted(handbook.articles.items()):
            page.goto(base + built_path(src).removesuffix("index.html"))
            body = page.locator("article.md-content__inner")
            assert article.title in body.locator("h1").first.inner_text(), src
            assert len(body.inner_text()) > 100, f"{src}: article text missing"
            for svg in page.locator("article .hb-math svg").all()[:20]:
                if svg.evaluate("(e) => e.closest('details') !== null"):
                    continue  # inside a closed self-check answer
                box = svg.bounding_box()
                assert box and box["width"] > 0 and box["height"] > 0, f"{src}: math not drawn"
            for table in page.locator("article table").all():
                assert table.is_visible() and table.locator("tbody tr").count() > 0, src
            nav_links = page.locator("nav.md-nav--primary a.md-nav__link")
            assert nav_links.count() >= 7, (
                f"{src}: navigation missing"
            )  # pruned: sections + this one
            assert page.locator("nav.md-tabs a").first.is_visible(), f"{src}: tabs hidden"
        context.close()
