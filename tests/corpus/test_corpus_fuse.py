"""Fusion across articles: one fused event per happening; copies not counted; disputes make it contested."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontline.corpus.fuse import from_dict, fuse_corpus, to_dict
from frontline.models import Article, Claim, Event, EventDate, Evidence, Location, Party

POKROVSK = Location("Pokrovsk", 48.28, 37.18, "Donetsk", "UA", "settlement", 708546)
POKROVSK_NAMESAKE = Location("Pokrovsk", 47.98, 36.23, "Dnipropetrovsk", "UA", "settlement", 697593)
DONETSK_OBLAST = Location("Donetsk", 48.0, 37.8, "Donetsk", "UA", "admin1", 709716)
RU_FORCES = Party("Russian forces", "RU")
RU_MOD = Party("Russian Defence Ministry", "RU")
UA_STAFF = Party("General Staff of Ukraine", "UA")
GOVERNOR = Party("Vadym Filashkin", "UA", "governor of Donetsk oblast")


def _event(eid: str, article: str, kind: str = "territory_captured", day: int = 2, *, location=POKROVSK,
           initiator: Party | None = RU_FORCES, claimed_by: Party | None = RU_MOD, modality="claimed") -> Event:
    return Event(event_id=eid, article_id=article, event_type=kind, location=location,
                 date=EventDate(dt.date(2025, 12, day), "day", text="on Tuesday"), initiator=initiator, target=None,
                 quantities=(), claim=Claim(claimed_by, modality), evidence=Evidence("...", 0, 3), confidence=0.8)


def _articles(*ids: str, copies: dict[str, str] | None = None, source: dict[str, str] | None = None):
    copies, source = copies or {}, source or {}
    return {a: Article(a, "ok", dt.date(2025, 12, 2), source=source.get(a), duplicate_of=copies.get(a))
            for a in ids}


def test_independent_reports_of_one_capture_fuse_with_every_source():
    fused = fuse_corpus([_event("e1", "a1"), _event("e2", "a2", claimed_by=None, modality="asserted")],
                        _articles("a1", "a2", source={"a1": "Reuters", "a2": "BBC"}))
    assert len(fused) == 1
    f = fused[0]
    assert (f.event_ids, f.article_ids, f.outlets, f.contested) == (("e1", "e2"), ("a1", "a2"), 2, False)
    assert (f.date.start, f.date.end) == (dt.date(2025, 12, 2), None)
    assert f.claimants == (RU_MOD,)


def test_one_outlet_twice_counts_once():
    fused = fuse_corpus([_event("e1", "a1"), _event("e2", "a2")],
                        _articles("a1", "a2", source={"a1": "TASS", "a2": "TASS"}))
    assert fused[0].outlets == 1


def test_events_of_copies_are_listed_not_counted():
    fused = fuse_corpus([_event("e1", "a1"), _event("c1", "copy"), _event("c2", "copy", "armed_clash")],
                        _articles("a1", "copy", copies={"copy": "a1"}))
    assert [(f.event_ids, f.copy_event_ids, f.outlets) for f in fused] == [(("e1",), ("c1",), 1)]


def test_capture_claim_disputed_by_the_other_side_is_contested_with_both_claimants():
    events = [_event("e1", "a1"),
              _event("e2", "a2", "armed_clash", initiator=None, claimed_by=UA_STAFF),
              _event("e3", "a2", claimed_by=GOVERNOR, modality="denied")]
    fused = fuse_corpus(events, _articles("a1", "a2"))
    capture = next(f for f in fused if f.event_type == "territory_captured")
    assert capture.contested
    assert capture.claimants == (RU_MOD, GOVERNOR, UA_STAFF)
    assert [(c.event_id, c.stance) for c in capture.claims] == [("e1", "supports"), ("e3", "disputes"),
                                                                 ("e2", "disputes")]
    assert next(f for f in fused if f.event_type == "armed_clash").event_ids == ("e2",)


def test_fighting_claimed_by_the_capturing_side_does_not_dispute_it():
    fused = fuse_corpus([_event("e1", "a1"), _event("e2", "a2", "armed_clash", claimed_by=RU_MOD)],
                        _articles("a1", "a2"))
    assert not any(f.contested for f in fused)


def test_reports_days_apart_or_at_an_oblast_or_one_article_twice_stay_apart():
    far = [_event("e1", "a1", day=2), _event("e2", "a2", day=5)]
    next_day = [_event("e1", "a1", day=2), _event("e2", "a2", day=3)]
    oblast = [_event("e1", "a1", location=DONETSK_OBLAST), _event("e2", "a2", location=DONETSK_OBLAST)]
    same_article = [_event("e1", "a1"), _event("e2", "a1")]
    namesakes = [_event("e1", "a1"), _event("e2", "a2", location=POKROVSK_NAMESAKE)]
    for events in (far, next_day, oblast, same_article, namesakes):
        assert len(fuse_corpus(events, _articles("a1", "a2"))) == 2


def test_a_report_joins_a_fused_event_only_if_it_agrees_with_every_report_in_it():
    spanning = _event("e1", "a1")
    spanning = replace(spanning, date=EventDate(dt.date(2025, 12, 2), "day", end=dt.date(2025, 12, 4)))
    events = [spanning, _event("e2", "a2", day=2), _event("e3", "a3", day=4)]
    assert [f.event_ids for f in fuse_corpus(events, _articles("a1", "a2", "a3"))] == [("e1", "e2"), ("e3",)]


def test_placeless_events_are_left_to_the_articles():
    assert fuse_corpus([_event("e1", "a1", "negotiation", location=None)], _articles("a1")) == []


def test_fused_event_round_trips_through_json():
    events = [_event("e1", "a1"), _event("e3", "a2", claimed_by=GOVERNOR, modality="denied")]
    (f,) = fuse_corpus(events, _articles("a1", "a2"))
    assert from_dict(to_dict(f)) == f


def test_copy_event_joins_the_original_report_of_its_day():
    events = [_event("e1", "a1", day=2), _event("e2", "a1", day=9), _event("c1", "copy", day=9)]
    fused = fuse_corpus(events, _articles("a1", "copy", copies={"copy": "a1"}))
    assert [(f.event_ids, f.copy_event_ids) for f in fused] == [(("e1",), ()), (("e2",), ("c1",))]


def test_two_inputs_that_clean_to_one_text_are_one_article_in_fusion(run):
    from frontline import api

    text = "Russian forces shelled Kharkiv on Tuesday, the governor said."
    first, again = run(text, "2024-05-18"), run(text, "2024-05-25")    # one text, two publication dates
    assert first.article.article_id == again.article.article_id
    assert api.fuse_results([first, again]) == api.fuse_results([first])


def test_the_pokrovsk_capture_claim_of_the_sample_is_contested_by_ukraine(pipeline):
    from frontline import api

    sample = next(api.sample_corpus().glob("000_*.txt"))
    fused = [f for f in api.fuse_results(api.extract([sample], pipeline=pipeline))
             if f.location is not None and f.location.name == "Pokrovsk" and f.contested]
    assert {(f.event_type, p.name, p.side) for f in fused for p in f.claimants} == {
        ("territory_captured", "Russian forces", "RU"), ("armed_clash", "Ukrainian government", "UA")}
