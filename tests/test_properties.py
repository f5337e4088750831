"""Property-based tests (hypothesis) of the generators and the glossary linker.

Generated data is rendered the way the site renders it (Python-Markdown with the site's
extensions for generated Markdown), then parsed, so the properties hold for the HTML a
reader's browser receives.
"""

from __future__ import annotations

import re

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.generate.comparison_tables import render_table
from handbook.generate.dataset_timeline import render_timeline
from handbook.generate.glossary_page import render_glossary
from handbook.generate.tag_pages import render_tag_page
from handbook.load.handbook_models import (
    Cell,
    Column,
    DataMarker,
    Dataset,
    Reference,
    Row,
    Tag,
    Term,
)
from handbook.load.markdown_scan import split_front_matter
from handbook.load.markdown_text import CONTROL_CHARACTER
from handbook.render.glossary_linker import SKIPPED_ELEMENTS, TermIndex, link_terms

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "pymdownx.arithmatex"]
EXTENSION_CONFIGS = {
    "pymdownx.arithmatex": {
        "generic": True,
        "inline_syntax": ["dollar"],
        "block_syntax": ["dollar", "begin"],
    }
}
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "javascript:alert(1)",
        "[x](javascript:alert(1))",
        "<iframe src=//evil>",
        "{: onclick=alert(1) }",
        "&lt;b&gt;",
        "`code`",
        "*em*",
        "$x$",
        "\\",
        "|",
        "#",
        "---",
        "<!-- c -->",
        "{ #id }",
    ]
)
# Validated data never holds blank names (the loader rejects them), so neither do these.
TEXT = st.one_of(
    st.text(min_size=1, max_size=40),
    HOSTILE,
    st.lists(st.one_of(st.text(max_size=12), HOSTILE), min_size=1, max_size=4).map(" ".join),
).filter(lambda text: text.strip() and not CONTROL_CHARACTER.search(text))  # as validated
SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
REFERENCES = {
    "k1": Reference("k1", ("Doe, J.",), "A <b>title</b>", 2020, "Venue", "https://example.org/")
}


_MARKDOWN = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def render(markdown_text: str) -> BeautifulSoup:
    html = _MARKDOWN.reset().convert(markdown_text)
    return BeautifulSoup(html, "html.parser")


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}


def assert_inert(soup: BeautifulSoup) -> None:
    """Nothing executable: no script-like elements, no handlers, no script URLs."""
    assert not soup.find_all(["script", "iframe", "object", "embed", "img", "svg"])
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (element.name, name)
            if name.lower() in URL_ATTRIBUTES:
                assert not re.match(r"\s*(javascript|data|vbscript):", str(value), re.IGNORECASE)


@st.composite
def terms(draw, max_size: int = 6) -> list[Term]:
    ids = draw(st.lists(SLUG, min_size=1, max_size=max_size, unique=True))
    result = []
    for term_id in ids:
        related = tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)))
        result.append(
            Term(
                id=term_id,
                term=draw(TEXT),
                aliases=tuple(draw(st.lists(TEXT, max_size=2))),
                short=draw(TEXT),
                definition=draw(TEXT),
                related=tuple(r for r in related if r != term_id),
                references=("k1",),
                tags=(),
            )
        )
    return result


def test_definitions_cannot_set_attributes_but_keep_their_math():
    """Attribute lists in a definition would set handlers or steal a term's anchor (hypothesis
    found `#0 {ON}`); braces inside math are LaTeX and must survive."""
    gan = Term("gan", "GAN", (), "s", "d", (), ("k1",), ())
    hostile = Term(
        "x",
        "X",
        (),
        "s",
        'Clicks {onclick="alert(1)"}\n\n# Heading { #term-gan }\n\nMath $x_{1} < \\frac{a}{b}$ stays.',
        (),
        ("k1",),
        (),
    )
    soup = render(split_front_matter(render_glossary([gan, hostile], REFERENCES))[1])
    assert_inert(soup)
    assert len(soup.find_all(id="term-gan")) == 1 and soup.find(id="term-gan").name == "h3"
    assert "{onclick" in soup.get_text()
    math = soup.select_one(".arithmatex").get_text()
    assert "x_{1}" in math and "\\frac{a}{b}" in math and "<" in math


@SETTINGS
@given(terms())
def test_glossary_anchors_are_unique_stable_and_the_html_inert(glossary):
    page = render_glossary(glossary, REFERENCES)
    assert page == render_glossary(list(reversed(glossary)), REFERENCES)  # deterministic
    soup = render(split_front_matter(page)[1])
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for term in glossary:
        entries = soup.find_all(id=f"term-{term.id}")
        assert len(entries) == 1 and entries[0].name == "h3"
        assert re.fullmatch(r"term-[a-z0-9-]+", entries[0]["id"])
    for link in soup.select('a[href^="#"]'):
        assert soup.find(id=link["href"][1:]) is not None, link
    assert_inert(soup)


@SETTINGS
@given(TEXT, TEXT, st.lists(TEXT, min_size=1, max_size=3))
def test_tag_pages_escape_everything(title, description, page_titles):
    from handbook.generate.tag_pages import ListedPage
    from handbook.load.handbook_models import Article

    pages = [
        ListedPage(Article(f"s/p{i}.md", t, description, ("x",)), title)
        for i, t in enumerate(page_titles)
    ]
    page = render_tag_page(Tag("x", title, description), pages, [])
    soup = render(split_front_matter(page)[1])
    assert_inert(soup)
    assert len(soup.select("ul li > a")) == len(page_titles)


@SETTINGS
@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=4), TEXT)
def test_tables_escape_cells_and_caption(rows, title):
    dataset = Dataset(
        "d",
        title,
        "",
        (Column("a", "A"), Column("b", "B")),
        tuple(Row({"a": Cell(a), "b": Cell(b, ("k1",))}) for a, b in rows),
        "d.yml",
    )
    html = render_table(dataset, DataMarker("d"), REFERENCES, "../bib/", "src-d-1")
    assert html == render_table(dataset, DataMarker("d"), REFERENCES, "../bib/", "src-d-1")
    soup = BeautifulSoup(html, "html.parser")
    assert_inert(soup)
    assert [tr.th.get_text() for tr in soup.select("tbody tr")] == [a for a, _ in rows]


@SETTINGS
@given(
    st.lists(st.tuples(TEXT, TEXT, st.dates().map(lambda d: d.isoformat())), min_size=1, max_size=4)
)
def test_timelines_escape_every_cell_and_order_by_date(rows):
    dataset = Dataset(
        "d",
        "D",
        "",
        (Column("name", "Name"), Column("when", "When", type="date"), Column("note", "Note")),
        tuple(
            Row({"name": Cell(name), "when": Cell(when), "note": Cell(note)}, ("k1",))
            for name, note, when in rows
        ),
        "data/tables/d.yml",
    )
    marker = DataMarker("d", kind="timeline")
    markdown_text = render_timeline(dataset, marker)
    assert markdown_text == render_timeline(dataset, marker)
    soup = render(markdown_text)
    assert_inert(soup)
    shown = [time["datetime"] for time in soup.select("time.hb-when")]
    assert shown == sorted(when for _, _, when in rows)
    assert len(soup.select("li")) == len(rows)


# ---- The glossary linker over generated HTML --------------------------------------

WORDS = [
    "gan",
    "GANs",
    "model",
    "diffusion",
    "Diffusion models",
    "kv",
    "cache",
    "pre",
    "x",
    "ganymede",
    "model-based",
    "é",
    "日本",
]
CONTAINERS = ["p", "em", "code", "pre", "a", "h2", "li", "strong", "sup", "summary"]


@st.composite
def html_fragments(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
        separators = draw(
            st.lists(
                st.sampled_from([" ", ", ", ". ", "-", " (", ") "]),
                min_size=len(words),
                max_size=len(words),
            )
        )
        text = "".join(word + sep for word, sep in zip(words, separators, strict=True))
        tag = draw(st.sampled_from(CONTAINERS))
        attrs = ' href="x"' if tag == "a" else ""
        pieces.append(f"<{tag}{attrs}>{text}</{tag}>")
    return "".join(pieces)


LINKER_TERMS = [
    Term("gan", "GAN", ("generative adversarial network",), "s", "d", (), (), ()),
    Term("diffusion-model", "Diffusion model", (), "s", "d", (), (), ()),
    Term("kv-cache", "KV cache", (), "s", "d", (), (), ()),
    Term("model", "Model", (), "s", "d", (), (), ()),
]
INDEX = TermIndex.build(LINKER_TERMS)
ANCHOR = re.compile(r'<a class="hb-term" href="g/#term-[a-z-]+">(.*?)</a>')


@SETTINGS
@given(html_fragments())
def test_linker_only_adds_links_at_most_once_per_term_outside_skipped_elements(fragment):
    result = link_terms(fragment, INDEX, "g/")
    assert ANCHOR.sub(r"\1", result.html) == fragment  # nothing but the links was changed
    soup = BeautifulSoup(result.html, "html.parser")
    links = soup.select("a.hb-term")
    linked_ids = [link["href"].split("#term-")[1] for link in links]
    assert len(linked_ids) == len(set(linked_ids))
    assert set(linked_ids) <= set(result.mentioned)
    for link in links:
        assert not [parent.name for parent in link.parents if parent.name in SKIPPED_ELEMENTS]
    for match in ANCHOR.finditer(result.html):
        before = result.html[: match.start()][-1:]
        after = result.html[match.end() :][:2]
        assert not (before.isalnum() or before in "-_")
        assert not (
            after[:1].isalnum() or after[:1] == "_" or (after[:1] == "-" and after[1:2].isalnum())
        )
    assert link_terms(fragment, INDEX, "g/").html == result.html  # deterministic
