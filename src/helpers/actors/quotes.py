"""Quotations: who said what, in direct, partial and reported (indirect) speech.

:func:`find_quotes` reads an article's sentences with the actor mentions table (see
:mod:`helpers.actors.mentions`) and returns one row per quotation. Spans are half-open
``[start, end)`` character offsets into the article text (see :mod:`helpers.text.article`):
``text[start:end]`` is the quoted words without the quotation marks, ``text[cue_start:cue_end]``
the cue and ``text[speaker_start:speaker_end]`` the speaker phrase.

What is found:

- **direct** and **partial** quotations in curly (“…”) or straight ("…") double quotes, and
  ‘…’ outside them. Quotes are paired within a paragraph; a quote left open runs to the end
  of its paragraph; a stray closing mark (“Russia is ready for talks.” But on terms.”) closes a
  quote opened at its sentence's start. A quote is *direct* when it starts with a capital
  letter and has three or more words or ends in ``. , ! ?``; otherwise it is *partial*
  (a phrase quoted inside the writer's sentence: a “pure thug”).
- **indirect** (reported) speech: "CLAUSE, SPEAKER (have) CUE", "CLAUSE, CUE SPEAKER",
  "SPEAKER CUE (AUDIENCE) (that) CLAUSE", "according to SPEAKER, CLAUSE" and
  "CLAUSE, according to SPEAKER"; ``text`` is the reported clause. A cue that introduces a
  quotation in its sentence gives no indirect row.

The cue is a speech verb or source phrase of ``data/lexicons/speech_verbs.csv`` outside the
quotation, in the sentence(s) the quotation spans; the nearest one wins. Verbs count only when
tagged as verbs (Pattern tags, :mod:`helpers.text.tokens`), and not before the words in ``not_before``
("call for" is no speech). The speaker fills the cue's speaker slot:

- the subject before the cue, past auxiliaries and adverbs ("Russian officials have maintained");
- else the noun phrase after it ("…,” said Putin), or after "according to";
- for a passive cue, its ``by``/``in`` phrase ("summed up in one Russian newspaper as “…”"); the
  passive subject is then something the quote is *about*;
- for a clause-initial participle ("Declaring Putin as a “pure thug” …, Joe Biden, …"), the
  subject after the participial clause's comma;
- a sentence that is only a quotation takes the speaker and cue of a quotation in the sentence
  before it.

``speaker_id`` is the actor whose mention holds the speaker phrase's head word. When the head
is no mention, a mention modifying it speaks for it only if the head is an official-type noun
of ``data/lexicons/speaker_nouns.csv`` ("Russian officials" is Russia); any other phrase ("one
Russian newspaper", "analysts") keeps ``speaker_id`` None and ``speaker`` the phrase itself:
a newspaper of a country is not its government, and a missing speaker is better than a wrong
one. ``about_ids`` are the actors mentioned inside the quotation, in the cue's object slot
("Declaring Putin as …", "called Putin a …"), in a passive cue's subject, and, for a partial
quote, right after it up to the next verb or punctuation ("“work together” with Putin"), in
order of first mention, without the speaker's own id.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from helpers import config
from helpers.errors import DataError
from helpers.resources import read_rows
from helpers.text.tokens import Token, normal, tagged

SPEECH_VERBS_FILE = "speech_verbs.csv"
SPEAKER_NOUNS_FILE = "speaker_nouns.csv"
KINDS = ("direct", "indirect", "partial")
QUOTE_COLUMNS = [
    "speaker_id", "speaker", "cue", "text", "start", "end", "sentence_id", "kind",
    "cue_start", "cue_end", "speaker_start", "speaker_end", "speaker_text", "about_ids",
]  # fmt: skip
_CUE_KINDS = ("verb", "source")
_TAKES = ("clause", "object")
_AUX = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "shall", "should", "can",
        "could", "may", "might", "must", "did", "does", "do", "'s", "also", "even", "then", "reportedly"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "'s"}
_NP_TAGS = {"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD", "POS", "RB", "VBN"}
_NP_START = {"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD"}
_FINITE = {"VBZ", "VBD", "VBP", "MD"}
_QUOTE_TOKENS = {'"', "“", "”", "‘", "’"}
_END_PUNCT = ".!?…"
_MARKS = re.compile(r"[“”\"‘’]")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class SpeechCue:
    """One cue of ``speech_verbs.csv``: its words, lemma, kind (verb|source) and slots."""

    words: tuple[str, ...]
    lemma: str
    kind: str
    takes: frozenset[str]
    not_before: frozenset[str]


@dataclass(frozen=True)
class SpeechLexicon:
    """Speech cues by their word tuple, and the official-type nouns that speak for a modifier."""

    cues: dict[tuple[str, ...], SpeechCue]
    first_words: frozenset[str]
    max_words: int
    speaker_nouns: frozenset[str]


class _Mention(NamedTuple):
    actor_id: str
    actor: str
    start: int
    end: int


class _Quote(NamedTuple):
    start: int  # content, marks excluded
    end: int
    outer_start: int  # marks included
    outer_end: int


class _Speaker(NamedTuple):
    start: int
    end: int
    actor_id: str | None
    actor: str | None


# --------------------------------------------------------------------------- data


@cache
def load_speech_lexicon(directory: str | None = None) -> SpeechLexicon:
    """Speech cues and speaker nouns from ``directory`` (default ``config.LEXICON_DIR``), read once per process.

    Raises:
        DataError: a file or column is missing, or a row has an unknown ``kind`` or ``takes``.
    """
    folder = Path(directory) if directory else config.LEXICON_DIR
    path = folder / SPEECH_VERBS_FILE
    cues: dict[tuple[str, ...], SpeechCue] = {}
    for line, row in enumerate(read_rows(path, ("cue", "lemma", "kind", "takes", "not_before")), start=2):
        words = tuple(normal(w) for w in row["cue"].split())
        if not words:
            raise DataError(f"{path}, line {line}: column 'cue' is empty")
        if row["kind"] not in _CUE_KINDS:
            raise DataError(f"{path}, line {line}: kind {row['kind']!r} is not one of {', '.join(_CUE_KINDS)}")
        takes = frozenset(t for t in row["takes"].split("|") if t)
        if not takes or not takes <= set(_TAKES):
            raise DataError(f"{path}, line {line}: takes {row['takes']!r} must be {' or '.join(_TAKES)} (| between)")
        not_before = frozenset(normal(w) for w in row["not_before"].split("|") if w)
        cues[words] = SpeechCue(words, row["lemma"] or row["cue"], row["kind"], takes, not_before)
    nouns_path = folder / SPEAKER_NOUNS_FILE
    nouns = frozenset(normal(r["noun"]) for r in read_rows(nouns_path, ("noun",)) if r["noun"])
    return SpeechLexicon(cues, frozenset(w[0] for w in cues), max(len(w) for w in cues), nouns)


# --------------------------------------------------------------------------- quotation marks


def _sentence_bounds(sentences: pd.DataFrame) -> list[tuple[int, int, int]]:
    rows = sorted(zip(sentences["start"], sentences["end"], sentences["sentence_id"], strict=True))
    return [(int(s), int(e), int(i)) for s, e, i in rows]


def _sentence_at(bounds: list[tuple[int, int, int]], starts: list[int], pos: int) -> int:
    """Index into ``bounds`` of the sentence holding ``pos`` (the one before it if between sentences)."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def quote_spans(text: str, sentence_starts: list[int] | None = None) -> list[tuple[int, int, int, int]]:
    """Quotations in ``text`` as ``(start, end, outer_start, outer_end)``: content and marks-included spans.

    Double quotes pair within a paragraph (a ``\\n``-separated line); an unclosed quote runs to its
    paragraph's end; a stray closing mark closes a quote opened at the start of its sentence
    (``sentence_starts``, else its paragraph), or after the previous quote in that sentence.
    ‘…’ counts only outside double quotes, opening at a word start and closing at a ’ that is
    not an apostrophe.
    """
    out: list[_Quote] = []
    starts = sorted(sentence_starts or [])
    pos = 0
    for para in text.split("\n"):
        p0, p1 = pos, pos + len(para)
        pos = p1 + 1
        if not _MARKS.search(para):
            continue
        open_at: int | None = None
        single_at: int | None = None
        for m in _MARKS.finditer(text, p0, p1):
            ch, at = m.group(), m.start()
            if ch == "“" or (ch == '"' and open_at is None and _opens(text, at, p0)):
                open_at, single_at = at, None
            elif ch in "”\"":
                if open_at is not None:
                    _emit(out, text, open_at + 1, at, open_at, at + 1)
                    open_at = None
                else:
                    i = bisect.bisect_right(starts, at) - 1
                    lo = max(p0, starts[i] if i >= 0 else p0)
                    if out and out[-1].outer_end > lo:
                        lo = out[-1].outer_end
                    _emit(out, text, lo, at, lo, at + 1)
                single_at = None
            elif open_at is None and ch == "‘" and (at == p0 or not text[at - 1].isalnum()):
                single_at = at
            elif open_at is None and ch == "’" and single_at is not None and not text[at + 1 : at + 2].isalnum():
                _emit(out, text, single_at + 1, at, single_at, at + 1)
                single_at = None
        if open_at is not None:
            _emit(out, text, open_at + 1, p1, open_at, p1)
    return [tuple(q) for q in out]  # type: ignore[misc]


def _opens(text: str, at: int, p0: int) -> bool:
    """A straight quote opens when it starts the paragraph or follows a space or an opening bracket."""
    return at == p0 or text[at - 1].isspace() or text[at - 1] in "([{—–-:"


def _emit(out: list[_Quote], text: str, start: int, end: int, outer_start: int, outer_end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):  # “…,” he said: the comma is ours
        end -= 1
    if end > start and _WORD.search(text, start, end):
        out.append(_Quote(start, end, outer_start, outer_end))


def _kind(words: str) -> str:
    first = next((c for c in words if c.isalnum()), "")
    n = len(re.findall(r"\w+", words))
    if first.isupper() and (n >= 3 or words.rstrip()[-1:] in ".,!?"):
        return "direct"
    return "partial"


# --------------------------------------------------------------------------- cues and speakers


class _Frame:
    """The tagged tokens of one or more sentences, with quote membership and mention look-ups."""

    def __init__(self, text: str, start: int, end: int, quotes: list[_Quote], mentions: list[_Mention]) -> None:
        self.text = text
        self.toks: list[Token] = tagged(text, start, end)
        self.low = [normal(t.text) for t in self.toks]
        self.inq = [any(q.outer_start <= t.start < q.outer_end for q in quotes) for t in self.toks]
        self.mentions = [m for m in mentions if start <= m.start < end]

    def mention_at(self, pos: int) -> _Mention | None:
        for m in self.mentions:
            if m.start <= pos < m.end:
                return m
        return None

    def is_stop(self, k: int) -> bool:
        t = self.toks[k]
        return self.inq[k] or t.text in _QUOTE_TOKENS

    def np_left(self, i: int) -> tuple[int, int] | None:
        """Token range [a, b) of the noun phrase ending before token ``i``, past auxiliaries and adverbs."""
        k = i - 1
        while k >= 0 and not self.is_stop(k) and (self.low[k] in _AUX or self.toks[k].tag == "RB"):
            k -= 1
        b = k + 1
        while k >= 0 and not self.is_stop(k) and (self.toks[k].tag in _NP_TAGS or self.mention_at(self.toks[k].start)):
            k -= 1
        a = k + 1
        while a < b and self.toks[a].tag not in _NP_START and not self.mention_at(self.toks[a].start):
            a += 1
        return (a, b) if a < b else None

    def np_right(self, i: int) -> tuple[int, int] | None:
        """Token range [a, b) of the noun phrase starting at token ``i`` (adverbs skipped); mentions extend it."""
        n = len(self.toks)
        while i < n and not self.is_stop(i) and self.toks[i].tag == "RB":
            i += 1
        a = k = i
        while k < n and not self.is_stop(k):
            m = self.mention_at(self.toks[k].start)
            if m is None and self.toks[k].tag not in _NP_START and self.toks[k].tag != "POS":
                break
            if m is not None:  # jump over the whole mention ("the then-President of the United States")
                while k < n and self.toks[k].start < m.end:
                    k += 1
            else:
                k += 1
        return (a, k) if a < k else None

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.toks[a].start, self.toks[b - 1].end

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]


def _speaker_of(frame: _Frame, rng: tuple[int, int] | None, nouns: frozenset[str]) -> _Speaker | None:
    if rng is None:
        return None
    a, b = rng
    start, end = frame.span(a, b)
    head = frame.toks[b - 1]
    if head.tag == "POS" and b - 1 > a:
        head = frame.toks[b - 2]
    m = frame.mention_at(head.start)
    if m is None and normal(head.text) in nouns:
        inside = frame.mentions_in(start, end)
        m = inside[-1] if inside else None
    if m is not None:
        start, end = min(start, m.start), max(end, m.end)
        return _Speaker(start, end, m.actor_id, m.actor)
    return _Speaker(start, end, None, None)


class _Cue(NamedTuple):
    i: int  # first token
    j: int  # token after the last
    cue: SpeechCue
    start: int
    end: int


def _find_cues(frame: _Frame, lex: SpeechLexicon) -> list[_Cue]:
    out = []
    low, toks = frame.low, frame.toks
    for i, w in enumerate(low):
        if w not in lex.first_words or frame.inq[i]:
            continue
        for n in range(min(lex.max_words, len(low) - i), 0, -1):
            cue = lex.cues.get(tuple(low[i : i + n]))
            if cue is None:
                continue
            nxt = low[i + n] if i + n < len(low) else ""
            if cue.kind == "verb" and not toks[i].tag.startswith("VB"):
                break
            if nxt in cue.not_before:
                break
            out.append(_Cue(i, i + n, cue, toks[i].start, toks[i + n - 1].end))
            break
    return out


def _is_passive(frame: _Frame, c: _Cue) -> bool:
    k = c.i - 1
    while k >= 0 and frame.toks[k].tag == "RB":
        k -= 1
    return k >= 0 and frame.low[k] in _BE and frame.toks[c.i].tag in ("VBN", "VBD")


def _cue_speaker(frame: _Frame, c: _Cue, lex: SpeechLexicon) -> tuple[_Speaker | None, list[_Mention]]:
    """The speaker of cue ``c`` and the mentions in its object slot (passive subject)."""
    toks, low, n = frame.toks, frame.low, len(frame.toks)
    if c.cue.kind == "source":
        return _speaker_of(frame, frame.np_right(c.j), lex.speaker_nouns), []
    if _is_passive(frame, c):
        k = c.j
        while k < n and toks[k].tag == "RB":
            k += 1
        subj = frame.np_left(c.i)
        about = frame.mentions_in(*frame.span(*subj)) if subj else []
        if k < n and low[k] in ("by", "in"):
            return _speaker_of(frame, frame.np_right(k + 1), lex.speaker_nouns), about
        return None, about
    if toks[c.i].tag == "VBG" and (c.i == 0 or toks[c.i - 1].text in (",", ";", "—")):
        for k in range(c.j, n):
            if toks[k].text == ",":
                k += 1
                while k < n and toks[k].text in _QUOTE_TOKENS:
                    k += 1
                return _speaker_of(frame, frame.np_right(k), lex.speaker_nouns), []
        return None, []
    left = frame.np_left(c.i)
    if left is not None:
        return _speaker_of(frame, left, lex.speaker_nouns), []
    k = c.i - 1
    while k >= 0 and (low[k] in _AUX or toks[k].tag == "RB") and not frame.is_stop(k):
        k -= 1
    if k >= 0 and low[k] in ("and", "but") and not frame.is_stop(k):  # X called Y a “…” and said …
        verb = next((v for v in range(k - 1, -1, -1) if toks[v].tag.startswith("VB") and not frame.inq[v]), None)
        if verb is not None:
            return _speaker_of(frame, frame.np_left(verb), lex.speaker_nouns), []
        return None, []
    if k < 0 or toks[k].text in (",", ":", ";") or toks[k].text in _QUOTE_TOKENS:  # “…,” said X
        return _speaker_of(frame, frame.np_right(c.j), lex.speaker_nouns), []
    return None, []


def _object_cue(frame: _Frame, cues: list[_Cue], q: _Quote) -> _Cue | None:
    """A cue whose object slot runs up to the quote: "called Putin a “…”", "Declaring Putin as a “…” and a “…”"."""
    for c in sorted(cues, key=lambda c: -c.start):
        if "object" not in c.cue.takes or c.end > q.outer_start:
            continue
        between = [k for k, t in enumerate(frame.toks) if c.end <= t.start < q.outer_start]
        if all(frame.toks[k].tag in _NP_START | {"IN", "CC", "POS", '"', ","} for k in between):
            return c
        return None
    return None


def _tail_mentions(frame: _Frame, q: _Quote) -> list[_Mention]:
    """Mentions right after a partial quote, up to the next verb, ``to``, quote or punctuation."""
    k = next((k for k, t in enumerate(frame.toks) if t.start >= q.outer_end), len(frame.toks))
    end = q.outer_end
    while k < len(frame.toks):
        t = frame.toks[k]
        if frame.inq[k] or t.tag.startswith("VB") or t.tag in ("TO", "MD") or not _WORD.match(t.text):
            break
        end = t.end
        k += 1
    return frame.mentions_in(q.outer_end, end)


def _about(speaker_id: str | None, *groups: list[_Mention]) -> tuple[str, ...]:
    seen: list[str] = []
    for group in groups:
        for m in sorted(group, key=lambda m: m.start):
            if m.actor_id != speaker_id and m.actor_id not in seen:
                seen.append(m.actor_id)
    return tuple(seen)


# --------------------------------------------------------------------------- indirect speech


def _clause_start(frame: _Frame, k: int, floor: int) -> int:
    """Index of the first token of the clause ending before token ``k`` (after ``:``/``;``, else ``floor``)."""
    while k > floor and frame.toks[k - 1].text not in (":", ";"):
        k -= 1
    return k


def _has_finite(frame: _Frame, a: int, b: int) -> bool:
    return any(frame.toks[k].tag in _FINITE for k in range(a, b))


def _indirect(frame: _Frame, c: _Cue, lo: int, hi: int, lex: SpeechLexicon) -> tuple[int, int, _Speaker | None] | None:
    """Token range of the reported clause of cue ``c`` in the sentence's tokens [lo, hi), and its speaker."""
    toks, low = frame.toks, frame.low
    last = hi
    while last > lo and (toks[last - 1].text in _QUOTE_TOKENS or toks[last - 1].text in _END_PUNCT):
        last -= 1
    if c.cue.kind == "source":  # according to X, CLAUSE | CLAUSE, according to X
        np = frame.np_right(c.j)
        if np is None:
            return None
        speaker = _speaker_of(frame, np, lex.speaker_nouns)
        if c.i > lo and toks[c.i - 1].text == ",":
            a = _clause_start(frame, c.i - 1, lo)
            return (a, c.i - 1, speaker) if _has_finite(frame, a, c.i - 1) else None
        if c.i == lo and np[1] < last and toks[np[1]].text == ",":
            return (np[1] + 1, last, speaker) if _has_finite(frame, np[1] + 1, last) else None
        return None
    if "clause" not in c.cue.takes or _is_passive(frame, c):
        return None
    left = frame.np_left(c.i)
    after_cue = c.j
    ends_here = after_cue >= last or toks[after_cue].text in (",", ";")
    if left is not None and left[0] > lo and toks[left[0] - 1].text == "," and ends_here:  # CLAUSE, X said
        a = _clause_start(frame, left[0] - 1, lo)
        if _has_finite(frame, a, left[0] - 1):
            return a, left[0] - 1, _speaker_of(frame, left, lex.speaker_nouns)
        return None
    if left is None and c.i > lo and toks[c.i - 1].text == ",":  # CLAUSE, said X
        np = frame.np_right(c.j)
        if np is not None and (np[1] >= last or toks[np[1]].text in (",", ";")):
            a = _clause_start(frame, c.i - 1, lo)
            if _has_finite(frame, a, c.i - 1):
                return a, c.i - 1, _speaker_of(frame, np, lex.speaker_nouns)
        return None
    speaker = _speaker_of(frame, left, lex.speaker_nouns) if left is not None else _cue_speaker(frame, c, lex)[0]
    if speaker is None:
        return None
    k = after_cue
    if c.cue.lemma in ("tell", "urge", "ask"):
        audience = frame.np_right(k)
        k = audience[1] if audience else k
    that = next((x for x in range(k, min(k + 6, last)) if low[x] == "that"), None)
    if that is not None and not _has_finite(frame, k, that):
        k = that + 1
    end = next((x for x in range(k, last) if toks[x].text == ";"), last)
    verb = next((x for x in range(k, min(k + 8, end)) if toks[x].tag in _FINITE or toks[x].text == ","), None)
    if k < end and toks[k].tag in _NP_START and verb is not None and toks[verb].text != ",":  # SUBJECT (…) VERB
        return k, end, speaker
    return None


# --------------------------------------------------------------------------- public


def _mention_list(mentions: pd.DataFrame) -> list[_Mention]:
    if mentions is None or len(mentions) == 0:
        return []
    rows = zip(mentions["actor_id"], mentions["actor"], mentions["start"], mentions["end"], strict=True)
    return sorted((_Mention(str(a), str(n), int(s), int(e)) for a, n, s, e in rows), key=lambda m: m.start)


def _row(**kw: Any) -> dict[str, Any]:
    return {c: kw.get(c) for c in QUOTE_COLUMNS}


def find_quotes(
    text: str,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    lexicon_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Every quotation in ``text``: who said it (speaker), with which cue, and about whom.

    Args:
        text: the article text; all offsets are into it.
        sentences: the sentence table (``sentence_id, start, end``; see :func:`helpers.pipeline.sentence_table`).
        mentions: the actor mentions (``actor_id, actor, start, end``;
            see :func:`helpers.actors.mentions.find_mentions`).
        lexicon_dir: folder with ``speech_verbs.csv`` and ``speaker_nouns.csv`` (default ``config.LEXICON_DIR``).

    Returns:
        One row per quotation, ordered by ``start``, columns :data:`QUOTE_COLUMNS`: ``kind`` is one of
        :data:`KINDS`; ``text == text[start:end]`` (marks excluded; for indirect speech the reported
        clause); ``cue``/``cue_start``/``cue_end`` and ``speaker_*`` are None when not found;
        ``speaker`` is the actor's name when ``speaker_id`` is known, else the speaker phrase;
        ``about_ids`` a tuple of actor ids.

    Raises:
        DataError: a lexicon file is missing or malformed.
    """
    lex = load_speech_lexicon(str(lexicon_dir) if lexicon_dir else None)
    bounds = _sentence_bounds(sentences)
    starts = [b[0] for b in bounds]
    ments = _mention_list(mentions)
    quotes = [_Quote(*q) for q in quote_spans(text, starts)]
    rows: list[dict[str, Any]] = []
    if not bounds:
        return _table(rows)
    # Frames: runs of sentences joined by a quotation that spans them.
    by_sentence: dict[int, list[_Quote]] = {}
    frames: list[tuple[int, int]] = []  # index range into bounds, inclusive
    for q in quotes:
        a, b = _sentence_at(bounds, starts, q.start), _sentence_at(bounds, starts, q.end - 1)
        by_sentence.setdefault(a, []).append(q)
        if frames and frames[-1][1] >= a:
            frames[-1] = (frames[-1][0], max(frames[-1][1], b))
        else:
            frames.append((a, b))
    in_frame = {i for a, b in frames for i in range(a, b + 1)}
    pieces = sorted(frames + [(i, i) for i in range(len(bounds)) if i not in in_frame])
    last_quote: tuple[int, dict[str, Any]] | None = None  # (last sentence index, row)
    for a, b in pieces:
        fs, fe = bounds[a][0], bounds[b][1]
        fquotes = [q for i in range(a, b + 1) for q in by_sentence.get(i, [])]
        if not fquotes and not _may_report(text, fs, fe, lex):
            continue
        frame = _Frame(text, fs, fe, fquotes, ments)
        cues = _find_cues(frame, lex)
        used: set[int] = set()
        bare = not any(_WORD.match(t.text) for t, q in zip(frame.toks, frame.inq, strict=True) if not q)
        for q in fquotes:
            sid = bounds[_sentence_at(bounds, starts, q.start)][2]
            base = {"text": text[q.start : q.end], "start": q.start, "end": q.end, "sentence_id": sid,
                    "kind": _kind(text[q.start : q.end])}
            inside = [m for m in ments if q.start <= m.start and m.end <= q.end]
            c = _object_cue(frame, cues, q) or min(
                cues, key=lambda c: min(abs(c.start - q.outer_end), abs(q.outer_start - c.end)), default=None
            )
            if c is None:
                if bare and last_quote is not None and last_quote[0] == a - 1:
                    prev = last_quote[1]
                    carried = {k: prev[k] for k in ("speaker_id", "speaker", "cue", "cue_start", "cue_end",
                                                    "speaker_start", "speaker_end", "speaker_text")}
                    rows.append(_row(**base, **carried, about_ids=_about(prev["speaker_id"], inside)))
                else:
                    rows.append(_row(**base, about_ids=_about(None, inside)))
                continue
            used.add(c.i)
            speaker, slot = _cue_speaker(frame, c, lex)
            if "object" in c.cue.takes and c.end <= q.outer_start:
                slot = slot + frame.mentions_in(c.end, q.outer_start)
            tail = _tail_mentions(frame, q) if base["kind"] == "partial" else []
            sp = _speaker_fields(text, speaker)
            rows.append(_row(**base, **sp, cue=text[c.start : c.end], cue_start=c.start, cue_end=c.end,
                             about_ids=_about(sp["speaker_id"], inside, slot, tail)))
        if fquotes:
            last_quote = (b, rows[-1])
        for c in cues:
            if c.i in used:
                continue
            k = _sentence_at(bounds, starts, c.start)
            lo = next(x for x, t in enumerate(frame.toks) if t.start >= bounds[k][0])
            hi = next((x for x, t in enumerate(frame.toks) if t.start >= bounds[k][1]), len(frame.toks))
            found = _indirect(frame, c, lo, hi, lex)
            if found is None:
                continue
            x, y, speaker = found
            s, e = frame.span(x, y)
            if any(frame.inq[z] for z in range(x, y)):
                continue
            sp = _speaker_fields(text, speaker)
            rows.append(_row(**sp, cue=text[c.start : c.end], text=text[s:e], start=s, end=e, sentence_id=bounds[k][2],
                             kind="indirect", cue_start=c.start, cue_end=c.end,
                             about_ids=_about(sp["speaker_id"], frame.mentions_in(s, e))))
    return _table(sorted(rows, key=lambda r: (r["start"], r["end"])))


def _table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The quotes table, built column by column (``astype`` on a small frame costs milliseconds)."""
    cols: dict[str, Any] = {}
    for c in QUOTE_COLUMNS:
        values = [r[c] for r in rows]
        if c in ("start", "end", "sentence_id"):
            cols[c] = np.array(values, dtype="int64")
        elif c in ("cue_start", "cue_end", "speaker_start", "speaker_end"):
            cols[c] = pd.array(values, dtype="Int64")
        else:
            cols[c] = pd.Series(values, dtype=object)
    return pd.DataFrame(cols)


def _speaker_fields(text: str, speaker: _Speaker | None) -> dict[str, Any]:
    if speaker is None:
        return {"speaker_id": None, "speaker": None, "speaker_start": None, "speaker_end": None, "speaker_text": None}
    phrase = text[speaker.start : speaker.end]
    return {"speaker_id": speaker.actor_id, "speaker": speaker.actor or phrase, "speaker_start": speaker.start,
            "speaker_end": speaker.end, "speaker_text": phrase}


def _may_report(text: str, start: int, end: int, lex: SpeechLexicon) -> bool:
    """Cheap pre-check: does the span hold the first word of any speech cue?"""
    return any(normal(w) in lex.first_words for w in re.findall(r"\w+", text[start:end]))
