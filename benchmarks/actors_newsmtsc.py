"""Actor finding on NewsMTSC: are the labelled targets found, and do pronouns go to them?

Each sentence is read as a one-sentence article without a date (NewsMTSC, Hamborg & Donnay,
EACL 2021; targets are people named in US political news).

- named recall: share of gold target mentions that are not pronouns which a detected mention
  overlaps;
- pronoun accuracy: share of gold pronoun ``further_mentions`` (he, his, her, ...; I, me, we inside a
  quotation, which the pipeline gives to the quotation's speaker) that are attached to the same actor
  as the detected mention overlapping their target. A pronoun whose target is itself a pronoun ("he
  ... his" with no name in the sentence) can never be linked without a guess, so it counts as a miss;
  ``pronoun_accuracy_named_target`` leaves those out.
  ``pronoun_wrong`` is the share attached to another actor (the errors that matter most).

Usage: ``python benchmarks/actors_newsmtsc.py --data ../shared/newsmtsc [--split devtest_rw]``.
Results go to ``benchmarks/results/actors.json`` (sorted keys, 4 decimals, no timestamps).
``--split train`` is for development and writes nothing unless ``--out`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import NamedTuple

from helpers import config
from helpers.actors.mentions import find_mentions
from helpers.actors.quotes import find_quotes, quote_pronouns
from helpers.reports.export import write_text
from helpers.text.article import load_article
from helpers.text.document import parse

PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "theirs",
            "themselves", "it", "its", "i", "me", "my", "we", "us", "our", "you", "your"}
RESULTS = Path(__file__).resolve().parent / "results" / "actors.json"


class Mention(NamedTuple):
    """A detected mention: its actor and ``[start, end)`` in the sentence."""

    actor_id: str
    start: int
    end: int


def mention_list(text: str, gazetteer_dir: Path | None = None) -> list[Mention]:
    """The mentions of one sentence read as a one-sentence article (no date), pronouns linked in it: every
    mention of :func:`find_mentions`, and, as in the pipeline's mentions table, a quotation's first-person
    pronouns as its speaker's (:func:`quote_pronouns`: "“We're lucky,” Belmar said")."""
    document = parse(load_article(text=text, format="text"))
    m = find_mentions(document, gazetteer_dir=gazetteer_dir)
    acting = m[m["role"] == "actor"].reset_index(drop=True)
    spoken = quote_pronouns(document, find_quotes(document, acting), acting)
    rows = [Mention(a, s, e) for a, s, e in zip(m["actor_id"], m["start"], m["end"], strict=True)]
    return rows + [Mention(a, s, e) for a, s, e in zip(spoken["actor_id"], spoken["start"], spoken["end"], strict=True)]


def _overlapping(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The detected mention overlapping ``[start, end)`` most, or None."""
    best, most = None, 0
    for m in mentions:
        overlap = min(m.end, end) - max(m.start, start)
        if overlap > most:
            best, most = m, overlap
    return best


def evaluate(path: Path, *, gazetteer_dir: Path | None = None, show: int = 0) -> dict[str, float | int]:
    """Named recall and pronoun accuracy on one NewsMTSC jsonl file."""
    named = named_hit = 0
    pron = pron_ok = pron_wrong = pron_named = pron_named_ok = 0
    seconds = 0.0
    sentences = 0
    shown = shown_p = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row["sentence_normalized"]
            t0 = time.perf_counter()
            mentions = mention_list(text, gazetteer_dir)
            seconds += time.perf_counter() - t0
            sentences += 1
            for target in row["targets"]:
                s, e = int(target["from"]), int(target["to"])
                covering = _overlapping(mentions, s, e)
                target_is_name = target["mention"].strip().lower() not in PRONOUNS
                if target_is_name:
                    named += 1
                    named_hit += covering is not None
                    if covering is None and shown < show:
                        shown += 1
                        print(f"MISS {target['mention']!r}: {text}")
                for further in target.get("further_mentions", []):
                    if further["mention"].strip().lower() not in PRONOUNS:
                        continue
                    got = _overlapping(mentions, int(further["from"]), int(further["to"]))
                    pron += 1
                    pron_named += target_is_name
                    ok = got is not None and covering is not None and got.actor_id == covering.actor_id
                    pron_ok += ok
                    pron_named_ok += ok and target_is_name
                    pron_wrong += got is not None and not ok
                    if show and got is None and target_is_name and shown_p < show:
                        shown_p += 1
                        print(f"PRON {further['mention']!r}->{target['mention']!r}: {text}")
    if not sentences:
        raise SystemExit(f"{path} holds no sentences")
    return {
        "file": path.name,
        "sentences": sentences,
        "named_targets": named,
        "named_recall": round(named_hit / max(named, 1), 4),
        "pronoun_mentions": pron,
        "pronoun_accuracy": round(pron_ok / max(pron, 1), 4),
        "pronoun_mentions_named_target": pron_named,
        "pronoun_accuracy_named_target": round(pron_named_ok / max(pron_named, 1), 4),
        "pronoun_wrong": round(pron_wrong / max(pron, 1), 4),
        "ms_per_sentence": round(1000 * seconds / sentences, 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=config.NEWSMTSC_DIR, help="folder of the NewsMTSC jsonl files")
    parser.add_argument("--split", default="devtest_rw", help="file stem: devtest_rw (report), train (development)")
    parser.add_argument("--gazetteer", type=Path, default=None, help="gazetteer folder (default data/gazetteer)")
    parser.add_argument("--out", type=Path, default=None, help=f"results file (default {RESULTS} for devtest_rw)")
    parser.add_argument("--show", type=int, default=0, help="print this many missed targets")
    args = parser.parse_args(argv)
    path = args.data / f"{args.split}.jsonl"
    if not path.exists():
        print(f"NewsMTSC not found at {path}: nothing measured (put ../shared/newsmtsc beside the repo)")
        return 0
    mention_list("Warm-up sentence for Joe Biden.", args.gazetteer)  # load the gazetteer and the parser outside the timing
    result = evaluate(path, gazetteer_dir=args.gazetteer, show=args.show)
    print(f"named recall      {result['named_recall']:.4f}  ({result['named_targets']} targets)")
    print(f"pronoun accuracy  {result['pronoun_accuracy']:.4f}  ({result['pronoun_mentions']} pronouns; "
          f"named targets only {result['pronoun_accuracy_named_target']:.4f}; wrong {result['pronoun_wrong']:.4f})")
    print(f"speed             {result['ms_per_sentence']:.3f} ms per sentence")
    out = args.out or (RESULTS if args.split == "devtest_rw" else None)
    if out is not None:
        result = {k: v for k, v in result.items() if k != "ms_per_sentence"}  # machine-dependent: not committed
        out.parent.mkdir(parents=True, exist_ok=True)
        write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", out)
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
