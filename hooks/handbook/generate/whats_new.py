"""The "What's new" page and its Atom feed, both made from CHANGELOG.md.

CHANGELOG.md follows Keep a Changelog: `## [Unreleased]`, then `## [1.0] - 2026-12-02` and so
on, each with `### Added` / `### Changed` / `### Fixed` lists. The page shows those sections
newest first; the feed has one entry per release, so a reader's feed client shows a new entry
when a release (or a new change on main, under "Unreleased") is published.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from handbook.load.field_reader import is_day
from handbook.paths import FEED_PATH, WHATS_NEW_PATH, url_of

_RELEASE = re.compile(
    r"^## \[(?P<version>[^\]]+)\](?:\s*-\s*(?P<date>\d{4}-\d{2}-\d{2}))?\s*$", re.MULTILINE
)


@dataclass(frozen=True)
class Release:
    version: str  # "Unreleased" or "1.0"
    date: str  # YYYY-MM-DD, or '' for Unreleased
    body: str  # the Markdown under the heading

    @property
    def anchor(self) -> str:
        return (
            "unreleased"
            if not self.date
            else "release-" + re.sub(r"[^0-9a-z]+", "-", self.version.lower())
        )

    @property
    def title(self) -> str:
        if not self.date:
            return "Unreleased: changes on main since the last release"
        return f"Release {self.version} ({self.date})"


def parse_changelog(text: str) -> list[Release]:
    """Releases in file order (newest first); an empty Unreleased section is left out."""
    matches = list(_RELEASE.finditer(text))
    releases = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(text)
        body = text[match.end() : end].strip()
        if body:
            releases.append(Release(match["version"], match["date"] or "", body))
    return releases


def load_releases(path: Path) -> list[Release] | None:
    """CHANGELOG.md's releases, or None when the project has no changelog."""
    return parse_changelog(path.read_text(encoding="utf-8")) if path.exists() else None


def latest_additions(releases: list[Release], limit: int) -> tuple[Release, list[str]] | None:
    """The newest release and the first `limit` items of its "### Added" list (each item's
    Markdown, continuation lines joined), for the home page; None without additions."""
    for release in releases:
        added = re.search(r"^### Added\s*$(?P<list>.*?)(?=^### |\Z)", release.body, re.M | re.S)
        if not added:
            continue
        items = re.split(r"^- ", added["list"].strip(), flags=re.M)
        texts = [" ".join(item.split()) for item in items if item.strip()]
        if texts:
            return release, texts[:limit]
    return None


def whats_new_markdown(releases: list[Release]) -> str:
    """The generated page: every release's changes, newest first, with a link to the feed."""
    parts = [
        "---",
        "title: What's new",
        "description: Changes to the handbook's content and tools, release by release, with an Atom feed.",
        "---",
        "",
        "# What's new",
        "",
        "What changed in the handbook, newest first: articles added, facts corrected, tools "
        "improved. Follow it in a feed reader with the [Atom feed](../feed.xml). The same list is "
        "kept in the project's `CHANGELOG.md`.",
        "",
    ]
    for release in releases:
        parts += [f"## {release.title} {{ #{release.anchor} }}", "", release.body, ""]
    return "\n".join(parts)


def atom_feed(
    releases: list[Release],
    *,
    page_url: str,
    feed_url: str,
    unreleased_date: str,
    render: Callable[[str], str],
) -> str:
    """An Atom 1.0 feed with one entry per release; `render` turns Markdown into HTML."""
    entries = []
    for release in releases:
        day = release.date or unreleased_date
        link = f"{page_url}#{release.anchor}"
        entries.append(
            "  <entry>\n"
            f"    <title>{_text(release.title)}</title>\n"
            f'    <link rel="alternate" type="text/html" href="{_text(link)}"/>\n'
            f"    <id>{_text(link)}</id>\n"
            f"    <updated>{day}T00:00:00Z</updated>\n"
            f'    <content type="html">{_text(render(release.body))}</content>\n'
            "  </entry>\n"
        )
    updated = max([r.date or unreleased_date for r in releases], default=unreleased_date)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "  <title>Generative AI Handbook: what's new</title>\n"
        f'  <link rel="self" type="application/atom+xml" href="{_text(feed_url)}"/>\n'
        f'  <link rel="alternate" type="text/html" href="{_text(page_url)}"/>\n'
        f"  <id>{_text(page_url)}</id>\n"
        f"  <updated>{updated}T00:00:00Z</updated>\n"
        "  <author><name>The Generative AI Handbook contributors</name></author>\n"
        + "".join(entries)
        + "</feed>\n"
    )


def _text(value: str) -> str:
    return html.escape(value, quote=True)


def site_feed(
    releases: list[Release],
    site_url: str | None,
    dated_by: Iterable[str | None],
    render: Callable[[str], str],
) -> str:
    """The site's Atom feed. Links point at the latest release of the published site (mike's
    "latest" alias). Unreleased changes take the first real day of `dated_by` (the last
    commit to CHANGELOG.md, then the build date), else the newest release's."""
    site = (site_url or "https://example.invalid/").rstrip("/") + "/latest/"
    return atom_feed(
        releases,
        page_url=site + url_of(WHATS_NEW_PATH),
        feed_url=site + FEED_PATH,
        unreleased_date=next(
            (day for day in dated_by if day and is_day(day)),
            max((release.date for release in releases), default="1970-01-01"),
        ),
        render=render,
    )
