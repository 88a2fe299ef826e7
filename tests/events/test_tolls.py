"""Tolls: this incident's dead apart from running totals and from a side's claim of its enemy's losses."""

from __future__ import annotations

import pytest

from frontline.export.acled import fatalities


def tolls(result):
    """(event type, fatalities, [(value, role, kind)]) of each event."""
    return [(e.event_type, fatalities(e), [(q.value, q.role, q.kind) for q in e.quantities
                                           if q.role in ("killed", "injured", "killed_or_injured")])
            for e in result.events]


def killed(result) -> int:
    return sum(fatalities(e) for e in result.events)


@pytest.mark.parametrize("text", [
    "Armed Forces of Ukraine lost 4,000 killed in Kharkiv and Nikolaev-Kryvyi Rih directions - Russian Defense Ministry",
    "More than 30 Ukrainian soldiers killed in DPR in 24 hours - Basurin",
    "Russian Armed Forces killed up to 60 servicemen of the Armed Forces of Ukraine in the Kherson direction - "
    "Russian Defense Ministry",
    "In the south, the defenders killed almost 140 invaders near Kherson",
])
def test_a_sides_claim_of_its_enemys_dead_is_kept_as_a_claim_not_a_fatality(run, text):
    result = run(text)
    assert killed(result) == 0
    assert any(q.kind == "claimed_enemy_losses" for e in result.events for q in e.quantities)


def test_a_sides_own_dead_are_fatalities(run):
    result = run("Five DPR servicemen have died in battles with the Armed Forces of Ukraine near Horlivka - Basurin")
    assert killed(result) == 5


@pytest.mark.parametrize("text, period", [
    ("More than 9,000 civilians have been killed in Ukraine since the start of the war, the UN said.",
     "since the start of the war"),
    ("So far 450 bodies have been exhumed in Izium, the governor said.", "So far"),
    ("In three months, 300 civilians were killed in Kharkiv region.", "In three months"),
])
def test_a_running_total_is_its_own_statement_with_its_period(run, text, period):
    result = run(text)
    assert killed(result) == 0
    totals = [q for e in result.events for q in e.quantities if q.kind == "casualty_total"]
    assert totals and totals[0].period == period


def test_a_national_figure_is_a_total(run):
    assert killed(run("As a result of the armed aggression of Russia in Ukraine, 418 children were killed")) == 0


def test_killed_and_wounded_is_not_killed(run):
    result = run("Ukrainian troops lost up to 120 soldiers killed and wounded near Kharkiv.")
    assert killed(result) == 0
    assert any(q.role == "killed_or_injured" and q.value == 120 for e in result.events for q in e.quantities)


def test_a_days_toll_of_one_attack_is_the_attacks(run):
    result = run("Two civilians were killed in the Russian shelling of Kramatorsk on Tuesday.")
    assert killed(result) == 2


def test_one_sentences_number_counts_on_one_event(run):
    result = run("Ukrainian fighters counterattacked near Bakhmut and the enemy fled from the positions, 12 were killed.")
    assert killed(result) <= 12


def test_two_equal_numbers_of_two_roles_are_two_counts(run):
    result = run("Russian forces shelled Kharkiv on Friday: ten were killed and ten injured.")
    assert sorted((q.value, q.role) for e in result.events for q in e.quantities) == [(10, "injured"), (10, "killed")]


@pytest.mark.parametrize("text", [
    "More than 9,000 killed since start of Ukraine conflict: UN",
    "Over 200 people killed in DPR in shelling by Ukrainian troops since year beginning - ombudsman",
    "72 Ukrainian soldiers killed in Russia's war this year",
])
def test_running_totals_in_headline_wording(run, text):
    assert killed(run(text)) == 0


def test_the_same_toll_told_again_counts_once(run):
    text = ("Rebels shoot down Malaysian airliner over Ukraine, 295 dead\n"
            "Malaysian airliner downed in Ukraine war zone, 295 dead")
    assert killed(run(text, "2014-07-17")) == 295


def test_a_toll_placed_at_the_country_only_by_the_next_line_is_the_incidents(run):
    text = "Twelve Ukrainian fighters killed in separatist ambush\nThe ambush took place in Ukraine"
    assert killed(run(text, "2014-08-01")) == 12


def test_a_toll_in_part_of_the_country_is_no_national_total(run):
    assert killed(run("Six soldiers killed in fighting in eastern Ukraine", "2014-08-01")) == 6


@pytest.mark.parametrize("text", [
    "Russian troops fought Ukrainian units near Vuhledar on Monday. According to Russian sources, up to 70 Ukrainian "
    "soldiers were killed.",
    "Ukrainian forces repelled an assault near Robotyne on Monday. The invaders lost 40 killed near Robotyne, "
    "Verbove and Novoprokopivka.",
])
def test_a_claim_of_enemy_losses_right_after_the_clash_is_that_clashs_claimed_toll(run, text):
    result = run(text, "2024-03-05")
    assert len(result.events) == 1
    (event,) = result.events
    assert fatalities(event) == 0
    assert [q.kind for q in event.quantities if q.role == "killed"] == ["claimed_enemy_losses"]
    assert any("killed" in q.evidence.sentence for q in event.quantities if q.evidence is not None)


def test_a_running_total_after_a_clash_stays_a_statement_of_its_own(run):
    result = run("Russian troops fought Ukrainian units near Vuhledar on Monday. More than 9,000 Ukrainian soldiers "
                 "have been killed since the start of the war, its army said.", "2024-03-05")
    assert len(result.events) == 2 and killed(result) == 0


def test_damage_told_right_after_the_attack_at_its_place_is_the_attacks(run):
    result = run("Russian forces shelled Nikopol on Monday. Residential buildings and a power line were damaged.",
                 "2023-06-10")
    assert [e.event_type for e in result.events] == ["shelling"]
    assert [m.sentence for m in result.events[0].more_evidence] == [
        "Residential buildings and a power line were damaged."]


def test_damage_at_another_place_stays_its_own_event(run):
    result = run("Russian forces shelled Nikopol on Monday. In Kharkiv, the power station was damaged and the city "
                 "is without electricity.", "2023-06-10")
    assert len(result.events) == 2


# --- the attack a later sentence names ------------------------------------------------------------------------------

def test_a_toll_killed_in_the_strike_is_the_attack_told_before(run):
    result = run("A Russian missile hit a residential building in Serhiivka, Odesa region. "
                 "21 civilians were killed in the strike.")
    assert [(t, f) for t, f, _ in tolls(result)] == [("shelling", 21)]


def test_one_more_dead_adds_to_the_attacks_toll(run):
    result = run("A Russian missile hit a residential building in Serhiivka, Odesa region. 21 civilians were killed. "
                 "Two days later, one more woman injured in the strike died in hospital.")
    assert killed(result) == 22 and len(result.events) == 1


def test_one_more_within_a_total_adds_nobody(run):
    result = run("The death toll rose to 22 after one more woman died in hospital, the governor of Odesa said.")
    assert killed(result) == 22


def test_the_attack_named_is_the_one_of_its_kind(run):
    result = run("Russian troops shelled Kherson. Later, a Russian air strike hit Mykolaiv, killing two. "
                 "Three people were injured in the shelling.")
    by_place = {e.location.name: e for e in result.events}
    assert set(by_place) == {"Kherson", "Mykolaiv"}
    assert [q.value for q in by_place["Kherson"].quantities if q.role == "injured"] == [3.0]
    assert fatalities(by_place["Mykolaiv"]) == 2


def test_a_strike_hitting_a_town_is_one_event_at_that_town(run):
    result = run("Russian troops shelled Kherson. A Russian air strike hit Mykolaiv.")
    assert sorted((e.event_type, e.location.name) for e in result.events) == [
        ("air_drone_strike", "Mykolaiv"), ("shelling", "Kherson")]


def test_the_person_told_again_is_not_counted_twice(run):
    result = run("Russian shelling killed a woman in Kherson on Monday. The woman was killed in her garden.")
    assert killed(result) == 1


def test_a_region_day_tally_after_a_town_attack_is_a_total_not_the_towns_toll(run):
    result = run("Russian forces shelled Kurakhove on Monday. Casualties unknown. Around 112 people were injured and "
                 "21 died during the last 24 hours in the whole region.")
    assert killed(result) == 0 and len(result.events) == 1
    assert any(q.kind == "casualty_total" and q.value == 21 for q in result.events[0].quantities)


def test_a_sides_count_of_soldiers_after_its_own_attack_is_its_claim(run):
    result = run("Russian forces shelled the positions of Ukrainian forces near Vuhledar. Russia claims that more "
                 "than 80 soldiers were killed in Vuhledar.")
    assert killed(result) == 0
    assert any(q.kind == "claimed_enemy_losses" and q.value == 80 for e in result.events for q in e.quantities)
