"""Measure typical filtered queries through the REST API on a large store, on SQLite and on PostgreSQL.

Usage::

    PYTHONPATH=src python bench/query.py [--events 1000000] [--sqlite PATH] [--pg postgresql://...]
                                         [--samples 60] [--rows 600] [--without-query-indexes]

How the store is made: real events are extracted by the pipeline from the bundled sample corpus (five
articles) and from ``--rows`` UCDP headline rows (shared/data/ucdp, years 2022-2023, one short article per
row, its outlet the row's first source office). These events are then recombined into ``--events`` events:
each copies a real event (type, parties, claim, quantities, evidence sentence, confidence), keeps or swaps its
location for another real location of the same precision (so oblast, coordinates and names stay consistent),
and gets a day drawn uniformly from 2022-02-24..2024-12-31 (month-precision events keep a month span).
Events are grouped ten to an article; articles get a real outlet and a publication day; 3 % of the articles
are copies of an earlier one (their events are left out by default, as in a real store). Every event also
gets a fused-event row (events sharing type, place and day share a fused id). Rows are built by the store's
own row functions and inserted in bulk (an ingest of a million events through the pipeline would take days).

What is measured, client side with httpx against ``frontline serve`` (so HTTP, JSON encoding and the count of
matches are included), ``--samples`` requests each with random parameters, p50 / p95 in milliseconds:

    type+oblast+30d   /api/events?type=T&oblast=O&since=D&until=D+29
    bbox              /api/events?bbox=<a 1x1 degree box in the east>
    claimant          /api/events?claimant=<a frequent claimant>
    deep page         the 100th page of /api/events?limit=100 walked by cursor (each page's time)
    facets            /api/stats/facets?type=T&since=D&until=D+29
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import httpx

from frontline import api
from frontline.evaluation import read_ucdp
from frontline.models import Event, EventDate, RawArticle
from frontline.store.backend import is_postgres
from frontline.store.codec import ARTICLE_COLUMNS, EVENT_COLUMNS, event_row
from frontline.store.sqlite import SqliteStore as Store

ROOT = Path(__file__).resolve().parent.parent
UCDP = ROOT.parent / "shared" / "data" / "ucdp" / "ucdp_ged_ukraine_dev.csv"
CACHE = Path(tempfile.gettempdir()) / "frontline-bench-query-events.json"
FIRST, LAST = dt.date(2022, 2, 24), dt.date(2024, 12, 31)
PER_ARTICLE = 10


# --- real events ------------------------------------------------------------------------------------------

def real_events(rows: int) -> list[tuple[Event, str | None]]:
    """(event, outlet) pairs extracted from the sample corpus and UCDP headline rows; cached between runs."""
    if CACHE.exists():
        data = json.loads(CACHE.read_text())
        if data["rows"] == rows:
            return [(_event_from(d), outlet) for d, outlet in data["events"]]
    from frontline.pipeline import Pipeline
    pipeline = Pipeline.load()
    found: list[tuple[Event, str | None]] = []
    for r in api.extract([api.sample_corpus()], pipeline=pipeline):
        found += [(e, r.article.source or "sample corpus") for e in r.events]
    ucdp_path = Path(os.environ.get("FRONTLINE_UCDP", UCDP))
    offices = _first_offices(ucdp_path)
    for row in read_ucdp(ucdp_path, years=(2022, 2023), limit=rows):
        outlet = offices.get(row.id)
        result = pipeline.process(RawArticle(text=row.text, published=row.published, source=outlet))
        found += [(e, outlet) for e in result.events]
    CACHE.write_text(json.dumps({"rows": rows, "events": [(_event_dict(e), o) for e, o in found]}))
    return found


def _first_offices(path: Path) -> dict[str, str | None]:
    """The first source office (the outlet) of each UCDP row, by id."""
    import csv
    with path.open(encoding="utf-8", errors="replace") as f:
        return {r["id"]: (r["source_office"] or "").split(";")[0].strip() or None for r in csv.DictReader(f)}


def _event_dict(e: Event) -> dict:
    from frontline.export.results import event_to_dict
    return event_to_dict(e)


def _event_from(d: dict) -> Event:
    from frontline.models import Claim, Evidence, Location, Party, Quantity

    def party(p):
        return None if p is None else Party(p["name"], p["side"], p["role"])

    loc = d["location"]
    return Event(
        event_id=d["event_id"], article_id=d["article_id"], event_type=d["event_type"],
        location=None if loc is None else Location(loc["name"], loc["lat"], loc["lon"], loc["admin1"],
                                                   loc["country_code"], loc["precision"], loc["geonames_id"],
                                                   loc.get("mention")),
        date=EventDate(dt.date.fromisoformat(d["date"]["start"]) if d["date"]["start"] else None,
                       d["date"]["precision"],
                       dt.date.fromisoformat(d["date"]["end"]) if d["date"]["end"] else None, d["date"]["text"]),
        initiator=party(d["initiator"]), target=party(d["target"]),
        quantities=tuple(Quantity(q["value"], q["unit"], q["role"], q["approximate"], q["text"])
                         for q in d["quantities"]),
        claim=Claim(party(d["claim"]["claimed_by"]), d["claim"]["modality"], d["claim"]["contested"]),
        evidence=Evidence(d["evidence"]["sentence"], d["evidence"]["char_start"], d["evidence"]["char_end"]),
        confidence=d["confidence"], trigger=d["trigger"])


# --- recombination ----------------------------------------------------------------------------------------

def recombine(base: list[tuple[Event, str | None]], n: int, seed: int = 15):
    """Yield (article row values, [event rows], [fused member rows]) for ``n`` events made from ``base``."""
    rng = random.Random(seed)
    places: dict[str, list] = {}
    for e, _ in base:
        if e.location is not None:
            places.setdefault(e.location.precision, []).append(e.location)
    outlets = sorted({o for _, o in base if o})
    span = (LAST - FIRST).days
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    made, article_no, originals = 0, 0, []
    while made < n:
        article_id = hashlib.sha1(f"bench-article-{article_no}".encode()).hexdigest()[:16]
        copy_of = rng.choice(originals) if originals and rng.random() < 0.03 else None
        events, members = [], []
        for k in range(min(PER_ARTICLE, n - made)):
            e, _ = base[rng.randrange(len(base))]
            loc = e.location
            if loc is not None and rng.random() < 0.7:
                loc = rng.choice(places[loc.precision])
            start = FIRST + dt.timedelta(days=rng.randrange(span))
            end = None
            if e.date.precision == "month":
                start = start.replace(day=1)
                end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            date = EventDate(start, "day" if e.date.precision == "unknown" else e.date.precision, end, e.date.text)
            if e.date.start is None and rng.random() < 0.5:
                date = EventDate(None, "unknown")
            event_id = hashlib.sha1(f"bench-event-{made}".encode()).hexdigest()[:16]
            ev = replace(e, event_id=event_id, article_id=article_id, location=loc, date=date)
            events.append((*event_row(ev, article_id, k, copy_of is not None), now))
            fused = hashlib.sha1(f"{ev.event_type}|{loc.name if loc else ''}|{start}".encode()).hexdigest()[:16]
            members.append((event_id, fused, int(ev.claim.contested), 0))
            made += 1
        published = max((dt.date.fromisoformat(r[4]) for r in events if r[4]), default=FIRST)
        published += dt.timedelta(days=rng.randrange(3))
        article = dict.fromkeys(ARTICLE_COLUMNS) | {
            "article_id": article_id, "title": f"Bench article {article_no}", "source": rng.choice(outlets),
            "published": published.isoformat(), "language": "en", "status": "ok", "quality_flags": "[]",
            "duplicate_of": copy_of, "ingested_at": now}
        if copy_of is None:
            originals.append(article_id)
        article_no += 1
        yield article, events, members


# The indexes the query layer added to the store (frontline.store.schema); --no-query-indexes leaves them out.
QUERY_INDEXES = frozenset({"events_day", "events_type_day", "events_admin1_type_day", "events_lat", "events_span",
                           "events_cell_cover", "events_claimant", "events_stored", "events_location",
                           "articles_published", "articles_copies", "fused_members_fused", "retracted_at"})


def build_sqlite(path: str, base, n: int, query_indexes: bool) -> float:
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    columns = (*ARTICLE_COLUMNS, "ingested_at")
    # bulk load without the indexes, then build them once: far faster than maintaining them row by row
    indexes = [r for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")]
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    conn.execute("BEGIN")
    for article, events, members in recombine(base, n):
        conn.execute(f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     [article[c] for c in columns])
        conn.executemany(f"INSERT INTO events ({', '.join((*EVENT_COLUMNS, 'stored_at'))}) "
                         f"VALUES ({', '.join('?' * (len(EVENT_COLUMNS) + 1))})", events)
        conn.executemany("INSERT OR REPLACE INTO fused_members VALUES (?, ?, ?, ?)", members)
    conn.execute("COMMIT")
    for name, sql in indexes:
        if query_indexes or name not in QUERY_INDEXES:
            conn.execute(sql)
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


def build_postgres(url: str, base, n: int) -> float:
    import psycopg

    from frontline.store.postgres import PgStore
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS meta, articles, mentions, events, fingerprints, copy_keys, fused_events, "
                     "fused_members, timelines, retracted CASCADE")
    PgStore(url).close()
    with psycopg.connect(url) as conn:
        indexes = conn.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                               "AND indexname NOT LIKE '%_pkey'").fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        a_cols = (*ARTICLE_COLUMNS, "ingested_at")
        e_cols = (*EVENT_COLUMNS, "stored_at")
        # one COPY at a time per connection, and a million rows do not fit in memory: the recombination is
        # deterministic (seeded), so it is run once per table
        with conn.cursor() as cur:
            with cur.copy(f"COPY articles ({', '.join(a_cols)}) FROM STDIN") as copy:
                for article, _, _ in recombine(base, n):
                    copy.write_row([article[c] for c in a_cols])
            with cur.copy(f"COPY events ({', '.join(e_cols)}) FROM STDIN") as copy:
                for _, events, _ in recombine(base, n):
                    for row in events:
                        copy.write_row(row)
            with cur.copy("COPY fused_members (event_id, fused_id, contested, copies) FROM STDIN") as copy:
                for _, _, members in recombine(base, n):
                    for row in members:
                        copy.write_row(row)
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute("ANALYZE")
    return time.perf_counter() - started


# --- measuring --------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "frontline.cli", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            httpx.get(url + "/openapi.json", timeout=2)
            break
        except httpx.TransportError:
            time.sleep(0.3)
    return proc, url


def _ms(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return statistics.median(samples) * 1000, p95 * 1000


def measure(url: str, base, samples: int, seed: int = 7) -> dict[str, tuple[float, float, float]]:
    """p50, p95 (ms) and mean matches of each typical query."""
    rng = random.Random(seed)
    client = httpx.Client(base_url=url, timeout=120)
    types = [t for t, _ in sorted(_count(e.event_type for e, _ in base).items(), key=lambda kv: -kv[1])][:6]
    oblasts = ["Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson", "Kyiv"]
    claimants = [c for c, _ in sorted(_count(e.claim.claimed_by.name for e, _ in base if e.claim.claimed_by)
                                      .items(), key=lambda kv: -kv[1])][:10]
    client.get("/api/events", params={"oblast": "Donetsk", "limit": 1})      # the gazetteer is loaded
    span = (LAST - FIRST).days - 30

    def window() -> dict:
        since = FIRST + dt.timedelta(days=rng.randrange(span))
        return {"since": since.isoformat(), "until": (since + dt.timedelta(days=29)).isoformat()}

    cases = {
        "type+oblast+30d": lambda: ("/api/events", {"type": rng.choice(types), "oblast": rng.choice(oblasts),
                                                    **window()}),
        "bbox": lambda: ("/api/events", {"bbox": _box(rng)}),
        "claimant": lambda: ("/api/events", {"claimant": rng.choice(claimants)}),
        "facets type+30d": lambda: ("/api/stats/facets", {"type": rng.choice(types), **window()}),
    }
    out = {}
    for name, make in cases.items():
        times, matches = [], []
        for _ in range(samples):
            path, params = make()
            t0 = time.perf_counter()
            r = client.get(path, params=params)
            times.append(time.perf_counter() - t0)
            r.raise_for_status()
            matches.append(r.json().get("total", 0))
        out[name] = (*_ms(times), statistics.mean(matches))
    times, cursor = [], None
    for _ in range(100):
        t0 = time.perf_counter()
        r = client.get("/api/events", params={"limit": 100, **({"cursor": cursor} if cursor else {})})
        times.append(time.perf_counter() - t0)
        cursor = r.json()["next_cursor"]
    out["pages 1-100 by cursor"] = (*_ms(times), 100 * 100)
    out["page 100 alone"] = (times[-1] * 1000, times[-1] * 1000, 100)
    client.close()
    return out


def _box(rng: random.Random) -> str:
    west, south = rng.uniform(35.0, 39.0), rng.uniform(46.5, 49.5)
    return f"{west:.3f},{south:.3f},{west + 1:.3f},{south + 1:.3f}"


def _count(values) -> dict:
    found: dict = {}
    for v in values:
        found[v] = found.get(v, 0) + 1
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--sqlite", default=str(Path(tempfile.gettempdir()) / "frontline-bench-query.db"))
    parser.add_argument("--pg", help="a postgresql:// URL of a database the benchmark may empty")
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--rows", type=int, default=600, help="UCDP rows to extract real events from")
    parser.add_argument("--without-query-indexes", action="store_true",
                        help="SQLite only: leave out the query layer's indexes (to see what they earn)")
    parser.add_argument("--reuse", action="store_true", help="measure the stores already built")
    args = parser.parse_args()
    base = real_events(args.rows)
    print(f"{len(base)} real events from the sample corpus and {args.rows} UCDP rows; "
          f"{len({e.location.name for e, _ in base if e.location})} places, {len({o for _, o in base})} outlets")
    targets = [("SQLite", args.sqlite)] + ([("PostgreSQL", args.pg)] if args.pg else [])
    for label, db in targets:
        if not args.reuse:
            took = (build_postgres(db, base, args.events) if is_postgres(db)
                    else build_sqlite(db, base, args.events, not args.without_query_indexes))
            print(f"{label}: built {args.events} events in {took:.0f} s")
        proc, url = serve(db)
        try:
            results = measure(url, base, args.samples)
        finally:
            proc.terminate()
            proc.wait()
        print(f"\n{label}, {args.events} events, {args.samples} requests each (ms):")
        print(f"  {'query':24} {'p50':>8} {'p95':>8} {'matches':>9}")
        for name, (p50, p95, n) in results.items():
            print(f"  {name:24} {p50:8.1f} {p95:8.1f} {n:9.0f}")


if __name__ == "__main__":
    main()
