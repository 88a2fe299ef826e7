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

from frontline.store.catalog import Catalog
from frontline.store.records import (
    COUNT_LIMIT,
    MAX_LIMIT,
    ROW_COLUMNS,
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
    record_row,
    records_frame,
)

__all__ = ["EventFilter", "EventRecord", "EventDetail", "ArticleRecord", "Page", "PlaceRecord", "StateSpan",
           "PlaceTimeline", "ControlPlace", "CoverageRow", "HistogramDay", "GridCell", "Facets", "Catalog",
           "SORTS", "MAX_LIMIT", "COUNT_LIMIT", "SIDES", "records_frame", "record_row", "ROW_COLUMNS"]
