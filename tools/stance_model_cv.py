"""Cross-validation for the stance model's configuration (:mod:`helpers.stance.model`).

Pools DSE ``train.tsv`` and ``valid.tsv`` (``test.tsv`` is never read) and runs deterministic,
stratified 5-fold cross-validation (within each class, the k-th row in file order goes to fold
k mod 5) for each candidate configuration. It prints, per configuration, the macro-F1 of the
out-of-fold predictions pooled, on the train rows and on the valid rows; then the per-class logit
offsets tuned on the train rows' out-of-fold logits only (coordinate ascent over a 0.1 grid in
[-1, 1], class 0 fixed at 0, ties to the smaller offset) and the valid rows' macro-F1 with them.

    python tools/stance_model_cv.py --data ../shared/dse [--configs base,C2 ...]

Features are computed once per feature-group set; each configuration fits 5 times, a few minutes
each on 2 cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from helpers.config import DSE_DIR
from helpers.stance import model as M

FOLDS = 5
BASE = {"c_lr": 4.0, "power": 0.5, "c_nblr": 0.1, "nblr_weight": 0.5, "groups": (), "min_count": 2}
#: Candidate configurations: changes to BASE (the configuration before this search; the chosen one,
#: in helpers.stance.model, is "roles+pos"). Results (macro-F1 of out-of-fold predictions):
#:   config            pooled  train   valid | train+off valid+off
#:   base              0.6248  0.6228  0.6431 |  0.6281    0.6415
#:   roles             0.6319  0.6306  0.6435 |  0.6345    0.6263
#:   roles C2          0.6325  0.6318  0.6381 |  0.6350    0.6388
#:   roles power0.75   0.6311  0.6301  0.6403 |  0.6335    0.6403
#:   roles nblr1       0.6299  0.6309  0.6193 |  0.6379    0.6358
#:   roles+pos         0.6343  0.6336  0.6410 |  0.6389    0.6373
#: The "roles" configurations read the old rules' partial readings, which went with those rules (the
#: parse-based rules of helpers.stance.network replaced them); only the others can still be run.
CONFIGS = {
    "base": {},
    "C2": {"c_lr": 2.0},
    "C8": {"c_lr": 8.0},
    "power0.75": {"power": 0.75},
    "nblr1": {"nblr_weight": 1.0},
}
GRID = [round(x, 1) for x in np.arange(-1.0, 1.01, 0.1)]


def folds(labels: list[int]) -> np.ndarray:
    out = np.zeros(len(labels), dtype=int)
    seen: dict[int, int] = {}
    for i, y in enumerate(labels):
        out[i] = seen.get(y, 0) % FOLDS
        seen[y] = seen.get(y, 0) + 1
    return out


def tune_offsets(logits: np.ndarray, y: list[int]) -> list[float]:
    off = [0.0] * len(M.CLASSES)
    best = M.macro_f1(y, logits.argmax(1).tolist())[0]
    for _ in range(5):
        changed = False
        for k in M.CLASSES[1:]:
            for v in sorted(GRID, key=abs):
                trial = off.copy()
                trial[k] = v
                f = M.macro_f1(y, (logits + np.asarray(trial)).argmax(1).tolist())[0]
                if f > best + 1e-9:
                    best, off, changed = f, trial, True
        if not changed:
            break
    return [float(v) for v in off]


def cross_validate(feats: list[list[str]], y: np.ndarray, fold: np.ndarray, cfg: dict) -> np.ndarray:
    logits = np.zeros((len(y), len(M.CLASSES)))
    for k in range(FOLDS):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        vocab = M.vocabulary([feats[i] for i in tr], cfg["min_count"])
        index = {f: n for n, f in enumerate(vocab)}
        xtr, xte = M._matrix([feats[i] for i in tr], index), M._matrix([feats[i] for i in te], index)
        w, b, _, _ = M.fit(xtr, y[tr], c_lr=cfg["c_lr"], power=cfg["power"], c_nblr=cfg["c_nblr"],
                           nblr_weight=cfg["nblr_weight"])
        logits[te] = np.asarray(xte @ w) + b
    return logits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DSE_DIR)
    parser.add_argument("--save", type=Path, help="folder to save each configuration's out-of-fold logits in")
    parser.add_argument("--configs", default=",".join(CONFIGS), help="comma-separated names from CONFIGS")
    args = parser.parse_args(argv)
    rows = []
    for split in ("train", "valid"):
        got, _ = M.read_dse(args.data / f"{split}.tsv")
        rows += [(split, r) for r in got]
    y = np.array([r.label for _, r in rows])
    is_train = np.array([s == "train" for s, _ in rows])
    fold = folds(y.tolist())
    cache: dict[tuple, list[list[str]]] = {}
    print(f"{'config':<22} {'pooled':>7} {'train':>7} {'valid':>7} | {'train+off':>9} {'valid+off':>9}  offsets")
    for name in args.configs.split(","):
        cfg = {**BASE, **CONFIGS[name]}
        key = tuple(sorted(cfg["groups"]))
        if key not in cache:
            rules = M.rule_pairs([(r.text, r.p, r.q) for _, r in rows])
            cache[key] = [M.features(r.text, r.p, r.q, rp, key) for (_, r), rp in zip(rows, rules, strict=True)]
        t0 = time.perf_counter()
        logits = cross_validate(cache[key], y, fold, cfg)
        pred = logits.argmax(1)
        pooled = M.macro_f1(y.tolist(), pred.tolist())[0]
        ftr = M.macro_f1(y[is_train].tolist(), pred[is_train].tolist())[0]
        fva = M.macro_f1(y[~is_train].tolist(), pred[~is_train].tolist())[0]
        off = tune_offsets(logits[is_train], y[is_train].tolist())
        shifted = (logits + np.asarray(off)).argmax(1)
        ftr_o = M.macro_f1(y[is_train].tolist(), shifted[is_train].tolist())[0]
        fva_o = M.macro_f1(y[~is_train].tolist(), shifted[~is_train].tolist())[0]
        print(f"{name:<22} {pooled:7.4f} {ftr:7.4f} {fva:7.4f} | {ftr_o:9.4f} {fva_o:9.4f}  {off}"
              f"  ({time.perf_counter() - t0:.0f}s)", flush=True)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            np.savez(args.save / f"{name.replace(' ', '_')}.npz", logits=logits, y=y, is_train=is_train)
    return 0


if __name__ == "__main__":
    sys.exit(main())
