"""What a token stands for: the entities (actor mentions) of a sentence and how a word reaches one.

A :class:`Frame` is one sentence of the parsed document with the entities stance is read between. A
role-bearing token refers to an entity when it is inside the entity's mention; otherwise through a
relative pronoun to its antecedent ("Lam, who is supported by Beijing"), through an apposition ("the
party's leader, Jeremy Corbyn"), a quantity ("a number of journalists"), a predicate noun ("Hamas is a
group which ..."), a speaker noun to the body it speaks for ("a spokesman for Y", "Russian officials"),
and over its conjuncts and "including"/"such as" members. A first person inside a quotation is the
quotation's speaker; a pronoun subject of reported speech its reporter ("Kirk said he ...").

When a role is no entity, its **owner** may stand for it (:func:`owners`): the possessor, an entity
compound or an ``of``/``by``/``from``/``between`` phrase ("criticized the House's decision", "denounced
the conclusions of the summit", "dismissed the claim from Berlin"), the agent of a participle ("an
exemption sought by the Church"), the sender of a message ("sent the police a plan") — never for nouns
of people with a will of their own ("X's son", ``person`` in ``stance_roles.csv``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from helpers.actors.lexicon import load_lexicon as actor_lexicon
from helpers.actors.quotes import load_speech_lexicon
from helpers.stance.cues import Lexicon, load_lexicon
from helpers.stance.syntax import antecedent, contrasted, governor, pobjs, predicate_subject, verb_agents
from helpers.text import words as W

#: An agent that is no entity acts for the entity that owns it ("[Muslim] groups", "the leader of [X]");
#: chosen on DSE train.tsv and the gold development articles.
AGENT_OWNERS = True


#: Prepositions of the body an apposition's person belongs to ("X, director at [Y]", "a spokesman for [Y]").
APPOSITION_PREPOSITIONS = ("of", "at", "for", "with", "from")


@dataclass(frozen=True)
class Entity:
    """An actor mention stance is read between: actor id and name, ``[start, end)`` in the article.

    ``start == end == -1`` marks an entity with no mention in the sentence (the speaker of a quotation
    named in an earlier sentence). ``target_only`` marks a mention that only qualifies a noun ("the
    Libyan ambassador", "a Libyan court"): what is done to the noun is done to it, but it does nothing (unless
    it issues the noun, a message: "a Trump lawsuit", :func:`helpers.stance.network.stance_events`).
    """

    actor_id: str
    name: str
    start: int
    end: int
    target_only: bool = False


@dataclass
class Frame:
    """One sentence (or span) of the parsed document with its entities and who owns each token.

    Attributes:
        span: the sentence.
        entities: the entities, in order; roles are returned as indices into this list.
        owner: document token index -> entity index, for every token of an entity's mention.
        speaker_at: the entity index speaking at a character offset (inside a quotation), or None.
        undergoer_of: the entity index an earlier sentence's act of that lemma was done to, or None.
        agent_of: the entity index who did an earlier sentence's act of that lemma, or None.
        parties_of: the entity indices of the parties to an earlier sentence's mutual act of that lemma.
        lexicon: the cue lexicon and stance word classes.
    """

    span: Span
    entities: list[Entity]
    owner: dict[int, int] = field(default_factory=dict)
    speaker_at: Callable[[int], int | None] = field(default=lambda _: None)
    #: The entity index of whom an earlier sentence said an act (by its lexicon lemma) was done to ("the
    #: impeachment" after "the House impeached Trump"), added when not mentioned here; else None.
    undergoer_of: Callable[[str], int | None] = field(default=lambda _: None)
    #: The entity index of who an earlier sentence said did an act (by its lexicon lemma): the agent of an
    #: agentless passive of the same act ("the House impeached Trump ... Clinton was impeached in 1998").
    agent_of: Callable[[str], int | None] = field(default=lambda _: None)
    #: The entity indices of the parties of an earlier sentence's cooperative mutual act (by its lexicon
    #: lemma): whom "the agreement" binds after "Turkey and Libya signed an agreement"; else empty.
    parties_of: Callable[[str], list[int]] = field(default=lambda _: [])
    #: The entity index of the article's one protester group ("protesters", "demonstrators"), added to the
    #: frame when asked for; whose the protests are when nobody is named ("suppress protests"); else None.
    protesters: Callable[[], int | None] = field(default=lambda: None)
    #: The entity index of the article's one group that does an act (by its lexicon lemma) nobody is named
    #: doing (``<lemma>_agent`` cues of ``actor_cues.csv``: "two suspects were arrested" by the police), added
    #: to the frame when asked for; else None.
    implied_agent: Callable[[str], int | None] = field(default=lambda _: None)
    #: The entity indices of the people last named together before a character offset ("Ross and Barr",
    #: "Biden and his team"; this sentence or the one before), added to the frame: whom a they/them/their the
    #: actors stage left unlinked stands for (one mention cannot stand for two); else empty.
    listed: Callable[[int], list[int]] = field(default=lambda _: [])
    lexicon: Lexicon = field(default_factory=load_lexicon)
    #: The entities are bare spans (:func:`helpers.stance.network.stance_between`), not the actor stage's
    #: mentions: pronouns and definite titles are guessed, and a role left empty by a misparse is filled
    #: from the clause (the pipeline's mentions already link what can be linked, and are not guessed at).
    bare: bool = False

    @classmethod
    def build(cls, span: Span, entities: list[Entity], lexicon: Lexicon | None = None, *,
              bare: bool = False) -> Frame:  # fmt: skip
        """A frame over ``span`` whose tokens are owned by the entity whose mention covers them (first wins)."""
        frame = cls(span, list(entities), lexicon=lexicon or load_lexicon(), bare=bare)
        doc = span.doc
        for k, e in enumerate(frame.entities):
            if e.start < 0:
                continue
            tokens = doc.char_span(e.start, e.end, alignment_mode="expand")
            for t in tokens if tokens is not None else ():
                frame.owner.setdefault(t.i, k)
        return frame

    def add_entity(self, entity: Entity) -> int:
        """The index of ``entity`` (an actor already present with the same id, else appended)."""
        for k, e in enumerate(self.entities):
            if e.actor_id == entity.actor_id:
                return k
        self.entities.append(entity)
        return len(self.entities) - 1

    def blocked(self) -> set[int]:
        """Token indices inside an entity's mention (no cue is read there)."""
        return set(self.owner)


def unique(items: Iterable[int]) -> list[int]:
    """The items in first-seen order, each once."""
    return list(dict.fromkeys(items))


def refers(frame: Frame, tok: Token, *, conjuncts: bool = True, depth: int = 0) -> list[int]:
    """The entities a role-bearing token stands for (empty when it names none), its conjuncts included."""
    found = _refers_one(frame, tok, depth)
    if conjuncts:
        for c in tok.conjuncts:
            if not contrasted(c):  # not "the Chess Club rather than [the Federation]"
                found += _refers_one(frame, c, depth)
        for c in tok.children:  # "Republicans, including Senator John McCain", "Republicans such as X"
            if c.dep_ == "prep" and (c.lower_ in W.INCLUSIVE_PREPOSITIONS or _such_as(c)):
                found += [k for p in c.children if p.dep_ == "pobj" for k in refers(frame, p, depth=depth + 1)]
            if c.dep_ == "relcl" and c.lemma_ == "include" and any(r.dep_ == "nsubj" and r.tag_ in ("WDT", "WP")
                                                                 for r in c.children):  # "critics, which include X"
                found += [k for p in c.children if p.dep_ == "dobj" for k in refers(frame, p, depth=depth + 1)]
        for c in _stray_such_as(tok):  # "Several countries have condemned Russia, such as France"
            found += [k for p in c.children if p.dep_ == "pobj" for k in refers(frame, p, depth=depth + 1)]
    return unique(found)


def _stray_such_as(subject: Token) -> list[Token]:
    """", such as X" that the parser hung on a singular noun later in the clause of a plural subject: its
    examples are the subject's ("Other Republicans have broken with Trump ..., such as Chris Christie")."""
    if subject.tag_ not in ("NNS", "NNPS") or subject.dep_ not in W.SUBJECT_DEPS:
        return []
    doc = subject.doc
    return [t for t in subject.head.subtree if t.i > subject.i and _such_as(t) and t.head.tag_ not in ("NNS", "NNPS")
            and doc[t.i - 2].text == "," and t.head.i != subject.i]  # fmt: skip


def _such_as(prep: Token) -> bool:
    return prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)


def _refers_one(frame: Frame, tok: Token, depth: int) -> list[int]:
    if depth > 3:
        return []
    if tok.i in frame.owner:
        return [frame.owner[tok.i]]
    low = tok.lower_
    if low in W.RELATIVE_PRONOUNS and tok.tag_ in ("WDT", "WP", "WP$"):
        ante = antecedent(tok)
        return refers(frame, ante, depth=depth + 1) if ante is not None else []
    if low in W.FIRST_PERSON:
        k = frame.speaker_at(tok.idx)
        return [k] if k is not None else []
    if low in W.THEY and tok.pos_ == "PRON":  # "hold Ross and Barr in contempt, citing their refusal"
        found = frame.listed(tok.idx)
        if found:
            return found
    if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"):
        return []
    for c in tok.children:  # "the party's leader, Jeremy Corbyn", "Samantha Power, [US] ambassador to the UN"
        if c.dep_ == "appos":  # "two officers, Commerce Secretary Ross and Attorney General Barr"
            found = refers(frame, c, depth=depth + 1) or owners(frame, c, depth + 1, APPOSITION_PREPOSITIONS)
            if found:
                return found
    if low in W.QUANTITY_HEADS or tok.lemma_.lower() in W.QUANTITY_HEADS or tok.pos_ == "NUM":
        for c in tok.children:  # "a number of journalists", "thousands of protesters", "members of the AL party"
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                return [k for p in objs for k in refers(frame, p, depth=depth + 1) or owners(frame, p, depth + 1)]
    held = _title_of_named(frame, tok)
    if held is not None:  # "Durbin and incoming chair of the House Intelligence Committee Adam Schiff questioned"
        return [held]
    subj = predicate_subject(tok)  # "Hamas is a group which attacked Y", "X is one of four banks that Y sued"
    if subj is not None:
        return refers(frame, subj, depth=depth + 1)
    if low in W.PRONOUNS and tok.dep_ in W.SUBJECT_DEPS:
        speaker = _reporting_subject(frame, tok)
        if speaker:
            return speaker
    if speaker_noun(tok) or _members(tok):  # "a spokesman for Y", "Russian officials", "Democratic members"
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in frame.owner:
                return [frame.owner[c.i]]
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
                return [frame.owner[p.i] for p in c.children if p.dep_ == "pobj" and p.i in frame.owner]
    return []


def _title_of_named(frame: Frame, tok: Token) -> int | None:
    """The person a title noun introduces through "of" and a body's name run into the person's ("chair of the
    House Intelligence Committee Representative Adam Schiff": one mention, named Adam Schiff), or None."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in actor_lexicon().title_words:
        return None
    text = tok.doc.text
    for p in (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
              if p.dep_ == "pobj" and p.i in frame.owner):
        e = frame.entities[frame.owner[p.i]]
        words = e.name.split()
        if len(words) >= 2 and text[e.start : e.end].endswith(e.name) and e.end - e.start > len(e.name):
            return frame.owner[p.i]
    return None


def _reporting_subject(frame: Frame, pron: Token) -> list[int]:
    """The speaker a pronoun subject of reported speech refers to: "Kirk said he wouldn't support Y", also in
    a quoted fragment ("Kirk said "he would never support" Y"); not in a whole quotation after a colon,
    where the speaker would say "I" ("Yu said: "... he fired a shot"")."""
    verb = pron.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in frame.lexicon.speech:
        return []
    if frame.speaker_at(pron.idx) is not None and _whole_quotation(pron):
        return []
    subj = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i != pron.i]
    return agent_entities(frame, subj)


def _whole_quotation(tok: Token) -> bool:
    """Whether the quotation holding ``tok`` is a speaker's own sentences, opened after a colon; not reported
    speech without quotation marks, nor a fragment quoted inside the reporting clause."""
    text, lo = tok.doc.text, tok.sent.start_char
    opening = max(text.rfind(mark, lo, tok.idx) for mark in ('"', "\u201c"))
    return opening >= 0 and text[lo:opening].rstrip().endswith(":")


def speaker_noun(tok: Token) -> bool:
    """An official-type noun that speaks for a modifying actor (``speaker_nouns.csv``, read by the quotes
    stage): "officials", "a spokesman", "the leader"."""
    nouns = load_speech_lexicon().speaker_nouns
    lemma = tok.lemma_.lower()
    return tok.lower_ in nouns or lemma in nouns or lemma + "s" in nouns


def _members(tok: Token) -> bool:
    """Plural members of an organisation (``member_noun`` cues): "Democratic members of the House" act as
    the Democrats, "members of the committee" as the committee."""
    return tok.tag_ == "NNS" and tok.lemma_.lower() in actor_lexicon().member_nouns


def owners(frame: Frame, tok: Token, depth: int = 0, preps: Iterable[str] = W.OWNER_PREPOSITIONS) -> list[int]:
    """The entities a non-entity noun belongs to: possessor, entity compound, or of/by/from/between phrase.

    "the House's decision", "a Trump lawsuit", "the conclusions of the summit", "the claim from Berlin",
    "the agreement between Turkey and Libya"; or, for a definite noun of a mutual act an earlier sentence
    named its parties to ("the agreement" after "Turkey and Libya signed an agreement"), those parties;
    for protests a hostile act is aimed at ("suppress protests"), the article's one protester group.
    Nouns of people tied to the owner ("X's son") have none, nor misfortunes ("the death of X",
    "the disappearance of the ship"): an act aimed at what befell someone is not aimed at them.
    """
    if depth > 2 or tok.i in frame.owner or tok.lemma_.lower() in frame.lexicon.words("person"):
        return []
    if tok.lower_ in frame.lexicon.words("misfortune") and tok.pos_ == "NOUN":
        return []  # "the FBI is investigating the death of George Floyd": what befell him, no act of his
    if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    kids = list(tok.children)
    for deps in (("poss",), ("compound", "amod", "nmod")):
        if deps[0] == "compound" and tok.lower_.endswith("ing") and tok.pos_ == "NOUN":
            continue  # "support Court packing": the court undergoes the packing, it does not own it
        if deps[0] == "compound" and tok.pos_ == "PROPN" and tok.lower_ in actor_lexicon().thing_heads:
            continue  # "the Eighteenth Amendment to the United States Constitution": a thing's name
        found = [k for c in kids if c.dep_ in deps for k in refers(frame, c, conjuncts=True)]
        if not found:  # "[Turkish] President Tayyip Erdogan", "the [Harris County] attorney's office"
            found = [k for c in kids if c.dep_ in deps and c.dep_ in ("compound", "poss") and c.pos_ != "PRON"
                     for k in owners(frame, c, depth + 1, ())]  # fmt: skip
        if found:
            return unique(found)
    gov = governor(tok)  # "X sent the police a plan ..., which they rejected": a message is its sender's
    lex = frame.lexicon
    if lex.protest_noun(tok.lemma_.lower()) and gov is not None and lex.hostile(gov.lemma_.lower(), pos="V"):
        k = frame.protesters()  # "the authorities have chosen to suppress protests": the protesters'
        return [k] if k is not None else []
    if tok.lemma_.lower() in frame.lexicon.words("message") and tok.dep_ == "dobj" and gov is not None:
        found = agent_entities(frame, verb_agents(gov, frame.lexicon))
        if found:
            return found
    for c in kids:  # "an exemption sought by the Church", "the plan proposed by X"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found = [k for a in c.children if a.dep_ == "agent" for p in pobjs(a) for k in refers(frame, p)]
            if found:
                return unique(found)
    for prep in preps:
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == prep:
                objs = [p for p in c.children if p.dep_ == "pobj"]
                found = [k for p in objs for k in refers(frame, p)]
                if not found and prep == "of":
                    found = [k for p in objs for k in owners(frame, p, depth + 1)]
                if found:
                    return unique(found)
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in W.DEFINITE_DETERMINERS for c in kids):
        return frame.parties_of(tok.lemma_.lower())  # "called the border agreement null and void"
    return []


def entities(frame: Frame, tokens: Iterable[Token], *, proxy: bool = True) -> list[int]:
    """The entities of role tokens: what each refers to, else (with ``proxy``) its owners."""
    out: list[int] = []
    for tok in tokens:
        found = refers(frame, tok)
        if not found and proxy:
            ante = antecedent(tok) if tok.lower_ in W.RELATIVE_PRONOUNS else None  # "China's system, which X"
            found = owners(frame, ante if ante is not None else tok)
            if not found:
                found = [k for c in tok.conjuncts for k in owners(frame, c)]
        out += found
    return unique(out)


def _definite_title(tok: Token) -> bool:
    """A definite description by a title ("the leader", "the unpopular president"): it refers back."""
    return (tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and tok.lemma_.lower() in actor_lexicon().title_words)  # fmt: skip


def pronoun_antecedent(frame: Frame, tokens: Iterable[Token], exclude: Iterable[int]) -> list[int]:
    """For a patient that is an unresolved third-person pronoun, or owned by one ("accused him of",
    "criticized his remarks"), the nearest entity before it that is not excluded (the agents).

    Only for bare frames (``Frame.bare``: the spans of :func:`helpers.stance.network.stance_between`); in an
    article the actors stage links the pronouns it can resolve, and a pronoun it left alone is not guessed.
    """
    if not frame.bare:
        return []
    skip = set(exclude)
    for tok in tokens:
        prons = [tok] if tok.pos_ == "PRON" else [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        if _definite_title(tok):  # "accused the unpopular leftist leader of despotism"
            prons = [tok]
        for pron in prons:
            if pron.i in frame.owner or (pron.lower_ not in W.PRONOUNS and pron.i != tok.i):
                continue
            if pron.lower_ in W.FIRST_PERSON:
                continue
            before = [k for k, e in enumerate(frame.entities) if 0 <= e.start < pron.idx and k not in skip]
            if before:
                return [max(before, key=lambda k: frame.entities[k].start)]
    return []


def agent_entities(frame: Frame, tokens: Iterable[Token]) -> list[int]:
    """The entities of agent tokens: what each refers to, else (:data:`AGENT_OWNERS`) the entity modifying it
    ("[Muslim] groups criticized Y", "the leader of [X] attacked Y")."""
    return entities(frame, tokens, proxy=AGENT_OWNERS)
