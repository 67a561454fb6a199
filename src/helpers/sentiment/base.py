"""What every sentiment method shares: items, scores with evidence, labels, and the method registry.

An item is ``(sentence, start, end)``: the half-open character span ``[start, end)`` of the target mention
in the sentence. Every method returns a :class:`TargetScore` with a label (``negative``/``neutral``/
``positive``), a score in [-1, 1] and the evidence (words of the sentence, with offsets into it) behind it.
Adding a method is a :class:`SentimentMethod` subclass and a :func:`register` call.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from spacy.tokens import Span

from helpers.errors import MethodError, SpanError

LABELS = ("negative", "neutral", "positive")
#: The method ``default`` stands for: the fine-tuned encoder's target head (see the README's methods table).
DEFAULT_METHOD = "model"

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
        evidence: the words behind the score, strongest first.
        probabilities: ``(negative, neutral, positive)`` for methods that give calibrated probabilities.
    """

    label: str
    score: float
    method: str
    evidence: tuple[Evidence, ...] = ()
    probabilities: tuple[float, float, float] | None = None


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


def label_of(score: float, thresholds: tuple[float, float]) -> str:
    """``negative`` if ``score <= thresholds[0]``, ``positive`` if ``>= thresholds[1]``, else ``neutral``."""
    if score <= thresholds[0]:
        return "negative"
    if score >= thresholds[1]:
        return "positive"
    return "neutral"


class SentimentMethod(ABC):
    """One way of scoring sentiment toward targets; subclasses set ``name`` and ``score``.

    ``spans``, when given, are the items' sentences as spans of the article's one parsed document (the
    pipeline passes them so that no method parses a sentence again); methods that read the parse use
    them, the others read the sentence strings.
    """

    name: ClassVar[str]
    #: Whether the method's scores carry calibrated probabilities (``TargetScore.probabilities``).
    probabilistic: ClassVar[bool] = False

    @abstractmethod
    def score(self, items: Sequence[Item], spans: Sequence[Span] | None = None) -> list[TargetScore]:
        """Scores for already-validated items, in order."""


_REGISTRY: dict[str, Callable[[], SentimentMethod]] = {}


def register(name: str, factory: Callable[[], SentimentMethod]) -> None:
    """Add a method under ``name`` (a class or zero-argument factory of a :class:`SentimentMethod`)."""
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", name) or name == "default":
        raise MethodError(f"bad method name {name!r}: use lower-case letters, digits, '_' or '-', not 'default'")
    _REGISTRY[name] = factory
    get_method.cache_clear()


def methods() -> list[str]:
    """Names accepted by :func:`helpers.sentiment.score_targets`: the registered methods and ``default``."""
    return [*sorted(_REGISTRY), "default"]


def default_method() -> str:
    """The method ``default`` stands for (:data:`DEFAULT_METHOD`, else ``textblob`` if it is not registered)."""
    return DEFAULT_METHOD if DEFAULT_METHOD in _REGISTRY else "textblob"


@cache
def get_method(name: str) -> SentimentMethod:
    """The (shared) instance of method ``name``; ``default`` is resolved first.

    Raises:
        MethodError: an unknown name.
    """
    if name == "default":
        name = default_method()
    if name not in _REGISTRY:
        raise MethodError(f"unknown sentiment method {name!r}; choose one of: {', '.join(methods())}")
    return _REGISTRY[name]()
