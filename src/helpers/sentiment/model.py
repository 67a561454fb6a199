"""The trained sentiment methods: ``linear`` (a target-aware linear classifier) and ``model`` (it, fused
with a classifier over frozen transformer features), both trained on NewsMTSC.

Trained on ``train.jsonl`` of NewsMTSC (Hamborg & Donnay, "NewsMTSC: (Multi-)Target-dependent
Sentiment Classification in News Articles", EACL 2021; MIT licence) only. A fixed 85/15 split of
train by ``primary_gid`` hash (:func:`is_validation`) selects the regularisation, the fusion weight,
the lexicon methods' label thresholds and the ``default`` method; the devtest files are never read here.

``linear`` -- features of one target (its own tokens masked as ``<t>``): the sentence's words and word
bigrams, words left and right of the target (within 5 tokens) and in its clause, the two words on each
side, word bigrams and trigrams of the 6 tokens on each side (target as ``<t>``), the target's role
(subject, passive subject, object, ``by``-agent, speaker, inside a quotation), and the scoped
TextBlob/VADER/news-lexicon scores of :mod:`helpers.sentiment.methods`, raw and binned.
Multinomial logistic regression (scikit-learn's lbfgs) plus one-vs-rest NB-LR learn the weights, and
two per-class bias offsets (negative, positive) tuned on the validation split calibrate the decision.
Every score decomposes into word contributions. About 0.3 ms per target.

``model`` -- the ``linear`` logits plus a weighted logistic regression over 2,304 contextual features
of the target from all-MiniLM-L6-v2 (:mod:`helpers.ml.minilm`: the target's word pieces, a window around
it and the sentence, at layers 3 and 6), with offsets of its own. The encoder reads the whole sentence
in context, which the bag of words cannot; its evidence is still the linear part's words. About 15-30 ms
per sentence on one core (one encoder pass per sentence, shared by its targets).

Inference is numpy only: ``model.npz`` (sorted feature names, weights), ``encoder.npz`` (standardisation
and weights of the encoder head) and ``model.json`` (metadata, fusion weight and offsets).

Run ``python -m helpers.sentiment.model --data ../shared/newsmtsc [--out data/models/sentiment]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import numpy as np

from helpers.config import NEWSMTSC_DIR
from helpers.errors import DataError, DatasetMissing
from helpers.ml.minilm import WEIGHTS_SHA256, fit_head, fit_temperature
from helpers.reports.export import atomic_write, write_text
from helpers.sentiment import methods as S

POLARITY_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
#: Share of train.jsonl held out for validation, in percent of primary_gid hashes.
VALIDATION_PERCENT = 15
_WINDOW = 5
#: Tokens on each side of the target whose word bigrams/trigrams are features.
_NGRAM_WINDOW = 6
_MIN_COUNT = 2
_LEXICON_METHODS = ("textblob", "vader")


class Example(NamedTuple):
    """One NewsMTSC target: ``sentence[start:end]`` is the mention; the label is one of ``LABELS``."""

    gid: str
    sentence: str
    start: int
    end: int
    label: str


def load_newsmtsc(data_dir: str | Path = NEWSMTSC_DIR, split: str = "train") -> list[Example]:
    """Every target of every sentence of ``<data_dir>/<split>.jsonl`` (polarity 2/4/6 -> neg/neu/pos).

    Raises:
        DatasetMissing: the file is not there.
        DataError: a line is not a NewsMTSC record.
    """
    path = Path(data_dir) / f"{split}.jsonl"
    if not path.is_file():
        raise DatasetMissing(f"NewsMTSC file {path} not found; pass --data pointing at the NewsMTSC directory")
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            try:
                d = json.loads(line)
                for t in d["targets"]:
                    out.append(Example(d["primary_gid"], d["sentence_normalized"], int(t["from"]), int(t["to"]),
                                       POLARITY_LABELS[float(t["polarity"])]))
            except (ValueError, KeyError, TypeError) as e:
                raise DataError(f"{path}:{n}: not a NewsMTSC record ({e})") from e
    return out


def is_validation(gid: str) -> bool:
    """Whether a train sentence is in the fixed validation split (md5 of ``primary_gid``, 15 %)."""
    return int(hashlib.md5(gid.encode("utf-8")).hexdigest(), 16) % 100 < VALIDATION_PERCENT


# --------------------------------------------------------------------------- features



def _bin(x: float) -> str:
    return "--" if x <= -0.3 else "-" if x < -0.02 else "++" if x >= 0.3 else "+" if x > 0.02 else "0"


class _View(NamedTuple):
    """Per-sentence strings reused by every target of the sentence."""

    parsed: S.Parsed
    tags: tuple[str, ...]
    seq: tuple[str, ...]  # words, digits as <num>
    uni: tuple[str | None, ...]  # "u:w" for words and numbers, None for punctuation
    bigrams: tuple[str, ...]  # "b:w_i_w_i+1" for i in 0..n-2
    has_quote: bool
    index: dict[int, int]  # token start offset -> token index


@lru_cache(maxsize=4096)
def _view(sentence: str) -> _View:
    parsed = S.parse(sentence)
    seq = tuple("<num>" if w[:1].isdigit() else w for w in parsed.words)
    uni = tuple("u:" + w if w.isalpha() or w == "<num>" else None for w in seq)
    bigrams = tuple(f"b:{a}_{b}" for a, b in pairwise(seq))
    return _View(parsed, tuple(t.tag for t in parsed.tokens), seq, uni, bigrams, any(q != -1 for q in parsed.quote),
                 {t.start: i for i, t in enumerate(parsed.tokens)})


def _window_ngrams(seq: Sequence[str], lo: int, hi: int) -> list[tuple[str, int]]:
    """Word bigrams and trigrams of the ``_NGRAM_WINDOW`` tokens on each side of the target (as ``<t>``)."""
    n = len(seq)
    left = (["<s>"] if lo <= _NGRAM_WINDOW else []) + list(seq[max(0, lo - _NGRAM_WINDOW):lo]) + ["<t>"]
    right = ["<t>", *seq[hi + 1:hi + 1 + _NGRAM_WINDOW]] + (["</s>"] if hi + 1 + _NGRAM_WINDOW >= n else [])
    out = []
    for side, ws in (("l", left), ("r", right)):
        out.extend((f"w{side}2:{a}_{b}", -1) for a, b in pairwise(ws))
        out.extend((f"w{side}3:{a}_{b}_{c}", -1) for a, b, c in zip(ws, ws[1:], ws[2:], strict=False))
    return out


def features(sentence: str, start: int, end: int) -> tuple[list[tuple[str, int]], np.ndarray]:
    """Sparse features of the target ``sentence[start:end]`` and its dense lexicon features.

    Returns:
        ``(names, dense)``: feature names with the index of the token each comes from
        (-1 if none; a name can repeat), and 6 lexicon scores in [-1, 1] (TextBlob,
        VADER: score, negative part, positive part).
    """
    view = _view(sentence)
    parsed, seq, uni = view.parsed, view.seq, view.uni
    target = S.target_tokens(parsed, start, end)
    words, tokens, clause = parsed.words, parsed.tokens, parsed.clause
    n = len(words)
    lo, hi = (target[0], target[-1]) if target else (0, -1)
    clauses = {clause[i] for i in target}
    out: list[tuple[str, int]] = []
    for i in range(n):
        u = uni[i]
        if u is None or lo <= i <= hi:
            continue
        w = seq[i]
        out.append((u, i))
        if clause[i] in clauses:
            out.append(("c:" + w, i))
        if lo - _WINDOW <= i < lo:
            out.append(("l:" + w, i))
        elif hi < i <= hi + _WINDOW:
            out.append(("r:" + w, i))
    bigrams = view.bigrams
    out.extend((bigrams[i], i + 1) for i in range(0, max(0, lo - 1)))
    out.extend((bigrams[i], i + 1) for i in range(hi + 1, n - 1))
    if target:
        out.append((f"b:{seq[lo - 1] if lo else '<s>'}_<t>", lo - 1))
        out.append((f"b:<t>_{seq[hi + 1] if hi + 1 < n else '</s>'}", hi + 1 if hi + 1 < n else -1))
        if lo:
            out.append(("b:<s>_" + seq[0], 0))
        if hi + 1 < n:
            out.append((f"b:{seq[n - 1]}_</s>", n - 1))
        left = ["<s>", *seq[:lo]][-2:] if lo < 2 else list(seq[lo - 2:lo])
        right = [*seq[hi + 1:hi + 3], "</s>"][:2]
    else:
        out.extend([("b:<s>_" + seq[0], 0), (f"b:{seq[n - 1]}_</s>", n - 1)] if n else [("b:<s>_</s>", -1)])
        left, right = [], ["<s>", *seq][:2]
    out.append(("L2:" + "_".join(left), -1))
    out.append(("R2:" + "_".join(right), -1))
    if target:
        out.extend(_window_ngrams(seq, lo, hi))
    tags = view.tags
    speaker = bool(target) and S._is_speaker(parsed, target)
    if target:
        nxt = tags[hi + 1] if hi + 1 < n else "END"
        prv = tags[lo - 1] if lo > 0 else "START"
        out.append(("tagR:" + nxt, -1))
        out.append(("tagL:" + prv, -1))
        out.append(("tagLR:" + prv + "_" + nxt, -1))
        verb = next((j for j in range(hi + 1, min(n, hi + 5)) if tags[j].startswith("VB")), None)
        if verb is not None and words[verb] in S._BE:  # "was (not) accused": the main verb, not the auxiliary
            j = verb + 1
            while j < min(n, verb + 4) and tags[j] == "RB":
                j += 1
            if j < n and tags[j].startswith("VB"):
                verb = j
        passive = verb is not None and tags[verb] == "VBN" and any(words[j] in S._BE for j in range(hi + 1, verb))
        role = "subj-pass" if passive else "subj" if verb is not None and parsed.clause[verb] in clauses else "nonsubj"
        if lo > 0 and words[lo - 1] == "by":
            role = "by"
        out.append(("role:" + role, -1))
        if verb is not None and parsed.clause[verb] in clauses:
            out.append((f"rv:{role}:{words[verb]}", verb))
        if lo == 0 or (lo > 0 and tokens[lo - 1].text in "“\""):
            out.append(("pos:first", -1))
        if parsed.quote[lo] != -1:
            out.append(("inquote", -1))
        if view.has_quote:
            out.append(("hasquote", -1))
        if speaker:
            out.append(("speaker", -1))
        if (lo and words[lo - 1] in {"his", "her"}) or (hi + 1 < n and words[hi + 1] == "'s"):
            out.append(("possessive", -1))
    if target:
        ttags = [tags[i] for i in target]
        ttype = next((k for k in ("PRP", "NNP") if any(t.startswith(k) for t in ttags)), "other")
        out.append(("ttype:" + ttype, -1))
        out.append((f"tlen:{min(len(target), 3)}", -1))
    index = view.index
    dense = []
    for m in _LEXICON_METHODS:
        ev = S.explain(parsed, target, S.get_method(m).scorer(), speaker=speaker)
        for e in ev:
            i = index[e.start]
            sign = "neg" if e.weight < 0 else "pos"
            region = "same" if parsed.clause[i] in clauses else "other"
            side = "L" if target and i < lo else "R"
            out.append((f"lx:{m}:{sign}:{region}", i))
            out.append((f"lx:{m}:{sign}:{region}:{side}", i))
            out.append((f"lx:{m}:{sign}:{'q' if parsed.quote[i] != -1 else 'nq'}", i))
        neg = sum(e.weight for e in ev if e.weight < 0)
        pos = sum(e.weight for e in ev if e.weight > 0)
        s = max(-1.0, min(1.0, neg + pos))
        dense.extend([s, max(-1.0, neg), min(1.0, pos)])
        out.append((f"lex:{m}:{_bin(s)}", -1))
        out.append((f"lexrole:{m}:{_bin(s)}:{role if target else 'none'}", -1))
    return out, np.asarray(dense, dtype=np.float64)


# --------------------------------------------------------------------------- model


class Model(NamedTuple):
    """Weights of the linear model: ``logits = W[:, sparse].sum(1) + D @ dense + b``."""

    vocab: dict[str, int]
    sparse: np.ndarray  # (n_features, 3)
    dense: np.ndarray  # (n_dense, 3)
    bias: np.ndarray  # (3,)


@cache
def load_model(model_dir: str | Path = S.MODEL_DIR) -> Model:
    """The committed model (``model.npz``), loaded once per process."""
    path = Path(model_dir) / "model.npz"
    try:
        with np.load(path, allow_pickle=False) as z:
            names = [str(x) for x in z["vocab"]]
            return Model({w: i for i, w in enumerate(names)}, z["sparse"].astype(np.float64),
                         z["dense"].astype(np.float64), z["bias"].astype(np.float64))
    except (OSError, KeyError, ValueError) as e:
        raise DataError(
            f"cannot load the sentiment model {path} ({e}); retrain it with "
            "`python -m helpers.sentiment.model --data ../shared/newsmtsc`"
        ) from e


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    e = np.exp(z)
    return e / e.sum()


def linear_logits(model: Model, sentence: str, start: int, end: int) -> tuple[np.ndarray, list[S.Evidence]]:
    """The linear model's class logits (negative, neutral, positive) and per-word evidence for one target.

    Features are binary (a repeated name counts once, as in training). Evidence weights are each
    word's contribution to ``logit(positive) - logit(negative)`` (summed over the features it takes
    part in, a feature shared by several words split evenly); they explain, they do not add up to
    the score.
    """
    names, dense = features(sentence, start, end)
    vocab = model.vocab
    owners: dict[int, list[int]] = {}  # feature row -> tokens it comes from (features are binary)
    for name, i in names:
        j = vocab.get(name)
        if j is None:
            continue
        toks = owners.setdefault(j, [])
        if i >= 0 and i not in toks:
            toks.append(i)
    rows = model.sparse[list(owners)] if owners else np.zeros((0, 3))
    logits = model.bias + dense @ model.dense + rows.sum(axis=0)
    per_token: dict[int, float] = {}
    for d, toks in zip((rows[:, 2] - rows[:, 0]).tolist(), owners.values(), strict=True):
        for i in toks:
            per_token[i] = per_token.get(i, 0.0) + d / len(toks)
    tokens = _view(sentence).parsed.tokens
    ranked = sorted((-abs(r), i, r) for i, r in ((i, round(w, 4)) for i, w in per_token.items() if abs(w) >= 0.05))
    evidence: list[S.Evidence] = []
    for _, i, w in ranked:  # only the 8 strongest words become Evidence objects
        t = tokens[i]
        if t.text[:1].isalnum():
            evidence.append(S.Evidence(t.text, t.start, t.end, w))
            if len(evidence) == 8:
                break
    return logits, evidence


def predict(model: Model, sentence: str, start: int, end: int) -> tuple[np.ndarray, list[S.Evidence]]:
    """Class probabilities of the linear model and its per-word evidence (see :func:`linear_logits`)."""
    logits, evidence = linear_logits(model, sentence, start, end)
    return _softmax(logits), evidence


class EncoderHead(NamedTuple):
    """Logistic regression over standardised encoder features, fused with the linear logits.

    ``logits = (linear + weight * (((f - mean) / scale) @ coef + bias) + offsets) / temperature``.
    """

    mean: np.ndarray  # (2304,)
    scale: np.ndarray
    coef: np.ndarray  # (2304, 3)
    bias: np.ndarray  # (3,)
    weight: float
    offsets: np.ndarray  # (3,)
    temperature: float


@cache
def load_head(model_dir: str | Path = S.MODEL_DIR) -> EncoderHead:
    """The committed encoder head (``encoder.npz`` and the fusion settings in ``model.json``)."""
    path = Path(model_dir) / "encoder.npz"
    try:
        fusion = json.loads((Path(model_dir) / "model.json").read_text(encoding="utf-8"))["encoder"]
        with np.load(path, allow_pickle=False) as z:
            return EncoderHead(z["mean"].astype(np.float32), z["scale"].astype(np.float32),
                               z["coef"].astype(np.float32), z["bias"].astype(np.float64),
                               float(fusion["fusion_weight"]), np.asarray(fusion["offsets"], dtype=np.float64),
                               float(fusion["temperature"]))
    except (OSError, KeyError, ValueError) as e:
        raise DataError(
            f"cannot load the sentiment encoder head {path} ({e}); retrain it with "
            "`python -m helpers.sentiment.model --data ../shared/newsmtsc`"
        ) from e


def head_logits(head: EncoderHead, feats: np.ndarray) -> np.ndarray:
    """The encoder head's own logits for rows of encoder features."""
    return ((feats - head.mean) / head.scale) @ head.coef + head.bias


class LinearMethod(S.SentimentMethod):
    """The target-aware linear classifier alone: fast, every score explained by words; P(pos) - P(neg)."""

    name = "linear"

    def __init__(self, model_dir: str | Path = S.MODEL_DIR) -> None:
        self.model = load_model(model_dir)

    def score(self, items: Sequence[S.Item]) -> list[S.TargetScore]:
        out = []
        for sentence, start, end in items:
            p, ev = predict(self.model, sentence, start, end)
            out.append(S.TargetScore(S.LABELS[int(np.argmax(p))], round(float(p[2] - p[0]), 4), self.name, tuple(ev)))
        return out


class ModelMethod(S.SentimentMethod):
    """The linear classifier fused with a classifier over frozen MiniLM features (:mod:`helpers.ml.minilm`).

    Score = P(positive) - P(negative) of the fused logits. The evidence is the linear part's words;
    the encoder part, about half of the decision, has no per-word breakdown.
    """

    name = "model"

    def __init__(self, model_dir: str | Path = S.MODEL_DIR) -> None:
        from helpers.ml import minilm as encoder

        self.model = load_model(model_dir)
        self.head = load_head(model_dir)
        encoder.load_encoder()  # fail here, with the install hint, rather than on the first item

    def score(self, items: Sequence[S.Item]) -> list[S.TargetScore]:
        from helpers.ml.minilm import single_threaded, target_features

        if not items:
            return []
        linear = [linear_logits(self.model, *item) for item in items]
        with single_threaded():
            feats = np.stack([target_features(*item) for item in items])
        fused = np.stack([lg for lg, _ in linear]) + self.head.weight * head_logits(self.head, feats)
        fused = (fused + self.head.offsets) / self.head.temperature
        out = []
        for z, (_, ev) in zip(fused, linear, strict=True):
            p = _softmax(z)
            out.append(S.TargetScore(S.LABELS[int(np.argmax(p))], round(float(p[2] - p[0]), 4), self.name, tuple(ev)))
        return out


# --------------------------------------------------------------------------- training


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Macro-F1, accuracy and per-class F1 (all in [0, 1], rounded to 4 dp)."""
    out: dict[str, float] = {}
    for lab in S.LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        n_pred, n_gold = sum(p == lab for p in pred), sum(g == lab for g in gold)
        out[f"f1_{lab}"] = round(2 * tp / (n_pred + n_gold), 4) if n_pred + n_gold else 0.0
    out["macro_f1"] = round(sum(out[f"f1_{lab}"] for lab in S.LABELS) / 3, 4)
    out["accuracy"] = round(sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold)), 4)
    return out


_GRID = tuple(round(x, 2) for x in np.arange(0.0, 0.51, 0.05))


def tune_thresholds(scores: Sequence[float], gold: Sequence[str]) -> tuple[tuple[float, float], float]:
    """Label thresholds ``(-a, b)`` maximising macro-F1 over a 0.05 grid (ties: smallest a, b)."""
    best: tuple[float, tuple[float, float]] = (-1.0, (-0.1, 0.1))
    for a in _GRID:
        for b in _GRID:
            th = (-a if a else -0.001, b if b else 0.001)
            f = macro_f1(gold, [S.label_of(s, th) for s in scores])["macro_f1"]
            if f > best[0]:
                best = (f, th)
    return best[1], best[0]


_OFFSETS = tuple(round(x, 1) for x in np.arange(-1.0, 1.01, 0.1))


def tune_offsets(logits: np.ndarray, gold: Sequence[str]) -> tuple[np.ndarray, dict[str, float]]:
    """Per-class additive logit offsets ``(d_neg, 0, d_pos)`` maximising macro-F1 (0.1 grid in [-1, 1]).

    Ties go to the smallest ``|d_neg| + |d_pos|``, so zero offsets win unless a shift helps.
    Returns the offsets and the metrics with them applied.
    """
    best: tuple[tuple[float, float], np.ndarray, dict[str, float]] | None = None
    for d0 in _OFFSETS:
        for d2 in _OFFSETS:
            d = np.array([d0, 0.0, d2])
            m = macro_f1(gold, [S.LABELS[int(k)] for k in np.argmax(logits + d, axis=1)])
            key = (m["macro_f1"], -round(abs(d0) + abs(d2), 1))
            if best is None or key > best[0]:
                best = (key, d, m)
    assert best is not None
    return best[1], best[2]


Feats = tuple[list[tuple[str, int]], np.ndarray]


def _matrix(feats: Sequence[Feats], vocab: dict[str, int]):
    from scipy import sparse

    rows, cols, dense = [], [], []
    for r, (names, d) in enumerate(feats):
        idx = sorted({vocab[nm] for nm, _ in names if nm in vocab})
        rows.extend([r] * len(idx))
        cols.extend(idx)
        dense.append(d)
    x = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(feats), len(vocab)))
    return sparse.hstack([x, sparse.csr_matrix(np.asarray(dense))], format="csr")


def _vocab(feats: Sequence[Feats]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for names, _ in feats:
        for nm in {nm for nm, _ in names}:
            counts[nm] = counts.get(nm, 0) + 1
    return {w: i for i, w in enumerate(sorted(w for w, k in counts.items() if k >= _MIN_COUNT))}


def _fit_lr(x, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression: weights (features, 3) and bias (3,)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=3000, tol=1e-4, class_weight="balanced").fit(x, y)
    return clf.coef_.T.copy(), clf.intercept_.copy()


def _fit_nb(x, y: np.ndarray, c: float, n_dense: int) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest NB-LR (Wang & Manning, ACL 2012) folded into plain linear weights.

    Each class k scales binary feature j by its log-count ratio r_kj and fits a logistic
    regression on the scaled features; ``w_kj * r_kj`` is then a weight on the binary feature.
    Dense (lexicon) features are left unscaled.
    """
    from sklearn.linear_model import LogisticRegression

    w = np.zeros((x.shape[1], 3))
    b = np.zeros(3)
    for k in range(3):
        binary = x[:, : x.shape[1] - n_dense]
        pos = np.asarray(binary[y == k].sum(0)).ravel() + 1.0
        neg = np.asarray(binary[y != k].sum(0)).ravel() + 1.0
        r = np.concatenate([np.log(pos / pos.sum()) - np.log(neg / neg.sum()), np.ones(n_dense)])
        clf = LogisticRegression(C=c, max_iter=3000, tol=1e-4, class_weight="balanced")
        clf.fit(x.multiply(r).tocsr(), (y == k).astype(int))
        w[:, k] = clf.coef_.ravel() * r
        b[k] = clf.intercept_[0]
    return w, b


#: (C of the multinomial LR, C of the NB-LR, weight of the NB-LR in the sum of logits).
_CONFIGS = tuple((c, cn, a) for c in (0.03, 0.05) for cn in (0.1, 0.2) for a in (0.0, 0.5, 1.0, 2.0))


def _fit_all(feats: Sequence[Feats], y: np.ndarray) -> tuple[dict[str, int], dict, dict]:
    vocab = _vocab(feats)
    x = _matrix(feats, vocab)
    n_dense = x.shape[1] - len(vocab)
    lr = {c: _fit_lr(x, y, c) for c in sorted({c for c, _, _ in _CONFIGS})}
    nb = {c: _fit_nb(x, y, c, n_dense) for c in sorted({c for _, c, _ in _CONFIGS})}
    return vocab, lr, nb


def _combine(lr, nb, config) -> tuple[np.ndarray, np.ndarray]:
    c, cn, a = config
    return lr[c][0] + a * nb[cn][0], lr[c][1] + a * nb[cn][1]


def train(data_dir: str | Path = NEWSMTSC_DIR, out_dir: str | Path = S.MODEL_DIR) -> dict:
    """Train the ``model`` method on NewsMTSC ``train.jsonl`` and write it to ``out_dir``.

    Selects the regularisation and ensemble weight on the validation split, tunes the lexicon
    methods' label thresholds on the training part, picks ``default`` (the method best on
    validation, recorded as ``best_on_validation`` too), then refits the model on all of train.

    Args:
        data_dir: directory holding ``train.jsonl`` (devtest files are not read).
        out_dir: where ``model.npz`` and ``model.json`` are written.

    Returns:
        The metadata written to ``model.json`` (validation metrics per method, configuration, default).
    """
    t0 = time.perf_counter()
    examples = load_newsmtsc(data_dir, "train")
    fit_part = [ex for ex in examples if not is_validation(ex.gid)]
    val_part = [ex for ex in examples if is_validation(ex.gid)]
    gold_val = [ex.label for ex in val_part]
    validation: dict[str, dict[str, float]] = {}
    thresholds: dict[str, list[float]] = {}
    for m in _LEXICON_METHODS:
        method = S.get_method(m)
        fit_scores = [s.score for s in method.score([ex[1:4] for ex in fit_part])]
        th, _ = tune_thresholds(fit_scores, [ex.label for ex in fit_part])
        thresholds[m] = list(th)
        val_scores = [s.score for s in method.score([ex[1:4] for ex in val_part])]
        validation[m] = macro_f1(gold_val, [S.label_of(s, th) for s in val_scores])
    feats = [features(ex.sentence, ex.start, ex.end) for ex in examples]
    fit_feats = [f for f, ex in zip(feats, examples, strict=True) if not is_validation(ex.gid)]
    val_feats = [f for f, ex in zip(feats, examples, strict=True) if is_validation(ex.gid)]
    y_fit = np.asarray([S.LABELS.index(ex.label) for ex in fit_part])
    vocab, lr, nb = _fit_all(fit_feats, y_fit)
    x_val = _matrix(val_feats, vocab)
    by_config = {}
    for config in _CONFIGS:
        w, b = _combine(lr, nb, config)
        by_config[config] = macro_f1(gold_val, [S.LABELS[int(k)] for k in np.argmax(x_val @ w + b, axis=1)])
    best = max(_CONFIGS, key=lambda cf: (by_config[cf]["macro_f1"], -cf[2], -cf[0], -cf[1]))
    w, b = _combine(lr, nb, best)
    offsets, calibrated = tune_offsets(x_val @ w + b, gold_val)
    uncalibrated = by_config[best]
    validation["linear"] = calibrated
    y_all = np.asarray([S.LABELS.index(ex.label) for ex in examples])
    is_val = np.asarray([is_validation(ex.gid) for ex in examples])
    enc = encoder_features(examples)
    head_choice = _select_head(enc, y_all, is_val, x_val @ w + b + offsets, gold_val)
    validation["model"] = head_choice["validation"]
    vocab, lr, nb = _fit_all(feats, y_all)
    w, b = _combine(lr, nb, best)
    b = b + offsets
    n_sparse = len(vocab)
    keep = np.abs(w[:n_sparse]).max(axis=1) >= 1e-4
    names = np.asarray(sorted(vocab, key=vocab.get))[keep]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with atomic_write(out / "model.npz", "wb") as fh:
        np.savez_compressed(fh, vocab=names.astype(str),
                            sparse=np.round(w[:n_sparse][keep], 4).astype(np.float32),
                            dense=np.round(w[n_sparse:], 4).astype(np.float32),
                            bias=np.round(b, 4).astype(np.float32))
    mean, scale, coef, hbias = fit_head(enc, y_all, np.ones(len(y_all), dtype=bool), head_choice["C"])
    with atomic_write(out / "encoder.npz", "wb") as fh:
        np.savez_compressed(fh, mean=mean, scale=scale, coef=np.round(coef, 6).astype(np.float32),
                            bias=np.round(hbias, 6).astype(np.float32))
    best_overall = max(validation, key=lambda m: (validation[m]["macro_f1"], m))
    default = best_overall  # the spec's rule: default is the method best on validation
    meta = {
        "data": "NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; MIT)",
        "validation_split": f"md5(primary_gid) % 100 < {VALIDATION_PERCENT}",
        "n_train": len(fit_part), "n_validation": len(val_part), "n_features": int(keep.sum()),
        "config": {"C_lr": best[0], "C_nblr": best[1], "nblr_weight": best[2],
                   "bias_offsets": [round(float(v), 2) for v in offsets]},
        "validation_model_uncalibrated": uncalibrated,
        "config_grid": {f"C_lr={c} C_nblr={cn} nblr_weight={a}": by_config[(c, cn, a)]["macro_f1"]
                        for c, cn, a in _CONFIGS},
        "validation": validation, "thresholds": thresholds, "default_method": default,
        "best_on_validation": best_overall,
        "default_rule": "best validation macro-F1 among all methods",
        "encoder": {"C": head_choice["C"], "fusion_weight": head_choice["weight"],
                    "offsets": [round(float(v), 2) for v in head_choice["offsets"]],
                    "temperature": head_choice["temperature"],
                    "C_grid": head_choice["C_grid"], "weight_grid": head_choice["weight_grid"],
                    "validation_uncalibrated": head_choice["uncalibrated"],
                    "features": "frozen all-MiniLM-L6-v2 (helpers.ml.minilm): mean of layers 6 and 3 over the target's "
                                "word pieces, +-5 pieces around it, and the sentence; standardised",
                    "weights_sha256": WEIGHTS_SHA256,
                    "classifier": "multinomial logistic regression, class_weight=balanced, lbfgs; model = softmax(("
                                  "linear logits (with their offsets) + fusion_weight x its logits + offsets) / "
                                  "temperature), the temperature minimising validation log loss"},
        "classifier": "sum of logits: multinomial logistic regression + nblr_weight x one-vs-rest NB-LR "
                      "(Wang & Manning 2012), both class_weight=balanced, lbfgs; binary sparse + 6 lexicon features; "
                      "per-class bias offsets (negative, positive) tuned on validation, added to the refit bias",
    }
    write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", out / "model.json")
    load_model.cache_clear()
    load_head.cache_clear()
    S.model_card.cache_clear()
    S.get_method.cache_clear()
    return {**meta, "seconds": round(time.perf_counter() - t0, 1)}


def encoder_features(examples: Sequence[Example]) -> np.ndarray:
    """Encoder features of every example, ``(n, 2304)`` float32 (one forward pass per sentence)."""
    from helpers.ml.minilm import single_threaded, target_features

    with single_threaded():
        return np.stack([target_features(ex.sentence, ex.start, ex.end) for ex in examples])


#: Regularisation of the encoder head and weight of its logits beside the linear ones (chosen on validation).
_HEAD_C = (0.0005, 0.001, 0.002, 0.005)
_FUSION_WEIGHTS = (2.0, 3.0, 4.0, 6.0, 8.0, 12.0)


def _select_head(x: np.ndarray, y: np.ndarray, is_val: np.ndarray, linear_val: np.ndarray,
                 gold_val: Sequence[str]) -> dict:  # fmt: skip
    """The encoder head's C, fusion weight and offsets, each chosen by validation macro-F1 (ties: smaller)."""

    def f1(logits: np.ndarray) -> float:
        return macro_f1(gold_val, [S.LABELS[int(k)] for k in np.argmax(logits, axis=1)])["macro_f1"]

    fit = ~is_val
    val_logits = {}
    for c in _HEAD_C:
        mean, scale, coef, bias = fit_head(x, y, fit, c)
        val_logits[c] = ((x[is_val] - mean) / scale) @ coef + bias
    c_grid = {c: f1(z) for c, z in val_logits.items()}
    c = max(_HEAD_C, key=lambda k: (c_grid[k], -k))
    weight_grid = {a: f1(linear_val + a * val_logits[c]) for a in _FUSION_WEIGHTS}
    weight = max(_FUSION_WEIGHTS, key=lambda a: (weight_grid[a], -a))
    fused = linear_val + weight * val_logits[c]
    offsets, calibrated = tune_offsets(fused, gold_val)
    temperature = fit_temperature(fused + offsets, np.asarray([S.LABELS.index(g) for g in gold_val]))
    return {"C": c, "weight": weight, "offsets": offsets, "validation": calibrated, "temperature": temperature,
            "uncalibrated": macro_f1(gold_val, [S.LABELS[int(k)] for k in np.argmax(fused, axis=1)]),
            "C_grid": {str(k): v for k, v in c_grid.items()},
            "weight_grid": {str(k): v for k, v in weight_grid.items()}}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m helpers.sentiment.model --data DIR [--out DIR]``."""
    ap = argparse.ArgumentParser(description="Train the NewsMTSC target-sentiment model.")
    ap.add_argument("--data", default=str(NEWSMTSC_DIR), help="NewsMTSC directory holding train.jsonl")
    ap.add_argument("--out", default=str(S.MODEL_DIR), help="output directory (default: data/models/sentiment)")
    args = ap.parse_args(argv)
    metrics = train(args.data, args.out)
    print(json.dumps({k: metrics[k] for k in ("validation", "config", "default_method", "seconds")}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
