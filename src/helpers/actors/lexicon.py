"""The word lists actor finding reads, from ``data/lexicons`` (see its README): titles, groups, cues.

Loaded once per folder through :mod:`helpers.resources`; analysts edit the CSV files, not this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from helpers.errors import DataError
from helpers.resources import data_path, read_rows, split_values


class Title(NamedTuple):
    """A role word: the gender it implies ('' if none) and its kind (head_of_state, military, ...)."""

    gender: str
    kind: str


class GroupNoun(NamedTuple):
    """A common noun naming a group that acts ("protesters", "police").

    ``canonical`` joins spelling variants (protestor -> protester); ``stands_for`` is ``state`` when a
    qualified form speaks for its state ("Russian officials" is Russia), another group noun when the same
    people go by both where an article names that group ("suspects" are the "attackers"), and ``self``
    otherwise;
    ``needs_qualifier`` keeps a generic noun ("people", "officials") out unless a place or
    nationality qualifies it ("Hong Kong people").
    """

    canonical: str
    type: str
    stands_for: str
    needs_qualifier: bool


class Affiliate(NamedTuple):
    """A noun naming people by their tie to an owner ("his team", "Joe Biden's son"; ``affiliates.csv``):
    ``canonical`` form, ``type`` (person, group, organisation), the ``gender`` it implies ('' if none) and
    the actor types that can own it (a family is a person's or a group's, not a state's); for a kin noun, the
    ``inverse`` kin nouns by which the named kin calls its owner ("brother" -> "brother", "sister")."""

    canonical: str
    type: str
    gender: str
    owners: frozenset[str]
    inverse: frozenset[str] = frozenset()


#: Title kinds that make "the <title>" a description of a known person (see ``titles.csv``).
DESCRIPTION_KINDS = frozenset({"head_of_state", "head_of_government", "royal", "minister", "legislator", "judicial"})
#: Title kinds that make the named bearer a person.
PERSON_TITLE_KINDS = frozenset({
    "head_of_state", "head_of_government", "royal", "religious", "minister", "official", "legislator", "judicial",
    "military", "honorific",
})  # fmt: skip


@dataclass(frozen=True)
class ActorLexicon:
    """Every actor word list, keyed by lower-case form (titles without dots)."""

    titles: dict[str, Title]
    titles_longest_first: tuple[str, ...]
    title_words: frozenset[str]
    org_heads: dict[str, str]
    body_heads: frozenset[str]
    mute_heads: frozenset[str]
    definites: dict[str, str]
    territory_definites: frozenset[str]
    first_names: dict[str, str]
    #: Given name -> "male"/"female" from the 1990 US Census lists (``given_name_genders.csv``): a soft hint for
    #: pronouns toward a full name whose given name ``first_names`` does not list; never a sign that a word is a
    #: name, never a bar ("Ginger Baker" is a man).
    name_genders: dict[str, str]
    #: given names often borne as surnames ("Warren", "Mitchell"): alone they give no gender
    surname_names: frozenset[str]
    places: frozenset[str]
    #: US states and provinces: after a name and a comma they make it a town ("Kitchener-Waterloo, Ontario")
    provinces: frozenset[str]
    polities: frozenset[str]
    groups: dict[str, GroupNoun]
    affiliates: dict[str, Affiliate]
    platforms: frozenset[str]
    credits: frozenset[str]
    source_nouns: frozenset[str]
    member_nouns: frozenset[str]
    occupations: frozenset[str]
    place_nouns: frozenset[str]
    act_nouns: frozenset[str]
    protest_groups: frozenset[str]
    #: act lemma -> group nouns whose article group did it where the text names nobody ("arrest": police)
    implied_agents: dict[str, frozenset[str]]
    #: group nouns whose singular after "the" is one person the article may name ("the attacker", "the gunman")
    #: group nouns that name one side of someone (supporters, critics): qualified by a person or body, they are
    #: that side's own group ("Trump supporters", "Biden supporters")
    side_nouns: frozenset[str]
    culprit_nouns: frozenset[str]
    #: verb lemmas whose undergoer is that person ("charged", "arrested")
    culprit_acts: frozenset[str]
    #: nouns by which an article takes up the one company it has just named ("the company", "the firm")
    firm_nouns: frozenset[str]
    #: org_heads words that still make a name a firm's ("Ford Motor Company", "Acme Corp.")
    firm_heads: frozenset[str]
    issue_verbs: frozenset[str]
    #: Verbs that make their object do what their infinitive says ("led Biden to say", "forced Stumpf to admit").
    causatives: frozenset[str]
    team_staff: frozenset[str]
    #: kinds of place that may name no town ("site", "cave"): a name "called" or "named" on one is a place
    site_nouns: frozenset[str]
    #: lower-case title nouns of one who speaks for a body: between the body's name and a person's ("Microsoft CEO
    #: Satya Nadella", "Labour leader Jeremy Corbyn"), the person's "we" in a quotation is that body
    speaks_for: frozenset[str]
    #: lower-case nouns naming a kind of business ("chain", "retailer", "carmaker"): names in apposition after
    #: their plural are firms ("store chains Woolworths and Coles")
    firm_kinds: frozenset[str]
    speech_cues: frozenset[str]
    speech_lemmas: frozenset[str]
    stopwords: frozenset[str]
    #: the stopwords whose reason is an adjective: they may sit inside a body's name ("Northern Arapaho Tribe")
    name_adjectives: frozenset[str]
    thing_heads: frozenset[str]
    thing_leads: frozenset[str]
    #: capitalised nouns of an honour's name whose "of" phrase is part of that name ("the Order of the Sun",
    #: "the Order of Lenin", "the Medal of Freedom"): the name after "of" names no actor there
    honour_heads: frozenset[str]
    #: lower-case nouns right before a name that make it a thing ("the cargo ship Namse Bangdzod", "the film Argo")
    thing_kinds: frozenset[str]
    #: lower-case nouns that say a name is a body when a clause says the name is one ("CentOS is the project"),
    #: beside the ``org_heads.csv`` words: such a name is no thing though another clause calls it software
    body_kinds: frozenset[str]
    #: nouns for who lives in or belongs to a place ("a resident of the United States"): the place after their
    #: "of" is where, no actor
    dweller_nouns: frozenset[str]
    #: words before a storm's name ("Hurricane Lorenzo"): the name alone later is the storm, no person
    storm_leads: frozenset[str]
    #: endings of a one-word name that is an idea, not an actor ("Marxism", "Islamophobia")
    concept_suffixes: tuple[str, ...]
    food: frozenset[str]
    us_state_cues: frozenset[str]
    legal_forms: frozenset[str]
    #: common nouns naming one person (person_nouns.csv and the occupations) -> "male", "female" or ""
    person_nouns: dict[str, str]


def title_key(text: str) -> str:
    """Look-up key of a title phrase: lower case, dots dropped, single spaces ("Sen." -> "sen")."""
    return " ".join(text.lower().replace(".", " ").split())


#: Shortest one-word title whose misspellings by one dropped letter are read as it ("Represenative Adam Schiff").
MISSPELT_TITLE_LENGTH = 9


def _misspelt_titles(titles: dict[str, Title]) -> dict[str, Title]:
    """One-word titles of :data:`MISSPELT_TITLE_LENGTH` letters or more with one letter dropped, as that title
    ("represenative", "secretay"), unless the shorter word is an English word or a title itself."""
    out: dict[str, Title] = {}
    for key, title in titles.items():
        if " " in key or len(key) < MISSPELT_TITLE_LENGTH:
            continue
        for k in range(1, len(key)):  # (not the first letter: "ambassador" -> "mbassador" is no typo one sees)
            variant = key[:k] + key[k + 1 :]
            if variant not in titles and not word_tag(variant):
                out.setdefault(variant, title)
    return out


@cache
def _load(folder: str) -> ActorLexicon:
    root = Path(folder)
    titles = {title_key(r["title"]): Title(r["gender"].lower(), r["kind"])
              for r in read_rows(root / "titles.csv", ("title", "gender", "kind"))}  # fmt: skip
    titles |= _misspelt_titles(titles)
    cues: dict[str, set[str]] = {}
    for r in read_rows(root / "actor_cues.csv", ("cue", "kind")):
        cues.setdefault(r["kind"], set()).add(r["cue"].lower())
    groups: dict[str, GroupNoun] = {}
    cols = ("noun", "forms", "type", "stands_for", "needs_qualifier")
    for r in read_rows(root / "groups.csv", cols):
        entry = GroupNoun(r["noun"].lower(), r["type"], r["stands_for"], r["needs_qualifier"].lower() == "yes")
        for form in (r["noun"], *split_values(r["forms"])):
            groups.setdefault(form.lower(), entry)
    unknown = {e.stands_for for e in groups.values()} - {"state", "self"} - {e.canonical for e in groups.values()}
    if unknown:
        raise DataError(f"groups.csv: stands_for must be state, self or a group noun, not {sorted(unknown)}")
    affiliates: dict[str, Affiliate] = {}
    for r in read_rows(root / "affiliates.csv", ("noun", "forms", "type", "gender", "owners", "inverse")):
        entry = Affiliate(r["noun"].lower(), r["type"], r["gender"].lower(), frozenset(split_values(r["owners"])),
                          frozenset(w.lower() for w in split_values(r["inverse"])))
        for form in (r["noun"], *split_values(r["forms"])):
            affiliates.setdefault(form.lower(), entry)
    org_heads = read_rows(root / "org_heads.csv", ("word", "type", "body", "points_back"))
    places = read_rows(root / "places.csv", ("name", "kind", "own_government"))
    given = read_rows(root / "first_names.csv", ("name", "gender", "surname"))
    census = read_rows(root / "given_name_genders.csv", ("name", "gender", "share"))
    stopwords = read_rows(root / "name_stopwords.csv", ("word", "reason"))
    definites = read_rows(root / "definites.csv", ("noun", "refers_to", "territory"))
    return ActorLexicon(
        titles=titles,
        titles_longest_first=tuple(sorted(titles, key=len, reverse=True)),
        title_words=frozenset(w for t in titles for w in t.split()),
        org_heads={r["word"].lower(): r["type"] for r in org_heads},
        body_heads=frozenset(r["word"].lower() for r in org_heads if r["body"].lower() == "yes"),
        mute_heads=frozenset(r["word"].lower() for r in org_heads if r["points_back"].lower() == "no"),
        definites={r["noun"].lower(): r["refers_to"] for r in definites},
        territory_definites=frozenset(r["noun"].lower() for r in definites if r["territory"].lower() == "yes"),
        first_names={r["name"]: r["gender"].lower() for r in given},
        name_genders={r["name"]: r["gender"].lower() for r in census},
        surname_names=frozenset(r["name"] for r in given if r["surname"].lower() == "yes"),
        places=frozenset(r["name"] for r in places),
        provinces=frozenset(r["name"] for r in places if r["kind"] in ("us_state", "province")),
        polities=frozenset(r["name"] for r in places if r["own_government"].lower() == "yes"),
        groups=groups,
        affiliates=affiliates,
        platforms=frozenset(cues.get("platform", ())),
        credits=frozenset(cues.get("credit", ())),
        source_nouns=frozenset(cues.get("source_noun", ())),
        member_nouns=frozenset(cues.get("member_noun", ())),
        occupations=frozenset(cues.get("occupation", ())),
        place_nouns=frozenset(cues.get("place_noun", ())),
        act_nouns=frozenset(cues.get("act_noun", ())),
        protest_groups=frozenset(cues.get("protest_group", ())),
        implied_agents={k.removesuffix("_agent"): frozenset(v) for k, v in cues.items() if k.endswith("_agent")},
        culprit_nouns=frozenset(cues.get("culprit_noun", ())),
        side_nouns=frozenset(cues.get("side_noun", ())),
        culprit_acts=frozenset(cues.get("culprit_act", ())),
        firm_nouns=frozenset(cues.get("firm_noun", ())),
        firm_heads=frozenset(cues.get("firm_head", ())),
        issue_verbs=frozenset(cues.get("issue_verb", ())),
        causatives=frozenset(cues.get("causative", ())),
        team_staff=frozenset(cues.get("team_staff", ())),
        site_nouns=frozenset(cues.get("site_noun", ())),
        speaks_for=frozenset(cues.get("speaks_for", ())) | frozenset(cues.get("team_staff", ())),
        firm_kinds=frozenset(cues.get("firm_kind", ())),
        speech_cues=frozenset(cues.get("speech", ())),
        speech_lemmas=frozenset(r["lemma"].lower() for r in read_rows(root / "speech_verbs.csv", ("lemma",))),
        stopwords=frozenset(r["word"].lower() for r in stopwords),
        name_adjectives=frozenset(r["word"].lower() for r in stopwords if "adjective" in r["reason"]),
        thing_heads=frozenset(cues.get("thing_head", ())),
        thing_leads=frozenset(cues.get("thing_lead", ())),
        honour_heads=frozenset(cues.get("honour_head", ())),
        thing_kinds=frozenset(cues.get("thing_kind", ())),
        body_kinds=frozenset(cues.get("body_kind", ())),
        dweller_nouns=frozenset(cues.get("dweller_noun", ())),
        storm_leads=frozenset(cues.get("storm_lead", ())),
        concept_suffixes=tuple(sorted(cues.get("concept_suffix", ()))),
        food=frozenset(cues.get("food", ())),
        us_state_cues=frozenset(cues.get("us_state", ())),
        legal_forms=frozenset(cues.get("legal_form", ())),
        person_nouns={**dict.fromkeys(cues.get("occupation", ()), ""),
                      **{r["noun"].lower(): r["gender"].lower() for r in read_rows(root / "person_nouns.csv",
                                                                                      ("noun", "gender"))}},
    )


@cache
def _english_words():
    """TextBlob's Pattern lexicon (94k English word forms with their usual tag), bundled with TextBlob."""
    from textblob.en import parser  # optional heavy data, loaded on first use

    return parser.lexicon


def common_word(word: str) -> bool:
    """Whether ``word`` is an ordinary English word in lower case ("winner", "may", "fox").

    A capitalised common word at a sentence start is usually no name ("Still", "Winner"), so a name
    found without the recogniser's help must not be one.
    """
    return word.lower() in _english_words()


#: Usual tags of an ordinary singular word, no plural ("Sessions", "Gates" are surnames as often).
_ORDINARY_TAGS = frozenset({"NN", "JJ", "VB", "VBN", "VBG", "VBD", "RB"})


def ordinary_word(word: str) -> bool:
    """Whether ``word`` is usually an ordinary singular English word ("cinema", "dawn", "fedora"), by its usual
    tag in TextBlob's lexicon; plurals are left out, as surnames often look like them ("Sessions")."""
    return word_tag(word) in _ORDINARY_TAGS


def word_tag(word: str) -> str:
    """The usual part-of-speech tag (Penn) of ``word`` in lower case in TextBlob's Pattern lexicon, or ''."""
    return _english_words().get(word.lower(), "")


def load_lexicon(folder: str | Path | None = None) -> ActorLexicon:
    """The actor word lists of ``folder`` (default ``data/lexicons``), read once per folder.

    Raises:
        DataError: a file is missing or lacks a column, or a group joins no group noun.
    """
    return _load(str(Path(folder) if folder else data_path("lexicons")))
