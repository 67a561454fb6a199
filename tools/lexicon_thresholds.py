"""Tune the label thresholds of the lexicon methods (textblob, vader) on NewsMTSC train; check on validation.

A lexicon method's score is a sum of word weights; the thresholds say where negative, neutral and positive
begin. They are chosen for macro-F1 on the fit part of NewsMTSC ``train.jsonl`` (the 85 % outside the fixed
validation split of :func:`helpers.ml.data.is_validation`) and reported on the validation part; devtest is
never read. Writes ``data/models/sentiment/lexicon_thresholds.json``.

    python tools/lexicon_thresholds.py --data ../shared/newsmtsc
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

from helpers.ml.data import SENTIMENT_LABELS, is_validation, load_newsmtsc, macro_f1
from helpers.resources import data_path
from helpers.sentiment import label_of, score_targets

GRID = [round(x * 0.05, 2) for x in range(-8, 9)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "newsmtsc")
    ap.add_argument("--out", type=Path, default=data_path("models", "sentiment", "lexicon_thresholds.json"))
    args = ap.parse_args(argv)
    if not (args.data / "train.jsonl").exists():
        print(f"NewsMTSC not found at {args.data}: nothing tuned")
        return 0
    examples = load_newsmtsc(args.data, "train")
    fit = [e for e in examples if not is_validation(e.gid)]
    val = [e for e in examples if is_validation(e.gid)]
    result: dict = {"data": "NewsMTSC train.jsonl: fit part (md5(primary_gid) % 100 >= 15) tunes, validation reports",
                    "thresholds": {}, "validation_macro_f1": {}, "fit_macro_f1": {}}  # fmt: skip
    for method in ("textblob", "vader"):
        scores = {name: [s.score for s in score_targets([(e.sentence, e.start, e.end) for e in part], method)]
                  for name, part in (("fit", fit), ("val", val))}  # fmt: skip
        gold = {"fit": [e.label for e in fit], "val": [e.label for e in val]}
        best = max(((lo, hi) for lo, hi in itertools.product(GRID, GRID) if lo < hi),
                   key=lambda th: (macro_f1(gold["fit"], [label_of(s, th) for s in scores["fit"]],
                                            SENTIMENT_LABELS)[0], -abs(th[0] + th[1])))  # fmt: skip
        result["thresholds"][method] = list(best)
        for name in ("fit", "val"):
            f1 = macro_f1(gold[name], [label_of(s, best) for s in scores[name]], SENTIMENT_LABELS)[0]
            result["fit_macro_f1" if name == "fit" else "validation_macro_f1"][method] = round(f1, 4)
        print(method, best, result["fit_macro_f1"][method], result["validation_macro_f1"][method])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
