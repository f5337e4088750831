"""Read every article's front matter, citations and markers into `Article` records.

Runs on the Markdown sources before MkDocs renders anything, so an unknown tag or reference
key in any article stops the build before the old site is touched.
"""

from __future__ import annotations

from pathlib import Path

from handbook.load.article_scaffold import leftover_prompts
from handbook.load.build_errors import Problems, closest
from handbook.load.data_markers import MARKER_KINDS, MARKER_NAMESPACE, parse_data_marker
from handbook.load.field_reader import FieldReader
from handbook.load.handbook_models import Article, DataMarker
from handbook.load.markdown_scan import (
    find_citations,
    find_markers,
    line_of,
    split_front_matter,
)
from handbook.load.page_programs import page_programs
from handbook.load.yaml_source import parse_yaml

ARTICLE_FIELDS = (
    "title",
    "description",
    "tags",
    "glossary_links",
    "glossary_skip",
    "reviewed",
    "hide",
    "search",
    "icon",
    "status",
)
DESCRIPTION_LIMIT = 160


def is_landing_page(src_path: str) -> bool:
    """Home and section index pages introduce others; they need no tags."""
    return src_path == "index.md" or src_path.endswith("/index.md")


def scan_articles(
    docs_dir: Path, problems: Problems, skip: set[str] = frozenset()
) -> list[Article]:
    articles = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_path = path.relative_to(docs_dir).as_posix()
        if src_path not in skip:
            articles.append(scan_article(src_path, path.read_text(encoding="utf-8"), problems))
    return articles


def scan_article(src_path: str, markdown: str, problems: Problems) -> Article:
    display = f"docs/{src_path}"
    front_matter, body, front_lines = split_front_matter(markdown)
    if front_matter is None:
        problems.add(
            display,
            "front matter",
            "",
            "is missing",
            "start the file with '---', 'title:', 'description:', 'tags: [...]' and '---'",
            line=1,
        )
        return Article(src_path=src_path, title="", description="", tags=())
    before = len(problems)
    raw = parse_yaml(front_matter, display, problems, first_line=2)
    if len(problems) > before:  # a syntax error: field checks would only repeat it
        return Article(src_path=src_path, title="", description="", tags=())
    if not isinstance(raw, dict):
        problems.add(
            display,
            "front matter",
            "",
            "must be 'field: value' lines",
            "write one 'field: value' per line (see CONTRIBUTING.md)",
            line=2,
        )
        raw = {}
    reader = FieldReader(raw, display, "front matter", problems)
    reader.line = 1
    reader.only_fields(ARTICLE_FIELDS)
    if not body.strip():
        problems.add(
            display,
            "body",
            "",
            "the article has no text",
            "write the article below the front matter, or delete the file",
        )
    for line, prompt in leftover_prompts(markdown):
        problems.add(
            display,
            "body",
            "",
            f"still holds the scaffold's placeholder text '{prompt} ...'",
            "replace it with your own text (make new-article writes these prompts to be replaced)",
            line=line,
        )
    cited = _citations(body, display, front_lines, problems)
    return Article(
        src_path=src_path,
        title=reader.text("title"),
        description=reader.text("description", max_length=DESCRIPTION_LIMIT),
        tags=reader.text_list("tags", required=not is_landing_page(src_path)),
        citations=tuple(cited),
        citation_lines=tuple(cited.items()),
        markers=_markers(body, display, front_lines, problems),
        link_glossary=reader.boolean("glossary_links", default=True),
        glossary_skip=reader.text_list("glossary_skip"),
        reviewed=reader.day("reviewed", what="you last reviewed the whole page"),
        programs=page_programs(body, display, problems, first_line=front_lines + 1),
    )


def _citations(body: str, display: str, front_lines: int, problems: Problems) -> dict[str, int]:
    """Each cited key, in order of first use, with the line of that first use."""
    first_line: dict[str, int] = {}
    for offset, raw, group in find_citations(body):
        if group is None:
            problems.add(
                display,
                f"citation {raw}",
                "",
                "is malformed",
                "write citations as [@key] or [@key1; @key2]",
                line=front_lines + line_of(body, offset),
            )
            continue
        for key in group:
            first_line.setdefault(key, front_lines + line_of(body, offset))
    return first_line


def _markers(
    body: str, display: str, front_lines: int, problems: Problems
) -> tuple[DataMarker, ...]:
    markers = []
    for offset, match in find_markers(body):
        line = front_lines + line_of(body, offset)
        namespace, kind = match.group("namespace"), match.group("kind")
        entry = f"marker <!-- {namespace}:{kind} -->"
        if namespace != MARKER_NAMESPACE:
            if closest(namespace, [MARKER_NAMESPACE]):
                problems.add(
                    display,
                    entry,
                    "",
                    f"'{namespace}' is not a marker namespace",
                    f"write '{MARKER_NAMESPACE}:{kind}'",
                    line=line,
                )
            continue
        if kind not in MARKER_KINDS:
            suggestion = closest(kind, MARKER_KINDS)
            fix = f"use '{MARKER_NAMESPACE}:{suggestion or MARKER_KINDS[0]}'"
            problems.add(display, entry, "", f"'{kind}' is not a marker kind", fix, line=line)
            continue
        marker, reason = parse_data_marker(match.group("args"), line, kind)
        if marker is None:
            problems.add(
                display,
                entry,
                "",
                reason,
                f"write <!-- handbook:{kind} DATASET columns=a,b where=column:text -->",
                line=line,
            )
        else:
            markers.append(marker)
    return tuple(markers)
