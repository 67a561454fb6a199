"""Actor-to-actor stance: who is cooperative or hostile toward whom.

Stance is read from *cues*, words and phrases that name an event or an
evaluation between two actors. The cue lexicon (``data/lexicons/stance_cues.csv``)
follows the CAMEO event ontology (Gerner, Schrodt, Yilmaz & Abu-Jabr 2002;
Schrodt 2012, CAMEO codebook 1.1b3) and weighs each category on the Goldstein
(1992) conflict-cooperation scale, -10 (fight) to +10: consult 1.0, visit 1.9,
host 2.8, praise or endorse 3.4, express intent to cooperate 4.0, negotiate
7.0, sign a formal agreement 8.0; criticize or denounce -2.0, accuse -2.0,
reject -4.0, threaten -4.4, arrest or charge -5.0, impose sanctions -8.0,
fight -10.0 (J. S. Goldstein, "A Conflict-Cooperation Scale for WEIS Events
Data", Journal of Conflict Resolution 36(2), 1992).

The rule method (``method="rules"``) finds who does what to whom with shallow
syntax over Pattern POS tags (see :mod:`helpers.text.tokens`):

* the **source** is the agent: the subject of an active verb (a first-person
  subject, "we applaud X", is the sentence's speaker), the ``by``
  phrase of a passive ("Y was criticized by X"), the possessor or ``by``/``from``
  phrase of a nominalisation ("Russia's invasion of Ukraine"), the subject of
  the main clause for a clause-initial participle ("Denouncing Y, X said ..."),
  or, for evaluative words ("thug", "murderous"), the *speaker* of the
  sentence ("X said Y was a thug", "Declaring Y a “pure thug”, X ..."); the
  antecedent of a subject relative pronoun ("drew fire from X, which accused Y";
  for a copula's predicate noun, the copula's subject: "X is a group which
  attacked Y"); any listed entity of a coordinated by/from/of phrase ("by A, a
  Democrat, and X"); the subject of the first verb for a coordinated verb
  phrase ("X gave Y a pat but soon was criticizing her"); the organisation of
  a speaker named after its verb ("said A, president of X"). Entities after a
  place or time preposition ("police in Y", "Meanwhile in Y, ...") and
  participles before a noun ("racially charged rumors") are no agents;
* the **target** is the patient: the object, the ``of/against/with/to/on``
  phrase, the entity an evaluative word describes, the antecedent of an object
  relative clause ("Y, which X derided as ..."), or, for a possessor's act
  with no target of its own, the subject of the clause that receives it ("Y
  refrained from responding to X's attacks");
* **reciprocal** cues (meet, talks, negotiate, fight, "exchange insults") and
  coordinated actors ("X and Y's diplomatic interaction", "talks between X and
  Y") give both directions;
* **negation** keeps the cue as evidence (``negated=True``) and is *not* read
  as the opposite, with one exception: a negated hostile or weakly cooperative
  cue ("did not criticize", "never visited", "no phone contacts") becomes
  neutral (weight 0); a negated cue of weight >= :data:`REFUSAL_MIN` ("did not
  support", "refused to endorse") is read as a refusal, CAMEO 12 *reject*,
  -4.0. A cooperative cue that is stopped ("talks stopped", "suspended
  talks", "broke off contact") is CAMEO 16 *reduce relations*, -4.0;
* **modality** is marked: ``asserted``, ``modal`` (can, could, may, might,
  would, should, must, will), ``conditional`` (an ``if``/``unless`` clause in
  the sentence) or ``negated``. Intent before a cooperative cue ("wants to
  “work together”") is CAMEO 03, *express intent to cooperate*, 4.0; intent
  or threat before a hostile cue ("vowed to attack") is CAMEO 13, *threaten*,
  -4.4; both are asserted;
* **reported speech without a lexicon cue**: when a speaker (the agent of a
  speech verb) is one entity, the summed VADER valences (Hutto & Gilbert,
  ICWSM 2014) of the words of what it says (after the verb, or, for a
  sentence-final attribution "..., Y said.", the clause before the speaker), at
  or beyond :data:`REPORTED_MIN`, are read as the speaker praising (CAMEO 051,
  3.4) or criticising (111, -2.0) the entities it speaks about (a negative sum
  needs :data:`REPORTED_HOSTILE_MIN`; both scaled by
  :data:`REPORTED_BEFORE_SCALE` for a sentence-final attribution); the listener of "told X" and entities
  of the speaker's own noun phrase or apposition ("[Mississippi] Attorney
  General [Jim Hood]", within :data:`SPEAKER_PHRASE_GAP` words, no verb
  between) are not its targets. The alleged act inside an accusation
  ("accused X of assaulting Y") is not read as a stance of X.

Only pairs within one sentence are read (stance across sentences needs
coreference, which this package does not do). All offsets are half-open
``[start, end)`` character offsets into the text given, as everywhere in the
package.

A directed pair's score is the mean Goldstein weight of its asserted and
negated cues (negated ones weigh 0 or -4.0 as above; if there are none, of its
modal and conditional ones), in [-10, 10]; its label is ``cooperative`` when the score is at least
:data:`COOPERATIVE_MIN`, ``hostile`` when at most ``-HOSTILE_MIN``, else
``neutral``. ``method="model"`` (see :mod:`helpers.stance.model`) is a
classifier trained on the DSE corpus (Park, Pan & Joo, Findings of ACL 2021)
that uses these rules' outputs as features.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from helpers.config import LEXICON_DIR
from helpers.errors import DataError, HelpersError, MethodError, SpanError
from helpers.text.tokens import Token, normal, tagged

if TYPE_CHECKING:
    import pandas as pd

CUES_FILE = LEXICON_DIR / "stance_cues.csv"
LABELS = ("cooperative", "hostile", "neutral")
MODALITIES = ("asserted", "modal", "conditional", "negated")
METHODS = ("default", "rules", "model")
#: Smallest absolute sum of VADER valences (each in [-4, 4]) read as a speaker's evaluation (DSE train.tsv).
REPORTED_MIN = 3.0
#: Same, for a negative sum (criticism); chosen on DSE train.tsv.
REPORTED_HOSTILE_MIN = 3.0
#: Fewest words after a speech verb (that ends its speaker phrase) read as what the speaker says;
#: with fewer, the content is the part of the sentence before the speaker ("..., Y said.").
REPORTED_CONTENT_MIN = 3
#: Factor on both thresholds when the content precedes the speaker ("..., Y said."): a sentence-final
#: attribution marks the whole clause before it as the speaker's (0.5 chosen on DSE train + valid).
REPORTED_BEFORE_SCALE = 0.5
#: Speech verbs whose object is the listener ("told Reuters"), who is not what the speaker evaluates.
_LISTENER_VERBS = {"tell"}
#: Most words between a speaker and an entity of its own noun phrase or apposition (DSE train.tsv).
SPEAKER_PHRASE_GAP = 10
#: The subject of the clause is the target of a possessor's act with no patient ("X faced Y's attacks").
POSSESSOR_TARGET_SUBJECT = True
#: Read the object gap of a relative clause ("Y, which X derided") as the patient.
RELATIVE_OBJECT = True
#: Most tokens of a coordinated noun phrase read for agents after by/from/of ("by A, a Democrat, and Y").
LIST_WINDOW = 20
#: Most tokens of the predicate noun phrase between a copula and a relative pronoun ("Y is one of four
#: banks that X sued"): the copula's subject is the relative's antecedent.
COPULA_NP_WINDOW = 8
#: Most tokens from the comma after a speaker's name to the preposition before its organisation
#: ("said Scott Borg, director and chief economist of Y").
AFFILIATION_WINDOW = 10
#: Most tokens back from "and"/"but" to the finite verb of the first conjunct of a coordinated verb phrase.
CONJUNCT_WINDOW = 15
#: Skip the alleged act inside an accusation (DSE train.tsv).
ALLEGED_SKIP = True
_QUOTE_WORDS = {'"', "''", "``", "“", "”"}
#: Smallest mean Goldstein weight read as cooperative (chosen on DSE train.tsv).
COOPERATIVE_MIN = 2.0
#: Smallest negative mean Goldstein weight (in absolute value) read as hostile.
HOSTILE_MIN = 1.0
_INTENT_COOPERATE = ("030", "intent to cooperate", 4.0)
_INTENT_HOSTILE = ("130", "threaten", -4.4)
_REFUSAL = ("120", "reject", -4.0)
_REDUCE_RELATIONS = ("161", "reduce relations", -4.0)
#: A negated cue at least this cooperative is read as a refusal, CAMEO 12 (reject, -4.0): "did not
#: support", "refused to endorse"; weaker ones ("did not visit", "no phone contacts") and every negated
#: hostile cue ("did not criticize") become neutral (weight 0). Chosen on DSE train.tsv.
REFUSAL_MIN = 3.0


#: Entity spans given to :func:`stance_between` are out of range, empty or overlapping.
StanceSpanError = SpanError


@dataclass(frozen=True)
class Cue:
    """One piece of stance evidence.

    Attributes:
        text: The cue as written, ``text[start:end]`` of the analysed text.
        start: Offset of the cue's first character in the text.
        end: Offset just past its last character.
        lemma: The lexicon entry it matched (``"criticize"``, ``"work together"``).
        cameo: CAMEO event code (``"111"``); ``"030"``/``"130"`` after an intent or threat.
        category: CAMEO category name (``"criticize"``).
        weight: Goldstein (1992) weight in [-10, 10]; 0.0 when negated.
        negated: The cue is negated or reversed ("did not criticize", "talks stopped").
        modality: One of ``asserted``, ``modal``, ``conditional``, ``negated``.
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
        score: Mean Goldstein weight of the cues counted, in [-10, 10] (0.0 when none).
        cues: All cues read for this direction, including negated ones, in text order.
    """

    label: str
    score: float
    cues: tuple[Cue, ...] = ()


NEUTRAL = StanceLabel("neutral", 0.0, ())


class _Entry(NamedTuple):
    lemma: str
    pos: str
    cameo: str
    category: str
    weight: float
    note: str


class _Match(NamedTuple):
    i: int  # first token
    j: int  # one past the last token
    entry: _Entry


# --------------------------------------------------------------------------- lexicon

_VOWELS = set("aeiou")
_BE = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re", "am", "get", "got", "gets", "getting"}
_MODALS = {"can", "could", "may", "might", "would", "should", "must", "will", "shall", "'ll", "'d", "ca", "wo"}
_NEGATORS = {"not", "n't", "never", "no", "without", "nor", "neither", "hardly"}
_NEG_VERBS = {"refuse", "refused", "refuses", "refusing", "decline", "declined", "declines", "declining",
              "fail", "failed", "fails", "failing"}
_CONDITIONAL = {"if", "unless", "whether"}
_AGENT_PREPS = {"by", "from"}
_PATIENT_PREPS = {"of", "against", "on", "to", "with", "for", "toward", "towards", "about", "upon"}
_POSSESSIVE = {"'s", "'"}
_CLAUSE_STOP = {";", ":", "--"}
_OBJECT_PRONOUNS = {"him", "her", "them", "his", "their"}
_TITLES = {"mr", "mrs", "ms", "dr", "rep", "sen", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "st", "jr", "pres"}
#: Words that join the conjuncts of a noun phrase list read by ``_Sentence.np_list`` ("as well as" too).
_LIST_JOINERS = {",", "and", "or", "&", "including"}
_COPULAS = {"is", "was", "are", "were", "'s", "been", "be", "remains", "remained", "became", "becomes"}
_AFFILIATION_PREPS = {"of", "for", "at", "with"}
_VP_JOINERS = {"and", "but", "or"}
#: Prepositions of place and time that end an agent noun phrase ("arrested by police in Y").
_SETTING_PREPS = {"in", "at", "on", "near", "outside", "inside", "across", "during", "after", "before", "since",
                  "throughout", "around"}
_RELATIVE = {"who", "whom", "which", "that"}
_LABEL_VERBS = {"call", "declare", "describe", "label", "brand", "dub", "term"}
_FIRST_PERSON = {"we", "i"}
_AUX = {"have", "has", "had", "do", "does", "did", "also", "not", "n't", "never", "always", "all", "both"}
_RECIPROCAL_WORDS = (("each", "other"), ("one", "another"))
_MODIFIER_TAGS = ("JJ", "NN", "CD", "RB", "VBN", "VBG", "HYPH", "``", "''", '"', "POS")


def _double(word: str) -> bool:
    """One-syllable consonant-vowel-consonant verbs double their last letter (slam -> slammed)."""
    groups = re.findall(r"[aeiou]+", word)
    return (len(groups) == 1 and len(word) >= 3 and word[-1] not in _VOWELS | set("wxy")
            and word[-2] in _VOWELS and word[-3] not in _VOWELS)


def _verb_forms(lemma: str) -> set[str]:
    forms = {lemma}
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        forms.add(lemma + "es")
    elif re.search(r"[^aeiou]y$", lemma):
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms |= {lemma + "d", (lemma[:-1] if not lemma.endswith("ee") else lemma) + "ing"}
    elif re.search(r"[^aeiou]y$", lemma):
        forms |= {lemma[:-1] + "ied", lemma + "ing"}
    elif _double(lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
    return forms


def _noun_forms(lemma: str) -> set[str]:
    if lemma.endswith("s"):
        return {lemma}
    if re.search(r"(x|z|ch|sh)$", lemma):
        return {lemma, lemma + "es"}
    if re.search(r"[^aeiou]y$", lemma):
        return {lemma, lemma[:-1] + "ies"}
    return {lemma, lemma + "s"}


def _phrase_forms(pattern: str, pos: str) -> set[tuple[str, ...]]:
    words = tuple(normal(w) for w in pattern.split())
    if pos == "V":
        return {(f, *words[1:]) for f in _verb_forms(words[0])}
    if pos == "P":
        return {(f, *words[1:]) for f in _verb_forms(words[0])}
    if pos == "N":
        return {(*words[:-1], f) for f in _noun_forms(words[-1])}
    return {words}


@cache
def _lexicon() -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    """First token form -> [(remaining tokens, entry)], longest pattern first. Loaded once."""
    if not CUES_FILE.exists():
        raise DataError(f"stance cue lexicon missing: {CUES_FILE} (restore it from the repository)")
    index: dict[str, list[tuple[tuple[str, ...], _Entry]]] = defaultdict(list)
    with CUES_FILE.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            try:
                entry = _Entry(row["lemma_or_pattern"].strip(), row["pos"].strip(), row["cameo_code"].strip(),
                               row["category"].strip(), float(row["goldstein"]), row["direction_note"].strip())
            except (KeyError, TypeError, ValueError) as exc:
                raise DataError(f"{CUES_FILE}, line {n}: malformed row ({exc})") from exc
            if entry.pos not in {"V", "N", "A", "P"} or not -10.0 <= entry.weight <= 10.0:
                raise DataError(f"{CUES_FILE}, line {n}: pos must be V/N/A/P and goldstein in [-10, 10]")
            forms = _phrase_forms(entry.lemma, entry.pos)
            forms |= {tuple(normal(w) for w in f.split()) for f in (row.get("forms") or "").split("|") if f.strip()}
            for form in forms:
                index[form[0]].append((form[1:], entry))
    for options in index.values():
        options.sort(key=lambda o: -len(o[0]))
    return dict(index)


@cache
def _roles() -> frozenset[str]:
    """Role nouns ("president", "leader") from the actors' title list, plus a few generic ones."""
    path = LEXICON_DIR / "titles.csv"
    words = {"leader", "president", "minister", "senator", "candidate", "nominee", "company", "government"}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            words |= {r["title"].split()[-1].strip(".").lower() for r in csv.DictReader(fh) if r.get("title")}
    return frozenset(words)


@cache
def _vader() -> dict[str, float]:
    """VADER's word valences in [-4, 4] (Hutto & Gilbert, ICWSM 2014), shipped with vaderSentiment."""
    try:
        import vaderSentiment
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise DataError("vaderSentiment is not installed; pip install vaderSentiment") from exc
    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split("\t")
            if len(parts) >= 2 and " " not in parts[0]:
                out[parts[0]] = float(parts[1])
    return out


def _pos_ok(entry: _Entry, tag: str, word: str) -> bool:
    if tag.startswith("NNP"):
        return False
    if entry.pos in {"V", "P"}:  # Pattern tags some past forms JJ and some 3rd-person forms NNS
        return tag.startswith("VB") or (word != entry.lemma and word.endswith(("ed", "s")) and tag in {"JJ", "NNS"})
    if entry.pos == "N":
        return tag.startswith(("NN", "JJ", "VBG"))
    return tag.startswith(("JJ", "NN", "VBN"))


def _find_cues(words: list[str], tokens: list[Token], blocked: list[bool]) -> list[_Match]:
    """Greedy longest-match cue look-up; a token's tag chooses between a word's verb and noun entries."""
    lex = _lexicon()
    out: list[_Match] = []
    i, n = 0, len(words)
    while i < n:
        options = lex.get(words[i])
        best: _Match | None = None
        if options and not blocked[i]:
            for rest, entry in options:
                j = i + 1 + len(rest)
                if j > n or tuple(words[i + 1 : j]) != rest or any(blocked[i:j]):
                    continue
                if best is not None and j - i < best.j - best.i:
                    break
                if rest or _pos_ok(entry, tokens[i].tag, words[i]):
                    cand = _Match(i, j, entry)
                    if best is None or _prefer(cand, best, tokens[i].tag):
                        best = cand
        if best is not None:
            out.append(best)
            i = best.j
        else:
            i += 1
    return out


def _prefer(cand: _Match, best: _Match, tag: str) -> bool:
    if cand.j - cand.i != best.j - best.i:
        return cand.j - cand.i > best.j - best.i
    want = "V" if tag.startswith("VB") else "N" if tag.startswith("NN") else "A"
    return cand.entry.pos == want and best.entry.pos != want


# --------------------------------------------------------------------------- sentence analysis


class _Event(NamedTuple):
    source: int  # entity index
    target: int
    cue: Cue


class _Sentence:
    """Tags, entity token ranges and cues of one sentence, shared by all its actor pairs."""

    def __init__(self, text: str, tokens: list[Token], spans: Sequence[tuple[int, int]]):
        self.text = text
        self.tokens = tokens
        self.words = [normal(t.text) for t in tokens]
        self.tags = [t.tag for t in tokens]
        self.ents: list[tuple[int, int]] = []  # token ranges, (-1, -1) if the span covers no token
        self.owner = [-1] * len(tokens)
        for k, (s, e) in enumerate(spans):
            idx = [n for n, t in enumerate(tokens) if t.start < e and t.end > s]
            if not idx:
                self.ents.append((-1, -1))
                continue
            self.ents.append((idx[0], idx[-1] + 1))
            for n in idx:
                if self.owner[n] < 0:
                    self.owner[n] = k
        blocked = [o >= 0 for o in self.owner]
        self.cues = _find_cues(self.words, tokens, blocked)
        self.notes = [m.entry.note for m in self.cues]

    # ---- entity helpers
    def _ent_starting(self, i: int, limit: int = 4, *, titles: bool = False) -> int:
        """Entity starting within ``limit`` tokens after ``i`` (skipping determiners, adjectives, titles)."""
        for k in range(i, min(i + limit, len(self.tokens))):
            o = self.owner[k]
            if o >= 0:
                return o
            t = self.tags[k]
            if titles and self.words[k] == "." and k > i and self.words[k - 1] in _TITLES:
                continue  # "said Sen. X", "says Dr. X"
            if not (t in {"DT", "PRP$", "``", '"', "NNP", "CD", "POS"} or t.startswith("JJ") or (titles and t == "NN")):
                return -1
        return -1

    def _np_entity(self, i: int, limit: int = 6) -> int:
        """Entity inside the noun phrase starting at ``i``: "by (a number of) British politicians"."""
        for k in range(i, min(i + limit, len(self.tokens))):
            o = self.owner[k]
            if o >= 0:
                return o
            t = self.tags[k]
            if t == "VBN" and k + 1 < len(self.tags) and self.tags[k + 1].startswith("NN"):
                continue  # a participle modifying the noun: "by armed FBI agents"
            if t.startswith(("VB", "MD", "WDT", "WP")) or self.words[k] in {",", ";", ":", ".", "and", "or"}:
                return -1
            if k > i and self.words[k] in _SETTING_PREPS:
                return -1  # "by police in [Y]": a place or time of the agent, not the agent
        return -1

    def np_list(self, i: int, limit: int = LIST_WINDOW) -> list[int]:
        """Entities among the conjuncts of a coordinated noun phrase starting at ``i`` whose first conjunct
        is no entity: "by former Senator Mary Landrieu, a Democrat, and Sheriff [Y]", "the endorsements of
        President Obama, Vice President Biden, Senator [Y] and other party leaders", "from Republicans,
        including Senator [Y]". A conjunct right before a verb is the subject of a new clause, not a
        conjunct ("..., by the police, [Y] said"): then only entities before the first separator count.
        Without any separator there is no list and nothing is returned."""
        found: list[int] = []
        first = 0  # entities before the first separator
        k, n = i, len(self.tokens)
        while k < min(n, i + limit):
            o = self.owner[k]
            w, t = self.words[k], self.tags[k]
            if o >= 0:
                if o not in found:
                    found.append(o)
                k = self.ents[o][1]
                continue
            if w in _LIST_JOINERS or tuple(self.words[k : k + 3]) == ("as", "well", "as"):
                first = first or len(found) or -1
                k += 3 if w == "as" else 1
                continue
            if w == "." and k > 0 and self.words[k - 1] in _TITLES:
                k += 1
                continue
            if w == "of" or t in {"DT", "PRP$", "CD", "POS", "HYPH"} or t.startswith(("JJ", "NN")) or (
                t == "VBN" and k + 1 < n and self.tags[k + 1].startswith("NN")
            ):
                k += 1
                continue
            break
        if not first:
            return []  # no list: "from Mr. [Y]" is read by the caller's own look-up
        if k < n and self.tags[k].startswith(("VB", "MD")):
            return found[: max(first, 0)]
        return found

    def _coordinated(self, k: int) -> list[int]:
        """Entity ``k`` and entities coordinated with it by 'and' / ',' ("X and Y", "X, Y and Z")."""
        group = [k]
        a, b = self.ents[k]
        i = a - 1
        while i >= 1 and self.words[i] in {"and", ",", "&"}:
            o = self.owner[i - 1]
            if o < 0 or o in group:
                break
            group.insert(0, o)
            i = self.ents[o][0] - 1
        j = b
        while j < len(self.tokens) - 1 and self.words[j] in {"and", "&"}:
            o = self.owner[j + 1]
            if o < 0 or o in group:
                break
            group.append(o)
            j = self.ents[o][1]
        return group

    def _is_pp_object(self, k: int) -> bool:
        a = self.ents[k][0]
        for i in range(a - 1, max(-1, a - 3), -1):
            if self.tags[i] == "IN" or self.words[i] in _PATIENT_PREPS:
                return self.words[i] not in {"that", "because", "while", "as", "if", "after", "before", "when"}
            if self.tags[i] not in {"DT", "JJ", "PRP$"}:
                return False
        return False

    def _in_setting(self, k: int) -> bool:
        """Entity ``k`` is the object of a place or time preposition ("the commander in [Y]"); not "at",
        which also names a workplace ("the director at [Y]")."""
        a = self.ents[k][0]
        for i in range(a - 1, max(-1, a - 3), -1):
            if self.words[i] in _SETTING_PREPS - {"at"}:
                return True
            if self.tags[i] not in {"DT", "JJ", "PRP$"}:
                return False
        return False

    def subject(self, i: int) -> list[int]:
        """Agents to the left of token ``i``: nearest entity not inside a prepositional phrase."""
        fallback = -1
        j = i - 1
        while j >= 0:
            if self.words[j] in _CLAUSE_STOP:
                break
            o = self.owner[j]
            if self.words[j] == "that" and self._speech_ends_near(j):
                break  # "X said (on Tuesday) that <non-entity> criticized Y": X reports, does not act
            if self.words[j] in {"who", "which"} and o < 0:
                ante = self.relative_antecedent(j)
                if ante >= 0:
                    return self._coordinated(ante)  # "drew fire from Y, which accused X": Y accuses
            if o >= 0:
                a = self.ents[o][0]
                if not self._is_pp_object(o):
                    return self._coordinated(o)
                if fallback < 0 and not self._in_setting(o):
                    fallback = o
                j = a - 1
                continue
            j -= 1
        return [fallback] if fallback >= 0 else []

    def relative_antecedent(self, j: int) -> int:
        """The entity a relative pronoun at ``j`` refers to: an entity right before it ("Y, which", "Y who"),
        or the subject of a copula whose predicate noun the clause modifies ("Y is one of four banks that
        X has sued", "Y was a group which attacked X")."""
        k = j - 1
        if k >= 0 and self.words[k] == ",":
            k -= 1
        if k < 0 or self.owner[k] >= 0:
            return self.owner[k] if k >= 0 else -1
        return self._copula_subject(k)

    def _copula_subject(self, k: int) -> int:
        """The entity subject of "<entity> is (one of) (the) <noun>" whose noun phrase ends at token ``k``."""
        stop = max(-1, k - COPULA_NP_WINDOW)
        while k > stop and self.owner[k] < 0 and (self.words[k] == "of" or self.tags[k] in {"DT", "CD", "PRP$", "POS"}
                                                   or self.tags[k].startswith(("JJ", "NN"))):
            k -= 1
        if k <= 0 or self.words[k] not in _COPULAS or self.tags[k] == "POS":
            return -1
        k -= 1
        while k >= 0 and self.owner[k] < 0 and (self.tags[k].startswith("RB") or self.words[k] in _AUX):
            k -= 1
        return self.owner[k] if k >= 0 and self.owner[k] >= 0 and self.ents[self.owner[k]][1] == k + 1 else -1

    def relative_object(self, m: _Match, agents: list[int]) -> list[int]:
        """The object gap of a relative clause: "Y, which X has derided as ...", "Y, whom X criticized"."""
        k = m.j
        while k < len(self.words) and self.tags[k].startswith("RB"):
            k += 1
        if k < len(self.words) and (self.tags[k].startswith(("DT", "NN", "PRP", "JJ", "CD")) or self.owner[k] >= 0):
            return []  # the verb has its own object
        start = min(self.ents[a][0] for a in agents)
        r = start - 1
        while r >= 0 and self.owner[r] < 0 and (self.tags[r] in {"DT", "NNP", "JJ", "NN"} or
                                                  self.words[r] in _TITLES or self.words[r] == "."):
            r -= 1
        if r < 0 or self.words[r] not in _RELATIVE - {"who"} or self.owner[r] >= 0:
            return []
        ante = self.relative_antecedent(r)
        return [ante] if ante >= 0 and ante not in agents else []

    def _speech_ends_near(self, j: int) -> bool:
        return any(note == "speech" and 0 <= j - c.j <= 3 for c, note in zip(self.cues, self.notes, strict=True))

    def obj(self, j: int, window: int = 12, *, quoted: bool = False, topic: bool = False) -> list[int]:
        """Patients to the right of token ``j``: first entity before a clause boundary.

        With ``quoted`` (the cue opens a quotation: “work together, very closely” with Y) the
        quotation is skipped up to its closing mark. With ``topic`` (reciprocal cues: "negotiate
        on Ukraine with the U.S.") entities in an on/about/over/for phrase are the topic, not the
        partner, and are skipped until a with/to/between phrase.
        """
        skipping = False
        n = len(self.tokens)
        begin = j
        if quoted:
            while begin < n and self.words[begin] not in {'"', "''"} and begin < j + window:
                begin += 1
            begin += 1
        for k in range(begin, min(n, begin + window)):
            o = self.owner[k]
            w, t = self.words[k], self.tags[k]
            if topic and w in {"on", "about", "over", "for"}:
                skipping = True
            elif topic and w in {"with", "to", "between"}:
                skipping = False
            if o >= 0:
                if skipping:
                    continue
                return self._coordinated(o)
            if w == "." and k > 0 and self.words[k - 1] in _TITLES:
                continue
            if w in _CLAUSE_STOP or w in {",", ".", "that", "who", "which", "but", "while", "because"}:
                return []
            if t in {"VBD", "VBZ", "VBP", "MD"} and w not in _BE:
                return []
            if (t == "IN" or t == "TO") and w not in _PATIENT_PREPS:
                return []
        return []

    def _opens_quote(self, k: int) -> bool:
        """Token ``k`` is an opening quotation mark: “, or a straight one after an even number of marks
        ("X, a former contestant on “The Apprentice,” accused Y": the ” before the verb closes)."""
        if self.words[k] not in {'"', "``"}:
            return False
        if self.tokens[k].text in {"“", "``"}:
            return True
        if self.tokens[k].text == "”":
            return False
        return sum(w in {'"', "``", "''"} for w in self.words[:k]) % 2 == 0

    def of_phrase(self, j: int) -> list[int]:
        """'critic of Y', 'supporter of Y'."""
        if j < len(self.words) and self.words[j] == "of":
            o = self._ent_starting(j + 1)
            if o >= 0:
                return self._coordinated(o)
        return []

    def prep_agent(self, j: int, preps: frozenset[str] | set[str] = _AGENT_PREPS) -> list[int]:
        """'criticism from Y', 'invasion by Y' right after a noun."""
        k = j
        while k < len(self.words) and (self.words[k] in {'"', "''"} or self.tags[k].startswith("RB")):
            k += 1
        if k < len(self.words) and self.words[k] in preps and self.owner[k] < 0:
            o = self._ent_starting(k + 1)
            return self._coordinated(o) if o >= 0 else self.np_list(k + 1)
        return []

    def by_phrase(self, j: int, window: int = 40) -> list[int]:
        """Agent of a passive or nominalisation: the entity after 'by' to the right of token ``j``."""
        for k in range(j, min(len(self.tokens), j + window)):
            if self.words[k] == "by" and self.owner[k] < 0:
                o = self._np_entity(k + 1)
                if o >= 0:
                    return self._coordinated(o)
                found = self.np_list(k + 1)
                if found:
                    return found
            if self.words[k] in _CLAUSE_STOP:
                break
        return []

    def possessor(self, i: int) -> list[int]:
        """Possessor of the noun at ``i``: "Russia's (full-scale) invasion", "his invitation"."""
        k = i - 1
        steps = 0
        while k >= 0 and steps < 4:
            o = self.owner[k]
            if o >= 0:
                if self.ents[o][1] == k + 1 and (
                    self.words[k] in _POSSESSIVE or self.tags[k] == "PRP$" or (k + 1 < i and self.words[k + 1] in
                                                                              _POSSESSIVE)
                ):
                    return self._coordinated(o)
                if self.tags[self.ents[o][0]] == "PRP$":
                    return [o]
                return []
            if self.words[k] in _POSSESSIVE or self.tags[k].startswith(_MODIFIER_TAGS):
                k -= 1
                steps += 1
                continue
            return []
        return []

    def main_subject_after(self, i: int) -> list[int]:
        """For a clause-initial participle ("Declaring Y a thug, X said"): the first entity after the comma."""
        for k in range(i, len(self.tokens)):
            if self.words[k] == "," and self.owner[k] < 0:
                for m in range(k + 1, min(len(self.tokens), k + 4)):
                    o = self.owner[m]
                    if o >= 0:
                        return self._coordinated(o)
                    if self.words[m] not in {"”", '"', "''", "the", "a", "an", ","}:
                        break
        return []

    def clause_initial(self, i: int) -> bool:
        if i == 0:
            return True
        prev = self.words[i - 1]
        return prev in {",", "after", "before", "while", "by", "in", "when", "since", "upon", "to", "“", '"'} and all(
            self.owner[k] < 0 for k in range(0, i)
        )

    # ---- cue modifiers
    def modality(self, m: _Match) -> tuple[bool, str]:
        """(negated, modality) of a cue; a reversal ("talks stopped") is not a negation here."""
        negated = False
        modal = False
        for k in range(m.i - 1, max(-1, m.i - 5), -1):
            w = self.words[k]
            if w in {",", ";", ":"} or self.owner[k] >= 0:
                break
            if w in _NEGATORS or w in _NEG_VERBS:
                negated = True
            if (w in _MODALS and self.tags[k] == "MD") or w in {"'ll", "wo", "ca"}:
                modal = True
        conditional = any(w in _CONDITIONAL for w in self.words[: m.i])
        if negated:
            return True, "negated"
        if conditional:
            return False, "conditional"
        return False, "modal" if modal else "asserted"

    def _reversed(self, m: _Match) -> bool:
        """A cooperative cue stopped or suspended ("suspended talks", "correspondence ... stopped")."""
        if m.entry.weight <= 0:
            return False
        for c, note in zip(self.cues, self.notes, strict=True):
            if note != "reversal":
                continue
            if 0 < m.i - c.j + 1 <= 3 or (m.entry.pos == "N" and 0 <= c.i - m.j <= 8 and not any(
                w in {",", ";", "."} for w in self.words[m.j : c.i]
            )):
                return True
        return False

    def intent_before(self, m: _Match) -> bool:
        """An intent or threat verb governs the cue: "wants to “work together”", "threatened to impose"."""
        for k in range(m.i - 1, max(-1, m.i - 5), -1):
            if self.owner[k] >= 0 or self.words[k] in {",", ";"}:
                return False
            if self.words[k] == "to":
                for c, note in zip(self.cues, self.notes, strict=True):
                    if c.j <= k and k - c.j <= 1 and (note == "intent" or c.entry.category == "threaten"):
                        return True
        return False

    def speech_before(self, m: _Match) -> _Match | None:
        best = None
        for c, note in zip(self.cues, self.notes, strict=True):
            if note == "speech" and c.j <= m.i:
                best = c
        if best is None:
            for c, note in zip(self.cues, self.notes, strict=True):
                if note == "speech" and c.i >= m.j:
                    return c
        return best

    # ---- roles
    def agents(self, m: _Match) -> list[int]:
        e = m.entry
        tag = self.tags[m.i]
        if e.pos == "N" or (e.pos == "A" and e.note != "evaluative"):
            if e.note == "agentive":
                modifier = self.compound_modifier(m.i)
                return self.subject(self.ents[modifier[0]][0] if modifier else m.i)
            return self.possessor(m.i) or self.prep_agent(m.j) or self.subject(m.i) or self.by_phrase(m.j)
        if self.prenominal(m):
            return []
        if self.passive(m):
            return self.by_phrase(m.j, window=8)
        if e.note == "speech" and m.i > 0 and self.words[m.i - 1] in {",", '"', "''", "”"}:
            inverted = self._inverted_subject(m)
            if inverted:
                return inverted
        if tag == "VBG" and self.clause_initial(m.i):
            return self.main_subject_after(m.j)
        if tag == "VBG" and m.i > 0 and self.words[m.i - 1] == ",":
            found = self.participle_subject(m.i - 1)
            if found:
                return found
        if e.note != "speech" and self.first_person_subject(m.i):
            return self.speaker()
        if tag.startswith("VB"):
            shared = self.conjunct_subject(m.i)
            if shared:
                return shared
        return self.subject(m.i) or self.by_phrase(m.j) or self._inverted_subject(m)

    def conjunct_subject(self, i: int) -> list[int]:
        """The subject of a verb phrase coordinated with an earlier one, which it shares: "X rips Y's record
        and slams him", "X praised Y but soon was criticizing her" (the nearest entity, Y, is an object)."""
        k = i - 1
        aux = False
        while k >= 0 and self.owner[k] < 0 and (self.tags[k].startswith(("RB", "MD")) or self.words[k] in _AUX
                                                 or self.words[k] in _BE):
            aux = aux or self.words[k] in _BE
            k -= 1
        if self.tags[i] in {"VBG", "VB"} and not aux:
            return []  # "of backing X and helping them": a gerund conjunct is no clause of its own
        if k < 1 or self.words[k] not in _VP_JOINERS or self.owner[k] >= 0:
            return []
        for j in range(k - 1, max(-1, k - CONJUNCT_WINDOW), -1):
            w, t = self.words[j], self.tags[j]
            if w in _CLAUSE_STOP or w in _RELATIVE or w in _VP_JOINERS:
                return []
            if t in {"VBD", "VBZ", "VBP"} and w not in _BE and self.owner[j] < 0:
                return self.subject(j)
        return []

    def participle_subject(self, comma: int) -> list[int]:
        """Subject of a trailing participle, the subject of the clause before the comma:
        "X blasted Y, calling him a liar" (X calls, not Y)."""
        for k in range(comma - 1, -1, -1):
            w, t = self.words[k], self.tags[k]
            if w in _CLAUSE_STOP or w == ",":
                return []
            if t in {"VBD", "VBZ", "VBP"} and w not in _BE and self.owner[k] < 0:
                return self.subject(k)
        return []

    def first_person_subject(self, i: int) -> bool:
        """The verb at ``i`` has 'we' or 'I' as its subject ("we applaud Google", "I have long admired X")."""
        k = i - 1
        while k >= 0 and (self.tags[k].startswith(("RB", "MD")) or self.words[k] in _AUX):
            k -= 1
        return k >= 0 and self.words[k] in _FIRST_PERSON and self.owner[k] < 0

    def speaker(self) -> list[int]:
        """The entity a first-person pronoun of the sentence refers to: the agent of its speech verb
        ("We applaud Google ..., said [Noah Horowitz]")."""
        for c, note in zip(self.cues, self.notes, strict=True):
            if note == "speech" and not self.first_person_subject(c.i):
                found = self.agents(c)
                if found:
                    return found
        return []

    def _inverted_subject(self, m: _Match) -> list[int]:
        """'..., said X' / 'says X': a speech verb followed by its subject."""
        if m.entry.note != "speech" or m.entry.lemma in _LISTENER_VERBS:  # "..., told Reuters": the listener
            return []
        o = self._ent_starting(m.j, limit=6, titles=True)
        if o < 0:
            o = self.affiliation(m.j)
        return [o] if o >= 0 else []

    def affiliation(self, i: int) -> int:
        """The organisation of a speaker named right after a speech verb at ``i`` that is no entity itself:
        "said Kathryn Klaber, president of [Y]", "says Lou Dobbs, the radio host, and anchor of [Y]",
        "said Bruno Tedeschi, a spokesman for [Y]": the speaker speaks for Y."""
        k, n = i, len(self.tokens)
        while k < n and self.owner[k] < 0 and (self.tags[k].startswith("NNP") or self.words[k] in _TITLES
                                               or (self.words[k] == "." and k > i and self.words[k - 1] in _TITLES)):
            k += 1
        if k == i or k >= n or self.words[k] != ",":
            return -1
        for j in range(k + 1, min(n, k + AFFILIATION_WINDOW)):
            w, t = self.words[j], self.tags[j]
            if self.owner[j] >= 0:
                return -1
            if w in _AFFILIATION_PREPS:
                return self._ent_starting(j + 1, titles=True)
            if not (w in {",", "and", "&"} or t in {"DT", "CD", "POS", "HYPH"} or t.startswith(("JJ", "NN"))):
                return -1
        return -1

    def compound_modifier(self, i: int) -> list[int]:
        """The entity modifying an agentive noun: "a vocal Trump critic", "Clinton supporters"."""
        k = i - 1
        while k >= 0 and self.owner[k] < 0 and k >= i - 2 and self.tags[k].startswith(("JJ", "NN")):
            k -= 1
        if k >= 0 and self.owner[k] >= 0 and self.ents[self.owner[k]][1] == k + 1:
            return [self.owner[k]]
        return []

    def prenominal(self, m: _Match) -> bool:
        """A one-word verb cue used as a participle before a common noun: "racially charged rumors", "the
        ousted director", "a respected businessman". It describes the noun; it is no act of the subject."""
        if m.entry.pos != "V" or m.j - m.i != 1 or m.j >= len(self.words) or m.i == 0:
            return False
        if not (self.tags[m.i] in {"VBN", "JJ"} or (self.tags[m.i] == "VBD" and self.words[m.i].endswith("ed"))):
            return False
        before = self.words[m.i - 1]
        return (self.tags[m.j] in {"NN", "NNS"} and self.owner[m.j] < 0 and before not in _BE | _AUX
                and (self.tags[m.i - 1] in {"DT", "PRP$", "RB", "JJ", "POS"} or before in _POSSESSIVE))

    def passive(self, m: _Match) -> bool:
        """A verb cue in the passive: "was criticized (by X)", "criticized by X" (Pattern tags some VBN as VBD)."""
        if m.entry.pos not in {"V", "P"} or not (self.tags[m.i] == "VBN" or self.words[m.i].endswith("ed")):
            return False
        be = any(self.words[k] in _BE and self.tags[k] != "POS"  # "X's office condemned Y" is active
                 for k in range(max(0, m.i - 3), m.i)) and self.words[m.i - 1] not in {"'s"}
        k = m.j
        while k < len(self.words) and self.tags[k].startswith("RB"):
            k += 1
        return be or (k < len(self.words) and self.words[k] == "by")

    def patients(self, m: _Match, agents: list[int]) -> list[int]:
        e = m.entry
        if self.passive(m):
            return [k for k in self.subject(m.i) if k not in agents]
        if e.note == "agentive":
            return self.possessor(m.i) or self.compound_modifier(m.i) or self.of_phrase(m.j)
        quoted = m.i > 0 and self._opens_quote(m.i - 1)
        found = [k for k in self.obj(m.j, quoted=quoted, topic=e.note == "reciprocal") if k not in agents]
        if not found and e.pos == "N" and agents and agents == self.prep_agent(m.j):
            found = [k for k in self.subject(m.i) if k not in agents]  # X faced criticism from Y
        if not found and agents and RELATIVE_OBJECT:
            found = self.relative_object(m, agents)
        return found or self.pronoun_object(m, agents)

    def _definite_role(self, k: int) -> bool:
        """'the (unpopular leftist) leader': a definite description of a role (``titles.csv``)."""
        if self.words[k] != "the":
            return False
        roles = _roles()
        for j in range(k + 1, min(k + 5, len(self.words))):
            if self.words[j] in roles:
                return True
            if not self.tags[j].startswith(("JJ", "NN", "VBN")) or self.owner[j] >= 0:
                return False
        return False

    def pronoun_object(self, m: _Match, agents: list[int]) -> list[int]:
        """'GM rebuffed his approaches', 'Obama castigated him': the nearest earlier entity that is not the agent."""
        k = m.j
        while k < len(self.words) and self.tags[k].startswith("RB"):
            k += 1
        if k >= len(self.words) or not agents:
            return []
        if self.words[k] not in _OBJECT_PRONOUNS and not self._definite_role(k):
            return []
        for j in range(min(self.ents[a][0] for a in agents) - 1, -1, -1):
            o = self.owner[j]
            if o >= 0 and o not in agents:
                return [o]
        for j in range(m.i - 1, -1, -1):
            o = self.owner[j]
            if o >= 0 and o not in agents:
                return [o]
        return []

    def between_pair(self, m: _Match) -> list[int]:
        """'talks between X and Y', 'war between X and Y'."""
        if m.j < len(self.words) and self.words[m.j] in {"between", "among"}:
            o = self._ent_starting(m.j + 1)
            if o >= 0:
                return self._coordinated(o)
        return []

    def reciprocal_marked(self, m: _Match) -> bool:
        if any(c.entry.note == "reciprocal-marker" and 0 <= m.i - c.j <= 2 for c in self.cues):
            return True
        after = tuple(self.words[m.j : m.j + 3])
        return any(after[: len(p)] == p or after[1 : 1 + len(p)] == p for p in _RECIPROCAL_WORDS)

    def evaluative(self, m: _Match) -> list[tuple[int, int]]:
        """(speaker, described entity) pairs for an evaluative word."""
        sp = self.speech_before(m)
        if sp is None:
            return []
        speakers = self.agents(sp)
        if not speakers:
            return []
        targets: list[int] = []
        if sp.entry.lemma in _LABEL_VERBS and sp.j <= m.i:
            targets = [k for k in self.obj(sp.j) if self.ents[k][0] < m.i]
        if not targets:
            left = [k for k in self.subject(m.i) if k not in speakers]
            targets = left or [k for k in self.obj(m.j, window=6) if k not in speakers]
        return [(s, t) for s in speakers for t in targets if s != t]

    def alleged(self, m: _Match) -> bool:
        """The content of an accusation, "accused [X] of assaulting them", "blamed Y for attacking Z":
        the accusation is the stance, the alleged act is not asserted."""
        if self.tags[m.i] != "VBG" or m.i == 0 or self.words[m.i - 1] not in {"of", "for"}:
            return False
        return any(c.j <= m.i and c.entry.cameo[:2] == "11" and m.i - c.j <= 12 for c in self.cues)

    def _speaker_phrase(self, a: int, b: int) -> bool:
        """Whether entity ``b`` is part of speaker ``a``'s own noun phrase or apposition, not its topic:
        "[Mississippi] Attorney General [Jim Hood]", "[White House] spokesman Scott Stanzel",
        "Bruno [Tedeschi], a spokesman for [the alliance]" (no verb or quotation mark between them)."""
        (a0, a1), (b0, b1) = self.ents[a], self.ents[b]
        lo, hi = (b1, a0) if b1 <= a0 else (a1, b0)
        if hi - lo > SPEAKER_PHRASE_GAP or hi < lo:
            return False
        return not any(self.tags[k].startswith(("VB", "MD")) or self.words[k] in _QUOTE_WORDS
                       or self.words[k] in _CLAUSE_STOP for k in range(lo, hi))

    def reported(self) -> list[tuple[int, int, Cue]]:
        """The speaker's evaluative words about another entity in reported speech (VADER valences).

        For each speech verb with a speaker, the valences (Hutto & Gilbert 2014) of the
        non-negated words of what the speaker says (:meth:`_content`) are summed; at or beyond
        :data:`REPORTED_MIN` (times :data:`REPORTED_BEFORE_SCALE` when the content precedes the
        speaker) the speaker is read as praising (CAMEO 051, 3.4) or criticising (111, -2.0) every
        other entity of the content. The cue is the word with the largest valence of the sum's sign.
        """
        out: list[tuple[int, int, Cue]] = []
        speeches = [c for c, note in zip(self.cues, self.notes, strict=True) if note == "speech"]
        if not speeches:
            return out
        vals = self._valences()
        for sp in speeches:
            agents = self.agents(sp)
            if not agents:
                continue
            lo, hi = self._content(sp, agents)
            inside = [x for x in vals if lo <= x[1] < hi]
            total = sum(v for v, _ in inside)
            scale = REPORTED_BEFORE_SCALE if hi < len(self.words) else 1.0
            if total > -REPORTED_HOSTILE_MIN * scale and total < REPORTED_MIN * scale:
                continue
            sign = 1 if total > 0 else -1
            free = [x for x in inside if x[0] * sign > 0 and not any(c.i <= x[1] < c.j for c in self.cues)]
            if not free:
                continue  # the evaluation is a lexicon cue's, read with its own roles
            _, k = max(free, key=lambda x: abs(x[0]))
            tok = self.tokens[k]
            _, modality = self.modality(_Match(k, k + 1, _Entry(self.words[k], "A", "", "", 0.0, "evaluative")))
            code, category, weight = ("051", "praise", 3.4) if sign > 0 else ("111", "criticize", -2.0)
            cue = Cue(tok.text, tok.start, tok.end, self.words[k], code, category, weight, False, modality)
            listeners = set(self.obj(sp.j, window=3)) if sp.entry.lemma in _LISTENER_VERBS else set()
            for a in agents:
                for b in range(len(self.ents)):
                    b0 = self.ents[b][0]
                    if (b != a and b not in listeners and b0 >= 0 and lo <= b0 < hi
                            and not self._speaker_phrase(a, b)):
                        out.append((a, b, cue))
        return out

    def _content(self, sp: _Match, agents: list[int]) -> tuple[int, int]:
        """Token range of what a speaker says: after the speech verb ("X said (that) ..."), or, when
        the verb and speaker close the sentence ("..., X said." / "..., said X, a spokesman"), before them."""
        a0 = min([sp.i] + [self.ents[a][0] for a in agents])
        a1 = max([sp.j] + [self.ents[a][1] for a in agents])
        rest = [w for w in self.words[a1:] if w.isalnum()]
        if len(rest) >= REPORTED_CONTENT_MIN and a1 == sp.j:
            return a1, len(self.words)
        return 0, a0

    def events(self) -> list[_Event]:
        out = self._cue_events()
        have = {(e.source, e.target) for e in out}
        return out + [_Event(a, b, c) for a, b, c in self.reported() if (a, b) not in have]

    def receiving_subject(self, poss: list[int]) -> list[int]:
        """The clause subject that receives a possessor's act: "X refrained from responding to Y's attacks",
        "X drew Y's ire" (the possessive phrase is the object or in a prepositional phrase)."""
        a = self.ents[poss[0]][0]
        k = a - 1
        while k >= 0 and (self.tags[k] in {"DT", "PRP$"} or self.tags[k].startswith("JJ")) and self.owner[k] < 0:
            k -= 1
        if k >= 1 and self.words[k] in {"to", "with", "at"} and self.tags[k - 1].startswith("VB"):
            k -= 1  # "responding to Y's attacks"
        if k < 0 or not self.tags[k].startswith("VB") or self.words[k] in _BE or self.owner[k] >= 0:
            return []
        return [x for x in self.subject(k) if x not in poss]

    def noun_roles(self, m: _Match) -> tuple[list[int], list[int]]:
        """Agents and patients of a nominalisation ("Russia's invasion of Ukraine", "sanctions on Y")."""
        poss = self.possessor(m.i)
        if poss:
            found = [k for k in self.obj(m.j) if k not in poss]
            own_object = m.j < len(self.words) and self.words[m.j] in _PATIENT_PREPS - {"for", "with", "about"}
            if not found and not own_object and POSSESSOR_TARGET_SUBJECT:
                found = self.receiving_subject(poss)
            return poss, found
        prep = self.prep_agent(m.j)
        if prep:
            found = [k for k in self.obj(m.j) if k not in prep]
            return prep, found or [k for k in self.subject(m.i) if k not in prep]  # X faced criticism from Y
        left = self.subject(m.i)
        if left:
            a = self.ents[left[0]][0]
            b = self.ents[left[-1]][1]
            if (a > 0 and self.tags[a - 1].startswith("VB") and self.words[a - 1] not in _BE
                    and b < len(self.words) and self.words[b] in {"a", "an", "the", "with"}):
                # "wrote Putin an arrest order", "hit Russia with sanctions": the entity is the recipient
                return self.subject(a), left + [k for k in self.obj(m.j) if k not in left]
            return left, [k for k in self.obj(m.j) if k not in left]
        by = self.by_phrase(m.j)
        return by, [k for k in self.obj(m.j) if k not in by]

    def roles(self, m: _Match) -> tuple[list[int], list[int]]:
        """Agents and patients (entity indices) of a cue that is not evaluative."""
        e = m.entry
        if e.note == "recipient":  # "X drew fire from Y", "X won the endorsement of Y"
            agents = self.prep_agent(m.j, {"by", "from", "of"})
            return agents, [k for k in self.subject(m.i) if k not in agents]
        if e.pos == "N" and e.note != "agentive":
            return self.noun_roles(m)
        agents = self.agents(m)
        return agents, self.patients(m, agents)

    def facts(self) -> list[str]:
        """The rules' partial readings of a two-entity sentence (entity 0 ``P``, 1 ``Q``), for the model.

        ``R:<sign>:<agents>><patients>`` for each cue with a sign (``+``/``-``; ``-`` where the cue
        found no entity), ``R:<sign>:<agents>><patients>:<modality>`` likewise, ``P:<sign>:<agents>>
        <patients>:<position>`` with the cue before, between or after the two; ``S:<speaker>:<where
        the content is>:<whether the other entity is in it>:<valence bin>`` for each speech verb whose
        agent is P or Q; ``E:<sign>:<position>`` for an evaluative word (before, between or after the two).
        """
        names = {0: "P", 1: "Q"}
        out: list[str] = []
        vals = self._valences()
        (p0, _), (q0, _) = self.ents[0], self.ents[1]
        for m in self.cues:
            e = m.entry
            if e.note in {"intent", "reversal", "reciprocal-marker"}:
                continue
            if e.note == "speech":
                agents = [a for a in self.agents(m) if a in names]
                for a in agents:
                    lo, hi = self._content(m, agents)
                    b0 = self.ents[1 - a][0]
                    total = sum(v for v, k in vals if lo <= k < hi)
                    vbin = ("-2" if total <= -3 else "-1" if total <= -1 else "+2" if total >= 3
                            else "+1" if total >= 1 else "0")
                    where = "before" if hi < len(self.words) else "after"
                    out.append(f"S:{names[a]}:{where}:{'in' if b0 >= 0 and lo <= b0 < hi else 'out'}:{vbin}")
                continue
            if ALLEGED_SKIP and self.alleged(m):
                continue
            negated, modality = self.modality(m)
            weight = 0.0 if negated and e.weight < REFUSAL_MIN else -1.0 if negated else e.weight
            sign = "+" if weight > 0 else "-" if weight < 0 else "0"
            if e.note == "evaluative":
                pos = "before" if m.i < p0 else "between" if m.i < q0 else "after"
                out.append(f"E:{sign}:{pos}")
                continue
            agents, patients = self.roles(m)
            a = "".join(names[k] for k in sorted(set(agents)) if k in names) or "-"
            b = "".join(names[k] for k in sorted(set(patients)) if k in names) or "-"
            pos = "before" if m.i < p0 else "between" if m.i < q0 else "after"
            out += [f"R:{sign}:{a}>{b}", f"R:{sign}:{a}>{b}:{modality}", f"P:{sign}:{a}>{b}:{pos}"]
        return out

    def _valences(self) -> list[tuple[float, int]]:
        """(VADER valence, token index) of the non-negated, non-entity, non-proper words."""
        lex = _vader()
        vals: list[tuple[float, int]] = []
        for k, w in enumerate(self.words):
            v = lex.get(w)
            if v is None or self.owner[k] >= 0 or self.tags[k].startswith("NNP"):
                continue
            if any(x in _NEGATORS for x in self.words[max(0, k - 3) : k]):
                continue
            vals.append((v, k))
        return vals

    def _cue_events(self) -> list[_Event]:
        out: list[_Event] = []
        for m in self.cues:
            e = m.entry
            if e.note in {"speech", "intent", "reversal", "reciprocal-marker"}:
                continue
            if ALLEGED_SKIP and self.alleged(m):
                continue
            negated, modality = self.modality(m)
            cameo, category, weight = e.cameo, e.category, e.weight
            if self._reversed(m):  # "correspondence ... stopped", "suspended talks": CAMEO 16
                negated, modality = True, "negated"
                cameo, category, weight = _REDUCE_RELATIONS
            elif not negated and self.intent_before(m):
                cameo, category, weight = _INTENT_COOPERATE if weight > 0 else _INTENT_HOSTILE
            elif negated:
                cameo, category, weight = _REFUSAL if weight >= REFUSAL_MIN else ("", category, 0.0)
            t0, t1 = self.tokens[m.i], self.tokens[m.j - 1]
            cue = Cue(self.text[t0.start : t1.end], t0.start, t1.end, e.lemma, cameo, category, weight, negated,
                      modality)
            if e.note == "evaluative":
                pairs = self.evaluative(m)
            else:
                agents, patients = self.roles(m)
                pairs = [(a, p) for a in agents for p in patients if a != p]
                group = self.between_pair(m)
                if len(agents) > 1 and not patients and (
                    e.note == "reciprocal" or self.reciprocal_marked(m) or "together" in e.lemma
                ):
                    group = agents
                if group:
                    pairs += [(a, b) for a in group for b in group if a != b]
                if e.note == "reciprocal" or self.reciprocal_marked(m):
                    pairs += [(b, a) for a, b in pairs]
            seen = set()
            for a, b in pairs:
                if (a, b) not in seen:
                    seen.add((a, b))
                    out.append(_Event(a, b, cue))
        return out


# --------------------------------------------------------------------------- public API


def _aggregate(cues: Iterable[Cue]) -> StanceLabel:
    cues = tuple(sorted(set(cues), key=lambda c: (c.start, c.end, c.lemma)))
    counted = [c.weight for c in cues if c.modality in {"asserted", "negated"}] or [
        c.weight for c in cues if c.modality in {"modal", "conditional"}
    ]
    score = round(sum(counted) / len(counted), 4) if counted else 0.0
    return StanceLabel(_label(score), score, cues)


def _label(score: float) -> str:
    if score >= COOPERATIVE_MIN:
        return "cooperative"
    if score <= -HOSTILE_MIN:
        return "hostile"
    return "neutral"


def _check_span(text: str, span: tuple[int, int], name: str) -> tuple[int, int]:
    try:
        s, e = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError) as exc:
        raise StanceSpanError(f"{name} must be a (start, end) pair of offsets, got {span!r}") from exc
    if not 0 <= s < e <= len(text):
        raise StanceSpanError(f"{name} {span!r} is empty or outside the text (0..{len(text)}); spans are [start, end)")
    return s, e


def _rule_pair(
    text: str, p: tuple[int, int], q: tuple[int, int], region: tuple[int, int]
) -> tuple[StanceLabel, StanceLabel]:
    sent = _Sentence(text, tagged(text, region[0], region[1]), [p, q])
    fwd: list[Cue] = []
    back: list[Cue] = []
    for ev in sent.events():
        if (ev.source, ev.target) == (0, 1):
            fwd.append(ev.cue)
        elif (ev.source, ev.target) == (1, 0):
            back.append(ev.cue)
    return (_aggregate(fwd) if fwd else NEUTRAL), (_aggregate(back) if back else NEUTRAL)


def pair_facts(
    text: str, first: tuple[int, int], second: tuple[int, int], region: tuple[int, int] | None = None
) -> list[str]:
    """The rule method's partial readings of a pair, ``first`` before ``second`` (see ``_Sentence.facts``);
    features of :mod:`helpers.stance.model`. Tagging is cached, so this after :func:`_rule_pair` is cheap."""
    region = region or (0, len(text))
    return sorted(set(_Sentence(text, tagged(text, region[0], region[1]), [first, second]).facts()))


def stance_between(
    text: str,
    p: tuple[int, int],
    q: tuple[int, int],
    *,
    method: str = "default",
    sentence: tuple[int, int] | None = None,
) -> tuple[StanceLabel, StanceLabel]:
    """Stance of entity ``p`` toward ``q`` and of ``q`` toward ``p``.

    Args:
        text: The text that holds both entities (a sentence, or an article with ``sentence`` given).
        p: ``(start, end)`` offsets of the first entity's mention in ``text``.
        q: ``(start, end)`` offsets of the second entity's mention; must not overlap ``p``.
        method: ``"rules"`` (cue lexicon and shallow syntax), ``"model"`` (classifier trained on DSE,
            see :mod:`helpers.stance.model`) or ``"default"`` (the better of the two on DSE valid.tsv).
        sentence: ``(start, end)`` of the sentence to read; default the whole text.

    Returns:
        ``(p_to_q, q_to_p)``, each a :class:`StanceLabel` whose ``score`` is on the Goldstein
        (1992) scale [-10, 10] and whose ``cues`` carry offsets into ``text``.

    Raises:
        StanceSpanError: a span is empty, outside the text or the sentence, or the two overlap.
        MethodError: unknown ``method``.
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
    rules = _rule_pair(text, p, q, region)
    if method == "rules":
        return rules
    from helpers.stance import model as stance_model

    return stance_model.predict_pair(text, p, q, region, rules)


@cache
def default_method() -> str:
    """``"model"`` when the trained artifact is present (it is better on DSE valid.tsv), else ``"rules"``."""
    from helpers.stance import model as stance_model

    return "model" if stance_model.available() else "rules"


EVENT_COLUMNS = ["sentence_id", "source_id", "source", "target_id", "target", "cue", "category", "cameo",
                 "weight", "modality", "negated", "label", "start", "end"]
EDGE_COLUMNS = ["source_id", "source", "target_id", "target", "label", "score", "n", "evidence", "sentence_ids"]


def stance_events(text: str, sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Directed stance events between actors mentioned in the same sentence (rule method).

    Each sentence is tagged once; every cue found is attributed to an (agent, patient) pair of
    mentions as described in the module docstring. Pairs of mentions of the same actor are
    skipped, and only pairs within one sentence are read.

    Args:
        text: The article text all offsets point into.
        sentences: Columns ``sentence_id, start, end, text``.
        mentions: Columns ``actor_id, actor, sentence_id, start, end, text``.

    Returns:
        One row per directed event, columns :data:`EVENT_COLUMNS`: cue text with ``start``/``end``
        offsets into ``text``, CAMEO ``cameo`` code and ``category``, Goldstein ``weight`` in
        [-10, 10] (0 when negated), ``modality``, ``negated`` and the event's ``label``.
    """
    import pandas as pd

    for name, frame, cols in (("sentences", sentences, ["sentence_id", "start", "end"]),
                              ("mentions", mentions, ["actor_id", "actor", "sentence_id", "start", "end"])):
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise HelpersError(f"stance_events: {name} lacks column(s) {', '.join(missing)}")
    rows: list[dict] = []
    by_sentence: dict[object, list[tuple[int, int, object, object]]] = defaultdict(list)
    for aid, name, sid, a, b in zip(mentions["actor_id"].tolist(), mentions["actor"].tolist(),
                                    mentions["sentence_id"].tolist(), mentions["start"].tolist(),
                                    mentions["end"].tolist(), strict=True):
        by_sentence[sid].append((int(a), int(b), aid, name))
    for sid, s0, s1 in zip(sentences["sentence_id"].tolist(), sentences["start"].tolist(),
                           sentences["end"].tolist(), strict=True):
        group = by_sentence.get(sid)
        if not group or len({g[2] for g in group}) < 2:
            continue
        group.sort(key=lambda g: (g[0], g[1]))
        ids = [g[2] for g in group]
        names = [g[3] for g in group]
        sent = _Sentence(text, tagged(text, int(s0), int(s1)), [(g[0], g[1]) for g in group])
        seen = set()
        for ev in sent.events():
            if ids[ev.source] == ids[ev.target]:
                continue
            key = (ids[ev.source], ids[ev.target], ev.cue.start, ev.cue.end)
            if key in seen:
                continue
            seen.add(key)
            c = ev.cue
            rows.append({"sentence_id": sid, "source_id": ids[ev.source], "source": names[ev.source],
                         "target_id": ids[ev.target], "target": names[ev.target], "cue": c.text,
                         "category": c.category, "cameo": c.cameo, "weight": c.weight, "modality": c.modality,
                         "negated": c.negated, "label": _label(c.weight), "start": c.start, "end": c.end})
    return pd.DataFrame({c: [r[c] for r in rows] for c in EVENT_COLUMNS}, columns=EVENT_COLUMNS)


def stance_edges(events: pd.DataFrame) -> pd.DataFrame:
    """One row per directed actor pair, aggregated from :func:`stance_events`.

    ``score`` is the mean Goldstein weight (the ``weight`` column) of the pair's asserted and
    negated events (if none, of its modal and conditional ones), in [-10, 10]; ``label`` applies
    :data:`COOPERATIVE_MIN` / :data:`HOSTILE_MIN` to it; ``n`` counts all events; ``evidence``
    lists ``s<sentence_id>: <cue>`` (negated cues prefixed with ``not``); ``sentence_ids`` is a
    sorted, de-duplicated list.
    """
    import pandas as pd

    rows = []
    if len(events):
        groups: dict[tuple, list[tuple]] = {}  # dict grouping: pandas groupby + isin per pair cost milliseconds
        cols = ("source_id", "target_id", "source", "target", "modality", "weight", "sentence_id", "cue", "negated")
        for r in zip(*(events[c].tolist() for c in cols), strict=True):
            if not (pd.isna(r[0]) or pd.isna(r[1])):  # groupby drops missing keys
                groups.setdefault((r[0], r[1]), []).append(r)
        for sid, tid in sorted(groups):
            g = groups[(sid, tid)]
            asserted = [r[5] for r in g if r[4] in ("asserted", "negated")]
            counted = asserted or [r[5] for r in g if r[4] in ("modal", "conditional")]
            # the mean exactly as pandas takes it (NaN skipped, same summation order)
            score = round(float(pd.Series(counted, dtype="float64").mean()), 4) if counted else 0.0
            evidence = "; ".join(f"s{r[6]}: {'not ' if r[8] else ''}{normal(r[7])}" for r in g)
            rows.append({"source_id": sid, "source": g[0][2], "target_id": tid,
                         "target": g[0][3], "label": _label(score), "score": score, "n": len(g),
                         "evidence": evidence, "sentence_ids": sorted({r[6] for r in g})})
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)
