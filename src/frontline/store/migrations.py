"""The schema steps of a SQLite store, registered in order: creating a store, and bringing an older one up to date.

``create`` makes the tables of ``schema.SCHEMA_VERSION`` in an empty file. ``STEPS`` lists the migrations, each
taking a store from the version before it to its own; ``upgrade`` runs those a store still needs, each in
its own transaction, and ``add_missing`` adds the tables and indexes added within this version (all
``IF NOT EXISTS``). Only the write path (``frontline.store.sqlite.SqliteStore``) runs them; the read path
(``frontline.store.catalog``) refuses a store of another version instead.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, TypeGuard

from sqlalchemy import Connection, Engine, bindparam, text, update

from frontline.corpus import fuse as corpus_fuse
from frontline.store import schema as t
from frontline.store.codec import V2_EVENT_COLUMNS, derived_columns, event_from_row, fused_member_rows, geo_cell
from frontline.store.schema import SCHEMA_VERSION, metadata, sqlite_ddl
from frontline.vocab.counts import fatalities

__all__ = ["SCHEMA_VERSION", "STEPS", "Step", "add_missing", "create", "upgradable", "upgrade", "upgrade_postgres"]

logger = logging.getLogger(__name__)

_META: Final = (f"INSERT INTO meta (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}'), "
                "('created_by', 'frontline');")
# an index of early version 2 stores, replaced by events_cell_cover
_DROPPED: Final = "DROP INDEX IF EXISTS events_cell"


def _statements(db: sqlite3.Connection, statements: list[str]) -> None:
    # statement by statement, in the caller's transaction (executescript would commit it half-way)
    for statement in statements:
        db.execute(statement)


def create(db: sqlite3.Connection) -> None:
    """Create the tables, indexes and ``meta`` rows of this version, inside the caller's transaction."""
    _statements(db, [*sqlite_ddl(), _META])


def add_missing(db: sqlite3.Connection, tables: set[str]) -> None:
    """Add the tables and indexes added since a store of this version was made (a store of an earlier version 2
    gets this version's indexes when it is first opened)."""
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    if not set(metadata.tables) <= tables or not {i.name for t in metadata.tables.values() for i in t.indexes} <= indexes:
        db.execute("BEGIN IMMEDIATE")
        try:
            _statements(db, [_DROPPED, *sqlite_ddl()])
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def _to_v2(db: sqlite3.Connection) -> None:
    """Derived event columns for the query layer, fused_members, retracted."""
    for column in (*V2_EVENT_COLUMNS, "stored_at"):
        kind = "INTEGER" if column in ("date_span", "is_copy", "geo_cell") else "TEXT"
        db.execute(f"ALTER TABLE events ADD COLUMN {column} {kind}")
    _statements(db, [_DROPPED, *sqlite_ddl()])
    sets = ", ".join(f"{c} = ?" for c in V2_EVENT_COLUMNS)
    db.executemany(f"UPDATE events SET {sets} WHERE event_id = ?",
                   [(*derived_columns(event_from_row(r)), r["copied"],
                     None if r["lat"] is None else geo_cell(r["lat"], r["lon"]), r["event_id"])
                    for r in db.execute(
                       "SELECT events.*, a.duplicate_of IS NOT NULL AS copied FROM events "
                       "JOIN articles a USING (article_id)")])
    db.execute("UPDATE events SET stored_at = (SELECT ingested_at FROM articles a "
               "WHERE a.article_id = events.article_id)")
    db.executemany("INSERT OR REPLACE INTO fused_members VALUES (?, ?, ?, ?)",
                   [m for r in db.execute("SELECT data FROM fused_events")
                    for m in fused_member_rows(corpus_fuse.from_dict(json.loads(r[0])))])


def _to_v3(db: sqlite3.Connection) -> None:
    """The events' fatalities as a column."""
    db.execute("ALTER TABLE events ADD COLUMN fatalities INTEGER")
    db.executemany("UPDATE events SET fatalities = ? WHERE event_id = ?",
                   [(fatalities(event_from_row(r)), r["event_id"]) for r in db.execute("SELECT * FROM events")])


def _to_v4(db: sqlite3.Connection) -> None:
    """The events' background mark as a column."""
    db.execute("ALTER TABLE events ADD COLUMN background INTEGER")
    # An older store kept no background mark (its events table has no event JSON, and the mark needs the
    # article's parse): its events are news until the article is extracted again.
    db.execute("UPDATE events SET background = 0")


def _pg_v3(conn: Connection) -> None:
    e = t.events
    conn.execute(text("ALTER TABLE events ADD COLUMN IF NOT EXISTS fatalities INTEGER"))
    # the columns the store has (not this version's table: its later columns are not there yet)
    counts = [{"eid": r["event_id"], "n": fatalities(event_from_row(r))}
              for r in conn.execute(text("SELECT * FROM events")).mappings()]
    if counts:
        conn.execute(update(e).where(e.c.event_id == bindparam("eid")).values(fatalities=bindparam("n")), counts)


def _pg_v4(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE events ADD COLUMN IF NOT EXISTS background INTEGER"))
    conn.execute(update(t.events).values(background=0))     # as ``_to_v4``


# PostgreSQL's steps, by the version a store has after each (the same changes as ``STEPS``)
_PG_STEPS: Final = ((3, _pg_v3), (4, _pg_v4))


def upgrade_postgres(engine: Engine, version: str | None, name: str) -> None:
    """Bring a PostgreSQL store of version 2 or 3 to this version (the fatalities and background columns,
    filled), in one transaction; a store of any other version is left for ``schema.check_version`` to refuse."""
    if version not in {str(v - 1) for v, _ in _PG_STEPS}:
        return
    logger.info("migrating %s from frontline schema version %s to %d", name, version, SCHEMA_VERSION)
    with engine.begin() as conn:
        for step_version, step in _PG_STEPS:
            if step_version > int(version):
                step(conn)
        conn.execute(update(t.meta).where(t.meta.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


@dataclass(frozen=True, slots=True)
class Step:
    """One migration: what it does, and the schema version a store has after it."""

    version: int
    summary: str
    apply: Callable[[sqlite3.Connection], None]


STEPS: Final = (
    Step(2, "derived event columns for the query layer, fused_members, retracted", _to_v2),
    Step(3, "the events' fatalities as a column", _to_v3),
    Step(4, "the events' background mark as a column", _to_v4),
)


def upgradable(version: str | None) -> TypeGuard[str]:
    """Whether a store of ``version`` (as ``meta`` records it) is older than this one and ``STEPS`` reach it."""
    return version in {str(step.version - 1) for step in STEPS}


def upgrade(db: sqlite3.Connection, version: str, path: str) -> None:
    """Run the steps a store of ``version`` still needs, each in its own transaction (rolled back on an error).

    ``db`` is in autocommit mode (the store begins its transactions explicitly).
    """
    logger.info("migrating %s from frontline schema version %s to %d", path, version, SCHEMA_VERSION)
    for step in STEPS:
        if step.version <= int(version):
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            step.apply(db)
            db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(step.version),))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
