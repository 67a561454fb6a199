CELLS = [
    ("md", """
# 06 · Validation: how far can we trust the numbers?

Every figure in the other notebooks comes from rules and small models. Here they meet human judgement: our own
reading of the seed article (gold files in `data/gold/`, scored live) and public benchmarks with human labels
(results committed in `benchmarks/results/`, reproduced by the commands in the README; this notebook does not
need the benchmark data to run).
"""),
    ("params", """
# Parameters (papermill)
sentiment_method = "default"  # the per-mention method the pipeline uses
stance_method = "rules"  # the method behind the pipeline's stance tables (it explains itself)
"""),
    ("md", """
## What this notebook shows
1. per-actor sentiment on our hand-labelled seed sentences: confusion matrix and scores;
2. stance on our hand-labelled seed relations;
3. NewsMTSC: sentiment toward a person in news, every method beside the published anchors;
4. DSE: directed stance between two entities in news;
5. actor detection, sentence segmentation and speed.
"""),
    ("code", """
import pandas as pd

from helpers.reports import evaluate as evaluate

pd.set_option("display.max_colwidth", 90)
"""),
    ("md", """
## 1. Seed article, sentiment toward actors (our own labels)
Each row of `data/gold/seed_sentiment.csv` is a sentence, a target mention and the label a careful reader gives,
with the reasoning. The method is scored on it now.
"""),
    ("code", """
gold = evaluate.seed_sentiment_gold(sentiment_method)
print(evaluate.macro_f1(gold["gold"], gold["predicted"], evaluate.SENTIMENT_LABELS))
evaluate.confusion(gold["gold"], gold["predicted"], evaluate.SENTIMENT_LABELS)
"""),
    ("code", """
gold[gold["gold"] != gold["predicted"]]
"""),
    ("md", """
The rows above are the method's mistakes on the seed article: read them before trusting a per-actor score.
"""),
    ("md", """
## 2. Seed article, stance between actors (our own labels)
Each row of `data/gold/seed_stance.csv` is a sentence, a source and a target actor and the relation a careful
reader sees. Scored with the rule method, which builds the pipeline's stance tables.
"""),
    ("code", """
sgold = evaluate.seed_stance_gold(stance_method)
print(evaluate.macro_f1(sgold["gold"], sgold["predicted"], evaluate.STANCE_LABELS))
evaluate.confusion(sgold["gold"], sgold["predicted"], evaluate.STANCE_LABELS)
"""),
    ("md", """
## 3. NewsMTSC: sentiment toward a person (macro-F1, human labels)
11k sentences from US news, five readers each (Hamborg & Donnay, EACL 2021). test-rw follows the real-world
distribution; test-mt has two or more targets per sentence. Published anchors: a fine-tuned RoBERTa reaches
0.83, human agreement about 0.86, sentence-level TextBlob 0.42, VADER 0.52.
"""),
    ("code", """
evaluate.newsmtsc_table()
"""),
    ("md", """
## 4. DSE: who is positive or negative toward whom (macro-F1 over five directed classes)
Park, Pan & Joo (Findings of ACL 2021). Always-neutral scores 0.16; a bag-of-words logistic regression 0.64.
"""),
    ("code", """
evaluate.dse_table()
"""),
    ("md", """
## 5. Actors, segmentation, speed
Actor detection on NewsMTSC test-rw: the share of named target mentions we find, and the share of pronouns
attached to the right actor. Speed on 291 Wikinews articles (`benchmarks/throughput.py`).
"""),
    ("code", """
evaluate.summary_figures()
"""),
    ("md", """
## How far to trust this
- Per-actor sentiment agrees with human readers at the macro-F1 shown in section 3; that is well above
  whole-sentence lexicon scores but below a fine-tuned transformer and human agreement. Individual mentions
  are often wrong; averages over many mentions are more reliable, which is why notebook 03 shows intervals.
- Stance edges come from single sentences and explicit cues; section 4 measures how often the direction and
  sign are right on news sentences.
- The seed gold files are small and written by the developers: they catch regressions and show typical
  errors, they do not measure accuracy in general.
"""),
]
