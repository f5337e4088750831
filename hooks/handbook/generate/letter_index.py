"""A-Z sections for the long generated lists (glossary, bibliography): which letter an entry
files under, its section's heading and anchor, and the bar of letters that jumps to them."""

from __future__ import annotations

import html
import string
import unicodedata

OTHER = "#"  # entries that start with a digit or a symbol ("3D Gaussian splatting")


def letter_of(text: str) -> str:
    """'Élan' -> 'E', '3D' -> '#': the first letter without accents, or OTHER."""
    first = unicodedata.normalize("NFKD", text.strip()[:1]).encode("ascii", "ignore").decode()
    first = first.upper()
    return first if first in string.ascii_uppercase else OTHER


def letters_in_order(letters: set[str]) -> list[str]:
    return sorted(letters, key=lambda letter: (letter == OTHER, letter))


def letter_slug(letter: str) -> str:
    return letter.lower() if letter != OTHER else "other"


def letter_label(letter: str) -> str:
    # A bare "#" after "## " would be read as more heading markup and leave the heading (and
    # its TOC link) empty.
    return letter if letter != OTHER else "0–9"


def letter_heading(letter: str) -> str:
    return f"## {letter_label(letter)} {{ #letter-{letter_slug(letter)} }}"


def jump_bar(present: list[str], label: str) -> str:
    """Every letter A-Z, linked where a section exists (and 0-9 when there is one)."""
    links = []
    for letter in [*string.ascii_uppercase, OTHER]:
        if letter in present:
            links.append(
                f'<a href="#letter-{letter_slug(letter)}">{html.escape(letter_label(letter))}</a>'
            )
        elif letter != OTHER:
            links.append(f'<span aria-hidden="true">{letter}</span>')
    return f'<nav class="hb-az" aria-label="{html.escape(label)}">{" ".join(links)}</nav>'
