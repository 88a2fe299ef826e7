"""Captions: an extractor measured on a caption set, one caption or headline an article naming its settlement.

``evaluate_captions`` measures found / placed within ``CAPTION_KM`` / right oblast / right type, overall and
per source and split (format in ``docs/EVALUATION.md``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from frontline.errors import EvalError, FrontlineError
from frontline.evaluation.gold import GoldPlace, json_objects, one_of, optional, optional_one_of
from frontline.evaluation.matching import distance_km, normalise_admin1
from frontline.evaluation.scoring import Share
from frontline.models import EVENT_TYPES, Event

__all__ = ["CAPTION_KM", "CAPTION_MEASURES", "CAPTION_FAILURES", "caption_failure", "CaptionItem", "read_captions", "CaptionMiss", "CaptionScores",
           "CaptionReport", "evaluate_captions"]

logger = logging.getLogger(__name__)

CAPTION_KM = 15.0  # a caption's event counts as placed when it lies this close to the settlement the caption names


@dataclass(frozen=True, slots=True)
class CaptionItem:
    """One caption or headline of a caption set (see docs/EVALUATION.md): its text and where it happened."""

    id: str
    source: str            # 'written' (hand-written over a GeoNames settlement) or 'ucdp' (a UCDP headline)
    split: str             # 'dev' (tune on it) or 'test' (held out)
    text: str
    published: dt.date
    place: GoldPlace
    event_type: str | None = None
    alt_types: tuple[str, ...] = ()

    def accepts_type(self, event_type: str) -> bool:
        return event_type == self.event_type or event_type in self.alt_types


def read_captions(path: str | Path, split: str | None = None) -> tuple[CaptionItem, ...]:
    """Read a caption set: JSONL, one item a line (``id``, ``source``, ``split``, ``text``, ``published``,
    ``place`` {name, geonames_id, lat, lon, admin1}, ``event_type``, ``alt_types``).

    Args:
        path: the JSONL file.
        split: keep only the items of this split ('dev' or 'test'); None keeps all.
    Raises:
        EvalError: the file cannot be read or a line is malformed.
    """
    items = []
    for _, where, obj in json_objects(Path(path), "caption set"):
        try:
            place = obj["place"]
            item = CaptionItem(
                id=str(obj["id"]), source=str(obj.get("source", "written")), split=str(obj.get("split", "dev")),
                text=str(obj["text"]), published=dt.date.fromisoformat(obj["published"]),
                place=GoldPlace(name=str(place["name"]), geonames_id=optional(place.get("geonames_id"), int),
                                admin1=normalise_admin1(place.get("admin1")), lat=float(place["lat"]),
                                lon=float(place["lon"])),
                event_type=optional_one_of(obj.get("event_type"), EVENT_TYPES, f"{where}: event_type"),
                alt_types=tuple(one_of(t, EVENT_TYPES, f"{where}: alt_types") for t in obj.get("alt_types") or ()))
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalError(f"{where}: malformed caption item ({exc!r}); see docs/EVALUATION.md for the format") \
                from exc
        if split is None or item.split == split:
            items.append(item)
    return tuple(items)


@dataclass(frozen=True, slots=True)
class CaptionMiss:
    """A caption that failed a measure: which ones, and what the extractor made of it."""

    item: CaptionItem
    failed: tuple[str, ...]
    events: tuple[Event, ...]
    why: str | None = None      # why it was not placed: one of CAPTION_FAILURES, None when it was


@dataclass(frozen=True, slots=True)
class CaptionScores:
    """found / placed / oblast / typed over one group of caption items."""

    rows: int = 0
    found: Share = Share()
    placed: Share = Share()
    oblast: Share = Share()
    typed: Share = Share()
    failures: tuple[int, ...] = (0, 0, 0, 0)   # items not placed, by CAPTION_FAILURES


@dataclass(frozen=True, slots=True)
class CaptionReport:
    """How an extractor does on a caption set, overall and per source ('written', 'ucdp') and split."""

    overall: CaptionScores
    groups: tuple[tuple[str, CaptionScores], ...]   # ('written/dev', scores), ...
    split: str | None = None
    failed: int = 0
    misses: tuple[CaptionMiss, ...] = ()


CAPTION_MEASURES = ("found", "placed", "oblast", "typed")
# Why a caption's event was not placed, in the order they are checked: no event at all; events but none located;
# located only at an oblast, region, country or 'near' precision; located at another settlement (a namesake of
# the caption's, or another town the caption names).
CAPTION_FAILURES = ("no event", "no place", "coarse", "namesake")
_COARSE = frozenset({"admin1", "region", "country", "district"})


def caption_failure(events: Sequence[Event], placed: bool) -> str | None:
    """Why a caption was not placed (one of CAPTION_FAILURES), or None when it was."""
    if placed:
        return None
    located = [e.location for e in events if e.location is not None]
    if not events:
        return CAPTION_FAILURES[0]
    if not located:
        return CAPTION_FAILURES[1]
    return CAPTION_FAILURES[2] if all(loc.precision in _COARSE for loc in located) else CAPTION_FAILURES[3]


def _caption_hits(item: CaptionItem, events: Sequence[Event]) -> dict[str, bool | None]:
    """Per measure: True/False when it applies to this item, None when it does not (typed needs a gold type)."""
    gold = item.place
    located = [e.location for e in events if e.location is not None
               and not (e.location.lat == 0 and e.location.lon == 0)]
    placed = any(distance_km(gold, loc) <= CAPTION_KM for loc in located)
    oblast = gold.admin1 is not None and any(normalise_admin1(loc.admin1) == gold.admin1 for loc in located)
    typed = None if item.event_type is None else any(item.accepts_type(e.event_type) for e in events)
    return {"found": bool(events), "placed": placed, "oblast": oblast, "typed": typed}


def _caption_scores(hits: Sequence[tuple[dict[str, bool | None], str | None]]) -> CaptionScores:
    shares = {name: Share(sum(1 for h, _ in hits if h[name]), sum(1 for h, _ in hits if h[name] is not None))
              for name in CAPTION_MEASURES}
    failures = tuple(sum(1 for _, why in hits if why == kind) for kind in CAPTION_FAILURES)
    return CaptionScores(rows=len(hits), failures=failures, **shares)


def evaluate_captions(path: str | Path, extract: Callable[[str, dt.date], Sequence[Event]], *,
                      split: str | None = None, progress: Callable[[int, int], None] | None = None) -> CaptionReport:
    """Run ``extract`` on each caption and measure found / placed within CAPTION_KM / right oblast / right type.

    Args:
        path: the caption set (JSONL, see ``read_captions``).
        extract: ``extract(text, published) -> events``; each caption is one short article.
        split: score only this split ('dev' or 'test'); None scores all and reports each split.
        progress: called as ``progress(done, total)`` after each item.
    Returns:
        a CaptionReport. A FrontlineError raised by ``extract`` counts the item as not found.
    Raises:
        EvalError: the caption set cannot be read.
    """
    items = read_captions(path, split)
    per_item, failed, misses = [], 0, []
    for done, item in enumerate(items, start=1):
        try:
            events = tuple(extract(item.text, item.published))
        except FrontlineError as exc:
            logger.warning("caption %s: extraction failed: %s", item.id, exc)
            failed, events = failed + 1, ()
        hits = _caption_hits(item, events)
        why = caption_failure(events, bool(hits["placed"]))
        per_item.append((item, (hits, why)))
        if any(hit is False for hit in hits.values()):
            misses.append(CaptionMiss(item, tuple(n for n, h in hits.items() if h is False), events, why))
        if progress is not None:
            progress(done, len(items))
    keys = sorted({f"{item.source}/{item.split}" for item, _ in per_item})
    groups = tuple((key, _caption_scores([h for item, h in per_item if f"{item.source}/{item.split}" == key]))
                   for key in keys)
    return CaptionReport(overall=_caption_scores([h for _, h in per_item]), groups=groups, split=split,
                         failed=failed, misses=tuple(misses))
