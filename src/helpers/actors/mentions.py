"""Actors: every mention of a state, organisation, group, person or office in an article.

:func:`find_mentions` reads an article sentence by sentence and returns one row per mention;
:func:`actor_table` sums them up per actor. Spans are half-open ``[start, end)`` offsets into
``Article.text`` (see :mod:`helpers.text.article`); ``article.text[start:end] == text`` always.

How a mention is found (the ``resolved_by`` column):

- ``gazetteer`` / ``alias`` / ``demonym`` / ``metonym``: a surface form of the gazetteer
  (:mod:`helpers.actors.gazetteer`), longest match first, case-sensitive ("US" is the United States,
  "us" never is). "U.S.-Russia ties" gives both; "Moscow's" is Russia. Forms the gazetteer marks
  ``ambiguous`` (Turkey, Chad, Georgia, Washington, ...) are dropped in a person context (a given
  name before or a capitalised name after: "George Washington", "Chad Wolf"; for states, a speech
  verb after: "Chad said"), before a food word ("Turkey sandwich") and in a sentence with a
  US-state cue ("Atlanta, Georgia", "Georgia's governor"). Cue words are data
  (``data/lexicons/actor_cues.csv``). "Washington said" stays the United States (news metonymy).
  A demonym is a mention of its state ("Russian officials", "a Russian newspaper"), except
  where it modifies a person title before a name: "Russian President Vladimir Putin" is one
  mention of Putin (``title`` = president, ``office_id`` when the office is known).
- ``office``: an office phrase ("the U.S. president", "a new U.S. president", "Joe Biden, the
  then-President of the United States"). In apposition to a name it is that person. Otherwise
  it is the holder on the article date (``date`` argument, else ``Article.date``; terms are start
  inclusive, end exclusive) or, without a date or a known holder, the office itself as an actor
  (``office:us_president``, type ``office``). A plain indefinite ("An American president has
  not visited") is generic: the office, never a person. "then-"/"former" phrases outside
  apposition name nobody we can tell, so they give no mention. Dates are never guessed from
  the text.
- ``definite``: "the president" / "the recently appointed President" take the most recent
  earlier mention with the same title or an office of that title; with none, the role itself
  is the actor (``role:prime_minister``, type ``role``), never a guessed person. "the
  government", "the army" (``data/lexicons/definites.csv``) take the one state in scope (this
  sentence so far and the one before: state mentions and the countries of persons and
  offices) when exactly one.
- ``title``: a person named after a title ("General Abdel Fattah al-Burhan"); ``discovered``:
  a capitalised name not in the gazetteer (runs of capitalised tokens, with connectors such as
  "of"/"bin" and middle initials; a sentence-initial or headline word only if the Pattern
  lexicon does not know it as a common word). New ids are ``new:<slug>``; type person (title,
  given name from ``first_names.csv``, or two or more name words), organisation/group (head
  word from ``org_heads.csv``, an acronym, a state's body: "China's commerce ministry") or
  unknown. Places that are not actors (``places.csv``: US states, big cities, territories) and a single
  unknown capitalised word after "in"/"at"/"from" are skipped. Lower-case joiners make one name
  ("Fridays for Future", "Person of the Year"; cue kinds ``joiner*``), which is never a person's;
  names of things ("Paris Agreement", "Nobel Peace Prize", "Hurricane Dorian": ``thing_head`` /
  ``thing_lead``), title-case quotations ("Make the World Greta Again"), single letters, Roman
  numerals, words with digits, adjectives ("Roman Catholic") and a capitalised common noun after an
  article or possessive ("the Constitution") give no actor; "Time magazine", "The Atlantic" are
  organisations (``org_noun``); "Michael Siegel of Boston University" is a person and an organisation.
- ``acronym`` ("Rapid Support Forces (RSF)" then "RSF"), ``nickname`` ("Mohamed Hamdan Dagalo,
  known as Hemedti"), ``surname`` ("Burhan" after "Abdel Fattah al-Burhan"; or a gazetteer
  person's surname when no other gazetteer person has it). A form several gazetteer actors
  share ("Clinton") goes to the one already mentioned in the article or the one an honorific
  fits ("Mrs. Clinton"); otherwise it becomes its own actor (``new:clinton``), never a guess.
- ``pronoun``: he/him/his/himself and she/her/hers/herself go to person, office, role or
  unknown-name mentions earlier in the sentence or in the sentence before, never across a
  quotation boundary, agreeing in gender (gazetteer, title, given name). Each compatible actor
  scores ``SAME`` (same sentence) + ``SUBJECT`` (a verb follows the mention, its apposition or
  a short parenthetical) + ``GENDER`` (gender known and equal) + ``FIRST`` (the sentence's
  first subject); an object pronoun never takes the subject of its own clause ("Trump praised
  him"), including a coordinated or participial verb phrase that shares it ("Perry condemned
  Trump and called on him"), and a reflexive prefers it. A possessive right after "and"/"or"
  takes the mention just before ("Clinton and her staff"). The pronoun is linked only if one actor is compatible or
  the best beats the runner-up by ``MARGIN``; otherwise it gives no mention (no guess). On
  NewsMTSC train about 84% of the links agree with the (automatic, noisy) gold coreference.
  A pronoun in a fronted clause takes the first subject that follows one of the commas after
  it ("Asked by Lauer if he lied, Lochte denied it"; "Between his threats ..., and his attacks
  on the media, Trump is signaling"). A he/she pronoun that no actor in scope fits (none at all, not
  a tie) stands for an unnamed person: a later pronoun of the same gender may link to it by the
  same scores (it counts as a person of that gender), and then both are emitted as the actor
  ``anon:<sentence_id>:<offset>`` (type person, named "unnamed person (he)"); a placeholder
  nothing links to gives no mention. So in a text that opens "She said she would run", both
  pronouns are one person, while a lone "He arrived late." names nobody. In an article the
  sentence before is in scope, so the placeholder arises only where no earlier person fits.
  they/them/their go only to a plural group mention ("Russian
  officials", a gazetteer group, a "... Forces" name) when it is the only one in scope and no
  plural noun comes between; "its" to the nearest state, organisation or group in the same
  sentence with nothing else between.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers import config
from helpers.actors.gazetteer import Gazetteer, Surface, load_gazetteer
from helpers.resources import read_rows
from helpers.text import tokens as nlp
from helpers.text.article import Article, parse_date, slugify
from helpers.text.segment import sentence_spans

MENTION_COLUMNS = [
    "actor_id", "actor", "type", "sentence_id", "start", "end", "text", "resolved_by", "gender", "office_id", "title",
]
ACTOR_COLUMNS = ["actor_id", "actor", "type", "mentions", "first_sentence", "resolved_by", "surface_forms"]
_NAME_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|an|bin|ibn|abu|ben|bint|o|d)[-'’][A-Z]")
_CONNECTORS = {"of", "bin", "ibn", "bint", "de", "da", "do", "dos", "van", "von", "der", "den", "la", "le", "du", "del",
               "al", "el", "y"}
_DETERMINERS = {"the", "a", "an", "this", "that"}
_JOINING = {"of", "for", "on", "and", "&", "the"}  # lower-case words inside a joined name (see ``_joined``)
_PAST = {"then", "former", "ex", "late", "previous", "erstwhile"}
_NEW = {"new", "newly", "incoming", "recently", "appointed", "elected", "current", "present", "sitting", "sworn",
        "reelected", "re-elected", "outgoing", "acting", "interim"}
_QUOTES = "\"“”"
_PERSONAL = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)
_QUOTE_CHAR = re.compile(r'["“”]')
_LOWER_WORD = re.compile(r"[a-z]+")
_BODY = re.compile(r"['’]s\s+((?:[a-z]+\s+){0,2}[a-z]+)\b")
_POSSESSIVE = re.compile(r"^['’]s?$")
_PERSON_TITLE_KINDS = {"head_of_state", "head_of_government", "royal", "religious", "minister", "official",
                       "legislator", "judicial", "military", "honorific"}
_CLAUSE_WORDS = {"that", "and", "but", "because", "when", "after", "before", "while", "if", "as", "who", "which",
                 "since", "although", "though", "whether", "until", "so", ";", "—", "–", "--"}
#: Pronoun scores (see the module docstring): same sentence, subject, gender known and equal, first subject.
SAME, SUBJECT, GENDER, FIRST = 1.0, 1.0, 1.0, 0.5
#: A pronoun is linked only when the best actor scores this much more than the runner-up.
MARGIN = 0.5
_SUBJECT_FORM = {"male": "he", "female": "she"}
_DESCRIPTION_KINDS = {"head_of_state", "head_of_government", "royal", "minister", "legislator", "judicial"}


# --------------------------------------------------------------------------- cue lists (data)


class Title(NamedTuple):
    """A role word: the gender it implies ('' if none) and its kind (head_of_state, military, ...)."""

    gender: str
    kind: str


@dataclass(frozen=True)
class Cues:
    """Cue lists read from ``data/lexicons`` (see its README): titles, head words, pronouns, names."""

    titles: dict[str, Title]
    title_words: frozenset[str]
    org_heads: dict[str, str]
    pronouns: dict[str, tuple[str, str, str]]
    definites: dict[str, str]
    stopwords: frozenset[str]
    first_names: dict[str, str]
    cues: dict[str, frozenset[str]]
    nickname: re.Pattern[str]
    first_words: frozenset[str]
    places: frozenset[str]
    titles_longest_first: tuple[str, ...] = ()
    adjectives: frozenset[str] = frozenset()  # stopwords that may sit inside an organisation's name


def _key(words: list[str] | str) -> str:
    """Look-up key of a title phrase: lower case, dots dropped, single spaces."""
    text = " ".join(words) if isinstance(words, list) else words
    return " ".join(text.lower().replace(".", " ").split())


@cache
def load_cues(directory: str | None = None) -> Cues:
    """Read the actor cue lists (once per directory; default ``config.LEXICON_DIR``).

    Raises:
        DataError: a file is missing or lacks a column.
    """
    root = Path(directory) if directory else config.LEXICON_DIR
    titles = {_key(r["title"]): Title(r["gender"].lower(), r["kind"]) for r in read_rows(root / "titles.csv",
                                                                                        ("title", "gender", "kind"))}
    cues: dict[str, set[str]] = {}
    for r in read_rows(root / "actor_cues.csv", ("cue", "kind")):
        cues.setdefault(r["kind"], set()).add(r["cue"].lower())
    nick = sorted(cues.get("nickname", set()), key=len, reverse=True)
    nickname = re.compile(r"\s*,?\s*(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nick) + r")\s+"
                          if nick else r"(?!x)x")
    definites = {r["noun"].lower(): r["refers_to"] for r in read_rows(root / "definites.csv", ("noun", "refers_to"))}
    stop_rows = read_rows(root / "name_stopwords.csv", ("word",))
    return Cues(
        titles=titles,
        title_words=frozenset(w for t in titles for w in t.split()),
        org_heads={r["word"].lower(): r["type"] for r in read_rows(root / "org_heads.csv", ("word", "type"))},
        pronouns={r["pronoun"].lower(): (r["gender"], r["number"], r["case"])
                  for r in read_rows(root / "pronouns.csv", ("pronoun", "gender", "number", "case"))},
        definites=definites,
        stopwords=frozenset(r["word"].lower() for r in stop_rows),
        first_names={r["name"]: r["gender"].lower() for r in read_rows(root / "first_names.csv", ("name", "gender"))},
        cues={k: frozenset(v) for k, v in cues.items()},
        nickname=nickname,
        first_words=frozenset(k.split()[0] for k in (*titles, *definites)),
        places=frozenset(r["name"] for r in read_rows(root / "places.csv", ("name", "kind"))),
        titles_longest_first=tuple(sorted(titles, key=len, reverse=True)),
        adjectives=frozenset(r["word"].lower() for r in stop_rows if "adjective" in r.get("reason", "")),
    )


@cache
def _lexicon():
    from textblob.en import parser

    return parser.lexicon


# --------------------------------------------------------------------------- working types


@dataclass
class _Mention:
    start: int
    end: int
    actor_id: str
    resolved_by: str
    sentence_id: int = -1
    office_id: str = ""
    title: str = ""
    gender: str = ""
    plural: bool = False
    subject: bool = False
    quote: int = -1  # index of the quotation the mention sits in, -1 outside quotes
    kind: str = ""  # gazetteer surface kind, or "office"/"run" before resolution


@dataclass
class _Info:
    name: str
    type: str
    gender: str = ""
    country: str = ""


@dataclass
class _State:
    text: str
    gaz: Gazetteer
    cues: Cues
    date: dt.date | None
    info: dict[str, _Info] = field(default_factory=dict)
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (actor id, acronym/nickname/surname)
    mentions: list[_Mention] = field(default_factory=list)
    previous: list[_Mention] = field(default_factory=list)
    things: set[str] = field(default_factory=set)  # names found to be things or places, not actors


# --------------------------------------------------------------------------- public API


class Mention(NamedTuple):
    """One mention: the actor, and where (half-open offsets into the article text) and how it was found."""

    actor_id: str
    actor: str
    type: str
    sentence_id: int
    start: int
    end: int
    text: str
    resolved_by: str
    gender: str
    office_id: str
    title: str


def mention_list(
    text: str,
    spans: list[tuple[int, int, int]],
    *,
    date: dt.date | None = None,
    gazetteer_dir: str | Path | None = None,
) -> list[Mention]:
    """The mentions in ``text`` read sentence by sentence, ordered by ``start``.

    The table-free core of :func:`find_mentions`, for callers that process many short texts.

    Args:
        text: the article text.
        spans: ``(sentence_id, start, end)`` for each sentence, in reading order.
        date: the article date for dated offices (None: offices stay offices).
        gazetteer_dir: folder of the gazetteer CSV files (default ``config.GAZETTEER_DIR``).
    """
    cues = load_cues()
    gaz = load_gazetteer(gazetteer_dir, title_words=cues.title_words)
    state = _State(text, gaz, cues, date)
    for sid, start, end in spans:
        _sentence(state, sid, start, end)
    out = []
    for m in sorted(state.mentions, key=lambda m: (m.start, m.end)):
        info = state.info[m.actor_id]
        out.append(Mention(m.actor_id, info.name, info.type, m.sentence_id, m.start, m.end, text[m.start:m.end],
                           m.resolved_by, m.gender or info.gender, m.office_id, m.title))
    return out


def find_mentions(
    article: Article,
    sentences: pd.DataFrame | None = None,
    *,
    date: str | dt.date | None = None,
    gazetteer_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Every actor mention in ``article``, one row each, ordered by ``start``.

    Args:
        article: the article; offsets are into ``article.text``.
        sentences: a sentence table (``sentence_id, start, end``, offsets into ``article.text``);
            by default the article's blocks are split with :func:`helpers.text.segment.sentence_spans`.
        date: the article date (``YYYY-MM-DD`` or a date) for dated offices; overrides ``article.date``.
        gazetteer_dir: folder of the gazetteer CSV files (default ``config.GAZETTEER_DIR``).

    Returns:
        Columns ``actor_id, actor, type, sentence_id, start, end, text, resolved_by, gender,
        office_id, title``; ``type`` is state, organisation, group, person, office or unknown.

    Raises:
        DataError: the gazetteer or a cue list is missing or malformed.
        ArticleError: ``date`` is not a date.
    """
    when = parse_date(date) if date is not None else article.date
    rows = mention_list(article.text, _sentence_rows(article, sentences), date=when, gazetteer_dir=gazetteer_dir)
    if article.dateline:  # "OTTAWA, April 16, 2025 —" says where the story was filed, not who acts in it
        a, b = article.dateline
        rows = [r for r in rows if r[5] <= a or r[4] >= b]
    if not rows:
        df = pd.DataFrame(rows, columns=MENTION_COLUMNS)
        return df.astype({"sentence_id": int, "start": int, "end": int})
    ints = {"sentence_id", "start", "end"}  # typed columns: astype on a small frame costs more than building it
    return pd.DataFrame({c: np.array(v, dtype=np.int64) if c in ints else list(v)
                         for c, v in zip(MENTION_COLUMNS, zip(*rows, strict=True), strict=True)})


def actor_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: ``actor_id, actor, type, mentions, first_sentence, resolved_by, surface_forms``.

    ``resolved_by`` counts how the mentions were found ("gazetteer=3|pronoun=2", most first);
    ``surface_forms`` lists the distinct texts seen, ``|``-separated. Sorted by mentions
    (descending), then ``actor_id``.
    """
    groups: dict[str, list[tuple]] = {}  # plain dict grouping: pandas groupby costs milliseconds per actor
    for row in zip(*(mentions[c].tolist() for c in ("actor_id", "actor", "type", "sentence_id", "resolved_by",
                                                     "text")), strict=True):
        if not pd.isna(row[0]):  # groupby drops missing keys
            groups.setdefault(row[0], []).append(row)
    rows = []
    for actor_id, group in groups.items():
        how = Counter(r[4] for r in group)
        rows.append((
            actor_id, group[0][1], group[0][2], len(group), int(min(r[3] for r in group)),
            "|".join(f"{k}={v}" for k, v in sorted(how.items(), key=lambda kv: (-kv[1], kv[0]))),
            "|".join(sorted({" ".join(r[5].split()) for r in group})),
        ))
    if rows:
        rows.sort(key=lambda r: (-r[3], r[0]))
        return pd.DataFrame({c: np.array(v, dtype=np.int64) if c in ("mentions", "first_sentence") else list(v)
                             for c, v in zip(ACTOR_COLUMNS, zip(*rows, strict=True), strict=True)})
    table = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    table = table.sort_values(["mentions", "actor_id"], ascending=[False, True], kind="mergesort")
    return table.reset_index(drop=True).astype({"mentions": int, "first_sentence": int})


def _sentence_rows(article: Article, sentences: pd.DataFrame | None) -> list[tuple[int, int, int]]:
    if sentences is not None:
        cols = (sentences[c].tolist() for c in ("sentence_id", "start", "end"))
        return [(int(i), int(s), int(e)) for i, s, e in zip(*cols, strict=True)]
    blocks = article.blocks or ()
    spans = [sp for b in blocks for sp in sentence_spans(article.text, b.start, b.end)] if blocks \
        else sentence_spans(article.text)
    return [(i, s, e) for i, (s, e) in enumerate(spans)]


# --------------------------------------------------------------------------- one sentence


def _sentence(st: _State, sid: int, s: int, e: int) -> None:
    text = st.text
    toks = nlp.tagged(text, s, e)
    if not toks:
        st.previous = []
        return
    quotes = _quote_index(text, s, e)
    headline = _title_case(toks)
    found: list[_Mention] = []
    # 1. gazetteer surface forms
    for m in st.gaz.pattern.finditer(text, s, e):
        surfaces = st.gaz.lookup(m.group())
        surf = _choose(st, surfaces, m.start(), m.end(), toks, s, e, headline)
        if surf is None:
            continue
        targets = {x.target for x in surfaces if x.kind == surf.kind}
        if len(targets) > 1:
            surf = _disambiguate(st, surf, targets, m.start())
            if surf is None:  # "Clinton" alone: Bill or Hillary? a mention of the shared name only
                actor_id = _shared_actor(st, m.group(), targets)
                found.append(_Mention(m.start(), m.end(), actor_id, "alias", kind="alias"))
                continue
        if surf.kind == "office":
            found.append(_Mention(m.start(), m.end(), "", "office", office_id=surf.target, kind="office"))
        else:
            actor = st.gaz.actors[surf.target]
            _register(st, actor.id, actor.name, actor.type, actor.gender, actor.country or actor.id)
            by = "gazetteer" if surf.kind == "name" else surf.kind
            plural = actor.type == "group" or (surf.kind == "demonym" and _next_tag(toks, m.end()) == "NNS")
            found.append(_Mention(m.start(), m.end(), actor.id, by, kind=surf.kind, plural=plural))
            if actor.type == "person" and len(actor.name.split()) > 1:
                st.aliases.setdefault(actor.name.split()[-1], (actor.id, "surname"))
    found.extend(_state_bodies(st, found, e))
    # 2. capitalised runs not covered by the gazetteer: names, organisations, acronyms, nicknames
    found.extend(_discover(st, toks, found, s, e, headline=headline))
    found.sort(key=lambda m: m.start)
    # 3. titles and offices before names; offices and titles without names
    found = _attach_titles(st, toks, found)
    found = _descriptions(st, toks, found, s)
    found.sort(key=lambda m: m.start)
    for m in found:
        m.sentence_id = sid
        m.quote = _quote_of(quotes, m.start)
    _mark_subjects(text, toks, found)
    # 4. pronouns
    found = _pronouns(st, toks, found, quotes, sid)
    st.mentions.extend(found)
    st.previous = found


def _register(st: _State, actor_id: str, name: str, type_: str, gender: str = "", country: str = "") -> None:
    if actor_id not in st.info:
        st.info[actor_id] = _Info(name, type_, gender, country)
        return
    if gender and not st.info[actor_id].gender:
        st.info[actor_id].gender = gender
    if st.info[actor_id].type == "unknown" and type_ in ("organisation", "group"):
        st.info[actor_id].type = type_  # "Time" first, "Time magazine" later


def _tok_at(toks: list[nlp.Token], pos: int) -> int:
    """Index of the token containing or starting at ``pos`` (or the next one)."""
    for i, t in enumerate(toks):
        if t.end > pos:
            return i
    return len(toks)


def _next_tag(toks: list[nlp.Token], pos: int) -> str:
    i = _tok_at(toks, pos)
    return toks[i].tag if i < len(toks) and toks[i].start >= pos else ""


def _words_after(text: str, pos: int, e: int, n: int = 2) -> list[str]:
    return re.findall(r"[\w.]+", text[pos:min(e, pos + 40)])[:n]


def _choose(st: _State, surfaces: tuple[Surface, ...], a: int, b: int, toks: list[nlp.Token], s: int,
            e: int, headline: bool = False) -> Surface | None:
    """The surface meant here, or None when an ambiguous form is used in another sense."""
    if not surfaces:
        return None
    surf = surfaces[0]
    if _starts_longer_name(st, surf, b, e, headline):
        return None  # "Paris Agreement", "Agence France-Presse": part of a longer name (found again by discovery)
    if not surf.ambiguous:
        return surf
    cues, text = st.cues, st.text
    before = re.findall(r"[\w.'’-]+", text[max(s, a - 30):a])
    prev = before[-1] if before else ""
    if prev and (prev in cues.first_names or prev.lower() in cues.cues.get("given_name", ())):
        return None  # George Washington
    if prev[:1].isupper() and prev.lower() not in cues.stopwords and _key(prev) not in cues.titles \
            and not st.gaz.lookup(prev) and a > s and text[a - 1] == " " and not _sentence_initial(text, s, a - 1):
        return None  # an unknown capitalised word right before: part of a name
    after = _words_after(text, b, e)
    nxt = after[0] if after else ""
    if nxt[:1].isupper() and text[b:b + 1] == " " and not st.gaz.lookup(nxt) and nxt.lower() not in cues.stopwords \
            and _key(nxt) not in cues.titles:
        return None  # Chad Wolf, Jordan Peterson, Washington Post (found again as a discovered name)
    food = cues.cues.get("food", frozenset())
    if nxt.lower() in food or nxt.lower()[:-1] in food or nxt.lower()[:-2] in food:  # sandwich(es)
        return None
    if surf.kind == "name" and nxt.lower() in cues.cues.get("speech", ()) and \
            _PERSONAL.search(text, b, e):
        return None  # "Chad said he would run": a person
    sentence_words = {w.lower() for w in re.findall(r"[\w.]+", text[s:e])}
    state_cues = cues.cues.get("us_state", frozenset())
    if sentence_words & state_cues or any(" " in c and c in text[s:e].lower() for c in state_cues):
        return None
    return surf


def _starts_longer_name(st: _State, surf: Surface, b: int, e: int, headline: bool) -> bool:
    """Whether the gazetteer form ending at ``b`` is the first part of a longer proper name.

    A hyphenated capitalised word that the gazetteer does not know ("France-Presse"); after a
    capital ("Paris Agreement", "Brussels Airlines") any unknown capitalised word; after a state
    name only a thing head word from ``actor_cues.csv`` ("Korea Strait"), since "Israel Defense
    Forces" is joined to its organisation by discovery. Never in a headline-style sentence.
    """
    text, cues = st.text, st.cues
    hyphen = re.match(r"-([A-Z][\w'’]*)", text[b:e])
    if hyphen:
        return not st.gaz.lookup(hyphen.group(1))
    if headline or surf.kind not in ("metonym", "name") or text[b:b + 1] != " ":
        return False
    after = _words_after(text, b, e, 1)
    nxt = after[0].rstrip(".") if after else ""
    low = nxt.lower()
    if not nxt[:1].isupper() or nxt.isupper() or st.gaz.lookup(nxt) or low in cues.stopwords \
            or _key(nxt) in cues.titles:
        return False
    return surf.kind == "metonym" or low in cues.cues.get("thing_head", ())


def _state_bodies(st: _State, found: list[_Mention], e: int) -> list[_Mention]:
    """"China's commerce ministry": a body of a state named by a possessive and a lower-case head word."""
    out = []
    for m in found:
        if not m.actor_id or st.info[m.actor_id].type != "state" or m.kind == "demonym":
            continue
        body = _BODY.match(st.text, m.end, e)
        if body is None:
            continue
        spans = [(w.group(), w.end()) for w in _LOWER_WORD.finditer(st.text, body.start(1), body.end(1))]
        at = next((i for i, (w, _) in enumerate(spans) if w in st.cues.org_heads), None)
        if at is None:
            continue
        words = [w for w, _ in spans[:at + 1]]
        head = words[-1]
        if head in st.cues.definites or any(w in st.cues.stopwords for w in words):
            continue
        name = f"{st.info[m.actor_id].name}'s {' '.join(words)}"
        actor_id = "new:" + slugify(f"{m.actor_id} {' '.join(words)}")
        _register(st, actor_id, name, st.cues.org_heads[head], "", m.actor_id)
        out.append(_Mention(body.start(1), spans[at][1], actor_id, "discovered", kind="body"))
    return out


def _disambiguate(st: _State, surf: Surface, targets: set[str], a: int) -> Surface | None:
    """One of several actors sharing a form: the one already mentioned, or the one an honorific fits."""
    seen = [t for t in targets if t in st.info]
    if len(seen) != 1:
        before = re.findall(r"[\w.]+", st.text[max(0, a - 6):a])
        title = st.cues.titles.get(_key(before[-1])) if before else None
        seen = [t for t in targets if title and title.gender and st.gaz.actors[t].gender == title.gender]
    if len(seen) != 1:
        return None
    return surf._replace(target=seen[0])


def _shared_actor(st: _State, form: str, targets: set[str]) -> str:
    """An actor standing for a form several gazetteer actors share (type and gender if they agree)."""
    actors = [st.gaz.actors[t] for t in sorted(targets)]
    types = {a.type for a in actors}
    genders = {a.gender for a in actors}
    actor_id = "new:" + slugify(form)
    _register(st, actor_id, " ".join(form.split()), types.pop() if len(types) == 1 else "unknown",
              genders.pop() if len(genders) == 1 else "")
    return actor_id


def _sentence_initial(text: str, s: int, pos: int) -> bool:
    return not text[s:pos].strip(" \"“‘'(-—")


def _title_case(toks: list[nlp.Token]) -> bool:
    """True for headline-style sentences ("From Political Isolation to Diplomatic Talks")."""
    words = [t.text for t in toks if t.text.isalpha() and len(t.text) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _quote_index(text: str, s: int, e: int) -> list[tuple[int, int]]:
    spans, opened = [], -1
    for m in _QUOTE_CHAR.finditer(text, s, e):
        ch, i = m.group(), m.start()
        if ch == "“" or (ch == '"' and opened < 0):
            opened = i
        elif opened >= 0:
            spans.append((opened, i + 1))
            opened = -1
    if opened >= 0:
        spans.append((opened, e))
    return spans


def _quote_of(quotes: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(quotes):
        if a <= pos < b:
            return i
    return -1


# --------------------------------------------------------------------------- discovery


def _quote_initial(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a quoted sentence: right after an opening quotation mark that follows a comma, a
    colon or nothing (`remarked, "Today I am`; not `told "Fox News Sunday"`)."""
    if pos < 1 or text[pos - 1] not in "\"“‘":
        return False
    before = text[:pos - 1].rstrip()
    return not before or before[-1] in ",:;.!?"


def _is_name_token(st: _State, toks: list[nlp.Token], i: int, s: int, headline: bool = False) -> bool:
    tok = toks[i]
    w = tok.text
    if not w[:1].isupper():
        return _NAME_PREFIX.match(w) is not None
    if not w.isalpha() and not any(c.isalpha() for c in w):
        return False
    if any(c.isdigit() for c in w):
        return False  # COVID-19, A300, 3D: models, diseases and measures, not names
    if tok.start > s and (st.text[tok.start - 1].isalnum() or st.text[tok.start - 1] == "&"):
        return False  # a fragment glued to what comes before: PG&E, 3D
    low = w.lower()
    if (low in st.cues.stopwords and low not in st.cues.adjectives) or low in st.cues.pronouns:
        return False
    if w.isupper() and len(w) > 1:
        return True
    if headline or _sentence_initial(st.text, s, tok.start) or _quote_initial(st.text, tok.start):
        # a known common word here is not a name
        lex = _lexicon()
        return (low not in lex or w in st.cues.first_names) and tok.tag in ("NNP", "NNPS", "NN", "NNS", "JJ")
    return tok.tag not in ("PRP", "PRP$", "DT", "IN", "CC", "MD", "WP", "WDT", "WRB", "TO", "POS")


def _discover(st: _State, toks: list[nlp.Token], found: list[_Mention], s: int, e: int, *,
              headline: bool = False) -> list[_Mention]:
    cues = st.cues
    n = len(toks)
    name = [_is_name_token(st, toks, i, s, headline) for i in range(n)]
    free = [True] * n
    for m in found:
        for i in range(_tok_at(toks, m.start), n):
            if toks[i].start >= m.end:
                break
            free[i] = False
    if not headline:  # a title-case quotation is a slogan or a title ("Make the World Greta Again"), not names
        for a, b in _quote_index(st.text, s, e):
            inside = [k for k in range(n) if a < toks[k].start < b]
            if _slogan(st, [toks[k] for k in inside]):
                for k in inside:
                    free[k] = False
    out: list[_Mention] = []
    i = 0
    while i < n:
        if not (name[i] and free[i]):
            i += 1
            continue
        j = i + 1
        while j < n and free[j]:
            prev = toks[j - 1].text
            if prev.endswith(".") and len(prev) > 2:
                break  # "N.Y. Mr. Gowdy": an abbreviation ends the name
            nxt = j + 1 < n and name[j + 1] and free[j + 1]
            if name[j] and toks[j].start - toks[j - 1].end <= 1:
                j += 1
            elif toks[j].text == "." and nxt and len(prev) == 1 and prev.isupper():
                j += 1  # a middle initial: George P. Bush
            elif toks[j].text in _CONNECTORS and nxt:
                j += 2
            elif joined := _joined(st, toks, i, j, name, free):
                j = joined  # Fridays for Future, Person of the Year
            elif toks[j].text == "." and nxt and toks[j - 1].end == toks[j].start and _key(prev) in cues.titles:
                j += 1  # Mr. / Gen. / Sen.
            else:
                break
        new = _run(st, toks, i, j, s, e, found)
        out.extend(new)
        for m in new:  # an acronym or nickname defined after the run is taken
            for k in range(j, n):
                if toks[k].start >= m.end:
                    break
                if toks[k].end > m.start:
                    free[k] = False
        i = j
    return out


def _slogan(st: _State, toks: list[nlp.Token]) -> bool:
    """Title-case words with a capitalised verb, adverb or function word after the first."""
    if not _title_case(toks):
        return False
    lex = _lexicon()
    return any(t.text[:1].isupper() and t.text not in st.cues.first_names
               and (lex.get(t.text.lower()) or "NN")[:2] not in ("NN", "CD", "FW")
               for t in toks[1:] if t.text.isalpha())


def _joined(st: _State, toks: list[nlp.Token], i: int, j: int, name: list[bool], free: list[bool]) -> int:
    """End of a name continued by lower-case joiner words at ``toks[j]`` (0: no join).

    Joiners are cue kinds in ``actor_cues.csv``: ``joiner`` ("for") joins a run that does not
    start with a given name, ``joiner_after_head`` ("on") only after an org head word,
    ``joiner_inner`` ("and") only a run already joined by of/for/on, ``joiner_article``
    ("the") only right after "of" or another joiner.
    """
    cues, n = st.cues.cues, len(toks)
    joiner, after_head = cues.get("joiner", frozenset()), cues.get("joiner_after_head", frozenset())
    inner, article = cues.get("joiner_inner", frozenset()), cues.get("joiner_article", frozenset())
    lead = toks[j].text
    k = j + 1
    if k < n and toks[k].text in article and free[k] and lead in joiner | after_head | {"of"}:
        k += 1
    if k >= n or not (name[k] and free[k]) or toks[k].text.lower() in st.cues.adjectives:
        return 0
    before = [t.text for t in toks[i:j]]
    m = k  # the name words after the joiner: toks[k:m]
    while m < n and name[m] and free[m] and (m == k or toks[m].start - toks[m - 1].end <= 1):
        m += 1
    after = [t.text for t in toks[k:m]]
    ends = m >= n or toks[m].text not in _JOINING | _CONNECTORS  # the joined part ends the name
    short = len(after) <= 2 and ends and after[0] not in st.cues.first_names and after[0].lower() not in \
        st.cues.org_heads and not any(w.isupper() and len(w) > 1 for w in after)
    if lead == "of":
        ok = k == j + 2  # "of the"; plain "of" is a connector
    elif lead in joiner:  # "Centers for Disease Control"; "Fridays for Future" but not "New York for the Green Party"
        ok = before[-1].lower() in st.cues.org_heads or (
            len(before) == 1 and len(after) == 1 and short and before[0] not in st.cues.first_names
            and before[0] not in st.aliases and not before[0].isupper())
    elif lead in after_head:
        ok = before[-1].lower() in st.cues.org_heads
    elif lead in inner:  # "... Disease Control and Prevention", not "University of Miami and Apex Shark Expeditions"
        ok = short and any(w == "of" or w in joiner or w in after_head for w in before)
    else:
        ok = False
    return k + 1 if ok else 0


def _run(st: _State, toks: list[nlp.Token], i: int, j: int, s: int, e: int, found: list[_Mention]) -> list[_Mention]:
    """Mentions in the capitalised run ``toks[i:j]`` (titles stripped, aliases looked up)."""
    text, cues = st.text, st.cues
    title = ""
    while i < j and toks[i].text.lower() in cues.first_words:  # leading titles ("President", "General", "Mr.")
        for k in range(min(j, i + 4), i, -1):
            key = _key([t.text for t in toks[i:k]])
            if key in cues.titles:
                title = key
                i = k
                while i < j and toks[i].text == ".":
                    i += 1
                break
        else:
            break
    while i < j and ((toks[i].text.lower() in cues.stopwords and toks[i].text.lower() not in cues.adjectives)
                     or toks[i].text in _CONNECTORS):
        i += 1
    while j > i and toks[j - 1].text in _CONNECTORS | _JOINING | {"."}:
        j -= 1
    if i >= j:
        return []
    for k in range(i + 1, j - 1):  # a title inside: "Democratic National Committee Chairwoman Debbie Wasserman Schultz"
        if toks[k].text.lower() in cues.first_words and any(
                _key([t.text for t in toks[k:k + n]]) in cues.titles and k + n < j for n in (1, 2, 3)):
            return _run(st, toks, i, k, s, e, found) + _run(st, toks, k, j, s, e, found)
    for k in range(i + 1, j - 1):  # "Michael Siegel of (the) Boston University": a person of an organisation
        if toks[k].text != "of":
            continue
        left = [t.text for t in toks[i:k]]
        if (len(left) >= 2 and left[-1].lower() not in cues.org_heads) or left[0] in cues.first_names \
                or left[0] in st.aliases:
            return _run(st, toks, i, k, s, e, found) + _run(st, toks, k + 1, j, s, e, found)
        break
    heads = _heads(cues, [t.text for t in toks[i:j]])
    if not heads & cues.org_heads.keys():  # "Roman Catholic", "Republican": adjectives, unless in "National ... Center"
        while i < j and toks[i].text.lower() in cues.adjectives:
            i += 1
        while j > i and toks[j - 1].text.lower() in cues.adjectives:
            j -= 1
        if i >= j:
            return []
    a, b = toks[i].start, toks[j - 1].end
    name = " ".join(text[a:b].split())
    words = name.split()
    if not title and re.fullmatch(r"[A-Z]|[IVX]+", name):
        return []  # a single letter or a Roman numeral (World War II)
    if name in st.aliases:
        actor_id, by = st.aliases[name]
        return [_Mention(a, b, actor_id, by, title=title, kind="run")]
    if (name in cues.places or name in st.things) and not title and not _org_context(st, toks, i, j, s):
        return []  # a place that is not an actor (a US state, a city, a territory)
    last = words[-1].lower()
    heads = _heads(cues, words)
    thing = cues.cues.get("thing_head", frozenset())
    if not title and not heads & cues.org_heads.keys() and (
            (last in thing and (len(words) > 1 or _common_context(st, toks, i, found)))
            or (len(words) > 1 and words[0].lower() in cues.cues.get("thing_lead", ()))):
        st.things.add(name)
        if words[0].lower() in cues.cues.get("thing_lead", ()):
            st.things.add(" ".join(words[1:]))  # "Hurricane Dorian", then "Dorian"
        return []  # "Nobel Peace Prize", "Person of the Year", "Hurricane Dorian", "San Diego": things and places
    if len(words) == 1:
        gaz_people = st.gaz.surnames.get(name, ())
        if len(gaz_people) == 1:
            actor = st.gaz.actors[gaz_people[0]]
            _register(st, actor.id, actor.name, actor.type, actor.gender, actor.country)
            return [_Mention(a, b, actor.id, "surname", title=title, kind="run")]
        tag = _lexicon().get(name.lower())
        if not title and tag and not tag.startswith("NN") and not name.isupper():
            return []  # a common word capitalised ("New", "Brown")
        prev = toks[i - 1].text.lower() if i > 0 else ""
        possessive = j < len(toks) and _POSSESSIVE.match(toks[j].text) is not None
        if not title and prev in cues.cues.get("locative", ()) and not name.isupper() and not possessive:
            return []  # "in Ohio": a place
        if not title and name.lower() in cues.org_heads:
            return []  # "Congress" alone is left to the gazetteer
        if not title and not name.isupper() and words[0] not in cues.first_names \
                and not _named_here(st, toks, i, j, s) \
                and (_lexicon().get(name) == "JJ" or _key(name) in cues.titles or _key(name)[:-1] in cues.titles
                     or (tag == "NN" and _common_context(st, toks, i, found))):
            return []  # "Kurdish", "Senators", "the Constitution": an adjective, a title, a capitalised common noun
    acronym = name.isupper() and len(name) <= 8 and len(words) == 1
    gender = cues.titles[title].gender if title else ""
    speaker = acronym and _sentence_initial(text, s, a) and text[b:b + 1] == ":"  # "TAPPER: If you ..."
    joined = any(w in _JOINING for w in words[1:-1])
    org_head = next((h for h in heads if h in cues.org_heads), "")
    if org_head and not title:
        type_ = cues.org_heads[org_head]  # Bureau of Diplomatic Security, Centers for Disease Control
    elif speaker:
        type_ = "person"
    elif acronym or (words[0] not in cues.first_names and _org_context(st, toks, i, j, s)):
        type_ = "organisation"  # "Time magazine", "The Guardian"
    elif joined:
        type_ = "unknown"  # "Fridays for Future": a name joined by "for"/"of" is no person's
    elif (title and cues.titles[title].kind in _PERSON_TITLE_KINDS) or words[0] in cues.first_names or len(words) >= 2:
        type_ = "person"
        gender = gender or cues.first_names.get(words[0], "")
    else:
        type_ = "unknown"
    if type_ == "person" and words[0] in cues.first_names and len(words) == 1:
        type_ = "unknown"  # a lone given name is not enough
    if type_ in ("organisation", "group"):  # "Sudanese Armed Forces": the demonym is part of the name
        lead = next((m for m in found if m.end <= a and not text[m.end:a].strip() and m.kind in ("demonym", "name")
                     and st.info[m.actor_id].type == "state"), None)
        if lead is not None:
            found.remove(lead)
            a = lead.start
            name = " ".join(text[a:b].split())
    actor_id = "new:" + slugify(name)
    _register(st, actor_id, name, type_, gender)
    out = [_Mention(a, b, actor_id, "title" if title else "discovered", title=title, gender=gender, kind="run",
                    plural=type_ == "group" or toks[j - 1].tag == "NNPS")]
    if type_ == "person" and len(words) >= 2:
        surname = words[-1]
        st.aliases.setdefault(surname, (actor_id, "surname"))
        for k in range(1, len(words) - 1):  # "Rocky De La Fuente": "De La Fuente", "La Fuente"
            st.aliases.setdefault(" ".join(words[k:]), (actor_id, "surname"))
        if _NAME_PREFIX.match(surname):
            bare = re.split(r"[-'’]", surname, maxsplit=1)[-1]
            st.aliases.setdefault(bare, (actor_id, "surname"))
    # "Rapid Support Forces (RSF)": an acronym defined in brackets
    m = re.match(r"\s*\(\s*([A-Z][A-Z0-9&.-]{1,9})\s*\)", text[b:e])
    if m and not acronym:
        st.aliases[m.group(1)] = (actor_id, "acronym")
        out.append(_Mention(b + m.start(1), b + m.end(1), actor_id, "acronym", kind="alias_def"))
    # "Mohamed Hamdan Dagalo, known as Hemedti": a nickname
    m = cues.nickname.match(text, b, e)
    if m and type_ in ("person", "unknown"):
        n = re.match(r"[\"“‘']?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)", text[m.end():e])
        if n:
            st.aliases[n.group(1)] = (actor_id, "nickname")
            out.append(_Mention(m.end() + n.start(1), m.end() + n.end(1), actor_id, "nickname", kind="alias_def"))
    return out


def _heads(cues: Cues, words: list[str]) -> set[str]:
    """Head words of a name (lower case): the last word (its last hyphen part too) and the word before a joiner."""
    last = words[-1].lower()
    heads = {last, last.rsplit("-", 1)[-1]}
    k = next((k for k, w in enumerate(words) if w in _JOINING), 0)
    if k:
        heads.add(words[k - 1].lower())
    return heads


def _common_context(st: _State, toks: list[nlp.Token], i: int, found: list[_Mention]) -> bool:
    """Whether the word at ``toks[i]`` reads as a common noun: after an article, a possessive, an adjective
    stopword or a state ("the Constitution", "its Airport", "National Day", "the U.S. Constitution")."""
    if i == 0:
        return False
    p = toks[i - 1]
    low = p.text.lower()
    return low in ("the", "a", "an") or p.tag in ("PRP$", "POS") or low in st.cues.adjectives \
        or any(m.end == p.end and m.actor_id and st.info[m.actor_id].type == "state" for m in found)


def _named_here(st: _State, toks: list[nlp.Token], i: int, j: int, s: int) -> bool:
    """Context that makes a capitalised common noun a name: a possessive, a speech verb or an org noun after it,
    or a capitalised "The" before it in mid-sentence ("Apple's", "Hunter said", "Time magazine", "The Guardian")."""
    nxt = toks[j].text.lower() if j < len(toks) else ""
    return _POSSESSIVE.match(nxt) is not None or nxt in st.cues.cues.get("speech", ()) \
        or _org_context(st, toks, i, j, s)


def _org_context(st: _State, toks: list[nlp.Token], i: int, j: int, s: int) -> bool:
    """An org noun right after the name ("Time magazine") or a mid-sentence "The" before it ("The Atlantic")."""
    nxt = toks[j].text if j < len(toks) else ""
    if nxt.islower() and nxt in st.cues.cues.get("org_noun", ()):
        return True
    return i > 0 and toks[i - 1].text == "The" and not _sentence_initial(st.text, s, toks[i - 1].start) \
        and not _quote_initial(st.text, toks[i - 1].start)


# --------------------------------------------------------------------------- titles, offices, descriptions


def _title_before(st: _State, toks: list[nlp.Token], pos: int) -> tuple[int, str] | None:
    """(start, title key) of a title phrase ending right before ``pos``, longest first."""
    k = _tok_at(toks, pos)  # first token at/after pos
    for n in range(4, 0, -1):
        lo = k - n
        if lo < 0:
            continue
        words = [t.text for t in toks[lo:k]]
        key = _key(words)
        if key in st.cues.titles and words[0] != ".":
            gap = st.text[toks[k - 1].end:pos]
            if gap.strip():
                continue
            return toks[lo].start, key
    return None


def _attach_titles(st: _State, toks: list[nlp.Token], found: list[_Mention]) -> list[_Mention]:
    """Extend person mentions over titles, offices and demonyms before them."""
    text = st.text
    drop: set[int] = set()
    for idx, m in enumerate(found):
        if m.resolved_by in ("pronoun", "acronym", "nickname") or not m.actor_id:
            continue
        if st.info[m.actor_id].type not in ("person", "unknown"):
            continue
        j, has_title = m.start, bool(m.title)
        while True:
            prev = next((p for p in range(idx - 1, -1, -1) if found[p].end <= j and p not in drop), None)
            pm = found[prev] if prev is not None else None
            adjacent = pm is not None and not text[pm.end:j].strip()
            if adjacent and pm.kind == "office":
                j = pm.start
                m.office_id = pm.office_id
                m.title = m.title or _office_title(st, pm.office_id)
                drop.add(prev)
                has_title = True
                continue
            t = _title_before(st, toks, j)
            if t is not None:
                j = t[0]
                m.title = m.title or t[1]
                has_title = True
                continue
            if adjacent and has_title and pm.kind in ("demonym", "name", "alias") and \
                    st.info[pm.actor_id].type == "state":
                j = pm.start  # Russian President Vladimir Putin
                m.office_id = m.office_id or _office_for(st, pm.actor_id, m.title)
                drop.add(prev)
            break
        if m.title:
            g = st.cues.titles.get(m.title, ("", ""))[0]
            if g:
                m.gender = m.gender or g
                _register(st, m.actor_id, "", "", g)
            if st.info[m.actor_id].type == "unknown" and st.cues.titles[m.title].kind in _PERSON_TITLE_KINDS:
                st.info[m.actor_id].type = "person"
        if j < m.start and m.resolved_by in ("discovered",):
            m.resolved_by = "title"
        m.start = j
    return [m for i, m in enumerate(found) if i not in drop]


def _office_title(st: _State, office_id: str) -> str:
    name = st.gaz.offices[office_id].name.lower()
    return next((t for t in st.cues.titles_longest_first if _has_word(name, t)), "")


def _has_word(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words."""
    return _word_re(phrase).search(text) is not None


@lru_cache(maxsize=4096)
def _word_re(phrase: str) -> re.Pattern[str]:
    """``phrase`` as a whole-word pattern, compiled once (the re module's own cache is small and shared)."""
    return re.compile(rf"\b{re.escape(phrase)}\b")


def _office_for(st: _State, country: str, title: str) -> str:
    """The gazetteer office of ``country`` whose name contains ``title`` ('' if none or several)."""
    if not title:
        return ""
    hits = [o.id for o in st.gaz.offices.values()
            if o.country == country and _has_word(o.name.lower(), title)]
    return hits[0] if len(hits) == 1 else ""


def _modifiers(st: _State, toks: list[nlp.Token], pos: int) -> tuple[int, set[str], str]:
    """Walk left from ``pos`` over modifiers and a determiner: (start, modifiers, determiner)."""
    k = _tok_at(toks, pos)
    start = pos
    mods: set[str] = set()
    if k < len(toks) and toks[k].start < pos:  # then-President
        prefix = st.text[toks[k].start:pos].rstrip("-").lower()
        mods.add(prefix)
        start = toks[k].start
    det = ""
    for _ in range(4):
        k -= 1
        if k < 0:
            break
        w = toks[k].text.lower()
        if w in _DETERMINERS:
            det, start = w, toks[k].start
            break
        if w in _PAST or w in _NEW or (toks[k].tag in ("JJ", "RB", "VBN") and w not in st.cues.stopwords):
            mods.add(w)
            start = toks[k].start
            continue
        break
    return start, mods, det


def _descriptions(st: _State, toks: list[nlp.Token], found: list[_Mention], s: int) -> list[_Mention]:
    """Resolve office phrases and "the president"/"the government" descriptions."""
    out = [m for m in found if m.kind != "office"]
    used = [(m.start, m.end) for m in out]
    items = [(m.start, m.end, "office", m.office_id) for m in found if m.kind == "office"]
    first_words = st.cues.first_words
    for i, t in enumerate(toks):  # bare titles and definite nouns
        if t.text.lower() not in first_words:
            continue
        if any(a <= t.start < b for a, b in used) or any(a <= t.start < b for a, b, _, _ in items):
            continue
        for n in (3, 2, 1):
            words = [x.text for x in toks[i:i + n]]
            key = _key(words)
            is_title = key in st.cues.titles and st.cues.titles[key].kind in _DESCRIPTION_KINDS
            if len(words) == n and (is_title or key in st.cues.definites):
                items.append((t.start, toks[i + n - 1].end, "title" if key in st.cues.titles else "definite", key))
                break
    for a, b, what, key in sorted(items):
        start, mods, det = _modifiers(st, toks, a)
        if what != "office" and det != "the":
            continue
        prev = next((m for m in reversed(out) if m.end <= start), None)
        apposed = prev is not None and prev.actor_id and st.info[prev.actor_id].type == "person" and \
            re.fullmatch(r"\s*,\s*", st.text[prev.end:start])
        if apposed:
            out.append(_Mention(start, b, prev.actor_id, "office" if what == "office" else "title",
                                office_id=key if what == "office" else "", title=key if what != "office" else ""))
            continue
        if mods & _PAST:
            continue
        actor_id = ""
        if what == "office":
            office = st.gaz.offices[key]
            generic = det in ("a", "an") and not mods & _NEW
            holder = None if generic else st.gaz.holder(key, st.date)
            if holder:
                p = st.gaz.actors[holder]
                _register(st, p.id, p.name, p.type, p.gender, p.country)
                actor_id = holder
            else:
                _register(st, office.actor_id, office.name, "office", "", office.country)
                actor_id = office.actor_id
            out.append(_Mention(start, b, actor_id, "office", office_id=key, title=_office_title(st, key)))
        elif what == "title":
            ante = _title_antecedent(st, out, key)
            if ante is not None:
                out.append(_Mention(start, b, ante.actor_id, "definite", office_id=ante.office_id, title=key))
            else:  # "the prime minister" with nobody to point to: the role itself, never a guessed person
                actor_id = "role:" + key.replace(" ", "_")
                _register(st, actor_id, key, "role", st.cues.titles[key].gender)
                out.append(_Mention(start, b, actor_id, "definite", title=key))
        else:
            states = _states_in_scope(st, out, start)
            if len(states) == 1:
                out.append(_Mention(start, b, states[0], "definite"))
    return out


def _title_antecedent(st: _State, current: list[_Mention], key: str) -> _Mention | None:
    for m in reversed(st.mentions + current):
        if m.title == key or (m.office_id and _office_title(st, m.office_id) == key):
            return m
    return None


def _states_in_scope(st: _State, current: list[_Mention], before: int) -> list[str]:
    seen: list[str] = []
    for m in st.previous + [m for m in current if m.end <= before]:
        info = st.info.get(m.actor_id)
        if info is None:
            continue
        sid = m.actor_id if info.type == "state" else info.country
        if sid and sid in st.gaz.actors and st.gaz.actors[sid].type == "state" and sid not in seen:
            seen.append(sid)
            actor = st.gaz.actors[sid]
            _register(st, sid, actor.name, actor.type, "", sid)
    return seen


def _mark_subjects(text: str, toks: list[nlp.Token], found: list[_Mention]) -> None:
    for i, m in enumerate(found):
        end = m.end
        for later in found[i + 1:]:  # skip an apposition of the same actor: "Joe Biden, the then-President, made"
            if later.actor_id == m.actor_id and re.fullmatch(r"\s*,\s*", text[end:later.start]):
                end = later.end
            else:
                break
        k = _tok_at(toks, end)
        if k < len(toks) and toks[k].text == ",":
            if end != m.end:
                k += 1
            else:  # "Hemedti, for his part, blamed": skip a short parenthetical
                close = next((x for x in range(k + 1, min(k + 8, len(toks))) if toks[x].text == ","), None)
                k = close + 1 if close is not None else k
        if k < len(toks) and toks[k].tag == "RB":
            k += 1
        m.subject = k < len(toks) and (toks[k].tag.startswith("VB") or toks[k].tag == "MD")


# --------------------------------------------------------------------------- pronouns


def _pronouns(st: _State, toks: list[nlp.Token], found: list[_Mention], quotes: list[tuple[int, int]],
              sid: int) -> list[_Mention]:
    out = list(found)
    placeholders: list[_Mention] = []  # pronouns with no antecedent in scope, each its own unnamed person
    for k, t in enumerate(toks):
        low = t.text.lower()
        if low not in st.cues.pronouns or t.tag not in ("PRP", "PRP$"):
            continue
        if any(m.start <= t.start < m.end for m in out):
            continue
        gender, number, _case = st.cues.pronouns[low]
        if t.tag == "PRP$":
            _case = "possessive"  # "her" is both
        q = _quote_of(quotes, t.start)
        here = [m for m in out if m.end <= t.start and m.quote == q]
        before = [] if q >= 0 else [m for m in st.previous if m.quote < 0 or True]
        compatible = 1
        if number == "plural":
            ante = _plural_antecedent(st, toks, here, before, t)
        elif gender == "neuter":
            ante = _its_antecedent(st, here)
        else:
            ante = None
            if q < 0 and not any(m.subject for m in here):  # "Asked by Lauer if he lied, Lochte denied it"
                ante = _cataphor(st, toks, found, k, gender)
            if ante is None and _case == "possessive":
                ante = _conjunct(st, toks, here, k, gender)
            if ante is None:
                waiting = [m for m in placeholders if m.quote == q]
                ante, compatible = _person_antecedent(st, toks, sorted(here + waiting, key=lambda m: m.start),
                                                      before, gender, _case, t.start)
        mention = _Mention(t.start, t.end, ante.actor_id if ante else "", "pronoun", sentence_id=sid,
                           office_id=ante.office_id if ante else "", quote=q, subject=_case == "subject",
                           gender=gender if gender in ("male", "female") else "")
        if ante is None and not compatible and gender in ("male", "female"):
            mention.actor_id = f"anon:{sid}:{t.start}"  # emitted only if a later pronoun links to it
            _register(st, mention.actor_id, f"unnamed person ({_SUBJECT_FORM[gender]})", "person", gender)
            placeholders.append(mention)
        elif ante is not None:
            if ante in placeholders:
                placeholders.remove(ante)
                out.append(ante)
            out.append(mention)
            out.sort(key=lambda m: m.start)
    return out


def _compatible(st: _State, m: _Mention, gender: str) -> tuple[bool, bool]:
    """(compatible with a he/she pronoun of ``gender``, gender known and equal)."""
    info = st.info.get(m.actor_id)
    if info is None:
        return False, False
    if info.type == "office":
        return True, False
    if info.type == "role":
        return not info.gender or info.gender == gender, info.gender == gender
    if info.type not in ("person", "unknown"):
        return False, False
    if info.type == "unknown" and (m.plural or st.text[m.start:m.end].isupper()):
        return False, False
    g = m.gender or info.gender
    if g and g != gender:
        return False, False
    return True, bool(g)


def _clause_break(toks: list[nlp.Token], a: int, b: int, *, coordinators: frozenset[str] = frozenset()) -> bool:
    """True if a clause boundary (punctuation, a subordinator, a second verb) lies between offsets a and b.

    With ``coordinators`` (cue kind ``coordinator``), a coordinated or participial verb phrase
    that has no subject of its own ("condemned Trump and called on him", "..., dismissing him as
    a choke artist") is no boundary: its subject is still the one before it.
    """
    verbs = 0
    span = [t for t in toks if a <= t.start < b]
    for i, t in enumerate(span):
        if coordinators and (t.text.lower() in coordinators or t.tag == ","):
            nxt = next((x for x in span[i + 1:] if x.tag != "RB"), None)
            if nxt is not None and nxt.tag in ("VBD", "VBZ", "VBP", "VBN", "VBG"):
                verbs -= nxt.tag in ("VBD", "VBZ", "VBP")  # the coordinated verb is not a second clause
                continue
        if t.text.lower() in _CLAUSE_WORDS or t.tag in (",", ":", '"', "(") or t.text in _QUOTES:
            return True
        if t.tag.startswith("VB") and (not verbs or t.tag in ("VBD", "VBZ", "VBP")):
            verbs += 1
    return verbs > 1


def _person_antecedent(st: _State, toks: list[nlp.Token], here: list[_Mention], before: list[_Mention],
                       gender: str, case: str, at: int) -> tuple[_Mention | None, int]:
    """The antecedent of a he/she pronoun at offset ``at`` (None: no clear winner) and how many actors fit."""
    best: dict[str, tuple[float, _Mention]] = {}
    first_subject = next((m.actor_id for m in here if m.subject), "")
    joins = st.cues.cues.get("coordinator", frozenset())
    for same, group in ((0, before), (1, here)):
        for pos, m in enumerate(group):
            ok, known = _compatible(st, m, gender)
            if not ok:
                continue
            local = same and not _clause_break(toks, m.end, at)
            if case == "object" and m.subject and same and not _clause_break(toks, m.end, at, coordinators=joins):
                continue  # "Trump praised him", "Perry condemned Trump and called on him": him is not the subject
            if case == "reflexive" and not same:
                continue
            local_subject = case == "reflexive" and local and m.subject  # "Trump praised himself"
            score = (SAME * same + SUBJECT * (m.subject + local_subject) + GENDER * known
                     + FIRST * (m.actor_id == first_subject) + 0.01 * pos)
            if m.actor_id not in best or score >= best[m.actor_id][0]:
                best[m.actor_id] = (score, m)
    if not best:
        return None, 0
    ranked = sorted(best.values(), key=lambda x: -x[0])
    if len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= MARGIN:
        return ranked[0][1], len(ranked)
    return None, len(ranked)


def _cataphor(st: _State, toks: list[nlp.Token], found: list[_Mention], k: int, gender: str) -> _Mention | None:
    """'In his first speech, Trump said': a pronoun in a fronted phrase takes the subject after a comma.

    The subject is the first mention that follows one of the commas after the pronoun and is
    followed by a verb ("Between his threats ... and his attacks on the media, Trump is signaling").
    """
    if not toks or toks[0].tag not in ("IN", "RB", "VBG", "VBN", "JJ", "WRB", "TO") or k == 0:
        return None
    for comma in range(k + 1, len(toks) - 1):
        if toks[comma].text != ",":
            continue
        m = next((m for m in found if m.start == toks[comma + 1].start), None)
        if m is not None and m.subject:
            return m if m.quote < 0 and _compatible(st, m, gender)[0] else None
    return None


def _conjunct(st: _State, toks: list[nlp.Token], here: list[_Mention], k: int, gender: str) -> _Mention | None:
    """'Clinton and her staff': a possessive right after 'and'/'or' takes the mention just before."""
    if k < 2 or toks[k - 1].text.lower() not in st.cues.cues.get("coordinator", ()):
        return None
    m = next((m for m in here if m.end == toks[k - 2].end), None)
    return m if m is not None and _compatible(st, m, gender)[0] else None


def _plural_antecedent(st: _State, toks: list[nlp.Token], here: list[_Mention], before: list[_Mention],
                       t: nlp.Token) -> _Mention | None:
    cands = [m for m in before + here if m.plural and st.info.get(m.actor_id) is not None]
    if len({m.actor_id for m in cands}) != 1:
        return None
    m = cands[-1]
    if m in here:  # no plural common noun between the group and the pronoun
        k0, k1 = _tok_at(toks, m.end), _tok_at(toks, t.start)
        if any(x.tag == "NNS" for x in toks[k0 + 1:k1]):
            return None
    elif any(x.tag == "NNS" for x in toks[:_tok_at(toks, t.start)]):
        return None
    return m


def _its_antecedent(st: _State, here: list[_Mention]) -> _Mention | None:
    for m in reversed(here):
        info = st.info.get(m.actor_id)
        if info is None:
            continue
        if info.type in ("state", "organisation", "group"):
            return m
        return None
    return None
