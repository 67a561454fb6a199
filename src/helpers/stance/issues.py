"""Issue stance: where each actor stands on the issues an article is about.

Issues, their trigger terms and the stance cues are data (``data/issues.yaml``, documented in
its header; :func:`load_issues`). :func:`issue_events` reads each sentence for a trigger term of
an issue and a cue that governs it, and finds the actor whose position the clause states;
:func:`issue_stance` sums the events up per (actor, issue). Spans are half-open ``[start, end)``
character offsets into the article text, as everywhere in the package.

Rules (word order over the tokens and Penn tags of the article's one spaCy parse,
:mod:`helpers.text.document`; nothing is tokenised or tagged again):

- a trigger pairs with the nearest favor/against cue up to 12 tokens before it in the same
  clause segment (segments end at ``; :`` and ", although/though/while/whereas/but"), or a
  passive cue after it ("sanctions would be withdrawn"); cue words inside the trigger don't count;
- the **actor** is the clause's agent: the nearest actor mention before the cue, past
  auxiliaries, adverbs and "not", that is not the object of a preposition ("with Russia") nor
  a possessor (except of a plan noun: "Putin's plan" is Putin) (``via`` = ``subject``);
  "we"/"I" inside a quotation is the quote's speaker (``speaker``); for a passive cue, the
  ``by`` phrase (``passive_agent``) or else the owner of the plan the sentence spells out
  (``frame``: "Putin's 2024 plan … Under this scheme, … - Ukraine would not be let to join
  NATO" is Putin's position); a sentence with no agent gives no event;
- a trigger with no favor/against cue but a conditional noun in its segment ("Putin's plan
  resembles an ultimatum more than a peace accord") is a conditional event of the segment's
  subject (``possessor`` when that is a plan's owner);
- a conditional cue in the segment makes an event conditional; a negation up to three words
  before the cue flips favor and against; a hedge before the actor ("it is unknown how much
  Putin is ready to compromise") drops the event; questions give no events;
- a short verbless follow-up with a conditional cue and no actor ("But on terms.") carries the
  previous sentence's (actor, issue) pairs as conditional events (``carried``).

Aggregation (:func:`issue_stance`): each event counts +1 (favor), -1 (against) or 0
(conditional); ``score`` is their mean in [-1, 1]. The label is ``conditional`` when any event
is conditional (an actor open to talks "but on terms" is conditional, not in favor) or favor
and against tie; otherwise ``favor`` for a positive score and ``against`` for a negative one.
"Favor" means the actor wants, keeps or accepts what the issue names: for ``territory``,
keeping or taking territory; for ``sanctions``, keeping sanctions in place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from helpers import config
from helpers.actors.quotes import find_quotes
from helpers.errors import DataError
from helpers.text.document import Document, nlp
from helpers.text.tokens import Token, normal

ISSUES_FILE = config.DATA_DIR / "issues.yaml"
LABELS = ("favor", "against", "conditional")
VIAS = ("subject", "speaker", "passive_agent", "frame", "possessor", "carried")
EVENT_COLUMNS = [
    "sentence_id", "actor_id", "actor", "issue", "label", "trigger", "trigger_start", "trigger_end",
    "cue", "cue_start", "cue_end", "negated", "via",
]  # fmt: skip
STANCE_COLUMNS = ["actor_id", "actor", "issue", "label", "score", "n", "evidence", "sentence_ids"]
_CUE_KEYS = ("favor", "against", "conditional", "negation", "hedges", "frame_nouns")
_ISSUE_KEYS = ("label", "terms", "favor", "against")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_WINDOW = 12
_AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should",
        "can", "could", "may", "might", "must", "do", "does", "did", "'s", "'re", "'ve", "'ll", "'d", "to"}
_BE = {"is", "are", "was", "were", "be", "been", "being"}
_PREP_TAGS = {"IN", "TO"}
_SEGMENT_CONJ = {"although", "though", "while", "whereas", "but"}
_FIRST_PERSON = {"we", "i"}
_SUBORDINATORS = {"if", "unless", "provided", "when", "while", "because", "although", "though", "whereas", "after",
                  "before", "until", "which", "who", "that"}

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Issue:
    """One issue: its id, readable label, trigger phrases and issue-specific extra cues."""

    id: str
    label: str
    terms: tuple[Phrase, ...]
    favor: tuple[Phrase, ...] = ()
    against: tuple[Phrase, ...] = ()


@dataclass(frozen=True)
class IssueBook:
    """Everything ``issues.yaml`` holds: the issues and the shared cue lists (phrases of normalised words)."""

    issues: tuple[Issue, ...]
    favor: tuple[Phrase, ...]
    against: tuple[Phrase, ...]
    conditional: tuple[Phrase, ...]
    negation: frozenset[str]
    hedges: frozenset[str]
    frame_nouns: frozenset[str]
    source: str = ""


# --------------------------------------------------------------------------- data


def _phrases(path: Path, key: str, value: Any, *, required: bool = False) -> tuple[Phrase, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, list) or (required and not value) or not all(isinstance(v, str) and v.strip()
                                                                          for v in value):
        need = "a non-empty list" if required else "a list"
        raise DataError(f"{path}: {key} must be {need} of words or phrases, got {value!r}"[:300])
    out = tuple(tuple(normal(w) for w in tokenize_words(v)) for v in value)
    bad = next((v for v, p in zip(value, out, strict=True) if p[0] == "*"), None)
    if bad is not None:
        raise DataError(f"{path}: {key}: {bad!r} starts with *; a phrase must start with a word")
    return out


def tokenize_words(phrase: str) -> list[str]:
    """The words of a cue or trigger phrase, tokenised like article text by spaCy (``*`` kept as a wildcard)."""
    return [t.text for t in nlp().tokenizer(phrase) if not t.is_space]


def sentence_tokens(document: Document, sid: int) -> list[Token]:
    """The tokens of one sentence of the parse, with offsets into the article and their Penn tags."""
    return [Token(t.text, t.idx, t.idx + len(t.text), t.tag_) for t in document.sentences[sid] if not t.is_space]


@cache
def load_issues(path: str | Path | None = None) -> IssueBook:
    """Issues and stance cues from ``path`` (default ``data/issues.yaml``), read once per path.

    Raises:
        DataError: the file is missing or not YAML, or a key is missing, unknown or of the wrong type
            (the message names the file and the key, e.g. ``issues.peace_talks.terms``).
    """
    import yaml

    p = Path(path) if path else ISSUES_FILE
    if not p.exists():
        raise DataError(f"{p}: issues file missing (see the header of data/issues.yaml for its layout)")
    try:
        doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(f"{p}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(doc, dict):
        raise DataError(f"{p}: top level must be a mapping with keys 'cues' and 'issues'")
    unknown = set(doc) - {"version", "cues", "issues"}
    if unknown:
        raise DataError(f"{p}: unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}; use cues, issues")
    cues = doc.get("cues")
    if not isinstance(cues, dict):
        raise DataError(f"{p}: key 'cues' missing or not a mapping of {', '.join(_CUE_KEYS)}")
    for k in cues:
        if k not in _CUE_KEYS:
            raise DataError(f"{p}: unknown key cues.{k}; use {', '.join(_CUE_KEYS)}")
    lists = {k: _phrases(p, f"cues.{k}", cues.get(k), required=True) for k in _CUE_KEYS}
    issues_doc = doc.get("issues")
    if not isinstance(issues_doc, dict) or not issues_doc:
        raise DataError(f"{p}: key 'issues' missing or empty; it maps issue ids to label and terms")
    issues = []
    for iid, spec in issues_doc.items():
        if not isinstance(iid, str) or not _ID.match(iid):
            raise DataError(f"{p}: issue id issues.{iid} must be lower_snake_case")
        if not isinstance(spec, dict):
            raise DataError(f"{p}: issues.{iid} must be a mapping with label and terms")
        for k in spec:
            if k not in _ISSUE_KEYS:
                raise DataError(f"{p}: unknown key issues.{iid}.{k}; use {', '.join(_ISSUE_KEYS)}")
        label = spec.get("label", iid)
        if not isinstance(label, str):
            raise DataError(f"{p}: issues.{iid}.label must be a string")
        issues.append(Issue(
            iid, label, _phrases(p, f"issues.{iid}.terms", spec.get("terms"), required=True),
            _phrases(p, f"issues.{iid}.favor", spec.get("favor")),
            _phrases(p, f"issues.{iid}.against", spec.get("against")),
        ))
    single = {k: frozenset(" ".join(w) for w in lists[k]) for k in ("negation", "hedges", "frame_nouns")}
    return IssueBook(tuple(issues), lists["favor"], lists["against"], lists["conditional"],
                     single["negation"], single["hedges"], single["frame_nouns"], str(p))


# --------------------------------------------------------------------------- matching


def _match_at(low: list[str], i: int, phrase: Phrase) -> int | None:
    """End index of ``phrase`` matched at token ``i`` (``*`` = one to three words), else None."""
    if not phrase:
        return i
    if phrase[0] == "*":
        for n in (1, 2, 3):
            if i + n <= len(low):
                end = _match_at(low, i + n, phrase[1:])
                if end is not None:
                    return end
        return None
    if i < len(low) and low[i] == phrase[0]:
        return _match_at(low, i + 1, phrase[1:])
    return None


@cache
def _index(phrases: tuple[Phrase, ...]) -> dict[str, tuple[Phrase, ...]]:
    by_first: dict[str, list[Phrase]] = {}
    for p in phrases:
        by_first.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in by_first.items()}


def _find(low: list[str], phrases: tuple[Phrase, ...]) -> list[tuple[int, int]]:
    """Token ranges of the longest non-overlapping matches of ``phrases``, left to right."""
    index = _index(phrases)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(low):
        cands = index.get(low[i])
        if cands is None:
            i += 1
            continue
        best = max((e for p in cands if (e := _match_at(low, i, p)) is not None), default=None)
        if best is not None and best > i:
            out.append((i, best))
            i = best
        else:
            i += 1
    return out


class _Mention(NamedTuple):
    actor_id: str
    actor: str
    start: int
    end: int


class _Cue(NamedTuple):
    i: int
    j: int
    kind: str  # favor | against | conditional


class _Event(NamedTuple):
    sentence_id: int
    actor_id: str
    actor: str
    issue: str
    label: str
    trigger: str
    trigger_start: int
    trigger_end: int
    cue: str
    cue_start: int
    cue_end: int
    negated: bool
    via: str


# --------------------------------------------------------------------------- sentence reading


class _Reader:
    """Reads one sentence: tokens, segments, mentions, and finds agents for cues."""

    def __init__(self, text: str, toks: list[Token], mentions: list[_Mention], book: IssueBook) -> None:
        self.text, self.toks, self.book = text, toks, book
        self.low = [normal(t.text) for t in toks]
        self.mentions = mentions
        self.seg = self._segments()
        self.against_words = {p[0] for p in book.against if len(p) == 1}

    def _segments(self) -> list[int]:
        seg, n = [], 0
        for k, t in enumerate(self.toks):
            if t.text in (";", ":") or (self.low[k] in _SEGMENT_CONJ and k > 0 and self.toks[k - 1].text == ","):
                n += 1
            seg.append(n)
        return seg

    def mention_at(self, k: int) -> _Mention | None:
        pos = self.toks[k].start
        return next((m for m in self.mentions if m.start <= pos < m.end), None)

    def first_token(self, m: _Mention) -> int:
        return next(k for k, t in enumerate(self.toks) if t.start >= m.start)

    def last_token(self, m: _Mention) -> int:
        return max(k for k, t in enumerate(self.toks) if t.start < m.end)

    def passive(self, c: _Cue) -> bool:
        k = c.i - 1
        while k >= 0 and (self.toks[k].tag == "RB" or self.low[k] in self.book.negation):
            k -= 1
        return k >= 0 and self.low[k] in _BE and self.toks[c.i].tag in ("VBN", "VBD", "VB")

    def negated(self, c: _Cue, lo: int | None = None) -> bool:
        """An odd number of negations and against-verbs ("refused to support") between ``lo`` and the cue.

        ``lo`` is the agent's last token (default: three words before the cue).
        """
        lo = max(0, c.i - 3) if lo is None else lo + 1
        flips = sum(1 for k in range(lo, c.i) if self.low[k] in self.book.negation)
        flips += sum(1 for k in range(lo, c.i)
                     if self.low[k] in self.against_words and self.toks[k].tag.startswith("VB"))
        return flips % 2 == 1

    def plan_owner(self, m: _Mention) -> bool:
        """``m`` is a possessor of a plan noun ("Putin's 2024 plan")."""
        k = self.last_token(m) + 1
        if k >= len(self.toks) or self.toks[k].tag != "POS":
            return False
        for x in range(k + 1, min(k + 4, len(self.toks))):
            if self.low[x] in self.book.frame_nouns:
                return True
            if self.toks[x].tag not in ("CD", "JJ", "NN", "NNP"):
                return False
        return False

    def subject(self, c: _Cue, *, nominal: bool) -> tuple[_Mention | None, int, str]:
        """The agent mention before cue ``c`` in its segment, the token where it starts, and how it was found."""
        seg = self.seg[c.i]
        k = c.i - 1
        if not nominal:
            while k >= 0 and (self.low[k] in _AUX or self.toks[k].tag in ("RB", "MD")
                              or self.low[k] in self.book.negation):
                k -= 1
        while k >= 0 and self.seg[k] == seg:
            if self.low[k] in _FIRST_PERSON:
                return None, k, "speaker"
            m = self.mention_at(k)
            if m is not None:
                a = self.first_token(m)
                before = self.toks[a - 1] if a > 0 else None
                possessor = self.last_token(m) + 1 < len(self.toks) and self.toks[self.last_token(m) + 1].tag == "POS"
                if before is not None and before.tag in _PREP_TAGS and self.low[a - 1] not in ("under",):
                    k = a - 1
                    continue
                if possessor and not self.plan_owner(m):
                    k = a - 1
                    continue
                return m, a, "possessor" if possessor else "subject"
            if not nominal and (self._chain(k) or self.low[k] in _AUX or self.toks[k].tag in ("RB", "MD")
                                or self.low[k] in self.book.negation):  # does not want to keep, is ready to
                k -= 1
                continue
            if not nominal and (self.toks[k].tag.startswith("VB") or self.toks[k].text in (",", '"', "“", "”")):
                return None, k, ""
            k -= 1
        return None, k, ""

    def _chain(self, k: int) -> bool:
        """Token ``k`` is "to" after a verb or adjective, or such a verb or adjective before "to"."""
        if self.low[k] == "to":
            return k > 0 and (self.toks[k - 1].tag.startswith("VB") or self.toks[k - 1].tag == "JJ")
        nxt = self.low[k + 1] if k + 1 < len(self.low) else ""
        return nxt == "to" and (self.toks[k].tag.startswith("VB") or self.toks[k].tag == "JJ")

    def crosses(self, a: int, b: int) -> bool:
        """A subordinator or a finite verb (not an auxiliary) lies between tokens ``a`` and ``b``."""
        return any(self.low[k] in _SUBORDINATORS
                   or (self.toks[k].tag in ("VBZ", "VBD", "VBP") and self.low[k] not in _AUX) for k in range(a, b))

    def hedged(self, upto: int) -> bool:
        return any(self.low[k] in self.book.hedges for k in range(0, max(upto, 0)))


def _is_question(sentence: str) -> bool:
    return sentence.rstrip(" \n\"”’'").endswith("?")


def _sentence_events(
    r: _Reader, sid: int, book: IssueBook, owner: _Mention | None, speaker_at: Any,
) -> list[_Event]:
    low, toks, text = r.low, r.toks, r.text
    triggers: list[tuple[int, int, Issue]] = []
    taken: set[int] = set()
    spans = sorted(((i, j, iss) for iss in book.issues for i, j in _find(low, iss.terms)),
                   key=lambda x: (x[0], -(x[1] - x[0])))
    for i, j, iss in spans:
        if not taken & set(range(i, j)):
            triggers.append((i, j, iss))
            taken |= set(range(i, j))
    if not triggers:
        return []
    conds = [_Cue(i, j, "conditional") for i, j in _find(low, book.conditional)]
    out: list[_Event] = []
    shared = [_Cue(i, j, "favor") for i, j in _find(low, book.favor)]
    shared += [_Cue(i, j, "against") for i, j in _find(low, book.against)]
    for ti, tj, iss in triggers:
        cues = shared + [_Cue(i, j, "favor") for i, j in _find(low, iss.favor)]
        cues += [_Cue(i, j, "against") for i, j in _find(low, iss.against)]
        cues = [c for c in cues if not set(range(c.i, c.j)) & taken and r.seg[c.i] == r.seg[ti]]
        before = [c for c in cues if c.j <= ti and ti - c.j <= _WINDOW and not r.crosses(c.j, ti)]
        after = [c for c in cues if c.i >= tj and c.i - tj <= 6 and r.passive(c)]
        seg_conds = [c for c in conds if r.seg[c.i] == r.seg[ti]]
        cue = max(before, key=lambda c: c.i, default=None) or min(after, key=lambda c: c.i, default=None)
        nominal = False
        if cue is None:
            cue = next((c for c in seg_conds if toks[c.i].tag.startswith("NN")), None)
            nominal = True
        if cue is None:
            continue
        agent: _Mention | None
        if not nominal and r.passive(cue):
            agent, via, at = None, "", cue.i
            by = next((k for k in range(cue.j, min(cue.j + 3, len(toks))) if low[k] == "by"), None)
            if by is not None and by + 1 < len(toks):
                agent = r.mention_at(by + 1)
                via = "passive_agent"
            if agent is None and owner is not None:
                agent, via = owner, "frame"
        else:
            agent, at, via = r.subject(cue, nominal=nominal)
            if via == "speaker":
                agent = speaker_at(toks[at].start)
        if agent is None or r.hedged(at):
            continue
        negated = cue.kind != "conditional" and r.negated(cue, at if via in ("subject", "speaker") else None)
        label = cue.kind
        if negated:
            label = "against" if label == "favor" else "favor"
        if seg_conds:
            label = "conditional"
        ts, te = toks[ti].start, toks[tj - 1].end
        cs, ce = toks[cue.i].start, toks[cue.j - 1].end
        out.append(_Event(sid, agent.actor_id, agent.actor, iss.id, label, text[ts:te], ts, te, text[cs:ce], cs, ce,
                          negated, via))
    return _dedupe(out)


def _dedupe(events: list[_Event]) -> list[_Event]:
    """One event per (sentence, actor, issue): the first, made conditional if any of them is."""
    seen: dict[tuple[int, str, str], _Event] = {}
    for e in events:
        key = (e.sentence_id, e.actor_id, e.issue)
        if key not in seen:
            seen[key] = e
        elif e.label == "conditional":
            seen[key] = seen[key]._replace(label="conditional")
    return list(seen.values())


# --------------------------------------------------------------------------- public


def _mention_list(mentions: pd.DataFrame) -> list[_Mention]:
    if mentions is None or len(mentions) == 0:
        return []
    rows = zip(mentions["actor_id"], mentions["actor"], mentions["start"], mentions["end"], strict=True)
    return sorted((_Mention(str(a), str(n), int(s), int(e)) for a, n, s, e in rows), key=lambda m: m.start)


def issue_events(
    document: Document,
    mentions: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    issues_file: str | Path | None = None,
) -> pd.DataFrame:
    """One row per (sentence, actor, issue) where the sentence states the actor's position on the issue.

    Args:
        document: the parsed article (:func:`helpers.text.document.parse`); a list item block lets a plan's
            owner carry through its list.
        mentions: the actor mentions (``actor_id, actor, start, end``; :func:`helpers.actors.mentions.find_mentions`).
        quotes: the quotations (:func:`helpers.actors.quotes.find_quotes`), for "we"/"I" inside a quote; found
            here when needed and not given.
        issues_file: the issues YAML (default ``data/issues.yaml``).

    Returns:
        Columns :data:`EVENT_COLUMNS`: ``label`` in :data:`LABELS`, ``via`` in :data:`VIAS`;
        ``text[trigger_start:trigger_end] == trigger`` and ``text[cue_start:cue_end] == cue``.

    Raises:
        DataError: the issues file is missing or malformed.
    """
    book = load_issues(str(issues_file) if issues_file else None)
    text = document.text
    ments = _mention_list(mentions)
    starts = [m.start for m in ments]
    trigger_words = {p[0] for iss in book.issues for p in iss.terms}
    cond_words = {p[0] for p in book.conditional}
    frame_re = re.compile(r"\b(?:this|that|these|the|such|his|her|its|their)\s+(?:[\w-]+\s+)?(?:"
                          + "|".join(map(re.escape, sorted(book.frame_nouns))) + r")\b|^\s*under\b", re.I)
    events: list[_Event] = []
    owner: _Mention | None = None
    prev: list[_Event] = []
    prev_sid = None
    said: list[list[_Mention | tuple[int, int]]] = []  # [(start, end), speaker] per quote, found once
    found_quotes: list[bool] = []

    def speaker_at(pos: int) -> _Mention | None:
        if not found_quotes:
            found_quotes.append(True)
            q = quotes if quotes is not None else find_quotes(document, mentions)
            q = q[q["speaker_id"].notna() & q["speaker_start"].notna()]
            said.extend([(int(s), int(e)), _Mention(str(a), str(n), int(ss), int(se))] for s, e, a, n, ss, se in zip(
                q["start"], q["end"], q["speaker_id"], q["speaker"], q["speaker_start"], q["speaker_end"], strict=True))
        return next((sp for (s, e), sp in said if s <= pos < e), None)  # type: ignore[misc]

    for sid, bounds in enumerate(document.bounds):
        s, e, block = bounds.start, bounds.end, bounds.kind
        sentence = text[s:e]
        toks = sentence_tokens(document, sid)
        low = [normal(t.text) for t in toks]
        lo = bisect.bisect_left(starts, s)
        here = ments[lo : bisect.bisect_left(starts, e, lo)]
        # the plan frame: set by "<Actor>'s plan", kept by "under this scheme" or the list that follows
        if owner is not None and not (frame_re.search(sentence) or (block == "list_item" and prev_sid == sid - 1)):
            owner = None
        found: list[_Event] = []
        words = set(low)
        plan = "'s" in words and bool(words & book.frame_nouns)
        carry = bool(prev) and prev_sid == sid - 1 and not here and len(toks) <= 10 and bool(words & cond_words)
        if not _is_question(sentence) and (words & trigger_words or plan or carry):
            r = _Reader(text, toks, here, book)
            for m in here:
                if r.plan_owner(m):
                    owner = m
            found = _sentence_events(r, sid, book, owner, speaker_at)
            if not found and carry and _carries(r, book):
                c = _find(r.low, book.conditional)[0]
                cs, ce = toks[c[0]].start, toks[c[1] - 1].end
                found = [p._replace(sentence_id=sid, label="conditional", cue=text[cs:ce], cue_start=cs, cue_end=ce,
                                    negated=False, via="carried") for p in prev]
        events += found
        if found or owner is not None:
            prev, prev_sid = found, sid
        else:
            prev, prev_sid = [], sid
    ints = {"sentence_id", "trigger_start", "trigger_end", "cue_start", "cue_end"}
    cols = {}
    for k, c in enumerate(EVENT_COLUMNS):
        values = [e[k] for e in events]
        cols[c] = pd.Series(values, dtype="int64" if c in ints else bool if c == "negated" else object)
    return pd.DataFrame(cols)


def _carries(r: _Reader, book: IssueBook) -> bool:
    """A short verbless follow-up ("But on terms.") with a conditional cue."""
    words = [t for t in r.toks if t.text[:1].isalnum()]
    finite = any(t.tag in ("VBZ", "VBD", "VBP", "MD") for t in r.toks)
    return len(words) <= 6 and not finite and bool(_find(r.low, book.conditional))


def issue_stance(
    document: Document | None,
    mentions: pd.DataFrame,
    *,
    events: pd.DataFrame | None = None,
    group: Mapping[str, str] | None = None,
    issues_file: str | Path | None = None,
) -> pd.DataFrame:
    """Where each actor stands on each issue: one row per (actor, issue) with at least one event.

    Args:
        document, mentions: as for :func:`issue_events` (``document`` is only read when ``events`` is None).
        events: events already found by :func:`issue_events` (found here if not given).
        group: actor ids to merge before summing up, e.g. ``{"vladimir_putin": "RUS"}`` to read a head
            of state's positions as the state's; the merged actor's name comes from ``mentions``.
        issues_file: the issues YAML (default ``data/issues.yaml``).

    Returns:
        Columns :data:`STANCE_COLUMNS`, sorted by actor and issue: ``label`` in :data:`LABELS`;
        ``score`` in [-1, 1], the mean of +1 (favor), -1 (against) and 0 (conditional) events;
        ``n`` events; ``evidence`` "sentence_id:cue" items joined by "; "; ``sentence_ids`` a tuple.
        See the module docstring for the labelling rule.
    """
    if events is None and document is None:
        raise TypeError("issue_stance needs the parsed document or the events")
    ev = issue_events(document, mentions, issues_file=issues_file) if events is None else events
    names = dict(zip(mentions["actor_id"], mentions["actor"], strict=True)) if len(mentions) else {}
    rows = []
    if len(ev):
        aids, actors = ev["actor_id"].tolist(), ev["actor"].tolist()
        if group:
            aids = [group.get(a, a) for a in aids]
            actors = [names.get(a, n) for a, n in zip(aids, actors, strict=True)]
        groups: dict[tuple[str, str], list[tuple]] = {}  # dict grouping: pandas groupby costs more than the rest
        for aid, issue, actor, lab, sid, cue in zip(aids, ev["issue"].tolist(), actors, ev["label"].tolist(),
                                                    ev["sentence_id"].tolist(), ev["cue"].tolist(), strict=True):
            if not (pd.isna(aid) or pd.isna(issue)):  # groupby drops missing keys
                groups.setdefault((aid, issue), []).append((actor, lab, sid, cue))
        for aid, issue in sorted(groups):
            g = groups[(aid, issue)]
            labels = [r[1] for r in g]
            nf, na, nc = labels.count("favor"), labels.count("against"), labels.count("conditional")
            score = (nf - na) / len(labels)
            label = "conditional" if nc or nf == na else ("favor" if score > 0 else "against")
            evidence = "; ".join(f"{r[2]}:{r[3]}" for r in g)
            rows.append((aid, g[0][0], issue, label, round(score, 3), len(labels), evidence,
                         tuple(int(r[2]) for r in g)))
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)
