"""Evaluation: predicted events against hand-made gold, and place/date/death-count accuracy on UCDP headlines.

Two harnesses, documented in ``docs/EVALUATION.md``:

- ``evaluate_gold(predicted, gold_path)`` scores events predicted for a few annotated articles against a JSONL
  gold file (one line per gold event), matching predicted to gold events one-to-one per article and reporting
  precision / recall / F1 at increasing strictness (type, type+place, type+place+date, full) plus the accuracy
  of single fields (quantities, claimed_by, sides, modality, contested) among the matched pairs.
- ``evaluate_ucdp(csv_path, extract, ...)`` runs an extractor on the headlines UCDP coded each event from and
  measures how often it finds an event, places it within 25 km, in the right oblast, on the right date and
  with a death count inside UCDP's low..high range.
- ``evaluate_captions(path, extract, ...)`` runs an extractor on a caption set (one caption or headline an
  article, each naming its settlement) and measures found / placed within 15 km / right oblast / right type.

Both return frozen reports; ``format_report`` and ``format_ucdp`` turn them into readable tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from unidecode import unidecode

from frontline.errors import EvalError, FrontlineError
from frontline.geo.translit import skeleton
from frontline.models import EVENT_TYPES, SIDES, Event, EventDate, Location

__all__ = [
    "PLACE_KM", "REGION_KM", "QUANTITY_TOLERANCE", "LEVELS", "FIELD_LEVELS", "FIELDS",
    "GoldPlace", "GoldDate", "GoldQuantity", "GoldParty", "GoldEvent", "load_gold",
    "Counts", "FieldAccuracy", "MatchedPair", "ArticleScores", "EvalReport", "evaluate_gold", "format_report",
    "format_errors",
    "ReliabilityBin", "reliability",
    "place_matches", "date_matches", "quantities_match", "party_names_match", "normalise_admin1",
    "UcdpRow", "read_ucdp", "Share", "UcdpReport", "UcdpMiss", "evaluate_ucdp", "format_ucdp",
    "format_ucdp_misses", "headline_killed",
    "CAPTION_KM", "CaptionItem", "read_captions", "CaptionMiss", "CaptionScores", "CaptionReport",
    "evaluate_captions", "format_captions", "format_caption_misses",
]

logger = logging.getLogger(__name__)

PLACE_KM = 25.0            # a predicted place this close to the gold place counts as the same place
REGION_KM = 150.0          # gold places of 'region' precision (the Donbas) are matched by centroid distance
QUANTITY_TOLERANCE = 0.05  # a predicted number within 5% of the gold number is right
LEVELS: tuple[str, ...] = ("type", "type+place", "type+place+date", "full")
_SCORED_FIELDS = ("date", "quantities", "claimed_by", "sides", "modality")
FIELD_LEVELS: tuple[str, ...] = tuple(f"type+{name}" for name in _SCORED_FIELDS)
FIELDS: tuple[str, ...] = ("quantities", "claimed_by", "sides", "modality", "contested")

_PRECISIONS = ("settlement", "district", "admin1", "region", "country")
_DATE_PRECISIONS = ("day", "month", "year", "unknown")
_MODALITIES = ("asserted", "claimed", "denied", "threatened", "planned", "hypothetical")


# --- gold ---------------------------------------------------------------------------------------------

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


def _one_of(value: object, allowed: Sequence[str], what: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if value not in allowed:
        raise EvalError(f"{what}: '{value}' is not one of {', '.join(allowed)}")
    return str(value)


def _optional(value: object, kind: Callable[[object], object]) -> object:
    return None if value is None else kind(value)


def _gold_event(obj: Mapping, where: str, line: int) -> GoldEvent:
    """Build a GoldEvent from one parsed JSON line; raises EvalError naming the line on any bad field."""
    try:
        place = obj.get("place")
        gold_place = None if place is None else GoldPlace(
            name=str(place["name"]), geonames_id=_optional(place.get("geonames_id"), int),
            admin1=place.get("admin1"), lat=_optional(place.get("lat"), float), lon=_optional(place.get("lon"), float),
            precision=_one_of(place.get("precision", "settlement"), _PRECISIONS, f"{where}: place.precision"),
            country_code=str(place.get("country_code", "UA")))
        date = obj.get("date") or {}
        gold_date = GoldDate(start=_parse_date(date.get("start"), f"{where}: date.start"),
                             end=_parse_date(date.get("end"), f"{where}: date.end"),
                             precision=_one_of(date.get("precision", "unknown"), _DATE_PRECISIONS,
                                               f"{where}: date.precision"))
        claimed = obj.get("claimed_by")
        gold_claim = None if claimed is None else GoldParty(
            name=claimed.get("name"), side=_one_of(claimed.get("side"), SIDES, f"{where}: claimed_by.side"))
        quantities = tuple(GoldQuantity(value=float(q["value"]), unit=str(q["unit"]), role=q.get("role"))
                           for q in obj.get("quantities") or ())
        alt = tuple(_one_of(t, EVENT_TYPES, f"{where}: alt_types") for t in obj.get("alt_types") or ())
        return GoldEvent(
            article=str(obj["article"]),
            event_type=_one_of(obj.get("event_type"), EVENT_TYPES, f"{where}: event_type"),
            place=gold_place, date=gold_date, quantities=quantities, claimed_by=gold_claim,
            modality=_one_of(obj.get("modality", "asserted"), _MODALITIES, f"{where}: modality"),
            initiator_side=_one_of(obj.get("initiator_side"), SIDES, f"{where}: initiator_side", optional=True),
            target_side=_one_of(obj.get("target_side"), SIDES, f"{where}: target_side", optional=True),
            evidence=str(obj.get("evidence", "")), alt_types=alt, contested=bool(obj.get("contested", False)),
            line=line)
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
    return tuple(_gold_event(obj, where, number) for number, where, obj in _json_objects(Path(path), "gold file"))


def _json_objects(path: Path, what: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
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


# --- field comparisons --------------------------------------------------------------------------------

def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine): three lines, not worth a dependency."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _name_key(name: str | None) -> str:
    """Lower-case ASCII letters and digits only, so 'Chasiv Yar' == 'chasiv-yar'."""
    return re.sub(r"[^a-z0-9]", "", unidecode(name or "").lower())


# Canonical English oblast names (the names frontline's gazetteer uses), with the spellings met in UCDP,
# GeoNames and news: one entry per oblast, matched on a letters-only key. Kept here rather than read from the
# gazetteer so that scoring does not depend on the data of the system under test.
_ADMIN1: dict[str, tuple[str, ...]] = {
    "Cherkasy": ("cherkasy", "cherkassy", "cherkaska"),
    "Chernihiv": ("chernihiv", "chernigov", "chernihivska"),
    "Chernivtsi": ("chernivtsi", "chernovtsy", "chernivetska"),
    "Crimea": ("crimea", "krym", "autonomousrepublicofcrimea", "crimean"),
    "Dnipropetrovsk": ("dnipropetrovsk", "dnepropetrovsk", "dnipropetrovska", "dnipro"),
    "Donetsk": ("donetsk", "donetska", "donets"),
    "Ivano-Frankivsk": ("ivanofrankivsk", "ivanofrankovsk", "ivanofrankivska"),
    "Kharkiv": ("kharkiv", "kharkov", "kharkivska", "charkiw"),
    "Kherson": ("kherson", "khersonska"),
    "Khmelnytskyi": ("khmelnytskyi", "khmelnytskyy", "khmelnitsky", "khmelnytska"),
    "Kirovohrad": ("kirovohrad", "kirovograd", "kropyvnytskyi", "kirovohradska"),
    "Kyiv": ("kyiv", "kiev", "kyivska", "kievskaya"),
    "Kyiv City": ("kyivcity", "kievcity", "mistokyiv", "kievspecialrepublicancity", "kyivspecialrepublicancity"),
    "Luhansk": ("luhansk", "lugansk", "luhanska", "luhanks"),
    "Lviv": ("lviv", "lvov", "lvivska"),
    "Mykolaiv": ("mykolaiv", "mykolayiv", "nikolaev", "nikolayev", "mykolaivska"),
    "Odesa": ("odesa", "odessa", "odeska"),
    "Poltava": ("poltava", "poltavska"),
    "Rivne": ("rivne", "rovno", "rivnenska"),
    "Sevastopol": ("sevastopol", "sebastopol", "sebastopolcity", "sevastopolcity"),
    "Sumy": ("sumy", "sumska"),
    "Ternopil": ("ternopil", "ternopol", "ternopilska"),
    "Vinnytsia": ("vinnytsia", "vinnytsya", "vinnitsa", "vinnytska"),
    "Volyn": ("volyn", "volynska", "volhynia"),
    "Zakarpattia": ("zakarpattia", "zakarpattya", "transcarpathia", "zakarpatska"),
    "Zaporizhzhia": ("zaporizhzhia", "zaporizhzhya", "zaporizhia", "zaporozhye", "zaporizka"),
    "Zhytomyr": ("zhytomyr", "zhitomir", "zhytomyrska"),
}
_ADMIN1_KEYS: dict[str, str] = {key: name for name, keys in _ADMIN1.items() for key in keys}
_ADMIN1_GENERIC = re.compile(r"\b(oblast|oblast'|region|province|governorate|raion|the)\b", re.I)


def normalise_admin1(name: str | None) -> str | None:
    """Map an oblast name as UCDP, GeoNames or a news text writes it to frontline's canonical English name.

    'Luhansk oblast' -> 'Luhansk', 'Kiev Special Republican city' -> 'Kyiv City', 'Zaporizhzhya oblast' ->
    'Zaporizhzhia', 'Autonomous Republic of Crimea' -> 'Crimea'. Names that are not Ukrainian oblasts
    ('Rostov') come back stripped of 'oblast'/'region' and title-cased; empty input gives None.
    """
    if not name or not name.strip():
        return None
    full = _name_key(name)
    if full in _ADMIN1_KEYS:
        return _ADMIN1_KEYS[full]
    stripped = _ADMIN1_GENERIC.sub(" ", name)
    key = _name_key(stripped)
    if key in ("kyiv", "kiev") and re.search(r"\b(city|misto|special)\b", name, re.I):
        return "Kyiv City"
    if key in _ADMIN1_KEYS:
        return _ADMIN1_KEYS[key]
    # Spellings outside the table ('Zaporozhskaya', 'Dnipropetrovs'k') are caught by a strict fuzzy match.
    best = process.extractOne(key, list(_ADMIN1_KEYS), scorer=fuzz.ratio, score_cutoff=88) if key else None
    if best:
        return _ADMIN1_KEYS[best[0]]
    return " ".join(stripped.split()).title() or None


def place_matches(gold: GoldPlace | None, loc: Location | None) -> bool:
    """Whether a predicted location is the gold place.

    Same GeoNames id, same name (when one side has no id), or within ``PLACE_KM``; an oblast-precision gold place also accepts any
    prediction in that oblast, a region (the Donbas) any prediction within ``REGION_KM`` of its centre and a
    country any prediction in it. A gold event without a place accepts no location or a region/country one.
    """
    if gold is None:
        return loc is None or loc.precision in ("region", "country")
    if loc is None:
        return False
    if gold.geonames_id is not None and loc.geonames_id == gold.geonames_id:
        return True
    # The same name counts only when no ids tell the namesakes apart (Solone is in six oblasts).
    both_have_ids = gold.geonames_id is not None and loc.geonames_id is not None
    if _name_key(gold.name) == _name_key(loc.name) and not both_have_ids:
        return True
    near = gold.lat is not None and gold.lon is not None and not (loc.lat == 0 and loc.lon == 0)
    distance = _km(gold.lat, gold.lon, loc.lat, loc.lon) if near else math.inf
    if gold.precision == "admin1":
        return gold.admin1 is not None and normalise_admin1(loc.admin1) == normalise_admin1(gold.admin1)
    if gold.precision == "region":
        return distance <= REGION_KM
    if gold.precision == "country":
        return loc.country_code == gold.country_code
    return distance <= PLACE_KM


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month


def date_matches(gold: GoldDate, pred: EventDate) -> bool:
    """Whether a predicted date fits the gold date.

    The predicted start must lie in ``gold.start - 1 day .. (gold.end or gold.start) + 1 day``, or, for month
    (year) precision gold, in a month (year) the gold range touches. A gold date with no start accepts anything:
    the text gives nothing to check against.
    """
    if gold.start is None:
        return True
    if pred.start is None:
        return False
    last = gold.end or gold.start
    one_day = dt.timedelta(days=1)
    if gold.start - one_day <= pred.start <= last + one_day:
        return True
    if gold.precision == "month":
        return _month_index(gold.start) <= _month_index(pred.start) <= _month_index(last)
    if gold.precision == "year":
        return gold.start.year <= pred.start.year <= last.year
    return False


# What counts as the same unit / role: writers and extractors say 'troops' or 'soldiers', 'dead' or 'killed'.
_PEOPLE = frozenset({"people", "person", "persons", "soldiers", "soldier", "troops", "servicemen", "serviceman",
                     "civilians", "civilian", "children", "child", "men", "women", "border guards", "guards",
                     "fighters", "families", "residents", "experts", "cases", "deserters", "militants",
                     "servicemembers", "personnel", "prisoners", "refugees", "evacuees", "killed", "dead"})
_UNIT_CLASSES: dict[str, frozenset[str]] = {
    "percent": frozenset({"percent", "%", "per cent", "pct"}),
    "km": frozenset({"km", "kilometers", "kilometres", "kilometer", "kilometre"}),
    "localities": frozenset({"localities", "locality", "villages", "village", "settlements", "towns"}),
    "vehicles": frozenset({"vehicles", "armored vehicles", "armoured vehicles", "tanks", "vehicle"}),
}
_ROLE_CLASSES: dict[str, frozenset[str]] = {
    "killed": frozenset({"killed", "dead", "deaths", "died", "fatalities", "death"}),
    "injured": frozenset({"injured", "wounded", "hurt"}),
    "evacuated": frozenset({"evacuated", "displaced", "arrived", "fled", "evacuation", "uprooted"}),
    "deserted": frozenset({"deserted", "desertion", "fled", "awol", "defected", "crossed"}),
    "surrounded": frozenset({"surrounded", "encircled", "trapped", "besieged"}),
    "captured": frozenset({"captured", "recaptured", "recovered", "liberated", "taken", "seized"}),
    "controlled": frozenset({"controlled", "control", "occupied", "held"}),
}


def _unit_class(unit: str) -> str:
    unit = " ".join(unit.lower().split())
    if unit in _PEOPLE:
        return "people"
    for name, members in _UNIT_CLASSES.items():
        if unit in members:
            return name
    return unit.rstrip("s")


def _role_classes(role: str | None) -> frozenset[str]:
    role = (role or "").lower().strip()
    return frozenset(name for name, members in _ROLE_CLASSES.items() if role in members) or frozenset({role})


def quantities_match(gold: Sequence[GoldQuantity], predicted: Sequence) -> bool:
    """Whether every gold quantity has a predicted one with the same unit class, role class and value ±5%.

    A gold role of None accepts any predicted role. No gold quantities: always true.
    """
    for g in gold:
        roles = _role_classes(g.role) if g.role else None
        if not any(_unit_class(p.unit) == _unit_class(g.unit)
                   and (roles is None or roles & _role_classes(p.role))
                   and abs(p.value - g.value) <= QUANTITY_TOLERANCE * abs(g.value)
                   for p in predicted):
            return False
    return True


def _name_tokens(name: str) -> list[str]:
    """Per-word transliteration skeletons ('Serhiy Gaidai' -> ['serhi', 'haidai']), 'defense' spelt 'defence'."""
    words = re.sub(r"(?i)defense", "defence", name).split()
    return [key for key in (skeleton(w) for w in words) if key]


def party_names_match(gold: str, predicted: str) -> bool:
    """Fuzzy equality of two actor names after normalising transliterations ('Serhiy Gaidai' == 'Serhiy Haidai').

    Equal when the per-word skeletons agree, when the surnames (last words, longer than three letters) agree,
    or when rapidfuzz's token-set ratio of the skeletons is at least 85.
    """
    a, b = _name_tokens(gold), _name_tokens(predicted)
    if not a or not b:
        return False
    if a == b or (a[-1] == b[-1] and len(a[-1]) > 3):
        return True
    return fuzz.token_set_ratio(" ".join(a), " ".join(b)) >= 85


def _claimed_by_ok(gold: GoldEvent, pred: Event) -> bool:
    party = pred.claim.claimed_by
    if gold.claimed_by is None:
        return party is None
    if party is None or party.side != gold.claimed_by.side:
        return False
    return not gold.claimed_by.name or party_names_match(gold.claimed_by.name, party.name)


def _sides_ok(gold: GoldEvent, pred: Event) -> bool:
    for want, party in ((gold.initiator_side, pred.initiator), (gold.target_side, pred.target)):
        if want is not None and (party is None or party.side != want):
            return False
    return True


def _evidence_similarity(gold: GoldEvent, pred: Event) -> float:
    a, b = " ".join(gold.evidence.split()), " ".join(pred.evidence.sentence.split())
    return fuzz.partial_ratio(a, b) / 100 if a and b else 0.0


# --- matching and scores ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Counts:
    """True positives against the numbers of predicted and gold events; P/R/F1 follow."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)


@dataclass(frozen=True, slots=True)
class FieldAccuracy:
    """How many matched pairs got a field right, out of those where the gold says something about it."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: "FieldAccuracy") -> "FieldAccuracy":
        return FieldAccuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True, slots=True)
class MatchedPair:
    """A gold event, the predicted event matched to it, and which checks passed (keys: 'place', 'date', FIELDS)."""

    gold: GoldEvent
    predicted: Event
    checks: Mapping[str, bool]


@dataclass(frozen=True, slots=True)
class ArticleScores:
    article: str
    levels: Mapping[str, Counts]
    fields: Mapping[str, FieldAccuracy]
    pairs: tuple[MatchedPair, ...] = ()
    missed: tuple[GoldEvent, ...] = ()
    spurious: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Micro-averaged scores over all gold articles, and the per-article breakdown they sum."""

    levels: Mapping[str, Counts]
    fields: Mapping[str, FieldAccuracy]
    articles: tuple[ArticleScores, ...] = field(default=())


def _checks(gold: GoldEvent, pred: Event) -> dict[str, bool]:
    return {
        "place": place_matches(gold.place, pred.location),
        "date": date_matches(gold.date, pred.date),
        "quantities": quantities_match(gold.quantities, pred.quantities),
        "claimed_by": _claimed_by_ok(gold, pred),
        "sides": _sides_ok(gold, pred),
        "modality": pred.claim.modality == gold.modality,
        "contested": pred.claim.contested == gold.contested,
    }


# Pair score for the greedy matching. Place counts most, then the evidence (a predicted event read from the
# sentence the gold evidence comes from is most likely the same event), then date, then the other fields.
_WEIGHTS = {"place": 4.0, "date": 2.0, "claimed_by": 1.0, "quantities": 0.5, "sides": 0.5, "modality": 0.25,
            "contested": 0.0}
_EVIDENCE_WEIGHT = 3.0
_EVIDENCE_MIN = 0.8   # below this, partial-ratio similarity is what unrelated sentences of one article share


def _score_article(article: str, gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> ArticleScores:
    """Match predicted to gold events one-to-one (greedy on the pair score) and count the hits."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.accepts_type(p.event_type):
                checks = _checks(g, p)
                similarity = _evidence_similarity(g, p)
                score = (sum(_WEIGHTS[k] for k, ok in checks.items() if ok)
                         + (_EVIDENCE_WEIGHT * similarity if similarity >= _EVIDENCE_MIN else 0.0))
                candidates.append((-score, gi, pi, checks))
    candidates.sort(key=lambda c: c[:3])
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi, checks in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(MatchedPair(gold[gi], predicted[pi], checks))
    pairs.sort(key=lambda m: m.gold.line)

    def count(test: Callable[[MatchedPair], bool]) -> Counts:
        return Counts(sum(1 for m in pairs if test(m)), len(predicted), len(gold))

    levels = {
        "type": count(lambda m: True),
        "type+place": count(lambda m: m.checks["place"]),
        "type+place+date": count(lambda m: m.checks["place"] and m.checks["date"]),
        "full": count(lambda m: all(m.checks[k] for k in ("place", "date", "claimed_by", "quantities", "sides"))),
        # P/R/F1 of each field on its own: a pair counts when the type matches and that field is right
        **{f"type+{name}": count(lambda m, name=name: m.checks[name]) for name in _SCORED_FIELDS},
    }
    relevant: dict[str, Callable[[GoldEvent], bool]] = {
        "quantities": lambda g: bool(g.quantities),
        "claimed_by": lambda g: True,
        "sides": lambda g: g.initiator_side is not None or g.target_side is not None,
        "modality": lambda g: True,
        "contested": lambda g: True,
    }
    fields = {}
    for name in FIELDS:
        scored = [m for m in pairs if relevant[name](m.gold)]
        fields[name] = FieldAccuracy(sum(1 for m in scored if m.checks[name]), len(scored))
    return ArticleScores(
        article=article, levels=levels, fields=fields, pairs=tuple(pairs),
        missed=tuple(g for gi, g in enumerate(gold) if gi not in used_gold),
        spurious=tuple(p for pi, p in enumerate(predicted) if pi not in used_pred))


def evaluate_gold(predicted: Mapping[str, Sequence[Event]], gold_path: str | Path) -> EvalReport:
    """Score predicted events against a gold JSONL file.

    Args:
        predicted: events per article, keyed by the gold's ``article`` value (the seed file name). Articles
            the gold does not cover are ignored (logged); gold articles missing here count as all missed.
        gold_path: the gold file (format in docs/EVALUATION.md).
    Returns:
        an EvalReport with P/R/F1 per level, field accuracies and the per-article breakdown.
    Raises:
        EvalError: the gold file is malformed.
    """
    gold = load_gold(gold_path)
    by_article: dict[str, list[GoldEvent]] = {}
    for g in gold:
        by_article.setdefault(g.article, []).append(g)
    extra = sorted(set(predicted) - set(by_article))
    if extra:
        logger.warning("no gold for %d predicted article(s), ignored: %s", len(extra), ", ".join(extra))
    articles = tuple(_score_article(a, events, tuple(predicted.get(a, ()))) for a, events in sorted(by_article.items()))
    levels = {name: sum((s.levels[name] for s in articles), Counts()) for name in LEVELS + FIELD_LEVELS}
    fields = {name: sum((s.fields[name] for s in articles), FieldAccuracy()) for name in FIELDS}
    return EvalReport(levels=levels, fields=fields, articles=articles)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], left: tuple[int, ...] = (0,)) -> str:
    """Columns padded to width: those in ``left`` flush left (labels), the others flush right (numbers)."""
    rows = [list(header)] + [list(r) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]

    def fmt(row: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    return "\n".join([fmt(rows[0]), "  ".join("-" * w for w in widths)] + [fmt(r) for r in rows[1:]])


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Predicted events whose confidence lies in ``[low, high)``, and how many were right (type, place, date)."""

    low: float
    high: float
    events: int
    right: int
    mean_confidence: float

    @property
    def share_right(self) -> float:
        return self.right / self.events if self.events else 0.0


def reliability(report: EvalReport, bins: int = 5) -> list[ReliabilityBin]:
    """Bins of predicted confidence against the share of predictions that match gold at type+place+date.

    A well-calibrated extractor has each bin's share right close to its mean confidence.
    """
    outcomes = [(p.predicted.confidence, p.checks["place"] and p.checks["date"]) for a in report.articles
                for p in a.pairs] + [(e.confidence, False) for a in report.articles for e in a.spurious]
    out = []
    for i in range(bins):
        low, high = i / bins, (i + 1) / bins
        inside = [(c, ok) for c, ok in outcomes if low <= c < high or (i == bins - 1 and c == 1.0)]
        mean = sum(c for c, _ in inside) / len(inside) if inside else 0.0
        out.append(ReliabilityBin(low, high, len(inside), sum(ok for _, ok in inside), round(mean, 3)))
    return out


def format_report(report: EvalReport) -> str:
    """A plain-text table of an EvalReport: levels, fields, one line per article, then the reliability bins."""
    levels = _table(("level", "tp", "pred", "gold", "P", "R", "F1"),
                    ((name, str(c.tp), str(c.predicted), str(c.gold), f"{c.precision:.3f}", f"{c.recall:.3f}",
                      f"{c.f1:.3f}") for name, c in report.levels.items()))
    fields = _table(("field (matched pairs)", "correct", "of", "accuracy"),
                    ((name, str(a.correct), str(a.total), f"{a.accuracy:.3f}") for name, a in report.fields.items()))
    per_article = _table(
        ("article", "gold", "pred", "F1 type", "F1 +place", "F1 +date", "F1 full"),
        ((s.article, str(s.levels["type"].gold), str(s.levels["type"].predicted),
          *(f"{s.levels[name].f1:.3f}" for name in LEVELS)) for s in report.articles))
    calibration = _table(("confidence", "events", "mean conf", "right", "share right"),
                         ((f"{b.low:.1f}-{b.high:.1f}", str(b.events), f"{b.mean_confidence:.3f}", str(b.right),
                           f"{b.share_right:.3f}") for b in reliability(report)))
    return f"{levels}\n\n{fields}\n\n{per_article}\n\n{calibration}"


def _describe_gold(g: GoldEvent) -> str:
    place = g.place.name if g.place else "-"
    claimant = f"{g.claimed_by.name} ({g.claimed_by.side})" if g.claimed_by else "-"
    counts = ", ".join(f"{q.value:g} {q.unit} {q.role or ''}".rstrip() for q in g.quantities) or "-"
    return (f"{g.event_type} at {place}, {g.date.start or '?'}..{g.date.end or ''} {g.date.precision}; "
            f"{g.initiator_side or '-'} -> {g.target_side or '-'}; counts {counts}; by {claimant}, {g.modality}"
            f"\n      \"{g.evidence}\" (gold line {g.line})")


def _describe_event(e: Event) -> str:
    place = e.location.name if e.location else "-"
    party = e.claim.claimed_by
    claimant = f"{party.name} ({party.side})" if party else "-"
    counts = ", ".join(f"{q.value:g} {q.unit} {q.role or ''}".rstrip() for q in e.quantities) or "-"
    sides = " -> ".join(f"{p.name} ({p.side})" if p else "-" for p in (e.initiator, e.target))
    return (f"{e.event_type} at {place}, {e.date.start or '?'}..{e.date.end or ''} {e.date.precision}; {sides}; "
            f"counts {counts}; by {claimant}, {e.claim.modality}\n      \"{' '.join(e.evidence.sentence.split())}\"")


def format_errors(report: EvalReport) -> str:
    """Every disagreement with the gold, per article: missed gold events, spurious predictions, and matched
    pairs with the checks that failed, so a person can read why a score is what it is."""
    out = []
    for article in report.articles:
        lines = []
        for pair in article.pairs:
            wrong = [name for name, ok in pair.checks.items() if not ok]
            if wrong:
                lines += [f"  wrong {', '.join(wrong)}", f"    gold  {_describe_gold(pair.gold)}",
                          f"    pred  {_describe_event(pair.predicted)}"]
        lines += [f"  missed  {_describe_gold(g)}" for g in article.missed]
        lines += [f"  spurious  {_describe_event(e)}" for e in article.spurious]
        if lines:
            out.append(f"{article.article}\n" + "\n".join(lines))
    return "\n\n".join(out) if out else "no disagreement with the gold"


# --- UCDP ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class UcdpRow:
    """One UCDP event, reduced to what the headline evaluation needs."""

    id: str
    year: int
    text: str                       # the source headlines, one per line
    published: dt.date              # earliest source date
    where_prec: int
    latitude: float
    longitude: float
    adm_1: str | None               # canonical oblast name (normalise_admin1), None when UCDP gives none
    where_description: str
    date_start: dt.date
    date_end: dt.date
    low: int
    best: int
    high: int
    headline_killed: int | None     # a death count a headline states, if any


_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUM = r"(\d[\d,]*|" + "|".join(_WORD_NUMBERS) + r")"
_KILLED_AFTER = re.compile(_NUM + r"(?:\s+[\w-]+){0,3}?\s+(?:killed|dead|die[ds]?|deaths|bodies|fatalities|perished|"
                                  r"lost their lives|were killed|have been killed)\b", re.I)
_KILLED_BEFORE = re.compile(r"\b(?:kill(?:s|ed|ing)?|claim(?:s|ed)? the lives of|death toll (?:rises|climbs) to)\s+"
                            r"(?:at least\s+|up to\s+)?" + _NUM + r"\b", re.I)


def _number(token: str) -> int | None:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    return _WORD_NUMBERS.get(token)


def headline_killed(text: str) -> int | None:
    """The largest death count stated in headlines ('Shelling kills four soldiers', '18 killed in ...'), or None."""
    found = [_number(m.group(1)) for rx in (_KILLED_AFTER, _KILLED_BEFORE) for m in rx.finditer(text)]
    found = [n for n in found if n is not None and n < 100_000]
    return max(found) if found else None


def _ucdp_date(text: str) -> dt.date | None:
    """Parse UCDP's mixed date formats.

    date_start/date_end use M/D/YYYY (with or without a time) or YYYY-MM-DD; source_date uses YYYY-MM-DD or
    DD/MM/YYYY. A slashed date is read month-first unless the first number cannot be a month: this matches
    1,136 of the 1,246 ambiguous date_start rows against their source dates and never the other way.
    """
    text = text.strip()
    if m := re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        month, day = (a, b) if a <= 12 else (b, a)
        return dt.date(year, month, day)
    return None


def _source_date(text: str) -> dt.date | None:
    """The earliest of UCDP's ';'-joined source dates; slashed ones there are DD/MM/YYYY."""
    dates = []
    for part in text.split(";"):
        part = part.strip()
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", part):
            dates.append(dt.date(int(m[3]), int(m[2]), int(m[1])))
        elif parsed := _ucdp_date(part):
            dates.append(parsed)
    return min(dates) if dates else None


def _decode_lines(data: bytes) -> str:
    """Decode each line as UTF-8, falling back to Windows-1252: the UCDP file mixes both encodings."""
    out = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out)


def _sample_key(row_id: str) -> str:
    return hashlib.sha256(row_id.encode("utf-8")).hexdigest()


def read_ucdp(csv_path: str | Path, split: str = "dev", *, years: tuple[int, int] | None = None,
              limit: int | None = None) -> tuple[UcdpRow, ...]:
    """Read UCDP GED rows for Ukraine.

    Args:
        csv_path: the CSV file, or a folder holding ``ucdp_ged_ukraine_{split}.csv``.
        split: which split to read when ``csv_path`` is a folder.
        years: keep rows whose year lies in this inclusive range, e.g. (2022, 2023).
        limit: keep at most this many rows: a deterministic sample (the rows whose hashed id sorts first),
            returned in file order.
    Returns:
        the rows, in file order.
    Raises:
        EvalError: the file is missing, is not a UCDP export, or a row's fields cannot be parsed.
    """
    path = Path(csv_path)
    if path.is_dir():
        path = path / f"ucdp_ged_ukraine_{split}.csv"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EvalError(f"cannot read UCDP file {path}: {exc}") from exc
    # Decode first, then parse: quoted fields span lines, so the csv module must see the whole text.
    reader = csv.DictReader(io.StringIO(_decode_lines(data), newline=""))
    required = {"id", "year", "source_headline", "source_date", "where_prec", "latitude", "longitude", "adm_1",
                "date_start", "date_end", "low", "best", "high"}
    if not required <= set(reader.fieldnames or ()):
        raise EvalError(f"{path} is not a UCDP GED export: missing columns "
                        f"{', '.join(sorted(required - set(reader.fieldnames or ())))}")
    rows = []
    for number, rec in enumerate(reader, start=2):
        try:
            year = int(rec["year"])
            if years is not None and not years[0] <= year <= years[1]:
                continue
            text = "\n".join(h.strip() for h in rec["source_headline"].split(";") if h.strip())
            published, start, end = (_source_date(rec["source_date"]), _ucdp_date(rec["date_start"]),
                                     _ucdp_date(rec["date_end"]))
            if published is None or start is None or end is None:
                raise ValueError(f"unreadable date in source_date={rec['source_date']!r}, "
                                 f"date_start={rec['date_start']!r}, date_end={rec['date_end']!r}")
            rows.append(UcdpRow(
                id=rec["id"], year=year, text=text, published=published, where_prec=int(rec["where_prec"]),
                latitude=float(rec["latitude"]), longitude=float(rec["longitude"]),
                adm_1=normalise_admin1(rec["adm_1"]), where_description=rec.get("where_description", ""),
                date_start=start, date_end=end, low=int(rec["low"]), best=int(rec["best"]), high=int(rec["high"]),
                headline_killed=headline_killed(text)))
        except (ValueError, TypeError) as exc:
            raise EvalError(f"{path.name} record ending near line {number} (id {rec.get('id')}): {exc}") from exc
    if limit is not None and limit < len(rows):
        keep = {r.id for r in sorted(rows, key=lambda r: _sample_key(r.id))[:limit]}
        rows = [r for r in rows if r.id in keep]
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class Share:
    """hits out of total rows for which the measure applies."""

    hits: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class UcdpReport:
    """How an extractor does on UCDP headlines (see docs/EVALUATION.md for each measure)."""

    split: str
    rows: int
    found: Share
    placed: Share
    oblast: Share
    dated: Share
    killed: Share
    killed_ceiling: Share = Share()  # rows whose own headline number lies in low..high: the best 'killed' can do
    failed: int = 0                 # rows where extract raised a FrontlineError (counted as not found)
    names_only: int = 0             # rows whose every "headline" is a name or an account handle: no event to read
    years: tuple[int, int] | None = None
    limit: int | None = None
    misses: tuple["UcdpMiss", ...] = ()   # rows that failed a measure, for reading why


@dataclass(frozen=True, slots=True)
class UcdpMiss:
    """A UCDP row that failed at least one measure: which ones, and what the extractor made of it."""

    row: UcdpRow
    failed: tuple[str, ...]
    events: tuple[Event, ...]


_KILLED_ROLES = _ROLE_CLASSES["killed"]


def _ucdp_hits(row: UcdpRow, events: Sequence[Event]) -> dict[str, bool | None]:
    """Per measure: True/False when it applies to this row, None when it does not."""
    located = [e.location for e in events if e.location is not None]
    placed = None
    if row.where_prec <= 2:
        # The nearest predicted location decides: a headline often names several places, and one of them
        # being right is what a geocoder can be held to.
        nearest = min((_km(row.latitude, row.longitude, loc.lat, loc.lon) for loc in located), default=math.inf)
        placed = nearest <= PLACE_KM
    oblast = None
    if row.where_prec <= 4 and row.adm_1:
        oblast = any(normalise_admin1(loc.admin1) == row.adm_1 for loc in located)
    one_day = dt.timedelta(days=1)
    dated = any(e.date.start is not None and row.date_start - one_day <= e.date.start <= row.date_end + one_day
                for e in events)
    killed = None
    if row.headline_killed is not None:
        killed = any(q.role is not None and q.role.lower() in _KILLED_ROLES and row.low <= q.value <= row.high
                     for e in events for q in e.quantities)
    return {"found": bool(events), "placed": placed, "oblast": oblast, "dated": dated, "killed": killed}


def evaluate_ucdp(csv_path: str | Path, extract: Callable[[str, dt.date], Sequence[Event]], split: str = "dev",
                  limit: int | None = None, years: tuple[int, int] | None = None,
                  progress: Callable[[int, int], None] | None = None) -> UcdpReport:
    """Run ``extract`` on each UCDP row's headlines and measure found / placed / oblast / dated / killed.

    Args:
        csv_path: the UCDP CSV, or a folder holding ``ucdp_ged_ukraine_{split}.csv``.
        extract: ``extract(text, published) -> events``; text is the row's headlines, one per line.
        split: the split name (reported; picks the file when csv_path is a folder).
        limit: evaluate a deterministic sample of at most this many rows.
        years: inclusive year range to keep, e.g. (2022, 2023).
        progress: called as ``progress(done, total)`` after each row.
    Returns:
        a UcdpReport. A FrontlineError raised by ``extract`` on a row is logged and the row counts as not
        found; any other exception propagates, since it is a bug to fix rather than a row to score.
    Raises:
        EvalError: the CSV cannot be read.
    """
    rows = read_ucdp(csv_path, split, years=years, limit=limit)
    tallies = {name: [0, 0] for name in ("found", "placed", "oblast", "dated", "killed")}
    failed, misses = 0, []
    for done, row in enumerate(rows, start=1):
        try:
            events = tuple(extract(row.text, row.published))
        except FrontlineError as exc:
            logger.warning("UCDP row %s: extraction failed: %s", row.id, exc)
            failed += 1
            events = ()
        hits = _ucdp_hits(row, events)
        for name, hit in hits.items():
            if hit is not None:
                tallies[name][0] += int(hit)
                tallies[name][1] += 1
        if any(hit is False for hit in hits.values()):
            misses.append(UcdpMiss(row, tuple(name for name, hit in hits.items() if hit is False), events))
        if progress is not None:
            progress(done, len(rows))
    stated = [r for r in rows if r.headline_killed is not None]
    ceiling = Share(sum(1 for r in stated if r.low <= r.headline_killed <= r.high), len(stated))
    names_only = sum(1 for r in rows if all(_is_name_line(line) for line in r.text.split("\n")))
    return UcdpReport(split=split, rows=len(rows), failed=failed, years=years, limit=limit, killed_ceiling=ceiling,
                      names_only=names_only, misses=tuple(misses),
                      **{name: Share(*t) for name, t in tallies.items()})


_NAME_WORDS = 3    # many older UCDP rows carry a place or person name in source_headline, not a headline
_HANDLE_WORDS = 6  # 'NOËL (reports) @NOELreports · 20h': an account's name line, copied where a headline belongs
_HANDLE = re.compile(r"(?<!\w)@\w{2,}")


def _is_name_line(line: str) -> bool:
    """A 'headline' that is a name ('Debaltseve') or a social-media account ('Rob Lee @RALee85'): no event in it."""
    words = line.split()
    return len(words) <= _NAME_WORDS or len(words) <= _HANDLE_WORDS and _HANDLE.search(line) is not None


def format_ucdp(report: UcdpReport) -> str:
    """A plain-text table of a UcdpReport: each measure as a share with its counts."""
    what = {
        "found": "rows with at least one event",
        "placed": f"nearest event within {PLACE_KM:g} km (where_prec 1-2)",
        "oblast": "an event in UCDP's oblast (where_prec <= 4)",
        "dated": "an event dated in date_start..date_end +-1 day",
        "killed": "a killed count within low..high (headline gives one)",
    }
    table = _table(("measure", "share", "hits", "of", "what"),
                   ((name, f"{getattr(report, name).share:.3f}", str(getattr(report, name).hits),
                     str(getattr(report, name).total), text) for name, text in what.items()), left=(0, 4))
    ceiling = report.killed_ceiling
    table += (f"\n(killed: the headline's own number is within low..high in {ceiling.hits} of {ceiling.total} rows, "
              f"{ceiling.share:.3f}: the ceiling for this measure)")
    if report.names_only:
        readable = report.rows - report.names_only
        table += (f"\n({report.names_only} of {report.rows} rows, {report.names_only / report.rows:.3f}, have only "
                  f"names or account handles as headlines ('Debaltseve', 'Rob Lee @RALee85'): no event can be read "
                  f"there; found is at most {readable / report.rows:.3f})")
    scope = [f"split {report.split}", f"{report.rows} rows"]
    if report.years:
        scope.append(f"years {report.years[0]}-{report.years[1]}")
    if report.limit is not None and report.limit <= report.rows:
        scope.append(f"sample limit {report.limit}")
    if report.failed:
        scope.append(f"{report.failed} extraction failures")
    return "UCDP " + ", ".join(scope) + "\n" + table


def format_ucdp_misses(report: UcdpReport) -> str:
    """Each UCDP row that failed a measure: UCDP's own coding, the headlines, and the events extracted."""
    out = []
    for miss in report.misses:
        row = miss.row
        head = (f"row {row.id} ({', '.join(miss.failed)} failed): UCDP {row.where_description or '?'}, "
                f"{row.adm_1 or '?'}, {row.date_start}..{row.date_end}, killed {row.low}..{row.high}; "
                f"published {row.published}")
        text = "\n".join(f"    | {line}" for line in row.text.split("\n"))
        events = "\n".join(f"    - {_describe_event(e)}" for e in miss.events) or "    - no event"
        out.append(f"{head}\n{text}\n{events}")
    return "\n\n".join(out) if out else "every row passed every measure that applies to it"


# --- captions and headlines ------------------------------------------------------------------------------

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
    for _, where, obj in _json_objects(Path(path), "caption set"):
        try:
            place = obj["place"]
            item = CaptionItem(
                id=str(obj["id"]), source=str(obj.get("source", "written")), split=str(obj.get("split", "dev")),
                text=str(obj["text"]), published=dt.date.fromisoformat(obj["published"]),
                place=GoldPlace(name=str(place["name"]), geonames_id=_optional(place.get("geonames_id"), int),
                                admin1=normalise_admin1(place.get("admin1")), lat=float(place["lat"]),
                                lon=float(place["lon"])),
                event_type=_one_of(obj.get("event_type"), EVENT_TYPES, f"{where}: event_type", optional=True),
                alt_types=tuple(_one_of(t, EVENT_TYPES, f"{where}: alt_types") for t in obj.get("alt_types") or ()))
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


@dataclass(frozen=True, slots=True)
class CaptionScores:
    """found / placed / oblast / typed over one group of caption items."""

    rows: int = 0
    found: Share = Share()
    placed: Share = Share()
    oblast: Share = Share()
    typed: Share = Share()


@dataclass(frozen=True, slots=True)
class CaptionReport:
    """How an extractor does on a caption set, overall and per source ('written', 'ucdp') and split."""

    overall: CaptionScores
    groups: tuple[tuple[str, CaptionScores], ...]   # ('written/dev', scores), ...
    split: str | None = None
    failed: int = 0
    misses: tuple[CaptionMiss, ...] = ()


_CAPTION_MEASURES = ("found", "placed", "oblast", "typed")


def _caption_hits(item: CaptionItem, events: Sequence[Event]) -> dict[str, bool | None]:
    """Per measure: True/False when it applies to this item, None when it does not (typed needs a gold type)."""
    gold = item.place
    located = [e for e in events if e.location is not None and not (e.location.lat == 0 and e.location.lon == 0)]
    placed = any(_km(gold.lat, gold.lon, e.location.lat, e.location.lon) <= CAPTION_KM for e in located)
    oblast = gold.admin1 is not None and any(normalise_admin1(e.location.admin1) == gold.admin1 for e in located)
    typed = None if item.event_type is None else any(item.accepts_type(e.event_type) for e in events)
    return {"found": bool(events), "placed": placed, "oblast": oblast, "typed": typed}


def _caption_scores(hits: Sequence[dict[str, bool | None]]) -> CaptionScores:
    shares = {name: Share(sum(1 for h in hits if h[name]), sum(1 for h in hits if h[name] is not None))
              for name in _CAPTION_MEASURES}
    return CaptionScores(rows=len(hits), **shares)


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
        per_item.append((item, hits))
        if any(hit is False for hit in hits.values()):
            misses.append(CaptionMiss(item, tuple(n for n, h in hits.items() if h is False), events))
        if progress is not None:
            progress(done, len(items))
    keys = sorted({f"{item.source}/{item.split}" for item, _ in per_item})
    groups = tuple((key, _caption_scores([h for item, h in per_item if f"{item.source}/{item.split}" == key]))
                   for key in keys)
    return CaptionReport(overall=_caption_scores([h for _, h in per_item]), groups=groups, split=split,
                         failed=failed, misses=tuple(misses))


def format_captions(report: CaptionReport) -> str:
    """A plain-text table of a CaptionReport: each measure per group (source/split) and overall."""
    def cell(share: Share) -> str:
        return f"{share.share:.3f} ({share.hits}/{share.total})" if share.total else "-"

    def cells(scores: CaptionScores) -> list[str]:
        return [str(scores.rows)] + [cell(getattr(scores, m)) for m in _CAPTION_MEASURES]

    rows = [[key, *cells(scores)] for key, scores in report.groups] + [["all", *cells(report.overall)]]
    table = _table(("items", "n", "found", f"placed <={CAPTION_KM:g} km", "oblast", "typed"), rows)
    note = ("found: at least one event; placed: an event within "
            f"{CAPTION_KM:g} km of the named settlement; oblast: an event in its oblast; typed: an event of the "
            "gold type or an accepted alternative (hand-written captions only)")
    head = "captions" + (f", split {report.split}" if report.split else "")
    if report.failed:
        head += f", {report.failed} extraction failures"
    return f"{head}\n{table}\n({note})"


def format_caption_misses(report: CaptionReport) -> str:
    """Each caption that failed a measure: the gold place and type, the text, and the events extracted."""
    out = []
    for miss in report.misses:
        item = miss.item
        head = (f"{item.id} [{item.split}] ({', '.join(miss.failed)} failed): gold {item.place.name}, "
                f"{item.place.admin1 or '?'}" + (f", {item.event_type}" if item.event_type else ""))
        events = "\n".join(f"    - {_describe_event(e)}" for e in miss.events) or "    - no event"
        out.append(f"{head}\n    | {item.text}\n{events}")
    return "\n\n".join(out) if out else "every caption passed every measure that applies to it"
