"""Derivations, exercises, self-check answers and program listings: in the page collapsed,
loaded when a reader opens them.

Most readers skip them, and they are the heaviest part of a model-family page (a derivation's
math or a highlighted program weighs more than the prose around it). So the body of every
`??? derivation`, `??? exercise`, `??? solution`, `??? question` and `??? program`
(pymdownx.details: `<details class="derivation">`) leaves the page's HTML for one script beside
it, `index.details.js` (`NAME.details.js` in the offline edition, whose pages are `NAME.html`).
On the first opening, handbook.js loads collapsed-bodies.js, which loads that script and puts
the body back. A script, not a fetch, because file:// refuses fetch. The glyph outlines
only those bodies use leave the page's math sprite with them (math_svg.py).

Without JavaScript the summary still opens, on a line linking the page's Markdown twin
(render/markdown_twin.py), which has the full text.

Search leaves out derivations, exercises and programs (`unsearched`, run before Material reads
the page): ranking normalises by length, and these long blocks of symbols and code pushed the
pages that answer plain questions down ("mode collapse" put GANs fourth). What the page says
in view, the self-check answers included, is indexed as before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from handbook.render.math_svg import GLYPH_SYMBOL, SPRITE_CLASS

# The kinds of collapsed block whose body loads on opening, and what the placeholder calls it.
DEFERRED_KINDS = {
    "derivation": "derivation",
    "exercise": "exercise",  # its solution, nested inside, comes with it
    "solution": "solution",
    "question": "answer",  # the self-checks
    "program": "program",  # render/program_listing.py
}
_OPENING = re.compile(
    r'<details class="(?P<kind>' + "|".join(DEFERRED_KINDS) + r')"(?P<attrs>[^>]*)>\s*'
    r"<summary>(?P<summary>.*?)</summary>",
    re.DOTALL,
)
_DETAILS_TAG = re.compile(r"<(/?)details\b")
_SLOT = "\x00hb-deferred-{}\x00"  # where a placeholder goes, until the anchors it keeps are known
_ID = re.compile(r'\sid="([^"]+)"')
_FRAGMENT_LINK = re.compile(r'href="#([^"]+)"')
_GLYPH_USE = re.compile(r'xlink:href="#(?P<id>[^"]+)"')
# The script assigns the bodies to the address it was loaded from (collapsed-bodies.js reads
# them there); written by defer_details, read back by read_script.
SCRIPT_PREFIX = "(window.hbDeferred = window.hbDeferred || {})[document.currentScript.src] = "
_PLACEHOLDER = re.compile(r'<p class="hb-deferred" data-hb-part="(?P<index>\d+)">.*?</a></p>', re.S)
_SPRITE = re.compile(rf'<svg class="{SPRITE_CLASS}"[^>]*><defs>(?P<symbols>.*?)</defs></svg>', re.S)


UNSEARCHED_KINDS = ("derivation", "exercise", "solution", "program")
_UNSEARCHED = re.compile(r'<details class="(?:' + "|".join(UNSEARCHED_KINDS) + r')"')


def unsearched(page_html: str) -> str:
    """The page with its derivations, exercises and programs marked for Material's search to
    skip (data-search-exclude)."""
    return _UNSEARCHED.sub(lambda match: match.group(0) + " data-search-exclude", page_html)


@dataclass(frozen=True)
class DeferredPage:
    html: str  # the page, each deferred body replaced by a placeholder
    script: str | None  # the script with the bodies (None: the page has none)
    parts: tuple[str, ...] = ()  # the bodies, as HTML


def script_name(page_file: str) -> str:
    """The script's name beside a page written at `page_file`: 'index.html' ->
    'index.details.js', 'gans.html' (offline) -> 'gans.details.js'; handbook.js derives it
    from the page's address the same way."""
    return f"{PurePosixPath(page_file).stem}.details.js"


def defer_details(page_html: str, twin_name: str) -> DeferredPage:
    """Move the bodies of the page's collapsed derivations, exercises, answers and programs
    into their script. `twin_name`: the page's Markdown twin, beside it (markdown_twin.py),
    which the placeholders link for readers without JavaScript."""
    if "<details class=" not in page_html:  # most pages: nothing to look at
        return DeferredPage(page_html, None)
    parts: list[str] = []
    kinds: list[str] = []
    pieces: list[str] = []
    position = 0
    for opening in _OPENING.finditer(page_html):
        if opening.start() < position:  # inside a body already moved (a nested one)
            continue
        closing = _closing_tag(page_html, opening.end())
        pieces += [page_html[position : opening.end()], _SLOT.format(len(parts))]
        parts.append(page_html[opening.end() : closing].strip())
        kinds.append(DEFERRED_KINDS[opening["kind"]])
        position = closing
    if not parts:
        return DeferredPage(page_html, None)
    pieces.append(page_html[position:])
    page = "".join(pieces)
    # An id the rest of the page links to (a citation's back link, "#cite-back-key") keeps a
    # target in the placeholder, so the link lands on the collapsed block; browsers open a
    # <details> that a fragment points into, and opening it loads the body.
    linked = set(_FRAGMENT_LINK.findall(page))
    for index, part in enumerate(parts):
        anchors = [name for name in _ID.findall(part) if name in linked]
        page = page.replace(
            _SLOT.format(index), _placeholder(index, twin_name, kinds[index], anchors), 1
        )
    page, glyphs = _move_glyphs(page, parts)
    payload = json.dumps({"glyphs": glyphs, "parts": parts}, separators=(",", ":"))
    return DeferredPage(page, f"{SCRIPT_PREFIX}{payload};\n", tuple(parts))


def read_script(script: str) -> dict:
    """What a page's script holds: {"glyphs": the moved glyph symbols, "parts": the bodies}."""
    if not script.startswith(SCRIPT_PREFIX):
        raise ValueError("not a script of collapsed bodies (deferred_details.defer_details)")
    return json.loads(script[len(SCRIPT_PREFIX) :].rstrip().rstrip(";"))


def restored(page_html: str, script: str) -> str:
    """The page as a reader sees it after opening every collapsed block: each placeholder
    replaced by its body, the moved glyphs back in the sprite (appended, as the browser does).
    The inverse of defer_details, for comparing pages (tests/test_zensical.py)."""
    loaded = read_script(script)
    page = _PLACEHOLDER.sub(lambda match: loaded["parts"][int(match["index"])], page_html)
    if not loaded["glyphs"]:
        return page
    sprite = _SPRITE.search(page)
    return page[: sprite.end("symbols")] + loaded["glyphs"] + page[sprite.end("symbols") :]


def _closing_tag(page_html: str, start: int) -> int:
    depth = 1
    for tag in _DETAILS_TAG.finditer(page_html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    raise ValueError("a <details> element is not closed")


def _placeholder(index: int, twin_name: str, kind: str, anchors: list[str]) -> str:
    # data-hb-part: which body replaces this line once the script is in (collapsed-bodies.js).
    # Without JavaScript the line stays, pointing to the Markdown twin.
    targets = "".join(f'<span id="{name}"></span>' for name in anchors)
    return (
        f'<p class="hb-deferred" data-hb-part="{index}">{targets}'
        f'<a href="{twin_name}">Read this {kind} in the page as Markdown</a></p>'
    )


def _move_glyphs(page_html: str, parts: list[str]) -> tuple[str, str]:
    """Take out of the page's sprite the glyphs only the moved bodies use; return them."""
    sprite = _SPRITE.search(page_html)
    if not sprite:
        return page_html, ""
    in_parts = {use["id"] for part in parts for use in _GLYPH_USE.finditer(part)}
    still_used = {use["id"] for use in _GLYPH_USE.finditer(page_html)}
    leaving = in_parts - still_used
    kept, moved = [], []
    for symbol in GLYPH_SYMBOL.finditer(sprite["symbols"]):
        (moved if symbol["id"] in leaving else kept).append(symbol.group(0))
    if not moved:
        return page_html, ""
    symbols_start, symbols_end = sprite.span("symbols")
    page = page_html[:symbols_start] + "".join(kept) + page_html[symbols_end:]
    return page, "".join(moved)
