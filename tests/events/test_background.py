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


@pytest.mark.parametrize("text", [
    # 'since X' opens a period that runs up to publication: what goes on since then is news
    "There has been a fight for control of Sievierodonetsk since the beginning of the invasion on February 24.",
    "Fighting has raged around Avdiivka since March.",
    # a date the event is compared with is not its date ('the bloodiest day since ...')
    "Four Ukrainian soldiers were killed in the bloodiest day since March.",
    "The city was shelled for the first time since April, the mayor said.",
])
def test_a_period_since_or_a_comparison_is_not_background(run, text):
    events = run(text, "2022-06-24").events
    assert events and not any(e.background for e in events)


def test_a_period_since_a_date_runs_to_publication(run):
    (event,) = run("Fighting has raged around Avdiivka since March.", "2022-06-24").events
    assert str(event.date.start) == "2022-03-01" and str(event.date.end) == "2022-06-24"


@pytest.mark.parametrize("text", [
    "Officials say it is one more sign of the steady Russian advance in the east.",
    "The closures are an indication of the continued shelling of the region.",
])
def test_a_trend_a_remark_calls_a_sign_of_is_background(run, text):
    events = run(text, "2022-06-24").events
    assert events and all(e.background for e in events)


def test_a_sign_of_an_incident_with_its_own_day_is_news(run):
    events = run("It was the clearest sign yet of the shelling of Kharkiv on Tuesday, which killed two people.",
                 "2022-06-24").events
    assert events and not all(e.background for e in events)
