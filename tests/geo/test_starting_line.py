"""The starting line: the bundled dated rows and how a settlement finds its own."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.errors import InputError
from frontline.geo.starting_line import StartingLine
from frontline.models import Location


def _at(name, admin1, gid, country="UA"):
    return Location(name, 0.0, 0.0, admin1, country, "settlement", gid)


def test_the_most_specific_scope_with_rows_wins():
    line = StartingLine.load()
    donetsk = line.rows_for(_at("Donetsk", "Donetsk", 709717))
    assert [(r.holder, r.since, r.until) for r in donetsk] == [("RU", dt.date(2014, 9, 19), None)]
    kharkiv = line.rows_for(_at("Kharkiv", "Kharkiv", 706483))
    assert [(r.holder, r.until) for r in kharkiv] == [("UA", dt.date(2022, 2, 24))]
    assert [r.holder for r in line.rows_for(_at("Lviv", "Lviv", 702550))] == ["UA"]
    assert [r.holder for r in line.rows_for(_at("Simferopol", "Crimea", 693805))] == ["RU"]
    assert [r.holder for r in line.rows_for(_at("Belgorod", "Belgorod", 578072, "RU"))] == ["RU"]
    # a village of Donetsk oblast the line does not list has no starting state: the oblast is split by the line
    assert line.rows_for(_at("Somewhere", "Donetsk", 1)) == ()
    assert line.rows_for(None) == ()


def test_every_row_has_a_source(tmp_path):
    line = StartingLine.load()
    for where in (_at("Donetsk", "Donetsk", 709717), _at("Kyiv", "Kyiv City", 703448), _at("Yalta", "Crimea", 1)):
        assert all(r.source for r in line.rows_for(where))
    bad = tmp_path / "line.csv"
    bad.write_text("scope,name,geonames_id,holder,since,until,source\nadmin1,Lviv,,XX,2014-01-01,,x\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="row 1"):
        StartingLine.load(bad)


def test_the_holder_of_a_place_on_a_day():
    line = StartingLine.load()
    donetsk = Location("Donetsk", 48.0, 37.8, "Donetsk", "UA", "settlement", geonames_id=709717)
    lviv = Location("Lviv", 49.8, 24.0, "Lviv", "UA", "settlement", geonames_id=702550)
    kherson = Location("Kherson", 46.6, 32.6, "Kherson", "UA", "settlement", geonames_id=706448)
    assert line.holder(donetsk, dt.date(2022, 9, 1)) == "RU"
    assert line.holder(donetsk, dt.date(2014, 5, 1)) is None        # before the Minsk line: no starting state
    assert line.holder(lviv, dt.date(2023, 1, 1)) == "UA"
    assert line.holder(kherson, dt.date(2022, 6, 1)) is None        # fought over: the starting line does not say
    assert line.holder(None, dt.date(2023, 1, 1)) is None and line.holder(lviv, None) is None
