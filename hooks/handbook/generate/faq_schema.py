"""FAQPage structured data (schema.org JSON-LD) for pages with `??? faq "Question"` entries.

Search engines read questions and answers from a JSON-LD block in the page head. It is built
from the rendered HTML of the collapsible `details.faq` blocks, so the visible answer and the
structured one can never drift apart.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

FAQ_CLASS = "faq"
# Text in separate blocks must not run together ("Inner" + "Nested" -> "InnerNested").
BLOCK_TAGS = frozenset(
    "p li ul ol summary div br tr td th table blockquote pre h1 h2 h3 h4 h5 h6 details".split()
)


class _FaqCollector(HTMLParser):
    """Collects (question, answer text) from `<details class="faq">` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[tuple[str, str]] = []
        self._depth = 0  # <details> nesting inside the current FAQ entry
        self._in_summary = False
        self._question: list[str] = []
        self._answer: list[str] = []
        self._hidden = 0  # element depth inside typeset math, whose text is its aria-label

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._depth and not self._hidden and tag in BLOCK_TAGS:
            self._text(" ")
        if tag == "details":
            classes = (dict(attrs).get("class") or "").split()
            if self._depth or FAQ_CLASS in classes:
                self._depth += 1
            return
        if not self._depth:
            return
        if self._hidden:
            self._hidden += 1
        elif dict(attrs).get("role") == "math":
            self._text(f" {dict(attrs).get('aria-label') or ''} ")
            self._hidden = 1
        elif tag == "summary" and self._depth == 1:
            self._in_summary = True

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        if not self._hidden and tag in BLOCK_TAGS and tag != "summary":
            self._text(" ")
        if self._hidden:
            self._hidden -= 1
        elif tag == "summary":
            self._in_summary = False
        elif tag == "details":
            self._depth -= 1
            if not self._depth:
                self.entries.append((_squash(self._question), _squash(self._answer)))
                self._question, self._answer = [], []

    def handle_data(self, data: str) -> None:
        if self._depth and not self._hidden:
            self._text(data)

    def _text(self, text: str) -> None:
        (self._question if self._in_summary else self._answer).append(text)


def _squash(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def faq_entries(page_html: str) -> list[tuple[str, str]]:
    collector = _FaqCollector()
    collector.feed(page_html)
    collector.close()
    return [(question, answer) for question, answer in collector.entries if question and answer]


def faq_structured_data(page_html: str) -> str | None:
    """The JSON-LD text for a page's FAQ entries, or None if it has none.

    `<` is written as \\u003c so no answer can close the surrounding <script> element."""
    if f'class="{FAQ_CLASS}' not in page_html:  # most pages: skip parsing the HTML at all
        return None
    entries = faq_entries(page_html)
    if not entries:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
