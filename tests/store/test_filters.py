"""The one parser of filter parameters (``frontline.store.filters``) the REST API, CLI and Python API share."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.errors import QueryError
from frontline.store.filters import check_parameters, parse_filter


def test_text_and_python_values_give_one_filter():
    by_text = parse_filter({"type": "shelling", "since": "2022-08-01", "until": "2022-12-31", "bbox": "37,47.5,39,49",
                            "side": "ru", "contested": "true", "updated_since": "2024-05-01T12:00:00Z",
                            "min_confidence": "0.5"})
    by_value = parse_filter({"types": ("shelling",), "since": dt.date(2022, 8, 1), "until": dt.date(2022, 12, 31),
                             "bbox": (37, 47.5, 39, 49), "side": "RU", "contested": True,
                             "updated_since": dt.datetime(2024, 5, 1, 12, tzinfo=dt.timezone.utc),
                             "min_confidence": 0.5})
    assert by_text == by_value


@pytest.mark.parametrize(("values", "says"), [
    ({"since": "2022-08-01", "until": "2022-01-01"}, "swap them"),
    ({"bbox": "1e999,0,1,1"}, "four numbers"), ({"bbox": "10,50,20,40"}, "south <= north"),
    ({"min_confidence": "2"}, "between 0 and 1"), ({"contested": "maybe"}, "true or false"),
    ({"q": "a\x00b"}, "control character"), ({"updated_since": "yesterday"}, "ISO 8601"),
    ({"updated_since": "0001-01-01T00:00:00+05:00"}, "out of range"),
    ({"modality": "rumoured"}, "not one of"), ({"page": 2}, "next_cursor")])
def test_bad_values_say_what_is_accepted(values, says):
    with pytest.raises(QueryError, match=says):
        parse_filter(values)


def test_unknown_names_get_the_closest_known_one():
    with pytest.raises(QueryError, match=r"settlment is not a parameter \(did you mean settlement\?\)"):
        check_parameters(["settlment"], ["settlement", "oblast"])
    with pytest.raises(QueryError, match="admin1 is ACLED's name; frontline's is oblast"):
        check_parameters(["admin1"], ["settlement", "oblast"])
    check_parameters(["oblast"], ["settlement", "oblast"])


def test_claimant_names_match_across_spellings(tmp_path):
    from stores import fill

    from frontline.store.filters import name_key
    from frontline.store.query import Catalog, EventFilter
    assert name_key("Russian Defense Ministry") == name_key("russian defence-ministry.") == name_key(
        "RUSSIAN  DEFENCE MINISTRY")
    assert name_key("Ukraine’s General Staff") == name_key("Ukraine's general staff")
    db = str(tmp_path / "c.db")
    fill(db)
    with Catalog.open(db) as catalog:
        counts = {name: catalog.events(EventFilter(claimant=name)).total
                  for name in ("Russian Defence Ministry", "Russian Defense Ministry", "russian defence ministry.",
                               "Russian Offence Ministry")}
    assert counts["Russian Defence Ministry"] > 0 and counts["Russian Offence Ministry"] == 0
    assert counts["Russian Defense Ministry"] == counts["russian defence ministry."] == counts["Russian Defence Ministry"]
