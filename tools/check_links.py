"""Check a built site: internal links, #anchors, images, reachability and third-party loads.

MkDocs validates Markdown links, but not ids added after rendering (glossary terms, table
sources, tag chips) nor anything in templates, so this checker reads the final HTML.
Works for both URL shapes: `page/` (web build) and `page.html` (offline build).

    python tools/check_links.py site [--root-path /handbook/] [--list-external]
        [--release-url https://example.org/handbook/1.0/]

The text files published for assistants (each page's Markdown twin, llms.txt, llms-full.txt)
are checked too: every address of the site's release in them must be a built file, and its
#anchor an id on that page. The release's address is --release-url, or else the one llms.txt
gives for the home page's twin.

Parses with selectolax (a C HTML parser, installed with mkdocs-glightbox) because it is about
20x faster than BeautifulSoup, which keeps checking a few thousand pages to seconds.
"""

from __future__ import annotations

import argparse
import functools
import posixpath
import re
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

# Pages a reader never reaches by links, by design.
UNLINKED_PAGES = frozenset({"404.html"})
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# <link rel=...> values that make the browser fetch the URL (canonical/alternate do not).
LOADING_RELS = frozenset(
    {
        "stylesheet",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "preload",
        "prefetch",
        "modulepreload",
        "manifest",
        "preconnect",
        "dns-prefetch",
    }
)
# Material's search "share" button is an inert javascript: link that its script takes over.
INERT_SCRIPT_LINK = "javascript:void(0)"


@dataclass(frozen=True)
class LinkProblem:
    page: str
    kind: str  # broken-link | broken-anchor | missing-image | missing-alt | orphan | ...
    target: str
    detail: str

    def render(self) -> str:
        return f"{self.page}: {self.kind} {self.target!r}: {self.detail}"


@dataclass
class PageFacts:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)
    problems: list[LinkProblem] = field(default_factory=list)
    redirect: bool = False  # a page left at a moved page's old address: nothing links to it


@dataclass
class Report:
    pages: int
    problems: list[LinkProblem]
    external_links: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def read_page(relative: str, html: str) -> PageFacts:
    tree = HTMLParser(html)
    facts = PageFacts()
    seen_ids: set[str] = set()
    for node in tree.css("[id]"):
        node_id = node.attributes.get("id") or ""
        if node_id in seen_ids:
            facts.problems.append(
                LinkProblem(
                    relative,
                    "duplicate-id",
                    f"#{node_id}",
                    "two elements share this id; links to it are ambiguous",
                )
            )
        seen_ids.add(node_id)
    facts.ids = seen_ids | {node.attributes.get("name") or "" for node in tree.css("a[name]")}
    facts.redirect = bool(tree.css_first('meta[http-equiv="refresh"]'))
    for node in tree.css("a[href], area[href]"):
        facts.links.append((node.tag, node.attributes.get("href") or ""))
    for node in tree.css("link[href]"):
        # canonical/alternate name the page's own public address; only loads are checked
        if set((node.attributes.get("rel") or "").lower().split()) & LOADING_RELS:
            facts.links.append(("link", node.attributes.get("href") or ""))
    for node in tree.css("img, script[src], iframe[src], source[src], video[src], audio[src]"):
        src = node.attributes.get("src")
        if src is not None:
            facts.links.append((node.tag, src))
        if (
            node.tag == "img"
            and not (node.attributes.get("alt") or "").strip()
            and node.attributes.get("role") != "presentation"
        ):
            facts.problems.append(
                LinkProblem(relative, "missing-alt", src or "", "image has no alt text")
            )
    return facts


def check_site(
    site_dir: Path,
    root_path: str = "/",
    check_orphans: bool = True,
    siblings: tuple[str, ...] = (),
    release_url: str = "",
) -> Report:
    """`siblings`: folders beside the site that links may enter unchecked (with mike, other
    versions such as 'latest' live next to the one being checked). `release_url`: the site's
    address in this release; given it, the published text files are checked too."""
    site_dir = site_dir.resolve()
    # Every file once, up front: a set lookup per link instead of a stat() per link.
    files = frozenset(
        path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()
    )
    pages = {
        path.relative_to(site_dir).as_posix(): read_page(
            path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8")
        )
        for path in sorted(site_dir.rglob("*.html"))
    }
    problems = [problem for facts in pages.values() for problem in facts.problems]
    external: set[str] = set()
    linked_pages: dict[str, set[str]] = {page: set() for page in pages}
    for page, facts in pages.items():
        for tag, url in facts.links:
            problem, target = _check_url(
                files, pages, page, tag, url, root_path, external, siblings
            )
            if problem:
                problems.append(problem)
            elif target in pages and tag == "a":
                linked_pages[page].add(target)
    if release_url:
        for path in sorted([*site_dir.rglob("*.md"), *site_dir.rglob("*.txt")]):
            text_file = path.relative_to(site_dir).as_posix()
            for url in sorted(set(RELEASE_ADDRESS.findall(path.read_text(encoding="utf-8")))):
                if url.startswith(release_url):
                    local = root_path + url[len(release_url) :]
                    problem, _ = _check_url(
                        files, pages, text_file, "a", local, root_path, external
                    )
                    if problem:
                        problems.append(LinkProblem(text_file, problem.kind, url, problem.detail))
    if check_orphans:
        problems += _orphans(pages, linked_pages)
    return Report(len(pages), problems, sorted(external))


# An address in a Markdown or text file: up to whitespace, a closing bracket or a quote.
RELEASE_ADDRESS = re.compile(r"https?://[^\s()<>\"']+")


def _check_url(
    files: frozenset[str],
    pages: dict[str, PageFacts],
    page: str,
    tag: str,
    url: str,
    root_path: str,
    external: set[str],
    siblings: tuple[str, ...] = (),
) -> tuple[LinkProblem | None, str | None]:
    url = url.strip()
    if url == INERT_SCRIPT_LINK:
        return None, None
    parts = _split(url)
    if parts.scheme or url.startswith("//"):
        if parts.scheme in ("javascript", "data") or (tag not in ("a", "area") and parts.scheme):
            return LinkProblem(
                page,
                "third-party" if tag != "a" else "unsafe-link",
                url,
                f"<{tag}> must not load or run this from a built page",
            ), None
        if parts.scheme not in EXTERNAL_SCHEMES or (
            parts.scheme.startswith("http") and not parts.netloc
        ):
            return LinkProblem(
                page, "malformed-external", url, "not a well-formed web address"
            ), None
        if " " in url:
            return LinkProblem(page, "malformed-external", url, "contains a space"), None
        external.add(url)
        return None, None
    if not parts.path:  # same-page fragment
        target = page
    else:
        path = unquote(parts.path)
        if path.startswith("/"):
            if not path.startswith(root_path):
                return LinkProblem(
                    page, "broken-link", url, f"absolute path outside {root_path}"
                ), None
            resolved = path[len(root_path) :]
        else:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if any(
            resolved == f"../{sibling}" or resolved.startswith(f"../{sibling}/")
            for sibling in siblings
        ):
            return None, None
        if resolved.startswith("../") or resolved == "..":
            return LinkProblem(page, "broken-link", url, "points outside the site"), None
        target = _existing_target(files, resolved, path.endswith("/"))
        if target is None:
            kind = "missing-image" if tag == "img" else "broken-link"
            return LinkProblem(page, kind, url, f"no built file at {resolved}"), None
    if parts.fragment and target in pages:
        fragment = unquote(parts.fragment)
        if fragment not in pages[target].ids:
            return LinkProblem(page, "broken-anchor", url, f"no id '{fragment}' on {target}"), None
    return None, target


@functools.lru_cache(maxsize=65536)
def _split(url: str):
    """urlsplit, remembered: the same navigation links appear on every page."""
    return urlsplit(url)


def _existing_target(files: frozenset[str], resolved: str, is_dir: bool) -> str | None:
    resolved = "" if resolved == "." else resolved
    if not is_dir and resolved in files:
        return resolved
    index = posixpath.join(resolved, "index.html") if resolved else "index.html"
    return index if index in files else None


def _orphans(pages: dict[str, PageFacts], linked: dict[str, set[str]]) -> list[LinkProblem]:
    start = "index.html"
    if start not in pages:
        return [LinkProblem(start, "orphan", start, "the site has no home page")]
    reached, queue = {start}, deque([start])
    while queue:
        for target in linked[queue.popleft()] - reached:
            reached.add(target)
            queue.append(target)
    return [
        LinkProblem(page, "orphan", page, "no navigation entry or link leads to this page")
        for page in pages
        if page not in reached and page not in UNLINKED_PAGES and not pages[page].redirect
    ]


def release_url_of(site: Path) -> str:
    """The release address llms.txt uses: its first entry is the home page's twin, 'URL/index.md'
    ('' when the site has no llms.txt)."""
    llms = site / "llms.txt"
    if not llms.exists():
        return ""
    first = re.search(r"^- \[[^\]]*\]\((\S+?)index\.md\)", llms.read_text(encoding="utf-8"), re.M)
    return first.group(1) if first else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--root-path", default="/", help="URL path the site is served under")
    parser.add_argument("--list-external", action="store_true", help="print every external link")
    parser.add_argument("--release-url", default="", help="check the text files' links to it")
    parser.add_argument(
        "--sibling",
        action="append",
        default=[],
        help="a version folder beside the site that links may point into (mike)",
    )
    args = parser.parse_args(argv)
    report = check_site(
        args.site,
        root_path=args.root_path,
        siblings=tuple(args.sibling),
        release_url=args.release_url or release_url_of(args.site),
    )
    if args.list_external:
        print("\n".join(report.external_links))
    for problem in report.problems:
        print(problem.render(), file=sys.stderr)
    print(
        f"{report.pages} pages, {len(report.external_links)} external links, "
        f"{len(report.problems)} problems",
        file=sys.stderr,
    )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
