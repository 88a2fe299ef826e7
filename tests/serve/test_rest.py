"""The REST API in process (FastAPI's TestClient): shapes, formats, errors, the token. See test_rest_server.py
for the same API as a client sees it over HTTP."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from stores import fill

from frontline.export.acled import ACLED_COLUMNS
from frontline.serve.app import PROBLEM, create_app
from frontline.store.query import Catalog


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    name = str(tmp_path_factory.mktemp("rest") / "r.db")
    fill(name)
    return name


@pytest.fixture(scope="module")
def posted():
    return []


@pytest.fixture(scope="module")
def client(db, pipeline, posted):
    def ingest(raws, where):
        posted.append((raws, where))
        return type("Report", (), dict.fromkeys(("articles", "ok", "failed", "skipped", "changed", "unchanged",
                                                 "events", "copies", "fused_events", "timelines", "repeats"), 1))()

    catalog = Catalog(db, gazetteer=pipeline.resources.gazetteer)
    with TestClient(create_app(db, token="s3cret-token-0123456789", catalog=catalog, ingest=ingest)) as c:
        yield c


def problem(r, status):
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert set(body) == {"type", "title", "status", "detail"} and body["status"] == status
    return body["detail"]


def test_events_page_with_filters_and_fields(client):
    r = client.get("/api/events", params={"type": ["shelling", "evacuation"], "limit": 2,
                                          "fields": "event_id,event_type,outlet"})
    body = r.json()
    assert r.status_code == 200 and body["total"] == 5 and len(body["items"]) == 2 and body["next_cursor"]
    assert all(set(item) == {"event_id", "event_type", "outlet"} for item in body["items"])
    rest = client.get("/api/events", params={"type": ["shelling", "evacuation"], "cursor": body["next_cursor"]})
    assert len(rest.json()["items"]) == 3 and rest.json()["next_cursor"] is None


def test_event_objects_have_the_contract_fields(client):
    item = client.get("/api/events", params={"oblast": "Luhansk", "limit": 1}).json()["items"][0]
    assert {"event_id", "event_type", "location", "date", "claim", "evidence", "article_id", "outlet", "published",
            "fused_id", "contested", "copies"} <= set(item)


def test_formats_by_parameter_and_accept_header(client):
    geo = client.get("/api/events", params={"format": "geojson"})
    assert geo.headers["content-type"] == "application/geo+json"
    features = geo.json()["features"]
    assert geo.json()["type"] == "FeatureCollection" and features
    assert all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2 for f in features
               if f["properties"]["precision"] not in ("admin1", "region", "country"))
    assert all(f["geometry"] is None for f in features if f["properties"]["precision"] in ("admin1", "country"))
    table = client.get("/api/events", headers={"Accept": "text/csv"})
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == int(table.headers["x-total-count"])


def test_event_detail(client):
    eid = client.get("/api/events", params={"q": "street fighting"}).json()["items"][0]["event_id"]
    d = client.get(f"/api/events/{eid}").json()
    assert d["article"]["text"][d["evidence"]["start"]:d["evidence"]["end"]] == d["evidence"]["sentence"]
    assert d["claimants"] == ["Russian Defence Ministry"] and d["sources"][0]["article_id"] == "a1"
    assert "no event nope" in problem(client.get("/api/events/nope"), 404)


def test_errors_are_problem_json_that_say_what_to_do(client):
    assert "less than or equal to 1000" in problem(client.get("/api/events", params={"limit": 5000}), 422)
    assert "no oblast called" in problem(client.get("/api/events", params={"oblast": "Narnia"}), 400)
    assert "not one this server gave" in problem(client.get("/api/events", params={"cursor": "x"}), 400)
    assert "among event_id" in problem(client.get("/api/events", params={"fields": "nope"}), 422)
    assert "west,south,east,north" in problem(client.get("/api/events", params={"bbox": "1,2"}), 422)
    assert "/docs" in problem(client.get("/api/nothing"), 404)


def test_aggregates_places_control_coverage(client):
    assert client.get("/api/stats/histogram").json()["days"][0]["date"] == "2022-06-01"
    assert client.get("/api/stats/facets").json()["outlet"]["TASS"] == 3
    assert client.get("/api/stats/grid", params={"cell": 1}).json()["cells"]
    assert client.get("/api/places").json()["total"] == 4
    timeline = client.get("/api/places/Severodonetsk/timeline").json()
    assert timeline["place"]["name"] == "Sievierodonetsk" and timeline["states"][-1]["state"] == "RU"
    places = client.get("/api/control", params={"date": "2022-06-30"}).json()["places"]
    found = next(p for p in places if p["name"] == "Sievierodonetsk")
    assert {"name": "Sievierodonetsk", "state": "RU"}.items() <= found.items() and {"basis", "source"} <= found.keys()
    assert client.get("/api/coverage", params={"outlet": "TASS"}).json()["rows"] == [
        {"date": "2022-06-25", "outlet": "TASS", "articles": 1}]


def test_articles(client):
    page = client.get("/api/articles", params={"limit": 2}).json()
    assert [a["article_id"] for a in page["items"]] == ["a1", "a4"] and page["total"] == 5
    one = client.get("/api/articles/a1").json()
    assert one["text"].startswith("Sentence 0") and len(one["events"]) == one["event_count"] == 3


def test_write_needs_the_token(client, posted):
    body = {"articles": [{"text": "Russian forces shelled Bakhmut on Monday.", "published": "2022-06-27"}]}
    assert "Bearer" in problem(client.post("/api/articles", json=body), 401)
    assert "Bearer" in problem(client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cre"}),
                               401)
    assert posted == []
    r = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret-token-0123456789"})
    assert r.status_code == 201 and r.json()["articles"] == 1
    (raws, where), = posted
    assert raws[0].text.startswith("Russian forces") and str(raws[0].published) == "2022-06-27"
    lines = '{"text": "One."}\n{"text": "Two."}\n'
    r = client.post("/api/articles", content=lines, headers={"Authorization": "Bearer s3cret-token-0123456789",
                                                              "Content-Type": "application/x-ndjson"})
    assert r.status_code == 201 and [a.text for a in posted[-1][0]] == ["One.", "Two."]


def test_read_only_server_refuses_writes(db, pipeline):
    catalog = Catalog(db, gazetteer=pipeline.resources.gazetteer)
    with TestClient(create_app(db, catalog=catalog)) as c:
        assert "read-only" in problem(c.post("/api/articles", json={"articles": [{"text": "x"}]}), 403)


def test_docs_load_without_internet(client):
    page = client.get("/docs").text
    assert "/docs-static/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    assert client.get("/docs-static/swagger-ui.css").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stats/facets", "/api/control"} <= set(schema["paths"])
