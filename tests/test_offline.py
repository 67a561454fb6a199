"""The analysis runs with no NLTK data and no network: sockets are blocked in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

BLOCK_NETWORK = textwrap.dedent(
    """
    import socket

    def _blocked(*args, **kwargs):
        raise RuntimeError("network access attempted during an offline run")

    socket.socket.connect = _blocked
    socket.socket.connect_ex = _blocked
    socket.create_connection = _blocked
    socket.getaddrinfo = _blocked
    """
)


def run_offline(code: str, tmp_path) -> subprocess.CompletedProcess:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    env.pop("HTTP_PROXY", None)
    return subprocess.run(
        [sys.executable, "-c", BLOCK_NETWORK + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_blocker_really_blocks(tmp_path):
    r = run_offline("import urllib.request; urllib.request.urlopen('http://example.com', timeout=2)", tmp_path)
    assert r.returncode != 0 and "network access attempted" in r.stderr


def test_full_analysis_offline(tmp_path, seed_path):
    r = run_offline(
        f"""
        import helpers
        res = helpers.analyze(helpers.load_article({str(seed_path)!r}))
        for name, df in res.tables().items():
            print(name, len(df))
        html = "<html><body><article><h1>T</h1><p>Russia and Ukraine met in Geneva for talks today.</p></article></body></html>"
        print(len(helpers.analyze(helpers.load_article(text=html, format="html")).sentences))
        """,
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "sentences 40" in r.stdout
