"""Whole real articles against hand annotation: the 16 Wikinews dev articles of ``../shared/gold``.

Runs the data set's own scorer (``score_articles.py``, beside the annotations; see its docstring and
``GUIDELINES.md``) on ``helpers.analyze`` and keeps its totals: actor precision and recall, stance
precision and recall, portrayal agreement. These articles were used to develop the actor rules; other
real articles are scored the same way by whoever holds them.

    python benchmarks/gold_articles.py --gold ../shared/gold [--out benchmarks/results/gold_articles.json]

Without the folder it prints a message and exits 0 ("skipped").
"""

from __future__ import annotations

import argparse
import json
import runpy
import sys
import tempfile
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "gold_articles.json"
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "gold"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT, help="folder of score_articles.py and its .jsonl")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every article's misses")
    args = parser.parse_args(argv)
    scorer = args.gold / "score_articles.py"
    if not scorer.exists():
        print(f"gold articles not found at {args.gold}: nothing measured (put ../shared beside the repo)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        old_argv = sys.argv
        sys.argv = [str(scorer), "--json", str(out)] + (["-v"] if args.verbose else [])
        try:
            runpy.run_path(str(scorer), run_name="__main__")
        except SystemExit as exc:
            if exc.code not in (0, None):
                raise
        finally:
            sys.argv = old_argv
        totals = json.loads(out.read_text(encoding="utf-8"))["totals"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(totals, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
