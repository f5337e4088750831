"""How a bracket of citation numbers is written: sorted, and runs of three or more consecutive
numbers collapsed to their ends ("[3, 8–11]" instead of "[3, 8, 9, 10, 11]"), for the
citations in articles (render/citations.py) and the sources in table cells
(comparison_tables.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

RANGE_DASH = "\u2013"  # en dash, as citation styles write number ranges


def number_runs(numbers: Iterable[int]) -> list[list[int]]:
    """Sorted distinct numbers grouped into runs of consecutive ones: [8, 3, 9, 10] ->
    [[3], [8, 9, 10]]."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def cited_numbers(numbers: Iterable[int], link: Callable[[int], str]) -> str:
    """The bracket's inside: each number through `link(number)` (its HTML link), runs of three
    or more shown by their first and last number joined by an en dash."""
    parts = []
    for run in number_runs(numbers):
        if len(run) >= 3:
            parts.append(f"{link(run[0])}{RANGE_DASH}{link(run[-1])}")
        else:
            parts.extend(link(number) for number in run)
    return ", ".join(parts)
