"""Control: who holds each settlement, as a dated sequence of states built from fused events.

A fused event at a settlement is read by its type's ``control`` column (``frontline.vocab.event_types``);
prospective reports — planned, threatened, hypothetical — say nothing:

``taken``       the capturer's side holds it (the initiator's bloc, RU or UA); a share of it ('gains ground in',
                'part of', '70 percent of') leaves it contested
``left``        the side that withdrew lost it: the other side holds it. The side that withdrew is the
                initiator, unless a claimant of one side speaks of 'our' forces or of 'we'
``fought``      contested (fighting there)
``surrounded``  contested, unless the encircler already held the place
any of these, contested  contested (one source disputes another, see ``corpus_fuse``)

On one day, a capture or withdrawal outweighs fighting told in the reporters' own voice (an article reports the
fighting that led to the capture); fighting that a party of the losing side *claims* goes on makes the day
contested, as do captures by both sides. Days whose reading equals the day before extend that state. Each state
keeps its evidence in two lists: ``assertions`` (reported in the articles' own voice) and ``claims`` (on a named
party's word), so a reader sees which states rest only on a belligerent's say-so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, replace
from itertools import groupby
from typing import Any, Final

from frontline.corpus.fuse import fuse_results
from frontline.models import (
    OPPOSITE_BLOC,
    ArticleResult,
    ControlEvidence,
    ControlState,
    ControlStatus,
    Event,
    FusedEvent,
    Party,
    Timeline,
    bloc,
)
from frontline.vocab.event_types import event_type

__all__ = ["build_timeline", "build_timelines", "timelines_of", "to_dict", "from_dict", "settlement_names", "format_timeline",
           "state_on"]

_REAL = frozenset({"asserted", "claimed", "denied"})
_CHANGES = frozenset({"taken", "left"})   # the control readings by which a place changes hands
# the blocs that can hold a place, as control statuses
_HOLDERS: Final[Mapping[str, ControlStatus]] = {"RU": "RU", "UA": "UA"}
_FIRST_PERSON = re.compile(r"\b(?:our|we|us)\b", re.IGNORECASE)


def _side(p: Party | None) -> ControlStatus | None:
    """The bloc of a party as the status of a place it holds, None for a party of neither bloc."""
    return _HOLDERS.get(bloc(p.side)) if p is not None else None


def _withdrawer(f: FusedEvent, events: Mapping[str, Event]) -> ControlStatus | None:
    for eid in f.event_ids:
        e = events.get(eid)
        if e is None:
            continue
        speaker = _side(e.claim.claimed_by)
        if speaker is not None and _FIRST_PERSON.search(e.evidence.sentence):
            return speaker
    first = events.get(f.event_ids[0])
    return _side(first.initiator) if first is not None else None


def _reading(f: FusedEvent, events: Mapping[str, Event], held: ControlStatus | None) -> ControlStatus | None:
    """What one fused event says about who holds its place, or None when it says nothing."""
    members = [events[e] for e in f.event_ids if e in events]
    if not members or all(e.claim.modality not in _REAL for e in members):
        return None
    if f.contested:
        return "contested"
    initiator = _side(members[0].initiator)
    reading = event_type(f.event_type).control
    if reading == "taken":
        if all(_partial(e) for e in members):
            return "contested"
        return initiator or "unknown"
    if reading == "left":
        side = _withdrawer(f, events)
        return _HOLDERS[OPPOSITE_BLOC[side]] if side else "unknown"
    if reading == "surrounded" and initiator is not None and held == initiator:
        return held
    if reading in ("surrounded", "fought"):
        return "contested"
    return None


# 'gains ground in', 'took part of', 'controls 70 percent of', 'pushed into the outskirts of': a share of the place
_PARTIAL = re.compile(r"\b(?:gain(?:s|ed|ing)?\s+ground|(?:part|parts|some|half|much|most|districts?|outskirts|"
                      r"neighbou?rhoods?|quarters?|sections?)\s+of|per\s?cent\s+of|%\s+of)\b", re.IGNORECASE)


def _partial(e: Event) -> bool:
    """Whether a capture report gives only a share of its place: the place is then fought over, not taken.

    Read from the trigger to the end of its clause: 'captured Soledar, killing most of its defenders' took it all.
    """
    sentence = e.evidence.sentence
    at = sentence.find(e.trigger) if e.trigger else -1
    clause = re.split(r"[,;]", sentence[at:])[0] if at >= 0 else sentence
    return any(q.unit == "percent" and q.value < 100 for q in e.quantities) or _PARTIAL.search(clause) is not None


def _evidence(f: FusedEvent, status: ControlStatus) -> ControlEvidence:
    asserted = any(c.claimed_by is None and c.stance == "supports" for c in f.claims)
    return ControlEvidence(f.fused_id, f.event_type, status, () if asserted else f.claimants, f.article_ids,
                           f.date.start)


def _day_status(items: list[tuple[FusedEvent, ControlStatus]]) -> ControlStatus:
    changes = {s for f, s in items if event_type(f.event_type).control in _CHANGES}
    if len(changes) > 1:
        return "contested"
    if changes:
        (held,) = changes
        # fighting told in the reporters' own voice is the story of the capture; a claimed one disputes it
        disputed = any(s == "contested" and event_type(f.event_type).control not in _CHANGES
                       and any(c.claimed_by is not None and _side(c.claimed_by) != held for c in f.claims)
                       for f, s in items)
        return "contested" if disputed else held
    known = {s for _, s in items if s != "unknown"}
    if not known:
        return "unknown"
    return known.pop() if len(known) == 1 else "contested"


def build_timeline(place: str, fused: Iterable[FusedEvent], events: Mapping[str, Event]) -> Timeline:
    """The control timeline of one settlement from the fused events located there.

    Args:
        place: the settlement's canonical name; fused events elsewhere or undated are ignored.
        fused: fused events (any places).
        events: the per-article events by id (for initiators, modality and evidence).
    """
    here = sorted((f for f in fused if f.location is not None and f.location.name == place
                   and f.location.precision == "settlement" and f.date.start is not None),
                  key=lambda f: (f.date.start, f.fused_id))
    states: list[ControlState] = []
    location = here[0].location if here else None
    for day, group in groupby(here, key=lambda f: f.date.start):
        held = states[-1].status if states else None
        items = [(f, s) for f in group if (s := _reading(f, events, held)) is not None]
        if not items:
            continue
        status = _day_status(items)
        evidence = [_evidence(f, s) for f, s in items]
        assertions = tuple(e for e in evidence if not e.claimed_by)
        claims = tuple(e for e in evidence if e.claimed_by)
        if states and states[-1].status == status:
            states[-1] = replace(states[-1], assertions=states[-1].assertions + assertions,
                                 claims=states[-1].claims + claims)
        else:
            states.append(ControlState(day, status, assertions, claims))
    return Timeline(place=place, admin1=location.admin1 if location else None,
                    geonames_id=location.geonames_id if location else None, states=tuple(states))


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


def build_timelines(fused: Iterable[FusedEvent], events: Mapping[str, Event]) -> list[Timeline]:
    """A timeline for every settlement with at least one state, by place name."""
    fused = list(fused)
    found = (build_timeline(p, fused, events) for p in sorted(settlement_names(fused)))
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
            "states": [{"start": s.start.isoformat(), "status": s.status,
                        "assertions": [_evidence_dict(e) for e in s.assertions],
                        "claims": [_evidence_dict(e) for e in s.claims]} for s in t.states]}


def from_dict(d: Mapping[str, Any]) -> Timeline:
    """The inverse of ``to_dict``."""
    return Timeline(d["place"], d["admin1"], d["geonames_id"], tuple(
        ControlState(dt.date.fromisoformat(s["start"]), s["status"], tuple(map(_evidence_from, s["assertions"])),
                     tuple(map(_evidence_from, s["claims"]))) for s in d["states"]))


def _line(e: ControlEvidence) -> str:
    who = f"claimed by {', '.join(p.name for p in e.claimed_by)}" if e.claimed_by else "reported"
    when = e.date.isoformat() if e.date else "undated"
    return f"      {when} {who}: {e.event_type} -> {e.status} ({len(e.article_ids)} article(s))"


def format_timeline(t: Timeline) -> str:
    """A timeline as readable lines: one per state, then its assertions and claims indented."""
    where = f"{t.place} ({t.admin1})" if t.admin1 else t.place
    if not t.states:
        return f"{where}: no control information stored"
    lines = [f"{where}: control timeline"]
    for s in t.states:
        lines.append(f"  from {s.start.isoformat()}  {s.status}")
        lines += [_line(e) for e in s.assertions]
        lines += [_line(e) for e in s.claims]
    return "\n".join(lines)
