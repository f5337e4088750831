"""Every article meets the house standard: cited, linked to related pages, with self-checks.

Landing pages (home, section indexes) and the generated or data-driven reference pages are
exempt; everything a contributor writes under a section folder is not.
"""

from __future__ import annotations

import re

from markdown_scan import split_front_matter

SECTIONS = ("foundations", "model-families", "modalities", "concepts", "applications", "risks")
QUESTION = re.compile(r"^\?\?\? question \"", re.MULTILINE)
RELATED = re.compile(r"^## Related pages\n(?P<body>(?:.*\n)*?)(?=^## |\Z)", re.MULTILINE)
LINK = re.compile(r"\]\((?!https?:)[^)]+\.md(?:#[^)]*)?\)")


def articles(project):
    docs = project / "docs"
    for section in SECTIONS:
        for path in sorted((docs / section).glob("*.md")):
            if path.name != "index.md":
                yield path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8")


def test_there_are_articles_to_check(project):
    assert len(list(articles(project))) >= 40


def test_every_article_cites_at_least_three_sources(project, handbook):
    thin = {
        src: len(set(handbook.articles[src].citations))
        for src, _text in articles(project)
        if len(set(handbook.articles[src].citations)) < 3
    }
    assert thin == {}


def test_every_article_has_related_pages_and_three_to_five_self_checks(project):
    problems = {}
    for src, text in articles(project):
        questions = len(QUESTION.findall(text))
        related = RELATED.search(text)
        links = len(LINK.findall(related.group("body"))) if related else 0
        if not 3 <= questions <= 5 or links < 2:
            problems[src] = f"{questions} self-check questions, {links} related links"
    assert problems == {}


def test_every_article_opens_with_a_lead_under_its_title(project):
    missing = []
    for src, text in articles(project):
        body = split_front_matter(text)[1].lstrip()
        heading, _, rest = body.partition("\n")
        lead = rest.lstrip("\n").split("\n\n", 1)[0]
        if (
            not heading.startswith("# ")
            or len(lead.split()) < 25
            or lead.startswith(("#", "!", "<", "-"))
        ):
            missing.append(src)
    assert missing == []
