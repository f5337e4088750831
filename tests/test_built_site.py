"""Checks over the real handbook, built once per session (see conftest.built_site)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from check_links import check_site
from handbook.paths import TERM_TIPS_SCRIPT

SITE_ROOT_PATH = "/handbook/"  # the path part of site_url in mkdocs.yml


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def built_path(src: str) -> str:
    """Where MkDocs writes a Markdown source with directory URLs."""
    if src == "index.md" or src.endswith("/index.md"):
        return src[: -len(".md")] + ".html"
    return src[: -len(".md")] + "/index.html"


def article_pages(site: Path, handbook) -> list[tuple[str, str]]:
    """(source path, built page) for every authored page."""
    return [(src, built_path(src)) for src in handbook.articles]


def test_clean_build_prints_no_warnings(site_build):
    assert "WARNING" not in site_build.log, site_build.log


def test_every_link_anchor_and_image_resolves(built_site):
    report = check_site(built_site, root_path=SITE_ROOT_PATH, siblings=("latest",))
    assert report.pages > 30
    assert [problem.render() for problem in report.problems] == []


def test_external_links_are_listed_and_well_formed(built_site):
    report = check_site(built_site, root_path=SITE_ROOT_PATH)
    assert report.external_links, "the bibliography alone links out"
    assert all(
        re.match(r"^(https?://[^\s/]+\.[^\s/]+|mailto:)\S*$", url) for url in report.external_links
    )


def test_no_third_party_assets(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        assert not re.search(r'<script[^>]+src="(https?:)?//', html), page


def test_every_page_has_its_description_meta(built_site, handbook):
    for src, page in article_pages(built_site, handbook):
        meta = soup(built_site, page).find("meta", attrs={"name": "description"})
        assert meta and meta["content"] == handbook.articles[src].description, page


def test_glossary_has_one_stable_anchor_per_term(built_site, handbook):
    page = soup(built_site, "reference/glossary/index.html")
    for term in handbook.terms.values():
        entries = page.select(f"#term-{term.id}")
        assert len(entries) == 1 and entries[0].name == "h3", term.id
    letters = [a["href"] for a in page.select("nav.hb-az a")]
    assert letters and all(page.select_one(href) for href in letters)


def test_glossary_used_on_backlinks_point_to_articles(built_site):
    page = soup(built_site, "reference/glossary/index.html")
    placeholders = page.select("div.hb-used-on")
    assert placeholders == [], "every used-on placeholder must be filled"
    used = [p for p in page.select("p.hb-used-on") if p.a]
    assert used, "at least one term is used on an article"
    target = used[0].a["href"]
    assert (built_site / "reference/glossary" / target / "index.html").resolve().exists()


def test_glossary_contents_list_letters_not_every_term(built_site):
    page = soup(built_site, "reference/glossary/index.html")
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert {"#letter-a", "#letter-t"} <= set(toc)
    assert all(href.startswith("#letter-") for href in toc), toc
    assert len(page.select("h3[id^=term-]")) > 100  # the entries themselves are all there


def test_articles_link_glossary_terms_with_definitions(built_site, handbook):
    # The definitions shown on the links: one script for every page (generate/term_tips.py).
    tips = (built_site / TERM_TIPS_SCRIPT).read_text(encoding="utf-8")
    assert tips.startswith("window.hbTerms=") and tips.endswith(";\n")
    definitions = json.loads(tips[len("window.hbTerms=") : -2])
    assert definitions == {term.anchor: term.short for term in handbook.terms.values()}
    linked = 0
    for _src, page in article_pages(built_site, handbook):
        terms = soup(built_site, page).select("article a.hb-term")
        ids = [a["href"].split("#term-")[1] for a in terms]
        assert len(ids) == len(set(ids)), f"{page}: a term linked twice"
        for a in terms:
            assert a["href"].split("#")[1] in definitions
            assert not a.find_parent(["code", "pre", "h1", "h2", "h3", "h4", "a"])
        linked += len(terms)
    assert linked > 10


def test_articles_show_tags_linking_to_tag_pages(built_site, handbook):
    for src, page in article_pages(built_site, handbook):
        article = handbook.articles[src]
        chips = soup(built_site, page).select("nav.md-tags a.md-tag")
        assert [chip.get_text(strip=True) for chip in chips] == [
            handbook.tags[name].title for name in article.tags
        ], page


def test_tag_pages_list_their_articles(built_site, handbook):
    overview = soup(built_site, "tags/index.html")
    rows = overview.select("article table tbody tr")
    assert len(rows) == len(handbook.tags)
    for name in handbook.tags:
        listing = soup(built_site, f"tags/{name}/index.html")
        titles = {a.get_text() for a in listing.select("article ul li > a")}
        assert titles == {article.title for article in handbook.articles_tagged(name)}, name


def test_generated_pages_edit_their_data_file(built_site):
    expected = {
        "reference/glossary/index.html": "data/glossary.yml",
        "reference/bibliography/index.html": "data/references.yml",
        "tags/index.html": "data/tags.yml",
    }
    for page, data_file in expected.items():
        edit = soup(built_site, page).select_one('a[rel="edit"]')
        assert edit["href"].endswith(f"/edit/main/{data_file}"), page


def test_articles_edit_their_markdown(built_site):
    edit = soup(built_site, "model-families/comparison/index.html").select_one('a[rel="edit"]')
    assert edit["href"].endswith("/edit/main/docs/model-families/comparison.md")


def test_citations_are_numbered_links_with_a_reference_list(built_site, handbook):
    page = soup(built_site, "model-families/comparison/index.html")
    citations = page.select("article sup.hb-cite a")
    assert citations and citations[0].get_text() == "1"
    listed = page.select("#references + ol > li")
    assert len(listed) == len(handbook.articles["model-families/comparison.md"].citations)
    # Each number leads to its entry in the page's own list, and each entry leads back.
    ids = {element["id"] for element in page.select("[id]")}
    assert all(a["href"].startswith("#cite-") and a["href"][1:] in ids for a in citations)
    backs = page.select("#references + ol > li a.hb-cite-back")
    assert len(backs) == len(listed) and all(a["href"][1:] in ids for a in backs)


def test_comparison_tables_are_generated_not_typed(built_site, handbook):
    page = soup(built_site, "model-families/comparison/index.html")
    tables = page.select("table.hb-sortable")
    assert len(tables) == 2
    families = handbook.datasets["model-families"]
    assert len(tables[0].select("tbody tr")) == len(families.rows)
    assert page.select_one("figure.hb-table figcaption").get_text().startswith(families.title)
    assert "handbook:table" not in str(page)


def test_math_is_typeset_as_svg_with_a_text_alternative(built_site):
    pages = [p for p in built_site.rglob("*.html") if "hb-math" in p.read_text(encoding="utf-8")]
    assert pages, "some article uses math"
    math = soup(built_site, str(pages[0].relative_to(built_site))).select(".hb-math")
    assert all(node.svg and node["aria-label"] and node["role"] == "math" for node in math)
    assert not soup(built_site, str(pages[0].relative_to(built_site))).select(".arithmatex")


def test_theme_features(built_site):
    config = json.loads(soup(built_site, "index.html").select_one("#__config").string)
    for feature in (
        "navigation.top",
        "navigation.footer",
        "search.suggest",
        "search.highlight",
        "content.code.copy",
        "content.action.edit",
        "content.action.view",
    ):
        assert feature in config["features"], feature
    # Instant loading restyles every page at start-up (mkdocs.yml says why it is off).
    assert not [f for f in config["features"] if f.startswith("navigation.instant")]


def test_scripts_in_the_body_are_deferred(built_site):
    """Material's bundle and ours wait for the page to be parsed (overrides/main.html says why);
    inline scripts (Material's configuration) stay as they are."""
    for page_name in (
        "index.html",
        "model-families/gans/index.html",
        "reference/glossary/index.html",
    ):
        scripts = soup(built_site, page_name).body.select("script[src]")
        names = [script["src"].rsplit("/", 1)[-1] for script in scripts]
        assert any(name.startswith("bundle.") for name in names), f"{page_name}: {names}"
        assert "handbook.min.js" in names, f"{page_name}: {names}"
        assert all(script.has_attr("defer") for script in scripts), f"{page_name}: {scripts}"


def test_colour_switch_replaces_materials_palette_form(built_site):
    """Our switch (overrides/partials/palette.html) carries one icon per palette option, and
    Material's palette component, whose start-up restyles the whole page, is not on the page."""
    page = soup(built_site, "index.html")
    assert not page.select("[data-md-component=palette]")
    switch = page.select_one("header button#hb-palette")
    assert switch is not None and switch.has_attr("hidden")
    assert len(switch.select(".hb-palette__icon svg")) == 3
    options = switch.select("[data-hb-media]")
    assert [(o["data-hb-media"], o["data-hb-scheme"]) for o in options] == [
        ("(prefers-color-scheme)", "default"),
        ("(prefers-color-scheme: light)", "default"),
        ("(prefers-color-scheme: dark)", "slate"),
    ]


def test_bibliography_holds_only_verified_references(built_site, project, handbook):
    import yaml

    shared = project.parent / "shared" / "references.yml"
    if not shared.exists():
        pytest.skip("the research brief is not beside this checkout")
    verified = {entry["key"] for entry in yaml.safe_load(shared.read_text()) if entry["verified"]}
    # Sources added later carry the date a maintainer checked them.
    verified |= {key for key, reference in handbook.references.items() if reference.verified_on}
    page = soup(built_site, "reference/bibliography/index.html")
    keys = {node["id"].removeprefix("ref-") for node in page.select("p.hb-reference")}
    assert keys and keys <= verified


def test_every_page_offers_edit_and_a_prefilled_problem_report(built_site, handbook):
    from urllib.parse import parse_qs, urlsplit

    for src, page in article_pages(built_site, handbook):
        meta = soup(built_site, page).select_one("aside.hb-page-meta")
        links = {a.get_text(strip=True): a["href"] for a in meta.select("a")}
        assert links["Edit this page"].endswith(f"/edit/main/docs/{src}"), page
        report = urlsplit(links["Report a problem"])
        query = parse_qs(report.query)
        assert report.path.endswith("/issues/new") and query["template"] == ["content-error.yml"]
        assert query["page"][0].endswith("/" + built_path(src).removesuffix("index.html"))
        assert query["version"] == ["dev"]
        assert query["title"][0] == f"[Content] {handbook.articles[src].title}"


def test_articles_show_last_updated_from_git(built_site, handbook, project):
    from handbook.load.page_history import last_changed

    dates = last_changed(project)
    if not dates:
        pytest.skip("not a git checkout: pages show no date, and the build must not fail")
    for src, page in article_pages(built_site, handbook):
        meta = soup(built_site, page).select_one("aside.hb-page-meta")
        updated = next(s for s in meta.select("span") if s.get_text().startswith("Last updated"))
        if f"docs/{src}" in dates:
            assert updated.time["datetime"] == dates[f"docs/{src}"], page


def test_page_history_outside_git_is_empty_not_an_error(tmp_path):
    from handbook.load.page_history import last_changed

    assert last_changed(tmp_path) == {}


def test_faq_page_emits_faqpage_structured_data_for_every_entry(built_site):
    page = soup(built_site, "foundations/faq/index.html")
    entries = page.select("details.faq")
    blocks = page.select('head script[type="application/ld+json"]')
    assert len(blocks) == 1 and len(entries) >= 6
    data = json.loads(blocks[0].string)
    assert data["@type"] == "FAQPage"
    questions = [entry.summary.get_text(" ", strip=True) for entry in entries]
    assert [item["name"] for item in data["mainEntity"]] == questions
    assert all(len(item["acceptedAnswer"]["text"]) > 40 for item in data["mainEntity"])
    # Other pages, self-checks included, carry no FAQ data.
    assert not soup(built_site, "model-families/gans/index.html").select(
        'script[type="application/ld+json"]'
    )


def test_timeline_lists_every_dated_system_under_its_year(built_site, handbook):
    systems = handbook.datasets["systems"]
    assert len(systems.rows) >= 30
    page = soup(built_site, "reference/timeline/index.html")
    years = [h2["id"] for h2 in page.select("h2[id^=year-]")]
    assert years == sorted(years) and len(years) >= 8
    dates = [time["datetime"] for time in page.select("time.hb-when")]
    assert dates == sorted(dates)
    assert len(dates) == sum(1 for row in systems.rows if row.text("released"))
    assert page.select("li sup.hb-cite a[href^='#cite-']")


def test_modality_pages_show_system_tables_from_the_dataset(built_site):
    for page in ("text-and-code", "images", "audio-speech-music", "video", "multimodal-models"):
        tables = soup(built_site, f"modalities/{page}/index.html").select(
            '.hb-table[data-hb-dataset="systems"] tbody tr'
        )
        assert tables, page


def test_section_indexes_link_every_page_of_their_section(project):
    nav = yaml_load((project / "mkdocs.yml").read_text())
    missing = {}
    for entry in nav["nav"]:
        (_title, children), *_ = entry.items()
        if not isinstance(children, list):
            continue
        index, *pages = children
        if not index.endswith("/index.md"):
            continue
        text = (project / "docs" / index).read_text(encoding="utf-8")
        folder = index.rsplit("/", 1)[0] + "/"
        absent = [
            p for p in pages if p.startswith(folder) and f"]({p.removeprefix(folder)})" not in text
        ]
        if absent:
            missing[index] = absent
    assert missing == {}


def test_every_glossary_term_is_used_or_marked_reference_only(built_site, handbook):
    page = soup(built_site, "reference/glossary/index.html")
    unused, stale = [], []
    for term in handbook.terms.values():
        used_on = page.find(id=term.anchor).find_next("p", class_="hb-used-on")
        used = bool(used_on.select("a"))
        if not used and not term.reference_only:
            unused.append(term.id)
        if used and term.reference_only:
            stale.append(term.id)
    assert (unused, stale) == ([], [])
