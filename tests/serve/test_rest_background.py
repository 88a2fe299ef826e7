"""Issue 28, background: the REST API leaves retold history out of every default answer (list, page formats,
aggregates), ``background=include|only`` brings it back, and any other value is a 400 naming the accepted ones."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from stores import fill_background

from frontline.serve.app import PROBLEM, create_app
from frontline.store.query import Catalog


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline):
    db = str(tmp_path_factory.mktemp("background") / "b.db")
    fill_background(db)
    with TestClient(create_app(db, catalog=Catalog(db, gazetteer=pipeline.resources.gazetteer))) as c:
        yield c


def _types(client, **params) -> list[str]:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return sorted(e["event_type"] for e in r.json()["items"])


def test_events_leave_background_out_by_default(client):
    assert _types(client) == ["armed_clash"]
    assert _types(client, background="include") == ["armed_clash", "territory_withdrawn"]
    assert _types(client, background="only") == ["territory_withdrawn"]


def test_page_formats_and_aggregates_follow(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv"}).text)))
    assert len(rows) == 1
    assert len(client.get("/api/events", params={"format": "geojson", "background": "include"}).json()["features"]) == 2
    assert client.get("/api/stats/facets").json()["type"] == {"armed_clash": 1}
    assert client.get("/api/stats/facets", params={"background": "include"}).json()["type"] == {
        "armed_clash": 1, "territory_withdrawn": 1}


def test_an_unknown_value_is_a_400(client):
    r = client.get("/api/events", params={"background": "yes"})
    assert r.status_code == 400 and r.headers["content-type"] == PROBLEM
    assert "not one of exclude, include, only" in r.json()["detail"]


def test_openapi_describes_the_parameter(client):
    params = client.get("/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]
    described = next(p for p in params if p["name"] == "background")
    assert "exclude (default), include, or only" in described["description"]
