"""The CLI on hostile input: unencodable names and text, impossible dates, and the repair command."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from frontline.cli import cli

GOOD = ("Russian forces shelled the centre of Kharkiv on Tuesday night, damaging two apartment blocks, the "
        "regional governor said on Wednesday. Three civilians were wounded and taken to hospital.")


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD, encoding="utf-8")
    (folder / "lines.jsonl").write_text(json.dumps({"text": GOOD.replace("Kharkiv", "Sumy") + " \ud800",
                                                    "source": "=cmd|' /C calc'!A0"}) + "\n", encoding="ascii")
    return folder


@pytest.mark.parametrize("env", [{"LC_ALL": "C", "LANG": "C"}, {"PYTHONIOENCODING": "latin-1"}],
                         ids=["c-locale", "strict-latin-1"])
def test_extract_writes_valid_utf8_whatever_the_locale(hostile_folder, env):
    run_env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "PYTHONIOENCODING", "PYTHONUTF8")}
    done = subprocess.run([sys.executable, "-m", "frontline.cli", "extract", "--format", "csv",
                           "--published", "2023-01-11", str(hostile_folder)],
                          capture_output=True, env=run_env | env, timeout=300)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    text = done.stdout.decode("utf-8")          # strict: raises on invalid UTF-8
    assert "Traceback" not in done.stderr.decode("utf-8", "replace")
    assert "Kharkiv" in text and "Sumy" in text and "'=cmd" in text


def test_ingest_of_unencodable_text_stores_every_article(hostile_folder, tmp_path):
    db = tmp_path / "f.db"
    res = CliRunner().invoke(cli, ["ingest", "--db", str(db), "--published", "2023-01-11", str(hostile_folder)])
    assert res.exit_code == 0, res.output
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM articles WHERE status = 'ok'").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM fused_events").fetchone()[0] > 0
    finally:
        con.close()


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_impossible_published_option_is_a_usage_error(tmp_path, date):
    res = CliRunner().invoke(cli, ["extract", "--published", date, str(tmp_path)])
    assert res.exit_code == 2
    assert "not a plausible publication date" in res.output


def test_repair_command_rebuilds_and_reports(tmp_path):
    db = tmp_path / "f.db"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", "--db", str(db), "--published", "2023-01-11",
                               str(tmp_path / "a.txt")]).exit_code == 0
    con = sqlite3.connect(db)
    fused = sorted(con.execute("SELECT * FROM fused_events"))
    con.execute("DELETE FROM fused_events")
    con.execute("DELETE FROM timelines")
    con.commit()
    con.close()
    res = runner.invoke(cli, ["repair", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"{len(fused)} fused events" in res.stderr
    con = sqlite3.connect(db)
    try:
        assert sorted(con.execute("SELECT * FROM fused_events")) == fused
    finally:
        con.close()
