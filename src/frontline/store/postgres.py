"""The PostgreSQL store: the ``Store`` protocol (``frontline.store.base``) on ``--db postgresql://...``.

    with PgStore("postgresql://frontline:secret@localhost/frontline") as store:
        store.write(result)

The tables are those of ``frontline.store.schema``, created through SQLAlchemy Core when the database has none;
the rows are built and read by the row codec the SQLite store uses (``frontline.store.codec``), so both back ends
hold the same values and the query layer reads them alike. ``meta.schema_version`` is checked on open: a
database of another version is refused with what to do. Errors (unreachable server, wrong password, missing
database) are ``StoreError`` with the fix.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, delete, func, insert, inspect, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import SQLAlchemyError

from frontline.corpus import control
from frontline.corpus import fuse as corpus_fuse
from frontline.corpus.copies import Fingerprint, Match
from frontline.errors import StoreError
from frontline.models import Article, ArticleResult, Event, FusedEvent, Mentions, Timeline
from frontline.store import migrations
from frontline.store import schema as t
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
from frontline.store.engine import NO_MIGRATION, open_engine, redact, schema_version
from frontline.store.schema import SCHEMA_VERSION, check_tables, check_version

__all__ = ["PgStore"]

logger = logging.getLogger(__name__)


def _hint(exc: SQLAlchemyError) -> str:
    text = str(exc).lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return "check the user name and password in the URL"
    if "does not exist" in text and "database" in text:
        return "create the database first (createdb NAME) or name an existing one in the URL"
    if "connection refused" in text or "could not connect" in text or "timeout" in text:
        return "check that PostgreSQL is running and reachable at the URL's host and port"
    if "permission denied" in text:
        return "the user may not create or change frontline's tables; grant it the rights or use another user"
    return "check the database URL and that it is a frontline store"


class PgStore(WritingStore):
    """A frontline store in PostgreSQL, with the methods of the ``Store`` protocol.

    Args:
        url: ``postgresql://user:password@host:port/dbname``; frontline's tables are created when the
            database has none.

    Raises:
        StoreError: the server cannot be reached, the database holds other tables than frontline's, or was
            written by another schema version.
    """

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        self.path = str(url)
        self._engine: Engine | None = None
        self._batch: Connection | None = None
        try:
            self._engine = open_engine(self.path)
            self._prepare(self._engine)
        except SQLAlchemyError as exc:
            self.close()
            raise StoreError(f"cannot open {redact(self.path)}: {exc.__class__.__name__}: "
                             f"{getattr(exc, 'orig', None) or exc}; {_hint(exc)}") from exc
        except StoreError:
            self.close()
            raise

    def __repr__(self) -> str:
        return f"PgStore({redact(self.path)!r})"

    def _release(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def _prepare(self, engine: Engine) -> None:
        tables = set(inspect(engine).get_table_names())
        if not tables:
            with engine.begin() as conn:
                t.metadata.create_all(conn)
                conn.execute(insert(t.meta), [{"key": "schema_version", "value": str(SCHEMA_VERSION)},
                                              {"key": "created_by", "value": "frontline"}])
            logger.info("created frontline tables in %s", redact(self.path))
            return
        check_tables(redact(self.path), tables, "name an empty database in the URL")
        migrations.upgrade_postgres(engine, schema_version(engine), redact(self.path))
        check_version(redact(self.path), schema_version(engine), NO_MIGRATION)
        with engine.begin() as conn:
            t.metadata.create_all(conn)         # tables and indexes added since (CREATE ... IF NOT EXISTS)

    @contextmanager
    def batch(self, action: str = "write a batch of articles") -> Iterator[None]:
        """Make the reads and writes inside one transaction on one connection (see ``SqliteStore.batch``)."""
        if self._batch is not None:
            yield
            return
        with self._connection(action, write=True) as conn:
            self._batch = conn
            try:
                yield
            finally:
                self._batch = None

    @contextmanager
    def _connection(self, action: str, *, write: bool = False) -> Iterator[Connection]:
        if self._engine is None:
            raise StoreError(f"the store {redact(self.path)} is closed; open it again with PgStore.open(url)")
        if self._batch is not None:     # inside a batch: its transaction, so reads see its writes
            yield self._batch
            return
        try:
            with (self._engine.begin() if write else self._engine.connect()) as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot {action} in {redact(self.path)}: {getattr(exc, 'orig', None) or exc}; "
                             f"{_hint(exc)}") from exc

    # --- writing ---------------------------------------------------------------------------------------

    def write(self, result: ArticleResult) -> WriteOutcome:
        """Store one article with its mentions and events, changing only what differs (see ``SqliteStore.write``)."""
        rows = result_rows(result)
        article_id, events, mentions = rows.article_id, rows.events, rows.mentions
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._connection(f"write article {article_id}", write=True) as conn:
            outcome = self._sync_article(conn, rows.article, now)
            outcome += self._sync_children(conn, t.events, EVENT_COLUMNS, article_id, events, now)
            outcome += self._sync_children(conn, t.mentions, MENTION_COLUMNS, article_id, mentions, now)
        return outcome

    @staticmethod
    def _sync_article(conn: Connection, row: tuple[Any, ...], now: str) -> WriteOutcome:
        a = t.articles
        columns = [a.c[c] for c in ARTICLE_COLUMNS]
        stored = conn.execute(select(*columns).where(a.c.article_id == row[0])).first()
        if stored is not None and tuple(stored) == row:
            return WriteOutcome(unchanged=1)
        values = dict(zip(ARTICLE_COLUMNS, row)) | {"ingested_at": now}
        if stored is None:
            conn.execute(insert(a).values(values))
            return WriteOutcome(inserted=1)
        conn.execute(update(a).where(a.c.article_id == row[0]).values(values))
        return WriteOutcome(updated=1)

    @staticmethod
    def _sync_children(conn: Connection, table: Any, columns: tuple[str, ...], article_id: str,
                       rows: dict[str, tuple[Any, ...]], now: str) -> WriteOutcome:
        key = table.c[columns[0]]
        stored = {r[0]: tuple(r) for r in conn.execute(select(*(table.c[c] for c in columns))
                                                        .where(table.c.article_id == article_id))}
        gone = list(stored.keys() - rows.keys())
        if gone:
            conn.execute(delete(table).where(key.in_(gone)))
        stamp = {"stored_at": now} if table is t.events else {}
        fresh = [dict(zip(columns, row)) | stamp for k, row in rows.items() if k not in stored]
        if fresh:
            # an id stored under another article (the same content read twice) moves to this one
            stmt = pg_insert(table)
            conn.execute(stmt.on_conflict_do_update(index_elements=[key],
                                                    set_={c: stmt.excluded[c] for c in (*columns[1:], *stamp)}),
                         fresh)
        changed = [row for k, row in rows.items() if k in stored and stored[k] != row]
        for row in changed:
            conn.execute(update(table).where(key == row[0]).values(dict(zip(columns[1:], row[1:])) | stamp))
        if table is t.events:
            r = t.retracted
            if gone:
                stmt = pg_insert(r)
                conn.execute(stmt.on_conflict_do_update(index_elements=[r.c.event_id],
                                                        set_={"article_id": stmt.excluded.article_id,
                                                              "retracted_at": stmt.excluded.retracted_at}),
                             [{"event_id": k, "article_id": article_id, "retracted_at": now} for k in gone])
            if fresh:
                conn.execute(delete(r).where(r.c.event_id.in_([f["event_id"] for f in fresh])))
        return WriteOutcome(inserted=len(fresh), updated=len(changed), deleted=len(gone),
                            unchanged=len(rows) - len(fresh) - len(changed))

    # --- reading ---------------------------------------------------------------------------------------

    @staticmethod
    def _article_select() -> Any:
        a, fp = t.articles, t.fingerprints
        return select(a, fp.c.duplicate_score, fp.c.duplicate_method).select_from(
            a.outerjoin(fp, fp.c.article_id == a.c.article_id))

    @staticmethod
    def _events_of(conn: Connection, article_id: str) -> tuple[Event, ...]:
        e = t.events
        return tuple(event_from_row(r._mapping) for r in conn.execute(
            select(e).where(e.c.article_id == article_id).order_by(e.c.ordinal)))

    @staticmethod
    def _mentions_of(conn: Connection, article_id: str) -> Mentions:
        m = t.mentions
        return mentions_from_rows(r._mapping for r in conn.execute(
            select(m).where(m.c.article_id == article_id).order_by(m.c.ordinal)))

    def results(self, *, documents: bool = True, mentions: bool = True) -> Iterator[ArticleResult]:
        """Every stored article as an ``ArticleResult``, by first write time then id (see ``SqliteStore.results``)."""
        with self._connection("read articles") as conn:
            rows = conn.execute(self._article_select().order_by(t.articles.c.ingested_at,
                                                                t.articles.c.article_id)).all()
            for row in rows:
                r = row._mapping
                yield ArticleResult(article=article_from_row(r), document=document_from_row(r) if documents else None,
                                    mentions=self._mentions_of(conn, r["article_id"]) if mentions else Mentions(),
                                    events=self._events_of(conn, r["article_id"]))

    def article(self, article_id: str) -> ArticleResult | None:
        """One stored article with its document, mentions and events, or None when it is not stored."""
        with self._connection(f"read article {article_id}") as conn:
            row = conn.execute(self._article_select().where(t.articles.c.article_id == article_id)).first()
            if row is None:
                return None
            return ArticleResult(article=article_from_row(row._mapping), document=document_from_row(row._mapping),
                                 mentions=self._mentions_of(conn, article_id), events=self._events_of(conn, article_id))

    def events(self, event_type: str | None = None, place: str | None = None, since: dt.date | None = None,
               until: dt.date | None = None) -> list[Event]:
        """Stored events matching every filter given (see ``SqliteStore.events``)."""
        e = t.events
        where = []
        if event_type is not None:
            where.append(e.c.event_type == event_type)
        if place is not None:
            where.append((func.lower(e.c.location_name) == place.lower()) | (func.lower(e.c.admin1) == place.lower()))
        if since is not None:
            where.append(e.c.date_start >= since.isoformat())
        if until is not None:
            where.append(e.c.date_start <= until.isoformat())
        with self._connection("read events") as conn:
            rows = conn.execute(select(e).where(*where).order_by(e.c.date_start.is_(None), e.c.date_start,
                                                                 e.c.article_id, e.c.ordinal))
            return [event_from_row(r._mapping) for r in rows]

    @staticmethod
    def _copies() -> Any:
        return select(t.articles.c.article_id).where(t.articles.c.duplicate_of.is_not(None))

    def counts(self) -> dict[str, int]:
        """Numbers of records (see ``SqliteStore.counts``)."""
        a, e = t.articles, t.events
        with self._connection("count records") as conn:
            by_status: dict[str, int] = dict(conn.execute(select(a.c.status, func.count()).group_by(a.c.status)).all())
            return {"articles": sum(by_status.values()), "ok": by_status.get("ok", 0),
                    "skipped": by_status.get("skipped", 0), "failed": by_status.get("failed", 0),
                    "events": conn.execute(select(func.count()).select_from(e)
                                           .where(~e.c.article_id.in_(self._copies()))).scalar_one(),
                    "mentions": conn.execute(select(func.count()).select_from(t.mentions)).scalar_one()}

    def corpus_counts(self) -> dict[str, int]:
        """Numbers across articles (see ``SqliteStore.corpus_counts``)."""
        e, m = t.events, t.fused_members
        with self._connection("count copies and fused events") as conn:
            def one(stmt: Any) -> int:
                return conn.execute(stmt).scalar_one()

            return {"copies": one(select(func.count()).select_from(self._copies().subquery())),
                    "copy_events": one(select(func.count()).select_from(e).where(e.c.article_id.in_(self._copies()))),
                    "fused_events": one(select(func.count()).select_from(t.fused_events)),
                    "contested": one(select(func.count(m.c.fused_id.distinct())).where(m.c.contested == 1)),
                    "timelines": one(select(func.count()).select_from(t.timelines))}

    def summary(self) -> Summary:
        """Event counts by type, place, month and day; copies' events left out (see ``SqliteStore.summary``)."""
        e = t.events
        counted = ~e.c.article_id.in_(self._copies())
        n = func.count().label("n")
        month = func.substr(e.c.date_start, 1, 7).label("m")
        with self._connection("summarise events") as conn:
            def pairs(stmt: Any) -> tuple[tuple[Any, ...], ...]:
                return tuple(tuple(r) for r in conn.execute(stmt))

            return Summary(
                articles=conn.execute(select(func.count()).select_from(t.articles)).scalar_one(),
                events=conn.execute(select(func.count()).select_from(e).where(counted)).scalar_one(),
                by_type=pairs(select(e.c.event_type, n).where(counted).group_by(e.c.event_type)
                              .order_by(n.desc(), e.c.event_type)),
                by_place=pairs(select(e.c.location_name, e.c.admin1, n)
                               .where(counted, e.c.location_name.is_not(None))
                               .group_by(e.c.location_name, e.c.admin1)
                               .order_by(n.desc(), e.c.location_name).limit(TOP_PLACES)),
                by_month=pairs(select(month, func.count()).where(counted, e.c.date_start.is_not(None))
                               .group_by(month).order_by(month)),
                by_date=pairs(select(e.c.date_start, func.count()).where(counted, e.c.date_start.is_not(None))
                              .group_by(e.c.date_start).order_by(e.c.date_start)),
            )

    # --- copies, fused events and timelines ------------------------------------------------------------

    def add_fingerprint(self, fp: Fingerprint, match: Match | None = None) -> None:
        """Keep an article's fingerprint and LSH keys (and what it copies); a stored fingerprint is kept as is."""
        f = t.fingerprints
        with self._connection(f"store the fingerprint of {fp.article_id}", write=True) as conn:
            if conn.execute(select(f.c.article_id).where(f.c.article_id == fp.article_id)).first():
                return
            seq = conn.execute(select(func.coalesce(func.max(f.c.seq), 0) + 1)).scalar_one()
            conn.execute(insert(f).values(
                article_id=fp.article_id, seq=seq, minhash=fp.minhash.tobytes(), lead=fp.lead.tobytes(),
                facts_minhash=fp.facts_minhash.tobytes(), size=fp.size, facts=fingerprint_facts(fp),
                vector=None if fp.vector is None else fp.vector.tobytes(),
                duplicate_of=match.original_id if match else None, duplicate_score=match.score if match else None,
                duplicate_method=match.method if match else None))
            self._add_keys(conn, fp)

    @staticmethod
    def _add_keys(conn: Connection, fp: Fingerprint) -> None:
        keys = [{"key": k, "article_id": fp.article_id} for k in fp.keys()]
        if keys:
            conn.execute(pg_insert(t.copy_keys).on_conflict_do_nothing(), keys)

    def fingerprint(self, article_id: str) -> Fingerprint | None:
        """The stored fingerprint of an article, or None."""
        f = t.fingerprints
        with self._connection("read a fingerprint") as conn:
            r = conn.execute(select(f).where(f.c.article_id == article_id)).first()
        return None if r is None else fingerprint_from_row(r._mapping)

    def copy_match(self, article_id: str) -> tuple[bool, Match | None]:
        """Whether the article has a fingerprint, and the stored copy decision for it."""
        f = t.fingerprints
        with self._connection("read a copy decision") as conn:
            r = conn.execute(select(f.c.duplicate_of, f.c.duplicate_score, f.c.duplicate_method)
                             .where(f.c.article_id == article_id)).first()
        if r is None:
            return False, None
        if r[0] is None:
            return True, None
        return True, Match(article_id, r[0], r[2], r[1])

    def original_of(self, article_id: str) -> str | None:
        """The original an article copies, or None."""
        f = t.fingerprints
        with self._connection("read a copy decision") as conn:
            r = conn.execute(select(f.c.duplicate_of).where(f.c.article_id == article_id)).first()
        return r[0] if r else None

    def candidates(self, keys: Sequence[int]) -> list[str]:
        """Articles sharing an LSH key with ``keys``, first seen first."""
        if not keys:
            return []
        f, k = t.fingerprints, t.copy_keys
        with self._connection("search fingerprints") as conn:
            return [r[0] for r in conn.execute(
                select(f.c.article_id).where(f.c.article_id.in_(select(k.c.article_id).where(k.c.key.in_(list(keys)))))
                .order_by(f.c.seq))]

    def text_of(self, article_id: str) -> str | None:
        """The cleaned text of a stored article, or None."""
        a = t.articles
        with self._connection("read an article's text") as conn:
            r = conn.execute(select(a.c.clean_text).where(a.c.article_id == article_id)).first()
        return r[0] if r else None

    def set_vector(self, article_id: str, vector: np.ndarray) -> None:
        """Store a fingerprint's article vector (computed when a comparison first needed it; no key depends on it)."""
        f = t.fingerprints
        with self._connection(f"store the vector of {article_id}", write=True) as conn:
            conn.execute(update(f).where(f.c.article_id == article_id)
                         .values(vector=np.asarray(vector, np.float32).tobytes()))

    def replace_fused(self, location_keys: Iterable[str], fused: Iterable[FusedEvent]) -> None:
        """Replace the fused events of the given locations (``corpus_fuse.location_key``) with ``fused``."""
        keys = list(location_keys)
        fe, m = t.fused_events, t.fused_members
        fused = list(fused)
        with self._connection("store fused events", write=True) as conn:
            if keys:
                conn.execute(delete(m).where(m.c.fused_id.in_(select(fe.c.fused_id)
                                                              .where(fe.c.location_key.in_(keys)))))
                conn.execute(delete(fe).where(fe.c.location_key.in_(keys)))
            if fused:
                rows = {f.fused_id: {"fused_id": f.fused_id, "location_key": corpus_fuse.location_key(f.location),
                                     "data": to_json(corpus_fuse.to_dict(f))} for f in fused}
                stmt = pg_insert(fe)
                conn.execute(stmt.on_conflict_do_update(index_elements=[fe.c.fused_id],
                                                        set_={"location_key": stmt.excluded.location_key,
                                                              "data": stmt.excluded.data}), list(rows.values()))
                members = {m_[0]: m_ for f in fused for m_ in fused_member_rows(f)}
                stmt = pg_insert(m)
                conn.execute(stmt.on_conflict_do_update(index_elements=[m.c.event_id],
                                                        set_={c: stmt.excluded[c] for c in
                                                              ("fused_id", "contested", "copies")}),
                             [dict(zip(("event_id", "fused_id", "contested", "copies"), v))
                              for v in members.values()])

    def fused_events(self, location_keys: Iterable[str] | None = None) -> list[FusedEvent]:
        """Stored fused events (of the given locations only, when given), by date then id."""
        fe = t.fused_events
        stmt = select(fe.c.data)
        if location_keys is not None:
            stmt = stmt.where(fe.c.location_key.in_(list(location_keys)))
        with self._connection("read fused events") as conn:
            found = [corpus_fuse.from_dict(json.loads(r[0])) for r in conn.execute(stmt)]
        return sorted(found, key=lambda f: (f.date.start is None, f.date.start or dt.date.min, f.fused_id))

    def events_at(self, location_keys: Iterable[str]) -> list[Event]:
        """Every stored event at the given locations (``corpus_fuse.location_key``), with no location for ''."""
        e = t.events
        out: list[Event] = []
        with self._connection("read events") as conn:
            for k in location_keys:
                where = e.c.location_name.is_(None) if k == "" else e.c.location_name == k
                out += [event_from_row(r._mapping) for r in conn.execute(
                    select(e).where(where).order_by(e.c.article_id, e.c.ordinal))]
        return out

    def event_counts(self, location_keys: Iterable[str] | None = None) -> dict[str, int]:
        """The number of stored events at each location (see ``SqliteStore.event_counts``)."""
        e = t.events
        stmt = select(e.c.location_name, func.count()).group_by(e.c.location_name)
        if location_keys is not None:
            keys = list(location_keys)
            stmt = stmt.where(or_(e.c.location_name.in_(keys), e.c.location_name.is_(None)) if "" in keys
                              else e.c.location_name.in_(keys))
        with self._connection("count events by place") as conn:
            return {r[0] or "": r[1] for r in conn.execute(stmt)}

    def fused_location_keys(self) -> set[str]:
        """The locations (``corpus_fuse.location_key``) that have fused events."""
        with self._connection("read fused events") as conn:
            return set(conn.execute(select(t.fused_events.c.location_key).distinct()).scalars())

    def article_meta(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """The stored records (no texts) of the given articles, by id."""
        ids = list(article_ids)
        if not ids:
            return {}
        with self._connection("read articles") as conn:
            rows = conn.execute(self._article_select().where(t.articles.c.article_id.in_(ids)))
            return {r._mapping["article_id"]: article_from_row(r._mapping) for r in rows}

    def put_timeline(self, timeline: Timeline) -> None:
        """Store (or replace) a settlement's control timeline."""
        tl = t.timelines
        stmt = pg_insert(tl).values(place_key=timeline.place.casefold(), data=to_json(control.to_dict(timeline)))
        with self._connection(f"store the timeline of {timeline.place}", write=True) as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=[tl.c.place_key],
                                                    set_={"data": stmt.excluded.data}))

    def mark_derived_stale(self) -> None:
        """Record that fused events and timelines may be behind the events (see ``SqliteStore.mark_derived_stale``)."""
        stmt = pg_insert(t.meta).values(key="derived_stale", value="1")
        with self._connection("mark the fused events as stale", write=True) as conn:
            conn.execute(stmt.on_conflict_do_nothing(index_elements=[t.meta.c.key]))

    def clear_derived_stale(self) -> None:
        """Record that fused events and timelines are up to date with the events."""
        with self._connection("mark the fused events as current", write=True) as conn:
            conn.execute(delete(t.meta).where(t.meta.c.key == "derived_stale"))

    def stored_inputs(self, input_keys: Sequence[str]) -> dict[str, StoredInput]:
        """Those of ``input_keys`` (see ``add_input``) already extracted and stored, with what they gave."""
        if not input_keys:
            return {}
        a, i, e = t.articles, t.inputs, t.events
        n = select(func.count()).select_from(e).where(e.c.article_id == a.c.article_id).scalar_subquery()
        stmt = (select(i.c.input_key, a.c.article_id, a.c.status, a.c.duplicate_of.is_not(None), n)
                .join(a, a.c.article_id == i.c.article_id).where(i.c.input_key.in_(list(input_keys))))
        with self._connection("read the inputs already stored") as conn:
            return {r[0]: StoredInput(r[1], r[2], bool(r[3]), r[4]) for r in conn.execute(stmt)}

    def add_input(self, input_key: str, article_id: str) -> None:
        """Record that an input (``frontline.store.ingest.input_key``) is stored as ``article_id``."""
        stmt = pg_insert(t.inputs).values(input_key=input_key, article_id=article_id)
        with self._connection(f"record the input of {article_id}", write=True) as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=[t.inputs.c.input_key],
                                                    set_={"article_id": stmt.excluded.article_id}))

    def derived_stale(self) -> bool:
        """Whether an ingest left fused events and timelines possibly behind the events."""
        with self._connection("read the store's state") as conn:
            return conn.execute(select(t.meta.c.key).where(t.meta.c.key == "derived_stale")).first() is not None

    def timeline(self, place: str) -> Timeline | None:
        """The stored control timeline of a settlement (canonical name, any case), or None."""
        tl = t.timelines
        with self._connection(f"read the timeline of {place}") as conn:
            r = conn.execute(select(tl.c.data).where(tl.c.place_key == place.casefold())).first()
        return None if r is None else control.from_dict(json.loads(r[0]))
