"""The SQLite store: pipeline results kept in one file, written idempotently, read back as ``ArticleResult``.

Tables (``SCHEMA_VERSION`` is kept in ``meta``)::

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

import dataclasses
import datetime as dt
import functools
import json
import logging
import math
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike
from typing import Any, Final

import numpy as np

from frontline.corpus import control
from frontline.corpus import fuse as corpus_fuse
from frontline.corpus.copies import Fingerprint, Match
from frontline.errors import StoreError
from frontline.models import (
    ActorMention,
    Article,
    ArticleResult,
    Claim,
    DateMention,
    Document,
    Event,
    EventDate,
    Evidence,
    FusedEvent,
    Location,
    Mentions,
    Party,
    Place,
    PlaceMention,
    Quantity,
    QuantityMention,
    Timeline,
    iso,
    stable_id,
)

__all__ = ["SCHEMA_VERSION", "GEO_CELL", "Store", "StoredInput", "WriteOutcome", "Summary", "geo_cell"]

logger = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 2
GEO_CELL: Final = 0.1                          # degrees: the squares of ``geo_cell``
GEO_COLUMNS: Final = round(360 / GEO_CELL)
_TOP_PLACES: Final = 15

_ARTICLE_COLUMNS: Final = ("article_id", "path", "url", "title", "source", "published", "language", "status",
                           "error", "quality_flags", "duplicate_of", "raw_text", "clean_text", "offsets",
                           "removed", "repairs")
_MENTION_COLUMNS: Final = ("mention_id", "article_id", "ordinal", "kind", "char_start", "char_end", "text", "value")
_EVENT_COLUMNS: Final = (
    "event_id", "article_id", "ordinal", "event_type", "date_start", "date_end", "date_precision", "date_text",
    "location_name", "geonames_id", "lat", "lon", "admin1", "country_code", "location_precision",
    "location_mention", "initiator", "target", "claimed_by", "modality", "contested", "quantities",
    "evidence_sentence", "evidence_start", "evidence_end", "confidence", "trigger",
    # derived, so the query layer filters and sorts by plain indexed columns on SQLite and PostgreSQL alike
    "date_last", "date_span", "initiator_name", "initiator_side", "target_name", "target_side", "claimant",
    "claimant_side", "is_copy", "geo_cell",
)
# Columns added by schema version 2; a version 1 database gets them (filled) when opened.
_V2_EVENT_COLUMNS: Final = _EVENT_COLUMNS[_EVENT_COLUMNS.index("date_last"):]

_SCHEMA: Final = """
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
# Indexes of the query layer (frontline.store.query); bench/query.py measures what each earns. events_location serves
# the refresh of fused events place by place (api.refresh_places): events_place is NOCASE, which '=' cannot use,
# so each place was a scan of every event (a repair of a 100,000-article store 145 -> 106 s).
_QUERY_SCHEMA: Final = """
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
_COPIES: Final = "SELECT article_id FROM articles WHERE duplicate_of IS NOT NULL"
_COUNTED: Final = f"(SELECT * FROM events WHERE article_id NOT IN ({_COPIES}))"
_ARTICLE_SELECT: Final = ("SELECT articles.*, f.duplicate_score, f.duplicate_method FROM articles "
                          "LEFT JOIN fingerprints f USING (article_id)")
_CORPUS_SCHEMA: Final = """
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
_ADDED_INDEXES: Final = frozenset(re.findall(r"CREATE INDEX IF NOT EXISTS (\w+)", _CORPUS_SCHEMA + _QUERY_SCHEMA))
_META: Final = (f"INSERT INTO meta (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}'), "
                "('created_by', 'frontline');")


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """What a write did, counted in records (the article row, its mention rows and its event rows)."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def __add__(self, other: WriteOutcome) -> WriteOutcome:
        return WriteOutcome(self.inserted + other.inserted, self.updated + other.updated,
                            self.unchanged + other.unchanged, self.deleted + other.deleted)

    @property
    def changed(self) -> bool:
        """True when the write inserted, updated or deleted anything."""
        return bool(self.inserted or self.updated or self.deleted)


@dataclass(frozen=True, slots=True)
class StoredInput:
    """What an input already ingested gave: its article, that article's status, whether it is a copy, its events."""

    article_id: str
    status: str
    copy: bool
    events: int


@dataclass(frozen=True, slots=True)
class Summary:
    """Event counts for a dashboard: by type, by place (top 15), by month and by day (ISO strings)."""

    articles: int
    events: int
    by_type: tuple[tuple[str, int], ...]
    by_place: tuple[tuple[str, str | None, int], ...]    # (name, admin1, events), most events first
    by_month: tuple[tuple[str, int], ...]                 # ('2022-06', events), oldest first
    by_date: tuple[tuple[str, int], ...]                  # ('2022-06-22', events), oldest first; dated events only


# --- rows <-> objects ------------------------------------------------------------------------------------

def _json(value: Any) -> str:
    # Sorted keys and fixed separators make equal content give equal text, which is what 'unchanged' compares.
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _date(s: str | None) -> dt.date | None:
    return None if s is None else dt.date.fromisoformat(s)


def _party_json(p: Party | None) -> str | None:
    return None if p is None else _json({"name": p.name, "side": p.side, "role": p.role})


def _party(s: str | None) -> Party | None:
    return None if s is None else Party(**json.loads(s))


def _fingerprint_facts(fp: Fingerprint) -> str:
    """A fingerprint's facts, publication date and text hash, as the JSON of the ``facts`` column."""
    return _json({"facts": sorted(fp.facts), "numbers": sorted(fp.numbers), "days": sorted(fp.days),
                  "places": None if fp.places is None else sorted(fp.places), "published": iso(fp.published),
                  "exact": fp.exact})


def _facts_fields(value: Any) -> dict[str, Any]:
    """The Fingerprint fields kept in the ``facts`` column; a bare list is a database written before dates and
    facts were kept apart (its numbers are among the names-and-numbers, its dates and places unknown)."""
    if isinstance(value, list):
        return {"facts": frozenset(value), "numbers": frozenset(v for v in value if v[:1].isdigit())}
    return {"facts": frozenset(value["facts"]), "numbers": frozenset(value["numbers"]),
            "days": frozenset(value["days"]),
            "places": None if value["places"] is None else frozenset(value["places"]),
            "published": _date(value["published"]), "exact": value["exact"]}


def _offset_runs(offsets: Sequence[int]) -> list[list[int]]:
    """Compress the clean->raw offset map into ``[clean_start, raw_start, length]`` runs of consecutive offsets."""
    # numpy, not a loop over every character: this ran once per stored article in the one process that writes
    raw = np.asarray(offsets, dtype=np.int64)
    if not raw.size:
        return []
    starts = np.concatenate(([0], np.flatnonzero(np.diff(raw) != 1) + 1))
    ends = np.append(starts[1:], raw.size)
    return [[int(a), int(raw[a]), int(b - a)] for a, b in zip(starts, ends)]


def _offsets(runs: list[list[int]]) -> tuple[int, ...]:
    return tuple(raw + k for _, raw, length in runs for k in range(length))


def _article_row(result: ArticleResult, article_id: str) -> tuple[Any, ...]:
    a, doc = result.article, result.document
    return (article_id, a.path, a.url, a.title, a.source, iso(a.published), a.language, a.status, a.error,
            _json(_flags_with_reasons(a)), a.duplicate_of,
            doc.raw if doc else None, doc.text if doc else None,
            _json(_offset_runs(doc.offsets)) if doc else None,
            _json([list(r) for r in doc.removed]) if doc else None,
            _json(list(doc.repairs)) if doc else None)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _flat(record: Any) -> dict[str, Any]:
    """A flat record (a Place, Party, Quantity: no dataclass inside) as a dict. ``dataclasses.asdict`` gives the
    same but walks and deep-copies every value (writing 977 articles took 1.74 CPU s with it, 1.52 without)."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


def _event_row(e: Event, article_id: str, ordinal: int, is_copy: bool = False) -> tuple[Any, ...]:
    loc = e.location
    quantities = [_flat(q) for q in e.quantities]
    return (e.event_id, article_id, ordinal, e.event_type, iso(e.date.start), iso(e.date.end), e.date.precision,
            e.date.text,
            loc.name if loc else None, loc.geonames_id if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, loc.admin1 if loc else None, loc.country_code if loc else None,
            loc.precision if loc else None, loc.mention if loc else None,
            _party_json(e.initiator), _party_json(e.target), _party_json(e.claim.claimed_by), e.claim.modality,
            int(e.claim.contested), _json(quantities),
            e.evidence.sentence, e.evidence.char_start, e.evidence.char_end, e.confidence, e.trigger,
            *_derived(e), int(is_copy), geo_cell(loc.lat, loc.lon) if loc else None)


def geo_cell(lat: float, lon: float) -> int:
    """The number of the ``GEO_CELL`` degree square a point lies in: row (from the south pole) * columns + column.

    Stored with each located event so that a bounding box becomes a few ranges of one indexed integer, on SQLite
    and PostgreSQL alike, instead of a scan of one latitude band.
    """
    return math.floor((lat + 90) / GEO_CELL) * GEO_COLUMNS + math.floor((lon + 180) / GEO_CELL)


def _derived(e: Event) -> tuple[Any, ...]:
    """The values of ``_V2_EVENT_COLUMNS``: the last day and the span in days, the parties' names and sides, the
    claimant."""
    last = e.date.end or e.date.start
    span = (last - e.date.start).days if last and e.date.start else None
    i, t, c = e.initiator, e.target, e.claim.claimed_by
    return (iso(last), span, i.name if i else None, i.side if i else None, t.name if t else None,
            t.side if t else None, c.name if c else None, c.side if c else None)


def _event(row: sqlite3.Row) -> Event:
    location = None
    if row["location_name"] is not None:
        location = Location(name=row["location_name"], lat=row["lat"], lon=row["lon"], admin1=row["admin1"],
                            country_code=row["country_code"], precision=row["location_precision"],
                            geonames_id=row["geonames_id"], mention=row["location_mention"])
    return Event(
        event_id=row["event_id"], article_id=row["article_id"], event_type=row["event_type"], location=location,
        date=EventDate(start=_date(row["date_start"]), precision=row["date_precision"], end=_date(row["date_end"]),
                       text=row["date_text"]),
        initiator=_party(row["initiator"]), target=_party(row["target"]),
        quantities=tuple(Quantity(**q) for q in json.loads(row["quantities"])),
        claim=Claim(claimed_by=_party(row["claimed_by"]), modality=row["modality"],
                    contested=bool(row["contested"])),
        evidence=Evidence(row["evidence_sentence"], row["evidence_start"], row["evidence_end"]),
        confidence=row["confidence"], trigger=row["trigger"],
    )


def _members(f: FusedEvent) -> Iterator[tuple[str, str, int, int]]:
    """The ``fused_members`` rows of a fused event: each event and each copy's event in it."""
    for event_id in (*f.event_ids, *f.copy_event_ids):
        yield event_id, f.fused_id, int(f.contested), len(f.copy_event_ids)


def _mention_rows(mentions: Mentions) -> Iterator[tuple[str, int, int, str, dict[str, Any]]]:
    """``(kind, start, end, text, value)`` for every mention, in a fixed order."""
    for p in mentions.places:
        yield "place", p.start, p.end, p.text, {
            "place": _flat(p.place), "precision": p.precision, "confidence": p.confidence,
            "reason": p.reason, "runner_up": _flat(p.runner_up) if p.runner_up else None}
    for d in mentions.dates:
        yield "date", d.start, d.end, d.text, {"date_start": iso(d.date_start), "date_end": iso(d.date_end),
                                               "precision": d.precision}
    for a in mentions.actors:
        yield "actor", a.start, a.end, a.text, {"party": _flat(a.party), "kind": a.kind}
    for q in mentions.quantities:
        yield "quantity", q.start, q.end, q.quantity.text, {"quantity": _flat(q.quantity)}


def _mentions(rows: Iterable[sqlite3.Row]) -> Mentions:
    found: dict[str, list[Any]] = {"place": [], "date": [], "actor": [], "quantity": []}
    for row in rows:
        kind, start, end, text = row["kind"], row["char_start"], row["char_end"], row["text"]
        v = json.loads(row["value"])
        if kind == "place":
            runner_up = Place(**v["runner_up"]) if v["runner_up"] else None
            found[kind].append(PlaceMention(start, end, text, Place(**v["place"]), v["precision"], v["confidence"],
                                            v["reason"], runner_up))
        elif kind == "date":
            found[kind].append(DateMention(start, end, text, _date(v["date_start"]), _date(v["date_end"]),
                                           v["precision"]))
        elif kind == "actor":
            found[kind].append(ActorMention(start, end, text, Party(**v["party"]), v["kind"]))
        else:
            found["quantity"].append(QuantityMention(start, end, Quantity(**v["quantity"])))
    return Mentions(tuple(found["place"]), tuple(found["date"]), tuple(found["actor"]), tuple(found["quantity"]))


def _document(row: sqlite3.Row) -> Document | None:
    if row["clean_text"] is None:
        return None
    return Document(article_id=row["article_id"], raw=row["raw_text"], text=row["clean_text"],
                    offsets=_offsets(json.loads(row["offsets"])),
                    removed=tuple((s, e, why) for s, e, why in json.loads(row["removed"])),
                    repairs=tuple(json.loads(row["repairs"])))


def _article(row: sqlite3.Row) -> Article:
    return Article(article_id=row["article_id"], status=row["status"], published=_date(row["published"]),
                   path=row["path"], url=row["url"], title=row["title"], source=row["source"],
                   language=row["language"], error=row["error"], duplicate_of=row["duplicate_of"],
                   duplicate_score=row["duplicate_score"], duplicate_method=row["duplicate_method"],
                   **_flags_from_column(row["quality_flags"]))


def _flags_with_reasons(a: Article) -> list[Any]:
    """The quality_flags column: each flag as ``[flag, reason]``, or a bare flag when it has no reason."""
    reasons = dict(a.quality_reasons)
    return [[f, reasons[f]] if f in reasons else f for f in a.quality_flags]


def _flags_from_column(value: str) -> dict[str, Any]:
    items = json.loads(value)
    return {"quality_flags": tuple(i if isinstance(i, str) else i[0] for i in items),
            "quality_reasons": tuple((i[0], i[1]) for i in items if not isinstance(i, str))}


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

class Store:
    """A frontline SQLite database: ``with Store(path) as store: store.write(result)``.

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

    @classmethod
    def open(cls, path: str | PathLike[str], *, timeout: float = 10.0) -> Store:
        """Open (or create) the database at ``path``; same as ``Store(path)``."""
        return cls(path, timeout=timeout)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    def close(self) -> None:
        """Close the connection (checkpointing the write-ahead log); closing twice is harmless."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed; open it again with Store.open(path)")
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
                    for statement in (_SCHEMA + _CORPUS_SCHEMA + _QUERY_SCHEMA + _META).split(";"):
                        if statement.strip():
                            db.execute(statement)
                    logger.info("created frontline database %s", self.path)
                    return
            tables = self._tables()
        missing = {"meta", "articles", "mentions", "events"} - tables
        if missing:
            raise StoreError(f"{self.path} is not a frontline database (it has tables {', '.join(sorted(tables))} "
                             f"but not {', '.join(sorted(missing))}); pass a new path or remove the file")
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = row[0] if row else None
        if version == "1":
            self._migrate_v1()
            version = str(SCHEMA_VERSION)
        if version != str(SCHEMA_VERSION):
            raise StoreError(f"{self.path} has frontline schema version {version}, this frontline reads version "
                             f"{SCHEMA_VERSION}; extract again into a new database file")
        indexes = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        if not {"fingerprints", "copy_keys", "fused_events", "timelines", "fused_members", "retracted",
                "inputs"} <= tables or not _ADDED_INDEXES <= indexes:
            # tables and indexes added since the store was made (all IF NOT EXISTS): a store of an earlier
            # version 2 gets this version's indexes when it is first opened
            self._db.executescript("BEGIN;" + _CORPUS_SCHEMA + _QUERY_SCHEMA + "COMMIT;")

    def _migrate_v1(self) -> None:
        """Bring a version 1 database to version 2: derived event columns, fused_members, retracted."""
        db = self._db
        logger.info("migrating %s from frontline schema version 1 to %d", self.path, SCHEMA_VERSION)
        db.execute("BEGIN IMMEDIATE")
        try:
            for column in (*_V2_EVENT_COLUMNS, "stored_at"):
                kind = "INTEGER" if column in ("date_span", "is_copy", "geo_cell") else "TEXT"
                db.execute(f"ALTER TABLE events ADD COLUMN {column} {kind}")
            # statement by statement: executescript would commit the migration's transaction half-way
            for statement in (_CORPUS_SCHEMA + _QUERY_SCHEMA).split(";"):
                if statement.strip():
                    db.execute(statement)
            sets = ", ".join(f"{c} = ?" for c in _V2_EVENT_COLUMNS)
            db.executemany(f"UPDATE events SET {sets} WHERE event_id = ?",
                           [(*_derived(_event(r)), r["copied"],
                             None if r["lat"] is None else geo_cell(r["lat"], r["lon"]), r["event_id"])
                            for r in db.execute(
                               "SELECT events.*, a.duplicate_of IS NOT NULL AS copied FROM events "
                               "JOIN articles a USING (article_id)")])
            db.execute("UPDATE events SET stored_at = (SELECT ingested_at FROM articles a "
                       "WHERE a.article_id = events.article_id)")
            db.executemany("INSERT OR REPLACE INTO fused_members VALUES (?, ?, ?, ?)",
                           [m for r in db.execute("SELECT data FROM fused_events")
                            for m in _members(corpus_fuse.from_dict(json.loads(r[0])))])
            db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    @contextmanager
    def _reading(self, action: str) -> Iterator[sqlite3.Connection]:
        try:
            yield self._db
        except sqlite3.Error as exc:
            raise StoreError(f"cannot {action} in {self.path}: {exc}; {_hint(exc)}") from exc

    @contextmanager
    def batch(self, action: str = "write a batch of articles") -> Iterator[None]:
        """Make the writes inside one transaction, committed at the end and rolled back, all of them, on an error
        (a batch inside a batch joins it). ``api.ingest`` writes its articles in batches: one commit per batch
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
        a = result.article
        article_id = a.article_id or stable_id("article", a.path, a.url, a.title)
        events: dict[str, tuple[Any, ...]] = {}
        for i, e in enumerate(result.events):
            if e.event_id in events:
                logger.warning("article %s has two events with id %s; storing the first", article_id, e.event_id)
                continue
            events[e.event_id] = _event_row(e, article_id, i, a.duplicate_of is not None)
        mentions: dict[str, tuple[Any, ...]] = {}
        for i, (kind, start, end, text, value) in enumerate(_mention_rows(result.mentions)):
            mention_id = stable_id(article_id, kind, start, end, text)
            # Two mentions of one kind on one span say the same thing; the first is kept.
            mentions.setdefault(mention_id, (mention_id, article_id, i, kind, start, end, text, _json(value)))

        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._transaction(f"write article {article_id}") as db:
            outcome = self._sync_article(db, _article_row(result, article_id), now)
            outcome += self._sync_children(db, "events", _EVENT_COLUMNS, article_id, events, now)
            outcome += self._sync_children(db, "mentions", _MENTION_COLUMNS, article_id, mentions, now)
        return outcome

    def write_many(self, results: Iterable[ArticleResult], *,
                   progress: Callable[[ArticleResult, WriteOutcome], None] | None = None) -> WriteOutcome:
        """Write each result in its own transaction; ``progress`` is called after each one. Returns the totals."""
        total = WriteOutcome()
        for result in results:
            outcome = self.write(result)
            total += outcome
            if progress is not None:
                progress(result, outcome)
        return total

    @staticmethod
    def _sync_article(db: sqlite3.Connection, row: tuple[Any, ...], now: str) -> WriteOutcome:
        columns = ", ".join(_ARTICLE_COLUMNS)
        stored = db.execute(f"SELECT {columns} FROM articles WHERE article_id = ?", (row[0],)).fetchone()
        if stored is not None and tuple(stored) == row:
            return WriteOutcome(unchanged=1)
        if stored is None:
            marks = ", ".join("?" * (len(row) + 1))
            db.execute(f"INSERT INTO articles ({columns}, ingested_at) VALUES ({marks})", (*row, now))
            return WriteOutcome(inserted=1)
        sets = ", ".join(f"{c} = ?" for c in _ARTICLE_COLUMNS[1:])
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
                events = tuple(_event(r) for r in db.execute(
                    "SELECT * FROM events WHERE article_id = ? ORDER BY ordinal", (article_id,)))
                found = Mentions()
                if mentions:
                    found = _mentions(db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY ordinal",
                                                 (article_id,)))
                yield ArticleResult(article=_article(row), document=_document(row) if documents else None,
                                    mentions=found, events=events)

    def article(self, article_id: str) -> ArticleResult | None:
        """One stored article with its document, mentions and events, or None when it is not stored."""
        with self._reading(f"read article {article_id}") as db:
            row = db.execute(f"{_ARTICLE_SELECT} WHERE article_id = ?", (article_id,)).fetchone()
            if row is None:
                return None
            events = tuple(_event(r) for r in db.execute(
                "SELECT * FROM events WHERE article_id = ? ORDER BY ordinal", (article_id,)))
            found = _mentions(db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY ordinal",
                                         (article_id,)))
        return ArticleResult(article=_article(row), document=_document(row), mentions=found, events=events)

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
            return [_event(r) for r in db.execute(sql, args)]

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
                    "GROUP BY location_name, admin1 ORDER BY n DESC, location_name LIMIT ?", (_TOP_PLACES,))),
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
                        fp.size, _fingerprint_facts(fp), None if fp.vector is None else fp.vector.tobytes(),
                        match.original_id if match else None, match.score if match else None,
                        match.method if match else None))
            db.executemany("INSERT OR IGNORE INTO copy_keys VALUES (?, ?)", [(k, fp.article_id) for k in fp.keys()])

    def fingerprint(self, article_id: str) -> Fingerprint | None:
        """The stored fingerprint of an article, or None."""
        with self._reading("read a fingerprint") as db:
            r = db.execute("SELECT * FROM fingerprints WHERE article_id = ?", (article_id,)).fetchone()
        if r is None:
            return None
        return Fingerprint(article_id, np.frombuffer(r["minhash"], np.uint64), np.frombuffer(r["lead"], np.uint64),
                           np.frombuffer(r["facts_minhash"], np.uint64), r["size"],
                           vector=None if r["vector"] is None else np.frombuffer(r["vector"], np.float32),
                           **_facts_fields(json.loads(r["facts"])))

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

    def has_fingerprints(self) -> bool:
        """Whether any article has a fingerprint yet."""
        with self._reading("look for fingerprints") as db:
            return bool(db.execute("SELECT EXISTS (SELECT 1 FROM fingerprints)").fetchone()[0])

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
                           [(f.fused_id, corpus_fuse.location_key(f.location), _json(corpus_fuse.to_dict(f)))
                            for f in fused])
            db.executemany("INSERT OR REPLACE INTO fused_members VALUES (?, ?, ?, ?)",
                           [m for f in fused for m in _members(f)])

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
                out += [_event(r) for r in db.execute(sql + " ORDER BY article_id, ordinal", () if k == "" else (k,))]
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
            return {r["article_id"]: _article(r) for r in rows if r is not None}

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
        """Record that an input (``api.input_key``) is stored as ``article_id``."""
        with self._transaction(f"record the input of {article_id}") as db:
            db.execute("INSERT OR REPLACE INTO inputs VALUES (?, ?)", (input_key, article_id))

    def put_timeline(self, timeline: Timeline) -> None:
        """Store (or replace) a settlement's control timeline."""
        with self._transaction(f"store the timeline of {timeline.place}") as db:
            db.execute("INSERT OR REPLACE INTO timelines VALUES (?, ?)",
                       (timeline.place.casefold(), _json(control.to_dict(timeline))))

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
