"""CITATION.cff is valid Citation File Format 1.2.0 and agrees with pyproject.toml, the
changelog and the two licence files (LICENSE: MIT for the code; LICENSE-CONTENT: CC BY 4.0 for
the text, the data and the published site's content)."""

from __future__ import annotations

import copy
import datetime
import json
import re
import tomllib
from importlib.resources import files

import jsonschema
import pytest
import yaml
from packaging.licenses import canonicalize_license_expression

CONTRIBUTORS = "The Generative AI Handbook contributors"


def cff_schema() -> dict:
    """The CFF 1.2.0 JSON Schema that check-jsonschema vendors (read offline)."""
    vendor = files("check_jsonschema.builtin_schemas.vendor")
    return json.loads((vendor / "citation-file-format.json").read_text(encoding="utf-8"))


def cff_errors(data: dict) -> list[str]:
    """Every schema violation in `data`, formats (dates) included."""
    schema = cff_schema()
    validator_class = jsonschema.validators.validator_for(schema)  # the schema's $schema: Draft 7
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in validator.iter_errors(data)
    ]


def as_json(value):
    """YAML gives dates as datetime.date; the schema (its $comment says so) wants strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def citation(project) -> dict:
    return as_json(yaml.safe_load((project / "CITATION.cff").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def pyproject(project) -> dict:
    return tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def license_ids(expression: str) -> set[str]:
    """The SPDX identifiers in a licence expression, checked to be a valid expression."""
    canonical = canonicalize_license_expression(expression)
    return {token for token in re.findall(r"[A-Za-z0-9.+-]+", canonical)} - {"AND", "OR", "WITH"}


def test_citation_file_is_valid_cff_1_2_0(citation):
    assert citation["cff-version"] == "1.2.0"
    assert cff_errors(citation) == []


def test_citation_matches_the_project(citation, pyproject, project):
    assert citation["version"] == pyproject["version"]
    assert citation["authors"] == [{"name": CONTRIBUTORS}]
    preferred = citation["preferred-citation"]
    assert preferred["type"] == "website"
    for key in ("title", "authors", "version", "date-released", "url", "repository-code"):
        assert preferred[key] == citation[key], key
    # The release date is the changelog's date for this version, when it has one.
    changelog = (project / "CHANGELOG.md").read_text(encoding="utf-8")
    release = re.search(rf"^## \[{re.escape(pyproject['version'])}\] - (\S+)$", changelog, re.M)
    if release:
        assert citation["date-released"] == release.group(1)


def test_citation_names_the_licences_of_pyproject(citation, pyproject):
    named = [citation["license"], citation["preferred-citation"]["license"]]
    # One identifier per field: CFF reads a list as a choice (OR), and the project is MIT AND
    # CC-BY-4.0 (the code under one, the content under the other).
    assert all(isinstance(licence, str) for licence in named), named
    assert set(named) == license_ids(pyproject["license"]) == {"MIT", "CC-BY-4.0"}
    assert citation["type"] == "software" and citation["license"] == "MIT"
    assert citation["preferred-citation"]["license"] == "CC-BY-4.0"
    assert pyproject["license-files"] == ["LICENSE", "LICENSE-CONTENT"]


def test_licence_files_hold_the_two_licences(project):
    code = (project / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License\n")
    assert f"Copyright (c) 2026 {CONTRIBUTORS}\n" in code
    assert "<year>" not in code and "<copyright holders>" not in code
    content = (project / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in content
    for section in range(1, 9):
        assert f"\nSection {section} – " in content, f"Section {section} missing"
    assert content.rstrip().endswith("Creative Commons may be contacted at creativecommons.org.")
    assert "LICENSE" in content.split("Creative Commons Attribution 4.0 International")[0]


@pytest.mark.parametrize(
    "fault",
    ["no authors", "impossible date", "badly formed date", "licence name", "unknown type"],
)
def test_validation_catches_a_planted_fault(citation, fault):
    broken = copy.deepcopy(citation)
    if fault == "no authors":
        del broken["authors"]
    elif fault == "impossible date":  # the pattern allows it: only the format checker objects
        broken["date-released"] = "2026-02-31"
    elif fault == "badly formed date":
        broken["preferred-citation"]["date-released"] = "2 December 2026"
    elif fault == "licence name":  # a name, not an SPDX identifier
        broken["preferred-citation"]["license"] = "CC BY 4.0"
    elif fault == "unknown type":
        broken["type"] = "website"  # allowed in preferred-citation, not at the root
    assert cff_errors(broken), f"{fault}: not caught"
