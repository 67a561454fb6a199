"""Actor mentions on the parsed document: gazetteer forms, offices by date, names, groups, roles, pronouns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers import load_article
from helpers.actors.gazetteer import load_gazetteer
from helpers.actors.lexicon import load_lexicon
from helpers.actors.mentions import MENTION_COLUMNS, actor_table, find_mentions
from helpers.actors.pronouns import _census_hints
from helpers.errors import DataError
from helpers.text.words import party_tagged

FIXTURE_GAZ = Path(__file__).parent / "fixtures" / "gazetteer"

# Synthetic, written for this test (not copied from news): actors absent from the fixture gazetteer.
SUDAN = (
    "Sudan's army chief, General Abdel Fattah al-Burhan, rejected a truce proposed on Monday. "
    "The Rapid Support Forces (RSF), led by Mohamed Hamdan Dagalo, known as Hemedti, said they would keep fighting. "
    "Burhan accused the RSF of looting the capital. Hemedti, for his part, blamed the Sudanese Armed Forces (SAF) "
    "for the collapse of the talks. A Saudi foreign ministry spokesperson urged both sides to return to Jeddah. "
    "China's commerce ministry said it was watching closely. The SAF said its troops had retaken the bridge."
)


@pytest.fixture(scope="module")
def seed_mentions(seed_article):
    return find_mentions(seed_article)


@pytest.fixture(scope="module")
def seed_mentions_dated(seed_article):
    return find_mentions(seed_article, date="2025-02-15")


def _mentions(text: str, gaz: Path | None = None, **kw) -> pd.DataFrame:
    return find_mentions(load_article(text=text), gazetteer_dir=gaz, **kw)


def _ids(text: str, gaz: Path | None = None, **kw) -> set[str]:
    """Actors with a mention in the actor role (places and modifiers left out)."""
    m = _mentions(text, gaz, **kw)
    return set(m.loc[m["role"] == "actor", "actor_id"])


def _texts(m: pd.DataFrame, actor_id: str) -> list[str]:
    return list(m.loc[m["actor_id"] == actor_id, "text"])


# --------------------------------------------------------------------------- table shape


def test_columns_offsets_and_order(seed_article, seed_mentions):
    m = seed_mentions
    assert list(m.columns) == MENTION_COLUMNS
    assert all(seed_article.text[r.start:r.end] == r.text for r in m.itertuples())
    assert list(m["start"]) == sorted(m["start"])
    assert set(m["resolved_by"]) <= {"gazetteer", "alias", "demonym", "metonym", "title", "office", "pronoun",
                                     "definite", "surname", "ner", "group"}
    assert set(m["role"]) <= {"actor", "place", "modifier", "caption"}


def test_deterministic(seed_article, seed_mentions):
    pd.testing.assert_frame_equal(find_mentions(seed_article), seed_mentions)


def test_parsed_document_is_read_as_given(seed_article, seed_mentions):
    from helpers.text.document import parse

    pd.testing.assert_frame_equal(find_mentions(parse(seed_article)), seed_mentions)


def test_actor_table(seed_mentions):
    t = actor_table(seed_mentions)
    assert list(t.columns)[:5] == ["actor_id", "actor", "type", "mentions", "first_sentence"]
    keys = list(zip(-t["mentions"], t["actor_id"], strict=True))
    assert keys == sorted(keys)
    assert t["mentions"].sum() == (seed_mentions["role"] == "actor").sum()
    putin = t.set_index("actor_id").loc["vladimir_putin"]
    assert "pronoun=" in putin["resolved_by"] and "Putin" in putin["surface_forms"].split("|")


# --------------------------------------------------------------------------- the seed article


def test_seed_putin(seed_mentions):
    putin = seed_mentions[seed_mentions["actor_id"] == "vladimir_putin"]
    assert len(putin) >= 12
    assert (putin["resolved_by"] == "pronoun").sum() >= 3
    assert "Russian President Vladimir Putin" in set(putin["text"])  # the demonym and title join the person


def test_seed_states(seed_mentions):
    assert {"Moscow", "Russian", "Russia"} <= set(_texts(seed_mentions, "RUS"))
    assert {"Kyiv", "Ukraine"} <= set(_texts(seed_mentions, "UKR"))
    assert {"Washington", "U.S."} <= set(_texts(seed_mentions, "USA"))


def test_seed_us_russia_ties_gives_both(seed_article, seed_mentions):
    at = seed_article.text.index("U.S.-Russia")
    hit = seed_mentions[(seed_mentions["start"] >= at) & (seed_mentions["end"] <= at + len("U.S.-Russia"))]
    assert set(hit["actor_id"]) == {"USA", "RUS"}


def test_seed_organisations(seed_mentions):
    ids = set(seed_mentions["actor_id"])
    assert {"NATO", "UNGA", "ICC"} <= ids


def test_seed_biden_named_and_by_office(seed_mentions):
    texts = _texts(seed_mentions, "joe_biden")
    assert "Joe Biden" in texts
    assert any(t.startswith("the then-President") for t in texts)


def test_seed_new_president_without_date_is_the_office(seed_mentions):
    office = seed_mentions[seed_mentions["actor_id"] == "office:us_president"]
    assert {"a new U.S. president", "The recently appointed President", "the U.S. president"} <= set(office["text"])
    assert (office["type"] == "office").all()
    assert "donald_trump" not in set(seed_mentions["actor_id"])


def test_seed_new_president_with_date_is_the_holder(seed_mentions_dated):
    trump = set(_texts(seed_mentions_dated, "donald_trump"))
    assert {"a new U.S. president", "The recently appointed President", "the U.S. president"} <= trump
    # "An American president has not paid Russia visits in more than ten years": generic, the office
    office = _texts(seed_mentions_dated, "office:us_president")
    assert office == ["An American president"]
    assert "joe_biden" in set(seed_mentions_dated["actor_id"])  # then-President stays Biden


def test_seed_no_junk_actors(seed_mentions):
    junk = {"new:still", "new:however", "new:eager", "new:future", "new:political-isolation", "new:new"}
    assert not junk & set(seed_mentions["actor_id"])


# --------------------------------------------------------------------------- resolution rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow’s reply was swift.", {"RUS"}),
        ("The Kremlin said talks were possible.", {"RUS"}),
        ("Russian officials denied it.", {"RUS"}),
        ("US and UN envoys met.", {"USA", "UN"}),
        ("Washington said it would respond.", {"USA"}),
        ("Turkey said it would veto the plan.", {"TUR"}),
    ],
)
def test_gazetteer_forms(text, expected):
    assert expected <= _ids(text, FIXTURE_GAZ)


def test_a_state_before_its_office_holder_describes_the_person():
    m = _mentions("Georgia's president met Vladimir Putin.", FIXTURE_GAZ)
    assert "GEO" in set(m["actor_id"]) and "vladimir_putin" in _ids("Georgia's president met Vladimir Putin.", FIXTURE_GAZ)
    assert set(m.loc[m["actor_id"] == "GEO", "role"]) == {"modifier"}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("George Washington crossed the river in 1776.", "USA"),
        ("They served roast turkey for Thanksgiving.", "TUR"),
        ("Turkey sandwiches were served at the meeting.", "TUR"),
        ("Chad said he would run for the school board.", "TCD"),
        ("The rally in Atlanta, Georgia drew thousands.", "GEO"),
        ("Georgia's governor signed the bill.", "GEO"),
        ("Let us talk about the budget.", "USA"),
    ],
)
def test_must_not_fire(text, absent):
    assert absent not in _ids(text, FIXTURE_GAZ)


def test_george_washington_is_a_person():
    m = _mentions("George Washington crossed the river in 1776.", FIXTURE_GAZ)
    assert list(m["text"]) == ["George Washington"] and m["type"].iloc[0] == "person"


@pytest.mark.parametrize("text", ["However, the talks went on.", "Still, nobody came.", "Eager to win, the team left."])
def test_sentence_initial_words_are_not_names(text):
    assert _mentions(text, FIXTURE_GAZ).empty


def test_shared_surname_is_not_guessed():
    m = _mentions("Clinton spoke first.", FIXTURE_GAZ)  # Hillary (and no Bill in the fixture): resolved
    assert list(m["actor_id"]) == ["hillary_clinton"]
    m = _mentions("Mrs. Clinton met Hillary Clinton. Later Clinton left.", FIXTURE_GAZ)
    assert set(m["actor_id"]) == {"hillary_clinton"}


def test_office_apposition_and_title():
    m = _mentions("Joe Biden, the then-President of the United States, spoke.", FIXTURE_GAZ)
    assert list(m["actor_id"]) == ["joe_biden", "joe_biden", "USA"] or set(m["actor_id"]) == {"joe_biden"}
    m = _mentions("U.S. President Joe Biden spoke.", FIXTURE_GAZ)
    assert list(m["text"]) == ["U.S. President Joe Biden"] and m["office_id"].iloc[0] == "us_president"


def test_former_office_without_name_is_not_guessed():
    m = _mentions("The former U.S. president spoke.", FIXTURE_GAZ, date="2025-02-15")
    assert "donald_trump" not in set(m["actor_id"])


def test_date_picks_the_holder():
    text = "The U.S. president spoke."
    assert "joe_biden" in _ids(text, FIXTURE_GAZ, date="2022-06-01")
    assert "donald_trump" in _ids(text, FIXTURE_GAZ, date="2025-06-01")
    assert "office:us_president" in _ids(text, FIXTURE_GAZ)


# --------------------------------------------------------------------------- discovery


def test_sudan_with_the_real_gazetteer():
    ids = _ids(SUDAN)
    assert {"abdel_fattah_al_burhan", "mohamed_hamdan_dagalo", "RSF", "SAF"} <= ids


# --------------------------------------------------------------------------- pronouns


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("Vladimir Putin spoke. He said talks could start.", "He", "vladimir_putin"),
        ("Hillary Clinton met Vladimir Putin, and she said it went well.", "she", "hillary_clinton"),
        ("In his first speech, Joe Biden thanked voters.", "his", "joe_biden"),
        ("Moscow is open to talks, Russian officials said, although they still cite old demands.", "they", "RUS"),
        # a fronted phrase with several commas: the subject after the last one
        ("Between his threats, his tweets, and his rallies, Donald Trump is signaling anger.", "his", "donald_trump"),
        ("To her credit, and unlike her allies, Hillary Clinton does not deny it.", "her", "hillary_clinton"),
        # a coordinated verb phrase keeps its subject: him is not Biden
        ("Joe Biden condemned Donald Trump and called on him to resign.", "him", "donald_trump"),
        ("Joe Biden criticized Hillary Clinton and her staff for the delay.", "her", "hillary_clinton"),
        ("Joe Biden met Donald Trump and praised his plan.", "his", "joe_biden"),  # 'and' before a verb: the subject
        # a possessive in a relative clause whose subject is "who": the clause's noun, not the main subject
        ("Joe Biden was nominated with delegates pledged to Donald Trump, who did not release his delegates.",
         "his", "donald_trump"),
        # a phrase with its own possessor is the pronoun's domain: the clause's subject may be meant
        ("Donald Trump slams the press for its coverage of him.", "him", "donald_trump"),
    ],
)
def test_pronoun_resolved(text, pronoun, expected):
    m = _mentions(text, FIXTURE_GAZ)
    assert set(m.loc[m["text"] == pronoun, "actor_id"]) == {expected}


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("He arrived late.", "He"),  # no antecedent
        ("It was a call between Joe Biden and Donald Trump. He said it went well.", "He"),  # a tie: no guess
        ("Donald Trump praised him.", "him"),  # him is not the subject of its own clause
        ("Joe Biden's praise of him was welcome.", "him"),  # nor the possessor of its phrase
        ("Russia and China said they would talk.", "they"),  # states are not "they"
        ("The negotiations with Russia stalled and they may not resume.", "they"),
        ("The protesters gathered outside the building. Its windows were broken.", "Its"),  # a plural is "they"
    ],
)
def test_pronoun_not_guessed(text, pronoun):
    m = _mentions(text, FIXTURE_GAZ)
    assert (m["text"] == pronoun).sum() == 0


def test_cataphor_needs_a_subject_after_the_comma():
    m = _mentions("Between his threats and his rallies, Joe Biden's aides worried.", FIXTURE_GAZ)
    assert "joe_biden" not in set(m.loc[m["text"] == "his", "actor_id"])


@pytest.mark.parametrize(
    "text",
    [
        "He arrived late.",  # one pronoun: no placeholder
        "She met him.",  # genders differ: two people, neither needed
        "He praised him.",  # him is not the subject of its own clause
        "It was a call between Joe Biden and Donald Trump. He said he was pleased.",  # a tie is not 'no antecedent'
        "Vladimir Putin spoke. He said he would stay.",  # a named antecedent wins
        "“He is here,” he said.",  # never across a quotation boundary
    ],
)
def test_pronoun_chain_must_not_fire(text):
    assert not any(a.startswith("unnamed:") for a in _mentions(text, FIXTURE_GAZ)["actor_id"])


# --------------------------------------------------------------------------- gazetteer loading


def test_gazetteer_loads_once_and_validates(tmp_path):
    assert load_gazetteer(FIXTURE_GAZ) is load_gazetteer(FIXTURE_GAZ)
    with pytest.raises(DataError, match="missing"):
        load_gazetteer(tmp_path)
    for name in ("actors.csv", "offices.csv", "office_holders.csv"):
        (tmp_path / name).write_text((FIXTURE_GAZ / name).read_text(encoding="utf-8"), encoding="utf-8")
    bad = (tmp_path / "actors.csv").read_text(encoding="utf-8").replace(",state,", ",country,", 1)
    (tmp_path / "actors.csv").write_text(bad, encoding="utf-8")
    with pytest.raises(DataError, match="type"):
        load_gazetteer(tmp_path)


def test_holder_dates():
    gaz = load_gazetteer(FIXTURE_GAZ)
    import datetime as dt

    assert gaz.holder("us_president", dt.date(2025, 1, 19)) == "joe_biden"
    assert gaz.holder("us_president", dt.date(2025, 1, 20)) == "donald_trump"  # end is exclusive
    assert gaz.holder("us_president", None) is None


# --------------------------------------------------------------------------- discovery precision (Wikinews patterns)

_PAD = ", according to a statement that was released by them on the next day."


def _found(text: str) -> dict[str, str]:
    """Surface text -> type of every mention in ``text`` (padded so the sentence never reads as a headline)."""
    m = _mentions(text + _PAD)
    m = m[(m["resolved_by"] != "pronoun") & (m["role"] == "actor")]
    return dict(zip(m["text"], m["type"], strict=True))


def test_a_name_split_at_and_is_joined():
    found = _found("Members of the House Oversight and Reform Committee voted to refer them to the full House")
    assert "House Oversight and Reform Committee" in found and "Reform Committee" not in found


def test_a_place_ending_one_name_is_split_from_the_next():
    found = _found("On Thursday, the American Civil Liberties Union of Montana and Native American Rights Fund filed a "
                   "lawsuit")
    assert found.get("Native American Rights Fund") == "organisation"
    assert "Montana and Native American Rights Fund" not in found


def test_what_a_name_is_said_to_be_gives_its_type():
    found = _found("The plaintiffs were listed as Western Native Voice, the Crow Tribe and Blackfeet Nation.")
    assert found.get("Crow Tribe") == "organisation"
    found = _found("He was wrongfully imprisoned under Adamowicz's former party Civic Platform's time in government.")
    assert found.get("Civic Platform") == "organisation"


def test_a_state_an_act_is_aimed_at_through_its_noun_acts():
    text = "The groups filed a lawsuit against the state of Montana over the law."
    assert _roles(text + _PAD).get("Montana") == "actor"
    assert _roles("The groups met in the state of Montana over the law." + _PAD).get("Montana") == "place"


def test_the_acronym_of_a_thing_is_no_actor():
    text = ("The groups sued over the Ballot Interference Prevention Act (BIPA), saying it would prevent voting. "
            "BIPA ignores the everyday realities, the groups said.")
    assert "BIPA" not in set(_mentions(text)["text"])
    assert "ACLU" in set(_mentions("The American Civil Liberties Union (ACLU) sued. The ACLU said so.")["text"])


def test_joiners_do_not_merge_separate_actors():
    text = "He said that Jo Smith of Binghamton University and Nick Hawco of the University of Kent agreed"
    found = _found(text)
    assert found.get("Jo Smith") == "person" and found.get("Nick Hawco") == "person"
    roles = _roles(text + _PAD)  # a named person's organisation is an affiliation, kept as a modifier mention
    assert roles.get("Binghamton University") == "modifier" and roles.get("University of Kent") == "modifier"


def test_titled_things_are_no_actors():
    found = _found("She was named Person of the Year and won the Nobel Peace Prize for her work on the climate")
    assert found == {}
    assert "Dorian" not in _found("The storm named Hurricane Dorian hit the islands, and later Dorian moved north")
    assert _found("He was charged with obstructing the administration of the Internal Revenue Laws.") == {}


def test_place_first_in_a_longer_name_is_not_the_state():
    found = _found("Leaders who signed the Paris Agreement on climate met again in the city for talks")
    assert "FRA" not in _ids("Leaders who signed the Paris Agreement on climate met again in the city for talks" + _PAD)
    assert found == {}
    afp = _found("He told Agence France-Presse that the fire was out by the morning")
    assert afp == {"Agence France-Presse": "organisation"}


def test_territories_and_cities_are_places():
    assert _found("Protesters marched in the streets as Hong Kong and Puerto Rico saw big crowds") == {
        "Protesters": "group"}
    assert _found("The shooting happened in the border city of El Paso and near San Diego last week") == {}


def test_religious_adjective_before_a_title_is_no_actor():
    found = _found("The Roman Catholic Pope Francis met the protesters in a small room")
    assert "Roman Catholic" not in found
    assert _found("The National Hurricane Center said the storm would weaken") == {"National Hurricane Center":
                                                                                  "organisation"}


def test_title_case_slogan_in_quotes_gives_no_actor():
    assert _found('Fans carried signs reading "Make the World Greta Again" outside the building') == {}


def test_a_name_before_its_kind_of_organisation_is_the_organisation():
    found = _found("The story was first reported by Time magazine and the Atlantic Council think tank in a long piece")
    assert found.get("Time") == "organisation" and found.get("Atlantic Council") == "organisation"


def test_capitalised_common_nouns_and_fragments_are_no_actors():
    found = _found("Unlike Senators, members of the House follow the Constitution, and 3D printers cost 232°C "
                   "while PG&E said World War II ended before COVID-19 arrived")
    assert not set(found) & {"Senators", "Constitution", "World War II", "COVID-19", "3D"}


def test_surname_not_taken_for_a_common_noun():
    assert _found("Trump said in a statement that Sessions was a great legal mind")["Sessions"] in ("unknown", "person")


def test_quoted_sentence_start_is_read_like_a_sentence_start():
    assert "Today" not in _found('The president remarked, "Today I am with him and his family," before leaving')


# --------------------------------------------------------------------------- roles: actors apart from places


def _roles(text: str, gaz: Path | None = None) -> dict[str, str]:
    m = _mentions(text, gaz)
    return dict(zip(m["text"], m["role"], strict=True))


@pytest.mark.parametrize(
    ("text", "word", "role"),
    [
        ("Thousands of tourists took flights to Spain last week.", "Spain", "place"),
        ("The ministers met in Ottawa on Monday.", "Ottawa", "place"),
        ("The pub served Irish whiskey to the guests.", "Irish", "modifier"),
        ("Poland's government condemned the attack.", "Poland's government", "actor"),
        ("Moscow said the talks had failed.", "Moscow", "actor"),
        ("Russian officials denied the report.", "Russian officials", "actor"),
        ("Russia invaded Ukraine in 2022.", "Ukraine", "actor"),
        ("Two Cabinet officers refused to testify.", "Cabinet", "modifier"),
        # what comes "from" a state after a source noun (actor_cues.csv, source_noun) comes from an actor
        ("Moscow dismissed the claim from Berlin as groundless.", "Berlin", "actor"),
        ("Merkel demanded an explanation from Russia.", "Russia", "actor"),
        ("Refugees from Syria arrived on the island.", "Syria", "place"),
        # a place no list knows acts as the subject of an action or the agent of a passive, not of a state verb
        ("The poison was developed by the Soviet Union in the 1970s.", "Soviet Union", "actor"),
        ("Hong Kong has its own legislature and courts.", "Hong Kong", "place"),
        # a named person's or a post holder's organisation is an affiliation; members stand for it
        ("Joanna Cherry of the Scottish National Party filed the petition.", "Scottish National Party", "modifier"),
        ("Budi Gunawan, chief of the State Intelligence Agency, spoke.", "State Intelligence Agency", "modifier"),
        # a name given to a kind of place (actor_cues.csv, place_noun) is a place
        ("Wiranto was visiting the town of Pandeglang on Thursday.", "Pandeglang", "place"),
        # where someone is admitted or taken to, also one of the places named after "including"
        ("Trump was admitted to Walter Reed Hospital on Friday.", "Walter Reed Hospital", "place"),
        ("Victims were transported to hospitals in the area, including Hartford Hospital.", "Hartford Hospital",
         "place"),
        ("The deal ignores our islands, including our biggest island Crete, entirely.", "Crete", "place"),
        # "the" + a nationality + a finite verb: the nation, which the parser read as an adjective
        ("The British relinquished control of the colony in 1997.", "British", "actor"),
        # a state's act that acts is the state's ("act_noun" cues); a city before one says where it happened
        ("He was killed last week by a United States military airstrike in Iraq.", "United States", "actor"),
        ("Last week a Kabul car bombing killed five people.", "Kabul", "modifier"),
        ("He condemned the United States airstrike on Monday.", "United States", "modifier"),
        # a state after a listed place and a comma is an address's last part, even as a misparsed subject
        ("A propeller plane in Nevada, United States crashed after take-off.", "United States", "place"),
        ("In Syria, Russia attacked the rebels on Monday.", "Russia", "actor"),
        # an address closed by a comma after a place the recogniser alone knows
        ("The former Deputy Chief Minister of the state of Goa, India, died on Thursday.", "India", "place"),
        ("In Damascus, Syria said it would retaliate.", "Syria", "actor"),
        # "as far north as": a distance, no actor
        ("The butterflies range as far north as Canada every year.", "Canada", "place"),
        ("Leaders such as Canada agreed to the plan.", "Canada", "actor"),
        # a party or nationality that only labels the person named: no act of the party or state
        ("He debated against Democratic rival Joe Biden on Tuesday.", "Democratic", "modifier"),
        ("Yemeni journalist Nabil Hasan al-Quaety was shot dead in Aden.", "Yemeni", "modifier"),
        ("Republican President Trump noted his strength on Twitter.", "Republican", "modifier"),
        # a nationality that is what someone is: no act of the state
        ("Only because I'm Australian and I'm temporarily in the UK.", "Australian", "modifier"),
        ("There are reportedly about 5000 U.S. troops now in the country.", "U.S. troops", "actor"),
        # a journal where findings were published is where they appeared, no actor
        ("In findings published on Wednesday in Science Advances, researchers reported warming seas.",
         "Science Advances", "place"),
        ("Republican voters backed the bill on Tuesday.", "Republican voters", "actor"),
        ("Baby finds illegal drugs in playground in British Columbia, Canadian police report\n\nA mother called.",
         "Canadian", "actor"),
    ],
)
def test_roles_on_the_parse(text, word, role):
    assert _roles(text)[word] == role


def test_a_name_given_to_a_district_is_that_place_wherever_it_stands():
    m = _mentions("Wikinews interviews a candidate for the 2020 Groom by-election\n\nVoters in the Australian "
                  "electoral district of Groom go to the polls.")
    assert set(m.loc[m["text"] == "Groom", "role"]) == {"place"}


def test_events_named_by_their_head_word_are_no_actors():
    """"the Gibraltar Chess Tournament", "the G20 Summit", "the Boston Marathon": events (``thing_head``); a firm
    whose name only opens with such a word acts ("Summit Partners invested")."""
    m = _mentions("He won the Gibraltar Chess Tournament in 2019. Leaders met at the G20 Summit in Osaka. The Boston "
                  "Marathon was cancelled. Summit Partners invested in the firm.")
    acting = set(actor_table(m)["actor"])
    assert not {"Gibraltar Chess Tournament", "G20 Summit", "Boston Marathon"} & acting
    assert "Summit Partners" in acting


def test_a_name_called_or_named_on_a_place_or_site_noun_is_that_place():
    """"a site called Bacho Kiro", "a village named Kanta Pura": places, no persons, wherever they stand; not "a
    man named John Smith", nor a web site ("One news site, Znak.com, claims")."""
    m = _mentions("Researchers dug at a site called Bacho Kiro in Bulgaria. Bacho Kiro held bones. They found a "
                  "village named Kanta Pura. Kanta Pura was burned. A man named John Smith said it. One news site, "
                  "Znak.com, claims the blast was an attack.")
    assert set(m.loc[m["text"].isin(["Bacho Kiro", "Kanta Pura"]), "type"]) == {"place"}
    assert set(m.loc[m["text"] == "John Smith", "type"]) == {"person"}
    assert set(m.loc[m["text"] == "Znak.com", "role"]) == {"actor"}


def test_a_name_compounded_with_a_place_noun_is_that_place_wherever_it_stands():
    m = _mentions("The conflict over the disputed Nagorno-Karabakh region escalated. Troops surrounded "
                  "Nagorno-Karabakh on Monday. Protests began in Seattle's Capitol Hill neighborhood, and "
                  "protesters held Capitol Hill for weeks.")
    assert set(m.loc[m["text"] == "Nagorno-Karabakh", "role"]) == {"place"}
    assert set(m.loc[m["text"] == "Capitol Hill", "role"]) == {"place"}  # not Congress, its metonym
    assert not {"US_CONGRESS", "new:nagorno-karabakh"} & set(actor_table(m)["actor_id"])
    m = _mentions("Capitol Hill passed the bill on Monday.")
    assert set(m.loc[m["text"] == "Capitol Hill", "actor_id"]) == {"US_CONGRESS"}


def test_place_mentions_make_no_actor_rows():
    m = _mentions("Thousands of tourists took flights to Spain, Greece and France last week.")
    assert set(m.loc[m["actor_id"].isin(["ESP", "GRC", "FRA"]), "role"]) == {"place"}
    assert not {"ESP", "GRC", "FRA"} & set(actor_table(m)["actor_id"])


def test_a_picture_credit_is_no_actor():
    text = "Protesters marched on Saturday.\n\nProtesters at the march. Image: Andrew Gray."
    m = _mentions(text)
    assert set(m.loc[m["text"] == "Andrew Gray", "role"]) == {"caption"}


# --------------------------------------------------------------------------- groups


def test_groups_are_one_actor_with_their_qualifier():
    m = _mentions("Hong Kong protesters surrounded the building. Police fired tear gas at the protesters, "
                  "and violent protesters threw bricks.")
    t = actor_table(m).set_index("actor_id")
    assert t.loc["group:protester", "mentions"] == 3 and t.loc["group:protester", "actor"] == "Hong Kong protesters"
    assert {"Hong Kong protesters", "protesters", "violent protesters"} <= set(_texts(m, "group:protester"))
    assert "group:police" in t.index


def test_one_member_is_not_the_group():
    m = _mentions("Police shot a protester on Tuesday. The protesters said they would return.")
    assert "a protester" not in set(m["text"]) and "protester" not in set(m["text"])
    m = _mentions("Police shoot teenage protester\n\nThe protesters said the police had fired. The opposition "
                  "said so too.")  # a headline drops the article
    assert "teenage protester" not in set(m["text"]) and "protesters" in set(m["text"])
    assert "opposition" in set(m["text"])  # no plural: the group itself


def test_a_group_noun_joins_the_one_organisation_named_with_it():
    m = _mentions("A spokesperson for the Indonesian National Police said two suspects were arrested. "
                  "Police said more arrests were likely.")
    assert set(m.loc[m["text"] == "Police", "actor_id"]) == set(m.loc[m["text"] == "Indonesian National Police",
                                                                      "actor_id"])


# --------------------------------------------------------------------------- names and descriptions


def test_surname_before_the_full_name_and_titles_inside_names():
    m = _mentions("On Monday, Murphy sent a letter. Administrator Emily W. Murphy said she acted alone.")
    assert len(set(m.loc[m["text"].isin(["Murphy", "Administrator Emily W. Murphy"]), "actor_id"])) == 1
    assert "Emily W. Murphy" in set(m["actor"])


def test_the_court_is_the_court_the_story_is_about():
    text = ("The Court of Session ruled on Wednesday. The Court of Session is the highest civil court in Scotland. "
            "The only court above it is the Supreme Court of the United Kingdom. The court said the move was unlawful.")
    m = _mentions(text)
    assert set(m.loc[m["text"] == "The court", "actor"]) == {"Court of Session"}


def test_a_body_of_one_country_needs_that_country():
    assert "US_SCOTUS" not in set(_mentions("In London, the Supreme Court ruled against the government.")["actor_id"])
    assert "US_SCOTUS" in _ids("In Washington, the U.S. Senate and the Supreme Court clashed over the law.")


def test_headline_phrases_are_no_names():
    m = _mentions("From Political Isolation to Diplomatic Talks, How Did Putin Change?\n\nPutin said he was ready.")
    assert not any(a.startswith("new:political") for a in m["actor_id"])


@pytest.mark.parametrize(
    ("text", "chained"),
    [
        ("She said she would run again.", ["She", "she"]),
        ("He added that he was thinking hard about his response.", ["He", "he", "his"]),
    ],
)
def test_pronouns_of_one_unnamed_person_are_one_referent_but_no_actor(text, chained):
    m = _mentions(text, FIXTURE_GAZ)
    pron = m[m["resolved_by"] == "pronoun"]
    assert list(pron["text"]) == chained and pron["actor_id"].nunique() == 1
    assert pron["actor_id"].iloc[0].startswith("unnamed:") and set(pron["role"]) == {"unnamed"}
    assert actor_table(m).empty


def test_the_one_a_quotation_speaks_of_is_unnamed_not_its_speaker():
    m = _mentions("Donald Trump said: “I haven't worked with him, and he's going to think badly of me.”", FIXTURE_GAZ)
    pron = m[m["resolved_by"] == "pronoun"]
    assert list(pron["text"]) == ["him", "he"] and pron["actor_id"].nunique() == 1
    assert pron["actor_id"].iloc[0].startswith("unnamed:")


@pytest.mark.parametrize("text", ["He arrived late.", "Vladimir Putin spoke. He said he would stay."])
def test_no_unnamed_referent_for_one_pronoun_or_a_named_one(text):
    assert not any(a.startswith("unnamed:") for a in _mentions(text, FIXTURE_GAZ)["actor_id"])


def test_a_titled_name_the_recogniser_missed_is_found_and_its_given_name_joins_it():
    text = ("The party withdrew from using Princess Ubolratana Mahidol as their candidate. "
            "Officially, Princess Ubolratana no longer holds a royal title. Mr. Xavier Bettel met her. "
            "Mr. Xavier declined to comment.")
    m = _mentions(text)
    ids = dict(zip(m["text"], m["actor_id"], strict=True))
    assert ids["Princess Ubolratana Mahidol"] == ids["Princess Ubolratana"]
    # a known given name joins its full name only after a royal or religious title, not after "Mr."
    assert ids["Mr. Xavier"] != ids.get("Mr. Xavier Bettel", ids.get("Xavier Bettel"))


def test_a_name_the_recogniser_took_for_a_date_is_still_a_name():
    ids = _ids("However, Fox News reported Tuesday that Mateen was more than an acquaintance of the suspect.")
    assert "new:mateen" in ids
    assert not any("tuesday" in i.lower() for i in ids)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gorsuch is equally clever when penning opinions.", "Gorsuch"),  # tagged NN by the small model
        ("Yates never should have been in that position.", "Yates"),  # tagged NNS
    ],
)
def test_an_unknown_capitalised_subject_opening_a_sentence_is_a_name(text, name):
    m = _mentions(text)
    assert name in set(m.loc[m["role"] == "actor", "text"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Walker said he would run again.", "Walker"),  # an English word, bare, speaking: a surname
        ("Petty also said the families appreciated the sheriff.", "Petty"),
        ('"We will get support from people," Walker said.', "Walker"),
    ],
)
def test_a_bare_english_word_that_speaks_is_a_surname(text, name):
    m = _mentions(text)
    assert name in set(m.loc[m["role"] == "actor", "text"])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Officials said the road would reopen.", "Officials"),  # a plural
        ("Everyone said the road would reopen.", "Everyone"),  # a function word
        ("The walker said the road would reopen.", "walker"),  # a determiner: a common noun
        ("Astronomer tells Wikinews about a discovery", "Astronomer"),  # a headline drops its articles
    ],
)
def test_a_bare_english_word_that_speaks_needs_the_signs_of_a_name(text, word):
    assert word not in set(_mentions(text)["text"])


def test_a_pronoun_of_an_unnamed_person_subject_is_no_actor_named_before():
    m = _mentions("Judge Durham Hall QC said they showed no respect. One of the victims decided to allow her name to "
                  "be made public.")
    assert "her" not in set(m["text"])
    m = _mentions("Tony Mendez died on Saturday. A wheelchair-using individual attempted to set his jacket on fire.")
    assert "his" not in set(m["text"])


@pytest.mark.parametrize(
    "text",
    [
        "Tony Mendez died on Saturday. Another son has predeceased him.",  # its own verb's object
        "Tony Mendez died on Saturday. The guitarist formed a band with his brother.",  # may be Mendez
        "Tony Mendez died on Saturday. One of his lawyers posted a photo showing him.",  # a possessor
    ],
)
def test_a_pronoun_beside_a_person_noun_may_still_be_the_actor(text):
    m = _mentions(text)
    assert set(m.loc[m["text"].isin(["him", "his"]), "actor"]) == {"Tony Mendez"}


def test_a_pronoun_in_a_quotation_is_the_person_the_article_is_about_not_another_speaker():
    text = ("Pranab Mukherjee, a former president of India, died. He was 84. Mukherjee was cremated on Tuesday. "
            "It was reported he was in a coma at time of death.\n\nCurrent Prime Minister of India Narendra Modi "
            "wrote, \"India grieves the passing away of Bharat Ratna Pranab Mukherjee. He has left an indelible mark "
            "on our nation.\"\n\nVijay Goel, a member of the Rajya Sabha, said, \"He was an excellent politician. "
            "He won the hearts of everyone.\"")
    m = _mentions(text)
    assert m.loc[m["start"] > text.index("Vijay"), "actor"].tolist()[-2:] == ["Pranab Mukherjee"] * 2


def test_a_short_given_name_is_the_one_person_whose_given_name_it_opens():
    m = _mentions('Chadwick Boseman died. Ryan Coogler wrote of Boseman, "I noticed then that Chad was an anomaly."')
    assert set(m.loc[m["text"] == "Chad", "actor"]) == {"Chadwick Boseman"}


def test_a_name_in_a_speakers_relative_clause_does_not_speak():
    text = ('Chadwick Boseman died on Friday. Actor Denzel Washington, who paid for Boseman to attend drama school, '
            'stated "He was a gentle soul."')
    m = _mentions(text)
    assert m.loc[m["start"] == text.index("He was"), "actor"].tolist() == ["Chadwick Boseman"]


def test_a_kin_noun_the_parser_made_a_second_subject_beside_a_name_is_that_person():
    m = _mentions('Pranab Mukherjee died. His daughter, and member of the INC, Sharmistha Mukherjee wrote, "Last '
                  'year was one of the happiest days."')
    assert not any("daughter" in a for a in m["actor"])


def test_the_next_holder_of_a_title_is_nobody_named():
    m = _mentions('Trump is the president. Bloomberg said, "I will work to make him the next President of the '
                  'United States."')
    assert "the next President of the United States" not in set(m["text"])


def test_a_french_honorific_joins_the_name():
    m = _mentions('Emily Spanton met officers at a pub. Her lawyer said "The court found that Mme Spanton did not lie."')
    assert set(m.loc[m["text"] == "Mme Spanton", "actor"]) == {"Emily Spanton"}


def test_an_english_word_opening_a_sentence_is_no_name():
    assert _ids("Prices rose sharply. Sessions ran late.") == set()


def test_a_plural_of_an_english_word_opening_a_sentence_is_no_name_unless_capitalised_elsewhere():
    # "vigils" is missing from the word list; its singular is not
    assert _ids("Residents donated blood. Vigils nationwide were attended by thousands.") == set()
    ids = _ids("Vigils said the plan failed. The report by Vigils was late.")
    assert "new:vigils" in ids


def test_a_word_the_article_also_writes_in_lower_case_is_no_name_at_a_sentence_start():
    text = ("Yeast grew slowly for lack of oxygen. Oxygen is essential for the synthesis of heme. "
            "Hydrogen and helium gas have very low density. A hydrogen atmosphere is easy to detect.")
    assert _ids(text) == set()
    # a capital inside a sentence is the writer's choice: "storm Parliament" stays an actor
    ids = _ids("Protesters tried to storm Parliament on Friday. Police guarded the parliament building.")
    assert any("parliament" in i for i in ids)


def test_a_state_inside_a_longer_listed_place_name_is_that_place():
    m = _mentions("Police in New Mexico arrested him. Bloomberg won American Samoa. Northern Ireland voted.")
    assert not {"Mexico", "Samoa", "Ireland", "American"} & set(m["text"])
    assert {"New Mexico", "American Samoa", "Northern Ireland"} <= set(m["text"])
    assert set(m.loc[m["text"] == "American Samoa", "type"]) == {"place"}  # the recogniser said ORG


def test_a_lone_word_joins_the_one_body_named_with_it_unless_it_is_a_place():
    m = _mentions("Germany banned Mahan Air on Monday. Mahan has been under sanctions since 2011. "
                  "Officials said Mahan flies fighters to Syria.")
    assert set(m.loc[m["text"].str.startswith("Mahan"), "actor_id"]) == {"new:mahan-air"}
    assert set(m.loc[m["actor_id"] == "new:mahan-air", "type"]) == {"organisation"}
    m = _mentions("A mother called the police in Kamloops on Sunday, according to Kamloops Police. "
                  "Fentanyl is popular in Kamloops.")
    assert "new:kamloops-police" not in set(m.loc[m["text"] == "Kamloops", "actor_id"])


def test_a_bare_title_the_subject_became_is_no_mention():
    m = _mentions("Obama was elected president in 2008. Pohiva was elected prime minister by the parliament.",
                  date="2020-02-19")
    assert not {"president", "elected president", "prime minister", "elected prime minister"} & set(m["text"])


def test_a_name_with_and_without_its_middle_initial_is_one_person():
    ids = _ids("Trump fired John R. Bolton. \"I informed John Bolton last night,\" Trump wrote. Trump thanked John.")
    assert {i for i in ids if "john" in i} == {"new:john-r-bolton"}


def test_a_name_before_a_comma_and_a_us_state_is_a_town():
    m = _mentions("The scandal happened in Fort Lee, New Jersey. Officials punished the mayor of Fort Lee. "
                  "Mesquite, Nevada hosted the event. Bruce Springsteen, New Jersey's son, sang.")
    assert set(m.loc[m["text"] == "Fort Lee", "type"]) == {"place"}  # also where no state follows
    assert "Mesquite" not in set(m.loc[m["role"] == "actor", "text"])
    assert set(m.loc[m["text"] == "Bruce Springsteen", "type"]) == {"person"}


def test_a_nickname_in_quotation_marks_stays_inside_the_name():
    m = _mentions('Sergeant Matiu "Matt" Ratana was shot on Friday. Ratana died. Drug lord Joaquín "El Chapo" Guzmán '
                  'was convicted. Officials met Jared Kushner "Almost Daily" In August, Kushner left.')
    assert set(m["actor"]) >= {"Matiu Ratana", "Joaquín Guzmán", "Jared Kushner"}
    assert len(set(m.loc[m["text"].str.contains("Ratana"), "actor_id"])) == 1
    assert not any("Almost" in a or a.endswith(" In") for a in m["actor"])


def test_instruments_and_prisons_are_things_not_actors():
    ids = _ids("Sirhan was serving his time at Richard J. Donovan Correctional Facility. He was stable. "
               "NASA's James Webb Space Telescope will launch next year.")
    assert not any("facility" in i or "telescope" in i for i in ids)
    m = _mentions("Sirhan was serving his time at Richard J. Donovan Correctional Facility. He was stable.")
    assert set(m.loc[m["text"] == "He", "actor"]) == {"Sirhan"}


def test_professor_is_a_title_joined_to_the_person():
    ids = _ids("Sara Seager led the study. Professor Seager said the planets were easy to study.")
    assert ids == {"new:sara-seager"}


def test_transcript_speaker_labels_are_no_actor_mentions():
    text = ("Sara Seager is a professor at MIT.\n\n((WN))  What led you to this research?\n\n"
            "((Sara Seager))  It is one of my goals. Their atmospheres are easy to study.")
    m = _mentions(text)
    labels = m[m["role"] == "label"]
    assert labels["text"].tolist() == ["WN", "Sara Seager"]
    assert "Their" not in set(m["text"])  # the label "WN" is no antecedent


def test_a_surname_the_recogniser_took_for_a_place_acts_as_a_person():
    m = _mentions("Hagel has a challenge to prove to people that he is up for the job.")
    rows = dict(zip(m["text"], zip(m["actor_id"], m["role"], strict=True), strict=True))
    assert rows["Hagel"][1] == "actor" and rows["he"][0] == rows["Hagel"][0]


def test_two_names_the_recogniser_joined_with_and_are_not_one_actor():
    m = _mentions("Turkey wants the sea between Crete and Cyprus to be part of its zone." + _PAD)
    assert "CYP" in set(m["actor_id"]) and not any(" and " in t for t in m["text"])


def test_a_surname_in_someone_elses_name_is_not_the_gazetteer_person():
    m = _mentions("Hunter Biden said his father was right. Sarah Huckabee Sanders said she agreed.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Hunter Biden"] != "joe_biden" and ids["Sarah Huckabee Sanders"] != "bernie_sanders"
    assert ids["his"] == ids["Hunter Biden"] and ids["she"] == ids["Sarah Huckabee Sanders"]
    assert "joe_biden" in _ids("President Biden spoke. Mr. Biden left.")


@pytest.mark.parametrize(("text", "pronoun", "name"), [
    # an object pronoun is not who does what its verb says, even when that one is implied or in apposition
    ("Conservatives are accusing Rice of actively undermining him, by misusing her authority.", "her", "Rice"),
    ("In contrast, the then candidate Rick Perry immediately condemned Trump and called on him to drop out of the "
     "race.", "him", "Trump"),
    # a possessive in the main subject may stand for the one person of its gender named later
    ("Her primary opponent, Senator Bernie Sanders, and Mr. Trump have used those speeches to portray Mrs. Clinton "
     "as being chummy with Wall Street.", "Her", "Mrs. Clinton"),
    # "he'd talk to him": not whom the subject pronoun stands for
    ("Gianforte said he first told Jacobs he would talk to him later.", "him", "Jacobs"),
    # an organisation word in a name keeps it from being a he/she ("Breitbart News")
    ("Breitbart News reported that Jackson once complained that she experienced discrimination.", "she", "Jackson"),
    # a person named only as a modifier is still someone a pronoun can mean
    ("The Susan Rice situation is murky, but she is changing her story.", "she", "Susan Rice"),
    # the object of a verb coordinated with a participle is not that participle's implied subject
    ("Trump fired back at a rally in Portland, bemoaning Romney's remarks and dismissing him as a choke artist.",
     "him", "Romney"),
    # a description that opens the sentence before its subject, or is predicated of it, is that person
    ("Currently the top judge on the D.C. Circuit, Garland is widely admired, although he was not confirmed.",
     "the top judge", "Garland"),
    ("Smith served as a prosecutor before he ran.", "a prosecutor", "Smith"),
    ("Merrick Garland is the top judge on the court.", "the top judge", "Merrick Garland"),
    # a pronoun in an opening clause with a subject of its own is not the main clause's subject's
    ("When Carlos Ghosn was arrested on his private jet, Nissan promptly removed him as its chairman.", "his",
     "Carlos Ghosn"),
    # a name glued to a prefix ("the anti-Trump") is no antecedent
    ("Rubio's pitch to be the anti-Trump is that he can unite the party.", "he", "Rubio"),
])  # fmt: skip
def test_pronoun_binding_on_the_parse(text, pronoun, name):
    m = _mentions(text)
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids.get(pronoun) == ids[name]


def test_a_misparsed_object_with_a_predicate_adjective_is_not_its_verbs_subject():
    m = _mentions("Officials said Weldon had held her captive in his home for a month.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids.get("his") == ids["Weldon"] and ids.get("her") != ids["Weldon"]
    m = _mentions('Speaking to NBC News, she said, "His fellow journalists did their best to keep the story alive."')
    assert set(m.loc[m["text"] == "their", "actor_id"]) == {"group:journalist"}  # "their best": theirs


def test_a_he_or_she_with_nobody_in_scope_is_the_one_person_of_that_gender_named_just_before():
    text = ("Carrie Lam announced the withdrawal of the bill. Lam said the government would act. Lam also agreed "
            "to add two members to the council. Protesters marched on Sunday. The marches were large. Many shops "
            "closed. \"Hong Kong people have learned to ignore her,\" said a protester.")
    m = _mentions(text)
    assert set(m.loc[m["text"] == "her", "actor_id"]) == {"new:carrie-lam"}
    text = ("Carrie Lam announced the withdrawal of the bill. Lam said the government would act. Lam also agreed "
            "to add two members to the council. Protesters marched on Sunday. The marches were large. Many shops "
            "closed. I met a girl there, she was a student.")
    m = _mentions(text)
    assert "new:carrie-lam" not in set(m.loc[m["text"] == "she", "actor_id"])  # a narrator's "she" is another


def test_the_one_person_of_a_gender_counts_the_pronouns_linked_to_them():
    # two names and two linked pronouns: four mentions, so "his death" three sentences on is his
    text = ("Nabil Hasan al-Quaety, a journalist, died in Aden on Tuesday. He was 34. Al-Quaety openly supported "
            "independence. The council is in conflict with the government. Both sides oppose the rebels. Both the "
            "council and the government called for his death to be investigated.")
    m = _mentions(text)
    assert set(m.loc[m["text"] == "his", "actor_id"]) == {"new:nabil-hasan-al-quaety"}
    # named once and no pronoun: still nobody's
    m = _mentions("Nabil Hasan al-Quaety died in Aden on Tuesday. The council is in conflict with the government. "
                  "Both sides oppose the rebels. Both the council and the government called for his death to be "
                  "investigated.")
    assert "new:nabil-hasan-al-quaety" not in set(m.loc[m["text"] == "his", "actor_id"])


def test_a_surname_with_a_particle_is_its_person_in_any_case():
    m = _mentions("Ahmed al-Mansouri, a lawyer, was arrested on Monday. Al-Mansouri denied the charge. The arrest "
                  "of al-Mansouri drew protests.")
    rows = m[m["text"].str.contains("Mansouri")]
    assert len(rows) == 3 and set(rows["actor_id"]) == {"new:ahmed-al-mansouri"}
    assert set(rows["type"]) == {"person"}


def test_a_surname_that_is_also_an_english_word_opens_a_sentence_as_the_person():
    m = _mentions("The party nominated Rocky De La Fuente for president and rapper Kanye West for vice president. "
                  "West, who is running for president in multiple states, may not even be aware of the nomination. "
                  "The West has imposed sanctions.")
    west = dict(zip(m.loc[m["text"] == "West", "sentence_id"], m.loc[m["text"] == "West", "actor_id"], strict=True))
    assert west.get(1) == "new:kanye-west"  # a given name no English word: his surname
    assert west.get(2) != "new:kanye-west"  # "the West": the region, never him


def test_a_title_of_the_other_sex_is_another_person():
    m = _mentions("Donald Trump spoke on Monday. Mrs. Trump said she was tired. Trump said he was not.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Mrs. Trump"] != ids["Donald Trump"] == ids["Trump"] == ids["he"]
    assert ids["she"] == ids["Mrs. Trump"]


def test_a_pronoun_in_the_subject_does_not_take_a_later_name_it_commands():
    m = _mentions("He said Mr. Obama should have stopped enforcing the statute.")
    assert "he" not in {t.lower() for t in m["text"]} or set(m.loc[m["text"] == "He", "actor_id"]) != {"barack_obama"}


def test_a_group_noun_before_what_it_does_is_the_group():
    found = _found("Protesters demand an investigation of alleged police violence against protesters.")
    assert found.get("police") == "organisation"  # the police act: "police violence"
    found = _found("Hong Kong protests continue through police opposition and heavy rain.")
    assert found.get("police") == "organisation" and "opposition" not in " ".join(found)
    assert "police" not in _found("Protesters surrounded the police complex on Friday.")


def test_a_pronoun_in_a_quotation_is_not_its_speaker():
    m = _mentions("“He is a good guy and has been through a lot,” Mr. Trump said.")
    assert "donald_trump" not in set(m.loc[m["text"] == "He", "actor_id"])
    m = _mentions("Trump said he would win.")
    assert set(m.loc[m["text"] == "he", "actor_id"]) == {"donald_trump"}
    # an inverted attribution, and a quotation continued after it
    m = _mentions('Carrie Lam withdrew the bill on Wednesday.\n\n"She is just doing this to try and disintegrate the '
                  'movement," said a protester using the pseudonym Katya. "The situation has escalated. Hong Kong '
                  'people have learned to ignore her."')
    assert set(m.loc[m["text"].isin(["She", "her"]), "actor_id"]) == {"new:carrie-lam"}
    # an editor's word in square brackets can stand for the speaker
    m = _mentions('The British public marched. Some of the protesters said they had gone to "defend [their] '
                  'children\'s right to live and work in Europe".')
    assert set(m.loc[m["text"] == "their", "actor_id"]) == {"group:protester"}
    # the speaker of a participle of the clause's verb ("…, telling the crowd “…”")
    m = _mentions('Trump praised the retiring Kennedy as "a great man," telling the crowd he was "very honored" because '
                  '"he felt confident in me to make the right choice."')
    assert list(m.loc[m["text"] == "he", "actor_id"]) == ["donald_trump", "new:kennedy"]


def test_affiliates_are_actors_of_their_own_named_for_their_owner():
    m = _mentions("Emily Murphy sent a letter to President-elect Joe Biden and his team. Chris Christie denounced "
                  "the Trump legal team's claims. Trump and his legal team lost. Trump wanted Ukraine to investigate "
                  "Joe Biden's son. Navalny's associates said he was poisoned.")
    rows: dict[str, tuple] = {}
    for t, a, n, r in zip(m["text"], m["actor_id"], m["actor"], m["resolved_by"], strict=True):
        rows.setdefault(t, (a, n, r))  # the first of each text
    assert rows["his team"][1:] == ("Joe Biden's team", "affiliate")
    assert rows["his"][0] == "joe_biden"  # the owner's pronoun keeps its own mention, nested in the affiliate's
    assert rows["Trump legal team"][0] == rows["his legal team"][0] != "donald_trump"
    assert rows["Trump legal team"][1] == "Donald Trump's legal team"
    assert rows["Joe Biden's son"][1] == "Joe Biden's son" and rows["Joe Biden"][0] == "joe_biden"
    assert rows["Navalny's associates"][1] == "Alexei Navalny's associates"


@pytest.mark.parametrize("text", [
    "His son, Hunter Biden, said Joe Biden was right.",  # the son is named: the named person is the actor
    "Joe Biden met the team members on Monday.",  # no owner, and "team" only modifies
    "The company's family of products grew.",  # a kin noun of no person
    "A Korean-Canadian family was found in Canada.",  # a nationality describes, it does not own
])  # fmt: skip
def test_no_affiliate_without_an_owner_or_beside_a_name(text):
    assert "affiliate" not in set(_mentions(text)["resolved_by"])


def test_a_name_glued_to_a_prefix_is_a_modifier():
    m = _mentions("Rubio is the anti-Trump, and pro-Beijing candidates marched. Thaksin Shinawatra, the "
                  "then-prime-minister Thaksin Shinawatra, left.")
    roles = dict(zip(m["text"], m["role"], strict=False))
    assert roles["Trump"] == "modifier" and roles.get("Beijing", "modifier") == "modifier"
    assert "actor" in set(m.loc[m["actor_id"] == "new:thaksin-shinawatra", "role"])


def test_a_name_never_spans_a_run_of_spaces():
    # a list whose commas were lost ("Woods  Mickelson"): two names, each joined to its full name
    m = _mentions("Phil Mickelson spoke on Wednesday. Tiger Woods did not. Asked about Woods  Mickelson said "
                  "little.")
    assert not any("  " in t for t in m["text"])
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Mickelson"] == ids["Phil Mickelson"]


def test_a_given_name_alone_joins_the_one_person_who_bears_it():
    m = _mentions("Serena Williams won the final on Sunday. Fans said Serena played well.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Serena"] == ids["Serena Williams"]
    m = _mentions("Joe Biden and Joe Manchin met on Monday. Later Joe said no.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids.get("Joe") not in (ids["Joe Biden"], ids["Joe Manchin"])


def test_a_given_name_borne_by_both_genders_gives_no_hint():
    # Andrea is an Italian man's name: "his" after it must not go to the other man named
    m = _mentions("Andrea Zamperoni, a chef, was found dead. Fernando Dallorso, his manager, spoke. Zamperoni "
                  "worked in London for years. His brother is a chef there.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids.get("His") != ids["Fernando Dallorso"]


def test_an_occupation_before_a_full_name_is_not_part_of_it():
    texts = set(_mentions("Engineer Eric Bodenstab was picked. Bill de Blasio and Rose Mary Smith spoke.")["text"])
    assert {"Eric Bodenstab", "Bill de Blasio", "Rose Mary Smith"} <= texts


def test_a_surname_the_recogniser_mislabelled_joins_its_person():
    # the full name read as an organisation, or the lone surname as a place: still one person
    for text in ("Nikola Mirotic scored 24 points on Monday. Mirotic said the team played well.",
                 "Mikheil Saakashvili returned to Kiev on Monday. Crowds cheered Saakashvili in the street."):
        m = _mentions(text)
        assert m.loc[m["text"].str.contains("Mirotic|Saakashvili"), "actor_id"].nunique() == 1, text


def test_a_surname_two_people_share_goes_to_the_one_named_first():
    m = _mentions("Harvey Weinstein was fired on Sunday. His brother Robert Weinstein agreed. Mr. Weinstein said "
                  "he would fight.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Mr. Weinstein"] == ids["Harvey Weinstein"] != ids["Robert Weinstein"]


def test_the_incoming_holder_of_an_office_is_its_successor():
    text = ("Murphy wrote to President-elect Joe Biden and US President Donald Trump. She said threats were made "
            "over allowing the incoming president to access resources. The incoming U.S. president thanked her.")
    m = _mentions(text, date="2020-11-24")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["the incoming president"] == ids["The incoming U.S. president"] == "joe_biden"
    assert ids["US President Donald Trump"] == "donald_trump"
    # after the inauguration nobody is incoming: the holder named before stays
    m = _mentions("US President Joe Biden spoke. The new president was tired.", date="2021-03-01")
    assert set(m["actor_id"]) == {"joe_biden"}


def test_a_person_glued_to_the_organisation_before_them_is_found():
    m = _mentions('"This cannot change the fact," Hong Kong director of Amnesty International Man-kei Tam said.')
    rows = dict(zip(m["text"], m["type"], strict=False))
    assert rows.get("Man-kei Tam") == "person" and "Amnesty International" in rows


def test_two_sides_of_one_group_noun_are_two_groups():
    m = _mentions("Most seats went to pro-democracy candidates, ousting pro-Beijing candidates. Anti-government "
                  "protesters marched, and protesters cheered.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["pro-democracy candidates"] != ids["pro-Beijing candidates"]
    assert ids["Anti-government protesters"] == ids["protesters"]  # one side named: one group
    assert "candidates" not in set(_mentions("Royals may not stand as candidates, the palace said.")["text"])


def test_a_family_belongs_to_people_not_to_a_company():
    for text in ("Stagecoach South said on Monday that it had contacted their families.",
                 "Microsoft said its family of products grew."):
        assert "affiliate" not in set(_mentions(text)["resolved_by"]), text
    m = _mentions("Alexei Navalny was poisoned. His family asked for his release.")
    assert "Alexei Navalny's family" in set(m["actor"])


def test_the_government_of_a_place_with_its_own_government_is_that_government():
    m = _mentions("China said little. Protesters marched in Hong Kong on Sunday. Hong Kong police blocked the "
                  "roads. Students had given the government until Thursday. China warned them. Carrie Lam, "
                  "the chief executive of Hong Kong, said her government would listen.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["the government"] == "new:hong-kong-government" == ids["government"]  # "her government"
    assert set(m.loc[m["actor_id"] == "new:hong-kong-government", "actor"]) == {"Hong Kong government"}


def test_the_government_of_a_named_state_is_that_state():
    m = _mentions("The Hong Kong government proposed a law that would allow the government of mainland China "
                  "to extradite suspects.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["the government"] == "CHN" and ids["Hong Kong government"] != "CHN"


def test_a_plural_demonym_without_the_is_the_nations_people():
    m = _mentions("Serbians protested against the curfew for a fourth night.")
    row = m[m["text"] == "Serbians"].iloc[0]
    assert row["actor_id"] != "SRB" and row["type"] == "group"
    m = _mentions("Trump said he told the Ukrainians that the aid was contingent.")
    assert "UKR" in set(m.loc[m["text"] == "Ukrainians", "actor_id"])  # "the Ukrainians": the state's side


def test_a_singular_demonym_after_a_is_one_person_not_the_state():
    m = _mentions("Bloomberg said the candidate is my friend and a great American, Joe Biden. An American was "
                  "killed in Kabul. The American ambassador left.")
    assert list(m.loc[m["text"] == "American", "role"]) == ["modifier"]  # only "The American ambassador"


def test_ideas_and_brexit_are_no_actors_but_a_party_named_for_one_is():
    m = _mentions("Zara Kay does not like the definition of Islamophobia. Marxism was discussed. Boris Johnson "
                  "backed Brexit. The Brexit Party won. We will probably do that by means of Interferometry.")
    assert set(m.loc[m["role"] == "actor", "actor"]) == {"Zara Kay", "Boris Johnson", "Brexit Party"}


def test_a_place_acts_through_its_acts_and_the_acts_others_stop():
    def role(text: str, name: str) -> str:
        m = _mentions(text)
        return m.loc[m["text"] == name, "role"].iloc[0]

    assert role("A lawsuit tried to prevent the state of Pennsylvania from certifying results.", "Pennsylvania") == "actor"
    assert role("Two days before Michigan's final certification of its results, he spoke.", "Michigan") == "actor"
    assert role("The governor urged Ohio to act.", "Ohio") == "actor"
    assert role("He flew to Texas to rest.", "Texas") == "place"
    assert role("Officials in the state of Ohio said so.", "Ohio") == "place"
    assert role("Florida's population grew.", "Florida") == "place"


def test_an_unnamed_body_that_acts_is_an_actor():
    m = _mentions("Princess Ubolratana filed for candidacy. The palace issued a statement. She moved into "
                  "the palace.")
    assert set(m.loc[m["text"].str.lower() == "the palace", "actor"]) == {"palace"}
    assert "the press" not in set(_mentions("The party informed the press.")["text"])
    m = _mentions("Boeing did not comment. The company said it was sorry.")  # points back: no body of its own
    assert "company" not in set(m["actor"])
    m = _mentions("Several accomplices were tried by the same court.")
    assert set(m.loc[m["text"] == "the same court", "actor"]) <= {"court"}


def test_a_nations_people_are_one_actor_per_nation():
    m = _mentions("Serbians protested. The Serbian people are tired. Hispanic people and Mexicans voted.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Serbians"] == ids["Serbian people"] != ids["Mexicans"] != ids["Hispanic people"]
    assert "Soviet Union" in set(_mentions("It was developed by the Soviet Union.")["actor"])


def test_publications_and_acronyms_their_kind_names_are_organisations():
    m = _mentions('Voter Kitty Mak told The Atlantic, "Today we are trying."')
    rows = dict(zip(m["text"], zip(m["type"], m["role"], strict=False), strict=False))
    assert rows["The Atlantic"] == ("organisation", "actor")
    m = _mentions("Storms crossed the Atlantic. It said so. The United States will respond.")
    assert set(m.loc[m["text"] == "Atlantic", "role"]) == {"place"} and "USA" in set(m["actor_id"])
    m = _mentions("Violence continued and the news network RTHK withdrew its reporters.")
    assert set(m.loc[m["text"] == "RTHK", "type"]) == {"organisation"}


def test_a_possessive_after_a_colon_is_no_apposition():
    m = _mentions("In his latest standoff, Mr. Trump was making Fox News an offer it had to refuse: his presence "
                  "at its debate.")
    assert list(m.loc[m["text"] == "his", "actor_id"]) == ["donald_trump", "donald_trump"]
    assert "his" not in set(_mentions("Fernando Dallorso, his manager, said so.")["text"])


def test_the_government_after_an_office_is_that_offices_state(seed_mentions_dated):
    m = seed_mentions_dated
    assert set(m.loc[m["text"] == "The present government", "actor_id"]) == {"USA"}  # "a new U.S. president" before


def test_a_first_surname_of_two_and_a_tail_of_a_name_join_their_person():
    m = _mentions("Governor Ricardo Rosselló Nevares resigned. Rosselló said he was sorry. Wanda Vázquez Garced "
                  "will succeed him. Vázquez Garced said she was ready.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Rosselló"] == ids["Governor Ricardo Rosselló Nevares"]
    assert ids["Vázquez Garced"] == ids["Wanda Vázquez Garced"] != ids["Rosselló"]


def test_a_time_zone_is_no_name():
    assert "UTC" not in set(_mentions("At 2:49 a.m. local time (7:49 a.m. UTC) the capsule docked.")["text"])


def test_a_body_named_with_its_own_country_before_it_is_that_body():
    m = _mentions("Joe Biden won the nomination of the United States Democratic Party. Democrats cheered. The "
                  "Libyan House of Representatives voted.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["United States Democratic Party"] == ids["Democrats"] == "US_DEM"
    assert ids["Libyan House of Representatives"].startswith("new:")  # another country's body stays apart


def test_a_middle_given_name_is_no_surname():
    m = _mentions('"I informed John Bolton last night," wrote Donald Trump, "and I asked John for his resignation."')
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["John"] == ids["John Bolton"] != "donald_trump"


def test_the_first_words_of_a_name_join_the_body_they_are_short_for():
    m = _mentions("The House Judiciary Committee met. The United States House of Representatives voted. Critics "
                  "said the House had acted. Ford Motor Company agreed. The Scripps Institution of Oceanography "
                  "agreed too. Ford said Scripps would help.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["House"] == "US_HOUSE"  # not the committee whose name it only starts
    assert ids["Ford"] == ids["Ford Motor Company"]  # a legal form left over
    assert ids["Scripps"] == ids["Scripps Institution of Oceanography"]  # nothing else it could be


@pytest.mark.parametrize(("text", "names"), [
    ("The search was led by the Coast Guard and the National Police on Monday.", {"Coast Guard", "National Police"}),
    ("The debate was shown by CNN and NPR on Monday.", {"CNN", "NPR"}),
    ("The city announced on Twitter the Federal Aviation Administration would investigate.",
     {"Federal Aviation Administration"}),
])
def test_names_the_recogniser_ran_together_are_apart(text, names):
    m = _mentions(text)
    assert names <= set(m["text"]), m["text"].tolist()
    assert not any(" and " in t for t in m["text"])


@pytest.mark.parametrize("name", ["Securities and Exchange Commission", "Stop the Steal"])
def test_a_name_with_and_or_the_inside_stays_whole(name):
    m = _mentions(f"Officials said the {name} had acted.")
    assert any(name in t for t in m["text"]), m["text"].tolist()


def test_a_countrys_body_of_another_place_is_that_places_body():
    m = _mentions("A US senator said the Supreme Court of Puerto Rico had acted. The Puerto Rico Supreme Court "
                  "ruled on Monday. The Supreme Court of the United States did not.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Supreme Court of Puerto Rico"] == ids["Puerto Rico Supreme Court"] != "US_SCOTUS"
    assert "US_SCOTUS" in set(m["actor_id"])


def test_a_countrys_body_is_another_places_namesake_where_the_article_names_it():
    text = "The Wisconsin Supreme Court ruled on Monday. Later the Supreme Court met again."
    m = _mentions("The United States and Mexico talked. " + text)
    assert "US_SCOTUS" not in set(m["actor_id"])
    m = _mentions("The United States and Mexico talked. The Republican Senate met. The Senate voted on Monday.")
    assert "US_SENATE" in set(m["actor_id"])  # "Republican" is no place


def test_they_after_people_named_together_is_not_linked_to_one_body():
    m = _mentions("The House voted to hold Wilbur Ross and William Barr in contempt, citing their refusal to "
                  "disclose documents.")
    assert "their" not in set(m["text"])  # the two of them, whom one mention cannot stand for; not the House


def test_an_object_pronoun_is_not_its_verbs_subject_by_any_mention():
    m = _mentions("Trump praised Pence on Monday. Later Trump criticized him.")
    assert dict(zip(m["text"], m["actor_id"], strict=False))["him"] == "mike_pence"
    m = _mentions("Walker received 20 percent in her race and Hawkins received five percent in his.")
    assert dict(zip(m["text"], m["actor_id"], strict=False))["his"] == "new:hawkins"  # a possessive is free


def test_a_name_ending_in_an_organisation_word_is_an_organisation():
    m = _mentions("The Max Planck Institute for Evolutionary Anthropology published the study. The Max Planck "
                  "Institute said on Monday that the Chess Federation agreed.")
    types = dict(zip(m["text"], m["type"], strict=False))
    assert types["Chess Federation"] == "organisation"
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Max Planck Institute"] == ids["Max Planck Institute for Evolutionary Anthropology"]


def test_a_name_before_a_lower_case_organisation_word_is_that_organisation():
    m = _mentions("Police said the suspects were linked to the Jamaah Ansharut Daulah network.")
    row = m[m["text"] == "Jamaah Ansharut Daulah"].iloc[0]
    assert (row["type"], row["role"]) == ("organisation", "actor")


@pytest.mark.parametrize("text", ["Rouhani announced an initiative for the Gulf of Oman.",
                                  "The storm reached the eastern coast of the United States on Monday."])
def test_a_state_named_in_a_sea_or_coast_is_a_place(text):
    m = _mentions(text)
    assert set(m.loc[m["type"] == "state", "role"]) == {"place"}, m[["text", "role"]]


def test_a_description_with_a_hyphenated_modifier_refers_back():
    m = _mentions("The Court of Session heard the case on Monday. The three-judge court found the advice unlawful. "
                  "A judge-led inquiry followed.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["The three-judge court"] == ids["Court of Session"]
    # glued by a hyphen into a longer word, a title is no description of its own ("a judge-led inquiry")
    assert not any(t.startswith(("The three-judge", "A judge")) and a.startswith("role:")
                   for t, a in zip(m["text"], m["actor_id"], strict=True))
    assert "judge" not in " ".join(_mentions("Protesters demanded a new judge-led investigation.")["text"])


def test_a_name_glued_to_a_participle_is_a_modifier_not_a_longer_name():
    m = _mentions("Protesters demanded a Trump-led investigation. Prayuth Chan-o-cha spoke.")
    assert "Trump-led" not in set(m["text"]) and "Prayuth Chan-o-cha" in set(m["text"])
    assert set(m.loc[m["text"] == "Trump", "role"]) == {"modifier"}


def test_an_honorific_makes_a_person_and_a_plural_acronym_is_no_name():
    m = _mentions("The archaeologist Naomi Martisius studied bone tools. Dr Martisius and her team used five of "
                  "them. It is not about ships, captains, NGOs and politicians.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Dr Martisius"] == ids["Naomi Martisius"]
    assert "NGOs" not in set(m["text"])


def test_a_persons_last_word_the_recogniser_left_out_joins_the_name():
    m = _mentions("Following the ruling, Secretary of Justice Wanda Vázquez Garced was sworn in as governor.")
    assert "Wanda Vázquez Garced" in " ".join(m["text"]) and "Garced" not in set(m["text"])


def test_a_name_taken_for_a_body_in_a_list_of_people_is_a_person():
    text = ("Egyptian foreign minister Sameh Shoukry and his Greek, Cypriot and French counterparts, Nikos Dendias, "
            "Nikos Christodoulides and Jean-Yves Le Drian, gathered in Cairo. Patients went to Bridgeport Hospital "
            "and Hartford Hospital.")
    m = _mentions(text)
    rows = dict(zip(m["text"], m["type"], strict=False))
    assert rows.get("Nikos Christodoulides") == "person"
    assert rows.get("Bridgeport Hospital", "organisation") == "organisation"  # a hospital is no person


def test_a_verb_that_opens_a_sentence_is_no_part_of_the_name_after_it():
    m = _mentions("The court ruled on Tuesday. Proroguing Parliament is the legal way, a spokesman said. "
                  "Parliament must be recalled.")
    assert "Proroguing Parliament" not in set(m["text"])
    assert set(m.loc[m["text"] == "Parliament", "actor"]) == {"Parliament"}


def test_a_name_written_with_and_without_its_accents_is_one_person():
    m = _mentions("Polish leader Jaroslaw Kaczynski spoke. Later Jarosław Kaczyński said more. "
                  "Kaczyński left. Interior Minister Joachim Brudziński agreed, and Brudzinski smiled.")
    ids = {t.removeprefix("Polish leader ").removeprefix("Interior Minister "): a
           for t, a in zip(m["text"], m["actor_id"], strict=True)}
    assert ids["Jaroslaw Kaczynski"] == ids["Jarosław Kaczyński"] == ids["Kaczyński"]
    assert ids["Joachim Brudziński"] == ids["Brudzinski"] != ids["Kaczyński"]
    table = actor_table(m)
    assert "Jarosław Kaczyński" in set(table["actor"])  # the spelling with its accents names the actor


def test_a_places_name_that_is_a_persons_surname_is_that_person_unless_used_as_a_place():
    m = _mentions("The attacker was Sudesh Amman. A police chief said about Amman: \"He planned it.\" "
                  "Amman had scrawled his goals. Officials in Amman, Jordan, said nothing.")
    rows = list(zip(m["text"], m["actor_id"], strict=True))
    person = next(a for t, a in rows if t == "Sudesh Amman")
    assert [a for t, a in rows if t == "Amman"] == [person, person, "JOR"]
    m = _mentions("George Washington was president. We see the brokenness in Washington, D.C. today.")
    assert "new:george-washington" not in set(m.loc[m["text"] == "Washington", "actor_id"])


@pytest.mark.parametrize(("text", "name", "kind"), [
    ('The senior Polish archbishop Wojciech Polak said, "I am deeply disturbed."', "Wojciech Polak", "person"),
    ("The report was aired by Al Jazeera on Monday.", "Al Jazeera", "organisation"),  # "Al" is too short
    ("Data from Marine Traffic showed the ship.", "Marine Traffic", "organisation"),  # an English last word
    ("She studied at the Max Planck Society.", "Max Planck Society", "organisation"),  # an organisation word
])
def test_an_organisation_entity_opening_with_a_given_name_is_a_person(text, name, kind):
    m = _mentions(text)
    assert [t for x, t in zip(m["text"], m["type"], strict=True) if x.endswith(name)] == [kind]


def test_a_lower_case_description_of_a_capitalised_name_is_that_body():
    m = _mentions("The American Independent Party picks a ticket. Critics outside the Democratic party spoke. "
                  "The Republican party met.")
    ids = dict(zip(m["text"], m["actor_id"], strict=True))
    assert ids["the Democratic party"] == "US_DEM" and ids["The Republican party"] == "US_GOP"


def test_a_camel_case_name_is_no_person_and_a_lone_first_word_joins_its_body():
    m = _mentions("UOKiK approved the deal. McConnell said so. Tesco sold its Polish branch to Salling Group A/S. "
                  "With the acquisition Salling said it seeks to improve its coverage in Southern Poland.")
    rows = dict(zip(m["text"].str.rstrip("."), zip(m["actor_id"], m["type"], strict=True), strict=False))
    assert rows["UOKiK"][1] == "organisation" and rows["McConnell"][1] == "person"
    assert rows["Salling"] == rows["Salling Group A/S"] == ("new:salling-group-a-s", "organisation")


def test_a_surname_read_as_a_place_is_the_person_named_first_of_two():
    from helpers.actors.candidates import Candidate
    from helpers.actors.lexicon import load_lexicon
    from helpers.actors.resolve import _join

    names = [("new:tony-mendez", ["Tony", "Mendez"], "person"), ("new:jonna-mendez", ["Jonna", "Mendez"], "person")]
    lone = Candidate(0, 6, 0, "ner", "place", 0, name="Mendez")
    assert _join(lone, ["Mendez"], names, load_gazetteer(), load_lexicon()) == "new:tony-mendez"


def test_a_surname_the_model_took_for_a_thing_is_a_name():
    from spacy.tokens import Span

    from helpers.actors.candidates import _person_surnames, _surname_as_thing
    from helpers.text.document import parse

    doc = parse(load_article(text="Adam Kokesh is a candidate. Kokesh ran for Congress in 2010.")).doc
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="PRODUCT")]
    surnames = _person_surnames(doc)
    assert _surname_as_thing(doc[6], surnames) and not _surname_as_thing(doc[0], surnames)


def test_a_he_with_nobody_named_in_scope_continues_the_last_linked_he():
    text = ("On Tuesday, Prime Minister Kyriakos Mitsotakis spoke in Washington. The EastMed project involves "
            "Greece. \"We seek cooperation\", he said. He also commented on the agreement. \"The agreement is "
            "void\", he added. He also noted that talks might fail.")
    m = _mentions(text)
    he = m[m["text"].str.lower() == "he"]
    assert set(he["actor_id"]) == {"new:kyriakos-mitsotakis"} and len(he) == 4


def test_they_after_people_named_together_as_subject_is_not_the_body_they_spoke_to():
    m = _mentions("Tim and Karalyne Hyde told HuffPost that they were staying at their daughters' flat.")
    assert not set(m["text"]) & {"they", "their"}


def test_an_indefinite_title_after_be_is_no_mention():
    m = _mentions("Kokesh spoke in 2008. He was a featured speaker at the rally.")
    assert "a featured speaker" not in set(m["text"])
    assert "role:speaker" not in set(m["actor_id"])


def test_some_head_words_never_point_back_in_lower_case():
    m = _mentions("Sky News reported the death on Monday. Dave Meltzer tweeted after hearing the news of her death.")
    assert "the news" not in set(m["text"])
    m = _mentions("The New York Post ran the story on Monday. The Post said the mayor resigned.")
    assert set(m.loc[m["text"] == "The Post", "actor_id"]) == set(m.loc[m["text"] == "New York Post", "actor_id"])


def test_a_named_government_of_a_state_is_that_state():
    for text in ("Coalition forces are in Iraq at the invitation of the Government of Iraq to defeat ISIS.",
                 "The Iranian Government said on Monday it would act."):
        m = _mentions(text)
        m = m[m["role"] == "actor"]
        assert set(m["actor_id"]) - {"ISIS"} == {"IRQ" if "Iraq" in text else "IRN"}


def test_a_word_read_as_a_body_once_and_a_place_more_often_is_the_place():
    text = ("New Zealand mosque murder suspect appears in court at Christchurch\n\nBrenton Tarrant appeared in "
            "Christchurch District Court yesterday, charged with murder over a mass shooting in Christchurch on "
            "Friday. He was held in Christchurch.")
    m = _mentions(text)
    court = m.loc[m["text"] == "Christchurch District Court", "actor_id"].iloc[0]
    assert court not in set(m.loc[m["text"] == "Christchurch", "actor_id"])


def test_a_body_shaped_like_a_name_in_apposition_to_a_title_is_a_person():
    found = _found("Following the vote, a United States Department of State spokesperson, Morgan Ortagus, said the "
                   "United States was disappointed.")
    assert found.get("Morgan Ortagus") == "person"
    assert found.get("United States Department of State") == "organisation"


def test_a_surname_read_as_a_body_and_as_a_place_stays_the_person():
    from helpers.actors.candidates import Candidate
    from helpers.actors.lexicon import load_lexicon
    from helpers.actors.resolve import cluster

    def cand(k: int, name: str, label: str) -> Candidate:
        return Candidate(10 * k, 10 * k + len(name), k, "ner", label, k, name=name)

    cands = [cand(0, "Ava DuVernay", "organisation"), cand(1, "Ava DuVernay", "person"),
             cand(2, "DuVernay", "organisation"), cand(3, "DuVernay", "place"), cand(4, "DuVernay", "place")]
    cluster(cands, load_gazetteer(), load_lexicon())
    assert {c.actor_id for c in cands} == {"new:ava-duvernay"}


def test_a_surname_that_is_also_a_word_names_the_person_named_in_full():
    """"Walker said", "May said" (a modal to the parser), "van Biljon": the person named in full earlier, not a
    word; "in May 2019" stays a date, and "Doris Day" is a person although "day" ends things' names."""
    m = _mentions("Governor Scott Walker spoke on Monday. Walker said he would run again.")
    assert _texts(m, "new:scott-walker") == ["Governor Scott Walker", "Walker", "he"]
    m = _mentions("Prime Minister Theresa May met the Queen. May said she would resign. The vote is in May 2019.")
    assert _texts(m, "theresa_may") == ["Prime Minister Theresa May", "May", "she"]
    m = _mentions("Ranger Leon van Biljon was attacked. Nobody could save van Biljon.")
    assert _texts(m, "new:leon-van-biljon") == ["Leon van Biljon", "van Biljon"]
    m = _mentions("US singer Doris Day died on Monday. Day made many studio albums.")
    assert _texts(m, "new:doris-day") == ["Doris Day", "Day"]
    assert not _ids("Indian Railways said it would run more trains. Railways are busy in summer.") - {
        "new:indian-railways"}  # no surname of a body's name


def test_a_pronoun_follows_the_one_its_gender_followed_before_a_newly_named_person():
    """The woman the she-pronouns stand for, named three sentences back, not the man named in between
    whose gender the article does not give."""
    m = _mentions("Emily Spanton testified in court on Monday. The hearing lasted six hours. She said she was "
                  "attacked by Antoine Quirin. She told a guard at the door.")
    assert _texts(m, "new:emily-spanton") == ["Emily Spanton", "She", "she", "She"]


def test_a_middle_name_given_or_left_out_is_the_same_person():
    m = _mentions("Robert Mugabe died on Friday. Robert Gabriel Mugabe was born in 1924. Mugabe embraced Marxism.")
    assert _texts(m, "new:robert-mugabe") == ["Robert Mugabe", "Robert Gabriel Mugabe", "Mugabe"]


def test_a_titled_given_name_joins_the_full_name_and_a_portfolio_is_no_actor():
    """"Dr Meerjady" is Meerjady Sabrina Flora; "Road Transport and Bridges" is the minister's portfolio (no
    organisation "Road Transport", no person "Bridges"), while a name before "and" another minister stays."""
    m = _mentions("Bangladeshi Road Transport and Bridges Minister Obaidul Quader said buses would stop. "
                  "Dr Meerjady Sabrina Flora spoke. According to Dr Meerjady, two cases were old.")
    assert set(m.loc[m["role"] == "actor", "actor_id"]) == {"new:obaidul-quader", "new:meerjady-sabrina-flora"}
    assert _texts(m, "new:meerjady-sabrina-flora") == ["Dr Meerjady Sabrina Flora", "Dr Meerjady"]
    m = _mentions("Tributes came from Foreign Minister Mohammad Javad Zarif and British Prime Minister Boris Johnson.")
    assert "new:mohammad-javad-zarif" in set(m["actor_id"])


def test_names_the_tagger_misread_are_found_and_a_said_kind_is_no_person():
    """"Simpson $10" (a sum run into the name), "saw Pruitt come" (tagged as a common noun): the persons;
    "the social media website Formspring" is a body, so "he" and "his" are not it."""
    m = _mentions("At times, Murray paid Simpson $10 or gave him drugs for sex, he said.")
    assert _texts(m, "new:simpson") == ["Simpson", "him"]
    assert "new:pruitt" in _ids("Another controversy saw Pruitt come under fire for his staff members' raises.")
    m = _mentions("It happened on the social media website Formspring in 2012, a year after he resigned from his post.")
    assert set(m.loc[m["text"].isin(["he", "his"]), "actor_id"]).isdisjoint({"new:formspring"})


def test_a_body_named_with_the_is_no_he():
    """"telling the Daily Beast": the recogniser's organisation, with "the" before it, is no person, so the "he"
    of the quotation (not its speaker) is the one person left, Epstein."""
    m = _mentions("Krauss, a physicist who retired from Arizona State University, even continued defending Epstein "
                  "after his 2008 conviction, telling the Daily Beast in 2011, \u201cAs a scientist I always judge "
                  "things on empirical evidence and he always has women ages 19 to 23 around him.\u201d")
    assert _texts(m, "new:epstein") == ["Epstein", "he"]


def test_a_lone_name_read_as_a_thing_is_a_person_when_a_pronoun_says_so():
    """"Romney" (PRODUCT to the small model) is the subject a later "his" refers to; "news agency Fars"
    says what it is."""
    m = _mentions("The White House said Romney congratulated the president for his successful campaign.")
    assert _texts(m, "new:romney") == ["Romney", "his"]
    assert "new:fars" not in set(_mentions("The Iranian news agency Fars reported that he was charged.")["actor_id"])


def test_their_government_is_the_state_of_the_people_who_own_it():
    m = _mentions("Japanese officials said the man had died. Chinese citizens have criticized their government's "
                  "initial response to the outbreak.")
    assert _texts(m, "CHN") == ["government"]
    m = _mentions("Protesters in Baghdad have claimed Iran is unduly influencing their government.")
    assert "IRN" not in set(m.loc[m["text"] == "government", "actor_id"])  # Iran is no "their"


def test_a_family_named_by_its_surname_is_a_group_they_stand_for():
    m = _mentions("The then-new owner Tong Yung-soo bought the hall. The Tongs indicated issues, and Mr Tong had "
                  "said they intended to restore the hall to its former glory.")
    assert _texts(m, "new:tongs") == ["Tongs", "they"]
    assert set(m.loc[m["actor_id"] == "new:tongs", "role"]) == {"actor"}


def test_a_word_capitalised_by_its_place_is_no_part_of_a_name_and_a_particle_surname_joins():
    m = _mentions("Don Imus died on Friday. Longtime Imus in the Morning writer Rob Bartlett tweeted a tribute.")
    assert "new:longtime-imus" not in set(m["actor_id"])
    m = _mentions("Mayor Bill de Blasio spoke on Monday. De Blasio said the city would reopen. Critics said de Blasio "
                  "was wrong.")
    assert _texts(m, "new:bill-de-blasio") == ["Mayor Bill de Blasio", "De Blasio", "de Blasio"]


@pytest.mark.parametrize(
    ("text", "pronoun", "not_them"),
    [
        # a subject pronoun is nobody it names later in its own clause (Principle C)
        ("Vladimir Putin arrived. Joe Biden spoke after he criticized Putin on Monday.", "he", "vladimir_putin"),
        ("Hillary Clinton spoke. Joe Biden said she would never testify against Clinton.", "she", "hillary_clinton"),
        ("Donald Trump spoke. Joe Biden arrived, and he stood up to Trump at the debate.", "he", "donald_trump"),
    ],
)
def test_a_subject_pronoun_is_not_whom_its_clause_names(text, pronoun, not_them):
    m = _mentions(text, FIXTURE_GAZ)
    assert not_them not in set(m.loc[m["text"] == pronoun, "actor_id"])


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        # what it is, not whom it commands
        ("Joe Biden won. Voters were proud now that he is President Biden.", "he", "joe_biden"),
        # a name as a modifier two clauses down: writers repeat the pronoun's person there
        ("Donald Trump spoke. He defended his record, and criticized reporters for failing to mention "
         "Trump's travel ban.", "He", "donald_trump"),
    ],
)
def test_names_a_subject_pronoun_does_not_rule_out(text, pronoun, expected):
    m = _mentions(text, FIXTURE_GAZ)
    assert set(m.loc[m["text"] == pronoun, "actor_id"]) == {expected}


def test_a_quotation_after_a_colon_is_its_clause_subjects():
    m = _mentions('Vladimir Putin praised Joe Biden. In his message, he praised Biden\'s record: "He is a stellar '
                  'example. He spent his life in service."', FIXTURE_GAZ)
    assert set(m.loc[m["text"] == "he", "actor_id"]) == {"vladimir_putin"}
    assert set(m.loc[m["text"] == "He", "actor_id"]) == {"joe_biden"}
    # no verb before the colon: no speaker from it
    m = _mentions('NBC\'s Jonathan Allen, on the deal: "By securing his first victory, Joe Biden showed he can win."',
                  FIXTURE_GAZ)
    assert set(m.loc[m["text"] == "he", "actor_id"]) == {"joe_biden"}


def test_an_indefinite_title_is_no_office_holder():
    m = _mentions("The White House is without a clear leader since Donald Trump fired his adviser.")
    assert not any(a.startswith("office:") for a in m["actor_id"])
    assert set(m.loc[m["text"] == "a clear leader", "actor_id"]) <= {"role:leader"}


def test_a_known_surname_is_no_body_named_after_it():
    m = _mentions("Clinton's emails drew interest because she ran a private server while the Clinton Foundation "
                  "raised money.")
    first = m.loc[m["start"] == 0, "actor_id"]
    assert len(first) == 1 and "foundation" not in first.iloc[0]


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        # a leading clause whose own subject is "we" or a plural cannot be meant: the main subject is
        ("While we most remember him for one speech, Joe Biden cared more for his letters.", "him"),
        ("Drawing support from the voters who deserted him here, Joe Biden won his first primary.", "him"),
    ],
)
def test_a_leading_clause_pronoun_takes_the_main_subject_past_subjects_it_cannot_be(text, pronoun):
    m = _mentions(text, FIXTURE_GAZ)
    assert set(m.loc[m["text"] == pronoun, "actor_id"]) == {"joe_biden"}


def test_suspects_join_the_attackers_where_an_article_names_them():
    m = _mentions("The attackers stabbed the minister. Police said two suspects were arrested.")
    assert set(m.loc[m["text"].isin(["attackers", "suspects"]), "actor_id"]) == {"group:attacker"}
    m = _mentions("Police said two suspects were arrested on Friday.")
    assert set(m.loc[m["text"] == "suspects", "actor_id"]) == {"group:suspect"}
    m = _mentions("Multiple assailants fled. Police said the suspects were armed.")
    assert len(set(m.loc[m["text"].isin(["Multiple assailants", "suspects"]), "actor_id"])) == 1


def test_a_group_noun_must_join_a_known_group(tmp_path):
    from helpers.actors.lexicon import load_lexicon
    from helpers.resources import data_path

    for f in data_path("lexicons").glob("*"):
        if f.is_file():
            (tmp_path / f.name).write_bytes(f.read_bytes())
    rows = (tmp_path / "groups.csv").read_text(encoding="utf-8").replace("suspects,group,attacker", "suspects,group,thief")
    (tmp_path / "groups.csv").write_text(rows, encoding="utf-8")
    with pytest.raises(DataError, match="stands_for"):
        load_lexicon(tmp_path)


def test_a_name_cut_at_a_hyphen_is_whole():
    m = _mentions("The fire produced heavy smoke. Nils-Erik Haagenrud of Rogaland Fire and Rescue said no personnel "
                  "would be sent into the building.")
    assert "Nils-Erik Haagenrud" in set(m["text"])
    # a prefix or a nationality glued by a hyphen is no part of a name
    m = _mentions("A Chinese-American man met ex-Senator Joe Biden.")
    assert not any("Chinese-" in t or t.startswith("ex-") for t in m["text"])


def test_counter_protesters_are_not_the_protesters():
    m = _mentions("Police clashed with pro-Trump counter-protesters. The protesters marched on.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["protesters"] == "group:protester"
    assert ids["pro-Trump counter-protesters"] == "group:counter-protester"
    m = _mentions("Non-voters stayed home while voters queued.")
    assert set(m["actor_id"]) == {"group:voter"} and set(m["text"]) == {"voters"}


def test_a_kin_noun_inside_a_hyphened_word_is_no_affiliate():
    m = _mentions("Donald Trump met with Donald Trump's son-in-law on Monday.")
    assert not any("son" in a for a in m["actor_id"])
    m = _mentions("Donald Trump met with Donald Trump's son on Monday.")
    assert any("son" in a for a in m["actor_id"])


def test_a_news_outlet_is_no_he_or_she():
    m = _mentions("Al Jazeera reported that Joko Widodo was flown to a hospital in Jakarta, and that his condition "
                  "was stable.")
    assert set(m.loc[m["text"] == "his", "actor_id"]) == {"joko_widodo"}
    assert set(m.loc[m["text"] == "Al Jazeera", "actor_id"]) == {"MEDIA_ALJAZEERA"}


def test_an_adjective_may_open_a_body_name_the_recogniser_missed():
    # name_stopwords.csv: "Northern" is no name by itself, but opens a body's name ending in an org_heads word
    text = ("Northern Arapaho Tribe welcomes buffalo herd\n\nOn Wednesday, more than 100 members, reportedly, "
            "of the Northern Arapaho Tribe turned out to watch. The Arapaho have plans to widen the range and are "
            "considering pooling resources with the nearby Eastern Shoshone Tribe, who have a herd.")
    m = _mentions(text)
    tribe = m.loc[m["text"] == "Northern Arapaho Tribe", "actor_id"]
    assert len(tribe) == 2 and tribe.nunique() == 1
    # "the Arapaho": the name without its adjective and head word; the other tribe is a body of its own
    assert set(m.loc[m["text"] == "Arapaho", "actor_id"]) == set(tribe)
    shoshone = m.loc[m["text"].str.contains("Shoshone")]
    assert shoshone["text"].tolist() == ["Eastern Shoshone Tribe"] and shoshone["actor_id"].iloc[0] != tribe.iloc[0]


def test_a_given_name_beside_a_kin_noun_is_a_person():
    m = _mentions("According to his wife, Amanda, Huber succumbed to a lung disorder.")
    assert set(m.loc[m["text"] == "Amanda", "type"]) == {"person"}


def test_two_bodies_joined_by_and_stay_two():
    # "House Oversight and Reform Committee" is one name (its second part ends in a head word); these are two
    found = _found("Imus was dropped in 2007 by MSNBC and CBS Radio after he referred to the team")
    assert {"MSNBC", "CBS Radio"} <= set(found) and "MSNBC and CBS Radio" not in found


def test_two_bodies_named_by_their_head_word_and_a_preposition_stay_two():
    found = _found("The Center for Biological Diversity and Center for Food Safety requested protection")
    assert {"Center for Biological Diversity", "Center for Food Safety"} <= set(found)
    # one body whose second part is no such name stays whole
    found = _found("The Department of Health and Human Services said no")
    assert "Department of Health and Human Services" in found


def test_a_couples_given_names_before_a_body_are_its_name():
    found = _found("Carl Hensman of the Bill and Melinda Gates Foundation, which offered a contest, noted it")
    assert found.get("Bill and Melinda Gates Foundation") == "organisation" and "Melinda Gates Foundation" not in found


def test_a_platform_that_acts_is_a_company_and_a_road_is_no_actor():
    assert _found("After Trump tweeted the same advice, Twitter placed a warning over the tweet").get("Twitter") == \
        "organisation"  # the small model says PERSON
    assert not any("Route" in text for text in _found("He was driving a pickup truck on U.S. Route 2 in Randolph"))


def test_a_name_given_to_a_thing_is_no_actor_wherever_it_stands():
    m = _mentions("Indonesian cargo ship MV Namse Bangdzod vanished. Namse Bangdzod was built in Japan. He starred "
                  "in the TV series Sliders. Sliders was cancelled. Ben Affleck directed the film Argo.")
    assert not set(m["text"]) & {"Namse Bangdzod", "MV Namse Bangdzod", "Sliders", "Argo"}
    assert "Ben Affleck" in set(m["text"])
    # an album, and a shopping centre
    m = _mentions("He co-wrote songs on Bob Dylan's 2009 release Together Through Life. The Walmart, by the Cielo "
                  "Vista Mall, is five miles from the border.")
    assert not set(m["text"]) & {"Together Through Life", "Cielo Vista Mall"}
    assert "Bob Dylan" in set(m["text"])
    # a person who wrote the book, or who speaks, is no thing
    m = _mentions("Bolton wrote a memoir. The book Bolton wrote angered Trump. Bolton said it was true.")
    assert len(m[m["text"] == "Bolton"]) == 3
    # a ship named after a person the article names too leaves the person
    m = _mentions("Sea-Eye renamed their ship MV Alan Kurdi after Alan Kurdi, a three-year-old Syrian child who "
                  "drowned.")
    assert "Alan Kurdi" in set(m.loc[m["role"] == "actor", "text"])


def test_a_one_word_person_in_a_place_phrase_is_a_place_and_a_bulletin_is_a_publication():
    m = _mentions("The ship sailed from Sampit, a port town on a river in Borneo. Marine Bulletin called it hectic.")
    assert set(m.loc[m["text"] == "Borneo", "role"]) == {"place"}  # the small model says PERSON
    assert set(m.loc[m["text"] == "Marine Bulletin", "type"]) == {"organisation"}
    # a person's surname stays a person there
    m = _mentions("John Smith spoke. Trust in Smith fell.")
    assert set(m.loc[m["text"] == "Smith", "type"]) == {"person"}


def test_an_acronym_the_text_defines_is_the_organisation_wherever_it_stands():
    m = _mentions("The cabinet voted, and the National Emergency Operation Centre (NEOC) announced the decision. "
                  "NEOC reported a 95% immunization rate on December 24.")
    neoc = m[m["text"] == "NEOC"]
    assert len(neoc) == 1 and set(neoc["actor"]) == {"National Emergency Operation Centre"}  # not "(NEOC)" again


def test_the_first_word_of_a_place_name_alone_is_that_place():
    m = _mentions("The aircraft came down between Fath Airport and Payam International Airport. The landing at Fath "
                  "was a mistake and the jet was supposed to land at Payam. Donald Trump visited Trump Tower. Trump "
                  "spoke.")
    assert set(m.loc[m["text"].isin(["Fath", "Payam"]), "role"]) == {"place"}
    assert set(m.loc[m["text"] == "Trump", "actor"]) == {"Donald Trump"}  # a person's name stays the person's


def test_a_capitalised_adjective_opening_a_sentence_is_no_part_of_a_name():
    m = _mentions('Don Imus died. Longtime Imus in the Morning writer and performer Rob Bartlett tweeted: "He was a '
                  'rebel."')
    assert "Longtime Imus" not in set(m["text"]) and set(m.loc[m["text"] == "Imus", "actor_id"]) == {"new:don-imus"}


def test_a_person_the_recogniser_took_for_a_product_is_a_person():
    # spaCy's small model reads this name as a PRODUCT; the title and the name make it a person
    m = _mentions("On Monday, Crown Princess Ubolratana Mahidol said she would run.")
    assert m.loc[m["text"] == "Crown Princess Ubolratana Mahidol", "type"].tolist() == ["person"]
    assert m.loc[m["text"] == "she", "actor_id"].tolist() == ["new:ubolratana-mahidol"]


def test_a_given_name_listed_with_people_is_a_person():
    m = _mentions("Imus is survived by four daughters, Nadine, Ashley, Elizabeth, and Toni, from his previous marriage.")
    assert set(m.loc[m["text"].isin(["Nadine", "Ashley", "Toni"]), "type"]) == {"person"}


def test_people_a_body_entity_runs_together_are_people():
    # the small model reads "Magnus Carlsen and Fabiano Caruana" here as one organisation
    m = _mentions("I am a big fan of both Magnus Carlsen and Fabiano Caruana because they are both really great.")
    m = m[m["resolved_by"] != "pronoun"]
    assert dict(zip(m["text"], m["type"], strict=True)) == {"Magnus Carlsen": "person", "Fabiano Caruana": "person"}
    # two parts sharing a lower-case head word after them are one name
    found = _found("Members of the House Foreign Affairs and Intelligence committees met")
    assert "House Foreign Affairs and Intelligence" in found and "Intelligence" not in found


def test_a_storm_or_a_parish_is_no_person():
    # actor_cues.csv: "tropical" and "storm" lead a thing's name even where the recogniser says PERSON
    found = _mentions("Louisiana braces as Tropical Storm Barry approaches\n\nTropical Storm Barry could develop "
                      "into a hurricane as soon as Friday.")
    assert not any("Storm" in text for text in found["text"])
    m = _mentions("Residents of some areas, such as Jefferson Parish, have been told to evacuate.")
    assert "person" not in set(m["type"])


def test_a_kin_noun_named_once_in_apposition_is_that_person_later():
    text = ("Tony Mendez died on Saturday. He is survived by his wife, Jonna, and three children. He authored three "
            "books, one with his wife. A fourth, co-written with Jonna Mendez, is due out in May.")
    m = _mentions(text)
    wife = m.loc[m["text"] == "his wife", "actor_id"].tolist()
    assert wife == ["new:jonna-mendez"] and "new:tony-mendez-wife" not in set(m["actor_id"])
    m = _mentions("Doris Day had one child with her first husband, musician Al Jorden. After the death of her third "
                  "husband, she hosted a show.")
    assert "new:al-jorden" not in set(m.loc[m["text"].str.contains("third"), "actor_id"])


def test_no_person_after_the_and_no_function_word_at_a_name_s_end():
    m = _mentions("We worked together on the 'Band on the Run' album in his ARC Studio, Lagos, Nigeria.")
    assert "Run" not in set(m["text"]) and set(m.loc[m["text"] == "ARC Studio", "type"]) == {"organisation"}
    m = _mentions("In the early stages of the Cruz campaign he made a point of welcoming each new candidate.")
    assert "Cruz" in set(m["text"])  # a name modifying a noun after "the" stays a name
    m = _mentions("At the summit, Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin signed the deal.")
    assert "Patrice Talon" in set(m["text"]) and not any(t.endswith(" of") for t in m["text"])
    found = _found("The Prohibition Party, Reform Party and Libertarian Party nominated candidates")
    assert {"Prohibition Party", "Reform Party", "Libertarian Party"} <= set(found)


def test_a_comma_list_of_bodies_after_the_is_split():
    found = _found("Interviews with the nominees of the Prohibition Party, Reform Party, and the Life and Liberty "
                   "Party follow")
    assert {"Prohibition Party", "Reform Party", "Life and Liberty Party"} <= set(found)
    assert not any("," in t for t in found)


def test_a_two_word_group_form_names_the_group():
    m = _mentions("The Minneapolis city council voted to disband its police force.")
    table = actor_table(m)
    assert "Force" not in set(table["actor"]) and "Police force" in set(table["actor"])


def test_a_church_is_a_body_not_a_person():
    found = _found("Rioters set fire to St. John's Episcopal Church at Lafayette Square")
    assert found.get("Episcopal Church") == "organisation"


def test_a_news_outlet_is_an_organisation_and_no_antecedent():
    m = _mentions("Dr. Tristan Smith of University College London explained to Wikinews that crews might turn "
                  "their transponders off. Sara Seager told Wikinews she was pleased.")
    assert set(m.loc[m["text"] == "Wikinews", "type"]) == {"organisation"}
    pron = m[m["resolved_by"] == "pronoun"]
    assert "Wikinews" not in set(pron["actor"])
    assert set(pron.loc[pron["text"] == "she", "actor"]) == {"Sara Seager"}


def test_a_capitalised_name_in_a_definite_description_is_its_own_body():
    m = _mentions("The Prohibition Party nominated Gammon. Several state parties severed their ties with the "
                  "national Constitution Party, which nominated Don Blankenship.")
    assert set(m.loc[m["text"] == "the national Constitution Party", "actor"]) == {"Constitution Party"}
    m = _mentions("The Green Party met on Monday. The party nominated Howie Hawkins.")
    assert set(m.loc[m["text"] == "The party", "actor"]) == {"Green Party"}


def test_a_portfolio_after_of_is_no_part_of_the_name_and_a_particle_may_open_a_surname():
    m = _mentions("The bomb was placed in a market, stated Minister of Information Moammar al-Eryani. According to "
                  "al-Eryani, the rebels are backed by Iran. Zara Kay spoke about being an ex-Muslim.")
    people = m[(m["type"] == "person") & (m["resolved_by"] != "pronoun")]
    assert set(people["actor"]) == {"Moammar al-Eryani", "Zara Kay"}
    assert set(people.loc[people["actor"] == "Moammar al-Eryani", "text"]) == {"Moammar al-Eryani", "al-Eryani"}


def test_a_bare_group_noun_joins_the_named_group_it_heads_a_mention_of():
    m = _mentions("Houthi rebels attacked the town. The Committee to Protect Journalists said journalists were "
                  "attacked by the rebels. Syrian rebels fought.")
    assert set(m.loc[m["text"] == "rebels", "actor"]) == {"Houthis"}
    assert set(m.loc[m["text"] == "Syrian rebels", "actor_id"]) == {"group:rebel"}
    assert set(m.loc[m["text"] == "journalists", "actor_id"]) == {"group:journalist"}


def test_a_name_with_a_middle_name_and_suffix_is_the_same_person_and_king_is_a_surname():
    m = _mentions("Former US Representative John Conyers died. John James Conyers Jr., first elected to Congress "
                  "in 1964, was born in Detroit. He marched with Martin Luther King Jr. in Selma. At the time he "
                  "held the distinction of Dean of the House of Representatives.")
    people = m[(m["type"] == "person") & (m["resolved_by"] != "pronoun")]
    assert set(people["actor"]) == {"John James Conyers Jr.", "Martin Luther King Jr."}
    assert set(people.loc[people["actor"] == "Martin Luther King Jr.", "text"]) == {"Martin Luther King Jr."}
    assert set(m.loc[m["text"] == "He", "actor"]) == {"John James Conyers Jr."}


def test_a_newspaper_is_no_she_and_a_portfolio_of_ordinary_words_is_no_body():
    m = _mentions("Anne Sacoolas told the Daily Mail she had no plans to leave. Both he and the county's Police "
                  "and Crime Commissioner Stephen Mold spoke. The Fire and Rescue Service Director John Smith said.")
    assert set(m.loc[m["text"] == "she", "actor"]) == {"Anne Sacoolas"}
    assert "Police and Crime" not in set(m["actor"]) and "Stephen Mold" in set(m["actor"])
    assert "Fire and Rescue Service" in set(m["actor"])


def test_a_run_of_ordinary_capitalised_words_is_no_person():
    m = _mentions("Agnès Callamard, a rapporteur for the Office of the UN High Commissioner for Human Rights, "
                  "spoke. The maintainers shared an update on the Internet Relay Chat channel. Gorsuch now counts "
                  "55 supporters.")
    people = set(m.loc[m["type"] == "person", "actor"])
    assert "Human Rights" not in people and "Relay Chat" not in people
    assert {"Agnès Callamard", "Gorsuch"} <= people


def test_a_free_trade_area_and_its_acronym_are_a_thing_not_an_actor():
    m = _mentions("Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin signed the African Continental "
                  "Free Trade Area (AfCFTA) agreement. Ghana will join the AfCFTA.")
    assert not m["actor"].str.contains("AfCFTA|Free Trade Area").any()


def test_titles_alone_are_no_name_and_emeritus_and_councillor_are_titles():
    m = _mentions("Roman Catholic Bishop Emeritus Dinualdo Gutierrez of Marbel died. Casicas announced the death of "
                  "Most Rev. Dinualdo Gutierrez, Bishop-Emeritus of Marbel. He returned to El Paso, where he is a "
                  "former City Councillor.")
    actors = set(m.loc[m["role"] == "actor", "actor"])
    assert "Dinualdo Gutierrez" in actors and not actors & {"Bishop-Emeritus", "City Councillor"}
    assert len(set(m.loc[m["text"].str.contains("Gutierrez"), "actor_id"])) == 1


def test_names_in_another_script_are_glosses_and_never_share_an_id():
    from helpers.text.article import id_slug

    m = _mentions("Madina Bizheva won. «Медицинский университет», she said. Image: Дмитрий Кошелев.")
    assert not any(ch in "дкм" for a in m["actor"] for ch in a.lower())
    assert id_slug("Дмитрий Кошелев") != id_slug("Скажем") and id_slug("Joe Biden") == "joe-biden"


def test_a_name_after_an_organisation_noun_is_an_organisation_and_a_lone_title_is_none():
    m = _mentions("Ford hired law firm Sidley Austin. Councillor Jane Smith spoke. The Councillor said no. Martin Luther "
                  "King spoke. King said so.")
    assert set(m.loc[m["text"] == "Sidley Austin", "type"]) == {"organisation"}
    assert "Councillor" not in set(m["actor"])
    assert set(m.loc[m["text"] == "King", "actor"]) == {"Martin Luther King"}  # a surname that is a title word
    for text in ("The next day, Dr King stood on the balcony.", "The memorial has a quote from King that read so.",
                 "Mrs. King's views ring true today."):
        assert "King" in set(_mentions(text)["actor"]), text  # an honorific's surname; a surname alone
    assert set(_mentions("Obama-Biden gained momentum.")["actor_id"]) >= {"barack_obama", "joe_biden"}


def test_a_storm_named_again_alone_an_irish_county_and_a_body_in_apposition():
    m = _mentions("Hurricane Lorenzo hit the Azores. Met Éireann, the national meteorological service for Ireland, "
                  "issued alerts for County Kerry. Though Lorenzo was forecast to diminish, gusts were expected. "
                  '"Storm Lorenzo will produce high waves," read the warning. Lorenzo Fontana, a minister, spoke.')
    actors = dict(zip(m.loc[m["role"] == "actor", "actor"], m.loc[m["role"] == "actor", "type"], strict=False))
    assert "Lorenzo" not in actors and "County Kerry" not in actors and "John Kerry" not in actors
    assert actors.get("Met Éireann") == "organisation" and actors.get("Lorenzo Fontana") == "person"


def test_a_given_name_before_a_title_word_is_a_name_and_a_named_member_a_person():
    m = _mentions("The prize went to Didier Queloz and Michel Mayor. Queloz and Mayor won. Charles Michel met "
                  'Mayor Anne Hidalgo. "It tells us about our place in the Universe", said selection committee member '
                  "Ulf Danielsson.")
    actors = dict(zip(m.loc[m["role"] == "actor", "text"], m.loc[m["role"] == "actor", "actor"], strict=False))
    assert actors["Michel Mayor"] == "Michel Mayor" and actors["Mayor"] == "Michel Mayor"
    assert actors["Charles Michel"] == "Charles Michel" and "Universe" not in actors
    assert set(m.loc[m["text"] == "Ulf Danielsson", "type"]) == {"person"}


def test_an_outlets_edition_is_the_outlet_and_towns_named_as_places_are_no_governments():
    m = _mentions("Governor Alexander Pimentel told CNN Philippines the towns damaged were primarily Carrascal, "
                  "Cantilan, Madrid, Carmen and Cortes. He told CNN Russia lied.")
    assert set(m.loc[m["text"] == "CNN Philippines", "actor_id"]) == {"MEDIA_CNN"}
    assert set(m.loc[m["text"] == "Madrid", "role"]) == {"place"}  # a town of the list, not Spain acting
    assert "RUS" in set(m["actor_id"])  # "told CNN Russia lied": no edition


def test_a_short_form_defined_in_parentheses_is_that_organisation_even_over_the_gazetteer():
    m = _mentions("According to the Philippine Institute of Volcanology and Seismology (Phivolcs), the quake was "
                  "strong. Phivolcs reported aftershocks. The Armed Forces of the Philippines (AFP) said so. AFP "
                  "sent troops. The Parliament of New South Wales (NSW) voted. NSW is a state.")
    got = dict(zip(m["text"], m["actor"], strict=False))
    assert got["Phivolcs"] == "Philippine Institute of Volcanology and Seismology"
    assert got["AFP"] == "Armed Forces of the Philippines"  # not the news agency of the gazetteer
    assert got["NSW"] != "Parliament of New South Wales"  # the initials of the name's last words: the state


def test_a_common_noun_the_tagger_reads_as_one_is_no_person_and_railways_are_a_body():
    m = _mentions("Attendance was underwhelming. The state-run Indian Railways launched the event. Rose said she "
                  "would run.")
    got = dict(zip(m["text"], m["type"], strict=False))
    assert "Attendance" not in got and got["Indian Railways"] == "organisation" and got["Rose"] == "person"


def test_a_web_address_names_an_organisation():
    m = _mentions("Ane Alencar, in remarks to UOL.com.br, said it was bad. Jeff Bezos founded Amazon.com.")
    assert set(m.loc[m["text"].isin(["UOL.com.br", "Amazon.com"]), "type"]) == {"organisation"}


def test_a_name_before_its_acronym_in_parentheses_is_one_body_with_it():
    m = _mentions("Leaders of African Union (AU) member states met in Niamey, Niger's capital. The West African "
                  "Power Pool (WAPP) met. Nigeria planned to join the WAPP. The Office for Students (OfS) fined the "
                  "college. The college appealed to the OfS. Pacific Gas and Electric said PG&E would pay.")
    names = set(m["actor"])
    assert "West African Power Pool" in names and not any("(" in n for n in names)
    assert set(m.loc[m["text"] == "WAPP", "actor"]) == {"West African Power Pool"}
    assert set(m.loc[m["text"] == "OfS", "actor"]) == {"Office for Students"}  # an acronym with a small letter
    assert set(m.loc[m["text"] == "PG&E", "actor"]) == {"Pacific Gas and Electric"}
    assert "Leaders of African Union" not in names
    assert set(m.loc[m["text"] == "Niger", "type"]) == {"state"}


def test_one_persons_title_is_no_group_of_a_state():
    m = _mentions("Brett McGurk, who was Trump's Special Presidential Envoy, criticized it. The Trump "
                  "administration said no. Kurdish forces fought.")
    names = set(m["actor"])
    assert "Special Presidential Envoy" not in names
    assert {"Trump administration", "Kurdish forces"} <= names


def test_the_prime_minister_is_the_current_one_not_a_former_and_her_majesty_is_no_name():
    m = _mentions("Queen Elizabeth II suspended parliament at the behest of Boris Johnson, the current prime "
                  "minister. Former prime minister John Major has accused Johnson of misleading the Queen. "
                  "The court ruled that the Prime Minister's advice to Her Majesty was unlawful.")
    assert set(m.loc[m["text"] == "the Prime Minister", "actor"]) == {"Boris Johnson"}
    assert "Majesty" not in set(m["actor"])


def test_a_function_word_or_a_bracketed_word_is_no_name():
    m = _mentions('Amongst the protesters was Peter Iseley. "[W]e must get Brexit done", Johnson said. '
                  "Jordan said no.")
    names = set(m["actor"])
    assert "Amongst" not in names and not any("]" in n for n in names)
    assert {"Peter Iseley", "Jordan"} <= names


def test_an_office_a_relative_clause_or_a_term_gives_is_its_subjects():
    for text in ("This morning Jacques Chirac, who served as President of France for twelve years, died.",
                 "In 1995, Chirac was elected to his first of two terms as President of France."):
        m = find_mentions(load_article(text=text, date="2019-09-26"))
        assert set(m.loc[m["text"] == "President of France", "actor"]) <= {"Jacques Chirac", "Chirac"}, text


def test_a_predicate_description_is_no_other_actor():
    for text in ("He served, at different times, as the leader of both legislative bodies.",
                 "He remained there for fourteen years, eventually serving as the speaker pro tem of the chamber.",
                 "She resigned to become the United States Secretary of State.",
                 "On Monday, Pranab Mukherjee, a career politician who served as President of India, died."):
        m = find_mentions(load_article(text=text, date="2020-09-01"))
        assert not (m["actor_id"].str.startswith("role:") | m["actor"].isin(
            ["Mike Pompeo", "Ram Nath Kovind"])).any(), text  # fmt: skip
    m = _mentions("Bolton often had disagreements with Mike Pompeo who is the secretary of state.")
    assert set(m.loc[m["text"] == "the secretary of state", "actor"]) == {"Mike Pompeo"}
    m = _mentions("The prime minister said no. A judge agreed.")
    assert {"role:prime_minister", "role:judge"} <= set(m["actor_id"])  # a description that names someone stays


def test_a_description_apposed_to_a_name_is_that_person_even_one_read_as_a_body():
    m = _mentions("The current president of Namibia, Hage Geingob, expressed his sadness at the death.")
    assert set(m.loc[m["text"] == "The current president", "actor"]) == {"Hage Geingob"}
    assert set(m.loc[m["actor"] == "Hage Geingob", "type"]) == {"person"}
    m = _mentions("Speaking to Agence France-Presse, the president of the Tunisian League for the Defence of Human "
                  'Rights, Jamel Msallem, said, "We are for the freedom to dress."')
    assert set(m.loc[m["text"] == "the president", "actor"]) == {"Jamel Msallem"}
    assert "Tunisian League for the Defence of Human Rights" in set(m["actor"])


def test_a_body_named_for_its_purpose_is_one_name():
    names = set(_mentions("The Puerto Rico Center for Investigative Journalism published the chats. He works for "
                          "the Center for Election Science. The Bank for International Settlements agreed.")["actor"])
    assert {"Puerto Rico Center for Investigative Journalism", "Center for Election Science"} <= names
    assert "Puerto Rico Center" not in names


def test_a_double_barrelled_surname_is_one_name_and_a_longer_form_joins_the_short():
    m = _mentions("The news came from his son-in-law, Frédéric Salat-Baroux, on Thursday. Bryant was an All-NBA "
                  "selection and an NBA All-Star.")
    assert "Frédéric Salat-Baroux" in set(m["actor"]) and "Baroux" not in set(m["actor"])
    assert not any(n.endswith("-") for n in m["actor"])
    m = _mentions("Iranian official Mohammad Mir-Mohammadi dies\n\nSeyed Mohammad Mir-Mohammadi, a council member, "
                  "died yesterday. The MV Alan Kurdi docked. Alan Kurdi drowned in 2015. Eddie Van Halen founded "
                  "Van Halen with Alex Van Halen.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["Iranian official Mohammad Mir-Mohammadi"] == ids["Seyed Mohammad Mir-Mohammadi"]
    assert "MV Alan Kurdi" not in ids and ids["Alan Kurdi"] != ids["Alex Van Halen"] != ids["Eddie Van Halen"]
    m = _mentions("Sayyid Ali Hosseini Khamenei, the Supreme Leader of Iran, ordered mourning. Khamenei said so.")
    assert set(m["actor"]) == {"Ali Khamenei"}  # an honorific, then the name the gazetteer knows


def test_an_occupation_before_a_name_makes_a_person_and_is_no_part_of_the_name():
    m = _mentions("Rapper Kanye West ran for president. The next day on Twitter West accused his wife of lying. "
                  "The lawyer who represented porn star Stormy Daniels spoke. Speaking to Reuters, an attendee Om "
                  'Prakash said, "We have been drinking it for years." Signs of a planet around the star AB Aurigae.')
    types = dict(zip(m["actor"], m["type"], strict=False))
    assert set(m.loc[m["text"] == "West", "actor"]) == {"Kanye West"} and "Twitter West" not in types
    assert types["Stormy Daniels"] == types["Om Prakash"] == "person"
    assert types.get("AB Aurigae") != "person"  # a star in the sky, no occupation
    m = _mentions('Voter Kitty Mak told The Atlantic, "It is a protest vote."')
    assert set(m.loc[m["actor"] == "Kitty Mak", "type"]) == {"person"}  # one of a group opening a name: no part


def test_a_short_form_of_words_in_parentheses_is_the_body_and_a_titles_short_form_no_name():
    m = _mentions("Tuition is free at First Moscow State Medical University (First MSMU). First MSMU said it would "
                  "pay. Parrikar mourned a former Deputy Chief Minister (Dy CM) of Goa.")
    ids = dict(zip(m["text"], m["actor_id"], strict=False))
    assert ids["First MSMU"] == ids["First Moscow State Medical University"]
    assert "Dy CM" not in ids


def test_the_title_goes_to_its_bearer_named_last_in_any_form_not_an_incoming_one():
    m = _mentions("US President Donald Trump spoke with Turkish President Recep Tayyip Erdoğan. Trump defended his "
                  'decision. Senator Lindsey Graham said, "I applaud the president for it."')
    assert set(m.loc[m["text"] == "the president", "actor"]) == {"Donald Trump"}
    m = _mentions("US President Donald Trump lost to Joe Biden. Biden, the incoming president, spoke. The president "
                  "did not concede.", date="2020-11-10")
    assert set(m.loc[m["text"] == "The president", "actor"]) == {"Donald Trump"}


def test_a_thing_named_with_its_place_is_no_body():
    m = _mentions("As part of the celebration of 900 years of the Cahors Cathedral in Cahors, France, a relic was "
                  "carried. Munk won the US National Medal of Science. The Bank of England said no.")
    names = set(m["actor"])
    assert not any("Cathedral" in n or "Medal" in n for n in names) and "Bank of England" in names


#: Sentences before a test sentence, so that it reads as part of an article (names given in full first).
_ARTICLE = "The event took place on Friday. Hundreds of people came. The organisers were pleased. "


@pytest.mark.parametrize(
    "text",
    [
        "In addition to the cast of the film, additional On Cinema alumni including Alessandro Serradimigni, Joe "
        "Estevez, and Manuel Giusti were in attendance.",
        "Red Hat even gives the interns laptops with Fedora on it.",
    ],
)
def test_an_ordinary_word_the_recogniser_calls_a_person_is_no_actor(text):
    m = _mentions(_ARTICLE + text)
    assert not ({"Cinema", "Fedora"} & set(m["text"]))


def test_an_ordinary_word_named_as_a_source_is_an_outlet_and_no_he_or_she():
    m = _mentions(_ARTICLE + "In an interview with Dawn, she said she was forced into the marriage. "
                  "Thunberg led, according to Time, the march.")
    assert set(m.loc[m["text"].isin(["Dawn", "Time"]), "type"]) == {"organisation"}
    assert "Dawn" not in set(m.loc[m["text"] == "she", "actor"])


def test_an_indefinite_title_in_a_stretch_without_a_verb_says_what_someone_was():
    m = _mentions("Manohar Parrikar tweeted he was \"pained to hear about the demise of my dear friend Francis "
                  "D'Souza. A wonderful human being and a leader loved by all. He devoted himself to public "
                  "service.\" A judge ruled against the party on Monday.")
    assert "a leader" not in set(m["text"])
    assert "A judge" in set(m["text"])  # one holder of the title, who acts


def test_a_surname_the_recogniser_calls_a_nationality_is_the_person():
    m = _mentions("Maurizio Cattelan made the toilet. \"At first I thought it was a prank,\" wrote Cattelan, the "
                  "artist, in an e-mail. Magellanic penguins are declining, said Pablo Magellanic.")
    assert set(m.loc[m["text"] == "Cattelan", "actor"]) == {"Maurizio Cattelan"}


def test_a_he_or_she_after_the_sentence_names_nobody_leans_to_the_person_the_article_is_about():
    text = ("US singer and actor Doris Day died on Monday at her home in Carmel Valley, California. Day made many "
            "studio albums. Day's animal foundation said she had been in excellent health. Fashion designer Mary "
            "Quant described Day to the BBC in 2002: \"Doris Day was America.\" Day was born Doris Mary Ann "
            "Kappelhoff in Cincinnati, Ohio in 1922. The daughter of a music teacher, she had early planned on a "
            "dancing career. Mary Quant said she was the girl next door.")
    m = _mentions(text)
    she = m[(m["text"] == "she") & (m["start"] > text.index("The daughter"))]
    assert she["actor"].tolist() == ["Doris Day", "Mary Quant"]  # (in its own sentence, the subject there wins)


def test_chess_titles_are_titles_of_a_person_and_no_body():
    m = _mentions("Iranian International Master Dorsa Derakhshani discusses her chess career. Derakhshani became "
                  "an International Master in 2015. Two Grand Masters coached her.")
    actors = set(m.loc[m["role"] == "actor", "actor"])
    assert "Dorsa Derakhshani" in actors
    assert not {"International Master", "Grand Masters", "Master Dorsa Derakhshani"} & actors


def test_a_they_after_a_plural_noun_subject_in_its_sentence_is_left_unlinked():
    m = _mentions("The Florida Museum of Natural History led the study. Paluh said, \"Superficially, frogs may look "
                  "similar, but when you look at their skulls, you see drastic differences.\" The Florida Museum "
                  "of Natural History said their collection grew.")
    assert m.loc[m["text"] == "their", "actor"].tolist() == ["Florida Museum of Natural History"]  # not the frogs'


def test_a_given_name_often_borne_as_a_surname_gives_no_gender_alone():
    m = _mentions("Warren also spoke about racial justice and her proposition to build three million homes.")
    assert m.loc[m["text"] == "her", "actor"].tolist() == ["Warren"]
    m = _mentions("Warren Buffett spoke about his plan.")  # with a surname after it, the given name's gender
    assert set(m.loc[m["text"] == "Warren Buffett", "gender"]) == {"male"}
    m = _mentions("Prince Harry said on Tuesday that Ann had urged him not to go.")  # a given name alone keeps it
    assert set(m.loc[m["text"] == "Ann", "gender"]) == {"female"}


def test_a_subject_pronoun_in_a_question_is_the_one_asked():
    m = _mentions("In the interview, Sarah Levi asked Monica Lewinsky if she still expected an apology.")
    assert m.loc[m["text"] == "she", "actor"].tolist() == ["Monica Lewinsky"]  # not the asker, the subject
    m = _mentions("John Smith asked Senator Joe Manchin whether he would run.")
    assert m.loc[m["text"] == "he", "actor"].tolist() == ["Joe Manchin"]


def test_an_editors_brackets_are_no_part_of_a_name():
    m = _mentions("\"He was helped by the other two: [Augustine Triumph] Attah did part of the animal groups,\" "
                  "Kelly said.")
    assert "Augustine Triumph Attah" in set(actor_table(m)["actor"])



def test_a_possessive_in_a_relative_clause_on_coordinated_nouns_is_none_of_them():
    m = _mentions("Recep Tayyip Erdogan pledged converting Hagia Sophia to a mosque. He announced this change on "
                  "Wednesday, despite criticism by the Greek foreign minister and United Nations Educational, "
                  "Scientific and Cultural Organization (UNESCO) who questioned his authority to make the change.")
    assert m.loc[m["text"] == "his", "actor_id"].tolist() == ["recep_tayyip_erdogan"]


def test_a_surname_the_article_gives_another_person_is_not_the_gazetteers_namesake():
    m = _mentions("President Trump sued Manhattan District Attorney Cyrus R. Vance, Jr. and his own tax preparer. "
                  "District Attorney Vance's office said Vance would appeal.")
    assert set(actor_table(m)["actor"]) == {"Donald Trump", "Cyrus R. Vance"}  # no JD Vance, no "Jr." person
    assert m.loc[m["text"] == "his", "actor"].tolist() == ["Donald Trump"]
    m = _mentions("Harris was born in Oakland to a Jamaican-born father, Donald J. Harris. Senator Kamala Harris spoke.")
    assert "Donald J. Harris" in set(actor_table(m)["actor"])  # a middle initial: his own given name
    m = _mentions("Senator Lindsey Graham said, \"Nothing is better for ISIS than [Bashir al] Assad.\"")
    assert "bashar_al_assad" in set(m["actor_id"])  # a name spelt otherwise is the same person



@pytest.mark.parametrize(
    ("text", "word", "role"),
    [
        ("Sirhan Sirhan, an ethnic Palestinian from Jordan, opposed the plan.", "Palestinian", "modifier"),
        ("Governor Tony Evers, a Democrat, said neither Trump nor Biden should come.", "Democrat", "modifier"),
        ("Data came from the towns of Beni, Butembo, Mangina, and Katwa in the Congo.", "Katwa", "place"),
        ("The party held primaries in the US states of Idaho, Michigan, and Washington.", "Washington", "place"),
    ],
)
def test_what_a_named_person_is_and_listed_places(text, word, role):
    assert _roles(text)[word] == role


def test_an_acronym_spelt_out_in_lower_case_words_names_a_thing():
    m = _mentions("Stallman has been critical of DRM (digital rights management) for years. The study showed the "
                  "importance of the anterior cingulate cortex (ACC) region. The scientists deactivated the ACC.")
    assert not {"DRM", "ACC"} & set(m["text"])
    m = _mentions("The African National Congress (ANC) met. The ANC said no.")
    assert "ANC" in set(m["text"])



def test_titles_joined_by_or_name_no_one():
    m = _mentions("The Prime Minister is appointed by the King or Queen, currently Queen Elizabeth II.")
    assert "role:king" not in set(m["actor_id"])
    m = _mentions("The Speaker assumes the presidency if the President and Vice President are both killed or "
                  "incapacitated.")
    assert "the President" in set(m["text"])


def test_a_name_before_a_province_is_a_town():
    m = _mentions("The event raised money for Pet Patrol, a rescue organization in Kitchener-Waterloo, Ontario.")
    assert set(m.loc[m["text"] == "Kitchener-Waterloo", "role"]) == {"place"}


def test_an_interjection_is_no_name():
    m = _mentions("((Anthony Boccaletti))  Uhh... [laughs] because it's fun. Umm, I think so.")
    assert not {"Uhh", "Umm"} & set(m["text"])


def test_a_given_name_in_apposition_to_a_person_noun_is_a_person():
    m = _mentions("President Trump himself, his wife Melania, and son Barron all tested positive for the virus.")
    assert set(m.loc[m["text"] == "Melania", "type"]) == {"person"}



def test_a_they_after_a_collective_noun_subject_is_left_unlinked():
    m = _mentions("The event raised money for Pet Patrol, a rescue organization. The furry community is well-known "
                  "for their charitable efforts.")
    assert "their" not in set(m["text"])


def test_a_given_name_read_as_a_place_is_the_one_person_it_opens():
    m = _mentions("The party nominated Rocky De La Fuente for president. Many will vote for Rocky because of "
                  "his name.")
    assert set(m.loc[m["text"] == "Rocky", "actor"]) == {"Rocky De La Fuente"}
    m = _mentions("Florence Welch sang on Monday. Fans travelled from Florence to see her.")
    assert "Florence Welch" not in set(m.loc[m["text"] == "Florence", "actor"])  # a place where it is one


def test_a_name_with_a_body_word_after_it_is_that_body_wherever_it_stands():
    m = _mentions(  # Wikinews, "Greta Thunberg named Time Person of the Year" (CC BY 2.5)
        "On Wednesday, Time magazine announced its selection of climate change activist Greta Thunberg as their 2019 "
        "\"Person of the Year\". The sixteen-year-old Swede is currently the youngest recipient of the 92-year-old "
        "award. Thunberg received the award, with which Time credits an individual as having done \"for better or "
        "for worse [...] the most to influence the events of the year\", for her work drawing attention to the issue "
        "of climate change.\n\n\nThunberg then led, according to Time, the largest climate change demonstration "
        "ever held to date, on September 20 of this year. An estimated four million people overall took part in the "
        "protests. This included marches of 250 thousand protesters in New York City, 100 thousand in London, and "
        "1.4 million in cities throughout Germany. Time reported some were using the slogan \"Make the World Greta "
        "Again\".")
    assert set(m.loc[m["text"] == "Time", "type"]) == {"organisation"}


@pytest.mark.parametrize(
    ("text", "names", "not_names"),
    [
        ("Co-lead author Sam Wilson of the Center said so. The study's lead authors, Wilson of C-MORE and Nick "
         "Hawco of USC, had hypothesized it.", {"Sam Wilson"}, {"Wilson of C-MORE"}),
        ("((WN))  What does Melbourne lack under Sally Capp's Mayorship which you plan on improving?",
         {"Sally Capp"}, {"Sally Capp's Mayorship"}),
        ("He claims the founders feared a German Prince would establish Germanic hegemony of the new nation.",
         set(), {"Germanic"}),
    ],
)
def test_names_cut_from_what_surrounds_them(text, names, not_names):
    actors = set(actor_table(_mentions(text))["actor"])
    assert names <= actors and not (not_names & actors)



def test_a_they_after_a_plural_noun_naming_people_is_left_unlinked():
    m = _mentions("Wikinews had gotten in touch with ex-Muslim Zara Kay to discuss the struggles an ex-Muslim woman "
                  "faces, as well as her organisation: Faithless Hijabi. Faithless Hijabi is an organisation which "
                  "helps other ex-Muslim women by sharing their stories and experiences.")
    assert "their" not in set(m["text"])  # the women's, not the organisation's
    m = _mentions("A school bus hit a bridge. Police said they are working with the council to support the students "
                  "and their parents.")
    assert m.loc[m["text"] == "their", "actor"].tolist() == ["Students"]


def test_an_occupation_opening_a_name_is_no_part_of_it():
    m = _mentions("Podcaster Spike Cohen received the vice presidential nomination. Cohen spoke to Wikinews in June.")
    assert "Spike Cohen" in set(actor_table(m)["actor"])


def test_a_given_name_and_surname_that_speak_are_a_person_though_read_as_a_body():
    m = _mentions("Dominic Hare said the toilet represented a comment on the American dream. Marine Traffic "
                  "reported it.")
    assert set(m.loc[m["text"] == "Dominic Hare", "type"]) == {"person"}
    assert set(m.loc[m["text"] == "Marine Traffic", "type"]) == {"organisation"}  # "marine": an English word


def test_a_possessive_in_a_participle_on_a_name_is_that_person():
    m = _mentions("US theoretical astrophysicist David Spergel tweeted that Conway was a warm and gentle soul. "
                  "Independent filmmaker and journalist Brady Haran, known for his educational YouTube channel "
                  "Numberphile, posted a podcast dedicated to Conway.")
    assert m.loc[m["text"] == "his", "actor"].tolist() == ["Brady Haran"]


def test_a_they_opening_a_sentence_after_a_plural_subject_is_left_unlinked():
    m = _mentions("NASA launched the telescope in 1990. Researchers used data from NASA's Hubble telescope to assess "
                  "the light. They found that certain wavelengths were absorbed by water.")
    assert "They" not in set(m["text"])  # the researchers, not NASA
    m = _mentions("NASA launched the telescope in 1990. The agency said on Monday that it works. They found water.")
    assert m.loc[m["text"] == "They", "actor_id"].tolist() != []  # no plural subject before: linked as before


def test_two_bodies_the_recogniser_joined_at_for_the_stay_two():
    m = _mentions("In 1962, when fellow drummer Charlie Watts was leaving Blues Incorporated for The Rolling Stones, "
                  "Watts recommended Baker. Ciao.")
    assert "Blues Incorporated" in set(m["actor"])
    assert not {"Blues Incorporated for The Rolling Stones", "Ciao"} & set(m["actor"])


def test_a_persons_possessive_opening_a_bodys_name_is_the_person_and_the_body():
    m = _mentions("Donald Trump spoke on Monday. Although Trump's State Department asked for restraint, Joe Biden "
                  "called for action. The Alachua Sheriff's Office tweeted a response.")
    actors = set(actor_table(m)["actor"])
    assert "United States Department of State" in actors and "Trump's State Department" not in actors
    assert "Alachua Sheriff's Office" in actors  # a name that holds a possessive keeps it


def test_a_disease_is_no_actor():
    m = _mentions("Ebola and HIV have R0 values of about 2. Ebola killed 11,000 people in West Africa.")
    assert not m["text"].str.contains("Ebola").any()


def test_a_subject_pronoun_goes_to_the_subject_of_the_clause_above_it():
    # not the main clause's speaker: the person the clause the pronoun sits in is about
    for text, name in (("Mayor Tom Reed said on Sunday that Mr. Kline had not given any sign of the attack he is "
                        "accused of planning.", "Kline"),
                       ("Judge Tom Lee said reports that Mr. Grant hid funds when he was mayor were false.", "Grant"),
                       ("Senator Tom Cole asked Mr. Grant what he would do if he learned of the plan.", "Grant")):
        m = _mentions(text)
        assert set(m.loc[m["text"] == "he", "actor"]) == {name}, text


def test_a_census_given_name_hints_at_a_gender_but_never_bars_a_pronoun():
    info = {"a": ("Pam Shriver", "person", ""), "b": ("Ginger Baker", "person", ""), "c": ("Tom Lee", "person", ""),
            "d": ("Pam", "person", ""), "e": ("Rocky Linux", "organisation", "")}
    # Tom is in first_names.csv (it decides); a lone word or a body gets no hint
    assert _census_hints(info, {}, load_lexicon()) == {"a": "female", "b": "female"}
    m = _mentions("Drummer Ginger Baker died on Sunday. He was 80.")  # a woman's name in the Census lists
    assert set(m.loc[m["text"] == "He", "actor"]) == {"Ginger Baker"}


def test_a_surname_the_tagger_misread_as_a_common_word_is_its_person_as_a_subject():
    for text in ("Lyricist Robert Hunter died on Monday. Hunter composed lyrics for several songs.",
                 "Sen. Al Franken will resign. Franken  has apologized for his behavior."):  # (VBN before "  ")
        m = _mentions(text)
        assert len(m[m["text"].isin(["Hunter", "Franken"])]) == 1 and m["actor"].nunique() == 1, text


def test_a_name_in_the_province_of_a_place_is_a_town_and_a_primary_is_no_actor():
    found = _found("At least two towns, including Makilala in the province of North Cotabato, declared a state of "
                   "calamity. John Smith in the state of Texas said no. Despite winning the AIP California "
                   "Presidential Primary in March, Collins lost.")
    assert "Makilala" not in found and found.get("John Smith") == "person"
    assert not any("Primary" in name for name in found)


def test_a_word_that_says_he_is_a_person():
    m = _mentions("Conyers said he wasn't looking for any specific changes from the president.")
    assert set(m.loc[m["text"].isin(["Conyers", "he"]), "actor"]) == {"Conyers"}
    assert set(m.loc[m["text"] == "Conyers", "type"]) == {"person"}


def test_a_plural_pronoun_whose_own_clause_is_about_an_unnamed_plural_is_left_unlinked():
    m = _mentions("The CentOS Project changed its plans. It requires sysadmins to evaluate the new information and "
                  "adjust their workflows. Former inmates were offered help by the Florida Rights Council to regain "
                  "their ability to vote.")
    assert "their" not in set(m["text"])
    m = _mentions("The Coast Guard searched the area. The Coast Guard said their casualties were attending mass.")
    assert set(m.loc[m["text"] == "their", "actor"]) == {"Coast Guard"}  # inside the subject: still the body


def test_its_after_a_thing_and_and_is_that_things():
    m = _mentions("The U.S. Constitution Party nominated him. Blankenship discussed his background, the COVID-19 "
                  "pandemic and its effect on his campaign.")
    assert "its" not in set(m["text"])
    m = _mentions("All Melbournians will have their opportunity to submit their issues and their suggestions.")
    assert len(m[m["text"] == "their"]) in (0, 3)  # a repeated possessive is not the noun's own


def test_a_name_after_nominee_is_a_person():
    found = _found("In 2016, the party's presidential nominee Darrell Castle received 203,091 votes.")
    assert found.get("Darrell Castle") == "person"


def test_a_name_with_a_person_noun_in_apposition_is_a_person():
    found = _found("Tomasz Kubiak, a fire service spokesman, told Agence France-Presse the victim is in intensive "
                   "care.")
    assert found.get("Tomasz Kubiak") == "person"


def test_names_listed_after_a_plural_person_noun_are_people():
    """"visual artists Moth Monarch and Cat-Monk Shiro": the recogniser made the second a body, and the first,
    ordinary words ending in a title, was dropped as a title; "children Brodie and Nolan" likewise."""
    found = _found("The event's featured guests were visual artists Moth Monarch and Cat-Monk Shiro, as well as "
                   "two volunteers.")
    assert found.get("Moth Monarch") == "person" and found.get("Cat-Monk Shiro") == "person"
    assert _found("The Queen Mother opened the hall.").get("Queen Mother") != "person"


def test_a_given_name_inside_a_body_name_starts_no_person():
    """"Saint Louis University": "Louis" is a given name, but a body's word ends the name (was "Louis
    University")."""
    assert _found("I talked to two universities: Saint Louis University [SLU] and UTT.") == {
        "Saint Louis University": "organisation"}


def test_the_uk_parties_are_known_and_a_description_takes_the_body_apposed_to_it():
    """"Labour" alone and "Liberal Democrats" opening a sentence are the UK parties (the gazetteer knows them where
    the article names the UK), "the second largest party, Labour," is Labour, and "the party" after "The Labour
    Party's leader" in the same sentence is Labour, not the party named most so far."""
    m = _mentions("The Conservative Party won a majority in the United Kingdom. The Conservative Party gained 66 "
                  "seats, while the second largest party, Labour, lost 42. Liberal Democrats are to find a new "
                  "leader. The Labour Party's leader, Jeremy Corbyn, said he will not seek the party's leadership.")
    assert _texts(m, "GBR_LAB") == ["the second largest party", "Labour", "Labour Party", "the party"]
    assert _texts(m, "GBR_LD") == ["Liberal Democrats"]
    # without the UK, another country's party of that name is the article's own
    m = _mentions("In New Zealand, the Labour Party led by Jacinda Ardern won. Labour took 65 seats.")
    assert "GBR_LAB" not in set(m["actor_id"])


def test_the_body_a_description_takes_up_is_a_subject_before_a_name_in_a_phrase():
    """"the Republican Party, but grew disillusioned with the party": the one named in the sentence; "founded the
    Unity Party with supporters of X's campaign for the Democratic Party's nomination. The party ...": the
    object before a name deep in a phrase."""
    m = _mentions("Hammons founded the Unity Party in 2004 with supporters of Wesley Clark's campaign for the "
                  "Democratic Party's presidential nomination. The party, which describes itself as centrist, "
                  "advocates a balanced budget.")
    described = m[m["text"] == "The party"]
    assert len(described) == 1 and described["actor"].iloc[0] == "Unity Party"
    m = _mentions("The American Solidarity Party nominated Carroll. The American Solidarity Party chose Patel. Patel "
                  "was involved with the Republican Party, but grew disillusioned with the party over the war.")
    assert list(m.loc[m["text"] == "the party", "actor"]) == ["Republican Party"]


def test_a_title_misspelt_by_one_letter_and_a_whip_are_titles():
    """"Senate Minority Whip Dick Durbin" and "Represenative Adam Schiff" (a typo in a real article): the
    persons, not names glued to their titles."""
    m = _mentions("Senate Minority Whip Dick Durbin and Represenative Adam Schiff both questioned the plan.")
    assert set(m.loc[m["role"] == "actor", "actor"]) == {"Dick Durbin", "Adam Schiff"}


def test_inside_a_quotation_the_topic_of_the_article_is_not_lost_to_the_subject_before():
    """Trump, named three times, against Schiff, the subject of the sentence before: Durbin's "he" is not
    given to Schiff (left unlinked rather than guessed)."""
    m = _mentions('President Donald Trump said he may declare an emergency. Trump insists on funding for the wall. '
                  'Trump said he would wait for years. Senate Minority Whip Dick Durbin and Representative Adam '
                  'Schiff questioned the President\'s power. Schiff called it "a non-starter". Durbin said "I '
                  'don\'t know what he\'s basing this on."')
    assert "he" not in _texts(m, "new:adam-schiff")


def test_places_listed_after_a_plural_place_noun_are_places():
    """"Listed US states ... were: Alabama, Arkansas, California": examples of a kind of place, every one of
    them (the parser hangs the first on "states" and the rest on it), not actors; a person run into such a list
    by the parser stays a person."""
    m = _mentions("Listed US states as having members from the site were: Alabama, Arkansas, California, "
                  "Connecticut, Florida, Georgia, Kansas, Louisiana, Maryland, Massachusetts, Nebraska, New Jersey, "
                  "New York, North Carolina, Ohio, Oregon, Pennsylvania, Rhode Island, South Carolina, Texas, Utah, "
                  "Virginia, Washington and Washington, D.C. They also stated arrests were made in Australia, "
                  "Brazil, Canada, the Czech Republic, Germany, Ireland and the United Kingdom.")
    states = m[m["text"].isin(["Alabama", "Arkansas", "Massachusetts", "Ohio"])]
    assert len(states) == 4 and set(states["role"]) == {"place"}


def test_a_hyphened_surname_read_as_a_building_is_the_person_and_a_name_glued_before_a_hyphen_is_no_antecedent():
    """"Mir-Mohammadi served as ..." (FAC to the small model in the article) is Seyed Mohammad Mir-Mohammadi;
    "the Masih-e-Daneshavari hospital" names nobody a "He" can stand for."""
    text = ("Iranian government official Mohammad Mir-Mohammadi dies of COVID-19\n\nSeyed Mohammad Mir-Mohammadi, a "
            "council member of Iranian Expediency Discernment Council, died of COVID-19, the government announced "
            "yesterday.  Mir-Mohammadi was 71 years old.  According to the report by Tasnim News Agency, he died at "
            "the Masih-e-Daneshavari hospital in the capital city Tehran.\n\n\nMir-Mohammadi served as one of the "
            "advisors of the Supreme Leader of the Islamic Republic of Iran.  He had served Iran's Supreme Leader Ali "
            "Khamenei in that capacity since 2017.")
    m = _mentions(text)
    assert m.loc[m["text"] == "Mir-Mohammadi", "actor"].tolist() == ["Mohammad Mir-Mohammadi"] * 2
    assert m.loc[m["text"] == "He", "actor"].tolist() == ["Mohammad Mir-Mohammadi"]


def test_the_attacker_is_the_one_person_named_or_charged_as_such():
    """"The attacker, identified as Sudesh Amman," and "identified the suspect as Patrick Crusius ... the
    gunman": the named person, every singular culprit noun; "Brenton Tarrant appeared in court, charged with
    murder ... The attacker": the one person charged; with nobody named or charged it stays a group."""
    m = _mentions("Police shot a man in Streatham. The attacker, identified as Sudesh Amman, 20, had been released "
                  "from prison.")
    assert m.loc[m["text"] == "attacker", "actor"].tolist() == ["Sudesh Amman"]
    m = _mentions("The suspected gunman surrendered to police. U.S. officials identified the suspect as 21-year-old "
                  "Patrick Crusius of Allen, Texas. Mexico would seek to extradite the gunman.")
    assert set(m.loc[m["text"].isin(["suspected gunman", "suspect", "gunman"]), "actor"]) == {"Patrick Crusius"}
    m = _mentions("An Australian, Brenton Tarrant, aged 28, appeared in court yesterday, charged with one count of "
                  "murder. A professor said 'The attacker was using a couple of guns.'")
    assert m.loc[m["text"] == "attacker", "actor"].tolist() == ["Brenton Tarrant"]
    m = _mentions("John Smith said the attacker fled. Police are looking for the attacker.")
    assert set(m.loc[m["text"] == "attacker", "type"]) == {"group"}


def test_names_of_works_awards_and_events_are_no_actors():
    """A film named in apposition to "film", an award a person "was named", a song listed with a song, and a
    "graduation party" the recogniser read as a body are no actors; "the party" then finds no body either."""
    found = _found('Winch said he was named Best Actor at one of those events. The result was his recent film, '
                   'Fall of Grace. He wrote songs such as "Dark Star", "Uncle John\'s Band", and "Truckin\'" for the '
                   'band.')
    assert not {"Best Actor", "Fall of Grace", "Truckin"} & set(found)
    found = _found("Four teenagers were shot at a Pennsylvania graduation party. Police said a hundred people "
                   "attended the party.")
    assert found == {"Police": "organisation"}
    # the name of a body that is "called" something stays that body
    found = _found("I went to the organisation which is called SAMPAD, and SAMPAD helped me.")
    assert found.get("SAMPAD") == "organisation"


def test_a_troupe_is_a_body_and_a_titled_camel_case_name_a_person():
    """"Belly dancing troupe Tribal Evolution performed" (a person to the small model) is a body; "Mr.
    CreepyPasta" is a person with a stage name, though a capital inside a word usually marks a company."""
    found = _found("Belly dancing troupe Tribal Evolution performed on Saturday. YouTube personality Mr. CreepyPasta "
                   "did a reading of scary stories.")
    assert found == {"Tribal Evolution": "organisation", "Mr. CreepyPasta": "person"}


def test_a_capital_after_of_on_a_common_noun_is_the_city():
    """"the relic of Jerusalem", "the mayor of London" name the city, not the state the capital can stand for;
    "the decision of Moscow" and "on behalf of the White House" are the state's."""
    m = _mentions("Charlemagne brought back the relic of Jerusalem. The mayor of London spoke. The decision of Moscow "
                  "angered Kyiv. Kushner, on behalf of the White House, helped broker a deal.")
    roles = dict(zip(m["text"], m["role"], strict=True))
    assert roles["Jerusalem"] == "place" and roles["London"] == "place"
    assert roles["Moscow"] == "actor" and roles["the White House"] == "actor"


def test_a_name_listed_with_places_is_a_place_and_an_unknown_place_that_says_is_a_person():
    """"in Saqqara and Tuna el-Gebel" (a person to the small model) is a place like the one it is listed with,
    but "in Pakistan, Mohammed Waseem, brother of ..." has no "and" and stays the person; "Wasif suggested,
    "..."" (a place to the small model) says something, so is a person."""
    text = ("Millions of mummified ibis birds have been found in Egyptian tombs and catacombs in Saqqara and Tuna "
            "el-Gebel, and Egyptologists have reported they were sacrificed. Wasif suggested, in likelihood, \"next "
            "to each temple there was like a lake.\" On Friday in Pakistan, Mohammed Waseem, brother of Qandeel "
            "Baloch, was sentenced.")
    m = _mentions(text + _PAD)
    roles = {(r.text, r.type, r.role) for r in m.itertuples()}
    assert ("Tuna el-Gebel", "place", "place") in roles
    assert ("Wasif", "person", "actor") in roles
    assert ("Mohammed Waseem", "person", "actor") in roles


def test_a_country_glued_to_a_currency_sign_is_no_mention():
    """"US$22,900" is an amount in the country's currency (GUIDELINES: "US$100" is no actor); "The US" is."""
    m = _mentions("They are to pay €20,000 (£17,500; US$22,900) in compensation. The US said no.")
    assert m["text"].tolist() == ["US"] and m["start"].tolist() == [66]


def test_a_name_apposed_to_a_kind_of_thing_is_that_thing():
    """"One antibody cocktail, ZMapp, ... ZMapp served as a control" and "Airfleets, a database detailing the
    aircraft, states": a medicine and a database, no actors (``thing_kind`` in actor_cues.csv); a company
    apposed to a word that is no kind of thing stays ("Boeing, the planemaker, said")."""
    found = _found("One antibody cocktail, ZMapp, initially showed promise. In the trial, ZMapp served as a control. "
                   "Airfleets, a database detailing the aircraft, states the aircraft uses the A300. Boeing, the "
                   "planemaker, said no.")
    assert found == {"Boeing": "organisation"}


def test_hashtags_are_no_actors_and_a_couple_shares_the_surname_named_once():
    """"the hashtags #MAGA and ..." and "#WrongTrump went viral" are slogans; "Richard and Lisa Parry" are Richard
    Parry and Lisa Parry (not "The Bernie and Sid Show": a show)."""
    m = _mentions("His bio includes the hashtags #MAGA and #TRUMP2020. The hashtag #WrongTrump went viral. A couple "
                  "from Florida, Richard and Lisa Parry, made a drive. The Bernie and Sid Show replaced Imus in the "
                  "Morning." + _PAD)
    names = set(m.loc[m["role"] == "actor", "actor"])
    assert {"Richard Parry", "Lisa Parry"} <= names
    assert not {"MAGA", "WrongTrump", "Sid Show", "Bernie Show"} & names
    m = _mentions("Officials are asking Prince Harry and Meghan Markle not to snub the visit.")
    assert "Harry Markle" not in set(m["actor"])  # a titled given name is no couple's


def test_a_storm_named_alone_and_a_geological_fault_are_no_actors():
    """"Hurricane Dorian ... Dorian made its initial landfall" (the recogniser leaves the second one unlabelled)
    and "the western extension of Mindanao Fault", "the nearby Cotabato Trench"."""
    found = _found("As the cyclone known as Hurricane Dorian finally cleared the Bahamas yesterday, damage began to "
                   "emerge. Dorian made its initial landfall as a Category 5 hurricane on Sunday. The western extension "
                   "of Mindanao Fault makes the province seismically active, while the nearby Cotabato Trench "
                   "contributes to earthquakes.")
    assert not {"Dorian", "Hurricane Dorian", "Mindanao Fault", "Cotabato Trench"} & set(found)


def test_a_city_named_after_city_of_is_a_place_though_its_country_follows():
    """"the west coast city of Izmir, Turkey": Izmir is a city wherever it stands ("streets of Samos and Izmir";
    a person to the small model), though its country follows it in apposition."""
    m = _mentions("Turkish government stops search of survivors of Aegean Sea earthquake off Izmir\n\nThe disaster "
                  "caused buildings in the west coast city of Izmir, Turkey, to collapse. The earthquake flooded some "
                  "streets of Samos and Izmir.")
    assert set(m.loc[m["text"] == "Izmir", "role"]) == {"place"}


def test_the_company_is_the_one_firm_just_named():
    """"PG&E ... The company said" and "Boeing did not ..., telling Wikinews the company ..." take up the one
    company named in their sentence or the two before; a government body is no company ("CalFire requested
    ... The company"), and "in the company of a young actress" names no firm."""
    m = _mentions("A helicopter under contract to Pacific Gas and Electric (PG&E) crashed. The California Department "
                  "of Forestry and Fire Protection (CalFire) said acres burned. CalFire requested power line "
                  "de-energisation. The three deceased were reportedly PG&E contract employees. The company said "
                  "power was restored.")
    assert m.loc[m["text"] == "The company", "actor"].tolist() == ["Pacific Gas and Electric"]
    m = _mentions("Boeing did not release any specific information, telling Wikinews the company extends its "
                  "condolences.")
    assert m.loc[m["text"] == "the company", "actor"].tolist() == ["Boeing"]
    m = _mentions("Twitter suspended the account. A camera records Giuliani in the company of a young actress.")
    assert "the company" not in set(m["text"])
    m = _mentions("The California Department of Forestry and Fire Protection said several acres burned. The company "
                  "said power was restored.")
    assert "The company" not in set(m["text"])


def test_post_nominal_letters_and_honorable_are_no_part_of_a_name():
    """"Prosecutor Kama Melly QC said" is the person Kama Melly (a body to the small model), "the Honorable Pedro
    R. Pierluisi Urrutia" is Pedro R. Pierluisi Urrutia; a she after an unnamed victim's "her" in the sentence
    before is that victim, not the prosecutor whose sex the text does not give."""
    m = _mentions("Prosecutor Kama Melly QC said the victims were vulnerable. One of the victims decided to allow her "
                  "name to be made public. She said she did this to show victims there is nothing to be ashamed of. "
                  "The oath of office as governor of the Honorable Pedro R. Pierluisi Urrutia is unconstitutional.")
    people = dict(zip(m["text"], m["actor"], strict=False))
    assert people["Prosecutor Kama Melly QC"] == "Kama Melly"
    assert people["Honorable Pedro R. Pierluisi Urrutia"] == "Pedro R. Pierluisi Urrutia"
    assert set(m.loc[m["text"].isin(["She", "she"]), "role"]) == {"unnamed"}


def test_the_defendant_is_the_person_on_trial_and_the_authorities_are_the_polity_named_so_far():
    """"Rittenhouse was charged with homicide. His lawyers have claimed the defendant acted in self defense":
    Rittenhouse. "discovered dead in Queens, New York ... his coworkers alerted the authorities" is New
    York's, not the United Kingdom that "Cipriani's London restaurant" names twice further on."""
    m = _mentions("Kyle Rittenhouse, the suspect in a shooting of protesters, was released from jail. Rittenhouse was "
                  "charged with homicide. His lawyers have claimed the defendant acted in self defense.")
    assert m.loc[m["text"] == "defendant", "actor"].tolist() == ["Kyle Rittenhouse"]
    m = _mentions("Andrea Zamperoni was discovered dead in Queens, New York, according to police. When he didn't come "
                  "to work, his coworkers alerted the authorities. He had worked at Cipriani's London restaurant. His "
                  "brother is a chef at the London location now.")
    assert m.loc[m["text"] == "the authorities", "actor"].tolist() == ["New York government"]


def test_towns_listed_after_from_are_places_and_a_common_word_in_capitals_is_no_person():
    """"appliances from Dolgellau, Harlech, Barmouth, Bala, and Blaenau Ffestiniog" (bodies and people to the
    small model) are towns, but "A couple from Florida, Richard and Lisa Parry," are people; "the two major
    parties (LEFT and RIGHT)" names no person."""
    found = _found("Resources sent included appliances from Dolgellau, Harlech, Barmouth, Bala, and Blaenau "
                   "Ffestiniog according to a fire service statement. A couple from Florida, Richard and Lisa Parry, "
                   "made a 14-hour drive. Australians have become more cynical about the two major parties (LEFT and "
                   "RIGHT).")
    assert not {"Harlech", "Barmouth", "Bala", "Blaenau Ffestiniog", "LEFT"} & set(found)
    assert found.get("Richard") == "person" and found.get("Lisa Parry") == "person"


def test_a_plural_noun_opening_a_quotation_takes_its_they():
    """"told reporters “Women in France who have been raped don't have to justify their private life”": the
    tagger reads the capitalised "Women" as a proper noun; "their" is the women's, not the reporters'."""
    m = _mentions('Sophie Obadia, another lawyer for the victim, told reporters "Women in France who have been raped '
                  'don\'t have to justify their private life."')
    assert "their" not in set(m["text"])


def test_a_name_before_a_coach_and_a_person_is_a_team():
    """"Wynnum coach Matt Myers": Wynnum is a rugby team, also where the recogniser read it as a person
    ("Caloundra defeated Wynnum"); a player's surname before "coach" stays the player."""
    text = ('Caloundra defeated Wynnum 45 points to 24 on Saturday. "We were able to turn the momentum around '
            'after their first two tries", Wynnum coach Matt Myers said.')
    m = _mentions(text)
    assert set(m.loc[m["text"] == "Wynnum", "type"]) == {"organisation"}
    more = text + (' Caloundra opened the game with two tries before Wynnum hit back with a couple of tries of their '
                   'own. "We were able to turn the momentum around after their first two", Myers said.')
    later = _mentions(more)
    pron = later[later["resolved_by"] == "pronoun"]
    linked = dict(zip(pron["start"], pron["actor"], strict=True))
    assert linked.get(more.index("their own")) == "Wynnum"
    assert linked.get(more.rindex("their first")) != "Wynnum"  # in the coach's quotation: the other side (Wikinews)
    found = _found("Roger Federer won the final on Sunday. Federer coach Ivan Ljubicic was pleased.")
    assert found.get("Roger Federer") == "person" and "organisation" not in found.values()


def test_the_state_of_a_party_tag_is_a_place():
    """"Bob Corker, R-Tenn.", "(D-N.Y.)": where a legislator is from; "Tenn." had been a person actor."""
    m = _mentions("Bob Corker, R-Tenn., and Chuck Schumer (D-N.Y.) denounced the plan, as did Jim Jordan, R-Ohio.")
    tags = m[m["text"].isin(["Tenn.", "N.Y.", "Ohio"])]
    assert len(tags) >= 2 and set(tags["role"]) == {"place"} and "person" not in set(tags["type"])
    text = "Jeff Flake, R-Ariz., met AR-Ohio staff."
    assert party_tagged(text, text.index("Ariz")) and not party_tagged(text, text.index("Ohio"))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("PG&E said it would shut off power to 800,000 customers.", "PG&E"),
        ("Nigeria previously announced it planned to join the trade area.", "Nigeria"),
        ("The ministry said it is unclear whether the talks will resume.", None),  # expletive
        ("Boeing reported it was a disappointing quarter.", None),  # the quarter, not Boeing
        ("Tedros Adhanom Ghebreyesus said the name had to be easy, and it must not cite a place.", None),
    ],
)
def test_it_as_the_subject_of_what_a_body_reports_is_that_body(text, body):
    m = _mentions(text)
    it = m[(m["text"] == "it") & (m["resolved_by"] == "pronoun")]
    assert it["actor"].tolist() == ([body] if body else [])


def test_a_second_speech_pronoun_in_a_sentence_is_its_first_speaker():
    """"He said Zelensky is "a model of honesty for me"; however, "...", he added": the second "he" is the
    first speaker, not the man named in what he said; a verb reported by someone else is no such speaker
    ("Comey testified that Trump asked him ..., but he said he declined")."""
    m = _mentions('Honcharuk filed his resignation. He said Zelensky is "a model of honesty for me"; however, "to '
                  'remove any doubts, I wrote a resignation offer", he added.')
    he = m[m["text"].str.lower().eq("he") & m["resolved_by"].eq("pronoun")]
    assert set(he["actor"]) == {"Oleksiy Honcharuk"}
    m = _mentions("Mr. Comey testified Thursday that President Trump asked him to drop the probe into Michael Flynn, "
                  "but he said he declined to tell the attorney general.")
    he = m[m["text"].eq("he") & m["resolved_by"].eq("pronoun")]
    assert set(he["actor"]) == {"Comey"}


def test_names_listed_after_a_plural_business_noun_are_firms():
    """"store chains Woolworths and Coles": firms, also where the recogniser later reads one as a person
    ("Coles ordered bigger packages"); people after a plural person noun stay people."""
    m = _mentions("Australian store chains Woolworths and Coles lowered their purchase restrictions on Sunday. To "
                  "ease the shortage, Coles ordered bigger packages from suppliers.")
    assert set(m.loc[m["text"].isin(["Woolworths", "Coles"]), "type"]) == {"organisation"}
    assert _found("Rappers Ice Cube and Snoop Dogg performed.").get("Snoop Dogg") != "organisation"


def test_a_body_named_in_plain_words_is_not_made_a_person_by_a_short_form():
    """"software company Red Hat ... Red Hat also sponsors": the recogniser reads the second as a person
    named "Hat"; a name of ordinary words that opens with no given name stays the body it was called."""
    m = _mentions("Last week, US-based software company Red Hat announced plans to shift its focus away from "
                  "CentOS. Red Hat also sponsors the development of the Fedora operating system.")
    named = m[m["resolved_by"] != "pronoun"]
    assert set(named.loc[named["actor"] == "Red Hat", "type"]) == {"organisation"}
    assert "person" not in set(named["type"])


def test_a_name_of_a_few_words_only_after_in_is_a_place():
    """"a military base in Maidan Shahr": a town the recogniser took for a person, named nowhere else; a person
    named elsewhere in the article stays a person after "in"."""
    m = _mentions("A car bomb was rammed into a military base in Maidan Shahr on Monday, officials said.")
    assert set(m.loc[m["text"] == "Maidan Shahr", "role"]) == {"place"}
    m = _mentions("Supporters of Narendra Modi rallied on Monday. Many voters still have faith in Narendra Modi.")
    assert "place" not in set(m.loc[m["text"] == "Narendra Modi", "role"])


def test_a_name_before_a_kind_of_thing_is_that_thing():
    """"the SpaceX Crew Dragon capsule": a spacecraft, also where the recogniser finds only "Dragon" later;
    the company before it stays a company."""
    m = _mentions("On Sunday, the SpaceX Crew Dragon capsule docked with the International Space Station. Crew "
                  "Dragon has enough room for seven people. NASA praised SpaceX on Monday.")
    assert not set(m["text"]) & {"Crew Dragon", "Dragon", "SpaceX Crew Dragon"}
    assert "SpaceX" in set(m["text"])


def test_a_name_the_text_says_is_a_kind_of_thing_is_that_thing():
    """"Minecraft is a commercial game", "a distribution that I founded called CAOS Linux": a game and a
    software distribution, no actors; a name said to be something that is no kind of thing stays ("Boeing is a
    planemaker"), and so does one another clause says is a body ("CentOS is the project"). A word alone that
    opens both the thing's name and a person's is the thing ("Rocky Linux was
    named after Rocky McGaugh ... Rocky is compatible"), and "he" is then the one person left."""
    found = _found("Minecraft is a multi-platform commercial game. Minecraft performs poorly on older computers. "
                   "At the time a Linux distribution that I founded called CAOS Linux was just beginning. "
                   "Boeing is a planemaker. Boeing said no.")
    assert found == {"Boeing": "organisation"}
    m = _mentions("Gregory Kurtzer announced Rocky Linux. Rocky Linux is a community Linux distribution. Kurtzer "
                  "said Rocky Linux was named after Rocky McGaugh. Because Rocky is compatible with CentOS, he said "
                  "users can move.")
    assert "Rocky" not in set(m["text"])
    assert m.loc[m["text"] == "he", "actor"].tolist() == ["Gregory Kurtzer"]
    found = _found("Since 2004, CentOS has been a free software. CentOS is the project. CentOS announced a change.")
    assert found == {"CentOS": "organisation"}  # also said to be a body
    found = _found("CentOS Stream was announced in 2019. CentOS Stream is an upstream distribution. Stream was "
                   "introduced as a way to work together. Pablo Greco said Stream is faster.")
    assert found == {"Pablo Greco": "person"}  # (announced, not announcing; its last word alone too)


def test_a_surname_spelt_one_letter_apart_is_the_same_person():
    """"Hamza bin Laden ... Hamza bin Ladin", "Frido Welker ... Frido Walker": a spelling or a transliteration
    of one person (the given names the same, the surname one letter apart); surnames shorter than four letters
    ("Jo Li", "Jo Lu") stay two people."""
    m = _mentions("Hamza bin Laden was killed in an operation. Officials said Hamza bin Ladin had threatened "
                  "attacks. Frido Welker led the analysis. Frido Walker is the ZooMS expert. Jo Li and Jo Lu met.")
    assert set(m.loc[m["text"].str.startswith("Hamza"), "actor"]) == {"Hamza bin Laden"}
    assert set(m.loc[m["text"].str.startswith("Frido"), "actor"]) == {"Frido Welker"}
    assert {"Jo Li", "Jo Lu"} <= set(m["actor"])


def test_the_party_is_the_latest_party_named_also_by_an_alias():
    """"Liberal Democrats describes itself ... The party has two elected officials": the Liberal Democrats (the
    gazetteer also writes "Liberal Democrat Party"), not the Labor Party named before them; "the group" after
    ISIS is the Islamic State ("Islamic State group")."""
    m = _mentions("There was a swing against the Labor Party in Queensland. Craig Farquharson is running for the "
                  "Liberal Democrats. Liberal Democrats describes itself as standing for liberty. The party has two "
                  "elected officials. The coalition came to fight ISIS after the group took over a third of Iraq.")
    assert m.loc[m["text"] == "The party", "actor"].tolist() == ["Liberal Democrats"]
    assert m.loc[m["text"] == "the group", "actor"].tolist() == ["Islamic State"]


def test_a_quotation_going_on_from_a_named_subject_keeps_its_pronouns():
    """'telling Wikinews the company "extends its profound condolences"': the quotation goes on from a subject
    the narrator names outside it, so its "its" is that subject's (the company, Boeing), though a pronoun
    inside a quotation is otherwise not its speaker ('"He is a good guy," Trump said')."""
    m = _mentions("The Aviation Herald reported the crash on Monday. Boeing did not release any information, telling "
                  "reporters the company \"extends its profound condolences to the families\".")
    assert m.loc[m["text"] == "its", "actor"].tolist() == ["Boeing"]


def test_its_of_a_thing_that_is_its_clauses_subject_is_no_actor():
    """"Dorian made its initial landfall", "The aircraft had a fault in its sensor": the clause's own subject,
    which no mention covers, not the body named before; "the Bahamian government withdrew its warnings" is
    still the government's (a mention in the subject's phrase)."""
    m = _mentions("Hurricane Dorian struck the Bahamas on Sunday. Dorian made its initial landfall in the Abaco "
                  "Islands. Lion Air operated the flight. The aircraft had a fault in its sensor. The Bahamian "
                  "government withdrew its warnings.")
    assert m.loc[m["text"] == "its", "actor"].tolist() == ["Bahamas"]


def test_the_first_half_of_a_things_name_before_and_is_no_actor():
    """"the World Rapid and Blitz Championship": "World Rapid" is half of the championship's name, no body; "The
    Bernie and Sid Show" is a show; a place before "and" stays ("New Orleans and Jefferson Parish officials")."""
    m = _mentions("She won the World Rapid and Blitz Championship in 2019. The Bernie and Sid Show replaced the "
                  "program. New Orleans and Jefferson Parish officials have said they are ready.")
    assert not {"World Rapid", "Bernie"} & set(m["text"])
    assert "New Orleans" in set(m["text"])


def test_one_of_a_group_says_what_someone_is():
    """"Imus was named one of Time's 25 most influential Americans", "he is one of the richest Russians": what
    the person is (role ``modifier``), no act of the group or the state; "One of the Americans was killed" is
    still a member of the group acted on."""
    m = _mentions("Imus was named one of Time's 25 most influential Americans in 1997. He is one of the richest "
                  "Russians. One of the Americans was killed.")
    assert m.loc[m["text"] == "Americans", "role"].tolist() == ["modifier", "actor"]
    assert m.loc[m["text"] == "Russians", "role"].tolist() == ["modifier"]


def test_a_state_after_resident_of_is_a_place():
    """"a legal resident of the United States", "a native of the Netherlands": where someone lives or comes
    from (``dweller_noun`` cues), no act of the state; "The city of Milwaukee reduced" still acts."""
    m = _mentions("He was a legal resident of the United States. Van Halen was a native of the Netherlands. The "
                  "city of Milwaukee reduced the number of polling stations.")
    roles = dict(zip(m["text"], m["role"], strict=True))
    assert roles["United States"] == "place" and roles["the Netherlands"] == "place" and roles["Milwaukee"] == "actor"


def test_titles_and_awards_are_no_bodies():
    """A title after a nationality or for women ("Israeli Grand Master", "Women Candidate Master") is no
    organisation; the end of a title the recogniser took into a name is cut off ("Iranian Grand Master Ehasn
    Ghaem-Maghami": a person); awards ("NBA Finals MVP (Most Valuable Player)") are no actors."""
    found = _found("In 2016, Iranian Grand Master Ehasn Ghaem-Maghami refused to play against an Israeli player. "
                   "Her brother was banned for playing against Israeli Grand Master (GM) Alexander Huzman. I "
                   "started from Women Candidate Master. Bryant became a NBA Finals MVP (Most Valuable Player) "
                   "twice, and 2008 NBA MVP.")
    assert set(found) - {"GM"} == {"Ehasn Ghaem-Maghami", "Alexander Huzman", "Bryant"}  # (the title's
    # acronym "GM" is a known miss)


def test_a_group_noun_from_two_nations_is_two_groups():
    """"many Indian students ... Chinese students reported": two groups, not the first one's name for both;
    the noun alone is then neither."""
    m = _mentions("With so many Indian students in Australia, Melbourne can seize the opportunity. Chinese students "
                  "living in EQ towers reported this. We see collaboration between students.")
    by_text = dict(zip(m["text"], m["actor"], strict=False))
    assert by_text["many Indian students"] == "Indian students"
    assert by_text["Chinese students"] == "Chinese students"
    assert by_text["students"] not in ("Indian students", "Chinese students")
    one = _mentions("Indian students met on Monday. The students said they were worried.")
    assert set(one.loc[one["type"] == "group", "actor"]) == {"Indian students"}


def test_a_person_of_plain_capitalised_words_is_no_person():
    """"Melbourne as Residential Precinct", "High Performance Computing": ordinary words the recogniser read as a
    person's name are no actor; names listed after a plural person noun stay people ("visual artists Moth
    Monarch and ...", test above)."""
    found = _found("There is little on other candidates' platforms for Melbourne as Residential Precinct.")
    assert "Residential Precinct" not in found
    found = _found("The lab bought a cluster for High Performance Computing last year.")
    assert "High Performance Computing" not in found
    found = _found("The event's featured guests were visual artists Moth Monarch and Cat-Monk Shiro.")
    assert found.get("Moth Monarch") == "person"


def test_a_one_word_name_reached_or_stood_at_is_a_place():
    """"goes up to Chikmagalur", "the power plant at Guayanilla": towns the recogniser took for persons; a
    person's surname stays a person ("turned to Kellar" after "Judge Paul Kellar")."""
    m = _mentions("Including Hassan and some more branch lines are there which goes up to Chikmagalur and goes up "
                  "to Raidurga. The Costa Sur power plant at Guayanilla was close to the epicentre.")
    assert set(m.loc[m["text"].isin(["Chikmagalur", "Guayanilla"]), "role"]) == {"place"}
    m = _mentions("Judge Paul Kellar ordered a recess. The lawyers then turned to Kellar for a ruling.")
    assert "place" not in set(m.loc[m["text"] == "Kellar", "role"])


def test_a_stray_word_named_once_in_an_article_is_no_person():
    """In an article (five sentences or more), a one-word "person" named once, by nothing a person's name has,
    that neither acts nor owns, is no actor ("flying dinosaurs, such as Archaeopteryx"); a word a person noun
    introduces stays ("a student named Wong"); in a one-sentence excerpt a surname alone is a person ("Reid has
    been going after Romney")."""
    filler = " The meeting ended in the afternoon. Officials gave no details. More talks are planned. Nobody was hurt."
    text = "The bird lived millions of years after flying dinosaurs, such as Archaeopteryx, were already in the skies."
    assert "Archaeopteryx" not in set(_mentions(text + filler)["text"])
    assert "Archaeopteryx" in set(_mentions(text)["text"])
    m = _mentions("A university student named Wong joined the march on Sunday." + filler)
    assert "Wong" in set(m.loc[m["type"] == "person", "text"])
    m = _mentions("Reid has been going after Romney all week over his tax returns.")
    assert "Romney" in set(m["text"])


def test_names_joined_by_an_en_dash_before_a_noun_are_what_a_thing_is_named_after():
    """"the Saffir–Simpson scale", "the Apollo–Soyuz mission": no person acts there."""
    m = _mentions("A Category 5 hurricane is a form of tropical cyclone. On the Saffir–Simpson scale used by the NHC "
                  "for classifying tropical storms, it is the strongest.")
    assert not set(m["text"]) & {"Saffir", "Simpson", "Saffir–Simpson"}
    assert "NHC" in set(m["text"])


def test_a_platform_is_a_medium_unless_it_acts_or_is_acted_on():
    """"on Twitter", "the page of Instagram, Twitter, and Facebook": where something is said; "Facebook was
    ordered to remove the post", "require social media site Facebook to remove": the company, an organisation."""
    m = _mentions("An Austrian court can require social media site Facebook to remove a post. Facebook was ordered "
                  "to remove the post. Trump wrote on Twitter that he won. Volunteers run the English page of "
                  "Instagram, Twitter, and Facebook.")
    fb = m[m["text"] == "Facebook"]
    assert list(fb["role"]) == ["actor", "actor", "place"] and set(fb["type"]) == {"organisation"}
    assert set(m.loc[m["text"].isin(["Twitter", "Instagram"]), "role"]) == {"place"}


def test_an_acronym_before_a_legal_form_stands_for_the_company_alone():
    """"ABS-CBN" of "ABS-CBN Corporation": the company wherever the acronym stands, though the recogniser
    reads it nowhere else; "the network" then takes it up (``firm_noun`` in actor_cues.csv)."""
    m = _mentions("Following the expiry of broadcast corporation ABS-CBN's franchise, the government issued an "
                  "order. Later, the network went off-air. ABS-CBN Corporation is the largest broadcaster. "
                  "Critics said ABS-CBN was unfairly targeted.")
    company = m[m["actor"] == "ABS-CBN Corporation"]
    assert list(company["text"]) == ["ABS-CBN", "the network", "ABS-CBN Corporation", "ABS-CBN"]


def test_a_name_read_once_is_the_name_where_the_recogniser_missed_it():
    """"banned Iranian airline Mahan Air ... the ban on Mahan Air": the second reading gives the first; not
    where the name is part of a longer one."""
    text = ("Germany on Monday banned Iranian airline Mahan Air from flying in the European nation. Mahan has been "
            "under sanctions since 2011. The airline is privately owned. Reuters reported the ban on Mahan Air is "
            "not part of any broader plan. The Mahan Air Cargo unit was closed.")
    m = _mentions(text)
    mahan = m[m["actor"] == "Mahan Air"]
    assert {"Mahan Air", "Mahan", "The airline"} <= set(mahan["text"])
    first = text.index("Mahan Air")
    assert first in set(mahan["start"])
    assert text.index("Mahan Air Cargo") not in set(mahan["start"])


def test_senators_prosecutors_and_mps_are_groups_but_not_counted_or_compared():
    """Group nouns that act in political and crime stories; not a count of seats ("a majority of 170 MPs",
    "there were 8 independent MPs"), not "Unlike senators" in general, and one senator is no group."""
    found = _found("A number of Senators condemned the commission. Prosecutors charged Smith with fraud.")
    assert found.get("Senators") == "group" and found.get("Prosecutors") == "group"
    found = _found("A party needs an outright majority of 170 MPs. At dissolution, there were 8 independent MPs.")
    assert "MPs" not in " ".join(found)
    found = _found("Gillibrand is serving as the junior Senator from New York.")
    assert not any(v == "group" for v in found.values())


def test_kin_named_with_of_calls_its_owner_back():
    """"Mohammed Waseem, brother of Qandeel Baloch ... his sister": his sister is Qandeel Baloch (``inverse`` in
    affiliates.csv), not a new actor; a kin noun of the wrong gender stays apart ("his brother")."""
    m = _mentions("On Friday, Mohammed Waseem, brother of social media personality and feminist Qandeel Baloch, was "
                  "sentenced for her murder. Waseem confessed to killing his sister in 2016. His brother wept.")
    sister = m[m["text"] == "his sister"]
    assert list(sister["actor"]) == ["Qandeel Baloch"]
    assert "Qandeel Baloch" not in set(m.loc[m["text"] == "His brother", "actor"])


def test_an_agent_noun_or_plural_title_before_a_name_is_no_part_of_it():
    """"Ecologist Ryan Norris" is Ryan Norris; "Representatives Eliot Engel and Adam Schiff": Eliot Engel."""
    found = _found("Ecologist Ryan Norris said the birds were returning. Representatives Eliot Engel and Adam Schiff "
                   "wrote to the State Department.")
    assert {"Ryan Norris", "Eliot Engel"} <= set(found)
    assert not {"Ecologist Ryan Norris", "Representatives Eliot Engel"} & set(found)


def test_a_channel_is_a_thing_not_a_body():
    """"the English Channel", "the Channel", "ABS-CBN News Channel" (what a network has): no actors."""
    found = _found("Migrants crossed the English Channel in small boats. Crossings of the Channel rose. The network's "
                   "news channel, ABS-CBN News Channel, is still on air.")
    assert not {"English Channel", "Channel", "ABS-CBN News Channel", "CBN News Channel"} & set(found)


def test_the_accused_is_the_one_person_charged():
    """"the accused" (a participle standing for a person) is the one person the article says was charged, as "the
    defendant" is; "Unlike the accused" compares, names no one."""
    text = ("Brenton Tarrant appeared in court yesterday, charged with one count of murder. Police alleged the accused "
            "performed two attacks. Police arrested the accused in the neighborhood.")
    m = _mentions(text)
    assert list(m.loc[m["text"] == "accused", "actor"]) == ["Brenton Tarrant", "Brenton Tarrant"]
    found = _found("Unlike the accused, Spanton was tested for alcohol.")
    assert not any("ccused" in k for k in found)


def test_a_name_after_an_indefinite_article_is_what_someone_is():
    """In an article, "Fields, a self-described Neo-Nazi" names no person; in a one-sentence excerpt, or where
    another person's name holds the word, "a defiant Hunter" is a person."""
    article = ("James Fields was sentenced on Friday. The judge read the verdict. The court was full. The hearing "
               "lasted an hour. In that event, Fields, a self-described Neo-Nazi, killed a woman named Heather Heyer. "
               "Hunter Biden was not there. A defiant Hunter spoke later.")
    m = _mentions(article)
    assert "Neo-Nazi" not in set(m["text"]) and "Hunter" in set(m["text"])
    assert "Cruz" in set(_mentions("Rubio skipped a speech, while an exhausted-looking Cruz proclaimed himself the "
                                   "only alternative to Trump.")["text"])


def test_kin_named_by_a_possessive_calls_its_owner_back():
    """"Susan Bro, Heather Heyer's mother, ... her daughter": Heather Heyer."""
    m = _mentions("Heather Heyer died in Charlottesville. Susan Bro, Heather Heyer's mother, told reporters that "
                  "executing Fields would not bring her daughter back.")
    assert list(m.loc[m["text"] == "her daughter", "actor"]) == ["Heather Heyer"]


def test_a_reflexive_takes_the_subject_of_its_own_verb():
    """"Rubio skipped a speech, while Ted Cruz proclaimed himself the winner": himself is Cruz, not the first
    subject of the sentence."""
    m = _mentions("Rubio skipped a speech, while Ted Cruz proclaimed himself the winner.")
    assert list(m.loc[m["text"] == "himself", "actor"]) == ["Ted Cruz"]


def test_a_noun_in_apposition_bars_a_pronoun_of_the_other_sex():
    """"Her father, Reginald Claypoole Vanderbilt, died when she was one": she is not the father (the noun
    says his sex where the given-name table is silent); as a bar only, so two men stay told apart as before."""
    m = _mentions("Gloria Vanderbilt, the heiress, died on Monday. Her father, Reginald Claypoole Vanderbilt, died "
                  "in 1925 when she was one.")
    assert list(m.loc[m["text"] == "she", "actor"]) == ["Gloria Vanderbilt"]
    m = _mentions("On Monday, Pranab Mukherjee died. His death was announced by his son Abhijit Mukherjee via "
                  "Twitter. He died at the Army's Research and Referral Hospital.")
    assert list(m.loc[m["text"] == "He", "actor"]) == ["Pranab Mukherjee"]


def test_a_name_that_opens_a_longer_name_is_that_person():
    """"John Luk" after "John Luk Jok" (and "Luk" alone) is one person, not two."""
    m = _mentions("John Luk Jok, the South Sudanese minister, died yesterday in Juba. Luk had suffered a prolonged "
                  "illness. Michael Makuei said John Luk had contributed a lot.")
    assert set(m.loc[m["text"].isin(["John Luk Jok", "Luk", "John Luk"]), "actor"]) == {"John Luk Jok"}


def test_plural_kin_is_a_group():
    """"his two daughters" are two people: a group, not a person."""
    m = _mentions("Stevens is survived by his two daughters, who said he was kind.")
    assert list(m.loc[m["text"] == "his two daughters", "type"]) == ["group"]


def test_a_name_made_an_adverb_by_a_hyphen_is_no_person():
    """"a train from Bangalore-side" names no one; "Park Won-soon" keeps the second half of his given name."""
    found = _found("If a train from Bangalore-side is coming, the gate closes. Park Won-soon said he was fine.")
    assert not any("side" in k for k in found) and any("Won-soon" in k for k in found)


def test_they_stands_for_the_plural_thing_or_people_just_named():
    """"obtained the Telegram messages ... and released them": the messages; "those who lost their lives": the
    dead, not the police named before; "opening Faithless Hijabi to all of them": not the body itself; "the
    deceased child and his mother": the child, not the man named before (but "the mother and her family":
    someone known)."""
    m = _mentions("The protesters gathered outside. The Center obtained the Telegram messages between Rossello and "
                  "eleven others and released them publicly on July 13.")
    assert "them" not in set(m["text"])
    m = _mentions("The police arrived late. Prime Minister Narendra Modi offered condolences to the families of "
                  "those who lost their lives.")
    assert "their" not in set(m["text"])
    m = _mentions("Narendra Modi tweeted. Among the dead were the deceased child and his mother.")
    assert "his" not in set(m["text"]) and not any("mother" in a for a in m["actor"])
    m = _mentions("Zara Kay founded the group Faithless Hijabi in 2018. The more I would start opening Faithless "
                  "Hijabi to all of them to send stories.")
    assert not any(t == "them" and a == "Faithless Hijabi" for t, a in zip(m["text"], m["actor"], strict=True))


def test_a_name_inside_an_honour_is_no_actor():
    """"awarded the Most Brilliant Order of the Sun", "the Order of Lenin": parts of honours' names."""
    found = _found("He was awarded the Most Brilliant Order of the Sun, first class, in 2014. He also received the "
                   "Order of Lenin. The leader of Canada spoke.")
    assert not any("Sun" in k or "Lenin" in k for k in found) and "Canada" in found


def test_supporters_of_two_people_are_two_groups():
    """"Trump supporters clashed with Biden supporters": two groups, each named with whom it supports (the
    first opening its sentence, where the tagger reads "Trump" as a common noun)."""
    m = _mentions("Donald Trump spoke in Ohio. Trump supporters clashed with Biden supporters in Ohio.")
    groups = dict(zip(m["text"], m["actor"], strict=False))
    assert groups["Trump supporters"] == "Trump supporters" and groups["Biden supporters"] == "Biden supporters"


def test_native_american_is_no_mention_of_the_united_states():
    """"Native American tribes": the first peoples, a group of their own, not the state; "the American
    government" still is."""
    m = _mentions("Native American tribes protested the pipeline. The American government objected.")
    assert list(m.loc[m["actor"] == "United States", "text"]) == ["American government"]
    assert list(m.loc[m["actor"] == "Native American", "type"]) == ["group"]
    m = _mentions("About 3% of people identified as Indigenous Australians in the census.")
    assert list(m.loc[m["actor"] == "Indigenous Australians", "type"]) == ["group"]  # a people, no body


def test_a_chess_title_is_no_part_of_a_name():
    """"IM Dorsa Derakhshani" (International Master) is Dorsa Derakhshani, not a second person."""
    m = _mentions("Dorsa Derakhshani won. Having won multiple tournaments as a kid, IM Dorsa Derakhshani decided "
                  "not to play for the federation.")
    assert set(m.loc[m["type"] == "person", "actor"]) == {"Dorsa Derakhshani"}


def test_an_answer_yep_is_no_name():
    """An interview answer "Yep." is no person."""
    found = _found("Dorsa Derakhshani answered the question. Yep. Yep, I played in the Olympiad for Iran.")
    assert "Yep" not in found


def test_a_birth_name_is_the_person():
    """"Baker was born Peter Edward Baker", "Lady Gaga, born Stefani Germanotta,": one person each."""
    m = _mentions("Drummer Ginger Baker died on Sunday. Baker was born Peter Edward Baker in London in 1939.")
    assert set(m.loc[m["type"] == "person", "actor"]) == {"Ginger Baker"}
    m = _mentions("Singer Doris Day died on Monday. Day, born Doris Mary Ann Kappelhoff, starred in 39 films.")
    assert set(m.loc[m["type"] == "person", "actor"]) == {"Doris Day"}


def test_its_after_a_place_that_acts_is_the_place():
    """"Nevada held its caucuses": the place subject of the pronoun's own clause, not the party named before;
    a place elsewhere in the sentence is not ("In Iowa, the party held its caucuses"); "In Ohio, which was
    planning to hold its primary": Ohio's, so no actor's."""
    m = _mentions("The Democratic Party uses caucuses to select its nominee. Nevada held its caucuses on "
                  "February 22. In Iowa, the party held its caucuses on February 3.")
    assert list(m.loc[m["text"] == "its", "actor"]) == ["Democratic Party", "Nevada", "Democratic Party"]
    m = _mentions("The Republican Party postponed events. In Ohio, which was planning to hold its primary election "
                  "on Tuesday, Governor Mike DeWine postponed the vote.")
    assert "its" not in set(m["text"])  # Ohio's, named as a place here


def test_they_goes_on_about_the_things_the_sentence_before_was_about():
    """"these five bone tools are all pretty similar. They all looked very similar, they had a similar size":
    the tools, each time, not the organisation named before (the first "They" opens its sentence but hangs
    on a later clause)."""
    m = _mentions("The Max Planck Society funded the dig. So, these five bone tools are all pretty similar. They all "
                  "looked very similar, they had a similar size.")
    assert not {"They", "they"} & set(m["text"])


def test_one_of_them_is_one_of_the_things_just_named():
    """"removed various items from his flat, amongst them a saw", "some parts of Islam ... homophobia being
    one of them": the things; "Police met the protesters. Many of them": the protesters."""
    m = _mentions("Thames Valley Police arrested Khairi Saadallah. A raid removed various items from Saadallah's "
                  "flat, amongst them reportedly a circular saw.")
    assert "them" not in set(m["text"])
    m = _mentions("Police met the protesters on Sunday. Many of them were arrested.")
    assert list(m.loc[m["text"] == "them", "actor"]) == ["Protesters"]


def test_a_republican_is_one_member_not_the_party():
    """"a Republican, Mark Amodei, ... telling the paper: 'I'm a big fan'": the member speaks, not the party,
    which stays a modifier mention (what the person is), as in "Tony Evers, a Democrat"."""
    from helpers import analyze

    text = ("President Donald Trump faced an inquiry. Since then, a Republican, Mark Amodei, has voiced support "
            "for the inquiry, telling the Nevada Independent: \"I'm a big fan of oversight.\"")
    m = _mentions(text)
    assert list(m.loc[m["actor"] == "Republican Party", "role"]) == ["modifier"]
    assert list(analyze(load_article(text=text)).quotes["speaker"]) == ["Mark Amodei"]


def test_its_after_a_persons_object_is_the_thing():
    """"Denise Crosby left the series toward the end of its first season": the series, not the studio named
    before (a person is no "it"); "Paramount moved the show to its new lot": the studio."""
    m = _mentions("Paramount made the show. Actress Denise Crosby left the series toward the end of its first season.")
    assert "its" not in set(m["text"])
    m = _mentions("Paramount made the show. Paramount moved the series to its new lot.")
    assert list(m.loc[m["text"] == "its", "actor"]) == ["Paramount"]


def test_them_goes_on_about_the_people_the_sentence_before_was_about():
    """"all male permanent residents ... must register for the Selective Service System. This renders them
    eligible ... and identifies them for the draft": the residents, not the body named before."""
    m = _mentions("The Armed Services Committee met. By law, all male permanent residents of the United States over "
                  "the age of 18 must register for the Selective Service System. This both renders them eligible for "
                  "certain public services and identifies them for the draft.")
    assert "them" not in set(m["text"])


def test_how_a_post_is_filled_names_no_holder():
    """"the Electoral College that elects the U.S. President", "the British Prime Minister is elected
    indirectly", "ineligible to serve as VPOTUS (Vice President of the United States)": the posts, not
    their holders at the article's date; "The U.S. President spoke" still is one."""
    m = find_mentions(load_article(text="Puerto Rico has no vote in the U.S. Electoral College that elects the U.S. "
                                        "President. In Britain, the British Prime Minister is elected indirectly. "
                                        "The U.S. President spoke on Monday.", date="2019-10-01"))
    assert list(m.loc[m["actor"] == "Donald Trump", "text"]) == ["The U.S. President"]
    assert "Boris Johnson" not in set(m["actor"])
    m = find_mentions(load_article(text="Mike Pence spoke. Kamala Harris is ineligible to serve as VPOTUS (Vice "
                                        "President of the United States), he said.", date="2020-08-20"))
    assert "Vice President of the United States" not in set(m["text"])


def test_their_after_couples_is_the_couples():
    """"does not offer same-sex couples all the same rights as their heterosexual counterparts": the couples,
    not the parliament named before."""
    m = _mentions("The Legislative Yuan passed the bill on Friday. The law does not offer same-sex couples all the "
                  "same rights as their heterosexual counterparts.")
    assert "their" not in set(m["text"])
