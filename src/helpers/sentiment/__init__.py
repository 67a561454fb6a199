"""Stage 3, sentiment: how each mention is spoken of, and how the article portrays each actor.

Methods (:func:`methods`): ``model`` (the default: the fine-tuned encoder's target head,
:mod:`helpers.sentiment.model`), ``textblob`` and ``vader`` (transparent lexicon methods scoped on the
parse, :mod:`helpers.sentiment.lexicon`). :mod:`helpers.sentiment.portrayal` adds the mentions up per actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span

from helpers.sentiment.base import (
    DEFAULT_METHOD,
    LABELS,
    Evidence,
    Item,
    ItemError,
    SentimentMethod,
    TargetScore,
    check_items,
    default_method,
    get_method,
    label_of,
    methods,
    register,
)
from helpers.sentiment.lexicon import TextBlobMethod, VaderMethod
from helpers.sentiment.model import ModelMethod

register("textblob", TextBlobMethod)
register("vader", VaderMethod)
register("model", ModelMethod)


def score_targets(items: Iterable[Item], method: str = "default", *, spans: Sequence[Span] | None = None,
                  ) -> list[TargetScore]:
    """Sentiment toward each target mention.

    Args:
        items: ``(sentence, start, end)`` triples; ``sentence[start:end]`` is the target mention
            (half-open character offsets into the sentence).
        method: one of :func:`methods`.
        spans: the sentences as spans of an already parsed document, one per item (the pipeline passes
            them; a sentence given only as a string is parsed on its own).

    Returns:
        One :class:`TargetScore` per item, in order. Each distinct sentence is read once however many
        targets it holds.

    Raises:
        MethodError: unknown ``method``.
        ItemError: (a ``HelpersError`` and ``ValueError``) an item that is not ``(str, int, int)``
            with ``0 <= start < end <= len(sentence)`` and a non-blank span.
    """
    impl = get_method(method)
    return impl.score(check_items(items), spans)


def score_target(sentence: str, start: int, end: int, method: str = "default") -> TargetScore:
    """Sentiment toward ``sentence[start:end]``; see :func:`score_targets`."""
    return score_targets([(sentence, start, end)], method)[0]


__all__ = [
    "DEFAULT_METHOD", "LABELS", "Evidence", "Item", "ItemError", "SentimentMethod", "TargetScore", "check_items",
    "default_method", "get_method", "label_of", "methods", "register", "score_target", "score_targets",
]  # fmt: skip
