"""Vocabularies: each a table of plain data that every consumer reads (event types, sides).

Adding an event type is one row in ``event_types.TABLE`` plus its trigger words and rules
(``frontline.triggers``); ``tests/vocab/test_event_types.py`` proves that the JSON schema, the docs and the
web page's legend agree with the table.
"""

from frontline.vocab.event_types import EVENT_TYPES, TABLE, EventType, event_type, names_where
from frontline.vocab.sides import ARMED_SIDES, OPPOSITE_BLOC, SIDES, bloc

__all__ = ["ARMED_SIDES", "EVENT_TYPES", "OPPOSITE_BLOC", "SIDES", "TABLE", "EventType", "bloc", "event_type",
           "names_where"]
