"""Scoring functions of benchmarks/persent.py and benchmarks/polnear.py on hand-made inputs (no shared data)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


persent = _load("persent")
polnear = _load("polnear")


# --------------------------------------------------------------------------- PerSenT: macro-F1 and thresholds


def test_macro_f1_by_hand():
    gold = ["positive", "positive", "neutral", "negative"]
    pred = ["positive", "neutral", "neutral", "positive"]
    r = persent.macro_f1(gold, pred)
    # positive: tp 1, fp 1, fn 1 -> 0.5; neutral: tp 1, fp 1, fn 0 -> 2/3; negative: tp 0 -> 0
    assert r["per_class_f1"] == pytest.approx({"negative": 0.0, "neutral": 2 / 3, "positive": 0.5})
    assert r["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 3)
    assert r["accuracy"] == pytest.approx(0.5)


def test_macro_f1_majority_counts_absent_classes_as_zero():
    r = persent.macro_f1(["positive", "neutral", "negative", "positive"], ["positive"] * 4)
    assert r["macro_f1"] == pytest.approx((2 * 2 / (2 * 2 + 2)) / 3)


def test_macro_f1_rejects_length_mismatch():
    with pytest.raises(ValueError):
        persent.macro_f1(["positive"], [])


def test_confusion_rows_are_gold():
    c = persent.confusion(["negative", "negative", "positive"], ["neutral", "negative", "negative"])
    assert c["negative"] == {"negative": 1, "neutral": 1, "positive": 0}
    assert c["positive"]["negative"] == 1


def test_tune_thresholds_separates_three_groups():
    scores = [-0.9, -0.8, -0.1, 0.0, 0.1, 0.85, 0.95]
    gold = ["negative", "negative", "neutral", "neutral", "neutral", "positive", "positive"]
    lo, hi = persent.tune_thresholds(scores, gold)
    assert -0.8 < lo < -0.1 and 0.1 < hi < 0.85
    assert [persent.label_of(s, lo, hi) for s in scores] == gold


# --------------------------------------------------------------------------- PerSenT: target matching


def test_name_tokens_drop_titles_initials_and_accents():
    assert persent.name_tokens("Mr. José A. Núñez Jr.") == ("jose", "nunez")
    assert persent.name_tokens("Koellmann's") == ("koellmann",)


@pytest.mark.parametrize(("target", "form", "level"), [
    ("Benjamin Koellmann", "benjamin koellmann", 4),
    ("Benjamin Koellmann", "Koellmann", 3),
    ("Bush", "George W. Bush", 3),
    ("Thaksin Shinawatra", "Thaksin", 2),
    ("Hillary Clinton", "Bill Clinton", 1),
    ("James A. Watson", "Doug Suttles", 0),
    ("Rafael Nadal", "he", 0),
])
def test_name_level(target, form, level):
    assert persent.name_level(target, form) == level


def test_match_by_name_prefers_surname_over_first_name_and_namesake():
    actors = [
        {"actor_id": "james", "forms": ["James", "Adm. James"], "mentions": 9},
        {"actor_id": "watson", "forms": ["Watson", "he"], "mentions": 6},
        {"actor_id": "bp", "forms": ["BP"], "mentions": 20},
    ]
    assert persent.match_by_name("James A. Watson", actors) == ("watson", 3)
    assert persent.match_by_name("Doug Suttles", actors) == (None, 0)


def test_match_by_name_breaks_ties_by_mentions():
    actors = [{"actor_id": "laura", "forms": ["Laura Bush"], "mentions": 1},
              {"actor_id": "george", "forms": ["George W. Bush", "Bush"], "mentions": 5}]
    assert persent.match_by_name("bush", actors)[0] == "george"


def test_match_by_spans_counts_overlapping_mentions():
    spans = [(0, 10), (40, 42), (80, 83)]
    mentions = [("a", 2, 8), ("b", 20, 25), ("a", 40, 42), ("c", 81, 83), ("c", 82, 90), ("b", 100, 104)]
    assert persent.match_by_spans(spans, mentions) == ("a", 2)
    assert persent.match_by_spans([(200, 210)], mentions) == (None, 0)


def test_match_by_spans_ties_go_to_more_characters():
    assert persent.match_by_spans([(0, 10)], [("x", 0, 2), ("y", 3, 9)])[0] == "y"


def test_offset_mapper_identity_and_shift():
    same = persent.offset_mapper("abc", "abc")
    assert same(2) == 2
    shifted = persent.offset_mapper("Title\n\nBody text", "Title\nBody text")
    assert shifted(7) == 6  # "B" of Body


# --------------------------------------------------------------------------- PolNeAR: matching and speakers


def test_overlap_half_of_shorter():
    assert polnear.quote_matches([(0, 10)], [(5, 100)])  # 5 of the shorter's 10
    assert not polnear.quote_matches([(0, 10)], [(6, 100)])  # 4 of 10
    assert not polnear.quote_matches([(0, 10)], [(10, 20)])  # touching is no overlap


def test_overlap_uses_fragments_of_discontinuous_content():
    gold = [(0, 20), (40, 60)]  # “A,” said X. “B.”
    assert polnear.overlap([(0, 60)], gold) == 40
    assert polnear.quote_matches([(41, 59)], gold)
    assert not polnear.quote_matches([(20, 40)], gold)  # the cue between the fragments


def test_actor_at_takes_largest_overlap():
    mentions = [("trump", 0, 5), ("usa", 10, 23), ("clinton", 30, 32)]
    assert polnear.actor_at(mentions, (0, 23)) == "usa"
    assert polnear.actor_at(mentions, (24, 29)) is None
    assert polnear.actor_at(mentions, None) is None


def test_speaker_right_by_span_by_actor_and_never_without_source():
    mentions = [("trump", 0, 5), ("trump", 50, 52)]  # "Trump ... he"
    gold = {"source": (50, 52)}  # the gold source is the pronoun "he"
    assert polnear.speaker_right({"speaker_span": (49, 53), "speaker_id": None}, gold, mentions) == "span"
    assert polnear.speaker_right({"speaker_span": (0, 5), "speaker_id": "trump"}, gold, mentions) == "actor"
    assert polnear.speaker_right({"speaker_span": (0, 5), "speaker_id": "clinton"}, gold, mentions) is None
    assert polnear.speaker_right({"speaker_span": None, "speaker_id": None}, gold, mentions) is None
    assert polnear.speaker_right({"speaker_span": (50, 52), "speaker_id": "trump"}, {"source": None}, mentions) is None


def test_appositive_source_resolves_through_its_head():
    text = "Michael Mulgrew, president of the United Federation of Teachers, said so."
    source = (0, 65)
    head = polnear.source_head(text, source)
    assert text[head[0]:head[1]] == "Michael Mulgrew"
    assert polnear.source_head(text, (0, 15)) is None
    mentions = [("mulgrew", 0, 15), ("uft", 34, 64), ("mulgrew", 80, 82)]
    gold = {"source": source, "source_head": head}
    assert polnear.speaker_right({"speaker_span": (80, 82), "speaker_id": "mulgrew"}, gold, mentions) == "actor"
    assert polnear.speaker_right({"speaker_span": (80, 82), "speaker_id": "uft"}, gold, mentions) is None


def test_score_and_aggregate_by_hand():
    mentions = [("trump", 100, 105)]
    golds = [
        {"content": [(0, 20)], "source": (100, 105), "quoted": True},
        {"content": [(30, 60)], "source": (100, 105), "quoted": False},
        {"content": [(200, 220)], "source": (300, 305), "quoted": True},
    ]
    preds = [
        {"spans": [(1, 19)], "speaker_span": (100, 105), "speaker_id": "trump", "quoted": True},  # match, right
        {"spans": [(30, 60)], "speaker_span": None, "speaker_id": None, "quoted": False},  # match, no speaker
        {"spans": [(400, 420)], "speaker_span": None, "speaker_id": "trump", "quoted": True},  # no match
    ]
    polnear.score_article(preds, golds, mentions)
    assert [p["matched"] for p in preds] == [[0], [1], []]
    assert [g["found_right"] for g in golds] == [[0], [], []]
    agg = polnear.aggregate(preds, golds)
    assert agg["all"]["detection"]["precision"] == pytest.approx(2 / 3)
    assert agg["all"]["detection"]["recall"] == pytest.approx(2 / 3)
    assert agg["all"]["speaker_accuracy"] == pytest.approx(1 / 2)
    assert agg["all"]["end_to_end"]["precision"] == pytest.approx(1 / 3)
    assert agg["all"]["end_to_end"]["recall"] == pytest.approx(1 / 3)
    assert agg["quoted"]["end_to_end"]["precision"] == pytest.approx(1 / 2)  # two quoted predictions
    assert agg["quoted"]["end_to_end"]["recall"] == pytest.approx(1 / 2)  # two quoted gold
    assert agg["quoted"]["end_to_end"]["f1"] == pytest.approx(1 / 2)


def test_gold_kind():
    text = "“We win,” said X. He said “a sham” was over. He said it was over."
    assert polnear.gold_kind(text, {"start": 0, "end": 9}) == "direct"
    assert polnear.gold_kind(text, {"start": 26, "end": 43}) == "mixed"
    assert polnear.gold_kind(text, {"start": 53, "end": 64}) == "indirect"


# --------------------------------------------------------------------------- PolNeAR: regex baseline


def test_quote_spans_pair_within_paragraphs():
    text = 'He said “yes.” She said "no."\n“Open to the end\nNext “a” b'
    spans = [text[s:e] for s, e in polnear.quote_spans(text)]
    assert spans == ["yes.", "no.", "Open to the end", "a"]


def test_regex_baseline_speaker_before_and_after_the_verb():
    text = "“We will win,” said John Smith. Then Mary Jones says “no deal.” “Fine,” he told CNN."
    out = polnear.regex_baseline(text)
    assert [text[s:e] for p in out for s, e in p["spans"]] == ["We will win,", "no deal.", "Fine,"]
    assert [p["speaker_text"] for p in out] == ["John Smith", "Then Mary Jones", "he"]  # naive: any capitalised run


def test_regex_baseline_no_cue_no_speaker():
    out = polnear.regex_baseline("The plan was “a sham” from the start.")
    assert len(out) == 1 and out[0]["speaker_span"] is None


def test_is_quoted_looks_just_around_the_span():
    text = "He said “yes” today."
    assert polnear.is_quoted(text, 9, 12)
    assert not polnear.is_quoted(text, 0, 7)


# --------------------------------------------------------------------------- reading the public tables


def test_missing_required_column_is_a_clear_message():
    import pandas as pd

    with pytest.raises(SystemExit, match="label"):
        persent.columns(pd.DataFrame({"actor_id": ["a"]}), "actors", ("actor_id", "label"))
    with pytest.raises(SystemExit, match="start"):
        polnear.require(pd.DataFrame({"end": [3]}), "quotes", ("start", "end"))


def test_project_quotes_without_optional_columns():
    from types import SimpleNamespace

    import pandas as pd

    text = "“We win,” Trump said."
    res = SimpleNamespace(
        article=SimpleNamespace(text=text),
        quotes=pd.DataFrame({"start": [1], "end": [8]}),
        mentions=pd.DataFrame({"actor_id": ["trump"], "start": [10], "end": [15]}),
        actors=pd.DataFrame(),
    )
    preds, mentions, _ = polnear.project_quotes(res)
    assert preds[0]["speaker_span"] is None and preds[0]["speaker_id"] is None and preds[0]["quoted"]
    assert mentions == [("trump", 10, 15)]


def test_split_forms_accepts_strings_lists_and_missing():
    assert persent.split_forms("Nadal|Rafael Nadal|he") == ["Nadal", "Rafael Nadal", "he"]
    assert persent.split_forms(("a", "b")) == ["a", "b"]
    assert persent.split_forms(None) == [] and persent.split_forms(float("nan")) == []
