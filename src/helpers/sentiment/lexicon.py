"""The transparent lexicon methods ``textblob`` and ``vader``: lexicon words scoped around the target, on the parse.

* ``textblob``: TextBlob's Pattern lexicon (De Smedt & Daelemans, JMLR 2012) extended with a news-domain
  lexicon (``data/lexicons/news_sentiment.csv``);
* ``vader``: VADER's lexicon (Hutto & Gilbert, ICWSM 2014; valence / 4, its boosters) plus the news lexicon.

Both score the words around the target the same way, reading the sentence's dependency parse (the
article's one spaCy parse in the pipeline; a sentence given as a string is parsed on its own): the
target's own words are masked; words outside the target's clause count ``WEIGHT_OTHER_CLAUSE``; a
negation in the word's clause up to five words before flips it (x -0.5 TextBlob, x -0.74 VADER); an
intensifier before it scales it; words inside a quotation the target is speaking count
``WEIGHT_SPEAKER_QUOTE``; event words follow the target's role in the clause ("X was accused" is negative
for X, "X accused Y" mostly for Y; ``WEIGHT_WRONG_ROLE`` for the other role). The score is the sum of
the evidence weights, clipped to [-1, 1]; the label uses thresholds tuned on NewsMTSC train
(``data/models/sentiment/lexicon_thresholds.json``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple

from spacy.tokens import Span, Token
from vaderSentiment import vaderSentiment as v

from helpers.actors.lexicon import load_lexicon
from helpers.errors import DataError
from helpers.resources import data_path, read_rows
from helpers.sentiment.base import Evidence, Item, SentimentMethod, TargetScore, label_of
from helpers.text.document import nlp
from helpers.text.words import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS

#: Label thresholds used when the thresholds file has none: score <= -t is negative, >= t positive.
DEFAULT_THRESHOLDS = (-0.1, 0.1)
#: How many tokens back, inside the clause, a negation reaches ("not a good and honest leader").
NEGATION_SCOPE = 5
WEIGHT_OTHER_CLAUSE = 0.4
WEIGHT_SPEAKER_QUOTE = 0.2
WEIGHT_WRONG_ROLE = 0.25
#: Dependency labels that start a clause of their own.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"})
_NORMAL = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "--", "–": "-"})
_QUOTES_OPEN = frozenset({"“", "«"})
_QUOTES_CLOSE = frozenset({"”", "»"})


def normal(word: str) -> str:
    """Lower-cased word with typographic quotes and dashes made ASCII, for lexicon look-ups."""
    return word.translate(_NORMAL).lower()


class LexiconEntry(NamedTuple):
    """A lexicon word: polarity in [-1, 1] and kind (``attribute``, ``agent``, ``patient``)."""

    polarity: float
    kind: str = "attribute"


_KINDS = frozenset({"attribute", "agent", "patient"})


@cache
def news_lexicon() -> dict[str, LexiconEntry]:
    """The news-domain lexicon ``data/lexicons/news_sentiment.csv`` (word -> entry).

    Raises:
        DataError: the file is missing or a row is malformed.
    """
    path = data_path("lexicons", "news_sentiment.csv")
    out: dict[str, LexiconEntry] = {}
    for n, row in enumerate(read_rows(path, ("word", "polarity", "kind")), start=2):
        try:
            polarity, kind = float(row["polarity"]), row["kind"]
        except ValueError as e:
            raise DataError(f"{path}:{n}: polarity must be a number ({e})") from e
        if kind not in _KINDS or not -1 <= polarity <= 1:
            raise DataError(f"{path}:{n}: kind must be one of {sorted(_KINDS)}, polarity in [-1, 1]")
        out[normal(row["word"])] = LexiconEntry(polarity, kind)
    return out


@cache
def pattern_lexicon() -> tuple[dict[str, LexiconEntry], dict[str, float]]:
    """TextBlob's bundled Pattern lexicon (``en-sentiment.xml``): polarity per word and intensifier multipliers."""
    from textblob.en import sentiment  # the user's choice of lexicon; loaded on first use

    sentiment.load()
    words: dict[str, LexiconEntry] = {}
    intensifiers: dict[str, float] = {}
    for word, readings in sentiment.items():
        polarity, _subjectivity, _intensity = readings.get(None) or next(iter(readings.values()))
        if polarity:
            words[word] = LexiconEntry(float(polarity))
        if "RB" in readings and readings["RB"][2] != 1.0:
            intensifiers[word] = float(readings["RB"][2])
    return words, intensifiers


@cache
def vader_analyzer() -> v.SentimentIntensityAnalyzer:
    """VADER's analyser (Hutto & Gilbert, ICWSM 2014), built once: it reads its bundled lexicon file.
    ``.lexicon`` maps a word to its valence in [-4, 4]."""
    return v.SentimentIntensityAnalyzer()


@cache
def vader_lexicon() -> tuple[dict[str, LexiconEntry], dict[str, float], frozenset[str]]:
    """VADER's bundled lexicon (valence / 4), booster multipliers and negation words."""
    words = {w: LexiconEntry(max(-1.0, min(1.0, val / 4))) for w, val in vader_analyzer().lexicon.items()}
    boosters = {w: 1 + 2.5 * b for w, b in v.BOOSTER_DICT.items()}  # B_INCR 0.293 -> x1.73, B_DECR -> x0.27
    return words, boosters, frozenset(normal(w) for w in v.NEGATE) | {"n't", "no", "never", "without", "nor"}


def speech_lemmas() -> frozenset[str]:
    """Lemmas of speech verbs (``data/lexicons/speech_verbs.csv``): their subject is the one speaking. Read
    once, with the actor word lists (:class:`helpers.actors.lexicon.ActorLexicon`)."""
    return load_lexicon().speech_lemmas


@cache
def thresholds(method: str) -> tuple[float, float]:
    """Label thresholds of a lexicon method, tuned on NewsMTSC train (defaults if the file has none)."""
    path = data_path("models", "sentiment", "lexicon_thresholds.json")
    try:
        lo, hi = json.loads(path.read_text(encoding="utf-8"))["thresholds"][method]
    except (OSError, ValueError, KeyError):
        return DEFAULT_THRESHOLDS
    return float(lo), float(hi)


# --------------------------------------------------------------------------- the sentence, read on the parse


class View(NamedTuple):
    """One sentence as the lexicon methods read it: tokens, their clause and quotation, offsets into the sentence."""

    tokens: tuple[Token, ...]
    words: tuple[str, ...]
    clause: tuple[int, ...]
    quote: tuple[int, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def _starts_clause(t: Token) -> bool:
    """Whether a token heads a clause (a clause dependency; a conjunct only when it is a verb) or the sentence."""
    return (t.dep_ in CLAUSE_DEPS and not (t.dep_ == "conj" and t.pos_ not in ("VERB", "AUX"))) or t.head.i == t.i


def _clause_heads(tokens: tuple[Token, ...]) -> list[int]:
    """For each token, the index of the token heading the clause it is in (the nearest clause-starting
    ancestor or itself); each ancestor is climbed once, as a path up the tree shares its answer."""
    memo: dict[int, int] = {}
    out = []
    for t in tokens:
        path, cur = [], t
        while cur.i not in memo and not _starts_clause(cur) and len(path) <= 50:
            path.append(cur.i)
            cur = cur.head
        found = memo.get(cur.i, cur.i)
        memo.update(dict.fromkeys(path, found))
        out.append(found)
    return out


def view(span: Span) -> View:
    """The view of a sentence span (offsets relative to the span's first character), built once per span of a
    parsed document (every mention of the sentence and every lexicon method read the same view)."""
    slot = ("lexicon_view", span.start, span.end)
    found = span.doc.user_data.get(slot)
    if found is None:
        found = span.doc.user_data[slot] = _view(span)
    return found


def _view(span: Span) -> View:
    base = span.start_char
    tokens = tuple(t for t in span if not t.is_space)
    words = tuple(normal(t.text) for t in tokens)
    clause, quote = _clause_heads(tokens), []
    q, n_quotes, in_quote = -1, 0, False
    for t in tokens:
        is_open = t.text in _QUOTES_OPEN or (t.text == '"' and not in_quote)
        is_close = t.text in _QUOTES_CLOSE or (t.text == '"' and in_quote)
        if is_open and not in_quote:
            in_quote, q, n_quotes = True, n_quotes, n_quotes + 1
        elif is_close and in_quote:
            in_quote = False
        quote.append(q if (in_quote or is_close) and q >= 0 else -1)
        if is_close and not in_quote:
            q = -1
    return View(tokens, words, tuple(clause), tuple(quote), tuple(t.idx - base for t in tokens),
                tuple(t.idx + len(t.text) - base for t in tokens))  # fmt: skip


@cache
def _parse_sentence(sentence: str) -> Span:
    """A sentence given as a string, parsed on its own (one sentence, no segmentation)."""
    doc = nlp()(sentence)
    return doc[:]


def target_tokens(v: View, start: int, end: int) -> list[int]:
    """Positions (in the view) of the tokens overlapping ``[start, end)``."""
    return [i for i, (a, b) in enumerate(zip(v.starts, v.ends, strict=True)) if a < end and b > start]


def _role(v: View, verb: int, target: list[int]) -> str:
    """The target's role toward the verb at ``verb``: ``agent``, ``patient`` or ``other``."""
    if v.clause[verb] not in {v.clause[i] for i in target}:
        return "other"
    head = v.tokens[target[-1]]
    while head.dep_ in ("compound", "flat", "appos", "conj") and head.head.i != head.i:
        head = head.head
    vt = v.tokens[verb]
    if head.head.i == vt.i or (head.head.dep_ == "agent" and head.head.head.i == vt.i):
        if head.dep_ in SUBJECT_DEPS or (head.dep_ == "pobj" and head.head.dep_ == "agent"):
            return "agent"
        return "patient"
    return "agent" if target[-1] < verb and head.dep_ not in PASSIVE_SUBJECT_DEPS else "patient"


def is_speaker(v: View, target: list[int]) -> bool:
    """Whether the target is the one speaking: the subject of a speech verb, or "according to X"."""
    if not target:
        return False
    head = v.tokens[target[-1]]
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    if head.dep_ in SUBJECT_DEPS and head.head.lemma_.lower() in speech_lemmas():
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


class Scorer(NamedTuple):
    """A lexicon plus its negation and intensifier rules."""

    lexicon: Callable[[str], LexiconEntry | None]
    intensifiers: dict[str, float]
    negations: frozenset[str]
    negation_factor: float


def explain(v: View, target: list[int], scorer: Scorer, masked: frozenset[int] = frozenset()) -> list[Evidence]:
    """Weighted lexicon words toward the target (target and ``masked`` words left out), in sentence order."""
    words, tokens = v.words, v.tokens
    tset = set(target)
    t_clauses = {v.clause[i] for i in target}
    t_quotes = {v.quote[i] for i in target} - {-1}
    speaker = is_speaker(v, target)
    out: list[Evidence] = []
    for i, w in enumerate(words):
        if i in tset or i in masked:
            continue
        entry = scorer.lexicon(w)
        if entry is None or not entry.polarity:
            continue
        if w in scorer.intensifiers and i + 1 < len(words) and scorer.lexicon(words[i + 1]) is not None:
            continue  # "very" in "very bad" scales "bad" instead of counting itself
        weight = entry.polarity
        if i and words[i - 1] in scorer.intensifiers and i - 1 not in tset:
            weight = max(-1.0, min(1.0, weight * scorer.intensifiers[words[i - 1]]))
        for j in range(i - 1, max(-1, i - NEGATION_SCOPE - 1), -1):
            if v.clause[j] != v.clause[i] or j in tset:
                break
            if words[j] in scorer.negations:
                weight *= scorer.negation_factor
                break
        if v.clause[i] not in t_clauses:
            weight *= WEIGHT_OTHER_CLAUSE
        q = v.quote[i]
        if speaker and q != -1 and q not in t_quotes:
            weight *= WEIGHT_SPEAKER_QUOTE
        if entry.kind != "attribute" and target and tokens[i].pos_ in ("VERB", "AUX"):
            role = _role(v, i, target)
            if role not in (entry.kind, "other"):
                weight *= WEIGHT_WRONG_ROLE
        out.append(Evidence(tokens[i].text, v.starts[i], v.ends[i], round(weight, 4)))
    return out


class LexiconMethod(SentimentMethod):
    """Scoped lexicon scoring; the score is the clipped sum of the evidence weights."""

    @property
    def scorer(self) -> Scorer:
        """The lexicon, intensifiers and negations this method scores with."""
        return _scorer(self.name)

    def score(self, items: Sequence[Item], spans: Sequence[Span] | None = None) -> list[TargetScore]:
        th = thresholds(self.name)
        out = []
        for k, (sentence, start, end) in enumerate(items):
            span = spans[k] if spans is not None else _parse_sentence(sentence)
            v = view(span)
            masked = frozenset(i for i, (a, b) in enumerate(zip(v.starts, v.ends, strict=True))
                               if not sentence[a:b].strip())  # words blanked by the caller  # fmt: skip
            ev = explain(v, target_tokens(v, start, end), self.scorer, masked)
            s = max(-1.0, min(1.0, round(sum(e.weight for e in ev), 4)))
            ev.sort(key=lambda e: (-abs(e.weight), e.start))
            out.append(TargetScore(label_of(s, th), s, self.name, tuple(ev)))
        return out


@cache
def _scorer(name: str) -> Scorer:
    news = news_lexicon()
    if name == "vader":
        words, boosters, negations = vader_lexicon()
        return Scorer({**words, **news}.get, boosters, negations, -0.74)
    from textblob.en import sentiment  # the user's choice of lexicon; loaded on first use

    words, intensifiers = pattern_lexicon()
    return Scorer({**words, **news}.get, intensifiers, frozenset(sentiment.negations) | {"without", "nor"}, -0.5)


class TextBlobMethod(LexiconMethod):
    """Pattern lexicon (TextBlob) + news lexicon, scoped to the target on the parse."""

    name = "textblob"


class VaderMethod(LexiconMethod):
    """VADER lexicon + news lexicon, scoped to the target on the parse."""

    name = "vader"
