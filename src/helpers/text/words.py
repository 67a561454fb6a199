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
#: Negators read on the parse (``neg`` dependents and these words).
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
#: Modal verbs: a cue under one is possible, not done.
MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must", "shall", "will"})

#: Prepositions whose object is a location when it is a place name ("in Ottawa", "flights to Spain").
#: ("between" is left out: "talks between Russia and Ukraine" names two actors.)
LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "to", "from", "into", "onto", "near", "across", "throughout", "outside", "inside", "around",
    "within", "towards", "toward", "via", "through", "past", "beyond", "along", "off", "above", "below",
    "amid", "among", "amongst", "beside", "nearby", "opposite", "out",
})  # fmt: skip

#: Prepositions that place even an organisation ("at MIT", "outside Parliament").
PLACE_PREPOSITIONS = frozenset({"at", "outside", "inside", "near", "around", "in front of", "opposite", "beside"})
#: Verbs of motion: "to"/"from" after one is a direction ("marched to Parliament", "flown to Moscow").
MOTION_VERBS = frozenset({
    "march", "walk", "go", "come", "travel", "fly", "return", "head", "move", "drive", "sail", "flee", "evacuate",
    "airlift", "transfer", "take", "bring", "send", "deport", "run", "rush", "arrive", "leave", "escape", "ride",
})  # fmt: skip

#: Subject and agent relations: the doer of a clause.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: Object relations: what a verb acts on.
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "attr", "oprd"})
#: Modifier relations of a noun: a place or nationality here describes the noun, it does not act.
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})

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
