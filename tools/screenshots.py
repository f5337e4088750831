"""Screenshots of five page types at desktop and phone widths, light and dark.

    python tools/screenshots.py site OUT_DIR

Home, an article, the glossary, a tag page and a table page, each at 1280 and 390 pixels
wide in both colour schemes: the top of the page and one screen further down. Made to be
looked at (layout, contrast, overflow), not compared by a test.
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
    "tag-page": "tags/architecture/",
    "table-page": "model-families/comparison/",
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
                context.close()
    print(f"{written} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
