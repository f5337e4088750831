"""Typeset LaTeX math at build time as inline SVG (ziamath, with its bundled STIX Two Math font).

pymdownx.arithmatex (generic mode) marks math as `<span class="arithmatex">\\(...\\)</span>` and
`<div class="arithmatex">\\[...\\]</div>`; this module swaps each for an SVG. The result needs
no script, font or network at run time, prints sharply, takes the text colour (light and dark
schemes) and carries the LaTeX source as its accessible name.

Each glyph's outline is written once per page, in a hidden sprite of `<symbol>`s at the top of
the content, and every formula places glyphs with `<use>`. Why: a page with forty formulas
otherwise repeats the same x, t and parentheses hundreds of times (a diffusion article went
from 412 KB to about a third of that). Outlines are rewritten in relative commands
(svg_path_compact.py) and glyph ids shortened per page, which roughly halves the sprite again.
"""

from __future__ import annotations

import hashlib
import html
import multiprocessing
import os
import re
import sys
import warnings
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import metadata
from pathlib import Path

from handbook.render.render_cache import RenderCache, source_digest
from handbook.render.svg_path_compact import compact_path

MATH_SPAN = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.DOTALL,
)
_SIZE_PX = 16.0  # ziamath's layout size; lengths are then converted to em to follow the text
_SVG_OPEN = re.compile(r"<svg (?P<attrs>[^>]*)>")
_NAMESPACE_ATTR = re.compile(r'\bxmlns(?::\w+)?="[^"]*"')
_NUMBER_ATTR = re.compile(r'\b(width|height)="(?P<value>[\d.]+)(?:px)?"')
_VIEWBOX = re.compile(r'viewBox="(?P<x>[-\d.]+) (?P<y>[-\d.]+) (?P<w>[-\d.]+) (?P<h>[-\d.]+)"')

# A symbol is empty and self-closing for glyphs with no outline (spaces), else has content.
GLYPH_SYMBOL = re.compile(
    r'<symbol id="(?P<id>[^"]+)"(?P<rest>[^>]*?/>|[^>]*>.*?</symbol>)', re.DOTALL
)
SPRITE_CLASS = "hb-math-glyphs"
_USE_FILL = re.compile(r'(?<=<use )([^>]*?) fill="(?:black|#000000)"')
_PATH_DATA = re.compile(r'(?<= d=")[^"]*(?=")')
_GLYPH_REF = re.compile(
    r'(?<=xlink:href="#)hb-g-[0-9a-f]{12}(?=")|(?<=<symbol id=")hb-g-[0-9a-f]{12}(?=")'
)


@lru_cache(maxsize=1)
def load_ziamath():
    """ziamath, configured; imported on the first formula (a tenth of a second, and most
    pages have none)."""
    with warnings.catch_warnings():
        # ziamath 0.13 reads its font through the deprecated importlib.resources.path API.
        warnings.simplefilter("ignore", DeprecationWarning)
        import ziamath
    ziamath.config.svg2 = True  # glyphs as <symbol> + <use>, so a page can share them
    ziamath.config.precision = 1  # 0.1 px at 16 px text: invisible even when printed
    if metadata.version("ziamath") == ZIAMATH_PATCHED:
        faster_layout(True)
    return ziamath


# Three shortcuts in ziamath 0.13's layout, with byte-identical output (checked on every
# formula of the handbook, and by tests/test_math_svg.py on a set that exercises them). They
# more than halve the time of a cold build's typesetting, which the derivations of issue 16
# had nearly doubled (1,249 distinct formulas: 21.7 s before, 9.7 s after, on one core).
# - Every <mrow> lays out its children twice: once without stretchy operators, to learn how
#   tall a stretched \left( must be, then for real; nested rows repeat it at every depth.
#   The first pass only matters if the row holds a stretchy operator, so without one it is
#   skipped: its result (rowymin, rowymax) is read by stretchy operators alone.
# - A style inherits its parent's fields through a ChainMap over dataclasses.asdict, a deep
#   copy made for every node; the fields read from it are scalars, so one merged dict of the
#   parent's fields and the element's attributes gives the same style.
# - Mnode.size_px rebuilds a table of named spaces on every call (tens of thousands per page)
#   and depends only on the size asked for and the font size: its answers are remembered.
# Applied only to the pinned version: another ziamath gets its own code, unpatched.
ZIAMATH_PATCHED = "0.13"
_UNPATCHED: dict[str, object] = {}


def faster_layout(enabled: bool) -> None:
    from ziamath import styles
    from ziamath.nodes import mnode, mrow

    if not _UNPATCHED:
        _UNPATCHED.update(
            height=mrow.Mrow._get_height_nostretch,
            asdict=styles.asdict,
            chain=styles.ChainMap,
            size_px=mnode.Mnode.size_px,
        )
    if not enabled:
        mrow.Mrow._get_height_nostretch = _UNPATCHED["height"]
        styles.asdict = _UNPATCHED["asdict"]
        styles.ChainMap = _UNPATCHED["chain"]
        mnode.Mnode.size_px = _UNPATCHED["size_px"]
        return
    full_pass, computed_size = _UNPATCHED["height"], _UNPATCHED["size_px"]
    sizes: dict[tuple[str, float], float] = {}

    def size_px(self, size, fontsize=None):
        key = (size, self.glyphsize if fontsize is None else fontsize)
        if key not in sizes:
            sizes[key] = computed_size(self, size, fontsize)
        return sizes[key]

    def height_without_stretch(self, line, **kwargs):
        if not any(_stretchy(mo) for child in line for mo in child.iter("mo")):
            return 0.0, 0.0  # read by no one: no operator below this row stretches
        return full_pass(self, line, **kwargs)

    mrow.Mrow._get_height_nostretch = height_without_stretch
    # parse_style reads ChainMap(element.attrib, asdict(parent)): one merged dict, with the
    # element's own attributes winning as in the chain, answers every lookup the same.
    styles.asdict = vars
    styles.ChainMap = lambda own, inherited: {**inherited, **own}
    mnode.Mnode.size_px = size_px


def _stretchy(operator) -> bool:
    """Whether an <mo> may stretch, in any form (ziamath decides the form later)."""
    from ziamath import operators
    from ziamath.nodes.nodetools import elementtext

    given = operator.get("stretchy")
    if given is not None:
        return given != "false"
    text = elementtext(operator)
    return any(
        operators.get_params(text, form).get("stretchy", "false") != "false"
        for form in ("prefix", "infix", "postfix")
    )


class MathError(ValueError):
    """LaTeX that ziamath cannot typeset; the message names the formula."""


@dataclass(frozen=True)
class Formula:
    html: str  # the labelled SVG, placing glyphs with <use href="#hb-g-...">
    glyphs: tuple[tuple[str, str], ...]  # (symbol id, <symbol> markup) it refers to


def typeset_math(page_html: str) -> str:
    """Replace every arithmatex span/div in the page with an SVG rendering, and put the
    glyphs they use, once each, in a hidden sprite at the start of the page."""
    glyphs: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        display = match.group("block") is not None
        latex = html.unescape(match.group("block") if display else match.group("inline")).strip()
        formula = typeset_formula(latex, display)
        glyphs.update(formula.glyphs)
        return formula.html

    page_html = MATH_SPAN.sub(replace, page_html)
    if not glyphs:
        return page_html
    symbols = "".join(glyphs[glyph_id] for glyph_id in sorted(glyphs))
    sprite = f'<svg class="{SPRITE_CLASS}" aria-hidden="true"><defs>{symbols}</defs></svg>'
    return _short_glyph_ids(sprite + page_html, sorted(glyphs))


def _short_glyph_ids(page_html: str, glyph_ids: list[str]) -> str:
    """Rename the page's glyphs hb-g0, hb-g1, ...: the content hashes keep glyphs apart while
    formulas are typeset (and cached) one by one, but on the page a short id does that, and
    twelve random hex digits per <use> are bytes gzip cannot shrink."""
    short = {glyph_id: f"hb-g{number:x}" for number, glyph_id in enumerate(glyph_ids)}
    return _GLYPH_REF.sub(lambda match: short[match.group(0)], page_html)


_disk: RenderCache | None = None


def use_disk_cache(folder: Path | None) -> None:
    """Keep typeset formulas in `folder` (render_cache.py) across builds; None: in memory only.
    The key covers ziamath's and ziafont's versions, this module's and svg_path_compact's
    source, the size and precision, the LaTeX and the display mode."""
    global _disk
    if folder is None:
        _disk = None
        return
    if _disk is not None and _disk.folder == folder / "math":
        return  # `serve` calls this on every rebuild: keep the formulas already in memory
    here = Path(__file__).resolve().parent
    version = " ".join(
        [
            "math-svg",
            f"ziamath {metadata.version('ziamath')}",
            f"ziafont {metadata.version('ziafont')}",
            source_digest(here / "math_svg.py", here / "svg_path_compact.py"),
            f"size {_SIZE_PX}",
        ]
    )
    _disk = RenderCache(folder / "math", version)
    _memory.clear()


def disk_cache_stats() -> tuple[int, int]:
    """(hits, misses) of the disk cache in this process."""
    return (_disk.hits, _disk.misses) if _disk else (0, 0)


# Formulas typeset (or read from disk) in this process: `serve` keeps them between rebuilds.
_memory: dict[tuple[str, bool], Formula] = {}


def typeset_formula(latex: str, display: bool) -> Formula:
    """One formula, from memory or from the disk cache when an equal one was typeset before."""
    key = (latex, display)
    formula = _memory.get(key) or _from_disk(latex, display)
    if formula is None:
        formula = _typeset(latex, display)
        _to_disk(latex, display, formula)
    _memory[key] = formula
    return formula


def _disk_key(latex: str, display: bool, disk: RenderCache | None = None) -> str:
    return (disk or _disk).key(latex, "display" if display else "inline")


def _from_disk(latex: str, display: bool) -> Formula | None:
    if _disk is None:
        return None
    cached = _disk.get(_disk_key(latex, display), valid=_is_formula_entry)
    if cached is None:
        return None
    return Formula(cached["html"], tuple(tuple(glyph) for glyph in cached["glyphs"]))


def _to_disk(latex: str, display: bool, formula: Formula, disk: RenderCache | None = None) -> None:
    """Keep `formula` in the disk cache: this process's (`_disk`), or a worker's `disk`."""
    disk = disk or _disk
    if disk is not None:
        entry = {"html": formula.html, "glyphs": [list(glyph) for glyph in formula.glyphs]}
        disk.put(_disk_key(latex, display, disk), entry)


# Typesetting ahead, in parallel. A cold build has hundreds of formulas to typeset (about
# 15 ms each) while the rest of the build has pages to render: formulas are handed to worker
# processes as pages are read (queue_formulas), and collected before pages are written
# (finish_typesetting). A handful (a live rebuild after an edit) is typeset in place: starting
# workers costs more than that.
PARALLEL_FROM = 24  # formulas still to typeset before worker processes start
_pending: dict[tuple[str, bool], None] = {}  # an ordered set
_futures: dict[tuple[str, bool], Future] = {}
_pool: ProcessPoolExecutor | None = None


def formulas_in(page_html: str) -> set[tuple[str, bool]]:
    """(LaTeX, display) of every formula arithmatex marked on the page."""
    found = set()
    for match in MATH_SPAN.finditer(page_html):
        display = match.group("block") is not None
        latex = match.group("block") if display else match.group("inline")
        found.add((html.unescape(latex).strip(), display))
    return found


def queue_formulas(formulas: Iterable[tuple[str, bool]]) -> None:
    """Start typesetting the formulas that neither memory nor the disk cache holds."""
    for formula in formulas:
        if formula in _memory or formula in _futures or formula in _pending:
            continue
        cached = _from_disk(*formula)
        if cached is not None:
            _memory[formula] = cached
        else:
            _pending[formula] = None
    if len(_pending) >= PARALLEL_FROM or (_pool is not None and _pending):
        _submit_pending()


def finish_typesetting() -> dict[tuple[str, bool], MathError]:
    """Wait for the queued formulas; typeset the rest in place. Returns the formulas that
    could not be typeset, so a build reports them all at once."""
    errors: dict[tuple[str, bool], MathError] = {}
    # A worker has already put its formulas in the disk cache; those typeset here still must.
    work = [(formula, future.result, False) for formula, future in _futures.items()]
    work += [(formula, partial(_typeset, *formula), True) for formula in _pending]
    try:
        for formula, result, store in work:
            try:
                typeset = result()
            except MathError as error:
                errors[formula] = error
                continue
            _memory[formula] = typeset
            if store:
                _to_disk(*formula, typeset)
    finally:
        stop_typesetting()
    return errors


def stop_typesetting() -> None:
    """Drop queued work and stop the workers (also when a build fails half-way)."""
    global _pool
    _pending.clear()
    _futures.clear()
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


def _submit_pending() -> None:
    global _pool
    if _pool is None:
        # Workers are spawned, not forked (`mkdocs serve` runs threads), and import this
        # module by name: MkDocs puts hooks/ on sys.path only while it loads the hook.
        hooks = str(Path(__file__).resolve().parents[2])  # hooks/handbook/render/math_svg.py
        if hooks not in sys.path:
            sys.path.insert(0, hooks)
        _pool = ProcessPoolExecutor(
            max_workers=max(1, min(4, os.cpu_count() or 1)),
            mp_context=multiprocessing.get_context("spawn"),
        )
    cache = (_disk.folder, _disk.version) if _disk is not None else None
    for formula in _pending:
        _futures[formula] = _pool.submit(_typeset_and_keep, *formula, cache)
    _pending.clear()


def _typeset_and_keep(latex: str, display: bool, cache: tuple[Path, str] | None) -> Formula:
    """In a worker: typeset, and write the result to the disk cache there, not in the main
    process. Writing a cold build's thousand-odd entries took the main process over a second,
    while the workers wait for work (the main process, rendering pages, is the slower side)."""
    formula = _typeset(latex, display)
    if cache is not None:
        _to_disk(latex, display, formula, _worker_disk(*cache))
    return formula


@lru_cache(maxsize=4)
def _worker_disk(folder: Path, version: str) -> RenderCache:
    return RenderCache(folder, version)


def _is_formula_entry(value) -> bool:
    """A readable entry of the right shape; anything else (a damaged file) is typeset anew."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("html"), str)
        and isinstance(value.get("glyphs"), list)
        and all(
            isinstance(glyph, list) and len(glyph) == 2 and all(isinstance(p, str) for p in glyph)
            for glyph in value["glyphs"]
        )
    )


# The same glyph outlines recur in formula after formula: each is rewritten once.
_compact = lru_cache(maxsize=16384)(compact_path)


def _typeset(latex: str, display: bool) -> Formula:
    try:
        svg = load_ziamath().Latex(latex, size=_SIZE_PX, inline=not display).svg()
    except Exception as error:  # ziamath raises assorted errors on bad input
        reason = str(error) or type(error).__name__
        raise MathError(f"cannot typeset the formula {latex!r} ({reason})") from error
    svg, glyphs = _shared_glyphs(_PATH_DATA.sub(lambda match: _compact(match.group(0)), svg))
    svg = _scalable(svg)
    label = html.escape(latex, quote=True)
    if display:
        markup = (
            f'<div class="hb-math hb-math--display" role="math" aria-label="{label}">{svg}</div>'
        )
    else:
        markup = f'<span class="hb-math" role="math" aria-label="{label}">{svg}</span>'
    return Formula(markup, glyphs)


def _shared_glyphs(svg: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Take the <symbol>s out of one formula's SVG, renamed after their content so that equal
    glyphs from different formulas share one id and different ones never collide.

    References are written as xlink:href: Material's instant loading rewrites every [href]
    attribute by assigning element.href, which fails on an SVG <use> ("only a getter")."""
    glyphs = []
    for match in GLYPH_SYMBOL.finditer(svg):
        rest = _in_text_colour(match.group("rest"))
        glyph_id = "hb-g-" + hashlib.sha1(rest.encode()).hexdigest()[:12]
        glyphs.append((glyph_id, f'<symbol id="{glyph_id}"{rest}'))
        svg = svg.replace(f'<use href="#{match.group("id")}"', f'<use xlink:href="#{glyph_id}"')
    return GLYPH_SYMBOL.sub("", svg), tuple(glyphs)


def _in_text_colour(markup: str) -> str:
    return markup.replace('fill="black"', 'fill="currentColor"').replace(
        'fill="#000000"', 'fill="currentColor"'
    )


def _scalable(svg: str) -> str:
    """Size the SVG in em, sit it on the text baseline and draw it in the current text colour."""
    viewbox = _VIEWBOX.search(svg)
    open_tag = _SVG_OPEN.search(svg)
    if not viewbox or not open_tag:
        return svg
    y, width, height = (float(viewbox.group(name)) for name in ("y", "w", "h"))
    descent = (height + y) / _SIZE_PX
    # No xmlns declarations: in an HTML page the parser puts <svg> and xlink:href into their
    # namespaces itself, and every formula repeated them (a quarter KB gzipped on a long page).
    attrs = " ".join(_NAMESPACE_ATTR.sub("", _NUMBER_ATTR.sub("", open_tag.group("attrs"))).split())
    style = (
        f"width:{width / _SIZE_PX:.3f}em;height:{height / _SIZE_PX:.3f}em;"
        f"vertical-align:{-descent:.3f}em"
    )
    new_open = f'<svg {attrs} style="{style}" aria-hidden="true" fill="currentColor">'
    # A glyph placed with <use> inherits the SVG's fill; writing it on each one only adds bytes.
    body = _USE_FILL.sub(r"\1", svg[open_tag.end() :])
    return svg[: open_tag.start()] + new_open + _in_text_colour(body)
