"""FAQPage JSON-LD is built from the rendered `details.faq` blocks, and escapes what it copies."""

from __future__ import annotations

import json

from handbook.generate.faq_schema import faq_entries, faq_structured_data

PAGE = """
<h2>General</h2>
<details class="faq"><summary>Is it <em>safe</em>?</summary>
<p>It depends: see <a class="hb-term" href="#x" data-hb-def="d">hallucination</a>.</p>
<p>Cost grows as <span class="hb-math" role="math" aria-label="O(n^2)"><svg aria-hidden="true"><path d="M0"></path><text>junk</text></svg></span> per layer.</p>
<details class="note"><summary>Inner</summary><p>Nested text.</p></details>
</details>
<details class="question"><summary>Self-check, not an FAQ</summary><p>No.</p></details>
<details class="faq"><summary>Script?</summary><p>&lt;/script&gt;&lt;b&gt;</p></details>
"""


def test_entries_take_summary_as_question_and_the_rest_as_answer():
    assert faq_entries(PAGE) == [
        (
            "Is it safe?",
            "It depends: see hallucination. Cost grows as O(n^2) per layer. Inner Nested text.",
        ),
        ("Script?", "</script><b>"),
    ]


def test_structured_data_is_faqpage_json_that_cannot_close_its_script():
    text = faq_structured_data(PAGE)
    assert "<" not in text
    data = json.loads(text)
    assert data["@type"] == "FAQPage"
    assert [entry["name"] for entry in data["mainEntity"]] == ["Is it safe?", "Script?"]
    assert data["mainEntity"][1]["acceptedAnswer"] == {"@type": "Answer", "text": "</script><b>"}


def test_pages_without_faq_entries_get_none():
    assert faq_structured_data('<details class="question"><summary>Q</summary>A</details>') is None
