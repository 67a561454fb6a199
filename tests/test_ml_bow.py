"""The bag-of-words stance reader and its blend with the encoder's pair head: features, direction,
artifacts as recorded, training, clear errors."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from helpers.errors import DataError
from helpers.ml import bow, fit_bow
from helpers.ml import encoder as R
from helpers.ml.data import DseRow
from helpers.stance import model as M

S = "Yesterday Smith sharply attacked Jones over the budget, aides said."
SMITH, JONES = (10, 15), (33, 38)


@pytest.fixture(scope="module")
def meta():
    return json.loads((bow.MODEL_DIR / bow.META_FILE).read_text(encoding="utf-8"))


def test_features_mark_where_each_word_stands():
    f = bow.pair_features(S, SMITH, JONES)
    assert {"u:<P>", "u:<Q>", "m:sharply", "m:attacked", "pa:sharply", "qb:attacked", "pb:yesterday"} <= f
    assert {"qa:over", "qa:the", "b:attacked_<Q>", "b:<P>_sharply", "gap:0"} <= f
    assert not any("smith" in x or "jones" in x for x in f)  # the actors are masked
    assert "m:budget" not in f and "u:budget" in f


def test_a_pair_given_the_other_way_round_swaps_the_directions():
    fwd, back = bow.pair_logits([(S, SMITH, JONES), (S, JONES, SMITH)])
    np.testing.assert_allclose(back, fwd[list(bow.SWAP_PAIR_CLASSES)])
    assert bow.pair_logits([]).shape == (0, 5)


def test_linear_reads_empty_rows_as_the_bias_alone():
    w = np.arange(12, dtype=np.float32).reshape(4, 3)
    b = np.array([1.0, 0.0, -1.0], dtype=np.float32)
    cols, ptr = bow.index([set(), {"a", "c"}, {"zz"}, set()], {"a": 0, "b": 1, "c": 2, "d": 3})
    out = bow.linear(w, b, cols, ptr)
    np.testing.assert_allclose(out, [b, w[0] + w[2] + b, b, b])
    assert bow.linear(w, b, *bow.index([], {})).shape == (0, 3)


def test_the_blend_gives_calibrated_probabilities_in_both_directions():
    p = M.predict_pairs([(S, SMITH, JONES), (S, JONES, SMITH)])
    assert p.shape == (2, 5)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, atol=1e-6)
    np.testing.assert_allclose(p[1], p[0][list(bow.SWAP_PAIR_CLASSES)], atol=1e-6)
    assert p[0].argmax() == 3  # Smith attacked Jones: p negative toward q
    assert M.predict_pairs([]).shape == (0, 5)


def test_artifacts_are_the_ones_model_json_records(meta):
    for name, digest in meta["files"].items():
        assert hashlib.sha256((bow.MODEL_DIR / name).read_bytes()).hexdigest() == digest, name
    with np.load(bow.MODEL_DIR / bow.WEIGHTS_FILE, allow_pickle=False) as z:
        assert set(z.files) == {"weights", "bias"} and z["weights"].dtype == np.float32
    assert meta["ensemble"]["weight"] in fit_bow.BLEND_WEIGHTS and meta["ensemble"]["temperature"] > 0
    assert (bow.MODEL_DIR / "NOTICE").is_file()


def test_the_blend_was_fitted_with_the_committed_encoder(meta):
    """Retraining the encoder without refitting the blend would leave a weight chosen for another model."""
    digest = hashlib.sha256((R.MODEL_DIR / R.HEADS_FILE).read_bytes()).hexdigest()
    assert digest == meta["encoder_heads_sha256"], "run `python -m helpers train bow` after retraining the encoder"


def test_a_missing_or_broken_model_is_a_clear_data_error(tmp_path):
    with pytest.raises(bow.BowModelMissing, match=r"missing vocab\.txt") as err:
        bow.load_model(tmp_path)
    assert isinstance(err.value, DataError)
    (tmp_path / bow.VOCAB_FILE).write_text("a\nb\n", encoding="utf-8")
    np.savez(tmp_path / bow.WEIGHTS_FILE, weights=np.zeros((3, 5), np.float32), bias=np.zeros(5, np.float32))
    (tmp_path / bow.META_FILE).write_text("{}", encoding="utf-8")
    with pytest.raises(DataError, match="2 features"):
        bow.load_model(tmp_path)  # a failed load is not cached
    bow.load_model.cache_clear()


def test_training_learns_a_cue_and_is_deterministic():
    rows = []
    for k, (verb, label) in enumerate([("praised", 1), ("attacked", 3), ("met", 0)] * 20):
        text = f"Ann {verb} Bob on day {k}."
        rows.append(DseRow(text, (0, 3), (len(text) - len(f" on day {k}.") - 3, len(text) - len(f" on day {k}.")),
                           label))  # fmt: skip
    swapped = DseRow("Bob was praised by Ann.", (19, 22), (0, 3), 2)  # p second: read as (Bob, Ann), class 1
    feats, y = fit_bow.text_order([*rows, swapped])
    assert y[-1] == 1 and {"m:praised", "m:by"} <= feats[-1]
    names = fit_bow.vocabulary(feats, 2)
    vocab = {f: i for i, f in enumerate(names)}
    recipe = {**fit_bow.RECIPE, "iterations": 100, "learning_rate": 0.05}
    w1, b1 = fit_bow.fit(*bow.index(feats, vocab), y, len(names), recipe)
    w2, b2 = fit_bow.fit(*bow.index(feats, vocab), y, len(names), recipe)
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    test = [bow.pair_features("Cy attacked Di.", (0, 2), (12, 14)),
            bow.pair_features("Cy praised Di.", (0, 2), (11, 13))]
    assert bow.linear(w1, b1, *bow.index(test, vocab)).argmax(axis=1).tolist() == [3, 1]


@pytest.mark.shared
def test_validation_predictions_are_the_recorded_ones(meta):
    from helpers.config import DSE_DIR
    from helpers.ml.data import read_dse

    if not (DSE_DIR / "valid.tsv").is_file():
        pytest.skip(f"DSE not found at {DSE_DIR}: skipped (put ../shared beside the repo to run it)")
    rows = read_dse(DSE_DIR / "valid.tsv")[0][:80]
    codes = "".join(str(c) for c in M.predict_pairs([(r.text, r.p, r.q) for r in rows]).argmax(axis=1))
    assert codes == meta["validation_predictions"]["blend"][: len(rows)]
