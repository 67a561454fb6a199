"""Step 3 of actor finding: whether a mention names an actor or only a place, read on the parse.

A state or city is an actor where it acts or is acted upon; where it only says where something
happened it is a place, and where it only describes a noun it is a modifier (GUIDELINES of the
hand-annotated articles: "a fire in Poland", "flights to Spain", "an Irish pub", "in French" are no
actor mentions; "Poland's government said", "Moscow said", "Russian officials" are). Roles:

- ``actor``: subject, object, agent ("by Russia"), possessor of another actor or of an act
  ("Russia's invasion"), a conjunct or apposition of one; "The British relinquished ..." (a
  nationality the parser read as an adjective before a finite verb); a state named before an act
  that acts ("killed by a United States military airstrike", ``act_noun`` cues);
- ``place``: object of a locative preposition (``text.words.LOCATIVE_PREPOSITIONS``: "in", "to",
  "from", ...), the dateline, a platform where something was said ("on Twitter"), a name given to a
  kind of place ("the town of Pandeglang", ``place_noun`` cues) or said to be what places are ("the
  towns damaged were Carrascal, Madrid"), the last part of an address ("in
  Nevada, United States" even where the parser makes it a subject); a place no list knows as a state
  is a place unless it is the subject of a verb of action or the agent of a passive ("developed by
  the Soviet Union"; not "Hong Kong has", ``text.words.STATIVE_VERBS``); an address's last part after a
  place ("the state of Goa, India, died": :func:`place_addresses`); a distance ("as far north as Canada");
  a journal where something was published ("findings published in Science Advances"); a body's
  metonym the article names as a place ("Seattle's Capitol Hill neighborhood" is no Congress);
- ``modifier``: a place or nationality that describes a noun that is no actor ("London protest",
  "Irish pub", "Hong Kong's rights"), says what a named person is ("Tony Evers, a Democrat"), or only
  labels a named person ("Democratic rival Joe Biden",
  "Republican President Trump"), or says what someone is ("I'm Australian"); a mention glued by a hyphen
  to the next word ("judge-led"); an organisation after "of" and a named person, a title or one member
  ("Joanna Cherry of the SNP", "chief of the agency", "a Member of Parliament": an affiliation); the
  pipeline makes it an actor after all when the stance stage finds it taking a side ("an
  Israeli-Cypriot-Greek effort": ``helpers.pipeline``);
- ``caption``: inside a picture caption or credit line ("Image: Jane Doe");
- ``label``: a transcript's speaker label ("((Sara Seager)) We wanted ...", "WALLACE: ..."), set by
  :func:`helpers.actors.mentions.find_mentions` from ``text.quotation.document_speaker_labels``: the
  quotes table makes the paragraph that speaker's turn.

People, organisations and groups are actors unless in a caption, used as a platform or named as an
affiliation; a conjunct takes the role of the first conjunct ("flights to Spain, Greece and France").
"""

from __future__ import annotations

from spacy.tokens import Token

from helpers.actors.candidates import Candidate, one_national, places_named
from helpers.actors.lexicon import ActorLexicon, title_key
from helpers.text.document import Document, inner_hyphen
from helpers.text.words import (
    DISTANCE_ADVERBS,
    LOCATIVE_PREPOSITIONS,
    MEDIUM_VERBS,
    MOTION_VERBS,
    OBJECT_DEPS,
    PARTY_PREPOSITIONS,
    PASSIVE_SUBJECT_DEPS,
    PLACE_PREPOSITIONS,
    STATIVE_VERBS,
    SUBJECT_DEPS,
    party_tagged,
)

ROLES = ("actor", "place", "modifier", "caption", "unnamed", "label")
#: Labels of mentions that may be places (the rest are people, organisations and groups).
PLACE_LABELS = frozenset({"state", "place"})


def caption_blocks(document: Document, lex: ActorLexicon) -> set[int]:
    """Ids of the sentences in a picture caption: a block holding a credit cue ("Image:", "Photo by")."""
    out = set()
    by_block: dict[int, list[int]] = {}
    for sid, b in enumerate(document.bounds):
        by_block.setdefault(b.block, []).append(sid)
    text = document.text
    for sids in by_block.values():
        lo, hi = document.bounds[sids[0]].start, document.bounds[sids[-1]].end
        low = text[lo:hi].lower()
        if any(c in low for c in lex.credits):
            out.update(sids)
    return out


def actor_noun(token: Token, lex: ActorLexicon) -> bool:
    """Whether a noun stands for the actor that qualifies it: a group noun or a definite ("Russian officials",
    "Poland's government"); a title or an organisation of its own ("Indonesian minister", "US agency") does not."""
    forms = {token.lower_, token.lemma_.lower()}
    return any(f in lex.groups or f in lex.definites for f in forms)


def category_noun(token: Token, lex: ActorLexicon) -> bool:
    """Whether a noun after a name says what kind of organisation it is ("the Atlantic Council think tank")."""
    return token.lower_ in lex.org_heads or token.lemma_.lower() in lex.org_heads


def _first_conjunct(t: Token) -> Token:
    seen = 0
    while t.dep_ in ("conj", "appos") and t.head.i != t.i and seen < 10:
        t = t.head
        seen += 1
    return t


def role_of(c: Candidate, document: Document, lex: ActorLexicon, captions: set[int]) -> str:
    """The role of one candidate mention (see the module docstring)."""
    if c.sentence_id in captions:
        return "caption"
    a = document.article
    if a.dateline and c.start < a.dateline[1] and c.end > a.dateline[0]:
        return "place"
    if party_tagged(document.text, c.start):
        return "place"  # "Jeff Flake, R-Ariz.": the state a legislator is from
    own = document.doc[c.head]
    t = _first_conjunct(own)
    dep, head = t.dep_, t.head
    listed = own
    while listed.dep_ == "conj" and listed.head.i != listed.i:
        listed = listed.head  # the first of the names listed with it
    if _named_place(own, lex) or (t.dep_ == "pobj" and _named_place(t, lex)) \
            or (c.label in PLACE_LABELS and _named_place(listed, lex)):
        return "place"  # "the town of Pandeglang", "our biggest island Crete", "the towns of Beni ... and Katwa"
    if c.kind == "demonym" and own.dep_ == "appos" and own.head.pos_ == "PROPN" and (
            own.head.ent_type_ == "PERSON" or any(k.lower_ in ("a", "an") for k in own.children)):
        return "modifier"  # "Sirhan, an ethnic Palestinian from Jordan", "Thom Tillis, a Republican": what the
        # person is, no act of the state or party (not "not the MDC, not the British": who)
    if _one_of_what(own):
        return "modifier"  # "Imus was named one of Time's 25 most influential Americans": what he is, no act of
        # the group or state (not "One of the Americans was killed")
    if c.kind == "demonym" and c.label != "state" and one_national(own.doc[own.i : own.i + 1]):
        return "modifier"  # "a Republican, Mark Amodei, said": one member, what the person is, no act of the party
    if c.kind == "metonym" and document.text[c.start : c.end] in places_named(document.doc, lex):
        return "place"  # "Seattle's Capitol Hill neighborhood": the place, not the body its name stands for
    if _hyphen_modifier(document.doc, c):
        return "modifier"  # "a judge-led inquiry", "Saudi-backed forces", "anti-Trump": part of a compound word
    if c.label in PLACE_LABELS and c.kind != "demonym" and _address(document.doc, c, lex):
        return "place"  # "a plane in Nevada, United States crashed": where Nevada is, not who crashed
    if c.label == "place":
        return "actor" if _acts(t, lex) else "place"
    if _nation_as_subject(document.doc[c.head]):
        return "actor"  # "The British relinquished control": the parser read the demonym as an adjective
    if c.label == "state" and c.kind != "metonym" and _acting_act(document.doc[c.head], lex):
        return "actor"  # "killed by a United States military airstrike": the state acts through it (a city
        # names where: "a Kabul car bombing killed five")
    if c.name.lower() in lex.platforms and _medium(document.doc[c.head]):
        return "place"  # "on Twitter", "used Instagram": where something was said (not "Facebook was ordered
        # to remove the post", "require Facebook to remove": the company)
    if dep == "compound" and head.pos_ in ("NOUN", "PROPN") and c.kind not in ("group", "pronoun"):
        if c.label == "organisation" and (category_noun(head, lex) or actor_noun(head, lex)):
            return "actor"  # "the Atlantic Council think tank", "UN officials"
        if c.label in ("person", "organisation", "group", "office", "role") or not actor_noun(head, lex):
            return "modifier"  # "Cabinet officers", "Trump lawsuit", "London protest"
    if c.kind == "demonym" and dep in ("acomp", "attr") and head.lemma_ == "be" \
            and document.doc[c.head].ent_type_ == "NORP":  # (not "there are 5000 U.S. troops in the country")
        return "modifier"  # "I'm Australian", "she is Russian": what someone is, no act of the state
    if c.kind == "demonym" and dep in ("amod", "compound", "nmod") and _names_person(head, lex):
        return "modifier"  # "against Democratic rival Joe Biden": a label of the person named, no act of the party
    if c.kind == "demonym" and dep in ("amod", "compound", "nmod") and head.tag_ == "NN" \
            and head.lemma_.lower() in lex.person_nouns:
        return "modifier"  # "praised a Saudi student": one person from there, not the state
    if c.label not in PLACE_LABELS:
        if c.label == "organisation" and dep == "pobj" and (_located(head) or (
                head.lower_ in ("including", "like") and head.head.dep_ == "pobj" and _located(head.head.head))):
            return "place"  # "marched to Parliament", "studied at MIT", "taken to hospitals in the area,
            # including Hartford Hospital"
        if c.label == "organisation" and dep == "pobj" and head.lower_ == "in" and head.head.lemma_ in _VENUE_VERBS:
            return "place"  # "findings published in Current Biology": where a paper appeared, no act of the journal
        if c.label in ("organisation", "group") and dep == "pobj" and head.lower_ == "of" and _holder(head.head, lex):
            return "modifier"  # "Joanna Cherry of the Scottish National Party", "chief of the agency": affiliation
        return "actor"
    if dep == "pobj" and head.lower_ == "from" and head.head.lower_ in lex.source_nouns:
        return "actor"  # who something came from: "the claim from Berlin", "an explanation from Russia"
    if dep == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS and not _aimed_at(t, lex):
        return "place"
    if c.kind == "metonym" and dep == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and not actor_noun(head.head, lex) and head.head.lemma_.lower() not in lex.act_nouns \
            and head.head.lower_ != "behalf":
        return "place"  # "the relic of Jerusalem", "the mayor of London": the city, not the state it can stand
        # for (but "the government of Moscow", "the decision of Moscow", "on behalf of the White House")
    if dep == "pobj" and head.lower_ == "as" and head.head.lower_ in DISTANCE_ADVERBS:
        return "place"  # "ranging as far north as Canada"
    if dep in ("attr", "acomp") and any(s.dep_ in SUBJECT_DEPS and s.lemma_.lower() in lex.place_nouns
                                        for s in head.children):
        return "place"  # "the towns damaged were Carrascal, Cantilan, Madrid": what places are, no government
    if dep in SUBJECT_DEPS or dep in PASSIVE_SUBJECT_DEPS or dep in OBJECT_DEPS:
        return "actor"
    if dep == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
        return "actor"
    if dep in ("poss", "amod", "nmod", "npadvmod") and (head.pos_ == "PROPN" or title_key(head.text) in lex.titles):
        return "modifier"  # "Thailand's Thai Raksa Chart Party", "Indonesia's security minister Wiranto"
    if dep == "poss":
        return "actor"
    if dep in ("amod", "nmod", "npadvmod"):
        return "actor" if actor_noun(head, lex) else "modifier"
    return "actor"


#: Verbs after which "in" names a publication as where something appeared ("published in Nature").
_VENUE_VERBS = frozenset({"publish", "appear", "print"})

#: Prepositions that name what an act is aimed at ("an invasion into Syria", "launched attacks on Libya").
_AIMED = frozenset({"into", "on", "upon", "against"})


def _aimed_at(t: Token, lex: ActorLexicon) -> bool:
    """Whether a place name is what an act is aimed at: the object of "into", "on" or "against" after an
    act noun (``act_noun`` cues: invasion, offensive, attacks), or after the verb whose object it is ("began a
    military offensive into north-eastern Syria")."""
    prep = t.head
    if prep.lower_ not in _AIMED:
        return False
    gov = prep.head
    if gov.lower_ in lex.act_nouns:
        return True
    return gov.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in lex.act_nouns for c in gov.children)


def _one_of_what(t: Token) -> bool:
    """Whether a mention is the plural after "one of" (or a number and "of") that says what someone is: the
    predicate of a copula or of "named", or an apposition ("was one of the richest Russians", "named one of
    the most influential Americans", "Smith, one of the Democrats who ...")."""
    if t.dep_ != "pobj" or t.head.lower_ != "of" or t.tag_ not in ("NNS", "NNPS"):
        return False
    one = t.head.head
    return (one.lower_ == "one" or one.tag_ == "CD") and one.dep_ in ("attr", "oprd", "appos")


def _named_place(t: Token, lex: ActorLexicon) -> bool:
    """A name given to a kind of place: after "the <place noun> of" (unless that noun acts: "The city of
    Chicago sued", "prevent the state of Pennsylvania from certifying") or in apposition to a place noun
    (``place_noun`` cues: town, city, island, ...; singular or plural: "Listed US states ... were: Alabama,
    Arkansas, ..."), or after "of" on a noun for who lives there (``dweller_noun``: "a resident of the United
    States")."""
    if t.dep_ == "pobj" and t.head.lower_ == "of":
        noun = t.head.head  # "The city of Chicago sued": the place acts, through its noun
        if noun.lemma_.lower() in lex.dweller_nouns and noun.pos_ == "NOUN":
            return True  # "a legal resident of the United States", "citizens of Canada": where they live
        return (noun.lower_ in lex.place_nouns or noun.lemma_.lower() in lex.place_nouns) and not _acts(t, lex)
    return t.dep_ in ("appos", "compound") and t.i > t.head.i and (
        t.head.lower_ in lex.place_nouns or t.head.lemma_.lower() in lex.place_nouns)  # "US states ...: Alabama"


def _names_person(noun: Token, lex: ActorLexicon) -> bool:
    """Whether a common noun or a title is a label of the person it names: compounded with or in apposition
    to a person's name ("rival Joe Biden", "the candidate, Joe Bloggs", "Republican President Trump")."""
    if not (noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.ent_type_ != "PERSON"
                                    and title_key(noun.text) in lex.titles)):
        return False
    if noun.dep_ in ("compound", "appos") and noun.head.ent_type_ == "PERSON":
        return True
    return any(k.dep_ == "appos" and k.ent_type_ == "PERSON" and k.i > noun.i for k in noun.children)


def _hyphen_modifier(doc, c: Candidate) -> bool:
    """Whether a mention is glued by a hyphen to the word after it ("judge-led", "Saudi-backed"), or to a
    lower-case prefix before it ("anti-Trump", "pro-Beijing", "non-EU")."""
    last = doc.char_span(c.start, c.end, alignment_mode="expand")
    if last is None:
        return False
    if last.start >= 2 and inner_hyphen(doc, last.start - 1) and doc[last.start - 2].is_lower \
            and last[0].text[:1].isupper():  # not "then-prime-minister Thaksin Shinawatra" (a title)
        return True
    return inner_hyphen(doc, last.end)


def _acts(t: Token, lex: ActorLexicon) -> bool:
    """Whether a place no list knows as a state acts: the subject of a verb of action ("Michigan certified
    its results"; not "Hong Kong has its own legislature"), the agent of a passive ("developed by the
    Soviet Union"), the owner of an act (``act_noun`` cues: "Michigan's certification"), or the object
    whose act a verb stops or asks for ("prevent Pennsylvania from certifying", "urged Ohio to act").
    "The state of Pennsylvania" acts where its noun does."""
    place = t
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in lex.place_nouns:
        t = t.head.head  # "the state of Pennsylvania", "The city of Chicago sued"
    if t.dep_ == "nsubj":
        return t.head.pos_ == "VERB" and t.head.lemma_.lower() not in STATIVE_VERBS
    if t.dep_ == "poss":
        return t.head.lemma_.lower() in lex.act_nouns
    if t.dep_ == "dobj":
        return any(_complement_act(k) for k in t.head.children if k.i > t.i)
    if t.dep_ == "pobj" and t is not place and _aimed_at(t, lex):
        return True  # "filed a lawsuit against the state of Montana": its noun is what the act is aimed at
    return t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "agent"


def _address(doc, c: Candidate, lex: ActorLexicon) -> bool:
    """Whether a state or place follows a listed place and a comma, as an address's last part ("in Nevada,
    United States", "Springfield, Illinois"); a state after another state acts ("In Syria, Russia ...")."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    k = span.start if span is not None else 0
    if k < 2 or doc[k - 1].text != "," or _listed(span.root) or _listed(doc[k - 2]):
        return False  # "Arkansas, California, Connecticut": a list of places, each its own
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (nxt.lower_ in ("and", "or") or (nxt.text == "," and span.end + 1 < len(doc)
                                                              and doc[span.end + 1].pos_ == "PROPN")):
        return False
    start = k - 2
    while start > 0 and doc[start].ent_iob_ == "I":  # the whole name before the comma ("New Mexico")
        start -= 1
    return doc[start : k - 1].text in lex.places and not (start > 0 and doc[start - 1].text == ",")  # (a list:
    # "Arizona, Florida, Illinois hold primaries")


def place_addresses(cands: list[Candidate], document: Document) -> None:
    """Make a state or place a place where it closes an address after a mention already read as a place
    ("the state of Goa, India, died", "born in Pune, India."): a comma before it and a comma, full stop,
    semicolon or bracket after it ("In Syria, Russia deployed" keeps Russia acting; a list is no address)."""
    doc = document.doc
    by_end = {c.end: c for c in cands}
    for c in cands:
        if c.role != "actor" or c.label not in PLACE_LABELS or c.kind == "demonym":
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or span.start < 2 or doc[span.start - 1].text != "," or _listed(span.root):
            continue
        before = by_end.get(doc[span.start - 2].idx + len(doc[span.start - 2]))
        after = doc[span.end] if span.end < len(doc) else None
        closed = after is None or after.text in (".", ";", ")", ":") or (
            after.text == "," and (span.end + 1 >= len(doc) or doc[span.end + 1].pos_ != "PROPN"))
        if before is not None and before.role == "place" and closed:
            c.role = "place"


def _listed(t: Token) -> bool:
    """Whether a token is a conjunct or has conjuncts (one item of a list)."""
    return t.dep_ == "conj" or any(ch.dep_ == "conj" for ch in t.children)


def _acting_act(t: Token, lex: ActorLexicon) -> bool:
    """Whether a state's name qualifies an act (``act_noun`` cues) that does something: the act is the subject
    of a verb or the agent of a passive ("Israeli airstrikes killed ten", "killed by a US airstrike")."""
    act = t.head
    if t.dep_ not in ("compound", "amod", "nmod") or act.lemma_.lower() not in lex.act_nouns:
        return False
    return act.dep_ in SUBJECT_DEPS or (act.dep_ == "pobj" and act.head.dep_ == "agent")


def _complement_act(k: Token) -> bool:
    """Whether a verb's dependent after its object is an act of that object: "from certifying", "to act"."""
    if k.dep_ == "prep" and k.lower_ == "from":
        return k.i + 1 < len(k.doc) and k.doc[k.i + 1].tag_ == "VBG"  # the parser may hang it anywhere below
    return k.dep_ in ("xcomp", "ccomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in k.children)


def _nation_as_subject(t: Token) -> bool:
    """"The British relinquished ...": "the" + a nationality word + a finite verb, read as an adjective."""
    i, doc = t.i, t.doc
    return (t.ent_type_ == "NORP" and t.tag_ == "JJ" and 0 < i < len(doc) - 1 and doc[i - 1].lower_ == "the"
            and doc[i + 1].tag_ in ("VBD", "VBZ", "VBP"))


def _holder(t: Token, lex: ActorLexicon) -> bool:
    """Whether a noun is a named person, a post or one member of an organisation ("Joanna Cherry of the
    party", "chief of the agency", "a Member of Parliament"): the organisation after its "of" is an
    affiliation, not an actor. Members in the plural ("Members of the committee voted") stand for it."""
    singular_member = t.lemma_.lower() in lex.member_nouns and t.tag_ in ("NN", "NNP")
    return t.ent_type_ == "PERSON" or title_key(t.text) in lex.titles or singular_member


def _medium(t: Token) -> bool:
    """Whether a platform's name stands where something is said or seen ("on Twitter", "a Twitter post",
    "used Instagram", "my Twitter, my Instagram, and Facebook"), not for the company that acts or is acted on:
    the subject or passive subject of a verb, a verb's object other than what is used, joined or visited
    ("Bloomberg contacted Facebook", "require Facebook to remove"), or after "by", "from", "with" or "against".
    A conjunct or apposition reads as the word it follows ("require social media site Facebook to remove")."""
    while t.dep_ in ("conj", "appos") and t.head.i < t.i:
        t = t.head
    dep, head = t.dep_, t.head
    if dep in SUBJECT_DEPS or dep in PASSIVE_SUBJECT_DEPS:
        return False
    if dep in ("dobj", "dative") and not any(c.dep_ == "poss" for c in t.children):
        return head.lemma_ in MEDIUM_VERBS
    if dep == "pobj":
        return head.lower_ not in PARTY_PREPOSITIONS
    return True


def _located(prep: Token) -> bool:
    """Whether a preposition places its object: "at", "outside", ...; "to"/"from" after a verb of motion."""
    low = prep.lower_
    if low in PLACE_PREPOSITIONS:
        return True
    return low in ("to", "from", "into", "toward", "towards") and prep.head.lemma_.lower() in MOTION_VERBS


#: How a mention stands in its clause (``clause_role`` column), from its head's dependency.
CLAUSE_ROLES = ("subject", "passive_subject", "object", "agent", "oblique", "possessor", "other")


def clause_role(c: Candidate, document: Document) -> tuple[str, str]:
    """``(clause role, lemma of the governing verb or "")`` of a mention; a conjunct or apposition counts
    as its first conjunct ("Barr and Ross refused": both subjects of "refuse")."""
    return token_clause_role(document.doc[c.head])


def token_clause_role(token: Token) -> tuple[str, str]:
    """``(clause role, lemma of the governing verb or "")`` of the head token of a mention (see :func:`clause_role`)."""
    t = _first_conjunct(token)
    dep, head = t.dep_, t.head
    if dep in SUBJECT_DEPS:
        role = "subject"
    elif dep in PASSIVE_SUBJECT_DEPS:
        role = "passive_subject"
    elif dep in OBJECT_DEPS:
        role = "object"
    elif dep == "pobj" and head.dep_ == "agent":
        role, head = "agent", head.head
    elif dep == "pobj":
        role, head = "oblique", head.head
    elif dep == "poss":
        return "possessor", ""
    else:
        return "other", ""
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and head.dep_ in ("prep", "pobj", "conj"):
        head = head.head
    return role, head.lemma_.lower() if head.pos_ in ("VERB", "AUX") else ""
