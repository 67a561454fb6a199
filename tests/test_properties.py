"""Property-based tests (hypothesis) over random text, article structures and HTML.

Properties: no exception other than the project's own ``ArticleError``; every span lies inside the
text and ``text[start:end]`` equals the stored text; scores within their ranges; labels from their
fixed sets; the same input gives the same output. ``make test`` runs the small "ci" profile;
``python benchmarks/fuzz.py`` runs the "thorough" one (10,000+ cases).
"""

from __future__ import annotations

import os

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import helpers
from helpers import ArticleError

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=3400, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

LABELS = {
    "label": {"negative", "neutral", "positive", "cooperative", "hostile", "favor", "against", "conditional"},
}
RANGES = {"polarity": (-1, 1), "subjectivity": (0, 1), "vader": (-1, 1), "sentiment": (-1, 1), "score": (-10, 10)}

WORDS = st.sampled_from(
    "Russia Ukraine Putin Biden Moscow Kyiv NATO the a said “ ” \" ' . , ? ! - U.S. president "
    "he she they talks war peace denounced praised invaded Mr. Dr. 3.5 2024 # * \n \n\n — … ’s".split(" ")
)
WORDY_TEXT = st.lists(WORDS, min_size=1, max_size=80).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), WORDY_TEXT)


def check_analysis(result: helpers.Analysis) -> None:
    text = result.article.text
    for name, df in result.tables().items():
        assert isinstance(df, pd.DataFrame), name
        for col in ("start", "end"):
            if col in df.columns and len(df):
                assert df[col].between(0, len(text)).all(), (name, col)
        if {"start", "end", "text"} <= set(df.columns):
            for row in df.itertuples():
                assert row.start <= row.end
                assert text[row.start : row.end] == row.text, name
        for col, allowed in LABELS.items():
            if col in df.columns:
                assert set(df[col].dropna()) <= allowed, (name, col)
        for col, (lo, hi) in RANGES.items():
            if col in df.columns and pd.api.types.is_numeric_dtype(df[col]):
                assert df[col].dropna().between(lo, hi).all(), (name, col)


def analyse_or_reject(text: str, **kwargs):
    try:
        article = helpers.load_article(text=text, **kwargs)
    except ArticleError as exc:
        assert str(exc)
        return None
    return helpers.analyze(article)


@given(ANY_TEXT)
def test_random_text(text):
    result = analyse_or_reject(text)
    if result is not None:
        check_analysis(result)


@given(WORDY_TEXT)
def test_deterministic(text):
    a, b = analyse_or_reject(text), analyse_or_reject(text)
    if a is not None:
        for name in a.TABLES:
            pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


BLOCK = st.one_of(
    WORDY_TEXT.map(lambda t: "# " + t.replace("\n", " ")),
    WORDY_TEXT.map(lambda t: "- " + t.replace("\n", " ")),
    WORDY_TEXT,
    st.just(""),
)


@given(st.lists(BLOCK, min_size=1, max_size=12), st.sampled_from(["text", "markdown"]))
def test_random_structure(blocks, fmt):
    text = "\n".join(blocks)
    result = analyse_or_reject(text, format=fmt)
    if result is not None:
        art = result.article
        for b in art.blocks:
            assert art.text[b.start : b.end] == b.text
        check_analysis(result)


TAGS = st.sampled_from(["p", "div", "h1", "h2", "li", "script", "style", "nav", "footer", "article", "span", "b"])


@st.composite
def random_html(draw):
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        tag = draw(TAGS)
        body = draw(st.one_of(WORDY_TEXT, st.text(max_size=60)))
        closed = draw(st.booleans())
        parts.append(f"<{tag}>{body}" + (f"</{tag}>" if closed else ""))
    return "<html><body>" + "".join(parts) + draw(st.sampled_from(["</body></html>", "", "<"]))


@given(random_html())
def test_random_html(html):
    result = analyse_or_reject(html, format="html")
    if result is not None:
        check_analysis(result)
