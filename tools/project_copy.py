"""A throwaway copy of the handbook's sources, for builds that must not touch the repository
(broken-input tests, version deploys, serve timings)."""

from __future__ import annotations

import shutil
from pathlib import Path

from project import PROJECT

SOURCES = (
    "mkdocs.yml",
    "mkdocs-offline.yml",
    "pyproject.toml",
    "CHANGELOG.md",  # the What's new page and its feed
    "hooks",
    "overrides",
    "data",
    "docs",
)


def copy_project(target: Path) -> Path:
    """Copy everything a build reads to `target` (caches left out) and return `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target
