"""The generation step: what the handbook makes from data before an engine renders anything.

One function for every driver: the MkDocs hook calls it at on_pre_build, tools/build_zensical.py
before it writes the staging project, tools/synthetic_handbook.py for the benchmark. It reads
and validates data/ and the articles (load/), then makes the pages that come from data
(generated_pages.py) and reads which pages moved (load/redirects.py). A bad entry, or an authored page where a generated one must go, raises
HandbookDataError before any page renders, so the previous site stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handbook.generate.generated_pages import GeneratedPage, generated_pages
from handbook.generate.notation import load_notation
from handbook.generate.open_data import open_data_files
from handbook.generate.term_tips import term_tips_script
from handbook.generate.whats_new import Release, load_releases
from handbook.load.build_errors import Problems
from handbook.load.handbook_data import DataPaths, load_handbook
from handbook.load.handbook_models import Handbook
from handbook.load.page_programs import program_path
from handbook.load.redirects import load_redirects
from handbook.paths import TERM_TIPS_SCRIPT


@dataclass(frozen=True)
class Generation:
    handbook: Handbook
    pages: dict[str, GeneratedPage]  # docs-relative path -> the page made from data
    releases: list[Release] | None  # CHANGELOG.md, for What's new and its feed; None if absent
    redirects: dict[str, str]  # moved pages: old source path -> current one
    downloads: dict[str, str]  # the pages' programs: site path -> source (page_programs.py)


def generate(paths: DataPaths, nav: Any) -> Generation:
    """The handbook's data, validated, and the pages made from it. `nav`: mkdocs.yml's `nav`
    (tag pages list each article under its section)."""
    handbook = load_handbook(paths)
    # Both pages are optional, so a synthetic handbook (tools/synthetic_handbook.py) needs neither.
    releases = load_releases(paths.changelog)
    notation = load_notation(paths.notation, optional=True)
    pages = generated_pages(handbook, nav or [], releases, notation)
    problems = Problems()
    for page in pages:
        if (paths.docs_dir / page.src_path).exists():
            problems.add(
                f"docs/{page.src_path}",
                "",
                "",
                f"collides with the page generated from {page.data_file}",
                f"move or rename docs/{page.src_path}",
            )
    downloads = program_downloads(handbook, paths, problems)
    every_page = {*handbook.articles, *(page.src_path for page in pages)}
    redirects = load_redirects(
        paths.redirects, paths.display(paths.redirects), every_page, problems
    )
    problems.raise_if_any()
    return Generation(
        handbook, {page.src_path: page for page in pages}, releases, redirects, downloads
    )


def program_downloads(handbook: Handbook, paths: DataPaths, problems: Problems) -> dict[str, str]:
    """Site path -> source of every page's program (load/page_programs.py). Two pages of one
    folder may not publish programs of the same name, and no authored file may sit there."""
    downloads: dict[str, str] = {}
    owners: dict[str, str] = {}
    for article in handbook.articles.values():
        for program in article.programs:
            path = program_path(article.src_path, program.name)
            where = f"docs/{article.src_path}"
            if path in owners or (paths.docs_dir / path).exists():
                other = f"docs/{owners[path]}" if path in owners else f"docs/{path}"
                problems.add(
                    where,
                    f'```python title="{program.name}"',
                    "title",
                    f"would be published at {path}, which {other} already uses",
                    "give the program a name no other page in this folder uses",
                    line=program.lines[0],
                )
                continue
            owners[path] = article.src_path
            downloads[path] = program.source
    return downloads


def data_files(generation: Generation, *, release_url: str, release: str) -> dict[str, str]:
    """Site path -> text of the files published beside the pages, whichever engine builds: the
    open data (with addresses of this release), the glossary's short definitions for the tips
    on glossary links, and the pages' programs for download."""
    files = open_data_files(generation.handbook, site_url=release_url, version=release)
    files[TERM_TIPS_SCRIPT] = term_tips_script(generation.handbook.terms.values())
    files.update(generation.downloads)
    return files
