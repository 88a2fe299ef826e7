"""What one fused event says about who holds its settlement: a ``Reading``, or nothing.

The event type's row (``frontline.vocab.event_types``) gives the kind of reading:

``change``  ``control`` 'taken' (the capturer's bloc holds it) or 'left' (the side that withdrew lost it): a
            change of holder, confirmed or only claimed (see ``Reading.word``)
``strike``  ``remote_fire`` (shelling, missiles, drones, aircraft): whoever fires does not hold the place, so the
            other bloc does; a strike never contests a place
``fight``   ``control`` 'fought' or 'surrounded': fighting in the place, which contests it only while reports go on
            (``frontline.corpus.control``)

How the report places the event matters: fighting or fire 'near', 'on the outskirts of', 'in the direction of',
'in the area of' a settlement or 'in the X region' says nothing of who holds the settlement itself
(``relation``). A reading needs a real report (asserted, claimed or denied; not planned or hypothetical) and,
for a change or a strike, a party of one bloc that did it; for a strike an armed one (an administration that
reports an attack did not fire it). Fire at an aircraft, and strikes on or fights with people behind the other
side's lines (saboteurs, partisans, prisoners), say nothing of who holds the ground.

``front_sign`` says whether an event puts a settlement on the front line: fighting, a capture or a withdrawal
reported in it, near it, on its outskirts or in its direction, on anyone's word. It gives no holder, but a
holder known only from old reports is not kept past their freshness where the front is (``control``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from frontline.models import OPPOSITE_BLOC, Event, FusedEvent, Party, bloc
from frontline.vocab.event_types import event_type, names_where

__all__ = ["FRONT_PRECISIONS", "FRONT_TYPES", "REAL", "Reading", "front_sign", "read_event", "relation"]

Kind = Literal["change", "strike", "fight"]
Relation = Literal["in", "near", "region"]
REAL: Final = frozenset({"asserted", "claimed", "denied"})   # the modalities of a report of something that happened
_HOLDERS: Final = frozenset({"RU", "UA"})
_FIRST_PERSON = re.compile(r"\b(?:our|we|us)\b", re.IGNORECASE)

# The words before a place name that put an event beside it, not in it. A list of places ('in the areas of
# Ugledar and Vodiane') shares the words before its first member. Kept as patterns on the evidence sentence: the
# extraction records the place's mention and the sentence, not the preposition that ties them (a parse-based
# relation in events/where.py would serve better, and this module would read it unchanged).
_LIST = r"(?:[\w'’`-]+(?:\s+[\w'’`-]+){0,2}\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+))*"
_BESIDE = re.compile(
    r"\b(?:near|nearby|outside|around|toward|towards|beyond|past|approaching|approaches\s+to|close\s+to|"
    r"(?:on\s+)?(?:the\s+)?(?:outskirts|suburbs?|vicinity|environs|edge|flanks?)\s+of|"
    # 'in the area of', not 'residential areas of' (which are in the place)
    r"the\s+(?:directions?|axis|areas?|region|sector|line)\s+of|(?<!the\s)(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of|"
    r"km\s+(?:from|of)|kilometres?\s+(?:from|of)|kilometers?\s+(?:from|of)|miles?\s+(?:from|of)|road\s+to|way\s+to)"
    r"\s+(?:the\s+)?(?:(?:town|city|village|settlement|urban-type\s+settlement)\s+of\s+)?" + _LIST + r"$",
    re.IGNORECASE)
# The words after a place name that make it the name of something else ('the Donetsk region', 'the Bakhmut
# direction', 'Donetsk airport'): the event is there, not in the settlement.
_NAMES_OTHER = re.compile(
    r"^[\s'’-]*(?:s\s+)?(?:(?:,|and|or)\s+[\w'’-]+\s+)*(?:regions?|regional|oblast|province|district|raion|"
    r"directions?|axis|areas?|sector|front|airport|airfield|"
    r"outskirts|suburbs?|highway|road|reservoir|river|bridge|crossing)\b"
    # a capital standing for its government ('Kiev forces', 'Kiev points at Moscow', 'Moscow says')
    r"|^[\s'’-]*(?:s\s+)?(?:forces|troops|military|army|government|authorities|regime|officials?|says?|said|"
    r"claims?|accuses?|points?|blames?|denies|reports?|confirms?)\b", re.IGNORECASE)
# A trigger right after the place, in a clause describing it ('Kupiansk, occupied by ...', 'Kherson, which was
# liberated'): the words before the place do not govern it.
# A phrase that opens the sentence ('Near Bakhmut, border guards repelled ...') governs the whole of it.
_DESCRIBES_PLACE = re.compile(r"\s*,[^;:]*")
_FRONTED = re.compile(r"\s*(?:(?:in|on|at|from)\s+)?(?:the\s+)?", re.IGNORECASE)
# A place named after a colon or dash at the end of a headline is its source ('... clash: Kiev'), not its place.
_SOURCE_AT_END = re.compile(r"[:\-–—]\s*$")


@dataclass(frozen=True, slots=True)
class Reading:
    """What one fused event says about who holds its place.

    ``holder``: the bloc the event says holds the place (RU or UA), None for a fight. ``word``: the bloc (RU, UA)
    of the one party whose word it rests on; 'neutral' for a named party of neither bloc; None when the reporting
    articles tell it in their own voice.
    """

    fused: FusedEvent
    kind: Kind
    holder: str | None
    word: str | None
    relation: Relation = "in"


def _bloc(p: Party | None) -> str | None:
    side = bloc(p.side) if p is not None else None
    return side if side in _HOLDERS else None


def relation(e: Event) -> Relation:
    """How an event's sentence places it at its settlement: in it, near it, or in a region named after it."""
    if e.near:
        return "near"
    sentence, mention = e.evidence.sentence, (e.location.mention if e.location else None)
    if not mention:
        return "in"
    found = [m for m in re.finditer(re.escape(mention), sentence, re.IGNORECASE)]
    if not found:
        return "in"
    # the mention nearest the trigger is the one the event was read at
    at = sentence.find(e.trigger) if e.trigger else -1
    m = min(found, key=lambda m: abs(m.start() - at)) if at >= 0 else found[0]
    if sentence[max(0, m.start() - 1):m.start()].isalpha() or sentence[max(0, m.start() - 1):m.start()] == "-":
        return "region"     # part of another name ('the Yuzhno-Donetsk direction')
    if _NAMES_OTHER.match(sentence[m.end():]) or (_SOURCE_AT_END.search(sentence[:m.start()])
                                                  and not sentence[m.end():].strip(" .'\"’”")):
        return "region"
    beside = _BESIDE.search(sentence[:m.start()])
    if beside is None:
        return "in"
    if at > m.end() and _DESCRIBES_PLACE.fullmatch(sentence[m.end():at]) \
            and not _FRONTED.fullmatch(sentence[:beside.start()]):
        return "in"     # 'close to the city of Kupiansk, occupied by Moscow forces': the capture is of the place
    return "near"


def _word(f: FusedEvent, members: list[Event]) -> str | None:
    """Whose word the event rests on: None when an article tells it in its own voice, else the claimants' bloc."""
    if any(c.claimed_by is None and c.stance == "supports" for c in f.claims):
        return None
    blocs = {_bloc(e.claim.claimed_by) or "neutral" for e in members if e.claim.claimed_by is not None}
    if not blocs:
        return None
    return blocs.pop() if len(blocs) == 1 else "neutral"


def _withdrawer(members: list[Event]) -> str | None:
    """The bloc that withdrew: a claimant speaking of 'our' forces or of 'we', else the initiator's bloc."""
    for e in members:
        speaker = _bloc(e.claim.claimed_by)
        if speaker is not None and _FIRST_PERSON.search(e.evidence.sentence):
            return speaker
    return _bloc(members[0].initiator)


def _change_holder(reading: str, members: list[Event]) -> str | None:
    if reading == "taken":
        return _bloc(members[0].initiator)
    side = _withdrawer(members)
    return OPPOSITE_BLOC[side] if side else None


# Civil authorities, rescuers and officials do not fire: named as a strike's initiator they are the ones who
# report it ('Donetsk OVA showed the consequences of a night missile attack on Kramatorsk'), not its side.
_UNARMED = re.compile(r"\b(?:administration|council|services?|rescuers?|emergency|mayor|governor|health|"
                      r"prosecutors?|police)\b", re.IGNORECASE)


# People who are on the other side's ground by trade: a strike that hits them or a fight with them says nothing
# of who holds the place ('In Melitopol, a Ukrainian saboteur died in a car explosion': Melitopol was Russia's).
_BEHIND_LINES = re.compile(r"\b(?:saboteurs?|sabotage|partisans?|guerrillas?|spy|spies|infiltrators?|"
                           r"prisoners?|POWs?|collaborators?|underground)\b", re.IGNORECASE)


# Fire at an aircraft is not fire at the ground below it: 'transport plane downed in Lugansk' (June 2014, at the
# airport Ukraine held outside the city the separatists held) says nothing of who holds Luhansk.
_AT_AIRCRAFT = re.compile(r"\b(?:down(?:ed|s|ing)?|shot\s+down|shoots?\s+down|shooting\s+down)\b", re.IGNORECASE)


def _armed(p: Party | None) -> bool:
    return p is not None and not _UNARMED.search(f"{p.name} {p.role or ''}")


def _striker(members: list[Event]) -> str | None:
    """The bloc that fired, when the report names an armed party that did and its target, if named, is of the
    other bloc."""
    for e in members:
        side, target = _bloc(e.initiator) if _armed(e.initiator) else None, _bloc(e.target)
        if side is not None and target != side:
            return side
    return None


# 'gains ground in', 'took part of', 'controls 70 percent of', 'pushed into the outskirts of': a share of the place
_PARTIAL = re.compile(r"\b(?:gain(?:s|ed|ing)?\s+ground|(?:part|parts|some|half|much|most|districts?|outskirts|"
                      r"neighbou?rhoods?|quarters?|sections?)\s+of|per\s?cent\s+of|%\s+of)\b", re.IGNORECASE)


def _partial(e: Event) -> bool:
    """Whether a capture report gives only a share of its place: the place is then fought over, not taken.

    Read from the trigger to the end of its clause: 'captured Soledar, killing most of its defenders' took it all.
    """
    sentence = e.evidence.sentence
    at = sentence.find(e.trigger) if e.trigger else -1
    clause = re.split(r"[,;]", sentence[at:])[0] if at >= 0 else sentence
    return any(q.unit == "percent" and q.value < 100 for q in e.quantities) or _PARTIAL.search(clause) is not None


def _between_blocs(members: list[Event]) -> bool:
    """Whether a fight is one of the war's: a party of a bloc named, and no civilians on either end (the
    clashes of police and protesters, an attack on civilians, contest no place)."""
    parties = [p for e in members for p in (e.initiator, e.target) if p is not None]
    return any(_bloc(p) for p in parties) and not any(p.side == "civilians" for p in parties)


FRONT_PRECISIONS: Final = frozenset({"settlement", "district"})
# the event types that fight over, surround, take or leave a place
FRONT_TYPES: Final = names_where(lambda row: row.control is not None)


def front_sign(f: FusedEvent, events: Mapping[str, Event]) -> bool:
    """Whether a fused event reports fighting or a change of holder in or around its settlement (or in the
    direction named after it): a real report of a type that fights over, surrounds, takes or leaves a place.

    Fighting 'in the X region' (an oblast) is too far from the settlement to say anything of it.
    """
    if f.location is None or f.location.precision not in FRONT_PRECISIONS or f.date.start is None:
        return False
    if f.event_type not in FRONT_TYPES:
        return False
    return any(events[e].claim.modality in REAL for e in f.event_ids if e in events)


def read_event(f: FusedEvent, events: Mapping[str, Event]) -> Reading | None:
    """What a fused event at a settlement says about who holds it, or None when it says nothing."""
    members = [events[e] for e in f.event_ids if e in events]
    real = [e for e in members if e.claim.modality in REAL]
    if not real:
        return None
    row = event_type(f.event_type)
    where = relation(real[0])
    if where != "in":
        return None
    word = _word(f, real)
    if row.control in ("taken", "left"):
        if row.control == "taken" and all(_partial(e) for e in real):
            return Reading(f, "fight", None, word, where)     # a share of the place taken: it is fought over
        holder = _change_holder(row.control, real)
        if holder is None:
            return None
        # a capture a source disputes rests on its claimant's word alone
        return Reading(f, "change", holder, word if not f.contested else (word or holder), where)
    if any(_BEHIND_LINES.search(e.evidence.sentence) for e in real):
        return None
    if row.remote_fire:
        if any(_AT_AIRCRAFT.search(e.trigger or "") for e in real):
            return None
        striker = _striker(real)
        return Reading(f, "strike", OPPOSITE_BLOC[striker], word, where) if striker else None
    if row.control in ("fought", "surrounded"):
        if not _between_blocs(real):
            return None
        return Reading(f, "fight", None, word, where)
    return None
