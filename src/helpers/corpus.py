"""Many articles in, the same tidy tables out: :func:`analyze_corpus` and :class:`CorpusResult`.

A corpus is a folder of article files, a JSONL or CSV file with a ``text`` column, or any
iterable of texts, :class:`~helpers.text.article.Article` objects or dicts. Records are read lazily
and analysed one by one with :func:`helpers.pipeline.analyze`, on one of three engines:

- ``"local"``: in this process, one article after the other;
- ``"processes"``: all cores of this machine (a ``ProcessPoolExecutor``);
- ``"dask"``: tasks on a ``dask.distributed`` cluster (a ``LocalCluster`` by default).

Every engine runs the same per-article function and returns the input order, so the tables
are identical whichever engine made them. Each table of :meth:`Analysis.tables` comes back
with an ``article_id`` first column; ``articles`` holds one summary row per analysed article
and ``errors`` one row per article that could not be analysed (it is skipped, the corpus goes
on). With ``out=DIR`` the tables stream to ``DIR/<table>/part-NNNNN.parquet`` and only the
small ``articles``/``errors`` tables stay in memory.
"""

from __future__ import annotations

import collections
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import config
from helpers.errors import ArticleError, HelpersError, MethodError
from helpers.ml.encoder import single_threaded
from helpers.pipeline import Analysis, analyze
from helpers.reports.export import atomic_write
from helpers.sentiment import get_method
from helpers.stance.network import get_scorer
from helpers.text.article import Article, load_article
from helpers.text.document import parse_many

ENGINES = ("local", "processes", "dask")
#: File types read from a corpus folder.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: Columns of the per-article summary (``n_<table>`` columns follow for every further table).
ARTICLE_COLUMNS = [
    "article_id", "title", "date", "url", "n_sentences", "n_mentions", "n_actors", "top_actor", "mean_polarity",
]  # fmt: skip
ERROR_COLUMNS = ["article_id", "reason"]
_PART = re.compile(r"^part-\d{5}\.parquet$")
_WARM_UP = "President Vladimir Putin told Joe Biden in Geneva that the talks were good. Critics disagreed."


@dataclass(frozen=True)
class Record:
    """One corpus entry before analysis: a file to read, or a text (or Article) with metadata."""

    article_id: str
    path: str | None = None
    text: str | Article | None = None
    title: str | None = None
    date: Any = None
    url: str | None = None
    error: str | None = None  # set when the record itself is unreadable (bad JSON line, no text)


@dataclass(frozen=True)
class _Outcome:
    article_id: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    summary: dict[str, Any] | None = None
    error: str | None = None


# --------------------------------------------------------------------------- reading sources


def records(source: Any, *, date_field: str = "date") -> Iterator[Record]:
    """The records of ``source``, lazily, in order (see :func:`analyze_corpus` for the kinds).

    Raises:
        ArticleError: the source is missing, of an unknown kind, or a table without a ``text`` column.
    """
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise ArticleError(f"no such corpus: {source} (give a folder, a .jsonl or a .csv file)")
        if path.is_dir():
            return _folder_records(path)
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            return _jsonl_records(path, date_field)
        if suffix == ".csv":
            return _csv_records(path, date_field)
        raise ArticleError(
            f"{source} is not a corpus: give a folder of articles, a .jsonl or a .csv file "
            "(for one article use `python -m helpers analyze`)"
        )
    if isinstance(source, (bytes, dict, Article)) or not isinstance(source, Iterable):
        raise ArticleError(
            f"a corpus is a path or an iterable of texts, Articles or dicts, not {type(source).__name__}"
        )
    return _iterable_records(source, date_field)


def corpus_size(source: Any) -> int | None:
    """The number of records in ``source`` when cheap to know (folders, JSONL, sized iterables), else None."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            return len(_article_files(path))
        if path.suffix.lower() in (".jsonl", ".ndjson") and path.is_file():
            with path.open("rb") as fh:
                return sum(1 for line in fh if line.strip())
        return None
    return len(source) if hasattr(source, "__len__") else None


def _article_files(folder: Path) -> list[Path]:
    files = [p for p in folder.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()]
    files = [p for p in files if not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def _folder_records(folder: Path) -> Iterator[Record]:
    files = _article_files(folder)
    if not files:
        raise ArticleError(f"{folder} holds no article files ({', '.join(ARTICLE_SUFFIXES)})")
    return (Record(p.relative_to(folder).with_suffix("").as_posix(), path=str(p)) for p in files)


def _from_mapping(row: dict[str, Any], n: int, date_field: str) -> Record:
    raw_id = row.get("id")
    article_id = f"{n:06d}" if raw_id is None or str(raw_id).strip() == "" else str(raw_id)
    text = row.get("text")
    if not isinstance(text, str):
        what = "no text field" if text is None else f"text is {type(text).__name__}, not a string"
        return Record(article_id, error=f"record {n}: {what}")

    def opt(key: str) -> str | None:
        value = row.get(key)
        return None if value is None or (isinstance(value, float) and value != value) or value == "" else str(value)

    return Record(article_id, text=text, title=opt("title"), date=opt(date_field), url=opt("url"))


def _jsonl_records(path: Path, date_field: str) -> Iterator[Record]:
    with path.open("rb") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            n += 1
            try:
                row = json.loads(line.decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError) as exc:
                yield Record(f"{n:06d}", error=f"line {n} of {path.name} is not JSON ({type(exc).__name__})")
                continue
            if not isinstance(row, dict):
                yield Record(f"{n:06d}", error=f"line {n} of {path.name} is not a JSON object")
                continue
            yield _from_mapping(row, n, date_field)


def _csv_records(path: Path, date_field: str) -> Iterator[Record]:
    try:
        header = pd.read_csv(path, nrows=0, encoding="utf-8-sig", encoding_errors="replace")
    except (ValueError, OSError) as exc:
        raise ArticleError(f"cannot read {path} as CSV: {exc}") from None
    if "text" not in header.columns:
        raise ArticleError(f"{path} has no 'text' column (columns: {', '.join(map(str, header.columns)) or 'none'})")

    def rows() -> Iterator[Record]:
        reader = pd.read_csv(
            path, dtype=str, keep_default_na=False, chunksize=256, encoding="utf-8-sig", encoding_errors="replace"
        )
        n = 0
        with reader:
            for chunk in reader:
                for row in chunk.to_dict("records"):
                    n += 1
                    yield _from_mapping(row, n, date_field)

    return rows()


def _iterable_records(items: Iterable[Any], date_field: str) -> Iterator[Record]:
    for n, item in enumerate(items, start=1):
        if isinstance(item, str):
            yield Record(f"{n:06d}", text=item)
        elif isinstance(item, Article):
            article_id = Path(item.source).stem if item.source else f"{n:06d}"
            yield Record(article_id, text=item, title=item.title, date=item.date)
        elif isinstance(item, dict):
            yield _from_mapping(item, n, date_field)
        else:
            yield Record(f"{n:06d}", error=f"item {n} is a {type(item).__name__}, not a text, Article or dict")


# --------------------------------------------------------------------------- the per-article work


def analyze_record(record: Record, options: dict[str, Any], document: Any = None) -> _Outcome:
    """Analyse one record into tables with an ``article_id`` column, or an error reason.

    This is the one function every engine runs; an :class:`ArticleError` (empty, binary,
    undecodable, too large, bad date) or any other failure on this article becomes an error.
    ``document`` is the record's article already parsed (batches parse with ``nlp.pipe``).
    """
    try:
        article = document.article if document is not None else _article(record)
        analysis = analyze(article, document=document, **options)
    except HelpersError as exc:
        return _Outcome(record.article_id, error=" ".join(str(exc).split()))
    except OSError as exc:
        return _Outcome(record.article_id, error=f"cannot read {record.path}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one article must never abort the corpus; reported in errors
        return _Outcome(record.article_id, error=f"analysis failed: {type(exc).__name__}: {exc}")
    tables = {}
    for name, df in analysis.tables().items():
        df = df.reset_index(drop=True)
        df.insert(0, "article_id", pd.Series([record.article_id] * len(df), index=df.index, dtype="str"))
        tables[name] = df
    return _Outcome(record.article_id, tables=tables, summary=_summary(record, analysis.article, tables))


def _article(record: Record) -> Article:
    """The record's article, loaded.

    Raises:
        ArticleError: the record carries an error, or its file or text is no readable article.
    """
    if record.error:
        raise ArticleError(record.error)
    if record.path is not None:
        size = Path(record.path).stat().st_size
        if size > 4 * config.MAX_ARTICLE_CHARS:
            raise ArticleError(f"{record.path} has {size:,} bytes, over the size limit; split it")
        return load_article(record.path, title=record.title, date=record.date)
    if isinstance(record.text, Article):
        return record.text
    return load_article(text=record.text, title=record.title, date=record.date)


def _summary(record: Record, article: Article, tables: dict[str, pd.DataFrame]) -> dict[str, Any]:
    sentences = tables.get("sentences", pd.DataFrame())
    actors = tables.get("actors", pd.DataFrame())
    top = None
    if len(actors) and "actor" in actors.columns:
        ranked = actors.sort_values("mentions", ascending=False, kind="mergesort") if "mentions" in actors else actors
        top = ranked["actor"].iloc[0]
    polarity = sentences["polarity"].mean() if len(sentences) and "polarity" in sentences else float("nan")
    row: dict[str, Any] = {
        "article_id": record.article_id,
        "title": article.display_title,
        "date": article.date.isoformat() if article.date else None,
        "url": record.url,
    }
    for name, df in tables.items():
        row[f"n_{name}"] = len(df)
    row.setdefault("n_mentions", 0)
    row.setdefault("n_actors", 0)
    row["top_actor"] = None if top is None else str(top)
    row["mean_polarity"] = float(polarity)
    return row


def analyze_batch(batch: list[Record], options: dict[str, Any]) -> list[_Outcome]:
    """:func:`analyze_record` over a batch of records: the unit of work sent to a process or Dask worker.

    The batch's articles are parsed together (spaCy's ``nlp.pipe``), then analysed one by one. Workers
    already use every core between them, so model inference runs single-threaded here: two threads per
    worker would only fight over the same cores.
    """
    loaded: list[tuple[Record, Article | None, _Outcome | None]] = []
    for r in batch:
        try:
            loaded.append((r, _article(r), None))
        except HelpersError as exc:
            loaded.append((r, None, _Outcome(r.article_id, error=" ".join(str(exc).split()))))
        except OSError as exc:
            loaded.append((r, None, _Outcome(r.article_id, error=f"cannot read {r.path}: {exc.strerror or exc}")))
    articles = [a for _, a, _ in loaded if a is not None]
    try:
        docs = iter(list(parse_many(articles)))
    except Exception:  # noqa: BLE001 - a batch parse failing falls back to one article at a time
        docs = iter([None] * len(articles))
    with single_threaded():
        return [failed if failed is not None else analyze_record(r, options, next(docs))
                for r, _, failed in loaded]  # fmt: skip


# --------------------------------------------------------------------------- engines


def _batched(items: Iterator[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ordered_window(submit: Callable[[list[Record]], Any], batches: Iterator[list[Record]], window: int):
    """Submit batches keeping at most ``window`` in flight; yield their results in input order."""
    pending: collections.deque = collections.deque()
    try:
        for batch in batches:
            pending.append(submit(batch))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:  # interrupted or failed: drop the work not yet started
        for future in pending:
            future.cancel()


#: Articles the local engine parses together (spaCy's nlp.pipe); results still stream one by one.
_LOCAL_BATCH = 8


def _window(workers: int, chunksize: int) -> int:
    """How many tasks to keep in flight (the backpressure bound).

    Enough that one long article at the head of the queue does not idle the other workers, few
    enough that the results waiting to be written stay small (about 64 articles per worker).
    """
    return max(2 * workers, 64 * workers // chunksize)


def _run_local(recs: Iterator[Record], options: dict[str, Any], **_: Any) -> Iterator[_Outcome]:
    for batch in _batched(recs, _LOCAL_BATCH):  # parsed together with nlp.pipe, analysed one by one
        yield from analyze_batch(batch, options)


def _run_processes(
    recs: Iterator[Record], options: dict[str, Any], *, workers: int, chunksize: int, **_: Any
) -> Iterator[_Outcome]:
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    fork = sys.platform == "linux"  # fork is unsafe on macOS and absent on Windows: spawn there
    if fork:
        # Load lexicons, gazetteer and models here once; forked workers share them (copy-on-write)
        # instead of each paying seconds of start-up. Freezing the heap keeps the workers' garbage
        # collections from touching (and so copying) every inherited page.
        analyze_record(Record("warm-up", text=_WARM_UP), options)
        gc.freeze()
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            submit = partial(pool.submit, analyze_batch, options=options)
            yield from _ordered_window(submit, _batched(recs, chunksize), window=_window(workers, chunksize))
    finally:
        if fork:
            gc.unfreeze()


def _run_dask(
    recs: Iterator[Record], options: dict[str, Any], *, workers: int, chunksize: int, scheduler: Any = None, **_: Any
) -> Iterator[_Outcome]:
    import logging

    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - distributed is pinned in requirements.txt
        raise MethodError("engine='dask' needs dask.distributed: pip install 'distributed'") from exc

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR,
        )  # fmt: skip
        client, own_client = Client(cluster), True
    elif isinstance(scheduler, Client):
        client, own_client = scheduler, False
    else:
        try:
            client, own_client = Client(str(scheduler), timeout="20s"), True
        except (OSError, TimeoutError) as exc:
            raise HelpersError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)

        def submit(batch: list[Record]):
            return client.submit(analyze_batch, batch, options, pure=False)

        yield from _ordered_window(submit, _batched(recs, chunksize), window=_window(n, chunksize))
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()


_ENGINES: dict[str, Callable[..., Iterator[_Outcome]]] = {
    "local": _run_local,
    "processes": _run_processes,
    "dask": _run_dask,
}


# --------------------------------------------------------------------------- results


@dataclass
class CorpusResult:
    """The tables of a corpus: in memory, or (with ``out``) Parquet parts read back by :meth:`load`.

    Attributes:
        articles: one summary row per analysed article (``ARTICLE_COLUMNS``, then ``n_<table>``).
        errors: one row per skipped article: ``article_id, reason``.
        table_names: the names of the per-article tables (those of ``Analysis.tables()``).
        out: the Parquet folder, or None when the tables are held in memory.
        engine: the engine that ran.
        seconds: wall-clock time of the whole run (not part of any table).
    """

    articles: pd.DataFrame
    errors: pd.DataFrame
    table_names: tuple[str, ...]
    out: Path | None = None
    engine: str = "local"
    seconds: float = 0.0
    frames: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, out: str | Path) -> CorpusResult:
        """The result of an earlier run streamed to ``out`` (e.g. by ``python -m helpers corpus``).

        Raises:
            ArticleError: ``out`` holds no corpus tables.
        """
        out = Path(out)
        if not (out / "articles.parquet").is_file():
            raise ArticleError(f"{out} holds no corpus tables (no articles.parquet); run analyze_corpus(..., out=...)")
        found = [d.name for d in out.iterdir() if d.is_dir() and any(_PART.match(p.name) for p in d.iterdir())]
        order = {name: i for i, name in enumerate(_default_tables())}
        names = tuple(sorted(found, key=lambda n: (order.get(n, len(order)), n)))
        articles, errors = read_parquet(out / "articles.parquet"), read_parquet(out / "errors.parquet")
        return cls(articles, errors, names, out=out, engine="unknown")

    def paths(self, name: str) -> list[Path]:
        """The Parquet parts of table ``name``, in order (empty when held in memory)."""
        if self.out is None:
            return []
        folder = self.out / name
        return sorted(p for p in folder.glob("part-*.parquet") if _PART.match(p.name)) if folder.is_dir() else []

    def load(self, name: str) -> pd.DataFrame:
        """Table ``name`` as one DataFrame (``articles`` and ``errors`` included).

        Raises:
            MethodError: no such table.
        """
        if name == "articles":
            return self.articles
        if name == "errors":
            return self.errors
        if name not in self.table_names:
            raise MethodError(f"no table {name!r}; choose from {', '.join(self.names())}")
        if self.out is None:
            return self.frames[name]
        return _concat([read_parquet(p) for p in self.paths(name)])

    def names(self) -> list[str]:
        """Every table name: the per-article tables, then ``articles`` and ``errors``."""
        return [*self.table_names, "articles", "errors"]

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every per-article table by name (loaded from Parquet when streamed)."""
        return {name: self.load(name) for name in self.table_names}

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.load(name)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_") or name in ("frames", "table_names"):
            raise AttributeError(name)
        if name in self.table_names:
            return self.load(name)
        raise AttributeError(f"{type(self).__name__} has no attribute or table {name!r}")

    def summary(self) -> dict[str, Any]:
        """Counts and time, JSON-ready: articles ok, errors, sentences, seconds, engine, out."""
        n_sent = int(self.articles["n_sentences"].sum()) if "n_sentences" in self.articles else 0
        return {
            "articles": len(self.articles),
            "errors": len(self.errors),
            "sentences": n_sent,
            "seconds": round(self.seconds, 2),
            "engine": self.engine,
            "out": str(self.out) if self.out else None,
        }


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f.columns)]
    if not frames:
        return pd.DataFrame({"article_id": pd.Series(dtype="str")})
    nonempty = [f for f in frames if len(f)] or frames[:1]
    return pd.concat(nonempty, ignore_index=True)


class _Sink:
    """Collects outcomes in order; with a folder, flushes every ``part_size`` articles to Parquet."""

    def __init__(self, out: Path | None, part_size: int) -> None:
        self.out, self.part_size = out, part_size
        self.buffer: dict[str, list[pd.DataFrame]] = {}
        self.held: dict[str, list[pd.DataFrame]] = {}
        self.names: list[str] = []
        self.summaries: list[dict[str, Any]] = []
        self.errors: list[dict[str, str]] = []
        self.seen: set[str] = set()
        self.in_buffer = 0
        self.part = 0
        if out is not None:
            _clear_parts(out)

    def add(self, outcome: _Outcome) -> None:
        if outcome.article_id in self.seen:
            self.errors.append({"article_id": outcome.article_id, "reason": "duplicate article id; ids must be unique"})
            return
        self.seen.add(outcome.article_id)
        if outcome.error is not None:
            self.errors.append({"article_id": outcome.article_id, "reason": outcome.error})
            return
        self.summaries.append(outcome.summary or {})
        for name, df in outcome.tables.items():
            if name not in self.buffer:
                self.names.append(name)
                self.buffer[name] = []
            self.buffer[name].append(df)
        self.in_buffer += 1
        if self.out is not None and self.in_buffer >= self.part_size:
            self.flush()

    def flush(self) -> None:
        if not self.in_buffer:
            return
        for name in self.names:
            df = _concat(self.buffer.get(name, []))
            if self.out is None:
                self.held.setdefault(name, []).append(df)
            else:
                write_parquet(df, self.out / name / f"part-{self.part:05d}.parquet")
            self.buffer[name] = []
        self.part += 1
        self.in_buffer = 0

    def result(self, engine: str, seconds: float) -> CorpusResult:
        self.flush()
        names = tuple(self.names) or _default_tables()
        articles = pd.DataFrame(self.summaries)
        if articles.empty:
            articles = pd.DataFrame(columns=ARTICLE_COLUMNS)
        lead = [c for c in ARTICLE_COLUMNS if c in articles.columns]
        articles = articles[lead + [c for c in articles.columns if c not in lead]]
        errors = pd.DataFrame(self.errors, columns=ERROR_COLUMNS)
        frames = {} if self.out is not None else {n: _concat(self.held.get(n, [])) for n in names}
        if self.out is not None:
            write_parquet(articles, self.out / "articles.parquet")
            write_parquet(errors, self.out / "errors.parquet")
        return CorpusResult(articles, errors, names, out=self.out, engine=engine, seconds=seconds, frames=frames)


def _default_tables() -> tuple[str, ...]:

    return tuple(Analysis.TABLES)


def _clear_parts(out: Path) -> None:
    """Remove the Parquet parts of an earlier run in ``out`` (only ``<table>/part-NNNNN.parquet`` files)."""
    if out.exists() and not out.is_dir():
        raise ArticleError(f"out={out} exists and is not a folder")
    if not out.is_dir():
        return
    for sub in out.iterdir():
        if sub.is_dir():
            for p in sub.iterdir():
                if _PART.match(p.name):
                    p.unlink()


def read_parquet(path: Path) -> pd.DataFrame:
    """A Parquet part as written by :func:`write_parquet`, object columns (strings and None) restored."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    df = table.to_pandas()
    for col in (table.schema.pandas_metadata or {}).get("columns", []):
        name = col.get("name")
        if col.get("numpy_type") == "object" and name in df.columns and df[name].dtype != object:
            values = df[name].astype(object)
            df[name] = values.where(values.notna(), None)
    return df


def write_parquet(df: pd.DataFrame, path: Path) -> Path:
    """Write ``df`` to Parquet atomically; object columns pyarrow cannot type are written as strings."""
    import pyarrow as pa

    try:
        table = pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        fixed = df.copy()
        for col in fixed.columns:
            if fixed[col].dtype == object:
                fixed[col] = fixed[col].map(lambda v: v if v is None or isinstance(v, str) else str(v))
        table = pa.Table.from_pandas(fixed, preserve_index=False)
    import pyarrow.parquet as pq

    with atomic_write(path, "wb") as fh:
        pq.write_table(table, fh)
    return path


# --------------------------------------------------------------------------- the front door


def analyze_corpus(
    source: Any,
    engine: str = "local",
    *,
    out: str | Path | None = None,
    date_field: str = "date",
    workers: int | None = None,
    scheduler: Any = None,
    chunksize: int = 1,
    part_size: int = 256,
    progress: bool = True,
    **analyze_options: Any,
) -> CorpusResult:
    """Analyse every article of a corpus with :func:`helpers.pipeline.analyze`, on one engine.

    Args:
        source: a folder of ``.txt``/``.md``/``.html`` files (read recursively, sorted by relative
            path; ``article_id`` is the relative path without its suffix), a ``.jsonl`` or ``.csv``
            file with a ``text`` column (optional ``id``, ``title``, ``url`` and date columns; without
            ``id`` the 1-based record number, zero-padded), or an iterable of texts, Articles or dicts.
        engine: ``"local"`` (this process), ``"processes"`` (all cores) or ``"dask"``.
        out: folder to stream the tables to, as ``out/<table>/part-NNNNN.parquet`` plus
            ``out/articles.parquet`` and ``out/errors.parquet``; parts of an earlier run there are replaced.
        date_field: the record field holding the article date (``YYYY-MM-DD``).
        workers: processes or Dask workers (default: the CPUs available).
        scheduler: for ``engine="dask"``: a scheduler address or a ``distributed.Client``; default a
            ``LocalCluster`` with ``workers`` single-threaded worker processes, closed afterwards.
            Remote workers need ``helpers`` installed.
        chunksize: articles per task sent to a process or Dask worker (raise it for very short texts).
        part_size: articles per Parquet part (with ``out``); bounds the memory the tables take.
        progress: show a progress bar (``tqdm.auto``: a widget in notebooks, text in a terminal).
        **analyze_options: passed to :func:`~helpers.pipeline.analyze` for every article.

    Returns:
        The tables; a bad article is a row of ``errors``, never an exception.

    Raises:
        ArticleError: the source cannot be read as a corpus.
        MethodError: an unknown engine.
    """
    if engine not in _ENGINES:
        raise MethodError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if chunksize < 1 or part_size < 1:
        raise MethodError("chunksize and part_size must be at least 1")
    _check_options(analyze_options)
    n_workers = workers or _available_cpus()
    recs = records(source, date_field=date_field)
    sink = _Sink(Path(out) if out is not None else None, part_size)
    from tqdm.auto import tqdm

    start = time.perf_counter()
    run = _ENGINES[engine](recs, dict(analyze_options), workers=n_workers, chunksize=chunksize, scheduler=scheduler)
    with tqdm(total=corpus_size(source), unit="article", desc=f"corpus ({engine})", disable=not progress) as bar:
        for outcome in run:
            sink.add(outcome)
            bar.update(1)
    return sink.result(engine, time.perf_counter() - start)


def _check_options(options: dict[str, Any]) -> None:
    """Fail once, before any article, on options every article would fail on (a bad name or method)."""
    import inspect


    allowed = set(inspect.signature(analyze).parameters) - {"article", "date"}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise MethodError(f"unknown option {', '.join(unknown)}; analyze takes {', '.join(sorted(allowed))}")
    for key in ("sentiment_method", "compare_method"):
        if options.get(key) is not None:
            get_method(options[key])
    if options.get("stance_method") is not None:
        get_scorer(options["stance_method"])


def _available_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
