"""Shared fixtures: the real site is built once per test session into a temporary folder.

Every test is marked `unit`, `site` (it builds or reads a build) or `browser` (Chromium), so
`pytest -m unit` runs the unit tests alone in seconds (pytest_collection_modifyitems below)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from handbook.load.handbook_data import DataPaths, load_handbook
from helpers import PROJECT, run_mkdocs
from once_per_run import once_per_run, run_folder
from project_copy import copy_project

__all__ = ["PROJECT", "run_mkdocs"]  # older test modules import them from here


@pytest.fixture(scope="session", autouse=True)
def math_cache(tmp_path_factory) -> Path:
    """Every build in the run (the real site, project copies, double builds, in every worker)
    shares one math cache of its own: formulas are typeset once per run, and never read from
    a developer's .cache/ (hooks/handbook/render/render_cache.py; entries are renamed into
    place, so workers writing at once is safe). pytest removes it with the run's folder."""
    folder = run_folder(tmp_path_factory) / "math-cache"
    os.environ["HANDBOOK_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def project() -> Path:
    return PROJECT


@dataclass(frozen=True)
class SiteBuild:
    site: Path
    log: str  # everything MkDocs printed


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """The handbook built with the project's own mkdocs.yml (strict) into a temp dir, once for
    the whole run. Tests read it and never change it."""

    def build(folder: Path) -> dict:
        result = run_mkdocs("build", "--strict", "--site-dir", str(folder / "site"))
        assert result.returncode == 0, f"build failed:\n{result.stderr[-4000:]}"
        return {"log": result.stderr + result.stdout}

    folder, made = once_per_run(tmp_path_factory, "site", build)
    return SiteBuild(folder / "site", made["log"])


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
    """(zip, unpacked site folder) of the offline bundle, built once for the whole run."""
    import zipfile

    from make_bundle import build_bundle

    def bundle(folder: Path) -> dict:
        zip_path = build_bundle("9.9", folder / "dist")
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(folder / "unpacked")
        return {"zip": zip_path.relative_to(folder).as_posix()}

    folder, made = once_per_run(tmp_path_factory, "offline-bundle", bundle)
    return folder / made["zip"], folder / "unpacked" / "generative-ai-handbook-9.9"


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
