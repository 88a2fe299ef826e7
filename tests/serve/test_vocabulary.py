"""GET /api/vocabulary (frontline.serve.routes.meta): the event-type table and the export formats for the page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from stores import fill

from frontline.export import formats
from frontline.serve.app import create_app
from frontline.vocab.event_types import EVENT_TYPES, FALLBACK, TABLE


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("vocabulary") / "v.db")
    fill(db)
    with TestClient(create_app(db)) as c:
        yield c


def test_the_event_types_are_the_table_in_its_order(client):
    answer = client.get("/api/vocabulary")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert [t["name"] for t in body["event_types"]] == list(EVENT_TYPES)
    for t in body["event_types"]:
        row = TABLE[t["name"]]
        assert (t["colour"], t["family"], t["summary"], tuple(t["acled"])) == (row.colour, row.family, row.summary,
                                                                              row.acled)
        assert t["label"] == row.name.replace("_", " ")
    assert body["fallback"] == FALLBACK


def test_the_formats_are_the_registry(client):
    body = client.get("/api/vocabulary").json()
    assert [f["name"] for f in body["formats"]] == list(formats.TABLE)
    for f in body["formats"]:
        row = formats.TABLE[f["name"]]
        assert (f["label"], f["media_type"], f["extension"], f["download"]) == (row.label, row.media_type,
                                                                                 row.extension, row.download)


def test_the_route_is_documented(client):
    schema = client.get("/openapi.json").json()
    assert schema["paths"]["/api/vocabulary"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == \
        {"$ref": "#/components/schemas/VocabularyModel"}
    assert set(schema["components"]["schemas"]["VocabularyModel"]["properties"]) == {"event_types", "fallback",
                                                                                     "formats"}
