"""The learned stance reader: the fine-tuned encoder's pair head blended with a bag-of-words model, behind
the seam of :mod:`helpers.stance.scorers`.

Both read one sentence with two marked mentions and give the five classes of DSE (Park, Pan & Joo, "Who
Blames or Endorses Whom?", Findings of ACL 2021): 0 neutral, 1 p positive toward q, 2 q positive toward
p, 3 p negative toward q, 4 q negative toward p.

- The pair head of the one fine-tuned encoder the sentiment method also uses (:mod:`helpers.ml.encoder`,
  trained on DSE ``train.tsv`` and NewsMTSC ``train.jsonl`` by :mod:`helpers.ml.finetune`) reads the
  pooled states of the two spans and their context.
- The bag-of-words model (:mod:`helpers.ml.bow`, trained on DSE ``train.tsv`` by
  :mod:`helpers.ml.fit_bow`) reads which words stand before, between and after the two actors.

Their log-probabilities are added, the second weighted, and the sum divided by a temperature; weight and
temperature were fitted on DSE ``valid.tsv`` (``data/models/bow/model.json``), where the blend scores
above either reader alone. The pair is read in text order, so asking for ``(q, p)`` gives the same reading
with the classes swapped. The rules (:mod:`helpers.stance.readings`) keep explaining each label: their
cues are the evidence the pipeline shows beside the learned label.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from helpers.errors import DataError
from helpers.ml import bow, encoder

MODEL_DIR = encoder.MODEL_DIR
BOW_DIR = bow.MODEL_DIR


def available(model_dir: str | Path = MODEL_DIR, bow_dir: str | Path = BOW_DIR) -> bool:
    """True when both readers' files are in place (``data/models/encoder``, ``data/models/bow``)."""
    try:
        encoder.load_model(model_dir)
        bow.load_model(bow_dir)
    except DataError:
        return False
    return True


def predict_pairs(items: Sequence[encoder.PairItem], model_dir: str | Path = MODEL_DIR,
                  bow_dir: str | Path = BOW_DIR) -> np.ndarray:  # fmt: skip
    """Calibrated DSE-class probabilities ``(n, 5)`` (rows sum to 1) of each ``(sentence, p, q)`` item."""
    if not items:
        return np.zeros((0, 5))
    blend = bow.load_model(bow_dir).meta["ensemble"]
    z = bow.blend(encoder.predict_pairs(items, model_dir=model_dir), bow.pair_logits(items, model_dir=bow_dir),
                  blend["weight"])  # fmt: skip
    return encoder.softmax(z / blend["temperature"])
