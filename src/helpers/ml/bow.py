"""A bag-of-words reader of directed stance: the second opinion beside the fine-tuned encoder's pair head.

A multinomial logistic regression over the words of a sentence with its two actors masked (``<P>`` for
the first, ``<Q>`` for the second, in text order), trained on DSE ``train.tsv`` (Park, Pan & Joo,
Findings of ACL 2021) by :mod:`helpers.ml.fit_bow`. It reads what the encoder's pooled spans render
least well: which words sit where, before the first actor, between the two, after the second. DSE's own
baseline of this kind (entities masked) scores 0.637 on its test set; this one scores 0.637 on
``valid.tsv`` and 0.616 on test, and blended with the encoder's head
(:func:`helpers.stance.model.predict_pairs`) the two score above either alone (0.706 on ``valid.tsv``,
0.681 on test; ``model.json`` and the README).

Features (each present or absent, :func:`pair_features`): every lower-cased word and every pair of
neighbouring words of the masked sentence; the words between the actors, the last four before the
first, the first four after the second, the first and last three between them; how far apart the
actors are (in steps of four words). Words are runs of letters (with an apostrophe) and ``!``/``?``.

Files (``data/models/bow/``): ``vocab.txt`` (one feature per line, row order of the weights),
``weights.npz`` (``weights`` (n_features, 5) and ``bias`` (5,), float32; no pickle) and ``model.json``
(recipe, data hashes, validation scores, the ensemble weight and temperature). Only numpy is needed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import numpy as np

from helpers.config import MODELS_DIR
from helpers.errors import DataError
from helpers.ml.calibration import log_softmax
from helpers.ml.data import SWAP_PAIR_CLASSES

#: The committed model's folder.
MODEL_DIR = MODELS_DIR / "bow"
VOCAB_FILE = "vocab.txt"
WEIGHTS_FILE = "weights.npz"
META_FILE = "model.json"
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|[!?]")
#: Words on each side of the actors read as their own context.
EDGE_WORDS = 4
#: Words at each end of the stretch between the actors read as its own context.
INNER_WORDS = 3
#: The gap between the actors is bucketed in steps of this many words (the last bucket open).
GAP_STEP, GAP_BUCKETS = 4, 6


class BowModelMissing(DataError):
    """The bag-of-words model's files are not where they were looked for."""


class BowModel(NamedTuple):
    """The loaded model: feature index, weights ``(n_features, 5)``, bias ``(5,)`` and metadata."""

    vocab: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    meta: dict


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` the model reads (letters with an inner apostrophe, ``!``, ``?``)."""
    return _WORD.findall(text.lower())


def pair_features(sentence: str, first: tuple[int, int], second: tuple[int, int]) -> set[str]:
    """The features of a sentence whose actors are ``sentence[first]`` and ``sentence[second]`` (text order,
    ``[start, end)`` character spans; overlapping spans are read as adjacent)."""
    (fs, fe), (ss, se) = first, second
    before, between, after = words(sentence[:fs]), words(sentence[fe:max(fe, ss)]), words(sentence[se:])
    seq = [*before, "<P>", *between, "<Q>", *after]
    out = {"u:" + w for w in seq}
    out.update(f"b:{a}_{b}" for a, b in pairwise(seq))
    out.update("m:" + w for w in between)
    out.update("pb:" + w for w in before[-EDGE_WORDS:])
    out.update("qa:" + w for w in after[:EDGE_WORDS])
    out.update("pa:" + w for w in between[:INNER_WORDS])
    out.update("qb:" + w for w in between[-INNER_WORDS:])
    out.add(f"gap:{min(len(between) // GAP_STEP, GAP_BUCKETS)}")
    return out


def swapped(items: Sequence[tuple[str, tuple[int, int], tuple[int, int]]]) -> list[bool]:
    """For each ``(sentence, p, q)``, whether q comes first (the pair is then read as ``(q, p)``)."""
    return [p[0] > q[0] for _, p, q in items]


def index(features: Sequence[set[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Rows of known features as CSR arrays: column indices (sorted within a row) and row pointers."""
    cols: list[int] = []
    ptr = [0]
    for f in features:
        cols.extend(sorted(vocab[x] for x in f if x in vocab))
        ptr.append(len(cols))
    return np.asarray(cols, dtype=np.int64), np.asarray(ptr, dtype=np.int64)


def linear(weights: np.ndarray, bias: np.ndarray, cols: np.ndarray, ptr: np.ndarray) -> np.ndarray:
    """``X @ weights + bias`` for the binary rows ``(cols, ptr)`` of :func:`index`, ``(n, k)`` float64."""
    n, k = len(ptr) - 1, weights.shape[1]
    if n == 0:
        return np.zeros((0, k))
    vals = np.vstack([weights[cols].astype(np.float64), np.zeros((1, k))])  # a zero row keeps every start in range
    sums = np.add.reduceat(vals, ptr[:-1], axis=0)
    sums[np.diff(ptr) == 0] = 0.0  # reduceat returns the row at an empty segment's start
    return sums + bias.astype(np.float64)


@cache
def load_model(model_dir: str | Path = MODEL_DIR) -> BowModel:
    """Load the model once per folder.

    Raises:
        BowModelMissing: a file is missing.
        DataError: the files do not fit together.
    """
    folder = Path(model_dir)
    paths = [folder / name for name in (VOCAB_FILE, WEIGHTS_FILE, META_FILE)]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise BowModelMissing(f"bag-of-words stance model not found in {folder} (missing {', '.join(missing)}); "
                              "rebuild it with `python -m helpers train bow`")  # fmt: skip
    vocab_lines = paths[0].read_text(encoding="utf-8").splitlines()
    with np.load(paths[1], allow_pickle=False) as z:
        weights, bias = z["weights"], z["bias"]
    meta = json.loads(paths[2].read_text(encoding="utf-8"))
    if weights.shape != (len(vocab_lines), len(SWAP_PAIR_CLASSES)) or bias.shape != (len(SWAP_PAIR_CLASSES),):
        raise DataError(f"{folder}: {len(vocab_lines)} features but weights of shape {weights.shape}")
    return BowModel({f: i for i, f in enumerate(vocab_lines)}, weights, bias, meta)


def pair_logits(items: Sequence[tuple[str, tuple[int, int], tuple[int, int]]], *,
                model_dir: str | Path = MODEL_DIR) -> np.ndarray:  # fmt: skip
    """Logits ``(n, 5)`` of the DSE classes of each ``(sentence, p, q)``, for ``(p, q)`` as given."""
    m = load_model(model_dir)
    if not items:
        return np.zeros((0, len(SWAP_PAIR_CLASSES)))
    back_to_front = swapped(items)
    feats = [pair_features(s, q, p) if sw else pair_features(s, p, q)
             for (s, p, q), sw in zip(items, back_to_front, strict=True)]  # fmt: skip
    logits = linear(m.weights, m.bias, *index(feats, m.vocab))
    back = np.asarray(SWAP_PAIR_CLASSES)
    return np.where(np.asarray(back_to_front)[:, None], logits[:, back], logits)


def blend(encoder_probs: np.ndarray, logits: np.ndarray, weight: float) -> np.ndarray:
    """Logits of the two readers together: the encoder head's log-probabilities plus ``weight`` times this
    model's (a weighted product of experts; divide by the fitted temperature before the softmax)."""
    return np.log(np.clip(encoder_probs, 1e-9, 1.0)) + weight * log_softmax(logits)
