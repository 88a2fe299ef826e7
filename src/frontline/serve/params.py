"""The REST API's parameters: the filters every list and aggregate endpoint shares, paging, fields, format.

Each is an annotated type or a dependency, so a route declares what it takes in its signature and the OpenAPI
schema documents it. A value outside a fixed vocabulary is refused (400) with the values that are accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Final, Literal

from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from frontline.export.formats import export_format, page_formats
from frontline.export.records import EVENT_FIELDS
from frontline.serve.problems import Problem
from frontline.store.filters import MAX_TEXT_FILTER, parse_filter, unknown_parameters
from frontline.store.query import MAX_LIMIT, Catalog, EventFilter

__all__ = ["MAX_TEXT_FILTER", "event_filter", "Filters", "Limit", "Cursor", "PageFormat", "PATTERN_HELP",
           "FIELDS_PATTERN", "fields_asked", "format_asked", "catalog_of", "CatalogDep",
           "known_parameters", "route_parameters"]

if TYPE_CHECKING:
    PageFormat = str
else:
    # the formats of the export registry a page of events answers in, as the enum of the format parameter
    PageFormat = Literal[page_formats()]


async def catalog_of(request: Request) -> Catalog:
    """The app's query layer (a dependency: async, so it runs on the event loop, not in a thread)."""
    catalog: Catalog = request.app.state.catalog
    return catalog


CatalogDep = Annotated[Catalog, Depends(catalog_of)]


def event_filter(
    type: Annotated[list[str] | None, Query(description="Event type; repeat for any of several")] = None,
    oblast: Annotated[str | None, Query(description="Oblast in any spelling: Donetsk, Donetsk oblast, DPR")] = None,
    settlement: Annotated[str | None, Query(description="Settlement in any spelling the gazetteer knows")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees",
                                      pattern=r"^\s*-?[0-9.]+\s*(,\s*-?[0-9.]+\s*){3}$")] = None,
    since: Annotated[dt.date | None, Query(description="First day (inclusive; overlap with the event's span)")] = None,
    until: Annotated[dt.date | None, Query(description="Last day (inclusive)")] = None,
    side: Annotated[str | None, Query(description="Side of either party: RU, UA, RU_aligned, civilians ...")] = None,
    actor: Annotated[str | None, Query(description="Name of either party, any case")] = None,
    claimant: Annotated[str | None, Query(description="Who says so: a name (any case) or a side")] = None,
    modality: Annotated[str | None, Query(description="asserted, claimed, denied ...")] = None,
    contested: Annotated[bool | None, Query(description="Only (true) or no (false) contested events")] = None,
    precision: Annotated[str | None, Query(description="Location precision: settlement, admin1, country ...")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Least confidence, 0..1")] = None,
    outlet: Annotated[str | None, Query(description="The article's outlet (source), any case")] = None,
    q: Annotated[str | None, Query(description="Words the evidence sentence contains, any case")] = None,
    updated_since: Annotated[dt.datetime | None, Query(
        description="Only events written since this time (ISO 8601); retracted ids are listed too")] = None,
    include_copies: Annotated[bool, Query(description="Also the events of articles that copy another")] = False,
    background: Annotated[str, Query(description=(
        "Retold history (events an article recalls, not its news: 'Russia invaded Ukraine on February 24'): "
        "exclude (default), include, or only"))] = "exclude",
) -> EventFilter:
    """The common filters of every list and aggregate endpoint, as one ``EventFilter``.

    The values are checked by the one parser the CLI and the Python API share (``store.filters``): a value
    outside a fixed vocabulary (type, side, modality, precision) is refused with the values accepted.
    """
    return parse_filter({"type": type, "oblast": oblast, "settlement": settlement, "bbox": bbox, "since": since,
                         "until": until, "side": side, "actor": actor, "claimant": claimant, "modality": modality,
                         "contested": contested, "precision": precision, "min_confidence": min_confidence,
                         "outlet": outlet, "q": q, "updated_since": updated_since,
                         "include_copies": include_copies, "background": background})


async def known_parameters(request: Request) -> None:
    """Refuse query parameters the route does not declare (a dependency of every route).

    A typo ('settlment'), an ACLED name ('event_type', 'page') or a stray parameter is named in a 400 with the
    closest parameter, rather than ignored: an ignored filter answers every event as if it had been applied.

    Raises:
        Problem: 400, a parameter is not one of the route's.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    message = unknown_parameters(request.query_params.keys(), route_parameters(route))
    if message is not None:
        raise Problem(400, "Unknown parameter", message)


_ROUTE_PARAMETERS: dict[int, tuple[str, ...]] = {}


def route_parameters(route: APIRoute) -> tuple[str, ...]:
    """The query parameters a route declares, its dependencies' included."""
    names = _ROUTE_PARAMETERS.get(id(route))
    if names is None:
        names = tuple(dict.fromkeys(_query_names(route.dependant)))
        _ROUTE_PARAMETERS[id(route)] = names
    return names


def _query_names(dependant: Dependant) -> list[str]:
    # walked here rather than through FastAPI's flattening helper, whose name has changed between releases
    return [p.alias for p in dependant.query_params] + [n for d in dependant.dependencies for n in _query_names(d)]


Filters = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT})")]
Cursor = Annotated[str | None, Query(description="The next_cursor of the previous page")]


PATTERN_HELP: Final = {
    "fields": f"give top-level field names separated by commas, among {', '.join(EVENT_FIELDS)}",
    "bbox": "give four numbers west,south,east,north in degrees, e.g. 36.5,47.5,39.0,49.5"}
FIELDS_PATTERN: Final = "^(" + "|".join(EVENT_FIELDS) + ")(,(" + "|".join(EVENT_FIELDS) + "))*$"


def fields_asked(value: str | None, known: Sequence[str]) -> tuple[str, ...] | None:
    """The fields a ``fields=`` value asks for, or None for all.

    Raises:
        Problem: 400, a field is not among ``known``.
    """
    if not value:
        return None
    asked = tuple(f.strip() for f in value.split(",") if f.strip())
    unknown = [f for f in asked if f not in known]
    if unknown:
        raise Problem(400, "Unknown field", f"fields={','.join(unknown)} unknown; choose among {', '.join(known)}")
    return asked


def format_asked(request: Request, fmt: str | None) -> str:
    """The format a page of events is asked in: ``format=``, else the first known type of ``Accept``, else the default."""
    if fmt is not None:
        return fmt
    accept = request.headers.get("accept", "")
    for part in accept.split(","):
        kind = part.split(";")[0].strip().lower()
        for name in page_formats():
            if export_format(name).media_type == kind:
                return name
    return page_formats()[0]
