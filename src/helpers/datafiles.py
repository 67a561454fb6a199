"""Reading the plain data files analysts edit (CSV in ``data/``), with errors that name file and column."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers.errors import DataError


def read_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file with a header, values stripped (missing values as ``""``).

    Raises:
        DataError: the file is missing or unreadable, or lacks one of ``columns``.
    """
    if not path.exists():
        raise DataError(f"{path}: file missing; restore it from the repository (see the README beside it)")
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise DataError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(columns)}")
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{path} is not a readable UTF-8 CSV file: {exc}") from None
