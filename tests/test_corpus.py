"""Corpora: every source kind, bad articles as errors, Parquet streaming, and engines that agree."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers import config, load_article
from helpers.cli import main
from helpers.corpus import CorpusResult, analyze_corpus, records
from helpers.errors import ArticleError, MethodError

SAMPLE = config.DATA_DIR / "corpus" / "sample_news.jsonl"


@pytest.fixture(scope="module")
def rows():
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def small(rows):
    """Four sample articles as dicts, and their local-engine result (the reference)."""
    four = rows[:4]
    return four, analyze_corpus(four, progress=False)


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.reset_index(names="_order").sort_values(["article_id", "_order"], kind="stable").drop(columns="_order")


def assert_same(a: CorpusResult, b: CorpusResult) -> None:
    assert a.names() == b.names()
    for name in a.names():
        pd.testing.assert_frame_equal(_sorted(a.load(name)), _sorted(b.load(name)), obj=name)


def test_sample_corpus_is_well_formed(rows):
    assert 10 <= len(rows) <= 15
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "title", "date", "url", "text"}
        assert r["date"].startswith("2025-") and r["text"].strip()


def test_jsonl_tables_have_article_id_first(rows):
    result = analyze_corpus(SAMPLE, progress=False)
    assert list(result.articles["article_id"]) == [r["id"] for r in rows]
    assert result.errors.empty
    assert set(result.table_names) >= {"sentences", "mentions", "actors", "stance", "quotes"}
    for name, df in result.tables().items():
        assert df.columns[0] == "article_id", name
    s = result.sentences
    assert s["article_id"].is_monotonic_increasing
    assert (s.groupby("article_id").size() == result.articles.set_index("article_id")["n_sentences"]).all()
    first = result.articles.iloc[0]
    assert first["date"] == rows[0]["date"] and first["title"] == rows[0]["title"]
    assert {"n_sentences", "n_mentions", "n_actors", "top_actor", "mean_polarity"} <= set(result.articles.columns)
    assert "seconds" not in result.articles.columns  # tables compared across engines carry no timings


def test_folder_source(tmp_path, seed_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Two\n\nThe talks failed. Both sides blamed each other.\n")
    (tmp_path / "a.txt").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}")  # not an article type: ignored
    result = analyze_corpus(tmp_path, progress=False)
    assert list(result.articles["article_id"]) == ["a", "b/two"]
    assert result.articles.iloc[0]["n_sentences"] == 40


def test_csv_source(tmp_path, rows):
    path = tmp_path / "c.csv"
    pd.DataFrame(rows[:2]).drop(columns="id").to_csv(path, index=False)
    result = analyze_corpus(path, progress=False)
    assert list(result.articles["article_id"]) == ["000001", "000002"]
    assert list(result.articles["date"]) == [r["date"] for r in rows[:2]]


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,body\n1,hello\n")
    with pytest.raises(ArticleError, match="no 'text' column"):
        analyze_corpus(path, progress=False)


def test_iterable_of_str_article_and_dict(seed_path):
    article = load_article(seed_path)
    items = [
        "Putin spoke to Trump. The call was long.",
        article,
        {"id": "d", "text": "Talks resumed.", "date": "2025-01-02"},
    ]
    result = analyze_corpus(items, progress=False)
    assert list(result.articles["article_id"]) == ["000001", "putin-phone-call", "d"]
    assert result.articles.set_index("article_id").loc["d", "date"] == "2025-01-02"


def test_date_field(rows):
    items = [{"id": "x", "text": rows[0]["text"], "published": "2025-03-04"}]
    result = analyze_corpus(iter(items), date_field="published", progress=False)
    assert result.articles.iloc[0]["date"] == "2025-03-04"


def test_bad_articles_are_errors_and_the_rest_goes_on(tmp_path, rows):
    lines = [
        json.dumps(rows[0]),
        json.dumps({"id": "empty", "text": "   "}),
        "{not json",
        json.dumps({"id": "binary", "text": "\x01\x02\x03\x04" * 50}),
        json.dumps({"id": "notext", "title": "x"}),
        json.dumps({"id": "baddate", "text": "Fine text.", "date": "yesterday"}),
        json.dumps(rows[1]),
        json.dumps(rows[1]),  # duplicate id
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = analyze_corpus(path, progress=False)
    assert list(result.articles["article_id"]) == [rows[0]["id"], rows[1]["id"]]
    errors = result.errors.set_index("article_id")["reason"]
    assert list(errors.index) == ["empty", "000003", "binary", "notext", "baddate", rows[1]["id"]]
    assert "empty" in errors["empty"] and "not JSON" in errors["000003"] and "binary" in errors["binary"]
    assert "duplicate" in errors[rows[1]["id"]]


def test_undecodable_and_binary_files_in_a_folder(tmp_path):
    (tmp_path / "good.txt").write_text("The minister resigned. Critics welcomed the decision.\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "empty.txt").write_text("")
    result = analyze_corpus(tmp_path, progress=False)
    assert list(result.articles["article_id"]) == ["good"]
    assert sorted(result.errors["article_id"]) == ["empty", "image"]


def test_too_large_article(monkeypatch):
    monkeypatch.setattr(config, "MAX_ARTICLE_CHARS", 50)
    result = analyze_corpus(["Short text here.", "A much longer text. " * 10], progress=False)
    assert list(result.errors["article_id"]) == ["000002"]
    assert "over the limit" in result.errors.iloc[0]["reason"]


def test_parquet_streaming_round_trip(tmp_path, small):
    items, reference = small
    out = tmp_path / "out"
    streamed = analyze_corpus(items, out=out, part_size=3, progress=False)
    assert streamed.frames == {}  # nothing held in memory but the summaries
    assert [p.name for p in streamed.paths("sentences")] == ["part-00000.parquet", "part-00001.parquet"]
    assert (out / "articles.parquet").is_file() and (out / "errors.parquet").is_file()
    assert_same(reference, streamed)
    assert_same(reference, CorpusResult.read(out))
    # a second run into the same folder replaces the parts of the first
    again = analyze_corpus(items[:1], out=out, progress=False)
    assert len(again.paths("sentences")) == 1 and again.sentences["article_id"].nunique() == 1


def test_unknown_engine_and_table(small):
    with pytest.raises(MethodError):
        analyze_corpus(["text"], "threads", progress=False)
    with pytest.raises(MethodError, match="no table"):
        small[1].load("nope")


@pytest.mark.parametrize("options", [{"sentiment_method": "crystal-ball"}, {"compare_method": "nope"}, {"colour": "red"}])
def test_bad_analyze_options_fail_once_before_any_article(options):
    with pytest.raises(MethodError):
        analyze_corpus(["A text.", "Another text."], progress=False, **options)


def test_analyze_options_reach_every_article():
    result = analyze_corpus(["Putin met Biden in Geneva."], progress=False, sentiment_method="vader")
    m = result.mentions
    assert set(m.loc[m["role"] == "actor", "method"]) == {"vader"}


def test_source_errors(tmp_path):
    with pytest.raises(ArticleError, match="no such corpus"):
        records(tmp_path / "missing.jsonl")
    with pytest.raises(ArticleError, match="no article files"):
        records(tmp_path)
    (tmp_path / "one.txt").write_text("x")
    with pytest.raises(ArticleError, match="not a corpus"):
        records(tmp_path / "one.txt")
    with pytest.raises(ArticleError):
        records(42)


@pytest.mark.slow
def test_processes_equal_local(small):
    items, reference = small
    assert_same(reference, analyze_corpus(items, "processes", workers=2, chunksize=1, progress=False))


@pytest.mark.slow
def test_dask_equals_local(small):
    pytest.importorskip("distributed")
    items, reference = small
    assert_same(reference, analyze_corpus(items, "dask", workers=2, chunksize=1, progress=False))


@pytest.mark.slow
def test_dask_on_a_given_scheduler(small):
    distributed = pytest.importorskip("distributed")
    items, reference = small
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            by_client = analyze_corpus(items, "dask", scheduler=client, progress=False)
            assert client.status == "running"  # a user's client stays open
        by_address = analyze_corpus(items, "dask", scheduler=cluster.scheduler_address, progress=False)
    assert_same(reference, by_client)
    assert_same(reference, by_address)


def test_cli_corpus(tmp_path, capsys):
    out = tmp_path / "o"
    assert main(["corpus", str(SAMPLE), "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "12 ok, 0 errors" in printed and str(out) in printed
    assert len(pd.read_parquet(out / "articles.parquet")) == 12


@pytest.mark.parametrize(
    "args",
    [
        ["corpus", "missing-folder"],
        ["corpus", str(SAMPLE), "--engine", "spark"],
        ["corpus", str(SAMPLE), "--workers", "0"],
    ],
)
def test_cli_corpus_bad_input(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1
