"""Bad input stops the real build with a clear message and leaves the previous site whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PROJECT


def build(project: Path) -> subprocess.CompletedProcess:
    """`make build`'s command, on a copy of the project, over an existing site/."""
    site = project / "site"
    site.mkdir(exist_ok=True)
    (site / "previous.txt").write_text("the last good build")
    return subprocess.run(
        [sys.executable, str(PROJECT / "tools" / "build_site.py")],
        cwd=project,
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
        "docs/reference/glossary.md collides with the page generated from "
        "data/glossary.yml. Fix: move or rename docs/reference/glossary.md.",
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


def test_broken_link_and_anchor_name_the_line_and_the_closest_target(project_copy):
    gans = project_copy / "docs" / "model-families" / "gans.md"
    edit(gans, "](vaes.md)", "](vae.md)")
    edit(gans, "](diffusion-models.md)", "](diffusion-models.md#the-forward-proces)")
    lines = gans.read_text(encoding="utf-8").splitlines()
    vae_line = next(n for n, line in enumerate(lines, 1) if "](vae.md)" in line)
    result = build(project_copy)
    assert_failed_cleanly(
        result,
        project_copy,
        f"docs/model-families/gans.md:{vae_line}: link 'vae.md': no page "
        "docs/model-families/vae.md. Fix: use 'vaes.md' (docs/model-families/vaes.md), the "
        "closest page",
        f"docs/model-families/gans.md:{vae_line + 1}: link 'diffusion-models.md#the-forward-proces': "
        "docs/model-families/diffusion-models.md has no anchor '#the-forward-proces'. Fix: use "
        "'#the-forward-process' (the heading 'The forward process')",
    )
