CELLS = [
    ("md", """
# 03 · Sentiment per actor: how does the article portray each of them?

A sentence can be negative about one actor and positive about another: "Declaring Putin as a “pure thug”…,
Joe Biden … made his position rather clear" is hostile to Putin, not to Biden. So we score the sentiment
*toward each mention* and aggregate per actor, keeping the words that drive each score.
"""),
    ("params", """
# Parameters (papermill): change article_path to analyse another article.
article_path = "../data/articles/putin-phone-call.txt"  # relative to notebooks/
article_date = None  # "YYYY-MM-DD" or None
sentiment_method = "default"  # see helpers.sentiment.methods()
compare_method = "textblob"  # the transparent lexicon method, shown beside the main one
"""),
    ("md", """
## What this notebook shows
1. per-actor sentiment with 95% intervals;
2. the main method and the TextBlob-based method side by side, and where they disagree;
3. the evidence behind each actor's score: sentences with the driving words;
4. the distribution of mention labels per actor.
"""),
    ("code", """
%matplotlib inline
import pandas as pd
from IPython.display import Markdown

import helpers
from helpers.reports import tables
from helpers.reports import charts as charts

pd.set_option("display.max_colwidth", 100)
charts.use_style()
"""),
    ("code", """
result = helpers.analyze(article_path, date=article_date, sentiment_method=sentiment_method,
                         compare_method=compare_method)
print("method:", result.options["sentiment_method"], "· compared with:", result.options["compare_method"])
"""),
    ("md", """
## 1. How the article portrays each actor
Each mention gets a score from −1 to +1 (with the default method, the probability of a positive reading minus
that of a negative one). The actor's portrayal adds them up explicitly: a victim's misfortune ("was attacked")
and a critic's own criticism weigh less against them, and the label stays neutral unless the mentions clearly
lean one way (`portrayal_basis` says how many did). The bar's whiskers are a 95% bootstrap interval over the
mentions: an actor mentioned twice gets a wide interval, one mentioned twenty times a narrow one. An actor
with a single mention gets the whole range: one sentence is not a portrait.
"""),
    ("code", """
actors = result.actors.set_index("actor")
charts.label_bars(actors["sentiment"], actors["ci_low"], actors["ci_high"], labels=actors["label"],
                  title="Sentiment toward each actor (95% interval)",
                  xlabel="mean sentiment toward the actor, −1 to +1")
"""),
    ("code", """
result.actors[["actor", "mentions", "sentiment", "ci_low", "ci_high", "label", "portrayal_basis"]].round(2)
"""),
    ("md", """
## 2. Methods side by side
The main method and the TextBlob-based lexicon method (TextBlob's lexicon plus a news lexicon, with
negation, clause and quote scope, and the target masked), per actor and per mention.
"""),
    ("code", """
tables.method_comparison(result)
"""),
    ("code", """
tables.mention_disagreements(result).head(10)
"""),
    ("md", """
## 3. The evidence behind each score
For each actor, the mentions with the strongest sentiment and the words behind them (weights in brackets;
the mention itself is never counted as evidence). The default `model` method is a small transformer that
reads the whole sentence; its evidence column lists the lexicon words that point the way of its label.
Below, occlusion shows which words the model itself leans on: each word is blanked in turn and the drop in
the probability of the label is its weight.
"""),
    ("code", """
tables.actor_evidence(result, top=2)
"""),
    ("code", """
tables.model_evidence(result, actors=3) if result.options["sentiment_method"] == "model" else None
"""),
    ("md", """
The same evidence in context for the three most mentioned actors, driving words in bold:
"""),
    ("code", """
Markdown("\\n\\n".join(tables.evidence_markdown(result, a, top=3) for a in result.actors["actor"].head(3)))
"""),
    ("md", """
## 4. How the mentions split
"""),
    ("code", """
charts.label_distribution(result.actors)
"""),
    ("md", """
## How far to trust this
Measured on NewsMTSC (human labels of sentiment toward a person in news sentences; macro-F1 over
negative/neutral/positive): see notebook 06 and the README for each method's figure next to the published
state of the art (0.83) and human agreement (about 0.86). Per-actor scores inherit those errors: read the
evidence before quoting a number, and distrust any actor with a wide interval.
"""),
]
