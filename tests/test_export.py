"""Safe exports: spreadsheet formula cells neutralised, files written atomically."""

from __future__ import annotations

import os
import stat

import pandas as pd
import pytest

from helpers.reports.export import atomic_write, neutralise_cell, write_csv


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("safe text", "safe text"),
        (-2.5, -2.5),
        (None, None),
    ],
)
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def test_write_csv_neutralises(tmp_path):
    df = pd.DataFrame({"text": ['=HYPERLINK("http://x")', "ok"], "score": [-0.5, 0.5]})
    path = write_csv(df, tmp_path / "t.csv")
    back = pd.read_csv(path)
    assert back.text.tolist() == ['\'=HYPERLINK("http://x")', "ok"]
    assert back.score.tolist() == [-0.5, 0.5]


def test_atomic_write_leaves_nothing_on_error(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write("half")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_written_files_get_the_umask_mode_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_csv(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
