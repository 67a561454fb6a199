"""Steps 2 and 4 of actor finding: one candidate per span, then one actor per real-world entity.

Overlaps (:func:`merge`): a group noun phrase holds its qualifier ("Hong Kong police"); a gazetteer
form wins over an entity of the same span; a longer person, thing or event name swallows a
gazetteer form inside it ("George Washington", "Paris Agreement"), and an organisation's name does
too unless the form is the whole name bar an article; otherwise the longer candidate wins.

Titles (:func:`attach_titles`): a title, the office or nationality before it, and the compound
words of the title join a person's mention ("Russian President Vladimir Putin", "Commerce
Secretary Wilbur Ross"); a title phrase in apposition to a person is that person ("The mayor of
London, Sadiq Khan", "Joe Biden, the then-President of the United States").

Identity (:func:`cluster`): gazetteer ids as they are; a new person's surname alone ("Ross" after
"Wilbur Ross") joins the one earlier full name ending in it, a royal or religious title before a given
name ("Princess Ubolratana") the one earlier full name starting with it; an organisation's acronym ("RSF" after
"Rapid Support Forces") or a shorter form whose words all appear, in order and with the same last
word, in an earlier name ("Oversight Committee" of "House Oversight and Reform Committee"), or its first
words (first a name where the rest is a qualifier or a legal form: "House" of "House of Representatives",
"Ford" of "Ford Motor Company", before "House Judiciary Committee"), or the same name in another case,
joins it. Group nouns are one actor per noun, qualified by the first place or nationality that qualifies
it in the article.

Descriptions (:func:`resolve_descriptions`): an office phrase is its holder on the article date
(without a date, or "an American president", the office itself: ``office:<id>``); "then-"/"former"
phrases name nobody outside apposition; "the president" is the latest earlier mention with that
title or office (else the role itself: ``role:<title>``); "the government" (also "her government") an
earlier qualified government ("Hong Kong government"), else the one polity in scope (this sentence and
the one before), else the polity the article names most; a polity that is no state has a government of
its own ("Hong Kong government"). "The court", "the party" are the latest earlier organisation whose
name ends in that word.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter

from spacy.tokens import Token

from helpers.actors.candidates import (
    CAMP,
    JOINS,
    PAST_WORDS,
    THING_LABELS,
    Candidate,
    is_acronym,
    modifiers,
    person_as_thing,
    title_before,
)
from helpers.actors.gazetteer import Gazetteer, is_outlet
from helpers.actors.lexicon import PERSON_TITLE_KINDS, ActorLexicon, common_word, load_lexicon, title_key
from helpers.text.article import fold_accents, id_slug
from helpers.text.document import Document, text_of
from helpers.text.words import (
    DETERMINERS,
    NAME_SUFFIXES,
    NATIONAL_WORDS,
    PASSIVE_SUBJECT_DEPS,
    REFERRING_ADJECTIVES,
    STATIVE_VERBS,
    SUBJECT_DEPS,
)

#: Kinds that come from the gazetteer (their ``actor_id`` is known).
GAZETTEER_KINDS = frozenset({"gazetteer", "alias", "demonym", "metonym"})


def _names_after_organisations(document: Document, cands: list[Candidate]) -> list[Candidate]:
    """People the recogniser glued to the organisation named before them ("director of Amnesty International
    Man-kei Tam said"): where a found organisation starts with a gazetteer organisation and the rest is a
    name of two to four capitalised words holding the entity's subject, the rest is a person of its own
    (not "Brussels Airlines": a metonym, and one word)."""
    doc, out = document.doc, []
    known = {(c.start, c.end) for c in cands if c.kind in ("gazetteer", "alias") and c.label == "organisation"}
    for c in cands:
        if c.kind != "ner" or c.label != "organisation" or doc[c.head].dep_ not in ("nsubj", "nsubjpass"):
            continue
        cut = max((e for s, e in known if s == c.start and e < c.end), default=None)
        span = doc.char_span(cut, c.end, alignment_mode="contract") if cut is not None else None
        if span is None or not 2 <= sum(t.text != "-" for t in span) <= 4 or not span[0].text[:1].isupper() \
                or not span.start <= c.head < span.end or any(t.pos_ != "PROPN" and t.text != "-" for t in span):
            continue
        out.append(Candidate(span.start_char, span.end_char, c.sentence_id, "ner", "person", c.head,
                             name=span.text))  # fmt: skip
    return out


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _length(c: Candidate) -> int:
    return c.end - c.start


def merge(document: Document, cands: list[Candidate], lex: ActorLexicon | None = None) -> list[Candidate]:
    """One candidate per span (see the module docstring); the result is sorted by start. With ``lex``, a
    thing entity that is a person's name (:func:`person_as_thing`) holds no name of its own."""
    doc = document.doc
    things = [(e.start_char, e.end_char) for e in doc.ents
              if e.label_ in THING_LABELS and not (lex is not None and person_as_thing(e, lex))]  # sorted, disjoint
    thing_starts = [a for a, _ in things]
    kept: list[Candidate] = []
    for c in cands:
        k = bisect_right(thing_starts, c.start) - 1  # the one entity that can hold c: the last starting at or before it
        if k >= 0 and c.end <= things[k][1] and things[k] != (c.start, c.end):
            if c.kind not in GAZETTEER_KINDS or c.label != "person":
                continue
        kept.append(c)
    kept += _names_after_organisations(document, kept)
    groups = [c for c in kept if c.kind == "group"]
    lists = {(c.start, c.end) for c in kept if c.kind not in GAZETTEER_KINDS and _coordination(doc, c)}
    heads = (lex or load_lexicon()).org_heads
    lists |= {(c.start, c.end) for c in kept if c.kind == "ner" and _thing_of(doc, c, heads)}
    longest = max((_length(c) for c in kept), default=0)
    out: list[Candidate] = []  # sorted by start: each candidate comes at or after every one kept so far
    for c in sorted(kept, key=lambda c: (c.start, -_length(c))):
        clash = []
        for o in reversed(out):  # only the last few can reach c
            if o.start + longest <= c.start:
                break
            if _overlaps(o, c):
                clash.append(o)
        clash.reverse()
        if not clash:
            out.append(c)
            continue
        winner = next((o for o in clash if _wins(o, c, groups, lists)), c)
        if winner is c:
            for o in clash:
                if c.kind == "group":
                    _absorb_qualifier(c, o)
                out.remove(o)
            out.append(c)
        elif winner.kind == "group":
            _absorb_qualifier(winner, c)
    return sorted(out, key=lambda c: c.start)


def _absorb_qualifier(group: Candidate, inner: Candidate) -> None:
    """Remember the gazetteer actor of a group's qualifier ("Russian" in "Russian officials")."""
    if inner.actor_id and inner.label in ("state", "organisation") and not group.actor_id and group.qualifier:
        group.actor_id = "qualifier:" + inner.actor_id


def _coordination(doc, c: Candidate) -> bool:
    """Whether a found entity is two names joined by "and" that the model took for one ("Crete and Cyprus"):
    its head has a conjunct inside the span."""
    root = doc[c.head]
    return any(k.dep_ == "conj" and c.start <= k.idx < c.end for k in root.children)


def _wins(old: Candidate, new: Candidate, groups: list[Candidate], lists: set[tuple[int, int]]) -> bool:
    """Whether ``old`` (already kept) beats ``new`` where they overlap; ``lists`` holds the spans of found
    entities that join two names or name a thing of a place (a gazetteer name inside one wins)."""
    if "group" in (old.kind, new.kind) and old.kind != new.kind:
        group, name = (old, new) if old.kind == "group" else (new, old)
        if (group.start, group.end) == (name.start, name.end) and name.kind == "ner" and "people" in group.modifiers:
            return group is old  # "Serbians": a nation's people, which the recogniser also tagged
        holds_head = name.start <= _head_start(group) < name.end
        return (name is old) if holds_head else (group is old)
    if (old.start, old.end) == (new.start, new.end):
        return old.kind in GAZETTEER_KINDS or new.kind not in GAZETTEER_KINDS
    if "office" in (old.kind, new.kind) and old.kind != new.kind:
        office, other = (old, new) if old.kind == "office" else (new, old)
        inside = office.start <= other.start and other.end <= office.end
        return (office is old) if inside or other.label != "person" else (other is old)
    old_gaz, new_gaz = old.kind in GAZETTEER_KINDS, new.kind in GAZETTEER_KINDS
    if old_gaz != new_gaz:
        gaz, ner = (old, new) if old_gaz else (new, old)
        ner_longer = ner.start <= gaz.start and gaz.end <= ner.end and _length(ner) > _length(gaz)
        if ner_longer and ner.label in ("person", "organisation") and not (ner.label == "person" == gaz.label) \
                and not (gaz.label == "organisation" and gaz.start == ner.start) and (ner.start, ner.end) not in lists:
            return ner is old  # "George Washington", "Libyan House of Representatives", "Brussels Airlines"
        if ner_longer and ner.label == "person" == gaz.label and gaz.start == ner.start and gaz.kind == "alias" \
                and ner.name[gaz.end - gaz.start : gaz.end - gaz.start + 1] == " ":  # not "Obama-Biden"
            return ner is old  # "Michel Mayor": a given name, not "Michel" for Charles Michel
        if ner_longer and ner.label == "place" and gaz.label == "state":
            return gaz is old  # "U.S.-Russia" tagged as one entity: the gazetteer forms inside win
        return gaz is old
    return _length(old) >= _length(new)


def _thing_of(doc, c: Candidate, org_heads: dict[str, str]) -> bool:
    """Whether a found name is "the", an ordinary word (no organisation word) and "of" before a place: "the
    Economy of Turkey", "the People of Iran" (not "the Bank of England", "Voice of America"): the
    gazetteer names inside it win, as in a list."""
    words = c.name.split()
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    after_the = span is not None and span.start > 0 and doc[span.start - 1].lower_ == "the"
    return after_the and len(words) >= 3 and words[1] == "of" and common_word(words[0]) \
        and words[0].lower() not in org_heads


def _head_start(c: Candidate) -> int:
    """Character offset where a group mention's noun starts (its last word)."""
    return c.start + len(c.name) - len(c.name.split()[-1]) if c.name else c.start


# --------------------------------------------------------------------------- titles


def attach_titles(document: Document, cands: list[Candidate], gaz: Gazetteer, lex: ActorLexicon) -> list[Candidate]:
    """Extend person mentions over their titles; resolve title phrases in apposition to a person."""
    doc = document.doc
    text = text_of(doc)
    by_end: dict[int, list[tuple[int, Candidate]]] = {}
    for k, o in enumerate(cands):
        by_end.setdefault(o.end, []).append((k, o))
    drop: set[int] = set()

    def before(c: Candidate, pos: int) -> Candidate | None:
        """The last candidate (in list order) that ends right before ``pos``, with only spaces between."""
        lo = pos
        while lo > 0 and text[lo - 1].isspace():
            lo -= 1
        near = [(k, o) for e in range(lo, pos + 1) for k, o in by_end.get(e, ()) if o is not c and id(o) not in drop]
        return max(near, key=lambda x: x[0])[1] if near else None

    for c in cands:
        if c.label != "person":
            continue
        i = doc.char_span(c.start, c.end, alignment_mode="expand").start
        while True:
            p = before(c, doc[i].idx)
            if p is not None and p.kind == "office":
                c.office_id, c.title = p.office_id, c.title or _office_title(gaz, lex, p.office_id)
                drop.add(id(p))
                i = doc.char_span(p.start, p.end, alignment_mode="expand").start
                continue
            t = title_before(doc, i, lex)
            if t is not None:
                lo, key = t
                c.title = c.title or key
                i = lo
                while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound" \
                        and doc[i - 1].head.i >= i and doc[i - 1].ent_type_ not in ("PERSON",):
                    i -= 1  # "Commerce Secretary": the title's own compound words
                for o in cands:
                    if o is not c and o.start >= doc[i].idx and o.end <= c.start:
                        drop.add(id(o))
                continue
            if p is not None and c.title and p.label == "state" and p.kind in GAZETTEER_KINDS | {"ner"}:
                c.office_id = c.office_id or _office_for(gaz, p.actor_id, c.title)
                drop.add(id(p))
                i = doc.char_span(p.start, p.end, alignment_mode="expand").start
            break
        if doc[i].idx < c.start:
            c.start = doc[i].idx
            if c.kind == "ner":
                c.kind = "title"
        if not c.title:  # "Queen Elizabeth II", "King Maha Vajiralongkorn": the title is part of the name
            words = text_of(doc)[c.start : c.end].split()
            c.title = next((title_key(" ".join(words[:n])) for n in (2, 1) if len(words) > n
                            and title_key(" ".join(words[:n])) in lex.titles), "")  # fmt: skip
        if c.kind in GAZETTEER_KINDS and c.actor_id in gaz.actors and _other_sex(c, c.actor_id, [], gaz, lex):
            c.kind, c.actor_id, c.gender = "title", "", ""  # "Mrs. Trump": a name of its own, not Donald Trump's
            c.name = " ".join(text[c.start : c.end].split())
        if c.title and lex.titles.get(c.title):
            c.gender = c.gender or lex.titles[c.title].gender
    return [c for c in cands if id(c) not in drop]


def _office_title(gaz: Gazetteer, lex: ActorLexicon, office_id: str) -> str:
    name = gaz.offices[office_id].name.lower()
    return next((t for t in lex.titles_longest_first if re.search(rf"\b{re.escape(t)}\b", name)), "")


def _office_for(gaz: Gazetteer, country: str, title: str) -> str:
    """The gazetteer office of ``country`` whose name contains ``title`` ('' if none or several)."""
    if not title or not country:
        return ""
    hits = [o.id for o in gaz.offices.values()
            if o.country == country and re.search(rf"\b{re.escape(title)}\b", o.name.lower())]  # fmt: skip
    return hits[0] if len(hits) == 1 else ""


# --------------------------------------------------------------------------- identity


def head_word(name: str) -> str:
    """The head noun of a name, lower case: the word before "of" ("Court of Session"), else the last word."""
    words = name.split()
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1].casefold()
    return words[-1].casefold() if words else ""


def name_key(text: str) -> str:
    """Comparison key of a name: case-folded, without accents, no article or possessive, single spaces, no dots."""
    s = " ".join(fold_accents(text).replace("’", "'").split()).casefold()
    s = re.sub(r"^(the|a|an)\s+", "", s)
    s = re.sub(r"('s|')$", "", s)
    return s.replace(".", "")


def _defined_short_forms(named: list[Candidate], text: str) -> dict[str, Candidate]:
    """Short names (up to three capitalised words: "First MSMU") the text puts in parentheses right after an
    organisation's name, mapped to it (not the initials of the name's last words: "the Parliament of New South
    Wales (NSW)" names the state so)."""
    out: dict[str, Candidate] = {}
    for a in named:
        if a.label != "organisation" or text[a.end : a.end + 2] != " (":
            continue
        close = text.find(")", a.end + 2, a.end + 40)
        short = text[a.end + 2 : close] if close > 0 else ""
        words = [w for w in a.name.split() if w[:1].isupper()]
        part = any(short == _initials(words[k:]) for k in range(1, len(words)))  # "of New South Wales (NSW)"
        if len(short.split()) <= 3 and all(w.isalpha() and w[:1].isupper() for w in short.split()) and not part:
            out.setdefault(short, a)
    return out


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


#: Kinds of title (``titles.csv``) that go before a given name alone: "Princess Ubolratana", "Pope Francis".
GIVEN_NAME_TITLES = frozenset({"royal", "religious"})


def cluster(cands: list[Candidate], gaz: Gazetteer, lex: ActorLexicon,
            text: str = "") -> dict[str, tuple[str, str, str]]:
    """Give every named candidate an ``actor_id``; returns ``{actor_id: (name, type, gender)}``.

    Gazetteer candidates keep their ids. New names get ``new:<slug>`` ids, joined by surname,
    acronym, word subsequence, prefix or case (module docstring); a one-word short form the article
    defines in parentheses right after an organisation's name is that organisation wherever it stands
    ("the Philippine Institute of Volcanology and Seismology (Phivolcs)"; ``text`` is the article's).
    Group nouns get ``group:<noun>`` ids (or their state's id, or ``new:<qualifier>-<noun>`` for a
    qualified state-like body).
    """
    info: dict[str, tuple[str, str, str]] = {}
    names: list[tuple[str, list[str], str]] = []  # (actor id, words, label) of full names, in order
    by_key: dict[str, str] = {}
    qualified: dict[str, str] = {}  # group noun -> first qualified actor id
    defined = _defined_short_forms([c for c in cands if c.kind in ("ner", "title")], text)
    for c in cands:  # "the Armed Forces of the Philippines (AFP)": its AFP, not the news agency's
        if c.kind == "alias" and text[c.start : c.end] in defined:
            c.kind, c.actor_id, c.name, c.label = "ner", "", text[c.start : c.end], "organisation"
    for c in cands:  # full names first, so that a surname before its full name still joins it
        if c.kind in GAZETTEER_KINDS:
            actor = gaz.actors[c.actor_id]
            info.setdefault(actor.id, (actor.name, actor.type, actor.gender))
            for form in (actor.name, *actor.aliases):
                names.append((actor.id, fold_accents(form).split(), actor.type))
    named = [c for c in cands if c.kind in ("ner", "title")]
    sides: dict[str, set[str]] = {}  # group noun -> the sides named with it ("pro-democracy")
    joins: dict[str, set[str]] = {}  # group noun another joins -> the nouns joining it here
    for c in cands:
        if c.kind == "group":
            sides.setdefault(_group_noun(c), set()).update(_camps(c))
            for m in c.modifiers:
                if m.startswith(JOINS):
                    joins.setdefault(m[len(JOINS) :], set()).add(_group_noun(c))
    present = set(sides) | {n for n, by in joins.items() if len(by) > 1}  # "assailants ... suspects": one group
    nations: dict[str, set[str]] = {}  # group noun -> the states its people are named from ("Indian students")
    for c in cands:
        if c.kind == "group" and "state" not in c.modifiers and (nation := _nation(c.qualifier, gaz)):
            nations.setdefault(_group_noun(c), set()).add(nation)
    for c in cands:
        if c.kind == "group":
            noun = _group_noun(c)
            _group_actor(c, gaz, lex, info, qualified, split=len(sides.get(noun, ())) > 1, present=present,
                         by_nation=len(nations.get(noun, ())) > 1)
    for c in named:
        if c.label == "person" and _camel_case(c.name) and not (
                c.title in lex.titles and lex.titles[c.title].kind in PERSON_TITLE_KINDS):
            c.label = "organisation"  # "UOKiK", "SpaceX", "GitHub": no person's name (but "Mr. CreepyPasta",
            # a stage name with a person's title)
    acting = {c.name for c in named if c.label == "person"}  # names read as people somewhere (not "Christchurch"
    # read as an organisation in a headline: the city, not "Christchurch District Court")
    readings = Counter((c.name, c.label) for c in named)
    surnames = {c.name.split()[-1] for c in named if c.label == "person" and len(c.name.split()) > 1}
    for c in sorted(named, key=lambda c: len(c.name.split()) < 2):  # full names before lone words
        words = c.name.split()
        if c.label == "organisation" and len(words) == 1 and c.name not in acting and c.name not in surnames \
                and readings[(c.name, "place")] > readings[(c.name, "organisation")]:
            c.label = "place"  # "appears in court at Christchurch" in a headline: the city the text names twice
        key = name_key(c.name)
        long_form = defined.get(c.name)
        if long_form is not None and long_form.actor_id:
            c.label = long_form.label
        if _region_not_surname(c, words, names, text):
            key += "|the"  # "The West has imposed sanctions" after "Kanye West": the region, not him
            actor_id = by_key.get(key, "")
        else:
            actor_id = by_key.get(key) or (long_form.actor_id if long_form is not None and long_form.actor_id
                                           else "") or _join(c, words, names, gaz, lex, c.name in acting)
        folded = fold_accents(c.name).split()  # as the names compare: "Kaczynski" is "Kaczyński"
        if actor_id and _other_sex(c, actor_id, names, gaz, lex):  # "Mrs. Trump" is not Donald Trump
            key = f"{key}|{lex.titles[c.title].gender}"
            actor_id = by_key.get(key, "")
        if not actor_id:
            actor_id = "new:" + id_slug(c.name)
            names.append((actor_id, folded, c.label))
        by_key.setdefault(key, actor_id)
        c.actor_id = actor_id
        if actor_id in gaz.actors:
            a = gaz.actors[actor_id]
            info.setdefault(actor_id, (a.name, a.type, a.gender))
            c.kind = "surname" if len(words) == 1 else c.kind
            c.label = a.type
            continue
        name, label, gender = info.get(actor_id, (c.name, c.label, ""))
        if c.label == "person" and label != "person" and (len(words) > 1 or label == "organisation") \
                and (label != "organisation" or (_person_like(name.split(), lex) and not _plain_words(name, lex))):
            label = "person"  # a name, or its surname alone, read as a person somewhere (not "Mahan" of
            # "Mahan Air of Iran": a name no person has; nor "Hat" of "Red Hat", a body's name of plain words)
        if c.label == label and (len(c.name) > len(name) or (
                not c.name.isascii() and name.isascii() and fold_accents(c.name) == name)):
            name = c.name  # the longest form; of two spellings, the one with its accents
        by_given = len(words) > 1 or words[0] not in lex.surname_names  # "Warren" alone may be a surname
        gender = gender or c.gender or (lex.first_names.get(words[0], "") if by_given else "")
        if c.title and lex.titles.get(c.title) and not gender:
            gender = lex.titles[c.title].gender
        info[actor_id] = (name, label, gender)
        c.label = label
    return info


def _bearers(names: list[tuple[str, list[str], str]], surname: str) -> set[str]:
    """The persons named in full (two words or more) whose last word is ``surname``, compared without accents."""
    folded = fold_accents(surname)
    return {a for a, w, lab in names if lab == "person" and len(w) > 1 and w[-1] == folded}


def _region_not_surname(c: Candidate, words: list[str], names: list[tuple[str, list[str], str]], text: str) -> bool:
    """A one-word place after "the" that is the surname of a person named in full ("Kanye West ... the West
    has imposed sanctions"): a region, which no one calls a person by."""
    return len(words) == 1 and c.label == "place" and text[max(0, c.start - 4) : c.start].lower() == "the " \
        and bool(_bearers(names, words[0]))


#: Surname prefixes written with a capital inside the word ("McConnell", "DeSantis", "LaGuardia", "O'Brien").
_CAMEL_SURNAME = re.compile(r"^(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O'|O’|D'|D’)[A-Z]")
_CAMEL = re.compile(r"[a-z][A-Z]")


def _camel_case(name: str) -> bool:
    """Whether a name has a word with a capital after a small letter that no surname prefix explains
    ("UOKiK", "SpaceX", "GitHub", "TfL"): a body's or product's name, not a person's."""
    return any(_CAMEL.search(w) and not _CAMEL_SURNAME.match(w) for w in name.split())


def _national_form(words: list[str], gaz: Gazetteer) -> str:
    """The gazetteer body a name gives with its own country before it ("United States Democratic Party",
    "Russian Ministry of Defence"), else ''; another country's body stays apart ("Libyan House of
    Representatives" is not the US House)."""
    for k in range(1, len(words) - 1):
        states = {x.target for x in gaz.lookup(" ".join(words[:k])) if x.kind in ("name", "alias", "demonym")}
        bodies = {x.target for x in gaz.lookup(" ".join(words[k:])) if x.kind in ("name", "alias")}
        if len(states) == 1 and len(bodies) == 1:
            body = next(iter(bodies))
            if gaz.actors[body].country and gaz.actors[body].country in states:
                return body
    return ""


def _state_body(words: list[str], gaz: Gazetteer, lex: ActorLexicon) -> str:
    """The gazetteer state a name gives as the owner of a noun that stands for a state
    (``definites.csv``: government, administration, ...): "Government of Iraq", "the Iraqi Government", as
    "the Iraqi government" is; else ''."""
    low = [w.lower() for w in words]
    if len(words) >= 3 and lex.definites.get(low[0]) == "state" and low[1] == "of":
        owner = words[3:] if low[2] == "the" else words[2:]
    elif lex.definites.get(low[-1]) == "state":
        owner = words[:-1]
    else:
        return ""
    states = {x.target for x in gaz.lookup(" ".join(owner)) if x.kind in ("name", "alias", "demonym")}
    state = next(iter(states)) if len(states) == 1 else ""
    return state if state and gaz.actors[state].type == "state" else ""


def _person_like(words: list[str], lex: ActorLexicon) -> bool:
    """Whether a name the recogniser called an organisation could be a person's: capitalised words, none
    an acronym or an organisation word ("Landon Collins", not "Weinstein Company" or "BBC News")."""
    return all(w[:1].isupper() and not w.isupper() and w.lower() not in lex.org_heads for w in words)


def _plain_words(name: str, lex: ActorLexicon) -> bool:
    """Whether a name of two words or more is ordinary English words only, opening with no given name ("Red
    Hat", "Bug Busters"; not "Will Smith", "Rose Hill"): a body's or a thing's name more likely than a person's."""
    words = name.split()
    return len(words) > 1 and words[0] not in lex.first_names and words[0] not in lex.name_genders \
        and all(map(common_word, words))


def _other_sex(c: Candidate, actor_id: str, names: list[tuple[str, list[str], str]], gaz: Gazetteer,
               lex: ActorLexicon) -> bool:
    """Whether a name's title gives it a sex ("Mrs. Trump", "Mr. Clinton") other than the actor's it would
    join (the gazetteer's, else the given name's of its full name)."""
    title = lex.titles.get(c.title) if c.title else None
    if title is None or not title.gender:
        return False
    sex = gaz.actors[actor_id].gender if actor_id in gaz.actors else ""
    if not sex:
        full = next((w for a, w, _ in names if a == actor_id and len(w) > 1), None)
        sex = lex.first_names.get(full[0], "") if full else ""
    return bool(sex) and sex != title.gender


def _join(c: Candidate, words: list[str], names: list[tuple[str, list[str], str]], gaz: Gazetteer,
          lex: ActorLexicon, acting: bool = False) -> str:
    """The earlier actor a new name refers to by surname, acronym, prefix or subsequence of its words, else ''.

    ``names`` holds words without accents (:func:`fold_accents`); ``words`` are the name's own, looked up as
    they are in the word lists and compared without accents with ``names``. ``acting``: the recogniser reads
    this name as a person or organisation somewhere in the article."""
    raw, words = words, fold_accents(" ".join(words)).split()
    if c.label == "organisation" and len(words) >= 2:
        own = (_national_form(words, gaz) if len(words) >= 3 else "") or _state_body(words, gaz, lex)
        if own:
            return own
    if len(words) == 1 and c.label == "place" and c.kind == "ner" and raw[0] not in lex.places:
        # "Saakashvili" read as a place after "Mikheil Saakashvili": the person of that surname (of two, the
        # one named first, as for a surname read as a person: "Mendez" after Tony and Jonna Mendez)
        hits = _bearers(names, words[0])
        if not hits and acting:  # "Mahan" after "Mahan Air", read as a person elsewhere: the one body whose
            # name starts with it (not the city of "Kamloops Police")
            bodies = {a for a, w, lab in names if lab == "organisation" and len(w) >= 2 and w[0] == words[0]}
            if len(bodies) == 1:
                c.label = "organisation"
                return bodies.pop()
        if not hits and not c.placed:  # "vote for Rocky" after "Rocky De La Fuente": the one person it opens
            opened = {a for a, w, lab in names if lab == "person" and len(w) > 1 and w[0] == words[0]}
            if len(opened) == 1:
                c.label = "person"
                return opened.pop()
        return next((a for a, w, lab in names if a in hits), "")
    if len(words) == 1 and c.label in ("person", "organisation", "unknown"):
        folded = words[0].casefold()  # "Al-Quaety" opening a sentence is "al-Quaety"
        hits = {a for a, w, lab in names if lab == "person" and len(w) > 1 and w[-1].casefold() == folded}
        if not hits and c.label == "person":  # "Nikola Mirotic" read as an organisation, "Mirotic" as a person
            hits = {a for a, w, lab in names if lab == "organisation" and 2 <= len(w) <= 3 and w[-1] == words[0]
                    and _person_like(w, lex)}  # fmt: skip
        if len(hits) == 1:
            return hits.pop()
        if len(hits) > 1:  # "Weinstein" after Harvey and Robert Weinstein: the one named first, whom the
            return next(a for a, w, lab in names if a in hits)  # article is about; others get given names
        inner = {a for a, w, lab in names if len(w) >= 3 and words[0] in w[1:-1] and words[0] != w[0]
                 and a.startswith("new:") and raw[0] not in lex.first_names
                 and (lab == "person" or (lab == "organisation" and _person_like(w, lex)))}  # fmt: skip
        if len(inner) == 1:  # "Rosselló" of "Ricardo Rosselló Nevares": the first of two surnames (not a
            return inner.pop()  # middle name: "John" is not Donald John Trump)
        title = lex.titles.get(c.title) if c.title else None
        given = (title and title.kind in GIVEN_NAME_TITLES) or (c.label == "person" and not c.title) or (
            c.label == "person" and raw[0] not in lex.first_names)  # "Dr Meerjady", "Mr Tong"; not "Mr. Xavier"
        if given and not hits:  # "Princess Ubolratana" of "Ubolratana Mahidol"; "Hillary" of "Hillary Clinton"
            hits = {a for a, w, lab in names if lab == "person" and len(w) > 1 and w[0] == words[0]}
            if len(hits) == 1:
                return hits.pop()
            if not hits and c.label == "person" and len(words[0]) >= 3:  # "Chad" of "Chadwick Boseman": a
                hits = {a for a, w, lab in names if lab == "person" and len(w) > 1  # given name's short form
                        and w[0].startswith(words[0]) and len(w[0]) > len(words[0])}  # fmt: skip
                if len(hits) == 1:
                    return hits.pop()
        if c.label == "person":
            known = gaz.surnames.get(raw[0], ())
            if len(known) == 1:
                return known[0]
            if known:  # "Clinton's emails ... the Clinton Foundation": a known surname is a person's
                return ""
            bodies = {a for a, w, lab in names if lab == "organisation" and len(w) >= 2 and w[0] == words[0]
                      and not _person_like(w, lex)}  # fmt: skip
            if len(bodies) != 1:
                return ""
            c.label = "organisation"  # "Salling said" of "Salling Group A/S": the body, not a person
            return bodies.pop()
    if len(words) >= 2 and c.label == "person":  # "John Bolton" of "John R. Bolton", and the other way round
        bare = _without_initials(words)
        same = {a for a, w, lab in names if lab == "person" and w != words and len(bare) >= 2
                and _without_initials(w) == bare}  # fmt: skip
        if not same:  # "Robert Gabriel Mugabe" of "Robert Mugabe": a middle name, given or left out (and a
            core = _without_suffix(words)  # suffix: "John James Conyers Jr." of "John Conyers")
            same = {a for a, w, lab in names if lab == "person" and w != words and len(core) >= 2
                    and (v := _without_suffix(w))[0] == core[0] and len(v) >= 2 and v[-1] == core[-1]
                    and (_subsequence(v, core) or _subsequence(core, v))}  # fmt: skip
        if not same:  # "Seyed Mohammad Mir-Mohammadi" after "Mohammad Mir-Mohammadi": the name with a word before
            same = {a for a, w, lab in names if lab == "person" and 2 <= len(w) < len(core) and core[-len(w) :] == w
                    and w[0] in lex.first_names and _person_like(core[: -len(w)], lex)}  # not "MV Alan Kurdi"
            # (a ship), nor "Alex Van Halen" of the band "Van Halen": the shorter name opens with a given name
        if not same and words[0] in lex.first_names:  # "John Luk" after "John Luk Jok": the name's first words
            same = {a for a, w, lab in names if lab == "person" and len(w) > len(core) and w[: len(core)] == core}
        if not same:  # "Hamza bin Ladin" after "Hamza bin Laden", "Frido Welker" after "Frido Walker": one
            same = {a for a, w, lab in names if lab == "person" and len(w) == len(words) and w[:-1] == words[:-1]
                    and min(len(w[-1]), len(words[-1])) >= 4 and _one_edit(w[-1], words[-1])}  # letter apart
            # in the surname, the given names the same: a spelling or transliteration of the same person
        if len(same) == 1:
            return same.pop()
    if len(words) >= 2 and c.label in ("person", "organisation") and (
            _person_like(words, lex) or (c.label == "person" and _person_like(words[1:], lex))):  # "de Blasio"
        low = [w.casefold() for w in words]  # "De Blasio" opening a sentence is "de Blasio"
        tails = {a for a, w, lab in names if len(w) > len(words) and [x.casefold() for x in w[-len(words) :]] == low
                 and (lab == "person" or (lab == "organisation" and _person_like(w, lex)))}  # fmt: skip
        if len(tails) == 1:  # "López Obrador" of "Andrés Manuel López Obrador"
            return tails.pop()
    if c.label == "organisation":
        caps = "".join(ch for ch in words[0] if ch.isupper()) if len(words) == 1 else ""
        if len(caps) >= 2 and (words[0].isupper() or is_acronym(words[0])):
            # "AfCFTA" of "African Continental Free Trade Area": an acronym, small letters left out
            hits = {a for a, w, lab in names if lab == "organisation" and _initials(w) == caps}
            if len(hits) == 1:
                return hits.pop()
        low = [w.casefold() for w in words]
        for a, w, lab in names:  # "Supreme Court of Puerto Rico" and "Puerto Rico Supreme Court"
            lw = [x.casefold() for x in w]
            if lab == "organisation" and (lw == _inverted(low) or low == _inverted(lw)):
                return a
        first = ""  # the latest name starting with these words, when none is their own short form
        for a, w, lab in reversed(names):
            lw = [x.casefold() for x in w]
            if lab != "organisation" or len(lw) <= len(low):
                continue
            if (lw[-1] == low[-1] and _subsequence(low, lw)) or _short_form(low, lw, lex):
                return a
            if lw[: len(low)] == low:
                first = first or a
        if not first:  # "the Arapaho" of "Northern Arapaho Tribe": the name without its adjectives and head word
            cores = {a for a, w, lab in names if lab == "organisation" and _name_core(w, lex) == low}
            first = cores.pop() if len(cores) == 1 else ""
        return first
    return ""


def _without_suffix(words: list[str]) -> list[str]:
    """A person's name without a generational suffix ("Jr.", "Sr.", "III")."""
    return words[:-1] if len(words) > 2 and words[-1].rstrip(".,") in NAME_SUFFIXES else words


def _name_core(words: list[str], lex: ActorLexicon) -> list[str]:
    """A body's name (lower case) without the adjectives before it and the head words after it ("Northern
    Arapaho Tribe" -> arapaho; "Eastern Shoshone" -> shoshone); [] when nothing is left or nothing was taken."""
    low = [w.casefold() for w in words]
    i, j = 0, len(low)
    while i < j and low[i] in lex.name_adjectives:
        i += 1
    while j > i and low[j - 1] in lex.org_heads:
        j -= 1
    return low[i:j] if 0 < j - i < len(low) else []


def _without_initials(words: list[str]) -> list[str]:
    """A name's words without middle initials ("John R. Bolton" -> John Bolton; "George W. Bush" -> George Bush)."""
    return [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and re.fullmatch(r"[A-Z]\.?", w))]


def _inverted(words: list[str]) -> list[str]:
    """A name "A of B" as "B A" ("Supreme Court of Puerto Rico" -> "Puerto Rico Supreme Court"), else []."""
    if "of" not in words[1:-1]:
        return []
    k = words.index("of")
    return [w for w in words[k + 1 :] if w != "the"] + words[:k]


def _short_form(short: list[str], long: list[str], lex: ActorLexicon) -> bool:
    """Whether ``short`` (lower case words) names the organisation ``long`` by its first words, the words left
    being a qualifier ("House" of "House of Representatives") or ending in a legal form ("Ford" of "Ford Motor
    Company"). Such a name wins over one the words only start ("House" of "House Judiciary Committee"),
    which they still join when nothing else fits ("Scripps" of "Scripps Institution of Oceanography")."""
    if long[: len(short)] != short:
        return False
    rest = long[len(short) :]
    return rest[0] in ("of", "for") or rest[-1] in lex.legal_forms


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter apart: one changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def _camps(c: Candidate) -> set[str]:
    """The side a group mention names ("pro-democracy"), as a one-element set, or none."""
    return {m[len(CAMP):] for m in c.modifiers if m.startswith(CAMP)}


def _group_noun(c: Candidate) -> str:
    """The canonical group noun of a group mention."""
    return sorted(m for m in c.modifiers - {"state", "self"} if not m.startswith((CAMP, JOINS)))[0]


def _group_actor(c: Candidate, gaz: Gazetteer, lex: ActorLexicon, info: dict, qualified: dict[str, str], *,
                 split: bool = False, present: set[str] = frozenset(), by_nation: bool = False) -> None:
    """The actor of a group mention; with ``split`` (the article names two sides of the noun), each side is
    a group of its own ("pro-democracy candidates", "pro-Beijing candidates"), and with ``by_nation`` (it names
    the noun's people from two states) each nation's are ("Indian students", "Chinese students"; the noun
    alone is then neither). A noun that joins another (``groups.csv``) is that group where the article names
    it (``present``: the article's group nouns)."""
    camp = next(iter(_camps(c)), "")
    noun = _group_noun(c)
    joined = next((m[len(JOINS) :] for m in c.modifiers if m.startswith(JOINS)), "")
    if joined in present:  # "the attackers ... two suspects were arrested": the same people
        noun = joined
    stands_for = "state" if "state" in c.modifiers else "self"
    if split and camp and stands_for == "self":
        c.actor_id = "group:" + id_slug(f"{camp} {noun}")
        info.setdefault(c.actor_id, (f"{camp} {_plural(c.name, lex)}", c.label, ""))
        return
    if stands_for == "state" and c.actor_id.startswith("qualifier:"):  # "Russian officials", "UN envoys"
        state = c.actor_id.split(":", 1)[1]
        c.actor_id = state
        c.kind = "demonym" if gaz.actors[state].type == "state" else "group"
        a = gaz.actors[state]
        info.setdefault(state, (a.name, a.type, a.gender))
        return
    if stands_for == "state" and c.qualifier and c.name.split()[-1].lower() in lex.titles:
        c.actor_id = ""  # "Trump's Special Presidential Envoy": one person's title, no state's people
        return
    if stands_for == "state" and c.qualifier:
        actor_id = "new:" + id_slug(f"{c.qualifier} government" if noun in ("government", "authority") else c.name)
        name = f"{c.qualifier} government" if noun in ("government", "authority") else c.name
        c.actor_id = actor_id
        info.setdefault(actor_id, (name, "organisation", ""))
        return
    if stands_for == "state":
        c.actor_id = ""
        return
    if by_nation and noun != "people":
        plural = _plural(c.name, lex)
        if _nation(c.qualifier, gaz):
            c.actor_id = "group:" + id_slug(f"{c.qualifier} {noun}")
            info.setdefault(c.actor_id, (f"{c.qualifier} {plural}", c.label, ""))
        else:  # "students" after "Indian students" and "Chinese students": neither
            c.actor_id = "group:" + id_slug(noun)
            info.setdefault(c.actor_id, (plural[:1].upper() + plural[1:], c.label, ""))
        return
    nation = _nation(c.qualifier, gaz) if noun == "people" else ""
    if nation:  # "Serbians", "the Serbian people": one actor per nation, apart from its state
        actor_id = "group:" + id_slug(f"{gaz.actors[nation].name} people")
        name = c.name if c.name == c.qualifier else f"{c.qualifier} {_plural(c.name, lex)}"
        c.actor_id = actor_id
        info.setdefault(actor_id, (name, "group", ""))
        return
    if noun in lex.side_nouns and c.qualifier and not _nation(c.qualifier, gaz):
        c.actor_id = "group:" + id_slug(f"{c.qualifier} {noun}")  # "Trump supporters", "Biden supporters": two
        info.setdefault(c.actor_id, (f"{c.qualifier} {_plural(c.name, lex)}", c.label, ""))
        return
    actor_id = qualified.get(noun)
    if actor_id is None:
        actor_id = "group:" + id_slug(noun)
        qualified[noun] = actor_id
    c.actor_id = actor_id
    name, type_, _ = info.get(actor_id, ("", c.label, ""))
    if c.qualifier and (not name or not name[0].isupper() or name.lower() == noun):
        name = f"{c.qualifier} {_plural(c.name, lex)}".strip()
    if not name:
        name = _plural(c.name, lex).strip()
        name = name[:1].upper() + name[1:]
    info[actor_id] = (name, type_, "")


def _nation(qualifier: str, gaz: Gazetteer) -> str:
    """The state whose name or demonym a group's qualifier is ("Serbian", "Serbians"), else ""."""
    ids = {x.target for x in gaz.lookup(qualifier) if x.kind in ("name", "alias", "demonym")} if qualifier else set()
    return next(iter(ids)) if len(ids) == 1 and gaz.actors[next(iter(ids))].type == "state" else ""


def _plural(text: str, lex: ActorLexicon) -> str:
    """The group noun of a mention without its qualifier ("Hong Kong police" -> "police"); a two-word group
    form stays whole ("its police force" -> "police force", not "force")."""
    words = text.split()
    if len(words) >= 2 and " ".join(words[-2:]).lower() in lex.groups:
        return " ".join(words[-2:])
    return words[-1] if words else text


# --------------------------------------------------------------------------- descriptions


def resolve_descriptions(document: Document, cands: list[Candidate], gaz: Gazetteer, lex: ActorLexicon,
                         info: dict[str, tuple[str, str, str]], date: dt.date | None) -> list[Candidate]:
    """Give office phrases and descriptions an actor (module docstring); drop the unresolved."""
    doc = document.doc
    out: list[Candidate] = []
    polity = _main_polity(cands, gaz, lex, info)
    for c in cands:
        if c.kind not in ("office", "description"):
            out.append(c)
            continue
        first = doc.char_span(c.start, c.end, alignment_mode="expand").start
        if c.kind == "office":
            lo, mods, det = modifiers(doc, first)
            c.start, c.determiner, c.modifiers = min(c.start, doc[lo].idx), det, frozenset(mods)
        around = out + [x for x in cands if x.start > c.start]  # resolved so far, and the candidates after
        person = _apposed_person(document, c, around, lex)
        if person is not None:
            if person.label != "person":  # "the president of Namibia, Hage Geingob": a name the recogniser
                name, _, gender = info[person.actor_id]  # took for an organisation is a person's
                info[person.actor_id] = (name, "person", gender)
            c.actor_id, c.label = person.actor_id, "person"
            c.kind = "office" if c.kind == "office" else "title"
            out.append(c)
            continue
        if _predicative(_phrase_head(doc, c)):
            continue  # "He served as the leader of both bodies", "Pompeo is the secretary of state": what its
            # subject is, said of someone unnamed here or of a pronoun; no other actor
        if c.modifiers & PAST_WORDS or c.modifiers & _HYPOTHETICAL:
            continue  # "the former president"; "make him the next President": nobody holds that yet
        if c.kind == "office":
            generic = c.determiner in ("a", "an") and not c.modifiers & _NEW
            nxt = gaz.successor(c.office_id, date) if c.modifiers & INCOMING_WORDS else None
            _to_office(c, c.office_id, None if generic else date, gaz, info, successor=nxt)
            c.title = c.title or _office_title(gaz, lex, c.office_id)
            out.append(c)
        elif c.title in lex.titles and _incoming(c, out, gaz, info, date):
            out.append(c)  # "the incoming president": the successor in office, not the holder named before
        elif c.title in lex.titles:
            c.kind = "definite"
            indefinite = c.determiner in ("a", "an")  # "without a clear leader": nobody named before, no office
            bearers = {} if indefinite else {m.actor_id: m for m in out if _titled(m, c.title, gaz, lex)
                                             and not _former(document, m) and not m.modifiers & _SUCCESSOR}
            # not "Former prime minister John Major" for "the Prime Minister's advice", nor "the incoming president"
            ante = next((bearers[m.actor_id] for m in reversed(out) if m.actor_id in bearers), None)  # of two
            # presidents named, the one named last in any form ("Turkish President Erdoğan ... Trump said ...
            # 'I applaud the president'": Trump)
            if ante is None:  # "the Queen" ("a federal judge") in a headline or lede, named later: the first bearer
                ante = next((m for m in cands if m.start > c.start and m.kind not in ("description", "office")
                             and _titled(m, c.title, gaz, lex)), None)  # fmt: skip
            office = "" if ante is not None or indefinite else _office_in_scope(c, out, gaz, c.title)
            if ante is not None:
                c.actor_id, c.label, c.office_id = ante.actor_id, ante.label, ante.office_id
            elif office:
                _to_office(c, office, date, gaz, info)
            else:  # "the prime minister" with nobody to point to: the role itself, never a guessed person
                c.actor_id, c.label = "role:" + c.title.replace(" ", "_"), "role"
                info.setdefault(c.actor_id, (c.title, "role", lex.titles[c.title].gender))
            out.append(c)
        else:
            body = _apposed_body(document, c, around)
            actor_id = body.actor_id if body is not None else _definite_antecedent(document, c, out, gaz, lex,
                                                                                    info, polity)
            if not actor_id and c.title in lex.body_heads and c.label != "state":
                actor_id = _unnamed_body(document, c, info)
            if actor_id:
                c.actor_id, c.label, c.kind = actor_id, info[actor_id][1], "definite"
                out.append(c)
    return out


def _incoming(c: Candidate, before: list[Candidate], gaz: Gazetteer, info: dict, date: dt.date | None) -> bool:
    """Point "the incoming president", "the newly elected president" at the office's successor when one takes
    office within half a year of the article date (the office from the last holder of the title named
    before, or the one state in scope); whether it did."""
    if not c.modifiers & INCOMING_WORDS or date is None:
        return False
    offices = [m.office_id for m in reversed(before) if m.office_id and m.title == c.title]
    office = offices[0] if offices else _office_in_scope(c, before, gaz, c.title)
    person = gaz.successor(office, date) if office else None
    if person is None:
        return False
    a = gaz.actors[person]
    c.kind, c.actor_id, c.label, c.office_id = "definite", a.id, a.type, office
    info.setdefault(a.id, (a.name, a.type, a.gender))
    return True


def _former(document: Document, m: Candidate) -> bool:
    """Whether a titled mention is a past holder's: a past word just before it ("Former prime minister John
    Major", "ex-President ...")."""
    span = document.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and bool(modifiers(document.doc, span.start)[1] & PAST_WORDS)


def _titled(m: Candidate, title: str, gaz: Gazetteer, lex: ActorLexicon) -> bool:
    """Whether mention ``m`` is a person bearing ``title`` (as a title, or through an office)."""
    return bool(m.actor_id) and m.label in ("person", "office") and (m.title == title or bool(
        m.office_id and _office_title(gaz, lex, m.office_id) == title))


def _to_office(c: Candidate, office_id: str, date: dt.date | None, gaz: Gazetteer, info: dict,
               successor: str | None = None) -> None:
    """Point ``c`` at the holder of an office on ``date`` (or at ``successor``, "the incoming U.S.
    president"), or at the office itself."""
    holder = successor or gaz.holder(office_id, date)
    c.office_id = office_id
    if holder:
        a = gaz.actors[holder]
        c.actor_id, c.label = a.id, a.type
        info.setdefault(a.id, (a.name, a.type, a.gender))
    else:
        office = gaz.offices[office_id]
        c.actor_id, c.label = office.actor_id, "office"
        info.setdefault(office.actor_id, (office.name, "office", ""))


def _office_in_scope(c: Candidate, before: list[Candidate], gaz: Gazetteer, title: str) -> str:
    """The office with this title of the one state named in this sentence or the two before, else ''."""
    states = {m.actor_id for m in before if m.label == "state" and m.actor_id in gaz.actors
              and c.sentence_id - 2 <= m.sentence_id <= c.sentence_id}  # fmt: skip
    return _office_for(gaz, states.pop(), title) if len(states) == 1 else ""


#: Words that may make a title name the one about to take office ("the incoming president").
INCOMING_WORDS = frozenset({"incoming", "elect", "elected", "newly", "new", "designate"})
#: Words that make a titled mention the office's next holder, not its holder ("the incoming president").
_SUCCESSOR = frozenset({"incoming", "elect", "designate"})
#: Words that make a titled mention a holder to come, whom the text does not name ("the next president").
_HYPOTHETICAL = frozenset({"next", "future"})
_NEW = frozenset({"new", "newly", "incoming", "recently", "appointed", "elected", "current", "present", "sitting",
                  "sworn", "reelected", "re-elected", "outgoing", "acting", "interim"})  # fmt: skip


def _apposed_person(document: Document, c: Candidate, cands: list[Candidate], lex: ActorLexicon) -> Candidate | None:
    """The person this description is in apposition to ("X, the president of Y" / "the mayor, X,"); a
    name the recogniser took for an organisation counts when it could be a person's (:func:`_person_like`)."""
    doc = document.doc
    head = doc[c.head]
    chain = {head.i}
    t = head
    while t.dep_ == "appos" and t.head.i != t.i and len(chain) < 6:  # "X, Lord Carloway, the Lord President"
        t = t.head
        chain.add(t.i)
    described = _predicated(_phrase_head(doc, c))
    owner = head.children if head.dep_ != "appos" else ()
    owned = {o.i for p in owner if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"}
    for p in cands:
        if p is c or not p.actor_id or p.sentence_id != c.sentence_id:
            continue
        if p.label != "person" and not (p.label == "organisation" and p.kind == "ner" and c.title in lex.titles
                                        and len(p.name.split()) > 1 and _person_like(p.name.split(), lex)):
            continue
        ph = doc[p.head]
        if (ph.i in chain and ph.i != head.i) or (ph.dep_ == "appos" and ph.head.i == head.i):
            return p
        if p.start >= c.end and ph.dep_ == "appos" and (ph.head.i in owned or (
                head.dep_ == "appos" and ph.head.i == head.head.i and _comma_between(doc, head.right_edge, p))):
            return p  # "the president of Namibia, Hage Geingob": the name the parser hung on the "of" noun;
            # "told AFP, the president of the League, Jamel Msallem, ...": two appositions of one noun
        if described is not None and ph.i == described.i:
            return p
        gap = text_of(doc)[min(p.end, c.end) : max(p.start, c.start)]
        if p.end <= c.start and re.fullmatch(r"\s*,\s*", gap) and c.kind == "office":
            return p
        if c.end <= p.start and _fronted(doc, head, ph):
            return p
    return None


def _apposed_body(document: Document, c: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The body named in apposition to a description, either way round ("the second largest party, Labour,
    lost 42", "Labour, the second largest party,"): the description is that body."""
    head = document.doc[c.head]
    for p in cands:
        if p is c or not p.actor_id or p.sentence_id != c.sentence_id or p.label not in _BODY_LABELS:
            continue
        ph = document.doc[p.head]
        if (ph.dep_ == "appos" and ph.head.i == head.i) or (head.dep_ == "appos" and head.head.i == ph.i):
            return p
    return None


_BODY_LABELS = frozenset({"organisation", "group"})


def _phrase_head(doc, c: Candidate) -> Token:
    """The head of the noun phrase a description opens: its span's root, or the noun that root qualifies
    ("the speaker pro tem": "tem")."""
    t = doc.char_span(c.start, c.end, alignment_mode="expand").root
    while t.dep_ in ("nmod", "compound") and t.head.i > t.i and t.head.i - t.i <= 3:
        t = t.head
    return t


def _comma_between(doc, last: Token, p: Candidate) -> bool:
    """Whether only a comma stands between a phrase's last token and a candidate after it."""
    return bool(re.fullmatch(r"\s*,\s*", text_of(doc)[last.idx + len(last) : p.start]))


def _predicative(head: Token) -> bool:
    """Whether a noun phrase says what something is rather than naming someone: after a copula ("is the
    secretary of state", "to become the president"), "as" ("serving as the speaker pro tem") or as an
    object's predicate ("elected Speaker")."""
    for _ in range(2):
        if head.dep_ == "appos" and head.head.i != head.i:
            head = head.head  # "to serve as VPOTUS (Vice President of the United States)": what "as" says
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        return head.head.head.pos_ in ("VERB", "AUX", "NOUN")
    if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_ in _CHOOSING and _habitual(head.head):
        return True  # "the Electoral College that elects the U.S. President", "the British Prime Minister is
        # elected indirectly": how the post is filled, no holder
    return head.dep_ == "oprd" or (head.dep_ == "attr" and head.head.lemma_ in ("be", "become", "remain"))


#: Verbs by which a post is filled.
_CHOOSING = frozenset({"elect", "choose", "appoint", "nominate", "select"})


def _habitual(verb: Token) -> bool:
    """Whether a verb is in the simple present, active or passive ("elects", "is elected"): what is done in
    general, not an event."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _predicated(head: Token) -> Token | None:
    """Whom a predicative description describes: the subject of a copula ("Garland is the top judge"), or
    after "as" the verb's object, else its subject ("appointed Wiranto as minister", "served as a
    prosecutor", "was elected to two terms as President"); a relative subject stands for its noun
    ("Chirac, who served as President of France")."""
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "as" and verb.head.pos_ == "NOUN":
        verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)  # "was elected to two
        if verb is None:  # terms as President of France": the clause's subject
            return None
    elif head.dep_ == "pobj" and verb.lower_ == "as" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
        objs = [k for k in verb.children if k.dep_ in ("dobj", "obj")]
        if objs:
            return objs[0]
    elif not (head.dep_ == "attr" and verb.lemma_ == "be"):
        return None
    subject = next((k for k in verb.children if k.dep_ in SUBJECT_DEPS or k.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        k = subject.i - 1 - (subject.i > 0 and subject.nbor(-1).text == ",")
        if subject.lower_ == "who" and k >= 0 and head.doc[k].pos_ == "PROPN":
            return head.doc[k]  # "disagreements with Mike Pompeo who is the secretary of state": the name
            # right before "who", wherever the parser hung the clause
        return verb.head  # "Chirac, who served as President of France": the noun the clause is about
    return subject


def _fronted(doc, head: Token, subject: Token) -> bool:
    """Whether a description opens its sentence and a comma joins it to the clause subject right after it
    ("Currently the top judge on the D.C. Circuit, Garland is ..."; "A former prosecutor, Smith said")."""
    if subject.dep_ not in SUBJECT_DEPS and subject.dep_ not in PASSIVE_SUBJECT_DEPS:
        return False
    lo, hi = head.left_edge.i, head.right_edge.i
    while hi > head.i and doc[hi].is_punct:
        hi -= 1
    opens = all(doc[k].pos_ in ("ADV", "PUNCT") for k in range(doc[lo].sent.start, lo))
    return opens and hi + 2 == subject.left_edge.i and doc[hi + 1].text == ","


#: A possessive determiner and whether the mention it stands for is plural.
_POSSESSIVE_DETERMINERS = {"his": False, "her": False, "its": False, "their": True}


def _owners_state(document: Document, c: Candidate, scope: list[Candidate], gaz: Gazetteer, lex: ActorLexicon,
                  info: dict) -> str:
    """For a state noun after a possessive ("their government"), the state of the nearest subject before it
    in its sentence that agrees in number: "Chinese citizens have criticized their government" is China's;
    "Protesters have claimed Iran is influencing their government" names no state (Iran is singular); ''."""
    plural = _POSSESSIVE_DETERMINERS.get(c.determiner)
    if plural is None:
        return ""
    doc = document.doc
    for m in reversed(scope):
        h = doc[m.head]
        if m.sentence_id != c.sentence_id or h.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if (h.tag_ in ("NNS", "NNPS") or m.kind == "group") != plural:
            continue
        state = _polity(m, gaz, lex, info)
        if not state and m.qualifier:  # "Chinese citizens": the group's people's state
            states = {x.target for x in gaz.lookup(m.qualifier) if x.kind in ("name", "alias", "demonym")}
            state = next(iter(states)) if len(states) == 1 else ""
        return state if state in gaz.actors and gaz.actors[state].type == "state" else ""
    return ""


def _definite_antecedent(document: Document, c: Candidate, before: list[Candidate], gaz: Gazetteer,
                         lex: ActorLexicon, info: dict, main_polity: str) -> str:
    """The actor of "the court", "the party", "the government": an earlier organisation whose name (or a gazetteer
    alias: "Liberal Democrat Party") ends in the noun, else (for state nouns) the one polity in this sentence and
    the one before, else the article's ``main_polity``. A polity that is no state has a government of its own ("Hong
    Kong government")."""
    noun = c.title
    full = _capitalised_name(c, gaz)
    if full:  # "the Democratic party": a name the gazetteer writes capitalised ("Democratic Party")
        a = gaz.actors[full]
        info.setdefault(a.id, (a.name, a.type, a.gender))
        return a.id
    named = [x.target for x in gaz.lookup(c.qualifier) if x.kind in ("name", "alias", "demonym")] if c.qualifier else []
    if lex.definites.get(noun) == "state" and named and gaz.actors[named[0]].type == "state":
        a = gaz.actors[named[0]]  # "the U.S. administration", "the Russian government", "the government of China"
        info.setdefault(a.id, (a.name, a.type, a.gender))
        return a.id
    if noun in lex.mute_heads and document.text[c.start : c.end].split()[-1].islower():
        return ""  # "hearing the news of her death", "in the air": not Sky News (but "the Post" is a paper)
    proper = _name_words(document, c, gaz)
    overlapped = any(m.start < c.end and c.start < m.end for m in before)  # "the White House ... Task Force"
    if proper and noun not in lex.definites and not overlapped:  # "the national Constitution Party": a name
        return _named_body(proper, document.doc[c.head].text, c, info)  # the recogniser missed
    near = [m for m in before if m.actor_id and m.label in _BODY_LABELS and m.sentence_id >= c.sentence_id - 1
            and noun in _head_words(m.actor_id, info, gaz)]
    if near:  # "The Labour Party's leader ... the party's leadership": this sentence or the one before (a party
        # the gazetteer types a group counts here): one in the same sentence before one in the sentence before,
        # a subject before an object before the rest, the latest on a tie
        return max(enumerate(near), key=lambda km: (km[1].sentence_id, _salience(document.doc[km[1].head]),
                                                    km[0]))[1].actor_id
    seen: dict[str, int] = {}
    for m in before:  # the most mentioned such organisation so far, the latest on a tie
        name = info.get(m.actor_id, ("", "", ""))[0]
        if m.actor_id and m.label == "organisation" and name.split() and head_word(name) == noun:
            seen[m.actor_id] = seen.get(m.actor_id, 0) + 1
            seen[m.actor_id] = seen.pop(m.actor_id)  # keep insertion order = recency
    if seen:
        return max(reversed(list(seen)), key=lambda a: seen[a])
    if noun in lex.firm_nouns:
        return _the_company(document, c, before, info, lex)
    if lex.definites.get(noun) != "state":
        return ""
    scope = [m for m in before if m.sentence_id in (c.sentence_id, c.sentence_id - 1) and m.end <= c.start]
    own = _owners_state(document, c, scope, gaz, lex, info)
    if own:  # "Chinese citizens have criticized their government"
        a = gaz.actors[own]
        info.setdefault(a.id, (a.name, a.type, a.gender))
        return a.id
    states_only = noun not in lex.territory_definites or bool(c.modifiers & NATIONAL_WORDS)
    polities = list(dict.fromkeys(p for m in scope if (p := _polity(m, gaz, lex, info))))
    if states_only:
        polities = [p for p in polities if p in gaz.actors]
    if len(polities) == 1:
        polity = polities[0]
    elif _of_someone(document.doc[c.head]):
        polity = main_polity
    else:
        polity = _polity_so_far(before, gaz, lex, info, states_only) or main_polity
    if not polity or (states_only and polity not in gaz.actors):
        return ""
    if polity in gaz.actors:
        a = gaz.actors[polity]
        info.setdefault(a.id, (a.name, a.type, a.gender))
        return a.id
    actor_id = "new:" + id_slug(f"{polity} government")  # "Hong Kong government", as when the text says so
    info.setdefault(actor_id, (f"{polity} government", "organisation", ""))
    return actor_id


def _head_words(actor_id: str, info: dict, gaz: Gazetteer) -> set[str]:
    """Head nouns of an actor's name and of its gazetteer aliases ("Liberal Democrats", also written "Liberal
    Democrat Party": democrats, party)."""
    heads = {head_word(info.get(actor_id, ("", "", ""))[0] or "-")}
    if actor_id in gaz.actors:
        heads.update(head_word(alias) for alias in gaz.actors[actor_id].aliases if alias.split())
    return heads


def _the_company(document: Document, c: Candidate, before: list[Candidate], info: dict, lex: ActorLexicon) -> str:
    """The one company-like organisation named in a firm noun's sentence or the two before ("PG&E ... The
    company said"): no news outlet, and no name whose head word is a body's other than a firm's (a
    department, board, agency, court, police); '' when none or several could be meant, and for "in the
    company of" (with someone)."""
    noun = document.doc[c.head]
    if noun.head.lower_ == "in" and any(k.lower_ == "of" for k in noun.rights):
        return ""
    firms = set()
    for m in before:
        name, kind, _ = info.get(m.actor_id, ("", "", ""))
        if not (m.actor_id and kind == "organisation" and name
                and c.sentence_id - 2 <= m.sentence_id <= c.sentence_id) or is_outlet(m.actor_id):
            continue
        head = head_word(name)
        if head not in lex.org_heads or head in lex.firm_heads:
            firms.add(m.actor_id)
    return firms.pop() if len(firms) == 1 else ""


def _salience(t: Token) -> int:
    """2 for a clause subject (or a name in apposition to one), 1 for a direct object, else 0: the order in
    which a later description most likely takes up a body ("the American Independent Party, nominated a ticket
    of Alliance Party nominee X. The party ...": the subject)."""
    if t.dep_ == "appos":
        t = t.head
    if t.dep_ in SUBJECT_DEPS or t.dep_ in PASSIVE_SUBJECT_DEPS:
        return 2
    return 1 if t.dep_ == "dobj" else 0


def _capitalised_name(c: Candidate, gaz: Gazetteer) -> str:
    """The one gazetteer body a description names when its noun is capitalised: "the Democratic party"
    ("Democratic Party"); else ''."""
    words = [w for w in ([c.qualifier] if c.qualifier else []) + sorted(c.modifiers) if w and w[:1].isalpha()]
    hits = set()
    for w in words:
        form = " ".join(x[:1].upper() + x[1:] for x in f"{w} {c.title}".split())
        hits |= {x.target for x in gaz.lookup(form) if x.kind in ("name", "alias") and x.target in gaz.actors
                 and gaz.actors[x.target].type != "person"}  # fmt: skip
    return hits.pop() if len(hits) == 1 else ""


#: Entity labels of names that are no body.
_NOT_BODIES = frozenset({"FAC", "LOC", "GPE", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def _name_words(document: Document, c: Candidate, gaz: Gazetteer) -> list[str]:
    """The proper nouns before a capitalised head word of a description that the gazetteer does not know
    ("the national [Constitution] Party"; not "the Chinese Communist Party"'s "Chinese"), or none when the
    head is lower case ("the party") or the description opens its sentence."""
    doc = document.doc
    head = doc[c.head]
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or head.is_lower or not head.text[:1].isupper() or head.ent_type_ in _NOT_BODIES \
            or any(p.lower_ == "of" for p in head.children if p.dep_ == "prep"):
        return []  # "the Kennedy Space Center" (a place); "the National Institute of Allergy ...": cut short
    return [t.text for t in span if t.i < head.i and t.pos_ == "PROPN" and t.text[:1].isupper()
            and t.dep_ == "compound" and t.head.i <= head.i and not t.is_sent_start and not gaz.lookup(t.text)]


def _named_body(words: list[str], head: str, c: Candidate, info: dict) -> str:
    """A new organisation named by a description's proper nouns and head ("Constitution Party")."""
    name = " ".join([*words, head])
    actor_id = "new:" + id_slug(name)
    info.setdefault(actor_id, (name, c.label if c.label in ("organisation", "group") else "organisation", ""))
    return actor_id


def _unnamed_body(document: Document, c: Candidate, info: dict) -> str:
    """A body the article never names, as its own actor named by its description, where it acts (subject
    of a verb of action, agent of a passive): "the palace issued a statement", "the court ruled", "was
    signed by the military council" ("military council"); else ""."""
    doc = document.doc
    head = doc[c.head]
    acts = (head.dep_ in SUBJECT_DEPS and head.head.lemma_ not in STATIVE_VERBS) or (
        head.dep_ == "pobj" and head.head.dep_ == "agent")  # "issued a statement", "tests by a laboratory"
    if not acts or not head.is_lower:
        return ""  # "the Commission": a name cut short, not a body of its own
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    words = [t for t in span if t.lower_ not in DETERMINERS and t.tag_ not in ("PRP$", "POS") and not t.is_punct]
    name = " ".join(t.text for t in words if t.pos_ in ("NOUN", "PROPN") or (
        t.pos_ == "ADJ" and t.lower_ not in REFERRING_ADJECTIVES))
    if not name:
        return ""
    actor_id = "new:" + id_slug(name)
    info.setdefault(actor_id, (name, c.label, ""))
    return actor_id


def _polity(m: Candidate, gaz: Gazetteer, lex: ActorLexicon, info: dict) -> str:
    """The polity a mention names or belongs to: a state's gazetteer id ("Russia", "Russian officials",
    "Kremlin spokesman") or a place with a government of its own ("Hong Kong", "Hong Kong people"); else ""."""
    actor_id = m.actor_id.removeprefix("qualifier:")  # "Russian officials" before their group is resolved
    office = m.office_id or (actor_id.split(":", 1)[1] if actor_id.startswith("office:") else "")
    if office in gaz.offices and gaz.offices[office].country in gaz.actors:
        return gaz.offices[office].country  # "a new U.S. president"
    sid = actor_id if actor_id in gaz.actors and gaz.actors[actor_id].type == "state" else (
        gaz.actors[actor_id].country if actor_id in gaz.actors else "")
    if sid and sid in gaz.actors and gaz.actors[sid].type == "state":
        return sid
    name = info.get(m.actor_id, ("", "", ""))[0] if m.actor_id else ""
    for place in (name, m.qualifier):
        if place in lex.polities:
            return place
    return ""


def _polity_so_far(before: list[Candidate], gaz: Gazetteer, lex: ActorLexicon, info: dict,
                   states_only: bool = False) -> str:
    """The polity (a state, with ``states_only``) the mentions before a description name most, alone at the
    top ("discovered dead in Queens, New York ... alerted the authorities": New York's, not the United Kingdom
    of "Cipriani's London restaurant" further on); "" when they name none or tie."""
    found = (p for m in before if (p := _polity(m, gaz, lex, info)) and (p in gaz.actors or not states_only))
    top = Counter(found).most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else ""


def _of_someone(noun: Token) -> bool:
    """Whether a description says whose it is with "of" ("the government of Abdrabbuh Mansur Hadi")."""
    return any(k.lower_ == "of" and k.dep_ == "prep" for k in noun.rights)


def _main_polity(cands: list[Candidate], gaz: Gazetteer, lex: ActorLexicon, info: dict) -> str:
    """The polity the article is about: the one its mentions name most (at least twice, with no tie), as
    :func:`_polity` reads them; else ""."""
    counts = Counter(p for m in cands if (p := _polity(m, gaz, lex, info)))
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) == 2 and top[1][1] == top[0][1]):
        return ""
    return top[0][0]


def fold_groups(cands: list[Candidate], info: dict[str, tuple[str, str, str]], doc=None,
                lex: ActorLexicon | None = None) -> None:
    """A group noun joins the one organisation of the article named with it ("police" and "Indonesian
    National Police"), or the one named group or organisation a mention of which it heads ("the rebels"
    after "Houthi rebels", a form of the Houthis; not "League of Women Voters"); with none or several such
    actors it stays a group of its own."""
    heads: dict[str, set[str]] = {}
    for actor_id, (name, type_, _) in info.items():
        if type_ == "organisation" and not actor_id.startswith("group:") and name.split():
            heads.setdefault(head_word(name), set()).add(actor_id)
    groups, ends = (lex or load_lexicon()).groups, {}
    for c in cands if doc is not None else ():  # the group noun heads the mention: not "League of Women Voters"
        words = text_of(doc)[c.start : c.end].split()
        entry = groups.get(words[-1].lower()) if len(words) >= 2 and doc[c.head].lower_ == words[-1].lower() else None
        if entry is not None and c.actor_id and not c.actor_id.startswith("group:") \
                and info.get(c.actor_id, ("", "", ""))[1] in ("group", "organisation"):
            ends.setdefault(entry.canonical, set()).add(c.actor_id)
    for c in cands:
        if c.actor_id.startswith("group:"):
            noun = c.actor_id.split(":", 1)[1]  # a bare noun only: "Syrian rebels" are no "Houthi rebels"
            hits = heads.get(noun, set()) | (ends.get(noun, set()) if not c.qualifier else set())
            if len(hits) == 1:
                c.actor_id = next(iter(hits))


def birth_names(doc, cands: list[Candidate], info: dict[str, tuple[str, str, str]]) -> None:
    """A person's birth name is that person ("Baker was born Peter Edward Baker", "Ginger Baker (born Peter
    Edward Baker; ...)", "Lady Gaga, born Stefani Germanotta,"): every mention of the birth name's actor goes to
    the bearer's, in place."""
    by_head = {c.head: c for c in cands if c.actor_id and c.kind != "pronoun"}
    moved: dict[str, str] = {}
    for c in cands:
        name, born = doc[c.head], doc[c.head].head
        if info.get(c.actor_id, ("", "", ""))[1] != "person":
            continue
        if name.dep_ == "appos" and any(b.lower_ == "born" and b.dep_ == "amod" for b in name.children):
            bearer = name.head  # "Day, born Doris Mary Ann Kappelhoff, starred": the parser's apposition
        elif born.lower_ == "born" and born.tag_ == "VBN" and name.dep_ in ("dobj", "attr", "oprd", "nsubj"):
            bearer = next((s for s in born.children if s.dep_ == "nsubjpass"), None) \
                if born.dep_ in ("ROOT", "conj") else (born.head if born.dep_ in ("acl", "parataxis", "appos")
                                                       else None)  # fmt: skip
        else:
            continue
        other = by_head.get(bearer.i) if bearer is not None else None
        if other is not None and other.actor_id != c.actor_id \
                and info.get(other.actor_id, ("", "", ""))[1] == "person":
            moved[c.actor_id] = other.actor_id
    for c in cands:
        c.actor_id = moved.get(c.actor_id, c.actor_id)


def name_culprits(document: Document, cands: list[Candidate], info: dict[str, tuple[str, str, str]],
                  lex: ActorLexicon) -> None:
    """"The attacker", "the gunman", "the suspect" (a singular ``culprit_noun`` group after "the") is one person:
    the one the article names as such, in apposition or by identification ("The attacker, identified as Sudesh
    Amman,"; "officials identified the suspect as Patrick Crusius"; "the suspect, John Smith,"), else the one
    person it says was charged, arrested, indicted, detained or convicted (``culprit_act``: a passive subject,
    an object, or the subject a participle hangs on: "Brenton Tarrant appeared in court, charged with murder").
    With no such person, or several, the noun stays the group."""
    doc = document.doc
    nouns = {"group:" + n for n in lex.culprit_nouns}
    culprits = [c for c in cands if c.kind == "group" and c.actor_id in nouns and c.determiner == "the"
                and doc[c.head].tag_ in ("NN", "VBN")]  # ("the accused": a participle as a noun)
    if not culprits:
        return
    persons: dict[int, str] = {}  # token index -> person actor, for every token of a person's mention
    for c in cands:
        if c.actor_id and info.get(c.actor_id, ("", c.label, ""))[1] == "person" and c.kind != "pronoun":
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            persons.update({t.i: c.actor_id for t in span} if span is not None else {})
    named = {a for c in culprits for a in _identified(doc[c.head], persons)}  # one culprit, whatever the noun
    if not named:  # ("the suspect" identified, "the gunman" later: the same person)
        named = _charged(doc, persons, lex.culprit_acts)
    if len(named) == 1:
        person = next(iter(named))
        for c in culprits:
            c.actor_id, c.label, c.kind = person, "person", "definite"


def _identified(noun: Token, persons: dict[int, str]) -> set[str]:
    """The persons a culprit noun is said to be: in apposition either way, or identified or named as ("The
    attacker, identified as X", "identified the suspect as X")."""
    out = {persons[k.i] for k in noun.children if k.dep_ == "appos" and k.i in persons}
    if noun.dep_ == "appos" and noun.head.i in persons:
        out.add(persons[noun.head.i])
    verbs = [k for k in noun.children if k.dep_ == "acl" and k.lemma_ in _IDENTIFY]
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in _IDENTIFY:
        verbs.append(noun.head)
    for v in verbs:
        out |= {persons[p.i] for pr in v.children if pr.dep_ == "prep" and pr.lower_ == "as"
                for p in pr.children if p.dep_ == "pobj" and p.i in persons}  # fmt: skip
    return out


_IDENTIFY = frozenset({"identify", "name"})


def _charged(doc, persons: dict[int, str], acts: frozenset[str]) -> set[str]:
    """The persons the text says underwent one of ``acts``: a passive subject or an object of such a verb, or the
    subject (or noun) a subject-less participle of it hangs on ("X appeared in court, charged with murder")."""
    out = set()
    for i, actor in persons.items():
        t = doc[i]
        if t.head.i in persons and persons[t.head.i] == actor:
            continue  # only the name's head word
        if t.dep_ == "appos":
            t = t.head  # "An Australian, Brenton Tarrant, aged 28, appeared in court"
        if t.dep_ in ("nsubjpass", "dobj") and t.head.lemma_ in acts:
            out.add(actor)
        near = list(t.children) + (list(t.head.children) if t.dep_ in ("nsubj", "nsubjpass") else [])
        if any(k.dep_ in ("acl", "advcl", "conj") and k.tag_ == "VBN" and k.lemma_ in acts
               and not any(s.dep_ in ("nsubj", "nsubjpass") for s in k.children) for k in near):
            out.add(actor)
    return out


def person_title_kind(lex: ActorLexicon, title: str) -> bool:
    """Whether a title makes its bearer a person."""
    return title in lex.titles and lex.titles[title].kind in PERSON_TITLE_KINDS
