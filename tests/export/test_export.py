import csv
import datetime as dt
import io
import json

import pytest

from frontline.errors import FrontlineError, StageError
from frontline.export.acled import ACLED_COLUMNS, acled_rows, acled_type
from frontline.export.formats import FORMATS, write
from frontline.export.records import to_geojson
from frontline.export.results import event_to_dict, to_dict, validate
from frontline.models import (
    EVENT_TYPES,
    Article,
    ArticleResult,
    Claim,
    Event,
    EventDate,
    Evidence,
    Location,
    Party,
    Quantity,
)

RU = Party("Russian forces", "RU")
UA = Party("Armed Forces of Ukraine", "UA")
HAIDAI = Party("Serhiy Haidai", "UA", "governor of Luhansk oblast")
CIVILIANS = Party("civilians", "civilians")
SIEVIERODONETSK = Location("Sievierodonetsk", 48.94816, 38.49116, "Luhansk", "UA", "settlement", 702658,
                           "Shevyerodonetsk")
BELGOROD = Location("Belgorod", 50.61074, 36.58015, "Belgorod", "RU", "settlement", 578072)
SENTENCE = "Russian troops entered Hirske and surrounded up to 2,000 Ukrainian troops, the governor said on Tuesday."


ASSERTED = Claim()


def event(event_type="armed_clash", *, location=SIEVIERODONETSK, initiator=RU, target=UA, trigger="attacked",
          quantities=(), claim=ASSERTED, n=0):
    return Event(event_id=f"e{event_type}{n}", article_id="a1", event_type=event_type, location=location,
                 date=EventDate(dt.date(2022, 6, 21), "day", text="on Tuesday"), initiator=initiator, target=target,
                 quantities=quantities, claim=claim, evidence=Evidence(SENTENCE, 120, 120 + len(SENTENCE)),
                 confidence=0.8, trigger=trigger)


ARTICLE = Article("a1", "ok", dt.date(2022, 6, 22), path="seeds/000.txt", title="Battle for Sievierodonetsk",
                  source="Kyiv Independent", language="en", quality_flags=("spun", "scraped"))
FAILED = Article("a2", "failed", None, path="seeds/broken.pdf", error="the PDF has no text layer; OCR it first")
EVENTS = (
    event("territory_captured", location=Location("Hirske", 48.7532, 38.4975, "Luhansk", "UA", "settlement"),
          trigger="entered", claim=Claim(HAIDAI, "claimed", contested=True)),
    event("encirclement", target=UA, trigger="surrounded",
          quantities=(Quantity(2000, "soldiers", "surrounded", approximate=True, text="up to 2,000"),)),
    event("casualties", location=None, initiator=None, target=UA, trigger="killed",
          quantities=(Quantity(10, "soldiers", "killed", text="ten"), Quantity(10, "soldiers", "injured"),
                      Quantity(3, "soldiers", "killed"))),
    event("shelling", location=BELGOROD, initiator=UA, target=CIVILIANS, trigger="shelled"),
)
RESULTS = (ArticleResult(ARTICLE, events=EVENTS), ArticleResult(FAILED))


def csv_rows(results):
    out = io.StringIO()
    write(results, "csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


# --- JSON contract ----------------------------------------------------------------------------------------

def test_to_dict_validates_against_the_schema():
    validate(to_dict(RESULTS))


def test_to_dict_lists_articles_and_events():
    assert [len(v) for v in to_dict(RESULTS).values()] == [2, 4]


def test_article_dict_is_exact():
    assert to_dict(RESULTS)["articles"][0] == {
        "article_id": "a1", "path": "seeds/000.txt", "url": None, "title": "Battle for Sievierodonetsk",
        "source": "Kyiv Independent", "published": "2022-06-22", "language": "en", "status": "ok", "error": None,
        "quality_flags": ["spun", "scraped"], "duplicate_of": None}


def test_failed_article_keeps_its_error():
    assert to_dict(RESULTS)["articles"][1]["error"] == "the PDF has no text layer; OCR it first"


def test_event_dict_is_exact():
    assert event_to_dict(EVENTS[1]) == {
        "event_id": "eencirclement0", "article_id": "a1", "event_type": "encirclement",
        "location": {"name": "Sievierodonetsk", "geonames_id": 702658, "lat": 48.94816, "lon": 38.49116,
                     "admin1": "Luhansk", "country_code": "UA", "precision": "settlement",
                     "mention": "Shevyerodonetsk"},
        "date": {"start": "2022-06-21", "end": None, "precision": "day", "text": "on Tuesday"},
        "initiator": {"name": "Russian forces", "side": "RU", "role": None},
        "target": {"name": "Armed Forces of Ukraine", "side": "UA", "role": None},
        "quantities": [{"value": 2000, "unit": "soldiers", "role": "surrounded", "approximate": True,
                        "text": "up to 2,000"}],
        "claim": {"claimed_by": None, "modality": "asserted", "contested": False},
        "evidence": {"sentence": SENTENCE, "char_start": 120, "char_end": 120 + len(SENTENCE)},
        "confidence": 0.8, "trigger": "surrounded"}


def test_event_without_location_has_null_location():
    assert event_to_dict(EVENTS[2])["location"] is None


def test_location_without_mention_leaves_the_key_out():
    assert "mention" not in event_to_dict(EVENTS[0])["location"]


def test_claimed_by_is_a_party_object():
    assert event_to_dict(EVENTS[0])["claim"]["claimed_by"] == {"name": "Serhiy Haidai", "side": "UA",
                                                               "role": "governor of Luhansk oblast"}


def test_validate_names_the_field_and_the_article():
    payload = to_dict(RESULTS)
    payload["events"][3]["confidence"] = 1.5
    with pytest.raises(StageError, match=r"article a1: .* at events\[3\]\.confidence: 1\.5 is greater than"):
        validate(payload)


def test_validate_checks_date_format():
    payload = to_dict(RESULTS)
    payload["articles"][1]["published"] = "22/06/2022"
    with pytest.raises(StageError, match=r"article a2: .* at articles\[1\]\.published: '22/06/2022' is not a 'date'"):
        validate(payload)


def test_validate_counts_further_errors():
    payload = to_dict(RESULTS)
    payload["events"][0]["event_type"] = "riot"
    del payload["events"][1]["claim"]
    with pytest.raises(StageError, match=r"\(and 1 more error\)$"):
        validate(payload)


def test_validate_error_is_a_frontline_error():
    with pytest.raises(FrontlineError, match=r"at \(top level\): 'events' is a required property"):
        validate({"articles": []})


# --- writers --------------------------------------------------------------------------------------------

def test_formats():
    assert FORMATS == ("json", "jsonl", "geojson", "csv")


def test_write_json_is_to_dict():
    out = io.StringIO()
    write(RESULTS, "json", out)
    assert json.loads(out.getvalue()) == to_dict(RESULTS)


def test_write_json_streams_the_text_of_one_indented_dump():
    for results in (RESULTS, (), RESULTS[:1]):
        for fused in (None, []):
            out = io.StringIO()
            write(iter(results), "json", out, fused)
            assert out.getvalue() == json.dumps(to_dict(results, fused), ensure_ascii=False, indent=2) + "\n"


def test_write_json_reads_fused_events_only_after_every_result():
    seen = []

    def results():
        for r in RESULTS:
            seen.append(r)
            yield r

    def fused():
        assert len(seen) == len(RESULTS)
        yield from ()

    out = io.StringIO()
    write(results(), "json", out, fused())
    assert json.loads(out.getvalue())["fused_events"] == []


def test_write_jsonl_is_one_line_per_article():
    out = io.StringIO()
    write(RESULTS, "jsonl", out)
    assert [(d["article"]["article_id"], len(d["events"])) for d in map(json.loads, out.getvalue().splitlines())] \
        == [("a1", 4), ("a2", 0)]


def test_write_unknown_format_says_which_exist():
    with pytest.raises(FrontlineError, match="choose one of json, jsonl, geojson, csv"):
        write(RESULTS, "xlsx", io.StringIO())


# --- GeoJSON ----------------------------------------------------------------------------------------------

def test_geojson_keeps_located_events_only():
    assert [f["id"] for f in to_geojson(RESULTS)["features"]] == ["eterritory_captured0", "eencirclement0",
                                                                   "eshelling0"]


def test_geojson_point_is_lon_lat():
    assert to_geojson(RESULTS)["features"][1]["geometry"] == {"type": "Point", "coordinates": [38.49116, 48.94816]}


def test_geojson_properties_are_flat():
    props = to_geojson(RESULTS)["features"][0]["properties"]
    # the one GeoJSON writer of every surface: the flat row of query.record_row, whose precision, outlet,
    # published, title and geonames_id a QGIS user needs beside the event's fields
    assert all(not isinstance(v, (dict, list)) for v in props.values())
    assert {"precision", "outlet", "published", "title", "geonames_id"} <= set(props)
    assert {k: props[k] for k in ("event_id", "article_id", "event_type", "date", "date_end", "date_precision",
                                  "location", "admin1", "country_code", "precision", "initiator", "initiator_side",
                                  "target", "target_side", "claimed_by", "modality", "contested", "fatalities",
                                  "evidence", "confidence")} == {
        "event_id": "eterritory_captured0", "article_id": "a1", "event_type": "territory_captured",
        "date": "2022-06-21", "date_end": None, "date_precision": "day", "location": "Hirske", "admin1": "Luhansk",
        "country_code": "UA", "precision": "settlement", "initiator": "Russian forces", "initiator_side": "RU",
        "target": "Armed Forces of Ukraine", "target_side": "UA", "claimed_by": "Serhiy Haidai",
        "modality": "claimed", "contested": True, "fatalities": 0, "evidence": SENTENCE, "confidence": 0.8}


def test_write_geojson_streams_the_same_collection():
    out = io.StringIO()
    write(RESULTS, "geojson", out)
    assert json.loads(out.getvalue()) == to_geojson(RESULTS)


def test_write_geojson_of_nothing_is_valid():
    out = io.StringIO()
    write([], "geojson", out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# --- ACLED CSV --------------------------------------------------------------------------------------------

def test_csv_header_is_acled_columns():
    out = io.StringIO()
    write(RESULTS, "csv", out)
    assert out.getvalue().splitlines()[0].split(",") == list(ACLED_COLUMNS)


def test_csv_has_one_row_per_event():
    assert [r["event_id_cnty"] for r in csv_rows(RESULTS)] == [e.event_id for e in EVENTS]


def test_csv_row_of_a_located_event():
    row = csv_rows(RESULTS)[0]
    assert {k: row[k] for k in ("event_date", "year", "time_precision", "iso", "country", "region", "admin1",
                                "location", "latitude", "longitude", "geo_precision", "source", "notes",
                                "tags")} == {
        "event_date": "2022-06-21", "year": "2022", "time_precision": "1", "iso": "804", "country": "Ukraine",
        "region": "Europe", "admin1": "Luhansk", "location": "Hirske", "latitude": "48.7532",
        "longitude": "38.4975", "geo_precision": "1", "source": "Kyiv Independent", "notes": SENTENCE,
        "tags": "claimed_by: Serhiy Haidai; claimed; contested"}


def test_csv_fatalities_sum_killed_quantities():
    assert csv_rows(RESULTS)[2]["fatalities"] == "13"


def test_csv_unlocated_event_has_empty_place():
    row = csv_rows(RESULTS)[2]
    assert (row["location"], row["latitude"], row["geo_precision"], row["iso"]) == ("", "", "", "")


def test_csv_actors_and_interaction():
    row = csv_rows(RESULTS)[3]
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"],
            row["civilian_targeting"]) == ("Armed Forces of Ukraine", "State forces", "civilians", "Civilians",
                                           "State forces-Civilians", "Civilian targeting")


def test_csv_interaction_with_one_actor():
    assert csv_rows(RESULTS)[2]["interaction"] == "State forces only"


def test_csv_source_falls_back_to_path():
    assert csv_rows([ArticleResult(FAILED, events=(event(),))])[0]["source"] == "seeds/broken.pdf"


def test_csv_month_precision_and_district():
    e = event(location=Location("Sievierodonetskyi raion", 49.0, 38.4, "Luhansk", "UA", "district"))
    e = Event(**{**{f: getattr(e, f) for f in e.__slots__}, "date": EventDate(dt.date(2022, 6, 1), "month")})
    row = next(acled_rows([ArticleResult(ARTICLE, events=(e,))]))
    assert (row["time_precision"], row["geo_precision"]) == (2, 2)


EXPECTED_ACLED = {
    "armed_clash": ("Battles", "Armed clash"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "air_drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "territory_captured": ("Battles", "Non-state actor overtakes territory"),    # Russia's forces in Ukraine
    "territory_withdrawn": ("Strategic developments", "Change to group/activity"),
    "encirclement": ("Battles", "Armed clash"),
    "casualties": ("Battles", "Armed clash"),     # Russian forces killing Ukraine's: coded by cause, a clash
    "violence_against_civilians": ("Violence against civilians", "Attack"),
    "evacuation": ("Strategic developments", "Other"),
    "desertion": ("Strategic developments", "Other"),
    "surrender": ("Strategic developments", "Other"),
    "prisoner_exchange": ("Strategic developments", "Agreement"),
    "arrest": ("Violence against civilians", "Abduction/forced disappearance"),   # Russian forces, in Ukraine
    "protest": ("Protests", "Peaceful protest"),
    "mobilization": ("Strategic developments", "Other"),
    "negotiation": ("Strategic developments", "Agreement"),
    "sanction": ("Strategic developments", "Other"),
    "aid": ("Strategic developments", "Other"),
    "infrastructure_disruption": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "other": ("Strategic developments", "Other"),
}


def test_acled_table_covers_every_event_type():
    assert tuple(EXPECTED_ACLED) == EVENT_TYPES


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_acled_type_of_each_event_type(event_type):
    assert acled_type(event(event_type)) == EXPECTED_ACLED[event_type]


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_csv_row_maps_each_event_type(event_type):
    row = csv_rows([ArticleResult(ARTICLE, events=(event(event_type, trigger=""),))])[0]
    assert (row["event_type"], row["sub_event_type"]) == EXPECTED_ACLED[event_type]


def test_a_state_arresting_at_home_makes_an_arrest_and_a_force_abroad_an_abduction():
    assert acled_type(event("arrest", initiator=UA)) == ("Strategic developments", "Arrests")
    assert acled_type(event("arrest", initiator=RU, location=BELGOROD)) == ("Strategic developments", "Arrests")
    assert acled_type(event("arrest", initiator=RU)) == ("Violence against civilians",
                                                         "Abduction/forced disappearance")


def test_ukraine_retaking_its_territory_is_government_regains():
    assert acled_type(event("territory_captured", initiator=UA)) == ("Battles", "Government regains territory")


def test_russia_retaking_its_territory_is_government_regains():
    assert acled_type(event("territory_captured", location=BELGOROD)) == ("Battles", "Government regains territory")


def test_aligned_force_capture_is_non_state_overtakes():
    assert acled_type(event("territory_captured", initiator=Party("LNR forces", "RU_aligned"))) == \
        ("Battles", "Non-state actor overtakes territory")


def test_a_foreign_state_force_capturing_is_overtaking_territory_with_or_without_fighting():
    # ACLED's codebook gives the sub-type to a non-state or a foreign state actor acquiring control of a location
    for fought in (False, True):
        assert acled_type(event("territory_captured"), fighting_reported=fought) == \
            ("Battles", "Non-state actor overtakes territory")


def test_capture_by_no_known_side_with_fighting_reported_is_armed_clash():
    assert acled_type(event("territory_captured", initiator=None), fighting_reported=True) == ("Battles", "Armed clash")
    assert acled_type(event("territory_captured", initiator=None)) == ("Strategic developments",
                                                                      "Change to group/activity")


def test_capture_where_the_article_reports_fighting_there_is_armed_clash():
    rows = acled_rows([ArticleResult(ARTICLE, events=(event("armed_clash"),
                                                      event("territory_captured", initiator=None)))])
    assert [(r["event_type"], r["sub_event_type"]) for r in rows][1] == ("Battles", "Armed clash")


def test_abduction_of_civilians():
    assert acled_type(event("violence_against_civilians", trigger="abducted")) == \
        ("Violence against civilians", "Abduction/forced disappearance")


def test_infrastructure_disruption_without_attacker_is_other():
    assert acled_type(event("infrastructure_disruption", initiator=None)) == ("Strategic developments", "Other")


@pytest.mark.parametrize("event_type, disorder", [("armed_clash", "Political violence"),
                                                  ("protest", "Demonstrations"),
                                                  ("aid", "Strategic developments")])
def test_csv_disorder_type(event_type, disorder):
    assert next(acled_rows([ArticleResult(ARTICLE, events=(event(event_type),))]))["disorder_type"] == disorder


def test_protesters_inter():
    e = event("protest", initiator=Party("residents of Kherson", "civilians"), target=None)
    assert next(acled_rows([ArticleResult(ARTICLE, events=(e,))]))["interaction"] == "Protesters only"


def test_a_sighting_is_a_change_to_group_activity():
    # troops or equipment seen in or moving through a place: 'other' of sub-kind sighting (docs/EVENTS.md)
    assert acled_type(event("other", trigger="Column")) == ("Strategic developments", "Change to group/activity")
    assert acled_type(event("other", trigger="said")) == ("Strategic developments", "Other")
