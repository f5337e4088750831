"""The handbook's data as open data: the glossary, the references and every comparison dataset
as JSON (with a JSON Schema per kind, generate/open_data_schemas.py), and the references as
BibTeX for people who cite them (escaped by generate/bibtex.py, like "Cite this page"). Site
paths are the OPEN_* constants in paths.py.

Pure: the validated handbook in, {site path: file text} out, and the same handbook always gives
the same bytes, so releases can be diffed. Records carry what a reuser needs and nothing the
build keeps for itself (source lines, auto-link switches, maintainers' check dates).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from handbook.generate.bibtex import bibtex_entry, escape
from handbook.generate.glossary_page import sort_key
from handbook.generate.open_data_schemas import (
    GLOSSARY_SCHEMA,
    LICENSE,
    LICENSE_URL,
    REFERENCES_SCHEMA,
    TABLE_SCHEMA,
    open_data_schemas,
    schema_path,
)
from handbook.load.handbook_models import Cell, Dataset, Handbook, Reference, Row, Term
from handbook.paths import (
    BIBLIOGRAPHY_PATH,
    GLOSSARY_PATH,
    OPEN_GLOSSARY,
    OPEN_REFERENCES,
    OPEN_REFERENCES_BIBTEX,
    OPEN_TABLES_DIR,
    url_of,
)

Document = dict[str, Any]


def open_data_files(handbook: Handbook, *, site_url: str, version: str) -> dict[str, str]:
    """Site path -> text of every open-data file. `site_url` is the site's root URL (every URL
    in the files is absolute under it); `version` is the handbook release they belong to."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    bibliography = base + url_of(BIBLIOGRAPHY_PATH)
    files = {
        OPEN_GLOSSARY: _json(glossary_document(handbook.terms.values(), base, version)),
        OPEN_REFERENCES: _json(references_document(handbook.references.values(), base, version)),
        OPEN_REFERENCES_BIBTEX: references_bibtex(
            handbook.references.values(), version=version, source=bibliography
        ),
    }
    for dataset in handbook.datasets.values():
        shown_on = _pages_showing(handbook, dataset.id, base)
        document = table_document(dataset, base, version, shown_on)
        files[f"{OPEN_TABLES_DIR}/{dataset.id}.json"] = _json(document)
    for name, schema in open_data_schemas(base).items():
        files[schema_path(name)] = _json(schema)
    return files


def _json(document: Document) -> str:
    # Unescaped Unicode ("—", "×") keeps the files readable; indent keeps release diffs small.
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _header(
    schema: str, base: str, version: str, *, title: str, description: str, source: str
) -> Document:
    """What every JSON file starts with: its schema, what it is, its release, licence, source."""
    return {
        "$schema": base + schema_path(schema),
        "title": title,
        "description": description,
        "version": version,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": source,
    }


# JSON ----------------------------------------------------------------------------------------


def glossary_document(terms: Iterable[Term], base: str, version: str) -> Document:
    page = base + url_of(GLOSSARY_PATH)
    ordered = sorted(terms, key=sort_key)  # the glossary page's order
    header = _header(
        GLOSSARY_SCHEMA,
        base,
        version,
        title="Generative AI Handbook glossary",
        description=f"The handbook's {len(ordered)} glossary terms, with short and full "
        "definitions, related terms and sources.",
        source=page,
    )
    return {**header, "terms": [_term(term, page) for term in ordered]}


def _term(term: Term, page: str) -> Document:
    return {
        "id": term.id,
        "term": term.term,
        "aliases": list(term.aliases),
        "short": term.short,
        "definition": term.definition,
        "related": list(term.related),
        "references": list(term.references),
        "tags": list(term.tags),
        "reference_only": term.reference_only,
        "url": f"{page}#{term.anchor}",
    }


def references_document(references: Iterable[Reference], base: str, version: str) -> Document:
    records = [_reference(reference) for reference in references]
    header = _header(
        REFERENCES_SCHEMA,
        base,
        version,
        title="Generative AI Handbook references",
        description=f"The {len(records)} papers, reports and official pages the handbook "
        "cites. Terms and table cells name them by key.",
        source=base + url_of(BIBLIOGRAPHY_PATH),
    )
    return {**header, "references": records}


def _reference(reference: Reference) -> Document:
    record: Document = {
        "key": reference.key,
        "authors": list(reference.authors),
        "title": reference.title,
        "year": reference.year,
        "venue": reference.venue,
        "url": reference.url,
    }
    if reference.note:
        record["note"] = reference.note
    return record


def table_document(dataset: Dataset, base: str, version: str, shown_on: list[str]) -> Document:
    # The source is the data file in the repository: a dataset may be shown on many pages
    # (listed in shown_on), often cut to some of its columns or rows.
    header = _header(
        TABLE_SCHEMA,
        base,
        version,
        title=dataset.title,
        description=dataset.description,
        source=dataset.source_file,
    )
    columns = [
        {
            "id": column.id,
            "label": column.label,
            "description": column.description,
            "type": column.type,
        }
        for column in dataset.columns
    ]
    column_ids = [column.id for column in dataset.columns]
    return {
        **header,
        "id": dataset.id,
        "shown_on": shown_on,
        "columns": columns,
        "rows": [_row(row, column_ids) for row in dataset.rows],
    }


def _row(row: Row, column_ids: list[str]) -> Document:
    # Cells in column order, whatever order the data file wrote them in.
    cells = {
        column_id: _cell(row.cells[column_id]) for column_id in column_ids if column_id in row.cells
    }
    record: Document = {"cells": cells, "references": list(row.references)}
    if row.as_of:
        record["as_of"] = row.as_of
    return record


def _cell(cell: Cell) -> Document:
    return {"text": cell.text, "references": list(cell.references)}


def _pages_showing(handbook: Handbook, dataset_id: str, base: str) -> list[str]:
    """URLs of the articles with a table or timeline marker for the dataset, by path."""
    paths = {
        article.src_path
        for article in handbook.articles.values()
        if any(marker.dataset == dataset_id for marker in article.markers)
    }
    return [base + url_of(path) for path in sorted(paths)]


# BibTeX --------------------------------------------------------------------------------------

_ET_AL = re.compile(r"\s*\bet al\.?$")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")


def references_bibtex(references: Iterable[Reference], *, version: str, source: str) -> str:
    """Every reference as a @misc entry, in the given order, after a comment header.

    @misc for all: the venue is free text ("arXiv preprint (ICLR 2016)"), and guessing
    @article or @inproceedings from it would be wrong often enough to mislead."""
    header = [
        f"% Generative AI Handbook references, version {version}",
        f"% Licence: {LICENSE} ({LICENSE_URL})",
        f"% Source: {source}",
        "% Generated from the handbook's data; also published as references.json.",
    ]
    entries = [_bibtex_entry(reference) for reference in references]
    return "\n".join(header) + "\n\n" + "\n".join(entries)


def _bibtex_entry(reference: Reference) -> str:
    fields = []
    if reference.authors:
        fields.append(("author", bibtex_authors(reference.authors), "raw"))  # escaped per name
    fields += [("title", reference.title, "title"), ("year", str(reference.year), "text")]
    note = ". ".join(part.rstrip(".") for part in (reference.venue, reference.note) if part)
    if note:
        fields.append(("note", note, "text"))
    if reference.url:
        # URLs go verbatim (\url reads them raw); only braces would break the entry.
        url = reference.url.replace("{", "%7B").replace("}", "%7D")
        fields += [("url", url, "raw"), ("howpublished", f"\\url{{{url}}}", "raw")]
    return bibtex_entry("misc", reference.key, fields)


def bibtex_authors(authors: Iterable[str]) -> str:
    """The handbook's author strings as one escaped BibTeX name list. 'Bommasani, R. et al.
    (Stanford CRFM)' -> 'Bommasani, R. and others'; a separate 'et al.' becomes a final 'and
    others'; an organisation ('Meta AI (FAIR)') is braced so BibTeX keeps it whole as one name."""
    names, others = [], False
    for author in authors:
        name, more = _bibtex_name(author.strip())
        names += [name] if name else []
        others = others or more
    return " and ".join([*names, "others"] if others else names)


def _bibtex_name(author: str) -> tuple[str, bool]:
    """(the name as BibTeX reads it, or "" for a bare 'et al.'; whether more authors follow)."""
    if author.rstrip(".") == "et al":
        return "", True
    if "," not in _PARENTHESES.sub("", author):  # no "Surname, I.": an organisation
        return "{" + escape(author) + "}", False
    # What follows a person in parentheses is an affiliation ("(Google)"), not a name.
    person = _PARENTHESES.sub("", author)
    more = bool(_ET_AL.search(person))
    return escape(_ET_AL.sub("", person)), more
