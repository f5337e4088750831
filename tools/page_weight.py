"""What a reader downloads per page type: HTML, CSS, JS, fonts, images and data, raw and gzipped.

    python tools/page_weight.py site [--json out.json] [--root-path /handbook/]

For one representative page of each type (home, article, glossary, tag page, table page) it
follows every resource the page loads (stylesheets, scripts, images, icons, and fonts named in
the stylesheets, and what Material's script fetches at load: the search worker and the search
index stub), sums their sizes by kind, and compresses each file with gzip -9 the way a web
server would. With --first-search it also types reader queries into the search box in
Chromium and reports the bytes a first search downloads (tools/search_weight.py). Anything loaded from another host is listed as a third-party request; the budget
is none. Prints a table and marks the article budget (100 KB gzipped, all in).
"""

from __future__ import annotations

import argparse
import gzip
import json
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from project import write_report

PAGE_TYPES = {
    "home": "index.html",
    "article": "model-families/diffusion-models/index.html",
    "glossary": "reference/glossary/index.html",
    "tag page": "tags/architecture/index.html",
    "table page": "model-families/comparison/index.html",
}
ARTICLE_BUDGET_GZIP = 100_000
KINDS = ("html", "css", "js", "fonts", "images", "data")
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf", ".eot")
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
# Loaded by assets/javascripts/handbook.js only when the page has a matching element and the
# reader opens it (the first click on an image): not part of loading the page, reported apart.
ON_CLICK = {
    "a.glightbox": ("assets/javascripts/glightbox.min.js", "assets/stylesheets/glightbox.min.css"),
}


@dataclass
class Weight:
    raw: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    gzipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    files: set[str] = field(default_factory=set)
    third_party: list[str] = field(default_factory=list)
    on_click_gzipped: int = 0  # fetched only when the reader opens an image

    def add(self, kind: str, path: Path, seen_as: str) -> None:
        if seen_as in self.files:
            return
        self.files.add(seen_as)
        data = path.read_bytes()
        self.raw[kind] += len(data)
        self.gzipped[kind] += len(gzip.compress(data, compresslevel=9, mtime=0))

    @property
    def total_raw(self) -> int:
        return sum(self.raw.values())

    @property
    def total_gzipped(self) -> int:
        return sum(self.gzipped.values())


def kind_of(url_path: str) -> str | None:
    lowered = url_path.lower()
    if lowered.endswith(".css"):
        return "css"
    if lowered.endswith(".js"):
        return "js"
    if lowered.endswith(FONT_SUFFIXES):
        return "fonts"
    if lowered.endswith(IMAGE_SUFFIXES):
        return "images"
    return None


def resolve(site: Path, from_file: str, url: str, root_path: str) -> tuple[Path | None, str]:
    """(file in the site, its site-relative path) for a URL, or (None, url) if external."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, url
    path = unquote(parts.path)
    if not path:
        return None, ""
    if path.startswith("/"):
        relative = path[len(root_path) :] if path.startswith(root_path) else path.lstrip("/")
    else:
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), path))
    return site / relative, relative


def page_urls(html: str) -> list[str]:
    tree = HTMLParser(html)
    urls = [
        node.attributes.get("href") for node in tree.css("link[rel~=stylesheet], link[rel~=icon]")
    ]
    urls += [node.attributes.get("src") for node in tree.css("script[src], img[src]")]
    return [url for url in urls if url and not url.startswith("data:")]


def fetched_at_load(tree) -> list[tuple[str, str]]:
    """(kind, URL relative to the page) of what Material's script fetches as every page
    loads: the search worker named in __config, and search/search_index.json (the handbook's
    holds settings only; the search data itself loads on the first query)."""
    node = tree.css_first("script#__config")
    if node is None:
        return []
    config = json.loads(node.text())
    fetched = []
    if config.get("search"):
        fetched.append(("js", config["search"]))
    if tree.css_first("form[name=search]") is not None:
        fetched.append(("data", config.get("base", ".").rstrip("/") + "/search/search_index.json"))
    return fetched


def weigh_page(site: Path, page: str, root_path: str = "/") -> Weight:
    weight = Weight()
    weight.add("html", site / page, page)
    html = (site / page).read_text(encoding="utf-8")
    tree = HTMLParser(html)
    for kind, url in fetched_at_load(tree):
        target, relative = resolve(site, page, url, root_path)
        if target is not None and target.is_file():
            weight.add(kind, target, relative)
    for selector, assets in ON_CLICK.items():
        if tree.css_first(selector) is not None:
            for asset in assets:
                if (site / asset).is_file():
                    data = (site / asset).read_bytes()
                    weight.on_click_gzipped += len(gzip.compress(data, compresslevel=9, mtime=0))
    for url in page_urls(html):
        target, relative = resolve(site, page, url, root_path)
        if target is None:
            if relative:
                weight.third_party.append(url)
            continue
        kind = kind_of(relative)
        if kind is None or not target.is_file():
            continue
        weight.add(kind, target, relative)
        if kind == "css":
            _weigh_stylesheet(site, relative, target, weight, root_path)
    return weight


def _weigh_stylesheet(
    site: Path, relative: str, path: Path, weight: Weight, root_path: str
) -> None:
    """Fonts and images a stylesheet loads. Browsers fetch a font only when text needs it, so
    this is an upper bound; with system fonts there are none."""
    for url in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
        if url.startswith("data:") or url.startswith("#"):
            continue
        target, target_relative = resolve(site, relative, url, root_path)
        if target is None:
            weight.third_party.append(url)
            continue
        kind = kind_of(target_relative)
        if kind in ("fonts", "images") and target.is_file():
            weight.add(kind, target, target_relative)


def article_pages(site: Path) -> list[str]:
    """Every built page under a section folder, except section indexes."""
    sections = ("foundations", "model-families", "modalities", "concepts", "applications", "risks")
    pages = []
    for section in sections:
        for path in sorted((site / section).rglob("*.html")):
            relative = path.relative_to(site).as_posix()
            if relative not in (f"{section}/index.html", f"{section}.html"):
                pages.append(relative)
    return pages


def report(site: Path, root_path: str) -> dict:
    rows = {}
    for name, page in PAGE_TYPES.items():
        if (site / page).is_file():
            rows[name] = (page, weigh_page(site, page, root_path))
    return rows


def kb(value: int) -> str:
    return f"{value / 1000:.1f}"


def print_table(rows: dict) -> None:
    print(
        "| page type | page | "
        + " | ".join(f"{k} KB (gz)" for k in KINDS)
        + " | total KB | total KB gz | on first image click, KB gz |"
    )
    print("| --- | --- |" + " ---: |" * (len(KINDS) + 3))
    for name, (page, weight) in rows.items():
        cells = [f"{kb(weight.raw[k])} ({kb(weight.gzipped[k])})" for k in KINDS]
        print(
            f"| {name} | {page} | "
            + " | ".join(cells)
            + f" | {kb(weight.total_raw)} | {kb(weight.total_gzipped)} | "
            + f"{kb(weight.on_click_gzipped) if weight.on_click_gzipped else '—'} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--root-path", default="/")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rows = report(args.site, args.root_path)
    if not rows:
        print(f"No known pages in {args.site}; build the site first (make build).", file=sys.stderr)
        return 2
    print_table(rows)
    third_party = sorted({url for _, weight in rows.values() for url in weight.third_party})
    article = rows.get("article")
    article_ok = article is not None and article[1].total_gzipped <= ARTICLE_BUDGET_GZIP
    print()
    print(
        f"Third-party requests: {len(third_party)}"
        + (f" ({', '.join(third_party)})" if third_party else "")
    )
    articles = sorted(
        (
            (weigh_page(args.site, page, args.root_path).total_gzipped, page)
            for page in article_pages(args.site)
        ),
        reverse=True,
    )
    within = sum(1 for total, _ in articles if total <= ARTICLE_BUDGET_GZIP)
    if article:
        print(
            f"Article budget (<= {kb(ARTICLE_BUDGET_GZIP)} KB gzipped, all in): the sample "
            f"article is {kb(article[1].total_gzipped)} KB, {'met' if article_ok else 'NOT met'}; "
            f"{within} of {len(articles)} articles are within it"
        )
        if articles:
            median = articles[len(articles) // 2][0]
            heavy = ", ".join(f"{page} {kb(total)}" for total, page in articles[:3])
            print(f"  median article {kb(median)} KB; heaviest: {heavy}")
    if args.json:
        by_type = {
            name: {
                "page": page,
                "raw": w.raw,
                "gzipped": w.gzipped,
                "total_raw": w.total_raw,
                "total_gzipped": w.total_gzipped,
                "on_click_gzipped": w.on_click_gzipped,
                "third_party": w.third_party,
            }
            for name, (page, w) in rows.items()
        }
        write_report(args.json, by_type | {"articles": {page: total for total, page in articles}})
    return 0 if article_ok and not third_party else 1


if __name__ == "__main__":
    sys.exit(main())
