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
a report joins an earlier one of its own place before a place-less one.

Two repeats that share no place name are fused too. A lede's 'seized a village about 15 km to the north' is
located at the place in focus only as near it (``Event.near``); it is the same-type event, by the same side at
an overlapping time, at a settlement named elsewhere in the article that lies that far in that direction (see
``_fits_near``), never the place in focus itself, nor a place near it in another direction. A person's own
account told in several places ('Sergei, who fought in Ukraine earlier this year', 'on the first day his unit was
fired upon', 'his unit advanced with no clear strategy, he says') is one event when no telling names a place finer
than a country, the person tells each (as claimant, or as the one who fought) and one date lies within the other
or one telling has no date expression: the dated telling is kept. Fighting and fire told in one sentence ('attacked
the centre of X from HIMARS, two people were killed', 'repelled attacks near X and destroyed two BMPs') are one
attack of the more telling type when they name no two places (a country and a place in it are one: 'missiles
across Ukraine, hitting Lutsk') or days (``_one_sentence_attack``): the means
before the fighting, but fire in a battle the words name ('clashed with and shelled') is the battle, as ACLED codes
it; the damage an attack did, told in its sentence ('shelled Nikopol, damaging houses'), is that attack too. A
capture told with the fighting that won it or the other side's leaving as its circumstance, both at its place
('regained control of X after clashes with Russian forces', 'captured X after Ukrainian forces withdrew'), is one
change of hands, the capture (``_one_sentence_capture``); 'stormed and captured X' stays a fight and a capture. Fusion across articles is a later stage.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from typing import Final

from frontline.events.tolls import merge_told
from frontline.mentions.quantities import parse_number  # the one reader of number words
from frontline.models import Event, Location, Party, bloc
from frontline.vocab.event_types import event_type

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


def _own_voice_and_source(a: Event, b: Event) -> bool:
    """Whether two tellings of ongoing fighting are the article's own statement and a source's claim.

    The journalist's 'Russia has spent a year trying to seize X' and 'Ukraine said fighting continues in X' are two
    events an analyst keeps apart: who says so is part of the event. A headline (the text's first line, with no
    closing full stop) only sums up what the body attributes, so it still merges.
    """
    # Fighting and shelling go on for weeks: the article's own account of them and a source's report cover
    # different spans. A single incident (a capture, a crossing, an encirclement) told by both is one incident.
    if not event_type(a.event_type).ongoing:
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


_DISTANCE = re.compile(r"([\w.,]+) (km|kilomet\w*|miles?)\b", re.I)
_HEADINGS = {"north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0)}
_HEADING = re.compile(r"\b(north|south|east|west)", re.I)
_KM_PER_DEGREE = 111.2
_KM_PER_MILE = 1.609
# A stated distance is a round figure from an anchor the text may not name (the place in focus is a guess): the
# named place may lie half as far again, plus the 10 km a town and the villages at its edge span.
_DISTANCE_SLACK, _EDGE_KM = 1.5, 10.0
# With no distance to read ('a village a few kilometres away'), the named place is sought as far as a Ukrainian
# hromada, the municipality a village belongs to, reaches from its centre.
_NEAR_KM = 30.0


def _is_near(e: Event) -> bool:
    return e.location is not None and e.near is not None


def _heading(e: Event) -> str | None:
    heading = _HEADING.search(e.near or "")
    return heading.group(1).lower() if heading else None


def _fits_near(near: Event, named: Location) -> bool:
    """Whether ``named`` can be the settlement ``near`` puts 'about 15 km to the north' of the place in focus.

    A flat east/north offset: at a few tens of kilometres the earth's curvature changes nothing, and the heading
    needs the components. The named place must lie on the stated side and within the stated distance with slack.
    """
    focus = near.location
    if focus is None or named.precision != "settlement" or named.name == focus.name:
        return False
    east = (named.lon - focus.lon) * math.cos(math.radians((named.lat + focus.lat) / 2)) * _KM_PER_DEGREE
    north = (named.lat - focus.lat) * _KM_PER_DEGREE
    heading = _heading(near)
    if heading is not None:
        dx, dy = _HEADINGS[heading]
        if east * dx + north * dy <= 0:
            return False
    distance = _DISTANCE.search(near.near or "")
    stated = parse_number(distance.group(1)) if distance else None
    if stated is None or distance is None:
        reach = _NEAR_KM
    else:
        km = stated * _KM_PER_MILE if distance.group(2).lower().startswith("mile") else stated
        reach = _DISTANCE_SLACK * km + _EDGE_KM
    return math.hypot(east, north) <= reach


def _span(e: Event) -> tuple[dt.date, dt.date] | None:
    return None if e.date.start is None else (e.date.start, e.date.end or e.date.start)


def _dates_overlap(a: Event, b: Event) -> bool:
    """The dates agree (see ``_dates_agree``) or the two ranges share a day."""
    sa, sb = _span(a), _span(b)
    return _dates_agree(a, b) or sa is not None and sb is not None and sa[0] <= sb[1] and sb[0] <= sa[1]


def _same_near_place(a: Event, b: Event) -> bool:
    """Whether one event's unnamed place near the focus is the settlement the other names, by the same side."""
    near, named = (a, b) if _is_near(a) else (b, a)
    return (named.location is not None and _names_place(named) and _fits_near(near, named.location)
            and near.initiator is not None and named.initiator is not None
            and bloc(near.initiator.side) == bloc(named.initiator.side)
            and _dates_overlap(a, b) and _modalities_agree(a, b) and not _own_voice_and_source(a, b))


def _within(inner: Event, outer: Event) -> bool:
    """Whether ``inner``'s date range lies inside ``outer``'s."""
    si, so = _span(inner), _span(outer)
    return si is not None and so is not None and so[0] <= si[0] and si[1] <= so[1]


# A person named without a role: capitalised words ('Sergei', 'Oleksiy Babchenko'), none naming an institution or
# an outlet ('Kremlin', 'General Staff', 'Defence Ministry'); an acronym ('BBC') is no such word at all.
_PERSON_NAME = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,3}")
_INSTITUTION = re.compile(r"\b(?:kremlin|pentagon|ministry|office|staff|command|council|administration|service|agency|"
                          r"police|guard|directorate|committee|headquarters|government|army|forces|military|media|"
                          r"news|reuters|interfax)\b", re.I)


def _person(party: Party) -> bool:
    """A named person: claims gives 'the ministry' or 'authorities' a role too (the words that named them)."""
    if _COLLECTIVE.search(party.name) or _INSTITUTION.search(party.name):
        return False
    return party.role is not None or bool(_PERSON_NAME.fullmatch(party.name))


def _told_by_one_person(a: Event, b: Event) -> bool:
    """Whether one person tells both: the same claimant, or the claimant of one is the one who fought in the other.

    An office or a collective ('the Defence Ministry', 'Ukrainian officials') speaks for many and tells many events.
    """
    ca, cb = a.claim.claimed_by, b.claim.claimed_by
    if ca is not None and cb is not None:
        return ca.name == cb.name and _person(ca)
    teller, actor = (ca, b.initiator) if ca is not None else (cb, a.initiator)
    return teller is not None and actor is not None and teller.name == actor.name and _person(teller)


def _same_fight(a: Event, b: Event) -> bool:
    """The same sides in the same roles, or told from either end ('his unit advanced', 'his unit was fired upon')."""
    return (_compatible_party(a.initiator, b.initiator) and _compatible_party(a.target, b.target)
            or _compatible_party(a.initiator, b.target) and _compatible_party(a.target, b.initiator))


def _victims_of_one_attack(a: Event, b: Event) -> bool:
    """One attacker, and one reading's target the civilians the other's struck ('attacked the centre of X from
    HIMARS, two people were killed': the fighting reading takes the enemy's forces as its target, the fire reading
    the people it killed)."""
    return _compatible_party(a.initiator, b.initiator) and (
        a.target is not None and a.target.side == "civilians" or b.target is not None and b.target.side == "civilians")


def _no_finer_place(a: Location | None, b: Location | None) -> bool:
    """No place, or the same country: which war, not where in it."""
    if any(loc is not None and loc.precision != "country" for loc in (a, b)):
        return False
    return a is None or b is None or a.name == b.name


def _one_persons_account(a: Event, b: Event) -> bool:
    """Whether two place-less tellings are one person's account of one event (see the module docstring).

    Two tellings with dates of their own are one only when one range holds the other: 'on the first day' lies in
    'earlier this year', 'on March 3' and 'on March 9' are two events.
    """
    if a.date.text is not None and b.date.text is not None:
        dates = _within(a, b) or _within(b, a)
    elif a.date.text is None and b.date.text is None:
        dates = a.date.start == b.date.start
    else:
        # a telling with no date expression is dated on the day of publication, after what the other tells: one
        # dated before that took its date from somewhere else
        dated, undated = (a, b) if a.date.text is not None else (b, a)
        dates = dated.date.start is None or undated.date.start is None or undated.date.start >= dated.date.start
    return (dates and _no_finer_place(a.location, b.location) and _told_by_one_person(a, b)
            and _modalities_agree(a, b) and _same_fight(a, b) and not _other_group(a, b))


# Fighting and fire told in one sentence ('attacked the centre of X from HIMARS, two people were killed', 'inflicted
# a fire defeat on units near X', 'repelled attacks near X and destroyed two BMPs') is one incident in words of two
# types or two clauses: ACLED codes one event per type, place and day of a report, and the attack is one. The
# attack family is the table's fighting that takes a toll; the means (remote fire: a strike, shelling) is the more
# telling type than the fighting, and of two means the first told leads. Fire in a battle the words name as one
# ('clashed with and shelled Ukrainian forces near X', 'fighting and shelling near X') is that battle: ACLED codes
# shelling during a battle as the battle, so a clash told by a word of fighting leads the fire beside it.
_BATTLE_WORD = re.compile(r"\b(?:clash|fight|fought|battl|skirmish|combat|assault|storm|repel|repuls|"
                          r"counter-?attack|counter-?offensive)", re.I)


def _attack(name: str) -> bool:
    row = event_type(name)
    return row.combat and row.takes_toll


def _one_day(a: Event, b: Event) -> bool:
    """The same day, or one verb of the sentence dated ('shelled ... on Monday') and the other told undated
    ('clashed with and shelled'), only defaulted to a publication day at most a week after it."""
    if a.date.start == b.date.start:
        return True
    if (a.date.text is None) == (b.date.text is None):
        return False
    dated, undated = (a, b) if a.date.text is not None else (b, a)
    if dated.date.start is None or undated.date.start is None:
        return False
    return dated.date.start <= undated.date.start <= dated.date.start + _RECENT


def _told_at(e: Event) -> int:
    """Where in its sentence the event's trigger words stand (the sentence's end when they cannot be found)."""
    m = re.search(rf"\b{re.escape(e.trigger)}\b", e.evidence.sentence) if e.trigger else None
    return m.start() if m else len(e.evidence.sentence)


def _harm_done(attack: Event, harm: Event) -> bool:
    """Whether ``harm`` is what ``attack``, told in the same sentence, did at its place ('shelled Nikopol, damaging
    residential buildings'): no other place, no other day, no other attacker."""
    return (_attack(attack.event_type) and event_type(harm.event_type).attack_harm
            and _places_nest(attack.location, harm.location) and _one_day(attack, harm)
            and _compatible_party(attack.initiator, harm.initiator))


def _one_sentence_attack(a: Event, b: Event) -> bool:
    """Whether two events of the attack family read from one sentence are one attack: they name no two places
    (one has none, or both the same, or a settlement and its oblast), on one day (``_one_day``), by and on the
    same sides. The harm an attack did, told in its sentence, is that attack too (``_harm_done``)."""
    if _is_near(a) or _is_near(b):
        return False
    if (a.evidence.char_start, a.evidence.char_end) == (b.evidence.char_start, b.evidence.char_end) and (
            _harm_done(a, b) or _harm_done(b, a)):
        return True
    if not _attack(a.event_type) or not _attack(b.event_type):
        return False
    if (a.evidence.char_start, a.evidence.char_end) != (b.evidence.char_start, b.evidence.char_end):
        return False
    # a clash has two sides: 'repelled attacks near X and destroyed two BMPs' tells it from either end; fire
    # each way is two events (counter-battery fire answers a barrage)
    fought = not (event_type(a.event_type).remote_fire and event_type(b.event_type).remote_fire)
    sides = _same_fight(a, b) or _victims_of_one_attack(a, b) if fought else (
        _compatible_party(a.initiator, b.initiator) and _compatible_party(a.target, b.target))
    return ((_places_nest(a.location, b.location) or _in_country(a.location, b.location))
            and _one_day(a, b) and _modalities_agree(a, b)
            and _compatible_party(a.claim.claimed_by, b.claim.claimed_by) and sides)


def _in_country(a: Location | None, b: Location | None) -> bool:
    """One place the country the other lies in: 'launched missiles across Ukraine, hitting a building in Lutsk'
    tells one strike where it hit."""
    if a is None or b is None:
        return False
    return a.precision == "country" and b.precision != "country" and b.country_code == a.country_code or \
        b.precision == "country" and a.precision != "country" and a.country_code == b.country_code


def _attack_type(a: Event, b: Event) -> str:
    """The type of one attack told in one sentence as two: of an attack and the harm it did the one told first
    (the report of a strike 'shelled Nikopol, damaging houses'; the caption of its damage 'Destroyed houses in
    Toretsk after the strike'), the means before the fighting, the battle before the fire in it, else the first
    told."""
    ra, rb = event_type(a.event_type), event_type(b.event_type)
    if ra.attack_harm != rb.attack_harm:
        return a.event_type if _told_at(a) <= _told_at(b) else b.event_type
    for fight, fire in ((a, b), (b, a)):
        if event_type(fight.event_type).fighting and event_type(fire.event_type).remote_fire and \
                _BATTLE_WORD.search(fight.trigger):
            return fight.event_type
    return b.event_type if rb.remote_fire and not ra.remote_fire else a.event_type


# A capture told in one sentence with the fighting that won it or the other side's leaving ('regained control of X
# after clashes with Russian forces', 'captured X after Ukrainian forces withdrew') is one change of hands: ACLED
# codes one event, the capture (a battle when fought).
_WON_BY: Final = frozenset({"fought", "left"})


_CIRCUMSTANCE: Final = re.compile(r"\b(?:after|during|following|amid|as)\b(?:\s+[\w'’-]+){0,4}\s+$", re.I)


def _one_sentence_capture(a: Event, b: Event) -> bool:
    """Whether one sentence tells a capture and, as its circumstance after it ('after clashes with', 'during a
    counteroffensive', 'after Ukrainian forces withdrew'), the fighting or withdrawal at its place on its day.
    Verbs told side by side ('stormed and captured X') stay two events, the fight and the capture."""
    if (a.evidence.char_start, a.evidence.char_end) != (b.evidence.char_start, b.evidence.char_end):
        return False
    ca, cb = event_type(a.event_type).control, event_type(b.event_type).control
    if not (ca == "taken" and cb in _WON_BY or cb == "taken" and ca in _WON_BY):
        return False
    capture, other = (a, b) if ca == "taken" else (b, a)
    at = _told_at(other)
    if at <= _told_at(capture) or _CIRCUMSTANCE.search(other.evidence.sentence[:at]) is None:
        return False
    # both placed, at one place: 'Russia invaded Ukraine and captured two villages' is the war and a capture
    return a.location is not None and b.location is not None and _places_nest(a.location, b.location) and \
        _one_day(a, b) and _modalities_agree(a, b)


def same_event(a: Event, b: Event) -> bool:
    """True when two events of one article report the same happening (see the module docstring)."""
    if _one_sentence_attack(a, b) or _one_sentence_capture(a, b):
        return True
    if a.event_type != b.event_type:
        return False
    if a.location is not None and b.location is not None and _is_near(a) != _is_near(b):
        # 'a village about 15 km to the north' is not the place in focus, only maybe a village named near it
        return _same_near_place(a, b)
    if _is_near(a) and _is_near(b) and _heading(a) != _heading(b):
        return False    # a village to the north and a town to the south of one place are two places
    if _one_persons_account(a, b):
        return True
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
        if not event_type(a.event_type).placeless or a.claim.claimed_by is None or \
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
    if _COLLECTIVE.search(party.name):
        return 1
    return 3 if party.role else 2


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
    return not _names_place(b) or a.location is not None and b.location is not None and \
        a.location.name == b.location.name


def _merge(a: Event, b: Event) -> Event:
    if event_type(b.event_type).control == "taken" and event_type(a.event_type).control in _WON_BY:
        a, b = b, a     # the capture leads the fighting or withdrawal told with it (``_one_sentence_capture``)
    if a.event_type != b.event_type and event_type(a.event_type).control == "taken":
        b = replace(b, event_type=a.event_type, initiator=a.initiator, target=a.target)
    elif a.event_type != b.event_type:     # one attack told in one sentence (``_one_sentence_attack``)
        kind = _attack_type(a, b)
        a, b = replace(a, event_type=kind), replace(b, event_type=kind)
    if a.date.text is not None and b.date.text is not None and _within(b, a) and _span(b) != _span(a):
        # 'on the first day his unit was fired upon' is the incident 'fought earlier this year' sums up: it leads
        a, b = b, a
    claim = a.claim
    if _specificity(b.claim.claimed_by) > _specificity(claim.claimed_by):
        claim = replace(claim, claimed_by=b.claim.claimed_by)
    if _MODALITY_RANK[b.claim.modality] > _MODALITY_RANK[claim.modality]:
        claim = replace(claim, modality=b.claim.modality)
    if b.claim.contested:
        claim = replace(claim, contested=True)
    if claim.voice is None and b.claim.voice is not None:
        claim = replace(claim, voice=b.claim.voice)     # the other report's words may tell whose account it is
    date = a.date if a.date.text is not None or b.date.text is None else b.date
    # the event is as old as the date it keeps: the story of 'the first day of the invasion' stays retold however
    # many undated sentences of it there are; undated, it is news when any of its sentences is
    dated_by = a if date is a.date else b
    background = dated_by.background if date.text is not None else a.background and b.background
    location = a.location
    if _is_near(a) and b.location is not None and not _is_near(b):
        location = b.location       # the village the lede put 'about 15 km to the north', named
    # a place a report only inherited from its neighbours is not the place of an event told without one
    elif b.location is not None and (location is not None or _names_place(b)) and \
            (location is None or location.precision not in ("settlement", "district")):
        location = b.location if location is None or b.location.precision in ("settlement", "district") else location
    # a report that names the place itself is the better evidence than a headline that only says 'the city'; a
    # country named says only which war
    evidence, trigger = a.evidence, a.trigger
    if (not _names_place(a) or _is_near(a)) and _names_place(b) and not _is_near(b) and \
            b.location is not None and b.location.precision != "country":
        evidence, trigger = b.evidence, b.trigger
    quantities, more_evidence = merge_told(a, b, evidence)
    return replace(
        a,
        evidence=evidence,
        more_evidence=more_evidence,
        trigger=trigger,
        location=location,
        near=a.near if location is a.location else b.near, background=background,
        date=date,
        initiator=a.initiator or b.initiator,
        target=a.target or b.target,
        quantities=quantities,
        claim=claim,
        confidence=round(min(0.99, max(a.confidence, b.confidence) + 0.05), 3),
    )


def _place_name(e: Event) -> str | None:
    return e.location.name if e.location else None


def fuse_article(events: list[Event]) -> list[Event]:
    """Merge repeated reports of the same event within one article; keeps the text order of first reports."""
    out: list[Event] = []
    for e in events:
        matches = [i for i, kept in enumerate(out) if same_event(kept, e)]
        if not matches:
            out.append(e)
            continue
        # a report of the same place is the better match than one told without a place
        i = next((i for i in matches if _place_name(out[i]) == _place_name(e)), matches[0])
        out[i] = _merge(out[i], e)
    return out
