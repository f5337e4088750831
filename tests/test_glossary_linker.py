"""The glossary linker: first mention only, whole words, never in code, links or headings."""

from __future__ import annotations

import re

from handbook.load.handbook_models import Term
from handbook.render.glossary_linker import TermIndex, link_terms


def term(term_id: str, name: str, aliases=(), auto_link=True) -> Term:
    return Term(
        id=term_id,
        term=name,
        aliases=tuple(aliases),
        short=f'Short <{term_id}> "def"',
        definition="",
        related=(),
        references=(),
        tags=(),
        auto_link=auto_link,
    )


TERMS = [
    term("gan", "GAN", ["generative adversarial network"]),
    term("diffusion-model", "Diffusion model"),
    term("kv-cache", "KV cache"),
    term("u-net", "U-Net"),
    term("query", "Query"),
    term("token", "Token", auto_link=False),
]
INDEX = TermIndex.build(TERMS)


def link(html: str, linkable=None) -> tuple[str, list[str]]:
    result = link_terms(html, INDEX, "../glossary/", linkable)
    return result.html, result.mentioned


def test_first_occurrence_only_and_case_insensitive():
    html, mentioned = link("<p>A DIFFUSION MODEL is trained. Another diffusion model follows.</p>")
    assert html == (
        '<p>A <a class="hb-term" href="../glossary/#term-diffusion-model">'
        "DIFFUSION MODEL</a> is "
        "trained. Another diffusion model follows.</p>"
    )
    assert mentioned == ["diffusion-model"]


def test_acronyms_match_only_in_capitals():
    index = TermIndex.build([term("inception-score", "Inception score", ["IS"]), *TERMS])
    result = link_terms("<p>This is a GAN; its IS is high; a gan.</p>", index, "g/")
    assert re.findall(r'#term-([a-z-]+)"[^>]*>([^<]*)</a>', result.html) == [
        ("gan", "GAN"),
        ("inception-score", "IS"),
    ]
    assert link_terms("<p>It is what it is.</p>", index, "g/").mentioned == []
    assert ">GANs</a>" in link("<p>Two GANs.</p>")[0]


def test_aliases_and_plurals_count_as_the_term():
    html, _ = link("<p>Generative adversarial networks and GANs.</p>")
    assert html.count('class="hb-term"') == 1
    assert '#term-gan">Generative adversarial networks</a>' in html
    html, _ = link("<p>Two queries and diffusion models.</p>")
    assert ">queries</a>" in html and ">diffusion models</a>" in html


def test_multi_word_and_punctuated_names_match_exactly():
    html, _ = link("<p>The KV cache and the U-Net.</p>")
    assert ">KV cache</a>" in html and ">U-Net</a>" in html
    html, mentioned = link("<p>The KV-cache and the U Net and KVcache.</p>")
    assert "hb-term" not in html and mentioned == []


def test_never_inside_a_longer_word_or_hyphenated_compound():
    html, mentioned = link("<p>GANs-like, preGAN, GANify, GAN_x and GAN-based models.</p>")
    assert "hb-term" not in html and mentioned == []


def test_never_inside_code_links_headings_or_pre():
    source = (
        '<h2 id="gan">GAN</h2><p><code>GAN</code> <a href="x">GAN</a></p>'
        "<pre><code>GAN</code></pre><p>Finally a GAN.</p>"
    )
    html, _ = link(source)
    assert html.count("hb-term") == 1
    assert html.endswith('Finally a <a class="hb-term" href="../glossary/#term-gan">GAN</a>.</p>')


def test_text_split_by_inline_markup_still_links_once():
    html, _ = link("<p><em>GAN</em> and <strong>GAN</strong></p>")
    assert html.count("hb-term") == 1 and html.startswith('<p><em><a class="hb-term"')


def test_opt_out_per_term_and_per_page():
    html, mentioned = link("<p>Every token counts.</p>")
    assert "hb-term" not in html and mentioned == ["token"]
    html, mentioned = link(
        "<p>A GAN and a diffusion model.</p>", linkable=frozenset({"diffusion-model"})
    )
    assert html.count("hb-term") == 1 and ">diffusion model</a>" in html
    assert mentioned == ["gan", "diffusion-model"]


def test_attributes_and_comments_are_never_touched():
    source = '<p title="GAN"><img alt="a GAN diagram" src="gan.svg"><!-- GAN --> text</p>'
    html, mentioned = link(source)
    assert html == source and mentioned == []


def test_character_references_are_not_matched_as_words():
    index = TermIndex.build([term("amp", "Amp"), term("gan", "GAN")])
    result = link_terms("<p>R&amp;B &amp; GAN, &#169; 2026</p>", index, "g/")
    assert result.mentioned == ["gan"]
    assert result.html.startswith('<p>R&amp;B &amp; <a class="hb-term"')


def test_longest_name_wins():
    index = TermIndex.build(
        [
            term("model", "Model"),
            term("diffusion-model", "Diffusion model"),
            term("diffusion", "Diffusion"),
        ]
    )
    result = link_terms("<p>A diffusion model.</p>", index, "g/")
    assert result.mentioned == ["diffusion-model"]


def test_never_inside_bold_labels_admonition_titles_captions_or_opted_out_spans():
    html, mentioned = link(
        '<p class="admonition-title">The GAN trick</p>'
        "<p><strong>GAN.</strong> <b>GAN</b></p>"
        "<figure><figcaption>GAN table</figcaption><table><tr><th>GAN</th></tr></table></figure>"
        '<p><span class="x hb-no-glossary">a <span>GAN</span> here</span> then a GAN.</p>'
    )
    assert html.count('class="hb-term"') == 1
    assert html.endswith('then a <a class="hb-term" href="../glossary/#term-gan">GAN</a>.</p>')
    assert mentioned == ["gan"]
