"""Grammar words and dependency labels every stage reads: closed classes of English, not world knowledge.

World knowledge (names, titles, cue verbs, group nouns, lexicons) lives in ``data/`` and is read through
:mod:`helpers.resources`; what is here changes only with English grammar or spaCy's label set
(ClearNLP dependency labels, as ``en_core_web_sm`` assigns them).
"""

from __future__ import annotations

#: Forms of "be".
BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"})
#: Determiners that open a definite or indefinite description.
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
#: Generational suffixes that close a person's name ("John James Conyers Jr.").
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
#: Letters after a person's name for a rank or an honour ("Kama Melly QC", "Jane Smith OBE"): no part of the name.
POST_NOMINALS = frozenset({"QC", "KC", "OBE", "CBE", "MBE", "KBE", "DBE"})
#: Predicates after an expletive "it" ("it is unclear whether", "it was the first time that"): such an "it"
#: stands for no one.
EXPLETIVE_PREDICATES = frozenset({
    "unclear", "clear", "likely", "unlikely", "possible", "impossible", "important", "necessary", "essential",
    "difficult", "hard", "easy", "true", "false", "obvious", "evident", "apparent", "crucial", "vital", "critical",
    "unfortunate", "surprising", "early", "premature", "uncertain", "unknown", "known", "believed", "expected",
    "thought", "feared", "time", "case", "matter", "question", "shame", "pity", "mistake", "wrong", "right",
    "fair", "unfair", "appropriate", "inappropriate", "safe", "unsafe", "worth", "enough", "better", "best",
    "good", "bad", "okay", "ok", "fine", "up", "sad", "tragic", "strange", "odd", "interesting", "urgent",
})  # fmt: skip
#: Party letters of a US legislator's party-and-state tag ("Jeff Flake, R-Ariz.", "(D-N.Y.)").
PARTY_LETTERS = frozenset({"R", "D", "I"})


def party_tagged(text: str, start: int) -> bool:
    """Whether ``text[start:]`` opens the state of a party-and-state tag after a name ("R-Ariz.", "(D-N.Y.)",
    "R-Texas"): where the legislator is from, no actor."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2] in PARTY_LETTERS \
        and (start == 2 or not text[start - 3].isalnum())
#: Words before "government" that name a state's own level, never a region's ("the federal government").
NATIONAL_WORDS = frozenset({"federal", "national", "central"})
#: Adjectives that point back to something already named, not describe it ("the same court").
REFERRING_ADJECTIVES = frozenset({"same", "other", "latter", "former", "aforementioned", "said"})
#: Negators read on the parse (``neg`` dependents and these words).
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
#: Adverbs a negation can bear on instead of its verb: "do not elect the Prime Minister directly", "has not
#: yet endorsed", "did not fully support": how or when the act is done, not a refusal of it.
FOCUS_ADVERBS = frozenset({"directly", "personally", "necessarily", "always", "only", "fully", "entirely",
                           "completely", "automatically", "immediately", "formally", "officially", "explicitly",
                           "yet", "merely", "simply", "exactly", "publicly", "unconditionally"})  # fmt: skip
#: Modal verbs: a cue under one is possible, not done.
MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must", "shall", "will"})

#: Prepositions whose object is a location when it is a place name ("in Ottawa", "flights to Spain").
#: ("between" is left out: "talks between Russia and Ukraine" names two actors.)
LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "to", "from", "into", "onto", "near", "across", "throughout", "outside", "inside", "around",
    "within", "towards", "toward", "via", "through", "past", "beyond", "along", "off", "above", "below",
    "amid", "among", "amongst", "beside", "nearby", "opposite", "out",
})  # fmt: skip

#: Adverbs of distance before "as": the object of "as far (north) as" is a place ("as far north as Canada").
DISTANCE_ADVERBS = frozenset({"far", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                              "southwest", "away", "afield", "inland", "upstream", "downstream"})
#: Prepositions that place even an organisation ("at MIT", "outside Parliament").
PLACE_PREPOSITIONS = frozenset({"at", "outside", "inside", "near", "around", "in front of", "opposite", "beside"})
#: Verbs of motion: "to"/"from" after one is a direction ("marched to Parliament", "flown to Moscow").
MOTION_VERBS = frozenset({
    "march", "walk", "go", "come", "travel", "fly", "return", "head", "move", "drive", "sail", "flee", "evacuate",
    "airlift", "transfer", "take", "bring", "send", "deport", "run", "rush", "arrive", "leave", "escape", "ride",
    "admit", "transport", "relocate",
})  # fmt: skip

#: Subject and agent relations: the doer of a clause.
#: Verbs of state or of a scene, not action: their subject is described, or is where something happens,
#: not acting ("Hong Kong has its own legislature", "Hong Kong saw big crowds").
STATIVE_VERBS = frozenset({"be", "have", "become", "remain", "seem", "appear", "lie", "sit", "stand", "include",
                           "contain", "border", "host", "look", "feel", "get", "see", "witness", "experience",
                           "record"})  # fmt: skip
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: Object relations: what a verb acts on.
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "attr", "oprd"})
#: Modifier relations of a noun: a place or nationality here describes the noun, it does not act.
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})

#: Nouns that introduce a person's name ("using the pseudonym Katya", "reportedly one Vijayaragavan").
NAME_NOUNS = frozenset({"name", "pseudonym", "nickname", "alias", "one"})
#: Verbs whose object is a platform as a medium ("used Instagram", "checked Twitter"), not the company.
MEDIUM_VERBS = frozenset({"use", "join", "quit", "leave", "post", "visit", "open", "access", "see", "check"})
#: Prepositions whose object is someone who acts or is acted on ("a statement from Facebook", "a deal with X").
PARTY_PREPOSITIONS = frozenset({"by", "from", "with", "against", "for"})
#: Prepositions of comparison: what stands after them is compared with, not acting ("Unlike senators, members
#: of the House ...").
COMPARISON_PREPOSITIONS = frozenset({"unlike", "like", "than"})
#: Capitalised words before a nation's demonym that make it a first people, no state ("Native American",
#: "Indigenous Australian").
FIRST_PEOPLE_WORDS = frozenset({"Native", "Indigenous", "Aboriginal"})
#: Words glued by a hyphen after a name that make an adjective or adverb of it ("from Bangalore-side", "a
#: Moscow-based firm"); not the second half of a given name ("Won-soon", "Hoi-kwan").
NAME_SUFFIX_WORDS = frozenset({"side", "based", "born", "bound", "led", "backed", "owned", "run", "made", "style",
                               "era", "type", "like", "wide"})
#: Particles of names from several languages, which may read as English words in capitals ("Bin Laden",
#: "Van Gogh", "De Niro"): a name that holds one is no phrase of ordinary words.
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "abu", "al", "el", "ben", "van", "von", "der", "den", "de",
                            "del", "della", "da", "di", "du", "la", "le", "mac", "mc", "ter", "ten"})
#: Nouns after "his"/"her" that make an honorific title, not a pronoun ("Her Majesty the Queen").
HONORIFIC_NOUNS = frozenset({"majesty", "highness", "excellency", "holiness", "grace", "lordship", "ladyship"})
#: Personal pronouns by lower-case form: (gender, number, person); gender "" when not marked.
PRONOUNS = {
    "he": ("male", "singular", 3), "him": ("male", "singular", 3), "his": ("male", "singular", 3),
    "himself": ("male", "singular", 3), "she": ("female", "singular", 3), "her": ("female", "singular", 3),
    "hers": ("female", "singular", 3), "herself": ("female", "singular", 3),
    "they": ("", "plural", 3), "them": ("", "plural", 3), "their": ("", "plural", 3), "theirs": ("", "plural", 3),
    "themselves": ("", "plural", 3), "it": ("neuter", "singular", 3), "its": ("neuter", "singular", 3),
    "itself": ("neuter", "singular", 3),
    "i": ("", "singular", 1), "me": ("", "singular", 1), "my": ("", "singular", 1), "mine": ("", "singular", 1),
    "myself": ("", "singular", 1), "we": ("", "plural", 1), "us": ("", "plural", 1), "our": ("", "plural", 1),
    "ours": ("", "plural", 1), "ourselves": ("", "plural", 1),
}  # fmt: skip
#: Second-person pronouns: the reader or an interviewee, never a quotation's speaker outside its marks.
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})

# --------------------------------------------------------------------------- stance (helpers.stance)

#: Verbs of asking: a subject pronoun in the question they put to their object is that object ("asked Clinton
#: how she feels", "pressed Biden on whether he would run").
ASK_VERBS = frozenset({"ask", "question", "quiz", "press", "query"})
#: Collective nouns: a they/their after one as a subject may stand for it ("The community is known for their
#: charity").
COLLECTIVE_NOUNS = frozenset({"community", "family", "team", "crowd", "public", "audience", "staff", "crew", "couple",
                              "pair", "duo", "band", "squad", "jury", "panel"})
#: Relative pronouns: they stand for the noun their clause modifies ("Lam, who is supported by ...").
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
#: First-person pronouns: inside a quotation they are its speaker.
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
#: Third-person plural pronouns.
THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
#: Heads of a quantity whose "of" phrase names who is meant ("a number of journalists", "two of them").
QUANTITY_HEADS = frozenset({
    "number", "one", "some", "many", "most", "all", "none", "several", "few", "both", "each", "either", "neither",
    "majority", "minority", "rest", "part", "dozens", "hundreds", "thousands", "millions", "dozen", "hundred",
    "thousand", "million", "lot", "lots", "group", "any", "half", "members", "member", "quarter", "third",
    "percent", "share", "proportion", "fraction",
})  # fmt: skip
#: Prepositions that name members of the noun they follow ("Republicans, including Senator McCain").
INCLUSIVE_PREPOSITIONS = frozenset({"including", "like"})
#: Prepositions of time: "came to the UK after the war" says when, not that the subject received the war.
TEMPORAL_PREPOSITIONS = frozenset({"after", "before", "during", "since", "until", "till", "amid", "following"})
#: Prepositions whose object is a verb's patient ("lashed out at Y", "sided with Y", "voted against Y").
VERB_PATIENT_PREPOSITIONS = frozenset({"against", "on", "at", "to", "toward", "towards", "with", "upon", "into"})
#: Prepositions that aim a verb's object at someone ("used tear gas against Y", "fired a shot at Y").
AIM_PREPOSITIONS = frozenset({"against", "at"})
#: Prepositions whose object is a noun's patient ("sanctions on Y", "support for Y", "talks with Y").
NOUN_PATIENT_PREPOSITIONS = frozenset({
    "of", "against", "on", "at", "to", "toward", "towards", "with", "for", "upon", "into", "between", "among",
})  # fmt: skip
#: Prepositions whose object is a noun's agent ("criticism from Y", "the invasion by Y").
NOUN_AGENT_PREPOSITIONS = frozenset({"by", "from"})
#: Prepositions, and nouns before "of", that set a clause against someone's act ("despite police
#: disapproval", "in the face of threats from X", "in defiance of the ban").
CONCESSIVE_PREPOSITIONS = frozenset({"despite", "notwithstanding"})
CONCESSIVE_NOUNS = frozenset({"face", "spite", "defiance"})
#: Prepositions whose object is an adjective's patient ("critical of Y", "angry at Y", "hostile toward Y").
ADJECTIVE_PATIENT_PREPOSITIONS = frozenset({"of", "to", "toward", "towards", "at", "with", "about", "against"})
#: Prepositions of a noun's owner, tried in this order ("the conclusions of the summit", "the claim from Berlin").
OWNER_PREPOSITIONS = ("of", "by", "from", "between")
#: Subordinators that make a clause a condition ("if talks fail").
CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether"})
#: Words opening an adverbial clause of time, cause, condition or concession (not "as", "like": comment clauses).
SUBORDINATORS = frozenset({"when", "whenever", "after", "before", "while", "since", "because", "if", "unless",
                           "although", "though", "once", "until", "till"})
#: Adverbs that make the act of coordinated subjects mutual ("X and Y worked together").
RECIPROCAL_ADVERBS = frozenset({"together", "jointly"})
#: Reciprocal pronouns ("they criticised each other"): the act goes both ways.
RECIPROCAL_PRONOUNS = (("each", "other"), ("one", "another"))

#: Determiners of a noun that refers back to something already named ("the agreement", "this deal").
DEFINITE_DETERMINERS = DETERMINERS - {"a", "an"}
