"""Crash safety: ``frontline ingest`` killed (SIGKILL) at random points, five times over one database.

After every kill the database must be whole (SQLite's integrity check, no event or mention without its
article) and its derived tables must either match the stored events or carry the stale mark that makes the
next ingest (or ``frontline repair``) rebuild them; a reader polling the database while the ingest runs
must only ever see such a state; and a final complete run must leave exactly what a clean run leaves.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from frontline import api
from frontline.corpus import control
from frontline.corpus import fuse as corpus_fuse
from frontline.store.sqlite import SqliteStore as Store

KILLS = 5
HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("crash") / "corpus"
    shutil.copytree(api.sample_corpus(), root)
    for path in sorted((HERE / "data" / "articles").glob("*.txt")):
        shutil.copy(path, root / path.name)
    return root


def _ingest(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "frontline.cli", "ingest", "--db", str(db), "--published",
                             "2022-06-25", str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _content(db: Path) -> dict[str, list]:
    """Everything a user reads from the store: articles, mentions, events, fused events (and their members)
    and timelines, without the times rows were written."""
    con = sqlite3.connect(db)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        out = {}
        for table in ("articles", "mentions", "events", "fused_events", "fused_members", "timelines"):
            if table in tables:
                columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")
                           if r[1] not in ("ingested_at", "stored_at")]
                out[table] = sorted(con.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        return out
    finally:
        con.close()


def _check_whole(con: sqlite3.Connection) -> None:
    """Checks one snapshot: run inside a read transaction."""
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)"
                       ).fetchone()[0] == 0


def _derived_current(db: Path) -> bool:
    """The stored fused events and timelines are what the stored events give."""
    with Store.open(db) as store:
        events = store.events()
        fused = corpus_fuse.fuse_corpus(events, store.article_meta({e.article_id for e in events}))
        by_id = {e.event_id: e for e in events}
        want_fused = sorted((f.fused_id, json.dumps(corpus_fuse.to_dict(f), sort_keys=True, ensure_ascii=False,
                                                     separators=(",", ":"))) for f in fused)
        want_timelines = sorted(json.dumps(control.to_dict(control.build_timeline(p, fused, by_id)), sort_keys=True,
                                           ensure_ascii=False, separators=(",", ":"))
                                for p in control.settlement_names(fused))
    content = _content(db)
    return ([(f[0], f[2]) for f in content["fused_events"]] == want_fused
            and sorted(t[1] for t in content["timelines"]) == want_timelines)


class Reader(threading.Thread):
    """Polls the database while an ingest writes it, checking each snapshot; keeps the first failure."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db, self.stop, self.error, self.snapshots = db, threading.Event(), None, 0

    def run(self) -> None:
        while not self.stop.is_set():
            if self.db.exists():
                try:
                    con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)
                    try:
                        con.execute("BEGIN")
                        if con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'events'").fetchone()[0]:
                            _check_whole(con)
                            self.snapshots += 1
                        con.execute("COMMIT")
                    finally:
                        con.close()
                except sqlite3.OperationalError:
                    pass            # locked or being created: try again
                except AssertionError as exc:
                    self.error = exc
                    return
            time.sleep(0.05)


def test_ingest_killed_at_random_points_leaves_a_whole_store_and_a_rerun_equals_a_clean_run(corpus, tmp_path):
    clean = tmp_path / "clean.db"
    started = time.monotonic()
    run = _ingest(corpus, clean)
    assert run.wait(600) == 0, run.stderr.read().decode()
    took = time.monotonic() - started
    expected = _content(clean)
    articles = len(expected["articles"])

    db = tmp_path / "crashed.db"
    rng = random.Random(17)
    reader = Reader(db)
    reader.start()
    kills = []
    for _ in range(KILLS):
        # a random number of articles written, then a random moment: model loading, mid-article, or the
        # refresh of fused events and timelines at the end
        target = rng.randint(0, articles)
        run = _ingest(corpus, db)
        limit = time.monotonic() + 2 * took + 60
        while run.poll() is None and time.monotonic() < limit:
            if db.exists() and _stored(db) >= target:
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.5))
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
        run.wait(60)
        kills.append((target, run.returncode))
        con = sqlite3.connect(db)
        try:
            con.execute("BEGIN")
            _check_whole(con)
            con.execute("COMMIT")
        finally:
            con.close()
        with Store.open(db) as store:
            stale = store.derived_stale()
        assert stale or _derived_current(db), kills
    assert any(code == -signal.SIGKILL for _, code in kills), kills

    run = _ingest(corpus, db)
    assert run.wait(600) == 0, run.stderr.read().decode()
    reader.stop.set()
    reader.join()
    assert reader.error is None, reader.error
    assert reader.snapshots > 0
    with Store.open(db) as store:
        assert not store.derived_stale()
    assert _content(db) == expected


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return -1
