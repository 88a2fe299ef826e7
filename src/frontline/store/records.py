"""What a query of the store asks (``EventFilter``) and answers (event, article, place and count records).

Plain frozen records, built by ``frontline.store.catalog.Catalog`` and read by the CLI, the Python API and the
REST API; ``record_row`` and ``records_frame`` flatten an event record for tables, DataFrames and Parquet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

from frontline.models import Article, Background, Document, Event, FusedEvent, Timeline
from frontline.vocab import sides
from frontline.vocab.counts import fatalities

__all__ = ["EventFilter", "EventRecord", "EventDetail", "ArticleRecord", "Page", "PlaceRecord", "StateSpan",
           "PlaceTimeline", "ControlPlace", "CoverageRow", "HistogramDay", "GridCell", "Facets",
           "EVERY_EVENT", "SORTS", "MAX_LIMIT", "COUNT_LIMIT", "SIDES", "records_frame", "record_row", "ROW_COLUMNS"]

SORTS: Final = ("date", "-date")
MAX_LIMIT: Final = 1000
COUNT_LIMIT: Final = 10_000
# The sides a claimant filter may name; any other value is a claimant's name ('unknown' too: no claim is filtered
# by an unknown side).
SIDES: Final = frozenset(sides.SIDES) - {"unknown"}

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
        background: what to do with retold history (``Event.background``): 'exclude' (the default: counts,
            exports and the map show the news), 'include' it, or keep 'only' it.
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
    background: Background = "exclude"


# The filter that selects every event: the default of the catalog's reads.
EVERY_EVENT: Final = EventFilter()


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """A bounding box written 'west,south,east,north' in degrees, as the CLI and the REST API take it.

    Raises:
        ValueError: the text is not four comma-separated numbers (each surface words its own error from it).
    """
    if value is None:
        return None
    west, south, east, north = (float(part) for part in value.split(","))
    return west, south, east, north


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
    confidence: float | None = None
    basis: str = "reports"             # 'reports', 'starting line', 'persisted' or 'lapsed' (frontline.corpus.control)
    source: str | None = None          # the record a starting-line state rests on
    against: tuple[str, ...] = ()      # fused events that point elsewhere


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
    basis: str = "reports"     # of that day's state: 'persisted' when it rests on stale reports (see control)
    source: str | None = None  # what the basis rests on ('reports up to 2022-09-13, none since', the line's record)


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
        "fatalities": fatalities(ev),
        "confidence": ev.confidence, "evidence": ev.evidence.sentence, "evidence_start": ev.evidence.char_start,
        "evidence_end": ev.evidence.char_end, "trigger": ev.trigger, "outlet": r.outlet, "published": r.published,
        "title": r.title, "fused_id": r.fused_id, "copies": r.copies, "stored_at": r.stored_at,
    }

