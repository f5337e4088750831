"""The Lighthouse command reports the median run per category, not the last or the best."""

from __future__ import annotations

from lighthouse_scores import CATEGORIES, median_scores


def test_median_of_runs_per_category():
    runs = [
        {"performance": 88, "accessibility": 100, "best-practices": 100, "seo": 100},
        {"performance": 97, "accessibility": 98, "best-practices": 100, "seo": 100},
        {"performance": 95, "accessibility": 100, "best-practices": 96, "seo": 100},
    ]
    assert median_scores(runs) == {
        "performance": 95,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }
    assert set(median_scores(runs)) == set(CATEGORIES)


def test_an_even_number_of_runs_takes_the_lower_middle():
    runs = [dict.fromkeys(CATEGORIES, score) for score in (90, 94, 96, 99)]
    assert median_scores(runs)["performance"] == 94
