"""The offline bundle: one atomic zip holding a site that works from file://."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from check_links import check_site
from make_bundle import build_bundle

VERSION = "9.9"


def test_bundle_is_named_after_version_and_unpacks_to_one_folder(offline_bundle):
    zip_path, site = offline_bundle
    assert zip_path.name == f"generative-ai-handbook-{VERSION}-offline.zip"
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    assert names == sorted(names)
    assert {name.split("/")[0] for name in names} == {f"generative-ai-handbook-{VERSION}"}
    assert (site / "index.html").is_file() and (site / "search" / "search_index.js").is_file()


def test_offline_links_use_file_shape_and_all_resolve(offline_bundle):
    _, site = offline_bundle
    report = check_site(site, root_path="/handbook/")  # 404.html keeps server-absolute URLs
    assert [problem.render() for problem in report.problems] == []
    assert not (site / "model-families" / "gans").exists()  # page.html, not page/
    assert (site / "model-families" / "gans.html").is_file()


CDN_HOSTS = ("unpkg.com", "jsdelivr", "googleapis")


def loading_code(html: str) -> str:
    """What a page runs or fetches: scripts, styles, <link> targets and src/srcset attributes.

    Article text and <a href> are left out: a bibliography entry may name a GitHub organisation
    such as googleapis without anything being loaded from it.
    """
    tree = HTMLParser(html)
    parts = [node.text() for node in tree.css("script, style")]
    parts += [node.attributes.get("href") or "" for node in tree.css("link")]
    for node in tree.css("[src], [srcset], [style]"):
        parts += [node.attributes.get(name) or "" for name in ("src", "srcset", "style")]
    return "\n".join(parts)


def test_offline_pages_load_nothing_from_other_hosts(offline_bundle):
    _, site = offline_bundle
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        code = loading_code(html)
        assert not [host for host in CDN_HOSTS if host in code], page
        assert "navigation.instant" not in html, f"{page}: instant loading fetches pages"


def test_the_load_check_sees_a_cdn_in_a_script_and_ignores_one_in_a_citation():
    shim = '<script>var config = {"shim": "https://unpkg.com/iframe-worker/shim"}</script>'
    citation = '<p><a href="https://github.com/googleapis/python-genai">googleapis</a></p>'
    assert "unpkg.com" in loading_code(shim)
    assert loading_code(citation).strip() == ""


def test_every_page_shows_version_date_and_commit(offline_bundle, project):
    _, site = offline_bundle
    commit = (
        subprocess.run(
            ["git", "rev-parse", "--short=10", "HEAD"], cwd=project, capture_output=True, text=True
        ).stdout.strip()
        or "unknown"
    )
    for page in site.rglob("*.html"):
        stamp = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
            ".hb-build-stamp"
        )
        assert stamp is not None, page
        assert stamp.select_one("[data-hb-version]").get_text() == VERSION
        assert stamp.code.get_text() == commit
        assert re.search(r"built (\d{4}-\d\d-\d\d|unknown)", stamp.get_text(" ", strip=True))
        assert "offline edition" in stamp.get_text()


def test_a_failed_build_leaves_no_zip_and_no_scratch(project_copy, tmp_path):
    (project_copy / "data" / "tags.yml").write_text("- name: [broken\n")
    dist = tmp_path / "dist"
    with pytest.raises(SystemExit, match="Offline build failed"):
        build_bundle(VERSION, dist, project=project_copy)
    assert list(dist.iterdir()) == []


def test_the_bundle_carries_what_assistants_citers_and_reusers_get(offline_bundle):
    _, site = offline_bundle
    for path in (
        "llms.txt",
        "llms-full.txt",
        "index.md",
        "model-families/gans.md",
        "model-families/gans.md.js",  # what "Copy page as Markdown" reads from file://
        "reference/glossary.md",
        "data/glossary.json",
        "data/references.bib",
        "data/schemas/glossary.schema.json",
        "data/tables/model-families.json",
        "assets/previews/home.png",
        "assets/javascripts/glossary-terms.js",
        "assets/javascripts/copy-markdown.js",
    ):
        assert (site / path).is_file(), path
    script = (site / "model-families/gans.md.js").read_text(encoding="utf-8")
    assert script.startswith("window.hbMarkdown = ") and "</script" not in script
