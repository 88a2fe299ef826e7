"""The SQLite store: pipeline results kept in one file, written idempotently, read back as ``ArticleResult``.

``SqliteStore`` satisfies the ``Store`` protocol (``frontline.store.base``). Its tables are those of
``frontline.store.schema``, created and migrated by ``frontline.store.migrations`` (``SCHEMA_VERSION`` is kept in
``meta``)::

    meta      key, value                      schema_version, created_by, derived_stale (see below)
    articles  article_id PK + Article fields, raw_text, clean_text and the clean->raw offset map
    mentions  mention_id PK (hash of article, kind, span, text), article_id, kind, span, text, value JSON
    events    event_id PK, article_id, every Event field flattened (location, date, parties as JSON, ...)
    fingerprints  article_id PK, seq (first-seen order), MinHash signatures, sizes, facts (JSON: names+numbers,
                  numbers, days, settlements, publication date, text hash), vector,
                  duplicate_of / duplicate_score / duplicate_method (see ``frontline.corpus.copies``)
    copy_keys     key, article_id: the LSH buckets of every fingerprint, for sub-linear candidate search
    fused_events  fused_id PK, location_key, the FusedEvent as JSON (see ``frontline.corpus.fuse``)
    fused_members event_id PK, fused_id, contested, copies: which fused event each event (or copy's event) is in
    timelines     place_key PK, the Timeline as JSON (see ``frontline.corpus.control``)
    retracted     event_id PK, article_id, retracted_at: events a re-extraction no longer gives (``updated_since``)
    inputs        input_key PK (hash of an input's text and metadata), article_id: inputs already extracted,
                  which an ingest skips before any NLP (and so resumes where an interrupted one stopped)

The corpus tables are added to older databases of the same schema version when they are opened; a version 1
database is migrated to version 2 in place (new event columns for the query layer, ``fused_members``,
``retracted``). docs/STORE.md documents every column.

Fused events and timelines are derived from the events; ``mark_derived_stale`` records in ``meta`` that
they may be behind (an ingest sets it before writing and clears it once they are refreshed), so a run cut
short by a crash leaves the mark and the next ingest or ``frontline repair`` rebuilds them all.

Several processes may open (and create) one file at once: creation happens under the write lock.

Ids are content hashes, so writing the same ``ArticleResult`` twice stores it once: ``write`` compares the
new rows with the stored ones and inserts, updates or deletes only what differs, in one transaction per
article. sqlite3 errors are translated to ``StoreError`` naming the file and what to do.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from os import PathLike
from typing import Any, Final

import numpy as np

from frontline.corpus import control
from frontline.corpus import fuse as corpus_fuse
from frontline.corpus.copies import Fingerprint, Match
from frontline.errors import StoreError
from frontline.models import Article, ArticleResult, Event, FusedEvent, Mentions, Timeline
from frontline.store import migrations
from frontline.store.base import TOP_PLACES, StoredInput, Summary, WriteOutcome, WritingStore
from frontline.store.codec import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    article_from_row,
    document_from_row,
    event_from_row,
    fingerprint_facts,
    fingerprint_from_row,
    fused_member_rows,
    mentions_from_rows,
    result_rows,
    to_json,
)
from frontline.store.schema import SCHEMA_VERSION, check_tables, check_version

__all__ = ["SqliteStore"]

logger = logging.getLogger(__name__)



_COPIES: Final = "SELECT article_id FROM articles WHERE duplicate_of IS NOT NULL"
_COUNTED: Final = f"(SELECT * FROM events WHERE article_id NOT IN ({_COPIES}))"
_ARTICLE_SELECT: Final = ("SELECT articles.*, f.duplicate_score, f.duplicate_method FROM articles "
                          "LEFT JOIN fingerprints f USING (article_id)")
def _hint(exc: sqlite3.Error) -> str:
    """What to do about a sqlite3 error, in the user's terms."""
    if isinstance(exc, (sqlite3.ProgrammingError, sqlite3.InterfaceError)):
        return "a value of the result cannot be stored; this is a bug in frontline, please report it"
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "another process is using the database; wait for it to finish or write to another file"
    if "not a database" in text or "malformed" in text:
        return "the file is not a frontline database (or is damaged); pass a new path or remove the file"
    if "unable to open" in text:
        return "check that the directory exists and that you may write to it"
    if "readonly" in text:
        return "the file or its directory is read-only; check its permissions"
    if "disk" in text or "full" in text:
        return "check that the disk has free space and works"
    return "the database may be damaged or from another program; pass a new path"


# --- the store -------------------------------------------------------------------------------------------

class SqliteStore(WritingStore):
    """A frontline SQLite database: ``with SqliteStore(path) as store: store.write(result)``.

    Args:
        path: the database file; created with frontline's tables when it does not exist or is empty.
            ``":memory:"`` gives a private in-memory database.
        timeout: seconds to wait for another process's lock before giving up.

    Raises:
        StoreError: the file cannot be opened, is not a SQLite database, holds other tables than
            frontline's, or was written by another schema version.
    """

    def __init__(self, path: str | PathLike[str], *, timeout: float = 10.0) -> None:
        self.path = str(path)
        self._conn: sqlite3.Connection | None = None
        self._in_batch = False
        try:
            # Autocommit mode: transactions are begun explicitly, one per write or one per ``batch``.
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._set_up(time.monotonic() + timeout)
        except sqlite3.Error as exc:
            self.close()
            raise StoreError(f"cannot open {self.path}: {exc}; {_hint(exc)}") from exc
        except StoreError:
            self.close()
            raise

    def _set_up(self, deadline: float) -> None:
        """WAL mode and the tables, tried again until ``deadline`` while another process holds the file.

        Several processes opening a new file at once can each hold a read lock and ask for the write lock:
        SQLite then answers 'database is locked' at once to all but one, without waiting for the busy timeout
        (waiting could never end), so the losers try again.
        """
        while True:
            try:
                self._db.execute("PRAGMA journal_mode = WAL")
                # WAL with synchronous=NORMAL stays consistent after a crash and is much faster per commit.
                self._db.execute("PRAGMA synchronous = NORMAL")
                self._prepare()
                return
            except (sqlite3.OperationalError, StoreError) as exc:
                cause = exc if isinstance(exc, sqlite3.OperationalError) else exc.__cause__
                if not isinstance(cause, sqlite3.OperationalError) or "locked" not in str(cause) \
                        or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def __repr__(self) -> str:
        return f"SqliteStore({self.path!r})"

    def _release(self) -> None:
        # closing the connection checkpoints the write-ahead log
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed; open it again with SqliteStore.open(path)")
        return self._conn

    def _tables(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _prepare(self) -> None:
        tables = self._tables()
        if not tables:
            # Another process may be creating this file right now: take the write lock (waiting for it),
            # then look again, so exactly one of them creates the tables.
            with self._transaction("create the tables") as db:
                if not self._tables():
                    migrations.create(db)
                    logger.info("created frontline database %s", self.path)
                    return
            tables = self._tables()
        check_tables(self.path, tables, "pass a new path or remove the file")
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = row[0] if row else None
        if migrations.upgradable(version):
            migrations.upgrade(self._db, version, self.path)
            version = str(SCHEMA_VERSION)
        check_version(self.path, version, "extract again into a new database file")
        migrations.add_missing(self._db, tables)

    @contextmanager
    def _reading(self, action: str) -> Iterator[sqlite3.Connection]:
        try:
            yield self._db
        except sqlite3.Error as exc:
            raise StoreError(f"cannot {action} in {self.path}: {exc}; {_hint(exc)}") from exc

    @contextmanager
    def batch(self, action: str = "write a batch of articles") -> Iterator[None]:
        """Make the writes inside one transaction, committed at the end and rolled back, all of them, on an error
        (a batch inside a batch joins it). ``frontline.store.ingest`` writes its articles in batches: one commit per batch
        instead of three per article, and an interrupted ingest resumes after the last committed one."""
        if self._in_batch:
            yield
            return
        with self._transaction(action):
            self._in_batch = True
            try:
                yield
            finally:
                self._in_batch = False

    @contextmanager
    def _transaction(self, action: str) -> Iterator[sqlite3.Connection]:
        db = self._db
        if self._in_batch:          # part of the open batch: its commit or rollback decides
            yield db
            return
        try:
            # IMMEDIATE takes the write lock up front, so a competing writer fails here, before any work.
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot {action} in {self.path}: {exc}; {_hint(exc)}") from exc

    # --- writing ---------------------------------------------------------------------------------------

    def write(self, result: ArticleResult) -> WriteOutcome:
        """Store one article with its mentions and events, changing only what differs from the stored copy.

        Failed and skipped articles are stored too, with their status and error. An article without an
        id is keyed by a hash of its path and url.

        Returns:
            The records inserted, updated, left unchanged and deleted (events or mentions the new result
            no longer has). Writing the same result again returns only ``unchanged``.
        Raises:
            StoreError: the database is locked, read-only or damaged.
        """
        rows = result_rows(result)
        article_id, events, mentions = rows.article_id, rows.events, rows.mentions
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._transaction(f"write article {article_id}") as db:
            outcome = self._sync_article(db, rows.article, now)
            outcome += self._sync_children(db, "events", EVENT_COLUMNS, article_id, events, now)
            outcome += self._sync_children(db, "mentions", MENTION_COLUMNS, article_id, mentions, now)
        return outcome

    @staticmethod
    def _sync_article(db: sqlite3.Connection, row: tuple[Any, ...], now: str) -> WriteOutcome:
        columns = ", ".join(ARTICLE_COLUMNS)
        stored = db.execute(f"SELECT {columns} FROM articles WHERE article_id = ?", (row[0],)).fetchone()
        if stored is not None and tuple(stored) == row:
            return WriteOutcome(unchanged=1)
        if stored is None:
            marks = ", ".join("?" * (len(row) + 1))
            db.execute(f"INSERT INTO articles ({columns}, ingested_at) VALUES ({marks})", (*row, now))
            return WriteOutcome(inserted=1)
        sets = ", ".join(f"{c} = ?" for c in ARTICLE_COLUMNS[1:])
        db.execute(f"UPDATE articles SET {sets}, ingested_at = ? WHERE article_id = ?", (*row[1:], now, row[0]))
        return WriteOutcome(updated=1)

    @staticmethod
    def _sync_children(db: sqlite3.Connection, table: str, columns: tuple[str, ...], article_id: str,
                       rows: dict[str, tuple[Any, ...]], now: str) -> WriteOutcome:
        key = columns[0]
        names = ", ".join(columns)
        stored = {r[0]: tuple(r) for r in db.execute(f"SELECT {names} FROM {table} WHERE article_id = ?",
                                                      (article_id,))}
        gone = [(k,) for k in stored.keys() - rows.keys()]
        db.executemany(f"DELETE FROM {table} WHERE {key} = ?", gone)
        fresh = [row for k, row in rows.items() if k not in stored]
        # OR REPLACE: an id stored under another article (the same content read twice) moves to this one.
        db.executemany(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", fresh)
        changed = [row for k, row in rows.items() if k in stored and stored[k] != row]
        sets = ", ".join(f"{c} = ?" for c in columns[1:])
        db.executemany(f"UPDATE {table} SET {sets} WHERE {key} = ?", [(*row[1:], row[0]) for row in changed])
        if table == "events":
            # what a client pulling ``updated_since`` needs: when each event was last written, and which went
            db.executemany("UPDATE events SET stored_at = ? WHERE event_id = ?",
                           [(now, row[0]) for row in (*fresh, *changed)])
            db.executemany("INSERT OR REPLACE INTO retracted VALUES (?, ?, ?)", [(k, article_id, now) for k, in gone])
            db.executemany("DELETE FROM retracted WHERE event_id = ?", [(row[0],) for row in fresh])
        return WriteOutcome(inserted=len(fresh), updated=len(changed), deleted=len(gone),
                            unchanged=len(rows) - len(fresh) - len(changed))

    # --- reading ---------------------------------------------------------------------------------------

    def results(self, *, documents: bool = True, mentions: bool = True) -> Iterator[ArticleResult]:
        """Every stored article as an ``ArticleResult``, in the order first written.

        Args:
            documents: rebuild each ``Document`` (raw and cleaned text, offset map); else ``document`` is None.
            mentions: rebuild the mentions; else ``mentions`` is empty.
        Raises:
            StoreError: the database cannot be read.
        """
        with self._reading("read articles") as db:
            for row in db.execute(f"{_ARTICLE_SELECT} ORDER BY articles.rowid"):
                article_id = row["article_id"]
                events = tuple(event_from_row(r) for r in db.execute(
                    "SELECT * FROM events WHERE article_id = ? ORDER BY ordinal", (article_id,)))
                found = Mentions()
                if mentions:
                    found = mentions_from_rows(db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY ordinal",
                                                 (article_id,)))
                yield ArticleResult(article=article_from_row(row), document=document_from_row(row) if documents else None,
                                    mentions=found, events=events)

    def article(self, article_id: str) -> ArticleResult | None:
        """One stored article with its document, mentions and events, or None when it is not stored."""
        with self._reading(f"read article {article_id}") as db:
            row = db.execute(f"{_ARTICLE_SELECT} WHERE article_id = ?", (article_id,)).fetchone()
            if row is None:
                return None
            events = tuple(event_from_row(r) for r in db.execute(
                "SELECT * FROM events WHERE article_id = ? ORDER BY ordinal", (article_id,)))
            found = mentions_from_rows(db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY ordinal",
                                         (article_id,)))
        return ArticleResult(article=article_from_row(row), document=document_from_row(row), mentions=found, events=events)

    def events(self, event_type: str | None = None, place: str | None = None, since: dt.date | None = None,
               until: dt.date | None = None) -> list[Event]:
        """Stored events matching every filter given, by date (undated last), then article and position.

        Args:
            event_type: one of ``models.EVENT_TYPES``.
            place: a location name or oblast (``admin1``), compared without regard to case.
            since, until: inclusive bounds on the event's start date; undated events are then left out.
        Raises:
            StoreError: the database cannot be read.
        """
        where, args = [], []
        if event_type is not None:
            where.append("event_type = ?")
            args.append(event_type)
        if place is not None:
            where.append("(location_name = ? COLLATE NOCASE OR admin1 = ? COLLATE NOCASE)")
            args += [place, place]
        if since is not None:
            where.append("date_start >= ?")
            args.append(since.isoformat())
        if until is not None:
            where.append("date_start <= ?")
            args.append(until.isoformat())
        sql = ("SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY date_start IS NULL, date_start, article_id, ordinal")
        with self._reading("read events") as db:
            return [event_from_row(r) for r in db.execute(sql, args)]

    def counts(self) -> dict[str, int]:
        """Numbers of records: articles (and of them ok / skipped / failed), events and mentions.

        ``events`` leaves out the events of copies (articles with ``duplicate_of``): a story counts once.
        """
        with self._reading("count records") as db:
            by_status = dict(db.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
            return {"articles": sum(by_status.values()), "ok": by_status.get("ok", 0),
                    "skipped": by_status.get("skipped", 0), "failed": by_status.get("failed", 0),
                    "events": db.execute(f"SELECT count(*) FROM {_COUNTED}").fetchone()[0],
                    "mentions": db.execute("SELECT count(*) FROM mentions").fetchone()[0]}

    def corpus_counts(self) -> dict[str, int]:
        """Numbers across articles: copies, copy_events (not counted), fused_events, contested ones, timelines."""
        with self._reading("count copies and fused events") as db:
            def one(sql: str) -> int:
                return db.execute(sql).fetchone()[0]

            return {"copies": one(f"SELECT count(*) FROM ({_COPIES})"),
                    "copy_events": one(f"SELECT count(*) FROM events WHERE article_id IN ({_COPIES})"),
                    "fused_events": one("SELECT count(*) FROM fused_events"),
                    "contested": one("SELECT count(*) FROM fused_events WHERE json_extract(data, '$.contested')"),
                    "timelines": one("SELECT count(*) FROM timelines")}

    def summary(self) -> Summary:
        """Event counts by type, by place (the 15 with most events), by month and by day; copies' events left out."""
        with self._reading("summarise events") as db:
            def pairs(sql: str) -> tuple[tuple[Any, ...], ...]:
                return tuple(tuple(r) for r in db.execute(sql))

            return Summary(
                articles=db.execute("SELECT count(*) FROM articles").fetchone()[0],
                events=db.execute(f"SELECT count(*) FROM {_COUNTED}").fetchone()[0],
                by_type=pairs(f"SELECT event_type, count(*) AS n FROM {_COUNTED} GROUP BY event_type "
                              "ORDER BY n DESC, event_type"),
                by_place=tuple(tuple(r) for r in db.execute(
                    f"SELECT location_name, admin1, count(*) AS n FROM {_COUNTED} WHERE location_name IS NOT NULL "
                    "GROUP BY location_name, admin1 ORDER BY n DESC, location_name LIMIT ?", (TOP_PLACES,))),
                by_month=pairs(f"SELECT substr(date_start, 1, 7) AS m, count(*) FROM {_COUNTED} "
                               "WHERE date_start IS NOT NULL GROUP BY m ORDER BY m"),
                by_date=pairs(f"SELECT date_start, count(*) FROM {_COUNTED} WHERE date_start IS NOT NULL "
                              "GROUP BY date_start ORDER BY date_start"),
            )

    # --- copies, fused events and timelines (frontline.corpus.copies, corpus_fuse, control) -------------------

    def add_fingerprint(self, fp: Fingerprint, match: Match | None = None) -> None:
        """Keep an article's fingerprint and LSH keys (and what it copies); a stored fingerprint is kept as is."""
        with self._transaction(f"store the fingerprint of {fp.article_id}") as db:
            if db.execute("SELECT 1 FROM fingerprints WHERE article_id = ?", (fp.article_id,)).fetchone():
                return
            seq = db.execute("SELECT coalesce(max(seq), 0) + 1 FROM fingerprints").fetchone()[0]
            db.execute("INSERT INTO fingerprints VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (fp.article_id, seq, fp.minhash.tobytes(), fp.lead.tobytes(), fp.facts_minhash.tobytes(),
                        fp.size, fingerprint_facts(fp), None if fp.vector is None else fp.vector.tobytes(),
                        match.original_id if match else None, match.score if match else None,
                        match.method if match else None))
            db.executemany("INSERT OR IGNORE INTO copy_keys VALUES (?, ?)", [(k, fp.article_id) for k in fp.keys()])

    def fingerprint(self, article_id: str) -> Fingerprint | None:
        """The stored fingerprint of an article, or None."""
        with self._reading("read a fingerprint") as db:
            r = db.execute("SELECT * FROM fingerprints WHERE article_id = ?", (article_id,)).fetchone()
        return None if r is None else fingerprint_from_row(r)

    def copy_match(self, article_id: str) -> tuple[bool, Match | None]:
        """Whether the article has a fingerprint, and the stored copy decision for it."""
        with self._reading("read a copy decision") as db:
            r = db.execute("SELECT duplicate_of, duplicate_score, duplicate_method FROM fingerprints "
                           "WHERE article_id = ?", (article_id,)).fetchone()
        if r is None:
            return False, None
        if r[0] is None:
            return True, None
        return True, Match(article_id, r[0], r[2], r[1])

    def original_of(self, article_id: str) -> str | None:
        """The original an article copies, or None."""
        with self._reading("read a copy decision") as db:
            r = db.execute("SELECT duplicate_of FROM fingerprints WHERE article_id = ?", (article_id,)).fetchone()
        return r[0] if r else None

    def candidates(self, keys: Sequence[int]) -> list[str]:
        """Articles sharing an LSH key with ``keys``, first seen first."""
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        with self._reading("search fingerprints") as db:
            return [r[0] for r in db.execute(
                f"SELECT f.article_id FROM fingerprints f WHERE f.article_id IN "
                f"(SELECT article_id FROM copy_keys WHERE key IN ({marks})) ORDER BY f.seq", list(keys))]

    def text_of(self, article_id: str) -> str | None:
        """The cleaned text of a stored article, or None."""
        with self._reading("read an article's text") as db:
            r = db.execute("SELECT clean_text FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return r[0] if r else None

    def set_vector(self, article_id: str, vector: np.ndarray) -> None:
        """Store a fingerprint's article vector (computed when a comparison first needed it)."""
        with self._transaction(f"store the vector of {article_id}") as db:
            db.execute("UPDATE fingerprints SET vector = ? WHERE article_id = ?",
                       (np.asarray(vector, np.float32).tobytes(), article_id))

    def replace_fused(self, location_keys: Iterable[str], fused: Iterable[FusedEvent]) -> None:
        """Replace the fused events of the given locations (``corpus_fuse.location_key``) with ``fused``."""
        keys = list(location_keys)
        with self._transaction("store fused events") as db:
            db.executemany("DELETE FROM fused_members WHERE fused_id IN "
                           "(SELECT fused_id FROM fused_events WHERE location_key = ?)", [(k,) for k in keys])
            db.executemany("DELETE FROM fused_events WHERE location_key = ?", [(k,) for k in keys])
            fused = list(fused)
            db.executemany("INSERT OR REPLACE INTO fused_events VALUES (?, ?, ?)",
                           [(f.fused_id, corpus_fuse.location_key(f.location), to_json(corpus_fuse.to_dict(f)))
                            for f in fused])
            db.executemany("INSERT OR REPLACE INTO fused_members VALUES (?, ?, ?, ?)",
                           [m for f in fused for m in fused_member_rows(f)])

    def fused_events(self, location_keys: Iterable[str] | None = None) -> list[FusedEvent]:
        """Stored fused events (of the given locations only, when given), by date then id."""
        with self._reading("read fused events") as db:
            if location_keys is None:
                rows = db.execute("SELECT data FROM fused_events").fetchall()
            else:
                rows = [r for k in location_keys
                        for r in db.execute("SELECT data FROM fused_events WHERE location_key = ?", (k,))]
        found = [corpus_fuse.from_dict(json.loads(r[0])) for r in rows]
        return sorted(found, key=lambda f: (f.date.start is None, f.date.start or dt.date.min, f.fused_id))

    def events_at(self, location_keys: Iterable[str]) -> list[Event]:
        """Every stored event at the given locations (``corpus_fuse.location_key``), with no location for ''."""
        out: list[Event] = []
        with self._reading("read events") as db:
            for k in location_keys:
                sql = ("SELECT * FROM events WHERE location_name IS NULL" if k == "" else
                       "SELECT * FROM events WHERE location_name = ?")
                out += [event_from_row(r) for r in db.execute(sql + " ORDER BY article_id, ordinal", () if k == "" else (k,))]
        return out

    def event_counts(self, location_keys: Iterable[str] | None = None) -> dict[str, int]:
        """The number of stored events at each location (``corpus_fuse.location_key``, '' for none) of
        ``location_keys``, or at every location; a location without events is left out."""
        sql = "SELECT location_name, count(*) FROM events {} GROUP BY location_name"
        with self._reading("count events by place") as db:
            if location_keys is None:
                return {r[0] or "": r[1] for r in db.execute(sql.format(""))}
            keys = list(location_keys)
            counts: dict[str, int] = {}
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                where = f"WHERE location_name IN ({', '.join('?' * len(chunk))})" + \
                    (" OR location_name IS NULL" if "" in chunk else "")
                counts.update((r[0] or "", r[1]) for r in db.execute(sql.format(where), chunk))
            return counts

    def fused_location_keys(self) -> set[str]:
        """The locations (``corpus_fuse.location_key``) that have fused events."""
        with self._reading("read fused events") as db:
            return {r[0] for r in db.execute("SELECT DISTINCT location_key FROM fused_events")}

    def article_meta(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """The stored records (no texts) of the given articles, by id."""
        with self._reading("read articles") as db:
            rows = (db.execute(f"{_ARTICLE_SELECT} WHERE article_id = ?", (a,)).fetchone() for a in article_ids)
            return {r["article_id"]: article_from_row(r) for r in rows if r is not None}

    def stored_inputs(self, input_keys: Sequence[str]) -> dict[str, StoredInput]:
        """Those of ``input_keys`` (see ``add_input``) already extracted and stored, with what they gave."""
        if not input_keys:
            return {}
        marks = ", ".join("?" * len(input_keys))
        with self._reading("read the inputs already stored") as db:
            return {r[0]: StoredInput(r[1], r[2], bool(r[3]), r[4]) for r in db.execute(
                "SELECT i.input_key, a.article_id, a.status, a.duplicate_of IS NOT NULL, "
                "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) "
                f"FROM inputs i JOIN articles a USING (article_id) WHERE i.input_key IN ({marks})",
                list(input_keys))}

    def add_input(self, input_key: str, article_id: str) -> None:
        """Record that an input (``frontline.store.ingest.input_key``) is stored as ``article_id``."""
        with self._transaction(f"record the input of {article_id}") as db:
            db.execute("INSERT OR REPLACE INTO inputs VALUES (?, ?)", (input_key, article_id))

    def put_timeline(self, timeline: Timeline) -> None:
        """Store (or replace) a settlement's control timeline."""
        with self._transaction(f"store the timeline of {timeline.place}") as db:
            db.execute("INSERT OR REPLACE INTO timelines VALUES (?, ?)",
                       (timeline.place.casefold(), to_json(control.to_dict(timeline))))

    def mark_derived_stale(self) -> None:
        """Record that fused events and timelines may be behind the events (kept until cleared)."""
        with self._transaction("mark the fused events as stale") as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('derived_stale', '1')")

    def clear_derived_stale(self) -> None:
        """Record that fused events and timelines are up to date with the events."""
        with self._transaction("mark the fused events as current") as db:
            db.execute("DELETE FROM meta WHERE key = 'derived_stale'")

    def derived_stale(self) -> bool:
        """Whether an ingest left fused events and timelines possibly behind the events (see the module doc)."""
        with self._reading("read the store's state") as db:
            return db.execute("SELECT 1 FROM meta WHERE key = 'derived_stale'").fetchone() is not None

    def timeline(self, place: str) -> Timeline | None:
        """The stored control timeline of a settlement (canonical name, any case), or None."""
        with self._reading(f"read the timeline of {place}") as db:
            r = db.execute("SELECT data FROM timelines WHERE place_key = ?", (place.casefold(),)).fetchone()
        return None if r is None else control.from_dict(json.loads(r[0]))
