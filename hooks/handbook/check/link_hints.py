"""Broken links between articles, reported with the source line and the closest real target.

MkDocs' own warning says only "Doc file 'a.md' contains a link 'b.md#x', but ..."; a contributor
then has to find the link and guess the right name. Here every Markdown link to a page or an
anchor is read from the source file (outside code), with its line, and checked once all pages
have rendered (their anchor ids are known then). A broken one is reported as
`docs/a.md:12: link 'scaling-law.md': no such page. Fix: use 'scaling-laws.md'`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from handbook.load.build_errors import Problem, closest
from handbook.load.markdown_scan import code_segments, line_of

# [text](target "title") and ![alt](target); the target ends at whitespace or ')'.
INLINE_LINK = re.compile(r"\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
# [label]: target  (reference-style definitions)
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<target>[^\s>]+)>?", re.M)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class DocLink:
    """A link from one article to a page of the handbook (or to an anchor on it)."""

    line: int
    written: str  # the target as written in the Markdown
    path: str  # the target page's path relative to docs/
    anchor: str  # without '#'; '' for none


def find_doc_links(markdown: str, src_path: str) -> list[DocLink]:
    """Links to .md pages and #anchors in `markdown` (a whole source file), outside code."""
    links = []
    offset = 0
    for is_code, text in code_segments(markdown):
        if not is_code:
            definitions = [  # '^' also matches where a code span ended, mid-line
                match
                for match in REFERENCE_DEFINITION.finditer(text)
                if offset + match.start() == 0 or markdown[offset + match.start() - 1] == "\n"
            ]
            matches = [*INLINE_LINK.finditer(text), *definitions]
            for match in sorted(matches, key=lambda m: m.start()):
                link = _doc_link(match.group("target"), src_path)
                if link is not None:
                    path, anchor = link
                    line = line_of(markdown, offset + match.start("target"))
                    links.append(DocLink(line, match.group("target"), path, anchor))
        offset += len(text)
    return links


def _doc_link(target: str, src_path: str) -> tuple[str, str] | None:
    if SCHEME.match(target) or target.startswith("/"):
        return None  # external, or absolute (MkDocs warns about those itself)
    path, _, anchor = target.partition("#")
    if not path:
        return (src_path, anchor) if anchor else None
    if not path.endswith(".md"):
        return None  # images, downloads: the link checker covers them in the built site
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_path), path))
    return resolved, anchor


def broken_links(
    links: Mapping[str, Sequence[DocLink]],
    anchors: Mapping[str, Iterable[str]],
    headings: Mapping[str, Sequence[tuple[str, str]]],
) -> list[Problem]:
    """A problem for each link whose page or anchor does not exist.

    `links`: source page -> its links; `anchors`: every page -> the ids present on it;
    `headings`: every page -> its (id, title) headings, preferred when suggesting an anchor.
    """
    problems = []
    for src_path, page_links in links.items():
        for link in page_links:
            problem = _problem(src_path, link, anchors, headings)
            if problem is not None:
                problems.append(problem)
    return problems


def _problem(src_path, link, anchors, headings) -> Problem | None:
    file, entry = f"docs/{src_path}", f"link '{link.written}'"
    if link.path not in anchors:
        suggestion = closest_page(link.path, anchors)
        if suggestion:
            relative = posixpath.relpath(suggestion, posixpath.dirname(src_path) or ".")
            fix = f"use '{relative}' (docs/{suggestion}), the closest page"
        else:
            fix = "check the path: it is relative to this file's folder, e.g. '../concepts/x.md'"
        return Problem(file, entry, "", f"no page docs/{link.path}", fix, link.line)
    if not link.anchor or link.anchor in set(anchors[link.path]):
        return None
    page_headings = list(headings.get(link.path, ()))
    titles = dict(page_headings)
    suggestion = closest(link.anchor, titles) or closest(link.anchor, anchors[link.path])
    if suggestion:
        named = f" (the heading '{titles[suggestion]}')" if suggestion in titles else ""
        fix = f"use '#{suggestion}'{named}"
    else:
        listed = ", ".join(f"#{anchor}" for anchor, _ in page_headings[:6]) or "none"
        fix = f"link to one of its headings: {listed}"
    where = "this page" if link.path == src_path else f"docs/{link.path}"
    return Problem(file, entry, "", f"{where} has no anchor '#{link.anchor}'", fix, link.line)


# File names without '.md' (which all share): 'vae' finds 'vaes', 'nowhere' finds nothing.
PAGE_NAME_CUTOFF = 0.7


def _stem(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0]


def closest_page(path: str, pages: Iterable[str]) -> str | None:
    """The page whose file name is closest to `path`'s, preferring the same folder.

    Comparing whole paths would suggest 'index.md' for any typo in a folder, since the folder
    name alone makes them similar.
    """
    by_name: dict[str, list[str]] = {}
    for page in pages:
        by_name.setdefault(_stem(page), []).append(page)
    name = closest(_stem(path), by_name, cutoff=PAGE_NAME_CUTOFF)
    if name is None:
        return None
    folder = posixpath.dirname(path)
    return min(by_name[name], key=lambda page: (posixpath.dirname(page) != folder, page))


def heading_ids(toc: Iterable) -> list[tuple[str, str]]:
    """(id, title) of every heading in a MkDocs table of contents, depth first."""
    found = []
    for item in toc:
        found.append((item.id, item.title))
        found += heading_ids(item.children)
    return found
