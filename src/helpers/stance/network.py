"""The stance network: candidate pairs, their labels, events and directed edges; ``stance_between``.

Stance is read sentence by sentence on the article's one parse (:mod:`helpers.text.document`), between
the actor mentions of :func:`helpers.actors.mentions.find_mentions` (the actor role), with speakers from
:func:`helpers.actors.quotes.find_quotes`. Only pairs within one sentence are read (a quotation's
speaker named in an earlier sentence counts as present in the quoted one, and so does whom an earlier
sentence's act was done to, for an act noun that names nobody: "the House impeached Trump ... X opposed
both articles of impeachment"), and so do the people an earlier sentence named together, for a
they/them/their the actors stage left unlinked ("Barr and Ross refused ... the committee voted to refer
them").

* :func:`stance_events` — one row per piece of evidence (cue) between two actors in a sentence, with
  the label its scorer gives that direction in that sentence; with ``method="rules"`` the labels are the
  rules' (:mod:`helpers.stance.readings`), with a learned scorer (:mod:`helpers.stance.scorers`) every
  candidate pair is scored and the rule cues stay as the evidence;
* :func:`stance_edges` — one row per directed actor pair: the mean of its sentences' polar scores
  (asserted sentences first), labelled with the rule thresholds; neutral contact ("met", "called",
  "visited") is kept as neutral evidence and never moves a score;
* :func:`stance_between` — the stance of two spans of any text toward each other.

Offsets are half-open ``[start, end)`` character offsets into the article text, as everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from helpers.actors.gazetteer import load_gazetteer
from helpers.actors.lexicon import load_lexicon as load_actor_lexicon
from helpers.actors.quotes import find_quotes
from helpers.errors import HelpersError, MethodError, SpanError
from helpers.stance import clauses as C
from helpers.stance import readings as R
from helpers.stance import reference as F
from helpers.stance import scorers
from helpers.stance import speech as S
from helpers.stance.cues import keys, load_lexicon
from helpers.stance.readings import LABELS, MODALITIES, NEUTRAL, Cue, StanceLabel, aggregate, label_of
from helpers.stance.sides import protester_group, side_events
from helpers.text.article import Article, Block, Section
from helpers.text.document import Document, parse, parse_many

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Span, Token

__all__ = ["EDGE_COLUMNS", "EVENT_COLUMNS", "LABELS", "METHODS", "MODALITIES", "Cue", "StanceLabel",
           "StanceSpanError", "read_pair", "rule_pairs", "rule_probabilities", "stance_between", "stance_edges",
           "stance_events"]  # fmt: skip

METHODS = ("default", "rules", "model")
#: Columns of the events table, in order; more follow (``cue_label``, ``score``, ``via``, ``scorer``).
EVENT_COLUMNS = ["sentence_id", "source_id", "source", "target_id", "target", "cue", "category", "cameo",
                 "weight", "modality", "negated", "label", "start", "end"]  # fmt: skip
EXTRA_EVENT_COLUMNS = ["cue_label", "score", "via", "scorer"]
EDGE_COLUMNS = ["source_id", "source", "target_id", "target", "label", "score", "n", "evidence", "sentence_ids",
                "support_ids"]

#: Entity spans given to :func:`stance_between` are out of range, empty or overlapping.
StanceSpanError = SpanError


# --------------------------------------------------------------------------- reading a pair of spans


def _region_span(document: Document, start: int, end: int):
    """The document's sentences from the one holding ``start`` to the one holding ``end - 1``, as one span."""
    a, b = document.sentence_at(start), document.sentence_at(max(start, end - 1))
    first, last = document.sentences[a], document.sentences[b]
    return document.doc[first.start : max(last.end, first.start)]


def read_pair(document: Document, p: tuple[int, int], q: tuple[int, int],
              speakers: S.Speakers | None = None) -> tuple[StanceLabel, StanceLabel]:  # fmt: skip
    """The rules' ``(p_to_q, q_to_p)`` for two spans of a parsed document (their sentences read as one)."""
    span = _region_span(document, min(p[0], q[0]), max(p[1], q[1]))
    frame = F.Frame.build(span, [F.Entity("p", "p", *p), F.Entity("q", "q", *q)], bare=True)
    speakers = speakers or S.Speakers(())
    S.attach(frame, speakers)
    fwd: list[Cue] = []
    back: list[Cue] = []
    for r in R.read(frame, speakers):
        if (r.source, r.target) == (0, 1):
            fwd.append(r.cue)
        elif (r.source, r.target) == (1, 0):
            back.append(r.cue)
    return (aggregate(fwd) if fwd else NEUTRAL), (aggregate(back) if back else NEUTRAL)


def _pair_speakers(document: Document, p: tuple[int, int], q: tuple[int, int]) -> S.Speakers:
    """Speakers of the quotations of a text whose only actors are the two spans (ids ``p`` and ``q``)."""
    mentions = pd.DataFrame({"actor_id": ["p", "q"], "actor": ["p", "q"], "start": [p[0], q[0]], "end": [p[1], q[1]],
                             "sentence_id": [document.sentence_at(p[0]), document.sentence_at(q[0])]})
    return S.Speakers.from_table(find_quotes(document, mentions))


def _article(text: str, region: tuple[int, int]) -> Article:
    """``text`` as an article of one paragraph, ``region``, with every offset kept."""
    block = Block("paragraph", region[0], region[1], text[region[0] : region[1]], 0)
    return Article(text=text, blocks=(block,), sections=(Section(0, None, 0, len(text)),))


def _parse_items(items: Sequence[scorers.PairItem]) -> list[Document]:
    return list(parse_many(_article(text, (0, len(text))) for text, _, _ in items))


def rule_pairs(items: Sequence[scorers.PairItem], documents: Sequence[Document] | None = None
               ) -> list[tuple[StanceLabel, StanceLabel]]:  # fmt: skip
    """The rules' ``(p_to_q, q_to_p)`` for each pair item (each sentence parsed, in batches, unless given)."""
    docs = documents if documents is not None else _parse_items(items)
    return [read_pair(d, p, q, _pair_speakers(d, p, q)) for d, (_, p, q) in zip(docs, items, strict=True)]


def rule_probabilities(items: Sequence[scorers.PairItem]) -> np.ndarray:
    """The rules as a scorer: one-hot DSE-class probabilities ``(n, 5)`` of each pair item."""
    return scorers.one_hot([scorers.dse_class(a, b) for a, b in rule_pairs(items)])


def _check_span(text: str, span: tuple[int, int], name: str) -> tuple[int, int]:
    try:
        s, e = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError) as exc:
        raise StanceSpanError(f"{name} must be a (start, end) pair of offsets, got {span!r}") from exc
    if not 0 <= s < e <= len(text):
        raise StanceSpanError(f"{name} {span!r} is empty or outside the text (0..{len(text)}); spans are [start, end)")
    return s, e


def get_scorer(method: str) -> scorers.Scorer:
    """The scorer for ``method`` (``rules`` or ``model``; see :mod:`helpers.stance.scorers`).

    Raises:
        MethodError: unknown method, or the learned head is not available.
    """
    if method == "rules":
        return rule_probabilities
    if method == "model":
        return scorers.learned()
    raise MethodError(f"unknown stance method {method!r}; choose one of rules, model")


@cache
def default_method() -> str:
    """``"model"`` when a learned head is available, else ``"rules"``."""
    try:
        scorers.learned()
    except MethodError:
        return "rules"
    return "model"


def stance_between(
    text: str,
    p: tuple[int, int],
    q: tuple[int, int],
    *,
    method: str = "default",
    sentence: tuple[int, int] | None = None,
) -> tuple[StanceLabel, StanceLabel]:
    """Stance of entity ``p`` toward ``q`` and of ``q`` toward ``p``.

    The text (or ``sentence`` of it) is parsed as an article of one paragraph; the rules read the
    sentences holding the two spans.

    Args:
        text: the text that holds both entities (a sentence, or an article with ``sentence`` given).
        p: ``(start, end)`` offsets of the first entity's mention in ``text``.
        q: ``(start, end)`` offsets of the second entity's mention; must not overlap ``p``.
        method: ``"rules"``, ``"model"`` (the learned head, :func:`helpers.stance.scorers.learned`) or
            ``"default"`` (the model when available, else the rules).
        sentence: ``(start, end)`` of the sentence to read; default the whole text.

    Returns:
        ``(p_to_q, q_to_p)``, each a :class:`StanceLabel`; ``cues`` carry offsets into ``text``.

    Raises:
        StanceSpanError: a span is empty, outside the text or the sentence, or the two overlap.
        MethodError: unknown ``method``, or ``"model"`` without a learned head.
    """
    if not isinstance(text, str):
        raise StanceSpanError(f"stance_between expects text as str, not {type(text).__name__}")
    p = _check_span(text, p, "p")
    q = _check_span(text, q, "q")
    if p[0] < q[1] and q[0] < p[1]:
        raise StanceSpanError(f"entity spans overlap: p={p}, q={q}; give two distinct mentions")
    region = (0, len(text)) if sentence is None else _check_span(text, sentence, "sentence")
    if not (region[0] <= min(p[0], q[0]) and max(p[1], q[1]) <= region[1]):
        raise StanceSpanError(f"entity spans p={p}, q={q} are not inside the sentence {region}")
    if method not in METHODS:
        raise MethodError(f"unknown stance method {method!r}; choose one of {', '.join(METHODS)}")
    if method == "default":
        method = default_method()
    scorer = get_scorer(method) if method != "rules" else None
    document = parse(_article(text, region))
    rules = read_pair(document, p, q, _pair_speakers(document, p, q))
    if scorer is None:
        return rules
    sub = text[region[0] : region[1]]
    shift = region[0]
    probs = scorer([(sub, (p[0] - shift, p[1] - shift), (q[0] - shift, q[1] - shift))])
    return scorers.labels_from(probs[0], rules)


# --------------------------------------------------------------------------- the article's network


#: Dependencies that tie a modifier to the noun it qualifies.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "punct"})


def acting_modifiers(document: Document, mods: pd.DataFrame) -> pd.Series:
    """Which modifier mentions (``start``, ``end``) qualify a noun through which their actor can take part in
    stance: a cue noun ("an Israeli-Cypriot-Greek effort", "the US blockade", "a Russian attack") or a
    noun that speaks for it ("the Libyan ambassador"); not a person or thing merely from there ("a Canadian
    tourist", "a Cheltenham man", "United States Senator Bernie Sanders")."""
    lex = load_lexicon()

    def acts_through(noun: Token) -> bool:
        return noun.pos_ in ("NOUN", "PROPN") and (
            any(e.pos == "N" for k in keys(noun) for e in lex.by_first.get(k, ())) or F.speaker_noun(noun))

    out = []
    for start, end in zip(mods["start"].tolist(), mods["end"].tolist(), strict=True):
        span = document.span(int(start), int(end))
        tok, ok = (span.root if span is not None else None), False
        while tok is not None and not ok and tok.dep_ in MODIFIER_DEPS and tok.head.i != tok.i:
            tok = tok.head  # up the modifier chain: "#US blockade measure", "Israeli-Cypriot-Greek effort"
            ok = acts_through(tok)
        out.append(ok)
    return pd.Series(out, index=mods.index, dtype=bool)


def person_modifiers(document: Document, mods: pd.DataFrame) -> pd.Series:
    """Which modifier mentions (``start``, ``end``) qualify a noun naming one unnamed person ("a Saudi girl", "an
    American student", ``person_nouns.csv``): what is done to that person is not done to their country ("I
    helped a Saudi girl escape" is no stance toward Saudi Arabia), unlike to one who speaks for it ("expelled
    the Libyan ambassador")."""
    nouns = load_actor_lexicon().person_nouns
    out = []
    for start, end in zip(mods["start"].tolist(), mods["end"].tolist(), strict=True):
        span = document.span(int(start), int(end))
        tok = span.root if span is not None else None
        while tok is not None and tok.dep_ in MODIFIER_DEPS and tok.head.i != tok.i and tok.head.pos_ != "NOUN":
            tok = tok.head
        head = tok.head if tok is not None and tok.dep_ in MODIFIER_DEPS else None
        after = document.doc[span.end] if span is not None and span.end < len(document.doc) else None
        if after is not None and after.dep_ == "compound" and head is not None and after.head.i == head.i:
            head = after  # "a Saudi girl escape" (read as a compound noun): the girl's nationality
        out.append(head is not None and head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in nouns
                   and not F.speaker_noun(head))
    return pd.Series(out, index=mods.index, dtype=bool)


def _entities_by_sentence(mentions: pd.DataFrame) -> dict[int, list[F.Entity]]:
    """The entities of each sentence; a ``role == "modifier"`` mention is a target only."""
    out: dict[int, list[F.Entity]] = {}
    roles = mentions["role"].tolist() if "role" in mentions.columns else ["actor"] * len(mentions)
    rows = zip(mentions["sentence_id"].tolist(), mentions["actor_id"].tolist(), mentions["actor"].tolist(),
               mentions["start"].tolist(), mentions["end"].tolist(), roles, strict=True)  # fmt: skip
    for sid, aid, name, s, e, role in rows:
        if isinstance(aid, str) and aid:
            out.setdefault(int(sid), []).append(F.Entity(aid, str(name), int(s), int(e), role == "modifier"))
    for group in out.values():
        group.sort(key=lambda x: (x.start, x.end))
    return out


def _check_frames(mentions: pd.DataFrame, quotes: pd.DataFrame | None) -> None:
    missing = [c for c in ("actor_id", "actor", "sentence_id", "start", "end") if c not in mentions.columns]
    if missing:
        raise HelpersError(f"stance_events: mentions lacks column(s) {', '.join(missing)}")
    if quotes is not None and len(quotes):
        missing = [c for c in ("speaker_id", "speaker", "start", "end") if c not in quotes.columns]
        if missing:
            raise HelpersError(f"stance_events: quotes lacks column(s) {', '.join(missing)}")


def _sentence_readings(document: Document, entities: dict[int, list[F.Entity]], speakers: S.Speakers,
                       protesters: F.Entity | None = None, people: frozenset[str] = frozenset(),
                       implied: dict[str, F.Entity] | None = None
                       ) -> Iterable[tuple[int, F.Frame, list[R.Reading]]]:  # fmt: skip
    """(sentence id, frame, readings) of each sentence with two actors, or one and a quotation's speaker,
    an earlier act, or protests the article's protester group (``protesters``) makes; ``people`` are the
    actor ids of persons (for the people named together, :func:`_named_together`)."""
    undergone: dict[str, F.Entity] = {}  # act lemma -> whom the latest reading of that act was done to
    done_by: dict[str, F.Entity] = {}  # act lemma -> who did it in the latest reading
    parties: dict[str, list[F.Entity]] = {}  # mutual act lemma -> its parties in the latest reading
    together: list[tuple[int, int, list[F.Entity]]] = []  # (sentence, end offset, people named together)
    for sid, group in sorted(entities.items()):
        if sid >= len(document.sentences):
            continue
        span = document.sentences[sid]
        together += [(sid, end, es) for end, es in _named_together(document, group, people)]
        bounds = document.bounds[sid]
        quoted = any(q.start < bounds.end and bounds.start < q.end for q in speakers.quotes)
        if len({e.actor_id for e in group}) < 2 and not quoted and not _protests(span, protesters) \
                and not _known_act(span, done_by, {**undergone, **parties}) and not _implied_act(span, implied):
            continue
        frame = F.Frame.build(span, [_issuer(document, e) for e in group])
        S.attach(frame, speakers)
        if protesters is not None:
            frame.protesters = lambda frame=frame: frame.add_entity(protesters)
        if implied:
            frame.implied_agent = lambda act, frame=frame: frame.add_entity(implied[act]) if act in implied else None
        frame.undergoer_of = _act_lookup(frame, undergone)
        frame.agent_of = _act_lookup(frame, done_by)
        frame.parties_of = _parties_lookup(frame, parties)
        frame.listed = _listed_lookup(frame, sid, together)
        readings = R.read(frame, speakers)
        mutual: dict[str, list[F.Entity]] = {}
        for r in readings:
            if r.cue.negated or r.cue.modality != "asserted":
                continue
            if r.via == "clause" and r.cue.weight < 0:
                for k, seen in ((r.target, undergone), (r.source, done_by)):
                    seen[r.cue.lemma] = _elsewhere(frame.entities[k])
            elif r.via == "reciprocal" and r.cue.weight >= R.COOPERATIVE_MIN:
                act = r.cue.lemma.split()[-1]  # "sign agreement": the agreement
                mutual.setdefault(act, []).append(_elsewhere(frame.entities[r.source]))
        parties.update({lemma: list({e.actor_id: e for e in es}.values()) for lemma, es in mutual.items()})
        yield sid, frame, readings


def _named_together(document: Document, group: list[F.Entity], people: frozenset[str]
                    ) -> list[tuple[int, list[F.Entity]]]:  # fmt: skip
    """The entities of a sentence (``group``) named together, conjuncts of one phrase ("Ross and Barr", "Joe
    Biden and his team"), at least one a person and two different actors, each with the end offset of its last."""
    doc = document.doc
    heads: dict[int, F.Entity] = {}
    for e in group:
        mention = document.span(e.start, e.end) if e.start >= 0 and not e.target_only else None
        if mention is not None:
            heads.setdefault(mention.root.i, e)
    lists: dict[int, list[F.Entity]] = {}
    for i, e in heads.items():
        first = doc[i]
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.i in heads:
            lists.setdefault(first.i, []).append(e)
    out = []
    for es in lists.values():
        ids = {e.actor_id for e in es}
        if len(ids) > 1 and ids & people:
            out.append((max(e.end for e in es), list({e.actor_id: e for e in es}.values())))
    return sorted(out, key=lambda x: x[0])


def _listed_lookup(frame: F.Frame, sid: int, together: list[tuple[int, int, list[F.Entity]]]
                   ) -> Callable[[int], list[int]]:  # fmt: skip
    """Let ``frame`` find the people last named together before a character offset, in its sentence or the
    one before, adding them to the frame."""

    doc = frame.span.doc

    def lookup(char: int) -> list[int]:
        for s, end, es in reversed(together):
            if s < sid - 1:
                break
            if s < sid or end <= char:
                between = doc.char_span(end, char, alignment_mode="contract") if end < char else None
                if any(t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass") for t in between or ()):
                    return []  # "the parents tried to have Y released by saying they forgave him"
                return [frame.add_entity(_elsewhere(e) if s < sid else e) for e in es]
        return []

    return lookup


def _protests(span: Span, protesters: F.Entity | None) -> bool:
    """Whether a sentence names protests the article's protester group can have made ("suppress protests")."""
    lex = load_lexicon()
    return protesters is not None and any(t.pos_ == "NOUN" and lex.protest_noun(t.lemma_.lower()) for t in span)


def _protest_group(mentions: pd.DataFrame) -> F.Entity | None:
    """The article's one protester group (:func:`helpers.stance.sides.protester_group`) as an entity, else None."""
    if "resolved_by" not in mentions.columns or not len(mentions):
        return None
    rows = list(mentions[["actor_id", "actor", "resolved_by"]].itertuples(index=False))
    actor_id = protester_group(rows)
    name = next((r.actor for r in rows if r.actor_id == actor_id), "")
    return F.Entity(actor_id, str(name), -1, -1) if actor_id else None


def _implied_agents(mentions: pd.DataFrame) -> dict[str, F.Entity]:
    """Act lemma -> the article's one acting group or organisation that is named by a group noun doing such
    acts (``<lemma>_agent`` cues of ``actor_cues.csv``: "police", "Indonesian National Police" for arrests)."""
    if not len(mentions) or not {"text", "role", "type"} <= set(mentions.columns):
        return {}
    lex = load_actor_lexicon()
    acting = mentions[(mentions["role"] == "actor") & mentions["type"].isin(["group", "organisation"])]
    out: dict[str, F.Entity] = {}
    for act, nouns in lex.implied_agents.items():
        found = {(a, str(n)) for a, n, t in zip(acting["actor_id"], acting["actor"], acting["text"], strict=True)
                 if (g := lex.groups.get(str(t).split()[-1].lower())) is not None and g.canonical in nouns}
        if len(found) == 1:
            actor_id, name = found.pop()
            out[act] = F.Entity(actor_id, name, -1, -1)
    return out


def _elsewhere(e: F.Entity) -> F.Entity:
    """An entity kept with no span, for a later sentence: it is mentioned in another one."""
    return F.Entity(e.actor_id, e.name, -1, -1, e.target_only)


def _issuer(document: Document, e: F.Entity) -> F.Entity:
    """A modifier that names who issues the message it qualifies acts through it ("a Trump lawsuit
    attempting to prevent Y": Trump; ``message`` nouns of ``stance_roles.csv``), as does one that names who
    does an act the clause's subject undergoes ("Iran faced Israeli attacks": :func:`clauses.undergone`);
    other modifiers stay targets only ("a Libyan court criticized Greece": not Libya)."""
    if not e.target_only:
        return e
    span = document.span(e.start, e.end)
    head = span.root.head if span is not None else None
    if head is None or head.pos_ != "NOUN":
        return e
    lex = load_lexicon()
    if span.root.dep_ in ("compound", "poss") and head.lemma_.lower() in lex.words("message"):
        return replace(e, target_only=False)
    if span.root.dep_ in ("compound", "poss", "amod", "nmod") and C.undergone(head, lex):
        return replace(e, target_only=False)
    return e


def _same_act(key: str, lemma: str) -> bool:
    """Whether a cue lemma names the act ``key``: the same lemma, or the noun made from the verb ("impeach"
    for "impeachment", "oust" for "ouster")."""
    return key == lemma or (len(key) >= 4 and lemma.startswith(key.removesuffix("e")))


def _known_act(span: Span, done_by: dict[str, F.Entity], undergone: dict[str, F.Entity] | None = None) -> bool:
    """Whether a sentence has a passive verb of an act an earlier sentence said someone did, or a noun of
    an act an earlier sentence said was done to someone ("Democrats voted in favor of the impeachment")."""
    if done_by and any(t.dep_ == "auxpass" and any(_same_act(k, t.head.lemma_.lower()) for k in done_by)
                       for t in span):  # fmt: skip
        return True
    return bool(undergone) and any(t.pos_ == "NOUN" and any(_same_act(k, t.lemma_.lower()) for k in undergone)
                                   for t in span)  # fmt: skip


def _implied_act(span: Span, implied: dict[str, F.Entity] | None) -> bool:
    """Whether a sentence has a passive verb of an act the article's group of :func:`_implied_agents` does
    ("Smith was arrested on Friday": by the article's police)."""
    if not implied:
        return False
    return any(t.dep_ == "auxpass" and t.head.lemma_.lower() in implied for t in span)


def _act_lookup(frame: F.Frame, seen: dict[str, F.Entity]) -> Callable[[str], int | None]:
    """Let ``frame`` find who did or underwent an act in an earlier sentence (``seen``: act lemma ->
    entity; the longest matching lemma wins), adding that entity to the frame."""

    def lookup(lemma: str) -> int | None:
        for key in sorted(seen, key=len, reverse=True):
            if _same_act(key, lemma):
                return frame.add_entity(seen[key])
        return None

    return lookup


def _parties_lookup(frame: F.Frame, seen: dict[str, list[F.Entity]]) -> Callable[[str], list[int]]:
    """Let ``frame`` find the parties of an earlier sentence's mutual act (``seen``: act lemma -> parties;
    the longest matching lemma wins), adding them to the frame; two or more, or none."""

    def lookup(lemma: str) -> list[int]:
        for key in sorted(seen, key=len, reverse=True):
            if _same_act(key, lemma) and len(seen[key]) > 1:
                return [frame.add_entity(e) for e in seen[key]]
        return []

    return lookup


_Directed = dict[tuple[str, str], list[tuple[R.Reading, F.Entity, F.Entity]]]


def _directed(frame: F.Frame, readings: list[R.Reading]) -> _Directed:
    """Readings grouped by directed actor pair (same-actor pairs dropped, one reading per cue and pair); a
    mention that only qualifies a noun is a source only of a mutual act ("the Turkish-Libyan agreement")."""
    out: _Directed = {}
    seen = set()
    for r in readings:
        a, b = frame.entities[r.source], frame.entities[r.target]
        key = (a.actor_id, b.actor_id, r.cue.start, r.cue.end)
        if a.actor_id == b.actor_id or (a.target_only and r.via != "reciprocal") or key in seen:
            continue
        seen.add(key)
        out.setdefault((a.actor_id, b.actor_id), []).append((r, a, b))
    return out


def _row(sid: int, a: F.Entity, b: F.Entity, cue: Cue | None, via: str, label: StanceLabel, scorer: str) -> dict:
    return R.event_row(sid, (a.actor_id, a.name), (b.actor_id, b.name), cue, via, label, scorer)


def _candidates(frame: F.Frame) -> list[tuple[int, int]]:
    """Candidate pairs of a frame: the first mention of each two actors of the sentence, in text order."""
    first: dict[str, int] = {}
    for k, e in enumerate(frame.entities):
        if e.start >= 0:
            first.setdefault(e.actor_id, k)
    ks = sorted(first.values(), key=lambda k: frame.entities[k].start)
    return [(a, b) for i, a in enumerate(ks) for b in ks[i + 1 :]]


def stance_events(document: Document, mentions: pd.DataFrame, quotes: pd.DataFrame | None = None, *,
                  method: str = "rules") -> pd.DataFrame:  # fmt: skip
    """Directed stance events between actors mentioned in the same sentence.

    Args:
        document: the parsed article (:func:`helpers.text.document.parse`).
        mentions: the actor mentions (``actor_id, actor, sentence_id, start, end``, and ``role``: pass the
            ``actor`` role, and ``modifier`` mentions of the same actors to read what is done to them through
            the noun they qualify, as the pipeline does).
        quotes: the quotations (:func:`helpers.actors.quotes.find_quotes`), for speakers.
        method: the scorer of each candidate pair: ``rules`` or ``model`` (:mod:`helpers.stance.scorers`).

    Returns:
        One row per (sentence, source, target, cue), columns :data:`EVENT_COLUMNS` then ``cue_label``
        (the cue's own label), ``score`` (the direction's score in that sentence), ``via`` (clause,
        reciprocal, act, speaker, reported, label, side; ``model`` for a learned label without a rule cue) and
        ``scorer``: cue text
        with ``start``/``end`` offsets into the article, CAMEO ``cameo`` and ``category``, Goldstein
        ``weight`` as read, ``modality``, ``negated``, and ``label``, the scorer's label for that
        direction in that sentence.

    Raises:
        HelpersError: a table lacks a column.
        MethodError: unknown ``method``, or ``model`` without a learned head.
    """
    _check_frames(mentions, quotes)
    scorer = get_scorer(method) if method != "rules" else None
    speakers = S.Speakers.from_table(quotes)
    rows: list[dict] = []
    pending: list[tuple[int, F.Frame, dict, tuple[int, int]]] = []
    protesters = _protest_group(mentions)
    people = frozenset(mentions.loc[mentions["type"] == "person", "actor_id"]) if "type" in mentions else frozenset()
    for sid, frame, readings in _sentence_readings(document, _entities_by_sentence(mentions), speakers, protesters,
                                                   people, _implied_agents(mentions)):  # fmt: skip
        directed = _directed(frame, readings)
        if scorer is None:
            for group in directed.values():
                label = aggregate(r.cue for r, _, _ in group)
                rows += [_row(sid, a, b, r.cue, r.via, label, "rules") for r, a, b in group]
        else:
            pending += [(sid, frame, directed, pair) for pair in _candidates(frame)]
    if scorer is not None and pending:
        rows += _scored_rows(document, pending, scorer, method)
    if "resolved_by" in mentions.columns:
        rows += side_events(document, mentions)  # "anti-government protesters", "protests against X"
    own = _own_states(mentions)
    rows = [r for r in rows if r["target_id"] not in own.get(r["source_id"], ())
            and r["source_id"] not in own.get(r["target_id"], ())]  # fmt: skip
    cols = EVENT_COLUMNS + EXTRA_EVENT_COLUMNS
    return pd.DataFrame({c: [r[c] for r in rows] for c in cols}, columns=cols)


def _own_states(mentions: pd.DataFrame) -> dict[str, frozenset[str]]:
    """Actor id -> the states whose offices its mentions hold ("Iranian President Hassan Rouhani": Iran), or
    whose body it is in the gazetteer (``part_of``, up to a state: the Department of Defense is the United
    States'). An office holder or a state body speaks for that state: "The Islamic Republic of Iran deeply
    regrets this disastrous mistake" is no stance of Rouhani's toward Iran, nor "the U.S. military has taken
    action to protect U.S. personnel", said by the Department of Defense, one of the United States toward it; such
    events are left out. Outlets and other bodies with only a home country are not the state's."""
    gaz = load_gazetteer()
    out: dict[str, set[str]] = {}
    if "office_id" in mentions.columns:
        for actor, office in zip(mentions["actor_id"], mentions["office_id"], strict=True):
            if isinstance(office, str) and office in gaz.offices and gaz.offices[office].country:
                out.setdefault(actor, set()).add(gaz.offices[office].country)
    for actor in set(mentions["actor_id"]) & gaz.actors.keys():
        seen, up = {actor}, gaz.actors[actor].part_of
        while up in gaz.actors and up not in seen:
            seen.add(up)
            if gaz.actors[up].type == "state":
                out.setdefault(actor, set()).add(up)
                break
            up = gaz.actors[up].part_of
    return {a: frozenset(c) for a, c in out.items()}


def _scored_rows(document: Document, pending: list, scorer: scorers.Scorer, method: str) -> list[dict]:
    """Event rows of candidate pairs labelled by a learned scorer, the rule cues as their evidence."""
    items = []
    for sid, frame, _, (a, b) in pending:
        s0 = document.bounds[sid].start
        text = document.text[s0 : document.bounds[sid].end]
        ea, eb = frame.entities[a], frame.entities[b]
        items.append((text, (ea.start - s0, ea.end - s0), (eb.start - s0, eb.end - s0)))
    probs = scorer(items)
    rows: list[dict] = []
    for (sid, frame, directed, (a, b)), row in zip(pending, probs, strict=True):
        ea, eb = frame.entities[a], frame.entities[b]
        fwd = directed.get((ea.actor_id, eb.actor_id), [])
        back = directed.get((eb.actor_id, ea.actor_id), [])
        rules = (aggregate(r.cue for r, _, _ in fwd), aggregate(r.cue for r, _, _ in back))
        for label, group, (x, y) in zip(scorers.labels_from(row, rules), (fwd, back), ((ea, eb), (eb, ea)),
                                        strict=True):  # fmt: skip
            rows += [_row(sid, x, y, r.cue, r.via, label, method) for r, _, _ in group]
            if not group and label.label != "neutral":
                rows.append(_row(sid, x, y, None, "model", label, method))
    return rows


def stance_edges(events: pd.DataFrame) -> pd.DataFrame:
    """One row per directed actor pair, from :func:`stance_events`.

    Each sentence of the pair gives one score (``score``, or the event ``weight`` for an events table
    without it) and label; ``score`` is the mean over the sentences with a polar label, those with an
    asserted or negated cue first (else the modal and conditional ones), in [-10, 10]; ``label`` applies
    the rule thresholds to it (neutral when no sentence is polar); ``n`` counts the events; ``evidence``
    lists ``s<sentence_id>: <cue>`` (negated cues prefixed with ``not``), the cues of the sentences that
    carry the label first ("s9: raped; s6: met" for a hostile edge); ``sentence_ids`` is sorted, and
    ``support_ids`` holds those of its sentences whose own label is the edge's (all of them for a neutral edge).
    """
    rows = []
    if len(events):
        has_score = "score" in events.columns
        groups: dict[tuple, list[tuple]] = {}
        cols = ["source_id", "target_id", "source", "target", "modality", "weight", "sentence_id", "cue", "negated",
                "label"] + (["score"] if has_score else [])  # fmt: skip
        for r in zip(*(events[c].tolist() for c in cols), strict=True):
            if not (pd.isna(r[0]) or pd.isna(r[1])):
                groups.setdefault((r[0], r[1]), []).append(r)
        for sid, tid in sorted(groups):
            g = groups[(sid, tid)]
            sentences: dict[int, list[tuple]] = {}
            for r in g:
                sentences.setdefault(int(r[6]), []).append(r)
            asserted, other = [], []
            labels: dict[int, str] = {}
            for k, rs in sentences.items():
                score = float(rs[0][10]) if has_score else sum(float(r[5]) for r in rs) / len(rs)
                labels[k] = label_of(score)
                if labels[k] == "neutral":
                    continue
                (asserted if any(r[4] in ("asserted", "negated") for r in rs) else other).append(score)
            counted = asserted or other
            score = round(sum(counted) / len(counted), 4) if counted else 0.0
            label = label_of(score)
            support = sorted(k for k in sentences if label == "neutral" or labels[k] == label)
            ordered = sorted(g, key=lambda r: int(r[6]) not in support)  # the label's own sentences first
            evidence = "; ".join(f"s{r[6]}: {'not ' if r[8] else ''}{' '.join(str(r[7]).lower().split())}"
                                 for r in ordered if r[7])  # fmt: skip
            rows.append({"source_id": sid, "source": g[0][2], "target_id": tid, "target": g[0][3],
                         "label": label, "score": score, "n": len(g), "evidence": evidence,
                         "sentence_ids": sorted(sentences), "support_ids": support})  # fmt: skip
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)
