"""Counts: the quantities an event carries, and whether a sentence counts civilians among its dead and wounded."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from frontline.mentions.quantities import parse_number
from frontline.models import Quantity, QuantityMention
from frontline.nlp.syntax import token_at, tree_distance
from frontline.vocab.event_types import EventType

_CIVILIAN_UNITS = frozenset({"people", "civilians", "residents", "inhabitants", "women", "children", "adults",
                             "girls", "boys", "babies", "infants", "teenagers", "pensioners", "passengers", "workers",
                             "employees", "volunteers", "journalists", "doctors", "medics", "rescuers",
                             "firefighters", "shoppers", "patients", "families"})


def count_event(doc: Doc, trigger: Token, row: EventType, quantities: list[QuantityMention]) -> tuple[Quantity, ...]:
    """The quantities of a sentence that an event of type ``row`` carries, with the role its type implies."""
    return tuple(_with_implied_role(q.quantity, row) for q in quantities if _quantity_fits(doc, trigger, q, row))


def civilian_victims(quantities: list[QuantityMention]) -> bool:
    """Whether the sentence counts its dead or wounded as civilians ('killed a woman', '14 people were killed')
    and names no soldier among them."""
    harmed = [q.quantity for q in quantities if q.quantity.role in ("killed", "injured")]
    # a bare number ('six were killed', 'at least 27') counts whoever the sentence is about: it names nobody
    named = [q for q in harmed if q.text and parse_number(q.text.split()[-1]) is None]
    return bool(named) and all(q.unit in _CIVILIAN_UNITS for q in named)


def _with_implied_role(q: Quantity, row: EventType) -> Quantity:
    """What happened to what the event counts when the parse ties the number to no verb: '438 soldiers ... have
    been allowed into Russia' in a desertion report deserted, '16 localities' of an evacuation were evacuated."""
    role = row.implied_role
    return replace(q, role=role) if q.role is None and role is not None and q.unit != "percent" else q


def _quantity_fits(doc: Doc, trigger: Token, q: QuantityMention, row: EventType) -> bool:
    """Keep a quantity for an event when its role suits the event type or it hangs off the trigger."""
    role = q.quantity.role
    if role in ("killed", "injured", "dead", "wounded"):
        return row.carries_casualties     # a sighting carries no casualties (docs/EVENTS.md)
    allowed = row.quantity_roles
    if allowed is not None and role in allowed:
        return True
    tok = token_at(doc, q.start)
    return tree_distance(trigger, tok) <= 3
