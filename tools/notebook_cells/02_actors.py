CELLS = [
    ("md", """
# 02 · Actors: who is in this article, under which names?

People, states and organisations appear under many names: "Moscow", "the Kremlin" and "Russian officials"
all stand for Russia; "the then-President of the United States" is Joe Biden; "he" is whoever the sentence
before was about. Every later score is only as good as this step.
"""),
    ("params", """
# Parameters (papermill): change article_path to analyse another article.
article_path = "../data/articles/putin-phone-call.txt"  # relative to notebooks/
article_date = None  # "YYYY-MM-DD": dated titles ("the U.S. president") resolve to the holder at that date
"""),
    ("md", """
## What this notebook shows
1. who appears and how often;
2. how each mention was resolved (mention text → actor, and by which rule), and the article annotated;
3. names that are not actors here: places, modifiers, picture credits;
4. titles and offices, and what the article's date changes;
5. where each actor appears through the article;
6. which actors appear together.
"""),
    ("code", """
%matplotlib inline
import pandas as pd

import helpers
from helpers.reports import tables
from helpers.reports import charts as charts

pd.set_option("display.max_colwidth", 80)
charts.use_style()
"""),
    ("md", """
## 1. Who appears, and how often
Mentions count every name, alias, demonym ("Russian"), capital or seat ("Moscow", "the Kremlin"), title
("the then-President"), group ("protesters", "Hong Kong police") and pronoun resolved to the actor, read on
spaCy's parse of the article. Actors missing from the gazetteer come from spaCy's named-entity recogniser,
with ids starting `new:`; groups have ids starting `group:`.
"""),
    ("code", """
result = helpers.analyze(article_path, date=article_date)
result.actors[["actor_id", "actor", "type", "mentions", "first_sentence", "resolved_by"]]
"""),
    ("code", """
charts.mention_counts(result.actors)
"""),
    ("md", """
## 2. How each mention was resolved
One row per distinct mention text and actor. `resolved_by` names the rule: `gazetteer`/`alias` (a known name),
`demonym`, `metonym` (a capital or seat of government), `office`/`title`, `definite` ("the government"),
`group`, `pronoun`, `surname`, `ner` (a name found by the recogniser).
"""),
    ("code", """
tables.resolution_table(result)
"""),
    ("md", """
### The article, annotated
Each mention is highlighted in the colour of how its sentence speaks of the actor (vermillion negative,
grey neutral, blue positive); places are outlined; stance cues are underlined; quotations are in italics.
Hover over a name to see the actor and the score.
"""),
    ("code", """
from IPython.display import HTML
from helpers.reports.annotate import annotated_html

HTML(annotated_html(result))
"""),
    ("md", """
## 3. Named, but not acting: places and modifiers
A state or city named only as a place ("flights to Spain", "in Ottawa"), a nationality describing a thing
("an Irish pub"), a name inside another name's description ("Cabinet officers") or a picture credit is kept
here, apart: it makes no actor row and is not scored.
"""),
    ("code", """
tables.place_mentions(result)
"""),
    ("md", """
## 4. Titles, offices and the article's date
A title such as "the new U.S. president" names whoever held the office *at the article's date*. When the
date is unknown, the mention goes to the office itself (an actor such as "President of the United States"),
never to a guessed person. Set `article_date` in the parameters cell to resolve it to a person.
"""),
    ("code", """
print("article date:", result.options["date"] or "unknown")
tables.office_mentions(result)
"""),
    ("md", """
With a date, the same mentions resolve to the office holder. For example, on 15 February 2025:
"""),
    ("code", """
dated = helpers.analyze(article_path, date=article_date or "2025-02-15")
tables.office_mentions(dated)
"""),
    ("md", """
## 5. Where each actor appears through the article
Mentions per actor (rows) and section (columns; §0 is the lead before the first heading).
"""),
    ("code", """
charts.heatmap(tables.actor_section_matrix(result), title="Mentions by section",
               xlabel="section", ylabel="actor")
"""),
    ("md", """
## 6. Which actors appear together
Two actors are linked when a sentence names both; the line is thicker the more sentences they share.
"""),
    ("code", """
pairs = tables.co_mentions(result)
charts.network(pairs, weight="weight", directed=False, title="Actors named in the same sentence")
"""),
    ("code", """
pairs.sort_values(["weight", "source"], ascending=[False, True]).head(10).reset_index(drop=True)
"""),
    ("md", """
## How far to trust this
- On NewsMTSC test-rw (1,146 target mentions in US political news), the share of named targets covered by a
  detected mention and the share of pronouns attached to their target's actor are measured by
  `python benchmarks/actors_newsmtsc.py` (figures in the README and notebook 06).
- On 16 hand-annotated Wikinews articles (`python ../shared/gold/score_articles.py`) the actor table's
  precision and recall are in the README.
- Known limits: pronoun links look at the sentence and the two before; spaCy's small model misses or mislabels
  some names (an unusual surname may come out as an organisation); groups named without a place ("the police")
  are one actor per article.
"""),
]
