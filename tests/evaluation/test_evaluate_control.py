"""The control yardstick: gold settlement-days against timelines."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.errors import InputError
from frontline.evaluation.control import evaluate_control, format_control, read_control_gold
from frontline.models import ControlState, Timeline


def _tl(place, *states):
    return Timeline(place, None, None, tuple(ControlState(dt.date.fromisoformat(d), s) for d, s in states))


def test_the_bundled_gold_is_public_record_in_two_halves():
    gold = read_control_gold()
    assert 60 <= len(gold) <= 200
    assert {d.split for d in gold} == {"tune", "holdout"}
    assert {d.holder for d in gold} == {"RU", "UA"}
    assert all(d.source and d.geonames_id for d in gold)
    # a settlement's days are all in one half
    halves = {}
    for d in gold:
        assert halves.setdefault(d.settlement, d.split) == d.split


def test_days_are_agree_wrong_contested_or_none_and_claims_count_by_their_side():
    gold = [d for d in read_control_gold() if d.settlement in ("Kherson", "Donetsk")]
    report = evaluate_control([
        _tl("Kherson", ("2022-03-02", "claimed_RU"), ("2022-11-11", "contested"), ("2023-01-01", "unknown")),
        _tl("Donetsk", ("2014-09-19", "RU"), ("2022-03-01", "UA"))], gold)
    by_day = {(d.gold.settlement, d.gold.date.isoformat()): (d.outcome, d.claimed) for d in report.days}
    assert by_day[("Kherson", "2022-06-01")] == ("agree", True)
    assert by_day[("Kherson", "2022-12-15")] == ("contested", False)
    assert by_day[("Kherson", "2023-05-03")] == ("none", False)
    assert by_day[("Kherson", "2021-06-01")] == ("none", False)
    assert by_day[("Donetsk", "2015-01-20")] == ("agree", False)
    assert by_day[("Donetsk", "2023-01-20")] == ("wrong", False)
    assert "agree/stated" in format_control(report)


def test_rear_settlements_are_checked_over_their_whole_timeline():
    report = evaluate_control([_tl("Kyiv", ("2014-02-18", "contested"), ("2014-03-18", "UA")),
                               _tl("Kharkiv", ("2022-03-01", "contested"), ("2022-05-20", "UA"),
                                   ("2022-09-01", "claimed_RU"))], [])
    assert [(f.settlement, f.status) for f in report.rear] == [("Kyiv", "contested"), ("Kharkiv", "claimed_RU")]


def test_a_bad_gold_row_names_its_row(tmp_path):
    bad = tmp_path / "gold.csv"
    bad.write_text("settlement,geonames_id,date,holder,split,source\nKyiv,1,2022-13-01,UA,tune,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 1"):
        read_control_gold(bad)
