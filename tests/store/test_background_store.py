"""Issue 28, background: retold history is stored with its mark, left out of the query layer's default answers
on both back ends, and brought back by ``background=include`` (or alone by ``only``); an older store migrates."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from stores import empty_db, fill_background  # noqa: F401 - empty_db is a fixture

from frontline.errors import QueryError, StoreError
from frontline.store.backend import open_store
from frontline.store.filters import parse_filter
from frontline.store.query import Catalog, EventFilter

NEWS, RETOLD = "armed_clash", "territory_withdrawn"


def _types(c: Catalog, f: EventFilter) -> list[str]:
    return sorted(r.event.event_type for r in c.iter_events(f))


def test_the_default_leaves_background_out_and_the_filter_brings_it_back(empty_db):  # noqa: F811
    fill_background(empty_db)
    with Catalog(empty_db) as c:
        assert _types(c, EventFilter()) == [NEWS] and c.events().total == 1
        assert _types(c, parse_filter({"background": "include"})) == [NEWS, RETOLD]
        assert _types(c, parse_filter({"background": "only"})) == [RETOLD]
        retold = next(c.iter_events(EventFilter(background="only")))
        assert retold.event.background and not next(c.iter_events(EventFilter())).event.background


def test_aggregates_follow_the_same_default(empty_db):  # noqa: F811
    fill_background(empty_db)
    with Catalog(empty_db) as c:
        assert dict(c.facets().type) == {NEWS: 1}
        assert dict(c.facets(EventFilter(background="include")).type) == {NEWS: 1, RETOLD: 1}
        assert sum(g.count for g in c.grid()) == 1
        assert sum(g.count for g in c.grid(EventFilter(background="include"))) == 2
        assert sum(h.count for h in c.histogram()) == 1
        assert [f.event_type for f in c.fused().items] == [NEWS]
        assert sorted(f.event_type for f in c.fused(EventFilter(background="include")).items) == [NEWS, RETOLD]


def test_the_parser_defaults_to_exclude_and_refuses_other_values():
    assert parse_filter({}).background == "exclude"
    assert parse_filter({"background": "Include"}).background == "include"
    with pytest.raises(QueryError, match="background='yes' is not one of exclude, include, only"):
        parse_filter({"background": "yes"})


def test_a_version_3_store_is_migrated(empty_db):  # noqa: F811
    fill_background(empty_db)
    url = empty_db if empty_db.startswith("postgresql") else f"sqlite:///{empty_db}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:     # make it look as version 3 wrote it: no background column
        conn.execute(text("ALTER TABLE events DROP COLUMN background"))
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match="schema version 3"):
        Catalog(empty_db).events()       # the read path refuses it until the write path migrates it
    with open_store(empty_db):
        pass
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar() == "4"
        # version 3 kept no mark: its events are news until extracted again
        assert conn.execute(text("SELECT background FROM events")).scalars().all() == [0, 0]
    engine.dispose()
    with Catalog(empty_db) as c:
        assert c.events().total == 2
    fill_background(empty_db)            # writing the article again stores its mark
    with Catalog(empty_db) as c:
        assert _types(c, EventFilter()) == [NEWS]
