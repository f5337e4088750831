"""Generators are pure: typed records in, Markdown/HTML out. Golden files pin the output.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 make test`,
then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from handbook.generate.bibliography_page import render_bibliography
from handbook.generate.comparison_tables import render_table
from handbook.generate.dataset_timeline import render_timeline
from handbook.generate.glossary_page import letters_only, render_glossary, used_on_html
from handbook.generate.tag_pages import (
    ListedPage,
    render_tag_page,
    render_tags_overview,
    sections_from_nav,
)
from handbook.load.handbook_models import (
    Article,
    Cell,
    Column,
    DataMarker,
    Dataset,
    Reference,
    Row,
    Tag,
    Term,
)
from handbook.render.citations import render_citations

GOLDEN = Path(__file__).parent / "golden"

REFERENCES = {
    "goodfellow2014": Reference(
        "goodfellow2014",
        ("Goodfellow, I.", "Pouget-Abadie, J.", "Bengio, Y."),
        "Generative Adversarial Nets",
        2014,
        "NIPS 2014",
        "https://arxiv.org/abs/1406.2661",
    ),
    "kingma2013": Reference(
        "kingma2013",
        ("Kingma, D. P.", "Welling, M."),
        "Auto-Encoding Variational Bayes",
        2013,
        "ICLR 2014",
        "https://arxiv.org/abs/1312.6114",
    ),
}
TERMS = [
    Term(
        "vae",
        "VAE",
        ("variational autoencoder",),
        "An autoencoder trained with the ELBO.",
        "Encodes to a *distribution* and decodes samples, $z \\sim q(z|x)$.",
        ("gan",),
        ("kingma2013",),
        ("architecture",),
    ),
    Term(
        "gan",
        "GAN",
        ("generative adversarial network",),
        "Generator versus discriminator.",
        "Two networks trained <b>against</b> each other. [click](javascript:alert(1))",
        ("vae",),
        ("goodfellow2014",),
        ("architecture", "image"),
    ),
    Term("1-bit", "1-bit Adam", (), "A compressed optimizer.", "Not a real entry.", (), (), ()),
]
DATASET = Dataset(
    id="families",
    title="Families & friends",
    description="How they <differ>.",
    columns=(
        Column("family", "Family"),
        Column("year", "Year", "First paper", "year"),
        Column("likelihood", "Likelihood"),
    ),
    rows=(
        Row(
            {"family": Cell("GAN"), "year": Cell("2014"), "likelihood": Cell("none")},
            ("goodfellow2014",),
        ),
        Row(
            {
                "family": Cell("VAE"),
                "year": Cell("2013"),
                "likelihood": Cell("ELBO", ("kingma2013",)),
            },
            ("kingma2013",),
        ),
    ),
    source_file="data/tables/families.yml",
)
ARTICLES = [
    Article(
        "model-families/gans.md",
        "GANs",
        "Adversarial training.",
        ("architecture", "image"),
        ("goodfellow2014",),
    ),
    Article(
        "foundations/intro.md",
        "What is it?",
        "The basics.",
        ("architecture",),
        ("kingma2013", "goodfellow2014"),
    ),
]


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8")


def test_glossary_page_golden():
    assert_golden("glossary.md", render_glossary(TERMS, REFERENCES))


def test_glossary_page_structure():
    page = render_glossary(TERMS, REFERENCES)
    assert '### VAE { #term-vae .hb-glossary-term data-hb-tags="architecture" }' in page
    assert '<a href="#letter-g">G</a>' in page and '<span aria-hidden="true">B</span>' in page
    assert "[GAN](#term-gan)" in page
    assert "[Kingma &amp; Welling (2013)](bibliography.md#ref-kingma2013)" in page
    # Data text is inert: no raw HTML, no live link.
    assert "<b>" not in page and "&lt;b>against&lt;/b>" in page
    assert "\\[click](javascript:alert(1))" in page


def test_glossary_offers_a_filter_with_the_tags_its_terms_carry():
    tags = {
        "architecture": Tag("architecture", "Architecture", "How models are built."),
        "audio": Tag("audio", "Audio", "Sound."),
    }
    soup = BeautifulSoup(render_glossary(TERMS, REFERENCES, tags=tags), "html.parser")
    box = soup.select_one("div.hb-filter")
    assert box["data-hb-entries"] == "h3.hb-glossary-term"
    assert box.label["for"] == box.input["id"] == "hb-glossary-filter"
    # Only tags some term carries: no button that would empty the list.
    assert [b["data-hb-tag"] for b in box.select("button")] == ["architecture"]
    assert box.select_one("[role=status]") is not None


def test_bibliography_is_sectioned_a_to_z_with_a_filter_and_short_author_lists():
    many = Reference("many", tuple(f"Author{n}, A." for n in range(6)), "Many hands", 2020, "V", "")
    page = render_bibliography({**REFERENCES, "many": many}, ARTICLES)
    assert "## A { #letter-a }" in page and "## G { #letter-g }" in page
    assert '<nav class="hb-az" aria-label="Bibliography letters">' in page
    assert 'data-hb-entries="p.hb-reference"' in page
    assert "Author0, A.; Author1, A.; Author2, A.; et al. (2020)" in page
    assert "<cite>[Generative Adversarial Nets](https://arxiv.org/abs/1406.2661)</cite>" in page


def test_glossary_entries_sorted_and_digits_grouped_last():
    page = render_glossary(TERMS, REFERENCES)
    assert page.index("#term-gan") < page.index("#term-vae") < page.index("#term-1-bit")
    assert "## 0–9 { #letter-other }" in page  # a bare "#" left the heading empty


def test_glossary_toc_keeps_letters_and_drops_terms():
    from types import SimpleNamespace as Item

    term = Item(id="term-gan", children=[])
    letter = Item(id="letter-g", children=[term])
    title = Item(id="glossary", children=[Item(id="letter-a", children=[]), letter])
    assert letters_only([title]) == [title]
    assert [item.id for item in title.children] == ["letter-a", "letter-g"]
    assert letter.children == []


def test_used_on_lists_pages_or_says_reference_only():
    assert (
        used_on_html([])
        == '<p class="hb-used-on" data-search-exclude><em>Used on:</em> no article yet.</p>'
    )
    assert used_on_html([], reference_only=True) == (
        '<p class="hb-used-on" data-search-exclude><em>Reference entry:</em> not used in an article.</p>'
    )
    assert used_on_html([("../a/", "A <b>")]) == (
        '<p class="hb-used-on" data-search-exclude><em>Used on:</em> <a href="../a/">A &lt;b&gt;</a></p>'
    )


def test_bibliography_golden():
    assert_golden("bibliography.md", render_bibliography(REFERENCES, ARTICLES))


def test_citations_number_in_order_of_first_use_and_skip_code():
    source = "Intro [@kingma2013]. Then [@goodfellow2014; @kingma2013].\n\n`[@kingma2013]`\n"
    rendered = render_citations(source, "foundations/intro.md", REFERENCES)
    assert_golden("citations.md", rendered)
    assert rendered.count("## References") == 1
    assert "`[@kingma2013]`" in rendered


def test_page_without_citations_is_unchanged():
    assert render_citations("No sources here.\n", "a.md", REFERENCES) == "No sources here.\n"


def test_comparison_table_golden_and_structure():
    html = render_table(DATASET, DataMarker("families"), REFERENCES, "../bib/", "src-families-1")
    assert_golden("table-families.html", html)
    soup = BeautifulSoup(html, "html.parser")
    caption = soup.figcaption
    assert caption.get_text(" ", strip=True) == "Families & friends How they <differ>."
    assert soup.table["aria-labelledby"] == caption["id"] == "src-families-1-caption"
    assert soup.select_one(".hb-table-scroll")["aria-labelledby"] == caption["id"]
    assert [th.get_text() for th in soup.select("thead th")] == ["Family", "Year", "Likelihood"]
    assert [td["data-sort"] for td in soup.select("tbody td[data-sort]")] == ["2014", "2013"]
    sources = soup.select("ol.hb-table-sources li")
    assert [li["id"] for li in sources] == ["src-families-1-1", "src-families-1-2"]
    assert sources[1].a["href"] == "../bib/#ref-kingma2013"
    assert (
        soup.select_one("tbody tr:nth-of-type(2) td:nth-of-type(2) a")["href"]
        == "#src-families-1-2"
    )


def test_comparison_table_columns_and_filter():
    marker = DataMarker("families", columns=("likelihood", "family"), where=(("family", "va"),))
    soup = BeautifulSoup(render_table(DATASET, marker, REFERENCES, "b/", "p"), "html.parser")
    assert [th.get_text() for th in soup.select("thead th")] == ["Likelihood", "Family"]
    assert [tr.get_text(" ", strip=True) for tr in soup.select("tbody tr")] == ["ELBO [ 1 ] VAE"]


def test_tag_pages_golden():
    tags = [
        Tag("architecture", "Architecture", "How models are built."),
        Tag("image", "Images", "Pictures."),
    ]
    assert_golden("tags-index.md", render_tags_overview(tags, {"architecture": 2}))
    sections = sections_from_nav(
        [
            {"Foundations": ["foundations/intro.md"]},
            {"Model families": [{"GANs": "model-families/gans.md"}]},
        ]
    )
    listed = [ListedPage(article, sections[article.src_path]) for article in ARTICLES]
    assert_golden("tag-architecture.md", render_tag_page(tags[0], listed, TERMS[:2]))


def test_sections_from_nav_reads_nested_sections():
    nav = [
        "index.md",
        {"Foundations": ["foundations/index.md", {"Intro": "foundations/intro.md"}]},
        {"Reference": [{"Deep": ["reference/x.md"]}]},
    ]
    assert sections_from_nav(nav) == {
        "index.md": "",
        "foundations/index.md": "Foundations",
        "foundations/intro.md": "Foundations",
        "reference/x.md": "Deep",
    }


@pytest.mark.parametrize(
    "render",
    [
        lambda: render_glossary(TERMS, REFERENCES),
        lambda: render_bibliography(REFERENCES, ARTICLES),
        lambda: render_table(DATASET, DataMarker("families"), REFERENCES, "b/", "p"),
    ],
)
def test_generators_are_deterministic(render):
    assert render() == render()


def test_date_cells_show_day_month_year_and_sort_by_iso():
    dataset = Dataset(
        "systems",
        "Systems",
        "",
        (Column("name", "Name"), Column("released", "Released", type="date")),
        (
            Row({"name": Cell("SD"), "released": Cell("2022-08-22")}, ("kingma2013",)),
            Row({"name": Cell("GPT-4o"), "released": Cell("2024-05")}, ("kingma2013",)),
        ),
        "data/tables/systems.yml",
    )
    soup = BeautifulSoup(
        render_table(dataset, DataMarker("systems"), REFERENCES, "b/", "p"), "html.parser"
    )
    cells = soup.select("tbody td")
    assert [td.get_text() for td in cells] == ["22 Aug 2022", "May 2024"]
    assert [td["data-sort"] for td in cells] == ["2022-08-22", "2024-05"]


SYSTEMS = Dataset(
    "systems",
    "Systems",
    "",
    (
        Column("name", "System"),
        Column("released", "Released", type="date"),
        Column("modality", "Output"),
        Column("note", "Note"),
    ),
    (
        Row(
            {"name": Cell("GPT-4o"), "released": Cell("2024-05-13"), "modality": Cell("text")},
            ("kingma2013",),
        ),
        Row(
            {
                "name": Cell("Stable *Diffusion*"),
                "released": Cell("2022-08"),
                "modality": Cell("image"),
                "note": Cell("<b>open</b> weights", ("goodfellow2014",)),
            },
            ("kingma2013",),
        ),
        Row({"name": Cell("Undated"), "modality": Cell("text")}, ("kingma2013",)),
    ),
    "data/tables/systems.yml",
)


def test_timeline_groups_rows_by_year_in_date_order_and_cites_sources():
    markdown = render_timeline(SYSTEMS, DataMarker("systems", kind="timeline"))
    assert markdown.splitlines() == [
        "## 2022 { #year-2022 }",
        "",
        '- <time class="hb-when" datetime="2022-08">Aug 2022</time> **Stable \\*Diffusion\\***  ',
        "    *Output:* image  ",
        "    *Note:* &lt;b>open&lt;/b> weights [@kingma2013; @goodfellow2014]",
        "",
        "## 2024 { #year-2024 }",
        "",
        '- <time class="hb-when" datetime="2024-05-13">13 May 2024</time> **GPT-4o**  ',
        "    *Output:* text [@kingma2013]",
    ]


def test_timeline_filter_and_columns():
    marker = DataMarker(
        "systems", columns=("note",), where=(("modality", "image"),), kind="timeline"
    )
    markdown = render_timeline(SYSTEMS, marker)
    assert "GPT-4o" not in markdown and "Output" not in markdown
    assert "*Note:* &lt;b>open&lt;/b> weights" in markdown


def test_a_marker_caption_names_a_partial_table():
    marker = DataMarker("families", where=(("family", "va"),), caption="Latent-variable families")
    soup = BeautifulSoup(render_table(DATASET, marker, REFERENCES, "b/", "p"), "html.parser")
    assert soup.figcaption.contents[0] == "Latent-variable families"
    assert soup.select_one(".hb-table-description").get_text() == "How they <differ>."


def test_used_on_slots_are_filled_for_every_term_in_one_pass():
    from handbook.generate.glossary_page import fill_used_on

    page = render_glossary(TERMS, REFERENCES)
    filled = fill_used_on(page, lambda term_id: f"<p>used:{term_id}</p>")
    assert "hb-used-on" not in filled
    assert [f"<p>used:{term.id}</p>" in filled for term in TERMS] == [True] * len(TERMS)


def test_citation_runs_collapse_and_every_first_use_keeps_a_way_back():
    from handbook.generate.citation_numbers import cited_numbers, number_runs

    assert number_runs([8, 3, 9, 10, 12, 13]) == [[3], [8, 9, 10], [12, 13]]
    assert cited_numbers([8, 3, 9, 10, 12, 13], str) == "3, 8–10, 12, 13"
    refs = {key: REFERENCES["kingma2013"] for key in "abcdef"}
    rendered = render_citations("A [@a]. B [@b; @c; @d; @e]. C [@f; @a].\n", "x/y.md", refs)
    soup = BeautifulSoup(markdown.markdown(rendered, extensions=["attr_list"]), "html.parser")
    second = soup.select("sup.hb-cite")[1]
    assert second.get_text() == "[2–5]"
    # Every entry links back to an element that exists, ranges included (c and d).
    ids = {element["id"] for element in soup.select("[id]")}
    backs = [a["href"][1:] for a in soup.select("a.hb-cite-back")]
    assert len(backs) == 6 and set(backs) <= ids
    # Every citation number leads to its entry in the page's list.
    assert {a["href"][1:] for a in soup.select("sup.hb-cite a")} <= ids
