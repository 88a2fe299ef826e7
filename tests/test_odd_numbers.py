"""Nothing one article says stops a run (issue 25): 123 real UCDP headlines carrying 41 odd number and date shapes
(tests/data/odd_numbers.jsonl, written by scripts/make_odd_numbers.py) through ``frontline extract`` and
``frontline ingest`` on both back ends, as a user runs them: exit 0 or 3, every article accounted for, no
traceback. Before the fix, one dotted date ('24.3.2022') in copy marking made the whole run exit 1 with a
traceback and nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from stores import drop_postgres, empty_postgres

from frontline.store.backend import open_store

CORPUS = Path(__file__).parent / "data" / "odd_numbers.jsonl"
FRONTLINE = [sys.executable, "-m", "frontline.cli"]


def _ids() -> set[str]:
    return {json.loads(line)["id"] for line in CORPUS.read_text(encoding="utf-8").splitlines()}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([*FRONTLINE, *args], capture_output=True, text=True, timeout=900, env=env, check=False)


def test_the_corpus_holds_123_reports_of_41_shapes():
    ids = _ids()
    assert len(ids) == 123 and len({i.rsplit("-", 1)[0] for i in ids}) == 41


def test_extract_runs_through_every_odd_number():
    done = _run("extract", str(CORPUS), "--format", "jsonl")
    assert done.returncode in (0, 3), done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 123
    assert all(r["article"]["status"] in ("ok", "skipped") or r["article"]["error"] for r in records)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ingest_runs_through_every_odd_number(tmp_path, backend):
    db = str(tmp_path / "odd.db") if backend == "sqlite" else empty_postgres()
    try:
        done = _run("ingest", str(CORPUS), "--db", db)
        assert done.returncode in (0, 3), done.stderr[-3000:]
        assert "Traceback" not in done.stderr
        assert done.stderr.strip().splitlines()[-1].startswith("123 articles read")
        with open_store(db) as store:
            stored = list(store.results(documents=False, mentions=False))
        assert len(stored) == 123      # every article accounted for: stored as ok, skipped or failed with its reason
    finally:
        if backend == "postgresql":
            drop_postgres(db)
