"""The pages the build makes from data, with where each comes from (for its edit link)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handbook.generate.bibliography_page import render_bibliography
from handbook.generate.glossary_page import render_glossary
from handbook.generate.notation import Notation, render_notation_page
from handbook.generate.tag_pages import (
    ListedPage,
    render_tag_page,
    render_tags_overview,
    sections_from_nav,
)
from handbook.generate.whats_new import Release, whats_new_markdown
from handbook.load.handbook_models import Handbook
from handbook.paths import (
    BIBLIOGRAPHY_PATH,
    CHANGELOG,
    GLOSSARY_DATA,
    GLOSSARY_PATH,
    NOTATION_DATA,
    NOTATION_PATH,
    REFERENCES_DATA,
    TAGS_DATA,
    TAGS_INDEX,
    WHATS_NEW_PATH,
    tag_page_path,
)


@dataclass(frozen=True)
class GeneratedPage:
    src_path: str  # where the page pretends to live in docs/
    markdown: str
    data_file: str  # what a contributor edits to change it
    in_nav: bool = True

    @property
    def edit_path(self) -> str:
        """Edit link target, relative to `edit_uri` (which points at docs/)."""
        return f"../{self.data_file}"


def generated_pages(
    handbook: Handbook,
    nav: Any,
    releases: list[Release] | None = None,
    notation: list[Notation] | None = None,
) -> list[GeneratedPage]:
    """Glossary, bibliography, tag pages and, given their sources, What's new and Notation."""
    articles = list(handbook.articles.values())
    pages = [
        GeneratedPage(
            GLOSSARY_PATH,
            render_glossary(handbook.terms.values(), handbook.references, tags=handbook.tags),
            GLOSSARY_DATA,
        ),
        GeneratedPage(
            BIBLIOGRAPHY_PATH,
            render_bibliography(handbook.references, articles),
            REFERENCES_DATA,
        ),
    ]
    counts = {name: len(handbook.articles_tagged(name)) for name in handbook.tags}
    pages.append(
        GeneratedPage(
            TAGS_INDEX, render_tags_overview(list(handbook.tags.values()), counts), TAGS_DATA
        )
    )
    if notation is not None:
        pages.append(GeneratedPage(NOTATION_PATH, render_notation_page(notation), NOTATION_DATA))
    if releases is not None:
        pages.append(GeneratedPage(WHATS_NEW_PATH, whats_new_markdown(releases), CHANGELOG))
    sections = sections_from_nav(nav)
    for name, tag in handbook.tags.items():
        listed = [
            ListedPage(article, sections.get(article.src_path, ""))
            for article in handbook.articles_tagged(name)
        ]
        terms = [term for term in handbook.terms.values() if name in term.tags]
        pages.append(
            GeneratedPage(
                tag_page_path(name),
                render_tag_page(tag, listed, terms),
                TAGS_DATA,
                in_nav=False,
            )
        )
    return pages
