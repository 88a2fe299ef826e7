"""A fight told in the first person by a claimant of a warring side is that side's."""

from __future__ import annotations

import datetime as dt

from frontline.events.candidate import Candidate
from frontline.events.claims import with_claims
from frontline.events.referents import SPOKEN_FORCE
from frontline.models import Claim, Event, EventDate, Evidence, Party


def _candidate(event_type, first_person=True):
    event = Event(event_id="e", article_id="a", event_type=event_type, location=None,
                  date=EventDate(dt.date(2022, 6, 25), "day", None, None), initiator=None, target=None,
                  quantities=(), claim=Claim(), evidence=Evidence("We have recovered it.", 0, 21), confidence=0.5,
                  trigger="recovered")
    return Candidate(event, 2, 0, 0, first_person)


def test_first_person_fight_is_the_claimants_side():
    governor = Party("Serhiy Haidai", "UA", "governor")
    (cand,) = with_claims([_candidate("territory_captured")], [Claim(claimed_by=governor, modality="claimed")])
    assert cand.event.initiator == SPOKEN_FORCE["UA"] and cand.event.target == SPOKEN_FORCE["RU"]
    assert cand.event.claim.claimed_by == governor


def test_no_fight_no_side():
    governor = Party("Serhiy Haidai", "UA", "governor")
    (cand,) = with_claims([_candidate("negotiation")], [Claim(claimed_by=governor, modality="claimed")])
    assert cand.event.initiator is None
