"""How much dirt changes what frontline reads: events from dirty copies of the sample articles vs the clean ones.

For each kind of dirt in ``tests/dirt.py`` (wrapped PDF copy, mixed mojibake, boilerplate, glued credits,
spun, all at once), every sample article is dirtied, run through the pipeline, and its events compared
with the events of the article as shipped, matching on (type, place, start date). The table gives, per
kind, the events of the clean copies found again (recall), the dirty copies' events that match (precision),
their F1 (the overlap, aim >= 0.9), and events placed at a place named only in added boilerplate.

    PYTHONPATH=src python bench/dirty_copies.py [--samples DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path

from testmodules import load

from frontline.models import RawArticle
from frontline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
# The dirt generators are shared with the golden tests, which own them.
_dirt = load("dirt")
BOILERPLATE_PLACES, DIRT = _dirt.BOILERPLATE_PLACES, _dirt.DIRT


def _keys(result) -> Counter:
    return Counter((e.event_type, e.location.name if e.location else None, e.date.start) for e in result.events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=ROOT / "src" / "frontline" / "data" / "samples")
    args = parser.parse_args()
    manifest = {json.loads(line)["file"]: json.loads(line) for line in
                (args.samples / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    articles = []
    for path in sorted(args.samples.glob("*.txt")):
        published = manifest.get(path.name, {}).get("published")
        articles.append((path.name, path.read_text(encoding="utf-8"),
                         dt.date.fromisoformat(published) if published else None))
    pipeline = Pipeline.load()
    clean = {name: _keys(pipeline.process(RawArticle(text=text, path=name, published=pub)))
             for name, text, pub in articles}
    print(f"{'dirt':<14} {'clean ev':>8} {'dirty ev':>8} {'matched':>7} {'recall':>6} {'prec':>6} {'F1':>6} "
          f"{'at bp place':>11}")
    for kind, make in DIRT.items():
        n_clean = n_dirty = matched = at_boilerplate = 0
        for name, text, pub in articles:
            result = pipeline.process(RawArticle(text=make(text), path=name, published=pub))
            dirty = _keys(result)
            n_clean += sum(clean[name].values())
            n_dirty += sum(dirty.values())
            matched += sum((clean[name] & dirty).values())
            at_boilerplate += sum(n for (_, place, _), n in dirty.items() if place in BOILERPLATE_PLACES)
        recall = matched / n_clean if n_clean else 0.0
        precision = matched / n_dirty if n_dirty else 0.0
        f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
        print(f"{kind:<14} {n_clean:>8} {n_dirty:>8} {matched:>7} {recall:>6.3f} {precision:>6.3f} {f1:>6.3f} "
              f"{at_boilerplate:>11}")


if __name__ == "__main__":
    main()
