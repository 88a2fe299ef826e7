"""Fuse: one event per happening within an article.

An article repeats itself ('peace talks' in five paragraphs, a capture in the lede and again in a quote).
Within one article, events of the same type at the same place on the same date, with the same modality and
no conflicting claimants, are one event: the first report keeps its evidence, the others add their
quantities, fill missing parties and raise the confidence. Fusion across articles is a later stage.
"""

from __future__ import annotations

from dataclasses import replace

from .models import Event, Party


def _key(e: Event) -> tuple:
    loc = e.location.name if e.location is not None else None
    return (e.event_type, loc, e.date.start, e.date.precision, e.claim.modality)


def _compatible(a: Party | None, b: Party | None) -> bool:
    return a is None or b is None or a.side == b.side


def _merge(a: Event, b: Event) -> Event:
    quantities = list(a.quantities)
    for q in b.quantities:
        if not any(q.value == p.value and q.unit == p.unit for p in quantities):
            quantities.append(q)
    claim = a.claim
    if claim.claimed_by is None and b.claim.claimed_by is not None:
        claim = replace(claim, claimed_by=b.claim.claimed_by)
    if b.claim.contested:
        claim = replace(claim, contested=True)
    return replace(
        a,
        initiator=a.initiator or b.initiator,
        target=a.target or b.target,
        quantities=tuple(quantities),
        claim=claim,
        confidence=round(min(0.99, max(a.confidence, b.confidence) + 0.05), 3),
    )


def fuse_article(events: list[Event]) -> list[Event]:
    """Merge repeated reports of the same event within one article; keeps text order of first mentions."""
    out: list[Event] = []
    index: dict[tuple, int] = {}
    for e in events:
        k = _key(e)
        i = index.get(k)
        if i is not None and _compatible(out[i].claim.claimed_by, e.claim.claimed_by) \
                and _compatible(out[i].initiator, e.initiator):
            out[i] = _merge(out[i], e)
            continue
        index[k] = len(out)
        out.append(e)
    return out
