"""Copies and fusion on a real stream: the UCDP development rows, all years, read as one stream of articles.

Usage::

    PYTHONPATH=src python bench/stream_copies.py [--csv PATH] [--limit N] [--cache FILE] [--show N]

Every UCDP row is one article (its ';'-joined headlines, one a line, published on its earliest source date),
but for the rows of the hand-labelled pairs in ``bench/data/ucdp_rewordings.jsonl``, where each headline of a
pair is an article (pairs of headlines that UCDP lists as sources of one event on one day: ``rewording`` when they tell the same facts, ``different``
when their figures or facts differ, ``related`` when one adds facts; labelled by reading them, before any
tuning). All articles go through the pipeline in publication order, then ``api.mark_copies``. Printed:

- marked copies: articles marked ``duplicate_of`` an article with other text, and how many of those are
  *wrong*: published more than 3 days from their original, or naming a number (digits or number words) or a
  settlement the original does not name, as a settlement or a region (target 0). The judge is this script's own reader of numbers, so it does
  not share the detector's code;
- recall on the labelled same-day rewordings (both headlines end on one story), and how many of the
  ``different`` pairs end on one story (target 0);
- fused events against distinct (type, settlement, day) keys of all located events, and the keys that no
  fused event covers (events lost because their article was wrongly taken for a copy);
- the time ``mark_copies`` took, and how many articles it embedded.

``--limit N`` takes a deterministic sample of N rows (plus the labelled pairs) for a quick run; ``--cache FILE``
keeps the pipeline's results in a pickle so that re-runs measure only copy detection and fusion (delete the file
after changing extraction). Run ``bench/dedup.py`` beside it for the synthetic copy corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import numpy as np

from frontline import api
from frontline.corpus.copies import CopyDetector
from frontline.evaluation import read_ucdp
from frontline.models import ArticleResult, RawArticle
from frontline.nlp.embed import DIMENSIONS
from frontline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT.parent / "shared" / "data" / "ucdp" / "ucdp_ged_ukraine_dev.csv"
GOLD = ROOT / "bench" / "data" / "ucdp_rewordings.jsonl"
WINDOW = dt.timedelta(days=3)

_UNITS = dict(zip("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                  "sixteen seventeen eighteen nineteen".split(), range(20)))
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")


def numbers(text: str) -> set[int | float]:
    """The judge's numbers of a text: digits, and number words up to ninety-nine ('forty-nine' is 49)."""
    found: set[int | float] = set()
    tokens = _TOKEN.findall(text.lower().replace("-", " "))
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t[0].isdigit():
            found.add(float(t.replace(",", "")))
        elif t in _TENS:
            unit = _UNITS.get(tokens[i + 1], 0) if i + 1 < len(tokens) and _UNITS.get(tokens[i + 1], 10) < 10 else 0
            found.add(float(_TENS[t] + unit))
            i += bool(unit)
        elif t in _UNITS:
            found.add(float(_UNITS[t]))
        i += 1
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def settlements(result: ArticleResult) -> set[str]:
    """The settlements the pipeline found named in an article."""
    return {m.place.name for m in result.mentions.places if m.place is not None and m.place.kind == "settlement"}


def places(result: ArticleResult) -> set[str]:
    """The names of every place the pipeline found in an article: a copy's 'Donetsk' is the original's 'DPR' or
    'Donetsk region' (the judge cannot tell a city from its oblast of one name in a headline)."""
    return {m.place.name for m in result.mentions.places if m.place is not None}


def stream(csv: Path, limit: int | None) -> tuple[list[RawArticle], dict[str, dict]]:
    """The articles in publication order, and the labelled pairs by the ids of their two articles."""
    pairs = [json.loads(line) for line in GOLD.read_text().splitlines()]
    # a labelled row's headlines come as their own articles instead: the row, holding them all, would be the
    # original of every one of them and so join every pair, the 'different' ones too
    labelled = {p["row"] for p in pairs}
    raws = [RawArticle(text=r.text, published=r.published, source="UCDP", input_id=f"ucdp-{r.id}")
            for r in read_ucdp(csv, limit=limit) if r.id not in labelled]
    gold = {}
    for n, pair in enumerate(pairs):
        day = dt.date.fromisoformat(pair["date"])
        for side in ("a", "b"):
            raws.append(RawArticle(text=pair[side], published=day, source=pair[f"source_{side}"],
                                   input_id=f"pair{n}{side}"))
        gold[f"pair{n}"] = pair
    raws.sort(key=lambda r: r.published or dt.date.min)       # stable: file order within a day
    return raws, gold


def run_pipeline(raws: list[RawArticle], cache: Path | None) -> list[ArticleResult]:
    """The pipeline's results, one per article; with a cache, only articles not in it are processed."""
    done: dict[str, ArticleResult] = pickle.loads(cache.read_bytes()) if cache is not None and cache.exists() else {}
    todo = [r for r in raws if r.input_id not in done]
    if todo:
        started = time.perf_counter()
        done.update(zip((r.input_id for r in todo), Pipeline.load().process_many(todo)))
        print(f"pipeline: {len(todo)} articles in {time.perf_counter() - started:.0f} s")
        if cache is not None:
            cache.write_bytes(pickle.dumps(done))
    return [done[r.input_id] for r in raws]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=CSV, help="the UCDP development CSV")
    parser.add_argument("--limit", type=int, help="a deterministic sample of this many rows (default: all)")
    parser.add_argument("--cache", type=Path, help="pickle of the pipeline's results, reused when present")
    parser.add_argument("--show", type=int, default=10, help="print this many wrong copies")
    parser.add_argument("--scaling", action="store_true",
                        help="also time mark_copies on the first 500, 1000, 2000 articles and all (model loaded first)")
    args = parser.parse_args()

    raws, gold = stream(args.csv, args.limit)
    results = run_pipeline(raws, args.cache)
    detector = CopyDetector()
    started = time.perf_counter()
    marked = api.mark_copies(results, detector)
    took = time.perf_counter() - started

    first = {}
    for r in marked:
        first.setdefault(r.article.article_id, r)
    ok = [r for r in marked if r.article.status == "ok"]
    # an article read twice (the same cleaned text) is one article, judged once, as first read
    marked_copies = [r for r in first.values() if r.article.status == "ok" and r.article.duplicate_of]
    # the same words in another case or punctuation ('Saur Mogila', 'Saur-Mogila') are the same text
    copies = [r for r in marked_copies if _words(r.document.text) != _words(first[r.article.duplicate_of].document.text)]
    wrong, gaps, methods = [], [], Counter()
    for r in copies:
        o = first[r.article.duplicate_of]
        a, b = r.article, o.article
        gap = abs((a.published - b.published).days) if a.published and b.published else 0
        why = []
        if gap > WINDOW.days:
            why.append(f"{gap} days apart")
        if extra := numbers(r.document.text) - numbers(o.document.text):
            why.append(f"numbers {sorted(extra)}")
        if extra := settlements(r) - places(o):
            why.append(f"places {sorted(extra)}")
        methods[a.duplicate_method] += 1
        if why:
            wrong.append((r, o, why))
            gaps.append(gap)
    print(f"stream: {len(marked)} articles ({len(ok)} with text, {len(first)} distinct texts), "
          f"{sum(r.article.source == 'UCDP' for r in marked)} UCDP rows (of {len(read_ucdp(args.csv, limit=args.limit))}) + {2 * len(gold)} labelled headlines")
    print(f"marked copies: {len(marked_copies)}, of an article with other words: {len(copies)} ({dict(methods)}); "
          f"wrong (published >3 days "
          f"apart, or other numbers or settlements): {len(wrong)}"
          + (f", median gap {statistics.median(gaps)} days, max {max(gaps)}" if gaps else ""))
    print(f"  of which >3 days apart: {sum(any('days' in w for w in why) for *_, why in wrong)}, other numbers: "
          f"{sum(any('numbers' in w for w in why) for *_, why in wrong)}, other settlements: "
          f"{sum(any('places' in w for w in why) for *_, why in wrong)}")
    for r, o, why in wrong[:args.show]:
        print(f"    {r.article.published} {r.document.text[:70]!r}\n      ~ {o.article.published} "
              f"{o.document.text[:70]!r}: {', '.join(why)}")

    root = {r.article.article_id: r.article.duplicate_of or r.article.article_id for r in marked}
    by_source_id = {raw.input_id: r.article.article_id for raw, r in zip(raws, results)}
    linked = Counter()
    for key, pair in gold.items():
        a, b = by_source_id[key + "a"], by_source_id[key + "b"]
        linked[pair["label"], root.get(a, a) == root.get(b, b)] += 1
    for label in ("rewording", "related", "different"):
        n = linked[label, True] + linked[label, False]
        print(f"labelled {label} pairs: {linked[label, True]}/{n} on one story")

    fused = api.fuse_results(marked)
    keys = {(e.event_type, e.location.name, e.date.start) for r in first.values() if r.article.status == "ok"
            for e in r.events if e.location is not None and e.location.precision in ("settlement", "district")
            and e.date.start is not None}
    covered = {(f.event_type, f.location.name, f.date.start + dt.timedelta(days=d)) for f in fused
               if f.location is not None and f.date.start is not None
               for d in range(((f.date.end or f.date.start) - f.date.start).days + 1)}
    fused = [f for f in fused if f.location is not None and f.location.precision in ("settlement", "district")
             and f.date.start is not None]
    multi_day = sum(f.date.end is not None and f.date.end != f.date.start for f in fused)
    timelines = {t.place for t in api.timelines(marked)}
    print(f"fused events at a settlement or district, dated: {len(fused)} (spanning more than one day: {multi_day}); distinct (type, settlement, day) "
          f"keys: {len(keys)}; keys no fused event covers: {len(keys - covered)}; settlement timelines: "
          f"{len(timelines)} (Toretsk {'present' if 'Toretsk' in timelines else 'absent'})")
    print(f"mark_copies: {took:.1f} s for {len(ok)} articles, {getattr(detector, 'embedded', 'every one')} embedded")
    if args.scaling:
        scaling(results)


class _Flat:
    """A stand-in embedder (every text the same unit vector): times the search without the model."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.full((len(texts), DIMENSIONS), DIMENSIONS ** -0.5, dtype=np.float32)


def scaling(results: list[ArticleResult]) -> None:
    """Time copy detection on growing prefixes of the stream: with the model (loaded first), and without it."""
    detector = CopyDetector()
    detector.embed(["warm-up"])
    for n in (500, 1000, 2000, len(results)):
        before = getattr(detector, "embedded", 0)
        started = time.perf_counter()
        api.mark_copies(results[:n], detector)
        took = time.perf_counter() - started
        embedded = getattr(detector, "embedded", before) - before
        started = time.perf_counter()
        api.mark_copies(results[:n], CopyDetector(embedder=_Flat()))
        search = time.perf_counter() - started
        print(f"scaling: {n} articles, mark_copies {took:.1f} s ({1000 * took / n:.1f} ms/article), "
              f"{embedded or 'all'} embedded; without the model {search:.1f} s ({1000 * search / n:.1f} ms/article)")


if __name__ == "__main__":
    main()
