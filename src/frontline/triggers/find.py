"""Triggers: the words of a sentence that name an event, typed by their syntactic context.

Candidates come from the lexicon (lemmas with their parts of speech, and multi-word phrases). Each ambiguous
trigger has a rule that reads its context from the parse: who flees (soldiers desert, civilians are
evacuated), what is taken (a town is captured, vehicles are not), what is destroyed (a howitzer is a clash, a
bridge is infrastructure). Uses that report no occurrence are dropped: negated ('did not capture', but not a
denial: 'Kyiv said it had not withdrawn'), possible ('the risk of strikes'), a summary of the war ('a conflict that
has killed thousands', 'the war has displaced millions'), the fighting as the setting of another event ('fled
because of the fighting'), a quoted word. The start of the war told as a fact ('launched the invasion', 'sent
troops across the border') is a clash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Span, Token

from frontline.nlp.syntax import lemma_set, subject
from frontline.triggers.lexicon import PHRASES, SPEECH_LEMMAS, TRIGGERS, TriggerRule

_PHRASES = tuple((re.compile(p, re.I), t, s) for p, t, s in PHRASES)
FORCE_WORDS = frozenset({"troop", "soldier", "force", "army", "unit", "serviceman", "fighter", "man", "guard",
                         "defender", "paratrooper", "invader", "occupier", "mercenary", "militant", "personnel",
                         "battalion", "brigade", "military", "infantry", "deserter", "conscript", "marine",
                         "trooper", "comrade", "buddy"})
CIVIL_WORDS = frozenset({"civilian", "resident", "child", "family", "people", "refugee", "inhabitant", "woman",
                          "evacuee", "wife", "mother", "passenger", "dozen", "household", "folk", "kid",
                          "husband", "spouse", "father", "son", "daughter", "youngster", "pensioner", "elderly",
                          "grandmother", "grandfather", "baby", "neighbour", "neighbor"})
# What a state gives another in war: weapons and their parts, and aid of every kind.
_ARMS_AND_AID = frozenset({"weapon", "arm", "system", "missile", "tank", "ammunition", "shell", "howitzer", "jet",
                           "aircraft", "f-16", "patriot", "himars", "atacms", "drone", "equipment", "vehicle", "gun",
                           "aid", "assistance", "package", "munition", "rocket", "launcher", "generator", "defence",
                           "defense"})
TERRITORY_WORDS = frozenset({"city", "town", "village", "territory", "area", "region", "district", "position",
                              "control", "settlement", "locality", "oblast", "province", "hub", "stronghold",
                              "bridgehead", "airport", "plant", "land", "ground", "metropolis", "republic"})
_MILITARY_OBJECTS = frozenset({
    "serviceman", "soldier", "troop", "unit", "invader", "group", "howitzer", "tank", "vehicle", "depot",
    "equipment", "position", "launcher", "system", "gun", "helicopter", "aircraft", "plane", "drone", "boat",
    "ship", "military", "personnel", "mercenary", "fighter", "militant", "nationalist", "battery", "ammunition",
    "warehouse", "headquarters", "command", "post", "armor", "armour", "apc", "bmp", "radar", "missile",
    "enemy", "company", "platoon", "battalion", "brigade", "force", "emplacement", "dugout", "stronghold"})
_INFRASTRUCTURE = frozenset({"infrastructure", "power", "plant", "bridge", "rail", "railway", "station", "hospital",
                             "school", "building", "house", "grid", "substation", "dam", "home", "facility",
                             "line", "pipeline", "port", "airport", "energy", "electricity", "water"})

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
# A caption line is short: a photo's or a video's caption, a one-line bulletin, a headline.
_CAPTION_WORDS = 25
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# What a caption says it shows, before what is shown: 'Video: ...', 'Footage of ...', 'Photos from ...'.
_MEDIA_NOUNS = frozenset({"video", "footage", "photo", "image", "picture", "clip", "drone", "satellite", "view"})
# Verbs that say troops were seen: 'Russian troops were spotted in X'.
_SEEN_VERBS = frozenset({"see", "spot", "film", "record", "geolocate", "observe", "photograph"})


_WEAPON_WORDS = frozenset({"artillery", "mortar", "rocket", "missile", "himars", "mlrs", "grad", "howitzer", "shell",
                           "drone", "shahed", "bomb", "uav", "fire", "gun", "cannon"})
_ATTACK_WORDS = _WEAPON_WORDS | {"hit", "explosion", "strike", "shelling", "enemy", "damage", "destroy", "injure",
                                 "wound", "kill", "occupier", "invader", "attack", "siren"}
# What is 'hit' in economics and sport, and who is 'fired' from a post: no weapon ever meets these.
_NOT_TARGETS = frozenset({"record", "high", "low", "peak", "level", "milestone", "mark", "snag", "headline", "jackpot",
                          "market", "shelf", "price", "inflation", "export", "import", "sale", "rating", "poll",
                          "stock", "currency", "hryvnia", "ruble", "rouble", "growth", "economy", "wall", "note",
                          "sanction", "tariff", "embargo", "restriction"})
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


# Words the lexicon holds as abbreviations: only in capitals are they those ('KIA', not the car maker Kia).
_ABBREVIATIONS = frozenset({"kia", "wia"})
_OFFICE_WORDS = frozenset({"minister", "official", "chief", "director", "coach", "manager", "employee", "worker",
                           "staff", "adviser", "advisor", "governor", "prosecutor", "deputy", "ceo", "secretary",
                           "head", "mayor", "ambassador", "editor", "executive", "president"})


# What is launched when a war starts: 'launched the invasion', 'the war Russia unleashed'.
_WAR_STARTS = frozenset({"invasion", "war", "aggression"})
# Who pours into a country as an army does; volunteers and foreign fighters come to join one.
_INVADERS = frozenset({"troop", "force", "army", "soldier", "unit", "military", "tank", "column", "convoy",
                       "paratrooper", "marine", "armor", "armour"})
# What troops cross when they invade: 'across the border', 'over the frontier', 'into the Kursk region'.
_LANDS = frozenset({"country", "territory", "region", "oblast", "province"})
_FRONTIERS = frozenset({"border", "frontier", "boundary"})


def _crossing(tok: Token) -> bool:
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


def _weapon_type(words: set[str], default: str) -> str:
    """The event type a weapon named near the trigger implies ('artillerymen destroyed' -> shelling)."""
    if words & {"aviation", "aerospace", "aircraft", "air", "drone", "jet", "helicopter", "plane", "airstrike", "uav",
                "bomb", "sortie", "shahed", "kamikaze"}:
        return "air_drone_strike"
    if words & {"artillery", "artilleryman", "artillerymen", "mortar", "rocket", "missile", "himars", "mlrs",
                "grad", "howitzer", "shelling", "shell", "fire"}:
        return "shelling"
    return default


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (or the head of a phrase) that names an event of a type, with the lexicon's prior strength."""

    token: Token
    event_type: str
    strength: float
    rule: str | None = None      # the lexicon rule that typed it ('weapon', 'flee', ...), None for plain words


def find_triggers(sent: Span, has_place: bool) -> list[Trigger]:
    """The event triggers of one sentence, disambiguated, without the uses that report no occurrence.

    Args:
        sent: a sentence of a parsed Doc.
        has_place: whether the sentence names a place (some rules need it: 'took Hirske').
    """
    out = []
    for tok, etype, strength, rule in _candidates(sent):
        if rule is not None:
            resolved = _disambiguate(tok, rule, sent, has_place)
            if resolved is None:
                continue
            etype = resolved
        elif tok.lower_ == "under" and tok.head.pos_ not in ("VERB", "AUX"):
            continue      # 'the territory under Ukrainian control' describes, 'is now under Russian control' reports
        if is_negated(tok) and etype not in ("infrastructure_disruption", "desertion") and not denied_in_speech(tok):
            continue
        if _not_an_occurrence(tok) or _war_toll(tok) or _quoted_word(tok) or _unreal(tok, etype):
            continue
        out.append(Trigger(tok, etype, strength, rule.rule if rule else None))
    # A sighting is what a caption shows when it reports nothing else: 'Ukrainian troops entering Balakliia' is
    # the capture, and troops doing what the lexicon names ('Troops cross into Russia for refuge') are no
    # sighting even when its rules reject the word
    if any(t.rule != "sighting" for t in out):
        out = [t for t in out if t.rule != "sighting"]
    else:
        acts = {tok.i for tok, *_, rule in _candidates(sent) if rule is not None and not rule.generic}
        out = [t for t in out if t.rule != "sighting" or not _acts(t.token, acts)]
        out = out[:1]       # 'Column of Russian tanks': one sighting, of the caption's head
    # 'A missile destroyed a bridge', 'Drones attacked the plant': the weapon says how, the verb names the event
    verbs = {t.token.i for t in out if t.rule != "weapon"}
    out = [t for t in out if t.rule != "weapon" or not ({t.token.head.i, t.token.head.head.i} & verbs)]
    others = {t.token.i for t in out}
    return [t for t in out if not _backdrop(t.token, others - {t.token.i})]


def _acts(noun: Token, triggers: set[int]) -> bool:
    """Whether the sighted noun is the subject of a trigger word, or a trigger word describes it ('troops entering')."""
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in triggers or \
        any(c.i in triggers and c.dep_ in ("acl", "relcl") for c in noun.children)


def names_no_trigger(sent: Span) -> bool:
    """True when no word or phrase of the lexicon occurs in the sentence, not even one its rules reject.

    Generic words ('get', 'land', 'arrival') do not count: they name an event in one construction only, so a
    rejected use says nothing about the sentence.
    """
    return all(rule is not None and rule.generic for *_, rule in _candidates(sent))


def _candidates(sent: Span) -> list[tuple[Token, str, float, TriggerRule | None]]:
    """Candidate triggers in a sentence: (token, tentative type, strength, rule)."""
    found: list[tuple[Token, str, float, TriggerRule | None]] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        rule = TRIGGERS.get(lemma) or TRIGGERS.get(tok.text.lower())
        if rule is None or tok.pos_ not in rule.pos or tok.lower_ in _ABBREVIATIONS and not tok.is_upper:
            continue
        found.append((tok, rule.event_type, rule.strength, rule))
    low = sent.text
    for rx, etype, strength in _PHRASES:
        for m in rx.finditer(low):
            span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if span is None:
                continue
            found.append((span.root, etype, strength, None))
    return found


def _words_near(tok: Token) -> set[str]:
    """Lemmas in the trigger's own clause: its subtree and its head's direct children."""
    words = lemma_set(tok.subtree)
    if tok.head != tok:
        words |= lemma_set(tok.head.children) | {tok.head.lemma_.lower()}
    return words


def is_negated(tok: Token) -> bool:
    """Negated directly or through the verbs it complements ('could not allow them to be surrounded')."""
    node = tok
    for _ in range(3):
        if any(c.dep_ == "neg" or c.lower_ in ("longer", "more") and any(g.dep_ == "neg" for g in c.children)
               for c in node.children):
            return True     # 'did not fight', 'could no longer fight'
        if node.dep_ not in ("xcomp", "ccomp", "aux", "auxpass", "acomp") or node.head == node or \
                node.head.lemma_.lower() in SPEECH_LEMMAS:
            return False
        node = node.head
    return False


def denied_in_speech(tok: Token) -> bool:
    """A fact negated in what someone says ('the ministry said its forces had not shelled the village'): a denial.

    A negated modal ('said it would not withdraw', 'could not be taken') rules a thing out and denies nothing.
    """
    node = tok
    while not any(c.dep_ == "neg" for c in node.children):
        if node.dep_ not in ("xcomp", "aux", "auxpass", "acomp") or node.head == node:
            return False
        node = node.head
    return node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_LEMMAS and \
        not any(c.tag_ == "MD" for c in node.children)


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a trigger's rule reads: the word, its sentence, and the words the parse puts around it."""

    tok: Token
    rule: TriggerRule
    sent: Span
    has_place: bool            # the sentence names a place
    near: set[str]             # lemmas of the trigger's own clause (``_words_near``)
    sent_lemmas: set[str]
    subj: Token | None
    subj_words: set[str]       # lemmas of the subject's subtree
    objs: list[Token]          # direct, prepositional and passive-subject objects
    obj_words: set[str]        # lemmas of the objects' subtrees
    caption: bool = False      # the trigger heads a caption line (``is_caption_line``, ``_heads_caption``)

    @property
    def name(self) -> str | None:
        return self.rule.rule


def rule_context(tok: Token, rule: TriggerRule, sent: Span, has_place: bool) -> RuleContext:
    """Read the trigger's context from the parse once, for whichever rule applies."""
    subj = subject(tok)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr", "nsubjpass")]
    obj_words = set().union(*(lemma_set(o.subtree) for o in objs)) if objs else set()
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        # 'destroyed up to a hundred Ukrainian military': the parser hangs the object off 'to'
        obj_words |= set().union(set(), *(lemma_set(c.subtree) for c in tok.children if c.dep_ == "prep"))
    if tok.dep_ == "acl":
        obj_words |= lemma_set([tok.head, *tok.head.children])     # '60 invaders liquidated in Kharkiv region'
    return RuleContext(tok=tok, rule=rule, sent=sent, has_place=has_place, near=_words_near(tok),
                       sent_lemmas=lemma_set(sent), subj=subj,
                       subj_words=lemma_set(subj.subtree) if subj is not None else set(), objs=objs,
                       obj_words=obj_words, caption=is_caption_line(sent) and _heads_caption(tok))


def is_caption_line(sent: Span) -> bool:
    """A sentence that is a short line of its own: a caption, a one-line bulletin or a headline.

    Such lines report with noun phrases ('Damage to the X substation', 'Destroyed school in X', 'Russian troops
    seen in X'), which in running prose would be descriptions, not reports.
    """
    doc = sent.doc
    if "\n" in sent.text.strip() or sum(t.is_alpha for t in sent) > _CAPTION_WORDS:
        return False
    # the line-break component ends a sentence at every newline token
    starts = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    ends = sent.end >= len(doc) or "\n" in doc[sent.end - 1].text_with_ws or \
        doc[sent.end].is_space and "\n" in doc[sent.end].text
    if not (starts and ends):
        return False
    # A one-sentence paragraph of prose ('Russia invaded Ukraine on February 24, but ...') is no caption: a
    # caption or headline lacks the closing stop, or the finite verb with a subject.
    closed = sent.text.rstrip()[-1:] in ".!?"
    return not closed or not any(t.tag_ in _FINITE_TAGS and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                                 for t in sent)


def _caption_heads(sent: Span) -> set[int]:
    """The tokens a caption line is about: its root, the subjects, conjuncts and appositions of the root, and
    what a 'Video: ...' or 'Footage of ...' shows (the nouns under the media word, through 'of' or a participle)."""
    root = sent.root
    heads, frontier = {root.i}, [root]
    while frontier:
        node = frontier.pop()
        media = node.lemma_.lower() in _MEDIA_NOUNS
        for c in node.children:
            take = c.dep_ in ("nsubj", "nsubjpass", "conj", "appos") or \
                media and c.dep_ in ("acl", "dep", "dobj", "attr") or \
                media and c.dep_ == "prep" and c.lower_ in ("of", "from")
            if c.dep_ == "pobj" and node.dep_ == "prep" and node.head.lemma_.lower() in _MEDIA_NOUNS:
                take = True
            if take and c.i not in heads:
                heads.add(c.i)
                frontier.append(c)
    return heads


def _heads_caption(tok: Token) -> bool:
    """Whether the trigger is a head of its caption line, or a word describing one ('Destroyed school', 'Column
    of Russian tanks', 'Russian troops seen in X')."""
    heads = _caption_heads(tok.sent)
    if tok.i in heads:
        return True
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i in heads:
        return True     # 'Burning Russian helicopters', 'Damaged kindergarten'
    # 'Column of Russian tanks': what the column is made of
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "of" and tok.head.head.i in heads


def _disambiguate(tok: Token, rule: TriggerRule, sent: Span, has_place: bool) -> str | None:
    """Apply the trigger's rule (``RULES[rule.rule]``); return the event type, or None when this use is not an event.

    A word with no rule, or with a rule name no function reads, names its lexicon type.
    """
    check = RULES.get(rule.rule) if rule.rule is not None else None
    return rule.event_type if check is None else check(rule_context(tok, rule, sent, has_place))


def _rule_give_arms(ctx: RuleContext) -> str | None:
    """'will send two Patriot systems to Ukraine', 'delivered 50 tanks'; not 'provided no details', 'sent a
    letter'. Troops sent across a border or into a country invade it; troops sent to the border do not."""
    tok, obj_words = ctx.tok, ctx.obj_words
    given = obj_words | {w for c in tok.children if c.dep_ == "dative" for w in lemma_set(c.subtree)}
    if given & FORCE_WORDS:
        return "armed_clash" if _crossing(tok) else None
    return "aid" if given & _ARMS_AND_AID else None


def _rule_pour_in(ctx: RuleContext) -> str | None:
    """'Russian troops poured into Ukraine', 'tanks rolled across the border'; not 'refugees poured into
    Poland', 'money poured in'"""
    tok, subj_words = ctx.tok, ctx.subj_words
    movers = subj_words & _INVADERS
    return "armed_clash" if movers and _crossing(tok) else None


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


def _rule_war_begins(ctx: RuleContext) -> str | None:
    """'the invasion began on 24 February', 'Putin ordered the invasion'; 'the war' alone is the setting of
    everything else"""
    tok = ctx.tok
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("begin", "start"):
        return "armed_clash"
    return "armed_clash" if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("order", "begin", "start") \
        else None


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


def _rule_combat(ctx: RuleContext) -> str | None:
    """'fighting in Bakhmut', 'continues offensive': fighting words are clashes; a noun in a compound ('combat
    vehicle', 'assault rifle') and an adjective that only qualifies a noun name none."""
    tok = ctx.tok
    if tok.pos_ == "ADJ":
        return "armed_clash" if tok.dep_ in ("acomp", "dobj", "attr", "oprd") else None   # 'continues offensive'
    if tok.pos_ == "NOUN" and tok.dep_ in ("compound",) and tok.lemma_ != "fighting":
        return None
    return "armed_clash"


def _rule_attack(ctx: RuleContext) -> str | None:
    """'attacked the village' is a clash; the weapon near the word retypes it: drones, missiles, aircraft and
    bombs an air/drone strike, artillery, shells, rockets and mortars shelling."""
    near = ctx.near
    if near & {"drone", "missile", "air", "aircraft", "airstrike", "bomb", "jet"}:
        return "air_drone_strike"
    if near & {"artillery", "shell", "rocket", "mortar"}:
        return "shelling"
    return "armed_clash"


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
    if near & {"artillery", "shell", "mortar", "grad", "himars", "mlrs", "missile", "rocket"}:
        return "shelling"       # EVENTS.md: rocket and ground-launched missile fire is shelling
    return "air_drone_strike"


def _rule_weapon(ctx: RuleContext) -> str | None:
    """'artillery', 'missile', 'drones' name an attack only when they act or are used on something."""
    tok, rule, sent_lemmas = ctx.tok, ctx.rule, ctx.sent_lemmas
    if tok.dep_ in ("nsubj", "pobj", "dobj", "compound", "nmod", "conj") and (
            sent_lemmas & {"hit", "strike", "fire", "attack", "shell", "launch", "target", "kill", "injure",
                           "destroy", "damage", "shoot"} or {"work", "against"} <= sent_lemmas):
        # 'artillery worked against the enemy 250 times': military reports' wording for fire missions
        return rule.event_type
    return None


def _rule_capture(ctx: RuleContext) -> str | None:
    """'captured Soledar', 'the liberation of Kherson': territory taken; trying to seize a place is fighting,
    and capturing vehicles, people or a share of something is no territory."""
    tok, has_place, objs, obj_words = ctx.tok, ctx.has_place, ctx.objs, ctx.obj_words
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in ("territory", "area", "land", "part", "zone", "region"):
        return None         # 'cede its territories occupied by Russia' describes a state, not a capture
    if tok.head.lemma_.lower() in ("try", "attempt", "seek", "struggle", "fight") or \
            tok.head.head.lemma_.lower() in ("try", "attempt"):
        return "armed_clash"        # 'attempting to seize Pokrovsk' reports fighting, not a capture
    if objs and not (obj_words & (TERRITORY_WORDS | {"percent", "%"})) and not has_place:
        return None      # capturing vehicles or people is not territory; 'recovered 20 percent' (of it) is
    if obj_words & {"vehicle", "equipment", "weapon", "tank", "prisoner", "soldier", "troop", "body", "remains",
                    "loss", "strength", "cost", "money", "fund"}:
        return None
    return "territory_captured"


def _rule_take(ctx: RuleContext) -> str | None:
    """'took control of the town', 'Russian forces took Hirske': territory, when the object is a place or
    control."""
    has_place, objs, obj_words = ctx.has_place, ctx.objs, ctx.obj_words
    if obj_words & {"control", "city", "town", "village", "territory", "area"} or (
            objs and has_place and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)):
        return "territory_captured"
    return None


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


def _rule_gain(ctx: RuleContext) -> str | None:
    """'gained ground near Bakhmut': territory taken only when ground or territory is what was gained."""
    near = ctx.near
    return "territory_captured" if near & {"ground", "territory", "territorial"} else None


def _rule_withdraw(ctx: RuleContext) -> str | None:
    """'withdrew from Kherson', 'pulled out of the town': a withdrawal; 'pull' needs 'out' or 'back', and
    withdrawing an ambassador, support or an application is no retreat."""
    name, near = ctx.name, ctx.near
    if name == "pull" and not (near & {"out", "back"}):
        return None
    if near & {"ambassador", "support", "funding", "application", "claim", "candidacy", "deal"}:
        return None
    return "territory_withdrawn"


def _rule_abandon(ctx: RuleContext) -> str | None:
    """'abandoned the town', 'abandoned their attempts to advance': a withdrawal when ground or an advance is
    given up."""
    has_place, obj_words = ctx.has_place, ctx.obj_words
    return "territory_withdrawn" if obj_words & (TERRITORY_WORDS | {"advance", "attempt"}) or has_place else None


def _rule_harm(ctx: RuleContext) -> str | None:
    """'killed', 'wounded', 'dead': a casualty report."""
    return "casualties"


def _rule_evacuate(ctx: RuleContext) -> str | None:
    """'evacuated residents' is an evacuation; troops evacuated or evacuating a position withdraw."""
    subj_words, obj_words = ctx.subj_words, ctx.obj_words
    if subj_words & FORCE_WORDS or obj_words & FORCE_WORDS:
        return "territory_withdrawn"
    return "evacuation"


def _rule_cross_border(ctx: RuleContext) -> str | None:
    """'troops crossed into Russia', '438 soldiers have been allowed into Russia': leaving the war across a
    border"""
    tok, near, sent_lemmas, subj_words = ctx.tok, ctx.near, ctx.sent_lemmas, ctx.subj_words
    into = any(c.dep_ == "prep" and c.lower_ in ("into", "to") for c in tok.children) or \
        any(t.lower_ == "into" for t in tok.subtree)
    if not into or not (sent_lemmas & {"border", "russia", "refuge", "sanctuary", "asylum", "territory",
                                       "checkpoint", "abroad", "poland", "belarus"}):
        return None
    if subj_words & FORCE_WORDS or near & {"soldier", "troop", "serviceman", "guard"}:
        return "desertion"
    return "evacuation" if subj_words & CIVIL_WORDS else None


def _rule_flee(ctx: RuleContext) -> str | None:
    """'soldiers fled' is desertion, 'residents fled' evacuation; 'took refuge' names neither without the
    people."""
    name, near, sent_lemmas, subj_words = ctx.name, ctx.near, ctx.sent_lemmas, ctx.subj_words
    if subj_words & FORCE_WORDS or near & FORCE_WORDS or sent_lemmas & {"desertion", "deserter", "deserting"}:
        return "desertion"
    if subj_words & CIVIL_WORDS or near & CIVIL_WORDS or sent_lemmas & {"civilian", "resident", "family"}:
        return "evacuation"
    return "evacuation" if name == "flee" else None


def _rule_arrive(ctx: RuleContext) -> str | None:
    """'arrived at a reception centre', 'evacuees arrived': an evacuation when civilians or a centre arrive."""
    near, subj_words = ctx.near, ctx.subj_words
    return "evacuation" if (subj_words | near) & (CIVIL_WORDS | {"centre", "center"}) else None


def _rule_desert(ctx: RuleContext) -> str | None:
    """'soldiers deserted', 'he defected': desertion, a verb with an armed or personal subject."""
    tok, subj_words = ctx.tok, ctx.subj_words
    return "desertion" if tok.pos_ == "VERB" and (subj_words & (FORCE_WORDS | {"he", "she", "they", "i"}) or
                                                 tok.lemma_ == "defect") else None


def _rule_refuse(ctx: RuleContext) -> str | None:
    """'refused to fight', 'refused to return to the front': desertion; refusing anything else is none."""
    tok = ctx.tok
    xcomps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    acts = set().union(*(lemma_set(c.subtree) for c in xcomps)) if xcomps else set()
    if acts & {"fight", "return", "go", "serve", "deploy", "front", "kill"}:
        return "desertion"
    return None


def _rule_surrender(ctx: RuleContext) -> str | None:
    """'the garrison surrendered': surrender; surrendering territory or the Donbas is a political demand."""
    near = ctx.near
    return "surrender" if not (near & {"territory", "land", "donbas"}) else None


def _rule_exchange(ctx: RuleContext) -> str | None:
    """'swapped prisoners', 'an exchange of bodies': a prisoner exchange only when prisoners or bodies are
    named."""
    sent_lemmas = ctx.sent_lemmas
    return "prisoner_exchange" if sent_lemmas & {"prisoner", "pow", "body", "captive", "detainee"} else None


def _rule_arrest(ctx: RuleContext) -> str | None:
    """'was arrested', 'detained a saboteur': an arrest; evading or fearing arrest is none."""
    tok = ctx.tok
    if tok.head.lemma_ in ("evade", "avoid", "escape", "fear", "face", "risk"):
        return None
    return "arrest"


def _rule_protest(ctx: RuleContext) -> str | None:
    """'residents protested', 'a protest in Kherson': a protest; the verb needs people protesting, not a state."""
    tok, subj_words = ctx.tok, ctx.subj_words
    if tok.pos_ == "VERB" and not (subj_words & (CIVIL_WORDS | {"protester", "activist", "thousand", "hundred",
                                                                 "mother", "wife", "crowd"})):
        return None
    return "protest"


def _rule_draft(ctx: RuleContext) -> str | None:
    """'drafted into the army': mobilisation when the army or service is named."""
    near = ctx.near
    return "mobilization" if near & {"army", "military", "service", "conscript"} else None


def _rule_meeting(ctx: RuleContext) -> str | None:
    """'Zelensky met Erdogan', 'a meeting of foreign ministers': talks between political actors only."""
    tok = ctx.tok
    return "negotiation" if _leaders_meet(tok) else None


def _rule_talks(ctx: RuleContext) -> str | None:
    """'peace talks', 'a peace deal', 'the peace plan': negotiation; 'talk' only as 'talks', a plan or a deal
    only with peace, a ceasefire or a truce."""
    tok, name, near = ctx.tok, ctx.name, ctx.near
    if name == "talks" and tok.text.lower() != "talks":
        return None
    if name in ("peace_plan", "deal") and not (near & {"peace", "ceasefire", "truce"}):
        return None
    return "negotiation"


def _rule_aid(ctx: RuleContext) -> str | None:
    """'military aid', 'humanitarian assistance': aid."""
    return "aid"


def _rule_rebuild(ctx: RuleContext) -> str | None:
    """'will help rebuild the bridge': aid with a helper; rebuilding lives or careers is none."""
    near, subj_words, obj_words = ctx.near, ctx.subj_words, ctx.obj_words
    if obj_words & {"life", "lives", "career", "family"}:
        return None         # 'planning to rebuild their lives elsewhere' is no reconstruction help
    return "aid" if subj_words or near & {"help", "assist"} else None


def _rule_weapons(ctx: RuleContext) -> str | None:
    """'weapons supplies', 'military supplies': aid when weapons or the military are named."""
    near = ctx.near
    return "aid" if near & {"weapon", "western", "military", "arm", "ammunition"} else None


def _rule_damage(ctx: RuleContext) -> str | None:
    """'destroyed a tank', 'damaged a substation': an object of war destroyed is a clash (or the weapon's type),
    infrastructure damaged is infrastructure_disruption; anything else is none."""
    name, near, subj_words, obj_words = ctx.name, ctx.near, ctx.subj_words, ctx.obj_words
    if obj_words & (_MILITARY_OBJECTS | FORCE_WORDS) or (name == "damage" and near & {"fire"}):
        return _weapon_type(subj_words | near, default="armed_clash")
    if name == "damage" and near & _INFRASTRUCTURE:
        return "infrastructure_disruption"
    if ctx.caption and (near & _PROPERTY or ctx.has_place):
        return _damage_shown(ctx)   # 'Destroyed apartment blocks in central Bakhmut', 'Damage in Orekhov'
    return None


def _rule_hit(ctx: RuleContext) -> str | None:
    """'shells hit a market', 'pounded the town': a strike typed by its weapon when a target, a place or a
    weapon is named; 'exports hit a record' is none."""
    has_place, near, subj_words, obj_words = ctx.has_place, ctx.near, ctx.subj_words, ctx.obj_words
    if (obj_words | subj_words) & _NOT_TARGETS and not subj_words & _WEAPON_WORDS:
        return None     # 'exports hit a record', 'inflation hit its peak'; but 'shells hit a market'
    if not (obj_words & (_MILITARY_OBJECTS | _INFRASTRUCTURE | TERRITORY_WORDS) or has_place
            or subj_words & (FORCE_WORDS | {"missile", "drone", "rocket", "artillery", "shell"})):
        return None
    return _weapon_type(subj_words | near, default="shelling")


def _rule_arrival(ctx: RuleContext) -> str | None:
    """'there were arrivals in Kramatorsk' (the Ukrainian 'prilet', a hit); 'the arrival of the delegation',
    'tourist arrivals' are people arriving"""
    tok, sent_lemmas = ctx.tok, ctx.sent_lemmas
    if any(c.dep_ in ("poss", "compound", "amod") or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None
    existential = tok.head.lemma_ == "be" and any(c.dep_ == "expl" for c in tok.head.children)
    if not (existential or sent_lemmas & _ATTACK_WORDS):
        return None
    return _weapon_type(sent_lemmas, default="shelling")


def _rule_minus(ctx: RuleContext) -> str | None:
    """'Minus two command posts': report slang for destroyed; 'minus 20 degrees' is a number"""
    tok, sent, near = ctx.tok, ctx.sent, ctx.near
    if tok.i > sent.start and sent.doc[tok.i - 1].is_alpha:
        return None
    target = tok.head if tok.head != tok else None
    words = lemma_set(target.subtree) if target is not None else set()
    return _weapon_type(near, default="armed_clash") if words & _MILITARY_OBJECTS else None


def _rule_get_into(ctx: RuleContext) -> str | None:
    """'our gunners got into an ammunition depot': the reports' word for a hit on a target"""
    tok, subj_words = ctx.tok, ctx.subj_words
    targets = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "into"
               for o in c.children if o.dep_ == "pobj"]
    words = set().union(*(lemma_set(o.subtree) for o in targets)) if targets else set()
    if not words & (_MILITARY_OBJECTS | {"concentration", "manpower"}) or \
            not subj_words & (FORCE_WORDS | {"forces", "gunner", "artillery", "drone", "missile", "aviation"}):
        return None
    return _weapon_type(subj_words | words, default="shelling")


def _rule_landing(ctx: RuleContext) -> str | None:
    """'an attempted landing', 'troops landed': a landing operation is a clash; a landing ship or a plane's
    landing is none."""
    tok, near, subj_words, obj_words = ctx.tok, ctx.near, ctx.subj_words, ctx.obj_words
    if tok.pos_ == "NOUN":
        if tok.dep_ == "compound" or not near & {"attempt", "force", "party", "operation", "amphibious", "troop"}:
            return None     # a 'landing ship', a plane's landing
        return "armed_clash"
    return "armed_clash" if (subj_words | obj_words) & (FORCE_WORDS - {"man"}) else None


def _rule_intercept(ctx: RuleContext) -> str | None:
    """'intercepted 20 drones': the projectiles intercepted make it a strike of their type."""
    obj_words = ctx.obj_words
    projectiles = {"missile", "drone", "rocket", "shahed", "uav", "projectile", "bomb", "aircraft", "target"}
    return _weapon_type(obj_words, default="air_drone_strike") if obj_words & projectiles else None


def _rule_downed(ctx: RuleContext) -> str | None:
    """'downed a helicopter', 'drones were downed': an air strike when aircraft or drones are downed."""
    subj_words, obj_words = ctx.subj_words, ctx.obj_words
    aircraft = {"drone", "plane", "aircraft", "helicopter", "jet", "uav", "shahed", "missile", "fighter"}
    return "air_drone_strike" if (obj_words | subj_words) & aircraft else None


def _rule_barrage(ctx: RuleContext) -> str | None:
    """'an artillery barrage', 'a salvo of rockets': shelling when a weapon is named."""
    near = ctx.near
    return _weapon_type(near, default="shelling") if near & _WEAPON_WORDS else None


def _rule_thwart(ctx: RuleContext) -> str | None:
    """'stopped an attempt by the Armed Forces to break through', 'foiled an enemy landing': a repelled
    operation"""
    subj_words, obj_words = ctx.subj_words, ctx.obj_words
    operations = {"attempt", "offensive", "attack", "breakthrough", "landing", "raid", "assault", "advance",
                  "provocation", "sortie"}
    if not obj_words & operations or not (subj_words | obj_words) & (FORCE_WORDS | {"forces", "enemy"}):
        return None
    return "armed_clash"


def _rule_victim(ctx: RuleContext) -> str | None:
    """counted victims ('the number of victims rose to 23', '12 victims') or victims of an attack; 'a victim of
    fraud' or 'of aggression' is no casualty report"""
    tok = ctx.tok
    counted = any(c.dep_ == "nummod" for c in tok.children) or \
        tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ("number", "toll")
    of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return "casualties" if counted or any(_names_event(o) for o in of) else None


def _rule_inflict(ctx: RuleContext) -> str | None:
    """'inflicted heavy losses', 'dealt a blow': a clash (or the weapon's type) when damage or losses are
    inflicted."""
    near = ctx.near
    return _weapon_type(near, default="armed_clash") if near & {"damage", "loss", "defeat", "casualty",
                                                                 "blow", "strike"} else None


def _rule_lose(ctx: RuleContext) -> str | None:
    """'lost 120 servicemen', 'over 250 servicemen lost in the Donetsk direction': casualties when people are
    lost."""
    subj, subj_words, objs, obj_words = ctx.subj, ctx.subj_words, ctx.objs, ctx.obj_words
    if obj_words & (FORCE_WORDS | {"personnel", "serviceman", "man", "life"}):
        return "casualties"
    counted = any(c.dep_ == "nummod" for c in (subj.children if subj is not None else ()))
    # 'two units lost up to 150 people', 'over 250 servicemen lost in Donetsk direction'
    return "casualties" if subj_words & FORCE_WORDS and (obj_words & {"people"} or not objs and counted) else None


def _rule_losses(ctx: RuleContext) -> str | None:
    """'enemy losses', 'losses amounted to 300 personnel': casualties when the losses are military; economic
    losses are none."""
    near, sent_lemmas = ctx.near, ctx.sent_lemmas
    if near & {"economic", "financial", "revenue", "profit", "market", "job"}:
        return None
    return "casualties" if (near | sent_lemmas) & (FORCE_WORDS | {"enemy", "personnel", "military", "armed",
                                                                   "killed", "dead", "wounded", "war"}) else None


def _rule_blow(ctx: RuleContext) -> str | None:
    """'blew up a bridge' (infrastructure) or 'blew up a tank' (a clash); 'dealt a blow' is a clash typed by the
    weapon of its agent."""
    tok, near, obj_words = ctx.tok, ctx.near, ctx.obj_words
    if tok.pos_ == "VERB":
        if not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
            return None
        if obj_words & (_MILITARY_OBJECTS | FORCE_WORDS):
            return "armed_clash"
        return "infrastructure_disruption" if obj_words & (_INFRASTRUCTURE | {"dam", "road", "tunnel"}) else None
    agent = subject(tok.head)
    return _weapon_type(near | (lemma_set(agent.subtree) if agent is not None else set()), default="armed_clash") \
        if tok.head.lemma_.lower() in ("deal", "inflict", "strike", "deliver") else None


def _rule_oust(ctx: RuleContext) -> str | None:
    """'ousted Russian troops from the village': territory taken where a place is named, otherwise a clash."""
    has_place, near = ctx.has_place, ctx.near
    return "territory_captured" if has_place or near & TERRITORY_WORDS else "armed_clash"


def _rule_harm_civilians(ctx: RuleContext) -> str | None:
    """'harm to civilians': casualties when civilians are named."""
    near, sent_lemmas = ctx.near, ctx.sent_lemmas
    return "casualties" if (near | sent_lemmas) & CIVIL_WORDS else None


def _rule_explosion(ctx: RuleContext) -> str | None:
    """'explosions in Melitopol', 'a blast at a depot': shelling."""
    return "shelling"


def _rule_fire(ctx: RuleContext) -> str | None:
    """'opened fire' is a clash, 'artillery fire on Nikopol' shelling; a noun with no weapon or fire verb, and
    dismissing someone from a post, are none."""
    tok, near, subj_words, obj_words = ctx.tok, ctx.near, ctx.subj_words, ctx.obj_words
    if tok.pos_ == "VERB" and (obj_words | (subj_words if "auxpass" in {c.dep_ for c in tok.children} else set())) \
            & _OFFICE_WORDS:
        return None     # 'fired the defence minister', 'the coach was fired': dismissed
    if tok.pos_ in ("NOUN", "PROPN") and ctx.caption and not near & {"open", "come", "under", "return"}:
        return _damage_shown(ctx)   # 'Fire at an ammunition depot in Yasinovataya'
    if tok.pos_ == "NOUN" and not (near & {"open", "artillery", "mortar", "rocket", "come", "under", "return"}):
        return None
    if near & {"open"}:
        return "armed_clash"
    target = subject(tok) if tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) else None
    # 'the unit was fired upon': troops under fire with no weapon named are in a firefight
    default = "armed_clash" if target is not None and target.lemma_.lower() in FORCE_WORDS else "shelling"
    return _weapon_type(near - {"fire"}, default=default)


def _rule_shoot(ctx: RuleContext) -> str | None:
    """'shot down a drone' is an air strike; shooting people is a clash; anything else is none."""
    near, subj_words, obj_words = ctx.near, ctx.subj_words, ctx.obj_words
    if near & {"down"}:
        return "air_drone_strike"
    return "armed_clash" if (obj_words | subj_words) & (FORCE_WORDS | CIVIL_WORDS) else None


def _rule_service(ctx: RuleContext) -> str | None:
    """'trains no longer run': a transport service stopped is infrastructure disruption."""
    tok, near = ctx.tok, ctx.near
    return "infrastructure_disruption" if near & {"train", "railway", "bus", "metro"} and is_negated(tok) else None


# What burns or lies wrecked in a war photo when it is not a building: the objects of a clash.
_WAR_MACHINES = frozenset({"tank", "vehicle", "helicopter", "aircraft", "plane", "jet", "armour", "armor", "apc",
                           "bmp", "btr", "howitzer", "launcher", "boat", "ship", "column", "convoy", "equipment",
                           "truck", "bradley", "leopard", "abrams"})


def _weapon_words(sent: Span) -> set[str]:
    """The sentence's lemmas without the drone a photo was taken from ('seen from a drone', 'drone footage')."""
    return {t.lemma_.lower() for t in sent
            if not (t.lemma_.lower() in ("drone", "uav") and (t.head.lower_ in ("from", "by") or
                    t.dep_ == "compound" and t.head.lemma_.lower() in _MEDIA_NOUNS))}


def _damage_shown(ctx: RuleContext) -> str:
    """What a caption's damage reports: the weapon's type when it names one; wrecked or burning war machines
    with no weapon named are a clash; damage to anything else is infrastructure_disruption (EVENTS.md)."""
    words = _weapon_words(ctx.sent) - {"fire", "burn", "blaze"}
    if words & _WAR_MACHINES and not words & (_INFRASTRUCTURE | _PROPERTY):
        return _weapon_type(words, default="armed_clash")
    return _weapon_type(words, default="infrastructure_disruption")


def _rule_wreck(ctx: RuleContext) -> str | None:
    """'Ruins of Mariinka', 'Aftermath of a strike on X', 'Crater in X', 'Burning helicopters at X airfield',
    'Flooded streets in Oleshky', 'Damaged kindergarten in X': a caption line showing damage (typed by
    ``_damage_shown``). Elsewhere these words name no event."""
    return _damage_shown(ctx) if ctx.caption else None


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


# Each ambiguous trigger's rule, by the name the lexicon gives it (``TriggerRule.rule``).
RULES: Mapping[str, Callable[["RuleContext"], str | None]] = MappingProxyType({
    "give_arms": _rule_give_arms,
    "pour_in": _rule_pour_in,
    "launched": _rule_launched,
    "war_begins": _rule_war_begins,
    "fall": _rule_fall,
    "combat": _rule_combat,
    "attack": _rule_attack,
    "strike": _rule_strike,
    "weapon": _rule_weapon,
    "capture": _rule_capture,
    "take": _rule_take,
    "enter": _rule_enter,
    "control": _rule_control,
    "gain": _rule_gain,
    "withdraw": _rule_withdraw,
    "pull": _rule_withdraw,
    "abandon": _rule_abandon,
    "harm": _rule_harm,
    "evacuate": _rule_evacuate,
    "cross_border": _rule_cross_border,
    "flee": _rule_flee,
    "refuge": _rule_flee,
    "arrive": _rule_arrive,
    "desert": _rule_desert,
    "refuse": _rule_refuse,
    "surrender": _rule_surrender,
    "exchange": _rule_exchange,
    "arrest": _rule_arrest,
    "protest": _rule_protest,
    "draft": _rule_draft,
    "meeting": _rule_meeting,
    "talks": _rule_talks,
    "peace_plan": _rule_talks,
    "deal": _rule_talks,
    "aid": _rule_aid,
    "rebuild": _rule_rebuild,
    "weapons": _rule_weapons,
    "damage": _rule_damage,
    "military_object": _rule_damage,
    "hit": _rule_hit,
    "arrival": _rule_arrival,
    "minus": _rule_minus,
    "get_into": _rule_get_into,
    "landing": _rule_landing,
    "intercept": _rule_intercept,
    "downed": _rule_downed,
    "barrage": _rule_barrage,
    "thwart": _rule_thwart,
    "victim": _rule_victim,
    "inflict": _rule_inflict,
    "lose": _rule_lose,
    "losses": _rule_losses,
    "blow": _rule_blow,
    "oust": _rule_oust,
    "harm_civilians": _rule_harm_civilians,
    "explosion": _rule_explosion,
    "fire": _rule_fire,
    "shoot": _rule_shoot,
    "service": _rule_service,
    "wreck": _rule_wreck,
    "remains": _rule_remains,
    "sighting": _rule_sighting,
})


_HYPOTHETICAL_HEADS = frozenset({"risk", "threat", "fear", "danger", "possibility", "prospect", "chance",
                                 "likelihood", "spectre", "specter", "ability"})
_BACKGROUND_HEADS = frozenset({"conflict", "war", "invasion", "struggle"})
_IDIOM_HEADS = frozenset({"heat", "fog"})        # 'in the heat of battle', 'the fog of war'
_MEANS_HEADS = frozenset({"way", "means", "capacity", "capability", "strength", "right", "need", "reason"})



def _not_an_occurrence(tok: Token) -> bool:
    """Uses of a trigger word that report no event.

    'the risk of strikes', 'prospects for peace talks' (a possibility, not an occurrence); 'a conflict that has
    killed thousands' (a summary of the war, not an event of its own); 'Withdrawing from a few battles does not
    mean ...' (a generic statement: the trigger heads, or sits inside, a clausal subject).
    """
    node = tok
    for _ in range(3):
        if node.dep_ == "csubj" and node.head.lemma_.lower() not in _HARM_VERBS | _ONGOING_VERBS:
            return True     # ... but 'Shelling in Donetsk kills four civilians' reports one
        head = node.head
        if head == node:
            break
        if node.dep_ in ("pobj", "prep") and head.lemma_.lower() in _HYPOTHETICAL_HEADS | _IDIOM_HEADS:
            return True
        if node.dep_ == "relcl" and head.lemma_.lower() in _BACKGROUND_HEADS and not _starts_war(node):
            return True     # ... but 'the war Russia unleashed in 2022' tells its start
        if node.dep_ in ("relcl", "acl") and head.lemma_.lower() in _HYPOTHETICAL_HEADS | _MEANS_HEADS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return True     # 'no other way to fight', 'the ability to strike': a means, not an occurrence
        node = head
    return False


def _starts_war(verb: Token) -> bool:
    """Whether a verb is one that launches a war ('launched', 'unleashed')."""
    rule = TRIGGERS.get(verb.lemma_.lower())
    return rule is not None and rule.rule == "launched"


# Verbs that tell what an attack named as their clausal subject did: 'Shelling in Horlivka kills two'.
_HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "claim", "leave", "damage", "destroy", "hit"})
# Verbs that say fighting named as their clausal subject goes on: 'Fighting in Bakhmut continues'.
_ONGOING_VERBS = frozenset({"continue", "rage", "persist", "resume", "intensify", "escalate", "erupt", "flare"})

# The war itself as the doer ('the war has displaced millions'), and number words that count only roughly
# ('thousands', 'tens of thousands', 'millions'): the war's running toll, not an occurrence of its own.
_WAR_NOUNS = _BACKGROUND_HEADS | {"aggression"}
_ROUND_NUMBERS = frozenset({"dozen", "hundred", "thousand", "million", "billion", "ten", "score"})
ROUGH_AMOUNTS = frozenset({"many", "countless", "numerous", "untold", "innumerable"})
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


def _rough_count(noun: Token) -> bool:
    """'thousands', 'tens of thousands of civilians', 'millions of people', 'countless lives': a number no one
    counted. '9,614 civilians' and 'two million people' are counts."""
    node: Token | None = noun
    while node is not None:
        if any(c.lower_ in ROUGH_AMOUNTS and c.dep_ in ("amod", "det") for c in node.children) or \
                node.lower_ in ROUGH_AMOUNTS:
            return True
        if node.lemma_.lower() in _ROUND_NUMBERS and node.tag_ == "NNS" and \
                not any(c.dep_ in ("nummod", "compound") and c.like_num for c in node.children):
            return True
        node = next((o for c in node.children if c.dep_ == "prep" and c.lower_ == "of"
                     for o in c.children if o.dep_ == "pobj"), None)
    return False


def _war_toll(tok: Token) -> bool:
    """'the war has displaced millions', 'millions were uprooted by the invasion', 'a conflict that has killed
    thousands, uprooted millions': what the war has done so far, counted roughly, is no event of its own.

    A counted toll ('the UN said the war has killed 9,614 civilians') stays: a figure someone stands behind is
    the one way such a toll reaches the data, and it carries its source.
    """
    if tok.pos_ != "VERB":
        return False
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    counted = [subject(tok)] if passive else [c for c in tok.children if c.dep_ == "dobj"]
    if not any(c is not None and _rough_count(c) for c in counted):
        return False
    # in a list of what the war did ('has killed thousands, uprooted millions') the parser may hang the later
    # verbs on another clause: the first verb of the list names the doer
    verbs = [tok, *([first] if (first := _earlier_in_list(tok)) is not None else [])]
    return any(d.lemma_.lower() in _WAR_NOUNS for v in verbs for d in _doers(v))


def _doers(verb: Token) -> list[Token]:
    """Who or what does a verb's action: its subject, the head of its relative clause, or its 'by' agent."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    subj = subject(verb)
    if subj is not None and subj.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subj = verb.head
    return [subj] if subj is not None else []


def _earlier_in_list(tok: Token) -> Token | None:
    """The verb of the item before this one in a comma list ('killed thousands, uprooted millions')."""
    i = tok.left_edge.i - 1
    doc = tok.doc
    if i < tok.sent.start + 1 or doc[i].text != ",":
        return None
    node = doc[i - 1]
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return node if node.pos_ == "VERB" and node != tok else None


# Nouns of fighting that, definite and bare ('the fighting', 'the fights'), name the war's fighting already told,
# and the words that make them a cause or a circumstance ('fled because of the fighting', 'amid the clashes').
_FIGHT_NOUNS = frozenset({"fight", "fighting", "battle", "clash", "combat", "hostility", "hostilities", "war",
                          "skirmish", "firefight"})
_CIRCUMSTANCE_WORDS = frozenset({"because", "due", "owing", "result", "amid", "amidst", "despite", "during",
                                 "thanks"})
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})


def _backdrop(tok: Token, others: set[int]) -> bool:
    """'the next main focus of the fights', 'fled because of the fighting', 'was wounded in the fighting': the
    fighting as the setting of something else, not a new event.

    Only a bare definite noun goes: one with a place, an actor, a count or a clause of its own ('the battle for
    Avdiivka', 'the fighting near Siversk', 'the clashes that broke out on Monday') is told anew. It must be the object
    of a preposition under another noun, in a causal or circumstantial phrase, or under another trigger of the
    sentence (``others``: token indices), so that the sentence's own event carries the report.
    """
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _FIGHT_NOUNS or tok.dep_ != "pobj":
        return False
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
        return False
    if any(c.dep_ not in ("det", "amod", "punct") or c.ent_type_ for c in tok.children):
        return False        # 'the battle for Avdiivka', 'the Ukrainian clashes', 'the fighting there'
    prep = tok.head
    governor = prep.head
    return prep.lower_ in _CIRCUMSTANCE_WORDS or governor.lower_ in _CIRCUMSTANCE_WORDS or \
        governor.i in others or governor.pos_ in ("NOUN", "PROPN")


# Verbs and adjectives whose complement did not happen: 'refuse to fight', 'wanted to occupy', 'are prepared to
# surrender', 'advised them to surrender', 'thought they would surrender', 'closer to taking control'. Offers
# ('ready for a dialogue') are events of their own for the types in _OFFER_TYPES; plans ('expected to
# withdraw') keep their planned modality.
_NON_FACTIVE = frozenset({"refuse", "avoid", "want", "wish", "hope", "dream", "prepared", "ready", "willing", "volunteer",
                          "afraid", "hesitate", "advise", "urge", "ask", "think", "believe", "imagine", "close",
                          "closer", "verge", "brink"})
# Verbs whose object did not happen or is not an event of its own: 'escape fighting', 'prevent an encirclement',
# 'abandoned an advance on Kyiv' (the withdrawal is the event).
_BLOCKING = frozenset({"avoid", "escape", "prevent", "abandon"})
_OFFER_TYPES = frozenset({"negotiation", "aid", "sanction", "mobilization"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "advcl", "acomp", "pobj", "pcomp", "prep", "conj"})


def _unreal(tok: Token, etype: str) -> bool:
    """A use that reports no event in the world: wished, refused, counterfactual or a label.

    Conditions ('if Russia attacks Kyiv') stay here: they are events of hypothetical modality (a condition with
    no place, date or count of its own is dropped later, as a description: ``events._drop_descriptive``).
    Dropped: 'would have refused' (counterfactual), 'it would be considered desertion' (a label), 'refuse to
    return to fight' and 'escape fighting' (the complement of a non-factive verb), 'mount assaults on X to take
    control of it' (a purpose: the assault is the event).
    """
    if tok.dep_ == "oprd" and tok.pos_ == "NOUN":
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _BLOCKING:
        return True
    if any(c.dep_ == "amod" and c.lower_ in ("possible", "potential", "eventual", "future") for c in tok.children):
        return True     # 'negotiations on a possible surrender': the talks happened, the surrender did not
    node = tok
    for _ in range(4):
        children = list(node.children)
        auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if {"would", "have"} <= auxes:
            return True
        head = node.head
        if head == node or node.dep_ not in _COMPLEMENT_DEPS:
            return False
        if head.lemma_.lower() in _NON_FACTIVE and etype not in _OFFER_TYPES and \
                not (etype == "armed_clash" and head.lemma_.lower() == "want" and node is tok):
            return True     # 'the Russians want to break through at Bakhmut' reports an offensive under way
        if node is tok and tok.dep_ == "advcl" and "to" in auxes and _names_event(head) and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
            return True
        node = head
    return False


def _names_event(tok: Token) -> bool:
    """Whether a word, or its object, is itself a trigger word (the event a purpose clause belongs to).

    Generic words ('war', 'landing') name an event in one construction only: 'victims of the war' are no toll.
    """
    words = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    return any((rule := TRIGGERS.get(w.lemma_.lower())) is not None and w.pos_ in rule.pos and not rule.generic
               for w in words)


_QUOTES = frozenset("'\"‘’“”«»")


def _quoted_word(tok: Token) -> bool:
    """'‘liberation’ is a word that keeps the country afloat': the word quoted, not an event."""
    doc = tok.doc
    before = doc[tok.i - 1].text if tok.i > 0 else ""
    after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    return bool(before) and bool(after) and before[-1] in _QUOTES and after[0] in _QUOTES
