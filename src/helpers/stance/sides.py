"""Sides a group takes by its name: stance read from "anti-" and "pro-" and from protests against someone.

* "anti-government protesters", "anti-Trump demonstrators": the group protests against what follows
  "anti-" (hostile); "pro-Beijing candidates" support it (cooperative).
* "anti-government protests", "protests against the Chinese government": the protest is the act of the
  article's protesters, the one group it names whose noun is a protest cue ("protesters", "demonstrators").

The target is the actor mentioned right after the prefix or after "against", or the one the gazetteer
names by the word after the prefix where the article names it too ("pro-Beijing": China); a word of
``definites.csv`` after the prefix ("anti-government") is the actor the article's own "the government"
mentions stand for. A side no actor takes ("pro-democracy") is an issue, read by
:mod:`helpers.stance.issues`. Each side gives one event row per sentence, with the cue "anti-government"
or "protests against" and the weight of the ``protest`` or ``support`` noun of ``stance_cues.csv``.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from helpers.actors.gazetteer import load_gazetteer
from helpers.actors.lexicon import load_lexicon as load_actor_lexicon
from helpers.stance.cues import load_lexicon, singular
from helpers.stance.readings import Cue, StanceLabel, event_row, label_of
from helpers.text.document import Document

#: "anti-government", "pro-Beijing": a side glued to a word by a hyphen.
_SIDE = re.compile(r"\b(anti|pro)-(?=\w)", re.IGNORECASE)
#: "protests against", "demonstration against": a protest and its target after it.
_AGAINST = re.compile(r"\b(?:protests?|demonstrations?) against ", re.IGNORECASE)
#: The cue lemma of each side, its entry in ``stance_cues.csv`` (a noun).
_LEMMAS = {"anti": "protest", "pro": "support"}


def side_events(document: Document, mentions: pd.DataFrame) -> list[dict]:
    """Event rows (the columns of :func:`helpers.stance.network.stance_events`) for the sides groups take.

    ``mentions`` are the stance mentions (actor role, plus modifier mentions of the same actors), with
    ``actor_id, actor, sentence_id, start, end`` and ``resolved_by``.
    """
    if not len(mentions):
        return []
    text = document.text
    rows = list(mentions[["actor_id", "actor", "sentence_id", "start", "end", "resolved_by"]].itertuples(index=False))
    names = {r.actor_id: r.actor for r in rows}
    protesters = protester_group(rows)
    out: list[dict] = []
    seen: set[tuple] = set()
    for m in _SIDE.finditer(text):
        side = m.group(1).lower()
        target = _side_target(rows, m.end(), text)
        holder = next((r for r in rows if r.start <= m.start() < r.end and r.resolved_by == "group"), None)
        source = holder.actor_id if holder is not None else (protesters if _protest_after(text, m.end()) else "")
        if target and source and source != target:
            sid = document.sentence_at(m.start())
            word_end = m.end() + len(re.match(r"[\w.]+", text[m.end():]).group())
            _add(out, seen, sid, source, target, names, side, text, m.start(), word_end)
    for m in _AGAINST.finditer(text):
        target = next((r.actor_id for r in rows if r.start == m.end() or (
            r.start > m.end() and text[m.end() : r.start].lower() in ("the ", "a "))), "")
        if target and protesters and protesters != target:
            _add(out, seen, document.sentence_at(m.start()), protesters, target, names, "anti", text, m.start(),
                 m.end() - 1)  # fmt: skip
    return out


def _add(out: list[dict], seen: set, sid: int, source: str, target: str, names: dict, side: str, text: str,
         start: int, end: int) -> None:
    if (sid, source, target) in seen:
        return
    seen.add((sid, source, target))
    entry = next(e for e in load_lexicon().by_first[_LEMMAS[side]] if e.pos == "N")
    cue = Cue(text[start:end], start, end, entry.lemma, entry.cameo, entry.category, entry.weight, False, "asserted")
    label = StanceLabel(label_of(cue.weight), cue.weight, (cue,))
    out.append(event_row(sid, (source, names[source]), (target, names[target]), cue, "side", label, "rules"))


def _side_target(rows: list, at: int, text: str) -> str:
    """The actor a side names: a mention starting right after the prefix, else (for "government",
    "regime") the actor most of the article's descriptions with that word stand for."""
    hit = next((r.actor_id for r in rows if r.start == at), "")
    if hit:
        return hit
    word = re.match(r"\w+", text[at:])
    noun = word.group().lower() if word else ""
    lex = load_actor_lexicon()
    named = {x.target for x in load_gazetteer(title_words=lex.title_words).lookup(word.group() if word else "")
             if x.kind != "office"}  # "pro-Beijing": China, when the article names it  # fmt: skip
    actors = {r.actor_id for r in rows}
    if len(named) == 1 and named <= actors:
        return next(iter(named))
    if noun not in lex.definites:
        return ""
    votes = Counter(r.actor_id for r in rows if r.resolved_by == "definite"
                    and text[r.start : r.end].lower().endswith(noun))  # fmt: skip
    return votes.most_common(1)[0][0] if votes else ""


def _protest_after(text: str, at: int) -> bool:
    """Whether the word after a side's word is a protest noun ("anti-government protests")."""
    m = re.match(r"[\w.]+\s+(\w+)", text[at:])
    if not m:
        return False
    word = m.group(1).lower()
    by_first = load_lexicon().by_first
    entries = by_first.get(word, ()) or by_first.get(singular(word), ())
    return any(e.pos == "N" and e.category == "protest" and len(e.words) == 1 for e in entries)


def protester_group(rows: list) -> str:
    """The article's one protester group (``protest_group`` cues: "protesters", "demonstrators"), else "";
    counter-protesters are a group of their own (``groups.csv``), not the protesters."""
    lex = load_actor_lexicon()
    nouns = lex.protest_groups
    own = {e.canonical for e in lex.groups.values() if "-" in e.canonical}  # "counter-protester": a group of its own
    groups = set()
    for r in rows:
        tail = r.actor_id.split(":")[-1]  # "group:hong-kong-protester"
        if r.resolved_by == "group" and tail.rsplit("-", 1)[-1] in nouns \
                and not any(tail == g or tail.endswith("-" + g) for g in own):
            groups.add(r.actor_id)
    return next(iter(groups)) if len(groups) == 1 else ""
