"""The int8 weights' shift to unsigned (helpers.ml.int8, training side): the model computes the same."""

import numpy as np
import pytest

onnx = pytest.importorskip("onnx", reason="onnx is in requirements-train.txt only")
ort = pytest.importorskip("onnxruntime")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from helpers.ml.int8 import count_signed, unsigned_weights  # noqa: E402


def _model(path, weights: np.ndarray, zero_point: np.ndarray) -> None:
    node = helper.make_node("MatMulInteger", ["a", "w", "a_zp", "w_zp"], ["y"])
    graph = helper.make_graph(
        [node], "g", [helper.make_tensor_value_info("a", TensorProto.UINT8, [2, 4])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [2, 3])],
        [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(zero_point, "w_zp"),
         numpy_helper.from_array(np.array(3, dtype=np.uint8), "a_zp")])  # fmt: skip
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))


def _run(path, a: np.ndarray) -> np.ndarray:
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"a": a})[0]


def test_shifted_weights_give_the_same_products(tmp_path):
    rng = np.random.default_rng(0)
    w = rng.integers(-128, 128, size=(4, 3), dtype=np.int8)
    zp = np.array([0, -5, 7], dtype=np.int8)
    a = rng.integers(0, 256, size=(2, 4), dtype=np.uint8)
    path = tmp_path / "m.onnx"
    _model(path, w, zp)
    exact = (a.astype(np.int64) - 3) @ (w.astype(np.int64) - zp.astype(np.int64))
    assert count_signed(path) == 2
    assert unsigned_weights(path) == 2
    assert count_signed(path) == 0
    m = onnx.load(str(path))
    assert {t.name: t.data_type for t in m.graph.initializer}["w"] == TensorProto.UINT8
    assert (_run(path, a) == exact).all()
    assert unsigned_weights(path) == 0  # already unsigned: nothing to do
