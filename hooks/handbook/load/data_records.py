"""Turn the YAML of each data file into typed records, checking what one file alone can tell.

Cross-file checks (does a related term, tag or reference exist?) live in `handbook_data.py`.
"""

from __future__ import annotations

import re
from typing import Any

from handbook.load.build_errors import Problems
from handbook.load.column_types import COLUMN_TYPES
from handbook.load.field_reader import FieldReader
from handbook.load.handbook_models import Cell, Column, Dataset, Reference, Row, Tag, Term

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REFERENCE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.-]*$")
ROW_REFERENCES_FIELD = "refs"

TERM_FIELDS = (
    "id",
    "term",
    "aliases",
    "short",
    "definition",
    "related",
    "references",
    "tags",
    "link",
    "reference_only",
)
TAG_FIELDS = ("name", "title", "description")
REFERENCE_FIELDS = ("key", "authors", "title", "year", "venue", "url", "note", "verified_on")
DATASET_FIELDS = ("id", "title", "description", "product_facts", "columns", "rows")
# A row's `as_of`: the day its facts were last checked (tools/freshness_report.py lists old ones).
ROW_AS_OF_FIELD = "as_of"
COLUMN_FIELDS = ("id", "label", "description", "type")


def _kind_of_value(value: Any) -> str:
    """How a YAML value reads to a contributor ('a mapping'), not a Python class name."""
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, str):
        return f"the text {value!r}"
    return f"the value {value!r}"


def entries(document: Any, file: str, what: str, problems: Problems) -> list[dict]:
    """The list of mappings a data file must hold, or [] after recording why not."""
    if document is None:
        return []
    if not isinstance(document, list):
        problems.add(
            file,
            "",
            "",
            f"must be a list of {what}, found {_kind_of_value(document)}",
            f"start each {what[:-1]} with '- ' at the left margin",
        )
        return []
    good = []
    for index, item in enumerate(document, start=1):
        if isinstance(item, dict):
            good.append(item)
        else:
            problems.add(
                file,
                f"entry #{index}",
                "",
                f"must be a mapping, found {item!r}",
                "write the entry as 'field: value' lines",
            )
    return good


def _label(raw: dict, key_field: str, index: int, kind: str) -> str:
    key = raw.get(key_field)
    return f"{kind} '{key}'" if isinstance(key, str) and key else f"{kind} #{index}"


def _slug(reader: FieldReader, field: str, kind: str) -> str:
    value = reader.text(field)
    if value and not SLUG.match(value):
        reader.problem(
            field,
            f"'{value}' is not a valid {kind}",
            "use lowercase letters, digits and single hyphens, e.g. 'diffusion-model'",
        )
    return value


def parse_terms(document: Any, file: str, problems: Problems) -> list[Term]:
    terms = []
    for index, raw in enumerate(entries(document, file, "terms", problems), start=1):
        reader = FieldReader(raw, file, _label(raw, "id", index, "term"), problems)
        reader.only_fields(TERM_FIELDS)
        definition = reader.text("definition")
        if "[@" in definition:
            reader.problem(
                "definition",
                "contains a [@key] citation",
                "list the key under 'references:' instead; the glossary cites from there",
            )
        terms.append(
            Term(
                id=_slug(reader, "id", "term id"),
                term=reader.text("term"),
                aliases=reader.text_list("aliases"),
                short=reader.text("short", max_length=160),
                definition=definition,
                related=reader.text_list("related"),
                references=reader.text_list("references"),
                tags=reader.text_list("tags"),
                auto_link=reader.boolean("link", default=True),
                reference_only=reader.boolean("reference_only", default=False),
                line=reader.line,
            )
        )
    return terms


def parse_tags(document: Any, file: str, problems: Problems) -> list[Tag]:
    tags = []
    for index, raw in enumerate(entries(document, file, "tags", problems), start=1):
        reader = FieldReader(raw, file, _label(raw, "name", index, "tag"), problems)
        reader.only_fields(TAG_FIELDS)
        name = _slug(reader, "name", "tag name")
        tags.append(
            Tag(
                name=name,
                title=reader.text("title", required=False, default=name),
                description=reader.text("description", max_length=200),
                line=reader.line,
            )
        )
    return tags


def parse_references(document: Any, file: str, problems: Problems) -> list[Reference]:
    references = []
    for index, raw in enumerate(entries(document, file, "references", problems), start=1):
        reader = FieldReader(raw, file, _label(raw, "key", index, "reference"), problems)
        reader.only_fields(REFERENCE_FIELDS)
        key = reader.text("key")
        if key and not REFERENCE_KEY.match(key):
            reader.problem(
                "key",
                f"'{key}' has characters a citation cannot use",
                "use letters, digits, '-', '_', '.' or ':'",
            )
        url = reader.text("url", required=False)
        if url and not url.startswith(("https://", "http://")):
            reader.problem("url", f"'{url}' is not a web address", "give a full https:// URL")
        verified_on = reader.day("verified_on", what="you checked the source")
        references.append(
            Reference(
                key=key,
                authors=reader.text_list("authors", required=True),
                title=reader.text("title"),
                year=reader.integer("year", minimum=1800, maximum=2100),
                venue=reader.text("venue"),
                url=url,
                note=reader.text("note", required=False),
                verified_on=verified_on,
                line=reader.line,
            )
        )
    return references


def parse_dataset(document: Any, file: str, expected_id: str, problems: Problems) -> Dataset | None:
    if document is None:
        return None
    if not isinstance(document, dict):
        problems.add(
            file,
            "",
            "",
            "must be a mapping with id, title, columns and rows",
            "see data/tables/model-families.yml for the layout",
        )
        return None
    reader = FieldReader(document, file, f"dataset '{expected_id}'", problems)
    reader.only_fields(DATASET_FIELDS)
    dataset_id = reader.text("id")
    if dataset_id and dataset_id != expected_id:
        reader.problem(
            "id",
            f"'{dataset_id}' differs from the file name '{expected_id}.yml'",
            f"set 'id: {expected_id}' or rename the file to '{dataset_id}.yml'",
        )
    product_facts = reader.boolean("product_facts", default=False)
    columns = _parse_columns(document.get("columns"), file, expected_id, problems)
    rows = _parse_rows(document.get("rows"), file, expected_id, columns, problems, product_facts)
    return Dataset(
        id=expected_id,
        title=reader.text("title"),
        description=reader.text("description", required=False),
        columns=tuple(columns),
        rows=tuple(rows),
        source_file=file,
        product_facts=product_facts,
    )


def _parse_columns(raw_columns: Any, file: str, dataset: str, problems: Problems) -> list[Column]:
    if not isinstance(raw_columns, list) or not raw_columns:
        problems.add(
            file,
            f"dataset '{dataset}'",
            "columns",
            "is missing or not a list",
            "declare the columns as a list of '- id: ..., label: ...' entries",
        )
        return []
    columns = []
    for index, raw in enumerate(entries(raw_columns, file, "columns", problems), start=1):
        reader = FieldReader(
            raw, file, f"dataset '{dataset}' {_label(raw, 'id', index, 'column')}", problems
        )
        reader.only_fields(COLUMN_FIELDS)
        column_type = reader.text("type", required=False, default="text")
        if column_type not in COLUMN_TYPES:
            reader.problem(
                "type",
                f"'{column_type}' is not a column type",
                f"use one of {', '.join(COLUMN_TYPES)}",
            )
        columns.append(
            Column(
                id=_slug(reader, "id", "column id"),
                label=reader.text("label"),
                description=reader.text("description", required=False),
                type=column_type,
            )
        )
    return columns


def _parse_rows(
    raw_rows: Any,
    file: str,
    dataset: str,
    columns: list[Column],
    problems: Problems,
    product_facts: bool = False,
) -> list[Row]:
    if not isinstance(raw_rows, list) or not raw_rows:
        problems.add(
            file,
            f"dataset '{dataset}'",
            "rows",
            "is missing or not a list",
            "add at least one row mapping column ids to values",
        )
        return []
    by_id = {column.id: column for column in columns}
    rows = []
    for index, raw in enumerate(entries(raw_rows, file, "rows", problems), start=1):
        first = raw.get(columns[0].id) if columns else None
        entry = f"dataset '{dataset}' row {index}" + (
            f" ('{first}')" if isinstance(first, str) else ""
        )
        reader = FieldReader(raw, file, entry, problems)
        reader.only_fields([*by_id, ROW_REFERENCES_FIELD, ROW_AS_OF_FIELD])
        cells = {
            column_id: _parse_cell(reader, column_id, raw[column_id], by_id[column_id])
            for column_id in raw
            if column_id in by_id
        }
        as_of = reader.day(ROW_AS_OF_FIELD, what="the row's facts were last checked")
        if product_facts and not as_of and ROW_AS_OF_FIELD not in raw:
            reader.problem(
                ROW_AS_OF_FIELD,
                "is missing: the dataset holds product facts (product_facts: true)",
                "add 'as_of: YYYY-MM-DD', the day you last checked the row against its sources",
            )
        row = Row(
            cells=cells,
            references=reader.text_list(ROW_REFERENCES_FIELD),
            as_of=as_of,
            line=reader.line,
        )
        if not row.references and not any(cell.references for cell in cells.values()):
            reader.problem(
                ROW_REFERENCES_FIELD,
                "the row cites no source",
                "add 'refs: [key]' to the row or 'refs' to one of its cells",
            )
        rows.append(row)
    return rows


def _parse_cell(reader: FieldReader, column_id: str, value: Any, column: Column) -> Cell:
    references: tuple[str, ...] = ()
    if isinstance(value, dict):
        cell_reader = FieldReader(value, reader.file, reader.entry, reader.problems)
        cell_reader.only_fields(("text", ROW_REFERENCES_FIELD))
        references = cell_reader.text_list(ROW_REFERENCES_FIELD)
        value = value.get("text")
    if value is None or isinstance(value, bool) or not isinstance(value, str | int | float):
        reader.problem(
            column_id,
            f"must be text or a number, found {value!r}",
            "write the cell as plain text, or as {text: ..., refs: [...]}",
        )
        return Cell(text="", references=references)
    kind = COLUMN_TYPES.get(column.type)  # None: an unknown type, reported with the column
    problem = kind.problem(value) if kind else None
    if problem is not None:
        reader.problem(column_id, *problem)
    return Cell(text=str(value).strip(), references=references)
