"""Rules of fire and strikes: 'a drone strike on Odesa', 'shells hit a market', 'artillery fire on Nikopol',
'intercepted 20 drones', 'blew up a bridge', 'explosions in Melitopol'.
"""

from __future__ import annotations

from frontline.nlp.syntax import lemma_set, subject
from frontline.triggers.rules.context import RuleContext
from frontline.triggers.rules.damage import damage_shown
from frontline.triggers.rules.registry import rule
from frontline.triggers.rules.words import (
    CIVIL_WORDS,
    FORCE_WORDS,
    GROUND_MISSILES,
    INFRASTRUCTURE,
    MILITARY_OBJECTS,
    TERRITORY_WORDS,
    WEAPON_WORDS,
    weapon_type,
)

_ATTACK_WORDS = WEAPON_WORDS | {"hit", "explosion", "strike", "shelling", "enemy", "damage", "destroy", "injure",
                                 "wound", "kill", "occupier", "invader", "attack", "siren"}

# What is 'hit' in economics and sport, and who is 'fired' from a post: no weapon ever meets these.
_NOT_TARGETS = frozenset({"record", "high", "low", "peak", "level", "milestone", "mark", "snag", "headline", "jackpot",
                          "market", "shelf", "price", "inflation", "export", "import", "sale", "rating", "poll",
                          "stock", "currency", "hryvnia", "ruble", "rouble", "growth", "economy", "wall", "note",
                          "sanction", "tariff", "embargo", "restriction"})

_OFFICE_WORDS = frozenset({"minister", "official", "chief", "director", "coach", "manager", "employee", "worker",
                           "staff", "adviser", "advisor", "governor", "prosecutor", "deputy", "ceo", "secretary",
                           "head", "mayor", "ambassador", "editor", "executive", "president"})


@rule("strike")
def _rule_strike(ctx: RuleContext) -> str | None:
    """'a drone strike on Odesa', 'missiles struck the city': a strike by air unless artillery or a ground-
    launched missile is named (shelling); the verb with no weapon, force, target or place ('workers struck') is
    none."""
    tok, has_place, near = ctx.tok, ctx.has_place, ctx.near
    if tok.pos_ == "VERB" and not (near & {"missile", "drone", "air", "rocket", "bomb", "target", "russian",
                                           "ukrainian", "force", "troop", "city", "town"}) and not has_place:
        return None
    if near & {"air", "airstrike", "drone", "aircraft", "jet", "aviation", "bomb", "helicopter", "uav"}:
        return "air_drone_strike"
    if near & ({"artillery", "shell", "mortar", "grad", "himars", "mlrs", "missile", "rocket"} | GROUND_MISSILES):
        return "shelling"       # EVENTS.md: rocket and ground-launched missile fire is shelling
    return "air_drone_strike"


@rule("weapon")
def _rule_weapon(ctx: RuleContext) -> str | None:
    """'artillery', 'missile', 'drones' name an attack only when they act or are used on something."""
    tok, rule, sent_lemmas = ctx.tok, ctx.rule, ctx.sent_lemmas
    if tok.dep_ in ("nsubj", "pobj", "dobj", "compound", "nmod", "conj") and (
            sent_lemmas & {"hit", "strike", "fire", "attack", "shell", "launch", "target", "kill", "injure",
                           "destroy", "damage", "shoot"} or {"work", "against"} <= sent_lemmas):
        # 'artillery worked against the enemy 250 times': military reports' wording for fire missions
        return rule.event_type
    return None


@rule("shell")
def _rule_shell(ctx: RuleContext) -> str | None:
    """'shelled the town' is shelling; the noun is the projectile, an attack only when it acts or is used as a
    weapon is ('a Russian shell killed a woman', 'a shell hit their house')."""
    return "shelling" if ctx.tok.pos_ == "VERB" else _rule_weapon(ctx)


@rule("inflict")
def _rule_inflict(ctx: RuleContext) -> str | None:
    """'inflicted heavy losses', 'dealt a blow': a clash (or the weapon's type) when damage or losses are
    inflicted."""
    near = ctx.near
    return weapon_type(near, default="armed_clash") if near & {"damage", "loss", "defeat", "casualty",
                                                                "blow", "strike"} else None


@rule("fire")
def _rule_fire(ctx: RuleContext) -> str | None:
    """'opened fire' is a clash, 'artillery fire on Nikopol' shelling; a noun with no weapon or fire verb, and
    dismissing someone from a post, are none."""
    tok, near, subj_words, obj_words = ctx.tok, ctx.near, ctx.subj_words, ctx.obj_words
    if tok.pos_ == "VERB" and (obj_words | (subj_words if "auxpass" in {c.dep_ for c in tok.children} else set())) \
            & _OFFICE_WORDS:
        return None     # 'fired the defence minister', 'the coach was fired': dismissed
    if tok.pos_ in ("NOUN", "PROPN") and ctx.caption and not near & {"open", "come", "under", "return"}:
        return damage_shown(ctx)   # 'Fire at an ammunition depot in Yasinovataya'
    if tok.pos_ == "NOUN" and not (near & {"open", "artillery", "mortar", "rocket", "come", "under", "return"}):
        return None
    if near & {"open"}:
        return "armed_clash"
    target = subject(tok) if tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) else None
    # 'the unit was fired upon': troops under fire with no weapon named are in a firefight
    default = "armed_clash" if target is not None and target.lemma_.lower() in FORCE_WORDS else "shelling"
    return weapon_type(near - {"fire"}, default=default)


@rule("hit")
def _rule_hit(ctx: RuleContext) -> str | None:
    """'shells hit a market', 'pounded the town': a strike typed by its weapon when a target, a place or a
    weapon is named; 'exports hit a record' is none."""
    has_place, near, subj_words, obj_words = ctx.has_place, ctx.near, ctx.subj_words, ctx.obj_words
    if (obj_words | subj_words) & _NOT_TARGETS and not subj_words & WEAPON_WORDS:
        return None     # 'exports hit a record', 'inflation hit its peak'; but 'shells hit a market'
    if not (obj_words & (MILITARY_OBJECTS | INFRASTRUCTURE | TERRITORY_WORDS) or has_place
            or subj_words & (FORCE_WORDS | {"missile", "drone", "rocket", "artillery", "shell"})):
        return None
    return weapon_type(subj_words | near, default="shelling")


@rule("arrival")
def _rule_arrival(ctx: RuleContext) -> str | None:
    """'there were arrivals in Kramatorsk' (the Ukrainian 'prilet', a hit); 'the arrival of the delegation',
    'tourist arrivals' are people arriving"""
    tok, sent_lemmas = ctx.tok, ctx.sent_lemmas
    # 'tourist arrivals', 'Refugees' arrival'; but 'HIMARS arrival at the HQ' names the weapon that arrived
    if any(c.dep_ in ("poss", "compound", "amod") and not weapon_type({c.lemma_.lower(), c.lower_}, default="")
           or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None
    existential = tok.head.lemma_ == "be" and any(c.dep_ == "expl" for c in tok.head.children)
    if not (existential or sent_lemmas & _ATTACK_WORDS or _arrival_at_a_place(ctx)):
        return None
    return weapon_type(sent_lemmas, default="shelling")


def _arrival_at_a_place(ctx: RuleContext) -> bool:
    """'Kharkiv. Arrival at the tractor plant', 'Arrivals in the port area': a caption naming its town reports a
    hit by 'arrival at / in / on' a place; people arriving are named ('Refugees' arrival at the station') and the
    arrival of a delegation is no caption about a place."""
    tok = ctx.tok
    return ctx.caption and ctx.has_place and not ctx.sent_lemmas & (FORCE_WORDS | CIVIL_WORDS) and \
        any(c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "near", "to") for c in tok.children)


@rule("minus")
def _rule_minus(ctx: RuleContext) -> str | None:
    """'Minus two command posts': report slang for destroyed; 'minus 20 degrees' is a number"""
    tok, sent, near = ctx.tok, ctx.sent, ctx.near
    if tok.i > sent.start and sent.doc[tok.i - 1].is_alpha:
        return None
    target = tok.head if tok.head != tok else None
    words = lemma_set(target.subtree) if target is not None else set()
    return weapon_type(near, default="armed_clash") if words & MILITARY_OBJECTS else None


@rule("get_into")
def _rule_get_into(ctx: RuleContext) -> str | None:
    """'our gunners got into an ammunition depot': the reports' word for a hit on a target"""
    tok, subj_words = ctx.tok, ctx.subj_words
    targets = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "into"
               for o in c.children if o.dep_ == "pobj"]
    words = set().union(*(lemma_set(o.subtree) for o in targets)) if targets else set()
    if not words & (MILITARY_OBJECTS | {"concentration", "manpower"}) or \
            not subj_words & (FORCE_WORDS | {"forces", "gunner", "artillery", "drone", "missile", "aviation"}):
        return None
    return weapon_type(subj_words | words, default="shelling")


@rule("intercept")
def _rule_intercept(ctx: RuleContext) -> str | None:
    """'intercepted 20 drones': the projectiles intercepted make it a strike of their type."""
    obj_words = ctx.obj_words
    projectiles = {"missile", "drone", "rocket", "shahed", "uav", "projectile", "bomb", "aircraft", "target"}
    return weapon_type(obj_words, default="air_drone_strike") if obj_words & projectiles else None


@rule("downed")
def _rule_downed(ctx: RuleContext) -> str | None:
    """'downed a helicopter', 'drones were downed': an air strike when aircraft or drones are downed."""
    subj_words, obj_words = ctx.subj_words, ctx.obj_words
    aircraft = {"drone", "plane", "aircraft", "helicopter", "jet", "uav", "shahed", "missile", "fighter"}
    return "air_drone_strike" if (obj_words | subj_words) & aircraft else None


@rule("barrage")
def _rule_barrage(ctx: RuleContext) -> str | None:
    """'an artillery barrage', 'a salvo of rockets': shelling when a weapon is named."""
    near = ctx.near
    return weapon_type(near, default="shelling") if near & WEAPON_WORDS else None


@rule("blow")
def _rule_blow(ctx: RuleContext) -> str | None:
    """'blew up a bridge' (infrastructure) or 'blew up a tank' (a clash); 'dealt a blow' is a clash typed by the
    weapon of its agent."""
    tok, near, obj_words = ctx.tok, ctx.near, ctx.obj_words
    if tok.pos_ == "VERB":
        if not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
            return None
        if obj_words & (MILITARY_OBJECTS | FORCE_WORDS):
            return "armed_clash"
        return "infrastructure_disruption" if obj_words & (INFRASTRUCTURE | {"dam", "road", "tunnel"}) else None
    agent = subject(tok.head)
    return weapon_type(near | (lemma_set(agent.subtree) if agent is not None else set()), default="armed_clash") \
        if tok.head.lemma_.lower() in ("deal", "inflict", "strike", "deliver") else None


@rule("explosion")
def _rule_explosion(ctx: RuleContext) -> str | None:
    """'explosions in Melitopol', 'a blast at a depot': shelling."""
    return "shelling"
