"""Referents: whom a phrase, a pronoun or a possessive names, and the people a sentence is about.

A phrase names the actor covering its head word (or one inside it, or a nationality adjective); 'it' and 'they'
take the speaker of the speech verb above them or the last actor named before; 'he' and 'she' the nearest person
of their gender a few sentences back (``resolve_pronoun``).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from spacy.tokens import Doc, Span, Token

from frontline.events.layout import block_index, doc_text
from frontline.models import ActorMention, Party
from frontline.nlp.syntax import SPEECH_LEMMAS, subject, token_at

# The forces a side's claim or a soldier's own words speak for.
SPOKEN_FORCE: Final = MappingProxyType({"RU": Party("Russian forces", "RU"), "UA": Party("Ukrainian forces", "UA"),
                                        "RU_aligned": Party("Pro-Russian separatists", "RU_aligned")})
PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "them", "him"})
POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})
DEFINITE = frozenset({"the", "these", "this", "those"})


# Nouns for a body of soldiers ('his unit', 'the men in her brigade').
UNIT_NOUNS = frozenset({"unit", "brigade", "battalion", "company", "platoon", "regiment", "squad", "division",
                         "detachment", "crew", "comrade", "man", "troop"})


def party_for(doc: Doc, tok: Token | None, actors: list[ActorMention], head_only: bool = False) -> Party | None:
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
    sides = {p for t in tok.subtree if (p := adjective_side(t)) is not None}
    return sides.pop() if len(sides) == 1 else None


def adjective_side(tok: Token) -> Party | None:
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
                party = party_for(doc, speaker, list(actors))
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
    text = doc_text(doc)
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
    text = doc_text(doc)
    block = block_index(text, pron.idx)
    sent = pron.sent
    counted = crossed = 0
    while counted <= _ANTECEDENT_SENTENCES:
        quoted = _quoted(doc, sent)
        if block_index(text, sent.start_char) != block:
            block = block_index(text, sent.start_char)
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


def people_in(doc: Doc, phrase: Span | Token, actors: tuple[ActorMention, ...],
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
        if t.tag_ == "NN" and t.lemma_.lower() in UNIT_NOUNS and (not told or any(
                c.lower_ in DEFINITE or c.dep_ == "poss" for c in t.children)):
            names.add(t.lemma_.lower())
    return frozenset(names)


def refers_to_people(phrase: Token) -> bool:
    """Whether a phrase names people told of before: a pronoun, 'their', or a definite plural ('one of the soldiers').

    'The war has killed 10,000 civilians' is about no one the text placed.
    """
    return any(t.lower_ in PRONOUNS | POSSESSIVES and t.lower_ not in ("it", "its") or
               t.dep_ == "det" and t.lower_ in DEFINITE and t.head.tag_ in ("NNS", "NNPS")
               for t in phrase.subtree)


def subject_party(doc: Doc, subj: Token, local: list[ActorMention], actors: tuple[ActorMention, ...]) -> Party | None:
    """The actor a subject names; pronouns ('it', 'they') and possessives ('its forces') resolved."""
    if subj.lower_ in PRONOUNS:
        return resolve_pronoun(doc, subj, actors)
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
        # 'Trump, who threatened new sanctions': the relative pronoun is the noun the clause describes
        return party_for(doc, subj.head.head, local, head_only=True)
    party = party_for(doc, subj, local)
    if party is None:
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES), None)
        if owner is not None:
            party = resolve_pronoun(doc, owner, actors)
            if party is not None and owner.lower_ in ("his", "her") and subj.lemma_.lower() in UNIT_NOUNS:
                # a soldier's unit fights for his side; a soldier of unknown side says nothing of it
                party = SPOKEN_FORCE.get(party.side)
    return party
