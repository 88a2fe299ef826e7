"""Background: what an article retells as history is marked, with its own date; its news is not."""

from __future__ import annotations

import pytest

RETOLD = [
    "Russia invaded Ukraine on February 24, but abandoned an early advance on the capital Kyiv in the face of fierce "
    "resistance.",
    "The reports come four months to the day since Russian President Vladimir Putin sent tens of thousands of troops "
    "across the border, sparking a conflict that has killed thousands, uprooted millions and reduced entire cities "
    "in ruins.",
    "Earlier this year, in March, Russian forces shelled Kharkiv for weeks.",
]


@pytest.mark.parametrize("text", RETOLD)
def test_retold_history_is_background(run, text):
    events = run(text, "2022-06-24").events
    assert events and all(e.background for e in events)


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kharkiv on Tuesday, killing two civilians.",
    "Ukrainian troops withdrew from Sievierodonetsk last night, the governor said.",
])
def test_the_news_is_not_background(run, text):
    events = run(text, "2022-06-24").events
    assert events and not any(e.background for e in events)
