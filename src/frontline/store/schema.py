"""The store's schema, written once: its version and its tables as SQLAlchemy Core objects.

The query layer reads these tables; the PostgreSQL store creates them through SQLAlchemy, the SQLite store from
``sqlite_ddl`` (the same tables in SQLite's dialect: its file stays a plain SQLite database for Datasette and
sqlite-utils). What only one dialect has is marked on the object: ``WITHOUT ROWID`` tables, SQLite's NOCASE and
partial indexes (``ddl_if``). ``frontline.store.migrations`` applies the schema to a SQLite file.
docs/STORE.md describes every column.
"""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    create_mock_engine,
    func,
)

from frontline.errors import StoreError

__all__ = ["SCHEMA_VERSION", "CORE_TABLES", "check_tables", "check_version", "sqlite_ddl", "metadata", "meta", "articles", "mentions", "events", "fingerprints", "copy_keys", "fused_events",
           "fused_members", "timelines", "retracted", "inputs"]

SCHEMA_VERSION: Final = 4
# The tables without which a database is not a frontline store, whatever its version.
CORE_TABLES: Final = frozenset({"meta", "articles", "mentions", "events"})


def check_tables(name: str, tables: set[str], remedy: str) -> None:
    """Refuse a database that is not a frontline store; ``remedy`` says what to do instead.

    Raises:
        StoreError: one of ``CORE_TABLES`` is missing.
    """
    missing = CORE_TABLES - tables
    if missing:
        raise StoreError(f"{name} is not a frontline database (it has tables {', '.join(sorted(tables)) or 'none'} "
                         f"but not {', '.join(sorted(missing))}); {remedy}")


def check_version(name: str, version: str | None, remedy: str) -> None:
    """Refuse a frontline store of another schema version; ``remedy`` says what to do instead.

    Raises:
        StoreError: the version is not ``SCHEMA_VERSION``.
    """
    if version != str(SCHEMA_VERSION):
        raise StoreError(f"{name} has frontline schema version {version}, this frontline reads version "
                         f"{SCHEMA_VERSION}; {remedy}")

metadata = MetaData()

meta = Table("meta", metadata, Column("key", Text, primary_key=True), Column("value", Text, nullable=False))

articles = Table(
    "articles", metadata,
    Column("article_id", Text, primary_key=True),
    *(Column(c, Text) for c in ("path", "url", "title", "source", "published", "language")),
    Column("status", Text, nullable=False), Column("error", Text), Column("quality_flags", Text, nullable=False),
    Column("duplicate_of", Text),
    *(Column(c, Text) for c in ("raw_text", "clean_text", "offsets", "removed", "repairs")),
    Column("ingested_at", Text, nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("mention_id", Text, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False), Column("kind", Text, nullable=False),
    Column("char_start", Integer, nullable=False), Column("char_end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("value", Text, nullable=False),
)

events = Table(
    "events", metadata,
    Column("event_id", Text, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False), Column("event_type", Text, nullable=False),
    Column("date_start", Text), Column("date_end", Text), Column("date_precision", Text, nullable=False),
    Column("date_text", Text),
    Column("location_name", Text), Column("geonames_id", Integer), Column("lat", Float), Column("lon", Float),
    Column("admin1", Text), Column("country_code", Text), Column("location_precision", Text),
    Column("location_mention", Text),
    Column("initiator", Text), Column("target", Text), Column("claimed_by", Text),
    Column("modality", Text, nullable=False), Column("contested", Integer, nullable=False),
    Column("quantities", Text, nullable=False),
    Column("evidence_sentence", Text, nullable=False), Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False), Column("trigger", Text, nullable=False),
    Column("date_last", Text), Column("date_span", Integer),
    *(Column(c, Text) for c in ("initiator_name", "initiator_side", "target_name", "target_side",
                                "claimant", "claimant_side")),
    Column("is_copy", Integer), Column("geo_cell", Integer), Column("stored_at", Text),
    # version 3: the killed the event counts (``vocab.counts.fatalities``), for readers of the table (Datasette)
    Column("fatalities", Integer),
    # version 4: 1 for retold history (``Event.background``), left out of the query layer's default answers
    Column("background", Integer),
)

fingerprints = Table(
    "fingerprints", metadata,
    Column("article_id", Text, primary_key=True), Column("seq", Integer, nullable=False),
    Column("minhash", LargeBinary, nullable=False), Column("lead", LargeBinary, nullable=False),
    Column("facts_minhash", LargeBinary, nullable=False), Column("size", Integer, nullable=False),
    Column("facts", Text, nullable=False), Column("vector", LargeBinary),
    Column("duplicate_of", Text), Column("duplicate_score", Float), Column("duplicate_method", Text),
)

copy_keys = Table("copy_keys", metadata,
                  Column("key", BigInteger, primary_key=True),
                  Column("article_id", Text, primary_key=True), sqlite_with_rowid=False)

fused_events = Table("fused_events", metadata, Column("fused_id", Text, primary_key=True),
                     Column("location_key", Text, nullable=False), Column("data", Text, nullable=False))

fused_members = Table("fused_members", metadata, Column("event_id", Text, primary_key=True),
                      Column("fused_id", Text, nullable=False), Column("contested", Integer, nullable=False),
                      Column("copies", Integer, nullable=False))

timelines = Table("timelines", metadata, Column("place_key", Text, primary_key=True),
                  Column("data", Text, nullable=False))

retracted = Table("retracted", metadata, Column("event_id", Text, primary_key=True),
                  Column("article_id", Text, nullable=False), Column("retracted_at", Text, nullable=False))
inputs = Table("inputs", metadata, Column("input_key", Text, primary_key=True),
               Column("article_id", Text, nullable=False), sqlite_with_rowid=False)

# The same indexes as the SQLite store's (names match), so both back ends plan the same queries.
Index("mentions_article", mentions.c.article_id)
Index("events_article", events.c.article_id)
Index("events_type", events.c.event_type)
Index("events_date", events.c.date_start)
# SQLite's store compares place names without regard to case (``SqliteStore.events``); the query layer exactly
Index("events_place", events.c.location_name.collate("NOCASE")).ddl_if(dialect="sqlite")
Index("events_place", events.c.location_name).ddl_if(dialect="postgresql")
Index("events_day", events.c.date_start, events.c.event_id)
Index("events_type_day", events.c.event_type, events.c.date_start)
Index("events_admin1_type_day", events.c.admin1, events.c.event_type, events.c.date_start)
Index("events_lat", events.c.lat)
Index("events_span", events.c.date_span)
# covers a box's count and its page's ids: the box and copy filters and the sort key, no table look-up per match
Index("events_cell_cover", events.c.geo_cell, events.c.lat, events.c.lon, events.c.is_copy, events.c.date_start,
      events.c.event_id)
Index("events_claimant", func.lower(events.c.claimant))
Index("events_stored", events.c.stored_at)
Index("events_location", events.c.location_name, events.c.article_id, events.c.ordinal)
Index("articles_published", articles.c.published, articles.c.article_id)
Index("articles_copies", articles.c.duplicate_of)
Index("fingerprints_seq", fingerprints.c.seq)
Index("fingerprints_unembedded", fingerprints.c.seq, sqlite_where=fingerprints.c.vector.is_(None)).ddl_if(dialect="sqlite")
Index("fused_location", fused_events.c.location_key)
Index("fused_members_fused", fused_members.c.fused_id)
Index("retracted_at", retracted.c.retracted_at)



def sqlite_ddl() -> list[str]:
    """The ``CREATE TABLE`` and ``CREATE INDEX`` statements (all ``IF NOT EXISTS``) of every table and index, in
    SQLite's dialect: what the SQLite store runs to create or complete its file."""
    statements: list[str] = []

    def collect(ddl: Any, *multiparams: Any, **params: Any) -> None:
        ddl.if_not_exists = True
        statements.append(str(ddl.compile(dialect=engine.dialect)).strip())

    engine = create_mock_engine("sqlite://", collect)
    metadata.create_all(engine, checkfirst=False)
    return statements
