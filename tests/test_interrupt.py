"""Stopping an ingest (issue 25): killing it leaves no forked worker running (each was ~430 MB and still alive
97 s later), and Ctrl-C stops it within 2 s, without worker tracebacks, saying how to resume. A real
``frontline ingest`` with two worker processes, in a subprocess; every wait is bounded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "captions" / "captions.jsonl"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


def _long_corpus(tmp_path: Path, rounds: int = 6) -> Path:
    """The captions, each told ``rounds`` times in distinct words: enough work that the ingest is still
    extracting when it is stopped, on a fast machine too (440 lines alone could finish first)."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    out = tmp_path / "long.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for n in range(rounds):
            for line in lines:
                record = json.loads(line)
                record["text"] = f"{record['text']} (report {n + 1})"
                record.pop("id", None)
                f.write(json.dumps(record) + "\n")
    return out


def _ingest_with_workers(tmp_path) -> tuple[subprocess.Popen[str], list[int]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen([sys.executable, "-m", "frontline.cli", "ingest", str(_long_corpus(tmp_path)), "--db",
                                str(tmp_path / "i.db"), "--processes", "2"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(_children(process.pid)) < 2:
        if process.poll() is not None:
            pytest.fail(f"the ingest ended before its workers started: {process.stderr.read()[-2000:]}")
        time.sleep(0.2)
    workers = _children(process.pid)
    if len(workers) < 2:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("no worker processes within 120 s")
    time.sleep(2)       # the workers are extracting
    return process, workers


def _gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


def test_killing_an_ingest_kills_its_workers(tmp_path):
    process, workers = _ingest_with_workers(tmp_path)
    try:
        process.kill()
        process.wait(timeout=10)
        assert _gone_within(workers, 5), "the workers outlived their killed parent"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_ctrl_c_stops_an_ingest_within_2_s_and_says_how_to_resume(tmp_path):
    process, workers = _ingest_with_workers(tmp_path)
    try:
        os.killpg(process.pid, signal.SIGINT)       # what a terminal sends: to the whole process group
        started = time.monotonic()
        _, err = process.communicate(timeout=30)
        took = time.monotonic() - started
        assert process.returncode == 130, err[-2000:]
        assert took < 2.0, f"Ctrl-C took {took:.1f} s"
        assert "Traceback" not in err and "run the same command again to resume" in err
        assert _gone_within(workers, 2)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
