"""No password of a postgresql:// URL is ever shown: not in a REST body, the server log, the ingest report line,
the summary header nor a CLI error; a REST error body names no path, URL or driver message (issue 25, item 1)."""

from __future__ import annotations

import logging
import sys

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from stores import drop_postgres, empty_postgres, fill

from frontline.cli import RedactingFormatter, cli
from frontline.errors import StoreError
from frontline.serve.app import create_app
from frontline.store.query import Catalog
from frontline.textguard import redact

SECRET = "sekrit-pw-1234"


@pytest.mark.parametrize("text, shown", [
    ("cannot read in postgresql://u:pw@h:5432/db: DataError", "cannot read in postgresql://u:***@h:5432/db: DataError"),
    ("postgres://u:p@ss:w@rd@h/db", "postgres://u:***@h/db"),
    ("postgresql+psycopg://u:pw@h/db", "postgresql+psycopg://u:***@h/db"),
    ("'postgresql://u:pw@h/db'", "'postgresql://u:***@h/db'"),
    ("postgresql://u@h/db", "postgresql://u@h/db"),
    ("frontline.db", "frontline.db"),
    ("see https://example.org/a@b", "see https://example.org/a@b"),
])
def test_redact_hides_every_password(text, shown):
    assert redact(text) == shown


@pytest.fixture
def pg_with_password():
    """A new PostgreSQL database whose URL carries a password (the test server trusts local users, so any
    password works), filled with the small test store."""
    url = empty_postgres()
    scheme, _, rest = url.partition("://")
    creds, _, host = rest.rpartition("@")
    secret_url = f"{scheme}://{creds.partition(':')[0]}:{SECRET}@{host}"
    fill(secret_url)
    yield secret_url
    drop_postgres(url)


def test_a_store_error_body_names_no_url_path_or_driver_message(tmp_path, pipeline, caplog):
    db = str(tmp_path / "r.db")
    fill(db)
    catalog = Catalog(db, gazetteer=pipeline.resources.gazetteer)

    def broken(*args, **kwargs):
        raise StoreError(f"cannot read an event in postgresql://u:{SECRET}@h/db or {db}: DataError: boom")

    catalog.event = broken  # type: ignore[method-assign]
    with TestClient(create_app(db, catalog=catalog)) as client, caplog.at_level(logging.ERROR):
        r = client.get("/api/events/x")
    assert r.status_code == 503 and r.headers["content-type"] == "application/problem+json"
    for leak in (SECRET, "postgresql://", db, "DataError", "boom"):
        assert leak not in r.text
    assert SECRET not in caplog.text and "boom" in caplog.text


def test_a_nul_byte_in_an_id_on_postgresql_is_not_found_and_shows_no_password(pg_with_password):
    url = pg_with_password
    with TestClient(create_app(url)) as client:
        for path in ("/api/events/%00", "/api/articles/%00"):
            r = client.get(path)
            assert SECRET not in r.text and r.status_code in (400, 404), (path, r.text)
        r = client.get("/api/events", params={"cursor": "\x00"})
        assert SECRET not in r.text and r.status_code < 500, r.text


def test_cli_errors_and_server_log_show_no_password():
    result = CliRunner().invoke(cli, ["summary", "--db", f"postgresql://u:{SECRET}@127.0.0.1:1/nodb"])
    assert result.exit_code != 0
    assert SECRET not in result.output and "postgresql://u:***@127.0.0.1:1/nodb" in result.output
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "in %s", (f"postgresql://u:{SECRET}@h/db",), None)
    try:
        raise StoreError(f"postgresql://u:{SECRET}@h/db")
    except StoreError:
        record.exc_info = sys.exc_info()
    line = RedactingFormatter("%(message)s").format(record)     # the formatter the CLI's log handler uses
    assert SECRET not in line and "postgresql://u:***@h/db" in line


def test_the_ingest_report_line_and_summary_header_show_no_password(tmp_path, pg_with_password):
    url = pg_with_password
    (tmp_path / "a.txt").write_text("Russian forces shelled Kharkiv on Tuesday, the governor said.", encoding="utf-8")
    runner = CliRunner()
    ingested = runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", url, "--published", "2022-06-25"])
    assert ingested.exit_code == 0, ingested.output
    assert "articles read" in ingested.output and SECRET not in ingested.output
    summary = runner.invoke(cli, ["summary", "--db", url])
    assert summary.exit_code == 0, summary.output
    assert SECRET not in summary.output and ":***@" in summary.output
