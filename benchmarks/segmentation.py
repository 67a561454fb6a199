"""Score helpers.split_sentences on the English Golden Rules (the pySBD-48 benchmark and all 52 rules).

Usage: python benchmarks/segmentation.py [--data ../shared/segmentation]
Runs the suite's own scorer on our segmenter; skips with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/segmentation", help="folder with score_golden_rules.py")
    args = ap.parse_args()
    scorer = Path(args.data) / "score_golden_rules.py"
    if not scorer.exists():
        print(f"skipped: {scorer} not found (put ../shared beside the repository)")
        return 0
    cmd = [sys.executable, str(scorer), "helpers.text.segment:split_sentences", "--strip", "-v"]
    print("$", " ".join(cmd))
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
