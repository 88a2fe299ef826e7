"""``POST /api/articles``: ingest articles given as text or URLs, with the server's token; the one write."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from frontline.models import RawArticle
from frontline.serve.problems import Problem
from frontline.serve.schemas import ArticleIn, IngestIn, IngestModel, error_responses
from frontline.sources.metadata import check_published

__all__ = ["router", "Writer", "authorise", "parse_ingest"]

router = APIRouter()

Ingest = Callable[[list[RawArticle], str], Any]


class Writer:
    """Loads the extraction pipeline once, on the first POST, and serialises ingests (one writer at a time)."""

    def __init__(self, db: str, ingest: Ingest | None):
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


def authorise(request: Request, token: str | None) -> None:
    """Let the request through when it carries ``token`` as its bearer token.

    Raises:
        Problem: 403 when the server has no token (read-only), 401 when the request's is missing or wrong.
    """
    if not token:
        raise Problem(403, "Read-only server", "this server is read-only; start it with --token TOKEN to accept "
                      "articles, and send Authorization: Bearer TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # constant-time comparison: the time taken tells nothing about how much of the token was right
    given = given.strip()
    if scheme.lower() != "bearer" or not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise Problem(401, "Not authorised", "send the server's token as Authorization: Bearer TOKEN",
                      {"WWW-Authenticate": "Bearer"})


def parse_ingest(body: bytes, content_type: str) -> tuple[list[RawArticle], list[str]]:
    """The articles and URLs a POST body gives (JSON object or JSON Lines).

    Raises:
        Problem: 400, the body is not UTF-8, not valid, or holds an article without text.
    """
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
    return [_raw(a) for a in payload.articles], [_web_url(u) for u in payload.urls]


def _web_url(url: str) -> str:
    """``url`` when it is an http(s) address with a host: the write API never reads the server's own files or
    folders (a path, ``file://``), which it would then publish to every reader."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise Problem(400, "Bad URL", "each entry of 'urls' must be an http:// or https:// address; send an "
                      "article's text as {\"articles\": [{\"text\": ...}]}")
    return url.strip()


def _raw(a: ArticleIn) -> RawArticle:
    if not (a.text or a.html):
        raise Problem(400, "Bad article", "each article needs its text (or html)")
    if a.published is not None and (wrong := check_published(a.published)):
        raise Problem(400, "Bad article", wrong)
    return RawArticle(text=a.text or "", html=a.html, title=a.title, url=a.url, source=a.source,
                      published=a.published)


@router.post("/api/articles", response_model=IngestModel, status_code=201, responses=error_responses(401, 403),
             summary="Ingest articles (needs the server's token)",
             description="JSON {\"articles\": [{\"text\": ..., \"title\", \"url\", \"source\", \"published\"}], "
                         "\"urls\": [...]} or JSON Lines (one article object a line, Content-Type "
                         "application/x-ndjson). Only when the server was started with --token, with "
                         "Authorization: Bearer <token>.")
async def post_articles(request: Request) -> JSONResponse:
    authorise(request, request.app.state.token)
    raws, urls = parse_ingest(await request.body(), request.headers.get("content-type", ""))
    if urls:
        from frontline.sources.ingest import read_inputs
        raws += list(read_inputs(urls))
    if not raws:
        raise Problem(400, "Nothing to ingest", "give articles ({\"articles\": [{\"text\": ...}]}) or urls")
    from starlette.concurrency import run_in_threadpool
    report = await run_in_threadpool(request.app.state.writer, raws)
    body = {k: getattr(report, k) for k in IngestModel.model_fields}
    return JSONResponse(body, status_code=201)
