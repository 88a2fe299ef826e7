"""Pipeline results (``ArticleResult`` objects) as JSON, JSON Lines, GeoJSON and ACLED-style CSV.

Every function here is pure: it reads ``ArticleResult`` objects and returns or writes text, so the CLI,
the REST API and the web page share one implementation. The writers are registered as formats in
``frontline.export.formats``, which ``write`` goes through. ``validate`` checks a JSON payload against the
output contract, ``output.schema.json``, which ships inside the package.

``json``
    ``{"articles": [...], "events": [...]}`` exactly as ``output.schema.json`` describes, indented.
``jsonl``
    One line per article: ``{"article": {...}, "events": [...]}`` with the same article and event
    objects as ``json``, so a reader can stream a large corpus one article at a time.
``geojson`` and ``csv`` are written by the writers of a query's records (``frontline.export.records``), the
one set of GeoJSON and CSV writers of every surface.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any, TextIO

# jsonschema ships no type information (no py.typed); its names are Any here
import jsonschema  # type: ignore[import-untyped]

from frontline.corpus import fuse as corpus_fuse
from frontline.errors import StageError
from frontline.models import Article, ArticleResult, Event, Evidence, FusedEvent, Party, Quantity, Voice, iso
from frontline.textguard import scrub

__all__ = ["article_to_dict", "event_to_dict", "evidence_to_dict", "quantity_to_dict", "voice_to_dict", "to_dict",
           "load_schema", "validate", "write_json", "write_jsonl"]

logger = logging.getLogger(__name__)

# --- the JSON contract ----------------------------------------------------------------------------------

def _party(p: Party | None) -> dict[str, Any] | None:
    return None if p is None else {"name": p.name, "side": p.side, "role": p.role}


def article_to_dict(article: Article) -> dict[str, Any]:
    """The ``articles[]`` object of ``output.schema.json`` for one article.

    ``quality_reasons`` only when known; ``duplicate_score`` and ``duplicate_method`` only for a copy.
    """
    record: dict[str, Any] = {
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


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    """A sentence of evidence as output.schema.json's ``{sentence, char_start, char_end}``."""
    return {"sentence": e.sentence, "char_start": e.char_start, "char_end": e.char_end}


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    """A count as an ``events[].quantities[]`` object: ``kind`` and ``period`` only when it is no incident's toll,
    ``evidence`` only when another sentence than its event's told it."""
    return {"value": q.value, "unit": q.unit, "role": q.role, "approximate": q.approximate, "text": q.text,
            **({"kind": q.kind, "period": q.period} if q.kind != "incident" else {}),
            **({"evidence": evidence_to_dict(q.evidence)} if q.evidence is not None else {})}


def voice_to_dict(voice: Voice) -> dict[str, Any]:
    """A claim's voice as output.schema.json's ``claim.voice``: side, cue, basis and the cue's span."""
    return {"side": voice.side, "cue": voice.cue, "basis": voice.basis,
            "evidence": {"char_start": voice.char_start, "char_end": voice.char_end}}


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
        "quantities": [quantity_to_dict(q) for q in event.quantities],
        "claim": {"claimed_by": _party(event.claim.claimed_by), "modality": event.claim.modality,
                  "contested": event.claim.contested,
                  **({"voice": voice_to_dict(event.claim.voice)} if event.claim.voice is not None else {})},
        "evidence": evidence_to_dict(event.evidence),
        **({"more_evidence": [evidence_to_dict(e) for e in event.more_evidence]} if event.more_evidence else {}),
        "confidence": event.confidence,
        "trigger": event.trigger,
        **({"background": True} if event.background else {}),
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

# --- writers ---------------------------------------------------------------------------------------------

def _json_items(items: Iterable[dict[str, Any]], out: TextIO) -> None:
    """A list written item by item exactly as ``json.dump(..., indent=2)`` writes it as a top-level value."""
    empty = True
    for item in items:
        text = scrub(json.dumps(item, ensure_ascii=False, indent=2))
        out.write(("[" if empty else ",") + "\n    " + text.replace("\n", "\n    "))
        empty = False
    out.write("[]" if empty else "\n  ]")


def write_json(results: Iterable[ArticleResult], out: TextIO, fused: Iterable[FusedEvent] | None = None) -> None:
    """The indented object of ``to_dict`` (the same text as ``json.dump(to_dict(...), indent=2)``), streamed.

    Articles are written as they come, events spooled to a temporary file until the articles are written,
    and ``fused`` iterated only after both, so a generator may compute them from the results it saw go by.
    """
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


def write_jsonl(results: Iterable[ArticleResult], out: TextIO, fused: Iterable[FusedEvent] | None = None) -> None:
    """One ``{"article": {...}, "events": [...]}`` line per article; ``fused`` is not part of this format."""
    for result in results:
        line = {"article": article_to_dict(result.article), "events": [event_to_dict(e) for e in result.events]}
        out.write(scrub(json.dumps(line, ensure_ascii=False)) + "\n")
