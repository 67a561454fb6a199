"""The report: a failing notebook is named with its cell, and the other notebooks' output is still written."""

from __future__ import annotations

import nbformat

from helpers import config
from helpers.reports.report import article_notebooks, build_report


def test_article_notebooks_are_the_parameterised_ones():
    names = [p.name for p in article_notebooks()]
    assert names[:4] == ["01_article_overview.ipynb", "02_actors.ipynb", "03_sentiment_per_actor.ipynb",
                         "04_stance.ipynb"]  # fmt: skip
    assert "05_compare_articles.ipynb" not in names  # takes a list of articles, not one


def test_failing_notebook_is_reported_and_others_still_written(tmp_path, seed_path):
    broken = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('article_path = "x"\narticle_date = None')
    params.metadata["tags"] = ["parameters"]
    broken.cells = [params, nbformat.v4.new_code_cell("raise ValueError('deliberately broken')")]
    broken.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    bad = tmp_path / "99_broken.ipynb"
    nbformat.write(broken, bad)
    good = config.ROOT / "notebooks" / "01_article_overview.ipynb"
    out, runs = build_report(seed_path, out_dir=tmp_path / "reports", notebooks=[bad, good], progress=False)
    by_name = {r.notebook: r for r in runs}
    assert "ValueError" in by_name["99_broken.ipynb"].error and "cell" in by_name["99_broken.ipynb"].error
    assert by_name["01_article_overview.ipynb"].error is None
    assert (out / "notebooks" / "01_article_overview.ipynb").exists()
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Notebooks that failed" in html and "99_broken.ipynb" in html
    assert (out / "tables" / "actors.csv").exists() and (out / "charts" / "sentiment_arc.png").exists()


def test_accuracy_lines_read_the_result_files_not_fixed_text(tmp_path):
    import json

    from helpers.reports.evaluate import accuracy_lines

    (tmp_path / "dse.json").write_text(json.dumps({
        "anchors_test_macro_f1": {"always neutral (anchor)": 0.158},
        "splits": {"test": {"methods": {"rules": {"macro_f1": 0.4483}, "model": {"macro_f1": 0.6492},
                                        "always-neutral": {"macro_f1": 0.158}}}},
    }))  # fmt: skip
    lines = accuracy_lines(tmp_path)
    assert lines == ["Stance between two actors (DSE test, five directed classes, macro-F1): model 0.649, "
                     "rules 0.448; anchors: always neutral 0.158."]  # 3 decimals: 0.448 must not read as 0.45
    assert accuracy_lines(tmp_path / "missing") == []


def test_articles_with_the_same_stem_get_their_own_report_folders(tmp_path):
    from helpers.reports.report import report_folder

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    txt, html, other, more = tmp_path / "x.txt", tmp_path / "x.html", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    for p in (txt, html, other, more):
        p.write_text("text", encoding="utf-8")
    out = tmp_path / "reports"
    first = report_folder(out, txt)
    second = report_folder(out, html)
    third = report_folder(out, other)
    fourth = report_folder(out, more)
    assert [first.name, second.name, third.name] == ["x", "x-html", "x-txt"] and fourth.name.startswith("x-txt-")
    assert report_folder(out, txt) == first  # a rerun reuses its own folder
    assert (first / "source.txt").read_text(encoding="utf-8").strip() == str(txt.resolve())


def test_the_actor_table_names_what_others_did_to_an_actor(seed_analysis):
    from helpers.reports.page import actor_rows

    rows = actor_rows(seed_analysis).set_index("actor")
    assert "accused or criticised" in rows.loc["Vladimir Putin", "evidence"]  # the arrest order, "thug"
    assert "by others" not in rows.loc["Joe Biden", "evidence"]  # he speaks the insults; nobody judges him
