"""Directed actor-to-actor stance on DSE: every method of :mod:`helpers.stance.rules` beside anchors.

Reports macro-F1 over the five DSE classes (0 neutral; 1 p positive toward q; 2 q positive
toward p; 3 p negative toward q; 4 q negative toward p) and per-class F1 on ``valid.tsv``
and ``test.tsv`` (Park, Pan & Joo, "Who Blames or Endorses Whom?", Findings of ACL 2021).
A method's ``(p_to_q, q_to_p)`` maps to a class with :func:`helpers.stance.model.dse_class`
(hostile beats cooperative; the stronger ``|score|`` wins when both directions agree). Rule
thresholds and the model were chosen on train.tsv / valid.tsv only.

    python benchmarks/dse.py --data ../shared/dse [--out benchmarks/results/dse.json]

Without the data directory it prints a message and exits 0 ("skipped").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from helpers.config import DSE_DIR, ROOT
from helpers.reports.export import write_text
from helpers.stance import model as M

SPLITS = ("valid", "test")
#: Test macro-F1 anchors given with the task (always-neutral; bag-of-words LR with entities masked).
ANCHORS = {"always neutral (anchor)": 0.158, "BoW LR, entities masked (anchor)": 0.637}


def run(data_dir: Path) -> tuple[dict, dict]:
    """Results (JSON-ready, 4 dp) and timings (ms per sentence, not saved)."""
    results: dict = {"anchors_test_macro_f1": ANCHORS, "splits": {}}
    timings: dict = {}
    model = M.available()
    for split in SPLITS:
        rows, skipped = M.read_dse(data_dir / f"{split}.tsv")
        gold = [r.label for r in rows]
        t0 = time.perf_counter()
        rules = [M.rule_pair(r.text, r.p, r.q) for r in rows]
        t1 = time.perf_counter()
        preds = {"always-neutral": [0] * len(rows), "rules": [M.dse_class(a, b) for a, b in rules]}
        timings[split] = {"rules": 1000 * (t1 - t0) / len(rows)}
        if model:
            t2 = time.perf_counter()
            probs = M.predict_proba([(r.text, r.p, r.q, rp) for r, rp in zip(rows, rules, strict=True)])
            preds["model"] = probs.argmax(axis=1).tolist()
            timings[split]["model (features + inference, after rules)"] = 1000 * (time.perf_counter() - t2) / len(rows)
        out = {"n": len(rows), "skipped_malformed": skipped, "methods": {}}
        for name, pred in preds.items():
            macro, per = M.macro_f1(gold, pred)
            out["methods"][name] = {"macro_f1": round(macro, 4),
                                    "per_class_f1": {str(c): round(f, 4) for c, f in zip(M.CLASSES, per, strict=True)}}
        results["splits"][split] = out
    return results, timings


def _table(results: dict) -> str:
    lines = [f"{'split':<6} {'method':<34} {'macro-F1':>8}  " + "  ".join(f"F1[{c}]" for c in M.CLASSES)]
    for split, out in results["splits"].items():
        for name, r in out["methods"].items():
            per = "  ".join(f"{r['per_class_f1'][str(c)]:.3f}" for c in M.CLASSES)
            lines.append(f"{split:<6} {name:<34} {r['macro_f1']:>8.4f}  {per}")
    for name, v in results["anchors_test_macro_f1"].items():
        lines.append(f"{'test':<6} {name:<34} {v:>8.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DSE_DIR, help="folder with valid.tsv and test.tsv")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "dse.json")
    args = parser.parse_args(argv)
    if not all((args.data / f"{s}.tsv").is_file() for s in SPLITS):
        print(f"skipped: DSE data not found in {args.data} (see ../shared/dse/README.md)")
        return 0
    results, timings = run(args.data)
    print(_table(results))
    for split, t in timings.items():
        print(f"{split}: " + ", ".join(f"{k} {v:.3f} ms/sentence" for k, v in t.items()), file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
