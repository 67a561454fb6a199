"""One fine-tuned small encoder, two readers: sentiment toward a target, directed stance between two spans.

The encoder is all-MiniLM-L6-v2 (a 6-layer, 384-dimensional BERT; Wang et al. 2020, "MiniLM";
sentence-transformers, Apache-2.0) fine-tuned jointly on NewsMTSC (Hamborg & Donnay, EACL 2021) and
DSE (Park, Pan & Joo, Findings of ACL 2021) by :mod:`helpers.ml.finetune`, exported to ONNX and
quantised to int8 (per channel). It runs here in onnxruntime; the two heads are small numpy matrices
over pooled hidden states, so **one forward pass per sentence** serves all its targets and pairs (no
entity markers, no sentence pairs).

- :func:`predict_targets` -- calibrated probabilities ``[negative, neutral, positive]`` of the
  sentiment the sentence expresses toward ``sentence[start:end]`` (NewsMTSC's three classes).
- :func:`predict_pairs` -- calibrated probabilities of the five DSE classes for the ordered pair
  ``(p, q)``: 0 neutral, 1 p positive toward q, 2 q positive toward p, 3 p negative toward q,
  4 q negative toward p. DSE always names the first-mentioned entity p, so a pair whose p comes
  second is read in text order and its classes swapped back (1<->2, 3<->4).
- :func:`encode` -- the last hidden states of whole sentences, with each word piece's character span.

Spans are half-open character offsets ``[start, end)`` into the sentence. A span is read as the word
pieces it overlaps (the nearest piece when it overlaps none). Sentences longer than the training
window (:data:`WINDOW_PIECES` word pieces) are cropped around the spans being read, as in training.

Files (``data/models/encoder/``): ``encoder.int8.onnx``, ``tokenizer.json``, ``heads.npz`` and
``model.json`` (pooling, temperatures, scores, provenance). Only numpy, onnxruntime and tokenizers
are needed at run time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import onnxruntime as ort
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from helpers.config import MODELS_DIR
from helpers.errors import DataError
from helpers.ml.data import SWAP_PAIR_CLASSES

#: The committed model's folder.
MODEL_DIR = MODELS_DIR / "encoder"
ONNX_FILE = "encoder.int8.onnx"
HEADS_FILE = "heads.npz"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "model.json"
#: Longest input of :func:`encode`, in word pieces with [CLS] and [SEP] (the position embeddings).
MAX_PIECES = 512
#: Longest input the heads read (and were trained on), in word pieces with [CLS] and [SEP].
WINDOW_PIECES = 128
#: Word pieces on each side of a span pooled as its context (the ``ctx``, ``left``, ``right`` parts).
CONTEXT = 5
TARGET_LABELS = ("negative", "neutral", "positive")
PAIR_LABELS = ("neutral", "p+q", "q+p", "p-q", "q-p")
#: Sentences per onnxruntime call. 1: int8 dynamic quantisation scales activations per call, so in a batch
#: a sentence's result would depend on its neighbours (and their padding); on one thread batching gains
#: nothing for int8 (encoder-speed.md: 426 sentences/s at batch 1, 349/s in sorted batches of 16).
BATCH = 1

TargetItem = tuple[str, int, int]
PairItem = tuple[str, tuple[int, int], tuple[int, int]]


class EncoderModelMissing(DataError):
    """The fine-tuned encoder's files are not where they were looked for."""


class Encoded(NamedTuple):
    """One sentence through the encoder: states and character spans of its word pieces.

    Row 0 is [CLS] and the last row [SEP], both with offsets ``(0, 0)``.
    """

    hidden: np.ndarray  # (n_pieces, dim) float32, the last layer
    offsets: np.ndarray  # (n_pieces, 2) int64, [start, end) into the sentence


class Model(NamedTuple):
    """The loaded model: onnxruntime session, tokenizer, head matrices, metadata."""

    session: ort.InferenceSession
    tokenizer: Tokenizer
    heads: dict[str, np.ndarray]
    meta: dict
    cls_id: int
    sep_id: int


# --------------------------------------------------------------------------- loading


def single_threaded():
    """A context in which numpy's BLAS (spaCy's and the heads' matrix products) uses one thread.

    Corpus workers already use every core between them; a second BLAS thread per worker would only fight
    over the same cores. (onnxruntime sessions are single-threaded by default: ``threads=1``.)
    """
    return threadpool_limits(limits=1, user_api="blas")


def load_tokenizer(path: str | Path) -> Tokenizer:
    """The word-piece tokenizer of ``tokenizer.json`` with its default padding and truncation (128) off."""
    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.no_truncation()
    return tok


@cache
def load_model(model_dir: str | Path = MODEL_DIR, threads: int = 1) -> Model:
    """The model in ``model_dir``, loaded once per process and thread count (about 0.3 s).

    Args:
        model_dir: folder with ``model.json``, ``heads.npz``, ``tokenizer.json`` and the ONNX file.
        threads: onnxruntime's intra-op threads; 1 is the safe default when other processes share the cores.

    Raises:
        EncoderModelMissing: a file is missing.
        DataError: a file cannot be read.
    """
    root = Path(model_dir)
    meta_path = root / META_FILE
    if not meta_path.is_file():
        raise EncoderModelMissing(
            f"the fine-tuned encoder is missing ({meta_path} not found): restore data/models/encoder from git "
            "or retrain it with `python -m helpers.ml.finetune` (see requirements-train.txt)"
        )
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise DataError(f"{meta_path} is not valid JSON ({e})") from e
    files = {name: root / meta.get("files", {}).get(name, {}).get("path", name)
             for name in (ONNX_FILE, HEADS_FILE, TOKENIZER_FILE)}  # fmt: skip
    for path in files.values():
        if not path.is_file():
            raise EncoderModelMissing(f"the fine-tuned encoder is incomplete: {path} not found (restore it from git)")
    try:
        with np.load(files[HEADS_FILE], allow_pickle=False) as z:
            heads = {k: z[k].astype(np.float32) for k in z.files}
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = int(threads)
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        session = ort.InferenceSession(str(files[ONNX_FILE]), sess_options=opts, providers=["CPUExecutionProvider"])
        tok = load_tokenizer(files[TOKENIZER_FILE])
    except (OSError, ValueError, RuntimeError) as e:
        raise DataError(f"cannot load the fine-tuned encoder from {root} ({e})") from e
    return Model(session, tok, heads, meta, tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]"))


# --------------------------------------------------------------------------- word pieces, windows, pooling
# Shared with helpers.ml.finetune, so training and run time read spans the same way.


def pieces(tok: Tokenizer, sentence: str) -> tuple[np.ndarray, np.ndarray]:
    """Word-piece ids ``(n,)`` with [CLS] and [SEP], and their character offsets ``(n, 2)``."""
    e = tok.encode(sentence)
    return np.asarray(e.ids, dtype=np.int64), np.asarray(e.offsets, dtype=np.int64).reshape(-1, 2)


def span_range(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """First and last (inclusive) word piece overlapping ``[start, end)``; [CLS] and [SEP] excluded.

    A span overlapping no piece (empty, between words, past the end) gets the nearest piece; a
    sentence without pieces gets ``(0, 0)``, the [CLS] row.
    """
    n = len(offsets)
    if n <= 2:
        return 0, 0
    inner = offsets[1 : n - 1]
    hit = np.flatnonzero((inner[:, 0] < end) & (inner[:, 1] > start))
    if len(hit):
        return int(hit[0]) + 1, int(hit[-1]) + 1
    gap = np.maximum(inner[:, 0] - end, 0) + np.maximum(start - inner[:, 1], 0)
    i = int(np.argmin(gap)) + 1
    return i, i


def crop(n: int, ranges: Sequence[tuple[int, int]], max_len: int = WINDOW_PIECES) -> tuple[int, int] | None:
    """The inner pieces ``[a, b)`` of a window of at most ``max_len`` pieces (with [CLS] and [SEP])
    around every range, centred on them; ``None`` when they do not fit in one window.

    A sentence that fits is kept whole: ``(1, n - 1)``.
    """
    budget = max_len - 2
    if n - 2 <= budget:
        return 1, max(1, n - 1)
    lo = min(r[0] for r in ranges)
    hi = max(r[1] for r in ranges)
    if hi - lo + 1 > budget:
        return None
    a = lo - (budget - (hi - lo + 1)) // 2
    a = max(1, min(a, n - 1 - budget))
    return a, a + budget


def fallback_box(n: int, ranges: Sequence[tuple[int, int]], max_len: int = WINDOW_PIECES) -> tuple[int, int]:
    """Inner pieces ``[a, b)`` of a window around ``ranges`` when :func:`crop` finds none: centred on the
    first range (the rest is clipped to the window's edge)."""
    budget = max_len - 2
    lo = ranges[0][0] if ranges else 1
    a = max(1, min(lo - budget // 4, n - 1 - budget))
    return a, a + budget


def boxes(n: int, groups: Sequence[Sequence[tuple[int, int]]], max_len: int = WINDOW_PIECES,
          ) -> list[tuple[tuple[int, int], list[int]]]:  # fmt: skip
    """Windows for the groups of ranges of one sentence: one window for all when they fit, else one per group.

    Returns ``(box, group indices)`` per window; a group's ranges always share a window.
    """
    whole = crop(n, [r for g in groups for r in g], max_len) if any(groups) else crop(n, [], max_len)
    if whole is not None:
        return [(whole, list(range(len(groups))))]
    return [(crop(n, g, max_len) or fallback_box(n, g, max_len), [i]) for i, g in enumerate(groups)]


def cut(ids: np.ndarray, box: tuple[int, int], ranges: Sequence[tuple[int, int]], cls_id: int = 101,
        sep_id: int = 102) -> tuple[np.ndarray, list[tuple[int, int]]]:  # fmt: skip
    """The window ``[CLS] ids[a:b] [SEP]`` and ``ranges`` in its coordinates (clipped to it)."""
    a, b = box
    w = np.concatenate([[cls_id], ids[a:b], [sep_id]]).astype(np.int64)
    t = len(w)
    if t <= 2:
        return w, [(0, 0) for _ in ranges]
    local = []
    for lo, hi in ranges:
        lo, hi = min(max(lo - a + 1, 1), t - 2), min(max(hi - a + 1, 1), t - 2)
        local.append((lo, max(lo, hi)))
    return w, local


def _mean_row(t: int, lo: int, hi: int) -> np.ndarray:
    row = np.zeros(t, dtype=np.float32)
    if hi > lo:
        row[lo:hi] = 1.0 / (hi - lo)
    return row


def _inner(t: int) -> tuple[int, int]:
    return (1, t - 1) if t > 2 else (0, t)


def target_weights(t: int, span: tuple[int, int], parts: Sequence[str]) -> np.ndarray:
    """Pooling weights ``(len(parts), t)`` over a window of ``t`` pieces for a target's pieces ``span``.

    Parts: ``span`` (mean of the target's pieces), ``sent`` (mean of all pieces but [CLS]/[SEP]),
    ``cls`` (the [CLS] row), ``ctx`` (mean of up to :data:`CONTEXT` pieces on each side; zeros if none).
    """
    lo, hi = span
    a, b = _inner(t)
    rows = []
    for part in parts:
        if part == "span":
            rows.append(_mean_row(t, lo, hi + 1))
        elif part == "sent":
            rows.append(_mean_row(t, a, b))
        elif part == "cls":
            rows.append(np.eye(1, t, 0, dtype=np.float32)[0])
        elif part == "ctx":
            idx = [*range(max(a, lo - CONTEXT), lo), *range(hi + 1, min(b, hi + 1 + CONTEXT))]
            row = np.zeros(t, dtype=np.float32)
            if idx:
                row[idx] = 1.0 / len(idx)
            rows.append(row)
        else:
            raise DataError(f"unknown target pooling part {part!r}")
    return np.stack(rows)


def pair_weights(t: int, first: tuple[int, int], second: tuple[int, int], parts: Sequence[str]) -> np.ndarray:
    """Pooling weights ``(len(parts), t)`` for two spans, ``first`` starting no later than ``second``.

    Parts: ``first``, ``second`` (means of each span's pieces), ``between`` (the pieces strictly
    between them; zeros when they touch), ``sent``, ``cls``, ``left`` (up to :data:`CONTEXT` pieces
    before ``first``), ``right`` (after ``second``).
    """
    a, b = _inner(t)
    rows = []
    for part in parts:
        if part == "first":
            rows.append(_mean_row(t, first[0], first[1] + 1))
        elif part == "second":
            rows.append(_mean_row(t, second[0], second[1] + 1))
        elif part == "between":
            rows.append(_mean_row(t, first[1] + 1, second[0]))
        elif part == "sent":
            rows.append(_mean_row(t, a, b))
        elif part == "cls":
            rows.append(np.eye(1, t, 0, dtype=np.float32)[0])
        elif part == "left":
            rows.append(_mean_row(t, max(a, first[0] - CONTEXT), first[0]))
        elif part == "right":
            rows.append(_mean_row(t, second[1] + 1, min(b, second[1] + 1 + CONTEXT)))
        else:
            raise DataError(f"unknown pair pooling part {part!r}")
    return np.stack(rows)


def head_logits(heads: dict[str, np.ndarray], name: str, feats: np.ndarray) -> np.ndarray:
    """Logits of head ``name`` (``target`` or ``pair``) over pooled features ``(n, n_parts * dim)``."""
    x = feats
    if f"{name}.hidden.weight" in heads:
        x = np.tanh(x @ heads[f"{name}.hidden.weight"].T + heads[f"{name}.hidden.bias"])
    return x @ heads[f"{name}.out.weight"].T + heads[f"{name}.out.bias"]


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of logits."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


# --------------------------------------------------------------------------- running the encoder


def run(session: ort.InferenceSession, inputs: Sequence[np.ndarray], batch: int = BATCH) -> list[np.ndarray]:
    """Last hidden states ``(len(ids), dim)`` of each input, batched in order of length (padding with 0)."""
    out: list[np.ndarray] = [np.zeros((0, 0), np.float32)] * len(inputs)
    order = np.argsort([len(x) for x in inputs], kind="stable")
    for s in range(0, len(order), batch):
        chunk = order[s : s + batch]
        t = max(len(inputs[i]) for i in chunk)
        ids = np.zeros((len(chunk), t), dtype=np.int64)
        mask = np.zeros((len(chunk), t), dtype=np.int64)
        for r, i in enumerate(chunk):
            ids[r, : len(inputs[i])] = inputs[i]
            mask[r, : len(inputs[i])] = 1
        (hidden,) = session.run(["hidden"], {"input_ids": ids, "attention_mask": mask})
        for r, i in enumerate(chunk):
            out[i] = np.ascontiguousarray(hidden[r, : len(inputs[i])], dtype=np.float32)
    return out


def encode(sentences: Sequence[str], *, model_dir: str | Path = MODEL_DIR, threads: int = 1) -> list[Encoded]:
    """Each sentence through the fine-tuned encoder, one pass each (batched by length).

    Sentences longer than :data:`MAX_PIECES` word pieces keep their first ``MAX_PIECES - 2`` pieces.
    """
    m = load_model(model_dir, threads)
    ids_list, offs = [], []
    for s in sentences:
        ids, off = pieces(m.tokenizer, s)
        if len(ids) > MAX_PIECES:
            ids = np.concatenate([ids[: MAX_PIECES - 1], ids[-1:]])
            off = np.concatenate([off[: MAX_PIECES - 1], np.zeros((1, 2), np.int64)])
        ids_list.append(ids)
        offs.append(off)
    return [Encoded(h, o) for h, o in zip(run(m.session, ids_list), offs, strict=True)]


def _read(m: Model, sentences: Sequence[str], spans: Sequence[list[tuple[int, int]]],
          ) -> tuple[list[np.ndarray], list[int], list[list[tuple[int, int]]]]:  # fmt: skip
    """Encode each distinct sentence once (once per item only when its items' spans do not fit one window).

    ``spans[k]`` lists the character spans item ``k`` reads. Returns the windows' hidden states, each
    item's window, and each item's spans as piece ranges in its window.
    """
    by_sentence: dict[str, list[int]] = {}
    for k, s in enumerate(sentences):
        by_sentence.setdefault(s, []).append(k)
    inputs: list[np.ndarray] = []
    which = [0] * len(sentences)
    local: list[list[tuple[int, int]]] = [[] for _ in sentences]
    for s, items in by_sentence.items():
        ids, off = pieces(m.tokenizer, s)
        groups = [[span_range(off, *sp) for sp in spans[k]] for k in items]
        for box, members in boxes(len(ids), groups):
            flat = [r for g in members for r in groups[g]]
            w, loc = cut(ids, box, flat, m.cls_id, m.sep_id)
            for g in members:
                which[items[g]] = len(inputs)
                local[items[g]], loc = loc[: len(groups[g])], loc[len(groups[g]) :]
            inputs.append(w)
    return run(m.session, inputs), which, local


def target_logits(items: Sequence[TargetItem], *, model_dir: str | Path = MODEL_DIR, threads: int = 1) -> np.ndarray:
    """Uncalibrated logits ``(n, 3)`` of the target head (see :func:`predict_targets`)."""
    m = load_model(model_dir, threads)
    if not items:
        return np.zeros((0, 3), np.float32)
    hidden, which, local = _read(m, [s for s, _, _ in items], [[(a, b)] for _, a, b in items])
    parts = m.meta["pooling"]["target"]
    feats = np.stack([(target_weights(len(hidden[w]), loc[0], parts) @ hidden[w]).reshape(-1)
                      for w, loc in zip(which, local, strict=True)])  # fmt: skip
    return head_logits(m.heads, "target", feats)


def pair_logits(items: Sequence[PairItem], *, model_dir: str | Path = MODEL_DIR, threads: int = 1) -> np.ndarray:
    """Uncalibrated logits ``(n, 5)`` of the pair head, in the DSE classes of ``(p, q)`` as given."""
    m = load_model(model_dir, threads)
    if not items:
        return np.zeros((0, 5), np.float32)
    swapped = [p[0] > q[0] for _, p, q in items]
    ordered = [[q, p] if sw else [p, q] for (_, p, q), sw in zip(items, swapped, strict=True)]
    hidden, which, local = _read(m, [s for s, _, _ in items], ordered)
    parts = m.meta["pooling"]["pair"]
    feats = np.stack([(pair_weights(len(hidden[w]), loc[0], loc[1], parts) @ hidden[w]).reshape(-1)
                      for w, loc in zip(which, local, strict=True)])  # fmt: skip
    logits = head_logits(m.heads, "pair", feats)
    back = np.asarray(SWAP_PAIR_CLASSES)
    return np.where(np.asarray(swapped)[:, None], logits[:, back], logits)


def predict_targets(items: Sequence[TargetItem], *, model_dir: str | Path = MODEL_DIR, threads: int = 1) -> np.ndarray:
    """Calibrated probabilities ``(n, 3)`` of [negative, neutral, positive] sentiment toward each target.

    Args:
        items: ``(sentence, start, end)``; ``sentence[start:end]`` is the target mention.
        model_dir: the model's folder (default: the committed one).
        threads: onnxruntime intra-op threads.

    Each distinct sentence is encoded once, however many of its targets are asked for.
    """
    m = load_model(model_dir, threads)
    return softmax(target_logits(items, model_dir=model_dir, threads=threads) / m.meta["temperature"]["target"])


def predict_pairs(items: Sequence[PairItem], *, model_dir: str | Path = MODEL_DIR, threads: int = 1) -> np.ndarray:
    """Calibrated probabilities ``(n, 5)`` of the DSE classes for each ordered pair ``(p, q)``.

    Columns: 0 neutral, 1 p positive toward q, 2 q positive toward p, 3 p negative toward q,
    4 q negative toward p (Park, Pan & Joo 2021).

    Args:
        items: ``(sentence, (p_start, p_end), (q_start, q_end))``.
        model_dir: the model's folder (default: the committed one).
        threads: onnxruntime intra-op threads.

    Each distinct sentence is encoded once, however many of its pairs are asked for.
    """
    m = load_model(model_dir, threads)
    return softmax(pair_logits(items, model_dir=model_dir, threads=threads) / m.meta["temperature"]["pair"])
