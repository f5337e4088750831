"""Helpers for real-browser tests: Debian's Chromium driven by Playwright, pages served on
127.0.0.1 by a throwaway HTTP server (both from tools/local_site.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from local_site import CHROMIUM, chromium, serve_directory, serve_published

__all__ = ["chromium", "require_chromium", "serve_directory", "serve_published"]


def require_chromium() -> None:
    """Skip locally without Chromium; in CI (.ci/run installs it) its absence is a failure."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    if os.environ.get("CI"):
        pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run should have installed it")
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
