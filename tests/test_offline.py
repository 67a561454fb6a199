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


def test_notebook_executes_offline(tmp_path, monkeypatch):
    """A notebook runs top to bottom in a kernel whose sockets are blocked and whose NLTK_DATA is empty."""
    import nbformat
    from nbclient import NotebookClient

    from helpers import config
    from helpers.reports.report import ipc_kernel_manager

    empty = tmp_path / "nltk_data"
    empty.mkdir()
    monkeypatch.setenv("NLTK_DATA", str(empty))
    nb_dir = config.ROOT / "notebooks"
    nb = nbformat.read(nb_dir / "03_sentiment_per_actor.ipynb", as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(BLOCK_NETWORK + "\nimport os\nassert os.environ['NLTK_DATA']"))
    probe = "import urllib.request\ntry:\n    urllib.request.urlopen('http://example.com', timeout=2)\n" \
            "except RuntimeError as e:\n    print('blocked:', e)"
    nb.cells.insert(1, nbformat.v4.new_code_cell(probe))
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(nb_dir)}},
                   kernel_manager_class=ipc_kernel_manager()).execute()
    assert "blocked: network access attempted" in "".join(o.get("text", "") for o in nb.cells[1].outputs)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
