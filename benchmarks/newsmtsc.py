"""Per-target sentiment on NewsMTSC devtest: every method of :mod:`helpers.sentiment` and baselines.

Reports macro-F1, accuracy and per-class F1 on ``devtest_rw`` and ``devtest_mt`` (every target
of every sentence is one item; polarity 2/4/6 -> negative/neutral/positive) beside the published
anchors of Hamborg & Donnay (EACL 2021). Sentence-level TextBlob and VADER baselines label the
whole sentence's polarity with thresholds tuned on ``train.jsonl`` only.

    python benchmarks/newsmtsc.py --data ../shared/newsmtsc [--out benchmarks/results/newsmtsc.json]

Without the data directory it prints a message and exits 0 ("skipped").
"""

from __future__ import annotations

import argparse
import json
import json as _json
import sys
import time
from pathlib import Path

from helpers import sentiment as S
from helpers.config import NEWSMTSC_DIR, ROOT
from helpers.ml.data import SENTIMENT_LABELS, load_newsmtsc
from helpers.ml.data import macro_f1 as _macro_f1
from helpers.reports.export import write_text

SPLITS = ("devtest_rw", "devtest_mt")
#: Macro-F1 (test-rw, test-mt) published by Hamborg & Donnay (EACL 2021); None where not given.
ANCHORS = {
    "GRU-TSC (published)": (0.831, 0.825),
    "LCF-BERT (published)": (0.814, 0.812),
    "SPC-BERT (published)": (0.811, 0.794),
    "human (published)": (0.864, None),
    "sentence TextBlob (published)": (0.421, 0.410),
    "sentence VADER (published)": (0.515, 0.501),
    "always neutral (published)": (0.189, None),
}


def _sentence_scorers():
    from textblob import TextBlob
    from textblob.en.sentiments import PatternAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    pattern, vader = PatternAnalyzer(), SentimentIntensityAnalyzer()
    return {
        "sentence-textblob": lambda s: TextBlob(s, analyzer=pattern).sentiment.polarity,
        "sentence-vader": lambda s: vader.polarity_scores(s)["compound"],
    }


_GRID = [round(x * 0.05, 2) for x in range(21)]


def macro_f1(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Macro-F1, accuracy and per-class F1 (``f1_<label>``) over the three labels."""
    macro, per = _macro_f1(gold, pred, SENTIMENT_LABELS)
    out = {"macro_f1": macro, "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))}
    out.update({f"f1_{lab}": f for lab, f in zip(SENTIMENT_LABELS, per, strict=True)})
    return out


def tune_thresholds(scores: list[float], gold: list[str]) -> tuple[tuple[float, float], float]:
    """Label thresholds ``(-a, b)`` maximising macro-F1 over a 0.05 grid (ties: smallest a, b)."""
    best: tuple[float, tuple[float, float]] = (-1.0, (-0.1, 0.1))
    for a in _GRID:
        for b in _GRID:
            th = (-a if a else -0.001, b if b else 0.001)
            f = macro_f1(gold, [S.label_of(x, th) for x in scores])["macro_f1"]
            if f > best[0]:
                best = (f, th)
    return best[1], best[0]


def _card() -> dict:
    """The fine-tuned encoder's record: validation figures and how often test was scored."""
    from helpers.ml.encoder import MODEL_DIR

    try:
        return _json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _lexicon_validation() -> dict:
    """The lexicon methods' macro-F1 on the validation split, as tools/lexicon_thresholds.py recorded it."""
    from helpers.resources import data_path

    try:
        rec = _json.loads(data_path("models", "sentiment", "lexicon_thresholds.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {m: {"macro_f1": v} for m, v in rec.get("validation_macro_f1", {}).items()}


def run(data_dir: Path) -> dict:
    """All results as a JSON-ready dict (rounded to 4 dp, no timings)."""
    data = {split: load_newsmtsc(data_dir, split) for split in SPLITS}
    train = load_newsmtsc(data_dir, "train")
    results: dict[str, dict[str, dict[str, float]]] = {split: {} for split in SPLITS}
    baseline_thresholds = {}
    for name, fn in _sentence_scorers().items():
        cache: dict[str, float] = {}
        th, _ = tune_thresholds([cache.setdefault(ex.sentence, fn(ex.sentence)) for ex in train],
                                  [ex.label for ex in train])
        baseline_thresholds[name] = list(th)
        for split, exs in data.items():
            pred = [S.label_of(cache.setdefault(ex.sentence, fn(ex.sentence)), th) for ex in exs]
            results[split][name] = macro_f1([ex.label for ex in exs], pred)
    for split, exs in data.items():
        results[split]["always-neutral"] = macro_f1([ex.label for ex in exs], ["neutral"] * len(exs))
    for method in [m for m in S.methods() if m != "default"]:
        for split, exs in data.items():
            t0 = time.perf_counter()
            scores = S.score_targets([(ex.sentence, ex.start, ex.end) for ex in exs], method)
            ms = (time.perf_counter() - t0) / len(exs) * 1000
            print(f"  {method:10s} {split}: {ms:.3f} ms/target (first pass: includes tagging)", file=sys.stderr)
            results[split][method] = macro_f1([ex.label for ex in exs], [s.label for s in scores])
    card = _card()
    from helpers.sentiment.lexicon import thresholds

    return {
        "data": "NewsMTSC (Hamborg & Donnay, EACL 2021), devtest_rw and devtest_mt; every target is an item",
        "default_method": S.default_method(),
        "validation": {"model": card.get("validation", {}).get("int8", {}).get("newsmtsc", {}), **_lexicon_validation()},
        "validation_split": card.get("data", {}).get("validation_split", ""),
        "test_scored": card.get("test", {}).get("scored_times", {}),
        "thresholds": {**{m: list(thresholds(m)) for m in ("textblob", "vader")}, **baseline_thresholds},
        "results": results,
        "anchors": {k: {"devtest_rw": rw, "devtest_mt": mt} for k, (rw, mt) in ANCHORS.items()},
    }


def table(res: dict) -> str:
    """A plain-text table of macro-F1 per method and split."""
    rows = [f"{'method':32s} {'rw macro-F1':>12s} {'rw acc':>8s} {'mt macro-F1':>12s} {'mt acc':>8s}"]
    for name in sorted(res["results"]["devtest_rw"]):
        rw, mt = res["results"]["devtest_rw"][name], res["results"]["devtest_mt"][name]
        mark = " (default)" if name == res["default_method"] else ""
        rows.append(f"{name + mark:32s} {rw['macro_f1']:12.4f} {rw['accuracy']:8.4f} {mt['macro_f1']:12.4f} "
                    f"{mt['accuracy']:8.4f}")
    for name, a in res["anchors"].items():
        fmt = lambda x: f"{x:12.4f}" if x is not None else f"{'-':>12s}"  # noqa: E731
        rows.append(f"{name:32s} {fmt(a['devtest_rw'])} {'':8s} {fmt(a['devtest_mt'])}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=NEWSMTSC_DIR, help="NewsMTSC directory (default ../shared/newsmtsc)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "newsmtsc.json")
    args = ap.parse_args(argv)
    if not all((args.data / f"{s}.jsonl").is_file() for s in (*SPLITS, "train")):
        print(f"skipped: NewsMTSC not found in {args.data} (need train/devtest_rw/devtest_mt .jsonl)")
        return 0
    res = run(args.data)
    print(table(res))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_text(json.dumps(_round(res), indent=2, sort_keys=True, ensure_ascii=False) + "\n", args.out)
    print(f"wrote {args.out}")
    return 0


def _round(x):
    if isinstance(x, float):
        return round(x, 4)
    if isinstance(x, dict):
        return {k: _round(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_round(v) for v in x]
    return x


if __name__ == "__main__":
    raise SystemExit(main())
