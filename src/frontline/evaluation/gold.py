"""Gold annotations: the gold events of a JSONL gold file, and the JSON-lines reader gold and caption files share.

The format is documented in ``docs/EVALUATION.md``; ``load_gold`` raises ``EvalError`` naming the line of any
malformed field.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from frontline.errors import EvalError
from frontline.models import EVENT_TYPES, SIDES

__all__ = ["GoldPlace", "GoldDate", "GoldQuantity", "GoldParty", "GoldEvent", "load_gold"]

_PRECISIONS = ("settlement", "district", "admin1", "region", "country")
_DATE_PRECISIONS = ("day", "month", "year", "unknown")
_MODALITIES = ("asserted", "claimed", "denied", "threatened", "planned", "hypothetical")

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """Where a gold event happened: a GeoNames entry, or an oblast / region for coarse places."""

    name: str
    geonames_id: int | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str = "settlement"
    country_code: str = "UA"


@dataclass(frozen=True, slots=True)
class GoldDate:
    """When a gold event happened: a day, or a range ``start..end`` read at ``precision``."""

    start: dt.date | None
    precision: str
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    value: float
    unit: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class GoldParty:
    name: str | None
    side: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One line of a gold file (see docs/EVALUATION.md for the format)."""

    article: str
    event_type: str
    place: GoldPlace | None
    date: GoldDate
    quantities: tuple[GoldQuantity, ...]
    claimed_by: GoldParty | None
    modality: str
    initiator_side: str | None
    target_side: str | None
    evidence: str
    alt_types: tuple[str, ...] = ()
    contested: bool = False
    line: int = 0
    background: bool = False   # retold history, not the article's news (events/background.py)

    def accepts_type(self, event_type: str) -> bool:
        """Whether a predicted event of ``event_type`` may be matched to this gold event."""
        return event_type == self.event_type or event_type in self.alt_types


def _parse_date(value: object, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise EvalError(f"{what}: '{value}' is not an ISO date (YYYY-MM-DD)") from exc


def one_of(value: object, allowed: Sequence[str], what: str) -> str:
    """``value`` as a string when it is one of ``allowed``; raises EvalError naming ``what`` otherwise."""
    if value not in allowed:
        raise EvalError(f"{what}: '{value}' is not one of {', '.join(allowed)}")
    return str(value)


def optional_one_of(value: object, allowed: Sequence[str], what: str) -> str | None:
    """None for a missing value, else ``one_of(value, allowed, what)``."""
    return None if value is None else one_of(value, allowed, what)


def optional(value: object, kind: Callable[[Any], _T]) -> _T | None:
    """None for a missing value, else ``kind(value)``."""
    return None if value is None else kind(value)


def _gold_event(obj: Mapping, where: str, line: int) -> GoldEvent:
    """Build a GoldEvent from one parsed JSON line; raises EvalError naming the line on any bad field."""
    try:
        place = obj.get("place")
        gold_place = None if place is None else GoldPlace(
            name=str(place["name"]), geonames_id=optional(place.get("geonames_id"), int),
            admin1=place.get("admin1"), lat=optional(place.get("lat"), float), lon=optional(place.get("lon"), float),
            precision=one_of(place.get("precision", "settlement"), _PRECISIONS, f"{where}: place.precision"),
            country_code=str(place.get("country_code", "UA")))
        date = obj.get("date") or {}
        gold_date = GoldDate(start=_parse_date(date.get("start"), f"{where}: date.start"),
                             end=_parse_date(date.get("end"), f"{where}: date.end"),
                             precision=one_of(date.get("precision", "unknown"), _DATE_PRECISIONS,
                                               f"{where}: date.precision"))
        claimed = obj.get("claimed_by")
        gold_claim = None if claimed is None else GoldParty(
            name=claimed.get("name"), side=one_of(claimed.get("side"), SIDES, f"{where}: claimed_by.side"))
        quantities = tuple(GoldQuantity(value=float(q["value"]), unit=str(q["unit"]), role=q.get("role"))
                           for q in obj.get("quantities") or ())
        alt = tuple(one_of(t, EVENT_TYPES, f"{where}: alt_types") for t in obj.get("alt_types") or ())
        return GoldEvent(
            article=str(obj["article"]),
            event_type=one_of(obj.get("event_type"), EVENT_TYPES, f"{where}: event_type"),
            place=gold_place, date=gold_date, quantities=quantities, claimed_by=gold_claim,
            modality=one_of(obj.get("modality", "asserted"), _MODALITIES, f"{where}: modality"),
            initiator_side=optional_one_of(obj.get("initiator_side"), SIDES, f"{where}: initiator_side"),
            target_side=optional_one_of(obj.get("target_side"), SIDES, f"{where}: target_side"),
            evidence=str(obj.get("evidence", "")), alt_types=alt, contested=bool(obj.get("contested", False)),
            line=line, background=bool(obj.get("background", False)))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise EvalError(f"{where}: malformed gold event ({exc!r}); see docs/EVALUATION.md for the format") from exc


def load_gold(path: str | Path) -> tuple[GoldEvent, ...]:
    """Read a gold JSONL file.

    Args:
        path: the file, one JSON object per line; blank lines and lines starting with '#' are skipped.
    Returns:
        the gold events in file order.
    Raises:
        EvalError: the file cannot be read, or a line is not valid JSON or lacks a required field.
    """
    return tuple(_gold_event(obj, where, number) for number, where, obj in json_objects(Path(path), "gold file"))


def json_objects(path: Path, what: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(line number, 'file line N', object) for each JSON object line of ``path``; blank and '#' lines skipped.

    Raises:
        EvalError: the file cannot be read, or a line is not a JSON object.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read {what} {path}: {exc}") from exc
    for number, text in enumerate(lines, start=1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        where = f"{path.name} line {number}"
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise EvalError(f"{where}: expected a JSON object, got {type(obj).__name__}")
        yield number, where, obj
