"""Link the first mention of each glossary term on a page to its glossary entry.

Works on the page's rendered HTML (MkDocs `on_page_content`), because only there is it
certain what is code, a link or a heading; the Markdown source cannot tell an inline code
span inside an admonition from prose without re-implementing the parser.

Matching is one pass over the words of each text node: every word is looked up in a dict
keyed by a name's first token, so the cost per page barely grows with the glossary's size.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from handbook.load.handbook_models import Article, Term
from handbook.load.term_forms import TOKEN, surface_forms, token_matches

# Text inside these elements is never linked.
SKIPPED_ELEMENTS = frozenset(
    {
        "a",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "svg",
        "math",
        "button",
        "textarea",
        "select",
        "option",
        "label",
        "summary",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "sup",
        "abbr",
        "cite",  # titles in reference lists
        "strong",  # bold labels and names ("**Stable Diffusion**", "**Voices.**")
        "b",
        "th",  # table headers and row names
        "caption",
        "figcaption",
    }
)
# Elements with one of these classes are skipped too: admonition titles, and any element an
# author marks with class "hb-no-glossary" (e.g. <span class="hb-no-glossary">...</span>).
# arithmatex: formulas are still LaTeX when terms are linked (typeset later, math_svg.py).
SKIPPED_CLASSES = frozenset({"admonition-title", "hb-no-glossary", "arithmatex"})
HTML_PIECE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass(frozen=True)
class TermIndex:
    """For each first token, the (form, term id) pairs that start with it, longest first."""

    by_first_token: dict[str, list[tuple[tuple[str, ...], str]]]
    terms: dict[str, Term]
    auto_linked: frozenset[str] = frozenset()  # ids of terms whose `link` is true

    def linkable_on(self, article: Article | None) -> frozenset[str]:
        """Ids that may be linked on a page: none on pages that are not articles or that turn
        linking off, else every auto-linked term the article does not skip."""
        if article is None or not article.link_glossary:
            return frozenset()
        return self.auto_linked.difference(article.glossary_skip)

    @classmethod
    def build(cls, terms: Iterable[Term]) -> TermIndex:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        by_id = {}
        for term in terms:
            by_id[term.id] = term
            for name in term.names:
                for form in surface_forms(name):
                    by_first.setdefault(form[0].casefold(), []).append((form, term.id))
        for candidates in by_first.values():
            candidates.sort(key=lambda pair: (-len(pair[0]), pair[1]))
        return cls(by_first, by_id, frozenset(t.id for t in by_id.values() if t.auto_link))


@dataclass
class LinkResult:
    html: str
    mentioned: list[str] = field(default_factory=list)  # term ids in order of first mention


def link_terms(
    page_html: str, index: TermIndex, glossary_href: str, linkable: frozenset[str] | None = None
) -> LinkResult:
    """Return the HTML with first mentions linked and the ids of every term mentioned.

    `linkable`: ids that may be linked on this page (None: every term whose `link` is true).
    """
    mentioned: list[str] = []
    seen: set[str] = set()
    skipping = _SkipTracker()
    out = []
    for piece in HTML_PIECE.split(page_html):
        if not piece:
            continue
        if piece[0] == "<":
            skipping.see(piece)
            out.append(piece)
        elif skipping.active:
            out.append(piece)
        else:
            out.append(_link_text(piece, index, glossary_href, linkable, seen, mentioned))
    return LinkResult("".join(out), mentioned)


class _SkipTracker:
    """Whether the text being read lies inside an element that must not be linked.

    A stack of [tag name, nesting depth]: a skipped element is known by its name or class, and
    is left at the closing tag that matches it, counting nested elements of the same name."""

    def __init__(self) -> None:
        self.stack: list[list] = []

    @property
    def active(self) -> bool:
        return bool(self.stack)

    def see(self, tag: str) -> None:
        match = TAG_NAME.match(tag)
        if not match or tag.startswith("<!--"):
            return
        closing, name = bool(match.group(1)), match.group(2).lower()
        if closing:
            if self.stack and self.stack[-1][0] == name:
                self.stack[-1][1] -= 1
                if not self.stack[-1][1]:
                    self.stack.pop()
            return
        if tag.endswith("/>"):
            return
        if self.stack and self.stack[-1][0] == name:
            self.stack[-1][1] += 1
        elif name in SKIPPED_ELEMENTS or _has_skipped_class(tag):
            self.stack.append([name, 1])


def _has_skipped_class(tag: str) -> bool:
    match = CLASS_ATTR.search(tag)
    if not match:
        return False
    classes = next(group for group in match.groups() if group is not None).split()
    return not SKIPPED_CLASSES.isdisjoint(classes)


def _link_text(
    text: str,
    index: TermIndex,
    glossary_href: str,
    linkable: frozenset[str] | None,
    seen: set[str],
    mentioned: list[str],
) -> str:
    found = list(TOKEN.finditer(text))
    firsts = index.by_first_token
    # Only words that begin some name can begin a mention; most words begin none.
    starts = [i for i, token in enumerate(found) if token.group(0).casefold() in firsts]
    if not starts:
        return text
    out, position, resume = [], 0, 0
    for i in starts:
        if i < resume:  # inside the mention just linked
            continue
        match = _match_at(text, found, i, index)
        if match is None:
            continue
        length, term_id = match
        if term_id not in mentioned:
            mentioned.append(term_id)
        start, end = found[i].start(), found[i + length - 1].end()
        term = index.terms[term_id]
        allowed = term.auto_link if linkable is None else term_id in linkable
        if allowed and term_id not in seen:
            seen.add(term_id)
            out += [text[position:start], _anchor(text[start:end], term, glossary_href)]
            position = end
        else:
            seen.add(term_id)
        resume = i + length
    out.append(text[position:])
    return "".join(out)


def _match_at(
    text: str, found: list[re.Match[str]], i: int, index: TermIndex
) -> tuple[int, str] | None:
    candidates = index.by_first_token.get(found[i].group(0).casefold())
    if not candidates:  # most words start no term name: decide that first, it is one lookup
        return None
    start = found[i].start()
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_&"):
        return None
    for form, term_id in candidates:
        last = i + len(form) - 1
        if last >= len(found) or not _tokens_equal(text, found, i, form):
            continue
        end = found[last].end()
        after = text[end : end + 2]
        if after[:1].isalnum() or after[:1] == "_" or (after[:1] == "-" and after[1:2].isalnum()):
            continue
        return len(form), term_id
    return None


def _tokens_equal(text: str, found: list[re.Match[str]], i: int, form: tuple[str, ...]) -> bool:
    for offset, expected in enumerate(form):
        token = found[i + offset]
        if not token_matches(token.group(0), expected):
            return False
        if offset:
            gap = text[found[i + offset - 1].end() : token.start()]
            both_words = expected[0].isalnum() and form[offset - 1][0].isalnum()
            if (gap.strip() != "") or (both_words and not gap) or (not both_words and gap):
                return False
    return True


def _anchor(label: str, term: Term, glossary_href: str) -> str:
    # The short definition shown on hover, focus or tap is not on the link: all of them are in
    # one script shared by every page (term_tips.py), loaded on the first such gesture.
    return f'<a class="hb-term" href="{html.escape(glossary_href)}#{term.anchor}">{label}</a>'
