"""The NewsMTSC-trained ``model`` method: loading, features, metrics, and retraining reproducibility."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from helpers.config import NEWSMTSC_DIR
from helpers.errors import DatasetMissing
from helpers.ml.minilm import TEMPERATURES, fit_temperature
from helpers.sentiment import methods as S
from helpers.sentiment import model as M

SENTENCE = "Smith was accused of fraud by prosecutors, while Jones praised the ruling."


def test_model_files_are_small_and_not_pickled():
    npz = S.MODEL_DIR / "model.npz"
    assert npz.stat().st_size < 5_000_000
    with np.load(npz, allow_pickle=False) as z:
        assert set(z.files) == {"vocab", "sparse", "dense", "bias"}
        assert list(z["vocab"]) == sorted(z["vocab"])
        assert z["sparse"].shape == (len(z["vocab"]), 3)
    head = S.MODEL_DIR / "encoder.npz"
    assert head.stat().st_size < 1_000_000
    with np.load(head, allow_pickle=False) as z:
        assert set(z.files) == {"mean", "scale", "coef", "bias"}
        assert z["coef"].shape == (z["mean"].shape[0], 3) and (z["scale"] > 0).all()
    notice = (S.MODEL_DIR / "NOTICE").read_text(encoding="utf-8")
    assert "Hamborg" in notice and "all-MiniLM-L6-v2" in notice and "Apache" in notice


def test_model_card_records_default_and_validation():
    card = json.loads((S.MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    assert card["default_method"] == S.default_method()
    assert set(card["validation"]) >= {"textblob", "vader", "linear", "model"}
    scores = {m: v["macro_f1"] for m, v in card["validation"].items()}
    assert card["best_on_validation"] == max(scores, key=scores.get)
    assert card["default_method"] == card["best_on_validation"]


def test_predict_probabilities_and_evidence():
    model = M.load_model()
    start = SENTENCE.index("Smith")
    p, evidence = M.predict(model, SENTENCE, start, start + 5)
    assert p.shape == (3,) and p.sum() == pytest.approx(1.0) and (p >= 0).all()
    for e in evidence:
        assert SENTENCE[e.start:e.end] == e.word and e.word != "Smith"


def test_model_fuses_the_encoder_head_with_the_linear_logits():
    j = SENTENCE.index("Jones")
    items = [(SENTENCE, 0, 5), (SENTENCE, j, j + 5)]
    fused, linear = S.score_targets(items, "model"), S.score_targets(items, "linear")
    assert [r.method for r in fused] == ["model", "model"] and [r.method for r in linear] == ["linear", "linear"]
    model, head = M.load_model(), M.load_head()
    for (sentence, start, end), r in zip(items, fused, strict=True):
        lin, _ = M.linear_logits(model, sentence, start, end)
        from helpers.ml.minilm import target_features

        z = lin + head.weight * M.head_logits(head, target_features(sentence, start, end)[None])[0] + head.offsets
        z = z / head.temperature
        p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        assert r.score == pytest.approx(float(p[2] - p[0]), abs=1e-4)
        assert r.label == S.LABELS[int(np.argmax(z))]
    assert [e.word for e in fused[0].evidence] == [e.word for e in linear[0].evidence]  # words from the linear part
    assert S.score_targets([], "model") == []


def test_temperature_softens_overconfident_logits_and_sharpens_timid_ones():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 600)
    right = rng.random(600) < 0.7  # 70% of the argmaxes are right
    pred = np.where(right, y, (y + 1) % 3)
    one_hot = np.eye(3)[pred]
    assert fit_temperature(20.0 * one_hot, y) > 5  # logits 20 apart claim ~100% sure: cool them down
    assert fit_temperature(0.1 * one_hot, y) < 1  # 0.1 apart claim ~37%: sharpen
    assert fit_temperature(20.0 * one_hot, y) in TEMPERATURES


def test_features_are_target_relative_and_masked():
    a, da = M.features(SENTENCE, 0, 5)
    j = SENTENCE.index("Jones")
    b, db = M.features(SENTENCE, j, j + 5)
    names_a, names_b = {n for n, _ in a}, {n for n, _ in b}
    assert "u:smith" not in names_a and "u:jones" not in names_b
    assert "role:subj-pass" in names_a
    assert names_a != names_b and da.shape == db.shape == (6,)
    again, dagain = M.features(SENTENCE, 0, 5)
    assert again == a and np.array_equal(dagain, da)


def test_validation_split_is_fixed():
    gids = [f"gid_{i}" for i in range(2000)]
    share = sum(map(M.is_validation, gids)) / len(gids)
    assert 0.12 < share < 0.18
    assert [M.is_validation(g) for g in gids] == [M.is_validation(g) for g in gids]


def test_macro_f1_and_thresholds():
    gold = ["negative", "neutral", "positive", "positive"]
    m = M.macro_f1(gold, ["negative", "neutral", "positive", "neutral"])
    assert m["accuracy"] == 0.75 and m["f1_negative"] == 1.0
    assert m["macro_f1"] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3, abs=1e-4)
    th, f = M.tune_thresholds([-0.8, 0.0, 0.6, 0.7], gold)
    assert f == 1.0 and th[0] < 0 < th[1]


def test_missing_dataset(tmp_path):
    with pytest.raises(DatasetMissing, match="NewsMTSC"):
        M.load_newsmtsc(tmp_path, "train")


def test_cli_help():
    out = subprocess.run([sys.executable, "-m", "helpers.sentiment.model", "--help"], capture_output=True, text=True,
                         check=True)
    assert "--data" in out.stdout and "--out" in out.stdout


@pytest.mark.shared
@pytest.mark.models
def test_retraining_reproduces_committed_model(tmp_path):
    """Retrain from train.jsonl (about 2-5 minutes on 2 cores) and compare with the committed model."""
    if not (NEWSMTSC_DIR / "train.jsonl").is_file():
        pytest.skip(f"NewsMTSC not found at {NEWSMTSC_DIR}: skipped (put ../shared beside the repo to run it)")
    meta = M.train(NEWSMTSC_DIR, tmp_path)
    committed = json.loads((S.MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    assert meta["default_method"] == committed["default_method"]
    # Float32 BLAS kernels differ a little between CPU types: figures agree to a few thousandths, choices exactly.
    for method, figures in committed["validation"].items():
        for key, value in figures.items():
            assert meta["validation"][method][key] == pytest.approx(value, abs=3e-3), (method, key)
    for key in ("C", "fusion_weight", "weights_sha256"):
        assert meta["encoder"][key] == committed["encoder"][key]
    np.testing.assert_allclose(meta["encoder"]["offsets"], committed["encoder"]["offsets"], atol=0.11)
    assert meta["encoder"]["temperature"] == pytest.approx(committed["encoder"]["temperature"], rel=0.13)  # a step
    with np.load(tmp_path / "model.npz") as new, np.load(S.MODEL_DIR / "model.npz") as old:
        assert list(new["vocab"]) == list(old["vocab"])
        for key in ("sparse", "dense", "bias"):
            np.testing.assert_allclose(new[key], old[key], atol=2e-3)
    with np.load(tmp_path / "encoder.npz") as new, np.load(S.MODEL_DIR / "encoder.npz") as old:
        for key in ("mean", "scale", "coef", "bias"):
            np.testing.assert_allclose(new[key], old[key], atol=2e-3)
    fresh, saved = M.load_model(tmp_path), M.load_model()
    sample = [ex for ex in M.load_newsmtsc(NEWSMTSC_DIR, "train") if M.is_validation(ex.gid)][:300]
    same = sum(int(np.argmax(M.predict(fresh, *ex[1:4])[0]) == np.argmax(M.predict(saved, *ex[1:4])[0]))
               for ex in sample)
    assert same >= len(sample) - 3
    items = [ex[1:4] for ex in sample]
    fresh_fused = [r.label for r in M.ModelMethod(tmp_path).score(items)]
    saved_fused = [r.label for r in M.ModelMethod().score(items)]
    assert sum(a == b for a, b in zip(fresh_fused, saved_fused, strict=True)) >= len(sample) - 3
