"""Errors as ``application/problem+json`` (RFC 9457): the ``Problem`` a handler raises, and the app's handlers
that turn it, frontline's own errors and FastAPI's validation errors into problem bodies a person can act on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontline.errors import FrontlineError, InputError, QueryError, StoreError
from frontline.textguard import redact

__all__ = ["PROBLEM", "Problem", "problem", "install", "reason"]

logger = logging.getLogger(__name__)

PROBLEM: Final = "application/problem+json"


class Problem(Exception):
    """An error answered as ``application/problem+json``."""

    def __init__(self, status: int, title: str, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers


def problem(status: int, title: str, detail: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """A problem+json answer."""
    return JSONResponse({"type": "about:blank", "title": title, "status": status, "detail": detail},
                        status_code=status, media_type=PROBLEM, headers=headers)


def reason(status: int) -> str:
    """The reason phrase of an HTTP status ('Not Found'), or 'Error' for a status HTTP does not name."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def install(app: FastAPI, pattern_help: Mapping[str, str]) -> None:
    """Answer every error of ``app`` as problem+json.

    ``pattern_help`` says, per parameter, what to write when a value does not match its pattern.
    """

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> JSONResponse:
        return problem(exc.status, exc.title, exc.detail, exc.headers)

    @app.exception_handler(QueryError)
    async def on_query(request: Request, exc: QueryError) -> JSONResponse:
        return problem(400, "Bad query", str(exc))

    @app.exception_handler(InputError)
    async def on_input(request: Request, exc: InputError) -> JSONResponse:
        return problem(400, "Bad input", str(exc))

    # a store's message names the database (a path or a URL) and the driver's words: the log has them
    # (redacted), the body only what an anonymous client may know
    @app.exception_handler(StoreError)
    async def on_store(request: Request, exc: StoreError) -> JSONResponse:
        logger.error("store error on %s %s: %s", request.method, request.url.path, redact(exc))
        return problem(503, "Database unavailable", "the database cannot be read or written just now; try again "
                                                    "later (the server's log says why)")

    @app.exception_handler(FrontlineError)
    async def on_frontline(request: Request, exc: FrontlineError) -> JSONResponse:
        logger.error("failed on %s %s: %s", request.method, request.url.path, redact(exc))
        return problem(500, "Processing failed", "the request could not be processed (the server's log says why)")

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
            msg = err.get("msg")
            if err.get("type") == "string_pattern_mismatch":
                msg = pattern_help.get(where, msg)
            parts.append(f"{where or 'request'}: {msg}")
        return problem(422, "Invalid parameter", "; ".join(parts) + "; see /docs for each parameter's form")

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no endpoint {request.url.path}; the endpoints are listed at /docs"
        return problem(exc.status_code, reason(exc.status_code), detail, getattr(exc, "headers", None))
