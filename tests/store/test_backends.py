"""The store interface on both back ends: SQLite (frontline.store.sqlite) and PostgreSQL (frontline.store.postgres)."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from stores import corpus, empty_db, fill  # noqa: F401 - empty_db is a fixture

from frontline import api
from frontline.errors import StoreError
from frontline.store.backend import is_postgres, open_store, redact
from frontline.store.postgres import PgStore
from frontline.store.schema import SCHEMA_VERSION, metadata
from frontline.store.sqlite import SqliteStore as Store


def test_names_tell_the_back_ends_apart():
    assert is_postgres("postgresql://u:p@h/db") and is_postgres("postgres://h/db")
    assert not is_postgres("frontline.db") and not is_postgres("/data/postgresql.db")
    assert redact("postgresql://u:secret@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert redact("frontline.db") == "frontline.db"


def test_writes_are_idempotent_and_report_what_changed(empty_db):  # noqa: F811 - the fixture
    a1 = corpus()[0]
    with open_store(empty_db) as store:
        first = store.write(a1)
        assert first.inserted == 1 + len(a1.events) and not first.updated
        again = store.write(a1)
        assert not again.changed and again.unchanged == 1 + len(a1.events)
        fewer = store.write(dataclasses.replace(a1, events=a1.events[:1]))
        assert fewer.deleted == len(a1.events) - 1


def test_both_back_ends_hold_the_same(tmp_path, empty_db):  # noqa: F811 - the fixture
    sqlite_db = str(tmp_path / "same.db")
    fill(sqlite_db)
    fill(empty_db)
    with Store(sqlite_db) as lite, open_store(empty_db) as other:
        assert sorted(lite.results(), key=lambda r: r.article.article_id) == sorted(
            other.results(), key=lambda r: r.article.article_id)
        assert lite.summary() == other.summary()
        assert lite.counts() == other.counts()
        assert lite.corpus_counts() == other.corpus_counts()
        assert lite.fused_events() == other.fused_events()
        assert lite.timeline("Sievierodonetsk") == other.timeline("sievierodonetsk") is not None
        assert lite.events(event_type="shelling", place="donetsk") == other.events(event_type="shelling",
                                                                                  place="donetsk")
        assert lite.article("a1") == other.article("a1")
        assert lite.article_meta(["a1", "c5"]) == other.article_meta(["a1", "c5"])


def test_sqlite_tables_match_the_sqlalchemy_definitions(tmp_path):
    db = tmp_path / "cols.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        for table in metadata.sorted_tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table.name})")]
            assert columns == [c.name for c in table.columns], table.name
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    assert {i.name for table in metadata.sorted_tables for i in table.indexes} <= indexes


def test_postgres_of_another_version_is_refused(empty_db):  # noqa: F811 - the fixture
    if not is_postgres(empty_db):
        pytest.skip("the SQLite case is tests/store/test_store.py::test_other_schema_version")
    PgStore(empty_db).close()
    from sqlalchemy import create_engine, text
    engine = create_engine(empty_db.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '0' WHERE key = 'schema_version'"))
    engine.dispose()
    with pytest.raises(StoreError, match=f"schema version 0, this frontline reads version {SCHEMA_VERSION}"):
        PgStore(empty_db)


def test_unreachable_postgres_says_what_to_do():
    with pytest.raises(StoreError, match="check that PostgreSQL is running"):
        PgStore("postgresql://nobody:pw@127.0.0.1:1/none")
    with pytest.raises(StoreError) as info:
        PgStore("postgresql://nobody:hunter2@127.0.0.1:1/none")
    assert "hunter2" not in str(info.value)


def test_postgres_keeps_the_derived_tables_state(empty_db):  # noqa: F811 - the fixture
    if not is_postgres(empty_db):
        pytest.skip("the SQLite store's counterparts are tested with it")
    fill(empty_db)
    with PgStore(empty_db) as store:
        fused, timelines = store.fused_events(), store.corpus_counts()["timelines"]
        store.mark_derived_stale()
        assert store.derived_stale()
    report = api.repair(empty_db)
    assert report.was_stale and report.fused_events == len(fused)
    with PgStore(empty_db) as store:
        assert not store.derived_stale()
        assert store.fused_events() == fused and store.corpus_counts()["timelines"] == timelines
