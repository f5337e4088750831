"""Typed, validated records of the handbook's data: what every generator takes as input.

Instances are only made by `handbook_data.load_handbook`, after validation, so renderers can
trust every field (ids exist, references resolve, tags are registered).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reference:
    key: str
    authors: tuple[str, ...]
    title: str
    year: int
    venue: str
    url: str
    note: str = ""
    # When a maintainer checked a source added after the import from the research brief
    # (whose entries were verified there); empty for imported entries.
    verified_on: str = ""
    line: int | None = field(default=None, compare=False)  # where it starts in its file

    @property
    def short_label(self) -> str:
        """'Goodfellow et al. (2014)': how the reference is named in tooltips and tables."""
        first = self.authors[0].split(",")[0].strip() if self.authors else "Anonymous"
        if "et al" in (self.authors[0] if self.authors else ""):
            return f"{first.split(' et al')[0]} et al. ({self.year})"
        if len(self.authors) == 2:
            second = self.authors[1].split(",")[0].strip()
            return f"{first} & {second} ({self.year})"
        suffix = " et al." if len(self.authors) > 2 else ""
        return f"{first}{suffix} ({self.year})"


@dataclass(frozen=True)
class Tag:
    name: str
    title: str
    description: str
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    short: str
    definition: str
    related: tuple[str, ...]
    references: tuple[str, ...]
    tags: tuple[str, ...]
    auto_link: bool = True
    reference_only: bool = False  # defined for readers of other sources; no article uses it
    line: int | None = field(default=None, compare=False)  # where it starts in its file

    @property
    def anchor(self) -> str:
        return f"term-{self.id}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    description: str = ""
    type: str = "text"  # text | year | number


@dataclass(frozen=True)
class Cell:
    text: str
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    cells: dict[str, Cell]
    references: tuple[str, ...] = ()
    as_of: str = ""  # YYYY-MM-DD: when the row's facts were last checked
    line: int | None = field(default=None, compare=False)

    def text(self, column_id: str) -> str:
        cell = self.cells.get(column_id)
        return cell.text if cell else ""

    def cited(self) -> tuple[str, ...]:
        """Every reference key of the row and its cells, first mention first, once each."""
        keys = list(self.references)
        for cell in self.cells.values():
            keys += cell.references
        return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class Dataset:
    id: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    source_file: str
    product_facts: bool = False  # rows must carry `as_of`

    def column(self, column_id: str) -> Column:
        return next(column for column in self.columns if column.id == column_id)

    def rows_matching(self, where: tuple[tuple[str, str], ...]) -> list[Row]:
        """Rows whose cell in each `where` column contains its text, ignoring case."""
        rows = list(self.rows)
        for column_id, text in where:
            needle = text.casefold()
            rows = [row for row in rows if needle in row.text(column_id).casefold()]
        return rows


@dataclass(frozen=True)
class DataMarker:
    """`<!-- handbook:KIND DATASET [columns=a,b] [where=column:value] -->` in an article.

    KIND is "table" or "timeline"."""

    dataset: str
    columns: tuple[str, ...] = ()
    where: tuple[tuple[str, str], ...] = ()
    raw: str = ""
    line: int = 0
    kind: str = "table"
    caption: str = ""  # shown instead of the dataset's title


@dataclass(frozen=True)
class Program:
    """A page's runnable program: its titled Python blocks joined in order (page_programs.py)."""

    name: str  # the blocks' title, e.g. "diffusion_toy.py"
    source: str
    lines: tuple[int, ...]  # the opening line of each block in the page, for messages


@dataclass(frozen=True)
class Article:
    src_path: str  # relative to docs/, forward slashes
    title: str
    description: str
    tags: tuple[str, ...]
    citations: tuple[str, ...] = ()
    # (key, line of its first [@key] in the file), for error messages.
    citation_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)
    markers: tuple[DataMarker, ...] = ()
    link_glossary: bool = True
    glossary_skip: tuple[str, ...] = ()
    reviewed: str = ""  # YYYY-MM-DD: when an editor last checked the whole page
    programs: tuple[Program, ...] = ()  # its runnable code (load/page_programs.py)


@dataclass(frozen=True)
class Handbook:
    """Everything the generators need, validated together."""

    references: dict[str, Reference]
    tags: dict[str, Tag]
    terms: dict[str, Term]
    datasets: dict[str, Dataset]
    articles: dict[str, Article] = field(default_factory=dict)

    def articles_tagged(self, tag: str) -> list[Article]:
        return [article for article in self.articles.values() if tag in article.tags]


def date_column(dataset: Dataset) -> Column | None:
    """The dataset's first date column: what a timeline is ordered by (None: it cannot be)."""
    return next((column for column in dataset.columns if column.type == "date"), None)
