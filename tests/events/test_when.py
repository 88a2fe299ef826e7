"""The date of one trigger."""

from __future__ import annotations

import datetime as dt

from frontline.events.when import date_event, lasting

_PUBLISHED = dt.date(2022, 6, 25)


def test_an_undated_event_defaults_to_publication(pipeline):
    doc = pipeline.resources.nlp("Troops shelled the town.")
    date, defaulted = date_event(doc, doc[1], [], [doc[1]], _PUBLISHED)
    assert (date.start, date.precision, date.text, defaulted) == (_PUBLISHED, "day", None, True)
    date, defaulted = date_event(doc, doc[1], [], [doc[1]], None)
    assert (date.start, date.precision, defaulted) == (None, "unknown", False)


def test_an_event_told_as_lasting_spans_a_range_to_publication(pipeline):
    doc = pipeline.resources.nlp("Ukrainian troops resisted the assault for weeks.")
    resisted = next(t for t in doc if t.text == "resisted")
    span = lasting(resisted, _PUBLISHED)
    assert (span.start, span.end, span.precision, span.text) == (dt.date(2022, 6, 4), _PUBLISHED, "day", "for weeks")
    date, defaulted = date_event(doc, resisted, [], [resisted], _PUBLISHED)
    assert date == span and not defaulted
