"""The page's package side: what ships in static/, and web.mount (headers, no path traversal, offline)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from frontline import web

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

STATIC = web.static_dir()


@pytest.fixture(scope="module")
def client():
    app = fastapi.FastAPI()

    @app.get("/api/ping")
    def ping():
        return {"ok": True}

    web.mount(app)
    return TestClient(app)


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.inline_scripts = 0
        self.style_attrs = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "style" in a:
            self.style_attrs += 1
        if tag == "script":
            if a.get("src"):
                self.refs.append(a["src"])
            else:
                self._in_script = True
        if tag == "link" and a.get("href"):
            self.refs.append(a["href"])

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1


def test_index_is_served_with_strict_security_headers(client):
    r = client.get("/")
    assert r.status_code == 200
    assert "<title>frontline" in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_api_routes_registered_before_the_mount_still_answer(client):
    assert client.get("/api/ping").json() == {"ok": True}


@pytest.mark.parametrize("path", [
    "/../pyproject.toml", "/..%2f__init__.py", "/%2e%2e/__init__.py", "/vendor/../../__init__.py",
    "/static/../__init__.py", "/..%5c__init__.py",
])
def test_no_path_leaves_the_static_folder(client, path):
    r = client.get(path)
    assert r.status_code == 404 or "mount(" not in r.text
    assert '"""The analysts' not in r.text


def test_every_file_the_page_references_ships_and_none_is_remote():
    parser = _Refs()
    parser.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    assert parser.refs, "index.html names its scripts and style sheets"
    for ref in parser.refs:
        assert not re.match(r"^(https?:)?//", ref), f"{ref}: the page must work offline"
        assert (STATIC / ref).is_file(), f"{ref} is referenced by index.html but not shipped"
    # the CSP allows no inline script and no style attribute: the page must need neither
    assert parser.inline_scripts == 0 and parser.style_attrs == 0


def test_scripts_import_only_shipped_modules_and_fetch_only_this_server():
    for js in (STATIC / "js").glob("*.js"):
        text = js.read_text(encoding="utf-8")
        for target in re.findall(r"""from\s+["']([^"']+)["']""", text):
            assert (js.parent / target).resolve().is_file(), f"{js.name} imports {target}, which is not shipped"
        assert not re.search(r"""fetch\(\s*["'`]https?:""", text), f"{js.name} fetches from another host"
        assert "innerHTML" not in text, f"{js.name}: build nodes, never parse text from the API as HTML"


def test_base_layers_are_small_valid_geojson_with_their_attribution():
    geo = STATIC / "geo"
    files = sorted(geo.glob("*.geojson"))
    assert {f.name for f in files} == {"countries.geojson", "ukraine_oblasts.geojson", "russia_border_regions.geojson",
                                       "places.geojson"}
    assert sum(f.stat().st_size for f in files) < 1_000_000
    oblasts = json.loads((geo / "ukraine_oblasts.geojson").read_text(encoding="utf-8"))
    isos = {f["properties"]["iso"] for f in oblasts["features"]}
    assert len(isos) == 27 and {"UA-43", "UA-30", "UA-40"} <= isos   # Crimea, Kyiv City, Sevastopol
    for f in oblasts["features"]:
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert "Natural Earth" in (geo / "ATTRIBUTION.md").read_text(encoding="utf-8")


def test_every_oblast_outline_carries_the_gazetteer_name_events_give_as_admin1():
    # the page shades the outline whose `admin1` is an area-only event's location.admin1 (js/areas.js)
    from frontline.geo.gazetteer import Gazetteer
    gazetteer = Gazetteer.load()
    geo = STATIC / "geo"
    for name in ("ukraine_oblasts.geojson", "russia_border_regions.geojson"):
        for f in json.loads((geo / name).read_text(encoding="utf-8"))["features"]:
            unit = gazetteer.admin1(f["properties"]["admin1"])
            assert unit is not None and unit.name == f["properties"]["admin1"], f["properties"]


def test_place_labels_are_oblasts_and_towns_with_their_attribution():
    geo = STATIC / "geo"
    labels = json.loads((geo / "places.geojson").read_text(encoding="utf-8"))["features"]
    kinds = {(f["properties"]["kind"], f["properties"]["rank"]) for f in labels}
    assert ("oblast", 0) in kinds and {("town", 1), ("town", 2), ("town", 3)} <= kinds
    oblasts = {f["properties"]["name"] for f in labels if f["properties"]["kind"] == "oblast"}
    assert len(oblasts) == 25 and "Kyiv City" not in oblasts   # the two cities with oblast status: town labels
    towns = {f["properties"]["name"]: f["properties"]["rank"] for f in labels if f["properties"]["kind"] == "town"}
    assert towns["Kyiv"] == 1 and towns["Kharkiv"] == 1
    attribution = (geo / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "GeoNames" in attribution and "CC BY 4.0" in attribution
    assert "GeoNames" in (STATIC / "licences.html").read_text(encoding="utf-8")


def test_vendored_libraries_ship_with_their_licences():
    vendor = STATIC / "vendor"
    for lib, licence in [("leaflet", "LICENSE"), ("leaflet.markercluster", "MIT-LICENCE.txt")]:
        assert (vendor / lib / licence).is_file()
        assert (vendor / lib / f"{lib}.js").stat().st_size > 10_000


def test_static_folder_is_package_data():
    pyproject = (Path(__file__).resolve().parent.parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"web/static/**/*"' in pyproject
