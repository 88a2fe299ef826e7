"""Rules of fighting and of the war's start: 'fighting in Bakhmut', 'attacked the village', 'troops poured into
Ukraine', 'launched the invasion', 'troops landed', 'shot down a drone'.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontline.nlp.syntax import lemma_set
from frontline.triggers.rules.context import RuleContext
from frontline.triggers.rules.registry import rule
from frontline.triggers.rules.words import CIVIL_WORDS, FORCE_WORDS, TERRITORY_WORDS

# What is launched when a war starts: 'launched the invasion', 'the war Russia unleashed'.
_WAR_STARTS = frozenset({"invasion", "war", "aggression"})

# Who pours into a country as an army does; volunteers and foreign fighters come to join one.
_INVADERS = frozenset({"troop", "force", "army", "soldier", "unit", "military", "tank", "column", "convoy",
                       "paratrooper", "marine", "armor", "armour"})

# What troops cross when they invade: 'across the border', 'over the frontier', 'into the Kursk region'.
_LANDS = frozenset({"country", "territory", "region", "oblast", "province"})
_FRONTIERS = frozenset({"border", "frontier", "boundary"})
# What a caption says it shows: 'combat footage from V' is fighting recorded there
_RECORDING_NOUNS = frozenset({"footage", "video", "videos", "photo", "photos", "clip", "image", "images", "picture"})


def crosses_border(tok: Token) -> bool:
    """Whether a verb of movement takes its subject or object over a border: 'across the border', 'into Ukraine'.

    'to the border', 'towards the frontier' and 'into position' stop short of it.
    """
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        ends = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ in ("across", "over") and any(o.lemma_.lower() in _FRONTIERS for o in ends):
            return True
        if prep.lower_ == "into" and any(o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in _LANDS for o in ends):
            return True
    return False


@rule("pour_in")
def _rule_pour_in(ctx: RuleContext) -> str | None:
    """'Russian troops poured into Ukraine', 'tanks rolled across the border'; not 'refugees poured into
    Poland', 'money poured in'"""
    tok, subj_words = ctx.tok, ctx.subj_words
    movers = subj_words & _INVADERS
    return "armed_clash" if movers and crosses_border(tok) else None


@rule("approach")
def _rule_approach(ctx: RuleContext) -> str | None:
    """'Russian troops are approaching Kupiansk', 'the forces are now very close to Pokrovsk': an army closing on a
    place is fighting for it (an advance, troops 'at the gates'); only with a force as the subject, and 'close' only
    as what the force is ('a close ally', 'the deal is close' name nothing)."""
    tok = ctx.tok
    subj_words = ctx.subj_words
    if tok.pos_ in ("ADJ", "ADV"):
        if tok.dep_ != "acomp" or tok.head.lemma_.lower() != "be":
            return None
        goals = [o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
        if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) or any(
                o.pos_ != "PROPN" and o.ent_type_ not in ("GPE", "LOC", "FAC") and o.lemma_.lower() not in
                TERRITORY_WORDS for o in goals):
            return None     # 'the army is close to collapse', 'close to a deal': close to a state, not to a place
        # 'troops ... are now very close': the force is the copula's subject
        subj_words = subj_words | lemma_set(t for c in tok.head.children if c.dep_ == "nsubj" for t in (c, *c.children))
    return "armed_clash" if subj_words & (FORCE_WORDS | _INVADERS) else None


@rule("launched")
def _rule_launched(ctx: RuleContext) -> str | None:
    """'launched the full-scale invasion', 'the war launched almost three years ago': the start of the war told
    as a fact; 'launched 40 drones' is told by the drones. The parser often hangs a reduced relative ('the war
    launched ...') elsewhere: the noun right before the participle still owns it."""
    tok, objs = ctx.tok, ctx.objs
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    owner = tok.head if tok.dep_ in ("acl", "relcl") else before if tok.tag_ in ("VBN", "VBD") else None
    started = any(o.lemma_.lower() in _WAR_STARTS for o in objs) or \
        owner is not None and owner.lemma_.lower() in _WAR_STARTS     # not 'launched a probe into war crimes'
    return "armed_clash" if started else None


@rule("war_begins")
def _rule_war_begins(ctx: RuleContext) -> str | None:
    """'the invasion began on 24 February', 'Putin ordered the invasion'; 'the war' alone is the setting of
    everything else"""
    tok = ctx.tok
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("begin", "start"):
        return "armed_clash"
    return "armed_clash" if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("order", "begin", "start") \
        else None


@rule("combat")
def _rule_combat(ctx: RuleContext) -> str | None:
    """'fighting in Bakhmut', 'continues offensive': fighting words are clashes; a noun in a compound ('combat
    vehicle', 'assault rifle') and an adjective that only qualifies a noun name none."""
    tok = ctx.tok
    if tok.pos_ == "ADJ":
        return "armed_clash" if tok.dep_ in ("acomp", "dobj", "attr", "oprd") else None   # 'continues offensive'
    if tok.pos_ == "NOUN" and tok.dep_ in ("compound",) and tok.lemma_ != "fighting" and \
            tok.head.lemma_.lower() not in _RECORDING_NOUNS:
        return None     # 'combat vehicle', but 'combat footage from V' shows fighting there
    return "armed_clash"


@rule("attack")
def _rule_attack(ctx: RuleContext) -> str | None:
    """'attacked the village' is a clash; the weapon near the word retypes it: drones, missiles, aircraft and
    bombs an air/drone strike, artillery, shells, rockets and mortars shelling."""
    near = ctx.near
    if near & {"drone", "missile", "air", "aircraft", "airstrike", "bomb", "jet"}:
        return "air_drone_strike"
    if near & {"artillery", "shell", "rocket", "mortar"}:
        return "shelling"
    return "armed_clash"


@rule("landing")
def _rule_landing(ctx: RuleContext) -> str | None:
    """'an attempted landing', 'troops landed': a landing operation is a clash; a landing ship or a plane's
    landing is none."""
    tok, near, subj_words, obj_words = ctx.tok, ctx.near, ctx.subj_words, ctx.obj_words
    if tok.pos_ == "NOUN":
        if tok.dep_ == "compound" or not near & {"attempt", "force", "party", "operation", "amphibious", "troop"}:
            return None     # a 'landing ship', a plane's landing
        return "armed_clash"
    return "armed_clash" if (subj_words | obj_words) & (FORCE_WORDS - {"man"}) else None


@rule("thwart")
def _rule_thwart(ctx: RuleContext) -> str | None:
    """'stopped an attempt by the Armed Forces to break through', 'foiled an enemy landing': a repelled
    operation"""
    subj_words, obj_words = ctx.subj_words, ctx.obj_words
    operations = {"attempt", "offensive", "attack", "breakthrough", "landing", "raid", "assault", "advance",
                  "provocation", "sortie"}
    if not obj_words & operations or not (subj_words | obj_words) & (FORCE_WORDS | {"forces", "enemy"}):
        return None
    return "armed_clash"


@rule("shoot")
def _rule_shoot(ctx: RuleContext) -> str | None:
    """'shot down a drone' is an air strike; shooting civilians ('shot dead a civilian man') is violence against
    them; shooting fighters is a clash; anything else is none."""
    near, subj_words, obj_words = ctx.near, ctx.subj_words, ctx.obj_words
    if near & {"down"}:
        return "air_drone_strike"
    if obj_words & CIVIL_WORDS:
        return "violence_against_civilians"
    return "armed_clash" if (obj_words | subj_words) & (FORCE_WORDS | CIVIL_WORDS) else None
