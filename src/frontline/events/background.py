"""Background: events an article retells as history, not as its news.

A June article recalls that 'Russia invaded Ukraine on February 24, but abandoned an early advance on Kyiv',
that Putin sent troops 'four months ago, sparking a conflict that has killed thousands'. Such an event keeps its
own date and is marked ``Event.background``: it is not what the article reports, so default counts and maps
can leave it out, and a filter brings it back. An event is background when

- its own date expression puts it more than ``BACKGROUND_DAYS`` before publication ('on February 24' in a June
  article, 'earlier this year', 'in March', an anniversary), or
- its trigger describes the war itself: a clause on a noun for the war ('a conflict that has killed
  thousands', 'the invasion, which displaced millions'), or
- its trigger is what a remark says something is a sign of: 'one more signal of the steady Russian advance',
  'a reminder of the continued shelling'. That names a trend the writer comments on, not an incident with a
  place and day of its own, so it is counted only when it carries a date or a number of its own.

An undated event, or one dated within the last weeks, is news.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Token

from frontline.events.candidate import Candidate

__all__ = ["BACKGROUND_DAYS", "mark_background"]

# News reports the last days or weeks; what an article dates further back it retells.
BACKGROUND_DAYS: Final = 30
# Nouns for the war as a whole: a clause on one describes the war, not an incident.
_WAR_NOUNS: Final = frozenset({"war", "conflict", "invasion", "aggression", "offensive", "campaign", "fighting",
                               "operation"})
# Nouns of a remark that takes a trend as its object: 'X is a sign of the Russian advance'.
_SIGN_NOUNS: Final = frozenset({"sign", "signal", "indication", "indicator", "symptom", "reminder", "evidence",
                                "example", "illustration", "hallmark", "testament", "measure", "proof"})


def mark_background(doc: Doc, candidates: list[Candidate], published: dt.date | None) -> list[Candidate]:
    """The candidates with ``background`` set on the events the article retells (see the module docstring)."""
    return [replace(c, event=replace(c.event, background=True)) if _retold(doc, c, published) else c
            for c in candidates]


def _retold(doc: Doc, cand: Candidate, published: dt.date | None) -> bool:
    date = cand.event.date
    if published is not None and date.text is not None:
        last = date.end or date.start
        if last is not None and (published - last).days > BACKGROUND_DAYS:
            return True
    tok = doc[cand.token]
    if _remarked_trend(tok, cand):
        return True
    for node in (tok, *tok.ancestors):
        if node.dep_ in ("relcl", "acl") and node.head.lemma_.lower() in _WAR_NOUNS:
            return True
        if node.dep_ in ("ROOT", "ccomp") or node.is_sent_start:
            break
    return False


def _remarked_trend(tok: Token, cand: Candidate) -> bool:
    """The trigger is a noun a remark calls a sign of ('a signal of the regular Russian advance') and the event
    has no date or number of its own."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    if tok.head.head.lemma_.lower() not in _SIGN_NOUNS:
        return False
    return cand.event.date.text is None and not cand.event.quantities
