"""The export-format registry (frontline.export.formats): every surface offers exactly its rows, and one more row
is all a new format needs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest
from stores import fill

from frontline.cli import cli
from frontline.errors import FrontlineError
from frontline.export import formats
from frontline.serve.app import create_app
from frontline.serve.routes.meta import vocabulary_json


def _choices(command: str) -> tuple[str, ...]:
    option = next(p for p in cli.commands[command].params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    return tuple(option.type.choices)


def test_the_rows_keep_every_format_name_and_content_type():
    assert {name: (row.media_type, row.extension) for name, row in formats.TABLE.items()} == {
        "json": ("application/json", ".json"), "jsonl": ("application/x-ndjson", ".jsonl"),
        "geojson": ("application/geo+json", ".geojson"), "csv": ("text/csv", ".csv"),
        "parquet": ("application/vnd.apache.parquet", ".parquet")}
    assert formats.FORMATS == formats.result_formats() == ("json", "jsonl", "geojson", "csv")
    assert formats.record_formats() == ("json", "jsonl", "geojson", "csv", "parquet")
    assert formats.page_formats() == ("json", "geojson", "csv")


def test_the_cli_offers_the_registry():
    assert _choices("extract") == _choices("export") == formats.result_formats()
    assert _choices("events") == formats.record_formats()


def test_the_rest_api_and_the_page_offer_the_registry(tmp_path):
    db = str(tmp_path / "f.db")
    fill(db)
    schema = create_app(db).openapi()
    get = schema["paths"]["/api/events"]["get"]
    param = next(p for p in get["parameters"] if p["name"] == "format")
    assert param["schema"]["anyOf"][0]["enum"] == list(formats.page_formats())
    bodies = set(get["responses"]["200"]["content"])
    assert bodies == {formats.export_format(n).media_type for n in formats.page_formats()}
    offered = [f["name"] for f in vocabulary_json()["formats"] if f["download"]]
    assert offered == [n for n, row in formats.TABLE.items() if row.download] == ["geojson", "csv"]


def test_an_unknown_format_is_an_error_naming_the_known_ones():
    with pytest.raises(FrontlineError, match="choose one of json, jsonl, geojson, csv"):
        formats.write([], "xml", io.StringIO())
    with pytest.raises(FrontlineError, match=r"parquet is written to a file with --output"):
        formats.write_text([], "parquet", io.StringIO())
    with pytest.raises(FrontlineError, match="binary: give a file with --output"):
        formats.write_records([], "parquet", None, io.StringIO())
    with pytest.raises(FrontlineError, match="unknown export format 'xml'"):
        formats.export_format("xml")


# A tab-separated format, added as one row before any surface is imported.
_ONE_MORE_ROW = textwrap.dedent('''
    import io, json, sys
    from types import MappingProxyType
    from frontline.export import formats

    def results(rs, out, fused):
        for r in rs:
            out.write(r.article.article_id + "\\n")

    def records(rs, out, total):
        rs = list(rs)
        out.write("".join(r.event.event_id + "\\n" for r in rs))
        return len(rs)

    def page(p, fields):
        return "event_id\\n" + "".join(r.event.event_id + "\\n" for r in p.items)

    row = formats.Format("tsv", "TSV", "text/tab-separated-values", ".tsv", results=results, records=records,
                         page=page, download="header")
    formats.TABLE = MappingProxyType({**formats.TABLE, "tsv": row})

    from click.testing import CliRunner
    from fastapi.testclient import TestClient
    from frontline.cli import cli
    from frontline.serve.app import create_app

    db = sys.argv[1]
    done = CliRunner().invoke(cli, ["events", "--db", db, "--format", "tsv", "--limit", "2"])
    assert done.exit_code == 0, done.output
    assert len(done.stdout.splitlines()) == 2, done.stdout
    assert "tsv" in {c for p in cli.commands["extract"].params if p.name == "fmt" for c in p.type.choices}
    with TestClient(create_app(db)) as client:
        answer = client.get("/api/events?format=tsv&limit=3")
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"].startswith("text/tab-separated-values"), answer.headers
        assert answer.text.startswith("event_id\\n") and len(answer.text.splitlines()) == 4
        by_accept = client.get("/api/events?limit=1", headers={"Accept": "text/tab-separated-values"})
        assert by_accept.text.startswith("event_id\\n")
        offered = client.get("/api/vocabulary").json()["formats"]
        assert {"name": "tsv", "label": "TSV", "media_type": "text/tab-separated-values", "extension": ".tsv",
                "download": "header"} in offered
    print("ok")
''')


def test_one_more_row_is_a_format_every_surface_offers(tmp_path):
    db = str(tmp_path / "one-more.db")
    fill(db)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(Path(formats.__file__).parents[2]),
                                                                  os.environ.get("PYTHONPATH")) if p)}
    done = subprocess.run([sys.executable, "-c", _ONE_MORE_ROW, db], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("ok")


def test_write_stream_adds_the_fused_events_only_where_the_format_carries_them():
    import json as json_module

    from frontline.export.formats import write_stream
    from frontline.models import Article, ArticleResult
    results = [ArticleResult(Article("a1", "ok", None)), ArticleResult(Article("a2", "skipped", None))]
    out = io.StringIO()
    assert write_stream(iter(results), "json", out) == {"ok": 1, "failed": 0, "skipped": 1}
    assert json_module.loads(out.getvalue())["fused_events"] == []
    out = io.StringIO()
    assert write_stream(iter(results), "jsonl", out)["ok"] == 1
    assert "fused_events" not in out.getvalue()
