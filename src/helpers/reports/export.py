"""Safe, atomic writing of tables and files.

Every file the project writes goes through :func:`atomic_write`: the content is
written to a temporary file in the same folder and renamed into place, so an
interrupted run never leaves a half-written table; the file gets the permissions
of any new file under the user's umask (0644 under the usual 022). CSV cells that a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return; OWASP "CSV Injection") are prefixed with a single quote.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO, Any

import pandas as pd

from helpers.pipeline import to_records  # noqa: F401 - re-exported: exports write analyses as records

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success rename it to ``path``, on error remove it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _default_mode())  # mkstemp makes 0600; a written table is as readable as any new file
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding, newline=None if "b" in mode else "") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@cache
def _default_mode() -> int:
    """The mode ``open()`` would give a new file under the process umask (0644 under the usual 022).

    Read from ``/proc/self/status`` where there is one, so no other thread sees a changed umask;
    elsewhere set and restored at once, on first use only.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def neutralise_cell(value: Any) -> Any:
    """A string that a spreadsheet would evaluate, made inert with a leading ``'``; other values unchanged.

    Negative numbers written as numbers stay numbers; only strings are touched.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every string cell neutralised for spreadsheets (see :func:`neutralise_cell`)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write ``df`` as UTF-8 CSV, spreadsheet-safe and atomically."""
    with atomic_write(path) as fh:
        safe_frame(df).to_csv(fh, index=False, lineterminator="\n")
    return Path(path)


def write_json(obj: Any, path: str | Path) -> Path:
    """Write ``obj`` as indented UTF-8 JSON with sorted keys, atomically."""
    with atomic_write(path) as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=2, sort_keys=True, default=str)
        fh.write("\n")
    return Path(path)


def write_text(text: str, path: str | Path) -> Path:
    """Write text atomically."""
    with atomic_write(path) as fh:
        fh.write(text)
    return Path(path)
