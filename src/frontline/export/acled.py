"""ACLED-style rows of events: ACLED's columns, and its event and actor types read from the event-type table.

An event type's ACLED pair is the ``acled`` column of its row (``frontline.vocab.event_types``). A row whose
pair depends on the event's parties or words names a refining rule in ``acled_rule``; the rules are registered
here by name with ``@rule("name")``, so a new one is one function, and a row naming a rule that is not
registered is an error (``RegistryError``), not a silent fallback.
"""

from __future__ import annotations

import functools
import gzip
import io
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import Any, Final

from frontline.models import Article, ArticleResult, Event, Party, iso
from frontline.registry import Registry
from frontline.triggers.lexicon import SIGHTING, other_kind
from frontline.vocab.counts import fatalities  # the one definition, re-exported here
from frontline.vocab.event_types import (
    BATTLES,
    CHANGE_OF_ACTIVITY,
    DISRUPTED_WEAPONS_USE,
    OTHER_DEVELOPMENT,
    PROTESTS,
    REMOTE,
    STRATEGIC,
    TABLE,
    VAC,
    event_type,
    names_where,
)
from frontline.vocab.sides import ARMED_SIDES, bloc

__all__ = ["ACLED_COLUMNS", "Rule", "rule", "rule_named", "rule_names", "acled_type",
           "acled_row", "acled_rows", "fighting_types", "fatalities", "country_columns", "raion"]

logger = logging.getLogger(__name__)

ACLED_COLUMNS: Final = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

_DISORDER: Final = {BATTLES: "Political violence", REMOTE: "Political violence", VAC: "Political violence",
                    PROTESTS: "Demonstrations", STRATEGIC: "Strategic developments"}
_ABDUCTION_WORDS: Final = ("abduct", "kidnap", "disappear", "deport", "detain", "captiv", "hostage")

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
# ACLED's names and regions of the war's countries and their neighbours; any other country's ISO 3166 numeric
# code and name come from pycountry (ACLED's region names are its own, so those stay blank).
_COUNTRIES: Final = {   # alpha-2 -> (ISO 3166 numeric, name, ACLED region)
    "UA": (804, "Ukraine", "Europe"), "RU": (643, "Russia", "Europe"), "BY": (112, "Belarus", "Europe"),
    "MD": (498, "Moldova", "Europe"), "PL": (616, "Poland", "Europe"), "RO": (642, "Romania", "Europe"),
    "SK": (703, "Slovakia", "Europe"), "HU": (348, "Hungary", "Europe"),
    "GE": (268, "Georgia", "Caucasus and Central Asia"),
}
_TIME_PRECISION: Final = {"day": 1, "month": 2, "year": 3}
_GEO_PRECISION: Final = {"settlement": 1, "district": 2, "admin1": 3, "region": 3, "country": 3}


# A refining rule: the event, whether its article reports fighting at its place, and the row's own pair.
Rule = Callable[[Event, bool, tuple[str, str]], tuple[str, str]]

# Filled once, by the ``@rule`` decorators of this module.
_RULES: Final[Registry[Rule]] = Registry(
    "ACLED rule", "register one with @frontline.export.acled.rule(...) or name a registered one in the event "
    "type's acled_rule")
# ``@rule("territory_change")``: register a refining rule under the name an event type's ``acled_rule`` gives.
rule = _RULES.register
# The rule registered under a name; ``RegistryError`` when there is none.
rule_named = _RULES.get
# The names of the registered rules.
rule_names = _RULES.names


def fighting_types() -> frozenset[str]:
    """The event types that report fighting at their place (a capture there is then a battle)."""
    return names_where(lambda t: t.fighting)


def _side(event: Event) -> str | None:
    return event.initiator.side if event.initiator else None


@rule("territory_change")
def _territory_change(event: Event, fighting_reported: bool, fixed: tuple[str, str]) -> tuple[str, str]:
    """A state retaking its own ground; an aligned force, or a foreign state's, overtaking it (ACLED's codebook
    puts a foreign state actor acquiring control of a location beside a non-state actor)."""
    side = _side(event)
    country = event.location.country_code if event.location else None
    if side in ("RU", "UA") and country == side:
        return BATTLES, "Government regains territory"
    if side in ("RU_aligned", "UA_aligned") or side in ("RU", "UA") and country is not None:
        return BATTLES, "Non-state actor overtakes territory"
    fought = fighting_reported or _FOUGHT_FOR.search(event.evidence.sentence) is not None
    return (BATTLES, "Armed clash") if fought else fixed


# A capture whose own sentence tells the fighting that won it ('captured X after clashes with ...', 'during an
# offensive'): the fighting is that capture's, told as one event (``frontline.events.fuse``).
_FOUGHT_FOR: Final = re.compile(r"\b(?:clash|fight|fought|battl|assault|storm|(?:counter-?)?offensive)", re.I)


@rule("abduction_or_attack")
def _abduction_or_attack(event: Event, fighting_reported: bool, fixed: tuple[str, str]) -> tuple[str, str]:
    """Abduction when the trigger words speak of abduction, deportation or detention; the row's pair else."""
    trigger = event.trigger.lower()
    if any(word in trigger for word in _ABDUCTION_WORDS):
        return VAC, "Abduction/forced disappearance"
    return fixed


@rule("detention_by_force")
def _detention_by_force(event: Event, fighting_reported: bool, fixed: tuple[str, str]) -> tuple[str, str]:
    """An armed force detaining people on ground not its state's own (Russian forces in occupied Ukraine, an
    aligned militia) is an abduction, as ACLED codes it; a state's police or forces at home make an arrest."""
    side = _side(event)
    country = event.location.country_code if event.location else None
    if side in ("RU_aligned", "UA_aligned") or side in ("RU", "UA") and country is not None and country != side:
        return VAC, "Abduction/forced disappearance"
    return fixed


@rule("armed_cause")
def _armed_cause(event: Event, fighting_reported: bool, fixed: tuple[str, str]) -> tuple[str, str]:
    """Remote violence when an armed side is named as causing it; the row's pair (outages, closures) else."""
    return _REMOTE_EXPLOSIVE if _side(event) in ARMED_SIDES else fixed


_REMOTE_EXPLOSIVE: Final = (REMOTE, "Remote explosive/landmine/IED")
_MISSILE_ATTACK: Final = (REMOTE, "Shelling/artillery/missile attack")
# A mine or a planted bomb: what went off was laid, not fired ('killed by a landmine explosion', 'hit an anti-tank
# mine', 'an IED exploded', 'an explosive device detonated').
# A mine that is a pit ('the mine', 'a coal mine') is a place, not a weapon; fire ('shelled', 'struck') is no mine.
_MINE: Final = re.compile(r"\b(?<!the )(?<!coal )(?<!salt )(?:(?:land|anti-tank |anti-personnel |tripwire )?mines?|"
                          r"IEDs?|improvised explosive devices?|explosive devices?|booby[- ]traps?|car bombs?|"
                          r"unexploded ordnance)\b", re.I)
_FIRE_WORD: Final = re.compile(r"^(?:shell|fir|strik|struck|bomb|launch|attack|target|rocket|missile|drone|air)", re.I)
_MINE_REACH: Final = 40     # characters between the trigger word and the mine it tells of

# An interception told by its verb ('intercepted', 'shot down', 'downed', 'brought down') of a projectile (a drone,
# a missile, a rocket) rather than an aircraft with a crew: the strike did not happen.
_INTERCEPTION: Final = re.compile(r"\b(?:intercept(?:s|ed|ing)?|(?:shot|shoots?|shooting|brought|brings?|bringing)"
                                  r"(?:\s+\w+){0,4}?\s+down|downed|downing)\b", re.I)
_PROJECTILE: Final = re.compile(r"\b(?:drones?|UAVs?|unmanned aerial vehicles?|missiles?|rockets?|projectiles?|"
                                r"Shaheds?|Gerans?|Lancets?|Orlans?|Kalibrs?|Iskanders?|Kh-\d+\w*)\b", re.I)


# Fire that ACLED codes as a battle: small arms and other direct fire with no heavy weapon named ('fired heavy
# machine guns and small arms at the positions'), and fire answered or exchanged ('exchanged artillery attacks',
# 'fired back', 'responded with fire'): armed, organised groups fighting each other.
_DIRECT_FIRE: Final = re.compile(r"\b(?:small arms|(?:heavy |large-calibre |large-caliber )?machine[- ]guns?|"
                                 r"sniper|rifles?|automatic weapons|firearms)\b", re.I)
_HEAVY_FIRE: Final = re.compile(r"\b(?:artillery|mortars?|rockets?|missiles?|MLRS|howitzers?|tanks?|shell\w*|"
                                r"drones?|UAVs?|air ?strikes?|aircraft|bombs?|\d+ ?mm|Grad|Uragan|Smerch|HIMARS)\b",
                                re.I)
_FIRE_EXCHANGED: Final = re.compile(r"\b(?:exchang\w* (?:\w+ ){0,2}(?:fire|attacks|strikes|shelling|blows)|"
                                    r"returned fire|fired back|respond\w* with (?:\w+ )?fire)\b", re.I)
# A crewed aircraft shot down ('shot down a Ukrainian Mi-8 helicopter'): ACLED codes the air defence's fire as a
# missile attack (13 of the 15 such real notes we could read).
_CREWED: Final = re.compile(r"\b(?:helicopters?|aircraft|airplanes?|planes?|jets?|fighter jets?|bombers?|"
                            r"(?:Su|Mi|Ka|Il|An|Tu|MiG|Yak)-\d+\w*)\b", re.I)


def _battle_fire(event: Event) -> bool:
    """The fire is a battle by ACLED's codebook: direct fire only, or fire exchanged or answered."""
    sentence = event.evidence.sentence
    if any(_FIRE_EXCHANGED.search(e.sentence) for e in (event.evidence, *event.more_evidence)):
        return True
    return _DIRECT_FIRE.search(sentence) is not None and _HEAVY_FIRE.search(sentence) is None


def _shoots_down(event: Event) -> bool:
    """The trigger words intercept or shoot something down ('shot down', 'intercepted', 'downed')."""
    told = _INTERCEPTION.search(event.evidence.sentence)
    return told is not None and bool(event.trigger) and event.trigger.lower() in told.group(0).lower()


def _mine_told(event: Event) -> bool:
    """The trigger word tells of a mine or a planted bomb: one lies within ``_MINE_REACH`` characters of it."""
    sentence, trigger = event.evidence.sentence, event.trigger
    if not trigger or _FIRE_WORD.match(trigger):
        return False
    at = sentence.find(trigger)
    return at >= 0 and any(m.start() - _MINE_REACH <= at <= m.end() + _MINE_REACH for m in _MINE.finditer(sentence))


@rule("strike_means")
def _strike_means(event: Event, fighting_reported: bool, fixed: tuple[str, str]) -> tuple[str, str]:
    """Disrupted weapons use when the trigger words intercept or shoot down a drone, missile or rocket; a remote
    explosive when they tell of a mine or a planted bomb; a missile attack when they shoot down a crewed aircraft;
    an armed clash when the fire is a battle (direct fire alone, fire exchanged or answered: ``_battle_fire``);
    the strike's own pair else."""
    sentence = event.evidence.sentence
    if _shoots_down(event):
        # a drone or missile stopped is disrupted weapons use; a crewed aircraft downed, the air defence's fire
        return DISRUPTED_WEAPONS_USE if _PROJECTILE.search(sentence) else \
            _MISSILE_ATTACK if _CREWED.search(sentence) else fixed
    if _mine_told(event):
        return _REMOTE_EXPLOSIVE
    return (BATTLES, "Armed clash") if _battle_fire(event) else fixed


@rule("casualty_cause")
def _casualty_cause(event: Event, fighting_reported: bool, fixed: tuple[str, str]) -> tuple[str, str]:
    """Dead and wounded counted without a strike or a clash, coded by what caused them: a mine or a planted bomb
    is a remote explosive; an armed side killing civilians is violence against them, and killing the other side's
    fighters a clash (ACLED codes the violence, not the toll); a running total or no named cause keeps the row's
    pair."""
    if any(q.kind == "casualty_total" for q in event.quantities):
        return fixed
    if _mine_told(event):
        return _REMOTE_EXPLOSIVE
    side = _side(event)
    target = event.target.side if event.target else None
    if side not in ARMED_SIDES or target is None:
        return fixed
    if target == "civilians":
        return VAC, "Attack"
    if target in ARMED_SIDES and bloc(target) != bloc(side):
        return BATTLES, "Armed clash"
    return fixed


def acled_type(event: Event, *, fighting_reported: bool = False) -> tuple[str, str]:
    """ACLED's ``(event_type, sub_event_type)`` for an event, following the table in ``EVENTS.md``.

    The event type's row gives the pair (``acled``); a row with an ``acled_rule`` refines it:

    - ``territory_change`` (captures): *Government regains territory* when a state force (side RU or UA) takes
      a place in its own country; *Non-state actor overtakes territory* when the initiator is an aligned
      (non-state) force or a state force on another state's ground (ACLED's codebook gives that sub-type to a
      non-state or a foreign state actor acquiring control of a location); when the initiator or the place's
      country is unknown, *Battles / Armed clash* when ``fighting_reported`` (the article reports fighting at the
      same place) and else the row's pair, *Strategic developments / Change to group/activity*.
    - ``detention_by_force`` (arrests): *Violence against civilians / Abduction/forced disappearance* when an
      aligned force, or a state's force on another state's ground, detains people; the row's pair otherwise.
    - ``abduction_or_attack`` (violence against civilians): *Abduction/forced disappearance* when the trigger
      words speak of abduction, deportation or detention; *Attack* otherwise.
    - ``armed_cause`` (infrastructure disruption): *Explosions/Remote violence / Remote explosive/landmine/IED*
      when an armed side is named as causing it; *Strategic developments / Other* otherwise.
    - ``strike_means`` (shelling, air and drone strikes): *Strategic developments / Disrupted weapons use* when
      the trigger words intercept or shoot down a drone, missile or rocket (ACLED's code for air defence stopping a
      strike); *Explosions/Remote violence / Remote explosive/landmine/IED* when they tell of a mine or a planted
      bomb; *Shelling/artillery/missile attack* when they shoot down a crewed aircraft (the air defence's fire, as
      ACLED codes it); *Battles / Armed clash* when the fire is a battle (small arms and other direct fire with no
      heavy weapon named, fire exchanged or answered); the row's pair otherwise.
    - ``casualty_cause`` (dead and wounded counted without a strike or clash): *Remote explosive/landmine/IED* for
      a mine or a planted bomb; *Violence against civilians / Attack* when an armed side kills civilians;
      *Battles / Armed clash* when it kills the other side's fighters; the row's pair for a running total or
      when no cause is named.

    The fallback type of sub-kind *sighting* (troops or equipment seen in or moving through a place, read from
    the trigger words by ``lexicon.other_kind``) is *Strategic developments / Change to group/activity*,
    ACLED's sub-event for movements of armed groups.

    Raises:
        RegistryError: the type's row names a rule that is not registered.
    """
    kind = event.event_type
    if other_kind(kind, event.trigger) == SIGHTING:
        return CHANGE_OF_ACTIVITY     # troops or equipment seen in or moving through a place
    row = TABLE.get(kind)
    if row is None:
        logger.warning("event %s has unknown event_type %r; exported as Strategic developments / Other",
                       event.event_id, kind)
        return OTHER_DEVELOPMENT
    if row.acled_rule is None:
        return row.acled
    return rule_named(row.acled_rule)(event, fighting_reported, row.acled)


@functools.cache
def _raions() -> dict[int, str]:
    path = resources.files("frontline") / "data" / "raions.tsv.gz"
    with gzip.open(io.BytesIO(path.read_bytes()), "rt", encoding="utf-8") as f:
        return {int(gid): name for gid, name in (line.rstrip("\n").split("\t", 1) for line in f
                                                 if not line.startswith("#"))}


def raion(geonames_id: int | None) -> str:
    """ACLED's ``admin2`` of a Ukrainian settlement: its raion as GeoNames gives it (``data/raions.tsv.gz``,
    built by scripts/build_raions.py), or '' when unknown (an oblast, a place abroad)."""
    return _raions().get(geonames_id, "") if geonames_id is not None else ""


def country_columns(alpha2: str | None) -> tuple[int | str, str, str]:
    """ACLED's ``iso`` (ISO 3166 numeric), ``country`` and ``region`` of an alpha-2 code; blanks when unknown,
    so ``country`` and ``iso`` are both filled or both blank."""
    if not alpha2:
        return "", "", ""
    if alpha2 in _COUNTRIES:
        return _COUNTRIES[alpha2]
    import pycountry  # only here: most exports name only the war's countries

    found = pycountry.countries.get(alpha_2=alpha2.upper())
    if found is None:
        return "", "", ""
    return int(found.numeric), getattr(found, "common_name", None) or found.name, ""


def _inter(party: Party | None, kind: str) -> str:
    if party is None:
        return ""
    unarmed = event_type(kind).acled_actor
    if unarmed is not None and party.side not in ARMED_SIDES:
        return unarmed
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


def acled_row(event: Event, article: Article, *, fighting_reported: bool = False) -> dict[str, Any]:
    """One event's ACLED-style row (keys ``ACLED_COLUMNS``); ``fighting_reported``: its article reports fighting
    at the event's place (see ``acled_type``)."""
    acled_event, acled_sub = acled_type(event, fighting_reported=fighting_reported)
    loc = event.location
    numeric, country, region = country_columns(loc.country_code if loc else None)
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
        "iso": numeric, "region": region, "country": country,
        "admin1": (loc.admin1 or "") if loc else "", "admin2": raion(loc.geonames_id) if loc else "",
        "admin3": "",
        "location": loc.name if loc else "", "latitude": loc.lat if loc else "", "longitude": loc.lon if loc else "",
        "geo_precision": _GEO_PRECISION[loc.precision] if loc else "",
        "source": article.source or article.url or article.path or "", "source_scale": "",
        "notes": event.evidence.sentence, "fatalities": fatalities(event), "tags": _tags(event),
        # ACLED's timestamp is when its row was last changed: the writer of records fills it (the store's time)
        "timestamp": "",
    }


def acled_rows(results: Iterable[ArticleResult]) -> Iterator[dict[str, Any]]:
    """One ACLED-style row (keys ``ACLED_COLUMNS``) per event, in article order.

    Unknown values are empty strings; ``event_id_cnty`` is frontline's event id, so rows join back to the
    JSON output; ``fatalities`` sums the quantities whose role is 'killed'; ``notes`` is the evidence
    sentence; ``tags`` reads 'claimed_by: X; modality[; contested]'.
    """
    fighting = fighting_types()
    for result in results:
        fighting_at = {e.location.name for e in result.events if e.event_type in fighting and e.location}
        for event in result.events:
            fought = event.location is not None and event.location.name in fighting_at
            yield acled_row(event, result.article, fighting_reported=fought)
