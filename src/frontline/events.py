"""Events: find trigger words in each sentence and build typed events from the mentions around them.

For every sentence, triggers come from the lexicon (lemmas over the parse, and multi-word phrases). Each
trigger is disambiguated with its syntactic context (who flees, what is taken, what is controlled), then given
the place, date, actors and quantities that the dependency tree ties to it: the nearest mention in tree
distance wins, so 'entered the town of Hirske yesterday' takes Hirske and yesterday even when the sentence also
names Lysychansk. A sentence with no place of its own inherits the place of the previous event in the same
paragraph ('fighting was continuing in the city').
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .lexicon import PHRASES, SPEECH_VERBS, TRIGGERS, TriggerRule
from .models import (ActorMention, Claim, DateMention, Event, EventDate, Evidence, Location, Mentions, Party,
                     PlaceMention, QuantityMention, stable_id)

_SPEECH_LEMMAS = frozenset(SPEECH_VERBS)
_PHRASES = tuple((re.compile(p, re.I), t, s) for p, t, s in PHRASES)
_FORCE_WORDS = frozenset({"troop", "soldier", "force", "army", "unit", "serviceman", "fighter", "man", "guard",
                          "battalion", "brigade", "military", "infantry", "deserter", "conscript", "marine",
                          "trooper", "comrade", "buddy"})
_CIVIL_WORDS = frozenset({"civilian", "resident", "child", "family", "people", "refugee", "inhabitant", "woman",
                          "evacuee", "wife", "mother", "passenger", "dozen", "household", "folk", "kid"})
_TERRITORY_WORDS = frozenset({"city", "town", "village", "territory", "area", "region", "district", "position",
                              "control", "settlement", "locality", "oblast", "province", "hub", "stronghold",
                              "bridgehead", "airport", "plant", "land", "ground", "metropolis", "republic"})
_COMBAT_TYPES = frozenset({"armed_clash", "shelling", "air_drone_strike", "territory_captured", "encirclement",
                           "territory_withdrawn"})
_ANAPHORA = re.compile(r"\b(?:the|that|this) (?:city|town|village|area|region|settlement|district|locality)\b"
                       r"|\bthere\b|\bnearby\b", re.I)
# A settlement beats an oblast, region or country a couple of dependency edges closer: analysts code the most
# specific place the sentence ties to the event.
_PRECISION_PENALTY = {"settlement": 0, "district": 0, "admin1": 2, "region": 3, "country": 6}
_LOCATIVE_PREPS = frozenset({"in", "into", "inside", "across", "throughout", "within", "over", "near"})
_OPPOSITE = {"RU": "UA", "UA": "RU", "RU_aligned": "UA", "UA_aligned": "RU"}
_SPOKEN_FORCE = {"RU": Party("Russian forces", "RU"), "UA": Party("Ukrainian forces", "UA"),
                 "RU_aligned": Party("Pro-Russian separatists", "RU_aligned")}


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event under construction: the event plus the parse positions later stages need."""

    event: Event
    token: int            # index of the trigger token in the spaCy Doc
    sentence: int         # index of the sentence in the Doc
    paragraph: int        # index of the paragraph (blank-line or newline separated block)


def _tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of the same sentence."""
    ancestors_a = {a.i: 0}
    for depth, anc in enumerate(a.ancestors, start=1):
        ancestors_a[anc.i] = depth
    if b.i in ancestors_a:
        return ancestors_a[b.i]
    for depth, anc in enumerate([b, *b.ancestors]):
        if anc.i in ancestors_a:
            return ancestors_a[anc.i] + depth
    return 99


def _token_at(doc: Doc, char: int) -> Token:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[min(len(doc) - 1, 0)]


def _subject(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    if tok.dep_ in ("conj", "xcomp", "advcl", "relcl") and tok.head is not tok:
        if tok.dep_ == "relcl":
            return tok.head
        return _subject(tok.head)
    return None


def _lemma_set(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens}


def _words_near(tok: Token) -> set[str]:
    """Lemmas in the trigger's own clause: its subtree and its head's direct children."""
    words = _lemma_set(tok.subtree)
    if tok.head is not tok:
        words |= _lemma_set(tok.head.children) | {tok.head.lemma_.lower()}
    return words


def _is_negated(tok: Token) -> bool:
    """Negated directly or through the verbs it complements ('could not allow them to be surrounded')."""
    node = tok
    for _ in range(3):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "aux", "auxpass") or node.head is node or \
                node.head.lemma_.lower() in _SPEECH_LEMMAS:
            return False
        node = node.head
    return False


def _disambiguate(tok: Token, rule: TriggerRule, sent: Span, has_place: bool) -> str | None:
    """Apply the trigger's rule; return the event type, or None when this use is not an event."""
    name = rule.rule
    near = _words_near(tok)
    sent_lemmas = _lemma_set(sent)
    subj = _subject(tok)
    subj_words = _lemma_set(subj.subtree) if subj is not None else set()
    objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr", "nsubjpass")]
    obj_words = set().union(*(_lemma_set(o.subtree) for o in objs)) if objs else set()

    if name is None:
        return rule.event_type
    if name == "combat":
        if tok.pos_ == "NOUN" and tok.dep_ in ("compound",) and tok.lemma_ != "fighting":
            return None
        return "armed_clash"
    if name == "attack":
        if near & {"drone", "missile", "air", "aircraft", "airstrike", "bomb", "jet"}:
            return "air_drone_strike"
        if near & {"artillery", "shell", "rocket", "mortar"}:
            return "shelling"
        return "armed_clash"
    if name == "strike":
        if tok.pos_ == "VERB" and not (near & {"missile", "drone", "air", "rocket", "bomb", "target", "russian",
                                               "ukrainian", "force", "troop", "city", "town"}) and not has_place:
            return None
        if near & {"artillery", "shell", "mortar", "grad", "himars", "mlrs"}:
            return "shelling"
        return "air_drone_strike"
    if name == "weapon":
        # 'artillery', 'missile', 'drones' name an attack only when they act or are used on something.
        if tok.dep_ in ("nsubj", "pobj", "dobj", "compound", "nmod") and (
                sent_lemmas & {"hit", "strike", "fire", "attack", "shell", "launch", "target", "kill", "injure",
                               "destroy", "damage", "shoot"}):
            return rule.event_type if tok.lemma_.lower() != "drone" else "air_drone_strike"
        return None
    if name == "capture":
        if tok.head.lemma_.lower() in ("try", "attempt", "seek", "struggle", "fight") or \
                tok.head.head.lemma_.lower() in ("try", "attempt", "spend"):
            return "armed_clash"        # 'attempting to seize Pokrovsk' reports fighting, not a capture
        if objs and not (obj_words & _TERRITORY_WORDS) and not has_place:
            return None      # capturing vehicles or people is not territory
        if obj_words & {"vehicle", "equipment", "weapon", "tank", "prisoner", "soldier", "troop"}:
            return None
        return "territory_captured"
    if name == "take":
        if obj_words & {"control", "city", "town", "village", "territory", "area"} or (
                objs and has_place and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)):
            return "territory_captured"
        return None
    if name == "enter":
        if subj_words & _FORCE_WORDS or subj_words & {"russian", "ukrainian"}:
            if has_place or obj_words & _TERRITORY_WORDS:
                return "territory_captured"
        return None
    if name == "control":
        if tok.pos_ == "VERB" and (has_place or obj_words & (_TERRITORY_WORDS | {"%", "percent", "donbas"})):
            return "territory_captured"
        if tok.pos_ == "NOUN" and tok.head.lemma_ in ("take", "seize", "gain", "establish", "regain") and \
                tok.dep_ == "dobj":
            return None     # the verb is the trigger
        return None
    if name == "gain":
        return "territory_captured" if near & {"ground", "territory", "territorial"} else None
    if name in ("withdraw", "pull"):
        if name == "pull" and not (near & {"out", "back"}):
            return None
        if near & {"ambassador", "support", "funding", "application", "claim", "candidacy", "deal"}:
            return None
        return "territory_withdrawn"
    if name == "abandon":
        return "territory_withdrawn" if obj_words & (_TERRITORY_WORDS | {"advance", "attempt"}) or has_place else None
    if name == "harm":
        return "casualties"
    if name == "evacuate":
        if subj_words & _FORCE_WORDS or obj_words & _FORCE_WORDS:
            return "territory_withdrawn"
        return "evacuation"
    if name in ("flee", "refuge"):
        if subj_words & _FORCE_WORDS or near & _FORCE_WORDS or sent_lemmas & {"desertion", "deserter", "deserting"}:
            return "desertion"
        if subj_words & _CIVIL_WORDS or near & _CIVIL_WORDS or sent_lemmas & {"civilian", "resident", "family"}:
            return "evacuation"
        return "evacuation" if name == "flee" else None
    if name == "arrive":
        return "evacuation" if (subj_words | near) & (_CIVIL_WORDS | {"centre", "center"}) else None
    if name == "desert":
        return "desertion" if tok.pos_ == "VERB" and (subj_words & (_FORCE_WORDS | {"he", "she", "they", "i"}) or
                                                     tok.lemma_ == "defect") else None
    if name == "refuse":
        xcomps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
        acts = set().union(*(_lemma_set(c.subtree) for c in xcomps)) if xcomps else set()
        if acts & {"fight", "return", "go", "serve", "deploy", "front", "kill"}:
            return "desertion"
        return None
    if name == "surrender":
        return "surrender" if not (near & {"territory", "land", "donbas"}) else None
    if name == "exchange":
        return "prisoner_exchange" if sent_lemmas & {"prisoner", "pow", "body", "captive", "detainee"} else None
    if name == "arrest":
        if tok.head.lemma_ in ("evade", "avoid", "escape", "fear", "face", "risk"):
            return None
        return "arrest"
    if name == "protest":
        if tok.pos_ == "VERB" and not (subj_words & (_CIVIL_WORDS | {"protester", "activist", "thousand", "hundred",
                                                                     "mother", "wife", "crowd"})):
            return None
        return "protest"
    if name == "draft":
        return "mobilization" if near & {"army", "military", "service", "conscript"} else None
    if name in ("talks", "peace_plan", "deal"):
        if name == "talks" and tok.text.lower() != "talks":
            return None
        if name in ("peace_plan", "deal") and not (near & {"peace", "ceasefire", "truce"}):
            return None
        return "negotiation"
    if name == "aid":
        return "aid"
    if name == "rebuild":
        return "aid" if subj_words or near & {"help", "assist"} else None
    if name == "weapons":
        return "aid" if near & {"weapon", "western", "military", "arm", "ammunition"} else None
    if name in ("damage", "military_object"):
        if obj_words & _MILITARY_OBJECTS or (name == "damage" and near & {"fire"}):
            return _weapon_type(subj_words | near, default="armed_clash")
        if name == "damage" and near & _INFRASTRUCTURE:
            return "infrastructure_disruption"
        return None
    if name == "hit":
        if not (obj_words & (_MILITARY_OBJECTS | _INFRASTRUCTURE | _TERRITORY_WORDS) or has_place
                or subj_words & (_FORCE_WORDS | {"missile", "drone", "rocket", "artillery", "shell"})):
            return None
        return _weapon_type(subj_words | near, default="shelling")
    if name == "inflict":
        return _weapon_type(near, default="armed_clash") if near & {"damage", "loss", "defeat", "casualty",
                                                                     "blow", "strike"} else None
    if name == "losses":
        return "casualties" if (near | sent_lemmas) & (_FORCE_WORDS | {"enemy", "personnel", "military", "armed",
                                                                       "killed", "dead", "wounded"}) else None
    if name == "explosion":
        return "shelling"
    if name == "fire":
        if tok.pos_ == "NOUN" and not (near & {"open", "artillery", "mortar", "rocket", "come", "under", "return"}):
            return None
        if near & {"open"}:
            return "armed_clash"
        return _weapon_type(near, default="shelling")
    if name == "shoot":
        if near & {"down"}:
            return "air_drone_strike"
        return "armed_clash" if (obj_words | subj_words) & (_FORCE_WORDS | _CIVIL_WORDS) else None
    if name == "service":
        return "infrastructure_disruption" if near & {"train", "railway", "bus", "metro"} and _is_negated(tok) else None
    return rule.event_type


_MILITARY_OBJECTS = frozenset({
    "serviceman", "soldier", "troop", "unit", "invader", "group", "howitzer", "tank", "vehicle", "depot",
    "equipment", "position", "launcher", "system", "gun", "helicopter", "aircraft", "plane", "drone", "boat",
    "ship", "military", "personnel", "mercenary", "fighter", "militant", "nationalist", "battery", "ammunition",
    "warehouse", "headquarters", "command", "post", "armor", "armour", "apc", "bmp", "radar", "missile",
    "enemy", "company", "platoon", "battalion", "brigade", "force", "emplacement", "dugout", "stronghold"})
_INFRASTRUCTURE = frozenset({"infrastructure", "power", "plant", "bridge", "rail", "railway", "station", "hospital",
                             "school", "building", "house", "grid", "substation", "dam", "home", "facility",
                             "line", "pipeline", "port", "airport", "energy", "electricity", "water"})


def _weapon_type(words: set[str], default: str) -> str:
    """The event type a weapon named near the trigger implies ('artillerymen destroyed' -> shelling)."""
    if words & {"aviation", "aircraft", "air", "drone", "jet", "helicopter", "plane", "airstrike", "uav",
                "bomb", "sortie", "shahed", "kamikaze"}:
        return "air_drone_strike"
    if words & {"artillery", "artilleryman", "artillerymen", "mortar", "rocket", "missile", "himars", "mlrs",
                "grad", "howitzer", "shelling", "shell", "fire"}:
        return "shelling"
    return default


def _paragraph_index(text: str, char: int) -> int:
    return text.count("\n", 0, char)


_SETTLEMENT_ANAPHORA = re.compile(r"\b(?:the|that|this) (?:city|town|village|settlement|locality)\b", re.I)


@dataclass
class _Focus:
    """The places the text is about so far: what 'the city', 'there' and place-less sentences refer to.

    A sentence without a place of its own takes the place of the paragraph it is in (or, with an anaphor such as
    'the city', of the last two sentences); 'the city' prefers the last settlement named, not the region.
    """

    place: tuple[int, int, PlaceMention] | None = None          # (paragraph, sentence, mention)
    settlement: tuple[int, int, PlaceMention] | None = None

    def update(self, places: list[PlaceMention], paragraph: int, sentence: int) -> None:
        settlements = [p for p in places if p.precision in ("settlement", "district")]
        if settlements:
            self.settlement = (paragraph, sentence, settlements[-1])
            self.place = self.settlement
        elif places:
            self.place = (paragraph, sentence, places[-1])

    def inherit(self, sentence_text: str, paragraph: int, sentence: int) -> PlaceMention | None:
        wants_settlement = _SETTLEMENT_ANAPHORA.search(sentence_text) is not None
        anaphor = wants_settlement or _ANAPHORA.search(sentence_text) is not None
        for memory in ((self.settlement, self.place) if wants_settlement else (self.place,)):
            if memory is None:
                continue
            para, sent, mention = memory
            if para == paragraph and sentence - sent <= 4 or anaphor and sentence - sent <= 2:
                return mention
        return None


@dataclass(frozen=True, slots=True)
class _SentenceMentions:
    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMention]
    quantities: list[QuantityMention]


def _within(items, start: int, end: int):
    return [m for m in items if start <= m.start and m.end <= end]


def _nearest(doc: Doc, trigger: Token, items, penalty=lambda m: 0):
    """The mention closest to the trigger in the dependency tree (ties: closest in the text)."""
    best, best_score = None, None
    for m in items:
        tok = _token_at(doc, m.start)
        score = (_tree_distance(trigger, tok) + penalty(m), abs(tok.i - trigger.i))
        if best_score is None or score < best_score:
            best, best_score = m, score
    return best


def _party_for(doc: Doc, tok: Token | None, actors: list[ActorMention]) -> Party | None:
    """The actor whose span covers the given token's phrase."""
    if tok is None:
        return None
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    inside = [a for a in actors if lo <= a.start and a.end <= hi]
    if not inside:
        return None
    head_hit = [a for a in inside if a.start <= tok.idx < a.end]
    return (head_hit or inside)[0].party


_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "them"})
_PARTY_KINDS = ("force", "government", "country", "organisation", "person")


def _resolve_pronoun(doc: Doc, pron: Token, actors: tuple[ActorMention, ...]) -> Party | None:
    """'Moscow said it surrounded ...' -> the speaker; otherwise the nearest fitting actor before the pronoun."""
    for anc in pron.ancestors:
        if anc.lemma_.lower() in _SPEECH_LEMMAS:
            speaker = _subject(anc)
            if speaker is not None and speaker is not pron:
                party = _party_for(doc, speaker, list(actors))
                if party is not None:
                    return party
            break
    personal = pron.lower_ in ("he", "she", "i")
    earlier = [a for a in actors if a.end <= pron.idx and (a.kind == "person") == personal and a.kind != "civilians"]
    return earlier[-1].party if earlier else None


def _subject_party(doc: Doc, subj: Token, local: list[ActorMention], actors: tuple[ActorMention, ...]) -> Party | None:
    if subj.lower_ in _PRONOUNS:
        return _resolve_pronoun(doc, subj, actors)
    return _party_for(doc, subj, local)


def _speaker_tokens(tok: Token) -> set[int]:
    """Token indices of the subjects of speech verbs above the trigger (the claimant is not the initiator)."""
    out: set[int] = set()
    for anc in tok.ancestors:
        if anc.lemma_.lower() in _SPEECH_LEMMAS:
            subj = _subject(anc)
            if subj is not None:
                out |= {t.i for t in subj.subtree}
    return out


def _parties(doc: Doc, tok: Token, etype: str, local: list[ActorMention],
             actors: tuple[ActorMention, ...]) -> tuple[Party | None, Party | None, bool]:
    """Initiator and target of the event a trigger names, and whether they were guessed from the sentence.

    In order: the grammatical subject (pronouns resolved), the passive agent ('by Moscow forces'), a noun
    trigger's modifier ('Russian strikes'), the subject of the clause above the trigger ('Russian soldiers are
    at the gates of'). Failing those, the first armed force, government or state named in the sentence that is
    not the speaker. For fighting, the other side of a two-sided war is the target.
    """
    subj = _subject(tok)
    initiator = _subject_party(doc, subj, local, actors) if subj is not None and subj.dep_ != "nsubjpass" else None
    target = None
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            target = target or _party_for(doc, child, local)
        if child.dep_ == "agent":
            for g in child.children:
                initiator = initiator or _party_for(doc, g, local)
    if initiator is None and tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "poss"):
                initiator = initiator or _party_for(doc, child, local) or _adjective_side(child)
    if initiator is None and subj is None:
        for anc in tok.ancestors:
            if anc.lemma_.lower() in _SPEECH_LEMMAS:
                break
            anc_subj = _subject(anc)
            if anc_subj is not None and anc_subj.dep_ != "nsubjpass":
                initiator = _subject_party(doc, anc_subj, local, actors)
                break
    guessed = False
    if initiator is None:
        speakers = _speaker_tokens(tok)
        candidates = [a for a in local if a.kind in ("force", "government", "country")
                      and _token_at(doc, a.start).i not in speakers and a.party != target]
        if candidates:
            initiator, guessed = candidates[0].party, True
        elif etype in ("desertion", "mobilization", "surrender"):
            sentence = tok.sent
            sides = {_adjective_side(t) for t in sentence if _adjective_side(t) is not None}
            if len(sides) == 1:
                initiator, guessed = sides.pop(), True
    if etype in _COMBAT_TYPES:
        if initiator is not None and target is None and initiator.side in _OPPOSITE:
            target = _SPOKEN_FORCE.get(_OPPOSITE[initiator.side])
        if target is not None and initiator is None and target.side in _OPPOSITE and target.side != "civilians":
            initiator = _SPOKEN_FORCE.get(_OPPOSITE[target.side])
    if etype == "evacuation" and target is None:
        target = Party("civilians", "civilians")
    return initiator, target, guessed


def _find_triggers(sent: Span) -> list[tuple[Token, str, float, TriggerRule | None]]:
    """Candidate triggers in a sentence: (token, tentative type, strength, rule)."""
    found: list[tuple[Token, str, float, TriggerRule | None]] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        rule = TRIGGERS.get(lemma) or TRIGGERS.get(tok.text.lower())
        if rule is None or tok.pos_ not in rule.pos:
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


def extract_events(doc: Doc, article_id: str, mentions: Mentions, published: dt.date | None) -> list[Candidate]:
    """Find the events of one article.

    Args:
        doc: the parsed cleaned text.
        article_id: id of the article (goes into every event).
        mentions: places, dates, actors and quantities found in ``doc``.
        published: publication date; the default date of events that carry none.

    Returns:
        Candidates in text order, with claim left as 'asserted' (the claims stage attributes them).
    """
    text = doc.text
    out: list[Candidate] = []
    focus = _Focus()
    for s_idx, sent in enumerate(doc.sents):
        s0, s1 = sent.start_char, sent.end_char
        local = _SentenceMentions(_event_places(doc, _within(mentions.places, s0, s1), mentions.actors),
                                  _within(mentions.dates, s0, s1),
                                  _within(mentions.actors, s0, s1), _within(mentions.quantities, s0, s1))
        paragraph = _paragraph_index(text, s0)
        kept: list[Candidate] = []
        found = _find_triggers(sent)
        triggers = [t for t, *_ in found]
        for tok, etype, strength, rule in found:
            if rule is not None:
                resolved = _disambiguate(tok, rule, sent, bool(local.places))
                if resolved is None:
                    continue
                etype = resolved
            if _is_negated(tok) and etype not in ("infrastructure_disruption", "desertion"):
                continue
            if _not_an_occurrence(tok) or _quoted_word(tok):
                continue
            cand = _build(doc, sent, tok, etype, strength, article_id, local, published, s_idx, paragraph,
                          focus, triggers, mentions.actors)
            same = next((c for c in kept if c.event.event_type == etype and _same_slot(c.event, cand.event)), None)
            if same is not None:
                if cand.event.confidence > same.event.confidence:
                    kept[kept.index(same)] = cand
                continue
            kept.append(cand)
        sentence_events = sorted(kept, key=lambda c: c.token)
        sentence_events = _drop_subsumed(sentence_events)
        out.extend(sentence_events)
        focus.update(local.places, paragraph, s_idx)
    return out


def _same_slot(a: Event, b: Event) -> bool:
    """Two triggers of one type in one sentence name one event when place, date and initiator agree."""
    la = a.location.name if a.location else None
    lb = b.location.name if b.location else None
    side_a = a.initiator.side if a.initiator else None
    side_b = b.initiator.side if b.initiator else None
    return la == lb and a.date.start == b.date.start and (side_a is None or side_b is None or side_a == side_b)


_HYPOTHETICAL_HEADS = frozenset({"risk", "threat", "fear", "danger", "possibility", "prospect", "chance",
                                 "likelihood", "spectre", "specter", "ability"})
_BACKGROUND_HEADS = frozenset({"conflict", "war", "invasion", "struggle"})


def _not_an_occurrence(tok: Token) -> bool:
    """Uses of a trigger word that report no event.

    'the risk of strikes', 'prospects for peace talks' (a possibility, not an occurrence); 'a conflict that has
    killed thousands' (a summary of the war, not an event of its own); 'Withdrawing from a few battles does not
    mean ...' (a generic statement: the trigger heads, or sits inside, a clausal subject).
    """
    node = tok
    for _ in range(3):
        if node.dep_ == "csubj":
            return True
        head = node.head
        if head is node:
            break
        if node.dep_ in ("pobj", "prep") and head.lemma_.lower() in _HYPOTHETICAL_HEADS:
            return True
        if node.dep_ == "relcl" and head.lemma_.lower() in _BACKGROUND_HEADS:
            return True
        node = head
    return False


_QUOTES = frozenset("'\"‘’“”«»")


def _quoted_word(tok: Token) -> bool:
    """'‘liberation’ is a word that keeps the country afloat': the word quoted, not an event."""
    doc = tok.doc
    before = doc[tok.i - 1].text if tok.i > 0 else ""
    after = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    return bool(before) and bool(after) and before[-1] in _QUOTES and after[0] in _QUOTES


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "csubj"})


def _owned_elsewhere(mention_tok: Token, trigger: Token, triggers: list[Token]) -> bool:
    """True when a mention belongs to another clause than the trigger's.

    Walking up from the mention to the lowest common ancestor with the trigger, meeting another trigger or the
    head of a separate clause means the mention describes that one: in 'occupied by Moscow forces ..., then
    recaptured by the Ukrainian army in the fall of 2022' the date belongs to 'recaptured', not 'occupied'.
    """
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    trigger_indices = {t.i for t in triggers}
    node = mention_tok
    while node.i not in trigger_line:
        if node is not mention_tok and (node.i in trigger_indices or
                                        (node.dep_ in _CLAUSE_DEPS and node.pos_ in ("VERB", "AUX"))):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def _speaker_place(mention_tok: Token, trigger: Token) -> bool:
    """'In Moscow, the Kremlin said ...': the place hangs off the speech verb, not off the event."""
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    node = mention_tok
    while node.i not in trigger_line:
        if node.head is node:
            return False
        node = node.head
    return node.lemma_.lower() in _SPEECH_LEMMAS and node.i != trigger.i


_REFERENCE_POINT = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                              "north-east", "north-west", "south-east", "south-west", "km", "kilometre",
                              "kilometer", "mile", "border"})


def _is_reference_point(mention_tok: Token) -> bool:
    """'South of Lysychansk', '8 km from Kupiansk': the place is where the event is measured from, not where it is."""
    head = mention_tok.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        return head.head.lemma_.lower() in _REFERENCE_POINT
    return False


def _drop_subsumed(cands: list[Candidate]) -> list[Candidate]:
    """A casualty count that belongs to a strike or clash in the same sentence is part of that event."""
    types = {c.event.event_type for c in cands}
    if "casualties" in types and types & {"shelling", "air_drone_strike", "armed_clash",
                                         "violence_against_civilians"}:
        return [c for c in cands if c.event.event_type != "casualties"]
    return cands


def _build(doc: Doc, sent: Span, tok: Token, etype: str, strength: float, article_id: str,
           local: _SentenceMentions, published: dt.date | None, s_idx: int, paragraph: int,
           focus: "_Focus", triggers: list[Token], all_actors: tuple[ActorMention, ...]) -> Candidate:
    confidence = strength
    # where: the most specific place the parse ties to this trigger, not a speaker's or a reference point
    places = []
    for p in local.places:
        ptok = _token_at(doc, p.start)
        if _speaker_place(ptok, tok) or _owned_elsewhere(ptok, tok, triggers):
            continue
        places.append(p)
    containers = {q.place.admin1 for q in places if q.place.kind == "settlement" and q.place.admin1}
    place = _nearest(doc, tok, places,
                     penalty=lambda p: _PRECISION_PENALTY[p.precision] +
                     (4 if _is_reference_point(_token_at(doc, p.start)) else 0) +
                     (3 if p.place.name in containers and _is_oblast_centre_name(p, places) else 0))
    inherited = False
    if place is None and etype not in ("negotiation", "sanction"):
        place = focus.inherit(sent.text, paragraph, s_idx)
        inherited = place is not None
    location = Location.from_mention(place) if place is not None else None
    if location is None:
        confidence -= 0.1
    elif inherited:
        confidence -= 0.05
    # when
    date_m = _nearest(doc, tok, [d for d in local.dates
                                 if not _owned_elsewhere(_token_at(doc, d.start), tok, triggers)])
    if date_m is not None and date_m.date_start is not None:
        date = EventDate(date_m.date_start, date_m.precision, date_m.date_end, date_m.text)
    elif published is not None:
        date = EventDate(published, "day", None, None)
        confidence -= 0.05
    else:
        date = EventDate(None, "unknown", None, None)
    # who
    initiator, target, guessed = _parties(doc, tok, etype, local.actors, all_actors)
    if guessed:
        confidence -= 0.05
    # how many
    quantities = tuple(q.quantity for q in local.quantities if _quantity_fits(doc, tok, q, etype))
    s0, s1 = _trimmed(sent.text, 0, len(sent.text))
    sentence_text = sent.text[s0:s1]
    s0, s1 = s0 + sent.start_char, s1 + sent.start_char
    event = Event(
        event_id=stable_id(article_id, etype, sent.start_char, tok.idx),
        article_id=article_id, event_type=etype, location=location, date=date,
        initiator=initiator, target=target, quantities=quantities, claim=Claim(),
        evidence=Evidence(sentence_text, s0, s1),
        confidence=round(max(0.05, min(0.99, confidence)), 3), trigger=tok.text)
    return Candidate(event, tok.i, s_idx, paragraph)


def _is_oblast_centre_name(p: PlaceMention, places: list[PlaceMention]) -> bool:
    """'Pokrovsk in Donetsk': Donetsk names the oblast that holds another place of the sentence."""
    return any(q is not p and q.place.admin1 == p.place.name and q.place.name != p.place.name for q in places)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace spaCy leaves at sentence edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _event_places(doc: Doc, places: list[PlaceMention], actors) -> list[PlaceMention]:
    """Places that can locate an event: not a state acting ('Moscow closed in'), not a country as a mere name.

    A country locates an event only as the object of a locative preposition ('fighting in Ukraine');
    'a gain for Russia' or 'convince Russia' names an actor.
    """
    out = []
    for p in places:
        if any(a.start <= p.start and p.end <= a.end and a.kind != "person" for a in actors):
            continue      # 'Moscow said', 'Moscow forces', 'Moscow and its proxies' name actors
        if p.precision == "country":
            head = _token_at(doc, p.start).head
            if head.dep_ != "prep" and head.lemma_.lower() not in _LOCATIVE_PREPS:
                continue
            if head.lemma_.lower() not in _LOCATIVE_PREPS:
                continue
        out.append(p)
    return out


def _adjective_side(tok: Token) -> Party | None:
    word = tok.text.lower()
    if word in ("russian", "russia's"):
        return Party("Russian forces", "RU")
    if word in ("ukrainian", "ukraine's"):
        return Party("Ukrainian forces", "UA")
    return None


_ROLE_FOR_TYPE = {
    "casualties": {"killed", "injured", "dead", "wounded", "died"},
    "evacuation": {"evacuated", "arrived", "fled", "displaced", None},
    "desertion": {"deserted", "fled", "crossed", None},
    "encirclement": {"surrounded", "encircled", None},
    "territory_captured": {"captured", "controlled", "occupied", None},
}


def _quantity_fits(doc: Doc, trigger: Token, q: QuantityMention, etype: str) -> bool:
    """Keep a quantity for an event when its role suits the event type or it hangs off the trigger."""
    role = q.quantity.role
    if role in ("killed", "injured", "dead", "wounded"):
        return True
    allowed = _ROLE_FOR_TYPE.get(etype)
    if allowed is not None and role in allowed:
        return True
    tok = _token_at(doc, q.start)
    return _tree_distance(trigger, tok) <= 3


def with_claims(candidates: list[Candidate], claims: list[Claim]) -> list[Candidate]:
    """Return the candidates with their claims replaced (used by the claims stage)."""
    return [replace(c, event=replace(c.event, claim=cl)) for c, cl in zip(candidates, claims, strict=True)]
