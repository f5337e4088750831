"""Run axe-core over every page of a built site in Chromium, in the light and the dark scheme.

    python tools/a11y_scan.py site [--json out.json]

The site is served on 127.0.0.1; each page is opened in a browser context that prefers the
given colour scheme (Material's palette follows it), axe-core is injected from the
axe-playwright-python package and run. Prints the violations by impact and rule, and exits 1
if any is serious or critical. The test suite runs the same scan (tests/test_accessibility.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import axe_playwright_python

from project import write_report

from local_site import chromium, serve_directory, serve_published

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
SCHEMES = ("light", "dark")
BLOCKING = ("serious", "critical")
# Every rule axe has (WCAG 2.x A and AA, and best practices such as landmarks), in both schemes.
EVERY_RULE = {"resultTypes": ["violations"]}
FULL_SCAN = {"light": EVERY_RULE, "dark": EVERY_RULE}
# The rules whose outcome depends on colours: all a second scheme can change.
COLOUR_RULES = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}


@dataclass
class Violation:
    page: str
    scheme: str
    rule: str
    impact: str
    help: str
    targets: list[str] = field(default_factory=list)

    def render(self) -> str:
        where = ", ".join(self.targets[:3]) + (" ..." if len(self.targets) > 3 else "")
        return f"[{self.impact}] {self.page} ({self.scheme}): {self.rule}: {self.help} at {where}"


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the site, as URL paths relative to its root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.endswith("index.html"):
            relative = relative[: -len("index.html")]
        pages.append(relative)
    return pages


def scan(
    browser,
    base_url: str,
    pages: list[str],
    rules: dict | None = None,
    query: str = "",
    filtered: dict[str, str] | None = None,
) -> list[Violation]:
    """Violations on `pages`; `rules` maps a colour scheme to axe options (default: all rules
    in both schemes). With `query`, each page is checked with that search's results open.
    `filtered` maps a page to words typed into its list filter first (the glossary's and the
    bibliography's): axe then checks the filter in use and the entries it leaves."""
    violations = []
    for scheme, options in (rules or FULL_SCAN).items():
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        for path in pages:
            page.goto(base_url + path, wait_until="load")
            if filtered and path in filtered:
                page.locator(".hb-filter input").fill(filtered[path])
                page.locator(".hb-filter-count").filter(has_text="shown").wait_for()
            if query:
                page.locator("input.md-search__input").click()
                page.keyboard.type(query)
                # the final results carry snippets (<p>); titles alone may come first
                page.locator(
                    ".md-search-result__item .md-search-result__article p"
                ).first.wait_for()
            page.add_script_tag(path=str(AXE_SCRIPT))
            result = page.evaluate("options => axe.run(document, options)", options)
            for item in result["violations"]:
                violations.append(
                    Violation(
                        page=path or "/",
                        scheme=scheme,
                        rule=item["id"],
                        impact=item.get("impact") or "unknown",
                        help=item["help"],
                        targets=[" ".join(node["target"]) for node in item["nodes"]],
                    )
                )
        context.close()
    return violations


def summary(violations: list[Violation]) -> str:
    by_impact = Counter(violation.impact for violation in violations)
    by_rule = Counter((violation.impact, violation.rule) for violation in violations)
    lines = [
        "Violations by impact: "
        + (", ".join(f"{impact} {count}" for impact, count in sorted(by_impact.items())) or "none")
    ]
    lines += [
        f"  {impact:9} {rule}: {count} page views"
        for (impact, rule), count in sorted(by_rule.items())
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--root-path",
        default="/handbook/",
        help="the path of site_url, where the 404 page's links point",
    )
    args = parser.parse_args(argv)
    pages = site_pages(args.site)
    # Laid out as mike publishes it (the version selector then appears on every page); the
    # 404 page links absolutely to the site root, so it is opened there.
    with (
        serve_published(args.site, args.root_path) as base,
        serve_directory(args.site, args.root_path) as root,
        chromium() as browser,
    ):
        violations = scan(browser, base, [p for p in pages if p != "404.html"])
        violations += scan(browser, root, [p for p in pages if p == "404.html"])
    print(f"{len(pages)} pages x {len(SCHEMES)} schemes scanned")
    print(summary(violations))
    for violation in violations:
        if violation.impact in BLOCKING:
            print(violation.render())
    if args.json:
        write_report(args.json, [vars(v) for v in violations])
    return 1 if any(v.impact in BLOCKING for v in violations) else 0


if __name__ == "__main__":
    sys.exit(main())
