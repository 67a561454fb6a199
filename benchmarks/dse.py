"""Directed actor-to-actor stance on DSE: every stance method (:mod:`helpers.stance.scorers`) beside anchors.

Reports macro-F1 over the five DSE classes (0 neutral; 1 p positive toward q; 2 q positive
toward p; 3 p negative toward q; 4 q negative toward p) and per-class F1 on ``valid.tsv``
and ``test.tsv`` (Park, Pan & Joo, "Who Blames or Endorses Whom?", Findings of ACL 2021).
The rules' ``(p_to_q, q_to_p)`` maps to a class with :func:`helpers.stance.scorers.dse_class`
(hostile beats cooperative; the stronger ``|score|`` wins when both directions agree); the learned
head (``model``: the encoder's pair head blended with the bag-of-words model) is scored through the same
seam as the pipeline, ``predict_pairs``; its two parts are scored alone beside it (``model: encoder head``,
``model: bag of words``). Rule thresholds and the models were chosen on train.tsv / valid.tsv only.

    python benchmarks/dse.py --data ../shared/dse [--out benchmarks/results/dse.json] [--splits valid]

Without the data directory it prints a message and exits 0 ("skipped").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from helpers.config import DSE_DIR, ROOT
from helpers.errors import MethodError
from helpers.ml import bow, encoder
from helpers.ml.data import macro_f1 as _macro_f1
from helpers.ml.data import read_dse
from helpers.reports.export import write_text
from helpers.stance import network, scorers
from helpers.stance.scorers import CLASSES

SPLITS = ("valid", "test")
#: Test macro-F1 anchors given with the task (always-neutral; bag-of-words LR with entities masked).
ANCHORS = {"always neutral (anchor)": 0.158, "BoW LR, entities masked (anchor)": 0.637}


def run(data_dir: Path, splits: tuple[str, ...] = SPLITS) -> tuple[dict, dict]:
    """Results (JSON-ready, 4 dp) and timings (ms per sentence, not saved)."""
    results: dict = {"anchors_test_macro_f1": ANCHORS, "splits": {}}
    timings: dict = {}
    try:
        learned = scorers.learned()
    except MethodError as exc:
        print(f"model: skipped ({exc})", file=sys.stderr)
        learned = None
    for split in splits:
        rows, skipped = read_dse(data_dir / f"{split}.tsv")
        gold = [r.label for r in rows]
        items = [(r.text, r.p, r.q) for r in rows]
        t0 = time.perf_counter()
        rules = network.rule_pairs(items)
        t1 = time.perf_counter()
        preds = {"always-neutral": [0] * len(rows), "rules": [scorers.dse_class(a, b) for a, b in rules]}
        timings[split] = {"rules (parse + read)": 1000 * (t1 - t0) / len(rows)}
        if learned is not None:
            t2 = time.perf_counter()
            preds["model"] = learned(items).argmax(axis=1).tolist()
            timings[split]["model"] = 1000 * (time.perf_counter() - t2) / len(rows)
            preds["model: encoder head"] = encoder.predict_pairs(items).argmax(axis=1).tolist()
            preds["model: bag of words"] = bow.pair_logits(items).argmax(axis=1).tolist()
        out = {"n": len(rows), "skipped_malformed": skipped, "methods": {}}
        for name, pred in preds.items():
            macro, per = _macro_f1(gold, pred, CLASSES)
            out["methods"][name] = {"macro_f1": round(macro, 4),
                                    "per_class_f1": {str(c): round(f, 4) for c, f in zip(CLASSES, per, strict=True)}}
        results["splits"][split] = out
    return results, timings


def _table(results: dict) -> str:
    lines = [f"{'split':<6} {'method':<34} {'macro-F1':>8}  " + "  ".join(f"F1[{c}]" for c in CLASSES)]
    for split, out in results["splits"].items():
        for name, r in out["methods"].items():
            per = "  ".join(f"{r['per_class_f1'][str(c)]:.3f}" for c in CLASSES)
            lines.append(f"{split:<6} {name:<34} {r['macro_f1']:>8.4f}  {per}")
    for name, v in results["anchors_test_macro_f1"].items():
        lines.append(f"{'test':<6} {name:<34} {v:>8.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DSE_DIR, help="folder with valid.tsv and test.tsv")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "dse.json")
    parser.add_argument("--splits", default=",".join(SPLITS), help="comma-separated splits (default valid,test)")
    args = parser.parse_args(argv)
    splits = tuple(s for s in args.splits.split(",") if s)
    if not all((args.data / f"{s}.tsv").is_file() for s in splits):
        print(f"skipped: DSE data not found in {args.data} (see ../shared/dse/README.md)")
        return 0
    results, timings = run(args.data, splits)
    print(_table(results))
    for split, t in timings.items():
        print(f"{split}: " + ", ".join(f"{k} {v:.3f} ms/sentence" for k, v in t.items()), file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
