"""Validate data/ and every article's front matter without building the site.

python tools/validate_data.py        (exit 1 and the full problem list when anything is wrong)
"""

from __future__ import annotations

import sys

from project import PROJECT

from handbook.load.build_errors import HandbookDataError
from handbook.load.handbook_data import DataPaths, load_handbook


def main() -> int:
    try:
        handbook = load_handbook(DataPaths(root=PROJECT, docs_dir=PROJECT / "docs"))
    except HandbookDataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"{len(handbook.articles)} pages, {len(handbook.terms)} terms, {len(handbook.tags)} tags, "
        f"{len(handbook.references)} references, {len(handbook.datasets)} datasets: all valid."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
