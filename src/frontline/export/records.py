"""Exports of a query's answer (``query.EventRecord`` objects): JSON, JSON Lines, GeoJSON, ACLED CSV, Parquet.

The same filters as the REST API select what is exported (``Catalog.iter_events``); this module only turns
records into bytes or text, so the CLI (``frontline events --format``) and the REST API share it. The writers
(and the renderers of one page of ``GET /api/events``) are registered as formats in ``frontline.export.formats``.

``json``     ``{"events": [Event, ...], "total": n}`` with the REST API's Event objects (``event_json``)
``jsonl``    one Event object a line
``geojson``  a FeatureCollection (RFC 7946: WGS 84 ``[lon, lat]``, no ``crs`` member) of the located events,
             each feature's ``properties`` the flat row of ``query.record_row`` (precision, outlet, published,
             title, geonames_id ...); an event placed only to a raion, an oblast, a region or a country has a null geometry
             (``COARSE``): its lat/lon, the area's centre, stay in the properties, but no point poses as a
             settlement. Opens in QGIS as a layer.
``csv``      ACLED-style columns (``acled.ACLED_COLUMNS``), in the query's order; no text cell starts like a
             spreadsheet formula (``textguard.csv_cell``); ``timestamp`` is when the store wrote the event
             (Unix seconds), or when the row was written for results not stored

These are the ONE set of CSV and GeoJSON writers: ``frontline extract`` and ``frontline export`` write pipeline
results through them too (``records_of`` turns results into records, leaving out the events of copies unless
asked), so every surface writes the same columns and properties.
``parquet``  one row per event, the columns of ``query.ROW_COLUMNS`` with typed columns (dates as date32)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Final, TextIO

from frontline.export.acled import ACLED_COLUMNS, acled_row, fighting_types
from frontline.export.results import event_to_dict
from frontline.models import Article, ArticleResult, FusedEvent, iso
from frontline.store.records import EventRecord as Record
from frontline.store.records import record_row
from frontline.textguard import csv_cell, scrub

if TYPE_CHECKING:
    from frontline.store.query import EventRecord, Page

# The query layer (SQLAlchemy) is imported where a record becomes a row, not with this module: the CLI reads the
# format registry, which names these writers, on every start.

__all__ = ["event_json", "feature", "geojson_page", "page_json", "acled_rows", "write_json", "write_jsonl",
           "write_geojson", "write_csv", "write_parquet", "json_page", "geojson_page_text", "csv_page",
           "EVENT_FIELDS", "COARSE", "records_of", "to_geojson", "write_results_geojson", "write_results_csv"]

# Precisions that place an event in an area, not at a point: their features carry no point geometry.
COARSE: Final = frozenset({"district", "admin1", "region", "country"})

EVENT_FIELDS: Final = ("event_id", "article_id", "event_type", "location", "date", "initiator", "target",
                       "quantities", "claim", "evidence", "confidence", "trigger", "outlet", "published", "title",
                       "fused_id", "contested", "copies", "stored_at")


def event_json(r: EventRecord, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """An event record as the REST API's Event object: output.schema.json's event plus outlet, published,
    title, fused_id, contested (in the article or across sources), copies and stored_at (only ``fields``)."""
    d = event_to_dict(r.event) | {
        "outlet": r.outlet, "published": iso(r.published), "title": r.title, "fused_id": r.fused_id,
        "contested": r.contested, "copies": r.copies, "stored_at": r.stored_at}
    return d if fields is None else {k: d[k] for k in fields}


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}


def feature(r: EventRecord) -> dict[str, Any] | None:
    """The GeoJSON Feature of a located event record (None when it has no location).

    A settlement is a Point; a raion (district), oblast, region or country (``COARSE``) a null geometry, which RFC
    7946 allows for an unlocated feature: its centre is no place where the event happened.
    """
    loc = r.event.location
    if loc is None:
        return None
    geometry = None if loc.precision in COARSE else {"type": "Point", "coordinates": [loc.lon, loc.lat]}
    return {"type": "Feature", "id": r.event.event_id, "geometry": geometry, "properties": _plain(record_row(r))}


def records_of(results: Iterable[ArticleResult], *, include_copies: bool = False) -> Iterator[EventRecord]:
    """The events of pipeline results as records (outlet: the article's source, else its URL or path), so
    results are written by the writers of a query's records; the events of copies only if ``include_copies``."""
    for result in results:
        a = result.article
        if a.duplicate_of is not None and not include_copies:
            continue
        for ev in result.events:
            yield Record(event=ev, outlet=a.source or a.url or a.path, published=a.published, title=a.title,
                         fused_id=None, contested=ev.claim.contested, copies=0, stored_at=None)


def to_geojson(results: Iterable[ArticleResult], *, include_copies: bool = False) -> dict[str, Any]:
    """A GeoJSON ``FeatureCollection`` of the located events of pipeline results (see ``feature``)."""
    return geojson_page(records_of(results, include_copies=include_copies))


def write_results_geojson(results: Iterable[ArticleResult], out: TextIO,
                          fused: Iterable[FusedEvent] | None = None) -> None:
    """Pipeline results as ``write_geojson`` writes records; ``fused`` is not part of this format."""
    write_geojson(records_of(results), out)


def write_results_csv(results: Iterable[ArticleResult], out: TextIO, fused: Iterable[FusedEvent] | None = None) -> None:
    """Pipeline results as ``write_csv`` writes records; ``fused`` is not part of this format."""
    write_csv(records_of(results), out)


def geojson_page(records: Iterable[EventRecord], **members: Any) -> dict[str, Any]:
    """A FeatureCollection of the located records; ``members`` (next_cursor, total) ride as foreign members."""
    return {"type": "FeatureCollection", "features": [f for f in map(feature, records) if f is not None], **members}


def _epoch(stored_at: str | None, now: int) -> int:
    """ACLED's ``timestamp``: when the store wrote the row, in Unix seconds (``now`` for a row not stored)."""
    if not stored_at:
        return now
    when = dt.datetime.fromisoformat(stored_at)
    return int((when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)).timestamp())


def acled_rows(records: Iterable[EventRecord]) -> Iterator[dict[str, Any]]:
    """One ACLED-style row per record, in the records' order (see ``acled.acled_rows`` for the columns)."""
    now = int(time.time())
    records = list(records)
    # Fighting reported by the same article at the same place makes a capture a battle in ACLED's terms
    # (see acled.acled_type); the query's records of one article are looked at together for that.
    kinds = fighting_types()
    fighting = {(r.event.article_id, r.event.location.name) for r in records
                if r.event.event_type in kinds and r.event.location}
    for r in records:
        ev = r.event
        article = Article(article_id=ev.article_id, status="ok", published=r.published, title=r.title,
                          source=r.outlet)
        fought = ev.location is not None and (ev.article_id, ev.location.name) in fighting
        yield acled_row(ev, article, fighting_reported=fought) | {"timestamp": _epoch(r.stored_at, now)}


def write_jsonl(records: Iterable[EventRecord], out: TextIO, total: int | None = None) -> int:
    """One Event object (``event_json``) a line; returns how many were written."""
    n = 0
    for r in records:
        out.write(json.dumps(event_json(r), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(records: Iterable[EventRecord], out: TextIO, total: int | None = None) -> int:
    """``{"events": [...], "total": n}``, written item by item; ``total`` when given, else the count written."""
    n = 0
    out.write('{"events": [')
    for r in records:
        out.write(("," if n else "") + "\n" + json.dumps(event_json(r), ensure_ascii=False))
        n += 1
    out.write(f'\n], "total": {n if total is None else total}}}\n')
    return n


def write_geojson(records: Iterable[EventRecord], out: TextIO, total: int | None = None) -> int:
    """A FeatureCollection of the located records, one feature a line; returns how many were written."""
    n = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for r in records:
        f = feature(r)
        if f is not None:
            out.write(("," if n else "") + "\n" + scrub(json.dumps(f, ensure_ascii=False)))
            n += 1
    out.write("\n]}\n")
    return n


def write_csv(records: Iterable[EventRecord], out: TextIO, total: int | None = None) -> int:
    """ACLED-style rows with a header, in the records' order; returns how many were written."""
    n = 0
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in acled_rows(records):
        # source and notes come from remote pages: no cell may run as a spreadsheet formula
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        n += 1
    return n


# --- one page of GET /api/events ------------------------------------------------------------------------

def page_json(page: Page[Any], items: list[Any]) -> dict[str, Any]:
    """A page of any list endpoint: its items, next_cursor, total, total_exact (and retracted ids, if any)."""
    out: dict[str, Any] = {"items": items, "next_cursor": page.next_cursor, "total": page.total,
                           "total_exact": page.total_exact}
    if page.retracted:
        out["retracted"] = list(page.retracted)
    return out


def _compact(body: Any) -> str:
    # the text Starlette's JSONResponse renders, so a page reads the same whichever way it is answered
    return json.dumps(body, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))


def json_page(page: Page[EventRecord], fields: tuple[str, ...] | None) -> str:
    """A page of events as compact JSON: ``page_json`` of their Event objects (only ``fields``, when given)."""
    return _compact(page_json(page, [event_json(r, fields) for r in page.items]))


def geojson_page_text(page: Page[EventRecord], fields: tuple[str, ...] | None) -> str:
    """A page of events as a compact FeatureCollection, with next_cursor and total as foreign members."""
    return _compact(geojson_page(page.items, next_cursor=page.next_cursor, total=page.total))


def csv_page(page: Page[EventRecord], fields: tuple[str, ...] | None) -> str:
    """A page of events as ACLED-style CSV with its header."""
    out = io.StringIO()
    write_csv(page.items, out)
    return out.getvalue()


def _schema() -> Any:
    import pyarrow as pa

    from frontline.store.query import ROW_COLUMNS

    types = {"geonames_id": pa.int64(), "lat": pa.float64(), "lon": pa.float64(), "contested": pa.bool_(),
             "fatalities": pa.int64(), "confidence": pa.float64(), "evidence_start": pa.int64(),
             "evidence_end": pa.int64(), "copies": pa.int64(), "date": pa.date32(), "date_end": pa.date32(),
             "published": pa.date32()}
    return pa.schema([(c, types.get(c, pa.string())) for c in ROW_COLUMNS])


def write_parquet(records: Iterable[EventRecord], out: str | IO[bytes], *, batch: int = 10_000) -> int:
    """Write records as a Parquet file (``ROW_COLUMNS``, typed), in row groups of ``batch``; returns the count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from frontline.store.query import record_row

    schema = _schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        rows: list[dict[str, Any]] = []
        for r in records:
            rows.append(record_row(r))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or not n:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n
