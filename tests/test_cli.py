"""The command line: outputs, and one clear line with exit 2 on bad input or usage."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from helpers.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, timeout=300)


def test_analyze_json(seed_path):
    r = run("analyze", str(seed_path), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["article"]["name"] == "putin-phone-call"
    assert len(data["sentences"]) == 40
    for key in ("sentences", "mentions", "actors", "stance", "quotes"):
        assert key in data


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_analyze_other_formats(seed_path, fmt, capsys):
    assert main(["analyze", str(seed_path), "--format", fmt, "--table", "sentences"]) == 0
    out = capsys.readouterr().out
    assert "Putin" in out


def test_analyze_out_dir(seed_path, tmp_path, capsys):
    assert main(["analyze", str(seed_path), "--out", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / "sentences.csv").exists()
    assert json.loads((tmp_path / "o" / "analysis.json").read_text())["article"]["sentences"] == 40


def test_sentiment_method_is_chosen_on_the_command_line(seed_path, tmp_path, capsys):
    assert main(["analyze", str(seed_path), "--sentiment", "vader", "--out", str(tmp_path / "o")]) == 0
    data = json.loads((tmp_path / "o" / "analysis.json").read_text())
    assert data["options"]["sentiment_method"] == "vader"
    assert {m["method"] for m in data["mentions"] if m["role"] == "actor"} == {"vader"}


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "does-not-exist.txt"],
        ["analyze"],
        ["analyze", "data/articles/putin-phone-call.txt", "--format", "xml"],
        ["frobnicate"],
        [],
        ["analyze", "data/articles/putin-phone-call.txt", "--table", "nope"],
        ["analyze", "data/articles/putin-phone-call.txt", "--date", "yesterday"],
        ["analyze", "data/articles/putin-phone-call.txt", "--sentiment", "crystal-ball"],
        ["corpus", "data/corpus/sample_news.jsonl", "--sentiment", "crystal-ball", "--quiet"],
        ["train", "bow", "--dse", "no-such-folder"],
        ["train", "telepathy"],
    ],
)
def test_usage_and_bad_input_exit_2_one_line(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_directory_via_subprocess(tmp_path):
    r = run("analyze", str(tmp_path))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "directory" in r.stderr
    assert "Traceback" not in r.stderr


class _ClosedPipe(io.StringIO):
    """Standard output whose reader has gone ("... | head"): every write fails as a closed pipe does."""

    def write(self, s: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_quietly(seed_path, monkeypatch, capsys):
    """"python -m helpers analyze x.txt | head": no traceback, exit 0, nothing on stderr."""
    monkeypatch.setattr("sys.stdout", _ClosedPipe())
    assert main(["analyze", str(seed_path), "--format", "csv", "--table", "sentences"]) == 0
    assert capsys.readouterr().err == ""
