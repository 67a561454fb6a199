"""Does analysis time grow linearly with article length? The seed article repeated 8× and 64×.

Usage: python benchmarks/size_scaling.py [--repeats 8 64]
Prints seconds per size and the ratio of the 64× time to 8 times the 8× time (1.0 = perfectly linear;
the acceptance is ≤ 1.25). Saves benchmarks/results/size_scaling.json.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import helpers  # noqa: E402
from helpers import config  # noqa: E402
from helpers.reports.export import write_json  # noqa: E402


def timed(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = helpers.analyze(helpers.load_article(text=text))
    return time.perf_counter() - start, len(result.sentences)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, nargs=2, default=[8, 64], metavar=("SMALL", "LARGE"))
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "size_scaling.json"))
    args = ap.parse_args()
    seed = config.DEFAULT_ARTICLE.read_text(encoding="utf-8")
    timed(seed)  # warm caches and lazy loads
    small, large = args.repeats
    rows = {}
    for n in (small, large):
        seconds, sentences = timed("\n\n".join([seed] * n))
        rows[n] = {"characters": len(seed) * n, "sentences": sentences, "seconds": round(seconds, 2),
                   "ms_per_sentence": round(1000 * seconds / sentences, 3)}  # fmt: skip
        print(f"{n:>3}× seed: {rows[n]['characters']:>8,} chars, {sentences:>5} sentences, {seconds:7.2f} s, "
              f"{rows[n]['ms_per_sentence']:.2f} ms/sentence")  # fmt: skip
    ratio = rows[large]["seconds"] / (rows[small]["seconds"] * large / small)
    verdict = "PASS" if ratio <= 1.25 else "FAIL"
    print(f"time({large}×) / ({large // small} × time({small}×)) = {ratio:.2f}  (1.0 is linear; ≤ 1.25: {verdict})")
    write_json({"sizes": {str(k): v for k, v in rows.items()}, "linearity_ratio": round(ratio, 3), "check": verdict,
                "machine": {"cpu_count": os.cpu_count(), "python": platform.python_version()}},
               args.out)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
