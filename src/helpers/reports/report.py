"""The one-command report: run the article notebooks with papermill, write HTML, tables and charts.

``python -m helpers report ARTICLE [--date D] [--out reports]`` (``make report ARTICLE=...``) writes
``reports/<article-name>/``:

- ``report.html``: one self-contained page for the analyst (:mod:`helpers.reports.page`): trust in plain
  words first, then actors, the annotated article, stance, quotes, issues, the technical figures last;
- ``notebooks/``: the executed notebooks (the detail, linked from the page),
- ``tables/``: every result table as CSV (spreadsheet-safe) and ``analysis.json``,
- ``charts/``: the key charts as PNG.

A notebook that fails is named with the failing cell in the report and on stderr; the others still run.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from helpers.errors import ArticleError
from helpers.pipeline import analyze
from helpers.reports import charts
from helpers.reports.export import atomic_write, write_csv, write_json, write_text
from helpers.reports.page import report_page
from helpers.resources import notebooks_dir
from helpers.text.article import Article, load_article

NOTEBOOK_DIR = notebooks_dir()


@dataclass(frozen=True)
class NotebookRun:
    """How one notebook run ended: ``error`` is None on success, else the failing cell and message."""

    notebook: str
    output: Path
    error: str | None = None


def article_notebooks(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """Notebooks that analyse one article: their ``parameters`` cell sets ``article_path``."""
    found = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        if params and "article_path =" in params[0].source:
            found.append(path)
    return found


def ipc_kernel_manager() -> type:
    """A kernel manager that talks to its kernel over Unix sockets instead of TCP ports.

    Local IPC keeps the code and outputs off the network, and ipykernel no longer prints its
    "running over TCP without encryption" warning into the progress bar. The sockets are absolute
    paths in the temporary folder (short enough for the 107-byte limit on socket paths), one
    prefix per kernel, removed when the kernel shuts down.
    """
    import tempfile
    import uuid

    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum

    class IPCKernelManager(AsyncKernelManager):
        transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

        def _ip_default(self) -> str:  # jupyter_client's default is "kernel-ipc", relative to the working folder
            return str(Path(tempfile.gettempdir()) / f"helpers-kernel-{uuid.uuid4().hex}")

    return IPCKernelManager


def run_notebook(path: Path, out: Path, parameters: dict[str, object]) -> NotebookRun:
    """Execute one notebook with papermill into ``out``; failures are caught and described."""
    import papermill as pm

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.stem}.partial.ipynb"  # papermill writes as it goes: rename when it stops
    try:
        pm.execute_notebook(
            str(path), str(tmp), parameters=parameters, cwd=str(path.parent), kernel_name="python3",
            progress_bar=False, log_output=False, kernel_manager_class=ipc_kernel_manager(),
        )  # fmt: skip
    except pm.PapermillExecutionError as exc:
        error = f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
    except Exception as exc:  # noqa: BLE001 - a kernel or papermill failure must not stop the other notebooks
        error = f"{type(exc).__name__}: {exc}"
    else:
        error = None
    if tmp.exists():  # the executed notebook, up to the failing cell if one failed
        os.replace(tmp, out)
    return NotebookRun(path.name, out, error)


def write_tables_and_charts(article: Article, out: Path):
    """Analyse the article; write its tables (CSV, JSON) and key charts (PNG); return the analysis."""
    result = analyze(article)
    written = []
    for name, df in result.tables().items():
        written.append(write_csv(df, out / "tables" / f"{name}.csv"))
    written.append(write_json(result.to_dict(), out / "tables" / "analysis.json"))
    for name, fig in charts.key_charts(result).items():
        path = out / "charts" / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path, "wb") as fh:
            fig.savefig(fh, format="png", metadata={"Software": None})
        written.append(path)
    return result


#: File in each report folder naming the article it was made from (so another article never overwrites it).
SOURCE_FILE = "source.txt"


def report_folder(out_dir: str | Path, article_path: str | Path) -> Path:
    """The report folder of an article: ``<out_dir>/<stem>``, created, unless it holds another article's report.

    ``x.txt`` gets ``reports/x``; ``x.html`` then gets ``reports/x-html`` rather than overwriting it, an
    ``x.txt`` from another folder ``reports/x-txt``, and one more ``reports/x-txt-<8 hex digits of its
    path's hash>``. Rerunning the
    same article reuses its folder. The folder's ``source.txt`` records the article's absolute path.

    Raises:
        ArticleError: all three names hold reports of other articles.
    """
    import hashlib

    source = str(Path(article_path).resolve())
    path = Path(article_path)
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:8]
    suffix = path.suffix.lstrip(".").lower() or "file"
    for name in (path.stem, f"{path.stem}-{suffix}", f"{path.stem}-{suffix}-{digest}"):
        folder = Path(out_dir) / name
        marker = folder / SOURCE_FILE
        owner = marker.read_text(encoding="utf-8").strip() if marker.is_file() else None
        if owner in (source, None):  # a folder without the file predates it: claimed, as before
            folder.mkdir(parents=True, exist_ok=True)
            if owner is None:
                write_text(source + "\n", marker)
            return folder
    raise ArticleError(f"{Path(out_dir) / path.stem}*: report folders of other articles with the same name; "
                       "pass another --out")


def build_report(
    article_path: str | Path,
    *,
    out_dir: str | Path = "reports",
    date: str | None = None,
    notebooks: list[Path] | None = None,
    progress: bool = True,
) -> tuple[Path, list[NotebookRun]]:
    """Run every article notebook on ``article_path`` and write the report folder; returns it and the runs.

    Raises:
        ArticleError: the article cannot be read (checked before any notebook runs).
    """
    from tqdm.auto import tqdm

    article = load_article(article_path, date=date)
    out = report_folder(out_dir, article_path)
    params = {"article_path": str(Path(article_path).resolve()), "article_date": date}
    books = notebooks if notebooks is not None else article_notebooks()
    runs = []
    bar = tqdm(books, desc=f"report {article.name}", unit="notebook", disable=not progress, file=sys.stderr)
    for nb_path in bar:
        bar.set_postfix_str(nb_path.stem)
        run = run_notebook(nb_path, out / "notebooks" / nb_path.name, params)
        if run.error:
            print(f"notebook {run.notebook} failed at {run.error}", file=sys.stderr)
        runs.append(run)
    result = write_tables_and_charts(article, out)
    books = [(f"notebooks/{r.output.name}", r.error) for r in runs]
    write_text(report_page(result, out / "charts", books), out / "report.html")
    return out, runs
