"""Finding an article's links in its Markdown, and the hints for broken ones (hooks/handbook/check/link_hints.py)."""

from __future__ import annotations

from handbook.check.link_hints import DocLink, broken_links, closest_page, find_doc_links

SOURCE = """---
title: T
---
See [VAEs](../model-families/vaes.md) and [below](#usage "title").
![A diagram](../assets/diagrams/x.svg) and [the web](https://example.org/a.md).

```markdown
[in code](nowhere.md) is an example, not a link
```

Inline `[code](nowhere.md)` too. [Ref]: scaling-laws.md#the-2020-measurements
[ref]: scaling-laws.md#the-2020-measurements
"""


def test_links_to_pages_and_anchors_are_found_with_their_lines_outside_code():
    assert find_doc_links(SOURCE, "concepts/page.md") == [
        DocLink(4, "../model-families/vaes.md", "model-families/vaes.md", ""),
        DocLink(4, "#usage", "concepts/page.md", "usage"),
        DocLink(
            12,
            "scaling-laws.md#the-2020-measurements",
            "concepts/scaling-laws.md",
            "the-2020-measurements",
        ),
    ]


ANCHORS = {
    "concepts/page.md": {"usage"},
    "concepts/scaling-laws.md": {"the-2020-measurements", "how-to-spend-a-fixed-budget"},
    "model-families/vaes.md": {"the-elbo"},
}
HEADINGS = {"concepts/scaling-laws.md": [("the-2020-measurements", "The 2020 measurements")]}


def messages(links):
    return [
        problem.render() for problem in broken_links({"concepts/page.md": links}, ANCHORS, HEADINGS)
    ]


def test_links_that_resolve_report_nothing():
    assert messages(find_doc_links(SOURCE, "concepts/page.md")) == []


def test_a_missing_page_suggests_the_closest_with_a_path_relative_to_the_article():
    link = DocLink(7, "../model-families/vae.md", "model-families/vae.md", "")
    assert messages([link]) == [
        "docs/concepts/page.md:7: link '../model-families/vae.md': no page "
        "docs/model-families/vae.md. Fix: use '../model-families/vaes.md' "
        "(docs/model-families/vaes.md), the closest page"
    ]


def test_a_missing_anchor_suggests_the_closest_heading_by_its_title():
    link = DocLink(
        9,
        "scaling-laws.md#the-2021-measurement",
        "concepts/scaling-laws.md",
        "the-2021-measurement",
    )
    assert messages([link]) == [
        "docs/concepts/page.md:9: link 'scaling-laws.md#the-2021-measurement': "
        "docs/concepts/scaling-laws.md has no anchor '#the-2021-measurement'. "
        "Fix: use '#the-2020-measurements' (the heading 'The 2020 measurements')"
    ]


def test_with_nothing_close_the_fix_lists_the_headings_instead_of_guessing():
    link = DocLink(2, "scaling-laws.md#zzz", "concepts/scaling-laws.md", "zzz")
    assert messages([link]) == [
        "docs/concepts/page.md:2: link 'scaling-laws.md#zzz': docs/concepts/scaling-laws.md has "
        "no anchor '#zzz'. Fix: link to one of its headings: #the-2020-measurements"
    ]
    same_page = DocLink(3, "#nowhere-at-all", "concepts/page.md", "nowhere-at-all")
    assert "this page has no anchor '#nowhere-at-all'" in messages([same_page])[0]


def test_the_closest_page_is_found_by_file_name_and_prefers_the_same_folder():
    pages = [
        "concepts/index.md",
        "model-families/index.md",
        "model-families/vaes.md",
        "tags/inference.md",
    ]
    assert closest_page("model-families/vae.md", pages) == "model-families/vaes.md"
    assert closest_page("concepts/vaes.md", pages) == "model-families/vaes.md"  # other folder
    assert closest_page("concepts/indexes.md", pages) == "concepts/index.md"  # same folder first
    assert closest_page("foundations/nowhere.md", pages) is None  # not 'index.md' by folder name
