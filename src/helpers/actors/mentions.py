"""Actors: every mention of a state, organisation, group, person or office, read on the parsed document.

:func:`find_mentions` returns one row per mention and :func:`actor_table` one row per actor. Spans are
half-open ``[start, end)`` offsets into the article's text; ``text[start:end] == mention text``.
The steps, in order (each in its own module):

1. candidates (:mod:`helpers.actors.candidates`): gazetteer forms, spaCy's named entities, group
   nouns, offices and descriptions;
2. one candidate per span, and titles joined to their person (:mod:`helpers.actors.resolve`);
3. roles (:mod:`helpers.actors.roles`): actor, place, modifier or caption, on the dependency parse;
4. identity (:mod:`helpers.actors.resolve`): one actor per entity, descriptions resolved;
5. pronouns (:mod:`helpers.actors.pronouns`);
6. affiliates named by their tie to an actor, "his team", "Joe Biden's son" (:mod:`helpers.actors.affiliates`).

The ``role`` column keeps places apart: a state named only as a place ("flights to Spain") is a
mention with role ``place`` and no actor row. ``resolved_by`` says how a mention was found:
gazetteer, alias, demonym, metonym (gazetteer forms), ner (spaCy's recogniser), title (a name with its
title), group, office, definite, surname, pronoun, affiliate.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.actors import candidates as cand
from helpers.actors.affiliates import affiliate_mentions
from helpers.actors.gazetteer import Gazetteer, load_gazetteer
from helpers.actors.lexicon import ActorLexicon, load_lexicon
from helpers.actors.pronouns import link_pronouns
from helpers.actors.resolve import (
    attach_titles,
    birth_names,
    cluster,
    fold_groups,
    merge,
    name_culprits,
    resolve_descriptions,
)
from helpers.actors.roles import caption_blocks, clause_role, place_addresses, role_of
from helpers.text.article import Article, parse_date
from helpers.text.document import Document, parse
from helpers.text.quotation import document_speaker_labels
from helpers.text.words import party_tagged

#: Columns of the mention table, in order (more may follow; none is ever renamed).
MENTION_COLUMNS = [
    "actor_id", "actor", "type", "sentence_id", "start", "end", "text", "resolved_by", "gender", "office_id", "title",
    "role", "clause_role", "verb",
]  # fmt: skip
ACTOR_COLUMNS = ["actor_id", "actor", "type", "mentions", "first_sentence", "resolved_by", "surface_forms"]
#: Types an actor can have.
TYPES = ("person", "organisation", "state", "group", "office", "role", "place", "unknown")


def find_mentions(
    document: Document | Article,
    *,
    date: str | dt.date | None = None,
    gazetteer_dir: str | Path | None = None,
    lexicon_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Every actor mention of the document, one row each, ordered by ``start``.

    Args:
        document: the parsed article (:func:`helpers.text.document.parse`); an ``Article`` is parsed.
        date: the article date for dated offices ("the U.S. president"); default the article's own.
        gazetteer_dir: folder of the gazetteer CSV files (default ``data/gazetteer``).
        lexicon_dir: folder of the word lists (default ``data/lexicons``).

    Returns:
        Columns ``MENTION_COLUMNS``; ``type`` is one of ``TYPES``; ``role`` one of actor, place,
        modifier, caption, unnamed, label (a transcript's speaker label, "((Sara Seager))"; only ``actor``
        mentions make actor rows and link pronouns);
        ``clause_role`` how the mention stands in its clause (subject, passive_subject, object, agent,
        oblique, possessor, other) and ``verb`` the lemma of the verb it hangs on ("" if none).

    Raises:
        DataError: the gazetteer or a word list is missing or malformed.
        ArticleError: ``date`` is not a date.
    """
    if isinstance(document, Article):
        document = parse(document)
    when = parse_date(date) if date is not None else document.article.date
    lex = load_lexicon(lexicon_dir)
    gaz = load_gazetteer(gazetteer_dir, title_words=lex.title_words)
    merged, info = _resolved(document, gaz, lex, when)
    return _frame([_row(c, info, document.text, *clause_role(c, document)) for c in merged])


def _resolved(document: Document, gaz: Gazetteer, lex: ActorLexicon, when: dt.date | None):
    cands = cand.gazetteer_candidates(document, gaz, lex) + cand.ner_candidates(document, lex)
    cands += cand.group_candidates(document, lex)
    cands += cand.proper_noun_candidates(document, lex, cands)
    cands += cand.repeated_names(document, cands)
    cands = [c for c in cands if not cand.in_hashtag(document.text, c) and not cand.in_honour(document.doc, c, lex)]
    for c in cands:
        if c.label in ("person", "organisation") and party_tagged(document.text, c.start):
            c.label = "place"  # "Bob Corker, R-Tenn.": the state a legislator is from, whatever the recogniser said
    merged = merge(document, cands, lex)
    merged = attach_titles(document, merged, gaz, lex)
    spans = [(c.start, c.end) for c in merged]
    merged = sorted(merged + cand.description_candidates(document, lex, spans), key=lambda c: c.start)
    info = cluster(merged, gaz, lex, document.text)
    merged = [c for c in merged if c.actor_id or c.kind in ("office", "description")]
    merged = resolve_descriptions(document, merged, gaz, lex, info, when)
    fold_groups(merged, info, document.doc, lex)
    name_culprits(document, merged, info, lex)
    birth_names(document.doc, merged, info)
    captions = caption_blocks(document, lex)
    labels = document_speaker_labels(document)
    for c in merged:
        c.label = info.get(c.actor_id, ("", c.label, ""))[1] or c.label
        c.role = "label" if any(s <= c.start and c.end <= e for s, e in labels) else \
            role_of(c, document, lex, captions)
    place_addresses(merged, document)
    merged += link_pronouns(document, merged, info)
    merged += affiliate_mentions(document, merged, info, lex)
    info.update({c.actor_id: ("unnamed person", "person", c.gender) for c in merged if c.role == "unnamed"})
    for c in merged:  # a span never leaves its sentence (a widened title, an entity across a boundary)
        b = document.bounds[c.sentence_id]
        c.start, c.end = max(c.start, b.start), min(c.end, b.end)
    merged = sorted((c for c in merged if c.start < c.end), key=lambda c: (c.start, c.end))
    return merged, info


def _row(c: cand.Candidate, info: dict[str, tuple[str, str, str]], text: str, clause: str, verb: str) -> tuple:
    name, type_, gender = info.get(c.actor_id, (c.name, c.label, c.gender))
    return (c.actor_id, name, type_ if type_ in TYPES else "unknown", c.sentence_id, c.start, c.end,
            text[c.start : c.end], c.kind, c.gender or gender, c.office_id, c.title, c.role, clause, verb)  # fmt: skip


def _frame(rows: list[tuple]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame(rows, columns=MENTION_COLUMNS).astype({"sentence_id": int, "start": int, "end": int})
    ints = {"sentence_id", "start", "end"}
    return pd.DataFrame({c: np.array(v, dtype=np.int64) if c in ints else list(v)
                         for c, v in zip(MENTION_COLUMNS, zip(*rows, strict=True), strict=True)})  # fmt: skip


def actor_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per actor: ``actor_id, actor, type, mentions, first_sentence, resolved_by, surface_forms``.

    Only actors with at least one mention in the ``actor`` role count; ``mentions`` counts those.
    ``resolved_by`` counts how they were found ("gazetteer=3|pronoun=2", most first);
    ``surface_forms`` lists the distinct texts, ``|``-separated. Sorted by mentions (descending),
    then ``actor_id``.
    """
    if "role" in mentions.columns:
        mentions = mentions[mentions["role"] == "actor"]
    groups: dict[str, list[tuple]] = {}
    for row in zip(*(mentions[c].tolist() for c in ("actor_id", "actor", "type", "sentence_id", "resolved_by",
                                                     "text")), strict=True):  # fmt: skip
        if isinstance(row[0], str) and row[0]:
            groups.setdefault(row[0], []).append(row)
    rows = []
    for actor_id, group in groups.items():
        how = Counter(r[4] for r in group)
        rows.append((
            actor_id, group[0][1], group[0][2], len(group), int(min(r[3] for r in group)),
            "|".join(f"{k}={v}" for k, v in sorted(how.items(), key=lambda kv: (-kv[1], kv[0]))),
            "|".join(sorted({" ".join(r[5].split()) for r in group})),
        ))  # fmt: skip
    rows.sort(key=lambda r: (-r[3], r[0]))
    if rows:
        return pd.DataFrame({c: np.array(v, dtype=np.int64) if c in ("mentions", "first_sentence") else list(v)
                             for c, v in zip(ACTOR_COLUMNS, zip(*rows, strict=True), strict=True)})  # fmt: skip
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS).astype({"mentions": int, "first_sentence": int})
