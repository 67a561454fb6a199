"""The one-command report: run the article notebooks with papermill, write HTML, tables and charts.

``python -m helpers report ARTICLE [--date D] [--out reports]`` (``make report ARTICLE=...``) writes
``reports/<article-name>/``:

- ``report.html``: one self-contained page without code (nbconvert ``--no-input`` style),
- ``notebooks/``: the executed notebooks,
- ``tables/``: every result table as CSV (spreadsheet-safe) and ``analysis.json``,
- ``charts/``: the key charts as PNG.

A notebook that fails is named with the failing cell in the report and on stderr; the others still run.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from helpers import config
from helpers.article import Article, load_article
from helpers.export import atomic_write, write_csv, write_json, write_text

NOTEBOOK_DIR = config.ROOT / "notebooks"


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


def run_notebook(path: Path, out: Path, parameters: dict[str, object]) -> NotebookRun:
    """Execute one notebook with papermill into ``out``; failures are caught and described."""
    import papermill as pm

    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        pm.execute_notebook(
            str(path), str(out), parameters=parameters, cwd=str(path.parent), kernel_name="python3",
            progress_bar=False, log_output=False,
        )  # fmt: skip
    except pm.PapermillExecutionError as exc:
        return NotebookRun(path.name, out, f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}")
    except Exception as exc:  # noqa: BLE001 - a kernel or papermill failure must not stop the other notebooks
        return NotebookRun(path.name, out, f"{type(exc).__name__}: {exc}")
    return NotebookRun(path.name, out)


def accuracy_summary() -> list[str]:
    """Markdown bullet lines of the committed accuracy figures (``benchmarks/results``) for the report."""
    from helpers.evaluate import accuracy_lines

    return [f"- {line}" for line in accuracy_lines()]


def combined_notebook(article: Article, runs: list[NotebookRun]) -> nbformat.NotebookNode:
    """One notebook holding a header and the executed notebooks' cells, minus parameter cells."""
    nb = nbformat.v4.new_notebook()
    date = article.date.isoformat() if article.date else "unknown (set DATE=YYYY-MM-DD)"
    header = [
        f"# {article.display_title}",
        f"**Source:** `{Path(article.source).name if article.source else 'text'}` · **date:** {date}"
        + (f" · **author:** {article.author}" if article.author else ""),
        "",
        "## How to read this report",
        "Each section below answers one question about the article: what it is made of, who the actors are,",
        "how the article portrays each of them, and where they stand toward each other and the issues.",
        "Scores run from −1 (negative, hostile) to +1 (positive, cooperative); every table row points to the",
        "sentence behind it. The figures are produced by rules and small models: read them as a guide to the",
        "evidence, not as a verdict.",
    ]
    acc = accuracy_summary()
    if acc:
        header += ["", "## Measured accuracy", *acc]
    failed = [r for r in runs if r.error]
    if failed:
        header += ["", "## Notebooks that failed", *[f"- `{r.notebook}`: {r.error}" for r in failed]]
    nb.cells.append(nbformat.v4.new_markdown_cell("\n".join(header)))
    for run in runs:
        if not run.output.exists():
            continue
        executed = nbformat.read(run.output, as_version=4)
        for cell in executed.cells:
            tags = cell.metadata.get("tags", [])
            if "parameters" in tags or "injected-parameters" in tags:
                continue
            nb.cells.append(cell)
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    return nb


def to_html(nb: nbformat.NotebookNode, title: str) -> str:
    """Self-contained HTML without code cells (images embedded)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    html, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return html


def write_tables_and_charts(article: Article, out: Path) -> list[Path]:
    """The analysis tables (CSV, JSON) and key charts (PNG) for the article."""
    from helpers import charts
    from helpers.analysis import analyze

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
    return written


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
    out = Path(out_dir) / article.name
    out.mkdir(parents=True, exist_ok=True)
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
    write_tables_and_charts(article, out)
    html = to_html(combined_notebook(article, runs), article.display_title)
    write_text(html, out / "report.html")
    return out, runs
