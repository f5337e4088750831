"""Bad input stops the real build with a clear message and leaves the previous site whole."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import PROJECT, mkdocs_env

pytestmark = pytest.mark.site  # builds the handbook without the site fixtures


def build(project: Path) -> subprocess.CompletedProcess:
    """`make build`'s command, on a copy of the project, over an existing site/."""
    site = project / "site"
    site.mkdir(exist_ok=True)
    (site / "previous.txt").write_text("the last good build")
    return subprocess.run(
        [sys.executable, str(PROJECT / "tools" / "build_site.py")],
        cwd=project,
        env=mkdocs_env(HANDBOOK_MINIFY="false"),  # 2 s a build, and not what is tested
        capture_output=True,
        text=True,
        timeout=600,
    )


def assert_failed_cleanly(
    result: subprocess.CompletedProcess, project: Path, *expected: str
) -> None:
    assert result.returncode != 0
    for text in expected:
        assert text in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert (project / "site" / "previous.txt").read_text() == "the last good build"
    assert sorted(path.name for path in (project / "site").iterdir()) == ["previous.txt"]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture edit must apply to {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bad_data_lists_every_problem_and_keeps_site(project_copy):
    edit(project_copy / "data" / "tags.yml", "- name: basics", "- name: basics\n  colour: red")
    comparison = project_copy / "docs" / "model-families" / "comparison.md"
    edit(comparison, "tags: [", "tags: [architectur, ")
    result = build(project_copy)
    assert_failed_cleanly(
        result,
        project_copy,
        "The handbook cannot be built: 2 problems found.",
        "data/tags.yml:5: tag 'basics', field 'colour': is not a known field. Fix: remove it;",
        "docs/model-families/comparison.md: front matter, field 'tags': 'architectur' is not a known "
        "tag. Fix: use 'architecture', the closest tag",
        "Nothing was written; the previous site/ is unchanged.",
    )


def test_generated_page_cannot_be_shadowed(project_copy):
    (project_copy / "docs" / "reference" / "glossary.md").write_text(
        "---\ntitle: G\ndescription: D\ntags: [basics]\n---\nMine.\n"
    )
    assert_failed_cleanly(
        build(project_copy),
        project_copy,
        "docs/reference/glossary.md: collides with the page generated from "
        "data/glossary.yml. Fix: move or rename docs/reference/glossary.md",
    )


def test_marker_that_cannot_expand_is_reported(project_copy):
    page = project_copy / "docs" / "foundations" / "index.md"
    page.write_text(page.read_text() + "\n!!! note\n    <!-- handbook:table model-families -->\n")
    assert_failed_cleanly(
        build(project_copy),
        project_copy,
        "docs/foundations/index.md: the marker '<!-- handbook:table model-families -->' "
        "was not expanded.",
    )


def test_bad_math_names_the_page_and_formula(project_copy):
    page = project_copy / "docs" / "foundations" / "index.md"
    page.write_text(page.read_text() + "\n$$\\frac{1}{$$\n")
    assert_failed_cleanly(
        build(project_copy),
        project_copy,
        "docs/foundations/index.md: cannot typeset the formula '\\\\frac{1}{'",
    )


def test_every_render_problem_of_a_build_is_reported_together(project_copy):
    """A leftover marker on one page and bad formulas on two others: one build, all four."""
    foundations = project_copy / "docs" / "foundations"
    index = foundations / "index.md"
    index.write_text(index.read_text() + "\n!!! note\n    <!-- handbook:table model-families -->\n")
    faq = foundations / "faq.md"
    faq.write_text(faq.read_text() + "\n$$\\frac{1}{$$\n")
    history = foundations / "history.md"
    history.write_text(history.read_text() + "\n$$\\sqrt{$$\n\nAlso $x^$ here.\n")
    result = build(project_copy)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    for expected in (
        "docs/foundations/index.md: the marker '<!-- handbook:table model-families -->'",
        "docs/foundations/faq.md: cannot typeset the formula '\\\\frac{1}{'",
        "docs/foundations/history.md: cannot typeset the formula '\\\\sqrt{'",
        "docs/foundations/history.md: cannot typeset the formula 'x^'",
    ):
        assert expected in output, f"missing: {expected}\n{output[-3000:]}"


# Faults: interruption, two builds at once, an output folder that cannot be written.

BUILD_SITE = PROJECT / "tools" / "build_site.py"


def leftovers(folder: Path) -> list[str]:
    """Scratch folders and partial outputs a build may leave beside site/."""
    return sorted(
        path.name for path in folder.iterdir() if path.name.startswith(".site-") and path.is_dir()
    )


@pytest.mark.parametrize(
    ("signum", "while_writing"),
    [(signal.SIGTERM, True), (signal.SIGINT, False)],
    ids=["SIGTERM-while-writing-pages", "Ctrl-C-while-rendering"],
)
def test_an_interrupted_build_keeps_the_previous_site_and_leaves_nothing_behind(
    project_copy, signum, while_writing
):
    site = project_copy / "site"
    site.mkdir()
    (site / "previous.txt").write_text("the last good build")
    build = subprocess.Popen(
        [sys.executable, str(BUILD_SITE)],
        cwd=project_copy,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    # MkDocs renders every page in memory first and writes them out at the end.
    start = time.monotonic()

    def ready() -> bool:
        scratch = list(project_copy.glob(".site-build-*"))
        if while_writing:
            return any(any(folder.iterdir()) for folder in scratch)
        return bool(scratch) and time.monotonic() - start > 3

    while time.monotonic() - start < 120 and not ready():
        time.sleep(0.05)
    assert build.poll() is None, "the build finished before it could be interrupted"
    build.send_signal(signum)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, stderr[-2000:]
    assert "Build interrupted; site was left as it was." in stderr
    assert "Traceback" not in stderr, stderr[-3000:]
    time.sleep(1.0)  # a MkDocs child left running would go on writing
    assert leftovers(project_copy) == []
    assert sorted(path.name for path in site.iterdir()) == ["previous.txt"]


def small_project(root: Path, pages: int) -> Path:
    """A plain MkDocs project (no hooks) whose build takes a second or two."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(
        "# Home\n\n" + "\n".join(f"- [P{i}](p{i}.md)" for i in range(pages))
    )
    for i in range(pages):
        (docs / f"p{i}.md").write_text(f"# Page {i}\n\n" + "Some text. " * 200)
    (root / "mkdocs.yml").write_text("site_name: Small\nstrict: true\n")
    return root


def test_builds_at_once_each_swap_in_a_whole_site(tmp_path):
    project = small_project(tmp_path / "small", pages=150)
    for _ in range(2):
        builds = [
            subprocess.Popen(
                [sys.executable, str(BUILD_SITE)],
                cwd=project,
                stderr=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                text=True,
            )
            for _ in range(3)
        ]
        for build in builds:
            _, stderr = build.communicate(timeout=300)
            assert build.returncode == 0, stderr[-3000:]
        pages = sorted((project / "site").glob("p*/index.html"))
        assert len(pages) == 150
        assert all(page.read_text().rstrip().endswith("</html>") for page in pages)
        assert leftovers(project) == []


def build_small_into(tmp_path: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """tools/build_site.py on a one-page project, writing to `site_dir`."""
    project = small_project(tmp_path / "small", pages=1)
    return subprocess.run(
        [sys.executable, str(BUILD_SITE), "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_output_folder_in_the_way_gets_one_clear_message(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    result = build_small_into(tmp_path, blocker / "site")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"Cannot write the build output: {blocker} is not a writable folder ({blocker} is a file, "
        f"not a folder). Fix: make it writable (e.g. chmod u+w '{blocker}'), or build elsewhere "
        "with --site-dir."
    ]


def test_a_read_only_output_folder_gets_one_clear_message(tmp_path):
    # chattr +i stops even root from writing (CI runs as root, where chmod would not).
    locked = tmp_path / "locked"
    locked.mkdir()
    if subprocess.run(["chattr", "+i", str(locked)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available on this file system")
    try:
        result = build_small_into(tmp_path, locked / "site")
    finally:
        subprocess.run(["chattr", "-i", str(locked)], check=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"Cannot write the build output: {locked} is not a writable")


def test_an_unwritable_link_cache_is_reported_before_any_fetching(tmp_path):
    from check_external_links import cache_problem

    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    assert cache_problem(blocker / "links.json") == (
        f"Cannot write the link cache: {blocker} is not a writable folder ({blocker} is a file, "
        "not a folder). "
        "Fix: make it writable, or pass --cache with another path."
    )
    assert cache_problem(tmp_path / "fine" / "links.json") is None
