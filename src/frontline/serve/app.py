"""The REST API: a FastAPI app over ``frontline.store.query`` (reads) and ``frontline.api`` (the one write).

    app = create_app("frontline.db")                 # read-only
    app = create_app("frontline.db", token="s3cret")  # POST /api/articles accepted with that bearer token

This module assembles the app: the routes live one module per resource in ``frontline.serve.routes``, their
shapes in ``schemas``, the shared parameters in ``params``, the error bodies in ``problems`` and the request
guard in ``guard``. Every list and aggregate endpoint takes the same filters (``EventFilter``), lists are
paged by an opaque cursor, and errors are ``application/problem+json`` (RFC 9457) with a ``detail`` a person
can act on. The endpoints, their parameters and shapes are in the OpenAPI schema (``/openapi.json``,
browsable at ``/docs``) and in docs/REST.md. No SQL lives here, nor in the routes: each endpoint turns its
parameters into one query-layer call and the result into JSON, or into a format of ``frontline.export.formats``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from importlib.metadata import PackageNotFoundError, version

from fastapi import Depends, FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from frontline.errors import FrontlineError
from frontline.serve import problems
from frontline.serve.guard import DEFAULT_HOSTS, MIN_TOKEN, Guard, check_token
from frontline.serve.params import PATTERN_HELP, known_parameters
from frontline.serve.problems import PROBLEM
from frontline.serve.routes import ROUTERS
from frontline.serve.routes.ingest import Ingest, Writer
from frontline.store.query import Catalog

__all__ = ["create_app", "DEFAULT_HOSTS", "PROBLEM", "MIN_TOKEN", "STALE_HEADER"]

logger = logging.getLogger(__name__)


def create_app(db: str, token: str | None = None, *, catalog: Catalog | None = None,
               ingest: Ingest | None = None, allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The REST API (and the web page at ``/``) over one store.

    Args:
        db: a SQLite file path or a ``postgresql://`` URL.
        token: when given, ``POST /api/articles`` is accepted with ``Authorization: Bearer <token>``
            (compared in constant time); without it the server is read-only.
        catalog: a query layer to reuse (tests); opened on ``db`` when not given.
        ingest: what a POST calls with the parsed articles and ``db`` (tests); ``api.ingest_raw`` by default.
        allowed_hosts: the host names the server answers to (its ``Host`` header); None answers any, for an
            app behind a proxy that checks them (``frontline serve`` always gives them, see ``guard``).
    Raises:
        StoreError: the database cannot be opened or is not a frontline store.
        ValueError: ``token`` is empty or shorter than ``MIN_TOKEN`` characters (anyone could guess it).
    """
    check_token(token)
    opened = catalog or Catalog(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the gazetteer (oblast and settlement names) takes seconds to load: start now, not on the first query
        threading.Thread(target=lambda: opened.gazetteer, name="load-gazetteer", daemon=True).start()
        yield
        opened.close()

    app = FastAPI(title="frontline", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Sourced, geolocated war events extracted from news articles. Filters, paging and "
                              "formats: see docs/REST.md. Errors are application/problem+json.")
    app.state.catalog = opened
    app.state.token = token
    app.state.writer = Writer(db, ingest)
    problems.install(app, PATTERN_HELP)
    _say_when_stale(app, opened)
    for router in ROUTERS:
        # every route refuses a query parameter it does not declare (a typo would otherwise filter nothing)
        app.include_router(router, dependencies=[Depends(known_parameters)])
    _mount_docs(app)
    from frontline import web
    web.mount(app)
    # the outer wall: body and query caps, security headers (see frontline.serve.guard); no CORS middleware
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    return app


#: The header an answer carries while the store's fused events and timelines are behind its events.
STALE_HEADER = "Frontline-Derived-Stale"


def _say_when_stale(app: FastAPI, catalog: Catalog) -> None:
    """Every API answer of a store whose fused events and timelines are behind its events (an ingest is writing,
    or one was cut short) says so in ``STALE_HEADER``: they are being rebuilt, and may miss recent events."""

    @app.middleware("http")
    async def stale(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        if request.url.path.startswith("/api/"):
            try:
                behind = await run_in_threadpool(catalog.derived_stale)
            except FrontlineError:
                behind = False          # the answer itself says what is wrong with the store
            if behind:
                response.headers[STALE_HEADER] = ("fused events and control timelines are being rebuilt (an ingest "
                                                  "is running or was interrupted); they may miss recent events")
        return response


def _mount_docs(app: FastAPI) -> None:
    """The API docs at ``/docs``, from the Swagger UI that ships in the package: they work offline."""
    swagger = resources.files("frontline") / "data" / "swagger-ui"
    app.mount("/docs-static", StaticFiles(directory=str(swagger)), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="frontline API",
                                   swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-static/swagger-ui.css",
                                   swagger_favicon_url="/docs-static/favicon-32x32.png")


def _version() -> str:
    try:
        return version("frontline")
    except PackageNotFoundError:
        return "0"
