"""The one parser of query parameters: what the REST API, the CLI and the Python API take, with the same errors.

``parse_filter`` turns the filter values of any surface (text from a URL or a command line, or Python values:
dates, datetimes, tuples) into an ``EventFilter``; ``check_parameters`` refuses parameter names a surface does
not take, naming them with the closest known name, and pointing ACLED's names (``event_type``, ``admin1``,
``page`` ...) to frontline's. Every error is a ``QueryError`` whose message says what is accepted.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, get_args

from frontline.errors import QueryError
from frontline.models import BACKGROUND_CHOICES, EVENT_TYPES, Background, LocationPrecision, Modality
from frontline.store.records import EventFilter
from frontline.vocab import sides

__all__ = ["MAX_TEXT_FILTER", "FILTER_NAMES", "ACLED_NAMES", "parse_filter", "parse_day", "parse_time",
           "parse_bbox", "check_parameters", "unknown_parameters", "name_key"]

MAX_TEXT_FILTER: Final = 200       # characters of a free-text filter (a name, an outlet, words)

# The filters' names as the REST API and the Python API take them (the CLI's options are these with dashes).
FILTER_NAMES: Final = ("type", "oblast", "settlement", "bbox", "since", "until", "side", "actor", "claimant",
                       "modality", "contested", "precision", "min_confidence", "outlet", "q", "updated_since",
                       "include_copies", "background")

# ACLED's API and export names, and what frontline calls the same thing (an analyst who knows ACLED types them).
# Refused with this pointer rather than taken as aliases: their values differ too (ACLED's event types, country
# names, page numbers), so silently taking them would answer another question than the one asked.
ACLED_NAMES: Final = {
    "event_type": "type (frontline's event types, listed at /api/vocabulary)",
    "sub_event_type": "type (frontline's event types, listed at /api/vocabulary)",
    "disorder_type": "type (frontline's event types, listed at /api/vocabulary)",
    "admin1": "oblast", "admin2": "bbox or settlement", "admin3": "settlement", "location": "settlement",
    "country": "bbox (frontline's events are placed in the war's countries; filter by area)",
    "iso": "bbox", "region": "bbox",
    "event_date": "since and until (YYYY-MM-DD)", "year": "since and until (YYYY-MM-DD)",
    "actor1": "actor", "actor2": "actor", "assoc_actor_1": "actor", "assoc_actor_2": "actor",
    "inter1": "side", "inter2": "side", "interaction": "side",
    "source": "outlet", "notes": "q", "timestamp": "updated_since",
    "page": "cursor (pages are not numbered: pass each page's next_cursor, or the X-Next-Cursor header, "
            "to get the next one)",
    "offset": "cursor (pass each page's next_cursor to get the next page)",
    "page_size": "limit", "per_page": "limit", "_format": "format", "export_type": "format",
    "event_id_cnty": "GET /api/events/{event_id}",
}

_SIDES: Final = {s.casefold(): s for s in sides.SIDES}
# American and British spellings of the words of organisations' names ('Russian Defense Ministry', 'Defence'):
# a short table rather than a spelling library, as claimants are institutions whose names use few such words.
_SPELLINGS: Final = {"defense": "defence", "center": "centre", "organization": "organisation",
                     "armor": "armour", "armored": "armoured", "program": "programme", "labor": "labour"}
_NOT_WORD: Final = re.compile(r"[\W_]+")
_APOSTROPHE: Final = re.compile(r"['\u2019\u02bc`]")
_TRUE: Final = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def name_key(name: str) -> str:
    """A name as claimant filters compare it: without case, accents, punctuation or spacing differences, and
    with British and American spellings made one ('Russian Defense Ministry' = 'russian defence ministry')."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    words = _NOT_WORD.sub(" ", _APOSTROPHE.sub("", bare)).split()
    return " ".join(_SPELLINGS.get(w, w) for w in words)


def unknown_parameters(given: Iterable[str], known: Sequence[str]) -> str | None:
    """What to say of the parameter names in ``given`` that are not in ``known``; None when all are known."""
    parts = []
    for name in dict.fromkeys(given):
        if name in known:
            continue
        if name in ACLED_NAMES:
            parts.append(f"{name} is ACLED's name; frontline's is {ACLED_NAMES[name]}")
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
        parts.append(f"{name} is not a parameter" + (f" (did you mean {close[0]}?)" if close else ""))
    if not parts:
        return None
    return "; ".join(parts) + f". This endpoint takes: {', '.join(sorted(known)) or 'no parameters'}"


def check_parameters(given: Iterable[str], known: Sequence[str]) -> None:
    """Refuse parameter names ``known`` does not hold.

    Raises:
        QueryError: one or more names are unknown (each named, with the closest known one or ACLED's pointer).
    """
    message = unknown_parameters(given, known)
    if message is not None:
        raise QueryError(message)


def parse_day(name: str, value: Any) -> dt.date | None:
    """A day given as ``YYYY-MM-DD`` text, a date or a datetime (its date).

    Raises:
        QueryError: anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise QueryError(f"{name}={value!r} is not a day; write it YYYY-MM-DD, e.g. {name}=2022-08-01")


def parse_time(name: str, value: Any) -> dt.datetime | None:
    """A time given as ISO 8601 text (``Z`` or an offset; UTC when it has none), a datetime or a date (its start).

    Raises:
        QueryError: anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise QueryError(f"{name}={value!r} is not a time; write it ISO 8601, e.g. {name}=2024-05-01T12:00:00Z "
                             "(UTC unless it carries an offset)") from None
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, dt.datetime):
        raise QueryError(f"{name}={value!r} is not a time; write it ISO 8601, e.g. {name}=2024-05-01T12:00:00Z")
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    try:
        return value.astimezone(dt.timezone.utc)
    except OverflowError:
        raise QueryError(f"{name}={value.isoformat()} is out of range; give a time after year 1") from None


def parse_bbox(value: Any) -> tuple[float, float, float, float] | None:
    """A box given as 'west,south,east,north' text or four numbers, in degrees.

    Raises:
        QueryError: not four finite numbers, or not a box in degrees (south above north, beyond ±180/±90).
    """
    if value is None or value == "":
        return None
    example = "e.g. bbox=36.5,47.5,39.0,49.5"
    try:
        parts = [float(p) for p in (value.split(",") if isinstance(value, str) else value)]
    except (TypeError, ValueError):
        raise QueryError(f"bbox={value!r} is not four numbers west,south,east,north in degrees; {example}") from None
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise QueryError(f"bbox={value!r} is not four numbers west,south,east,north in degrees; {example}")
    west, south, east, north = parts
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise QueryError(f"bbox={value!r} is not west,south,east,north in degrees (south <= north); {example}")
    return west, south, east, north


def _choice(name: str, value: Any, known: Sequence[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value in known:
        return value
    folded = {k.casefold(): k for k in known}
    if isinstance(value, str) and value.casefold() in folded:
        return folded[value.casefold()]
    close = difflib.get_close_matches(str(value), list(known), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise QueryError(f"{name}={value!r} is not one of {', '.join(known)}{hint}")


def _text(name: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise QueryError(f"{name}={value!r} is not text")
    if len(value) > MAX_TEXT_FILTER:
        raise QueryError(f"{name} is longer than {MAX_TEXT_FILTER} characters; no name or phrase is that long")
    # SQLite's LIKE stops at a NUL: 'q=%00' would match every event
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise QueryError(f"{name} holds a control character; send plain text")
    return value


def _flag(name: str, value: Any) -> bool | None:
    if value is None or value == "" or isinstance(value, bool):
        return value if value != "" else None
    if isinstance(value, str) and value.strip().lower() in _TRUE:
        return _TRUE[value.strip().lower()]
    raise QueryError(f"{name}={value!r} is not true or false")


def _confidence(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not 0 <= number <= 1:
        raise QueryError(f"min_confidence={value!r} is not a number between 0 and 1")
    return number


def _types(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    values = [value] if isinstance(value, str) else list(value)
    return tuple(t for t in (_choice("type", v, EVENT_TYPES) for v in values) if t)


def parse_filter(values: Mapping[str, Any]) -> EventFilter:
    """An ``EventFilter`` from filter values by name (``FILTER_NAMES``; ``types`` is taken for ``type``).

    Values may be text as a URL or a command line gives them, or Python values; a missing or None value
    selects everything. A name or value that is not accepted is an error, never a filter that silently
    matches nothing or everything.

    Raises:
        QueryError: an unknown name, or a value that is not accepted (the message says what is).
    """
    values = dict(values)
    if "types" in values:
        if values.get("type") not in (None, (), []):
            raise QueryError("give type or types, not both")
        values["type"] = values.pop("types")
    check_parameters(values, FILTER_NAMES)
    since, until = parse_day("since", values.get("since")), parse_day("until", values.get("until"))
    if since is not None and until is not None and since > until:
        raise QueryError(f"since {since} is after until {until}; swap them")
    return EventFilter(
        types=_types(values.get("type")),
        oblast=_text("oblast", values.get("oblast")), settlement=_text("settlement", values.get("settlement")),
        bbox=parse_bbox(values.get("bbox")), since=since, until=until,
        side=_choice("side", _text("side", values.get("side")), sides.SIDES),
        actor=_text("actor", values.get("actor")), claimant=_claimant(values.get("claimant")),
        modality=_choice("modality", values.get("modality"), get_args(Modality)),
        contested=_flag("contested", values.get("contested")),
        precision=_choice("precision", values.get("precision"), get_args(LocationPrecision)),
        min_confidence=_confidence(values.get("min_confidence")), outlet=_text("outlet", values.get("outlet")),
        q=_text("q", values.get("q")), updated_since=parse_time("updated_since", values.get("updated_since")),
        include_copies=bool(_flag("include_copies", values.get("include_copies"))),
        background=_background(values.get("background")))


def _background(value: Any) -> Background:
    """What to do with retold history: exclude (the default), include or only."""
    choice = _choice("background", value, BACKGROUND_CHOICES)
    return next((b for b in BACKGROUND_CHOICES if b == choice), "exclude")


def _claimant(value: Any) -> str | None:
    """A claimant: a side in any case (ru -> RU) or a name, kept as given."""
    text = _text("claimant", value)
    if text is None:
        return None
    return _SIDES.get(text.casefold(), text) if text.casefold() != "unknown" else text
