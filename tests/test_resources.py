"""Where the data, notebooks and results are found: the environment, an installed wheel, the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from helpers import resources


def test_helpers_data_dir_moves_every_data_file(tmp_path, monkeypatch):
    shutil.copytree(resources.data_dir() / "lexicons", tmp_path / "lexicons")
    monkeypatch.setenv("HELPERS_DATA_DIR", str(tmp_path))
    assert resources.data_dir() == tmp_path
    assert resources.data_path("lexicons", "titles.csv") == tmp_path / "lexicons" / "titles.csv"


def test_the_checkout_is_the_fallback(monkeypatch):
    monkeypatch.delenv("HELPERS_DATA_DIR", raising=False)
    assert (resources.data_dir() / "lexicons" / "groups.csv").is_file()
    assert (resources.notebooks_dir() / "02_actors.ipynb").is_file()
    assert (resources.results_dir() / "actors.json").is_file()


@pytest.mark.slow
def test_an_installed_wheel_analyses_an_article_outside_the_checkout(tmp_path):
    """`pip install .` (not editable) carries the data, notebooks and results: analysis works from anywhere."""
    root = resources.data_dir().parent
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(root)], check=True, capture_output=True)  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "HELPERS_DATA_DIR"}
    env["PYTHONPATH"] = str(target)
    code = ("import helpers, helpers.resources as r; "
            "res = helpers.analyze(helpers.load_article(text='Russian President Vladimir Putin met Joe Biden.')); "
            "print(r.data_dir()); print(sorted(res.actors['actor']))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True,
                         text=True).stdout  # fmt: skip
    assert str(target) in out.splitlines()[0] and "Vladimir Putin" in out


def test_no_package_or_data_file_is_ignored_by_git():
    """A `.gitignore` pattern must not hide code or data a fresh clone needs."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if shutil.which("git") is None or not os.path.isdir(os.path.join(root, ".git")):
        pytest.skip("not a git checkout")
    files = [
        os.path.relpath(os.path.join(d, f), root)
        for top in ("src/helpers", "data", "notebooks", "tests")
        for d, _, names in os.walk(os.path.join(root, top))
        if "__pycache__" not in d and ".ipynb_checkpoints" not in d
        for f in names
        if not f.endswith((".pyc", ".parquet"))
    ]
    out = subprocess.run(
        ["git", "check-ignore", "--no-index", *files], cwd=root, capture_output=True, text=True
    )
    assert out.stdout.split() == [], out.stdout
