"""One article in, tidy tables out: the :class:`Analysis` object and :func:`analyze`."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from textblob.en import sentiment as pattern_sentiment

from helpers.actors import mentions as actors_mod
from helpers.actors import quotes as quotes_mod
from helpers.sentiment import default_method, get_method, score_targets
from helpers.sentiment.lexicon import vader_analyzer
from helpers.sentiment.portrayal import PORTRAYAL_COLUMNS, actor_rows, judgements
from helpers.stance import network as stance_mod
from helpers.stance.issues import issue_events, issue_stance
from helpers.text.article import Article, language_warning, load_article, parse_date
from helpers.text.document import Document, parse

#: Columns of each table, in order (more may follow; none is ever renamed).
SENTENCE_COLUMNS = [
    "sentence_id", "section", "heading", "block", "start", "end", "text", "polarity", "subjectivity", "vader",
]  # fmt: skip


@dataclass
class Analysis:
    """The tables for one article; every span is a ``[start, end)`` offset into ``article.text``.

    Attributes:
        article: the analysed article.
        sentences: one row per sentence (``SENTENCE_COLUMNS``); polarity and subjectivity are
            TextBlob's PatternAnalyzer scores in [-1, 1] and [0, 1], ``vader`` VADER's compound in [-1, 1].
        mentions: one row per actor mention, with sentiment toward it (see :func:`score_mentions`).
        actors: one row per actor, with aggregate sentiment and a 95% interval (:func:`actor_sentiment`).
        stance: one row per directed actor pair (:func:`helpers.stance.network.stance_edges`).
        quotes: one row per quotation, with speaker and cue (:func:`helpers.actors.quotes.find_quotes`).
        events: the stance events behind ``stance``, one per cue (:func:`helpers.stance.network.stance_events`).
        issues: one row per (actor, issue) stance (:func:`helpers.stance.issues.issue_stance`).
        options: the options the analysis ran with (date, methods).
    """

    article: Article
    sentences: pd.DataFrame
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    actors: pd.DataFrame = field(default_factory=pd.DataFrame)
    stance: pd.DataFrame = field(default_factory=pd.DataFrame)
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
    issues: pd.DataFrame = field(default_factory=pd.DataFrame)
    options: dict[str, Any] = field(default_factory=dict)
    document: Document | None = field(default=None, repr=False)

    TABLES = ("sentences", "mentions", "actors", "stance", "quotes", "events", "issues")

    def tables(self) -> dict[str, pd.DataFrame]:
        """The result tables by name."""
        return {name: getattr(self, name) for name in self.TABLES}

    def article_info(self) -> dict[str, Any]:
        """Title, date, source, format and size of the article, JSON-ready."""
        a = self.article
        return {
            "name": a.name,
            "title": a.display_title,
            "date": a.date.isoformat() if a.date else None,
            "date_source": a.date_source,
            "author": a.author,
            "source": a.source,
            "format": a.format,
            "characters": len(a.text),
            "sections": len(a.sections),
            "sentences": len(self.sentences),
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-ready data: ``article``, ``options`` and one list of rows per table."""
        out: dict[str, Any] = {"article": self.article_info(), "options": dict(self.options)}
        for name, df in self.tables().items():
            out[name] = to_records(df)
        return out


def _pattern():
    """TextBlob's Pattern sentiment analyser (the user's choice for sentence polarity and subjectivity)."""
    return pattern_sentiment


def sentence_scores(text: str) -> tuple[float, float, float]:
    """TextBlob PatternAnalyzer polarity [-1, 1] and subjectivity [0, 1], and VADER compound [-1, 1]."""
    polarity, subjectivity = _pattern()(text)
    return float(polarity), float(subjectivity), float(vader_analyzer().polarity_scores(text)["compound"])


def sentence_table(document: Document) -> pd.DataFrame:
    """One row per sentence of the parsed document (``SENTENCE_COLUMNS``), with TextBlob and VADER scores."""
    article = document.article
    headings = {s.index: s.heading for s in article.sections}
    rows = []
    for b in document.bounds:
        sent = article.text[b.start : b.end]
        pol, subj, vad = sentence_scores(sent)
        rows.append((b.section, headings.get(b.section), b.kind, b.start, b.end, sent, pol, subj, vad))
    if not rows:
        df = pd.DataFrame(rows, columns=SENTENCE_COLUMNS[1:])
        df.insert(0, "sentence_id", range(len(df)))
        df["heading"] = df["heading"].astype(object).where(df["heading"].notna(), None)
        return df.astype({"sentence_id": int, "section": int, "start": int, "end": int})
    # One frame built from typed columns: astype/insert on a small frame cost more than the scores.
    section, heading, kind, start, end, sent, pol, subj, vad = zip(*rows, strict=True)
    return pd.DataFrame({
        "sentence_id": np.arange(len(rows), dtype=np.int64), "section": np.array(section, dtype=np.int64),
        "heading": pd.Series(heading, dtype=object), "block": list(kind), "start": np.array(start, dtype=np.int64),
        "end": np.array(end, dtype=np.int64), "text": list(sent), "polarity": np.array(pol, dtype=np.float64),
        "subjectivity": np.array(subj, dtype=np.float64), "vader": np.array(vad, dtype=np.float64),
    })  # fmt: skip


#: The stages of :func:`analyze`, in order, and what each adds to the :class:`Analysis`.
STAGES = (
    ("parse", "the one parsed document: pySBD sentences, spaCy tokens, tags, dependencies, entities"),
    ("sentences", "`sentences`: one row per sentence with TextBlob polarity/subjectivity and VADER"),
    ("mentions", "`mentions`: every actor mention (gazetteer, entities, groups, offices, pronouns, affiliates "
                 "such as 'his team') with its role"),
    ("quotes", "`quotes`: who said what, with speaker and cue"),
    ("sentiment", "`mentions` columns sentiment, label, evidence: how each actor mention is spoken of"),
    ("actors", "`actors`: one row per actor with its portrayal (label, counts, interval)"),
    ("stance", "`events` and `stance`: who is cooperative or hostile toward whom, with the cues"),
    ("issues", "`issues`: where each actor stands on the issues of data/issues.yaml"),
)


def analyze(
    article: Article | str | Path,
    *,
    date: str | dt.date | None = None,
    sentiment_method: str = "default",
    compare_method: str | None = "textblob",
    document: Document | None = None,
    stance_method: str = "rules",
) -> Analysis:
    """Analyse one article (an :class:`Article`, or a path to load) into tidy tables; see ``STAGES``.

    Args:
        article: the article, or a path to a ``.txt``/``.md``/``.html`` file.
        date: the article's date, for dated titles ("the U.S. president"); overrides the article's own.
        sentiment_method: the per-mention sentiment method (see :func:`helpers.sentiment.methods`).
        compare_method: a second method whose scores are kept beside the first in ``*_<method>``
            columns (default ``textblob``, the transparent lexicon method); None to skip.
        document: the article already parsed (corpora parse in batches), else it is parsed here.
        stance_method: what labels each pair of actors in a sentence (:mod:`helpers.stance.scorers`):
            ``rules`` (the cue rules, which explain themselves) or ``model`` (the learned head; the rule
            cues stay as the evidence).

    Raises:
        ArticleError: the path cannot be read as an article, or ``date`` is not a date.
        MethodError: an unknown method name, or ``stance_method="model"`` without a learned head.
    """

    if not isinstance(article, Article):
        article = load_article(article, date=date)
    elif date is not None:
        article = replace(article, date=parse_date(date), date_source="argument")
    get_method(sentiment_method)  # fail early on a bad name
    if compare_method is not None:
        get_method(compare_method)
    stance_mod.get_scorer(stance_method)  # fail early on a bad name or a missing learned head

    if document is None or document.article is not article:
        document = parse(article)
    sentences = sentence_table(document)
    every = actors_mod.find_mentions(document)
    acting = every["role"] == "actor"
    mentions = every[acting].reset_index(drop=True)
    quotes = quotes_mod.find_quotes(document, every)  # reads the actor mentions, and transcripts' speaker labels
    spoken = quotes_mod.quote_pronouns(document, quotes, every)  # "I", "we" in a quotation are its speaker
    if len(spoken):
        mentions = pd.concat([mentions, spoken], ignore_index=True).sort_values(["start", "end"], kind="stable")
        mentions = mentions.reset_index(drop=True)
    events = stance_mod.stance_events(document, _stance_mentions(mentions, every, document), quotes,
                                      method=stance_method)
    events, promoted = _promoted(events, mentions, every)  # "an Israeli-Cypriot-Greek effort": Israel acts
    if len(promoted):
        acting = acting | every.index.isin(promoted.index)
        mentions = pd.concat([mentions, promoted], ignore_index=True).sort_values(["start", "end"], kind="stable")
        mentions = mentions.reset_index(drop=True)
    compare = compare_method is not None and compare_method != sentiment_method
    # Each frame is built once from columns (no copies, merges or per-column inserts): it is the hot path.
    items, offsets = _mention_items(mentions, sentences, article.text, quotes=quotes)
    spans = [document.sentences[int(sid)] for sid in mentions["sentence_id"].tolist()]
    cols = _score_columns(items, offsets, sentiment_method, spans=spans)
    if compare:
        extra = _score_columns(items, offsets, compare_method, evidence=False, spans=spans)
        cols[f"sentiment_{compare_method}"] = extra["sentiment"]
        cols[f"label_{compare_method}"] = extra["label"]
    mentions = _with_columns(mentions, cols)
    stance = stance_mod.stance_edges(events)
    judged = judgements(events)  # accused, criticised, praised by others: part of how the article portrays it
    table = actors_mod.actor_table(mentions)
    ids = table["actor_id"].tolist()
    main = actor_rows(mentions, "sentiment", "label", judged=judged)
    acols = {c: _typed([main[a][k] for a in ids], c) for k, c in enumerate(PORTRAYAL_COLUMNS[1:], start=1)}
    if compare:
        alt = actor_rows(mentions, f"sentiment_{compare_method}", f"label_{compare_method}", interval=False,
                         judged=judged)  # fmt: skip
        acols[f"sentiment_{compare_method}"] = _typed([alt[a][1] for a in ids], "sentiment")
        acols[f"label_{compare_method}"] = _typed([alt[a][2] for a in ids], "label")
    actors = _with_columns(table, acols)
    issues = _issue_table(document, mentions, quotes)
    places = every[~acting].assign(method=None, evidence="", evidence_spans="", label=None)  # places are not scored
    if len(places):
        mentions = pd.concat([mentions, places], ignore_index=True).sort_values(["start", "end"], kind="stable")
        mentions = mentions.reset_index(drop=True)
    options = {
        "date": article.date.isoformat() if article.date else None,
        "language_warning": language_warning(article.text),
        "sentiment_method": default_method() if sentiment_method == "default" else sentiment_method,
        "compare_method": compare_method,
        "stance_method": stance_method,
    }
    return Analysis(article=article, sentences=sentences, mentions=mentions, actors=actors, stance=stance,
                    quotes=quotes, events=events, issues=issues, options=options, document=document)  # fmt: skip


def _promoted(events: pd.DataFrame, mentions: pd.DataFrame, every: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, promoted mentions): an actor named only as a modifier that takes a hostile or cooperative
    part in an event ("an Israeli-Cypriot-Greek effort") becomes an actor of the article, its modifier
    mentions with it; the events of the other modifier-only actors are dropped."""
    if not len(events) or "role" not in every.columns:
        return events, every.iloc[:0]
    ids = set(mentions["actor_id"].dropna().tolist())
    polar = events[events["label"].isin(("hostile", "cooperative"))]
    parts = set(polar["source_id"].dropna()) | set(polar["target_id"].dropna())
    mods = every[(every["role"] == "modifier") & every["actor_id"].notna() & ~every["actor_id"].isin(ids)]
    keep = mods["actor_id"].isin(parts)
    drop = set(mods.loc[~keep, "actor_id"])
    events = events[~(events["source_id"].isin(drop) | events["target_id"].isin(drop))].reset_index(drop=True)
    return events, mods[keep].assign(role="actor")


def _stance_mentions(mentions: pd.DataFrame, every: pd.DataFrame, document: Document) -> pd.DataFrame:
    """The actor mentions, plus the modifier mentions of the same actors ("expelled the Libyan ambassador"
    reaches Libya when Libya is an actor of the article; "helped a Saudi girl" does not reach Saudi Arabia:
    :func:`helpers.stance.network.person_modifiers`) and those of other actors that qualify a noun they
    can act through ("an Israeli-Cypriot-Greek effort": :func:`helpers.stance.network.acting_modifiers`,
    promoted by :func:`_promoted` when they take part in a hostile or cooperative event)."""
    if "role" not in every.columns:
        return mentions
    ids = set(mentions["actor_id"].dropna().tolist())
    mods = every[(every["role"] == "modifier") & every["actor_id"].notna()]
    other = ~mods["actor_id"].isin(ids)
    if other.any():
        other[other] = stance_mod.acting_modifiers(document, mods[other])
    mods = mods[(mods["actor_id"].isin(ids) | other)]
    if len(mods):
        mods = mods[~stance_mod.person_modifiers(document, mods)]  # not "helped a Saudi girl escape"
    if not len(mods):
        return mentions
    return pd.concat([mentions, mods], ignore_index=True).sort_values(["start", "end"], kind="stable")


def _issue_table(document: Document, mentions: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:

    events = issue_events(document, mentions, quotes=quotes)  # the quotes found once, not again here
    return issue_stance(document, mentions, events=events)


def score_mentions(mentions: pd.DataFrame, sentences: pd.DataFrame, text: str, *, method: str) -> pd.DataFrame:
    """The mention table with ``sentiment`` in [-1, 1], ``label``, ``method`` and ``evidence`` toward each mention.

    ``evidence`` lists the words behind the score as ``word(+0.40)``; ``evidence_spans`` holds their
    article offsets as ``start:end`` pairs, so each word points back into ``text``.
    """
    items, offsets = _mention_items(mentions, sentences, text)
    return _with_columns(mentions, _score_columns(items, offsets, method))


def _with_columns(df: pd.DataFrame, cols: dict[str, list]) -> pd.DataFrame:
    """A new frame: ``df`` with ``cols`` added (replaced in place if present), like ``copy()`` + ``df[c] = v``.

    New columns go in with one ``concat`` (a frame of lists, then one join on the same index),
    several times faster on small frames than a setitem per column.
    """
    if not df.index.is_unique or any(c in df.columns for c in cols):
        out = df.copy()
        for c, v in cols.items():
            out[c] = v
        return out
    return pd.concat([df, pd.DataFrame(cols, index=df.index)], axis=1)


@cache
def _labelling_cues() -> frozenset[str]:
    """Speech cues that apply a label to an object ("called X a …"), lower-cased, from ``speech_verbs.csv``."""
    lex = quotes_mod.load_speech_lexicon()
    return frozenset(" ".join(words) for words, cue in lex.cues.items() if "object" in cue.takes)


def _mention_items(
    mentions: pd.DataFrame, sentences: pd.DataFrame, text: str, *, quotes: pd.DataFrame | None = None
) -> tuple[list, list[int]]:
    """``(sentence, start, end)`` items of the mentions (offsets into the sentence) and each sentence's offset.

    Whose words a quote is: when a mention's actor is the speaker of a quoted *label* in the same sentence
    (a quote after a labelling cue such as "called", "declared", "described as": ``takes`` includes
    ``object`` in ``speech_verbs.csv``) that is about another actor, the label is blanked (replaced by
    spaces, so offsets stay put) before scoring that mention. A speaker's "pure thug" is the speaker's
    stance toward someone else (see the stance table), not the article's sentiment toward the speaker;
    what a speaker says of their own plans ("said he wants to “work together”") still counts.
    """
    bounds = {int(i): (int(a), int(b)) for i, a, b in zip(sentences["sentence_id"].tolist(),
                                                         sentences["start"].tolist(), sentences["end"].tolist(),
                                                         strict=True)}  # fmt: skip
    spoken: dict[tuple[int, str], list[tuple[int, int]]] = {}
    if quotes is not None and len(quotes):
        labelling = _labelling_cues()
        for sid, speaker, cue, about, qs, qe in zip(
            quotes["sentence_id"].tolist(), quotes["speaker_id"].tolist(), quotes["cue"].tolist(),
            quotes["about_ids"].tolist(), quotes["start"].tolist(), quotes["end"].tolist(), strict=True,
        ):  # fmt: skip
            others = [a for a in (about or ()) if a != speaker]
            if isinstance(speaker, str) and speaker and isinstance(cue, str) and cue.lower() in labelling and others:
                spoken.setdefault((int(sid), speaker), []).append((int(qs), int(qe)))
    items, offsets = [], []
    rows = zip(mentions["sentence_id"].tolist(), mentions["actor_id"].tolist(), mentions["start"].tolist(),
               mentions["end"].tolist(), strict=True)  # fmt: skip
    for sid, actor_id, start, end in rows:
        s0, s1 = bounds[int(sid)]
        sentence = text[s0:s1]
        for qs, qe in spoken.get((int(sid), actor_id), ()):
            if not (qs <= start < qe) and s0 <= qs and qe <= s1:
                sentence = sentence[: qs - s0] + " " * (qe - qs) + sentence[qe - s0 :]
        items.append((sentence, int(start) - s0, int(end) - s0))
        offsets.append(s0)
    return items, offsets


def _score_columns(items: list, offsets: list[int], method: str, *, evidence: bool = True,
                   spans: list | None = None) -> dict[str, list]:
    """``sentiment``, ``label``, ``method``, ``evidence`` and ``evidence_spans`` columns for scored items
    (and ``p_negative``, ``p_neutral``, ``p_positive`` for a method with calibrated probabilities)."""

    scores = score_targets(items, method, spans=spans)
    cols: dict[str, list] = {
        "sentiment": _typed([round(float(r.score), 4) for r in scores], "sentiment"),
        "label": _typed([r.label for r in scores], "label"),
    }
    if evidence and get_method(method).probabilistic:
        for k, name in enumerate(("p_negative", "p_neutral", "p_positive")):
            cols[name] = _typed([r.probabilities[k] for r in scores], "sentiment")
    if evidence:
        cols["method"] = _typed([r.method for r in scores], "method")
        cols["evidence"] = _typed(["; ".join(f"{e.word}({e.weight:+.2f})" for e in r.evidence) for r in scores],
                                  "evidence")
        cols["evidence_spans"] = _typed([" ".join(f"{off + e.start}:{off + e.end}" for e in r.evidence)
                                         for r, off in zip(scores, offsets, strict=True)], "evidence_spans")
    return cols


def _typed(values: list, column: str) -> list | Any:
    """``values`` as a float or int array for the numeric sentiment columns (so empty tables keep their dtypes)."""
    if column in ("sentiment", "ci_low", "ci_high"):
        return np.asarray(values, dtype=np.float64)
    if column.startswith("n_"):
        return np.asarray(values, dtype=np.int64)
    return values if values else np.array([], dtype=object)  # an empty list would become float64


def to_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``df`` as JSON-ready dicts (NaN → None, numpy scalars → Python)."""
    records = json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    return [{k: _clean(v) for k, v in row.items()} for row in records]


def _clean(value: Any) -> Any:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value
