"""Train the bag-of-words stance reader (:mod:`helpers.ml.bow`) on DSE and blend it with the encoder's head.

    python -m helpers train bow [--dse ../shared/dse] [--out data/models/bow]

Fits a multinomial logistic regression on DSE ``train.tsv`` (Park, Pan & Joo, Findings of ACL 2021) with
the fixed :data:`RECIPE` (features seen in at least ``min_count`` training rows; L2 penalty; classes
weighted by the inverse square root of their frequency; full-batch Adam from zero, so the result is the
same on every run). On ``valid.tsv`` it then chooses the weight of this model beside the committed
encoder's pair head (the best macro-F1 of :data:`BLEND_WEIGHTS`, the smaller on a tie) and fits the
temperature of the blend. ``test.tsv`` is never read here. About a minute on one core; numpy only.

The recipe's values were chosen on ``valid.tsv`` (see ``selection`` in ``model.json``).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from helpers.ml import bow
from helpers.ml import encoder as R
from helpers.ml.calibration import fit_temperature, log_softmax
from helpers.ml.data import DSE_CLASSES, SWAP_PAIR_CLASSES, DseRow, macro_f1, read_dse

#: The training recipe. ``l2`` multiplies half the squared weights in the mean (class-weighted) log loss.
RECIPE = {"min_count": 3, "l2": 2.0, "class_weight_power": 0.5, "iterations": 600, "learning_rate": 0.005}
#: Weights of this model beside the encoder's head tried on ``valid.tsv``.
BLEND_WEIGHTS = (0.25, 0.5, 0.75, 1.0, 1.5)
#: How the recipe was chosen (macro-F1 on DSE valid.tsv; recorded in model.json).
SELECTION = ("prototype grid on valid.tsv, blend macro-F1 at its best weight: min_count 2 with 300 Adam steps, "
             "l2 0.125, 0.5, 2 (as 1/C for C = 8, 2, 0.5), classes unweighted or weighted by inverse square-root "
             "frequency: 0.692-0.701; min_count 3 with 600 steps, weighted, l2 1, 2, 4: 0.708, 0.711, 0.711 "
             "(weight 0.75 each); the middle one taken")


def sha256(path: Path) -> str:
    """Hex digest of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_order(rows: Sequence[DseRow]) -> tuple[list[set[str]], np.ndarray]:
    """Features and labels of DSE rows read in text order (p first; the label swapped when q came first)."""
    feats, labels = [], []
    for r in rows:
        back = r.p[0] > r.q[0]
        feats.append(bow.pair_features(r.text, r.q, r.p) if back else bow.pair_features(r.text, r.p, r.q))
        labels.append(SWAP_PAIR_CLASSES[r.label] if back else r.label)
    return feats, np.asarray(labels, dtype=np.int64)


def vocabulary(features: Sequence[set[str]], min_count: int) -> list[str]:
    """Features present in at least ``min_count`` rows, sorted."""
    counts = Counter(f for row in features for f in row)
    return sorted(f for f, n in counts.items() if n >= min_count)


def fit(cols: np.ndarray, ptr: np.ndarray, y: np.ndarray, n_features: int,
        recipe: dict) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Weights ``(n_features, k)`` and bias ``(k,)`` of an L2-penalised, class-weighted multinomial logistic
    regression over binary rows ``(cols, ptr)``, by full-batch Adam from zero (deterministic)."""
    k, n = len(DSE_CLASSES), len(y)
    freq = np.bincount(y, minlength=k).astype(np.float64)
    cw = (n / (k * np.maximum(freq, 1.0))) ** recipe["class_weight_power"]
    sw = cw[y] / cw[y].sum()
    onehot = np.eye(k)[y]
    rows = np.repeat(np.arange(n), np.diff(ptr))
    w, b = np.zeros((n_features, k)), np.zeros(k)
    state = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    lr, l2 = recipe["learning_rate"], recipe["l2"] / n
    for t in range(1, recipe["iterations"] + 1):
        z = bow.linear(w, b, cols, ptr)
        g = (np.exp(log_softmax(z)) - onehot) * sw[:, None]
        gw = np.stack([np.bincount(cols, weights=g[rows, c], minlength=n_features) for c in range(k)], axis=1)
        gw += l2 * w
        for param, grad, m, v in ((w, gw, state[0], state[1]), (b, g.sum(axis=0), state[2], state[3])):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w, b


def _codes(pred: np.ndarray) -> str:
    return "".join(str(int(c)) for c in pred)


def train(dse_dir: str | Path, out: str | Path, encoder_dir: str | Path = R.MODEL_DIR,
          recipe: dict | None = None) -> dict:  # fmt: skip
    """Fit, blend with the encoder in ``encoder_dir``, write the model into ``out``; returns ``model.json``.

    Raises:
        DatasetMissing: a DSE split is not in ``dse_dir``.
    """
    recipe = dict(RECIPE if recipe is None else recipe)
    dse_dir, out = Path(dse_dir), Path(out)
    train_rows, skipped_train = read_dse(dse_dir / "train.tsv")
    valid_rows, skipped_valid = read_dse(dse_dir / "valid.tsv")
    feats, y = text_order(train_rows)
    names = vocabulary(feats, recipe["min_count"])
    vocab = {f: i for i, f in enumerate(names)}
    w, b = fit(*bow.index(feats, vocab), y, len(names), recipe)
    weights, bias = w.astype(np.float32), b.astype(np.float32)

    items = [(r.text, r.p, r.q) for r in valid_rows]
    y_valid = np.asarray([r.label for r in valid_rows])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:  # score exactly what is written (float32)
        _write(Path(tmp), names, weights, bias, {"ensemble": {"weight": 0.0, "temperature": 1.0}})
        logits = bow.pair_logits(items, model_dir=tmp)
        bow.load_model.cache_clear()
    enc = R.predict_pairs(items, model_dir=encoder_dir)

    def f1(pred: np.ndarray) -> float:
        return round(macro_f1(y_valid.tolist(), pred.tolist(), DSE_CLASSES)[0], 4)

    tried = {str(x): f1(bow.blend(enc, logits, x).argmax(axis=1)) for x in BLEND_WEIGHTS}
    weight = max(BLEND_WEIGHTS, key=lambda x: (tried[str(x)], -x))
    blended = bow.blend(enc, logits, weight)
    temperature = fit_temperature(blended, y_valid)
    meta = {
        "model": "multinomial logistic regression over masked bag-of-words pair features (helpers.ml.bow)",
        "recipe": recipe, "selection": SELECTION, "features": len(names),
        "data": {"dse_train_sha256": sha256(dse_dir / "train.tsv"), "dse_valid_sha256": sha256(dse_dir / "valid.tsv"),
                 "dse_train_rows": len(train_rows), "dse_valid_rows": len(valid_rows),
                 "dse_rows_skipped": {"train": skipped_train, "valid": skipped_valid}},
        "encoder_heads_sha256": sha256(Path(encoder_dir) / R.HEADS_FILE),
        "ensemble": {"weight": weight, "temperature": temperature, "valid_macro_f1_by_weight": tried},
        "validation": {"dse": {"bow": f1(logits.argmax(axis=1)), "encoder": f1(enc.argmax(axis=1)),
                               "blend": tried[str(weight)]}},
        "validation_predictions": {"bow": _codes(logits.argmax(axis=1)), "blend": _codes(blended.argmax(axis=1))},
    }  # fmt: skip
    _write(out, names, weights, bias, meta)
    bow.load_model.cache_clear()
    return meta


def _write(folder: Path, names: list[str], weights: np.ndarray, bias: np.ndarray, meta: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / bow.VOCAB_FILE).write_text("".join(f + "\n" for f in names), encoding="utf-8")
    np.savez_compressed(folder / bow.WEIGHTS_FILE, weights=weights, bias=bias)
    meta = {**meta, "files": {n: sha256(folder / n) for n in (bow.VOCAB_FILE, bow.WEIGHTS_FILE)}}
    (folder / bow.META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    print(json.dumps(train(args[0] if args else "../shared/dse", args[1] if len(args) > 1 else bow.MODEL_DIR)
                     ["validation"], sort_keys=True))  # fmt: skip
