"""Quotations: speakers, cues, kinds and offsets, read on the one spaCy parse (helpers.actors.quotes)."""

from __future__ import annotations

import pandas as pd
import pytest
from simple_tables import make_tables

from helpers import analyze, load_article
from helpers.actors.mentions import MENTION_COLUMNS
from helpers.actors.quotes import (
    ATTRIBUTIONS,
    KINDS,
    QUOTE_COLUMNS,
    RESOLUTIONS,
    find_quotes,
    load_speech_lexicon,
    quote_pronouns,
    quote_spans,
)
from helpers.errors import DataError
from helpers.text.document import parse

# Actor types and genders of the stand-in actors of simple_tables.ACTORS.
TYPES = {"joe_biden": "person", "vladimir_putin": "person", "volodymyr_zelensky": "person", "sergey_lavrov": "person",
         "RUS": "state", "UKR": "state", "USA": "state", "CHN": "state", "NATO": "organisation"}
GENDERS = {"joe_biden": "male", "vladimir_putin": "male", "volodymyr_zelensky": "male", "sergey_lavrov": "male"}
OLD_COLUMNS = ["speaker_id", "speaker", "cue", "text", "start", "end", "sentence_id", "kind", "cue_start", "cue_end",
               "speaker_start", "speaker_end", "speaker_text", "about_ids"]


def document_of(text: str):
    return parse(load_article(text=text, format="text"))


def mentions_of(text: str, extra=(), pronouns=()) -> pd.DataFrame:
    """Mentions of the stand-in actors (simple_tables) with types, genders and role; ``pronouns`` adds linked
    pronoun mentions as ``(surface, occurrence, actor_id)``, as the mentions table links them."""
    _, m = make_tables(text, tuple((s, a, n) for s, a, n, *_ in extra))
    m["type"] = [TYPES.get(a, next((t for s, x, _, t in extra if x == a), "person")) for a in m["actor_id"]]
    m["gender"] = [GENDERS.get(a, "") for a in m["actor_id"]]
    rows = [m]
    for surface, occurrence, actor_id in pronouns:
        at = -1
        for _ in range(occurrence + 1):
            at = text.index(surface, at + 1)
        name = m.loc[m["actor_id"] == actor_id, "actor"].iloc[0]
        rows.append(pd.DataFrame([{"actor_id": actor_id, "actor": name, "type": TYPES[actor_id], "sentence_id": 0,
                                   "start": at, "end": at + len(surface), "text": surface, "resolved_by": "pronoun",
                                   "gender": GENDERS.get(actor_id, "")}]))
    out = pd.concat(rows, ignore_index=True).sort_values("start", kind="stable").reset_index(drop=True)
    out["role"] = "actor"
    return out


def quotes_of(text: str, extra=(), pronouns=()) -> pd.DataFrame:
    q = find_quotes(document_of(text), mentions_of(text, extra, pronouns))
    check_invariants(text, q)
    return q


def check_invariants(text: str, q: pd.DataFrame) -> None:
    assert list(q.columns) == QUOTE_COLUMNS and QUOTE_COLUMNS[: len(OLD_COLUMNS)] == OLD_COLUMNS
    for r in q.itertuples():
        assert text[r.start : r.end] == r.text and r.start < r.end
        assert r.kind in KINDS
        assert isinstance(r.about_ids, tuple)
        if r.cue is not None:
            assert text[r.cue_start : r.cue_end] == r.cue
        if r.speaker_text is not None:
            assert text[r.speaker_start : r.speaker_end] == r.speaker_text
            assert r.speaker is not None and r.speaker_resolved_by in RESOLUTIONS
            assert r.attributed_by in ATTRIBUTIONS
        else:
            assert r.speaker_resolved_by is None and r.speaker_id is None
        if r.speaker_id is None:
            assert r.speaker == r.speaker_text
        assert r.speaker_id not in r.about_ids
        if r.kind == "indirect":
            assert bool(r.quoted) == any(c in r.text for c in "\"“”")
        elif r.attributed_by != "transcript":
            assert r.quoted


def row_of(q: pd.DataFrame, words: str):
    hits = q[q["text"] == words]
    assert len(hits), f"no quote {words!r} in {q['text'].tolist()}"
    return hits.iloc[0]


# --------------------------------------------------------------------------- the seed article


SEED_EXTRA = (("The recently appointed President", "office:us_president", "President of the United States", "office"),)


@pytest.fixture(scope="module")
def seed_document(seed_article):
    return parse(seed_article)


@pytest.fixture(scope="module")
def seed_quotes(seed_article, seed_document):
    text = seed_article.text
    q = find_quotes(seed_document, mentions_of(text, SEED_EXTRA))
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
    assert second.sentence_id == first.sentence_id + 1 and second.attributed_by == "paragraph"


def test_seed_reported_speech_of_russian_officials(seed_quotes):
    row = seed_quotes.loc["Moscow is open to negotiations"]
    assert (row.kind, row.speaker_id, row.speaker_text, row.cue) == ("indirect", "RUS", "Russian officials",
                                                                    "maintained")
    assert row.speaker_resolved_by == "speaker_noun" and not row.quoted


def test_seed_scare_quote_has_no_speaker(seed_quotes):
    row = seed_quotes.loc["unlawful use of force against Ukraine"]
    assert row.speaker_id is None and row.speaker is None and row.cue is None and row.attributed_by is None


def test_seed_partial_quote_of_the_president_is_about_putin(seed_quotes):
    row = seed_quotes.loc["work together, very closely"]
    assert row.speaker_id == "office:us_president" and row.cue == "said"
    assert row.about_ids == ("vladimir_putin",)


def test_seed_semicolon_clause_is_no_report(seed_quotes):
    # "Russia was under … sanctions; in 2023 the International Criminal Court wrote Putin an arrest order."
    assert not any(t.startswith("Russia was under") for t in seed_quotes["text"])


def test_seed_with_the_actors_module(seed_article, seed_document):
    from helpers.actors.mentions import find_mentions

    mentions = find_mentions(seed_document)
    q = find_quotes(seed_document, mentions[mentions["role"] == "actor"])
    check_invariants(seed_article.text, q)
    biden = q[q["text"] == "pure thug"].iloc[0]
    assert biden.speaker_id == "joe_biden"
    assert q[q["text"] == "work together, very closely"].iloc[0].speaker_id == "office:us_president"


# --------------------------------------------------------------------------- direct and partial quotes


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
    row = row_of(q, quote)
    assert (row.speaker_id, row.cue, row.kind) == (speaker_id, cue, kind)
    assert row.quoted


def test_unresolved_pronoun_is_a_speaker_without_id():
    row = quotes_of("“We will not give up,” he said.").iloc[0]
    assert row.speaker == "he" and row.speaker_id is None and row.speaker_resolved_by == "phrase"


def test_multi_sentence_quote_keeps_the_speaker_of_its_attribution():
    q = quotes_of("“We are ready. We will talk. We will not wait,” Putin said.")
    assert len(q) == 1 and q.iloc[0].speaker_id == "vladimir_putin" and q.iloc[0].cue == "said"


# Rule 1 of find_quotes, on the tree: the nearest cue governing the quotation, however deep it sits.
@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        # a partial quote inside reported speech is the reporter's
        ("The New York Post reports that Biden's team avoided the hospital in order to “keep the details under "
         "wraps.”", "keep the details under wraps.", "The New York Post", "reports"),
        ("Putin said the sanctions were “a declaration of war” against Russia.", "a declaration of war",
         "Vladimir Putin", "said"),
        # a participle without a subject takes its clause's subject; a passive quoting verb its subject
        ("Biden spoke for an hour, saying that Putin was “a killer.”", "a killer.", "Joe Biden", "saying"),
        ("Lavrov was quoted as saying “we will see.”", "we will see.", "Sergey Lavrov", "saying"),
        # a present participle speaks for its noun, or for whoever put the noun out; a relative pronoun is its noun
        ("Russia issued a statement saying “the talks are over.”", "the talks are over.", "Russia", "saying"),
        ("A statement saying “the talks are over” was posted online.", "the talks are over", "A statement", "saying"),
        ("Putin's tweet said “the talks are over.”", "the talks are over.", "Vladimir Putin", "said"),
        ("It was Zelensky, who said “we will not surrender,” that won.", "we will not surrender",
         "Volodymyr Zelensky", "said"),
        # the parser gave the verb no subject: the noun right before it ("…, Biden and Putin call them …")
        ("When terrorists are revealed as part of the second front of the radical Islamic terror war, Obama and "
         "Clinton call them \"lone wolves\" and describe their actions as crimes.", "lone wolves", "Clinton", "call"),
        # inverted attributions
        ("“We are ready,” said Lavrov.", "We are ready", "Sergey Lavrov", "said"),
        ("Putin called on Biden to “stop the war now.”", "stop the war now.", "Vladimir Putin", "called on"),
    ],
)
def test_cue_on_the_tree(text, quote, speaker, cue):
    row = row_of(quotes_of(text), quote)
    assert (row.speaker, row.cue) == (speaker, cue)
    assert row.attributed_by == "tree"


# Rule 2: a verb outside the lexicon that introduces a direct quotation, before a colon or a comma; the
# clause before a colon (also one closing the paragraph before); "VERB X as “…”" is the subject's label.
@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "rule"),
    [
        ("Putin continued: “This is not our war.”", "This is not our war.", "Vladimir Putin", "continued", "intro"),
        ("Biden continued, “We will not stop helping.”", "We will not stop helping.", "Joe Biden", "continued",
         "intro"),
        ("During a heated debate about the nominees, a friend commented: \"For you, immigration matters most.\"",
         "For you, immigration matters most.", "a friend", "commented", "tree"),
        ("Protesters marched in the rain while chanting, \"Hands up, don't shoot.\"", "Hands up, don't shoot.",
         "Protesters", "chanting", "tree"),
        ("The piece used one of her quotes as its headline: “Finally. Someone who thinks like me.”",
         "Finally. Someone who thinks like me.", "The piece", "used", "intro"),
        ("The piece added one more line:\n\n“Finally. Someone who thinks like me.”",
         "Finally. Someone who thinks like me.", "The piece", "added", "colon"),
        ("The New York Times reports:\n\n“In an illustration of the lack of enthusiasm, just 24 percent gave.”",
         "In an illustration of the lack of enthusiasm, just 24 percent gave.", "The New York Times", "reports",
         "colon"),
        ("Biden has gone after Putin as a “con artist.”", "con artist.", "Joe Biden", "gone", "label"),
    ],
)
def test_introducing_verbs(text, quote, speaker, cue, rule):
    row = row_of(quotes_of(text), quote)
    assert (row.speaker, row.cue, row.attributed_by) == (speaker, cue, rule)


def test_label_frame_object_is_what_the_quote_is_about():
    row = row_of(quotes_of("Biden has gone after Putin as a “con artist.”"), "con artist.")
    assert row.about_ids == ("vladimir_putin",)


# Rule 3 and its variants: the quotation's sentences, a lower-case sentence continuing the one before, and
# an attribution alone in the next sentence ('“…?” Graham asked.').
@pytest.mark.parametrize(
    ("text", "quote", "speaker", "rule"),
    [
        ("“Does anybody know what the platform of the party is?” Putin asked. “Neither do I.”",
         "Does anybody know what the platform of the party is?", "Vladimir Putin", "next sentence"),
        ("However, Biden characterized Sen. Tim Kaine, D-Va., as, “a little desperate there, jumping in all the "
         "time.”", "a little desperate there, jumping in all the time.", "Joe Biden", "sentence"),
    ],
)
def test_cue_in_a_neighbouring_sentence(text, quote, speaker, rule):
    row = row_of(quotes_of(text), quote)
    assert (row.speaker, row.attributed_by) == (speaker, rule)


# Never a speaker: dates, numbers, percentages, places, a cue's object, an expletive "it".
@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("However, 63 percent said Biden was “justified.”", "justified."),
        ("Last year was described in 2017 as “a disaster”.", "a disaster"),
        ("The slogan “We will win” was chanted in Paris.", "We will win"),
        ("On her discharge papers, in a box labeled “medical problem,” a doctor had typed nothing.",
         "medical problem"),
        # the last part of a name the parser took for the subject
        ('Jo Anne Val Tilburg of the University of California, Los Angeles disagreed with these findings: "The '
         'existence of fresh water seeps near coastal ahu is well-known."',
         "The existence of fresh water seeps near coastal ahu is well-known."),
    ],
)
def test_never_a_speaker(text, quote):
    row = row_of(quotes_of(text), quote)
    assert row.speaker is None and row.speaker_id is None


def test_labelled_box_is_not_the_speaker_but_the_typing_doctor_is():
    q = quotes_of("On her discharge papers, in a box labeled “medical problem,” a doctor had typed “homicidal "
                  "ideation.”")
    assert row_of(q, "medical problem").speaker is None
    assert row_of(q, "homicidal ideation.").speaker_text == "a doctor"


def test_expletive_it_reports_nothing():
    q = quotes_of("It is worth noting that Russia has never won such a vote.")
    assert q.empty


def test_a_cue_the_parser_left_without_subject_is_the_one_person_named_before_it():
    # misparsed: "Franowska" hangs on "apology", and "told" has no subject; "told Reuters" is no inversion
    text = ('Calling it "just another apology", Anna Franowska of "Have no fear", an abuse victim support charity, '
            'told Reuters "it almost appears as if the statement was prepared".')
    extra = (("Anna Franowska", "new:anna-franowska", "Anna Franowska", "person"),
             ("Reuters", "new:reuters", "Reuters", "organisation"))
    row = row_of(quotes_of(text, extra), "it almost appears as if the statement was prepared")
    assert (row.speaker, row.cue) == ("Anna Franowska", "told")


def test_a_subjectless_cue_takes_the_nearest_person_before_it():
    # "said" has no subject: the name is in apposition to the news agency, after a role noun
    text = ('Speaking to Agence France-Presse, the president of the Tunisian League for the Defence of Human '
            'Rights, Jamel Msallem, said, "We are for the freedom to dress."')
    extra = (("the president", "role:president", "president", "role"),
             ("Jamel Msallem", "new:jamel-msallem", "Jamel Msallem", "person"),
             ("Agence France-Presse", "new:afp", "Agence France-Presse", "organisation"))
    row = row_of(quotes_of(text, extra), "We are for the freedom to dress.")
    assert (row.speaker, row.cue) == ("Jamel Msallem", "said")


def test_inverted_said_before_a_colon():
    row = row_of(quotes_of("Said Ellis: “I don’t get the sense she’s interested.”"),
                 "I don’t get the sense she’s interested.")
    assert (row.speaker_text, row.cue) == ("Ellis", "Said")


def test_subject_of_a_speech_verb_is_no_place_even_as_a_place_name():
    # spaCy may read an unknown name as a place; as the subject of "wrote" it is a speaker
    row = row_of(quotes_of('"The court will not act," Nervo wrote.'), "The court will not act")
    assert row.speaker == "Nervo"


def test_the_speaker_is_the_subject_outside_the_quotation():
    # spaCy gives "said" two subjects here: "reaction" inside the quotation and "strategist"
    row = row_of(quotes_of("“My reaction, that was outrageous,” Obama's former campaign strategist said."),
                 "My reaction, that was outrageous")
    assert row.speaker_text == "Obama's former campaign strategist"


def test_relative_pronoun_speaker_is_the_pronoun_of_its_noun():
    text = "Putin has a frosty relationship with Biden, now the president, who in 2010 said the goal was a “one-term president.”"
    q = quotes_of(text)
    row = row_of(q, "one-term president.")
    assert (row.speaker_text, row.speaker_id, row.speaker_resolved_by) == ("who", "joe_biden", "relative")


def test_a_clause_coordinated_with_a_cue_is_not_its_content():
    q = quotes_of("“You winning?” she said, but Kevin was drifting off again, and as Putin went on about “how the system "
                  "is rigged,” the crowd cheered.")
    assert row_of(q, "how the system is rigged").speaker is None


def test_date_words_are_trimmed_from_the_speaker_phrase():
    q = quotes_of("He released a letter from his doctor Friday afternoon that says he has “extraordinarily good health.”")
    assert row_of(q, "extraordinarily good health.").speaker_text == "a letter from his doctor"
    q = quotes_of("“It is different,” said David Plouffe, a close aide in 2012.")
    assert row_of(q, "It is different").speaker_text == "David Plouffe, a close aide"


# --------------------------------------------------------------------------- pronoun speakers


def test_pronoun_speaker_takes_the_actor_the_mentions_table_links():
    text = "Putin met Biden. “We are ready,” he said."
    row = row_of(quotes_of(text, pronouns=(("he", 0, "joe_biden"),)), "We are ready")
    assert (row.speaker_text, row.speaker_id, row.speaker_resolved_by) == ("he", "joe_biden", "pronoun")


@pytest.mark.parametrize(
    ("text", "quote", "speaker_id"),
    [
        # unlinked: the most recent earlier speaker or subject that agrees
        ("Putin spoke in Moscow on Monday. “We are ready,” he said.", "We are ready", "vladimir_putin"),
        ("“Talks are over,” Lavrov said. Biden arrived later. “We are ready,” he said.", "We are ready",
         "joe_biden"),
        ("NATO met in Brussels on Monday. “We are united,” it said.", "We are united", "NATO"),
        ("Russia met NATO on Monday. “We are united,” she said.", "We are united", None),  # nobody agrees
    ],
)
def test_pronoun_speaker_antecedent(text, quote, speaker_id):
    row = row_of(quotes_of(text), quote)
    assert row.speaker_id == speaker_id
    assert row.speaker_resolved_by == ("antecedent" if speaker_id else "phrase")


# --------------------------------------------------------------------------- quotations without a cue


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the paragraph is one speaker's: a later cue-less direct quote is theirs
        ('"We are ready," Putin said. "The other factor is time."', ["vladimir_putin", "vladimir_putin"]),
        ('"We are ready," Putin said. The talks went on. "The other factor is time."',
         ["vladimir_putin", "vladimir_putin"]),
        # before the paragraph's only attribution: the rows after it
        ('"We are ready." "We will talk," Putin said.', ["vladimir_putin", "vladimir_putin"]),
        # two speakers in the paragraph: no guess
        ('"We are ready," Putin said. "We are not," Biden said. "Time will tell."',
         ["vladimir_putin", "joe_biden", None]),
        # another paragraph: no guess unless it opens with the quotation (next test)
        ('"We are ready," Putin said.\n\nThe weather was cold. "But only on our terms."', ["vladimir_putin", None]),
        # a scare quote never takes the paragraph's speaker
        ('"We are ready," Putin said. The so-called "deal" was odd.', ["vladimir_putin", None]),
    ],
)
def test_paragraph_continuation(text, speakers):
    q = quotes_of(text)
    q = q[q["kind"] != "indirect"]
    assert q["speaker_id"].tolist() == speakers
    for row in q.itertuples():
        if row.speaker_id and row.cue is None:
            pytest.fail("a continued quote carries its attribution's cue")


def test_previous_paragraph_continuation():
    q = quotes_of('"We are ready," Putin said.\n\n"We will talk as long as it takes."\n\nThe talks began.')
    row = row_of(q, "We will talk as long as it takes.")
    assert (row.speaker_id, row.attributed_by, row.cue) == ("vladimir_putin", "previous paragraph", "said")


def test_previous_paragraph_needs_a_quote_ending_it():
    q = quotes_of('"We are ready," Putin said at length in Moscow.\n\nThe talks began.\n\n"We will talk."')
    assert row_of(q, "We will talk.").speaker_id is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker_text"),
    [
        ("“Trump scares me. He is not my president.” ― Pamela Padilla\n“Maybe we can build a wall.” ― Steve Quinlan.",
         "Trump scares me. He is not my president.", "Pamela Padilla"),
        ("“Trump scares me. He is not my president.” ― Pamela Padilla\n“Maybe we can build a wall.” ― Steve Quinlan.",
         "Maybe we can build a wall.", "Steve Quinlan"),
        ("“No sympathy and no integrity.” — Julie A. Diaz Martinez", "No sympathy and no integrity.",
         "Julie A. Diaz Martinez"),
    ],
)
def test_dash_bylines(text, quote, speaker_text):
    row = row_of(quotes_of(text), quote)
    assert (row.speaker_text, row.attributed_by, row.cue) == (speaker_text, "byline", None)


def test_a_dash_and_lower_case_words_are_no_byline():
    row = row_of(quotes_of("“We will win” — a promise nobody believed."), "We will win")
    assert row.speaker is None


TRANSCRIPT = ("Partial transcript as follows:\n\n"
              "\"WALLACE: Why would Biden do that? Will he be there tomorrow night?\n\n"
              "\"PENCE: Well, look, this is serious business. I just know that we will win.\n\n"
              "WALLACE: Do you really see those two as equivalent?")


def test_interview_transcript_turns():
    q = quotes_of(TRANSCRIPT)
    turns = q[q["attributed_by"] == "transcript"]
    assert turns["speaker_text"].tolist() == ["WALLACE", "PENCE", "WALLACE"]
    assert turns["text"].tolist()[0].startswith("Why would Biden")
    assert turns["quoted"].tolist() == [True, True, False]  # the last turn has no quotation mark
    assert (turns["kind"] == "direct").all()


def test_transcript_name_resolves_to_the_one_person_with_that_surname():
    q = quotes_of(TRANSCRIPT.replace("Biden", "Mike Pence"), extra=(("Mike Pence", "mike_pence", "Mike Pence",
                                                                      "person"),))
    pence = q[q["speaker_text"] == "PENCE"].iloc[0]
    assert (pence.speaker_id, pence.speaker_resolved_by) == ("mike_pence", "surname")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Angela Merkel\'s spokesperson, Steffen Seibert, said it is possible "that this airline affects our '
         'security."', "Steffen Seibert"),
        ('"The airline transports weapons," according to a tweet on Monday by US Secretary of State Mike Pompeo.',
         "Mike Pompeo"),
        ("An official from Transport for London said the line would close.", "Transport for London"),
    ],
)
def test_a_common_noun_speaker_is_the_actor_it_names(text, speaker):
    q = analyze(load_article(text=text)).quotes
    assert q.iloc[0].speaker == speaker and q.iloc[0].speaker_resolved_by == "mention"


def test_wikinews_interview_labels_are_transcript_turns():
    text = ("Sara Seager is a professor.\n\n((WN))  What led you to this research?\n\n"
            "((Sara Seager))  It is one of my goals. We wanted to show it.")
    res = analyze(load_article(text=text))
    turns = res.quotes[res.quotes["attributed_by"] == "transcript"]
    assert turns["speaker_text"].tolist() == ["WN", "Sara Seager"]
    assert turns["text"].tolist() == ["What led you to this research?", "It is one of my goals. We wanted to show it."]
    assert turns.iloc[0].speaker_id == "MEDIA_WIKINEWS"  # "WN", the interviewer, is Wikinews
    seager = turns.iloc[1]
    assert seager.speaker_id == "new:sara-seager"
    m = res.mentions
    assert set(m.loc[m["text"].isin(["my", "We"]), "actor_id"]) == {"new:sara-seager"}  # her own words


def test_an_interview_label_in_initials_is_the_one_person_of_those_initials():
    """"((WSS))" after "Wikinews reporter William S. Saturn": the reporter, not a body named WSS; the turn's
    words start after the colon that may follow the label."""
    text = ("Wikinews reporter William S. Saturn interviewed Brian Carroll about his campaign.\n\n"
            "((WSS)) : Which past U.S. president do you most admire and why?\n\n"
            "((Brian Carroll))  Abraham Lincoln.\n\n((WSS)) : How has the pandemic affected your campaign?")
    res = analyze(load_article(text=text))
    turns = res.quotes[res.quotes["attributed_by"] == "transcript"]
    asked = turns[turns["speaker_text"] == "WSS"]
    assert set(asked["speaker"]) == {"William S. Saturn"} and set(asked["speaker_resolved_by"]) == {"initials"}
    assert asked["text"].tolist()[0] == "Which past U.S. president do you most admire and why?"


def test_an_interviewers_we_is_everyone():
    """"((WN)) What do we know about lissoirs?": the interviewer's "we" is everyone, no mention of Wikinews;
    "Tell us" is the interviewer; the interviewee's "we" stays hers."""
    text = ("Naomi Martisius is a researcher.\n\n((WN))  What do we know about lissoirs? Tell us more.\n\n"
            "((Naomi Martisius))  We found one in France.")
    m = analyze(load_article(text=text)).mentions
    assert "we" not in set(m["text"])
    assert m.loc[m["text"] == "us", "actor"].tolist() == ["Wikinews"]
    assert m.loc[m["text"] == "We", "actor"].tolist() == ["Naomi Martisius"]


def test_it_tells_us_inside_an_answer_is_no_report():
    """"Well it tells us that planets can form" in an interviewee's answer is her reasoning, not a report by "it";
    the narrator's "It also urged people to ..." after a body's statement stays a report."""
    text = ("Anthony Boccaletti is an astronomer.\n\n((WN))  What does the planet tell us?\n\n"
            "((Anthony Boccaletti))  Well it tells us that planets can form far away. We were surprised.\n\n"
            "The ministry issued a statement. It also urged people to stay home.")
    q = analyze(load_article(text=text)).quotes
    assert not (q["cue"] == "tells").any()
    assert (q["cue"] == "urged").sum() == 1


def test_an_answer_running_over_several_paragraphs_is_one_speakers():
    """The paragraphs after an answer's label, up to the next label, are the same answer; not after the
    interviewer's turns (the article's own voice between interviews), not headings or stage directions."""
    text = ("Sara Seager is a professor.\n\n((WN))  What led you to this research?\n\n"
            "((Sara Seager))  It is one of my goals.\n\nI guess we wanted to show it.\n\n(Laughter.)\n\n"
            "[Other] planets are far.\n\n"
            "Early work\n\n((WN))  What comes next?\n\nSeager has written two books.\n\n"
            "((Sara Seager))  More telescopes.")
    res = analyze(load_article(text=text))
    turns = res.quotes[res.quotes["attributed_by"] == "transcript"]
    assert turns["text"].tolist() == ["What led you to this research?", "It is one of my goals.",
                                      "I guess we wanted to show it.", "[Other] planets are far.", "What comes next?",
                                      "More telescopes."]  # fmt: skip
    assert turns["speaker_text"].tolist() == ["WN", "Sara Seager", "Sara Seager", "Sara Seager", "WN", "Sara Seager"]
    m = res.mentions
    assert set(m.loc[m["text"].isin(["I", "we"]), "actor_id"]) == {"new:sara-seager"}


def test_one_capitalised_label_is_no_transcript():
    assert quotes_of("UPDATE: The vote was delayed until Friday.").empty


def test_titles_without_a_speaker_are_no_quotations():
    q = quotes_of("On this weekend’s broadcast of “Fox News Sunday,” Pence said the debate would be “a real contest.”")
    assert "Fox News Sunday" not in q["text"].tolist()
    assert row_of(q, "a real contest.").speaker == "Pence"
    # a title-cased label a cue gives a speaker is kept
    q = quotes_of("Biden called Putin “Mister Nobody” in Moscow.")
    assert row_of(q, "Mister Nobody").speaker_id == "joe_biden"


def test_markup_attributes_are_no_quotations():
    q = quotes_of('She said it twice. <tweet pic="pic.twitter.com/" author="carlquintanilla" tweet_id="7782">')
    assert q.empty


def test_a_curly_quote_nested_in_a_straight_one():
    text = '"PENCE: Well, she thinks this is an episode of “Shark Tank.” But this is America.\n\n"WALLACE: Why?'
    q = quotes_of(text)
    turn = q[q["speaker_text"] == "PENCE"].iloc[0]
    assert turn.text == "Well, she thinks this is an episode of “Shark Tank.” But this is America."
    assert "Shark Tank." not in q["text"].tolist()  # a title with no speaker of its own


# --------------------------------------------------------------------------- indirect speech


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
        # a to-infinitive after a speech verb ("vowed to", "urged X to")
        ("Putin vowed to form a joint task force against hackers.", "to form a joint task force against hackers",
         "vladimir_putin", "vowed"),
        # a parenthetical cue: the larger side of the clause around it
        ("But to prevent problems, Lavrov said, local officials should be vigilant.",
         "local officials should be vigilant", "sergey_lavrov", "said"),
        # a relative clause on the source, read by the parser as a conjunct, is none of its content
        ("According to the Kremlin, Russia is ready to talk, and Kyiv must decide.",
         "Russia is ready to talk, and Kyiv must decide", "RUS", "According to"),
    ],
)
def test_indirect_speech(text, reported, speaker_id, cue):
    q = quotes_of(text)
    row = q[q["kind"] == "indirect"].iloc[0]
    assert (row.text, row.speaker_id, row.cue) == (reported, speaker_id, cue)
    assert not row.quoted and row.attributed_by == "cue"


def test_a_relative_clause_on_a_source_the_parser_made_a_conjunct_is_none_of_its_content():
    res = analyze(load_article(text="The shooting began at 10:39 a.m. local time, according to police, who said "
                                    "officers arrived at the Walmart six minutes later."))
    row = res.quotes[res.quotes["cue"] == "according to"].iloc[0]
    assert (row.text, row.speaker) == ("The shooting began at 10:39 a.m. local time", "Police")


def test_a_reported_clauses_subject_the_parser_made_the_cues_object_is_part_of_it():
    res = analyze(load_article(text="Last month, a study conducted by archaeologist Dr. Naomi Martisius and other "
                                    "researchers concluded Neanderthals living in Europe tens of thousands of years "
                                    "ago were more sophisticated than previously thought."))
    row = res.quotes[res.quotes["cue"] == "concluded"].iloc[0]
    assert row.text.startswith("Neanderthals living in Europe")
    res = analyze(load_article(text="The minister asked Milos Stamenkovic how their research is linked to it."))
    assert res.quotes.iloc[0].text.startswith("how")  # whom a question is put to is no part of it


def test_the_quotative_be_like_introduces_a_quotation_and_nothing_else():
    res = analyze(load_article(text="I met Mary Smith at the mosque. And then she was like, \"You seem like a nice "
                                    "person. Stop offending people.\" It was like a war zone, Mary said."))
    q = res.quotes
    row = q[q["text"].str.startswith("You seem")].iloc[0]
    assert (row.cue, row.speaker) == ("was like", "Mary Smith")
    assert "was like" not in set(q.loc[q["text"].str.contains("war zone"), "cue"])


def test_reported_clause_may_hold_a_partial_quote():
    q = quotes_of("Putin said that the sanctions were “a declaration of war” against Russia.")
    row = q[q["kind"] == "indirect"].iloc[0]
    assert row.text == "the sanctions were “a declaration of war” against Russia" and row.quoted


@pytest.mark.parametrize(
    "text",
    [
        "Future negotiations seem to call for restraint.",  # call for is no speech
        "It is said that the war will end.",  # no speaker
        "The state of the talks is unclear.",  # "state" as a noun
        "Russia was under sanctions; in 2023 the court wrote Putin an order.",  # no comma before the cue
    ],
)
def test_no_quote(text):
    assert quotes_of(text).empty


# --------------------------------------------------------------------------- first-person pronouns


def test_quote_pronouns_are_mentions_of_the_speaker():
    text = "“I will win and we will stay,” Putin said. “My country is ready.” Biden said he disagreed."
    document = document_of(text)
    mentions = mentions_of(text)
    q = find_quotes(document, mentions)
    p = quote_pronouns(document, q, mentions)
    assert list(p.columns) == MENTION_COLUMNS
    assert p["text"].tolist() == ["I", "we", "My"]
    assert set(p["actor_id"]) == {"vladimir_putin"} and set(p["resolved_by"]) == {"quote"}
    assert set(p["role"]) == {"actor"} and set(p["type"]) == {"person"} and set(p["gender"]) == {"male"}
    for r in p.itertuples():
        assert text[r.start : r.end] == r.text and r.sentence_id == document.sentence_at(r.start)


def test_quote_pronouns_in_transcript_turns_and_not_in_reported_clauses():
    text = TRANSCRIPT.replace("Biden", "Mike Pence") + "\n\nPutin said that we must wait."
    document = document_of(text)
    mentions = mentions_of(text, extra=(("Mike Pence", "mike_pence", "Mike Pence", "person"),))
    p = quote_pronouns(document, find_quotes(document, mentions), mentions)
    assert p["text"].tolist() == ["I", "we"]  # PENCE's turn: "I just know that we will win"
    assert set(p["actor_id"]) == {"mike_pence"}  # not Putin's reported "we"


def test_quote_pronouns_never_make_an_unnamed_actor():
    text = "“I will win,” a man said. “We are ready,” one Russian newspaper wrote."
    document = document_of(text)
    q = find_quotes(document, mentions_of(text))
    assert quote_pronouns(document, q).empty


def test_a_speakers_we_is_the_body_they_speak_for():
    """"Wynnum coach Matt Myers": his "we" is the team, his "I" stays his; "Labour leader ... his Labour Party":
    the party, whose "our" gives the speaker no stance toward it; "Senate Minority Leader": no side (the
    words between), so his "we" stays his."""
    text = ("“We turned up here ready and I am proud,” Wynnum coach Matt Myers said. Wynnum beat Souths.\n\n"
            "Opposition leader Jeremy Corbyn said his Labour Party “are eager, but we are not prepared to risk "
            "the disaster of no deal on our communities”.\n\n"
            "Senate Minority Leader Chuck Schumer said: “We made a plea to the president.”")
    res = analyze(load_article(text=text))
    actor = dict(zip(res.mentions["start"], res.mentions["actor"], strict=True))
    corbyn, schumer = text.index("Opposition"), text.index("Senate")
    assert actor[text.index("We")] == "Wynnum" and actor[text.index("I am")] == "Matt Myers"
    assert actor[text.index("we", corbyn)] == actor[text.index(" our ", corbyn) + 1] == "Labour Party"
    assert actor[text.index("We", schumer)] == "Chuck Schumer"
    assert not ((res.stance["source"] == "Jeremy Corbyn") & (res.stance["target"] == "Labour Party")).any()


def test_quote_pronouns_skip_the_country_us():
    text = "“US troops will stay with us,” Biden said."
    document = document_of(text)
    p = quote_pronouns(document, find_quotes(document, mentions_of(text)))
    assert p["text"].tolist() == ["us"]


# --------------------------------------------------------------------------- quotation marks and tables


def test_quote_spans_pair_marks_and_handle_strays():
    text = "He said “a” and “b.” Then “c.” d.”"
    spans = [text[s:e] for s, e, _, _ in quote_spans(text, [0, 21])]
    assert spans[:3] == ["a", "b.", "c."]
    assert quote_spans("No quotes here.") == []
    open_text = "She said “this runs to the end"
    assert [open_text[s:e] for s, e, _, _ in quote_spans(open_text)] == ["this runs to the end"]


def test_quote_spans_pair_within_given_paragraphs():
    text = "He said “one\ntwo” and left."  # one hard-wrapped paragraph
    assert [text[s:e] for s, e, _, _ in quote_spans(text, paragraphs=[(0, len(text))])] == ["one\ntwo"]
    assert [text[s:e] for s, e, _, _ in quote_spans(text)] == ["one", "two"]  # lines as paragraphs


def test_empty_mentions_and_document():
    q = find_quotes(document_of("“We are ready,” a diplomat said."), None)
    assert list(q.columns) == QUOTE_COLUMNS and q.iloc[0].speaker_text == "a diplomat"
    empty = find_quotes(document_of("No quotation here."), pd.DataFrame(columns=["actor_id", "actor", "start", "end"]))
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


def test_lexicon_from_a_folder_is_used(tmp_path):
    folder = _write(tmp_path, "cue,lemma,kind,takes,not_before\nmuttered,mutter,verb,clause,\n")
    text = "“We are ready,” Putin muttered. “We are ready,” Putin said."
    document = document_of(text)
    q = find_quotes(document, mentions_of(text), lexicon_dir=folder)
    assert q["cue"].tolist()[0] == "muttered"


def test_you_outside_a_quotation_is_no_speaker():
    # an interviewer's question addressed to the interviewee reports nobody's words
    q = quotes_of("Which specific individuals would you ask to be in your cabinet? Trump said he would ask "
                  "Pence to stay.")
    assert "you" not in {str(s).lower() for s in q["speaker"]}
    assert any("Pence" in t for t in q["text"])


def test_a_first_person_speaker_inside_a_quotation_is_its_speaker():
    text = ("Aparna Garg is a railway manager.\n\n((WN))  What is the campaign about?\n\n((Aparna Garg))  As I "
            "told you, we have a ten-day campaign running, the theme of which is \"Each for Equal\".")
    q = analyze(load_article(text=text)).quotes
    inner = q[q["speaker_text"] == "I"]
    assert len(inner) and set(inner["speaker_id"]) == {"new:aparna-garg"}
    assert set(inner["speaker_resolved_by"]) == {"quote"}


def test_a_speaker_noun_cut_at_its_hyphen_is_whole():
    q = analyze(load_article(text="“Stripes may dazzle flies,” said study co-author and Royal Society University "
                                  "Research Fellow Martin How.")).quotes
    assert q["speaker_text"].tolist() == ["study co-author"]


def test_a_document_speaks_for_the_body_that_issued_it():
    # speaker_nouns.csv: statement, release; the issuer may be a mere modifier mention inside the phrase
    q = analyze(load_article(text="Huber worked for AEW (All Elite Wrestling). “Huber was respected,” reads an AEW "
                                  "press release.")).quotes
    row = row_of(q, "Huber was respected")
    assert row["speaker_id"] == "new:all-elite-wrestling" and row["speaker_resolved_by"] == "speaker_noun"
    # a title's phrase that ends in the holder's name is the holder's, not the country's its title names
    q = analyze(load_article(text="Former US Ambassador to the United Nations Nikki Haley wrote on Twitter, “We must "
                                  "always have the backs of our allies.”")).quotes
    assert q["speaker_id"].tolist() == ["nikki_haley"]  # the parser hangs her name on "to"


def test_a_person_named_last_after_what_they_are_speaks():
    text = ('Don Imus died on Friday.\n\nThe family said it was sad.\n\nLongtime Imus in the Morning writer and performer '
            'Rob Bartlett tweeted: "He was a rebel."')
    q = analyze(load_article(text=text)).quotes
    assert row_of(q, "He was a rebel.")["speaker"] == "Rob Bartlett"


def test_a_thing_that_suggests_inside_a_report_is_no_speaker():
    text = ("One of the study's authors, herpetologist David Blackburn, told Discover Magazine the frequency of spiky "
            "skulls in unrelated frogs suggested some deep pattern: “Somehow, these frogs are turning on some ancient "
            "machinery in their DNA.”")
    q = analyze(load_article(text=text)).quotes
    assert set(q["speaker"]) == {"David Blackburn"}  # "One of ..., X," is X; the frequency reports nothing
    q = analyze(load_article(text="One of the study's authors said the frogs were weird.")).quotes
    assert q["speaker"].tolist() == ["One of the study's authors"]


def test_a_person_right_before_a_subjectless_cue_speaks():
    # the small model reads "coach" as a verb and "Geoff Ingram" as its object; "said" has no subject
    text = ("Caloundra defeated Maroochydore on Saturday.\n\n“I am pretty happy with that,” Caloundra coach Geoff "
            "Ingram said. “We made a lot of ground.”")
    q = analyze(load_article(text=text)).quotes
    assert set(q["speaker"]) == {"Geoff Ingram"}


def test_a_document_published_by_someone_is_theirs():
    text = ("According to a survey published in 2017 by the Royal Pharmaceutical Society, 84% of surveyed Britons did "
            "not wash their hands well enough.")
    q = analyze(load_article(text=text)).quotes
    assert q["speaker"].tolist() == ["Royal Pharmaceutical Society"]
    q = analyze(load_article(text="Erdogan spoke on Monday. A statement released by Erdogan's office said the "
                                  "YPG was a terrorist group.")).quotes
    assert q["speaker_id"].tolist() == ["recep_tayyip_erdogan"]


def test_a_clause_hung_on_a_cue_that_has_its_object_is_no_report_and_a_but_clause_speaks_for_itself():
    q = analyze(load_article(text="Saudi Arabia initially denied all claims that Khashoggi was slain, however, a UN "
                                  "report eventually concluded evidence supported his murder.")).quotes
    assert "Saudi Arabia" not in set(q["speaker"])
    q = analyze(load_article(text="Connie Moganedi, a police spokeswoman, told CNN, neighbors from other lodges "
                                  "attempted to save van Biljon.")).quotes
    assert q["speaker"].tolist() == ["Connie Moganedi"]  # told an audience, then what
    q = analyze(load_article(text="At the time, the company invested in e-commerce, but Gazeta Prawna reports only "
                                  "0.5% of grocery turnover comes from this segment.")).quotes
    assert q["speaker"].tolist() == ["Gazeta Prawna"]


def test_a_quotation_closed_with_a_bracketed_stop_ends_its_sentence():
    text = ('Tak-Sing Wong said in a press release "the team has developed a coating that can make a toilet '
            'self-cleaning[.]" Wong is a professor of engineering at Penn State.')
    q = analyze(load_article(text=text)).quotes
    assert not any(t.startswith("Wong is") for t in q["text"])


def test_a_speech_verb_asked_about_is_no_report():
    # an interviewer's question: the federation is asked about, not reported
    q = quotes_of("Had the federation ever warned you to cover your hair? The federation warned her to cover up.")
    assert q.loc[q["kind"] == "indirect", "text"].tolist() == ["to cover up"]
    # a question around a report keeps the report
    q = quotes_of("Are you aware the Electronic Frontier Foundation said it was a disappointing move?")
    assert q.loc[q["kind"] == "indirect", "text"].tolist() == ["it was a disappointing move"]


def test_a_reported_clause_keeps_its_percent_sign_and_closed_brackets():
    q = quotes_of("He said prices rose 5%. She said the plan (which failed) was good (mostly). The deal (he said it "
                  "was final) was signed.")
    assert q.loc[q["kind"] == "indirect", "text"].tolist() == ["prices rose 5%", "the plan (which failed) was good "
                                                               "(mostly)", "it was final"]


def test_a_reported_clause_ends_where_the_narrator_goes_on():
    q = quotes_of("Phivolcs reported the earthquake's magnitude was 5.5; United States Geological Survey (USGS) "
                  "reported 5.8. Health Minister "
                  "Łukasz Szumowski said \"We couldn't win,\" and the city flag is at half-mast.")
    texts = q["text"].tolist()
    assert "the earthquake's magnitude was 5.5" in texts
    assert not any("half-mast" in t for t in texts)


def test_a_partial_quotation_outside_a_time_clause_is_not_its_speakers():
    q = analyze(load_article(text='When Trump tweeted that mail-in ballots would result in voter fraud, Twitter '
                                  'placed a disclaimer "fact checking" the tweet.')).quotes
    partial = q[q["text"] == "fact checking"]
    assert len(partial) == 1 and "donald_trump" not in set(partial["speaker_id"])
    q = analyze(load_article(text='After Biden said the plan was "reckless", the senator agreed.')).quotes
    assert set(q.loc[q["text"] == "reckless", "speaker_id"]) == {"joe_biden"}  # inside the clause: his


def test_a_source_named_after_its_title_is_the_speaker():
    q = analyze(load_article(text="According to the El Paso mayor, Dee Margo, during the weekend, police were "
                                  "investigating whether a manifesto was written by the suspect.")).quotes
    assert list(q["speaker"]) == ["Dee Margo"] and not q["text"].iloc[0].startswith("Dee Margo")
    q = analyze(load_article(text="According to police, John Smith, 45, was arrested on Monday after a fight.")).quotes
    assert list(q["text"]) == ["John Smith, 45, was arrested on Monday after a fight"]  # police said it


def test_a_speaker_phrase_keeps_a_possessor_the_recogniser_read_as_a_date():
    q = analyze(load_article(text="Singer Billy Sunday died on Monday. Sunday's manager said he had been ill for "
                                  "years.")).quotes
    assert list(q["speaker_text"]) == ["Sunday's manager"]


def test_the_subject_of_an_indirect_question_is_no_speaker():
    """"described how the attack unfolded, stating, “…”": the attack says nothing (the parser hangs "stating"
    on "unfolded"); after "be" ("that's why each side will attack them saying") the clause's subject speaks."""
    q = analyze(load_article(text='An eyewitness described for news agency PA Media how the attack unfolded, '
                                  'stating, "I was crossing the road when I saw a man with a machete."')).quotes
    assert len(q) == 1 and "attack" not in str(q["speaker_text"].iloc[0])
    q = analyze(load_article(text="That's why, when they come out, each side will attack them saying, \"Oh, but we're "
                                  "not homophobic.\"")).quotes
    assert list(q["speaker_text"]) == ["each side"]


def test_a_quotation_told_in_the_next_sentence_has_its_speaker():
    """'“…!” Macron told the world on Thursday via Twitter.': the object of "told" is whom it was told, so the
    next sentence is still only the attribution."""
    q = analyze(load_article(text='"Our house is burning. Literally. It is an international crisis!" Macron told the '
                                  'world on Thursday via Twitter.')).quotes
    assert list(q["speaker_text"]) == ["Macron"]


def test_a_person_in_a_phrase_before_a_verb_that_only_introduces_a_quotation_is_no_speaker():
    """"the manifesto if written by the suspect could strengthen the case: “…”": not the suspect (a person:
    "identified the suspect as Patrick Crusius"), the source named by "According to"."""
    q = analyze(load_article(text="U.S. officials identified the suspect as Patrick Crusius. According to U.S. "
                                  "Attorney Bash, the manifesto if written by the suspect could strengthen the "
                                  "federal government's case: \"The key factor here is an intent to coerce.\"")).quotes
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 1 and direct["speaker"].iloc[0] != "Patrick Crusius"


def test_a_quotation_opening_with_an_editors_bracketed_letter_is_a_whole_sentence():
    """"[w]e have never before seen ...": the editor lower-cased the speaker's first letter; the quotation is
    direct, so "He continued, “[a]nd we ...”" is introduced by its verb, and has a speaker."""
    q = analyze(load_article(text='Ghebreyesus expressed a similar view, saying "[w]e have never before seen a '
                                  'pandemic sparked by a coronavirus." He continued, "[a]nd we have never before seen '
                                  'a pandemic that can be controlled at the same time."')).quotes
    assert list(q["kind"]) == ["direct", "direct"] and q["speaker"].notna().all()



def test_a_speaker_phrase_ends_before_a_relative_clause_and_keeps_its_brackets():
    """"Travis Hood, who witnessed the collision, said ...": the speaker is "Travis Hood"; "Transport for London
    (TfL)" keeps its closing bracket (was "(TfL")."""
    q = quotes_of("Travis Hood, who witnessed the collision, said the driver did not stop. Transport for London (TfL) "
                  "said commuters should take a longer way around.")
    assert q["speaker_text"].tolist() == ["Travis Hood", "Transport for London (TfL)"]


def test_a_pronoun_left_to_an_unnamed_person_speaks_for_nobody_named():
    """"One of the victims decided to allow her name to be made public. She said ...": the speaker is "She",
    no actor (the mentions table leaves her unnamed), not the prosecutor named before."""
    text = ("Prosecutor Kama Melly said the victims were vulnerable. One of the victims decided to allow her name "
            "to be made public. She said she did this to show victims \"there is nothing to be ashamed of\".")
    q = analyze(load_article(text=text)).quotes
    row = q[q["text"] == "there is nothing to be ashamed of"].iloc[0]
    assert row.speaker == "She" and row.speaker_id is None


def test_a_passive_speech_verbs_by_phrase_hung_from_the_quoted_words_is_its_speaker():
    """"COVID-19 was announced to be a “pandemic” by the WHO": the parser hangs "by" from the quoted word, but
    the WHO said it; so for "described as “reckless” by Senator John Smith"."""
    q = quotes_of('COVID-19 was previously announced to be a "pandemic" by the World Health Organization. The plan '
                  'was described as "reckless" by Senator John Smith.')
    assert q["speaker_text"].tolist() == ["the World Health Organization", "Senator John Smith"]


def test_a_passive_speech_verbs_in_phrase_speaks_unless_the_quotation_is_in_it():
    """"was reported in The Guardian" names who reported; 'a fire was reported in the "Kiss & Fly" section of a
    parking structure' names where: the quoted name is no one's words."""
    q = quotes_of('The deal was reported in The Guardian as "a disaster". A fire was reported in the "Kiss & Fly" '
                  'section of a parking structure.')
    assert q["speaker_text"].tolist() == ["The Guardian", None]


def test_a_colon_quotation_after_a_reported_clause_is_the_reporters():
    """"The High Court ruled ..., finding that the prorogation of Parliament was not a matter for the courts:
    “…”": the court, not the subject of the clause it reports."""
    q = quotes_of('The High Court of England and Wales also ruled on the same day, finding that the prorogation of '
                  'Parliament was not a matter for the courts: "In our view, the decision is not justiciable."')
    assert q["speaker_text"].tolist() == ["The High Court of England and Wales"]


def test_a_bare_participle_of_asking_reports_no_words_of_its_subject():
    """"when asked to condemn them, stating “stand back and stand by”": what Trump was asked is not his; what
    he stated is."""
    text = ('Trump made a confusing statement about the far right organization Proud Boys, when asked to condemn '
            'them, stating "stand back and stand by" but argued the far left Antifa organization needed to be '
            'addressed.')
    q = analyze(load_article(text=text)).quotes
    assert "to condemn them" not in set(q["text"])
    assert set(q.loc[q["text"] == "stand back and stand by", "speaker"]) == {"Donald Trump"}


def test_a_report_speaks_for_the_body_named_on_it():
    """"A UN report said", "according to the WHO report released yesterday": the body, not the document."""
    q = analyze(load_article(text="The United Nations met on Monday. A UN report said the war had killed 5,000 "
                                  "people. According to the WHO report released yesterday, there had been 2741 "
                                  "confirmed cases.")).quotes
    assert set(q["speaker"]) == {"United Nations", "World Health Organization"}


def test_a_cue_joined_to_a_reported_clause_with_no_speaker_is_the_reporters():
    """"X's brief said that was not her view and dismissed those reports as “…”": the parser joins "dismissed" to
    the reported clause, whose subject ("that") speaks for nobody; the brief does."""
    text = ("Ivana Trump's brief said that was not her view and dismissed those reports as \"previous "
            "misinterpreted statements and allegations.\"")
    q = analyze(load_article(text=text)).quotes
    row = q[q["text"].str.startswith("previous misinterpreted")]
    assert len(row) == 1 and row.iloc[0].speaker_text == "Ivana Trump's brief"


def test_who_is_led_or_prompted_to_speak_speaks():
    """Object control: "The backlash led Biden to say “…”" is Biden's, not the backlash's; an object that is no
    actor ("used the binary mass function to conclude") leaves the subject speaking."""
    q = analyze(load_article(text="Criticism from the party led Biden to say \"I shouldn't have been so cavalier.\""),
                sentiment_method="vader", compare_method=None).quotes
    assert list(q["speaker"]) == ["Joe Biden"]
    q = analyze(load_article(text="The scandal prompted Smith to tell reporters \"We will review the policy.\""),
                sentiment_method="vader", compare_method=None).quotes
    assert list(q["speaker_text"]) == ["Smith"]


def test_a_quotation_in_what_someone_apologises_for_is_theirs():
    q = analyze(load_article(text="Prime Minister Igor Matovič apologised to the people of his country for \"having an "
                                  "idiot as economy minister.\""), sentiment_method="vader", compare_method=None).quotes
    assert list(q["speaker"]) == ["Igor Matovič"]


def test_a_name_in_quotation_marks_after_known_as_is_no_quotation():
    """'also known as the "Radio Control Law"': a name, nobody's words; but a name inside what a speaker says
    stays theirs ('Clinton says the Ohio native nicknamed "King James" is ...')."""
    q = analyze(load_article(text="Republic Act No. 3846, also known as the \"Radio Control Law\", states \"no person "
                                  "shall operate a radio station.\""), sentiment_method="vader", compare_method=None).quotes
    assert "Radio Control Law" not in set(q["text"])
    q = analyze(load_article(text="Giving a speech in Toledo, Clinton says the Ohio native nicknamed \"King James\" is a "
                                  "longtime advocate."), sentiment_method="vader", compare_method=None).quotes
    assert "King James" in set(q["text"])


def test_a_step_of_a_scale_in_quotation_marks_is_no_quotation():
    """'raised the risk from "moderate" to "high"': the levels' names, nobody's words; a speaker's "very high"
    stays a quotation."""
    q = analyze(load_article(text='The WHO raised the global risk assessment from "moderate" to "high". Smith said the '
                                  'risk was "very high" now.'), sentiment_method="vader", compare_method=None).quotes
    assert not {"moderate", "high"} & set(q["text"]) and "very high" in set(q["text"])


def test_a_participle_after_a_passive_with_an_agent_is_the_agents():
    """"... were described by Boris Johnson, saying he intends to leave": Johnson speaks, not the subject; but
    "Smith was quoted by the BBC as saying": Smith."""
    q = analyze(load_article(text="Election implications of the UK leaving the European Union were described by Boris "
                                  "Johnson, saying he intends to leave the EU by the end of January."),
                sentiment_method="vader", compare_method=None).quotes  # fmt: skip
    assert list(q["speaker"]) == ["Boris Johnson"]
    q = analyze(load_article(text="Smith was quoted by the BBC as saying the plan was dead."),
                sentiment_method="vader", compare_method=None).quotes  # fmt: skip
    assert list(q["speaker"]) == ["Smith"]
