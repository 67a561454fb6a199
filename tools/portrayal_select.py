"""Choose how mention scores add up to an actor's portrayal: on PerSenT dev, checked on the gold articles.

The actor table's ``label`` is an explicit aggregate of the actor's mention scores
(:mod:`helpers.sentiment.portrayal`). This tool reads the mention scores of every scored actor of two
human-labelled sets once, then scores a small grid of aggregation settings on each:

- PerSenT dev (``../shared/persent``, 578 articles, the author's sentiment toward the main person);
- the 16 hand-annotated Wikinews dev articles (``../shared/gold``, the portrayal of each actor).

It prints the settings best on each set and how each choice does on the *other* set, so a choice that
only fits one set shows, and the current thresholds with each weight of the judgements by others. Run it
after the mention model changes; the chosen values are written into ``helpers.sentiment.portrayal`` by
hand, with the figures, so a reader sees where they came from.

    python tools/portrayal_select.py [--shared ../shared] [--cache /tmp/portrayal_cache.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from pathlib import Path

import helpers
from helpers.sentiment.portrayal import PortrayalRule, judgements, portray

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("negative", "neutral", "positive")


def macro_f1(gold: list[str], pred: list[str]) -> float:
    fs = []
    for lab in LABELS:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        fs.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(fs) / 3


def _scores(res, actor_id: str) -> list[dict]:
    m = res.mentions
    m = m[(m["actor_id"] == actor_id) & (m["role"] == "actor")]
    cols = [c for c in ("sentiment", "label", "p_negative", "p_neutral", "p_positive", "resolved_by", "clause_role",
                        "verb") if c in m]
    return m[cols].to_dict("records")


def collect_persent(shared: Path) -> list[dict]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import persent  # the benchmark's own target matching

    out = []
    for row in persent.read_rows(shared / "persent" / "dev.jsonl", None):
        res = helpers.analyze(helpers.load_article(text=row["text"], format="text"))
        actors = [{"actor_id": a, "mentions": int(k), "forms": [str(n), *persent.split_forms(f)]}
                  for a, n, k, f in zip(res.actors["actor_id"], res.actors["actor"], res.actors["mentions"],
                                        res.actors["surface_forms"], strict=True)]  # fmt: skip
        actor_id, _ = persent.match_by_name(row["target_entity"], actors)
        out.append({"set": "persent", "gold": row["label"], "mentions": _scores(res, actor_id) if actor_id else [],
                    "judged": judgements(res.events).get(actor_id, []) if actor_id else []})
    return out


def collect_gold(shared: Path) -> list[dict]:
    sys.path.insert(0, str(shared / "gold"))
    import score_articles as scorer

    corpus = {}
    with (shared / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            corpus[r["id"]] = r
    out = []
    for line in (shared / "gold" / "wikinews_dev.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        art = corpus[g["id"]]
        res = helpers.analyze(helpers.load_article(text=art["title"] + "\n\n" + art["text"], date=art.get("date")))
        mapping, _, _ = scorer.match_actors(res, g)
        inv = {name: aid for aid, name in mapping.items()}
        judged = judgements(res.events)
        for p in g.get("portrayal", []):
            aid = inv.get(p["actor"])
            if aid:
                out.append({"set": "gold", "gold": p["label"], "mentions": _scores(res, aid),
                            "judged": judged.get(aid, [])})
    return out


def grid() -> list[PortrayalRule]:
    rules = []
    for neg, pos, z, spread, victim, judged in itertools.product(
            (0.2, 0.25, 0.3, 0.35, 0.4), (0.0, 0.05, 0.1, 0.15), (0.5, 0.75, 1.0, 1.25, 1.5),
            (0.5, 0.6, 0.7, 0.8, 0.9, 1.0), (0.3, 1.0), (0.0, 0.5, 1.0)):
        rules.append(PortrayalRule(negative_mean=neg, positive_mean=pos, z=z, min_spread=spread,
                                   victim_weight=victim, speaker_weight=0.5 if victim < 1 else 1.0,
                                   judged_score=judged))
    return rules


def evaluate(items: list[dict], rule: PortrayalRule) -> tuple[float, float]:
    gold = [it["gold"] for it in items]
    pred = []
    for it in items:
        ms = [m for m in it["mentions"] if m.get("resolved_by") != "quote"]  # as the pipeline: a speaker's own "I"
        p = portray([m["sentiment"] for m in ms], [m["label"] for m in ms], rule,
                    [m.get("clause_role", "") for m in ms], [m.get("verb", "") for m in ms],
                    judged=it.get("judged", []))
        pred.append(p.label)
    return round(macro_f1(gold, pred), 4), round(sum(g == q for g, q in zip(gold, pred, strict=True)) / len(gold), 4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/portrayal_cache.json"))
    ap.add_argument("--refresh", action="store_true", help="re-analyse the articles even if the cache exists")
    args = ap.parse_args(argv)
    if not (args.shared / "persent" / "dev.jsonl").exists() or not (args.shared / "gold").is_dir():
        print(f"PerSenT or the gold articles not found under {args.shared}: nothing selected")
        return 0
    if args.refresh or not args.cache.exists():
        items = collect_persent(args.shared) + collect_gold(args.shared)
        args.cache.write_text(json.dumps(items), encoding="utf-8")
    items = json.loads(args.cache.read_text(encoding="utf-8"))
    sets = {name: [it for it in items if it["set"] == name] for name in ("persent", "gold")}
    results = [(rule, {name: evaluate(sub, rule) for name, sub in sets.items()}) for rule in grid()]
    current = PortrayalRule()
    print("scores are (macro-F1, accuracy); PerSenT's target is macro-F1, the gold articles' accuracy")
    print("current rule:", current, {n: evaluate(s, current) for n, s in sets.items()})
    for name, sub in sets.items():
        gold = [it["gold"] for it in sub]
        neutral = ["neutral"] * len(gold)
        acc = sum(g == "neutral" for g in gold) / len(gold)
        print(f"{name}: n={len(sub)}, always-neutral macro-F1 {macro_f1(gold, neutral):.3f}, accuracy {acc:.3f}")
    by_persent = sorted(results, key=lambda r: -r[1]["persent"][0])[:5]
    by_gold = sorted(results, key=lambda r: -r[1]["gold"][1])[:5]
    print("chosen on PerSenT (macro-F1), checked on gold:")
    for rule, sc in by_persent:
        print(f"  {rule}  persent {sc['persent']}  gold {sc['gold']}")
    floor = sum(it["gold"] == "neutral" for it in sets["gold"]) / len(sets["gold"])
    ok = [r for r in results if r[1]["gold"][1] >= floor]
    if ok:
        rule, sc = max(ok, key=lambda r: (r[1]["persent"][0], r[1]["gold"][1]))
        print(f"best PerSenT macro-F1 among rules at or above always-neutral on gold: {rule}  persent {sc['persent']}"
              f"  gold {sc['gold']}")
        kept = [r for r in results if r[1]["gold"][1] >= evaluate(sets["gold"], current)[1]]
        rule, sc = max(kept, key=lambda r: (r[1]["persent"][0], r[1]["gold"][1]))
        print(f"best PerSenT macro-F1 among rules at or above the current rule's gold accuracy: {rule}"
              f"  persent {sc['persent']}  gold {sc['gold']}")
        rule, sc = max(ok, key=lambda r: (r[1]["persent"][0] + r[1]["gold"][1]))
        print(f"best PerSenT macro-F1 + gold accuracy among rules at or above always-neutral on gold: {rule}"
              f"  persent {sc['persent']}  gold {sc['gold']}")
    print("the current thresholds with each weight of others' judgements (judged_score):")
    for judged in (0.0, 0.3, 0.5, 0.8, 1.0):
        rule = dataclasses.replace(current, judged_score=judged)
        print(f"  judged_score {judged}: " + "  ".join(f"{n} {evaluate(sub, rule)}" for n, sub in sets.items()))
    print("chosen on gold (accuracy), checked on PerSenT:")
    for rule, sc in by_gold:
        print(f"  {rule}  gold {sc['gold']}  persent {sc['persent']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
