"""Shared fixtures: the seed article and its analysis, loaded once per session."""

from __future__ import annotations

import pytest

from helpers import config


@pytest.fixture(scope="session")
def seed_path():
    return config.DEFAULT_ARTICLE


@pytest.fixture(scope="session")
def seed_article(seed_path):
    from helpers import load_article

    return load_article(seed_path)


@pytest.fixture(scope="session")
def seed_analysis(seed_article):
    from helpers import analyze

    return analyze(seed_article)


def shared_or_skip(path, what: str):
    """Skip the calling test with a message when a ../shared data set is absent."""
    if not path.exists():
        pytest.skip(f"{what} not found at {path}: skipped (put ../shared beside the repo to run it)")
    return path
