"""Bad and odd input through the library and the CLI: a clear error or a sound analysis, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

import helpers
from helpers import ArticleError

GOOD = "Russia and Ukraine met in Geneva. The talks ended without a deal, officials said."

# (name, bytes, suffix, expectation) — expectation "error:<fragment>" or "ok"
CASES = [
    ("empty", b"", ".txt", "error:empty"),
    ("whitespace", b" \n\t \r\n ", ".txt", "error:empty"),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(100), ".txt", "error:PNG"),
    ("zip", b"PK\x03\x04" + bytes(100), ".txt", "error:ZIP"),
    ("pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n", ".txt", "error:PDF"),
    ("random-binary", bytes((i * 7919) % 256 for i in range(5000)), ".txt", "error:binary"),
    ("html-only-scripts", b"<html><head><script>a()</script></head><body><script>b()</script></body></html>", ".html",
     "error:no article text"),
    ("utf8-bom", b"\xef\xbb\xbf" + GOOD.encode(), ".txt", "ok"),
    ("utf16", GOOD.encode("utf-16"), ".txt", "ok"),
    ("cp1252", "Café talks – “Moscow” said no.".encode("cp1252"), ".txt", "ok"),
    ("crlf", GOOD.replace(". ", ".\r\n").encode(), ".txt", "ok"),
    ("nul-bytes", GOOD.encode().replace(b" ", b" \x00", 2), ".txt", "ok"),
    ("emoji-rtl", ("Russia 🇷🇺 and Ukraine 🇺🇦 met. \u200fמשא ומתן\u200f continued. " + GOOD).encode(), ".txt", "ok"),
    ("huge-line", (("word " * 40_000) + "end.").encode(), ".txt", "ok"),
    ("no-punctuation", b"russia ukraine talks geneva officials deal no agreement", ".txt", "ok"),
    ("unclosed-html", b"<html><body><article><p>" + GOOD.encode() * 3 + b"<p>More text here about talks.", ".html", "ok"),
    ("non-english", "Россия и Украина провели переговоры в Женеве. Договорённости не достигнуты.".encode(), ".txt", "ok"),
]


@pytest.mark.parametrize("name,data,suffix,expect", CASES, ids=[c[0] for c in CASES])
def test_library(tmp_path, name, data, suffix, expect):
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(data)
    if expect.startswith("error:"):
        with pytest.raises(ArticleError, match=expect.split(":", 1)[1]):
            helpers.load_article(path)
        return
    result = helpers.analyze(helpers.load_article(path))
    text = result.article.text
    assert len(result.sentences) >= 1
    for name_, df in result.tables().items():
        if {"start", "end", "text"} <= set(df.columns):
            for row in df.itertuples():
                assert text[row.start : row.end] == row.text, name_


@pytest.mark.parametrize("name,data,suffix,expect", CASES, ids=[c[0] for c in CASES])
def test_cli(tmp_path, name, data, suffix, expect):
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(data)
    r = subprocess.run(
        [sys.executable, "-m", "helpers", "analyze", str(path), "--format", "json", "--table", "sentences"],
        capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in r.stderr
    if expect.startswith("error:"):
        assert r.returncode == 2
        assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1
    else:
        assert r.returncode == 0, r.stderr


def test_non_english_is_flagged(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text("Россия и Украина провели переговоры в Женеве. Договорённости не достигнуты.", encoding="utf-8")
    result = helpers.analyze(path)
    assert result.options["language_warning"]


def test_size_limit_message(tmp_path, monkeypatch):
    from helpers import config

    monkeypatch.setattr(config, "MAX_ARTICLE_CHARS", 1000)
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 100)
    with pytest.raises(ArticleError, match="HELPERS_MAX_CHARS"):
        helpers.load_article(path)


def test_html_nothing_fetched_or_run(tmp_path, monkeypatch):
    import socket

    def boom(*a, **k):
        raise AssertionError("network used while reading HTML")

    monkeypatch.setattr(socket, "create_connection", boom)
    monkeypatch.setattr(socket.socket, "connect", boom)
    html = (
        '<html><head><script src="http://example.invalid/x.js"></script><link rel="stylesheet" '
        'href="http://example.invalid/s.css"></head><body><img src="http://example.invalid/i.png">'
        "<article><p>" + GOOD + "</p><script>document.write('INJECTED')</script></article></body></html>"
    )
    art = helpers.load_article(text=html, format="html")
    assert "INJECTED" not in art.text and "Geneva" in art.text
