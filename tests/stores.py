"""Test helpers: a small store with known contents, on SQLite and (when reachable) on PostgreSQL.

``backend`` fixtures give a database name (SQLite path or PostgreSQL URL) per back end. PostgreSQL is the
database named by FRONTLINE_TEST_PG (a URL to a database the tests may empty); without it the PostgreSQL
cases are skipped with the reason printed, unless FRONTLINE_REQUIRE_PG=1 (CI), where they fail instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import uuid

import pytest

from frontline.models import (
    Article,
    ArticleResult,
    Claim,
    Document,
    Event,
    EventDate,
    Evidence,
    Location,
    Party,
    Quantity,
    stable_id,
)

RU = Party("Russian forces", "RU")
UA = Party("Armed Forces of Ukraine", "UA")
HAIDAI = Party("Serhiy Haidai", "UA", "governor of Luhansk oblast")
MOD_RU = Party("Russian Defence Ministry", "RU")

SIEV = Location("Sievierodonetsk", 48.94816, 38.49116, "Luhansk", "UA", "settlement", 702658)
HIRSKE = Location("Hirske", 48.7532, 38.4975, "Luhansk", "UA", "settlement", 709332)
BAKHMUT = Location("Bakhmut", 48.5956, 38.0003, "Donetsk", "UA", "settlement", 712451)
DONETSK_OBLAST = Location("Donetsk", 48.0, 37.8, "Donetsk", "UA", "admin1", 709716)
KHARKIV = Location("Kharkiv", 49.98081, 36.25272, "Kharkiv", "UA", "settlement", 706483)


def event(article_id: str, n: int, kind: str, where: Location | None, day: dt.date | None, *,
          initiator: Party | None = RU, target: Party | None = UA, claimed_by: Party | None = None,
          modality: str = "asserted", contested: bool = False, confidence: float = 0.8,
          end: dt.date | None = None, sentence: str | None = None, killed: int = 0) -> Event:
    sentence = sentence or f"Sentence {n} about {kind} in {where.name if where else 'somewhere'}."
    precision = "day" if day and not end else ("month" if day else "unknown")
    quantities = (Quantity(killed, "people", "killed"),) if killed else ()
    return Event(stable_id(article_id, n, kind), article_id, kind, where, EventDate(day, precision, end=end),
                 initiator, target, quantities, Claim(claimed_by, modality, contested),
                 Evidence(sentence, 10 * n, 10 * n + len(sentence)), confidence, kind)


def result(article_id: str, published: dt.date | None, source: str | None, events: list[Event],
           duplicate_of: str | None = None) -> ArticleResult:
    text, placed = "", []
    for e in events:      # the evidence offsets point into the article's text
        start = len(text)
        text += e.evidence.sentence + " "
        placed.append(dataclasses.replace(e, evidence=Evidence(e.evidence.sentence, start,
                                                               start + len(e.evidence.sentence))))
    events = placed
    text = text or "nothing"
    doc = Document(article_id, text, text, tuple(range(len(text) + 1)))
    article = Article(article_id, "ok", published, title=f"Title {article_id}", source=source,
                      url=f"https://example.org/{article_id}", language="en", duplicate_of=duplicate_of)
    return ArticleResult(article, doc, events=tuple(events))


def corpus() -> list[ArticleResult]:
    """Five articles, fourteen events (two in a copy), covering every filter with known answers."""
    d = dt.date
    a1 = [event("a1", 0, "shelling", BAKHMUT, d(2022, 6, 1), claimed_by=HAIDAI, modality="claimed", killed=3),
          event("a1", 1, "shelling", BAKHMUT, d(2022, 6, 2), confidence=0.4),
          event("a1", 2, "armed_clash", SIEV, d(2022, 6, 1), end=d(2022, 6, 30), claimed_by=MOD_RU,
                modality="claimed", contested=True, sentence="Fierce street fighting raged in Sievierodonetsk.")]
    a2 = [event("a2", 0, "territory_captured", SIEV, d(2022, 6, 24), claimed_by=MOD_RU, modality="claimed"),
          event("a2", 1, "territory_withdrawn", SIEV, d(2022, 6, 24), initiator=UA, target=None),
          event("a2", 2, "casualties", None, None, initiator=None, killed=10)]
    a3 = [event("a3", 0, "air_drone_strike", KHARKIV, d(2022, 7, 10), target=Party("civilians", "civilians")),
          event("a3", 1, "shelling", DONETSK_OBLAST, d(2022, 7, 11)),
          event("a3", 2, "evacuation", HIRSKE, d(2022, 6, 20), initiator=None, target=None),
          event("a3", 3, "negotiation", None, None, initiator=None, target=None, modality="planned")]
    a4 = [event("a4", 0, "shelling", BAKHMUT, d(2022, 6, 1), claimed_by=HAIDAI, modality="claimed"),
          event("a4", 1, "armed_clash", HIRSKE, d(2022, 6, 21))]
    copy = [event("c5", 0, "shelling", BAKHMUT, d(2022, 6, 1), claimed_by=HAIDAI, modality="claimed"),
            event("c5", 1, "armed_clash", HIRSKE, d(2022, 6, 21), confidence=0.5)]
    return [result("a1", d(2022, 6, 2), "Kyiv Independent", a1), result("a2", d(2022, 6, 25), "TASS", a2),
            result("a3", d(2022, 7, 11), "Reuters", a3), result("a4", d(2022, 6, 22), "Kyiv Independent", a4),
            result("c5", d(2022, 6, 23), "Ukrinform", copy, duplicate_of="a4")]


def fill(db: str) -> None:
    """Write the corpus into ``db`` and compute its fused events and timelines, as an ingest does."""
    from frontline import api
    from frontline.corpus import fuse as corpus_fuse
    from frontline.store.backend import open_store
    results = corpus()
    with open_store(db) as store:
        for r in results:
            store.write(r)
        keys = {corpus_fuse.location_key(e.location) for r in results for e in r.events if e.location}
        api.refresh_places(store, keys)


def postgres_url() -> str:
    """A fresh, empty PostgreSQL schema-less database URL for one test module, or a skip / failure."""
    url = os.environ.get("FRONTLINE_TEST_PG")
    if not url:
        reason = "PostgreSQL tests skipped: set FRONTLINE_TEST_PG=postgresql://user:pass@host/db to run them"
        if os.environ.get("FRONTLINE_REQUIRE_PG") == "1":
            pytest.fail(reason + " (FRONTLINE_REQUIRE_PG=1 demands them)")
        print(reason)
        pytest.skip(reason)
    return url


def empty_postgres() -> str:
    """A new, empty PostgreSQL database (created from FRONTLINE_TEST_PG's server), dropped by ``drop_postgres``."""
    import psycopg
    base = postgres_url()
    name = f"frontline_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return base.rsplit("/", 1)[0] + "/" + name


def drop_postgres(url: str) -> None:
    import psycopg
    base = postgres_url()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request, tmp_path):
    """An empty database name on each back end."""
    if request.param == "sqlite":
        yield str(tmp_path / "t.db")
        return
    url = empty_postgres()
    yield url
    drop_postgres(url)


KYIV = Location("Kyiv", 50.45466, 30.5238, "Kyiv City", "UA", "settlement", 703448)


def background_corpus() -> list[ArticleResult]:
    """One June article: its news (a clash at Sievierodonetsk) and the history it retells (the withdrawal from
    Kyiv in March), marked background as ``frontline.events.background`` marks it."""
    d = dt.date
    news = event("b1", 0, "armed_clash", SIEV, d(2022, 6, 24), sentence="Fighting raged in Sievierodonetsk.")
    retold = dataclasses.replace(
        event("b1", 1, "territory_withdrawn", KYIV, d(2022, 3, 29), initiator=RU, target=None,
              sentence="Russia invaded Ukraine on February 24, but abandoned an early advance on Kyiv."),
        background=True)
    return [result("b1", d(2022, 6, 25), "Reuters", [news, retold])]


def fill_background(db: str) -> None:
    """Write ``background_corpus`` into ``db`` with its fused events, as an ingest does."""
    from frontline import api
    from frontline.corpus import fuse as corpus_fuse
    from frontline.store.backend import open_store
    results = background_corpus()
    with open_store(db) as store:
        for r in results:
            store.write(r)
        api.refresh_places(store, {corpus_fuse.location_key(e.location) for r in results for e in r.events
                                   if e.location})
