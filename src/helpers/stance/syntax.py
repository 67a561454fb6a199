"""Tree primitives the stance rules share: passives, subjects (also taken from the verb a clause depends
on), preposition objects, the verb governing a noun, relative pronouns' antecedents, predicate nouns.

All read the spaCy dependency parse (ClearNLP labels, as ``en_core_web_sm`` assigns them).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from helpers.stance.cues import Lexicon, load_lexicon
from helpers.text import words as W


def is_passive(verb: Token) -> bool:
    """A passive verb: with a passive subject or auxiliary, a ``by`` agent, a participle on a noun, or a bare
    participle opening an adverbial clause ("when confronted with ...")."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"nsubjpass", "csubjpass", "auxpass", "agent"}:
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not deps & {"nsubj", "aux", "dobj"}:
        return True  # "When confronted with the accusation, Biden told ...", "Asked about Y, X said"
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and not deps & {"nsubj", "dobj"} and is_passive(verb.head)


def subject(verb: Token, lexicon: Lexicon | None = None, depth: int = 0) -> list[Token]:
    """The grammatical subject of a verb (active or passive), taken from the verb it depends on if it has none."""
    if depth > 5:
        return []
    own = [c for c in verb.children if c.dep_ in W.SUBJECT_DEPS | W.PASSIVE_SUBJECT_DEPS]
    if own:
        return own + [c for c in verb.children if c.i > own[-1].i and _gapped_subject(verb, c)]
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return []
    lex = lexicon or load_lexicon()
    if passive_infinitive(verb) and dep in ("xcomp", "advcl"):  # "refer them to be held in contempt": them
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects:
            return objects
    if dep == "xcomp":  # "X wants to attack", "urged Y to attack" (object control), "was quick to attack"
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if not objects and head.lemma_.lower() in lex.words("request"):  # "called on Y to attack"
            objects = prep_objects(head, ("on", "upon"))
        if objects and head.lemma_.lower() in lex.words("control"):
            return objects
        return subject(head, lex, depth + 1) if head.pos_ in ("VERB", "AUX", "ADJ") else []
    if dep in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
        return subject(head, lex, depth + 1)
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        misread = misread_clause_subject(verb)
        return [misread] if misread is not None else subject(head, lex, depth + 1)
    if dep == "advcl" and head.pos_ in ("VERB", "AUX"):
        objects = [c for c in head.children if c.dep_ == "dobj"]  # "a video shows X threatening Y"
        if objects and verb.tag_ == "VBG" and head.lemma_.lower() in lex.words("control"):
            return objects
        return subject(head, lex, depth + 1)
    root = verb.sent.root
    if dep == "acl" and verb.tag_ == "VBD" and root.tag_ == "VBG" and root.i < verb.i:
        return subject(root, lex, depth + 1)  # "X speaking to the think tank called Y ...": a misparse
    if dep == "relcl" or (dep in ("acl", "amod") and head.pos_ in ("NOUN", "PROPN", "PRON")):
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "a speech of the election attacking Y": the participle is the speech's
        elif head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.lemma_.lower() in lex.words("message"):
            head = head.head.head  # "posted a message on [Twitter] blaming Y": the parser hung it on the place
        gov = governor(head)  # "X released an ad attacking Y": a message speaks for whoever issues it
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        issued = head.lemma_.lower() in lex.words("message") or (infinitive and dep == "acl")
        owned = any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in head.children)
        if issued and gov is not None and head.dep_ in ("dobj", "pobj") and not owned:  # "X has the chance to"
            return subject(gov, lex, depth + 1)  # but "a judge dismissed a Trump lawsuit attempting to": Trump's
        return [head]  # "protesters demanding ...", "sanctions imposed by ..."
    if dep == "pcomp" and head.lower_ == "of" and head.head.pos_ == "NOUN":  # "X's purpose of stymying Y"
        noun = head.head
        owner = [c for c in noun.children if c.dep_ == "poss"]
        if owner:
            return owner
        if noun.dep_ == "pobj" and noun.head.dep_ == "agent":  # "X was motivated by the purpose of stymying Y"
            return subject(noun.head.head, lex, depth + 1)
        if noun.dep_ in ("dobj", "attr"):  # "X faces the charge of killing Y"
            return subject(noun.head, lex, depth + 1)
        return []
    if dep == "pcomp" and head.dep_ == "prep":  # "injured after being attacked", "went back to condemning"
        gov = head.head
        while gov.pos_ in ("ADV", "ADP") and gov.head.i != gov.i:
            gov = gov.head
        # an adjective's act is its subject's: "was forceful in blaming Y"
        return subject(gov, lex, depth + 1) if gov.pos_ in ("VERB", "AUX", "ADJ") else []
    return []


def misread_clause_subject(verb: Token) -> Token | None:
    """The subject of a clause the parser split at its conjunction: "An individual was arrested after [X], mayor
    of Y, was stabbed" read as "after X" and a verb joined to "arrested"; X is the subject of "was stabbed" when
    only punctuation stands between X's phrase and the verb's auxiliary."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    if verb.dep_ != "conj" or aux is None or any(c.dep_ in W.SUBJECT_DEPS | W.PASSIVE_SUBJECT_DEPS
                                                 for c in verb.children):
        return None
    doc = verb.doc
    for p in verb.head.children:
        if p.dep_ != "prep" or p.lower_ not in W.SUBORDINATORS or p.i > aux.i:
            continue
        noun = next((c for c in p.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.right_edge.i < aux.i \
                and all(doc[k].is_punct for k in range(noun.right_edge.i + 1, aux.i)):
            return noun
    return None


def passive_infinitive(verb: Token) -> bool:
    """A passive infinitive with no subject of its own ("to be held in contempt")."""
    kids = list(verb.children)
    return (any(c.dep_ == "auxpass" for c in kids) and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and not any(c.dep_ in W.SUBJECT_DEPS | W.PASSIVE_SUBJECT_DEPS for c in kids))  # fmt: skip


def pobjs(prep: Token) -> list[Token]:
    """A preposition's objects; for a clause misread as its complement ("with [Putin] to bring"), its subject,
    but not a participle's: ", with Steve Scalise calling the inquiry Soviet-style" says what Scalise did."""
    out = []
    for p in prep.children:
        if p.dep_ == "pobj":
            out.append(p)
        elif p.dep_ == "pcomp":
            subj = [c for c in p.children if c.dep_ == "nsubj"] if p.pos_ in ("VERB", "AUX") else []
            if subj and p.tag_ == "VBG":
                continue
            out += subj or [p]
    return out


def _gapped_subject(verb: Token, c: Token) -> bool:
    """A name conjoined to a verb with the verb left out, before a phrase that mirrors one of the verb's:
    "Clinton was impeached in 1998, and [Johnson] in 1868" (not "thank EFF and personally [Stoltz]")."""
    if c.dep_ != "conj" or c.pos_ != "PROPN" or any(g.dep_ in W.SUBJECT_DEPS for g in c.children):
        return False
    after = [k.dep_ for k in verb.children if k.i > c.i and k.dep_ in ("prep", "npadvmod")]
    return bool(after) and any(k.dep_ == after[0] and k.i < c.i for k in verb.children)


def verb_agents(verb: Token, lexicon: Lexicon | None = None) -> list[Token]:
    """Agent tokens of a verb: the ``by`` phrase of a passive, else the subject."""
    if is_passive(verb):
        return [p for c in verb.children if c.dep_ == "agent" for p in pobjs(c)]
    return subject(verb, lexicon)


def contrasted(tok: Token) -> bool:
    """Whether a conjunct is set apart from the ones before it rather than joined to them: "supported by the
    University and the Chess Club rather than [the Federation]", "backed X, not [Y]"."""
    if any(c.lower_ == "not" and c.i < tok.i for c in tok.children):
        return True
    doc, k = tok.doc, tok.left_edge.i - 1
    words = [doc[j].lower_ for j in range(max(tok.sent.start, k - 1), k + 1)]
    return bool(words) and (words[-1] in ("than", "not") or words == ["instead", "of"])


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of ``tok``'s prepositions in ``preps`` (also a "to"/"for" the parser calls a dative:
    "issued a pardon to Y")."""
    preps = set(preps)
    return [p for c in tok.children if (c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP"))
            and c.lower_ in preps for p in pobjs(c)]  # fmt: skip


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


def antecedent(rel: Token) -> Token | None:
    """The noun a relative pronoun refers to: the head of its relative clause ("Lam, who is supported")."""
    for anc in [rel, *rel.ancestors]:
        if anc.dep_ in ("relcl", "acl") and anc.i != rel.i:
            return anc.head
    return None


def predicate_subject(tok: Token) -> Token | None:
    """The subject a predicate noun describes: "[Hamas] is a group", "[X] is one of four banks"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in W.QUANTITY_HEADS:
        tok = tok.head.head
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        return subj[0] if subj else None
    return None
