"""The REST API's shapes as pydantic models: its OpenAPI schema, and the validation of what a POST sends.

The handlers return plain JSON for speed; these models document it (``response_model``) and the schema check
of tests/serve/test_rest_server.py holds the answers to them. ``error_responses`` gives an endpoint's
``application/problem+json`` error bodies, ``EVENT_FORMATS`` the other bodies a list of events may have.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field

from frontline.export.formats import export_format, page_formats
from frontline.serve.problems import PROBLEM
from frontline.store.query import COUNT_LIMIT

__all__ = ["ProblemModel", "error_responses", "EVENT_FORMATS", "PartyModel", "LocationModel", "EventModel",
           "EventPage", "SourceModel", "EventArticleModel", "EventDetailModel", "ArticleModel", "ArticlePage",
           "ArticleDetailModel", "FusedPage", "DayModel", "Histogram", "FacetsModel", "CellModel", "Grid",
           "PlaceModel", "PlacePage", "StateModel", "TimelineModel", "ControlPlaceModel", "ControlModel",
           "CoverageRowModel", "CoverageModel", "IngestModel", "ArticleIn", "IngestIn", "EventTypeModel",
           "FormatModel", "VocabularyModel"]


class ProblemModel(BaseModel):
    """An error (RFC 9457): ``detail`` says what was wrong and what to do."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


_PROBLEM_CONTENT: Final = {PROBLEM: {"schema": {"$ref": "#/components/schemas/ProblemModel"}}}
# The other bodies of a list of events (format= or Accept), documented beside its JSON model, so a client (and the
# schema check in tests/serve/test_rest_server.py) knows a 200 may be GeoJSON or CSV.
EVENT_FORMATS: Final[dict[int | str, dict[str, Any]]] = {200: {"content": {
    export_format(name).media_type: {"schema": {"type": "object" if export_format(name).json_body else "string"}}
    for name in page_formats()[1:]}}}
_WHY: Final = {400: "A parameter is not valid (the detail says which and what is accepted)",
               401: "The token is missing or wrong", 403: "The server is read-only (started without --token)",
               404: "No such id", 422: "A parameter has the wrong type or range",
               503: "The database cannot be read"}


def error_responses(*extra: int) -> dict[int | str, dict[str, Any]]:
    """The error responses of an endpoint, for the OpenAPI schema: problem+json bodies."""
    return {status: {"model": ProblemModel, "description": _WHY[status], "content": _PROBLEM_CONTENT}
            for status in (400, 422, 503, *extra)}


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
    more_evidence: list[dict[str, Any]] | None = Field(
        default=None, description="The other sentences of the article that told this event (its toll, the headline, a "
        "repeat), in text order, each {sentence, char_start, char_end}; absent when one sentence told it")
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
    confidence: float | None = None
    basis: str = "reports"
    source: str | None = None
    against: list[str] = []


class TimelineModel(BaseModel):
    place: PlaceModel
    states: list[StateModel]


class ControlPlaceModel(BaseModel):
    name: str
    lat: float | None
    lon: float | None
    oblast: str | None
    state: str
    basis: str = "reports"
    source: str | None = None


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
    repeats: int = 0


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


class EventTypeModel(BaseModel):
    """One row of the event-type table, as the page reads it."""

    name: str
    label: str
    summary: str
    family: str
    colour: str
    acled: list[str]


class FormatModel(BaseModel):
    """One export format, as the page reads it: the page offers those with a ``download`` join."""

    name: str
    label: str
    media_type: str
    extension: str
    download: str | None


class VocabularyModel(BaseModel):
    """The vocabularies the page reads at start: event types in table order, and export formats."""

    event_types: list[EventTypeModel]
    fallback: str = Field(description="The event type an unknown name reads as")
    formats: list[FormatModel]
