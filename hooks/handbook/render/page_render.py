"""The render stage's work on authored pages, the same whichever engine drives it.

    markdown()   markers and citations expanded (article_markdown.py), before the engine's
                 Markdown runs
    link()       the first mention of each glossary term linked in the page's HTML
                 (glossary_linker.py); remembers which pages mention which term
    glossary()   the glossary page with its "used on" lists filled from what link() saw

The MkDocs hook calls these from its events, one page at a time; tools/build_zensical.py and
tools/synthetic_handbook.py call them in their own loop over docs/. Links between pages are
passed in, because each engine resolves them its own way.
"""

from __future__ import annotations

from handbook.generate.glossary_page import fill_used_on, used_on_html
from handbook.load.handbook_models import Handbook
from handbook.render.article_markdown import render_article_markdown
from handbook.render.glossary_linker import TermIndex, link_terms


class PageRender:
    def __init__(self, handbook: Handbook):
        self.handbook = handbook
        self.terms = TermIndex.build(handbook.terms.values())
        # term id -> (href from the glossary page, title) of each page mentioning it
        self.mentions: dict[str, list[tuple[str, str]]] = {}

    def markdown(self, markdown: str, src_path: str, bibliography_href: str) -> str:
        """`bibliography_href`: the bibliography page, relative to where this page's links
        resolve."""
        return render_article_markdown(markdown, src_path, self.handbook, bibliography_href)

    def link(
        self, html: str, src_path: str, glossary_href: str, *, href_from_glossary: str, title: str
    ) -> str:
        """The page's HTML with glossary links; the page is remembered under each term it
        mentions, as `href_from_glossary` and `title` for the glossary's "used on" lists."""
        linkable = self.terms.linkable_on(self.handbook.articles.get(src_path))
        result = link_terms(html, self.terms, glossary_href, linkable)
        for term_id in result.mentioned:
            self.mentions.setdefault(term_id, []).append((href_from_glossary, title))
        return result.html

    def glossary(self, glossary: str) -> str:
        """The glossary page (Markdown or HTML) with every "used on" slot filled."""
        return fill_used_on(
            glossary,
            lambda term_id: used_on_html(
                self.mentions.get(term_id, []), self.handbook.terms[term_id].reference_only
            ),
        )

    def unused_terms(self) -> list[str]:
        """Terms no page mentions and not marked reference_only, in glossary order."""
        return [
            term_id
            for term_id, term in self.handbook.terms.items()
            if term_id not in self.mentions and not term.reference_only
        ]
