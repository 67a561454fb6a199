"""Quotations: who said what, in direct, partial and reported (indirect) speech, read on the one parse.

:func:`find_quotes` reads the parsed document (:mod:`helpers.text.document`: one spaCy ``Doc`` over the
article's text) with the actor mentions table (:mod:`helpers.actors.mentions`) and returns one row per
quotation. Nothing is tokenised or tagged again: cues, speakers and reported clauses are read on the
``Doc``'s tokens, tags, dependency tree and entities. Spans are half-open ``[start, end)`` character
offsets into the article text: ``text[start:end]`` is the quoted words without the quotation marks,
``text[cue_start:cue_end]`` the cue and ``text[speaker_start:speaker_end]`` the speaker phrase.

**Quotations** are found on the text (:func:`quote_spans`): curly (“…”) or straight ("…") double quotes,
and ‘…’ outside them, paired within a paragraph (a block of the article); a quote left open runs to the
end of its paragraph; a stray closing mark (“Russia is ready for talks.” But on terms.”) closes a quote
opened at its sentence's start; “…” inside a quote opened with a straight mark is nested in it;
``name="…"`` markup left in the text is skipped. A quote is *direct* when it starts with a capital
letter and has three or more words or ends in ``. , ! ?``; otherwise it is *partial* (a phrase inside
the writer's sentence). A *title* (one to eight words, each capitalised or a short function word: "Face
the Nation", "Contract with America.") is partial, and is no quotation at all (no row) unless a cue
governs it directly ("called Putin “Mister Nobody”").

**Cues** are the forms of ``data/lexicons/speech_verbs.csv`` outside quotation marks: verbs count only
when spaCy tags them as verbs, and not before a word of ``not_before`` ("call for" is no speech).

**The cue of a quotation** (``attributed_by`` names the rule), first rule that applies:

1. ``tree``: the nearest cue that governs the quotation, walking up the heads from its words (the quote
   is the cue's clause or object, or sits anywhere inside the clause a cue reports, so a partial quote
   in reported speech, "The Post reports that … “keep the details under wraps”", is the Post's), or a
   cue hanging on the quotation's own words (“…,” he said, parsed as a parenthetical). The walk stops
   at a clause with its own subject coordinated with a cue ("she said, but Kevin was drifting off, and as
   Trump went on about “…”" is not hers).
2. ``label``: "VERB X as “…”" with an active verb and an object ("Reid has gone after Trump as a “con
   artist”"): the quoted label is the subject's.
3. ``intro``: a direct quotation that is the clausal complement or object of a verb outside it, in the
   lexicon or not ("Limbaugh continued: “…”", "She continued, “…”").
4. ``colon``: a direct quotation after a colon: the verb of the clause before it (the reporting one when
   that clause is reported: "ruled ..., finding that X was not ...:"), also when that clause closes the
   paragraph before ("The New York Times reports:" then the quotation).
5. ``sentence``: the nearest cue in the sentences the quotation spans (a sentence opening in lower case
   joins the one before: "Sen. Tim Kaine, D-Va., as, “…”" split after "Va.").
6. ``next sentence``: a quotation ending its sentence and a next sentence that is only its attribution
   ('“… ?” Graham asked.').

**The speaker of a cue** is read on the dependency tree: the cue verb's subject outside quotation marks (the
nearest ``nsubj``); of a passive cue its ``agent`` ("by X") or "in X" phrase ("summed up in one Russian
newspaper"; the passive subject is then what the quote is about); of "according to"/"in the words of" the
``pobj``; of "quoting" its object. A cue without a subject: the subject after it when it opens its clause
("“…,” said Obama", "Said Ellis: “…”"; not for object or audience cues: "Calls men names", ", told Reuters
“…”"); the noun right before a finite verb the parser left without one (not an object or a preposition's:
"Protesters marching through the streets chanted"), or else the nearest person named before it in its sentence,
outside quotation marks, that is no object or possessor ("Anna Franowska of “Have no fear”, an abuse victim
support charity, told Reuters “…”", misparsed); a person right before a present participle ("footage of
Hillary Clinton asking, “…”"); else the subject of the verb it depends on: a conjunct ("X smiled and said"), a
participle or infinitive ("Declaring Putin a “pure thug”, Joe Biden …", "…, saying …", "quick to note"), and
through a passive ("X was quoted as saying" is X). A present participle modifying a noun speaks for the noun
("a statement saying"); a past participle modifying one never does ("a box labeled “medical problem”" is no
speaker). A relative pronoun ("who said") is its noun (an appositive's head). The speaker phrase is the
subject's subtree, kept out of quotation marks and of the cue's own words, without date or time words at its
edges ("a letter from his doctor Friday afternoon that says").

**Never a speaker**: a date, time, number, percentage, amount or ordinal entity ("Thursday morning",
"73 percent"), a place (a GPE/LOC/FAC entity that is no actor mention and not the subject: "reported in
Paris"; nor the end of a name after a comma the parser took for the subject: "Tilburg of the University of
California, Los Angeles disagreed"), a word inside the quotation, "it" as the subject of "be" that no
mention links ("it is worth noting"), and a cue's object (it is never read as a subject).

**Speaker identity** (``speaker_id``, ``speaker_resolved_by``): ``mention`` when an actor mention holds
the speaker's head word (``pronoun`` when that mention is a pronoun the mentions table linked), or a
person named at the phrase's end after a capitalised title or a lower-case noun saying what they are
("Former US Ambassador to the United Nations Nikki Haley wrote", "Longtime Imus in the Morning writer Rob
Bartlett tweeted"), or the apposition of "one of" ("One of the authors, David Blackburn, told"), or the
author after "by" or "from" ("a survey published by X"); ``speaker_noun`` when the head is an
official-type noun or a document of ``data/lexicons/speaker_nouns.csv`` and an actor mention modifies it
(also as a mere modifier: "Russian officials" is Russia, "an AEW press release" AEW); ``antecedent`` when
the head is a he/she/they/it the mentions table left unlinked and it agrees with the most recent earlier
speaker or subject mention (within :data:`ANTECEDENT_SENTENCES` sentences: he/she a person, office or role
of no other gender; they a group or organisation; it an organisation or state); ``relative`` for
"who"/"that" whose noun is an actor (the phrase is then the pronoun); ``surname`` for a transcript name that
is the last word of exactly one person actor ("WALLACE"); ``initials`` for a transcript label of two to four
capitals that are the initials of exactly one person actor ("((WSS))" for William S. Saturn); ``quote`` for an
"I" or "we" inside another quotation with a speaker, who is that speaker ("As I told you, ..." in an
interviewee's answer); else ``phrase``: ``speaker_id`` None and ``speaker`` the phrase itself ("one Russian
newspaper", "analysts"). A newspaper of a country is not its government, and a missing speaker is better than
a wrong one: no actor is ever made here.

**Quotations without a cue**:

- ``byline``: a quotation followed by a dash and one to five capitalised words to the end of its
  paragraph or the next quotation (“…” ― Pamela Padilla): the name. Checked before the cue rules.
- ``transcript``: a paragraph opening with a speaker label, one to three upper-case words and a colon
  after an optional quotation mark ("WALLACE: …") or a name in double brackets (Wikinews interviews,
  "((Sara Seager)) …"; :func:`helpers.text.quotation.speaker_labels`), when the name is the surname of
  exactly one person actor, or when two or more paragraphs open so: one direct row per turn, from after
  the label to the paragraph's end, ``quoted`` when a quotation mark opens it; the marks around the turn
  give no row of their own. The label itself is a mention with role ``label``, not ``actor``.
- ``paragraph``: a direct quotation without a cue takes the speaker of the paragraph's attributed rows
  before it when they all have one speaker (same ``speaker_id``, or same phrase when it has none) —
  the paragraph is that speaker's ('…, Schiff said. "The other factor …"'); with no attributed row
  before it, the rows after it, under the same condition. Partial quotations (scare quotes) never
  take a speaker this way: on PolNeAR dev most of those guesses were wrong.
- ``previous paragraph``: a paragraph that opens with a direct quotation and has no attributed row of
  its own continues the previous paragraph's speaker when that paragraph's last row is a direct
  quotation with a speaker (the news convention for a quotation running over paragraphs).

Carried rows keep the attribution's ``cue`` and speaker span.

**Indirect** (reported) speech (``attributed_by`` ``cue``): every cue that takes a clause (``takes`` has
``clause``), is not passive and has a speaker, with a clausal complement (``ccomp``) that is not one
quotation: its words without a leading "that" ("X said (that) CLAUSE", "CLAUSE, X said", "X told reporters
CLAUSE"; a clause before the cue only with a comma between: "CLAUSE; X wrote Y an order" is no report);
else a to-infinitive after it ("vowed to form a task force"); else, for a parenthetical cue, the larger
side of the clause around it ("But to prevent problems, he said, local officials should be vigilant");
for "according to X" the clause it modifies, without the "according to X" phrase. A reported clause may
hold partial quotations (whole, with their marks; they also get their own rows).

``about_ids`` are the actors mentioned inside the quotation, in the cue's object slot ("called Putin a
“…”", "Declaring Putin as …", "gone after Putin as …"), in a passive cue's subject, and, for a partial
quote, right after it up to the next verb or punctuation ("“work together” with Putin"), in order of
first mention, without the speaker's own id.

:func:`quote_pronouns` gives the first-person pronouns inside quotations (I, me, my, we, our, us …)
as mention rows of the quotation's speaker (``resolved_by`` ``quote``), for the mentions table.

Every rule was chosen on PolNeAR dev (``benchmarks/polnear.py``; the only split available) and written
as a general rule of English news writing: no article's strings are in the code or the word lists.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from spacy.tokens import Span, Token

from helpers import config
from helpers.actors.gazetteer import is_outlet
from helpers.actors.lexicon import load_lexicon, title_key
from helpers.actors.mentions import MENTION_COLUMNS
from helpers.actors.roles import token_clause_role
from helpers.errors import DataError
from helpers.resources import read_rows
from helpers.text.document import Document, inner_hyphen
from helpers.text.quotation import Quote, paragraphs, quote_spans, speaker_labels
from helpers.text.words import (
    ASK_VERBS,
    BE,
    PASSIVE_SUBJECT_DEPS,
    PRONOUNS,
    SECOND_PERSON,
    SUBJECT_DEPS,
    SUBORDINATORS,
)

SPEECH_VERBS_FILE = "speech_verbs.csv"
SPEAKER_NOUNS_FILE = "speaker_nouns.csv"
KINDS = ("direct", "indirect", "partial")
#: Columns of the quotes table, in order (more may follow; none is ever renamed).
QUOTE_COLUMNS = [
    "speaker_id", "speaker", "cue", "text", "start", "end", "sentence_id", "kind",
    "cue_start", "cue_end", "speaker_start", "speaker_end", "speaker_text", "about_ids",
    "quoted", "attributed_by", "speaker_resolved_by",
]  # fmt: skip
#: How a row got its speaker (``attributed_by``), and how the speaker phrase maps to an actor.
ATTRIBUTIONS = ("tree", "label", "intro", "colon", "sentence", "next sentence", "byline", "transcript", "paragraph",
                "previous paragraph", "cue")
RESOLUTIONS = ("mention", "pronoun", "speaker_noun", "antecedent", "relative", "surname", "initials", "phrase",
               "quote")
#: Sentences before a pronoun speaker searched for its antecedent (the pronoun's own sentence too).
ANTECEDENT_SENTENCES = 3
#: First-person pronouns that, inside a quotation, are its speaker.
#: First-person plural forms that an interviewer uses for everyone ("What do we know ...?"); "us" ("Tell us
#: about it") and "I" are the interviewer.
_EVERYONE_WE = frozenset({"we", "our", "ours", "ourselves"})
FIRST_PERSON = frozenset(w for w, (_, _, person) in PRONOUNS.items() if person == 1)
#: Speakers that are only a thing's pronoun ("it tells us", "this suggests"): inside someone's quotation, their
#: reasoning.
_NEUTER_SPEAKERS = frozenset({"it", "this", "that"})
#: First-person plural forms, which a person who speaks for a body uses for that body.
_WE = frozenset(w for w, (_, number, person) in PRONOUNS.items() if person == 1 and number == "plural")
#: Actor types a person may speak for as "we" (not a state: "US Ambassador Nikki Haley", "French inventor Franky
#: Zapata" speak for no state as a body).
_SIDE_TYPES = ("organisation", "group")

_CUE_KINDS = ("verb", "source")
_TAKES = ("clause", "object", "audience")
#: Entity types that are never a speaker.
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
_WHEN_ENTS = frozenset({"DATE", "TIME"})
_DANGLING = frozenset({"ADP", "CCONJ", "DET", "PUNCT"})
#: Entity types that are places unless an actor mention holds them.
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_OBJECT = frozenset({"object"})
#: Prepositions whose object is what a labelling verb is about ("gone after X as", "referred to X as").
_OBJECT_PREPOSITIONS = frozenset({"after", "against", "to", "of", "on", "about", "at"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
#: Dependencies by which a quotation is what a verb outside it introduces.
_INTRO_DEPS = frozenset({"ccomp", "parataxis", "dobj", "xcomp", "dep", "oprd"})
#: Dependencies by which a subject-less cue borrows the subject of the verb it depends on.
_BORROW_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp", "prep", "pobj"})
_QUESTION_WORDS = frozenset({"how", "why", "what", "whether"})


def _embedded_question(verb: Token) -> bool:
    """Whether ``verb`` heads a clause that is an indirect question inside another ("described how the attack
    unfolded", "explained why prices rose"): its subject says nothing. Not after "be" ("that's why each side
    will attack them saying, “…”": the side speaks)."""
    return verb.dep_ != "ROOT" and verb.head.lemma_ != "be" and any(
        c.lower_ in _QUESTION_WORDS and c.i < verb.i and c.dep_ != "nsubj" for c in verb.children)


_PERSONLIKE = frozenset({"person", "office", "role"})
_PLURAL = frozenset({"group", "organisation"})
_ITS = frozenset({"organisation", "state"})
_DOUBLE = re.compile(r"[“”\"]")
#: Words a title in quotation marks may leave in lower case ("Contract with America", "Face the Nation").
_TITLE_LOWER = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
})  # fmt: skip
_WORD = re.compile(r"\w")
_NORMAL = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SP = r"[ \t\u00a0]"
#: “…” ― Pamela Padilla: a dash, then one to five capitalised words up to the paragraph's end or the next quote.
_BYLINE = re.compile(rf"{_SP}*[―—–]{_SP}*((?:[A-Z][\w'’.\-]*\.?{_SP}+){{0,4}}[A-Z][\w'’\-]*)\.?{_SP}*(?=$|\n|[“\"])")


def _normal(word: str) -> str:
    return word.translate(_NORMAL).lower()


@dataclass(frozen=True)
class SpeechCue:
    """One cue of ``speech_verbs.csv``: its words, lemma, kind (verb|source) and slots."""

    words: tuple[str, ...]
    lemma: str
    kind: str
    takes: frozenset[str]
    not_before: frozenset[str]


@dataclass(frozen=True)
class SpeechLexicon:
    """Speech cues by their word tuple, and the official-type nouns that speak for a modifier."""

    cues: dict[tuple[str, ...], SpeechCue]
    first_words: frozenset[str]
    max_words: int
    speaker_nouns: frozenset[str]


class _Mention(NamedTuple):
    actor_id: str
    actor: str
    start: int
    end: int
    type: str
    gender: str
    pronoun: bool


class _Speaker(NamedTuple):
    start: int
    end: int
    actor_id: str | None
    actor: str | None
    resolved_by: str


class _Cue(NamedTuple):
    i: int  # first token
    j: int  # token after the last
    cue: SpeechCue
    start: int
    end: int


# --------------------------------------------------------------------------- data


@cache
def load_speech_lexicon(directory: str | None = None) -> SpeechLexicon:
    """Speech cues and speaker nouns from ``directory`` (default ``config.LEXICON_DIR``), read once per process.

    Raises:
        DataError: a file or column is missing, or a row has an unknown ``kind`` or ``takes``.
    """
    folder = Path(directory) if directory else config.LEXICON_DIR
    path = folder / SPEECH_VERBS_FILE
    cues: dict[tuple[str, ...], SpeechCue] = {}
    for line, row in enumerate(read_rows(path, ("cue", "lemma", "kind", "takes", "not_before")), start=2):
        words = tuple(_normal(w) for w in row["cue"].split())
        if not words:
            raise DataError(f"{path}, line {line}: column 'cue' is empty")
        if row["kind"] not in _CUE_KINDS:
            raise DataError(f"{path}, line {line}: kind {row['kind']!r} is not one of {', '.join(_CUE_KINDS)}")
        takes = frozenset(t for t in row["takes"].split("|") if t)
        if not takes or not takes <= set(_TAKES):
            raise DataError(f"{path}, line {line}: takes {row['takes']!r} must be {' or '.join(_TAKES)} (| between)")
        not_before = frozenset(_normal(w) for w in row["not_before"].split("|") if w)
        cues[words] = SpeechCue(words, row["lemma"] or row["cue"], row["kind"], takes, not_before)
    nouns_path = folder / SPEAKER_NOUNS_FILE
    nouns = frozenset(_normal(r["noun"]) for r in read_rows(nouns_path, ("noun",)) if r["noun"])
    return SpeechLexicon(cues, frozenset(w[0] for w in cues), max(len(w) for w in cues), nouns)


# --------------------------------------------------------------------------- quotation marks


def _is_title(words: str) -> bool:
    """A title in quotation marks ("Face the Nation", "Contract with America."): one to eight words, each
    capitalised or a short function word, the first capitalised, no punctuation but a final full stop."""
    body = words.strip().removesuffix(".")
    parts = body.split()
    if not 1 <= len(parts) <= 8 or not parts[0][:1].isupper() or re.search(r"[,;:!?\"“”]|\.\s", body):
        return False
    return all(p[:1].isupper() or p[:1].isdigit() or p.lower() in _TITLE_LOWER for p in parts)


def _kind(words: str) -> str:
    if _is_title(words):
        return "partial"
    first = next((c for c in words if c.isalnum()), "")
    n = len(re.findall(r"\w+", words))
    edited = re.match(r"\s*\[[a-z]\]", words) is not None  # "[w]e have never before seen ...": an editor's letter
    # for the sentence's first (a whole sentence of the speaker's)
    if (first.isupper() or edited) and (n >= 3 or words.rstrip()[-1:] in ".,!?"):
        return "direct"
    return "partial"


# --------------------------------------------------------------------------- the reader


class _Reader:
    """One document's tokens with quotation membership, cues, mentions and resolved speakers."""

    def __init__(self, document: Document, mentions: list[_Mention], lex: SpeechLexicon,
                 modifiers: list[_Mention] | None = None, unnamed: list[_Mention] | None = None) -> None:
        self.document = document
        self.modifiers = modifiers or []  # mentions inside a longer noun ("an AEW press release")
        self.unnamed = {m.start for m in unnamed or []}  # pronouns the mentions table leaves to an unnamed person
        self.doc = document.doc
        self.text = document.text
        self.lex = lex
        self.mentions = mentions
        self.m_starts = [m.start for m in mentions]
        self.genders: dict[str, str] = {}
        self.types: dict[str, str] = {}
        for m in mentions:
            if m.gender in ("male", "female"):
                self.genders.setdefault(m.actor_id, m.gender)
            if m.type and not m.pronoun:
                self.types.setdefault(m.actor_id, m.type)
        self.paragraphs = paragraphs(document)
        self.p_starts = [p[0] for p in self.paragraphs]
        self.s_starts = [b.start for b in document.bounds]
        self.quotes = [Quote(*q) for q in quote_spans(self.text, self.s_starts, self.paragraphs)]
        self.token_starts = [t.idx for t in self.doc]
        self.inq = [-1] * len(self.doc)  # index of the (innermost) quotation holding each token
        for k, q in sorted(enumerate(self.quotes), key=lambda kq: kq[1].outer_start - kq[1].outer_end):
            a = bisect.bisect_left(self.token_starts, q.outer_start)
            b = bisect.bisect_left(self.token_starts, q.outer_end)
            for i in range(a, b):
                self.inq[i] = k
        self.cues = self._find_cues()
        self.cue_at = {c.i: c for c in self.cues}
        self.cue_starts = [c.start for c in self.cues]
        self.spoken: list[tuple[int, str, str, str]] = []  # (position, actor_id, actor, type) of speakers so far
        self._speakers: dict[int, tuple[_Speaker | None, list[_Mention]]] = {}

    # ----------------------------------------------------------------- look-ups

    def sentence_at(self, pos: int) -> int:
        """The sentence holding character ``pos`` (as ``Document.sentence_at``, on a list built once)."""
        return max(0, bisect.bisect_right(self.s_starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.p_starts, pos) - 1)

    def tokens(self, start: int, end: int) -> range:
        return range(bisect.bisect_left(self.token_starts, start), bisect.bisect_left(self.token_starts, end))

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        lo = bisect.bisect_left(self.m_starts, start)
        return [m for m in self.mentions[lo : bisect.bisect_left(self.m_starts, end, lo)] if m.end <= end]

    def mention_at(self, pos: int) -> _Mention | None:
        """The shortest mention holding character ``pos``."""
        hi = bisect.bisect_right(self.m_starts, pos)
        best = None
        for m in self.mentions[max(0, hi - 8) : hi]:
            if m.start <= pos < m.end and (best is None or m.end - m.start < best.end - best.start):
                best = m
        return best

    def quoted(self, t: Token) -> bool:
        return self.inq[t.i] >= 0

    # ----------------------------------------------------------------- cues

    def _find_cues(self) -> list[_Cue]:
        lex, doc, out = self.lex, self.doc, []
        low = [_normal(t.text) for t in doc]
        n_tok = len(doc)
        for i, w in enumerate(low):
            if w not in lex.first_words or self.inq[i] >= 0:
                continue
            for n in range(min(lex.max_words, n_tok - i), 0, -1):
                cue = lex.cues.get(tuple(low[i : i + n]))
                if cue is None:
                    continue
                nxt = low[i + n] if i + n < n_tok else ""
                if cue.kind == "verb" and not doc[i].tag_.startswith("VB"):
                    break
                if nxt in cue.not_before or any(self.inq[k] >= 0 for k in range(i, i + n)):
                    break
                out.append(_Cue(i, i + n, cue, doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1])))
                break
        starts = {c.i for c in out}
        return [c for c in out if not self._said_by_a_thing(doc[c.i], starts)]

    def _said_by_a_thing(self, verb: Token, cue_starts: set[int]) -> bool:
        """Whether a cue verb inside another cue's reported clause has a thing for its subject: "told Discover
        Magazine [the frequency of spiky skulls ... suggested a pattern]" reports the teller's words, and
        "suggested" there says what the frequency shows (a nested "[Pence] told him", "[analysts] say" stay
        reports)."""
        if verb.dep_ != "ccomp" or verb.head.i not in cue_starts:
            return False
        subj = next((ch for ch in verb.children if ch.dep_ in SUBJECT_DEPS), None)
        return subj is not None and subj.tag_ == "NN" and self.mention_at(subj.idx) is None \
            and subj.lower_ not in self.lex.speaker_nouns  # a singular common noun nobody is named by

    # ----------------------------------------------------------------- speakers

    def speaker_of(self, c: _Cue) -> tuple[_Speaker | None, list[_Mention]]:
        """The speaker of cue ``c`` and the mentions in its object slot (passive subject, object)."""
        if c.i not in self._speakers:
            self._speakers[c.i] = self._speaker_of(c)
            sp = self._speakers[c.i][0]
            if sp is not None and sp.actor_id is not None:
                bisect.insort(self.spoken, (sp.start, sp.actor_id, sp.actor or "", self.types.get(sp.actor_id, "")))
        return self._speakers[c.i]

    def _speaker_of(self, c: _Cue) -> tuple[_Speaker | None, list[_Mention]]:
        doc = self.doc
        verb = doc[c.i]
        if c.cue.kind == "source":  # according to X, in the words of X, quoting X
            last = doc[c.j - 1]
            obj = next((t for t in last.children if t.dep_ == "pobj"), None) if last.pos_ == "ADP" else None
            if obj is None:
                obj = next((t for t in verb.children if t.dep_ in ("dobj", "pobj")), None)
            named = self._source_apposition(obj)
            return self.speaker_np(doc[named[1] - 1] if named else obj), []
        return self.verb_speaker(verb, c.cue.takes)

    def verb_speaker(self, verb: Token, takes: frozenset[str] = frozenset(), depth: int = 0,
                     ) -> tuple[_Speaker | None, list[_Mention]]:  # fmt: skip
        """The speaker of a speech verb on the tree (see the module docstring) and its object-slot mentions."""
        slot: list[_Mention] = []
        if "object" in takes:
            for ch in verb.children:
                if ch.dep_ in ("dobj", "dative") and not self.quoted(ch):
                    slot += self.mentions_in(*self.subtree_span(ch))
                elif ch.dep_ == "prep" and ch.lower_ in _OBJECT_PREPOSITIONS:  # "gone after X as …"
                    for g in ch.children:
                        if g.dep_ == "pobj" and not self.quoted(g):
                            slot += self.mentions_in(*self.subtree_span(g))
        if _is_passive(verb):
            for ch in verb.children:
                if ch.dep_ in PASSIVE_SUBJECT_DEPS:
                    slot += self.mentions_in(*self.subtree_span(ch))
            agent = next((ch for ch in verb.children if ch.dep_ == "agent"), None)
            by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if by is None:
                inside = next((ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "in"), None)
                by = next((g for g in inside.children if g.dep_ == "pobj"), None) if inside is not None else None
                if by is not None and any(self.quoted(t) for t in by.subtree):
                    by = None  # "reported in the Guardian", but not 'a fire was reported in the "Kiss & Fly"
                    # section of a parking structure': a phrase with a quotation in it is where, not who
            if by is None:
                by = _stray_agent(verb)
            return self.speaker_np(by), slot
        subj = self._subject(verb, SUBJECT_DEPS)
        if subj is not None:
            if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return self._relative(subj, verb), slot
            return self.speaker_np(subj, verb), slot
        if any(ch.dep_ == "expl" for ch in verb.children) or depth >= 4:
            return None, slot
        inverted = self._right_noun(verb)  # “…,” said Obama / Said Ellis: “…”
        if inverted is not None:
            return self.speaker_np(inverted, verb), slot
        head = verb.head
        if head.i == verb.i or (verb.tag_ in _FINITE and verb.dep_ not in ("conj", "relcl")):
            left = self._left_noun(verb)
            if left is None and verb.tag_ in _FINITE:
                left = self._left_person(verb)
            return self.speaker_np(left, verb), slot
        if verb.tag_ == "VBG" and verb.i > 0:  # "footage of Hillary Clinton asking, “…”"
            m = self.mention_at(self.doc[verb.i - 1].idx)
            if m is not None and m.type in _PERSONLIKE and not self.doc[verb.i - 1].is_punct:
                return self.speaker_np(self.doc[verb.i - 1], verb), slot
        if verb.dep_ == "acl":  # "a statement saying": the noun speaks; "a box labeled": never
            if verb.tag_ != "VBG":
                return None, slot
            issuer = self._issuer(head)  # "Sean Conley issued a statement saying": Conley speaks through it
            return self.speaker_np(issuer if issuer is not None else head, verb), slot
        if verb.dep_ == "relcl":
            return self._relative(None, verb), slot
        if verb.dep_ in _BORROW_DEPS:
            gov = head
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i and gov.dep_ in ("prep", "pobj", "pcomp",
                                                                                          "acomp", "advmod"):
                gov = gov.head
            if gov.pos_ not in ("VERB", "AUX", "ADJ"):
                return None, slot
            if _embedded_question(gov):
                return None, slot  # "An eyewitness described how the attack unfolded, stating, “…”": not the attack
            if _is_passive(gov) and verb.dep_ != "conj":  # "X was quoted as saying", "X was heard saying"
                agent = next((g for ch in gov.children if ch.dep_ == "agent" for g in ch.children
                              if g.dep_ == "pobj"), None)  # but "... were described by Johnson, saying": Johnson
                subj = agent if agent is not None and verb.dep_ == "advcl" else self._subject(gov, PASSIVE_SUBJECT_DEPS)
                return self.speaker_np(subj, verb), slot
            if verb.dep_ == "xcomp" and gov.lemma_.lower() in load_lexicon().causatives:  # "The backlash led
                obj = next((c for c in gov.children if c.dep_ in ("dobj", "dative") and c.i < verb.i  # Biden to
                            and not self.quoted(c)), None)  # say “…”": the object speaks, not the subject
                if obj is not None and self.mention_at(obj.idx) is not None:
                    return self.speaker_np(obj, verb), slot
            found, _ = self.verb_speaker(gov, frozenset(), depth + 1)
            if found is None and verb.dep_ == "conj" and gov.dep_ == "ccomp" and gov.head.i in self.cue_at:
                found, _ = self.verb_speaker(gov.head, frozenset(), depth + 1)  # "X's brief said that was not her
                # view and dismissed those reports as "…"": the parser joined the cue to the reported clause, whose
                # subject speaks for nobody; the reporter does
            return found, slot
        return None, slot

    def _issuer(self, noun: Token) -> Token | None:
        """Who put out the thing a speech participle hangs on: the subject of an ``issue_verb`` whose object it
        is ("Sean Conley issued a statement saying ...", "the ministry released a report saying ..."); None when
        the noun names an actor itself ("met a man saying") or nothing puts it out ("a statement saying")."""
        gov = noun.head
        if noun.dep_ != "dobj" or gov.lemma_.lower() not in load_lexicon().issue_verbs \
                or self.mention_at(noun.idx) is not None:
            return None
        return self._subject(gov, SUBJECT_DEPS)

    def _subject(self, verb: Token, deps: frozenset[str]) -> Token | None:
        """The verb's subject outside quotation marks, nearest to it ("“My reaction …,” the strategist said"
        has two ``nsubj`` in spaCy's parse: the quotation's and the speaker)."""
        subjects = [ch for ch in verb.children if ch.dep_ in deps and not self.quoted(ch)]
        found = min(subjects, key=lambda ch: abs(ch.i - verb.i), default=None)
        if found is not None and any(ch.dep_ == "cc" and ch.lower_ == "but" for ch in found.children):
            last = [ch for ch in found.children if ch.dep_ == "conj" and ch.right_edge.i + 1 == verb.i]
            if last:  # "the company invested ..., but Gazeta Prawna reports": two clauses the parser joined
                return last[0]
        return found

    def _relative(self, pron: Token | None, verb: Token) -> _Speaker | None:
        """The speaker of a relative clause's cue: its noun ("McConnell, now the leader, who said": an appositive
        is its head's); the phrase is the relative pronoun when the noun is an actor, else the noun phrase."""
        noun = verb.head
        while noun.dep_ == "appos" and noun.head.i != noun.i:
            noun = noun.head
        found = self.speaker_np(noun, verb)
        if pron is None or found is None or found.actor_id is None or self.quoted(pron):
            return found
        return _Speaker(pron.idx, pron.idx + len(pron), found.actor_id, found.actor, "relative")

    def _left_noun(self, verb: Token) -> Token | None:
        """The noun right before a finite verb the parser gave no subject ("…, Obama and Clinton call them")."""
        k = verb.i - 1
        while k >= 0 and self.doc[k].pos_ in ("AUX", "ADV", "PART") and not self.quoted(self.doc[k]):
            k -= 1
        if k < 0 or self.sentence_at(self.doc[k].idx) != self.sentence_at(verb.idx):
            return None
        t = self.doc[k]
        m = self.mention_at(t.idx)
        if t.dep_ in ("pobj", "dobj", "poss", "dative", "attr") and not (
                m is not None and m.type in _PERSONLIKE and m.end == t.idx + len(t) and not m.pronoun
                and verb.i in self.cue_at):
            return None  # "Protesters marching through the streets chanted": not the streets ("Caloundra
            # coach Geoff Ingram said", with "coach" read as a verb: the person right before the cue speaks; not
            # before a verb that only introduces a quotation: "the manifesto if written by the suspect could
            # strengthen the case: “…”")
        return t if t.pos_ in _SPEAKER_POS and not self.quoted(t) and t.lower_ not in _RELATIVE else None

    def _left_person(self, verb: Token) -> Token | None:
        """The person named nearest before a finite cue in its sentence, outside quotation marks, that is no
        object or possessor, when the parser gave the cue no subject at all: "Calling it “just another apology”, Anna
        Franowska of “Have no fear”, an abuse victim support charity, told Reuters “…”" (a misparse)."""
        lo = self.doc[verb.sent.start].idx
        people = [m for m in self.mentions_in(lo, verb.idx) if m.type in _PERSONLIKE]
        heads = [self.doc.char_span(m.start, m.end, alignment_mode="expand") for m in people]
        heads = [s.root for s in heads if s is not None and not self.quoted(s.root)
                 and s.root.dep_ not in ("pobj", "dobj", "poss", "dative", "attr")]  # fmt: skip
        return heads[-1] if heads else None  # the nearest: "the president of X, Jamel Msallem, said"

    def _right_noun(self, verb: Token) -> Token | None:
        """The subject after a subject-less cue that opens its clause: "“…,” said Obama", "Said Ellis: “…”"."""
        doc = self.doc
        cue = self.cue_at.get(verb.i)
        if verb.i + 1 >= len(doc) or verb.tag_ not in _FINITE or (cue is not None and cue.cue.takes & {
                "object", "audience"}):
            return None  # "Calls men names", ", told Reuters “…”": an object or audience, not an inverted subject
        same = verb.i > 0 and self.sentence_at(doc[verb.i - 1].idx) == self.sentence_at(verb.idx)
        before = doc[verb.i - 1] if same else None
        if before is not None and not (before.is_punct or self.quoted(before)):
            return None
        t = doc[verb.i + 1]
        if t.pos_ not in ("PROPN", "NOUN", "DET") or self.quoted(t):
            return None
        while t.dep_ in ("compound", "det", "amod") and t.head.i > t.i:
            t = t.head
        return t if t.pos_ in ("PROPN", "NOUN") and t.lower_ not in _RELATIVE else None

    def subtree_span(self, t: Token) -> tuple[int, int]:
        a, b = t.left_edge.i, t.right_edge.i
        return self.doc[a].idx, self.doc[b].idx + len(self.doc[b])

    def speaker_np(self, head: Token | None, cue: Token | None = None) -> _Speaker | None:
        """The speaker phrase headed by ``head`` (never reaching into the ``cue`` verb's own words), with its
        actor, or None when it cannot be a speaker."""
        if head is not None and head.lower_ == "one" and any(c.lower_ == "of" for c in head.children):
            head = next((c for c in head.children if c.dep_ == "appos"), head)  # "One of the authors, X, told"
            if head.lower_ == "one":
                start, end = self._np_span(head, cue)  # "One of the study's authors said": a phrase
                return None if self.quoted(head) else _Speaker(start, end, None, None, "phrase")
        if head is None or self.quoted(head) or head.pos_ not in _SPEAKER_POS:
            return None
        if head.ent_type_ in _NOT_SPEAKER_ENTS:
            return None
        m = self.mention_at(head.idx)
        if m is None and head.ent_type_ in _PLACE_ENTS and head.dep_ not in SUBJECT_DEPS:
            return None  # "reported in Moscow": a place; the subject of a speech verb is no place
        if m is None and head.ent_type_ in _PLACE_ENTS and self._ends_a_name(head):
            return None  # "Tilburg of the University of California, Los Angeles disagreed": a name's last part
        start, end = self._np_span(head, cue)
        low = head.lower_
        last = self._named_last(start, end, m)
        if last is not None:  # "Longtime Imus in the Morning writer and performer Rob Bartlett tweeted"
            m = last
        if m is not None:
            start, end = min(start, m.start), max(end, m.end)
            return _Speaker(start, end, m.actor_id, m.actor, "pronoun" if m.pronoun else "mention")
        named = self._named_by(head) if head.pos_ == "NOUN" else self._title_holder(head, start, end)
        if named is not None:
            return _Speaker(start, end, named.actor_id, named.actor, "mention")
        if low in self.lex.speaker_nouns:
            inside = sorted([x for x in self.mentions_in(start, end) if x.end <= head.idx]
                            + [x for x in self.modifiers if start <= x.start and x.end <= head.idx],
                            key=lambda x: x.start)  # fmt: skip
            if inside:
                return _Speaker(start, end, inside[-1].actor_id, inside[-1].actor, "speaker_noun")
        spec = PRONOUNS.get(low)
        if low in SECOND_PERSON:
            return None  # "Which individuals would you ask to be in your cabinet?": the reader or an interviewee
        if spec is not None and spec[2] == 3 and head.pos_ == "PRON":
            if low in ("it", "its") and head.head.lemma_ == "be":
                return None  # "it is worth noting": no one
            if head.idx in self.unnamed:
                return _Speaker(start, end, None, None, "phrase")  # "One of the victims decided ... She said":
                # the person the text does not name, as the mentions table reads her
            ante = self.antecedent(head, spec[0], spec[1])
            if ante is not None:
                return _Speaker(start, end, ante[0], ante[1], "antecedent")
        if low in _RELATIVE:
            return None
        return _Speaker(start, end, None, None, "phrase")

    def _ends_a_name(self, head: Token) -> bool:
        """Whether a place follows a comma right after another name ("the University of California, Los
        Angeles", "Springfield, Illinois"): the end of that name, which the parser may take for a subject."""
        k = head.left_edge.i
        return k >= 2 and self.doc[k - 1].text == "," and self.doc[k - 2].ent_type_ in _PLACE_ENTS | {"ORG"}

    def _named_by(self, head: Token) -> _Mention | None:
        """The actor a common-noun speaker names: its apposition ("Angela Merkel's spokesperson, Steffen
        Seibert, said"), or the author after "by" or "from" ("according to a tweet on Monday by Mike Pompeo",
        "a statement from the ministry", "a survey published in 2017 by the Royal Pharmaceutical Society")."""
        for c in head.children:
            if c.dep_ == "appos" and not self.quoted(c):
                m = self.mention_at(c.idx)
                if m is not None and not m.pronoun:
                    return m
        preps = [c for c in head.children if c.dep_ == "prep"]
        for prep in list(preps):  # one level down: "a tweet on Monday by ..."
            preps += [c for o in prep.children if o.dep_ == "pobj" for c in o.children if c.dep_ == "prep"]
        preps += [a for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children
                  if a.dep_ == "agent"]  # "a statement released by Erdogan's office", "a survey published by X"
        for t in preps:
            if t.lower_ in ("by", "from") and not self.quoted(t):
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                m = self.mention_at(obj.idx) if obj is not None else None
                if m is None and obj is not None and obj.lower_ in self.lex.speaker_nouns:  # "by Erdogan's office"
                    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
                    m = self.mention_at(owner.idx) if owner is not None else None
                if m is not None and not m.pronoun:
                    return m
        return None

    def _named_last(self, start: int, end: int, m: _Mention | None) -> _Mention | None:
        """A person named at the end of a speaker phrase right after the common noun saying what they are, when
        the phrase's head is someone else ("Longtime Imus in the Morning writer and performer Rob Bartlett": the
        parser made Imus the subject, the writer speaks)."""
        if m is None or m.pronoun:
            return None
        last = next((x for x in self._people_ending(start, end) if x.actor_id != m.actor_id), None)
        if last is None or last.start <= m.start:
            return None
        before = self.doc[self.tokens(start, last.start)[-1]] if self.tokens(start, last.start) else None
        return last if before is not None and before.pos_ == "NOUN" and before.is_lower else None

    def _title_holder(self, head: Token, start: int, end: int) -> _Mention | None:
        """The person named last in a capitalised title's phrase, ending it: "Former US Ambassador to the United
        Nations Nikki Haley wrote" (the parser hangs the name on "to")."""
        if head.pos_ != "PROPN":
            return None
        return next(iter(self._people_ending(start, end)), None)

    def _people_ending(self, start: int, end: int) -> list[_Mention]:
        """The named people (no pronouns) whose mentions end a phrase ``[start, end)``."""
        return [m for m in self.mentions_in(start, end) if m.end == end and m.type in _PERSONLIKE and not m.pronoun]

    def _np_span(self, head: Token, cue: Token | None = None) -> tuple[int, int]:
        """The head's subtree, trimmed of edge punctuation, kept out of quotations and of the cue's words."""
        doc = self.doc
        a, b = head.left_edge.i, head.right_edge.i
        if cue is not None and a <= cue.i <= b:
            if cue.i > head.i:
                b = min(b, cue.left_edge.i - 1)
            else:
                a = max(a, cue.right_edge.i + 1)
        for k in range(head.i - 1, a - 1, -1):
            if self.quoted(doc[k]):
                a = k + 1
                break
        for k in range(head.i + 1, b + 1):
            if self.quoted(doc[k]):
                b = k - 1
                break
        b = min([b] + [k.left_edge.i - 2 for k in head.rights if k.dep_ == "relcl" and k.left_edge.i - 1 > head.i
                       and doc[k.left_edge.i - 1].text == ","])  # fmt: skip
        # "NDRRMC report on Saturday, which figured 21 injured ...": the source, not what more is said of it
        while b + 2 < len(doc) and inner_hyphen(doc, b + 1) and not self.quoted(doc[b + 2]):
            b += 2  # "study co-author": the whole word, which the parser may cut at its hyphen
        while a < head.i and (doc[a].is_punct or doc[a].is_space or (
                doc[a].ent_type_ in _WHEN_ENTS and self.mention_at(doc[a].idx) is None)):
            a += 1  # (not "Day's animal foundation", Doris Day read as a date)
        while b > head.i and ((doc[b].is_punct and not _closes(doc, a, b)) or doc[b].is_space
                              or doc[b].ent_type_ in _WHEN_ENTS
                              or (doc[b].pos_ in _DANGLING and self._before_date(b))):
            b -= 1  # "a letter from his doctor Friday afternoon", "a close aide in 2012": no date, no "in"
        return doc[a].idx, doc[b].idx + len(doc[b])

    def _before_date(self, i: int) -> bool:
        return i + 1 < len(self.doc) and self.doc[i + 1].ent_type_ in _WHEN_ENTS

    def antecedent(self, pron: Token, gender: str, number: str) -> tuple[str, str] | None:
        """The most recent earlier speaker or subject mention a third-person pronoun can stand for."""
        low = pron.lower_
        sid = self.sentence_at(pron.idx)
        lo = self.document.bounds[max(0, sid - ANTECEDENT_SENTENCES)].start
        found: list[tuple[int, str, str]] = []
        a = bisect.bisect_left(self.spoken, (lo,))
        for pos, actor_id, actor, type_ in self.spoken[a : bisect.bisect_left(self.spoken, (pron.idx,), a)]:
            if _agrees(low, gender, number, type_, self.genders.get(actor_id, "")):
                found.append((pos, actor_id, actor))
        for m in self.mentions_in(lo, pron.idx):
            if not _agrees(low, gender, number, m.type, self.genders.get(m.actor_id, "")):
                continue
            span = self.document.span(m.start, m.end)
            root = span.root if span is not None else None
            if root is not None and (root.dep_ in SUBJECT_DEPS or root.dep_ in PASSIVE_SUBJECT_DEPS):
                found.append((m.start, m.actor_id, m.actor))
        if not found:
            return None
        _, actor_id, actor = max(found)
        return actor_id, actor

    # ----------------------------------------------------------------- the cue of a quotation

    def quote_cue(self, q: Quote, direct: bool) -> tuple[_Cue | None, Token | None, str]:
        """The cue of quotation ``q`` (rules 1 and 3 of the module docstring) or its introducing verb (rule 2),
        and the rule that found it (``tree``, ``intro``, ``colon``, ``sentence``, ``next sentence``)."""
        doc = self.doc
        toks = [doc[i] for i in self.tokens(q.outer_start, q.outer_end)]
        inside = {t.i for t in toks}
        found: list[tuple[int, int, _Cue | None, Token | None, str]] = []  # (steps, distance, cue, verb, rule)
        blocked = False
        for t in toks:
            if t.is_punct or t.head.i in inside or t.head.i == t.i:
                continue
            v, steps = t.head, 0
            while steps < 12:
                c = self.cue_at.get(v.i)
                if c is not None:
                    found.append((steps, self._distance(c, q), c, None, "tree"))
                    break
                if steps == 0 and direct and t.dep_ in _INTRO_DEPS and v.pos_ == "VERB" and v.lemma_ not in BE \
                        and v.is_alpha and not self.quoted(v):  # fmt: skip
                    outer = self.cue_at.get(v.head.i) if v.dep_ == "ccomp" else None  # "told X [Y suggested]: “…”"
                    found.append((steps, abs(v.idx - q.outer_start), outer, None if outer else v,
                                  "tree" if outer else "intro"))  # "She continued, “…”"
                    break
                label = self._label_frame(v)
                if label is not None:  # "Reid has gone after Trump as a “con artist”"
                    c = self.cue_at.get(label.i)
                    found.append((steps + 1, abs(label.idx - q.outer_start), c, None if c else label,
                                  "tree" if c else "label"))  # fmt: skip
                    break
                if v.head.i == v.i:
                    break
                if self._own_clause(v):
                    blocked = True  # "as Trump went on about “…”": Trump's clause, not the cue's above it
                    break
                v, steps = v.head, steps + 1
        for c in self._cues_near(q.outer_start - 400, q.outer_end + 400):  # “…,” he said, parsed as a parenthetical
            if doc[c.i].head.i in inside and not self.quoted(doc[c.i]):
                found.append((0, self._distance(c, q), c, None, "tree"))
        if found:
            steps, _, c, intro, rule = min(found, key=lambda x: (x[0], x[1]))
            if steps > 1 and _is_title(self.text[q.start : q.end]):
                return None, None, ""  # "the broadcast of “Fox News Sunday”": a name, not the cue's words
            return c, intro, rule
        if blocked and not direct:
            return None, None, ""
        if direct:
            colon = self._colon_verb(q)
            if colon is not None:
                return self.cue_at.get(colon.i), colon, "colon"
        bounds = self.document.bounds
        first = self.sentence_at(q.start)
        last = self.sentence_at(max(q.start, q.end - 1))
        while first > 0 and bounds[first].block == bounds[first - 1].block and self._lower_start(first):
            first -= 1  # a sentence opening in lower case continues the one before ("D-Va., as, “…”")
        near = self._cues_near(bounds[first].start, bounds[last].end)
        if not direct:
            near = [c for c in near if not self._adverbial_elsewhere(self.doc[c.i], q)]
        if near:
            return min(near, key=lambda c: self._distance(c, q)), None, "sentence"
        c = self._next_sentence_cue(q, last)
        return c, None, "next sentence" if c is not None else ""

    def _own_clause(self, v: Token) -> bool:
        """A clause with its own subject coordinated with a cue ("she said, but Kevin was drifting off, and as
        Trump went on about “…”"): what is quoted in it is not the cue's."""
        if v.pos_ not in ("VERB", "AUX") or not any(ch.dep_ in SUBJECT_DEPS for ch in v.children):
            return False
        return v.dep_ == "conj" and v.head.i in self.cue_at

    def _label_frame(self, t: Token) -> Token | None:
        """The verb of "VERB X as …" when ``t`` is that "as": the quoted words there are the subject's label for X."""
        if t.lower_ != "as" or t.dep_ != "prep" or self.quoted(t):
            return None
        verb = t.head
        if verb.pos_ != "VERB" or verb.lemma_ in BE or _is_passive(verb) or self.quoted(verb):
            return None
        objects = (ch for ch in verb.children if ch.dep_ == "dobj" or (ch.dep_ == "prep" and ch is not t
                   and any(g.dep_ == "pobj" for g in ch.children)))  # "gone after X as"  # fmt: skip
        return verb if any(objects) else None

    def _source_apposition(self, obj: Token | None) -> tuple[int, int] | None:
        """``(start, end)`` tokens of a person's name set off by commas right after a source phrase, which the
        parser made the next clause's subject ("According to the El Paso mayor, Dee Margo, during the weekend,
        police were investigating"): the source's name. None when there is none."""
        if obj is None or obj.tag_ != "NN" or not _one_person_noun(obj):
            return None  # (not "According to police, John Smith, 45, was arrested")
        k = obj.right_edge.i + 1
        doc = self.doc
        if k + 2 >= len(doc) or doc[k].text != ",":
            return None
        m = self.mention_at(doc[k + 1].idx)
        if m is None or m.pronoun or m.type != "person" or m.start != doc[k + 1].idx:
            return None
        end = next((t.i for t in doc[k + 1 :] if t.idx >= m.end), len(doc))
        return (k + 1, end) if end < len(doc) and doc[end].text == "," else None

    @staticmethod
    def _adverbial_elsewhere(cue: Token, q: Quote) -> bool:
        """Whether a cue with a subject of its own sits in an adverbial clause of time, cause or condition
        ("When Trump tweeted that ...", not "When asked ...") that does not hold the quoted words: a partial
        quotation in the clause it modifies is not that speaker's ("..., Twitter placed a disclaimer “fact
        checking” the tweet"; but a comment clause, "As I told you, we have a campaign, the theme of which is
        “Each for Equal”", frames the teller's words)."""
        v = cue
        while v.dep_ not in ("advcl", "ROOT") and v.head.i != v.i:
            v = v.head
        return v.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS
                                         for c in v.children) \
            and any(c.dep_ in SUBJECT_DEPS for c in cue.children) \
            and not (v.left_edge.idx <= q.start < v.right_edge.idx + len(v.right_edge))

    def _cues_near(self, start: int, end: int) -> list[_Cue]:
        lo = bisect.bisect_left(self.cue_starts, start)
        return self.cues[lo : bisect.bisect_left(self.cue_starts, end, lo)]

    def _lower_start(self, sid: int) -> bool:
        b = self.document.bounds[sid]
        first = next((ch for ch in self.text[b.start : b.end] if ch.isalnum()), "")
        return first.islower()

    def _next_sentence_cue(self, q: Quote, last: int) -> _Cue | None:
        """'“…?” Graham asked.': a quotation ending its sentence, and the next sentence of the paragraph only
        its attribution (a cue without a clause or object of its own within its first words, but for whom it
        was told: '“…!” Macron told the world')."""
        bounds = self.document.bounds
        if last + 1 >= len(bounds) or bounds[last + 1].block != bounds[last].block:
            return None
        nxt = bounds[last + 1]
        if self.text[q.outer_end : nxt.start].strip() or q.outer_end < bounds[last].end - 1:
            return None
        toks = self.tokens(nxt.start, nxt.end)
        for c in self._cues_near(nxt.start, nxt.end):
            if c.i - toks.start <= 6 and c.cue.kind == "verb":
                verb = self.doc[c.i]
                if not any(ch.dep_ == "ccomp" or (ch.dep_ == "dobj" and "audience" not in c.cue.takes)
                           for ch in verb.children):
                    return c  # (an object of "told" is whom: "Macron told the world on Thursday via Twitter")
        return None

    @staticmethod
    def _distance(c: _Cue, q: Quote) -> int:
        return max(0, c.start - q.outer_end, q.outer_start - c.end)

    def _colon_verb(self, q: Quote) -> Token | None:
        """The verb of the clause right before a colon that introduces quotation ``q``."""
        k = q.outer_start - 1
        while k >= 0 and self.text[k].isspace():  # also "X reports:" closing the paragraph before
            k -= 1
        if k < 0 or self.text[k] != ":":
            return None
        i = bisect.bisect_right(self.token_starts, k) - 1
        if i <= 0:
            return None
        t = self.doc[i - 1]
        if self.sentence_at(t.idx) != self.sentence_at(k):
            return None
        steps = 0
        while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and steps < 8:
            t, steps = t.head, steps + 1
        while t.dep_ == "ccomp" and t.head.pos_ in ("VERB", "AUX") and t.head.i < t.i and steps < 12:
            t, steps = t.head, steps + 1  # "ruled ..., finding that the prorogation was not ...: “…”": the clause
            # that reports, not the one reported
        return t if t.pos_ in ("VERB", "AUX") and not self.quoted(t) else None

    # ----------------------------------------------------------------- indirect speech

    def reported(self, c: _Cue) -> tuple[int, int] | None:
        """The ``[start, end)`` of the clause cue ``c`` reports, or None."""
        doc = self.doc
        verb = doc[c.i]
        if c.cue.kind == "source":
            clause = verb.head
            if clause.i == verb.i or self.quoted(clause):
                return None
            lo, hi = clause.left_edge.i, clause.right_edge.i
            cut_lo, cut_hi = verb.left_edge.i, verb.right_edge.i
            named = self._source_apposition(next((t for t in doc[c.j - 1].children if t.dep_ == "pobj"), None))
            cut_hi = named[1] if named else cut_hi  # "According to the El Paso mayor, Dee Margo, ...": his name
            hi = min([hi] + [ch.left_edge.i - 1 for ch in clause.children if ch.dep_ == "conj" and ch.i > cut_hi
                             and any(g.dep_ in SUBJECT_DEPS and g.lower_ in ("who", "which") for g in ch.children)])
            # ("began at 10:39, according to police, who said officers arrived": a relative clause on the
            # source that the parser made a conjunct, with its own cue)
            left, right = (lo, cut_lo - 1), (cut_hi + 1, hi)
            a, b = max((left, right), key=lambda r: r[1] - r[0])
        else:
            if "clause" not in c.cue.takes or _is_passive(verb) or _asked(verb) or _bare_participle(verb):
                return None
            comp = next((ch for ch in verb.children if ch.dep_ == "ccomp" and not self.quoted(ch)), None)
            if comp is None:
                comp = next((ch for ch in verb.children if ch.dep_ == "ccomp"), None)
            if comp is None:
                comp = next((ch for ch in verb.children if ch.dep_ == "xcomp" and ch.i > verb.i
                             and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)), None)  # fmt: skip
            if comp is None and verb.dep_ == "parataxis" and not self.quoted(verb.head):
                clause = verb.head  # "But to prevent problems, he said, local officials should be vigilant"
                lo, hi = clause.left_edge.i, clause.right_edge.i
                left, right = (lo, verb.left_edge.i - 1), (verb.right_edge.i + 1, hi)
                a, b = max((left, right), key=lambda r: r[1] - r[0])
            elif comp is None:
                return None
            else:
                a, b = comp.left_edge.i, comp.right_edge.i
                if a <= verb.i <= b:
                    return None
                if b < verb.i and not self._comma_after(b):
                    return None  # "CLAUSE; X wrote Y an order" is no report: "CLAUSE, X said" is
                obj = next((ch for ch in verb.children if ch.dep_ == "dobj" and verb.i < ch.i < a
                            and "audience" not in c.cue.takes), None)  # fmt: skip (not "told CNN, ...")
                if obj is not None and any(doc[k].text == "," for k in range(obj.right_edge.i + 1, a)):
                    return None  # "X denied all claims that ..., however, a UN report concluded ...": a clause
                    # of its own the parser hung on the verb that already has its object
                if obj is not None and obj.right_edge.i + 1 == a and obj.pos_ in ("NOUN", "PROPN") \
                        and comp.dep_ == "ccomp" and doc[a].dep_ != "mark" and verb.lemma_ not in ASK_VERBS:
                    a = obj.left_edge.i  # "concluded Neanderthals living in Europe tens of thousands of years ago
                    # were ...": the clause's subject, which the parser made the verb's object
        while a <= b and (doc[a].is_punct or doc[a].is_space or (doc[a].lower_ == "that" and doc[a].dep_ == "mark")):
            a += 1
        b = self._clause_end(a, b)
        while b >= a and ((doc[b].is_punct and not _kept_at_end(doc, a, b)) or doc[b].is_space) \
                and not self.quoted(doc[b]):
            b -= 1  # (not "%": "prices rose 5%")
        if b - a < 2 or not any(t.pos_ in ("VERB", "AUX") for t in doc[a : b + 1]):
            return None
        start, end = doc[a].idx, doc[b].idx + len(doc[b])
        if self.quoted(doc[a]) and self.quoted(doc[b]) and self.inq[a] == self.inq[b]:
            return None  # the clause is one quotation: its direct row is enough
        if self.quoted(doc[a]):  # a quotation the clause starts or ends in is whole, with its marks
            start = min(start, self.quotes[self.inq[a]].outer_start)
        if self.quoted(doc[b]):
            end = max(end, self.quotes[self.inq[b]].outer_end)
        while end > start and self.text[end - 1] in " \t\u00a0":
            end -= 1
        return start, end

    def _clause_end(self, a: int, b: int) -> int:
        """The last token of a reported clause ``[a, b]`` the parser ran on into the narrator's next clause: one
        after a semicolon whose first verb is another report ("reported the magnitude was 5.5; USGS reported 5.8"),
        or after the quotation the clause opens with ("said \"We couldn't win,\" and the city flag is at half-mast")."""
        doc = self.doc
        for k in range(a + 1, b):
            if doc[k].text == ";" and not self.quoted(doc[k]):
                verb = next((w for w in doc[k + 1 : b + 1] if w.tag_ in _FINITE), None)
                if verb is not None and verb.i in self.cue_at:
                    return k - 1  # (not "said X; Nike holds ..., and the report says": a list of what was said)
        if not self.quoted(doc[a]):
            return b
        k = a
        while k < b and self.inq[k + 1] == self.inq[a]:
            k += 1  # the quotation's last token
        rest = [w for w in doc[k + 1 : b + 1] if not (w.is_punct or w.is_space)]
        verb = next((w for w in rest if w.tag_ in _FINITE), None)
        if rest and rest[0].lower_ in ("and", "but", "while") and verb is not None \
                and any(ch.dep_ in SUBJECT_DEPS for ch in verb.children) and not any(self.quoted(w) for w in rest):
            return k  # (not "said \"...\" and said the emergency began": the same speaker goes on)
        return b

    def _comma_after(self, i: int) -> bool:
        """True when a comma follows token ``i`` (past closing quotation marks)."""
        k = i + 1
        while k < len(self.doc) and self.doc[k].text in ("”", '"', "’", "'"):
            k += 1
        return (k < len(self.doc) and self.doc[k].text == ",") or self.doc[i].text == ","

    def tail_mentions(self, q: Quote) -> list[_Mention]:
        """Mentions right after a partial quote, up to the next verb, ``to``, quote or punctuation."""
        end = q.outer_end
        for i in self.tokens(q.outer_end, len(self.text) + 1):
            t = self.doc[i]
            if self.quoted(t) or t.pos_ in ("VERB", "AUX") or t.tag_ in ("TO", "MD") or not _WORD.match(t.text):
                break
            end = t.idx + len(t)
        return self.mentions_in(q.outer_end, end)


def _kept_at_end(doc, a: int, b: int) -> bool:
    """Whether punctuation token ``b`` ending a reported clause ``[a, b]`` is part of what was said: a "%"
    ("the rate had reached 95%"), or a bracket closing one the clause opened ("was good (mostly)")."""
    closer = doc[b].text
    if closer == "%":
        return True
    opener = {")": "(", "]": "["}.get(closer)
    return opener is not None and any(t.text == opener for t in doc[a:b])


def _asked(verb: Token) -> bool:
    """Whether a speech verb is asked about, not reported: its auxiliary comes before its subject in a
    sentence that ends with a question mark ("Had the federation ever warned you to cover your hair?",
    "Did Trump say that he would go?")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not any(c.dep_ in ("aux", "auxpass") and c.i + 1 == subject.left_edge.i
                                  for c in verb.children):  # fmt: skip
        return False  # (not "Are you aware EFF said it was ...?": a question around a report)
    last = next((t for t in reversed(verb.sent) if not t.is_space and t.text not in ('"', "”", "’", "'")), verb)
    return last.text == "?"


def _bare_participle(verb: Token) -> bool:
    """Whether a speech verb is a past participle heading an adverbial clause with no subject or auxiliary
    ("when asked to condemn them, stating ...", "Asked whether he would run, Smith said ..."): a passive whose
    content is someone else's question or request, not the words of the clause's subject."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _one_person_noun(t: Token) -> bool:
    """Whether a common noun names one person by office or occupation ("mayor", "spokesman", "witness")."""
    lex = load_lexicon()
    return title_key(t.lemma_) in lex.titles or t.lemma_.lower() in lex.person_nouns


def _is_passive(verb: Token) -> bool:
    if any(ch.dep_ in ("auxpass", "nsubjpass", "csubjpass", "agent") for ch in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


#: Dependencies a passive's "by" phrase may hang from inside its clause when the parser attaches it to the
#: quoted words ("announced to be a “pandemic” by the WHO", "described as “reckless” by X").
_AGENT_PATH = frozenset({"xcomp", "attr", "acomp", "oprd", "prep", "pobj", "amod", "dobj"})


def _stray_agent(verb: Token) -> Token | None:
    """The object of a "by" after a passive speech verb that the parser hung from a word of its clause
    instead of the verb ("COVID-19 was announced to be a “pandemic” by the WHO"): the WHO; else None."""
    for t in verb.subtree:
        if t.i <= verb.i or t.lower_ != "by" or t.dep_ != "prep":
            continue
        h = t.head
        while h.i != verb.i and h.dep_ in _AGENT_PATH and h.head.i != h.i:
            h = h.head
        if h.i == verb.i:
            return next((g for g in t.children if g.dep_ == "pobj"), None)
    return None


def _closes(doc, a: int, b: int) -> bool:
    """Whether token ``b`` closes a bracket opened in ``[a, b)`` ("The Iranian Revolutionary Guard Corps (IRGC)")."""
    return doc[b].text == ")" and any(doc[k].text == "(" for k in range(a, b))


def _agrees(low: str, gender: str, number: str, type_: str, actor_gender: str) -> bool:
    if low in ("it", "its", "itself"):
        return type_ in _ITS
    if number == "plural":
        return type_ in _PLURAL
    return type_ in _PERSONLIKE and (not actor_gender or not gender or actor_gender == gender)


# --------------------------------------------------------------------------- public


def _mention_list(mentions: pd.DataFrame | None, role: str = "actor") -> list[_Mention]:
    """The mentions of ``role`` with an actor, in text order."""
    if mentions is None or len(mentions) == 0:
        return []
    n = len(mentions)
    col = {c: (mentions[c].tolist() if c in mentions.columns else [""] * n)
           for c in ("actor_id", "actor", "start", "end", "type", "gender", "resolved_by", "role")}  # fmt: skip
    out = []
    for a, name, s, e, ty, g, how, r in zip(*col.values(), strict=True):
        if not isinstance(a, str) or not a or (r and r != role):
            continue
        out.append(_Mention(a, str(name), int(s), int(e), ty if isinstance(ty, str) else "",
                            g if isinstance(g, str) else "", how == "pronoun"))  # fmt: skip
    return sorted(out, key=lambda m: (m.start, m.end))


def _row(**kw: Any) -> dict[str, Any]:
    return {c: kw.get(c) for c in QUOTE_COLUMNS}


def _speaker_fields(text: str, speaker: _Speaker | None) -> dict[str, Any]:
    if speaker is None:
        return {"speaker_id": None, "speaker": None, "speaker_start": None, "speaker_end": None, "speaker_text": None,
                "speaker_resolved_by": None}  # fmt: skip
    phrase = text[speaker.start : speaker.end]
    return {"speaker_id": speaker.actor_id, "speaker": speaker.actor or phrase, "speaker_start": speaker.start,
            "speaker_end": speaker.end, "speaker_text": phrase, "speaker_resolved_by": speaker.resolved_by}


def _about(speaker_id: str | None, *groups: list[_Mention]) -> tuple[str, ...]:
    seen: list[str] = []
    for group in groups:
        for m in sorted(group, key=lambda m: m.start):
            if m.actor_id != speaker_id and m.actor_id not in seen:
                seen.append(m.actor_id)
    return tuple(seen)


_CARRIED = ("speaker_id", "speaker", "cue", "cue_start", "cue_end", "speaker_start", "speaker_end", "speaker_text",
            "speaker_resolved_by")  # fmt: skip


def find_quotes(
    document: Document,
    mentions: pd.DataFrame | None,
    *,
    lexicon_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Every quotation in the document: who said it (speaker), with which cue, and about whom.

    Args:
        document: the parsed article (:func:`helpers.text.document.parse`); all offsets are into its text.
        mentions: the actor mentions (``actor_id, actor, start, end``, and ``type``, ``gender``,
            ``resolved_by``, ``role`` where present; see :func:`helpers.actors.mentions.find_mentions`).
            Only ``role == "actor"`` rows are read, and ``label`` rows for the speakers of transcript turns.
        lexicon_dir: folder with ``speech_verbs.csv`` and ``speaker_nouns.csv`` (default ``config.LEXICON_DIR``).

    Returns:
        One row per quotation, ordered by ``start``, columns :data:`QUOTE_COLUMNS`: ``kind`` is one of
        :data:`KINDS`; ``text == text[start:end]`` (marks excluded; for indirect speech the reported
        clause); ``cue``/``cue_start``/``cue_end`` and ``speaker_*`` are None when not found;
        ``speaker`` is the actor's name when ``speaker_id`` is known, else the speaker phrase;
        ``about_ids`` a tuple of actor ids; ``quoted`` True for words inside quotation marks;
        ``attributed_by`` one of :data:`ATTRIBUTIONS` (None without a speaker or cue);
        ``speaker_resolved_by`` one of :data:`RESOLUTIONS` (None without a speaker).

    Raises:
        DataError: a lexicon file is missing or malformed.
    """
    lex = load_speech_lexicon(str(lexicon_dir) if lexicon_dir else None)
    if not document.bounds or not document.text:
        return _table([])
    r = _Reader(document, _mention_list(mentions), lex, _mention_list(mentions, "modifier"),
                _mention_list(mentions, "unnamed"))
    text = r.text
    for c in r.cues:  # speakers in reading order, so a pronoun can take an earlier speaker
        r.speaker_of(c)
    rows: list[dict[str, Any]] = []
    transcript = _transcript_turns(r, {m.start: m for m in _mention_list(mentions, "label")})
    for p, (name_start, start, end, speaker) in transcript.items():  # one row per turn, the name left out
        sp = _speaker_fields(text, speaker)
        quoted = _DOUBLE.search(text, r.paragraphs[p][0], name_start) is not None
        rows.append(_row(text=text[start:end], start=start, end=end, sentence_id=r.sentence_at(start),
                         kind="direct", quoted=quoted, **sp, attributed_by="transcript",
                         about_ids=_about(sp["speaker_id"], r.mentions_in(start, end))))  # fmt: skip
    for q in r.quotes:
        turn = transcript.get(r.paragraph_of(q.start))
        if turn is not None and q.start <= turn[1] < q.end:
            continue  # the quotation marks around a transcript turn: the turn's row
        words = text[q.start : q.end]
        kind = _kind(words)
        base = {"text": words, "start": q.start, "end": q.end, "sentence_id": r.sentence_at(q.start),
                "kind": kind, "quoted": True}
        inside = r.mentions_in(q.start, q.end)
        byline = _byline(r, q)
        if byline is not None:
            sp = _speaker_fields(text, byline)
            rows.append(_row(**base, **sp, attributed_by="byline", about_ids=_about(sp["speaker_id"], inside)))
            continue
        c, intro, rule = r.quote_cue(q, kind == "direct")
        if c is not None:
            speaker, slot = r.speaker_of(c)
            if "object" in c.cue.takes and c.end <= q.outer_start:
                slot = slot + r.mentions_in(c.end, q.outer_start)
            tail = r.tail_mentions(q) if kind == "partial" else []
            sp = _speaker_fields(text, speaker)
            rows.append(_row(**base, **sp, cue=text[c.start : c.end], cue_start=c.start, cue_end=c.end,
                             attributed_by=rule if speaker is not None else None,
                             about_ids=_about(sp["speaker_id"], inside, slot, tail)))  # fmt: skip
            continue
        if intro is not None:
            speaker, slot = r.verb_speaker(intro, _OBJECT)
            if speaker is not None:
                sp = _speaker_fields(text, speaker)
                end = intro.idx + len(intro)
                rows.append(_row(**base, **sp, cue=text[intro.idx : end], cue_start=intro.idx, cue_end=end,
                                 attributed_by=rule, about_ids=_about(sp["speaker_id"], inside, slot)))  # fmt: skip
                continue
        rows.append(_row(**base, about_ids=_about(None, inside)))
    for c in r.cues:
        span = r.reported(c)
        if span is None:
            continue
        speaker, _ = r.speaker_of(c)
        if speaker is None:
            continue
        s, e = span
        sp = _speaker_fields(text, speaker)
        rows.append(_row(**sp, cue=text[c.start : c.end], text=text[s:e], start=s, end=e,
                         sentence_id=r.sentence_at(s), kind="indirect", cue_start=c.start, cue_end=c.end,
                         quoted=bool(_DOUBLE.search(text, s, e)), attributed_by="cue",
                         about_ids=_about(sp["speaker_id"], r.mentions_in(s, e))))  # fmt: skip
    rows.sort(key=lambda row: (row["start"], row["end"]))
    _speaking_inside(rows)
    rows = [row for row in rows if not _said_by_a_thing_inside(row, rows)]
    _continue_paragraphs(r, rows)
    rows = [row for row in rows if not _is_title(row["text"]) or (row["speaker_text"] is not None
                                                                  and not _named_as(text, row))]
    rows = [row for row in rows if row["speaker_text"] is not None or not _scale_step(text, row)]
    return _table(rows)


def _scale_step(text: str, row: dict[str, Any]) -> bool:
    """Whether a quotation with no speaker is one step of a scale, 'from "moderate" to "high"' (a level's
    name, no one's words)."""
    before, after = text[max(0, row["start"] - 60) : row["start"]], text[row["end"] : row["end"] + 60]
    return (_FROM_STEP.search(before) is not None and _TO_STEP.match(after) is not None) \
        or _FROM_TO_STEP.search(before) is not None


_FROM_STEP = re.compile(r"\bfrom\s*[\"“]$", re.IGNORECASE)
_TO_STEP = re.compile(r"^[\"”]?\s*to\s*[\"“]", re.IGNORECASE)
_FROM_TO_STEP = re.compile(r"\bfrom\s*[\"“][^\"”]{1,40}[\"”]\s*to\s*[\"“]$", re.IGNORECASE)


def _named_as(text: str, row: dict[str, Any]) -> bool:
    """Whether a title in quotation marks follows a naming word, with no speech cue of its own (see
    :data:`_NAMED_AS`)."""
    return _NAMED_AS.search(text, max(0, row["start"] - 40), row["start"]) is not None \
        and str(row["cue"] or "").lower() in _NAMING_WORDS | {""}


#: What a name in quotation marks follows when it is a name, not anyone's words ('also known as the "Radio
#: Control Law"', 'a campaign dubbed "Operation Peace Spring"'), unless a speech cue's clause holds it ('Clinton
#: says the Ohio native nicknamed "King James" is ...': hers).
_NAMING_WORDS = frozenset({"known", "called", "named", "dubbed", "titled", "entitled", "nicknamed", "branded"})
_NAMED_AS = re.compile(r"\b(?:known as|called|named|dubbed|titled|entitled|nicknamed|branded)"
                       r"(?: the| a| an)?\s*[\"“]?\s*$", re.IGNORECASE)


def _speaking_inside(rows: list[dict[str, Any]]) -> None:
    """A first-person speaker inside another quotation is that quotation's speaker (``quote``): "As I told
    you, the campaign runs ten days" in an interviewee's answer (a transcript turn, whose own cues count)."""
    for row in rows:
        if row["speaker_id"] is not None or row["speaker_text"] is None \
                or row["speaker_text"].lower() not in FIRST_PERSON:
            continue
        size = row["end"] - row["start"]
        outer = [o for o in rows if o is not row and o["speaker_id"] is not None
                 and o["start"] <= row["speaker_start"] < o["end"] and o["end"] - o["start"] > size]
        if outer:
            o = min(outer, key=lambda o: o["end"] - o["start"])  # the innermost
            row.update(speaker_id=o["speaker_id"], speaker=o["speaker"], speaker_resolved_by="quote")


def _said_by_a_thing_inside(row: dict[str, Any], rows: list[dict[str, Any]]) -> bool:
    """Whether a row is a report inside another speaker's quotation whose speaker is only "it", "this" or "that"
    ("Well, it tells us that planets can form" in an interviewee's answer, "it does suggest that"): the
    quotation's speaker reasoning, no one's report ("It also urged people to ..." in the narrator's words stays)."""
    if row["speaker_id"] is not None or (row["speaker_text"] or "").lower() not in _NEUTER_SPEAKERS:
        return False
    return any(o is not row and o["speaker_id"] is not None and o["start"] <= row["speaker_start"] < o["end"]
               for o in rows)  # fmt: skip


def _key(row: dict[str, Any]) -> str | None:
    if row["speaker_id"] is not None:
        return "id:" + row["speaker_id"]
    if row["speaker_text"] is not None:
        return "text:" + row["speaker_text"].lower()
    return None


def _continue_paragraphs(r: _Reader, rows: list[dict[str, Any]]) -> None:
    """Direct quotations without a speaker take their paragraph's one speaker (``paragraph``), or the previous
    paragraph's when theirs opens with them and has no speaker of its own (``previous paragraph``)."""
    by_para: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_para.setdefault(r.paragraph_of(row["start"]), []).append(row)
    paras = sorted(by_para)
    for n, p in enumerate(paras):
        group = by_para[p]
        after: list[tuple[str | None, bool, dict[str, Any] | None]] = [(None, False, None)] * (len(group) + 1)
        for i in range(len(group) - 1, -1, -1):  # (the one key after row i, several keys?, its first row)
            key, several, first = after[i + 1]
            k = _key(group[i]) if group[i]["attributed_by"] else None
            if k is not None:
                several = several or (key is not None and key != k)
                key, first = k, group[i]
            after[i] = (key, several, first)
        before_key: str | None = None
        before_several, before_last = False, None
        for i, row in enumerate(group):
            if row["attributed_by"] is None and row["kind"] == "direct" and row["quoted"]:
                if before_last is not None:
                    src = None if before_several else before_last
                else:
                    key, several, first = after[i + 1]
                    src = None if several else first
                if src is not None:
                    row.update({c: src[c] for c in _CARRIED}, attributed_by="paragraph")
                    row["about_ids"] = tuple(a for a in row["about_ids"] if a != row["speaker_id"])
            k = _key(row)
            if k is not None:
                before_several = before_several or (before_key is not None and before_key != k)
                before_key, before_last = k, row
        if any(x["attributed_by"] is not None for x in group) or n == 0 or paras[n - 1] != p - 1:
            continue
        first_row = group[0]
        p0 = r.paragraphs[p][0]
        if first_row["kind"] != "direct" or not first_row["quoted"] or \
                r.text[p0 : first_row["start"]].strip() not in ("“", '"'):  # fmt: skip
            continue
        prev = by_para[paras[n - 1]][-1]
        if prev["kind"] != "direct" or not prev["quoted"] or _key(prev) is None:
            continue
        for row in group:
            if row["kind"] == "direct" and row["quoted"]:
                row.update({c: prev[c] for c in _CARRIED}, attributed_by="previous paragraph")
                row["about_ids"] = tuple(a for a in row["about_ids"] if a != row["speaker_id"])


def _byline(r: _Reader, q: Quote) -> _Speaker | None:
    """“…” ― Name: a dash and a name after the quotation, to its paragraph's end or the next quotation."""
    p = r.paragraph_of(q.outer_start)
    p1 = r.paragraphs[p][1]
    m = _BYLINE.match(r.text, q.outer_end, p1)
    if m is None:
        return None
    start, end = m.start(1), m.end(1)
    ments = r.mentions_in(start, end)
    if ments:
        best = max(ments, key=lambda x: x.end - x.start)
        return _Speaker(start, end, best.actor_id, best.actor, "pronoun" if best.pronoun else "mention")
    return _Speaker(start, end, None, None, "phrase")


def _transcript_turns(r: _Reader, labels: dict[int, _Mention]) -> dict[int, tuple[int, int, int, _Speaker]]:
    """Paragraphs that open with a speaker label, "NAME:" or "((Name))" (an interview transcript):
    paragraph -> (name start, content start, content end, speaker). ``labels``: the label mentions by start
    (role ``label``)."""
    found = speaker_labels(r.text, r.paragraphs)
    if not found:
        return {}
    names = {p: r.text[s:e].lower() for p, (s, e, _, _) in found.items()}
    surnames: dict[str, set[tuple[str, str]]] = {}
    initials: dict[str, set[tuple[str, str]]] = {}
    for m in r.mentions:
        if m.type == "person" and m.actor:
            surnames.setdefault(m.actor.split()[-1].lower(), set()).add((m.actor_id, m.actor))
            initials.setdefault("".join(w[0] for w in m.actor.split()).upper(), set()).add((m.actor_id, m.actor))
    out = {}
    for p, (s, e, cs, end) in found.items():
        low = names[p]
        known = surnames.get(low.split()[-1], set())
        label = r.text[s:e]
        by_initials = initials.get(label, set()) if label.isupper() and 2 <= len(label) <= 4 else set()
        if len(known) != 1 and sum(n == low for n in names.values()) < 2 and len(found) < 2:
            continue
        m_here = labels.get(s) or r.mention_at(s)
        if m_here is not None and not (by_initials and m_here.actor == label):  # (not the label read as a body)
            speaker = _Speaker(s, e, m_here.actor_id, m_here.actor, "mention")
        elif len(known) == 1:
            actor_id, actor = next(iter(known))
            speaker = _Speaker(s, e, actor_id, actor, "surname")
        elif len(by_initials) == 1:  # "((WSS))" for "reporter William S. Saturn": the one person of those
            actor_id, actor = next(iter(by_initials))  # initials
            speaker = _Speaker(s, e, actor_id, actor, "initials")
        else:
            speaker = _Speaker(s, e, None, None, "phrase")
        while cs < end and r.text[cs] in ": ":
            cs += 1  # "((WSS)): Which past president ...": the words, not the colon after the label
        out[p] = (s, cs, end, speaker)
    if len(out) >= 2:
        out.update(_continued_turns(r, out))
    return out


#: Last characters of a paragraph that reads as prose, not a heading ("Early life").
_PROSE_END = frozenset(".!?…\"”')")


def _continued_turns(r: _Reader, turns: dict[int, tuple[int, int, int, _Speaker]]
                     ) -> dict[int, tuple[int, int, int, _Speaker]]:  # fmt: skip
    """Paragraphs of prose between two labelled turns of a transcript, with no label of their own: the rest of
    the earlier turn when it is an answer ("((Perttu Ahola)) The initial 0.4 development ... ¶ There was a take
    over attempt ... ¶ I guess I have to say ..."). Not after a question, nor after any turn of the interviewer
    (the label whose turns mostly end in "?"): there an article goes on in its own voice between interviews,
    or the answers carry a label the transcript does not recognise. Headings (no closing punctuation) and
    stage directions in brackets are left out."""
    def asks(turn: tuple[int, int, int, _Speaker]) -> bool:
        return r.text[turn[1] : turn[2]].rstrip(" \"”'").endswith("?")

    questions: dict[str, list[bool]] = {}
    for turn in turns.values():
        questions.setdefault(r.text[turn[3].start : turn[3].end].lower(), []).append(asks(turn))
    interviewers = {label for label, q in questions.items() if sum(q) * 2 > len(q)}
    out = {}
    labelled = sorted(turns)
    for p0, p1 in pairwise(labelled):
        speaker = turns[p0][3]
        if r.text[speaker.start : speaker.end].lower() in interviewers or asks(turns[p0]):
            continue
        for p in range(p0 + 1, p1):
            a, b = r.paragraphs[p]
            words = r.text[a:b].strip()
            bare = words.strip("\"“”'‘’. ")
            if not bare or words[-1] not in _PROSE_END or (bare[0] in "([" and bare[-1] in ")]"):
                continue  # a heading; a stage direction ("(CROSSTALK.)"; not "[Women] loco pilots are ...")
            start = a + (len(r.text[a:b]) - len(r.text[a:b].lstrip()))
            out[p] = (start, start, start + len(words), turns[p0][3])
    return out


def _table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The quotes table, built column by column (``astype`` on a small frame costs milliseconds)."""
    cols: dict[str, Any] = {}
    for c in QUOTE_COLUMNS:
        values = [r[c] for r in rows]
        if c in ("start", "end", "sentence_id"):
            cols[c] = np.array(values, dtype="int64")
        elif c in ("cue_start", "cue_end", "speaker_start", "speaker_end"):
            cols[c] = pd.array(values, dtype="Int64")
        elif c == "quoted":
            cols[c] = np.array([bool(v) for v in values], dtype=bool)
        else:
            cols[c] = pd.Series(values, dtype=object)
    return pd.DataFrame(cols)


def quote_pronouns(document: Document, quotes: pd.DataFrame, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """First-person pronouns inside quotations (I, me, my, we, our, us …) as mentions of the quotation's speaker.

    Only direct and partial rows (the speaker's own words: in quotation marks, or a transcript turn) whose speaker
    is an actor (``speaker_id``) count, never reported clauses; a pronoun in quotations nested in one another goes
    to the innermost; "US" in capitals is the country; a news outlet's "we" and "our" are everyone, not the outlet
    ("((WN)) What do we know about lissoirs?", "change our search for life"); the "we", "us" and "our" of a
    person who speaks for one body (:func:`speaker_sides`) are that body. Rows have the columns of
    :data:`helpers.actors.mentions.MENTION_COLUMNS`, ordered by ``start``, with ``resolved_by`` ``quote``, ``role``
    ``actor`` and ``title`` None; ``type``, ``gender`` and ``office_id`` come from the speaker's mentions in
    ``mentions`` where given (else ``unknown``, ``""``, None). No actor is made: every row names an actor the quotes
    table already has.
    """

    info: dict[str, list[Any]] = {}
    if mentions is not None and len(mentions):
        n = len(mentions)
        cols = [mentions[c].tolist() if c in mentions.columns else [None] * n
                for c in ("actor_id", "type", "gender", "office_id")]  # fmt: skip
        for actor_id, type_, gender, office_id in zip(*cols, strict=True):
            if not isinstance(actor_id, str):
                continue
            known = info.setdefault(actor_id, ["unknown", "", None])
            if isinstance(type_, str) and type_ and known[0] == "unknown":
                known[0] = type_
            if isinstance(gender, str) and gender and not known[1]:
                known[1] = gender
            if isinstance(office_id, str) and office_id and known[2] is None:
                known[2] = office_id
    spans = []
    if quotes is not None and len(quotes):
        cols = [quotes[c].tolist() for c in ("start", "end", "speaker_id", "speaker", "kind")]
        for s, e, sid, name, kind in zip(*cols, strict=True):
            if kind != "indirect" and isinstance(sid, str) and sid:
                spans.append((int(s), int(e), sid, str(name)))
    doc = document.doc
    starts = [t.idx for t in doc]
    s_starts = [b.start for b in document.bounds]
    sides, owned = speaker_sides(document, mentions)
    rows = []
    seen: set[int] = set()
    for s, e, sid, name in sorted(spans, key=lambda x: x[1] - x[0]):  # innermost first
        side = owned.get((sid, max(0, bisect.bisect_right(s_starts, s) - 1))) or sides.get(sid)
        for i in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
            t = doc[i]
            if i in seen or t.lower_ not in FIRST_PERSON or t.pos_ != "PRON" or t.text == "US":
                continue
            if t.lower_ in _EVERYONE_WE and is_outlet(sid):
                continue  # "((WN)) What do we know about lissoirs?": an interviewer's "we" is everyone
            seen.add(i)
            who, who_name = side if t.lower_ in _WE and side is not None else (sid, name)
            type_, gender, office_id = info.get(who, ["unknown", "", None])
            sentence_id = max(0, bisect.bisect_right(s_starts, t.idx) - 1)
            role, verb = token_clause_role(t)
            rows.append((who, who_name, type_, sentence_id, t.idx, t.idx + len(t), t.text, "quote", gender,
                         office_id, None, "actor", role, verb))  # fmt: skip
    rows.sort(key=lambda row: (row[4], row[5]))
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return out.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})


def speaker_sides(document: Document, mentions: pd.DataFrame | None
                  ) -> tuple[dict[str, tuple[str, str]], dict[tuple[str, int], tuple[str, str]]]:  # fmt: skip
    """Whom a person speaks for as "we": ``(sides, owned)``, each giving ``(actor_id, name)`` of an organisation or
    group that is no news outlet.

    ``sides``: person actor -> the one body named right before a ``speaks_for`` title of one of their mentions,
    for the whole article ("University coach Brad Tronc", "Microsoft CEO Satya Nadella", "Labour leader Jeremy
    Corbyn"; not "Senate Minority Leader Chuck Schumer", nor a state: "US Ambassador Nikki Haley"'s "we" may be
    the country or the government); none for a person with two. ``owned``: (person, sentence) -> the one body
    they own in that sentence ("Corbyn said his Labour Party '[are] eager for an election — but as keen as we
    are'"; not a side noun: "her opponents"), for the quotations that start there."""
    if mentions is None or not len(mentions):
        return {}, {}
    doc, text = document.doc, document.text
    lex = load_lexicon()
    cols = [mentions[c].tolist() for c in ("actor_id", "actor", "type", "start", "end", "sentence_id")]
    heads: dict[int, str] = {}
    bodies: list[tuple[Span, str, str, int]] = []
    for actor_id, name, type_, start, end, sentence_id in zip(*cols, strict=True):
        span = doc.char_span(int(start), int(end), alignment_mode="expand") if end <= len(text) else None
        if not isinstance(actor_id, str) or span is None or not len(span):
            continue
        if type_ == "person":
            heads[span.root.i] = actor_id
        elif type_ in _SIDE_TYPES and not is_outlet(actor_id):
            bodies.append((span, actor_id, str(name), int(sentence_id)))
    titled: dict[str, set[tuple[str, str]]] = {}
    owned: dict[tuple[str, int], set[tuple[str, str]]] = {}
    for span, actor_id, name, sentence_id in bodies:
        title = doc[span.end] if span.end < len(doc) else None
        if title is not None and title.lower_ in lex.speaks_for and title.dep_ == "compound" \
                and title.head.i in heads:
            titled.setdefault(heads[title.head.i], set()).add((actor_id, name))
        owner = next((heads[c.i] for c in span.root.children if c.dep_ == "poss" and c.i in heads), None)
        if owner is not None and span.root.lemma_.lower() not in lex.side_nouns:
            owned.setdefault((owner, sentence_id), set()).add((actor_id, name))
    return ({p: next(iter(side)) for p, side in titled.items() if len(side) == 1},
            {k: next(iter(side)) for k, side in owned.items() if len(side) == 1})  # fmt: skip
