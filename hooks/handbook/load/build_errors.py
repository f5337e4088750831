"""Problems found in the handbook's data and articles, collected and reported together.

Every check appends a `Problem` naming the file, the entry, the field, what is wrong and how to
fix it. The build raises one `HandbookDataError` listing all of them, so a contributor fixes a
whole batch in one round instead of one error per build.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str
    field: str
    message: str
    fix: str
    line: int | None = None

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        subject = ", ".join(
            part for part in (self.entry, self.field and f"field '{self.field}'") if part
        )
        prefix = f"{where}: {subject}: " if subject else f"{where}: "
        return f"{prefix}{self.message}. Fix: {self.fix}"


@dataclass
class Problems:
    """An ordered, append-only list of problems shared by all validators of one build."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        file: str,
        entry: str,
        field_name: str,
        message: str,
        fix: str,
        line: int | None = None,
    ) -> None:
        self.items.append(Problem(file, entry, field_name, message, fix, line))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise HandbookDataError(self.items)


class HandbookDataError(Exception):
    """Raised once, before anything renders, when the data or articles have problems."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"The handbook cannot be built: {count} problem{'s' if count != 1 else ''} found."]
        lines += [f"  - {problem.render()}" for problem in self.problems]
        lines.append("Nothing was written; the previous site/ is unchanged.")
        return "\n".join(lines)


def closest(name: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The most similar valid name, for 'did you mean' hints (None when nothing is close)."""
    options = sorted(set(candidates))
    folded = {option.lower(): option for option in options}
    matches = difflib.get_close_matches(name.lower(), list(folded), n=1, cutoff=cutoff)
    return folded[matches[0]] if matches else None


def unknown_name_fix(name: str, candidates: Iterable[str], kind: str, source: str) -> str:
    """The fix for an unknown name: the closest valid one, else where the valid ones are defined."""
    suggestion = closest(name, candidates)
    if suggestion:
        return f"use '{suggestion}', the closest {kind}"
    return f"use a {kind} defined in {source}"


# Reference keys share a shape (author + year + word), so a loose match is usually another
# paper: only a near-identical key (a typo) is worth suggesting.
REFERENCE_KEY_CUTOFF = 0.8


def unknown_reference_fix(key: str, known: Iterable[str]) -> str:
    """A typo's correction, or how to add the reference: file, required fields, an example."""
    suggestion = closest(key, known, cutoff=REFERENCE_KEY_CUTOFF)
    if suggestion:
        return f"did you mean '{suggestion}'? If not, add '{key}' to data/references.yml"
    return (
        f"if '{key}' is a new source, add it to data/references.yml with the fields key, "
        "authors (a list), title, year, venue and url, and the day you checked it, e.g.\n"
        f"      - key: {key}\n"
        "        authors:\n"
        "        - Surname, A.\n"
        "        title: The exact title of the paper or page\n"
        "        year: 2025\n"
        "        venue: arXiv preprint\n"
        "        url: https://arxiv.org/abs/2501.00000\n"
        "        verified_on: 'YYYY-MM-DD'\n"
        '    (CONTRIBUTING.md, "Add a reference"); if it is already there, copy its key exactly'
    )
