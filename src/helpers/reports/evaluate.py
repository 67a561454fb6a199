"""Measuring against human labels: gold files scored live, metrics, and the committed benchmark results."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.errors import DataError
from helpers.resources import results_dir
from helpers.sentiment import score_targets
from helpers.stance.network import stance_between

SENTIMENT_LABELS = ("negative", "neutral", "positive")
STANCE_LABELS = ("cooperative", "hostile", "neutral")
RESULTS_DIR = results_dir()


def macro_f1(gold: list[str] | pd.Series, pred: list[str] | pd.Series, labels: tuple[str, ...]) -> dict[str, float]:
    """Accuracy, macro-F1 and per-class F1 (each in [0, 1]) of ``pred`` against ``gold``."""
    g, p = list(gold), list(pred)
    out: dict[str, float] = {"accuracy": sum(a == b for a, b in zip(g, p, strict=True)) / max(1, len(g))}
    f1s = []
    for lab in labels:
        tp = sum(1 for a, b in zip(g, p, strict=True) if a == lab and b == lab)
        fp = sum(1 for a, b in zip(g, p, strict=True) if a != lab and b == lab)
        fn = sum(1 for a, b in zip(g, p, strict=True) if a == lab and b != lab)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[f"f1_{lab}"] = f1
        f1s.append(f1)
    out["macro_f1"] = sum(f1s) / len(f1s)
    return {k: round(v, 4) for k, v in out.items()}


def confusion(gold: pd.Series, pred: pd.Series, labels: tuple[str, ...]) -> pd.DataFrame:
    """Confusion matrix: rows gold, columns predicted."""
    m = pd.crosstab(pd.Categorical(gold, labels), pd.Categorical(pred, labels), dropna=False)
    m.index.name, m.columns.name = "gold", "predicted"
    return m


def _read_gold(name: str, columns: list[str]) -> pd.DataFrame:
    path = config.GOLD_DIR / name
    if not path.exists():
        raise DataError(f"gold file {path} is missing")
    df = pd.read_csv(path, keep_default_na=False)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise DataError(f"{path}: missing column(s) {', '.join(missing)}")
    return df


def seed_sentiment_gold(method: str = "default") -> pd.DataFrame:
    """The seed article's sentiment gold file (``data/gold/seed_sentiment.csv``) with ``method``'s predictions."""
    gold = _read_gold("seed_sentiment.csv", ["sentence", "target", "start", "end", "label"])
    preds = score_targets(list(zip(gold["sentence"], gold["start"].astype(int), gold["end"].astype(int), strict=True)),
                          method)  # fmt: skip
    out = gold[["sentence", "target", "label"]].rename(columns={"label": "gold"})
    out["predicted"] = [p.label for p in preds]
    out["score"] = [round(p.score, 3) for p in preds]
    return out


def seed_stance_gold(method: str = "default") -> pd.DataFrame:
    """The seed article's stance gold file (``data/gold/seed_stance.csv``) with ``method``'s source→target labels."""
    cols = ["sentence", "source", "source_start", "source_end", "target", "target_start", "target_end", "label"]
    gold = _read_gold("seed_stance.csv", cols)
    preds = []
    for row in gold.itertuples():
        p_to_q, _ = stance_between(row.sentence, (int(row.source_start), int(row.source_end)),
                                   (int(row.target_start), int(row.target_end)), method=method)  # fmt: skip
        preds.append(p_to_q.label)
    out = gold[["sentence", "source", "target", "label"]].rename(columns={"label": "gold"})
    out["predicted"] = preds
    return out


def load_results(name: str, folder: Path = RESULTS_DIR) -> dict:
    """A committed benchmark result (``benchmarks/results/<name>.json``)."""
    path = folder / f"{name}.json"
    if not path.exists():
        raise DataError(f"no committed benchmark results at {path}; run the benchmark in benchmarks/")
    return json.loads(path.read_text(encoding="utf-8"))


def flatten_results(folder: Path = RESULTS_DIR) -> pd.DataFrame:
    """Every numeric figure of every committed result file as rows ``benchmark, key, value``.

    Nested keys are joined with ``/`` (e.g. ``newsmtsc, devtest_rw/model/macro_f1, 0.71``).
    """
    rows = []

    def walk(prefix: str, obj: object, bench: str) -> None:
        if isinstance(obj, dict):
            for k in sorted(obj):
                walk(f"{prefix}/{k}" if prefix else str(k), obj[k], bench)
        elif isinstance(obj, bool):
            return
        elif isinstance(obj, (int, float)):
            rows.append((bench, prefix, float(obj)))

    for path in sorted(folder.glob("*.json")):
        walk("", json.loads(path.read_text(encoding="utf-8")), path.stem)
    return pd.DataFrame(rows, columns=["benchmark", "key", "value"])


def results_matrix(benchmark: str, metric: str = "macro_f1", folder: Path = RESULTS_DIR) -> pd.DataFrame:
    """One metric of one committed benchmark as a table: the key path minus the metric, split in two levels."""
    flat = flatten_results(folder)
    rows = flat[(flat["benchmark"] == benchmark) & flat["key"].str.endswith("/" + metric)].copy()
    if rows.empty:
        return pd.DataFrame()
    parts = rows["key"].str.rsplit("/", n=1).str[0].str.split("/", n=1)
    rows["row"] = parts.str[-1]
    rows["column"] = parts.str[0].where(parts.str.len() > 1, metric)
    return rows.pivot_table(index="row", columns="column", values="value", aggfunc="first").round(3)


def newsmtsc_table(folder: Path = RESULTS_DIR) -> pd.DataFrame:
    """NewsMTSC macro-F1 per method (rows) on test-rw and test-mt, with the published anchors below."""
    data = load_results("newsmtsc", folder)
    rows = []
    for split, methods in sorted(data.get("results", {}).items()):
        for method, metrics in methods.items():
            rows.append((method, "measured here", split, metrics.get("macro_f1")))
    for name, splits in sorted(data.get("anchors", {}).items()):
        for split, value in splits.items():
            rows.append((name, "published", split, value))
    df = pd.DataFrame(rows, columns=["method", "source", "split", "macro_f1"])
    table = df.pivot_table(index=["source", "method"], columns="split", values="macro_f1", aggfunc="first")
    table = table.sort_values(["source", "devtest_rw"] if "devtest_rw" in table else ["source"],
                              ascending=[True, False] if "devtest_rw" in table else True)  # fmt: skip
    table.columns.name = None
    return table.round(3).reset_index()


def accuracy_lines(folder: Path = RESULTS_DIR) -> list[str]:
    """Short human-readable lines of the committed accuracy figures, for reports (missing files skipped)."""
    lines = []
    try:
        data = load_results("newsmtsc", folder)
        method = data.get("default_method", "model")
        res = data.get("results", {})
        rw = res.get("devtest_rw", {}).get(method, {}).get("macro_f1")
        mt = res.get("devtest_mt", {}).get(method, {}).get("macro_f1")
        tb = res.get("devtest_rw", {}).get("textblob", {}).get("macro_f1")
        lines.append(
            f"Sentiment toward an actor (NewsMTSC, human labels, macro-F1): default method `{method}` {rw:.3f} on "
            f"test-rw and {mt:.3f} on test-mt; TextBlob-based method {tb:.3f}; sentence-level TextBlob 0.42; "
            "fine-tuned RoBERTa (state of the art) 0.83; human agreement about 0.86."
        )
    except (DataError, TypeError, ValueError):
        pass
    try:
        data = load_results("dse", folder)
        test = data["splits"]["test"]["methods"]
        parts = ", ".join(f"{m} {v['macro_f1']:.3f}" for m, v in sorted(test.items()) if m != "always-neutral")
        anchors = "; ".join(f"{name.removesuffix(' (anchor)')} {v:.3f}"
                            for name, v in sorted(data.get("anchors_test_macro_f1", {}).items()))
        lines.append(f"Stance between two actors (DSE test, five directed classes, macro-F1): {parts}"
                     + (f"; anchors: {anchors}." if anchors else "."))  # fmt: skip
    except (DataError, KeyError, TypeError):
        pass
    try:
        data = load_results("actors", folder)
        lines.append(
            f"Actors (NewsMTSC test-rw): {data['named_recall']:.0%} of named targets found; "
            f"{data['pronoun_accuracy']:.0%} of pronouns attached to their target's actor."
        )
    except (DataError, KeyError):
        pass
    return lines


def _in_ten(share: float) -> str:
    """A share in plain words: 0.82 -> "about 8 in 10"; small shares per hundred."""
    if share < 0.15:
        return f"about {round(share * 100)} in 100"
    return f"about {round(share * 10)} in 10"


def trust_lines(folder: Path = RESULTS_DIR) -> list[str]:
    """How far to trust each table, in plain words, from the committed results (missing files skipped).

    For a reader, not a benchmark: what share of the rows of each table a careful human reader agreed
    with on real news articles, and what a trivial answer would have scored where that helps.
    """
    lines = []
    try:
        g = load_results("gold_articles", folder)
        lines.append(
            f"**Actors.** On {g['articles']} news articles checked by hand, {_in_ten(g['actor_precision'])} actors "
            f"listed here are real actors of the story, and the list holds {_in_ten(g['actor_recall'])} of the actors "
            "a careful reader would name."
        )
        lines.append(
            "**How each actor is portrayed.** The label agrees with the readers for "
            f"{_in_ten(g['portrayal_accuracy_found'])} actors; calling every actor neutral would agree for "
            f"{_in_ten(g['portrayal_always_neutral_found'])}. "
            "Read the label as a pointer to the sentences behind it, not as a verdict."
        )
        if g["stance_counts"]["project"]:
            lines.append(
                f"**Who stands where.** The stance lines find {_in_ten(g['stance_recall'])} of the hostile or "
                f"cooperative relations the readers marked; {_in_ten(g['stance_precision'])} of the lines shown are "
                "ones they marked. Treat the network as a lead to check, with the sentence under each line."
            )
    except (DataError, KeyError, TypeError):
        pass
    try:
        q = load_results("polnear", folder)["systems"]["project"]["quoted"]
        lines.append(
            "**Who said what.** In political news with hand-marked quotations, "
            f"{_in_ten(q['end_to_end']['precision'])} quotations listed here have the right speaker; a quotation "
            "without a speaker is left blank rather "
            "than guessed."
        )
    except (DataError, KeyError, TypeError):
        pass
    return lines


def dse_table(folder: Path = RESULTS_DIR) -> pd.DataFrame:
    """DSE macro-F1 and per-class F1 per method on the validation and test splits, with the anchors."""
    data = load_results("dse", folder)
    rows = []
    for split, block in sorted(data.get("splits", {}).items()):
        for method, res in sorted(block.get("methods", {}).items()):
            row = {"split": split, "method": method, "macro_f1": res.get("macro_f1")}
            row.update({f"f1_class_{k}": v for k, v in sorted(res.get("per_class_f1", {}).items())})
            rows.append(row)
    for name, value in sorted(data.get("anchors_test_macro_f1", {}).items()):
        rows.append({"split": "test", "method": name, "macro_f1": value})
    return pd.DataFrame(rows).round(3)


def summary_figures(folder: Path = RESULTS_DIR) -> pd.DataFrame:
    """The headline figures of the actor, speed and size benchmarks, one row each."""
    flat = flatten_results(folder)
    wanted = {
        ("actors", "named_recall"): "actors: named targets found (NewsMTSC test-rw)",
        ("actors", "pronoun_accuracy"): "actors: pronouns attached to their target's actor",
        ("throughput", "pipeline/time_ratio_pipeline_over_textblob"): "speed: pipeline time / bare TextBlob time",
        ("throughput", "engines/speedup"): "speed: processes over local (2 cores)",
        ("throughput", "scaling/time_ratio_4x_over_1x"): "speed: 4× corpus time / 1× time",
        ("throughput", "scaling/memory_ratio_4x_over_1x"): "speed: 4× corpus peak memory / 1×",
        ("size_scaling", "linearity_ratio"): "size: 64× article time / (8 × 8× time)",
    }
    rows = [(label, float(v)) for (b, k), label in wanted.items()
            for v in flat.loc[(flat.benchmark == b) & (flat.key == k), "value"]]  # fmt: skip
    return pd.DataFrame(rows, columns=["figure", "value"]).round(3)
