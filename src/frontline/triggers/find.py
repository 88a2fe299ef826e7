"""Triggers: the words of a sentence that name an event, typed by their syntactic context.

Candidates come from the lexicon (lemmas with their parts of speech, and multi-word phrases). Each ambiguous
trigger has a rule (``frontline.triggers.rules``) that reads its context from the parse: who flees (soldiers
desert, civilians are evacuated), what is taken (a town is captured, vehicles are not), what is destroyed (a
howitzer is a clash, a bridge is infrastructure). Uses that report no occurrence are dropped: negated ('did not
capture', but not a denial: 'Kyiv said it had not withdrawn'; ``negation``), possible ('the risk of strikes'), a
summary of the war ('a conflict that has killed thousands', 'the war has displaced millions'), the fighting as
the setting of another event ('fled because of the fighting'), a quoted word (``occurrence``). The start of the
war told as a fact ('launched the invasion', 'sent troops across the border') is a clash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontline.triggers.captions import is_caption_line
from frontline.triggers.lexicon import PHRASES, TRIGGERS, TriggerRule
from frontline.triggers.negation import denied_in_speech, is_negated
from frontline.triggers.occurrence import ROUGH_AMOUNTS, backdrop, reports_no_occurrence
from frontline.triggers.rules import rule_context, rule_named
from frontline.triggers.rules.genres import GENRE_STRENGTH, caption_genre

# ``ROUGH_AMOUNTS``, ``is_caption_line`` and ``denied_in_speech`` are read by ``frontline.events`` from here too.
__all__ = ["ROUGH_AMOUNTS", "Trigger", "denied_in_speech", "find_triggers", "is_caption_line", "is_negated",
           "names_no_trigger"]

_PHRASES = tuple((re.compile(p, re.I), t, s) for p, t, s in PHRASES)

# Words the lexicon holds as abbreviations: only in capitals are they those ('KIA', not the car maker Kia).
_ABBREVIATIONS = frozenset({"kia", "wia"})


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
        if reports_no_occurrence(tok, etype):
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
    sighting = all(t.rule == "sighting" for t in out)
    if sighting and has_place and is_caption_line(sent) and (genre := caption_genre(sent)) is not None and \
            not reports_no_occurrence(*genre) and not (out and genre[1] == "other"):
        # a caption naming its town reports what it shows though no lexicon word names an event ('Mass grave in T');
        # not what is only believed or wished ('They believe Russia will attack T'). What troops are shown doing
        # is the report, not their being there ('Russian troops raise flag in V')
        out = [Trigger(genre[0], genre[1], GENRE_STRENGTH, "caption_genre")]
    # 'A missile destroyed a bridge', 'Drones attacked the plant': the weapon says how, the verb names the event
    verbs = {t.token.i for t in out if t.rule != "weapon"}
    out = [t for t in out if t.rule != "weapon" or not ({t.token.head.i, t.token.head.head.i} & verbs)]
    others = {t.token.i for t in out}
    return [t for t in out if not backdrop(t.token, others - {t.token.i})]


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


def _disambiguate(tok: Token, rule: TriggerRule, sent: Span, has_place: bool) -> str | None:
    """Apply the trigger's rule (``rule_named(rule.rule)``); return the event type, or None when this use is not
    an event. A word with no rule names its lexicon type."""
    if rule.rule is None:
        return rule.event_type
    return rule_named(rule.rule)(rule_context(tok, rule, sent, has_place))
