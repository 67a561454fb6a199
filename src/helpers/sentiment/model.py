"""The ``model`` method: the fine-tuned encoder's target head, with the words behind each label.

Scores come from :func:`helpers.ml.encoder.predict_targets`: calibrated probabilities of negative,
neutral and positive sentiment toward the target (all-MiniLM-L6-v2 fine-tuned on NewsMTSC and DSE; one
forward pass per sentence serves all its targets). The label is the most probable class; the score is
``p(positive) - p(negative)`` in [-1, 1].

Evidence: the model reads the whole sentence, so no single word "is" its reason. Two explanations:

- in the tables, the lexicon words (the ``textblob`` method's scoping) that agree with the label's
  direction: cheap, and they point at the words a reader checks first;
- on demand, :func:`occlusion`: how much the probability of the label drops when each word is blanked
  out, one forward pass per word (computed only for the rows a report or notebook shows).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from spacy.tokens import Span

from helpers.ml import encoder
from helpers.sentiment.base import LABELS, Evidence, Item, SentimentMethod, TargetScore
from helpers.sentiment.lexicon import TextBlobMethod

_WORD = re.compile(r"[\w'’-]+")


def _agreeing(evidence: tuple[Evidence, ...], label: str) -> tuple[Evidence, ...]:
    """The lexicon words that point the way of ``label`` (none for neutral)."""
    if label == "positive":
        return tuple(e for e in evidence if e.weight > 0)
    if label == "negative":
        return tuple(e for e in evidence if e.weight < 0)
    return ()


class ModelMethod(SentimentMethod):
    """Fine-tuned encoder target head; evidence from the lexicon words that agree with its label."""

    name = "model"
    probabilistic = True

    def score(self, items: Sequence[Item], spans: Sequence[Span] | None = None) -> list[TargetScore]:
        if not items:
            return []
        probs = encoder.predict_targets(list(items))
        words = TextBlobMethod().score(items, spans)
        out = []
        for p, lex in zip(probs, words, strict=True):
            label = LABELS[int(np.argmax(p))]
            score = round(float(p[2] - p[0]), 4)
            out.append(TargetScore(label, score, self.name, _agreeing(lex.evidence, label),
                                   (round(float(p[0]), 4), round(float(p[1]), 4), round(float(p[2]), 4))))
        return out


def occlusion(sentence: str, start: int, end: int, *, top: int = 5) -> list[Evidence]:
    """The words whose removal changes the model's probability of its label most (occlusion).

    Each word outside the target is replaced by spaces in turn (offsets stay put) and the sentence read
    again; ``weight`` is the drop in the probability of the label the full sentence gets (positive: the word
    supports the label). One forward pass per word: use it for the rows shown, not for whole corpora.

    Returns:
        Up to ``top`` words, largest ``|weight|`` first, with offsets into ``sentence``.
    """
    base = encoder.predict_targets([(sentence, start, end)])[0]
    label = int(np.argmax(base))
    spans = [(m.start(), m.end()) for m in _WORD.finditer(sentence) if m.end() <= start or m.start() >= end]
    if not spans:
        return []
    variants = [(sentence[:a] + " " * (b - a) + sentence[b:], start, end) for a, b in spans]
    probs = encoder.predict_targets(variants)
    out = [Evidence(sentence[a:b], a, b, round(float(base[label] - p[label]), 4))
           for (a, b), p in zip(spans, probs, strict=True)]  # fmt: skip
    out.sort(key=lambda e: (-abs(e.weight), e.start))
    return out[:top]
