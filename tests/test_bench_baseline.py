"""The benchmark's hook-off build must render the same pages as the hook, or its overhead
ratio measures a difference in content instead of the hook's cost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench import timed_build
from synthetic_handbook import Shape, write_handbook

PAGES = (
    "alpha/a0/index.html",  # holds the dataset table
    "beta/a1/index.html",
    "reference/glossary/index.html",  # with its "used on" lists
    "reference/bibliography/index.html",
    "tags/tag3/index.html",
)
# What the hook adds through the page template, not the page: tags above the title, the
# "about this page" box and "Cite this page". The hook-off build has no template context to
# make them from.
TEMPLATE_ONLY = ("nav.md-tags", "aside.hb-page-meta", "details.hb-cite-page")


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bench-baseline")
    sites = {}
    for kind in ("hook", "plain"):
        config = write_handbook(root / kind, Shape(articles=12, terms=30), plain=kind == "plain")
        timed_build(config, root / kind / "site")  # the benchmark's own build; stops on failure
        sites[kind] = root / kind / "site"
    return sites


def _content(site: Path, page: str) -> str:
    article = BeautifulSoup((site / page).read_text(), "html.parser").select_one("article")
    for selector in TEMPLATE_ONLY:
        for element in article.select(selector):
            element.decompose()
    return re.sub(r">\s+<", "><", str(article))  # removed elements leave their line breaks


@pytest.mark.parametrize("page", PAGES)
def test_hook_off_pages_match_the_hook(both_builds, page):
    hook, plain = (_content(both_builds[kind], page) for kind in ("hook", "plain"))
    assert hook == plain


def test_the_comparison_covers_glossary_links_and_used_on_lists(both_builds):
    article = (both_builds["plain"] / "alpha/a0/index.html").read_text()
    glossary = (both_builds["plain"] / "reference/glossary/index.html").read_text()
    assert 'class="hb-term"' in article
    assert "<em>Used on:</em> <a" in glossary
    assert 'data-hb-term="' not in glossary  # no placeholder left unfilled
