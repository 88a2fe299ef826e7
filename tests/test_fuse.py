"""Within-article fusion of repeated reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontline.fuse import fuse_article, same_event
from frontline.models import Claim, Event, EventDate, Evidence, Location, Party, Quantity


def ev(etype="territory_captured", place="Hirske", day=None, text=None, by=None, modality="claimed", init="RU"):
    loc = Location(place, 48.7, 38.5, "Luhansk", "UA", "settlement", 708273) if place else None
    return Event(event_id=f"{etype}{place}{day}{by}", article_id="a", event_type=etype, location=loc,
                 date=EventDate(day or dt.date(2022, 6, 25), "day", None, text),
                 initiator=Party("Russian forces", init) if init else None, target=None, quantities=(),
                 claim=Claim(Party(by, "UA") if by else None, modality), evidence=Evidence("s", 0, 1), confidence=0.6)


def test_headline_and_body_report_of_one_capture_merge_and_keep_the_explicit_date():
    body = ev(day=dt.date(2022, 6, 24), text="yesterday", by="Oleksiy Babchenko")
    head = ev(by=None, modality="asserted")
    fused = fuse_article([head, body])
    assert len(fused) == 1
    assert fused[0].date.start == dt.date(2022, 6, 24) and fused[0].claim.claimed_by.name == "Oleksiy Babchenko"
    assert fused[0].claim.modality == "claimed"


def test_different_places_dates_or_sides_stay_apart():
    assert not same_event(ev(place="Hirske"), ev(place="Lysychansk"))
    assert not same_event(ev(day=dt.date(2022, 3, 1), text="in March"), ev(day=dt.date(2022, 9, 1), text="in Sept"))
    assert not same_event(ev(init="RU"), ev(init="UA"))


def test_placeless_events_merge_only_when_one_speaker_repeats_himself():
    a = ev("negotiation", place=None, by="Dmytro Kuleba")
    assert same_event(a, ev("negotiation", place=None, by="Dmytro Kuleba"))
    assert not same_event(a, ev("negotiation", place=None, by="Volodymyr Zelensky"))
    assert not same_event(ev("armed_clash", place=None), ev("armed_clash", place=None))


def test_a_shared_count_fuses_an_oblast_report_into_the_settlement(run):
    text = ("The Russian Defence Ministry said it surrounded up to 2,000 Ukrainian troops in Hirske.\n\n"
            "Moscow said it surrounded around 2,000 Ukrainian troops in the Luhansk region.")
    got = [(e.event_type, e.location.name) for e in run(text).events]
    assert got == [("encirclement", "Hirske")]


def test_an_undated_report_is_not_the_fighting_told_since_months_ago():
    since = ev("armed_clash", day=dt.date(2022, 2, 24), text="since the start of the war")
    assert not same_event(ev("armed_clash"), since)
    assert same_event(ev("armed_clash"), ev("armed_clash", day=dt.date(2022, 6, 20), text="on Monday"))


def test_an_undated_statement_merges_with_the_planned_event_it_repeats():
    planned = ev("territory_withdrawn", day=dt.date(2022, 6, 24), text="last night", modality="planned")
    assert same_event(ev("territory_withdrawn", modality="asserted"), planned)
    assert not same_event(ev("territory_withdrawn", day=dt.date(2022, 6, 23), text="on Thursday",
                             modality="asserted"), planned)


def _inherited(e, mention):
    """The event with its place taken from a neighbouring sentence: the evidence does not name it."""
    return replace(e, location=replace(e.location, mention=mention), evidence=Evidence("they keep refusing", 0, 1))


def test_a_placeless_report_and_a_repeat_with_no_fact_of_its_own_are_one_event():
    head = ev("desertion", place=None, modality="asserted")
    later = _inherited(ev("desertion", place="Hirske", modality="asserted"), "Hirske")
    fused = fuse_article([head, later])
    assert len(fused) == 1 and fused[0].location is None     # the place was only inherited, not told


def _named(e):
    """The event with its place named in its own evidence."""
    return replace(e, location=replace(e.location, mention="Hirske"), evidence=Evidence("fighting in Hirske", 0, 1))


def test_a_report_with_a_date_of_its_own_is_not_a_repeat_of_one_with_a_place_of_its_own():
    placed = _named(ev("desertion", modality="asserted"))
    dated = ev("desertion", place=None, day=dt.date(2022, 6, 24), text="yesterday", modality="asserted")
    assert not same_event(placed, dated)


def test_a_report_joins_the_earlier_one_of_its_own_place_rather_than_a_placeless_one():
    placeless = ev("armed_clash", place=None, day=dt.date(2022, 6, 20), text="on Monday", modality="asserted")
    placed = _named(ev("armed_clash", by="Oleksiy Babchenko"))
    repeat = _inherited(ev("armed_clash", modality="asserted"), "Hirske")
    assert same_event(placeless, repeat)
    fused = fuse_article([placeless, placed, repeat])
    assert [(e.location.name if e.location else None, e.date.text, e.confidence) for e in fused] == \
        [(None, "on Monday", 0.6), ("Hirske", None, 0.65)]


def test_the_articles_own_account_of_fighting_and_a_sources_report_stay_apart():
    own = replace(ev("armed_clash", by=None, modality="asserted"), evidence=Evidence("s", 300, 360))
    sourced = replace(ev("armed_clash", by="Kharkiv regional administration"), evidence=Evidence("t", 400, 460))
    assert not same_event(own, sourced)
    headline = replace(own, evidence=Evidence("s", 0, 40))
    assert same_event(headline, sourced)
    # a single incident told by the journalist and by a source is one incident
    assert same_event(replace(own, event_type="territory_captured"), replace(sourced, event_type="territory_captured"))


def test_the_more_specific_claimant_of_two_tellings_wins():
    government = ev("encirclement", by="Ukrainian government")
    office = ev("encirclement", by="Ukrainian Defence Ministry")
    person = replace(ev("encirclement"), claim=Claim(Party("Oleh Kiper", "UA", "governor of Odesa oblast"), "claimed"))
    assert fuse_article([government, office])[0].claim.claimed_by.name == "Ukrainian Defence Ministry"
    assert fuse_article([office, government])[0].claim.claimed_by.name == "Ukrainian Defence Ministry"
    assert fuse_article([office, person])[0].claim.claimed_by.name == "Oleh Kiper"


def _counting(e, *quantities):
    return replace(e, quantities=tuple(Quantity(v, unit, role, approx) for v, unit, role, approx in quantities))


def test_two_groups_counted_apart_are_two_events_but_a_rising_toll_is_one():
    family = _counting(ev("evacuation", modality="asserted", init=None), (2, "children", "evacuated", False))
    other = _counting(ev("evacuation", modality="asserted", init=None), (5, "children", "evacuated", False))
    assert not same_event(family, other)
    about = _counting(ev("evacuation", modality="asserted", init=None), (24, "children", "evacuated", True))
    assert same_event(family, about)
    held = _counting(ev(modality="asserted"), (70, "percent", "controlled", False))
    regained = _counting(ev(modality="asserted"), (20, "percent", "recaptured", False))
    assert not same_event(held, regained)
    first = _counting(ev("shelling", modality="asserted"), (12, "people", "killed", False))
    update = _counting(ev("shelling", modality="asserted"), (14, "people", "killed", False))
    assert same_event(first, update)


def test_a_persons_placeless_account_does_not_fold_into_the_articles_own_report():
    own = replace(ev("armed_clash", by=None, modality="asserted"), evidence=Evidence("fighting in Hirske", 300, 360))
    own = replace(own, location=replace(own.location, mention="Hirske"))
    account = replace(ev("armed_clash", place=None, by="Oleksiy Babchenko"), evidence=Evidence("t", 400, 460))
    assert not same_event(own, account)
