"""How ISO dates from the data (YYYY, YYYY-MM, YYYY-MM-DD) are shown to readers."""

from __future__ import annotations

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_date(iso: str) -> str:
    """'2022-08-22' -> '22 Aug 2022', '2022-08' -> 'Aug 2022', '2022' -> '2022'.

    Day-month-year with a month abbreviation reads the same in every locale, unlike 08/22."""
    parts = iso.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
