CELLS = [
    ("md", """
# 05 · Comparing articles: the same actors, told differently

Analysts rarely read one article alone. Here several articles are analysed with the same pipeline and put
side by side: how each portrays the actors they share, which relations appear in one and not another,
which actors only one article mentions. The last section runs a small corpus and follows actors over time.
"""),
    ("params", """
# Parameters (papermill): the articles to compare, relative to notebooks/.
article_paths = [
    "../data/articles/putin-phone-call.txt",
    "../data/articles/nato-summit-unity.txt",
    "../data/articles/sudan-ceasefire-talks.md",
    "../data/articles/eu-china-trade.html",
]
article_date = None  # one date for all articles without their own, or None
corpus_path = "../data/corpus/sample_news.jsonl"  # a small bundled corpus (synthetic articles)
"""),
    ("md", """
## What this notebook shows
1. per-actor sentiment across articles;
2. how often each actor appears in each;
3. actors unique to one article;
4. stance edges that appear in one article and not another;
5. a corpus: per-actor sentiment over time.
"""),
    ("code", """
%matplotlib inline
import pandas as pd

import helpers
from helpers.reports import tables
from helpers.reports import charts as charts

pd.set_option("display.max_colwidth", 80)
charts.use_style()
results = {helpers.load_article(p).name: helpers.analyze(p, date=article_date) for p in article_paths}
compared = tables.compare_articles(results)
{name: len(r.sentences) for name, r in results.items()}
"""),
    ("md", """
## 1. Per-actor sentiment across articles
Rows are actors (most mentioned first), columns articles; blank where an article does not mention the actor.
"""),
    ("code", """
charts.heatmap(compared["sentiment"].head(15), title="Sentiment toward each actor, by article", xlabel="article",
               ylabel="actor", diverging=True, vmax=1, fmt="{:+.2f}")
"""),
    ("md", """
## 2. Mentions per article
"""),
    ("code", """
compared["mentions"].head(15)
"""),
    ("md", """
## 3. Actors unique to one article
"""),
    ("code", """
compared["unique_actors"].head(20)
"""),
    ("md", """
## 4. Stance edges: shared and unique
Each directed relation with the articles it appears in; `only_in` names the article when just one has it.
"""),
    ("code", """
compared["edges"]
"""),
    ("md", """
## 5. A corpus over time
`helpers.analyze_corpus` runs the same analysis over many articles (a folder, a JSONL or CSV file) and
returns the same tables with an `article_id` column. The bundled corpus is a dozen short synthetic articles
dated over a few months; for thousands of articles use `engine="processes"` or `engine="dask"`.
"""),
    ("code", """
corpus = helpers.analyze_corpus(corpus_path, engine="local", progress=False)
corpus.articles[["article_id", "date", "title", "n_sentences", "n_actors", "top_actor"]]
"""),
    ("code", """
over_time = tables.sentiment_over_time(corpus.articles, corpus.actors, top=5)
charts.lines_over_time(over_time, title="Sentiment toward the most mentioned actors, by article date",
                       ylabel="mean sentiment toward the actor")
"""),
    ("md", """
## How far to trust this
Differences between articles are only as reliable as each article's scores (see notebooks 03, 04 and 06).
A difference carried by one or two mentions is anecdote, not a pattern: check the mention counts in step 2.
"""),
]
