"""The counting yardsticks on UCDP reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontline.evaluation.counts import (
    auc,
    count_measures,
    headlines_naming_source,
    report_side,
    report_voice,
    source_sides,
)
from frontline.models import Claim, Event, EventDate, Evidence, Location, Party, Quantity, Voice


@dataclass(frozen=True)
class Row:
    best: int
    source: str
    id: str = ""
    where_prec: int = 1
    latitude: float = 48.0
    longitude: float = 37.8
    headline_killed: int | None = None


def event(killed: float = 0, side: str | None = None, lat: float = 48.0, conf: float = 0.9,
          kind: str = "incident", voice: str | None = None) -> Event:
    return Event(
        event_id="e", article_id="a", event_type="shelling",
        location=Location("X", lat, 37.8, "Donetsk", "UA", "settlement"), date=EventDate(dt.date(2022, 6, 1), "day"),
        initiator=None, target=None, quantities=(Quantity(killed, "people", "killed", kind=kind),) if killed else (),
        claim=Claim(claimed_by=Party("S", side) if side else None,
                    voice=Voice(voice, "invaders", "wording", 0, 8) if voice else None),  # type: ignore[arg-type]
        evidence=Evidence("s", 0, 1), confidence=conf)


def test_auc_is_the_chance_a_right_item_outscores_a_wrong_one():
    assert auc([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    assert auc([0.5, 0.5], [True, False]) == 0.5
    assert auc([0.9], [True]) is None


def test_report_side_is_the_bloc_of_the_armed_claimants():
    assert report_side([event(side="RU_aligned"), event(side="RU"), event(side="UA")]) == "RU"
    assert report_side([event(side="other"), event()]) is None


def test_the_gold_side_table_was_read_from_source_original():
    sides = source_sides()
    assert sides["General Staff of the Armed Forces of Ukraine"] == "UA"
    assert sides["deputy head of the People's Militia Department of the DPR, Eduard Basurin."] == "RU"
    assert "Mediazona" not in sides       # independent: no side


def test_count_measures():
    rows = [Row(2, "Russian Defense Ministry", headline_killed=3), Row(1, "Mediazona"), Row(1, "Ukraine")]
    events = [[event(100, "RU", conf=0.9)], [event(3, lat=49.0, conf=0.2)],
              [event(5000, kind="claimed_enemy_losses", conf=0.8)]]
    report = count_measures(rows, events, copies=[False, True, False],
                            sides={"Russian Defense Ministry": "RU", "Ukraine": "UA"})
    assert (report.killed, report.best, report.killed_told, report.best_told) == (103, 4, 100, 2)
    assert (report.inflated.hits, report.claimant.hits, report.claimant.total) == (1, 1, 2)
    assert report.copies is not None and report.copies.hits == 1
    assert report.auc == 1.0 and report.placed_right == 2


def test_a_copy_is_of_another_report_when_it_tells_a_source_article_its_original_lacks(run):
    # UCDP codes several events (rows) from one article: rows of one article repeat it, and a copy between them
    # is right; the same words from another article (another outlet or day) are another report
    from frontline.evaluation.counts import copies_of_other_reports
    from frontline.evaluation.ucdp import source_articles

    text = "Shelling killed two civilians in the town, the governor said."
    results = [run(text, "2022-06-05"), run(text, "2022-06-05"), run(text, "2022-06-05")]
    one = source_articles('"Outlet,2022-06-05,Shelling killed two civilians"')
    other = source_articles('"Other Outlet,2022-06-05,Shelling killed two civilians"')
    assert copies_of_other_reports(results, articles=[one, one, other]) == [False, False, True]
    assert copies_of_other_reports(results) == [False, False, False]    # without articles: text and day


def test_the_gold_of_headlines_naming_their_source_was_read():
    named = headlines_naming_source()
    assert len(named) == 403 and sum(named.values()) == 171     # every plain row, labelled by hand


def test_the_claimant_ceiling_and_the_voice_yardsticks():
    rows = [Row(1, "MoD", id="a"), Row(1, "MoD", id="b"), Row(1, "OVA", id="c"), Row(1, "OVA", id="d")]
    events = [[event(side="RU")], [event(voice="RU")], [event(voice="RU")], [event()]]
    report = count_measures(rows, events, sides={"MoD": "RU", "OVA": "UA"}, named={"a": True, "b": True})
    assert (report.claimant.hits, report.claimant.total) == (1, 4)
    assert (report.claimant_sourced.hits, report.claimant_sourced.total) == (1, 2)   # a names its source, b too
    assert (report.side_or_voice.hits, report.side_or_voice.total) == (2, 4)         # a by claimant, b by voice
    assert (report.voice.hits, report.voice.total) == (1, 2)                         # c's voice is wrong
    assert report_voice([event(voice="UA"), event(voice="UA"), event(voice="RU")]) == "UA"
