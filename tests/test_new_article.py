"""The scaffold makes a page that builds strictly and is in the navigation; orphans fail."""

from __future__ import annotations

import pytest
import yaml

from handbook.load.article_scaffold import DESCRIPTION_TEMPLATE, PROMPTS, TEMPLATE
from new_article import add_to_nav, create_article, slugify
from test_build_failures import assert_failed_cleanly, build


def test_slugify():
    assert slugify("Mixture of Experts (MoE)!") == "mixture-of-experts-moe"


def test_add_to_nav_appends_to_the_right_section():
    config = (
        "nav:\n  - Home: index.md\n  - Key concepts:\n      - concepts/index.md\n"
        "      - concepts/tokenization.md\n  - Risks:\n      - risks/index.md\n"
    )
    assert add_to_nav(config, "concepts", "concepts/moe.md") == (
        "nav:\n  - Home: index.md\n  - Key concepts:\n      - concepts/index.md\n"
        "      - concepts/tokenization.md\n      - concepts/moe.md\n  - Risks:\n"
        "      - risks/index.md\n"
    )


def test_scaffold_is_in_nav_fails_while_it_holds_prompts_and_builds_once_written(project_copy):
    page = create_article(
        "Mixture of experts", "concepts", ["text", "architecture"], project=project_copy
    )
    assert page == project_copy / "docs" / "concepts" / "mixture-of-experts.md"
    nav = yaml.load((project_copy / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]
    concepts = next(
        item["Key concepts"] for item in nav if isinstance(item, dict) and "Key concepts" in item
    )
    assert concepts[-1] == "concepts/mixture-of-experts.md"

    # As scaffolded: every prompt is named with its line, and nothing is written.
    lines = page.read_text(encoding="utf-8").splitlines()
    expected = []
    for prompt in PROMPTS:
        number = next(n for n, line in enumerate(lines, 1) if prompt in line)
        expected.append(
            f"docs/concepts/mixture-of-experts.md:{number}: body: still holds the scaffold's "
            f"placeholder text '{prompt} ...'"
        )
    assert_failed_cleanly(build(project_copy), project_copy, *expected)

    # Written: the same page builds strictly.
    text = page.read_text(encoding="utf-8")
    for line in text.splitlines():
        if any(prompt in line for prompt in PROMPTS):
            indent = line[: len(line) - len(line.lstrip())]
            text = text.replace(line, indent + WRITTEN.get(line.strip()[:3], "Own words here."), 1)
    page.write_text(text, encoding="utf-8")
    result = build(project_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    built = (project_copy / "site" / "concepts" / "mixture-of-experts" / "index.html").read_text()
    assert "Check yourself" in built and "<h1" in built


# Stand-ins for what an author writes over the prompts (the question line keeps its syntax).
WRITTEN = {
    "des": "description: How a router sends each token to a few expert layers.",
    "???": '??? question "What does the router choose?"',
}


def test_every_prompt_the_build_looks_for_is_in_the_scaffold():
    scaffold = TEMPLATE + DESCRIPTION_TEMPLATE
    assert all(prompt in scaffold for prompt in PROMPTS)


def test_scaffold_refuses_unknown_section_tags_and_existing_pages(project_copy):
    with pytest.raises(SystemExit, match="'nowhere' is not a section"):
        create_article("X", "nowhere", ["text"], project=project_copy)
    with pytest.raises(SystemExit, match="unknown: txt"):
        create_article("X", "concepts", ["txt"], project=project_copy)
    with pytest.raises(SystemExit, match="already exists"):
        create_article("Tokenization", "concepts", ["text"], project=project_copy)


def test_page_outside_nav_and_unlinked_fails_the_build(project_copy):
    (project_copy / "docs" / "concepts" / "orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: Nobody links here.\ntags: [text]\n---\n# Orphan\n\nText.\n"
    )
    assert_failed_cleanly(
        build(project_copy),
        project_copy,
        "concepts/orphan.md",
        'not included in the "nav" configuration',
    )
