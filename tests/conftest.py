"""Shared fixtures: the real site is built once per test session into a temporary folder."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT / "hooks"), str(PROJECT / "tools")]

# Every build in the suite (the real site, project copies, double builds) shares one math
# cache of its own: formulas are typeset once per run, and never read from a developer's
# .cache/ (hooks/handbook/render/render_cache.py).
os.environ["HANDBOOK_CACHE_DIR"] = tempfile.mkdtemp(prefix="handbook-test-cache-")
atexit.register(shutil.rmtree, os.environ["HANDBOOK_CACHE_DIR"], ignore_errors=True)

from handbook.load.handbook_data import DataPaths, load_handbook  # noqa: E402
from project_copy import copy_project  # noqa: E402


def run_mkdocs(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def project() -> Path:
    return PROJECT


@dataclass(frozen=True)
class SiteBuild:
    site: Path
    log: str  # everything MkDocs printed


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """The handbook built with the project's own mkdocs.yml (strict) into a temp dir."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs("build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, f"build failed:\n{result.stderr[-4000:]}"
    return SiteBuild(site, result.stderr + result.stdout)


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    return site_build.site


@pytest.fixture(scope="session")
def handbook():
    return load_handbook(DataPaths(root=PROJECT, docs_dir=PROJECT / "docs"))


@pytest.fixture()
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project's sources, for builds with deliberately broken input."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def offline_bundle(tmp_path_factory) -> tuple[Path, Path]:
    """(zip, unpacked site folder) of the offline bundle, built once per session."""
    import zipfile

    from make_bundle import build_bundle

    dist = tmp_path_factory.mktemp("dist")
    zip_path = build_bundle("9.9", dist)
    unpacked = tmp_path_factory.mktemp("bundle")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(unpacked)
    return zip_path, unpacked / "generative-ai-handbook-9.9"
