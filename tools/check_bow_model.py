"""Retrain the bag-of-words stance model with its recorded recipe and compare it with the committed one.

    python tools/check_bow_model.py [--shared ../shared] [--model data/models/bow]

Checks that the committed files are the ones ``model.json`` records, that DSE and the committed encoder
are the ones the model was fitted and blended with, that the committed model still predicts on
``valid.tsv`` what ``model.json`` recorded, and that a model retrained from ``../shared`` into a temporary
folder (about a minute; numpy only) agrees with it: the same blend weight, at least 99 % of the
validation predictions alike (alone and blended), each validation macro-F1 within 0.005. Exit 1 on any
failure; exit 0 with a message when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from check_encoder_model import MAX_F1_DIFF, MIN_AGREEMENT, agreement  # the same bounds, beside this script

ROOT = Path(__file__).resolve().parents[1]


def compare(committed: dict, fresh: dict) -> tuple[dict, list[str]]:
    """Agreement and macro-F1 differences of two ``model.json`` contents, and what fails."""
    rows, problems = {}, []
    for name in ("bow", "blend"):
        a = committed["validation_predictions"][name]
        b = fresh["validation_predictions"][name]
        f1a, f1b = committed["validation"]["dse"][name], fresh["validation"]["dse"][name]
        rows[name] = {"agreement": round(agreement(a, b), 4), "macro_f1_committed": f1a, "macro_f1_retrained": f1b}
        if rows[name]["agreement"] < MIN_AGREEMENT or abs(f1a - f1b) > MAX_F1_DIFF:
            problems.append(f"{name}: retrained model differs ({rows[name]})")
    if committed["ensemble"]["weight"] != fresh["ensemble"]["weight"]:
        problems.append(f"blend weight {committed['ensemble']['weight']} -> {fresh['ensemble']['weight']}")
    return rows, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--model", default=str(ROOT / "data" / "models" / "bow"))
    args = ap.parse_args(argv)
    dse = Path(args.shared) / "dse"
    if not (dse / "train.tsv").is_file() or not (dse / "valid.tsv").is_file():
        print(f"skipped: DSE not found under {args.shared} (put ../shared beside the repo to run this check)")
        return 0
    from helpers.ml import bow
    from helpers.ml import encoder as R
    from helpers.ml.data import read_dse
    from helpers.ml.fit_bow import _codes, sha256, train
    from helpers.stance.model import predict_pairs

    model = Path(args.model)
    committed = json.loads((model / bow.META_FILE).read_text(encoding="utf-8"))
    problems = [f"{name}: sha256 differs from model.json" for name, digest in committed["files"].items()
                if sha256(model / name) != digest]  # fmt: skip
    for split in ("train", "valid"):
        if sha256(dse / f"{split}.tsv") != committed["data"][f"dse_{split}_sha256"]:
            problems.append(f"dse/{split}.tsv differs from the file the model was trained on")
    if sha256(R.MODEL_DIR / R.HEADS_FILE) != committed["encoder_heads_sha256"]:
        problems.append("the committed encoder is not the one the blend was fitted with: run `python -m helpers "
                        "train bow`")  # fmt: skip
    rows_valid, _ = read_dse(dse / "valid.tsv")
    live = _codes(predict_pairs([(r.text, r.p, r.q) for r in rows_valid], bow_dir=model).argmax(axis=1))
    live_agreement = round(agreement(live, committed["validation_predictions"]["blend"]), 4)
    if live_agreement < MIN_AGREEMENT:
        problems.append(f"the committed model no longer predicts what model.json recorded ({live_agreement})")
    with tempfile.TemporaryDirectory(prefix="bow-check-") as tmp:
        fresh = train(dse, tmp, recipe=committed["recipe"])
    rows, more = compare(committed, fresh)
    result = {"comparison": rows, "committed_live_agreement": live_agreement, "problems": problems + more}
    result["ok"] = not result["problems"]
    print(json.dumps(result, indent=1))
    if not result["ok"]:
        print("FAILED: the retrained bag-of-words model does not reproduce the committed one", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
