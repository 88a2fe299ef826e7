"""Stages that handle many articles at once isolate each one (issue 25): an article that breaks copy marking
becomes a failed article with its reason and the others are stored; a place whose events break fusion keeps no
fused events and the other places are refreshed."""

from __future__ import annotations

import datetime as dt

from stores import corpus, empty_db  # noqa: F401 - empty_db is a fixture

from frontline.corpus import fuse as corpus_fuse
from frontline.corpus.copies import CopyDetector
from frontline.models import RawArticle
from frontline.store import ingest as store_ingest
from frontline.store import refresh
from frontline.store.backend import open_store


def test_an_article_that_breaks_copy_marking_is_stored_failed_and_the_others_go_on(empty_db, pipeline,  # noqa: F811
                                                                                   monkeypatch):
    real = store_ingest.result_fingerprint

    def breaks_on_izium(result):
        if result.document is not None and "Izium" in result.document.text:
            raise ValueError("could not convert string to float: '24.3.2022'")
        return real(result)

    monkeypatch.setattr(store_ingest, "result_fingerprint", breaks_on_izium)
    raws = [RawArticle(text=f"Russian forces shelled {town} on Tuesday, the governor said.",
                       published=dt.date(2022, 6, 25), path=f"{town}.txt") for town in ("Kharkiv", "Izium", "Sumy")]
    with open_store(empty_db) as store:
        report = store_ingest.ingest(store, raws, pipeline.process_many, CopyDetector())
        stored = {r.article.path: r.article for r in store.results(documents=False, mentions=False)}
    assert (report.articles, report.ok, report.failed) == (3, 2, 1)
    assert stored["Izium.txt"].status == "failed" and "24.3.2022" in stored["Izium.txt"].error
    assert stored["Kharkiv.txt"].status == stored["Sumy.txt"].status == "ok"


def test_a_place_whose_events_break_fusion_does_not_stop_the_others(empty_db, monkeypatch):  # noqa: F811
    results = corpus()
    with open_store(empty_db) as store:
        for r in results:
            store.write(r)
        keys = {corpus_fuse.location_key(e.location) for r in results for e in r.events if e.location}
        real = corpus_fuse.fuse_corpus
        bad = sorted(keys)[0]

        def breaks_at_one_place(events, articles):
            events = list(events)
            if any(e.location is not None and corpus_fuse.location_key(e.location) == bad for e in events):
                raise ValueError("year -976 is out of range")
            return real(events, articles)

        monkeypatch.setattr(corpus_fuse, "fuse_corpus", breaks_at_one_place)
        fused, _ = refresh.refresh_places(store, keys)
        stored = store.fused_events()
    assert fused > 0 and len(stored) == fused
    assert all(corpus_fuse.location_key(f.location) != bad for f in stored if f.location is not None)
