"""Where the project's files live, resolved from the package, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

from helpers.resources import data_dir

#: The source checkout's root (``src/helpers/config.py`` -> two levels up from ``src``); tools and tests use it.
ROOT = Path(__file__).resolve().parents[2]
#: Analyst-editable data: gazetteer, lexicons, cue lists, issues, sample articles, gold files
#: (``HELPERS_DATA_DIR``, else the data installed with the package, else the checkout's ``data/``).
DATA_DIR = data_dir()
ARTICLES_DIR = DATA_DIR / "articles"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
LEXICON_DIR = DATA_DIR / "lexicons"
GOLD_DIR = DATA_DIR / "gold"
MODELS_DIR = DATA_DIR / "models"
#: The seed article, the project's default input.
DEFAULT_ARTICLE = ARTICLES_DIR / "putin-phone-call.txt"
#: Shared evaluation data sets (read-only, never committed); override with HELPERS_SHARED_DIR.
SHARED_DIR = Path(os.environ.get("HELPERS_SHARED_DIR", ROOT.parent / "shared"))
NEWSMTSC_DIR = SHARED_DIR / "newsmtsc"
DSE_DIR = SHARED_DIR / "dse"
WIKINEWS_FILE = SHARED_DIR / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl"
#: Largest article accepted, in characters (override with HELPERS_MAX_CHARS).
MAX_ARTICLE_CHARS = int(os.environ.get("HELPERS_MAX_CHARS", 2_000_000))
