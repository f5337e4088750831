"""Moved pages keep their old addresses (data/redirects.yml): the loader checks each entry and
the build leaves a page at the old address that sends readers on. Every address of release
1.0 still resolving is checked in tests/test_for_machines.py."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from handbook.generate.redirect_pages import redirect_file, redirect_page
from handbook.load.build_errors import Problems
from handbook.load.redirects import load_redirects
from helpers import run_mkdocs

PAGES = {"concepts/alignment.md", "concepts/evaluation.md", "index.md"}


def problems_for(tmp_path: Path, text: str) -> tuple[dict[str, str], list[str]]:
    path = tmp_path / "redirects.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    redirects = load_redirects(path, "data/redirects.yml", PAGES, problems)
    return redirects, [problem.render() for problem in problems.items]


def test_good_entries_load_and_a_missing_file_means_nothing_moved(tmp_path):
    redirects, problems = problems_for(
        tmp_path, "- from: concepts/old.md\n  to: concepts/alignment.md\n"
    )
    assert redirects == {"concepts/old.md": "concepts/alignment.md"} and problems == []
    assert load_redirects(tmp_path / "none.yml", "x", PAGES, Problems()) == {}
    assert problems_for(tmp_path, "[]\n") == ({}, [])


def test_each_bad_entry_is_named_with_its_line_and_a_fix(tmp_path):
    _, problems = problems_for(
        tmp_path,
        "- from: concepts/old.md\n  to: concepts/alinement.md\n"
        "- from: concepts/evaluation.md\n  to: index.md\n"
        "- from: a/b.md\n  too: index.md\n"
        "- from: x/one.md\n  to: x/two.md\n- from: x/two.md\n  to: index.md\n",
    )
    assert problems[0] == (
        "data/redirects.yml:1: redirect 1, field 'to': 'concepts/alinement.md' is not a page of "
        "this build. Fix: use 'concepts/alignment.md'"
    )
    assert "'concepts/evaluation.md' is a page of this build, so it has not moved" in problems[1]
    assert "needs exactly the fields 'from' and 'to'" in problems[2]
    assert any("'x/two.md' is not a page of this build" in p for p in problems)
    assert any("has moved too (to 'index.md'). Fix: point it at 'index.md'" in p for p in problems)


def test_the_redirect_page_sends_readers_on_and_keeps_the_anchor():
    page = redirect_page(
        "concepts/old.md", "concepts/alignment.md", "Alignment", "https://e.org/h/"
    )
    assert redirect_file("concepts/old.md") == "concepts/old/index.html"
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../alignment/"
    assert soup.select_one('link[rel="canonical"]')["href"] == "https://e.org/h/concepts/alignment/"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "location.replace('../alignment/' + location.hash)" in soup.script.string
    assert soup.select_one("body a")["href"] == "../alignment/"


def test_a_moved_page_leaves_a_working_page_at_its_old_address(project_copy):
    (project_copy / "data" / "redirects.yml").write_text(
        "- from: concepts/rlhf.md\n  to: concepts/alignment.md\n", encoding="utf-8"
    )
    result = run_mkdocs("build", "--strict", "-d", "site", cwd=project_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    old = project_copy / "site" / "concepts" / "rlhf" / "index.html"
    soup = BeautifulSoup(old.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../alignment/"
    assert (project_copy / "site" / "concepts" / "alignment" / "index.html").exists()
    assert (
        soup.title.get_text() == "Moved: Alignment, RLHF and DPO"
        or soup.title.get_text().startswith("Moved: ")
    )
