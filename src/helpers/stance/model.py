"""The learned stance head: the fine-tuned encoder's pair head, behind the seam of :mod:`helpers.stance.scorers`.

The head reads one sentence with two marked mentions and returns probabilities of the five classes of
DSE (Park, Pan & Joo, "Who Blames or Endorses Whom?", Findings of ACL 2021): 0 neutral, 1 p positive
toward q, 2 q positive toward p, 3 p negative toward q, 4 q negative toward p. It is the pair head of
the one fine-tuned encoder the sentiment method also uses (:mod:`helpers.ml.encoder`, trained on DSE
``train.tsv`` and NewsMTSC ``train.jsonl`` by :mod:`helpers.ml.finetune`, temperature fitted on DSE
``valid.tsv``); the pair is read in text order, so asking for ``(q, p)`` gives the same reading with
the classes swapped. The rules (:mod:`helpers.stance.readings`) keep explaining each label: their cues
are the evidence the pipeline shows beside the head's label.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from helpers.errors import DataError
from helpers.ml import encoder

MODEL_DIR = encoder.MODEL_DIR


def available(model_dir: str | Path = MODEL_DIR) -> bool:
    """True when the fine-tuned encoder's files are in place (``data/models/encoder``)."""
    try:
        encoder.load_model(model_dir)
    except DataError:
        return False
    return True


def predict_pairs(items: Sequence[encoder.PairItem], model_dir: str | Path = MODEL_DIR) -> np.ndarray:
    """Calibrated DSE-class probabilities ``(n, 5)`` (rows sum to 1) of each ``(sentence, p, q)`` item."""
    if not items:
        return np.zeros((0, 5))
    return encoder.predict_pairs(items, model_dir=model_dir)
