"""The one reader of ``data/``: where the data folder is, and CSV files with errors that name file and column.

The folder is found at call time, first found wins:

1. ``HELPERS_DATA_DIR`` in the environment (an analyst's own copy of the data);
2. the data installed with the package (``helpers/_data`` in a wheel built from this repository);
3. ``data/`` of the source checkout (an editable install or ``PYTHONPATH=src``).

The notebooks and the committed benchmark results are found the same way (:func:`notebooks_dir`,
:func:`results_dir`), so ``pip install .`` gives a working report, not only an editable checkout.
"""

from __future__ import annotations

import csv
import importlib.util
import os
from functools import cache
from pathlib import Path

from helpers.errors import DataError

#: The source checkout (``src/helpers/resources.py`` -> two levels up from ``src``).
_CHECKOUT = Path(__file__).resolve().parents[2]


@cache
def _packaged(name: str, marker: str) -> Path | None:
    """The folder a wheel installs as ``helpers.<name>`` (see pyproject.toml), if it holds ``marker``; looked up
    once per process (the stages ask for their data files thousands of times per corpus)."""
    try:
        spec = importlib.util.find_spec(f"helpers.{name}")
    except (ModuleNotFoundError, ValueError):
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / marker).exists():
            return Path(location)
    return None


def data_dir() -> Path:
    """The data folder in use (see the module docstring for the order)."""
    env = os.environ.get("HELPERS_DATA_DIR")
    if env:
        return Path(env)
    return _packaged("_data", "lexicons") or _CHECKOUT / "data"


def notebooks_dir() -> Path:
    """The notebooks the report runs: installed with the wheel, else the checkout's ``notebooks/``."""
    return _packaged("_notebooks", "02_actors.ipynb") or _CHECKOUT / "notebooks"


def results_dir() -> Path:
    """The committed benchmark results the report quotes: installed with the wheel, else ``benchmarks/results``."""
    return _packaged("_results", "actors.json") or _CHECKOUT / "benchmarks" / "results"


def data_path(*parts: str) -> Path:
    """A path inside the data folder, e.g. ``data_path("lexicons", "titles.csv")``."""
    return data_dir().joinpath(*parts)


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


def split_values(value: str | None) -> tuple[str, ...]:
    """The ``|``-separated values of a CSV cell, stripped, empty ones dropped."""
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())
