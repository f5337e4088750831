"""The runnable programs in an article: fenced Python blocks titled with a file name.

A block opened with ```` ```python title="name.py" ```` belongs to the program `name.py`. The
page's blocks with that title, joined in order, are the program: prose can sit between its
parts. The same joined text is published for download beside the page (`code/name.py`, shown
and linked by render/program_listing.py), run by the suite (tests/test_page_programs.py) and run by
tools/make_figures.py to draw the page's figures, so what a reader reads, downloads and sees
plotted cannot drift apart. Python blocks without a title are illustrations and are not run.
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

from handbook.load.build_errors import Problems
from handbook.load.handbook_models import Program
from handbook.load.markdown_scan import fenced_blocks

PYTHON_INFO = re.compile(r"[ \t]*(?:python|py)\b(?P<options>.*)")  # after the opening fence
TITLE = re.compile(r"""\btitle=(?P<quote>["'])(?P<title>.*?)(?P=quote)""")
PROGRAM_NAME = re.compile(r"^[a-z][a-z0-9_]*\.py$")
CODE_DIR = "code"  # beside the page's folder: model-families/code/diffusion_toy.py


@dataclass(frozen=True)
class ProgramBlock:
    """One titled block: where it is in the text and what it holds."""

    name: str  # the title, e.g. "diffusion_toy.py"
    code: str  # dedented, ends with a newline
    start: int  # offset of the opening fence's line in the text
    end: int  # offset just after the closing fence's line
    line: int  # 1-based line of the opening fence
    indent: str  # the fence's indentation (blocks inside lists or admonitions)


def program_blocks(text: str) -> Iterator[ProgramBlock]:
    """The titled Python blocks of `text`, in order. Untitled blocks are skipped, and so is a
    block shown inside another (a longer fence quoting Markdown)."""
    for block in fenced_blocks(text):
        python = PYTHON_INFO.match(block.info)
        title = python and TITLE.search(python["options"])
        if not title:
            continue
        yield ProgramBlock(
            name=title["title"],
            code=textwrap.dedent(text[block.body_start : block.body_end]),
            start=block.start,
            end=block.line_end(text),
            line=text.count("\n", 0, block.start) + 1,
            indent=block.indent,
        )


def page_programs(
    text: str, where: str, problems: Problems, *, first_line: int = 1
) -> tuple[Program, ...]:
    """The programs of one page, joined from its blocks. A title that is not a Python file
    name is reported against `where` (the page, as the reader names it). `first_line`: the line
    of the file `text` starts at (after front matter)."""
    parts: dict[str, list[ProgramBlock]] = {}
    for block in program_blocks(text):
        if not PROGRAM_NAME.match(block.name):
            problems.add(
                where,
                f'```python title="{block.name}"',
                "title",
                "is not a program name; a titled Python block is a program the suite runs",
                "name it like `toy_diffusion.py`: lower case letters, digits and _, ending in .py",
                line=block.line + first_line - 1,
            )
            continue
        parts.setdefault(block.name, []).append(block)
    return tuple(
        Program(name, joined(blocks), tuple(block.line + first_line - 1 for block in blocks))
        for name, blocks in parts.items()
    )


def joined(blocks: list[ProgramBlock]) -> str:
    """One program's blocks as one file: each block's code, a blank line between them."""
    return "\n".join(block.code.rstrip("\n") + "\n" for block in blocks)


def line_ranges(blocks: list[ProgramBlock]) -> dict[ProgramBlock, tuple[int, int]]:
    """Each block's first and last line in its program's joined file (see `joined`)."""
    ranges: dict[ProgramBlock, tuple[int, int]] = {}
    ends: dict[str, int] = {}
    for block in blocks:
        start = ends[block.name] + 2 if block.name in ends else 1
        ends[block.name] = start + len(block.code.rstrip("\n").splitlines()) - 1
        ranges[block] = (start, ends[block.name])
    return ranges


def program_path(src_path: str, name: str) -> str:
    """Where a page's program is published, relative to docs/ (and to the site)."""
    return posixpath.join(posixpath.dirname(src_path), CODE_DIR, name)
