"""Speed-up of `frontline ingest` on a local Dask cluster of 1 and of 2 workers, on real text, in one run.

The corpus is that of ``bench/throughput.py`` (UCDP development headlines regrouped into articles, plus the
sample articles), or with ``--synthetic N`` N articles recombining real sentences with copies mixed in
(``bench/corpus.py``'s ``synthetic``, as ``bench/scale.py`` uses): on the first, a 27k-word corpus, start-up (the
cluster, each worker's models) is a large share of the run; the second shows what workers give on a corpus
worth a cluster. Each run is a whole ``frontline ingest --workers N`` process into a new store, start-up and
cluster start included; the runs alternate (1, 2, 1, 2, ...) so a change in the machine's load hits both alike.
It prints each run's time and CPU time (of the process and its workers: over the cores, the least time the run
could take), the speed-up (time with 1 worker / time with 2, best of each and pair by pair) and checks that the
stores hold the same numbers of articles, events, fused events and timelines.

    python bench/cluster.py [--articles 191 | --synthetic 1000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import headline_articles, synthetic, write_jsonl

from frontline.api import sample_corpus


def ingest(workers: int, inputs: list[str], db: Path) -> tuple[float, float]:
    """The wall time of one ``frontline ingest --workers N`` process and the CPU time of it and its workers."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "frontline.cli", "ingest", "--workers", str(workers), "--db",
                             str(db), *inputs], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)    # its rusage counts the worker processes it waited for
    if status:
        sys.exit(f"frontline ingest --workers {workers} failed (wait status {status})")
    return time.perf_counter() - t0, usage.ru_utime + usage.ru_stime


def content(db: Path) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("articles", "events", "fused_events", "timelines"))
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None, help="UCDP headline articles (default: all)")
    parser.add_argument("--synthetic", type=int, default=None,
                        help="use this many synthetic articles (real sentences recombined) instead")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="frontline-cluster-"))
    try:
        if args.synthetic:
            inputs = [str(write_jsonl(synthetic(args.synthetic), tmp / "synthetic.jsonl"))]
        else:
            inputs = [str(write_jsonl(headline_articles(args.articles), tmp / "headlines.jsonl")),
                      str(sample_corpus())]
        words = sum(len(line.split()) for path in inputs if path.endswith(".jsonl") for line in open(path))
        cores = len(os.sched_getaffinity(0))
        print(f"corpus: {inputs}, about {words:,} words; cores: {cores}", flush=True)
        times: dict[int, list[float]] = {1: [], 2: []}
        stored: set[tuple] = set()
        for i in range(args.repeat):
            for workers in (1, 2):
                db = tmp / f"w{workers}-{i}.db"
                wall, cpu = ingest(workers, inputs, db)
                times[workers].append(wall)
                stored.add(content(db))
                # on this machine's cores no run can take less than its CPU time over the cores
                print(f"--workers {workers}: {wall:7.1f} s, CPU {cpu:6.1f} s (CPU / cores {cpu / cores:5.1f} s); "
                      f"(articles, events, fused, timelines) = {content(db)}; load average "
                      f"{os.getloadavg()[0]:.1f}", flush=True)
        one, two = min(times[1]), min(times[2])
        print(f"speed-up with 2 workers: {one / two:.2f}x (best of {args.repeat} each); pairs: "
              f"{', '.join(f'{a / b:.2f}x' for a, b in zip(times[1], times[2]))}")
        if len(stored) != 1:
            sys.exit(f"the stores differ: {sorted(stored)}")
        print("every run stored the same articles, events, fused events and timelines")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
