"""Load test of ``frontline serve`` on loopback with wrk (Debian's ``wrk`` package), outside CI.

    PYTHONPATH=src python bench/load.py [--events 100000] [--duration 15] [--concurrency 1,4,16,64]
                                        [--sustain 120] [--rows 150]

The store is built as bench/query.py builds it (real events recombined into ``--events``). Each wrk run uses
two threads and a Lua script that rotates through typical requests (a page of events, filtered lists, a
bbox, facets, a histogram), and reports requests/s, p50 / p95 / p99 latency and every error (socket errors
and non-2xx answers). A last run at the highest concurrency lasts ``--sustain`` seconds while the server's
resident memory is sampled every 10 s: growth over it would be a leak.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import query as bench_query  # bench/query.py builds the store and starts the server

PATHS = [
    "/api/events?limit=100",
    "/api/events?type=shelling&oblast=Donetsk&since=2023-03-01&until=2023-03-31",
    "/api/events?bbox=37,47.5,38,48.5&limit=50",
    "/api/events?claimant=UA&modality=claimed&limit=20",
    "/api/events?q=drone&min_confidence=0.5",
    "/api/stats/facets?since=2023-01-01&until=2023-01-31",
    "/api/stats/histogram?type=armed_clash",
    "/api/fused?oblast=Kharkiv&limit=20",
]
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(95),
    latency:percentile(99)))
end
"""


def wrk(url: str, script: Path, connections: int, seconds: float) -> dict[str, float]:
    out = subprocess.run(["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds:g}s",
                          "--timeout", "30s", "-s", str(script), url], capture_output=True, text=True, check=True)
    found = re.search(r"RESULT (.+)", out.stdout)
    if not found:
        raise RuntimeError(f"wrk gave no result:\n{out.stdout}\n{out.stderr}")
    n, duration, connect, read, write, status, timeout, p50, p95, p99 = map(int, found.group(1).split())
    return {"rps": n / (duration / 1e6), "requests": n, "errors": connect + read + write + status + timeout,
            "non2xx": status, "p50": p50 / 1000, "p95": p95 / 1000, "p99": p99 / 1000}


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=150, help="UCDP rows to extract real events from")
    parser.add_argument("--sqlite", default=str(Path(tempfile.gettempdir()) / "frontline-bench-load.db"))
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per concurrency level")
    parser.add_argument("--concurrency", default="1,4,16,64")
    parser.add_argument("--sustain", type=float, default=120.0, help="seconds of the memory run")
    parser.add_argument("--reuse", action="store_true", help="use the store already built")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    if not args.reuse:
        base = bench_query.real_events(args.rows)
        took = bench_query.build_sqlite(args.sqlite, base, args.events, True)
        print(f"built {args.events} events in {took:.0f} s", flush=True)
    script = Path(tempfile.gettempdir()) / "frontline-load.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in PATHS))
    proc, url = bench_query.serve(args.sqlite)
    try:
        wrk(url, script, 4, 3)            # warm up: gazetteer, page cache
        print(f"\n{args.events} events, {len(PATHS)} requests in rotation, {args.duration:g} s a level (ms)")
        print("| connections | requests/s | p50 | p95 | p99 | errors |\n|---:|---:|---:|---:|---:|---:|")
        levels = [int(c) for c in args.concurrency.split(",")]
        for c in levels:
            r = wrk(url, script, c, args.duration)
            print(f"| {c} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | "
                  f"{r['errors']} ({r['requests']} requests) |", flush=True)
        samples: list[tuple[float, float]] = []
        stop = threading.Event()

        def sample() -> None:
            started = time.monotonic()
            while not stop.is_set():
                samples.append((time.monotonic() - started, rss_mib(proc.pid)))
                stop.wait(10)

        before = rss_mib(proc.pid)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        r = wrk(url, script, levels[-1], args.sustain)
        stop.set()
        sampler.join()
        after = rss_mib(proc.pid)
        print(f"\nsustained {args.sustain:g} s at {levels[-1]} connections: {r['rps']:.0f} requests/s, "
              f"p99 {r['p99']:.1f} ms, {r['errors']} errors in {r['requests']} requests; server RSS "
              f"{before:.0f} MiB before, {after:.0f} MiB after; samples (s, MiB): "
              + ", ".join(f"{t:.0f}:{m:.0f}" for t, m in samples))
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
