"""Quotations: speakers, cues, kinds and offsets (helpers.actors.quotes)."""

from __future__ import annotations

import pandas as pd
import pytest
from simple_tables import make_tables

from helpers.actors.quotes import KINDS, QUOTE_COLUMNS, find_quotes, load_speech_lexicon, quote_spans
from helpers.errors import DataError


# A tiny stand-in for helpers.actors.mentions: surface form -> (actor_id, actor), longest first.
def quotes_of(text: str, extra: tuple[tuple[str, str, str], ...] = ()) -> pd.DataFrame:
    sentences, mentions = make_tables(text, extra)
    q = find_quotes(text, sentences, mentions)
    check_invariants(text, q)
    return q


def check_invariants(text: str, q: pd.DataFrame) -> None:
    assert list(q.columns) == QUOTE_COLUMNS
    for r in q.itertuples():
        assert text[r.start : r.end] == r.text and r.start < r.end
        assert r.kind in KINDS
        assert isinstance(r.about_ids, tuple)
        if r.cue is not None:
            assert text[r.cue_start : r.cue_end] == r.cue
        if r.speaker_text is not None:
            assert text[r.speaker_start : r.speaker_end] == r.speaker_text
            assert r.speaker is not None
        if r.speaker_id is None:
            assert r.speaker == r.speaker_text
        assert r.speaker_id not in r.about_ids


# --------------------------------------------------------------------------- the seed article


SEED_EXTRA = (("The recently appointed President", "office:us_president", "President of the United States"),)


@pytest.fixture(scope="module")
def seed_quotes(seed_article, seed_analysis):
    text = seed_article.text
    _, mentions = make_tables(text, SEED_EXTRA)
    q = find_quotes(text, seed_analysis.sentences, mentions)
    check_invariants(text, q)
    return q.set_index("text", drop=False)


def test_seed_biden_partial_quotes_have_biden_as_speaker(seed_quotes):
    for words in ("pure thug", "murderous dictator"):
        row = seed_quotes.loc[words]
        assert row.speaker_id == "joe_biden" and row.speaker == "Joe Biden"
        assert row.cue == "Declaring" and row.kind == "partial"
        assert row.about_ids == ("vladimir_putin",)


def test_seed_newspaper_quote_and_its_quote_only_continuation(seed_quotes):
    first, second = seed_quotes.loc["Russia is ready for talks."], seed_quotes.loc["But on terms."]
    assert first.speaker_text == "one Russian newspaper" and first.speaker_id is None
    assert first.cue == "summed up" and first.kind == "direct" and first.about_ids == ("RUS",)
    assert (second.speaker_text, second.cue, second.speaker_start) == (first.speaker_text, "summed up",
                                                                      first.speaker_start)
    assert second.sentence_id == first.sentence_id + 1


def test_seed_reported_speech_of_russian_officials(seed_quotes):
    row = seed_quotes.loc["Moscow is open to negotiations"]
    assert (row.kind, row.speaker_id, row.speaker_text, row.cue) == ("indirect", "RUS", "Russian officials",
                                                                    "maintained")


def test_seed_scare_quote_has_no_speaker(seed_quotes):
    row = seed_quotes.loc["unlawful use of force against Ukraine"]
    assert row.speaker_id is None and row.speaker is None and row.cue is None


def test_seed_partial_quote_of_the_president_is_about_putin(seed_quotes):
    row = seed_quotes.loc["work together, very closely"]
    assert row.speaker_id == "office:us_president" and row.cue == "said"
    assert row.about_ids == ("vladimir_putin",)


def test_seed_with_the_actors_module(seed_article, seed_analysis):
    from helpers.actors.mentions import find_mentions

    mentions = find_mentions(seed_article)
    mentions = mentions[mentions["role"] == "actor"]
    q = find_quotes(seed_article.text, seed_analysis.sentences, mentions)
    check_invariants(seed_article.text, q)
    biden = q[q["text"] == "pure thug"].iloc[0]
    assert biden.speaker_id == "joe_biden"


# --------------------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("text", "quote", "speaker_id", "cue", "kind"),
    [
        ('"We are ready for talks," Putin said.', "We are ready for talks", "vladimir_putin", "said", "direct"),
        ("“The war must end,” said Zelensky on Monday.", "The war must end", "volodymyr_zelensky", "said", "direct"),
        ("Putin said: “We will win.”", "We will win.", "vladimir_putin", "said", "direct"),
        ("Lavrov insisted: 'no'.", None, None, None, None),  # straight single quotes are apostrophes: no quote
        ("Biden has repeatedly described Putin as a \"killer\".", "killer", "joe_biden", "described", "partial"),
        ("Zelensky called Putin a “war criminal” and said Kyiv would fight on.", "war criminal",
         "volodymyr_zelensky", "called", "partial"),
        ("“We will not give up,” he said.", "We will not give up", None, "said", "direct"),
        ("The slogan “No war” appeared on walls.", "No war", None, None, "partial"),
        ("“Sanctions are working,” one Russian newspaper wrote.", "Sanctions are working", None, "wrote", "direct"),
        ("“Talks are possible,” Russian officials said.", "Talks are possible", "RUS", "said", "direct"),
    ],
)
def test_direct_and_partial_quotes(text, quote, speaker_id, cue, kind):
    q = quotes_of(text)
    q = q[q["kind"] != "indirect"]
    if quote is None:
        assert q.empty
        return
    row = q[q["text"] == quote].iloc[0]
    assert (row.speaker_id, row.cue, row.kind) == (speaker_id, cue, kind)


def test_unresolved_pronoun_is_a_speaker_without_id():
    row = quotes_of("“We will not give up,” he said.").iloc[0]
    assert row.speaker == "he" and row.speaker_id is None


def test_quote_only_sentence_takes_the_previous_speaker():
    q = quotes_of('"We are ready for talks," Putin said. "But only on our terms."')
    assert list(q["speaker_id"]) == ["vladimir_putin", "vladimir_putin"]
    assert q.iloc[1].cue_start == q.iloc[0].cue_start


def test_quote_only_sentence_after_a_gap_takes_no_speaker():
    q = quotes_of('"We are ready," Putin said. The weather was cold. "But only on our terms."')
    assert q.iloc[-1].speaker_id is None


def test_multi_sentence_quote_finds_the_cue_in_its_last_sentence():
    q = quotes_of("“We are ready. We will talk,” Putin said.")
    assert len(q) == 1 and q.iloc[0].speaker_id == "vladimir_putin"


@pytest.mark.parametrize(
    ("text", "reported", "speaker_id", "cue"),
    [
        ("According to the Kremlin, Russia is ready to talk.", "Russia is ready to talk", "RUS", "According to"),
        ("Russia will not attend the summit, according to Lavrov.", "Russia will not attend the summit",
         "sergey_lavrov", "according to"),
        ("Lavrov told reporters that Moscow would not attend.", "Moscow would not attend", "sergey_lavrov", "told"),
        ("Moscow is open to negotiations, Russian officials have maintained.", "Moscow is open to negotiations",
         "RUS", "maintained"),
        ("Kyiv will fight on, said Zelensky.", "Kyiv will fight on", "volodymyr_zelensky", "said"),
        ("Russia has rejected talks and said Kyiv must surrender.", "Kyiv must surrender", "RUS", "said"),
    ],
)
def test_indirect_speech(text, reported, speaker_id, cue):
    q = quotes_of(text)
    row = q[q["kind"] == "indirect"].iloc[0]
    assert (row.text, row.speaker_id, row.cue) == (reported, speaker_id, cue)


@pytest.mark.parametrize(
    "text",
    [
        "Future negotiations seem to call for restraint.",  # call for is no speech
        "It is said that the war will end.",  # no speaker
        "The state of the talks is unclear.",  # "state" as a noun
    ],
)
def test_no_quote(text):
    assert quotes_of(text).empty


def test_quote_spans_pair_marks_and_handle_strays():
    text = "He said “a” and “b.” Then “c.” d.”"
    spans = [text[s:e] for s, e, _, _ in quote_spans(text, [0, 21])]
    assert spans[:3] == ["a", "b.", "c."]
    assert quote_spans("No quotes here.") == []
    open_text = "She said “this runs to the end"
    assert [open_text[s:e] for s, e, _, _ in quote_spans(open_text)] == ["this runs to the end"]


def test_empty_tables():
    empty = find_quotes("", pd.DataFrame(columns=["sentence_id", "start", "end", "text"]),
                        pd.DataFrame(columns=["actor_id", "actor", "start", "end"]))
    assert list(empty.columns) == QUOTE_COLUMNS and empty.empty


# --------------------------------------------------------------------------- lexicon errors


def _write(folder, verbs: str, nouns: str = "noun\nofficials\n"):
    (folder / "speech_verbs.csv").write_text(verbs, encoding="utf-8")
    (folder / "speaker_nouns.csv").write_text(nouns, encoding="utf-8")
    return str(folder)


def test_lexicon_bad_kind_names_file_and_line(tmp_path):
    folder = _write(tmp_path, "cue,lemma,kind,takes,not_before\nsaid,say,noun,clause,\n")
    with pytest.raises(DataError, match=r"speech_verbs\.csv, line 2: kind 'noun'"):
        load_speech_lexicon(folder)


def test_lexicon_missing_column_is_named(tmp_path):
    folder = _write(tmp_path, "cue,lemma,kind\nsaid,say,verb\n")
    with pytest.raises(DataError, match=r"speech_verbs\.csv: missing column\(s\) takes, not_before"):
        load_speech_lexicon(folder)


def test_lexicon_missing_file(tmp_path):
    with pytest.raises(DataError, match=r"speech_verbs\.csv: file missing"):
        load_speech_lexicon(str(tmp_path))
