"""Fusion across articles against corpus size: ``corpus_fuse.fuse_corpus`` on recombined real events.

Usage::

    python bench/fusion.py [--sizes 5600,11000,22000,110000] [--places 300] [--days 730]

The events are those the pipeline extracts from the bundled sample corpus, recombined: each copy gets an
article of its own (one in ten articles a same-day report of another, so clusters form), a settlement drawn
from the gazetteer's first ``--places`` settlements and a day within ``--days`` of 2022-02-24. Prints the CPU
seconds ``fuse_corpus`` takes, the fused events it gives, and the time per event, which should stay flat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from dataclasses import replace

from frontline import api
from frontline.corpus import fuse as corpus_fuse
from frontline.models import Article, EventDate, Location, stable_id
from frontline.pipeline import Pipeline

START = dt.date(2022, 2, 24)


def recombined(n: int, templates: list, settlements: list, days: int, seed: int = 7):
    rng = random.Random(seed)
    events, articles, article_id, per_article = [], {}, None, 0
    for i in range(n):
        if article_id is None or per_article >= 5:
            article_id, per_article = stable_id("bench-article", i), 0
            articles[article_id] = Article(article_id, "ok", START, source=f"outlet {rng.randrange(12)}")
        t = templates[rng.randrange(len(templates))]
        if events and rng.random() < 0.1:           # another outlet's report of an event already in the corpus
            other = events[rng.randrange(len(events))]
            location, date = other.location, other.date
        else:
            p = settlements[rng.randrange(len(settlements))]
            location = Location(p.name, p.lat, p.lon, p.admin1, p.country_code, "settlement", p.geonames_id)
            day = START + dt.timedelta(days=rng.randrange(days))
            date = EventDate(day, "day", day)
        events.append(replace(t, event_id=stable_id("bench-event", i), article_id=article_id, location=location,
                              date=date))
        per_article += 1
    return events, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5600,11000,22000,110000")
    parser.add_argument("--places", type=int, default=300)
    parser.add_argument("--days", type=int, default=730)
    args = parser.parse_args()
    pipeline = Pipeline.load()
    templates = [e for r in api.extract([api.sample_corpus()], pipeline=pipeline) for e in r.events]
    settlements = [p for p in pipeline.resources.gazetteer.places if p.kind == "settlement"][:args.places]
    for n in (int(s) for s in args.sizes.split(",")):
        events, articles = recombined(n, templates, settlements, args.days)
        t0 = time.process_time()
        fused = corpus_fuse.fuse_corpus(events, articles)
        took = time.process_time() - t0
        print(f"{n:>8,} events: fuse_corpus {took:7.2f} CPU s ({took / n * 1e6:6.1f} µs/event), "
              f"{len(fused):,} fused events")


if __name__ == "__main__":
    main()
