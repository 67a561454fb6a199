"""The retrain-and-compare check of the committed encoder (tools/check_encoder_model.py): its bounds."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("check_encoder_model", ROOT / "tools" / "check_encoder_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _model(preds: dict[str, dict[str, str]], f1: float = 0.70) -> dict:
    return {"validation_predictions": preds,
            "validation": {v: {ds: {"macro_f1": f1} for ds in ("newsmtsc", "dse")} for v in ("fp32", "int8")}}


def test_int8_may_differ_more_than_fp32_but_the_scores_may_not_move():
    check = _module()
    same = "0" * 100
    off = lambda n: "1" * n + "0" * (100 - n)  # noqa: E731
    committed = _model({v: {"newsmtsc": same, "dse": same} for v in ("fp32", "int8")})
    close = _model({"fp32": {"newsmtsc": off(1), "dse": off(1)}, "int8": {"newsmtsc": off(4), "dse": off(4)}})
    rows, ok = check.compare(committed, close)
    assert ok and rows["int8/dse"]["agreement"] == 0.96
    drifted = _model({"fp32": {"newsmtsc": off(2), "dse": same}, "int8": {"newsmtsc": same, "dse": same}})
    assert not check.compare(committed, drifted)[1]  # fp32 below 99%
    far = _model({"fp32": {"newsmtsc": same, "dse": same}, "int8": {"newsmtsc": off(6), "dse": same}})
    assert not check.compare(committed, far)[1]  # int8 below 95%
    moved = _model({v: {"newsmtsc": same, "dse": same} for v in ("fp32", "int8")}, f1=0.71)
    assert not check.compare(committed, moved)[1]  # a validation score moved by 0.01
