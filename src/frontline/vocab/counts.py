"""What an event's counts add up to: the one definition of its fatalities.

The ACLED-style CSV's ``fatalities`` column, the store's ``fatalities`` column, the flat rows of tables,
DataFrames, Parquet and GeoJSON properties all call ``fatalities``: change what counts here, and every surface
follows.
"""

from __future__ import annotations

from frontline.models import Event

__all__ = ["fatalities"]


def fatalities(event: Event) -> int:
    """The killed an event counts, by ACLED's rules: the sum of its quantities whose role is 'killed' and that count
    this incident's dead, not a running total nor a belligerent's claim of its enemy's losses (``Quantity.kind``,
    see ``frontline.events.tolls``)."""
    return int(sum(q.value for q in event.quantities if q.role == "killed" and q.kind == "incident"))
