"""The rule reading of one sentence: every cue with its source, target, CAMEO code, weight and modality.

:func:`read` finds the cues of a :class:`~helpers.stance.clauses.Frame` (:mod:`helpers.stance.cues`),
their agents and patients (:mod:`helpers.stance.clauses`; evaluative words through their speaker,
:mod:`helpers.stance.speech`) and whether each is asserted (:mod:`helpers.stance.modality`), and
returns one :class:`Reading` per directed (source, target) pair of entities and cue:

* an agent toward each patient; the parties of a **reciprocal** act ("talks between X and Y", "X and Y
  met", "X negotiated with Y", "exchanged insults", "each other") toward each other both ways;
* a **negated** cue keeps its place as evidence (``negated``): a hostile or weakly cooperative one
  weighs 0 ("did not criticize", "never visited"), a cooperative one of weight at least
  :data:`REFUSAL_MIN` becomes a refusal, CAMEO 120 *reject*, -4.0 ("did not support", "refused to
  endorse", "does not recognize");
* a cooperative cue that is stopped becomes CAMEO 161 *reduce relations*, -4.0 ("suspended talks");
* under an intent marker a cooperative cue becomes CAMEO 030 *express intent to cooperate*, 4.0
  ("wants to work with Y"), a hostile one under intent or threat CAMEO 130 *threaten*, -4.4;
* the act an accusation alleges is skipped ("accused X of attacking Y": only the accusation counts);
* asking someone to leave office is CAMEO 1041 *demand change in leadership*, -5.0, toward them ("urged Y
  to resign", "asked Y to step down": ``request`` and ``leave`` verbs of ``stance_roles.csv``);
* an agentless passive of a strong act (Goldstein at most -5: arrests, charges, killings, impeachment)
  takes the agent of an active verb of the same act in the sentence, else the agent an earlier sentence
  gave that act ("The House impeached Trump ... Bill Clinton was impeached in 1998");
* someone's victim was harmed by them, CAMEO 180 at the weight of "kill" ("McArthur's first victim was
  Skandaraj Navaratnam": ``victim_noun`` of ``stance_roles.csv``);
* a labelling verb's label with no cue word is read from its words' valence (``via`` ``label``: "described
  Trump as a threat to democracy", :func:`helpers.stance.speech.labels`);
* who asks for an act shares its reading: "asked Ukraine to investigate Biden" is the asker's toward Biden
  too, and "called on Y to attack Z" makes Y the attacker (``request`` verbs of ``stance_roles.csv``);
* a cue aimed at a hostile act done to someone (an act noun of the lexicon: "impeachment", "arrest",
  "attack on Y") is read toward whom the act is done to with its sign turned (``via`` ``act``): backing it
  is hostile ("voted in favor of Trump's impeachment"), opposing or condemning it cooperative ("opposed
  the impeachment of Trump", "condemned the attack on Israel"); toward the act's own agent the cue keeps
  its sign ("condemned Russia's invasion").

A directed pair's label in a sentence comes from :func:`aggregate`: the mean Goldstein weight of its
polar cues (|weight| at or beyond the thresholds; asserted and negated ones, else modal and conditional
ones), ``cooperative`` from :data:`COOPERATIVE_MIN`, ``hostile`` from ``-HOSTILE_MIN``. Contact (met,
called, visited: CAMEO 04, weight under :data:`COOPERATIVE_MIN`) stays as neutral evidence and never
pulls a pair's score toward neutral.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from helpers.stance import clauses as C
from helpers.stance import modality as M
from helpers.stance import speech as S
from helpers.stance.cues import MARKERS, Match, find_cues
from helpers.stance.reference import Frame

LABELS = ("cooperative", "hostile", "neutral")
MODALITIES = M.MODALITIES
#: Smallest Goldstein weight read as cooperative (chosen on DSE train.tsv).
COOPERATIVE_MIN = 2.0
#: Smallest negative weight, in absolute value, read as hostile.
HOSTILE_MIN = 1.0
#: A negated cue at least this cooperative is a refusal, CAMEO 120 (chosen on DSE train.tsv).
REFUSAL_MIN = 3.0
#: Read speakers' evaluations from the valence of what they say (:func:`helpers.stance.speech.reported`).
REPORTED = True
INTENT_COOPERATE = ("030", "intent to cooperate", 4.0)
THREATEN = ("130", "threaten", -4.4)
REFUSAL = ("120", "reject", -4.0)
REDUCE_RELATIONS = ("161", "reduce relations", -4.0)
#: Cue categories that back the act they are aimed at ("demanded an investigation of police misconduct"):
#: toward whom the act is done to they keep their (hostile) sign instead of turning it.
DEMANDS = frozenset({"demand"})
#: Who someone's victim is: CAMEO 180 *use unconventional violence* (the weight of "kill", "murder").
VICTIM = ("180", "assault", -9.0)
#: Asking someone to leave office: CAMEO 1041 *demand change in leadership* (the weight of "demand").
LEAVE_DEMAND = ("1041", "demand resignation", -5.0)
#: A request that someone stop a hostile act (:func:`helpers.stance.clauses.leave_demands`, kind ``cease``):
#: (CAMEO code, category, Goldstein weight) of "demand" in ``stance_cues.csv``.
CEASE_DEMAND = ("100", "demand", -5.0)


@dataclass(frozen=True)
class Cue:
    """One piece of stance evidence.

    Attributes:
        text: the cue as written, ``text[start:end]`` of the analysed text.
        start: offset of the cue's first character.
        end: offset just past its last character.
        lemma: the lexicon entry it matched (``"criticize"``, ``"work together"``).
        cameo: CAMEO event code (``"111"``); ``"030"``/``"130"`` after an intent or threat.
        category: CAMEO category name (``"criticize"``).
        weight: Goldstein (1992) weight in [-10, 10] as read (0.0 for a negated hostile cue).
        negated: the cue is negated, refused or reversed ("did not criticize", "talks stopped").
        modality: one of ``asserted``, ``modal``, ``conditional``, ``negated``.
    """

    text: str
    start: int
    end: int
    lemma: str
    cameo: str
    category: str
    weight: float
    negated: bool
    modality: str


@dataclass(frozen=True)
class StanceLabel:
    """The stance of one actor toward another.

    Attributes:
        label: ``cooperative``, ``hostile`` or ``neutral``.
        score: in [-10, 10]: the mean Goldstein weight of the polar cues counted (rules), or the signed
            probability times 10 (a learned scorer); 0.0 when neutral.
        cues: every cue read for this direction, negated and neutral ones too, in text order.
    """

    label: str
    score: float
    cues: tuple[Cue, ...] = ()


NEUTRAL = StanceLabel("neutral", 0.0, ())


@dataclass(frozen=True)
class Reading:
    """A cue read as the stance of entity ``source`` toward entity ``target`` (indices into the frame).

    ``via`` says how: ``clause`` (agent and patient), ``reciprocal`` (parties of a mutual act) or
    ``speaker`` (a speaker's evaluative word).
    """

    source: int
    target: int
    cue: Cue
    via: str



def event_row(sid: int, source: tuple[str, str], target: tuple[str, str], cue: Cue | None, via: str,
              label: StanceLabel, scorer: str) -> dict:
    """One row of the stance events table (:data:`helpers.stance.network.EVENT_COLUMNS` and the extra
    columns) for a directed pair, ``source`` and ``target`` as ``(actor_id, name)``; ``cue`` None for a
    learned label without a rule cue."""
    return {"sentence_id": sid, "source_id": source[0], "source": source[1], "target_id": target[0],
            "target": target[1], "cue": cue.text if cue else "", "category": cue.category if cue else "",
            "cameo": cue.cameo if cue else "", "weight": cue.weight if cue else 0.0,
            "modality": cue.modality if cue else "asserted", "negated": cue.negated if cue else False,
            "label": label.label, "start": cue.start if cue else -1, "end": cue.end if cue else -1,
            "cue_label": label_of(cue.weight) if cue else "neutral", "score": label.score, "via": via,
            "scorer": scorer}  # fmt: skip

def label_of(score: float) -> str:
    """``cooperative``, ``hostile`` or ``neutral`` for a score on the Goldstein scale."""
    if score >= COOPERATIVE_MIN:
        return "cooperative"
    if score <= -HOSTILE_MIN:
        return "hostile"
    return "neutral"


def aggregate(cues: Iterable[Cue]) -> StanceLabel:
    """One direction's label from its cues: the mean weight of the polar ones (asserted and negated first)."""
    cues = tuple(sorted(set(cues), key=lambda c: (c.start, c.end, c.lemma)))
    polar = [c for c in cues if label_of(c.weight) != "neutral"]
    counted = [c.weight for c in polar if c.modality in ("asserted", "negated")] or [c.weight for c in polar]
    score = round(sum(counted) / len(counted), 4) if counted else 0.0
    return StanceLabel(label_of(score), score, cues)


def _by_token(matches: Iterable[Match]) -> dict[int, Match]:
    return {i: m for m in matches for i in m.tokens}


def _recode(m: Match, markers: dict[str, dict[int, Match]], threats: dict[int, Match]) -> tuple[str, str, float, bool]:
    """(cameo, category, weight, negated) of a cue after negation, reversal and intent."""
    e, head = m.entry, m.head
    negated = M.negated(head)
    if e.weight > 0 and M.reversed_by(head, markers["reversal"]):
        return (*REDUCE_RELATIONS, True)
    if negated:
        if e.weight >= REFUSAL_MIN and not M.focused(head):  # not "do not elect X directly"
            return (*REFUSAL, True)
        return e.cameo, e.category, 0.0, True
    kind = M.intent(head, markers["intent"], threats)
    if kind == "intent" and e.weight > 0:
        return (*INTENT_COOPERATE, False)
    if kind is not None and e.weight < 0:
        return (*THREATEN, False)
    return e.cameo, e.category, e.weight, False


def _acts_aimed_at(frame: Frame, m: Match, heads: set[int], acts: dict[int, Match]) -> list[C.Roles]:
    """The roles of the hostile acts (``acts``: noun cues by head token) a cue is aimed at; an act noun
    that names no undergoer ("voting in favor of the impeachment", "opposed both articles of impeachment")
    has the one an earlier sentence did that act to (``frame.undergoer_of``)."""
    out = []
    for t in C.act_objects(frame, m):
        act = acts.get(t.i) or next((acts[p.i] for p in C.pobjs_of(t) if p.i in acts), None)
        if act is None or act is m:
            continue
        r = C.roles(frame, act, heads)
        if not r.patients and act.entry.note == "undergoer":
            k = frame.undergoer_of(act.entry.lemma)
            r = C.Roles(r.agents, (k,), r.group) if k is not None and k not in r.agents else r
        out.append(r)
    return out


def _pairs(frame: Frame, m: Match, heads: set[int], markers: dict[str, dict[int, Match]],
           speech_heads: set[int], acts: dict[int, Match]) -> list[tuple[int, int, str]]:  # fmt: skip
    """Directed (source, target, via) entity pairs of a cue; ``via`` ``act`` where the target undergoes a
    hostile act the cue is aimed at."""
    e = m.entry
    if e.note == "evaluative":
        sources, targets = S.evaluation(frame, m, speech_heads)
        return [(s, t, "speaker") for s in sources for t in targets if s != t]
    r = C.roles(frame, m, heads)
    done_to = {p for act in _acts_aimed_at(frame, m, heads, acts) for p in act.patients}
    if e.weight > 0 and m.head.pos_ == "VERB":  # "backed Assad against the rebels": aimed at the rebels
        done_to |= {k for k in C.entities(frame, C.prep_objects(m.head, ("against",))) if k not in r.agents}
    targets = dict.fromkeys([*r.patients, *done_to])
    asked_for = C.asked_of_another(frame, m.head)  # "Trump was asked to condemn them": not his act
    out = [] if asked_for else [(a, p, "act" if p in done_to else "clause") for a in r.agents for p in targets
                                if a != p]  # fmt: skip
    asked = [x for x in C.requesters(frame, m.head) if x not in r.agents]  # "asked Y to investigate Z": X
    if asked:
        actor = {frame.entities[a].actor_id for a in r.agents}
        out += [(x, p, "act" if p in done_to else "clause") for x in asked for p in targets
                if x != p and frame.entities[p].actor_id not in actor]  # fmt: skip
    if e.note == "joint":  # "an Israeli-Cypriot-Greek effort": only its named parties, toward each other
        out = []
    mutual = e.note in ("reciprocal", "joint") or M.reciprocal_marked(m.head, markers["reciprocal-marker"])
    if mutual or M.jointly(m.head):
        group = list(r.group) or (list(r.agents) if len(r.agents) > 1 and not r.patients
                                  and not C.each_on_their_own(m.head, len(r.agents)) else [])
        out += [(a, b, "reciprocal") for a in group for b in group if a != b]
    if mutual and M.intent(m.head, markers["intent"], {}) != "intent":  # not toward whom the mutual act is
        # aimed ("allied with Britain against Germany"; a noun's "against": "the fight against ISIS" says nothing
        # of what ISIS does), nor back from the one an agent only wants it with ("would prefer to agree a
        # solution with the opposition": the opposition has agreed to nothing)
        aimed = set(C.entities(frame, C.prep_objects(m.head, ("against",)))) if m.head.pos_ == "NOUN" else set()
        out += [(b, a, "reciprocal") for a, b, via in out if via != "act" and b not in aimed]
    return list(dict.fromkeys(out))


def _evaluation_readings(ev: S.Evaluation, via: str, have: set[tuple[int, int]]) -> list[Reading]:
    """Readings of an evaluation read from valences: praise or criticism toward each target, for the pairs
    without a cue reading (``have``)."""
    code, category, weight = S.REPORTED_PRAISE if ev.total > 0 else S.REPORTED_CRITICISM
    w = ev.word
    cue = Cue(w.text, w.idx, w.idx + len(w.text), w.lower_, code, category, weight, False, M.modality(w))
    return [Reading(ev.speaker, t, cue, via) for t in ev.targets if (ev.speaker, t) not in have]


def _reported(frame: Frame, speakers: S.Speakers, taken: set[int], have: set[tuple[int, int]]) -> list[Reading]:
    """Readings of speakers' evaluations of the actors inside their quotations (pairs without a cue reading)."""
    return [r for ev in S.reported(frame, speakers, taken) for r in _evaluation_readings(ev, "reported", have)]


def read(frame: Frame, speakers: S.Speakers | None = None) -> list[Reading]:
    """Every directed reading of the frame's sentence, in cue order (see the module docstring)."""
    matches = find_cues(frame.span, frame.blocked(), frame.lexicon)
    markers = {note: _by_token(m for m in matches if m.entry.note == note) for note in MARKERS}
    threats = _by_token(m for m in matches if m.entry.category == "threaten")
    cues = [m for m in matches if m.entry.note not in MARKERS]
    heads = C.cue_heads(cues)
    acts = {m.head.i: m for m in cues if m.entry.pos == "N" and m.entry.weight < 0
            and m.entry.note in ("undergoer", "agent->patient")}  # fmt: skip
    accusations = {m.head.i for m in cues if m.entry.cameo.startswith("11")}
    speech_heads = {m.head.i for m in matches if m.entry.note == "speech"}
    out: list[Reading] = []
    for m in cues:
        if M.alleged(m.head, accusations) or M.questioned(m.head):
            continue
        pairs = _pairs(frame, m, heads, markers, speech_heads, acts)
        if not pairs:
            continue
        cameo, category, weight, negated = _recode(m, markers, threats)
        modality = "negated" if negated else M.modality(m.head)
        cue = Cue(m.text, m.start, m.end, m.entry.lemma, cameo, category, weight, negated, modality)
        backs = weight == 0 or category in DEMANDS  # demanding an act backs it: its sign is the act's own
        turned = cue if backs else replace(cue, weight=-math.copysign(max(abs(weight), COOPERATIVE_MIN), weight))
        out += [Reading(a, b, turned if via == "act" else cue, via) for a, b, via in pairs]
    for agents, patients, verb, leave, kind in C.leave_demands(frame):  # "urged Y to resign", "... to stop"
        lo, hi = min(verb.idx, leave.idx), max(verb.idx + len(verb), leave.idx + len(leave))
        negated = M.negated(verb)
        code, category, weight = LEAVE_DEMAND if kind == "leave" else CEASE_DEMAND
        cue = Cue(frame.span.doc.text[lo:hi], lo, hi, category, code, category, 0.0 if negated else weight, negated,
                  "negated" if negated else M.modality(verb))
        demanded = [(a, b) for a in agents for b in patients if a != b]
        out = [r for r in out if not (r.cue.start == verb.idx and r.cue.weight > 0
                                      and (r.source, r.target) in demanded)]  # "recommended Y withdraw": no praise
        out += [Reading(a, b, cue, "clause") for a, b in demanded]
    for doers, harmed, noun in C.victims(frame):  # "McArthur's first victim was Skandaraj Navaratnam"
        code, category, weight = VICTIM
        cue = Cue(noun.text, noun.idx, noun.idx + len(noun.text), "victim", code, category, weight, False,
                  M.modality(noun))
        have = {(r.source, r.target) for r in out}
        out += [Reading(a, b, cue, "clause") for a in doers for b in harmed if (a, b) not in have]
    taken = {i for m in cues for i in m.tokens}
    have = {(r.source, r.target) for r in out}
    for ev in S.labels(frame):  # "described Y as a threat to democracy"
        out += _evaluation_readings(ev, "label", have)
    if speakers is not None and REPORTED:
        out += _reported(frame, speakers, taken, {(r.source, r.target) for r in out})
    return out
