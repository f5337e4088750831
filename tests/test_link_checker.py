"""The link checker is proven on small fixture sites: it passes a good one and fails each
kind of breakage, in both URL shapes (`page/` and `page.html`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from check_links import check_site, main

PAGE = """<!doctype html><html><head><title>{title}</title>
<link rel="stylesheet" href="{css}"><link rel="canonical" href="https://example.org/{title}/">
</head><body>{body}</body></html>"""

DIRECTORY_SITE = {
    "index.html": PAGE.format(
        title="home",
        css="assets/site.css",
        body=(
            '<a href="guide/">Guide</a> <a href="guide/#setup">Setup</a> '
            '<a href="https://example.org/x">ext</a> <img src="assets/logo.png" alt="Logo">'
        ),
    ),
    "guide/index.html": PAGE.format(
        title="guide",
        css="../assets/site.css",
        body=(
            '<h2 id="setup">Setup</h2><a href="../">Home</a> <a href="#setup">here</a> '
            '<a href="/docs/guide/">absolute</a>'
        ),
    ),
    "404.html": PAGE.format(title="404", css="/docs/assets/site.css", body="Not found"),
    "assets/site.css": "body{}",
    "assets/logo.png": "png",
}
FILE_SITE = {
    "index.html": PAGE.format(
        title="home",
        css="assets/site.css",
        body=('<a href="guide.html">Guide</a> <a href="guide.html#setup">Setup</a>'),
    ),
    "guide.html": PAGE.format(
        title="guide",
        css="assets/site.css",
        body=('<h2 id="setup">Setup</h2><a href="index.html">Home</a>'),
    ),
    "assets/site.css": "body{}",
}


def make_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def problems(site: dict[str, str], tmp_path: Path) -> list[tuple[str, str, str]]:
    report = check_site(make_site(tmp_path, site), root_path="/docs/")
    return [(problem.page, problem.kind, problem.target) for problem in report.problems]


def with_change(base: dict[str, str], page: str, old: str, new: str) -> dict[str, str]:
    changed = dict(base)
    assert old in changed[page], "fixture edit must apply"
    changed[page] = changed[page].replace(old, new)
    return changed


@pytest.mark.parametrize("site", [DIRECTORY_SITE, FILE_SITE], ids=["directory-urls", "file-urls"])
def test_good_sites_pass(site, tmp_path):
    assert problems(site, tmp_path) == []


def test_good_site_lists_external_links(tmp_path):
    report = check_site(make_site(tmp_path, DIRECTORY_SITE), root_path="/docs/")
    assert report.pages == 3
    assert report.external_links == ["https://example.org/x"]


def test_broken_link_fails(tmp_path):
    site = with_change(DIRECTORY_SITE, "index.html", 'href="guide/">', 'href="guid/">')
    assert ("index.html", "broken-link", "guid/") in problems(site, tmp_path)


def test_broken_link_fails_in_file_url_shape(tmp_path):
    site = with_change(FILE_SITE, "index.html", 'href="guide.html">', 'href="guide/">')
    assert problems(site, tmp_path) == [("index.html", "broken-link", "guide/")]


def test_broken_anchor_fails(tmp_path):
    site = with_change(DIRECTORY_SITE, "index.html", "guide/#setup", "guide/#set-up")
    assert problems(site, tmp_path) == [("index.html", "broken-anchor", "guide/#set-up")]


def test_broken_same_page_anchor_fails(tmp_path):
    site = with_change(DIRECTORY_SITE, "guide/index.html", 'href="#setup"', 'href="#nowhere"')
    assert problems(site, tmp_path) == [("guide/index.html", "broken-anchor", "#nowhere")]


def test_missing_image_fails(tmp_path):
    site = dict(DIRECTORY_SITE)
    del site["assets/logo.png"]
    assert problems(site, tmp_path) == [("index.html", "missing-image", "assets/logo.png")]


def test_image_without_alt_fails(tmp_path):
    site = with_change(DIRECTORY_SITE, "index.html", ' alt="Logo"', ' alt=" "')
    assert problems(site, tmp_path) == [("index.html", "missing-alt", "assets/logo.png")]


def test_orphan_page_fails(tmp_path):
    site = {
        **DIRECTORY_SITE,
        "lost/index.html": PAGE.format(
            title="lost", css="../assets/site.css", body="Nobody links here"
        ),
    }
    assert problems(site, tmp_path) == [("lost/index.html", "orphan", "lost/index.html")]


def test_third_party_script_and_stylesheet_fail(tmp_path):
    site = with_change(
        DIRECTORY_SITE,
        "index.html",
        "</body>",
        '<script src="https://unpkg.com/x.js"></script></body>',
    )
    site = with_change(
        site,
        "guide/index.html",
        'href="../assets/site.css"',
        'href="https://fonts.googleapis.com/css"',
    )
    assert problems(site, tmp_path) == [
        ("guide/index.html", "third-party", "https://fonts.googleapis.com/css"),
        ("index.html", "third-party", "https://unpkg.com/x.js"),
    ]


def test_malformed_external_and_javascript_links_fail(tmp_path):
    site = with_change(
        DIRECTORY_SITE, "index.html", 'href="https://example.org/x"', 'href="https:/example.org"'
    )
    site = with_change(site, "guide/index.html", 'href="#setup"', 'href="javascript:alert(1)"')
    assert problems(site, tmp_path) == [
        ("guide/index.html", "unsafe-link", "javascript:alert(1)"),
        ("index.html", "malformed-external", "https:/example.org"),
    ]


def test_duplicate_ids_fail(tmp_path):
    site = with_change(DIRECTORY_SITE, "guide/index.html", "</h2>", '</h2><p id="setup">again</p>')
    assert problems(site, tmp_path) == [("guide/index.html", "duplicate-id", "#setup")]


def test_command_line_exit_status(tmp_path, capsys):
    good = make_site(tmp_path / "good", DIRECTORY_SITE)
    bad = make_site(
        tmp_path / "bad", with_change(DIRECTORY_SITE, "index.html", "guide/#setup", "guide/#x")
    )
    assert main([str(good), "--root-path", "/docs/"]) == 0
    assert main([str(bad), "--root-path", "/docs/"]) == 1
    assert "broken-anchor 'guide/#x'" in capsys.readouterr().err


def test_links_into_a_sibling_version_are_allowed_only_when_named(tmp_path):
    site = with_change(
        DIRECTORY_SITE, "guide/index.html", 'href="../">', 'href="../../latest/guide/">'
    )
    assert problems(site, tmp_path) == [("guide/index.html", "broken-link", "../../latest/guide/")]
    report = check_site(tmp_path, root_path="/docs/", siblings=("latest",))
    assert report.problems == []


def test_text_files_for_assistants_are_checked_against_the_release_address(tmp_path):
    release = "https://example.org/docs/1.0/"
    site = {
        **DIRECTORY_SITE,
        "guide/index.md": f"# Guide\n\nSee [home]({release}) and [setup]({release}guide/#setup).\n",
        "llms.txt": f"# Site\n\n- [Guide]({release}guide/index.md)\n",
    }
    assert check_site(make_site(tmp_path / "good", site), "/docs/", release_url=release).ok
    planted = {
        **site,
        "llms.txt": f"# Site\n\n- [Gone]({release}gone/index.md)\n",
        "guide/index.md": f"[setup]({release}guide/#nowhere) and <{release}assets/none.png>",
    }
    report = check_site(make_site(tmp_path / "bad", planted), "/docs/", release_url=release)
    assert {(p.page, p.kind, p.target) for p in report.problems} == {
        ("llms.txt", "broken-link", f"{release}gone/index.md"),
        ("guide/index.md", "broken-anchor", f"{release}guide/#nowhere"),
        ("guide/index.md", "broken-link", f"{release}assets/none.png"),
    }
    # Without the release address the text files are not read.
    assert check_site(make_site(tmp_path / "off", planted), "/docs/").ok


def test_a_redirect_page_is_not_an_orphan(tmp_path):
    moved = '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../guide/">'
    site = {
        **DIRECTORY_SITE,
        "old/index.html": moved + '</head><body><a href="../guide/">Guide</a></body></html>',
    }
    assert check_site(make_site(tmp_path, site), "/docs/").ok


def test_the_release_address_comes_from_llms_txt_when_not_given(tmp_path):
    from check_links import release_url_of

    assert release_url_of(tmp_path) == ""
    (tmp_path / "llms.txt").write_text(
        "# Site\n\n> About.\n\n## Start here\n\n- [Home](https://e.org/docs/1.0/index.md): Home\n"
    )
    assert release_url_of(tmp_path) == "https://e.org/docs/1.0/"
