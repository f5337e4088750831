"""Which pages and dataset rows are due for another review, and the report that lists them.

An article records the day an editor last checked the whole page (`reviewed:` in its front
matter); a row of a dataset of product facts records the day its facts were last checked
(`as_of:`). Anything older than REVIEW_INTERVAL_MONTHS, or never reviewed, is due. The build
lists what is due without failing; `make freshness` writes the full report.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from handbook.load.article_records import is_landing_page
from handbook.load.handbook_models import Handbook

# The one place the review interval is set.
REVIEW_INTERVAL_MONTHS = 6


@dataclass(frozen=True)
class DueItem:
    where: str  # file, with the line for a dataset row
    what: str  # the page title, or the dataset and the row's first cell
    checked: str  # YYYY-MM-DD, or '' if never
    age_days: int | None  # None if never


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month `months` earlier (the last day of a shorter month)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(
    handbook: Handbook, today: datetime.date, months: int = REVIEW_INTERVAL_MONTHS
) -> list[DueItem]:
    """Articles and product-fact rows last checked before `months` ago, oldest first."""
    cutoff = months_before(today, months)
    due = []

    def consider(where: str, what: str, checked: str) -> None:
        if not checked:
            due.append(DueItem(where, what, "", None))
            return
        day = datetime.date.fromisoformat(checked)
        if day < cutoff:
            due.append(DueItem(where, what, checked, (today - day).days))

    for article in handbook.articles.values():
        if not is_landing_page(article.src_path):
            consider(f"docs/{article.src_path}", article.title, article.reviewed)
    for dataset in handbook.datasets.values():
        if dataset.product_facts:
            first = dataset.columns[0].id
            for row in dataset.rows:
                where = f"{dataset.source_file}:{row.line}" if row.line else dataset.source_file
                consider(where, f"{dataset.id}: {row.text(first)}", row.as_of)
    return sorted(due, key=lambda item: (item.checked or "0000", item.where))


def due_report(items: list[DueItem], today: datetime.date, months: int) -> str:
    """The Markdown report `make freshness` writes."""
    lines = [
        f"# Review due on {today.isoformat()}",
        "",
        f"Pages and dataset rows last checked more than {months} months ago "
        f"(before {months_before(today, months).isoformat()}), or never; oldest first.",
        "",
    ]
    if not items:
        return "\n".join([*lines, "Nothing is due.", ""])
    lines += ["| where | what | last checked | days ago |", "| --- | --- | --- | ---: |"]
    for item in items:
        checked = item.checked or "never"
        age = "" if item.age_days is None else str(item.age_days)
        lines.append(f"| {item.where} | {item.what} | {checked} | {age} |")
    return "\n".join([*lines, ""])


def reviewed_label(day: str) -> str:
    """'Reviewed December 2026', as an article shows it."""
    return "Reviewed " + datetime.date.fromisoformat(day).strftime("%B %Y")
