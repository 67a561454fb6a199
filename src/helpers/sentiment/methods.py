"""Sentiment toward a target mention in a sentence, explained word by word.

An item is ``(sentence, start, end)``: the half-open character span ``[start, end)``
of the target mention in the sentence. Every method returns a :class:`TargetScore`
with a label (``negative``/``neutral``/``positive``), a score in [-1, 1] and the
evidence (words of the sentence, with offsets into it) that produced the score.

Methods (see :func:`methods`):

* ``textblob``: TextBlob's Pattern lexicon (De Smedt & Daelemans, JMLR 2012)
  extended with a news-domain lexicon (``data/lexicons/news_sentiment.csv``), scored
  around the target: the target's own words are masked, words outside the target's
  clause count less, negation flips (x -0.5, as Pattern), intensifiers scale, words
  inside a quotation the target is speaking count little, and event words follow the
  target's role (``X was accused`` is negative for X, ``X accused Y`` mostly for Y).
  The score is the sum of the evidence weights, clipped to [-1, 1].
* ``vader``: the same scoping around VADER's lexicon (Hutto & Gilbert, ICWSM 2014;
  valence / 4, negation x -0.74, VADER's boosters) plus the news lexicon.
* ``model``: a linear classifier trained on NewsMTSC (Hamborg & Donnay, EACL 2021)
  with target-relative features, see :mod:`helpers.sentiment.model`.
* ``default``: the method best on the validation split of NewsMTSC train (macro-F1), as
  recorded in ``data/models/sentiment/model.json`` (``default_method`` = ``best_on_validation``).

Adding a method is adding a :class:`SentimentMethod` subclass and a :func:`register` call.
"""

from __future__ import annotations

import csv
import json
import re
from abc import ABC, abstractmethod
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import ClassVar, NamedTuple

from helpers.config import LEXICON_DIR, MODELS_DIR
from helpers.errors import DataError, MethodError, SpanError
from helpers.text.tokens import Token, normal, tag, tokenize

LABELS = ("negative", "neutral", "positive")
NEWS_LEXICON = LEXICON_DIR / "news_sentiment.csv"
MODEL_DIR = MODELS_DIR / "sentiment"
#: Label thresholds used when ``model.json`` holds none: score <= -t is negative, >= t positive.
_DEFAULT_THRESHOLDS = (-0.1, 0.1)

Item = tuple[str, int, int]


@dataclass(frozen=True)
class Evidence:
    """A word that moved the score: ``sentence[start:end] == word``; ``weight`` in [-1, 1]."""

    word: str
    start: int
    end: int
    weight: float


@dataclass(frozen=True)
class TargetScore:
    """Sentiment toward one target mention.

    Attributes:
        label: ``negative``, ``neutral`` or ``positive``.
        score: polarity toward the target in [-1, 1].
        method: the method that produced it (``default`` is resolved to its method).
        evidence: the words that produced the score, strongest first.
    """

    label: str
    score: float
    method: str
    evidence: tuple[Evidence, ...] = ()


# --------------------------------------------------------------------------- parsing


class Parsed(NamedTuple):
    """A sentence tokenised and tagged once, with clause and quotation ids per token."""

    tokens: tuple[Token, ...]
    words: tuple[str, ...]  # normal() forms
    clause: tuple[int, ...]
    quote: tuple[int, ...]  # -1 outside quotation marks, else the quotation's number
    starts: tuple[int, ...]  # token start offsets, increasing
    ends: tuple[int, ...]  # token end offsets, increasing


_CLAUSE_PUNCT = frozenset({";", ":", "--", "—", "–", "(", ")", ",", "[", "]"})
_CLAUSE_WORDS = frozenset(
    {"but", "while", "although", "though", "whereas", "because", "however", "yet", "who", "which", "whom", "after"}
)
_QUOTES_OPEN = frozenset({"“", "«"})
_QUOTES_CLOSE = frozenset({"”", "»"})


@lru_cache(maxsize=4096)
def parse(sentence: str) -> Parsed:
    """Tokens (Penn-tagged), clause ids and quotation ids of ``sentence``; cached by text."""
    tokens = tuple(tag(tokenize(sentence)))
    words = tuple(normal(t.text) for t in tokens)
    clause, quote = [], []
    c, q, n_quotes, in_quote = 0, -1, 0, False
    for i, (t, w) in enumerate(zip(tokens, words, strict=True)):
        is_open = t.text in _QUOTES_OPEN or (t.text == '"' and not in_quote)
        is_close = t.text in _QUOTES_CLOSE or (t.text == '"' and in_quote)
        if is_open and not in_quote:
            in_quote, q, n_quotes = True, n_quotes, n_quotes + 1
        elif is_close and in_quote:
            in_quote = False
        if w in _CLAUSE_PUNCT or (i and w in _CLAUSE_WORDS) or (w == "that" and t.tag == "IN"):
            c += 1
        clause.append(c)
        quote.append(q if (in_quote or is_close) and q >= 0 else -1)
        if is_close and not in_quote:
            q = -1
    return Parsed(tokens, words, tuple(clause), tuple(quote), tuple(t.start for t in tokens),
                  tuple(t.end for t in tokens))


def target_tokens(parsed: Parsed, start: int, end: int) -> list[int]:
    """Indices of the tokens overlapping ``[start, end)`` (tokens are ordered and do not overlap)."""
    return list(range(bisect_right(parsed.ends, start), bisect_left(parsed.starts, end)))


# --------------------------------------------------------------------------- lexicons


class LexiconEntry(NamedTuple):
    """A lexicon word: polarity in [-1, 1] and kind (``attribute``, ``agent``, ``patient``)."""

    polarity: float
    kind: str = "attribute"


_KINDS = frozenset({"attribute", "agent", "patient"})


@cache
def news_lexicon() -> dict[str, LexiconEntry]:
    """The news-domain lexicon ``data/lexicons/news_sentiment.csv`` (word -> entry)."""
    try:
        with NEWS_LEXICON.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise DataError(f"cannot read the news sentiment lexicon {NEWS_LEXICON}: {e}") from e
    out: dict[str, LexiconEntry] = {}
    for n, row in enumerate(rows, start=2):
        try:
            polarity, kind = float(row["polarity"]), row["kind"].strip()
        except (KeyError, TypeError, ValueError) as e:
            raise DataError(f"{NEWS_LEXICON}:{n}: need columns word,polarity,kind,note ({e})") from e
        if kind not in _KINDS or not -1 <= polarity <= 1:
            raise DataError(f"{NEWS_LEXICON}:{n}: kind must be one of {sorted(_KINDS)}, polarity in [-1, 1]")
        out[normal(row["word"].strip())] = LexiconEntry(polarity, kind)
    return out


@cache
def pattern_lexicon() -> tuple[dict[str, LexiconEntry], dict[str, float]]:
    """TextBlob's bundled Pattern lexicon (``en-sentiment.xml``): entries and intensifiers.

    Returns:
        ``(words, intensifiers)``: polarity per word (its part-of-speech-free reading)
        and the multiplier (0.5-2.0) of adverbs that modify the next word ("very").
    """
    from textblob.en import sentiment

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
def vader_lexicon() -> tuple[dict[str, LexiconEntry], dict[str, float], frozenset[str]]:
    """VADER's bundled lexicon (valence / 4), booster multipliers and negation words."""
    from vaderSentiment import vaderSentiment as v

    words = {w: LexiconEntry(max(-1.0, min(1.0, val / 4))) for w, val in v.SentimentIntensityAnalyzer().lexicon.items()}
    boosters = {w: 1 + 2.5 * b for w, b in v.BOOSTER_DICT.items()}  # B_INCR 0.293 -> x1.73, B_DECR -> x0.27
    return words, boosters, frozenset(normal(w) for w in v.NEGATE) | {"n't", "no", "never", "without", "nor"}


# --------------------------------------------------------------------------- scoping

#: Speech verbs that follow their speaker ("X said") or, inverted, precede it ("said X").
_SPEECH = frozenset({"said", "says", "told", "tells", "added", "stated", "wrote", "writes", "tweeted", "argued"}
                    | {"claimed", "insisted", "asserted", "warned", "explained", "noted", "recalled", "declared"})
_BE = frozenset({"is", "was", "were", "are", "be", "been", "being", "get", "got", "gets", "'s"})
#: How many tokens back, inside the clause, a negation reaches ("not a good and honest leader").
_NEGATION_SCOPE = 5
_WEIGHT_OTHER_CLAUSE = 0.4
_WEIGHT_SPEAKER_QUOTE = 0.2
_WEIGHT_WRONG_ROLE = 0.25


class Scorer(NamedTuple):
    """A lexicon plus its negation and intensifier rules."""

    lexicon: Callable[[str], LexiconEntry | None]
    intensifiers: dict[str, float]
    negations: frozenset[str]
    negation_factor: float


def _role(parsed: Parsed, verb: int, target: list[int]) -> str:
    """The target's role toward the verb at ``verb``: ``agent``, ``patient`` or ``other``."""
    words, tags = parsed.words, [t.tag for t in parsed.tokens]
    if parsed.clause[verb] not in {parsed.clause[i] for i in target}:
        return "other"
    passive = tags[verb] == "VBN" and any(words[j] in _BE for j in range(max(0, verb - 3), verb))
    if target[-1] < verb:
        return "patient" if passive else "agent"
    if passive and target[0] >= 1 and words[target[0] - 1] == "by":
        return "agent"
    return "patient"


def _is_speaker(parsed: Parsed, target: list[int]) -> bool:
    """Whether the target is the one speaking: ``X said``, ``X, ..., said``, ``said X``, ``according to X``."""
    words, lo, hi = parsed.words, target[0], target[-1]
    after = [j for j in range(hi + 1, min(len(words), hi + 4)) if parsed.clause[j] == parsed.clause[hi]]
    if any(words[j] in _SPEECH for j in after):
        return True
    if lo >= 1 and words[lo - 1] in _SPEECH:
        return True
    return lo >= 2 and words[lo - 2] == "according" and words[lo - 1] == "to"


def explain(parsed: Parsed, target: list[int], scorer: Scorer, *, speaker: bool | None = None) -> list[Evidence]:
    """Weighted lexicon words toward the target (target words masked), in sentence order.

    ``speaker`` (whether the target is the one speaking) is computed when not given.
    """
    words, tokens = parsed.words, parsed.tokens
    tset = set(target)
    t_clauses = {parsed.clause[i] for i in target}
    t_quotes = {parsed.quote[i] for i in target} - {-1}
    if speaker is None:
        speaker = bool(target) and _is_speaker(parsed, target)
    out: list[Evidence] = []
    for i, w in enumerate(words):
        if i in tset:
            continue
        entry = scorer.lexicon(w)
        if entry is None or not entry.polarity:
            continue
        if w in scorer.intensifiers and i + 1 < len(words) and scorer.lexicon(words[i + 1]) is not None:
            continue  # "very" in "very bad" scales "bad" instead of counting itself
        weight = entry.polarity
        if i and words[i - 1] in scorer.intensifiers and i - 1 not in tset:
            weight = max(-1.0, min(1.0, weight * scorer.intensifiers[words[i - 1]]))
        for j in range(i - 1, max(-1, i - _NEGATION_SCOPE - 1), -1):
            if parsed.clause[j] != parsed.clause[i] or j in tset:
                break
            if words[j] in scorer.negations:
                weight *= scorer.negation_factor
                break
        if parsed.clause[i] not in t_clauses:
            weight *= _WEIGHT_OTHER_CLAUSE
        q = parsed.quote[i]
        if speaker and q != -1 and q not in t_quotes:
            weight *= _WEIGHT_SPEAKER_QUOTE
        if entry.kind != "attribute" and target and tokens[i].tag.startswith("V"):
            role = _role(parsed, i, target)
            if role not in (entry.kind, "other"):
                weight *= _WEIGHT_WRONG_ROLE
        out.append(Evidence(tokens[i].text, tokens[i].start, tokens[i].end, round(weight, 4)))
    return out


# --------------------------------------------------------------------------- methods


#: An item is not ``(sentence, start, end)`` with a non-blank span inside the sentence.
ItemError = SpanError


def check_items(items: Iterable[Item]) -> list[Item]:
    """The items as a list, or an :class:`ItemError` naming the first bad one."""
    out = []
    for n, item in enumerate(items):
        try:
            sentence, start, end = item
        except (TypeError, ValueError) as e:
            raise ItemError(f"item {n}: expected (sentence, start, end), got {item!r}") from e
        if not isinstance(sentence, str) or not isinstance(start, int) or not isinstance(end, int):
            raise ItemError(f"item {n}: expected (str, int, int), got {item!r}")
        if not 0 <= start < end <= len(sentence):
            raise ItemError(
                f"item {n}: target span [{start}, {end}) must satisfy 0 <= start < end <= {len(sentence)} "
                f"(the sentence length)"
            )
        if not sentence[start:end].strip():
            raise ItemError(f"item {n}: target span [{start}, {end}) is blank")
        out.append((sentence, start, end))
    return out


class SentimentMethod(ABC):
    """One way of scoring sentiment toward targets; subclasses set ``name`` and ``score``."""

    name: ClassVar[str]

    @abstractmethod
    def score(self, items: Sequence[Item]) -> list[TargetScore]:
        """Scores for already-validated items, in order."""


def label_of(score: float, thresholds: tuple[float, float]) -> str:
    """``negative`` if ``score <= thresholds[0]``, ``positive`` if ``>= thresholds[1]``, else ``neutral``."""
    if score <= thresholds[0]:
        return "negative"
    if score >= thresholds[1]:
        return "positive"
    return "neutral"


@cache
def model_card() -> dict:
    """``data/models/sentiment/model.json``: validation results, thresholds, default method."""
    path = MODEL_DIR / "model.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataError(
            f"cannot read {path} ({e}); retrain with `python -m helpers.sentiment.model --data ../shared/newsmtsc`"
        ) from e


def thresholds(method: str) -> tuple[float, float]:
    """Label thresholds of a lexicon method, tuned on the NewsMTSC train split (defaults if none)."""
    try:
        lo, hi = model_card()["thresholds"][method]
    except (DataError, KeyError):
        return _DEFAULT_THRESHOLDS
    return float(lo), float(hi)


class LexiconMethod(SentimentMethod):
    """Scoped lexicon scoring; the score is the clipped sum of the evidence weights."""

    @abstractmethod
    def scorer(self) -> Scorer:
        """The lexicon, intensifiers and negations this method scores with."""

    def evidence(self, sentence: str, start: int, end: int) -> list[Evidence]:
        """Evidence toward the target ``sentence[start:end]`` in sentence order (unclipped)."""
        parsed = parse(sentence)
        return explain(parsed, target_tokens(parsed, start, end), self.scorer())

    def score(self, items: Sequence[Item]) -> list[TargetScore]:
        th = thresholds(self.name)
        out = []
        for sentence, start, end in items:
            ev = self.evidence(sentence, start, end)
            s = max(-1.0, min(1.0, round(sum(e.weight for e in ev), 4)))
            ev.sort(key=lambda e: (-abs(e.weight), e.start))
            out.append(TargetScore(label_of(s, th), s, self.name, tuple(ev)))
        return out


class TextBlobMethod(LexiconMethod):
    """Pattern lexicon (TextBlob) + news lexicon, scoped to the target."""

    name = "textblob"

    @cache  # noqa: B019 - one instance per process via the registry
    def scorer(self) -> Scorer:
        words, intensifiers = pattern_lexicon()
        news = news_lexicon()
        from textblob.en import sentiment

        return Scorer({**words, **news}.get, intensifiers,
                      frozenset(sentiment.negations) | {"without", "nor"}, -0.5)


class VaderMethod(LexiconMethod):
    """VADER lexicon + news lexicon, scoped to the target."""

    name = "vader"

    @cache  # noqa: B019 - one instance per process via the registry
    def scorer(self) -> Scorer:
        words, boosters, negations = vader_lexicon()
        news = news_lexicon()
        return Scorer({**words, **news}.get, boosters, negations, -0.74)


def _model_method() -> SentimentMethod:
    from helpers.sentiment.model import ModelMethod

    return ModelMethod()


def _linear_method() -> SentimentMethod:
    from helpers.sentiment.model import LinearMethod

    return LinearMethod()


_REGISTRY: dict[str, Callable[[], SentimentMethod]] = {
    "textblob": TextBlobMethod,
    "vader": VaderMethod,
    "linear": _linear_method,
    "model": _model_method,
}


def register(name: str, factory: Callable[[], SentimentMethod]) -> None:
    """Add a method under ``name`` (a class or zero-argument factory of a :class:`SentimentMethod`)."""
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", name) or name == "default":
        raise MethodError(f"bad method name {name!r}: use lower-case letters, digits, '_' or '-', not 'default'")
    _REGISTRY[name] = factory
    get_method.cache_clear()


def methods() -> list[str]:
    """Names accepted by :func:`score_targets`: the registered methods and ``default``."""
    return [*sorted(_REGISTRY), "default"]


def default_method() -> str:
    """The method ``default`` stands for: the method best on the NewsMTSC validation split (``model.json``)."""
    try:
        name = model_card()["default_method"]
    except (DataError, KeyError):
        return "textblob"
    return name if name in _REGISTRY else "textblob"


@cache
def get_method(name: str) -> SentimentMethod:
    """The (shared) instance of method ``name``; ``default`` is resolved first."""
    if name == "default":
        name = default_method()
    if name not in _REGISTRY:
        raise MethodError(f"unknown sentiment method {name!r}; choose one of: {', '.join(methods())}")
    return _REGISTRY[name]()


def score_targets(items: Iterable[Item], method: str = "default") -> list[TargetScore]:
    """Sentiment toward each target mention.

    Args:
        items: ``(sentence, start, end)`` triples; ``sentence[start:end]`` is the target
            mention (half-open character offsets into the sentence).
        method: one of :func:`methods`.

    Returns:
        One :class:`TargetScore` per item, in order. Each sentence is tokenised and
        tagged once however many targets it holds.

    Raises:
        MethodError: unknown ``method``.
        ItemError: (a ``HelpersError`` and ``ValueError``) an item that is not ``(str, int, int)``
            with ``0 <= start < end <= len(sentence)`` and a non-blank span.
    """
    impl = get_method(method)
    return impl.score(check_items(items))


def score_target(sentence: str, start: int, end: int, method: str = "default") -> TargetScore:
    """Sentiment toward ``sentence[start:end]``; see :func:`score_targets`."""
    return score_targets([(sentence, start, end)], method)[0]
