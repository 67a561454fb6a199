"""Per-target sentiment: labels, ranges, evidence, masking, negation, roles, errors, seed article."""

from __future__ import annotations

import csv

import pytest

from helpers import sentiment as S
from helpers.config import DEFAULT_ARTICLE, GOLD_DIR
from helpers.errors import HelpersError, MethodError
from helpers.sentiment import base as B
from helpers.sentiment.lexicon import news_lexicon

METHODS = ["textblob", "vader", "model", "default"]
THUG = ("Declaring Putin as a “pure thug” and a “murderous dictator,” Joe Biden, the then-President of the "
        "United States, made his position rather clear.")
ULTIMATUM = "Putin’s 2024 plan resembles an ultimatum more than a peace accord."
SUFFERS = "Ukraine suffers an uncertain future while the globe observes."


def span(sentence: str, target: str, nth: int = 0) -> tuple[str, int, int]:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(target, start + 1)
    return sentence, start, start + len(target)


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    with (GOLD_DIR / "seed_sentiment.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_methods_listed():
    assert set(S.methods()) >= {"textblob", "vader", "model", "default"}
    assert S.default_method() == "model"
    assert S.default_method() in S.methods()


@pytest.mark.parametrize("method", METHODS)
def test_labels_ranges_and_evidence_offsets(method, gold):
    items = [(r["sentence"], int(r["start"]), int(r["end"])) for r in gold]
    for (sentence, start, end), res in zip(items, S.score_targets(items, method), strict=True):
        assert res.label in S.LABELS
        assert -1.0 <= res.score <= 1.0
        assert res.method == (S.default_method() if method == "default" else method)
        for e in res.evidence:
            assert sentence[e.start:e.end] == e.word
            assert not (e.start < end and e.end > start), "target words must never be evidence"


@pytest.mark.parametrize("method", ["textblob", "vader"])
def test_lexicon_score_is_sum_of_evidence(method):
    res = S.score_target(*span(SUFFERS, "Ukraine"), method=method)
    assert res.score == pytest.approx(max(-1, min(1, sum(e.weight for e in res.evidence))), abs=1e-3)


@pytest.mark.parametrize("method", METHODS)
def test_target_words_are_masked(method):
    sentence = "Bad Bunny arrived in Miami on Sunday."
    res = S.score_target(sentence, 0, 9, method=method)
    assert all(e.word != "Bad" for e in res.evidence)
    if method in ("textblob", "vader"):
        assert res.label == "neutral"


@pytest.mark.parametrize("method", METHODS)
def test_negation_flips(method):
    pos = S.score_target("Smith is a good and honest leader.", 0, 5, method=method)
    neg = S.score_target("Smith is not a good and honest leader.", 0, 5, method=method)
    assert pos.label == "positive"
    assert neg.score < pos.score
    if method in ("textblob", "vader"):
        assert neg.score < 0


@pytest.mark.parametrize("method", ["textblob", "vader", "default"])
def test_patient_and_agent(method):
    assert S.score_target("Smith was accused by the committee.", 0, 5, method=method).label == "negative"
    sentence = "Smith accused Jones."
    agent = S.score_target(*span(sentence, "Smith"), method=method)
    patient = S.score_target(*span(sentence, "Jones"), method=method)
    assert patient.label == "negative"
    assert agent.score > patient.score


@pytest.mark.parametrize("method", ["textblob", "vader"])
def test_speaker_own_quote_counts_little(method):
    sentence = "“This is a disgrace and a disaster,” Smith said of the bill."
    speaker = S.score_target(*span(sentence, "Smith"), method=method)
    plain = S.score_target("This is a disgrace and a disaster for Smith.", 38, 43, method=method)
    assert abs(speaker.score) < abs(plain.score)


@pytest.mark.parametrize("method", ["textblob", "vader", "model", "default"])
def test_seed_article_examples(method):
    text = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    for s in (THUG, ULTIMATUM, SUFFERS):
        assert s in text
    assert S.score_target(*span(THUG, "Putin"), method=method).label == "negative"
    assert S.score_target(*span(ULTIMATUM, "Putin"), method=method).label != "positive"
    thug = S.score_target(*span(THUG, "Putin"), method=method)
    assert {"thug", "dictator"} & {e.word for e in thug.evidence}


_ENCODER_MISS = pytest.mark.xfail(
    strict=True, reason="known miss: the fine-tuned encoder reads 'Ukraine suffers an uncertain future' as neutral "
    "toward Ukraine (README, Known gaps)")


@pytest.mark.parametrize("method", ["textblob", "vader", pytest.param("model", marks=_ENCODER_MISS),
                                    pytest.param("default", marks=_ENCODER_MISS)])  # fmt: skip
def test_seed_article_suffering_is_negative(method):
    assert S.score_target(*span(SUFFERS, "Ukraine"), method=method).label == "negative"


def test_seed_gold_accuracy(gold):
    """Default method against a careful human reading of the seed article (30 targets).

    Measured when the floor was set (labels written before looking at any method's output on
    them): vader 0.53, textblob 0.63, model 0.57 (the linear model, then the default). The floor sits
    below the measured value to leave room for retraining noise; it was not tuned to pass exactly.
    The fused ``model`` (now the default) scores 0.67, ``linear`` 0.53.
    """
    items = [(r["sentence"], int(r["start"]), int(r["end"])) for r in gold]
    pred = [r.label for r in S.score_targets(items)]
    acc = sum(p == r["label"] for p, r in zip(pred, gold, strict=True)) / len(gold)
    assert len(gold) >= 25
    assert acc >= 0.45, acc


def test_determinism():
    items = [span(THUG, "Putin"), span(THUG, "Joe Biden"), span(SUFFERS, "Ukraine")]
    for method in METHODS:
        assert S.score_targets(items, method) == S.score_targets(list(items), method)


def test_batch_equals_single():
    items = [span(THUG, "Putin"), span(THUG, "Joe Biden")]
    assert S.score_targets(items, "textblob") == [S.score_target(*i, method="textblob") for i in items]


@pytest.mark.parametrize(
    "item",
    [("Putin spoke.", 3, 3), ("Putin spoke.", 5, 2), ("Putin spoke.", -1, 3), ("Putin spoke.", 0, 99),
     ("Putin spoke.", 5, 6), (None, 0, 1), ("Putin spoke.", "0", 5), ("Putin", 0)],
)
def test_bad_items(item):
    with pytest.raises(HelpersError):
        S.score_targets([item], "textblob")


def test_bad_span_message():
    with pytest.raises(ValueError, match=r"0 <= start < end <= 12"):
        S.score_target("Putin spoke.", 0, 40, method="textblob")


def test_unknown_method_lists_methods():
    with pytest.raises(MethodError, match=r"textblob.*vader"):
        S.score_targets([("Putin spoke.", 0, 5)], method="bert")


def test_register_custom_method():
    class Constant(S.SentimentMethod):
        name = "constant"

        def score(self, items, spans=None):
            return [S.TargetScore("neutral", 0.0, self.name) for _ in items]

    S.register("constant", Constant)
    try:
        assert "constant" in S.methods()
        assert S.score_target("Putin spoke.", 0, 5, method="constant").label == "neutral"
    finally:
        B._REGISTRY.pop("constant")
        S.get_method.cache_clear()
    with pytest.raises(MethodError):
        S.register("default", Constant)


def test_news_lexicon_is_well_formed():
    lex = news_lexicon()
    assert len(lex) > 200
    assert lex["pariah"].polarity < 0 and lex["triumph"].polarity > 0
    assert lex["accused"].kind == "patient"
    assert {e.kind for e in lex.values()} <= {"attribute", "agent", "patient"}
