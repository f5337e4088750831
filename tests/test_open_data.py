"""The open data (generate/open_data.py): every JSON file meets its published schema, holds all
of the handbook's records and nothing internal, the BibTeX is one sound entry per reference,
and the output is byte-identical from one run to the next. Planted faults prove the schema
check can fail."""

from __future__ import annotations

import copy
import json
import re

import pytest
from jsonschema import Draft202012Validator

from handbook.generate.open_data import bibtex_authors, open_data_files, references_bibtex
from handbook.generate.open_data_schemas import open_data_schemas, schema_path
from handbook.load.column_types import COLUMN_TYPES
from handbook.load.handbook_models import Reference
from handbook.paths import (
    BIBLIOGRAPHY_PATH,
    GLOSSARY_PATH,
    OPEN_GLOSSARY,
    OPEN_REFERENCES,
    OPEN_REFERENCES_BIBTEX,
    OPEN_SCHEMAS_DIR,
    OPEN_TABLES_DIR,
    url_of,
)

SITE = "https://example.org/handbook/"
VERSION = "9.9"


@pytest.fixture(scope="module")
def files(handbook) -> dict[str, str]:
    return open_data_files(handbook, site_url=SITE, version=VERSION)


@pytest.fixture(scope="module")
def documents(files) -> dict[str, dict]:
    """Every JSON file, parsed, by site path."""
    return {path: json.loads(text) for path, text in files.items() if path.endswith(".json")}


def _schema_of(document: dict, documents: dict[str, dict]) -> dict:
    """The published schema a document names in `$schema`."""
    assert document["$schema"].startswith(SITE)
    return documents[document["$schema"][len(SITE) :]]


def _errors(document: dict, schema: dict) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def _data_documents(documents: dict[str, dict]) -> dict[str, dict]:
    return {path: doc for path, doc in documents.items() if not path.startswith(OPEN_SCHEMAS_DIR)}


# What is published ---------------------------------------------------------------------------


def test_every_kind_of_data_is_published_at_its_path(handbook, files):
    tables = {f"{OPEN_TABLES_DIR}/{dataset_id}.json" for dataset_id in handbook.datasets}
    schemas = {schema_path(name) for name in ("glossary", "references", "table")}
    expected = {OPEN_GLOSSARY, OPEN_REFERENCES, OPEN_REFERENCES_BIBTEX, *tables, *schemas}
    assert set(files) == expected


def test_every_json_file_validates_against_its_published_schema(documents):
    problems = []
    for path, document in _data_documents(documents).items():
        problems += [
            f"{path}: {error}" for error in _errors(document, _schema_of(document, documents))
        ]
    assert problems == []


def test_every_schema_is_a_valid_draft_2020_12_schema_with_its_url_as_id(documents):
    for path in (schema_path(name) for name in open_data_schemas(SITE)):
        schema = documents[path]
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == SITE + path
        assert schema["title"] and schema["description"]


def _objects(schema: dict):
    """Every object schema (one with properties) inside `schema`, at any depth."""
    if isinstance(schema, dict):
        if "properties" in schema:
            yield schema
        for value in schema.values():
            yield from _objects(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _objects(value)


def test_every_record_is_closed_and_every_field_described():
    for name, schema in open_data_schemas(SITE).items():
        for record in _objects(schema):
            assert record["additionalProperties"] is False, name
            assert set(record["required"]) <= set(record["properties"]), name
            for field, spec in record["properties"].items():
                # A field given by $ref is described in $defs.
                assert "description" in spec or "$ref" in spec, f"{name}: {field}"


def test_the_column_types_are_the_registry(documents):
    column = documents[schema_path("table")]["$defs"]["column"]
    assert column["properties"]["type"]["enum"] == list(COLUMN_TYPES)


def test_every_file_states_version_licence_and_source(documents, handbook):
    for path, document in _data_documents(documents).items():
        assert document["version"] == VERSION, path
        assert document["license"] == "CC-BY-4.0", path
        assert document["license_url"] == "https://creativecommons.org/licenses/by/4.0/", path
    assert documents[OPEN_GLOSSARY]["source"] == SITE + url_of(GLOSSARY_PATH)
    assert documents[OPEN_REFERENCES]["source"] == SITE + url_of(BIBLIOGRAPHY_PATH)
    for dataset in handbook.datasets.values():
        table = documents[f"{OPEN_TABLES_DIR}/{dataset.id}.json"]
        assert table["source"] == dataset.source_file


# Every record, and nothing internal -----------------------------------------------------------


def test_counts_equal_the_handbooks(documents, handbook):
    terms = documents[OPEN_GLOSSARY]["terms"]
    assert len(terms) == len(handbook.terms) > 100
    assert {term["id"] for term in terms} == set(handbook.terms)
    references = documents[OPEN_REFERENCES]["references"]
    assert [reference["key"] for reference in references] == list(handbook.references)
    for dataset in handbook.datasets.values():
        table = documents[f"{OPEN_TABLES_DIR}/{dataset.id}.json"]
        assert [column["id"] for column in table["columns"]] == [c.id for c in dataset.columns]
        assert len(table["rows"]) == len(dataset.rows) > 0
        cells = sum(len(row["cells"]) for row in table["rows"])
        assert cells == sum(len(row.cells) for row in dataset.rows)


def test_terms_are_in_glossary_order_and_link_to_their_entry(documents, handbook):
    terms = documents[OPEN_GLOSSARY]["terms"]
    names = [term["term"].casefold() for term in terms]
    assert names == sorted(names)
    for term in terms:
        assert term["url"] == f"{SITE}{url_of(GLOSSARY_PATH)}#term-{term['id']}"


def test_every_key_and_id_resolves_within_the_open_data(documents):
    keys = {reference["key"] for reference in documents[OPEN_REFERENCES]["references"]}
    term_ids = {term["id"] for term in documents[OPEN_GLOSSARY]["terms"]}
    for term in documents[OPEN_GLOSSARY]["terms"]:
        assert set(term["references"]) <= keys, term["id"]
        assert set(term["related"]) <= term_ids, term["id"]
    for path, document in _data_documents(documents).items():
        if not path.startswith(OPEN_TABLES_DIR):
            continue
        column_ids = {column["id"] for column in document["columns"]}
        for row in document["rows"]:
            assert set(row["cells"]) <= column_ids, path
            cited = {key for cell in row["cells"].values() for key in cell["references"]}
            assert cited | set(row["references"]) <= keys, path


def _keys_at_any_depth(value) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys_at_any_depth(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys_at_any_depth(item) for item in value))
    return set()


def test_nothing_internal_is_published(documents):
    internal = {"line", "auto_link", "verified_on", "product_facts", "source_file"}
    for path, document in _data_documents(documents).items():
        assert not internal & _keys_at_any_depth(document), path


# Planted faults: the schema check can fail ------------------------------------------------------


@pytest.fixture()
def glossary_and_schema(documents) -> tuple[dict, dict]:
    glossary = copy.deepcopy(documents[OPEN_GLOSSARY])
    return glossary, _schema_of(glossary, documents)


def test_a_term_missing_a_required_field_fails(glossary_and_schema):
    glossary, schema = glossary_and_schema
    del glossary["terms"][0]["short"]
    assert _errors(glossary, schema) == ["terms/0: 'short' is a required property"]


def test_a_renamed_field_fails(glossary_and_schema):
    glossary, schema = glossary_and_schema
    glossary["terms"][3]["definitions"] = glossary["terms"][3].pop("definition")
    errors = _errors(glossary, schema)
    assert "terms/3: 'definition' is a required property" in errors
    assert any("'definitions' was unexpected" in error for error in errors)


def test_a_cell_whose_text_is_not_text_fails(documents, handbook):
    dataset = next(iter(handbook.datasets))
    table = copy.deepcopy(documents[f"{OPEN_TABLES_DIR}/{dataset}.json"])
    row = table["rows"][0]
    column, cell = next(iter(row["cells"].items()))
    cell["text"] = 42
    assert _errors(table, _schema_of(table, documents)) == [
        f"rows/0/cells/{column}/text: 42 is not of type 'string'"
    ]


def test_an_unknown_column_type_fails(documents, handbook):
    dataset = next(iter(handbook.datasets))
    table = copy.deepcopy(documents[f"{OPEN_TABLES_DIR}/{dataset}.json"])
    table["columns"][0]["type"] = "currency"
    assert len(_errors(table, _schema_of(table, documents))) == 1


# BibTeX ----------------------------------------------------------------------------------------


def _entries(bibtex: str) -> list[str]:
    return [chunk for chunk in re.split(r"^(?=@)", bibtex, flags=re.M) if chunk.startswith("@")]


def _balanced(text: str) -> bool:
    # BibTeX counts every brace, escaped or not, so this does too.
    depth = 0
    for character in text:
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth < 0:
            return False
    return depth == 0


def test_bibtex_has_one_sound_entry_per_reference(files, handbook):
    bibtex = files[OPEN_REFERENCES_BIBTEX]
    entries = _entries(bibtex)
    keys = [re.match(r"@misc\{([^,\s]+),\n", entry).group(1) for entry in entries]
    assert keys == list(handbook.references)
    assert len(set(keys)) == len(keys)
    assert [entry for entry in entries if not _balanced(entry)] == []


def test_bibtex_starts_with_a_comment_header(files):
    header = files[OPEN_REFERENCES_BIBTEX].split("\n\n")[0].splitlines()
    assert all(line.startswith("% ") for line in header)
    assert VERSION in header[0]
    assert any("CC-BY-4.0" in line for line in header)
    assert any(SITE + url_of(BIBLIOGRAPHY_PATH) in line for line in header)


def test_bibtex_escapes_special_characters_in_text_but_not_in_urls():
    reference = Reference(
        key="odd2024",
        authors=("Doe, J.", "R&D_Lab"),
        title="Fast & Cheap: 100% of GPU_time for $5 #1 ~ ^ \\",
        year=2024,
        venue="Blog",
        url="https://example.org/a_b?c=1%2F2#frag",
        note="50% off",
    )
    [entry] = _entries(references_bibtex([reference], version=VERSION, source=SITE))
    assert _balanced(entry)
    title = re.search(r"title\s+= \{\{(.*)\}\},\n", entry).group(1)
    assert title == (
        r"Fast \& Cheap: 100\% of GPU\_time for \$5 \#1 \textasciitilde{} "
        r"\textasciicircum{} \textbackslash{}"
    )
    assert r"author       = {Doe, J. and {R\&D\_Lab}}," in entry
    assert r"note         = {Blog. 50\% off}," in entry
    assert "url          = {https://example.org/a_b?c=1%2F2#frag}," in entry
    assert r"howpublished = {\url{https://example.org/a_b?c=1%2F2#frag}}" in entry


def test_bibtex_entries_stay_balanced_around_braces_in_text_and_urls():
    reference = Reference(
        key="braces2024",
        authors=("Doe, J.",),
        title="Sets {x} and {y}",
        year=2024,
        venue="Blog",
        url="https://example.org/{id}",
    )
    [entry] = _entries(references_bibtex([reference], version=VERSION, source=SITE))
    assert _balanced(entry)
    assert "https://example.org/%7Bid%7D" in entry


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        (("Bommasani, R. et al. (Stanford CRFM)",), "Bommasani, R. and others"),
        (("Brown, T. B.", "Mann, B.", "et al."), "Brown, T. B. and Mann, B. and others"),
        (("Ouyang, L.", "et al.", "Lowe, R."), "Ouyang, L. and Lowe, R. and others"),
        (("van den Oord, A. et al.",), "van den Oord, A. and others"),
        (("Meta AI (FAIR)",), "{Meta AI (FAIR)}"),
        (
            ("Coalition for Content Provenance and Authenticity (C2PA)",),
            "{Coalition for Content Provenance and Authenticity (C2PA)}",
        ),
        (("Ng, A. Y.", "Jordan, M. I."), "Ng, A. Y. and Jordan, M. I."),
    ],
)
def test_bibtex_authors_read_as_names(authors, expected):
    assert bibtex_authors(authors) == expected


# Determinism ---------------------------------------------------------------------------------


def test_two_runs_give_identical_bytes(handbook, files):
    assert open_data_files(handbook, site_url=SITE, version=VERSION) == files


def test_the_site_url_may_omit_its_final_slash(handbook, files):
    assert open_data_files(handbook, site_url=SITE.rstrip("/"), version=VERSION) == files


def test_json_is_indented_unicode_with_a_final_newline(files):
    for path, text in files.items():
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        if path.endswith(".json"):
            assert text.startswith('{\n  "$schema": '), path
            assert not re.search(r"\\u[0-9a-f]{4}", text), path  # "—" written as itself
