"""Command line: ``python -m helpers analyze|corpus|train|report ...``.

Exit codes: 0 success, 2 bad input or usage (one line on stderr), 1 an unexpected failure.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers import config
from helpers.corpus import analyze_corpus
from helpers.errors import DatasetMissing, HelpersError
from helpers.ml import bow, fit_bow
from helpers.pipeline import analyze
from helpers.reports.export import safe_frame, to_records, write_csv, write_json
from helpers.reports.report import build_report
from helpers.text.article import load_article

FORMATS = ("json", "csv", "table")


class UsageError(HelpersError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2
        raise UsageError(f"{self.prog}: {message} (see --help)")


_SENTIMENT_HELP = ("sentiment method toward actors: default (= model, the fine-tuned encoder), textblob or vader "
                   "(transparent lexicon methods)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its sub-commands."""
    p = _Parser(prog="python -m helpers", description="Read news articles actor by actor.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    a = sub.add_parser("analyze", help="analyse one article (.txt, .md, .html)")
    a.add_argument("path", help="article file")
    a.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    a.add_argument("--out", help="folder to write the tables to (CSV and JSON) instead of stdout")
    a.add_argument("--date", help="article date YYYY-MM-DD, for dated titles such as 'the U.S. president'")
    a.add_argument("--table", default=None, help="with --format csv/table on stdout: which table (default all)")
    a.add_argument("--sentiment", default="default", metavar="METHOD", help=_SENTIMENT_HELP)
    t = sub.add_parser("train", help="retrain a committed model from its data sets (deterministic; the encoder "
                                     "needs requirements-train.txt, see `make models`)")  # fmt: skip
    t.add_argument("model", choices=("encoder", "bow"),
                   help="encoder: the fine-tuned MiniLM (NewsMTSC + DSE); bow: the bag-of-words stance model (DSE) "
                        "blended with the committed encoder")  # fmt: skip
    t.add_argument("--newsmtsc", help="NewsMTSC folder (default ../shared/newsmtsc)")
    t.add_argument("--dse", help="DSE folder (default ../shared/dse)")
    t.add_argument("--out", help="model folder (default data/models/encoder or data/models/bow)")

    r = sub.add_parser("report", help="run the notebooks on an article and write an HTML report")
    r.add_argument("path", help="article file")
    r.add_argument("--out", default="reports", help="parent folder of the report (default: reports)")
    r.add_argument("--date", help="article date YYYY-MM-DD")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    c = sub.add_parser("corpus", help="analyse a corpus: a folder of articles, a .jsonl or a .csv file")
    c.add_argument("source", help="folder of .txt/.md/.html files, or a .jsonl/.csv file with a 'text' column")
    c.add_argument("--engine", choices=("local", "processes", "dask"), default="local", help="default: local")
    c.add_argument("--out", help="folder to stream the tables to as Parquet (default: corpus_out)")
    c.add_argument("--workers", type=int, help="processes or Dask workers (default: all CPUs)")
    c.add_argument("--scheduler", help="with --engine dask: scheduler address (default: a local cluster)")
    c.add_argument("--date-field", default="date", help="record field holding the date (default: date)")
    c.add_argument("--quiet", action="store_true", help="no progress bar")
    c.add_argument("--sentiment", default="default", metavar="METHOD", help=_SENTIMENT_HELP)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
        return _COMMANDS[args.command](args)
    except HelpersError as exc:
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "python -m helpers analyze x.txt | head": the reader stopped reading, no error
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    """Point standard output at the null device, so flushing it at exit after a closed pipe raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # a stand-in stdout with no file descriptor (tests, notebooks)


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _cmd_analyze(args: argparse.Namespace) -> int:

    article = load_article(args.path, date=args.date)
    result = analyze(article, sentiment_method=args.sentiment)
    if result.options.get("language_warning"):
        print(f"warning: {result.options['language_warning']}", file=sys.stderr)
    tables = result.tables()
    if args.table is not None and args.table not in tables:
        raise UsageError(f"unknown table {args.table!r}; choose from {', '.join(tables)}")
    chosen = {args.table: tables[args.table]} if args.table else tables
    if args.out:
        out = Path(args.out)
        if out.exists() and not out.is_dir():
            raise UsageError(f"--out {out} exists and is not a folder")
        for name, df in chosen.items():
            write_csv(df, out / f"{name}.csv")
        write_json(result.to_dict(), out / "analysis.json")
        print(f"wrote {len(chosen)} tables and analysis.json to {out}")
        return 0
    if args.format == "json":

        data = result.to_dict()
        if args.table:
            data = {"article": data["article"], args.table: to_records(chosen[args.table])}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    elif args.format == "csv":

        for i, (name, df) in enumerate(chosen.items()):
            if len(chosen) > 1:
                sys.stdout.write(("\n" if i else "") + f"# {name}\n")
            safe_frame(df).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:

        info = result.article_info()
        print(f"{info['title']}  ({info['sentences']} sentences, date: {info['date'] or 'unknown'})")
        with pd.option_context("display.width", 160, "display.max_colwidth", 60, "display.max_rows", 500):
            for name, df in chosen.items():
                print(f"\n== {name} ({len(df)} rows)")
                if not df.empty:
                    print(df.to_string(index=False))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:

    out, runs = build_report(args.path, out_dir=args.out, date=args.date, progress=not args.quiet)
    failed = [r for r in runs if r.error]
    print(f"report: {out / 'report.html'} ({len(runs) - len(failed)}/{len(runs)} notebooks ok)")
    print(f"tables: {out / 'tables'}  charts: {out / 'charts'}  notebooks: {out / 'notebooks'}")
    return 1 if failed else 0


def _cmd_corpus(args: argparse.Namespace) -> int:

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    result = analyze_corpus(
        args.source, args.engine, out=args.out or "corpus_out", workers=args.workers, scheduler=args.scheduler,
        date_field=args.date_field, progress=not args.quiet, sentiment_method=args.sentiment,
    )  # fmt: skip
    s = result.summary()
    print(f"articles: {s['articles']} ok, {s['errors']} errors; {s['sentences']} sentences in {s['seconds']:.1f} s")
    print(f"tables: {result.out}/<table>/part-NNNNN.parquet ({', '.join(result.table_names)}); "
          f"{result.out}/articles.parquet, {result.out}/errors.parquet")  # fmt: skip
    return 0


def _cmd_train(args: argparse.Namespace) -> int:

    newsmtsc = Path(args.newsmtsc) if args.newsmtsc else config.NEWSMTSC_DIR
    dse = Path(args.dse) if args.dse else config.DSE_DIR
    if args.model == "bow":
        if not dse.is_dir():
            raise DatasetMissing(f"training data not found at {dse}; pass --dse with the data set's folder")
        out = args.out or str(bow.MODEL_DIR)
        meta = fit_bow.train(dse, out)
        print(f"trained the bag-of-words stance model into {out}; validation: "
              f"{json.dumps(meta['validation'], sort_keys=True)}")  # fmt: skip
        return 0
    for folder, name in ((newsmtsc, "--newsmtsc"), (dse, "--dse")):
        if not folder.is_dir():
            raise DatasetMissing(f"training data not found at {folder}; pass {name} with the data set's folder")
    try:
        from helpers.ml import finetune  # torch: the training stack, apart from the run time
    except ImportError as exc:
        raise UsageError(f"training needs the training stack ({exc.name} is missing): install "
                         "requirements-train.txt into a separate venv, or run `make models`") from None
    out = args.out or str(finetune.R.MODEL_DIR)
    meta = finetune.train(newsmtsc, dse, out)
    print(f"trained the encoder into {out}; validation: {json.dumps(meta.get('validation'), sort_keys=True)}")
    return 0


_COMMANDS = {"train": _cmd_train, "analyze": _cmd_analyze, "report": _cmd_report, "corpus": _cmd_corpus}


if __name__ == "__main__":
    raise SystemExit(main())
