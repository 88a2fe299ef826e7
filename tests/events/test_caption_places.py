"""Captions in the open-source-investigator genre: the town a caption opens with (in lower case, or as the modifier
of what it shows) is where its event is; a river, a street named after a town and the home town of volunteers or
a photographer are not; a weapon the model mistakes for a verb still types the event."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline import RawArticle

PUBLISHED = dt.date(2023, 6, 15)


def events(pipeline, text: str) -> list[tuple[str, str | None]]:
    result = pipeline.process(RawArticle(text=text, published=PUBLISHED, source="caption"))
    return [(e.event_type, e.location.name if e.location else None) for e in result.events]


@pytest.mark.parametrize("text, want", [
    # a town in lower case as the caption's label
    ("zaporizhzhia, explosions at the port", [("shelling", "Zaporizhzhia")]),
    ("sloviansk, apartment block hit", [("shelling", "Sloviansk")]),
    # a river with its article, and a street named after a town in its adjective form
    ("Bridge over the Desna near Chernihiv destroyed", [("infrastructure_disruption", "Chernihiv")]),
    ("Burning depot on Stryiska street, Lviv", [("infrastructure_disruption", "Lviv")]),
    # where volunteers or refugees come from is not where the caption's event is
    ("Dnipro volunteers evacuate residents from Orikhiv", [("evacuation", "Orikhiv")]),
    ("Kharkiv refugees arriving at the Lviv railway station", [("evacuation", "Lviv")]),
])
def test_a_caption_places_its_event_in_the_town_it_shows(pipeline, text, want):
    assert events(pipeline, text) == want


@pytest.mark.parametrize("text, want", [
    # 'Shahed' tagged as a verb and lemmatised 'shahe'; a guided bomb (KAB) named by its Russian abbreviation
    ("Dnipro, Shahed wreckage in a courtyard", [("air_drone_strike", "Dnipro")]),
    ("Kherson: KAB crater in a park", [("air_drone_strike", "Kherson")]),
    # a ground-launched missile named by its model is shelling, not an air strike
    ("Iskander strike on a hotel in Kramatorsk", [("shelling", "Kramatorsk")]),
    # a force leaving a place withdraws from it
    ("Video shows Russian forces leaving the town of Kreminna", [("territory_withdrawn", "Kreminna")]),
])
def test_a_caption_names_its_weapon_or_withdrawal(pipeline, text, want):
    assert events(pipeline, text) == want


@pytest.mark.parametrize("text, want", [
    # a side's flag shown over a place claims it, and troops shown raising one report that, not a sighting
    ("Ukrainian flag over the ruins of Robotyne", [("territory_captured", "Robotyne")]),
    ("Russian troops raise flag in Marinka", [("territory_captured", "Marinka")]),
    ("Pokrovsk: Ukrainian troops raise flag", [("territory_captured", "Pokrovsk")]),
    # broken windows are damage shown
    ("Dormitory in Sumy, broken windows", [("infrastructure_disruption", "Sumy")]),
    # a label the model tags wrong: part of it, or running past the dash into the caption
    ("nyzhnia duvanka, drone strike on Russian vehicles", [("air_drone_strike", "Nyzhnia Duvanka")]),
    ("Orlovka - Russian troops raise flag", [("territory_captured", "Orlivka")]),
    # an institution named after its town, in the possessive
    ("Odesa National Academy's main building damaged", [("infrastructure_disruption", "Odesa")]),
])
def test_a_caption_reports_what_it_shows_where_it_shows_it(pipeline, text, want):
    assert events(pipeline, text) == want
