"""The Python API that every interface calls."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline import api
from frontline.errors import InputError
from frontline.runner import InProcess
from frontline.store import refresh


def test_extract_reads_files_and_resolves_against_the_given_date(tmp_path, pipeline):
    path = tmp_path / "a.txt"
    path.write_text("Russian forces shelled Kharkiv on Tuesday, the governor said.", encoding="utf-8")
    (result,) = api.extract([path], published=dt.date(2024, 5, 16), pipeline=pipeline)
    assert result.article.path == str(path) and result.article.published == dt.date(2024, 5, 16)
    (event,) = result.events
    assert event.event_type == "shelling" and event.date.start == dt.date(2024, 5, 14)


def test_extract_text_reads_a_string(pipeline):
    result = api.extract_text("Russian forces shelled Kharkiv on Tuesday, the governor said.",
                              dt.date(2024, 5, 16), source="pasted", pipeline=pipeline)
    assert (result.article.status, result.article.source, result.article.published) == (
        "ok", "pasted", dt.date(2024, 5, 16))
    (event,) = result.events
    assert (event.event_type, event.location.name, event.date.start) == ("shelling", "Kharkiv", dt.date(2024, 5, 14))


def test_extract_text_of_nothing_is_a_skipped_article(pipeline):
    result = api.extract_text("   ", pipeline=pipeline)
    assert (result.article.status, result.article.error, result.events) == (
        "skipped", "no article text left after cleaning", ())


def test_extract_without_paths_is_an_input_error(pipeline):
    with pytest.raises(InputError):
        api.extract([], pipeline=pipeline)


def test_ingest_then_read_back(tmp_path, pipeline):
    db = tmp_path / "x.db"
    first = api.ingest([api.sample_corpus()], db, pipeline=pipeline)
    again = api.ingest([api.sample_corpus()], db, pipeline=pipeline)
    assert (first.articles, first.ok, first.changed) == (5, 5, 5)
    assert (again.changed, again.unchanged, again.events) == (0, 5, first.events)
    stored = api.stored_results(db)
    assert sum(len(r.events) for r in stored) == first.events


def test_gold_evaluation_runs_on_the_bundled_corpus(pipeline):
    report = api.evaluate_gold(pipeline=pipeline)
    assert report.levels["type"].gold == sum(1 for line in api.default_gold().read_text().splitlines()
                                             if line.strip() and not line.startswith("#"))
    # the quality floor of this release: never lowered quietly (see docs/EVALUATION.md)
    assert report.levels["type+place+date"].f1 >= 0.50


def test_copy_detection_shares_the_pipelines_embedding_model(pipeline):
    from frontline.api import _detector

    assert _detector(pipeline).embedder is pipeline.typer.embedder


class _Counting:
    """A runner that counts the inputs handed to extraction."""

    def __init__(self, pipeline):
        self.inner, self.seen = InProcess(pipeline), 0

    def run(self, raws, progress=None):
        def counted():
            for raw in raws:
                self.seen += 1
                yield raw
        return self.inner.run(counted(), progress)

    def close(self):
        pass


class _Stop(Exception):
    pass


def test_an_interrupted_ingest_resumes_skipping_stored_inputs_before_any_nlp(tmp_path, pipeline, store_content):
    whole = api.ingest([api.sample_corpus()], tmp_path / "whole.db", pipeline=pipeline, runner=InProcess(pipeline))
    done = []

    def stop_at_the_third(result):
        done.append(result)
        if len(done) == 3:
            raise _Stop

    db = tmp_path / "resumed.db"
    with pytest.raises(_Stop):
        api.ingest([api.sample_corpus()], db, pipeline=pipeline, runner=InProcess(pipeline), progress=stop_at_the_third)
    counting = _Counting(pipeline)
    resumed = api.ingest([api.sample_corpus()], db, pipeline=pipeline, runner=counting)
    assert counting.seen == 3                   # the two articles stored before the interruption were skipped
    assert (resumed.articles, resumed.events, resumed.copies) == (whole.articles, whole.events, whole.copies)
    assert store_content(db) == store_content(tmp_path / "whole.db")
    counting = _Counting(pipeline)
    again = api.ingest([api.sample_corpus()], db, pipeline=pipeline, runner=counting)
    assert counting.seen == 0 and (again.unchanged, again.events) == (5, whole.events)


def test_places_are_refreshed_in_groups_bounded_by_events(monkeypatch):
    monkeypatch.setattr(refresh, "REFRESH_EVENTS", 10)
    monkeypatch.setattr(refresh, "REFRESH_PLACES", 3)
    counts = {"a": 4, "b": 5, "c": 12, "d": 1, "e": 1, "f": 1, "g": 1}
    groups = list(refresh.place_groups(counts, [*counts, "unknown"]))
    assert groups == [["a", "b"], ["c"], ["d", "e", "f"], ["g", "unknown"]]     # one place alone may exceed it
    assert sorted(k for g in groups for k in g) == sorted([*counts, "unknown"])
