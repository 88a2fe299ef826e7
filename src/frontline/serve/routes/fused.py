"""``/api/fused``: fused events (one happening across sources) with a member event matching the filters."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from frontline.corpus import fuse as corpus_fuse
from frontline.export.records import page_json
from frontline.serve.params import CatalogDep, Cursor, Filters, Limit
from frontline.serve.schemas import FusedPage, error_responses

__all__ = ["router"]

router = APIRouter()


@router.get("/api/fused", response_model=FusedPage, responses=error_responses(),
            summary="Fused events (one happening across sources) with a member event matching the filters")
def list_fused(catalog: CatalogDep, f: Filters, limit: Limit = 100, cursor: Cursor = None) -> JSONResponse:
    page = catalog.fused(f, limit=limit, cursor=cursor)
    return JSONResponse(page_json(page, [corpus_fuse.to_dict(x) for x in page.items]))
