"""Social preview cards (generate/preview_images.py): size, stable bytes, text kept inside the
margins however long it is, readable contrast, and clear errors for bad slugs."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops, ImageDraw

from handbook.generate.preview_images import (
    BACKGROUND,
    ELLIPSIS,
    SITE_NAME_COLOUR,
    SUBTITLE_COLOUR,
    SUBTITLE_MAX_LINES,
    TITLE_COLOUR,
    TITLE_MAX_LINES,
    TITLE_SIZES,
    preview_image,
    section_previews,
    subtitle_lines,
    title_lines,
)

SITE = "Generative AI Handbook"
TITLE = "Model families"
SUBTITLE = "GANs, VAEs, diffusion, flows, autoregressive models and transformers, compared."
LONG_TITLE = " ".join(["Retrieval-augmented generation for agents and tool use"] * 8)
LONG_SUBTITLE = " ".join(["Embeddings, vector stores, re-ranking, caching and guardrails."] * 8)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The card's promise, spelled out here rather than imported, so that a change to the module's
# constants cannot quietly move the goalposts.
WIDTH, HEIGHT, MARGIN = 1200, 630, 80


def _image(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("RGB")


def _ink_outside_margins(image: Image.Image) -> list[str]:
    """Which margins hold anything that is not plain background (empty: the card is clean)."""
    box = ImageChops.difference(image, Image.new("RGB", image.size, BACKGROUND)).getbbox()
    if box is None:
        return []
    left, top, right, bottom = box  # right and bottom are exclusive
    checks = {
        "left": left < MARGIN,
        "top": top < MARGIN,
        "right": right > WIDTH - MARGIN,
        "bottom": bottom > HEIGHT - MARGIN,
    }
    return [side for side, outside in checks.items() if outside]


def _relative_luminance(colour: tuple[int, int, int]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    linear = []
    for channel in colour:
        c = channel / 255
        linear.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    light, dark = sorted((_relative_luminance(one), _relative_luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _chunk_types(png: bytes) -> list[str]:
    types, offset = [], len(PNG_SIGNATURE)
    while offset < len(png):
        length = int.from_bytes(png[offset : offset + 4], "big")
        types.append(png[offset + 4 : offset + 8].decode("ascii"))
        offset += 12 + length  # length, type, data, CRC
    return types


def test_a_card_is_a_small_1200_by_630_png():
    png = preview_image(TITLE, SUBTITLE, SITE)
    assert png.startswith(PNG_SIGNATURE)
    assert _image(png).size == (WIDTH, HEIGHT)
    assert len(png) < 60_000, f"{len(png)} bytes"


def test_the_same_input_gives_the_same_bytes_and_no_time_stamp():
    assert preview_image(TITLE, SUBTITLE, SITE) == preview_image(TITLE, SUBTITLE, SITE)
    # Only pixel chunks: no tIME, tEXt or other metadata that could differ between builds.
    assert set(_chunk_types(preview_image(TITLE, SUBTITLE, SITE))) == {
        "IHDR",
        "PLTE",
        "IDAT",
        "IEND",
    }


def test_different_titles_give_different_cards():
    assert preview_image("Foundations", SUBTITLE, SITE) != preview_image(TITLE, SUBTITLE, SITE)


@pytest.mark.parametrize(
    ("title", "subtitle"),
    [
        (TITLE, SUBTITLE),
        (LONG_TITLE, LONG_SUBTITLE),
        ("x" * 400, "y" * 400),  # one unbreakable word each
        ("Wide words overlap: WWW MMM KKK VVV YYY " * 3, "jjj /// xxx yyy ,,, " * 10),
        ("Pneumonoultramicroscopicsilicovolcanoconiosis-is-a-rather-long-word-indeed", ""),
    ],
    ids=["realistic", "long", "unbreakable", "overhanging-glyphs", "hyphenated-no-subtitle"],
)
def test_text_never_reaches_into_the_margins(title, subtitle):
    assert _ink_outside_margins(_image(preview_image(title, subtitle, SITE * 5))) == []


@pytest.mark.parametrize(
    ("point", "side"),
    [((MARGIN - 1, 300), "left"), ((600, MARGIN - 1), "top"), ((WIDTH - MARGIN, 300), "right")]
    + [((600, HEIGHT - MARGIN), "bottom")],
)
def test_the_margin_check_sees_a_planted_pixel(point, side):
    image = _image(preview_image(TITLE, SUBTITLE, SITE))
    assert _ink_outside_margins(image) == []
    ImageDraw.Draw(image).point(point, fill=(255, 255, 255))
    assert _ink_outside_margins(image) == [side]


def test_a_short_title_gets_the_largest_size():
    assert title_lines(TITLE) == (TITLE_SIZES[0], [TITLE])


def test_a_longer_title_shrinks_before_it_is_cut():
    size, lines = title_lines(" ".join(["Retrieval-augmented generation"] * 4))
    assert TITLE_SIZES[-1] <= size < TITLE_SIZES[0]
    assert len(lines) <= TITLE_MAX_LINES
    assert not lines[-1].endswith(ELLIPSIS)


def test_a_title_too_long_for_the_smallest_size_ends_with_an_ellipsis():
    size, lines = title_lines(LONG_TITLE)
    assert size == TITLE_SIZES[-1]
    assert len(lines) == TITLE_MAX_LINES
    assert lines[-1].endswith(ELLIPSIS)


def test_a_long_subtitle_is_cut_after_two_lines_with_an_ellipsis():
    lines = subtitle_lines(LONG_SUBTITLE)
    assert len(lines) == SUBTITLE_MAX_LINES
    assert lines[-1].endswith(ELLIPSIS)
    assert subtitle_lines("GANs, VAEs and diffusion, compared.") == [
        "GANs, VAEs and diffusion, compared."
    ]


def test_characters_the_font_lacks_are_folded_not_drawn_as_boxes():
    # The bundled Aileron has no em dash, accents or CJK glyphs.
    assert title_lines("Café—naïve 生成")[1] == ["Cafe - naive ??"]


@pytest.mark.parametrize("colour", [TITLE_COLOUR, SUBTITLE_COLOUR, SITE_NAME_COLOUR])
def test_text_colours_reach_wcag_aa_contrast(colour):
    assert _contrast(colour, BACKGROUND) >= 4.5


def test_the_contrast_formula_matches_known_values():
    assert _contrast((255, 255, 255), (0, 0, 0)) == pytest.approx(21)
    assert _contrast((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    # Why the card is darker than Material's indigo 500: the subtitle tint fails on it.
    assert _contrast(SUBTITLE_COLOUR, (0x3F, 0x51, 0xB5)) == pytest.approx(4.25, abs=0.01)


def test_section_previews_names_each_file_after_its_slug():
    previews = section_previews(
        [("home", SITE, "A sourced handbook."), ("model-families", TITLE, SUBTITLE)], SITE
    )
    assert list(previews) == ["home.png", "model-families.png"]
    assert previews["model-families.png"] == preview_image(TITLE, SUBTITLE, SITE)


@pytest.mark.parametrize("slug", ["Model-Families", "model_families", "", "../home", "a b"])
def test_a_bad_slug_is_refused_by_name(slug):
    with pytest.raises(ValueError, match=f"slug {slug!r} is not valid"):
        section_previews([("home", SITE, ""), (slug, TITLE, SUBTITLE)], SITE)


def test_a_slug_listed_twice_is_refused():
    with pytest.raises(ValueError, match="slug 'home' is listed twice"):
        section_previews([("home", SITE, ""), ("home", TITLE, "")], SITE)


def test_an_empty_title_is_refused():
    with pytest.raises(ValueError, match="needs a title"):
        preview_image("  ", SUBTITLE, SITE)
