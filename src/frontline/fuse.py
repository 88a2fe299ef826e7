"""Fuse: one event per happening within an article.

An article repeats itself: the headline, the lede and a later quote often report the same capture, and 'peace
talks' come up in five paragraphs. Within one article, two events are one when they have the same type and
place, their dates agree (or one of them carries no date expression of its own, only defaulted to the
publication date while the other is within a week of it), their claimants and initiators are on compatible
sides, and their modalities agree (a headline's undated statement and the lede's plan are one). The first report
keeps its evidence (unless only a later one names the place itself); the others add an explicit date, a
claimant (a person or an office wins over 'Moscow' read as the government), parties and quantities. Fighting
told in the article's own voice and fighting a source reports stay two events (see ``_own_voice_and_source``). Events with no place are merged only for types that are not tied to a place
(talks, sanctions, aid, mobilisation...) and only when one speaker says both: two place-less clashes, or talks
mentioned by two people, are usually two events. A shared count is the exception: 'Moscow said it surrounded
around 2,000 troops in the area' and 'surrounded up to 2,000 in Hirske' are one encirclement, and so are a
tweet's '400 soldiers flee to Russia' and the report's 400 troops crossing at Gukovo, when one place is missing
or contains the other (the oblast of the settlement). A report told with a place and one told without are one
when either adds no fact of its own (no date expression, no new count, no place named in its own sentence): the
headline's 'Russians refuse to fight' and the lede's 'reports of Russian soldiers refusing to return to the front';
a report joins an earlier one of its own place before a place-less one. Fusion across articles is a later stage.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .models import Event, Location, Party, bloc

_PLACELESS_TYPES = frozenset({"negotiation", "sanction", "aid", "mobilization", "desertion", "casualties",
                              "protest", "other"})
# When two reports of one event differ in modality, keep the one that says more about who stands behind it.
_MODALITY_RANK = {"asserted": 0, "hypothetical": 0, "claimed": 1, "planned": 2, "threatened": 2, "denied": 3}


def _compatible_party(a: Party | None, b: Party | None) -> bool:
    """Unknown on either side, or the same side of the war (Russian forces and DNR units count as one)."""
    return a is None or b is None or bloc(a.side) == bloc(b.side)


_RECENT = dt.timedelta(days=7)


def _dates_agree(a: Event, b: Event) -> bool:
    """Same start, or one only defaulted to the publication date and the other is recent news too.

    An undated report is of the days before publication: 'fierce fighting in X' is not the 'fight for X since
    the beginning of the invasion' told beside it.
    """
    if a.date.start == b.date.start:
        return True
    if a.date.text is not None and b.date.text is not None:
        return False
    dated, undated = (a, b) if a.date.text is not None else (b, a)
    if dated.date.start is None or undated.date.start is None:
        return True
    return undated.date.start - dated.date.start <= _RECENT


def _modalities_agree(a: Event, b: Event) -> bool:
    ma, mb = a.claim.modality, b.claim.modality
    # an order reported in the article's voice and the official's words about it are one planned event
    if ma == mb or {ma, mb} <= {"asserted", "claimed"} or {ma, mb} <= {"claimed", "planned"}:
        return True
    # a headline's 'Troops leave the city' tells, undated, the withdrawal the lede says was due last night
    undated = a if a.date.text is None else b
    return {ma, mb} == {"asserted", "planned"} and undated.claim.modality == "asserted" and \
        (a.date.text is None) != (b.date.text is None)


# Fighting and shelling go on for weeks: the article's own account of them and a source's report cover different
# spans. A single incident (a capture, a crossing, an encirclement) told by both is one incident.
_ONGOING = frozenset({"armed_clash", "shelling"})


def _own_voice_and_source(a: Event, b: Event) -> bool:
    """Whether two tellings of ongoing fighting are the article's own statement and a source's claim.

    The journalist's 'Russia has spent a year trying to seize X' and 'Ukraine said fighting continues in X' are two
    events an analyst keeps apart: who says so is part of the event. A headline (the text's first line, with no
    closing full stop) only sums up what the body attributes, so it still merges.
    """
    if a.event_type not in _ONGOING:
        return False
    def own(e: Event) -> bool:
        return e.claim.claimed_by is None and e.claim.modality == "asserted"

    def sourced(e: Event) -> bool:
        return e.claim.claimed_by is not None and e.claim.modality == "claimed"

    headline = any(e.evidence.char_start == 0 and not e.evidence.sentence.rstrip().endswith((".", "!", "?", "”", '"'))
                   for e in (a, b))
    return not headline and (own(a) and sourced(b) or own(b) and sourced(a))


def _shared_count(a: Event, b: Event) -> bool:
    """Whether the two events count the same thing: ten or more of one role (or one unstated) within 5 %."""
    return any((p.role == q.role or p.role is None or q.role is None) and min(p.value, q.value) >= 10 and
               abs(p.value - q.value) <= 0.05 * max(p.value, q.value) for p in a.quantities for q in b.quantities)


def _other_group(a: Event, b: Event) -> bool:
    """Whether the two count different groups of the same people or ground: 'arrived with their two children' and
    'fleeing with her five children' are two families, '70 percent controlled' and '20 percent recovered' two
    facts. Tolls of the dead and wounded are left out: they are updated as a
    story goes on ('at least 12 killed', 'the toll rose to 14')."""
    return any(p.unit == q.unit and p.role is not None and q.role is not None
               and not {p.role, q.role} & {"killed", "injured"}
               and not (p.approximate or q.approximate) and p.value != q.value
               for p in a.quantities for q in b.quantities)


def _places_nest(a: Location | None, b: Location | None) -> bool:
    """One place missing, the same place, or one the oblast the other lies in."""
    if a is None or b is None or a.name == b.name:
        return True
    return a.precision == "admin1" and b.admin1 == a.name or b.precision == "admin1" and a.admin1 == b.name


def same_event(a: Event, b: Event) -> bool:
    """True when two events of one article report the same happening (see the module docstring)."""
    if a.event_type != b.event_type:
        return False
    if _shared_count(a, b) and _places_nest(a.location, b.location) and _dates_agree(a, b) and \
            _compatible_party(a.initiator, b.initiator):
        return True
    la = a.location.name if a.location else None
    lb = b.location.name if b.location else None
    if (la is None) != (lb is None) and (_adds_nothing(a, b) or _adds_nothing(b, a)):
        # 'Russians refuse to fight' in the headline and 'reports of Russian soldiers refusing to return to the
        # front' in the lede: a repeat with no fact of its own, on the same side, at the same time
        return (_dates_agree(a, b) and _modalities_agree(a, b) and not _own_voice_and_source(a, b)
                and _tellers_agree(a.claim.claimed_by, b.claim.claimed_by)
                and _compatible_party(a.initiator, b.initiator) and _compatible_party(a.target, b.target))
    if la != lb or _other_group(a, b):
        return False
    if la is None:
        # without a place, only the same speaker repeating himself is safely the same event
        if a.event_type not in _PLACELESS_TYPES or a.claim.claimed_by is None or \
                a.claim.claimed_by != b.claim.claimed_by:
            return False
    return (_dates_agree(a, b) and _modalities_agree(a, b) and not _own_voice_and_source(a, b)
            and _compatible_party(a.claim.claimed_by, b.claim.claimed_by)
            and _compatible_party(a.initiator, b.initiator))


# A claimant named by a collective ('Moscow' read as the Russian government, 'Ukrainian officials') says less about
# who stands behind a claim than an office ('Russian Defence Ministry') or a person.
_COLLECTIVE = re.compile(r"\b(?:government|authorities|officials|forces|army|military)\b", re.I)


def _tellers_agree(a: Party | None, b: Party | None) -> bool:
    """Whether two claimants can be telling one report: one unknown, the same name, or a collective on the same
    side. Two named people ('a farmer says the shelling goes on', 'his neighbour told them of explosions') give
    two accounts, each of its own."""
    if a is None or b is None or a.name == b.name:
        return True
    return _compatible_party(a, b) and min(_specificity(a), _specificity(b)) == 1


def _specificity(party: Party | None) -> int:
    """0 for no claimant, 1 for a collective, 2 for an office or organisation, 3 for a person with a role."""
    if party is None:
        return 0
    if party.role:
        return 3
    return 1 if _COLLECTIVE.search(party.name) else 2


def _names_place(e: Event) -> bool:
    return e.location is not None and e.location.mention is not None and e.location.mention in e.evidence.sentence


def _adds_nothing(a: Event, b: Event) -> bool:
    """Whether report ``b`` tells nothing ``a`` does not: no date expression, new count or named place of its own.

    A place ``b`` only inherited from the sentences around it is no fact of its own.
    """
    if b.date.text is not None:
        return False
    if any(not any(q.value == p.value for p in a.quantities) for q in b.quantities):
        return False
    return not _names_place(b) or a.location is not None and a.location.name == b.location.name


def _merge(a: Event, b: Event) -> Event:
    quantities = list(a.quantities)
    for q in b.quantities:
        if not any(q.value == p.value and q.unit == p.unit for p in quantities):
            quantities.append(q)
    claim = a.claim
    if _specificity(b.claim.claimed_by) > _specificity(claim.claimed_by):
        claim = replace(claim, claimed_by=b.claim.claimed_by)
    if _MODALITY_RANK[b.claim.modality] > _MODALITY_RANK[claim.modality]:
        claim = replace(claim, modality=b.claim.modality)
    if b.claim.contested:
        claim = replace(claim, contested=True)
    date = a.date if a.date.text is not None or b.date.text is None else b.date
    location = a.location
    # a place a report only inherited from its neighbours is not the place of an event told without one
    if b.location is not None and (location is not None or _names_place(b)) and \
            (location is None or location.precision not in ("settlement", "district")):
        location = b.location if location is None or b.location.precision in ("settlement", "district") else location
    # a report that names the place itself is the better evidence than a headline that only says 'the city'
    evidence, trigger = a.evidence, a.trigger
    if not _names_place(a) and _names_place(b):
        evidence, trigger = b.evidence, b.trigger
    return replace(
        a,
        evidence=evidence,
        trigger=trigger,
        location=location,
        date=date,
        initiator=a.initiator or b.initiator,
        target=a.target or b.target,
        quantities=tuple(quantities),
        claim=claim,
        confidence=round(min(0.99, max(a.confidence, b.confidence) + 0.05), 3),
    )


def fuse_article(events: list[Event]) -> list[Event]:
    """Merge repeated reports of the same event within one article; keeps the text order of first reports."""
    out: list[Event] = []
    for e in events:
        matches = [i for i, kept in enumerate(out) if same_event(kept, e)]
        if not matches:
            out.append(e)
            continue
        # a report of the same place is the better match than one told without a place
        name = e.location.name if e.location else None
        i = next((i for i in matches if (out[i].location.name if out[i].location else None) == name), matches[0])
        out[i] = _merge(out[i], e)
    return out
