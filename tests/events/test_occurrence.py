"""What reports no occurrence: habits, conditions and trends, kept only in a headline."""

from __future__ import annotations

import pytest

_LEDE = "The officials met on Monday.\n"


@pytest.mark.parametrize("text", [
    "They were constantly under fire.",
    "The troops often shell us.",
    "He feared what would happen if we were attacked from behind.",
    "The flow of deserters seems to be increasing.",
])
def test_descriptions_are_no_events(run, text):
    assert run(_LEDE + text).events == ()


def test_a_headline_is_terse_by_nature_and_kept(run):
    assert [e.event_type for e in run("They were constantly under fire.").events] == ["shelling"]


@pytest.mark.parametrize("text", [
    "Residents of Kherson held a rally against the Russian occupation on Sunday.",
    "Hundreds protested in Zaporizhzhia against the shelling of the nuclear plant on Sunday.",
])
def test_what_a_protest_is_against_is_no_event_of_its_own(run, text):
    assert [e.event_type for e in run(text, "2022-03-14").events] == ["protest"]


def test_an_event_beside_a_protest_is_still_reported(run):
    events = run("Russian forces shelled Kharkiv on Sunday; residents protested against the war.", "2022-03-14").events
    assert sorted(e.event_type for e in events) == ["protest", "shelling"]
