"""The handbook's notation (data/notation.yml): its reference page and the check of articles.

The check looks for the places where an article names a quantity next to its symbol, the way
the pages introduce symbols: "temperature $\\tau$", "for $T$ denoising steps", "the number of
layers *N*". A quantity written with another symbol than the notation's is reported with its
line, so the same letter cannot mean temperature on one page and diffusion steps on another,
or two things on one page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.load.build_errors import HandbookDataError, Problems
from handbook.load.data_records import entries
from handbook.load.field_reader import FieldReader
from handbook.load.markdown_scan import code_segments, line_of
from handbook.load.yaml_source import parse_yaml
from handbook.paths import NOTATION_DATA

NOTATION_FIELDS = ("quantity", "symbol", "words", "meaning", "also")


def _symbol(group: str, excluded: str = "") -> str:
    """A symbol as articles write it: $...$ math, or *X* italics for a one- or two-letter name."""
    return (
        rf"(?:\$(?P<{group}m>[^$\n{excluded}]{{1,24}})\$"
        rf"|\*(?P<{group}i>[A-Za-z]{{1,2}}(?:_\w+)?)\*)"
    )


@dataclass(frozen=True)
class Notation:
    quantity: str
    symbol: str  # LaTeX
    words: tuple[str, ...]
    meaning: str
    also: tuple[str, ...] = ()  # related symbols that may stand next to the words ($t$ for a step)


@dataclass(frozen=True)
class SymbolUse:
    line: int
    quantity: Notation
    written: str  # the symbol as the article wrote it


def parse_notation(document: Any, file: str, problems: Problems) -> list[Notation]:
    notation = []
    for index, raw in enumerate(entries(document, file, "notation", problems), start=1):
        reader = FieldReader(raw, file, f"notation entry {index}", problems)
        reader.only_fields(NOTATION_FIELDS)
        notation.append(
            Notation(
                quantity=reader.text("quantity"),
                symbol=reader.text("symbol"),
                words=reader.text_list("words", required=True),
                meaning=reader.text("meaning"),
                also=reader.text_list("also"),
            )
        )
    return notation


def load_notation(
    path: Path, display: str = NOTATION_DATA, optional: bool = False
) -> list[Notation] | None:
    """The notation data file, validated; HandbookDataError lists every problem.

    With `optional`, a missing file gives None (a synthetic handbook has no notation page).
    """
    problems = Problems()
    if not path.exists():
        if optional:
            return None
        problems.add(display, "", "", "the file does not exist", "restore it from git")
        raise HandbookDataError(problems.items)
    document = parse_yaml(path.read_text(encoding="utf-8"), display, problems)
    notation = parse_notation(document, display, problems)
    if problems:
        raise HandbookDataError(problems.items)
    return notation


def render_notation_page(notation: list[Notation]) -> str:
    rows = "\n".join(
        f"| {entry.quantity} | ${entry.symbol}$ | {entry.meaning} |" for entry in notation
    )
    return f"""---
title: Notation
description: The symbols the handbook's formulas use, one per quantity, on every page.
---

# Notation

Every formula in the handbook uses the symbols below, so a letter means the same thing on every
page. Other symbols are defined where they are used. The list is kept in `data/notation.yml`,
and the tests check each article against it.

| Quantity | Symbol | Meaning |
| --- | --- | --- |
{rows}
"""


def _normalize(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol)


def _patterns(entry: Notation) -> list[re.Pattern[str]]:
    words = "|".join(re.escape(word) for word in sorted(entry.words, key=len, reverse=True))
    # Before the words, only a bare symbol: "when $n < d$, the number of layers" names no symbol.
    before = _symbol("b", excluded="=<>")
    after = _symbol("a")
    return [
        # "temperature $\tau$", "the number of layers *L*"
        re.compile(rf"\b(?:{words})\s+{after}", re.IGNORECASE),
        # "$T$ denoising steps", "$\tau$, the temperature"
        re.compile(rf"{before}(?:,\s*the\s+|\s+)(?:{words})\b", re.IGNORECASE),
    ]


def symbol_uses(markdown: str, notation: list[Notation]) -> Iterator[SymbolUse]:
    """Each place outside code where a quantity's words stand right next to a symbol."""
    offset = 0
    patterns = [(entry, pattern) for entry in notation for pattern in _patterns(entry)]
    for is_code, text in code_segments(markdown):
        if not is_code:
            for entry, pattern in patterns:
                for match in pattern.finditer(text):
                    written = next(value for value in match.groupdict().values() if value)
                    yield SymbolUse(line_of(markdown, offset + match.start()), entry, written)
        offset += len(text)


def notation_clashes(markdown: str, notation: list[Notation]) -> list[str]:
    """'line N: temperature written $T$, the notation's symbol is $\\tau$' for each clash."""
    clashes = []
    for use in symbol_uses(markdown, notation):
        written = _normalize(use.written)
        # "$T = 1$" names the symbol T; compare the symbol itself, not an equation with it.
        written = re.split(r"[=<>,(]", written, maxsplit=1)[0]
        allowed = {_normalize(symbol) for symbol in (use.quantity.symbol, *use.quantity.also)}
        if written not in allowed:
            clashes.append(
                f"line {use.line}: {use.quantity.quantity.lower()} written ${use.written}$; "
                f"the notation's symbol is ${use.quantity.symbol}$"
            )
    return clashes
