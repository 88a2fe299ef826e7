"""Issue 26 item 3: no parameter is silently ignored, no value silently matches nothing, no input answers 500."""

from __future__ import annotations

import base64

import pytest
from fastapi.testclient import TestClient
from stores import fill

from frontline.serve.app import PROBLEM, create_app
from frontline.store.query import Catalog


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline):
    db = str(tmp_path_factory.mktemp("params") / "p.db")
    fill(db)
    with TestClient(create_app(db, catalog=Catalog(db, gazetteer=pipeline.resources.gazetteer))) as c:
        yield c


def problem(r, status):
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    return r.json()["detail"]


@pytest.mark.parametrize("route", ["/api/events", "/api/places", "/api/fused", "/api/stats/histogram",
                                   "/api/stats/facets", "/api/articles", "/api/coverage"])
def test_a_typo_is_named_with_the_closest_parameter(client, route):
    detail = problem(client.get(route, params={"settlment": "Bakhmut", "outlt": "TASS"}), 400)
    assert "settlment is not a parameter" in detail and "outlt" in detail
    assert "did you mean outlet?" in detail


@pytest.mark.parametrize(("name", "pointer"), [("country", "bbox"), ("event_type", "type"), ("admin1", "oblast"),
                                               ("_format", "format"), ("location", "settlement")])
def test_acled_names_point_to_frontlines(client, name, pointer):
    detail = problem(client.get("/api/events", params={name: "x"}), 400)
    assert f"{name} is ACLED's name; frontline's is {pointer}" in detail


def test_page_two_is_refused_with_a_pointer_to_the_cursor(client):
    assert "next_cursor" in problem(client.get("/api/events", params={"page": 2}), 400)


def test_every_enumerated_value_is_checked(client):
    assert "not one of RU, UA" in problem(client.get("/api/events", params={"side": "Russia"}), 400)
    assert client.get("/api/events", params={"side": "ru"}).status_code == 200      # a side in any case
    assert "not one of" in problem(client.get("/api/events", params={"precision": "town"}), 400)
    assert "did you mean shelling?" in problem(client.get("/api/events", params={"type": "shellng"}), 400)


@pytest.mark.parametrize("params", [{"since": "0001-01-01"}, {"until": "0001-01-01"},
                                    {"since": "0001-01-01", "until": "0001-01-02"},
                                    {"updated_since": "0001-01-01T00:00:00+05:00"}])
def test_dates_near_year_one_do_not_fail(client, params):
    for route in ("/api/events", "/api/places", "/api/fused", "/api/stats/histogram", "/api/stats/facets"):
        r = client.get(route, params=params)
        assert r.status_code in (200, 400), (route, r.text)
        assert r.status_code == 200 or r.headers["content-type"] == PROBLEM


def _cursor(value):
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


@pytest.mark.parametrize("cursor", [_cursor('["date",1e999,"2022-01-01","x"]'), _cursor("[" * 1400 + "]" * 1400),
                                    _cursor('["date",0,"2022-01-01",' + "[" * 1400 + "]" * 1400 + "]")])
def test_hostile_cursors_are_a_400(client, cursor):
    for route in ("/api/events", "/api/places", "/api/fused", "/api/articles"):
        assert "cursor" in problem(client.get(route, params={"cursor": cursor}), 400)


def test_failed_articles_are_listed(client):
    r = client.get("/api/articles", params={"status": "failed"})
    assert r.status_code == 200
    assert all(a["status"] == "failed" for a in r.json()["items"])
    ok = client.get("/api/articles", params={"status": "ok"}).json()
    assert ok["total"] == client.get("/api/articles").json()["total"] - r.json()["total"]
    assert "status" in problem(client.get("/api/articles", params={"status": "broken"}), 422)


def test_the_export_formats_refuse_unknown_parameters_too(client):
    for fmt in ("csv", "geojson"):
        assert "settlment" in problem(client.get("/api/events", params={"format": fmt, "settlment": "x"}), 400)


def test_an_unknown_place_is_a_404_that_suggests_never_another_place(client):
    detail = problem(client.get("/api/places/Xyzzy/timeline"), 404)
    assert "no settlement called 'Xyzzy'" in detail and "Khyzhky (Sumy)" in detail
    assert "Donetsk (Donetsk)" in problem(client.get("/api/places/Donetsc/timeline"), 404)
    assert "Khyzhky" in problem(client.get("/api/events", params={"settlement": "Xyzzy"}), 400)
    # spellings of the name itself still resolve
    for spelling in ("Severodonetsk", "Sievierodonetsk"):
        assert client.get(f"/api/places/{spelling}/timeline").json()["place"]["name"] == "Sievierodonetsk"
