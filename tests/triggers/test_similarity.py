"""Typing sentences by their similarity to exemplars: the recall half of event typing."""

from __future__ import annotations

import datetime as dt

from frontline.models import RawArticle
from frontline.triggers.similarity import EXEMPLARS, SentenceTyper


def test_every_event_type_but_other_has_exemplars():
    assert len(EXEMPLARS) == 19 and "other" not in EXEMPLARS and all(len(v) >= 2 for v in EXEMPLARS.values())


def test_wording_without_a_trigger_word_is_typed(pipeline):
    typed = pipeline.typer.classify(["Aviation and artillery worked against the enemy 15 times.",
                                     "Marines tried to land at night near the nuclear plant.",
                                     "Rob Lee @RALee85", "Summary of the livestream with the former adviser."])
    assert [t[0] if t else None for t in typed] == ["air_drone_strike", "armed_clash", None, None]


def test_an_infiltration_attempt_is_found_by_meaning(pipeline):
    text = "More than 250 servicemen tried to infiltrate at night in the area of the Zaporizhzhia nuclear plant."
    # (the Zaporizhzhia nuclear plant stands in Enerhodar: frontline/data/facilities.tsv)
    events = pipeline.process(RawArticle(text=text, published=dt.date(2022, 9, 1))).events
    assert [(e.event_type, e.location.name, e.trigger) for e in events] == [("armed_clash", "Enerhodar", "tried")]
    worded = "More than 250 servicemen attacked at night in the area of the Zaporizhzhia nuclear plant."
    lexicon = pipeline.process(RawArticle(text=worded, published=dt.date(2022, 9, 1))).events
    assert events[0].confidence < lexicon[0].confidence


def test_a_sentence_whose_trigger_the_rules_rejected_is_not_retyped(pipeline):
    text = "Together with two comrades, he approached a lawyer who advised them to surrender their weapons."
    assert pipeline.process(RawArticle(text=text, published=dt.date(2022, 6, 4))).events == ()


def test_without_a_typer_only_trigger_words_count(pipeline):
    typer, pipeline.typer = pipeline.typer, None
    try:
        text = "More than 250 servicemen tried to infiltrate at night in the area of the Zaporizhzhia nuclear plant."
        assert pipeline.process(RawArticle(text=text, published=dt.date(2022, 9, 1))).events == ()
    finally:
        pipeline.typer = typer


def test_threshold_and_margin_are_settings(pipeline):
    strict = SentenceTyper(pipeline.typer.embedder, threshold=0.95)
    assert strict.classify(["Marines tried to land at night near the nuclear plant."]) == [None]
