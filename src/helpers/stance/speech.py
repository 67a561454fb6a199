"""Reported speech: who speaks where, and whom a speaker's evaluative words are about.

Speakers come from the quotations table (:func:`helpers.actors.quotes.find_quotes`; direct, partial
and indirect speech): a word inside a quotation with a known speaker is that speaker's. Stance read
from speech:

* the acts a speaker reports keep their own agents ("X said Y attacked Z" is Y toward Z);
* a first-person agent inside a quotation is its speaker ("we cannot tolerate this government's
  policies", said Y);
* an **evaluative** cue ("thug", "liar", "lousy", "null and void"; "lied", "broke the law") is the
  speaker's stance toward whom it is said of: the subject of a copula ("Y is a thug"), the object a
  labelling verb labels ("called Y a liar", "declaring Y as a thug", "called Y's deal 'lousy'"), the
  noun it modifies or stands beside, or the subject of an evaluative verb ("Y had lied"); not the victim
  of a hostile act it judges ("Y's murder is unacceptable"). Outside
  speech, the subject of a labelling verb of ``stance_roles.csv`` judges ("the court found Y's advice
  unlawful"). An evaluative word with no speaker is the writer's tone, never a stance;
* a **label** with no cue word is read from the valence of its words (VADER): "Biden described Trump as
  a threat to democracy", "Merkel called Macron's plan a disaster" (:func:`labels`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Token

from helpers.sentiment.lexicon import vader_analyzer
from helpers.stance import modality as M
from helpers.stance.cues import Match, keys
from helpers.stance.reference import Entity, Frame, agent_entities, entities, pronoun_antecedent
from helpers.stance.syntax import is_passive, subject, verb_agents
from helpers.text import words as W

#: Smallest absolute sum of VADER valences (each in [-4, 4]) of a quotation read as its speaker's
#: evaluation of the actors in it (chosen on DSE train.tsv).
REPORTED_MIN = 3.0
#: Smallest absolute sum of VADER valences of what a labelling verb calls its object ("a threat to democracy")
#: read as the labeller's evaluation of it (chosen on DSE valid.tsv).
LABEL_MIN = 1.5
#: Praise and criticism read from a quotation's valence: (CAMEO code, category, Goldstein weight).
REPORTED_PRAISE = ("051", "praise", 3.4)
REPORTED_CRITICISM = ("111", "criticize", -2.0)


@dataclass(frozen=True)
class Quote:
    """A quotation's content ``[start, end)`` and its speaker (actor id and name)."""

    start: int
    end: int
    actor_id: str
    name: str


class Speakers:
    """The quotations of an article that have a speaker, looked up by character offset."""

    def __init__(self, quotes: Iterable[Quote]):
        self.quotes = sorted(quotes, key=lambda q: (q.start, q.end))
        self._starts = [q.start for q in self.quotes]

    @classmethod
    def from_table(cls, table: pd.DataFrame | None) -> Speakers:
        """From the quotations table (columns ``speaker_id, speaker, start, end``); rows without a speaker id
        are left out."""
        if table is None or len(table) == 0:
            return cls(())
        rows = zip(table["start"].tolist(), table["end"].tolist(), table["speaker_id"].tolist(),
                   table["speaker"].tolist(), strict=True)  # fmt: skip
        return cls(Quote(int(s), int(e), str(a), str(n)) for s, e, a, n in rows if isinstance(a, str) and a)

    def at(self, char: int) -> Quote | None:
        """The innermost quotation holding ``char``, if any."""
        k = bisect.bisect_right(self._starts, char)
        best = None
        for q in self.quotes[:k]:
            if q.start <= char < q.end and (best is None or q.end - q.start < best.end - best.start):
                best = q
        return best


def attach(frame: Frame, speakers: Speakers) -> None:
    """Let ``frame`` resolve a character offset to its speaker's entity (added when not mentioned in it)."""

    def speaker_at(char: int) -> int | None:
        q = speakers.at(char)
        if q is None:
            return None
        return frame.add_entity(Entity(q.actor_id, q.name, -1, -1))

    frame.speaker_at = speaker_at


def _labelled(verb: Token) -> list[Token]:
    """The object a labelling verb labels ("called [Y] a liar", "referred to [Y] as")."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs:  # (not "called this dubious to Népszava": told to whom, after the label)
        label = min((c.i for c in _label_words(verb)), default=len(verb.doc))
        objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i < label for p in c.children
                if p.dep_ == "pobj"]  # fmt: skip
    return objs


def judged(tok: Token, frame: Frame, depth: int = 0) -> list[Token]:
    """The tokens an evaluative word is said of (see the module docstring)."""
    if depth > 3:
        return []
    dep, head = tok.dep_, tok.head
    if tok.pos_ == "VERB" and dep not in ("amod", "acomp"):
        return subject(tok, frame.lexicon)
    if head.i == tok.i:
        return [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if dep in ("attr", "acomp") and head.pos_ in ("VERB", "AUX"):
        return subject(head, frame.lexicon)
    if dep in ("oprd", "ccomp", "xcomp") and head.pos_ in ("VERB", "AUX"):
        own = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]  # "found [Y's advice] unlawful"
        return own if tok.pos_ in ("ADJ", "NOUN") and own else _labelled(head) or subject(head, frame.lexicon)
    if dep == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
        return _labelled(head.head)
    if dep == "appos":
        return [head]
    if dep == "conj":
        return judged(head, frame, depth + 1)
    if dep in ("amod", "compound"):
        if tok.tag_ in ("JJR", "JJS") and head.ent_type_ in ("GPE", "LOC"):
            return []  # "greater London": a region's name, no judgement of the place
        if head.i in frame.owner or head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
            return [head]
        return judged(head, frame, depth + 1)
    return []


def judge(frame: Frame, match: Match, speech_heads: set[int]) -> list[int]:
    """Who speaks an evaluative word: the agent of the speech or labelling verb it depends on ("X called
    Y's deal 'lousy'", "the court found Y's advice unlawful"), else its quotation's speaker."""
    label = frame.lexicon.words("label")
    for anc in match.head.ancestors:
        if anc.i in speech_heads or anc.lemma_.lower() in label:
            found = agent_entities(frame, verb_agents(anc, frame.lexicon))
            gov = anc.head.head if anc.dep_ == "acl" else anc.head
            if not found and anc.dep_ in ("acl", "ccomp") and gov.pos_ == "VERB" and gov.i != anc.i \
                    and not is_passive(anc):
                found = agent_entities(frame, verb_agents(gov, frame.lexicon))  # "The Court will make an Order
                # declaring that ...": the document's maker
            if found:
                return found
            if anc.lemma_.lower() in label and is_passive(anc):
                return []  # "She was portrayed as a liar": by someone unnamed, not the quotation's speaker
            break
    k = frame.speaker_at(match.head.idx)
    return [k] if k is not None else []


def evaluation(frame: Frame, match: Match, speech_heads: set[int]) -> tuple[list[int], list[int]]:
    """(speakers, targets) of an evaluative cue; targets exclude the speakers."""
    sources = judge(frame, match, speech_heads)
    if not sources:
        return [], []
    tokens = [t for t in judged(match.head, frame) if t.i in frame.owner or not _done_to_someone(frame, t)]
    targets = [k for k in entities(frame, tokens) if k not in sources]
    if not targets:  # "X called her allegations reckless" (bare spans only)
        targets = pronoun_antecedent(frame, tokens, sources)
    return sources, targets


def _done_to_someone(frame: Frame, tok: Token) -> bool:
    """Whether a noun is a hostile act whose possessor undergoes it ("Nabil's murder is unacceptable"):
    judging the act is no judgement of its victim."""
    return any(e.pos == "N" and len(e.words) == 1 and e.note == "undergoer" and e.weight < 0
               for k in keys(tok) for e in frame.lexicon.by_first.get(k, ()))


def vader() -> dict[str, float]:
    """VADER's word valences in [-4, 4] (Hutto & Gilbert, ICWSM 2014), from the one cached analyser."""
    return vader_analyzer().lexicon


def _negated_word(tok: Token) -> bool:
    """A word under a negation: its own or its head's ``neg`` dependent, or a negator just before it."""
    if any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children)):
        return True
    doc = tok.doc
    return any(doc[k].lower_ in W.NEGATORS for k in range(max(tok.sent.start, tok.i - 3), tok.i))


def _hedge(tok: Token) -> bool:
    """"kind of", "sort of": a hedge, no kindness (VADER's own rule for "kind of")."""
    return tok.lower_ in ("kind", "sort") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "of"


@dataclass(frozen=True)
class Evaluation:
    """A speaker's summed valence over a quotation, its strongest word and the entities it is about."""

    speaker: int
    targets: tuple[int, ...]
    total: float
    word: Token


def reported(frame: Frame, speakers: Speakers, taken: set[int]) -> list[Evaluation]:
    """Speakers' evaluations of the actors in what they say, from VADER valences.

    For each quotation of the frame with a speaker and each other entity whose clause reaches into the
    quotation (:func:`clause_words`: "X said Y 'needs to stop wasting our time'"), the valences of that
    clause's words inside the quotation (not an entity's, not a proper noun, not negated, not a cue's:
    ``taken``, nor in a cue's object or prepositional phrase: "charging the gunman with terrorism"; no misfortune
    word of ``stance_roles.csv``: "a crisis") are summed; at or beyond
    :data:`REPORTED_MIN` in absolute value the speaker is read as praising or criticising the entity.
    """
    lex, misfortune = vader(), frame.lexicon.words("misfortune")
    span = frame.span
    lo, hi = span.start_char, span.end_char
    doc = span.doc
    # "Mexico would consider charging the gunman with terrorism": the words of a cue's act are not its doer's
    acted = {t.i for k in taken if k < len(doc) for c in doc[k].children if c.dep_ in ("dobj", "prep", "dative")
             for t in c.subtree}  # fmt: skip
    out: list[Evaluation] = []
    present = [k for k, e in enumerate(frame.entities) if e.start >= 0]
    clauses = {k: clause_words(frame, k) for k in present}
    for q in speakers.quotes:
        if q.end <= lo or q.start >= hi:
            continue
        speaker = frame.add_entity(Entity(q.actor_id, q.name, -1, -1))
        for k in present:
            e = frame.entities[k]
            if e.actor_id == q.actor_id or (q.start <= e.start < q.end
                                             and doc.text[e.start : e.end].lower() in W.FIRST_PERSON):
                continue  # (a speaker's own "we", "our", also when it is the body they speak for: "as keen as we
                # are, we are not prepared to risk inflicting the disaster of no deal on our communities")
            words = [t for t in clauses[k] if q.start <= t.idx < q.end]
            scored = [(lex[t.lower_], t) for t in words if t.lower_ in lex and t.i not in frame.owner
                      and t.i not in taken and t.i not in acted and t.pos_ != "PROPN" and t.lower_ not in misfortune
                      and not _negated_word(t) and not _hedge(t)]  # fmt: skip
            total = sum(v for v, _ in scored)
            if abs(total) < REPORTED_MIN:
                continue
            sign = 1 if total > 0 else -1
            word = max((x for x in scored if x[0] * sign > 0), key=lambda x: abs(x[0]))[1]
            out.append(Evaluation(speaker, (k,), total, word))
    return out


def labels(frame: Frame) -> list[Evaluation]:
    """Evaluations by labelling verbs (``label`` in ``stance_roles.csv``) of what they label, from the
    VADER valences of the label's words: "described [Y] as a threat to democracy", "called [Y's plan] a
    disaster", "describes [Y's system] as marred by allegations of torture". Only a label with words
    (not "called Y" on the phone), not negated, summing to :data:`LABEL_MIN` or beyond in absolute value;
    words of entities and proper nouns do not count (cue words do: "a threat" names no one it threatens), nor
    do misfortune words ("Duda called the fire an appalling tragedy": no judgement of anyone)."""
    lex, words, misfortune = vader(), frame.lexicon.words("label"), frame.lexicon.words("misfortune")
    out: list[Evaluation] = []
    for verb in frame.span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in words or M.negated(verb):
            continue
        objects = _labelled(verb)
        said = _label_words(verb)
        said += [c for o in objects for c in o.children if c.dep_ == "appos"]  # "called Y's plan a disaster"
        if not objects or not said:
            continue
        judges = agent_entities(frame, verb_agents(verb, frame.lexicon))
        targets = [k for k in entities(frame, objects) if k not in judges]
        scored = [(lex[t.lower_], t) for c in said for t in c.subtree if t.lower_ in lex and t.i not in frame.owner
                  and t.pos_ != "PROPN" and t.lower_ not in misfortune and not _negated_word(t)
                  and not _hedge(t)]  # fmt: skip
        total = sum(v for v, _ in scored)
        if not judges or not targets or abs(total) < LABEL_MIN:
            continue
        sign = 1 if total > 0 else -1
        word = max((x for x in scored if x[0] * sign > 0), key=lambda x: abs(x[0]))[1]
        out += [Evaluation(j, tuple(targets), total, word) for j in judges]
    return out


def _label_words(verb: Token) -> list[Token]:
    """The label a labelling verb gives its object: "described Y [as a threat]", "called Y [a liar]",
    "declared the incident [terrorism-related]"."""
    return [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp")
            or (c.dep_ == "prep" and c.lower_ == "as")
            or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children))]


#: Prepositional phrases a clause's words reach down through: deeper ones describe other things ("was ready
#: with amendments to the code for sentencing up to prison terms for child abuse": the abuse is not the subject's).
PREP_DEPTH = 3
#: Dependency labels of clauses inside a clause: their words are not said of the outer clause's actors.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})


def clause_words(frame: Frame, k: int) -> list[Token]:
    """The words of the clause entity ``k``'s mention is the active subject of (or the possessor of its
    subject), without the clauses inside it; none when the entity only undergoes or is mentioned in it
    ("Y was poisoned", "the weather near Y was bad", "Y is facing terrorist attacks": a ``receive``
    verb): what happens to an actor is no judgement of it."""
    e = frame.entities[k]
    span = frame.span.doc.char_span(e.start, e.end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    if head.dep_ == "poss":
        head = head.head
    if head.dep_ not in ("nsubj", "csubj") or head.head.pos_ not in ("VERB", "AUX"):
        return []
    head = head.head
    if head.lemma_.lower() in frame.lexicon.words("receive"):
        return []  # "Tunisia is facing terrorist attacks": what it faces is done to it
    labelled = {t.i for t in _label_words(head)} \
        if head.lemma_.lower() in frame.lexicon.words("label") and _labelled(head) else set()
    out = []  # not the label a labelling verb gives its object ("the police declared it terrorism-related")
    stack = [(head, 0)]
    while stack:
        t, preps = stack.pop()
        out.append(t)
        stack += [(c, preps + (c.dep_ == "prep")) for c in t.children if c.dep_ not in _CLAUSE_DEPS
                  and c.i not in labelled
                  and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
                  and not (c.dep_ == "prep" and preps >= PREP_DEPTH)]  # fmt: skip
    return sorted(out, key=lambda t: t.i)
