"""The query layer on a store with known contents (tests/stores.py), on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

import pytest
from stores import corpus, drop_postgres, empty_postgres, fill

from frontline.errors import QueryError, StoreError
from frontline.geo.gazetteer import Gazetteer
from frontline.store.query import Catalog, EventFilter
from frontline.store.sqlite import SqliteStore


@pytest.fixture(scope="session")
def gazetteer(pipeline) -> Gazetteer:
    return pipeline.resources.gazetteer


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request, tmp_path_factory):
    if request.param == "sqlite":
        name = str(tmp_path_factory.mktemp("q") / "q.db")
        fill(name)
        yield name
        return
    url = empty_postgres()
    fill(url)
    yield url
    drop_postgres(url)


@pytest.fixture(scope="module")
def catalog(db, gazetteer):
    with Catalog(db, gazetteer=gazetteer) as c:
        yield c


def ids(catalog, **filters) -> set[str]:
    return {r.event.event_id for r in catalog.iter_events(EventFilter(**filters))}


def kinds(catalog, **filters) -> list[tuple[str, str]]:
    return sorted((r.event.article_id, r.event.event_type) for r in catalog.iter_events(EventFilter(**filters)))


ALL = {e.event_id for r in corpus() for e in r.events if not r.article.duplicate_of}


def test_everything_but_copies_by_default(catalog):
    assert ids(catalog) == ALL
    assert len(ids(catalog, include_copies=True)) == len(ALL) + 2


def test_type_filter_takes_several(catalog):
    assert kinds(catalog, types=("shelling", "evacuation")) == [
        ("a1", "shelling"), ("a1", "shelling"), ("a3", "evacuation"), ("a3", "shelling"), ("a4", "shelling")]


def test_oblast_in_any_spelling(catalog):
    donetsk = kinds(catalog, oblast="Donetsk oblast")
    assert donetsk == kinds(catalog, oblast="DPR") == [("a1", "shelling"), ("a1", "shelling"), ("a3", "shelling"),
                                                       ("a4", "shelling")]


def test_settlement_in_any_spelling(catalog):
    assert kinds(catalog, settlement="Severodonetsk") == [("a1", "armed_clash"), ("a2", "territory_captured"),
                                                          ("a2", "territory_withdrawn")]


def test_unknown_names_are_refused_with_advice(catalog):
    with pytest.raises(QueryError, match="no oblast called 'Narnia'"):
        catalog.events(EventFilter(oblast="Narnia"))
    with pytest.raises(QueryError, match="no settlement called 'Qqqqzz'"):
        catalog.events(EventFilter(settlement="Qqqqzz"))


def test_bbox(catalog):
    # a box around Kharkiv city only
    assert kinds(catalog, bbox=(36.0, 49.8, 36.5, 50.1)) == [("a3", "air_drone_strike")]
    with pytest.raises(QueryError, match="bbox"):
        catalog.events(EventFilter(bbox=(0.0, 60.0, 1.0, 50.0)))


def test_date_range_overlaps_spans_and_leaves_out_undated(catalog):
    # the month-long clash (June 1-30) overlaps June 25-26; the day events of June 24 do not
    assert kinds(catalog, since=dt.date(2022, 6, 25), until=dt.date(2022, 6, 26)) == [("a1", "armed_clash")]
    assert all(r.event.date.start for r in catalog.iter_events(EventFilter(since=dt.date(2000, 1, 1))))
    with pytest.raises(QueryError, match="after until"):
        catalog.events(EventFilter(since=dt.date(2022, 7, 1), until=dt.date(2022, 6, 1)))


def test_side_actor_claimant_modality(catalog):
    assert kinds(catalog, side="civilians") == [("a3", "air_drone_strike")]
    assert kinds(catalog, actor="armed forces of ukraine", types=("territory_withdrawn",)) == [
        ("a2", "territory_withdrawn")]
    assert kinds(catalog, claimant="serhiy haidai") == [("a1", "shelling"), ("a4", "shelling")]
    assert kinds(catalog, claimant="RU") == [("a1", "armed_clash"), ("a2", "territory_captured")]
    assert kinds(catalog, modality="planned") == [("a3", "negotiation")]


def test_contested_precision_confidence_outlet_text(catalog):
    assert ("a1", "armed_clash") in kinds(catalog, contested=True)
    assert ("a1", "armed_clash") not in kinds(catalog, contested=False)
    assert kinds(catalog, precision="admin1") == [("a3", "shelling")]
    assert ("a1", "shelling") in kinds(catalog, min_confidence=0.5)
    assert len(kinds(catalog, min_confidence=0.5)) == len(ALL) - 1
    assert kinds(catalog, outlet="tass") == [("a2", "casualties"), ("a2", "territory_captured"),
                                             ("a2", "territory_withdrawn")]
    assert kinds(catalog, q="STREET FIGHTING") == [("a1", "armed_clash")]
    assert kinds(catalog, q="100%") == []      # LIKE wildcards in the words are taken literally


def test_pages_are_stable_and_undated_events_come_last_both_ways(catalog):
    for sort in ("date", "-date"):
        seen, cursor = [], None
        while True:
            page = catalog.events(limit=3, cursor=cursor, sort=sort)
            assert page.total == len(ALL)
            seen += [r.event for r in page.items]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert len(seen) == len({e.event_id for e in seen}) == len(ALL)
        dated = [e.date.start for e in seen if e.date.start]
        assert dated == sorted(dated, reverse=sort == "-date")
        assert [e.date.start for e in seen[-2:]] == [None, None]


def test_bad_cursor_limit_and_sort_are_refused(catalog):
    page = catalog.events(limit=2)
    with pytest.raises(QueryError, match="keep the sort"):
        catalog.events(limit=2, cursor=page.next_cursor, sort="-date")
    with pytest.raises(QueryError, match="not one this server gave"):
        catalog.events(cursor="garbage!")
    with pytest.raises(QueryError, match="limit"):
        catalog.events(limit=0)
    with pytest.raises(QueryError, match="sort"):
        catalog.events(sort="date desc")


def test_records_carry_outlet_fused_event_and_copies(catalog):
    bakhmut = [r for r in catalog.iter_events(EventFilter(types=("shelling",), settlement="Bakhmut"))
               if r.event.date.start == dt.date(2022, 6, 1)]
    assert {r.outlet for r in bakhmut} == {"Kyiv Independent"}
    assert all(r.fused_id for r in bakhmut)
    # a4's shelling is copied by c5: that copy's event is folded into its fused event
    assert max(r.copies for r in bakhmut) == 1


def test_event_detail_has_article_text_sources_and_claimants(catalog):
    record = next(iter(catalog.iter_events(EventFilter(q="street fighting"))))
    detail = catalog.event(record.event.event_id)
    text = detail.article.document.text
    ev = detail.record.event.evidence
    assert text[ev.char_start:ev.char_end] == ev.sentence
    assert detail.claimants == ("Russian Defence Ministry",)
    assert [s.article.article_id for s in detail.sources] == ["a1"]
    assert catalog.event("nope") is None


def test_histogram_facets_grid(catalog):
    days = {d.date: d for d in catalog.histogram(EventFilter(types=("shelling",)))}
    assert days[dt.date(2022, 6, 1)].count == 2 and days[dt.date(2022, 6, 1)].by_type == (("shelling", 2),)
    facets = catalog.facets()
    assert dict(facets.type)["shelling"] == 4
    assert dict(facets.outlet) == {"Kyiv Independent": 5, "TASS": 3, "Reuters": 4}
    assert dict(facets.oblast)["Luhansk"] == 5
    cells = catalog.grid(EventFilter(settlement="Kharkiv"), cell=1.0)
    assert [(c.lat, c.lon, c.count) for c in cells] == [(49.5, 36.5, 1)]


def test_places_timeline_control_coverage(catalog):
    page = catalog.places(limit=2)
    assert [p.name for p in page.items] == ["Bakhmut", "Hirske"] and page.total == 4
    rest = catalog.places(limit=2, cursor=page.next_cursor)
    assert [p.name for p in rest.items] == ["Kharkiv", "Sievierodonetsk"] and rest.next_cursor is None
    timeline = catalog.place_timeline("Severodonetsk")
    assert timeline.place.name == "Sievierodonetsk"
    assert [s.state for s in timeline.states][-1] == "RU"
    assert all(s.event_ids for s in timeline.states)
    held = {p.name: p.state for p in catalog.control_at(dt.date(2022, 6, 30))}
    assert held["Sievierodonetsk"] == "RU"
    assert catalog.control_at(dt.date(2000, 1, 1)) == []
    rows = catalog.coverage(outlet="kyiv independent")
    assert [(r.date, r.articles) for r in rows] == [(dt.date(2022, 6, 2), 1), (dt.date(2022, 6, 22), 1)]


def test_articles_and_fused_pages(catalog):
    page = catalog.articles(limit=3)
    assert [a.article.article_id for a in page.items] == ["a1", "a4", "c5"] and page.total == 5
    assert [a.article.article_id for a in catalog.articles(cursor=page.next_cursor).items] == ["a2", "a3"]
    fused = catalog.fused(EventFilter(settlement="Sievierodonetsk"))
    assert fused.total == len(fused.items) >= 2


def test_updated_since_lists_changes_and_retractions(db, gazetteer):
    from frontline.store.backend import open_store
    with Catalog(db, gazetteer=gazetteer) as c:
        assert c.events(EventFilter(updated_since=dt.datetime(2100, 1, 1))).items == ()
    time.sleep(1.1)      # the store stamps writes to the second: 'before' falls strictly between the two writes
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    time.sleep(1.1)
    a3 = corpus()[2]
    changed = a3.__class__(a3.article, a3.document, events=a3.events[:2])    # two events no longer extracted
    with open_store(db) as store:
        store.write(changed)
    try:
        with Catalog(db, gazetteer=gazetteer) as c:
            page = c.events(EventFilter(updated_since=before))
            assert page.items == ()         # the two kept events did not change
            assert set(page.retracted) == {e.event_id for e in a3.events[2:]}
    finally:
        with open_store(db) as store:
            store.write(a3)


def test_dataframe_in_one_call(db):
    from frontline import api
    df = api.events_frame(db, types="shelling")
    assert len(df) == 4 and set(df["event_type"]) == {"shelling"}
    assert df.loc[df["fatalities"] > 0, "location"].tolist() == ["Bakhmut"]


def test_version_1_sqlite_store_is_migrated(tmp_path, gazetteer):
    db = str(tmp_path / "v1.db")
    fill(db)
    with sqlite3.connect(db) as conn:     # make it look as version 1 wrote it
        for table in ("fused_members", "retracted"):
            conn.execute(f"DROP TABLE {table}")
        for index in ("events_claimant", "events_stored"):
            conn.execute(f"DROP INDEX {index}")
        conn.execute("DROP INDEX events_span")
        conn.execute("DROP INDEX events_cell_cover")
        for column in ("date_last", "date_span", "initiator_name", "initiator_side", "target_name", "target_side",
                       "claimant", "claimant_side", "is_copy", "geo_cell", "stored_at", "fatalities",
                       "background"):
            conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 1"):
        Catalog(db, gazetteer=gazetteer)        # the read path never migrates a store
    SqliteStore(db).close()                     # the write path does
    with Catalog(db, gazetteer=gazetteer) as c:
        assert kinds(c, claimant="serhiy haidai") == [("a1", "shelling"), ("a4", "shelling")]
        assert all(r.fused_id for r in c.iter_events(EventFilter(settlement="Bakhmut")))


def test_control_says_when_a_held_state_rests_on_stale_reports(tmp_path, gazetteer):
    from frontline.models import ControlState, Timeline
    db = tmp_path / "kept.db"
    states = (ControlState(dt.date(2022, 9, 13), "UA", confidence=0.67),
              ControlState(dt.date(2022, 11, 12), "UA", confidence=0.34, basis="persisted",
                           source="reports up to 2022-09-13, none since"))
    with SqliteStore(db) as store:
        store.put_timeline(Timeline("Sloviansk", "Donetsk", 693468, states))
    catalog = Catalog(str(db), gazetteer=gazetteer)
    fresh, = catalog.control_at(dt.date(2022, 10, 1))
    kept, = catalog.control_at(dt.date(2023, 1, 1))
    assert (fresh.state, fresh.basis) == ("UA", "reports")
    assert (kept.state, kept.basis, kept.source) == ("UA", "persisted", "reports up to 2022-09-13, none since")
