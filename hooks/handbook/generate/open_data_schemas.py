"""The JSON Schemas (draft 2020-12) published beside the open data (generate/open_data.py).

One schema per kind of JSON file: the glossary, the references, and one for every table dataset.
They are written out here rather than derived from the models so that the published contract
is readable in one place and changes only on purpose: every record sets
`additionalProperties: false` and lists what it requires, so a field renamed in the exporter
fails validation (tests/test_open_data.py) instead of silently changing what reusers receive.
Ids and keys carry the loader's own patterns, and the column types come from the registry
in load/column_types.py, so a new type is published without an edit here.
"""

from __future__ import annotations

from typing import Any

from handbook.load.column_types import COLUMN_TYPES
from handbook.load.data_records import REFERENCE_KEY, SLUG
from handbook.paths import OPEN_SCHEMAS_DIR

JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
LICENSE = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

GLOSSARY_SCHEMA = "glossary"
REFERENCES_SCHEMA = "references"
TABLE_SCHEMA = "table"  # one for every dataset: they differ in columns, not in shape

Schema = dict[str, Any]


def schema_path(name: str) -> str:
    return f"{OPEN_SCHEMAS_DIR}/{name}.schema.json"


def open_data_schemas(base_url: str) -> dict[str, Schema]:
    """Schema name -> schema, each with `$id` = its absolute URL under `base_url`."""
    return {
        GLOSSARY_SCHEMA: _glossary(base_url),
        REFERENCES_SCHEMA: _references(base_url),
        TABLE_SCHEMA: _table(base_url),
    }


# Helpers -------------------------------------------------------------------------------------


def _ref(definition: str) -> Schema:
    return {"$ref": f"#/$defs/{definition}"}


def _text(description: str, **constraints: Any) -> Schema:
    return {"type": "string", "description": description, **constraints}


def _list(description: str, items: Schema) -> Schema:
    return {"type": "array", "description": description, "items": items}


def _slugs(description: str) -> Schema:
    return _list(description, {"type": "string", "pattern": SLUG.pattern})


def _keys(description: str) -> Schema:
    return _list(description, _ref("reference_key"))


def _record(
    description: str, properties: dict[str, Schema], optional: tuple[str, ...] = ()
) -> Schema:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def _document(
    name: str,
    base_url: str,
    title: str,
    description: str,
    source: Schema,
    records: dict[str, Schema],
    defs: dict[str, Schema],
) -> Schema:
    """A published file's schema: the common header (licence, version, source), then `records`."""
    properties = {
        "$schema": _text("The URL of this schema.", format="uri"),
        "title": _text("What the file holds, in a few words."),
        "description": _text("What the file holds, in a sentence or two."),
        "version": _text("The handbook release the data belongs to."),
        "license": {"const": LICENSE, "description": "SPDX id of the data's licence."},
        "license_url": {"const": LICENSE_URL, "description": "The licence's text."},
        "source": source,
        **records,
    }
    top = _record(description, properties)
    reference_key = {"type": "string", "pattern": REFERENCE_KEY.pattern}
    reference_key["description"] = "A reference's key, as in references.json and references.bib."
    return {
        "$schema": JSON_SCHEMA_DRAFT,
        "$id": base_url + schema_path(name),
        "title": title,
        **top,
        "$defs": {"reference_key": reference_key, **defs},
    }


# The three schemas ---------------------------------------------------------------------------


def _glossary(base_url: str) -> Schema:
    term = _record(
        "One glossary term.",
        {
            "id": _text("Stable id of the term.", pattern=SLUG.pattern),
            "term": _text("The term as the glossary names it."),
            "aliases": _list("Other names for the term.", {"type": "string"}),
            "short": _text("A one-sentence definition."),
            "definition": _text("The full explanation, in Markdown."),
            "related": _slugs("Ids of related terms in this file."),
            "references": _keys("Keys of the sources behind the definition."),
            "tags": _slugs("The handbook's topic tags for the term."),
            "reference_only": {
                "type": "boolean",
                "description": "True for terms defined for readers of other sources, "
                "which no article of the handbook uses.",
            },
            "url": _text("The term's entry on the glossary page.", format="uri"),
        },
    )
    return _document(
        GLOSSARY_SCHEMA,
        base_url,
        "Generative AI Handbook glossary",
        "The handbook's glossary: every term with its definitions, related terms and sources.",
        _text("The glossary page these terms appear on.", format="uri"),
        {"terms": _list("The terms, sorted by name as on the glossary page.", _ref("term"))},
        {"term": term},
    )


def _references(base_url: str) -> Schema:
    reference = _record(
        "One cited source.",
        {
            "key": _ref("reference_key"),
            "authors": _list(
                "Authors as written in the handbook ('Surname, I.'), or an organisation.",
                {"type": "string"},
            ),
            "title": _text("The work's title."),
            "year": {"type": "integer", "description": "Year of publication."},
            "venue": _text("Where it appeared, as free text (journal, conference, publisher)."),
            "url": _text("Where to read it; empty when there is no web address."),
            "note": _text("A caveat on the entry, e.g. an unconfirmed detail."),
        },
        optional=("note",),
    )
    return _document(
        REFERENCES_SCHEMA,
        base_url,
        "Generative AI Handbook references",
        "Every source the handbook cites (also published as BibTeX in references.bib).",
        _text("The bibliography page these references appear on.", format="uri"),
        {
            "references": _list(
                "The references, in the order of the handbook's data.", _ref("reference")
            )
        },
        {"reference": reference},
    )


def _table(base_url: str) -> Schema:
    column = _record(
        "One column of the dataset.",
        {
            "id": _text(
                "Stable id of the column: the key of its cells in every row.", pattern=SLUG.pattern
            ),
            "label": _text("The column's heading as shown in tables."),
            "description": _text("What the column holds; may be empty."),
            "type": {
                "enum": list(COLUMN_TYPES),
                "description": "How the cells are read: text, a year, a number or an ISO date "
                "(YYYY, YYYY-MM or YYYY-MM-DD), always written as text.",
            },
        },
    )
    cell = _record(
        "One cell: its text, and the sources for it.",
        {
            "text": _text("The cell's content, as text whatever the column's type."),
            "references": _keys("Keys of the sources for this cell."),
        },
    )
    row = _record(
        "One row of the dataset.",
        {
            "cells": {
                "type": "object",
                "description": "Column id -> cell. A column with no cell is empty in that row.",
                "propertyNames": {"pattern": SLUG.pattern},
                "additionalProperties": _ref("cell"),
            },
            "references": _keys("Keys of the sources for the whole row."),
            "as_of": _text(
                "The day the row's facts were last checked (YYYY-MM-DD).", format="date"
            ),
        },
        optional=("as_of",),
    )
    return _document(
        TABLE_SCHEMA,
        base_url,
        "Generative AI Handbook comparison table",
        "One of the handbook's comparison datasets: its columns, then its rows.",
        _text("The dataset's file in the handbook's repository."),
        {
            "id": _text("Stable id of the dataset (its file name)."),
            "shown_on": _list(
                "The handbook pages that show this dataset as a table or a timeline.",
                {"type": "string", "format": "uri"},
            ),
            "columns": _list("The columns, in display order.", _ref("column")),
            "rows": _list("The rows, in the order of the data.", _ref("row")),
        },
        {"column": column, "cell": cell, "row": row},
    )
