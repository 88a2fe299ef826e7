"""Events: find trigger words in each sentence and build typed events from the mentions around them.

For every sentence, triggers come from the lexicon (lemmas over the parse, and multi-word phrases). Each
trigger is disambiguated with its syntactic context (who flees, what is taken, what is controlled), then given
the place, date, actors and quantities that the dependency tree ties to it: the nearest mention in tree
distance wins, so 'entered the town of Hirske yesterday' takes Hirske and yesterday even when the sentence also
names Lysychansk. A sentence with no place of its own inherits the place in focus in the same paragraph
('fighting was continuing in the city'), and a place-less clash or strike that of the paragraph before, unless a
section heading came between. An undated past event goes on the story its paragraph dated; one told as lasting
('for weeks', 'has been fighting') spans a range ending at publication. What describes a situation rather than
reports an occurrence (habits, conditions, states, trends, intentions) is dropped, and so is a relative clause
that only identifies people by an event already told.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from frontline.mentions.actors import country_party, state_party
from frontline.mentions.quantities import parse_number
from frontline.models import (
    OPPOSITE_BLOC,
    ActorMention,
    Claim,
    DateMention,
    Event,
    EventDate,
    Evidence,
    Location,
    Mentions,
    Party,
    PlaceMention,
    Quantity,
    QuantityMention,
    bloc,
    stable_id,
)
from frontline.nlp.syntax import LOCATIVE_PREPOSITIONS, subject, token_at, tree_distance
from frontline.triggers.find import ROUGH_AMOUNTS, Trigger, find_triggers, is_caption_line, names_no_trigger
from frontline.triggers.lexicon import FULL_SCALE_INVASION, SPEECH_LEMMAS, TRIGGERS
from frontline.triggers.similarity import SentenceTyper

_COMBAT_TYPES = frozenset({"armed_clash", "shelling", "air_drone_strike", "territory_captured", "encirclement",
                           "territory_withdrawn"})
_CARRIED_TYPES = _COMBAT_TYPES | {"evacuation"}      # types whose place carries over to the next paragraph
# A soldier's own act: where it happened is where the story put him, and a count without a place is a statistic.
_PERSONAL_TYPES = frozenset({"desertion", "surrender"})
_ANAPHORA = re.compile(r"\b(?:the|that|this) (?:city|town|village|area|region|settlement|district|locality)\b"
                       r"|\b(?:these|those) (?:cities|towns|villages|areas|settlements|localities)\b"
                       r"|\bthere\b|\bnearby\b", re.I)
# A settlement beats an oblast, region or country a couple of dependency edges closer: analysts code the most
# specific place the sentence ties to the event.
_PRECISION_PENALTY = {"settlement": 0, "district": 0, "admin1": 2, "region": 3, "country": 6}
_EXCHANGE_TYPES = frozenset({"aid", "sanction", "negotiation"})
# Types whose agent a bystander actor in the sentence is not: 'Trains no longer run to Ukraine's Donetsk area'
# says nothing of who stopped them, 'civilians fled' nothing of who made them flee.
_UNGUESSED_TYPES = frozenset({"infrastructure_disruption", "evacuation", "casualties", "violence_against_civilians"})
_DEFENSIVE_VERBS = frozenset({"resist", "repel", "repulse", "withstand", "defend", "fend", "thwart"})
# Fighting named without a direction: who attacked whom the words do not say.
_SYMMETRIC_CLASH = frozenset({"fight", "fighting", "battle", "clash", "combat", "hostility", "skirmish"})
# Who withdraws or retreats after an attack was on its receiving end ('Ukraine withdrew after weeks of shelling').
_YIELDING_VERBS = frozenset({"withdraw", "retreat"})
# 'The AFU lost more than 300 people killed': the dead are the subject's own.
_LOSING_VERBS = frozenset({"lose", "suffer"})
# Event nouns whose party on the other end follows a preposition: 'a dialogue with Trump', 'aid for Ukraine'.
_TARGET_PREPOSITIONS = {"negotiation": ("with",), "aid": ("for", "to"), "sanction": ("against", "on")}
_SPOKEN_FORCE = {"RU": Party("Russian forces", "RU"), "UA": Party("Ukrainian forces", "UA"),
                 "RU_aligned": Party("Pro-Russian separatists", "RU_aligned")}


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event under construction: the event plus the parse positions later stages need."""

    event: Event
    token: int            # index of the trigger token in the spaCy Doc
    sentence: int         # index of the sentence in the Doc
    paragraph: int        # index of the paragraph (blank-line or newline separated block)
    first_person: bool = False   # the trigger's subject is 'we' / 'our ...': the speaker's side, once known
    inherited: bool = False      # the place came from the text around, the sentence names none


def _paragraph_index(text: str, char: int) -> int:
    return text.count("\n", 0, char)


_UNNAMED_NEARBY = re.compile(
    r"\b(?:a|another|one) (?:town|village|city|settlement|locality) (?:about |some |around |roughly |just )?"
    r"[\w.,]+ (?:km|kilomet(?:er|re)s?|miles?) (?:further |farther )?(?:to the )?"
    r"(?:north|south|east|west)", re.I)
_SETTLEMENT_ANAPHORA = re.compile(r"\b(?:the|that|this) (?:city|town|village|settlement|locality)\b"
                                  r"|\b(?:these|those) (?:cities|towns|villages|settlements|localities)\b", re.I)


_REGION_KM = 150.0   # a region ('the Donbas') holds the settlements this close to its centre
_FOCUS_SENTENCES = 6  # a place stays in focus this many sentences, within its paragraph and the next


def _block_index(text: str, char: int) -> int:
    """The number of non-blank lines before ``char``: paragraphs counted alike with or without blank lines."""
    return bisect.bisect_left(_nonblank_line_ends(text), char)


@functools.lru_cache(maxsize=8)
def _nonblank_line_ends(text: str) -> tuple[int, ...]:
    """Offsets of the newlines that end non-blank lines (one pass per text; Python caches a string's hash)."""
    ends, start = [], 0
    for end in (m.start() for m in re.finditer("\n", text)):
        if text[start:end].strip():
            ends.append(end)
        start = end + 1
    return tuple(ends)


_TEXT_KEY = "frontline.text"


def _text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy joins the tokens anew on every ``doc.text``."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _is_heading(sent: Span) -> bool:
    """A line of its own without sentence punctuation ('Moscow comes to the rescue'): a section title."""
    text = sent.text.strip()
    return bool(text) and "\n" not in text and text[-1] not in ".!?\"'”’:;" and len(text.split()) <= 12


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
class _Focus:
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
    placed: Span | None = None      # the sentence that named the place: whom it is about (_people_in) is read
                                    # only for a desertion or surrender that needs it

    def update(self, places: list[PlaceMention], paragraph: int, sentence: int, span: Span | None = None) -> None:
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
        self.place = self.settlement = None
        self.people = frozenset()

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
            para, sent, mention = memory
            if (para == paragraph or across and para == paragraph - 1) and sentence - sent <= _FOCUS_SENTENCES or anaphor and sentence - sent <= 2:
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
        tok = token_at(doc, m.start)
        score = (tree_distance(trigger, tok) + penalty(m), abs(tok.i - trigger.i))
        if best_score is None or score < best_score:
            best, best_score = m, score
    return best


def _party_for(doc: Doc, tok: Token | None, actors: list[ActorMention], head_only: bool = False) -> Party | None:
    """The actor a phrase names: the one covering its head word, else (unless ``head_only``) one inside it.

    'the community of Novoselovka in the Donetsk People's Republic' as an object names a place, not the DNR:
    objects are read by their head (``head_only``); subjects may name their actor in a modifier ('Units of
    the Russian army').
    """
    if tok is None:
        return None
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    inside = [a for a in actors if lo <= a.start and a.end <= hi]
    head_hit = [a for a in inside if a.start <= tok.idx < a.end]
    if head_hit:
        return head_hit[0].party
    if head_only:
        return None
    if inside:
        return inside[0].party
    sides = {p for t in tok.subtree if (p := _adjective_side(t)) is not None}
    return sides.pop() if len(sides) == 1 else None


_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "them", "him"})
_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})


def resolve_pronoun(doc: Doc, pron: Token, actors: tuple[ActorMention, ...],
                     not_party: Party | None = None) -> Party | None:
    """'Moscow said it surrounded ...' -> the speaker; otherwise the nearest fitting actor before the pronoun.

    A personal pronoun ('he', 'his') takes the nearest person of its gender within a few sentences of the same
    or the previous paragraph, preferring a sentence's subject (see ``_antecedent``). ``not_party``: a party
    the pronoun cannot be ('between Putin and him' is not Putin).
    """
    # an object pronoun in a speaker's words is someone else ('a dialogue between Putin and him')
    for anc in pron.ancestors if pron.lower_ != "him" else ():
        if anc.lemma_.lower() in SPEECH_LEMMAS:
            speaker = subject(anc)
            if speaker is not None and speaker != pron:
                party = _party_for(doc, speaker, list(actors))
                if party is not None:
                    return party
            break
    if pron.lower_ in ("we", "our", "us"):
        return None     # the first person is the speaker, never a third party named earlier in the text
    if pron.lower_ in ("he", "she", "i", "his", "her", "him"):
        found = _antecedent(doc, pron, actors, not_party)
        return found.party if found is not None else None
    earlier = [a for a in actors if a.end <= pron.idx and a.kind not in ("person", "civilians")
               and a.party != not_party]
    return earlier[-1].party if earlier else None


_ANTECEDENT_SENTENCES = 5   # a person is still 'he' this many sentences on, within his paragraph and the next
_PRONOUN_HOPS = 12          # how far a chain of 'he ... he ... his' is followed back
_FEMININE = frozenset({"she", "her"})
_MASCULINE = frozenset({"he", "his", "him"})
_FEMALE_WORDS = frozenset({"mrs", "ms", "miss", "madam", "girlfriend", "wife", "mother", "daughter", "sister",
                           "woman", "grandmother", "spokeswoman"})
_MALE_WORDS = frozenset({"mr", "sir", "boyfriend", "husband", "father", "son", "brother", "man", "grandfather",
                         "spokesman"})


def _gender(doc: Doc, person: ActorMention) -> str | None:
    """'f' or 'm' when a title or a noun in apposition says it ('Mrs Koval', 'his girlfriend Polina'), else None."""
    tok = token_at(doc, person.start)
    near = {tok.head.lemma_.lower()} if tok.dep_ == "appos" else set()
    near |= {c.lemma_.lower() for c in tok.children if c.dep_ == "appos"}
    if tok.i > 0:
        near.add(doc[tok.i - 1].lower_.rstrip("."))
    if near & _FEMALE_WORDS:
        return "f"
    if near & _MALE_WORDS:
        return "m"
    return None


def _quoted(doc: Doc, sent: Span) -> bool:
    """Whether a sentence is (within) a quotation: its paragraph has an open quotation mark before it."""
    text = _text(doc)
    before = text[text.rfind("\n", 0, sent.start_char) + 1:sent.start_char]
    return (before.count("“") > before.count("”") or before.count('"') % 2 == 1
            or sent.text.lstrip().startswith(("“", '"')))


def _antecedent(doc: Doc, pron: Token, actors: tuple[ActorMention, ...], not_party: Party | None,
                hops: int = _PRONOUN_HOPS) -> ActorMention | None:
    """The person a personal pronoun stands for: the nearest sentence back that names one of its gender.

    Looks at the pronoun's own sentence (before it), then up to ``_ANTECEDENT_SENTENCES`` sentences back, never
    past the previous paragraph: a person named paragraphs earlier is not 'he' ('Denys, 27, ... His unit').
    Quoted sentences and paragraphs, the speaker's own words, do not count.
    Within a sentence the subject wins, else the one named last. A nearer pronoun of the same gender carries
    the chain on ('Sergei ... he says. ... When he had to go back, he refused').
    """
    # 'I' is whoever speaks: no gender to check, and no chain through 'he'
    same = _FEMININE if pron.lower_ in _FEMININE else _MASCULINE if pron.lower_ in _MASCULINE else frozenset()
    clash = "m" if pron.lower_ in _FEMININE else "f" if pron.lower_ in _MASCULINE else None
    text = _text(doc)
    block = _block_index(text, pron.idx)
    sent = pron.sent
    counted = crossed = 0
    while counted <= _ANTECEDENT_SENTENCES:
        quoted = _quoted(doc, sent)
        if _block_index(text, sent.start_char) != block:
            block = _block_index(text, sent.start_char)
            crossed += not quoted
            if crossed > 1:
                return None
        counted += not quoted
        end = min(sent.end_char, pron.idx)
        people: list[tuple[Token, ActorMention | None]] = [
            (token_at(doc, a.start), a) for a in actors
            if a.kind == "person" and sent.start_char <= a.start and a.end <= end and a.party != not_party
            and _gender(doc, a) != clash]
        people += [(t, None) for t in sent if t.lower_ in same and t.idx < end]
        if people:
            people.sort(key=lambda p: p[0].i)
            subjects = [p for p in people if p[0].dep_ in ("nsubj", "nsubjpass")]
            tok, found = (subjects or people)[-1]
            if found is None:
                return _antecedent(doc, tok, actors, not_party, hops - 1) if hops > 0 else None
            return found
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
    return None


def _people_in(doc: Doc, phrase: Span | Token, actors: tuple[ActorMention, ...],
               told: bool = False) -> frozenset[str]:
    """The persons a sentence or phrase names or refers to ('he', 'his unit'), by name, and the units it names.

    A unit is its noun ('brigade'); with ``told`` only a unit already told of counts ('the brigade', 'its
    company'), not a new one ('a company').
    """
    tokens = list(phrase.subtree) if isinstance(phrase, Token) else list(phrase)
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    names = {a.party.name for a in actors if a.kind == "person" and lo <= a.start and a.end <= hi}
    for t in tokens:
        if t.lower_ in _MASCULINE | _FEMININE and (found := _antecedent(doc, t, actors, None)) is not None:
            names.add(found.party.name)
        if t.tag_ == "NN" and t.lemma_.lower() in _UNIT_NOUNS and (not told or any(
                c.lower_ in _DEFINITE or c.dep_ == "poss" for c in t.children)):
            names.add(t.lemma_.lower())
    return frozenset(names)


def _refers_to_people(phrase: Token) -> bool:
    """Whether a phrase names people told of before: a pronoun, 'their', or a definite plural ('one of the soldiers').

    'The war has killed 10,000 civilians' is about no one the text placed.
    """
    return any(t.lower_ in _PRONOUNS | _POSSESSIVES and t.lower_ not in ("it", "its") or
               t.dep_ == "det" and t.lower_ in _DEFINITE and t.head.tag_ in ("NNS", "NNPS")
               for t in phrase.subtree)


def _has_locative(tok: Token) -> bool:
    """Whether a phrase holds a locative modifier ('the village of X in the DPR'), which may name an actor."""
    return any(t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPOSITIONS for t in tok.subtree)


def _subject_party(doc: Doc, subj: Token, local: list[ActorMention], actors: tuple[ActorMention, ...]) -> Party | None:
    """The actor a subject names; pronouns ('it', 'they') and possessives ('its forces') resolved."""
    if subj.lower_ in _PRONOUNS:
        return resolve_pronoun(doc, subj, actors)
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
        # 'Trump, who threatened new sanctions': the relative pronoun is the noun the clause describes
        return _party_for(doc, subj.head.head, local, head_only=True)
    party = _party_for(doc, subj, local)
    if party is None:
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), None)
        if owner is not None:
            party = resolve_pronoun(doc, owner, actors)
            if party is not None and owner.lower_ in ("his", "her") and subj.lemma_.lower() in _UNIT_NOUNS:
                # a soldier's unit fights for his side; a soldier of unknown side says nothing of it
                party = _SPOKEN_FORCE.get(party.side)
    return party


# Nouns for a body of soldiers ('his unit', 'the men in her brigade').
_UNIT_NOUNS = frozenset({"unit", "brigade", "battalion", "company", "platoon", "regiment", "squad", "division",
                         "detachment", "crew", "comrade", "man", "troop"})


def _speaker_tokens(tok: Token) -> set[int]:
    """Token indices of the subjects of speech verbs above the trigger (the claimant is not the initiator)."""
    out: set[int] = set()
    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_LEMMAS:
            subj = subject(anc)
            if subj is not None:
                out |= {t.i for t in subj.subtree}
    return out


def _opponent(party: Party, local: list[ActorMention], published: dt.date | None) -> Party | None:
    """The other side of the fight: an actor of the other bloc named in the sentence, else the usual enemy.

    Before the full-scale invasion (24 February 2022) Ukraine's forces fought the Russian-backed separatists
    of Donetsk and Luhansk; after it, Russia's forces.
    """
    other = OPPOSITE_BLOC.get(bloc(party.side))
    if other is None:
        return None
    for a in local:
        if a.kind in ("force", "government") and bloc(a.party.side) == other:
            return a.party
    if other == "RU" and published is not None and published < FULL_SCALE_INVASION:
        return _SPOKEN_FORCE["RU_aligned"]
    return _SPOKEN_FORCE[other]


def _parties(doc: Doc, tok: Token, etype: str, local: list[ActorMention],
             actors: tuple[ActorMention, ...],
             published: dt.date | None = None, when: dt.date | None = None,
             country: str | None = None) -> tuple[Party | None, Party | None, bool]:
    """Initiator and target of the event a trigger names, and whether they were guessed from the sentence.

    In order: the grammatical subject (pronouns resolved; the subject of a passive attack is its target), the
    passive agent ('by Moscow forces'), a noun trigger's modifier ('Russian strikes'), the subject of the
    clause above the trigger ('Russian soldiers are at the gates of'; 'his unit came under fire' is the
    target). Failing those, the first armed force, government or state named in the sentence that is not the
    speaker. For fighting, the other side of a two-sided war is the other party; fighting the words give no
    direction is read by who held the ground (``_by_ground``). ``when`` is the event's date (default
    ``published``), ``country`` the country code of its place.
    """
    when = when or published
    subj = subject(tok)
    passive = subj is not None and (subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in tok.children))
    initiator = _subject_party(doc, subj, local, actors) if subj is not None and not passive else None
    target = None
    for child in tok.children:
        if child.dep_ == "dobj":
            target = target or _party_for(doc, child, local, head_only=True)
        if child.dep_ == "nsubjpass":       # 'One of the Ukrainians was injured': the victim phrase
            target = target or _party_for(doc, child, local, head_only=_has_locative(child))
        if child.dep_ == "agent":
            for g in child.children:
                initiator = initiator or _party_for(doc, g, local)
    if target is None and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "with":
        # 'threatened Russia with new sanctions', 'supplied Ukraine with weapons': the verb's object gets them
        obj = next((c for c in tok.head.head.children if c.dep_ == "dobj"), None)
        target = _party_for(doc, obj, local, head_only=True)
    if passive and target is None and etype in _ATTACKED_TYPES and not _has_locative(subj):
        # 'his unit crossed the border and was fired upon': the subject of a passive attack was attacked
        target = _subject_party(doc, subj, local, actors)
    if etype in _TARGET_PREPOSITIONS and (tok.pos_ == "NOUN" or etype != "negotiation"):
        initiator, target = _prepositional_parties(doc, tok, etype, local, actors, initiator, target)
    if initiator is None and etype in _TARGET_PREPOSITIONS and subj is not None and subj.ent_type_ == "GPE" \
            and not passive:
        # 'Germany will send two Patriot systems': a state the actor lexicon does not know gives aid too
        initiator = state_party(subj.text) or Party(f"Government of {subj.text}", "other")
    if initiator is None and etype == "negotiation":
        initiator, target = _envoy_parties(doc, tok, local, target)
    if target is None and etype == "negotiation":
        target = _counterpart(doc, tok, local, actors, initiator)
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "compound" and (country := country_party(child.text)) is not None:
                # A country before a noun of action acts ('Ukraine gains ground', 'US sanctions'); before aid or
                # sanctions, one of the warring sides receives them ('Ukraine aid', 'Russia sanctions')
                if etype in ("aid", "sanction") and country.side in ("RU", "UA"):
                    target = target or country
                    continue
                initiator = initiator or country
            if initiator is None and child.dep_ in ("amod", "compound", "poss"):
                initiator = initiator or _party_for(doc, child, local) or _adjective_side(child)
                if initiator is None and child.dep_ == "poss" and child.lower_ in _POSSESSIVES:
                    initiator = resolve_pronoun(doc, child, actors)     # 'with their artillery'
                if initiator is None and child.lower_ == "enemy":
                    initiator = _enemy_of_speaker(doc, tok, local, actors, published)
    if initiator is None and tok.pos_ == "ADP":
        # a phrase trigger headed by a preposition: 'under Russian control'
        for t in tok.subtree:
            if t.dep_ in ("amod", "compound", "poss") and t.head.head == tok:
                initiator = initiator or _adjective_side(t)
    indirect = False    # the initiator is the subject of a clause above the trigger, not the trigger's own
    if initiator is None and subj is None:
        passed: set[str] = set()    # lemmas between the trigger and the subject's verb ('was due to withdraw')
        for anc in tok.ancestors:
            if anc.lemma_.lower() in SPEECH_LEMMAS:
                break
            passed.add(anc.lemma_.lower())
            anc_subj = subject(anc)
            if anc_subj is not None and tok in anc_subj.subtree:
                break       # 'Shelling in the DPR killed two': the subject above is the event itself
            if anc_subj is not None and anc_subj.dep_ != "nsubjpass":
                if passed & (_DEFENSIVE_VERBS | _YIELDING_VERBS | _LOSING_VERBS) or (
                        etype in _ATTACKED_TYPES and tok.dep_ == "pobj" and tok.head.lower_ == "under"):
                    # 'Ukrainian forces resisted an assault', 'his unit came under fire': the subject was attacked
                    target = target or _subject_party(doc, anc_subj, local, actors)
                else:
                    initiator = _subject_party(doc, anc_subj, local, actors)
                    indirect = True
                break
    # who fights is named by the trigger's own subject or modifier: 'Ukrainian soldiers are still fighting'
    own = initiator is not None and not indirect
    directed = target is not None
    guessed = False
    if initiator is None and etype not in _UNGUESSED_TYPES:
        speakers = _speaker_tokens(tok)
        # not a speaker, the target, a name in a time phrase or one that says where ('shelling in the DPR')
        candidates = [a for a in local if a.kind in ("force", "government", "country")
                      and token_at(doc, a.start).i not in speakers and a.party != target
                      and not _in_time_phrase(token_at(doc, a.start))
                      and token_at(doc, a.end - 1).head.lemma_.lower() not in LOCATIVE_PREPOSITIONS]
        if candidates:
            initiator, guessed = candidates[0].party, True
        elif etype in _OWN_ARMY_TYPES:
            sides = {p for t in tok.sent if (p := _adjective_side(t)) is not None and not _in_time_phrase(t)}
            if len(sides) == 1:
                initiator, guessed = sides.pop(), True
    if etype in _OWN_ARMY_TYPES and (initiator is None or initiator.side == "unknown"):
        # 'Serhii deserted in May', 'the men in his unit had been forcibly mobilised': the army the article is about
        army = _article_army(actors)
        if army is not None:
            initiator = army if initiator is None else replace(initiator, side=army.side)
            guessed = True
    if not directed and _undirected(tok, etype) and (not own or _besieged_ground(tok)):
        initiator, target = _by_ground(initiator, local, when, country) or (initiator, target)
    if etype == "casualties" and target is None:
        target = _unit_among(doc, tok, local, actors)
    if etype == "infrastructure_disruption" and target is None:
        target = _owner_of_ground(tok)
    if etype == "casualties" and tok.lemma_.lower() in ("lose", "loss", "suffer") and target is None:
        initiator, target = None, initiator     # 'the Ukrainian army lost 430 troops': the army is the victim
    if etype == "armed_clash" and tok.lemma_.lower() in _DEFENSIVE_VERBS:
        initiator, target = target, initiator    # 'Ukrainian troops repelled ...': the subject was attacked
    if etype in _COMBAT_TYPES:
        if initiator is not None and target is None:
            target = _opponent(initiator, local, published)
        if target is not None and initiator is None:
            initiator = _opponent(target, local, published)
    if initiator is not None and initiator == target:
        initiator = None    # 'sanctions on Russian banks' are nobody's sanctions on themselves
    if etype == "evacuation" and target is None:
        target = Party("civilians", "civilians")
    if etype == "protest" and (initiator is None or initiator.side == "civilians"
                               or (initiator.role is None and initiator in _NATIONAL_FORCES)):
        # protesters are people, not an armed force ('Russian women staged protests'); they protest against the
        # authorities of their own nation
        initiator = Party("civilians", "civilians")
        sides = {side.side for t in tok.sent if (side := _adjective_side(t)) is not None}
        if target is None and len(sides) == 1:
            side = sides.pop()
            target = Party(_GOVERNMENT_NAMES.get(side, f"{side} government"), side)
    return initiator, target, guessed


# Types whose passive subject ('was shelled') or 'come under' subject is on the receiving end.
_ATTACKED_TYPES = frozenset({"armed_clash", "shelling", "air_drone_strike", "encirclement", "casualties",
                             "violence_against_civilians"})
# Prepositions of a time phrase: 'since the start of Russia's invasion' names no actor of the event.
_TIME_PREPOSITIONS = frozenset({"since", "during", "until", "till", "throughout", "before", "after"})
_WAR_NOUNS = frozenset({"invasion", "war", "aggression"})
_TIME_NOUNS = frozenset({"start", "beginning", "outbreak", "onset", "eve", "anniversary"})
# Nouns for those who speak for a side in talks: 'Trump's envoys talked to Ukrainian negotiators'.
_ENVOY_NOUNS = frozenset({"envoy", "negotiator", "delegation", "delegate", "emissary", "mediator"})
# Nouns for soldiers a casualty count is taken among ('in his unit of fifty men, ten were killed').
_CASUALTY_GROUPS = _UNIT_NOUNS | {"soldier", "serviceman"}


# Types whose initiator is an army acting on its own men: who deserts, is mobilised or surrenders.
_OWN_ARMY_TYPES = frozenset({"desertion", "mobilization", "surrender"})
_ARMY_MENTIONS = 3      # an article is about one army when it names it this often, and twice as often as the other


def _article_army(actors: tuple[ActorMention, ...]) -> Party | None:
    """The army an article is about: the side whose armed forces it names at least twice as often as the other's."""
    counts = {side: sum(a.kind == "force" and bloc(a.party.side) == side for a in actors) for side in OPPOSITE_BLOC}
    for side, n in counts.items():
        if n >= _ARMY_MENTIONS and n >= 2 * counts[OPPOSITE_BLOC[side]]:
            return _SPOKEN_FORCE[side]
    return None


def _in_time_phrase(tok: Token) -> bool:
    """Whether a word sits in a time phrase ('since Russia's invasion', 'at the start of Russia's invasion').

    The owner of the war itself ('Russia's full-scale invasion') is a date for the events told after it.
    """
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in _WAR_NOUNS:
        return True
    return any(anc.dep_ == "prep" and anc.lower_ in _TIME_PREPOSITIONS
               or anc.dep_ == "pobj" and anc.lemma_.lower() in _TIME_NOUNS for anc in tok.ancestors)


def _undirected(tok: Token, etype: str) -> bool:
    """Whether the words name fighting without a direction: 'fighting in X', 'a battle for X', 'the besieged city'.

    Fighting 'to retake' a place or fighting someone has one; so has a siege whose besieger is its subject.
    Who fights, when the trigger's own subject names them, keeps the initiative ('Ukrainian soldiers are still
    fighting near X'), unless they fight inside a besieged place (``_besieged_ground``).
    """
    if etype == "armed_clash":
        return tok.lemma_.lower() in _SYMMETRIC_CLASH and not any(
            c.dep_ in ("xcomp", "dobj", "agent") for c in tok.children)
    return etype == "encirclement" and tok.dep_ == "amod"


_SIEGE_LEMMAS = frozenset({"besiege", "besieged", "encircle", "encircled", "surround", "surrounded", "blockade",
                           "blockaded"})


def _besieged_ground(tok: Token) -> bool:
    """Whether the fighting is inside a besieged place ('fighting in the besieged city'): its fighters defend it."""
    return any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPOSITIONS and any(
        t.dep_ == "amod" and t.lemma_.lower() in _SIEGE_LEMMAS for g in c.children for t in g.subtree)
        for c in tok.children)


def _by_ground(named: Party | None, local: list[ActorMention], when: dt.date | None,
               country: str | None) -> tuple[Party | None, Party | None] | None:
    """Initiator and target of fighting the words give no direction: the attacker did not hold the ground.

    Since the full-scale invasion (24 February 2022) the fighting on Ukrainian soil (or at no named place) is
    Russia's offensive met by Ukraine's forces, and on Russian soil Ukraine's incursion. A side the sentence
    names takes its part in that. Before the invasion (the Donbas war of 2014-2022) the line barely moved and
    the words must say who attacked: None.
    """
    if when is None or when < FULL_SCALE_INVASION or country not in (None, "UA", "RU"):
        return None
    holder = "RU" if country == "RU" else "UA"
    if named is not None and bloc(named.side) in OPPOSITE_BLOC:
        if bloc(named.side) == holder:
            return _opponent(named, local, when), named
        return named, _opponent(named, local, when)
    return _SPOKEN_FORCE[OPPOSITE_BLOC[holder]], _SPOKEN_FORCE[holder]


def _envoy_parties(doc: Doc, tok: Token, local: list[ActorMention],
                   target: Party | None) -> tuple[Party | None, Party | None]:
    """Talks read from the envoys the sentence names: 'Trump's envoys spoke to Ukrainian negotiators' -> US, UA.

    The first envoy, negotiator or delegation whose owner or adjective names a side is the initiator, the next
    of another side the target (when none is known yet).
    """
    sides: list[Party] = []
    for t in tok.sent:
        if t.lemma_.lower() not in _ENVOY_NOUNS:
            continue
        party = _party_for(doc, t, local) or next(
            (p for c in t.children if c.dep_ in ("amod", "compound", "poss") and (p := _adjective_side(c))), None)
        if party is not None and all(p.side != party.side for p in sides):
            sides.append(party)
    if not sides:
        return None, target
    return sides[0], target or (sides[1] if len(sides) > 1 else None)


def _owner_of_ground(tok: Token) -> Party | None:
    """The state whose ground or works a disruption hits: 'Trains no longer run to Ukraine's Kharkiv region'.

    Read from the owner or nationality of the verb's object or prepositional object ('Russian refineries').
    """
    scope = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok
    for t in scope.subtree:
        held = t.head.dep_ in ("dobj", "nsubjpass") and t.head.head == scope or (
            t.head.dep_ == "pobj" and t.head.head.head == scope)
        if held and t.dep_ in ("poss", "amod") and not _in_time_phrase(t):
            party = state_party(t.text.removesuffix("'s").removesuffix("’s")) if t.dep_ == "poss" else None
            party = party or _adjective_side(t)
            if party is not None:
                return party
    return None


def _counterpart(doc: Doc, tok: Token, local: list[ActorMention], actors: tuple[ActorMention, ...],
                 initiator: Party | None) -> Party | None:
    """The other party of talks named after 'with' or 'from' on the clause's verb or its object.

    'Russia negotiated with Kyiv', 'the envoy demanded concessions from Kyiv during the talks' -> Kyiv.
    """
    verb = tok if tok.pos_ in ("VERB", "AUX") else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "from")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            party = _prep_object_party(doc, obj, local, actors, not_party=initiator)
            if party is not None and party != initiator:
                return party
    return None


def _unit_among(doc: Doc, tok: Token, local: list[ActorMention], actors: tuple[ActorMention, ...]) -> Party | None:
    """The side of the soldiers a casualty count is taken among: 'in his unit of fifty men, ten were killed'."""
    for t in tok.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "of", "among", "from") and t.head.head == tok \
                and t.lemma_.lower() in _CASUALTY_GROUPS:
            party = _subject_party(doc, t, local, actors)
            if party is not None:
                return party
    return None


_GOVERNMENT_NAMES = {"RU": "Russian government", "UA": "Ukrainian government", "US": "US government"}
# The parties a bare nationality adjective stands for (see ``_adjective_side``).
_NATIONAL_FORCES = frozenset({Party("Russian forces", "RU"), Party("Ukrainian forces", "UA"),
                              Party("US government", "US")})


def _prepositional_parties(doc: Doc, tok: Token, etype: str, local: list[ActorMention],
                           actors: tuple[ActorMention, ...], initiator: Party | None,
                           target: Party | None) -> tuple[Party | None, Party | None]:
    """Initiator and target an event noun names through prepositions ('a dialogue with Trump', 'aid for Ukraine').

    'A dialogue between Putin and him': the first is the initiator, the second the target. Parties already
    found are kept.
    """
    # 'imposed sanctions on Russia', 'sent aid to Kharkiv': the verb whose object the noun is carries the party too
    carriers = list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])
    for prep in carriers:
        if prep.dep_ != "prep":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "between" and etype == "negotiation":
                first = _prep_object_party(doc, obj, local, actors)
                initiator = initiator or first
                partner = next((c for c in obj.children if c.dep_ == "conj"), None)
                if partner is not None:
                    target = target or _prep_object_party(doc, partner, local, actors, not_party=initiator)
            elif prep.lower_ in _TARGET_PREPOSITIONS[etype]:
                target = target or _prep_object_party(doc, obj, local, actors, not_party=initiator)
    return initiator, target


def _prep_object_party(doc: Doc, obj: Token, local: list[ActorMention], actors: tuple[ActorMention, ...],
                       not_party: Party | None = None) -> Party | None:
    """The actor a prepositional object names: an actor mention, a pronoun, or a country or capital name."""
    if obj.lower_ in _PRONOUNS:
        return resolve_pronoun(doc, obj, actors, not_party=not_party)
    # 'with a contingent of Ukrainian troops in Luhansk' names the troops; 'aid for a village in the DPR' not the DPR
    located = {t.i for p in obj.subtree if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPOSITIONS for t in p.subtree}
    party = _party_for(doc, obj, [a for a in local if token_at(doc, a.start).i not in located])
    # the actor stage reads a country as an actor only as a subject or object; here it is one too ('aid for Ukraine')
    return party or state_party(obj.text)


def _enemy_of_speaker(doc: Doc, tok: Token, local: list[ActorMention], actors: tuple[ActorMention, ...],
                      published: dt.date | None) -> Party | None:
    """'enemy bombardments', he added: the enemy is the other side of whoever speaks (None if nobody does)."""
    speaker = None
    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_LEMMAS:
            subj = subject(anc)
            if subj is not None:
                speaker = _subject_party(doc, subj, local, actors)
            break
    return _opponent(speaker, local, published) if speaker is not None else None


def extract_events(doc: Doc, article_id: str, mentions: Mentions, published: dt.date | None,
                   typer: SentenceTyper | None = None) -> list[Candidate]:
    """Find the events of one article.

    Args:
        doc: the parsed cleaned text.
        article_id: id of the article (goes into every event).
        mentions: places, dates, actors and quantities found in ``doc``.
        published: publication date; the default date of events that carry none.
        typer: when given, sentences that no trigger word types but that name a place, an armed force or a
            number are typed by their similarity to exemplars (one event a sentence, at a lower confidence).

    Returns:
        Candidates in text order, with claim left as 'asserted' (the claims stage attributes them).
    """
    text = _text(doc)
    sentences = []
    for sent in doc.sents:
        # a headline's closing source after a dash ('... killed - Kiev') is neither where it happened nor a party
        s0, s1 = sent.start_char, _source_start(sent)
        local = _SentenceMentions(_event_places(doc, _within(mentions.places, s0, s1), mentions.actors),
                                  _within(mentions.dates, s0, sent.end_char),
                                  _within(mentions.actors, s0, s1), _within(mentions.quantities, s0, sent.end_char))
        sentences.append((sent, local, find_triggers(sent, bool(local.places))))
    similar = _similar_types(sentences, typer) if typer is not None else {}
    out: list[Candidate] = []
    focus = _Focus()
    told: tuple[int, int, EventDate] | None = None     # (paragraph, sentence, date) of the last dated past event
    for s_idx, (sent, local, found) in enumerate(sentences):
        paragraph = _paragraph_index(text, sent.start_char)
        block = _block_index(text, sent.start_char)
        if _is_heading(sent):
            focus.clear()
            if s_idx == 0 and not local.places and len(sentences) > 1:
                # a headline sums up the lede: 'Troops evacuate the city' is the city the lede names
                focus.update(sentences[1][1].places, block, s_idx)
        if not found and s_idx in similar:
            etype, score = similar[s_idx]
            found = [Trigger(sent.root, etype, _similarity_strength(score), "similarity")]
        focus.ahead = _place_ahead(text, sentences, s_idx, block)
        kept: list[Candidate] = []
        triggers = [t.token for t in found]
        for trig in found:
            tok, etype, strength = trig.token, trig.event_type, trig.strength
            cand = _build(doc, sent, tok, etype, strength, article_id, local, published, s_idx, paragraph,
                          focus, block, triggers, mentions.actors)
            same = next((c for c in kept if c.event.event_type == etype and _same_slot(c.event, cand.event)), None)
            if same is not None:
                kept[kept.index(same)] = _better(same, cand)
                continue
            kept.append(cand)
            kept.extend(_at_conjoined_places(doc, cand, local.places))
        sentence_events = sorted(kept, key=lambda c: c.token)
        sentence_events = _drop_subsumed(sentence_events)
        sentence_events = _drop_descriptive(doc, sentence_events, _is_heading(sent) or s_idx == 0)
        if told is not None and told[0] == block and s_idx - told[1] <= _FOCUS_SENTENCES:
            sentence_events = [_narrated(doc, c, told[2], published) for c in sentence_events]
        dated = [c.event.date for c in sentence_events if c.event.date.text is not None and published is not None
                 and c.event.date.start is not None and c.event.date.start < published]
        if dated:
            told = (block, s_idx, dated[-1])
        out.extend(c for c in sentence_events if not _refers_back(doc, c, out))
        focus.update(local.places, block, s_idx, sent)
    return out


def _narrated(doc: Doc, cand: Candidate, told: EventDate, published: dt.date | None) -> Candidate:
    """An undated event in the past tense goes on the story the paragraph dated: 'on the first day of the invasion,
    his unit was fired upon. [...] Ten were killed' happened then, not at publication."""
    e, tok = cand.event, doc[cand.token]
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    past = tok.tag_ == "VBD" and not aux or tok.tag_ == "VBN" and bool(aux) and \
        all(a.tag_ == "VBD" and a.lemma_.lower() != "have" for a in aux)
    if e.date.text is not None or e.date.start != published or not past:
        return cand
    return replace(cand, event=replace(e, date=EventDate(told.start, told.precision, told.end, None)))


def _conj_root(tok: Token) -> Token:
    """The first conjunct of a coordination a name is part of ('Luhansk' in 'Luhansk and Donetsk Regions')."""
    while tok.dep_ == "compound" and tok.head != tok:
        tok = tok.head
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def _at_conjoined_places(doc: Doc, cand: Candidate, places: list[PlaceMention]) -> list[Candidate]:
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
    for p in places:
        if p.place.name in seen or p.precision != own.precision or _conj_root(token_at(doc, p.start)) != root:
            continue
        seen.add(p.place.name)
        event = replace(e, event_id=stable_id(e.article_id, e.event_type, e.evidence.char_start, p.start),
                        location=Location.from_mention(p))
        out.append(replace(cand, event=event))
    return out


def _place_ahead(text: str, sentences: list[tuple[Span, _SentenceMentions, list[Trigger]]], s_idx: int,
                 block: int) -> PlaceMention | None:
    """The one settlement the next sentence names, when it is in the same paragraph."""
    if s_idx + 1 >= len(sentences) or _block_index(text, sentences[s_idx + 1][0].start_char) != block:
        return None
    settlements = [p for p in sentences[s_idx + 1][1].places if p.precision == "settlement"]
    return settlements[0] if len({p.place.name for p in settlements}) == 1 else None


_MIN_WORDS = 4      # shorter lines are names, bylines and section titles
_MAX_WORDS = 40


def _similar_types(sentences: list[tuple[Span, _SentenceMentions, list[Trigger]]],
                   typer: SentenceTyper) -> dict[int, tuple[str, float]]:
    """Event types by similarity for the sentences that name a place, a force or a number and no trigger word.

    A sentence whose trigger words the lexicon's rules rejected ('advised them to surrender') is not retyped:
    similarity is for wording the lexicon lacks, not a second opinion on wording it read.
    """
    wanted = [i for i, (sent, local, found) in enumerate(sentences)
              if not found and sum(t.is_alpha for t in sent) >= _MIN_WORDS and names_no_trigger(sent) and
              (local.places or local.quantities or any(a.kind == "force" for a in local.actors))]
    # The event of a sentence is named in its first words; long sentences would only pad every batch (cost grows
    # with the longest sentence of the batch).
    typed = typer.classify([" ".join(sentences[i][0].text.split()[:_MAX_WORDS]) for i in wanted])
    return {i: t for i, t in zip(wanted, typed, strict=True) if t is not None}


_DEFINITE = frozenset({"the", "these", "this", "those"})


def _refers_back(doc: Doc, cand: Candidate, earlier: list[Candidate]) -> bool:
    """'The negotiations were being hampered ...' after 'it was in negotiations with ...': a definite noun with
    no modifier, place, date or count of its own names the event already told, not a new one; so does a relative
    clause that identifies 'the same' people by an event of the type told before."""
    tok = doc[cand.token]
    e = cand.event
    if tok.dep_ == "relcl" and any(c.dep_ == "amod" and c.lower_ == "same" for c in tok.head.children):
        # 'these are the same troops that were negotiating': the clause names who took part in an event told
        return e.date.text is None and not e.quantities and any(c.event.event_type == e.event_type for c in earlier)
    if tok.pos_ != "NOUN" or not any(c.dep_ in ("det", "predet") and c.lower_ in _DEFINITE for c in tok.children):
        return False
    if any(c.dep_ in ("acl", "relcl", "prep") for c in tok.children):
        return False        # 'the war launched almost three years ago', 'the talks in Istanbul': told anew
    if e.date.text is not None or e.quantities or (e.location is not None and e.location.mention is not None and
                                   e.location.mention in doc[tok.sent.start:tok.sent.end].text):
        return False
    return any(c.event.event_type == e.event_type for c in earlier)


def _similarity_strength(score: float) -> float:
    """The prior of a similarity-typed event: below any lexicon word's, rising with the similarity."""
    return round(min(0.6, 0.3 + (score - 0.5)), 3)


def _better(a: Candidate, b: Candidate) -> Candidate:
    """Of two triggers for one event, keep the one that located it, then the more confident one."""
    return max((a, b), key=lambda c: (c.event.location is not None, c.event.confidence))


def _same_slot(a: Event, b: Event) -> bool:
    """Two triggers of one type in one sentence name one event unless place, date or initiator tell them apart.

    'have been allowed to cross into Russia' is one desertion, though only 'cross' holds the place.
    """
    la = a.location.name if a.location else None
    lb = b.location.name if b.location else None
    side_a = a.initiator.side if a.initiator else None
    side_b = b.initiator.side if b.initiator else None
    # a trigger with no date expression of its own only defaulted to the publication date ('Shelling hit X
    # overnight': 'Shelling' is dated by nothing, 'hit' by 'overnight')
    dates = a.date.start == b.date.start or a.date.text is None or b.date.text is None
    return (la is None or lb is None or la == lb) and dates and \
        (side_a is None or side_b is None or side_a == side_b)


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "csubj"})


# 'Two killed in Kherson shelling': a clause telling the toll of the trigger's event is not another event's.
_TOLL_LEMMAS = frozenset({"kill", "injure", "wound", "die", "hurt"})


def _owned_elsewhere(mention_tok: Token, trigger: Token, triggers: list[Token]) -> bool:
    """True when a mention belongs to another clause than the trigger's.

    Walking up from the mention to the lowest common ancestor with the trigger, meeting another trigger or the
    head of a separate clause means the mention describes that one: in 'occupied by Moscow forces ..., then
    recaptured by the Ukrainian army in the fall of 2022' the date belongs to 'recaptured', not 'occupied'.
    """
    # A name right after a verb trigger is its object whatever the parse says: the small model reads 'encircle
    # Lysychansk and mount assaults' as 'Lysychansk and mount' modifying 'assaults'.
    before = mention_tok.doc[mention_tok.i - 1] if mention_tok.i > 0 else None
    if before is not None and before.pos_ == "VERB" and before.i in {t.i for t in triggers}:
        if before == trigger:
            return False
        if trigger.pos_ != "VERB":      # a conjoined verb shares the object ('entered Hirske and surrounded')
            return True
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    trigger_indices = {t.i for t in triggers}
    node = mention_tok
    while node.i not in trigger_line:
        if node != mention_tok and (node.i in trigger_indices or
                                        (node.dep_ in _CLAUSE_DEPS and node.pos_ in ("VERB", "AUX")
                                         and node.lemma_.lower() not in _TOLL_LEMMAS)):
            return True
        if node.head == node:
            return False
        node = node.head
    # 'Ukraine gains ground in X, and Russians refuse to fight': a conjoined clause with a subject of its own
    # does not share the first clause's place ('entered Hirske and surrounded ...' shares it)
    return node != trigger and _own_subject_below(trigger, node)


def _shared_by_conjuncts(mention_tok: Token, trigger: Token) -> bool:
    """Whether a later verb conjunct's place is the trigger's too ('killed a woman and injured two in Kherson').

    Coordinated verbs without subjects of their own tell one scene: 'troops stormed and captured Klishchiivka'
    stormed it. The place is shared only when the verb on the trigger's line has no word of the same role as the
    place's (an object for an object; a preposition or a named object for a locative phrase): 'invaded Ukraine
    and captured Bakhmut' did not invade Bakhmut.
    """
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    path = [mention_tok]
    while path[-1].head.i not in trigger_line:
        if path[-1].head == path[-1]:
            return False
        path.append(path[-1].head)
    anchor = path[-1].head
    conjuncts = 0
    while path and path[-1].dep_ == "conj" and path[-1].pos_ in ("VERB", "AUX") and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in path[-1].children):
        conjuncts += 1
        path.pop()
    if not conjuncts or not path or anchor.pos_ not in ("VERB", "AUX"):
        return False
    if any(n.dep_ in _CLAUSE_DEPS and n.pos_ in ("VERB", "AUX") for n in path[:-1]):
        return False        # 'injured two who fled to Kherson': the place of another clause below
    # a locative phrase is the scene wherever the parse hangs it ('injured [two children in Kherson]')
    if any(n.dep_ == "prep" and n.lower_ in LOCATIVE_PREPOSITIONS for n in path):
        return not any(c.dep_ == "prep" or c.dep_ == "dobj" and c.pos_ == "PROPN" for c in anchor.children)
    return path[-1].dep_ == "dobj" and not any(c.dep_ == "dobj" for c in anchor.children)


def _own_subject_below(trigger: Token, top: Token) -> bool:
    """Whether a conjunct between the trigger and ``top`` (inclusive of the trigger) has a subject of its own."""
    node = trigger
    while node != top and node.head != node:
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
        node = node.head
    return False


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
    return node.lemma_.lower() in SPEECH_LEMMAS and node.i != trigger.i


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
    """A casualty count that belongs to a strike or clash in the same sentence is part of that event.

    The place the toll names is the attack's when the attack names none ('Two killed in Kherson shelling').
    """
    types = {c.event.event_type for c in cands}
    if "casualties" in types and types & {"shelling", "air_drone_strike", "armed_clash",
                                         "violence_against_civilians"}:
        places = {c.event.location for c in cands if c.event.event_type == "casualties" and c.event.location}
        kept = [c for c in cands if c.event.event_type != "casualties"]
        if len(places) == 1:
            (place,) = places
            kept = [c if c.event.location is not None else replace(c, event=replace(c.event, location=place))
                    for c in kept]
        return kept
    return cands


# Adverbs that make a clause a habit or a state, not an occurrence ('they were constantly under fire').
_HABITUAL = frozenset({"constantly", "always", "often", "usually", "regularly", "frequently", "routinely",
                       "sometimes", "continually", "typically", "generally", "normally", "never"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "lest"})
# Nouns whose complement is what someone means to do, not what happened ('the troops' intention to destroy').
_INTENTION_NOUNS = frozenset({"intention", "intent", "plan", "aim", "goal", "desire", "wish", "readiness",
                              "willingness", "demand", "insistence", "refusal"})
# Nouns that make the events they count a trend ('the flow of deserters is increasing'), with the verbs of change.
_TREND_NOUNS = frozenset({"flow", "stream", "wave", "trickle", "influx", "number", "rate", "share", "tide"})
_CHANGE_VERBS = frozenset({"increase", "grow", "rise", "swell", "mount", "decline", "fall", "drop", "decrease",
                           "shrink", "accelerate", "slow"})
_DESCRIPTIVE_TYPES = 3      # a sentence naming this many kinds of event with no fact of any is a description


def _bare(c: Candidate, own: bool = False) -> bool:
    """An event with no place, date expression or count (``own``: none from its sentence): nothing ties it to one
    occurrence."""
    e = c.event
    return (e.location is None or own and c.inherited) and e.date.text is None and not e.quantities


def _clause_tokens(tok: Token) -> list[Token]:
    """The trigger and the words above it up to the head of its clause (the first verb at or above it)."""
    out = [tok]
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
        out.append(node)
    return out


def _habitual(tok: Token) -> bool:
    """'They were constantly under fire', 'they often shell us': an adverb of habit on the trigger's clause."""
    return any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for t in _clause_tokens(tok) for c in t.children)


def _conditional(tok: Token) -> bool:
    """'if we were attacked from behind': the trigger is in a condition, not a report."""
    return any(t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in t.children)
               for t in [tok, *tok.ancestors])


def _generic_present(tok: Token) -> bool:
    """'The troops suffer from poor logistics': a verb in the simple present tells a state or a habit."""
    return tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _vague_amount(tok: Token) -> bool:
    """'so many deaths': a count no one gave."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ROUGH_AMOUNTS for c in tok.children)


def _instrument(tok: Token) -> bool:
    """'levelling cities with artillery and air strikes': a noun naming the means of a verb, not an occurrence."""
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return tok.pos_ == "NOUN" and node.dep_ == "pobj" and node.head.lower_ == "with"


def _intended(tok: Token, triggers: set[int]) -> bool:
    """'The talks were hampered by the troops' intention to destroy ...': what a party means to do is the
    circumstance of another event of the sentence (here the talks), not an event."""
    for anc in tok.ancestors:
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in _INTENTION_NOUNS:
            clause = anc
            while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
                clause = clause.head
            return clause.i in triggers or any(c.i in triggers for c in clause.children)
    return False


def _trend(tok: Token) -> bool:
    """'The flow of deserters seems to be increasing': the events counted as a trend, not one occurrence."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.lemma_.lower() not in _TREND_NOUNS:
        return False
    verb = tok.head.head.head
    return any(t.lemma_.lower() in _CHANGE_VERBS for t in [verb, *verb.children] if t.dep_ in ("ROOT", "xcomp",
                                                                                               verb.dep_))


def _since_undated(tok: Token, e: Event) -> bool:
    """'Since the war began, millions have fled', 'since Russia invaded': an event told as the starting point of
    another, with no date expression of its own, is background; the publication date would misdate it."""
    if e.date.text is not None:
        return False
    clause = _clause_tokens(tok)[-1]
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children) or \
        tok.dep_ == "pobj" and tok.head.lower_ == "since"


# Lexicon rules that read the start of the war ('launched the invasion', 'the invasion began'), and how long after
# 24 February 2022 an undated telling of it was still the news of the day.
_WAR_START_RULES = frozenset({"launched", "war_begins"})
_WAR_START_NEWS = dt.timedelta(days=14)


def _retold_war_start(tok: Token, e: Event) -> bool:
    """'Putin, who launched the invasion, ...' in a later article: the start of the war retold with no date of its
    own is background; only in the invasion's first days was it the news (and publication its date)."""
    rule = TRIGGERS.get(tok.lemma_.lower())
    return rule is not None and rule.rule in _WAR_START_RULES and e.date.text is None and \
        e.date.start is not None and not FULL_SCALE_INVASION <= e.date.start <= FULL_SCALE_INVASION + _WAR_START_NEWS


def _drop_descriptive(doc: Doc, cands: list[Candidate], headline: bool) -> list[Candidate]:
    """Drop what describes a situation rather than reports an occurrence.

    A careful analyst codes a particular happening, not a characterisation: habits ('constantly under fire'),
    conditions ('if we were attacked'), states in the simple present ('the troops suffer from'), vague amounts
    ('so many deaths'), means ('with air strikes'), a party's intention that is the subject of other events, and
    trends ('the flow of deserters is increasing'). These need no place, date or count of their own to go (all
    but the last two need to have none); a headline, terse by nature, is kept. An undated event told as the point
    since which something holds ('since the war began') goes too, and so does the start of the war retold
    without a date. A sentence that names three or more kinds of event, none with a place, date or count of its
    own (a place the text around gave does not count), is a description of the war ('units supplied with faulty
    equipment, coming under fire and left behind while retreating').
    """
    triggers = {c.token for c in cands}
    kept = []
    for c in cands:
        tok, e = doc[c.token], c.event
        if _intended(tok, triggers - {c.token}):
            continue
        if e.date.text is None and not e.quantities and _trend(tok) or _since_undated(tok, e) or \
                _retold_war_start(tok, e):
            continue
        if not headline and _bare(c) and (_habitual(tok) or _conditional(tok) or _generic_present(tok) or
                                         _vague_amount(tok) or _instrument(tok)):
            continue
        kept.append(c)
    if not headline and len({c.event.event_type for c in kept}) >= _DESCRIPTIVE_TYPES and \
            all(_bare(c, own=True) for c in kept):
        return []
    return kept


def _build(doc: Doc, sent: Span, tok: Token, etype: str, strength: float, article_id: str,
           local: _SentenceMentions, published: dt.date | None, s_idx: int, paragraph: int,
           focus: "_Focus", block: int, triggers: list[Token], all_actors: tuple[ActorMention, ...]) -> Candidate:
    confidence = strength
    # where: the most specific place the parse ties to this trigger, not a speaker's or a reference point
    places, jurisdictions, destinations, shared = [], [], 0, []
    for p in local.places:
        ptok = token_at(doc, p.start)
        if p.precision == "admin1" and etype in _COMBAT_TYPES and _governor(ptok) in ("towards", "toward"):
            destinations += 1   # 'the thrust continues towards the Dnipropetrovsk region': not there yet
            continue
        if _speaker_place(ptok, tok):
            if p.precision == "admin1" or _local_seat(p, ptok):
                # 'the governor of the Kharkiv region said', 'In Kherson, the mayor said': the ground he speaks for
                jurisdictions.append(p)
            continue
        owned = _owned_elsewhere(ptok, tok, triggers)
        if owned and not _shared_by_conjuncts(ptok, tok):
            continue
        if etype in _EXCHANGE_TYPES and ptok.head.lower_ in ("to", "for", "against", "with", "on"):
            continue        # 'aid to Kyiv', 'sanctions against Moscow', 'talks with Kyiv': a party, not a place
        (shared if owned else places).append(p)
    # a later conjunct's place serves the verb that names none of its own
    places = places or shared
    containers = {q.place.admin1 for q in places if q.place.kind == "settlement" and q.place.admin1}
    unnamed = _UNNAMED_NEARBY.search(sent.text)
    if unnamed is not None and _in_object(tok, sent.start_char + unnamed.start()):
        # 'occupied a town about 10 km further south': near the place the text is about, not at the sentence's
        places, jurisdictions = [], []
    place = _nearest(doc, tok, places,
                     penalty=lambda p: _PRECISION_PENALTY[p.precision] +
                     (4 if _is_reference_point(token_at(doc, p.start)) else 0) +
                     (3 if p.place.name in containers and _is_oblast_centre_name(p, places) else 0))
    if place is None and not jurisdictions and etype not in _EXCHANGE_TYPES and len(triggers) == 1 and \
            is_caption_line(sent):
        # The parse ties no place to the event, but the caption or headline names one settlement: the event is
        # there ('Russian troops seen in Ocheretyne, footage geolocated', where 'seen' owns the name). In prose,
        # or beside another event ('X gains ground in Y, and Russians refuse to fight'), the place belongs to
        # another clause.
        place = _lone_settlement(doc, tok, local.places)
    inherited = False
    from_context = False    # the sentence names no place of its own, not even its speaker's region
    near_focus = False
    if place is None and jurisdictions and etype not in _EXCHANGE_TYPES:
        # A local official reports on his own region: with no place of its own, the event is located there.
        place, inherited = jurisdictions[0], True
    if place is None and etype not in ("negotiation", "sanction") and not (etype in _PERSONAL_TYPES and
                                                                          tok.pos_ in ("NOUN", "PROPN")):
        near_focus = _UNNAMED_NEARBY.search(sent.text) is not None
        # Fighting and flight go on where the last paragraph left them; a place-less count or aid does not, nor
        # does a desertion unless its deserter is someone or a unit the last paragraph placed ('Serhii served near
        # Pokrovsk. [...] He deserted in May'). 'Cases of desertion' are counted, not placed.
        across = etype in _CARRIED_TYPES and len(local.places) == destinations or \
            etype in _PERSONAL_TYPES and focus.placed is not None and \
            bool(_people_in(doc, focus.placed, all_actors) & _people_in(doc, subject(tok) or tok, all_actors, told=True))
        place = focus.inherit(sent, block, s_idx, settlement=near_focus, across=across)
        inherited = from_context = place is not None
    elif place is not None and place.precision == "country" and etype not in _EXCHANGE_TYPES:
        # 'injured on his arrival in Russia' after 'crossed at Gukovo': the town in focus, in that country; from
        # the paragraph before only when the sentence goes on about the people it placed ('one of the soldiers')
        town = focus.inherit(sent, block, s_idx, settlement=True, across=_refers_to_people(subject(tok) or tok))
        if town is not None and town.place.country_code == place.place.country_code:
            place, inherited = town, True
    location = Location.from_mention(place) if place is not None else None
    if location is not None and near_focus:
        # 'a town about 10 km further south' of the place the text is about: near it, not at it
        location = replace(location, precision="district")
    if location is None:
        confidence -= 0.1
    elif inherited:
        confidence -= 0.05
    # when
    date_m = _nearest(doc, tok, [d for d in local.dates
                                 if not _owned_elsewhere(token_at(doc, d.start), tok, triggers)])
    if date_m is not None and date_m.date_start is not None:
        date = EventDate(date_m.date_start, date_m.precision, date_m.date_end, date_m.text)
    elif published is not None and (lasting := _lasting(tok, published)) is not None:
        date = lasting
    elif published is not None:
        date = EventDate(published, "day", None, None)
        confidence -= 0.05
    else:
        date = EventDate(None, "unknown", None, None)
    # who: not the source a headline closes with ('Two killed in Kherson shelling - Russia's defence ministry')
    initiator, target, guessed = _parties(doc, tok, etype, local.actors, all_actors, published, date.start,
                                          location.country_code if location is not None else None)
    if etype in _STRIKE_TYPES and _civilian_victims(local):
        initiator, target = _with_civilian_target(initiator, target, local.actors)
    if guessed:
        confidence -= 0.05
    # how many
    quantities = tuple(_with_implied_role(q.quantity, etype) for q in local.quantities
                       if _quantity_fits(doc, tok, q, etype))
    s0, s1 = _trimmed(sent.text, 0, len(sent.text))
    sentence_text = sent.text[s0:s1]
    s0, s1 = s0 + sent.start_char, s1 + sent.start_char
    event = Event(
        event_id=stable_id(article_id, etype, sent.start_char, tok.idx),
        article_id=article_id, event_type=etype, location=location, date=date,
        initiator=initiator, target=target, quantities=quantities, claim=Claim(),
        evidence=Evidence(sentence_text, s0, s1),
        confidence=round(max(0.05, min(0.99, confidence)), 3), trigger=tok.text,
        near=unnamed.group() if unnamed and near_focus and location is not None else None)
    return Candidate(event, tok.i, s_idx, paragraph, _first_person(tok), from_context)


def _lone_settlement(doc: Doc, tok: Token, places: list[PlaceMention]) -> PlaceMention | None:
    """The one settlement a sentence names (an oblast beside it does not count), not a speaker's seat."""
    settlements = [p for p in places if p.precision in ("settlement", "district")
                   and not _speaker_place(token_at(doc, p.start), tok)]
    return settlements[0] if len({p.place.geonames_id or p.place.name for p in settlements}) == 1 else None


_DURATION_UNITS = {"day": ("day", 1), "week": ("day", 7), "month": ("month", 30), "year": ("year", 365)}
# How long a bare plural lasts ('for weeks', 'for months'): a few of the unit, kept short of the next unit up.
_FEW = 3
# Count words parse_number does not read as numbers ('a year', 'several weeks').
_COUNT_WORDS = {"a": 1, "an": 1, "several": _FEW, "few": _FEW}


def _lasting(tok: Token, published: dt.date) -> EventDate | None:
    """The time span of an event told as lasting up to publication, when no date expression dates it.

    'resisted an assault for weeks', 'has spent over a year trying to seize X': a range ending at publication
    and starting that long before, as precise as the unit ('over a year': year precision). 'His unit has been
    fighting in X' (present perfect continuous): a state at publication, the month-precision range from the start
    of the month before (the convention for 'now'). The date's text is the words that say so.
    """
    for verb in [tok, *list(tok.ancestors)[:3]]:
        if verb.lemma_.lower() in SPEECH_LEMMAS:
            break
        for child in verb.children:
            unit = child
            if child.dep_ == "prep" and child.lower_ == "for":
                unit = next((c for c in child.children if c.dep_ == "pobj"), child)
            elif child.dep_ not in ("npadvmod", "dobj") or verb.lemma_.lower() != "spend":
                continue
            found = _DURATION_UNITS.get(unit.lemma_.lower())
            if found is None:
                continue
            precision, days = found
            count = next((_COUNT_WORDS.get(c.lower_) or parse_number(c.text)
                          for c in unit.children if c.dep_ in ("nummod", "det", "amod")), None)
            count = int(count) if count else None
            count = count or (_FEW if unit.tag_ == "NNS" else 1)
            start = published - dt.timedelta(days=days * count)
            if precision == "month":
                start = start.replace(day=1)
            elif precision == "year":
                start = dt.date(start.year, 1, 1)
            words = tok.doc[min(child.i, unit.left_edge.i):unit.i + 1].text
            return EventDate(start, precision, published, words)
    # 'the besieged city' in a clause that goes on at publication is besieged as long
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), tok) if tok.dep_ == "amod" else tok
    aux = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ == "VBG" and any(a.lower_ == "been" for a in aux) and \
            any(a.lemma_.lower() == "have" and a.tag_ in ("VBZ", "VBP") for a in aux):
        month = published.month - 1 or 12
        start = dt.date(published.year - (published.month == 1), month, 1)
        return EventDate(start, "month", published, tok.doc[aux[0].i:verb.i + 1].text)
    return None


# Attacks whose victims decide the target: shells that kill residents were fired at them, not at an army.
_STRIKE_TYPES = frozenset({"shelling", "air_drone_strike", "casualties"})
_CIVILIAN_UNITS = frozenset({"people", "civilians", "residents", "inhabitants", "women", "children", "adults",
                             "girls", "boys", "babies", "infants", "teenagers", "pensioners", "passengers", "workers",
                             "employees", "volunteers", "journalists", "doctors", "medics", "rescuers",
                             "firefighters", "shoppers", "patients", "families"})


def _civilian_victims(local: "_SentenceMentions") -> bool:
    """Whether the sentence counts its dead or wounded as civilians ('killed a woman', '14 people were killed')
    and names no soldier among them."""
    harmed = [q.quantity for q in local.quantities if q.quantity.role in ("killed", "injured")]
    # a bare number ('six were killed', 'at least 27') counts whoever the sentence is about: it names nobody
    named = [q for q in harmed if q.text and parse_number(q.text.split()[-1]) is None]
    return bool(named) and all(q.unit in _CIVILIAN_UNITS for q in named)


def _with_civilian_target(initiator: Party | None, target: Party | None,
                          actors: list[ActorMention]) -> tuple[Party | None, Party | None]:
    """Civilians are the target unless the sentence itself names another one; victims never initiate."""
    named = {a.party for a in actors if a.kind != "civilians"}
    if target is None or target not in named or target.side == "civilians":
        target = Party("civilians", "civilians")
    if initiator is not None and initiator.side == "civilians":
        initiator = None
    return initiator, target


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


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace spaCy leaves at sentence edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _event_places(doc: Doc, places: list[PlaceMention], actors) -> list[PlaceMention]:
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


# A headline's closing source: '... killed near Avdiivka - Kiev', '...: officials', '... – governor'. A sentence
# ends in punctuation; a headline does not.
_SOURCE_TAIL = re.compile(r"(?:\s[-–—]\s+|:\s+)(?P<source>[^-–—:.!?]{1,60})$")
_SOURCE_WORDS = 4


def headline_source(sent: Span) -> tuple[int, int, bool] | None:
    """Where the source a sentence closes with lies ('... killed - Kiev', '...: officials'), as the characters
    ``(start, end)`` and whether a dash (not a colon) set it off; None when there is none.

    A source is a few words, with no verb, no event word and no locative phrase ('- near Kharkiv' is a place).
    """
    m = _SOURCE_TAIL.search(sent.text.rstrip())
    if m is None:
        return None
    lo, hi = sent.start_char + m.start("source"), sent.start_char + m.end("source")
    words = [t for t in sent if lo <= t.idx < hi]
    if len(words) > _SOURCE_WORDS or any(t.lemma_.lower() in TRIGGERS or t.pos_ in ("VERB", "AUX")
                                         or t.lower_ in LOCATIVE_PREPOSITIONS for t in words):
        return None
    return lo, hi, not m.group(0).lstrip().startswith(":")


def _source_start(sent: Span) -> int:
    """Where the source a sentence closes with after a dash begins ('... killed - Kiev'), else the sentence's end.
    (After a colon a name is as often where it happened, 'Fighting near Marinka: Donetsk region'.)"""
    tail = headline_source(sent)
    return tail[0] if tail is not None and tail[2] else sent.end_char


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


def _adjective_side(tok: Token) -> Party | None:
    """'Russian' / 'Ukrainian' (and possessives) as a side, for phrases that name no actor of the lexicon."""
    if tok.text in ("us", "Us"):
        return None     # the pronoun, not the United States
    word = tok.text.lower().replace("’", "'")
    if word in ("russian", "russia's"):
        return Party("Russian forces", "RU")
    if word in ("ukrainian", "ukraine's"):
        return Party("Ukrainian forces", "UA")
    if word in ("us", "u.s.", "american", "us-led", "u.s.-led", "america's"):
        return Party("US government", "US")
    return None


_ROLE_FOR_TYPE = {
    "casualties": {"killed", "injured", "dead", "wounded", "died"},
    "evacuation": {"evacuated", "arrived", "fled", "displaced", None},
    "desertion": {"deserted", "fled", "crossed", None},
    "encirclement": {"surrounded", "encircled", None},
    "territory_captured": {"captured", "controlled", "occupied", None},
}


# What happened to the people or places an event counts when the parse ties the number to no verb: '438
# soldiers ... have been allowed into Russia' in a desertion report deserted, '16 localities' of an evacuation
# were evacuated.
_IMPLIED_ROLE = {"evacuation": "evacuated", "desertion": "deserted", "encirclement": "surrounded"}


def _with_implied_role(q: Quantity, etype: str) -> Quantity:
    role = _IMPLIED_ROLE.get(etype)
    return replace(q, role=role) if q.role is None and role is not None and q.unit != "percent" else q


def _quantity_fits(doc: Doc, trigger: Token, q: QuantityMention, etype: str) -> bool:
    """Keep a quantity for an event when its role suits the event type or it hangs off the trigger."""
    role = q.quantity.role
    if role in ("killed", "injured", "dead", "wounded"):
        return etype != "other"     # a sighting carries no casualties (docs/EVENTS.md)
    allowed = _ROLE_FOR_TYPE.get(etype)
    if allowed is not None and role in allowed:
        return True
    tok = token_at(doc, q.start)
    return tree_distance(trigger, tok) <= 3


def _first_person(tok: Token) -> bool:
    """Whether the trigger's subject is the speaker's own side: 'we have recovered', 'our troops are fighting'."""
    subj = subject(tok)
    if subj is None:
        return False
    return subj.lower_ == "we" or any(c.dep_ == "poss" and c.lower_ == "our" for c in subj.children)


def with_claims(candidates: list[Candidate], claims: list[Claim]) -> list[Candidate]:
    """Return the candidates with their claims replaced (used by the claims stage).

    A fight told in the first person by a claimant of a warring side is that side's: 'we have recovered 20
    percent', the governor said -> Ukrainian forces against Russian ones.
    """
    out = []
    for c, cl in zip(candidates, claims, strict=True):
        event = replace(c.event, claim=cl)
        speaker = cl.claimed_by
        if c.first_person and speaker is not None and event.event_type in _COMBAT_TYPES and \
                bloc(speaker.side) in ("RU", "UA"):
            own = _SPOKEN_FORCE[speaker.side if speaker.side in _SPOKEN_FORCE else bloc(speaker.side)]
            event = replace(event, initiator=own, target=_opponent(own, [], event.date.start))
        out.append(replace(c, event=event))
    return out
