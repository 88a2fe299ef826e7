from __future__ import annotations

import datetime as dt

from frontline.corpus.control import build_timeline, format_timeline, state_on
from frontline.corpus.control_area import AREA, Area, AreaSettings, FrontSign, Site
from frontline.corpus.fuse import fuse_corpus
from frontline.evaluation.control import rear_faults
from frontline.geo.starting_line import LineRow, StartingLine
from frontline.models import Article, Claim, Event, EventDate, Evidence, Location, Party, Timeline

RU, UA = Party("Russian forces", "RU"), Party("Ukrainian forces", "UA")
NO_LINE = StartingLine(())
# a village and settlements around it, 0.1 degree of latitude apart (~11 km)
HERE = (48.0, 37.0)


def _loc(name: str, north: float, east: float = 0.0) -> Location:
    return Location(name, HERE[0] + north, HERE[1] + east, "Donetsk", "UA", "settlement", abs(hash(name)) % 10**6)


def _strike(eid: str, where: Location, day: dt.date, by: Party, kind: str = "shelling") -> Event:
    sentence = f"{by.name} shelled {where.name}"
    return Event(eid, f"a-{eid}", kind, where, EventDate(day, "day"), by, None, (), Claim(None, "asserted"),
                 Evidence(sentence, 0, len(sentence)), 0.8, trigger="shelled")


def _timeline(where: Location, *events: Event, line: StartingLine = NO_LINE) -> Timeline:
    articles = {e.article_id: Article(e.article_id, "ok", None) for e in events}
    return build_timeline(where.name, fuse_corpus(list(events), articles), {e.event_id: e for e in events},
                          line=line, location=where)


def _site(where: Location, *events: Event) -> Site:
    return Site(where.name, where.lat, where.lon, _timeline(where, *events))


D = dt.date(2022, 9, 10)
NORTH, SOUTH, FAR = _loc("Northville", 0.1), _loc("Southville", -0.1), _loc("Farville", 0.25)
VILLAGE = _loc("Village", 0.0)
HELD_UA = [_site(NORTH, _strike("n1", NORTH, D, RU)), _site(SOUTH, _strike("s1", SOUTH, D, RU))]


def _village(*events: Event) -> Timeline:
    return _timeline(VILLAGE, *events) if events else Timeline("Village", "Donetsk", None)


def test_a_place_without_a_state_takes_the_holder_its_neighbours_agree_on_as_an_inferred_state():
    area = Area(HELD_UA)
    s = area.state(_village(), *HERE, D + dt.timedelta(days=5))
    assert s is not None and (s.status, s.basis) == ("UA", AREA)
    assert s.source is not None and "inferred" in s.source and "Northville (11 km)" in s.source
    assert {e.fused_id for e in s.assertions} == {e.fused_id for x in HELD_UA for e in x.timeline.states[0].assertions}
    # half the lowest confidence of the states it rests on
    assert s.confidence == round(min(x.timeline.states[0].confidence or 1 for x in HELD_UA) / 2, 2)


def test_one_neighbour_or_neighbours_beyond_the_radius_give_no_state():
    assert Area(HELD_UA[:1]).state(_village(), *HERE, D) is None
    east = _loc("Eastville", 0.0, 0.4)
    far = [_site(FAR, _strike("f1", FAR, D, RU)), _site(east, _strike("e1", east, D, RU))]
    assert Area(far).state(_village(), *HERE, D) is None


def test_a_neighbour_of_the_other_side_a_contest_or_fighting_nearby_gives_no_state():
    other = _site(FAR, _strike("f1", FAR, D, UA))          # held by Russia's side 28 km away
    assert Area([*HELD_UA, other]).state(_village(), *HERE, D) is None
    # fighting reported within clear_km in the last quiet_days, and not once it is older than that
    sign = FrontSign(D - dt.timedelta(days=10), HERE[0] + 0.2, HERE[1])
    assert Area(HELD_UA, [sign]).state(_village(), *HERE, D) is None
    assert Area(HELD_UA, [sign]).state(_village(), *HERE, D + dt.timedelta(days=51)) is not None


def test_the_starting_line_alone_is_no_neighbour_and_area_states_are_not_chained():
    line = StartingLine([LineRow("admin1", "Donetsk", None, "UA", dt.date(2014, 9, 19), None, "test line")])
    by_line = [Site(x.name, x.lat, x.lon, _timeline(x, line=line)) for x in (NORTH, SOUTH)]
    assert Area(by_line).state(_village(), *HERE, D) is None
    inferred = Area(HELD_UA).fill(_village(), *HERE)
    assert Area([Site("Village", *HERE, inferred)]).state(_timeline(FAR), FAR.lat, FAR.lon, D) is None


def test_no_area_state_before_the_neighbours_reports_nor_after_they_lapse():
    filled = Area(HELD_UA).fill(_village(), *HERE)
    assert state_on(filled, D - dt.timedelta(days=1)) is None
    assert [(s.start, s.status, s.basis) for s in filled.states] == [(D, "UA", AREA)]
    # the neighbours' own states lapse after 60 days; from then the area gives nothing either
    lapsed = [_site(NORTH, _strike("n1", NORTH, D, RU)), _site(SOUTH, _strike("s1", SOUTH, D, RU))]
    assert Area(lapsed).state(_village(), *HERE, D + dt.timedelta(days=61)) is None


def test_a_place_with_a_state_of_its_own_keeps_it_and_its_own_reports_outrank_the_area():
    own = _village(_strike("v1", VILLAGE, D - dt.timedelta(days=100), UA))    # held by Russia's side, now lapsed
    filled = Area(HELD_UA).fill(own, *HERE)
    assert [(s.status, s.basis) for s in filled.states] == [(s.status, s.basis) for s in own.states]
    fresh = _village(_strike("v2", VILLAGE, D, RU))
    assert Area(HELD_UA).fill(fresh, *HERE).states == fresh.states


def test_a_starting_line_state_is_never_replaced_and_the_area_starts_where_the_line_ends():
    held = StartingLine([LineRow("admin1", "Donetsk", None, "RU", dt.date(2014, 9, 19), None, "test line")])
    by_line = _timeline(VILLAGE, line=held)
    assert Area(HELD_UA).fill(by_line, *HERE) == by_line
    # a government-side row that ended with the invasion outranks the surroundings for a year after it ends
    ended = StartingLine([LineRow("admin1", "Donetsk", None, "UA", dt.date(2014, 9, 19), dt.date(2022, 2, 24), "x")])
    ring = [_site(x, _strike(f"{x.name}-1", x, dt.date(2022, 9, 10), UA)) for x in (NORTH, SOUTH)]
    assert Area(ring).state(_timeline(VILLAGE, line=ended), *HERE, dt.date(2022, 9, 15)) is None
    late = [_site(x, _strike(f"{x.name}-2", x, dt.date(2023, 3, 10), UA)) for x in (NORTH, SOUTH)]
    found = Area(late).state(_timeline(VILLAGE, line=ended), *HERE, dt.date(2023, 3, 15))
    assert found is not None and (found.status, found.basis) == ("RU", AREA)


def test_fill_gives_the_days_without_a_state_the_area_state_and_resumes_the_own_state_after_it():
    # held by Ukraine on its own report in June; lapsed in August; the area gives it UA from the neighbours' day
    own = _village(_strike("v1", VILLAGE, dt.date(2022, 6, 1), RU))
    filled = Area(HELD_UA).fill(own, *HERE)
    assert [(s.start.isoformat(), s.status, s.basis) for s in filled.states] == [
        ("2022-06-01", "UA", "reports"), ("2022-07-31", "unknown", "lapsed"), ("2022-09-10", "UA", AREA),
        ("2022-11-09", "unknown", "lapsed")]
    text = format_timeline(filled)
    assert "UA (held by Ukraine; area: inferred, not reported: held by UA around it" in text
    assert "      around it: 2022-09-10 reported: shelling -> UA (1 article(s))" in text.splitlines()


def test_a_rear_city_never_gets_a_state_other_than_ukraines_from_its_surroundings():
    # a city behind the front struck by Russia's forces, ringed by villages reported held by Russia's side
    city = _loc("Kharkiv", 0.0)
    ring = [_site(x, _strike(f"r{i}", x, D, UA)) for i, x in enumerate((NORTH, SOUTH, _loc("Westville", 0, -0.15)))]
    own = _timeline(city, _strike("c1", city, D - dt.timedelta(days=200), RU))
    filled = Area(ring, settings=AreaSettings(radius_km=20, neighbours=2)).fill(own, city.lat, city.lon)
    assert rear_faults({"kharkiv": filled}) == []
    assert all(s.status in ("UA", "unknown") for s in filled.states)


def test_the_store_interfaces_show_an_area_state_as_inferred(tmp_path):
    from stores import event, result

    from frontline import api
    from frontline.corpus import fuse as corpus_fuse
    from frontline.store.backend import open_store
    from frontline.store.query import Catalog

    # Kramatorsk named only in a report that says nothing of who holds it; the two towns around it struck by
    # Russia's forces on one day (coordinates set 11 km apart, as in the tests above)
    kram = Location("Kramatorsk", *HERE, "Donetsk", "UA", "settlement", 704508)
    slov = Location("Sloviansk", HERE[0] + 0.1, HERE[1], "Donetsk", "UA", "settlement", 693468)
    druzh = Location("Druzhkivka", HERE[0] - 0.1, HERE[1], "Donetsk", "UA", "settlement", 616743)
    results = [result("k1", D, "X", [event("k1", 0, "casualties", kram, D - dt.timedelta(days=30), initiator=None)]),
               result("s1", D, "X", [event("s1", 0, "shelling", slov, D)]),
               result("d1", D, "X", [event("d1", 0, "shelling", druzh, D)])]
    db = str(tmp_path / "area.db")
    with open_store(db) as store:
        for r in results:
            store.write(r)
        api.refresh_places(store, {corpus_fuse.location_key(e.location) for r in results for e in r.events
                                   if e.location})
    with Catalog.open(db) as c:
        found = {p.name: p for p in c.control_at(D + dt.timedelta(days=3))}
        spans = c.place_timeline("Kramatorsk").states
    assert (found["Kramatorsk"].state, found["Kramatorsk"].basis) == ("UA", AREA)
    assert found["Kramatorsk"].source is not None and "inferred" in found["Kramatorsk"].source
    assert (found["Sloviansk"].state, found["Sloviansk"].basis) == ("UA", "reports")
    area = [s for s in spans if s.basis == AREA]
    assert [(s.state, s.since) for s in area] == [("UA", D)] and area[0].fused_ids
    assert "area: inferred, not reported" in format_timeline(api.timeline(db, "Kramatorsk"))


def test_neighbours_are_found_east_and_west_as_far_as_north_and_south():
    # 0.35 degree of longitude at 48 N is ~26 km: within the 30 km clear radius, more than one grid cell away
    east, west = _loc("Eastfield", 0.0, 0.35), _loc("Westfield", 0.0, -0.35)
    other = [_site(east, _strike("e9", east, D, UA)), _site(west, _strike("w9", west, D, UA))]
    assert Area([*HELD_UA, *other]).state(_village(), *HERE, D) is None
    assert Area(HELD_UA, [FrontSign(D, east.lat, east.lon)]).state(_village(), *HERE, D) is None
