"""Named plants and bridges that stand in another town than the one their name holds.

'Shelling near the Zaporizhzhia NPP' happened in Enerhodar, 50 km from the city of Zaporizhzhia; 'the Kursk NPP'
is at Kurchatov; 'the Crimean bridge' is at Kerch. A town named inside such a facility's name is read as the
facility's host settlement, and a bare acronym ('ZNPP') is a place of its own. The table is data
(``frontline/data/facilities.tsv``, host settlements by GeoNames id, where each plant stands being public record),
not a rule: a name is only swapped where the whole facility phrase matches.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from frontline.geo.gazetteer import Gazetteer
from frontline.models import PlaceMention

__all__ = ["Facility", "facilities", "hosted_places"]


@dataclass(frozen=True, slots=True)
class Facility:
    name: str
    pattern: re.Pattern[str]
    host_id: int


@cache
def facilities() -> tuple[Facility, ...]:
    """The bundled table of facilities named after another town than their host's."""
    text = resources.files("frontline.data").joinpath("facilities.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return tuple(Facility(r["facility"], re.compile(r["pattern"], re.IGNORECASE), int(r["host_geonames_id"]))
                 for r in rows)


def hosted_places(text: str, mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """``mentions`` with every place named inside a listed facility's name read as the facility's host settlement,
    and a facility named with no place inside it ('the ZNPP') added as a mention of its host."""
    out = list(mentions)
    for facility in facilities():
        for m in facility.pattern.finditer(text):
            host = gazetteer.by_id(facility.host_id)
            if host is None:
                continue
            reason = f"the {facility.name} stands in {host.name}"
            inside = [i for i, p in enumerate(out) if p.start < m.end() and p.end > m.start()]
            for i in inside:
                out[i] = replace(out[i], place=host, precision="settlement", confidence=0.9, reason=reason,
                                 runner_up=None)
            if not inside and not any(p.place.geonames_id == host.geonames_id for p in out):
                # ('the Zaporizhzhia nuclear plant in Enerhodar' names its host itself)
                out.append(PlaceMention(start=m.start(), end=m.end(), text=m.group(0), place=host,
                                        precision="settlement", confidence=0.9, reason=reason))
    return sorted(out, key=lambda p: p.start)
