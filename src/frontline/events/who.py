"""Who: the initiator and target of an event, and the other side of a fight.

The words name them first (the trigger's subject, object and agent, a noun's modifiers, the subject of a clause
above); then the type reads them (a toll's unit, a disruption's ground, a defender attacked); failing those, a
force or state of the sentence, or the army an article is about, is a guess. Fighting the words give no direction
is read by who held the ground (``parties``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Token

from frontline.events.referents import (
    POSSESSIVES,
    PRONOUNS,
    SPOKEN_FORCE,
    UNIT_NOUNS,
    adjective_side,
    party_for,
    resolve_pronoun,
    subject_party,
)
from frontline.mentions.actors import country_party, state_party
from frontline.mentions.dates import FULL_SCALE_INVASION
from frontline.models import OPPOSITE_BLOC, ActorMention, Party, bloc
from frontline.nlp.syntax import LOCATIVE_PREPOSITIONS, SPEECH_LEMMAS, subject, token_at
from frontline.vocab.event_types import EventType

# Verbs of holding off an attack: their subject was attacked ('Ukrainian forces resisted an assault').
_DEFENSIVE_VERBS = frozenset({"resist", "repel", "repulse", "withstand", "defend", "fend", "thwart"})
# Fighting named without a direction: who attacked whom the words do not say.
_SYMMETRIC_CLASH = frozenset({"fight", "fighting", "battle", "clash", "combat", "hostility", "skirmish"})
# Who withdraws or retreats after an attack was on its receiving end ('Ukraine withdrew after weeks of shelling').
_YIELDING_VERBS = frozenset({"withdraw", "retreat"})
# 'The AFU lost more than 300 people killed': the dead are the subject's own.
_LOSING_VERBS = frozenset({"lose", "suffer"})


def _has_locative(tok: Token) -> bool:
    """Whether a phrase holds a locative modifier ('the village of X in the DPR'), which may name an actor."""
    return any(t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPOSITIONS for t in tok.subtree)


def _speaker_tokens(tok: Token) -> set[int]:
    """Token indices of the subjects of speech verbs above the trigger (the claimant is not the initiator)."""
    out: set[int] = set()
    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_LEMMAS:
            subj = subject(anc)
            if subj is not None:
                out |= {t.i for t in subj.subtree}
    return out


def opponent(party: Party, local: list[ActorMention], published: dt.date | None) -> Party | None:
    """The other side of the fight: an actor of the other bloc named in the sentence, else the usual enemy.

    Before the full-scale invasion (24 February 2022) Ukraine's forces fought the Russian-backed separatists
    of Donetsk and Luhansk; after it, Russia's forces.
    """
    other = OPPOSITE_BLOC.get(bloc(party.side))
    if other is None:
        return None
    for a in local:
        if a.kind in ("force", "government") and bloc(a.party.side) == other:
            return a.party
    if other == "RU" and published is not None and published < FULL_SCALE_INVASION:
        return SPOKEN_FORCE["RU_aligned"]
    return SPOKEN_FORCE[other]


Parties = tuple[Party | None, Party | None]


def parties(doc: Doc, tok: Token, row: EventType, local: list[ActorMention], actors: tuple[ActorMention, ...],
            published: dt.date | None = None, when: dt.date | None = None,
            country: str | None = None) -> tuple[Party | None, Party | None, bool]:
    """Initiator and target of the event a trigger names, and whether they were guessed from the sentence.

    In order: the grammatical subject (pronouns resolved; the subject of a passive attack is its target), the
    passive agent ('by Moscow forces'), a noun trigger's modifier ('Russian strikes'), the subject of the
    clause above the trigger ('Russian soldiers are at the gates of'; 'his unit came under fire' is the
    target). Failing those, the first armed force, government or state named in the sentence that is not the
    speaker. For fighting, the other side of a two-sided war is the other party; fighting the words give no
    direction is read by who held the ground (``_by_ground``). ``local`` holds the actors of the trigger's
    sentence, ``actors`` all of the article's; ``when`` is the event's date (default ``published``),
    ``country`` the country code of its place.
    """
    when = when or published
    subj = subject(tok)
    passive = subj is not None and (subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in tok.children))
    initiator, target = _grammatical_parties(doc, tok, row, subj, passive, local, actors)
    initiator, target = _exchange_parties(doc, tok, row, subj, passive, local, actors, (initiator, target))
    initiator, target = _modifier_parties(doc, tok, row, local, actors, published, (initiator, target))
    indirect = False    # the initiator is the subject of a clause above the trigger, not the trigger's own
    if initiator is None and subj is None:
        initiator, target, indirect = _clause_above(doc, tok, row, local, actors, target)
    # who fights is named by the trigger's own subject or modifier: 'Ukrainian soldiers are still fighting'
    own = initiator is not None and not indirect
    directed = target is not None
    initiator, guessed = _guessed_initiator(doc, tok, row, local, actors, (initiator, target))
    if not directed and _undirected(tok, row) and (not own or _besieged_ground(tok)):
        initiator, target = _by_ground(initiator, local, when, country) or (initiator, target)
    initiator, target = _roles_by_type(doc, tok, row, local, actors, (initiator, target))
    return (*_completed(tok, row, local, published, (initiator, target)), guessed)


def _grammatical_parties(doc: Doc, tok: Token, row: EventType, subj: Token | None, passive: bool,
                         local: list[ActorMention], actors: tuple[ActorMention, ...]) -> Parties:
    """The parties the trigger's own grammar names: its subject, object, passive subject and agent."""
    initiator = subject_party(doc, subj, local, actors) if subj is not None and not passive else None
    target = None
    for child in tok.children:
        if child.dep_ == "dobj":
            target = target or party_for(doc, child, local, head_only=True)
        if child.dep_ == "nsubjpass":       # 'One of the Ukrainians was injured': the victim phrase
            target = target or party_for(doc, child, local, head_only=_has_locative(child))
        if child.dep_ == "agent":
            for g in child.children:
                initiator = initiator or party_for(doc, g, local)
    if target is None and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "with":
        # 'threatened Russia with new sanctions', 'supplied Ukraine with weapons': the verb's object gets them
        obj = next((c for c in tok.head.head.children if c.dep_ == "dobj"), None)
        target = party_for(doc, obj, local, head_only=True)
    if passive and subj is not None and target is None and row.attacked_subject and not _has_locative(subj):
        # 'his unit crossed the border and was fired upon': the subject of a passive attack was attacked
        target = subject_party(doc, subj, local, actors)
    return initiator, target


def _exchange_parties(doc: Doc, tok: Token, row: EventType, subj: Token | None, passive: bool,
                      local: list[ActorMention], actors: tuple[ActorMention, ...], found: Parties) -> Parties:
    """The parties of what passes between states, named through prepositions, states and envoys."""
    initiator, target = found
    if row.target_prepositions and (tok.pos_ == "NOUN" or not row.parties_in_talks):
        initiator, target = _prepositional_parties(doc, tok, row, local, actors, initiator, target)
    if initiator is None and row.target_prepositions and subj is not None and subj.ent_type_ == "GPE" \
            and not passive:
        # 'Germany will send two Patriot systems': a state the actor lexicon does not know gives aid too
        initiator = state_party(subj.text) or Party(f"Government of {subj.text}", "other")
    if initiator is None and row.parties_in_talks:
        initiator, target = _envoy_parties(doc, tok, local, target)
    if target is None and row.parties_in_talks:
        target = _counterpart(doc, tok, local, actors, initiator)
    return initiator, target


def _modifier_parties(doc: Doc, tok: Token, row: EventType, local: list[ActorMention],
                      actors: tuple[ActorMention, ...], published: dt.date | None, found: Parties) -> Parties:
    """The parties a noun trigger's modifiers name ('Russian strikes', 'US sanctions', 'under Russian control')."""
    initiator, target = found
    if initiator is None and (tok.pos_ == "NOUN" or tok.dep_ == "pcomp"):
        # 'during shelling by the Armed Forces of Ukraine': the agent of a noun or a gerund
        initiator = next((p for child in tok.children if child.dep_ == "prep" and child.lower_ == "by"
                          for g in child.children if g.dep_ == "pobj" and (p := party_for(doc, g, local))), None)
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "compound" and (country := country_party(child.text)) is not None:
                # A country before a noun of action acts ('Ukraine gains ground', 'US sanctions'); before aid or
                # sanctions, one of the warring sides receives them ('Ukraine aid', 'Russia sanctions')
                if row.warring_modifier_receives and country.side in ("RU", "UA"):
                    target = target or country
                    continue
                initiator = initiator or country
            if initiator is None and child.dep_ in ("amod", "compound", "poss"):
                initiator = _modifier_party(doc, tok, child, local, actors, published)
    if initiator is None and tok.pos_ == "ADP":
        # a phrase trigger headed by a preposition: 'under Russian control'
        for t in tok.subtree:
            if t.dep_ in ("amod", "compound", "poss") and t.head.head == tok:
                initiator = initiator or adjective_side(t)
    return initiator, target


def _modifier_party(doc: Doc, tok: Token, child: Token, local: list[ActorMention],
                    actors: tuple[ActorMention, ...], published: dt.date | None) -> Party | None:
    """The party one modifier of a noun trigger names: an actor, a nationality, 'their', or 'enemy'."""
    party = party_for(doc, child, local) or adjective_side(child)
    if party is None and child.dep_ == "poss" and child.lower_ in POSSESSIVES:
        party = resolve_pronoun(doc, child, actors)     # 'with their artillery'
    if party is None and child.lower_ == "enemy":
        party = _enemy_of_speaker(doc, tok, local, actors, published)
    return party


def _clause_above(doc: Doc, tok: Token, row: EventType, local: list[ActorMention], actors: tuple[ActorMention, ...],
                  target: Party | None) -> tuple[Party | None, Party | None, bool]:
    """Initiator and target read from the subject of a clause above the trigger, and whether it initiated.

    'Russian soldiers are at the gates of' initiate; 'Ukrainian forces resisted an assault' and 'his unit came
    under fire' were attacked.
    """
    passed: set[str] = set()    # lemmas between the trigger and the subject's verb ('was due to withdraw')
    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_LEMMAS:
            break
        passed.add(anc.lemma_.lower())
        anc_subj = subject(anc)
        if anc_subj is not None and tok in anc_subj.subtree:
            break       # 'Shelling in the DPR killed two': the subject above is the event itself
        if anc_subj is not None and anc_subj.dep_ != "nsubjpass":
            if passed & (_DEFENSIVE_VERBS | _YIELDING_VERBS | _LOSING_VERBS | _DYING_VERBS) or (
                    row.attacked_subject and tok.dep_ == "pobj" and tok.head.lower_ == "under"):
                # 'Ukrainian forces resisted an assault', 'his unit came under fire': the subject was attacked
                return None, target or subject_party(doc, anc_subj, local, actors), False
            return subject_party(doc, anc_subj, local, actors), target, True
    return None, target, False


def _guessed_initiator(doc: Doc, tok: Token, row: EventType, local: list[ActorMention],
                       actors: tuple[ActorMention, ...], found: Parties) -> tuple[Party | None, bool]:
    """The initiator, guessed from the sentence or the article when the words named none; whether it was."""
    initiator, target = found
    guessed = False
    if initiator is None and not row.agent_unguessed:
        initiator = _bystander(doc, tok, row, local, target)
        guessed = initiator is not None
    if row.own_army and (initiator is None or initiator.side == "unknown"):
        # 'Serhii deserted in May', 'the men in his unit had been forcibly mobilised': the army the article is about
        army = _article_army(actors)
        if army is not None:
            initiator = army if initiator is None else replace(initiator, side=army.side)
            guessed = True
    return initiator, guessed


def _bystander(doc: Doc, tok: Token, row: EventType, local: list[ActorMention], target: Party | None) -> Party | None:
    """The first armed force, government or state of the sentence that is not the speaker nor the target."""
    speakers = _speaker_tokens(tok)
    # not a speaker, the target, a name in a time phrase, one that says where ('shelling in the DPR'), nor one on
    # the receiving end of another verb ('200 invaders were destroyed - ... the explosion in Svatovo': the
    # invaders did not cause the explosion; '30 militiamen killed in mortar shelling')
    candidates = [a for a in local if a.kind in ("force", "government", "country")
                  and token_at(doc, a.start).i not in speakers and a.party != target
                  and not _patient_elsewhere(doc, a, tok)
                  and not _in_time_phrase(token_at(doc, a.start))
                  and token_at(doc, a.end - 1).head.lemma_.lower() not in LOCATIVE_PREPOSITIONS]
    if candidates:
        return candidates[0].party
    if row.own_army:
        sides = {p for t in tok.sent if (p := adjective_side(t)) is not None and not _in_time_phrase(t)}
        if len(sides) == 1:
            return sides.pop()
    return None


_DYING_VERBS = frozenset({"die", "perish"})


def _patient_elsewhere(doc: Doc, actor: ActorMention, tok: Token) -> bool:
    """Whether an actor is on the receiving end of another verb: its phrase ('rescuers of the DPR') is the passive
    subject of a verb other than the trigger, the subject of 'died', or is told of by a participle ('30 militiamen
    killed in mortar shelling')."""
    head = token_at(doc, actor.end - 1)
    while head.dep_ in ("compound", "amod", "nummod", "pobj", "prep", "poss") and head.head is not head:
        head = head.head
    if head.i == tok.i:
        return False
    if head.dep_ == "nsubjpass" and head.head.i != tok.i:
        return True
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in _DYING_VERBS:
        return True
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i != tok.i for c in head.children)


def _roles_by_type(doc: Doc, tok: Token, row: EventType, local: list[ActorMention],
                   actors: tuple[ActorMention, ...], found: Parties) -> Parties:
    """The parties as the type reads them: a toll's unit, a disruption's ground, a loser or a defender attacked."""
    initiator, target = found
    if row.toll and target is None:
        target = _unit_among(doc, tok, local, actors)
    if row.target_owns_ground and target is None:
        target = _owner_of_ground(tok)
    if row.toll and tok.lemma_.lower() in ("lose", "loss", "suffer") and target is None:
        initiator, target = None, initiator     # 'the Ukrainian army lost 430 troops': the army is the victim
    if row.defensive_verb_flips and tok.lemma_.lower() in _DEFENSIVE_VERBS:
        initiator, target = target, initiator    # 'Ukrainian troops repelled ...': the subject was attacked
    return initiator, target


def _completed(tok: Token, row: EventType, local: list[ActorMention], published: dt.date | None,
               found: Parties) -> Parties:
    """The parties completed: a fight's other side, nobody acting on himself, civilians moved or protesting."""
    initiator, target = found
    if row.combat:
        if initiator is not None and target is None:
            target = opponent(initiator, local, published)
        if target is not None and initiator is None:
            initiator = opponent(target, local, published)
    if initiator is not None and initiator == target:
        initiator = None    # 'sanctions on Russian banks' are nobody's sanctions on themselves
    if row.civilian_target and target is None:
        target = Party("civilians", "civilians")
    if row.civilian_initiator and (initiator is None or initiator.side == "civilians"
                                   or (initiator.role is None and initiator in _NATIONAL_FORCES)):
        # protesters are people, not an armed force ('Russian women staged protests'); they protest against the
        # authorities of their own nation
        initiator = Party("civilians", "civilians")
        sides = {side.side for t in tok.sent if (side := adjective_side(t)) is not None}
        if target is None and len(sides) == 1:
            nation = sides.pop()
            target = Party(_GOVERNMENT_NAMES.get(nation, f"{nation} government"), nation)
    return initiator, target


# Prepositions of a time phrase: 'since the start of Russia's invasion' names no actor of the event.
_TIME_PREPOSITIONS = frozenset({"since", "during", "until", "till", "throughout", "before", "after"})
_WAR_NOUNS = frozenset({"invasion", "war", "aggression"})
_TIME_NOUNS = frozenset({"start", "beginning", "outbreak", "onset", "eve", "anniversary"})
# Nouns for those who speak for a side in talks: 'Trump's envoys talked to Ukrainian negotiators'.
_ENVOY_NOUNS = frozenset({"envoy", "negotiator", "delegation", "delegate", "emissary", "mediator"})
# Nouns for soldiers a casualty count is taken among ('in his unit of fifty men, ten were killed').
_CASUALTY_GROUPS = UNIT_NOUNS | {"soldier", "serviceman"}
_ARMY_MENTIONS = 3      # an article is about one army when it names it this often, and twice as often as the other


def _article_army(actors: tuple[ActorMention, ...]) -> Party | None:
    """The army an article is about: the side whose armed forces it names at least twice as often as the other's."""
    counts = {side: sum(a.kind == "force" and bloc(a.party.side) == side for a in actors) for side in OPPOSITE_BLOC}
    for side, n in counts.items():
        if n >= _ARMY_MENTIONS and n >= 2 * counts[OPPOSITE_BLOC[side]]:
            return SPOKEN_FORCE[side]
    return None


def _in_time_phrase(tok: Token) -> bool:
    """Whether a word sits in a time phrase ('since Russia's invasion', 'at the start of Russia's invasion').

    The owner of the war itself ('Russia's full-scale invasion') is a date for the events told after it.
    """
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in _WAR_NOUNS:
        return True
    return any(anc.dep_ == "prep" and anc.lower_ in _TIME_PREPOSITIONS
               or anc.dep_ == "pobj" and anc.lemma_.lower() in _TIME_NOUNS for anc in tok.ancestors)


def _undirected(tok: Token, row: EventType) -> bool:
    """Whether the words name fighting without a direction: 'fighting in X', 'a battle for X', 'the besieged city'.

    Fighting 'to retake' a place or fighting someone has one; so has a siege whose besieger is its subject.
    Who fights, when the trigger's own subject names them, keeps the initiative ('Ukrainian soldiers are still
    fighting near X'), unless they fight inside a besieged place (``_besieged_ground``).
    """
    if row.undirected_by == "symmetric_word":
        return tok.lemma_.lower() in _SYMMETRIC_CLASH and not any(
            c.dep_ in ("xcomp", "dobj", "agent") for c in tok.children)
    return row.undirected_by == "adjective" and tok.dep_ == "amod"


_SIEGE_LEMMAS = frozenset({"besiege", "besieged", "encircle", "encircled", "surround", "surrounded", "blockade",
                           "blockaded"})


def _besieged_ground(tok: Token) -> bool:
    """Whether the fighting is inside a besieged place ('fighting in the besieged city'): its fighters defend it."""
    return any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPOSITIONS and any(
        t.dep_ == "amod" and t.lemma_.lower() in _SIEGE_LEMMAS for g in c.children for t in g.subtree)
        for c in tok.children)


def _by_ground(named: Party | None, local: list[ActorMention], when: dt.date | None,
               country: str | None) -> tuple[Party | None, Party | None] | None:
    """Initiator and target of fighting the words give no direction: the attacker did not hold the ground.

    Since the full-scale invasion (24 February 2022) the fighting on Ukrainian soil (or at no named place) is
    Russia's offensive met by Ukraine's forces, and on Russian soil Ukraine's incursion. A side the sentence
    names takes its part in that. Before the invasion (the Donbas war of 2014-2022) the line barely moved and
    the words must say who attacked: None.
    """
    if when is None or when < FULL_SCALE_INVASION or country not in (None, "UA", "RU"):
        return None
    holder = "RU" if country == "RU" else "UA"
    if named is not None and bloc(named.side) in OPPOSITE_BLOC:
        if bloc(named.side) == holder:
            return opponent(named, local, when), named
        return named, opponent(named, local, when)
    return SPOKEN_FORCE[OPPOSITE_BLOC[holder]], SPOKEN_FORCE[holder]


def _envoy_parties(doc: Doc, tok: Token, local: list[ActorMention],
                   target: Party | None) -> tuple[Party | None, Party | None]:
    """Talks read from the envoys the sentence names: 'Trump's envoys spoke to Ukrainian negotiators' -> US, UA.

    The first envoy, negotiator or delegation whose owner or adjective names a side is the initiator, the next
    of another side the target (when none is known yet).
    """
    sides: list[Party] = []
    for t in tok.sent:
        if t.lemma_.lower() not in _ENVOY_NOUNS:
            continue
        party = party_for(doc, t, local) or next(
            (p for c in t.children if c.dep_ in ("amod", "compound", "poss") and (p := adjective_side(c))), None)
        if party is not None and all(p.side != party.side for p in sides):
            sides.append(party)
    if not sides:
        return None, target
    return sides[0], target or (sides[1] if len(sides) > 1 else None)


def _owner_of_ground(tok: Token) -> Party | None:
    """The state whose ground or works a disruption hits: 'Trains no longer run to Ukraine's Kharkiv region'.

    Read from the owner or nationality of the verb's object or prepositional object ('Russian refineries').
    """
    scope = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok
    for t in scope.subtree:
        held = t.head.dep_ in ("dobj", "nsubjpass") and t.head.head == scope or (
            t.head.dep_ == "pobj" and t.head.head.head == scope)
        if held and t.dep_ in ("poss", "amod") and not _in_time_phrase(t):
            party = state_party(t.text.removesuffix("'s").removesuffix("’s")) if t.dep_ == "poss" else None
            party = party or adjective_side(t)
            if party is not None:
                return party
    return None


def _counterpart(doc: Doc, tok: Token, local: list[ActorMention], actors: tuple[ActorMention, ...],
                 initiator: Party | None) -> Party | None:
    """The other party of talks named after 'with' or 'from' on the clause's verb or its object.

    'Russia negotiated with Kyiv', 'the envoy demanded concessions from Kyiv during the talks' -> Kyiv.
    """
    verb = tok if tok.pos_ in ("VERB", "AUX") else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "from")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            party = _prep_object_party(doc, obj, local, actors, not_party=initiator)
            if party is not None and party != initiator:
                return party
    return None


def _unit_among(doc: Doc, tok: Token, local: list[ActorMention], actors: tuple[ActorMention, ...]) -> Party | None:
    """The side of the soldiers a casualty count is taken among: 'in his unit of fifty men, ten were killed'."""
    for t in tok.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "of", "among", "from") and t.head.head == tok \
                and t.lemma_.lower() in _CASUALTY_GROUPS:
            party = subject_party(doc, t, local, actors)
            if party is not None:
                return party
    return None


_GOVERNMENT_NAMES = {"RU": "Russian government", "UA": "Ukrainian government", "US": "US government"}
# The parties a bare nationality adjective stands for (see ``adjective_side``).
_NATIONAL_FORCES = frozenset({Party("Russian forces", "RU"), Party("Ukrainian forces", "UA"),
                              Party("US government", "US")})


def _prepositional_parties(doc: Doc, tok: Token, row: EventType, local: list[ActorMention],
                           actors: tuple[ActorMention, ...], initiator: Party | None,
                           target: Party | None) -> tuple[Party | None, Party | None]:
    """Initiator and target an event noun names through prepositions ('a dialogue with Trump', 'aid for Ukraine').

    'A dialogue between Putin and him': the first is the initiator, the second the target. Parties already
    found are kept.
    """
    # 'imposed sanctions on Russia', 'sent aid to Kharkiv': the verb whose object the noun is carries the party too
    carriers = list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])
    for prep in carriers:
        if prep.dep_ != "prep":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "between" and row.parties_in_talks:
                first = _prep_object_party(doc, obj, local, actors)
                initiator = initiator or first
                partner = next((c for c in obj.children if c.dep_ == "conj"), None)
                if partner is not None:
                    target = target or _prep_object_party(doc, partner, local, actors, not_party=initiator)
            elif prep.lower_ in row.target_prepositions:
                target = target or _prep_object_party(doc, obj, local, actors, not_party=initiator)
    return initiator, target


def _prep_object_party(doc: Doc, obj: Token, local: list[ActorMention], actors: tuple[ActorMention, ...],
                       not_party: Party | None = None) -> Party | None:
    """The actor a prepositional object names: an actor mention, a pronoun, or a country or capital name."""
    if obj.lower_ in PRONOUNS:
        return resolve_pronoun(doc, obj, actors, not_party=not_party)
    # 'with a contingent of Ukrainian troops in Luhansk' names the troops; 'aid for a village in the DPR' not the DPR
    located = {t.i for p in obj.subtree if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPOSITIONS for t in p.subtree}
    party = party_for(doc, obj, [a for a in local if token_at(doc, a.start).i not in located])
    # the actor stage reads a country as an actor only as a subject or object; here it is one too ('aid for Ukraine')
    return party or state_party(obj.text)


def _enemy_of_speaker(doc: Doc, tok: Token, local: list[ActorMention], actors: tuple[ActorMention, ...],
                      published: dt.date | None) -> Party | None:
    """'enemy bombardments', he added: the enemy is the other side of whoever speaks (None if nobody does)."""
    speaker = None
    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_LEMMAS:
            subj = subject(anc)
            if subj is not None:
                speaker = subject_party(doc, subj, local, actors)
            break
    return opponent(speaker, local, published) if speaker is not None else None


def with_civilian_target(initiator: Party | None, target: Party | None,
                          actors: list[ActorMention]) -> tuple[Party | None, Party | None]:
    """Civilians are the target unless the sentence itself names another one; victims never initiate."""
    named = {a.party for a in actors if a.kind != "civilians"}
    if target is None or target not in named or target.side == "civilians":
        target = Party("civilians", "civilians")
    if initiator is not None and initiator.side == "civilians":
        initiator = None
    return initiator, target


def first_person(tok: Token) -> bool:
    """Whether the trigger's subject is the speaker's own side: 'we have recovered', 'our troops are fighting'."""
    subj = subject(tok)
    if subj is None:
        return False
    return subj.lower_ == "we" or any(c.dep_ == "poss" and c.lower_ == "our" for c in subj.children)
