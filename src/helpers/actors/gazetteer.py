"""The actor gazetteer: who can be named, by which surface forms, and who held which office when.

Reads three CSV files from a directory (default ``config.GAZETTEER_DIR``; see its README):

- ``actors.csv``: ``id,name,type,aliases,demonyms,metonyms,part_of,country,gender,ambiguous``
  (``|``-separated multi-values; ``type`` one of state, organisation, person, group);
- ``offices.csv``: ``office_id,name,country,aliases,gender_neutral``;
- ``office_holders.csv``: ``office_id,person_id,start,end`` (ISO dates; empty ``end`` = current).

Every surface form (name, alias, demonym, metonym, office name or alias) is compiled into one
trie-shaped regular expression, matched case-sensitively ("US" is the United States, "us" never
is), except that a leading "the" may be "The" ("The Kremlin") and, in office names, function and
title words may be either case ("U.S. President"/"U.S. president"). A space in a form matches any
run of whitespace. Loaded once per directory. Genders written ``m``/``f`` are read as male/female.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from helpers import config
from helpers.errors import DataError
from helpers.resources import read_rows

ACTOR_TYPES = ("state", "organisation", "person", "group")
ACTOR_COLUMNS = ("id", "name", "type", "aliases", "demonyms", "metonyms", "part_of", "country", "gender", "ambiguous")
OFFICE_COLUMNS = ("office_id", "name", "country", "aliases", "gender_neutral")
HOLDER_COLUMNS = ("office_id", "person_id", "start", "end")
#: Which surface kind wins when one string is several things (a name beats a metonym, and so on).
KIND_ORDER = ("name", "alias", "office", "metonym", "demonym")
#: Id prefix of the news agencies and outlets (``MEDIA_REUTERS``): they report and are told things, and are
#: almost never what a later pronoun stands for ("Boccaletti told Wikinews the twists they saw").
OUTLET_PREFIX = "MEDIA_"
_GENDERS = {"m": "male", "f": "female", "male": "male", "female": "female"}
_LOWER_OK = {"the", "of", "and", "for", "on", "in", "a", "an", "de", "la", "le", "du", "des", "al", "el", "von", "van"}


@dataclass(frozen=True)
class Actor:
    """One gazetteer row; multi-valued fields are tuples."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    part_of: str = ""
    country: str = ""
    gender: str = ""  #: "male", "female" or "" (the file may write m/f)
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True)
class Office:
    """A public office ("President of the United States") whose holder changes over time."""

    id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    gender_neutral: bool = True

    @property
    def actor_id(self) -> str:
        """The id used when the office itself is the actor (no date to pick a holder)."""
        return f"office:{self.id}"


class Holder(NamedTuple):
    """A term of office: ``start`` inclusive, ``end`` exclusive (``None`` = still in office)."""

    office_id: str
    person_id: str
    start: dt.date
    end: dt.date | None


class Surface(NamedTuple):
    """One way of writing an actor or office: its kind (name, alias, demonym, metonym, office)."""

    text: str
    kind: str
    target: str
    ambiguous: bool


@dataclass(frozen=True)
class Gazetteer:
    """Actors, offices and terms of office, with a compiled matcher over every surface form."""

    actors: dict[str, Actor]
    offices: dict[str, Office]
    holders: tuple[Holder, ...]
    surfaces: dict[str, tuple[Surface, ...]]
    pattern: re.Pattern[str]
    surnames: dict[str, tuple[str, ...]]

    def holder(self, office_id: str, date: dt.date | None) -> str | None:
        """The person id holding ``office_id`` on ``date`` (start inclusive, end exclusive), else None."""
        if date is None:
            return None
        for h in self.holders:
            if h.office_id == office_id and h.start <= date and (h.end is None or date < h.end):
                return h.person_id
        return None

    def successor(self, office_id: str, date: dt.date | None, within_days: int = 183) -> str | None:
        """The person id whose term in ``office_id`` starts after ``date``, at most ``within_days`` later
        (the president-elect of an article written between election and inauguration), else None."""
        if date is None:
            return None
        nxt = [h for h in self.holders if h.office_id == office_id and date < h.start
               and (h.start - date).days <= within_days]  # fmt: skip
        return min(nxt, key=lambda h: h.start).person_id if nxt else None

    def lookup(self, text: str) -> tuple[Surface, ...]:
        """Surfaces written exactly as ``text`` (whitespace runs count as one space)."""
        return self.surfaces.get(" ".join(text.split()), ())


def is_outlet(actor_id: str) -> bool:
    """Whether a gazetteer actor id is a news agency or outlet (:data:`OUTLET_PREFIX`)."""
    return actor_id.startswith(OUTLET_PREFIX)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _date(value: str, path: Path, line: int) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DataError(f"{path}, row {line}: {value!r} is not a date; write YYYY-MM-DD") from None


def _variants(form: str, title_words: frozenset[str], office: bool = False) -> set[str]:
    """The form; "The ..." for "the ..."; for offices also title and function words in the other case."""
    words = form.split()
    out = {" ".join(words)}
    if not office:
        if words[0] == "the":
            out.add(" ".join(["The", *words[1:]]))
        return out
    flexible = [i for i, w in enumerate(words) if w.lower() in _LOWER_OK or w.lower() in title_words]
    if flexible:
        low = [w.lower() if i in flexible else w for i, w in enumerate(words)]
        cap = [w[:1].upper() + w[1:] if i in flexible else w for i, w in enumerate(words)]
        out |= {" ".join(low), " ".join(cap)}
        if flexible[0] == 0:  # "the Kremlin" -> "The Kremlin" at a sentence start, title words kept as given
            first = [words[0][:1].upper() + words[0][1:], *words[1:]]
            out.add(" ".join(first))
    return out


def trie_regex(forms: set[str]) -> str:
    """A regular expression matching any of ``forms``, longest first, as a character trie.

    A space in a form matches any run of whitespace; the match must not touch a word character
    on either side.
    """
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return r"(?<!\w)" + build(trie) + r"(?!\w)" if trie else r"(?!x)x"


@cache
def _load(directory: str, title_words: frozenset[str]) -> Gazetteer:
    root = Path(directory)
    actors_path, offices_path, holders_path = root / "actors.csv", root / "offices.csv", root / "office_holders.csv"
    actors: dict[str, Actor] = {}
    for line, row in enumerate(read_rows(actors_path, ACTOR_COLUMNS), start=2):
        if not row["id"] or not row["name"]:
            raise DataError(f"{actors_path}, row {line}: id and name are required")
        if row["type"] not in ACTOR_TYPES:
            raise DataError(f"{actors_path}, row {line}: type {row['type']!r} is not one of {', '.join(ACTOR_TYPES)}")
        if row["id"] in actors:
            raise DataError(f"{actors_path}, row {line}: duplicate id {row['id']!r}")
        actors[row["id"]] = Actor(
            id=row["id"], name=row["name"], type=row["type"], aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]), metonyms=_split(row["metonyms"]), part_of=row["part_of"],
            country=row["country"], gender=_GENDERS.get(row["gender"].lower(), row["gender"].lower()),
            ambiguous=_split(row["ambiguous"]),
        )
    offices: dict[str, Office] = {}
    for line, row in enumerate(read_rows(offices_path, OFFICE_COLUMNS), start=2):
        if not row["office_id"] or not row["name"]:
            raise DataError(f"{offices_path}, row {line}: office_id and name are required")
        offices[row["office_id"]] = Office(
            id=row["office_id"], name=row["name"], country=row["country"], aliases=_split(row["aliases"]),
            gender_neutral=row["gender_neutral"].lower() not in ("false", "0", "no"),
        )
    holders = []
    for line, row in enumerate(read_rows(holders_path, HOLDER_COLUMNS), start=2):
        if row["office_id"] not in offices:
            raise DataError(f"{holders_path}, row {line}: unknown office_id {row['office_id']!r}")
        if row["person_id"] not in actors:
            raise DataError(f"{holders_path}, row {line}: person_id {row['person_id']!r} is not in actors.csv")
        end = _date(row["end"], holders_path, line) if row["end"] else None
        holders.append(Holder(row["office_id"], row["person_id"], _date(row["start"], holders_path, line), end))

    surfaces: dict[str, list[Surface]] = {}

    def add(form: str, kind: str, target: str, ambiguous: bool, office: bool = False) -> None:
        for variant in _variants(form, title_words, office):
            bucket = surfaces.setdefault(variant, [])
            if not any(s.kind == kind and s.target == target for s in bucket):
                bucket.append(Surface(variant, kind, target, ambiguous))

    surnames: dict[str, list[str]] = {}
    for a in actors.values():
        amb = set(a.ambiguous)
        add(a.name, "name", a.id, a.name in amb)
        for kind, forms in (("alias", a.aliases), ("demonym", a.demonyms), ("metonym", a.metonyms)):
            for form in forms:
                add(form, kind, a.id, form in amb)
        if a.type == "person" and len(a.name.split()) > 1:
            surnames.setdefault(a.name.split()[-1], []).append(a.id)
    for o in offices.values():
        for form in (o.name, *o.aliases):
            add(form, "office", o.id, False, office=True)
    ordered = {k: tuple(sorted(v, key=lambda s: KIND_ORDER.index(s.kind))) for k, v in surfaces.items()}
    pattern = re.compile(trie_regex(set(ordered)))
    return Gazetteer(actors, offices, tuple(holders), ordered, pattern, {k: tuple(v) for k, v in surnames.items()})


def load_gazetteer(directory: str | Path | None = None, *, title_words: frozenset[str] = frozenset()) -> Gazetteer:
    """Load (once per directory) the gazetteer in ``directory`` (default ``config.GAZETTEER_DIR``).

    Args:
        directory: folder holding ``actors.csv``, ``offices.csv`` and ``office_holders.csv``.
        title_words: lower-case title words ("president") that may be written in either case
            inside office names.

    Raises:
        DataError: a file is missing, lacks a column, or has a bad type, id, or date.
    """
    path = Path(directory) if directory is not None else config.GAZETTEER_DIR
    return _load(str(path.resolve()), title_words)
