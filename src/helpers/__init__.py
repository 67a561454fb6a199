"""Read the news actor by actor: who the actors are, how the article portrays each, where they stand.

The public API is listed in ``__all__``; everything else is reached by module path
(``helpers.article``, ``helpers.segment``, ``helpers.actors``, ``helpers.sentiment``,
``helpers.stance``, ``helpers.quotes``, ``helpers.issues``, ``helpers.corpus``, ``helpers.charts``, ...).
"""

from helpers.analysis import Analysis, analyze
from helpers.article import Article, load_article
from helpers.corpus import CorpusResult, analyze_corpus
from helpers.errors import ArticleError, HelpersError
from helpers.segment import split_sentences
from helpers.sentiment import score_target, score_targets
from helpers.stance import stance_between

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
