"""Shared fixtures: the pipeline (model + gazetteer) is loaded once per test session."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

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


_WRITE_TIMES = ("ingested_at", "stored_at", "retracted_at")


@pytest.fixture(scope="session")
def store_content():
    """store_content(db) -> every table's rows in key order, without the times rows were written."""

    def _content(db: Path) -> dict[str, list[tuple]]:
        conn = sqlite3.connect(db)
        out = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in _WRITE_TIMES]
            names = ", ".join(columns)
            out[table] = conn.execute(f"SELECT {names} FROM {table} ORDER BY {names}").fetchall()
        conn.close()
        return out

    return _content
