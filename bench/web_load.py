"""How fast the web page loads and reacts: on the sample corpus, and on a store of N recombined real events.

The big store is made from the events the pipeline extracted from the sample corpus: each synthetic article
copies one real article (its cleaned text, so evidence still points at its sentence) and its events, moved
to a day between 24 Feb 2022 and 31 Dec 2024 and, for settlement events, to another real settlement (from
the gazetteer) of the oblasts the sample names. Nothing is invented
but the combination, so type, party, claim and place distributions stay those of real extractions.

Measured with Debian's chromium through Playwright: time from navigation to the page's ready flag (all
panels drawn for the URL's state), then a facet change and a brush change.

    .venv/bin/python bench/web_load.py                      # sample corpus, then 100,000 events
    .venv/bin/python bench/web_load.py --events 20000 --keep /tmp/big.db
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from frontline import api
from frontline.corpus import fuse as corpus_fuse
from frontline.geo.gazetteer import Gazetteer
from frontline.models import Location
from frontline.store.sqlite import SqliteStore as Store

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_big(sample_db: Path, db: Path, n_events: int, seed: int = 7) -> int:
    """Write about ``n_events`` recombined real events into ``db``; returns how many were written."""
    rng = random.Random(seed)
    real = [r for r in api.stored_results(sample_db) if r.events and r.document is not None]
    # A settlement event moves to another real settlement of the oblasts the sample's events name, so
    # 100k events spread over thousands of places as a long war's would; vaguer places stay as they were.
    oblasts = {e.location.admin1 for r in real for e in r.events if e.location is not None and e.location.admin1}
    settlements = [Location(name=p.name, lat=p.lat, lon=p.lon, admin1=p.admin1, country_code=p.country_code,
                            precision="settlement", geonames_id=p.geonames_id)
                   for p in Gazetteer.load().places
                   if p.kind == "settlement" and p.country_code == "UA" and p.admin1 in oblasts and p.population >= 300]
    first = dt.date(2022, 2, 24)
    span = (dt.date(2024, 12, 31) - first).days
    written = 0
    keys: set[str] = set()
    with Store.open(db) as store:
        i = 0
        while written < n_events:
            src = rng.choice(real)
            published = first + dt.timedelta(days=rng.randrange(span))
            aid = hashlib.sha1(f"bench-article-{i}".encode()).hexdigest()[:16]
            events = []
            for j, e in enumerate(src.events):
                loc = e.location
                if loc is not None and loc.precision == "settlement":
                    loc = rng.choice(settlements)
                    keys.add(corpus_fuse.location_key(loc))
                lag = dt.timedelta(days=rng.randrange(3))
                date = dataclasses.replace(e.date, start=published - lag if e.date.start else None,
                                           end=published if e.date.end else None)
                events.append(dataclasses.replace(e, event_id=hashlib.sha1(f"{aid}-{j}".encode()).hexdigest()[:16],
                                                  article_id=aid, location=loc, date=date))
            article = dataclasses.replace(src.article, article_id=aid, published=published, duplicate_of=None,
                                          title=f"{src.article.title or 'article'} ({i})")
            document = dataclasses.replace(src.document, article_id=aid)
            store.write(dataclasses.replace(src, article=article, document=document, events=tuple(events)))
            written += len(events)
            i += 1
        # fused events and control timelines of the settlements (the control layer's); the few vague
        # places hold thousands of events each, and fusing those adds nothing the page measures
        for key in sorted(keys):
            api.refresh_places(store, [key])
    return written


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    exe = Path(sys.executable).parent / "frontline"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):
        try:
            urllib.request.urlopen(f"{url}api/events?limit=1", timeout=5).read()
            return proc, url
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit(f"frontline serve did not come up on {url}")


def measure(url: str, chromium: str, runs: int = 3) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {"load": [], "facet": [], "brush": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-ready]", timeout=120_000)
            out["load"].append(time.perf_counter() - t)
            box = page.locator("#facet-type input").first
            t = time.perf_counter()
            box.check()
            page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=120_000)
            out["facet"].append(time.perf_counter() - t)
            hb = page.locator("#histogram").bounding_box()
            y = hb["y"] + hb["height"] / 2
            t = time.perf_counter()
            page.mouse.move(hb["x"] + hb["width"] * 0.4, y)
            page.mouse.down()
            page.mouse.move(hb["x"] + hb["width"] * 0.6, y, steps=4)
            page.mouse.up()
            page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=120_000)
            out["brush"].append(time.perf_counter() - t)
            page.close()
        browser.close()
    return {k: sorted(v)[len(v) // 2] for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events in the big store (0: sample only)")
    parser.add_argument("--keep", type=Path, help="build the big store here (reused when it exists)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.db"
        api.ingest([api.sample_corpus()], sample)
        stores = [("sample corpus", sample)]
        if args.events:
            big = args.keep or Path(tmp) / "big.db"
            if not big.exists():
                t = time.perf_counter()
                n = build_big(sample, big, args.events)
                print(f"built {n:,} events in {time.perf_counter() - t:.0f} s", file=sys.stderr)
            stores.append((f"{args.events:,} events", big))
        for name, db in stores:
            proc, url = serve(db)
            try:
                m = measure(url, args.chromium)
            finally:
                proc.terminate()
                proc.wait(timeout=10)
            print(f"{name}: page ready {m['load']:.2f} s, facet change {m['facet']:.2f} s, "
                  f"brush change {m['brush']:.2f} s (median of 3)")


if __name__ == "__main__":
    main()
