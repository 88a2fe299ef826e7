"""Rules of damage shown or told: 'damaged a substation', 'destroyed a tank', 'trains no longer run', and the
caption lines that show ruins, craters, burning machines or troops ('Russian troops seen in X').
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from frontline.nlp.syntax import lemma_set
from frontline.triggers.captions import MEDIA_NOUNS
from frontline.triggers.negation import is_negated
from frontline.triggers.rules.context import RuleContext
from frontline.triggers.rules.registry import rule
from frontline.triggers.rules.words import FORCE_WORDS, INFRASTRUCTURE, MILITARY_OBJECTS, weapon_type

# Buildings and property: damage to them is infrastructure_disruption too (EVENTS.md: 'power, rail, water,
# hospitals, property').
_PROPERTY = frozenset({"apartment", "block", "high-rise", "rise", "residential", "centre", "center", "market", "mall",
                       "supermarket", "hypermarket", "shop", "store", "church", "cathedral", "monastery", "theatre",
                       "theater", "library", "museum", "stadium", "factory", "enterprise", "hotel", "kindergarten",
                       "university", "college", "tower", "refinery", "elevator", "silo", "pier", "office",
                       "administration", "court", "hall", "street", "road", "car", "bus", "train", "farm", "garage",
                       "cafe", "restaurant", "pizzeria", "clinic", "palace", "monument", "memorial", "oil", "fuel",
                       "terminal", "mine", "depot", "warehouse", "boiler", "roof", "window", "yard", "neighbourhood",
                       "neighborhood", "village", "town", "city", "district", "airfield", "base", "site",
                       "property", "structure", "complex", "printing", "shopping", "school", "dwelling", "cottage"})

# Military objects that stand still: hit from afar, not fought over.
_STATIC_TARGETS = frozenset({"depot", "warehouse", "ammunition", "headquarters", "command", "post", "radar", "battery",
                             "emplacement", "dugout", "fuel", "storage"})

# Words for a settlement or a part of one, which a caption names as the where of what it shows
_SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "district", "neighbourhood", "neighborhood"})

# Verbs that say troops were seen: 'Russian troops were spotted in X'.
_SEEN_VERBS = frozenset({"see", "spot", "film", "record", "geolocate", "observe", "photograph"})


@rule("damage", "military_object")
def _rule_damage(ctx: RuleContext) -> str | None:
    """'destroyed a tank', 'damaged a substation': an object of war destroyed is a clash (or the weapon's type),
    infrastructure damaged is infrastructure_disruption; anything else is none."""
    name, near, subj_words, obj_words = ctx.name, ctx.near, ctx.subj_words, ctx.obj_words
    if obj_words & (MILITARY_OBJECTS | FORCE_WORDS) or (name == "damage" and near & {"fire"}):
        # a depot, a warehouse or a command post is hit from afar: ACLED codes such a target destroyed with no
        # means named as shelling; troops and war machines destroyed are a clash
        static = obj_words & _STATIC_TARGETS and not obj_words & (FORCE_WORDS | _WAR_MACHINES)
        return weapon_type(subj_words | near, default="shelling" if static else "armed_clash")
    if name == "damage" and near & INFRASTRUCTURE:
        return "infrastructure_disruption"
    if ctx.caption and (near & _PROPERTY or ctx.has_place):
        return damage_shown(ctx)   # 'Destroyed apartment blocks in central Bakhmut', 'Damage in Orekhov'
    return None


@rule("service")
def _rule_service(ctx: RuleContext) -> str | None:
    """'trains no longer run': a transport service stopped is infrastructure disruption."""
    tok, near = ctx.tok, ctx.near
    return "infrastructure_disruption" if near & {"train", "railway", "bus", "metro"} and is_negated(tok) else None


# A machine's model designation: 'T-80', 'BMP-2', 'Ka-52'
_MODEL_CODE = re.compile(r"[A-Z][A-Za-z]{0,3}-\d+[A-Za-z0-9]*")
# What burns or lies wrecked in a war photo when it is not a building: the objects of a clash.
_WAR_MACHINES = frozenset({"tank", "vehicle", "helicopter", "aircraft", "plane", "jet", "armour", "armor", "apc",
                           "bmp", "btr", "howitzer", "launcher", "boat", "ship", "column", "convoy", "equipment",
                           "truck", "bradley", "leopard", "abrams"})


def _weapon_words(sent: Span) -> set[str]:
    """The sentence's lemmas without the drone a photo was taken from ('seen from a drone', 'drone footage'); a
    model's designation ('T-80', 'BMP-2') stands for the war machine it names."""
    return {w for t in sent
            if not (t.lemma_.lower() in ("drone", "uav") and (t.head.lower_ in ("from", "by") or
                    t.dep_ == "compound" and t.head.lemma_.lower() in MEDIA_NOUNS))
            for w in ({"vehicle"} if _MODEL_CODE.fullmatch(t.text) else lemma_set([t]))}


def damage_shown(ctx: RuleContext) -> str:
    """What a caption's damage reports: the weapon's type when it names one; wrecked or burning war machines
    with no weapon named are a clash; damage to anything else is infrastructure_disruption (EVENTS.md)."""
    words = _weapon_words(ctx.sent) - {"fire", "burn", "blaze"}
    # 'Destroyed tanks in a village of the Izium district': the settlement is where, not what was hit
    if words & _WAR_MACHINES and not words & (INFRASTRUCTURE | _PROPERTY) - _SETTLEMENT_NOUNS:
        return weapon_type(words, default="armed_clash")
    return weapon_type(words, default="infrastructure_disruption")


@rule("wreck")
def _rule_wreck(ctx: RuleContext) -> str | None:
    """'Ruins of Mariinka', 'Aftermath of a strike on X', 'Crater in X', 'Burning helicopters at X airfield',
    'Flooded streets in Oleshky', 'Damaged kindergarten in X': a caption line showing damage (typed by
    ``damage_shown``). Elsewhere these words name no event."""
    return damage_shown(ctx) if ctx.caption else None


@rule("sighting")
def _rule_sighting(ctx: RuleContext) -> str | None:
    """'Russian troops seen in Ocheretyne', 'Column of Russian tanks moving towards Ugledar', 'Russian military
    trucks in Kazachya Lopan': troops or equipment shown in or moving through a place, an event of type 'other'
    (sub-kind 'sighting', see docs/EVENTS.md) when the caption reports nothing else (``find_triggers``)."""
    tok = ctx.tok
    if not ctx.has_place:
        return None
    if ctx.caption:
        return "other"
    # 'Russian troops were seen in Ocheretyne': in prose, only when the sentence says they were seen
    head = tok.head
    return "other" if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _SEEN_VERBS else None
