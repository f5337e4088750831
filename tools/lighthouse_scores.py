"""Lighthouse scores for the home page, an article and the glossary, served on 127.0.0.1.

    python tools/lighthouse_scores.py site [--json bench-results/lighthouse.json]
        [--preset mobile|desktop] [--runs 5]

The built site is served the way it is published: under /handbook/latest/ beside a
versions.json (as mike lays it out), gzip-compressed like a real host. Lighthouse comes from
tools/lighthouse/ (npm, `make lighthouse` installs it) and drives Debian's Chromium
(CHROME_PATH). Prints the four category scores per page and marks the target (95).

Each page is scored --runs times and the median is reported, with the lowest and highest
performance score beside it: on a shared 2-core machine one run's performance score moves by
several points, and Lighthouse's own guidance on variability is to take the median of five.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from project import write_report

from local_site import CHROMIUM, CHROMIUM_FLAGS, serve_published

LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "article": "model-families/gans/", "glossary": "reference/glossary/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95


def run_lighthouse(url: str, preset: str, report: Path) -> dict[str, int]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def median_scores(runs: list[dict[str, int]]) -> dict[str, int]:
    """Per category, the median over runs (the lower middle one for an even count)."""
    return {name: statistics.median_low(run[name] for run in runs) for name in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    parser.add_argument("--runs", type=int, default=5, help="runs per page; the median is reported")
    parser.add_argument(
        "--reports", type=Path, default=Path("bench-results/lighthouse"), help="full JSON reports"
    )
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="score these pages instead of home, article and glossary (e.g. table=model-families/comparison/)",
    )
    args = parser.parse_args(argv)
    pages = dict(page.split("=", 1) for page in args.page) if args.page else PAGES
    if not LIGHTHOUSE.exists():
        print(
            "Lighthouse is not installed: run `make lighthouse` (needs Node.js and npm).",
            file=sys.stderr,
        )
        return 2
    runs: dict[str, list[dict[str, int]]] = {name: [] for name in pages}
    args.reports.mkdir(parents=True, exist_ok=True)
    with serve_published(args.site, compress=True) as base:
        # Pages take turns, so a slow spell on the machine does not land on one page only.
        for run in range(args.runs):
            for name, path in pages.items():
                report = args.reports / f"{name}-{args.preset}-{run + 1}.json"
                runs[name].append(run_lighthouse(base + path, args.preset, report))
    scores = {name: median_scores(page_runs) for name, page_runs in runs.items()}
    print(
        f"Lighthouse ({args.preset}), median of {args.runs} runs per page, "
        f"target >= {TARGET} in every category"
    )
    print("| page | " + " | ".join(CATEGORIES) + " | performance, lowest–highest |")
    print("| --- |" + " ---: |" * (len(CATEGORIES) + 1))
    for name, row in scores.items():
        performance = [run["performance"] for run in runs[name]]
        print(
            f"| {name} | "
            + " | ".join(f"{row[c]}{'' if row[c] >= TARGET else ' (below)'}" for c in CATEGORIES)
            + f" | {min(performance)}–{max(performance)} |"
        )
    if args.json:
        write_report(args.json, {"preset": args.preset, "scores": scores, "runs": runs})
    return 0 if all(value >= TARGET for row in scores.values() for value in row.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
