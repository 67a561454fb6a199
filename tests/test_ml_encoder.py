"""The fine-tuned encoder at run time: shapes, probabilities, one pass per sentence, span edge cases,
artifacts as recorded, no network."""

from __future__ import annotations

import hashlib
import json
import socket

import numpy as np
import pytest

from helpers.errors import DataError
from helpers.ml import bow
from helpers.ml import encoder as R

S1 = "Smith was accused of fraud by prosecutors, while Jones praised the ruling."
S2 = "The senator thanked the governor for his help after the storm."
SMITH, JONES = (0, 5), (49, 54)


@pytest.fixture(scope="module")
def meta():
    return json.loads((R.MODEL_DIR / R.META_FILE).read_text(encoding="utf-8"))


@pytest.fixture
def count_passes(monkeypatch):
    """Record the inputs of every onnxruntime call."""
    seen: list[int] = []
    real = R.run

    def counting(session, inputs, batch=R.BATCH):
        seen.extend(len(x) for x in inputs)
        return real(session, inputs, batch)

    monkeypatch.setattr(R, "run", counting)
    return seen


def test_artifacts_are_the_ones_model_json_records(meta):
    total = 0
    for name, spec in meta["files"].items():
        path = R.MODEL_DIR / spec["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == spec["sha256"], name
        total += path.stat().st_size
    total += sum((R.MODEL_DIR / n).stat().st_size for n in (R.META_FILE, "NOTICE"))
    total += sum(p.stat().st_size for p in bow.MODEL_DIR.iterdir())  # the stance blend's second reader
    assert total <= 30 * 2**20  # every committed model file together
    with np.load(R.MODEL_DIR / R.HEADS_FILE, allow_pickle=False) as z:
        assert {"target.out.weight", "pair.out.weight"} <= set(z.files)
    assert meta["temperature"]["target"] > 0 and meta["temperature"]["pair"] > 0
    assert set(meta["test"]["scored_times"]) == {"newsmtsc_devtest_rw", "newsmtsc_devtest_mt", "dse_test"}


def test_target_probabilities_have_three_classes_and_sum_to_one():
    p = R.predict_targets([(S1, *SMITH), (S1, *JONES), (S2, 4, 11)])
    assert p.shape == (3, 3) and p.dtype.kind == "f"
    np.testing.assert_allclose(p.sum(1), 1.0, atol=1e-5)
    assert ((p >= 0) & (p <= 1)).all()
    assert R.predict_targets([]).shape == (0, 3)


def test_pair_probabilities_have_five_classes_and_sum_to_one():
    p = R.predict_pairs([(S1, SMITH, JONES), (S2, (4, 11), (24, 32))])
    assert p.shape == (2, 5)
    np.testing.assert_allclose(p.sum(1), 1.0, atol=1e-5)
    assert R.predict_pairs([]).shape == (0, 5)


def test_each_distinct_sentence_is_encoded_once(count_passes):
    targets = [(S1, *SMITH), (S1, *JONES), (S1, 30, 41), (S2, 4, 11), (S2, 24, 32)]
    R.predict_targets(targets)
    assert len(count_passes) == 2
    count_passes.clear()
    spans = [SMITH, (30, 41), JONES, (60, 66), (21, 26)]  # 5 mentions, 10 ordered pairs in either order
    pairs = [(S1, a, b) for i, a in enumerate(spans) for b in spans[i + 1 :]]
    assert len(pairs) == 10
    R.predict_pairs(pairs + [(S1, b, a) for _, a, b in pairs])
    assert len(count_passes) == 1


def test_a_pair_given_the_other_way_round_swaps_the_directions():
    fwd, back = R.predict_pairs([(S1, SMITH, JONES), (S1, JONES, SMITH)])
    np.testing.assert_allclose(back, fwd[list(R.SWAP_PAIR_CLASSES)], atol=1e-6)


def test_a_sentence_scores_the_same_alone_and_among_others():
    alone = R.predict_targets([(S1, *SMITH)])
    among = R.predict_targets([(S2, 4, 11), (S1, *SMITH), ("A much longer sentence " * 5, 0, 1)])
    np.testing.assert_allclose(alone[0], among[1], atol=1e-6)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("", 0, 0),  # empty sentence
        ("   ", 1, 2),  # no word pieces
        (S1, 5, 6),  # a space: covers no piece
        (S1, 3, 3),  # empty span
        (S1, 500, 510),  # past the end
        ("word " * 700 + "Smith lied.", 3500, 3505),  # > 512 pieces, target at the end
        ("😀 " * 3 + "Smith", 6, 11),  # characters outside the basic plane
    ],
)
def test_span_edge_cases_never_crash(sentence, start, end):
    p = R.predict_targets([(sentence, start, end)])
    assert p.shape == (1, 3) and np.isfinite(p).all()
    q = R.predict_pairs([(sentence, (start, end), (0, 1))])
    assert q.shape == (1, 5) and np.isfinite(q).all()


def test_pairs_far_apart_in_a_long_sentence_get_their_own_windows(count_passes):
    long = "Smith " + "and then " * 200 + "Jones attacked Brown."
    j = long.index("Jones")
    b = long.index("Brown")
    p = R.predict_pairs([(long, (0, 5), (j, j + 5)), (long, (j, j + 5), (b, b + 5))])
    assert p.shape == (2, 5) and np.isfinite(p).all()
    assert max(count_passes) <= R.WINDOW_PIECES


def test_windows_cover_the_spans_and_crop_around_them():
    assert R.crop(50, [(3, 4)]) == (1, 49)
    a, b = R.crop(1000, [(600, 602)])
    assert b - a == R.WINDOW_PIECES - 2 and a <= 600 and 602 < b
    assert R.crop(1000, [(10, 11), (900, 901)]) is None
    ids = np.arange(1000)
    w, local = R.cut(ids, (a, b), [(600, 602)])
    assert len(w) == R.WINDOW_PIECES and w[0] == 101 and w[-1] == 102
    assert list(w[local[0][0] : local[0][1] + 1]) == [600, 601, 602]


def test_encode_returns_states_and_offsets_per_piece():
    e1, e2, e3 = R.encode(["Smith lied.", "", "word " * 700])
    assert e1.hidden.shape == (len(e1.offsets), 384) and e1.hidden.dtype == np.float32
    assert tuple(e1.offsets[1]) == (0, 5)
    assert e2.hidden.shape == (2, 384)
    assert e3.hidden.shape == (R.MAX_PIECES, 384)


def test_a_missing_model_is_a_clear_data_error(tmp_path):
    with pytest.raises(R.EncoderModelMissing, match="missing") as err:
        R.load_model(tmp_path)
    assert isinstance(err.value, DataError)


def test_loads_and_predicts_with_sockets_blocked(monkeypatch):
    def blocked(*args, **kwargs):
        raise RuntimeError("network access attempted")

    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, blocked)
    monkeypatch.setattr(socket.socket, "connect", blocked)
    R.load_model.cache_clear()
    try:
        assert R.predict_targets([(S1, *SMITH)]).shape == (1, 3)
    finally:
        R.load_model.cache_clear()


@pytest.mark.shared
def test_validation_predictions_are_the_recorded_ones(meta):
    from helpers.config import NEWSMTSC_DIR
    from helpers.ml.data import is_validation, load_newsmtsc

    path = NEWSMTSC_DIR / "train.jsonl"
    if not path.is_file():
        pytest.skip(f"NewsMTSC not found at {NEWSMTSC_DIR}: skipped (put ../shared beside the repo to run it)")
    val = [e for e in load_newsmtsc(NEWSMTSC_DIR) if is_validation(e.gid)][:60]
    codes = "".join(str(c) for c in R.predict_targets([(e.sentence, e.start, e.end) for e in val]).argmax(1))
    assert codes == meta["validation_predictions"]["int8"]["newsmtsc"][: len(val)]
