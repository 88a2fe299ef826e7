"""Ingest time and peak memory against corpus size, on a synthetic corpus recombining real sentences.

The corpus (``bench/corpus.py``): UCDP headlines and the sample articles' sentences drawn into articles, 10% of
them copies of one of the last three days' articles (with boilerplate added, or the lead only), 100 articles a day
from 24 February 2022 in publication order. Two measures, each in a fresh process
so its peak RSS is its own:

``--extract N[,N...]``  the whole ``frontline ingest`` of N articles (extraction included); prints the wall time,
                        the time per article and the peak RSS of the largest process.
``--replay N[,N...]``   the corpus-level work alone at sizes extraction would take hours to reach on a shared
                        2-core machine: ``api.ingest`` with a runner that replays real extractions (of the first
                        300 articles, re-keyed to each article's text, date and outlet) instead of running NLP.
                        Everything else is the real code path: the stored-input check, copy detection against the
                        store, writing, and fused events and timelines at the end. Prints the time per article in
                        the first and last tenth of the input (flat = no growth with the store), the time after
                        the last article (fusion and timelines) and the peak RSS.

    python bench/scale.py --extract 1000 --replay 1000,10000,100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from corpus import synthetic, write_jsonl

from frontline import api
from frontline.clean import article_id_for
from frontline.models import ArticleResult, Document, Mentions, RawArticle, stable_id

TEMPLATES = 300
# Articles a day in the measured streams: a larger corpus spans more days, as a longer collection does (with the
# day of a random headline instead, 100,000 articles put 30 times more on a day than 3,000 do, and the work of
# comparing one day's articles grows with that, not with the store).
PER_DAY = 100


class Replay:
    """A runner that gives each input a real extraction (of another text) re-keyed to it, without NLP."""

    def __init__(self, templates: list[ArticleResult], on_result) -> None:
        self.templates = [t for t in templates if t.article.status == "ok"]
        self.on_result = on_result

    def run(self, raws, progress=None):
        for i, raw in enumerate(raws):
            yield self._result(raw, self.templates[i % len(self.templates)])
            self.on_result()

    @staticmethod
    def _result(raw: RawArticle, t: ArticleResult) -> ArticleResult:
        aid = article_id_for(raw.text)
        doc = Document(article_id=aid, raw=raw.text, text=raw.text, offsets=tuple(range(len(raw.text) + 1)))
        shift = (raw.published - t.article.published) if raw.published and t.article.published else dt.timedelta()
        events = tuple(replace(e, event_id=stable_id(aid, e.event_id), article_id=aid, date=replace(
            e.date, start=e.date.start and e.date.start + shift, end=e.date.end and e.date.end + shift))
            for e in t.events)
        article = replace(t.article, article_id=aid, published=raw.published, source=raw.source, path=raw.path,
                          url=raw.url, title=raw.title)
        return ArticleResult(article, doc, Mentions(), events)

    def close(self) -> None:
        pass


def _peak_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_replay(corpus: Path, templates: Path, db: Path) -> None:
    """Run in a fresh process: ingest ``corpus`` replaying ``templates``; print the figures as JSON."""
    stamps: list[float] = []
    runner = Replay(pickle.loads(templates.read_bytes()), lambda: stamps.append(time.perf_counter()))
    t0 = time.perf_counter()
    report = api.ingest([corpus], db, runner=runner)
    end = time.perf_counter()
    n = len(stamps)
    tenth = max(1, n // 10)
    first = (stamps[tenth - 1] - t0) / tenth
    last = (stamps[-1] - stamps[-tenth - 1]) / tenth if n > tenth else first
    print(json.dumps({"articles": report.articles, "copies": report.copies, "fused": report.fused_events,
                      "seconds": end - t0, "first_ms": first * 1000, "last_ms": last * 1000,
                      "after_last_s": end - stamps[-1], "peak_mb": _peak_mb(),
                      "db_mb": db.stat().st_size / 2**20}))


def run_child(args: list[str]) -> tuple[dict, float]:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1]), time.perf_counter() - t0


def templates(tmp: Path) -> Path:
    """Real extractions of the first 300 articles, stored once and reused."""
    path = tmp / "templates.pkl"
    corpus = write_jsonl(synthetic(TEMPLATES), tmp / "templates.jsonl")
    path.write_bytes(pickle.dumps(api.extract([corpus])))
    return path


def _stored(db: Path) -> int | None:
    """Articles committed to ``db`` so far (None before it exists); read beside the writer, as WAL allows."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:           # not created yet, or locked for a moment
        return None


def _tenths(samples: list[tuple[float, int]], n: int, t0: float) -> tuple[float, float]:
    """ms an article over the first and the last tenth of the input, from (time, articles stored) samples."""
    tenth = max(1, n // 10)

    def when(count: int) -> float:          # first sample with at least ``count`` articles stored
        return next(t for t, c in samples if c >= count)

    first = (when(tenth) - t0) / tenth
    last = (when(n) - when(n - tenth)) / tenth
    return first * 1000, last * 1000


def extract(n: int, tmp: Path) -> None:
    corpus = write_jsonl(synthetic(n, per_day=PER_DAY), tmp / f"corpus-{n}.jsonl")
    db = tmp / f"extract-{n}.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    t0 = time.perf_counter()
    log = tmp / f"extract-{n}.log"
    with log.open("wb") as err:     # a file, not a pipe: a long run's messages must not fill a pipe and stall it
        proc = subprocess.Popen([sys.executable, "-m", "frontline.cli", "ingest", "--db", str(db), str(corpus)],
                                stdout=subprocess.DEVNULL, stderr=err)
    # the store's article count, sampled while it fills, gives the time per article early and late in the input
    samples: list[tuple[float, int]] = []
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(1.0)
        if (count := _stored(db)) is not None:
            samples.append((time.perf_counter(), count))
    elapsed = time.perf_counter() - t0
    if status:
        sys.exit(f"ingest failed: {log.read_text(errors='replace')[-2000:]}")
    stored = _stored(db) or 0
    last_write = next((t for t, c in samples if c >= stored), time.perf_counter())
    first, last = _tenths(samples, stored, t0)
    print(f"ingest {n:>7,} articles (extraction included): {elapsed:8.1f} s, {elapsed / n * 1000:6.0f} ms/article "
          f"({first:5.1f} in the first tenth, {last:5.1f} in the last, {elapsed - (last_write - t0):6.1f} s after the "
          f"last article), CPU {usage.ru_utime + usage.ru_stime:7.1f} s, peak RSS {usage.ru_maxrss / 1024:5.0f} MB, "
          f"store {db.stat().st_size / 2**20:6.1f} MB; load average {os.getloadavg()[0]:.1f}", flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-replay":
        child_replay(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", default="", help="sizes for the whole ingest, e.g. 1000")
    parser.add_argument("--replay", default="", help="sizes for the corpus-level work, e.g. 1000,10000,100000")
    parser.add_argument("--workdir", type=Path, help="keep corpora, templates and stores here")
    args = parser.parse_args()
    tmp = args.workdir or Path(tempfile.mkdtemp(prefix="frontline-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    for n in (int(x) for x in args.extract.split(",") if x):
        extract(n, tmp)
    sizes = [int(x) for x in args.replay.split(",") if x]
    if sizes:
        tpl = tmp / "templates.pkl" if (tmp / "templates.pkl").exists() else templates(tmp)
        for n in sizes:
            corpus = write_jsonl(synthetic(n, per_day=PER_DAY), tmp / f"corpus-{n}.jsonl")
            db = tmp / f"replay-{n}.db"
            db.unlink(missing_ok=True)
            r, wall = run_child(["--child-replay", str(corpus), str(tpl), str(db)])
            print(f"replay {n:>7,} articles ({r['copies']} copies, {r['fused']} fused events): {r['seconds']:8.1f} s, "
                  f"{r['first_ms']:5.1f} ms/article in the first tenth, {r['last_ms']:5.1f} in the last, "
                  f"{r['after_last_s']:6.1f} s after the last article, peak RSS {r['peak_mb']:5.0f} MB, "
                  f"store {r['db_mb']:6.1f} MB", flush=True)


if __name__ == "__main__":
    main()
