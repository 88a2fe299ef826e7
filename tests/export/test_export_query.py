"""Exports of a query's answer (frontline.export.records) and `frontline events`, on the known store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from stores import fill

from frontline.cli import cli
from frontline.export.acled import ACLED_COLUMNS
from frontline.export.formats import write_text
from frontline.export.records import write_parquet
from frontline.store import schema as tables
from frontline.store.query import ROW_COLUMNS, Catalog, EventFilter

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    name = str(tmp_path_factory.mktemp("exp") / "e.db")
    fill(name)
    return name


@pytest.fixture(scope="module")
def records(db, pipeline):
    with Catalog(db, gazetteer=pipeline.resources.gazetteer) as c:
        return list(c.iter_events(EventFilter()))


def _rfc7946(collection: dict) -> None:
    """The parts of RFC 7946 a writer can get wrong: types, [lon, lat] order and range, no crs, object props."""
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    for f in collection["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict) and isinstance(f["id"], str)
        assert f["properties"]["precision"] and "outlet" in f["properties"] and "geonames_id" in f["properties"]
        if f["properties"]["precision"] in ("admin1", "region", "country"):
            # an area's centre is no point where the event happened: no geometry poses as a settlement
            assert f["geometry"] is None
            continue
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert (f["properties"]["lon"], f["properties"]["lat"]) == (lon, lat)


def test_geojson_is_rfc_7946_with_located_events_only(records):
    out = io.StringIO()
    n = write_text(records, "geojson", out)
    collection = json.loads(out.getvalue())
    _rfc7946(collection)
    assert n == len(collection["features"]) == sum(1 for r in records if r.event.location)


def test_jsonl_json_and_csv(records):
    out = io.StringIO()
    assert write_text(records, "jsonl", out) == len(records)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["event_id"] for x in lines] == [r.event.event_id for r in records]
    out = io.StringIO()
    write_text(records, "json", out)
    assert json.loads(out.getvalue())["total"] == len(records)
    out = io.StringIO()
    write_text(records, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert [r["event_id_cnty"] for r in rows] == [r.event.event_id for r in records]


def test_parquet_round_trips_with_types(records, tmp_path):
    path = tmp_path / "e.parquet"
    assert write_parquet(records, str(path)) == len(records)
    table = pq.read_table(path)
    assert table.column_names == list(ROW_COLUMNS) and table.num_rows == len(records)
    assert str(table.schema.field("date").type) == "date32[day]" and str(table.schema.field("lat").type) == "double"
    frame = table.to_pandas()
    assert frame["event_id"].tolist() == [r.event.event_id for r in records]


def test_events_command_filters_and_formats(db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["events", "--db", db, "--type", "shelling", "--oblast", "Donetsk",
                                 "--since", "2022-06-01", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4 and {r["admin1"] for r in rows} == {"Donetsk"}
    out = tmp_path / "e.geojson"
    result = runner.invoke(cli, ["events", "--db", db, "--bbox", "36,49.8,36.5,50.1", "--format", "geojson",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [f["properties"]["location"] for f in json.loads(out.read_text())["features"]] == ["Kharkiv"]
    result = runner.invoke(cli, ["events", "--db", db, "--format", "parquet"])
    assert result.exit_code != 0 and "--output" in result.output
    result = runner.invoke(cli, ["events", "--db", db, "--oblast", "Narnia"])
    assert result.exit_code != 0 and "no oblast called 'Narnia'" in result.output
    result = runner.invoke(cli, ["events", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "does not exist" in result.output


def test_store_doc_names_every_table_and_column():
    text = (DOCS / "STORE.md").read_text()
    for table in tables.metadata.sorted_tables:
        assert f"`{table.name}`" in text, table.name
        for column in table.columns:
            assert f"`{column.name}`" in text, f"{table.name}.{column.name}"
