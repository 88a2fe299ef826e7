"""The pipeline's contract: every input gives one result, and a broken stage fails one article, not the run."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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

_WORDS = st.sampled_from([
    "Russian", "Ukrainian", "troops", "forces", "shelled", "captured", "withdrew", "from", "the", "city", "of",
    "Kharkiv", "Sievierodonetsk", "Solone", "Moscow", "said", "on", "Tuesday", "last", "night", "2,000", "killed",
    "“", "”", ",", ".", "\n", "\n\n", "according", "to", "governor", "if", "not", "will", "surrounded", "'s",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORDS, min_size=1, max_size=60), junk=st.text(max_size=40))
def test_any_text_gives_a_result_and_every_evidence_is_a_view(pipeline, words, junk):
    text = " ".join(words) + junk
    result = pipeline.process(RawArticle(text=text, published=dt.date(2022, 6, 25)))
    assert result.article.status in ("ok", "skipped", "failed")
    for e in result.events:
        assert result.document.text[e.evidence.char_start:e.evidence.char_end] == e.evidence.sentence
        assert 0 <= e.confidence <= 1


def test_results_come_in_input_order_across_batches(pipeline):
    raws = []
    for i in range(40):
        if i % 3 == 0:
            raws.append(RawArticle(text="", path=f"{i}.txt", status="failed", error="empty file"))
        else:
            raws.append(RawArticle(text=f"Russian forces shelled Kharkiv on day {i}.", path=f"{i}.txt"))
    assert [r.article.path for r in pipeline.process_many(raws)] == [f"{i}.txt" for i in range(40)]


def test_a_text_too_long_for_the_parser_is_skipped_with_a_reason(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline.resources.nlp, "max_length", 100)
    raws = [RawArticle(text="Russian forces shelled Kharkiv. " * 10, path="long.txt"),
            RawArticle(text="Russian forces shelled Sumy.", path="short.txt")]
    long, short = pipeline.process_many(raws)
    assert long.article.status == "skipped" and "too long" in long.article.error
    assert short.article.status == "ok" and short.events


def test_a_parser_error_fails_only_its_article(pipeline, monkeypatch):
    nlp = pipeline.resources.nlp
    real_call = type(nlp).__call__

    def pipe(texts, **kwargs):
        raise RuntimeError("batch broke")

    def call(self, text, **kwargs):
        if "Sumy" in text:
            raise RuntimeError("bad text")
        return real_call(self, text, **kwargs)

    monkeypatch.setattr(nlp, "pipe", pipe)
    monkeypatch.setattr(type(nlp), "__call__", call)
    a, b = pipeline.process_many([RawArticle(text="Russian forces shelled Kharkiv.", path="a.txt"),
                                  RawArticle(text="Russian forces shelled Sumy.", path="b.txt")])
    assert a.article.status == "ok" and a.events
    assert b.article.status == "failed" and "nlp" in b.article.error and "bad text" in b.article.error
