"""Column types live in one registry (hooks/handbook/load/column_types.py): the loader checks
cells with it, the table generator shows and marks them with it, the browser sorts by it."""

from __future__ import annotations

import re

from handbook.load.column_types import COLUMN_TYPES
from helpers import PROJECT


def test_each_type_checks_its_cells():
    assert COLUMN_TYPES["year"].problem(2014) is None
    assert "is not a number" in COLUMN_TYPES["year"].problem("about 2014")[0]
    assert COLUMN_TYPES["number"].problem(0.5) is None
    assert COLUMN_TYPES["date"].problem("2022-08") is None
    assert "is not a date" in COLUMN_TYPES["date"].problem("2022-02-30")[0]
    assert COLUMN_TYPES["text"].problem("anything") is None


def test_each_type_says_how_it_is_shown_and_sorted():
    assert COLUMN_TYPES["date"].display("2022-08-22") == "22 Aug 2022"
    assert COLUMN_TYPES["year"].display("2014") == "2014"
    assert not COLUMN_TYPES["text"].raw_sort_value  # text sorts by what is shown
    script = (PROJECT / "docs" / "assets" / "javascripts" / "handbook.js").read_text()
    # The browser knows "number" (numeric order) and treats every other kind as text.
    assert re.search(r'getAttribute\("data-hb-sort"\) === "number"', script)
    assert {kind.sort for kind in COLUMN_TYPES.values()} <= {"number", "text"}
