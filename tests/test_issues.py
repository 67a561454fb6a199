"""Issue stance: actors' positions on the issues (helpers.stance.issues, data/issues.yaml)."""

from __future__ import annotations

import pandas as pd
import pytest
from simple_tables import make_tables

from helpers.errors import DataError
from helpers.stance.issues import (
    EVENT_COLUMNS,
    LABELS,
    STANCE_COLUMNS,
    VIAS,
    issue_events,
    issue_stance,
    load_issues,
)  # fmt: skip
from helpers.text.article import load_article
from helpers.text.document import parse


def check_events(text: str, ev: pd.DataFrame) -> None:
    assert list(ev.columns) == EVENT_COLUMNS
    for r in ev.itertuples():
        assert r.label in LABELS and r.via in VIAS
        assert text[r.trigger_start : r.trigger_end] == r.trigger
        assert text[r.cue_start : r.cue_end] == r.cue
    assert not ev.duplicated(["sentence_id", "actor_id", "issue"]).any()


def doc_tables(text: str, extra: tuple[tuple[str, str, str], ...] = ()):
    """The parsed text and hand-made mentions (``simple_tables``) numbered by the parse's sentences."""
    document = parse(load_article(text=text))
    _, mentions = make_tables(text, extra)
    mentions["sentence_id"] = [document.sentence_at(s) for s in mentions["start"]]
    return document, mentions


def events_of(text: str, extra: tuple[tuple[str, str, str], ...] = ()) -> pd.DataFrame:
    document, mentions = doc_tables(text, extra)
    ev = issue_events(document, mentions)
    check_events(text, ev)
    return ev


# --------------------------------------------------------------------------- the seed article

SEED_EXTRA = (
    ("The recently appointed President", "office:us_president", "President of the United States"),
    (" he wants", "office:us_president", "President of the United States"),
)


@pytest.fixture(scope="module")
def seed_tables(seed_article, seed_analysis):
    text = seed_article.text
    document = seed_analysis.document
    _, mentions = make_tables(text, SEED_EXTRA)
    mentions["sentence_id"] = [document.sentence_at(s) for s in mentions["start"]]
    ev = issue_events(document, mentions)
    check_events(text, ev)
    return text, document, mentions, ev


def _labels(table: pd.DataFrame) -> dict[tuple[str, str], str]:
    return {(r.actor_id, r.issue): r.label for r in table.itertuples()}


def test_seed_issue_stance(seed_tables):
    """Aggregation: "open to negotiations" + "ready for talks." + "But on terms." is conditional."""
    _, document, mentions, ev = seed_tables
    table = issue_stance(document, mentions, events=ev)
    assert list(table.columns) == STANCE_COLUMNS
    labels = _labels(table)
    assert labels[("RUS", "peace_talks")] == "conditional"
    assert labels[("RUS", "territory")] == "favor"  # would keep conquered territory, acquire more
    assert labels[("vladimir_putin", "ukraine_nato_membership")] == "against"  # under Putin's plan
    assert labels[("vladimir_putin", "sanctions")] == "against"  # sanctions would be withdrawn
    assert labels[("vladimir_putin", "peace_talks")] == "conditional"  # an ultimatum more than a peace accord
    assert labels[("office:us_president", "peace_talks")] == "favor"
    row = table[(table["actor_id"] == "RUS") & (table["issue"] == "peace_talks")].iloc[0]
    assert row.n == 3 and "open to" in row.evidence and "on terms" in row.evidence
    assert all(-1 <= s <= 1 for s in table["score"])


def test_seed_grouped_as_russia(seed_tables):
    _, document, mentions, ev = seed_tables
    labels = _labels(issue_stance(document, mentions, events=ev, group={"vladimir_putin": "RUS"}))
    assert labels[("RUS", "peace_talks")] == "conditional"
    assert labels[("RUS", "ukraine_nato_membership")] == "against"
    assert labels[("RUS", "territory")] == "favor"
    assert labels[("RUS", "sanctions")] == "against"


def test_seed_events_say_how_the_actor_was_found(seed_tables):
    _, _, _, ev = seed_tables
    by = {(r.sentence_id, r.issue): r for r in ev.itertuples()}
    nato = next(r for (s, i), r in by.items() if i == "ukraine_nato_membership")
    assert nato.via == "frame" and nato.negated and nato.actor_id == "vladimir_putin"
    carried = ev[ev["via"] == "carried"].iloc[0]
    assert carried.cue == "on terms" and carried.actor_id == "RUS" and carried.label == "conditional"
    # "it is nonetheless unknown how much Putin is ready to compromise" is hedged: no event
    assert not ((ev["actor_id"] == "vladimir_putin") & (ev["cue"] == "ready to")).any()
    # "Russia was under hundreds of foreign sanctions" states no position
    assert not ((ev["actor_id"] == "RUS") & (ev["issue"] == "sanctions")).any()


# --------------------------------------------------------------------------- rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia rejected the peace talks.", {("RUS", "peace_talks", "against")}),
        ("Ukraine does not support new sanctions.", {("UKR", "sanctions", "against")}),
        ("Ukraine called for a ceasefire.", {("UKR", "ceasefire", "favor")}),
        ("Moscow is ready for talks if sanctions are lifted.", {("RUS", "peace_talks", "conditional")}),
        ("The talks were blocked by Ukraine.", {("UKR", "peace_talks", "against")}),
        ("The United States backs new sanctions against Russia.", {("USA", "sanctions", "favor")}),
        ("Russia wants to keep the occupied territory.", {("RUS", "territory", "favor")}),
        ("Russia has withdrawn from the arms control talks.",  # "arms control talks" are talks, too
         {("RUS", "arms_control", "against"), ("RUS", "peace_talks", "against")}),
        ("Russia refused to support the talks.", {("RUS", "peace_talks", "against")}),
        ("Russia does not want to keep the territory.", {("RUS", "territory", "against")}),
        ("It is unclear whether Russia wants a ceasefire.", set()),  # hedged
        ("Will Russia accept talks?", set()),  # a question
        ("Russia was under hundreds of sanctions.", set()),  # no stance cue
        ("Talks were rejected.", set()),  # no agent: nobody is guessed
        ("Russia backed Brexit.", {("RUS", "brexit", "favor")}),  # an issue, not an actor
        ("China opposes tariffs and Ukraine supports a ceasefire.",
         {("CHN", "trade_tariffs", "against"), ("UKR", "ceasefire", "favor")}),
    ],
)
def test_rules(text, expected):
    ev = events_of(text)
    assert {(r.actor_id, r.issue, r.label) for r in ev.itertuples()} == expected


def test_first_person_in_a_quote_is_the_speaker():
    ev = events_of("“We are ready for talks,” Putin said.")
    assert [(r.actor_id, r.issue, r.label, r.via) for r in ev.itertuples()] == [
        ("vladimir_putin", "peace_talks", "favor", "speaker")
    ]


def test_object_of_a_preposition_is_never_the_agent():
    ev = events_of("The deal with Russia supports a ceasefire.")
    assert ev.empty


# --------------------------------------------------------------------------- aggregation


def _events(labels: list[str]) -> pd.DataFrame:
    rows = [(i, "RUS", "Russia", "peace_talks", lab, "talks", 0, 5, "cue", 0, 3, False, "subject")
            for i, lab in enumerate(labels)]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


@pytest.mark.parametrize(
    ("labels", "label", "score"),
    [
        (["favor", "favor", "against"], "favor", 0.333),
        (["against"], "against", -1.0),
        (["favor", "against"], "conditional", 0.0),  # a tie reads as qualified
        (["favor", "conditional"], "conditional", 0.5),  # yes, but on terms
        (["conditional"], "conditional", 0.0),
    ],
)
def test_aggregation_rule(labels, label, score):
    mentions = pd.DataFrame([("RUS", "Russia", 0, 6)], columns=["actor_id", "actor", "start", "end"])
    table = issue_stance(None, mentions, events=_events(labels))
    row = table.iloc[0]
    assert (row.label, row.score, row.n) == (label, score, len(labels))


# --------------------------------------------------------------------------- the YAML file


def test_shipped_issues_file_loads():
    book = load_issues()
    ids = {i.id for i in book.issues}
    assert {"peace_talks", "sanctions", "ukraine_nato_membership", "territory", "ceasefire", "arms_control",
            "trade_tariffs", "climate", "migration", "elections", "aid"} <= ids
    assert "no" in book.negation


GOOD_CUES = """
cues:
  favor: [supports]
  against: [rejects]
  conditional: [if]
  negation: [not]
  hedges: [unclear]
  frame_nouns: [plan]
"""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (GOOD_CUES + "issues:\n  talks:\n    label: Talks\n", r"issues\.talks\.terms must be a non-empty list"),
        (GOOD_CUES + "issues:\n  talks:\n    terms: [talks]\n    colour: red\n", r"unknown key issues\.talks\.colour"),
        (GOOD_CUES + "issues:\n  Peace Talks:\n    terms: [talks]\n", r"lower_snake_case"),
        (GOOD_CUES + "issues:\n  talks:\n    terms: ['* talks']\n", r"starts with \*"),
        (GOOD_CUES.replace("[not]", "[no]") + "issues:\n  talks:\n    terms: [talks]\n", r"cues\.negation"),
        (GOOD_CUES.replace("  hedges: [unclear]\n", "") + "issues:\n  t:\n    terms: [x]\n", r"cues\.hedges"),
        ("cues: [a]\nissues: {}\n", r"key 'cues' missing or not a mapping"),
        (GOOD_CUES, r"key 'issues' missing or empty"),
        ("- a\n- b\n", r"top level must be a mapping"),
        ("cues: {favor: [a\n", r"not valid YAML"),
        (GOOD_CUES + "issues:\n  t:\n    terms: [x]\nextra: 1\n", r"unknown top-level key\(s\) extra"),
    ],
)
def test_yaml_errors_name_the_file_and_key(tmp_path, body, message):
    path = tmp_path / "issues.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match=message) as err:
        load_issues(str(path))
    assert str(path) in str(err.value)


def test_missing_yaml_file(tmp_path):
    with pytest.raises(DataError, match="issues file missing"):
        load_issues(str(tmp_path / "nope.yaml"))


def test_custom_issue_file_is_used(tmp_path):
    path = tmp_path / "issues.yaml"
    path.write_text(GOOD_CUES + "issues:\n  whaling:\n    terms: [whaling]\n", encoding="utf-8")
    text = "Ukraine supports whaling."
    document, mentions = doc_tables(text)
    ev = issue_events(document, mentions, issues_file=path)
    assert list(zip(ev["actor_id"], ev["issue"], ev["label"], strict=True)) == [("UKR", "whaling", "favor")]
