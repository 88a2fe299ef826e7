"""Store robustness: several processes creating one database at once, and the mark that says the derived
tables (fused events, timelines) may be behind the events after an interrupted ingest."""

from __future__ import annotations

import multiprocessing

from stores import empty_db  # noqa: F401 - a fixture

from frontline.store.backend import open_store
from frontline.store.sqlite import SqliteStore as Store


def _open(path: str, start, results) -> None:
    start.wait()
    try:
        with Store.open(path) as store:
            store.counts()
        results.put("ok")
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        results.put(f"{type(exc).__name__}: {exc}")


def test_processes_creating_one_store_at_once_all_succeed(tmp_path):
    ctx = multiprocessing.get_context("fork")
    outcomes = []
    for attempt in range(6):
        path = str(tmp_path / f"race{attempt}.db")
        start, results = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_open, args=(path, start, results)) for _ in range(4)]
        for p in procs:
            p.start()
        start.set()
        for p in procs:
            p.join(30)
        outcomes += [results.get(timeout=5) for _ in procs]
    assert outcomes == ["ok"] * len(outcomes)


def test_derived_mark_is_kept_until_cleared_and_survives_reopening(tmp_path):
    path = tmp_path / "f.db"
    with Store.open(path) as store:
        assert not store.derived_stale()
        store.mark_derived_stale()
        assert store.derived_stale()
    with Store.open(path) as store:
        assert store.derived_stale()
        store.clear_derived_stale()
    with Store.open(path) as store:
        assert not store.derived_stale()


def test_the_stale_mark_on_every_back_end(empty_db):  # noqa: F811 - the fixture
    with open_store(empty_db) as store:
        assert not store.derived_stale()
        store.mark_derived_stale()
        store.mark_derived_stale()          # twice is once
        assert store.derived_stale()
    with open_store(empty_db) as store:
        assert store.derived_stale()
        store.clear_derived_stale()
        assert not store.derived_stale()
