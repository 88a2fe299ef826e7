"""Tolls: whether an event's dead and wounded are this incident's, a running total, or a side's claim of its
enemy's losses, and which event of a sentence a count belongs to.

ACLED codes an event's fatalities from the victims of that incident alone: a cumulative figure ('since the start
of the war', 'so far', 'in total', 'in three months') or a figure for a whole country is a statement of its own,
and a belligerent's figure for its enemy's dead ('Armed Forces of Ukraine lost 4,000 killed - Russian Defense
Ministry', 'AFU eliminated 140 invaders') is that belligerent's claim. Both stay on the event with their source
sentence (``Quantity.kind``: 'casualty_total' with its ``period``, 'claimed_enemy_losses'), and neither counts as
a fatality (``frontline.vocab.counts.fatalities``). 'N killed and wounded' counts casualties, not dead
(role 'killed_or_injured'). One sentence's count belongs to one event: the first event of the sentence that carries it
keeps it.

Who speaks is read from the claim (its claimant's side) or, when the sentence names none, from the loaded words
each side uses for the other ('invaders', 'occupiers' in Ukrainian reports; 'nationalists', 'neo-Nazis' in
Russian ones). The hand-written word lists below are this project's vocabulary of war reporting; no library
maps them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from frontline.events.candidate import Candidate
from frontline.models import ActorMention, Event, Evidence, Location, Quantity
from frontline.vocab.event_types import event_type
from frontline.vocab.sides import ARMED_SIDES, OPPOSITE_BLOC, bloc

__all__ = ["HARM_ROLES", "classify_tolls", "fold_tolls", "merge_counts", "merge_told"]

HARM_ROLES: Final = frozenset({"killed", "injured", "dead", "wounded"})
# The role of a count of dead and wounded together ("lost 120 killed and wounded"): no fatality.
KILLED_OR_INJURED: Final = "killed_or_injured"

# Cumulative periods: a count over them is a running total, not one incident's toll. A day's report ('in the
# past 24 hours', 'during the day') is a day's incidents and stays one.
_PERIOD: Final = re.compile(
    r"\b(?:since (?:the )?(?:(?:start|beginning|outbreak) of [\w' -]{0,40}?(?:war|conflict|invasion|aggression|"
    r"hostilities|operation|year)|year beginning|beginning of the year|(?:February|Feb\.?) 24|20\d\d|invasion|"
    r"war|conflict)|so far|to date|already|in total|this year|"
    r"a total of|totall?(?:ing|ed)?|overall|altogether|"
    r"(?:in|over|during|for) (?:the )?(?:past |last |first )?(?:\w+ )?(?:weeks|months|years)|"
    r"(?:over|in|during) the (?:course of the )?(?:war|conflict|invasion|full-scale invasion))\b", re.I)
# A count for the whole of a country is a national figure, not one incident's.
_NATIONAL: Final = frozenset({"country"})
# Loaded words: the side that uses them, and the side they name. Lower case, matched as words.
_LOADED: Final = {
    "invaders": ("UA", "RU"), "invader": ("UA", "RU"), "occupiers": ("UA", "RU"), "occupier": ("UA", "RU"),
    "occupants": ("UA", "RU"), "orcs": ("UA", "RU"), "russists": ("UA", "RU"), "racists": ("UA", "RU"),
    "rashists": ("UA", "RU"), "nationalists": ("RU", "UA"), "neo-nazis": ("RU", "UA"), "neonazis": ("RU", "UA"),
}
_LOADED_RX: Final = re.compile(r"\b(" + "|".join(re.escape(w) for w in _LOADED) + r")\b", re.I)
_CIVILIAN_UNITS: Final = frozenset({"civilians", "residents", "inhabitants", "women", "children", "adults", "girls",
                                    "boys", "babies", "infants", "teenagers", "pensioners", "passengers", "workers",
                                    "employees", "volunteers", "journalists", "doctors", "medics", "rescuers",
                                    "firefighters", "shoppers", "patients", "families"})
_KILLED_AND_WOUNDED: Final = re.compile(
    r"^\W*(?:[\w-]+\W+){0,4}?(?:killed|dead) (?:and|or) (?:wounded|injured)|^\W*(?:[\w-]+\W+){0,2}?casualties\b",
    re.I)


def classify_tolls(candidates: list[Candidate], actors: list[ActorMention]) -> list[Candidate]:
    """The candidates with each count of dead and wounded marked for what it counts (see the module docstring).

    Args:
        candidates: the article's events, with their claims (``frontline.events.claims.attribute``).
        actors: the article's actor mentions (the forces a sentence names tell whose losses it counts).
    """
    out: list[Candidate] = []
    carried: set[tuple[int, str, float, str]] = set()    # (sentence start, count text, value, role) on an event
    for cand in candidates:
        event = cand.event
        quantities = []
        for q in event.quantities:
            if q.role in HARM_ROLES:
                key = (event.evidence.char_start, q.text, q.value, q.role)
                if key in carried:
                    continue        # one sentence's number counts on one event
                carried.add(key)
                q = _classified(event, _part_of(event, _bound_role(event.evidence.sentence, q)), actors)
            quantities.append(q)
        out.append(replace(cand, event=replace(event, quantities=tuple(quantities)))
                   if tuple(quantities) != event.quantities else cand)
    return fold_tolls(out, actors)


def merge_counts(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """The counts of two tellings of one event: ``a``'s, plus ``b``'s that say something new.

    Dead and wounded are counted once: a second telling's count of the same role and kind ('Two killed in
    Kherson shelling', then 'Two civilians were killed') restates or updates the first, so the larger stands;
    a count of more of them ('21 civilians were killed', then 'one more woman died in hospital') adds to it.
    """
    out = list(a)
    for q in b:
        if q.role in HARM_ROLES and not _more(q):
            i = next((i for i, p in enumerate(out) if p.role == q.role and p.kind == q.kind), None)
            if i is not None:
                out[i] = max(out[i], q, key=lambda c: c.value)
                continue
        if not any(q.value == p.value and q.unit == p.unit for p in out):
            out.append(q)
    return tuple(out)


def merge_told(a: Event, b: Event, evidence: Evidence,
               counts: tuple[Quantity, ...] | None = None) -> tuple[tuple[Quantity, ...], tuple[Evidence, ...]]:
    """The counts and the further sentences of one event told by ``a`` and ``b``, ``evidence`` its main sentence.

    Every count keeps the sentence it was read from (``Quantity.evidence``, left None when that is ``evidence``),
    and every sentence that told the event but is not ``evidence`` is in the second value, in text order, once.

    Args:
        counts: ``b``'s counts that join ``a``'s (default all of them; a toll gives only its dead and wounded).
    """
    merged = merge_counts(_sourced(a.quantities, a.evidence), _sourced(b.quantities if counts is None else counts,
                                                                       b.evidence))
    quantities = tuple(replace(q, evidence=None) if q.evidence == evidence else q for q in merged)
    told = {(e.char_start, e.char_end): e for e in (a.evidence, *a.more_evidence, b.evidence, *b.more_evidence)}
    told.pop((evidence.char_start, evidence.char_end), None)
    return quantities, tuple(told[k] for k in sorted(told))


def _sourced(quantities: tuple[Quantity, ...], evidence: Evidence) -> tuple[Quantity, ...]:
    return tuple(q if q.evidence is not None else replace(q, evidence=evidence) for q in quantities)


# A toll told in its own sentence belongs to the attack told at most this many sentences before it (before the last
# sentence that told more of the attack: its damage, 'Casualties unknown').
TOLL_REACH: Final = 2


def fold_tolls(candidates: list[Candidate], actors: list[ActorMention] | None = None) -> list[Candidate]:
    """A casualties event whose sentence follows a strike or clash of the same place and day is that attack's toll:
    its counts join the attack's, its sentence no event of its own ('Russian forces shelled X on 5 June. Two
    civilians were killed.' is one shelling that killed two). ACLED's rule of thumb: one event per type, place
    and day per report. So is a side's claim of its enemy's losses told right after the clash it counts ('Russian
    forces clashed with Ukrainian forces near X. According to Russian sources, up to 90 Ukrainian servicemen were
    killed.'): the count joins the clash as the claim it is (``Quantity.kind``, its sentence kept), never a
    fatality. A running total stays its own statement, and so does a claim told with no attack before it; two
    attacks stay two. The damage an attack did, told right after it at its place (``EventType.attack_harm``:
    'Russian forces shelled X. Residential buildings were damaged.'), is that attack's too. A toll that counts no
    one ('Russian forces captured X. Casualties unknown.') is no event: it joins whatever event it follows.
    """
    out: list[Candidate] = []
    for cand in candidates:
        row = event_type(cand.event.event_type)
        i = _attack_before(out, cand) if (row.toll and not _statement(cand.event)) or row.attack_harm else None
        if i is None and row.toll:
            i = _attack_counting(out, cand)
        if i is None and row.toll and _counts_nobody(cand.event):
            i = _attack_before(out, cand, any_type=True)
        if i is None and row.toll and _regional_day(cand.event, named_oblast=True) is not None:
            i = _attack_before(out, cand, any_day=True)
        told = i is None and cand.told_back and not _counts_nobody(cand.event)
        if told:
            i = _attack_named(out, cand)
        if i is None:
            out.append(cand)
            continue
        attack = out[i].event
        harm = tuple(_as_told_after(attack, cand.event, q, actors or []) for q in cand.event.quantities
                     if q.role in HARM_ROLES or q.role == KILLED_OR_INJURED) if row.toll or told else None
        quantities, more = merge_told(attack, cand.event, attack.evidence, harm)
        out[i] = replace(out[i], event=replace(attack, quantities=quantities, more_evidence=more,
                                               location=attack.location or cand.event.location),
                         told_until=max(out[i].told_until, cand.sentence))
    return out


# A day's count over a whole oblast ('21 died during the last 24 hours in the whole region', '28 soldiers were
# killed during the day in the Donetsk region'): the region's tally of that day, not the toll of the attack on
# one town told before it.
_DAY: Final = re.compile(r"\b(?:(?:during|in|over|for) the (?:past |last )?(?:day|24 hours)|(?:in|over|during) the "
                         r"(?:past|last) (?:day|24 hours)|(?:in|per) (?:a|one) day)\b", re.I)
_WHOLE_REGION: Final = re.compile(r"\b(?:(?:the )?whole|entire|across the|throughout the|all over the) (?:region|oblast)\b",
                                  re.I)
_FIGHTER_UNITS: Final = frozenset({"soldiers", "servicemen", "troops", "fighters", "militants", "personnel",
                                   "paratroopers", "marines", "mercenaries", "militiamen"})


def _as_told_after(attack: Event, toll: Event, q: Quantity, actors: list[ActorMention]) -> Quantity:
    """A count of the toll's sentence as it reads after the attack it follows.

    - A side's figure of soldiers killed, told after that side's own attack and naming no side for them ('Russian
      forces shelled Ukrainian positions near X. Russia claims that more than 80 soldiers were killed'), counts
      the enemy's dead: the side's claim of its enemy's losses, never a fatality.
    - A day's count for a whole oblast, after an attack on one town of it, is the region's tally of that day: a
      running total over the day (``Quantity.period``), not the town's toll.
    """
    if q.kind != "incident" or q.role not in HARM_ROLES:
        return q
    speaker = _speaker(toll)
    if speaker is not None and attack.initiator is not None and attack.initiator.side in ARMED_SIDES and \
            bloc(attack.initiator.side) == speaker and q.unit in _FIGHTER_UNITS and \
            _victims(toll, q, actors) is None and not _SIDED.search(q.text or ""):
        return replace(q, kind="claimed_enemy_losses")
    day = _regional_day(toll, named_oblast=True)
    if day is not None and attack.location is not None and attack.location.precision == "settlement":
        return replace(q, kind="casualty_total", period=day)
    return q


def _regional_day(toll: Event, *, named_oblast: bool) -> str | None:
    """The day phrase of a toll counted over a day for a whole oblast ('during the day in the whole region'; with
    ``named_oblast``, also 'during the day in the Donetsk region'), None for any other toll."""
    sentence = toll.evidence.sentence
    day = _DAY.search(sentence)
    if day is None:
        return None
    loc = toll.location
    regional = _WHOLE_REGION.search(sentence) is not None or named_oblast and (
        loc is not None and loc.precision == "admin1" and loc.mention is not None and loc.mention in sentence)
    return day.group(0) if regional else None


# A side named in the counted phrase by a word no actor mention holds: a nation's adjective ('80 Russian
# soldiers'), or the speaker's own or the other's ('our soldiers', 'enemy soldiers').
_SIDED: Final = re.compile(r"\b(?:Russian|Ukrainian|our|enemy)\b", re.I)


def _killed(event: Event) -> set[float]:
    return {q.value for q in event.quantities if q.role == "killed" and q.kind == "incident"}


def _attack_counting(kept: list[Candidate], toll: Candidate) -> int | None:
    """An earlier strike or clash of the article that counts the same dead ('Rebels shoot down airliner, 295
    dead', then '... downed in war zone, 295 dead'): the toll told again, at a place that agrees."""
    dead = _killed(toll.event)
    if not dead:
        return None
    return next((i for i, c in enumerate(kept) if event_type(c.event.event_type).takes_toll
                 and dead <= _killed(c.event) and _agree(c.event, toll)), None)


def _statement(event: Event) -> bool:
    """A toll that is only running totals or claims, and a total at least (a claim over a period, 'since the start
    of the war', or for a whole country): a statement of its own, not an attack's toll."""
    harm = [q for q in event.quantities if q.role in HARM_ROLES]
    if not harm or any(q.kind == "incident" for q in harm):
        return False
    return any(q.kind == "casualty_total" for q in harm) or _PERIOD.search(event.evidence.sentence) is not None \
        or _national(event)


def _counts_nobody(event: Event) -> bool:
    """A toll that counts no one ('Casualties unknown.', 'No casualties were reported.')."""
    return not any(q.role in HARM_ROLES or q.role == KILLED_OR_INJURED for q in event.quantities)


def _attack_before(kept: list[Candidate], toll: Candidate, *, any_type: bool = False,
                   any_day: bool = False, kind: str | None = None) -> int | None:
    """The index of the strike or clash the toll follows closely, at a place and on a day that agree with it;
    with ``any_type``, of any event so told (a toll that counts no one after a capture says only that nothing is
    known of its dead); with ``any_day``, on any day (a toll that names the attack, 'injured in the strike',
    dates a death, not the attack); with ``kind``, of that type only."""
    for i in range(len(kept) - 1, -1, -1):
        c = kept[i]
        if c.sentence >= toll.sentence or kind is not None and c.event.event_type != kind:
            continue
        if toll.sentence - c.last_told > TOLL_REACH or c.paragraph != toll.paragraph:
            return None
        if any_type or event_type(c.event.event_type).takes_toll:
            return i if _agree(c.event, toll, any_day) else None
    return None


def _attack_named(kept: list[Candidate], toll: Candidate) -> int | None:
    """The attack a definite noun of the toll's sentence names ('injured in the shelling'): the last one told
    closely before of the noun's type, else the last strike or clash so told, on any day (the day the sentence
    gives may be a death's, not the attack's)."""
    named = _attack_before(kept, toll, any_day=True, kind=toll.event.event_type)
    return named if named is not None else _attack_before(kept, toll, any_day=True)


def _agree(attack: Event, cand: Candidate, any_day: bool = False) -> bool:
    """Place and day agree: the toll's sentence names no place (its place came from the text around), or the
    same, or the oblast the attack's place lies in, or the attack's place among others ('were killed near A, B
    and C')."""
    toll = cand.event
    a, t = attack.location, toll.location
    place = cand.inherited or t is None or a is None or t.name == a.name or (
        t.precision == "admin1" and t.name == a.admin1) or _names(toll.evidence.sentence, a) or \
        _oblast_told(toll, a)
    day = any_day or toll.date.text is None or attack.date.text is None or toll.date.start == attack.date.start
    return place and day


# A place name read as its oblast's: 'the Kherson regional military administration', 'Kharkiv oblast'.
_OBLAST_WORD: Final = re.compile(r"\s*(?:region(?:al)?|oblast|province)\b", re.I)


def _oblast_told(toll: Event, attack: Location) -> bool:
    """Whether the toll's place is the oblast the attack's place lies in, named by its centre's name ('shelled
    Beryslav, Kherson. According to the head of the Kherson regional military administration, 1 civilian was
    killed': the regional office tells the toll of Beryslav, not of the city of Kherson)."""
    t = toll.location
    if t is None or not t.mention or attack.admin1 is None or t.name.casefold() != attack.admin1.casefold():
        return False
    sentence = toll.evidence.sentence
    at = sentence.find(t.mention)
    return at >= 0 and _OBLAST_WORD.match(sentence, at + len(t.mention)) is not None


def _names(sentence: str, place: Location) -> bool:
    """Whether the sentence names the place, as its text wrote it or by its name."""
    return any(re.search(rf"\b{re.escape(name)}\b", sentence) for name in {place.mention, place.name} if name)


def _bound_role(sentence: str, q: Quantity) -> Quantity:
    """'lost 120 soldiers killed and wounded': the number counts dead and wounded together."""
    at = sentence.find(q.text) if q.text else -1
    if at >= 0 and _KILLED_AND_WOUNDED.search(sentence[at + len(q.text):]):
        return replace(q, role=KILLED_OR_INJURED)
    return q


# A count told as part of the count before it: '23 civilians, including 6 children, were killed', 'five people
# were injured, among them two children'. The part is no victim more.
_PART_CUE: Final = re.compile(r"\b(?:including|among them|among whom|of whom|of them|among those)\W*$", re.I)


# 'one more woman died', 'another soldier was wounded', '2 more civilians': a count of victims beyond those
# already counted.
_MORE: Final = re.compile(r"\b(?:more|another|additional|further)\b", re.I)


def _more(q: Quantity) -> bool:
    return bool(q.text) and _MORE.search(q.text) is not None


def _part_of(event: Event, q: Quantity) -> Quantity:
    """The count with role 'among_<role>' when its sentence tells it as part of another count of the same role:
    after it, with a cue ('23 civilians, including 6 children, were killed'), or anywhere when it counts the
    ones more that make the other ('The death toll rose to 22 after one more woman died'). It is counted in
    that one already."""
    sentence = event.evidence.sentence
    at = sentence.find(q.text) if q.text else -1
    if at < 0:
        return q
    others = [sentence.find(p.text) for p in event.quantities if p is not q and p.role == q.role and p.text]
    if _more(q) and any(o >= 0 for o in others):
        return replace(q, role=f"among_{q.role}")
    if _PART_CUE.search(sentence[:at]) is None:
        return q
    return replace(q, role=f"among_{q.role}") if any(0 <= o < at for o in others) else q


def _classified(event: Event, q: Quantity, actors: list[ActorMention]) -> Quantity:
    sentence = event.evidence.sentence
    if _enemy_losses(event, q, actors):
        return replace(q, kind="claimed_enemy_losses")
    period = _PERIOD.search(sentence)
    if period is not None:
        return replace(q, kind="casualty_total", period=period.group(0))
    day = _regional_day(event, named_oblast=False)
    if day is not None:
        return replace(q, kind="casualty_total", period=day)    # the whole region's day: a tally
    if _national(event):
        return replace(q, kind="casualty_total")
    return q


_PART_OF: Final = re.compile(r"\b(?:eastern|east|e\.|southern|south|s\.|northern|north|western|west|central)\s+$",
                             re.I)


def _national(event: Event) -> bool:
    """The count is for the whole country its sentence names ('418 children were killed in Ukraine'), not for a
    part of it ('in eastern Ukraine') nor at a country the place-finder fell back on from the text around."""
    loc = event.location
    if loc is None or loc.precision not in _NATIONAL or not loc.mention:
        return False
    sentence = event.evidence.sentence
    at = sentence.find(loc.mention)
    return at >= 0 and _PART_OF.search(sentence[:at]) is None


def _speaker(event: Event) -> str | None:
    """The side of the war whose word the sentence is: its claimant's, else the side its loaded words betray."""
    claimant = event.claim.claimed_by
    if claimant is not None and claimant.side in ARMED_SIDES:
        return bloc(claimant.side)
    sides = {_LOADED[m.group(1).lower()][0] for m in _LOADED_RX.finditer(event.evidence.sentence)}
    return sides.pop() if len(sides) == 1 else None


def _victims(event: Event, q: Quantity, actors: list[ActorMention]) -> str | None:
    """The side whose people the count counts, when it counts fighters: named by a loaded word in the count, by
    the event's target, or by the only side whose forces the sentence names besides the speaker."""
    if q.unit in _CIVILIAN_UNITS:
        return None
    words = _LOADED_RX.search(f"{q.text} {q.unit}")
    if words is not None:
        return _LOADED[words.group(1).lower()][1]
    own = _named_with(event, q, actors)
    if own is not None:
        return own
    if event.target is not None and event.target.side in ARMED_SIDES:
        return bloc(event.target.side)
    claimant = event.claim.claimed_by
    start, end = event.evidence.char_start, event.evidence.char_end
    forces = {bloc(a.party.side) for a in actors
              if start <= a.start and a.end <= end and a.kind == "force" and a.party.side in ARMED_SIDES
              and (claimant is None or a.party.name != claimant.name)}
    return forces.pop() if len(forces) == 1 else None


_OF: Final = re.compile(r"\s*(?:of|from) (?:the )?$|\s*$")


def _named_with(event: Event, q: Quantity, actors: list[ActorMention]) -> str | None:
    """The side of the force named in the counted phrase itself: 'Five DPR servicemen', '60 servicemen of the
    Armed Forces of Ukraine'."""
    at = event.evidence.sentence.find(q.text) if q.text else -1
    if at < 0:
        return None
    start = event.evidence.char_start + at
    end = start + len(q.text)
    for a in actors:
        if a.kind != "force" or a.party.side not in ARMED_SIDES:
            continue
        inside = start <= a.start and a.end <= end
        gap = event.evidence.sentence[end - event.evidence.char_start:a.start - event.evidence.char_start]
        if inside or (end <= a.start and _OF.fullmatch(gap)):
            return bloc(a.party.side)
    return None


def _enemy_losses(event: Event, q: Quantity, actors: list[ActorMention]) -> bool:
    speaker = _speaker(event)
    return speaker is not None and _victims(event, q, actors) == OPPOSITE_BLOC.get(speaker)
