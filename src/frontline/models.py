"""The plain data classes that cross stage boundaries.

The flow, and the class each stage hands to the next::

    ingest   -> RawArticle        (bytes read, decoded, metadata attached; or a failed/skipped status)
    clean    -> Document          (cleaned text + map from every cleaned offset back to the raw text)
    nlp      -> spaCy ``Doc``     (sentences, tokens, entities over ``Document.text``)
    mentions -> PlaceMention, DateMention, ActorMention, QuantityMention (spans into ``Document.text``)
    events   -> Event             (type, location, date, parties, quantities, evidence)
    claims   -> Event with Claim  (who says so, modality, contested)
    fuse     -> Event list        (within-article merging of repeated reports)
    dedup, corpus_fuse, control   (across articles: copies marked on Article, FusedEvent, Timeline)
    store / export / api / cli    (consume ArticleResult)

Every span is a pair of character offsets into the cleaned text of one article; ``Document.raw_span``
maps it back to the raw input. Ids are content hashes (see ``stable_id``), so the same input always
gets the same ids and writing it twice is an upsert.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

# The vocabularies live in frontline.vocab; their old home here keeps working for code that imports them from it.
from frontline.vocab import EVENT_TYPES as EVENT_TYPES
from frontline.vocab import OPPOSITE_BLOC as OPPOSITE_BLOC
from frontline.vocab import SIDES as SIDES
from frontline.vocab import bloc as bloc

Status = Literal["ok", "skipped", "failed"]
Side = Literal["RU", "UA", "RU_aligned", "UA_aligned", "civilians", "US", "EU", "NATO", "UN", "other", "unknown"]
# What kind of actor a mention names (``ActorMention.kind``).
ActorKind = Literal["force", "government", "person", "organisation", "civilians", "country"]
LocationPrecision = Literal["settlement", "district", "admin1", "region", "country"]
DatePrecision = Literal["day", "month", "year", "unknown"]
Modality = Literal["asserted", "claimed", "denied", "threatened", "planned", "hypothetical"]
# What a count of dead or wounded counts (frontline.events.tolls): this incident's victims, a running total over
# a period or a whole country, or a belligerent's claim of its enemy's losses. Only 'incident' is a fatality.
QuantityKind = Literal["incident", "casualty_total", "claimed_enemy_losses"]

QUALITY_FLAGS: tuple[str, ...] = ("spun", "machine_translated", "scraped", "boilerplate_removed", "pdf_extracted",
                                  "state_media", "duplicate", "low_quality")


def iso(day: dt.date | None) -> str | None:
    """A date as ISO 8601 text ('2022-06-25'), None as None: how every record writes its dates."""
    return None if day is None else day.isoformat()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id that is a hash of ``parts``: the same content always gets the same id."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


# --- ingest -------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RawArticle:
    """One input as read: decoded text (or HTML) plus its metadata, or a status saying why it is unusable.

    ``text`` is the raw text the cleaner starts from. For HTML inputs it is the main text returned by the
    HTML extractor (boilerplate already dropped), and ``html`` keeps the page itself.
    """

    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    input_id: str | None = None          # the id given in a JSONL line, if any
    html: str | None = None
    status: Status = "ok"
    error: str | None = None


# --- clean --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Document:
    """Cleaned article text with a map back to the raw text.

    ``offsets`` has ``len(text) + 1`` entries: ``offsets[i]`` is the index in ``raw`` of the character that
    became ``text[i]`` (the last entry is ``len(raw)``), so any cleaned span maps back to raw text.
    ``removed`` lists raw spans that were dropped as not article text (boilerplate, credits, ...).
    """

    article_id: str
    raw: str
    text: str
    offsets: tuple[int, ...]
    removed: tuple[tuple[int, int, str], ...] = ()   # (raw_start, raw_end, why)
    repairs: tuple[str, ...] = ()                     # names of the repairs that changed something
    # (start, end, published words): spans of ``text`` that read a normalised word (a spun 'troopers' read
    # as 'troops'); ``published`` puts the words back
    readings: tuple[tuple[int, int, str], ...] = ()

    def published(self, start: int, end: int) -> str:
        """``text[start:end]`` in the words as published: normalised readings inside it swapped back.

        A reading cut by the span's edge stays as read (spans from sentences and mentions never cut one).
        """
        out, pos = [], start
        for r_start, r_end, words in self.readings:
            if start <= r_start and r_end <= end:
                out.append(self.text[pos:r_start] + words)
                pos = r_end
        return "".join(out) + self.text[pos:end]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the cleaned text to the raw text."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} is outside the cleaned text (length {len(self.text)})")
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Article:
    """The article record that goes out (JSON ``articles[]``) and into the store."""

    article_id: str
    status: Status
    published: dt.date | None
    path: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    language: str | None = None
    error: str | None = None
    quality_flags: tuple[str, ...] = ()
    duplicate_of: str | None = None
    quality_reasons: tuple[tuple[str, str], ...] = ()    # (flag, why) for each quality flag
    duplicate_score: float | None = None    # how closely it copies ``duplicate_of`` (0..1)
    duplicate_method: str | None = None     # 'minhash', 'containment' or 'embedding' (see frontline.corpus.copies)


# --- gazetteer and mentions ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    geonames_id: int | None
    name: str                              # canonical English name, e.g. 'Sievierodonetsk'
    lat: float
    lon: float
    admin1: str | None                     # canonical English oblast / region name, e.g. 'Luhansk'
    country_code: str
    kind: LocationPrecision                # 'settlement' for populated places, 'admin1' for oblasts, ...
    population: int = 0


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text and the gazetteer entry it resolved to."""

    start: int
    end: int
    text: str
    place: Place
    precision: LocationPrecision
    confidence: float
    reason: str = ""                        # why this namesake was chosen
    runner_up: Place | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression resolved against the publication date."""

    start: int
    end: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: DatePrecision


@dataclass(frozen=True, slots=True)
class Party:
    """An actor, normalised: 'Russian forces' / RU, 'Serhiy Haidai' / UA with role 'governor of Luhansk oblast'."""

    name: str
    side: Side
    role: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text (armed force, government, official, civilians...)."""

    start: int
    end: int
    text: str
    party: Party
    kind: ActorKind = "force"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts: 438 soldiers deserted, around 2,000 troops surrounded."""

    value: float
    unit: str
    role: str | None = None
    approximate: bool = False
    text: str = ""
    kind: QuantityKind = "incident"
    period: str | None = None               # of a casualty_total: the words of its period ('since February 24')
    # the sentence the count was read from when it is not its event's own ``Event.evidence`` (a toll told in the
    # sentence after its attack, a count a repeat added); None: the event's evidence sentence
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class QuantityMention:
    start: int
    end: int
    quantity: Quantity


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything the mention finders found in one document."""

    places: tuple[PlaceMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()


# --- events -------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Location:
    name: str
    lat: float
    lon: float
    admin1: str | None
    country_code: str
    precision: LocationPrecision
    geonames_id: int | None = None
    mention: str | None = None

    @classmethod
    def from_mention(cls, m: PlaceMention) -> "Location":
        p = m.place
        return cls(name=p.name, lat=p.lat, lon=p.lon, admin1=p.admin1, country_code=p.country_code,
                   precision=m.precision, geonames_id=p.geonames_id, mention=m.text)

    @classmethod
    def of_place(cls, p: Place) -> "Location":
        """A gazetteer entry as a location at its own precision, named by no mention."""
        return cls(name=p.name, lat=p.lat, lon=p.lon, admin1=p.admin1, country_code=p.country_code,
                   precision=p.kind, geonames_id=p.geonames_id)


@dataclass(frozen=True, slots=True)
class EventDate:
    start: dt.date | None
    precision: DatePrecision
    end: dt.date | None = None
    text: str | None = None


VoiceBasis = Literal["wording", "success"]


@dataclass(frozen=True, slots=True)
class Voice:
    """Whose words a sentence told in no one's name takes: the side of the war, the cue that gives it away and its
    span in ``Document.text``.

    ``basis`` is 'wording' for a side's own vocabulary ('invaders', 'occupiers' are Ukraine's; 'the Kiev regime',
    'Ukrainian nationalists' Russia's) and 'success' for a belligerent telling its own forces' success over the
    enemy ('Russian Armed Forces destroyed up to 140 Ukrainian servicemen').
    """

    side: Literal["RU", "UA"]
    cue: str
    basis: VoiceBasis
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Claim:
    claimed_by: Party | None = None
    modality: Modality = "asserted"
    contested: bool = False
    voice: Voice | None = None      # whose wording the sentence takes, when no claimant of a side is named


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an event was read from: a view into ``Document.text`` by offsets."""

    sentence: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    article_id: str
    event_type: str
    location: Location | None
    date: EventDate
    initiator: Party | None
    target: Party | None
    quantities: tuple[Quantity, ...]
    claim: Claim
    evidence: Evidence
    confidence: float
    trigger: str = ""                       # the words that named the event, e.g. 'entered', 'surrounded'
    # the words that put the event near its location, not at it ('a village 15 km to the north'); internal to fusion
    near: str | None = None
    # retold history, not the article's news ('abandoned an early advance on Kyiv' in a June article): see
    # frontline.events.background; default counts and maps leave it out
    background: bool = False
    # the other sentences of the article that told this event (its toll, a repeat, the headline), in text order;
    # ``evidence`` is the main one
    more_evidence: tuple[Evidence, ...] = ()


# What a selection does with background events: leave them out (the default of counts, exports and the map),
# include them with the news, or keep only them.
Background = Literal["exclude", "include", "only"]
BACKGROUND_CHOICES: tuple[Background, ...] = ("exclude", "include", "only")


def background_kept(event: Event, background: Background = "exclude") -> bool:
    """Whether a selection with ``background`` keeps ``event``."""
    return background == "include" or event.background == (background == "only")


# --- results ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ArticleResult:
    """All a pipeline run produced for one input."""

    article: Article
    document: Document | None = None
    mentions: Mentions = field(default_factory=Mentions)
    events: tuple[Event, ...] = ()
    # its copy-detection fingerprint (frontline.corpus.copies.Fingerprint), when the worker that extracted it computed
    # one (frontline.runner), so the process marking copies does not; never exported
    fingerprint: object | None = field(default=None, compare=False, repr=False)


# --- cross-article fusion and control (frontline.corpus.fuse, frontline.corpus.control) ----------------------------

Stance = Literal["supports", "disputes"]
# RU, UA: held, on the word of more than the side that holds it; claimed_RU, claimed_UA: a change of holder on
# that side's word alone; unknown: no information (never reported, or the last state lapsed without fresh reports)
ControlStatus = Literal["UA", "RU", "claimed_UA", "claimed_RU", "contested", "unknown"]


@dataclass(frozen=True, slots=True)
class FusedClaim:
    """One source's word on a fused event: who says it, how, and whether it backs or disputes the event."""

    event_id: str
    article_id: str
    claimed_by: Party | None
    modality: Modality
    stance: Stance = "supports"


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """One happening reported by one or more independent articles (copies are listed but not counted).

    ``event_ids``/``article_ids`` are the per-article events and articles behind it; ``copy_event_ids``
    the events of articles that copy one of them; ``outlets`` the number of independent sources
    (distinct outlets, or articles when the outlet is unknown). ``contested`` when a source disputes it.
    """

    fused_id: str
    event_type: str
    location: Location | None
    date: EventDate
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    outlets: int
    claims: tuple[FusedClaim, ...]
    contested: bool = False
    copy_event_ids: tuple[str, ...] = ()

    @property
    def claimants(self) -> tuple[Party, ...]:
        """Every distinct party named as saying so, supporting or disputing, in order."""
        out: list[Party] = []
        for c in self.claims:
            if c.claimed_by is not None and c.claimed_by not in out:
                out.append(c.claimed_by)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class ControlEvidence:
    """One fused event read as saying who holds a place: what it says (``status``) and on whose word."""

    fused_id: str
    event_type: str
    status: ControlStatus
    claimed_by: tuple[Party, ...]      # empty: the reporting articles assert it in their own voice
    article_ids: tuple[str, ...]
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ControlState:
    """Who held a settlement from ``start`` (until the next state's start): assertions and claims apart."""

    start: dt.date
    status: ControlStatus
    assertions: tuple[ControlEvidence, ...] = ()
    claims: tuple[ControlEvidence, ...] = ()
    against: tuple[ControlEvidence, ...] = ()   # reports that point elsewhere (the other side, fighting)
    confidence: float | None = None            # 0..1, from the evidence for and against
    basis: str = "reports"     # 'reports', 'starting line' (dated public-record data), 'persisted' (a holder kept on
    #                            stale reports while nothing points otherwise) or 'lapsed' (no fresh reports)
    source: str | None = None  # the record a starting-line state rests on; a persisted one's last evidence


@dataclass(frozen=True, slots=True)
class Timeline:
    """The dated control states of one settlement, oldest first."""

    place: str
    admin1: str | None
    geonames_id: int | None
    states: tuple[ControlState, ...] = ()
