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
