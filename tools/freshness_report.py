"""List the pages and dataset rows due for review: `make freshness`.

    python tools/freshness_report.py [--months 6] [--out bench-results/freshness.md]

Prints the report and writes it to --out. Exits 0 whatever is due: the report is a to-do
list, not a check (the build prints the same count without failing).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from project import PROJECT

from handbook.load.build_errors import HandbookDataError
from handbook.load.freshness import REVIEW_INTERVAL_MONTHS, due_report, review_due
from handbook.load.handbook_data import DataPaths, load_handbook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=REVIEW_INTERVAL_MONTHS)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--out", type=Path, default=PROJECT / "bench-results" / "freshness.md")
    args = parser.parse_args(argv)
    try:
        handbook = load_handbook(DataPaths(root=PROJECT, docs_dir=PROJECT / "docs"))
    except HandbookDataError as error:
        print(error.report(), file=sys.stderr)
        return 2
    report = due_report(review_due(handbook, args.today, args.months), args.today, args.months)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
