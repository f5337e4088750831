"""Read what the build needs out of an article's Markdown, without rendering it.

Front matter, `[@key]` citations and `<!-- handbook:... -->` markers are found outside code
(fenced blocks and inline code spans), so an example of the syntax in a code block is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from handbook.load.data_markers import ANY_MARKER

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)", re.MULTILINE)
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


@dataclass(frozen=True)
class FencedBlock:
    """A fenced code block, as offsets into the text it was found in."""

    start: int  # the opening fence's line
    body_start: int  # the first line inside the fences
    body_end: int  # just after the last line inside
    end: int  # just after the closing fence, before its line break; the text's end if unclosed
    indent: str  # the opening fence's indentation (blocks inside lists or admonitions)
    info: str  # the rest of the opening line: the language and its options

    def line_end(self, text: str) -> int:
        """Just after the closing fence's line, its line break included."""
        return self.end + 1 if text.startswith("\n", self.end) else self.end


def next_fenced_block(markdown: str, position: int = 0) -> FencedBlock | None:
    """The first fenced block opening at or after `position`. It is closed by a line of the
    same fence character, at least as many, and nothing else; unclosed, it runs to the end."""
    fence = FENCE_OPEN.search(markdown, position)
    if not fence:
        return None
    marks = fence.group("fence")
    closing = re.compile(rf"^[ \t]*{re.escape(marks[0])}{{{len(marks)},}}[ \t]*$", re.MULTILINE)
    body_start = min(fence.end() + 1, len(markdown))
    close = closing.search(markdown, body_start)
    return FencedBlock(
        start=fence.start(),
        body_start=body_start,
        body_end=close.start() if close else len(markdown),
        end=close.end() if close else len(markdown),
        indent=fence.group("indent"),
        info=fence.group("info"),
    )


def fenced_blocks(markdown: str) -> Iterator[FencedBlock]:
    """The text's fenced blocks, in order; a fence inside a block is part of that block."""
    position = 0
    while (block := next_fenced_block(markdown, position)) is not None:
        yield block
        position = block.end


def _code_spans(markdown: str) -> Iterator[tuple[int, int]]:
    position = 0
    while position < len(markdown):
        block = next_fenced_block(markdown, position)
        prose_end = block.start if block else len(markdown)
        for inline in INLINE_CODE.finditer(markdown, position, prose_end):
            yield inline.start(), inline.end()
        if not block:
            return
        yield block.start, block.end
        position = block.end


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
