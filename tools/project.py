"""What every tool knows about the project: where it is, how to import the pipeline
(hooks/handbook/), and the environment MkDocs runs in. Import it before anything from handbook.

    from project import PROJECT, mkdocs_env
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
HOOKS = PROJECT / "hooks"
TOOLS = PROJECT / "tools"

for folder in (HOOKS, TOOLS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def mkdocs_env(**extra: str) -> dict[str, str]:
    """The environment for a MkDocs run: Material's end-of-life box hidden (every build prints
    our own one-line notice instead; README, "Platform"), plus `extra`."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def write_report(path: Path, data: object) -> None:
    """A tool's results as indented JSON (bench-results/ by default), folders made as needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")
