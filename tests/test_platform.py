"""Life after Material 9 (README, "Platform"): ProperDocs, the maintained fork of MkDocs 1.6,
builds the handbook unchanged, and every build says when Material 9 ends. (Zensical:
tests/test_zensical.py.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(built_site, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "--strict",
            "-f",
            "mkdocs.yml",
            "-d",
            str(site),
        ],
        cwd=PROJECT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    files = {path.relative_to(built_site) for path in built_site.rglob("*") if path.is_file()}
    assert files == {path.relative_to(site) for path in site.rglob("*") if path.is_file()}
    different = []
    for relative in sorted(files):
        mkdocs, properdocs = ((root / relative).read_bytes() for root in (built_site, site))
        if relative.suffix == ".html":
            mkdocs, properdocs = (GENERATOR.sub(b"", data) for data in (mkdocs, properdocs))
        if mkdocs != properdocs:
            different.append(str(relative))
    assert different == []
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in GENERATOR.search(page.encode()).group(0).decode()


def test_every_build_names_materials_end_of_life_in_one_line(site_build):
    notices = [line for line in site_build.log.splitlines() if "Platform:" in line]
    assert len(notices) == 1
    assert "end of life on 2027-05-05" in notices[0] and "README, 'Platform'" in notices[0]
    assert "To disable this warning" not in site_build.log  # Material's own box stays hidden
