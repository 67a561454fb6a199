"""Who does what to whom: the agents and patients of a cue, read on the dependency parse.

A :class:`Frame` is one sentence of the parsed document with the entities (actor mentions) stance is
read between. Grammar does the work (ClearNLP labels, as ``en_core_web_sm`` assigns them):

* **verbs**: the agent is the subject (``nsubj``), or for a passive the ``by`` phrase (``agent``); the
  patient is the object (``dobj``, ``dative``), a patient preposition's object ("lashed out at Y",
  "sided with Y"), or for a passive the subject. A verb without a subject of its own takes it from the
  verb it depends on: an infinitive ("X wants to attack Y"; "urged Y to attack Z", object control), a
  coordinated verb ("X rips Y and slams Z"), a participle clause ("Declaring Y a thug, X said"; "injured
  after being attacked by X"), a participle on a noun ("protesters demanding"; "sanctions imposed by X");
* **nouns**: the agent is the possessor ("Russia's invasion of Ukraine"), a ``by``/``from`` phrase, an
  entity compound or adjective ("US sanctions"), or the subject of a support verb ("X imposed sanctions",
  ``light`` in ``stance_roles.csv``); the patient a preposition's object ("sanctions on Y", "talks with
  Y", "support for Y"), or for a noun that is received ("X faced criticism from Y", ``receive``) the
  subject of the receiving verb; for ``undergoer`` nouns ("Y's arrest", "Trump impeachment") the
  possessor or compound is the patient;
* **agentive** nouns name the agent ("critic of Y", "Y's supporters"): the noun's own mention, the
  subject of a copula ("X is a critic of Y") or the noun an apposition describes;
* every role spreads over **coordination** ("Barr and Ross refused"), passes through **relative
  pronouns** to their antecedent ("Lam, who is supported by Beijing"), through appositions and
  quantities ("a number of journalists") to an entity, and through a speaker noun ("a spokesman for Y")
  to the body it speaks for. A first person inside a quotation is the quotation's speaker.

When a patient is no entity, its **owner** stands for it: the possessor, an entity compound or an
``of``/``by``/``from``/``between`` phrase ("criticized the House's decision", "denounced the conclusions of
the summit", "dismissed the claim from Berlin") — except for nouns of people tied to the owner
("X's son", ``person`` in ``stance_roles.csv``), who are someone else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from helpers.stance.cues import Lexicon, Match, load_lexicon
from helpers.text import words as W

#: An agent that is no entity acts for the entity that owns it ("[Muslim] groups", "the leader of [X]");
#: chosen on DSE train.tsv and the gold development articles.
AGENT_OWNERS = True


@dataclass(frozen=True)
class Entity:
    """An actor mention stance is read between: actor id and name, ``[start, end)`` in the article.

    ``start == end == -1`` marks an entity with no mention in the sentence (the speaker of a quotation
    named in an earlier sentence).
    """

    actor_id: str
    name: str
    start: int
    end: int


@dataclass
class Frame:
    """One sentence (or span) of the parsed document with its entities and who owns each token.

    Attributes:
        span: the sentence.
        entities: the entities, in order; roles are returned as indices into this list.
        owner: document token index -> entity index, for every token of an entity's mention.
        speaker_at: the entity index speaking at a character offset (inside a quotation), or None.
        lexicon: the cue lexicon and stance word classes.
    """

    span: Span
    entities: list[Entity]
    owner: dict[int, int] = field(default_factory=dict)
    speaker_at: Callable[[int], int | None] = field(default=lambda _: None)
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


def _unique(items: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------- what a token refers to


def refers(frame: Frame, tok: Token, *, conjuncts: bool = True, depth: int = 0) -> list[int]:
    """The entities a role-bearing token stands for (empty when it names none), its conjuncts included."""
    found = _refers_one(frame, tok, depth)
    if conjuncts:
        for c in tok.conjuncts:
            found += _refers_one(frame, c, depth)
        for c in tok.children:  # "Republicans, including Senator John McCain", "Republicans such as X"
            if c.dep_ == "prep" and (c.lower_ in W.INCLUSIVE_PREPOSITIONS or _such_as(c)):
                found += [k for p in c.children if p.dep_ == "pobj" for k in refers(frame, p, depth=depth + 1)]
    return _unique(found)


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
    subj = predicate_subject(tok)  # "Hamas is a group which attacked Y", "X is one of four banks that Y sued"
    if subj is not None:
        return refers(frame, subj, depth=depth + 1)
    if low in W.PRONOUNS and tok.dep_ in W.SUBJECT_DEPS:
        speaker = _reporting_subject(frame, tok)
        if speaker:
            return speaker
    if _speaker_noun(tok):  # "a spokesman for Y", "Russian officials", "Y's government"
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in frame.owner:
                return [frame.owner[c.i]]
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
                return [frame.owner[p.i] for p in c.children if p.dep_ == "pobj" and p.i in frame.owner]
    return []


def predicate_subject(tok: Token) -> Token | None:
    """The subject a predicate noun describes: "[Hamas] is a group", "[X] is one of four banks"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in W.QUANTITY_HEADS:
        tok = tok.head.head
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        return subj[0] if subj else None
    return None


def _reporting_subject(frame: Frame, pron: Token) -> list[int]:
    """The speaker a pronoun subject of reported speech refers to: "Kirk said he wouldn't support Y"."""
    verb = pron.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in frame.lexicon.speech:
        return []
    subj = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i != pron.i]
    return agent_entities(frame, subj)


def _speaker_noun(tok: Token) -> bool:
    """An official-type noun that speaks for a modifying actor (``speaker_nouns.csv``, read by the quotes
    stage): "officials", "a spokesman", "the leader"."""
    from helpers.actors.quotes import load_speech_lexicon

    nouns = load_speech_lexicon().speaker_nouns
    lemma = tok.lemma_.lower()
    return tok.lower_ in nouns or lemma in nouns or lemma + "s" in nouns


def antecedent(rel: Token) -> Token | None:
    """The noun a relative pronoun refers to: the head of its relative clause ("Lam, who is supported")."""
    for anc in [rel, *rel.ancestors]:
        if anc.dep_ in ("relcl", "acl") and anc.i != rel.i:
            return anc.head
    return None


#: Prepositions of the body an apposition's person belongs to ("X, director at [Y]", "a spokesman for [Y]").
APPOSITION_PREPOSITIONS = ("of", "at", "for", "with", "from")


def owners(frame: Frame, tok: Token, depth: int = 0, preps: Iterable[str] = W.OWNER_PREPOSITIONS) -> list[int]:
    """The entities a non-entity noun belongs to: possessor, entity compound, or of/by/from/between phrase.

    "the House's decision", "a Trump lawsuit", "the conclusions of the summit", "the claim from Berlin",
    "the agreement between Turkey and Libya". Nouns of people tied to the owner ("X's son") have none.
    """
    if depth > 2 or tok.i in frame.owner or tok.lemma_.lower() in frame.lexicon.words("person"):
        return []
    if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    kids = list(tok.children)
    for deps in (("poss",), ("compound", "amod", "nmod")):
        found = [k for c in kids if c.dep_ in deps for k in refers(frame, c, conjuncts=True)]
        if not found:  # "[Turkish] President Tayyip Erdogan", "the [Harris County] attorney's office"
            found = [k for c in kids if c.dep_ in deps and c.dep_ in ("compound", "poss") and c.pos_ != "PRON"
                     for k in owners(frame, c, depth + 1, ())]  # fmt: skip
        if found:
            return _unique(found)
    gov = governor(tok)  # "X sent the police a plan ..., which they rejected": a message is its sender's
    if tok.lemma_.lower() in frame.lexicon.words("message") and tok.dep_ == "dobj" and gov is not None:
        found = agent_entities(frame, verb_agents(gov, frame.lexicon))
        if found:
            return found
    for c in kids:  # "an exemption sought by the Church", "the plan proposed by X"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found = [k for a in c.children if a.dep_ == "agent" for p in _pobjs(a) for k in refers(frame, p)]
            if found:
                return _unique(found)
    for prep in preps:
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == prep:
                objs = [p for p in c.children if p.dep_ == "pobj"]
                found = [k for p in objs for k in refers(frame, p)]
                if not found and prep == "of":
                    found = [k for p in objs for k in owners(frame, p, depth + 1)]
                if found:
                    return _unique(found)
    return []


def entities(frame: Frame, tokens: Iterable[Token], *, proxy: bool = True) -> list[int]:
    """The entities of role tokens: what each refers to, else (with ``proxy``) its owners."""
    out: list[int] = []
    for tok in tokens:
        found = refers(frame, tok)
        if not found and proxy:
            found = owners(frame, tok)
            if not found:
                found = [k for c in tok.conjuncts for k in owners(frame, c)]
        out += found
    return _unique(out)


def _definite_title(tok: Token) -> bool:
    """A definite description by a title ("the leader", "the unpopular president"): it refers back."""
    from helpers.actors.lexicon import load_lexicon as actor_lexicon

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


# --------------------------------------------------------------------------- verbs


def is_passive(verb: Token) -> bool:
    """A passive verb: with a passive subject or auxiliary, a ``by`` agent, or a participle on a noun."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"nsubjpass", "csubjpass", "auxpass", "agent"}:
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and not deps & {"nsubj", "dobj"} and is_passive(verb.head)


def subject(verb: Token, lexicon: Lexicon | None = None, depth: int = 0) -> list[Token]:
    """The grammatical subject of a verb (active or passive), taken from the verb it depends on if it has none."""
    if depth > 5:
        return []
    own = [c for c in verb.children if c.dep_ in W.SUBJECT_DEPS | W.PASSIVE_SUBJECT_DEPS]
    if own:
        return own
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return []
    lex = lexicon or load_lexicon()
    if dep == "xcomp":  # "X wants to attack", "urged Y to attack" (object control), "was quick to attack"
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if objects and head.lemma_.lower() in lex.words("control"):
            return objects
        return subject(head, lex, depth + 1) if head.pos_ in ("VERB", "AUX", "ADJ") else []
    if dep in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
        return subject(head, lex, depth + 1)
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        return subject(head, lex, depth + 1)
    if dep == "advcl" and head.pos_ in ("VERB", "AUX"):
        objects = [c for c in head.children if c.dep_ == "dobj"]  # "a video shows X threatening Y"
        if objects and verb.tag_ == "VBG" and head.lemma_.lower() in lex.words("control"):
            return objects
        return subject(head, lex, depth + 1)
    if dep == "relcl" or (dep in ("acl", "amod") and head.pos_ in ("NOUN", "PROPN", "PRON")):
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "a speech of the election attacking Y": the participle is the speech's
        gov = governor(head)  # "X released an ad attacking Y": a message speaks for whoever issues it
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        issued = head.lemma_.lower() in lex.words("message") or (infinitive and dep == "acl")
        if issued and gov is not None and head.dep_ in ("dobj", "pobj"):  # "X has the chance to negotiate"
            return subject(gov, lex, depth + 1)
        return [head]  # "protesters demanding ...", "sanctions imposed by ..."
    if dep == "pcomp" and head.dep_ == "prep":  # "injured after being attacked", "went back to condemning"
        gov = head.head
        while gov.pos_ in ("ADV", "ADP") and gov.head.i != gov.i:
            gov = gov.head
        return subject(gov, lex, depth + 1) if gov.pos_ in ("VERB", "AUX") else []
    return []


def _pobjs(prep: Token) -> list[Token]:
    """A preposition's objects; for a clause misread as its complement ("with [Putin] to bring"), its subject."""
    out = []
    for p in prep.children:
        if p.dep_ == "pobj":
            out.append(p)
        elif p.dep_ == "pcomp":
            subj = [c for c in p.children if c.dep_ == "nsubj"] if p.pos_ in ("VERB", "AUX") else []
            out += subj or [p]
    return out


def verb_agents(verb: Token, lexicon: Lexicon | None = None) -> list[Token]:
    """Agent tokens of a verb: the ``by`` phrase of a passive, else the subject."""
    if is_passive(verb):
        return [p for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)]
    return subject(verb, lexicon)


def verb_patients(verb: Token, match: Match | None = None, lexicon: Lexicon | None = None,
                  preps: frozenset[str] = W.VERB_PATIENT_PREPOSITIONS) -> list[Token]:  # fmt: skip
    """Patient tokens of a verb: the subject of a passive; else objects and patient prepositions' objects.

    A phrase ending in a preposition ("lash out at", "fire at", "hold in contempt") takes that
    preposition's object. A relative clause with no object of its own ("the plan X proposed") has the
    noun it modifies as its object.
    """
    if is_passive(verb):
        return subject(verb, lexicon)
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out += _pobjs(c)
        if c.dep_ == "prt":  # "spoke out against": the preposition may hang on the particle
            out += [p for g in c.children if g.dep_ == "prep" and g.lower_ in preps for p in _pobjs(g)]
    if match is not None and len(match.tokens) > 1:
        last = verb.doc[match.tokens[-1]]
        if last.dep_ == "prep" or last.pos_ == "ADP":
            out += _pobjs(last)
        else:  # "hold X in contempt": the object before the phrase's preposition
            out += [c for c in last.children if c.dep_ in ("dobj",)]
    if not out and verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in verb.children):
        out = [verb.head] if subject(verb, lexicon) else []
    lex = lexicon or load_lexicon()
    if not out and verb.lemma_.lower() not in lex.speech | lex.words("label"):
        # "X endorsed [Y and Z crashed]": an object misread as the subject of a clause
        out = [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
    return list(dict.fromkeys(out))


def partners(verb: Token) -> list[Token]:
    """Objects of a "with"/"between" phrase anywhere in a reciprocal verb's clause, past its topic phrases
    ("negotiate on Ukraine War issues with the United States")."""
    out: list[Token] = []
    stack = list(verb.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis"):
            continue
        if t.dep_ == "prep" and t.lower_ in ("with", "between", "among"):
            out += _pobjs(t)
        stack += list(t.children)
    return out


def complement_patients(verb: Token, cue_heads: set[int], lexicon: Lexicon | None = None) -> list[Token]:
    """Patients of a verb's infinitive when the verb has none and the infinitive is no cue of its own:
    "refused to hand over the documents to the committee", "threatened to close Y's embassy"."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i not in cue_heads and c.pos_ == "VERB":
            return verb_patients(c, None, lexicon)
    return []


# --------------------------------------------------------------------------- nouns and adjectives


def _prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    preps = set(preps)
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in _pobjs(c)]


def governor(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition ("responded to Y's attacks")."""
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj"):
        return noun.head if noun.head.pos_ in ("VERB", "AUX") else None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        container = noun.head.head  # "unleashed a barrage of insults", "launched a series of attacks"
        return governor(container) if container.dep_ in ("dobj", "nsubjpass") else None
    return None


def noun_agents(frame: Frame, noun: Token, note: str) -> list[int]:
    """Entities acting in a cue noun: possessor, by/from phrase, entity modifier, or a support verb's subject."""
    lex = frame.lexicon
    kids = list(noun.children)
    if note != "undergoer":
        found = entities(frame, [c for c in kids if c.dep_ == "poss"], proxy=False)
        if found:
            return found
    found = entities(frame, _prep_objects(noun, W.NOUN_AGENT_PREPOSITIONS), proxy=False)
    if found:
        return found
    for c in kids:  # "sanctions imposed by the EU on Russia"
        if c.dep_ == "acl" and is_passive(c):
            found = entities(frame, verb_agents(c, lex), proxy=False)
            if found:
                return found
    if note != "undergoer":
        found = [frame.owner[c.i] for c in kids if c.dep_ in ("compound", "amod", "nmod") and c.i in frame.owner]
        if found:
            return _unique(found)
    gov = governor(noun)
    if gov is not None and noun.dep_ in ("dobj", "pobj") and gov.lemma_.lower() in lex.words("light"):
        return agent_entities(frame, verb_agents(gov, lex))
    if gov is not None and gov.lemma_.lower() in lex.words("receive"):  # "was met with applause from X"
        tokens = _prep_objects(gov, W.NOUN_AGENT_PREPOSITIONS)
        return entities(frame, tokens, proxy=False)
    return []


def noun_patients(frame: Frame, noun: Token, note: str,
                  preps: frozenset[str] = W.NOUN_PATIENT_PREPOSITIONS) -> list[int]:  # fmt: skip
    """Entities a cue noun is aimed at: a preposition's object, a participle's, or an undergoer's possessor."""
    lex = frame.lexicon
    tokens = _prep_objects(noun, preps)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        tokens += _prep_objects(noun.head.head, preps - {"of"})  # "a barrage of insults against Y"
    gov = governor(noun)
    if gov is not None and noun.dep_ == "dobj" and gov.lemma_.lower() in lex.words("light"):
        tokens += _prep_objects(gov, preps - {"of"})  # "offered praise for Y", "launched attacks on Y"
        tokens += [c for c in gov.children if c.dep_ == "dative"]  # "wrote Y an arrest order"
    for c in noun.children:  # "sanctions directed against Russia"
        if c.dep_ == "acl":
            tokens += verb_patients(c, None, lex) if not is_passive(c) else _prep_objects(c, preps)
    if note == "undergoer":
        tokens += [c for c in noun.children if c.dep_ in ("poss", "compound")]
    return entities(frame, tokens)


def received_by(frame: Frame, noun: Token) -> list[int]:
    """The subject of the verb that receives a cue noun ("X faced criticism", "X responded to Y's attacks")."""
    gov = governor(noun)
    if gov is None or gov.lemma_.lower() not in frame.lexicon.words("receive"):
        return []
    return agent_entities(frame, subject(gov, frame.lexicon))


def agentive_roles(frame: Frame, noun: Token) -> tuple[list[int], list[int]]:
    """Agent and patients of a noun that names its agent: "X, a critic of Y", "Y's supporters", "Trump critics"."""
    if noun.i in frame.owner:
        agents = [frame.owner[noun.i]]
    elif noun.dep_ in ("attr", "acomp") and noun.head.pos_ in ("VERB", "AUX"):
        agents = agent_entities(frame, subject(noun.head, frame.lexicon))
    elif noun.dep_ == "appos" or (noun.dep_ == "compound" and noun.head.i in frame.owner):
        agents = refers(frame, noun.head)
    else:
        agents = refers(frame, noun)
    if not agents:  # "X is an ardent Y supporter" (the predicate noun misread): the copula's subject
        path = [noun, *noun.ancestors]
        verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_ == "be" and any(t.dep_ == "attr" for t in path):
            agents = agent_entities(frame, subject(verb, frame.lexicon))
    tokens = _prep_objects(noun, ("of", "to", "for"))
    tokens += [c for c in noun.children if c.dep_ in ("poss", "compound")]
    return agents, [k for k in entities(frame, tokens) if k not in agents]


def adjective_roles(frame: Frame, adj: Token, match: Match) -> tuple[list[int], list[int]]:
    """Agent and patients of an adjective cue: "X is critical of Y", "X was angry at Y"."""
    if adj.dep_ in ("acomp", "attr", "xcomp", "ccomp") and adj.head.pos_ in ("VERB", "AUX"):
        agents = agent_entities(frame, subject(adj.head, frame.lexicon))
    elif adj.dep_ == "amod":
        agents = refers(frame, adj.head)
    else:
        agents = []
    tokens = _prep_objects(adj, W.ADJECTIVE_PATIENT_PREPOSITIONS)
    last = adj.doc[match.tokens[-1]]
    if last.i != adj.i and last.pos_ == "ADP":
        tokens += _pobjs(last)
    return agents, [k for k in entities(frame, tokens) if k not in agents]


# --------------------------------------------------------------------------- a cue's roles


@dataclass(frozen=True)
class Roles:
    """Who does (``agents``) and who undergoes (``patients``) a cue, as entity indices; ``group`` holds the
    parties of a reciprocal act named together ("talks between X and Y", "X and Y met")."""

    agents: tuple[int, ...] = ()
    patients: tuple[int, ...] = ()
    group: tuple[int, ...] = ()


def roles(frame: Frame, match: Match, cue_heads: set[int]) -> Roles:
    """Agents, patients and reciprocal group of a cue that is no marker (see the module docstring)."""
    head, entry = match.head, match.entry
    lex = frame.lexicon
    if entry.note == "agentive":
        agents, patients = agentive_roles(frame, head)
        return Roles(tuple(agents), tuple(patients))
    if entry.note == "recipient":  # "X drew fire from Y", "X won the endorsement of Y"
        tokens = [t for i in match.tokens for t in _prep_objects(head.doc[i], ("of", "from", "by"))]
        agents = entities(frame, tokens, proxy=False)
        patients = agent_entities(frame, subject(head, lex)) if head.pos_ in ("VERB", "AUX") else []
        return Roles(tuple(agents), tuple(k for k in patients if k not in agents))
    if head.pos_ in ("NOUN", "PROPN") or (entry.pos == "N" and head.pos_ not in ("VERB", "ADJ")):
        agents = noun_agents(frame, head, entry.note)
        patients = [k for k in noun_patients(frame, head, entry.note) if k not in agents]
        last = head.doc[match.tokens[-1]]
        if not patients and last.i != head.i:  # "use of force against Y": the phrase's last word takes it
            patients = [k for k in entities(frame, _prep_objects(last, W.NOUN_PATIENT_PREPOSITIONS) + _pobjs(last))
                        if k not in agents]  # fmt: skip
        if agents and not patients and not _prep_objects(head, W.NOUN_PATIENT_PREPOSITIONS):
            patients = [k for k in received_by(frame, head) if k not in agents]  # not "X's attacks on Z"
        if patients and not agents and entry.note != "undergoer":  # "its attacks on Y"
            agents = pronoun_antecedent(frame, [c for c in head.children if c.dep_ == "poss"], patients)
        group = entities(frame, _prep_objects(head, ("between", "among")), proxy=False)
        return Roles(tuple(agents), tuple(patients), tuple(group))
    if head.pos_ == "ADJ" or entry.pos == "A":
        agents, patients = adjective_roles(frame, head, match)
        return Roles(tuple(agents), tuple(patients))
    if head.pos_ not in ("VERB", "AUX"):
        tokens = _pobjs(head) if head.pos_ == "ADP" else []  # "in support of Y": the phrase's preposition
        gov = head.head
        agents = agent_entities(frame, verb_agents(gov, lex)) if gov.pos_ in ("VERB", "AUX") else []
        last = head.doc[match.tokens[-1]]
        patients = entities(frame, _pobjs(last) if last.pos_ == "ADP" else tokens)
        return Roles(tuple(agents), tuple(k for k in patients if k not in agents))
    if head.dep_ == "amod" and not is_passive(head):
        return Roles()  # "racially charged rumors": a participle describing a noun is no act
    agent_tokens = verb_agents(head, lex)
    agents = agent_entities(frame, agent_tokens)
    patient_tokens = verb_patients(head, match, lex)
    if not patient_tokens:
        patient_tokens = complement_patients(head, cue_heads, lex)
    patients = [k for k in entities(frame, patient_tokens) if k not in agents]
    if not patients and entry.note == "reciprocal":  # "negotiate on Ukraine War issues with [Y]"
        patients = [k for k in entities(frame, partners(head), proxy=False) if k not in agents]
    if agents and not patients:
        patients = pronoun_antecedent(frame, patient_tokens, agents)
    if patients and not agents:
        agents = pronoun_antecedent(frame, agent_tokens, patients)
    if agents and not patients and frame.bare:
        patients = [k for k in clause_entities(frame, head) if k not in agents]
    if patients and not agents and frame.bare:
        agents = [k for t in agent_tokens for k in _subtree_entities(frame, t) if k not in patients]
    group = entities(frame, _prep_objects(head, ("between", "among")), proxy=False)
    return Roles(tuple(agents), tuple(patients), tuple(group))


def _subtree_entities(frame: Frame, tok: Token) -> list[int]:
    """Entities anywhere below a token, not inside clauses of their own."""
    out = []
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in frame.owner:
            out.append(frame.owner[t.i])
        stack += [c for c in t.children if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "conj")
                  and not (c.dep_ == "prep" and c.lower_ in W.LOCATIVE_PREPOSITIONS)]  # fmt: skip
    return _unique(out)


def clause_entities(frame: Frame, verb: Token) -> list[int]:
    """Entities anywhere below a verb's objects and prepositional phrases (not its subject, not inside
    clauses of their own): the fallback patients of a bare frame whose parse hid them."""
    out: list[int] = []
    stack = [c for c in verb.children if c.dep_ in ("dobj", "prep", "dative", "attr", "oprd")]
    while stack:
        t = stack.pop()
        if t.i in frame.owner:
            out.append(frame.owner[t.i])
        stack += [c for c in t.children if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "conj", "appos")
                  and not (c.dep_ == "prep" and c.lower_ in W.LOCATIVE_PREPOSITIONS - {"to", "at", "toward",
                                                                                     "towards", "into"})]  # fmt: skip
    return _unique(out)


def cue_heads(matches: Iterable[Match]) -> set[int]:
    """Token indices of the cues' heads."""
    return {m.head.i for m in matches}
