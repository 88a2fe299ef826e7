"""The event-trigger lexicon: which words name which event type, read over the dependency parse.

Hand-written on purpose: EVENTS.md's twenty types are this project's own vocabulary, and a reviewable table of
trigger lemmas is the precise half of the hybrid extractor (a learned similarity model can add recall later).
Each entry gives the lemma, the parts of speech it counts for and the event type. Ambiguous triggers
('take', 'enter', 'flee', 'control', 'strike', 'kill') carry a rule name, registered in ``frontline.triggers.rules``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TriggerRule:
    event_type: str
    pos: frozenset[str]
    rule: str | None = None     # name of a disambiguation rule (``frontline.triggers.rules``)
    strength: float = 0.8        # prior that this word, alone, names a real event of this type
    # A common word that names an event in one construction only ('got into an ammunition depot', 'troops
    # landed'): when its rule rejects a use, the sentence still counts as naming no trigger word.
    generic: bool = False


_V = frozenset({"VERB"})
_N = frozenset({"NOUN", "PROPN"})
_VN = frozenset({"VERB", "NOUN", "PROPN"})
_ANY = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "ADV"})

# What OSINT captions show moving through or standing in a place: troops and their equipment. Such a sighting is
# an event of type 'other' and sub-kind 'sighting' (docs/EVENTS.md); it carries no casualty or control claim.
SIGHTED: frozenset[str] = frozenset({
    "troop", "troops", "soldier", "serviceman", "column", "convoy", "tank", "armour", "armor", "vehicle",
    "equipment", "reinforcement", "reinforcements", "truck", "marine", "paratrooper", "infantry"})
SIGHTING = "sighting"


def other_kind(event_type: str, trigger: str) -> str | None:
    """The sub-kind of an event of type 'other', read from its trigger words: 'sighting' or None."""
    if event_type != "other":
        return None
    return SIGHTING if any(w.strip(".,:;").lower() in SIGHTED or w.strip(".,:;").lower().rstrip("s") in SIGHTED
                           for w in trigger.split()) else None


TRIGGERS: dict[str, TriggerRule] = {
    # armed_clash
    "fight": TriggerRule("armed_clash", _VN, "combat"), "fighting": TriggerRule("armed_clash", _VN, "combat"),
    "battle": TriggerRule("armed_clash", _VN, "combat"), "clash": TriggerRule("armed_clash", _VN),
    "assault": TriggerRule("armed_clash", _VN, "combat"), "offensive": TriggerRule("armed_clash", _VN | {"ADJ"}, "combat", 0.6),
    # (the small model tags a caption's 'Ukrainian counteroffensive near X' as an adjective)
    "counteroffensive": TriggerRule("armed_clash", _N | {"ADJ"}),
    "counter-offensive": TriggerRule("armed_clash", _N | {"ADJ"}),
    "counterattack": TriggerRule("armed_clash", _VN), "counter-attack": TriggerRule("armed_clash", _VN),
    "attack": TriggerRule("armed_clash", _VN, "attack"), "storm": TriggerRule("armed_clash", _V, "combat"),
    "advance": TriggerRule("armed_clash", _VN, "combat", 0.6), "firefight": TriggerRule("armed_clash", _N),
    "skirmish": TriggerRule("armed_clash", _VN), "resist": TriggerRule("armed_clash", _V, "combat", 0.6),
    "repel": TriggerRule("armed_clash", _V), "repulse": TriggerRule("armed_clash", _V),
    "ambush": TriggerRule("armed_clash", _VN),
    "approach": TriggerRule("armed_clash", _V, "approach", 0.5),
    "close": TriggerRule("armed_clash", frozenset({"ADJ", "ADV"}), "approach", 0.5),
    "combat": TriggerRule("armed_clash", _N, "combat", 0.6), "thrust": TriggerRule("armed_clash", _N, "combat", 0.6),
    "invade": TriggerRule("armed_clash", _V),
    # the invasion told as a background fact: 'launched the full-scale invasion', 'the war launched in 2022',
    # 'sent troops across the border', 'troops poured into Ukraine'
    "launch": TriggerRule("armed_clash", _V, "launched", 0.6, generic=True),
    "unleash": TriggerRule("armed_clash", _V, "launched", 0.6, generic=True),
    "invasion": TriggerRule("armed_clash", _N, "war_begins", 0.6, generic=True),
    "war": TriggerRule("armed_clash", _N, "war_begins", 0.6, generic=True),
    "pour": TriggerRule("armed_clash", _V, "pour_in", 0.6, generic=True),
    "roll": TriggerRule("armed_clash", _V, "pour_in", 0.6, generic=True),
    "swarm": TriggerRule("armed_clash", _V, "pour_in", 0.6, generic=True),
    "surge": TriggerRule("armed_clash", _V, "pour_in", 0.6, generic=True),
    "stream": TriggerRule("armed_clash", _V, "pour_in", 0.6, generic=True),
    # shelling
    "shell": TriggerRule("shelling", _VN, "shell"), "shelling": TriggerRule("shelling", _VN),
    "artillery": TriggerRule("shelling", _N, "weapon", 0.6), "mortar": TriggerRule("shelling", _N, "weapon", 0.6),
    "bombard": TriggerRule("shelling", _V), "bombardment": TriggerRule("shelling", _N),
    "rocket": TriggerRule("shelling", _N, "weapon", 0.6), "missile": TriggerRule("shelling", _N, "weapon", 0.6),
    "grad": TriggerRule("shelling", _N, "weapon"), "mlrs": TriggerRule("shelling", _N, "weapon"),
    # air_drone_strike
    "airstrike": TriggerRule("air_drone_strike", _N),
    "strike": TriggerRule("air_drone_strike", _VN, "strike", 0.6), "drone": TriggerRule("air_drone_strike", _N, "weapon", 0.5),
    "bomb": TriggerRule("air_drone_strike", _V, None, 0.7), "bombing": TriggerRule("air_drone_strike", _N),
    "aviation": TriggerRule("air_drone_strike", _N, "weapon", 0.5),
    "raid": TriggerRule("air_drone_strike", _N, "strike", 0.5), "shahed": TriggerRule("air_drone_strike", _N, "weapon"),
    # territory_captured
    "capture": TriggerRule("territory_captured", _VN, "capture"), "seize": TriggerRule("territory_captured", _V, "capture"),
    "seizing": TriggerRule("territory_captured", _VN, "capture"), "seizure": TriggerRule("territory_captured", _N, "capture"),
    "occupy": TriggerRule("territory_captured", _V, "capture"), "occupation": TriggerRule("territory_captured", _N, "capture", 0.5),
    "take": TriggerRule("territory_captured", _V, "take"), "enter": TriggerRule("territory_captured", _V, "enter"),
    "recapture": TriggerRule("territory_captured", _VN), "retake": TriggerRule("territory_captured", _V),
    # the English model does not know the past of 'retake' and leaves 'retook' as its own lemma
    "retook": TriggerRule("territory_captured", _V),
    "liberate": TriggerRule("territory_captured", _V, "capture"), "liberation": TriggerRule("territory_captured", _N, "capture", 0.5),
    "conquer": TriggerRule("territory_captured", _V, "capture"), "overrun": TriggerRule("territory_captured", _V),
    "annex": TriggerRule("territory_captured", _V, "capture"), "regain": TriggerRule("territory_captured", _V, "capture"),
    "recover": TriggerRule("territory_captured", _V, "capture", 0.5),
    "control": TriggerRule("territory_captured", _VN, "control", 0.5), "gain": TriggerRule("territory_captured", _VN, "gain", 0.5),
    # territory_withdrawn
    "withdraw": TriggerRule("territory_withdrawn", _V, "withdraw"), "withdrawal": TriggerRule("territory_withdrawn", _N, "withdraw"),
    "retreat": TriggerRule("territory_withdrawn", _VN, "withdraw"), "pull": TriggerRule("territory_withdrawn", _V, "pull"),
    "abandon": TriggerRule("territory_withdrawn", _V, "abandon", 0.5),
    # 'Ukrainian troops leaving Avdiivka': a force leaving a place it held (``_rule_leave``)
    "leave": TriggerRule("territory_withdrawn", _V, "leave", 0.5, generic=True),
    # encirclement
    "surround": TriggerRule("encirclement", _V), "encircle": TriggerRule("encirclement", _V),
    "encirclement": TriggerRule("encirclement", _N), "besiege": TriggerRule("encirclement", _V),
    "besieged": TriggerRule("encirclement", _ANY), "siege": TriggerRule("encirclement", _N),
    "blockade": TriggerRule("encirclement", _VN), "cauldron": TriggerRule("encirclement", _N, None, 0.6),
    # casualties
    "kill": TriggerRule("casualties", _V, "harm"), "die": TriggerRule("casualties", _V, "harm", 0.6),
    "dead": TriggerRule("casualties", _ANY, "harm", 0.6), "death": TriggerRule("casualties", _N, "harm", 0.5),
    "injure": TriggerRule("casualties", _V, "harm"), "wound": TriggerRule("casualties", _VN, "harm"),
    "injured": TriggerRule("casualties", _ANY, "harm"), "casualty": TriggerRule("casualties", _N, "harm"),
    "toll": TriggerRule("casualties", _N, "harm", 0.6),
    "kia": TriggerRule("casualties", _ANY, "harm", 0.7), "wia": TriggerRule("casualties", _ANY, "harm", 0.7),
    # violence_against_civilians
    "execute": TriggerRule("violence_against_civilians", _V, None, 0.6), "execution": TriggerRule("violence_against_civilians", _N, None, 0.6),
    "torture": TriggerRule("violence_against_civilians", _VN), "abduct": TriggerRule("violence_against_civilians", _V),
    "abduction": TriggerRule("violence_against_civilians", _N), "kidnap": TriggerRule("violence_against_civilians", _V),
    "massacre": TriggerRule("violence_against_civilians", _VN), "rape": TriggerRule("violence_against_civilians", _VN),
    "deport": TriggerRule("violence_against_civilians", _V, None, 0.6), "deportation": TriggerRule("violence_against_civilians", _N, None, 0.6),
    # evacuation
    "evacuate": TriggerRule("evacuation", _V, "evacuate"), "evacuation": TriggerRule("evacuation", _N, "evacuate"),
    "exodus": TriggerRule("evacuation", _N), "flee": TriggerRule("evacuation", _V, "flee"),
    "escape": TriggerRule("evacuation", _VN, "flee", 0.5), "displace": TriggerRule("evacuation", _V),
    "uproot": TriggerRule("evacuation", _V, None, 0.5), "refugee": TriggerRule("evacuation", _N, None, 0.5),
    "arrive": TriggerRule("evacuation", _V, "arrive", 0.4),
    # desertion
    "desert": TriggerRule("desertion", _V, "desert"), "desertion": TriggerRule("desertion", _N),
    "deserter": TriggerRule("desertion", _N), "awol": TriggerRule("desertion", _ANY),
    "refuse": TriggerRule("desertion", _V, "refuse"), "defect": TriggerRule("desertion", _V, "desert"),
    "sanctuary": TriggerRule("desertion", _N, "refuge", 0.5), "refuge": TriggerRule("desertion", _N, "refuge", 0.5),
    "cross": TriggerRule("desertion", _V, "cross_border", 0.6), "allow": TriggerRule("desertion", _V, "cross_border", 0.5),
    # surrender
    "surrender": TriggerRule("surrender", _VN, "surrender"), "capitulate": TriggerRule("surrender", _V),
    # prisoner_exchange
    "swap": TriggerRule("prisoner_exchange", _VN, "exchange"), "exchange": TriggerRule("prisoner_exchange", _VN, "exchange"),
    # arrest
    "arrest": TriggerRule("arrest", _VN, "arrest"), "detain": TriggerRule("arrest", _V, "arrest"),
    "detention": TriggerRule("arrest", _N, "arrest"), "apprehend": TriggerRule("arrest", _V, "arrest"),
    "prosecute": TriggerRule("arrest", _V, None, 0.5),
    # protest
    "protest": TriggerRule("protest", _VN, "protest"), "demonstration": TriggerRule("protest", _N),
    "rally": TriggerRule("protest", _VN, None, 0.6), "demonstrator": TriggerRule("protest", _N),
    "protester": TriggerRule("protest", _N), "protestor": TriggerRule("protest", _N),
    "mutiny": TriggerRule("protest", _VN, None, 0.6),
    # mobilization
    "mobilise": TriggerRule("mobilization", _V), "mobilize": TriggerRule("mobilization", _V),
    "mobilisation": TriggerRule("mobilization", _N), "mobilization": TriggerRule("mobilization", _N),
    "conscription": TriggerRule("mobilization", _N), "conscript": TriggerRule("mobilization", _VN, None, 0.5),
    "draft": TriggerRule("mobilization", _V, "draft", 0.5), "call-up": TriggerRule("mobilization", _N),
    # negotiation
    "talk": TriggerRule("negotiation", _N, "talks"), "negotiation": TriggerRule("negotiation", _N),
    "negotiate": TriggerRule("negotiation", _V), "dialogue": TriggerRule("negotiation", _N),
    "meet": TriggerRule("negotiation", _V, "meeting", 0.6), "meeting": TriggerRule("negotiation", _N, "meeting", 0.6),
    "summit": TriggerRule("negotiation", _N, "meeting", 0.6),
    "ceasefire": TriggerRule("negotiation", _N), "truce": TriggerRule("negotiation", _N, None, 0.6),
    "agreement": TriggerRule("negotiation", _N, None, 0.5), "deal": TriggerRule("negotiation", _N, "deal", 0.5),
    "proposal": TriggerRule("negotiation", _N, "talks", 0.4), "plan": TriggerRule("negotiation", _N, "peace_plan", 0.4),
    # sanction
    "sanction": TriggerRule("sanction", _VN), "embargo": TriggerRule("sanction", _VN),
    # aid
    "aid": TriggerRule("aid", _VN, "aid"), "assistance": TriggerRule("aid", _N, "aid"),
    "rebuild": TriggerRule("aid", _V, "rebuild", 0.5), "supply": TriggerRule("aid", _N, "weapons", 0.5),
    "supplies": TriggerRule("aid", _N, "weapons", 0.5), "restore": TriggerRule("aid", _V, "rebuild", 0.4),
    # infrastructure_disruption
    "blackout": TriggerRule("infrastructure_disruption", _N), "outage": TriggerRule("infrastructure_disruption", _N),
    "damage": TriggerRule("infrastructure_disruption", _VN, "damage", 0.5),
    "destroy": TriggerRule("infrastructure_disruption", _V, "damage", 0.5),
    "destruction": TriggerRule("infrastructure_disruption", _N, "damage", 0.5),
    # military-report verbs ('destroyed up to 140 servicemen', 'hit the location of', 'losses amounted to')
    "hit": TriggerRule("shelling", _V, "hit", 0.6), "inflict": TriggerRule("armed_clash", _V, "inflict", 0.7),
    "eliminate": TriggerRule("armed_clash", _V, "military_object", 0.6),
    "neutralize": TriggerRule("armed_clash", _V, "military_object", 0.6),
    "neutralise": TriggerRule("armed_clash", _V, "military_object", 0.6),
    "liquidate": TriggerRule("armed_clash", _V, "military_object", 0.6),
    "defeat": TriggerRule("armed_clash", _VN, None, 0.6), "sortie": TriggerRule("air_drone_strike", _N, None, 0.7),
    "loss": TriggerRule("casualties", _N, "losses", 0.5), "lose": TriggerRule("casualties", _V, "lose", 0.6), "explosion": TriggerRule("shelling", _N, "explosion", 0.6),
    "blast": TriggerRule("shelling", _N, "explosion", 0.6), "explode": TriggerRule("shelling", _V, "explosion", 0.5),
    "fire": TriggerRule("shelling", _VN, "fire", 0.5), "shoot": TriggerRule("armed_clash", _V, "shoot", 0.6),
    "run": TriggerRule("infrastructure_disruption", _V, "service", 0.5),
    "hostility": TriggerRule("armed_clash", _N, None, 0.6), "hostilities": TriggerRule("armed_clash", _N, None, 0.6),
    "blow": TriggerRule("armed_clash", _VN, "blow", 0.6), "oust": TriggerRule("territory_captured", _V, "oust", 0.7),
    "dislodge": TriggerRule("territory_captured", _V, "oust", 0.7),
    "fall": TriggerRule("territory_captured", _V, "fall", 0.7),
    "send": TriggerRule("aid", _V, "give_arms", 0.6), "deliver": TriggerRule("aid", _V, "give_arms", 0.6),
    "provide": TriggerRule("aid", _V, "give_arms", 0.6), "transfer": TriggerRule("aid", _V, "give_arms", 0.6),
    "donate": TriggerRule("aid", _V, "give_arms", 0.6),
    "harm": TriggerRule("casualties", _N, "harm_civilians", 0.5),
    # wording of translated Ukrainian and Russian war reports: 'there were arrivals (prilet) in Kramatorsk',
    # 'minus two command posts', 'our gunners got into an ammunition depot', 'tried to land troops'
    "arrival": TriggerRule("shelling", _N, "arrival", 0.5, generic=True),
    "minus": TriggerRule("armed_clash", _ANY | {"CCONJ", "ADP", "SCONJ"}, "minus", 0.6, generic=True),
    "get": TriggerRule("shelling", _V, "get_into", 0.5, generic=True),
    "land": TriggerRule("armed_clash", _V, "landing", 0.6, generic=True),
    "landing": TriggerRule("armed_clash", _N, "landing", 0.6, generic=True),
    "pound": TriggerRule("shelling", _V, "hit", 0.6), "sink": TriggerRule("armed_clash", _V, "military_object", 0.6),
    "intercept": TriggerRule("air_drone_strike", _V, "intercept", 0.6),
    "down": TriggerRule("air_drone_strike", _V, "downed", 0.7),
    "barrage": TriggerRule("shelling", _N, "barrage", 0.7), "salvo": TriggerRule("shelling", _N, "barrage", 0.7),
    "volley": TriggerRule("shelling", _N, "barrage", 0.7),
    "thwart": TriggerRule("armed_clash", _V, "thwart", 0.6), "foil": TriggerRule("armed_clash", _V, "thwart", 0.6),
    "stop": TriggerRule("armed_clash", _V, "thwart", 0.5, generic=True),
    "victim": TriggerRule("casualties", _N, "victim", 0.6), "slaughter": TriggerRule("casualties", _VN, "harm", 0.5),
    # Captions and one-line reports name what a photo or video shows, often with no verb: 'Ruins of Mariinka',
    # 'Fire at an oil depot in X', 'Burning helicopters at X', 'Bodies of civilians in X', 'Russian column moving
    # through X'. These words count only at the head of such a caption line (see triggers.is_caption_line), so
    # they are generic: elsewhere they name nothing. The small model tags them erratically ('Aftermath' PROPN,
    # 'armour' VERB): any part of speech counts.
    **{word: TriggerRule("infrastructure_disruption", _ANY, "wreck", 0.5, generic=True) for word in (
        "ruin", "ruins", "aftermath", "wreckage", "rubble", "debris", "crater", "blaze", "burn", "burnt", "burned",
        "burnt-out", "flood", "flooded", "flooding", "collapse", "collapsed", "damaged", "destroyed", "ruined")},
    **{word: TriggerRule("violence_against_civilians", _ANY, "remains", 0.5, generic=True) for word in (
        "body", "corpse", "grave", "burial", "exhume", "exhumation")},
    **{word: TriggerRule("other", _ANY, "sighting", 0.4, generic=True) for word in SIGHTED},
}

# Nouns of a diplomatic gathering (lemmas and plurals the small model leaves unlemmatised): a place named with one
# ('crunch Paris talks', 'a summit in Brussels', 'a visit to Washington') is where diplomats sit, not where an
# incident told in the same sentence happened (``events.where``).
MEETING_NOUNS = frozenset({"talk", "talks", "negotiation", "negotiations", "summit", "meeting", "conference",
                           "visit", "forum", "session", "format", "process", "accord", "accords", "agreement",
                           "headquarters", "ceremony", "gathering", "congress", "assembly", "dialogue",
                           "ministerial", "consultations", "round"})

# Multi-word triggers matched on the lower-cased sentence text (regex, event type, strength).
PHRASES: tuple[tuple[str, str, float], ...] = (
    (r"\bat the gates of\b", "armed_clash", 0.7),
    (r"\bair strikes?\b", "air_drone_strike", 0.9),
    (r"\bcut off from (?:the )?supply\b|\bcut off (?:the )?supply lines\b", "encirclement", 0.8),
    (r"\blay(?:ing)? down (?:their |his )?(?:arms|weapons)\b|\bsurrender(?:ed)? (?:their |his )?weapons\b", "surrender", 0.8),
    (r"\btaken (?:as )?prisoners?\b|\btook (?:\w+ )?prisoners?\b", "surrender", 0.7),
    (r"\bprisoner exchange\b|\bexchange of (?:prisoners|bodies|pows)\b|\bprisoner swap\b", "prisoner_exchange", 0.9),
    (r"\btook to the streets\b|\btake to the streets\b", "protest", 0.8),
    # people who gather to make a demand: 'around 200 people gathered in X to demand the release of ...'
    (r"\b(?:gathered|assembled|rallied|demonstrated|marched|picketed)\b(?: [\w'’-]+,?){0,8}? to (?:demand|call for|"
     r"protest|oppose|denounce|condemn)\b", "protest", 0.7),
    (r"\bunder (?:russian|ukrainian|their|our|its|full|the) control\b|\bunder the control of\b", "territory_captured", 0.8),
    (r"\bred flag (?:is )?flying over\b|\braised (?:the|a) (?:\w+ )?flag over\b", "territory_captured", 0.7),
    # 'it is "hot" in Bakhmut': front-line idiom for heavy fighting; the quotes tell it from the weather
    (r"\bit(?:'s|’s| is| was| has been) [\"'“‘«]hot[\"'”’»] (?:in|near|at|on|around)\b", "armed_clash", 0.5),
    (r"\b(?:went|go|going|gone) awol\b|\babsent without (?:official )?leave\b", "desertion", 0.8),
    (r"\breception (?:centre|center)\b", "evacuation", 0.6),
    (r"\b(?:emptied|emptying|empties|empty|drained) of (?:their |its |all |most )?(?:residents|inhabitants|population|"
     r"people|civilians)\b", "evacuation", 0.7),
    (r"\b(?:knock|drive|drove|push|kick)\w* (?:\w+ ){0,4}out (?:of|from)\b|\b(?:knock|drive|drove|push|kick)\w* out "
     r"(?:\w+ ){0,4}from\b", "territory_captured", 0.7),
    (r"\b(?:break|breaking|breaks|broke) through\b|\bbreakthrough\b", "armed_clash", 0.6),
    (r"\bpeace (?:talks|plan|process|deal|negotiations|proposals?)\b", "negotiation", 0.8),
    (r"\b(?:trains?|railways?|power|electricity|water supply|heating) (?:no longer|not|stopped|do not|don't|cut|off)\b", "infrastructure_disruption", 0.6),
    (r"\b(?:humanitarian|military|financial) aid\b|\bweapons? (?:supplies|deliveries|shipments)\b|\bhelp (?:to )?(?:rebuild|restore)\b", "aid", 0.8),
)

PLANNED_CUES: frozenset[str] = frozenset({
    "will", "shall", "plan", "due", "intend", "ready", "prepare", "expect", "aim", "going", "order", "must",
    "propose", "envisage", "want", "seek", "promise", "vow", "pledge", "could", "may", "might", "try",
    "attempt", "close", "goal", "intention", "bid"})
THREAT_CUES: frozenset[str] = frozenset({"threaten", "threat", "warn", "ultimatum"})
