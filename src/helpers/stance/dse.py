"""The DSE data set (Park, Pan & Joo, "Who Blames or Endorses Whom? Entity-to-Entity Directed Sentiment
Extraction in News Text", Findings of ACL 2021): reading its splits and scoring five-class predictions.

Classes (see :mod:`helpers.stance.scorers`): 0 neutral, 1 p positive toward q, 2 q positive toward p,
3 p negative toward q, 4 q negative toward p. ``train.tsv`` trains and tunes, ``valid.tsv`` selects,
``test.tsv`` is only reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from helpers.errors import DatasetMissing
from helpers.stance.scorers import CLASSES

__all__ = ["CLASSES", "DseRow", "macro_f1", "read_dse"]


class DseRow(NamedTuple):
    """One DSE example: plain sentence, entity spans ``[start, end)``, gold class (0-4)."""

    text: str
    p: tuple[int, int]
    q: tuple[int, int]
    label: int


# --------------------------------------------------------------------------- data


def read_dse(path: str | Path) -> tuple[list[DseRow], int]:
    """Read one DSE split; returns the rows and the number of malformed rows skipped.

    The sentence marks ``[p]`` and ``[q]`` with square brackets; they are removed, and the
    spans trimmed of surrounding spaces. Fields use CSV-style quoting (``""`` inside quotes),
    so the default ``csv.QUOTE_MINIMAL`` is the right reading (``QUOTE_NONE`` would keep the
    quote characters). Rows without exactly two bracket pairs are skipped.

    Raises:
        DatasetMissing: the file does not exist.
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise DatasetMissing(f"DSE split not found: {path} (get the DSE data set, see ../shared/dse/README.md)")
    frame = pd.read_csv(path, sep="\t", header=None, names=["sentence", "p", "q", "label"], keep_default_na=False)
    rows: list[DseRow] = []
    skipped = 0
    for sentence, label in zip(frame["sentence"], frame["label"], strict=True):
        row = _parse(str(sentence), int(label))
        if row is None:
            skipped += 1
        else:
            rows.append(row)
    return rows, skipped


def _parse(marked: str, label: int) -> DseRow | None:
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


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, list[float]]:
    """Macro-F1 over the five DSE classes and the per-class F1 (each in [0, 1])."""
    per = []
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        per.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(per) / len(per), per
