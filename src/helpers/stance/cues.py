"""The stance cue lexicon (``data/lexicons/stance_cues.csv``) and where its cues occur in a parsed sentence.

A cue is a word or phrase that names an event or an evaluation between actors, with its CAMEO code and
Goldstein (1992) weight (see ``data/lexicons/README.md``). Cues are found on the spaCy parse: a one-word
entry matches a token by lemma (or its own form) when the part of speech agrees (``V`` verb, ``N`` noun,
``A`` adjective); a phrase (``P``, or any entry of several words) matches tokens in order that are
connected in the dependency tree, so "hold Ross and Barr in contempt" matches "hold in contempt" and
"signed a deal" matches "sign deal". British spellings read as American ("criticised" is "criticize").
No token inside an entity is part of a cue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from helpers import config
from helpers.errors import DataError
from helpers.resources import read_rows
from helpers.text import words as W
from helpers.text.document import text_of

CUES_FILE = "stance_cues.csv"
ROLES_FILE = "stance_roles.csv"
POS = ("V", "N", "A", "P")
#: ``direction_note`` values: how a cue's source and target are found (see the lexicon README).
NOTES = ("agent->patient", "reciprocal", "joint", "agentive", "evaluative", "recipient", "undergoer",
         "speech", "intent", "reversal", "reciprocal-marker")  # fmt: skip
#: Notes of marker cues: weight 0, they only change how other cues are read.
MARKERS = frozenset({"speech", "intent", "reversal", "reciprocal-marker"})
#: Classes of ``stance_roles.csv``.
ROLE_CLASSES = ("light", "receive", "control", "person", "label", "message", "request", "implicative", "leave", "cease",
                "of_agent", "misfortune", "target_noun", "won_title", "victim_noun")
#: Most tokens a phrase may span ("held Barr and Ross, two Cabinet officers, in contempt").
PHRASE_SPAN = 25


@dataclass(frozen=True)
class Entry:
    """One row of the cue lexicon: its words, part of speech, CAMEO code and category, Goldstein weight, note."""

    lemma: str
    words: tuple[str, ...]
    pos: str
    cameo: str
    category: str
    weight: float
    note: str


@dataclass(frozen=True)
class Match:
    """A cue found in a sentence: its tokens (document indices, in order) and the lexicon entry.

    ``head`` is the token the roles are read from: the phrase's root in the dependency tree.
    """

    tokens: tuple[int, ...]
    head: Token
    entry: Entry

    @property
    def start(self) -> int:
        """Offset of the cue's first character in the article."""
        return self.head.doc[self.tokens[0]].idx

    @property
    def end(self) -> int:
        """Offset just past the cue's last character."""
        last = self.head.doc[self.tokens[-1]]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        """The cue as written (from its first to its last token)."""
        return text_of(self.head.doc)[self.start : self.end]


@dataclass(frozen=True)
class Lexicon:
    """Cue entries by their first word, longest first, and the word classes of ``stance_roles.csv``."""

    by_first: dict[str, tuple[Entry, ...]]
    roles: dict[str, frozenset[str]]
    #: Lemmas of the speech cues (say, tell, call ...).
    speech: frozenset[str] = frozenset()

    def words(self, role: str) -> frozenset[str]:
        """The words of one class of ``stance_roles.csv`` (see :data:`ROLE_CLASSES`)."""
        return self.roles.get(role, frozenset())

    def one_word(self, word: str, pos: str | None = None) -> tuple[Entry, ...]:
        """The one-word entries of ``word`` (lower case), of part of speech ``pos`` (V, N, A, P) if given."""
        return tuple(e for e in self.by_first.get(word, ()) if len(e.words) == 1 and pos in (None, e.pos))

    def hostile(self, *words: str, pos: str | None = None) -> bool:
        """Whether one of ``words`` is a one-word hostile cue ("suppress", "shoot")."""
        return any(e.weight < 0 for w in words for e in self.one_word(w, pos))

    def protest_noun(self, word: str) -> bool:
        """Whether ``word`` is a noun of the ``protest`` category ("protest", "demonstration")."""
        return any(e.category == "protest" for e in self.one_word(word, "N"))


def singular(word: str) -> str:
    """A plural noun's singular by suffix ("talks" -> "talk", "allies" -> "ally"); other words unchanged."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def american(word: str) -> str:
    """The American spelling of a British verb or noun form ("criticise" -> "criticize", "penalised")."""
    for brit, us in (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"),
                     ("yse", "yze"), ("ysed", "yzed"), ("our", "or")):  # fmt: skip
        if word.endswith(brit):
            return word[: -len(brit)] + us
    return word


@cache
def load_lexicon(directory: str | None = None) -> Lexicon:
    """The cue lexicon and the stance word classes from ``directory`` (default the lexicon folder), read once.

    Raises:
        DataError: a file or column is missing, or a row has an unknown ``pos`` or ``direction_note``,
            or a weight outside [-10, 10].
    """
    folder = Path(directory) if directory else config.LEXICON_DIR
    path = folder / CUES_FILE
    cols = ("lemma_or_pattern", "pos", "cameo_code", "category", "goldstein", "direction_note", "forms")
    index: dict[str, list[Entry]] = {}
    for line, row in enumerate(read_rows(path, cols), start=2):
        try:
            weight = float(row["goldstein"])
        except ValueError:
            raise DataError(f"{path}, line {line}: goldstein {row['goldstein']!r} is not a number") from None
        if row["pos"] not in POS or not -10.0 <= weight <= 10.0 or row["direction_note"] not in NOTES:
            raise DataError(f"{path}, line {line}: pos must be one of {'/'.join(POS)}, goldstein in [-10, 10] and "
                            f"direction_note one of {', '.join(NOTES)}")
        patterns = [row["lemma_or_pattern"]] + [f for f in row["forms"].split("|") if f.strip()]
        for pattern in dict.fromkeys(p.lower().strip() for p in patterns):
            words = tuple(pattern.split())
            entry = Entry(row["lemma_or_pattern"].lower(), words, row["pos"], row["cameo_code"], row["category"],
                          weight, row["direction_note"])
            index.setdefault(words[0], []).append(entry)
            if row["pos"] == "N" and len(words) == 1 and singular(words[0]) != words[0]:
                index.setdefault(singular(words[0]), []).append(entry)
    roles: dict[str, set[str]] = {}
    role_path = folder / ROLES_FILE
    for line, row in enumerate(read_rows(role_path, ("word", "class")), start=2):
        if row["class"] not in ROLE_CLASSES:
            raise DataError(f"{role_path}, line {line}: class {row['class']!r} is not one of {', '.join(ROLE_CLASSES)}")
        roles.setdefault(row["class"], set()).add(row["word"].lower())
    by_first = {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in index.items()}
    speech = frozenset(e.lemma for es in by_first.values() for e in es if e.note == "speech")
    return Lexicon(by_first, {k: frozenset(v) for k, v in roles.items()}, speech)


def keys(token: Token) -> tuple[str, ...]:
    """The forms a token is looked up by: lower-case text (an entry that lists the very form wins: "raped",
    which the small model lemmatises as "rap"), lemma, and their American spellings."""
    return _keys(token.lemma_.lower(), token.lower_)


@lru_cache(maxsize=1 << 16)
def _keys(lemma: str, lower: str) -> tuple[str, ...]:
    forms = (lower, lemma)
    return tuple(dict.fromkeys(forms + tuple(american(f) for f in forms)))


def _pos_agrees(entry: Entry, token: Token) -> bool:
    """Whether a one-word entry's part of speech agrees with the token's tag."""
    tag = token.tag_
    if entry.pos == "V":
        return token.pos_ == "VERB" or tag.startswith("VB")
    if entry.pos == "N":
        return token.pos_ in ("NOUN", "PROPN") or tag.startswith("NN")
    if entry.pos == "A":
        return token.pos_ == "ADJ" or tag in ("JJ", "VBN", "VBG")
    return True


def _connected(doc_tokens: list[Token], first: Token, words: tuple[str, ...],
               blocked: set[int]) -> tuple[int, ...] | None:  # fmt: skip
    """Tokens after ``first`` matching ``words`` in order, each linked by a dependency arc to one already matched."""
    chosen = [first]
    pos = first.i
    for w in words:
        if w in W.DETERMINERS:
            continue  # "win the endorsement", "take a swipe at": articles are not required to connect
        found = None
        for tok in doc_tokens:
            if tok.i <= pos or tok.i in blocked or tok.i - first.i > PHRASE_SPAN:
                continue
            if w in keys(tok) and (any(tok.head.i == c.i or c.head.i == tok.i for c in chosen)
                                   or _on_object(tok, chosen, blocked)):
                found = tok
                break
        if found is None:
            return None
        chosen.append(found)
        pos = found.i
    return tuple(t.i for t in chosen)


def _on_object(tok: Token, chosen: list[Token], blocked: set[int]) -> bool:
    """A preposition that aims (``AIM_PREPOSITIONS``) hung by the parser on the direct object of a matched verb,
    or on a conjunct of it ("used water cannons and tear gas against Y", "fired a live shot at Y"), when that
    object is no entity; not "agree a solution with Y", where the verb's own cue reads both ways."""
    if tok.lower_ not in W.AIM_PREPOSITIONS:
        return False
    obj = tok.head
    while obj.dep_ == "conj" and obj.head.i != obj.i:
        obj = obj.head
    return obj.dep_ == "dobj" and obj.i not in blocked and any(obj.head.i == c.i for c in chosen)


def _root(tokens: tuple[int, ...], sentence: Span) -> Token:
    """The matched token whose head lies outside the match (the first such, else the first token)."""
    doc = sentence.doc
    inside = set(tokens)
    for i in tokens:
        if doc[i].head.i not in inside or doc[i].head.i == i:
            return doc[i]
    return doc[tokens[0]]


def find_cues(sentence: Span, blocked: Iterable[int] = (), lexicon: Lexicon | None = None) -> list[Match]:
    """Every cue in ``sentence``, longest entry first, no two sharing a token, in text order.

    Args:
        sentence: a sentence (or any span) of the parsed document.
        blocked: document token indices no cue may use (the entities' tokens).
        lexicon: the cue lexicon (default :func:`load_lexicon`).
    """
    lex = lexicon or load_lexicon()
    blocked = set(blocked)
    tokens = list(sentence)
    taken: set[int] = set()
    found: list[Match] = []
    for tok in tokens:
        if tok.i in blocked or tok.i in taken or tok.is_punct:
            continue
        options = [e for k in keys(tok) for e in lex.by_first.get(k, ())]
        best: Match | None = None
        for entry in sorted(options, key=lambda e: -len(e.words)):
            if best is not None and len(entry.words) < len(best.tokens):
                break
            if len(entry.words) == 1:
                if not _pos_agrees(entry, tok):
                    continue
                ids: tuple[int, ...] | None = (tok.i,)
            else:
                ids = _connected(tokens, tok, entry.words[1:], blocked | taken)
            if ids is not None and best is None:
                best = Match(ids, _root(ids, sentence), entry)
        if best is not None:
            found.append(best)
            taken.update(best.tokens)
    return sorted(found, key=lambda m: m.tokens[0])
