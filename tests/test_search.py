"""The handbook's search: the index builder (hooks/handbook/render/search_index.py), its agreement with the
browser engine (overrides/assets/javascripts/search-engine.js), and search in the built site.

Relevance as a whole is measured by `make search-eval` (108 reader queries, both editions);
these tests pin the behaviour that ranking relies on and the promises made to readers."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from browser import chromium, require_chromium, serve_directory
from handbook.render.search_index import (
    STOP_WORDS,
    PageInfo,
    acronym_pairs,
    build_search_index,
    encode_number,
    search_files,
    shard_count,
    shard_of,
)

PROJECT = Path(__file__).resolve().parent.parent
ENGINE = PROJECT / "overrides" / "assets" / "javascripts" / "search-engine.js"


def doc(location: str, title: str, text: str = "") -> dict:
    return {"location": location, "title": title, "text": text}


PAGES = {
    "model-families/gans/": PageInfo("Model families", "article"),
    "model-families/vaes/": PageInfo("Model families", "article"),
    "reference/glossary/": PageInfo("Reference", "glossary"),
}
DOCS = [
    doc("model-families/gans/", "Generative adversarial networks"),
    doc(
        "model-families/gans/#training",
        "Training",
        "<p>Mode collapse is a failure of GAN training.</p>",
    ),
    doc("model-families/vaes/", "Variational autoencoders", "<p>A VAE has an encoder.</p>"),
    doc(
        "model-families/vaes/#failures",
        "Failures",
        "<p>Posterior collapse, and sometimes mode collapse, mode collapse, mode collapse.</p>",
    ),
    doc(
        "model-families/vaes/#references",
        "References",
        "<p>Kingma. Auto-Encoding Variational Bayes.</p>",
    ),
    doc("reference/glossary/", "Glossary", "<p>Every term.</p>"),
    doc(
        "reference/glossary/#term-mode-collapse",
        "Mode collapse",
        "<p>In short: a generator that produces a narrow range of outputs.</p>",
    ),
    doc(
        "reference/glossary/#term-vae",
        "VAE",
        "<p>Retrieval-augmented generation (RAG) is not this.</p>",
    ),
]


def build(docs=DOCS):
    names = {
        "term-vae": ("VAE", "variational autoencoder"),
        "term-mode-collapse": ("Mode collapse",),
    }
    return build_search_index(docs, PAGES, names)


def impact(index, word: str, location: str) -> int:
    unit = next(n for n, u in enumerate(index.units) if u.location == location)
    return dict(index.postings[word]).get(unit, 0)


def test_every_glossary_entry_is_its_own_result_unit():
    index = build()
    glossary = [u for u in index.units if u.kind == "glossary"]
    assert [u.location for u in glossary] == [
        "reference/glossary/",
        "reference/glossary/#term-mode-collapse",
        "reference/glossary/#term-vae",
    ]
    assert glossary[2].names == ("VAE", "variational autoencoder")
    assert [u.path for u in index.units[:2]] == ["Model families", "Model families"]


def test_a_page_named_after_a_word_outranks_one_that_repeats_it():
    index = build()
    # "collapse" four times in the VAE page's text, once in a GAN heading-less section;
    # "variational" is in the VAE page's title.
    assert impact(index, "variat", "model-families/vaes/") > impact(
        index, "variat", "reference/glossary/#term-vae"
    )
    titled = build(
        [
            doc("a/", "Mode collapse", "<p>When a generator covers few outputs.</p>"),
            doc("b/", "Training", "<p>How to train.</p>"),
            doc("b/#failures", "Failures", "<p>" + "Mode collapse again. " * 3 + "</p>"),
            *(doc(f"c{n}/", f"Page {n}", "<p>Unrelated words.</p>") for n in range(4)),
        ]
    )
    assert impact(titled, "collaps", "a/") > impact(titled, "collaps", "b/")


def test_stop_words_and_citation_numbers_are_not_indexed_and_forms_share_a_stem():
    index = build(
        [doc("a/", "Watermarking", "<p>The watermarks [12] of a watermarked image, 2024.</p>")]
    )
    assert not STOP_WORDS & set(index.postings)
    assert "12" not in index.postings and "2024" in index.postings
    assert set(index.forms["watermark"]) == {"watermarking", "watermarks", "watermarked"}


def test_a_reference_list_counts_less_and_is_never_shown():
    index = build()
    assert (
        0
        < impact(index, "bay", "model-families/vaes/")
        < impact(index, "encod", "model-families/vaes/")
    )
    shown = [loc for sections in index.unit_texts().values() for loc, _, _ in sections]
    assert "model-families/vaes/#references" not in shown
    assert "model-families/vaes/#failures" in shown


def test_acronyms_are_found_only_when_the_initials_spell_them():
    text = (
        "Retrieval-augmented generation (RAG) and low-rank adaptation (LoRA) but the model (GPT)."
    )
    assert acronym_pairs([text]) == {
        ("rag", "retrieval augmented generation"),
        ("lora", "low rank adaptation"),
    }


def test_aliases_and_acronyms_become_synonym_pairs():
    synonyms = set(build().synonyms)
    assert (("variat", "autoencod"), ("vae",)) in synonyms
    assert (("rag",), ("retriev", "augment", "generat")) in synonyms


def test_web_files_hold_no_text_at_load_and_offline_embeds_everything():
    index = build()
    web = search_files(index, {"lang": ["en"]}, offline=False)
    # Material reads the config (its word separator) to highlight words on the opened page.
    assert json.loads(web["search/search_index.json"]) == {"config": {"lang": ["en"]}, "docs": []}
    assert "search/meta.json" in web and "search/text/0.json" in web
    assert all(path.startswith("search/") for path in web)
    offline = search_files(index, {"lang": ["en"]}, offline=True)
    script = offline["search/search_index.js"]
    assert script.startswith("var __index = ")
    data = json.loads(script[len("var __index = ") : -1])
    assert data["docs"] == [] and set(data["config"]["handbook"]) == {"meta", "postings", "texts"}


def test_shards_split_by_size():
    assert shard_count({}) == 1
    assert shard_count({"a": [(0, 1)] * 10_000}) == 8  # 30,000 bytes at 6,000 a shard -> 8


@pytest.mark.browser
def test_browser_engine_decodes_what_python_encodes():
    """Shard hashing and the number encoding exist twice, in Python and in the engine."""
    require_chromium()
    stems = ["model", "diffus", "transform", "x", "3dgs", "über", "collaps", "a" * 40]
    numbers = [0, 1, 31, 32, 33, 1023, 1024, 99_999, 2**31]
    expected_shards = {stem: shard_of(stem, 32) for stem in stems}
    padded = [*numbers, 0]  # gap, impact, gap, impact, ...
    encoded = "".join(encode_number(n) for n in padded)
    with chromium() as browser:
        page = browser.new_page()
        page.add_script_tag(content=ENGINE.read_text(encoding="utf-8"))
        shards = page.evaluate(
            "(stems) => Object.fromEntries(stems.map(s => [s, shardOf(s, 32)]))", stems
        )
        pairs = page.evaluate("(text) => [...decodePostings(text)]", encoded)
    assert shards == expected_shards
    expected, unit = [], 0
    for gap, value in zip(padded[0::2], padded[1::2], strict=True):
        unit += gap
        expected.append([unit, value])
    assert pairs == expected


# ------------------------------------------------------------------ the built site


def test_built_site_ships_the_handbook_index_not_materials(built_site):
    stub = built_site / "search" / "search_index.json"
    assert json.loads(stub.read_text())["docs"] == []  # Material fetches it on every page view
    meta = json.loads((built_site / "search" / "meta.json").read_text())
    assert meta["version"] == 1 and len(meta["units"]) > 250
    glossary = [u for u in meta["units"] if u[3] == "glossary" and "#term-" in u[0]]
    assert len(glossary) > 100
    texts = [json.loads(p.read_text()) for p in (built_site / "search" / "text").glob("*.json")]
    entry_texts = [text for sections in texts for loc, _, text in sections if "#term-" in loc]
    assert entry_texts and all("In short:" in text for text in entry_texts)
    joined = " ".join(entry_texts)
    assert "Used on:" not in joined and "Related:" not in joined and "Sources:" not in joined


@pytest.fixture(scope="module")
def web_search(built_site):
    require_chromium()
    with chromium() as browser, serve_directory(built_site, "/handbook/", compress=True) as base:
        yield browser, base


def open_and_search(browser, base: str, query: str, viewport=(1280, 900)):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    fetched: list[str] = []
    context.on("request", lambda request: fetched.append(request.url[len(base) :]))
    page.goto(base + "model-families/gans/")
    page.wait_for_load_state("networkidle")
    at_load = list(fetched)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=40)
    # The final answer carries snippets (<p> teasers); titles-only answers may come first.
    page.locator(".md-search-result__item .md-search-result__article p").first.wait_for(
        timeout=15_000
    )
    return context, page, at_load, fetched


@pytest.mark.browser
def test_search_data_loads_on_search_and_results_show_section_snippet_one_glossary(web_search):
    browser, base = web_search
    context, page, at_load, fetched = open_and_search(browser, base, "mode collapse")
    # A page view fetches the worker stub and Material's empty index shell, nothing more.
    search_at_load = [url for url in at_load if "search" in url]
    assert search_at_load == ["assets/javascripts/search-worker.min.js", "search/search_index.json"]
    assert "search/meta.json" in fetched and any(url.startswith("search/text/") for url in fetched)
    items = page.locator(".md-search-result__item")
    first_three = [items.nth(i).inner_text() for i in range(3)]
    assert sum("Glossary" in text for text in first_three) <= 1
    gans = next(
        i
        for i in range(items.count())
        if "Generative adversarial networks" in items.nth(i).inner_text()
    )
    assert gans < 3
    item = items.nth(gans)
    assert item.locator(".hb-search-path").first.inner_text() == "Model families"
    assert item.locator("mark").count() >= 1  # the matched words, marked in the snippet
    href = item.locator("a").first.get_attribute("href")
    assert "model-families/gans/" in href and "h=" in href  # Material's on-page highlighting
    context.close()


@pytest.mark.browser
def test_misspelling_acronym_and_unfinished_word(web_search):
    browser, base = web_search
    context, page, _, _ = open_and_search(browser, base, "difusion models")
    search_box = page.locator("input.md-search__input")
    for query, page_path in (
        ("difusion models", "model-families/diffusion-models/"),
        ("what is a vae", "model-families/vaes/"),
        ("retrieval augmented gen", "concepts/retrieval-augmented-generation/"),
    ):
        if query != "difusion models":
            search_box.fill("")
            search_box.type(query, delay=20)
        page.wait_for_function(
            "(path) => { const a = document.querySelector('.md-search-result__item a');"
            " return a && a.href.includes(path) && a.closest('li').querySelector('p'); }",
            arg=page_path,
            timeout=10_000,
        )
    context.close()


@pytest.mark.browser
def test_suggestion_completes_the_word_being_typed(web_search):
    browser, base = web_search
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base)
    page.locator("input.md-search__input").click()
    page.keyboard.type("tokeniz", delay=40)
    suggest = page.locator(".md-search__suggest")
    page.wait_for_function(
        "() => document.querySelector('.md-search__suggest').textContent.length > 7"
    )
    assert suggest.inner_text().startswith("tokeniz")
    context.close()


def test_first_search_data_is_small_enough_to_measure(built_site):
    """Not the budget (make weight prints it): a guard that meta.json stays one small file
    and postings are sharded, so a first search never downloads them all."""
    meta = (built_site / "search" / "meta.json").read_bytes()
    shards = list((built_site / "search" / "postings").glob("*.json"))
    assert len(shards) == json.loads(meta)["shards"] > 1
    biggest = max(len(gzip.compress(p.read_bytes())) for p in shards)
    assert biggest * 4 < sum(len(gzip.compress(p.read_bytes())) for p in shards)
