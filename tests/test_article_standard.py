"""Every article meets the house standard: cited, linked to related pages, with self-checks.

Landing pages (home, section indexes) and the generated or data-driven reference pages are
exempt; everything a contributor writes under a section folder is not.
"""

from __future__ import annotations

import re

from handbook.load.markdown_scan import split_front_matter

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


QUESTION_TITLE = re.compile(r"^\?\?\? question \"(?P<title>.*)\"", re.MULTILINE)


def question_key(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", title.lower()))


def test_no_self_check_question_is_asked_on_two_pages(project):
    pages: dict[str, list[str]] = {}
    for path, text in articles(project):
        for match in QUESTION_TITLE.finditer(text):
            pages.setdefault(question_key(match["title"]), []).append(path)
    repeated = {question: where for question, where in pages.items() if len(where) > 1}
    assert repeated == {}


def test_the_repeat_check_sees_a_question_that_differs_only_in_case_and_punctuation():
    assert question_key("What does FID measure?") == question_key("what does FID measure")


def opening_sentence(definition: str) -> str:
    return re.split(r"(?<=[.!?])\s", definition.strip(), maxsplit=1)[0]


def names_term(sentence: str, names: list[str]) -> bool:
    words = " ".join(re.findall(r"[a-z0-9@]+", sentence.lower()))
    return any(
        " ".join(re.findall(r"[a-z0-9@]+", name.lower())).removesuffix("s") in words
        for name in names
    )


def test_every_glossary_definition_opens_with_a_sentence_that_names_the_term(handbook):
    missing = [
        term.id
        for term in handbook.terms.values()
        if not names_term(opening_sentence(term.definition), [term.term, *term.aliases])
    ]
    assert missing == []


def test_the_opening_check_rejects_a_definition_that_starts_elsewhere():
    assert names_term("The KV cache is the store of keys and values.", ["KV cache"])
    assert not names_term("When a transformer generates text, each token attends.", ["KV cache"])
