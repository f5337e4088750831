"""Shared fixtures: the real site is built once per test session into a temporary folder.

Every test is marked `unit`, `site` (it builds or reads a build) or `browser` (Chromium), so
`pytest -m unit` runs the unit tests alone in seconds (pytest_collection_modifyitems below)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import PROJECT, run_mkdocs

__all__ = ["PROJECT", "run_mkdocs"]  # older test modules import them from here

# Every build in the suite (the real site, project copies, double builds) shares one math
# cache of its own: formulas are typeset once per run, and never read from a developer's
# .cache/ (hooks/handbook/render/render_cache.py).
os.environ["HANDBOOK_CACHE_DIR"] = tempfile.mkdtemp(prefix="handbook-test-cache-")
atexit.register(shutil.rmtree, os.environ["HANDBOOK_CACHE_DIR"], ignore_errors=True)

from handbook.load.handbook_data import DataPaths, load_handbook  # noqa: E402
from project_copy import copy_project  # noqa: E402


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


# Fixtures that build the handbook (or read such a build): a test that uses one is a site test.
SITE_FIXTURES = frozenset(
    {"site_build", "built_site", "project_copy", "offline_bundle", "zensical_site", "both_builds"}
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("browser") or item.get_closest_marker("site"):
            continue
        if SITE_FIXTURES.intersection(item.fixturenames):
            item.add_marker(pytest.mark.site)
        else:
            item.add_marker(pytest.mark.unit)
