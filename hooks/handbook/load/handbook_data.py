"""Load and validate all of the handbook's data and articles, once, before anything renders.

`load_handbook` returns a `Handbook` of typed records or raises one `HandbookDataError`
listing every problem found in every file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from handbook.load.article_records import scan_articles
from handbook.load.build_errors import Problems, unknown_name_fix, unknown_reference_fix
from handbook.load.data_records import parse_dataset, parse_references, parse_tags, parse_terms
from handbook.load.handbook_models import Dataset, Handbook, Reference, Tag, Term, date_column
from handbook.load.term_forms import surface_forms
from handbook.load.yaml_source import read_yaml
from handbook.paths import (
    CHANGELOG,
    GLOSSARY_DATA,
    NOTATION_DATA,
    REDIRECTS_DATA,
    REFERENCES_DATA,
    TABLES_DIR,
    TAGS_DATA,
)


@dataclass(frozen=True)
class DataPaths:
    root: Path  # the project folder; messages show paths relative to it
    docs_dir: Path

    @property
    def glossary(self) -> Path:
        return self.root / GLOSSARY_DATA

    @property
    def tags(self) -> Path:
        return self.root / TAGS_DATA

    @property
    def references(self) -> Path:
        return self.root / REFERENCES_DATA

    @property
    def tables(self) -> Path:
        return self.root / TABLES_DIR

    @property
    def notation(self) -> Path:
        return self.root / NOTATION_DATA

    @property
    def changelog(self) -> Path:
        return self.root / CHANGELOG

    @property
    def redirects(self) -> Path:
        return self.root / REDIRECTS_DATA

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def load_handbook(paths: DataPaths, generated_pages: Iterable[str] = ()) -> Handbook:
    problems = Problems()

    def load(path: Path, parse):
        display = paths.display(path)
        return parse(read_yaml(path, display, problems), display, problems)

    references = _unique(
        load(paths.references, parse_references), "key", paths.references, paths, problems
    )
    tags = _unique(load(paths.tags, parse_tags), "name", paths.tags, paths, problems)
    terms = _unique(load(paths.glossary, parse_terms), "id", paths.glossary, paths, problems)
    datasets = {}
    for table_file in sorted(paths.tables.glob("*.yml")):
        display = paths.display(table_file)
        dataset = parse_dataset(
            read_yaml(table_file, display, problems), display, table_file.stem, problems
        )
        if dataset:
            datasets[dataset.id] = dataset
    articles = {
        article.src_path: article
        for article in scan_articles(paths.docs_dir, problems, skip=set(generated_pages))
    }

    handbook = Handbook(
        references=references, tags=tags, terms=terms, datasets=datasets, articles=articles
    )
    _check_terms(handbook, paths.display(paths.glossary), problems)
    _check_datasets(handbook, problems)
    _check_articles(handbook, problems)
    problems.raise_if_any()
    return handbook


def _unique(records: list, key: str, path: Path, paths: DataPaths, problems: Problems) -> dict:
    by_key: dict = {}
    for record in records:
        value = getattr(record, key)
        if not value:
            continue
        if value in by_key:
            first = by_key[value]
            where = f" (first at line {first.line})" if getattr(first, "line", None) else ""
            problems.add(
                paths.display(path),
                f"{key} '{value}'",
                key,
                f"is defined twice{where}",
                f"give one of the two entries another {key}, or merge them",
                line=getattr(record, "line", None),
            )
        by_key[value] = record
    return by_key


def _check_known(
    names: Iterable[str],
    known: dict,
    file: str,
    entry: str,
    field: str,
    kind: str,
    source: str,
    problems: Problems,
    line: int | None = None,
) -> None:
    for name in names:
        if name not in known:
            problems.add(
                file,
                entry,
                field,
                f"'{name}' is not a known {kind}",
                unknown_reference_fix(name, known)
                if kind == "reference key"
                else unknown_name_fix(name, known, kind, source),
                line=line,
            )


def _check_terms(handbook: Handbook, file: str, problems: Problems) -> None:
    owner_of_form: dict[str, Term] = {}
    for term in handbook.terms.values():
        entry, line = f"term '{term.id}'", term.line
        if term.id in term.related:
            problems.add(
                file, entry, "related", "lists the term itself", f"remove '{term.id}'", line
            )
        glossary, bibliography, registry = (
            GLOSSARY_DATA,
            REFERENCES_DATA,
            TAGS_DATA,
        )
        unknown = [name for name in term.related if name not in handbook.terms]
        if unknown:
            # The term itself is never offered as the closest valid id for a related term.
            others = {key: other for key, other in handbook.terms.items() if key != term.id}
            _check_known(
                unknown, others, file, entry, "related", "term id", glossary, problems, line
            )
        _check_known(
            term.references,
            handbook.references,
            file,
            entry,
            "references",
            "reference key",
            bibliography,
            problems,
            line,
        )
        _check_known(term.tags, handbook.tags, file, entry, "tags", "tag", registry, problems, line)
        for name in term.names:
            form = name.casefold()
            other = owner_of_form.get(form)
            if other is not None and other.id != term.id:
                problems.add(
                    file,
                    entry,
                    "aliases" if name != term.term else "term",
                    f"'{name}' is already a name of term '{other.id}'",
                    "remove the duplicate name from one of the two terms",
                    line,
                )
            owner_of_form.setdefault(form, term)
        if not surface_forms(term.term):
            problems.add(
                file, entry, "term", "has no letters or digits", "give the term a name", line
            )


def _check_datasets(handbook: Handbook, problems: Problems) -> None:
    for dataset in handbook.datasets.values():
        for index, row in enumerate(dataset.rows, start=1):
            entry = f"dataset '{dataset.id}' row {index}"
            _check_known(
                row.cited(),
                handbook.references,
                dataset.source_file,
                entry,
                "refs",
                "reference key",
                REFERENCES_DATA,
                problems,
            )


def _check_articles(handbook: Handbook, problems: Problems) -> None:
    for article in handbook.articles.values():
        file = f"docs/{article.src_path}"
        _check_known(
            article.tags,
            handbook.tags,
            file,
            "front matter",
            "tags",
            "tag",
            TAGS_DATA,
            problems,
        )
        _check_known(
            article.glossary_skip,
            handbook.terms,
            file,
            "front matter",
            "glossary_skip",
            "term id",
            GLOSSARY_DATA,
            problems,
        )
        lines = dict(article.citation_lines)
        for key in article.citations:
            if key not in handbook.references:
                problems.add(
                    file,
                    f"citation [@{key}]",
                    "",
                    f"'{key}' is not a key in data/references.yml",
                    unknown_reference_fix(key, handbook.references),
                    line=lines.get(key),
                )
        for marker in article.markers:
            _check_marker(marker, handbook.datasets, file, problems)


def _check_marker(marker, datasets: dict[str, Dataset], file: str, problems: Problems) -> None:
    entry = f"marker <!-- {marker.raw} --> (line {marker.line})"
    dataset = datasets.get(marker.dataset)
    if dataset is None:
        problems.add(
            file,
            entry,
            "dataset",
            f"'{marker.dataset}' is not a dataset",
            unknown_name_fix(marker.dataset, datasets, "dataset", TABLES_DIR + "/"),
        )
        return
    column_ids = {column.id: column for column in dataset.columns}
    wanted = list(marker.columns) + [column for column, _ in marker.where]
    _check_known(
        wanted, column_ids, file, entry, "columns", "column", dataset.source_file, problems
    )
    if all(column in column_ids for column in wanted) and not dataset.rows_matching(marker.where):
        problems.add(
            file,
            entry,
            "where",
            f"matches no row of dataset '{dataset.id}'",
            "check the spelling of the filter text, or remove the marker",
        )
    if marker.kind == "timeline" and date_column(dataset) is None:
        problems.add(
            file,
            entry,
            "dataset",
            f"'{dataset.id}' has no column of type date to order a timeline by",
            f"add a date column to {dataset.source_file}, or use handbook:table",
        )


def unused_tags(handbook: Handbook) -> list[Tag]:
    used = {tag for article in handbook.articles.values() for tag in article.tags}
    return [tag for name, tag in handbook.tags.items() if name not in used]


def uncited(handbook: Handbook) -> list[Reference]:
    cited = {key for article in handbook.articles.values() for key in article.citations}
    cited |= {key for term in handbook.terms.values() for key in term.references}
    return [reference for key, reference in handbook.references.items() if key not in cited]
