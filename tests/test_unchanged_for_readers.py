"""Nothing changes for readers when the build's code changes, unless it was meant to.

The same content (docs/, data/, mkdocs.yml, CHANGELOG.md as of BASELINE) is built twice: with
the site code of BASELINE, and with today's (hooks/, overrides/, docs/assets/). Every file of
the two sites must be equal, except for the differences listed in INTENDED, each with the
change that made it.

When a change to what readers get is intended, list it in INTENDED; when the list grows long or
the old content no longer loads (a data format changed), move BASELINE to the commit that
made the change and empty INTENDED.

BASELINE so far:
- 63a05e4, the commit before the pipeline became a package (issue 20): the move changed
  nothing but table headers naming their sort kind (data-hb-sort instead of data-hb-type).
- fa7b7f3, after issues 18 and 19 changed what readers get on purpose (citations, tips and
  filters, published files for assistants and citers).
- 6dab3dc, after issue 16 changed what readers get on purpose: collapsed derivations,
  exercises, self-check answers and programs load when opened (index.details.js), Material's
  main.css keeps only the rules the site uses, new admonition kinds in handbook.css.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tarfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers import PROJECT, run_mkdocs

BASELINE = "6dab3dc63901513520b87b78ba13afb0c40afb25"
SITE_CODE = ("hooks", "overrides", "docs/assets")
# (file pattern, what the change made different, why): a difference matching one of these in
# a matching file is allowed, every other difference fails.
INTENDED: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        r"assets/javascripts/(handbook(\.min)?|copy-markdown)\.js",
        re.compile(r"(?s).*"),
        "review of issue 16: one rule names the files beside a page (the Markdown twin, the "
        "collapsed blocks' script), shared by handbook.js and copy-markdown.js; then the "
        "collapsed blocks' code moved to collapsed-bodies.js (ADDED)",
    ),
)
# (file pattern, why): files today's code adds to the site. Any other added or missing file fails.
ADDED: tuple[tuple[str, str], ...] = (
    (
        r"assets/javascripts/collapsed-bodies\.js",
        "putting collapsed bodies back (and the copy button and printing that came with them) "
        "moved out of handbook.js into a module loaded on first opening, to keep the heaviest "
        "family page within its 100 KB budget",
    ),
)
pytestmark = pytest.mark.site  # two builds of the handbook

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def _tree_at(commit: str, target: Path) -> None:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit],
        cwd=PROJECT,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        pytest.fail(
            f"git cannot give commit {commit[:10]} ({archive.stderr.decode().strip()}). The "
            "test needs the repository's history: run it in a full clone, not a shallow one."
        )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")


def _build_both(*roots: Path) -> list[Path]:
    """Build each project into its site/, at the same time (the machine has two cores)."""
    with ThreadPoolExecutor(len(roots)) as pool:
        results = list(
            pool.map(
                lambda root: run_mkdocs("build", "--strict", "-d", str(root / "site"), cwd=root),
                roots,
            )
        )
    for root, result in zip(roots, results, strict=True):
        assert result.returncode == 0, f"build of {root.name} failed:\n{result.stderr[-3000:]}"
    return [root / "site" for root in roots]


def _normalised(relative: str, text: str) -> str:
    text = GENERATOR.sub("", text)
    for files, difference, _why in INTENDED:
        if re.fullmatch(files, relative):
            text = difference.sub("", text)
    return text


def _first_difference(before: str, after: str) -> str:
    """Where two texts first differ, with some context."""
    at = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
        min(len(before), len(after)),
    )
    line = before.count("\n", 0, at) + 1
    return f"line {line}: {before[max(0, at - 60) : at + 80]!r} -> {after[max(0, at - 60) : at + 80]!r}"


def test_todays_code_builds_the_baseline_content_as_the_baseline_code_did(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    _tree_at(BASELINE, before)
    shutil.copytree(before, after)
    for part in SITE_CODE:
        shutil.rmtree(after / part, ignore_errors=True)
        shutil.copytree(PROJECT / part, after / part, ignore=shutil.ignore_patterns("__pycache__"))
    old, new = _build_both(before, after)

    files = sorted(path.relative_to(old).as_posix() for path in old.rglob("*") if path.is_file())
    new_files = {path.relative_to(new).as_posix() for path in new.rglob("*") if path.is_file()}
    added = new_files - set(files)
    assert [
        name for name in sorted(added) if not any(re.fullmatch(p, name) for p, _why in ADDED)
    ] == [], "files only today's code writes, not listed in ADDED"
    assert sorted(set(files) - new_files) == [], "files today's code no longer writes"
    different = []
    for relative in files:
        old_bytes, new_bytes = (old / relative).read_bytes(), (new / relative).read_bytes()
        if old_bytes == new_bytes:
            continue
        try:
            old_text, new_text = (
                _normalised(relative, data.decode("utf-8")) for data in (old_bytes, new_bytes)
            )
        except UnicodeDecodeError:
            different.append(f"{relative}: binary files differ")
            continue
        if old_text != new_text:
            different.append(f"{relative}: {_first_difference(old_text, new_text)}")
    assert different == [], "\n".join(different[:20])
