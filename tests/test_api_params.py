"""Issue 26 item 7: the Python API takes what the REST API takes, with the same errors."""

from __future__ import annotations

import datetime as dt

import pytest
from stores import fill

from frontline import api
from frontline.errors import QueryError, StoreError


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    name = str(tmp_path_factory.mktemp("apiparams") / "a.db")
    fill(name)
    return name


def test_text_dates_and_a_rest_bbox(db):
    by_text = api.events_frame(db, since="2022-06-01", until="2022-12-31")
    by_date = api.events_frame(db, since=dt.date(2022, 6, 1), until=dt.date(2022, 12, 31))
    assert len(by_text) == len(by_date) > 0
    assert list(by_text.event_id) == list(by_date.event_id)
    boxed = api.events_frame(db, bbox="37,47.5,39,49.5")
    assert len(boxed) == len(api.events_frame(db, bbox=(37, 47.5, 39, 49.5))) > 0
    assert len(api.events_frame(db, updated_since="2000-01-01T00:00:00Z")) == len(api.events_frame(db))
    assert len(api.events_frame(db, type="shelling")) == len(api.events_frame(db, types=("shelling",)))


@pytest.mark.parametrize(("filters", "says"), [({"since": "2022-13-01"}, "YYYY-MM-DD"),
                                                ({"bbox": "37,47.5"}, "west,south,east,north"),
                                                ({"side": "Russia"}, "not one of RU"),
                                                ({"settlment": "Bakhmut"}, "did you mean settlement?"),
                                                ({"event_type": "Battles"}, "frontline's is type")])
def test_the_rest_apis_errors(db, filters, says):
    with pytest.raises(QueryError, match=says):
        api.events_frame(db, **filters)


def test_a_missing_store_is_an_error_and_no_file_is_made(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no such file"):
        api.events_frame(missing)
    assert not missing.exists()


def test_an_unknown_place_fails_and_suggests(db, pipeline, tmp_path):
    from click.testing import CliRunner

    from frontline.cli import cli
    from frontline.errors import UnknownPlaceError

    with pytest.raises(UnknownPlaceError) as caught:
        api.timeline(db, "Xyzzy", gazetteer=pipeline.resources.gazetteer)
    assert "Khyzhky (Sumy)" in caught.value.suggestions
    run = CliRunner().invoke(cli, ["timeline", "Xyzzy", "--db", db])
    assert run.exit_code != 0 and "did you mean Khyzhky (Sumy)" in run.output
    assert api.timeline(db, "Severodonetsk", gazetteer=pipeline.resources.gazetteer).place == "Sievierodonetsk"
