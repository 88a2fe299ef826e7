"""The store's schema: its version, its tables as SQLAlchemy Core objects, and the same tables as SQLite DDL.

The Core tables are what the query layer reads and the PostgreSQL store creates. The SQLite store
(``frontline.store.sqlite``) creates the same tables from the DDL below so that its file stays a plain SQLite
database for Datasette and sqlite-utils (NOCASE and partial indexes, ``WITHOUT ROWID`` tables);
``tests/test_backends.py`` holds the two definitions together. ``frontline.store.migrations`` applies them.
docs/STORE.md describes every column.
"""

from __future__ import annotations

import re
from typing import Final

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
    func,
)

__all__ = ["SCHEMA_VERSION", "SQLITE_TABLES", "SQLITE_CORPUS_SCHEMA", "SQLITE_QUERY_SCHEMA", "SQLITE_ADDED_INDEXES",
           "metadata", "meta", "articles", "mentions", "events", "fingerprints", "copy_keys", "fused_events",
           "fused_members", "timelines", "retracted", "inputs"]

SCHEMA_VERSION: Final = 2

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
                  Column("article_id", Text, primary_key=True))

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
               Column("article_id", Text, nullable=False))

# The same indexes as the SQLite store's (names match), so both back ends plan the same queries.
Index("mentions_article", mentions.c.article_id)
Index("events_article", events.c.article_id)
Index("events_type", events.c.event_type)
Index("events_date", events.c.date_start)
Index("events_place", events.c.location_name)
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
Index("fused_location", fused_events.c.location_key)
Index("fused_members_fused", fused_members.c.fused_id)
Index("retracted_at", retracted.c.retracted_at)


# --- the same tables as SQLite DDL ----------------------------------------------------------------------

SQLITE_TABLES: Final = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY, path TEXT, url TEXT, title TEXT, source TEXT, published TEXT, language TEXT,
    status TEXT NOT NULL, error TEXT, quality_flags TEXT NOT NULL, duplicate_of TEXT,
    raw_text TEXT, clean_text TEXT, offsets TEXT, removed TEXT, repairs TEXT,
    ingested_at TEXT NOT NULL
);
CREATE TABLE mentions (
    mention_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, kind TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    text TEXT NOT NULL, value TEXT NOT NULL
);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, event_type TEXT NOT NULL,
    date_start TEXT, date_end TEXT, date_precision TEXT NOT NULL, date_text TEXT,
    location_name TEXT, geonames_id INTEGER, lat REAL, lon REAL, admin1 TEXT, country_code TEXT,
    location_precision TEXT, location_mention TEXT,
    initiator TEXT, target TEXT, claimed_by TEXT, modality TEXT NOT NULL, contested INTEGER NOT NULL,
    quantities TEXT NOT NULL,
    evidence_sentence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
    confidence REAL NOT NULL, trigger TEXT NOT NULL,
    date_last TEXT, date_span INTEGER, initiator_name TEXT, initiator_side TEXT, target_name TEXT, target_side TEXT,
    claimant TEXT, claimant_side TEXT, is_copy INTEGER, geo_cell INTEGER, stored_at TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(event_type);
CREATE INDEX events_date ON events(date_start);
CREATE INDEX events_place ON events(location_name COLLATE NOCASE);
"""
# Indexes of the query layer (frontline.store.catalog); bench/query.py measures what each earns. events_location serves
# the refresh of fused events place by place (refresh.refresh_places): events_place is NOCASE, which '=' cannot use,
# so each place was a scan of every event (a repair of a 100,000-article store 145 -> 106 s).
SQLITE_QUERY_SCHEMA: Final = """
CREATE INDEX IF NOT EXISTS events_day ON events(date_start, event_id);
CREATE INDEX IF NOT EXISTS events_type_day ON events(event_type, date_start);
CREATE INDEX IF NOT EXISTS events_admin1_type_day ON events(admin1, event_type, date_start);
CREATE INDEX IF NOT EXISTS events_lat ON events(lat);
CREATE INDEX IF NOT EXISTS events_span ON events(date_span);
DROP INDEX IF EXISTS events_cell;
CREATE INDEX IF NOT EXISTS events_cell_cover ON events(geo_cell, lat, lon, is_copy, date_start, event_id);
CREATE INDEX IF NOT EXISTS events_claimant ON events(lower(claimant));
CREATE INDEX IF NOT EXISTS events_stored ON events(stored_at);
CREATE INDEX IF NOT EXISTS events_location ON events(location_name, article_id, ordinal);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published, article_id);
CREATE INDEX IF NOT EXISTS articles_copies ON articles(duplicate_of);
CREATE TABLE IF NOT EXISTS fused_members (event_id TEXT PRIMARY KEY, fused_id TEXT NOT NULL,
                                          contested INTEGER NOT NULL, copies INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS fused_members_fused ON fused_members(fused_id);
CREATE TABLE IF NOT EXISTS retracted (event_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, retracted_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS retracted_at ON retracted(retracted_at);
"""
SQLITE_CORPUS_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS fingerprints (
    article_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, minhash BLOB NOT NULL, lead BLOB NOT NULL,
    facts_minhash BLOB NOT NULL, size INTEGER NOT NULL, facts TEXT NOT NULL, vector BLOB,
    duplicate_of TEXT, duplicate_score REAL, duplicate_method TEXT
);
CREATE INDEX IF NOT EXISTS fingerprints_seq ON fingerprints(seq);
CREATE INDEX IF NOT EXISTS fingerprints_unembedded ON fingerprints(seq) WHERE vector IS NULL;
CREATE TABLE IF NOT EXISTS copy_keys (key INTEGER NOT NULL, article_id TEXT NOT NULL,
                                      PRIMARY KEY (key, article_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fused_events (fused_id TEXT PRIMARY KEY, location_key TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fused_location ON fused_events(location_key);
CREATE TABLE IF NOT EXISTS timelines (place_key TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inputs (input_key TEXT PRIMARY KEY, article_id TEXT NOT NULL) WITHOUT ROWID;
"""
# Added to a store of this version that lacks them when it is opened (all IF NOT EXISTS).
SQLITE_ADDED_INDEXES: Final = frozenset(re.findall(r"CREATE INDEX IF NOT EXISTS (\w+)",
                                                   SQLITE_CORPUS_SCHEMA + SQLITE_QUERY_SCHEMA))
