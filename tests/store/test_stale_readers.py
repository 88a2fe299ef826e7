"""Readers of a store left stale by a crash say that its fused events and timelines are being rebuilt (issue 25):
the REST API in a header of every answer, ``frontline summary`` in a line."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from rich.console import Console
from stores import fill

from frontline.report import print_summary
from frontline.serve.app import STALE_HEADER, create_app
from frontline.store.backend import open_store


def test_readers_of_a_stale_store_say_the_derived_tables_are_being_rebuilt(tmp_path):
    db = str(tmp_path / "s.db")
    fill(db)
    with TestClient(create_app(db)) as client:
        assert STALE_HEADER not in client.get("/api/fused").headers
    out = io.StringIO()
    print_summary(db, Console(file=out, width=200))
    assert "being rebuilt" not in out.getvalue()

    with open_store(db) as store:
        store.mark_derived_stale()          # what an ingest killed between its writes and its refresh leaves
    with TestClient(create_app(db)) as client:
        for path in ("/api/fused", "/api/events", "/api/control?date=2022-06-25"):
            assert "being rebuilt" in client.get(path).headers[STALE_HEADER], path
    out = io.StringIO()
    print_summary(db, Console(file=out, width=200))
    assert "fused events and control timelines are being rebuilt" in out.getvalue()
