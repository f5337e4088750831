"""Repairs of invalid HTML that our upstream packages emit; each one is pinned by a test.

The Nu Html Checker (tests/test_valid_html.py) runs over every built page. What it found, and
where each fix lives:

- mkdocs-glightbox 0.5.3 re-serializes each page's content with selectolax, whose `.html` of a
  fragment is a whole document: `<html><head></head><body>…</body></html>` ended up inside the
  article (a second `<html>` and `<body>` in every page). `unwrap_document` takes the fragment
  back out in on_page_content, which runs after the plugin's.
- Material 9 writes `tabindex=""` on navigation section labels that are not focusable (an empty
  string is not an integer) and `autocomplete="off"` on its two checkbox toggles (autocomplete is
  not allowed on checkboxes). `repair_page` drops both attributes from the finished page: an
  invalid tabindex is ignored by browsers anyway, and Material's scripts reset the toggles on
  every page load, which is what the autocomplete was there to help with.
- Material's table of contents has `<label for="__toc">` even on pages whose navigation has no
  `__toc` checkbox (pages outside the navigation, or with navigation.prune); a label pointing
  at nothing is invalid. `repair_page` turns such a label into a `<span>` with the same class.

Pure string functions over HTML we generate ourselves, so a regular expression suffices: each
pattern matches the exact markup of the template that emits it.
"""

from __future__ import annotations

import re

# selectolax's serialization of a parsed fragment; nothing else in our pipeline writes <html>.
_DOCUMENT_WRAPPER = re.compile(
    r"\A\s*<html>\s*<head>\s*</head>\s*<body>(?P<content>.*)</body>\s*</html>\s*\Z", re.DOTALL
)
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(
    r'<label class="(?P<cls>md-nav__title)" for="__toc">(?P<inner>.*?)</label>', re.DOTALL
)
_TOC_INPUT = re.compile(r'<input\b[^>]*\bid="__toc"')


def unwrap_document(html: str) -> str:
    """The page content without the `<html><head></head><body>` wrapper selectolax adds."""
    match = _DOCUMENT_WRAPPER.match(html)
    return match.group("content") if match else html


def repair_page(html: str) -> str:
    """The finished page with Material's invalid attributes and dangling labels fixed."""
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if not _TOC_INPUT.search(html):
        html = _TOC_LABEL.sub(r'<span class="\g<cls>">\g<inner></span>', html)
    return html
