"""Tokens with offsets, part-of-speech tags and chunks, offline.

Tokenisation is a regular expression that keeps every token's ``[start, end)``
offsets into the text; tags and chunks come from TextBlob's bundled Pattern
tagger and chunker (Brill-style lexicon plus rules; Penn Treebank tags), which
need no NLTK data.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?:-[A-Za-z]+)?        # U.S., U.N., U.S.-Russia
  | \w+(?=n['’]t\b)                          # do|n't, wo|n't
  | n['’]t\b
  | ['’](?:s|re|ve|ll|d|m)\b(?!['’]\w)      # 's 're 've 'll 'd 'm
  | \d+(?:[.,:]\d+)*%?                       # 1,000  3.5  10:30  5%
  | \w+(?:(?:-|['’](?!(?:s|re|ve|ll|d|m)\b))\w+)*   # words, then-President, O'Brien (not Putin|'s)
  | \.\.\.|…|--|—|–
  | [^\w\s]
    """,
    re.VERBOSE | re.UNICODE,
)
_NORMAL = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "--", "–": "-"})


class Token(NamedTuple):
    """A token: its text, half-open offsets into the text it came from, and Penn tag ('' if untagged)."""

    text: str
    start: int
    end: int
    tag: str = ""
    chunk: str = ""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return list(_tokens(text, start, len(text) if end is None else end))


_new = tuple.__new__  # Token(text, start, end) without the generated __new__'s keyword handling


@lru_cache(maxsize=2048)
def _tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]``, cached: every module reads the same sentence spans of one article."""
    return tuple(_new(Token, (m.group(), m.start(), m.end(), "", "")) for m in _TOKEN.finditer(text, start, end))


@cache
def _parser():
    from textblob.en import parser

    return parser


def tag(tokens: list[Token], *, chunks: bool = False) -> list[Token]:
    """The same tokens with Penn Treebank tags (and B-/I- chunk labels if ``chunks``).

    Tags depend only on the words, so they are cached by word sequence: the modules that read
    the same sentence (actors, sentiment, stance, quotes, issues) tag it once between them.
    """
    if not tokens:
        return []
    labels = _tags(tuple(t.text for t in tokens), chunks)
    if chunks:
        return [_new(Token, (t.text, t.start, t.end, tg, ch)) for t, (tg, ch) in zip(tokens, labels, strict=True)]
    return [_new(Token, (t.text, t.start, t.end, tg, "")) for t, (tg, _) in zip(tokens, labels, strict=True)]


@lru_cache(maxsize=4096)
def _tags(words: tuple[str, ...], chunks: bool) -> tuple[tuple[str, str], ...]:
    parser = _parser()
    tagged = parser.find_tags([w.translate(_NORMAL) for w in words])
    if chunks:
        tagged = parser.find_chunks(tagged)
        return tuple((w[1], w[2]) for w in tagged)
    return tuple((w[1], "") for w in tagged)


def tagged(text: str, start: int = 0, end: int | None = None, *, chunks: bool = False) -> list[Token]:
    """Tokenise and tag ``text[start:end]`` (cached by span, like :func:`tokenize`)."""
    return list(_tagged(text, start, len(text) if end is None else end, chunks))


@lru_cache(maxsize=2048)
def _tagged(text: str, start: int, end: int, chunks: bool) -> tuple[Token, ...]:
    return tuple(tag(list(_tokens(text, start, end)), chunks=chunks))


def normal(word: str) -> str:
    """Lower-cased token with typographic quotes and dashes made ASCII, for lexicon look-ups."""
    return word.translate(_NORMAL).lower()
