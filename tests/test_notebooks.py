"""The committed notebooks: parameterised the same way, executed, and free of machine-specific output.

nbval (``make test``) re-executes them and compares outputs; these checks cover what nbval does not:
the papermill ``parameters`` cell, no article named outside it, no stored absolute paths, memory addresses,
timestamps or errors, and the library (not the notebook) holding the logic.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MACHINE_SPECIFIC = re.compile(r"/work/|/tmp/|/home/|/root/|0x[0-9a-f]{8,}|\d{4}-\d\d-\d\dT\d\d:\d\d|Traceback")


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_six_or_more_notebooks():
    assert len(NOTEBOOKS) >= 6, [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_first(path):
    code = [c for c in cells(path) if c["cell_type"] == "code"]
    first = code[0]
    assert "parameters" in first.get("metadata", {}).get("tags", [])
    source = "".join(first["source"])
    if path.stem.startswith(("01", "02", "03", "04")):
        assert "article_path =" in source and "article_date =" in source
    for cell in code[1:]:
        text = "".join(cell["source"])
        assert "putin-phone-call" not in text, "only the parameters cell may name an article"
        assert "class " not in text, "classes belong in helpers, not in notebooks"
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) <= 10, "logic belongs in helpers: keep code cells short"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executed_without_machine_specific_output(path):
    code = [c for c in cells(path) if c["cell_type"] == "code"]
    assert any(c.get("outputs") for c in code), "committed with outputs"
    for cell in code:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error"
            texts = [out.get("text", "")] + [v for k, v in out.get("data", {}).items() if k.startswith("text/")]
            for t in texts:
                t = "".join(t) if isinstance(t, list) else t
                assert not MACHINE_SPECIFIC.search(t), (path.name, MACHINE_SPECIFIC.search(t).group())
