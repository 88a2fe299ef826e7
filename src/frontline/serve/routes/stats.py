"""``/api/stats/...``: aggregates of the matching events: per day, per facet value, per grid cell."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from frontline.serve.params import CatalogDep, Filters
from frontline.serve.schemas import FacetsModel, Grid, Histogram, error_responses

__all__ = ["router"]

router = APIRouter()


@router.get("/api/stats/histogram", response_model=Histogram, responses=error_responses(), summary="Events per day")
def histogram(catalog: CatalogDep, f: Filters) -> JSONResponse:
    return JSONResponse({"days": [{"date": d.date.isoformat(), "count": d.count, "by_type": dict(d.by_type)}
                                  for d in catalog.histogram(f)]})


@router.get("/api/stats/facets", response_model=FacetsModel, responses=error_responses(),
            summary="Counts of the matching events by type, side, oblast, claimant, modality, outlet, precision")
def facets(catalog: CatalogDep, f: Filters) -> JSONResponse:
    found = catalog.facets(f)
    return JSONResponse({name: dict(getattr(found, name)) for name in FacetsModel.model_fields})


@router.get("/api/stats/grid", response_model=Grid, responses=error_responses(),
            summary="Located events counted per grid cell (cell centres), for dense map views")
def grid(catalog: CatalogDep, f: Filters,
         cell: Annotated[float, Query(ge=0.01, le=45, description="Cell size in degrees")] = 0.5) -> JSONResponse:
    return JSONResponse({"cell": cell, "cells": [{"lat": c.lat, "lon": c.lon, "count": c.count,
                                                  "by_type": dict(c.by_type)} for c in catalog.grid(f, cell=cell)]})
