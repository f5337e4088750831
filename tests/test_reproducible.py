"""Two builds of the same commit are byte-identical (dates come from SOURCE_DATE_EPOCH/git)."""

from __future__ import annotations

import filecmp
from concurrent.futures import ThreadPoolExecutor

import pytest

from helpers import run_mkdocs

pytestmark = pytest.mark.site  # builds the handbook without the site fixtures


def tree(root) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    first, second = tmp_path / "first", tmp_path / "second"
    # At the same time: two cores, and the builds share nothing but the render cache, whose
    # writes are atomic renames (so this also checks that two builds may run together).
    with ThreadPoolExecutor(2) as pool:
        results = list(
            pool.map(
                lambda site: run_mkdocs("build", "--strict", "--site-dir", str(site)),
                (first, second),
            )
        )
    for result in results:
        assert result.returncode == 0, result.stderr[-3000:]
    one, two = tree(first), tree(second)
    assert sorted(one) == sorted(two)
    differing = [name for name in one if one[name] != two[name]]
    assert differing == [], f"differ between builds: {differing[:10]}"
    assert not filecmp.dircmp(first, second).diff_files
    assert b"2026-01-01" in one["sitemap.xml"]
