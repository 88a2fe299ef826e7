import datetime as dt
from io import StringIO

from rich.console import Console

from frontline.models import (
    Article,
    ArticleResult,
    Claim,
    Event,
    EventDate,
    Evidence,
    Location,
    Party,
)
from frontline.report import print_summary
from frontline.store.sqlite import SqliteStore as Store


def one_result() -> ArticleResult:
    loc = Location("Sievierodonetsk", 48.948, 38.491, "Luhansk", "UA", "settlement", 691999, "Severodonetsk")
    event = Event("e1", "a1", "territory_withdrawn", loc, EventDate(dt.date(2022, 6, 24), "day", None, "last night"),
                  Party("Ukrainian forces", "UA"), Party("Russian forces", "RU"), (),
                  Claim(Party("Serhiy Haidai", "UA"), "planned"), Evidence("Ukraine was due to withdraw.", 0, 28), 0.7)
    return ArticleResult(Article("a1", "ok", dt.date(2022, 6, 25), path="003.txt"), events=(event,))


def test_summary_prints_types_places_and_dates(tmp_path):
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        store.write(one_result())
    out = StringIO()
    summary = print_summary(db, Console(file=out, width=120))
    text = out.getvalue()
    assert summary.events == 1
    for expected in ("Events by type", "territory_withdrawn", "Sievierodonetsk", "Luhansk", "2022-06-24"):
        assert expected in text
