"""The query layer: filtered, sorted and paged reads of a store, for the CLI, the Python API and the REST API.

    >>> with Catalog.open("frontline.db") as catalog:
    ...     page = catalog.events(EventFilter(types=("shelling",), oblast="Donetsk", since=dt.date(2022, 6, 1)))
    ...     page.items[0].event.location.name

One ``EventFilter`` describes a selection of events; every read here takes one, so the same filter gives the
same events as a list, a histogram, facet counts, a grid or an export. Events are ordered by their first day
and id (undated events after the dated ones, in either direction) and paged with an opaque keyset cursor: a
page never repeats or skips an event however deep it is, and costs the same at page 1 and page 100.

Reads go through SQLAlchemy Core (``frontline.store.schema``), so a SQLite file and a PostgreSQL URL answer the
same queries. Events of copies (articles that copy an earlier one) are left out unless asked for: a story
counts once. Errors are ``QueryError`` (a bad filter or cursor) and ``StoreError`` (the database).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, Generic, Literal, TypeVar

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    distinct,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from frontline.corpus import control
from frontline.corpus import fuse as corpus_fuse
from frontline.errors import QueryError, StoreError
from frontline.geo.gazetteer import Gazetteer
from frontline.models import Article, Document, Event, FusedEvent, Timeline
from frontline.store import schema as t
from frontline.store.backend import open_engine, prepare
from frontline.store.sqlite import GEO_COLUMNS, _article, _document, _event, geo_cell

__all__ = ["EventFilter", "EventRecord", "EventDetail", "ArticleRecord", "Page", "PlaceRecord", "StateSpan",
           "PlaceTimeline", "ControlPlace", "CoverageRow", "HistogramDay", "GridCell", "Facets", "Catalog",
           "SORTS", "MAX_LIMIT", "COUNT_LIMIT", "SIDES", "records_frame", "record_row", "ROW_COLUMNS"]

SORTS: Final = ("date", "-date")
MAX_LIMIT: Final = 1000
COUNT_LIMIT: Final = 10_000
SIDES: Final = frozenset({"RU", "UA", "RU_aligned", "UA_aligned", "civilians", "US", "EU", "NATO", "UN", "other"})
_FACETS: Final = ("type", "side", "oblast", "claimant", "modality", "outlet", "precision")
_TOTALS_KEPT: Final = 256

T = TypeVar("T")


# --- what a query asks and answers ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EventFilter:
    """A selection of events; every field left at its default selects everything.

    Attributes:
        types: event types (``models.EVENT_TYPES``); any of them.
        oblast: an oblast in any spelling the gazetteer knows ('Donetsk', 'Donetsk oblast', 'DPR').
        settlement: a settlement in any spelling the gazetteer knows (Severodonetsk, Sievierodonetsk).
        bbox: ``(west, south, east, north)`` in degrees; events without coordinates are left out.
        since, until: days, inclusive; an event whose span overlaps them is in, undated events are out.
        side: a party's side ('RU', 'UA', ...) on either side of the event (initiator or target).
        actor: a party's name (initiator or target), without regard to case.
        claimant: who says so: a name (without regard to case) or a side ('RU', 'UA', ...).
        modality: 'asserted', 'claimed', 'denied', ... (the claim's modality).
        contested: True for events a source disputes (in the article or across fused sources), False for others.
        precision: the location's precision ('settlement', 'admin1', 'country', ...).
        min_confidence: the least confidence, 0..1.
        outlet: the article's source, without regard to case.
        q: words that the evidence sentence contains, without regard to case.
        updated_since: only events written (or rewritten) at or after this time; with it, pages also list the
            ids retracted since then.
        include_copies: also the events of articles that copy another (left out by default).
    """

    types: tuple[str, ...] = ()
    oblast: str | None = None
    settlement: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    side: str | None = None
    actor: str | None = None
    claimant: str | None = None
    modality: str | None = None
    contested: bool | None = None
    precision: str | None = None
    min_confidence: float | None = None
    outlet: str | None = None
    q: str | None = None
    updated_since: dt.datetime | None = None
    include_copies: bool = False


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event with what a reader of a list needs beside it: its article's outlet and date, its fused event."""

    event: Event
    outlet: str | None
    published: dt.date | None
    title: str | None
    fused_id: str | None
    contested: bool          # the claim is contested in the article, or a fused source disputes it
    copies: int              # events of copying articles folded into its fused event
    stored_at: str | None    # when the store last wrote it (UTC, ISO 8601)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """A stored article; ``document`` (cleaned text and offsets) only when one article is asked for."""

    article: Article
    events: int
    document: Document | None = None


@dataclass(frozen=True, slots=True)
class EventDetail:
    """One event with its evidence's article, every source of its fused event, the claimants and disputers."""

    record: EventRecord
    article: ArticleRecord
    fused: FusedEvent | None
    sources: tuple[ArticleRecord, ...]
    claimants: tuple[str, ...]
    contested_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list: its items, the cursor of the next page (None at the end) and the number of matches.

    Counting every match of a broad filter in a million events costs seconds, so events and fused events are
    counted up to ``COUNT_LIMIT``: beyond it ``total`` is the limit and ``total_exact`` is False (as Datasette
    caps its counts). Paging is not affected: follow ``next_cursor`` to the end.
    """

    items: tuple[T, ...]
    next_cursor: str | None
    total: int
    retracted: tuple[str, ...] = ()     # with ``updated_since``: ids no longer stored since then
    total_exact: bool = True            # False: more than ``COUNT_LIMIT`` match, and ``total`` is that limit


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """A settlement some events are located at, with its latest control state (None when unknown)."""

    name: str
    geonames_id: int | None
    lat: float
    lon: float
    oblast: str | None
    events: int
    state_now: str | None = None


@dataclass(frozen=True, slots=True)
class StateSpan:
    """One control state of a settlement, from ``since`` until the next state's start (None: still holds)."""

    state: str
    since: dt.date
    until: dt.date | None
    fused_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    claimants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceTimeline:
    """A settlement and its control timeline as spans."""

    place: PlaceRecord
    timeline: Timeline
    states: tuple[StateSpan, ...]


@dataclass(frozen=True, slots=True)
class ControlPlace:
    """Who held a settlement on a given day."""

    name: str
    lat: float | None
    lon: float | None
    oblast: str | None
    state: str


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """How many articles an outlet published on a day (so a drop in events can be told from a drop in sources)."""

    date: dt.date | None
    outlet: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class HistogramDay:
    """The events of one day, in all and by type."""

    date: dt.date
    count: int
    by_type: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class GridCell:
    """The events in one grid cell (``lat``, ``lon`` are the cell's centre)."""

    lat: float
    lon: float
    count: int
    by_type: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Facets:
    """Counts of the selected events by each facet's value, most first."""

    type: tuple[tuple[str, int], ...] = ()
    side: tuple[tuple[str, int], ...] = ()
    oblast: tuple[tuple[str, int], ...] = ()
    claimant: tuple[tuple[str, int], ...] = ()
    modality: tuple[tuple[str, int], ...] = ()
    outlet: tuple[tuple[str, int], ...] = ()
    precision: tuple[tuple[str, int], ...] = ()


# --- the cursor -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Position:
    """Where a page ended: the phase (0 dated events, 1 undated ones), the last key and id."""

    sort: str
    phase: int
    key: str | None
    id: str


def _encode(pos: _Position) -> str:
    raw = json.dumps([pos.sort, pos.phase, pos.key, pos.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str | None, sort: str) -> _Position | None:
    if not cursor:
        return None
    try:
        sort_of, phase, key, ident = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        pos = _Position(str(sort_of), int(phase), None if key is None else str(key), str(ident))
    except (ValueError, TypeError, binascii.Error):
        raise QueryError(f"the cursor {cursor!r} is not one this server gave; start again without a cursor, "
                         "then pass each page's next_cursor") from None
    if pos.sort != sort:
        raise QueryError(f"the cursor was made for sort={pos.sort}, not sort={sort}; keep the sort while paging")
    return pos


# --- SQL pieces that differ between back ends -----------------------------------------------------------

class _cell(FunctionElement):  # noqa: N801 - a SQL function's name
    """``floor(x)`` for non-negative x: SQLite has no floor() without its math extension."""

    inherit_cache = True


@compiles(_cell)
def _cell_default(element: _cell, compiler: Any, **kw: Any) -> str:
    return f"floor({compiler.process(element.clauses, **kw)})"


@compiles(_cell, "sqlite")
def _cell_sqlite(element: _cell, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"


class _unindexed(FunctionElement):  # noqa: N801 - a SQL expression's name
    """A column that SQLite must not look up through an index here (``+column``); the column elsewhere."""

    inherit_cache = True


@compiles(_unindexed)
def _unindexed_default(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_unindexed, "sqlite")
def _unindexed_sqlite(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


_MAX_CELL_ROWS: Final = 100


def _cell_ranges(west: float, south: float, east: float, north: float) -> list[tuple[int, int]]:
    """The ``geo_cell`` ranges (one per row of cells) covering a box; none for a box too tall or across the
    antimeridian, which the latitude index serves instead."""
    if west > east:
        return []
    first, last = geo_cell(south, west), geo_cell(north, east)
    rows = range(first // GEO_COLUMNS, last // GEO_COLUMNS + 1)
    if len(rows) > _MAX_CELL_ROWS:
        return []
    return [(row * GEO_COLUMNS + first % GEO_COLUMNS, row * GEO_COLUMNS + last % GEO_COLUMNS) for row in rows]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _utc(ts: dt.datetime) -> str:
    """A timestamp as the store writes them (UTC, seconds), so text comparison is time comparison."""
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=dt.timezone.utc)
    return ts.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def _pairs(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


# --- the catalog ----------------------------------------------------------------------------------------

class Catalog:
    """Read access to a frontline store (SQLite file or PostgreSQL URL) through one set of queries.

    Args:
        db: a SQLite file path, or a ``postgresql://user:pass@host/db`` URL.
        gazetteer: resolves oblast and settlement names in any spelling; loaded when first needed if not given.

    Raises:
        StoreError: the database cannot be opened, is not a frontline store, or has another schema version.
    """

    def __init__(self, db: str, *, gazetteer: Gazetteer | None = None) -> None:
        self.db = str(db)
        prepare(self.db)
        self._engine: Engine | None = open_engine(self.db)
        self._gazetteer = gazetteer
        self._gazetteer_lock = threading.Lock()
        self._totals: dict[tuple[Any, ...], int] = {}

    @classmethod
    def open(cls, db: str, *, gazetteer: Gazetteer | None = None) -> Catalog:
        """Same as ``Catalog(db)``."""
        return cls(db, gazetteer=gazetteer)

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Catalog({self.db!r})"

    def close(self) -> None:
        """Release the database connections; closing twice is harmless."""
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

    def _rows(self, stmt: Select[Any], action: str) -> list[Any]:
        if self._engine is None:
            raise StoreError(f"the catalog of {self.db} is closed; open it again with Catalog.open(db)")
        try:
            with self._engine.connect() as conn:
                return list(conn.execute(stmt))
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot {action} in {self.db}: {exc.__class__.__name__}: {exc.orig or exc}; "
                             "check that the database is reachable and is a frontline store") from exc

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
        """The canonical name of a settlement in any spelling (the most populous namesake, Ukraine first).

        Raises:
            QueryError: the gazetteer knows no settlement of that name.
        """
        matches = [p for p, _ in self.gazetteer.match(name) if p.kind == "settlement"]
        if not matches:
            raise QueryError(f"no settlement called '{name}' in the gazetteer; check the spelling (any common "
                             "transliteration works, e.g. Severodonetsk or Sievierodonetsk)")
        return max(matches, key=lambda p: (p.country_code == "UA", p.population)).name

    # --- filters --------------------------------------------------------------------------------------

    def _where(self, f: EventFilter, *, by_day: bool = False) -> list[ColumnElement[bool]]:
        """The SQL conditions of a filter on ``events``.

        ``by_day``: the filter matches many events, so the cheapest plan walks the day index in order and
        checks each event, stopping at a page; on SQLite the other columns are then marked so that no other
        index is chosen (its planner has no value histograms to see that; PostgreSQL's has).
        """
        e, m = t.events, t.fused_members

        def c(name: str) -> Any:
            return _unindexed(e.c[name]) if by_day else e.c[name]

        w: list[ColumnElement[bool]] = []
        if f.types:
            w.append(c("event_type").in_(f.types))
        if f.oblast:
            w.append(c("admin1") == self.oblast_name(f.oblast))
        if f.settlement:
            w.append(c("location_name") == self.settlement_name(f.settlement))
        if f.bbox is not None:
            west, south, east, north = f.bbox
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise QueryError(f"bbox {f.bbox} is not west,south,east,north in degrees (south <= north)")
            cells = _cell_ranges(west, south, east, north)
            lat, lon = c("lat"), c("lon")
            if cells:
                w.append(or_(*(c("geo_cell").between(lo, hi) for lo, hi in cells)))
                # the cells find the candidates; SQLite would otherwise scan the whole latitude band instead
                lat, lon = _unindexed(e.c.lat), _unindexed(e.c.lon)
            w.append(lat.between(south, north))
            # a box across the antimeridian has west > east
            w.append(lon.between(west, east) if west <= east else or_(lon >= west, lon <= east))
        if f.since is not None:
            w += [e.c.date_start.is_not(None), e.c.date_last >= f.since.isoformat()]
            # an event overlapping the range starts at most the longest span before 'since': a bound the
            # date indexes can use (date_last alone cannot), found by one probe of the date_span index
            longest = self._rows(select(func.max(e.c.date_span)), "read the longest event span")[0][0] or 0
            w.append(e.c.date_start >= (f.since - dt.timedelta(days=longest)).isoformat())
        if f.until is not None:
            w.append(e.c.date_start <= f.until.isoformat())
        if f.since is not None and f.until is not None and f.since > f.until:
            raise QueryError(f"since {f.since} is after until {f.until}; swap them")
        if f.side:
            w.append(or_(c("initiator_side") == f.side, c("target_side") == f.side))
        if f.actor:
            actor = f.actor.lower()
            w.append(or_(func.lower(c("initiator_name")) == actor, func.lower(c("target_name")) == actor))
        if f.claimant:
            w.append(c("claimant_side") == f.claimant if f.claimant in SIDES
                     else func.lower(c("claimant")) == f.claimant.lower())
        if f.modality:
            w.append(c("modality") == f.modality)
        if f.contested is not None:
            disputed = or_(c("contested") == 1, c("event_id").in_(select(m.c.event_id).where(m.c.contested == 1)))
            w.append(disputed if f.contested else ~disputed)
        if f.precision:
            w.append(c("location_precision") == f.precision)
        if f.min_confidence is not None:
            w.append(c("confidence") >= f.min_confidence)
        if f.outlet:
            a = t.articles
            w.append(c("article_id").in_(select(a.c.article_id).where(func.lower(a.c.source) == f.outlet.lower())))
        if f.q:
            w.append(c("evidence_sentence").ilike(_like(f.q), escape="\\"))
        if f.updated_since is not None:
            w.append(c("stored_at") >= _utc(f.updated_since))
        if not f.include_copies:
            w.append(c("is_copy") == 0)
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
        return EventRecord(event=_event(r), outlet=r["source"],
                           published=dt.date.fromisoformat(r["published"]) if r["published"] else None,
                           title=r["title"], fused_id=r["fused_id"],
                           contested=bool(r["contested"]) or bool(r["fused_contested"]),
                           copies=r["copies"] or 0, stored_at=r["stored_at"])

    def events(self, f: EventFilter = EventFilter(), *, limit: int = 100, cursor: str | None = None,
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
        pos = _decode(cursor, sort)
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
                key, last = tuple_(e.c.date_start, e.c.event_id), tuple_(pos.key, pos.id)
                dated.append(key < last if desc else key > last)
            # Few matches (the count said so): find them through the filter's indexes and sort them, rather than
            # walk the day index in order, which for a sparse filter reads most of the table before its page.
            day, ident = (e.c.date_start, e.c.event_id) if dense else (_unindexed(e.c.date_start),
                                                                       _unindexed(e.c.event_id))
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
            next_cursor = _encode(_Position(sort, 0 if start else 1, start.isoformat() if start else None,
                                            last.event_id))
        return Page(tuple(records), next_cursor, min(total, COUNT_LIMIT), self._retracted(f), total <= COUNT_LIMIT)

    def iter_events(self, f: EventFilter = EventFilter(), *, sort: Literal["date", "-date"] = "date",
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
        rows = self._rows(select(r.c.event_id).where(r.c.retracted_at >= _utc(f.updated_since))
                          .order_by(r.c.event_id), "read retracted events")
        return tuple(x[0] for x in rows)

    def event(self, event_id: str) -> EventDetail | None:
        """One event with its article (cleaned text included), sources, claimants and disputers; None if unknown."""
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
        return {r._mapping["article_id"]: ArticleRecord(_article(r._mapping), r._mapping["n_events"]) for r in rows}

    def articles(self, *, outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                 limit: int = 100, cursor: str | None = None) -> Page[ArticleRecord]:
        """One page of stored articles (no texts) by publication day then id; undated ones come last.

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
        # '~' sorts after every ISO day, so undated articles come last under one plain key
        day = func.coalesce(a.c.published, "~")
        stmt = self._article_select(False).where(*where)
        pos = _decode(cursor, "published")
        if pos is not None:
            stmt = stmt.where(tuple_(day, a.c.article_id) > tuple_(pos.key, pos.id))
        rows = self._rows(stmt.order_by(day, a.c.article_id).limit(limit + 1), "read articles")
        items = [ArticleRecord(_article(r._mapping), r._mapping["n_events"]) for r in rows[:limit]]
        next_cursor = None
        if len(rows) > limit:
            last = items[-1].article
            next_cursor = _encode(_Position("published", 0, last.published.isoformat() if last.published else "~",
                                            last.article_id))
        total = self._rows(select(func.count()).select_from(a).where(*where), "count articles")[0][0]
        return Page(tuple(items), next_cursor, total)

    def article(self, article_id: str) -> ArticleRecord | None:
        """One article with its cleaned document, or None when it is not stored."""
        rows = self._rows(self._article_select(True).where(t.articles.c.article_id == article_id), "read an article")
        if not rows:
            return None
        r = rows[0]._mapping
        return ArticleRecord(_article(r), r["n_events"], _document(r))

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
        rows = self._rows(select(t.fused_events.c.data).where(t.fused_events.c.fused_id == fused_id),
                          "read a fused event")
        return corpus_fuse.from_dict(json.loads(rows[0][0])) if rows else None

    def fused(self, f: EventFilter = EventFilter(), *, limit: int = 100,
              cursor: str | None = None) -> Page[FusedEvent]:
        """One page of the fused events with at least one member event matching ``f``, by id."""
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        m, fe, e = t.fused_members, t.fused_events, t.events
        matching = (select(m.c.fused_id).select_from(m.join(e, e.c.event_id == m.c.event_id))
                    .where(*self._where(f)))
        where = [fe.c.fused_id.in_(matching)]
        pos = _decode(cursor, "fused")
        stmt = select(fe.c.fused_id, fe.c.data).where(*where)
        if pos is not None:
            stmt = stmt.where(fe.c.fused_id > pos.id)
        rows = self._rows(stmt.order_by(fe.c.fused_id).limit(limit + 1), "read fused events")
        items = tuple(corpus_fuse.from_dict(json.loads(r[1])) for r in rows[:limit])
        next_cursor = _encode(_Position("fused", 0, None, items[-1].fused_id)) if len(rows) > limit else None
        total = self._total("fused", f, select(fe.c.fused_id).where(*where))
        return Page(items, next_cursor, min(total, COUNT_LIMIT), total_exact=total <= COUNT_LIMIT)

    # --- aggregates -----------------------------------------------------------------------------------

    def histogram(self, f: EventFilter = EventFilter()) -> list[HistogramDay]:
        """Events per day (dated events only, by their first day), in all and by type, oldest first."""
        e = t.events
        rows = self._rows(select(e.c.date_start, e.c.event_type, func.count())
                          .where(*self._where(f), e.c.date_start.is_not(None))
                          .group_by(e.c.date_start, e.c.event_type), "count events per day")
        days: dict[str, Counter[str]] = defaultdict(Counter)
        for day, kind, n in rows:
            days[day][kind] += n
        return [HistogramDay(dt.date.fromisoformat(d), sum(c.values()), _pairs(c)) for d, c in sorted(days.items())]

    def facets(self, f: EventFilter = EventFilter()) -> Facets:
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

    def grid(self, f: EventFilter = EventFilter(), *, cell: float = 0.5) -> list[GridCell]:
        """Located events counted per square cell of ``cell`` degrees, in all and by type (cell centres)."""
        if not 0.01 <= cell <= 45:
            raise QueryError(f"cell must be between 0.01 and 45 degrees, not {cell}")
        e = t.events
        y = _cell((e.c.lat + 90) / cell).label("y")
        x = _cell((e.c.lon + 180) / cell).label("x")
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

    def places(self, f: EventFilter = EventFilter(), *, limit: int = 100,
               cursor: str | None = None) -> Page[PlaceRecord]:
        """One page of the settlements that matching events are located at, by name, with their latest state."""
        if not 1 <= limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        e = t.events
        where = [*self._where(f), e.c.location_precision == "settlement", e.c.location_name.is_not(None)]
        stmt = (select(e.c.location_name, func.min(e.c.geonames_id), func.min(e.c.lat), func.min(e.c.lon),
                       func.min(e.c.admin1), func.count()).where(*where).group_by(e.c.location_name))
        pos = _decode(cursor, "places")
        if pos is not None:
            stmt = stmt.having(e.c.location_name > pos.id)
        rows = self._rows(stmt.order_by(e.c.location_name).limit(limit + 1), "read places")
        states = self._timelines([r[0] for r in rows[:limit]])
        items = tuple(PlaceRecord(name, gid, lat, lon, oblast, n, _state_now(states.get(name.casefold())))
                      for name, gid, lat, lon, oblast, n in rows[:limit])
        next_cursor = _encode(_Position("places", 0, None, items[-1].name)) if len(rows) > limit else None
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
        """A settlement (any spelling) and its control timeline as spans; empty when nothing is stored.

        Raises:
            QueryError: the gazetteer knows no settlement of that name.
        """
        canonical = self.settlement_name(name)
        timeline = self._timelines([canonical]).get(canonical.casefold()) or Timeline(canonical, None, None)
        place = self._place(canonical)
        if place is None:
            known = [p for p, _ in self.gazetteer.match(canonical) if p.kind == "settlement" and p.name == canonical]
            p = max(known, key=lambda p: p.population) if known else None
            place = PlaceRecord(canonical, p.geonames_id if p else None, p.lat if p else 0.0, p.lon if p else 0.0,
                                timeline.admin1, 0)
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
                                   tuple(x for fid in ids for x in members.get(fid, ())), claimants))
        return PlaceTimeline(place, timeline, tuple(spans))

    def control_at(self, day: dt.date) -> list[ControlPlace]:
        """Every settlement with a known control state on ``day``, with that state, by name."""
        timelines = self._timelines()
        held = {}
        for timeline in timelines.values():
            state = _state_on(timeline, day)
            if state is not None:
                held[timeline.place] = (timeline, state)
        if not held:
            return []
        e = t.events
        where = [e.c.location_name.in_(sorted(held)), e.c.location_precision == "settlement"]
        spots = {name: (lat, lon, oblast) for name, lat, lon, oblast in self._rows(
            select(e.c.location_name, func.min(e.c.lat), func.min(e.c.lon), func.min(e.c.admin1))
            .where(*where).group_by(e.c.location_name), "read places")}
        out = []
        for name in sorted(held):
            timeline, state = held[name]
            lat, lon, oblast = spots.get(name, (None, None, timeline.admin1))
            out.append(ControlPlace(name, lat, lon, oblast or timeline.admin1, state))
        return out


def _state_on(timeline: Timeline | None, day: dt.date) -> str | None:
    if timeline is None:
        return None
    state = None
    for s in timeline.states:
        if s.start <= day:
            state = s.status
    return state


def _state_now(timeline: Timeline | None) -> str | None:
    return timeline.states[-1].status if timeline is not None and timeline.states else None


def records_frame(records: Sequence[EventRecord]) -> Any:
    """A pandas DataFrame of event records: one row per event, flat columns (see ``record_row``)."""
    import pandas as pd

    return pd.DataFrame([record_row(r) for r in records], columns=list(ROW_COLUMNS))


ROW_COLUMNS: Final = ("event_id", "article_id", "event_type", "date", "date_end", "date_precision", "location",
                      "geonames_id", "lat", "lon", "admin1", "country_code", "precision", "initiator",
                      "initiator_side", "target", "target_side", "claimed_by", "claimed_by_side", "modality",
                      "contested", "fatalities", "confidence", "evidence", "evidence_start", "evidence_end",
                      "trigger", "outlet", "published", "title", "fused_id", "copies", "stored_at")


def record_row(r: EventRecord) -> dict[str, Any]:
    """An event record as one flat row (``ROW_COLUMNS``): for tables, DataFrames and Parquet."""
    ev = r.event
    loc = ev.location
    c = ev.claim.claimed_by
    return {
        "event_id": ev.event_id, "article_id": ev.article_id, "event_type": ev.event_type,
        "date": ev.date.start, "date_end": ev.date.end, "date_precision": ev.date.precision,
        "location": loc.name if loc else None, "geonames_id": loc.geonames_id if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None, "admin1": loc.admin1 if loc else None,
        "country_code": loc.country_code if loc else None, "precision": loc.precision if loc else None,
        "initiator": ev.initiator.name if ev.initiator else None,
        "initiator_side": ev.initiator.side if ev.initiator else None,
        "target": ev.target.name if ev.target else None, "target_side": ev.target.side if ev.target else None,
        "claimed_by": c.name if c else None, "claimed_by_side": c.side if c else None,
        "modality": ev.claim.modality, "contested": r.contested,
        "fatalities": int(sum(q.value for q in ev.quantities if q.role == "killed")),
        "confidence": ev.confidence, "evidence": ev.evidence.sentence, "evidence_start": ev.evidence.char_start,
        "evidence_end": ev.evidence.char_end, "trigger": ev.trigger, "outlet": r.outlet, "published": r.published,
        "title": r.title, "fused_id": r.fused_id, "copies": r.copies, "stored_at": r.stored_at,
    }

