"""Issue 28: an event's further sentences and each count's own sentence survive the store, on both back ends,
in the existing ``quantities`` JSON column; rows written before they existed still load."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy import create_engine, text
from stores import BAKHMUT, empty_db, event, result  # noqa: F401 - empty_db is a fixture

from frontline.models import Document, Evidence, Quantity, Voice
from frontline.store.backend import open_store
from frontline.store.codec import EVENT_COLUMNS, event_from_row, event_row
from frontline.store.query import Catalog

ATTACK = "Russian forces shelled Bakhmut on Monday."
TOLL = "Two civilians were killed, the governor said."


def _told_twice():
    """An article whose one shelling is told by two sentences, its toll by the second."""
    r = result("ev1", dt.date(2022, 6, 2), "Outlet", [event("ev1", 0, "shelling", BAKHMUT, dt.date(2022, 6, 1),
                                                            sentence=ATTACK)])
    body = f"{ATTACK} {TOLL}"
    doc = Document("ev1", body, body, tuple(range(len(body) + 1)))
    toll = Evidence(TOLL, len(ATTACK) + 1, len(body))
    assert doc.text[toll.char_start:toll.char_end] == TOLL and r.events[0].evidence.char_start == 0
    e = dataclasses.replace(r.events[0], more_evidence=(toll,),
                            quantities=(Quantity(2, "civilians", "killed", text="Two civilians", evidence=toll),))
    return dataclasses.replace(r, document=doc, events=(e,))


def _url(db: str) -> str:
    return (db if db.startswith("postgresql") else f"sqlite:///{db}").replace("postgresql://",
                                                                             "postgresql+psycopg://", 1)


def test_further_sentences_round_trip_on_both_back_ends(empty_db):  # noqa: F811 - the fixture
    r = _told_twice()
    with open_store(empty_db) as store:
        store.write(r)
        assert store.write(r).unchanged == 2          # the same event writes the same row
        (stored,) = list(store.results())
        assert stored.events == r.events
    with Catalog(empty_db) as c:
        detail = c.event(r.events[0].event_id)
        assert detail is not None and detail.record.event == r.events[0]


def test_a_row_written_before_the_fields_still_loads(empty_db):  # noqa: F811 - the fixture
    r = _told_twice()
    with open_store(empty_db) as store:
        store.write(r)
    engine = create_engine(_url(empty_db))
    with engine.begin() as conn:        # the quantities column as an older version wrote it: a bare list
        conn.execute(text("UPDATE events SET quantities = :q"),
                     {"q": json.dumps([{"value": 2.0, "unit": "civilians", "role": "killed", "approximate": False,
                                        "text": "Two civilians", "kind": "incident", "period": None}])})
    engine.dispose()
    with open_store(empty_db) as store:
        (stored,) = list(store.results())
    (e,) = stored.events
    assert e.more_evidence == () and e.quantities == (Quantity(2, "civilians", "killed", text="Two civilians"),)


def test_an_event_told_once_writes_the_column_as_before():
    e = event("a", 0, "shelling", BAKHMUT, dt.date(2022, 6, 1), killed=3)
    row = dict(zip(EVENT_COLUMNS, event_row(e, "a", 0), strict=True))
    assert json.loads(row["quantities"]) == [{"value": 3, "unit": "people", "role": "killed", "approximate": False,
                                              "text": "", "kind": "incident", "period": None}]
    assert event_from_row(row) == e


def test_a_claims_voice_round_trips_on_both_back_ends(empty_db):  # noqa: F811 - the fixture
    # claim.voice rides in the same JSON column: no schema change, and a row without one is written as before
    r = result("v1", dt.date(2022, 6, 2), "Outlet", [event("v1", 0, "shelling", BAKHMUT, dt.date(2022, 6, 1),
                                                           sentence="The invaders shelled Bakhmut.")])
    voice = Voice(side="UA", cue="invaders", basis="wording", char_start=4, char_end=12)
    e = dataclasses.replace(r.events[0], claim=dataclasses.replace(r.events[0].claim, voice=voice))
    r = dataclasses.replace(r, events=(e,))
    row = dict(zip(EVENT_COLUMNS, event_row(e, "v1", 0), strict=True))
    assert json.loads(row["quantities"])["voice"]["cue"] == "invaders" and event_from_row(row) == e
    with open_store(empty_db) as store:
        store.write(r)
        (stored,) = list(store.results())
        assert stored.events == r.events
