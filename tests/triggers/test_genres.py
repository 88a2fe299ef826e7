"""Caption genres: a caption line naming its town reports what it shows, though no lexicon word names an event."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, expected", [
    # damage shown, told with a participle after its noun, a state or a fronted participle
    ("Apartment block destroyed in Izium", [("destroyed", "infrastructure_disruption")]),
    ("Shopping centre in Kremenchuk on fire", [("fire", "infrastructure_disruption")]),
    ("Residential building engulfed in flames in Chuhuiv", [("engulfed", "infrastructure_disruption")]),
    ("A school was targeted in Kharkiv, Kharkiv Oblast", [("targeted", "infrastructure_disruption")]),
    # the impact of a named weapon, typed by the weapon
    ("Shahed impact on a warehouse in Lviv", [("impact", "air_drone_strike")]),
    ("Missile impact in central Dnipro", [("impact", "shelling")]),
    # the aftermath
    ("Mass graves at Manhush near Mariupol seen on satellite images", [("graves", "violence_against_civilians")]),
    # forces present or moving
    ("Russian reconnaissance drone over Kupiansk", [("drone", "other")]),
    ("Drone operating above Bakhmut", [("Drone", "other")]),
    ("Russian positions near Robotyne", [("positions", "other")]),
    ("Failed river crossing at Bilohorivka, Luhansk Oblast", [("crossing", "armed_clash")]),
    # inflected forms the small model leaves unlemmatised, and a flag put up over a place
    ("Shelled kindergarten in Okhtyrka", [("Shelled", "shelling")]),
    ("Bridge over the Siverskyi Donets blown up in Raihorodok", [("blown", "infrastructure_disruption")]),
    ("Ukrainian flag raised in Vysokopillia", [("flag", "territory_captured")]),
    # what is left, and what was dropped
    ("Volunteers clearing rubble in Irpin", [("rubble", "infrastructure_disruption")]),
    ("Quadcopter dropping munitions on a trench near Klishchiivka", [("dropping", "air_drone_strike")]),
    # armed men and aircraft shown in a place
    ("Chechen fighters in the streets of Rubizhne", [("fighters", "other")]),
    ("Helicopter flying low over Izium", [("Helicopter", "other")]),
    # a launch, what is left unexploded, a flag taken down
    ("Ukrainian HIMARS launch near Bakhmut", [("launch", "shelling")]),
    ("Unexploded mortar round in a garden in Orikhiv", [("Unexploded", "shelling")]),
    ("Ukrainian flag torn down from the council building in Vovchansk", [("flag", "territory_captured")]),
    # fighting, people leaving, machines knocked out or left behind
    ("Ukrainian BMP engaging Russian infantry in Robotyne", [("engaging", "armed_clash")]),
    ("Drone video of Russian losses near Novomykhailivka", [("losses", "armed_clash")]),
    ("Bus station in Pokrovsk crowded with evacuees", [("evacuees", "evacuation")]),
    ("Russian T-80 knocked out near Bilohorivka", [("knocked", "armed_clash")]),
    ("Sappers demining a field near Izium", [("Sappers", "other")]),
    # an aircraft brought down, property looted
    ("Shot-down Su-25 near Popasna", [("Shot", "armed_clash")]),
    ("Looted pharmacy in Melitopol", [("Looted", "violence_against_civilians")]),
    # guns and obstacles shown in a place; a drone brought down
    ("Ukrainian artillery near Bakhmut", [("artillery", "other")]),
    ("Minefield near Robotyne", [("Minefield", "other")]),
    ("Downed Shahed in Kyiv", [("Downed", "air_drone_strike")]),
    # people greeting troops, a place razed, air defence at work, fortifications and a military crossing
    ("Residents greet Ukrainian soldiers in Kupiansk", [("greet", "territory_captured")]),
    ("Locals welcome Ukrainian forces in Snihurivka", [("welcome", "territory_captured")]),
    ("Nothing left of Krasnohorivka", [("left", "infrastructure_disruption")]),
    ("Nothing is left of the village of Bohorodychne", [("left", "infrastructure_disruption")]),
    ("Interception of a ballistic missile over Kyiv", [("Interception", "shelling")]),
    ("Dragon's teeth along the road outside Zaporizhzhia", [("teeth", "other")]),
    ("Russian pontoon bridge over the Siverskyi Donets near Dronivka", [("pontoon", "other")]),
    # a dam broken, a launcher sighted, a funeral
    ("Dam breached near Nova Kakhovka", [("breached", "infrastructure_disruption")]),
    ("Buk launcher spotted near Tokmak", [("launcher", "other")]),
    ("Funeral of the victims in Kramatorsk", [("Funeral", "other")]),
])
def test_a_caption_naming_its_town_reports_what_it_shows(types, text, expected):
    assert types(text) == expected


@pytest.mark.parametrize("text, has_place", [
    ("Apartment block destroyed in Izium", False),     # a caption that names no place is not read
    ("The museum keeps the positions of the old fortress on a map of the region.", True),  # prose, not a caption
    ("Children play in Izium as smoke rises over the town", True),   # the smoke is the setting
    ("Kyiv base rate cut to 15 percent", True),         # a genre word qualifying a noun of no genre
    ("Smoke-free cafes open in Lviv", True),
    ("Drone show in Kyiv celebrates Independence Day", True),
    ("Analysts believe Russia will attack Zaporizhzhia", True),     # only believed
    ("Economic impact of the war in Kharkiv", True),    # an impact with no weapon shows no damage
    ("Residents greet the new year in Lviv", True),
    ("Nothing left to say about Kyiv", True),           # 'left' of nothing razed
])
def test_no_genre_reading_outside_a_caption_that_names_a_place(types, text, has_place):
    assert types(text, has_place) == []


def test_troops_greeted_by_no_people_of_the_place_take_nothing(types):
    # a visit: no people of the place greet them (the soldiers are still seen there)
    assert ("greets", "territory_captured") not in types("Zelensky greets soldiers in Bakhmut")


def test_combat_recorded_in_a_place_is_a_clash(types):
    assert types("Combat footage from Marinka") == [("Combat", "armed_clash")]
    assert ("Combat", "armed_clash") not in types("Combat vehicles parked in Lviv")


def test_a_participle_hung_on_a_models_name_is_what_the_caption_shows(types):
    assert [w for w, _ in types("Burned T-72B3 near Terny")] == ["Burned"]


def test_a_counteroffensive_the_model_tags_as_an_adjective_is_a_clash(types):
    assert types("Ukrainian counteroffensive near Verbove") == [("counteroffensive", "armed_clash")]


def test_a_sentence_saying_what_a_picture_shows_is_a_caption(types):
    assert types("Satellite imagery shows fires burning at the Saky airbase.") != []
    assert types("Drone footage shows the ruins of Marinka.") != []
    # a full sentence of prose is not
    assert types("The museum keeps photos of the old fortress in Izium.") == []
