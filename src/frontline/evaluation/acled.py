"""ACLED notes: does the extractor count each note as ACLED did, one event with ACLED's fatalities?

Each row of an ACLED export is one event, and its ``notes`` column is a short report of it ("On 1 January 2024,
Russian forces shelled Avdiivka, Donetsk. 1 civilian was killed."). ``read_acled`` reads an export;
``evaluate_acled`` runs an extractor on each note as one article and compares what it made of the note with
ACLED's coding of it:

- **events per note**, among the notes with at least one event (ACLED codes one event a note), counting the
  events of the default output (retold history, ``Event.background``, left out as the exports leave it out);
- **toll split off**: notes where an event of a type that only counts losses (``EventType.toll``) stands beside
  an event whose toll it is (``EventType.takes_toll``): the casualties of an attack told as a second event;
- **fatalities**: the ``fatalities`` of frontline's own ACLED-style rows (``frontline.export.acled.acled_rows``)
  summed per note, equal to ACLED's, and summed over every note against ACLED's total;
- **typed**: an event exported with ACLED's ``event_type`` (and, stricter, its ``sub_event_type`` too);
- **placed**: where ACLED places the note precisely (``geo_precision`` 1-2), the nearest located event within
  ``PLACE_KM`` of ACLED's point;
- **copies**: notes marked a copy of a *different* note when all notes are read as one stream
  (``counts.copies_of_other_reports``: a note repeating another's text and date is the same report).

Each note is published on its ``event_date``. ACLED's ``timestamp`` is not a publication date: it is when the
row was last changed in ACLED's dataset (an updated event gets a new timestamp, which is how ACLED's own
``acled_update`` finds updates), often weeks after the event. A note says its own date ("On 1 January 2024"),
so the event date lets the extractor's date resolution be checked against ACLED's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from frontline.errors import EvalError, FrontlineError
from frontline.evaluation.counts import copies_of_other_reports
from frontline.evaluation.matching import PLACE_KM, km
from frontline.evaluation.scoring import Share
from frontline.export.acled import acled_rows
from frontline.models import ArticleResult, Event, background_kept
from frontline.vocab.event_types import event_type

__all__ = ["AcledNote", "read_acled", "AcledReport", "AcledMiss", "evaluate_acled", "note_measures",
           "REQUIRED_COLUMNS"]

logger = logging.getLogger(__name__)

# Without these a file cannot be scored: the note to read, the day it tells of, and ACLED's death count.
REQUIRED_COLUMNS: Final = ("notes", "event_date", "fatalities")
_DATE_FORMATS: Final = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d %b %Y", "%m/%d/%Y")


@dataclass(frozen=True, slots=True)
class AcledNote:
    """One ACLED event: its note and what ACLED coded from it (empty or None where the export lacks a column)."""

    id: str
    text: str
    published: dt.date            # the event date: see the module docstring
    fatalities: int
    event_type: str = ""
    sub_event_type: str = ""
    admin1: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str = ""

    @property
    def placed_precisely(self) -> bool:
        """ACLED places it at a settlement or near one (geo_precision 1-2) and gives the point."""
        return (self.geo_precision is not None and self.geo_precision <= 2 and self.latitude is not None
                and self.longitude is not None)


def _date(text: str) -> dt.date:
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable event_date {text!r} (write it as 2024-01-31 or 31 January 2024)")


def _float(text: str | None) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(float(text)) if text else None


def _note(rec: dict[str, str], number: int) -> AcledNote:
    fatalities = _int(rec.get("fatalities"))
    if fatalities is None:
        raise ValueError("empty fatalities")
    return AcledNote(
        id=(rec.get("event_id_cnty") or "").strip() or f"line {number}", text=" ".join(rec["notes"].split()),
        published=_date(rec["event_date"]), fatalities=fatalities,
        event_type=(rec.get("event_type") or "").strip(), sub_event_type=(rec.get("sub_event_type") or "").strip(),
        admin1=(rec.get("admin1") or "").strip(), location=(rec.get("location") or "").strip(),
        latitude=_float(rec.get("latitude")), longitude=_float(rec.get("longitude")),
        geo_precision=_int(rec.get("geo_precision")), source=(rec.get("source") or "").strip())


def read_acled(csv_path: str | Path) -> tuple[AcledNote, ...]:
    """Read an ACLED export (CSV with ACLED's column names; any missing column but notes, event_date and
    fatalities is left empty).

    Raises:
        EvalError: the file cannot be read, lacks a required column, or a row's date or numbers cannot be read.
    """
    path = Path(csv_path)
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise EvalError(f"cannot read ACLED file {path}: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise EvalError(f"{path} is not an ACLED export: it has no {', '.join(missing)} column "
                        f"(an ACLED export names its columns {', '.join(REQUIRED_COLUMNS)}, event_type, ...; "
                        f"download one with its header row)")
    notes = []
    for number, rec in enumerate(reader, start=2):
        if not (rec.get("notes") or "").strip():
            continue
        try:
            notes.append(_note(rec, number))
        except (ValueError, TypeError) as exc:
            raise EvalError(f"{path.name} record ending near line {number} "
                            f"(event {rec.get('event_id_cnty') or '?'}): {exc}") from exc
    return tuple(notes)


@dataclass(frozen=True, slots=True)
class AcledMiss:
    """A note that failed at least one measure: which ones, and the ACLED-style rows frontline wrote for it."""

    note: AcledNote
    failed: tuple[str, ...]
    events: tuple[Event, ...]
    rows: tuple[dict[str, object], ...]


@dataclass(frozen=True, slots=True)
class AcledReport:
    """How an extractor counts ACLED notes (see the module docstring for each measure)."""

    notes: int
    with_events: int
    events: int
    split_off: Share                # notes with a toll told as its own event beside the attack it belongs to
    fatalities_equal: Share         # notes whose exported fatalities equal ACLED's
    fatalities: int                 # exported fatalities summed over every note
    acled_fatalities: int           # ACLED's, summed
    typed: Share                    # an event of ACLED's event_type
    sub_typed: Share                # an event of ACLED's event_type and sub_event_type
    placed: Share                   # geo_precision 1-2: nearest located event within PLACE_KM
    copies: Share                   # notes marked a copy of a different note
    failed: int = 0                 # notes where extract raised a FrontlineError (scored as no event)
    misses: tuple[AcledMiss, ...] = ()

    @property
    def per_note_with_events(self) -> float:
        return self.events / self.with_events if self.with_events else 0.0

    @property
    def fatality_ratio(self) -> float | None:
        return self.fatalities / self.acled_fatalities if self.acled_fatalities else None


def _news(result: ArticleResult) -> ArticleResult:
    """The result with only the events the default output keeps (no retold history)."""
    kept = tuple(e for e in result.events if background_kept(e))
    return result if len(kept) == len(result.events) else replace(result, events=kept)


def _split_off(events: Sequence[Event]) -> bool:
    types = [event_type(e.event_type) for e in events]
    return any(t.toll for t in types) and any(t.takes_toll for t in types)


def note_measures(note: AcledNote, result: ArticleResult) -> dict[str, bool | None]:
    """Per measure, whether ``result`` (the note's default output) passes it; None where it does not apply."""
    rows = list(acled_rows([result]))
    placed = None
    if note.placed_precisely and note.latitude is not None and note.longitude is not None:
        lat, lon = note.latitude, note.longitude
        nearest = min((km(lat, lon, e.location.lat, e.location.lon) for e in result.events if e.location),
                      default=math.inf)
        placed = nearest <= PLACE_KM
    return {
        "one event": len(result.events) <= 1 if result.events else None,
        "split off": not _split_off(result.events),
        "fatalities": sum(int(r["fatalities"]) for r in rows) == note.fatalities,
        "typed": any(r["event_type"] == note.event_type for r in rows) if note.event_type else None,
        "sub typed": (any((r["event_type"], r["sub_event_type"]) == (note.event_type, note.sub_event_type)
                          for r in rows) if note.event_type and note.sub_event_type else None),
        "placed": placed,
    }


def _share(hits: Sequence[dict[str, bool | None]], name: str, *, failing: bool = False) -> Share:
    applies = [h[name] for h in hits if h[name] is not None]
    return Share(sum(1 for ok in applies if ok != failing), len(applies))


def evaluate_acled(csv_path: str | Path, extract: Callable[[str, dt.date], ArticleResult], *,
                   progress: Callable[[int, int], None] | None = None) -> AcledReport:
    """Run ``extract`` on each ACLED note (one article a note, published on its event date) and measure how it
    counts them (see the module docstring).

    Args:
        csv_path: an ACLED export (CSV).
        extract: ``extract(note, published) -> ArticleResult``.
        progress: called as ``progress(done, total)`` after each note.
    Returns:
        an AcledReport. A FrontlineError raised by ``extract`` on a note is logged and the note counts as having
        no event; any other exception propagates.
    Raises:
        EvalError: the CSV cannot be read.
    """
    notes = read_acled(csv_path)
    results: list[ArticleResult | None] = []
    failed = 0
    for done, note in enumerate(notes, start=1):
        try:
            results.append(extract(note.text, note.published))
        except FrontlineError as exc:
            logger.warning("ACLED note %s: extraction failed: %s", note.id, exc)
            failed += 1
            results.append(None)
        if progress is not None:
            progress(done, len(notes))
    read = [r for r in results if r is not None]
    copies = copies_of_other_reports(read) if not failed else None
    news = [_news(r) if r is not None else None for r in results]
    hits, misses = [], []
    for note, result in zip(notes, news):
        if result is None:
            hits.append({"one event": None, "split off": True, "fatalities": note.fatalities == 0, "typed": False,
                         "sub typed": False if note.sub_event_type else None,
                         "placed": False if note.placed_precisely else None})
            continue
        hit = note_measures(note, result)
        hits.append(hit)
        failures = tuple(name for name, ok in hit.items() if ok is False)
        if failures:
            misses.append(AcledMiss(note, failures, result.events, tuple(acled_rows([result]))))
    events = [r.events if r is not None else () for r in news]
    exported = sum(int(row["fatalities"]) for r in news if r is not None for row in acled_rows([r]))
    return AcledReport(
        notes=len(notes), with_events=sum(bool(e) for e in events), events=sum(len(e) for e in events),
        split_off=_share(hits, "split off", failing=True), fatalities_equal=_share(hits, "fatalities"),
        fatalities=exported, acled_fatalities=sum(n.fatalities for n in notes), typed=_share(hits, "typed"),
        sub_typed=_share(hits, "sub typed"), placed=_share(hits, "placed"),
        copies=Share(sum(copies), len(copies)) if copies is not None else Share(),
        failed=failed, misses=tuple(misses))
