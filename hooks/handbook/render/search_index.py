"""The handbook's search index: Material's extracted sections, analysed and ranked ahead of time.

Material's search plugin splits every page into sections (title, text, location) and its lunr
worker ranks them in the browser from the full text: about 1.6 MB that every first page view
downloaded. This module turns the same sections into

* `search/meta.json`, loaded by the first search: the result units, the surface forms of
  every word stem (so the browser needs no stemmer: it looks words up, and corrects
  misspellings against the forms), acronym and alias pairs, stop words;
* `search/postings/K.json`, split by a hash of the stem: for every stem, the units it occurs
  in with a precomputed BM25F impact (title words weigh more than body words, long units are
  normalised); a search loads only the shards of its own words;
* `search/text/N.json`, one per unit: the plain text of its sections, fetched only when that
  unit is shown in the results, to pick the section to show and cut a snippet.

A "unit" is what one search result stands for: an article, or one glossary entry (235 entries
would otherwise make the glossary match almost every query). The ranking in the browser is in
overrides/assets/javascripts/search-engine.js, which reads exactly these structures.

Pure functions over plain data: importable and testable without MkDocs.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import snowballstemmer

from handbook.paths import SEARCH_MATERIAL_INDEX, SEARCH_OFFLINE_INDEX
from handbook.paths import SEARCH_META_FILE as META_FILE
from handbook.paths import SEARCH_POSTINGS_FOLDER as POSTINGS_FOLDER
from handbook.paths import SEARCH_TEXT_FOLDER as TEXT_FOLDER
from handbook.render.citations import REFERENCES_ANCHOR

FORMAT_VERSION = 1
SHARD_BYTES = 6_000  # aim for postings shards of about this size (before compression)

# Words too common to say anything about a page; a query made only of them keeps them.
STOP_WORDS = frozenset(
    """a about after again al all also am an and any are as at be because been before being
    between both but by can could did do does doing done during each et few for from further
    get gets got had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our out over own
    same she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why
    will with would you your""".split()
)
TOKEN = re.compile(r"[a-z0-9]+")  # the browser splits queries with the same pattern

# BM25F over a unit's body, headings and lead: a heading word counts as HEADING_WEIGHT body
# words (at most 3 times), a lead word (the text before the first subheading) LEAD_WEIGHT
# (at most twice), a word of the unit's reference list REFERENCES_WEIGHT; body text is
# length-normalised with b, the sum saturated with k1. The weights were chosen on the
# tuning queries of tests/search/ (README, "Search"). A word of the unit's own title
# adds TITLE_BONUS on top, outside the saturation, or a page that uses a word often would
# rank level with the page named after it.
HEADING_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
REFERENCES_WEIGHT = 0.3
TITLE_BONUS = 1.5
K1 = 2.0
B = 0.75
IMPACT_SCALE = 10  # impacts are stored as integers: round(score * IMPACT_SCALE)

# How much a match on each kind of page is worth next to the same match in an article.
# Lists and indexes repeat the titles and summaries of the articles they point to.
KIND_PRIOR = {
    "article": 1.0,
    "home": 0.6,
    "section": 0.7,
    "glossary": 0.5,
    "notation": 0.8,
    "bibliography": 0.4,
    "timeline": 0.6,
    "whats-new": 0.6,
    "tags": 0.3,
}

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# "retrieval-augmented generation (RAG)": an acronym in parentheses after its words.
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][A-Za-z0-9]*[\s-]+){1,6})$")

_stemmer = snowballstemmer.stemmer("english")


_COMBINING_MARKS = re.compile("[\u0300-\u036f]")  # the range search-engine.js strips


def fold(text: str) -> str:
    """Lower case without accents: 'Café' -> 'cafe' (the browser folds queries the same way)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", lowered))


def words(text: str) -> list[str]:
    return TOKEN.findall(fold(text))


def search_index_version() -> str:
    """What an index depends on besides the pages: this module and the stemmer's version (for
    render_cache.py: a change makes new keys)."""
    from importlib import metadata
    from pathlib import Path

    from handbook.render.render_cache import source_digest

    stemmers = [f"{name} {metadata.version(name)}" for name in ("snowballstemmer", "PyStemmer")]
    return " ".join(["search-index", *stemmers, source_digest(Path(__file__))])


@functools.cache
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def plain_text(markup: str) -> str:
    """Material's section text is HTML; the index and the snippets use the words only."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


@dataclass(frozen=True)
class Section:
    location: str  # as Material wrote it: "model-families/gans/#mode-collapse"
    title: str
    text: str  # plain text
    unit: int
    is_unit_head: bool  # the page itself (or the glossary entry), not a part of it
    # An article's reference list counts for ranking (the papers it cites say what it is
    # about) but is never the section a result shows: a list of titles is no answer.
    shown: bool = True


@dataclass(frozen=True)
class Unit:
    location: str
    title: str
    path: str  # its navigation section, shown with the result: "Model families"
    kind: str
    names: tuple[str, ...] = ()  # a glossary entry's term and aliases


@dataclass
class SearchIndex:
    units: list[Unit]
    sections: list[Section]
    postings: dict[str, list[tuple[int, int]]]
    forms: dict[str, list[str]]
    synonyms: list[tuple[tuple[str, ...], tuple[str, ...]]]
    stop_words: frozenset[str] = field(default=STOP_WORDS)

    def postings_shards(self) -> list[dict[str, str]]:
        """Postings split by stem hash: a search loads only the shards of its words.
        Per stem, "gap impact gap impact ..." over ascending unit numbers, encode_number'd."""
        count = shard_count(self.postings)
        shards: list[dict[str, str]] = [{} for _ in range(count)]
        for term, entries in sorted(self.postings.items()):
            numbers, previous = [], 0
            for unit, impact in entries:
                numbers += [unit - previous, impact]
                previous = unit
            shards[shard_of(term, count)][term] = "".join(encode_number(n) for n in numbers)
        return shards

    def meta_json(self) -> dict:
        """What a search loads first: the words (forms by stem, most used stems first, for
        lookup, correction and completion), the result units, aliases and stop words."""
        by_use = sorted(self.forms, key=lambda term: (-len(self.postings.get(term, ())), term))
        return {
            "version": FORMAT_VERSION,
            "token": TOKEN.pattern,
            "stop": sorted(self.stop_words),
            "shards": shard_count(self.postings),
            "units": [[u.location, u.title, u.path, u.kind, list(u.names)] for u in self.units],
            "forms": [[term, encode_forms(term, self.forms[term])] for term in by_use],
            "synonyms": [[list(a), list(b)] for a, b in self.synonyms],
        }

    def unit_texts(self) -> dict[int, list[list]]:
        """Per unit: [location, heading, plain text] of each of its sections, for choosing the
        section to show and cutting its snippet. The unit's own head has an empty heading."""
        texts: dict[int, list[list]] = defaultdict(list)
        for section in self.sections:
            if section.shown:
                heading = "" if section.is_unit_head else section.title
                texts[section.unit].append([section.location, heading, section.text])
        return {unit: texts.get(unit, []) for unit in range(len(self.units))}


_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def encode_number(number: int) -> str:
    """Base 32, most significant digit first; every digit but the last is shifted up by 32
    (a "more follows" flag). Gaps and impacts are mostly one character."""
    if number < len(_SMALL_NUMBERS):
        return _SMALL_NUMBERS[number]
    return _encode(number)


def _encode(number: int) -> str:
    digits = []
    while True:
        digits.append(number & 31)
        number >>= 5
        if not number:
            break
    digits.reverse()
    return "".join(_DIGITS[d + 32] for d in digits[:-1]) + _DIGITS[digits[-1]]


# An index has about 100,000 gaps and impacts, nearly all small: encoded once, looked up.
_SMALL_NUMBERS = [_encode(number) for number in range(4096)]


def shard_count(postings: Mapping[str, Sequence]) -> int:
    """A power of two that keeps shards near SHARD_BYTES (about 3 bytes per posting)."""
    estimate = sum(len(entries) for entries in postings.values()) * 3
    count = 1
    while estimate / count > SHARD_BYTES and count < 4096:
        count *= 2
    return count


def shard_of(term: str, count: int) -> int:
    """FNV-1a (32 bit) of the stem, modulo the shard count; the worker computes the same."""
    value = 0x811C9DC5
    for byte in term.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value % count


def encode_forms(term: str, forms: Sequence[str]) -> str:
    """The words that share a stem, most frequent first; ".ing" stands for term + "ing"."""
    return " ".join("." + form[len(term) :] if form.startswith(term) else form for form in forms)


@dataclass(frozen=True)
class PageInfo:
    """What the build knows of a page that the search index needs (the glue fills it in)."""

    section: str  # the navigation section holding it, shown above each result: "Model families"
    kind: str  # a key of KIND_PRIOR; "glossary" pages have one result unit per entry


ARTICLE = PageInfo("", "article")


def split_units(
    docs: Sequence[Mapping],
    pages: Mapping[str, PageInfo],
    glossary_names: Mapping[str, tuple[str, ...]],
) -> tuple[list[Unit], list[Section]]:
    """Material's documents as result units and their sections, in Material's order.

    `pages` maps a page's location ("model-families/gans/") to its PageInfo; `glossary_names`
    maps an entry's anchor ("term-vae") to its term and aliases.
    """
    units: list[Unit] = []
    sections: list[Section] = []
    unit_of_page: dict[str, int] = {}
    for doc in docs:
        location = doc["location"]
        page, _, anchor = location.partition("#")
        info = pages.get(page, ARTICLE)
        title = plain_text(doc.get("title", ""))
        text = plain_text(doc.get("text", ""))
        if info.kind == "glossary" and anchor.startswith("term-"):
            names = glossary_names.get(anchor, ())
            units.append(Unit(location, title, info.section, info.kind, names))
            sections.append(Section(location, title, text, len(units) - 1, True))
            continue
        if page not in unit_of_page:
            units.append(Unit(page, title, info.section, info.kind))
            unit_of_page[page] = len(units) - 1
        unit = unit_of_page[page]
        sections.append(
            Section(location, title, text, unit, not anchor, anchor != REFERENCES_ANCHOR)
        )
    return units, sections


def search_files(index: SearchIndex, config: Mapping, offline: bool) -> dict[str, str]:
    """The files that replace Material's search index, by site path.

    Web: search/search_index.json keeps only Material's `config` (no documents), and the
    worker fetches the rest when a reader searches.
    Offline: search/search_index.js carries everything, as file:// pages cannot fetch.
    """
    meta = index.meta_json()
    shards = index.postings_shards()
    texts = index.unit_texts()
    compact = {"separators": (",", ":"), "ensure_ascii": False}
    # Material's script fetches this file on every page view: it passes it to the worker,
    # which needs nothing from it on the web, and reads `config` (the word separator) to
    # highlight the searched words on the page a result opens. So: the config, and no docs.
    stub = {SEARCH_MATERIAL_INDEX: json.dumps({"config": config, "docs": []}, **compact)}
    if offline:
        data = {"meta": meta, "postings": shards, "texts": texts}
        # Material hands the worker only `config` and `docs` of this object.
        script = "var __index = " + json.dumps(
            {"config": {**config, "handbook": data}, "docs": []}, **compact
        )
        return {**stub, SEARCH_OFFLINE_INDEX: script + ";"}
    files = {**stub, META_FILE: json.dumps(meta, **compact)}
    for number, shard in enumerate(shards):
        files[f"{POSTINGS_FOLDER}/{number}.json"] = json.dumps(shard, **compact)
    for unit, sections in texts.items():
        files[f"{TEXT_FOLDER}/{unit}.json"] = json.dumps(sections, **compact)
    return files


def acronym_pairs(texts: Iterable[str]) -> set[tuple[str, str]]:
    """('rag', 'retrieval augmented generation') for every 'Retrieval-augmented generation
    (RAG)' whose words' initials spell the acronym (a trailing plural s is allowed; in a
    mixed-case acronym such as LoRA, its capitals)."""
    pairs = set()
    for text in texts:
        for match in _ACRONYM.finditer(text):
            acronym = match.group(1)
            before_text = _WORDS_BEFORE.search(text, max(0, match.start() - 120), match.start())
            if before_text is None:
                continue
            letters = acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym
            if not letters.isupper():  # "LoRA": the capitals are the initials
                letters = "".join(ch for ch in letters if ch.isupper())
            letters = letters.lower()
            before = words(before_text.group(1))
            for size in range(len(letters), 0, -1):
                tail = before[-size:]
                initials = "".join(word[0] for word in tail)
                if len(tail) == size and initials == letters[: len(initials)] and size > 1:
                    if initials == letters:
                        pairs.add((fold(acronym), " ".join(tail)))
                    break
    return pairs


def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in words(phrase) if word not in STOP_WORDS)


def build_search_index(
    docs: Sequence[Mapping],
    pages: Mapping[str, PageInfo],
    glossary_names: Mapping[str, tuple[str, ...]] = {},
) -> SearchIndex:
    units, sections = split_units(docs, pages, glossary_names)
    # Term frequencies per unit and field, then one BM25F impact per (stem, unit). Which
    # section of a unit to show is decided in the browser, from the unit's text file.
    body = [Counter() for _ in units]
    title = [Counter() for _ in units]
    heading = [Counter() for _ in units]
    lead = [Counter() for _ in units]
    forms: dict[str, Counter] = defaultdict(Counter)
    for section in sections:
        body_words = [w for w in words(section.text) if _indexable(w)]
        title_words = [w for w in words(section.title) if _indexable(w)]
        for word in body_words + title_words:
            forms[stem(word)][word] += 1
        if section.shown:
            body[section.unit].update(stem(w) for w in body_words)
        else:  # a reference list: its words count REFERENCES_WEIGHT each
            for w in body_words:
                body[section.unit][stem(w)] += REFERENCES_WEIGHT
        target = title if section.is_unit_head else heading
        target[section.unit].update(stem(w) for w in title_words)
        # The lead, the text before the first subheading, says what the whole unit is about.
        if section.is_unit_head or section.title == units[section.unit].title:
            lead[section.unit].update(stem(w) for w in body_words)
    lengths = [sum(counts.values()) for counts in body]
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    terms_of = [set(body[u]) | set(title[u]) | set(heading[u]) for u in range(len(units))]
    frequency = Counter(term for terms in terms_of for term in terms)
    count = len(units)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, unit in enumerate(units):
        norm = 1 - B + B * (lengths[number] / average if average else 1)
        prior = KIND_PRIOR[unit.kind]
        for term in terms_of[number]:
            weighted = (
                HEADING_WEIGHT * min(heading[number][term], 3)
                + LEAD_WEIGHT * min(lead[number][term], 2)
                + body[number][term] / norm
            )
            saturated = weighted * (K1 + 1) / (weighted + K1)
            bonus = TITLE_BONUS if title[number][term] else 0.0
            idf = math.log(1 + (count - frequency[term] + 0.5) / (frequency[term] + 0.5))
            score = idf * (saturated + bonus) * prior
            postings[term].append((number, max(1, round(score * IMPACT_SCALE))))
    synonyms = _synonyms(units, sections)
    return SearchIndex(
        units=units,
        sections=sections,
        postings=dict(postings),
        forms={term: [w for w, _ in counts.most_common()] for term, counts in forms.items()},
        synonyms=synonyms,
    )


def _indexable(word: str) -> bool:
    """Stop words and one- or two-digit numbers (citation markers, list counts) are not."""
    return word not in STOP_WORDS and not (word.isdigit() and len(word) < 3)


def _synonyms(units: Sequence[Unit], sections: Sequence[Section]):
    """Pairs of stem sequences that name the same thing: a glossary term and each of its
    aliases ("VAE" and "variational autoencoder"), and acronyms defined in the text."""
    pairs: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for unit in units:
        if len(unit.names) > 1:
            term = _stems(unit.names[0])
            for alias in unit.names[1:]:
                other = _stems(alias)
                if term and other and term != other:
                    pairs.add((other, term))
    texts = (f"{section.title}. {section.text}" for section in sections)
    for acronym, words_ in acronym_pairs(texts):
        short, long = _stems(acronym), _stems(words_)
        if short and long and short != long:
            pairs.add((short, long))
    return sorted(pairs)
