"""The pages' runnable programs: each runs alone and passes its own assertions, is what readers
download, and is a real NumPy program of the promised size on every model-family page.

A program is a page's ```python title="name.py"``` blocks joined in order
(hooks/handbook/load/page_programs.py). Each runs in its own process, with a time limit, from
an empty folder, exactly as a reader who downloaded it would run it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.load.article_records import scan_articles
from handbook.load.build_errors import HandbookDataError, Problems
from handbook.load.page_programs import page_programs, program_blocks, program_path
from handbook.render.program_listing import present_programs

PROJECT = Path(__file__).resolve().parent.parent
DOCS = PROJECT / "docs"
TIME_LIMIT = 60  # seconds per program; each takes a few at most on one slow core
# The promise: every model-family page has a program of about 40-100 lines.
FAMILY_PAGES = (
    "model-families/gans.md",
    "model-families/vaes.md",
    "model-families/flow-models.md",
    "model-families/diffusion-models.md",
    "model-families/autoregressive-models.md",
    "model-families/transformers.md",
)
LINES = range(40, 111)  # "about 40-100": a few lines of slack, no more
ALLOWED_IMPORTS = {"numpy"} | set(sys.stdlib_module_names)


def all_programs() -> list[tuple[str, str, str]]:
    """(page, program name, source) for every program of every page under docs/, as the
    build's loader reads them."""
    return [
        (article.src_path, program.name, program.source)
        for article in scan_articles(DOCS, Problems())
        for program in article.programs
    ]


PROGRAMS = all_programs()


def run_program(source: str, name: str, folder: Path, timeout: float = TIME_LIMIT):
    """Run a program as a reader would: its own process, an empty working folder."""
    script = folder / name
    script.write_text(source, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_there_are_programs_to_run():
    pages = {page for page, _name, _source in PROGRAMS}
    assert set(FAMILY_PAGES) <= pages, (
        f"family pages without a program: {set(FAMILY_PAGES) - pages}"
    )


@pytest.mark.parametrize(
    "page, name, source", PROGRAMS, ids=[f"{page}:{name}" for page, name, _ in PROGRAMS]
)
def test_every_program_runs_and_passes_its_assertions(page, name, source, tmp_path):
    try:
        result = run_program(source, name, tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"docs/{page}: {name} ran past {TIME_LIMIT} s")
    assert result.returncode == 0, (
        f"docs/{page}: {name} failed (exit {result.returncode}):\n{result.stderr[-3000:]}"
    )
    written = {path.name for path in tmp_path.iterdir()} - {name}
    assert not written, f"docs/{page}: {name} wrote {sorted(written)}"


@pytest.mark.parametrize(
    "page, name, source", PROGRAMS, ids=[f"{page}:{name}" for page, name, _ in PROGRAMS]
)
def test_every_program_is_numpy_only_short_and_checks_itself(page, name, source):
    tree = ast.parse(source, filename=name)
    imported = {
        (alias.name if isinstance(node, ast.Import) else node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in (node.names if isinstance(node, ast.Import) else [node])
    }
    assert imported <= ALLOWED_IMPORTS, f"docs/{page}: {name} imports {imported - ALLOWED_IMPORTS}"
    assert len(source.splitlines()) in LINES, (
        f"docs/{page}: {name} is {len(source.splitlines())} lines"
    )
    asserts = [node for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    assert len(asserts) >= 2, f"docs/{page}: {name} has {len(asserts)} assertions"


def test_a_planted_failure_and_a_hang_are_caught(tmp_path):
    failing = run_program(
        "import numpy as np\nassert np.allclose(1.0, 1.1), 'off'\n", "f.py", tmp_path
    )
    assert failing.returncode != 0 and "AssertionError: off" in failing.stderr
    with pytest.raises(subprocess.TimeoutExpired):
        run_program("while True:\n    pass\n", "hang.py", tmp_path, timeout=2)


TEXT = """# Page

```python title="toy.py"
import numpy as np
```

Prose between the parts.

```python
print("an illustration, not run")
```

1. A step:

    ```python title="toy.py"
    x = np.ones(3)
    assert x.sum() == 3
    ```

```py title="Toy.py"
```
"""


def test_blocks_with_one_title_join_in_order_and_untitled_blocks_are_not_programs():
    problems = Problems()
    (program,) = page_programs(TEXT, "docs/a/page.md", problems, first_line=5)
    assert program.name == "toy.py"
    assert program.source == "import numpy as np\n\nx = np.ones(3)\nassert x.sum() == 3\n"
    assert program.lines == (7, 19)


def test_a_program_quoted_inside_a_longer_fence_is_an_example_not_a_program():
    # How a contributor guide would show the syntax: the outer fence makes it all one block
    # (markdown_scan.fenced_blocks, the rule citations and markers follow too).
    quoted = '````markdown\n```python title="shown.py"\nassert False\n```\n````\n'
    problems = Problems()
    assert page_programs(quoted + TEXT, "docs/a/page.md", problems)[0].name == "toy.py"
    assert [block.name for block in program_blocks(quoted + TEXT)] == ["toy.py"] * 2 + ["Toy.py"]


def test_a_title_that_is_no_program_name_is_reported_with_its_line():
    problems = Problems()
    page_programs(TEXT, "docs/a/page.md", problems, first_line=5)
    (problem,) = problems.items
    assert (problem.file, problem.field, problem.line) == ("docs/a/page.md", "title", 24)
    assert "Toy.py" in problem.entry and ".py" in problem.fix


def test_each_block_is_collapsed_under_its_lines_and_the_link_follows_the_last():
    shown = present_programs(TEXT, "a/page.md")
    assert '??? program "Program: toy.py, lines 1–1 of 4"' in shown
    assert '    ??? program "Program: toy.py, lines 3–4 of 4"' in shown  # in the list item
    assert "        x = np.ones(3)" in shown  # indented into the collapsed block
    link = '    [Download toy.py](code/toy.py){ .hb-download download="toy.py" }'
    assert shown.count("[Download") == 1
    assert shown.index(link) > shown.index("assert x.sum() == 3")
    assert 'print("an illustration, not run")' in shown and shown.count("??? program") == 2
    assert program_path("a/page.md", "toy.py") == "a/code/toy.py"


def test_two_pages_of_one_folder_cannot_publish_one_program_name(project_copy):
    from handbook.generate.generation_step import generate
    from handbook.load.handbook_data import DataPaths

    docs = project_copy / "docs"
    block = '```python title="same.py"\nassert True\n```\n'
    for name in ("gans.md", "vaes.md"):
        page = docs / "model-families" / name
        page.write_text(page.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    with pytest.raises(HandbookDataError) as caught:
        generate(DataPaths(root=project_copy, docs_dir=docs), [])
    report = caught.value.report()
    assert "model-families/code/same.py" in report and "already uses" in report


def test_every_program_is_published_beside_its_page_and_linked(built_site):
    for page, name, source in PROGRAMS:
        published = built_site / program_path(page, name)
        assert published.read_text(encoding="utf-8") == source, published
        html = (built_site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert f'href="../code/{name}"' in html and f'download="{name}"' in html, page


def test_the_offline_bundle_carries_the_programs(offline_bundle):
    _, site = offline_bundle
    for page, name, source in PROGRAMS:
        assert (site / program_path(page, name)).read_text(encoding="utf-8") == source
        html = (site / page.replace(".md", ".html")).read_text(encoding="utf-8")
        assert f'href="code/{name}"' in html, page
