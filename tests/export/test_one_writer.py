"""Issue 26 items 5 and 6: one set of writers for every surface, read back as their users read them."""

from __future__ import annotations

import dataclasses
import io
import json

import pandas as pd
import pytest
from click.testing import CliRunner
from stores import BAKHMUT, corpus, event, fill, result

from frontline import api
from frontline.cli import cli
from frontline.export import formats
from frontline.export.records import records_of
from frontline.models import Location

FR = Location("Paris", 48.85341, 2.3488, "Île-de-France", "FR", "settlement", 2988507)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    name = str(tmp_path_factory.mktemp("onewriter") / "w.db")
    fill(name)
    return name


def _cli(*args):
    run = CliRunner().invoke(cli, list(args))
    assert run.exit_code == 0, run.output
    return run.stdout


def test_export_and_events_list_the_same_events(db):
    exported = pd.read_csv(io.StringIO(_cli("export", "--db", db, "--format", "csv")))
    listed = pd.read_csv(io.StringIO(_cli("events", "--db", db, "--format", "csv")))
    assert sorted(exported.event_id_cnty) == sorted(listed.event_id_cnty)
    assert not any(eid.startswith("c5") for eid in exported.event_id_cnty) and len(exported) == 12
    with_copies = pd.read_csv(io.StringIO(_cli("export", "--db", db, "--format", "csv", "--include-copies")))
    assert len(with_copies) == 14
    # every ACLED-style row has a timestamp (the store's write time, Unix seconds) and country and iso agree
    assert exported.timestamp.notna().all() and (exported.timestamp > 1_600_000_000).all()
    located = exported[exported.country.notna()]
    assert (located.iso == 804).all() and (located.country == "Ukraine").all()
    assert exported[exported.country.isna()].iso.isna().all()


def test_geojson_of_export_and_events_agree_and_coarse_events_are_no_points(db):
    exported = json.loads(_cli("export", "--db", db, "--format", "geojson"))["features"]
    listed = json.loads(_cli("events", "--db", db, "--format", "geojson"))["features"]
    assert sorted(f["id"] for f in exported) == sorted(f["id"] for f in listed)
    for f in exported:
        assert {"precision", "outlet", "published", "title", "geonames_id"} <= set(f["properties"])
        assert (f["geometry"] is None) == (f["properties"]["precision"] in ("admin1", "region", "country"))
    assert any(f["geometry"] is None for f in exported)



def test_gdal_reads_the_geojson_as_qgis_does(db, tmp_path):
    raw = pytest.importorskip("pyogrio.raw")     # GDAL's reader (QGIS's); not a dependency of frontline
    path = tmp_path / "events.geojson"
    path.write_text(_cli("events", "--db", db, "--format", "geojson"), encoding="utf-8")
    meta, _, geometries, fields = raw.read(str(path))
    precision = fields[list(meta["fields"]).index("precision")]
    assert len(geometries) == 10 and [p for p, g in zip(precision, geometries, strict=True) if g is None] == ["admin1"]


@pytest.mark.parametrize("hostile", ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "=cmd|' /C calc'!A0", "+1", "-2",
                                     "\tx", "\rx"])
def test_every_csv_escapes_formulas(hostile, tmp_path):
    r = result("h1", None, hostile, [event("h1", 0, "shelling", BAKHMUT, None, sentence=hostile)])
    out = io.StringIO()
    formats.write([r], "csv", out)                      # extract --format csv
    row = pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False).iloc[0]
    assert row["source"].startswith("'") and row["notes"].startswith("'")
    db = str(tmp_path / "h.db")
    from frontline.store.backend import open_store
    with open_store(db) as store:
        store.write(r)
    text = _cli("events", "--db", db, "--format", "csv")    # a query's records
    row = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False).iloc[0]
    assert row["source"].startswith("'") and row["notes"].startswith("'")


def test_a_place_beyond_the_war_has_its_iso_code():
    r = result("p1", None, "AFP", [event("p1", 0, "negotiation", FR, None, initiator=None, target=None)])
    out = io.StringIO()
    formats.write([r], "csv", out)
    row = pd.read_csv(io.StringIO(out.getvalue())).iloc[0]
    assert (row["iso"], row["country"]) == (250, "France")


def test_records_of_leaves_copies_out_unless_asked():
    results = corpus()
    assert not any(r.event.article_id == "c5" for r in records_of(results))
    assert sum(r.event.article_id == "c5" for r in records_of(results, include_copies=True)) == 2


def test_api_export_refuses_a_missing_store(tmp_path):
    from frontline.errors import StoreError
    with pytest.raises(StoreError):
        api.export(tmp_path / "none.db", "csv", io.StringIO())
    assert not (tmp_path / "none.db").exists()


def test_extract_json_still_validates():
    from frontline.export.results import to_dict, validate
    results = [dataclasses.replace(r) for r in corpus()]
    validate(to_dict(results))


def test_admin2_is_the_raion_the_gazetteer_knows(db):
    from frontline.export.acled import raion
    assert raion(713174) == "Bakhmut Raion" and raion(None) == raion(709716) == ""
    rows = pd.read_csv(io.StringIO(_cli("events", "--db", db, "--format", "csv")))
    by_place = dict(zip(rows.location, rows.admin2, strict=True))
    assert by_place["Kharkiv"] == "Kharkiv Raion"       # GeoNames 706483 (the fixture's other ids are made up)
    assert pd.isna(rows[rows.geo_precision == 3].admin2).all()      # an oblast has no raion
