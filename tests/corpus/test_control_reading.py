"""What one report says about who holds its settlement: the relation of the event to the place, on real wording."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.corpus.control_reading import relation
from frontline.models import Claim, Event, EventDate, Evidence, Location


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
