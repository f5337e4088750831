"""The bytes a reader's first search downloads, typed into the built site in Chromium.

A page load fetches only the search worker stub (counted by tools/page_weight.py). The
first search then loads the engine, search/meta.json, the postings shards of its words and
the texts of the results it shows. For each sample query this opens an article in a fresh
browser, types the query at a reader's pace, waits for the results and adds up the gzipped
bytes of every search file served (the server compresses as a real host does). With
--synthetic it does the same on synthetic handbooks (tools/synthetic_handbook.py) to show
how the figure grows with the number of pages. The budget is printed, never asserted.

    python tools/search_weight.py site [--synthetic 200,2000] [--json FILE]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

from project import PROJECT, write_report

from build_site import strict_build
from local_site import chromium, serve_directory

BUDGET_GZIP = 150_000
SAMPLE_QUERIES = 12  # the first queries of tests/search/tuning.yml
SYNTHETIC_QUERIES = ("noise distribution", "term12 concept", "gradient of the loss")
KEY_DELAY_MS = 150  # a steady typist; each key is a query, as Material sends them
START_PAGE = {"handbook": "model-families/gans/", "synthetic": "alpha/a0/"}


def is_search_file(url: str) -> bool:
    return "/search/" in url or "search-engine" in url


def first_search(browser, base: str, page: str, query: str) -> tuple[int, int]:
    """(gzipped bytes, files) a fresh reader downloads for a first search of `query`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(base + page)
    tab.wait_for_load_state("networkidle")
    fetched: dict[str, int] = {}

    def record(response) -> None:
        if is_search_file(response.url) and not response.url.endswith("search_index.json"):
            fetched[response.url] = int(response.headers.get("content-length", "0"))

    tab.on("response", record)
    context.on("response", record)
    tab.locator("input.md-search__input").click()
    tab.keyboard.type(query, delay=KEY_DELAY_MS)
    tab.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    tab.wait_for_timeout(500)  # any fetch still under way
    context.close()
    return sum(fetched.values()), len(fetched)


def measure(site: Path, queries: list[str], page: str) -> dict:
    rows = []
    with chromium() as browser, serve_directory(site, "/handbook/", compress=True) as base:
        for query in queries:
            size, files = first_search(browser, base, page, query)
            rows.append({"query": query, "bytes_gz": size, "files": files})
    sizes = [row["bytes_gz"] for row in rows]
    return {"queries": rows, "median": statistics.median(sizes), "max": max(sizes)}


def sample_queries(count: int = SAMPLE_QUERIES) -> list[str]:
    entries = yaml.safe_load((PROJECT / "tests" / "search" / "tuning.yml").read_text())
    return [entry["query"] for entry in entries[:count]]


def synthetic(pages: int) -> dict:
    from synthetic_handbook import Shape, write_handbook

    with tempfile.TemporaryDirectory(prefix="handbook-search-weight-") as scratch:
        root = Path(scratch)
        config = write_handbook(root, Shape(articles=pages, terms=max(40, pages // 5)))
        if strict_build(config, root / "site").returncode != 0:
            raise SystemExit(f"the synthetic handbook of {pages} pages did not build")
        result = measure(root / "site", list(SYNTHETIC_QUERIES), START_PAGE["synthetic"])
        meta = root / "site" / "search" / "meta.json"
        result["meta_bytes"] = meta.stat().st_size
        return result


def kb(value: float) -> str:
    return f"{value / 1000:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--synthetic", default="", help="page counts, e.g. 200,2000")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not (args.site / "search" / "meta.json").is_file():
        print(f"No search data in {args.site}: run `make build` first.", file=sys.stderr)
        return 2
    report = {"handbook": measure(args.site, sample_queries(), START_PAGE["handbook"])}
    handbook = report["handbook"]
    print(
        f"\nFirst search, KB gzipped (engine + meta + postings + texts of the results shown), "
        f"typed at {KEY_DELAY_MS} ms a key:"
    )
    for row in handbook["queries"]:
        print(f"  {row['query']!r:45} {kb(row['bytes_gz']):>7} KB  ({row['files']} files)")
    verdict = "met" if handbook["max"] <= BUDGET_GZIP else "NOT met"
    print(
        f"  median {kb(handbook['median'])} KB, max {kb(handbook['max'])} KB; "
        f"budget <= {kb(BUDGET_GZIP)} KB: {verdict}"
    )
    for pages in [int(n) for n in args.synthetic.split(",") if n.strip()]:
        result = report[f"synthetic {pages}"] = synthetic(pages)
        print(
            f"  synthetic handbook, {pages} pages: median {kb(result['median'])} KB, "
            f"max {kb(result['max'])} KB (meta.json {kb(result['meta_bytes'])} KB raw)"
        )
    if args.json:
        write_report(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
