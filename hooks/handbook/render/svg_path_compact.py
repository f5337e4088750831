"""Write an SVG path's `d` in fewer bytes, drawing exactly the same outline.

ziamath writes glyph outlines with absolute commands, one decimal and spaces everywhere
("M 3.1 -6.2 L 3.1 -6.2 L 2.2 -1.7 Q 2.2 -1.7 2.1 -1.6"). Formula pages carry a hundred such
glyphs, and their outlines are the largest part of the page. Rewritten with relative commands
("m3.1-6.2l-.9 4.5q0 0-.1.1"), the numbers are short deltas and gzip finds more repeats.

The arithmetic is done in whole tenths, so no rounding creeps in: every point lands where it
did. Paths using anything other than M, L, H, V, Q, C and Z, or numbers with more than one
decimal, are returned unchanged.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "Q": 4, "C": 6, "Z": 0}
_TENTH = Decimal("0.1")


class _Unsupported(ValueError):
    pass


def compact_path(d: str) -> str:
    """The same outline as `d`, in relative commands with the shortest number spelling."""
    try:
        commands = _absolute_commands(d)
    except _Unsupported:
        return d
    return _write_relative(commands)


def path_points(d: str) -> list[tuple[str, tuple[int, ...]]]:
    """Each segment of `d` as (absolute command, absolute coordinates in tenths); relative
    and implicit commands resolved. For checking that two spellings draw the same path."""
    return [(command, tuple(values)) for command, values in _absolute_commands(d)]


def _tenths(number: str) -> int:
    try:
        value = Decimal(number) * 10
    except InvalidOperation as error:
        raise _Unsupported(number) from error
    if value != value.to_integral_value():
        raise _Unsupported(number)
    return int(value)


def _absolute_commands(d: str) -> list[tuple[str, list[int]]]:
    """Parse `d` (absolute or relative commands) into absolute commands with coordinates."""
    tokens = _TOKEN.findall(d)
    if "".join(tokens) != re.sub(r"[\s,]+", "", d):
        raise _Unsupported(d)  # something the tokenizer did not recognise
    commands: list[tuple[str, list[int]]] = []
    x = y = start_x = start_y = 0
    i, command = 0, ""
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        if command.upper() not in _ARITY:
            raise _Unsupported(command)
        upper, relative = command.upper(), command.islower()
        arity = _ARITY[upper]
        values = [_tenths(token) for token in tokens[i : i + arity]]
        if len(values) < arity or any(token.isalpha() for token in tokens[i : i + arity]):
            raise _Unsupported(d)
        i += arity
        if upper == "Z":
            commands.append(("Z", []))
            x, y = start_x, start_y
            continue
        if upper == "H":
            values = [values[0] + (x if relative else 0), y]
        elif upper == "V":
            values = [x, values[0] + (y if relative else 0)]
        elif relative:
            values = [v + (x if k % 2 == 0 else y) for k, v in enumerate(values)]
        absolute = "L" if upper in "HV" else upper
        commands.append((absolute, values))
        x, y = values[-2], values[-1]
        if upper == "M":
            start_x, start_y = x, y
            command = "l" if relative else "L"  # pairs after a moveto are linetos
    return commands


def _number(tenths: int) -> str:
    text = str(Decimal(tenths) * _TENTH)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("0."):
        text = text[1:]
    elif text.startswith("-0."):
        text = "-" + text[2:]
    return text or "0"


def _write_relative(commands: list[tuple[str, list[int]]]) -> str:
    out: list[str] = []
    x = y = start_x = start_y = 0
    previous = ""
    for command, values in commands:
        if command == "Z":
            out.append("z")
            x, y, previous = start_x, start_y, "z"
            continue
        deltas = [v - (x if k % 2 == 0 else y) for k, v in enumerate(values)]
        if command == "L" and deltas == [0, 0]:
            continue  # a zero-length line adds nothing to a filled outline
        letter, numbers = command.lower(), deltas
        if command == "L" and deltas[1] == 0:
            letter, numbers = "h", deltas[:1]
        elif command == "L" and deltas[0] == 0:
            letter, numbers = "v", deltas[1:]
        # A repeated command may be left out, except after a moveto (pairs there are linetos).
        if letter != previous or letter == "m":
            out.append(letter)
        elif _needs_separator(out[-1], _number(numbers[0])):
            out.append(" ")
        out.append(_join_numbers(numbers))
        x, y, previous = values[-2], values[-1], letter
        if command == "M":
            start_x, start_y = x, y
    return "".join(out)


def _join_numbers(numbers: list[int]) -> str:
    text = ""
    for number in numbers:
        written = _number(number)
        if text and _needs_separator(text, written):
            text += " "
        text += written
    return text


def _needs_separator(before: str, number: str) -> bool:
    """Whether `number` must be set apart from the text before it. A minus sign always starts a
    new number; so does a point when the number before already has one (".3.2" is .3 and .2)."""
    if number.startswith("-"):
        return False
    last = re.search(r"[\d.]*$", before).group(0)  # the last number, or numbers joined by points
    return not (number.startswith(".") and "." in last)
