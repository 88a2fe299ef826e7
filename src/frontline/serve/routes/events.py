"""``/api/events``: the events matching the filters, paged, in any format of the export registry; one event."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from frontline.export.formats import export_format
from frontline.export.records import EVENT_FIELDS, event_json
from frontline.models import iso
from frontline.serve.params import (
    FIELDS_PATTERN,
    CatalogDep,
    Cursor,
    Filters,
    Limit,
    PageFormat,
    fields_asked,
    format_asked,
)
from frontline.serve.problems import Problem
from frontline.serve.schemas import EVENT_FORMATS, EventDetailModel, EventPage, error_responses
from frontline.store.query import EventDetail

__all__ = ["router", "detail_json"]

router = APIRouter()


@router.get("/api/events", response_model=EventPage, responses={**error_responses(), **EVENT_FORMATS},
            summary="Events matching the filters, paged",
            description="JSON by default; format=geojson (RFC 7946 FeatureCollection of located events) or "
                        "format=csv (ACLED-style columns), or the same through the Accept header.")
def list_events(request: Request, catalog: CatalogDep, f: Filters, limit: Limit = 100, cursor: Cursor = None,
                fields: Annotated[str | None, Query(description="Comma-separated top-level fields to return",
                                                    pattern=FIELDS_PATTERN)] = None,
                sort: Annotated[Literal["date", "-date"], Query(description="date: oldest first")] = "date",
                format: Annotated[PageFormat | None, Query()] = None) -> Response:
    chosen = fields_asked(fields, EVENT_FIELDS)
    page = catalog.events(f, limit=limit, cursor=cursor, sort=sort)
    answer = export_format(format_asked(request, format))
    headers = {"X-Total-Count": str(page.total) + ("" if page.total_exact else "+")}
    if page.next_cursor:
        headers["X-Next-Cursor"] = page.next_cursor
    assert answer.page is not None     # the format parameter and Accept offer only formats with a page
    return Response(answer.page(page, chosen), media_type=answer.media_type, headers=headers)


@router.get("/api/events/{event_id}", response_model=EventDetailModel, responses=error_responses(404),
            summary="One event with its evidence, article text, sources and claimants")
def get_event(event_id: str, catalog: CatalogDep) -> JSONResponse:
    detail = catalog.event(event_id)
    if detail is None:
        raise Problem(404, "No such event", f"no event {event_id} is stored; ids come from /api/events "
                      "(an event re-extracted differently gets a new id: see updated_since)")
    return JSONResponse(detail_json(detail))


def detail_json(d: EventDetail) -> dict[str, Any]:
    """One event as ``EventDetailModel``: its Event object, evidence offsets, article, sources and claimants."""
    out = event_json(d.record)
    ev = d.record.event.evidence
    # start/end (the contract's names) beside char_start/char_end (output.schema.json's): offsets in ``text``
    out["evidence"] = {"sentence": ev.sentence, "char_start": ev.char_start, "char_end": ev.char_end,
                       "start": ev.char_start, "end": ev.char_end}
    a = d.article.article
    out["article"] = {"id": a.article_id, "title": a.title, "outlet": a.source, "url": a.url,
                      "published": iso(a.published), "text": d.article.document.text if d.article.document else None}
    out["sources"] = [{"article_id": s.article.article_id, "outlet": s.article.source,
                       "published": iso(s.article.published), "title": s.article.title} for s in d.sources]
    out["claimants"] = list(d.claimants)
    out["contested_by"] = list(d.contested_by)
    return out
