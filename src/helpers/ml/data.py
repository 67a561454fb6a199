"""The labelled data sets the models learn from and are measured on: NewsMTSC and DSE readers, the fixed
validation split of NewsMTSC train, and the metrics every benchmark and check shares.

Training, benchmarks and model checks read the data through here; nothing at run time does. Paths are
arguments (default ``../shared/...``); a missing file is a :class:`~helpers.errors.DatasetMissing`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from helpers.errors import DataError, DatasetMissing

#: NewsMTSC's polarity codes and the project's sentiment labels.
POLARITY_LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
SENTIMENT_LABELS = ("negative", "neutral", "positive")
#: Share of NewsMTSC train.jsonl held out for validation, in percent of ``primary_gid`` hashes.
VALIDATION_PERCENT = 15
#: DSE classes: 0 neutral; 1 p positive toward q; 2 q positive toward p; 3 p negative toward q; 4 q negative toward p.
DSE_CLASSES = (0, 1, 2, 3, 4)
#: DSE class of the pair read the other way round (p and q swapped).
SWAP_PAIR_CLASSES = (0, 2, 1, 4, 3)


class Example(NamedTuple):
    """One NewsMTSC target: ``sentence[start:end]`` is the mention; the label is one of ``SENTIMENT_LABELS``."""

    gid: str
    sentence: str
    start: int
    end: int
    label: str


class DseRow(NamedTuple):
    """One DSE example: plain sentence, entity spans ``[start, end)``, gold class (0-4)."""

    text: str
    p: tuple[int, int]
    q: tuple[int, int]
    label: int


def load_newsmtsc(data_dir: str | Path, split: str = "train") -> list[Example]:
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
                                       POLARITY_LABELS[float(t["polarity"])]))  # fmt: skip
            except (ValueError, KeyError, TypeError) as e:
                raise DataError(f"{path}:{n}: not a NewsMTSC record ({e})") from e
    return out


def is_validation(gid: str) -> bool:
    """Whether a NewsMTSC train sentence is in the fixed validation split (md5 of ``primary_gid``, 15 %)."""
    return int(hashlib.md5(gid.encode("utf-8")).hexdigest(), 16) % 100 < VALIDATION_PERCENT


def read_dse(path: str | Path) -> tuple[list[DseRow], int]:
    """Read one DSE split; returns the rows and the number of malformed rows skipped.

    The sentence marks ``[p]`` and ``[q]`` with square brackets; they are removed, and the spans trimmed
    of surrounding spaces. Fields use CSV-style quoting. Rows without exactly two bracket pairs are skipped.

    Raises:
        DatasetMissing: the file does not exist.
    """
    path = Path(path)
    if not path.is_file():
        raise DatasetMissing(f"DSE split not found: {path} (get the DSE data set, see ../shared/dse/README.md)")
    frame = pd.read_csv(path, sep="\t", header=None, names=["sentence", "p", "q", "label"], keep_default_na=False)
    rows: list[DseRow] = []
    skipped = 0
    for sentence, label in zip(frame["sentence"], frame["label"], strict=True):
        row = _parse_dse(str(sentence), int(label))
        if row is None:
            skipped += 1
        else:
            rows.append(row)
    return rows, skipped


def _parse_dse(marked: str, label: int) -> DseRow | None:
    found = list(re.finditer(r"\[([^\[\]]*)\]", marked))
    if len(found) != 2 or marked.count("[") != 2 or marked.count("]") != 2:
        return None
    a, b = found
    plain = marked[: a.start()] + a.group(1) + marked[a.end() : b.start()] + b.group(1) + marked[b.end() :]
    p = _trim(plain, a.start(), a.start() + len(a.group(1)))
    q = _trim(plain, b.start() - 2, b.start() - 2 + len(b.group(1)))
    if p is None or q is None:
        return None
    return DseRow(plain, p, q, label)


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def macro_f1(gold: Sequence, pred: Sequence, labels: Sequence) -> tuple[float, list[float]]:
    """Macro-F1 over ``labels`` and the per-label F1 (each in [0, 1]), in the order of ``labels``."""
    per = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        per.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(per) / len(per), per
