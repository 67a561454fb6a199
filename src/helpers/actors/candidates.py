"""Step 1 of actor finding: candidate mentions read off the parsed document.

Each candidate is a ``[start, end)`` character span of the article with what it names, found by:

- ``gazetteer`` / ``alias`` / ``demonym`` / ``metonym``: a surface form of the gazetteer
  (:mod:`helpers.actors.gazetteer`), matched case-sensitively on the text;
- ``ner``: a PERSON, ORG, GPE or NORP entity of spaCy's recogniser the gazetteer does not know,
  cleaned (no leading article, no possessive, at least one proper noun, no digits), extended over
  proper-noun compounds spaCy left out ("Sadiq" of "Sadiq Khan") and split where a place is glued to
  a person ("Scotland Nicola Sturgeon");
- ``group``: a common noun for a group that acts (``data/lexicons/groups.csv``: protesters, police,
  rebels, voters ...), with the place or nationality that qualifies it ("Hong Kong police");
  "Russian officials", "the German government" stand for their state;
- ``office``: an office of the gazetteer ("the U.S. president"), resolved later by date;
- ``description``: "the president", "the court", "the government": resolved later to an earlier
  actor (and then called ``definite``).

A person's title, the office or nationality before it, and the compound words of the title join
the person's mention ("Russian President Vladimir Putin", "Commerce Secretary Wilbur Ross"). A
gazetteer form inside a longer name of a person, thing or event is dropped ("George Washington",
"Paris Agreement"); inside an organisation's name it gives way to the organisation ("Brussels
Airlines"), unless the organisation is only a qualified group noun.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

from spacy.tokens import Span, Token

from helpers.actors.gazetteer import Gazetteer, Surface, is_outlet
from helpers.actors.lexicon import (
    DESCRIPTION_KINDS,
    ActorLexicon,
    Title,
    common_word,
    ordinary_word,
    title_key,
    word_tag,
)
from helpers.text.article import fold_accents
from helpers.text.document import Document, inner_hyphen, text_of
from helpers.text.words import (
    COMPARISON_PREPOSITIONS,
    DETERMINERS,
    FIRST_PEOPLE_WORDS,
    HONORIFIC_NOUNS,
    LOCATIVE_PREPOSITIONS,
    MOTION_VERBS,
    NAME_NOUNS,
    NAME_PARTICLES,
    NAME_SUFFIX_WORDS,
    NAME_SUFFIXES,
    PASSIVE_SUBJECT_DEPS,
    POST_NOMINALS,
    PRONOUNS,
    SUBJECT_DEPS,
)

#: spaCy entity labels read as actors (the rest — dates, money, laws, events — never are).
ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "state", "LOC": "place"}
#: Entity labels whose spans are things: a gazetteer form inside one is part of the thing's name.
THING_LABELS = frozenset({"FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE", "MONEY", "DATE", "TIME"})
#: Time words that make a title or office phrase name a past holder ("the then-President", "former").
PAST_WORDS = frozenset({"then", "former", "ex", "late", "previous", "erstwhile"})
#: Words that make an office phrase name the current holder even after "a" ("a new U.S. president").
NEW_WORDS = frozenset({"new", "newly", "incoming", "recently", "appointed", "elected", "current", "present",
                       "sitting", "sworn", "reelected", "re-elected", "outgoing", "acting", "interim"})  # fmt: skip
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
#: A middle initial ("Cyrus R. Vance"): the name before a surname is someone's own.
_INITIAL = re.compile(r"[A-Z]\.")


@dataclass
class Candidate:
    """A mention before resolution: offsets into the article text and what is known of it.

    ``kind`` is how it was found (the ``resolved_by`` column); ``label`` what it names (person,
    organisation, state, group, office, role, place, unknown); ``actor_id`` the gazetteer id when known;
    ``placed`` that the text uses it as a place (after "in", before ", Ohio"), which resolving respects.
    """

    start: int
    end: int
    sentence_id: int
    kind: str
    label: str
    head: int
    actor_id: str = ""
    name: str = ""
    title: str = ""
    office_id: str = ""
    gender: str = ""
    qualifier: str = ""
    determiner: str = ""
    modifiers: frozenset[str] = field(default_factory=frozenset)
    role: str = "actor"
    placed: bool = False


def _strip(doc, i: int, j: int) -> tuple[int, int]:
    """Token range ``[i, j)`` without a leading article and trailing possessive, punctuation, lower-case
    function word, sum of money or unclosed parenthesis."""
    while i < j and (doc[i].lower_ in DETERMINERS or doc[i].is_punct or doc[i].is_space):
        i += 1
    opened = next((k for k in range(i, j) if doc[k].text == "("), None)
    if opened is not None and not any(doc[k].text == ")" for k in range(opened, j)):
        j = opened  # "African Continental Free Trade Area (AfCFTA": the name, not its acronym's opening
    while j > i and (doc[j - 1].tag_ == "POS" or doc[j - 1].is_punct or doc[j - 1].is_space
                     or (doc[j - 1].is_lower and doc[j - 1].pos_ in ("ADP", "CCONJ", "DET"))):
        j -= 1  # "Patrice Talon of [Benin]": the recogniser ran the name into a preposition
    if j - i >= 3 and doc[j - 1].like_num and doc[j - 2].is_currency:
        j -= 2  # "paid Simpson $10": a sum the recogniser ran into the name
    return i, j


def _common_kind_end(doc, i: int, j: int, lex: ActorLexicon) -> int:
    """End of a body's name whose recognised span runs on into a lower-case noun phrase headed by a kind of
    body ("Pennsylvania graduation party", "the Associated Press news agency"): the capitalised part before
    it, which names the body or only the place; ``j`` unchanged when the kind follows a capital ("All Saints
    school", "the Democratic party")."""
    if j - i < 3 or not (doc[j - 1].is_lower and doc[j - 1].lower_ in lex.org_heads):
        return j
    k = j - 1
    while k > i and doc[k - 1].is_lower and doc[k - 1].is_alpha and doc[k - 1].pos_ in ("NOUN", "ADJ"):
        k -= 1
    return k if k < j - 1 and k > i else j


def _teams(doc, lex: ActorLexicon, surnames: frozenset[str]) -> frozenset[str]:
    """Names of sports teams: a proper noun, or the entity it ends, right before a ``team_staff`` noun that a
    person's name follows ("Wynnum coach Matt Myers", "Maroochydore captain Sam Marshall"); not a person's
    surname ("Federer coach Ivan Ljubicic" after "Roger Federer") nor a given name."""
    out = set()
    for t in doc[:-2]:
        staff = doc[t.i + 1]
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or staff.lower_ not in lex.team_staff \
                or doc[t.i + 2].ent_type_ != "PERSON" or t.text in surnames or t.text in lex.first_names:
            continue
        name = next((e for e in doc.ents if e.start <= t.i < e.end), None)
        if name is None or name.end == t.i + 1:
            out.add(name.text if name is not None else t.text)
    return frozenset(out)


def _storms(doc, lex: ActorLexicon) -> set[str]:
    """Names the article gives storms ("Hurricane Lorenzo": "Lorenzo"), unless a person has that name too
    ("Lorenzo Fontana")."""
    storms = {doc[t.i + 1].text for t in doc[:-1] if t.lower_ in lex.storm_leads and t.text[:1].isupper()
              and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].text[:1].isupper()}  # fmt: skip
    return storms - {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2
                     and e[0].lower_ not in lex.storm_leads}  # fmt: skip


def _quoted_like_a_title(doc, i: int, j: int) -> bool:
    """Whether tokens ``[i, j)`` are all a quotation holds, in a sentence where a quoted title is recognised as
    one ("songs such as "Dark Star", ... and "Truckin'""): another title of the list."""
    k = j + (j < len(doc) and doc[j].text in ("'", "’"))  # "Truckin'": the apostrophe ends the word
    if not (i > 0 and doc[i - 1].tag_ == "``" and k < len(doc) and doc[k].tag_ == "''"):
        return False
    sent = doc[i].sent
    return any(e.label_ == "WORK_OF_ART" and e.start > sent.start and doc[e.start - 1].tag_ == "``"
               and e.start != i for e in sent.ents)  # fmt: skip


def _possessive_in(doc, i: int, j: int) -> int | None:
    """The first possessive ending ("'s") strictly inside tokens ``[i, j)``, not the last token, or None."""
    return next((k for k in range(i + 1, j - 1) if doc[k].tag_ == "POS"), None)


def _unbracketed(name: str) -> str:
    """A name without an editor's square brackets, which complete it inside a quotation ("Jerry [O'Connell]
    and I", "[Augustine Triumph] Attah")."""
    return " ".join(name.replace("[", " ").replace("]", " ").split()) if "[" in name or "]" in name else name


def _char_span(doc, i: int, j: int) -> tuple[int, int]:
    end = doc[j - 1].idx + len(doc[j - 1].text)
    text = text_of(doc)[doc[i].idx : end]
    m = _POSSESSIVE.search(text)
    if m and j - i >= 1 and m.start() > 0:
        end -= len(m.group())
    return doc[i].idx, end


# --------------------------------------------------------------------------- gazetteer


#: Currency signs a country's short name may be glued to ("US$", "HK$", "A$", "R$").
_CURRENCY_SIGNS = frozenset("$£€¥")


def gazetteer_candidates(document: Document, gaz: Gazetteer, lex: ActorLexicon) -> list[Candidate]:
    """Every gazetteer surface form in the text (longest first, case-sensitive), as candidates.

    A form inside a longer place name of ``places.csv`` is part of that place ("Mexico" of "New Mexico",
    "Samoa" of "American Samoa", "Ireland" of "Northern Ireland").

    A form the gazetteer marks ambiguous is dropped where the text reads it otherwise: as a person
    (spaCy's recogniser says so: "Jordan said"), a food ("Turkey sandwiches"), a US state ("Atlanta,
    Georgia", "Georgia's governor"); a body of one country ("Supreme Court", "Congress") counts only
    where the article also names that country, not before "of" and another place ("the Supreme Court
    of Puerto Rico"), and not where the article names another body holding that form ("the Supreme Court"
    after "the Puerto Rico Supreme Court") and never the body itself by a form of its own.
    """
    doc, found = document.doc, []
    for m in gaz.pattern.finditer(text_of(doc)):
        surfaces = gaz.lookup(m.group())
        if not surfaces:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        if m.end() < len(text_of(doc)) and text_of(doc)[m.end()] in _CURRENCY_SIGNS:
            continue  # "US$22,900", "HK$": the country's currency, no act of the state
        surf = _pick(surfaces)
        if surf is not None:
            found.append((m.start(), m.end(), surf, span))
    places = [m.span() for m in _places_pattern(lex.places).finditer(text_of(doc))]
    found = [f for f in found if not any(s <= f[0] and f[1] <= e and e - s > f[1] - f[0] for s, e in places)]
    named = {surf.target for _, _, surf, _ in found if not surf.ambiguous}
    in_full = {surf.target for _, _, surf, span in found if len(span) >= 2}  # named by more than a surname
    sure = named | {gaz.actors[t].country for t in named if t in gaz.actors and gaz.actors[t].country}
    locals_: list[str] | None = None  # the document's organisation names, read when an ambiguous form needs them
    surnames: frozenset[str] | None = None  # the last words of its persons' names, read when a one-word form needs them
    out = []
    for start, end, surf, span in found:
        if surf.ambiguous and surf.kind != "office" and not _meant(surf, span, gaz, lex, sure):
            continue
        country = gaz.actors[surf.target].country if surf.target in gaz.actors else ""
        if surf.ambiguous and country and surf.target not in named:
            locals_ = _local_bodies(doc, lex) if locals_ is None else locals_
            if _namesake(span.text, locals_, country, gaz, lex):
                continue  # "the Supreme Court" after "the Supreme Court of Puerto Rico": that court, by name
        head, sid = span.root.i, document.sentence_at(start)
        if surf.kind == "office":
            office = gaz.offices[surf.target]
            out.append(Candidate(start, end, sid, "office", "office", head, office_id=office.id, name=office.name))
            continue
        actor = gaz.actors[surf.target]
        if actor.type == "person" and (_other_bearer(span, actor.name, lex) or _place_named(span, lex)):
            continue
        surnames = _person_surnames(doc) if surnames is None and len(span) == 1 else surnames
        if actor.type != "person" and len(span) == 1 and span.text in surnames and not _placed(span[0]):
            # "Amman" after "Sudesh Amman": the person, not Jordan's capital (joined by surname later)
            out.append(Candidate(start, end, sid, "ner", "person", head, name=span.text))
            continue
        if actor.type == "person" and len(span) == 1 and span.text in surnames and actor.id not in in_full \
                and _another_bearer(doc, span.text, actor):
            # "Cyrus R. Vance ... Vance said": the person the article names, not JD Vance, whom it never names
            out.append(Candidate(start, end, sid, "ner", "person", head, name=span.text))
            continue
        if surf.kind == "demonym" and span.start > 0 and doc[span.start - 1].text in FIRST_PEOPLE_WORDS:
            first = doc[span.start - 1]  # "Native American tribes": the continent's first peoples, not the state
            name = text_of(doc)[first.idx : end]
            out.append(Candidate(first.idx, end, sid, "group", "group", head, name=name, qualifier=first.text,
                                 modifiers=frozenset({name.lower(), "self"})))
            continue
        if surf.kind == "demonym" and actor.type == "state" and one_national(span):
            continue  # "my friend and a great American, Joe Biden": one person, neither the state nor its people
            # (a party's member stays, as a modifier: "a Republican, Mark Amodei", helpers.actors.roles)
        if surf.kind == "demonym" and actor.type == "state" and _nation_people(span):
            out.append(Candidate(start, end, sid, "group", "group", head, name=span.text, qualifier=span.text,
                                 modifiers=frozenset({"people", "self"})))  # fmt: skip
            continue
        kind = "gazetteer" if surf.kind == "name" else surf.kind
        prev = out[-1] if out else None
        if actor.type == "state" and prev is not None and is_outlet(prev.actor_id) and _edition(doc, prev, start):
            prev.end, prev.head = end, head  # "CNN Philippines": the outlet's edition, no state
            continue
        out.append(Candidate(start, end, sid, kind, actor.type, head, actor_id=actor.id, name=actor.name,
                             gender=actor.gender))  # fmt: skip
    return out


def _edition(doc, outlet: Candidate, start: int) -> bool:
    """Whether a state's name at ``start`` follows an outlet's name with one space and the parser compounds the
    outlet with it ("CNN Philippines reported"; not "told CNN Russia lied")."""
    if text_of(doc)[outlet.end : start] != " ":
        return False
    first = doc.char_span(outlet.start, outlet.end, alignment_mode="expand")
    state = doc.char_span(start, start + 1, alignment_mode="expand")
    return first is not None and state is not None and first[-1].dep_ == "compound" and first[-1].head.i == state[0].i


@cache
def _places_pattern(places: frozenset[str]) -> re.Pattern:
    """One pattern for the listed place names (``places.csv``), longest first, case-sensitive."""
    names = sorted(places, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _person_surnames(doc) -> frozenset[str]:
    """The last words of the persons' names of two words or more that the recogniser finds in ``doc``."""
    return frozenset(ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2
                     and ent[-1].text[:1].isupper())  # fmt: skip


def _full_name_ends(doc) -> list[str]:
    """The last words (split at spaces) of the persons' names of two words or more the recogniser finds."""
    return [words[-1] for ent in doc.ents if ent.label_ == "PERSON" and len(words := ent.text.split()) >= 2]


def _hyphened_surnames(doc) -> frozenset[str]:
    """The hyphenated last words of the persons' full names in ``doc`` ("Mir-Mohammadi" of "Seyed Mohammad
    Mir-Mohammadi"): alone, the small model may read one as a building or a work."""
    return frozenset(w for w in _full_name_ends(doc) if "-" in w and w[:1].isupper())


def _particle_surnames(doc) -> frozenset[str]:
    """The surnames with a particle ("al-Quaety", "el-Sisi"; case-folded) that end the persons' names the
    recogniser finds in ``doc``: the small model reads such a surname alone as an organisation."""
    return frozenset(w.casefold() for w in _full_name_ends(doc)
                     if _PARTICLE_SURNAME.match(w) and w.split("-")[0] not in _NAME_PREFIXES)


def _another_bearer(doc, surname: str, actor) -> bool:
    """Whether the article names in full a person with this surname who is not the gazetteer's ``actor``
    ("Cyrus R. Vance" for JD Vance); a name that differs only in spelling is that actor ("[Bashir al] Assad"
    for Bashar al-Assad), as is one holding all the words of one of its forms ("Sayyid Ali Hosseini Khamenei")."""
    forms = [fold_accents(f).lower() for f in (actor.name, *actor.aliases) if " " in f]
    fulls = {fold_accents(e.text).lower() for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2
             and e[-1].text == surname}  # fmt: skip
    return bool(fulls) and not any(SequenceMatcher(None, f, g).ratio() >= 0.8 or set(g.split()) <= set(f.split())
                                   for f in fulls for g in forms)  # "Sayyid Ali Hosseini Khamenei": Ali Khamenei


def _placed(t: Token) -> bool:
    """Whether a word is used as a place: after a preposition of place ("in Washington") or before a comma
    and a place or state abbreviation ("Washington, D.C.", "Amman, Jordan")."""
    if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "," and doc[t.i + 2].ent_type_ in ("GPE", "LOC")


def _surname_as_thing(t: Token, surnames: frozenset[str]) -> bool:
    """A one-word entity the small model took for a thing ("Kokesh ran for US Congress": PRODUCT) that is the
    surname of a person it names in full elsewhere in the article (``surnames``, :func:`_person_surnames`)."""
    return t.ent_type_ in THING_LABELS and _lone_entity(t) and t.text in surnames


def _lone_entity(t: Token) -> bool:
    """Whether ``t`` is an entity of one word."""
    return t.ent_iob_ == "B" and (t.i + 1 == len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")


#: Sentences an article has at least where a person's bare surname follows a full name given before.
_FULL_NAMES_AFTER = 4


def _words_as_persons(doc, lex: ActorLexicon, names: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """One-word "persons" of the recogniser that are ordinary English words: ``(no names, outlets)``.

    No name where nothing in the article makes one ("On Cinema alumni", "laptops with Fedora on it"): no
    known given name, no word of a person's full name (``names``: :func:`_person_name_words`), never a
    speech verb's subject, a possessor ("Wings's album") nor a source. An outlet where the word is a source
    and never speaks ("according to Time", "an interview with Dawn"). Only in an article of a few
    sentences, which names a person in full before it shortens the name; in a sentence alone "Rice" or
    "Pence" may be a surname."""
    if sum(1 for _ in doc.sents) < _FULL_NAMES_AFTER:
        return frozenset(), frozenset()
    plain = set()
    for ent in doc.ents:
        w = ent[0]
        if ent.label_ == "PERSON" and len(ent) == 1 and w.text[1:].islower() and ordinary_word(w.text) \
                and w.text not in lex.first_names and w.text not in names and w.text[:-1] not in names:
            plain.add(w.text)  # ("the Tongs" after "Tong Yung-soo": a family)
    speaking = {t.text for t in doc if t.text in plain and (_speaks(t, lex) or t.dep_ == "poss")}
    sources = {t.text for t in doc if t.text in plain and is_source(t)} - speaking
    return frozenset(plain - speaking - sources), frozenset(sources)


def _speaks(t: Token, lex: ActorLexicon) -> bool:
    """Whether a word is the subject of a speech verb ("Walker said")."""
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in lex.speech_lemmas


def in_hashtag(text: str, c: Candidate) -> bool:
    """Whether a candidate is written as a hashtag ("#MAGA", "the hashtag #WrongTrump went viral"): a slogan or
    topic, no mention of anyone."""
    return c.start > 0 and text[c.start - 1] == "#"


def in_honour(doc, c: Candidate, lex: ActorLexicon) -> bool:
    """Whether a candidate is part of an honour's name ("awarded the Most Brilliant Order of the Sun", "the
    Order of Lenin", "the Order of Canada"; ``honour_head`` in ``actor_cues.csv``): no actor there."""
    t = doc[c.head]
    first = next((w for w in doc[t.left_edge.i : t.i + 1] if w.idx >= c.start), t)
    if first.lower_ in lex.honour_heads and first.text[:1].isupper() and first.i + 1 < len(doc) \
            and doc[first.i + 1].lower_ == "of":
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.text[:1].isupper() \
        and t.head.head.lower_ in lex.honour_heads


def is_source(t: Token) -> bool:
    """Whether a word is where information came from: "according to Time", "an interview with Dawn", "told
    Dawn"."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and t.doc[head.i - 1].lower_ == "according":
        return True
    if t.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in ("interview", "speak", "talk"):
        return True
    return t.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell"


def _person_name_words(doc) -> frozenset[str]:
    """The words of the persons' names of two words or more that the recogniser finds in ``doc``."""
    return frozenset(w.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2 for w in ent)


def _family(doc, i: int, j: int, name_words: frozenset[str]) -> bool:
    """Whether tokens ``[i, j)`` are "the" and the plural of a word of a person's full name in the article
    (``name_words``: "the Tongs" after "Tong Yung-soo", "the Obamas" after "Barack Obama"): a family, "they"."""
    word = doc[i].text
    return j - i == 1 and i > 0 and doc[i - 1].lower_ == "the" and word.endswith("s") and (
        word[:-1] in name_words or (word.endswith("es") and word[:-2] in name_words))  # fmt: skip


def _apposed_person_noun(root: Token, lex: ActorLexicon) -> bool:
    """Whether a name has an apposition headed by a title or a noun naming one person ("Tomasz Kubiak, a fire
    service spokesman", "Jane Roe, a nurse"): a person, whatever the recogniser called the name."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ not in lex.org_heads
               and (title_key(c.text) in lex.titles or c.lemma_.lower() in lex.person_nouns) for c in root.children)


def _named_after_person_noun(root: Token, lex: ActorLexicon) -> bool:
    """Whether a name (or the name it is listed after) stands in apposition right after a plural noun naming
    people ("visual artists Moth Monarch and Cat-Monk Shiro", "rappers Ice Cube and ..."): people's names,
    whatever the recogniser called them and though their words are ordinary ones or titles."""
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    return root.dep_ == "appos" and head.i < root.i and head.tag_ == "NNS" and head.lower_ not in lex.org_heads \
        and head.lemma_.lower() in lex.person_nouns and root.left_edge.i == head.i + 1


#: Sentences from which a text reads as a whole article, which introduces the people it is about by their full
#: names (a shorter excerpt may name them by surname alone).
ARTICLE_SENTENCES = 5


def _dash_pair(doc, i: int, j: int) -> bool:
    """Whether a name is one of two capitalised words joined by an en dash without spaces that modify a
    lower-case common noun ("the Saffir–Simpson scale", "the Apollo–Soyuz mission"): a thing named after them."""
    if j < len(doc) - 1 and doc[j].text == "–" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        other = doc[j + 1]
    elif i >= 2 and doc[i - 1].text == "–" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        other = doc[i - 2]
    else:
        return False
    noun = doc[j - 1].head
    return other.text[:1].isupper() and noun.pos_ == "NOUN" and noun.is_lower and noun.i >= j


def _personal_word(w: Token, lex: ActorLexicon) -> bool:
    """Whether a word says a person is meant by a name beside it: a title, an occupation, a person noun, a noun
    that introduces a name ("named", "the pseudonym") or a given name ("a student named Wong", "his mother,
    Anwar", "one Vijayaragavan")."""
    return title_key(w.text) in lex.titles or w.lower_ in lex.occupations or w.lemma_.lower() in lex.person_nouns \
        or w.lower_ in NAME_NOUNS or (w.pos_ == "PROPN" and _given_name(w.text, lex))


def _stray_word(t: Token, lex: ActorLexicon, name_words: frozenset[str]) -> bool:
    """Whether a one-word "person" is named once in the article, is no given name, no word of a person's
    full name there, neither acts (subject, passive agent) nor owns (possessive), and no word next to it or
    above it in the parse says a person is meant (a title, an occupation, a person noun, "named", a given
    name: "a student named Wong", "Waseem's mother, Anwar", "one Vijayaragavan"): on 291 Wikinews articles
    such words were mostly places, works, products or animals ("in the river Seine", "such as Archaeopteryx",
    "Jem and the Misfits")."""
    if _given_name(t.text, lex) or t.text in name_words or t.doc.text.count(t.text) > 1:
        return False
    if t.dep_ in SUBJECT_DEPS or t.dep_ in PASSIVE_SUBJECT_DEPS or t.dep_ == "poss" \
            or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
        return False
    return not ((t.i > 0 and _personal_word(t.doc[t.i - 1], lex)) or _personal_word(t.head, lex)
                or _personal_word(t.head.head, lex))


def _reached_place(t: Token, lex: ActorLexicon, name_words: frozenset[str]) -> bool:
    """Whether a one-word name the recogniser called a person is where something goes or stands: the object of
    "to"/"from"/"via" after a verb of motion ("goes right up to Mangalore", "travelled from Hubli") or of "at"
    after a noun ("the power plant at Guayanilla"), named once, no given name and no word of a person's name
    in the article."""
    prep = t.head
    if t.dep_ != "pobj" or _given_name(t.text, lex) or t.text in name_words or t.doc.text.count(t.text) > 1:
        return False
    if prep.lower_ == "at":
        return prep.head.pos_ == "NOUN"
    verb = prep.head.head if prep.head.pos_ in ("ADV", "ADP", "PART") else prep.head  # "goes right up to"
    return prep.lower_ in ("to", "from", "via") and verb.pos_ == "VERB" and verb.lemma_ in MOTION_VERBS


def _unnamed_place(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether a name of a few words the recogniser called a person is the object of a preposition of place
    ("in", "near", ...), opens with no given name, is named nowhere else, and its last word is in no other
    person's name in the article ("a military base in Maidan Shahr"; not "faith in Narendra Modi" where Modi is
    named elsewhere, nor "done inside Red Hat" where the company is)."""
    root = doc[i:j].root
    if root.dep_ != "pobj" or root.head.lower_ not in _PLACE_ONLY_PREPOSITIONS or _given_name(doc[i].text, lex):
        return False
    if doc.text.count(doc[i:j].text) > 1:
        return False
    last = doc[j - 1].text
    return not any(w.text == last for e in doc.ents if e.label_ == "PERSON" and e.start != i for w in e)


def _plain_phrase(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether a "person" of two words or more is ordinary English words only, in capitals ("Residential
    Precinct", "High Performance Computing"): no given name or title opens it, no acronym is in it, no word naming
    a person's occupation or kind comes right before it ("rapper Ice Cube"), and it is no speech verb's subject."""
    words = doc[i:j]
    if j - i < 2 or _given_name(doc[i].text, lex) or title_key(doc[i].text) in lex.titles \
            or doc[i].lower_ in lex.occupations:
        return False
    if any(w.text.isupper() or not w.is_alpha or not common_word(w.text) or w.lower_ in NAME_PARTICLES
           for w in words):
        return False
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.is_lower and (before.lower_ in lex.occupations or
                                                   before.lemma_.lower() in lex.person_nouns):
        return False
    root = words.root
    return not (root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in lex.speech_lemmas)


def _firms(doc, lex: ActorLexicon) -> frozenset[str]:
    """Names the article lists as firms (:func:`_named_after_firm_noun`), none opening with a given name:
    organisations wherever it names them ("store chains Woolworths and Coles ... Coles ordered")."""
    return frozenset(e.text for e in doc.ents if e.label_ in ("PERSON", "NORP", "GPE", "ORG")
                     and not _given_name(e[0].text, lex) and _named_after_firm_noun(e.root, lex))  # fmt: skip


def _named_after_firm_noun(root: Token, lex: ActorLexicon) -> bool:
    """Whether a name (or the name it is listed after) stands in apposition right after a lower-case plural
    noun naming a kind of business or body ("store chains Woolworths and Coles", "airlines Qantas and
    Virgin"): organisations, whatever the recogniser called them."""
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head = root.head
    lemma = head.lemma_.lower()
    return root.dep_ == "appos" and head.i < root.i and head.tag_ == "NNS" and head.is_lower \
        and (lemma in lex.firm_kinds or lex.org_heads.get(lemma) == "organisation") and root.left_edge.i == head.i + 1


def _says_he(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether one capitalised word that is no English word is the subject of a speech verb whose reported
    clause has "he" or "she" as its subject ("Conyers said he wasn't looking"): a person, though the small
    model tagged the word as a plural common noun."""
    t = doc[i]
    if j - i != 1 or not (t.is_alpha and t.text[:1].isupper() and t.text[1:].islower()) or common_word(t.text):
        return False
    verb = t.head
    return t.dep_ == "nsubj" and verb.lemma_ in lex.speech_lemmas and any(
        c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("he", "she") for s in c.children)
        for c in verb.children)  # fmt: skip


def _thing_as_person(t: Token, lex: ActorLexicon) -> bool:
    """A one-word entity the small model took for a thing that acts as a person: the subject of a speech
    verb, or a subject a he/she/his/her later in its sentence can refer to ("Romney congratulated the
    president for his campaign": PRODUCT), no English word, and not after a word naming its kind ("news
    agency Fars reported")."""
    return t.ent_type_ in THING_LABELS and _lone_entity(t) and not common_word(t.text) \
        and not _kind_before(t.doc, t.i, lex) and _misread_person(t.doc, t.i, t.i + 1, lex)


def _nation_people(span: Span) -> bool:
    """Whether a demonym names a nation's people, not its state: a plural noun with no "the" ("Serbians
    protested", "Britons voted"); "the Saudis", "the Ukrainians" in diplomacy are the state's side."""
    root = span.root
    return (root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound")
            and not any(c.lower_ == "the" for c in root.children))  # fmt: skip


def _only_title(doc, i: int, j: int, ent_label: str, lex: ActorLexicon, surnames: frozenset[str]) -> bool:
    """Whether the recogniser's name ``[i, j)`` is a title, no name: title words only ("Bishop-Emeritus of
    Marbel", not "Dr. King"; one word only where it is nobody's surname here, "King" after "Martin Luther
    King", and reads as a title: an organisation to the recogniser, "Councillor", or before "of" or after "the"),
    or a run ending in a title with no given name before it ("a former City Councillor"; not "John Major",
    "Winston Duke": a surname may be a title word; not "Office of the President")."""
    words = doc[i:j]
    whole = title_key(words.text)
    if j - i > 2 and (doc[i].tag_ == "JJ" or doc[i].ent_type_ == "NORP" or doc[i].lower_ == "women"):
        whole = ("woman " if doc[i].lower_ == "women" else "") + title_key(doc[i + 1 : j].text)
    if j - i > 1 and (whole in lex.titles or (whole.endswith("s") and whole[:-1] in lex.titles)):
        return True  # "an International Master", "two Grand Masters": a title of several words, also after
        # a nationality ("Israeli Grand Master") or for women ("Women Candidate Master")
    if all(t.text in "-–" or title_key(t.text) in lex.titles for t in words):
        if j - i > 1:  # "Dr. King", "Mrs. King": an honorific before a surname that is a title word
            return (lex.titles.get(title_key(doc[i].text)) or _NO_TITLE).kind != "honorific"
        return doc[i].text not in surnames and (ent_label != "PERSON" or (j < len(doc) and doc[j].lower_ == "of")
                                                 or (i > 0 and doc[i - 1].lower_ in DETERMINERS))
    return (j - i > 1 and title_key(doc[j - 1].text) in lex.titles and doc[i].text not in lex.first_names
            and (ent_label != "PERSON" or common_word(doc[i].text))
            and not any(t.lower_ in ("of", "the") for t in words))  # fmt: skip


def _latin(name: str) -> bool:
    """Whether a name has a Latin letter (accents folded): one in another script ("Медицинский", "李克强") is a
    gloss the English model cannot read, no actor."""
    return any("a" <= ch <= "z" for ch in fold_accents(name.lower()))


def _concept(t: Token, lex: ActorLexicon) -> bool:
    """Whether one word is an idea by its ending ("Marxism", "Islamophobia"; ``concept_suffix`` cues)."""
    low = t.lower_
    return any(low.endswith(x) and len(low) > len(x) + 2 for x in lex.concept_suffixes)


def one_national(span: Span) -> bool:
    """Whether a demonym is a singular noun after "a"/"an": one person of that nation or party ("an American
    was killed", "a great American", "a Republican, Mark Amodei")."""
    root = span.root
    return (root.tag_ in ("NN", "NNP") and root.dep_ not in ("amod", "compound")
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children))  # fmt: skip


def _other_bearer(span: Span, name: str, lex: ActorLexicon) -> bool:
    """Whether a person's one-word form is the surname of someone else in the recogniser's name: "Hunter
    Biden", "Sarah Huckabee Sanders" (a given name the person does not have; titles do not count)."""
    if len(span) != 1 or span.start == 0 or span[0].ent_type_ != "PERSON" or span[0].ent_iob_ != "I":
        return False
    before = span.doc[span.start - 1]
    return (before.pos_ == "PROPN" and before.text[:1].isupper() and (before.text.isalpha() or _INITIAL.fullmatch(
        before.text)) and title_key(before.text) not in lex.titles and before.text not in name.split())  # fmt: skip


def _place_named(span: Span, lex: ActorLexicon) -> bool:
    """Whether a name follows a capitalised word that makes it a place or a thing ("County Kerry", "Fort
    Lee", "Hurricane Harvey"): not the person of that name."""
    before = span.doc[span.start - 1] if span.start else None
    return before is not None and before.text[:1].isupper() and before.lower_ in lex.thing_leads


def _meant(surf: Surface, span: Span, gaz: Gazetteer, lex: ActorLexicon, sure: set[str]) -> bool:
    """Whether an ambiguous gazetteer form names its actor here (see :func:`gazetteer_candidates`)."""
    actor = gaz.actors[surf.target]
    if actor.country and actor.country != actor.id:
        return (surf.target in sure or actor.country in sure) and not _of_another(span, actor.country, gaz)
    if actor.type != "person" and any(t.ent_type_ == "PERSON" for t in span) and surf.target not in sure:
        return False  # "Jordan said"; but "Niamey, Niger's capital": the state the article names otherwise
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in lex.food or after.rstrip("s") in lex.food or after[:-2] in lex.food:
        return False
    sentence = span.sent
    words = {t.lower_ for t in sentence}
    text = sentence.text.lower()
    return not (words & lex.us_state_cues or any(" " in c and c in text for c in lex.us_state_cues))


def _local_bodies(doc, lex: ActorLexicon) -> list[str]:
    """The organisation names the recogniser finds in a document, each with the "of" and place it was cut
    before ("Supreme Court of Puerto Rico"), without a leading "the"."""
    out = []
    for ent in doc.ents:
        if ent.label_ == "ORG":
            i = ent.start + (ent[0].lower_ == "the")
            out.append(doc[i : _of_place(doc, ent.end, lex)].text)
    return out


def _namesake(form: str, bodies: list[str], country: str, gaz: Gazetteer, lex: ActorLexicon) -> bool:
    """Whether the document names an organisation that is ``form`` with a place other than ``country``
    before or after it ("Puerto Rico Supreme Court", "Supreme Court of Puerto Rico" for the US "Supreme
    Court"; not "United States Supreme Court", "Christian Democratic Party" or "Republican Senate")."""
    for body in bodies:
        if body == form or not re.search(rf"\b{re.escape(form)}\b", body):
            continue
        rest = " ".join(body.replace(form, " ").split()).removesuffix("'s").removesuffix("’s")
        rest = rest.removeprefix("of ").removeprefix("the ").strip()
        states = {x.target for x in gaz.lookup(rest) if x.target in gaz.actors and gaz.actors[x.target].type == "state"}
        if (rest in lex.places or states) and country not in states:
            return True
    return False


def _of_another(span: Span, country: str, gaz: Gazetteer) -> bool:
    """Whether a country's body is followed by "of" and another place's name: "the Supreme Court of Puerto
    Rico" is not the US Supreme Court."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    nxt = doc[span.end + 1]
    if nxt.lower_ == "the" and span.end + 2 < len(doc):
        nxt = doc[span.end + 2]
    if nxt.ent_type_ not in ("GPE", "LOC", "NORP"):
        return False
    ent = next((e for e in doc.ents if e.start <= nxt.i < e.end), None)
    name = ent.text.removeprefix("the ").removeprefix("The ") if ent is not None else nxt.text
    return country not in {x.target for x in gaz.lookup(name)}


def _pick(surfaces: tuple[Surface, ...]) -> Surface | None:
    """The surface meant: the first by kind; among several actors sharing a form, none (resolved later)."""
    targets = {s.target for s in surfaces if s.kind == surfaces[0].kind}
    return surfaces[0] if len(targets) == 1 else None


# --------------------------------------------------------------------------- named entities


def title_case_sentences(document: Document) -> set[int]:
    """Ids of headline-style sentences: titles and headings most of whose other longer words are capitalised."""
    out = set()
    for sid, (span, bounds) in enumerate(zip(document.sentences, document.bounds, strict=True)):
        if bounds.kind not in ("title", "heading"):
            continue
        words = [t.text for t in span if t.is_alpha and len(t.text) > 3 and not t.ent_type_]
        if len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words):
            out.add(sid)
    return out


def ner_candidates(document: Document, lex: ActorLexicon) -> list[Candidate]:
    """spaCy's PERSON, ORG, GPE, NORP and LOC entities, cleaned, as candidates (``kind`` ner).

    In a headline-style sentence every word is capitalised, so the recogniser takes phrases for
    names ("From Political Isolation to Diplomatic Talks"): there a name counts only if the
    article also writes it in an ordinary sentence, or it is a person with a known given name.
    """
    headlines = title_case_sentences(document)
    found = _ner_candidates(document, lex, headlines)
    plain = {c.name.casefold() for c in found if c.sentence_id not in headlines}
    return [c for c in found if c.sentence_id not in headlines or c.name.casefold() in plain
            or (c.label == "person" and c.name.split()[0] in lex.first_names)]  # fmt: skip


def _ner_candidates(document: Document, lex: ActorLexicon, headlines: set[int]) -> list[Candidate]:
    doc, out = document.doc, []
    towns = {e.text for e in doc.ents if _before_province(doc, e.end, lex)}  # "Fort Lee, New Jersey"
    things = _thing_acronyms(doc, lex)
    named_things, named_places = things_named(doc, lex), places_named(doc, lex)
    bodies = bodies_named(doc, lex)  # "Time magazine ... according to Time"
    name_words = _person_name_words(doc)
    surnames = _person_surnames(doc)
    hyphened = _hyphened_surnames(doc)
    full_names = {ent.text for ent in doc.ents if ent.label_ == "PERSON" and not _opens(ent[0])}
    particled = _particle_surnames(doc)
    storms = _storms(doc, lex)
    teams = _teams(doc, lex, surnames)
    firms = _firms(doc, lex)
    bodies_read = {e.text for e in doc.ents if e.label_ == "ORG"}  # names the recogniser reads as a body somewhere
    article_length = len(document.sentences) >= ARTICLE_SENTENCES
    nicknamed = _nicknamed(document, lex)
    plain_words, outlets = _words_as_persons(doc, lex, name_words)
    out += nicknamed
    for ent in doc.ents:
        if person_as_thing(ent, lex) or (ent.label_ in THING_LABELS and ent.text in hyphened):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # ("Mir-Mohammadi served": FAC to the small model)
        label = ACTOR_LABELS.get(ent.label_)
        if label is None or any(c.start < ent.end_char and ent.start_char < c.end for c in nicknamed):
            continue
        for i, j, ent_label in _repair(doc, ent, lex):
            label = ACTOR_LABELS[ent_label]
            i, j = _strip(doc, i, j)
            post = int(ent_label in ("ORG", "PERSON") and j - i >= 3 and doc[j - 1].text in POST_NOMINALS
                       and _is_personish(doc, i, j - 1))
            if post:
                ent_label, label = "PERSON", "person"  # "Prosecutor Kama Melly QC said": a person, whose name
                # leaves out the letters
            if ent_label == "ORG":
                j = _common_kind_end(doc, i, j, lex)
            if ent_label == "ORG" and j - i >= 3 and doc[i + 1].lower_ == "of" and doc[i].tag_ in ("NNS", "NNPS") \
                    and (title_key(doc[i].lemma_) in lex.titles or doc[i].lemma_.lower() in lex.member_nouns):
                i += 2  # "Leaders of African Union member states": the body, not its leaders
            elif ent_label == "ORG" and j - i >= 3 and doc[i + 1].lower_ == "of" and doc[i].text in surnames:
                j, ent_label, label = i + 1, "PERSON", "person"  # "Wilson of C-MORE" after "Sam Wilson of ...":
                # the person, and where she works
            if ent_label == "PERSON":
                owner = _possessive_in(doc, i, j)
                j = owner if owner is not None else j  # "under Sally Capp's Mayorship": the person who owns it
            if ent_label == "ORG":
                cut = next((k for k in range(i + 1, j - 1) if doc[k].lower_ == "for" and doc[k + 1].text == "The"),
                           None)
                j = cut if cut is not None else j  # "leaving Blues Incorporated for The Rolling Stones": two bodies
                owner = _possessive_in(doc, i, j)
                if owner == i + 1 and doc[i].text in name_words:
                    i = owner + 1  # "Trump's State Department": the body, its owner a person apart (not "Alachua
                    # Sheriff's Office", "Jehovah's Witnesses": names that hold a possessive)
            if ent_label in ("PERSON", "NORP", "GPE", "LOC") and doc[i:j].text in firms:
                ent_label, label = "ORG", "organisation"  # "store chains Woolworths and Coles ... Coles ordered"
            if ent_label in ("PERSON", "GPE", "LOC") and doc[i:j].text in teams:
                ent_label, label = "ORG", "organisation"  # "Caloundra defeated Wynnum 45 points to 24" after
                # "Wynnum coach Matt Myers": the teams
            if ent_label in ("PERSON", "ORG"):
                i = _hyphened_start(doc, i, lex)
            if ent_label == "ORG" and 0 < i < j - 2 and title_key(f"{doc[i - 1].text} {doc[i].text}") in lex.titles \
                    and all(t.text[:1].isupper() or t.text in "-–" for t in doc[i + 1 : j]):
                i, ent_label, label = i + 1, "PERSON", "person"  # "Iranian Grand Master Ehasn Ghaem-Maghami"
                # with only "Master Ehasn Ghaem-Maghami" recognised: the end of a title, then a person's name
            if ent_label == "ORG" and i < j and doc[i:j].text.casefold() in particled:
                ent_label, label = "PERSON", "person"  # "attacked al-Quaety" after "Nabil Hasan al-Quaety"
            listed = i < j and ent_label in ("ORG", "PERSON") and _named_after_person_noun(doc[i:j].root, lex)
            if i < j and ent_label == "ORG" and (listed or _apposed_person_noun(doc[i:j].root, lex)):
                ent_label, label = "PERSON", "person"  # "Tomasz Kubiak, a fire service spokesman, told"
            says = i < j and ent_label in ("ORG", "PERSON") and _says_he(doc, i, j, lex)
            if says:
                ent_label, label = "PERSON", "person"  # "Conyers said he wasn't looking": a person
            if i >= j or not (says or _name_like(doc, i, j, ent_label)):
                continue
            if ent_label == "PERSON" and j - i >= 3 and inner_hyphen(doc, j - 2) \
                    and doc[j - 1].text in NAME_SUFFIX_WORDS:
                continue  # "a train from Bangalore-side": a word made of a name, no one's name
            if ent_label in ("ORG", "PERSON") and _portfolio(doc, i, j, lex):
                continue  # "Road Transport and Bridges Minister Obaidul Quader": a minister's portfolio
            if not _latin(doc[i:j].text):
                continue  # "Медицинский": a gloss in another script
            if (_only_title(doc, i, j, ent_label, lex, surnames) and not listed) or _bracketed_title(doc, i, j, lex):
                continue
            if ent_label == "ORG" and doc[i:j].root.dep_ == "oprd" and any(
                    c.dep_ == "nsubjpass" and (c.lower_ in PERSONAL or c.ent_type_ == "PERSON")
                    for c in doc[i:j].root.head.children):  # fmt: skip
                continue  # "he was named Best Actor": what a person is named, an award or a label, not a body
                # (but "the organisation which is called SAMPAD": the body's own name)
            if j - i == 1 and ent_label in ("PERSON", "ORG") and doc[i].dep_ == "amod" and doc[i].head.is_lower \
                    and doc[i].head.pos_ == "NOUN" and word_tag(doc[i].text) in ("JJ", "") \
                    and doc[i].text not in name_words:
                continue  # "to establish Germanic hegemony": an adjective on a common noun
            if ent_label == "PERSON" and _what_someone_is(document, i, j):
                continue  # "Fields, a self-described Neo-Nazi": what someone is, no one's name
            if ent_label == "PERSON" and j - i == 1 and doc[i].text in plain_words and doc[i].text not in named_places:
                continue  # "additional On Cinema alumni", "laptops with Fedora on it": an ordinary word
            if ent_label == "PERSON" and j - i == 1 and doc[i].text.isupper() and len(doc[i].text) > 2 \
                    and common_word(doc[i].lower_) and not _given_name(doc[i].text.title(), lex):
                continue  # "the two major parties (LEFT and RIGHT)": an ordinary word in capitals
            if j - i == 1 and (doc[i].lower_ in lex.stopwords or doc[i].text in things or _concept(doc[i], lex)
                               or doc[i].lower_ in HONORIFIC_NOUNS or word_tag(doc[i].text) in _FUNCTION_TAGS
                               or doc[i].text.rstrip(".") in NAME_SUFFIXES):
                continue  # "(7:49 a.m. UTC)", "CEO": a word that is never a name alone; a thing's acronym;
                # an idea ("Marxism"); "Her Majesty"; "Amongst" (a function word); "Cyrus R. Vance, Jr." (a suffix)
            title = ""
            if ent_label in ("PERSON", "ORG") and j - i >= 3 and _one_of_kind(doc[i], lex) \
                    and _is_personish(doc, i + 1, j) and not any(t.lower_ in lex.org_heads for t in doc[i + 1 : j]):
                i, ent_label, label = i + 1, "PERSON", "person"  # "Voter Kitty Mak told The Atlantic": one voter
            if ent_label == "PERSON" and j - i >= 2 and doc[i].lower_ in lex.platforms and i > 0 \
                    and doc[i - 1].lower_ in ("on", "via"):
                i += 1  # "The next day on Twitter West accused ...": the medium, then the name
            if ent_label == "PERSON":
                i, title = _leading_title(doc, i, j, lex)
                if i >= j:
                    continue
                if j - i >= 3 and doc[i].text not in lex.first_names and (doc[i].lower_ in lex.occupations or (
                        (common_word(doc[i].text) or _agent_noun(doc[i].text)) and doc[i + 1].text in lex.first_names)):
                    i += 1  # "Engineer Eric Bodenstab", "Rapper Kanye West", "Ecologist Ryan Norris": an occupation
                elif j - i >= 2 and _opens(doc[i]) and doc[i].text not in lex.first_names and common_word(doc[i].text) \
                        and doc[j - 1].text in surnames and doc[i:j].text not in full_names \
                        and doc[i].lower_ not in name_words:  # not "De Blasio" of "Bill de Blasio"
                    i += 1  # "Longtime Imus in the Morning writer ...": a word capitalised by its place
            elif ent_label == "ORG" and j - i == 2 and _opening_modifier(doc[i], lex) and doc[j - 1].text in surnames:
                i += 1  # the same, read as a body: the person's surname
            if (j - i == 1 and doc[i].text in storms) or _named_thing(doc, i, j, named_things, lex) \
                    or (ent_label not in ("GPE", "LOC", "FAC") and _before_and_thing(doc, j, lex)):
                continue  # "Hurricane Lorenzo ... Though Lorenzo was forecast to diminish": the storm again;
                # "the cargo ship Namse Bangdzod ... MV Namse Bangdzod sailed": the ship again; "the World
                # Rapid and Blitz Championship": the first half of a thing's name
            words = [t.lower_ for t in doc[i:j]]
            given = ent_label == "PERSON" and j - i == 2 and doc[i].text in lex.first_names and not (
                i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start) \
                and words[-1] not in lex.place_nouns  # "Doris Day"; not "Santa Barbara County"
            root = doc[i:j].root.lower_  # "the Cahors Cathedral in Cahors": a thing named with its place
            if (words[-1] in lex.thing_heads and not given) or (words[0] in lex.thing_leads and ent_label != "PERSON") \
                    or (ent_label != "PERSON" and root in lex.thing_heads and root not in lex.org_heads):
                continue  # "Hong Kong Police Headquarters", "Operation Fast and Furious": things, not actors
            if j - i == 1 and not doc[i].text.isupper() and doc[i].lower_ in lex.groups:
                continue  # "Protesters" at a sentence start: a group noun, found as one
            if ent_label == "PERSON" and j - i == 1 and i > 0 and doc[i - 1].lower_ == "the" \
                    and not doc[i].text.endswith("s") and doc[i].dep_ != "compound" \
                    and doc[i].text not in lex.first_names and doc[i].text not in surnames:
                continue  # "the 'Band on the Run' album": a word of a title, no person after "the" (not a family:
                # "the Obamas"; nor a name: "the Cruz campaign", "the Paul whom observers saw")
            if j - i == 1 and ((doc[i].is_sent_start and _plural_of_word(doc[i])) or _lower_case_word(doc[i])
                               or (doc[i].tag_ in ("NN", "NNS") and common_word(doc[i].text))):
                continue  # "Protests escalated", "Oxygen is essential", "Attendance was underwhelming": a noun
                # capitalised by its place
            kind, lab = "ner", label
            if ent_label == "PERSON" and words[0] in lex.thing_leads and (
                    common_word(words[0]) or doc[i].text.isupper()):  # "MV Alan Kurdi": a ship
                if doc[i:j].text not in towns and doc[i:j].text not in lex.places:
                    continue  # "Tropical Storm Barry": a thing, no person (a name may start with "San")
                lab = "place"  # "Fort Lee, New Jersey": a town
            elif _family(doc, i, j, name_words):
                lab = "group"  # "The Tongs" (GPE to the small model), "the Obamas": a family
            elif j - i >= 2 and doc[i].text in FIRST_PEOPLE_WORDS and doc[j - 1].tag_ in ("NNPS", "NNS"):
                lab = "group"  # "Indigenous Australians", "Aboriginal Australians": a people, no body
            elif ent_label == "PERSON" and j - i == 1 and doc[i].text in outlets:
                lab = "organisation"  # "In an interview with Dawn, she said": a newspaper, not "she"
            elif ent_label == "PERSON" and j - i >= 2 and words[-1] in lex.org_heads:
                lab = lex.org_heads[words[-1]]  # "Max Planck Institute", "District Court": no person's name
            elif ent_label == "PERSON" and (_WEB_NAME.search(doc[i:j].text) or doc[i:j].text.lower() in lex.platforms):
                lab = "organisation"  # "in remarks to UOL.com.br": a website; "Twitter placed a warning": a company
            elif ent_label == "PERSON" and (_kind_after(doc, i, j, lex) or doc[i:j].text in bodies or (
                    _kind_before(doc, i, lex) and doc[i].text not in lex.first_names)):
                lab = "organisation"  # "the Jamaah Ansharut Daulah network", "party Civic Platform": a body
            elif ent_label == "ORG" and j - i >= 2 and i > 0 and doc[i - 1].is_lower \
                    and (doc[i - 1].lower_ in lex.member_nouns or (
                        doc[i - 1].lower_ in lex.occupations and not any(t.text.isupper() for t in doc[i:j]))) \
                    and not any(t.lower_ in lex.org_heads for t in doc[i:j]):
                lab = "person"  # "said selection committee member Ulf Danielsson": one member, by name; "porn
                # star Stormy Daniels", "an attendee Om Prakash": one person, by occupation
            elif ent_label == "ORG" and j - i == 2 and doc[i].text in lex.first_names and not common_word(doc[i].text) \
                    and doc[j - 1].lower_ not in lex.org_heads and doc[j - 1].lower_ not in lex.thing_heads \
                    and doc[j - 1].dep_ in SUBJECT_DEPS and doc[j - 1].head.lemma_ in lex.speech_lemmas:
                lab = "person"  # "Dominic Hare said": a given name and a surname that speak (not "Marine Traffic")
            elif ent_label == "PERSON" and j - i == 1 and doc[i].dep_ == "pobj" \
                    and doc[i].head.lower_ in _PLACE_ONLY_PREPOSITIONS and doc[i].text not in lex.first_names \
                    and doc[i].text not in surnames and doc[i].text not in name_words:
                lab = "place"  # "a port town on a river in Borneo": a place the recogniser took for a person
            elif ent_label == "PERSON" and j - i == 1 and _reached_place(doc[i], lex, surnames | name_words):
                lab = "place"  # "It goes right up to Mangalore", "the power plant at Guayanilla": a town
            elif ent_label == "PERSON" and j - i in (2, 3) and _unnamed_place(doc, i, j, lex):
                lab = "place"  # "a military base in Maidan Shahr": the same, in two or three words
            elif ent_label in ("PERSON", "ORG") and _listed_with_place(doc[i:j]) and not _given_name(doc[i].text, lex) \
                    and not any(w.lower_ in lex.org_heads for w in doc[i:j]):
                lab = "place"  # "catacombs in Saqqara and Tuna el-Gebel": a place listed with a place (not a
                # given name, "from Florida, Richard and Lisa Parry"; nor a body, "the College of Wooster")
            elif doc[i:j].text in named_places:
                lab = "place"  # "Fath Airport ... the failed landing at Fath", "surrounding Nagorno-Karabakh" after
                # "the disputed Nagorno-Karabakh region": the place again
            elif ent_label == "GPE" and _misread_person(doc, i, j, lex):
                lab = "person"  # "Hagel said he ...": a surname the small model took for a place
            elif ent_label in ("GPE", "LOC") and _titled_the(doc, i) \
                    and document.sentence_at(doc[i].idx) not in headlines:  # a headline capitalises every "The"
                i, lab = i - 1, "organisation"  # "told The Atlantic": a publication, not the ocean
            elif ent_label in ("GPE", "LOC") and _names_body(doc, i, j, lex):
                j, lab = j + 1, lex.org_heads[doc[j].lower_]  # "the Eastern Shoshone Tribe": a body, not a place
            elif ent_label in ("GPE", "LOC") or doc[i:j].text in lex.places or doc[i:j].text in towns:
                lab = "place"  # a state the gazetteer knows is found there; other places never act (nor
                # a listed place the recogniser took for a body: "American Samoa")
            elif ent_label == "NORP" and j - i == 1 and doc[i].text in surnames and doc[i].dep_ not in ("amod",
                                                                                                   "compound"):
                lab = "person"  # "wrote Cattelan, the artist" after "Maurizio Cattelan": his surname, no nation
            elif ent_label == "NORP":
                if not (doc[j - 1].tag_ in ("NNPS", "NNS") or doc[j - 1].text.endswith("s")):
                    continue  # "Scottish": an adjective the gazetteer does not know is no actor
                lab = "group"
            elif j - i == 1 and title_key(doc[i].text) in lex.org_heads | lex.definites.keys() and \
                    doc[i].i > 0 and doc[i - 1].lower_ == "the":
                continue  # "The Court": a description, found as one
            elif _speaks_for_state(doc, i, j, lex):
                continue  # "the New U.S. Administration": the state's government, found as a group noun
            if ent_label == "PERSON" and _dash_pair(doc, i, j):
                continue  # "the Saffir–Simpson scale", "the Apollo–Soyuz mission": what a thing is named after
            if lab == "person" and ent_label == "PERSON" and j - i == 1 and not (listed or says) and article_length \
                    and _stray_word(doc[i], lex, surnames | name_words):
                continue  # "in the river Seine", "such as Archaeopteryx": one word named once in a whole article,
                # by nothing a person's name has, and not acting: too rarely a person to be an actor row (in a short
                # excerpt a surname alone is how people are named: "Romney told Fox")
            if lab == "person" and ent_label == "PERSON" and not (listed or says) and _plain_phrase(doc, i, j, lex):
                if doc[i:j].text not in bodies_read and doc[j - 1].tag_ not in ("NNS", "NNPS"):
                    continue  # "Melbourne as Residential Precinct", "High Performance Computing": no person's name
                lab = "organisation"  # "Red Hat also sponsors" after "software company Red Hat"; "incites Proud
                # Boys": a plural, a body's name
            if ent_label == "ORG":
                j = _for_purpose(doc, _of_place(doc, j, lex), lex)
            start, end = _char_span(doc, i, j)
            surname = _shared_surname(doc, i, j, lex) if ent_label == "PERSON" else ""
            cut = j - 1 if post and j - i >= 2 and doc[j - 1].text in POST_NOMINALS else j
            name = text_of(doc)[start : _char_span(doc, i, cut)[1]]
            out.append(Candidate(start, end, document.sentence_at(start), kind, lab, doc[i:j].root.i,
                                 name=_unbracketed(name) + surname, title=title,
                                 placed=lab == "place" and _placed(doc[i:j].root)))  # fmt: skip
    return out


def _names_body(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether a place the recogniser found, unknown to the word lists, is the first part of a body's name,
    its capitalised head word right after it ("the Eastern Shoshone Tribe"); a known place stays one ("the
    Montana Supreme Court" is Montana's court, a description), as a nationality does ("the 43rd Canadian
    Parliament" is Canada's)."""
    if j >= len(doc) or doc[i:j].text in lex.places:
        return False
    head = doc[j]
    return head.pos_ == "PROPN" and head.text[:1].isupper() and head.lower_ in lex.org_heads \
        and not head.ent_type_ and doc[j - 1].dep_ == "compound" and doc[j - 1].head.i == j


def person_as_thing(ent: Span, lex: ActorLexicon) -> bool:
    """Whether a product, work or building the small model found is a person's name: no article, a title or a
    known given name first, then capitalised words the last of which is no English word ("Crown Princess
    Ubolratana Mahidol", "Sergeant Aldea", "Teresa Steele"; not "the Harry Potter", "The Doris Day Show",
    "Queen Victoria Market")."""
    if ent.label_ not in ("PRODUCT", "WORK_OF_ART", "FAC"):
        return False
    words = [t.text for t in ent]
    lead = _title_words(words, lex)
    name = words[lead:]
    if not name or len(name) > 3 or ent[0].lower_ in DETERMINERS or not (lead or name[0] in lex.first_names):
        return False
    last = name[-1].lower()
    return all(w[:1].isupper() and w.replace("-", "").isalpha() for w in name) and not common_word(name[-1]) \
        and last not in lex.thing_heads and last not in lex.org_heads and (lead > 0 or len(name) >= 2)


#: Pattern-lexicon tags of words that only modify a name when capitalised at a sentence start ("Longtime").
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "VBN", "DT", "IN"})


def _what_someone_is(document: Document, i: int, j: int) -> bool:
    """Whether a "person" after an indefinite article is what someone is ("Fields, a self-described Neo-Nazi",
    "a stable and vibrant Fedora"): in an article (not a one-sentence excerpt, where "a defiant Hunter" is how a
    person is named), with no word of it in another person's name there ("a visibly moved Ryan ... Paul
    Ryan")."""
    doc = document.doc
    if len(document.sentences) < ARTICLE_SENTENCES \
            or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in doc[i:j].root.children):
        return False
    words = {w.text for w in doc[i:j] if w.is_alpha}
    return not any(e.label_ == "PERSON" and e.start != i and words & {w.text for w in e} for e in doc.ents)


def _agent_noun(word: str) -> bool:
    """A capitalised noun naming what someone does by its "-ist" ending ("Ecologist", "Economist", "Columnist")."""
    return len(word) >= 6 and word[0].isupper() and word[1:].islower() and word.endswith("ist")


def _opening_modifier(t: Token, lex: ActorLexicon) -> bool:
    """A word capitalised by its place that is usually an adjective, adverb or determiner and no given name
    ("Longtime Imus in the Morning writer", "Unlike Senators"; not a noun: "Toronto Comicon", "Hurricane
    Lorenzo")."""
    return _opens(t) and word_tag(t.text) in _MODIFIER_TAGS and t.text not in lex.first_names

#: A name with a nickname in quotation marks between given name and surname: 'Matiu "Matt" Ratana'.
_NICKNAMED = re.compile(r"\b([A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+)?) [\"“'‘]([A-Z][^\"“”'‘’\n.!?,;:]{0,29})[\"”'’] "
                        r"([A-Z][\w'’\-]+(?: (?:[A-Z][\w'’\-]+|Jr\.|Sr\.))?)\b")


#: Pattern tags of function words, which are never a name alone ("Amongst the ...": GPE to the small model).
_FUNCTION_TAGS = frozenset({"IN", "DT", "CC", "PRP", "PRP$", "WDT", "WP"})

#: A web address in a name ("UOL.com.br", "Amazon.com"): a website or company, no person.
_WEB_NAME = re.compile(r"\w\.(?:com|org|net|gov|edu|co|io)\b")

#: Prefixes glued to a name by a hyphen that are no part of it ("Ex-Muslims", "Anti-Trump", "then-").
_NAME_PREFIXES = frozenset({"anti", "pro", "non", "co", "post", "pre", "neo", "pan"}) | PAST_WORDS
#: A surname opening with a small particle and a hyphen ("al-Eryani", "el-Sisi"; not "ex-Muslim":
#: :data:`_NAME_PREFIXES`).
_PARTICLE_SURNAME = re.compile(r"[a-z]{2,3}-[A-Z]")


def _hyphened_start(doc, i: int, lex: ActorLexicon) -> int:
    """The first token of a name the recogniser cut at a hyphen: "Mir-Mohammadi", "Salat-Baroux", "Nils-Erik
    Haagenrud", "ABS-CBN" (a capitalised word glued by a hyphen before token ``i``); not a prefix ("Ex-"),
    a place or nationality ("Chinese-American") or a title ("then-President")."""
    while i >= 2 and inner_hyphen(doc, i - 1):
        w = doc[i - 2]
        if not (w.is_alpha and w.text[:1].isupper()) or w.lower_ in _NAME_PREFIXES \
                or w.ent_type_ in ("GPE", "NORP", "LOC") or w.lower_ in lex.title_words:
            break
        i -= 2
    return i


def _portfolio(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether tokens ``[i, j)`` are (part of) the portfolio of a minister's title that follows: capitalised
    words, joined by "and", "&" or ",", up to "Minister" or "Secretary" and a name ("Road Transport and
    Bridges Minister Obaidul Quader"); not when a word says it is a body ("Home Office Minister"). Ordinary
    words joined by "and" are the portfolio of any title ("Police and Crime Commissioner Stephen Mold")."""
    common = _common_portfolio(doc[i:j]) and doc[j - 1].lower_ not in lex.org_heads  # "Police and Crime
    # Commissioner": ordinary words, a body's word among them (not "Fire and Rescue Service Director")
    if (any(w.lower_ in lex.org_heads for w in doc[i:j]) and not common) or doc[i].text in lex.first_names:
        return False  # "Mohammad Javad Zarif and British Prime Minister Boris Johnson": a name
    k = j
    while k < len(doc) and (doc[k].lower_ in ("and", "&", ",") or (doc[k].is_title and doc[k].is_alpha)):
        if doc[k].ent_type_ in ("NORP", "GPE"):
            return False  # the next person's title begins
        t = lex.titles.get(title_key(doc[k].text))
        if t is not None and t.kind == "minister" and k + 1 < len(doc) and doc[k + 1].is_title:
            return True
        if t is not None and k + 1 < len(doc) and doc[k + 1].is_title and common:
            return True  # "Police and Crime Commissioner Stephen Mold"
        if doc[k].lower_ in lex.org_heads:
            return False
        k += 1
    return False


def _thing_acronyms(doc, lex: ActorLexicon) -> frozenset[str]:
    """Acronyms the article gives in parentheses right after the name of a thing ("the Ballot Interference
    Prevention Act (BIPA)", "the Paris Agreement (PA)"), or spelt out in lower-case words, which name no body
    ("DRM (digital rights management)", "digital rights management (DRM)"): they name the thing wherever they
    stand."""
    out = {t.text for t in doc[2:-1] if is_acronym(t.text) and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"
           and doc[t.i - 2].lower_ in lex.thing_heads}  # fmt: skip
    for t in doc:
        if is_acronym(t.text) and (_spelt_out(t.text, doc[t.i + 2 : t.i + 2 + len(t.text)], t.i + 1, doc)
                                   or _spelt_out(t.text, doc[max(t.i - 1 - len(t.text), 0) : t.i - 1], t.i - 1, doc)):
            out.add(t.text)
    return frozenset(out)


def _spelt_out(acronym: str, words: Span, paren: int, doc) -> bool:
    """Whether ``words`` are lower-case words whose initials spell ``acronym``, next to the opening
    parenthesis at token ``paren``."""
    return 0 <= paren < len(doc) and doc[paren].text == "(" and len(words) == len(acronym) \
        and all(w.is_lower and w.is_alpha for w in words) \
        and "".join(w.text[0] for w in words) == acronym.lower()


def things_named(doc, lex: ActorLexicon) -> frozenset[str]:
    """Names the article gives to things (:func:`_things_named`), found once per parsed document."""
    return _once(doc, "things_named", lex, _things_named)


def places_named(doc, lex: ActorLexicon) -> frozenset[str]:
    """Names the article gives to places (:func:`_places_named`), found once per parsed document."""
    return _once(doc, "places_named", lex, _places_named)


def bodies_named(doc, lex: ActorLexicon) -> frozenset[str]:
    """Names the article gives to bodies (:func:`_bodies_named`), found once per parsed document."""
    return _once(doc, "bodies_named", lex, _bodies_named)


def _once(doc, key: str, lex: ActorLexicon, find):
    """``find(doc, lex)``, kept in the ``Doc``'s ``user_data`` so that the stages that ask read it once."""
    slot = (key, id(lex))
    if slot not in doc.user_data:
        doc.user_data[slot] = find(doc, lex)
    return doc.user_data[slot]


def _things_named(doc, lex: ActorLexicon) -> frozenset[str]:
    """Names the article gives to things: right after a lower-case noun that says what kind of thing ("the
    cargo ship Namse Bangdzod", "the film Argo", "the TV series Sliders", ``thing_kind`` in
    ``actor_cues.csv``) or a ship's prefix ("MV Namse Bangdzod"); the name is that thing wherever it stands.
    The name is the recogniser's entity starting there, else the run of capitalised words, or the entity in
    apposition after a comma, or before it ("his recent film, Fall of Grace"; "Airfleets, a database"); not one
    opening with a known given name, which may be the person the thing is named after, nor the subject of a
    relative clause on the noun or of a speech verb anywhere ("the book Bolton wrote"). A name a clause says is
    a kind of thing ("Minecraft is a commercial game", "a distribution called CAOS Linux") is that thing too,
    unless another clause says it is a body ("CentOS is the project": ``org_heads.csv``, ``body_kind``)."""
    starts = {e.start: e for e in doc.ents}
    out, said = set(), set()
    for t in doc[:-1]:
        if not ((t.is_lower and t.lower_ in lex.thing_kinds) or (t.text.isupper() and t.lower_ in lex.thing_leads)):
            continue
        k = t.i + 1
        if k in starts:
            j = starts[k].end
        elif doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].is_sent_start:
            j = _capitalised_end(doc, k)  # (the small model may tag a title as a plural noun: "the TV series
            # Sliders")
        else:
            j = k
        if j > k and not _relative_subject(doc[k:j]):
            out.add(doc[k:j].text)
        if t.is_lower and t.lower_ in lex.thing_kinds:  # "his recent film, Fall of Grace": the name in apposition
            out.update(_kind_compounds(doc, t))  # "the SpaceX Crew Dragon capsule": "Crew Dragon"
            out.update(starts[a.i].text for a in t.rights if a.dep_ == "appos" and a.i in starts
                       and doc[a.i - 1].text == ",")  # fmt: skip
            if (name := _name_said_to_be(t)) is not None:
                said.add(name)  # "Rocky Linux is a community Linux distribution"; "a distribution called CAOS"
            h = t.head
            if t.dep_ == "appos" and h.i < t.i and doc[h.i + 1].text == "," and h.text[:1].isupper():
                # "Airfleets, a database detailing the aircraft": the name before
                out.add(next((e.text for e in doc.ents if e.start <= h.i < e.end), h.text))
    bodies = {name for w in doc if w.is_lower and (w.lower_ in lex.org_heads or w.lower_ in lex.body_kinds)
              and (name := _name_said_to_be(w))}  # fmt: skip
    out |= said - bodies  # (not "CentOS has been a free software ... CentOS is the project")
    for ent in doc.ents:  # "MV Namse Bangdzod" as one entity: its name
        if len(ent) > 1 and ent[0].text.isupper() and ent[0].lower_ in lex.thing_leads:
            out.add(ent[1:].text)
    speaking = {w.text for w in doc if w.dep_ == "nsubj" and w.head.lower_ in lex.speech_cues}  # (not "Stream was
    # announced": a passive subject is spoken of)
    return frozenset(n for n in out if n.split()[0] not in lex.first_names  # a ship named after a person the
                     and n.split()[-1] not in speaking)  # article names too ("renamed their ship after Alan
    # Kurdi, a three-year-old Syrian child"); a name that speaks is no thing ("The book Bolton wrote ...
    # Bolton said")


def _name_said_to_be(kind: Token, copula: bool = True) -> str | None:
    """The name a clause says is a ``kind`` of thing (or body): the subject of a copula with the noun as its predicate
    ("Rocky Linux is a Linux distribution"; only with ``copula``), or the name after "called" or "named" on the
    noun ("a distribution that I founded called CAOS Linux"); the recogniser's entity there, else the proper
    nouns compounded up to the name's head."""
    verb = kind.head
    if kind.dep_ == "attr" and verb.lemma_ == "be":
        if not copula:
            return None
        name = next((w for w in reversed(list(verb.lefts)) if w.dep_ == "nsubj"), None)  # (the nearest: not
        # an interview's speaker marker before it, "((Gregory Kurtzer)) Rocky Linux is a distribution")
    elif kind.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ in ("call", "name", "dub"):
        name = next((w for w in verb.rights if w.dep_ == "oprd"), None)
    else:
        name = next((w for c in kind.rights if c.dep_ == "acl" and c.lemma_ in ("call", "name", "dub")
                     for w in c.rights if w.dep_ == "oprd"), None)  # fmt: skip
    if name is None or name.pos_ != "PROPN":
        return None
    if name.ent_iob_ != "O":
        ent = next(e for e in name.doc.ents if e.start <= name.i < e.end)
        return (ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent).text  # (not "The Linux Foundation")
    k = name.i
    while k > 0 and name.doc[k - 1].pos_ == "PROPN" and name.doc[k - 1].dep_ == "compound":
        k -= 1
    return name.doc[k : name.i + 1].text


def _kind_compounds(doc, kind: Token) -> list[str]:
    """The names of two words or more in the run of capitalised proper nouns compounded right before a
    lower-case kind noun, each ending at the noun ("the SpaceX Crew Dragon capsule": "Crew Dragon", "SpaceX
    Crew Dragon"; "the Falcon Heavy rocket"); an organisation's name stops the run ("the NASA spacecraft")."""
    k = kind.i
    while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper() and doc[k - 1].dep_ == "compound" \
            and doc[k - 1].head.i in range(k, kind.i + 1) and doc[k - 1].ent_type_ != "ORG":
        k -= 1
    return [doc[a : kind.i].text for a in range(k, kind.i - 1)]


def _relative_subject(span: Span) -> bool:
    """Whether a name after a kind noun is the subject of a relative clause on that noun, not the noun's
    name ("the book Bolton wrote", "the tanker Iran seized")."""
    return any(w.dep_ in ("nsubj", "nsubjpass") and w.head.dep_ == "relcl" and w.head.i >= span.end
               for w in span)  # fmt: skip


def _places_named(doc, lex: ActorLexicon) -> frozenset[str]:
    """First words of the names of places and things the article gives with their kind ("Fath Airport",
    "Payam International Airport", "Westchester County"): alone they are that place ("the failed landing at
    Fath"), when no English word, acronym, listed place or word of a person's full name in the article
    ("Trump Tower" leaves Trump, "JWP Junior Championship" leaves the JWP). Also a one-word name given
    after "the <place noun> of" ("the electoral district of Groom"), when no known given name, and a name
    compounded with a lower-case place noun ("the disputed Nagorno-Karabakh region", "Seattle's Capitol Hill
    neighborhood"), when no person's or nationality's; and a name "called" or "named" on a place noun or a
    ``site_noun`` ("a site called Bacho Kiro"), when no listed place and not opening with a given name."""
    out = set()
    for t in doc[1:]:  # "Fath Airport ... the failed landing at Fath": the first word of a place's name alone
        if t.lower_ in lex.thing_heads and t.text[:1].isupper() and t.lower_ not in lex.org_heads:
            k = t.i - 1
            while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha and not doc[k - 1].is_sent_start:
                k -= 1
            if k < t.i and doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].text.isupper() \
                    and doc[k].text not in lex.places \
                    and doc[k].lower_ not in lex.stopwords and not common_word(doc[k].text) \
                    and not any(e.label_ == "PERSON" and len(e) >= 2 and doc[k].text in e.text.split()
                                for e in doc.ents):  # fmt: skip
                out.add(doc[k].text)
    for t in doc[2:]:  # "the electoral district of Groom ... the 2020 Groom by-election": a place's name
        of = t.head
        if t.dep_ == "pobj" and of.lower_ == "of" and of.head.is_lower and of.head.lower_ in lex.place_nouns \
                and t.text[:1].isupper() and t.is_alpha and not t.text.isupper() and t.text not in lex.first_names \
                and len([w for w in doc[t.left_edge.i : t.i + 1] if w.pos_ == "PROPN"]) == 1 \
                and t.lower_ not in lex.stopwords:  # (the name alone: "the city of Izmir, Turkey")
            out.add(t.text)
    for t in doc:  # "a site called Bacho Kiro", "a village named Kanta Pura": a place's name (not a listed place,
        # which may act as a state or a city's government; not a copula's subject: "Texas is a state")
        if t.is_lower and (t.lower_ in lex.place_nouns or t.lower_ in lex.site_nouns) \
                and (name := _name_said_to_be(t, copula=False)) \
                and name not in lex.places and name.split()[0] not in lex.first_names:
            out.add(name)
    for t in doc[1:]:  # "the disputed Nagorno-Karabakh region", "Seattle's Capitol Hill neighborhood": a place's name
        if t.is_lower and t.lower_ in lex.place_nouns and doc[t.i - 1].dep_ == "compound" \
                and doc[t.i - 1].head.i == t.i and doc[t.i - 1].pos_ == "PROPN":
            name = _compound_name(doc, t.i)
            if name is not None \
                    and not any(w.ent_type_ in ("PERSON", "NORP") or w.text in lex.first_names for w in name):
                out.add(name.text)
    return frozenset(out)


def _compound_name(doc, noun: int) -> Span | None:
    """The proper name compounded with the common noun at ``noun``, ending right before it: the recogniser's
    entity ending there, else the run of capitalised proper nouns (words joined by a hyphen in it)."""
    ent = next((e for e in doc.ents if e.end == noun), None)
    if ent is not None:
        return ent
    i = noun
    while i > 0:
        before = doc[i - 1]
        if before.pos_ == "PROPN" and before.text[:1].isupper():
            i -= 1
        elif before.text == "-" and i < noun and i > 1 and doc[i - 2].pos_ == "PROPN":
            i -= 1
        else:
            break
    return doc[i:noun] if i < noun else None


def _before_and_thing(doc, j: int, lex: ActorLexicon) -> bool:
    """Whether a name ending before token ``j`` goes on with "and" and capitalised words to a thing's head word
    ("the World Rapid and Blitz Championship": the recogniser's "World Rapid" is half of the championship's
    name; a place is left alone, "New Orleans and Jefferson Parish officials")."""
    if j + 2 >= len(doc) or doc[j].lower_ != "and" or not doc[j + 1].text[:1].isupper():
        return False
    k = _capitalised_end(doc, j + 2) - 1
    return k > j + 1 and doc[k].lower_ in lex.thing_heads and doc[k].lower_ not in lex.org_heads


def _capitalised_end(doc, k: int) -> int:
    """The end (exclusive) of the run of capitalised words from token ``k`` on (``k`` itself when none)."""
    while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    return k


def _named_thing(doc, i: int, j: int, named: frozenset[str], lex: ActorLexicon) -> bool:
    """Whether tokens ``[i, j)`` are a name of :func:`things_named`, with or without a ship's prefix, or its
    last words after its first ("Crew Dragon has room" where the recogniser found only "Dragon"), or its last
    word alone when no person's name ends with it, or its first word alone when a person's name opens with it
    too."""
    if doc[i:j].text in named:
        return True
    if i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1 : j].text in named:
        return True
    if j - i == 1 and any(n.split()[-1] == doc[i].text != n for n in named) \
            and not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == doc[i].text for e in doc.ents):
        return True  # "Stream was introduced" after "CentOS Stream is an upstream distribution": its last word,
        # when no person's name ends with it
    if j - i == 1 and any(n.split()[0] == doc[i].text != n for n in named) \
            and any(e.label_ == "PERSON" and len(e) > 1 and e[0].text == doc[i].text and e.text not in named
                    for e in doc.ents):
        return True  # "Because Rocky is compatible with CentOS" after "Rocky Linux is a distribution" and
        # "Rocky McGaugh": a word alone that opens both a thing's name and a person's is the thing, which may
        # be named after the person (not the maker of "the SpaceX Crew Dragon capsule")
    return j - i >= 2 and doc[i].text.isupper() and doc[i].lower_ in lex.thing_leads and doc[i + 1 : j].text in named


def is_acronym(word: str) -> bool:
    """Whether a word is an acronym: two capitals or more, all letters capitals but at most one small letter
    left out of a name's small words ("NATO", "AfCFTA")."""
    caps = sum(ch.isupper() for ch in word)
    return caps >= 2 and word.isalpha() and word[0].isupper() and len(word) - caps <= 1


def _nicknamed(document: Document, lex: ActorLexicon) -> list[Candidate]:
    """Persons named with a nickname in quotation marks ('Matiu "Matt" Ratana', 'Joaquín "El Chapo" Guzmán'),
    which the recogniser splits at the quotation marks: one mention over the whole, named without the
    nickname. Only where the recogniser reads a person in the given name or the surname."""
    doc, out = document.doc, []
    for m in _NICKNAMED.finditer(text_of(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or not any(t.ent_type_ == "PERSON" for t in span if t.idx < m.start(2) or t.idx >= m.end(2)):
            continue
        if common_word(m.group(3).split()[-1]) or document.sentence_at(m.start()) != document.sentence_at(m.end() - 1):
            continue  # 'Jared Kushner "almost daily." In mid-August
        given = m.group(1).split()
        lead = _title_words(given, lex)  # "Sergeant Matiu": the title is attached later
        if lead >= len(given):
            continue
        start = m.start() + len(" ".join(given[:lead])) + (1 if lead else 0)
        head = doc.char_span(m.start(3), m.end(3), alignment_mode="expand")
        out.append(Candidate(start, m.end(), document.sentence_at(m.start()), "ner", "person",
                             (head.root if head is not None else span.root).i,
                             name=" ".join([*given[lead:], m.group(3)])))  # fmt: skip
    return out


def _before_province(doc, j: int, lex: ActorLexicon) -> bool:
    """Whether a name ending before token ``j`` is followed by a comma and a US state or a province ("Fort Lee,
    New Jersey", "Mesquite, Nevada", "Kitchener-Waterloo, Ontario"), or by "in the province of" (or another
    place noun of ``actor_cues.csv``: state, region, ...) and a name: a town, whatever the recogniser called
    it there and elsewhere in the article."""
    if j + 4 < len(doc) and doc[j].lower_ == "in" and doc[j + 1].lower_ == "the" \
            and doc[j + 2].lower_ in lex.place_nouns and doc[j + 3].lower_ == "of" and doc[j + 4].text[:1].isupper():
        return not ((j >= 2 and doc[j - 1].ent_type_ == "PERSON" and doc[j - 2].ent_type_ == "PERSON")
                    or doc[j - 1].lower_ in lex.org_heads)  # "Makilala in the province of North Cotabato" (not
        # "John Smith in the state of Texas", a full name; nor "Madrid District Hospital in the town of Madrid")
    if j + 1 >= len(doc) or doc[j].text != ",":
        return False
    return any(doc[j + 1 : j + 1 + n].text in lex.provinces and (j + 1 + n == len(doc) or (
        doc[j + 1 + n].tag_ != "POS" and doc[j + 1 + n].pos_ != "PROPN")) for n in (1, 2, 3) if j + 1 + n <= len(doc))
    # not "Bruce Springsteen, New Jersey's son", "Western Native Voice, Montana Native Vote"


def _of_place(doc, j: int, lex: ActorLexicon) -> int:
    """The end of an organisation's name that the recogniser cut before "of" and a place: "the Supreme Court
    [of Puerto Rico]", "the Senate [of Puerto Rico]" (the name ends in an organisation word)."""
    if j + 1 >= len(doc) or doc[j].lower_ != "of" or doc[j - 1].lower_ not in lex.org_heads:
        return j
    k = j + 2 if doc[j + 1].lower_ == "the" and j + 2 < len(doc) else j + 1
    if doc[k].ent_type_ != "GPE" or doc[k].ent_iob_ != "B":
        return j
    end = k + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].text[:1].isupper():
        end += 1
    return end


def _one_of_kind(t: Token, lex: ActorLexicon) -> bool:
    """Whether a capitalised word opening a name says what one person is: an occupation ("Rapper") or one
    member of a group ("Voter", "Protester")."""
    low = t.lower_
    return t.text[:1].isupper() and (low in lex.occupations or any(f in lex.groups for f in (low + "s", low + "es")))


def _bracketed_title(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether ``doc[i:j]`` is a title's short form in parentheses right after it: "former Deputy Chief
    Minister (Dy CM) of Goa"."""
    return 1 < i and j < len(doc) and doc[i - 1].text == "(" and doc[j].text == ")" \
        and title_key(doc[i - 2].text) in lex.titles


def _name_word(t: Token) -> bool:
    """A capitalised noun or adjective: a word of a name ("Investigative", "Journalism")."""
    return t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ")


def _for_purpose(doc, j: int, lex: ActorLexicon) -> int:
    """The end of an organisation's name that the recogniser cut before "for" and what the body is for: "the
    Tunisian League [for the Defence of Human Rights]", "Puerto Rico Center [for Investigative Journalism]"
    (the name ends in an organisation word; what follows is an entity or a run of capitalised words)."""
    if j + 1 >= len(doc) or doc[j].lower_ != "for" or doc[j - 1].lower_ not in lex.org_heads:
        return j
    k = j + 1
    if doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "ORG":
        end = k + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end
    k += doc[k].lower_ == "the" and k + 1 < len(doc)
    end = k
    while end < len(doc) and (_name_word(doc[end]) or (
            doc[end].lower_ in ("and", "of", "&") and end > k and end + 1 < len(doc) and _name_word(doc[end + 1]))):
        end += 1
    return end if end > k and not doc[end - 1].is_sent_start else j


def _kind_after(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether a name is compounded with a lower-case organisation word after it that says what it is
    ("the Jamaah Ansharut Daulah network", "the Wagner group"), or in apposition with one ("Met Éireann, the
    national meteorological service"), and starts with no given name."""
    if doc[i].text in lex.first_names:
        return False
    root = doc[i:j].root
    if any(c.dep_ == "appos" and _body_noun(c, lex) for c in root.children) \
            or (root.dep_ == "appos" and _body_noun(root.head, lex)):
        return True
    return j < len(doc) and _body_noun(doc[j], lex) and doc[j - 1].dep_ == "compound" and doc[j - 1].head.i == j


def _bodies_named(doc, lex: ActorLexicon) -> frozenset[str]:
    """Names the article gives a body by a lower-case organisation word after them ("Time magazine", "the
    Wagner group"): the body wherever they stand ("according to Time"), unless a person's full name ends in
    them."""
    surnames = _person_surnames(doc)
    return frozenset(e.text for e in doc.ents if e.label_ in ("PERSON", "ORG") and e.text not in surnames
                     and _kind_after(doc, e.start, e.end, lex))  # fmt: skip


def _body_noun(t: Token, lex: ActorLexicon) -> bool:
    """A lower-case organisation word ("network", "service"): it says a name next to it is a body."""
    return t.is_lower and t.lower_ in lex.org_heads


def _titled_the(doc, i: int) -> bool:
    """Whether a place name has a capitalised "The" before it inside its sentence, as the names of
    publications and bodies do ("told The Atlantic"); a place is "the Atlantic" there."""
    the = doc[i - 1] if i > 1 else None
    return the is not None and the.text == "The" and doc[the.i - 1].is_alpha and not the.is_sent_start


def _misread_person(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """A one-word "place" no place list knows, which acts as a person: the subject of a speech verb
    ("Hagel said"), or a subject that a he/she/his/her later in its sentence can refer to ("Hagel has a
    challenge to prove that he is up for the job"); or a given name in apposition to a person noun ("his
    wife Melania")."""
    t = doc[i]
    if j - i != 1 or t.text in lex.places:
        return False
    if t.dep_ == "appos" and t.text in lex.first_names and t.head.lower_ in lex.person_nouns:
        return True  # "his wife Melania": a given name in apposition to a noun that names a person
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if t.head.lower_ in lex.speech_cues:
        return True
    if t.dep_ == "nsubj" and t.head.lemma_.lower() in lex.speech_lemmas and any(
            c.dep_ == "ccomp" or c.tag_ == "``" for c in t.head.children):
        return True  # "Wasif suggested, in likelihood, "next to ...": a verb of saying with what was said
    return any(w.lower_ in PERSONAL for w in doc[t.i + 1 : t.sent.end])


def _shared_surname(doc, i: int, j: int, lex: ActorLexicon) -> str:
    """" McCloskey" for the lone given name of "Mark and Patricia McCloskey": two people of one family named
    with one surname (a given name, "and", then a given name and the surname); else ""."""
    if j - i != 1 or j + 2 >= len(doc) or doc[j].lower_ not in ("and", "&") \
            or (i > 0 and title_key(doc[i - 1].text) in lex.titles):
        return ""  # (not "Prince Harry and Meghan Markle")
    ent = next((e for e in doc.ents if e.start == j + 1), None)
    if ent is None or ent.label_ != "PERSON" or len(ent) < 2 or not _given_name(doc[i].text, lex) \
            or not _given_name(ent[0].text, lex) or not all(w.text[:1].isupper() for w in ent) \
            or ent[-1].lower_ in lex.thing_heads or ent[-1].lower_ in lex.org_heads:
        return ""  # (not "The Bernie and Sid Show")
    return " " + ent[1:].text


def _given_name(word: str, lex: ActorLexicon) -> bool:
    """Whether ``word`` is a given name: one of ``first_names.csv`` or of the Census given-name table."""
    return word in lex.first_names or word in lex.name_genders


def _listed_with_place(span: Span) -> bool:
    """Whether a name is conjoined with a place the recogniser knows, in a list after a preposition of place
    ("in Saqqara and Tuna el-Gebel", "sites at Abydos, Saqqara, and Tuna el-Gebel"; the small model parses such
    lists loosely, so the list may hang from the name itself)."""
    places = _PLACE_ONLY_PREPOSITIONS | {"at", "from"}  # ("appliances from Dolgellau, Harlech, Bala, and ...")
    for w in span:
        if w.dep_ != "conj":
            continue
        first = w.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.ent_type_ not in ("GPE", "LOC", "FAC") or not any(
                c.dep_ == "cc" for k in (first, *first.conjuncts) for c in k.children):
            continue  # (a list has its "and": not "in Pakistan, Mohammed Waseem, brother of ...")
        under = first if first.dep_ == "pobj" else span.root if first.head.i in range(span.start, span.end) else None
        if under is not None and under.dep_ == "pobj" and under.head.lower_ in places:
            return True
    return False


def _entity_start(doc, i: int) -> int:
    """First token of the entity holding token ``i``."""
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _speaks_for_state(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """An organisation "name" that is a state's government or officials written in capitals."""
    entry = lex.groups.get(doc[j - 1].lower_)
    return entry is not None and entry.stands_for == "state" and any(
        t.ent_type_ in ("GPE", "NORP") or (t.tag_ == "NNP" and t.text.isupper()) for t in doc[i : j - 1])


def _leading_title(doc, i: int, j: int, lex: ActorLexicon) -> tuple[int, str]:
    """Where the name starts inside a person entity that opens with a title ("President Trump"); none after
    a given name ("Martin Luther King Jr.": a surname that is also a title)."""
    best, key = i, ""
    if doc[i].text in lex.first_names:
        return best, key
    for k in range(i + 1, j):
        t = title_before(doc, k, lex)
        if t is not None:
            best, key = k, t[1]
    plural = title_key(doc[i].text)
    if best == i and j - i >= 3 and plural.endswith("s") and plural[:-1] in lex.titles:
        best, key = i + 1, plural[:-1]  # "Representatives Eliot Engel and Adam Schiff": the title of each
    return best, key


def _common_portfolio(words) -> bool:
    """Whether words before a title are a portfolio of ordinary words joined by "and" ("Police and Crime"),
    not a body's name ("Procter & Gamble")."""
    parts = [w for w in words if w.lower_ not in ("and", "&", ",")]
    return len(parts) < len(words) and all(w.is_alpha and common_word(w.text) for w in parts)


_NO_TITLE = Title("", "")


def _common_name_word(t: Token, lex: ActorLexicon) -> bool:
    """A capitalised word that names a kind, a title or a time, not a person: "Administration", "Senate",
    "President", "Monday"."""
    low = t.lower_
    return low in lex.org_heads or low in lex.groups or low in lex.stopwords or title_key(t.text) in lex.titles \
        or low in lex.thing_heads or t.text in lex.places


def _titled_surname(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether the title word at ``j`` is the surname of the given name ``[i, j)`` ("Michel Mayor", "Winston
    Duke"): a known given name alone, and no name after the title ("Michel, Mayor of Paris" has a comma)."""
    return (j - i == 1 and doc[i].text in lex.first_names and title_key(doc[j].text) in lex.titles
            and not (j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper()))  # fmt: skip


def _repair(doc, ent: Span, lex: ActorLexicon) -> list[tuple[int, int, str]]:
    """Token ranges of an entity after repairs of the small model's boundaries and labels.

    A PERSON or ORG is extended left over capitalised proper-noun compounds of its first token
    that no other entity holds ("Sadiq" in "The mayor of London, Sadiq Khan"), and a PERSON right over
    the proper noun its words are compounds of ("Wanda Vázquez [Garced]"); a span that runs a
    place into a given name ("Scotland Nicola Sturgeon") is cut before the given name, which then
    starts a person; an organisation that opens with an honorific ("Dr Martisius") is a person. An entity
    is cut at whitespace runs (:func:`_split_at_spaces`), and an organisation or person between the names it
    runs together at "and" (:func:`_split_at_and`).
    """
    i, j = ent.start, ent.end
    while j + 1 < len(doc) and doc[j].text in "-‐" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
            and doc[j + 1].is_alpha and not (doc[j + 1].is_lower and doc[j + 1].tag_ in ("VBN", "VBD", "VBG",
                                                                                        "JJ")):
        j += 2  # "Chan" of "Chan-o-cha": a hyphenated name the tokenizer split (not "Trump-led", "Biden-backed")
    if ent.label_ in ("PERSON", "ORG"):
        while i > 0:
            t = doc[i - 1]
            if t.pos_ == "PROPN" and t.ent_type_ == "" and t.text[:1].isupper() and t.dep_ == "compound" \
                    and t.head.i in range(i, j) and title_key(t.text) not in lex.titles and not _sentence_verb(t) \
                    and not (i >= 2 and doc[i - 2].lower_ == "of"):  # "Minister of [Information] Moammar ..."
                i -= 1
                continue
            break
    while ent.label_ == "PERSON" and j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].ent_type_ == "" \
            and doc[j].text[:1].isupper() and doc[j].is_alpha and doc[j - 1].dep_ == "compound" \
            and doc[j - 1].head.i == j and (not _common_name_word(doc[j], lex) or _titled_surname(doc, i, j, lex)):
        j += 1  # "Wanda Vázquez [Garced]": the name's last word, which the recogniser left out
    honorific = (lex.titles.get(title_key(doc[i].text)) or _NO_TITLE).kind == "honorific"
    if ent.label_ == "ORG" and j - i >= 2 and honorific and not doc[i].text.isupper() and _is_personish(doc, i + 1, j) \
            and doc[i + 1].lower_ not in DETERMINERS:
        return [(i, j, "PERSON")]  # "Dr Martisius", "Mr. Brodie Lee": a person the small model took for a body
    if ent.label_ in ("ORG", "GPE") and j - i >= 3:
        for k in range(i + 1, j - 1):
            if doc[k].text in lex.first_names and doc[k].pos_ == "PROPN" and doc[k + 1].pos_ == "PROPN" \
                    and _is_personish(doc, k, j) and not _common_name_word(doc[j - 1], lex):
                return [(k, j, "PERSON")]  # (not "Saint Louis University": a body's name ends it)
    if ent.label_ == "ORG" and (_listed_with_people(doc, i, j, lex) or _given_named(doc, i, j, lex)
                                or _named_official(doc, i, j, lex) or _named_kin(doc, i, j, lex)):
        return [(i, j, "PERSON")]  # "Nikos Dendias, Nikos Christodoulides and Jean-Yves Le Drian"
    if ent.label_ == "ORG":
        i = _joined_name(doc, i, lex)
    parts = _split_at_spaces(doc, i, j, ent.label_)
    if ent.label_ in ("ORG", "PERSON"):
        parts = [part for lo, hi, lab in parts for part in _split_at_and(doc, lo, hi, lab, lex)]
        if len(parts) > 1:  # "Magnus Carlsen and Fabiano Caruana", read as one body: two people
            parts = [(lo, hi, "PERSON" if lab == "ORG" and _person_named(doc, lo, hi, lex) else lab)
                     for lo, hi, lab in parts]  # fmt: skip
    return parts


def _split_at_and(doc, i: int, j: int, label: str, lex: ActorLexicon) -> list[tuple[int, int, str]]:
    """The names an organisation or person entity runs together at "and" or "&": before "and the" when both
    sides have two words or more ("the Coast Guard and the National Police"), or where each side is a whole
    name by itself: an acronym, a given name and a surname, or a name ending in an organisation word ("CNN
    and NPR", "AP and NBC News", "Magnus Carlsen and Fabiano Caruana"); the left side may be a listed place
    that ends the name before it ("the ACLU of Montana and Native American Rights Fund"). A name with "and" inside
    ("Securities and Exchange Commission", "Procter & Gamble") stays whole. A lower-case "the" right after a
    capitalised word starts a whole name that follows it ("announced on Twitter the Federal Aviation
    Administration"; not "Stop the Steal", "Buffy the Vampire Slayer")."""
    for k in range(i + 1, j - 1):
        if doc[k].text == "the" and doc[k - 1].text[:1].isupper() and j - k > 2 and _whole_name(doc, k + 1, j, lex):
            return [(i, k, label), *_split_at_and(doc, k, j, label, lex)]  # "on Twitter the Federal Aviation ..."
        if doc[k].lower_ not in ("and", "&", ","):
            continue
        if doc[k].text == "," and not (doc[k - 1].lower_ in lex.org_heads and doc[j - 1].lower_ in lex.org_heads):
            continue  # "The Prohibition Party, Reform Party": two bodies; not "Springfield, Illinois"
        right = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        if right >= j:
            continue
        if doc[k].text == ",":  # both sides end in an organisation word (above)
            return [(i, k, label), *_split_at_and(doc, right, j, label, lex)]
        if right == k + 2:
            if k - i >= 2 and j - right >= 2:
                return [(i, k, label), *_split_at_and(doc, k + 1, j, label, lex)]
            continue
        left = _whole_name(doc, i, k, lex) or (k - i == 1 and doc[i].text in lex.places)  # "of Montana and ..."
        if (left and _whole_name(doc, right, j, lex)) \
                or (_headed_name(doc, i, k, lex) and _headed_name(doc, right, j, lex)):
            return [(i, k, label), *_split_at_and(doc, right, j, label, lex)]
    return [(i, j, label)]


def _whole_name(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether tokens ``[i, j)`` name someone by themselves: an acronym, a given name and a surname, or a
    capitalised name ending in an organisation word ("NBC News")."""
    words = doc[i:j]
    if j - i == 1:
        return words[0].text.isupper() and words[0].is_alpha and len(words[0].text) >= 2
    capitalised = all(t.text[:1].isupper() for t in words)
    if capitalised and words[0].text in lex.first_names:
        return True
    return capitalised and words[-1].lower_ in lex.org_heads


def _headed_name(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether tokens ``[i, j)`` are a body's name that opens with its organisation word and a preposition
    ("Center for Food Safety", "Institute of Physics"): two such names joined by "and" are two bodies ("the
    Center for Biological Diversity and Center for Food Safety"; not "Department of Health and Human
    Services", whose second part is no such name)."""
    start = i + 1 if doc[i].lower_ == "the" else i
    return j - start >= 3 and doc[start].text[:1].isupper() and doc[start].lower_ in lex.org_heads \
        and doc[start + 1].lower_ in ("for", "of", "on") and all(t.text[:1].isupper() for t in doc[start + 2 : j])


def _split_at_spaces(doc, i: int, j: int, label: str) -> list[tuple[int, int, str]]:
    """The parts of an entity between runs of whitespace: no name holds two spaces or a line break, so
    "Woods  Mickelson" (a list whose comma was lost) is two names."""
    out, lo = [], i
    for k in range(i, j + 1):
        if k == j or doc[k].is_space:
            if k > lo:
                out.append((lo, k, label))
            lo = k + 1
    return out


def _joined_name(doc, i: int, lex: ActorLexicon) -> int:
    """Start of an organisation name that the recogniser split at "and" ("House Oversight and Reform Committee"):
    the part after "and" ends in an organisation's head word, or a lower-case one follows it that both parts
    share ("the House Foreign Affairs and Intelligence committees"), or a lone given name comes before it
    ("the Bill and Melinda Gates Foundation"); "MSNBC and CBS Radio" are two."""
    k = i - 1
    if k < 1 or doc[k].lower_ != "and" or doc[k].is_sent_start:
        return i
    ent = _entity_at(doc, i)
    if ent is not None and ent.start == i:
        last = next((t for t in reversed(ent) if t.text[:1].isupper()), ent[-1])  # "Control Centre of"
        shared = ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].lemma_ in lex.org_heads
        if last.lower_ not in lex.org_heads and not shared:
            return i
    if ent is not None and ent.start == i and len(ent) >= 3 and doc[k - 1].text in lex.first_names \
            and doc[k - 1].ent_iob_ != "I" and (k - 1 == 0 or not doc[k - 2].text[:1].isupper()):
        return k - 1  # "the Bill and Melinda Gates Foundation": a couple's given names before their surname
    m = k
    while m > 0 and doc[m - 1].pos_ == "PROPN" and doc[m - 1].text[:1].isupper() \
            and doc[m - 1].ent_type_ in ("", "ORG") and not doc[m].is_sent_start:
        m -= 1
    if m == k or any(doc[x].ent_type_ == "ORG" and doc[x].ent_iob_ == "B" and x != m for x in range(m, k)):
        return i
    return m


def _entity_at(doc, i: int) -> Span | None:
    """The recogniser's entity holding token ``i``, or None."""
    if not doc[i].ent_type_:
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return next((e for e in doc[start:].ents if e.start == start), None)


def _sentence_verb(t: Token) -> bool:
    """A sentence's first word (also one inside a quotation) that reads as a verb form, capitalised only by
    its place ("Proroguing Parliament is ...", "Banned TikTok ..."): no part of the name after it."""
    first = t.is_sent_start or (t.i > 0 and t.nbor(-1).text in (".", "?", "!", ":", ";", "\u201c", '"'))
    return first and t.lower_.endswith(("ing", "ed")) and len(t.text) > 4


def _plain_name(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether ``doc[i:j]`` is two or three capitalised proper nouns, none in capitals or a word that names a
    kind, title, time or place (:func:`_common_name_word`): the shape of a person's name."""
    words = doc[i:j]
    return 2 <= j - i <= 3 and all(t.pos_ == "PROPN" for t in words) and _is_personish(doc, i, j) \
        and not any(_common_name_word(t, lex) or t.text.isupper() for t in words)


def _listed_with_people(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether an organisation entity shaped as a person's name (:func:`_plain_name`), or a known given name
    alone ("four daughters, Nadine, Ashley, Elizabeth, and Toni"), is a conjunct of a person's name: a person
    the small model took for a body, in a list of people; or, named as a person is (:func:`_person_named`),
    a conjunct of another such body."""
    shaped = _plain_name(doc, i, j, lex) or (j - i == 1 and doc[i].text in lex.first_names and doc[i].is_title)
    if not shaped:
        return False
    conjuncts = doc[i:j].root.conjuncts
    if any(c.ent_type_ == "PERSON" for c in conjuncts):
        return True
    if not _person_named(doc, i, j, lex):
        return False
    others = [_entity_at(doc, c.i) for c in conjuncts if c.ent_type_ == "ORG"]
    return any(e is not None and _person_named(doc, e.start, e.end, lex) for e in others)  # "both Magnus Carlsen
    # and Fabiano Caruana", two bodies to the small model


def _given_named(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether an organisation entity shaped as a person's name (:func:`_plain_name`: not "Max Planck Society",
    "Walter Reed Hospital") is one: it opens with a known given name of three letters or more ("Wojciech
    Polak", "Wanda Vázquez Garced"; not "Al Jazeera"), and its last word is no English word ("Marine
    Traffic", "Darrell Castle")."""
    first, last = doc[i].text, doc[j - 1].text
    return _plain_name(doc, i, j, lex) and len(first) >= 3 and first in lex.first_names and not common_word(last)


def _person_named(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether a part of a body entity split at "and" is a person's name: shaped as one (:func:`_plain_name`), with
    a known given name or no English word in it ("Magnus Carlsen"; not "American Airlines", "Social Security")."""
    return _plain_name(doc, i, j, lex) and (doc[i].text in lex.first_names
                                            or not any(common_word(t.text) for t in doc[i:j]))


def _named_official(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether an organisation entity shaped as a person's name (:func:`_plain_name`) is in apposition to a
    person's title, its last word no English word ("a State Department spokesperson, Morgan Ortagus, said")."""
    root = doc[i:j].root
    return _plain_name(doc, i, j, lex) and root.dep_ == "appos" and title_key(root.head.text) in lex.titles \
        and not common_word(doc[j - 1].text)


def _named_kin(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether a one-word organisation entity is a given name in apposition to a person's kin or affiliate
    noun (``affiliates.csv`` rows of type person: "According to his wife, Amanda, ...")."""
    t = doc[i]
    if j - i != 1 or not t.text[:1].isupper() or t.text.isupper() or not t.is_alpha or t.dep_ != "appos":
        return False
    kin = lex.affiliates.get(t.head.lower_)
    return kin is not None and kin.type == "person"


def _is_personish(doc, i: int, j: int) -> bool:
    return all(t.text[:1].isupper() and t.is_alpha for t in doc[i:j])


def _name_like(doc, i: int, j: int, label: str) -> bool:
    """A name: capitalised (a person's may open with a particle: "al-Eryani"), with a proper noun (or a
    nationality adjective; or, for a person inside a sentence, only capitalised words that are no English
    words), no digits or word with a bracket inside, not one letter."""
    toks = doc[i:j]
    text = toks.text
    if any(ch.isdigit() for ch in text) or len(text.strip(".")) < 2 \
            or any(len(t.text) > 1 and ("[" in t.text or "]" in t.text) for t in toks):
        return False  # "[W]e must get Brexit done": an editor's bracket inside a word
    if not text[:1].isupper() and not (label == "PERSON" and _PARTICLE_SURNAME.match(text)
                                       and toks[0].lower_ not in _NAME_PREFIXES):  # not "ex-Muslim"
        return False  # but "al-Eryani", "el-Sisi": a surname with its particle
    if label == "NORP":
        return True
    if label == "PERSON" and not _opens(toks[0]) and all(t.is_alpha and t.text[:1].isupper() and not common_word(
            t.text) for t in toks):  # fmt: skip
        return True  # "saw Pruitt come under fire": a person the tagger took for a common noun, no English word
    return any(t.pos_ == "PROPN" for t in toks)


#: Pronouns only a person takes.
PERSONAL = frozenset(w for w, (gender, number, _) in PRONOUNS.items() if gender in ("male", "female"))
#: Entity labels the small model puts on a lone unknown name by mistake ("reported Tuesday that Mateen was": DATE).
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_CALENDAR = frozenset(w.lower() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                                          *calendar.day_abbr) if w)  # fmt: skip


def _unnamed(t: Token) -> bool:
    """A token outside every name entity: no entity, or a capitalised word the model took for a date or number."""
    if not t.ent_type_:
        return True
    return t.ent_type_ in _NUMERIC_LABELS and t.is_alpha and t.text[:1].isupper() and t.lower_ not in _CALENDAR


def _title_words(words: list[str], lex: ActorLexicon) -> int:
    """How many of the leading ``words`` form titles ("Princess", "Prime Minister", "Crown Princess")."""
    n = 0
    while n < len(words):
        k = next((k for k in range(len(words), n, -1) if title_key(" ".join(words[n:k])) in lex.titles), None)
        if k is None:
            break
        n = k
    return n


def _kind_before(doc, i: int, lex: ActorLexicon) -> bool:
    """Whether a lower-case organisation word right before token ``i`` says what it is ("the news
    network RTHK", "the militant group JAD")."""
    return i > 0 and _body_noun(doc[i - 1], lex)


def _opening_name(t: Token) -> bool:
    """A capitalised unknown word opening its sentence as the subject, tagged as a common noun by the small
    model ("Gorsuch is equally clever", "Yates never should have been"): no English word, so a name."""
    if not (t.tag_ in ("NN", "NNS") and t.dep_ in ("nsubj", "nsubjpass") and t.text[:1].isupper()
            and t.text[1:].islower() and t.is_alpha):
        return False  # the cheap tests first: finding the sentence is not
    opening = t.is_sent_start or all(not w.is_alpha for w in t.doc[t.sent.start : t.i])
    return opening and not common_word(t.text) and not _plural_of_word(t) and not _lower_case_word(t)


def _defined_acronyms(text: str, taken: list[Candidate], lex: ActorLexicon) -> frozenset[str]:
    """Acronyms the text gives as an organisation's short form: in parentheses right after its name ("the
    National Emergency Operation Centre (NEOC)"), or as the name's one word before a legal form ("ABS-CBN" of
    "ABS-CBN Corporation"); the organisation wherever they stand."""
    out = set()
    for c in taken:
        if c.label != "organisation":
            continue
        if text[c.end : c.end + 2] == " (":
            close = text.find(")", c.end + 2, c.end + 14)
            short = text[c.end + 2 : close] if close > 0 else ""
            if is_acronym(short):
                out.add(short)
        words = text[c.start : c.end].split()
        if len(words) == 2 and words[1].lower() in lex.legal_forms and is_acronym(words[0].replace("-", "")):
            out.add(words[0])
    return frozenset(out)


def _speaking_name(t: Token, lex: ActorLexicon) -> bool:
    """A capitalised ordinary word opening its sentence, bare, as the subject of a speech verb right after
    it ("Walker said", "Petty also said"): a surname, since a bare singular noun speaks for nobody ("Walker"
    and "Petty" are English words, so the rule for unknown words does not take them). Not a plural, a group,
    a title, an occupation, a body's word or a function word ("Officials said", "Police said", "Everyone
    said")."""
    head = t.head
    if not (t.dep_ == "nsubj" and head.lower_ in lex.speech_cues and t.i < head.i and t.text[1:].islower()
            and t.is_alpha and len(t.text) > 2 and not any(True for _ in t.children)):
        return False
    if not all(w.tag_ == "RB" for w in t.doc[t.i + 1 : head.i]) or word_tag(t.text) not in _BARE_NAME_TAGS:
        return False
    opening = t.is_sent_start or all(not w.is_alpha for w in t.doc[t.sent.start : t.i]) \
        or (t.i > 1 and t.doc[t.i - 1].text in _CLOSING_QUOTES and t.doc[t.i - 2].is_punct)  # ...," Walker said
    last = next((w for w in reversed(t.sent) if not w.is_space), t)
    if last.text not in _SENTENCE_ENDS:
        return False  # "Astronomer tells Wikinews about discovery ...": a headline drops its articles
    word = t.lower_
    return opening and not (word in lex.stopwords or word in lex.groups or word in lex.occupations
                            or word in lex.org_heads or word in lex.thing_heads or title_key(t.text) in lex.titles
                            or t.text in lex.places)


#: Prepositions whose one-word object is a place, never a person ("in Borneo"; not "from", "with", "to").
_PLACE_ONLY_PREPOSITIONS = frozenset({"in", "near", "across", "throughout", "inside"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
_SENTENCE_ENDS = frozenset({".", "!", "?"}) | _CLOSING_QUOTES
_BARE_NAME_TAGS = frozenset({"NN", "JJ", "VB", "VBD", "VBN", "VBG", "VBP", "RB", "NNP", ""})


def _plural_of_word(t: Token) -> bool:
    """A capitalised plural of an ordinary word ("Vigils", "Protests", "Fires") that the article capitalises
    nowhere inside a sentence: capitalised by its place at a sentence start, no name ("Sanders" of "Bernie
    Sanders" is kept)."""
    return t.tag_ == "NNS" and t.text[1:].islower() and common_word(t.lemma_) and not any(
        not t.doc[k].is_sent_start for k in _occurrences(t.doc).get(t.text, ()))


_OPENERS = frozenset({")", ":", '"', "“", "‘", "'", "—", "–"})


def _lower_case_word(t: Token) -> bool:
    """A capitalised word opening its sentence that the article also writes in lower case as a noun, and
    nowhere capitalised inside a sentence nor in a person's name: a common noun capitalised by its place
    ("Oxygen is essential" after "lack of oxygen", "Hydrogen and helium gas")."""
    low = t.lower_
    if not (t.text[:1].isupper() and t.text[1:].islower() and t.is_alpha and _opens(t)):
        return False
    doc, where = t.doc, _occurrences(t.doc)
    if not any(doc[k].pos_ == "NOUN" for k in where.get(low, ())):
        return False
    return not any(not _opens(doc[k]) or _in_full_name(doc[k]) for k in where.get(t.text, ()) if k != t.i)


def _occurrences(doc) -> dict[str, tuple[int, ...]]:
    """Word -> the indices of the tokens written so, found once per parsed document."""
    slot = ("occurrences",)
    if slot not in doc.user_data:
        where: dict[str, list[int]] = {}
        for t in doc:
            where.setdefault(t.text, []).append(t.i)
        doc.user_data[slot] = {w: tuple(ks) for w, ks in where.items()}
    return doc.user_data[slot]


def _in_full_name(t: Token) -> bool:
    """Whether ``t`` is one word of a PERSON entity of two or more words ("Jeremy Hunt")."""
    doc = t.doc
    return t.ent_type_ == "PERSON" and (t.ent_iob_ == "I" or (t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I"))


def _opens(t: Token) -> bool:
    """Whether ``t`` opens its sentence, or a clause after a bracket, colon or quotation mark (a transcript's
    "((Sara Seager))  Hydrogen gas is ...")."""
    k = t.i - 1
    while k >= 0 and t.doc[k].is_space:
        k -= 1
    return t.is_sent_start or (k >= 0 and t.doc[k].text in _OPENERS)


def _named_surnames(taken: list[Candidate], lex: ActorLexicon) -> frozenset[str]:
    """The surnames of people named in full among ``taken``: a person's name of two words or more opening
    with a known given name, or with a word that is no English one ("Theresa May": "May"; "Kanye West":
    "West"; not "Indian Railways", "Atheist Muslim")."""
    out = set()
    for c in taken:
        words = c.name.split()
        if c.label == "person" and len(words) >= 2 and words[-1][:1].isupper() and words[-1].isalpha() \
                and (words[0] in lex.first_names or (words[0].isalpha() and not common_word(words[0]))):
            out.add(words[-1])
    return frozenset(out)


def _surname_again(t: Token, surnames: frozenset[str], lex: ActorLexicon) -> bool:
    """A lone word that is the surname of a person the article names in full, used as a name where the
    recogniser saw none because the word is also an ordinary one ("Scott Walker ... Walker said he would
    run", "Theresa May ... May said": the parser took it for a modal before a past tense).

    The word stands alone (no name run around it), is no place, and a month or day name counts only as a
    subject or possessor, or as a "modal" before a finite verb ("in May 2019", "In May," stay dates).
    Places and bodies the recogniser named (ORG, GPE, ...) are left to it.
    """
    text = t.text
    if text not in surnames or not t.is_alpha or text.isupper() or text in lex.places:
        return False
    if t.ent_type_ in ACTOR_LABELS and t.ent_type_ != "PERSON":
        return False  # a place or body the recogniser named is left to it
    doc = t.doc
    if t.dep_ == "compound" or any(0 <= k < len(doc) and doc[k].tag_ in ("NNP", "NNPS") and doc[k].text[:1].isupper()
                                   and title_key(doc[k].text) not in lex.titles for k in (t.i - 1, t.i + 1)):
        return False  # part of a longer name ("Walker Street"); a title before it is attached later ("Mrs. May")
    if _placed(t) or any(c.dep_ == "det" for c in t.children):
        return False  # "in the West", "the West has imposed sanctions": not Kanye West
    as_modal = (t.tag_ == "MD" or t.dep_ == "aux") and t.head.tag_ in ("VBD", "VBZ")  # "May said": no modal takes these
    if t.lower_ in _CALENDAR:
        return (t.dep_ in SUBJECT_DEPS or t.dep_ == "poss" or as_modal) and not (
            t.i + 1 < len(doc) and doc[t.i + 1].like_num)  # fmt: skip
    return t.tag_ in ("NNP", "NNPS") or as_modal or (t.dep_ in SUBJECT_DEPS and t.text[:1].isupper())
    # (a subject the tagger misread: "Franken  has apologized", VBN before a double space)


def proper_noun_candidates(document: Document, lex: ActorLexicon, taken: list[Candidate]) -> list[Candidate]:
    """Proper-noun phrases the recogniser missed ("Gorsuch now counts 55 supporters"), as person candidates
    (organisations where the last word says so: "the District Court").

    A run of capitalised proper nouns heading a noun phrase (or an unknown capitalised subject opening its
    sentence, which the small model may tag as a common noun), outside every entity and candidate, that
    is no title, place, group noun, day or month, nor (at a sentence start or in a headline) an
    ordinary English word ("Winner", "Still").
    """
    doc, out = document.doc, []
    covered = {i for c in taken for i in range(c.start, c.end)}
    headlines = title_case_sentences(document)
    surnames = _person_surnames(doc)
    named_things, named_places = things_named(doc, lex), places_named(doc, lex)
    named_things |= _storms(doc, lex)  # "Hurricane Dorian ... Dorian made its initial landfall"
    bodies = bodies_named(doc, lex)
    defined = _defined_acronyms(document.text, taken, lex)
    full = _named_surnames(taken, lex)
    name_words = frozenset(w for c in taken if c.label == "person" for w in c.name.split()) | _person_name_words(doc)
    particled = {" ".join(c.name.split()[-2:]) for c in taken if c.label == "person"}
    for t in doc:
        if t.idx not in covered and _surname_again(t, full, lex):
            i = t.i - 1 if t.i > 0 and doc[t.i - 1].is_lower and f"{doc[t.i - 1].text} {t.text}" in particled else t.i
            start, end = _char_span(doc, i, t.i + 1)  # "de Blasio" with its particle
            out.append(Candidate(start, end, document.sentence_at(start), "ner", "person", t.i, name=t.text))
            continue
        if not (t.tag_ in ("NNP", "NNPS") or _opening_name(t)) \
                or not (_unnamed(t) or _surname_as_thing(t, surnames) or _thing_as_person(t, lex)) \
                or t.idx in covered \
                or t.dep_ == "compound":
            continue
        i = t.i
        while i > 0 and not doc[i].is_sent_start:
            if i > 1 and inner_hyphen(doc, i - 1) and doc[i - 2].tag_ in ("NNP", "NNPS") \
                    and (all(w.text[:1].isupper() and not w.text.isupper() and not common_word(w.text)
                             for w in (doc[i - 2], doc[i])) or doc[i - 2 : i + 1].text in defined) \
                    and doc[i - 2].idx not in covered:
                i -= 2  # "Frédéric Salat-Baroux": a double-barrelled surname; "ABS-CBN" of "ABS-CBN Corporation"
            elif doc[i - 1].tag_ in ("NNP", "NNPS") and doc[i - 1].dep_ == "compound" and _unnamed(doc[i - 1]) \
                    and doc[i - 1].idx not in covered:
                i -= 1
            else:
                break
        if t.i > i and _opening_modifier(doc[i], lex) and t.lower_ not in lex.org_heads:  # (not "Northern
            i += 1  # Arapaho Tribe welcomes ..."): "Longtime Imus in the Morning writer"
        words = doc[i : t.i + 1].text.split()  # "Salat-Baroux" one word
        lead = _title_words(words, lex)  # "Princess Ubolratana Mahidol": the title is attached later
        if lead:  # past the title's words, which may hold a hyphen ("Vice-President")
            skip = doc[i].idx + len(" ".join(words[:lead]))
            i, words = next((k for k in range(i, t.i + 1) if doc[k].idx > skip), t.i + 1), words[lead:]
        if not words or _bracketed_title(doc, i, t.i + 1, lex) or _named_thing(doc, i, t.i + 1, named_things, lex) \
                or (len(words) == 1 and words[0].rstrip(".") in NAME_SUFFIXES) \
                or _quoted_like_a_title(doc, i, t.i + 1) or _dash_pair(doc, i, t.i + 1):
            continue  # (not "Jr." of "Cyrus R. Vance, Jr.": a suffix of the name before it); "songs such as
            # "Dark Star" and "Truckin'"": a title listed with a title
        if not all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() and w[-1] != "-" for w in words) \
                or not _latin(" ".join(words)):
            continue
        last = words[-1].lower()
        body = len(words) >= 2 and last in lex.org_heads  # "Northern Arapaho Tribe": an adjective in a body's name
        if any((w.lower() in lex.stopwords and not (body and w.lower() in lex.name_adjectives))
               or title_key(w) in lex.titles or w in lex.places for w in words):
            continue
        if last in lex.groups or last in lex.thing_heads or words[0].lower() in lex.thing_leads \
                or last in HONORIFIC_NOUNS or _before_province(doc, t.i + 1, lex) \
                or (len(words) == 1 and _concept(t, lex)):
            continue  # ... "Mesquite, Nevada": a town; "Marxism": an idea
        label = "person"
        speaking = len(words) == 1 and _speaking_name(t, lex)  # "Walker said": a surname, though an English word
        if doc[i : t.i + 1].text in named_places:
            label = "place"  # "Fath Airport ... landing at Fath": the place again
        elif doc[i : t.i + 1].text in bodies:
            label = "organisation"  # "Time magazine ... Time reported"
        elif _WEB_NAME.search(" ".join(words)) or " ".join(words).lower() in lex.platforms:
            label = "organisation"  # "in remarks to UOL.com.br": a website; "Facebook was ordered": a company
        elif _family(doc, i, t.i + 1, name_words):
            label = "group"  # "The Tongs indicated ... they intended": a family, "they"
        elif len(words) >= 2 and last in lex.org_heads:
            label = lex.org_heads[last]  # "the District Court", "the Chess Federation": a body's name
        elif len(words) == 1 and words[0].isupper() and (_kind_before(doc, i, lex) or (
                words[0] in defined and not (i > 0 and doc[i - 1].text == "("))):
            label = "organisation"  # "the news network RTHK": an acronym its kind names; "NEOC reported" after
            # "the National Emergency Operation Centre (NEOC)": the short form the text defined
        elif len(words) == 1 and ((common_word(words[0]) and not speaking) or words[0].isupper()
                                  or re.fullmatch(r"[A-Z]{2,}s", words[0])):
            continue  # "Member", "Winner", "EEZ", "NGOs": an ordinary word or an acronym the recogniser did not know
        elif _kind_after(doc, i, t.i + 1, lex):
            label = "organisation"  # "Met Éireann, the national meteorological service"
        if label == "person" and words[0] not in lex.first_names and all(common_word(w) for w in words) \
                and not speaking:
            continue  # "High Commissioner for [Human Rights]", "Internet Relay Chat": ordinary words, no given name
        if label == "person" and len(words) == 1 and not speaking and _reached_place(t, lex, name_words):
            label = "place"  # "goes up to Mangalore": a town
        elif label == "person" and len(words) == 1 and not speaking and len(document.sentences) >= ARTICLE_SENTENCES \
                and _stray_word(t, lex, name_words):
            continue  # "in the river Seine": a word named once in an article, by nothing a person's name has
        if document.sentence_at(doc[i].idx) in headlines and any(common_word(w) for w in words):
            continue
        start, end = _char_span(doc, i, t.i + 1)
        out.append(Candidate(start, end, document.sentence_at(start), "ner", label, t.i,
                             name=_unbracketed(text_of(doc)[start:end])))
    return out


def repeated_names(document: Document, taken: list[Candidate]) -> list[Candidate]:
    """Other occurrences of a name of two words or more that the article's candidates give a person or an
    organisation: the recogniser reads a name in one sentence and misses it in another ("banned Iranian
    airline Mahan Air from flying ... the ban on Mahan Air"). Only where the occurrence is a whole name on
    its own, with no candidate on it and no capitalised word joined before or after it ("the Mahan Air
    Cargo unit" is another name)."""
    doc, text = document.doc, document.text
    names = {text[c.start : c.end]: c.label for c in taken
             if c.label in ("person", "organisation") and c.kind in ("ner", "gazetteer")
             and len(text[c.start : c.end].split()) >= 2
             and not any(w.lower() in DETERMINERS for w in text[c.start : c.end].split())}  # fmt: skip
    if not names:
        return []
    covered = [(c.start, c.end) for c in taken]
    out = []
    for name, label in sorted(names.items()):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            s, e = m.span()
            if any(a < e and s < b for a, b in covered):
                continue
            span = doc.char_span(s, e)
            if span is None or _joined_capital(doc, span.start - 1) or _joined_capital(doc, span.end) \
                    or (span.root.dep_ == "compound" and span.root.head.is_lower and span.root.head.i >= span.end):
                continue  # (not "the Cipriani Dolci restaurant", "the Punta Tombo breeding site": what they name)
            out.append(Candidate(s, e, document.sentence_at(s), "ner", label, span.root.i, name=name))
            covered.append((s, e))
    return out


def _joined_capital(doc, k: int) -> bool:
    """Whether token ``k`` next to a name is a capitalised word that runs on with it ("Mahan Air Cargo"): not
    a sentence's first word, nor an article."""
    return 0 <= k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].is_sent_start \
        and doc[k].lower_ not in DETERMINERS


# --------------------------------------------------------------------------- group nouns


def group_candidates(document: Document, lex: ActorLexicon) -> list[Candidate]:
    """Common nouns naming groups that act, with their modifiers ("Hong Kong police", "violent protesters").

    The mention covers the noun and the words that describe it (adjectives, compounds, a place or
    nationality), not its determiner or quantity. The noun must head its phrase (not "police
    station") and not sit inside a proper name ("Hong Kong Police Force" is found as an
    organisation). One member ("a protester", "one officer") is no mention of the group. Two-word
    forms ("security forces") are matched before one-word ones.
    """
    doc, out = document.doc, []
    for t in doc:
        mistagged = t.tag_ == "VBZ" and t.i > 0 and doc[t.i - 1].ent_type_ in ("GPE", "NORP")  # "Hong Kong citizens"
        capitalised = t.ent_type_ == "ORG" and (t.i + 1 == len(doc) or doc[t.i + 1].ent_iob_ != "I") and \
            _speaks_for_state(doc, _entity_start(doc, t.i), t.i + 1, lex)
        nominal = t.tag_ == "VBN" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)  # "Police arrested the accused"
        if (t.pos_ not in ("NOUN", "PROPN") and not mistagged and not nominal) or \
                (t.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC") and not capitalised):
            continue
        if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i \
                and t.head.lower_ not in lex.act_nouns:
            continue  # "police station"; but "police violence": the police act
        if t.lower_ in lex.act_nouns and any(c.dep_ == "compound" and c.lower_ in lex.groups for c in t.children):
            continue  # "police opposition": what the police do, not the opposition
        if t.tag_ == "NN" and any(c.dep_ == "prep" and c.lower_ in ("to", "against") for c in t.children):
            continue  # "expressed opposition to the swearing-in": an act aimed at someone, not a group
        if _object_predicate(t):
            continue  # "named the PKK and the YPG as terrorists", "called them terrorists": what they are called
        if t.dep_ == "pobj" and t.head.lower_ in COMPARISON_PREPOSITIONS and t.tag_ in ("NNS", "NNPS", "VBN"):
            continue  # "Unlike senators, members of the House ...": senators in general, compared with
        form, first = t.lower_, t.i
        if inner_hyphen(doc, t.i - 1):  # "counter-protesters" (a group of its own); "non-voters", "ex-soldiers":
            if f"{doc[t.i - 2].lower_}-{t.lower_}" not in lex.groups:  # another group than the noun's
                continue
            form, first = f"{doc[t.i - 2].lower_}-{t.lower_}", t.i - 2
        elif t.i > 0 and f"{doc[t.i - 1].lower_} {t.lower_}" in lex.groups:
            form, first = f"{doc[t.i - 1].lower_} {t.lower_}", t.i - 1
        entry = lex.groups.get(form) or (lex.groups.get(t.lemma_.lower()) if t.tag_ in ("NNS", "NNPS") else None)
        if entry is None or _counted(t, entry.stands_for == "state"):
            continue  # "a majority of 170 MPs", "there were 8 independent MPs": a count of seats, no one acting
        det = next((c.lower_ for c in t.children if c.dep_ in ("det", "nummod")), "")
        if t.tag_ in ("NN", "NNP") and entry.canonical != "police" and (
                det in ("a", "an", "one", "another", "each", "every") or _bare_member(t, det, entry, lex)
                or _named_member(t)):
            continue  # one member, not the group ("His opponent, Biden, accused Trump": Biden)
        lo = _entity_start(doc, t.i - 1) if mistagged else _left_edge(doc, t, first)
        qualifier = _qualifier(doc, lo, first)
        camp = _camp(doc, lo, first)
        if entry.needs_qualifier and not qualifier and not camp:
            continue
        start, end = doc[lo].idx, t.idx + len(t.text)
        kinds = {entry.canonical} | ({CAMP + camp} if camp else set()) | (
            {entry.stands_for} if entry.stands_for in ("state", "self") else {"self", JOINS + entry.stands_for})
        out.append(Candidate(start, end, document.sentence_at(start), "group", entry.type, t.i,
                             name=text_of(doc)[start:end], qualifier=qualifier, determiner=det,
                             modifiers=frozenset(kinds)))  # fmt: skip
    return out


def _counted(t: Token, for_state: bool) -> bool:
    """Whether a plural group noun with a number is only counted: the object of "of" after a noun ("a majority
    of 170 MPs") or, for a group that stands for no state, what an existential "there were" counts ("8
    independent MPs"; but "there are 5000 U.S. troops in the country": the United States is there)."""
    if not any(c.dep_ == "nummod" for c in t.children):
        return False
    if t.dep_ == "pobj":
        return t.head.lower_ == "of" and t.head.head.pos_ == "NOUN"
    return not for_state and t.dep_ in ("attr", "conj", "appos") \
        and any(c.dep_ == "expl" for c in _clause_of(t).children)


def _clause_of(t: Token) -> Token:
    """The verb a noun (or a noun joined or set in apposition to it) is an argument of."""
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    return t.head


def _object_predicate(t: Token) -> bool:
    """Whether a noun says what a verb's object is, after "as" or as its predicate ("named X as terrorists",
    "called them terrorists"): a label for the object, not another group."""
    if t.dep_ == "oprd":
        return True
    if t.dep_ != "pobj" or t.head.lower_ != "as" or t.head.head.pos_ != "VERB":
        return False
    return any(k.dep_ == "dobj" for k in t.head.head.children)


def _named_member(t: Token) -> bool:
    """Whether a singular noun stands beside a person's name in apposition ("His opponent, Biden,"; "Biden,
    his opponent,"): the named person is the actor."""
    named = [c for c in t.children if c.dep_ == "appos"] + ([t.head] if t.dep_ == "appos" else [])
    return any(n.ent_type_ == "PERSON" or (n.pos_ == "PROPN" and n.ent_type_ in ("", "ORG")) for n in named)


def _bare_member(t: Token, det: str, entry, lex: ActorLexicon) -> bool:
    """A singular group noun with no determiner or possessor whose plural is a form of the same group: one
    member in a headline ("Police shoot teenage protester"); not "police" or "opposition", which have none."""
    if det or any(c.dep_ == "poss" for c in t.children):
        return False
    low = t.lower_
    return any(lex.groups.get(p) is entry for p in (low + "s", low + "es"))


#: Prefix of the ``modifiers`` entry that holds a group's side ("pro-democracy", "anti-government").
CAMP = "camp:"
#: Prefix of the ``modifiers`` entry that names the group a noun joins where the article names it
#: (``groups.csv`` ``stands_for``: "the suspects" are "the attackers").
JOINS = "joins:"


def _camp(doc, lo: int, first: int) -> str:
    """The side a group noun's modifiers name, "pro-X" or "anti-X" glued by a hyphen ("pro-democracy
    candidates", "pro-Beijing candidates", "anti-government protesters"), in lower case but for names; else ""."""
    for k in range(lo, first - 2):
        if doc[k].lower_ in ("pro", "anti") and doc[k + 1].text == "-" and not doc[k].whitespace_ \
                and not doc[k + 1].whitespace_:
            return f"{doc[k].lower_}-{doc[k + 2].text}"
    return ""


def _left_edge(doc, head: Token, first: int) -> int:
    """First token of the words describing a noun (adjectives, compounds, proper nouns), left of ``first``."""
    lo = first
    while lo > 0 and not doc[lo].is_sent_start:
        w = doc[lo - 1]
        inside = head.i >= w.head.i >= lo - 1 or w.head.i == head.i
        if inside and w.dep_ in ("compound", "amod", "nmod", "npadvmod", "punct") and w.text not in ",;:()\"“”" \
                and (w.dep_ != "punct" or w.text == "-"):
            lo -= 1
            continue
        owner = doc[lo - 2] if lo >= 2 else None
        if w.tag_ == "POS" and owner is not None and owner.dep_ == "poss" and owner.head.i == head.i \
                and owner.ent_type_ in ("GPE", "NORP", "LOC", "ORG"):
            lo -= 2  # "Poland's government", "Hong Kong's police": keep the place, joined by the possessive
            continue
        if w.ent_iob_ == "I" and doc[lo].ent_iob_ == "I" and doc[lo].ent_type_ == w.ent_type_:
            lo -= 1
            continue
        break
    while lo < first and doc[lo].ent_type_ in ("CARDINAL", "QUANTITY", "PERCENT"):
        lo += 1
    return lo


def _qualifier(doc, lo: int, first: int) -> str:
    """The place, nationality or proper name qualifying a group noun, else ``""``."""
    k = lo
    while k < first:
        t = doc[k]
        if t.ent_type_ in ("GPE", "NORP", "LOC", "ORG", "PERSON") or (t.pos_ == "PROPN" and t.text[:1].isupper()) \
                or (t.dep_ == "compound" and t.is_sent_start and t.text[:1].isupper() and t.tag_ == "NN"
                    and any(e.label_ in ("PERSON", "ORG") and t.text in e.text.split() for e in doc.ents)):
            # ("Trump supporters" opening a sentence, "Trump" read as a common noun, a name elsewhere)
            j = k + 1
            while j < first and (doc[j].ent_iob_ == "I" or (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())):
                j += 1
            return _POSSESSIVE.sub("", doc[k:j].text).strip()
        k += 1
    return ""


# --------------------------------------------------------------------------- titles and descriptions


def title_before(doc, i: int, lex: ActorLexicon) -> tuple[int, str] | None:
    """``(first token, title key)`` of a title phrase ending right before token ``i``, longest first."""
    for n in (4, 3, 2, 1):
        lo = i - n
        if lo < 0 or any(doc[x].is_sent_start for x in range(lo + 1, i + 1)):
            continue
        if any((t.is_punct and t.text != ".") or t.is_space for t in doc[lo:i]):
            continue
        key = title_key(doc[lo:i].text)
        if key in lex.titles:
            return lo, key
    return None


def description_candidates(document: Document, lex: ActorLexicon, taken: list[tuple[int, int]]) -> list[Candidate]:
    """"the president", "the court", "the government", "The recently appointed President": descriptions.

    A title of a known kind (``DESCRIPTION_KINDS``) or a noun of ``definites.csv``, or an organisation
    head word (``org_heads.csv``: court, party, committee, ministry ...), after a determiner and
    optional modifiers. Found only where no other candidate is.
    """
    doc, out = document.doc, []
    covered = set()
    for a, b in taken:
        covered.update(range(a, b))
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.idx in covered or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            i += 1
            continue
        match = None
        for n in (3, 2, 1):  # a title may open with an adjective ("the current prime minister")
            if i + n > len(doc) or doc[i + n - 1].pos_ not in ("NOUN", "PROPN") or doc[i + n - 1].is_punct:
                continue
            key = title_key(doc[i : i + n].text)
            if (
                (key in lex.titles and lex.titles[key].kind in DESCRIPTION_KINDS)
                or key in lex.definites or (n == 1 and key in lex.org_heads)
            ):
                match = (n, key)
                break
        if match is None:
            i += 1
            continue
        n, key = match
        last = doc[i + n - 1]
        if _in_compound_word(doc, i, last.i, lex):
            i += n  # "the three-judge court", "a judge-led inquiry": part of a compound word
            continue
        if last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "PROPN" and doc[last.i + 1].text[:1].isupper():
            i += n  # a title before a name: the name's title, handled with the name
            continue
        start_i, mods, det = modifiers(doc, i)
        owned = det and det not in DETERMINERS and lex.definites.get(key) == "state"  # "her government"
        if det not in ("the", "a", "an", "this", "that") and not owned and not any(m in NEW_WORDS for m in mods):
            i += n
            continue
        if det in ("a", "an", "") and (key not in lex.titles or last.dep_ in ("attr", "oprd") or _verbless(last)
                                       or (det == "" and last.text.islower())):
            i += n  # "He was a featured speaker", "Obama was elected president": what the subject is or
            continue  # became, no one else; "send them to elected councillor": anyone holding it; "A wonderful
            # human being and a leader loved by all.": what someone was, in a sentence without a verb
        if _either_title(last, lex):
            i += n  # "appointed Prime Minister by the King or Queen": whoever holds either, no one in particular
            continue
        start, end = doc[start_i].idx, last.idx + len(last.text)
        places = [w.text for w in doc[start_i:i] if w.ent_type_ in ("GPE", "NORP")]
        of = next((w for w in last.rights if w.lower_ == "of"), None)
        if of is not None and not places and lex.definites.get(key) == "state":  # "the government of China"
            places = [w.text for w in of.subtree if w.ent_type_ == "GPE"]
        kind = "description"
        label = "role" if key in lex.titles else lex.definites.get(key, lex.org_heads.get(key, "organisation"))
        out.append(Candidate(start, end, document.sentence_at(start), kind, label, last.i, title=key,
                             determiner=det, modifiers=frozenset(mods), name=key,
                             qualifier=" ".join(places)))  # fmt: skip
        i += n
    return out


def _either_title(noun: Token, lex: ActorLexicon) -> bool:
    """Whether a title is one of two joined by "or" ("the King or Queen", "the president or prime minister"):
    a rule about whoever holds either."""
    first = noun.head if noun.dep_ == "conj" else noun  # the coordination hangs on its first conjunct
    others = [k for k in first.children if k.dep_ == "conj"] + ([first] if first is not noun else [])
    ors = any(k.dep_ == "cc" and k.lower_ == "or" for k in first.children)
    return ors and any(title_key(o.text) in lex.titles for o in others if o is not noun)


#: Tags of a finite verb: a stretch between full stops without one says what something is, no act.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_STOPS = frozenset({".", "!", "?"})


def _verbless(t: Token) -> bool:
    """Whether a noun stands between two full stops (of its sentence or of a quotation inside it) with no
    finite verb: "A wonderful human being and a leader loved by all." says what someone was."""
    doc, lo, hi = t.doc, t.i, t.i
    while lo > t.sent.start and doc[lo - 1].text not in _STOPS:
        lo -= 1
    while hi + 1 < t.sent.end and doc[hi].text not in _STOPS:
        hi += 1
    return not any(w.tag_ in _FINITE_TAGS for w in doc[lo : hi + 1])


def _hyphen_glued(doc, k: int) -> bool:
    """Whether token ``k`` is a hyphen inside a word, or a word glued to one ("three", "-", "judge")."""
    return inner_hyphen(doc, k) or inner_hyphen(doc, k - 1) or inner_hyphen(doc, k + 1)


def _in_compound_word(doc, i: int, j: int, lex: ActorLexicon) -> bool:
    """Whether the title or noun ``doc[i:j + 1]`` is glued by a hyphen into a longer word that is no title:
    "three-judge", "judge-led"; not "president-elect" (a title) or "then-President"."""
    if inner_hyphen(doc, i - 1) and doc[i - 2].lower_ not in PAST_WORDS | NEW_WORDS:
        return True
    return inner_hyphen(doc, j + 1) and title_key(doc[i : j + 3].text) not in lex.titles


def modifiers(doc, i: int) -> tuple[int, set[str], str]:
    """Walk left from token ``i`` over adjectives, adverbs and participles to a determiner."""
    start, mods, det = i, set(), ""
    t = doc[i]
    prefix = t.text.split("-")[0].lower() if "-" in t.text else ""
    if prefix in PAST_WORDS:  # "then-President"
        mods.add(prefix)
    k = i - 1
    while k >= 0 and i - k <= 5 and not doc[k + 1].is_sent_start:
        w = doc[k]
        if w.text == "-" and k > 0 and doc[k - 1].lower_ in PAST_WORDS | NEW_WORDS:
            k -= 1  # "then - President" split by the tokenizer
            continue
        if w.lower_ in DETERMINERS:
            det, start = w.lower_, k
            break
        if w.tag_ == "PRP$":  # "their government": the pronoun keeps its own mention
            det = w.lower_
            break
        if w.lower_ in PAST_WORDS or w.lower_ in NEW_WORDS or w.pos_ in ("ADJ", "ADV") or w.tag_ == "VBN" \
                or w.lower_.rstrip("-") in PAST_WORDS:
            mods.add(w.lower_.rstrip("-"))
            start = k
            k -= 1
            continue
        if _hyphen_glued(doc, k) and not w.text[:1].isupper():  # "the three-judge court", "the Saudi-led coalition"
            start = k
            k -= 1
            continue
        if w.ent_type_ in ("GPE", "NORP") or (w.tag_ in ("NNP",) and w.dep_ == "compound"):
            start = k
            k -= 1
            continue
        break
    return start, mods, det
