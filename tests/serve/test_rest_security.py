"""The REST server against a hostile client: the token, parameter limits, injection in every filter, path
traversal, the body cap, security headers and CORS (in process, FastAPI's TestClient)."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from stores import fill

from frontline.serve.app import PROBLEM, create_app
from frontline.serve.guard import MAX_BODY_BYTES, MAX_QUERY_BYTES
from frontline.store.query import MAX_LIMIT, Catalog

TOKEN = "s3cret-token-0123456789"
STRING_FILTERS = ("type", "oblast", "settlement", "bbox", "side", "actor", "claimant", "modality", "precision",
                  "outlet", "q", "cursor", "fields", "updated_since", "since", "until", "min_confidence",
                  "contested", "include_copies", "sort", "format", "limit")
INJECTIONS = ("' OR '1'='1", "x' OR 1=1 --", "'; DROP TABLE events; --", "\" OR \"\"=\"", "%", "_", "%%", "\\",
              "1) UNION SELECT sql FROM sqlite_master --", "$ne", "{\"$gt\": \"\"}", "\x00", "../../etc/passwd",
              "<script>alert(1)</script>", "Donetsk' --", "9" * 400)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    name = str(tmp_path_factory.mktemp("rest-security") / "r.db")
    fill(name)
    return name


@pytest.fixture(scope="module")
def posted():
    return []


def _fake_ingest(posted):
    def ingest(raws, where):
        posted.append(raws)
        return type("Report", (), dict.fromkeys(("articles", "ok", "failed", "skipped", "changed", "unchanged",
                                                 "events", "copies", "fused_events", "timelines", "repeats"), 1))()
    return ingest


@pytest.fixture(scope="module")
def client(db, pipeline, posted):
    catalog = Catalog(db, gazetteer=pipeline.resources.gazetteer)
    with TestClient(create_app(db, token=TOKEN, catalog=catalog, ingest=_fake_ingest(posted))) as c:
        yield c


@pytest.fixture(scope="module")
def readonly(db, pipeline, posted):
    catalog = Catalog(db, gazetteer=pipeline.resources.gazetteer)
    with TestClient(create_app(db, catalog=catalog, ingest=_fake_ingest(posted))) as c:
        yield c


def problem(r, status: int) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    return r.json()["detail"]


ARTICLE = {"articles": [{"text": "Russian forces shelled Kharkiv on Monday, the governor said."}]}


# --- writes need the token ---------------------------------------------------------------------------------

def test_a_server_without_token_is_read_only(readonly, posted):
    before = len(posted)
    assert "read-only" in problem(readonly.post("/api/articles", json=ARTICLE), 403)
    assert "read-only" in problem(readonly.post("/api/articles", json=ARTICLE,
                                                headers={"Authorization": f"Bearer {TOKEN}"}), 403)
    assert len(posted) == before


@pytest.mark.parametrize("auth", [None, "Bearer", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x",
                                  f"Bearer {TOKEN[:-1]}", f"bearer  {TOKEN} extra"])
def test_writes_need_the_exact_token(client, posted, auth):
    before = len(posted)
    headers = {"Authorization": auth} if auth else {}
    r = client.post("/api/articles", json=ARTICLE, headers=headers)
    problem(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"
    assert len(posted) == before


def test_the_right_token_writes(client, posted):
    before = len(posted)
    r = client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and len(posted) == before + 1


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_no_other_write_methods(client, method):
    r = client.request(method, "/api/events", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 405


# --- parameters are validated with limits --------------------------------------------------------------------

@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": MAX_LIMIT + 1}, {"limit": -5}, {"limit": "ten"}, {"min_confidence": 1.5},
    {"min_confidence": -0.1}, {"since": "2022-13-01"}, {"until": "yesterday"}, {"contested": "perhaps"},
    {"sort": "name"}, {"format": "xml"}, {"updated_since": "not a time"},
])
def test_out_of_range_parameters_are_refused_with_a_problem(client, params):
    assert problem(client.get("/api/events", params=params), 422)


@pytest.mark.parametrize("params", [{"bbox": "1,2,3"}, {"bbox": "200,0,201,1"}, {"bbox": "a,b,c,d"},
                                    {"cursor": "not-a-cursor"}, {"fields": "event_id,password"},
                                    {"type": "not_a_type"}, {"modality": "rumoured"}, {"precision": "street"},
                                    {"q": "x" * 201}, {"actor": "x" * 201}])
def test_malformed_filters_are_refused_not_ignored(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code in (400, 422), r.text
    assert r.headers["content-type"] == PROBLEM and r.json()["detail"]


def test_grid_cell_and_page_limits(client):
    problem(client.get("/api/stats/grid", params={"cell": 0}), 422)
    problem(client.get("/api/stats/grid", params={"cell": 1000}), 422)
    problem(client.get("/api/articles", params={"limit": MAX_LIMIT + 1}), 422)


def test_an_overlong_query_string_is_refused(client):
    r = client.get("/api/events", params={"q": "x" * (MAX_QUERY_BYTES + 1)})
    assert "query string is longer" in problem(r, 414)


# --- injection in every filter ------------------------------------------------------------------------------

def _total(client, params) -> int:
    return client.get("/api/events", params=params).json()["total"]


@pytest.mark.parametrize("name", STRING_FILTERS)
def test_injection_in_every_filter_is_data_never_code(client, db, name):
    everything = _total(client, {})
    tables = _tables(db)
    for payload in INJECTIONS:
        r = client.get("/api/events", params={name: payload})
        assert r.status_code in (200, 400, 422), (name, payload, r.status_code, r.text)
        if r.status_code == 200:
            body = r.json()
            # a payload is a value to match: it can narrow the answer, never widen it past everything ...
            assert body["total"] <= everything, (name, payload)
            # ... and the free-text filter matches it literally: '%' and '_' are characters, not wildcards
            if name == "q":
                assert all(payload.casefold() in item["evidence"]["sentence"].casefold() for item in body["items"]), \
                    (payload, body["items"][:1])
        else:
            assert r.headers["content-type"] == PROBLEM
    assert _tables(db) == tables and _total(client, {}) == everything


def test_injection_in_path_ids(client):
    for payload in ("' OR 1=1 --", "1 UNION SELECT 1", "..%2f..%2fetc%2fpasswd", "%00"):
        for path in (f"/api/events/{payload}", f"/api/articles/{payload}", f"/api/places/{payload}/timeline"):
            r = client.get(path)
            assert r.status_code in (400, 404, 422), (path, r.status_code)
            assert "root:" not in r.text


def _tables(db) -> list:
    con = sqlite3.connect(db)
    try:
        return sorted(con.execute("SELECT name, (SELECT 1) FROM sqlite_master WHERE type = 'table'"))
    finally:
        con.close()


# --- static files ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/docs-static/../../../../etc/passwd", "/docs-static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/docs-static/..%2f..%2f..%2f..%2fetc%2fpasswd", "/docs-static/%252e%252e/etc/passwd",
    "/docs-static/....//....//etc/passwd", "/docs-static//etc/passwd", "/docs-static/../../rest.py",
    "/docs-static/..%5c..%5crest.py", "/docs-static/swagger-ui.css%00.py",
])
def test_no_path_traversal_out_of_the_static_folder(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404, 405), (path, r.status_code)
    assert "root:" not in r.text and "def create_app" not in r.text


def test_static_files_are_served(client):
    assert client.get("/docs-static/swagger-ui.css").status_code == 200


# --- the body cap ------------------------------------------------------------------------------------------------

def test_a_declared_body_over_the_cap_is_refused_before_reading(client, posted):
    before = len(posted)
    r = client.post("/api/articles", content=b"x" * (MAX_BODY_BYTES + 1),
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert "larger than" in problem(r, 413)
    assert len(posted) == before


def test_a_chunked_body_over_the_cap_is_refused(client, posted):
    def chunks():
        for _ in range(MAX_BODY_BYTES // 2**20 + 2):
            yield b"x" * 2**20

    before = len(posted)
    r = client.post("/api/articles", content=chunks(),
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    problem(r, 413)
    assert len(posted) == before


def test_a_body_under_the_cap_still_reaches_the_app(client, posted):
    r = client.post("/api/articles", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}",
                                                                   "Content-Type": "application/json"})
    assert "not valid" in problem(r, 400)


# --- security headers and CORS ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/docs", "/api/events", "/openapi.json", "/api/nowhere",
                                  "/docs-static/swagger-ui.css"])
def test_security_headers_on_every_answer(client, path):
    r = client.get(path)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_cors_is_off(client):
    r = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    preflight = client.options("/api/articles", headers={"Origin": "https://evil.example",
                                                         "Access-Control-Request-Method": "POST",
                                                         "Access-Control-Request-Headers": "authorization"})
    assert preflight.status_code in (400, 405)
    assert not any(h.startswith("access-control-") for h in preflight.headers)


# --- issue 25: the write path reads no local file, no guessable token, known host names only ------------------

@pytest.mark.parametrize("url", ["/etc/hostname", "/etc", "file:///etc/passwd", "../../etc/passwd", "C:\\Windows",
                                 "ftp://example.org/a.txt", "http://", "javascript:alert(1)"])
def test_the_write_path_takes_web_urls_only_never_local_files(client, posted, url):
    before = len(posted)
    r = client.post("/api/articles", json={"urls": [url]}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert "http:// or https://" in problem(r, 400)
    assert len(posted) == before


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1066-10-14"])
def test_an_implausible_published_date_is_a_problem(client, posted, published):
    before = len(posted)
    r = client.post("/api/articles", json={"articles": [{"text": "Shelling in Kharkiv.", "published": published}]},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert "not a plausible publication date" in problem(r, 400)
    assert len(posted) == before


@pytest.mark.parametrize("token", ["", " ", "short-token", "x" * 15])
def test_an_empty_or_short_token_is_refused_at_start(db, token):
    with pytest.raises(ValueError, match="at least 16 characters"):
        create_app(db, token=token)


def test_an_empty_bearer_never_authorises(client, posted):
    before = len(posted)
    for auth in ("Bearer ", "Bearer", "Bearer  "):
        r = client.post("/api/articles", json={"articles": [{"text": "Shelling in Kharkiv."}]},
                        headers={"Authorization": auth})
        problem(r, 401)
    assert len(posted) == before


def test_only_the_allowed_host_names_are_answered(db, pipeline):
    catalog = Catalog(db, gazetteer=pipeline.resources.gazetteer)
    app = create_app(db, catalog=catalog, allowed_hosts=("127.0.0.1", "localhost", "::1", "events.example.org"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/events").status_code == 200
        for host in ("localhost:8000", "[::1]:8000", "events.example.org", "EVENTS.example.org:443"):
            assert c.get("/api/events", headers={"host": host}).status_code == 200, host
        for host in ("attacker.example", "127.0.0.1.attacker.example", "", "localhost.:80"):
            r = c.get("/api/events", headers={"host": host})
            assert "--allowed-host" in problem(r, 400), host
