"""The same sources build with Zensical (tools/build_zensical.py, README "Platform"): every
page, generated ones included, with citations resolved, math typeset and glossary links and
"used on" lists in place; article content equals the MkDocs build's but for the listed
differences."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from check_links import check_site
from handbook.render.deferred_details import restored, script_name

PROJECT = Path(__file__).resolve().parent.parent
ZENSICAL = PROJECT / ".venv-zensical" / "bin" / "zensical"

pytestmark = pytest.mark.skipif(
    not ZENSICAL.exists() and not os.environ.get("CI"),
    reason="Zensical is not installed (make test or make build-zensical installs it)",
)

# What the engines do differently, each listed in README "Platform":
# - Zensical's own templates add a skip target, its own glightbox writes fewer attributes,
#   and its search drops the data-search-exclude markers once it has read them;
# - the page actions, tags, "about this page" box, "Cite this page" and the home page's
#   "What's new" come from MkDocs template context;
# - html_repairs.py runs in the MkDocs hook only: on this page it closes a <p> that
#   Python-Markdown opened around a code block (the MkDocs build gets it from selectolax);
# - so does deferred_details.py: the MkDocs build moves collapsed derivations, exercises,
#   answers and programs (and the glyphs only they use) into index.details.js. The
#   comparison puts them back first (`_restored`), as a reader's browser does on opening.
THEME_ONLY = (
    "a#__skip",
    "nav.md-tags",
    "aside.hb-page-meta",
    "details.hb-cite-page",
    "section.hb-whats-new",
    "a.md-content__button",
)
NOT_REPAIRED = {"concepts/retrieval-augmented-generation/index.html"}


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    scratch = tmp_path_factory.mktemp("zensical")
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "tools" / "build_zensical.py"),
            "--output",
            str(scratch / "site"),
            "--staging",
            str(scratch / "project"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return scratch / "site"


def _restored(path: Path) -> str:
    """A page as a reader who opened every collapsed block sees it (collapsed-bodies.js)."""
    html = path.read_text(encoding="utf-8")
    script = path.with_name(script_name(path.name))
    return restored(html, script.read_text(encoding="utf-8")) if script.exists() else html


def _article(path: Path) -> str:
    article = BeautifulSoup(_restored(path), "html.parser").select_one("article")
    sprite = article.select_one("svg.hb-math-glyphs defs")
    if sprite:  # the glyphs that came back with the bodies were appended, not in id order
        symbols = sorted(sprite.find_all("symbol", recursive=False), key=lambda s: s["id"])
        sprite.clear()
        for symbol in symbols:
            sprite.append(symbol)
    for selector in THEME_ONLY:
        for element in article.select(selector):
            element.decompose()
    for link in article.select("a.glightbox"):
        for attribute in [name for name in link.attrs if name.startswith("data-")]:
            del link[attribute]
    for element in article.select("[data-search-exclude]"):
        del element["data-search-exclude"]
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(article)))


def _pages(site: Path) -> set[str]:
    return {str(path.relative_to(site)) for path in site.rglob("index.html")}


def test_zensical_builds_every_page_of_the_mkdocs_build(zensical_site, built_site):
    assert _pages(zensical_site) == _pages(built_site)
    assert len(_pages(zensical_site)) > 80


def test_pages_have_citations_math_and_glossary_links_as_in_the_mkdocs_build(
    zensical_site, built_site
):
    counted = {"math": 'class="hb-math', "terms": 'class="hb-term"', "used on": "hb-used-on"}
    totals = {engine: dict.fromkeys(counted, 0) for engine in ("mkdocs", "zensical")}
    for page in _pages(built_site):
        text = (zensical_site / page).read_text(encoding="utf-8")
        assert "[@" not in text, f"{page}: a citation was not resolved"
        assert 'class="arithmatex"' not in text, f"{page}: math was not typeset"
        assert "hb-page:" not in text, f"{page}: the page hint was left in"
        for engine, site in (("mkdocs", built_site), ("zensical", zensical_site)):
            html = _restored(site / page)
            for name, needle in counted.items():
                totals[engine][name] += html.count(needle)
    assert totals["zensical"] == totals["mkdocs"]
    assert totals["zensical"]["math"] > 1000 and totals["zensical"]["terms"] > 1000


def test_article_content_equals_the_mkdocs_build_but_for_the_listed_differences(
    zensical_site, built_site
):
    different = {
        page
        for page in _pages(built_site)
        if _article(built_site / page) != _article(zensical_site / page)
    }
    assert different == NOT_REPAIRED


def test_every_internal_link_of_the_zensical_build_resolves(zensical_site):
    # root_path: site_url's path; "latest": the outdated banner links the latest release beside.
    report = check_site(zensical_site, root_path="/handbook/", siblings=("latest",))
    assert report.pages > 80
    assert not report.problems, report.problems[:10]
