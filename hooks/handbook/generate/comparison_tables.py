"""Comparison tables, generated from data/tables/*.yml where an article has a table marker.

`<!-- handbook:table model-families columns=family,year -->` becomes an HTML table with a
caption, sortable headers (enhanced by assets/javascripts/handbook.js; no CDN script) and a
numbered list of the sources its cells and rows cite.
"""

from __future__ import annotations

import html

from handbook.generate.citation_numbers import cited_numbers
from handbook.load.column_types import COLUMN_TYPES
from handbook.load.handbook_models import DataMarker, Dataset, Reference

EMPTY_CELL = "—"


def render_table(
    dataset: Dataset,
    marker: DataMarker,
    references: dict[str, Reference],
    bibliography_href: str,
    id_prefix: str,
) -> str:
    """HTML for one marker. `bibliography_href` is the final URL of the bibliography page
    relative to the article; `id_prefix` keeps source anchors unique on the page."""
    columns = [dataset.column(column_id) for column_id in marker.columns] or list(dataset.columns)
    numbers: dict[str, int] = {}

    def sources(keys) -> str:
        if not keys:
            return ""
        for key in keys:
            numbers.setdefault(key, len(numbers) + 1)
        # Each number links to the table's own source list, which handbook.js shows on hover,
        # focus and tap; long runs collapse ("8–17").
        inside = cited_numbers(
            (numbers[key] for key in keys), lambda n: f'<a href="#{id_prefix}-{n}">{n}</a>'
        )
        return f'<sup class="hb-src">[{inside}]</sup>'

    body = []
    for row in dataset.rows_matching(marker.where):
        cells = []
        for position, column in enumerate(columns):
            cell = row.cells.get(column.id, _blank)
            keys = list(cell.references) + (list(row.references) if position == 0 else [])
            kind = COLUMN_TYPES[column.type]
            sort_value = f' data-sort="{html.escape(cell.text)}"' if kind.raw_sort_value else ""
            shown = kind.display(cell.text) if cell.text else cell.text
            text = html.escape(shown) if shown else EMPTY_CELL
            tag = 'th scope="row"' if position == 0 else "td"
            cells.append(
                f"<{tag}{sort_value}>{text}{sources(dict.fromkeys(keys))}</{tag.split()[0]}>"
            )
        body.append(f"<tr>{''.join(cells)}</tr>")
    header = "".join(
        f'<th scope="col" data-hb-sort="{COLUMN_TYPES[column.type].sort}"'
        + (f' title="{html.escape(column.description)}"' if column.description else "")
        + f">{html.escape(column.label)}</th>"
        for column in columns
    )
    caption = html.escape(marker.caption or dataset.title)
    if dataset.description:
        caption += f'<span class="hb-table-description">{html.escape(dataset.description)}</span>'
    source_items = "".join(
        f'<li id="{id_prefix}-{number}"><a href="{html.escape(bibliography_href)}#ref-{key}">'
        f"{html.escape(references[key].short_label)}</a>, <cite>{html.escape(references[key].title)}</cite></li>"
        for key, number in sorted(numbers.items(), key=lambda pair: pair[1])
    )
    # The caption sits outside the scrolling box, so a wide table never pushes it out of view;
    # aria-labelledby gives the table and its scroll region the caption as their name.
    caption_id = f"{id_prefix}-caption"
    return (
        f'<figure class="hb-table" data-hb-dataset="{html.escape(dataset.id)}">'
        f'<figcaption id="{caption_id}">{caption}</figcaption>'
        f'<div class="hb-table-scroll" role="region" tabindex="0" aria-labelledby="{caption_id}">'
        f'<table class="hb-sortable" aria-labelledby="{caption_id}">'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        f'<p class="hb-table-sources-title">Sources</p><ol class="hb-table-sources">{source_items}</ol>'
        "</figure>"
    )


class _Blank:
    text = ""
    references = ()


_blank = _Blank()
