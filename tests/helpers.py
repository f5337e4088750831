"""What tests share besides fixtures (those are in conftest.py): the project's paths, the
pipeline on the import path (tools/project.py), and MkDocs run the way the Makefile runs it.

    from helpers import PROJECT, mkdocs_env, run_mkdocs
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tools"))

from project import HOOKS, TOOLS, mkdocs_env  # noqa: E402  (puts hooks/ on the path)

__all__ = ["HOOKS", "PROJECT", "TOOLS", "mkdocs_env", "run_mkdocs"]


def run_mkdocs(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess:
    """`python -m mkdocs ARGS` in its own process, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
