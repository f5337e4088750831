"""Typed access to one YAML entry, recording a Problem for each missing or mistyped field.

Readers return a usable default after recording the problem, so validation carries on and
reports every problem of a file in one build.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from handbook.load.build_errors import Problems, closest
from handbook.load.markdown_text import CONTROL_CHARACTER

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FieldReader:
    def __init__(self, raw: dict[str, Any], file: str, entry: str, problems: Problems):
        self.raw = raw
        self.file = file
        self.entry = entry
        self.problems = problems
        self.line = getattr(raw, "line", None)

    def problem(self, field: str, message: str, fix: str) -> None:
        self.problems.add(self.file, self.entry, field, message, fix, line=self.line)

    def text(
        self, field: str, *, required: bool = True, max_length: int | None = None, default: str = ""
    ) -> str:
        value = self.raw.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(field, "is missing or empty", f"add '{field}: ...' to this entry")
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(
                field,
                f"must be text, not {_type_name(value)}",
                f"write '{field}' as a single line of text (quote it if needed)",
            )
            return default
        value = str(value).strip()
        control = CONTROL_CHARACTER.search(value)
        if control:
            self.problem(
                field,
                f"contains the control character U+{ord(control.group(0)):04X}",
                "delete it (it is invisible; it often comes with text pasted from another program)",
            )
            return CONTROL_CHARACTER.sub("", value)
        if max_length is not None and len(value) > max_length:
            self.problem(
                field,
                f"is {len(value)} characters long, more than {max_length}",
                f"shorten it to at most {max_length} characters",
            )
        return value

    def day(self, field: str, *, what: str) -> str:
        """An optional calendar day written YYYY-MM-DD ('' when absent); `what` says what it dates."""
        value = self.text(field, required=False)
        if value and not is_day(value):
            self.problem(
                field,
                f"'{value}' is not a day written YYYY-MM-DD",
                f"write the day {what} as YYYY-MM-DD, e.g. 2026-12-06",
            )
            return ""
        return value

    def text_list(self, field: str, *, required: bool = False) -> tuple[str, ...]:
        value = self.raw.get(field)
        if value is None:
            if required:
                self.problem(field, "is missing", f"add '{field}: [...]' with at least one item")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str | int) for item in value):
            self.problem(
                field,
                f"must be a list of names, not {_type_name(value)}",
                f"write it as '{field}: [first, second]'",
            )
            return ()
        items = tuple(str(item).strip() for item in value)
        if required and not items:
            self.problem(field, "is an empty list", "list at least one item")
        return items

    def integer(self, field: str, *, minimum: int, maximum: int) -> int:
        value = self.raw.get(field)
        if isinstance(value, bool) or not isinstance(value, int):
            found = "missing" if value is None else f"{_type_name(value)} {value!r}"
            self.problem(
                field,
                f"must be a whole number, found {found}",
                f"write a number between {minimum} and {maximum}",
            )
            return minimum
        if not minimum <= value <= maximum:
            self.problem(
                field, f"{value} is out of range", f"use a number from {minimum} to {maximum}"
            )
        return value

    def boolean(self, field: str, *, default: bool) -> bool:
        value = self.raw.get(field, default)
        if not isinstance(value, bool):
            self.problem(
                field,
                f"must be true or false, not {value!r}",
                f"write '{field}: true' or '{field}: false'",
            )
            return default
        return value

    def only_fields(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for field in self.raw:
            if field not in allowed:
                suggestion = closest(str(field), allowed)
                fix = (
                    f"rename it to '{suggestion}'"
                    if suggestion
                    else f"remove it; known fields are {', '.join(allowed)}"
                )
                self.problem(str(field), "is not a known field", fix)


def is_day(text: str) -> bool:
    """True for a real calendar day written YYYY-MM-DD."""
    if not DAY.match(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__
