"""Versioned releases with mike, deployed into a throwaway git repository (never pushed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from project_copy import copy_project

pytestmark = pytest.mark.site  # builds the handbook without the site fixtures


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> Path:
    """Deploy 0.1, then 0.2 as 'latest'; return the checked-out gh-pages tree."""
    repo = copy_project(tmp_path_factory.mktemp("versions") / "repo")
    identity = {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
        "NO_MKDOCS_2_WARNING": "1",
        "HANDBOOK_MINIFY": "false",  # 2 s a deploy; these tests read versions, not whitespace
    }
    # mike runs `mkdocs` from PATH: make it the one beside this Python.
    env = {
        **os.environ,
        **identity,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    subprocess.run(["git", "commit", "-qm", "handbook"], cwd=repo, env=env, check=True)
    mike = [str(Path(sys.executable).with_name("mike"))]
    for args in (
        ["deploy", "--title", "0.1", "0.1"],
        ["deploy", "--update-aliases", "--title", "0.2", "0.2", "latest"],
        ["set-default", "latest"],
    ):
        result = subprocess.run(mike + args, cwd=repo, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-3000:]
    pages = repo.parent / "pages"
    git(repo, "worktree", "add", "-q", str(pages), "gh-pages")
    return pages


def test_versions_json_lists_versions_newest_first_with_aliases(deployed):
    versions = json.loads((deployed / "versions.json").read_text())
    assert [(v["version"], v["title"], v["aliases"]) for v in versions] == [
        ("0.2", "0.2", ["latest"]),
        ("0.1", "0.1", []),
    ]


def test_root_redirects_to_the_default_version(deployed):
    root = BeautifulSoup((deployed / "index.html").read_text(), "html.parser")
    assert root.select_one("noscript meta[http-equiv=refresh]")["content"] == "1; url=latest/"
    assert 'window.location.replace(\n      "latest/"' in root.script.string
    assert root.body.a["href"] == "latest/"


def test_each_version_carries_the_selector_config_and_its_own_version(deployed):
    for version in ("0.1", "0.2", "latest"):
        page = BeautifulSoup((deployed / version / "index.html").read_text(), "html.parser")
        config = json.loads(page.select_one("#__config").string)
        assert config["version"] == {"provider": "mike", "default": "latest", "alias": True}
        expected = "0.2" if version == "latest" else version
        assert page.select_one("[data-hb-version]").get_text() == expected


def test_outdated_banner_markup_links_to_the_same_page_in_latest(deployed):
    page = BeautifulSoup(
        (deployed / "0.1" / "model-families" / "gans" / "index.html").read_text(), "html.parser"
    )
    banner = page.select_one('[data-md-component="outdated"] aside.md-banner')
    assert "not reading the latest release" in banner.get_text()
    assert banner.a["href"] == "../../../latest/model-families/gans/"
    target = deployed / "0.1" / "model-families" / "gans" / banner.a["href"] / "index.html"
    assert target.resolve().is_file()
