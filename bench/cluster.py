"""Speed-up of `frontline ingest` on a local Dask cluster of 1 and of 2 workers, on real text, in one run.

The corpus is that of ``bench/throughput.py`` (UCDP development headlines regrouped into articles, plus the
sample articles), or with ``--synthetic N`` N articles recombining real sentences with copies mixed in
(``bench/corpus.py``'s ``synthetic``, as ``bench/scale.py`` uses): on the first, a 27k-word corpus, start-up (the
cluster, each worker's models) is a large share of the run; the second shows what workers give on a corpus
worth a cluster. Each run is a whole ``frontline ingest --workers N`` process into a new store, start-up and
cluster start included; the runs alternate (1, 2, 1, 2, ...) so a change in the machine's load hits both alike.
It prints each run's time, the speed-up (time with 1 worker / time with 2) and checks that the stores hold the
same articles, events and fused events.

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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import headline_articles, synthetic, write_jsonl  # noqa: E402

from frontline.api import sample_corpus  # noqa: E402


def ingest(workers: int, inputs: list[str], db: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "frontline.cli", "ingest", "--workers", str(workers), "--db", str(db),
                    *inputs], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


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
        print(f"corpus: {inputs}, about {words:,} words; cores: {os.cpu_count()}", flush=True)
        times: dict[int, list[float]] = {1: [], 2: []}
        for i in range(args.repeat):
            for workers in (1, 2):
                db = tmp / f"w{workers}-{i}.db"
                times[workers].append(ingest(workers, inputs, db))
                print(f"--workers {workers}: {times[workers][-1]:7.1f} s  (articles, events, fused, timelines) = "
                      f"{content(db)}; load average {os.getloadavg()[0]:.1f}", flush=True)
        one, two = min(times[1]), min(times[2])
        print(f"speed-up with 2 workers: {one / two:.2f}x (best of {args.repeat} each)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
