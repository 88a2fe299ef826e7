"""``/api/coverage``: articles per outlet per day, which tells a drop in events from a drop in sources."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontline.models import iso
from frontline.serve.params import CatalogDep
from frontline.serve.schemas import CoverageModel, error_responses

__all__ = ["router"]

router = APIRouter()


@router.get("/api/coverage", response_model=CoverageModel, responses=error_responses(),
            summary="Articles per outlet per day (tells a drop in events from a drop in sources)")
def coverage(catalog: CatalogDep, since: Annotated[dt.date | None, Query()] = None,
             until: Annotated[dt.date | None, Query()] = None,
             outlet: Annotated[str | None, Query()] = None) -> JSONResponse:
    return JSONResponse({"rows": [{"date": iso(r.date), "outlet": r.outlet, "articles": r.articles}
                                  for r in catalog.coverage(since=since, until=until, outlet=outlet)]})
