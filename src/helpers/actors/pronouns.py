"""Step 5 of actor finding: third-person pronouns linked to the actor they stand for, on the parse.

he/him/his/himself and she/her/hers/herself go to a person (or an office or role) mentioned
earlier in the sentence or in the two sentences before, agreeing in gender where it is known
(gazetteer, title, given name, or a pronoun already linked); they/them/their to a group, an
organisation or a state's group ("Russian officials"); "its" to an organisation or state (a group named
only by a plural noun, "the protesters", still competes but is never chosen: it would be "they"). Each
compatible actor scores (weights below): ``SAME`` when in the same sentence, ``SUBJECT`` when its
mention is a clause subject (or the possessor of one: "Trump's plan"), ``GENDER`` when the gender is
known and equal (``HINT`` when only the Census given-name table suggests it: a bonus, never a bar),
``FIRST`` when it is the sentence's first subject, ``LOCAL`` for a subject pronoun when it is whom the
clause above the pronoun is about (that clause's subject, the subject of a clause put before the pronoun's,
the one asked, or the controller of a clause with no subject: "Hogan said that Mr. Holmes hadn't given any
hint of the rampage he is suspected of", "Franken asked Sessions what he would do"). Binding: a pronoun object never
takes the subject of its own verb ("Trump praised him"), a reflexive always does; a possessive right
after "and" takes the mention before it ("Clinton and her staff"); a possessive in a relative clause whose
subject is "who"/"which"/"that" scores ``RELATIVE`` for that clause's noun ("Sanders, who did not release
his delegates"), and an object there is never that noun; so does one in a participle on a noun ("Brady Haran,
known for his YouTube channel"). A pronoun inside a quotation is not
the quotation's speaker, who would say "I" ("“He is a good guy,” Trump said"), unless an editor put it in
square brackets ("said they had gone to “defend [their] children's right”"); a quotation a colon opens
is said by the subject of the clause before the colon ("he praised X's life: “He was ...”"). A subject
pronoun is nobody named after it in its own clause or one or two clauses below ("he misled Pence": not
Pence), except what it is ("now that he's President Obama"), a name in a relative clause, or a name as a
modifier below its own clause ("... to mention Trump's ban"). A pronoun in a phrase or
clause before the main clause ("Asked if he lied, Lochte denied it") takes the main clause's subject,
unless that clause has a subject of its own the pronoun could stand for ("When Carlos Ghosn was arrested on
his jet"; not "we" or a plural: "While we remember him for ..., Mr. Henry"). A
name the recogniser took for an organisation ("Ossoff admitted that he ...") can be a he/she
antecedent if nothing in it says organisation.
A they/them/their after a plural common noun that no mention covers, as a clause subject in its sentence
(or naming people, as any part of it; or as the subject of the sentence before, for a "They" opening its
own), stands for that noun and is left unlinked ("frogs may look similar, but when you look at their skulls").
A he/she leans to the person the article is about (mentioned twice as often as any other candidate so far):
inside a quotation by ``TOPIC``, elsewhere by ``TOPIC_OUTSIDE`` when its own sentence names no candidate
before it.
A pronoun is linked only when one actor is compatible or the best beats the runner-up by
``MARGIN``, and a they/them/their not where people named together ("Ross and Barr") come after the best
one's mention (one mention cannot stand for two people), nor, after people named together as a subject
in its sentence, an actor that is no subject there ("Tim and Karalyne Hyde told HuffPost that they"); otherwise
it gives no mention (no guess), and a pronoun never makes an actor of its own.
A he/she with no candidate in scope continues the last he/she of its gender linked in its sentence or the
one before ("He also commented ... he added. He also noted").
He/she pronouns that no named person in scope can be ("He said he would stay"; in a quotation, "I haven't
worked with him, he's going to think ...", where the speaker is not meant) that agree in gender form one
unnamed referent (``unnamed:<sentence>:<offset>``, role ``unnamed``) when there are two or more: the
mentions table says they are one person, but no actor row is made for someone the text never names.
A he/she with nobody in scope at all stands for the article's one person of that gender mentioned at least
three times (names and pronouns linked to them), last named within six sentences ("Carrie Lam ... 'Hong
Kong people have learned to ignore her'"), unless
a first-person narrator tells the sentence ("I met a girl there, she was a student").
First-person pronouns are left to the quotes (inside a quote they are its speaker). A news outlet of the
gazetteer is no antecedent ("explained to Wikinews that crews might turn their transponders off").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Token

from helpers.actors.candidates import Candidate, is_source
from helpers.actors.gazetteer import is_outlet
from helpers.actors.lexicon import common_word, load_lexicon, ordinary_word
from helpers.text.document import Document, text_of
from helpers.text.quotation import document_quotes
from helpers.text.words import (
    ASK_VERBS,
    COLLECTIVE_NOUNS,
    EXPLETIVE_PREDICATES,
    FIRST_PERSON,
    HONORIFIC_NOUNS,
    PASSIVE_SUBJECT_DEPS,
    PRONOUNS,
    QUANTITY_HEADS,
    RELATIVE_PRONOUNS,
    SECOND_PERSON,
    SUBJECT_DEPS,
    THEY,
)

SAME, SUBJECT, GENDER, FIRST = 1.0, 1.0, 1.0, 0.5
#: For a person whose gender only the Census given-name table hints at (``given_name_genders.csv``): a
#: bonus, never a bar, since such hints are sometimes wrong ("Ginger Baker", "Darcy Richardson").
HINT = 0.5
#: For the subject of a clause put before the pronoun's own ("if Streep is concerned, she should speak out").
LEADING = 1.0
#: For the noun of a relative clause whose subject is its relative pronoun, for a possessive in that clause
#: ("Sanders, who did not release his delegates to Biden"): the clause's own subject.
RELATIVE = 2.0
#: For the object of a verb of asking, for a subject pronoun in the question put to it ("Mitchell asked
#: Clinton how she feels"): the one asked, though the asker is the clause's subject.
ASKED = 2.0
MARGIN = 0.5
#: For a reflexive, for the subject of its own verb ("while Ted Cruz proclaimed himself the winner"): binding
#: that outweighs every other reason.
REFLEXIVE = 10.0
#: For a subject pronoun of a speech verb, for whoever is the subject of an earlier speech verb in its sentence
#: outside quotation marks ("He said Zelensky is 'a model of honesty for me'; however, '...', he added": the
#: first speaker, not the man in what he said).
REPORTER = 2.0
#: For a subject pronoun, for whom the clause above it is about (:func:`_local_subjects`): "Hogan said that Mr.
#: Holmes hadn't given any hint of the rampage he is suspected of": Holmes; "Franken asked Sessions what he
#: would do": Sessions.
LOCAL = 1.0
#: Inside a quotation, for the person the article is about so far: mentioned (by name or linked pronoun)
#: at least ``TOPIC_RATIO`` times as often as any other candidate ("Vijay Goel said, 'He was an excellent
#: politician'" after the prime minister's tribute to the late president: the president, not the minister).
#: 1.5 leaves "Schiff called it a non-starter. Durbin said 'I don't know what he's basing this on'" unlinked
#: (1.0 gave it to Schiff, the subject before; 2.0 to Trump, the article's topic, but also let a topic beat a
#: name in the pronoun's own sentence: "My cofounder was Rocky McGaugh. He is no longer with us").
TOPIC = 1.5
#: Outside a quotation, the same for a he/she whose own sentence names no candidate before it ("Fashion
#: designer Mary Quant described Day ... The daughter of a music teacher, she had early planned ..."): a
#: tie-break, so a name in the pronoun's own sentence still wins ("Susan Bro told reporters she ...").
TOPIC_OUTSIDE = 0.5
TOPIC_RATIO = 2.0
#: Sentences before the pronoun's that are searched.
WINDOW = 2
#: A he/she with nobody in scope stands for the article's one person of that gender mentioned at least
#: ``ONLY_MENTIONS`` times before it (names and the pronouns linked to them), last named in the
#: ``ONLY_WITHIN`` sentences before its own.
ONLY_MENTIONS = 3
ONLY_WITHIN = 6
_PERSONLIKE = frozenset({"person", "office", "role"})
_PLURAL = frozenset({"group", "organisation"})
_ITS = frozenset({"organisation", "state", "group"})


def _clause_verb(t: Token) -> Token:
    while t.dep_ not in ("ROOT",) and t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _quote_speakers(document: Document, actors: list[Candidate], speech: frozenset[str], lemmas: frozenset[str],
                    spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int, set[str]]]:
    """``(start, end, actors that say it)`` of each quotation with a speaker, by start. A speaker is the
    subject of a speech verb (or a name inside that subject: "said a protester using the pseudonym Katya")
    outside the quotation, in the sentence where it opens or closes; for a quotation with none there, in
    the sentence before it (a quote continued after "…,” said Katya.")."""
    doc = document.doc
    speaking: dict[int, list[Candidate]] = {}  # sentence -> the mentions speaking in it
    for c in actors:
        h, steps = doc[c.head], 0
        while not _speaks(h, speech) and h.head.i != h.i and steps < 4 and h.dep_ != "relcl":
            h, steps = h.head, steps + 1  # (not out of a relative clause: "Denzel Washington, who paid for
            # Boseman to attend BADA, stated": Boseman does not speak)
        if _speaks(h, speech) or _speaks_by_participle(doc[c.head], lemmas):
            speaking.setdefault(c.sentence_id, []).append(c)
    out: list[tuple[int, int, set[str]]] = []
    for start, end, outer_start, outer_end in spans:
        first = document.sentence_at(outer_start)
        sents = {first, document.sentence_at(max(outer_end - 1, outer_start))}
        ids = _speakers_in(speaking, sents, outer_start, outer_end)
        if not ids and first > 0:
            ids = _speakers_in(speaking, {first - 1}, outer_start, outer_end)
        if ids:
            out.append((start, end, ids))
    return sorted(out, key=lambda q: q[0])


def _sides(doc, cands: list[Candidate]) -> dict[str, set[str]]:
    """Person actor -> the organisations named as a modifier of one of their mentions ("Wynnum coach Matt
    Myers", "Microsoft CEO Satya Nadella"): the side a speaker calls "we", so a they inside their quotation
    is another ("“They had it all over us”, Myers said": not Wynnum)."""
    heads = {c.head: c.actor_id for c in cands if c.actor_id and c.label in _PERSONLIKE and c.role == "actor"}
    out: dict[str, set[str]] = {}
    for c in cands:
        if not c.actor_id or c.label not in _PLURAL:
            continue
        t, steps = doc[c.head], 0
        while t.dep_ == "compound" and t.head.i != t.i and t.head.i not in heads and steps < 3:
            t, steps = t.head, steps + 1
        if t.dep_ == "compound" and t.head.i in heads:
            out.setdefault(heads[t.head.i], set()).add(c.actor_id)
    return out


def _reporting_body(pron: Token, speech: frozenset[str], named: dict[int, str],
                    info: dict[str, tuple[str, str, str]]) -> str | None:  # fmt: skip
    """The organisation or state an "it" stands for as the subject of what that body reports ("PG&E said it
    would shut off power", "Russia announced it had expelled two diplomats"): the singular subject of the
    speech verb whose reported clause the "it" is the subject of; None for an expletive "it" ("said it is
    unclear whether", "it was the first time"). ``named``: head token -> actor of the named mentions."""
    if pron.dep_ not in SUBJECT_DEPS and pron.dep_ not in PASSIVE_SUBJECT_DEPS:
        return None
    verb = pron.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in speech or any(
            (c.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp") and c.lower_ in EXPLETIVE_PREDICATES)
            or c.dep_ == "csubj" for c in verb.children):  # fmt: skip
        return None
    if verb.lemma_ == "be" and not any(
            c.dep_ == "acomp" or (c.dep_ == "prep" and c.lower_ != "of") or (c.dep_ == "attr" and c.lower_ == "one")
            for c in verb.children):  # fmt: skip
        return None  # "said it was a disappointing move", "reported it was of 7.0 magnitude": the act, the thing
    subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) != 1 or subjects[0].tag_ == "NNS" or any(
            c.dep_ == "ccomp" and c.i < verb.i for c in verb.head.children):  # fmt: skip
        return None  # not where the parser found two subjects ("WHO director-general Tedros ... said"), nor
        # in a second reported clause, where "it" may be a thing of the first ("said the name had to be ...
        # and it must not cite")
    subj = subjects[0]
    actor = named.get(subj.i)
    return actor if actor is not None and info.get(actor, ("", "", ""))[1] in ("organisation", "state") else None


def _earlier_reporter(pron: Token, speech: frozenset[str], heads: tuple[dict[int, str], ...],
                      quoted: list[tuple[int, int]]) -> str | None:  # fmt: skip
    """The actor of the nearest earlier subject of a speech verb in the pronoun's sentence, outside quotation
    marks, of a main-clause verb other than the pronoun's ("He said ..., he added": the first "He"'s actor;
    not "Comey testified that Trump asked him ..., but he said": Trump's verb is reported); None when there is
    none."""
    for u in reversed(pron.sent[: pron.i - pron.sent.start]):
        if _speaks(u, speech) and u.head.i != pron.head.i and not _reported(u.head) \
                and not any(lo <= u.idx < hi for lo, hi in quoted):  # (not "testified that Trump asked him")
            return next((m[u.i] for m in heads if u.i in m), None)
    return None


def _reported(verb: Token) -> bool:
    """Whether a verb is in a clause under another verb whose subject comes before it, what someone says or
    does ("Comey testified that Trump asked him"; not "He said ...; however, ..., he added", where the parser
    hangs the first report under the second)."""
    own = verb.i
    while verb.dep_ in ("ccomp", "xcomp", "advcl") and verb.head.i != verb.i:
        verb = verb.head
        if any(c.dep_ in SUBJECT_DEPS and c.i < own for c in verb.children):
            return True
    return False


def _speaks(t: Token, speech: frozenset[str]) -> bool:
    """Whether a token is who a speech verb's words are from: its subject, or the noun after it in an
    inverted attribution the parser read as an object ("…,” said a protester)."""
    verb = t.head
    if verb.lower_ not in speech or t.i == verb.i:
        return False
    if t.dep_ in SUBJECT_DEPS:
        return True
    return t.dep_ == "dobj" and t.i > verb.i and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _speaks_by_participle(t: Token, lemmas: frozenset[str]) -> bool:
    """Whether a clause subject speaks through a participle of its verb that has no subject of its own
    ("Trump praised Kennedy, telling the crowd “he felt confident in me”", "…, saying “…”")."""
    if t.dep_ not in SUBJECT_DEPS:
        return False
    return any(w.dep_ in ("advcl", "conj", "xcomp") and w.tag_ == "VBG" and w.lemma_.lower() in lemmas
               and not any(x.dep_ in SUBJECT_DEPS for x in w.children) for w in t.head.children)


def _speakers_in(speaking: dict[int, list[Candidate]], sents: set[int], lo: int, hi: int) -> set[str]:
    """Actors speaking (subjects of speech verbs) in ``sents``, outside the quotation ``[lo, hi)``."""
    return {c.actor_id for sid in sents for c in speaking.get(sid, ()) if not lo <= c.start < hi}


def _editorial(doc, t: Token) -> bool:
    """A pronoun an editor put in square brackets inside a quotation ("to defend [their] children's right"):
    the writer's word, which can stand for the speaker."""
    return 0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "[" and doc[t.i + 1].text == "]"


def _inside(speakers: list[tuple[int, int, set[str]]], starts: list[int], pos: int) -> set[str]:
    """The speakers of the quotation holding ``pos``; ``speakers`` sorted by start, ``starts`` their starts
    (a quotation nests in at most one other, so the two before ``pos`` are enough)."""
    i = bisect_right(starts, pos) - 1
    for a, b, ids in speakers[max(i - 1, 0) : i + 1][::-1] if i >= 0 else ():
        if a <= pos < b:
            return ids
    return set()


def _antecedent_role(c: Candidate, text: str) -> bool:
    """An actor mention, or a person named as a modifier ("the Susan Rice email ... her staff"), but not one
    glued into a word by a hyphen ("the anti-Trump candidate", "the Masih-e-Daneshavari hospital": nobody the text
    goes on about)."""
    return c.role == "actor" or (c.role == "modifier" and c.label == "person" and text[c.start - 1 : c.start] != "-"
                                 and text[c.end : c.end + 1] != "-")


def _is_subject(t: Token) -> bool:
    """A clause subject, or a name in apposition to one ("the candidate, Rick Perry, condemned"), or the
    group a quantity subject counts ("Some of the protesters said")."""
    if t.dep_ == "appos":
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in QUANTITY_HEADS:
        t = t.head.head
    return t.dep_ in SUBJECT_DEPS or t.dep_ in PASSIVE_SUBJECT_DEPS


def _subject_or_owner(t: Token) -> bool:
    """A clause subject or the possessor of one ("Protesters' demands include ...")."""
    return _is_subject(t) or (t.dep_ == "poss" and _is_subject(t.head))


@dataclass(frozen=True)
class _Scene:
    """What every pronoun of one document is read against, gathered once."""

    document: Document
    info: dict[str, tuple[str, str, str]]  # actor -> (name, type, gender)
    actors: list[Candidate]  # mentions that can be antecedents, in text order
    places: set[int]  # heads of states and cities named as places
    described: dict[str, str]  # a sex a noun says, as a bar only ("Her father, Reginald Vanderbilt, ... she")
    hints: dict[str, str]  # a sex the Census given names suggest, as a bonus only
    taken: set[int]  # character offsets inside a mention already
    quoted: list[tuple[int, int]]  # [start, end) of each quotation's words
    speakers: list[tuple[int, int, set[str]]]  # quotations with their speakers
    speaker_starts: list[int]
    named: dict[int, str]  # head token -> actor: a verb's own subject, by any mention
    sides: dict[str, set[str]]

    def in_quote(self, pos: int) -> bool:
        return any(lo <= pos < hi for lo, hi in self.quoted)


@dataclass
class _Reading:
    """What reading the pronouns left to right has found so far."""

    genders: dict[str, str]  # actor -> sex, known or learnt from a he/she linked to it
    out: list[Candidate] = field(default_factory=list)
    linked: dict[int, str] = field(default_factory=dict)  # token index of a linked pronoun -> its actor
    linked_counts: dict[str, int] = field(default_factory=dict)  # actor -> pronouns linked to it so far
    chains: dict[str, list[Candidate]] = field(default_factory=dict)  # sex -> an open chain with no named referent
    last_linked: dict[str, tuple[int, str, bool]] = field(default_factory=dict)  # sex -> (sentence, actor, subject?)
    unnamed_last: dict[str, int] = field(default_factory=dict)  # sex -> sentence of the last he/she left to an
    # unnamed person
    named_people: dict[str, tuple[int, int]] = field(default_factory=dict)  # person -> (mentions so far, last sentence)
    k: int = 0  # antecedents before the pronoun being read
    free_plural: int = -1  # token index of the last they/them/their left to a plural noun no mention covers

    def link(self, t: Token, sid: int, actor_id: str, label: str, gender: str = "") -> None:
        self.linked[t.i] = actor_id
        self.linked_counts[actor_id] = self.linked_counts.get(actor_id, 0) + 1
        self.out.append(Candidate(t.idx, t.idx + len(t.text), sid, "pronoun", label, t.i, actor_id=actor_id,
                                  name=t.text, gender=gender))  # fmt: skip


def link_pronouns(document: Document, cands: list[Candidate], info: dict[str, tuple[str, str, str]]) -> list[Candidate]:
    """Pronoun mentions linked to actors of ``cands`` (actor-role mentions, and people named as modifiers:
    "the Susan Rice email ... her staff"), as new candidates."""
    scene = _scene(document, cands, info)
    reading = _Reading(genders={a: g for a, (_, _, g) in info.items() if g in ("male", "female")})
    for t in document.doc:
        spec = PRONOUNS.get(t.lower_)
        if spec is None or spec[2] != 3 or t.pos_ != "PRON" or t.idx in scene.taken:
            continue
        if t.lower_ in ("it", "itself"):
            _link_it(t, scene, reading)
        elif not _stands_for_no_actor(t, spec, scene, reading):
            _link_personal(t, spec, scene, reading)
    for chain in reading.chains.values():
        _close_chain(chain, reading.out)
    return reading.out


def _scene(document: Document, cands: list[Candidate], info: dict[str, tuple[str, str, str]]) -> _Scene:
    doc = document.doc
    actors = sorted((c for c in cands if c.actor_id and _antecedent_role(c, document.text)), key=lambda c: c.start)
    genders = {a: g for a, (_, _, g) in info.items() if g in ("male", "female")}
    lex = load_lexicon()
    described: dict[str, str] = {}
    for c in cands:
        if c.actor_id and c.actor_id not in genders and c.kind != "pronoun" and c.label == "person" \
                and (said := _apposed_gender(doc[c.head], lex.person_nouns)):
            described.setdefault(c.actor_id, said)
    quotations = document_quotes(document)
    speakers = _quote_speakers(document, actors, lex.speech_cues, lex.speech_lemmas, quotations)
    return _Scene(document, info, actors, places={c.head for c in cands if c.role == "place"}, described=described,
                  hints=_census_hints(info, genders, lex), taken={i for c in cands for i in range(c.start, c.end)},
                  quoted=[(lo, hi) for _, _, lo, hi in quotations], speakers=speakers,
                  speaker_starts=[q[0] for q in speakers], named={c.head: c.actor_id for c in actors},
                  sides=_sides(doc, cands))  # fmt: skip


def _link_it(t: Token, scene: _Scene, reading: _Reading) -> None:
    """An "it"/"itself" is linked only as the subject of a body's report ("PG&E said it would ..."): it is
    too often expletive ("it is unknown")."""
    said_by = _reporting_body(t, load_lexicon().speech_lemmas, scene.named, scene.info)
    if said_by is not None and not scene.in_quote(t.idx):
        reading.link(t, scene.document.sentence_at(t.idx), said_by, scene.info[said_by][1])


def _stands_for_no_actor(t: Token, spec: tuple, scene: _Scene, reading: _Reading) -> bool:
    """Whether the words around a he/she/they/its say it stands for something no mention covers (recording an
    unnamed person or a plural noun for the pronouns after it)."""
    doc, low, lex = t.doc, t.lower_, load_lexicon()
    if t.i + 1 < len(doc) and doc[t.i + 1].lower_ in HONORIFIC_NOUNS:
        return True  # "Her Majesty": a title
    if spec[0] in ("male", "female") and not scene.in_quote(t.idx) \
            and _unnamed_subject(t, spec[0], scene.taken, lex.person_nouns):
        reading.unnamed_last[spec[0]] = scene.document.sentence_at(t.idx)
        return True  # "One of the victims decided to allow her name to be made public": the victim, unnamed
    if low in THEY and (_plural_noun_before(t, scene.taken, lex.person_nouns, lex.groups)
                        or _same_plural(scene.document, t, reading.free_plural, scene.actors)):
        reading.free_plural = t.i
        return True  # "frogs may look similar, but when you look at their skeletons": the frogs; and the
        # they/them/their after such a one, with no actor named between ("These bone tools are similar.
        # They all looked very similar, they had a similar size")
    if low in ("its", "their") and t.i >= 2 and doc[t.i - 1].lower_ == "and" and doc[t.i - 2].pos_ == "NOUN" \
            and doc[t.i - 2].idx not in scene.taken and not any(c.dep_ == "poss" for c in doc[t.i - 2].children):
        return True  # "the COVID-19 pandemic and its effect": the thing just named, as "Clinton and her staff"
        # (not "their issues and their suggestions")
    if low in ("his", "her") and t.i >= 2 and doc[t.i - 1].lower_ == "and" and doc[t.i - 2].tag_ == "NN" \
            and doc[t.i - 2].idx not in scene.taken and t.head.dep_ == "conj" and t.head.head.i == t.i - 2 \
            and doc[t.i - 2].lemma_.lower() not in lex.affiliates \
            and lex.person_nouns.get(doc[t.i - 2].lemma_.lower(), "-") in (spec[0], ""):
        return True  # "the deceased child and his mother": the person just named, unnamed (not a kin noun,
        # which names someone known: "the mother and her family")
    return low == "its" and (_thing_object_before(t, scene.taken, lex.person_nouns, scene.info, scene.named)
                             or _uncovered_doer(t, scene.taken, lex.person_nouns))
    # ("she left the series toward the end of its first season": the series; "the aircraft lost its sensor")


def _link_personal(t: Token, spec: tuple, scene: _Scene, reading: _Reading) -> None:
    """Link one he/she/they/its (and their other forms) to the best-scoring actor in scope, if one is clear."""
    doc, low = t.doc, t.lower_
    gender = spec[0]
    actors = scene.actors
    while reading.k < len(actors) and actors[reading.k].start < t.idx:
        c = actors[reading.k]
        if scene.info.get(c.actor_id, ("", c.label, ""))[1] in _PERSONLIKE:  # people named so far: (count, last)
            reading.named_people[c.actor_id] = (reading.named_people.get(c.actor_id, (0, 0))[0] + 1, c.sentence_id)
        reading.k += 1
    sid = scene.document.sentence_at(t.idx)
    doers = _controllers(_verb_of(t)) if low == "its" or low.endswith(("self", "selves")) else []
    owners = {s.head.head.i if s.lower_ in RELATIVE_PRONOUNS and s.head.dep_ == "relcl" else s.i
              for s in doers} if low in ("its", "itself") else set()  # ("Ohio, which was planning to hold
    # its primary": Ohio)
    if owners & scene.places:
        return  # "In Ohio, which was planning to hold its primary": the place, which is no actor here
    binders = {s.i for s in doers} if low.endswith(("self", "selves")) else set()
    in_quote = scene.in_quote(t.idx)
    scope = [c for c in actors[:reading.k] if sid - WINDOW <= c.sentence_id <= sid]
    later = [c for c in actors[reading.k:] if c.sentence_id == sid]
    cata = _cataphor(doc, t, later)
    pool = scope + ([cata] if cata is not None else [])
    not_them = set() if _editorial(doc, t) else (
        _inside(scene.speakers, scene.speaker_starts, t.idx)
        or _colon_speaker(doc, scene.quoted, t.idx, (reading.linked, scene.named)))
    if in_quote and spec[1] == "plural":
        not_them = not_them | {side for a in not_them for side in scene.sides.get(a, ())}
    if in_quote and not_them:  # 'the company "extends its condolences"': a quotation that goes on from a subject
        # the narrator names outside it is the narrator's clause, and its pronouns may be that subject's
        not_them = not_them - {a for s in _controllers(_verb_of(t)) if not scene.in_quote(s.idx)
                               and (a := scene.named.get(s.i) or reading.linked.get(s.i))}  # fmt: skip
    not_them = not_them | _co_objects(t, scene.named)
    at = (sid, in_quote)
    scored, plural, singular = _scores(t, gender, pool, cata, not_them, (binders, owners), at, scene, reading)
    scored = _reweighed(t, gender, scored, pool, not_them, at, scene, reading)
    if _partitive(t) and (near := _nearest_plural(t)) is not None and scene.named.get(near.i) in scored:
        scored = {scene.named[near.i]: scored[scene.named[near.i]]}  # "Police met the protesters. Many of them"
    before_and = _conjoined_possessor(doc, t, scope, reading.linked)
    if before_and is not None and before_and.actor_id in scored:
        scored = {before_and.actor_id: scored[before_and.actor_id]}
    if not scored and not pool_has(pool, gender, reading.genders, scene.info):
        ahead = _forward(t, gender, later, reading.genders)
        if ahead is not None:
            scored = {ahead.actor_id: SAME}
    if not scored and gender in ("male", "female") \
            and not pool_has([c for c in pool if c.actor_id not in not_them], gender, reading.genders, scene.info) \
            and not _narrated(scene.document, t, scene.quoted):
        prev = reading.last_linked.get(gender)  # "He also commented ... he added. He also noted": the same person
        if prev is not None and sid - prev[0] <= 1 and prev[1] not in not_them:
            scored = {prev[1]: 0.0}
        else:
            only = _only_one_of(gender, reading.named_people, reading.genders, not_them, sid - ONLY_WITHIN,
                                reading.linked_counts)  # fmt: skip
            scored = {only: 0.0} if only else scored
    for a in _commanded_names(t, scene.named):
        scored.pop(a, None)  # "he misled Pence": not Pence
    if not scored:
        if gender in ("male", "female"):
            _extend_chain(reading.chains, gender, t, sid, reading.out, scene.quoted)
        return
    actor_id = _chosen(t, spec, scored, plural - singular, scope, scene.info)
    if actor_id is None:
        return
    if gender in ("male", "female"):
        reading.genders.setdefault(actor_id, gender)
        reading.last_linked[gender] = (sid, actor_id, t.dep_ in SUBJECT_DEPS)
    reading.link(t, sid, actor_id, scene.info.get(actor_id, ("", "person", ""))[1],
                 gender if gender in ("male", "female") else "")  # fmt: skip


def _scores(t: Token, gender: str, pool: list[Candidate], cata: Candidate | None, not_them: set[str],
            bound: tuple[set[int], set[int]], at: tuple[int, bool], scene: _Scene,
            reading: _Reading) -> tuple[dict[str, float], set, set]:  # fmt: skip
    """Each compatible actor of ``pool`` with its score (the weights above), and, for an "its", the actors named
    there by a plural noun and those named by a singular one. ``at``: the pronoun's sentence and whether it is
    inside a quotation."""
    doc, low, lex = t.doc, t.lower_, load_lexicon()
    binders, owners = bound
    sid, in_quote = at
    firsts = {sent: next((c for c in scene.actors if c.sentence_id == sent and _is_subject(doc[c.head])), None)
              for sent in {c.sentence_id for c in pool}}  # fmt: skip
    local = _local_subjects(t) if t.dep_ in SUBJECT_DEPS or t.dep_ in PASSIVE_SUBJECT_DEPS else set()
    local_actors = {reading.linked[i] for i in local if i in reading.linked}
    scored: dict[str, float] = {}
    plural: set[str] = set()  # for "its": actors named here only by a plural common noun
    singular: set[str] = set()
    for c in pool:
        if c.actor_id in not_them or is_outlet(c.actor_id):
            continue  # "“He is a good guy,” Trump said": not the speaker, who would say "I"; a news
            # outlet is told or reports, and is hardly ever meant ("explained to Wikinews that crews
            # might turn their transponders off")
        label = scene.info.get(c.actor_id, ("", c.label, ""))[1]
        if gender in ("male", "female"):
            if label not in _PERSONLIKE and not _name_like_org(c, label, doc, lex.org_heads):
                continue
            g = reading.genders.get(c.actor_id) or scene.described.get(c.actor_id, "")
            if g and g != gender:
                continue
        elif low in ("its", "itself"):
            if label not in _ITS and not (label == "place" and c.head in owners):
                continue  # (a place only as the subject of the pronoun's own clause: "Nevada held its
                # caucuses")
            if doc[c.head].tag_ == "NNS" or (label == "group" and c.kind == "ner"):  # "the Tongs"
                plural.add(c.actor_id)  # "the protesters ... its": competes, but a plural noun is "they"
            else:
                singular.add(c.actor_id)
        elif label not in _PLURAL and not (c.kind == "demonym" and c.label == "state" and " " in c.name):
            continue
        if _bound_elsewhere(doc, t, c, reading.linked) \
                or (_verbs_argument(t) and _bound_elsewhere(doc, t, c, scene.named)):
            continue
        h = doc[c.head]
        subject = _subject_or_owner(h) and not (in_quote and gender in ("male", "female")
                                                 and _speaks(h, lex.speech_cues))
        score = SAME * (c.sentence_id == sid) + SUBJECT * subject  # (inside a quotation, another quotation's
        # speaker is no subject of the words: "Modi wrote, '...' Goel said, 'He was an excellent politician'")
        score += GENDER * (gender in ("male", "female") and reading.genders.get(c.actor_id) == gender)
        score += HINT * (gender in ("male", "female") and c.actor_id not in reading.genders
                         and scene.hints.get(c.actor_id) == gender)
        score += FIRST * (firsts.get(c.sentence_id) is c)
        if c is cata:
            score += SAME + SUBJECT
        if _leading_clause_subject(doc, t, h):
            score += LEADING
        if _asked(t, h):
            score += ASKED
        if h.i in local or (h.dep_ == "appos" and h.head.i in local) or c.actor_id in local_actors:
            score += LOCAL
        if h.i in binders or (h.dep_ == "appos" and h.head.i in binders) \
                or any(reading.linked.get(i) == c.actor_id for i in binders):
            score += REFLEXIVE
        if t.tag_ == "PRP$" and (_relative_subject_of(t) in (own := (h.i, h.head.i if h.dep_ == "appos" else h.i))
                                 or _participle_noun(t) in own):
            score += RELATIVE
        scored[c.actor_id] = max(scored.get(c.actor_id, 0.0), score)
    return scored, plural, singular


def _reweighed(t: Token, gender: str, scored: dict[str, float], pool: list[Candidate], not_them: set[str],
               at: tuple[int, bool], scene: _Scene, reading: _Reading) -> dict[str, float]:
    """The scores after what the text around the pronoun adds: an earlier reporter, the article's topic, an
    unnamed person just before, and the person the last he/she stood for (``at`` as for ``_scores``)."""
    lex = load_lexicon()
    sid, in_quote = at
    if len(scored) > 1 and not in_quote and _speaks(t, lex.speech_cues):
        first = _earlier_reporter(t, lex.speech_cues, (reading.linked, scene.named), scene.quoted)
        if first in scored:
            scored[first] += REPORTER
    if gender in ("male", "female") and len(scored) > 1 and (
            in_quote or not any(c.sentence_id == sid and c.actor_id in scored for c in pool)):
        topic = _topic(scored, reading.named_people, reading.linked_counts)
        if topic is not None:
            scored[topic] += TOPIC if in_quote else TOPIC_OUTSIDE
    if reading.unnamed_last.get(gender, -9) == sid - 1 and t.dep_ in SUBJECT_DEPS and not any(
            reading.genders.get(a) == gender or any(c.actor_id == a and c.sentence_id == sid for c in pool)
            for a in scored):  # fmt: skip
        scored = {}  # "One of the victims decided to allow her name to be made public. She said ...": the
        # same unnamed person, not someone of unknown sex named before her
    carried = _carried(t, gender, reading.last_linked, sid, scored, not_them, (scene.named, reading.linked))
    if carried is not None:
        scored[carried[0]] = carried[1]
    return scored


def _chosen(t: Token, spec: tuple, scored: dict[str, float], only_plural: set[str], scope: list[Candidate],
            info: dict[str, tuple[str, str, str]]) -> str | None:
    """The best-scoring actor when it beats the runner-up by ``MARGIN``, is not named only by a plural noun for an
    "its", and, for a plural pronoun, is not followed by people named together."""
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MARGIN:
        return None
    actor_id = ranked[0][0]
    if actor_id in only_plural:
        return None
    if spec[1] == "plural" and (_people_listed_after(t.doc, scope, actor_id, info)
                                or _people_listed_as_subject(t.doc, scope, t, actor_id, info)):
        return None  # "the House voted to hold Ross and Barr in contempt, citing their refusal": not the House
    return actor_id


def _co_objects(pron: Token, named: dict[int, str]) -> set[str]:
    """Actors named as the direct object of the verb an object pronoun hangs from ("opening Faithless Hijabi to
    all of them"): a pronoun is not its own verb's other object; a reflexive would say so."""
    if pron.dep_ not in ("dobj", "pobj", "dative") or pron.lower_.endswith(("self", "selves")):
        return set()
    verb = _verb_of(pron)
    return {named[c.i] for c in verb.children if c.dep_ == "dobj" and c.i != pron.i and c.i in named
            and not c.left_edge.i <= pron.i <= c.right_edge.i}


def _apposed_gender(name: Token, person_nouns: dict[str, str]) -> str:
    """The sex a singular common noun in apposition to a name gives it ("Her father, Reginald Vanderbilt";
    "Gloria Smith, the actress"), from ``person_nouns.csv``; '' when no such noun says."""
    nouns = [name.head] if name.dep_ == "appos" else []
    nouns += [c for c in name.children if c.dep_ == "appos"]
    return next((g for n in nouns if n.tag_ == "NN" and (g := person_nouns.get(n.lemma_.lower(), ""))), "")


def _unnamed_subject(pron: Token, gender: str, taken: set[int], person_nouns: dict[str, str]) -> bool:
    """Whether the subject of the nearest clause above the pronoun (not holding it, not across a relative
    clause) is an indefinite common noun naming one person of its gender, before it, that no actor mention
    covers ("One of the victims decided to allow her name to be made public", "A woman said her son was
    missing"): the pronoun stands for that unnamed person. Not the object of that subject's own verb
    ("Another son has predeceased him"), and not "the guitarist", which may be a person named before, nor a
    noun with a possessor ("one of his lawyers posted a photo showing him")."""
    for verb in pron.ancestors:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and not any(pron in c.subtree for c in subjects):
            if (pron.head.i == verb.i and pron.dep_ in ("dobj", "dative", "iobj")) \
                    or any(t.idx in taken for c in subjects for t in c.subtree):
                return False  # "Mr. Huckabee, a Baptist pastor turned politician, won ... his": a name too
            return any(_unnamed_person(c, gender, taken, person_nouns) for c in subjects if c.i < pron.i)
        if verb.dep_ in ("relcl", "acl"):
            return False
    return False


def _plural_noun_before(pron: Token, taken: set[int], people: dict[str, str], groups: dict) -> bool:
    """Whether a plural common noun that no mention covers is a clause subject in the pronoun's sentence
    before it ("frogs may look similar, but when you look at their skeletons", "crews might turn their
    transponders off"), or whom the pronoun's own clause is about (:func:`_local_subjects`, or the controller
    of a possessive's clause: "requires sysadmins to ... adjust their workflows"), or what a quantity subject
    counts ("half of all people worldwide are affected by
    limits on their water supply"), or a collective noun ("The furry community is well-known for their
    charitable efforts"): a they/them/their stands for it more likely than for an actor named
    sentences before. A plural object counts when it names people ("helping women with their rights", "girls
    who come through Faithless Hijabi — I mentor them": ``people``, the person nouns, or ``groups``), not
    otherwise ("face allegations they failed to react"). A they/them with no mention before it in its
    sentence (not a possessive: "Some microbes can survive ... In their model, they found" is the
    researchers') stands for an uncovered plural or collective subject of the sentence before ("The team
    collected samples ... They were able to extract DNA")."""
    doc = pron.doc
    if pron.i >= 2 and doc[pron.i - 1].lower_ == "and" and doc[pron.i - 2].idx in taken:
        return False  # "support to the students and their parents": the mention just before, as for "Clinton and her"
    if _partitive(pron) and (near := _nearest_plural(pron)) is not None and near.idx not in taken:
        return True  # "removed various items from the flat, amongst them a saw"
    if any((_plural_noun(w, people, groups) or w.lower_ in COLLECTIVE_NOUNS) and w.idx not in taken
           and w.lower_ not in QUANTITY_HEADS
           and (_is_subject(w) or (w.tag_ in ("NNS", "NNPS") and (w.lemma_.lower() in people or w.lower_ in groups)))
           for w in doc[pron.sent.start : pron.i]):  # (not "thousands of Hong Kong protesters": them)
        return True
    own = _local_subjects(pron) if pron.dep_ in SUBJECT_DEPS else {c.i for c in _controllers(_verb_of(pron))}
    own = {k for k in own if not doc[k].left_edge.i <= pron.i <= doc[k].right_edge.i}  # (not "their demands")
    own = {doc[k].head.head.i if doc[k].tag_ == "WP" and doc[k].head.dep_ == "relcl" else k for k in own}
    # ("those who lost their lives": whom the relative pronoun stands for)
    if any((doc[k].tag_ == "NNS" or doc[k].lower_ in ("those", "these")) and doc[k].idx not in taken
           and doc[k].lower_ not in QUANTITY_HEADS for k in own):
        return True  # "requires sysadmins to evaluate ... and adjust their workflows": whom its own clause is about
    verb = pron.head
    if pron.dep_ == "dobj" and verb.dep_ == "conj" and any(
            c.dep_ == "dobj" and c.tag_ == "NNS" and c.idx not in taken for c in verb.head.children):
        return True  # "obtained the Telegram messages ... and released them": the object of the verb before
    if pron.dep_ == "poss" or pron.sent.start == 0 \
            or any(w.idx in taken for w in doc[pron.sent.start : pron.i]):
        return False
    before = doc[pron.sent.start - 1].sent.root  # "The Montreal team, led by Björn Benneke, used data from NASA's
    # Hubble telescope. They found ...": the subject the sentence before is about
    return any(w.dep_ in SUBJECT_DEPS and w.idx not in taken and (w.tag_ == "NNS" or w.lower_ in COLLECTIVE_NOUNS)
               and w.lower_ not in QUANTITY_HEADS for w in before.children)


def _uncovered_doer(pron: Token, taken: set[int], people: dict[str, str]) -> bool:
    """Whether an "its" is in a clause whose own subject is a singular noun before it whose phrase holds no
    mention (nor the pronoun) and that names no person: "Dorian made its initial landfall", "Maritime
    Connector has an entry for the ship in its database" (a name the recogniser missed); not "Time magazine
    announced its selection". The pronoun stands for that, no actor."""
    subjects = [d for d in _verb_of(pron).children if d.dep_ in SUBJECT_DEPS or d.dep_ in PASSIVE_SUBJECT_DEPS]
    return any(d.i < pron.i and d.tag_ in ("NN", "NNP") and d.lemma_.lower() not in people
               and d.lower_ not in RELATIVE_PRONOUNS and not d.left_edge.i <= pron.i <= d.right_edge.i
               and not any(w.idx in taken for w in d.subtree) for d in subjects)  # fmt: skip


def _thing_object_before(pron: Token, taken: set[int], people: dict[str, str], info: dict,
                         named: dict[int, str]) -> bool:
    """Whether an "its" in a clause done by a person ("she left the series toward the end of its first season")
    follows that clause's singular object, a common noun no mention covers: a person is no "it", so the thing
    is meant. (Not where the parser hangs the "its" phrase elsewhere: "flipped the truck he had been driving
    on its side" reads "on its side" with "driving".)"""
    verb = _verb_of(pron)
    doers = _controllers(verb)
    if not doers or not all(d.lower_ in ("he", "she", "i", "we", "you")
                            or info.get(named.get(d.i, ""), ("", "", ""))[1] == "person" for d in doers):
        return False
    return any(c.dep_ == "dobj" and c.tag_ == "NN" and c.i < pron.i and c.idx not in taken
               and c.lemma_.lower() not in people and not c.left_edge.i <= pron.i <= c.right_edge.i
               for c in verb.children)


def _partitive(pron: Token) -> bool:
    """Whether "them" names a whole some of which the phrase picks out ("one of them", "a lot of them",
    "amongst them")."""
    if pron.lower_ != "them" or pron.dep_ != "pobj" or pron.head.lower_ not in ("of", "among", "amongst"):
        return False
    whole = pron.head.head
    return pron.head.lower_ != "of" or whole.lower_ in QUANTITY_HEADS or whole.tag_ == "CD"


def _nearest_plural(pron: Token) -> Token | None:
    """The nearest plural noun before the pronoun, in its sentence or the one before (not a quantity head
    or a compound's first part), or None: what a partitive "them" picks from ("some parts of Islam ...
    homophobia being one of them"; "Police met the protesters. Many of them were arrested")."""
    doc = pron.doc
    start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else 0
    return next((w for w in reversed(doc[start : pron.i]) if w.tag_ in ("NNS", "NNPS") and w.dep_ != "compound"
                 and w.lower_ not in QUANTITY_HEADS), None)


def _same_plural(document: Document, pron: Token, before: int, actors: list[Candidate]) -> bool:
    """Whether the they/them/their at token ``before`` (-1: none), left to a plural noun no mention covers,
    is in the pronoun's sentence, with no organisation, state or group named between: the pronoun goes on
    about the same people or things. (Not across sentences: where the first was wrongly left, "Stamenković et
    al found ... for all the brines they considered. They published ...", the error would spread.)"""
    if before < 0:
        return False
    doc = pron.doc
    lo, hi = doc[before].idx, pron.idx
    if document.sentence_at(hi) != document.sentence_at(lo):
        return False
    return not any(lo < c.start < hi and c.label in _PLURAL | {"state"} for c in actors)


def _plural_noun(w: Token, people: dict[str, str], groups: dict) -> bool:
    """A plural common noun, also one the tagger reads as a plural proper noun because a quotation opens with
    it ("“Women in France who have been raped don't have to justify their private life”")."""
    if w.tag_ == "NNS":
        return True
    return w.tag_ == "NNPS" and not w.ent_type_ and (w.lemma_.lower() in people or w.lower_ in groups
                                                      or common_word(w.lower_))


def _unnamed_person(s: Token, gender: str, taken: set[int], person_nouns: dict[str, str]) -> bool:
    """Whether a subject is "a/an/another/one <person noun>" or "one of the <person nouns>" that no
    candidate covers, of ``gender`` (or of either)."""
    if any(t.idx in taken for t in s.subtree):
        return False
    noun: Token | None = s
    if s.lower_ == "one":  # "one of the victims"
        noun = next((p for c in s.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" and p.tag_ == "NNS"), None)  # fmt: skip
    elif s.tag_ != "NN" or not any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in s.children):
        noun = None
    if noun is None or any(c.dep_ == "poss" for c in noun.children):
        return False
    return person_nouns.get(noun.lemma_.lower()) in ("", gender)


_INDEFINITE = frozenset({"a", "an", "another", "one"})


def _topic(scored: dict[str, float], named_people: dict[str, tuple[int, int]],
           linked_counts: dict[str, int]) -> str | None:
    """The candidate the article has mentioned most so far (named mentions and linked pronouns), when at
    least ``TOPIC_RATIO`` times as often as each other candidate; else None."""
    counts = {a: named_people.get(a, (0, 0))[0] + linked_counts.get(a, 0) for a in scored}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] >= TOPIC_RATIO * max(ranked[1][1], 1):
        return ranked[0][0]
    return None


def _carried(pron: Token, gender: str, last_linked: dict[str, tuple[int, str, bool]], sid: int,
             scored: dict[str, float], not_them: set[str],
             heads: tuple[dict[int, str], ...]) -> tuple[str, float] | None:
    """The person the last he/she of this gender stands for, in this sentence or the one before, as a
    candidate with its score when no mention of them is in scope ("In between, she testified, she was raped
    by Quirin ... She told the court ... She told a guard": the woman the pronouns follow, not the man
    named in between): a subject pronoun counts as a subject mention of known gender. ``heads``: maps of
    token index -> actor, of named mentions and of linked pronouns (for binding: "Bush remembered him")."""
    prev = last_linked.get(gender)
    if prev is None or gender not in ("male", "female") or sid - prev[0] > 1:
        return None
    _, actor, subject = prev
    if actor in scored or actor in not_them:
        return None
    if _bound_by(pron, {i for m in heads for i, a in m.items() if a == actor}):
        return None
    return actor, SAME * (prev[0] == sid) + SUBJECT * subject + GENDER


def _object_pronoun(pron: Token) -> bool:
    """A non-reflexive pronoun that is its verb's own object ("praised him", "talked to him")."""
    return not (pron.dep_ in SUBJECT_DEPS or pron.dep_ in PASSIVE_SUBJECT_DEPS or pron.tag_ == "PRP$"
                or pron.lower_.endswith(("self", "selves"))) and _verbs_argument(pron)


def _narrated(document: Document, pron: Token, quoted: list[tuple[int, int]]) -> bool:
    """Whether the pronoun's sentence has a first-person narrator outside quotation marks ("I don't want to
    give any publicity to him", an interview's answer): its he/she is someone the narrator tells of."""
    span = document.sentences[document.sentence_at(pron.idx)]
    return any(t.lower_ in ("i", "me", "my", "mine", "myself") and not any(lo <= t.idx < hi for lo, hi in quoted)
               for t in span)  # fmt: skip


def _only_one_of(gender: str, named: dict[str, tuple[int, int]], genders: dict[str, str], not_them: set[str],
                 since: int, pronouns: dict[str, int]) -> str:
    """The one person of ``gender`` named before (``named``: actor -> mentions so far, last sentence), at
    least :data:`ONLY_MENTIONS` times counting the pronouns already linked to them (``pronouns``) and last
    named in sentence ``since`` or after, when nobody is in scope ("Carrie Lam ... [five sentences on] ...
    'Hong Kong people have learned to ignore her'"; "Nabil Hasan al-Quaety ... He ... Al-Quaety ... [three
    sentences on] ... called for his death to be investigated"); '' when there are none or several, or it is
    the quotation's speaker."""
    same = [a for a in named if genders.get(a) == gender]
    if len(same) != 1 or same[0] in not_them:
        return ""
    count, last = named[same[0]]
    return same[0] if count + pronouns.get(same[0], 0) >= ONLY_MENTIONS and last >= since else ""


def _people_listed_after(doc, scope: list[Candidate], actor_id: str, info: dict) -> bool:
    """Whether people named together ("Ross and Barr") come after the last mention of ``actor_id`` in
    scope: a they/their there may mean them, whom one mention cannot stand for."""
    last = max((c.start for c in scope if c.actor_id == actor_id), default=-1)
    heads = {c.head for c in scope if info.get(c.actor_id, ("", c.label, ""))[1] == "person"}
    return any(c.start > last and doc[c.head].dep_ == "conj" and doc[c.head].head.i in heads
               and info.get(c.actor_id, ("", c.label, ""))[1] == "person" for c in scope)


def _people_listed_as_subject(doc, scope: list[Candidate], pron: Token, actor_id: str, info: dict) -> bool:
    """Whether people named together as a subject before a they/their in its sentence ("Tim and Karalyne Hyde
    told HuffPost that they were staying") may be meant, rather than ``actor_id``, which is no subject there:
    one mention cannot stand for them, and the body they spoke to is not what "they" means."""
    here = [c for c in scope if doc[c.head].sent.start == pron.sent.start and c.start < pron.idx]
    if any(c.actor_id == actor_id and doc[c.head].dep_ in SUBJECT_DEPS for c in here):
        return False
    people = set()
    for c in here:
        if info.get(c.actor_id, ("", c.label, ""))[1] == "person":
            h = doc[c.head]
            people.add((h.head if h.dep_ == "appos" else h).i)  # "his close associate Rick Gates"
    return any(doc[h].dep_ == "conj" and doc[h].head.i in people and doc[h].head.dep_ in (
        *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) for h in people)


def pool_has(pool: list[Candidate], gender: str, genders: dict[str, str], info: dict) -> bool:
    """Whether any person-like actor is in scope at all (then no referent found is a tie, not an absence)."""
    return any(info.get(c.actor_id, ("", c.label, ""))[1] in _PERSONLIKE for c in pool)


def _extend_chain(chains: dict[str, list[Candidate]], gender: str, t: Token, sid: int, out: list[Candidate],
                  quoted: list[tuple[int, int]]) -> None:
    """A he/she pronoun with no named referent in scope joins the open chain of its gender (or opens one).

    A chain holds pronouns of one voice: a pronoun in another quotation than the chain's last (of
    ``quoted``), or outside it, opens a new chain ("“He is here,” he said": two people). So does an object
    pronoun whose own verb's subject is in the chain ("He praised him")."""
    chain = chains.get(gender)
    if chain and (sid - chain[-1].sentence_id > WINDOW or _bound_by(t, {c.head for c in chain})
                  or _quotation_of(chain[-1].start, quoted) != _quotation_of(t.idx, quoted)):
        _close_chain(chain, out)
        chain = None
    if not chain:
        chain = chains[gender] = []
    chain.append(Candidate(t.idx, t.idx + len(t.text), sid, "pronoun", "person", t.i, name=t.text, gender=gender,
                           role="unnamed"))  # fmt: skip


#: Name roles no subject pronoun rules out: what it is ("now that he's President Obama").
_PREDICATIVE = frozenset({"attr", "oprd", "appos"})
#: Names as modifiers inside a phrase: ruled out in the pronoun's own clause ("he would step into the
#: president's shoes"), not in a clause below it, where writers use them for the pronoun's person ("He
#: defended his record ... and criticized Democrats for failing to mention ... Trump's ban on travel").
_MODIFIERS = frozenset({"poss", "compound", "nmod", "amod"})
_FREE_CLAUSES = frozenset({"relcl", "acl"})  # clauses that say more about a noun


def _commanded_names(pron: Token, named: dict[int, str]) -> set[str]:
    """Actors named after a subject pronoun in its own clause, which it cannot stand for ("He has never
    condemned Putin", "He said the president had given Mr. Zients ..."): ``named`` maps the head token of
    each named mention to its actor. Names in a relative clause or more than two clauses down are left
    out: there writers repeat the name of the person the pronoun stands for ("He claimed to have obtained
    his weapon by having an older friend purchase it ... using stimulus money Rittenhouse received")."""
    if pron.dep_ not in SUBJECT_DEPS and pron.dep_ not in PASSIVE_SUBJECT_DEPS:
        return set()
    verb, sent = pron.head, pron.sent
    out = set()
    for t in verb.subtree:
        if t.i <= pron.i or t.i not in named or t.sent != sent or t.dep_ in _PREDICATIVE:
            continue
        if any(w.text in ("[", ".", "!", "?") for w in t.doc[pron.i : t.i]):
            continue  # "He told me ... with them [Ratnamma and Seemanna]": the editor's gloss; or past the end
            # of a sentence the splitter ran on ("he told X “... you ain’t black.” Backlash ... Biden")
        clauses, up = 0, t
        while up.i != verb.i and clauses <= 2 and up.dep_ not in _FREE_CLAUSES:
            clauses += up.pos_ in ("VERB", "AUX")
            up = up.head
        if up.i == verb.i and (clauses == 0 or t.dep_ not in _MODIFIERS):
            out.add(named[t.i])
    return out


def _colon_speaker(doc, quoted: list[tuple[int, int]], pos: int, heads: tuple[dict[int, str], ...]) -> set[str]:
    """The speaker of a quotation holding ``pos`` that a colon opens, as the subject of the clause before the
    colon, named or a pronoun already linked ("In his message, he appreciated Soleimani's lifepath: “He was a
    stellar example”": not whom "he" stands for); empty when there is none. ``heads``: maps of token index ->
    actor."""
    k = _quotation_of(pos, quoted)
    if k < 0:
        return set()
    span = doc.char_span(quoted[k][0], quoted[k][1], alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].text != ":":
        return set()
    verb = _clause_verb(doc[span.start - 2])
    if verb.i >= span.start - 1:
        return set()  # the clause before the colon has no verb of its own ("NBC's Jonathan Allen, on ...:")
    return {m[s.i] for s in _subjects(verb) if s.i < verb.i for m in heads if s.i in m}


def _quotation_of(pos: int, quoted: list[tuple[int, int]]) -> int:
    """The index in ``quoted`` of the (innermost) quotation holding character ``pos``, or -1."""
    return max((k for k, (lo, hi) in enumerate(quoted) if lo <= pos < hi), default=-1)


def _bound_by(pron: Token, heads: set[int]) -> bool:
    """Whether an object pronoun's own verb has a subject among the tokens ``heads`` ("He praised him")."""
    return _object_pronoun(pron) and any(s.i in heads for s in _controllers(_verb_of(pron)))


def _close_chain(chain: list[Candidate], out: list[Candidate]) -> None:
    """Two or more pronouns of one unnamed referent become mentions of ``unnamed:<sentence>:<offset>``, role
    ``unnamed``: one referent in the mentions table, but no actor row (nobody names it)."""
    if len(chain) >= 2:
        referent = f"unnamed:{chain[0].sentence_id}:{chain[0].start}"
        for c in chain:
            c.actor_id = referent
        out.extend(chain)
    chain.clear()


def _name_like_org(c: Candidate, label: str, doc, org_heads: dict[str, str]) -> bool:
    """A one- or two-word name the recogniser called an organisation, with no organisation word in it and no
    "the" before it ("Ossoff", not "Breitbart News", "the Daily Beast" nor "Dawn", an English word)."""
    if label != "organisation" or c.kind != "ner":
        return False
    words = text_of(doc)[c.start : c.end].split()
    first = next((t.i for t in doc[c.head].sent if t.idx >= c.start), c.head)
    if first > 0 and (doc[first - 1].lower_ in org_heads or doc[first - 1].lower_ == "the"):
        return False  # "the social media website Formspring": its kind is said; "telling the Daily Beast": a
        # person's name takes no article
    if len(words) == 1 and ordinary_word(words[0]) and is_source(doc[c.head]):
        return False  # "an interview with Dawn": a newspaper named by an English word
    return len(words) <= 2 and not any(w.isupper() or w.lower() in org_heads for w in words) \
        and all(w[:1].isupper() for w in words)


def _conjoined_possessor(doc, pron: Token, scope: list[Candidate], linked: dict[int, str]) -> Candidate | None:
    """"Clinton and her staff", "thanks him and his family": a possessive whose noun is coordinated with a
    mention, or with a pronoun already linked, takes that mention or the pronoun's actor."""
    if pron.dep_ != "poss" or pron.head.dep_ != "conj":
        return None
    first = pron.head.head
    if first.i in linked:
        return next((c for c in reversed(scope) if c.actor_id == linked[first.i]), None)
    return next((c for c in reversed(scope) if c.head == first.i), None)


def _verb_of(t: Token) -> Token:
    """The verb governing a token, through prepositions and noun phrases."""
    seen = 0
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and seen < 8:
        t = t.head
        seen += 1
    return t


def _subjects(verb: Token) -> list[Token]:
    """Subjects of a verb, or of the first verb of its coordination ("X condemned Y and called on him")."""
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
    while not subj and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
    return subj


def _controllers(verb: Token) -> list[Token]:
    """Who does what a verb says: its subjects; for a verb with none that complements another ("accused
    Rice of undermining him", "promised to help him"), or is coordinated with one that does ("fired back,
    bemoaning Y's remarks and dismissing him"), the other verb's object, or else its subjects."""
    subj = _subjects(verb)
    while not subj and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "bemoaning Y's remarks and dismissing him": the first conjunct's controller
    if subj or verb.dep_ not in ("xcomp", "pcomp", "advcl"):
        return subj
    gov = _verb_of(verb.head)
    if gov.i == verb.i or gov.pos_ not in ("VERB", "AUX"):
        return []
    objs = [c for c in gov.children if c.dep_ in ("dobj", "obj")]
    return objs or _subjects(gov)


def _bound_elsewhere(doc, pron: Token, c: Candidate, linked: dict[int, str]) -> bool:
    """An object pronoun cannot be the one doing what its own verb says ("Trump praised him" is not
    Trump, nor is any earlier mention of Trump; "accused Rice of undermining him" is not Rice; "he'd talk to
    him": not whom "he" stands for; a possessive standing alone is free: "Hawkins received five percent in his";
    a name in apposition counts as its noun; "X, his manager": a possessive in an apposition is not X).
    ``linked``: token index -> its actor (pronouns already linked, or the head of a named mention)."""
    ante = doc[c.head]
    if pron.dep_ == "poss" and pron.head.dep_ == "appos" and pron.head.head.i == ante.i \
            and not any(t.text == "(" for t in doc[ante.i : pron.i]) \
            and doc[pron.head.left_edge.i - 1].text in (",", "—", "–", "--"):  # not "...: his presence"
        return True  # "Fernando Dallorso, his manager": someone else's; not "María (not her real name)"
    held = pron.head.tag_ == "JJ" and pron.head.dep_ == "dobj" and pron.head.lower_ != "own"  # not "did their best"
    # "held her captive" (misparsed): her is an object; "who has waived her right" (her as dobj): a possessive
    possessive = (pron.dep_ == "poss" and not held) or (pron.tag_ == "PRP$" and pron.dep_ != "poss")
    if pron.dep_ in SUBJECT_DEPS or pron.dep_ in PASSIVE_SUBJECT_DEPS or possessive \
            or pron.lower_.endswith(("self", "selves")) or pron.lower_ in ("his", "hers", "theirs", "its"):
        return False
    owner = _phrase_owner(pron)
    if owner is not None:  # "slams the press for its coverage of him": the phrase is its own domain
        return owner.i == ante.i or linked.get(owner.i) == c.actor_id  # "Trump's admiration for him"
    own = {ante.i, ante.head.i} if ante.dep_ == "appos" else {ante.i}
    return any(s.i in own or linked.get(s.i) == c.actor_id or _relative_noun(s) in own
               for s in _controllers(_verb_of(pron)))  # fmt: skip


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _relative_noun(s: Token) -> int:
    """The token index of the noun a relative pronoun subject stands for ("Sanders, who did ..."), else -1."""
    if s.lower_ in _RELATIVE_PRONOUNS and s.head.dep_ == "relcl" and s.head.head.i != s.head.i:
        return s.head.head.i
    return -1


def _relative_subject_of(pron: Token) -> int:
    """For a pronoun whose own verb is a relative clause with a relative pronoun subject, the index of that
    clause's noun ("Sanders, who did not release his delegates"), else -1; also -1 when that noun is
    coordinated, as the relative pronoun then stands for all the conjuncts ("criticism by the Greek foreign
    minister and UNESCO, who questioned his authority": not the minister's)."""
    verb = _verb_of(pron)
    if verb.dep_ != "relcl" or any(k.dep_ == "conj" for k in verb.head.children):
        return -1
    return next((n for s in _subjects(verb) if (n := _relative_noun(s)) >= 0), -1)


def _participle_noun(pron: Token) -> int:
    """For a possessive whose verb is a participle on a noun, that noun's index ("Brady Haran, known for his
    YouTube channel": Haran), else -1."""
    verb = _verb_of(pron)
    return verb.head.i if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and verb.head.i != verb.i else -1


def _phrase_owner(pron: Token) -> Token | None:
    """The possessor of the noun a pronoun hangs on ("its" of "its coverage of him", "Trump" of "Trump's
    admiration for him"), or None: that phrase is the pronoun's domain, so the possessor is not meant and
    the clause's subject may be."""
    if pron.dep_ != "pobj" or pron.head.dep_ != "prep":
        return None
    noun = pron.head.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _verbs_argument(pron: Token) -> bool:
    """Whether a pronoun is its verb's own object ("praised him", "talked to him"), not inside a noun
    phrase ("images of him wearing his uniform", where its verb's subject may be meant)."""
    head = pron.head.head if pron.dep_ == "pobj" and pron.head.dep_ == "prep" else pron.head
    return head.pos_ in ("VERB", "AUX")


def _cataphor(doc, pron: Token, later: list[Candidate]) -> Candidate | None:
    """A he/she inside a quotation is not the quotation's speaker, who would say "I" ("“He is a good guy,”
Trump said"). A pronoun in a phrase or clause before the main clause's subject stands for that subject
    ("In his first speech, Joe Biden thanked voters"; "Asked if he lied, Lochte denied it")."""
    top = pron
    while top.head.i != top.i and top.head.dep_ != "ROOT" and top.dep_ != "ROOT":
        top = top.head
    if top.dep_ not in ("advcl", "prep", "npadvmod", "advmod") or top.head.dep_ != "ROOT":
        return None
    path, t = [pron], pron
    while t.i != top.i:
        t = t.head
        path.append(t)
    singular = PRONOUNS[pron.lower_][1] != "plural"
    if any((_could_be_meant(s) or not singular) and s.i < pron.i for a in path
           for s in a.children if s.dep_ in SUBJECT_DEPS or s.dep_ in PASSIVE_SUBJECT_DEPS):
        return None  # "When Carlos Ghosn was arrested on his jet, Nissan removed him": the clause has its own
    main = top.head
    for c in later:
        h = doc[c.head]
        if _is_subject(h) and h.head.i == main.i and c.start > pron.idx and h.i > max(t.i for t in top.subtree):
            return c
    return None


def _could_be_meant(subject: Token) -> bool:
    """Whether a clause subject could be whom a he/she pronoun after it stands for: not "we", "you", "it",
    "there", nor a plural ("While we most remember him for ..., Mr. Henry"; "from the voters who deserted her
    ..., Hillary Clinton won")."""
    low = subject.lower_
    if low in FIRST_PERSON or low in SECOND_PERSON or low in ("it", "there", "they"):
        return False
    if low in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head
    return subject.tag_ not in ("NNS", "NNPS")


def _asked(pron: Token, ante: Token) -> bool:
    """Whether a subject pronoun is in a question put to ``ante``, the object of a verb of asking ("asked
    Clinton how she feels", "asked Biden whether he would run", "pressed him on whether he")."""
    clause = pron.head
    if pron.dep_ not in SUBJECT_DEPS or not (clause.dep_ == "ccomp" or (clause.dep_ == "advcl" and any(
            k.dep_ == "mark" and k.lower_ in ("if", "whether") for k in clause.children))):
        return False  # (the parser may hang "asked X if she ..." on the verb as an adverbial clause)
    gov = clause.head
    if ante.dep_ == "appos":
        ante = ante.head
    return gov.lemma_ in ASK_VERBS and ante.dep_ in ("dobj", "obj") and ante.head.i == gov.i


def _census_hints(info: dict[str, tuple[str, str, str]], genders: dict[str, str], lex) -> dict[str, str]:
    """Actor -> the gender the Census table gives the given name opening its full name, for persons with no
    known gender whose given name ``first_names.csv`` does not list (it wins, blank included)."""
    out = {}
    for a, (name, label, _) in info.items():
        words = name.split()
        if a not in genders and label == "person" and len(words) >= 2 and words[0] not in lex.first_names:
            g = lex.name_genders.get(words[0], "")
            if g:
                out[a] = g
    return out


def _local_subjects(pron: Token) -> set[int]:
    """Token indices of whoever the nearest clause above a subject pronoun is about: the subject of a clause
    put before the pronoun's own ("if Streep is concerned, she should"), else the subject of the nearest
    clause above that has one other than the pronoun (a relative pronoun stands for its noun), the one
    asked by a verb of asking ("asked Clinton how she feels"), or the controller of a clause with no subject
    ("chastised Mueller for saying that he couldn't"); empty after six steps."""
    t, seen = pron, 0
    while t.head.i != t.i and seen < 6:
        t, seen = t.head, seen + 1
        if t.pos_ not in ("VERB", "AUX"):
            continue
        if seen == 1:
            lead = {s.i for a in t.children if a.dep_ == "advcl" and a.i < pron.i for s in a.children
                    if s.dep_ in SUBJECT_DEPS or s.dep_ in PASSIVE_SUBJECT_DEPS}  # fmt: skip
            if lead:
                return lead
            continue
        if t.lemma_ in ASK_VERBS:
            asked = {c.i for c in t.children if c.dep_ in ("dobj", "dative")}
            if asked:
                return asked
        subj = [c for c in _controllers(t) if c.i != pron.i]
        if subj:
            return {(t.head.i if c.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl" else c.i) for c in subj}
    return set()


def _leading_clause_subject(doc, pron: Token, ante: Token) -> bool:
    """Whether ``ante`` is the subject of an adverbial clause that comes before a subject pronoun and hangs
    on the pronoun's own verb: that clause sets the topic ("if Streep is truly concerned ..., she should
    speak out"; "When Merkel met Macron, she said ...")."""
    if pron.dep_ not in SUBJECT_DEPS or ante.dep_ not in SUBJECT_DEPS or ante.i > pron.i:
        return False
    clause = ante.head
    return clause.dep_ == "advcl" and clause.head.i == pron.head.i and clause.i < pron.i


def _in_subject(pron: Token) -> bool:
    """Whether a possessive sits in the main clause's subject ("Her primary opponent ... portray Mrs.
    Clinton"): it does not command the rest of the sentence, so it may stand for a name that comes later."""
    if pron.dep_ != "poss":
        return False
    t, seen = pron.head, 0
    while t.dep_ not in SUBJECT_DEPS and t.head.i != t.i and t.dep_ != "ROOT" and seen < 6:
        t, seen = t.head, seen + 1
    return t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT"


def _forward(pron: Token, gender: str, later: list[Candidate], genders: dict[str, str]) -> Candidate | None:
    """The one person named later in the sentence whose known gender is the pronoun's, for a possessive in
    the main subject with no referent before it; none when two could be meant."""
    if gender not in ("male", "female") or not _in_subject(pron):
        return None
    fits = {c.actor_id: c for c in later if genders.get(c.actor_id) == gender}
    return next(iter(fits.values())) if len(fits) == 1 else None
