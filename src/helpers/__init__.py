"""Read the news actor by actor: who the actors are, how the article portrays each, where they stand.

The public API is listed in ``__all__``. The subpackages read as the pipeline (see ``helpers.pipeline``):
``text`` (article, sentences, the parsed document) -> ``actors`` (mentions, quotes) -> ``sentiment``
(per mention, per actor) -> ``stance`` (between actors, on issues) -> ``reports`` (tables, charts, report).
"""

from helpers.corpus import CorpusResult, analyze_corpus
from helpers.errors import ArticleError, HelpersError
from helpers.pipeline import Analysis, analyze
from helpers.sentiment import score_target, score_targets
from helpers.stance.network import stance_between
from helpers.text.article import Article, load_article
from helpers.text.segment import split_sentences

__all__ = [
    "Analysis",
    "Article",
    "ArticleError",
    "CorpusResult",
    "HelpersError",
    "analyze",
    "analyze_corpus",
    "load_article",
    "score_target",
    "score_targets",
    "split_sentences",
    "stance_between",
]
