"""The ``Catalog``: filtered, sorted and paged reads of a store, for the CLI, the Python API and the REST API.

See ``frontline.store.query`` for the query layer as a whole. The catalog only reads: it opens the database
read-only and refuses a missing store or one of another schema version (it never creates or migrates one;
``frontline.store.backend.open_store`` does).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final, Literal, Unpack, get_args

from sqlalchemy import ColumnElement, Engine, Select, distinct, func, or_, select, tuple_
from sqlalchemy.exc import DataError, SQLAlchemyError

from frontline.corpus import control, control_area
from frontline.corpus import fuse as corpus_fuse
from frontline.corpus.control_reading import FRONT_PRECISIONS, FRONT_TYPES, REAL
from frontline.errors import QueryError, StoreError, UnknownPlaceError
from frontline.geo.gazetteer import Gazetteer, unknown_settlement
from frontline.models import FusedEvent, Location, Status, Timeline
from frontline.store import schema as t
from frontline.store.base import Lifecycle
from frontline.store.codec import article_from_row, document_from_row, event_from_row
from frontline.store.engine import open_reader
from frontline.store.filters import name_key
from frontline.store.records import (
    COUNT_LIMIT,
    EVERY_EVENT,
    MAX_LIMIT,
    SIDES,
    SORTS,
    ArticleRecord,
    ControlPlace,
    CoverageRow,
    EventDetail,
    EventFilter,
    EventRecord,
    Facets,
    GridCell,
    HistogramDay,
    Page,
    PlaceRecord,
    PlaceTimeline,
    StateSpan,
)
from frontline.store.sql import (
    Position,
    cell_floor,
    cell_ranges,
    decode_cursor,
    encode_cursor,
    like_pattern,
    unindexed,
    utc_text,
)
from frontline.textguard import redact

__all__ = ["Catalog"]

_FACETS: Final = ("type", "side", "oblast", "claimant", "modality", "outlet", "precision")
_TOTALS_KEPT: Final = 256


def _pairs(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


# --- the catalog ----------------------------------------------------------------------------------------

class Catalog(Lifecycle):
    """Read access to a frontline store (SQLite file or PostgreSQL URL) through one set of queries.

    Args:
        db: a SQLite file path, or a ``postgresql://user:pass@host/db`` URL.
        gazetteer: resolves oblast and settlement names in any spelling; loaded when first needed if not given.

    Raises:
        StoreError: the database cannot be opened, is not a frontline store, or has another schema version.
    """

    def __init__(self, db: str, *, gazetteer: Gazetteer | None = None) -> None:
        self.db = str(db)
        self._engine: Engine | None = open_reader(self.db)
        self._gazetteer = gazetteer
        self._gazetteer_lock = threading.Lock()
        self._totals: dict[tuple[Any, ...], int] = {}
        self._stale_read: tuple[float, bool] = (-2.0, False)

    def __repr__(self) -> str:
        return f"Catalog({redact(self.db)!r})"

    def _release(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer that resolves place names (loaded on first use)."""
        with self._gazetteer_lock:      # a server's threads share one catalog: load once
            if self._gazetteer is None:
                self._gazetteer = Gazetteer.load()
        return self._gazetteer

    def _rows(self, stmt: Select[Unpack[tuple[Any, ...]]], action: str) -> list[Any]:
        if self._engine is None:
            raise StoreError(f"the catalog of {redact(self.db)} is closed; open it again with Catalog.open(db)")
        try:
            with self._engine.connect() as conn:
                return list(conn.execute(stmt))
        except DataError as exc:      # a value the database cannot hold (a NUL byte in an id or a cursor)
            raise QueryError(f"cannot {action}: a value in the request is not one the database can compare "
                             "(a NUL byte, or a number out of range); fix the value") from exc
        except SQLAlchemyError as exc:
            raise StoreError(redact(f"cannot {action} in {self.db}: {exc.__class__.__name__}: "
                                    f"{getattr(exc, 'orig', None) or exc}; check that the database is reachable "
                                    "and is a frontline store")) from exc

    def derived_stale(self) -> bool:
        """Whether the fused events and timelines may be behind the events: an ingest is writing, or one was cut
        short and the next ingest (or ``frontline repair``) rebuilds them. Read at most once a second."""
        now = time.monotonic()
        if now - self._stale_read[0] > 1.0:
            rows = self._rows(select(t.meta.c.value).where(t.meta.c.key == "derived_stale"), "read the store's state")
            self._stale_read = (now, bool(rows))
        return self._stale_read[1]

    # --- names through the gazetteer ------------------------------------------------------------------

    def oblast_name(self, name: str) -> str:
        """The oblast's name as stored (``admin1``) for a name in any spelling.

        Raises:
            QueryError: the gazetteer knows no oblast or region of that name.
        """
        place = self.gazetteer.admin1(name)
        if place is None:
            raise QueryError(f"no oblast called '{name}' in the gazetteer; try its English name, e.g. Donetsk, "
                             "Kharkiv, Zaporizhzhia")
        return place.name

    def settlement_name(self, name: str) -> str:
        """The canonical name of a settlement in any of its spellings (the most populous namesake, Ukraine first).

        A near spelling is never taken for the name ('Xyzzy' is not Khyzhky): it is an error that suggests.

        Raises:
            UnknownPlaceError: the gazetteer knows no settlement of that name (``suggestions``: close ones).
        """
        place = self.gazetteer.named_settlement(name)
        if place is None:
            close = self.gazetteer.suggest_settlements(name)
            raise UnknownPlaceError(unknown_settlement(name, close), close)
        return place.name

    # --- filters --------------------------------------------------------------------------------------

    def _where(self, f: EventFilter, *, by_day: bool = False) -> list[ColumnElement[bool]]:
        """The SQL conditions of a filter on ``events``.

        ``by_day``: the filter matches many events, so the cheapest plan walks the day index in order and
        checks each event, stopping at a page; on SQLite the other columns are then marked so that no other
        index is chosen (its planner has no value histograms to see that; PostgreSQL's has).
        """
        e = t.events

        def c(name: str) -> Any:
            return unindexed(e.c[name]) if by_day else e.c[name]

        w: list[ColumnElement[bool]] = []
        if f.types:
            w.append(c("event_type").in_(f.types))
        if f.oblast:
            w.append(c("admin1") == self.oblast_name(f.oblast))
        if f.settlement:
            w.append(c("location_name") == self.settlement_name(f.settlement))
        if f.bbox is not None:
            w += _box(f.bbox, c)
        w += self._dates(f)
        w += _parties(f, c)
        w += _claims(f, c, self._claimant_spellings(f.claimant))
        if f.precision:
            w.append(c("location_precision") == f.precision)
        if f.min_confidence is not None:
            w.append(c("confidence") >= f.min_confidence)
        if f.outlet:
            a = t.articles
            w.append(c("article_id").in_(select(a.c.article_id).where(func.lower(a.c.source) == f.outlet.lower())))
        if f.q:
            w.append(c("evidence_sentence").ilike(like_pattern(f.q), escape="\\"))
        if f.updated_since is not None:
            w.append(c("stored_at") >= utc_text(f.updated_since))
        return w + _kept(f, c)

    def _claimant_spellings(self, claimant: str | None) -> tuple[str, ...]:
        """The stored claimant names that a claimant filter's name means, in any case, punctuation or spelling
        ('Russian Defense Ministry' finds 'Russian Defence Ministry'); one scan of the distinct names."""
        if not claimant or claimant in SIDES:
            return ()
        key = name_key(claimant)
        e = t.events
        names = self._rows(select(e.c.claimant).where(e.c.claimant.is_not(None)).distinct(), "read claimants")
        return tuple(sorted(n for (n,) in names if name_key(n) == key)) or (claimant,)

    def _dates(self, f: EventFilter) -> list[ColumnElement[bool]]:
        """The conditions of ``since`` and ``until``: events overlapping the range."""
        e = t.events
        w: list[ColumnElement[bool]] = []
        if f.since is not None:
            w += [e.c.date_start.is_not(None), e.c.date_last >= f.since.isoformat()]
            # an event overlapping the range starts at most the longest span before 'since': a bound the
            # date indexes can use (date_last alone cannot), found by one probe of the date_span index
            longest = self._rows(select(func.max(e.c.date_span)), "read the longest event span")[0][0] or 0
            try:
                earliest = f.since - dt.timedelta(days=longest)
            except OverflowError:       # 'since' within the longest span of year 1
                earliest = dt.date.min
            w.append(e.c.date_start >= earliest.isoformat())
        if f.until is not None:
            w.append(e.c.date_start <= f.until.isoformat())
        if f.since is not None and f.until is not None and f.since > f.until:
            raise QueryError(f"since {f.since} is after until {f.until}; swap them")
        return w

    def _total(self, kind: str, f: EventFilter, stmt: Select[Any]) -> int:
        """The number of matches (counted up to ``COUNT_LIMIT + 1``), kept per filter until the store changes,
        so pages 2..n cost no count."""
        # every write stamps stored_at or retracted_at, and both are indexed: the stamp costs two index probes
        stamp = self._rows(select(select(func.max(t.events.c.stored_at)).scalar_subquery(),
                                  select(func.max(t.retracted.c.retracted_at)).scalar_subquery()),
                           "check for changes")[0]
        key = (kind, f, tuple(stamp))
        if key not in self._totals:
            if len(self._totals) >= _TOTALS_KEPT:
                self._totals.pop(next(iter(self._totals)))
            self._totals[key] = self._rows(select(func.count()).select_from(stmt.limit(COUNT_LIMIT + 1).subquery()),
                                           f"count {kind}")[0][0]
        return self._totals[key]

    # --- events ---------------------------------------------------------------------------------------

    @staticmethod
    def _record_select() -> Select[Any]:
        e, a, m = t.events, t.articles, t.fused_members
        return (select(e, a.c.source, a.c.published, a.c.title, m.c.fused_id,
                       m.c.contested.label("fused_contested"), m.c.copies)
                .select_from(e.join(a, a.c.article_id == e.c.article_id)
                             .outerjoin(m, m.c.event_id == e.c.event_id)))

    @staticmethod
    def _record(row: Any) -> EventRecord:
        r = row._mapping
        return EventRecord(event=event_from_row(r), outlet=r["source"],
                           published=dt.date.fromisoformat(r["published"]) if r["published"] else None,
                           title=r["title"], fused_id=r["fused_id"],
                           contested=bool(r["contested"]) or bool(r["fused_contested"]),
                           copies=r["copies"] or 0, stored_at=r["stored_at"])

    def events(self, f: EventFilter = EVERY_EVENT, *, limit: int = 100, cursor: str | None = None,
               sort: Literal["date", "-date"] = "date") -> Page[EventRecord]:
        """One page of the events matching ``f``, ordered by first day (``-date``: latest first) then id.

        Args:
            f: the filter.
            limit: events per page, 1..``MAX_LIMIT``.
            cursor: the ``next_cursor`` of the previous page; None for the first page.
            sort: ``date`` (oldest first) or ``-date`` (latest first); undated events come last either way.
        Raises:
            QueryError: a bad limit, sort, cursor or filter value. StoreError: the database cannot be read.
        """
        if sort not in SORTS:
            raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        e = t.events
        pos = decode_cursor(cursor, sort)
        total = self._total("events", f, select(e.c.event_id).where(*self._where(f)))
        if total == 0:
            return Page((), None, 0, self._retracted(f), True)
        dense = total > COUNT_LIMIT
        where = self._where(f, by_day=dense)
        desc = sort == "-date"
        rows: list[Any] = []
        if pos is None or pos.phase == 0:
            dated = [*where, e.c.date_start.is_not(None)]
            if pos is not None:
                key, after = tuple_(e.c.date_start, e.c.event_id), tuple_(pos.key, pos.id)
                dated.append(key < after if desc else key > after)
            # Few matches (the count said so): find them through the filter's indexes and sort them, rather than
            # walk the day index in order, which for a sparse filter reads most of the table before its page.
            day, ident = (e.c.date_start, e.c.event_id) if dense else (unindexed(e.c.date_start),
                                                                       unindexed(e.c.event_id))
            order = [day.desc(), ident.desc()] if desc else [day.asc(), ident.asc()]
            # The page's ids first, from the events table alone (an index may cover it), then their records:
            # joined before the sort, every match of a few thousand was joined to its article and fused event.
            page = select(e.c.event_id).where(*dated).order_by(*order).limit(limit + 1)
            final = [e.c.date_start.desc(), e.c.event_id.desc()] if desc else [e.c.date_start, e.c.event_id]
            rows = self._rows(self._record_select().where(e.c.event_id.in_(page))
                              .order_by(*final), "read events")
        if len(rows) <= limit and f.since is None and f.until is None:
            undated = [*where, e.c.date_start.is_(None)]
            if pos is not None and pos.phase == 1:
                undated.append(e.c.event_id > pos.id)
            rows += self._rows(self._record_select().where(*undated).order_by(e.c.event_id)
                               .limit(limit + 1 - len(rows)), "read events")
        records = [self._record(r) for r in rows[:limit]]
        next_cursor = None
        if len(rows) > limit:
            last = records[-1].event
            start = last.date.start
            next_cursor = encode_cursor(Position(sort, 0 if start else 1, start.isoformat() if start else None,
                                            last.event_id))
        return Page(tuple(records), next_cursor, min(total, COUNT_LIMIT), self._retracted(f), total <= COUNT_LIMIT)

    def iter_events(self, f: EventFilter = EVERY_EVENT, *, sort: Literal["date", "-date"] = "date",
                    batch: int = MAX_LIMIT) -> Iterator[EventRecord]:
        """Every event matching ``f``, page by page (for exports of any size)."""
        cursor = None
        while True:
            page = self.events(f, limit=batch, cursor=cursor, sort=sort)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def _retracted(self, f: EventFilter) -> tuple[str, ...]:
        if f.updated_since is None:
            return ()
        r = t.retracted
        rows = self._rows(select(r.c.event_id).where(r.c.retracted_at >= utc_text(f.updated_since))
                          .order_by(r.c.event_id), "read retracted events")
        return tuple(x[0] for x in rows)

    def event(self, event_id: str) -> EventDetail | None:
        """One event with its article (cleaned text included), sources, claimants and disputers; None if unknown."""
        if "\x00" in event_id:     # no id holds a NUL byte, and PostgreSQL refuses to compare one
            return None
        rows = self._rows(self._record_select().where(t.events.c.event_id == event_id), "read an event")
        if not rows:
            return None
        record = self._record(rows[0])
        article = self.article(record.event.article_id)
        assert article is not None      # the foreign key keeps every event's article
        fused = self.fused_event(record.fused_id) if record.fused_id else None
        if fused is None:
            claimed_by = record.event.claim.claimed_by
            return EventDetail(record, article, None, (ArticleRecord(article.article, article.events),),
                               (claimed_by.name,) if claimed_by else (), ())
        metas = self._articles_by_id(fused.article_ids)
        sources = tuple(metas[a] for a in fused.article_ids if a in metas)
        disputers: list[str] = []
        for c in fused.claims:
            who = c.claimed_by.name if c.claimed_by else (metas[c.article_id].article.source
                                                          if c.article_id in metas else None) or c.article_id
            if c.stance == "disputes" and who not in disputers:
                disputers.append(who)
        return EventDetail(record, article, fused, sources, tuple(p.name for p in fused.claimants),
                           tuple(disputers))

    # --- articles -------------------------------------------------------------------------------------

    @staticmethod
    def _article_select(with_text: bool) -> Select[Any]:
        a, fp, e = t.articles, t.fingerprints, t.events
        columns = list(a.c) if with_text else [c for c in a.c if c.name not in ("raw_text", "clean_text", "offsets",
                                                                                  "removed", "repairs")]
        events = select(func.count()).where(e.c.article_id == a.c.article_id).scalar_subquery()
        return (select(*columns, fp.c.duplicate_score, fp.c.duplicate_method, events.label("n_events"))
                .select_from(a.outerjoin(fp, fp.c.article_id == a.c.article_id)))

    def _articles_by_id(self, ids: Sequence[str]) -> dict[str, ArticleRecord]:
        if not ids:
            return {}
        rows = self._rows(self._article_select(False).where(t.articles.c.article_id.in_(list(ids))),
                          "read articles")
        return {r._mapping["article_id"]: ArticleRecord(article_from_row(r._mapping), r._mapping["n_events"]) for r in rows}

    def articles(self, *, outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                 status: str | None = None, limit: int = 100, cursor: str | None = None) -> Page[ArticleRecord]:
        """One page of stored articles (no texts) by publication day then id; undated ones come last.

        ``status``: only articles of that status ('ok', 'failed' with their ``error``, 'skipped').

        Raises:
            QueryError: a bad limit or cursor. StoreError: the database cannot be read.
        """
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        a = t.articles
        where: list[ColumnElement[bool]] = []
        if outlet:
            where.append(func.lower(a.c.source) == outlet.lower())
        if since is not None:
            where.append(a.c.published >= since.isoformat())
        if until is not None:
            where.append(a.c.published <= until.isoformat())
        if status is not None:
            if status not in get_args(Status):
                raise QueryError(f"status={status!r} is not one of {', '.join(get_args(Status))}")
            where.append(a.c.status == status)
        # '~' sorts after every ISO day, so undated articles come last under one plain key
        day = func.coalesce(a.c.published, "~")
        stmt = self._article_select(False).where(*where)
        pos = decode_cursor(cursor, "published")
        if pos is not None:
            stmt = stmt.where(tuple_(day, a.c.article_id) > tuple_(pos.key, pos.id))
        rows = self._rows(stmt.order_by(day, a.c.article_id).limit(limit + 1), "read articles")
        items = [ArticleRecord(article_from_row(r._mapping), r._mapping["n_events"]) for r in rows[:limit]]
        next_cursor = None
        if len(rows) > limit:
            last = items[-1].article
            next_cursor = encode_cursor(Position("published", 0, last.published.isoformat() if last.published else "~",
                                            last.article_id))
        total = self._rows(select(func.count()).select_from(a).where(*where), "count articles")[0][0]
        return Page(tuple(items), next_cursor, total)

    def article(self, article_id: str) -> ArticleRecord | None:
        """One article with its cleaned document, or None when it is not stored."""
        if "\x00" in article_id:
            return None
        rows = self._rows(self._article_select(True).where(t.articles.c.article_id == article_id), "read an article")
        if not rows:
            return None
        r = rows[0]._mapping
        return ArticleRecord(article_from_row(r), r["n_events"], document_from_row(r))

    def article_events(self, article_id: str) -> list[EventRecord]:
        """The events of one article, in the article's order (copies' events too)."""
        e = t.events
        rows = self._rows(self._record_select().where(e.c.article_id == article_id).order_by(e.c.ordinal),
                          "read an article's events")
        return [self._record(r) for r in rows]

    def coverage(self, *, since: dt.date | None = None, until: dt.date | None = None,
                 outlet: str | None = None) -> list[CoverageRow]:
        """Articles read per outlet per publication day (copies included: they are sources too)."""
        a = t.articles
        where: list[ColumnElement[bool]] = [a.c.status == "ok"]
        if since is not None:
            where.append(a.c.published >= since.isoformat())
        if until is not None:
            where.append(a.c.published <= until.isoformat())
        if outlet:
            where.append(func.lower(a.c.source) == outlet.lower())
        rows = self._rows(select(a.c.published, a.c.source, func.count()).where(*where)
                          .group_by(a.c.published, a.c.source)
                          .order_by(a.c.published, a.c.source), "count articles per outlet")
        return [CoverageRow(dt.date.fromisoformat(d) if d else None, s, n) for d, s, n in rows]

    # --- fused events ---------------------------------------------------------------------------------

    def fused_event(self, fused_id: str) -> FusedEvent | None:
        """One stored fused event, or None."""
        if "\x00" in fused_id:
            return None
        rows = self._rows(select(t.fused_events.c.data).where(t.fused_events.c.fused_id == fused_id),
                          "read a fused event")
        return corpus_fuse.from_dict(json.loads(rows[0][0])) if rows else None

    def fused(self, f: EventFilter = EVERY_EVENT, *, limit: int = 100,
              cursor: str | None = None) -> Page[FusedEvent]:
        """One page of the fused events with at least one member event matching ``f``, by id."""
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        m, fe, e = t.fused_members, t.fused_events, t.events
        matching = (select(m.c.fused_id).select_from(m.join(e, e.c.event_id == m.c.event_id))
                    .where(*self._where(f)))
        where = [fe.c.fused_id.in_(matching)]
        pos = decode_cursor(cursor, "fused")
        stmt = select(fe.c.fused_id, fe.c.data).where(*where)
        if pos is not None:
            stmt = stmt.where(fe.c.fused_id > pos.id)
        rows = self._rows(stmt.order_by(fe.c.fused_id).limit(limit + 1), "read fused events")
        items = tuple(corpus_fuse.from_dict(json.loads(r[1])) for r in rows[:limit])
        next_cursor = encode_cursor(Position("fused", 0, None, items[-1].fused_id)) if len(rows) > limit else None
        total = self._total("fused", f, select(fe.c.fused_id).where(*where))
        return Page(items, next_cursor, min(total, COUNT_LIMIT), total_exact=total <= COUNT_LIMIT)

    # --- aggregates -----------------------------------------------------------------------------------

    def histogram(self, f: EventFilter = EVERY_EVENT) -> list[HistogramDay]:
        """Events per day (dated events only, by their first day), in all and by type, oldest first."""
        e = t.events
        rows = self._rows(select(e.c.date_start, e.c.event_type, func.count())
                          .where(*self._where(f), e.c.date_start.is_not(None))
                          .group_by(e.c.date_start, e.c.event_type), "count events per day")
        days: dict[str, Counter[str]] = defaultdict(Counter)
        for day, kind, n in rows:
            days[day][kind] += n
        return [HistogramDay(dt.date.fromisoformat(d), sum(c.values()), _pairs(c)) for d, c in sorted(days.items())]

    def facets(self, f: EventFilter = EVERY_EVENT) -> Facets:
        """Counts of the matching events by type, side (either party), oblast, claimant, modality, outlet, precision."""
        e, a = t.events, t.articles
        where = self._where(f)

        # one scan grouped by every facet column at once; the (few) combinations are summed here
        columns = (e.c.event_type, e.c.initiator_side, e.c.target_side, e.c.admin1, e.c.claimant, e.c.modality,
                   a.c.source, e.c.location_precision)
        stmt = (select(*columns, func.count()).select_from(e.join(a, a.c.article_id == e.c.article_id))
                .where(*where).group_by(*columns))
        found: dict[str, Counter[str]] = {name: Counter() for name in _FACETS}
        for kind, i_side, t_side, oblast, claimant, modality, outlet, precision, n in self._rows(stmt,
                                                                                                  "count facets"):
            for name, value in (("type", kind), ("oblast", oblast), ("claimant", claimant), ("modality", modality),
                                ("outlet", outlet), ("precision", precision)):
                if value is not None:
                    found[name][value] += n
            for side in {i_side, t_side} - {None}:     # an event with both parties on one side counts once
                found["side"][side] += n
        return Facets(**{name: _pairs(found[name]) for name in _FACETS})

    def grid(self, f: EventFilter = EVERY_EVENT, *, cell: float = 0.5) -> list[GridCell]:
        """Located events counted per square cell of ``cell`` degrees, in all and by type (cell centres)."""
        if not 0.01 <= cell <= 45:
            raise QueryError(f"cell must be between 0.01 and 45 degrees, not {cell}")
        e = t.events
        y = cell_floor((e.c.lat + 90) / cell).label("y")
        x = cell_floor((e.c.lon + 180) / cell).label("x")
        rows = self._rows(select(y, x, e.c.event_type, func.count())
                          .where(*self._where(f), e.c.lat.is_not(None), e.c.lon.is_not(None))
                          .group_by(y, x, e.c.event_type), "count events per cell")
        cells: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
        for yi, xi, kind, n in rows:
            cells[int(yi), int(xi)][kind] += n
        return [GridCell(round((yi + 0.5) * cell - 90, 6), round((xi + 0.5) * cell - 180, 6), sum(c.values()),
                         _pairs(c)) for (yi, xi), c in sorted(cells.items())]

    # --- places and control ---------------------------------------------------------------------------

    def _timelines(self, names: Sequence[str] | None = None) -> dict[str, Timeline]:
        tl = t.timelines
        stmt = select(tl.c.data)
        if names is not None:
            stmt = stmt.where(tl.c.place_key.in_([n.casefold() for n in names]))
        found = (control.from_dict(json.loads(r[0])) for r in self._rows(stmt, "read timelines"))
        return {x.place.casefold(): x for x in found}

    def places(self, f: EventFilter = EVERY_EVENT, *, limit: int = 100,
               cursor: str | None = None) -> Page[PlaceRecord]:
        """One page of the settlements that matching events are located at, by name, with their latest state."""
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        e = t.events
        where = [*self._where(f), e.c.location_precision == "settlement", e.c.location_name.is_not(None)]
        stmt = (select(e.c.location_name, func.min(e.c.geonames_id), func.min(e.c.lat), func.min(e.c.lon),
                       func.min(e.c.admin1), func.count()).where(*where).group_by(e.c.location_name))
        pos = decode_cursor(cursor, "places")
        if pos is not None:
            stmt = stmt.having(e.c.location_name > pos.id)
        rows = self._rows(stmt.order_by(e.c.location_name).limit(limit + 1), "read places")
        states = self._timelines([r[0] for r in rows[:limit]])
        items = tuple(PlaceRecord(name, gid, lat, lon, oblast, n, _state_now(states.get(name.casefold())))
                      for name, gid, lat, lon, oblast, n in rows[:limit])
        next_cursor = encode_cursor(Position("places", 0, None, items[-1].name)) if len(rows) > limit else None
        total = self._rows(select(func.count(distinct(e.c.location_name))).where(*where), "count places")[0][0]
        return Page(items, next_cursor, total)

    def _place(self, name: str) -> PlaceRecord | None:
        e = t.events
        rows = self._rows(select(func.min(e.c.geonames_id), func.min(e.c.lat), func.min(e.c.lon),
                                 func.min(e.c.admin1), func.count())
                          .where(e.c.location_name == name, e.c.location_precision == "settlement"), "read a place")
        gid, lat, lon, oblast, n = rows[0]
        if not n:
            return None
        return PlaceRecord(name, gid, lat, lon, oblast, n)

    def place_timeline(self, name: str) -> PlaceTimeline:
        """A settlement (any spelling) and its control timeline as spans; its starting line alone when nothing is stored.

        Raises:
            UnknownPlaceError: the gazetteer knows no settlement of that name (close ones are suggested).
        """
        canonical = self.settlement_name(name)
        stored = self._timelines([canonical]).get(canonical.casefold())
        place = self._place(canonical)
        known = [p for p, _ in self.gazetteer.match(canonical) if p.kind == "settlement" and p.name == canonical]
        p = max(known, key=lambda p: p.population) if known else None
        # a settlement no stored report names still has its starting line (frontline.geo.starting_line)
        timeline = stored or (control.starting_timeline(canonical, Location.of_place(p)) if p is not None
                              else Timeline(canonical, None, None))
        if place is None:
            place = PlaceRecord(canonical, p.geonames_id if p else None, p.lat if p else 0.0, p.lon if p else 0.0,
                                timeline.admin1, 0)
        if place.events or p is not None:
            # its days without a state of its own take the holder of its surroundings where they agree
            timeline = self.area(near=(place.lat, place.lon)).fill(timeline, place.lat, place.lon)
        place = PlaceRecord(place.name, place.geonames_id, place.lat, place.lon, place.oblast, place.events,
                            _state_now(timeline))
        fused_ids = {ev.fused_id for s in timeline.states for ev in (*s.assertions, *s.claims)}
        members: dict[str, list[str]] = defaultdict(list)
        if fused_ids:
            m = t.fused_members
            for event_id, fused_id in self._rows(select(m.c.event_id, m.c.fused_id)
                                                 .where(m.c.fused_id.in_(sorted(fused_ids)))
                                                 .order_by(m.c.event_id), "read fused members"):
                members[fused_id].append(event_id)
        spans = []
        for i, s in enumerate(timeline.states):
            evidence = (*s.assertions, *s.claims)
            ids = tuple(dict.fromkeys(ev.fused_id for ev in evidence))
            claimants = tuple(dict.fromkeys(p.name for ev in evidence for p in ev.claimed_by))
            until = timeline.states[i + 1].start if i + 1 < len(timeline.states) else None
            spans.append(StateSpan(s.status, s.start, until, ids,
                                   tuple(x for fid in ids for x in members.get(fid, ())), claimants, s.confidence,
                                   s.basis, s.source, tuple(dict.fromkeys(ev.fused_id for ev in s.against))))
        return PlaceTimeline(place, timeline, tuple(spans))

    def _spots(self, near: tuple[float, float, float] | None = None) -> dict[str, tuple[float, float, str | None]]:
        """Where the settlements events are located at are: name -> lat, lon and oblast (within ``near``'s
        lat, lon and km only, when given)."""
        e = t.events
        return {name: (lat, lon, oblast) for name, lat, lon, oblast in self._rows(
            select(e.c.location_name, func.min(e.c.lat), func.min(e.c.lon), func.min(e.c.admin1))
            .where(e.c.location_precision == "settlement", e.c.location_name.is_not(None), *_near(near))
            .group_by(e.c.location_name), "read places") if lat is not None and lon is not None}

    def area(self, settings: control_area.AreaSettings | None = None, *,
             near: tuple[float, float] | None = None) -> control_area.Area:
        """The stored timelines where their settlements are, and the fighting reported around them, for the area
        states of ``frontline.corpus.control_area``; of the surroundings of one point (lat, lon) only, when
        ``near`` is given."""
        settings = settings or control_area.AreaSettings()
        box = (*near, settings.clear_km) if near is not None else None
        spots = self._spots(box)
        timelines = self._timelines(sorted(spots) if box is not None else None)
        return self._area(timelines, spots, settings, box)

    def _area(self, timelines: dict[str, Timeline], spots: dict[str, tuple[float, float, str | None]],
              settings: control_area.AreaSettings | None = None,
              near: tuple[float, float, float] | None = None) -> control_area.Area:
        sites = [control_area.Site(name, lat, lon, timelines[name.casefold()])
                 for name, (lat, lon, _) in spots.items() if name.casefold() in timelines]
        e = t.events
        signs = [control_area.FrontSign(dt.date.fromisoformat(day), lat, lon) for day, lat, lon in self._rows(
            select(e.c.date_start, e.c.lat, e.c.lon)
            .where(e.c.event_type.in_(sorted(FRONT_TYPES)), e.c.modality.in_(sorted(REAL)),
                   e.c.location_precision.in_(sorted(FRONT_PRECISIONS)), e.c.date_start.is_not(None),
                   e.c.lat.is_not(None), e.c.lon.is_not(None), *_near(near)), "read fighting") if day]
        return control_area.Area(sites, signs, settings)

    def control_at(self, day: dt.date) -> list[ControlPlace]:
        """Every settlement with a known control state on ``day``, with that state, by name: its own, or else
        the holder of its surroundings (basis 'area', ``frontline.corpus.control_area``)."""
        timelines = self._timelines()
        spots = self._spots()
        area = self._area(timelines, spots)
        out = []
        for name in sorted({*spots, *(x.place for x in timelines.values())}):
            timeline = timelines.get(name.casefold()) or Timeline(name, None, None)
            state = control.state_on(timeline, day)
            lat, lon, oblast = spots.get(name, (None, None, timeline.admin1))
            if (state is None or state.status == "unknown") and lat is not None and lon is not None:
                state = area.state(timeline, lat, lon, day) or state
            if state is not None:
                out.append(ControlPlace(name, lat, lon, oblast or timeline.admin1, state.status, state.basis,
                                        state.source))
        return out


def _near(near: tuple[float, float, float] | None) -> list[ColumnElement[bool]]:
    """The conditions on the events of lying within a box of ``near``'s km around its lat, lon (none without)."""
    if near is None:
        return []
    lat, lon, km = near
    dlat = km / 111.0
    dlon = km / (111.0 * max(0.01, math.cos(math.radians(min(89.0, abs(lat) + dlat)))))
    e = t.events
    return [e.c.lat.between(lat - dlat, lat + dlat), e.c.lon.between(lon - dlon, lon + dlon)]


def _box(bbox: tuple[float, float, float, float], c: Callable[[str], Any]) -> list[ColumnElement[bool]]:
    """The conditions of a bounding box (west, south, east, north) on the located events."""
    west, south, east, north = bbox
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise QueryError(f"bbox {bbox} is not west,south,east,north in degrees (south <= north)")
    e = t.events
    w: list[ColumnElement[bool]] = []
    cells = cell_ranges(west, south, east, north)
    lat, lon = c("lat"), c("lon")
    if cells:
        w.append(or_(*(c("geo_cell").between(lo, hi) for lo, hi in cells)))
        # the cells find the candidates; SQLite would otherwise scan the whole latitude band instead
        lat, lon = unindexed(e.c.lat), unindexed(e.c.lon)
    w.append(lat.between(south, north))
    # a box across the antimeridian has west > east
    w.append(lon.between(west, east) if west <= east else or_(lon >= west, lon <= east))
    return w


def _kept(f: EventFilter, c: Callable[[str], Any]) -> list[ColumnElement[bool]]:
    """The conditions of what a selection leaves out unless asked: the events of copies, retold history."""
    w: list[ColumnElement[bool]] = []
    if not f.include_copies:
        w.append(c("is_copy") == 0)
    if f.background != "include":
        w.append(c("background") == int(f.background == "only"))
    return w


def _parties(f: EventFilter, c: Callable[[str], Any]) -> list[ColumnElement[bool]]:
    """The conditions on the parties: a side either party is on, an actor either party is."""
    w: list[ColumnElement[bool]] = []
    if f.side:
        w.append(or_(c("initiator_side") == f.side, c("target_side") == f.side))
    if f.actor:
        actor = f.actor.lower()
        w.append(or_(func.lower(c("initiator_name")) == actor, func.lower(c("target_name")) == actor))
    return w


def _claims(f: EventFilter, c: Callable[[str], Any], spellings: Sequence[str]) -> list[ColumnElement[bool]]:
    """The conditions on the claim: its claimant (a side, or a name as one of its stored ``spellings``),
    modality and whether it is contested."""
    m = t.fused_members
    w: list[ColumnElement[bool]] = []
    if f.claimant:
        # lower() as the events_claimant index has it
        w.append(c("claimant_side") == f.claimant if f.claimant in SIDES
                 else func.lower(c("claimant")).in_(sorted({n.lower() for n in spellings})))
    if f.modality:
        w.append(c("modality") == f.modality)
    if f.contested is not None:
        disputed = or_(c("contested") == 1, c("event_id").in_(select(m.c.event_id).where(m.c.contested == 1)))
        w.append(disputed if f.contested else ~disputed)
    return w


def _state_now(timeline: Timeline | None) -> str | None:
    return timeline.states[-1].status if timeline is not None and timeline.states else None


