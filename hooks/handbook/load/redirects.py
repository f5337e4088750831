"""Pages that moved (data/redirects.yml), so that every link to an old address keeps working.

    - from: concepts/old-name.md      # where the page was, as a path in docs/
      to: concepts/new-name.md        # where it is now (a page of this build)

A page that moves twice needs one entry per old path, each pointing at where the page is now;
an entry pointing at another moved page is reported with the fix, never followed silently. The
file is optional: without it nothing has moved.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from handbook.load.build_errors import Problems, closest
from handbook.load.yaml_source import read_yaml

FIELDS = ("from", "to")


def load_redirects(
    path: Path, display: str, pages: Collection[str], problems: Problems
) -> dict[str, str]:
    """Old source path -> current source path. `pages`: every page of the build (authored
    and generated), by source path."""
    if not path.exists():
        return {}
    entries = read_yaml(path, display, problems)
    if entries is None:
        return {}
    if not isinstance(entries, list):
        problems.add(display, "", "", "is not a list", "write one '- from: ... to: ...' per page")
        return {}
    redirects: dict[str, str] = {}
    for number, entry in enumerate(entries, 1):
        line = getattr(entry, "line", None)
        name = f"redirect {number}"
        if not isinstance(entry, dict) or set(entry) != set(FIELDS):
            problems.add(
                display,
                name,
                "",
                "needs exactly the fields 'from' and 'to'",
                "write '- from: old/path.md' and 'to: new/path.md'",
                line=line,
            )
            continue
        old, new = (str(entry[field]).strip().lstrip("/") for field in FIELDS)
        for field, value in (("from", old), ("to", new)):
            if not value.endswith(".md"):
                problems.add(
                    display,
                    name,
                    field,
                    f"'{value}' is not a page path",
                    "give the page's path in docs/, ending in .md",
                    line=line,
                )
        if old in pages:
            problems.add(
                display,
                name,
                "from",
                f"'{old}' is a page of this build, so it has not moved",
                "remove the entry, or move the page first",
                line=line,
            )
        elif new not in pages:
            suggestion = closest(new, pages)
            problems.add(
                display,
                name,
                "to",
                f"'{new}' is not a page of this build",
                f"use '{suggestion}'" if suggestion else "give the path of an existing page",
                line=line,
            )
        elif old in redirects:
            problems.add(
                display, name, "from", f"'{old}' is redirected twice", "keep one", line=line
            )
        redirects[old] = new
    for old, new in redirects.items():
        if new in redirects:
            problems.add(
                display,
                f"redirect from '{old}'",
                "to",
                f"'{new}' has moved too (to '{redirects[new]}')",
                f"point it at '{redirects[new]}'",
            )
    return redirects
