"""API robustness: exact copies inside one run, derived tables repaired after an interrupted ingest,
impossible dates refused."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from frontline import api
from frontline.errors import InputError
from frontline.store.sqlite import SqliteStore as Store

KHARKIV = ("Russian forces shelled the centre of Kharkiv on Tuesday night, damaging two apartment blocks, the "
           "regional governor said on Wednesday. Three civilians were wounded and taken to hospital.")
BAKHMUT = ("Ukrainian troops repelled an assault near Bakhmut on Monday, the General Staff said. Heavy fighting "
           "continued around the town of Soledar, where two Russian tanks were destroyed.")
PUBLISHED = dt.date(2023, 1, 11)


def test_exact_copies_in_one_extract_are_marked_and_counted_once(tmp_path, pipeline):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(KHARKIV, encoding="utf-8")
    first, second = api.extract([tmp_path / "a.txt", tmp_path / "b.txt"], PUBLISHED, pipeline=pipeline)
    assert first.events and first.article.duplicate_of is None
    assert second.article.duplicate_of == first.article.article_id
    assert (second.article.duplicate_method, second.article.duplicate_score) == ("minhash", 1.0) and "duplicate" in second.article.quality_flags
    assert second.article.article_id != first.article.article_id
    assert second.events == ()
    ids = [e.event_id for r in (first, second) for e in r.events]
    assert len(ids) == len(set(ids))


def _fused_and_timelines(db) -> tuple[list, list]:
    con = sqlite3.connect(db)
    try:
        return (sorted(con.execute("SELECT fused_id, location_key, data FROM fused_events")),
                sorted(con.execute("SELECT place_key, data FROM timelines")))
    finally:
        con.close()


class Interrupted(Exception):
    pass


def _interrupted_ingest(paths, db, pipeline, after: int) -> None:
    seen = []

    def progress(result):
        seen.append(result)
        if len(seen) > after:
            raise Interrupted

    with pytest.raises(Interrupted):
        api.ingest(paths, db, PUBLISHED, pipeline=pipeline, progress=progress)


def test_repair_rebuilds_derived_tables_after_an_interrupted_ingest(tmp_path, pipeline):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(KHARKIV, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(BAKHMUT, encoding="utf-8")
    crashed = tmp_path / "crashed.db"
    _interrupted_ingest([tmp_path / "in"], crashed, pipeline, after=1)
    clean = tmp_path / "clean.db"      # what the interrupted run got to write: the first article
    api.ingest([tmp_path / "in" / "a.txt"], clean, PUBLISHED, pipeline=pipeline)
    with Store.open(crashed) as store:
        assert store.derived_stale()
    assert _fused_and_timelines(crashed) != _fused_and_timelines(clean)
    report = api.repair(crashed)
    assert report.fused_events == len(_fused_and_timelines(clean)[0])
    assert _fused_and_timelines(crashed) == _fused_and_timelines(clean)
    with Store.open(crashed) as store:
        assert not store.derived_stale()


def test_next_ingest_repairs_what_an_interrupted_one_left_stale(tmp_path, pipeline):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(KHARKIV, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(BAKHMUT, encoding="utf-8")
    (tmp_path / "other.txt").write_text("The weather was mild on Sunday.", encoding="utf-8")
    clean = tmp_path / "clean.db"
    api.ingest([tmp_path / "in"], clean, PUBLISHED, pipeline=pipeline)
    api.ingest([tmp_path / "other.txt"], clean, PUBLISHED, pipeline=pipeline)
    crashed = tmp_path / "crashed.db"
    _interrupted_ingest([tmp_path / "in"], crashed, pipeline, after=1)
    # the interrupted run wrote its first article; the next run touches no place of it
    api.ingest([tmp_path / "in" / "b.txt"], crashed, PUBLISHED, pipeline=pipeline)
    api.ingest([tmp_path / "other.txt"], crashed, PUBLISHED, pipeline=pipeline)
    assert _fused_and_timelines(crashed) == _fused_and_timelines(clean)


def test_impossible_published_date_is_refused_before_reading(pipeline):
    with pytest.raises(InputError, match="not a plausible publication date"):
        api.extract_text(KHARKIV, dt.date(1, 1, 1), pipeline=pipeline)
    with pytest.raises(InputError, match="not a plausible publication date"):
        api.extract(["x.txt"], dt.date(9999, 12, 31), pipeline=pipeline)
