"""Rules of ground taken and given up: 'captured Soledar', 'Avdiivka fell', 'took control of the town', 'withdrew
from Kherson', 'ousted Russian troops from the village'.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontline.nlp.syntax import PLACE_LABELS, lemma_set
from frontline.triggers.rules.context import RuleContext
from frontline.triggers.rules.registry import rule
from frontline.triggers.rules.words import FORCE_WORDS, TERRITORY_WORDS


@rule("fall")
def _rule_fall(ctx: RuleContext) -> str | None:
    """'Avdiivka fell to Russian forces', 'the town fell in May'; not 'prices fell', 'a missile fell on a house'"""
    tok, has_place, subj = ctx.tok, ctx.has_place, ctx.subj
    if any(c.dep_ in ("acomp", "oprd") for c in tok.children):
        return None     # 'Zelensky fell ill', 'the city fell silent'
    place_subject = subj is not None and (subj.ent_type_ in ("GPE", "LOC", "FAC") or subj.lemma_.lower()
                                          in TERRITORY_WORDS or subj.pos_ == "PROPN" and has_place and subj.ent_type_ not in ("PERSON", "NORP", "ORG"))
    landing = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "onto", "into", "in")
               for g in c.children]     # 'fell on a house'; but 'fell into Russian hands', 'fell in May'
    # 'fell in the Donetsk region' is where the town lies, not what something fell onto
    falls_on = any(g.lemma_.lower() not in TERRITORY_WORDS | {"hand"} and
                   g.ent_type_ not in ("DATE", "TIME", "GPE", "LOC") for g in landing)
    return "territory_captured" if place_subject and not falls_on else None


@rule("capture")
def _rule_capture(ctx: RuleContext) -> str | None:
    """'captured Soledar', 'the liberation of Kherson': territory taken; trying to seize a place is fighting;
    soldiers captured are taken prisoner (a surrender, EVENTS.md); capturing vehicles or a share of something is
    no territory."""
    tok, has_place, objs, obj_words = ctx.tok, ctx.has_place, ctx.objs, ctx.obj_words
    if tok.pos_ == "VERB" and any(_taken_prisoner(o) for o in objs if o.dep_ in ("dobj", "nsubjpass")):
        return "surrender"
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in ("territory", "area", "land", "part", "zone", "region"):
        return None         # 'cede its territories occupied by Russia' describes a state, not a capture
    if tok.head.lemma_.lower() in ("try", "attempt", "seek", "struggle", "fight") or \
            tok.head.head.lemma_.lower() in ("try", "attempt"):
        return "armed_clash"        # 'attempting to seize Pokrovsk' reports fighting, not a capture
    if objs and not (obj_words & (TERRITORY_WORDS | {"percent", "%"})) and not has_place:
        return None      # capturing vehicles or people is not territory; 'recovered 20 percent' (of it) is
    direct = [o for o in objs if o.dep_ in ("dobj", "nsubjpass")]
    if direct and not any(_place_object(o) for o in direct):
        return None      # 'captured a Wagnerian in Bakhmut', 'capture three DPR servicemen': what is taken is no place
    if obj_words & {"vehicle", "equipment", "weapon", "tank", "prisoner", "soldier", "troop", "body", "remains",
                    "loss", "strength", "cost", "money", "fund"}:
        return None
    return "territory_captured"


def _taken_prisoner(o: Token) -> bool:
    """Whether what is captured is a fighter: 'captured three DPR servicemen', 'captured a "Wagnerian"' (a fighter
    named by his unit), not 'captured two tanks'."""
    return o.lemma_.lower() in FORCE_WORDS | {"prisoner", "pow"} or o.ent_type_ == "NORP" and o.pos_ in ("PROPN", "NOUN")


_NOTPLACE_LABELS = frozenset({"PERSON", "NORP", "ORG", "PRODUCT"})


def _place_object(o: Token) -> bool:
    """Whether what a verb takes is a place: a named place, a word for ground, a pronoun that may stand for one,
    or a share of a place ('most of the city', 'part of Bakhmut')."""
    if o.pos_ == "PRON" or o.ent_type_ in PLACE_LABELS or o.lemma_.lower() in TERRITORY_WORDS | {"percent", "%"}:
        return True
    if o.pos_ == "PROPN" and o.ent_type_ not in _NOTPLACE_LABELS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(_place_object(g) for g in c.children) for c in o.children)


@rule("take")
def _rule_take(ctx: RuleContext) -> str | None:
    """'took control of the town', 'Russian forces took Hirske': territory, when the object is a place or
    control."""
    has_place, objs, obj_words = ctx.has_place, ctx.objs, ctx.obj_words
    if _fire_control(ctx.tok):
        # 'took the crossings under fire control': within reach of the guns, not taken; the fire is the event
        return "shelling"
    # a base, an airfield or a checkpoint taken (over) is ground taken, as a town is
    if obj_words & {"control", "city", "town", "village", "territory", "area", "base", "airfield", "airport",
                    "checkpoint"} or (
            objs and has_place and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)):
        return "territory_captured"
    return None


def _fire_control(verb: Token) -> bool:
    """Whether the verb takes something 'under fire control' (artillery's word for keeping it under its guns),
    however the parser attaches the phrase."""
    doc = verb.doc
    return any(t.lemma_.lower() == "control" and t.i >= 2 and doc[t.i - 1].lower_ == "fire"
               and doc[t.i - 2].lower_ == "under" for t in verb.subtree)


@rule("enter")
def _rule_enter(ctx: RuleContext) -> str | None:
    """'Russian troops entered Severodonetsk', 'Ukrainian troops entering Balakliia': territory taken, when an
    armed force enters a place."""
    has_place, subj_words, obj_words = ctx.has_place, ctx.subj_words, ctx.obj_words
    if ctx.tok.dep_ == "acl":
        subj_words = subj_words | lemma_set([ctx.tok.head, *ctx.tok.head.children])   # the troops entering
    if subj_words & FORCE_WORDS or subj_words & {"russian", "ukrainian"}:
        if has_place or obj_words & TERRITORY_WORDS:
            return "territory_captured"
    return None


@rule("control")
def _rule_control(ctx: RuleContext) -> str | None:
    """'Russia controls the town', 'controlled 20 percent': a control claim when a place or a share is named;
    the noun after 'take'/'seize' leaves the event to the verb."""
    tok, has_place, obj_words = ctx.tok, ctx.has_place, ctx.obj_words
    if tok.pos_ == "VERB" and (has_place or obj_words & (TERRITORY_WORDS | {"%", "percent", "donbas"})):
        return "territory_captured"
    if tok.pos_ == "NOUN" and tok.head.lemma_ in ("take", "seize", "gain", "establish", "regain") and \
            tok.dep_ == "dobj":
        return None     # the verb is the trigger
    return None


@rule("gain")
def _rule_gain(ctx: RuleContext) -> str | None:
    """'gained ground near Bakhmut': territory taken only when ground or territory is what was gained."""
    near = ctx.near
    return "territory_captured" if near & {"ground", "territory", "territorial"} else None


@rule("withdraw", "pull")
def _rule_withdraw(ctx: RuleContext) -> str | None:
    """'withdrew from Kherson', 'pulled out of the town': a withdrawal; 'pull' needs 'out' or 'back', and
    withdrawing an ambassador, support or an application is no retreat."""
    name, near = ctx.name, ctx.near
    if name == "pull" and not (near & {"out", "back"}):
        return None
    if near & {"ambassador", "support", "funding", "application", "claim", "candidacy", "deal"}:
        return None
    return "territory_withdrawn"


@rule("abandon")
def _rule_abandon(ctx: RuleContext) -> str | None:
    """'abandoned the town', 'abandoned their attempts to advance': a withdrawal when ground or an advance is
    given up."""
    has_place, obj_words, tok = ctx.has_place, ctx.obj_words, ctx.tok
    if tok.dep_ == "amod" and tok.head.lemma_.lower() not in TERRITORY_WORDS:
        return None     # 'an abandoned tank near Izium', 'abandoned base': a thing left behind, not ground given up
    return "territory_withdrawn" if obj_words & (TERRITORY_WORDS | {"advance", "attempt"}) or has_place else None


@rule("leave")
def _rule_leave(ctx: RuleContext) -> str | None:
    """'Ukrainian troops leaving Avdeevka', 'Russian forces left the city': a force leaving a place (its direct
    object a named place or a word for ground) withdraws from it; people leaving home, a force leaving equipment
    behind or leaving on time are no withdrawal."""
    if not ctx.subj_words & FORCE_WORDS:
        return None
    place = any(o.dep_ == "dobj" and (o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in TERRITORY_WORDS)
                for o in ctx.objs)
    return "territory_withdrawn" if place and (ctx.has_place or bool(ctx.obj_words & TERRITORY_WORDS)) else None


@rule("oust")
def _rule_oust(ctx: RuleContext) -> str | None:
    """'ousted Russian troops from the village': territory taken where a place is named, otherwise a clash."""
    has_place, near = ctx.has_place, ctx.near
    return "territory_captured" if has_place or near & TERRITORY_WORDS else "armed_clash"
