"""Who does what to whom: the agents and patients of a cue, read on the dependency parse.

* **verbs**: the agent is the subject (``nsubj``), or for a passive the ``by`` phrase (``agent``); the
  patient is the object (``dobj``, ``dative``), a patient preposition's object ("lashed out at Y",
  "sided with Y"), or for a passive the subject. A verb without a subject of its own takes it from the
  verb it depends on (:func:`helpers.stance.syntax.subject`): an infinitive ("X wants to attack Y";
  "urged Y to attack Z", object control), a coordinated verb ("X rips Y and slams Z"), a participle
  clause ("Declaring Y a thug, X said"; "injured after being attacked by X"), a participle on a noun
  ("protesters demanding"; "sanctions imposed by X"; "X released an ad attacking Y");
* **nouns**: the agent is the possessor ("Russia's invasion of Ukraine"), a ``by``/``from`` phrase, an
  entity compound or adjective ("US sanctions"), or the subject of a support verb ("X imposed sanctions",
  ``light`` in ``stance_roles.csv``); the patient a preposition's object ("sanctions on Y", "talks with
  Y", "support for Y"), or for a noun that is received ("X faced criticism from Y", ``receive``) the
  subject of the receiving verb; for ``undergoer`` nouns ("Y's arrest", "Trump impeachment") the
  possessor or compound is the patient, but a possessor is the agent when "of" names the patient ("the United
  States' killing of Qasem Soleimani"); a noun in a concessive phrase is aimed at its clause's subject
  ("despite police disapproval, protesters marched");
* **agentive** nouns name the agent ("critic of Y", "Y's supporters"): the noun's own mention, the
  subject of a copula ("X is a critic of Y") or the noun an apposition describes;
* what each role token stands for, and what owns it when it is no entity, is
  :mod:`helpers.stance.reference`'s question.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from helpers.stance.cues import Lexicon, Match, keys, load_lexicon
from helpers.stance.reference import (
    Frame,
    agent_entities,
    entities,
    pronoun_antecedent,
    refers,
    unique,
)
from helpers.stance.syntax import (
    governor,
    is_passive,
    misread_clause_subject,
    passive_infinitive,
    pobjs,
    prep_objects,
    subject,
    verb_agents,
)
from helpers.text import words as W
from helpers.text.document import inner_hyphen

#: Goldstein weight at or below which an agentless passive takes the agent an earlier sentence gave the same
#: act (:func:`_agentless`).
EARLIER_AGENT_MAX = -5.0
#: Cue categories of acts a court decides: whoever dismisses or rejects one ("a judge dismissed a Trump
#: lawsuit") is not its target.
DECIDED = frozenset({"lawsuit"})


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
    if not out:  # "appointed [Pedro Pierluisi] as secretary of state": a name the parser took for a predicate
        out = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]
    out += _named_after_object(verb, out)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out += pobjs(c)
        if c.dep_ == "prt":  # "spoke out against": the preposition may hang on the particle
            out += [p for g in c.children if g.dep_ == "prep" and g.lower_ in preps for p in pobjs(g)]
    if match is not None and len(match.tokens) > 1:
        last = verb.doc[match.tokens[-1]]
        if last.dep_ == "prep" or last.pos_ == "ADP":
            out += pobjs(last)
        else:  # "hold X in contempt": the object before the phrase's preposition
            out += [c for c in last.children if c.dep_ in ("dobj",)]
    if not out and verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in verb.children):
        out = [verb.head] if subject(verb, lexicon) else []
    lex = lexicon or load_lexicon()
    if not out and verb.lemma_.lower() not in lex.speech | lex.words("label"):
        # "X endorsed [Y and Z crashed]": an object misread as the subject of a clause; an accusation's
        # clause must say something hostile or evaluative ("alleged Y lied", not "alleged Y drank tea")
        accusing = match is not None and match.entry.cameo.startswith("112")
        out = [g for c in verb.children if c.dep_ == "ccomp" and (not accusing or _blames(c, lex))
               for g in c.children if g.dep_ == "nsubj"]
    return list(dict.fromkeys(out))


def _named_after_object(verb: Token, objects: list[Token]) -> list[Token]:
    """Names set after a comma behind a common-noun object, which the parser hung on the verb ("has impeached
    two presidents, Bill Clinton and Andrew Johnson"), or given it by a naming participle ("killed a woman named
    Heather Heyer"): who the object is."""
    nouns = [o for o in objects if o.pos_ == "NOUN"]
    naming = [c for o in nouns for c in o.children if c.dep_ == "acl" and c.lemma_.lower() in _NAMING_VERBS]
    words = [x for c in naming for x in c.children] + [p for c in naming for g in c.children
                                                       if g.dep_ == "prep" and g.lower_ == "as" for p in g.children]
    named = [x for x in words if x.dep_ in ("oprd", "dobj", "attr", "pobj") and x.pos_ == "PROPN"]  # "killed a
    # woman named Heather Heyer", "arrested a man identified as X"
    return named + [c for c in verb.children if c.dep_ in ("npadvmod", "appos") and c.pos_ == "PROPN" and nouns
                    and c.i > nouns[0].i and c.left_edge.i > 0 and verb.doc[c.left_edge.i - 1].text == ","]


#: Participles that give a common noun its name ("a woman named Heather Heyer", "a man identified as X").
_NAMING_VERBS = frozenset({"name", "call", "identify"})


def _blames(clause: Token, lex: Lexicon) -> bool:
    """Whether a clause holds a hostile or evaluative cue word ("Y lied", "Y had stolen", "Y was corrupt")."""
    return any(e.weight < 0 or e.note == "evaluative" for t in clause.subtree for k in keys(t)
               for e in lex.by_first.get(k, ()) if len(e.words) == 1)


def partners(verb: Token) -> list[Token]:
    """Objects of a "with"/"between" phrase anywhere in a reciprocal verb's clause, past its topic phrases
    ("negotiate on Ukraine War issues with the United States")."""
    out: list[Token] = []
    stack = list(verb.children)
    while stack:
        t = stack.pop()
        if t.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "pcomp"):
            continue  # not "signed an agreement, according to which a section between Crete and Cyprus ..."
        if t.dep_ == "prep" and t.lower_ in ("with", "between", "among"):
            out += pobjs(t)
        stack += list(t.children)
    return out


def each_on_their_own(verb: Token, n_agents: int) -> bool:
    """Whether coordinated subjects of a mutual verb each take a view of a third thing rather than one
    another: "with which Hawkins and La Riva agreed" (a "with" object that is no party), "La Riva, Hawkins,
    Blankenship, and Carroll all agreed that vaccines ..." (a view, held by three or more or by "all" or
    "each" of them). Two parties agreeing that or on something ("agreed on maritime borders") stay a pair."""
    if any(o.pos_ == "PRON" and o.tag_ in ("WDT", "WP") for o in prep_objects(verb, ("with",))):
        return True
    subjects = [x for c in verb.children if c.dep_ == "nsubj" for x in (c, *c.conjuncts)]
    quantified = any(c.lower_ in ("all", "each") and c.dep_ in ("appos", "advmod", "det", "nsubj")
                     for a in (verb, *subjects) for c in a.children)
    return any(c.dep_ == "ccomp" for c in verb.children) and (n_agents >= 3 or quantified)


def complement_patients(verb: Token, cue_heads: set[int], lexicon: Lexicon | None = None) -> list[Token]:
    """Patients of a verb's infinitive when the verb has none and the infinitive is no cue of its own:
    "refused to hand over the documents to the committee", "threatened to close Y's embassy"."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i not in cue_heads and c.pos_ == "VERB":
            return verb_patients(c, None, lexicon)
    return []


def noun_agents(frame: Frame, noun: Token, note: str) -> list[int]:
    """Entities acting in a cue noun: possessor, by/from phrase, entity modifier, or a support verb's subject."""
    lex = frame.lexicon
    kids = list(noun.children)
    if note != "undergoer" or prep_objects(noun, ("of",)):  # "the United States' killing of Qasem Soleimani":
        # the killer
        found = entities(frame, [c for c in kids if c.dep_ == "poss"], proxy=False)
        if found:
            return found
    preps = W.NOUN_AGENT_PREPOSITIONS | ({"of"} if noun.lemma_.lower() in lex.words("of_agent") else set())
    found = entities(frame, prep_objects(noun, preps), proxy=False)  # "the demands of the protesters"
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
            return unique(found)
    gov = governor(noun)
    if gov is not None and noun.dep_ in ("dobj", "pobj") and gov.lemma_.lower() in lex.words("light") \
            and not any(c.dep_ == "prep" and c.lower_ == "between" for c in kids):
        return agent_entities(frame, verb_agents(gov, lex))  # not "announced deals between Israel and Bahrain":
        # the parties are named
    if gov is not None and gov.lemma_.lower() in lex.words("receive"):  # "was met with applause from X"
        tokens = prep_objects(gov, W.NOUN_AGENT_PREPOSITIONS)
        return entities(frame, tokens, proxy=False)
    return []


def noun_patients(frame: Frame, noun: Token, note: str,
                  preps: frozenset[str] = W.NOUN_PATIENT_PREPOSITIONS) -> list[int]:  # fmt: skip
    """Entities a cue noun is aimed at: a preposition's object, a participle's, or an undergoer's possessor."""
    lex = frame.lexicon
    if noun.lemma_.lower() in lex.words("of_agent"):
        preps = preps - {"of"}  # "the demands of the protesters": theirs
    if note == "reciprocal":
        preps = preps - {"for"}  # "Biden's rivals for the Democratic Party's nomination": what they vie for
    tokens = prep_objects(noun, preps)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        tokens += prep_objects(noun.head.head, preps - {"of"})  # "a barrage of insults against Y"
    gov = governor(noun)
    if gov is not None and noun.dep_ == "dobj" and gov.lemma_.lower() in lex.words("light"):
        tokens += prep_objects(gov, preps - {"of"})  # "offered praise for Y", "launched attacks on Y"
        tokens += [c for c in gov.children if c.dep_ == "dative"]  # "wrote Y an arrest order"
    for c in noun.children:  # "sanctions directed against Russia", "sanctions targeting Russia"
        if c.dep_ == "acl" and is_passive(c):
            tokens += prep_objects(c, preps)
        elif c.dep_ == "acl":  # not "civil war leading up to X's presidency": a verb of no act reaches no patient
            tokens += [o for o in c.children if o.dep_ == "dobj"] if c.tag_ == "VBG" and not lex.one_word(
                c.lemma_.lower(), "V") else verb_patients(c, None, lex)  # ("refusal to disclose to Congress" reaches)
    if note == "undergoer":
        named_of = bool(prep_objects(noun, ("of",)))  # "X's arrest of Y": the possessor did it
        tokens += [c for c in noun.children if c.dep_ == "compound" or (c.dep_ == "poss" and not named_of)]
    return entities(frame, tokens)



def received_by(frame: Frame, noun: Token) -> list[int]:
    """The subject of the verb that receives a cue noun ("X faced criticism", "X responded to Y's attacks"),
    or of a copula whose predicate is a target of it ("Iran has been the target of Israeli attacks")."""
    container = _target_of(noun, frame.lexicon)
    if container is not None:
        return agent_entities(frame, subject(container.head, frame.lexicon))
    gov = governor(noun)
    if gov is None or gov.lemma_.lower() not in frame.lexicon.words("receive"):
        return []
    if noun.dep_ == "pobj" and noun.head.lower_ in W.TEMPORAL_PREPOSITIONS:  # "came to the UK after the war"
        return []
    return agent_entities(frame, subject(gov, frame.lexicon))


def _target_of(noun: Token, lex: Lexicon) -> Token | None:
    """The predicate noun a cue noun is the "of" object of ("the [target] of Israeli attacks"), or None."""
    container = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if container is not None and container.dep_ == "attr" and container.lemma_.lower() in lex.words("target_noun") \
            and container.head.lemma_ == "be":
        return container
    return None


def undergone(noun: Token, lex: Lexicon) -> bool:
    """Whether a cue noun is an act its clause's subject undergoes: the object of a ``receive`` verb or the
    "of" object of a ``target_noun`` ("Iran faced Israeli attacks", "has been the target of Israeli attacks")."""
    if not any(e.pos == "N" for k in keys(noun) for e in lex.by_first.get(k, ())):
        return False
    gov = governor(noun)
    return _target_of(noun, lex) is not None or (
        gov is not None and noun.dep_ == "dobj" and gov.lemma_.lower() in lex.words("receive"))


def defied_by(frame: Frame, noun: Token) -> list[int]:
    """The subject of a clause set against a cue noun ("despite police disapproval, [protesters] marched",
    "in the face of threats from X, [Y] never backs down"): whom the act was aimed at."""
    if noun.dep_ != "pobj":
        return []
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ in W.CONCESSIVE_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in the face of", "in spite of", "in defiance of"
    elif prep.lower_ not in W.CONCESSIVE_PREPOSITIONS:
        return []
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") and not any(c.dep_ in W.SUBJECT_DEPS for c in verb.children):
        return []  # ("never back down": "back" tagged as an adverb, with its subject)
    return agent_entities(frame, subject(verb, frame.lexicon))


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
    tokens = prep_objects(noun, ("of", "to", "for"))
    possessors = [c for c in noun.children if c.dep_ == "poss"]  # with one, a compound says what kind: "Biden's
    won = noun.lemma_.lower() in frame.lexicon.words("won_title")  # US Senate opponent" is Biden's; "an NBA
    tokens += possessors or [c for c in noun.children if c.dep_ == "compound" and not won]  # champion" won the NBA
    return agents, [k for k in entities(frame, tokens) if k not in agents]


def adjective_roles(frame: Frame, adj: Token, match: Match) -> tuple[list[int], list[int]]:
    """Agent and patients of an adjective cue: "X is critical of Y", "X was angry at Y"."""
    if adj.dep_ in ("acomp", "attr", "xcomp", "ccomp") and adj.head.pos_ in ("VERB", "AUX"):
        agents = agent_entities(frame, subject(adj.head, frame.lexicon))
    elif adj.dep_ == "amod":
        agents = refers(frame, adj.head)
    else:
        agents = []
    tokens = prep_objects(adj, W.ADJECTIVE_PATIENT_PREPOSITIONS)
    last = adj.doc[match.tokens[-1]]
    if last.i != adj.i and last.pos_ == "ADP":
        tokens += pobjs(last)
    return agents, [k for k in entities(frame, tokens) if k not in agents]


@dataclass(frozen=True)
class Roles:
    """Who does (``agents``) and who undergoes (``patients``) a cue, as entity indices; ``group`` holds the
    parties of a reciprocal act named together ("talks between X and Y", "X and Y met")."""

    agents: tuple[int, ...] = ()
    patients: tuple[int, ...] = ()
    group: tuple[int, ...] = ()


def roles(frame: Frame, match: Match, cue_heads: set[int]) -> Roles:
    """Agents, patients and reciprocal group of a cue that is no marker (see the module docstring).

    ``cue_heads`` holds the head tokens of the sentence's cues (an infinitive that is a cue of its own is
    read by itself, not as another cue's patient). Whoever an act is done "on behalf of" is one of its agents.
    """
    r = _cue_roles(frame, match, cue_heads)
    principals = _on_behalf_of(frame, match.head)
    if not principals or not r.agents:
        return r
    agents = r.agents + tuple(k for k in principals if k not in r.agents)
    return Roles(agents, tuple(k for k in r.patients if k not in principals), r.group)


def _on_behalf_of(frame: Frame, head: Token) -> list[int]:
    """Entities for whom the act at ``head`` (or at the verb whose object it is) is done: "filed the lawsuit
    against Y on behalf of the Senate" is the Senate's act too, and does nothing to it."""
    verbs = {head.i, head.head.i} if head.dep_ in ("dobj", "obj") else {head.i}
    tokens = [t for t in frame.span if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "behalf"
              and t.head.head.head.lower_ in ("on", "in") and t.head.head.head.head.i in verbs]
    return entities(frame, [w for t in tokens for w in (t, *(c for c in t.children if c.dep_ == "conj"))])


def _cue_roles(frame: Frame, match: Match, cue_heads: set[int]) -> Roles:
    """:func:`roles` before "on behalf of" (see there)."""
    head, entry = match.head, match.entry
    if entry.note == "agentive":
        agents, patients = agentive_roles(frame, head)
        return Roles(tuple(agents), tuple(patients))
    if entry.note == "recipient":
        return _recipient_roles(frame, match)
    if head.pos_ in ("NOUN", "PROPN") or (entry.pos == "N" and head.pos_ not in ("VERB", "ADJ")):
        return _noun_roles(frame, match)
    if head.pos_ == "ADJ" or entry.pos == "A":
        agents, patients = adjective_roles(frame, head, match)
        return Roles(tuple(agents), tuple(patients))
    if head.pos_ not in ("VERB", "AUX"):
        return _phrase_roles(frame, match)
    if (head.dep_ == "amod" and not is_passive(head)) or _misread_participle(head):
        return Roles()  # "racially charged rumors": a participle describing a noun is no act
    return _verb_roles(frame, match, cue_heads)


def _misread_participle(head: Token) -> bool:
    """Whether a gerund the parser hung on the "by" of a passive is a participle describing a bare plural
    ("Lam was interrupted by protesting legislators", "was greeted by cheering supporters"): no act of the
    passive's subject."""
    by = head.head
    return (head.tag_ == "VBG" and head.dep_ == "pcomp" and by.lower_ == "by" and is_passive(by.head)
            and any(c.dep_ == "dobj" and c.tag_ in ("NNS", "NNPS") and not any(d.dep_ == "det" for d in c.children)
                    for c in head.children))  # fmt: skip


def _recipient_roles(frame: Frame, match: Match) -> Roles:
    """"X drew fire from Y", "X won the endorsement of Y": the phrase's of/from/by object acts on the subject."""
    head = match.head
    tokens = [t for i in match.tokens for t in prep_objects(head.doc[i], ("of", "from", "by"))]
    agents = entities(frame, tokens, proxy=False)
    patients = agent_entities(frame, subject(head, frame.lexicon)) if head.pos_ in ("VERB", "AUX") else []
    return Roles(tuple(agents), tuple(k for k in patients if k not in agents))


def _noun_roles(frame: Frame, match: Match) -> Roles:
    """Roles of a cue noun (see :func:`noun_agents`, :func:`noun_patients`, :func:`received_by`)."""
    head, note = match.head, match.entry.note
    agents = noun_agents(frame, head, note)
    patients = [k for k in noun_patients(frame, head, note) if k not in agents]
    last = head.doc[match.tokens[-1]]
    if not patients and last.i != head.i:  # "use of force against Y": the phrase's last word takes it
        tokens = prep_objects(last, W.NOUN_PATIENT_PREPOSITIONS) + pobjs(last)
        patients = [k for k in entities(frame, tokens) if k not in agents]
    if agents and not patients and not prep_objects(head, W.NOUN_PATIENT_PREPOSITIONS) \
            and match.entry.category not in DECIDED:  # a judge who dismisses a lawsuit decides it
        patients = [k for k in received_by(frame, head) if k not in agents]  # not "X's attacks on Z"
    if agents and not patients:  # "despite police disapproval, protesters marched": aimed at the subject
        patients = [k for k in defied_by(frame, head) if k not in agents]
    if patients and not agents and note != "undergoer":  # "its attacks on Y"
        agents = pronoun_antecedent(frame, [c for c in head.children if c.dep_ == "poss"], patients)
    if not patients and match.entry.category == "protest":  # "the protests began after Y proposed a bill"
        patients = [k for k in provoked_by(frame, head) if k not in agents]
        k = frame.protesters() if patients and not agents else None
        agents = [k] if k is not None and k not in patients else agents
    group = entities(frame, prep_objects(head, ("between", "among")), proxy=False)
    if not group and note in ("reciprocal", "joint"):  # "the Turkish-Libyan agreement", "the US-China trade war"
        joined = entities(frame, _hyphen_chain(head), proxy=False)
        group = joined if len(joined) > 1 else []
    return Roles(tuple(agents), tuple(patients), tuple(group))


def _hyphen_chain(head: Token) -> list[Token]:
    """The words joined by hyphens before a noun ("Israeli-Cypriot-Greek partnership"): the parties named
    together in one modifier."""
    doc = head.doc
    for c in head.children:
        if c.i > head.i or c.dep_ not in ("amod", "compound", "nmod"):
            continue
        chain, i = [c], c.i
        while i >= 2 and inner_hyphen(doc, i - 1):
            chain.append(doc[i - 2])
            i -= 2
        if len(chain) > 1:
            return chain
    return []


def _phrase_roles(frame: Frame, match: Match) -> Roles:
    """A phrase headed by a preposition ("in support of Y"): the verb it hangs on acts; its last
    preposition's object undergoes."""
    head = match.head
    gov = head.head
    agents = agent_entities(frame, verb_agents(gov, frame.lexicon)) if gov.pos_ in ("VERB", "AUX") else []
    last = head.doc[match.tokens[-1]]
    tokens = pobjs(last) if last.pos_ == "ADP" else pobjs(head) if head.pos_ == "ADP" else []
    return Roles(tuple(agents), tuple(k for k in entities(frame, tokens) if k not in agents))


def _verb_roles(frame: Frame, match: Match, cue_heads: set[int]) -> Roles:
    """Roles of a cue verb; an empty role is filled, in this order, by a reciprocal partner phrase, a
    pronoun's antecedent, the earlier agent of a strong act's agentless passive (else the article's group
    that does such acts: its police for an arrest), the article's protester
    group for a protest with no actor protesting, and (bare frames only) the clause's other entities."""
    head, lex = match.head, frame.lexicon
    if match.entry.note == "reciprocal" and is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
        agents = agent_entities(frame, subject(head, lex))  # "the Houthis are allied with Iran": both parties
        partners_ = [k for k in entities(frame, partners(head), proxy=False) if k not in agents]
        if agents and partners_:
            return Roles(tuple(agents), tuple(partners_))
    agent_tokens = verb_agents(head, lex)
    agents = agent_entities(frame, agent_tokens)
    patient_tokens = verb_patients(head, match, lex)
    if not patient_tokens and match.entry.note != "reciprocal":  # "agreed to suspend Parliament": no partner
        patient_tokens = complement_patients(head, cue_heads, lex)
        if match.entry.weight > 0 and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in head.children):
            patient_tokens = []  # "advocated packing the Court": for an act done to the Court, no support of it
    patients = [k for k in entities(frame, patient_tokens) if k not in agents]
    if not patients and match.entry.note == "reciprocal":  # "negotiate on Ukraine War issues with [Y]"
        patients = [k for k in entities(frame, partners(head), proxy=False) if k not in agents]
    if agents and not patients:
        patients = pronoun_antecedent(frame, patient_tokens, agents)
    if patients and not agents:
        agents = pronoun_antecedent(frame, agent_tokens, patients)
    if patients and not agents and not agent_tokens and passive_infinitive(head) \
            and head.dep_ in ("xcomp", "advcl") and any(c.dep_ == "dobj" for c in head.head.children):
        agents = [k for k in agent_entities(frame, verb_agents(head.head, lex)) if k not in patients]  # who sends
    if patients and not agents and _agentless(head, match):  # "Clinton was impeached in 1998"
        agents = [k for k in _same_act_agents(frame, head) if k not in patients]
        k = None if agents else frame.agent_of(match.entry.lemma)
        if k is None and not agents:  # "two suspects were arrested": by the article's police
            k = frame.implied_agent(match.entry.lemma)
        agents = [k] if k is not None and k not in patients else agents
    if patients and not agents and match.entry.category == "protest" and not is_passive(head) \
            and not any(lex.hostile(t.lemma_.lower(), t.lower_, t.lower_.removesuffix("ing"))
                        for t in patient_tokens):  # not "protesting the shooting of Y" (shoot)
        k = frame.protesters()  # "one million people marched, protesting the exit of the UK": the protesters
        agents = [k] if k is not None and k not in patients else agents
    if not patients and match.entry.category == "protest" and not is_passive(head):
        patients = [k for k in provoked_by(frame, head) if k not in agents]  # "protested after Y proposed a bill"
    if agents and not patients and frame.bare:
        patients = [k for k in clause_entities(frame, head) if k not in agents]
    if patients and not agents and frame.bare:
        agents = [k for t in agent_tokens for k in _subtree_entities(frame, t) if k not in patients]
    group = entities(frame, prep_objects(head, ("between", "among")), proxy=False)
    return Roles(tuple(agents), tuple(patients), tuple(group))


#: Words that open a clause saying what set a protest off ("after", "since", "when", "because").
_TRIGGERS = frozenset({"after", "since", "when", "because", "following"})


def provoked_by(frame: Frame, protest: Token) -> list[int]:
    """Who set off a protest: the active subject of a clause of time or cause on the protest's clause that
    does something to something ("the protests began after [the government] proposed an amendment",
    "have been protesting since June, when [their government] proposed a bill"). Not a clause that itself
    names a protest ("after the opposition called for protests"), nor one with no object ("after Y died")."""
    lex = frame.lexicon
    clause = protest if protest.pos_ in ("VERB", "AUX") else protest.head if protest.dep_ == "nsubj" else None
    if clause is None:
        return []
    triggers = [c for c in clause.children if c.dep_ == "advcl"
                and any(m.dep_ in ("mark", "advmod") and m.lower_ in _TRIGGERS for m in c.children)]
    for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in _TRIGGERS):
        triggers += [r for o in pobjs(prep) for r in o.children if r.dep_ == "relcl"
                     and any(m.lower_ == "when" for m in r.children)]  # "since June, when Y proposed"
    out: list[int] = []
    for verb in triggers:
        if is_passive(verb) or not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
            continue
        if any(lex.protest_noun(t.lemma_.lower()) or t.lemma_.lower() == "protest" for t in verb.subtree):
            continue
        out += agent_entities(frame, verb_agents(verb, lex))
    return unique(out)


def _agentless(verb: Token, match: Match) -> bool:
    """A passive with its own subject and no agent, of an act at most :data:`EARLIER_AGENT_MAX` (arrests,
    charges, killings, impeachment: acts an earlier agent did again; not criticism, which anyone voices)."""
    return (match.entry.weight <= EARLIER_AGENT_MAX and is_passive(verb) and not verb_agents(verb)
            and (any(c.dep_ == "nsubjpass" for c in verb.children) or misread_clause_subject(verb) is not None))


def _same_act_agents(frame: Frame, verb: Token) -> list[int]:
    """The agents of an active verb of the same lemma elsewhere in the sentence ("Congress voted to hold a
    Cabinet officer in contempt: Holder was held in contempt in 2012")."""
    lemma = verb.lemma_.lower()
    for t in frame.span:
        if t.i != verb.i and t.pos_ == "VERB" and t.lemma_.lower() == lemma and not is_passive(t):
            found = agent_entities(frame, verb_agents(t, frame.lexicon))
            if found:
                return found
    return []


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
    return unique(out)


def clause_entities(frame: Frame, verb: Token) -> list[int]:
    """Entities anywhere below a verb's objects and prepositional phrases (not its subject, not inside
    clauses of their own): the fallback patients of a bare frame whose parse hid them."""
    out: list[int] = []
    stack = [c for c in verb.children if c.dep_ in ("dobj", "prep", "dative", "attr", "oprd")]
    misfortune = frame.lexicon.words("misfortune")
    while stack:
        t = stack.pop()
        if t.i in frame.owner:
            out.append(frame.owner[t.i])
        if t.pos_ == "NOUN" and t.lower_ in misfortune:
            continue  # "condemned Floyd's death": what befell him (as :func:`owners`)
        stack += [c for c in t.children if c.dep_ not in ("relcl", "acl", "ccomp", "advcl", "conj", "appos")
                  and not (c.dep_ == "prep" and c.lower_ in W.LOCATIVE_PREPOSITIONS - {"to", "at", "toward",
                                                                                     "towards", "into"})]  # fmt: skip
    return unique(out)


def act_objects(frame: Frame, match: Match) -> list[Token]:
    """The words a cue is aimed at before they are resolved to entities: a verb's objects ("opposed the
    impeachment"), a phrase's last preposition's objects ("in favor of the impeachment"), a noun's patient
    prepositions' objects ("support for the arrest")."""
    head = match.head
    if head.pos_ in ("VERB", "AUX") and match.entry.pos != "N":
        return verb_patients(head, match, frame.lexicon) if not is_passive(head) else []
    last = head.doc[match.tokens[-1]]
    if match.entry.pos == "P" or head.pos_ == "ADP":
        return pobjs(last) if last.pos_ == "ADP" else []
    if head.pos_ in ("NOUN", "PROPN"):
        return prep_objects(head, W.NOUN_PATIENT_PREPOSITIONS - {"of"}) + _listed_contents(head)
    return []


#: Verbs that say what a noun subject holds ("the demands include ...", "have expanded to ...").
_CONTENT_VERBS = frozenset({"include", "be", "expand", "involve", "cover", "range", "extend"})


def _listed_contents(noun: Token) -> list[Token]:
    """What a cue noun is said to hold, with the conjuncts listed: "Protesters' demands include [an
    investigation of police misconduct]", "their demands have expanded to [dismissal of the bill], [an
    investigation ...]"."""
    found = [c for c in noun.children if c.dep_ == "appos"]  # "the demands, an investigation of ..."
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_.lower() in _CONTENT_VERBS:
        found += [c for c in verb.children if c.dep_ in ("dobj", "attr")] + prep_objects(verb, ("to",))
    return [t for f in found for t in (f, *f.conjuncts)]


def pobjs_of(noun: Token) -> list[Token]:
    """The objects of a noun's "of" phrase ("articles of [impeachment]")."""
    return prep_objects(noun, ("of",)) if noun.pos_ in ("NOUN", "PROPN") else []


def leave_demands(frame: Frame) -> list[tuple[list[int], list[int], Token, Token, str]]:
    """(agents, patients, request verb, act verb, kind) of each request that someone leave office (kind
    ``leave``): "urged Y to resign", "asked Y to step down", "called on Y to quit", "push the president to
    concede" (``request`` and ``leave`` in ``stance_roles.csv``), or a speaker's saying that Y should leave
    ("said the president should accept the election outcome"); or that someone stop a hostile act (kind
    ``cease``: "called on Russia to stop attacking Ukraine", "wanted the politicians to stop ignoring them",
    "urged China to end its crackdown"; ``cease`` verbs). Who asked for the request asks too ("urged officials
    to push Y to concede")."""
    lex, out = frame.lexicon, []
    for tok in frame.span:
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
        nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        forms = {tok.lemma_.lower(), f"{tok.lemma_.lower()} {prt}", f"{tok.lemma_.lower()} {nxt}"}
        forms |= {f"{tok.lemma_.lower()} {c.lemma_.lower()}" for c in tok.children if c.dep_ == "dobj"}
        kind = "leave" if forms & lex.words("leave") else "cease" if _ceases_hostility(tok, lex) else ""
        if tok.pos_ != "VERB" or not kind or tok.dep_ not in ("xcomp", "ccomp", "advcl"):
            continue
        clause = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("need", "have") else tok
        said = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.speech and _obliged(tok)
        verb = clause.head if said else tok.head  # "said Y should resign", "said Y needs to concede"
        if verb.lemma_.lower() not in lex.words("request") and not said:
            continue
        targets = [] if said else [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        targets += [] if said else prep_objects(verb, ("on", "upon"))
        targets += [c for c in clause.children if c.dep_ == "nsubj"]  # "urged that Y resign"
        agents = [] if asked_of_another(frame, verb) else agent_entities(frame, verb_agents(verb, lex))
        agents += [k for k in requesters(frame, verb) if k not in agents]  # "urged X to push Y to concede": the
        # one who urged, not X, who was only asked to
        patients = [k for k in entities(frame, targets) if k not in agents]
        if agents and patients:
            out.append((agents, patients, verb, tok, kind))
    return out + _leave_noun_demands(frame)


def victims(frame: Frame) -> list[tuple[list[int], list[int], Token]]:
    """(doers, victims, noun) of each ``victim_noun`` that names both: its possessor or "of" entity harmed the one
    the noun is identified with, in apposition or by a copula ("McArthur's first victim was Skandaraj
    Navaratnam", "James Fields's victim, Heather Heyer, died"); a victim of an event names no doer."""
    out = []
    for tok in frame.span:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in frame.lexicon.words("victim_noun"):
            continue
        doers = entities(frame, [c for c in tok.children if c.dep_ == "poss"], proxy=False) \
            or entities(frame, prep_objects(tok, ("of",)), proxy=False)
        named = [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            named += [c for c in tok.head.children if c.dep_ == "attr"]
        elif tok.dep_ == "attr":
            named += [c for c in tok.head.children if c.dep_ == "nsubj"]
        harmed = [k for k in entities(frame, named, proxy=False) if k not in doers]
        if doers and harmed:
            out.append((doers, harmed, tok))
    return out


def _leave_noun_demands(frame: Frame) -> list[tuple[list[int], list[int], Token, Token, str]]:
    """Requests for a ``leave`` noun of someone: "asked for Y's resignation", "asked Y for his resignation",
    "called for the resignation of Y" (kind ``leave``)."""
    lex, out = frame.lexicon, []
    for tok in frame.span:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.words("leave"):
            continue
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.words("request"):
            continue
        if lex.hostile(verb.lemma_.lower(), verb.lower_, pos="V"):
            continue  # "demanded Y's resignation": the verb's own cue reads it
        targets = [c for c in tok.children if c.dep_ == "poss"] + pobjs_of(tok)
        targets += [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i != tok.i]
        agents = agent_entities(frame, verb_agents(verb, lex))
        patients = [k for k in entities(frame, targets) if k not in agents]
        if agents and patients:
            out.append((agents, patients, verb, tok, "leave"))
    return out


def _ceases_hostility(verb: Token, lex: Lexicon) -> bool:
    """Whether a ``cease`` verb ("stop", "end", "halt") stops a hostile act: its object or its gerund is a
    one-word hostile cue ("stop attacking", "end its crackdown", "stop ignoring them")."""
    if verb.lemma_.lower() not in lex.words("cease"):
        return False
    nouns = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    gerunds = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG"]
    return any(e.weight < 0 and e.pos == "N" for n in nouns for e in lex.by_first.get(n, ())) \
        or any(lex.hostile(g.lemma_.lower(), g.lower_, pos="V") for g in gerunds)  # "end its crackdown on"


def _obliged(verb: Token) -> bool:
    """Whether a clause says what its subject ought to do: "should", "must", "ought to", "needs to", "has to"."""
    kids = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in kids):
        return not any(c.dep_ == "neg" for c in kids)
    head = verb.head if verb.dep_ == "xcomp" else None
    if head is None or head.lemma_.lower() not in ("need", "have"):
        return False
    return not any(c.dep_ == "neg" for c in head.children)


def requested(frame: Frame, head: Token) -> Token | None:
    """The ``request`` verb whose infinitive holds the act at ``head`` ("asked Ukraine to launch an
    investigation", "was asked to condemn them", "called for CNN to fire Y"), else None."""
    verb = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" else head
    if verb.pos_ != "VERB" or not (verb.dep_ == "xcomp" or _for_to(verb)) \
            or verb.head.lemma_.lower() not in frame.lexicon.words("request"):
        return None
    return verb.head


def _for_to(verb: Token) -> bool:
    """Whether a verb heads a "for X to V" clause hanging on another ("called for CNN to fire Y")."""
    return verb.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def asked_of_another(frame: Frame, head: Token) -> bool:
    """Whether the act at ``head`` is asked of someone, not done by them: a request verb with an object or a
    passive subject ("asked Zelensky to investigate Y", "Trump was asked to condemn them", "called on Fox
    News to fire Y", "when asked to condemn them"), or the subject of a "for X to V" clause ("called for CNN
    to fire Y"); not "wants to work with Y" (an intent) nor "forced Y to
    resign" (done: ``implicative`` in ``stance_roles.csv``)."""
    verb = requested(frame, head)
    if verb is None or verb.lemma_.lower() in frame.lexicon.words("implicative"):
        return False
    asked = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    asked += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
              if p.dep_ == "pobj"]  # "called on X to ..."
    act = head.head if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" else head
    asked += [c for c in act.children if c.dep_ == "nsubj" and _for_to(act)]  # "called for CNN to fire Y"
    reduced = verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)  # "when asked to"
    return bool(asked) or reduced


def requesters(frame: Frame, head: Token) -> list[int]:
    """Who asked for the act at ``head``: the agents of a ``request`` verb whose infinitive holds it ("asked
    Ukraine to launch an investigation of Y", "urged Congress to reject Y", "was pressed by X to sanction Y");
    empty when no request governs it."""
    verb = requested(frame, head)
    return [] if verb is None else agent_entities(frame, verb_agents(verb, frame.lexicon))


def cue_heads(matches: Iterable[Match]) -> set[int]:
    """Token indices of the cues' heads."""
    return {m.head.i for m in matches}
