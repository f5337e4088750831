"""The handbook for assistants, for people who cite it and for links that are shared or old
(issue 19): llms.txt and Markdown twins, "Cite this page" and Highwire tags, Open Graph and
Twitter cards, open data with schemas, and every address of release 1.0 still answering."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from mkdocs.utils.yaml import yaml_load

from check_links import check_site
from handbook.paths import (
    GLOSSARY_PATH,
    LLMS_FULL_TXT,
    LLMS_TXT,
    OPEN_DATA_DIR,
    TERM_TIPS_SCRIPT,
    url_of,
)
from helpers import PROJECT

CONFIG = yaml_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
SITE_URL = CONFIG["site_url"]
SITE_ROOT_PATH = "/" + SITE_URL.split("://", 1)[1].split("/", 1)[1]
SITEMAP_1_0 = PROJECT / "tests" / "fixtures" / "sitemap-1.0.xml"
LLMS_LINE = re.compile(r"^- \[(?P<title>[^\]]+)\]\((?P<url>\S+)\)(?:: (?P<description>.+))?$")


def release_url(site: Path) -> str:
    """This build's address: site_url + the release shown in its footer."""
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return f"{SITE_URL}{page.select_one('[data-hb-version]').get_text(strip=True)}/"


def html_pages(site: Path) -> list[str]:
    """Every page of the build but 404.html and redirect pages, as site paths."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text:
            pages.append(path.relative_to(site).as_posix())
    return pages


def head(site: Path, page: str) -> dict[str, str]:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = {}
    for meta in soup.select("meta[property], meta[name]"):
        found[meta.get("property") or meta.get("name")] = meta.get("content")
    found["<title>"] = soup.title.get_text()
    found["<h1>"] = soup.select_one("article h1").get_text(" ", strip=True)
    return found


# ---- For assistants --------------------------------------------------------------------


def test_llms_txt_has_the_format_and_a_line_for_every_page(built_site):
    base = release_url(built_site)
    lines = (built_site / LLMS_TXT).read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# {CONFIG['site_name']}" and lines[2] == f"> {CONFIG['site_description']}"
    assert sum(line.startswith("# ") for line in lines) == 1
    sections = [line[3:] for line in lines if line.startswith("## ")]
    assert sections[:2] == ["Start here", "Foundations"] and sections[-2:] == [
        "Open data",
        "Optional",
    ]
    listed = [LLMS_LINE.match(line) for line in lines if line.startswith("- ")]
    assert all(listed), [
        line for line in lines if line.startswith("- ") and not LLMS_LINE.match(line)
    ]
    twins = {match["url"][len(base) :] for match in listed if match["url"].endswith(".md")}
    assert twins == {page.removesuffix(".html") + ".md" for page in html_pages(built_site)}
    assert all(match["url"].startswith(base) for match in listed)


def test_every_page_has_a_markdown_twin_with_latex_and_linked_citations(built_site):
    base = release_url(built_site)
    for page in html_pages(built_site):
        twin = (built_site / page.replace(".html", ".md")).read_text(encoding="utf-8")
        assert twin.startswith("# "), page
        assert f"<{base}{page.removesuffix('index.html')}>" in twin.splitlines()[2], page
        assert '<sup class="hb-cite">' not in twin and "[@" not in twin, page
    gans = (built_site / "model-families/gans/index.md").read_text(encoding="utf-8")
    assert "$D(x)$" in gans  # math stays LaTeX
    assert f"[[1]({base}reference/bibliography/#ref-goodfellow2014)]" in gans
    assert "## References" in gans
    glossary = (built_site / url_of(GLOSSARY_PATH) / "index.md").read_text(encoding="utf-8")
    assert f'<em>Used on:</em> <a href="{base}' in glossary  # generated pages too, filled
    full = (built_site / LLMS_FULL_TXT).read_text(encoding="utf-8")
    assert gans.strip() in full and glossary.strip() in full


def test_links_in_the_files_for_assistants_resolve(built_site):
    """The link checker reads the twins and llms files (tests/test_link_checker.py plants
    broken ones); here the real build passes it."""
    report = check_site(
        built_site,
        root_path=SITE_ROOT_PATH,
        siblings=("latest",),
        release_url=release_url(built_site),
    )
    assert [problem.render() for problem in report.problems] == []


# ---- For people who cite ------------------------------------------------------------------


def test_articles_offer_a_citation_bibtex_and_highwire_tags(built_site, handbook):
    base = release_url(built_site)
    for src, article in handbook.articles.items():
        page = url_of(src) + "index.html"
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        box = soup.select_one("article details.hb-cite-page")
        assert box is not None and box.summary.get_text() == "Cite this page", page
        url = f"{base}{url_of(src)}"
        text = box.select_one(".hb-cite-text").get_text()
        assert text.startswith("The Generative AI Handbook contributors (") and url in text
        bibtex = box.select_one("code.language-bibtex").get_text()
        assert bibtex.startswith("@misc{genaihandbook-") and f"url          = {{{url}}}" in bibtex
        assert bibtex.count("{") == bibtex.count("}")
        meta = head(built_site, page)
        assert meta["citation_title"] == article.title
        assert meta["citation_author"] == "The Generative AI Handbook contributors"
        assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta["citation_publication_date"])
        assert meta["citation_public_url"] == url
    glossary = head(built_site, url_of(GLOSSARY_PATH) + "index.html")
    assert not any(key.startswith("citation_") for key in glossary)  # generated, not authored


def test_citation_file_and_licences_are_linked_from_footer_and_readme(built_site):
    footer = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in footer.select(".md-copyright a")}
    assert links["CC BY 4.0"].endswith("/LICENSE-CONTENT") and links["MIT"].endswith("/LICENSE")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "(LICENSE)" in readme and "(LICENSE-CONTENT)" in readme and "CITATION.cff" in readme


# ---- Sharing --------------------------------------------------------------------------------

PAGE_TYPES = [
    "index.html",  # home
    "model-families/index.html",  # section
    "model-families/gans/index.html",  # article
    "reference/glossary/index.html",  # generated
    "reference/bibliography/index.html",
    "tags/index.html",
    "tags/architecture/index.html",
]


@pytest.mark.parametrize("page", PAGE_TYPES)
def test_every_page_type_has_its_own_share_card(built_site, page):
    base = release_url(built_site)
    meta = head(built_site, page)
    assert meta["og:title"] == meta["<h1>"] or meta["og:title"] in meta["<title>"]
    assert meta["og:description"] == meta["description"] and meta["og:description"]
    assert meta["og:url"] == base + page.removesuffix("index.html")
    assert meta["og:type"] == ("website" if page.startswith(("reference/", "tags/")) else "article")
    assert meta["twitter:card"] == "summary_large_image" and meta["og:image:alt"]
    image = built_site / meta["og:image"][len(base) :]
    data = image.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_pages_share_their_sections_image(built_site):
    images = {page: head(built_site, page)["og:image"] for page in PAGE_TYPES}
    assert images["model-families/gans/index.html"] == images["model-families/index.html"]
    assert images["model-families/gans/index.html"].endswith("/model-families.png")
    assert images["index.html"].endswith("/home.png")


# ---- Open data --------------------------------------------------------------------------------


def test_published_open_data_validates_against_its_published_schemas(built_site, handbook):
    base = release_url(built_site)
    folder = built_site / OPEN_DATA_DIR
    documents = [p for p in folder.rglob("*.json") if not p.name.endswith(".schema.json")]
    assert {p.relative_to(folder).as_posix() for p in documents} == {
        "glossary.json",
        "references.json",
        *(f"tables/{dataset}.json" for dataset in handbook.datasets),
    }
    for path in documents:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["$schema"].startswith(base)  # the schema of the same release
        schema_path = built_site / document["$schema"].removeprefix(base)
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        errors = list(Draft202012Validator(schema).iter_errors(document))
        assert errors == [], f"{path.name}: {errors[0].message}"
        assert document["license"] == "CC-BY-4.0"
    glossary = json.loads((folder / "glossary.json").read_text(encoding="utf-8"))
    assert len(glossary["terms"]) == len(handbook.terms)
    bibtex = (folder / "references.bib").read_text(encoding="utf-8")
    assert bibtex.count("\n@misc{") == len(handbook.references)


def test_glossary_tips_script_is_published(built_site, handbook):
    script = (built_site / TERM_TIPS_SCRIPT).read_text(encoding="utf-8")
    assert json.loads(script.removeprefix("window.hbTerms=").removesuffix(";\n")) == {
        term.anchor: term.short for term in handbook.terms.values()
    }


# ---- Links never break ----------------------------------------------------------------------


def missing_addresses(sitemap: str, site: Path) -> list[str]:
    """Addresses of a sitemap with no page in `site` (built with directory URLs)."""
    missing = []
    for address in re.findall(r"<loc>(.*?)</loc>", sitemap):
        path = address.removeprefix(SITE_URL)
        if not (site / path / "index.html").exists():
            missing.append(address)
    return missing


def test_every_address_of_release_1_0_still_resolves(built_site):
    sitemap = SITEMAP_1_0.read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == 74
    assert missing_addresses(sitemap, built_site) == []


def test_the_address_check_fails_on_a_page_that_went_away(built_site, tmp_path):
    planted = SITEMAP_1_0.read_text(encoding="utf-8").replace(
        "</urlset>", f"<url><loc>{SITE_URL}concepts/gone/</loc></url></urlset>"
    )
    assert missing_addresses(planted, built_site) == [f"{SITE_URL}concepts/gone/"]
