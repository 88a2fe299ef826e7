"""Notes in ACLED's style written for these tests (not ACLED's text): one event a note, with that event's dead.

Sentences here are our own; the written fixture ``tests/data/acled/written_style_notes.csv`` is measured with
``frontline eval --acled``, not asserted on line by line.
"""

from __future__ import annotations

from frontline.evaluation.acled import read_acled
from frontline.export.acled import acled_type, fatalities


def test_a_count_told_as_part_of_the_count_before_it_adds_no_victim(run):
    for note, killed in [
        ("On 4 May 2023, a Russian drone hit a house in Kherson (Kherson). 11 civilians, including 4 children, were "
         "killed.", 11),
        ("On 4 May 2023, a Russian missile hit a hotel in Sloviansk (Donetsk), killing 15 civilians, including 3 "
         "children.", 15),
    ]:
        events = run(note, "2023-05-05").events
        assert len(events) == 1
        assert fatalities(events[0]) == killed     # the children are among the dead, not more dead


def test_a_claimant_named_by_its_nation_speaks_for_that_side(run):
    own = run("On 2 May 2023, Ukrainian forces launched rockets at a school used by Russian troops in Tokmak "
              "(Zaporizhzhia). According to Russian sources, 12 Russian servicemen were killed.", "2023-05-03")
    assert [fatalities(e) for e in own.events] == [12]
    assert own.events[0].claim.claimed_by is None or own.events[0].claim.claimed_by.side in ("RU", "unknown")
    enemy = run("On 2 May 2023, Ukrainian forces launched missiles at a command post in Tokmak (Zaporizhzhia). "
                "According to Ukrainian sources, 40 Russian officers were killed.", "2023-05-03")
    assert sum(fatalities(e) for e in enemy.events) == 0
    assert any(q.kind == "claimed_enemy_losses" and q.value == 40 for e in enemy.events for q in e.quantities)


def test_a_toll_that_counts_no_one_is_no_event_beside_a_capture(run):
    for note in ("On 3 July 2023, Russian forces captured Novomykhailivka (Donetsk). Casualties unknown.",
                 "On 3 July 2023, Russian forces blew up a dam near Kupiansk (Kharkiv). No casualties were reported."):
        events = run(note, "2023-07-04").events
        assert len(events) == 1
        assert events[0].event_type != "casualties"


def test_a_capture_and_the_fighting_or_leaving_in_its_sentence_are_one_event(run):
    regained = run("On 8 June 2023, Ukrainian forces regained control of Lobkove (Zaporizhzhia) after clashes with "
                   "Russian forces.", "2023-06-09").events
    assert [e.event_type for e in regained] == ["territory_captured"]
    assert regained[0].initiator is not None and regained[0].initiator.side == "UA"
    taken = run("On 8 June 2023, Russian forces captured Krasnohorivka, Donetsk, after Ukrainian forces withdrew.",
                "2023-06-09").events
    assert [e.event_type for e in taken] == ["territory_captured"]
    assert taken[0].initiator is not None and taken[0].initiator.side == "RU"
    fought = run("On 8 June 2023, Russian forces captured Krasnohorivka, Donetsk, after clashes with Ukrainian forces.",
                 "2023-06-09").events
    assert [acled_type(e)[0] for e in fought] == ["Battles"]


def test_a_russian_region_named_after_its_town_is_no_second_place(run):
    for note, town in [("On 9 May 2024, Ukrainian forces shelled Tetkino, Kursk. Casualties unknown.", "Tëtkino"),
                       ("On 9 May 2024, Ukrainian forces shelled Shebekino, Belgorod. 3 people were injured.",
                        "Shebekino")]:
        events = run(note, "2024-05-10").events
        assert [e.location.name if e.location else None for e in events] == [town]


def test_the_written_style_fixture_reads_as_an_acled_export():
    notes = read_acled("tests/data/acled/written_style_notes.csv")
    assert len(notes) >= 150
    assert all(n.event_type and n.latitude is not None for n in notes)


def test_people_who_gather_to_make_a_demand_protest(run):
    for note in ("On 9 March 2023, about 300 people gathered in Dnipro to demand more funding for drones.",
                 "On 9 March 2023, dozens of residents demonstrated in Lutsk to call for the return of prisoners."):
        assert [e.event_type for e in run(note, "2023-03-10").events] == ["protest"]
    assert "protest" not in {e.event_type for e in run(
        "Russian troops gathered near Kupiansk to attack the town.", "2023-03-10").events}


def test_a_force_detaining_people_in_occupied_ground_is_an_abduction(run):
    events = run("On 9 March 2023, Russian forces detained a teacher in Nova Kakhovka (Kherson).", "2023-03-10").events
    assert [acled_type(e) for e in events] == [("Violence against civilians", "Abduction/forced disappearance")]


def test_a_toll_told_by_the_oblasts_office_is_the_toll_of_the_attack_in_that_oblast(run):
    note = ("On 12 May 2023, Russian forces shelled Zelenivka, Kherson. According to the head of the Kherson regional "
            "military administration, 2 civilians were killed.")
    events = run(note, "2023-05-13").events
    assert [(e.event_type, fatalities(e)) for e in events] == [("shelling", 2)]
    city = run("On 12 May 2023, Russian forces shelled Zelenivka, Kherson. In Kherson city, 2 civilians were killed.",
               "2023-05-13").events
    assert len(city) == 2       # the city's dead are not the village's


def test_verbs_told_side_by_side_stay_a_fight_and_a_capture(run):
    events = run("On 8 June 2023, Ukrainian forces attacked and recaptured Lobkove (Zaporizhzhia).", "2023-06-09").events
    assert sorted(e.event_type for e in events) == ["armed_clash", "territory_captured"]


def test_a_strike_across_the_country_that_hit_one_town_is_one_strike_there(run):
    note = ("On 26 May 2024, Russian forces launched missiles at energy infrastructure across Ukraine, hitting a "
            "warehouse in Kovel, Volyn. 2 workers were killed.")
    events = run(note, "2024-05-27").events
    assert [(e.event_type, e.location.name if e.location else None, fatalities(e)) for e in events] == [
        ("shelling", "Kovel", 2)]
