"""analyze(): the tables the issues name, their links, and the per-actor aggregation."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers.sentiment.portrayal import (
    PORTRAYAL_COLUMNS,
    PortrayalRule,
    actor_rows,
    actor_sentiment,
    judgements,
    portray,
)

COLUMNS = {
    "sentences": ["sentence_id", "section", "start", "end", "text", "polarity", "subjectivity", "vader"],
    "mentions": ["actor_id", "actor", "type", "sentence_id", "start", "end", "text", "resolved_by",
                 "sentiment", "label", "method", "evidence"],
    "actors": ["actor_id", "actor", "type", "mentions", "first_sentence", "sentiment", "label", "n_negative",
               "n_neutral", "n_positive", "ci_low", "ci_high"],
    "stance": ["source_id", "source", "target_id", "target", "label", "score", "n", "evidence"],
    "quotes": ["speaker_id", "speaker", "cue", "text", "start", "end", "sentence_id"],
}  # fmt: skip


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_tables_have_the_named_columns(seed_analysis, table):
    df = getattr(seed_analysis, table)
    assert list(df.columns[: len(COLUMNS[table])]) == COLUMNS[table] or set(COLUMNS[table]) <= set(df.columns)


def test_tables_link_up(seed_analysis):
    a = seed_analysis
    ids = set(a.actors["actor_id"])
    acting = a.mentions[a.mentions["role"] == "actor"]
    assert set(acting["actor_id"]) == ids
    assert set(a.stance["source_id"]) <= ids and set(a.stance["target_id"]) <= ids
    assert set(a.mentions["sentence_id"]) <= set(a.sentences["sentence_id"])
    counts = acting.groupby("actor_id").size()
    assert (a.actors.set_index("actor_id")["mentions"] == counts.reindex(a.actors["actor_id"]).to_numpy()).all()


def test_evidence_spans_point_into_the_text(seed_analysis):
    text = seed_analysis.article.text
    for row in seed_analysis.mentions.itertuples():
        words = [w.rsplit("(", 1)[0] for w in row.evidence.split("; ")] if row.evidence else []
        spans = [tuple(int(x) for x in p.split(":")) for p in row.evidence_spans.split()] if row.evidence_spans else []
        assert [text[s:e] for s, e in spans] == words


def test_interval_contains_mean_and_narrows_with_mentions(seed_analysis):
    actors = seed_analysis.actors
    assert (actors["ci_low"] <= actors["sentiment"] + 1e-9).all() and (actors["sentiment"] <= actors["ci_high"] + 1e-9).all()
    one = actors[actors["mentions"] == 1]
    assert ((one["ci_low"] == -1) & (one["ci_high"] == 1)).all()


def test_actor_sentiment_counts_and_label():
    m = pd.DataFrame({"actor_id": ["a", "a", "a", "b", "c"], "sentiment": [-0.8, -0.6, 0.0, 0.9, 0.5],
                      "label": ["negative", "negative", "neutral", "positive", "positive"]})  # fmt: skip
    out = actor_sentiment(m).set_index("actor_id")
    assert out.loc["a", "label"] == "negative" and out.loc["a", "n_negative"] == 2 and out.loc["a", "n_neutral"] == 1
    assert out.loc["a", "sentiment"] == pytest.approx(-0.4667, abs=1e-4)
    assert out.loc["b", "label"] == "positive"  # one mention, confident
    assert out.loc["c", "label"] == "neutral"  # one mention, not confident enough to label the actor
    assert "2 of 3 mentions negative" in out.loc["a", "portrayal_basis"]
    pd.testing.assert_frame_equal(actor_sentiment(m), actor_sentiment(m))  # fixed seed: same interval


def test_an_actor_label_needs_clear_evidence():
    m = pd.DataFrame({"actor_id": ["icc", "x", "x", "x"], "sentiment": [-0.35, -0.6, -0.5, -0.4],
                      "label": ["neutral", "negative", "negative", "neutral"]})  # fmt: skip
    out = actor_sentiment(m).set_index("actor_id")
    assert out.loc["icc", "label"] == "neutral"  # its one mention is not confident
    assert out.loc["x", "label"] == "negative"


def test_the_evidence_needed_shrinks_with_the_number_of_mentions():
    rule = PortrayalRule(negative_mean=0.3, positive_mean=0.05, z=1.25, min_spread=0.5)
    assert portray([0.7], ["positive"], rule).label == "positive"  # one confident mention
    assert portray([0.5], ["positive"], rule).label == "neutral"
    assert portray([0.4, 0.4], ["positive"] * 2, rule).label == "neutral"  # under 1.25 * 0.5 / sqrt(2) = 0.44
    assert portray([0.3] * 12, ["positive"] * 12, rule).label == "positive"  # a steady mean over many mentions
    assert portray([0.9, -0.7, 0.8, -0.6], ["positive", "negative"] * 2, rule).label == "neutral"  # spread
    assert portray([-0.25] * 12, ["negative"] * 12, rule).label == "neutral"  # under the negative mean


def test_judgements_by_others_count_toward_the_portrayal():
    events = pd.DataFrame({"source_id": ["a", "a", "b", "c", "x"], "target_id": ["x", "x", "x", "x", "x"],
                           "category": ["criticize", "fight", "accuse", "praise", "criticize"],
                           "label": ["hostile", "hostile", "hostile", "cooperative", "hostile"]})  # fmt: skip
    assert judgements(events) == {"x": [-1, -1, 1]}  # a fight is no judgement; nor is an act toward oneself
    asked = pd.DataFrame({"source_id": ["a", "b"], "target_id": ["x", "y"], "category": ["demand", "demand resignation"],
                          "label": ["hostile", "hostile"]})  # fmt: skip
    assert judgements(asked) == {"x": [-1], "y": [-1]}  # "demanded an investigation of Y", "urged Y to resign"
    plain = portray([-0.2, 0.0, -0.3], ["neutral", "neutral", "negative"])
    judged = portray([-0.2, 0.0, -0.3], ["neutral", "neutral", "negative"], judged=[-1, -1])
    assert plain.label == "neutral" and judged.label == "negative"
    assert (judged.n_negative, judged.n_neutral) == (1, 2)  # the counts stay the mentions'
    assert "2 acts of others against it" in judged.basis
    assert portray([-0.2, 0.0], ["neutral", "neutral"], PortrayalRule(judged_score=0.0), judged=[-1, -1]).label \
        == "neutral"


def test_seed_putin_is_portrayed_negatively(seed_analysis):
    actors = seed_analysis.actors.set_index("actor_id")
    assert actors.loc["vladimir_putin", "label"] == "negative"  # an arrest order, "thug", "murderous dictator"
    assert "acts of others against it" in actors.loc["vladimir_putin", "portrayal_basis"]


def test_a_speakers_label_for_someone_else_is_not_sentiment_toward_the_speaker():
    text = "Declaring Putin a “murderous dictator” and a “pure thug,” Joe Biden made his position clear."
    res = helpers.analyze(helpers.load_article(text=text))
    m = res.mentions.set_index("text")
    assert m.loc["Putin", "label"] == "negative"
    assert m.loc["Joe Biden", "label"] != "negative"
    q = res.quotes
    assert (q["speaker_id"] == "joe_biden").any()


def test_seed_actor_portraits(seed_analysis):
    actors = seed_analysis.actors.set_index("actor_id")
    assert actors.loc["vladimir_putin", "mentions"] >= 12
    assert actors.loc["UKR", "label"] != "positive"  # invaded, "suffers an uncertain future": a victim, not praised
    assert actors.loc["vladimir_putin", "label"] != "positive"  # a pariah who issues ultimatums
    edges = {(r.source_id, r.target_id): r.label for r in seed_analysis.stance.itertuples()}
    assert edges[("joe_biden", "vladimir_putin")] == "hostile"
    assert edges[("RUS", "UKR")] == "hostile"
    assert edges[("office:us_president", "vladimir_putin")] == "cooperative"


def test_seed_biden_is_not_portrayed_negatively(seed_analysis):
    actors = seed_analysis.actors.set_index("actor_id")
    assert actors.loc["joe_biden", "label"] != "negative"  # he is the speaker of the insults, not their target


def test_options_record_methods(seed_analysis):
    assert seed_analysis.options["sentiment_method"] in {"model", "textblob", "vader"}
    assert seed_analysis.options["compare_method"] == "textblob"


def test_an_article_without_actors_has_the_same_columns_and_dtypes(seed_analysis):
    empty = helpers.analyze(helpers.load_article(text="It rained all day in the hills. Nobody came."))
    assert empty.mentions.empty and empty.actors.empty
    for name in ("mentions", "actors"):
        full, none = getattr(seed_analysis, name), getattr(empty, name)
        assert none.columns.tolist() == full.columns.tolist()
        for col in ("sentiment", "sentiment_textblob", "n_negative", "ci_low"):
            if col in full:
                assert none[col].dtype == full[col].dtype, (name, col)
        assert not pd.api.types.is_float_dtype(none["label"])


def test_the_actor_table_counts_the_judgements_it_used():
    m = pd.DataFrame({"actor_id": ["x", "x"], "sentiment": [-0.2, 0.0], "label": ["neutral", "neutral"]})
    row = dict(zip(PORTRAYAL_COLUMNS, actor_rows(m, "sentiment", "label", judged={"x": [-1, -1, 1]})["x"],
                   strict=True))  # fmt: skip
    assert (row["n_judged_against"], row["n_judged_praise"]) == (2, 1)
