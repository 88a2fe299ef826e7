"""Caption genres: what a caption line that names a place reports when no trigger word of the lexicon does.

An investigator's caption names what a photo or video shows, in a noun phrase or a participle: damage ('Apartment
block destroyed in T', 'Shopping centre in T on fire', 'X engulfed in flames', 'A school was targeted in T',
'damage to X'), fighting ('T-64 engaging infantry in T', 'Russian losses near V'), troops present or moving
('Russian troop movement in V', 'Drone operating above V', 'Russian positions near V', 'Failed river crossing at
V'), the aftermath ('Mass grave in T', 'Prisoners of war in T', 'Bodies in T'), people leaving ('Station in T packed
with evacuees'), a funeral ('Funeral of the victims in T', an event of type other), and a flag raised over a place
or its people greeting troops ('Ukrainian flag raised in V', 'Residents greet Ukrainian soldiers in V', a claim of
control).
``caption_genre`` reads these from the parse: a word of one genre's lemma list that the caption line is about
(its root, or a word hanging from it by a modifier, a clause or a preposition), never inside an 'after ...'
clause or a negation. It is asked only for a caption line that names a place and whose words the lexicon did not
read as any event, so it adds recall where running prose is left alone. It is no lexicon rule (no word of the
lexicon names it): ``find_triggers`` asks it last. Its readings are weak (``GENRE_STRENGTH``): a caption says
what is shown, not what happened.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from frontline.triggers.lexicon import TriggerRule
from frontline.triggers.negation import is_negated
from frontline.triggers.rules.context import RuleContext, rule_context
from frontline.triggers.rules.damage import damage_shown
from frontline.triggers.rules.words import CIVIL_WORDS, FORCE_WORDS, weapon_type

__all__ = ["GENRE_STRENGTH", "caption_genre"]

GENRE_STRENGTH = 0.4

# Damage shown: the object was destroyed, hit, burnt or targeted ('destroyed X', 'X heavily damaged', 'X struck
# by ...', 'X engulfed in flames', 'X on fire', 'explosion at X'), what is left ('residents clearing rubble in T')
# what was dropped on it or left ('drone dropping munitions on soldiers near V', 'unexploded rocket near V'), or a
# launch ('HIMARS launch near T').
_DAMAGE = frozenset({"destroy", "destroyed", "damage", "damaged", "hit", "strike", "struck", "target", "burn",
                     "engulf", "blaze", "ablaze", "flame", "fire", "smoke", "ruin", "collapse", "level", "raze",
                     "wreck", "demolish", "gut", "explode", "explosion", "blast", "shell", "bomb", "attack",
                     "shatter", "smash", "scorch", "torch", "blow", "remains", "crash", "destruction",
                     "devastation", "rubble", "debris", "wreckage", "crater", "ruins", "munition", "drop", "remnant",
                     "fragment", "shrapnel", "bomblet", "submunition", "unexploded", "ordnance", "launch", "knock",
                     "broken", "downed",
                     # air defence at work over a place: what it brings down was fired at the place
                     "intercept", "interception", "interceptor", "shootdown",
                     # a dam or a dyke broken ('Dam breached, flooding in T')
                     "breach"})
# 'Ukrainian flag raised in V', 'Russian flag flying over V', 'Russian flag removed from the council in T': a flag
# put up or taken down says who holds the place
_FLAGS = frozenset({"flag"})
_HOIST = frozenset({"raise", "hoist", "fly", "plant", "hang", "put", "install", "wave", "remove", "lower", "tear",
                    "take", "pull"})
# 'Residents greet Ukrainian soldiers in T', 'Locals welcome the army in V': people of a place greeting troops who
# came in is the place taken (liberated)
_GREET = frozenset({"greet", "welcome", "hug", "embrace", "cheer", "meet"})
_LOCALS = CIVIL_WORDS | {"local", "villager", "townspeople", "townsfolk", "crowd", "resident", "citizen"}
# 'Nothing left of T', 'Little is left of V': a place razed
_NOTHING = frozenset({"nothing", "little"})
# The aftermath of violence against people: graves, bodies, prisoners.
_GRAVES = frozenset({"grave", "burial", "body", "corpse", "exhumation", "torture", "chamber"})
_PRISONERS = frozenset({"prisoner", "pow", "captive", "captivity"})
# Property taken from civilians ('Looted shop in T'): looting is violence against civilians (ACLED's looting)
_LOOTING = frozenset({"loot", "looted", "looting", "pillage", "plunder", "ransack"})
# Forces present or moving: a sighting ('troop movement in V', 'drone over V', 'positions near V').
_PRESENCE = frozenset({"movement", "move", "column", "convoy", "position", "drone", "uav", "operate", "patrol",
                       "deploy", "deployment", "crossing", "checkpoint", "base", "trench", "fortification",
                       "build-up", "buildup", "concentration", "camp", "roadblock", "outpost", "dugout",
                       "reinforcement", "arrive", "redeploy", "redeployment", "amass", "gather",
                       # armed men and aircraft shown in a place ('Wagner fighters in the centre of T', 'helicopter
                       # flying low over V')
                       "fighter", "mercenary", "militant", "sniper", "helicopter", "aircraft", "warplane", "jet",
                       "fly", "hover", "armoured", "armored",
                       # left behind or cleared ('abandoned T-72 towed away', 'sappers demining a road near T')
                       "abandon", "tow", "demine", "demining", "sapper",
                       # guns and obstacles shown in a place ('Ukrainian artillery
                       # near V', 'Bradley in V', 'Pontoon bridge near V', 'Minefield near V', "Dragon's teeth near V")
                       "artillery", "howitzer", "mlrs", "himars", "bradley", "leopard", "abrams", "stryker",
                       "marder", "pontoon", "minefield", "dragon", "obstacle", "barrier", "launcher", "radar",
                       # a sighting said so ('Buk launcher spotted near V')
                       "spot", "sight", "sighting"})
# A funeral or a farewell in a place ('Funeral of the victims in T'): deaths mourned, an event of its own (other)
_MOURNING = frozenset({"funeral", "mourn", "mourning", "mourner", "farewell"})
# Fighting shown: 'T-64 engaging infantry in T', 'Russian losses near T'
_FIGHTING = frozenset({"engage", "engagement", "loss", "losses", "firefight", "shootout", "duel"})
# People leaving: 'station packed with evacuees', 'refugees crossing at V'
_LEAVING = frozenset({"evacuee", "evacuation", "evacuate", "refugee", "displaced"})
# 'Failed river crossing at V', 'pontoon crossing destroyed': a crossing under fire is a clash
_CLASH_CROSSING = frozenset({"fail", "failed", "river", "pontoon", "attempt", "repel", "repelled"})
# A bridge or a crossing made of pontoons is a military crossing ('pontoon bridge', 'pontoon ferry')
_CROSSING_KINDS = frozenset({"pontoon"})
_CROSSINGS = frozenset({"bridge", "crossing", "ferry", "span"})
# The dependency relations along which a word is still what the caption line is about
_ABOUT = frozenset({"ROOT", "amod", "compound", "nmod", "acl", "relcl", "prep", "pobj", "nsubj", "nsubjpass",
                    "conj", "appos", "dobj", "attr", "acomp", "oprd", "pcomp", "agent", "dep", "npadvmod",
                    "advcl", "ccomp", "xcomp"})
# 'after the strike on X', 'as troops left X': a clause or phrase so introduced is the setting, not what is shown
_SETTING = frozenset({"after", "before", "since", "despite", "as", "when", "while", "because", "until", "if"})
_DEPTH = 4


def _about(tok: Token) -> bool:
    """Whether the caption line is about this word: a path of at most _DEPTH modifier edges to its root, with no
    subordinate clause ('after the strike on X') on the way."""
    node = tok
    for _ in range(_DEPTH + 1):
        if node.dep_ not in _ABOUT or node.dep_ in ("pcomp", "pobj") and node.head.lower_ in _SETTING or \
                node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            return False
        if node.head == node:
            return True
        node = node.head
    return False


def _modifies_another_thing(tok: Token) -> bool:
    """'base rate', 'drone show', 'smoke-free': the word only qualifies a noun of no genre (or is glued to another
    word by a hyphen), so the caption is not about it."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
        return doc[tok.i + 2].lower_ not in ("out", "up", "down")     # 'burned-out' stays a damage word
    if tok.pos_ == "VERB" or tok.i == tok.sent.start and tok.lower_.endswith("ed"):
        # 'Wrecked BMP-2 near V', 'Shelled Donetsk Regional Hospital in T': a participle opening the caption, which
        # the model hangs on a name as a compound
        return False
    if tok.dep_ == "compound" and tok.lemma_.lower() in _CROSSING_KINDS and tok.head.lemma_.lower() in _CROSSINGS:
        return False    # 'Russian pontoon bridge near V': the bridge is the pontoons
    return tok.dep_ in ("compound", "npadvmod") and tok.head.i != tok.i and _genre_of_word(tok.head) is None


def _lemmas(tok: Token) -> set[str]:
    """The word's lemma, its lower-case form, its singular and its stem before '-ed' / '-ing': the small model
    lemmatises 'graves' as 'graf' and leaves a caption's 'Shelled' as it is."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low, low[:-1] if low.endswith("s") else low}
    if low.endswith("ed"):
        forms |= {low[:-2], low[:-1], low[:-3] if low[-3:-2] == low[-4:-3] else low[:-2]}   # 'shelled' -> 'shell'
    elif low.endswith("ing"):
        forms |= {low[:-3], low[:-3] + "e"}
    return forms


def _shot_down(tok: Token) -> bool:
    """'Shot-down Su-34 in T', 'Helicopter shot down near V': an aircraft brought down (not a photo's 'shot')."""
    doc = tok.doc
    following = [t.lower_ for t in doc[tok.i + 1:tok.i + 3] if t.text != "-"]
    return tok.lower_ == "shot" and following[:1] == ["down"]


# 'Russian flag on the outskirts of V', 'Ukrainian flag over the ruins': a side's flag shown in a place
_FLAG_OWNERS = frozenset({"ukrainian", "russian", "dpr", "lpr", "dnr", "lnr", "soviet", "national", "blue",
                          "yellow", "tricolour", "tricolor"})


def _greeted_troops(tok: Token) -> bool:
    """'Residents greet Ukrainian soldiers', 'Ukrainian troops welcomed by locals': people greeting troops."""
    if not _lemmas(tok) & _GREET:
        return False
    people = [c for c in tok.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    people += [g for c in tok.children if c.dep_ in ("agent", "prep") for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ in ("acl", "relcl"):
        people.append(tok.head)
    kinds = [_lemmas(p) for p in people]
    return any(k & _LOCALS for k in kinds) and any(k & FORCE_WORDS for k in kinds)


def _nothing_left(tok: Token) -> bool:
    """'Nothing left of T', 'Little is left of the village': 'left' said of nothing."""
    if tok.lower_ != "left" or not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False    # 'nothing left to say' is no place razed
    return tok.head.lower_ in _NOTHING and tok.dep_ in ("acl", "amod") or \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _NOTHING for c in tok.children)


def _dragons_teeth(tok: Token) -> bool:
    """"Dragon's teeth near V": the pyramids of a fortification line, not a dragon's."""
    return tok.lemma_.lower() in ("tooth", "teeth") and any(c.lower_ == "dragon" for c in tok.children)


def _genre(tok: Token) -> str | None:
    """The genre a word names, or None."""
    if _greeted_troops(tok):
        return "control"
    if _lemmas(tok) & _FLAGS and any(_lemmas(t) & _HOIST for t in (tok.head, *tok.children)):
        return "control"
    if _lemmas(tok) & _FLAGS and any(c.dep_ in ("amod", "compound") and c.lower_ in _FLAG_OWNERS
                                     for c in tok.children):
        return "control"
    return _genre_of_word(tok)


def _impact_weapons(tok: Token) -> set[str]:
    """The weapon an 'impact' names ('KAB impact near the canal', 'impact of a Shahed on a warehouse'), or none:
    an impact with no weapon ('the impact of sanctions') shows no damage."""
    if "impact" not in _lemmas(tok):
        return set()
    named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    named += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    words = {w for c in named for w in _lemmas(c)}
    return words if weapon_type(words, default="") else set()


def _genre_of_word(tok: Token) -> str | None:
    """The genre the word itself names (damage, fighting, aftermath, leaving or presence), or None."""
    words = _lemmas(tok)
    if words & _DAMAGE or _impact_weapons(tok):
        return "damage"
    if words & _FIGHTING:
        return "fighting"
    if words & _MOURNING:
        return "mourning"
    if words & _LEAVING:
        return "leaving"
    if words & (_GRAVES | _PRISONERS | _LOOTING):
        return "aftermath"
    if _shot_down(tok) or _nothing_left(tok):
        return "damage"
    if words & _PRESENCE or _dragons_teeth(tok):
        return "presence"
    return None


def _genre_type(ctx: RuleContext) -> str | None:
    """The type a caption genre word names (see the module docstring), or None when it names none here."""
    tok, sent = ctx.tok, ctx.sent
    genre = _genre(tok)
    words = {t.lemma_.lower() for t in sent}
    if genre == "control":
        return "territory_captured"
    if genre == "damage":
        if "drop" in _lemmas(tok):
            return "air_drone_strike"   # munitions dropped come from the air (a drone, a quadcopter, a plane)
        # 'Shelled kindergarten', 'Bombed school': the word itself says how (a fire is no weapon here)
        return weapon_type((_lemmas(tok) | _impact_weapons(tok)) - {"fire"}, default=damage_shown(ctx))
    if genre == "aftermath":
        if _lemmas(tok) & _PRISONERS:
            return "surrender"
        return "violence_against_civilians"
    if genre == "fighting":
        return "armed_clash"
    if genre == "leaving":
        return "evacuation"
    if genre == "mourning":
        return "other"
    if genre == "presence":
        if "crossing" in _lemmas(tok) and words & _CLASH_CROSSING:
            return weapon_type(words, default="armed_clash")
        return "other"
    return None


_ENTRY = TriggerRule("other", frozenset({"VERB", "NOUN", "PROPN", "ADJ", "ADV"}), "caption_genre", GENRE_STRENGTH,
                     generic=True)


def caption_genre(sent: Span) -> tuple[Token, str] | None:
    """The word a caption line reports through and its event type, by the first genre that reads (a flag raised,
    damage, fighting, the aftermath, people leaving, then presence), or None. The caller checks that the line is a
    caption naming a place."""
    found: dict[str, Token] = {}
    for tok in sent:
        genre = _genre(tok)
        if genre is None or genre in found or not tok.is_alpha or is_negated(tok) or not _about(tok) or \
                _modifies_another_thing(tok):
            continue
        found[genre] = tok
    for genre in ("control", "damage", "fighting", "aftermath", "leaving", "mourning", "presence"):
        if genre in found:
            tok = found[genre]
            event_type = _genre_type(rule_context(tok, _ENTRY, sent, True))
            if event_type is not None:
                return tok, event_type
    return None
