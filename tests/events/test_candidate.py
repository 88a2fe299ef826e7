"""The mentions of a sentence, and the one nearest a trigger in the parse."""

from __future__ import annotations

from frontline.events.candidate import nearest, within
from frontline.models import DateMention


def _date(doc, word):
    start = doc.text.index(word)
    return DateMention(start, start + len(word), word, None, None, "unknown")


def test_within_keeps_the_mentions_inside_the_span(pipeline):
    doc = pipeline.resources.nlp("Troops entered the town yesterday and left today.")
    dates = [_date(doc, "yesterday"), _date(doc, "today")]
    assert [d.text for d in within(dates, 0, doc.text.index(" and"))] == ["yesterday"]


def test_nearest_in_the_tree_wins(pipeline):
    doc = pipeline.resources.nlp("Troops entered the town yesterday and left today.")
    dates = [_date(doc, "yesterday"), _date(doc, "today")]
    left = next(t for t in doc if t.text == "left")
    entered = next(t for t in doc if t.text == "entered")
    assert nearest(doc, left, dates).text == "today"
    assert nearest(doc, entered, dates).text == "yesterday"
    assert nearest(doc, left, []) is None
