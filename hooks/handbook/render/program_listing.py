"""How a page shows its programs: each block collapsed under a line that names the program and
its lines, and a download link after the program's last block.

Collapsed because a family page's program (40-100 lines, highlighted) weighs as much as the
rest of its new material together, and a collapsed block's body loads only when opened
(deferred_details.py), like derivations and solutions. The link stays in view: the file is
what a reader runs.
"""

from __future__ import annotations

import posixpath

from handbook.load.page_programs import PROGRAM_NAME, line_ranges, program_blocks, program_path


def download_link(src_path: str, name: str) -> str:
    """The Markdown link to a program's file (relative, so MkDocs checks and rewrites it)."""
    href = posixpath.relpath(program_path(src_path, name), posixpath.dirname(src_path) or ".")
    # The name as text, not code: inline code in a link fails colour contrast in dark mode.
    text = name.replace("_", "\\_")
    return f'[Download {text}]({href}){{ .hb-download download="{name}" }}'


def present_programs(text: str, src_path: str) -> str:
    """`text` with every program block inside `??? program "..."` and a download link after
    the last block of each program."""
    blocks = [block for block in program_blocks(text) if PROGRAM_NAME.match(block.name)]
    if not blocks:
        return text
    lines = line_ranges(blocks)
    totals = {block.name: lines[block][1] for block in blocks}  # the last block's end wins
    last = {block.name: block for block in blocks}
    pieces, position = [], 0
    for block in blocks:
        first, end = lines[block]
        total = totals[block.name]
        label = (
            f"{block.name}, {total} lines"
            if (first, end) == (1, total)
            else f"{block.name}, lines {first}–{end} of {total}"
        )
        body = text[block.start : block.end]
        if not body.endswith("\n"):
            body += "\n"
        indented = "".join(
            block.indent + "    " + line[len(block.indent) :] if line.strip() else line
            for line in body.splitlines(keepends=True)
        )
        pieces += [
            text[position : block.start],
            f'{block.indent}??? program "Program: {label}"\n\n',
            indented,
        ]
        if last[block.name] is block:
            pieces.append(f"\n{block.indent}{download_link(src_path, block.name)}\n")
        position = block.end
    pieces.append(text[position:])
    return "".join(pieces)
