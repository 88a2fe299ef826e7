"""The schema is written once: the SQLite DDL comes from the Core tables, and the migrations are ordered steps."""

from __future__ import annotations

import sqlite3

from frontline.store import migrations
from frontline.store.schema import SCHEMA_VERSION, metadata, sqlite_ddl


def test_the_sqlite_ddl_makes_every_table_column_and_index_of_the_core_schema():
    conn = sqlite3.connect(":memory:")
    for statement in sqlite_ddl():
        conn.execute(statement)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(metadata.tables)
    for name, table in metadata.tables.items():
        assert [r[1] for r in conn.execute(f"PRAGMA table_info({name})")] == [c.name for c in table.columns]
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    assert indexes == {i.name for t in metadata.tables.values() for i in t.indexes}


def test_sqlite_only_parts_stay_sqlite_parts():
    ddl = "\n".join(sqlite_ddl())
    assert 'location_name COLLATE "NOCASE"' in ddl and "WHERE vector IS NULL" in ddl
    assert ddl.count("WITHOUT ROWID") == 2              # copy_keys and inputs


def test_the_steps_are_ordered_and_reach_this_version():
    versions = [step.version for step in migrations.STEPS]
    assert versions == sorted(versions) and versions[-1] == SCHEMA_VERSION


def test_only_a_version_the_steps_reach_is_upgradable():
    assert migrations.upgradable("1") and migrations.upgradable("3")
    assert not any(migrations.upgradable(v) for v in (None, "0", str(SCHEMA_VERSION), "5", "x"))
