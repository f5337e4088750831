"""The handbook's render stage as a Python-Markdown extension, for engines that run no MkDocs
hooks (Zensical runs every extension in `markdown_extensions`, and nothing else of ours).

After Python-Markdown has made a page's HTML, this typesets its math (math_svg.py) and links
the first mention of each glossary term (glossary_linker.py): the same functions, with the same
inputs, as the MkDocs hook's on_page_content and on_env. Which page is being rendered comes
from a comment the generation step (tools/build_zensical.py) puts at the top of each staged
page, `<!-- hb-page: concepts/alignment.md -->`, so the extension needs nothing from the
engine. The comment is taken out.

    markdown_extensions:
      - handbook.render.render_extension:
          project: /path/to/the/handbook     # where data/ and docs/ are

Needs hooks/ on the import path (PYTHONPATH); imports no MkDocs.
"""

from __future__ import annotations

import os
import posixpath
import re
from functools import lru_cache
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from handbook.load.handbook_data import DataPaths, load_handbook
from handbook.paths import GLOSSARY_PATH, relative_url, url_of
from handbook.render.glossary_linker import TermIndex, link_terms
from handbook.render.math_svg import typeset_math, use_disk_cache
from handbook.render.render_cache import cache_folder

PAGE_HINT = re.compile(r"<!-- hb-page: (?P<src>[^ ]+) -->\n?")


def page_hint(src_path: str) -> str:
    """The comment that tells this extension which page it renders."""
    return f"<!-- hb-page: {src_path} -->\n"


def href_in_source(target_src: str, src: str) -> str:
    """A link to `target_src`'s page as raw HTML in `src` needs it under Zensical, which
    resolves relative links in a page's HTML against the folder of its source file (as authors
    write links), not against the page's URL as MkDocs does: 'reference/glossary.md' from
    'concepts/alignment.md' -> '../reference/glossary/'."""
    folder = posixpath.dirname(src)
    return relative_url(url_of(target_src), folder + "/" if folder else "")


@lru_cache(maxsize=4)
def _setup(project: str):
    """Once per process: the handbook's data and term index, and the math cache turned on."""
    root = Path(project)
    handbook = load_handbook(DataPaths(root=root, docs_dir=root / "docs"))
    use_disk_cache(cache_folder(root, os.environ))
    return handbook, TermIndex.build(handbook.terms.values())


class HandbookRender(Postprocessor):
    def __init__(self, md: Markdown, project: str):
        super().__init__(md)
        self.project = project

    def run(self, text: str) -> str:
        hint = PAGE_HINT.search(text)
        text = PAGE_HINT.sub("", text)
        handbook, index = _setup(self.project)
        text = typeset_math(text)
        if hint is None:  # a generated page: it carries its own links
            return text
        src = hint.group("src")
        glossary_href = href_in_source(GLOSSARY_PATH, src)
        linkable = index.linkable_on(handbook.articles.get(src))
        return link_terms(text, index, glossary_href, linkable).html


class HandbookRenderExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"project": [os.getcwd(), "The handbook's folder (data/ and docs/)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # Priority 1: after the raw-HTML postprocessor (30) has put arithmatex's spans and the
        # page hint back into the text.
        md.postprocessors.register(HandbookRender(md, self.getConfig("project")), "handbook", 1)


def makeExtension(**kwargs) -> HandbookRenderExtension:  # noqa: N802 - Python-Markdown's name
    return HandbookRenderExtension(**kwargs)
