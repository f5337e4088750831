"""A page's Markdown twin: the page as assistants read it (llmstxt.org), and what "Copy page as
Markdown" copies.

The twin is the page's Markdown after the render stage expanded it (markers and citations,
article_markdown.py), so tables, numbered citations and the reference list are there, and math
stays LaTeX. Three changes make it stand on its own, alone or inside llms-full.txt:

- every link and image points to an absolute URL of this version of the site (Markdown links
  resolve against the source file's folder, raw HTML links against the page's URL, as MkDocs
  resolves them);
- citation superscripts become plain links to the bibliography, `[[3](…#ref-key)]`, and the
  reference list loses its anchors and back links;
- a line under the title names the page's URL, the release and the licence.

Code spans and blocks are left as they are.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from handbook.load.markdown_scan import code_segments
from handbook.paths import BIBLIOGRAPHY_PATH, url_of

# The target of [text](target "title") and ![alt](target): found from the "](" that starts
# it, since only the target changes (matching the whole label first was the slow part).
MARKDOWN_LINK = re.compile(r"(?<=\])\((?P<target><[^>\n]*>|[^)\s]+)(?P<title>\s+\"[^\"\n]*\")?\)")
HTML_LINK = re.compile(r'(?P<attribute>\b(?:href|src))="(?P<target>[^"]*)"')
CITATION = re.compile(
    r'<sup class="hb-cite">(?:<span id="[^"]*"></span>)*\\\[(?P<links>.*?)\\\]</sup>'
)
CITATION_LINK = re.compile(r'<a(?: id="[^"]*")? href="#cite-(?P<key>[^"]+)">(?P<number>\d+)</a>')
# The page's reference list: the anchors its citations lead to and the links back to the text,
# which mean nothing outside the HTML page.
LIST_ANCHOR = re.compile(r'<span id="cite-[^"]*"></span>| ?<a class="hb-cite-back" [^>]*>[^<]*</a>')
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
LICENCE = "CC BY 4.0"


@dataclass(frozen=True)
class TwinPage:
    src_path: str  # docs-relative source, e.g. "model-families/gans.md"
    url: str  # the page's URL on the web, e.g. "model-families/gans/"
    title: str
    markdown: str  # expanded Markdown, front matter removed


def twin_path(url: str) -> str:
    """Where a page's twin is published, beside the page: 'a/b/' -> 'a/b/index.md', '' ->
    'index.md'; with file URLs (the offline edition) 'a/b.html' -> 'a/b.md'."""
    return url.removesuffix(".html") + ".md" if url.endswith(".html") else f"{url}index.md"


def markdown_twin(page: TwinPage, base_url: str, release: str) -> str:
    """The twin's text. `base_url`: this version of the site, ending in '/'."""
    source_folder = posixpath.dirname(page.src_path)

    def markdown_link(match: re.Match[str]) -> str:
        target = match.group("target").strip("<>")
        absolute = _absolute(target, base_url, page.url, source_folder, from_markdown=True)
        return f"({absolute}{match.group('title') or ''})"

    def html_link(match: re.Match[str]) -> str:
        absolute = _absolute(match.group("target"), base_url, page.url, "", from_markdown=False)
        return f'{match.group("attribute")}="{absolute}"'

    bibliography = f"{base_url}{url_of(BIBLIOGRAPHY_PATH)}"

    def citation(match: re.Match[str]) -> str:
        """Numbers linked to the bibliography's entries: the twin carries no anchors."""
        links = CITATION_LINK.sub(
            lambda link: f"[{link['number']}]({bibliography}#ref-{link['key']})",
            match.group("links"),
        )
        return f"[{links}]"

    def prose(text: str) -> str:
        # Each pattern only where its cheap sign is: most text has few links and citations.
        if "<sup" in text:
            text = CITATION.sub(citation, text)
        if "cite-" in text:
            text = LIST_ANCHOR.sub("", text)
        if "](" in text:
            text = MARKDOWN_LINK.sub(markdown_link, text)
        if "href=" in text or "src=" in text:
            text = HTML_LINK.sub(html_link, text)
        return text

    body = "".join(
        text if is_code else prose(text) for is_code, text in code_segments(page.markdown)
    )
    return _with_header(body.strip(), page.title, f"{base_url}{page.url}", release)


def _absolute(
    target: str, base_url: str, page_url: str, source_folder: str, *, from_markdown: bool
) -> str:
    if not target or EXTERNAL.match(target):
        return target
    path, hash_sign, fragment = target.partition("#")
    if not path:  # '#anchor' on this page
        return f"{base_url}{page_url}#{fragment}"
    if from_markdown:
        joined = posixpath.normpath(posixpath.join(source_folder, path))
        joined = url_of(joined) if joined.endswith(".md") else joined
    else:
        joined = posixpath.normpath(posixpath.join(page_url, path))
        if path.endswith("/") and joined != ".":
            joined += "/"
    joined = "" if joined in (".", "./") else joined
    return f"{base_url}{joined}{hash_sign}{fragment}"


def _with_header(body: str, title: str, url: str, release: str) -> str:
    """The title as the first heading, then where the page lives and under which licence."""
    header = f"> From the Generative AI Handbook, release {release}: <{url}>. Licence: {LICENCE}."
    first, _, rest = body.partition("\n")
    if first.startswith("# "):
        return f"{first}\n\n{header}\n{rest}\n"
    return f"# {title}\n\n{header}\n\n{body}\n"
