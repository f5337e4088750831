"""How to cite a page: the "Cite this page" box (a formatted citation and BibTeX) and the
Highwire `citation_*` meta tags that Google Scholar and reference managers read.

A page is cited as a versioned document: its authors are the handbook's contributors, its date
the release's build date, its URL the page in that release (site_url/RELEASE/page/), which
never changes once published.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.generate.bibtex import bibtex_entry

AUTHORS = "The Generative AI Handbook contributors"


@dataclass(frozen=True)
class PageCitation:
    text: str  # one line, plain text
    bibtex: str
    meta: tuple[tuple[str, str], ...]  # (name, content) of each <meta name="citation_*">


def bibtex_key(src_path: str) -> str:
    """'model-families/gans.md' -> 'genaihandbook-model-families-gans'."""
    return "genaihandbook-" + src_path.removesuffix(".md").replace("/", "-")


def page_citation(
    *, src_path: str, title: str, url: str, site_name: str, release: str, date: str
) -> PageCitation:
    """`url`: the page in this release; `date`: YYYY-MM-DD, or anything else when the build
    does not know its date (then the citation says "n.d.", as citation styles do)."""
    dated = len(date) == 10 and date[:4].isdigit()
    year = date[:4] if dated else "n.d."
    released = f"release {release} ({date})" if dated else f"release {release}"
    text = f"{AUTHORS} ({year}). {title}. In {site_name}, {released}. {url}"
    bibtex = bibtex_entry(
        "misc",
        bibtex_key(src_path),
        [
            ("author", AUTHORS, "group"),
            ("title", title, "title"),
            ("howpublished", f"{site_name}, release {release}", "text"),
            *([("year", year, "text"), ("date", date, "text")] if dated else []),
            ("url", url, "raw"),
        ],
    )
    meta = (
        ("citation_title", title),
        ("citation_author", AUTHORS),
        *([("citation_publication_date", date.replace("-", "/"))] if dated else []),
        ("citation_public_url", url),
    )
    return PageCitation(text, bibtex, meta)
