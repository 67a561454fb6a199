"""One article in, tidy tables out: the :class:`Analysis` object and :func:`analyze`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

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
        from helpers.reports.export import to_records

        out: dict[str, Any] = {"article": self.article_info(), "options": dict(self.options)}
        for name, df in self.tables().items():
            out[name] = to_records(df)
        return out


@cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def _pattern():
    from textblob.en import sentiment

    return sentiment


def sentence_scores(text: str) -> tuple[float, float, float]:
    """TextBlob PatternAnalyzer polarity [-1, 1] and subjectivity [0, 1], and VADER compound [-1, 1]."""
    polarity, subjectivity = _pattern()(text)
    return float(polarity), float(subjectivity), float(_vader().polarity_scores(text)["compound"])


def sentence_table(document: Document) -> pd.DataFrame:
    """One row per sentence of the parsed document (``SENTENCE_COLUMNS``), with TextBlob and VADER scores."""
    import numpy as np

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
    ("mentions", "`mentions`: every actor mention (gazetteer, entities, groups, offices, pronouns) with its role"),
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
        sentiment_method: the per-mention sentiment method (see :func:`helpers.sentiment.methods.methods`).
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
    from helpers.actors import mentions as actors_mod
    from helpers.sentiment.methods import default_method, get_method

    if not isinstance(article, Article):
        article = load_article(article, date=date)
    elif date is not None:
        from dataclasses import replace

        article = replace(article, date=parse_date(date), date_source="argument")
    get_method(sentiment_method)  # fail early on a bad name
    if compare_method is not None:
        get_method(compare_method)
    from helpers.actors import quotes as quotes_mod
    from helpers.stance import network as stance_mod
    from helpers.stance.scorers import get_scorer

    get_scorer(stance_method)  # fail early on a bad name or a missing learned head

    if document is None or document.article is not article:
        document = parse(article)
    sentences = sentence_table(document)
    every = actors_mod.find_mentions(document)
    acting = every["role"] == "actor"
    mentions = every[acting].reset_index(drop=True)
    quotes = quotes_mod.find_quotes(article.text, sentences, mentions)
    compare = compare_method is not None and compare_method != sentiment_method
    # Each frame is built once from columns (no copies, merges or per-column inserts): it is the hot path.
    items, offsets = _mention_items(mentions, sentences, article.text, quotes=quotes)
    cols = _score_columns(items, offsets, sentiment_method)
    if compare:
        extra = _score_columns(items, offsets, compare_method, evidence=False)
        cols[f"sentiment_{compare_method}"] = extra["sentiment"]
        cols[f"label_{compare_method}"] = extra["label"]
    mentions = _with_columns(mentions, cols)
    table = actors_mod.actor_table(mentions)
    ids = table["actor_id"].tolist()
    main = _actor_sentiment_rows(mentions, "sentiment", "label")
    acols = {c: _typed([main[a][k] for a in ids], c) for k, c in enumerate(_ACTOR_SENTIMENT_COLUMNS[1:], start=1)}
    if compare:
        alt = _actor_sentiment_rows(mentions, f"sentiment_{compare_method}", f"label_{compare_method}", interval=False)
        acols[f"sentiment_{compare_method}"] = _typed([alt[a][1] for a in ids], "sentiment")
        acols[f"label_{compare_method}"] = _typed([alt[a][2] for a in ids], "label")
    actors = _with_columns(table, acols)
    events = stance_mod.stance_events(document, mentions, quotes, method=stance_method)
    stance = stance_mod.stance_edges(events)
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


def _issue_table(document: Document, mentions: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    from helpers.stance.issues import issue_events, issue_stance

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
    from helpers.actors.quotes import load_speech_lexicon

    lex = load_speech_lexicon()
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


def _score_columns(items: list, offsets: list[int], method: str, *, evidence: bool = True) -> dict[str, list]:
    """``sentiment``, ``label``, ``method``, ``evidence`` and ``evidence_spans`` columns for scored items."""
    from helpers.sentiment.methods import score_targets

    scores = score_targets(items, method)
    cols: dict[str, list] = {
        "sentiment": _typed([round(float(r.score), 4) for r in scores], "sentiment"),
        "label": _typed([r.label for r in scores], "label"),
    }
    if evidence:
        cols["method"] = _typed([r.method for r in scores], "method")
        cols["evidence"] = _typed(["; ".join(f"{e.word}({e.weight:+.2f})" for e in r.evidence) for r in scores],
                                  "evidence")
        cols["evidence_spans"] = _typed([" ".join(f"{off + e.start}:{off + e.end}" for e in r.evidence)
                                         for r, off in zip(scores, offsets, strict=True)], "evidence_spans")
    return cols


def _typed(values: list, column: str) -> list | Any:
    """``values`` as a float or int array for the numeric sentiment columns (so empty tables keep their dtypes)."""
    import numpy as np

    if column in ("sentiment", "ci_low", "ci_high"):
        return np.asarray(values, dtype=np.float64)
    if column.startswith("n_"):
        return np.asarray(values, dtype=np.int64)
    return values if values else np.array([], dtype=object)  # an empty list would become float64


_ACTOR_SENTIMENT_COLUMNS = ["actor_id", "sentiment", "label", "n_negative", "n_neutral", "n_positive", "ci_low",
                            "ci_high"]  # fmt: skip


def actor_sentiment(
    mentions: pd.DataFrame,
    *,
    score: str = "sentiment",
    label: str = "label",
    n_boot: int = 2000,
    seed: int = 0,
    threshold: float = 0.1,
) -> pd.DataFrame:
    """Per-actor sentiment: mean mention score in [-1, 1], label, label counts and a 95% bootstrap interval.

    The interval resamples the actor's mentions (``n_boot`` times, fixed ``seed``), so an actor
    mentioned twice gets a wide interval and one mentioned twenty times a narrow one. The actor's
    label is ``negative`` when the mean is below ``-threshold`` and more mentions are labelled negative
    than positive, ``positive`` likewise, else ``neutral``: a calibrated method gives mentions it labels
    neutral small non-zero scores, and a lone neutral mention must not make a negative actor.
    """
    cols = _ACTOR_SENTIMENT_COLUMNS
    if mentions.empty:
        return pd.DataFrame(columns=cols)
    rows = _actor_sentiment_rows(mentions, score, label, n_boot=n_boot, seed=seed, threshold=threshold)
    return pd.DataFrame(list(rows.values()), columns=cols)


def _actor_sentiment_rows(
    mentions: pd.DataFrame,
    score: str,
    label: str,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    threshold: float = 0.1,
    interval: bool = True,
) -> dict[str, tuple]:
    """The rows of :func:`actor_sentiment` by actor id, sorted; ``interval=False`` skips the bootstrap (NaN)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    scores: dict[str, list[float]] = {}
    labels: dict[str, list[str]] = {}
    for actor_id, value, lab in zip(mentions["actor_id"].tolist(), mentions[score].tolist(),
                                    mentions[label].tolist(), strict=True):  # fmt: skip
        scores.setdefault(actor_id, []).append(float(value))
        labels.setdefault(actor_id, []).append(lab)
    rows: dict[str, list] = {}
    draws: list[np.ndarray] = []
    boot: list[str] = []
    for actor_id in sorted(scores):
        values = np.asarray(scores[actor_id])
        mean = float(values.mean())
        if interval and len(values) > 1:  # the same draws, in the same order, as one actor at a time
            draws.append(values[rng.integers(0, len(values), size=(n_boot, len(values)))].mean(axis=1))
            boot.append(actor_id)
        low, high = (-1.0, 1.0) if interval else (float("nan"), float("nan"))  # one mention: no spread
        labs = labels[actor_id]
        n_neg, n_pos = labs.count("negative"), labs.count("positive")
        lab = ("negative" if mean < -threshold and n_neg > n_pos else
               "positive" if mean > threshold and n_pos > n_neg else "neutral")  # fmt: skip
        rows[actor_id] = [actor_id, round(mean, 4), lab, labs.count("negative"), labs.count("neutral"),
                          labs.count("positive"), round(low, 4), round(high, 4)]  # fmt: skip
    if draws:  # one percentile call for all actors: per-row results are those of one call per actor
        lows, highs = np.percentile(np.vstack(draws), [2.5, 97.5], axis=1)
        for actor_id, low, high in zip(boot, lows.tolist(), highs.tolist(), strict=True):
            rows[actor_id][6:8] = [round(float(low), 4), round(float(high), 4)]
    return {a: tuple(r) for a, r in rows.items()}


# --------------------------------------------------------------------------- views for notebooks


def section_table(analysis: Analysis) -> pd.DataFrame:
    """One row per section: heading, sentence count, characters, mean polarity and VADER."""
    s = analysis.sentences
    g = s.groupby("section")
    out = pd.DataFrame(
        {
            "heading": [sec.heading or "(lead)" for sec in analysis.article.sections if sec.index in g.groups],
            "sentences": g.size(),
            "characters": g.apply(lambda d: int((d["end"] - d["start"]).sum()), include_groups=False),
            "mean_polarity": g["polarity"].mean().round(3),
            "mean_vader": g["vader"].mean().round(3),
        }
    )
    out.index.name = "section"
    return out.reset_index()


def extreme_sentences(analysis: Analysis, n: int = 3, *, by: str = "polarity") -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences by ``by`` (ties broken by position)."""
    s = analysis.sentences.sort_values([by, "sentence_id"], kind="stable")
    picked = pd.concat([s.head(n).assign(side="most negative"), s.tail(n)[::-1].assign(side="most positive")])
    cols = ["side", "sentence_id", by, "text"]
    return picked[cols].round({by: 3}).reset_index(drop=True)


def scorer_disagreements(analysis: Analysis, n: int = 5, *, threshold: float = 0.3) -> pd.DataFrame:
    """Sentences where TextBlob polarity and VADER compound point different ways, largest gap first.

    A disagreement is a sign difference with at least ``threshold`` between the two scores.
    """
    s = analysis.sentences.assign(gap=(analysis.sentences["polarity"] - analysis.sentences["vader"]).abs())
    opposite = (s["polarity"] * s["vader"] < 0) | ((s["polarity"] == 0) != (s["vader"] == 0))
    d = s[opposite & (s["gap"] >= threshold)].sort_values(["gap", "sentence_id"], ascending=[False, True])
    return d[["sentence_id", "polarity", "vader", "gap", "text"]].head(n).round(3).reset_index(drop=True)


def resolution_table(analysis: Analysis) -> pd.DataFrame:
    """How mentions were resolved: one row per (mention text, actor, rule) with its count."""
    m = analysis.mentions
    if "role" in m.columns:
        m = m[m["role"] == "actor"]
    if m.empty:
        return pd.DataFrame(columns=["text", "actor", "resolved_by", "count"])
    g = m.groupby(["actor", "text", "resolved_by"], sort=True).size().rename("count").reset_index()
    g = g.sort_values(["actor", "count", "text"], ascending=[True, False, True], kind="stable")
    return g.reset_index(drop=True)


def actor_section_matrix(analysis: Analysis, top: int = 12) -> pd.DataFrame:
    """Mentions per actor (rows, most mentioned first) and section (columns, ``§N``)."""
    m = analysis.mentions
    if "role" in m.columns:
        m = m[m["role"] == "actor"]
    m = m.merge(analysis.sentences[["sentence_id", "section"]], on="sentence_id")
    order = analysis.actors["actor"].head(top).tolist()
    table = pd.crosstab(m["actor"], m["section"]).reindex(index=order, fill_value=0)
    sections = [s.index for s in analysis.article.sections]
    table = table.reindex(columns=sections, fill_value=0)
    table.columns = [f"§{c}" for c in table.columns]
    table.index.name = "actor"
    return table


def co_mentions(analysis: Analysis, *, min_sentences: int = 1) -> pd.DataFrame:
    """Pairs of actors named in the same sentence: ``source, target, weight`` (number of sentences)."""
    from itertools import combinations

    m = analysis.mentions
    if "role" in m.columns:
        m = m[m["role"] == "actor"]
    pairs: dict[tuple[str, str], int] = {}
    for _, group in m.groupby("sentence_id"):
        for a, b in combinations(sorted(set(group["actor"])), 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    rows = [(a, b, n) for (a, b), n in sorted(pairs.items()) if n >= min_sentences]
    return pd.DataFrame(rows, columns=["source", "target", "weight"])


def acting_mentions(analysis: Analysis) -> pd.DataFrame:
    """The mentions in the actor role (the ones scored, counted and linked), without places and modifiers."""
    m = analysis.mentions
    return m[m["role"] == "actor"] if "role" in m.columns else m


def place_mentions(analysis: Analysis) -> pd.DataFrame:
    """Names that are not acting here: places, modifiers and picture captions, with their sentence, one row each."""
    m = analysis.mentions
    if "role" not in m.columns:
        return pd.DataFrame(columns=["sentence_id", "text", "actor", "role"])
    rest = m[m["role"] != "actor"]
    return rest[["sentence_id", "text", "actor", "role"]].reset_index(drop=True)


def office_mentions(analysis: Analysis) -> pd.DataFrame:
    """Mentions found through an office or title ("the U.S. president"), with what they resolved to."""
    m = analysis.mentions
    keep = m["resolved_by"].isin(["office", "title", "definite"]) | m["actor_id"].str.startswith("office:")
    cols = [c for c in ["sentence_id", "text", "actor_id", "actor", "resolved_by"] if c in m.columns]
    return m.loc[keep, cols].reset_index(drop=True)


def method_comparison(analysis: Analysis) -> pd.DataFrame:
    """Per-actor sentiment under the main and the comparison method, side by side, with agreement."""
    alt = analysis.options.get("compare_method")
    main = analysis.options.get("sentiment_method")
    a = analysis.actors
    cols = ["actor", "mentions", "sentiment", "label"]
    out = a[cols].rename(columns={"sentiment": f"sentiment ({main})", "label": f"label ({main})"})
    if alt and f"sentiment_{alt}" in a.columns:
        out[f"sentiment ({alt})"] = a[f"sentiment_{alt}"]
        out[f"label ({alt})"] = a[f"label_{alt}"]
        out["agree"] = a["label"] == a[f"label_{alt}"]
    return out.round(3)


def mention_disagreements(analysis: Analysis) -> pd.DataFrame:
    """Mentions whose label differs between the main and the comparison method."""
    alt = analysis.options.get("compare_method")
    m = acting_mentions(analysis)
    if not alt or f"label_{alt}" not in m.columns:
        return pd.DataFrame(columns=["sentence_id", "actor", "text"])
    d = m[m["label"] != m[f"label_{alt}"]]
    s = analysis.sentences.set_index("sentence_id")["text"]
    out = d[["sentence_id", "actor", "text", "label", f"label_{alt}"]].copy()
    out["sentence"] = out["sentence_id"].map(s)
    return out.reset_index(drop=True)


def actor_evidence(analysis: Analysis, top: int = 3) -> pd.DataFrame:
    """For each actor, the mentions with the strongest sentiment and the words that drove them."""
    m = acting_mentions(analysis)
    m = m.assign(strength=m["sentiment"].abs())
    s = analysis.sentences.set_index("sentence_id")["text"]
    m = m[m["strength"] > 0].sort_values(["actor", "strength", "sentence_id"], ascending=[True, False, True])
    m = m.groupby("actor", sort=False).head(top)
    out = m[["actor", "sentence_id", "text", "sentiment", "label", "evidence"]].rename(columns={"text": "mention"})
    out["sentence"] = out["sentence_id"].map(s)
    order = {a: i for i, a in enumerate(analysis.actors["actor"])}
    out = out.assign(_o=out["actor"].map(order)).sort_values(["_o", "sentence_id"], kind="stable")
    return out.drop(columns="_o").round({"sentiment": 3}).reset_index(drop=True)


def highlight(text: str, spans: list[tuple[int, int]], *, marker: str = "**") -> str:
    """``text`` with each ``[start, end)`` span wrapped in ``marker`` (for Markdown display)."""
    out, last = [], 0
    for s, e in sorted(spans):
        if s < last:
            continue
        out += [text[last:s], marker, text[s:e], marker]
        last = e
    out.append(text[last:])
    return "".join(out)


def evidence_markdown(analysis: Analysis, actor: str, top: int = 3) -> str:
    """Markdown: the actor's strongest sentences with the driving words in bold and the mention underlined."""
    m = acting_mentions(analysis)
    m = m[m["actor"] == actor]
    m = m.assign(strength=m["sentiment"].abs()).sort_values(["strength", "sentence_id"], ascending=[False, True])
    text = analysis.article.text
    lines = []
    for row in m.head(top).itertuples():
        sent = analysis.sentences.loc[analysis.sentences.sentence_id == row.sentence_id].iloc[0]
        spans = []
        for pair in str(row.evidence_spans).split():
            a, b = (int(x) for x in pair.split(":"))
            spans.append((a - sent.start, b - sent.start))
        shown = highlight(text[sent.start : sent.end], spans)
        lines.append(f"- s{row.sentence_id} · *{row.text}* → **{row.label}** ({row.sentiment:+.2f}): {shown}")
    return f"**{actor}**\n\n" + ("\n".join(lines) if lines else "- no scored mentions")


def stance_matrix(analysis: Analysis) -> pd.DataFrame:
    """Stance scores (Goldstein scale, −10 hostile … +10 cooperative) as a source × target matrix."""
    st = analysis.stance
    if st.empty:
        return pd.DataFrame()
    m = st.pivot_table(index="source", columns="target", values="score", aggfunc="mean")
    names = sorted(set(m.index) | set(m.columns))
    return m.reindex(index=names, columns=names)


def edge_sentences(analysis: Analysis) -> pd.DataFrame:
    """Each stance event with its sentence: the evidence behind every edge."""
    ev = analysis.events
    if ev.empty:
        cols = ["source", "target", "cue", "label", "weight", "modality", "sentence_id", "sentence"]
        return pd.DataFrame(columns=cols)
    s = analysis.sentences.set_index("sentence_id")["text"]
    out = ev[["source", "target", "cue", "category", "label", "weight", "modality", "sentence_id"]].copy()
    out["sentence"] = out["sentence_id"].map(s)
    return out.sort_values(["source", "target", "sentence_id"], kind="stable").reset_index(drop=True)


def quote_table(analysis: Analysis) -> pd.DataFrame:
    """Who said what, about whom: the quotes with speaker, cue, kind and the actors they are about."""
    q = analysis.quotes
    if q.empty:
        return pd.DataFrame(columns=["sentence_id", "speaker", "cue", "kind", "text", "about"])
    names = dict(zip(analysis.actors["actor_id"], analysis.actors["actor"], strict=True))
    out = q[["sentence_id", "speaker", "cue", "kind", "text"]].copy()
    if "about_ids" in q.columns:
        out["about"] = [", ".join(names.get(i, i) for i in ids) if isinstance(ids, (tuple, list)) else ""
                        for ids in q["about_ids"]]  # fmt: skip
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- several articles


def compare_articles(results: dict[str, Analysis]) -> dict[str, pd.DataFrame]:
    """Tables comparing analyses by article name.

    Returns:
        ``sentiment``: actor × article matrix of per-actor sentiment (NaN where absent);
        ``mentions``: actor × article matrix of mention counts;
        ``unique_actors``: actors found in exactly one article;
        ``edges``: every stance edge with the articles it appears in and ``only_in`` when it is in one.
    """
    actors = pd.concat([r.actors.assign(article=name) for name, r in results.items()], ignore_index=True)
    sentiment = actors.pivot_table(index="actor", columns="article", values="sentiment", aggfunc="mean")
    mentions = actors.pivot_table(index="actor", columns="article", values="mentions", aggfunc="sum").fillna(0)
    order = mentions.sum(axis=1).sort_values(ascending=False, kind="stable").index
    sentiment, mentions = sentiment.reindex(order), mentions.reindex(order).astype(int)
    seen = (mentions > 0).sum(axis=1)
    unique = [(a, mentions.columns[mentions.loc[a] > 0][0], int(mentions.loc[a].max())) for a in seen[seen == 1].index]
    unique_actors = pd.DataFrame(unique, columns=["actor", "article", "mentions"])
    edges = pd.concat(
        [r.stance.assign(article=name) for name, r in results.items() if not r.stance.empty] or [pd.DataFrame()],
        ignore_index=True,
    )
    if not edges.empty:
        g = edges.groupby(["source", "target"], sort=True)
        edges = g.agg(
            label=("label", lambda s: "/".join(sorted(set(s)))),
            articles=("article", lambda s: ", ".join(sorted(set(s)))),
            n_articles=("article", "nunique"),
        ).reset_index()
        edges["only_in"] = edges["articles"].where(edges["n_articles"] == 1, "")
    return {"sentiment": sentiment.round(3), "mentions": mentions, "unique_actors": unique_actors, "edges": edges}


def sentiment_over_time(articles: pd.DataFrame, actors: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """Per-actor sentiment by article date for the ``top`` actors by mentions (corpus tables in, date × actor out)."""
    dated = actors.merge(articles[["article_id", "date"]], on="article_id")
    dated = dated[dated["date"].notna() & (dated["date"] != "")]
    keep = dated.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable").head(top).index
    d = dated[dated["actor"].isin(keep)]
    return d.pivot_table(index="date", columns="actor", values="sentiment", aggfunc="mean").sort_index().round(3)
