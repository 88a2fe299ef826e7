"""Measure copy detection and cross-article fusion on the copy corpus (tests/data/copies).

Usage::

    PYTHONPATH=src python bench/dedup.py [--no-events] [--scale N]

Prints pairwise precision, recall and F1 of 'same story' (two articles are one story when one copies the other,
directly or through a common original), recall per kind of copy, the time per article, and (unless
--no-events) how many fused events the copies add to those of the originals (should be about 0). With --scale N,
it also fills a store with N synthetic fingerprints and times the LSH candidate search of one new article
against them (what an ingest does per article), to show the search does not grow with the store.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from frontline import api
from frontline.clean import clean
from frontline.corpus.copies import NUM_PERM, CopyDetector, CopyIndex, Fingerprint, fingerprint
from frontline.nlp.embed import DIMENSIONS
from frontline.sources.ingest import read_inputs
from frontline.store.sqlite import SqliteStore as Store

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT / "tests" / "data" / "copies" / "truth.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-events", action="store_true", help="skip the (slower) event count")
    parser.add_argument("--scale", type=int, default=0, help="time candidate search among N stored fingerprints")
    args = parser.parse_args()
    if args.scale:
        scale(args.scale)
    truth = json.loads(TRUTH.read_text())
    paths = [ROOT / t["path"] for t in truth]
    raws = list(read_inputs([str(p) for p in paths]))
    docs = [clean(r) for r in raws]
    detector = CopyDetector()
    started = time.perf_counter()
    # as api.mark_copies does: vectors only for the articles a pair needs them for, in one batch
    prints = detector.embed_where_needed([fingerprint(d.article_id, d.text, published=r.published)
                                          for d, r in zip(docs, raws)], [d.text for d in docs])
    embedded = time.perf_counter()
    index = CopyIndex()
    originals: dict[str, str] = {}
    methods: dict[str, str] = {}
    seen: set[str] = set()
    for d, fp in zip(docs, prints):
        if d.article_id in seen:        # cleans to a text already read: the same content id, stored once
            methods[d.article_id + "/again"] = "exact"
            continue
        seen.add(d.article_id)
        match, fp = detector.check(fp, index, d.text)
        index.add(fp, match.original_id if match else None, d.text)
        originals[d.article_id] = match.original_id if match else d.article_id
        if match:
            methods[d.article_id] = match.method
    done = time.perf_counter()

    story = {d.article_id: t["story"] for d, t in zip(docs, truth)}
    tp = fp_ = fn = 0
    for a, b in itertools.combinations([d.article_id for d in docs], 2):
        same, said = story[a] == story[b], originals[a] == originals[b]
        tp += same and said
        fp_ += said and not same
        fn += same and not said
        if said != same:
            names = [Path(t["path"]).name for d, t in zip(docs, truth) if d.article_id in (a, b)]
            print(f"  {'false copy' if said else 'missed'}: {names[0]} ~ {names[1]}")
    precision = tp / (tp + fp_) if tp + fp_ else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"same-story pairs: {tp + fn} true, {tp + fp_} predicted; precision {precision:.3f} recall {recall:.3f} "
          f"F1 {f1:.3f}")
    for kind in ("boilerplate", "pdf", "teaser", "spun"):
        rows = [(d, t) for d, t in zip(docs, truth) if t["kind"] == kind]
        exact = {d.article_id for d, _ in rows if d.article_id + "/again" in methods}
        hit = sum(originals[d.article_id] != d.article_id or d.article_id in exact for d, _ in rows)
        how = sorted({"exact id" if d.article_id in exact else methods.get(d.article_id, "-") for d, _ in rows})
        print(f"  {kind:12s} detected {hit}/{len(rows)} by {', '.join(how)}")
    print(f"{len(docs)} articles: fingerprints and the {detector.embedded} vectors needed {embedded - started:.2f} s, "
          f"search {done - embedded:.3f} s")

    if not args.no_events:
        only_originals = [p for p, t in zip(paths, truth) if t["kind"] in ("original", "independent")]
        base = api.fuse_results(api.extract(only_originals))
        results = api.extract(paths)
        unmarked = [replace(r, article=replace(r.article, duplicate_of=None)) for r in results]
        for label, fused in (("with copies marked", api.fuse_results(results)),
                             ("without copy detection", api.fuse_results(unmarked))):
            added = len(fused) - len(base)
            print(f"fused events {label}: {len(fused)} vs {len(base)} from the originals alone: copies add "
                  f"{added} ({added / max(1, len(base)):.1%})")


def _random_print(rng: np.random.Generator, i: int) -> Fingerprint:
    vector = rng.standard_normal(DIMENSIONS).astype(np.float32)
    facts = frozenset(str(x) for x in rng.integers(0, 50_000, 30))
    return Fingerprint(f"synthetic{i}", *(rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64) for _ in range(3)),
                       size=500, facts=facts, vector=vector / np.linalg.norm(vector))


def scale(n: int) -> None:
    """Fill a store with ``n`` random fingerprints and time one candidate search."""
    rng = np.random.default_rng(0)
    detector = CopyDetector()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "scale.db") as store:
        started = time.perf_counter()
        for i in range(n):
            store.add_fingerprint(_random_print(rng, i))
        filled = time.perf_counter()
        probe = _random_print(rng, n)
        for _ in range(20):
            found = detector.find(probe, store)
        searched = time.perf_counter()
        print(f"scale: {n} fingerprints stored in {filled - started:.1f} s ({n / (filled - started):.0f}/s); "
              f"one search {1000 * (searched - filled) / 20:.2f} ms, {len(store.candidates(probe.keys()))} "
              f"candidates, match {found}")


if __name__ == "__main__":
    main()
