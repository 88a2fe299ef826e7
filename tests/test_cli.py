"""The CLI, run as a user runs it: help everywhere, extract on the sample corpus, bad inputs, ingest/export."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from frontline.api import sample_corpus
from frontline.cli import cli
from frontline.export.results import validate

SEED_003 = "003_6ac94ade45329e36.txt"


def _commands(group):
    for name, cmd in group.commands.items():
        yield name, cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd)


def test_every_command_and_option_has_help():
    runner = CliRunner()
    assert runner.invoke(cli, ["--help"]).exit_code == 0
    for name, cmd in _commands(cli):
        assert cmd.help, f"command {name} has no help"
        res = runner.invoke(cli, [name, "--help"])
        assert res.exit_code == 0, res.output
        for param in cmd.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"option {param.name} of {name} has no help"


@pytest.fixture(scope="module")
def corpus_json():
    res = CliRunner().invoke(cli, ["extract", "--format", "json", str(sample_corpus())])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_extract_sample_corpus_is_schema_valid(corpus_json):
    validate(corpus_json)
    assert len(corpus_json["articles"]) == 5
    assert all(a["status"] == "ok" and a["path"] for a in corpus_json["articles"])
    assert len(corpus_json["events"]) >= 20


def test_seed_003_withdrawal_at_sievierodonetsk_and_hirske():
    res = CliRunner().invoke(cli, ["extract", "--format", "json", "--published", "2022-06-25",
                                   str(sample_corpus() / SEED_003)])
    assert res.exit_code == 0, res.output
    payload = json.loads(res.stdout)
    validate(payload)
    events = payload["events"]
    withdrawals = [e for e in events if e["event_type"] == "territory_withdrawn" and e["location"]
                   and e["location"]["name"] == "Sievierodonetsk"]
    assert withdrawals, [(e["event_type"], e["location"]) for e in events]
    w = withdrawals[0]
    assert w["location"]["admin1"] == "Luhansk"
    assert abs(w["location"]["lat"] - 48.94) < 0.05 and abs(w["location"]["lon"] - 38.49) < 0.05
    assert w["date"]["start"] == "2022-06-24"
    assert "withdraw" in w["evidence"]["sentence"]
    hirske = [e for e in events if e["location"] and e["location"]["name"] == "Hirske"]
    assert hirske
    assert "Severodonetsk" in w["evidence"]["sentence"]
    assert any("entered the town of Hirske" in e["evidence"]["sentence"] for e in hirske)
    text = (sample_corpus() / SEED_003).read_text(encoding="utf-8")
    for e in events:     # seed 003 needs no repair, so every evidence sentence stands in the raw text as is
        ev = e["evidence"]
        assert text[ev["char_start"]:ev["char_end"]] == ev["sentence"]


def test_bad_inputs_keep_good_articles(tmp_path):
    (tmp_path / "good.txt").write_text("Russian forces shelled the city of Kharkiv on Tuesday, the governor said. "
                                       "Two civilians were killed.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "zero.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "a", "text": "Ukrainian troops recaptured the village of Solone in the Donetsk region.", '
        '"published": "2025-01-20"}\n{broken\n', encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", "--format", "json", "--published", "2025-01-23", str(tmp_path)])
    assert res.exit_code == 3
    payload = json.loads(res.stdout)
    validate(payload)
    by_status = {}
    for a in payload["articles"]:
        by_status.setdefault(a["status"], []).append(a)
        if a["status"] != "ok":
            assert a["error"]
    assert len(by_status["ok"]) == 2
    assert len(by_status.get("failed", [])) + len(by_status.get("skipped", [])) == 5
    assert any(e["location"] and e["location"]["name"] == "Kharkiv" for e in payload["events"])


def test_ingest_is_idempotent_and_export_matches(tmp_path):
    db = tmp_path / "f.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", "--db", str(db), str(sample_corpus())])
    assert first.exit_code == 0, first.output
    counts = _counts(db)
    second = runner.invoke(cli, ["ingest", "--db", str(db), str(sample_corpus())])
    assert second.exit_code == 0
    assert _counts(db) == counts
    assert "5 unchanged" in second.stderr
    exported = runner.invoke(cli, ["export", "--db", str(db), "--format", "json"])
    payload = json.loads(exported.stdout)
    validate(payload)
    assert len(payload["events"]) == counts["events"]
    for fmt in ("jsonl", "geojson", "csv"):
        out = runner.invoke(cli, ["export", "--db", str(db), "--format", fmt])
        assert out.exit_code == 0 and out.stdout.strip()


def _counts(db):
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "events", "mentions")}
    finally:
        con.close()


def test_html_page_boilerplate_is_dropped_and_metadata_kept(tmp_path):
    page = """<!doctype html><html><head><title>Russian troops enter Hirske</title>
    <meta property="article:published_time" content="2022-06-25T08:00:00Z">
    <meta property="og:site_name" content="Example News"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/kharkiv">Kharkiv live</a></nav>
    <article><h1>Russian troops enter Hirske</h1>
    <p>Russian troops entered the town of Hirske yesterday and fully occupied the district, the city leader said.</p>
    <p>Ukraine's Defense Ministry said the Russians were trying to encircle Lysychansk, a city in the Luhansk
    region, and to mount assaults on Severodonetsk.</p></article>
    <footer>Related: Floods hit Odesa. © 2019 Example News</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", "--format", "json", str(path)])
    assert res.exit_code == 0, res.output
    payload = json.loads(res.stdout)
    validate(payload)
    (article,) = payload["articles"]
    assert article["published"] == "2022-06-25" and article["title"] == "Russian troops enter Hirske"
    places = {e["location"]["name"] for e in payload["events"] if e["location"]}
    assert "Hirske" in places
    assert "Odesa" not in places and "Kharkiv" not in places
    hirske = [e for e in payload["events"] if e["location"] and e["location"]["name"] == "Hirske"][0]
    assert hirske["date"]["start"] == "2022-06-24"


def _quick_demo(monkeypatch):
    """The demo without the 40 s ingest: what is asserted here is how it ends."""
    from types import SimpleNamespace

    from frontline import api, report
    monkeypatch.setattr(api, "ingest", lambda paths, db, progress=None: SimpleNamespace(articles=5, events=77))
    monkeypatch.setattr(report, "print_summary", lambda db: None)


def test_demo_ends_with_the_page_address_and_serves_only_on_request_off_a_terminal(monkeypatch):
    import click
    _quick_demo(monkeypatch)
    served = []

    @click.command()
    @click.option("--db")
    @click.option("--host")
    @click.option("--port", type=int)
    def serve(db, host, port):
        served.append((db, host, port))

    monkeypatch.setitem(cli.commands, "serve", serve)
    res = CliRunner().invoke(cli, ["demo", "--db", "x.db", "--port", "8123"])
    assert res.exit_code == 0, res.output
    assert "http://127.0.0.1:8123/" in res.output.splitlines()[-1]
    assert served == []          # CliRunner's output is no terminal: CI runs the demo to completion
    res = CliRunner().invoke(cli, ["demo", "--db", "x.db", "--port", "8123", "--serve"])
    assert res.exit_code == 0, res.output
    assert served == [("x.db", "127.0.0.1", 8123)]
