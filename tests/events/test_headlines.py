"""A file of one headline a line, as feeds and wire lists come: every headline is its own sentence and event.

Each line of ``data/headlines.txt`` is written for this test (realistic wire headlines, not copied from the
sample corpus); the expectations are what an analyst would code from the headline alone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontline import api

HEADLINES = Path(__file__).parent.parent / "data" / "headlines.txt"

EXPECTED = [
    ("Two killed in Russian shelling of Kharkiv", "shelling", "Kharkiv"),
    ("Ukrainian forces retake Kherson after Russian withdrawal", "territory_captured", "Kherson"),
    ("Russia says it has captured Bakhmut; Kyiv denies", "territory_captured", "Bakhmut"),
    ("Five civilians killed as missile hits apartment block in Dnipro", "shelling", "Dnipro"),
    ("Russian troops advance near Avdiivka, Ukrainian military says", "armed_clash", "Avdiivka"),
    ("EU agrees new sanctions package against Russia", "sanction", None),
    ("Hundreds evacuated from Kupiansk as Russian forces close in", "evacuation", "Kupiansk"),
    ("Police detain protesters in Moscow after anti-war rally", "protest", "Moscow"),
    ("Ukraine orders mandatory evacuation of Vuhledar", "evacuation", "Vuhledar"),
    ("Russian forces encircle Ukrainian troops near Lysychansk", "encirclement", "Lysychansk"),
]


@pytest.fixture(scope="module")
def events(pipeline):
    (result,) = api.extract([HEADLINES], published=dt.date(2023, 5, 10), pipeline=pipeline)
    return result.events


@pytest.mark.parametrize("headline, event_type, place", EXPECTED)
def test_each_headline_gives_its_event(events, headline, event_type, place):
    found = [e for e in events if e.evidence.sentence == headline and e.event_type == event_type]
    assert found, [(e.event_type, e.evidence.sentence) for e in events if e.evidence.sentence == headline]
    assert (found[0].location.name if found[0].location else None) == place


def test_no_event_spans_two_headlines(events):
    lines = set(HEADLINES.read_text(encoding="utf-8").splitlines())
    assert all(e.evidence.sentence in lines for e in events)


def test_the_denied_capture_is_contested(events):
    capture = [e for e in events if e.event_type == "territory_captured" and e.location
               and e.location.name == "Bakhmut"][0]
    assert capture.claim.claimed_by.side == "RU" and capture.claim.contested
