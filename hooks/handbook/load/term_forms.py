"""How a glossary name is recognised in running text: its tokens and its plural forms.

Names are compared as sequences of tokens (runs of letters/digits, or one punctuation mark),
so "KV cache", "kv-cache" and "KV  caches" are told apart exactly and a name never matches
inside a longer word. Tokens are case-folded, except acronyms (two or more capitals, as in
"IS", "RAG", "CoT"): those must match their case, or the alias IS of Inception Score would
link the word "is".
"""

from __future__ import annotations

import functools
import re

TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_SIBILANT_END = re.compile(r"(s|x|z|ch|sh)$")
_CONSONANT_Y_END = re.compile(r"[^aeiou]y$")


# Cached: the glossary linker asks about the same few thousand words on every page.
@functools.lru_cache(maxsize=65536)
def is_acronym(token: str) -> bool:
    return sum(character.isupper() for character in token) >= 2


def name_token(token: str) -> str:
    """How one token of a glossary name is stored: acronyms as written, the rest case-folded."""
    return token if is_acronym(token) else token.casefold()


@functools.lru_cache(maxsize=65536)
def token_matches(text_token: str, name_token: str) -> bool:
    if is_acronym(name_token):
        return text_token == name_token
    return text_token.casefold() == name_token


def tokens(text: str) -> tuple[str, ...]:
    return tuple(name_token(match.group(0)) for match in TOKEN.finditer(text))


def plural_forms(word: str) -> list[str]:
    """Regular English plurals of a final word ('model' -> 'models', 'query' -> 'queries')."""
    if not word.isalpha():
        return [word + "s"] if word[-1:].isalnum() else []
    if _CONSONANT_Y_END.search(word):
        return [word[:-1] + "ies"]
    if _SIBILANT_END.search(word):
        return [word + "es"]
    return [word + "s"]


def surface_forms(name: str) -> set[tuple[str, ...]]:
    """The token sequences that count as a mention of `name`: itself and its plurals."""
    base = tokens(name)
    if not base or not any(token[0].isalnum() for token in base):
        return set()
    forms = {base}
    if base[-1][0].isalnum():
        forms |= {base[:-1] + (plural,) for plural in plural_forms(base[-1])}
    return forms
