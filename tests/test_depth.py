"""The depth the model-family pages promise (issue 16): the derivations each page must carry,
and 2-3 exercises at its end, each with a hidden solution. Programs and figures have their
own tests (test_page_programs.py, test_figures.py)."""

from __future__ import annotations

import re

import pytest

from test_page_programs import DOCS, FAMILY_PAGES

DERIVATION = re.compile(r'^\?\?\?\+? derivation "Derivation: (?P<title>[^"]+)"', re.MULTILINE)
EXERCISE = re.compile(
    r'^\?\?\?\+? exercise "(?P<title>[^"]+)"\n(?P<body>(?:(?: {4}.*)?\n)*)', re.MULTILINE
)
SOLUTION = re.compile(r'^ {4}\?\?\? solution "', re.MULTILINE)
# Words each required derivation's title must contain (lower case), page by page.
REQUIRED_DERIVATIONS = {
    "model-families/diffusion-models.md": [
        ("posterior",),
        ("noise-prediction loss",),
        ("ddim",),
        ("score matching",),
        ("probability-flow ode",),
    ],
    "model-families/vaes.md": [
        ("elbo", "jensen"),
        ("reparameterization",),
        ("importance-weighted",),
    ],
    "model-families/gans.md": [
        ("optimal discriminator",),
        ("jensen–shannon",),
        ("wasserstein dual",),
        ("gradient norm",),
    ],
    "model-families/flow-models.md": [
        ("change-of-variables",),
        ("coupling", "triangular jacobian"),
        ("velocity",),
    ],
    "model-families/autoregressive-models.md": [("chain rule",), ("cross-entropy",)],
    "model-families/transformers.md": [("multiply-adds",), ("cache",)],
    "concepts/scaling-laws.md": [("6",), ("compute-optimal",)],
}


def text(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted(REQUIRED_DERIVATIONS))
def test_each_page_derives_what_it_promises(page):
    titles = [match["title"].lower() for match in DERIVATION.finditer(text(page))]
    missing = [
        words
        for words in REQUIRED_DERIVATIONS[page]
        if not any(all(word in title for word in words) for title in titles)
    ]
    assert not missing, f"docs/{page}: no derivation titled with {missing}; titles: {titles}"


@pytest.mark.parametrize("page", FAMILY_PAGES)
def test_each_family_page_ends_with_two_or_three_exercises_with_solutions(page):
    page_text = text(page)
    assert "\n## Exercises\n" in page_text, f"docs/{page}: no Exercises section"
    section = page_text.split("\n## Exercises\n", 1)[1]
    assert "\n## " not in section, f"docs/{page}: Exercises is not the last section"
    exercises = list(EXERCISE.finditer(section))
    assert 2 <= len(exercises) <= 3, f"docs/{page}: {len(exercises)} exercises"
    for exercise in exercises:
        assert len(SOLUTION.findall(exercise["body"])) == 1, (
            f"docs/{page}: exercise {exercise['title']!r} needs one hidden solution"
        )
        assert re.match(
            r"Exercise \d\. (Derive|Change the code|Predict, then test): ", exercise["title"]
        ), f"docs/{page}: {exercise['title']!r} should say what it asks for"


def test_the_exercise_check_sees_a_missing_solution():
    section = '??? exercise "Exercise 1. Derive: x"\n    Show it.\n\n'
    (exercise,) = EXERCISE.finditer(section)
    assert SOLUTION.findall(exercise["body"]) == []
