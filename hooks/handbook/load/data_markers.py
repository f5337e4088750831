"""Parse data markers: `<!-- handbook:KIND DATASET [columns=a,b,c] [where=column:text] [caption="..."] -->`.

KIND is `table` (a sortable table, comparison_tables.py) or `timeline` (rows grouped by
year, dataset_timeline.py). `columns=` picks and orders columns; each `where=column:text`
keeps rows whose cell in that column contains the text (case-insensitive). Several `where=`
must all hold. `caption=` replaces the dataset's title for a table that shows only some of
its rows ("Code models"), so two tables on one page never share a name.
"""

from __future__ import annotations

import re
import shlex

from handbook.load.handbook_models import DataMarker

# The marker syntax, in one place. Each marker is parsed once, by the loader
# (article_records.py); the renderer (render/page_markers.py) finds the line markers in the
# text, looks up their parsed records by `marker_key`, and reports any marker left over.
MARKER_NAMESPACE = "handbook"
MARKER_KINDS = ("table", "timeline")
# Any `<!-- namespace:kind args -->` comment, so a misspelt namespace or kind is reported.
ANY_MARKER = re.compile(
    r"<!--\s*(?P<namespace>[A-Za-z][\w-]*):(?P<kind>[A-Za-z][\w-]*)(?P<args>.*?)-->", re.DOTALL
)
# What is expanded: a marker alone on its line at the left margin (raw HTML must start a block).
LINE_MARKER = re.compile(
    rf"^<!--\s*{MARKER_NAMESPACE}:(?P<kind>{'|'.join(MARKER_KINDS)})\b(?P<args>[^\n]*?)-->[ \t]*$",
    re.MULTILINE,
)
# A marker of ours still in a rendered page (inside a list, indented...): an error.
LEFTOVER_MARKER = re.compile(rf"<!--\s*{MARKER_NAMESPACE}:[^\n]*?-->")


def marker_key(kind: str, args: str) -> str:
    """A marker as the build names it, `handbook:table models columns=a,b`: its identity when
    the renderer matches a marker in the text to the record the loader parsed."""
    return f"{MARKER_NAMESPACE}:{kind} {args.strip()}"


def parse_data_marker(
    args: str, line: int = 0, kind: str = "table"
) -> tuple[DataMarker | None, str]:
    """(marker, '') on success, (None, reason) when the arguments cannot be read."""
    try:
        words = shlex.split(args)
    except ValueError as error:
        return None, f"its arguments cannot be read ({error})"
    if not words or "=" in words[0]:
        return None, "it names no dataset"
    dataset, columns, where, caption = words[0], (), [], ""
    for word in words[1:]:
        option, _, value = word.partition("=")
        if option == "columns" and value:
            columns = tuple(part.strip() for part in value.split(",") if part.strip())
        elif option == "where" and ":" in value:
            column, _, text = value.partition(":")
            where.append((column.strip(), text.strip()))
        elif option == "caption" and value.strip():
            caption = value.strip()
        else:
            return None, (
                f"'{word}' is not an option (use columns=a,b, where=column:text or caption=\"...\")"
            )
    return DataMarker(
        dataset=dataset,
        columns=columns,
        where=tuple(where),
        raw=marker_key(kind, args),
        line=line,
        kind=kind,
        caption=caption,
    ), ""
