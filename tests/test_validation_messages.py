"""Each validation problem names file, entry, field, what is wrong and the fix, exactly."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from handbook.load.article_records import scan_article
from handbook.load.build_errors import HandbookDataError, Problems, unknown_reference_fix
from handbook.load.data_records import parse_dataset, parse_references, parse_tags, parse_terms
from handbook.load.handbook_data import DataPaths, load_handbook
from handbook.load.yaml_source import parse_yaml

GOOD_TERM = """
- id: diffusion-model
  term: Diffusion model
  aliases: [denoising diffusion model]
  short: Learns to undo gradual noising.
  definition: A model that removes noise step by step.
  related: []
  references: [ho2020]
  tags: [architecture]
"""


def messages(problems: Problems) -> list[str]:
    return [problem.render() for problem in problems.items]


def parse(parser, text: str, file: str = "data/x.yml", *extra):
    problems = Problems()
    result = parser(parse_yaml(textwrap.dedent(text), file, problems), file, *extra, problems)
    return result, messages(problems)


def test_yaml_syntax_error_names_file_and_line():
    _, found = parse(parse_terms, "- id: a\n  term: [unclosed\n", "data/glossary.yml")
    assert found == [
        "data/glossary.yml:3: invalid YAML (did not find expected ',' or ']'). "
        "Fix: correct the syntax near that line (indentation, quotes, a missing ':')"
    ]


def test_missing_required_field():
    text = GOOD_TERM.replace("  short: Learns to undo gradual noising.\n", "")
    _, found = parse(parse_terms, text, "data/glossary.yml")
    assert found == [
        "data/glossary.yml:2: term 'diffusion-model', field 'short': is missing or empty. "
        "Fix: add 'short: ...' to this entry"
    ]


def test_wrong_type():
    _, found = parse(
        parse_terms, GOOD_TERM.replace("[ho2020]", "{key: ho2020}"), "data/glossary.yml"
    )
    assert found == [
        "data/glossary.yml:2: term 'diffusion-model', field 'references': must be a list "
        "of names, not a mapping. Fix: write it as 'references: [first, second]'"
    ]


def test_unknown_field_suggests_closest():
    _, found = parse(parse_terms, GOOD_TERM + "  alias: [x]\n", "data/glossary.yml")
    assert found == [
        "data/glossary.yml:2: term 'diffusion-model', field 'alias': is not a known field. "
        "Fix: rename it to 'aliases'"
    ]


def test_short_definition_too_long():
    _, found = parse(
        parse_terms,
        GOOD_TERM.replace("Learns to undo gradual noising.", "x" * 161),
        "data/glossary.yml",
    )
    assert found == [
        "data/glossary.yml:2: term 'diffusion-model', field 'short': is 161 characters "
        "long, more than 160. Fix: shorten it to at most 160 characters"
    ]


def test_control_character_in_text():
    _, found = parse(
        parse_terms,
        GOOD_TERM.replace("Learns to undo gradual noising.", r'"Learns to undo\x03 noising."'),
        "data/glossary.yml",
    )
    assert found == [
        "data/glossary.yml:2: term 'diffusion-model', field 'short': contains the control "
        "character U+0003. Fix: delete it (it is invisible; it often comes with text pasted "
        "from another program)"
    ]


def test_invalid_id():
    _, found = parse(
        parse_terms,
        GOOD_TERM.replace("id: diffusion-model", "id: Diffusion Model"),
        "data/glossary.yml",
    )
    assert found == [
        "data/glossary.yml:2: term 'Diffusion Model', field 'id': 'Diffusion Model' is not "
        "a valid term id. Fix: use lowercase letters, digits and single hyphens, "
        "e.g. 'diffusion-model'"
    ]


def test_citation_inside_definition():
    _, found = parse(
        parse_terms,
        GOOD_TERM.replace("step by step.", "step by step [@ho2020]."),
        "data/glossary.yml",
    )
    assert found == [
        "data/glossary.yml:2: term 'diffusion-model', field 'definition': contains a "
        "[@key] citation. Fix: list the key under 'references:' instead; the glossary "
        "cites from there"
    ]


def test_file_that_is_not_a_list():
    _, found = parse(parse_tags, "name: basics\n", "data/tags.yml")
    assert found == [
        "data/tags.yml: must be a list of tags, found a mapping (key: value lines). "
        "Fix: start each tag with '- ' at the left margin"
    ]


def test_reference_year_must_be_a_number():
    text = """
    - key: ho2020
      authors: [Ho, J.]
      title: Denoising Diffusion Probabilistic Models
      year: twenty-twenty
      venue: NeurIPS
      url: https://arxiv.org/abs/2006.11239
    """
    _, found = parse(parse_references, text, "data/references.yml")
    assert found == [
        "data/references.yml:2: reference 'ho2020', field 'year': must be a whole number, "
        "found str 'twenty-twenty'. Fix: write a number between 1800 and 2100"
    ]


DATASET = """
id: families
title: Families
columns:
  - id: family
    label: Family
  - id: year
    label: Year
    type: year
rows:
  - family: GAN
    year: 2014
    refs: [goodfellow2014]
"""


def test_dataset_id_must_match_file_name():
    _, found = parse(parse_dataset, DATASET, "data/tables/other.yml", "other")
    assert found == [
        "data/tables/other.yml:2: dataset 'other', field 'id': 'families' differs from the "
        "file name 'other.yml'. Fix: set 'id: other' or rename the file to 'families.yml'"
    ]


def test_dataset_row_with_unknown_column_and_no_source():
    text = DATASET.replace("    year: 2014\n    refs: [goodfellow2014]\n", "    yeer: 2014\n")
    _, found = parse(parse_dataset, text, "data/tables/families.yml", "families")
    assert found == [
        "data/tables/families.yml:11: dataset 'families' row 1 ('GAN'), field 'yeer': is not a known "
        "field. Fix: rename it to 'year'",
        "data/tables/families.yml:11: dataset 'families' row 1 ('GAN'), field 'refs': the row cites no "
        "source. Fix: add 'refs: [key]' to the row or 'refs' to one of its cells",
    ]


def test_year_column_needs_a_number():
    _, found = parse(
        parse_dataset,
        DATASET.replace("year: 2014", "year: circa 2014"),
        "data/tables/families.yml",
        "families",
    )
    assert found == [
        "data/tables/families.yml:11: dataset 'families' row 1 ('GAN'), field 'year': "
        "'circa 2014' is not a number, but the column is of type year. Fix: write a plain "
        "number (put any nuance into another column)"
    ]


def article(markdown: str, path: str = "foundations/page.md") -> list[str]:
    problems = Problems()
    scan_article(path, textwrap.dedent(markdown).lstrip(), problems)
    return messages(problems)


def test_article_without_front_matter():
    assert article("# Title\n\nText.\n") == [
        "docs/foundations/page.md:1: front matter: is missing. Fix: start the file with '---', "
        "'title:', 'description:', 'tags: [...]' and '---'"
    ]


def test_article_with_invalid_front_matter_yaml():
    assert article("---\ntitle: A: B\n---\nText.\n") == [
        "docs/foundations/page.md:2: invalid YAML (mapping values are not allowed in this context). "
        "Fix: correct the syntax near that line (indentation, quotes, a missing ':')"
    ]


def test_empty_article():
    assert article("---\ntitle: T\ndescription: D\ntags: [basics]\n---\n\n") == [
        "docs/foundations/page.md: body: the article has no text. Fix: write the article below the "
        "front matter, or delete the file"
    ]


def test_article_needs_tags_but_landing_page_does_not():
    page = "---\ntitle: T\ndescription: D\n---\nText.\n"
    assert article(page) == [
        "docs/foundations/page.md:1: front matter, field 'tags': is missing. "
        "Fix: add 'tags: [...]' with at least one item"
    ]
    assert article(page, "foundations/index.md") == []


def test_malformed_citation_and_marker_typos():
    found = article("""
        ---
        title: T
        description: D
        tags: [basics]
        ---
        Text [@ho2020, p. 3].

        <!-- handbok:table families -->

        <!-- handbook:tabel families -->
        """)
    assert found == [
        "docs/foundations/page.md:6: citation [@ho2020, p. 3]: is malformed. Fix: write citations as "
        "[@key] or [@key1; @key2]",
        "docs/foundations/page.md:8: marker <!-- handbok:table -->: 'handbok' is not a marker namespace. "
        "Fix: write 'handbook:table'",
        "docs/foundations/page.md:10: marker <!-- handbook:tabel -->: 'tabel' is not a marker kind. "
        "Fix: use 'handbook:table'",
    ]


def test_citation_examples_inside_code_are_ignored():
    assert (
        article(
            "---\ntitle: T\ndescription: D\ntags: [basics]\n---\n"
            "Write `[@key]` or\n\n```\n[@not a citation]\n```\n"
        )
        == []
    )


# ---- Cross-file checks, through load_handbook on a small project in tmp_path ----------


def write_project(
    root: Path, glossary: str = GOOD_TERM, article_text: str | None = None
) -> DataPaths:
    (root / "data" / "tables").mkdir(parents=True)
    (root / "docs" / "foundations").mkdir(parents=True)
    (root / "data" / "glossary.yml").write_text(textwrap.dedent(glossary))
    (root / "data" / "tags.yml").write_text(
        "- name: architecture\n  description: How models are built.\n"
        "- name: basics\n  description: Core ideas.\n"
    )
    (root / "data" / "references.yml").write_text(
        "- key: ho2020\n  authors: [Ho, J.]\n  title: DDPM\n  year: 2020\n  venue: NeurIPS\n"
        "  url: https://arxiv.org/abs/2006.11239\n"
    )
    (root / "data" / "tables" / "families.yml").write_text(
        textwrap.dedent(DATASET).replace("goodfellow2014", "ho2020")
    )
    (root / "docs" / "foundations" / "page.md").write_text(
        article_text or ("---\ntitle: T\ndescription: D\ntags: [basics]\n---\nText [@ho2020].\n")
    )
    return DataPaths(root=root, docs_dir=root / "docs")


def load_messages(paths: DataPaths) -> list[str]:
    with pytest.raises(HandbookDataError) as caught:
        load_handbook(paths)
    return [problem.render() for problem in caught.value.problems]


def test_valid_project_loads(tmp_path):
    handbook = load_handbook(write_project(tmp_path))
    assert list(handbook.terms) == ["diffusion-model"]
    assert handbook.articles["foundations/page.md"].citations == ("ho2020",)


def test_duplicate_term_id(tmp_path):
    found = load_messages(
        write_project(
            tmp_path,
            GOOD_TERM
            + GOOD_TERM.replace("Diffusion model", "Other").replace(
                "denoising diffusion model", "other name"
            ),
        )
    )
    assert found == [
        "data/glossary.yml:11: id 'diffusion-model', field 'id': is defined twice (first at "
        "line 2). Fix: give "
        "one of the two entries another id, or merge them"
    ]


def test_alias_colliding_with_another_term(tmp_path):
    second = (
        GOOD_TERM.replace("id: diffusion-model", "id: ddpm")
        .replace("term: Diffusion model", "term: DDPM")
        .replace("[denoising diffusion model]", "[Diffusion Model]")
    )
    found = load_messages(write_project(tmp_path, GOOD_TERM + second))
    assert found == [
        "data/glossary.yml:11: term 'ddpm', field 'aliases': 'Diffusion Model' is already a "
        "name of term 'diffusion-model'. Fix: remove the duplicate name from one of the "
        "two terms"
    ]


def test_unknown_related_term_reference_and_tag_suggest_closest(tmp_path):
    broken = (
        GOOD_TERM.replace("related: []", "related: [diffusion-modl]")
        .replace("[ho2020]", "[ho2021]")
        .replace("tags: [architecture]", "tags: [architectur]")
    )
    found = load_messages(write_project(tmp_path, broken))
    assert found == [
        "data/glossary.yml:2: term 'diffusion-model', field 'related': 'diffusion-modl' is not a "
        "known term id. Fix: use a term id defined in data/glossary.yml",
        "data/glossary.yml:2: term 'diffusion-model', field 'references': 'ho2021' is not a known "
        "reference key. Fix: did you mean 'ho2020'? If not, add 'ho2021' to data/references.yml",
        "data/glossary.yml:2: term 'diffusion-model', field 'tags': 'architectur' is not a known tag. "
        "Fix: use 'architecture', the closest tag",
    ]


# With no close key, the fix says how to add the reference (checked word for word below).
HOW_TO_ADD_HO2020 = unknown_reference_fix("ho2020", [])


def test_an_unknown_citation_with_no_close_key_says_how_to_add_the_reference(tmp_path):
    text = "---\ntitle: T\ndescription: D\ntags: [basics]\n---\nFirst line.\n\nText [@smith2031widgets].\n"
    found = load_messages(write_project(tmp_path, article_text=text))
    assert found == [
        "docs/foundations/page.md:8: citation [@smith2031widgets]: 'smith2031widgets' is not a key "
        "in data/references.yml. Fix: if 'smith2031widgets' is a new source, add it to "
        "data/references.yml with the fields key, authors (a list), title, year, venue and url, "
        "and the day you checked it, e.g.\n"
        "      - key: smith2031widgets\n"
        "        authors:\n"
        "        - Surname, A.\n"
        "        title: The exact title of the paper or page\n"
        "        year: 2025\n"
        "        venue: arXiv preprint\n"
        "        url: https://arxiv.org/abs/2501.00000\n"
        "        verified_on: 'YYYY-MM-DD'\n"
        '    (CONTRIBUTING.md, "Add a reference"); if it is already there, copy its key exactly'
    ]
    # No unrelated key is offered as a correction.
    assert "did you mean" not in found[0]


def test_unknown_tag_citation_dataset_and_column_in_article(tmp_path):
    text = (
        "---\ntitle: T\ndescription: D\ntags: [basic]\n---\nText [@ho2002].\n\n"
        "<!-- handbook:table familes -->\n\n<!-- handbook:table families columns=family,yaer -->\n"
    )
    found = load_messages(write_project(tmp_path, article_text=text))
    assert found == [
        "docs/foundations/page.md: front matter, field 'tags': 'basic' is not a known tag. "
        "Fix: use 'basics', the closest tag",
        "docs/foundations/page.md:6: citation [@ho2002]: 'ho2002' is not a key in "
        "data/references.yml. Fix: did you mean 'ho2020'? If not, add 'ho2002' to "
        "data/references.yml",
        "docs/foundations/page.md: marker <!-- handbook:table familes --> (line 8), field 'dataset': "
        "'familes' is not a dataset. Fix: use 'families', the closest dataset",
        "docs/foundations/page.md: marker <!-- handbook:table families columns=family,yaer --> "
        "(line 10), field 'columns': 'yaer' is not a known column. Fix: use 'year', the closest column",
    ]


def test_all_problems_are_reported_together(tmp_path):
    paths = write_project(
        tmp_path,
        GOOD_TERM.replace("[ho2020]", "[nope]"),
        article_text="---\ntitle: T\ndescription: D\ntags: [nope]\n---\nText.\n",
    )
    (tmp_path / "data" / "tags.yml").write_text("- name: basics\n  description: [broken\n")
    with pytest.raises(HandbookDataError) as caught:
        load_handbook(paths)
    report = caught.value.report()
    assert report.startswith("The handbook cannot be built: 4 problems found.")
    assert "data/tags.yml:3: invalid YAML" in report
    assert report.endswith("Nothing was written; the previous site/ is unchanged.")


@pytest.mark.parametrize(
    ("parser", "text", "extra", "expected"),
    [
        (parse_terms, GOOD_TERM.replace("related: []", "related: [diffusion-model]"), (), None),
        (
            parse_terms,
            GOOD_TERM + "  link: sometimes\n",
            (),
            "data/x.yml:2: term 'diffusion-model', field 'link': must be true or false, not 'sometimes'. "
            "Fix: write 'link: true' or 'link: false'",
        ),
        (
            parse_references,
            "- key: a b\n  authors: [X]\n  title: T\n  year: 2020\n  venue: V\n"
            "  url: www.example.org\n",
            (),
            "data/x.yml:1: reference 'a b', field 'key': 'a b' has characters a citation cannot use. "
            "Fix: use letters, digits, '-', '_', '.' or ':'",
        ),
        (
            parse_dataset,
            DATASET.replace("type: year", "type: datetime"),
            ("families",),
            "data/x.yml:7: dataset 'families' column 'year', field 'type': 'datetime' is not a column type. "
            "Fix: use one of text, year, number, date",
        ),
        (
            parse_dataset,
            DATASET.replace("family: GAN", "family: [GAN]"),
            ("families",),
            "data/x.yml:11: dataset 'families' row 1, field 'family': must be text or a number, found "
            "['GAN']. Fix: write the cell as plain text, or as {text: ..., refs: [...]}",
        ),
    ],
)
def test_more_field_problems(parser, text, extra, expected):
    _, found = parse(parser, text, "data/x.yml", *extra)
    if expected is None:
        assert found == []  # self-reference is a cross-file check, see below
    else:
        assert expected in found


def test_reference_url_must_be_a_web_address():
    text = (
        "- key: ho2020\n  authors: [X]\n  title: T\n  year: 2020\n  venue: V\n"
        "  url: www.example.org\n"
    )
    _, found = parse(parse_references, text, "data/references.yml")
    assert found == [
        "data/references.yml:1: reference 'ho2020', field 'url': 'www.example.org' is not "
        "a web address. Fix: give a full https:// URL"
    ]


def test_front_matter_that_is_not_a_mapping_and_unreadable_marker():
    assert article("---\n- just a list\n---\nText.\n") == [
        "docs/foundations/page.md:2: front matter: must be 'field: value' lines. Fix: write one "
        "'field: value' per line (see CONTRIBUTING.md)",
        "docs/foundations/page.md:1: front matter, field 'title': is missing or empty. Fix: add "
        "'title: ...' to this entry",
        "docs/foundations/page.md:1: front matter, field 'description': is missing or empty. Fix: add "
        "'description: ...' to this entry",
        "docs/foundations/page.md:1: front matter, field 'tags': is missing. Fix: add 'tags: [...]' "
        "with at least one item",
    ]
    assert article(
        "---\ntitle: T\ndescription: D\ntags: [basics]\n---\n"
        "<!-- handbook:table families rows=3 -->\n"
    ) == [
        "docs/foundations/page.md:6: marker <!-- handbook:table -->: 'rows=3' is not an option (use "
        'columns=a,b, where=column:text or caption="..."). Fix: write <!-- handbook:table DATASET '
        "columns=a,b where=column:text -->"
    ]


def test_missing_data_file_and_self_related_and_unknown_glossary_skip(tmp_path):
    paths = write_project(
        tmp_path,
        GOOD_TERM.replace("related: []", "related: [diffusion-model]"),
        article_text="---\ntitle: T\ndescription: D\ntags: [basics]\n"
        "glossary_skip: [difusion-model]\n---\nText.\n",
    )
    (tmp_path / "data" / "references.yml").unlink()
    found = load_messages(paths)
    assert found == [
        "data/references.yml: the file does not exist. Fix: create it (see README, 'How the data is "
        "laid out')",
        "data/glossary.yml:2: term 'diffusion-model', field 'related': lists the term itself. "
        "Fix: remove 'diffusion-model'",
        "data/glossary.yml:2: term 'diffusion-model', field 'references': 'ho2020' is not a known "
        f"reference key. Fix: {HOW_TO_ADD_HO2020}",
        "data/tables/families.yml: dataset 'families' row 1, field 'refs': 'ho2020' is not a known "
        f"reference key. Fix: {HOW_TO_ADD_HO2020}",
        "docs/foundations/page.md: front matter, field 'glossary_skip': 'difusion-model' is not a "
        "known term id. Fix: use 'diffusion-model', the closest term id",
    ]


DATED = """
id: systems
title: Systems
columns:
  - id: name
    label: Name
  - id: released
    label: Released
    type: date
rows:
  - name: Stable Diffusion
    released: {released}
    refs: [stability-sd]
"""


@pytest.mark.parametrize("value", ["2022-08-22", "'2022-08'", "2022"])
def test_date_column_accepts_iso_dates(value):
    dataset, found = parse(
        parse_dataset, DATED.format(released=value), "data/tables/systems.yml", "systems"
    )
    assert found == []
    assert dataset.rows[0].cells["released"].text == value.strip("'")


@pytest.mark.parametrize("value", ["Aug 2022", "2022-13", "2022-02-30"])
def test_date_column_rejects_other_text(value):
    _, found = parse(
        parse_dataset, DATED.format(released=value), "data/tables/systems.yml", "systems"
    )
    assert found == [
        "data/tables/systems.yml:11: dataset 'systems' row 1 ('Stable Diffusion'), field "
        f"'released': '{value}' is not a date, but the column is of type date. Fix: write "
        "YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022-08-22"
    ]


def test_filter_matching_no_row_and_timeline_without_dates(tmp_path):
    text = (
        "---\ntitle: T\ndescription: D\ntags: [basics]\n---\nText.\n\n"
        "<!-- handbook:table families where=family:GANN -->\n\n"
        "<!-- handbook:timeline families -->\n"
    )
    found = load_messages(write_project(tmp_path, article_text=text))
    assert found == [
        "docs/foundations/page.md: marker <!-- handbook:table families where=family:GANN --> "
        "(line 8), field 'where': matches no row of dataset 'families'. Fix: check the spelling "
        "of the filter text, or remove the marker",
        "docs/foundations/page.md: marker <!-- handbook:timeline families --> (line 10), field "
        "'dataset': 'families' has no column of type date to order a timeline by. Fix: add a date "
        "column to data/tables/families.yml, or use handbook:table",
    ]


def test_marker_caption_option_is_read_with_quotes():
    problems = Problems()
    record = scan_article(
        "foundations/page.md",
        "---\ntitle: T\ndescription: D\ntags: [basics]\n---\n"
        '<!-- handbook:table families where=family:GAN caption="Adversarial models" -->\n',
        problems,
    )
    assert messages(problems) == []
    assert record.markers[0].caption == "Adversarial models"
