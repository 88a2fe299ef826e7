"""Where an event is: place names in the possessive ('Kyiv's Independence Square') locate it; a state in the
possessive acting ('Kiev's military crackdown') does not."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline import RawArticle

PUBLISHED = dt.date(2015, 5, 10)


def places(pipeline, text: str) -> list[tuple[str, str | None]]:
    result = pipeline.process(RawArticle(text=text, published=PUBLISHED))
    return [(e.event_type, e.location.name if e.location else None) for e in result.events]


@pytest.mark.parametrize("text, want", [
    ("Dead man found hanging on Kiev's Independence Square - police", [("casualties", "Kyiv")]),
    ("Russian drones hit Kharkiv's Saltivka district overnight.", [("air_drone_strike", "Saltivka")]),
    ("A missile struck Odesa's port on Monday.", [("shelling", "Odesa")]),
    ("Kiev's military crackdown killed dozens.", [("casualties", None)]),
    ("Two civilians died after Kiev shelling in Horlivka.", [("shelling", "Horlivka")]),
])
def test_a_place_in_the_possessive_locates_its_site(pipeline, text, want):
    assert places(pipeline, text) == want


@pytest.mark.parametrize("text, want", [
    ("More clashes near Donetsk airport, three Ukrainian soldiers killed - Kiev", [("armed_clash", "Donetsk")]),
    ("Shelling continues in Avdiivka - Donetsk", [("shelling", "Avdiivka")]),
    ("Heavy fighting reported: Donetsk region", [("armed_clash", "Donetsk")]),
    ("Russian missiles hit Kyiv - Klitschko", [("shelling", "Kyiv")]),
])
def test_a_headlines_closing_source_is_not_a_place(pipeline, text, want):
    assert places(pipeline, text) == want


@pytest.mark.parametrize("text, want", [
    ("Shelling in Kamianka-Dniprovska killed two.", [("shelling", "Kamianka-Dniprovska")]),
    ("Shelling in east Ukraine's Donetsk kills four civilians", [("shelling", "Donetsk")]),
    ("Fighting near Bakhmut left three soldiers dead.", [("armed_clash", "Bakhmut")]),
])
def test_an_attack_as_the_subject_of_its_harm_is_an_event_where_it_happened(pipeline, text, want):
    assert places(pipeline, text) == want


@pytest.mark.parametrize("text, want", [
    ("Russian shelling killed a woman and injured two children in Kherson.", [("shelling", "Kherson")]),
    ("Troops stormed and captured Klishchiivka.",
     [("armed_clash", "Klishchiivka"), ("territory_captured", "Klishchiivka")]),
    ("Ukrainian forces advanced and took control of Robotyne.",
     [("armed_clash", "Robotyne"), ("territory_captured", "Robotyne")]),
    ("Russian drones attacked and set fire to a warehouse in Odesa on Monday.", [("air_drone_strike", "Odesa")]),
    ("Russian shelling killed a woman and injured two children in Kherson on Tuesday.", [("shelling", "Kherson")]),
])
def test_coordinated_verbs_share_the_place_the_last_one_names(pipeline, text, want):
    assert places(pipeline, text) == want


@pytest.mark.parametrize("text, want", [
    ("Russia invaded Ukraine in 2022 and captured Bakhmut in May 2023.",
     [("armed_clash", None), ("territory_captured", "Bakhmut")]),
    ("Russian troops shelled Kharkiv and captured two villages near Kupiansk.",
     [("shelling", "Kharkiv"), ("territory_captured", "Kupiansk")]),
    ("Russia invaded Ukraine and captured two villages near Kupiansk.",
     [("armed_clash", None), ("territory_captured", "Kupiansk")]),
    ("Russian troops withdrew and Ukrainian forces entered Kherson.",
     [("territory_withdrawn", None), ("territory_captured", "Kherson")]),
])
def test_a_verb_with_a_place_or_object_of_its_own_keeps_it(pipeline, text, want):
    assert places(pipeline, text) == want


@pytest.mark.parametrize("text, want", [
    ("Russian forces pounded Severodonetsk's twin city of Lysychansk.", [("shelling", "Lysychansk")]),
    ("Fighting raged in Bakhmut's neighbouring town of Soledar.", [("armed_clash", "Soledar")]),
    ("Two people were killed in Kharkiv's suburb of Tsyrkuny.", [("casualties", "Tsyrkuny")]),
    ("Russian forces shelled Kharkiv's suburb, Tsyrkuny, on Monday.", [("shelling", "Tsyrkuny")]),
    ("Fighting raged in the Donetsk region's town of Chasiv Yar.", [("armed_clash", "Chasiv Yar")]),
])
def test_a_possessive_phrase_that_names_its_own_place_is_at_that_place(pipeline, text, want):
    assert places(pipeline, text) == want


STORY = "Taras joined a brigade fighting near Vuhledar in March. His company was short of ammunition.\n\n"


@pytest.mark.parametrize("text, want", [
    (STORY + "In July, Taras went awol after his commander was killed.",
     [("armed_clash", "Vuhledar"), ("desertion", "Vuhledar"), ("casualties", None)]),
    (STORY + "In July, he deserted with two friends.", [("armed_clash", "Vuhledar"), ("desertion", "Vuhledar")]),
    ("Taras joined a brigade fighting near Vuhledar in March.\n\nIn July, dozens of soldiers deserted.",
     [("armed_clash", "Vuhledar"), ("desertion", None)]),
    ("Taras joined a brigade fighting near Vuhledar in March.\n\nDesertions have risen sharply this year.",
     [("armed_clash", "Vuhledar"), ("desertion", None)]),
    ("The 47th brigade was sent to Avdiivka in October. Its soldiers were exhausted.\n\n"
     "In February, the brigade surrendered.", [("surrender", "Avdiivka")]),
    ("A company held the line near Vuhledar for weeks.\n\nIn February, the company went awol.",
     [("desertion", "Vuhledar")]),
    ("A company held the line near Vuhledar for weeks.\n\nIn February, another company went awol.",
     [("desertion", None)]),
    ("Ukrainian units are holding the line near Pokrovsk.\n\nThousands of soldiers have deserted this year.",
     [("desertion", None)]),
])
def test_a_desertion_is_where_the_story_put_the_deserter(pipeline, text, want):
    assert places(pipeline, text) == want


@pytest.mark.parametrize("text", [
    "Many soldiers sent to Zaporizhzhia are exhausted. There have been more than 20,000 cases of desertion.",
    "Many soldiers sent to Zaporizhzhia are exhausted.\n\nThere have been more than 20,000 cases of desertion.",
])
def test_a_count_of_desertions_is_a_statistic_without_a_place(pipeline, text):
    assert places(pipeline, text) == [("desertion", None)]


def test_an_expletive_there_refers_to_no_place(pipeline):
    text = "Russian troops attacked Robotyne on Monday.\n\nThere have been 40 civilians killed by drones since May."
    assert places(pipeline, text) == [("armed_clash", "Robotyne"), ("casualties", None)]
    text = "Russian troops attacked Robotyne on Monday.\n\nThere, three Ukrainian soldiers were killed."
    assert places(pipeline, text) == [("armed_clash", "Robotyne"), ("casualties", "Robotyne")]


CROSSING = ("About 100 Ukrainian soldiers crossed into Russia at the Gukovo checkpoint on Sunday. They asked for "
            "refuge. The guards let them in.\n\n")


def test_a_country_is_the_town_the_story_placed_its_people_in(pipeline):
    text = CROSSING + "One of the soldiers was seriously injured on his arrival in Russia."
    assert places(pipeline, text) == [("desertion", "Gukovo"), ("casualties", "Gukovo")]


def test_a_country_stays_a_country_for_people_the_story_did_not_place(pipeline):
    text = ("Russian missiles struck Kharkiv on Monday. Rescuers worked through the night. The mayor visited the "
            "site.\n\nIn Ukraine, the war has killed more than 10,000 civilians, the UN says.")
    assert places(pipeline, text) == [("shelling", "Kharkiv"), ("casualties", "Ukraine")]


def test_a_town_opening_a_statement_is_where_its_events_are_not_a_capital_or_a_home(run):
    def places(text):
        return [(e.event_type, e.location.name if e.location else None) for e in run(text, "2024-03-04").events]
    assert places("In Kherson, the governor said shelling killed two.") == [("shelling", "Kherson")]
    assert places("In Moscow, the Kremlin said the strikes would go on.") == [("air_drone_strike", None)]
    assert places("Speaking in Geneva, the UN rights chief said shelling killed two.") == [("shelling", None)]
