"""The README's figures are the committed benchmark results (regenerate: python tools/readme_figures.py --write)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_figures_match_results():
    spec = importlib.util.spec_from_file_location("readme_figures", ROOT / "tools" / "readme_figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(module.START, 1)[1].split(module.END, 1)[0]
    assert section.strip() == module.render().strip(), "README figures drifted: run python tools/readme_figures.py --write"


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("## Analyse your own article")]
    assert "make report" in head and "make test" in head
