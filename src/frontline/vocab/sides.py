"""Sides of the war (``party.side``) and the bloc each stands on: the one table of sides."""

from __future__ import annotations

from typing import Final

# In the order of the JSON schema's enum (``output.schema.json``, ``party.side``).
SIDES: Final[tuple[str, ...]] = ("RU", "UA", "RU_aligned", "UA_aligned", "civilians", "US", "EU", "NATO", "UN",
                                 "other", "unknown")
# The sides that bear arms in the war: the two states and the formations aligned with them.
ARMED_SIDES: Final = frozenset({"RU", "UA", "RU_aligned", "UA_aligned"})
_BLOCS: Final = {"RU_aligned": "RU", "UA_aligned": "UA"}
OPPOSITE_BLOC: Final = {"RU": "UA", "UA": "RU"}


def bloc(side: str) -> str:
    """The side of the war a side stands on: RU_aligned forces with RU, UA_aligned with UA; others as they are."""
    return _BLOCS.get(side, side)
