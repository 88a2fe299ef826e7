"""The row codec of the store: records (``ArticleResult`` parts, fingerprints, fused events) to rows and back.

Both back ends (``frontline.store.sqlite`` and ``frontline.store.postgres``) build and read their rows with these
functions, so a SQLite file and a PostgreSQL database hold the same values and the query layer
(``frontline.store.catalog``) reads them alike. A row is read through ``Row``: anything indexed by column name
(``sqlite3.Row``, SQLAlchemy's ``RowMapping``). The column tuples name the columns a write compares, in row order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, Protocol

import numpy as np

from frontline.corpus.copies import Fingerprint
from frontline.models import (
    ActorMention,
    Article,
    ArticleResult,
    Claim,
    DateMention,
    Document,
    Event,
    EventDate,
    Evidence,
    FusedEvent,
    Location,
    Mentions,
    Party,
    Place,
    PlaceMention,
    Quantity,
    QuantityMention,
    Voice,
    iso,
    stable_id,
)
from frontline.vocab.counts import fatalities

logger = logging.getLogger(__name__)

__all__ = ["ResultRows", "result_rows", "GEO_CELL", "GEO_COLUMNS", "ARTICLE_COLUMNS", "MENTION_COLUMNS", "EVENT_COLUMNS", "V2_EVENT_COLUMNS",
           "Row", "to_json", "parse_date", "party_json", "party_from_json", "fingerprint_facts", "facts_fields",
           "fingerprint_from_row", "offset_runs", "offsets_from_runs", "article_row", "event_row", "geo_cell",
           "derived_columns", "event_from_row", "fused_member_rows", "mention_rows", "mentions_from_rows",
           "document_from_row", "article_from_row"]


class Row(Protocol):
    """A stored row read by column name: ``sqlite3.Row`` or SQLAlchemy's ``RowMapping``."""

    def __getitem__(self, key: str, /) -> Any: ...

    def keys(self) -> Any: ...


GEO_CELL: Final = 0.1                          # degrees: the squares of ``geo_cell``
GEO_COLUMNS: Final = round(360 / GEO_CELL)

ARTICLE_COLUMNS: Final = ("article_id", "path", "url", "title", "source", "published", "language", "status",
                           "error", "quality_flags", "duplicate_of", "raw_text", "clean_text", "offsets",
                           "removed", "repairs")
MENTION_COLUMNS: Final = ("mention_id", "article_id", "ordinal", "kind", "char_start", "char_end", "text", "value")
EVENT_COLUMNS: Final = (
    "event_id", "article_id", "ordinal", "event_type", "date_start", "date_end", "date_precision", "date_text",
    "location_name", "geonames_id", "lat", "lon", "admin1", "country_code", "location_precision",
    "location_mention", "initiator", "target", "claimed_by", "modality", "contested", "quantities",
    "evidence_sentence", "evidence_start", "evidence_end", "confidence", "trigger",
    # derived, so the query layer filters and sorts by plain indexed columns on SQLite and PostgreSQL alike
    "date_last", "date_span", "initiator_name", "initiator_side", "target_name", "target_side", "claimant",
    "claimant_side", "is_copy", "geo_cell",
    # schema version 3: the killed the event counts (``vocab.counts.fatalities``, as the ACLED-style CSV's column)
    "fatalities",
    # schema version 4: 1 for retold history (``Event.background``), 0 for the article's news
    "background",
)
# Columns added by schema version 2; a version 1 database gets them (filled) when opened.
V2_EVENT_COLUMNS: Final = EVENT_COLUMNS[EVENT_COLUMNS.index("date_last"):EVENT_COLUMNS.index("geo_cell") + 1]



def to_json(value: Any) -> str:
    """``value`` as canonical JSON text."""
    # Sorted keys and fixed separators make equal content give equal text, which is what 'unchanged' compares.
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def parse_date(s: str | None) -> dt.date | None:
    """An ISO date column as a date (None stays None)."""
    return None if s is None else dt.date.fromisoformat(s)


def party_json(p: Party | None) -> str | None:
    """A party as the JSON of a party column (None stays None)."""
    return None if p is None else to_json({"name": p.name, "side": p.side, "role": p.role})


def party_from_json(s: str | None) -> Party | None:
    """A party column read back (None stays None)."""
    return None if s is None else Party(**json.loads(s))


def fingerprint_facts(fp: Fingerprint) -> str:
    """A fingerprint's facts, publication date and text hash, as the JSON of the ``facts`` column."""
    return to_json({"facts": sorted(fp.facts), "numbers": sorted(fp.numbers), "days": sorted(fp.days),
                  "places": None if fp.places is None else sorted(fp.places), "published": iso(fp.published),
                  "exact": fp.exact, "lead": None if fp.lead_places is None else sorted(fp.lead_places)})


def facts_fields(value: Any) -> dict[str, Any]:
    """The Fingerprint fields kept in the ``facts`` column; a bare list is a database written before dates and
    facts were kept apart (its numbers are among the names-and-numbers, its dates and places unknown)."""
    if isinstance(value, list):
        return {"facts": frozenset(value), "numbers": frozenset(v for v in value if v[:1].isdigit())}
    return {"facts": frozenset(value["facts"]), "numbers": frozenset(value["numbers"]),
            "days": frozenset(value["days"]),
            "places": None if value["places"] is None else frozenset(value["places"]),
            "published": parse_date(value["published"]), "exact": value["exact"],
            # stores written before the lead's places were kept have none: unknown, no veto
            "lead_places": None if value.get("lead") is None else frozenset(value["lead"])}


def offset_runs(offsets: Sequence[int]) -> list[list[int]]:
    """Compress the clean->raw offset map into ``[clean_start, raw_start, length]`` runs of consecutive offsets."""
    # numpy, not a loop over every character: this ran once per stored article in the one process that writes
    raw = np.asarray(offsets, dtype=np.int64)
    if not raw.size:
        return []
    starts = np.concatenate(([0], np.flatnonzero(np.diff(raw) != 1) + 1))
    ends = np.append(starts[1:], raw.size)
    return [[int(a), int(raw[a]), int(b - a)] for a, b in zip(starts, ends)]


def offsets_from_runs(runs: list[list[int]]) -> tuple[int, ...]:
    """The clean->raw offset map from its ``offset_runs``."""
    return tuple(raw + k for _, raw, length in runs for k in range(length))


def article_row(result: ArticleResult, article_id: str) -> tuple[Any, ...]:
    """The ``ARTICLE_COLUMNS`` row of an article (its document's texts and offset map included)."""
    a, doc = result.article, result.document
    return (article_id, a.path, a.url, a.title, a.source, iso(a.published), a.language, a.status, a.error,
            to_json(_flags_with_reasons(a)), a.duplicate_of,
            doc.raw if doc else None, doc.text if doc else None,
            to_json(offset_runs(doc.offsets)) if doc else None,
            to_json([list(r) for r in doc.removed]) if doc else None,
            to_json(list(doc.repairs)) if doc else None)


@dataclasses.dataclass(frozen=True, slots=True)
class ResultRows:
    """The rows one ``ArticleResult`` is stored as: its article's row, and its events' and mentions' by id."""

    article_id: str
    article: tuple[Any, ...]
    events: dict[str, tuple[Any, ...]]
    mentions: dict[str, tuple[Any, ...]]


def result_rows(result: ArticleResult) -> ResultRows:
    """The rows of one result, as both back ends write them. An article without an id is keyed by a hash of its
    path, url and title; of two events with one id the first is stored (with a warning)."""
    a = result.article
    article_id = a.article_id or stable_id("article", a.path, a.url, a.title)
    events: dict[str, tuple[Any, ...]] = {}
    for i, e in enumerate(result.events):
        if e.event_id in events:
            logger.warning("article %s has two events with id %s; storing the first", article_id, e.event_id)
            continue
        events[e.event_id] = event_row(e, article_id, i, a.duplicate_of is not None)
    mentions: dict[str, tuple[Any, ...]] = {}
    for i, (kind, start, end, text, value) in enumerate(mention_rows(result.mentions)):
        mention_id = stable_id(article_id, kind, start, end, text)
        # Two mentions of one kind on one span say the same thing; the first is kept.
        mentions.setdefault(mention_id, (mention_id, article_id, i, kind, start, end, text, to_json(value)))
    return ResultRows(article_id, article_row(result, article_id), events, mentions)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _flat(record: object) -> dict[str, Any]:
    """A flat record (a Place, Party, Quantity: no dataclass inside) as a dict. ``dataclasses.asdict`` gives the
    same but walks and deep-copies every value (writing 977 articles took 1.74 CPU s with it, 1.52 without)."""
    # type(record) is hashable; mypy reads object.__hash__ as unbound and rejects any type[...] as Hashable
    return {name: getattr(record, name) for name in _field_names(type(record))}  # type: ignore[arg-type]


def _evidence_json(e: Evidence) -> dict[str, Any]:
    return {"sentence": e.sentence, "char_start": e.char_start, "char_end": e.char_end}


def _quantity_json(q: Quantity) -> dict[str, Any]:
    """A count as a dict; its sentence (``Quantity.evidence``) only when it has one of its own, so a count read
    from its event's sentence is stored as before it had the field (an unchanged event writes the same text)."""
    d = _flat(q)
    evidence = d.pop("evidence")
    return d if evidence is None else d | {"evidence": _evidence_json(evidence)}


def _quantity_from_json(d: dict[str, Any]) -> Quantity:
    evidence = d.get("evidence")
    return Quantity(**d) if evidence is None else Quantity(**(d | {"evidence": Evidence(**evidence)}))


def _quantities_json(e: Event) -> str:
    """The ``quantities`` column of an event: the list of its counts, or, when other sentences than its evidence
    told it (``Event.more_evidence``) or its claim has a voice (``Claim.voice``), ``{"quantities": [...],
    "more_evidence": [...], "voice": {...}}`` (each of the last two only when there is one). A list is what every
    row written before those fields holds, and what an event told in one sentence in no side's words still writes."""
    quantities = [_quantity_json(q) for q in e.quantities]
    if not e.more_evidence and e.claim.voice is None:
        return to_json(quantities)
    return to_json({"quantities": quantities,
                    **({"more_evidence": [_evidence_json(m) for m in e.more_evidence]} if e.more_evidence else {}),
                    **({"voice": _flat(e.claim.voice)} if e.claim.voice is not None else {})})


def _quantities_from_json(text: str) -> tuple[tuple[Quantity, ...], tuple[Evidence, ...], Voice | None]:
    """The counts, further sentences and claim voice of a ``quantities`` column (see ``_quantities_json``)."""
    value = json.loads(text)
    if isinstance(value, list):
        return tuple(map(_quantity_from_json, value)), (), None
    voice = value.get("voice")
    return (tuple(map(_quantity_from_json, value["quantities"])),
            tuple(Evidence(**m) for m in value.get("more_evidence", ())),
            Voice(**voice) if voice is not None else None)


def event_row(e: Event, article_id: str, ordinal: int, is_copy: bool = False) -> tuple[Any, ...]:
    """The ``EVENT_COLUMNS`` row of an event: every field flattened, then the derived query columns."""
    loc = e.location
    return (e.event_id, article_id, ordinal, e.event_type, iso(e.date.start), iso(e.date.end), e.date.precision,
            e.date.text,
            loc.name if loc else None, loc.geonames_id if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, loc.admin1 if loc else None, loc.country_code if loc else None,
            loc.precision if loc else None, loc.mention if loc else None,
            party_json(e.initiator), party_json(e.target), party_json(e.claim.claimed_by), e.claim.modality,
            int(e.claim.contested), _quantities_json(e),
            e.evidence.sentence, e.evidence.char_start, e.evidence.char_end, e.confidence, e.trigger,
            *derived_columns(e), int(is_copy), geo_cell(loc.lat, loc.lon) if loc else None, fatalities(e),
            int(e.background))


def geo_cell(lat: float, lon: float) -> int:
    """The number of the ``GEO_CELL`` degree square a point lies in: row (from the south pole) * columns + column.

    Stored with each located event so that a bounding box becomes a few ranges of one indexed integer, on SQLite
    and PostgreSQL alike, instead of a scan of one latitude band.
    """
    return math.floor((lat + 90) / GEO_CELL) * GEO_COLUMNS + math.floor((lon + 180) / GEO_CELL)


def derived_columns(e: Event) -> tuple[Any, ...]:
    """The values of ``V2_EVENT_COLUMNS``: the last day and the span in days, the parties' names and sides, the
    claimant."""
    last = e.date.end or e.date.start
    span = (last - e.date.start).days if last and e.date.start else None
    i, t, c = e.initiator, e.target, e.claim.claimed_by
    return (iso(last), span, i.name if i else None, i.side if i else None, t.name if t else None,
            t.side if t else None, c.name if c else None, c.side if c else None)


def event_from_row(row: Row) -> Event:
    """An ``events`` row as the ``Event`` it was written from."""
    location = None
    if row["location_name"] is not None:
        location = Location(name=row["location_name"], lat=row["lat"], lon=row["lon"], admin1=row["admin1"],
                            country_code=row["country_code"], precision=row["location_precision"],
                            geonames_id=row["geonames_id"], mention=row["location_mention"])
    quantities, more_evidence, voice = _quantities_from_json(row["quantities"])
    return Event(
        event_id=row["event_id"], article_id=row["article_id"], event_type=row["event_type"], location=location,
        date=EventDate(start=parse_date(row["date_start"]), precision=row["date_precision"], end=parse_date(row["date_end"]),
                       text=row["date_text"]),
        initiator=party_from_json(row["initiator"]), target=party_from_json(row["target"]),
        quantities=quantities, more_evidence=more_evidence,
        claim=Claim(claimed_by=party_from_json(row["claimed_by"]), modality=row["modality"],
                    contested=bool(row["contested"]), voice=voice),
        evidence=Evidence(row["evidence_sentence"], row["evidence_start"], row["evidence_end"]),
        confidence=row["confidence"], trigger=row["trigger"],
        # a row read while migrating a store older than version 4 has no background column
        background="background" in row.keys() and bool(row["background"]),
    )


def fused_member_rows(f: FusedEvent) -> Iterator[tuple[str, str, int, int]]:
    """The ``fused_members`` rows of a fused event: each event and each copy's event in it."""
    for event_id in (*f.event_ids, *f.copy_event_ids):
        yield event_id, f.fused_id, int(f.contested), len(f.copy_event_ids)


def mention_rows(mentions: Mentions) -> Iterator[tuple[str, int, int, str, dict[str, Any]]]:
    """``(kind, start, end, text, value)`` for every mention, in a fixed order."""
    for p in mentions.places:
        yield "place", p.start, p.end, p.text, {
            "place": _flat(p.place), "precision": p.precision, "confidence": p.confidence,
            "reason": p.reason, "runner_up": _flat(p.runner_up) if p.runner_up else None}
    for d in mentions.dates:
        yield "date", d.start, d.end, d.text, {"date_start": iso(d.date_start), "date_end": iso(d.date_end),
                                               "precision": d.precision}
    for a in mentions.actors:
        yield "actor", a.start, a.end, a.text, {"party": _flat(a.party), "kind": a.kind}
    for q in mentions.quantities:
        yield "quantity", q.start, q.end, q.quantity.text, {"quantity": _quantity_json(q.quantity)}


def mentions_from_rows(rows: Iterable[Row]) -> Mentions:
    """``mentions`` rows (in ordinal order) as the article's ``Mentions``."""
    found: dict[str, list[Any]] = {"place": [], "date": [], "actor": [], "quantity": []}
    for row in rows:
        kind, start, end, text = row["kind"], row["char_start"], row["char_end"], row["text"]
        v = json.loads(row["value"])
        if kind == "place":
            runner_up = Place(**v["runner_up"]) if v["runner_up"] else None
            found[kind].append(PlaceMention(start, end, text, Place(**v["place"]), v["precision"], v["confidence"],
                                            v["reason"], runner_up))
        elif kind == "date":
            found[kind].append(DateMention(start, end, text, parse_date(v["date_start"]), parse_date(v["date_end"]),
                                           v["precision"]))
        elif kind == "actor":
            found[kind].append(ActorMention(start, end, text, Party(**v["party"]), v["kind"]))
        else:
            found["quantity"].append(QuantityMention(start, end, _quantity_from_json(v["quantity"])))
    return Mentions(tuple(found["place"]), tuple(found["date"]), tuple(found["actor"]), tuple(found["quantity"]))


def document_from_row(row: Row) -> Document | None:
    """An ``articles`` row's ``Document``, or None when the article has no cleaned text."""
    if row["clean_text"] is None:
        return None
    return Document(article_id=row["article_id"], raw=row["raw_text"], text=row["clean_text"],
                    offsets=offsets_from_runs(json.loads(row["offsets"])),
                    removed=tuple((s, e, why) for s, e, why in json.loads(row["removed"])),
                    repairs=tuple(json.loads(row["repairs"])))


def article_from_row(row: Row) -> Article:
    """An ``articles`` row (joined with its fingerprint's copy score and method) as an ``Article``."""
    return Article(article_id=row["article_id"], status=row["status"], published=parse_date(row["published"]),
                   path=row["path"], url=row["url"], title=row["title"], source=row["source"],
                   language=row["language"], error=row["error"], duplicate_of=row["duplicate_of"],
                   duplicate_score=row["duplicate_score"], duplicate_method=row["duplicate_method"],
                   **_flags_from_column(row["quality_flags"]))


def _flags_with_reasons(a: Article) -> list[Any]:
    """The quality_flags column: each flag as ``[flag, reason]``, or a bare flag when it has no reason."""
    reasons = dict(a.quality_reasons)
    return [[f, reasons[f]] if f in reasons else f for f in a.quality_flags]


def _flags_from_column(value: str) -> dict[str, Any]:
    items = json.loads(value)
    return {"quality_flags": tuple(i if isinstance(i, str) else i[0] for i in items),
            "quality_reasons": tuple((i[0], i[1]) for i in items if not isinstance(i, str))}


def fingerprint_from_row(r: Row) -> Fingerprint:
    """A stored ``fingerprints`` row as the ``Fingerprint`` it was written from."""
    return Fingerprint(r["article_id"], np.frombuffer(r["minhash"], np.uint64), np.frombuffer(r["lead"], np.uint64),
                       np.frombuffer(r["facts_minhash"], np.uint64), r["size"],
                       vector=None if r["vector"] is None else np.frombuffer(r["vector"], np.float32),
                       **facts_fields(json.loads(r["facts"])))
