"""Lighthouse scores for the home page, an article and the glossary, served on 127.0.0.1.

    python tools/lighthouse_scores.py site [--json bench-results/lighthouse.json] [--preset mobile|desktop]

The built site is served the way it is published: under /handbook/latest/ beside a
versions.json (as mike lays it out), gzip-compressed like a real host. Lighthouse comes from
tools/lighthouse/ (npm, `make lighthouse` installs it) and drives Debian's Chromium
(CHROME_PATH). Prints the four category scores per page and marks the target (95).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    parser.add_argument(
        "--reports", type=Path, default=Path("bench-results/lighthouse"), help="full JSON reports"
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(
            "Lighthouse is not installed: run `make lighthouse` (needs Node.js and npm).",
            file=sys.stderr,
        )
        return 2
    scores = {}
    args.reports.mkdir(parents=True, exist_ok=True)
    with serve_published(args.site, compress=True) as base:
        for name, path in PAGES.items():
            report = args.reports / f"{name}-{args.preset}.json"
            scores[name] = run_lighthouse(base + path, args.preset, report)
    print(f"Lighthouse ({args.preset}), target >= {TARGET} in every category")
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("| --- |" + " ---: |" * len(CATEGORIES))
    for name, row in scores.items():
        print(
            f"| {name} | "
            + " | ".join(f"{row[c]}{'' if row[c] >= TARGET else ' (below)'}" for c in CATEGORIES)
            + " |"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"preset": args.preset, "scores": scores}, indent=2))
    return 0 if all(value >= TARGET for row in scores.values() for value in row.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
