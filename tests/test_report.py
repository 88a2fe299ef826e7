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


def test_summary_is_a_month_table_with_a_sparkline_and_lists_failures(tmp_path):
    db = tmp_path / "m.db"
    base = one_result()
    failed = ArticleResult(Article("f1", "failed", None, path="broken.html", error="cannot decode: not UTF-8"))
    with Store.open(db) as store:
        for n in range(40):     # 40 days of events: 40 lines a day before, two months now
            day = dt.date(2022, 6, 1) + dt.timedelta(days=n)
            ev = base.events[0]
            ev = Event(f"e{n}", f"a{n}", ev.event_type, ev.location, EventDate(day, "day"), ev.initiator, ev.target,
                       (), ev.claim, ev.evidence, 0.7)
            store.write(ArticleResult(Article(f"a{n}", "ok", day, path=f"{n}.txt"), events=(ev,)))
        store.write(failed)
    out = StringIO()
    print_summary(db, Console(file=out, width=160))
    text = out.getvalue()
    assert "2022-06" in text and "2022-07" in text and "2022-06-24 " not in text.replace("(", " (")
    assert "▁" in text or "█" in text
    assert "broken.html" in text and "not UTF-8" in text
