"""Material's main stylesheet cut down to the classes the handbook's pages and scripts use.

Material ships one main.css for every feature it has (blog, tabs, annotations, cards, social
buttons...): 137 KB, 23 KB gzipped, on every first visit, a quarter of the article budget. A
rule is dropped when one of its selectors' classes appears nowhere in the built pages and
nowhere in the site's scripts. Scripts count as words, not as parsed class lists: any word of
Material's bundle (or ours) that could be a class name keeps its rules, so classes that
scripts add later (search results, tooltips, the copy button) are kept. A class a script builds
from a template (`md-source__fact--${kind}`) keeps every class with that prefix.

What a selector names inside parentheses (`:not(.a)`, `:is(.a, .b)`) and in attribute
selectors never removes it: those can match without the class. The file keeps its name, as
the palette's does (palette_css.py); mike publishes each version under its own path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from handbook.render.css_rules import css_subset

# Pages reach the hook before minification, so every class attribute is double-quoted; a
# pattern that starts with its literal text is about ten times faster on long pages.
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
WORD = re.compile(r"[A-Za-z_][\w-]*")
TEMPLATE_PREFIX = re.compile(r"([A-Za-z_][\w-]*)\$\{")  # `md-tag--${name}`
SELECTOR_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
# A declaration `--name: value;` (or the last one before `}`). Material's minified data URLs
# hold no `;` or `}` outside url(...), which is matched whole.
CUSTOM_PROPERTY = re.compile(r"(?<=[{;])(?P<name>--[\w-]+):(?:url\([^)]*\)|[^;}])*;?")
CUSTOM_PROPERTY_READ = re.compile(r"var\((--[\w-]+)")
CUSTOM_PROPERTY_NAME = re.compile(r"--[\w-]+")
_BRACKETED = re.compile(r"\[[^\[\]]*\]|\([^()]*\)|\"[^\"]*\"|'[^']*'")


@dataclass(frozen=True)
class UsedClasses:
    names: frozenset[str]
    prefixes: tuple[str, ...]

    def __contains__(self, name: str) -> bool:
        return name in self.names or name.startswith(self.prefixes)


def class_values(page: str) -> list[str]:
    """The values of a page's class attributes, as written ("md-nav md-nav--primary")."""
    return CLASS_ATTRIBUTE.findall(page)


def used_classes(values: Iterable[str], scripts: Iterable[str]) -> UsedClasses:
    """Class names in the pages' class attribute `values` (class_values), and every word of
    the scripts."""
    names: set[str] = set()
    for value in set(values):
        names.update(value.split())
    prefixes: set[str] = set()
    for script in scripts:
        names.update(WORD.findall(script))
        prefixes.update(TEMPLATE_PREFIX.findall(script))
    return UsedClasses(frozenset(names), tuple(sorted(prefixes)))


def selector_classes(selector: str) -> list[str]:
    """The classes a selector requires: those outside parentheses, brackets and strings."""
    while True:
        inner = _BRACKETED.sub(" ", selector)
        if inner == selector:
            break
        selector = inner
    return SELECTOR_CLASS.findall(selector)


def theme_subset(css: str, used: UsedClasses, *, elsewhere: str = "") -> str:
    """`css` without the selectors that need a class nothing uses, then without the custom
    properties (Material's icons are data URLs in them) that nothing reads any more: neither
    this CSS, nor `elsewhere` (the site's other stylesheets and scripts)."""
    kept = css_subset(
        css, lambda selector: all(name in used for name in selector_classes(selector))
    )
    read = set(CUSTOM_PROPERTY_READ.findall(kept)) | set(CUSTOM_PROPERTY_NAME.findall(elsewhere))
    return CUSTOM_PROPERTY.sub(lambda match: match.group(0) if match["name"] in read else "", kept)
