"""When: the date of an event.

The nearest date expression of the trigger's own clause dates it. An event told as lasting ('for weeks', 'has
been fighting') spans a range ending at publication; any other undated event happened on the day of publication,
unless it goes on a story its paragraph dated in the past tense (``narrated``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Token

from frontline.events.candidate import Candidate, nearest
from frontline.events.clauses import owned_elsewhere
from frontline.mentions.quantities import parse_number
from frontline.models import DateMention, DatePrecision, EventDate
from frontline.nlp.syntax import SPEECH_LEMMAS, token_at


def date_event(doc: Doc, tok: Token, dates: list[DateMention], triggers: list[Token],
               published: dt.date | None) -> tuple[EventDate, bool]:
    """The date of the event a trigger names, and whether it only defaulted to the publication date.

    ``dates``: the date mentions of the trigger's sentence; ``triggers``: all trigger words of the sentence (a
    date in another one's clause is that one's).
    """
    own = [d for d in dates if not owned_elsewhere(token_at(doc, d.start), tok, triggers)
           and not _compared(_since(doc, d))]
    date_m = nearest(doc, tok, own)
    if date_m is not None and date_m.date_start is not None:
        if _since(doc, date_m) is not None and published is not None and date_m.date_start <= published:
            # 'fighting for the city since February 24': a period from that date up to publication
            return EventDate(date_m.date_start, date_m.precision, published, date_m.text), False
        return EventDate(date_m.date_start, date_m.precision, date_m.date_end, date_m.text), False
    if published is None:
        return EventDate(None, "unknown", None, None), False
    lasting_for = lasting(tok, published)
    if lasting_for is not None:
        return lasting_for, False
    return EventDate(published, "day", None, None), True


def _since(doc: Doc, date: DateMention) -> Token | None:
    """The 'since' that opens a date expression ('since August', 'since the start of the invasion'), if any."""
    first = token_at(doc, date.start)
    before = doc[first.i - 1] if first is not None and first.i > 0 else None
    since = first if first is not None and first.lower_ == "since" else \
        before if before is not None and before.lower_ == "since" else None
    # 'four months to the day since Putin sent troops' dates that clause's day, no period
    if since is None or doc[max(0, since.i - 3):since.i].text.lower() == "to the day":
        return None
    return since


def _compared(since: Token | None) -> bool:
    """'the bloodiest day since August', 'the first strike on the city since March': the date is what the event
    is compared with, not when it happened (a superlative, 'first' or 'last' on the word 'since' hangs on)."""
    if since is None:
        return False
    # the word 'since' hangs on, or the noun right before it (the parser often attaches 'since' to the verb)
    for head in {since.head, since.doc[since.i - 1]} if since.i > 0 else {since.head}:
        if _superlative(head) or any(_superlative(c) or c.lemma_.lower() in ("first", "last")
                                     for c in head.children if c.dep_ in ("amod", "advmod")):
            return True
    return False


# Adjectives in -est that are no superlatives; the small English model tags some superlatives plain JJ
# ('bloodiest'), so the ending is read too.
_NOT_SUPERLATIVE: Final = frozenset({"honest", "modest", "earnest", "west", "northwest", "southwest"})


def _superlative(tok: Token) -> bool:
    word = tok.lower_
    return tok.tag_ in ("JJS", "RBS") or word in ("worst", "best", "most", "least") or \
        tok.tag_ == "JJ" and word.endswith("est") and len(word) > 5 and word not in _NOT_SUPERLATIVE


def narrated(doc: Doc, cand: Candidate, told: EventDate, published: dt.date | None) -> Candidate:
    """An undated event in the past tense goes on the story the paragraph dated: 'on the first day of the invasion,
    his unit was fired upon. [...] Ten were killed' happened then, not at publication."""
    e, tok = cand.event, doc[cand.token]
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    past = tok.tag_ == "VBD" and not aux or tok.tag_ == "VBN" and bool(aux) and \
        all(a.tag_ == "VBD" and a.lemma_.lower() != "have" for a in aux)
    if e.date.text is not None or e.date.start != published or not past:
        return cand
    return replace(cand, event=replace(e, date=EventDate(told.start, told.precision, told.end, None)))


_DURATION_UNITS: Final[dict[str, tuple[DatePrecision, int]]] = {
    "day": ("day", 1), "week": ("day", 7), "month": ("month", 30), "year": ("year", 365)}
# How long a bare plural lasts ('for weeks', 'for months'): a few of the unit, kept short of the next unit up.
_FEW = 3
# Count words parse_number does not read as numbers ('a year', 'several weeks').
_COUNT_WORDS = {"a": 1, "an": 1, "several": _FEW, "few": _FEW}


def lasting(tok: Token, published: dt.date) -> EventDate | None:
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
