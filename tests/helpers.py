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


def run_mkdocs(
    *args: str, cwd: Path = PROJECT, minify: bool | None = None
) -> subprocess.CompletedProcess:
    """`python -m mkdocs ARGS` in its own process, output captured. Builds of a throwaway
    copy (tests of failures, redirects, the scaffold) skip minification unless asked: it is
    2 s a build and none of them looks at it; builds of the project itself keep it."""
    if minify is None:
        minify = cwd == PROJECT
    extra = {} if minify else {"HANDBOOK_MINIFY": "false"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        env=mkdocs_env(**extra),
        capture_output=True,
        text=True,
        timeout=600,
    )
