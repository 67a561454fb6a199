CELLS = [
    ("md", """
# 01 · Article overview: what is this article made of, and what is its tone?

Before asking about actors we look at the article as a whole: its sections, its sentences,
and how the sentence-level tone moves through it.
"""),
    ("params", """
# Parameters (papermill): change article_path to analyse another article.
article_path = "../data/articles/putin-phone-call.txt"  # relative to notebooks/
article_date = None  # "YYYY-MM-DD" or None
"""),
    ("md", """
## What this notebook shows
1. the article's structure: sections and how many sentences each holds;
2. the sentence table, every sentence with its character offsets and two lexicon scores;
3. the sentiment arc across the article, with section boundaries;
4. polarity against subjectivity;
5. the most positive and most negative sentences;
6. where TextBlob and VADER disagree.

Sentence scores here are *whole-sentence* scores: they say nothing yet about whom a sentence is
positive or negative toward. Notebook 03 does that per actor.
"""),
    ("code", """
%matplotlib inline
import pandas as pd

import helpers
from helpers.reports import tables
from helpers.reports import charts as charts

pd.set_option("display.max_colwidth", 90)
charts.use_style()
"""),
    ("md", """
## 1. Structure
We load the article (plain text, Markdown or HTML) and split it into blocks (title, headings,
paragraphs, list items), sections and sentences. Each row of the table below is one section.
"""),
    ("code", """
article = helpers.load_article(article_path, date=article_date)
result = helpers.analyze(article)
print(f"{article.display_title}: {len(result.sentences)} sentences in {len(article.sections)} sections, "
      f"date {article.date or 'unknown'}")
tables.section_table(result)
"""),
    ("md", """
The lead (section 0) comes before the first heading. Headings are found from the text itself: `#` lines,
short lines without a full stop, and stand-alone questions such as "Putin's peace terms: what are they?".
"""),
    ("md", """
## 2. The sentence table
One row per sentence. `start` and `end` are character offsets into the article's text
(`article.text[start:end]` is the sentence), so every later score can point back at its evidence.
`polarity` (−1 to +1) and `subjectivity` (0 to 1) come from TextBlob's Pattern lexicon; `vader` is
VADER's compound score (−1 to +1).
"""),
    ("code", """
result.sentences.round(3).head(12)
"""),
    ("md", """
## 3. The sentiment arc
How does the tone move through the article? Dotted lines mark where each section starts.
"""),
    ("code", """
charts.sentiment_arc(result.sentences)
"""),
    ("md", """
The two lexicons often disagree in size and sometimes in sign: a whole-sentence score mixes the tone
toward every actor in the sentence, and the words that carry the tone are not the same in both lexicons.
"""),
    ("md", """
## 4. Polarity against subjectivity
Opinionated sentences (high subjectivity) are where an article takes sides; factual ones sit on the left.
"""),
    ("code", """
charts.polarity_subjectivity(result.sentences)
"""),
    ("md", """
## 5. The most positive and the most negative sentences (TextBlob polarity)
"""),
    ("code", """
tables.extreme_sentences(result, 3)
"""),
    ("md", """
Read these against the article: a sentence that TextBlob calls positive can be negative for the actor it is
about ("Putin's 2024 plan resembles an ultimatum more than a peace accord" scores +0.5 because of "more").
That is why the per-actor notebooks score the sentiment *toward* each actor instead.
"""),
    ("md", """
## 6. Where TextBlob and VADER disagree
Sentences where the two scores point different ways by at least 0.3: good candidates for a human look.
"""),
    ("code", """
tables.scorer_disagreements(result, 6)
"""),
    ("md", """
## How far to trust this
- Sentence segmentation passes 47 of the 48 Golden Rules of the pySBD benchmark
  (`python benchmarks/segmentation.py`); headings and list items are never merged with their neighbours.
- Whole-sentence lexicon scores agree poorly with human readers about *whom* a sentence is positive or
  negative toward: on NewsMTSC, sentence-level TextBlob reaches a macro-F1 of 0.42 and VADER 0.52 (see
  notebook 06). Use this notebook for the shape of the article, not for judgements about actors.
"""),
]
