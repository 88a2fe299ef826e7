"""What one report says about who holds its settlement: the relation of the event to the place, on real wording."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from frontline.corpus.control_reading import front_sign, read_event, relation
from frontline.corpus.fuse import fuse_corpus
from frontline.models import Article, Claim, Event, EventDate, Evidence, Location, Party


def _event(sentence, mention, trigger):
    where = Location("X", 48.0, 38.0, "Donetsk", "UA", "settlement", 1, mention)
    return Event("e", "a", "shelling", where, EventDate(dt.date(2023, 2, 1), "day"), None, None, (), Claim(),
                 Evidence(sentence, 0, len(sentence)), 0.8, trigger=trigger)


# sentences of the UCDP development headlines (and two of their shapes)
@pytest.mark.parametrize(("sentence", "mention", "trigger", "expected"), [
    ("In the evening, the Russians shelled Slavyansk, a man died", "Slavyansk", "shelled", "in"),
    ("Russians attacked residential areas of Dnipro: there is a child among the dead", "Dnipro", "attacked", "in"),
    ("Border guards neutralized a Russian assault unit near Bakhmut", "Bakhmut", "neutralized", "near"),
    ("In the direction of Bakhmut, the border guards stopped another attempt to attack the Russians", "Bakhmut",
     "stopped", "near"),
    ("In one week, units of the National Guard eliminated more than 300 invaders on the outskirts of Bakhmut",
     "Bakhmut", "eliminated", "near"),
    ("Russian Armed Forces destroyed more than 70 military units of the Armed Forces of Ukraine in the area of Ugledar "
     "and Novodarovka", "Novodarovka", "destroyed", "near"),
    ("The RF Armed Forces repelled the offensive of the Armed Forces of Ukraine in the Kherson region", "Kherson",
     "offensive", "region"),
    ("Russian Armed Forces destroyed more than 70 military units in the Yuzhno-Donetsk and Zaporozhye directions",
     "Donetsk", "destroyed", "region"),
    ("Ceasefire at Ukraine airport after deadly clash: Kiev", "Kiev", "clash", "region"),
    ("DPR soldier killed in shelling by Kiev forces - militia", "Kiev", "shelling", "region"),
    ("Two people died in the Kirovsky district of Donetsk due to the shelling of the Armed Forces of Ukraine",
     "Donetsk", "shelling", "in"),
    ("A man died under the fire of the Armed Forces of Ukraine in the west of Donetsk , the mayor said", "Donetsk",
     "fire", "in"),
    ("The area concerned is close to the city of Kupiansk, occupied by Moscow forces from the first days of the war",
     "Kupiansk", "occupied", "in"),
])
def test_relation_of_the_event_to_its_settlement(sentence, mention, trigger, expected):
    assert relation(_event(sentence, mention, trigger)) == expected


def _fused(e):
    return fuse_corpus([e], {e.article_id: Article(e.article_id, "ok", None)})[0]


def test_a_strike_initiated_by_a_civil_authority_says_nothing_of_who_holds_the_place():
    # 'Donetsk OVA showed the consequences of a night missile attack on Kramatorsk': the administration reports it
    sentence = "Donetsk OVA showed the consequences of a night missile attack on Kramatorsk"
    e = replace(_event(sentence, "Kramatorsk", "attack"), event_type="air_drone_strike",
                initiator=Party("Ukrainian regional administration", "UA"))
    assert read_event(_fused(e), {e.event_id: e}) is None
    army = replace(e, initiator=Party("Armed Forces of Ukraine", "UA"))
    reading = read_event(_fused(army), {army.event_id: army})
    assert reading is not None and (reading.kind, reading.holder) == ("strike", "RU")


@pytest.mark.parametrize(("event_type", "sentence", "mention", "expected"), [
    ("armed_clash", "Border guards neutralized a Russian assault unit near Bakhmut", "Bakhmut", True),
    ("armed_clash", "Russian Armed Forces destroyed up to 35 Ukrainian military in the Kupyansk direction per day",
     "Kupyansk", True),
    ("territory_captured", "Armed Forces of Ukraine knocked out the enemy from positions in the Kramatorsk direction",
     "Kramatorsk", True),
    ("shelling", "In the evening, the Russians shelled Slavyansk, a man died", "Slavyansk", False),
])
def test_fighting_or_a_capture_in_or_around_a_place_is_a_front_sign(event_type, sentence, mention, expected):
    e = replace(_event(sentence, mention, ""), event_type=event_type)
    assert front_sign(_fused(e), {e.event_id: e}) is expected
    planned = replace(e, claim=Claim(modality="planned"))
    assert not front_sign(_fused(planned), {planned.event_id: planned})


def test_a_strike_on_people_behind_the_other_sides_lines_says_nothing_of_who_holds_the_place():
    # 'In Melitopol, a Ukrainian saboteur died in a car explosion - VGA of the city' (2022-09-25): Melitopol was
    # Russia's; the saboteur was behind its lines
    sentence = "In Melitopol, a Ukrainian saboteur died in a car explosion - VGA of the city"
    e = replace(_event(sentence, "Melitopol", "explosion"), initiator=Party("Russian forces", "RU"),
                target=Party("Ukrainian forces", "UA"))
    assert read_event(_fused(e), {e.event_id: e}) is None


def test_downing_an_aircraft_says_nothing_of_who_holds_the_ground():
    # '49 Ukrainian troops killed as transport plane downed in Lugansk' (2014-06-14)
    sentence = "49 Ukrainian troops killed as transport plane downed in Lugansk (PHOTOS, VIDEO)"
    e = replace(_event(sentence, "Lugansk", "downed"), event_type="air_drone_strike",
                initiator=Party("Pro-Russian separatists", "RU_aligned"), target=Party("Ukrainian forces", "UA"))
    assert read_event(_fused(e), {e.event_id: e}) is None
