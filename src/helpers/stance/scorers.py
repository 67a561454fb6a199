"""Scorers: what labels a candidate pair of mentions, and the seam where a learned head plugs in.

A *candidate pair* is two mentions of different actors in one sentence. A scorer reads a batch of
:data:`PairItem` ``(sentence, (ps, pe), (qs, qe))`` (offsets into the sentence, ``p`` before ``q`` or
not) and returns an ``(n, 5)`` array of DSE-class probabilities (Park, Pan & Joo, Findings of ACL
2021), columns :data:`CLASSES`: 0 neutral, 1 p positive toward q, 2 q positive toward p, 3 p negative
toward q, 4 q negative toward p.

* ``rules``: :func:`rule_probabilities`, one-hot from the rule reading (:mod:`helpers.stance.readings`;
  a pair read both ways, "X and Y signed a deal", is kept mutual by the pipeline, which reads the rules
  directly rather than through the five classes);
* ``model``: the learned head, ``helpers.stance.model.predict_pairs`` (same signature): the pair head
  of the fine-tuned encoder (:mod:`helpers.ml.encoder`).

:func:`labels_from` turns one row of probabilities back into ``(p_to_q, q_to_p)`` labels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from helpers.errors import MethodError
from helpers.stance import model
from helpers.stance.readings import StanceLabel

#: One candidate pair: the sentence's text and the two mentions' ``[start, end)`` offsets in it.
PairItem = tuple[str, tuple[int, int], tuple[int, int]]
#: A scorer: pair items in, ``(n, 5)`` DSE-class probabilities out (rows sum to 1).
Scorer = Callable[[Sequence[PairItem]], np.ndarray]
CLASSES = (0, 1, 2, 3, 4)
#: DSE class -> (p_to_q label, q_to_p label).
CLASS_LABELS = {
    0: ("neutral", "neutral"),
    1: ("cooperative", "neutral"),
    2: ("neutral", "cooperative"),
    3: ("hostile", "neutral"),
    4: ("neutral", "hostile"),
}
#: When both directions carry the same polarity, how much stronger q -> p must be to win (DSE train.tsv).
BACKWARD_MARGIN = 3.0
LEARNED_HEAD_MISSING = ("the learned stance head (helpers.stance.model.predict_pairs) is not available: the "
                        "fine-tuned encoder in data/models/encoder is missing (restore it from git); "
                        "use method='rules'")


def dse_class(p_to_q: StanceLabel, q_to_p: StanceLabel) -> int:
    """The DSE class (0-4) of a pair of directed stances.

    Hostile beats cooperative; when both directions carry the same polarity, ``q -> p`` wins only when
    its ``|score|`` exceeds :data:`BACKWARD_MARGIN` times that of ``p -> q`` (the first-mentioned entity
    is far more often the holder in DSE train.tsv).
    """
    for label, fwd, back in (("hostile", 3, 4), ("cooperative", 1, 2)):
        a, b = p_to_q.label == label, q_to_p.label == label
        if a and (not b or BACKWARD_MARGIN * abs(p_to_q.score) >= abs(q_to_p.score)):
            return fwd
        if b:
            return back
    return 0


def one_hot(classes: Sequence[int]) -> np.ndarray:
    """``(n, 5)`` probabilities putting all mass on each row's class."""
    out = np.zeros((len(classes), len(CLASSES)))
    out[np.arange(len(classes)), list(classes)] = 1.0
    return out


def labels_from(probs: Sequence[float],
                rules: tuple[StanceLabel, StanceLabel] | None = None) -> tuple[StanceLabel, StanceLabel]:  # fmt: skip
    """``(p_to_q, q_to_p)`` from one row of class probabilities: the most probable class, its probability
    times 10 as the score (signed by polarity). The rules' cues stay on each direction as evidence; when the
    rules read the pair both ways with the polarity the class names ("X and Y signed a deal"), both keep it."""
    k = max(CLASSES, key=lambda c: probs[c])
    fwd, back = CLASS_LABELS[k]
    rules = rules or (StanceLabel("neutral", 0.0), StanceLabel("neutral", 0.0))
    polar = fwd if fwd != "neutral" else back
    if polar != "neutral" and rules[0].label == rules[1].label == polar:
        fwd = back = polar
    out = []
    for label, rule in ((fwd, rules[0]), (back, rules[1])):
        score = 0.0 if label == "neutral" else round((10.0 if label == "cooperative" else -10.0) * float(probs[k]), 4)
        out.append(StanceLabel(label, score, rule.cues))
    return out[0], out[1]


def learned() -> Scorer:
    """The learned head's ``predict_pairs`` (the seam: any function of that signature plugs in here).

    Raises:
        MethodError: the learned head has no trained artifact.
    """
    if not model.available():
        raise MethodError(LEARNED_HEAD_MISSING)
    return model.predict_pairs
