"""The pipeline's contract: every input gives one result, and a broken stage fails one article, not the run."""

from __future__ import annotations

import datetime as dt

from frontline.mentions import quantities
from frontline.models import RawArticle


def test_a_stage_that_raises_fails_only_its_article(pipeline, monkeypatch):
    def broken(doc):
        if "Kharkiv" in doc.text:
            raise RuntimeError("boom")
        return []

    monkeypatch.setattr(quantities, "find_quantities", broken)
    raws = [RawArticle(text="Russian forces shelled Kharkiv.", path="a.txt", published=dt.date(2024, 1, 1)),
            RawArticle(text="Russian forces shelled Sumy.", path="b.txt", published=dt.date(2024, 1, 1))]
    a, b = pipeline.process_many(raws)
    assert a.article.status == "failed" and "quantities" in a.article.error and "a.txt" in a.article.error
    assert b.article.status == "ok" and b.events


def test_failed_inputs_pass_through_with_their_error(pipeline):
    raw = RawArticle(text="", path="empty.txt", status="failed", error="empty file")
    (result,) = pipeline.process_many([raw])
    assert result.article.status == "failed" and result.article.error == "empty file"
    assert result.article.path == "empty.txt"


def test_same_text_same_ids(pipeline):
    raw = RawArticle(text="Russian troops entered Hirske yesterday.", published=dt.date(2022, 6, 25))
    first, second = pipeline.process(raw), pipeline.process(raw)
    assert first.article.article_id == second.article.article_id
    assert [e.event_id for e in first.events] == [e.event_id for e in second.events]
