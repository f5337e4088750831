"""Review dates: validated like other fields, listed when old (hooks/handbook/load/freshness.py), shown on pages."""

from __future__ import annotations

import datetime
import subprocess
import sys

from handbook.load.article_records import is_landing_page, scan_article
from handbook.load.build_errors import Problems
from handbook.load.data_records import parse_dataset
from handbook.load.freshness import (
    REVIEW_INTERVAL_MONTHS,
    due_report,
    months_before,
    review_due,
    reviewed_label,
)
from handbook.load.handbook_models import Article, Cell, Column, Dataset, Handbook, Row
from helpers import PROJECT
from test_validation_messages import DATASET, parse

TODAY = datetime.date(2026, 12, 6)


def test_months_before_keeps_the_day_or_uses_the_last_of_a_shorter_month():
    assert months_before(TODAY, 6) == datetime.date(2026, 6, 6)
    assert months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2028, 8, 31), 6) == datetime.date(2028, 2, 29)
    assert months_before(datetime.date(2026, 3, 15), 6) == datetime.date(2025, 9, 15)


def handbook_with(reviewed: dict[str, str], rows: dict[str, str], product_facts=True) -> Handbook:
    articles = {
        path: Article(src_path=path, title=path, description="", tags=(), reviewed=day)
        for path, day in reviewed.items()
    }
    dataset = Dataset(
        id="systems",
        title="Systems",
        description="",
        columns=(Column(id="name", label="Name"),),
        rows=tuple(
            Row(cells={"name": Cell(text=name)}, as_of=day, line=10 + i)
            for i, (name, day) in enumerate(rows.items())
        ),
        source_file="data/tables/systems.yml",
        product_facts=product_facts,
    )
    return Handbook(
        references={}, tags={}, terms={}, datasets={"systems": dataset}, articles=articles
    )


def test_pages_and_product_rows_older_than_the_interval_or_never_reviewed_are_due():
    handbook = handbook_with(
        {
            "concepts/old.md": "2026-01-10",
            "concepts/fresh.md": "2026-11-30",
            "concepts/edge.md": "2026-06-06",  # exactly six months: not yet due
            "concepts/never.md": "",
            "concepts/index.md": "",  # section index pages are not reviewed articles
        },
        {"Old model": "2025-12-01", "New model": "2026-12-01"},
    )
    due = review_due(handbook, TODAY)
    assert [(item.where, item.checked, item.age_days) for item in due] == [
        ("docs/concepts/never.md", "", None),
        ("data/tables/systems.yml:10", "2025-12-01", 370),
        ("docs/concepts/old.md", "2026-01-10", 330),
    ]
    assert due[1].what == "systems: Old model"


def test_rows_of_a_dataset_without_product_facts_are_not_reviewed():
    handbook = handbook_with({}, {"A family": ""}, product_facts=False)
    assert review_due(handbook, TODAY) == []


def test_the_report_lists_what_is_due_and_says_so_when_nothing_is():
    handbook = handbook_with({"concepts/old.md": "2026-01-10"}, {})
    report = due_report(review_due(handbook, TODAY), TODAY, REVIEW_INTERVAL_MONTHS)
    assert "| docs/concepts/old.md | concepts/old.md | 2026-01-10 | 330 |" in report
    assert "(before 2026-06-06)" in report
    assert "Nothing is due." in due_report([], TODAY, 6)


def test_reviewed_label():
    assert reviewed_label("2026-12-06") == "Reviewed December 2026"


def test_a_review_day_is_validated_like_other_fields():
    problems = Problems()
    scan_article(
        "foundations/page.md",
        "---\ntitle: T\ndescription: D\ntags: [basics]\nreviewed: 2026-13-01\n---\nText.\n",
        problems,
    )
    assert [problem.render() for problem in problems.items] == [
        "docs/foundations/page.md:1: front matter, field 'reviewed': '2026-13-01' is not a day "
        "written YYYY-MM-DD. Fix: write the day you last reviewed the whole page as YYYY-MM-DD, "
        "e.g. 2026-12-06"
    ]


def test_a_product_row_needs_a_valid_as_of_day():
    text = DATASET.replace("columns:", "product_facts: true\ncolumns:")
    _, found = parse(parse_dataset, text, "data/tables/families.yml", "families")
    assert found == [
        "data/tables/families.yml:12: dataset 'families' row 1 ('GAN'), field 'as_of': is missing: "
        "the dataset holds product facts (product_facts: true). Fix: add 'as_of: YYYY-MM-DD', the "
        "day you last checked the row against its sources"
    ]
    dated = text.replace("    year: 2014\n", "    year: 2014\n    as_of: 2026-02-30\n")
    _, found = parse(parse_dataset, dated, "data/tables/families.yml", "families")
    assert found == [
        "data/tables/families.yml:12: dataset 'families' row 1 ('GAN'), field 'as_of': "
        "'2026-02-30' is not a day written YYYY-MM-DD. Fix: write the day the row's facts were "
        "last checked as YYYY-MM-DD, e.g. 2026-12-06"
    ]


def test_every_article_records_its_review_and_every_product_row_its_check(handbook):
    missing = [
        path
        for path, article in handbook.articles.items()
        if not article.reviewed and not is_landing_page(path)
    ]
    assert missing == []
    product = [dataset for dataset in handbook.datasets.values() if dataset.product_facts]
    assert {dataset.id for dataset in product} >= {"systems", "applications"}
    assert all(row.as_of for dataset in product for row in dataset.rows)


def test_make_freshness_writes_the_report(tmp_path):
    out = tmp_path / "freshness.md"
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "tools" / "freshness_report.py"),
            "--today",
            "2030-01-01",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = out.read_text()
    assert report.strip() == result.stdout.strip()
    assert "| docs/model-families/gans.md |" in report  # everything is due by 2030


def test_articles_show_when_they_were_reviewed(built_site, handbook):
    article = handbook.articles["model-families/gans.md"]
    html = (built_site / "model-families" / "gans" / "index.html").read_text(encoding="utf-8")
    assert f'<time datetime="{article.reviewed}">{reviewed_label(article.reviewed)}</time>' in html
