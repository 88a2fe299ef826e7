"""The quantities an event carries, and civilians among the dead and wounded."""

from __future__ import annotations

from frontline.events.counts import civilian_victims, count_event
from frontline.models import Quantity, QuantityMention
from frontline.vocab.event_types import event_type


def _count(text, words, value, unit, role):
    start = text.index(words)
    return QuantityMention(start, start + len(words), Quantity(value, unit, role, text=words))


def test_civilians_counted_only_when_named():
    text = "Shelling killed 14 people and six were injured."
    assert civilian_victims([_count(text, "14 people", 14, "people", "killed")])
    assert not civilian_victims([_count(text, "six", 6, "", "injured")])
    assert not civilian_victims([QuantityMention(0, 11, Quantity(14, "soldiers", "killed", text="14 soldiers"))])


def test_a_sighting_carries_no_casualties_and_a_count_takes_its_implied_role(pipeline):
    text = "Russian troops were seen in the village, where 16 localities and two soldiers were killed."
    doc = pipeline.resources.nlp(text)
    trigger = next(t for t in doc if t.text == "seen")
    killed = _count(text, "two soldiers", 2, "soldiers", "killed")
    assert count_event(doc, trigger, event_type("other"), [killed]) == ()
    assert count_event(doc, trigger, event_type("shelling"), [killed]) == (killed.quantity,)
    places = _count(text, "16 localities", 16, "localities", None)
    (evacuated,) = count_event(doc, trigger, event_type("evacuation"), [places])
    assert evacuated.role == "evacuated"
