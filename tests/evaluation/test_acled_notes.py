"""The ACLED yardstick (frontline.evaluation.acled): reading an export and the arithmetic of its measures.

The notes of tests/data/acled/written_notes.csv were written by hand for these tests (see the README beside them):
they check the arithmetic, not frontline's quality.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontline.errors import EvalError, StageError
from frontline.evaluation.acled import evaluate_acled, read_acled
from frontline.evaluation.report import format_acled, format_acled_misses
from frontline.models import Article, ArticleResult, Claim, Event, EventDate, Evidence, Location, Quantity

WRITTEN = Path(__file__).parent.parent / "data" / "acled" / "written_notes.csv"


def _event(kind: str, killed: float = 0, lat: float = 49.71, lon: float = 37.62, background: bool = False,
           quantity_kind: str = "incident") -> Event:
    return Event(
        event_id=f"{kind}{killed}", article_id="a", event_type=kind,
        location=Location("X", lat, lon, "Kharkiv", "UA", "settlement"), date=EventDate(dt.date(2024, 3, 5), "day"),
        initiator=None, target=None,
        quantities=(Quantity(killed, "civilians", "killed", kind=quantity_kind),) if killed else (),  # type: ignore[arg-type]
        claim=Claim(), evidence=Evidence("s", 0, 1), confidence=0.9, background=background)


def _result(text: str, *events: Event) -> ArticleResult:
    return ArticleResult(article=Article(article_id=f"id {text}", status="ok", published=dt.date(2024, 3, 5)), events=events)


def test_read_acled_takes_acled_columns_and_date_formats():
    notes = read_acled(WRITTEN)
    assert [n.id for n in notes] == ["TEST1", "TEST2", "TEST3", "TEST4", "TEST5"]
    first = notes[0]
    assert (first.published, first.fatalities, first.event_type, first.geo_precision) == (
        dt.date(2024, 3, 5), 2, "Explosions/Remote violence", 1)
    assert first.text.startswith("On 5 March 2024, Russian forces shelled Kupiansk")
    assert notes[3].published == dt.date(2024, 3, 6)        # '6 March 2024', ACLED's older export format
    assert notes[0].placed_precisely and not notes[4].placed_precisely     # geo_precision 3: no point to hold to


def test_read_acled_tolerates_missing_optional_columns(tmp_path):
    path = tmp_path / "few.csv"
    path.write_text('event_date,notes,fatalities\n31-Jul-22,"On 31 July 2022, Russian forces shelled X.",0\n')
    (note,) = read_acled(path)
    assert (note.published, note.event_type, note.latitude, note.placed_precisely) == (
        dt.date(2022, 7, 31), "", None, False)


def test_read_acled_refuses_a_file_without_the_required_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("event_date,text\n2024-01-01,hello\n")
    with pytest.raises(EvalError, match="no notes, fatalities column"):
        read_acled(path)
    bad_date = tmp_path / "bad_date.csv"
    bad_date.write_text('event_date,notes,fatalities\nyesterday,"Shelling.",0\n')
    with pytest.raises(EvalError, match="unreadable event_date"):
        read_acled(bad_date)


def test_the_measures_add_up():
    # per note, in file order, what a made-up extractor returns (the notes' text is not read)
    made: dict[str, ArticleResult] = {}
    notes = read_acled(WRITTEN)
    made[notes[0].text] = _result("1", _event("shelling"), _event("casualties", killed=2))   # split off, toll 2
    made[notes[1].text] = _result("2", _event("shelling", lat=51.15, lon=34.30))             # right
    made[notes[2].text] = _result("3", _event("armed_clash", killed=90, lat=48.14, lon=37.75,
                                              quantity_kind="claimed_enemy_losses"))        # claim: 0 fatalities
    made[notes[3].text] = _result("4", _event("shelling", killed=3, lat=50.0),               # wrong sub-type, far, 3 dead
                                  _event("armed_clash", background=True))                   # history: not counted
    report = evaluate_acled(WRITTEN, lambda text, published: made.get(text) or _result(text))
    assert (report.notes, report.with_events, report.events) == (5, 4, 5)
    assert report.per_note_with_events == 5 / 4
    assert (report.split_off.hits, report.split_off.total) == (1, 5)
    assert (report.fatalities_equal.hits, report.fatalities_equal.total) == (4, 5)    # note 4: 3 against 0
    assert (report.fatalities, report.acled_fatalities) == (5, 2)
    assert (report.typed.hits, report.typed.total) == (4, 5)       # note 5 has no event
    assert (report.sub_typed.hits, report.sub_typed.total) == (3, 5)   # note 4 is a shelling, not an air strike
    assert (report.placed.hits, report.placed.total) == (3, 4)   # note 4 is 30 km off; note 5 has precision 3
    assert report.copies.total == 5
    assert {m.note.id for m in report.misses} == {"TEST1", "TEST4", "TEST5"}
    table = format_acled(report)
    assert "events per note    1.25" in table and "fatalities sum    2.50x" in table
    assert "note TEST4 (fatalities, sub typed, placed failed)" in format_acled_misses(report)


def test_a_failed_note_counts_as_no_event():
    def extract(text: str, published: dt.date) -> ArticleResult:
        raise StageError("nlp", "a", "boom")

    report = evaluate_acled(WRITTEN, extract)
    assert (report.failed, report.with_events, report.typed.hits) == (5, 0, 0)
    assert report.fatalities_equal.hits == 4          # every note but the one with 2 dead codes none


def test_the_cli_scores_an_acled_export(tmp_path):
    from click.testing import CliRunner

    from frontline.cli import cli

    path = tmp_path / "notes.csv"
    path.write_text(WRITTEN.read_text(encoding="utf-8").split("\nTEST2")[0] + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--acled", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "ACLED notes, 1 notes" in result.output and "fatalities equal" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    result = CliRunner().invoke(cli, ["eval", "--acled", str(bad)])
    assert result.exit_code != 0 and "not an ACLED export" in result.output
