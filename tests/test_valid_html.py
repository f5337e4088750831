"""Valid HTML: the Nu Html Checker over every page of both editions, and a test per repair.

The repairs live in hooks/handbook/render/html_repairs.py; each test below fails if its repair is removed
(checked by hand when they were written: without unwrap_document the web edition had 965+
errors, mostly from the nested document mkdocs-glightbox writes).
"""

from __future__ import annotations

import os
import re

import pytest

from handbook.render.html_repairs import repair_page, unwrap_document
from validate_html import CheckerMissing, html_errors, summary

HTML_OPEN = re.compile(r"<html\b", re.IGNORECASE)
BODY_OPEN = re.compile(r"<body\b", re.IGNORECASE)


def checked_errors(*folders):
    """html_errors(), skipped locally without Java or vnu.jar; in CI their absence fails."""
    try:
        return html_errors(list(folders))
    except CheckerMissing as missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}; .ci/run and `make test` should have installed it")
        pytest.skip(str(missing))


def test_every_page_of_both_editions_has_no_html_errors(built_site, offline_bundle):
    _, offline_site = offline_bundle
    errors = checked_errors(built_site, offline_site)
    assert not errors, summary(errors)


def test_the_checker_reports_a_planted_fault(tmp_path):
    # A checker that cannot fail proves nothing: an unclosed element and a stray <body>.
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head>'
        "<body><main><div><html><body><p>x</p></main></body></html>"
    )
    messages = [error.message for error in checked_errors(tmp_path)]
    assert any("Stray start tag" in message for message in messages), messages
    assert any("Unclosed element" in message for message in messages), messages


@pytest.mark.parametrize("edition", ["web", "offline"])
def test_every_page_is_one_document(built_site, offline_bundle, edition):
    site = built_site if edition == "web" else offline_bundle[1]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    wrong = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        counts = (len(HTML_OPEN.findall(text)), len(BODY_OPEN.findall(text)))
        if counts != (1, 1):
            wrong.append(f"{page.relative_to(site)}: {counts[0]} <html>, {counts[1]} <body>")
    assert not wrong, "\n".join(wrong)


def test_no_material_attribute_the_checker_rejects_survives(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<label\b[^>]*\btabindex(?:=\"\")?[\s>]", text), page
        assert not re.search(r'<input\b[^>]*type="?checkbox"?[^>]*autocomplete', text), page


# The repairs, one by one, on the markup the upstream templates emit.


def test_unwrap_document_takes_the_fragment_out_of_selectolax_wrapper():
    wrapped = '<html><head></head><body><p>Text</p>\n<a class="glightbox"><img src="x.svg"></a></body></html>'
    assert unwrap_document(wrapped) == '<p>Text</p>\n<a class="glightbox"><img src="x.svg"></a>'


def test_unwrap_document_leaves_a_plain_fragment_alone():
    fragment = "<p>No wrapper, and <code>&lt;html&gt;</code> in text.</p>"
    assert unwrap_document(fragment) == fragment


def test_repair_drops_empty_tabindex_from_labels_only():
    html = (
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">A</label>'
        '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="0">B</label>'
    )
    repaired = repair_page(html)
    assert 'tabindex=""' not in repaired
    assert 'tabindex="0"' in repaired


def test_repair_drops_autocomplete_from_checkboxes_only():
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off"><input type="text" class="md-search__input" autocomplete="off">'
    )
    repaired = repair_page(html)
    assert 'id="__drawer">' in repaired
    assert repaired.count('autocomplete="off"') == 1  # the search field keeps it


def test_repair_turns_a_label_for_a_missing_toc_toggle_into_a_span():
    html = '<nav><label class="md-nav__title" for="__toc"><span>Contents</span></label></nav>'
    assert repair_page(html) == (
        '<nav><span class="md-nav__title"><span>Contents</span></span></nav>'
    )
    with_toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + html
    assert 'for="__toc"' in repair_page(with_toggle)
