"""The ``model`` sentiment method: the fine-tuned encoder's target head, its probabilities and its evidence."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import sentiment as S
from helpers.sentiment.model import occlusion

SENTENCE = "Putin was condemned by the UN for his brutal invasion, while Zelensky was praised for his courage."


def test_probabilities_score_and_label_agree():
    res = S.score_targets([(SENTENCE, 0, 5), (SENTENCE, 61, 69)], "model")
    for r in res:
        p = np.asarray(r.probabilities)
        assert p.shape == (3,) and abs(p.sum() - 1) < 1e-3 and (p >= 0).all()
        assert r.label == S.LABELS[int(p.argmax())]
        assert r.score == pytest.approx(p[2] - p[0], abs=1e-4)
    assert res[0].label == "negative" and res[1].label == "positive"


def test_evidence_words_point_the_way_of_the_label():
    putin, zelensky = S.score_targets([(SENTENCE, 0, 5), (SENTENCE, 61, 69)], "model")
    assert putin.evidence and all(e.weight < 0 for e in putin.evidence)
    assert all(e.weight > 0 for e in zelensky.evidence)
    for e in putin.evidence:
        assert SENTENCE[e.start : e.end] == e.word


def test_occlusion_finds_the_words_that_carry_the_label():
    top = occlusion(SENTENCE, 0, 5, top=3)
    assert 0 < len(top) <= 3 and all(SENTENCE[e.start : e.end] == e.word for e in top)
    assert {"condemned", "brutal", "invasion"} & {e.word for e in top}
    assert "Putin" not in {e.word for e in top}  # the target is never occluded


def test_one_pass_per_sentence_however_many_targets():
    items = [(SENTENCE, 0, 5)] * 5 + [(SENTENCE, 61, 69)]
    res = S.score_targets(items, "model")
    assert len({r.probabilities for r in res[:5]}) == 1
