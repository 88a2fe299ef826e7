"""Trigger words and their types, read from the parse of one sentence."""

from __future__ import annotations

import pytest

from frontline.triggers import find_triggers


@pytest.fixture(scope="module")
def types(pipeline):
    def _types(text, has_place=True):
        doc = pipeline.resources.nlp(text)
        return [(t.token.text, t.event_type) for s in doc.sents for t in find_triggers(s, has_place)]
    return _types


@pytest.mark.parametrize("text, expected", [
    ("Russian troops entered Hirske and surrounded up to 2,000 Ukrainian troops.",
     [("entered", "territory_captured"), ("surrounded", "encirclement")]),
    ("Ukrainian soldiers fled to Russia.", [("fled", "desertion")]),
    ("Civilians fled the city.", [("fled", "evacuation")]),
    ("Russian soldiers refuse to return to the front.", [("refuse", "desertion")]),
    ("The militia wanted to capture the vehicles intact.", []),
    ("Artillerymen destroyed a howitzer.", [("destroyed", "shelling")]),
    ("A missile destroyed a bridge.", [("destroyed", "infrastructure_disruption")]),
    ("Drones attacked the power plant.", [("attacked", "air_drone_strike")]),
    ("Russian soldiers are at the gates of Pokrovsk.", [("at", "armed_clash")]),
    ("Mothers took to the streets against the mobilization drive.",
     [("mobilization", "mobilization"), ("took", "protest")]),
])
def test_types(types, text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Russian forces did not capture Lysychansk.",                       # negated
    "Families face the risk of strikes.",                                # a possibility
    "The conflict that has killed thousands goes on.",                   # a summary of the war
    "He listed ‘liberation’ as a word of the year.",                     # a quoted word
    "We could not allow them to be surrounded.",                         # negated through the verb it complements
])
def test_no_occurrence(types, text):
    assert types(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Russian Armed Forces destroyed up to 60 servicemen in the Kherson direction.", [("destroyed", "armed_clash")]),
    ("Ukrainian Armed Forces lost up to 500 servicemen per day.", [("lost", "casualties")]),
    ("Southern group of troops continues offensive in Donetsk direction.", [("offensive", "armed_clash")]),
    ("They supplied offensive weapons.", []),
])
def test_military_report_forms(types, text, expected):
    assert types(text) == expected
