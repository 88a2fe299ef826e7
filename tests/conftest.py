"""Shared fixtures: the pipeline (model + gazetteer) is loaded once per test session."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.models import RawArticle
from frontline.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="session")
def run(pipeline):
    """Extract the events of one text: run('...', '2022-06-25') -> ArticleResult."""

    def _run(text: str, published: str | None = "2022-06-25"):
        date = dt.date.fromisoformat(published) if published else None
        return pipeline.process(RawArticle(text=text, published=date))

    return _run
