"""Control: who holds each settlement, as a dated sequence of states built from fused events and a starting line.

Each fused event at a settlement is read by ``control_reading.read_event`` (a change of holder, a strike that
tells who holds it, or fighting in it; nothing for events near it or in a region named after it). The states,
day by day (docs/CONTROL.md gives examples):

- **Starting line.** Before its first report a settlement has the state of the dated public-record data of
  ``frontline.geo.starting_line`` (Crimea and the areas held by Russia's side since 2014, the government side of the line of
  contact before 24 February 2022, the oblasts the 2022 invasion did not reach). Only a change of holder moves
  it; strikes or fighting that point elsewhere are kept as evidence against it.
- **Changes.** A capture or withdrawal told in the articles' own voice, by a neutral party or by the side that
  lost the place makes its side the holder (RU, UA); on the word of the gaining side alone it is a claim
  (claimed_RU, claimed_UA) until confirmed: by the other side, a neutral source, a later report in the articles'
  own voice, or strikes on the place by its former holder. Captures by both sides on one day contest it.
- **Strikes** by one bloc on a place say the other bloc holds it: they give a state to a place without one and
  confirm a claim; against a holder known from reports they switch it only when they come on
  ``switch_reports`` days within ``contest_days`` (one misread initiator does not move a front line).
- **Fighting in** a settlement contests it once reports come on ``contest_reports`` days within
  ``contest_days``; a lone report is evidence against its holder. A contested state lapses ``contest_days``
  after the last report of fighting, back to the holder before it (or no information).
- **Staleness.** A holder known from reports is fresh for ``hold_days`` after its last evidence; then it goes
  back to the starting line where that still holds. Elsewhere it is kept, as a state of basis 'persisted' whose
  source gives the day of its last evidence and whose confidence is half the fresh one, when it was reported on
  ``keep_reports`` days and as long as nothing points otherwise: no report against it, and no fighting, capture
  or withdrawal reported in or around the place
  (``control_reading.front_sign``) from ``hold_days`` before its last evidence on. The first such report, or
  ``keep_days`` after the last evidence, ends it: the place is then 'unknown' (no information). On a day the
  whole front moved (``front_wide``: the Minsk line of contact, the full-scale invasion) every state resting on
  earlier reports ends, back to the starting line or to 'unknown'. A claim, a contest or a holder not kept
  lapses to 'unknown' when it goes stale.

Each state keeps the evidence for it in ``assertions`` (the articles' own voice) and ``claims`` (a named party's
word), the evidence against it in ``against``, its ``basis`` and a ``confidence``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from itertools import groupby
from typing import Any

from frontline.corpus.control_reading import Reading, front_sign, read_event
from frontline.corpus.fuse import fuse_results
from frontline.geo.starting_line import LineRow, StartingLine, bundled_line
from frontline.models import (
    OPPOSITE_BLOC,
    ArticleResult,
    ControlEvidence,
    ControlState,
    ControlStatus,
    Event,
    FusedEvent,
    Location,
    Party,
    Timeline,
)

__all__ = ["ControlSettings", "build_timeline", "build_timelines", "format_timeline", "from_dict",
           "settlement_names", "starting_timeline", "state_on", "timelines_of", "to_dict"]

_HELD: dict[str, ControlStatus] = {"RU": "RU", "UA": "UA"}
_CLAIMED: dict[str, ControlStatus] = {"RU": "claimed_RU", "UA": "claimed_UA"}


@dataclass(frozen=True, slots=True)
class ControlSettings:
    """The clock of the control model (see the module docstring)."""

    contest_days: int = 14       # reports of fighting this close together make one contest
    contest_reports: int = 2     # days of fighting reports within contest_days that contest a place
    switch_reports: int = 2      # days of strikes within contest_days that turn a reported holder over
    hold_days: int | None = 60   # reports older than this are stale: a holder resting on them is kept only
    #                              behind the front, at half its confidence
    keep_days: int | None = 365  # ... and no longer than this after its last evidence
    keep_reports: int = 2        # ... and only when reported on this many days (one misread report is not kept)
    # days the whole front moved, public record: the line of contact of the Minsk memorandum and the start of
    # the full-scale invasion. No holder known from reports before one of them is kept past it.
    front_wide: tuple[dt.date, ...] = (dt.date(2014, 9, 19), dt.date(2022, 2, 24))


@dataclass(slots=True)
class _Open:
    """The state being built."""

    start: dt.date
    status: ControlStatus
    basis: str = "reports"
    source: str | None = None
    prior: ControlStatus | None = None   # the holder before a claim or a contest
    last: dt.date | None = None          # the last evidence for it
    confidence: float | None = None      # set for a kept (persisted) state: half the fresh one
    assertions: list[ControlEvidence] = field(default_factory=list)
    claims: list[ControlEvidence] = field(default_factory=list)
    against: list[ControlEvidence] = field(default_factory=list)


def _evidence(r: Reading, status: ControlStatus) -> ControlEvidence:
    f = r.fused
    return ControlEvidence(f.fused_id, f.event_type, status, () if r.word is None else f.claimants, f.article_ids,
                           f.date.start)


def _support(s: _Open, evidence: list[ControlEvidence], day: dt.date) -> None:
    """Add evidence for a state: in the articles' own voice or on a named party's word."""
    s.assertions += [e for e in evidence if not e.claimed_by]
    s.claims += [e for e in evidence if e.claimed_by]
    s.last = day


def _confidence(s: _Open) -> float:
    if s.confidence is not None:
        return s.confidence
    against = len(s.against)
    if s.basis == "starting line":
        return round(max(0.5, 0.9 - 0.1 * against), 2)
    if s.status == "unknown":
        return 0.0
    support = len(s.assertions) + 0.5 * len(s.claims)
    if not (s.assertions or s.claims):
        support += 1    # a holder restored when the fighting lapsed
    score = (support + 1) / (support + against + 2)
    return round(min(score, 0.5) if s.status.startswith("claimed_") else score, 2)


class _Builder:
    """The states of one settlement, built day by day."""

    def __init__(self, line: Sequence[LineRow], settings: ControlSettings,
                 fronts: Sequence[dt.date] = ()) -> None:
        self.line, self.settings = line, settings
        # days fighting or a change of holder was reported in or around it, and the days the whole front moved
        self.fronts = sorted({*fronts, *settings.front_wide})
        self.states: list[_Open] = []
        self.fight_days: list[dt.date] = []
        self.strike_days: list[dt.date] = []

    @property
    def cur(self) -> _Open | None:
        return self.states[-1] if self.states else None

    def line_row(self, day: dt.date) -> LineRow | None:
        found = None
        for r in self.line:
            if r.since <= day and (r.until is None or day < r.until):
                found = r
        return found

    def open(self, day: dt.date, status: ControlStatus, basis: str = "reports", source: str | None = None,
             prior: ControlStatus | None = None) -> _Open:
        cur = self.cur
        carried: list[ControlEvidence] = []
        if cur is not None and cur.start == day and cur.status != status:
            # a lapse, a line change or a strike on the day a weightier report replaces it: one state a day
            self.states.pop()
            carried = [*cur.assertions, *cur.claims]
            cur = self.cur
        if cur is not None and cur.status == status and cur.basis == basis:
            cur.against += carried
            return cur
        self.states.append(_Open(day, status, basis, source, prior, day, against=carried))
        return self.states[-1]

    # --- what happens between reports -------------------------------------------------------------------

    def _next_lapse(self) -> tuple[dt.date, ControlStatus, str, str | None] | None:
        """The next change the clock or the starting line makes without a report, if any."""
        s = self.cur
        after = s.start if s is not None else dt.date.min
        candidates: list[tuple[dt.date, ControlStatus, str, str | None]] = []
        # a starting-line row that begins later takes over from whatever the reports said before it
        row = next((r for r in self.line if r.since > after), None)
        if row is not None:
            candidates.append((row.since, _HELD[row.holder], "starting line", row.source))
        if s is not None and s.status != "unknown":
            candidates += self._lapses(s)
        return min(candidates, key=lambda c: c[0]) if candidates else None

    def _lapses(self, s: _Open) -> list[tuple[dt.date, ControlStatus, str, str | None]]:
        """When and to what a state with a holder, a claim or a contest ends without a report."""
        st = self.settings
        out: list[tuple[dt.date, ControlStatus, str, str | None]] = []
        if s.basis == "starting line":
            held = self.line_row(s.start)
            if held is not None and held.until is not None:
                out.append((held.until, *self._fallback(held.until, None)))
            return out
        if s.basis in ("reports", "persisted"):
            # what reports said before the whole front moved says nothing after it
            moved = next((d for d in st.front_wide if d > s.start), None)
            if moved is not None:
                out.append((moved, *self._fallback(moved, None)))
        if s.last is None:
            return out
        if s.status == "contested":
            end = s.last + dt.timedelta(days=st.contest_days)
            out.append((end, *self._fallback(end, s.prior)))
        elif s.basis == "persisted":
            front = next((d for d in self.fronts if d >= s.start), None)
            keep = s.last + dt.timedelta(days=st.keep_days) if st.keep_days is not None else None
            if front is not None and (keep is None or front < keep):
                out.append((front, "unknown", "lapsed", None))
            elif keep is not None:
                out.append((keep, *self._fallback(keep, None)))
        elif st.hold_days is not None:
            end = s.last + dt.timedelta(days=st.hold_days)
            fallback = self._fallback(end, None)
            if fallback[0] == "unknown" and self._keeps(s, end):
                fallback = (s.status, "persisted", f"reports up to {s.last.isoformat()}, none since")
            out.append((end, *fallback))
        return out

    def _keeps(self, s: _Open, stale: dt.date) -> bool:
        """Whether a holder known from reports is kept once they go stale: nothing points otherwise."""
        if s.status not in ("RU", "UA") or s.against or s.last is None or self.settings.hold_days is None:
            return False
        if len({e.date for e in (*s.assertions, *s.claims)}) < self.settings.keep_reports:
            return False
        since = s.last - dt.timedelta(days=self.settings.hold_days)
        return not any(since <= d <= stale for d in self.fronts)

    def _fallback(self, day: dt.date, prior: ControlStatus | None) -> tuple[ControlStatus, str, str | None]:
        row = self.line_row(day)
        if row is not None:
            return _HELD[row.holder], "starting line", row.source
        if prior in ("RU", "UA"):
            return prior, "reports", None
        return "unknown", "lapsed", None

    def advance(self, day: dt.date | None) -> None:
        """Apply the lapses and starting-line changes due before ``day`` (all of them when None)."""
        while (nxt := self._next_lapse()) is not None and (day is None or nxt[0] <= day):
            when, status, basis, source = nxt
            before = self.cur
            opened = self.open(when, status, basis, source, prior=before.prior if before is not None else None)
            if self.cur is before:
                return
            if basis == "persisted" and before is not None:
                # kept on the evidence of the state it follows, which it lists, at half its confidence
                opened.last, opened.confidence = before.last, round(_confidence(before) / 2, 2)
                opened.assertions, opened.claims = list(before.assertions), list(before.claims)

    # --- a day of reports ------------------------------------------------------------------------------

    def day(self, day: dt.date, readings: list[Reading]) -> None:
        changes = [r for r in readings if r.kind == "change"]
        if changes:
            self._changes(day, changes)
        elif strikes := [r for r in readings if r.kind == "strike"]:
            self._strikes(day, strikes)
        if not changes and (fights := [r for r in readings if r.kind == "fight"]):
            self._fights(day, fights)

    def _held(self) -> ControlStatus | None:
        s = self.cur
        if s is None or s.status == "unknown":
            return None
        return s.status if s.status in ("RU", "UA") else s.prior

    def _changes(self, day: dt.date, changes: list[Reading]) -> None:
        holders = {r.holder for r in changes if r.holder}
        if len(holders) > 1:
            _support(self.open(day, "contested", prior=self._held()), [_evidence(r, "contested") for r in changes],
                     day)
            return
        (h,) = holders
        cur = self.cur
        # on the gaining side's word alone it is a claim, unless that side already held it
        confirmed = any(r.word != h for r in changes) or (cur is not None and cur.status == _HELD[h])
        status = _HELD[h] if confirmed else _CLAIMED[h]
        s = cur if cur is not None and cur.status == status and cur.basis != "persisted" \
            else self.open(day, status, prior=self._held())
        _support(s, [_evidence(r, status) for r in changes], day)

    def _strikes(self, day: dt.date, strikes: list[Reading]) -> None:
        holders = {r.holder for r in strikes if r.holder}
        s = self.cur
        if len(holders) != 1:
            if s is not None:
                s.against += [_evidence(r, _HELD[r.holder]) for r in strikes if r.holder]
            return
        (h,) = holders
        held = _HELD[h]
        ev = [_evidence(r, held) for r in strikes]
        if s is None or s.status in ("unknown", _CLAIMED[h]) or (s.status == _CLAIMED[OPPOSITE_BLOC[h]]):
            s = self.open(day, held, prior=self._held())
        elif s.status == "contested" or (s.status != held and s.basis == "starting line"):
            s.against += ev
            return
        elif s.status != held:
            self.strike_days = [d for d in self.strike_days if (day - d).days < self.settings.contest_days]
            self.strike_days.append(day)
            if len(set(self.strike_days)) < self.settings.switch_reports:
                s.against += ev
                return
            s = self.open(day, held, prior=self._held())
        elif s.basis == "persisted":
            s = self.open(day, held, prior=self._held())    # fresh evidence: a fresh state
        _support(s, ev, day)

    def _fights(self, day: dt.date, fights: list[Reading]) -> None:
        ev = [_evidence(r, "contested") for r in fights]
        s = self.cur
        if s is not None and s.status == "contested":
            _support(s, ev, day)
            return
        self.fight_days = [d for d in self.fight_days if (day - d).days < self.settings.contest_days]
        self.fight_days.append(day)
        if len(set(self.fight_days)) < self.settings.contest_reports:
            if s is not None:
                s.against += ev
            return
        _support(self.open(day, "contested", prior=self._held()), ev, day)

    def result(self) -> tuple[ControlState, ...]:
        return tuple(ControlState(s.start, s.status, tuple(s.assertions), tuple(s.claims), tuple(s.against),
                                  _confidence(s), s.basis, s.source) for s in self.states)


def _located_here(f: FusedEvent, place: str) -> bool:
    return (f.location is not None and f.location.name == place and f.location.precision == "settlement"
            and f.date.start is not None)


def build_timeline(place: str, fused: Iterable[FusedEvent], events: Mapping[str, Event], *,
                   settings: ControlSettings | None = None, line: StartingLine | None = None,
                   location: Location | None = None) -> Timeline:
    """The control timeline of one settlement from the fused events located there and the starting line.

    Args:
        place: the settlement's canonical name; fused events elsewhere or undated are ignored.
        fused: fused events (any places).
        events: the per-article events by id (for initiators, modality and evidence).
        settings: the clock of the model (default ``ControlSettings()``).
        line: the starting line (default: the bundled one, ``bundled_line()``).
        location: where the settlement is, for the starting line when no event there says so.
    """
    fused = list(fused)
    here = sorted((f for f in fused if _located_here(f, place)), key=lambda f: (f.date.start, f.fused_id))
    location = here[0].location if here else location
    line = line if line is not None else bundled_line()
    fronts = [f.date.start for f in fused
              if f.location is not None and f.location.name == place and f.date.start is not None
              and front_sign(f, events)]
    b = _Builder(line.rows_for(location), settings or ControlSettings(), fronts)
    for day, group in groupby(here, key=lambda f: f.date.start):
        assert day is not None    # _located_here keeps dated events only
        readings = [r for f in group if (r := read_event(f, events)) is not None]
        if readings:
            b.advance(day)
            b.day(day, readings)
    b.advance(None)
    states = b.result()
    return Timeline(place=place, admin1=location.admin1 if location else None,
                    geonames_id=location.geonames_id if location else None,
                    states=states if any(s.status != "unknown" for s in states) else ())


def starting_timeline(place: str, location: Location, *, line: StartingLine | None = None) -> Timeline:
    """The timeline of a settlement no report names: its starting line alone (empty where that has no rows)."""
    return build_timeline(place, (), {}, line=line, location=location)


def state_on(timeline: Timeline, day: dt.date) -> ControlState | None:
    """The state of a timeline on a day: the last one started on or before it, None before the first."""
    found = None
    for s in timeline.states:
        if s.start > day:
            break
        found = s
    return found


def settlement_names(fused: Iterable[FusedEvent]) -> set[str]:
    """The settlements that fused events are located at."""
    return {f.location.name for f in fused if f.location is not None and f.location.precision == "settlement"}


def build_timelines(fused: Iterable[FusedEvent], events: Mapping[str, Event], *,
                    settings: ControlSettings | None = None, line: StartingLine | None = None) -> list[Timeline]:
    """A timeline for every settlement with at least one state, by place name."""
    fused = list(fused)
    line = line if line is not None else bundled_line()
    found = (build_timeline(p, fused, events, settings=settings, line=line) for p in sorted(settlement_names(fused)))
    return [t for t in found if t.states]


def timelines_of(results: Iterable[ArticleResult]) -> list[Timeline]:
    """The control timeline of every settlement a run's fused events (``fuse.fuse_results``) are located at."""
    results = list(results)
    events = {e.event_id: e for r in results for e in r.events}
    return build_timelines(fuse_results(results), events)


def _evidence_dict(e: ControlEvidence) -> dict[str, Any]:
    return {"fused_id": e.fused_id, "event_type": e.event_type, "status": e.status,
            "claimed_by": [asdict(p) for p in e.claimed_by], "article_ids": list(e.article_ids),
            "date": e.date.isoformat() if e.date else None}


def _evidence_from(d: Mapping[str, Any]) -> ControlEvidence:
    return ControlEvidence(d["fused_id"], d["event_type"], d["status"], tuple(Party(**p) for p in d["claimed_by"]),
                           tuple(d["article_ids"]), dt.date.fromisoformat(d["date"]) if d["date"] else None)


def to_dict(t: Timeline) -> dict[str, Any]:
    """A timeline as plain JSON data."""
    return {"place": t.place, "admin1": t.admin1, "geonames_id": t.geonames_id,
            "states": [{"start": s.start.isoformat(), "status": s.status, "confidence": s.confidence,
                        "basis": s.basis, "source": s.source,
                        "assertions": [_evidence_dict(e) for e in s.assertions],
                        "claims": [_evidence_dict(e) for e in s.claims],
                        "against": [_evidence_dict(e) for e in s.against]} for s in t.states]}


def from_dict(d: Mapping[str, Any]) -> Timeline:
    """The inverse of ``to_dict``; reads timelines stored before ``against``, ``confidence`` and ``basis``."""
    return Timeline(d["place"], d["admin1"], d["geonames_id"], tuple(
        ControlState(dt.date.fromisoformat(s["start"]), s["status"], tuple(map(_evidence_from, s["assertions"])),
                     tuple(map(_evidence_from, s["claims"])), tuple(map(_evidence_from, s.get("against", ()))),
                     s.get("confidence"), s.get("basis", "reports"), s.get("source")) for s in d["states"]))


def _line(e: ControlEvidence, prefix: str = "") -> str:
    who = f"claimed by {', '.join(p.name for p in e.claimed_by)}" if e.claimed_by else "reported"
    when = e.date.isoformat() if e.date else "undated"
    return f"      {prefix}{when} {who}: {e.event_type} -> {e.status} ({len(e.article_ids)} article(s))"


_SAYS = {"RU": "held by Russia's side", "UA": "held by Ukraine", "claimed_RU": "claimed by Russia's side",
         "claimed_UA": "claimed by Ukraine", "contested": "contested", "unknown": "no information"}


def format_timeline(t: Timeline) -> str:
    """A timeline as readable lines: one per state (its basis and confidence), then its evidence indented."""
    where = f"{t.place} ({t.admin1})" if t.admin1 else t.place
    if not t.states:
        return f"{where}: no control information stored"
    lines = [f"{where}: control timeline"]
    for s in t.states:
        sure = f", confidence {s.confidence:.2f}" if s.confidence is not None and s.status != "unknown" else ""
        basis = f"{s.basis}: {s.source}" if s.source else s.basis
        lines.append(f"  from {s.start.isoformat()}  {s.status} ({_SAYS.get(s.status, s.status)}; {basis}{sure})")
        # an area state's evidence is its neighbours' (control_area): never reports of the place itself
        around = "around it: " if s.basis == "area" else ""
        lines += [_line(e, around) for e in s.assertions]
        lines += [_line(e, around) for e in s.claims]
        lines += [_line(e, "against: ") for e in s.against]
    return "\n".join(lines)
