"""Figures drawn by the pages' programs (tools/make_figures.py): one per model-family page,
committed, and never stale. A redraw must give the committed bytes; a figure whose program or
drawing code changed without a redraw fails here, naming the command that fixes it."""

from __future__ import annotations

import gzip
import re

import pytest

import make_figures
from make_figures import draw_figure, figure_specs
from test_page_programs import FAMILY_PAGES

SPECS = figure_specs()
FIGURE_BUDGET_GZIP = 8_000  # bytes: a figure is part of its page's 100 KB budget
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)")


def test_every_family_page_has_a_figure_made_by_its_program():
    pages = {spec.page for spec in SPECS}
    assert set(FAMILY_PAGES) <= pages, f"without a figure: {set(FAMILY_PAGES) - pages}"


@pytest.mark.parametrize("spec", SPECS, ids=[spec.module for spec in SPECS])
def test_committed_figure_matches_its_program(spec):
    assert spec.output.is_file(), f"{spec.svg} is missing: run make figures"
    assert draw_figure(spec) == spec.output.read_bytes(), (
        f"docs/assets/figures/{spec.svg} is stale: its program (docs/{spec.page}, {spec.code}) "
        f"or tools/figures/{spec.module}.py changed. Run make figures and commit the SVG."
    )


@pytest.mark.parametrize("spec", SPECS, ids=[spec.module for spec in SPECS])
def test_figure_is_shown_on_its_page_with_alt_text_and_is_light(spec, project):
    text = (project / "docs" / spec.page).read_text(encoding="utf-8")
    shown = [m for m in IMAGE.finditer(text) if m["src"].endswith(f"/figures/{spec.svg}")]
    assert shown, f"docs/{spec.page} does not show {spec.svg}"
    assert all(len(m["alt"]) >= 60 for m in shown), f"{spec.svg}: alt text under 60 characters"
    svg = spec.output.read_bytes()
    assert len(gzip.compress(svg, 9)) <= FIGURE_BUDGET_GZIP, f"{spec.svg} is heavy"
    assert b"<image" not in svg, f"{spec.svg} embeds a raster image"


def test_the_check_reports_a_stale_figure(tmp_path, monkeypatch, capsys):
    spec = SPECS[0]
    committed = spec.output.read_bytes()
    monkeypatch.setattr(make_figures, "FIGURES_DIR", tmp_path)
    (tmp_path / spec.svg).write_bytes(committed.replace(b"<svg", b"<svg data-x", 1))
    assert make_figures.main(["--check", "--only", spec.module]) == 1
    assert f"{spec.svg}" in capsys.readouterr().out
