"""Read what the build needs out of an article's Markdown, without rendering it.

Front matter, `[@key]` citations and `<!-- handbook:... -->` markers are found outside code
(fenced blocks and inline code spans), so an example of the syntax in a code block is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from handbook.load.data_markers import ANY_MARKER

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})", re.MULTILINE)
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
CITATION = re.compile(r"\[(@[^\[\]\n]*)\]")
CITATION_KEY = re.compile(r"^@([A-Za-z0-9][A-Za-z0-9_:.-]*)$")


def split_front_matter(markdown: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, number of lines the front matter takes)."""
    match = FRONT_MATTER.match(markdown)
    if not match:
        return None, markdown, 0
    return match.group("yaml") or "", markdown[match.end() :], match.group(0).count("\n")


def code_segments(markdown: str) -> Iterator[tuple[bool, str]]:
    """Yield (is_code, text) pieces that concatenate back to `markdown`."""
    position = 0
    for start, end in _code_spans(markdown):
        if start > position:
            yield False, markdown[position:start]
        yield True, markdown[start:end]
        position = end
    if position < len(markdown):
        yield False, markdown[position:]


def _code_spans(markdown: str) -> Iterator[tuple[int, int]]:
    position = 0
    while position < len(markdown):
        fence = FENCE_OPEN.search(markdown, position)
        prose_end = fence.start() if fence else len(markdown)
        for inline in INLINE_CODE.finditer(markdown, position, prose_end):
            yield inline.start(), inline.end()
        if not fence:
            return
        closing = re.compile(
            rf"^[ \t]*{re.escape(fence.group('fence')[0])}{{{len(fence.group('fence'))},}}[ \t]*$",
            re.MULTILINE,
        )
        line_end = markdown.find("\n", fence.end())
        after_open = len(markdown) if line_end < 0 else line_end + 1
        close = closing.search(markdown, after_open)
        end = close.end() if close else len(markdown)
        yield fence.start(), end
        position = end


def rewrite_prose(markdown: str, rewrite: Callable[[str], str]) -> str:
    """Apply `rewrite` to every piece of the Markdown that is not code."""
    return "".join(text if is_code else rewrite(text) for is_code, text in code_segments(markdown))


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def citation_keys(group: str) -> list[str] | None:
    """Keys of one `[@a; @b]` group, or None when the group is malformed."""
    keys = []
    for part in group.split(";"):
        match = CITATION_KEY.match(part.strip())
        if not match:
            return None
        keys.append(match.group(1))
    return keys


def find_citations(body: str) -> Iterator[tuple[int, str, list[str] | None]]:
    """(offset, raw text, keys or None if malformed) for each citation outside code."""
    offset = 0
    for is_code, text in code_segments(body):
        if not is_code:
            for match in CITATION.finditer(text):
                yield offset + match.start(), match.group(0), citation_keys(match.group(1))
        offset += len(text)


def find_markers(body: str) -> Iterator[tuple[int, re.Match[str]]]:
    """(offset, match) for each `<!-- namespace:kind ... -->` comment outside code."""
    offset = 0
    for is_code, text in code_segments(body):
        if not is_code:
            for match in ANY_MARKER.finditer(text):
                yield offset + match.start(), match
        offset += len(text)
