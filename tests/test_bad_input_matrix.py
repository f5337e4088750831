"""The bad-input matrix: each kind of broken input, planted in a copy of the real project,
stops the real build command with its exact message, a non-zero exit and the previous site/
left as it was.

Problems found while loading data are collected and reported together, so all of them are
planted in one copy and built once (a case per message below). Broken links, anchors and
images are only known after rendering, so they get a second build of their own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from project_copy import copy_project
from test_build_failures import assert_failed_cleanly, build, edit

GLOSSARY = "data/glossary.yml"
BROKEN_TABLE = "data/tables/broken.yml"


def plant_data_problems(project: Path) -> None:
    glossary = project / GLOSSARY
    # duplicate term id: a second entry that reuses the id 'gan'
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(
        text + "\n- id: gan\n  term: Adversarial net\n  aliases: []\n  short: Same id again.\n"
        "  definition: A duplicate.\n  related: []\n  references: []\n  tags: [image]\n"
        # an alias that already names another term; a related id that does not exist;
        # an unknown reference key; a wrong type; a missing required field
        "\n- id: vae-copy\n  term: Variational copy\n  aliases: [variational autoencoder]\n"
        "  short: Collides.\n  definition: An alias collision.\n  related: [generatr]\n"
        "  references: [goodfelow2014]\n  tags: [image]\n"
        "\n- id: typed-wrong\n  term: Typed wrong\n  aliases: []\n  link: sometimes\n"
        "  definition: No short field.\n  related: []\n  references: []\n  tags: [image]\n",
        encoding="utf-8",
    )
    # YAML syntax error, in a file of its own so the glossary still loads
    (project / BROKEN_TABLE).write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    vaes = project / "docs" / "model-families" / "vaes.md"
    edit(vaes, "tags: [architecture, image, math, training]", "tags: [architecture, imgae, math]")
    edit(
        vaes,
        "## Encoder, decoder and prior",
        "Cited [@kingma2031].\n\n<!-- handbook:table model-famlies -->\n\n"
        "<!-- handbook:table model-families columns=family,likelyhood -->\n\n"
        "<!-- handbok:table model-families -->\n\n## Encoder, decoder and prior",
    )
    (project / "docs" / "foundations" / "empty.md").write_text(
        "---\ntitle: Empty\ndescription: Nothing yet.\ntags: [basics]\n---\n\n", encoding="utf-8"
    )
    (project / "docs" / "foundations" / "bad-front.md").write_text(
        "---\ntitle: [unclosed\n---\n# Bad\n", encoding="utf-8"
    )


# case -> (file, the exact message after "file[:line]: "). Glossary lines move as terms are
# added, so the line is checked for presence, not value.
DATA_CASES = {
    "yaml syntax error": (
        BROKEN_TABLE,
        "invalid YAML (did not find expected ',' or ']'). Fix: correct the syntax near that "
        "line (indentation, quotes, a missing ':')",
    ),
    "wrong type": (
        GLOSSARY,
        "term 'typed-wrong', field 'link': must be true or false, not 'sometimes'. "
        "Fix: write 'link: true' or 'link: false'",
    ),
    "missing required field": (
        GLOSSARY,
        "term 'typed-wrong', field 'short': is missing or empty. Fix: add 'short: ...' to this entry",
    ),
    "duplicate term id": (
        GLOSSARY,
        "id 'gan', field 'id': is defined twice (first at line {gan_line}). Fix: give one of the "
        "two entries another id, or merge them",
    ),
    "alias colliding with another term": (
        GLOSSARY,
        "term 'vae-copy', field 'aliases': 'variational autoencoder' is already a name of term "
        "'vae'. Fix: remove the duplicate name from one of the two terms",
    ),
    "related term pointing nowhere": (
        GLOSSARY,
        "term 'vae-copy', field 'related': 'generatr' is not a known term id. "
        "Fix: use 'generator', the closest term id",
    ),
    "unknown reference key in data": (
        GLOSSARY,
        "term 'vae-copy', field 'references': 'goodfelow2014' is not a known reference key. "
        "Fix: did you mean 'goodfellow2014'? If not, add 'goodfelow2014' to data/references.yml",
    ),
    "unknown tag": (
        "docs/model-families/vaes.md",
        "front matter, field 'tags': 'imgae' is not a known tag. Fix: use 'image', the closest tag",
    ),
    "unknown citation key": (
        "docs/model-families/vaes.md",
        "citation [@kingma2031]: 'kingma2031' is not a key in data/references.yml. "
        "Fix: did you mean 'kingma2013'? If not, add 'kingma2031' to data/references.yml",
    ),
    "unknown dataset": (
        "docs/model-families/vaes.md",
        "marker <!-- handbook:table model-famlies --> (line N), field 'dataset': 'model-famlies' "
        "is not a dataset. Fix: use 'model-families', the closest dataset",
    ),
    "unknown column": (
        "docs/model-families/vaes.md",
        "marker <!-- handbook:table model-families columns=family,likelyhood --> (line N), field "
        "'columns': 'likelyhood' is not a known column. Fix: use 'likelihood', the closest column",
    ),
    "marker typo": (
        "docs/model-families/vaes.md",
        "marker <!-- handbok:table -->: 'handbok' is not a marker namespace. "
        "Fix: write 'handbook:table'",
    ),
    "empty article": (
        "docs/foundations/empty.md",
        "body: the article has no text. Fix: write the article below the front matter, or "
        "delete the file",
    ),
    "invalid front matter": (
        "docs/foundations/bad-front.md",
        "invalid YAML (did not find expected ',' or ']'). Fix: correct the syntax near that "
        "line (indentation, quotes, a missing ':')",
    ),
}


@pytest.fixture(scope="module")
def data_failure(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("matrix") / "project")
    plant_data_problems(project)
    return project, build(project)


def test_every_data_problem_stops_the_build_together_and_keeps_the_site(data_failure):
    project, result = data_failure
    assert_failed_cleanly(
        result,
        project,
        f"The handbook cannot be built: {len(DATA_CASES)} problems found.",
        "Nothing was written; the previous site/ is unchanged.",
    )


@pytest.mark.parametrize("case", DATA_CASES)
def test_bad_input_is_named_with_file_entry_field_and_fix(data_failure, case):
    project, result = data_failure
    file, message = DATA_CASES[case]
    gan_line = next(
        number
        for number, text in enumerate((project / GLOSSARY).read_text().splitlines(), start=1)
        if text == "- id: gan"
    )
    expected = re.escape(message.format(gan_line=gan_line))
    # A marker is named with its line, which moves whenever vaes.md is edited.
    expected = expected.replace(re.escape("(line N)"), r"\(line \d+\)")
    line = rf"  - {re.escape(file)}(:\d+)?: {expected}$"
    assert re.search(line, result.stderr, re.MULTILINE), result.stderr[-4000:]
    if file == GLOSSARY:  # glossary problems point at the entry's line
        assert re.search(rf"  - {re.escape(file)}:\d+: {re.escape(message[:30])}", result.stderr)


def test_broken_link_anchor_and_image_stop_the_build_and_keep_the_site(project_copy):
    page = project_copy / "docs" / "foundations" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nSee [a missing page](nowhere.md), [a missing section](what-is-generative-ai.md#nothing-here)"
        " and ![a missing diagram](../assets/diagrams/missing.svg).\n"
        "\nTypos: [VAEs](../model-families/vae.md) and [the overview](how-it-works.md#the-pipeline-at-a-glanse).\n",
        encoding="utf-8",
    )
    assert_failed_cleanly(
        build(project_copy),
        project_copy,
        "Doc file 'foundations/index.md' contains a link 'nowhere.md', but the target "
        "'foundations/nowhere.md' is not found among documentation files.",
        # The anchor is reported by the handbook's own check, with the line and the headings.
        "docs/foundations/index.md:22: link 'what-is-generative-ai.md#nothing-here': "
        "docs/foundations/what-is-generative-ai.md has no anchor '#nothing-here'. Fix: link to one "
        "of its headings: #what-is-generative-ai, #the-one-line-definition,",
        "docs/foundations/index.md:22: link 'nowhere.md': no page docs/foundations/nowhere.md. "
        "Fix: check the path: it is relative to this file's folder, e.g. '../concepts/x.md'",
        # A typo gets the closest page (by file name) or heading (by its title).
        "docs/foundations/index.md:24: link '../model-families/vae.md': no page "
        "docs/model-families/vae.md. Fix: use '../model-families/vaes.md' "
        "(docs/model-families/vaes.md), the closest page",
        "docs/foundations/index.md:24: link 'how-it-works.md#the-pipeline-at-a-glanse': "
        "docs/foundations/how-it-works.md has no anchor '#the-pipeline-at-a-glanse'. Fix: use "
        "'#the-pipeline-at-a-glance' (the heading 'The pipeline at a glance')",
        "Doc file 'foundations/index.md' contains a link '../assets/diagrams/missing.svg', but the "
        "target 'assets/diagrams/missing.svg' is not found among documentation files.",
        "Build failed; site was left as it was.",
    )
