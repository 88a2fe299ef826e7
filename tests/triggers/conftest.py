"""Fixtures of the trigger tests: the (word, type) pairs the trigger finder reads from a text."""

from __future__ import annotations

import pytest

from frontline.triggers.find import find_triggers


@pytest.fixture(scope="module")
def types(pipeline):
    def _types(text, has_place=True):
        doc = pipeline.resources.nlp(text)
        return [(t.token.text, t.event_type) for s in doc.sents for t in find_triggers(s, has_place)]
    return _types
