"""Time the fine-tuned int8 encoder against the project's numpy MiniLM, one thread each, on NewsMTSC sentences.

    .venv/bin/python tools/encoder_speed.py [--data ../shared/newsmtsc] [--n 500] [--repeats 3]

Prints one JSON object: milliseconds per sentence (median of the repeats, tokenising included) and
the load average at the start (the 2-core machine's speed moves with what else runs).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "newsmtsc"))
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    path = Path(args.data) / "train.jsonl"
    if not path.is_file():
        print(f"skipped: {path} not found")
        return 0
    from helpers import encoder as numpy_encoder
    from helpers.ml import encoder as R

    sentences = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            sentences.append(json.loads(line)["sentence_normalized"])
    sentences = sentences[: args.n]
    load = os.getloadavg()[0]
    R.load_model(R.MODEL_DIR, 1)
    numpy_encoder.load_encoder()
    items = [(s, 0, 1) for s in sentences]

    def timed(fn) -> float:
        runs = []
        for _ in range(args.repeats):
            t = time.perf_counter()
            fn()
            runs.append((time.perf_counter() - t) * 1000 / len(sentences))
        return round(statistics.median(runs), 2)

    def numpy_pass() -> None:
        numpy_encoder.encode.cache_clear()
        with numpy_encoder.single_threaded():
            for s in sentences:
                numpy_encoder.encode(s)

    out = {
        "sentences": len(sentences),
        "load_average_at_start": round(load, 2),
        "int8_encode_ms_per_sentence": timed(lambda: R.encode(sentences)),
        "int8_predict_targets_ms_per_sentence": timed(lambda: R.predict_targets(items)),
        "numpy_encoder_ms_per_sentence": timed(numpy_pass),
    }
    out["speedup"] = round(out["numpy_encoder_ms_per_sentence"] / out["int8_encode_ms_per_sentence"], 1)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
