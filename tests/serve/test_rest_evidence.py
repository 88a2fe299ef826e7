"""Issue 28: the REST event record carries every sentence that told the event and each count's own sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fastapi.testclient import TestClient
from stores import BAKHMUT, event, result

from frontline.models import Document, Evidence, Quantity
from frontline.serve.app import create_app
from frontline.store.backend import open_store
from frontline.store.query import Catalog

ATTACK = "Russian forces shelled Bakhmut on Monday."
TOLL = "Two civilians were killed, the governor said."


def test_the_event_record_lists_the_toll_sentence(tmp_path, pipeline):
    r = result("ev1", dt.date(2022, 6, 2), "Outlet", [event("ev1", 0, "shelling", BAKHMUT, dt.date(2022, 6, 1),
                                                            sentence=ATTACK)])
    body = f"{ATTACK} {TOLL}"
    toll = Evidence(TOLL, len(ATTACK) + 1, len(body))
    e = dataclasses.replace(r.events[0], more_evidence=(toll,),
                            quantities=(Quantity(2, "civilians", "killed", text="Two civilians", evidence=toll),))
    db = str(tmp_path / "e.db")
    with open_store(db) as store:
        store.write(dataclasses.replace(r, document=Document("ev1", body, body, tuple(range(len(body) + 1))),
                                        events=(e,)))
    with TestClient(create_app(db, catalog=Catalog(db, gazetteer=pipeline.resources.gazetteer))) as c:
        detail = c.get(f"/api/events/{e.event_id}").json()
        listed = c.get("/api/events").json()["items"][0]
    want = {"sentence": TOLL, "char_start": toll.char_start, "char_end": toll.char_end}
    for record in (detail, listed):
        assert record["evidence"]["sentence"] == ATTACK and record["more_evidence"] == [want]
        assert record["quantities"][0]["evidence"] == want
    assert detail["article"]["text"][toll.char_start:toll.char_end] == TOLL
