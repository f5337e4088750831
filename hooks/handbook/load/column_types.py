"""The column types of the table datasets, in one place: how a cell is checked, shown and sorted.

A type is one ColumnType here and nothing else: data_records.py checks every cell with
`problem`, comparison_tables.py shows it with `display` and writes `sort` on the column's
header (data-hb-sort), and handbook.js compares the cells of a "number" column as numbers and
all others as text (ISO dates, kept in data-sort, then sort by time).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from handbook.load.date_labels import display_date

ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

Problem = tuple[str, str]  # (what is wrong, how to fix it)


@dataclass(frozen=True)
class ColumnType:
    name: str
    sort: str  # "number" or "text": how the browser compares the column's cells
    problem: Callable[[str | int | float], Problem | None]  # None: the value is fine
    display: Callable[[str], str] = str  # the cell's text as shown
    raw_sort_value: bool = True  # cells carry their value for sorting (data-sort)


def _any(value: str | int | float) -> Problem | None:
    return None


def _number(type_name: str) -> Callable[[str | int | float], Problem | None]:
    def problem(value: str | int | float) -> Problem | None:
        if isinstance(value, int | float):
            return None
        return (
            f"'{value}' is not a number, but the column is of type {type_name}",
            "write a plain number (put any nuance into another column)",
        )

    return problem


def is_iso_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a real day."""
    if not ISO_DATE.match(text):
        return False
    year, month, day = (text.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _date(value: str | int | float) -> Problem | None:
    if is_iso_date(str(value)):
        return None
    return (
        f"'{value}' is not a date, but the column is of type date",
        "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022-08-22",
    )


COLUMN_TYPES: dict[str, ColumnType] = {
    kind.name: kind
    for kind in (
        ColumnType("text", sort="text", problem=_any, raw_sort_value=False),
        ColumnType("year", sort="number", problem=_number("year")),
        ColumnType("number", sort="number", problem=_number("number")),
        ColumnType("date", sort="text", problem=_date, display=display_date),
    )
}
