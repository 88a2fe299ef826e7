"""ACLED-style event notes written for these tests (not ACLED's text, and not a quality figure): behaviour only.

ACLED codes one event per type, place and day per report: an attack and the toll told after it are one event
whose fatalities are the toll; two attacks on two places or two days are two events; a running total or a
belligerent's claim of its enemy's losses is no fatality.
"""

from __future__ import annotations

import pytest

from frontline.export.acled import fatalities

ONE_EVENT = [
    ("On 5 June 2022, Russian forces shelled Kramatorsk (Donetsk). Two civilians were killed.", 2),
    ("On 6 June 2022, Russian forces shelled Sloviansk (Donetsk). One civilian was killed and three were injured.", 1),
    ("On 8 June 2022, Ukrainian forces shelled Donetsk city (Donetsk). According to DPR authorities, five civilians "
     "were killed.", 5),
    ("On 4 June 2022, Russian and Ukrainian forces clashed near Sievierodonetsk (Luhansk). Ten Ukrainian soldiers "
     "were killed.", 10),
    ("On 9 June 2022, a Russian drone struck a residential building in Kharkiv (Kharkiv). A woman was killed.", 1),
    ("On 2 June 2022, Russian forces shelled Nikopol (Dnipropetrovsk). Three civilians were wounded.", 0),
    ("On 1 June 2022, Russian forces shelled Marhanets (Dnipropetrovsk) with artillery. A man was killed.", 1),
    ("On 3 June 2022, Russian aircraft bombed Lysychansk (Luhansk). Four civilians were killed.", 4),
    ("On 7 June 2022, Russian forces shelled Avdiivka (Donetsk). One civilian died and two were injured.", 1),
    ("On 10 May 2022, Russian forces shelled Zolote (Luhansk). Two people were killed, the governor said.", 2),
    ("On 12 May 2022, Ukrainian forces shelled Horlivka (Donetsk). Three civilians were killed.", 3),
    ("On 14 May 2022, Russian forces shelled Orikhiv (Zaporizhzhia). A child was killed.", 1),
    ("On 15 May 2022, Russian forces fired rockets at Mykolaiv (Mykolaiv). Two civilians were killed and five "
     "injured.", 2),
    ("On 16 May 2022, Russian forces shelled Huliaipole (Zaporizhzhia). An elderly man was killed.", 1),
    ("On 17 May 2022, Russian forces shelled Sievierodonetsk (Luhansk). Six civilians were killed, the governor "
     "said.", 6),
    ("On 18 May 2022, Russian aircraft struck Desna (Chernihiv). Eight people were killed.", 8),
    ("On 19 May 2022, Russian forces shelled Vuhledar (Donetsk). Two civilians were injured.", 0),
    ("On 20 May 2022, Ukrainian forces shelled Dokuchaievsk (Donetsk). One civilian was killed, DPR authorities "
     "said.", 1),
    ("On 21 May 2022, Russian forces shelled Bilopillia (Sumy). A woman was wounded.", 0),
    ("On 22 May 2022, Russian forces fired missiles at Kremenchuk (Poltava). At least 18 people were killed.", 18),
]

TWO_EVENTS = [
    "On 5 June 2022, Russian forces shelled Kramatorsk (Donetsk). On the same day, Russian forces shelled Sloviansk.",
    "On 5 June 2022, Russian forces shelled Nikopol (Dnipropetrovsk). On 6 June, Russian forces shelled Marhanets.",
    "On 3 June 2022, Russian forces shelled Kharkiv (Kharkiv). Russian forces also shelled Chuhuiv.",
    "On 11 May 2022, Russian forces shelled Toretsk (Donetsk). Ukrainian forces shelled Horlivka the same day.",
    "On 12 May 2022, Russian forces shelled Kupiansk (Kharkiv). On 13 May, Russian forces shelled Izium.",
    "On 14 May 2022, Russian forces shelled Nikopol (Dnipropetrovsk). Russian forces also shelled Zaporizhzhia.",
    "On 15 May 2022, Russian forces shelled Ochakiv (Mykolaiv). On 16 May 2022, Russian forces shelled Kherson.",
]

NO_FATALITY = [
    "On 3 June 2022, Russian forces shelled Bakhmut (Donetsk). According to the Russian Defence Ministry, more than "
    "200 Ukrainian soldiers were killed.",
    "More than 9,000 civilians have been killed in Ukraine since the start of the war, the UN said on 5 June 2022.",
    "Armed Forces of Ukraine lost 4,000 killed in Kharkiv and Nikolaev-Kryvyi Rih directions - Russian Defense "
    "Ministry",
    "On 6 June 2022, Ukrainian forces lost up to 120 soldiers killed and wounded near Kharkiv, the Russian Defence "
    "Ministry said.",
    "Over 40 Ukrainian soldiers killed in battles in DPR in 24 hours - Basurin",
    "According to the General Staff, Ukrainian forces killed 150 invaders near Bakhmut on 5 June 2022.",
    "On 5 June 2022, the UN said at least 4,300 civilians have been killed in Ukraine so far.",
    "Since February 24, Russian shelling has killed more than 300 civilians in Kharkiv, the governor said.",
]


@pytest.mark.parametrize("note, killed", ONE_EVENT)
def test_an_attack_and_its_toll_are_one_event(run, note, killed):
    events = run(note, "2022-06-10").events
    assert len(events) == 1
    assert fatalities(events[0]) == killed


@pytest.mark.parametrize("note", TWO_EVENTS)
def test_two_attacks_on_two_places_or_days_stay_two(run, note):
    events = run(note, "2022-06-10").events
    assert len(events) == 2
    assert len({(e.location.name if e.location else None, e.date.start) for e in events}) == 2


@pytest.mark.parametrize("note", NO_FATALITY)
def test_a_total_or_a_claim_of_enemy_losses_is_no_fatality(run, note):
    assert sum(fatalities(e) for e in run(note, "2022-06-10").events) == 0


def test_a_total_beside_an_attack_stays_a_statement_of_its_own(run):
    note = ("On 9 June 2022, Russian forces shelled Kharkiv (Kharkiv), killing two civilians. Since the start of "
            "the war, more than 1,000 civilians have been killed in Kharkiv region.")
    events = run(note, "2022-06-10").events
    assert sum(fatalities(e) for e in events) == 2
    assert any(q.kind == "casualty_total" and q.value == 1000 for e in events for q in e.quantities)
