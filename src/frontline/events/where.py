"""Where: the place of an event, and the place in focus that a sentence naming none refers to.

The most specific place the parse ties to the trigger wins (the nearest in tree distance, a settlement beating an
oblast a couple of edges closer), not a speaker's seat or a reference point ('south of X'). A sentence with no
place of its own inherits the place in focus in the same paragraph ('fighting was continuing in the city'), and a
place-less clash or strike that of the paragraph before, unless a section heading came between; a local official
speaks for his own region.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from frontline.events.candidate import Candidate, SentenceMentions, nearest
from frontline.events.clauses import owned_elsewhere, shared_by_conjuncts
from frontline.events.layout import block_index
from frontline.events.referents import people_in, refers_to_people
from frontline.mentions.actors import state_party
from frontline.models import ActorMention, Location, PlaceMention, stable_id
from frontline.nlp.syntax import LOCATIVE_PREPOSITIONS, SPEECH_LEMMAS, subject, token_at
from frontline.triggers.find import Trigger, is_caption_line
from frontline.triggers.lexicon import MEETING_NOUNS
from frontline.vocab.event_types import EventType

_ANAPHORA = re.compile(r"\b(?:the|that|this) (?:city|town|village|area|region|settlement|district|locality)\b"
                       r"|\b(?:these|those) (?:cities|towns|villages|areas|settlements|localities)\b"
                       r"|\bthere\b|\bnearby\b", re.I)


# A settlement beats an oblast, region or country a couple of dependency edges closer: analysts code the most
# specific place the sentence ties to the event.
_PRECISION_PENALTY = {"settlement": 0, "district": 0, "admin1": 2, "region": 3, "country": 6}
_UNNAMED_NEARBY = re.compile(
    r"\b(?:a|another|one) (?:town|village|city|settlement|locality) (?:about |some |around |roughly |just )?"
    r"[\w.,]+ (?:km|kilomet(?:er|re)s?|miles?) (?:further |farther )?(?:to the )?"
    r"(?:north|south|east|west)", re.I)
_SETTLEMENT_ANAPHORA = re.compile(r"\b(?:the|that|this) (?:city|town|village|settlement|locality)\b"
                                  r"|\b(?:these|those) (?:cities|towns|villages|settlements|localities)\b", re.I)
_REGION_KM = 150.0   # a region ('the Donbas') holds the settlements this close to its centre
FOCUS_SENTENCES = 6  # a place stays in focus this many sentences, within its paragraph and the next


@dataclass(frozen=True, slots=True)
class Placing:
    """Where an event is, and how the place was found."""

    location: Location | None
    inherited: bool       # not the place the parse ties to the trigger: the speaker's region or the place in focus
    from_context: bool    # the sentence names no place of its own, not even its speaker's region
    near: str | None      # the words that put it near the place in focus ('a town about 10 km further south')


def place_event(doc: Doc, sent: Span, tok: Token, row: EventType, places: list[PlaceMention], focus: Focus,
                at: tuple[int, int], triggers: list[Token], actors: tuple[ActorMention, ...]) -> Placing:
    """The place of the event a trigger names: the one its clause names, else its speaker's region, else the focus.

    ``at`` is the sentence's (block, index); ``places`` the places of the sentence that can locate an event,
    ``actors`` all actor mentions of the article.
    """
    place, jurisdictions, destinations = _tied_place(doc, sent, tok, row, places, triggers)
    coded = _coded_to(doc.text, places)
    if coded is not None:
        place = coded
    inherited = from_context = near_focus = False
    if place is None and jurisdictions and not row.exchange:
        # A local official reports on his own region: with no place of its own, the event is located there.
        place, inherited = jurisdictions[0], True
    if place is None and row.context_place and not (row.personal and tok.pos_ in ("NOUN", "PROPN")):
        near_focus = _UNNAMED_NEARBY.search(sent.text) is not None
        # Fighting and flight go on where the last paragraph left them; a place-less count or aid does not, nor
        # does a desertion unless its deserter is someone or a unit the last paragraph placed ('Serhii served near
        # Pokrovsk. [...] He deserted in May'). 'Cases of desertion' are counted, not placed.
        across = row.carries_place and len(places) == destinations or \
            row.personal and focus.placed is not None and \
            bool(people_in(doc, focus.placed, actors) & people_in(doc, subject(tok) or tok, actors, told=True))
        place = focus.inherit(sent, *at, settlement=near_focus, across=across)
        inherited = from_context = place is not None
    elif place is not None and place.precision == "country" and not row.exchange:
        # 'injured on his arrival in Russia' after 'crossed at Gukovo': the town in focus, in that country; from
        # the paragraph before only when the sentence goes on about the people it placed ('one of the soldiers')
        town = focus.inherit(sent, *at, settlement=True, across=refers_to_people(subject(tok) or tok))
        if town is not None and town.place.country_code == place.place.country_code:
            place, inherited = town, True
    location = Location.from_mention(place) if place is not None else None
    near = None
    if location is not None and near_focus:
        # 'a town about 10 km further south' of the place the text is about: near it, not at it
        location = replace(location, precision="district")
        unnamed = _UNNAMED_NEARBY.search(sent.text)
        near = unnamed.group() if unnamed is not None else None
    return Placing(location, inherited, from_context, near)


# A coder's note of the settlement a report of a district or community is coded to: '(coded to Lozova, Kharkiv)',
# as ACLED's notes and data built on them write it.
_CODED_TO = re.compile(r"\bcoded to\s+(?:the\s+)?$", re.I)


def _coded_to(text: str, places: list[PlaceMention]) -> PlaceMention | None:
    """The settlement the sentence says its report is coded to, if it says so."""
    return next((p for p in places if p.precision == "settlement"
                 and _CODED_TO.search(text, max(0, p.start - 20), p.start)), None)


def _tied_place(doc: Doc, sent: Span, tok: Token, row: EventType, places: list[PlaceMention],
                triggers: list[Token]) -> tuple[PlaceMention | None, list[PlaceMention], int]:
    """The place the parse ties to the trigger, the speaker's regions, and how many places are only destinations."""
    own, jurisdictions, destinations = _clause_places(doc, tok, row, places, triggers)
    own = _without_meeting_places(doc, tok, own, places, jurisdictions)
    containers = {q.place.admin1 for q in own if q.place.kind == "settlement" and q.place.admin1}
    unnamed = _UNNAMED_NEARBY.search(sent.text)
    if unnamed is not None and _in_object(tok, sent.start_char + unnamed.start()):
        # 'occupied a town about 10 km further south': near the place the text is about, not at the sentence's
        own, jurisdictions = [], []

    towns = {q.end for q in places if q.precision == "settlement"}     # where a settlement's name ends

    def penalty(p: PlaceMention) -> int:
        return _PRECISION_PENALTY[p.precision] + (4 if _is_reference_point(token_at(doc, p.start), towns) else 0) + \
            (3 if p.place.name in containers and _is_oblast_centre_name(p, own) else 0)

    place = nearest(doc, tok, own, penalty=penalty)
    if place is None and not jurisdictions and not row.exchange and is_caption_line(sent):
        # The parse ties no place to the event, but the caption or headline names one settlement: the event is
        # there ('Russian troops seen in Ocheretyne, footage geolocated', where 'seen' owns the name; 'Explosion
        # at a building used as barracks in Makiivka, dozens killed'). In prose, or inside another event's
        # phrase ('X gains ground in Y, and Russians refuse to fight'), the place belongs to another clause.
        place = _lone_settlement(doc, tok, places, triggers)
    return place, jurisdictions, destinations


def _clause_places(doc: Doc, tok: Token, row: EventType, places: list[PlaceMention],
                   triggers: list[Token]) -> tuple[list[PlaceMention], list[PlaceMention], int]:
    """The places of the trigger's clause (or a later conjunct's), the speaker's regions, and the destinations."""
    own: list[PlaceMention] = []
    jurisdictions: list[PlaceMention] = []
    shared: list[PlaceMention] = []
    destinations = 0
    for p in places:
        ptok = token_at(doc, p.start)
        if len(places) > 1 and _origin_of_people(ptok):
            continue    # 'Lviv volunteers evacuate residents from Kupiansk': where they come from, not where it is
        if p.precision == "admin1" and row.combat and _governor(ptok) in ("towards", "toward"):
            destinations += 1   # 'the thrust continues towards the Dnipropetrovsk region': not there yet
            continue
        if _speaker_place(ptok, tok):
            if p.precision == "admin1" or _local_seat(p, ptok):
                # 'the governor of the Kharkiv region said', 'In Kherson, the mayor said': the ground he speaks for
                jurisdictions.append(p)
            continue
        owned = owned_elsewhere(ptok, tok, triggers)
        if owned and not shared_by_conjuncts(ptok, tok):
            continue
        if row.exchange and ptok.head.lower_ in ("to", "for", "against", "with", "on"):
            continue        # 'aid to Kyiv', 'sanctions against Moscow', 'talks with Kyiv': a party, not a place
        (shared if owned else own).append(p)
    # a later conjunct's place serves the verb that names none of its own
    return own or shared, jurisdictions, destinations


_WAR_COUNTRIES = frozenset({"UA", "RU"})
_MEETING_PREPOSITIONS = frozenset({"in", "at", "to"})
_MEETING_VERBS = frozenset({"meet", "negotiate", "gather", "convene", "host", "visit"})
_MEETING_WORDS = MEETING_NOUNS | _MEETING_VERBS


# People a town's name qualifies by where they come from or work from: 'Lviv volunteers', 'Mariupol refugees'
_PEOPLE_OF_A_PLACE = frozenset({"volunteer", "refugee", "evacuee", "photographer", "journalist", "reporter",
                                "correspondent", "blogger", "native", "photojournalist", "videographer", "journalists"})


def _origin_of_people(ptok: Token) -> bool:
    """'Lviv volunteers', 'Mariupol refugees', 'Kyiv-based photographer', 'Kharkiv-based brigade': the name says where
    people come from or are based, which is no place of what they do or show when the sentence names another."""
    doc = ptok.doc
    if ptok.i + 2 < len(doc) and doc[ptok.i + 1].text == "-" and doc[ptok.i + 2].lower_ == "based":
        return True
    return ptok.dep_ in ("compound", "amod", "nmod") and ptok.head.i == ptok.i + 1 and \
        ptok.head.lemma_.lower() in _PEOPLE_OF_A_PLACE


def _without_meeting_places(doc: Doc, tok: Token, own: list[PlaceMention], places: list[PlaceMention],
                            jurisdictions: list[PlaceMention]) -> list[PlaceMention]:
    """'Four killed in Ukraine ahead of crunch Paris talks': a place abroad named as where diplomats meet or an
    organisation sits is not where the sentence's incident happened, when the sentence names a place in Ukraine
    (the country itself will do); the incident is there. Without one, the place abroad stays; the talks that
    ``tok`` names themselves are where they are held."""
    if tok.lemma_.lower() in _MEETING_WORDS:
        return own      # 'leaders meet at a Paris summit': the meeting is where it is held
    abroad = [p for p in own if p.place.country_code not in _WAR_COUNTRIES
              and (seat := _where_diplomats_sit(doc, p)) is not None and seat.i != tok.i]
    if not abroad:
        return own
    kept = [p for p in own if p not in abroad]
    if not any(p.place.country_code == "UA" for p in kept):
        # the parse may hang the country on another clause: any place in Ukraine the sentence names, not a
        # speaker's seat
        kept = [p for p in places if p.place.country_code == "UA" and p not in jurisdictions and p not in abroad]
    return kept or own


def _where_diplomats_sit(doc: Doc, p: PlaceMention) -> Token | None:
    """The gathering or organisation the place is the seat of, or None: 'Paris talks', 'the Minsk format', 'a
    summit in Brussels', 'a visit to Washington', 'NATO headquarters in Brussels', 'the UN in Geneva'."""
    first, last = token_at(doc, p.start), token_at(doc, p.end - 1)
    node = last
    while node.dep_ == "compound" and node.head != node:
        node = node.head
        if node.lemma_.lower() in MEETING_NOUNS or node.lower_ in MEETING_NOUNS:
            return node
    # the noun right after the name, however the parser hung it ('ahead of crunch Paris talks' parsed with
    # 'talks' as a conjunct of the verb)
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN") and \
            (after.lemma_.lower() in MEETING_NOUNS or after.lower_ in MEETING_NOUNS):
        return after
    # 'a summit in Brussels': the name (or the noun it is a compound of) is the object of 'in', 'at' or 'to'
    name = first if first.dep_ == "pobj" else node
    prep = name.head
    if name.dep_ == "pobj" and prep.lower_ in _MEETING_PREPOSITIONS and prep.head != prep:
        holder = prep.head
        if holder.lemma_.lower() in MEETING_NOUNS or holder.lower_ in MEETING_NOUNS or holder.ent_type_ == "ORG":
            return holder
    return None


def _contains(coarse: PlaceMention, settlement: PlaceMention) -> bool:
    """Whether an oblast or region mention holds the settlement ('Sievierodonetsk ... Luhansk Province')."""
    if coarse.precision == "admin1":
        return coarse.place.admin1 is not None and coarse.place.admin1 == settlement.place.admin1
    if coarse.precision == "region":
        a, b = coarse.place, settlement.place
        dlat, dlon = math.radians(b.lat - a.lat), math.radians(b.lon - a.lon)
        h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(a.lat)) * math.cos(math.radians(b.lat)) * \
            math.sin(dlon / 2) ** 2
        return 2 * 6371.0 * math.asin(math.sqrt(h)) <= _REGION_KM
    return False


@dataclass
class Focus:
    """The places the text is about so far: what 'the city', 'there' and place-less sentences refer to.

    A sentence without a place of its own takes the place of the paragraph it is in, or of the paragraph just
    before when no heading came between (or, with an anaphor such as 'the city', of the last two sentences);
    'the city' prefers the last settlement named, not the region. Naming the oblast or region that holds the
    settlement in focus ('the administrative capital of Luhansk Province') describes it: a later sentence without
    an anaphor is still about the settlement, while 'the area' is the region.
    """

    place: tuple[int, int, PlaceMention] | None = None          # (paragraph, sentence, mention)
    settlement: tuple[int, int, PlaceMention] | None = None
    ahead: PlaceMention | None = None     # the one settlement the next sentence of the paragraph names
    placed: Span | None = None      # the sentence that named the place: whom it is about (people_in) is read
                                    # only for a desertion or surrender that needs it

    def update(self, places: list[PlaceMention], paragraph: int, sentence: int, span: Span | None = None) -> None:
        """Put the places a sentence names in focus (``span``: the sentence, whom it is about is read later)."""
        if places:
            self.placed = span
        settlements = [p for p in places if p.precision in ("settlement", "district")]
        if settlements:
            self.settlement = (paragraph, sentence, settlements[-1])
            self.place = self.settlement
        elif places:
            self.place = (paragraph, sentence, places[-1])
            if self.settlement is not None and all(_contains(p, self.settlement[2]) for p in places):
                self.settlement = (paragraph, sentence, self.settlement[2])

    def clear(self) -> None:
        """Forget the places in focus: a heading starts another story."""
        self.place = self.settlement = None

    def inherit(self, sent: Span, paragraph: int, sentence: int,
                settlement: bool = False, across: bool = False) -> PlaceMention | None:
        """The place a sentence without one of its own refers to; ``across``: the paragraph before may give it."""
        wants_settlement = settlement or _SETTLEMENT_ANAPHORA.search(sent.text) is not None
        anaphor = wants_settlement or _refers_to_a_place(sent)
        # 'the area' may be the region just named; a sentence without an anaphor goes on about the settlement
        # that region was named to describe
        described = self.settlement is not None and self.place is not None and self.settlement[:2] == self.place[:2]
        wants_settlement = wants_settlement or described and not anaphor
        for memory in ((self.settlement, self.place) if wants_settlement else (self.place,)):
            if memory is None:
                continue
            para, told, mention = memory
            if (para == paragraph or across and para == paragraph - 1) and sentence - told <= FOCUS_SENTENCES or \
                    anaphor and sentence - told <= 2:
                return mention
        # 'Inna, fleeing with her children, ... She could not shield them from life in Kramatorsk': a paragraph
        # that opens without a place names it next
        return self.ahead


def _refers_to_a_place(sent: Span) -> bool:
    """Whether the sentence names a place by an anaphor ('the area', 'there'); 'there have been' names none."""
    for m in _ANAPHORA.finditer(sent.text):
        tok = token_at(sent.doc, sent.start_char + m.start())
        if not (tok.lower_ == "there" and tok.dep_ == "expl"):
            return True
    return False


def place_ahead(text: str, sentences: list[tuple[Span, SentenceMentions, list[Trigger]]], s_idx: int,
                 block: int) -> PlaceMention | None:
    """The one settlement the next sentence names, when it is in the same paragraph."""
    if s_idx + 1 >= len(sentences) or block_index(text, sentences[s_idx + 1][0].start_char) != block:
        return None
    settlements = [p for p in sentences[s_idx + 1][1].places if p.precision == "settlement"]
    return settlements[0] if len({p.place.name for p in settlements}) == 1 else None


def _conj_root(tok: Token) -> Token:
    """The first conjunct of a coordination a name is part of ('Luhansk' in 'Luhansk and Donetsk Regions')."""
    while tok.dep_ == "compound" and tok.head != tok:
        tok = tok.head
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def at_conjoined_places(doc: Doc, cand: Candidate, places: list[PlaceMention]) -> list[Candidate]:
    """One more event for each place coordinated with the event's ('rebuild the cities of Luhansk and Donetsk').

    Analysts code one place per event: fighting 'in the Donetsk and Luhansk regions' is a clash in each. A count
    told for all the places together ('shot down 23 drones over the Belgorod and Kursk regions') cannot be
    divided among them: that event stays one.
    """
    e = cand.event
    if e.quantities:
        return []
    own = next((p for p in places if e.location is not None and p.text == e.location.mention
                and p.place.name == e.location.name), None)
    if own is None:
        return []
    root = _conj_root(token_at(doc, own.start))
    out, seen = [], {own.place.name}
    text = doc.text
    for p in places:
        # 'in the area of Kupyansk and Izyum - Ministry': the words join them though the parse hangs the second
        # name on the headline's source
        joined = _conj_root(token_at(doc, p.start)) == root or \
            text[own.end:p.start].strip().lower() in {"and", ",", ", and"}
        if p.place.name in seen or p.precision != own.precision or not joined:
            continue
        seen.add(p.place.name)
        event = replace(e, event_id=stable_id(e.article_id, e.event_type, e.evidence.char_start, p.start),
                        location=Location.from_mention(p))
        out.append(replace(cand, event=event))
    return out


def _local_seat(p: PlaceMention, tok: Token) -> bool:
    """A town of the war's two countries, no capital, opening the sentence before its speech verb: who speaks
    there speaks of it ('In Kherson, the governor said'), where a capital ('In Moscow, the Kremlin said'), a town
    abroad or a speaker's home ('a farmer from Izium says') is only where he sits."""
    prep = tok.head
    fronted = prep.dep_ == "prep" and prep.lower_ == "in" and prep.head.lemma_.lower() in SPEECH_LEMMAS and \
        prep.i < prep.head.i
    return fronted and p.precision in ("settlement", "district") and p.place.country_code in ("UA", "RU") and \
        state_party(p.place.name) is None and state_party(p.text) is None


def _speaker_place(mention_tok: Token, trigger: Token) -> bool:
    """'In Moscow, the Kremlin said ...': the place hangs off the speech verb, not off the event."""
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    node = mention_tok
    while node.i not in trigger_line:
        if node.head == node:
            return False
        node = node.head
    # 'Explosions were reported in Melitopol', 'Explosions reported in Melitopol' (the small model's subject): the
    # event is what was reported, and the place is where it was
    reported = any(c.dep_ in ("nsubj", "nsubjpass") and trigger in c.subtree for c in node.children)
    return node.lemma_.lower() in SPEECH_LEMMAS and node.i != trigger.i and not reported


_SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet", "locality"})
_REFERENCE_POINT = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                              "north-east", "north-west", "south-east", "south-west", "km", "kilometre",
                              "kilometer", "mile", "border"})


def _is_reference_point(mention_tok: Token, town_ends: AbstractSet[int] = frozenset()) -> bool:
    """'South of Lysychansk', '8 km from Kupiansk', 'Andriivka near Bakhmut': the place is where the event is measured
    from, not where it is (``town_ends``: where the sentence's settlement names end)."""
    head = mention_tok.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        before = mention_tok.doc[head.i - 1] if head.i > 0 else head
        if head.lower_ in ("near", "outside") and (before.idx + len(before) in town_ends or
                                                   head.head.lemma_.lower() in _SETTLEMENT_NOUNS):
            return True     # 'the village of Andriivka near Bakhmut': Bakhmut says where Andriivka lies
        return head.head.lemma_.lower() in _REFERENCE_POINT
    return False


def _governor(tok: Token) -> str:
    """The word a name hangs off, past the name's own compound head ('towards the [Dnipropetrovsk] region')."""
    while tok.dep_ == "compound" and tok.head != tok:
        tok = tok.head
    return tok.head.lemma_.lower()


def _in_object(tok: Token, char: int) -> bool:
    """Whether the character offset lies in the trigger's object phrase."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.left_edge.idx <= char <= c.right_edge.idx for c in tok.children)


def _is_oblast_centre_name(p: PlaceMention, places: list[PlaceMention]) -> bool:
    """'Pokrovsk in Donetsk': Donetsk names the oblast that holds another place of the sentence."""
    return any(q is not p and q.place.admin1 == p.place.name and q.place.name != p.place.name for q in places)


def _lone_settlement(doc: Doc, tok: Token, places: list[PlaceMention], triggers: list[Token]) -> PlaceMention | None:
    """The one settlement a sentence names (an oblast beside it does not count), not a speaker's seat, nor one the
    parse gives another trigger of the sentence."""
    settlements = [p for p in places if p.precision in ("settlement", "district")
                   and not _speaker_place(token_at(doc, p.start), tok)]
    if len({p.place.geonames_id or p.place.name for p in settlements}) != 1:
        return None
    ptok = token_at(doc, settlements[0].start)
    if any(other.i != tok.i and not owned_elsewhere(ptok, other, triggers) for other in triggers):
        return None
    return settlements[0]


def event_places(doc: Doc, places: list[PlaceMention], actors: Sequence[ActorMention]) -> list[PlaceMention]:
    """Places that can locate an event: not a state acting ('Moscow closed in'), not a country as a mere name.

    A name that is also an actor ('Moscow said', 'the DPR reported') locates an event only as the object of a
    locative preposition ('shelling in DPR', 'fighting in Ukraine'); so does a country ('a gain for Russia'
    and 'convince Russia' name actors).
    """
    out = []
    starts = {p.start for p in places}
    tokens = {p.start: token_at(doc, p.start) for p in places}
    for p in places:
        tok = tokens[p.start]
        if _names_its_own_place(tok, {token_at(doc, q.end - 1).i for q in places if q is not p}):
            continue
        # the name's last word hangs on the preposition: 'in the Luhansk People's Republic'
        last = token_at(doc, p.end - 1)
        locative = any(t.head.lemma_.lower() in LOCATIVE_PREPOSITIONS for t in (tok, last)) or \
            _owns_a_site(tok, starts)
        is_actor = any(a.start <= p.start and p.end <= a.end and a.kind != "person" for a in actors)
        if (is_actor or p.precision == "country") and not locative:
            continue
        out.append(p)
    return out


# Nouns for a site inside a place: 'Kyiv's Independence Square', 'the Donetsk region's Kramatorsk airfield'.
_SITE_NOUNS = frozenset({"square", "airport", "airfield", "station", "port", "plant", "street", "avenue", "district",
                         "outskirts", "suburb", "suburbs", "centre", "center", "market", "hospital", "school",
                         "camp", "checkpoint", "bridge", "dam", "base", "region", "oblast", "province", "village",
                         "town", "city"})


def _possessed(tok: Token) -> Token | None:
    """The noun a name in the possessive qualifies ('Kyiv's [square]', 'the Donetsk region's [airfield]'), else None."""
    name = tok
    while name.dep_ == "compound" and name.head != name:
        name = name.head
    return name.head if name.dep_ == "poss" else None


def _owns_a_site(tok: Token, place_starts: set[int]) -> bool:
    """'Kiev's Independence Square', 'Ukraine's Donetsk': a place in the possessive names where a site or another
    place lies, so it is a place there, not the state acting ('Kiev's military crackdown')."""
    owned = _possessed(tok)
    if owned is None:
        return False
    site = owned
    while site.dep_ == "compound" and site.head != site:
        site = site.head
    return (owned.idx in place_starts or site.lemma_.lower() in _SITE_NOUNS
            or any(t.lemma_.lower() in _SITE_NOUNS for t in owned.subtree if t.dep_ == "compound"))


def _names_its_own_place(tok: Token, place_heads: set[int]) -> bool:
    """'Severodonetsk's twin city of Lysychansk', 'Kharkiv's suburb, Tsyrkuny': the phrase a place in the
    possessive opens names its own place, and that place is where the event is; the possessor only describes it.

    ``place_heads``: the index of the last token of every other place mention of the sentence.
    """
    owned = _possessed(tok)
    if owned is None:
        return False
    named = [g for c in owned.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    named += [c for c in owned.children if c.dep_ == "appos"]
    return any(n.i in place_heads for n in named)
