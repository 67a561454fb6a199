"""One article in, tidy tables out: the :class:`Analysis` object and :func:`analyze`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.article import Article, load_article
from helpers.segment import sentence_spans

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
        options: the options the analysis ran with (date, methods).
    """

    article: Article
    sentences: pd.DataFrame
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    actors: pd.DataFrame = field(default_factory=pd.DataFrame)
    stance: pd.DataFrame = field(default_factory=pd.DataFrame)
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)
    options: dict[str, Any] = field(default_factory=dict)

    TABLES = ("sentences", "mentions", "actors", "stance", "quotes")

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
            "author": a.author,
            "source": a.source,
            "format": a.format,
            "characters": len(a.text),
            "sections": len(a.sections),
            "sentences": len(self.sentences),
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-ready data: ``article``, ``options`` and one list of rows per table."""
        from helpers.export import to_records

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


def sentence_table(article: Article) -> pd.DataFrame:
    """One row per sentence, found block by block so headings and list items stay separate."""
    rows = []
    headings = {s.index: s.heading for s in article.sections}
    for block in article.blocks:
        for start, end in sentence_spans(article.text, block.start, block.end):
            sent = article.text[start:end]
            pol, subj, vad = sentence_scores(sent)
            rows.append((block.section, headings.get(block.section), block.kind, start, end, sent, pol, subj, vad))
    df = pd.DataFrame(rows, columns=SENTENCE_COLUMNS[1:])
    df.insert(0, "sentence_id", range(len(df)))
    df["heading"] = df["heading"].astype(object).where(df["heading"].notna(), None)
    return df.astype({"sentence_id": int, "section": int, "start": int, "end": int})


def analyze(
    article: Article | str | Path,
    *,
    date: str | dt.date | None = None,
) -> Analysis:
    """Analyse one article (an :class:`Article`, or a path to load) into tidy tables.

    Args:
        article: the article, or a path to a ``.txt``/``.md``/``.html`` file.
        date: the article's date, for dated titles ("the U.S. president"); overrides the article's own.

    Raises:
        ArticleError: the path cannot be read as an article.
    """
    if not isinstance(article, Article):
        article = load_article(article, date=date)
    elif date is not None:
        from dataclasses import replace

        from helpers.article import _parse_date

        article = replace(article, date=_parse_date(date))
    sentences = sentence_table(article)
    from helpers.article import language_warning

    options = {
        "date": article.date.isoformat() if article.date else None,
        "language_warning": language_warning(article.text),
    }
    return Analysis(article=article, sentences=sentences, options=options)


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
