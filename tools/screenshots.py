"""Screenshots of every page type and reader interaction, at desktop and phone widths, light
and dark.

    python tools/screenshots.py site OUT_DIR

Pages (top, and one screen further down): home, an article, the glossary, the bibliography,
the timeline, a tag page and a table page. Interactions: a citation's preview, the glossary
filtered by text and tag, the bibliography filtered, a wide table with two columns picked,
a diagram opened (enlarged on phones). Each at 1280 and 390 pixels wide in both colour
schemes. Made to be looked at (layout, contrast, overflow), not compared by a test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from local_site import chromium, serve_directory

PAGES = {
    "home": "",
    "article": "model-families/diffusion-models/",
    "glossary": "reference/glossary/",
    "bibliography": "reference/bibliography/",
    "timeline": "reference/timeline/",
    "tag-page": "tags/architecture/",
    "table-page": "model-families/comparison/",
}


def _citation_preview(page, touch: bool) -> None:
    number = page.locator("article sup.hb-cite a").first
    number.scroll_into_view_if_needed()
    number.tap() if touch else number.hover()
    page.locator("#hb-term-tip").wait_for(state="visible")


def _glossary_filtered(page, touch: bool) -> None:
    page.fill("#hb-glossary-filter", "attention")
    page.locator("button[data-hb-tag='text']").click()


def _bibliography_filtered(page, touch: bool) -> None:
    page.fill("#hb-bibliography-filter", "diffusion")


def _columns_picked(page, touch: bool) -> None:
    figure = page.locator("figure.hb-table").first
    figure.locator("details.hb-columns summary").click()
    boxes = figure.locator("details.hb-columns input")
    boxes.first.wait_for()  # the list is filled once its module has loaded
    for index in range(2, boxes.count()):
        boxes.nth(index).uncheck()
    figure.scroll_into_view_if_needed()


def _diagram_opened(page, touch: bool) -> None:
    link = page.locator("a.glightbox").first
    link.scroll_into_view_if_needed()
    link.tap() if touch else link.click()
    page.wait_for_timeout(800)


INTERACTIONS = {
    "citation-preview": ("model-families/gans/", _citation_preview),
    "glossary-filtered": ("reference/glossary/", _glossary_filtered),
    "bibliography-filtered": ("reference/bibliography/", _bibliography_filtered),
    "columns-picked": ("model-families/comparison/", _columns_picked),
    "diagram-opened": ("model-families/gans/", _diagram_opened),
}
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    with serve_directory(args.site, "/handbook/") as base, chromium() as browser:
        for device, options in DEVICES.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(color_scheme=scheme, **options)
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base + path, wait_until="load")
                    page.wait_for_timeout(200)
                    for part, scroll in (("top", 0), ("below", options["viewport"]["height"])):
                        page.evaluate("y => window.scrollTo(0, y)", scroll)
                        page.wait_for_timeout(100)
                        page.screenshot(path=str(args.out / f"{name}-{device}-{scheme}-{part}.png"))
                        written += 1
                for name, (path, act) in INTERACTIONS.items():
                    page.goto(base + path, wait_until="load")
                    act(page, touch=device == "phone")
                    page.wait_for_timeout(200)
                    page.screenshot(path=str(args.out / f"{name}-{device}-{scheme}.png"))
                    written += 1
                context.close()
    print(f"{written} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
