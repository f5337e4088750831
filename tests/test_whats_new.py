"""What's new: the page and the Atom feed made from CHANGELOG.md (hooks/handbook/generate/whats_new.py)."""

from __future__ import annotations

import feedparser
import markdown

from handbook.generate.whats_new import atom_feed, parse_changelog, whats_new_markdown

CHANGELOG = """# Changelog

Intro with a [link](https://keepachangelog.com/).

## [Unreleased]

### Fixed

- A <b>bold</b> fix & more.

## [1.1] - 2027-01-15

### Added

- Search that answers questions.

## [1.0] - 2026-12-02

### Added

- The handbook.
"""


def test_releases_are_read_newest_first_and_an_empty_unreleased_is_left_out():
    releases = parse_changelog(CHANGELOG)
    assert [(r.version, r.date, r.anchor) for r in releases] == [
        ("Unreleased", "", "unreleased"),
        ("1.1", "2027-01-15", "release-1-1"),
        ("1.0", "2026-12-02", "release-1-0"),
    ]
    assert releases[2].body == "### Added\n\n- The handbook."
    empty = CHANGELOG.replace("### Fixed\n\n- A <b>bold</b> fix & more.\n\n", "")
    assert [r.version for r in parse_changelog(empty)] == ["1.1", "1.0"]


def test_the_page_lists_every_release_with_a_stable_anchor_and_links_the_feed():
    page = whats_new_markdown(parse_changelog(CHANGELOG))
    assert "## Release 1.1 (2027-01-15) { #release-1-1 }" in page
    assert "## Unreleased: changes on main since the last release { #unreleased }" in page
    assert "[Atom feed](../feed.xml)" in page


def test_the_feed_parses_as_a_feed_reader_sees_it():
    feed_xml = atom_feed(
        parse_changelog(CHANGELOG),
        page_url="https://example.org/latest/reference/whats-new/",
        feed_url="https://example.org/latest/feed.xml",
        unreleased_date="2027-02-01",
        render=markdown.markdown,
    )
    parsed = feedparser.parse(feed_xml)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.updated == "2027-02-01T00:00:00Z"
    assert [entry.title for entry in parsed.entries] == [
        "Unreleased: changes on main since the last release",
        "Release 1.1 (2027-01-15)",
        "Release 1.0 (2026-12-02)",
    ]
    first = parsed.entries[0]
    assert first.link == "https://example.org/latest/reference/whats-new/#unreleased"
    assert "<b>bold</b> fix &amp; more." in first.content[0].value  # HTML survives the escaping


def test_the_built_feed_and_page(built_site, project):
    parsed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    releases = parse_changelog((project / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert len(parsed.entries) == len(releases) >= 1
    assert any(entry.title.startswith("Release 1.0 (2026-12-02)") for entry in parsed.entries)
    page = (built_site / "reference" / "whats-new" / "index.html").read_text(encoding="utf-8")
    assert 'id="release-1-0"' in page
    assert 'href="../../feed.xml"' in page
    # No <link rel="alternate"> in page heads: Material then fetches sitemap.xml on every load
    # (and from file:// the browser blocks it with a console error).
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'rel="alternate"' not in home
