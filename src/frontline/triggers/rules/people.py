"""Rules of what happens to people: killed, lost, fled, evacuated, deserted, surrendered, exchanged, arrested,
protesting, drafted, and the bodies found after.
"""

from __future__ import annotations

from frontline.nlp.syntax import lemma_set
from frontline.triggers.occurrence import names_event
from frontline.triggers.rules.context import RuleContext
from frontline.triggers.rules.registry import rule
from frontline.triggers.rules.words import CIVIL_WORDS, FORCE_WORDS


@rule("harm")
def _rule_harm(ctx: RuleContext) -> str | None:
    """'killed', 'wounded', 'dead': a casualty report."""
    return "casualties"


@rule("evacuate")
def _rule_evacuate(ctx: RuleContext) -> str | None:
    """'evacuated residents' is an evacuation; troops evacuated or evacuating a position withdraw."""
    subj_words, obj_words = ctx.subj_words, ctx.obj_words
    if subj_words & FORCE_WORDS or obj_words & FORCE_WORDS:
        return "territory_withdrawn"
    return "evacuation"


# What troops cross in an assault: the front's rivers and reservoirs, and the word for any of them
_WATERS = frozenset({"river", "dnipro", "dnieper", "donets", "oskil", "inhulets", "reservoir", "canal", "estuary"})


@rule("cross_border")
def _rule_cross_border(ctx: RuleContext) -> str | None:
    """'troops crossed into Russia', '438 soldiers have been allowed into Russia': leaving the war across a
    border; troops crossing a river are an assault"""
    tok, near, sent_lemmas, subj_words = ctx.tok, ctx.near, ctx.sent_lemmas, ctx.subj_words
    if subj_words & FORCE_WORDS and ctx.obj_words & _WATERS:
        return "armed_clash"    # 'Russian troops cross the Dnipro at Krynky': a crossing in force is an assault
    into = any(c.dep_ == "prep" and c.lower_ in ("into", "to") for c in tok.children) or \
        any(t.lower_ == "into" for t in tok.subtree)
    if not into or not (sent_lemmas & {"border", "russia", "refuge", "sanctuary", "asylum", "territory",
                                       "checkpoint", "abroad", "poland", "belarus"}):
        return None
    if subj_words & FORCE_WORDS or near & {"soldier", "troop", "serviceman", "guard"}:
        return "desertion"
    return "evacuation" if subj_words & CIVIL_WORDS else None


@rule("flee", "refuge")
def _rule_flee(ctx: RuleContext) -> str | None:
    """'soldiers fled' is desertion, 'residents fled' evacuation; 'took refuge' names neither without the
    people."""
    name, near, sent_lemmas, subj_words = ctx.name, ctx.near, ctx.sent_lemmas, ctx.subj_words
    if subj_words & FORCE_WORDS or near & FORCE_WORDS or sent_lemmas & {"desertion", "deserter", "deserting"}:
        return "desertion"
    if subj_words & CIVIL_WORDS or near & CIVIL_WORDS or sent_lemmas & {"civilian", "resident", "family"}:
        return "evacuation"
    return "evacuation" if name == "flee" else None


@rule("arrive")
def _rule_arrive(ctx: RuleContext) -> str | None:
    """'arrived at a reception centre', 'evacuees arrived': an evacuation when civilians or a centre arrive."""
    near, subj_words = ctx.near, ctx.subj_words
    return "evacuation" if (subj_words | near) & (CIVIL_WORDS | {"centre", "center"}) else None


@rule("desert")
def _rule_desert(ctx: RuleContext) -> str | None:
    """'soldiers deserted', 'he defected': desertion, a verb with an armed or personal subject."""
    tok, subj_words = ctx.tok, ctx.subj_words
    return "desertion" if tok.pos_ == "VERB" and (subj_words & (FORCE_WORDS | {"he", "she", "they", "i"}) or
                                                 tok.lemma_ == "defect") else None


@rule("refuse")
def _rule_refuse(ctx: RuleContext) -> str | None:
    """'refused to fight', 'refused to return to the front': desertion; refusing anything else is none."""
    tok = ctx.tok
    xcomps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    acts = set().union(*(lemma_set(c.subtree) for c in xcomps)) if xcomps else set()
    if acts & {"fight", "return", "go", "serve", "deploy", "front", "kill"}:
        return "desertion"
    return None


@rule("surrender")
def _rule_surrender(ctx: RuleContext) -> str | None:
    """'the garrison surrendered': surrender; surrendering territory or the Donbas is a political demand."""
    near = ctx.near
    return "surrender" if not (near & {"territory", "land", "donbas"}) else None


@rule("exchange")
def _rule_exchange(ctx: RuleContext) -> str | None:
    """'swapped prisoners', 'an exchange of bodies': a prisoner exchange only when prisoners or bodies are
    named."""
    sent_lemmas = ctx.sent_lemmas
    return "prisoner_exchange" if sent_lemmas & {"prisoner", "pow", "body", "captive", "detainee"} else None


@rule("arrest")
def _rule_arrest(ctx: RuleContext) -> str | None:
    """'was arrested', 'detained a saboteur': an arrest; evading or fearing arrest is none."""
    tok = ctx.tok
    if tok.head.lemma_ in ("evade", "avoid", "escape", "fear", "face", "risk"):
        return None
    return "arrest"


@rule("protest")
def _rule_protest(ctx: RuleContext) -> str | None:
    """'residents protested', 'a protest in Kherson': a protest; the verb needs people protesting, not a state."""
    tok, subj_words = ctx.tok, ctx.subj_words
    if tok.pos_ == "VERB" and not (subj_words & (CIVIL_WORDS | {"protester", "activist", "thousand", "hundred",
                                                                 "mother", "wife", "crowd"})):
        return None
    return "protest"


@rule("draft")
def _rule_draft(ctx: RuleContext) -> str | None:
    """'drafted into the army': mobilisation when the army or service is named."""
    near = ctx.near
    return "mobilization" if near & {"army", "military", "service", "conscript"} else None


@rule("victim")
def _rule_victim(ctx: RuleContext) -> str | None:
    """counted victims ('the number of victims rose to 23', '12 victims') or victims of an attack; 'a victim of
    fraud' or 'of aggression' is no casualty report"""
    tok = ctx.tok
    counted = any(c.dep_ == "nummod" for c in tok.children) or \
        tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ("number", "toll")
    of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return "casualties" if counted or any(names_event(o) for o in of) else None


@rule("lose")
def _rule_lose(ctx: RuleContext) -> str | None:
    """'lost 120 servicemen', 'over 250 servicemen lost in the Donetsk direction': casualties when people are
    lost."""
    subj, subj_words, objs, obj_words = ctx.subj, ctx.subj_words, ctx.objs, ctx.obj_words
    if obj_words & (FORCE_WORDS | {"personnel", "serviceman", "man", "life"}):
        return "casualties"
    counted = any(c.dep_ == "nummod" for c in (subj.children if subj is not None else ()))
    # 'two units lost up to 150 people', 'over 250 servicemen lost in Donetsk direction'
    return "casualties" if subj_words & FORCE_WORDS and (obj_words & {"people"} or not objs and counted) else None


@rule("losses")
def _rule_losses(ctx: RuleContext) -> str | None:
    """'enemy losses', 'losses amounted to 300 personnel': casualties when the losses are military; economic
    losses are none."""
    near, sent_lemmas = ctx.near, ctx.sent_lemmas
    if near & {"economic", "financial", "revenue", "profit", "market", "job"}:
        return None
    return "casualties" if (near | sent_lemmas) & (FORCE_WORDS | {"enemy", "personnel", "military", "armed",
                                                                   "killed", "dead", "wounded", "war"}) else None


@rule("harm_civilians")
def _rule_harm_civilians(ctx: RuleContext) -> str | None:
    """'harm to civilians': casualties when civilians are named."""
    near, sent_lemmas = ctx.near, ctx.sent_lemmas
    return "casualties" if (near | sent_lemmas) & CIVIL_WORDS else None


@rule("remains")
def _rule_remains(ctx: RuleContext) -> str | None:
    """'Bodies of civilians on Yablunska street in Bucha', 'Mass grave in the forest near Izium', 'exhumed 440
    bodies': violence against civilians, or casualties when soldiers' bodies are named. Outside a caption line
    only a mass grave, or bodies found, discovered or exhumed, report one."""
    tok = ctx.tok
    found = tok.head.lemma_.lower() in ("find", "discover", "uncover", "exhume", "unearth") or \
        tok.lemma_.lower() in ("exhume", "exhumation") or \
        any(c.lower_ == "mass" for c in tok.children) or tok.lemma_.lower() == "grave" and tok.dep_ == "pobj"
    if not (ctx.caption or found and ctx.has_place):
        return None
    words = ctx.near | ctx.sent_lemmas if ctx.caption else ctx.near
    if words & {"exchange", "swap", "return", "repatriate", "repatriation", "hand", "transfer"}:
        return None     # bodies exchanged or handed over are a prisoner exchange, told by its own words
    return "casualties" if words & (FORCE_WORDS - {"man"}) else "violence_against_civilians"
