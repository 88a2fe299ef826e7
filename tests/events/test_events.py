"""Event types, places, dates and parties read from one sentence, with exact expected values."""

from __future__ import annotations

import datetime as dt

import pytest


def events(run, text, published="2022-06-25"):
    return [(e.event_type, e.location.name if e.location else None) for e in run(text, published).events]


def one(run, text, event_type, published="2022-06-25"):
    found = [e for e in run(text, published).events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.location) for e in run(text, published).events]
    return found[0]


def test_capture_and_encirclement_in_one_sentence(run):
    got = events(run, "Russian troops entered Hirske and surrounded up to 2,000 Ukrainian troops.")
    assert ("territory_captured", "Hirske") in got
    assert ("encirclement", "Hirske") in got


def test_withdrawal_at_sievierodonetsk_dated_last_night(run):
    e = one(run, "Ukraine was due to withdraw its troops from the ruined city of Severodonetsk last night.",
            "territory_withdrawn")
    assert e.location.name == "Sievierodonetsk" and e.location.admin1 == "Luhansk"
    assert e.date.start == dt.date(2022, 6, 24) and e.date.text == "last night"
    assert e.initiator.side == "UA" and e.target.side == "RU"


def test_evidence_is_a_view_into_the_text(run):
    text = "Headline here\n\nRussian forces shelled Kharkiv on Tuesday. Nothing else happened."
    result = run(text)
    e = one(run, text, "shelling")
    assert result.document.text[e.evidence.char_start:e.evidence.char_end] == e.evidence.sentence
    assert e.evidence.sentence == "Russian forces shelled Kharkiv on Tuesday."


def test_the_place_tied_to_the_verb_wins_over_a_reference_point(run):
    e = one(run, "South of Lysychansk, Russian troops entered the town of Hirske yesterday.", "territory_captured")
    assert e.location.name == "Hirske" and e.date.start == dt.date(2022, 6, 24)


def test_a_settlement_wins_over_the_oblast_that_contains_it(run):
    e = one(run, "Russian forces captured the city of Pokrovsk in Donetsk on Tuesday.", "territory_captured",
            "2025-12-04")
    assert e.location.name == "Pokrovsk" and e.date.start == dt.date(2025, 12, 2)


def test_a_speakers_place_is_not_the_events_place(run):
    e = one(run, "In Moscow, the Kremlin said it was ready for talks with Ukraine.", "negotiation")
    assert e.location is None


def test_each_clause_keeps_its_own_date(run):
    got = run(run_text := "The city of Kupiansk was occupied by Russian forces in March 2022, then recaptured "
              "by the Ukrainian army in the fall of 2022.", "2025-01-23").events
    by_side = {e.initiator.side: e for e in got if e.event_type == "territory_captured"}
    assert by_side["UA"].date.start == dt.date(2022, 9, 1) and by_side["UA"].date.precision == "month"
    assert by_side["RU"].date.start == dt.date(2022, 3, 1)
    assert run_text


def test_an_attempt_to_capture_is_fighting(run):
    assert events(run, "Russia has spent over a year attempting to seize Pokrovsk.", "2025-12-04") == \
        [("armed_clash", "Pokrovsk")]


def test_a_risk_is_not_an_event(run):
    assert not [e for e in run("Families face the risk of strikes in the Kharkiv region.").events
                if e.event_type == "air_drone_strike"]


def test_negated_event_is_dropped(run):
    assert not [e for e in run("Russian forces did not capture Lysychansk.").events
                if e.event_type == "territory_captured"]


def test_a_quoted_word_is_not_an_event(run):
    assert events(run, "He listed ‘liberation’ and ‘justice’ as the words of the year.") == []


def test_background_summary_of_the_war_is_not_a_casualty_event(run):
    assert not [e for e in run("The conflict that has killed thousands goes on.").events
                if e.event_type == "casualties"]


def test_desertion_across_the_border(run):
    e = one(run, "In late July 41 Ukrainian troops fled to Russia to escape fighting.", "desertion", "2014-08-04")
    assert e.initiator.side == "UA"
    assert e.date.start == dt.date(2014, 7, 20) and e.date.precision == "month"
    assert [(q.value, q.unit) for q in e.quantities] == [(41.0, "troops")]


def test_civilians_fleeing_is_evacuation(run):
    e = one(run, "Hundreds of civilians fled Kramatorsk on Sunday.", "evacuation", "2025-12-04")
    assert e.location.name == "Kramatorsk" and e.target.side == "civilians"


def test_military_report_verbs(run):
    assert events(run, "Russian artillerymen destroyed a howitzer of the Armed Forces of Ukraine near Bakhmut.") == \
        [("shelling", "Bakhmut")]
    assert events(run, "Armed Forces of Ukraine hit the location of the National Guard in Kherson.") == \
        [("shelling", "Kherson")]


def test_a_city_in_the_same_paragraph_locates_a_placeless_sentence(run):
    got = run("Fierce fighting raged in Sievierodonetsk on Friday. The Russian troops continue to attack the "
              "city.", "2022-06-04").events
    assert {e.location.name for e in got} == {"Sievierodonetsk"}


def test_actors_are_not_places(run):
    got = run("Moscow said it surrounded around 2,000 Ukrainian troops.").events
    e = [x for x in got if x.event_type == "encirclement"][0]
    assert e.location is None
    assert e.initiator.side == "RU"
    assert [(q.value, q.unit, q.role, q.approximate) for q in e.quantities] == [(2000.0, "troops", "surrounded", True)]


def test_an_unnamed_town_some_km_away_is_located_near_the_place_in_focus(run):
    got = run("Ukraine was due to withdraw its troops from Severodonetsk. Russian troops also fully occupied a town "
              "about 10 km further south, Ukrainian officials said.").events
    capture = [e for e in got if e.event_type == "territory_captured"][0]
    assert (capture.location.name, capture.location.precision) == ("Sievierodonetsk", "district")


def test_control_as_a_description_is_not_a_capture(run):
    assert events(run, "Moscow closed in on the last territory under Ukrainian control in the Luhansk region.") == []
    assert events(run, "Ukraine fears being forced to cede its territories occupied by Russia.") == []
    assert events(run, "The village of Solone is now under Russian control.", "2025-01-23") == \
        [("territory_captured", "Solone")]


def test_a_local_official_speaks_for_his_region(run):
    text = ("The governor of the Kharkiv region, Oleg Synegoubov, announced Thursday that “267 children and their "
            "families must be evacuated from 16 localities” close to the front line.")
    e = one(run, text, "evacuation", "2025-01-23")
    assert (e.location.name, e.location.precision) == ("Kharkiv", "admin1")
    assert e.claim.claimed_by.name == "Oleh Syniehubov" and e.claim.modality == "planned"
    assert (267.0, "children", "evacuated") in {(q.value, q.unit, q.role) for q in e.quantities}


def test_before_the_full_scale_invasion_ukraines_enemy_is_the_separatists(run):
    e = one(run, "Ukrainian forces shelled Horlivka on Tuesday.", "shelling", "2015-02-13")
    assert (e.initiator.side, e.target.side) == ("UA", "RU_aligned")
    e = one(run, "Ukrainian forces shelled Horlivka on Tuesday.", "shelling", "2023-02-13")
    assert (e.initiator.side, e.target.side) == ("UA", "RU")


def test_the_other_side_named_in_the_sentence_is_the_target(run):
    e = one(run, "Kiev is fighting against armed anti-government militias in the Donetsk region.", "armed_clash",
            "2014-08-04")
    assert (e.initiator.side, e.target.side) == ("UA", "RU_aligned")


def test_a_count_without_a_verb_of_its_own_takes_the_events_role(run):
    [event] = [e for e in run("He announced that 267 children and their families must be evacuated from 16 "
                              "localities close to the front.", "2025-01-23").events if e.event_type == "evacuation"]
    assert [(q.value, q.unit, q.role) for q in event.quantities] == [
        (267, "children", "evacuated"), (16, "localities", "evacuated")]


def test_who_resists_an_assault_is_its_target(run):
    [event] = [e for e in run("Ukrainian forces resisted an assault on Severodonetsk for weeks.").events
               if e.event_type == "armed_clash"]
    assert (event.initiator.side, event.target.side) == ("RU", "UA")


def test_who_repels_an_attack_is_its_target(run):
    [event] = [e for e in run("Ukrainian troops repelled an attack near Bakhmut.").events
               if e.event_type == "armed_clash"]
    assert (event.initiator.side, event.target.side) == ("RU", "UA")


def test_us_led_talks(run):
    [event] = run("Territory remains the toughest issue in US-led peace talks.", "2025-12-04").events
    assert (event.event_type, event.initiator.name, event.initiator.side) == ("negotiation", "US government", "US")


def test_the_object_threatened_with_sanctions_is_their_target(run):
    [event] = run("Donald Trump on Wednesday threatened Russia with new sanctions.", "2025-01-23").events
    assert (event.event_type, event.initiator.side, event.target.name, event.target.side) == (
        "sanction", "US", "Russian government", "RU")


def test_a_conjoined_clause_with_its_own_subject_keeps_its_own_place(run):
    got = events(run, "Ukraine gains ground in Shevyerodonetsk, and Russians refuse to fight")
    assert got == [("territory_captured", "Sievierodonetsk"), ("desertion", None)]


def test_an_unnamed_town_further_south_is_near_the_focus_not_the_speakers_region(run):
    text = ("Russian forces entered the town of Hirske yesterday.\n\nRussian troops also fully occupied a town about "
            "10 km further south, Ukrainian officials said, as Moscow closed in on the last slices of territory under "
            "Ukrainian control in the industrial region of Luhansk.")
    # a town 10 km south of Hirske is not Hirske: two captures, the second near the focus, not at it
    got = [(e.event_type, e.location.name, e.location.precision) for e in run(text, "2022-06-25").events]
    assert got == [("territory_captured", "Hirske", "settlement"), ("territory_captured", "Hirske", "district")]


def test_a_definite_noun_without_place_or_date_refers_back_to_the_event_told(run):
    text = ("The militia reported that it was in negotiations with Ukrainian troops in Lugansk region.\n\n"
            "The negotiations were being hampered by the troops' intention to destroy their vehicles.")
    assert [e.event_type for e in run(text, "2014-08-04").events if e.event_type == "negotiation"] == ["negotiation"]


def test_who_withdraws_after_shelling_was_its_target(run):
    [event] = [e for e in run("Kyiv's troops withdrew from Avdiivka after months of shelling.", "2024-02-18").events
               if e.event_type == "shelling"]
    assert (event.initiator.side, event.target.side) == ("RU", "UA")


def test_their_on_a_weapon_names_the_force_told_of_before(run):
    text = "The Russian soldiers came closer. Nothing was left of the village after their artillery fire."
    [event] = [e for e in run(text).events if e.event_type == "shelling"]
    assert (event.initiator.name, event.target.side) == ("Russian forces", "UA")


def test_enemy_fire_is_the_other_side_of_the_speaker(run):
    text = "Oleh Syniehubov spoke on Friday. Two homes burned after enemy shelling, he said."
    [event] = [e for e in run(text).events if e.event_type == "shelling"]
    assert (event.initiator.side, event.target.side) == ("RU", "UA")


def test_a_dialogue_with_someone_makes_him_the_target(run):
    [event] = run("The Kremlin is open to a dialogue with Joe Biden.", "2023-03-01").events
    assert (event.event_type, event.initiator.side, event.target.name) == ("negotiation", "RU", "Joe Biden")


def test_aid_for_a_country_makes_it_the_target(run):
    [event] = run("Washington approved new military aid for Ukraine on Monday.", "2023-03-01").events
    assert (event.event_type, event.initiator.side, event.target.side) == ("aid", "US", "UA")


def test_talks_between_two_persons_take_both_and_him_is_not_the_first(run):
    text = "Joe Biden spoke at length. There were talks between Vladimir Putin and him last year."
    [event] = [e for e in run(text, "2023-03-01").events if e.event_type == "negotiation"]
    assert (event.initiator.name, event.target.name) == ("Vladimir Putin", "Joe Biden")


def test_protesters_are_civilians_against_their_own_government(run):
    [event] = run("Crowds of Russian women staged protests against the call-up in Yakutsk.", "2022-09-25").events
    assert (event.event_type, event.initiator.side, event.target.side) == ("protest", "civilians", "RU")


def test_fighting_with_no_attacker_named_is_russias_offensive_after_the_invasion(run):
    [event] = run("After heavy fighting near Vuhledar, Ukrainian soldiers held their positions.", "2023-02-10").events
    assert (event.event_type, event.initiator.side, event.target.side) == ("armed_clash", "RU", "UA")


def test_fighting_by_a_named_subject_keeps_its_subject(run):
    [event] = run("Ukrainian soldiers are still fighting near Vuhledar.", "2023-02-10").events
    assert (event.initiator.side, event.target.side) == ("UA", "RU")


def test_talks_with_a_group_of_a_force_target_the_force_not_the_place(run):
    got = run("The rebels said they were in talks with a large group of Ukrainian soldiers near Ilovaisk.",
              "2014-08-20").events
    assert [(e.event_type, e.initiator.side, e.target.side) for e in got] == [("negotiation", "RU_aligned", "UA")]


def test_aid_for_villages_in_a_republic_has_no_target(run):
    [event] = run("Kyiv promised aid for the villages in the Donetsk People's Republic.", "2014-08-20").events
    assert (event.event_type, event.initiator.side, event.target) == ("aid", "UA", None)


def test_fighting_in_the_next_paragraph_stays_where_the_last_paragraph_left_it(run):
    text = ("Heavy fighting raged around Bakhmut on Monday, the commander said.\n"
            "The enemy keeps shelling our positions with heavy artillery.")
    got = run(text, "2023-02-14").events
    assert [(e.event_type, e.location.name if e.location else None) for e in got] == \
        [("armed_clash", "Bakhmut"), ("shelling", "Bakhmut")]


def test_a_section_heading_ends_the_place_in_focus(run):
    text = ("Heavy fighting raged around Bakhmut on Monday, the commander said.\n"
            "Life on the other side\n"
            "The enemy keeps shelling our positions with heavy artillery.")
    got = run(text, "2023-02-14").events
    assert [(e.event_type, e.location.name if e.location else None) for e in got] == \
        [("armed_clash", "Bakhmut"), ("shelling", None)]


def test_naming_the_oblast_of_the_city_keeps_the_city_in_focus(run):
    text = ("Shelling hit Kramatorsk overnight. The city lies in the Donetsk region and is key to the defence. "
            "Russian troops keep attacking, the mayor said.")
    got = [(e.event_type, e.location.name) for e in run(text, "2023-02-14").events]
    assert got == [("shelling", "Kramatorsk"), ("armed_clash", "Kramatorsk")]


def test_a_place_right_after_a_verb_trigger_is_its_object_despite_the_parse(run):
    got = events(run, "Officials said the Russians were trying to encircle Lysychansk and mount assaults on "
                      "Severodonetsk.")
    assert ("encirclement", "Lysychansk") in got and ("armed_clash", "Sievierodonetsk") in got


def test_a_headline_without_a_place_takes_the_place_of_its_lede(run):
    text = ("Defenders withdraw from the battered town\n\n"
            "Ukrainian units withdrew from Vuhledar on Tuesday, the army said.")
    got = [(e.event_type, e.location.name if e.location else None) for e in run(text, "2024-10-03").events]
    assert got == [("territory_withdrawn", "Vuhledar")]    # one event: the headline repeats the lede


def test_a_paragraph_that_opens_without_a_place_takes_the_one_its_next_sentence_names(run):
    text = ("The talks went on all week.\n"
            "Olena, fleeing with her two sons, is glad to be safe. The family had lived in Kostiantynivka for years.")
    got = [(e.event_type, e.location.name if e.location else None) for e in run(text, "2025-06-01").events]
    assert ("evacuation", "Kostiantynivka") in got


def test_an_oblast_an_offensive_heads_towards_is_not_where_it_is(run):
    text = ("Russian troops shelled Kurakhove on Monday.\n"
            "Further north, the Russian advance pushes on towards the Dnipropetrovsk region.")
    got = [(e.event_type, e.location.name if e.location else None) for e in run(text, "2024-12-03").events]
    assert got == [("shelling", "Kurakhove"), ("armed_clash", "Kurakhove")]


def test_these_towns_refers_to_the_towns_just_named(run):
    text = ("Russian forces shelled Siversk and Lyman on Monday.\n"
            "These towns were emptied of their residents long ago.")
    got = [(e.event_type, e.location.name if e.location else None) for e in run(text, "2024-12-03").events]
    assert ("evacuation", "Lyman") in got


def test_a_country_gives_way_to_the_town_in_focus_inside_it(run):
    text = ("Ukrainian soldiers crossed the border at Gukovo on Sunday. One of them was badly injured on his "
            "arrival in Russia.")
    got = [(e.event_type, e.location.name if e.location else None) for e in run(text, "2014-08-04").events]
    assert ("casualties", "Gukovo") in got


def test_flight_told_in_the_next_paragraph_happens_where_the_last_one_left_it(run):
    text = ("Dozens of families arrive every day at a shelter in Pavlohrad, volunteers said.\n"
            "Many fled under cover of darkness.")
    got = run(text, "2025-03-01").events
    assert [(e.event_type, e.location.name if e.location else None) for e in got] == [("evacuation", "Pavlohrad")]


def test_a_definite_noun_with_a_count_of_its_own_is_told_anew(run):
    text = "Families keep arriving at a reception centre in Pavlohrad. About 300 people use the reception centre daily."
    got = run(text, "2025-03-01").events
    assert [sorted(q.value for q in e.quantities) for e in got if e.event_type == "evacuation"] == [[300.0]]


_LEAD = "Our correspondent spent a week with the brigade near the front. "


def test_a_habit_with_no_place_date_or_count_is_not_an_event(run):
    assert events(run, _LEAD + "The defenders were regularly under fire.") == []
    assert events(run, _LEAD + "Russian artillery regularly shells Nikopol.", "2023-03-10") == [("shelling", "Nikopol")]


def test_a_condition_is_not_an_event(run):
    assert events(run, _LEAD + "We had no radios, and nobody would help us if we were shelled.") == []


def test_a_state_in_the_simple_present_is_not_a_casualty(run):
    assert events(run, _LEAD + "The Russian troops suffer from poor morale.") == []
    # a headline in the present tense reports news
    assert events(run, "Russian troops suffer heavy losses near Bakhmut.") == [("casualties", "Bakhmut")]


def test_a_vague_amount_is_not_a_casualty_count(run):
    assert events(run, _LEAD + "Cold, and so many deaths and burned houses,\" a nurse said.") == []


def test_weapons_named_as_the_means_of_fighting_are_not_strikes(run):
    text = _LEAD + "The army has no way to hold the line except by flattening villages with artillery and air strikes."
    assert events(run, text) == []


def test_a_sentence_naming_many_kinds_of_event_with_no_fact_is_a_description(run):
    text = _LEAD + ("The morale is undermined by reports of poor training, with recruits being sent to the front "
                    "without helmets, coming under artillery fire and abandoned while withdrawing from enemy assaults.")
    assert events(run, text) == []


def test_a_trend_is_not_an_event_but_a_count_is(run):
    assert events(run, _LEAD + "The number of deserters is growing.") == []
    e = one(run, _LEAD + "The number of deserters rose to 4,000 in March.", "desertion", "2023-04-10")
    assert e.date.start == dt.date(2023, 3, 1)


def test_an_intention_that_holds_up_talks_is_neither_a_surrender_nor_a_clash(run):
    text = _LEAD + ("The negotiations were complicated by the battalion's intention to destroy 25 armored vehicles "
                    "in their depot before laying down arms.")
    assert [t for t, _ in events(run, text, "2014-08-04")] == ["negotiation"]


def test_fighting_that_lasted_weeks_is_a_range_ending_at_publication(run):
    e = one(run, "Ukrainian marines repelled an assault on Vuhledar for weeks.", "armed_clash", "2023-03-10")
    assert (e.date.start, e.date.end, e.date.precision, e.date.text) == \
        (dt.date(2023, 2, 17), dt.date(2023, 3, 10), "day", "for weeks")
    e = one(run, "Russian troops shelled Kherson for three days.", "shelling", "2023-03-10")
    assert (e.date.start, e.date.end, e.date.text) == (dt.date(2023, 3, 7), dt.date(2023, 3, 10), "for three days")


def test_a_year_spent_trying_to_take_a_town_starts_the_year_before(run):
    e = one(run, "Moscow has spent more than a year trying to capture Chasiv Yar.", "armed_clash", "2025-02-14")
    assert (e.date.start, e.date.end, e.date.precision) == (dt.date(2024, 1, 1), dt.date(2025, 2, 14), "year")


def test_a_unit_that_has_been_fighting_is_a_state_of_the_month_before_publication(run):
    got = run("Her brigade has been fighting in the besieged town of Toretsk.", "2025-01-09").events
    assert {(e.event_type, e.date.start, e.date.end, e.date.precision) for e in got} == {
        ("armed_clash", dt.date(2024, 12, 1), dt.date(2025, 1, 9), "month"),
        ("encirclement", dt.date(2024, 12, 1), dt.date(2025, 1, 9), "month")}


def test_one_event_for_each_coordinated_place(run):
    got = run("Russian forces shelled Kharkiv and Sumy overnight.", "2023-03-10").events
    assert [(e.event_type, e.location.name, e.date.start) for e in got] == [
        ("shelling", "Kharkiv", dt.date(2023, 3, 9)), ("shelling", "Sumy", dt.date(2023, 3, 9))]


def test_a_count_told_for_coordinated_places_together_stays_one_event(run):
    got = run("Russian forces shelled Kharkiv and Sumy with 40 rockets overnight.", "2023-03-10").events
    assert [(e.event_type, e.location.name) for e in got] == [("shelling", "Kharkiv")]


def test_the_same_people_identified_by_an_event_told_before_is_no_new_event(run):
    text = ("On Monday, rebel commanders said they were in talks with a Ukrainian battalion near Izium.\n\n"
            "The convoy crossed at the Belgorod checkpoint, suggesting these are the same soldiers who were "
            "negotiating with the rebels.")
    assert [t for t, _ in events(run, text)].count("negotiation") == 1
    assert [t for t, _ in events(run, text.split("\n\n")[1])].count("negotiation") == 1


def test_an_undated_past_event_goes_on_the_story_its_paragraph_dated(run):
    text = ("Andriy says his company reached the river in March. On 3 April, his platoon crossed the bridge and was "
            "shelled at once. Six of his friends were killed.\n\nFive soldiers were killed.")
    # the six killed are the shelling's toll (one event, issue 28); the five of the next paragraph are news
    got = [(q.value, e.date.start) for e in run(text, "2023-06-10").events for q in e.quantities if q.role == "killed"]
    assert got == [(6, dt.date(2023, 4, 3)), (5, dt.date(2023, 6, 10))]


def test_an_undated_event_told_as_a_starting_point_is_background(run):
    assert events(run, _LEAD + "Since the invasion began, the brigade has lost half its vehicles.") == []
    assert events(run, _LEAD + "Bread prices have doubled since Russian troops poured into Ukraine.") == []
    # dated by its own words, the same clause is the invasion
    e = one(run, _LEAD + "Since Russia invaded Ukraine on 24 February 2022, the brigade has lost half its vehicles.",
            "armed_clash")
    assert (e.date.start, e.date.precision, e.initiator.side, e.target.side) == (dt.date(2022, 2, 24), "day", "RU", "UA")


def test_the_invasion_dated_relative_to_publication(run):
    e = one(run, _LEAD + "Talks to end the war launched almost two years ago stalled again.", "armed_clash",
            "2024-01-15")
    assert (e.date.start, e.date.end, e.date.precision) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31), "year")
    e = one(run, _LEAD + "The vote took place six months to the day since Moscow sent troops across the border.",
            "armed_clash", "2022-08-24")
    assert (e.date.start, e.date.precision, e.initiator.side) == (dt.date(2022, 2, 24), "day", "RU")


def test_the_wars_rough_toll_is_no_event_but_a_counted_one_is(run):
    assert events(run, _LEAD + "The invasion has uprooted millions and killed tens of thousands.") == []
    e = one(run, _LEAD + "The war has killed 8,490 civilians, the UN monitoring mission said.", "casualties")
    assert [(q.value, q.role) for q in e.quantities] == [(8490.0, "killed")]


def test_the_start_of_the_war_retold_without_a_date_is_background(run):
    assert events(run, _LEAD + "Putin, who launched the invasion, met his generals.", "2023-05-10") == []
    # on the day itself it is the news
    e = one(run, "Russia launched a full-scale invasion of Ukraine.", "armed_clash", "2022-02-24")
    assert (e.date.start, e.initiator.side, e.target.side) == (dt.date(2022, 2, 24), "RU", "UA")


def test_to_the_day_since_dates_the_clause_not_the_main_event(run):
    got = run("Russian missiles struck Odesa a year to the day since the invasion began.", "2023-02-24").events
    assert sorted((e.event_type, e.date.start) for e in got) == [("armed_clash", dt.date(2022, 2, 24)),
                                                                 ("shelling", dt.date(2023, 2, 24))]


def test_a_description_of_the_war_stays_one_when_the_paragraph_before_names_a_place(run):
    description = ("The situation is made worse by poor command, with brigades coming under friendly fire, being "
                   "surrounded and simply left behind while retreating.")
    text = f"Russian forces shelled Kupiansk on Monday.\n\n{description}"
    events = run(text, "2023-03-10").events
    assert [(e.event_type, e.location.name) for e in events] == [("shelling", "Kupiansk")]


def test_a_sighting_carries_no_casualties(run):
    events = run("Russian column moving through Melitopol, 30 trucks").events
    assert any(e.event_type == "other" for e in events) and all(q.role not in ("killed", "injured") for e in events if e.event_type == "other" for q in e.quantities)


@pytest.mark.parametrize("caption, etype, place", [
    ("Damage to the salt mine administration building in Soledar.", "infrastructure_disruption", "Soledar"),
    ("Russian troops seen in Ocheretyne, footage geolocated", "other", "Ocheretyne"),
    ("Bodies exhumed in Izyum, hundreds of graves", "violence_against_civilians", "Izium"),
    ("Forty servicemen lost in the Bakhmut direction over the past day", "casualties", "Bakhmut"),
])
def test_caption_events_at_their_town(run, caption, etype, place):
    events = run(caption, "2023-06-15").events
    assert [(e.event_type, e.location.name if e.location else None) for e in events] == [(etype, place)]
