"""Write the notebooks from their cell lists and execute them in place, so they are committed with outputs.

Usage: ``python tools/build_notebooks.py [NAME ...]`` (default: all). The cell texts live in
``tools/notebook_cells/NN_name.py`` as a list ``CELLS`` of ``("md" | "code" | "params", source)``.
Notebooks run with ``notebooks/`` as the working directory, as nbval and papermill run them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.reports.export import atomic_write
from helpers.reports.report import ipc_kernel_manager

ROOT = Path(__file__).resolve().parents[1]
CELLS_DIR = Path(__file__).resolve().parent / "notebook_cells"
NB_DIR = ROOT / "notebooks"


def load_cells(path: Path) -> list[tuple[str, str]]:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module.CELLS


def build(path: Path, *, execute: bool = True) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for kind, source in load_cells(path):
        source = source.strip("\n")
        if kind == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            cell = nbformat.v4.new_code_cell(source)
            if kind == "params":
                cell.metadata["tags"] = ["parameters"]
            nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{path.stem[:2]}-{i:02d}"
    out = NB_DIR / f"{path.stem}.ipynb"
    if execute:
        client = NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NB_DIR)}},
                                kernel_manager_class=ipc_kernel_manager())
        client.execute()
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
    with atomic_write(out) as fh:
        nbformat.write(nb, fh)
    return out


def main(names: list[str]) -> None:
    files = sorted(CELLS_DIR.glob("[0-9][0-9]_*.py"))
    if names:
        files = [f for f in files if any(f.stem.startswith(n) or f.stem == n for n in names)]
    for f in files:
        print("built", build(f).relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
