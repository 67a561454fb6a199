"""Actors named by their tie to another: "his team", "Joe Biden's son", "the Trump legal team", "Navalny's associates".

A noun of ``data/lexicons/affiliates.csv`` that heads its phrase and has an owner is an actor of its own,
named for the owner ("Joe Biden's team"): what a team, a campaign or a son does is not what the owner
does, and readers of the news list them apart. The owner is a possessor ("his", "Joe Biden's") or a
name compounded before the noun ("the Trump campaign"), and must be a mention the actor stage already
resolved (pronouns included, so this step runs after pronoun linking).

The owner's own mention stays, so the affiliate's span holds it: "his team" is one mention of Joe
Biden's team and "his" inside it one of Joe Biden. Spans nest, as spaCy's span groups allow; a stance
frame gives each token to the first (shorter) mention, so "his" stays Biden's and "team" the team's.

A bare singular kin noun ("his wife") whose owner's same kin the article names once in apposition ("his
wife, Jonna") is that named person, not a new actor ("her third husband" and "her sons" are not).

Not an affiliate: a noun that names someone in apposition ("his son, Hunter Biden": the named person is
the actor), a noun inside a name ("Biden Family Foundation"), a noun whose owner is of a type the data
file does not list for it (a kin noun or a family of a state or a company: "the company's family") and a
noun that only modifies another ("team members").
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from helpers.actors.candidates import Candidate
from helpers.actors.lexicon import ActorLexicon, Affiliate
from helpers.text.article import id_slug
from helpers.text.document import Document, inner_hyphen


def affiliate_mentions(document: Document, mentions: list[Candidate], info: dict[str, tuple[str, str, str]],
                       lex: ActorLexicon) -> list[Candidate]:  # fmt: skip
    """New mentions of affiliates (see the module docstring); ``info`` gains their ``(name, type, gender)``.

    ``mentions`` are the resolved candidates (pronouns linked), ordered by ``start``.
    """
    doc = document.doc
    ordered = sorted((c for c in mentions if c.actor_id), key=lambda c: c.start)
    starts = [c.start for c in ordered]
    found_all = [(t, *f) for t in doc if (f := _affiliate_noun(doc, t, lex)) is not None]
    named = _named_kin(found_all, ordered, starts, info, lex)
    out: list[Candidate] = []
    for t, entry, first in found_all:
        owner_tok = _owner_token(t, first)
        if owner_tok is None or _named_beside(t, ordered, starts) is not None:
            continue
        owner = _covering(ordered, starts, owner_tok.idx)
        if owner is None or _covering(ordered, starts, t.idx, pronouns=False) is not None:
            continue
        person = named.get((owner.actor_id, entry.canonical)) if _bare_kin(t) else None
        if person is not None:  # "his wife, Jonna" earlier: "one with his wife" is Jonna Mendez
            start = min(owner.start, owner_tok.left_edge.idx)
            out.append(Candidate(start, t.idx + len(t.text), owner.sentence_id, "affiliate", entry.type, t.i,
                                 actor_id=person.actor_id, name=document.text[start : t.idx + len(t.text)],
                                 gender=entry.gender))  # fmt: skip
            continue
        name, type_, _ = info.get(owner.actor_id, ("", "", ""))
        if not name or type_ not in entry.owners:
            continue
        if owner_tok.dep_ != "poss" and type_ not in ("person", "organisation"):
            continue  # "a Korean-Canadian family": a nationality describes, it does not own
        start, end = min(owner.start, owner_tok.left_edge.idx), t.idx + len(t.text)
        actor_id = "new:" + id_slug(f"{name} {entry.canonical}")
        form = " ".join(w.lower_ for w in doc[first : t.i + 1])  # as written: "legal team", "associates"
        possessive = f"{name}'" if name.endswith("s") and type_ == "group" else f"{name}'s"  # "Americans' families"
        kind, gender = ("group", "") if entry.type == "person" and t.tag_ == "NNS" else (entry.type, entry.gender)
        info.setdefault(actor_id, (f"{possessive} {form}", kind, gender))  # "his two daughters": a group
        out.append(Candidate(start, end, owner.sentence_id, "affiliate", kind, t.i, actor_id=actor_id,
                             name=document.text[start:end], gender=gender))  # fmt: skip
    return out


def _affiliate_noun(doc, t: Token, lex: ActorLexicon) -> tuple[Affiliate, int] | None:
    """The affiliate entry of a noun heading its phrase, and the first token of its form ("legal team")."""
    if t.pos_ != "NOUN" or t.ent_type_ or (t.dep_ == "compound" and t.head.i > t.i):
        return None
    if inner_hyphen(doc, t.i + 1) or inner_hyphen(doc, t.i - 1):
        return None  # "son-in-law", "step-son", "co-worker": another tie than the noun's
    if t.i > 0 and f"{doc[t.i - 1].lower_} {t.lower_}" in lex.affiliates:
        return lex.affiliates[f"{doc[t.i - 1].lower_} {t.lower_}"], t.i - 1
    entry = lex.affiliates.get(t.lower_) or (lex.affiliates.get(t.lemma_.lower()) if t.tag_ == "NNS" else None)
    return (entry, t.i) if entry is not None else None


def _owner_token(t: Token, first: int) -> Token | None:
    """The possessor of a noun, else a capitalised word compounded before it ("the Trump campaign"; the
    parser may read the name as an adjective: "the Trump legal team")."""
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in t.children if c.dep_ in ("compound", "amod", "nmod") and c.i < first
                      and c.text[:1].isupper()), None)  # fmt: skip
    return owner


def _named_kin(found: list[tuple[Token, Affiliate, int]], ordered: list[Candidate], starts: list[int],
               info: dict[str, tuple[str, str, str]], lex: ActorLexicon) -> dict[tuple[str, str], Candidate]:
    """(owner actor id, kin noun) -> the named mention a bare person-type kin noun (:func:`_bare_kin`) stands in
    apposition to somewhere ("his wife, Jonna"), for an owner with exactly one such name. The tie also runs back
    ("Mohammed Waseem, brother of Qandeel Baloch"; "Susan Bro, Heather Heyer's mother"): the owner is the named
    person's kin by the noun's ``inverse`` nouns of the owner's gender ("his sister" is Qandeel Baloch, "her
    daughter" Heather Heyer)."""
    seen: dict[tuple[str, str], dict[str, Candidate]] = {}
    for t, entry, first in found:
        owner_tok = _owner_token(t, first)
        of_owner = owner_tok is None
        if of_owner:
            owner_tok = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ == "pobj"), None)  # fmt: skip
        if entry.type != "person" or owner_tok is None or not _bare_kin(t):
            continue
        person = _named_beside(t, ordered, starts)
        owner = _covering(ordered, starts, owner_tok.idx, pronouns=not of_owner) if person is not None else None
        if owner is None and of_owner and person is not None:  # "brother of social media personality and
            # feminist Qandeel Baloch": the name the parser joined to the describing noun
            owner = next((m for c in owner_tok.children if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN"
                          and (m := _covering(ordered, starts, c.idx, pronouns=False)) is not None), None)
        if owner is None or owner.actor_id == person.actor_id:
            continue
        seen.setdefault((owner.actor_id, entry.canonical), {})[person.actor_id] = person
        if owner.kind == "pronoun" or info.get(owner.actor_id, ("", "", ""))[1] != "person":
            continue  # the tie runs back only from a person named by name ("Heather Heyer's mother")
        gender = info.get(owner.actor_id, ("", "", ""))[2] or _pronoun_gender(ordered, owner.actor_id)
        for noun in entry.inverse:
            implied = lex.affiliates[noun].gender if noun in lex.affiliates else ""
            if gender == implied or (len(entry.inverse) == 1 and not (gender and implied)):
                seen.setdefault((person.actor_id, noun), {})[owner.actor_id] = owner
    return {k: next(iter(v.values())) for k, v in seen.items() if len(v) == 1}


def _pronoun_gender(ordered: list[Candidate], actor_id: str) -> str:
    """The gender of the he/she pronouns linked to an actor, when they agree ('' when none or both)."""
    genders = {c.gender for c in ordered if c.actor_id == actor_id and c.kind == "pronoun"} & {"male", "female"}
    return genders.pop() if len(genders) == 1 else ""


def _bare_kin(t: Token) -> bool:
    """A singular kin noun with no word saying which ("his wife"; not "her third husband", "her sons")."""
    return t.tag_ == "NN" and not any(c.dep_ in ("amod", "nummod", "compound") for c in t.children)


def _named_beside(t: Token, ordered: list[Candidate], starts: list[int]) -> Candidate | None:
    """The named mention the noun stands in apposition to ("his son, Hunter Biden", "Hunter, his son"), or None."""
    if t.dep_ == "appos":
        found = _covering(ordered, starts, t.head.idx, pronouns=False)
        if found is not None:
            return found
    found = next((m for c in t.children if c.dep_ == "appos"
                  and (m := _covering(ordered, starts, c.idx, pronouns=False)) is not None), None)  # fmt: skip
    if found is None and t.dep_ in ("nsubj", "nsubjpass"):  # "His daughter, and member of the INC, Sharmistha
        # Mukherjee wrote": an apposition the parser read as a second subject of the verb, after a comma
        found = next((m for c in t.head.children if c.dep_ == t.dep_ and c.i > t.i and c.pos_ == "PROPN"
                      and t.doc[c.left_edge.i - 1].text == ","
                      and (m := _covering(ordered, starts, c.idx, pronouns=False)) is not None), None)  # fmt: skip
    return found


def _covering(ordered: list[Candidate], starts: list[int], offset: int, *, pronouns: bool = True) -> Candidate | None:
    """The resolved mention whose span holds ``offset`` (the shortest), optionally not a pronoun."""
    best = None
    for c in ordered[: bisect_right(starts, offset)]:
        if c.start <= offset < c.end and (pronouns or c.kind != "pronoun") and c.role in ("actor", "modifier"):
            if best is None or c.end - c.start < best.end - best.start:
                best = c
    return best
