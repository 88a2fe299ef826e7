import datetime as dt
import json
import os
from pathlib import Path

import pytest

import frontline
from frontline import evaluation as ev
from frontline.errors import EvalError
from frontline.evaluation import gold as ev_gold
from frontline.evaluation import ucdp as ev_ucdp
from frontline.models import (
    Claim,
    Event,
    EventDate,
    Evidence,
    Location,
    Party,
    Quantity,
)

DATA = Path(frontline.__file__).parent / "data"
GOLD = DATA / "gold" / "seeds.jsonl"
# The project's shared data: FRONTLINE_SHARED, else beside the repository (../shared), else where this workplace
# keeps it (a clone in a temporary folder has no ../shared). The UCDP tests skip when none holds the file.
_SHARED = [Path(os.environ["FRONTLINE_SHARED"])] if "FRONTLINE_SHARED" in os.environ else []
_SHARED += [Path(__file__).resolve().parents[3] / "shared", Path("/work/shared")]
UCDP = next((d / "data" / "ucdp" / "ucdp_ged_ukraine_dev.csv" for d in _SHARED
             if (d / "data" / "ucdp" / "ucdp_ged_ukraine_dev.csv").exists()), _SHARED[-1] / "missing.csv")
needs_ucdp = pytest.mark.skipif(not UCDP.exists(), reason="UCDP development file not available")

POKROVSK = Location("Pokrovsk", 48.28014, 37.17706, "Donetsk", "UA", "settlement", 704422)
HIRSKE = Location("Hirske", 48.74046, 38.49596, "Luhansk", "UA", "settlement", 708273)
KRAMATORSK = Location("Kramatorsk", 48.73106, 37.56779, "Donetsk", "UA", "settlement", 704508)
SLOVIANSK = Location("Sloviansk", 48.84974, 37.59739, "Donetsk", "UA", "settlement", 693468)   # 13 km from Kramatorsk
DRUZHKIVKA = Location("Druzhkivka", 48.61995, 37.52537, "Donetsk", "UA", "settlement", 616743)  # 13 km the other way
KYIV = Location("Kyiv", 50.45466, 30.5238, "Kyiv City", "UA", "settlement", 703448)


def event(event_type="territory_captured", location=POKROVSK, start=dt.date(2025, 12, 2), claimed_by=None,
          modality="asserted", contested=False, initiator=None, target=None, quantities=(), sentence="x"):
    return Event(event_id="e", article_id="a", event_type=event_type, location=location,
                 date=EventDate(start, "day" if start else "unknown"), initiator=initiator, target=target,
                 quantities=tuple(quantities), claim=Claim(claimed_by, modality, contested),
                 evidence=Evidence(sentence, 0, len(sentence)), confidence=0.9)


def gold_line(**over):
    line = {"article": "a.txt", "event_type": "territory_captured",
            "place": {"name": "Pokrovsk", "geonames_id": 704422, "admin1": "Donetsk", "lat": 48.28014,
                      "lon": 37.17706, "precision": "settlement"},
            "date": {"start": "2025-12-02", "precision": "day"}, "quantities": [], "claimed_by": None,
            "modality": "asserted", "initiator_side": None, "target_side": None, "evidence": "captured Pokrovsk"}
    line.update(over)
    return line


def write_gold(tmp_path, *lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def gold_event(**over):
    return ev_gold._gold_event(gold_line(**over), "test", 1)


# --- oblast names -------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, canonical", [
    ("Luhansk oblast", "Luhansk"), ("Donetsk oblast", "Donetsk"), ("Donetsk region", "Donetsk"),
    ("Kharkiv Oblast", "Kharkiv"), ("Zaporizhzhya oblast", "Zaporizhzhia"), ("Mykolayiv oblast", "Mykolaiv"),
    ("Odessa oblast", "Odesa"), ("Kiev Special Republican city", "Kyiv City"), ("Misto Kyiv", "Kyiv City"),
    ("Kyiv Oblast", "Kyiv"), ("Autonomous Republic of Crimea", "Crimea"), ("Donetska Oblast", "Donetsk"),
    ("Lugansk region", "Luhansk"), ("Dnepropetrovsk oblast", "Dnipropetrovsk"), ("Rostov Oblast", "Rostov"),
    ("", None), (None, None),
])
def test_normalise_admin1(raw, canonical):
    assert ev.normalise_admin1(raw) == canonical


# --- field comparisons --------------------------------------------------------------------------------

def test_place_same_geonames_id():
    assert ev.place_matches(gold_event().place, POKROVSK)


def test_place_same_name_without_id():
    assert ev.place_matches(gold_event().place, Location("Pokrovsk", 0.0, 0.0, None, "UA", "settlement", None))


def test_place_namesake_with_another_id_is_another_place():
    # Pokrovsk (Donetsk oblast) is not Engels, which GeoNames also lists as 'Pokrovsk'
    assert not ev.place_matches(gold_event().place,
                                Location("Pokrovsk", 51.48389, 46.10528, "Saratov", "RU", "settlement", 563464))


def test_place_within_25_km():
    assert ev.place_matches(ev.GoldPlace("Kramatorsk", 704508, "Donetsk", 48.73106, 37.56779), SLOVIANSK)


def test_place_beyond_25_km():
    assert not ev.place_matches(gold_event().place, KRAMATORSK)


def test_place_admin1_gold_accepts_any_place_in_the_oblast():
    assert ev.place_matches(ev.GoldPlace("Donetsk oblast", 709716, "Donetsk", 48.05, 37.67, "admin1"), KRAMATORSK)


def test_place_admin1_gold_rejects_other_oblast():
    assert not ev.place_matches(ev.GoldPlace("Donetsk oblast", 709716, "Donetsk", 48.05, 37.67, "admin1"), HIRSKE)


def test_place_null_gold_accepts_no_location():
    assert ev.place_matches(None, None)


def test_place_null_gold_rejects_a_settlement():
    assert not ev.place_matches(None, KYIV)


def test_date_within_one_day():
    assert ev.date_matches(ev.GoldDate(dt.date(2025, 12, 2), "day"), EventDate(dt.date(2025, 12, 3), "day"))


def test_date_two_days_off():
    assert not ev.date_matches(ev.GoldDate(dt.date(2025, 12, 2), "day"), EventDate(dt.date(2025, 12, 4), "day"))


def test_date_inside_range():
    gold = ev.GoldDate(dt.date(2022, 5, 15), "day", dt.date(2022, 6, 24))
    assert ev.date_matches(gold, EventDate(dt.date(2022, 6, 1), "day"))


def test_date_month_precision_same_month():
    assert ev.date_matches(ev.GoldDate(dt.date(2025, 5, 1), "month"), EventDate(dt.date(2025, 5, 28), "day"))


def test_date_year_precision_other_year():
    assert not ev.date_matches(ev.GoldDate(dt.date(2014, 1, 1), "year"), EventDate(dt.date(2015, 3, 1), "day"))


def test_date_unknown_gold_accepts_anything():
    assert ev.date_matches(ev.GoldDate(None, "unknown"), EventDate(None, "unknown"))


def test_date_missing_prediction():
    assert not ev.date_matches(ev.GoldDate(dt.date(2025, 12, 2), "day"), EventDate(None, "unknown"))


def test_quantities_troops_are_soldiers_within_5_percent():
    assert ev.quantities_match([ev.GoldQuantity(2000, "soldiers", "surrounded")],
                               [Quantity(1950, "troops", "encircled")])


def test_quantities_off_by_10_percent():
    assert not ev.quantities_match([ev.GoldQuantity(2000, "soldiers", "surrounded")],
                                   [Quantity(1800, "troops", "surrounded")])


def test_quantities_role_must_agree():
    assert not ev.quantities_match([ev.GoldQuantity(10, "soldiers", "killed")], [Quantity(10, "soldiers", "injured")])


def test_quantities_dead_is_killed():
    assert ev.quantities_match([ev.GoldQuantity(3, "people", "killed")], [Quantity(3, "civilians", "dead")])


@pytest.mark.parametrize("gold, predicted", [
    ("Serhiy Haidai", "Serhiy Gaidai"), ("Oleh Syniehubov", "Oleg Synegoubov"), ("Dmitry Peskov", "Dmitri Peskov"),
    ("Russian Defence Ministry", "Russian Defense Ministry"), ("Volodymyr Zelensky", "Volodimir Zelensky"),
])
def test_party_names_match_across_transliterations(gold, predicted):
    assert ev.party_names_match(gold, predicted)


def test_party_names_differ():
    assert not ev.party_names_match("Russian Defence Ministry", "Russian forces")


# --- gold matching ------------------------------------------------------------------------------------

def test_evaluate_gold_counts(tmp_path):
    path = write_gold(
        tmp_path,
        gold_line(claimed_by={"name": "Russian forces", "side": "RU"}, modality="claimed", contested=True,
                  initiator_side="RU", target_side="UA"),
        gold_line(event_type="armed_clash", claimed_by={"name": "Ukrainian government", "side": "UA"},
                  modality="claimed", date={"start": "2025-12-02", "end": "2025-12-04", "precision": "day"}),
        gold_line(event_type="evacuation", place=None, date={"start": None, "precision": "unknown"},
                  quantities=[{"value": 200, "unit": "people", "role": "evacuated"}]),
    )
    predicted = {"a.txt": [
        event(claimed_by=Party("Russian forces", "RU"), modality="claimed", contested=True,
              initiator=Party("Russian forces", "RU"), target=Party("Ukrainian forces", "UA")),
        event("armed_clash", location=KRAMATORSK, claimed_by=Party("Ukraine", "UA"), modality="claimed"),
        event("shelling"),
    ]}
    report = ev.evaluate_gold(predicted, path)
    assert [(report.levels[name].tp, report.levels[name].predicted, report.levels[name].gold)
            for name in ev.LEVELS] == [(2, 3, 3), (1, 3, 3), (1, 3, 3), (1, 3, 3)]
    # per field: the capture's claimant is right; the clash's 'Ukraine' is not the gold 'Ukrainian government'
    assert report.levels["type+claimed_by"].tp == 1
    assert set(report.levels) == set(ev.LEVELS) | set(ev.FIELD_LEVELS) | {ev.NEWS_LEVEL}


def test_evaluate_gold_field_accuracy(tmp_path):
    path = write_gold(tmp_path, gold_line(claimed_by={"name": "Russian Defence Ministry", "side": "RU"},
                                          modality="claimed", quantities=[{"value": 2000, "unit": "soldiers",
                                                                           "role": "surrounded"}]))
    predicted = {"a.txt": [event(claimed_by=Party("Russian Defense Ministry", "RU"), modality="asserted",
                                 quantities=[Quantity(2000, "troops", "surrounded")])]}
    fields = ev.evaluate_gold(predicted, path).fields
    assert {k: (a.correct, a.total) for k, a in fields.items()} == {
        "quantities": (1, 1), "claimed_by": (1, 1), "sides": (0, 0), "modality": (0, 1), "contested": (1, 1),
        "background": (1, 1)}


def test_alt_type_is_accepted(tmp_path):
    path = write_gold(tmp_path, gold_line(event_type="armed_clash", alt_types=["territory_captured"]))
    assert ev.evaluate_gold({"a.txt": [event()]}, path).levels["type"].tp == 1


def test_matching_prefers_the_right_place(tmp_path):
    path = write_gold(tmp_path, gold_line(), gold_line(place={"name": "Hirske", "geonames_id": 708273,
                                                             "admin1": "Luhansk", "lat": 48.74, "lon": 38.50}))
    report = ev.evaluate_gold({"a.txt": [event(location=HIRSKE), event(location=POKROVSK)]}, path)
    assert report.levels["type+place"].tp == 2


def test_missing_article_counts_as_missed(tmp_path):
    report = ev.evaluate_gold({}, write_gold(tmp_path, gold_line()))
    assert (report.levels["type"].recall, len(report.articles[0].missed)) == (0.0, 1)


def test_counts_f1():
    assert round(ev.Counts(tp=2, predicted=4, gold=2).f1, 4) == 0.6667


def test_format_report_has_levels_and_articles(tmp_path):
    text = ev.format_report(ev.evaluate_gold({"a.txt": [event()]}, write_gold(tmp_path, gold_line())))
    assert "type+place+date" in text and "a.txt" in text and "claimed_by" in text


def test_format_errors_lists_wrong_missed_and_spurious(tmp_path):
    gold = write_gold(tmp_path, gold_line(claimed_by={"name": "Vadym Filashkin", "side": "UA"}, modality="claimed"),
                      gold_line(event_type="shelling", evidence="shelled Kramatorsk"))
    predicted = [event(modality="claimed", sentence="They captured Pokrovsk, officials said."),
                 event("evacuation", location=KYIV, sentence="People left Kyiv.")]
    text = ev.format_errors(ev.evaluate_gold({"a.txt": predicted}, gold))
    assert text.splitlines() == [
        "a.txt",
        "  wrong claimed_by",
        "    gold  territory_captured at Pokrovsk, 2025-12-02.. day; - -> -; counts -; by Vadym Filashkin (UA), "
        "claimed",
        '      "captured Pokrovsk" (gold line 1)',
        "    pred  territory_captured at Pokrovsk, 2025-12-02.. day; - -> -; counts -; by -, claimed",
        '      "They captured Pokrovsk, officials said."',
        "  missed  shelling at Pokrovsk, 2025-12-02.. day; - -> -; counts -; by -, asserted",
        '      "shelled Kramatorsk" (gold line 2)',
        "  spurious  evacuation at Kyiv, 2025-12-02.. day; - -> -; counts -; by -, asserted",
        '      "People left Kyiv."']


def test_format_errors_when_all_agree(tmp_path):
    report = ev.evaluate_gold({"a.txt": [event()]}, write_gold(tmp_path, gold_line()))
    assert ev.format_errors(report) == "no disagreement with the gold"


def test_bad_event_type_names_the_line(tmp_path):
    path = write_gold(tmp_path, gold_line(), gold_line(event_type="battle"))
    with pytest.raises(EvalError, match="line 2: event_type: 'battle'"):
        ev.load_gold(path)


def test_bad_json_names_the_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvalError, match="g.jsonl line 1: not valid JSON"):
        ev.load_gold(path)


# --- the shipped gold ---------------------------------------------------------------------------------

def test_shipped_gold_loads():
    assert len(ev.load_gold(GOLD)) == 82


def test_shipped_gold_evidence_is_in_the_articles():
    texts = {p.name: p.read_text(encoding="utf-8") for p in (DATA / "samples").glob("0*.txt")}
    assert [g.line for g in ev.load_gold(GOLD) if g.evidence not in texts[g.article]] == []


def test_shipped_gold_pokrovsk_capture_is_a_contested_russian_claim():
    capture = next(g for g in ev.load_gold(GOLD) if g.event_type == "territory_captured"
                   and g.place and g.place.name == "Pokrovsk")
    assert (capture.claimed_by.side, capture.modality, capture.contested, capture.date.start) == (
        "RU", "claimed", True, dt.date(2025, 12, 2))


def test_shipped_gold_scores_itself_perfectly():
    gold = ev.load_gold(GOLD)

    def as_event(g):
        loc = None if g.place is None else Location(g.place.name, g.place.lat, g.place.lon, g.place.admin1,
                                                    g.place.country_code, g.place.precision, g.place.geonames_id)
        claimed = None if g.claimed_by is None else Party(g.claimed_by.name, g.claimed_by.side)
        return Event("e", g.article, g.event_type, loc, EventDate(g.date.start, g.date.precision, g.date.end),
                     Party("x", g.initiator_side) if g.initiator_side else None,
                     Party("y", g.target_side) if g.target_side else None,
                     tuple(Quantity(q.value, q.unit, q.role) for q in g.quantities),
                     Claim(claimed, g.modality, g.contested), Evidence(g.evidence, 0, 1), 1.0)

    predicted = {}
    for g in gold:
        predicted.setdefault(g.article, []).append(as_event(g))
    assert ev.evaluate_gold(predicted, GOLD).levels["full"].f1 == 1.0


# --- UCDP ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("headline, killed", [
    ("Shelling kills four Ukrainian soldiers in eastern Donbass", 4),
    ("18 killed in Ukraine fighting in past 24 hours: official", 18),
    ("Two civilians killed as fighting rages in Ukraine's Donetsk", 2),
    ("Ukraine rivals sign deal to end crisis", None),
])
def test_headline_killed(headline, killed):
    assert ev.headline_killed(headline) == killed


def test_ucdp_dates_month_first():
    assert ev_ucdp._ucdp_date("05/02/2014 00:00") == dt.date(2014, 5, 2)


def test_ucdp_dates_day_first_when_it_must_be():
    assert ev_ucdp._ucdp_date("1/27/2014 12:00:00 AM") == dt.date(2014, 1, 27)


def test_ucdp_source_dates_are_day_first_and_earliest_wins():
    assert ev_ucdp._source_date("03/05/2014;2014-04-30") == dt.date(2014, 4, 30)


def test_decode_lines_falls_back_to_cp1252():
    assert ev_ucdp._decode_lines("Ukraine’s".encode("cp1252") + b"\n" + "Київ".encode("utf-8")) == "Ukraine’s\nКиїв"


@needs_ucdp
def test_read_ucdp_reads_every_row():
    assert len(ev.read_ucdp(UCDP)) == 3437


@needs_ucdp
def test_read_ucdp_cp1252_row():
    row = next(r for r in ev.read_ucdp(UCDP) if r.id == "149250")
    assert ("Ukraine’s Lvov" in row.text, row.published, row.date_start) == (True, dt.date(2014, 2, 20),
                                                                            dt.date(2014, 2, 20))


@needs_ucdp
def test_read_ucdp_row_fields():
    row = next(r for r in ev.read_ucdp(UCDP) if r.id == "149221")
    assert (row.published, row.date_start, row.adm_1, row.where_prec, row.low, row.high) == (
        dt.date(2014, 1, 27), dt.date(2014, 1, 27), "Kyiv City", 1, 1, 1)


@needs_ucdp
def test_read_ucdp_headlines_one_per_line():
    row = next(r for r in ev.read_ucdp(UCDP) if r.id == "147997")
    assert row.text.splitlines()[:2] == ["Police disperse Kiev protest, activists say one shot dead",
                                         "Two activists shot dead during Ukraine protests: prosecutors sjw/ma/dh"]


@needs_ucdp
def test_read_ucdp_years():
    assert {r.year for r in ev.read_ucdp(UCDP, years=(2022, 2023))} == {2022, 2023}


@needs_ucdp
def test_read_ucdp_limit_is_deterministic():
    first, second = ev.read_ucdp(UCDP, limit=7), ev.read_ucdp(UCDP, limit=7)
    assert [r.id for r in first] == [r.id for r in second] and len(first) == 7


@needs_ucdp
def test_read_ucdp_folder_and_split():
    assert len(ev.read_ucdp(UCDP.parent, "dev", limit=3)) == 3


def test_read_ucdp_missing_file(tmp_path):
    with pytest.raises(EvalError, match="cannot read UCDP file"):
        ev.read_ucdp(tmp_path / "none.csv")


@needs_ucdp
def test_evaluate_ucdp_with_a_stub_extractor():
    calls = []

    def extract(text, published):
        return [event("shelling", location=KRAMATORSK, start=published,
                      quantities=[Quantity(1, "people", "killed")])]

    report = ev.evaluate_ucdp(UCDP, extract, limit=40, progress=lambda done, total: calls.append((done, total)))
    assert (report.rows, report.found, calls[-1], report.placed.total <= 40) == (40, ev.Share(40, 40), (40, 40), True)


def test_ucdp_hits_nearest_place_decides():
    row = ev.UcdpRow("1", 2022, "t", dt.date(2022, 5, 2), 1, 48.73106, 37.56779, "Donetsk", "", dt.date(2022, 5, 1),
                     dt.date(2022, 5, 1), 2, 3, 4, 3)
    events = [event(location=KYIV, start=dt.date(2022, 5, 2), quantities=[Quantity(3, "soldiers", "killed")]),
              event(location=DRUZHKIVKA, start=dt.date(2022, 4, 1))]
    assert ev_ucdp._ucdp_hits(row, events) == {"found": True, "placed": True, "oblast": True, "dated": True,
                                          "killed": True}


def test_format_ucdp_shows_shares_and_counts():
    report = ev.UcdpReport("dev", 10, ev.Share(9, 10), ev.Share(3, 6), ev.Share(5, 8), ev.Share(7, 10),
                           ev.Share(1, 2))
    assert "placed   0.500     3   6  nearest event within 25 km (where_prec 1-2)\n" in ev.format_ucdp(report)


@needs_ucdp
def test_ucdp_misses_name_the_failed_measures():
    def extract(text, published):
        return [event("shelling", location=KYIV, start=published)]

    report = ev.evaluate_ucdp(UCDP, extract, limit=30)
    failing = [r.id for r in ev.read_ucdp(UCDP, limit=30)
               if False in ev_ucdp._ucdp_hits(r, extract(r.text, r.published)).values()]
    assert [m.row.id for m in report.misses] == failing and 0 < len(failing) < 30
    miss = report.misses[0]
    assert set(miss.failed) <= {"placed", "oblast", "dated", "killed"} and miss.failed
    assert miss.events[0].location == KYIV
    text = ev.format_ucdp_misses(report)
    assert text.startswith(f"row {miss.row.id} (") and "    | " in text and "shelling at Kyiv" in text


def test_format_ucdp_misses_when_none():
    report = ev.UcdpReport("dev", 1, ev.Share(1, 1), ev.Share(1, 1), ev.Share(1, 1), ev.Share(1, 1), ev.Share())
    assert ev.format_ucdp_misses(report) == "every row passed every measure that applies to it"


@needs_ucdp
def test_ucdp_report_counts_rows_that_hold_only_names():
    report = ev.evaluate_ucdp(UCDP, lambda text, published: (), limit=60)
    assert report.found.hits == 0 and report.rows == 60
    assert 0 < report.names_only < 60
    assert "have only names" in ev.format_ucdp(report)


@pytest.mark.parametrize(("line", "name"), [
    ("Debaltseve", True),
    ("Rob Lee @RALee85", True),
    ("NOËL (reports) @NOELreports · 20h", True),
    ("Shelling kills two in Kharkiv", False),
    ("Drone attack on Odesa port, says @Ukraine_Navy spokesman Pletenchuk today", False),
    ("Write to the ministry at press@mod.gov.ua", False),     # an e-mail address is no account handle
])
def test_a_name_or_account_handle_is_no_headline(line, name):
    assert ev_ucdp._is_name_line(line) is name


def test_reliability_bins_count_right_and_wrong_predictions():
    from frontline.evaluation import ArticleScores, EvalReport, MatchedPair, reliability
    from frontline.models import Claim, Event, EventDate, Evidence

    def pred(conf):
        return Event("e", "a", "armed_clash", None, EventDate(None, "unknown"), None, None, (), Claim(),
                     Evidence("s", 0, 1), conf)
    right = MatchedPair(None, pred(0.9), {"place": True, "date": True})
    wrong_date = MatchedPair(None, pred(0.7), {"place": True, "date": False})
    article = ArticleScores("a", {}, {}, pairs=(right, wrong_date), spurious=(pred(0.1), pred(0.75)))
    bins = reliability(EvalReport({}, {}, (article,)), bins=2)
    assert [(b.events, b.right, b.mean_confidence) for b in bins] == [(1, 0, 0.1), (3, 1, 0.783)]
