"""When each source file last changed, read from git history in one pass.

One `git log` over the whole history is far cheaper than one per page. Outside git, or in
a shallow clone, dates are missing or approximate; the build never fails over them (unlike
git-revision-date plugins, whose shallow-clone warnings abort a strict build).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

COMMIT_MARK = "@@commit "


def last_changed(root: Path, folders: tuple[str, ...] = ("docs", "data")) -> dict[str, str]:
    """Map 'docs/foundations/x.md' (relative to the repo root) to its last commit date."""
    try:
        result = subprocess.run(
            [
                "git",
                "log",
                f"--format={COMMIT_MARK}%cs",
                "--name-only",
                "--no-renames",
                "--",
                *folders,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    prefix = _repo_prefix(root)
    dates: dict[str, str] = {}
    current = ""
    for line in result.stdout.splitlines():
        if line.startswith(COMMIT_MARK):
            current = line[len(COMMIT_MARK) :]
        elif line and current:
            path = line[len(prefix) :] if prefix and line.startswith(prefix) else line
            dates.setdefault(path, current)  # newest first: keep the first date seen
    return dates


def _repo_prefix(root: Path) -> str:
    """The project folder's path inside its git repository ('' at the top)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--show-prefix"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
