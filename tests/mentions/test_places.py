"""Tests for frontline.mentions.places: places, namesakes and non-places in one-sentence texts."""

import pytest

from frontline.mentions.places import find_places
from frontline.nlp import Resources


@pytest.fixture(scope="module")
def res():
    return Resources.load()


def places(res, text):
    return [(m.text, m.place.geonames_id, m.precision) for m in find_places(res.nlp(text), res.gazetteer)]


def first_id(res, text, name):
    return next(m.place.geonames_id for m in find_places(res.nlp(text), res.gazetteer) if m.text == name)


def test_solone_near_the_border_of_an_oblast_is_outside_it(res):
    # Solone, Dnipropetrovsk oblast (693231, the largest namesake) lies inside the region the text says it is 8 km from
    text = "Shelling hit Soloné, eight kilometres from the border of the Dnipropetrovsk region."
    place = next(m.place for m in find_places(res.nlp(text), res.gazetteer) if m.text == "Soloné")
    assert place.admin1 != "Dnipropetrovsk"


def test_solone_with_oblast_context_and_border_of_this_region(res):
    text = ("In the Donetsk region, Russian troops advance westwards, towards the Dnipropetrovsk region. "
            "The village of Soloné, just eight kilometers from the border of this region, is now under Russian "
            "control.")
    assert first_id(res, text, "Soloné") == 9112243


def test_hirske_with_luhansk_context(res):
    assert first_id(res, "Russian troops entered Hirske in the Luhansk region.", "Hirske") == 708273


def test_lozova_is_the_kharkiv_town(res): assert first_id(res, "A missile struck Lozova on Sunday.", "Lozova") == 702760
def test_kupyansk(res): assert first_id(res, "Explosions were heard in Kupyansk.", "Kupyansk") == 703656
def test_sjevjerodonetsk(res): assert first_id(res, "Zware gevechten in Sjevjerodonetsk.", "Sjevjerodonetsk") == 691999
def test_gukovo_in_rostov(res): assert first_id(res, "Drones hit an oil depot in Gukovo.", "Gukovo") == 558082
def test_kazan_is_russia(res): assert places(res, "A drone hit a factory in Kazan.")[0][1] == 551487
def test_moscow_said_is_not_a_place(res): assert places(res, "Moscow said the strikes would continue.") == []
def test_kyiv_denies_is_not_a_place(res): assert places(res, "Kyiv denies the claim.") == []
def test_dodge_is_not_a_place(res): assert places(res, "Residents wanted to get out of Dodge.") == []
def test_russian_is_not_a_place(res): assert places(res, "Russian troops advanced.") == []
def test_lugansk_region_is_admin1(res):
    assert places(res, "Fighting raged in the Lugansk region.") == [("Lugansk region", 702657, "admin1")]
def test_donetsk_oblast_is_admin1(res): assert places(res, "Shelling in Donetsk oblast.")[0][1:] == (709716, "admin1")
def test_region_of_luhansk_is_admin1(res):
    assert places(res, "Shelling hit the industrial region of Luhansk.")[0][1:] == (702657, "admin1")
def test_luhansk_regional_governor_is_admin1(res):
    assert places(res, "The Luhansk regional governor spoke.")[0][1:] == (702657, "admin1")
def test_cities_of_luhansk_and_donetsk_are_settlements(res):
    assert [p[2] for p in places(res, "Protests in the cities of Luhansk and Donetsk.")] == ["settlement", "settlement"]
def test_donbas_is_region(res): assert places(res, "Battles in the Donbas continue.")[0][2] == "region"
def test_km_south_of_is_district(res):
    assert places(res, "A village about 10 km south of Bakhmut was shelled.")[0][2] == "district"
def test_offsets_are_into_text(res):
    text = "Russian forces shelled Kramatorsk."
    m = find_places(res.nlp(text), res.gazetteer)[0]
    assert text[m.start:m.end] == "Kramatorsk"


def test_a_front_direction_is_the_sector_around_its_town(res):
    mentions = find_places(res.nlp("In the Bakhmut direction, 37 clashes took place during the day."), res.gazetteer)
    assert [(m.place.geonames_id, m.precision) for m in mentions] == [(713174, "district")]


def test_a_name_tagged_as_adjective_after_a_preposition_is_a_place(res):
    mentions = find_places(res.nlp("Ukraine orders mandatory evacuation of Vuhledar"), res.gazetteer)
    assert ("Vuhledar", 690823) in [(m.text, m.place.geonames_id) for m in mentions]
