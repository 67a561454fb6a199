"""The project's exceptions: one vocabulary for everything that can go wrong.

Library errors (decoding, HTML parsing, file system) are caught at the boundary
and re-raised as one of these, with a message that says what is wrong and what
to do about it. The CLI prints ``str(error)`` on one line and exits with 2.
"""

from __future__ import annotations


class HelpersError(Exception):
    """Base class of every error this package raises on purpose."""


class ArticleError(HelpersError, ValueError):
    """An article cannot be read: missing, not text, empty, too large, or no article body."""


class DataError(HelpersError):
    """A data file shipped with the project (gazetteer, lexicon, model) is missing or malformed."""


class SpanError(HelpersError, ValueError):
    """A character span is not a ``[start, end)`` pair inside its text, is empty, or overlaps another it must not."""


class MethodError(HelpersError, ValueError):
    """An unknown method or engine name was asked for."""


class DatasetMissing(HelpersError, FileNotFoundError):
    """An evaluation or training data set (NewsMTSC, DSE, Wikinews) is not where it was looked for."""
