"""Read the news actor by actor: who the actors are, how the article portrays each, where they stand.

The public API is listed in ``__all__``; everything else is reached by module path
(``helpers.article``, ``helpers.segment``, ``helpers.actors``, ``helpers.sentiment``,
``helpers.stance``, ``helpers.corpus``, ``helpers.charts``, ...).
"""

from helpers.analysis import Analysis, analyze
from helpers.article import Article, load_article
from helpers.errors import ArticleError, HelpersError
from helpers.segment import split_sentences

__all__ = [
    "Analysis",
    "Article",
    "ArticleError",
    "HelpersError",
    "analyze",
    "load_article",
    "split_sentences",
]
