"""Whether a cue is asserted: negation, refusal, modality, conditions, intent, reversal and alleged acts.

Read on the dependency parse around the cue's head. The *scope* of a cue is its head and the words
that govern it: the verbs above it through infinitives and adjective complements ("did not want to
attack", "is ready to negotiate") and, for a noun, the verb it is the object or subject of ("did not
impose sanctions", "talks stopped"), unless a name owns the noun ("refused to consider Obama's nomination
of Garland": Obama's act stands).

* **negation**: a ``neg`` dependent ("not", "n't", "never") or "no" on any word of the scope, "without"
  before it, or a refusal verb above it ("refused to endorse", "declined to meet"; the lexicon's reject
  verbs with an infinitive);
* **modality**: a modal auxiliary (can, could, may, might, must, shall, should, will, would) in the scope;
* **condition**: an "if"/"unless"/"whether" clause on the cue's clause or a clause above it, or a
  condition attached to them ("If talks fail, X attacks Y");
* **intent**: an ``intent`` marker verb above the cue ("wants to work with Y", "is ready to negotiate")
  or a threat ("threatened to invade");
* **reversal**: a ``reversal`` marker verb that stops the cue ("suspended talks", "contacts stopped");
* **question**: the cue's clause is an indirect question ("asked whether X supports Y"): no reading;
* **alleged**: the cue is the act an accusation alleges ("accused X of attacking Y", "blamed X for
  killing Y"): the accusation is the stance, the alleged act is not asserted.
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.stance.cues import Match
from helpers.text import words as W

MODALITIES = ("asserted", "modal", "conditional", "negated")
#: Lemmas of the reject category that negate the infinitive they govern ("refused to endorse").
REFUSAL_VERBS = frozenset({"refuse", "decline", "fail", "reject", "deny"})
#: Nouns that negate the infinitive on them ("Y's refusal to cooperate", "the failure to act").
REFUSAL_NOUNS = frozenset({"refusal", "failure"})


def scope(tok: Token) -> list[Token]:
    """The cue's head and the words that govern it (see the module docstring), nearest first."""
    chain = [tok]
    cur = tok
    if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") \
            and not (cur.dep_ == "pobj" and cur.head.lower_ in W.CONCESSIVE_PREPOSITIONS) \
            and not any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in cur.children):  # not "despite X's ban"; nor
        # "the refusal to consider Obama's nomination of Garland": Obama's act, whatever others do about it
        gov = cur.head if cur.dep_ != "pobj" else cur.head.head
        if gov.pos_ in ("VERB", "AUX") and gov.i != cur.i:
            chain.append(gov)
            cur = gov
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "acomp", "auxpass") or cur.head.i == cur.i:
            break
        cur = cur.head
        chain.append(cur)
    return chain


def _negator(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)


def refused(tok: Token) -> bool:
    """A refusal verb governs the cue ("refused to endorse Y", "declined to meet Y"), or a refusal noun
    ("X's refusal to cooperate with Y")."""
    return any((t.dep_ == "xcomp" and t.head.lemma_.lower() in REFUSAL_VERBS)
               or (t.dep_ == "acl" and t.head.lemma_.lower() in REFUSAL_NOUNS) for t in scope(tok))  # fmt: skip


def negated(tok: Token) -> bool:
    """The cue is negated: a negation on its scope, "without" before it, or a refusal above it."""
    chain = scope(tok)
    if any(_negator(t) for t in chain):
        return True
    top = chain[-1]
    if top.dep_ in ("pcomp", "pobj") and top.head.lower_ == "without":
        return True
    return refused(tok)


def focused(tok: Token) -> bool:
    """A negated cue whose negation bears on a manner or time adverb of its verb ("do not elect X directly",
    "has not yet endorsed"): not a refusal of the act."""
    return any(c.dep_ == "advmod" and c.lower_ in W.FOCUS_ADVERBS for t in scope(tok) for c in t.children)


def modal(tok: Token) -> bool:
    """A modal auxiliary in the cue's scope ("could attack", "would be withdrawn", "will meet")."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for t in scope(tok) for c in t.children)


def _marks_condition(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in W.CONDITIONAL_MARKERS for c in tok.children)


def conditional(tok: Token) -> bool:
    """The cue's clause, or one above it, is a condition or has one ("if approved, ... would change")."""
    for t in [tok, *tok.ancestors]:
        if _marks_condition(t):
            return True
        if any(c.dep_ == "advcl" and _marks_condition(c) for c in t.children):
            return True
    return False


def questioned(tok: Token) -> bool:
    """The cue's clause, or one above it, is an indirect question: marked by "whether", or by "if" as a
    verb's complement ("asked whether Biden supports Trump", "questions surround whether the AIP nominated
    the ticket to assist Trump", "wondered if X would attack Y"): the text asks, it does not say. A
    "whether" clause beside the cue's ("Whether or not he wins, X will attack Y") leaves it asserted."""
    return any(c.dep_ == "mark" and (c.lower_ == "whether" or (c.lower_ == "if" and t.dep_ == "ccomp"))
               for t in [tok, *tok.ancestors] for c in t.children)  # fmt: skip


def modality(tok: Token) -> str:
    """One of :data:`MODALITIES`: negated beats conditional beats modal."""
    if negated(tok):
        return "negated"
    if conditional(tok):
        return "conditional"
    return "modal" if modal(tok) else "asserted"


def _governing(tok: Token, markers: dict[int, Match]) -> Match | None:
    """The marker cue whose tokens hold a word that governs ``tok`` through an infinitive or complement."""
    for t in scope(tok)[1:] + ([tok.head] if tok.dep_ in ("xcomp", "ccomp", "advcl", "dobj", "nsubj") else []):
        m = markers.get(t.i)
        if m is not None:
            return m
    return None


def intent(tok: Token, intents: dict[int, Match], threats: dict[int, Match]) -> str | None:
    """``"intent"`` when an intent marker governs the cue, ``"threat"`` when a threat does, else None.

    ``intents`` and ``threats`` map every token of such cues to the cue.
    """
    if tok.dep_ not in ("xcomp", "acomp", "ccomp", "pobj", "dobj", "advcl") and not any(
        t.dep_ == "xcomp" for t in scope(tok)
    ):
        return None
    if _governing(tok, intents) is not None:
        return "intent"
    if _governing(tok, threats) is not None:
        return "threat"
    return None


def reversed_by(tok: Token, reversals: dict[int, Match]) -> bool:
    """A reversal marker stops the cue: "suspended talks", "all correspondence ... stopped", "broke off contact"."""
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp", "pobj"):
        gov = tok.head if tok.dep_ != "pobj" else tok.head.head
        return gov.i in reversals
    return False


def alleged(tok: Token, accusations: set[int]) -> bool:
    """The cue is the act an accusation alleges: "accused X of attacking Y", "blamed X for killing Y", "the
    accusation (that) he assaulted Reade" (a content clause, which the parser may read as a relative clause
    with its own object).

    ``accusations`` holds the head token indices of the sentence's accusation cues (CAMEO 11).
    """
    if tok.pos_ != "VERB":
        return False  # "denounced Russia for its use of force": a possessed act is the writer's statement
    if tok.head.i in accusations and tok.head.pos_ == "NOUN" and (tok.dep_ in ("acl", "ccomp") or (
            tok.dep_ == "relcl" and any(c.dep_ == "dobj" for c in tok.children))):
        return True  # "confronted with the accusation he assaulted Reade": what the accusation says, not a fact
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("pcomp", "pobj") and cur.head.dep_ == "prep" and cur.head.lower_ in ("of", "for", "with"):
            return cur.head.head.i in accusations
        if cur.dep_ not in ("conj", "xcomp"):
            return False
        cur = cur.head
    return False


def reciprocal_marked(tok: Token, markers: dict[int, Match]) -> bool:
    """The act goes both ways: "exchanged insults", "criticised each other", "one another"."""
    if tok.dep_ in ("dobj", "pobj") and (tok.head.i in markers or tok.head.head.i in markers):
        return True
    objects = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod", "dative")]
    objects += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(tuple(t.lower_ for t in o.subtree) in W.RECIPROCAL_PRONOUNS for o in objects)


def jointly(tok: Token) -> bool:
    """The act is done together ("X and Y worked together"): coordinated agents act toward each other."""
    return any(c.dep_ == "advmod" and c.lower_ in W.RECIPROCAL_ADVERBS for c in tok.children)
