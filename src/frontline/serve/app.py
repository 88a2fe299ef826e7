"""The REST API: a FastAPI app over ``frontline.store.query`` (reads) and ``frontline.api`` (the one write).

    app = create_app("frontline.db")                 # read-only
    app = create_app("frontline.db", token="s3cret")  # POST /api/articles accepted with that bearer token

Every list and aggregate endpoint takes the same filters (``EventFilter``), lists are paged by an opaque
cursor, and errors are ``application/problem+json`` (RFC 9457) with a ``detail`` a person can act on. The
endpoints, their parameters and shapes are in the OpenAPI schema (``/openapi.json``, browsable at ``/docs``)
and in docs/REST.md. No SQL lives here: each endpoint turns its parameters into one query-layer call and
the result into JSON, GeoJSON or CSV.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import json
import logging
import threading
from collections.abc import Callable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Any, Final, Literal, get_args

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontline.corpus import fuse as corpus_fuse
from frontline.errors import FrontlineError, InputError, QueryError, StoreError
from frontline.export import results as export_mod
from frontline.export.records import EVENT_FIELDS, event_json, geojson_page, write_text
from frontline.models import EVENT_TYPES, LocationPrecision, Modality, RawArticle, iso
from frontline.serve.guard import Guard
from frontline.store.query import (
    COUNT_LIMIT,
    MAX_LIMIT,
    ArticleRecord,
    Catalog,
    EventDetail,
    EventFilter,
    Page,
)

__all__ = ["create_app", "PROBLEM"]

logger = logging.getLogger(__name__)

PROBLEM: Final = "application/problem+json"
_FORMATS: Final = ("json", "geojson", "csv")
MAX_TEXT_FILTER: Final = 200       # characters of a free-text filter (a name, an outlet, words)
_ACCEPT: Final = {"application/geo+json": "geojson", "text/csv": "csv", "application/json": "json"}


# --- errors -------------------------------------------------------------------------------------------

class Problem(Exception):
    """An error answered as ``application/problem+json``."""

    def __init__(self, status: int, title: str, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers


def _problem(status: int, title: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"type": "about:blank", "title": title, "status": status, "detail": detail},
                        status_code=status, media_type=PROBLEM, headers=headers)


class ProblemModel(BaseModel):
    """An error (RFC 9457): ``detail`` says what was wrong and what to do."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


_PROBLEM_CONTENT: Final = {PROBLEM: {"schema": {"$ref": "#/components/schemas/ProblemModel"}}}
# The other bodies of a list of events (format= or Accept), documented beside its JSON model, so a client (and the
# schema check in tests/test_rest_server.py) knows a 200 may be GeoJSON or CSV.
_EVENT_FORMATS: Final = {200: {"content": {"application/geo+json": {"schema": {"type": "object"}},
                                           "text/csv": {"schema": {"type": "string"}}}}}
_WHY: Final = {400: "A parameter is not valid (the detail says which and what is accepted)",
               401: "The token is missing or wrong", 403: "The server is read-only (started without --token)",
               404: "No such id", 422: "A parameter has the wrong type or range",
               503: "The database cannot be read"}


def _errors(*extra: int) -> dict[int | str, dict[str, Any]]:
    """The error responses of an endpoint, for the OpenAPI schema: problem+json bodies."""
    return {status: {"model": ProblemModel, "description": _WHY[status], "content": _PROBLEM_CONTENT}
            for status in (400, 422, 503, *extra)}


# --- response shapes (documentation and schema validation; handlers return plain JSON for speed) -----

class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class PartyModel(BaseModel):
    name: str
    side: str
    role: str | None = None


class LocationModel(_Open):
    name: str
    geonames_id: int | None = None
    lat: float
    lon: float
    admin1: str | None = None
    country_code: str
    precision: str


class EventModel(_Open):
    """An event: the ``events[]`` object of output.schema.json plus its article's outlet and date and its fused
    event. With ``fields=`` only the fields asked for are present."""

    event_id: str | None = None
    article_id: str | None = None
    event_type: str | None = None
    location: LocationModel | None = None
    date: dict[str, Any] | None = None
    initiator: PartyModel | None = None
    target: PartyModel | None = None
    quantities: list[dict[str, Any]] | None = None
    claim: dict[str, Any] | None = None
    evidence: dict[str, Any] | None = None
    confidence: float | None = None
    trigger: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    fused_id: str | None = None
    contested: bool | None = None
    copies: int | None = None
    stored_at: str | None = None


class EventPage(BaseModel):
    items: list[EventModel]
    next_cursor: str | None
    total: int = Field(description=f"Matches, counted up to {COUNT_LIMIT} (then total_exact is false)")
    total_exact: bool = True
    retracted: list[str] = Field(default_factory=list,
                                 description="With updated_since: ids of events no longer stored since then")


class SourceModel(BaseModel):
    article_id: str
    outlet: str | None
    published: str | None
    title: str | None


class EventArticleModel(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    text: str | None


class EventDetailModel(EventModel):
    article: EventArticleModel
    sources: list[SourceModel]
    claimants: list[str]
    contested_by: list[str]


class ArticleModel(_Open):
    article_id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    outlet: str | None = None
    published: str | None = None
    status: str
    event_count: int


class ArticlePage(BaseModel):
    items: list[ArticleModel]
    next_cursor: str | None
    total: int
    total_exact: bool = True


class ArticleDetailModel(ArticleModel):
    text: str | None
    events: list[EventModel]


class FusedPage(BaseModel):
    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int
    total_exact: bool = True


class DayModel(BaseModel):
    date: str
    count: int
    by_type: dict[str, int]


class Histogram(BaseModel):
    days: list[DayModel]


class FacetsModel(BaseModel):
    type: dict[str, int]
    side: dict[str, int]
    oblast: dict[str, int]
    claimant: dict[str, int]
    modality: dict[str, int]
    outlet: dict[str, int]
    precision: dict[str, int]


class CellModel(BaseModel):
    lat: float
    lon: float
    count: int
    by_type: dict[str, int]


class Grid(BaseModel):
    cell: float
    cells: list[CellModel]


class PlaceModel(BaseModel):
    name: str
    geonames_id: int | None
    lat: float
    lon: float
    oblast: str | None
    state_now: str | None
    events: int


class PlacePage(BaseModel):
    items: list[PlaceModel]
    next_cursor: str | None
    total: int
    total_exact: bool = True


class StateModel(BaseModel):
    state: str
    since: str
    until: str | None
    events: list[str]
    fused_ids: list[str]
    claimants: list[str]


class TimelineModel(BaseModel):
    place: PlaceModel
    states: list[StateModel]


class ControlPlaceModel(BaseModel):
    name: str
    lat: float | None
    lon: float | None
    oblast: str | None
    state: str


class ControlModel(BaseModel):
    date: str
    places: list[ControlPlaceModel]


class CoverageRowModel(BaseModel):
    date: str | None
    outlet: str | None
    articles: int


class CoverageModel(BaseModel):
    rows: list[CoverageRowModel]


class IngestModel(BaseModel):
    articles: int
    ok: int
    failed: int
    skipped: int
    changed: int
    unchanged: int
    events: int
    copies: int
    fused_events: int
    timelines: int


class ArticleIn(BaseModel):
    """One article to ingest: its text (or HTML) and what is known about it."""

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None


class IngestIn(BaseModel):
    """What POST /api/articles takes as JSON: articles given as text, and/or URLs of pages to fetch."""

    articles: list[ArticleIn] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)


# --- parameters ---------------------------------------------------------------------------------------

def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise Problem(400, "Bad bbox", f"bbox={value!r} is not four numbers west,south,east,north, e.g. "
                      "bbox=36.5,47.5,39.0,49.5") from None
    return west, south, east, north


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
) -> EventFilter:
    """The common filters of every list and aggregate endpoint, as one ``EventFilter``."""
    # a value outside a fixed vocabulary is a mistake to report, not a filter that silently matches nothing
    for name, values, known in (("type", type or (), EVENT_TYPES), ("modality", [modality] if modality else (),
                                                                       get_args(Modality)),
                                ("precision", [precision] if precision else (), get_args(LocationPrecision))):
        for value in values:
            if value not in known:
                raise Problem(400, "Bad parameter", f"{name}={value!r} is not one of {', '.join(known)}")
    for name, value in (("oblast", oblast), ("settlement", settlement), ("actor", actor), ("claimant", claimant),
                        ("outlet", outlet), ("q", q), ("side", side)):
        if value is not None and len(value) > MAX_TEXT_FILTER:
            raise Problem(400, "Bad parameter", f"{name} is longer than {MAX_TEXT_FILTER} characters; no name or "
                          "phrase is that long")
        # SQLite's LIKE stops at a NUL: 'q=%00' would match every event
        if value is not None and any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise Problem(400, "Bad parameter", f"{name} holds a control character; send plain text")
    return EventFilter(types=tuple(type or ()), oblast=oblast, settlement=settlement, bbox=_bbox(bbox),
                       since=since, until=until, side=side, actor=actor, claimant=claimant, modality=modality,
                       contested=contested, precision=precision, min_confidence=min_confidence, outlet=outlet,
                       q=q, updated_since=updated_since, include_copies=include_copies)


Filters = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT})")]
Cursor = Annotated[str | None, Query(description="The next_cursor of the previous page")]


_PATTERN_HELP: Final = {
    "fields": f"give top-level field names separated by commas, among {', '.join(EVENT_FIELDS)}",
    "bbox": "give four numbers west,south,east,north in degrees, e.g. 36.5,47.5,39.0,49.5"}
_FIELDS_PATTERN: Final = "^(" + "|".join(EVENT_FIELDS) + ")(,(" + "|".join(EVENT_FIELDS) + "))*$"


def _fields(value: str | None, known: Sequence[str]) -> tuple[str, ...] | None:
    if not value:
        return None
    asked = tuple(f.strip() for f in value.split(",") if f.strip())
    unknown = [f for f in asked if f not in known]
    if unknown:
        raise Problem(400, "Unknown field", f"fields={','.join(unknown)} unknown; choose among {', '.join(known)}")
    return asked


def _format(request: Request, fmt: str | None) -> str:
    if fmt is not None:
        return fmt
    accept = request.headers.get("accept", "")
    for part in accept.split(","):
        kind = part.split(";")[0].strip().lower()
        if kind in _ACCEPT:
            return _ACCEPT[kind]
    return "json"


# --- JSON shapes --------------------------------------------------------------------------------------

def _article_json(r: ArticleRecord) -> dict[str, Any]:
    return export_mod.article_to_dict(r.article) | {"outlet": r.article.source, "event_count": r.events}


def _detail_json(d: EventDetail) -> dict[str, Any]:
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


def _page_json(page: Page[Any], items: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"items": items, "next_cursor": page.next_cursor, "total": page.total,
                           "total_exact": page.total_exact}
    if page.retracted:
        out["retracted"] = list(page.retracted)
    return out


# --- the app ------------------------------------------------------------------------------------------

class _Writer:
    """Loads the extraction pipeline once, on the first POST, and serialises ingests (one writer at a time)."""

    def __init__(self, db: str, ingest: Callable[..., Any] | None):
        self.db = db
        self._ingest = ingest
        self._lock = threading.Lock()
        self._pipeline: Any = None

    def __call__(self, raws: list[RawArticle]) -> Any:
        from frontline import api
        with self._lock:
            if self._ingest is not None:
                return self._ingest(raws, self.db)
            if self._pipeline is None:
                from frontline.pipeline import Pipeline
                self._pipeline = Pipeline.load()
            return api.ingest_raw(raws, self.db, pipeline=self._pipeline)


def create_app(db: str, token: str | None = None, *, catalog: Catalog | None = None,
               ingest: Callable[[list[RawArticle], str], Any] | None = None) -> FastAPI:
    """The REST API (and the web page at ``/``) over one store.

    Args:
        db: a SQLite file path or a ``postgresql://`` URL.
        token: when given, ``POST /api/articles`` is accepted with ``Authorization: Bearer <token>``
            (compared in constant time); without it the server is read-only.
        catalog: a query layer to reuse (tests); opened on ``db`` when not given.
        ingest: what a POST calls with the parsed articles and ``db`` (tests); ``api.ingest_raw`` by default.
    Raises:
        StoreError: the database cannot be opened or is not a frontline store.
    """
    catalog = catalog or Catalog(db)
    writer = _Writer(db, ingest)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # the gazetteer (oblast and settlement names) takes seconds to load: start now, not on the first query
        threading.Thread(target=lambda: catalog.gazetteer, name="load-gazetteer", daemon=True).start()
        yield
        catalog.close()

    app = FastAPI(title="frontline", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Sourced, geolocated war events extracted from news articles. Filters, paging and "
                              "formats: see docs/REST.md. Errors are application/problem+json.")
    app.state.catalog = catalog

    @app.exception_handler(Problem)
    async def _on_problem(request: Request, exc: Problem) -> JSONResponse:
        return _problem(exc.status, exc.title, exc.detail, exc.headers)

    @app.exception_handler(QueryError)
    async def _on_query(request: Request, exc: QueryError) -> JSONResponse:
        return _problem(400, "Bad query", str(exc))

    @app.exception_handler(InputError)
    async def _on_input(request: Request, exc: InputError) -> JSONResponse:
        return _problem(400, "Bad input", str(exc))

    @app.exception_handler(StoreError)
    async def _on_store(request: Request, exc: StoreError) -> JSONResponse:
        logger.error("store error: %s", exc)
        return _problem(503, "Database unavailable", str(exc))

    @app.exception_handler(FrontlineError)
    async def _on_frontline(request: Request, exc: FrontlineError) -> JSONResponse:
        return _problem(500, "Processing failed", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
            msg = err.get("msg")
            if err.get("type") == "string_pattern_mismatch":
                msg = _PATTERN_HELP.get(where, msg)
            parts.append(f"{where or 'request'}: {msg}")
        return _problem(422, "Invalid parameter", "; ".join(parts) + "; see /docs for each parameter's form")

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no endpoint {request.url.path}; the endpoints are listed at /docs"
        return _problem(exc.status_code, _reason(exc.status_code), detail, getattr(exc, "headers", None))

    # --- events ---

    @app.get("/api/events", response_model=EventPage, responses={**_errors(), **_EVENT_FORMATS},
             summary="Events matching the filters, paged",
             description="JSON by default; format=geojson (RFC 7946 FeatureCollection of located events) or "
                         "format=csv (ACLED-style columns), or the same through the Accept header.")
    def list_events(request: Request, f: Filters, limit: Limit = 100, cursor: Cursor = None,
                    fields: Annotated[str | None, Query(description="Comma-separated top-level fields to return",
                                                        pattern=_FIELDS_PATTERN)] = None,
                    sort: Annotated[Literal["date", "-date"], Query(description="date: oldest first")] = "date",
                    format: Annotated[Literal["json", "geojson", "csv"] | None, Query()] = None) -> Response:
        chosen = _fields(fields, EVENT_FIELDS)
        page = catalog.events(f, limit=limit, cursor=cursor, sort=sort)
        fmt = _format(request, format)
        headers = {"X-Total-Count": str(page.total) + ("" if page.total_exact else "+")}
        if page.next_cursor:
            headers["X-Next-Cursor"] = page.next_cursor
        if fmt == "geojson":
            body = geojson_page(page.items, next_cursor=page.next_cursor, total=page.total)
            return JSONResponse(body, media_type="application/geo+json", headers=headers)
        if fmt == "csv":
            out = io.StringIO()
            write_text(page.items, "csv", out)
            return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
        return JSONResponse(_page_json(page, [event_json(r, chosen) for r in page.items]), headers=headers)

    @app.get("/api/events/{event_id}", response_model=EventDetailModel, responses=_errors(404),
             summary="One event with its evidence, article text, sources and claimants")
    def get_event(event_id: str) -> JSONResponse:
        detail = catalog.event(event_id)
        if detail is None:
            raise Problem(404, "No such event", f"no event {event_id} is stored; ids come from /api/events "
                          "(an event re-extracted differently gets a new id: see updated_since)")
        return JSONResponse(_detail_json(detail))

    # --- articles ---

    @app.get("/api/articles", response_model=ArticlePage, responses=_errors(),
             summary="Stored articles by publication day, paged")
    def list_articles(outlet: Annotated[str | None, Query()] = None, since: Annotated[dt.date | None, Query()] = None,
                      until: Annotated[dt.date | None, Query()] = None, limit: Limit = 100,
                      cursor: Cursor = None) -> JSONResponse:
        page = catalog.articles(outlet=outlet, since=since, until=until, limit=limit, cursor=cursor)
        return JSONResponse(_page_json(page, [_article_json(r) for r in page.items]))

    @app.get("/api/articles/{article_id}", response_model=ArticleDetailModel, responses=_errors(404),
             summary="One article with its cleaned text and its events")
    def get_article(article_id: str) -> JSONResponse:
        found = catalog.article(article_id)
        if found is None:
            raise Problem(404, "No such article", f"no article {article_id} is stored; ids come from /api/articles")
        out = _article_json(found) | {"text": found.document.text if found.document else None,
                                      "events": [event_json(r) for r in catalog.article_events(article_id)]}
        return JSONResponse(out)

    @app.post("/api/articles", response_model=IngestModel, status_code=201, responses=_errors(401, 403),
              summary="Ingest articles (needs the server's token)",
              description="JSON {\"articles\": [{\"text\": ..., \"title\", \"url\", \"source\", \"published\"}], "
                          "\"urls\": [...]} or JSON Lines (one article object a line, Content-Type "
                          "application/x-ndjson). Only when the server was started with --token, with "
                          "Authorization: Bearer <token>.")
    async def post_articles(request: Request) -> JSONResponse:
        _authorise(request, token)
        raws, urls = _parse_ingest(await request.body(), request.headers.get("content-type", ""))
        if urls:
            from frontline.sources.ingest import read_inputs
            raws += list(read_inputs(urls))
        if not raws:
            raise Problem(400, "Nothing to ingest", "give articles ({\"articles\": [{\"text\": ...}]}) or urls")
        from starlette.concurrency import run_in_threadpool
        report = await run_in_threadpool(writer, raws)
        body = {k: getattr(report, k) for k in IngestModel.model_fields}
        return JSONResponse(body, status_code=201)

    # --- fused events, aggregates ---

    @app.get("/api/fused", response_model=FusedPage, responses=_errors(),
             summary="Fused events (one happening across sources) with a member event matching the filters")
    def list_fused(f: Filters, limit: Limit = 100, cursor: Cursor = None) -> JSONResponse:
        page = catalog.fused(f, limit=limit, cursor=cursor)
        return JSONResponse(_page_json(page, [corpus_fuse.to_dict(x) for x in page.items]))

    @app.get("/api/stats/histogram", response_model=Histogram, responses=_errors(), summary="Events per day")
    def histogram(f: Filters) -> JSONResponse:
        return JSONResponse({"days": [{"date": d.date.isoformat(), "count": d.count, "by_type": dict(d.by_type)}
                                      for d in catalog.histogram(f)]})

    @app.get("/api/stats/facets", response_model=FacetsModel, responses=_errors(),
             summary="Counts of the matching events by type, side, oblast, claimant, modality, outlet, precision")
    def facets(f: Filters) -> JSONResponse:
        found = catalog.facets(f)
        return JSONResponse({name: dict(getattr(found, name)) for name in FacetsModel.model_fields})

    @app.get("/api/stats/grid", response_model=Grid, responses=_errors(),
             summary="Located events counted per grid cell (cell centres), for dense map views")
    def grid(f: Filters, cell: Annotated[float, Query(ge=0.01, le=45, description="Cell size in degrees")] = 0.5
             ) -> JSONResponse:
        return JSONResponse({"cell": cell, "cells": [{"lat": c.lat, "lon": c.lon, "count": c.count,
                                                      "by_type": dict(c.by_type)} for c in catalog.grid(f, cell=cell)]})

    # --- places, control, coverage ---

    @app.get("/api/places", response_model=PlacePage, responses=_errors(),
             summary="Settlements the matching events are located at, with their latest control state")
    def list_places(f: Filters, limit: Limit = 100, cursor: Cursor = None) -> JSONResponse:
        page = catalog.places(f, limit=limit, cursor=cursor)
        return JSONResponse(_page_json(page, [_place_json(p) for p in page.items]))

    @app.get("/api/places/{name}/timeline", response_model=TimelineModel, responses=_errors(),
             summary="Who held a settlement over time, with the events and claimants behind each state")
    def place_timeline(name: str) -> JSONResponse:
        found = catalog.place_timeline(name)
        return JSONResponse({"place": _place_json(found.place), "states": [
            {"state": s.state, "since": s.since.isoformat(), "until": iso(s.until), "events": list(s.event_ids),
             "fused_ids": list(s.fused_ids), "claimants": list(s.claimants)} for s in found.states]})

    @app.get("/api/control", response_model=ControlModel, responses=_errors(),
             summary="The control state of every settlement with one on a day")
    def control_at(date: Annotated[dt.date, Query(description="The day, YYYY-MM-DD")]) -> JSONResponse:
        return JSONResponse({"date": date.isoformat(), "places": [
            {"name": p.name, "lat": p.lat, "lon": p.lon, "oblast": p.oblast, "state": p.state}
            for p in catalog.control_at(date)]})

    @app.get("/api/coverage", response_model=CoverageModel, responses=_errors(),
             summary="Articles per outlet per day (tells a drop in events from a drop in sources)")
    def coverage(since: Annotated[dt.date | None, Query()] = None, until: Annotated[dt.date | None, Query()] = None,
                 outlet: Annotated[str | None, Query()] = None) -> JSONResponse:
        return JSONResponse({"rows": [{"date": iso(r.date), "outlet": r.outlet, "articles": r.articles}
                                      for r in catalog.coverage(since=since, until=until, outlet=outlet)]})

    # --- docs, offline ---

    swagger = resources.files("frontline") / "data" / "swagger-ui"
    app.mount("/docs-static", StaticFiles(directory=str(swagger)), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="frontline API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon-32x32.png")

    from frontline import web
    web.mount(app)
    # the outer wall: body and query caps, security headers (see frontline.serve.guard); no CORS middleware
    app.add_middleware(Guard)
    return app


def _place_json(p: Any) -> dict[str, Any]:
    return {"name": p.name, "geonames_id": p.geonames_id, "lat": p.lat, "lon": p.lon, "oblast": p.oblast,
            "state_now": p.state_now, "events": p.events}


def _authorise(request: Request, token: str | None) -> None:
    if token is None:
        raise Problem(403, "Read-only server", "this server is read-only; start it with --token TOKEN to accept "
                      "articles, and send Authorization: Bearer TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # constant-time comparison: the time taken tells nothing about how much of the token was right
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise Problem(401, "Not authorised", "send the server's token as Authorization: Bearer TOKEN",
                      {"WWW-Authenticate": "Bearer"})


def _parse_ingest(body: bytes, content_type: str) -> tuple[list[RawArticle], list[str]]:
    """The articles and URLs a POST body gives (JSON object or JSON Lines)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Problem(400, "Bad body", "the body is not UTF-8 text; send JSON or JSON Lines in UTF-8") from None
    kind = content_type.split(";")[0].strip().lower()
    try:
        if kind in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
            items = [ArticleIn.model_validate_json(line) for line in text.splitlines() if line.strip()]
            return [_raw(a) for a in items], []
        payload = IngestIn.model_validate_json(text or "{}")
    except ValueError as exc:
        raise Problem(400, "Bad body", f"the body is not valid: {exc}; send {{\"articles\": [{{\"text\": ...}}]}} "
                      "or JSON Lines with Content-Type application/x-ndjson") from None
    return [_raw(a) for a in payload.articles], list(payload.urls)


def _raw(a: ArticleIn) -> RawArticle:
    if not (a.text or a.html):
        raise Problem(400, "Bad article", "each article needs its text (or html)")
    return RawArticle(text=a.text or "", html=a.html, title=a.title, url=a.url, source=a.source,
                      published=a.published)


def _reason(status: int) -> str:
    from http import HTTPStatus
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("frontline")
    except PackageNotFoundError:
        return "0"
