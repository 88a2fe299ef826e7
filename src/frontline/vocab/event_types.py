"""The event types: one row each, read by every stage and surface that treats types differently.

A row says what a type is (its definition, family, ACLED coding and map colour) and how the stages treat it:
where its place comes from, who its parties are, which counts it carries, how fusion and control read it. No
other module names an event type: the lexicon and trigger rules of ``frontline.triggers`` map words to types,
and everything downstream asks the table (``event_type(name).combat`` ...), so a new type is one row here plus
its trigger words. ``tests/vocab/test_event_types.py`` holds the JSON schema's enum, docs/EVENTS.md and the web
page's legend to this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

Family = Literal["combat", "control", "harm", "people", "politics", "infrastructure", "other"]
# What a type says about who holds its place (frontline.corpus.control, claims): a side took it, left it,
# surrounds it, or fights over it.
ControlReading = Literal["taken", "left", "surrounded", "fought"]

# ACLED's fixed vocabulary, named once so the rows cannot drift into near-miss spellings.
BATTLES, REMOTE, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, STRATEGIC = "Protests", "Strategic developments"
OTHER_DEVELOPMENT: Final = (STRATEGIC, "Other")
CHANGE_OF_ACTIVITY: Final = (STRATEGIC, "Change to group/activity")
DISRUPTED_WEAPONS_USE: Final = (STRATEGIC, "Disrupted weapons use")


@dataclass(frozen=True, slots=True)
class EventType:
    """One event type and how every stage treats it.

    Attributes:
        name: the value of ``event_type`` in the output.
        summary: what it covers, as docs/EVENTS.md says.
        family: the group it belongs to on the page and in the docs.
        acled: the ACLED (event_type, sub_event_type) pair it exports as.
        acled_rule: the name of an export rule that refines ``acled`` from the event's parties or words
            (``frontline.export.acled``), or None when the pair is fixed.
        acled_actor: ACLED's actor category for an unarmed party of this type ('Protesters'), or None.
        colour: its colour on the map, the timeline and the legend.
        exemplars: short sentences of the type, for recall by meaning (``frontline.triggers.similarity``).
        combat: fighting or fire; its place is where the fighting is.
        carries_place: its place carries over to the next paragraph when that names none.
        personal: a soldier's own act: its place is where the story put him, a count without a place a statistic.
        placeless: it need not happen at a place: one claimant's reports of it fuse without one.
        exchange: something passes between states (aid, sanctions, talks): its parties are governments.
        target_prepositions: prepositions after its noun that name the party on the other end ('aid for').
        agent_unguessed: a bystander actor in its sentence is not taken for its agent.
        attacked_subject: its passive subject ('was shelled') is on the receiving end.
        own_army: its initiator is an army acting on its own men.
        civilian_toll: a strike whose dead and wounded, when civilians, make it harm to civilians too.
        quantity_roles: the roles a count of it may have wherever the count stands, or None for any.
        implied_role: the role of a count the parse ties to no verb ('16 localities' of an evacuation).
        carries_casualties: the killed and injured it may count (a sighting counts none).
        ongoing: it goes on for days: reports of it on nearby days are one happening.
        fighting: it reports fighting at its place (an ACLED capture with fighting is a battle).
        control: what it says about who holds its place, or None.
        remote_fire: fire from afar at its place (shells, missiles, drones, aircraft): whoever fires it does not
            hold the place, so it tells who does (``frontline.corpus.control_reading``) without contesting it.
        parties_in_talks: its parties are the two ends of talks: 'between X and Y' names both, envoys speak for
            them, the other end follows 'with' or 'from' on the verb (a verb's own prepositions name no target).
        warring_modifier_receives: a warring country named before its noun receives it ('Ukraine aid').
        toll: it counts losses: a strike or clash of its sentence that ``takes_toll`` holds it, its target is the
            unit the count is taken among, and who 'lost' or 'suffered' the dead is their victim.
        takes_toll: a count of losses in its sentence is its own toll, not an event of its own.
        attack_harm: what an attack did to its place (damage, a power cut): told in a strike's or clash's sentence
            or right after it, at its place, it is that attack's, not an event of its own.
        target_owns_ground: its target is the state whose ground or works it hits ('Russian refineries').
        defensive_verb_flips: told by a defensive verb ('repelled'), its subject is the one attacked.
        undirected_by: what tells it without a direction, so that who held the ground decides who attacked: a
            'symmetric_word' ('fighting', 'battle') with no object, or the type as an 'adjective' ('the besieged
            city'); None when the words always give one.
        civilian_target: its target, when the words name none, is civilians.
        civilian_initiator: civilians do it, against the government of their own nation.
        context_place: a sentence naming no place of its own takes the place the text is about.
    """

    name: str
    summary: str
    family: Family
    acled: tuple[str, str]
    colour: str
    exemplars: tuple[str, ...] = ()
    acled_rule: str | None = None
    acled_actor: str | None = None
    combat: bool = False
    carries_place: bool = False
    personal: bool = False
    placeless: bool = False
    exchange: bool = False
    target_prepositions: tuple[str, ...] = ()
    agent_unguessed: bool = False
    attacked_subject: bool = False
    own_army: bool = False
    civilian_toll: bool = False
    quantity_roles: frozenset[str | None] | None = None
    implied_role: str | None = None
    carries_casualties: bool = True
    ongoing: bool = False
    fighting: bool = False
    control: ControlReading | None = None
    remote_fire: bool = False
    # how the events stage reads its parties and place (frontline.events)
    parties_in_talks: bool = False
    warring_modifier_receives: bool = False
    toll: bool = False
    takes_toll: bool = False
    attack_harm: bool = False
    target_owns_ground: bool = False
    defensive_verb_flips: bool = False
    undirected_by: Literal["symmetric_word", "adjective"] | None = None
    civilian_target: bool = False
    civilian_initiator: bool = False
    context_place: bool = True


_ROWS: Final[tuple[EventType, ...]] = (
    EventType(
        "armed_clash", "fighting, assaults, advances, counter-offensives, troops \"at the gates\"", "combat",
        (BATTLES, "Armed clash"), "#d62728",
        exemplars=("Heavy fighting continues in the city.", "Troops attacked enemy positions near the village.",
                   "The army repelled an assault and advanced several kilometres.",
                   "Soldiers tried to land on the river bank and were pushed back.",
                   "Units are engaged in battles on the front line.",
                   "Marines attempted a landing near the plant at night."),
        combat=True, carries_place=True, attacked_subject=True, ongoing=True, fighting=True, control="fought",
        takes_toll=True, defensive_verb_flips=True, undirected_by="symmetric_word"),
    EventType(
        "shelling", "artillery, mortar, rocket and ground-launched missile fire", "combat",
        (REMOTE, "Shelling/artillery/missile attack"), "#ff7f0e",
        exemplars=("Artillery shelled the town overnight.", "Rockets hit residential districts of the city.",
                   "Mortar and artillery fire struck enemy positions dozens of times.",
                   "Two command posts and an ammunition depot were hit.", "A missile strike hit the railway station."),
        combat=True, carries_place=True, attacked_subject=True, civilian_toll=True, ongoing=True, takes_toll=True,
        remote_fire=True, acled_rule="strike_means"),
    EventType(
        "air_drone_strike", "strikes by aircraft, helicopters, drones, glide bombs", "combat",
        (REMOTE, "Air/drone strike"), "#9467bd",
        exemplars=("Drones attacked the city at night.", "Aircraft bombed enemy positions.",
                   "Aviation struck concentrations of enemy manpower and equipment.", "A glide bomb hit the village."),
        combat=True, carries_place=True, attacked_subject=True, civilian_toll=True, takes_toll=True,
        remote_fire=True, acled_rule="strike_means"),
    EventType(
        "territory_captured", "capture, occupation, entering or taking control of a place, recapture; control "
        "claims (\"now under Russian control\")", "control",
        CHANGE_OF_ACTIVITY, "#8c564b",
        exemplars=("Troops captured the village.", "The town is now under the control of the army.",
                   "Forces liberated several settlements.", "The army took the city after weeks of fighting."),
        acled_rule="territory_change", combat=True, carries_place=True,
        quantity_roles=frozenset({"captured", "controlled", "occupied", None}), control="taken"),
    EventType(
        "territory_withdrawn", "withdrawal, retreat, pulling troops out of a place", "control",
        CHANGE_OF_ACTIVITY, "#c49c94",
        exemplars=("Troops withdrew from the city.", "Forces retreated to new defensive lines.",
                   "The army pulled out of the town."),
        combat=True, carries_place=True, control="left"),
    EventType(
        "encirclement", "surrounding, encircling, siege, cutting supply lines", "control",
        (BATTLES, "Armed clash"), "#e377c2",
        exemplars=("Troops are surrounded in the town.", "The city is encircled and its supply lines are cut.",
                   "The garrison is under siege."),
        combat=True, carries_place=True, attacked_subject=True,
        quantity_roles=frozenset({"surrounded", "encircled", None}), implied_role="surrounded", fighting=True,
        control="surrounded", undirected_by="adjective"),
    EventType(
        "casualties", "casualty figures not tied to one attack (\"ten were killed and ten injured in his unit\")",
        "harm", OTHER_DEVELOPMENT, "#17202a",
        exemplars=("Ten soldiers were killed and twenty wounded.", "The army lost hundreds of servicemen.",
                   "Losses of the army in the war.", "The death toll rose to twelve."),
        placeless=True, agent_unguessed=True, attacked_subject=True, civilian_toll=True,
        quantity_roles=frozenset({"killed", "injured", "dead", "wounded", "died"}), toll=True,
        acled_rule="casualty_cause"),
    EventType(
        "violence_against_civilians", "killings, abuse, abduction of civilians", "harm",
        (VAC, "Attack"), "#b8004c",
        exemplars=("Civilians were executed by soldiers.", "Residents were abducted and tortured.",
                   "Children were deported from the occupied territory."),
        acled_rule="abduction_or_attack", agent_unguessed=True, attacked_subject=True, takes_toll=True),
    EventType(
        "evacuation", "organised evacuation, flight and displacement of civilians, arrivals at reception centres",
        "people", OTHER_DEVELOPMENT, "#17becf",
        exemplars=("Civilians were evacuated from the town.", "Thousands of residents fled the fighting.",
                   "Families arrived at a reception centre."),
        carries_place=True, agent_unguessed=True,
        quantity_roles=frozenset({"evacuated", "arrived", "fled", "displaced", None}), implied_role="evacuated",
        civilian_target=True),
    EventType(
        "desertion", "desertion, going AWOL, refusing to fight, crossing to the other side or abroad to escape "
        "fighting", "people", OTHER_DEVELOPMENT, "#7f7f7f",
        exemplars=("Soldiers deserted their unit.", "Troops refused to fight and crossed the border.",
                   "Servicemen went absent without leave."),
        personal=True, placeless=True, own_army=True,
        quantity_roles=frozenset({"deserted", "fled", "crossed", None}), implied_role="deserted"),
    EventType(
        "surrender", "laying down arms, being taken prisoner", "people", OTHER_DEVELOPMENT, "#bcbd22",
        exemplars=("Soldiers surrendered and laid down their arms.", "Hundreds of troops were taken prisoner."),
        personal=True, own_army=True),
    EventType(
        "prisoner_exchange", "exchanges of prisoners or bodies", "people", (STRATEGIC, "Agreement"), "#2ca02c",
        exemplars=("The two sides exchanged prisoners of war.", "Bodies of fallen soldiers were swapped.")),
    EventType(
        "arrest", "detention by police or security services", "people", (STRATEGIC, "Arrests"), "#1f77b4",
        exemplars=("Police detained a man suspected of sabotage.", "The security service arrested an agent."),
        acled_rule="detention_by_force"),
    EventType(
        "protest", "demonstrations, protests, rallies", "politics", (PROTESTS, "Peaceful protest"), "#aec7e8",
        exemplars=("Thousands rallied in the capital against the war.", "Mothers of soldiers protested."),
        acled_actor="Protesters", placeless=True, civilian_initiator=True),
    EventType(
        "mobilization", "call-ups, conscription drives, mobilisation orders", "people", OTHER_DEVELOPMENT, "#5a6b2e",
        exemplars=("The government announced a new mobilisation.", "Men were called up for military service."),
        placeless=True, own_army=True),
    EventType(
        "negotiation", "talks, peace plans, offers of dialogue, agreements", "politics", (STRATEGIC, "Agreement"),
        "#98df8a",
        exemplars=("The two sides held peace talks.", "The president offered dialogue to end the war.",
                   "Delegations discussed a ceasefire agreement."),
        placeless=True, exchange=True, target_prepositions=("with",), parties_in_talks=True, context_place=False),
    EventType(
        "sanction", "sanctions imposed, extended or threatened", "politics", OTHER_DEVELOPMENT, "#ffbb78",
        exemplars=("New sanctions were imposed on the country.", "The union extended economic sanctions."),
        placeless=True, exchange=True, target_prepositions=("against", "on"), warring_modifier_receives=True,
        context_place=False),
    EventType(
        "aid", "military or humanitarian aid, reconstruction help", "politics", OTHER_DEVELOPMENT, "#9edae5",
        exemplars=("The allies sent weapons and ammunition.", "The country promised humanitarian aid.",
                   "Partners will help rebuild the destroyed cities."),
        placeless=True, exchange=True, target_prepositions=("for", "to"), warring_modifier_receives=True),
    EventType(
        "infrastructure_disruption", "damage to or shutdown of power, rail, water, hospitals, property",
        "infrastructure", OTHER_DEVELOPMENT, "#f0c808",
        exemplars=("The power plant was damaged and the city is without electricity.",
                   "Trains no longer run to the region.", "The bridge was destroyed and is unusable.",
                   "Water supply was cut off."),
        acled_rule="armed_cause", agent_unguessed=True, target_owns_ground=True, attack_harm=True),
    EventType(
        "other", "anything else worth keeping", "other", OTHER_DEVELOPMENT, "#a0a0a0",
        placeless=True, carries_casualties=False),
)

TABLE: Final = MappingProxyType({row.name: row for row in _ROWS})
# In the order of the JSON schema's enum (output.schema.json, ``event_type``).
EVENT_TYPES: Final[tuple[str, ...]] = tuple(TABLE)
# The type of an event nothing more specific fits.
FALLBACK: Final = "other"


def event_type(name: str) -> EventType:
    """The row of ``name``; an unknown name reads as the fallback type ('other'), which claims least."""
    return TABLE.get(name) or TABLE[FALLBACK]


def names_where(test: Callable[[EventType], object]) -> frozenset[str]:
    """The names of the types for which ``test(row)`` is true: ``names_where(lambda t: t.combat)``."""
    return frozenset(row.name for row in _ROWS if test(row))
