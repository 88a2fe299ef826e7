"""Issue 28, background: the rows of events (csv, geojson) of ``extract`` and ``export`` leave retold history
out by default and an option brings it back; the article documents (json, jsonl: the contract) keep it, marked."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner
from stores import background_corpus, fill_background

from frontline import api
from frontline.cli import cli


def _written(fmt: str, **options) -> str:
    out = io.StringIO()
    api.write(background_corpus(), fmt, out, **options)
    return out.getvalue()


def _features(text: str) -> int:
    return len(json.loads(text)["features"])


def test_csv_and_geojson_of_results_leave_background_out_unless_asked():
    assert len(list(csv.DictReader(io.StringIO(_written("csv"))))) == 1
    assert len(list(csv.DictReader(io.StringIO(_written("csv", background="include"))))) == 2
    assert "Kyiv" in _written("csv", background="only") and "Kyiv" not in _written("csv")
    assert _features(_written("geojson")) == 1 and _features(_written("geojson", background="include")) == 2


def test_json_keeps_every_event_with_its_mark():
    events = json.loads(_written("json"))["events"]
    assert len(events) == 2 and [e.get("background", False) for e in events] == [False, True]
    assert sum(len(json.loads(line)["events"]) for line in _written("jsonl").splitlines()) == 2


def test_the_cli_export_follows_the_default_and_the_option(tmp_path):
    db = str(tmp_path / "b.db")
    fill_background(db)
    runner = CliRunner()
    default = runner.invoke(cli, ["export", "--db", db, "--format", "csv"])
    assert default.exit_code == 0, default.output
    assert len(list(csv.DictReader(io.StringIO(default.stdout)))) == 1
    both = runner.invoke(cli, ["export", "--db", db, "--format", "geojson", "--background", "include"])
    assert _features(both.stdout) == 2
    stored = json.loads(runner.invoke(cli, ["export", "--db", db, "--format", "json"]).stdout)
    assert [e.get("background", False) for e in stored["events"]] == [False, True]
    listed = runner.invoke(cli, ["events", "--db", db, "--background", "only"])
    assert [json.loads(line)["event_type"] for line in listed.stdout.splitlines()] == ["territory_withdrawn"]
    refused = runner.invoke(cli, ["events", "--db", db, "--background", "yes"])
    assert refused.exit_code != 0 and "exclude" in refused.output
