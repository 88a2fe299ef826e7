"""Issue 26 item 5: the store's events carry their fatalities as a column (schema version 3), computed by the
one function the ACLED-style CSV uses, and a version 2 store (SQLite or PostgreSQL) is migrated to it."""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine, text
from stores import corpus, empty_db, fill  # noqa: F401 - empty_db is a fixture

from frontline.store.backend import open_store
from frontline.store.query import Catalog
from frontline.store.schema import SCHEMA_VERSION
from frontline.vocab.counts import fatalities


def _expected() -> dict[str, int]:
    return {e.event_id: fatalities(e) for r in corpus() for e in r.events}


def _stored(db: str) -> dict[str, int]:
    url = db if db.startswith("postgresql") else f"sqlite:///{db}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            return dict(conn.execute(text("SELECT event_id, fatalities FROM events")).all())
    finally:
        engine.dispose()


def test_the_column_holds_what_the_csv_counts(empty_db):  # noqa: F811 - the fixture
    fill(empty_db)
    stored = _stored(empty_db)
    assert stored == _expected() and sum(stored.values()) == 13


def test_a_version_2_store_is_migrated(empty_db):  # noqa: F811 - the fixture
    fill(empty_db)
    url = empty_db if empty_db.startswith("postgresql") else f"sqlite:///{empty_db}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:     # make it look as version 2 wrote it
        conn.execute(text("ALTER TABLE events DROP COLUMN fatalities"))
        conn.execute(text("ALTER TABLE events DROP COLUMN background"))
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    engine.dispose()
    with open_store(empty_db):      # the write path migrates
        pass
    assert _stored(empty_db) == _expected()
    with Catalog(empty_db) as c:    # and the read path accepts the result
        assert c.events().total == 12
    if not empty_db.startswith("postgresql"):
        with sqlite3.connect(empty_db) as conn:
            assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
                SCHEMA_VERSION)
