CELLS = [
    ("md", """
# 04 · Stance: who is cooperative or hostile toward whom, who said what, and where actors stand on the issues

Sentiment (notebook 03) says how the *article* portrays an actor. Stance says how the actors treat *each
other*: who criticises, threatens, invades, invites or praises whom. Each edge is built from event cues
weighted on the CAMEO/Goldstein (1992) cooperation–conflict scale, and every edge keeps its sentences.
"""),
    ("params", """
# Parameters (papermill): change article_path to analyse another article.
article_path = "../data/articles/putin-phone-call.txt"  # relative to notebooks/
article_date = None  # "YYYY-MM-DD" or None
"""),
    ("md", """
## What this notebook shows
1. the directed stance network;
2. the stance matrix;
3. the events and sentences behind each edge;
4. the quotes: who said what about whom;
5. where each actor stands on the issues.
"""),
    ("code", """
%matplotlib inline
import pandas as pd

import helpers
from helpers.reports import tables
from helpers.reports import charts as charts

pd.set_option("display.max_colwidth", 110)
charts.use_style()
result = helpers.analyze(article_path, date=article_date)
"""),
    ("md", """
## 1. The stance network
An arrow runs from the actor who acts or speaks (source) to the actor acted upon (target). Blue is
cooperative, vermillion hostile, grey neutral; thicker arrows carry more weight on the Goldstein scale
(−10 for military force … +10 for the most cooperative acts).
"""),
    ("code", """
charts.network(result.stance.assign(weight=result.stance["score"]), colour_by="label",
               title="Who is cooperative or hostile toward whom")
"""),
    ("code", """
result.stance[["source", "target", "label", "score", "n", "evidence"]]
"""),
    ("md", """
## 2. The stance matrix
Rows act on columns; the value is the mean Goldstein weight of the pair's events.
"""),
    ("code", """
charts.heatmap(tables.stance_matrix(result), title="Stance matrix (source → target)", xlabel="target",
               ylabel="source", diverging=True, vmax=10, fmt="{:+.1f}")
"""),
    ("md", """
## 3. The evidence behind each edge
Every event with its cue, CAMEO category, weight, modality (asserted, modal, conditional, negated) and sentence.
Modal and conditional events ("would", "if approved") are kept and marked, not dropped.
"""),
    ("code", """
tables.edge_sentences(result)
"""),
    ("md", """
## 4. Who said what about whom
Direct, partial and indirect quotations with their speaker and cue verb. A quote's evaluative words count as
its speaker's stance toward the actors it is about.
"""),
    ("code", """
tables.quote_table(result)
"""),
    ("md", """
## 5. Where the actors stand on the issues
Issues and their trigger terms are defined in `data/issues.yaml`; add one there for a new article.
`favor`, `against` or `conditional`, with the sentences behind each position.
"""),
    ("code", """
result.issues
"""),
    ("md", """
## How far to trust this
The rule method is measured on the DSE benchmark (who is positive or negative toward whom in news sentences,
five classes with direction): see the README and notebook 06. Edges come from single sentences: a relation
the article states across two sentences is missed, and an ironic or hypothetical statement may be read at face
value (modal and conditional ones are marked in the evidence table).
"""),
]
