"""Open Graph / Twitter-card preview images (PNG, 1200x630), one per section of the site.

Social sites show this picture when a page is shared. It is drawn here from the section's title
and one-line description, so it never goes stale and needs no design tool. The only font is the
one Pillow bundles (`ImageFont.load_default`, Aileron): no network and no system fonts, so every
machine with Pillow draws the same bytes.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # the 1.91:1 card size Open Graph and Twitter cards recommend
MARGIN = 80  # no ink nearer the edge: apps round the corners of cards or crop them a little

# Material indigo 800 rather than 500 (#3f51b5): white on 500 is only 6.9:1, and the lighter
# subtitle tint would fall under 4.5:1.
BACKGROUND = (0x28, 0x35, 0x93)
SITE_NAME_COLOUR = (0xC5, 0xCA, 0xE9)  # indigo 100
TITLE_COLOUR = (0xFF, 0xFF, 0xFF)
SUBTITLE_COLOUR = (0xC5, 0xCA, 0xE9)
ACCENT_COLOUR = (0x8C, 0x9E, 0xFF)  # indigo A100, the bar under the site name
TEXT_COLOURS = (SITE_NAME_COLOUR, TITLE_COLOUR, SUBTITLE_COLOUR)

SITE_NAME_SIZE = 30
TITLE_SIZES = tuple(range(72, 39, -4))  # tried largest first, until the title fits in 3 lines
TITLE_MAX_LINES = 3
SUBTITLE_SIZE = 30
SUBTITLE_MAX_LINES = 2
LINE_SPACING = 1.15  # baseline-to-baseline distance, as a multiple of the font size
ACCENT_SIZE = (96, 6)
ACCENT_GAP, TITLE_GAP, SUBTITLE_GAP = 20, 40, 28  # vertical space above each of these
ELLIPSIS = "\u2026"

SLUG = re.compile(r"[a-z0-9-]+")
# Aileron as bundled covers ASCII and a little typographic punctuation only: fold the usual
# non-ASCII characters of English titles onto glyphs it has, instead of drawing empty boxes.
FOLD = str.maketrans({"\u2014": " - ", "\u2013": "-", "\u2212": "-", "\u2010": "-", "\u00d7": "x"})
MISSING = "?"
HYPHENATED = re.compile(r"[^-]+-*|-+")  # "re-ranking" -> "re-", "ranking": a line may end after "-"


def preview_image(title: str, subtitle: str, site_name: str) -> bytes:
    """The preview card as PNG bytes: site name, then the title, then the subtitle below it."""
    size, title_text = title_lines(title)
    if not title_text:
        raise ValueError("a preview image needs a title; got an empty one")
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN

    name_font = _font(SITE_NAME_SIZE)
    name = _fit(_drawable(site_name), name_font, width, 1)
    top = _draw_lines(draw, name, name_font, MARGIN, SITE_NAME_COLOUR) + ACCENT_GAP
    draw.rectangle(
        (MARGIN, top, MARGIN + ACCENT_SIZE[0] - 1, top + ACCENT_SIZE[1] - 1), ACCENT_COLOUR
    )
    top += ACCENT_SIZE[1] + TITLE_GAP

    # Title and subtitle sit as one block, centred in the space left below the accent bar, so
    # a one-line title does not leave the lower half of the card empty.
    title_font, sub_font = _font(size), _font(SUBTITLE_SIZE)
    subtitle_text = subtitle_lines(subtitle)
    block = _height(title_text, title_font)
    if subtitle_text:
        block += SUBTITLE_GAP + _height(subtitle_text, sub_font)
    top += max(0, (HEIGHT - MARGIN - top - block) // 2)
    top = _draw_lines(draw, title_text, title_font, top, TITLE_COLOUR) + SUBTITLE_GAP
    _draw_lines(draw, subtitle_text, sub_font, top, SUBTITLE_COLOUR)
    return _png(image)


def section_previews(sections: list[tuple[str, str, str]], site_name: str) -> dict[str, bytes]:
    """File name (`<slug>.png`) -> preview PNG, for (slug, title, description) triples."""
    previews: dict[str, bytes] = {}
    for slug, title, description in sections:
        if not SLUG.fullmatch(slug):
            raise ValueError(
                f"preview image slug {slug!r} is not valid: use lowercase letters, digits and "
                f"hyphens only (like 'model-families')"
            )
        name = f"{slug}.png"
        if name in previews:  # a second entry would silently replace the first image
            raise ValueError(f"preview image slug {slug!r} is listed twice")
        previews[name] = preview_image(title, description, site_name)
    return previews


def title_lines(title: str) -> tuple[int, list[str]]:
    """(font size, lines): the largest size at which the title wraps into 3 lines or fewer."""
    title, width = _drawable(title), WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        lines = _wrap(title, _font(size), width)
        if len(lines) <= TITLE_MAX_LINES:
            return size, lines
    smallest = TITLE_SIZES[-1]
    return smallest, _fit(title, _font(smallest), width, TITLE_MAX_LINES)


def subtitle_lines(subtitle: str) -> list[str]:
    """The subtitle wrapped into 2 lines or fewer, cut with an ellipsis when longer."""
    return _fit(_drawable(subtitle), _font(SUBTITLE_SIZE), WIDTH - 2 * MARGIN, SUBTITLE_MAX_LINES)


# Helper functions


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    font = ImageFont.load_default(size=size)
    # Without FreeType Pillow falls back to a fixed 11 px bitmap font, which would ignore the
    # size and draw a different (tiny) card: stop instead.
    if not isinstance(font, ImageFont.FreeTypeFont):
        raise RuntimeError("preview images need Pillow built with FreeType (the Aileron font)")
    return font


@cache
def _has_glyph(char: str) -> bool:
    # A character the font lacks renders as the same empty box as a private-use code point.
    font = _font(SITE_NAME_SIZE)
    return _mask(font, char) != _mask(font, "\U000f0000")


def _mask(font: ImageFont.FreeTypeFont, text: str) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(text)
    return mask.size, bytes(mask)


def _drawable(text: str) -> str:
    """The text with whitespace squashed and every character one the font can draw."""
    chars = []
    for char in " ".join(text.translate(FOLD).split()):
        if not _has_glyph(char):  # "é" -> "e"; what has no plain form becomes "?"
            base = unicodedata.normalize("NFKD", char)
            char = "".join(part for part in base if _has_glyph(part)) or MISSING
        chars.append(char)
    return "".join(chars)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap, also after a word's hyphens; a piece wider than a line is cut anywhere."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        for number, piece in enumerate(HYPHENATED.findall(word)):
            candidate = f"{line} {piece}" if line and number == 0 else line + piece
            if _ink_width(font, candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            *whole, line = _break_word(piece, font, width)
            lines.extend(whole)
    return [*lines, line] if line else lines


def _break_word(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    pieces = [""]
    for char in word:
        if pieces[-1] and _ink_width(font, pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def _ink_width(font: ImageFont.FreeTypeFont, text: str) -> float:
    """The width the text's ink covers when drawn by `_draw_lines`, overhanging glyphs included.

    Why not `getlength`: the advance width leaves out glyphs that overhang their box ("K", "V",
    the fraction slash), which would then poke a pixel or more into the margin."""
    left, _, right, _ = font.getbbox(text, anchor="ls")
    return right - min(left, 0)


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """The wrapped text, cut after `max_lines` lines with an ellipsis when it is longer."""
    lines = _wrap(text, font, width)
    if len(lines) <= max_lines:
        return lines
    last = lines[max_lines - 1]
    while last and _ink_width(font, last.rstrip(" ,;:.-") + ELLIPSIS) > width:
        last = last[:-1]
    return [*lines[: max_lines - 1], last.rstrip(" ,;:.-") + ELLIPSIS]


def _draw_lines(
    draw: ImageDraw.ImageDraw,
    lines: Iterable[str],
    font: ImageFont.FreeTypeFont,
    top: int,
    colour: tuple[int, int, int],
) -> int:
    """Draws lines from `top` down; returns the y just below the last line's descender."""
    ascent, descent = font.getmetrics()
    pitch = round(font.size * LINE_SPACING)
    bottom = top
    for number, line in enumerate(lines):
        baseline = top + ascent + number * pitch
        left = font.getbbox(line, anchor="ls")[0]  # "x", "y", "," reach 1-3 px left of the pen
        draw.text((MARGIN - min(left, 0), baseline), line, font=font, fill=colour, anchor="ls")
        bottom = baseline + descent
    return bottom


def _height(lines: list[str], font: ImageFont.FreeTypeFont) -> int:
    """How tall `_draw_lines` draws these lines: ascender to the last descender."""
    if not lines:
        return 0
    ascent, descent = font.getmetrics()
    return ascent + (len(lines) - 1) * round(font.size * LINE_SPACING) + descent


def _palette() -> list[tuple[int, int, int]]:
    """Background, accent, and 15 steps from background to each text colour.

    Anti-aliased text only ever blends background and text colour, so mapping onto this fixed
    palette loses nothing visible, keeps the background exact, and (unlike an adaptive palette
    chosen from the picture) cannot shift from one title to the next."""
    colours = [BACKGROUND, ACCENT_COLOUR]
    for colour in TEXT_COLOURS:
        for step in range(1, 16):
            blend = tuple(
                round(b + (c - b) * step / 15) for b, c in zip(BACKGROUND, colour, strict=True)
            )
            if blend not in colours:
                colours.append(blend)
    return colours


def _png(image: Image.Image) -> bytes:
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in _palette() for channel in colour])
    indexed = image.quantize(palette=palette, dither=Image.Dither.NONE)
    out = io.BytesIO()
    # No pnginfo and no optimize pass: the file holds pixels only (no time stamp), so equal
    # inputs give equal bytes and a rebuild does not touch unchanged images.
    indexed.save(out, format="PNG", optimize=False)
    return out.getvalue()
