"""The build pipeline's shape (hooks/handbook/__init__.py): a stage imports from its own and
earlier stages only, and nothing in it imports MkDocs, so any engine can drive it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "handbook"
STAGES = ("load", "generate", "render", "check", "preview")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _modules():
    for stage in STAGES:
        for path in sorted((PACKAGE / stage).glob("*.py")):
            yield stage, path


def test_every_module_sits_in_a_stage():
    assert {path.parent.name for path in PACKAGE.glob("*/*.py")} == set(STAGES)
    # Besides the stages, one shared module: every site and data path (paths.py).
    assert sorted(path.name for path in PACKAGE.glob("*.py")) == ["__init__.py", "paths.py"]


@pytest.mark.parametrize(("stage", "path"), list(_modules()), ids=lambda value: str(value))
def test_a_stage_imports_from_its_own_and_earlier_stages_only(stage, path):
    allowed = set(STAGES[: STAGES.index(stage) + 1])
    if stage == "preview":  # live preview serves the render stage, and needs nothing after it
        allowed = {"load", "render", "preview"}
    for name in _imports(path):
        assert name.split(".")[0] != "mkdocs", f"{path.name} imports {name}"
        if name.startswith("handbook.") and name != "handbook.paths":
            assert name.split(".")[1] in allowed, f"{stage}/{path.name} imports {name}"


def test_the_checker_sees_a_planted_backwards_import(tmp_path):
    planted = tmp_path / "bad.py"
    planted.write_text("from handbook.render.math_svg import typeset_math\nimport mkdocs.config\n")
    assert {"handbook.render.math_svg", "mkdocs.config"} <= _imports(planted)


def test_site_and_data_paths_are_spelled_out_in_paths_py_only():
    """One source of truth: no module of the pipeline writes a page or data path itself."""
    spelled = ('"reference/', '"data/', '"tags/', '"search/', '"feed.xml"', '"CHANGELOG.md"')
    for path in [*PACKAGE.glob("*/*.py"), PACKAGE.parent / "handbook_hooks.py"]:
        text = path.read_text(encoding="utf-8")
        for literal in spelled:
            assert literal not in text, f"{path.name} spells out {literal}...; use handbook.paths"
