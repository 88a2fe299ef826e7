"""Area inference: a settlement with no state of its own takes the holder of its surroundings when they agree.

An analyst who knows that every settlement around a village is held by one side, with no fighting anywhere
near it, marks the village as that side's too, and says so. ``Area`` does the same with the timelines built by
``frontline.corpus.control`` (never its own output: inferences are not chained). On a day ``D`` a settlement
whose own timeline has no state (none, or 'unknown') takes holder ``H`` when, with the settings of
``AreaSettings``:

- at least ``neighbours`` other settlements within ``radius_km`` have a state on ``D`` resting on fresh reports
  (basis 'reports'; not the starting line alone, not a holder kept on stale reports), and all of them are ``H``;
- no settlement within ``clear_km`` is held by the other side (on any basis), contested or claimed on ``D``;
- no fighting, capture or withdrawal was reported within ``clear_km`` (in, near or in the direction of any
  settlement there) from ``quiet_days`` before ``D`` to ``D`` (``FrontSign``);
- and the settlement's own timeline (its reports or its starting line) named no holder but ``H`` (nor a contest
  or a claim) in the ``keep_days`` before ``D``: what is known of the place itself outranks its surroundings.

The state is of basis 'area', never confirmed: its ``source`` names the neighbours and their distances, its
evidence is theirs, and its confidence is half the lowest of theirs. A state on ``D`` uses only states on ``D``,
which rest on reports of ``D`` or earlier. Timelines are stored without it; the interfaces add it when they read
them (``fill``), since it changes with every neighbour's reports.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from frontline.corpus.control import state_on
from frontline.models import ControlState, ControlStatus, Timeline

__all__ = ["AREA", "Area", "AreaSettings", "FrontSign", "Site", "distance_km"]

AREA = "area"
_HELD: dict[str, ControlStatus] = {"RU": "RU", "UA": "UA"}


@dataclass(frozen=True, slots=True)
class AreaSettings:
    """How near and how unanimous the surroundings must be (see the module docstring)."""

    radius_km: float = 15.0   # the settlements around a place: a village and its neighbours, not the next town
    neighbours: int = 2       # at least this many of them, so one misread report never paints an area
    clear_km: float = 30.0    # no other side's, contested or claimed settlement this close ...
    quiet_days: int = 60      # ... and no fighting reported this close in this many days
    keep_days: int = 365      # the place's own states this recent outrank its surroundings


@dataclass(frozen=True, slots=True)
class Site:
    """A settlement with a control timeline, where it is."""

    name: str
    lat: float
    lon: float
    timeline: Timeline


@dataclass(frozen=True, slots=True)
class FrontSign:
    """Fighting, a capture or a withdrawal reported on a day at (or near) a point (``control_reading.front_sign``)."""

    day: dt.date
    lat: float
    lon: float


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The distance between two points in km (equirectangular: exact enough within a few hundred km)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


class Area:
    """The sites and front signs of a store, and the area states they give a settlement."""

    def __init__(self, sites: Iterable[Site], signs: Iterable[FrontSign] = (),
                 settings: AreaSettings | None = None) -> None:
        self.settings = settings or AreaSettings()
        # sites and signs by grid cell, clear_km square at the equator (a degree of latitude is ~111 km): a
        # point's surroundings lie in the cells next to its own, more of them east and west away from the equator
        self._cell = self.settings.clear_km / 111.0
        self._sites: dict[tuple[int, int], list[Site]] = defaultdict(list)
        self._signs: dict[tuple[int, int], list[FrontSign]] = defaultdict(list)
        for s in sites:
            self._sites[self._key(s.lat, s.lon)].append(s)
        for g in signs:
            self._signs[self._key(g.lat, g.lon)].append(g)

    def _key(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self._cell), math.floor(lon / self._cell)

    def _cells(self, lat: float, lon: float) -> list[tuple[int, int]]:
        y, x = self._key(lat, lon)
        wide = math.ceil(1 / math.cos(math.radians(min(89.0, abs(lat) + self._cell))))
        return [(y + dy, x + dx) for dy in (-1, 0, 1) for dx in range(-wide, wide + 1)]

    def _around(self, name: str, lat: float, lon: float) -> tuple[list[tuple[float, Site]], list[FrontSign]]:
        """The other sites and the signs within ``clear_km`` of a point."""
        clear = self.settings.clear_km
        sites = [(d, s) for c in self._cells(lat, lon) for s in self._sites.get(c, ())
                 if s.name.casefold() != name.casefold() and (d := distance_km(lat, lon, s.lat, s.lon)) <= clear]
        signs = [g for c in self._cells(lat, lon) for g in self._signs.get(c, ())
                 if distance_km(lat, lon, g.lat, g.lon) <= clear]
        return sorted(sites, key=lambda x: (x[0], x[1].name)), signs

    def state(self, timeline: Timeline, lat: float, lon: float, day: dt.date) -> ControlState | None:
        """The area state of a settlement on a day, None when its surroundings do not give one."""
        sites, signs = self._around(timeline.place, lat, lon)
        return self._state(timeline, sites, signs, day)

    def _state(self, own: Timeline, sites: Sequence[tuple[float, Site]], signs: Sequence[FrontSign],
               day: dt.date) -> ControlState | None:
        st = self.settings
        if any(dt.timedelta(0) <= day - g.day <= dt.timedelta(days=st.quiet_days) for g in signs):
            return None
        around = [(d, s, x) for d, s in sites if (x := state_on(s.timeline, day)) is not None and x.status != "unknown"]
        if any(x.status not in _HELD for _, _, x in around):
            return None     # a contest or a claim nearby: the area is on the front
        support = [(d, s, x) for d, s, x in around if d <= st.radius_km and x.basis == "reports"]
        holders = {x.status for _, _, x in around}
        if len(support) < st.neighbours or len(holders) != 1:
            return None
        (holder,) = holders
        since = day - dt.timedelta(days=st.keep_days)
        if any(s.status not in (holder, "unknown") for s in _states_between(own, since, day)):
            return None     # its own reports or starting line said otherwise
        source = ", ".join(f"{s.name} ({d:.0f} km)" for d, s, _ in support)
        return ControlState(day, _HELD[holder], tuple(e for _, _, x in support for e in x.assertions),
                            tuple(e for _, _, x in support for e in x.claims), (),
                            round(min(x.confidence or 0.0 for _, _, x in support) / 2, 2), AREA,
                            f"inferred, not reported: held by {holder} around it, at {source}")

    def fill(self, timeline: Timeline, lat: float, lon: float) -> Timeline:
        """A settlement's timeline with its days without a state given the area state where there is one."""
        sites, signs = self._around(timeline.place, lat, lon)
        days = {s.start for s in timeline.states}
        days |= {x.start for _, site in sites for x in site.timeline.states}
        days |= {g.day for g in signs} | {g.day + dt.timedelta(days=self.settings.quiet_days + 1) for g in signs}
        days |= {s.start + dt.timedelta(days=self.settings.keep_days + 1) for s in timeline.states}
        out: list[ControlState] = []
        last: tuple[object, ...] | None = None
        for day in sorted(days):
            own = state_on(timeline, day)
            found = self._state(timeline, sites, signs, day) if own is None or own.status == "unknown" else None
            if found is not None:
                key: tuple[object, ...] = (AREA, found.status, found.source)
                if key != last:
                    out.append(found)
            elif own is not None:
                key = ("own", own.start, own.status)
                if key != last:
                    # a state the area stretch interrupted goes on from the day the stretch ends
                    out.append(own if own.start == day or last is None else replace(own, start=day))
            else:
                continue
            last = key
        if not any(s.basis == AREA for s in out):
            return timeline
        return replace(timeline, states=tuple(out))


def _states_between(t: Timeline, since: dt.date, day: dt.date) -> list[ControlState]:
    """The states of a timeline in force at some time from ``since`` to ``day``."""
    out = []
    for i, s in enumerate(t.states):
        until = t.states[i + 1].start if i + 1 < len(t.states) else None
        if s.start <= day and (until is None or until > since):
            out.append(s)
    return out
