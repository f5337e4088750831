"""Parse data markers: `<!-- handbook:KIND DATASET [columns=a,b,c] [where=column:text] [caption="..."] -->`.

KIND is `table` (a sortable table, comparison_tables.py) or `timeline` (rows grouped by
year, dataset_timeline.py). `columns=` picks and orders columns; each `where=column:text`
keeps rows whose cell in that column contains the text (case-insensitive). Several `where=`
must all hold. `caption=` replaces the dataset's title for a table that shows only some of
its rows ("Code models"), so two tables on one page never share a name.
"""

from __future__ import annotations

import shlex

from handbook.load.handbook_models import DataMarker

MARKER_KINDS = ("table", "timeline")


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
        raw=f"handbook:{kind} {args.strip()}",
        line=line,
        kind=kind,
        caption=caption,
    ), ""
