"""Fusion across articles: one fused event per happening, however many outlets report it.

Within one article, ``fuse.fuse_article`` has already merged repeated mentions. Here, events of *different*
articles are one happening when they have the same type and the same settlement or district (the same gazetteer
entry: two villages of one name never fuse), their date ranges overlap (reports of different days never fuse: a
templated daily report is a new happening every day), they are both real (asserted, claimed or denied) or both
prospective (planned, threatened, hypothetical), and their initiators are on compatible sides. An event joins a
fused event only when it agrees with every report already in it, so a chain of neighbouring days cannot grow
one fused event over a week. Claimants may differ, even be enemies: that is what makes a fused event contested.
Events placed only at an oblast or country are too vague to join across articles and stay on their own; events
with no place at all are left to the per-article events (nothing places them on the map or in a timeline), so
they fuse only within their own story and its copies.

Copies (articles with ``duplicate_of``, see ``frontline.corpus.copies``) add no fused events: each of their events is
listed under the matching event of its original (``copy_event_ids``), or dropped when the original has none.

A fused event is contested when a source disputes it: one of its reports is a denial, or the claims stage
marked one contested, or (for captures, withdrawals and encirclements) a party of the losing side says
fighting goes on there at that time. Both sides' claims are kept in ``claims`` with their stance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from frontline.models import (
    OPPOSITE_BLOC,
    Article,
    ArticleResult,
    Event,
    EventDate,
    FusedClaim,
    FusedEvent,
    Location,
    Party,
    bloc,
    stable_id,
)
from frontline.vocab.event_types import event_type

__all__ = ["fuse_corpus", "fuse_results", "location_key", "to_dict", "from_dict", "FUSABLE_PRECISIONS"]

FUSABLE_PRECISIONS = frozenset({"settlement", "district"})
_REAL = frozenset({"asserted", "claimed", "denied"})
# the control readings of a capture, a withdrawal or an encirclement: a side gains or is about to gain the place
_CHANGES_HANDS = frozenset({"taken", "left", "surrounded"})
_SLACK = dt.timedelta(days=1)      # a disputing report of fighting 'last night' is of that time too
_SAME_DAY = dt.timedelta(0)


def location_key(location: Location | None) -> str:
    """The key fused events are grouped and stored by: the canonical place name, '' for none."""
    return location.name if location is not None else ""


def fuse_results(results: Iterable[ArticleResult]) -> list[FusedEvent]:
    """The fused events of a run's results (copies marked on their article are not counted again).

    Two inputs whose texts clean to the same text are one article (one content id): the first read counts,
    as in the store, even when their metadata (say, a publication date) differ.
    """
    firsts: dict[str, ArticleResult] = {}
    for r in results:
        firsts.setdefault(r.article.article_id, r)
    kept = list(firsts.values())
    return fuse_corpus([e for r in kept for e in r.events], {r.article.article_id: r.article for r in kept})


def _span(e: Event) -> tuple[dt.date, dt.date] | None:
    if e.date.start is None:
        return None
    return e.date.start, e.date.end or e.date.start


def _overlap(a: Event, b: Event, slack: dt.timedelta = _SLACK) -> bool:
    sa, sb = _span(a), _span(b)
    return sa is not None and sb is not None and sa[0] - slack <= sb[1] and sb[0] - slack <= sa[1]


def _same_place(a: Location, b: Location) -> bool:
    if a.geonames_id is not None and b.geonames_id is not None:
        return a.geonames_id == b.geonames_id
    return a.name == b.name


def _sides_agree(a: Party | None, b: Party | None) -> bool:
    return a is None or b is None or bloc(a.side) == bloc(b.side)


def _fusable(a: Event, b: Event) -> bool:
    """Whether events of two different articles report one happening (see the module docstring)."""
    return (a.event_type == b.event_type and a.location is not None and b.location is not None
            and _same_place(a.location, b.location) and a.location.precision == b.location.precision
            and a.location.precision in FUSABLE_PRECISIONS
            and _overlap(a, b, _SAME_DAY) and (a.claim.modality in _REAL) == (b.claim.modality in _REAL)
            and _sides_agree(a.initiator, b.initiator))


def _gainer(e: Event) -> str | None:
    """The side a capture, withdrawal or encirclement favours: the initiator's bloc (the enemy's, for withdrawals)."""
    side = bloc(e.initiator.side) if e.initiator else None
    if side not in OPPOSITE_BLOC:
        return None
    return OPPOSITE_BLOC[side] if event_type(e.event_type).control == "left" else side


@dataclass
class _Cluster:
    events: list[Event]
    copies: list[str] = field(default_factory=list)
    disputes: list[Event] = field(default_factory=list)


def fuse_corpus(events: Iterable[Event], articles: Mapping[str, Article]) -> list[FusedEvent]:
    """Fuse the events of many articles (see the module docstring); returns fused events by date.

    Args:
        events: per-article events (already fused within their article), of any articles.
        articles: the article records by id, for ``duplicate_of`` and ``source``; an event whose article
            is missing counts as an original.
    """
    originals, copies = _originals_and_copies(events, articles)
    originals.sort(key=lambda e: (e.date.start or dt.date.max, e.article_id, e.event_id))
    clusters = _clusters(originals)
    _attach_copies(clusters, copies, articles)
    _mark_disputes(clusters, originals)
    return [_fused(c, articles) for c in clusters]


def _originals_and_copies(events: Iterable[Event],
                          articles: Mapping[str, Article]) -> tuple[list[Event], list[tuple[str, Event]]]:
    """The placed events of original articles, and those of copies with the id of their original."""
    originals: list[Event] = []
    copies: list[tuple[str, Event]] = []
    seen: set[str] = set()
    for e in events:
        if e.location is None or e.event_id in seen:     # the same text read twice has the same event ids
            continue
        seen.add(e.event_id)
        a = articles.get(e.article_id)
        if a is not None and a.duplicate_of:
            copies.append((a.duplicate_of, e))
        else:
            originals.append(e)
    return originals, copies


def _clusters(originals: list[Event]) -> list[_Cluster]:
    """Group events sorted by start date into clusters of one happening each."""
    clusters: list[_Cluster] = []
    # Only events of one type and place name can fuse, and only on overlapping days: clusters open to new
    # members are kept by (type, place) with their latest end. Events come by start date, so a cluster that
    # ends before an event starts can take no later event either and leaves its group; the work grows with
    # the events, not with events x clusters. An undated event fuses with nothing.
    open_: dict[tuple[str, str], list[tuple[_Cluster, dt.date]]] = {}
    for e in originals:
        span = _span(e)
        if span is None:
            clusters.append(_Cluster([e]))
            continue
        group = open_.setdefault((e.event_type, location_key(e.location)), [])
        group[:] = [(c, end) for c, end in group if end >= span[0]]
        for i, (c, end) in enumerate(group):
            if all(m.article_id != e.article_id and _fusable(m, e) for m in c.events):
                c.events.append(e)
                group[i] = (c, max(end, span[1]))
                break
        else:
            clusters.append(_Cluster([e]))
            group.append((clusters[-1], span[1]))
    return clusters


def _attach_copies(clusters: list[_Cluster], copies: list[tuple[str, Event]],
                   articles: Mapping[str, Article]) -> None:
    """List each copy's event under the matching cluster of its original article, if there is one."""
    of_article: dict[str, list[_Cluster]] = {}
    for c in clusters:
        for aid in dict.fromkeys(m.article_id for m in c.events):
            of_article.setdefault(aid, []).append(c)
    for original, e in copies:
        matching = [c for c in of_article.get(original, ()) if any(
            m.article_id == original and m.event_type == e.event_type
            and location_key(m.location) == location_key(e.location) for m in c.events)]
        # the original's report of the same day, if the copy's dates were read alike; else its first report
        matching.sort(key=lambda c: not any(_overlap(m, e) for m in c.events))
        if matching:
            matching[0].copies.append(e.event_id)


def _mark_disputes(clusters: list[_Cluster], originals: list[Event]) -> None:
    """Attach to each control change the fighting a party of the losing side claims goes on there then."""
    # claimed fighting by place, so a control change looks only at the fighting where it happened
    fighting: dict[tuple[str, str], list[tuple[str, Event]]] = {}
    for e in originals:
        claimant = e.claim.claimed_by
        if (e.location is not None and claimant is not None and e.claim.modality in _REAL
                and event_type(e.event_type).control == "fought"):
            fighting.setdefault((e.location.name, e.location.precision), []).append((bloc(claimant.side), e))
    for c in clusters:
        first = c.events[0]
        gainer = _gainer(first)
        if (first.location is not None and gainer is not None and first.claim.modality in _REAL
                and event_type(first.event_type).control in _CHANGES_HANDS):
            here = fighting.get((first.location.name, first.location.precision), ())
            c.disputes = [f for side, f in here if side == OPPOSITE_BLOC[gainer]
                          and any(_overlap(f, m) for m in c.events)]


def _fused(c: _Cluster, articles: Mapping[str, Article]) -> FusedEvent:
    first = c.events[0]
    spans = [s for s in map(_span, c.events) if s is not None]
    date = first.date
    if spans:
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        date = EventDate(start=start, precision=first.date.precision, end=end if end != start else None)
    claims = tuple(FusedClaim(e.event_id, e.article_id, e.claim.claimed_by, e.claim.modality,
                              "disputes" if e.claim.modality == "denied" else "supports") for e in c.events)
    claims += tuple(FusedClaim(e.event_id, e.article_id, e.claim.claimed_by, e.claim.modality, "disputes")
                    for e in c.disputes)
    article_ids = tuple(dict.fromkeys(e.article_id for e in c.events))
    outlets = {(articles[a].source if a in articles and articles[a].source else a) for a in article_ids}
    event_ids = tuple(e.event_id for e in c.events)
    return FusedEvent(
        fused_id=stable_id("fused", *sorted(event_ids)), event_type=first.event_type, location=first.location,
        date=date, event_ids=event_ids, article_ids=article_ids, outlets=len(outlets), claims=claims,
        contested=any(cl.stance == "disputes" for cl in claims) or any(e.claim.contested for e in c.events),
        copy_event_ids=tuple(c.copies))


def _party(d: dict[str, Any] | None) -> Party | None:
    return None if d is None else Party(**d)


def to_dict(f: FusedEvent) -> dict[str, Any]:
    """A fused event as plain JSON data (the ``fused_events[]`` objects of the JSON output)."""
    return {
        "fused_id": f.fused_id, "event_type": f.event_type,
        "location": asdict(f.location) if f.location else None,
        "date": {"start": f.date.start.isoformat() if f.date.start else None, "precision": f.date.precision,
                 "end": f.date.end.isoformat() if f.date.end else None},
        "event_ids": list(f.event_ids), "article_ids": list(f.article_ids), "outlets": f.outlets,
        "contested": f.contested, "copy_event_ids": list(f.copy_event_ids),
        "claimants": [asdict(p) for p in f.claimants],
        "claims": [{"event_id": c.event_id, "article_id": c.article_id,
                    "claimed_by": asdict(c.claimed_by) if c.claimed_by else None, "modality": c.modality,
                    "stance": c.stance} for c in f.claims],
    }


def from_dict(d: Mapping[str, Any]) -> FusedEvent:
    """The inverse of ``to_dict``."""
    date = d["date"]
    return FusedEvent(
        fused_id=d["fused_id"], event_type=d["event_type"],
        location=Location(**d["location"]) if d["location"] else None,
        date=EventDate(start=dt.date.fromisoformat(date["start"]) if date["start"] else None,
                       precision=date["precision"], end=dt.date.fromisoformat(date["end"]) if date["end"] else None),
        event_ids=tuple(d["event_ids"]), article_ids=tuple(d["article_ids"]), outlets=d["outlets"],
        claims=tuple(FusedClaim(c["event_id"], c["article_id"], _party(c["claimed_by"]), c["modality"], c["stance"])
                     for c in d["claims"]),
        contested=d["contested"], copy_event_ids=tuple(d["copy_event_ids"]))
