"""Turn pipeline results into the output formats: JSON, JSON Lines, GeoJSON and ACLED-style CSV.

Every function here is pure: it reads ``ArticleResult`` objects and returns or writes text, so the CLI,
the REST API and the web page share one implementation. ``validate`` checks a JSON payload against the
output contract, ``output.schema.json``, which ships inside the package.

Formats (``write(results, fmt, out)``):

``json``
    ``{"articles": [...], "events": [...]}`` exactly as ``output.schema.json`` describes, indented.
``jsonl``
    One line per article: ``{"article": {...}, "events": [...]}`` with the same article and event
    objects as ``json``, so a reader can stream a large corpus one article at a time.
``geojson``
    A ``FeatureCollection`` of the events that have a location: ``Point [lon, lat]`` geometry and the
    event's fields flattened into ``properties`` (see ``event_properties``).
``csv``
    One row per event with ACLED's column names (``ACLED_COLUMNS``) and event types mapped to ACLED's
    ``event_type`` / ``sub_event_type`` as in the table of ``EVENTS.md`` (see ``acled_type``).
"""

from __future__ import annotations

import csv
import json
import logging
import tempfile
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any, Final, TextIO

import jsonschema

from frontline.corpus import fuse as corpus_fuse
from frontline.errors import FrontlineError, StageError
from frontline.models import Article, ArticleResult, Event, FusedEvent, Party, iso
from frontline.textguard import csv_cell, scrub
from frontline.triggers.lexicon import SIGHTING, other_kind

__all__ = ["FORMATS", "ACLED_COLUMNS", "article_to_dict", "event_to_dict", "to_dict", "load_schema", "validate",
           "event_properties", "to_geojson", "acled_type", "acled_row", "acled_rows", "write"]

logger = logging.getLogger(__name__)

FORMATS: Final = ("json", "jsonl", "geojson", "csv")

ACLED_COLUMNS: Final = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# ACLED's fixed vocabulary, named once so the mapping below cannot drift into near-miss spellings.
_BATTLES, _REMOTE, _VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
_PROTESTS, _STRATEGIC = "Protests", "Strategic developments"
_OTHER_DEVELOPMENT: Final = (_STRATEGIC, "Other")
_CHANGE_OF_ACTIVITY: Final = (_STRATEGIC, "Change to group/activity")

# Event types whose ACLED pair does not depend on the event's parties or wording.
_ACLED_FIXED: Final[dict[str, tuple[str, str]]] = {
    "armed_clash": (_BATTLES, "Armed clash"),
    "shelling": (_REMOTE, "Shelling/artillery/missile attack"),
    "air_drone_strike": (_REMOTE, "Air/drone strike"),
    "territory_withdrawn": _CHANGE_OF_ACTIVITY,
    "encirclement": (_BATTLES, "Armed clash"),
    "casualties": _OTHER_DEVELOPMENT,
    "evacuation": _OTHER_DEVELOPMENT,
    "desertion": _OTHER_DEVELOPMENT,
    "surrender": _OTHER_DEVELOPMENT,
    "prisoner_exchange": (_STRATEGIC, "Agreement"),
    "arrest": (_STRATEGIC, "Arrests"),
    "protest": (_PROTESTS, "Peaceful protest"),
    "mobilization": _OTHER_DEVELOPMENT,
    "negotiation": (_STRATEGIC, "Agreement"),
    "sanction": _OTHER_DEVELOPMENT,
    "aid": _OTHER_DEVELOPMENT,
    "other": _OTHER_DEVELOPMENT,
}
_DISORDER: Final = {_BATTLES: "Political violence", _REMOTE: "Political violence", _VAC: "Political violence",
                    _PROTESTS: "Demonstrations", _STRATEGIC: "Strategic developments"}

# Event types that count as "fighting reported" at a place, for the territory_captured rule.
_FIGHTING: Final = frozenset({"armed_clash", "encirclement"})
_ABDUCTION_WORDS: Final = ("abduct", "kidnap", "disappear", "deport", "detain", "captiv", "hostage")
_ARMED_SIDES: Final = frozenset({"RU", "UA", "RU_aligned", "UA_aligned"})

# ACLED's actor categories (inter1 / inter2), in ACLED's order: the interaction names the lower one first.
_INTER_ORDER: Final = ("State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
                       "Protesters", "Civilians", "External/Other forces")
_INTER_BY_SIDE: Final = {
    "RU": "State forces", "UA": "State forces",
    # ACLED coded the DNR/LNR forces as rebel groups before they were folded into Russia's army;
    # aligned volunteer formations on either side fit that category best.
    "RU_aligned": "Rebel group", "UA_aligned": "Rebel group",
    "civilians": "Civilians",
    "US": "External/Other forces", "EU": "External/Other forces", "NATO": "External/Other forces",
    "UN": "External/Other forces", "other": "External/Other forces",
}
# Hand-written rather than a country library: ACLED needs the numeric ISO code and its own region names,
# and only the countries the gazetteer covers (and their neighbours) can occur.
_COUNTRIES: Final = {   # alpha-2 -> (ISO 3166 numeric, name, ACLED region)
    "UA": (804, "Ukraine", "Europe"), "RU": (643, "Russia", "Europe"), "BY": (112, "Belarus", "Europe"),
    "MD": (498, "Moldova", "Europe"), "PL": (616, "Poland", "Europe"), "RO": (642, "Romania", "Europe"),
    "SK": (703, "Slovakia", "Europe"), "HU": (348, "Hungary", "Europe"),
    "GE": (268, "Georgia", "Caucasus and Central Asia"),
}
_TIME_PRECISION: Final = {"day": 1, "month": 2, "year": 3}
_GEO_PRECISION: Final = {"settlement": 1, "district": 2, "admin1": 3, "region": 3, "country": 3}


# --- the JSON contract ----------------------------------------------------------------------------------

def _party(p: Party | None) -> dict[str, Any] | None:
    return None if p is None else {"name": p.name, "side": p.side, "role": p.role}


def article_to_dict(article: Article) -> dict[str, Any]:
    """The ``articles[]`` object of ``output.schema.json`` for one article.

    ``quality_reasons`` only when known; ``duplicate_score`` and ``duplicate_method`` only for a copy.
    """
    record = {
        "article_id": article.article_id, "path": article.path, "url": article.url, "title": article.title,
        "source": article.source, "published": iso(article.published), "language": article.language,
        "status": article.status, "error": article.error, "quality_flags": list(article.quality_flags),
        "duplicate_of": article.duplicate_of,
    }
    if article.quality_reasons:
        record["quality_reasons"] = dict(article.quality_reasons)
    if article.duplicate_of is not None:
        record |= {"duplicate_score": article.duplicate_score, "duplicate_method": article.duplicate_method}
    return record


def event_to_dict(event: Event) -> dict[str, Any]:
    """The ``events[]`` object of ``output.schema.json`` for one event, plus its ``trigger`` words.

    ``location`` is null when the event has none; its ``mention`` key is left out when unknown, because
    the schema types it as a string.
    """
    loc = event.location
    location = None
    if loc is not None:
        location = {"name": loc.name, "geonames_id": loc.geonames_id, "lat": loc.lat, "lon": loc.lon,
                    "admin1": loc.admin1, "country_code": loc.country_code, "precision": loc.precision}
        if loc.mention is not None:
            location["mention"] = loc.mention
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "event_type": event.event_type,
        "location": location,
        "date": {"start": iso(event.date.start), "end": iso(event.date.end), "precision": event.date.precision,
                 "text": event.date.text},
        "initiator": _party(event.initiator),
        "target": _party(event.target),
        "quantities": [{"value": q.value, "unit": q.unit, "role": q.role, "approximate": q.approximate,
                        "text": q.text} for q in event.quantities],
        "claim": {"claimed_by": _party(event.claim.claimed_by), "modality": event.claim.modality,
                  "contested": event.claim.contested},
        "evidence": {"sentence": event.evidence.sentence, "char_start": event.evidence.char_start,
                     "char_end": event.evidence.char_end},
        "confidence": event.confidence,
        "trigger": event.trigger,
    }


def to_dict(results: Iterable[ArticleResult],
            fused: Iterable[FusedEvent] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The ``{"articles": [...], "events": [...]}`` payload of ``output.schema.json``.

    With ``fused`` (see ``frontline.corpus.fuse``), the payload also has the optional ``fused_events``.
    """
    articles: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for result in results:
        articles.append(article_to_dict(result.article))
        events.extend(event_to_dict(e) for e in result.events)
    payload = {"articles": articles, "events": events}
    if fused is not None:
        payload["fused_events"] = [corpus_fuse.to_dict(f) for f in fused]
    return payload


def load_schema() -> dict[str, Any]:
    """The output contract, ``output.schema.json``, as shipped inside the package."""
    text = (resources.files("frontline") / "data" / "output.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def _field_path(error: jsonschema.ValidationError) -> str:
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def _article_of(payload: dict[str, Any], error: jsonschema.ValidationError) -> str:
    """The article id that the invalid item belongs to, so the message names it."""
    parts = list(error.absolute_path)
    if len(parts) >= 2 and parts[0] in ("articles", "events") and isinstance(parts[1], int):
        try:
            item = payload[parts[0]][parts[1]]
        except (KeyError, IndexError, TypeError):
            item = None
        if isinstance(item, dict) and isinstance(item.get("article_id"), str):
            return item["article_id"]
    return "(output)"


def validate(payload: dict[str, Any]) -> None:
    """Check ``payload`` against ``output.schema.json`` (JSON Schema 2020-12, dates format-checked).

    Raises:
        StageError: stage 'export', naming the article of the first invalid item, the path to the field
            (e.g. ``events[3].confidence``) and the reason, plus how many other errors there are.
    """
    cls = jsonschema.Draft202012Validator
    validator = cls(load_schema(), format_checker=cls.FORMAT_CHECKER)
    # Reported in document order (numeric indices compared as numbers), so the first error named is the
    # first one a reader of the file would meet.
    errors = sorted(validator.iter_errors(payload),
                    key=lambda e: [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in e.absolute_path])
    if not errors:
        return
    first = errors[0]
    more = f" (and {len(errors) - 1} more error{'s' if len(errors) > 2 else ''})" if len(errors) > 1 else ""
    raise StageError("export", _article_of(payload, first),
                     f"output does not match output.schema.json at {_field_path(first)}: {first.message}{more}")


# --- GeoJSON --------------------------------------------------------------------------------------------

def event_properties(event: Event) -> dict[str, Any]:
    """The event's fields flattened for a GeoJSON feature or a table row (no nested objects)."""
    loc = event.location
    claimed_by = event.claim.claimed_by
    return {
        "event_id": event.event_id, "article_id": event.article_id, "event_type": event.event_type,
        "date": iso(event.date.start), "date_end": iso(event.date.end), "date_precision": event.date.precision,
        "location": loc.name if loc else None, "admin1": loc.admin1 if loc else None,
        "country_code": loc.country_code if loc else None, "precision": loc.precision if loc else None,
        "initiator": event.initiator.name if event.initiator else None,
        "initiator_side": event.initiator.side if event.initiator else None,
        "target": event.target.name if event.target else None,
        "target_side": event.target.side if event.target else None,
        "claimed_by": claimed_by.name if claimed_by else None,
        "modality": event.claim.modality, "contested": event.claim.contested,
        "fatalities": _fatalities(event), "evidence": event.evidence.sentence, "confidence": event.confidence,
    }


def _features(results: Iterable[ArticleResult]) -> Iterator[dict[str, Any]]:
    for result in results:
        for event in result.events:
            if event.location is None:
                continue
            yield {"type": "Feature", "id": event.event_id,
                   "geometry": {"type": "Point", "coordinates": [event.location.lon, event.location.lat]},
                   "properties": event_properties(event)}


def to_geojson(results: Iterable[ArticleResult]) -> dict[str, Any]:
    """A GeoJSON ``FeatureCollection`` of the located events (``Point [lon, lat]``); unlocated ones are left out."""
    return {"type": "FeatureCollection", "features": list(_features(results))}


# --- ACLED-style CSV ------------------------------------------------------------------------------------

def _fatalities(event: Event) -> int:
    return int(sum(q.value for q in event.quantities if q.role == "killed"))


def acled_type(event: Event, *, fighting_reported: bool = False) -> tuple[str, str]:
    """ACLED's ``(event_type, sub_event_type)`` for an event, following the table in ``EVENTS.md``.

    Rules where the table gives a choice:

    - ``territory_captured``: *Government regains territory* when a state force (side RU or UA) takes a
      place in its own country; *Non-state actor overtakes territory* when the initiator is an aligned
      (non-state) force; otherwise, a state taking another state's territory, *Battles / Armed clash* when
      ``fighting_reported`` (the article reports fighting at the same place) and else *Strategic
      developments / Change to group/activity*, as ACLED codes territorial change in interstate war.
    - ``violence_against_civilians``: *Abduction/forced disappearance* when the trigger words speak of
      abduction, deportation or detention; *Attack* otherwise.
    - ``infrastructure_disruption``: *Explosions/Remote violence / Remote explosive/landmine/IED* when an
      armed side is named as causing it; *Strategic developments / Other* otherwise (outages, closures).
    - ``other`` of sub-kind *sighting* (troops or equipment seen in or moving through a place, read from the
      trigger words by ``lexicon.other_kind``): *Strategic developments / Change to group/activity*, ACLED's
      sub-event for movements of armed groups; any other ``other``: *Strategic developments / Other*.
    """
    kind = event.event_type
    if other_kind(kind, event.trigger) == SIGHTING:
        return _CHANGE_OF_ACTIVITY     # troops or equipment seen in or moving through a place
    if kind in _ACLED_FIXED:
        return _ACLED_FIXED[kind]
    side = event.initiator.side if event.initiator else None
    if kind == "territory_captured":
        country = event.location.country_code if event.location else None
        if side in ("RU", "UA") and country == side:
            return _BATTLES, "Government regains territory"
        if side in ("RU_aligned", "UA_aligned"):
            return _BATTLES, "Non-state actor overtakes territory"
        return (_BATTLES, "Armed clash") if fighting_reported else _CHANGE_OF_ACTIVITY
    if kind == "violence_against_civilians":
        trigger = event.trigger.lower()
        if any(word in trigger for word in _ABDUCTION_WORDS):
            return _VAC, "Abduction/forced disappearance"
        return _VAC, "Attack"
    if kind == "infrastructure_disruption":
        return (_REMOTE, "Remote explosive/landmine/IED") if side in _ARMED_SIDES else _OTHER_DEVELOPMENT
    logger.warning("event %s has unknown event_type %r; exported as Strategic developments / Other",
                   event.event_id, kind)
    return _OTHER_DEVELOPMENT


def _inter(party: Party | None, event_type: str) -> str:
    if party is None:
        return ""
    if event_type == "protest" and party.side not in _ARMED_SIDES:
        return "Protesters"
    return _INTER_BY_SIDE.get(party.side, "")


def _interaction(inter1: str, inter2: str) -> str:
    if not inter1 and not inter2:
        return ""
    if not inter1 or not inter2:
        return f"{inter1 or inter2} only"
    first, second = sorted((inter1, inter2), key=_INTER_ORDER.index)
    return f"{first}-{second}"


def _tags(event: Event) -> str:
    parts = [f"claimed_by: {event.claim.claimed_by.name}"] if event.claim.claimed_by else []
    parts.append(event.claim.modality)
    if event.claim.contested:
        parts.append("contested")
    return "; ".join(parts)


def _acled_row(event: Event, article: Article, fighting_reported: bool) -> dict[str, Any]:
    acled_event, acled_sub = acled_type(event, fighting_reported=fighting_reported)
    loc = event.location
    numeric, country, region = _COUNTRIES.get(loc.country_code, ("", "", "")) if loc else ("", "", "")
    inter1, inter2 = _inter(event.initiator, event.event_type), _inter(event.target, event.event_type)
    start = event.date.start
    return {
        "event_id_cnty": event.event_id,
        "event_date": iso(start) or "",
        "year": start.year if start else "",
        "time_precision": _TIME_PRECISION.get(event.date.precision, "") if start else "",
        "disorder_type": _DISORDER[acled_event], "event_type": acled_event, "sub_event_type": acled_sub,
        "actor1": event.initiator.name if event.initiator else "", "assoc_actor_1": "", "inter1": inter1,
        "actor2": event.target.name if event.target else "", "assoc_actor_2": "", "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if event.target and event.target.side == "civilians" else "",
        "iso": numeric, "region": region, "country": country or (loc.country_code if loc else ""),
        "admin1": (loc.admin1 or "") if loc else "", "admin2": "", "admin3": "",
        "location": loc.name if loc else "", "latitude": loc.lat if loc else "", "longitude": loc.lon if loc else "",
        "geo_precision": _GEO_PRECISION[loc.precision] if loc else "",
        "source": article.source or article.url or article.path or "", "source_scale": "",
        "notes": event.evidence.sentence, "fatalities": _fatalities(event), "tags": _tags(event),
        # ACLED's timestamp is when its row was last changed; an export is pure, so it has none to give.
        "timestamp": "",
    }


def acled_row(event: Event, article: Article, *, fighting_reported: bool = False) -> dict[str, Any]:
    """One event's ACLED-style row (keys ``ACLED_COLUMNS``); ``fighting_reported``: its article reports fighting
    at the event's place (see ``acled_type``)."""
    return _acled_row(event, article, fighting_reported)


def acled_rows(results: Iterable[ArticleResult]) -> Iterator[dict[str, Any]]:
    """One ACLED-style row (keys ``ACLED_COLUMNS``) per event, in article order.

    Unknown values are empty strings; ``event_id_cnty`` is frontline's event id, so rows join back to the
    JSON output; ``fatalities`` sums the quantities whose role is 'killed'; ``notes`` is the evidence
    sentence; ``tags`` reads 'claimed_by: X; modality[; contested]'.
    """
    for result in results:
        fighting_at = {e.location.name for e in result.events if e.event_type in _FIGHTING and e.location}
        for event in result.events:
            fought = event.location is not None and event.location.name in fighting_at
            yield _acled_row(event, result.article, fought)


# --- writers ---------------------------------------------------------------------------------------------

def _json_items(items: Iterable[dict[str, Any]], out: TextIO) -> None:
    """A list written item by item exactly as ``json.dump(..., indent=2)`` writes it as a top-level value."""
    empty = True
    for item in items:
        text = scrub(json.dumps(item, ensure_ascii=False, indent=2))
        out.write(("[" if empty else ",") + "\n    " + text.replace("\n", "\n    "))
        empty = False
    out.write("[]" if empty else "\n  ]")


def _write_json(results: Iterable[ArticleResult], out: TextIO, fused: Iterable[FusedEvent] | None) -> None:
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        def articles() -> Iterator[dict[str, Any]]:
            for result in results:
                for e in result.events:
                    spool.write(scrub(json.dumps(event_to_dict(e), ensure_ascii=False)) + "\n")
                yield article_to_dict(result.article)

        out.write('{\n  "articles": ')
        _json_items(articles(), out)
        out.write(',\n  "events": ')
        spool.seek(0)
        _json_items((json.loads(line) for line in spool), out)
    if fused is not None:
        out.write(',\n  "fused_events": ')
        _json_items((corpus_fuse.to_dict(f) for f in fused), out)
    out.write("\n}\n")


def write(results: Iterable[ArticleResult], fmt: str, out: TextIO,
          fused: Iterable[FusedEvent] | None = None) -> None:
    """Write ``results`` to the text file ``out`` in format ``fmt`` (one of ``FORMATS``; see the module doc).

    ``fused`` events, when given, go into the ``json`` payload as ``fused_events`` (other formats ignore them).

    Every format streams one article at a time. ``json`` writes the indented object of ``to_dict`` (the same
    text as ``json.dump(to_dict(...), indent=2)``): articles as they come, events spooled to a temporary file
    until the articles are written, and ``fused`` iterated only after both, so a generator may compute them
    from the results it saw go by.

    Whatever the results hold, what is written encodes as UTF-8 (a lone surrogate becomes U+FFFD), and no
    CSV text cell starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab or CR get a leading
    apostrophe, see ``textguard.csv_cell``): ``source`` and ``notes`` come from remote pages.

    Raises:
        FrontlineError: ``fmt`` is not one of ``FORMATS``.
    """
    if fmt == "json":
        _write_json(results, out, fused)
    elif fmt == "jsonl":
        for result in results:
            line = {"article": article_to_dict(result.article), "events": [event_to_dict(e) for e in result.events]}
            out.write(scrub(json.dumps(line, ensure_ascii=False)) + "\n")
    elif fmt == "geojson":
        # Written feature by feature so a large corpus never sits in memory as one dict.
        out.write('{"type": "FeatureCollection", "features": [')
        for i, feature in enumerate(_features(results)):
            out.write(("," if i else "") + "\n" + scrub(json.dumps(feature, ensure_ascii=False)))
        out.write("\n]}\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in acled_rows(results))
    else:
        raise FrontlineError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
