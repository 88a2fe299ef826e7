"""``/api/places`` and ``/api/control``: settlements, who held each over time, and who held what on a day."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontline.errors import UnknownPlaceError
from frontline.export.records import page_json
from frontline.models import iso
from frontline.serve.params import CatalogDep, Cursor, Filters, Limit
from frontline.serve.problems import Problem
from frontline.serve.schemas import ControlModel, PlacePage, TimelineModel, error_responses

__all__ = ["router"]

router = APIRouter()


def _place_json(p: Any) -> dict[str, Any]:
    return {"name": p.name, "geonames_id": p.geonames_id, "lat": p.lat, "lon": p.lon, "oblast": p.oblast,
            "state_now": p.state_now, "events": p.events}


@router.get("/api/places", response_model=PlacePage, responses=error_responses(),
            summary="Settlements the matching events are located at, with their latest control state")
def list_places(catalog: CatalogDep, f: Filters, limit: Limit = 100, cursor: Cursor = None) -> JSONResponse:
    page = catalog.places(f, limit=limit, cursor=cursor)
    return JSONResponse(page_json(page, [_place_json(p) for p in page.items]))


@router.get("/api/places/{name}/timeline", response_model=TimelineModel, responses=error_responses(404),
            summary="Who held a settlement over time, with the events and claimants behind each state",
            description="The name in any of its spellings (Kiev, Kyiv); a name the gazetteer does not know is a "
                        "404 whose detail suggests close names, never the timeline of another place.")
def place_timeline(name: str, catalog: CatalogDep) -> JSONResponse:
    try:
        found = catalog.place_timeline(name)
    except UnknownPlaceError as exc:
        raise Problem(404, "No such place", str(exc)) from None
    return JSONResponse({"place": _place_json(found.place), "states": [
        {"state": s.state, "since": s.since.isoformat(), "until": iso(s.until), "events": list(s.event_ids),
         "fused_ids": list(s.fused_ids), "claimants": list(s.claimants), "confidence": s.confidence,
         "basis": s.basis, "source": s.source, "against": list(s.against)} for s in found.states]})


@router.get("/api/control", response_model=ControlModel, responses=error_responses(),
            summary="The control state of every settlement with one on a day")
def control_at(catalog: CatalogDep,
               date: Annotated[dt.date, Query(description="The day, YYYY-MM-DD")]) -> JSONResponse:
    return JSONResponse({"date": date.isoformat(), "places": [
        {"name": p.name, "lat": p.lat, "lon": p.lon, "oblast": p.oblast, "state": p.state, "basis": p.basis,
         "source": p.source}
        for p in catalog.control_at(date)]})
