"""Field comparisons: whether a predicted place, date, count or party is the gold one.

Each comparison is lenient in the way a reader is: a place within ``PLACE_KM``, a date a day off, a count
within ``QUANTITY_TOLERANCE``, a name spelt another way.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process
from unidecode import unidecode

from frontline.evaluation.gold import GoldDate, GoldEvent, GoldPlace, GoldQuantity
from frontline.geo.translit import skeleton
from frontline.models import Event, EventDate, Location

__all__ = ["PLACE_KM", "REGION_KM", "QUANTITY_TOLERANCE", "place_matches", "date_matches", "quantities_match",
           "party_names_match", "normalise_admin1"]

PLACE_KM = 25.0            # a predicted place this close to the gold place counts as the same place
REGION_KM = 150.0          # gold places of 'region' precision (the Donbas) are matched by centroid distance
QUANTITY_TOLERANCE = 0.05  # a predicted number within 5% of the gold number is right


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine): three lines, not worth a dependency."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def distance_km(place: GoldPlace, loc: Location) -> float:
    """km from a gold place to a predicted location; infinite when either lacks coordinates (0, 0 is none)."""
    if place.lat is None or place.lon is None or (loc.lat == 0 and loc.lon == 0):
        return math.inf
    return km(place.lat, place.lon, loc.lat, loc.lon)


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
    distance = distance_km(gold, loc)
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


KILLED_ROLES = _ROLE_CLASSES["killed"]   # the role words a death count carries


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


def evidence_similarity(gold: GoldEvent, pred: Event) -> float:
    """How much of the gold evidence the predicted event's sentence holds, 0..1 (rapidfuzz partial ratio)."""
    a, b = " ".join(gold.evidence.split()), " ".join(pred.evidence.sentence.split())
    return fuzz.partial_ratio(a, b) / 100 if a and b else 0.0


def pair_checks(gold: GoldEvent, pred: Event) -> dict[str, bool]:
    """Which fields of a predicted event agree with a gold event of an accepted type: 'place', 'date' and the
    scored fields ('quantities', 'claimed_by', 'sides', 'modality', 'contested', 'background')."""
    return {
        "place": place_matches(gold.place, pred.location),
        "date": date_matches(gold.date, pred.date),
        "quantities": quantities_match(gold.quantities, pred.quantities),
        "claimed_by": _claimed_by_ok(gold, pred),
        "sides": _sides_ok(gold, pred),
        "modality": pred.claim.modality == gold.modality,
        "contested": pred.claim.contested == gold.contested,
        "background": pred.background == gold.background,
    }
