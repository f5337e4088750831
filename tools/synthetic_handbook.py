"""Write a synthetic handbook (articles, glossary, tags, references, a table) for benchmarks.

Everything uses the project's own data formats, so the real hook builds it. With
`plain=True` the same pages are written as plain Markdown for a build without the hook:
citations as text, the table typed out, and glossary/tag pages as ordinary files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from project import PROJECT

WORDS = (
    "model data sample noise training network layer token output input distribution "
    "probability gradient loss update image text audio sequence step value function "
    "weight parameter vector space time cost signal result method system"
).split()
SECTIONS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta")


@dataclass(frozen=True)
class Shape:
    articles: int
    terms: int
    tags: int = 20
    references: int = 60
    words_per_article: int = 800
    # Per article; `Shape.math_heavy` gives the real handbook's density (December 2026, 52
    # articles: 21.7 inline and 1.8 display formulas, 0.23 figures and 0.56 tables each).
    inline_math: int = 0
    display_math: int = 0
    figure_every: int = 0  # one figure in every n-th article (0: none)
    table_every: int = 0  # one table in every n-th article (0: none)

    @classmethod
    def math_heavy(cls, articles: int, terms: int) -> Shape:
        return cls(articles, terms, inline_math=22, display_math=2, figure_every=4, table_every=2)


# Formulas come from these patterns with k = 1..FORMULA_VARIANTS: about 1,000 distinct ones,
# so a cold build typesets a bounded number (the real handbook: 733 distinct in 1,222) and
# N = 2,000 reuses what N = 200 typeset, as a larger handbook would.
FORMULAS = (
    r"x_{%d} + \sigma y",
    r"\frac{a_{%d}}{1 + b}",
    r"\sum_{i=1}^{%d} w_i x_i",
    r"\mathbb{E}\left[\lVert \epsilon - \epsilon_\theta(x_t, %d) \rVert^2\right]",
    r"p_\theta(x_{%d} \mid z)",
    r"\alpha^{%d} \beta_t",
    r"\log \sigma(%d\, s)",
)
FORMULA_VARIANTS = 150


def formula(rng: random.Random) -> str:
    return rng.choice(FORMULAS) % rng.randint(1, FORMULA_VARIANTS)


def term_name(index: int) -> str:
    return f"term{index} concept"


def _sentence(rng: random.Random, extra: list[str]) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
    for word in extra:
        words.insert(rng.randrange(len(words)), word)
    return " ".join(words).capitalize() + "."


def article_markdown(index: int, shape: Shape, rng: random.Random) -> str:
    tags = sorted({f"tag{rng.randrange(shape.tags)}" for _ in range(3)})
    lines = [
        "---",
        f"title: Article {index}",
        f"description: Synthetic article {index} for benchmarks.",
        f"tags: [{', '.join(tags)}]",
        "---",
        "",
        f"# Article {index}",
        "",
    ]
    paragraphs = _paragraph_count(shape)
    inline = _spread(shape.inline_math, paragraphs)
    display = _spread(shape.display_math, paragraphs)
    for paragraph in range(paragraphs):
        if paragraph % 4 == 0:
            lines += [f"## Part {paragraph // 4 + 1}", ""]
        mentions = [term_name(rng.randrange(shape.terms)) for _ in range(2)]
        citation = f"[@ref{rng.randrange(shape.references)}]"
        sentences = [_sentence(rng, mentions if i == 0 else []) for i in range(4)]
        sentences[1] = sentences[1][:-1] + f" {citation}."
        neighbour = (index + 1) % shape.articles
        sentences[2] += (
            f" See [article {neighbour}](../{SECTIONS[neighbour % len(SECTIONS)]}/a{neighbour}.md)."
        )
        for number in range(inline[paragraph]):
            sentences[number % 4] = sentences[number % 4][:-1] + f", as in ${formula(rng)}$."
        lines += [" ".join(sentences), ""]
        for _ in range(display[paragraph]):
            lines += ["$$", formula(rng), "$$", ""]
        if paragraph == 1 and shape.figure_every and index % shape.figure_every == 0:
            figure = index // shape.figure_every % FIGURES
            lines += [f"![Synthetic figure {figure}](../assets/figure{figure}.svg)", ""]
        if paragraph == 2 and shape.table_every and index % shape.table_every == 0:
            lines += _table(rng) + [""]
    if index == 0:
        lines += ["<!-- handbook:table bench -->", ""]
    return "\n".join(lines)


def _paragraph_count(shape: Shape) -> int:
    """Paragraphs of four sentences (about 70 words each) up to the article's length."""
    return max(1, round(shape.words_per_article / 70))


def _spread(total: int, slots: int) -> list[int]:
    """`total` items over `slots` as evenly as possible."""
    return [total // slots + (slot < total % slots) for slot in range(slots)]


def _table(rng: random.Random) -> list[str]:
    rows = [
        f"| {rng.choice(WORDS)} | {rng.randint(1, 99)} | {rng.choice(WORDS)} {rng.choice(WORDS)} |"
        for _ in range(5)
    ]
    return ["| Name | Value | Note |", "| --- | ---: | --- |", *rows]


FIGURES = 8  # distinct figure files, each a small SVG diagram like the handbook's


def _figure_svg(number: int) -> str:
    boxes = "".join(
        f'<rect x="{10 + 90 * i}" y="20" width="70" height="40" fill="none" stroke="#333"/>'
        f'<text x="{45 + 90 * i}" y="45" text-anchor="middle" font-size="12">step {i}</text>'
        for i in range(number % 3 + 2)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 80" width="400" height="80">'
        f"{boxes}</svg>\n"
    )


def write_handbook(
    root: Path, shape: Shape, plain: bool = False, prune: bool = True, seed: int = 7
) -> Path:
    """Create root/mkdocs.yml, root/docs and root/data; return the config path.

    `plain`: pages as the hook would hand them to MkDocs, for a build without the hook."""
    rng = random.Random(seed)
    docs, data = root / "docs", root / "data"
    (data / "tables").mkdir(parents=True, exist_ok=True)
    nav: dict[str, list[str]] = {section: [] for section in SECTIONS}
    for index in range(shape.articles):
        section = SECTIONS[index % len(SECTIONS)]
        path = docs / section / f"a{index}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_markdown(index, shape, rng))
        nav[section].append(f"{section}/a{index}.md")
    (docs / "index.md").write_text(
        "---\ntitle: Home\ndescription: Benchmark home.\n---\n# Home\n\nStart.\n"
    )
    if shape.figure_every:
        (docs / "assets").mkdir(exist_ok=True)
        for number in range(FIGURES):
            (docs / "assets" / f"figure{number}.svg").write_text(_figure_svg(number))
    _write_data(data, shape)
    config = _config(nav, plain, prune)
    if plain:
        hidden = write_hook_output(root, config["nav"])
        config["not_in_nav"] = "\n".join(f"/{page}" for page in hidden)
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def write_hook_output(root: Path, nav: list) -> list[str]:
    """Replace the articles by what the hook would make of them, and write the pages it would
    generate as files: the same pages, built without the hook doing the work.

    "The same" includes the hook's glossary links and the glossary's "used on" lists: without
    them the plain build would have less to render and index, and the comparison would measure
    content, not the hook. The links are put into the Markdown as HTML; that is exact here
    because synthetic articles mention terms only in plain sentences (the hook links rendered
    HTML, where it can also tell code and headings apart). tests/test_bench_baseline.py checks
    that both builds produce the same articles and glossary."""
    import posixpath
    import sys

    sys.path.insert(0, str(PROJECT / "hooks"))
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    from handbook.generate.generation_step import data_files, generate
    from handbook.load.handbook_data import DataPaths
    from handbook.load.markdown_scan import split_front_matter
    from handbook.paths import GLOSSARY_PATH
    from handbook.render.page_render import PageRender

    docs = root / "docs"
    generation = generate(DataPaths(root=root, docs_dir=docs), nav)
    render = PageRender(generation.handbook)
    glossary_url = "reference/glossary/"
    for src, article in generation.handbook.articles.items():
        path = docs / src
        url = File(src, str(docs), str(root / "site"), use_directory_urls=True).url
        bibliography = get_relative_url("reference/bibliography/", url)
        text = path.read_text()
        _, body, _ = split_front_matter(text)
        front = text[: len(text) - len(body)]
        body = render.markdown(body, src, bibliography)
        linked = render.link(
            body,
            src,
            get_relative_url(glossary_url, url),
            href_from_glossary=get_relative_url(url, glossary_url),
            title=article.title,
        )
        path.write_text(front + linked)

    # The data files the hook publishes (the bibliography links to the open data).
    for path, text in data_files(generation, release_url="", release="dev").items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text)

    hidden = []
    for page in generation.pages.values():
        target = docs / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            render.glossary(page.markdown) if page.src_path == GLOSSARY_PATH else page.markdown
        )
        if not page.in_nav:
            hidden.append(page.src_path)
    return [posixpath.normpath(path) for path in hidden]


def _write_data(data: Path, shape: Shape) -> None:
    terms = [
        {
            "id": f"term{i}",
            "term": term_name(i),
            "aliases": [],
            "short": f"Short definition {i}.",
            "definition": f"Definition {i}.",
            "related": [],
            "references": [f"ref{i % shape.references}"],
            "tags": [f"tag{i % shape.tags}"],
        }
        for i in range(shape.terms)
    ]
    tags = [{"name": f"tag{i}", "description": f"Tag {i}."} for i in range(shape.tags)]
    refs = [
        {
            "key": f"ref{i}",
            "authors": ["Doe, J."],
            "title": f"Paper {i}",
            "year": 2020,
            "venue": "Venue",
            "url": f"https://example.org/{i}",
        }
        for i in range(shape.references)
    ]
    table = {
        "id": "bench",
        "title": "Bench",
        "columns": [
            {"id": "name", "label": "Name"},
            {"id": "year", "label": "Year", "type": "year"},
        ],
        "rows": [
            {"name": "A", "year": 2014, "refs": ["ref0"]},
            {"name": "B", "year": 2020, "refs": ["ref1"]},
        ],
    }
    (data / "glossary.yml").write_text(yaml.safe_dump(terms, sort_keys=False))
    (data / "tags.yml").write_text(yaml.safe_dump(tags, sort_keys=False))
    (data / "references.yml").write_text(yaml.safe_dump(refs, sort_keys=False))
    (data / "tables" / "bench.yml").write_text(yaml.safe_dump(table, sort_keys=False))


def _config(nav: dict[str, list[str]], plain: bool, prune: bool) -> dict:
    real = yaml_load((PROJECT / "mkdocs.yml").read_text())  # MkDocs' loader: knows !ENV
    features = [f for f in real["theme"]["features"] if prune or f != "navigation.prune"]
    reference = ["reference/glossary.md", "reference/bibliography.md", "tags/index.md"]
    config = {
        "site_name": "Bench",
        "site_url": "https://example.org/",
        "strict": False,
        "theme": {
            "name": "material",
            "custom_dir": str(PROJECT / "overrides"),
            "font": False,
            "features": features,
        },
        "plugins": ["search"],
        "markdown_extensions": real["markdown_extensions"],
        "extra": {"version": {"provider": "mike"}},
        "nav": [
            "index.md",
            *({section.title(): pages} for section, pages in nav.items() if pages),
            {"Reference": reference},
        ],
    }
    if not plain:
        config["hooks"] = [str(PROJECT / "hooks" / "handbook_hooks.py")]
    return config
