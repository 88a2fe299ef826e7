"""``/api/articles``: the stored articles by publication day, paged; one article with its text and events."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontline.export.records import event_json, page_json
from frontline.export.results import article_to_dict
from frontline.models import Status
from frontline.serve.params import CatalogDep, Cursor, Limit
from frontline.serve.problems import Problem
from frontline.serve.schemas import ArticleDetailModel, ArticlePage, error_responses
from frontline.store.query import ArticleRecord

__all__ = ["router", "article_json"]

router = APIRouter()


def article_json(r: ArticleRecord) -> dict[str, Any]:
    """A stored article as ``ArticleModel``: output.schema.json's article plus its outlet and event count."""
    return article_to_dict(r.article) | {"outlet": r.article.source, "event_count": r.events}


@router.get("/api/articles", response_model=ArticlePage, responses=error_responses(),
            summary="Stored articles by publication day, paged")
def list_articles(catalog: CatalogDep, outlet: Annotated[str | None, Query()] = None,
                  since: Annotated[dt.date | None, Query()] = None, until: Annotated[dt.date | None, Query()] = None,
                  status: Annotated[Status | None, Query(
                      description="ok, failed (with the reason in error) or skipped")] = None,
                  limit: Limit = 100, cursor: Cursor = None) -> JSONResponse:
    page = catalog.articles(outlet=outlet, since=since, until=until, status=status, limit=limit, cursor=cursor)
    return JSONResponse(page_json(page, [article_json(r) for r in page.items]))


@router.get("/api/articles/{article_id}", response_model=ArticleDetailModel, responses=error_responses(404),
            summary="One article with its cleaned text and its events")
def get_article(article_id: str, catalog: CatalogDep) -> JSONResponse:
    found = catalog.article(article_id)
    if found is None:
        raise Problem(404, "No such article", f"no article {article_id} is stored; ids come from /api/articles")
    out = article_json(found) | {"text": found.document.text if found.document else None,
                                 "events": [event_json(r) for r in catalog.article_events(article_id)]}
    return JSONResponse(out)
