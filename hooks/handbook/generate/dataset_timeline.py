"""Dated timelines, generated from a dataset with a date column (e.g. data/tables/systems.yml).

`<!-- handbook:timeline systems -->` becomes Markdown: one `##` heading per year (so the
page's table of contents is a year index), then one list item per row in date order, each
detail on a line of its own. Row
sources become `[@key]` citations, which citations.py numbers like any other.
"""

from __future__ import annotations

from handbook.load.date_labels import display_date
from handbook.load.handbook_models import Column, DataMarker, Dataset, Row, date_column
from handbook.load.markdown_text import escape_markdown


def render_timeline(dataset: Dataset, marker: DataMarker) -> str:
    """Markdown for one timeline marker; the dataset must have a date column (validated)."""
    when = date_column(dataset)
    title = dataset.columns[0]
    shown = [dataset.column(column_id) for column_id in marker.columns] or [
        column for column in dataset.columns if column not in (title, when)
    ]
    rows = sorted(
        (row for row in dataset.rows_matching(marker.where) if row.text(when.id)),
        key=lambda row: (row.text(when.id), row.text(title.id).casefold()),
    )
    lines: list[str] = []
    year = None
    for row in rows:
        date = row.text(when.id)
        if date[:4] != year:
            year = date[:4]
            lines += ["", f"## {year} {{ #year-{year} }}", ""]
        lines += _entry(row, title, when, shown)
    return "\n".join(lines).strip() + "\n"


def _entry(row: Row, title: Column, when: Column, shown: list[Column]) -> list[str]:
    """One entry: the date set apart (handbook.css puts it in a column of its own, or on a
    line of its own on phones), the name, then each detail on a line of its own with the
    row's sources at the end."""
    date = row.text(when.id)
    head = (
        f'- <time class="hb-when" datetime="{date}">{display_date(date)}</time> '
        f"**{escape_markdown(row.text(title.id))}**"
    )
    details = [
        f"*{escape_markdown(column.label)}:* {escape_markdown(row.text(column.id))}"
        for column in shown
        if row.text(column.id)
    ]
    keys = row.cited()
    if keys:
        citation = "[" + "; ".join(f"@{key}" for key in keys) + "]"
        if details:
            details[-1] += f" {citation}"
        else:
            head += f" {citation}"
    lines = [head, *(f"    {detail}" for detail in details)]
    # A Markdown hard break ends every line but the last.
    return [line + "  " for line in lines[:-1]] + lines[-1:]
