"""Within-article fusion of repeated reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from frontline.events.fuse import fuse_article, same_event
from frontline.models import Claim, Event, EventDate, Evidence, Location, Party, Quantity


def ev(etype="territory_captured", place="Hirske", day=None, text=None, by=None, modality="claimed", init="RU"):
    loc = Location(place, 48.7, 38.5, "Luhansk", "UA", "settlement", 708273) if place else None
    return Event(event_id=f"{etype}{place}{day}{by}", article_id="a", event_type=etype, location=loc,
                 date=EventDate(day or dt.date(2022, 6, 25), "day", None, text),
                 initiator=Party("Russian forces", init) if init else None, target=None, quantities=(),
                 claim=Claim(Party(by, "UA") if by else None, modality), evidence=Evidence("s", 0, 1), confidence=0.6)


def test_headline_and_body_report_of_one_capture_merge_and_keep_the_explicit_date():
    body = ev(day=dt.date(2022, 6, 24), text="yesterday", by="Oleksiy Babchenko")
    head = ev(by=None, modality="asserted")
    fused = fuse_article([head, body])
    assert len(fused) == 1
    assert fused[0].date.start == dt.date(2022, 6, 24) and fused[0].claim.claimed_by.name == "Oleksiy Babchenko"
    assert fused[0].claim.modality == "claimed"


def test_different_places_dates_or_sides_stay_apart():
    assert not same_event(ev(place="Hirske"), ev(place="Lysychansk"))
    assert not same_event(ev(day=dt.date(2022, 3, 1), text="in March"), ev(day=dt.date(2022, 9, 1), text="in Sept"))
    assert not same_event(ev(init="RU"), ev(init="UA"))


def test_placeless_events_merge_only_when_one_speaker_repeats_himself():
    a = ev("negotiation", place=None, by="Dmytro Kuleba")
    assert same_event(a, ev("negotiation", place=None, by="Dmytro Kuleba"))
    assert not same_event(a, ev("negotiation", place=None, by="Volodymyr Zelensky"))
    # (told in two sentences: one sentence's fighting is one attack, see the one-sentence tests below)
    assert not same_event(ev("armed_clash", place=None),
                          replace(ev("armed_clash", place=None), evidence=Evidence("t", 3, 4)))


def test_a_shared_count_fuses_an_oblast_report_into_the_settlement(run):
    text = ("The Russian Defence Ministry said it surrounded up to 2,000 Ukrainian troops in Hirske.\n\n"
            "Moscow said it surrounded around 2,000 Ukrainian troops in the Luhansk region.")
    got = [(e.event_type, e.location.name) for e in run(text).events]
    assert got == [("encirclement", "Hirske")]


def test_an_undated_report_is_not_the_fighting_told_since_months_ago():
    since = ev("armed_clash", day=dt.date(2022, 2, 24), text="since the start of the war")
    assert not same_event(ev("armed_clash"), since)
    assert same_event(ev("armed_clash"), ev("armed_clash", day=dt.date(2022, 6, 20), text="on Monday"))


def test_an_undated_statement_merges_with_the_planned_event_it_repeats():
    planned = ev("territory_withdrawn", day=dt.date(2022, 6, 24), text="last night", modality="planned")
    assert same_event(ev("territory_withdrawn", modality="asserted"), planned)
    assert not same_event(ev("territory_withdrawn", day=dt.date(2022, 6, 23), text="on Thursday",
                             modality="asserted"), planned)


def _inherited(e, mention):
    """The event with its place taken from a neighbouring sentence: the evidence does not name it."""
    return replace(e, location=replace(e.location, mention=mention), evidence=Evidence("they keep refusing", 0, 1))


def test_a_placeless_report_and_a_repeat_with_no_fact_of_its_own_are_one_event():
    head = ev("desertion", place=None, modality="asserted")
    later = _inherited(ev("desertion", place="Hirske", modality="asserted"), "Hirske")
    fused = fuse_article([head, later])
    assert len(fused) == 1 and fused[0].location is None     # the place was only inherited, not told


def _named(e):
    """The event with its place named in its own evidence."""
    return replace(e, location=replace(e.location, mention="Hirske"), evidence=Evidence("fighting in Hirske", 0, 1))


def test_a_report_with_a_date_of_its_own_is_not_a_repeat_of_one_with_a_place_of_its_own():
    placed = _named(ev("desertion", modality="asserted"))
    dated = ev("desertion", place=None, day=dt.date(2022, 6, 24), text="yesterday", modality="asserted")
    assert not same_event(placed, dated)


def test_a_report_joins_the_earlier_one_of_its_own_place_rather_than_a_placeless_one():
    placeless = replace(ev("armed_clash", place=None, day=dt.date(2022, 6, 20), text="on Monday", modality="asserted"),
                        evidence=Evidence("p", 10, 11))    # told in a sentence of its own
    placed = _named(ev("armed_clash", by="Oleksiy Babchenko"))
    repeat = _inherited(ev("armed_clash", modality="asserted"), "Hirske")
    assert same_event(placeless, repeat)
    fused = fuse_article([placeless, placed, repeat])
    assert [(e.location.name if e.location else None, e.date.text, e.confidence) for e in fused] == \
        [(None, "on Monday", 0.6), ("Hirske", None, 0.65)]


def test_the_articles_own_account_of_fighting_and_a_sources_report_stay_apart():
    own = replace(ev("armed_clash", by=None, modality="asserted"), evidence=Evidence("s", 300, 360))
    sourced = replace(ev("armed_clash", by="Kharkiv regional administration"), evidence=Evidence("t", 400, 460))
    assert not same_event(own, sourced)
    headline = replace(own, evidence=Evidence("s", 0, 40))
    assert same_event(headline, sourced)
    # a single incident told by the journalist and by a source is one incident
    assert same_event(replace(own, event_type="territory_captured"), replace(sourced, event_type="territory_captured"))


def test_the_more_specific_claimant_of_two_tellings_wins():
    government = ev("encirclement", by="Ukrainian government")
    office = ev("encirclement", by="Ukrainian Defence Ministry")
    person = replace(ev("encirclement"), claim=Claim(Party("Oleh Kiper", "UA", "governor of Odesa oblast"), "claimed"))
    assert fuse_article([government, office])[0].claim.claimed_by.name == "Ukrainian Defence Ministry"
    assert fuse_article([office, government])[0].claim.claimed_by.name == "Ukrainian Defence Ministry"
    assert fuse_article([office, person])[0].claim.claimed_by.name == "Oleh Kiper"


def _counting(e, *quantities):
    return replace(e, quantities=tuple(Quantity(v, unit, role, approx) for v, unit, role, approx in quantities))


def test_two_groups_counted_apart_are_two_events_but_a_rising_toll_is_one():
    family = _counting(ev("evacuation", modality="asserted", init=None), (2, "children", "evacuated", False))
    other = _counting(ev("evacuation", modality="asserted", init=None), (5, "children", "evacuated", False))
    assert not same_event(family, other)
    about = _counting(ev("evacuation", modality="asserted", init=None), (24, "children", "evacuated", True))
    assert same_event(family, about)
    held = _counting(ev(modality="asserted"), (70, "percent", "controlled", False))
    regained = _counting(ev(modality="asserted"), (20, "percent", "recaptured", False))
    assert not same_event(held, regained)
    first = _counting(ev("shelling", modality="asserted"), (12, "people", "killed", False))
    update = _counting(ev("shelling", modality="asserted"), (14, "people", "killed", False))
    assert same_event(first, update)


def test_a_persons_placeless_account_does_not_fold_into_the_articles_own_report():
    own = replace(ev("armed_clash", by=None, modality="asserted"), evidence=Evidence("fighting in Hirske", 300, 360))
    own = replace(own, location=replace(own.location, mention="Hirske"))
    account = replace(ev("armed_clash", place=None, by="Oleksiy Babchenko"), evidence=Evidence("t", 400, 460))
    assert not same_event(own, account)


def _town(name, lat, lon):
    return Location(name, lat, lon, "Donetsk", "UA", "settlement", None, name)


BAKHMUT = _town("Bakhmut", 48.59419, 37.99886)
SOLEDAR = _town("Soledar", 48.6921, 38.07098)            # 12.6 km north-north-east of Bakhmut
KLISHCHIIVKA = _town("Klishchiivka", 48.52897, 37.95972)  # 8.5 km south-south-west
SIVERSK = _town("Siversk", 48.86476, 38.09683)            # 31 km north


def _capture(location, day=dt.date(2023, 1, 12), text=None, by=None, side="RU", sentence=None):
    """A capture told at ``location``; ``sentence`` names the place unless the place is only near the focus."""
    return Event(event_id=f"{location.name}{day}{by}", article_id="a", event_type="territory_captured",
                 location=location, date=EventDate(day, "day", None, text),
                 initiator=Party("Russian forces", side), target=None, quantities=(),
                 claim=Claim(by, "claimed" if by else "asserted"),
                 evidence=Evidence(sentence or f"Russian troops entered {location.name}", 100, 140), confidence=0.6)


def _near(phrase, day=dt.date(2023, 1, 12), text=None, side="RU"):
    lede = _capture(replace(BAKHMUT, precision="district"), day, text,
                    Party("Ukrainian officials", "UA"), side, f"Russian forces also seized {phrase}, officials said")
    return replace(lede, evidence=replace(lede.evidence, char_start=10, char_end=60), near=phrase)


def test_an_unnamed_town_near_the_focus_fuses_with_the_capture_of_the_town_named_later():
    lede = _near("a town about 10 km to the north")
    body = _capture(SOLEDAR, dt.date(2023, 1, 9), "on Monday", Party("Pavlo Kyrylenko", "UA", "governor"))
    fused = fuse_article([lede, body])
    assert [(e.location.name, e.location.precision, e.near, e.date.text, e.claim.claimed_by.name,
             e.evidence.sentence, e.confidence) for e in fused] == \
        [("Soledar", "settlement", None, "on Monday", "Pavlo Kyrylenko", "Russian troops entered Soledar", 0.65)]
    # the named report first: the same one event
    assert [e.location.name for e in fuse_article([body, lede])] == ["Soledar"]


def test_the_named_town_must_lie_in_the_stated_direction_and_distance():
    assert not same_event(_near("a town about 10 km to the north"), _capture(KLISHCHIIVKA))
    assert same_event(_near("a village some 8 km further south"), _capture(KLISHCHIIVKA))
    assert not same_event(_near("a town about 10 km to the north"), _capture(SIVERSK))    # 31 km, not 10
    assert same_event(_near("a town about 20 km to the north"), _capture(SIVERSK))
    assert same_event(_near("a town about 15 miles to the north"), _capture(SIVERSK))    # 24 km
    assert same_event(_near("a town about ten kilometres to the north"), _capture(SOLEDAR))


def test_an_unnamed_town_is_not_the_focus_nor_a_town_taken_by_the_other_side_or_at_another_time():
    lede = _near("a town about 10 km to the north")
    assert not same_event(lede, _capture(BAKHMUT))       # the place in focus itself is not the town near it
    assert fuse_article([lede, _capture(BAKHMUT)]) == [lede, _capture(BAKHMUT)]
    assert not same_event(lede, _capture(SOLEDAR, side="UA"))
    assert not same_event(_near("a town about 10 km to the north", dt.date(2022, 5, 1), "in May"),
                          _capture(SOLEDAR, dt.date(2023, 1, 9), "on Monday"))
    # a named place only inherited from the sentences around is no place named
    assert not same_event(lede, _capture(SOLEDAR, sentence="They took it"))


def test_an_unnamed_town_without_a_named_one_stays_as_it_is():
    lede = _near("a village about 5 km to the west")
    assert fuse_article([lede, _capture(SOLEDAR)]) == [lede, _capture(SOLEDAR)]


UKRAINE = Location("Ukraine", 49.0, 32.0, None, "UA", "country", 690791, "Ukraine")
RU_FORCES, UA_FORCES = Party("Russian forces", "RU"), Party("Ukrainian forces", "UA")


def _told(day, text, by="Ivan", place=None, init=RU_FORCES, target=UA_FORCES, end=None, start=500):
    """One telling of a clash by the soldier Ivan (or by ``by``), place-less unless ``place``."""
    precision = "day" if end is None else "month"
    return Event(event_id=f"clash{start}", article_id="a", event_type="armed_clash", location=place,
                 date=EventDate(day, precision, end, text), initiator=init, target=target, quantities=(),
                 claim=Claim(Party(by, "RU") if by else None, "claimed" if by else "asserted"),
                 evidence=Evidence(f"fought in {place.name}" if place else "fought", start, start + 40), confidence=0.6)


def test_one_soldiers_tellings_of_his_fighting_are_one_event_dated_by_the_dated_telling():
    fought = _told(dt.date(2022, 1, 1), "earlier this year", by=None, place=UKRAINE, init=Party("Ivan", "RU"),
                   end=dt.date(2022, 7, 10), start=100)
    first_day = _told(dt.date(2022, 2, 24), "on the first day of the invasion", init=UA_FORCES, target=RU_FORCES,
                      start=300)
    advanced = _told(dt.date(2022, 7, 10), None, start=600)
    fused = fuse_article([fought, first_day, advanced])
    assert [(e.location.name, e.date.start, e.date.text, e.initiator.name, e.claim.claimed_by.name,
             e.claim.modality, e.evidence.char_start, e.confidence) for e in fused] == \
        [("Ukraine", dt.date(2022, 2, 24), "on the first day of the invasion", "Ukrainian forces", "Ivan", "claimed",
          300, 0.7)]


def test_two_dated_incidents_or_other_tellers_stay_apart():
    assert not same_event(_told(dt.date(2022, 3, 3), "on 3 March"), _told(dt.date(2022, 3, 9), "on 9 March"))
    assert not same_event(_told(dt.date(2022, 3, 1), "in March", end=dt.date(2022, 3, 31)),
                          _told(dt.date(2022, 4, 1), "in April", end=dt.date(2022, 4, 30)))
    assert same_event(_told(dt.date(2022, 3, 1), "in March", end=dt.date(2022, 3, 31)),
                      _told(dt.date(2022, 3, 9), "on 9 March"))
    # a collective tells many events; two people tell two accounts
    assert not same_event(_told(dt.date(2022, 3, 9), "on 9 March", by="Ukrainian officials"),
                          _told(dt.date(2022, 7, 10), None, by="Ukrainian officials"))
    assert not same_event(_told(dt.date(2022, 3, 9), "on 9 March"), _told(dt.date(2022, 7, 10), None, by="Oleg"))
    # 'fought in Ukraine' and 'fought in Russia' are not one telling
    russia = replace(UKRAINE, name="Russia", country_code="RU", geonames_id=2017370)
    assert not same_event(_told(dt.date(2022, 3, 9), "on 9 March", place=UKRAINE),
                          _told(dt.date(2022, 7, 10), None, place=russia))


def test_a_lede_and_the_named_village_it_is_near_are_one_capture_in_a_whole_text(run):
    text = ("Fighting raged in Bakhmut on Tuesday, the Ukrainian army said. Russian forces also seized a {} about "
            "10 km to the {}, Ukrainian officials said.\n\nRussian troops entered the {} of {} on Wednesday and took "
            "control of it, the local mayor said.")

    def got(*words):
        return [(e.event_type, e.location.name, e.location.precision, e.date.text)
                for e in run(text.format(*words), "2023-01-12").events]
    assert got("town", "north", "town", "Soledar") == [
        ("armed_clash", "Bakhmut", "settlement", "on Tuesday"),
        ("territory_captured", "Soledar", "settlement", "on Wednesday")]
    assert got("village", "north", "village", "Klishchiivka") == [
        ("armed_clash", "Bakhmut", "settlement", "on Tuesday"),
        ("territory_captured", "Bakhmut", "district", None),
        ("territory_captured", "Klishchiivka", "settlement", "on Wednesday")]


def test_a_soldiers_account_told_twice_is_one_clash_in_a_whole_text(run):
    text = ("Many soldiers refuse to return. The newspaper interviewed one of them, Ivan (not his real name), who "
            "fought in Ukraine for six weeks earlier this year.\n\nOn the first day of the invasion his company had to "
            "cross the border and was immediately attacked, he said.")
    got = [(e.event_type, e.location.name if e.location else None, e.date.start, e.claim.claimed_by and
            e.claim.claimed_by.name) for e in run(text, "2022-07-10").events]
    assert got == [("desertion", None, dt.date(2022, 7, 10), None),
                   ("armed_clash", "Ukraine", dt.date(2022, 2, 24), "Ivan")]


def test_two_unnamed_towns_in_other_directions_are_two_places_but_a_repeat_is_one():
    north = _near("a town about 10 km to the north")
    assert not same_event(north, _near("a village about 10 km to the south"))
    assert same_event(north, _near("a town 10 km north"))


def test_a_telling_with_no_date_of_its_own_but_one_taken_from_before_is_not_the_publication_day():
    dated = _told(dt.date(2022, 3, 9), "on 9 March")
    assert same_event(dated, _told(dt.date(2022, 7, 10), None))
    assert not same_event(dated, _told(dt.date(2022, 2, 24), None))


def test_an_office_repeating_itself_is_no_person_telling_his_own_fight():
    dated = _told(dt.date(2022, 3, 9), "on 9 March", by="Ukrainian Defence Ministry")
    assert not same_event(dated, _told(dt.date(2022, 7, 10), None, by="Ukrainian Defence Ministry"))
    assert not same_event(_told(dt.date(2022, 3, 9), "on 9 March", by="Kremlin"),
                          _told(dt.date(2022, 7, 10), None, by="Kremlin"))
    brian = _told(dt.date(2022, 3, 9), "on 9 March", by="Brian")
    assert same_event(brian, _told(dt.date(2022, 7, 10), None, by="Brian"))
    # two tellings with no date of their own, each dated from elsewhere, are not one
    assert not same_event(_told(dt.date(2022, 3, 9), None), _told(dt.date(2022, 7, 10), None))


@pytest.mark.parametrize("text", [
    "Ukrainian forces attacked the centre of Horlivka with rocket launchers, killing two people.",
    "Russian troops repelled attacks near Vuhledar and destroyed two armoured vehicles.",
    # the fighting reading's target is the enemy's forces, the fire's the people it killed: one attack
    "The Ukrainian Armed Forces attacked the center of Lysichansk from the HIMARS MLRS, two people were killed",
])
def test_fighting_and_fire_told_in_one_sentence_are_one_attack(run, text):
    events = [e for e in run(text, "2023-02-10").events if not e.background]
    assert len(events) == 1


def test_one_sentence_naming_two_places_or_two_days_keeps_two_attacks(run):
    events = run("Russian artillery shelled Kupiansk on Monday and Ukrainian troops repelled an assault near "
                 "Bakhmut on Tuesday.", "2023-02-10").events
    assert len(events) == 2


def test_attacks_from_two_sentences_are_not_joined_by_the_one_sentence_rule():
    a = replace(ev("shelling", init="UA"), evidence=Evidence("a", 0, 1))
    b = replace(ev("armed_clash", init="UA"), evidence=Evidence("b", 5, 9))
    assert not same_event(a, b)
    assert same_event(a, replace(b, evidence=a.evidence))
    assert fuse_article([b, replace(a, evidence=b.evidence)])[0].event_type == "shelling"


@pytest.mark.parametrize("text", [
    "Russian troops clashed with and shelled Ukrainian units near Vuhledar on Monday.",
    "Russian troops shelled and fought Ukrainian units near Vuhledar on Monday.",
])
def test_fire_in_a_battle_the_words_name_is_that_battle(run, text):
    # ACLED codes shelling during a battle as the battle
    assert [e.event_type for e in run(text, "2023-02-10").events] == ["armed_clash"]


def test_the_means_still_leads_an_attack_told_by_no_word_of_fighting(run):
    events = run("Ukrainian forces attacked the centre of Horlivka with rocket launchers on Monday.", "2023-02-10").events
    assert [e.event_type for e in events] == ["shelling"]


def test_the_damage_an_attack_did_told_in_its_sentence_is_that_attack(run):
    events = run("Russian forces shelled Nikopol on Monday, damaging residential buildings and a power line.",
                 "2023-06-10").events
    assert [(e.event_type, e.location.name if e.location else None) for e in events] == [("shelling", "Nikopol")]


def test_a_caption_of_damage_after_a_strike_stays_the_damage(run):
    # told first, the damage leads: the caption shows what was destroyed
    events = run("Destroyed high-rise building in Myrnohrad after the strike", "2023-06-15").events
    assert [e.event_type for e in events] == ["infrastructure_disruption"]
