"""Which version, date and commit a build comes from, for the stamp shown on every page.

The date is the commit's (or SOURCE_DATE_EPOCH's), never the clock's, so two builds of one
commit are identical. Outside git, or in a shallow CI clone without history, the parts that
cannot be known read "unknown" rather than failing the build.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

UNKNOWN = "unknown"


@dataclass(frozen=True)
class BuildStamp:
    version: str
    date: str  # YYYY-MM-DD
    commit: str  # short hash

    def as_dict(self) -> dict[str, str]:
        return {"version": self.version, "date": self.date, "commit": self.commit}


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def build_stamp(root: Path, environ: Mapping[str, str], default_version: str) -> BuildStamp:
    version = environ.get("MIKE_DOCS_VERSION") or environ.get("HANDBOOK_VERSION") or default_version
    commit = _git(root, "rev-parse", "--short=10", "HEAD") or UNKNOWN
    epoch = environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        date = datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    else:
        date = _git(root, "log", "-1", "--format=%cs") or UNKNOWN
    return BuildStamp(version=version, date=date, commit=commit)
