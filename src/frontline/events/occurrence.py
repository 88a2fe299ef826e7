"""Occurrence: whether a trigger reports a particular happening, or describes a situation or one already told.

What describes a situation rather than reports an occurrence (habits, conditions, states, trends, intentions) is
dropped (``drop_descriptive``), and so is a definite noun or a relative clause that only names an event already
told (``refers_back``); a definite noun naming an attack already told, in a sentence that counts its losses, is
marked (``names_attack_told``) so that its counts join that attack (``events.tolls.fold_tolls``).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from frontline.events.candidate import Candidate
from frontline.events.referents import DEFINITE
from frontline.mentions.dates import FULL_SCALE_INVASION
from frontline.models import Event
from frontline.triggers.find import ROUGH_AMOUNTS
from frontline.triggers.lexicon import TRIGGERS
from frontline.vocab.event_types import event_type


def refers_back(doc: Doc, cand: Candidate, earlier: list[Candidate]) -> bool:
    """'The negotiations were being hampered ...' after 'it was in negotiations with ...': a definite noun with
    no modifier, place, date or count of its own names the event already told, not a new one; so does a relative
    clause that identifies 'the same' people by an event of the type told before."""
    tok = doc[cand.token]
    e = cand.event
    if tok.dep_ == "relcl" and any(c.dep_ == "amod" and c.lower_ == "same" for c in tok.head.children):
        # 'these are the same troops that were negotiating': the clause names who took part in an event told
        return e.date.text is None and not e.quantities and any(c.event.event_type == e.event_type for c in earlier)
    if tok.pos_ != "NOUN" or not any(c.dep_ in ("det", "predet") and c.lower_ in DEFINITE for c in tok.children):
        return False
    if any(c.dep_ in ("acl", "relcl", "prep") for c in tok.children):
        return False        # 'the war launched almost three years ago', 'the talks in Istanbul': told anew
    if e.date.text is not None or e.quantities or (e.location is not None and e.location.mention is not None and
                                   e.location.mention in doc[tok.sent.start:tok.sent.end].text):
        return False
    return any(c.event.event_type == e.event_type for c in earlier)


def names_attack_told(doc: Doc, cand: Candidate, earlier: list[Candidate]) -> bool:
    """'21 civilians were killed in the strike', 'one more woman injured in the attack died' after 'a Russian
    missile hit a residential building in Serhiivka': a bare definite noun of a strike or clash, with no
    modifier or place of its own, names the attack told before (the writer may call a missile hit 'the strike'),
    and the losses its sentence counts are that attack's."""
    tok = doc[cand.token]
    e = cand.event
    if tok.pos_ != "NOUN" or not event_type(e.event_type).takes_toll or not any(
            c.dep_ in ("det", "predet") and c.lower_ in DEFINITE for c in tok.children):
        return False
    if any(c.dep_ in ("acl", "relcl", "prep", "amod", "compound", "poss") for c in tok.children):
        return False        # 'the strike on the school', 'the Russian attack': told anew or told more
    if e.location is not None and e.location.mention is not None and \
            e.location.mention in doc[tok.sent.start:tok.sent.end].text:
        return False
    return any(event_type(c.event.event_type).takes_toll for c in earlier)


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


# The prepositions that name what a protest is against ('a rally against the occupation', 'protests over the
# shelling').
_PROTESTED_PREPOSITIONS = frozenset({"against", "over"})


def _protested(doc: Doc, tok: Token, cands: list[Candidate]) -> bool:
    """'Residents held a rally against the Russian occupation': what a protest of the sentence is against is its
    cause, not an event the sentence reports (ACLED codes the protest alone)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in _PROTESTED_PREPOSITIONS:
        return False
    head = tok.head.head
    return any(event_type(c.event.event_type).civilian_initiator and c.token != tok.i and
               (doc[c.token] == head or doc[c.token].is_ancestor(head)) for c in cands)


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
    # (of the lexicon's type: 'HIMARS launch near X', a caption's shelling, is no start of the war)
    return rule is not None and rule.rule in _WAR_START_RULES and e.event_type == rule.event_type and \
        e.date.text is None and e.date.start is not None and \
        not FULL_SCALE_INVASION <= e.date.start <= FULL_SCALE_INVASION + _WAR_START_NEWS


def drop_descriptive(doc: Doc, cands: list[Candidate], headline: bool) -> list[Candidate]:
    """Drop what describes a situation rather than reports an occurrence.

    A careful analyst codes a particular happening, not a characterisation: habits ('constantly under fire'),
    conditions ('if we were attacked'), states in the simple present ('the troops suffer from'), vague amounts
    ('so many deaths'), means ('with air strikes'), a party's intention that is the subject of other events, what
    a protest is against ('a rally against the occupation'), and trends ('the flow of deserters is increasing'). These need no place, date or count of their own to go (all
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
        if _intended(tok, triggers - {c.token}) or _protested(doc, tok, cands):
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
