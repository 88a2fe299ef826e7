"""The store interface on both back ends: SQLite (frontline.store.sqlite) and PostgreSQL (frontline.store.postgres)."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from stores import corpus, empty_db, fill  # noqa: F401 - empty_db is a fixture

from frontline import api
from frontline.errors import StoreError
from frontline.evaluation.ucdp import read_ucdp
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


def _same_corpus(folder):
    """Two sample articles with their teaser and spun copies, a hand-written report of the same day and place, and
    a slice of UCDP headlines (the real text of many small reports) as one JSONL file."""
    import json
    import shutil
    from pathlib import Path

    root = Path(__file__).parent.parent.parent
    samples, copies = root / "src" / "frontline" / "data" / "samples", root / "tests" / "data" / "copies" / "articles"
    for stem in ("003_6ac94ade45329e36", "000_a3d27e25a3327336"):
        shutil.copy(samples / f"{stem}.txt", folder / f"{stem}.txt")
        for kind in ("teaser", "spun"):
            shutil.copy(copies / f"{stem}.{kind}.txt", folder / f"{stem}.{kind}.txt")
    shutil.copy(copies / "sievierodonetsk_azot_shelling.txt", folder / "azot.txt")
    from shared_data import shared_path
    ucdp = shared_path("data", "ucdp", "ucdp_ged_ukraine_dev.csv")
    if ucdp is None:        # no shared data beside this checkout: the samples and their copies alone
        return
    with (folder / "ucdp.jsonl").open("w", encoding="utf-8") as out:
        for r in read_ucdp(ucdp, years=(2022, 2023), limit=40):
            out.write(json.dumps({"id": r.id, "text": r.text, "published": r.published.isoformat()}) + "\n")


def _store_state(store):
    results = sorted(store.results(documents=False, mentions=False), key=lambda r: r.article.article_id)
    ids = [r.article.article_id for r in results]
    return {"events": sorted((e for r in results for e in r.events), key=lambda e: e.event_id),
            "copies": {i: store.original_of(i) for i in ids},
            "fused": sorted(store.fused_events(), key=lambda f: f.fused_id),
            "counts": store.corpus_counts()}


def test_the_same_corpus_ingested_into_both_back_ends_gives_the_same_store(tmp_path, pipeline):
    """Issue 25: on PostgreSQL copies were never found (its fingerprints lost their numbers, days, places, exact
    hash): 0 copies and 3 times the events where SQLite had 2 copies."""
    from stores import drop_postgres, empty_postgres

    from frontline.runner import InProcess
    folder = tmp_path / "corpus"
    folder.mkdir()
    _same_corpus(folder)
    url = empty_postgres()
    try:
        states = []
        for db in (str(tmp_path / "lite.db"), url):
            report = api.ingest([folder], db, pipeline=pipeline, runner=InProcess(pipeline))
            assert report.failed == 0
            with open_store(db) as store:
                states.append(_store_state(store))
        lite, pg = states
        assert sum(1 for v in lite["copies"].values() if v) >= 3      # the teasers and spun copies (3 of 4 today)
        assert lite["copies"] == pg["copies"]
        assert lite["events"] == pg["events"]
        assert lite["fused"] == pg["fused"]
        assert lite["counts"] == pg["counts"]
    finally:
        drop_postgres(url)
