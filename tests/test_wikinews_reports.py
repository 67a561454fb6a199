"""Real, unseen articles: the full report on three Wikinews articles about international politics.

Skipped with a message when ../shared is absent. The Wikinews texts (CC BY 2.5) are read from there and
written only to a temporary folder, never into the repository.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers import config

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# Picked for being about international politics (heuristic_intl_politics), short enough for CI.
ARTICLE_IDS = ("wn2019_015", "wn2019_045", "wn2019_006")


@pytest.fixture(scope="module")
def wikinews_reports(tmp_path_factory):
    path = config.WIKINEWS_FILE
    if not path.exists():
        pytest.skip(f"Wikinews corpus not found at {path}: skipped (put ../shared beside the repo to run it)")
    from helpers.reports.report import build_report

    rows = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in ARTICLE_IDS and not row.get("unpublished_or_test"):
                rows[row["id"]] = row
    assert set(rows) == set(ARTICLE_IDS)
    tmp = tmp_path_factory.mktemp("wikinews")
    out = {}
    for aid, row in sorted(rows.items()):
        article = tmp / f"{aid}.txt"
        article.write_text(row["title"] + "\n\n" + row["text"], encoding="utf-8")
        out[aid] = build_report(article, out_dir=tmp / "reports", date=row["date"], progress=False)
    return out


@pytest.mark.parametrize("aid", ARTICLE_IDS)
def test_every_notebook_completes(wikinews_reports, aid):
    folder, runs = wikinews_reports[aid]
    assert runs and all(r.error is None for r in runs), [r.error for r in runs]
    assert (folder / "report.html").stat().st_size > 10_000


@pytest.mark.parametrize("aid", ARTICLE_IDS)
def test_tables_consistent(wikinews_reports, aid):
    folder, _ = wikinews_reports[aid]
    data = json.loads((folder / "tables" / "analysis.json").read_text(encoding="utf-8"))
    mentions = pd.DataFrame(data["mentions"])
    actors = pd.DataFrame(data["actors"])
    stance = pd.DataFrame(data["stance"])
    assert len(actors) >= 2, "actors found"
    text = (folder.parent.parent / f"{aid}.txt").read_text(encoding="utf-8")
    for row in mentions.itertuples():
        assert text[row.start : row.end] == row.text
    known = set(actors["actor_id"])
    assert set(mentions.loc[mentions["role"] == "actor", "actor_id"]) <= known
    if len(stance):
        assert set(stance["source_id"]) <= known and set(stance["target_id"]) <= known
