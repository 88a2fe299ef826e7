"""Rules of talks and help: 'Zelensky met Erdogan', 'peace talks', 'delivered 50 tanks', 'will help rebuild the
bridge'.
"""

from __future__ import annotations

from spacy.tokens import Token

from frontline.nlp.syntax import lemma_set, subject
from frontline.triggers.rules.combat import crosses_border
from frontline.triggers.rules.context import RuleContext
from frontline.triggers.rules.registry import rule
from frontline.triggers.rules.words import FORCE_WORDS

# What a state gives another in war: weapons and their parts, and aid of every kind.
_ARMS_AND_AID = frozenset({"weapon", "arm", "system", "missile", "tank", "ammunition", "shell", "howitzer", "jet",
                           "aircraft", "f-16", "patriot", "himars", "atacms", "drone", "equipment", "vehicle", "gun",
                           "aid", "assistance", "package", "munition", "rocket", "launcher", "generator", "defence",
                           "defense",
                           # relief: 'providing them with food and bedding', 'delivered medicine and water'
                           "food", "water", "medicine", "shelter", "bedding", "blanket", "clothing", "clothes",
                           "fuel", "humanitarian"})

# Who meets to negotiate: leaders, envoys and states ('Zelensky met Erdogan', 'a meeting of the foreign ministers').
_POLITICAL_WORDS = frozenset({"president", "minister", "envoy", "delegation", "delegate", "leader", "negotiator",
                              "diplomat", "ambassador", "chancellor", "premier", "counterpart", "official",
                              "secretary", "mediator", "head", "emissary"})

_POLITICAL_ENTITIES = frozenset({"PERSON", "GPE", "ORG", "NORP"})


def _political(tokens) -> bool:
    """A group of words naming a leader, envoy or state, and no armed force ('Russian troops' is none)."""
    tokens = list(tokens)
    return not any(t.lemma_.lower() in FORCE_WORDS for t in tokens) and \
        any(t.ent_type_ in _POLITICAL_ENTITIES or t.lemma_.lower() in _POLITICAL_WORDS for t in tokens)


def _leaders_meet(tok: Token) -> bool:
    """'Zelensky met Erdogan in Istanbul', 'a meeting between the two foreign ministers', 'a summit with Putin': a
    meeting of political actors is talks; troops that 'met fierce resistance' or a plan that 'meets the demand'
    are none."""
    if tok.pos_ == "VERB":
        subj = subject(tok)
        partners = [c for c in tok.children if c.dep_ == "dobj"]
        partners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
        return subj is not None and _political(subj.subtree) and \
            any(_political([p, *(c for c in p.children if c.dep_ in ("compound", "amod", "poss"))]) for p in partners)
    heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "with", "of")
             for g in c.children if g.dep_ == "pobj"]
    heads += [c for h in heads for c in h.children if c.dep_ == "conj"]
    heads += [c for c in tok.children if c.dep_ in ("poss", "compound")]
    words = heads + [c for h in heads for c in h.children if c.dep_ in ("compound", "amod", "poss")]
    return _political(words)


@rule("give_arms")
def _rule_give_arms(ctx: RuleContext) -> str | None:
    """'will send two Patriot systems to Ukraine', 'delivered 50 tanks'; not 'provided no details', 'sent a
    letter'. Troops sent across a border or into a country invade it; troops sent to the border do not."""
    tok, obj_words = ctx.tok, ctx.obj_words
    given = obj_words | {w for c in tok.children if c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ == "with"
                         for w in lemma_set(c.subtree)}   # 'provide them with food': what is given follows 'with'
    if given & FORCE_WORDS:
        return "armed_clash" if crosses_border(tok) else None
    return "aid" if given & _ARMS_AND_AID else None


@rule("meeting")
def _rule_meeting(ctx: RuleContext) -> str | None:
    """'Zelensky met Erdogan', 'a meeting of foreign ministers': talks between political actors only."""
    tok = ctx.tok
    return "negotiation" if _leaders_meet(tok) else None


@rule("talks", "peace_plan", "deal")
def _rule_talks(ctx: RuleContext) -> str | None:
    """'peace talks', 'a peace deal', 'the peace plan': negotiation; 'talk' only as 'talks', a plan or a deal
    only with peace, a ceasefire or a truce."""
    tok, name, near = ctx.tok, ctx.name, ctx.near
    if name == "talks" and tok.text.lower() != "talks":
        return None
    if name in ("peace_plan", "deal") and not (near & {"peace", "ceasefire", "truce"}):
        return None
    return "negotiation"


@rule("aid")
def _rule_aid(ctx: RuleContext) -> str | None:
    """'military aid', 'humanitarian assistance': aid."""
    return "aid"


@rule("rebuild")
def _rule_rebuild(ctx: RuleContext) -> str | None:
    """'will help rebuild the bridge': aid with a helper; rebuilding lives or careers is none."""
    near, subj_words, obj_words = ctx.near, ctx.subj_words, ctx.obj_words
    if obj_words & {"life", "lives", "career", "family"}:
        return None         # 'planning to rebuild their lives elsewhere' is no reconstruction help
    return "aid" if subj_words or near & {"help", "assist"} else None


@rule("weapons")
def _rule_weapons(ctx: RuleContext) -> str | None:
    """'weapons supplies', 'military supplies': aid when weapons or the military are named."""
    near = ctx.near
    return "aid" if near & {"weapon", "western", "military", "arm", "ammunition"} else None
