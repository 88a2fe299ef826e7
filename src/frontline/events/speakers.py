"""Speakers: who says the sentence an event is told in.

Attribution follows the parse: an event whose trigger sits under a speech verb ('the regional governor said',
'Moscow said', 'claimed to have captured') is claimed by that verb's subject; 'according to X' attributes the
whole sentence; a quotation takes the speaker named right after it ('..." Gaidai told Ukrainian television').
Pronouns and role-only subjects ('he said', 'the regional governor said') resolve to the nearest person with a
matching role in the article; a soldier or resident quoted without a name is named by what he is. A sentence
followed by 'X added' or 'X also said' was X's word too. A declared position is its holder's claim ('X, in an
interview, made a truce a condition for the talks'). A headline names its source after a closing dash or colon
('... killed near Avdiivka - Kiev', ': officials') or before an opening colon ('General Staff: ...'); an office
that shows or speaks about an event reports it ('Donetsk OVA showed the consequences of the attack').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from spacy.tokens import Doc, Span, Token

from frontline.events.layout import headline_source, is_closing_source
from frontline.events.referents import resolve_pronoun
from frontline.mentions.actors import ROLE_WORDS, role_side, state_party
from frontline.models import ActorMention, Party, Side, bloc
from frontline.nlp.syntax import SPEECH_VERBS, subject
from frontline.vocab.sides import ARMED_SIDES

_ACCORDING = re.compile(r"\baccording to\b", re.I)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# A role-only speaker ('the regional governor', 'the city administration') names an official or an office.
_ROLE_NOUN = re.compile(rf"\b({ROLE_WORDS}|administration|ministry|council|command|police)s?\b", re.I)
# Speakers who take no side in the war: lawyers, rights activists, analysts, journalists ('other').
_NEUTRAL_SPEAKER = re.compile(r"\b(?:lawyers?|activists?|analysts?|experts?|journalists?|correspondents?|researchers?|"
                              r"monitors?|rights (?:groups?|organi[sz]ations?|defenders?))\b", re.I)
# Where a person's declared position is published: 'X, in a post on Telegram, made Y a condition for the talks'.
_PUBLICATIONS = frozenset({"post", "publication", "interview", "statement", "speech", "address", "video", "message",
                           "article", "column", "tweet", "letter", "briefing", "broadcast", "appeal"})
# Nouns of a stated position: the event they govern is what the holder asks for ('a condition for the talks').
_STANCE_NOUNS = frozenset({"condition", "precondition", "demand", "proposal", "offer", "ultimatum"})


def _subject_of(verb: Token) -> Token | None:
    """The speaker phrase: the subject of a speech verb; of a relative clause only its own subject.

    Of a passive speech verb ('units were reported to be cut off') the speaker is the agent ('by X'), if any:
    the subject is what is told about.
    """
    subj = subject(verb)
    if verb.dep_ == "relcl" and (subj is None or subj.head != verb):
        return None
    if verb.dep_ == "relcl" and subj is not None and subj.dep_ == "nsubj" and subj.lower_ in _RELATIVE_PRONOUNS:
        # 'the envoy, who said the troops had withdrawn': the relative pronoun stands for the noun it follows, or for
        # the noun that one completes ('the governor of Kharkiv, who said')
        noun = verb.head
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        return noun if noun.pos_ in ("NOUN", "PROPN") else None
    if subj is not None and subj.dep_ == "nsubjpass":
        return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    return subj


def _as_side(side: str) -> Side:
    """A side read from words (``role_side``, ``bloc``) as a ``Party.side``: those readers give only the table's sides."""
    return cast(Side, side)


def _actor_for_span(actors: list[ActorMention], lo: int, hi: int) -> ActorMention | None:
    inside = [a for a in actors if lo <= a.start and a.end <= hi]
    persons = [a for a in inside if a.kind == "person"]
    return persons[0] if persons else inside[0] if inside else None


def _resolve_role(phrase: str, actors: list[ActorMention], before: int) -> Party | None:
    """'the regional governor' -> the person in the article whose role or context names a governor."""
    m = _ROLE_NOUN.search(phrase)
    if not m:
        return None
    word = m.group(1).lower()
    persons = [a for a in actors if a.kind == "person" and a.party.role and word in a.party.role.lower()]
    if not persons:
        return None
    # a definite description ('the Russian spokesperson') points back to someone named already; a later name is
    # the fallback ('the regional governor said ... Governor Haidai added')
    persons.sort(key=lambda a: (a.start >= before, abs(a.start - before)))
    return persons[0].party


# Words of a speaker phrase that do not name the office itself ('the Russian government said').
_NOT_OFFICE_WORDS = frozenset({"said", "says", "told", "russian", "russia", "ukrainian", "ukraine", "american",
                               "government", "authorities", "officials"})
# Ordinary speakers named by what they are: a soldier quoted in a report, a resident, a witness.
_FIGHTER_SPEAKER = re.compile(r"\b(soldier|serviceman|fighter|marine|paratrooper|sergeant|sniper|combat medic|"
                              r"tank(?:ist)?|gunner)s?\b", re.I)
_CIVILIAN_SPEAKER = re.compile(r"\b(?:residents?|witness(?:es)?|survivors?|refugees?|locals?|villagers?|mothers?|"
                               r"pensioners?|evacuees?)\b", re.I)
_NATIONAL = {"UA": "Ukrainian", "RU": "Russian"}


def _ordinary_speaker(phrase: str, actors: list[ActorMention], before: int) -> Party | None:
    """'one of the soldiers, a tank driver' -> 'Ukrainian soldier' / UA; 'a local resident' -> civilians.

    A soldier with no nation in the phrase is one of the forces named last before him ('400 Ukrainian soldiers
    crossed ... one of the soldiers said').
    """
    if _CIVILIAN_SPEAKER.search(phrase):
        return Party(re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I), "civilians", phrase.strip())
    if not _FIGHTER_SPEAKER.search(phrase):
        return None
    side: str = role_side(phrase)
    if side == "unknown":
        forces = [a for a in actors if a.end <= before and a.kind == "force" and bloc(a.party.side) in _NATIONAL]
        side = bloc(forces[-1].party.side) if forces else "unknown"
    return Party(f"{_NATIONAL[side]} soldier" if side in _NATIONAL else "soldier", _as_side(side), phrase.strip())


def _officials_named_before(actors: list[ActorMention], before: int) -> Party | None:
    """'the officials added' points back to the officials quoted before: those of the last official named."""
    officials = [a for a in actors if a.end <= before and a.kind in ("person", "government") and
                 bloc(a.party.side) in _NATIONAL and (a.kind == "government" or _ROLE_NOUN.search(a.party.role or ""))]
    if not officials:
        return None
    side = bloc(officials[-1].party.side)
    return Party(f"{_NATIONAL[side]} officials", _as_side(side))


def _spokesperson(phrase: str, office: Party, actors: list[ActorMention]) -> Party | None:
    """'the Kremlin said' -> the Kremlin's spokesperson when the article names him (who spoke for the office).

    The person's role must call him a spokesperson, hold every word of the office's normalised name
    ('Defence Ministry') and a word of the phrase ('Kremlin'); he must stand on the office's side.
    """
    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", text.lower().replace("defense", "defence")) if len(w) > 3}

    said, named = words(phrase) - _NOT_OFFICE_WORDS, words(office.name) - _NOT_OFFICE_WORDS
    for a in actors:
        role = words(a.party.role or "")
        if a.kind == "person" and "spokesperson" in role | {w.replace("man", "person") for w in role} and \
                a.party.side == office.side and named <= role and said & role:
            return a.party
    return None


# A self-proclaimed republic named by its name or its initials: what 'the republic' points back to.
_REPUBLIC = re.compile(r"\bRepublic\b|\b[DL][PN]R\b", re.I)


def _definite_description(phrase: str, actors: list[ActorMention], before: int) -> Party | None:
    """'the ministry' -> the last actor named before whose name ends in that word ('Russian Defence Ministry');
    'the republic' -> the republic named last before ('battles with the forces of the LPR ..., the republic
    reported')."""
    m = re.fullmatch(r"(?:the|that|this)\s+(\w+)", phrase.strip(), re.I)
    if not m:
        return None
    word = m.group(1).lower()
    earlier = [a for a in actors if a.end <= before and (a.party.name.lower().split()[-1:] == [word] or
                                                         word == "republic" and _REPUBLIC.search(a.text))]
    return earlier[-1].party if earlier else None


def _reported_in(ctx: "Context", verb: Token, actors: list[ActorMention]) -> Party | None:
    """The speaker of a speech verb with no subject told where it was said: '..., reported in the DPR' -> the DPR;
    '..., reported in the republic' -> the republic named before."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            lo, hi = obj.left_edge.idx, obj.idx + len(obj.text)
            actor = _actor_for_span(actors, lo, hi)
            if actor is not None and actor.kind in ("force", "government") and actor.party.side in ARMED_SIDES:
                return actor.party
            found = _definite_description(ctx.text[lo:hi], actors, lo)
            if found is not None:
                return found
    return None


@dataclass(frozen=True, slots=True)
class Context:
    """One parsed article with what every claim look-up needs, computed once (``Doc.text`` rebuilds the string)."""

    doc: Doc
    text: str
    quote_depth: tuple[int, ...]      # quotation marks open before each character (curly, guillemets, straight)

    @classmethod
    def of(cls, doc: Doc) -> "Context":
        text = doc.text
        depth, curly, straight, out = 0, 0, 0, [0]
        for ch in text:
            if ch in "“«":
                curly += 1
            elif ch in "”»":
                curly = max(0, curly - 1)
            elif ch == '"':
                straight ^= 1
            depth = curly + straight
            out.append(depth)
        return cls(doc, text, tuple(out))

    def inside_quote(self, pos: int) -> bool:
        """True when the character at ``pos`` stands between an opening and a closing quotation mark."""
        return self.quote_depth[pos] > 0


def speaker(ctx: "Context", verb: Token, actors: list[ActorMention]) -> Party | None:
    """The party that says what a speech verb governs: its subject read as an actor, a role, an office or a
    person; of a speech verb without one, the side it was said in ('..., reported in the DPR')."""
    if verb.dep_ in ("advcl", "parataxis") and verb.tag_ in ("VBN", "VBD") and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # '..., reported in the DPR': a trailing report verb of its own, not one sharing the sentence's subject
        return _reported_in(ctx, verb, actors)
    subj = _subject_of(verb)
    if subj is None:
        return _reported_in(ctx, verb, actors) if subject(verb) is None else None
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
    if verb.dep_ == "relcl" and verb in subj.subtree:
        # the antecedent of 'who' is its words before the relative clause
        last = next(t for t in reversed(ctx.doc[subj.left_edge.i:verb.left_edge.i]) if not t.is_punct)
        hi = last.idx + len(last.text)
    actor = _actor_for_span(actors, lo, hi)
    if actor is not None:
        party = actor.party
        if actor.kind != "person":
            role_party = _resolve_role(ctx.text[lo:hi], actors, lo)
            if role_party is not None and ("governor" in ctx.text[lo:hi].lower()):
                return role_party
            return _spokesperson(ctx.text[lo:hi], party, actors) or party
        return party
    phrase = ctx.text[lo:hi]
    if subj.lower_ in _PRONOUNS:
        return resolve_pronoun(ctx.doc, subj, tuple(actors))
    role_party = _resolve_role(phrase, actors, lo) or _definite_description(phrase, actors, lo)
    if role_party is not None:
        return role_party
    if _ROLE_NOUN.search(phrase) or _NEUTRAL_SPEAKER.search(phrase):
        side: str = "other" if _NEUTRAL_SPEAKER.search(phrase) else role_side(phrase)
        if side == "unknown":
            side = _capital_side(subj) or side
        if side == "unknown" and re.fullmatch(r"the officials", phrase.strip(), re.I):
            return _officials_named_before(actors, lo) or Party("officials", _as_side(side), phrase)
        return Party(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I), _as_side(side), phrase)
    return _ordinary_speaker(phrase, actors, lo) or _institution(phrase, subj)


# Bodies that speak for themselves: 'the Ukrainian air force said', 'the UAE said', 'the IAEA reported'.
_INSTITUTION_WORDS = re.compile(r"\b(?:air force|navy|army|command|general staff|ministry|agency|service|office|"
                                r"mission|committee|council|commission|police|guard|prosecutors?|presidency)\b", re.I)


# Wire copy opens a sentence with the capital the speaker speaks from: 'In Kyiv, the presidency said ...'.
def _capital_side(subj: Token) -> str | None:
    """The side of the capital an 'in' phrase before the speaker names ('In Kyiv on Monday, the presidency said')."""
    verb = subj.head
    places = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < subj.i
              for g in c.children if g.dep_ == "pobj"]
    state = next((s for g in places if (s := state_party(g.text)) is not None), None)
    return state.side if state is not None else None


def _institution(phrase: str, subj: Token) -> Party | None:
    """An organisation or state the actor lexicon does not know, named as the speaker: its own name, its side from
    the phrase ('Ukrainian air force' UA) or from the capital the sentence opens with ('In Kyiv, the presidency
    said' UA), else 'other' for a named body ('the UAE', 'the IAEA')."""
    named = subj.ent_type_ in ("ORG", "GPE")
    if not (named or _INSTITUTION_WORDS.search(phrase)) or len(phrase.split()) > 8:
        return None
    side: str = role_side(phrase)
    if side == "unknown":
        side = _capital_side(subj) or ("other" if named else side)
    return Party(re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I), _as_side(side), None)


def according_to(tok: Token, actors: list[ActorMention]) -> Party | None:
    """The source an 'according to' phrase of the trigger's sentence names, or None."""
    sent = tok.sent
    m = _ACCORDING.search(sent.text)
    if not m:
        return None
    start = sent.start_char + m.end()
    rest = sent.text[m.end():].strip()
    words = re.split(r"[,.;:]", rest)[0].strip()
    # the source is the phrase up to the first comma: a person named in it wins over the places and offices
    # that describe him ('according to the Rostov Region's border guard spokesman Vasily Malaev')
    phrase_end = sent.start_char + m.end() + sent.text[m.end():].find(words) + len(words) if words else start
    inside = _actor_for_span(actors, start, phrase_end)
    if inside is not None and inside.kind == "person":
        return inside.party
    # a force named after the source's phrase is what the source speaks of ('according to Russian sources, 20
    # Ukrainian servicemen were killed'), not who speaks
    following = [a for a in actors if start <= a.start < (phrase_end if words else sent.end_char)]
    if following and following[0].start - start <= 25:
        return following[0].party
    if words.lower() in ("him", "her", "them"):
        earlier = [a for a in actors if a.end <= sent.start_char + m.start() and a.kind == "person"]
        return earlier[-1].party if earlier else None
    return Party(words, "unknown") if words else None


# Sources a headline closes with that no speaker pattern names ('- authorities', ': opposition').
_TAIL_SOURCES = re.compile(r"\b(?:authorities|opposition|sources?|military|army|intelligence|media|rebels|separatists|"
                           r"staff|headquarters|HQ|press (?:service|cent(?:er|re)|office))\b", re.I)


def headline_speaker(tok: Token, actors: list[ActorMention]) -> Party | None:
    """The source a headline names after a closing dash or colon ('Drone attack injures three – governor').

    A role takes a side only from a national word beside it ('- Ukrainian official' UA, '- Belgorod governor' RU;
    '- governor' stays unknown: a headline drops the qualifier a sentence of the story would give). After a dash a
    capital or a name is the source too ('- Kiev' is the Ukrainian government, '- Klitschko'); after a colon a name
    is as often where it happened ('Heavy fighting: Donetsk region'), so there only a role, an office or a person
    counts, unless the words before the colon already named the place ('... near Slavyansk: Kiev').
    """
    sent = tok.sent
    tail = headline_source(sent)
    if tail is None:
        return _leading_source(sent, tok, actors)
    if tok.idx >= tail[0]:
        return None
    lo, hi, dash = tail
    # after a colon, a name is the source too when the words before it already named the place
    dash = is_closing_source(sent, tail)
    words = [t for t in sent if lo <= t.idx < hi]
    phrase = sent.text[lo - sent.start_char:hi - sent.start_char].strip()
    actor = _actor_for_span(actors, lo, hi)
    if actor is not None and (dash or actor.kind in ("person", "government")):
        return actor.party
    if _NEUTRAL_SPEAKER.search(phrase):
        return Party(phrase, "other", phrase)
    if _ROLE_NOUN.search(phrase) or _TAIL_SOURCES.search(phrase) or _INSTITUTION_WORDS.search(phrase):
        qualifier = _INSTITUTION_WORDS.sub("", _TAIL_SOURCES.sub("", _ROLE_NOUN.sub("", phrase)))
        states = [state for state in map(state_party, qualifier.split()) if state is not None]
        side = role_side(qualifier) if role_side(qualifier) != "unknown" or not states else states[0].side
        return Party(phrase, _as_side(side), phrase)
    if not dash:
        return None
    return state_party(phrase) or _ordinary_speaker(phrase, actors, lo) or (
        Party(phrase, "unknown") if all(t.pos_ == "PROPN" for t in words) else None)


# A headline's opening source: 'General Staff: the Russians are preparing retreat routes'.
_LEADING_SOURCE = re.compile(r"\s*(?P<source>[^:\n]{2,50}?):\s")
_LEADING_WORDS = 5


def _leading_source(sent: Span, tok: Token, actors: list[ActorMention]) -> Party | None:
    """The source a headline opens with before a colon, when those words are wholly an office, a force or a person
    ('General Staff: ...', 'Haidai: ...'). A country or a place there is a topic ('Ukraine war: ...', 'South: ...')."""
    m = _LEADING_SOURCE.match(sent.text)
    if m is None or len(m.group("source").split()) > _LEADING_WORDS:
        return None
    lo, hi = sent.start_char + m.start("source"), sent.start_char + m.end("source")
    if tok.idx < hi:
        return None
    actor = _actor_for_span(actors, lo, hi)
    covered = actor is not None and re.sub(r"^the\s+", "", sent.text[lo - sent.start_char:actor.start - sent.start_char],
                                           flags=re.I).strip() == "" and actor.end == hi
    return actor.party if covered and actor is not None and actor.kind in ("person", "government", "force") else None


# Verbs by which an office or an official makes known what it reports without a verb of speech: 'Donetsk OVA showed
# the consequences of a night missile attack', 'Gaidai spoke about the losses of Russian troops'.
_SHOWING = frozenset({"show", "speak", "publish", "present"})


def shown_by(ctx: Context, tok: Token, actors: list[ActorMention]) -> Party | None:
    """The office, force or person whose showing or speaking about the event the sentence tells, when its subject
    is one the actors name."""
    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_VERBS:
            return None
        if anc.lemma_.lower() not in _SHOWING or anc.pos_ != "VERB":
            continue
        subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        actor = _actor_for_span(actors, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
        if actor is not None and actor.kind in ("person", "government", "force"):
            return actor.party
        return None
    return None


def quote_speaker(ctx: Context, tok: Token, actors: list[ActorMention]) -> tuple[Party, str] | None:
    """A sentence inside quotation marks takes the speaker of the next speech verb outside them."""
    text, pos = ctx.text, tok.idx
    if not ctx.inside_quote(pos):
        return None
    close = min((i for i in (text.find("”", pos), text.find('"', pos), text.find("»", pos)) if i >= 0), default=-1)
    if close < 0:
        return None
    paragraph_end = text.find("\n", close)
    limit = min(len(text), close + 160, paragraph_end if paragraph_end >= 0 else len(text))
    after = ctx.doc.char_span(close + 1, limit, alignment_mode="contract")
    if after is None:
        return None
    for t in after:
        if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB":
            party = speaker(ctx, t, actors)
            if party is None and subject(t) is None:
                # the parser may hang ', one of the soldiers, a tank driver, said' off the quote: the words between
                # the closing mark and the verb are the speaker
                party = _phrase_speaker(ctx, close + 1, t.idx, actors)
            if party is not None:
                return party, SPEECH_VERBS[t.lemma_.lower()]
        if t.text in ".!?" and t.i > after.start + 1:
            break
    return None


def _phrase_speaker(ctx: Context, lo: int, hi: int, actors: list[ActorMention]) -> Party | None:
    """The speaker named by the words between a closing quotation mark and its speech verb, if few."""
    phrase = ctx.text[lo:hi].strip(" ,\n")
    if not phrase or len(phrase.split()) > 12:
        return None
    person = _actor_for_span(actors, lo, hi)
    if person is not None and person.kind == "person":
        return person.party
    return _ordinary_speaker(phrase, actors, lo)


def stance_holder(ctx: Context, tok: Token, actors: list[ActorMention]) -> Party | None:
    """Whose declared position the event is part of: the subject of a verb told 'in a post' or 'in an interview',
    or of the verb that sets a condition or demand for the event ('made guarantees a condition for the talks')."""
    node = tok
    stance = False
    for anc in tok.ancestors:
        if node.dep_ in ("relcl", "acl") and node != tok:
            return None
        stance = stance or anc.lemma_.lower() in _STANCE_NOUNS
        if anc.pos_ in ("VERB", "AUX"):
            subj = _subject_of(anc)
            if subj is None:
                return None
            # 'made a ceasefire a condition': the stance noun may be the event's sibling
            stance = stance or any(c.dep_ in ("dobj", "oprd") and c.lemma_.lower() in _STANCE_NOUNS
                                   for c in anc.children)
            # the parser hangs 'X, in an interview, said' on the verb or on the subject
            published = any(c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _PUBLICATIONS for g in c.children)
                for c in (*anc.children, *subj.children))
            return speaker(ctx, anc, actors) if published or stance else None
        node = anc
    return None


# Present-tense speech verbs of a feature story's narrator ('Sergei says he was sent to the border ...'): the
# sentences after one, in the same paragraph, go on telling his account.
_NARRATING = frozenset({"say", "recall", "explain", "tell", "describe", "report"})


def find_narrators(ctx: Context, actors: list[ActorMention]) -> dict[int, Party]:
    """Sentence start token -> the party whose account the sentence opens ('X says ...', 'According to X, ...')."""
    out: dict[int, Party] = {}
    for sent in ctx.doc.sents:
        opening = _ACCORDING.match(sent.text.strip())
        if opening is not None:
            party = according_to(sent[0], actors)
            if party is not None:
                out[sent.start] = party
                continue
        for tok in sent:
            if tok.tag_ in ("VBZ", "VBP") and tok.lemma_.lower() in _NARRATING and tok.pos_ == "VERB":
                party = speaker(ctx, tok, actors)
                if party is not None:
                    out[sent.start] = party
                    break
    return out


def narrator_before(ctx: Context, narrators: dict[int, Party], tok: Token,
                     actors: list[ActorMention]) -> Party | None:
    """The narrator of an earlier sentence of the trigger's paragraph, or None."""
    earlier = [start for start in narrators if start < tok.sent.start]
    if not earlier:
        return None
    start = max(earlier)
    if "\n" in ctx.text[ctx.doc[start].idx:tok.idx]:
        return None
    # 'Oleksii says ... He seems ready to ...': the journalist tells about the narrator himself, in his own voice
    # (unlike a source's account of a third person: 'According to the BBC ... he refused')
    narrator = narrators[start]
    if not ctx.inside_quote(tok.idx) and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") and
                                             resolve_pronoun(ctx.doc, c, tuple(actors)) == narrator
                                             for c in tok.sent.root.children):
        return None
    return narrator


def speaker_who_adds(ctx: Context, tok: Token, actors: list[ActorMention]) -> Party | None:
    """The speaker of the next sentence of the paragraph when it goes on with 'X added' or 'X also said'.

    'One soldier was injured. He was taken to hospital, the officials added': adding presupposes that the
    sentence before was the officials' word too.
    """
    sent = tok.sent
    if sent.end >= len(ctx.doc):
        return None
    verb = ctx.doc[sent.end].sent.root
    if "\n" in ctx.text[tok.idx:verb.idx]:
        return None
    lemma = verb.lemma_.lower()
    also = any(c.lower_ == "also" for c in verb.children)
    if SPEECH_VERBS.get(lemma) != "claimed" or not (lemma == "add" or also):
        return None
    return speaker(ctx, verb, actors)
