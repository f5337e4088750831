"""The text `make new-article` scaffolds, and how the build spots its prompts left in place.

A scaffolded page builds and passes the article tests as it is, so without a check its
"Replace this lead: ..." prompts could be published. The prompts are listed once here, next to
the template that writes them; tests/test_new_article.py checks that each appears in it.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook.load.markdown_scan import code_segments, line_of

TEMPLATE = """\
---
title: {title_yaml}
description: {description_yaml}
tags: [{tags}]
reviewed: {reviewed}
---

# {title}

Replace this lead: two to four sentences on what the reader will learn on this page.

## The idea in brief

Explain the concept in plain words first. Cite each technical claim right after it [@{example_key}].

## How it works

Add the mechanism, with an equation or a worked example where one helps.

## Limits and open questions

What it does not do, where the evidence is thin, and what is contested.

## Related pages

- [{section_title}](index.md)

## Check yourself

??? question "Replace with a question the page answers"
    Replace with a one- to three-sentence answer, indented by four spaces.
"""

DESCRIPTION_TEMPLATE = "Replace this: what {title} is and why it matters, in under 160 characters."

# A distinctive opening of each prompt the template and DESCRIPTION_TEMPLATE write.
PROMPTS = (
    "Replace this lead:",
    "Explain the concept in plain words first.",
    "Add the mechanism, with an equation or a worked example",
    "What it does not do, where the evidence is thin",
    "Replace with a question the page answers",
    "Replace with a one- to three-sentence answer",
    "Replace this: what ",
)


def leftover_prompts(markdown: str) -> Iterator[tuple[int, str]]:
    """(line, prompt) for each scaffold prompt still in `markdown` (a whole file), outside code."""
    offset = 0
    for is_code, text in code_segments(markdown):
        if not is_code:
            for prompt in PROMPTS:
                start = text.find(prompt)
                while start >= 0:
                    yield line_of(markdown, offset + start), prompt
                    start = text.find(prompt, start + 1)
        offset += len(text)
