"""One notation (data/notation.yml): every article follows it, and the check catches clashes."""

from __future__ import annotations

import pytest

from handbook.generate.notation import Notation, load_notation, notation_clashes
from handbook.load.build_errors import HandbookDataError

NOTATION = [
    Notation("Sampling temperature", r"\tau", ("temperature",), "divides the logits"),
    Notation("Number of diffusion steps", "T", ("denoising steps",), "steps", also=("t",)),
    Notation("Number of layers", "L", ("layers", "number of layers"), "blocks", also=("l",)),
]


@pytest.fixture(scope="module")
def notation(project):
    return load_notation(project / "data" / "notation.yml")


def test_every_article_uses_the_notation(project, notation):
    clashes = [
        f"docs/{path.relative_to(project / 'docs')}: {clash}"
        for path in sorted((project / "docs").rglob("*.md"))
        for clash in notation_clashes(path.read_text(encoding="utf-8"), notation)
    ]
    assert clashes == []


def test_t_for_both_temperature_and_steps_on_one_page_is_caught():
    page = (
        "Sample for $T$ denoising steps, then decode with temperature $T$.\n\n"
        "```python\ntemperature $T$  # code is not checked\n```\n"
    )
    assert notation_clashes(page, NOTATION) == [
        r"line 1: sampling temperature written $T$; the notation's symbol is $\tau$"
    ]


def test_the_notations_symbols_and_related_ones_pass_and_others_do_not():
    page = (
        r"At temperature $\tau = 0.7$ and after $t$ denoising steps, with $T$ denoising steps "
        "in all; the number of layers *L*, in layers $l$.\n"
        "Attention costs $O(n^2)$ when $n < d$, the number of layers, stays small.\n"
    )
    assert notation_clashes(page, NOTATION) == []
    assert notation_clashes("the number of layers *N*", NOTATION) == [
        "line 1: number of layers written $N$; the notation's symbol is $L$"
    ]


def test_the_notation_file_is_validated(tmp_path):
    bad = tmp_path / "notation.yml"
    bad.write_text("- quantity: Temperature\n  symbol: '\\tau'\n  meanin: typo\n")
    with pytest.raises(HandbookDataError) as caught:
        load_notation(bad, "data/notation.yml")
    assert [problem.render() for problem in caught.value.problems] == [
        "data/notation.yml:1: notation entry 1, field 'meanin': is not a known field. "
        "Fix: rename it to 'meaning'",
        "data/notation.yml:1: notation entry 1, field 'words': is missing. Fix: add "
        "'words: [...]' with at least one item",
        "data/notation.yml:1: notation entry 1, field 'meaning': is missing or empty. Fix: add "
        "'meaning: ...' to this entry",
    ]


def test_the_notation_page_lists_every_symbol(built_site, notation):
    page = (built_site / "reference" / "notation" / "index.html").read_text(encoding="utf-8")
    for entry in notation:
        assert entry.quantity in page
