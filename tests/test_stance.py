"""Actor-to-actor stance on the dependency parse: roles, modality, speech, the network tables, the scorer seam."""

from __future__ import annotations

import csv
import re

import numpy as np
import pandas as pd
import pytest

from helpers import analyze
from helpers.config import GOLD_DIR, LEXICON_DIR
from helpers.errors import HelpersError, MethodError
from helpers.stance import network as S
from helpers.stance import scorers
from helpers.stance.cues import NOTES, ROLE_CLASSES, find_cues, load_lexicon
from helpers.text.article import load_article
from helpers.text.document import nlp, parse

#: Share of the hand-labelled seed pairs the rule method must get right (it scores 15/19 = 0.79).
SEED_FLOOR = 0.75


def _spans(text: str, a: str, b: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Spans of the first ``a`` and of the first ``b`` that does not overlap it (whole words)."""
    i = re.search(rf"(?<!\w){re.escape(a)}", text).start()
    j = next(m.start() for m in re.finditer(rf"(?<!\w){re.escape(b)}", text) if m.start() >= i + len(a) or m.end() <= i)
    return (i, i + len(a)), (j, j + len(b))


def _rules(text: str, a: str, b: str) -> tuple[S.StanceLabel, S.StanceLabel]:
    p, q = _spans(text, a, b)
    return S.stance_between(text, p, q, method="rules")


# (sentence, p, q, expected p->q label, expected q->p label)
CASES = [
    # active verb: subject -> object; violence and law
    ("Trump criticized Clinton on Tuesday.", "Trump", "Clinton", "hostile", "neutral"),
    # acting at someone's request complies with them
    ("Payette dissolved Parliament at the request of Trudeau.", "Payette", "Trudeau", "cooperative", "neutral"),
    ("Merkel praised Macron for his speech.", "Merkel", "Macron", "cooperative", "neutral"),
    ("The court convicted Smith of fraud.", "court", "Smith", "hostile", "neutral"),
    ("Greenpeace sued Shell over the spill.", "Greenpeace", "Shell", "hostile", "neutral"),
    ("Police arrested two protesters and charged them with rioting.", "Police", "protesters", "hostile", "neutral"),
    ("Police fired tear gas at the protesters.", "Police", "protesters", "hostile", "neutral"),
    # aid: carried to safety
    ("Navalny was airlifted to Berlin by the Cinema for Peace Foundation.", "Cinema for Peace Foundation",
     "Navalny", "cooperative", "neutral"),
    # a group's violence against another, as a noun
    ("They demand an inquiry into police violence against protesters.", "police", "protesters", "hostile",
     "neutral"),
    ("Widodo appointed Wiranto as security minister.", "Widodo", "Wiranto", "cooperative", "neutral"),
    # a phrase whose parts are apart in the sentence: "hold ... in contempt"
    ("The House voted to hold Barr and Ross in contempt of Congress.", "House", "Ross", "hostile", "neutral"),
    # coordinated subjects each act; an infinitive's own object is the refusal's target
    ("Barr and Ross refused to hand over the documents to the committee.", "Ross", "committee", "hostile",
     "neutral"),
    # passive: the "by" phrase is the source, also after a participle ("after being attacked by")
    ("Clinton was criticized by Trump on Tuesday.", "Clinton", "Trump", "neutral", "hostile"),
    ("The Khans were criticized strongly by McCain.", "The Khans", "McCain", "neutral", "hostile"),
    ("A protester was injured by police on Sunday.", "protester", "police", "neutral", "hostile"),
    ("Journalists were injured after being attacked by protesters.", "protesters", "Journalists", "hostile",
     "neutral"),
    ("The speech was met with applause from Democrats.", "Democrats", "speech", "cooperative", "neutral"),
    # the subject receives: "drew fire from", "won the endorsement of"
    ("Maduro drew fire from the National Assembly.", "Maduro", "the National Assembly", "neutral", "hostile"),
    ("Clinton won the endorsement of Obama.", "Clinton", "Obama", "neutral", "cooperative"),
    ("Kelly has refrained from responding to Trump's attacks.", "Kelly", "Trump", "neutral", "hostile"),
    # a participle clause shares the main clause's subject
    ("Thousands marched in London, protesting against the government.", "Thousands", "the government", "hostile",
     "neutral"),
    # nominalisations: possessor, compound, support verb, "from" phrase
    ("Russia's invasion of Ukraine shocked Europe.", "Russia", "Ukraine", "hostile", "neutral"),
    ("Macron's invitation to Xi was welcomed.", "Macron", "Xi", "cooperative", "neutral"),
    ("The EU imposed sanctions on Russia.", "The EU", "Russia", "hostile", "neutral"),
    # a support verb with a preposition; a place aimed at by an act is its target, not where it happens
    ("The SDF had entered into an agreement with Syria.", "SDF", "Syria", "cooperative", "cooperative"),
    ("Turkey began a military offensive into north-eastern Syria.", "Turkey", "Syria", "hostile", "neutral"),
    ("Merkel demanded an explanation from Russia.", "Merkel", "Russia", "hostile", "neutral"),
    # the owner of what is criticised stands for it (not a person of their own)
    ("Kupec sharply criticized the House's decision.", "Kupec", "House", "hostile", "neutral"),
    ("The ministry denounced the conclusions of the summit.", "ministry", "summit", "hostile", "neutral"),
    ("Russia dismissed the claim from Berlin as groundless.", "Russia", "Berlin", "hostile", "neutral"),
    # agentive nouns
    ("Navalny is an outspoken critic of Putin.", "Navalny", "Putin", "hostile", "neutral"),
    # reported speech: a speaker's evaluative words about whom they are said of
    ("Biden said Putin was a thug.", "Biden", "Putin", "hostile", "neutral"),
    ("Declaring Putin as a “pure thug”, Joe Biden made his position clear.", "Joe Biden", "Putin", "hostile",
     "neutral"),
    ("Cherry said the government was breaking the law.", "Cherry", "the government", "hostile", "neutral"),
    ("Dilou said Tunisia is facing terrorist attacks.", "Dilou", "Tunisia", "neutral", "neutral"),  # undergoes
    ('Tom Watson called Theresa May\'s deal "lousy".', "Tom Watson", "Theresa May", "hostile", "neutral"),
    # ... but not the words of phrases nested deep below the clause: what it acts on, not what it is
    ("Kaczyński said the party was ready with amendments to the penal code for sentencing up to 30-year prison "
     "terms for child sexual abuse.", "Kaczyński", "the party", "neutral", "neutral"),
    # reciprocal forms
    ("Washington and Moscow exchanged insults.", "Washington", "Moscow", "hostile", "hostile"),
    ("Trump and Clinton criticised each other.", "Trump", "Clinton", "hostile", "hostile"),
    ("Turkey and Libya agreed on maritime borders.", "Turkey", "Libya", "cooperative", "cooperative"),
    ("Talks between Israel and Hamas resumed on Monday.", "Israel", "Hamas", "neutral", "neutral"),
    ("Israel negotiated with Hamas for weeks.", "Israel", "Hamas", "cooperative", "cooperative"),
    ("Queen Elizabeth agrees to suspend the UK Parliament.", "Queen Elizabeth", "the UK Parliament", "neutral",
     "neutral"),  # agreeing to do something to Y is no agreement with Y
    # parties joined by hyphens before a mutual act
    ("The Turkish-Libyan agreement angered Greece.", "Turkish", "Libyan", "cooperative", "cooperative"),
    # relative clauses: the object gap, the subject, and a predicate noun's subject
    ("CNN, which President Trump has repeatedly derided as fake news, ran the story.", "CNN", "President Trump",
     "neutral", "hostile"),
    ("Maduro drew fire from the Assembly, which accused the unpopular leader of despotism.", "Maduro",
     "the Assembly", "neutral", "hostile"),
    ("Carrie Lam, who is supported by Beijing, resigned.", "Beijing", "Carrie Lam", "cooperative", "neutral"),
    ("Citigroup is one of four banks that Los Angeles has sued.", "Citigroup", "Los Angeles", "neutral",
     "hostile"),
    ("Hamas is a group which attacked Israel.", "Hamas", "Israel", "hostile", "neutral"),
    # a by/from phrase that lists its agents ("including", appositions)
    ("Trump was praised by Senator Mary Landrieu, a Democrat, and Sheriff Jeffrey Wiley for his visit.", "Trump",
     "Jeffrey Wiley", "neutral", "cooperative"),
    ("Obama's speech drew criticism from Republicans, including Senator John McCain of Arizona.", "Obama",
     "John McCain", "neutral", "hostile"),
    # a verb phrase coordinated with an earlier one shares its subject, not the nearest (object) entity
    ("Len gave Melissa a pat on the back but soon was criticizing her.", "Len", "Melissa", "hostile", "neutral"),
    ("Trump hadn't previously derided Obama as sick or accused him of breaking the law.", "Trump", "Obama",
     "hostile", "neutral"),
    # an entity of the subject's phrase acts for it
    ("Ross Murray, the director at GLAAD, praised Obama.", "GLAAD", "Obama", "cooperative", "neutral"),
    # a closing quotation mark before the verb does not open a quotation
    ("Zervos, a contestant on “The Apprentice,” accused Trump of groping her.", "Zervos", "Trump", "hostile",
     "neutral"),
    # intent to cooperate, and a pronoun subject of reported speech is its speaker
    ("Trump has said he wants to “work together, very closely” with Putin.", "Trump", "Putin", "cooperative",
     "neutral"),
    # negation: a hostile cue negated -> neutral; a strong cooperative cue negated -> refusal (hostile)
    ("Trump did not criticize Clinton.", "Trump", "Clinton", "neutral", "neutral"),
    ("Kirk said he wouldn't support Clinton.", "Kirk", "Clinton", "hostile", "neutral"),
    # ... unless the negation bears on how or when: no refusal
    ("Citizens do not elect the Prime Minister Boris Johnson directly.", "Citizens", "Boris Johnson", "neutral",
     "neutral"),
    ("Thompson isn't endorsing any candidate like Smith yet.", "Thompson", "Smith", "neutral", "neutral"),
    ("Cyprus, which Turkey does not recognize, objected.", "Turkey", "Cyprus", "hostile", "neutral"),
    ("Obama never visited Cuba.", "Obama", "Cuba", "neutral", "neutral"),
    ("Smith said that Jones did not lie, that Jones is not a liar.", "Smith", "Jones", "neutral", "neutral"),
    # backing one side against another is hostile to the other; a mutual act is not mirrored toward it
    ("Russia backed Assad against the rebels.", "Russia", "rebels", "hostile", "neutral"),
    ("France allied with Britain against Germany.", "France", "Germany", "hostile", "neutral"),
    # backing an act against someone is against them ("audit", "overturn" are such acts)
    ("Pierce endorsed an audit of the Federal Reserve.", "Pierce", "the Federal Reserve", "hostile", "neutral"),
    ("Carroll also backed the overturn of Citizens United.", "Carroll", "Citizens United", "hostile", "neutral"),
    # a "whether" clause beside the cue's clause is no question about it
    ("Whether or not he wins, Putin will attack Zelensky.", "Putin", "Zelensky", "hostile", "neutral"),
]


@pytest.mark.parametrize(("text", "a", "b", "fwd", "back"), CASES)
def test_rules(text, a, b, fwd, back):
    x, y = _rules(text, a, b)
    assert (x.label, y.label) == (fwd, back)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Joe Biden, the then-President of the United States, spoke.", "Joe Biden", "the United States"),
        ("Putin met reporters in Moscow.", "Putin", "Moscow"),  # location, not a patient
        ("Trump met Xi in Osaka.", "Trump", "Xi"),  # neutral contact
        ("Obama said on Tuesday that Romney criticized Ryan.", "Obama", "Ryan"),  # X reports Y's act
        ("Trump's lawyer is a critic of tax reform, Pence said.", "Trump", "Pence"),
        ("Merkel visited Paris and Macron stayed home.", "Macron", "Paris"),
        ("The attack on the embassy was condemned.", "the embassy", "The attack"),
        ("Germany and France both criticized the plan.", "Germany", "France"),  # co-agents
        ("Obama responded to Trump's attacks on the Khans.", "Obama", "Trump"),  # the attack has its own target
        ("Mellott was arrested on Sunday by police in Urbana.", "Mellott", "Urbana"),  # a place is no agent
        ("Meanwhile in Miami, coach Adam Gase criticized Tannehill.", "Miami", "Tannehill"),
        ("Clinton's longtime aide also spread racially charged rumors about Obama.", "Clinton", "Obama"),
        ("Maduro was criticized by the opposition, Warren said.", "Maduro", "Warren"),  # Warren reports it
        # tone words are no stance: nobody is judged, or the one judged is no actor
        ("Duda called the fire in Poland an appalling tragedy.", "Duda", "Poland"),
        # what befalls someone is no judgement of them
        ('Pence said the United States is "in the midst of a crisis on our southern border."', "Pence",
         "the United States"),
        ("The corrupt regime of Assad met Putin.", "Putin", "Assad"),
        ("Police said the man killed his son.", "Police", "his son"),
        # an accusation's alleged act is not asserted
        ("Pavlensky accused Berezin of abusing Slonina.", "Berezin", "Slonina"),
        # an act aimed at what befell someone is not aimed at them
        ("The FBI is investigating the death of George Floyd.", "The FBI", "George Floyd"),
        ("Trump condemned Floyd's death.", "Trump", "Floyd"),
        # an indirect question asks, it does not say
        ("Reporters asked whether Biden supports Trump.", "Biden", "Trump"),
        ("Questions surround whether the party nominated him to assist Trump's re-election.", "the party", "Trump"),
    ],
)
def test_must_not_fire(text, a, b):
    x, y = _rules(text, a, b)
    assert (x.label, y.label) == ("neutral", "neutral"), (x, y)


def test_negation_is_marked_and_refusal_recoded():
    x, _ = _rules("Trump did not criticize Clinton.", "Trump", "Clinton")
    (cue,) = x.cues
    assert cue.negated and cue.modality == "negated" and cue.weight == 0.0
    x, _ = _rules("Kirk refused to endorse Clinton.", "Kirk", "Clinton")
    endorse = next(c for c in x.cues if c.lemma == "endorse")
    assert endorse.negated and endorse.cameo == "120" and x.score == -4.0


def test_a_demand_for_a_resignation_is_one_act():
    x, _ = _rules("Students demanded Simon's resignation.", "Students", "Simon")
    assert x.label == "hostile" and len(x.cues) == 1  # the verb's own cue, not also the request
    x, _ = _rules("Peters called for Simon's resignation.", "Peters", "Simon")
    assert x.label == "hostile" and [c.cameo for c in x.cues] == ["1041"]


def test_an_order_to_shut_down_is_hostile_to_who_must_close():
    """Ordering or forcing a body to shut down or disband is made to stop it (``leave`` in stance_roles.csv)."""
    x, _ = _rules("The government ordered the broadcaster ABS-CBN to shut down.", "The government", "ABS-CBN")
    assert x.label == "hostile"
    x, _ = _rules("The junta forced the Liberal Party to disband.", "The junta", "the Liberal Party")
    assert x.label == "hostile"
    x, _ = _rules("The government asked ABS-CBN to shut the studio's door.", "The government", "ABS-CBN")
    assert x.label == "neutral"


def test_a_clause_the_parser_split_at_its_conjunction_keeps_its_subject():
    """"arrested after X, mayor of Y, was stabbed": the parser reads "after X" as a phrase and "was stabbed" as
    joined to "arrested"; X is who was stabbed, and the article's attacker stabbed him."""
    res = analyze(load_article(
        text="An individual has been arrested after Paweł Adamowicz, mayor of the Polish city of Gdańsk, was stabbed "
             "last night whilst on stage at a fundraising event. The attacker is reported to have jumped on stage."),
        sentiment_method="vader", compare_method=None)  # fmt: skip
    ev = res.events
    assert list(zip(ev["source"], ev["target"], ev["cue"], strict=True)) == [("Attacker", "Paweł Adamowicz", "stabbed")]


def test_praying_for_someone_is_on_their_side():
    x, _ = _rules("Tusk said he prayed for Adamowicz.", "Tusk", "Adamowicz")
    assert x.label == "cooperative"


def test_reversal_reduces_relations():
    x, y = _rules("All direct correspondence between Biden and Putin stopped.", "Biden", "Putin")
    assert x.label == y.label == "hostile" and x.cues[0].cameo == "161"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Trump could attack Iran.", "modal"),
        ("Trump will attack Iran.", "modal"),
        ("If talks fail, Trump will attack Iran.", "conditional"),
        ("Trump would attack Iran if talks failed.", "conditional"),
        ("Trump attacked Iran.", "asserted"),
        ("Trump did not attack Iran.", "negated"),
        ("Trump never attacked Iran.", "negated"),
    ],
)
def test_modality(text, modality):
    x, _ = _rules(text, "Trump", "Iran")
    assert [c.modality for c in x.cues if c.lemma == "attack"] == [modality]


def test_intent_and_threat_recoded():
    x, _ = _rules("Russia threatened to invade Ukraine.", "Russia", "Ukraine")
    assert {c.cameo for c in x.cues} == {"130"} and x.label == "hostile"
    x, _ = _rules("Germany wants to cooperate with France.", "Germany", "France")
    assert x.cues[0].cameo == "030" and x.score == 4.0


def test_modal_cues_count_only_without_asserted_ones():
    text = "Russia could attack Ukraine. Russia praised Ukraine. Belarus might attack Ukraine."
    document, mentions = _article(text, {"Russia": "Russia", "Ukraine": "Ukraine", "Belarus": "Belarus"})
    edges = S.stance_edges(S.stance_events(document, mentions)).set_index(["source_id", "target_id"])
    assert edges.loc[("russia", "ukraine"), "label"] == "cooperative"  # what it did, not what it could do
    assert edges.loc[("belarus", "ukraine"), "label"] == "hostile"  # only a modal act: that one counts


def test_cue_offsets_point_at_their_text_and_labels_are_fixed():
    text = "Intro sentence here. Declaring Putin as a “pure thug” and a “murderous dictator,” Joe Biden spoke."
    sentence = (21, len(text))
    p = (text.index("Joe Biden"), text.index("Joe Biden") + 9)
    q = (text.index("Putin"), text.index("Putin") + 5)
    x, y = S.stance_between(text, p, q, method="rules", sentence=sentence)
    assert x.label == "hostile"
    for lab in (x, y):
        assert lab.label in S.LABELS and -10.0 <= lab.score <= 10.0
        for c in lab.cues:
            assert text[c.start : c.end] == c.text and c.modality in S.MODALITIES
    assert {c.text for c in x.cues} >= {"thug", "dictator"}


@pytest.mark.parametrize(
    ("p", "q", "kw"),
    [
        ((0, 50), (0, 3), {}),  # out of range
        ((3, 3), (5, 8), {}),  # empty
        ((0, 5), (3, 8), {}),  # overlapping
        ((0, 5), (6, 9), {"sentence": (6, 12)}),  # outside the sentence
        (("a", 2), (5, 8), {}),
    ],
)
def test_bad_spans(p, q, kw):
    with pytest.raises(S.StanceSpanError, match=r"span|overlap|offsets"):
        S.stance_between("Trump met Xi.", p, q, **kw)
    with pytest.raises(ValueError):
        S.stance_between("Trump met Xi.", p, q, **kw)


def test_unknown_method():
    with pytest.raises(MethodError, match="unknown stance method"):
        S.stance_between("Trump met Xi.", (0, 5), (10, 12), method="bert")


# --------------------------------------------------------------------------- cues


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("Merkel criticised the plan.", ["criticize"]),  # British spelling
        ("Greece signed a deal with Egypt.", ["sign deal"]),  # a phrase with a word between
        ("The House held Barr and Ross, two officers, in contempt.", ["hold in contempt"]),
        ("He took a swipe at the senator.", ["take a swipe at"]),
        ("Clinton won the endorsement of Obama.", ["win the endorsement"]),
        ("The talks stopped.", ["talks", "stop"]),
        ("The attack was a surprise.", ["attack"]),  # a noun entry for a noun
        ("They attack at night.", ["attack"]),  # a verb entry for a verb
    ],
)
def test_find_cues(text, lemmas):
    doc = nlp()(text)
    assert [m.entry.lemma for m in find_cues(doc[:])] == lemmas


def test_no_cue_inside_an_entity():
    doc = nlp()("The Campaign Against Arms Trade met.")
    assert [m.entry.lemma for m in find_cues(doc[:], blocked=range(1, 5))] == ["meet"]


def test_lexicon_rows_follow_cameo_goldstein():
    with (LEXICON_DIR / "stance_cues.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {"lemma_or_pattern", "pos", "cameo_code", "category", "goldstein", "direction_note"} <= set(rows[0])
    assert {r["direction_note"] for r in rows} <= set(NOTES)
    anchors = {("consult", "V"): 1.0, ("visit", "V"): 1.9, ("invite", "V"): 2.8, ("praise", "V"): 3.4,
               ("negotiate", "V"): 7.0, ("criticize", "V"): -2.0, ("reject", "V"): -4.0,
               ("threaten", "V"): -4.4, ("sanctions", "N"): -8.0, ("invade", "V"): -10.0}
    got = {(r["lemma_or_pattern"], r["pos"]): float(r["goldstein"]) for r in rows}
    assert all(got[k] == v for k, v in anchors.items())


def test_role_words_are_classed():
    with (LEXICON_DIR / "stance_roles.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["class"] for r in rows} == set(ROLE_CLASSES)
    lex = load_lexicon()
    assert "impose" in lex.words("light") and "son" in lex.words("person") and "face" in lex.words("receive")


# --------------------------------------------------------------------------- the article's network


def _article(text: str, actors: dict[str, str]):
    """The parsed article and hand-made mentions: every occurrence of each surface form, as its actor."""
    document = parse(load_article(text=text))
    rows = []
    for surface, actor in actors.items():
        for m in re.finditer(re.escape(surface), text):
            rows.append({"actor_id": actor.lower(), "actor": actor, "sentence_id": document.sentence_at(m.start()),
                         "start": m.start(), "end": m.end(), "text": surface})
    return document, pd.DataFrame(rows).sort_values("start").reset_index(drop=True)


def _quotes(text: str, document, mentions: pd.DataFrame) -> pd.DataFrame:
    from helpers.actors.quotes import find_quotes

    return find_quotes(document, mentions)


def test_stance_events_and_edges():
    text = ("Russia's invasion of Ukraine began in 2022. The General Assembly denounced Russia. "
            "Putin praised Putin. Later Russia attacked Ukraine again. Russia met Ukraine.")
    actors = {"Russia": "Russia", "Ukraine": "Ukraine", "The General Assembly": "UNGA", "Putin": "Russia"}
    document, mentions = _article(text, actors)
    events = S.stance_events(document, mentions, _quotes(text, document, mentions))
    assert list(events.columns)[: len(S.EVENT_COLUMNS)] == S.EVENT_COLUMNS
    assert not (events["source_id"] == events["target_id"]).any()  # same actor skipped
    for row in events.itertuples():
        assert text[row.start : row.end] == row.cue and row.label in S.LABELS
    pairs = set(zip(events["source_id"], events["target_id"], strict=True))
    assert pairs == {("russia", "ukraine"), ("ukraine", "russia"), ("unga", "russia")}
    edges = S.stance_edges(events)
    assert list(edges.columns) == S.EDGE_COLUMNS
    ru = edges[(edges.source_id == "russia") & (edges.target_id == "ukraine")].iloc[0]
    # the meeting is evidence, kept neutral: it does not pull the two attacks toward neutral
    assert ru.label == "hostile" and ru.n == 3 and ru.sentence_ids == [0, 3, 4] and ru.score == -10.0
    assert ru.evidence == "s0: invasion; s3: attacked; s4: met"
    ur = edges[(edges.source_id == "ukraine") & (edges.target_id == "russia")].iloc[0]
    assert ur.label == "neutral" and ur.score == 0.0 and ur.evidence == "s4: met"
    assert S.stance_edges(events.iloc[:0]).empty
    assert ru.support_ids == [0, 3] and ur.support_ids == [4]


def test_an_edge_lists_the_cues_behind_its_label_first():
    """"Russia met Ukraine. Later Russia attacked Ukraine.": a hostile edge whose evidence opens with the attack,
    not the meeting that came first, and whose supporting sentence is the attack's (the report shows it)."""
    text = "Russia met Ukraine. Later Russia attacked Ukraine."
    document, mentions = _article(text, {"Russia": "Russia", "Ukraine": "Ukraine"})
    edges = S.stance_edges(S.stance_events(document, mentions, _quotes(text, document, mentions)))
    ru = edges[(edges.source_id == "russia") & (edges.target_id == "ukraine")].iloc[0]
    assert (ru.label, ru.evidence, ru.sentence_ids, ru.support_ids) == ("hostile", "s1: attacked; s0: met", [0, 1], [1])


def test_speakers_come_from_the_quotes_table():
    text = 'Wong spoke to reporters. "We will never forgive the government," he said.'
    document, mentions = _article(text, {"Wong": "Wong", "the government": "Government", "he": "Wong"})
    quotes = _quotes(text, document, mentions)
    assert (quotes["speaker_id"] == "wong").any()
    events = S.stance_events(document, mentions, quotes)
    row = events[(events.source_id == "wong") & (events.target_id == "government")].iloc[0]
    assert row.cue == "forgive" and row.label == "hostile" and row.via == "clause"
    # without the quotes table "we" has no speaker
    assert S.stance_events(document, mentions, None).empty


def test_pronoun_mentions_are_read_not_guessed():
    text = "Obama met Smith. Later she criticized him."
    document, mentions = _article(text, {"Obama": "Obama", "Smith": "Smith"})
    events = S.stance_events(document, mentions)
    assert set(events["sentence_id"]) == {0}  # "she"/"him" are no mentions: nothing is guessed
    extra = pd.DataFrame([{"actor_id": "smith", "actor": "Smith", "sentence_id": 1, "start": 23, "end": 26,
                           "text": "she"}, {"actor_id": "obama", "actor": "Obama", "sentence_id": 1, "start": 38,
                                            "end": 41, "text": "him"}])
    events = S.stance_events(document, pd.concat([mentions, extra], ignore_index=True))
    later = events[events.sentence_id == 1]
    assert set(zip(later.source_id, later.target_id, later.label, strict=True)) == {("smith", "obama", "hostile")}


def test_stance_events_bad_frames():
    document = parse(load_article(text="Trump met Xi."))
    with pytest.raises(HelpersError, match="lacks column"):
        S.stance_events(document, pd.DataFrame({"sentence_id": []}))


# --------------------------------------------------------------------------- the scorer seam


def test_rules_as_a_scorer_give_one_hot_dse_classes():
    items = [("Trump criticized Clinton.", (0, 5), (17, 24)), ("Clinton was praised by Trump.", (0, 7), (23, 28)),
             ("Trump met Clinton.", (0, 5), (10, 17))]
    probs = S.rule_probabilities(items)
    assert probs.shape == (3, 5) and np.allclose(probs.sum(axis=1), 1.0)
    assert probs.argmax(axis=1).tolist() == [3, 2, 0]


@pytest.mark.parametrize(
    ("probs", "rules", "labels"),
    [
        ([0.1, 0.1, 0.1, 0.6, 0.1], None, ("hostile", "neutral")),
        ([0.1, 0.1, 0.7, 0.05, 0.05], None, ("neutral", "cooperative")),
        ([0.8, 0.05, 0.05, 0.05, 0.05], None, ("neutral", "neutral")),
        # the rules read the act both ways ("X and Y signed a deal"): the learned polarity holds for both
        ([0.1, 0.7, 0.1, 0.05, 0.05], ("cooperative", "cooperative"), ("cooperative", "cooperative")),
        ([0.1, 0.7, 0.1, 0.05, 0.05], ("hostile", "hostile"), ("cooperative", "neutral")),
    ],
)
def test_labels_from_probabilities(probs, rules, labels):
    read = tuple(S.StanceLabel(lab, 1.0) for lab in rules) if rules else None
    x, y = scorers.labels_from(probs, read)
    assert (x.label, y.label) == labels
    assert all(lab.score == 0.0 for lab in (x, y) if lab.label == "neutral")


def test_a_learned_scorer_labels_pairs_and_keeps_rule_cues_as_evidence(monkeypatch):
    seen = []

    def fake(items):  # everyone is hostile toward the second mention
        seen.extend(items)
        return np.tile([0.1, 0.0, 0.0, 0.9, 0.0], (len(items), 1))

    monkeypatch.setattr(scorers, "learned", lambda: fake)
    text = "Trump praised Clinton. Obama met Biden."
    document, mentions = _article(text, {"Trump": "Trump", "Clinton": "Clinton", "Obama": "Obama", "Biden": "Biden"})
    events = S.stance_events(document, mentions, method="model")
    assert seen == [("Trump praised Clinton.", (0, 5), (14, 21)), ("Obama met Biden.", (0, 5), (10, 15))]
    got = {(r.source_id, r.target_id, r.cue, r.label, r.scorer) for r in events.itertuples()}
    assert got == {("trump", "clinton", "praised", "hostile", "model"), ("obama", "biden", "met", "hostile", "model"),
                   ("biden", "obama", "met", "neutral", "model")}
    edges = S.stance_edges(events).set_index(["source_id", "target_id"])
    assert edges.loc[("trump", "clinton"), "score"] == -9.0 and edges.loc[("biden", "obama"), "label"] == "neutral"
    x, y = S.stance_between(text, (0, 5), (14, 21), method="model")
    assert (x.label, y.label) == ("hostile", "neutral") and [c.lemma for c in x.cues] == ["praise"]


def test_model_method_without_a_learned_head_says_so(monkeypatch):
    def missing():
        raise MethodError(scorers.LEARNED_HEAD_MISSING)

    monkeypatch.setattr(scorers, "learned", missing)
    with pytest.raises(MethodError, match="learned stance head"):
        S.stance_between("Trump met Xi.", (0, 5), (10, 12), method="model")


def test_the_learned_head_reads_pairs_in_either_order():
    from helpers.stance import model as M

    if not M.available():
        pytest.skip("no fine-tuned encoder in data/models/encoder")
    text = "Trump criticized Clinton on Tuesday."
    probs = M.predict_pairs([(text, (0, 5), (17, 24)), (text, (17, 24), (0, 5))])
    assert probs.shape == (2, 5) and np.allclose(probs.sum(axis=1), 1.0)
    assert int(probs[0].argmax()) == 3 and int(probs[1].argmax()) == 4  # the same reading, seen from q
    np.testing.assert_allclose(probs[0][[0, 2, 1, 4, 3]], probs[1], rtol=1e-6)


# --------------------------------------------------------------------------- seed gold


def _seed_rows():
    with (GOLD_DIR / "seed_stance.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_seed_gold_is_well_formed():
    rows = _seed_rows()
    assert len(rows) >= 15
    for r in rows:
        s = r["sentence"]
        assert s[int(r["source_start"]) : int(r["source_end"])] == r["source"]
        assert s[int(r["target_start"]) : int(r["target_end"])] == r["target"]
        assert r["label"] in S.LABELS and r["reasoning"]


def test_seed_gold_accuracy():
    rows = _seed_rows()
    right = 0
    for r in rows:
        p = (int(r["source_start"]), int(r["source_end"]))
        q = (int(r["target_start"]), int(r["target_end"]))
        x, _ = S.stance_between(r["sentence"], p, q, method="rules")
        right += x.label == r["label"]
    assert right / len(rows) >= SEED_FLOOR, f"seed accuracy {right}/{len(rows)}"


@pytest.mark.parametrize(
    ("key", "a", "b", "label"),
    [
        ("Declaring Putin", "Joe Biden", "Putin", "hostile"),
        ("full-scale invasion", "he", "Ukraine", "hostile"),
        ("Adoption of a resolution", "Russia", "Ukraine", "hostile"),
        ("work together", "The recently appointed President", "Putin", "cooperative"),
        ("Western sanctions", "Western", "Russia", "hostile"),
    ],
)
def test_seed_must_hold(seed_path, key, a, b, label):
    from helpers.text.segment import sentence_spans

    text = seed_path.read_text(encoding="utf-8")
    (s, e) = next((s, e) for s, e in sentence_spans(text) if key in text[s:e])
    p, q = _spans(text[s:e], a, b)
    x, _ = S.stance_between(text, (s + p[0], s + p[1]), (s + q[0], s + q[1]), method="rules", sentence=(s, e))
    assert x.label == label


@pytest.mark.parametrize(
    ("text", "a", "b", "fwd", "back"),
    [
        # an entity modifying the subject's head acts for it ("[Turkish] President Erdogan")
        ("Turkish President Tayyip Erdogan blames Gulen for the coup.", "Turkish", "Gulen", "hostile", "neutral"),
        # a noun inside a container ("a barrage of insults") takes the container's support verb
        ("Colbert unleashed a barrage of insults against Trump.", "Colbert", "Trump", "hostile", "neutral"),
        # what an actor asks for is owned by it ("an exemption sought by the Church")
        ("The administration rejected an exemption sought by the Church.", "administration", "the Church", "hostile",
         "neutral"),
        # a noun received from someone ("facing a fine from")
        ("Toyota is facing a fine from the US government.", "Toyota", "the US government", "neutral", "hostile"),
        # a speaker's words about the subject of a clause reaching into the quotation
        ('Damron said Murphy "is wasting the time of voters with an awful campaign".', "Damron", "Murphy", "hostile",
         "neutral"),
        # ... but what happens to an actor is no judgement of it
        ("The German government said Navalny was poisoned with Novichok.", "The German government", "Navalny",
         "neutral", "neutral"),
        # "together" makes coordinated subjects act toward each other, not an object toward its subject
        ("Johnson and McConnell have worked well together.", "Johnson", "McConnell", "cooperative", "cooperative"),
        ("Trump wants to work together with Putin.", "Trump", "Putin", "cooperative", "neutral"),
        # a preposition that aims the object, hung by the parser on the object
        ("The police used water cannons and tear gas against protesters.", "The police", "protesters", "hostile",
         "neutral"),
        ("Trump would prefer to agree a solution with the opposition.", "Trump", "the opposition", "cooperative",
         "neutral"),  # a wish, as "wants to work together with Putin": the opposition has agreed to nothing
        # a concessive phrase's act is aimed at the clause's subject; the clause's negation is not the act's
        ("Despite police disapproval, protesters marched on.", "police", "protesters", "hostile", "neutral"),
        ("In the face of threats from China, the Taiwanese people never back down.", "China", "the Taiwanese people",
         "hostile", "neutral"),
        # judging a hostile act done to someone is no judgement of them; an allegation must allege something
        ('"Nabil\'s murder is unacceptable," said Sabrina Bennoui.', "Sabrina Bennoui", "Nabil", "neutral", "neutral"),
        ('"Russia\'s invasion is illegal," said Joe Biden.', "Joe Biden", "Russia", "hostile", "neutral"),
        ("Jones alleged that Smith lied to Congress.", "Jones", "Smith", "hostile", "neutral"),
        # asking someone to leave office
        ("Protesters asked Carrie Lam to resign.", "Protesters", "Carrie Lam", "hostile", "neutral"),
        ("Democrats called on Trump to step down.", "Democrats", "Trump", "hostile", "neutral"),
        ("Macron asked Philippe to form a government.", "Macron", "Philippe", "neutral", "neutral"),
        ("Trump asked for John Bolton's resignation.", "Trump", "John Bolton", "hostile", "neutral"),
        ("Trump asked Mike Pompeo for his resignation.", "Trump", "Mike Pompeo", "hostile", "neutral"),
        ("Merkel called for the resignation of Boris Johnson.", "Merkel", "Boris Johnson", "hostile", "neutral"),
        ("Biden accepted Harris's resignation.", "Biden", "Harris", "neutral", "neutral"),
        # pardons are cooperative, to a recipient however the parser hangs it
        ("Trump granted Paul Pogue a full and unconditional pardon.", "Trump", "Paul Pogue", "cooperative", "neutral"),
        ("Trump issued a pardon to Edward DeBartolo.", "Trump", "Edward DeBartolo", "cooperative", "neutral"),
        # coming to someone's defense
        ("The Republicans have come to Rittenhouse's defense.", "The Republicans", "Rittenhouse", "cooperative",
         "neutral"),
        ("Merkel came to the defense of Macron.", "Merkel", "Macron", "cooperative", "neutral"),
        # being at odds is mutual
        ("Trump and Bolton have been at odds over Iran.", "Trump", "Bolton", "hostile", "hostile"),
        ("The experts urged officials to push Trump to concede the election.", "The experts", "Trump", "hostile",
         "neutral"),
        ("The experts urged officials to push Trump to concede the election.", "officials", "Trump", "neutral",
         "neutral"),
        # a group's demands are its own; what they include is what it demands
        ("Protesters' demands include an investigation of police misconduct.", "Protesters", "police", "hostile",
         "neutral"),
        ("The demands of the protesters include an investigation of police misconduct.", "the protesters",
         "police", "hostile", "neutral"),
        ("Russia rejected the demands of Ukraine.", "Russia", "Ukraine", "hostile", "neutral"),
        # a gerund in the "of" phrase of a noun acts for whoever has the noun
        ("The court found Johnson's advice was motivated by the purpose of stymying Parliament.", "Johnson",
         "Parliament", "hostile", "neutral"),
        ("Smith faces the charge of killing Jones.", "Smith", "Jones", "hostile", "neutral"),
        # saying someone should leave office asks them to; saying they should not, or will, does not
        ("Schwarzman said the president should accept the election outcome.", "Schwarzman", "the president",
         "hostile", "neutral"),
        ("Collins said Trump needs to concede.", "Collins", "Trump", "hostile", "neutral"),
        ("Collins said Trump should not resign.", "Collins", "Trump", "neutral", "neutral"),
        ("Collins said Trump would resign.", "Collins", "Trump", "neutral", "neutral"),
        ("Iran accepted the outcome of the talks with Russia.", "Iran", "Russia", "neutral", "neutral"),
        # who asks for an act shares its stance; "called on Y to" makes Y the actor
        ("Trump asked Ukraine to launch an investigation of Joe Biden.", "Trump", "Joe Biden", "hostile", "neutral"),
        ("The EU urged Congress to support Ukraine.", "The EU", "Ukraine", "cooperative", "neutral"),
        ("Merkel called on Russia to stop attacking Ukraine.", "Russia", "Ukraine", "hostile", "neutral"),
        ("Merkel called on Russia to stop attacking Ukraine.", "Merkel", "Ukraine", "neutral", "neutral"),
        # the partners of a reciprocal act are in its own clause, not in a clause of a preposition after it
        ("Turkey and Libya signed a maritime border agreement, according to which a section between Crete and "
         "Cyprus would cross the Turkish economic zone.", "Turkey", "Cyprus", "neutral", "neutral"),
        ("Turkey and Libya signed a maritime border agreement, according to which a section between Crete and "
         "Cyprus would cross the Turkish economic zone.", "Turkey", "Libya", "cooperative", "cooperative"),
        # asking troops to withdraw is asking them to leave; recommending it is no praise
        ("Merkel urged Russia to withdraw its troops from Ukraine.", "Merkel", "Russia", "hostile", "neutral"),
        ("Abdul-Mahdi recommended the United States troops in Iraq withdraw.", "Abdul-Mahdi", "United States",
         "hostile", "neutral"),
        ("Merkel recommended Macron for the post.", "Merkel", "Macron", "cooperative", "neutral"),
        # an act asked of someone is not theirs (yet); an act they were forced to do, or want to do, is
        ("Trump asked Zelensky to investigate Joe Biden.", "Zelensky", "Joe Biden", "neutral", "neutral"),
        ("Trump was asked to condemn the Proud Boys.", "Trump", "the Proud Boys", "neutral", "neutral"),
        ("Trump, when asked to condemn the Proud Boys, said nothing.", "Trump", "the Proud Boys", "neutral",
         "neutral"),
        ("Trump called on Fox News to fire Griffin.", "Fox News", "Griffin", "neutral", "neutral"),
        ("Trump called on Fox News to fire Griffin.", "Trump", "Griffin", "hostile", "neutral"),
        ("Macron forced Sarkozy to condemn Putin.", "Sarkozy", "Putin", "hostile", "neutral"),
        # ", such as X" hung on a later singular noun names examples of the plural subject
        ("Several countries have condemned Russia, such as France and Germany.", "France", "Russia", "hostile",
         "neutral"),
        ("The minister met Putin, such as on Monday.", "The minister", "Putin", "neutral", "neutral"),
        # marching or rallying against someone is protest
        ("Protesters rallied against the Serbian government.", "Protesters", "the Serbian government", "hostile",
         "neutral"),
        # stopping someone from acting coerces them; a message owned by a name is that name's, not its reader's
        ("Trump sought an order to prevent Mazars from releasing his tax returns.", "Trump", "Mazars", "hostile",
         "neutral"),
        ("US troops remained in Iraq to prevent ISIS from gaining ground.", "US", "ISIS", "hostile", "neutral"),
        # a label with no cue word is read from its words' valence; a relative pronoun's noun has its owner
        ("Biden described Trump as a threat to democracy.", "Biden", "Trump", "hostile", "neutral"),
        ("Sam Wang called Conway an excellent coffee acquaintance.", "Sam Wang", "Conway", "cooperative",
         "neutral"),
        ("Merkel called Macron's plan a disaster.", "Merkel", "Macron", "hostile", "neutral"),
        ("Biden did not call Trump a threat.", "Biden", "Trump", "neutral", "neutral"),
        ("Merkel called Macron on Monday to discuss the crisis.", "Merkel", "Macron", "neutral", "neutral"),
        ("The bill subjects people to China's legal system, which the BBC describes as marred by torture.",
         "the BBC", "China", "hostile", "neutral"),
        # a labelling verb's small clause: the judge finds its subject so; a verdict is hostile
        ("The court found Johnson's advice unlawful.", "The court", "Johnson", "hostile", "neutral"),
        ("The court found Johnson guilty of fraud.", "The court", "Johnson", "hostile", "neutral"),
        ("Jones said Smith was not guilty.", "Jones", "Smith", "neutral", "neutral"),
        # demanding a hostile act backs it (before, the act's turned sign made it cooperative)
        ("The protesters demanded an investigation of police misconduct.", "The protesters", "police", "hostile",
         "neutral"),
        ("The protesters made demands for investigations into police brutality.", "The protesters", "police",
         "hostile", "neutral"),
        ("Lam rejected the demands of the protesters.", "Lam", "the protesters", "hostile", "neutral"),
        # plural members act for the party that qualifies them
        ("Democratic members voted in favor of the impeachment of Donald Trump.", "Democratic", "Donald Trump",
         "hostile", "neutral"),
        # a joint act: only the parties named together, toward each other
        ("The pipeline is a Cypriot-Greek effort to bring gas to Europe.", "Cypriot", "Greek", "cooperative",
         "cooperative"),
        ("He backed Johnson's efforts to complete the withdrawal of the United Kingdom.", "Johnson",
         "the United Kingdom", "neutral", "neutral"),
        # a cue aimed at a hostile act turns toward whom the act is done to
        ("Democrats voted in favor of Trump's impeachment.", "Democrats", "Trump", "hostile", "neutral"),
        ("Peterson opposed the impeachment of Trump.", "Peterson", "Trump", "cooperative", "neutral"),
        ("Duda condemned the attack on Israel.", "Duda", "Israel", "cooperative", "neutral"),
        ("Obama condemned Russia's invasion of Ukraine.", "Obama", "Russia", "hostile", "neutral"),
        ("Obama condemned Russia's invasion of Ukraine.", "Obama", "Ukraine", "cooperative", "neutral"),
    ],
)
def test_rules_more(text, a, b, fwd, back):
    x, y = _rules(text, a, b)
    assert (x.label, y.label) == (fwd, back)


def test_the_pipeline_takes_its_stance_scorer(monkeypatch):
    import helpers

    with pytest.raises(MethodError, match="unknown stance method"):
        helpers.analyze(helpers.load_article(text="Trump criticized Clinton."), stance_method="oracle",
                        sentiment_method="vader", compare_method=None)
    monkeypatch.setattr(scorers, "learned", lambda: lambda items: np.tile([0, 0.9, 0, 0.1, 0], (len(items), 1)))
    res = helpers.analyze(helpers.load_article(text="Trump criticized Clinton."), stance_method="model",
                          sentiment_method="vader", compare_method=None)
    assert res.options["stance_method"] == "model"
    assert res.stance[["label", "evidence"]].values.tolist() == [["cooperative", "s0: criticized"]]


def test_the_pipeline_reads_what_is_done_to_an_actor_through_the_noun_it_qualifies():
    import helpers

    text = ("Libya and Turkey signed a maritime deal. Athens expelled the Libyan ambassador over the deal. "
            "A Libyan court criticized Greece.")
    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    got = set(zip(res.events["source_id"], res.events["target_id"], res.events["label"], strict=True))
    assert ("GRC", "LBY", "hostile") in got  # expelled [the Libyan] ambassador
    # a modifier is a target only: through "a Libyan court", Libya does nothing to anyone
    assert "modifier" in set(res.mentions.loc[res.mentions["actor_id"] == "LBY", "role"])
    assert ("LBY", "GRC", "hostile") not in got


def test_an_actor_named_only_as_a_modifier_becomes_an_actor_when_it_takes_a_side():
    import helpers

    text = ("Greece and Cyprus met on Monday. The pipeline is an Israeli-Cypriot-Greek effort. "
            "Police arrested a Canadian tourist. Smith came to the UK after the Libyan war.")
    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    edges = set(zip(res.stance["source_id"], res.stance["target_id"], res.stance["label"], strict=True))
    assert {("ISR", "GRC", "cooperative"), ("CYP", "ISR", "cooperative")} <= edges
    assert "ISR" in set(res.actors["actor_id"])  # with its mention scored like any actor's
    assert res.mentions.loc[res.mentions["actor_id"] == "ISR", "label"].notna().all()
    # a person from a place is not the state; a war after which one travelled was not received
    assert not {"CAN", "LBY"} & set(res.actors["actor_id"])
    assert not {e for e in edges if {"CAN", "LBY"} & set(e[:2])}
    assert set(res.mentions.loc[res.mentions["actor_id"].isin(["CAN", "LBY"]), "role"]) == {"modifier"}


def test_an_agentless_passive_of_a_strong_act_takes_the_agent_the_article_gave_that_act():
    import helpers

    def edges(text):
        res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
        return set(zip(res.stance["source_id"], res.stance["target_id"], res.stance["label"], strict=True))

    got = edges("The House impeached Donald Trump on Wednesday. Bill Clinton was impeached in 1998.")
    assert ("new:house", "bill_clinton", "hostile") in got
    # the same act's agent in the same sentence comes first
    got = edges("The House of Representatives held William Barr in contempt. Only once before has Congress voted "
                "to hold a Cabinet officer in contempt: Attorney General Eric Holder was held in contempt in 2012.")
    assert ("new:congress", "new:eric-holder", "hostile") in got
    assert ("new:house-of-representatives", "new:eric-holder", "hostile") not in got
    # criticism may come from anyone: no agent is carried over
    got = edges("Donald Trump criticized Chris Wallace on Tuesday. Joe Biden was criticized for his answers.")
    assert ("donald_trump", "joe_biden", "hostile") not in got


def test_states_named_only_in_a_hyphenated_modifier_are_both_parties_of_a_mutual_act():
    import helpers

    res = helpers.analyze(load_article(text="Turkey and Libya are neighbours. The Turkish-Libyan agreement angered "
                                            "Greece on Monday."))
    ev = res.events[res.events["sentence_id"] == 1]
    pairs = {(a, b) for a, b, lab in zip(ev["source_id"], ev["target_id"], ev["label"], strict=True)
             if lab == "cooperative"}
    assert {("TUR", "LBY"), ("LBY", "TUR")} <= pairs


def test_a_groups_side_is_its_stance():
    import helpers

    def edges(text: str) -> set[tuple[str, str, str]]:
        st = helpers.analyze(helpers.load_article(text=text)).stance
        return set(zip(st["source"], st["target"], st["label"], strict=False))

    text = ("Serbia tightened its curfew. The government announced new lockdown measures. Anti-government "
            "protests followed in Belgrade, and protesters threw stones.")
    assert ("Protesters", "Serbia", "hostile") in edges(text)
    assert ("Candidates", "China", "cooperative") in edges("Pro-Beijing candidates lost seats. China said little.")
    assert not edges("Pro-democracy candidates won seats. China said little.")  # a side no actor takes


def test_an_act_with_no_undergoer_named_is_the_one_done_before():
    text = ("The House impeached President Trump on Wednesday. Collin Peterson and Jeff Van Drew opposed both "
            "articles of impeachment. Separately, Senator Smith attacked Senator Jones.")
    got = _article_edges(text)
    assert ("Collin Peterson", "Donald Trump", "cooperative") in got  # opposed [Trump's] impeachment
    assert ("Jeff Van Drew", "Donald Trump", "cooperative") in got
    assert not any(t == "Donald Trump" for s, t, _ in got if s == "Smith")


def test_a_sentence_with_one_actor_reads_an_act_done_before():
    text = "The House impeached President Trump on Wednesday. Democrats voted in favor of the impeachment."
    got = _article_edges(text)
    assert ("Democratic Party", "Donald Trump", "hostile") in got


def test_an_allegation_about_someone_that_blames_nobody_is_no_stance():
    import helpers

    text = ("Alexei Navalny fell ill on a flight to Moscow on Thursday. His associates alleged he drank tea laced "
            "with poison. Navalny's spokeswoman alleged that the Kremlin had lied.")
    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    hostile = set(zip(res.stance["target"], res.stance["label"], strict=True))
    assert ("Alexei Navalny", "hostile") not in hostile


def test_an_absolute_with_clause_is_no_patient_phrase():
    import helpers

    text = "Republican Representatives attacked the impeachment inquiry, with Steve Scalise calling it Soviet-style."
    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    assert "Steve Scalise" not in set(res.stance["target"])


def test_a_learned_scorer_reads_only_spans_of_its_sentence(monkeypatch):
    seen = []

    def fake(items):
        seen.extend(items)
        return np.tile([0.9, 0.0, 0.0, 0.1, 0.0], (len(items), 1))

    monkeypatch.setattr(scorers, "learned", lambda: fake)
    text = "The House impeached Trump on Wednesday. Collin Peterson and Jeff Van Drew opposed both articles of impeachment."
    document, mentions = _article(text, {"The House": "House", "Trump": "Trump", "Collin Peterson": "Peterson",
                                         "Jeff Van Drew": "Van Drew"})
    S.stance_events(document, mentions, method="model")
    assert seen and all(0 <= a < b <= len(t) and 0 <= c < d <= len(t) for t, (a, b), (c, d) in seen), seen


def test_a_message_owned_by_a_name_is_not_its_readers():
    import helpers

    text = ("Donald Trump lost in Pennsylvania. A federal judge dismissed a Trump lawsuit attempting to prevent "
            "Pennsylvania from certifying its results.")
    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    hostile = res.stance[res.stance["label"] == "hostile"]
    assert "new:pennsylvania" not in set(hostile.loc[hostile["source_id"] != "donald_trump", "target_id"])
    # the name that issues the message acts through it; the judge who decides a lawsuit is not its target
    pairs = set(zip(hostile["source_id"], hostile["target_id"], strict=True))
    assert ("donald_trump", "new:pennsylvania") in pairs
    assert not {p for p in pairs if p[0] == "donald_trump" and p[1] != "new:pennsylvania"}


def test_criticising_the_agreement_named_before_is_hostile_to_its_parties():
    text = ("Turkey and Libya signed a maritime border agreement. Greek prime minister Kyriakos Mitsotakis called "
            "the border agreement \"null and void\" and \"geographically ridiculous\". Egypt called an agreement "
            "with Italy a disaster.")
    got = _article_edges(text)
    assert ("Kyriakos Mitsotakis", "Turkey", "hostile") in got
    assert ("Kyriakos Mitsotakis", "Libya", "hostile") in got
    assert not any(s == "Egypt" and t in ("Turkey", "Libya") for s, t, _ in got)  # "an agreement": another one


def test_a_past_verb_misread_as_a_clause_of_a_noun_takes_the_participle_subject():
    import helpers

    text = ("Turkey and Libya signed a border agreement. On Tuesday, prime minister Kyriakos Mitsotakis speaking "
            "to the Atlantic Council think tank called the border agreement \"geographically ridiculous\".")
    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    sources = set(res.stance.loc[res.stance["label"] == "hostile", "source"])
    assert "Kyriakos Mitsotakis" in sources and "Atlantic Council" not in sources


def test_a_pronoun_inside_a_quotation_is_not_its_speaker_acting():
    import helpers

    text = ('Police Senior Superintendent Yolanda Yu Hoi-kwan said at a press conference: "The police officers\' '
            'lives were seriously threatened. To save his own and his colleagues\' lives, he fired a live shot at '
            'the attacker."')
    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    assert "Yolanda Yu Hoi-kwan" not in set(res.stance["source"])  # "he" is not the one speaking


def test_protests_a_hostile_act_is_aimed_at_are_the_article_protesters():
    text = ('Thousands of protesters marched. "The Hong Kong authorities have chosen to suppress protests in a '
            'grossly unlawful way," Man-kei Tam said. Protesters said they would lodge a protest with the police.')
    got = _article_edges(text)
    assert ("Hong Kong government", "Protesters", "hostile") in got
    assert not any(s == "Police" and t == "Protesters" for s, t, _ in got)  # a protest lodged is its sender's


def test_a_protest_with_no_actor_protesting_is_the_article_protesters():
    text = ("Protesters gathered in London. One million people marched on Saturday, protesting the exit of the "
            "United Kingdom from the European Union. Others marched in Kenosha, protesting the shooting of Jacob "
            "Blake.")
    got = _article_edges(text)
    assert ("Protesters", "United Kingdom", "hostile") in got
    assert ("Protesters", "Jacob Blake", "hostile") not in got  # an act done to him, not him


def test_counter_protesters_are_not_the_protesters_of_a_side():
    got = _article_edges("Violence breaks out in Washington, DC at pro-Trump protest. Counter-protesters clashed with "
                         "police.")
    assert not any(s == "Counter-protesters" and t == "Donald Trump" for s, t, _ in got)


def test_a_gapped_clause_shares_its_verb():
    text = ("The House impeached Donald Trump on Wednesday. Bill Clinton was impeached in 1998, and Andrew Johnson "
            "in 1868. We would like to thank the EFF and personally Mitch Stoltz for their help.")
    got = _article_edges(text)
    assert ("House", "Andrew Johnson", "hostile") in got
    assert not any(s == "Mitch Stoltz" for s, _, _ in got)  # thanked, not thanking


def test_a_protest_is_aimed_at_whoever_set_it_off():
    text = ("The protests began after the Hong Kong government proposed an amendment to a law. Protesters marched "
            "again. Protests erupted after the police shot a man. Protesters rallied after the opposition leader "
            "Ali Khan called for protests. More protests began after Jacob Blake died in Kenosha.")
    got = _article_edges(text)
    assert ("Protesters", "Hong Kong government", "hostile") in got
    assert ("Protesters", "Police", "hostile") in got
    assert not any(t in ("Ali Khan", "Jacob Blake") for _, t, _ in got)  # who called for it; no act on anyone


def test_they_after_people_named_together_stands_for_them_all():
    text = ("The House voted to hold two officers, Commerce Secretary Wilbur Ross and Attorney General William "
            "Barr, in contempt. Barr and Ross refused to hand over the documents. Later the Oversight Committee "
            "voted to refer them to the full House to be held in contempt.")
    got = _article_edges(text)
    assert {("Oversight Committee", "William Barr", "hostile"), ("Oversight Committee", "Wilbur Ross", "hostile")} <= got
    text = ("Emily Murphy sent a letter to President-elect Joe Biden and his team, giving them permission to access "
            "the resources.")
    assert ("Emily Murphy", "Joe Biden", "cooperative") in _article_edges(text)
    text = ("Police charged Mohammed Waseem and Mufti Abdul Qawi. The parents tried to have Waseem released by "
            "saying they forgave him.")
    assert not _article_edges(text) & {("Mufti Abdul Qawi", "Mohammed Waseem", "cooperative")}  # the parents


def test_asking_someone_to_stop_a_hostile_act_is_a_demand_aimed_at_them():
    got = _article_edges("Angela Merkel called on Russia to stop attacking Ukraine. Joe Biden urged China to end its "
                         "crackdown on Uyghurs. The protesters said they wanted the politicians to stop ignoring them.")
    assert {("Angela Merkel", "Russia", "hostile"), ("Joe Biden", "China", "hostile"),
            ("Protesters", "Politicians", "hostile")} <= got
    got = _article_edges("Angela Merkel did not ask Russia to stop attacking Ukraine. Joe Biden asked China to stop "
                         "the talks.")  # fmt: skip
    assert not {("Angela Merkel", "Russia", "hostile"), ("Joe Biden", "China", "hostile")} & got


def test_a_refusal_is_aimed_at_whom_its_infinitive_would_serve_and_negates_it():
    got = _article_edges("Democrats cited the Republicans' refusal to consider President Barack Obama's nominee. "
                         "Barack Obama criticised Vladimir Putin's refusal to cooperate with Ukraine.")
    assert ("Republican Party", "Barack Obama", "hostile") in got
    assert ("Vladimir Putin", "Ukraine", "hostile") in got
    assert ("Vladimir Putin", "Ukraine", "cooperative") not in got  # the refusal negates "cooperate"


def test_differences_between_two_are_mutual_and_judge_neither():
    import helpers

    text = ('Turkey and Greece met in Athens. The border issue is the "main difference" between Greece and Turkey, '
            "Dendias added. John Bolton often had disagreements with Mike Pompeo.")
    got = _article_edges(text)
    assert {("Greece", "Turkey", "hostile"), ("Turkey", "Greece", "hostile"), ("John Bolton", "Mike Pompeo", "hostile"),
            ("Mike Pompeo", "John Bolton", "hostile")} <= got
    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    assert not {"GRC", "TUR"} & set(helpers.sentiment.portrayal.judgements(res.events))  # no one judged


def test_an_ing_noun_does_not_belong_to_its_compound():
    got = _article_edges("Joe Biden spoke. The Supreme Court ruled. Biden and Kamala Harris both refused to answer "
                         "whether they would support Court packing. Biden would not say whether he supported Court "
                         "packing.")
    assert not any("Supreme Court" in t for _, t, _ in got)  # the Court undergoes the packing


def _article_edges(text: str) -> set[tuple[str, str, str]]:
    """(source, target, label) of the stance table of ``text`` read as a whole article (VADER mentions)."""
    import helpers

    res = helpers.analyze(helpers.load_article(text=text), sentiment_method="vader", compare_method=None)
    return set(zip(res.stance["source"], res.stance["target"], res.stance["label"], strict=True))


def test_an_act_one_is_encouraged_to_do_is_the_encouragers_stance():
    res = analyze(load_article(text="The New York Times reported that, in a phone call in late July, Trump might have "
                                    "encouraged newly elected Ukrainian president Volodymyr Zelensky to investigate "
                                    "Hunter Biden, the son of Joe Biden."))
    edges = {(r.source, r.target, r.label) for r in res.stance.itertuples()}
    assert ("Donald Trump", "Hunter Biden", "hostile") in edges
    assert not any(src.startswith("Volodymyr") for src, _, _ in edges)


def test_an_agentless_arrest_is_the_articles_police():
    res = analyze(load_article(text=(
        "The attackers stabbed Joe Biden on Friday. Police said the attackers had been radicalised. "
        "Two suspects were arrested, police spokesman Dedi Prasetyo confirmed.")))
    edges = {(s, t, lab) for s, t, lab in zip(res.stance["source_id"], res.stance["target_id"], res.stance["label"],
                                               strict=True)}
    assert ("group:police", "group:attacker", "hostile") in edges
    # with no police in the article, nobody is guessed
    res = analyze(load_article(text="Two suspects were arrested on Friday in Paris, France said."))
    assert not len(res.stance) or "group:police" not in set(res.stance["source_id"])


def test_being_detained_is_no_judgement_but_being_charged_is():
    from helpers.sentiment.portrayal import judgements

    events = pd.DataFrame({"source_id": ["a", "a"], "target_id": ["b", "c"], "category": ["detain", "arrest"],
                           "label": ["hostile", "hostile"], "via": ["clause", "clause"]})
    assert judgements(events) == {"c": [-1]}


def test_a_pardon_granted_to_a_person_is_cooperative():
    st = analyze(load_article(text="Trump granted Bernard Bailey Kerik a full and unconditional pardon.")).stance
    assert ("Donald Trump", "Bernard Bailey Kerik", "cooperative") in set(zip(st["source"], st["target"], st["label"], strict=True))


def test_an_office_holder_takes_no_stance_toward_the_state_he_speaks_for():
    text = ('Iranian President Hassan Rouhani said, "The Islamic Republic of Iran deeply regrets this disastrous '
            'mistake." Russian President Vladimir Putin condemned the United States.')
    st = analyze(load_article(text=text)).stance
    pairs = set(zip(st["source"], st["target"], strict=True))
    assert ("Hassan Rouhani", "Iran") not in pairs and ("Vladimir Putin", "United States") in pairs


def _pairs(text: str) -> set[tuple[str, str, str]]:
    st = analyze(load_article(text=text)).stance
    return set(zip(st["source"], st["target"], st["label"], strict=True))


def test_agreeing_with_a_view_is_no_agreement_with_each_other():
    views = _pairs("Candidates Gloria La Riva, Howie Hawkins, Don Blankenship, and Brian Carroll all agreed that "
                   "vaccines have done more good than harm. Pierce called for an end to the War on Drugs, with "
                   "which Hawkins and La Riva somewhat agreed.")
    assert not {(s, t) for s, t, lab in views if lab == "cooperative"}
    pact = _pairs("Turkey and Libya agreed on maritime borders in the Eastern Mediterranean.")
    assert ("Turkey", "Libya", "cooperative") in pact and ("Libya", "Turkey", "cooperative") in pact


def test_rivals_for_a_nomination_are_no_rivals_of_its_party():
    pairs = _pairs("Kamala Harris is one of Joe Biden's former rivals for the Democratic Party's nomination.")
    assert not any("Democratic Party" in (s, t) for s, t, _ in pairs)


def test_a_label_the_police_give_an_incident_is_no_judgement_of_the_police():
    pairs = _pairs('The prime minister, Boris Johnson, tweeted: "Thank you to all emergency services responding '
                   'to the incident in Streatham, which the police have now declared as terrorism-related."')
    assert not any(t == "Police" for _, t, _ in pairs)


def test_a_bare_participle_opening_a_clause_is_passive():
    pairs = _pairs("Tara Reade accused Joe Biden of assault. When confronted with the accusation he assaulted "
                   "Reade, Biden told host Mika Brzezinski that it never happened.")
    assert ("Joe Biden", "Tara Reade", "hostile") not in pairs
    assert ("Tara Reade", "Joe Biden", "hostile") in pairs


def test_a_conjunct_set_apart_by_rather_than_or_not_gets_no_role():
    pairs = _pairs("Dorsa Derakhshani is supported by the Catalan Chess Federation and the Montcada Chess Club "
                   "rather than the Iranian Chess Federation. Turkey backed the rebels and not the Syrian "
                   "government. Russia and Iran backed Bashar al-Assad.")
    assert ("Catalan Chess Federation", "Dorsa Derakhshani", "cooperative") in pairs
    assert not any(s == "Iranian Chess Federation" for s, _, _ in pairs)
    assert not any(t == "Syria" for _, t, _ in pairs)
    assert {("Russia", "Bashar al-Assad", "cooperative"), ("Iran", "Bashar al-Assad", "cooperative")} <= pairs


def test_a_message_blames_for_whoever_posts_it_wherever_the_parser_hangs_it():
    pairs = _pairs("US Secretary of State Mike Pompeo posted a message on Twitter blaming Iran for the attacks.")
    assert ("Mike Pompeo", "Iran", "hostile") in pairs


def test_being_allied_or_aligned_with_someone_is_mutual_cooperation():
    pairs = _pairs("The Houthis are allied with Iran. Hungary has aligned itself with Poland.")
    assert {("Houthis", "Iran", "cooperative"), ("Iran", "Houthis", "cooperative"),
            ("Hungary", "Poland", "cooperative"), ("Poland", "Hungary", "cooperative")} <= pairs


def test_an_act_after_an_adjective_is_its_subjects():
    pairs = _pairs("The United States was more forceful in blaming Iran for the attack. Germany was quick in "
                   "condemning Russia.")
    assert {("United States", "Iran", "hostile"), ("Germany", "Russia", "hostile")} <= pairs


def test_seconding_a_proposal_and_members_named_by_which_include():
    pairs = _pairs("French President Emmanuel Macron called for G7 action. Merkel seconded Macron's "
                   "recommendation. Bolsonaro wants farms, and his critics, which include the activist group "
                   "Greenpeace, blame him for the fires.")
    assert ("Angela Merkel", "Emmanuel Macron", "cooperative") in pairs
    assert ("Greenpeace", "Jair Bolsonaro", "hostile") in pairs


def test_a_coalition_led_by_a_state_acts_for_it():
    pairs = _pairs("The government was established after a U.S.-led coalition ousted Saddam Hussein. The "
                   "Saudi-led coalition attacked Yemen. The ruling coalition collapsed.")
    assert {("United States", "Saddam Hussein", "hostile"), ("Saudi Arabia", "Yemen", "hostile")} <= pairs


def test_the_doer_named_in_an_act_the_subject_undergoes_acts():
    st = analyze(load_article(text="Iran faced Israeli attacks. Mahan Air has been the subject of United States "
                                   "sanctions since 2011. A Libyan court criticized Greece.")).events
    pairs = set(zip(st["source"], st["target"], st["label"], strict=True))
    assert {("Israel", "Iran", "hostile"), ("United States", "Mahan Air", "hostile")} <= pairs
    assert not any(s == "Libya" for s, _, _ in pairs)


def test_a_threat_to_destroy_a_states_economy_is_hostile_to_the_state():
    text = ('Trump wrote on Twitter, "If Turkey does anything off limits, I will totally destroy and '
            'obliterate the Economy of Turkey." Voice of America reported it.')
    res = analyze(load_article(text=text))
    assert ("Donald Trump", "Turkey", "hostile") in set(zip(res.stance["source"], res.stance["target"],
                                                             res.stance["label"], strict=True))
    assert "Economy of Turkey" not in set(res.actors["actor"]) and "Voice of America" in set(res.actors["actor"])


def test_a_label_given_by_someone_unnamed_is_not_the_speakers_and_backing_away_ends_support():
    pairs = _pairs('Sophie Obadia told reporters "Mme Spanton was portrayed as a liar." Trump called Pelosi a liar. '
                   'Kanye West backed away from his previous support for President Trump.')
    assert ("Donald Trump", "Nancy Pelosi", "hostile") in pairs
    assert not any(s == "Sophie Obadia" for s, _, _ in pairs)
    assert ("Kanye West", "Donald Trump", "cooperative") not in pairs


def test_an_agentless_stabbing_is_the_articles_attackers():
    pairs = _pairs("Wiranto was stabbed on Thursday in Pandeglang. Police said the attackers had been radicalised.")
    assert ("Attackers", "Wiranto", "hostile") in pairs


def test_opposition_to_someone_is_an_act_and_a_name_read_as_a_predicate_is_the_object():
    pairs = _pairs("Governor Ricardo Rosselló appointed Pedro Pierluisi as secretary of state. Senate President "
                   "Thomas Rivera Schatz expressed opposition to the swearing-in of Pierluisi.")
    assert {("Ricardo Rosselló", "Pedro Pierluisi", "cooperative"),
            ("Thomas Rivera Schatz", "Pedro Pierluisi", "hostile")} <= pairs
    assert not any("Opposition" in (s, t) for s, t, _ in pairs)


def test_an_act_called_for_in_a_for_to_clause_is_the_callers_not_the_asked():
    got = _article_edges("Donald Trump attacked CNN. His campaign called for CNN to fire Joe Lockhart.")
    assert ("CNN", "Joe Lockhart", "hostile") not in got  # CNN was asked to; it did nothing
    assert ("Donald Trump's campaign", "Joe Lockhart", "hostile") in got


def test_a_fight_against_someone_is_not_mirrored_back_from_them():
    got = _article_edges('Jens Stoltenberg wrote, "The gains we have made in the fight against ISIS must not be lost."'
                         " Russia and Ukraine fought for years.")
    assert ("Jens Stoltenberg", "Islamic State", "hostile") in got
    assert ("Islamic State", "Jens Stoltenberg", "hostile") not in got  # says nothing of what ISIS does
    assert {("Russia", "Ukraine", "hostile"), ("Ukraine", "Russia", "hostile")} <= got  # a fight between two is mutual


def test_a_gerund_misread_after_a_passive_by_is_no_act_of_the_subject():
    got = _article_edges("Hong Kong legislators met on Wednesday. Speaking in the Legislative Council, Carrie Lam was "
                         "interrupted by protesting legislators.")
    assert not any(s == "Carrie Lam" for s, _, _ in got)  # the legislators protested, not Lam


def test_whoever_an_act_is_done_on_behalf_of_does_it_too():
    got = _article_edges("The Puerto Rico Senate met. Senate President Thomas Rivera Schatz filed the lawsuit against "
                         "Pedro Pierluisi on behalf of the Senate.")
    assert {("Thomas Rivera Schatz", "Pedro Pierluisi", "hostile"), ("Puerto Rico Senate", "Pedro Pierluisi", "hostile")} <= got
    assert ("Thomas Rivera Schatz", "Puerto Rico Senate", "hostile") not in got


def test_a_named_member_is_the_person_and_a_possessed_noun_cue_is_aimed_at_its_possessor():
    got = _article_edges("Trump spoke in Kenosha. His opponent, Biden, accused Trump of lying. A niece of Biden's 2008 "
                         "US Senate opponent Christine O'Donnell spoke.")
    assert ("Joe Biden", "Donald Trump", "hostile") in got and not any(s == "Opponent" for s, _, _ in got)
    assert ("Christine O'Donnell", "Joe Biden", "hostile") in got
    assert not any(t == "United States Senate" for _, t, _ in got)  # the race the opponent ran in


def test_a_designation_is_read_from_its_label_and_a_state_body_has_no_stance_toward_its_state():
    got = _article_edges("Last April, the United States Department of State designated the IRGC as a terrorist "
                         "organization. The United States Department of Defense said: \"The U.S. military has taken "
                         "decisive action to protect our people.\"")
    assert ("United States Department of State", "Islamic Revolutionary Guard Corps", "hostile") in got
    assert not any({s, t} == {"United States", "United States Department of Defense"} for s, t, _ in got)


def test_a_document_declaring_something_unlawful_is_its_makers_judgement():
    got = _article_edges("Governor Andrew Cuomo signed an order. The Court of Appeals will accordingly make an Order "
                         "declaring that Cuomo's order was illegal.")
    assert ("Court of Appeals", "Andrew Cuomo", "hostile") in got


def test_the_words_of_an_act_a_speaker_reports_are_no_judgement_of_its_doer():
    got = _article_edges("The shooting killed 22 people. The foreign minister said Mexico would consider charging the "
                         "gunman with terrorism against Mexicans.")
    assert not any(t == "Mexico" and lab == "hostile" for _, t, lab in got)


def test_a_title_won_is_no_backing_of_the_competition():
    got = _article_edges("Kobe Bryant stayed with the Lakers, becoming an NBA champion five times. Imus was a "
                         "champion of Donald Trump.")
    assert not any(s == "Kobe Bryant" for s, _, _ in got) and ("Imus", "Donald Trump", "cooperative") in got


def test_announcing_a_deal_between_others_is_no_party_to_it():
    got = _article_edges("The Trump administration announced additional deals between Israel and Bahrain. Turkey "
                         "signed a deal with Libya.")
    assert ("Israel", "Bahrain", "cooperative") in got and ("Turkey", "Libya", "cooperative") in got
    assert not any("Trump administration" in (s, t) for s, t, _ in got)


def test_a_participle_of_no_act_after_a_cue_noun_reaches_no_patient():
    got = _article_edges("Pierre Nkurunziza, the President of Burundi, died. Burundi had twelve years of civil war "
                         "leading up to Nkurunziza's presidency. The EU imposed sanctions targeting Russia. The House "
                         "cited their refusal to disclose to Congress documents.")
    assert not any({s, t} == {"Burundi", "Pierre Nkurunziza"} for s, t, _ in got)
    assert ("European Union", "Russia", "hostile") in got


def test_an_act_an_accusation_noun_says_is_no_fact():
    pairs = _pairs("Tara Reade accused Joe Biden of assault. Biden was confronted with the accusation that he "
                   "assaulted Tara Reade. Joe Biden attacked Donald Trump on Monday.")
    assert ("Joe Biden", "Tara Reade", "hostile") not in pairs
    assert ("Joe Biden", "Donald Trump", "hostile") in pairs


def test_a_comparative_in_a_regions_name_judges_no_one():
    st = analyze(load_article(text="Wayne Tseng said the City of Melbourne is unlike greater London. Smith said the "
                                   "great Nelson Mandela inspired him.")).stance
    edges = list(zip(st["source"], st["target"], st["label"], strict=True))
    assert edges == [("Smith", "Nelson Mandela", "cooperative")]


def test_what_is_done_to_a_private_person_is_not_done_to_their_country():
    st = analyze(load_article(text="Saudi Arabia jails its critics. Amnesty International praised a Saudi "
                                   "student.")).stance
    assert "Saudi Arabia" not in set(st.loc[st["source"] == "Amnesty International", "target"])
    st = analyze(load_article(text="Libya and Malta argued. Malta expelled the Libyan ambassador.")).stance
    assert ("Malta", "Libya", "hostile") in set(zip(st["source"], st["target"], st["label"], strict=True))


def test_an_owner_of_an_act_done_to_someone_named_after_of_is_its_doer():
    """"the United States' killing of Qasem Soleimani": the possessor of an undergoer noun ("Soleimani's
    killing") is the one it was done to, unless "of" names that one; then the possessor did it."""
    assert ("United States", "Qasem Soleimani", "hostile") in _pairs(
        "The move follows the United States' killing of Qasem Soleimani in an airstrike last week.")
    assert ("Police", "John Smith", "hostile") in _pairs("The police's arrest of John Smith angered protesters.")


def test_a_refusal_of_someone_elses_act_does_not_negate_it():
    """"the Republicans' refusal to consider Barack Obama's nomination of Merrick Garland": Obama nominated him,
    whatever the Republicans did about it; "did not impose its sanctions" is still not imposed."""
    pairs = _pairs("Democrats cited the Republicans' refusal to consider President Barack Obama's nomination of "
                   "Merrick Garland.")
    assert ("Barack Obama", "Merrick Garland", "cooperative") in pairs
    assert ("Russia", "Ukraine", "hostile") not in _pairs("Russia did not impose its sanctions on Ukraine.")


def test_names_after_a_common_noun_object_are_its_patients():
    """"has impeached two presidents, Bill Clinton and Andrew Johnson": the parser hangs the names on the verb."""
    pairs = _pairs("The House has only impeached two Presidents in the history of the United States, Bill Clinton "
                   "and Andrew Johnson.")
    assert {(t, lab) for s, t, lab in pairs if s == "House"} == {("Bill Clinton", "hostile"),
                                                                ("Andrew Johnson", "hostile")}


def test_a_title_of_a_body_run_into_its_holders_name_is_that_holder():
    """"Durbin and incoming chair of the House Intelligence Committee Representative Adam Schiff both questioned
    the President's power": the chair is Schiff, a conjunct of the subject."""
    pairs = _pairs("Senate Minority Whip Dick Durbin and incoming chair of the House Intelligence Committee "
                   "Representative Adam Schiff both yesterday questioned the President's power.")
    assert {s for s, _, lab in pairs if lab == "hostile"} == {"Dick Durbin", "Adam Schiff"}


def test_a_mutual_act_only_wished_for_is_not_mirrored():
    """"would prefer to agree a solution with the opposition": Trump's wish, no agreement by the opposition;
    "agreed to work together" is mutual."""
    pairs = _pairs("Trump also said that he would prefer to agree a solution with the opposition.")
    assert not {(s, t) for s, t, lab in pairs if s == "Opposition"}
    pairs = _pairs("Russia and China agreed to work together.")
    assert {("Russia", "China", "cooperative"), ("China", "Russia", "cooperative")} <= pairs


def test_charges_filed_or_unsealed_against_someone_are_hostile():
    """"unsealed further charges against him": the noun "charges" (plural only: not "in charge of")."""
    pairs = _pairs("Jong Woo Son is already in prison, but yesterday the United States Department of Justice "
                   "unsealed further charges against him.")
    assert ("United States Department of Justice", "Jong Woo Son", "hostile") in pairs
    assert not _pairs("Smith was put in charge of the Senate.")


def test_force_used_on_someone_is_hostile():
    """"tackled", "subdued", "overpowered", "restrained": physical force (CAMEO assault, repress)."""
    pairs = _pairs("Police restrained John Smith after two guards had overpowered him.")
    assert ("Police", "John Smith", "hostile") in pairs


def test_naming_someone_as_terrorists_labels_them():
    """"named both the PKK and the YPG as terrorists": a label (no group of 'terrorists'), hostile to each."""
    pairs = _pairs("Erdoğan named both the Kurdistan Workers' Party (PKK) and People's Protection Units (YPG) as "
                   "terrorists.")
    assert {(t, lab) for s, t, lab in pairs} == {("Kurdistan Workers' Party", "hostile"),
                                                ("People's Protection Units", "hostile")}
    st = analyze(load_article(text="Erdoğan named the PKK as terrorists.")).stance
    assert "Terrorists" not in set(st["target"])


def test_an_act_in_someones_honor_is_praise():
    """"held a minute of silence in Chirac's honor", "in honor of X": cooperative toward the one honoured."""
    assert ("French Parliament", "Jacques Chirac", "cooperative") in _pairs(
        "The French Parliament held a minute of silence in honor of Jacques Chirac.")


def test_rape_is_an_assault_not_criticism():
    """"raped" (lemmatised "rap" by the small model, whose entry is "to rap" = criticise) is an assault: the
    lexicon's own form wins over the lemma, so the victim is not portrayed as criticised."""
    import helpers

    res = helpers.analyze(helpers.load_article(text="John Smith raped Mary Jones. Critics rapped John Smith."),
                          sentiment_method="vader", compare_method=None)
    assert res.events[["cue", "category"]].values.tolist() == [["raped", "assault"], ["rapped", "criticize"]]


def test_a_nationality_on_a_person_noun_read_as_a_compound_is_no_act_on_the_state():
    """"I actually helped a Saudi girl escape": the small model reads "girl escape" as a compound noun with
    "Saudi" on "escape" (a cue noun); the nationality is still the girl's, so no stance toward Saudi Arabia."""
    text = "I actually helped a Saudi girl escape."
    document = parse(load_article(text=text))
    doc = document.doc
    assert doc[5].lower_ == "girl" and doc[5].dep_ == "compound" and doc[4].head.i == doc[5].head.i  # the misparse
    start = text.index("Saudi")
    mods = pd.DataFrame({"start": [start], "end": [start + 5]})
    assert S.person_modifiers(document, mods).tolist() == [True]


def test_kind_of_is_a_hedge_not_kindness():
    """"kind of" hedges (VADER's own rule): it is no word of praise in what a speaker says of someone."""
    for text in ("Mary Smith said Tom Jones was kind of helpful.", "Mary Smith said \"Tom Jones has been kind of great.\""):
        st = analyze(load_article(text=text), sentiment_method="vader", compare_method=None).stance
        assert not any("kind" in str(e) for e in st["evidence"])


def test_whom_a_label_is_told_to_is_not_labelled():
    """"called this dubious to Népszava": Népszava is told, not called dubious; "referred to Jones as a liar" labels
    Jones."""
    st = analyze(load_article(text="Unnamed industry experts called this dubious to Népszava, as the market is "
                                   "saturated."), sentiment_method="vader", compare_method=None).stance
    assert "Népszava" not in set(st.loc[st["label"] != "neutral", "target"])
    x, _ = _rules("Smith referred to Jones as a liar.", "Smith", "Jones")
    assert x.label == "hostile"


def test_a_common_noun_object_named_by_a_participle_is_the_named_one():
    x, _ = _rules("James Fields killed a woman named Heather Heyer.", "James Fields", "Heather Heyer")
    assert x.label == "hostile"


def test_someones_victim_was_harmed_by_them():
    """"McArthur's first victim was Skandaraj Navaratnam": McArthur against Navaratnam (``victim_noun``); a
    victim of an event names no one who did it."""
    x, _ = _rules("McArthur's first victim of the eight was Skandaraj Navaratnam, a former employee.", "McArthur",
                  "Skandaraj Navaratnam")
    assert x.label == "hostile"
    x, y = _rules("The victims of the attack included Andrew Kinsman and Bruce Smith.", "Andrew Kinsman", "Bruce Smith")
    assert x.label == y.label == "neutral"


def test_feelings_toward_someone_are_stance():
    """"expressed dissatisfaction with Bolton" is hostile to him, "solidarity with Ukraine" cooperative; "the
    anger of protesters" is theirs, not aimed at them."""
    assert ("Democrats", "John Bolton", "hostile") in _pairs("Democrats expressed dissatisfaction with John Bolton.")
    assert ("Poland", "Ukraine", "cooperative") in _pairs("Poland expressed solidarity with Ukraine.")
    assert ("Joe Biden", "Poland", "hostile") in _pairs("Joe Biden was unhappy with Poland.")
    assert ("Protesters", "Donald Trump", "hostile") in _pairs("The decision sparked the anger of protesters "
                                                               "against Trump.")


def test_a_name_after_a_relative_clause_is_its_objects_conjunct():
    """"the same party that nominated George Wallace in 1968 and Donald Trump in 2016": the party nominated
    both (the parser had joined Trump to "party", making him nominate Wallace)."""
    pairs = _pairs("The American Independent Party, the same party that nominated the late Alabama Governor George "
                   "Wallace for president in 1968 and future president Donald Trump in 2016, ran a candidate.")
    assert ("American Independent Party", "Donald Trump", "cooperative") in pairs
    assert not any(s == "Donald Trump" for s, _, _ in pairs)


def test_a_thing_named_after_a_state_is_not_the_state():
    """"supported the Eighteenth Amendment to the United States Constitution": the amendment, no stance
    toward the United States; "supported the United States" still is."""
    got = _pairs("The United States government regulates alcohol. The Prohibition Party is the third oldest "
                 "existing political party in the US. It reached its "
                 "height of popularity during the late nineteenth century. As its name suggests, the party supported "
                 "the Eighteenth Amendment to the United States Constitution, which banned the sale of alcohol.")
    assert not any(t == "United States" for _, t, _ in got)
    assert ("Prohibition Party", "United States", "cooperative") in _pairs(
        "The Prohibition Party was founded in 1869. The party supported the United States in the war.")


def test_advocating_an_act_done_to_someone_is_no_support_of_them():
    """"some Democrats advocated packing the Court": for an act done to the Court, not cooperation with it;
    "threatened to close Russia's embassy" stays hostile."""
    got = _article_edges("The Supreme Court ruled. Some Democrats advocated packing the Court with liberal justices.")
    assert not any("Supreme Court" in t for _, t, _ in got)
    got = _article_edges("Russia expelled diplomats. The United States threatened to close Russia's embassy.")
    assert ("United States", "Russia", "hostile") in got
