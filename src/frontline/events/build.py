"""Events: find trigger words in each sentence and build typed events from the mentions around them.

For every sentence, triggers come from the lexicon (lemmas over the parse, and multi-word phrases). Each
trigger is disambiguated with its syntactic context (who flees, what is taken, what is controlled), then given
the place (``where``), date (``when``), parties (``who``) and quantities (``counts``) that the dependency tree
ties to it: the nearest mention in tree distance wins, so 'entered the town of Hirske yesterday' takes Hirske and
yesterday even when the sentence also names Lysychansk. What describes a situation rather than reports an
occurrence is dropped (``occurrence``), and so is an editor's note in square brackets (``layout.is_editorial``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from frontline.events.candidate import Candidate, SentenceMentions, within
from frontline.events.counts import civilian_victims, count_event
from frontline.events.layout import block_index, doc_text, is_editorial, is_heading, paragraph_index, source_start
from frontline.events.occurrence import drop_descriptive, names_attack_told, refers_back
from frontline.events.when import date_event, narrated
from frontline.events.where import FOCUS_SENTENCES, Focus, at_conjoined_places, event_places, place_ahead, place_event
from frontline.events.who import first_person, parties, with_civilian_target
from frontline.models import ActorMention, Claim, Event, EventDate, Evidence, Mentions, stable_id
from frontline.triggers.captions import is_one_line_caption
from frontline.triggers.find import Trigger, find_triggers, names_no_trigger
from frontline.triggers.similarity import SentenceTyper
from frontline.vocab.event_types import event_type

__all__ = ["Candidate", "extract_events"]

# A sentence as read: its span, the mentions it holds, and the trigger words found in it.
Read = tuple[Span, SentenceMentions, list[Trigger]]


@dataclass(frozen=True, slots=True)
class _Sentence:
    """The sentence a trigger stands in: where it is in the article, what it names, its trigger words."""

    span: Span
    index: int          # of the sentence in the Doc
    paragraph: int      # newline-separated (``layout.paragraph_index``)
    block: int          # non-blank lines before it (``layout.block_index``)
    mentions: SentenceMentions
    triggers: list[Token]


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
    text = doc_text(doc)
    sentences = _read(doc, mentions)
    similar = _similar_types(sentences, typer) if typer is not None else {}
    out: list[Candidate] = []
    focus = Focus()
    told: tuple[int, int, EventDate] | None = None     # (paragraph, sentence, date) of the last dated past event
    for s_idx, (sent, local, found) in enumerate(sentences):
        if is_editorial(text, sent):
            continue        # an editor's note in brackets reports nothing ('[Coded as 10 fatalities ...]')
        block = block_index(text, sent.start_char)
        if is_heading(sent) and s_idx < len(sentences) - 1:
            # a heading starts another story; the text's last line heads nothing: a caption's closing words ('What
            # happened in T? Two soldiers killed') go on about the place the caption named
            focus.clear()
            if s_idx == 0 and not local.places and len(sentences) > 1:
                # a headline sums up the lede: 'Troops evacuate the city' is the city the lede names
                focus.update(sentences[1][1].places, block, s_idx)
        if not found and s_idx in similar:
            etype, score = similar[s_idx]
            found = [Trigger(sent.root, etype, _similarity_strength(score), "similarity")]
        focus.ahead = place_ahead(text, sentences, s_idx, block)
        at = _Sentence(sent, s_idx, paragraph_index(text, sent.start_char), block, local, [t.token for t in found])
        sentence_events = _sentence_events(doc, at, found, article_id, published, focus, mentions.actors)
        if told is not None and told[0] == block and s_idx - told[1] <= FOCUS_SENTENCES:
            sentence_events = [narrated(doc, c, told[2], published) for c in sentence_events]
        dated = [c.event.date for c in sentence_events if c.event.date.text is not None and published is not None
                 and c.event.date.start is not None and c.event.date.start < published]
        if dated:
            told = (block, s_idx, dated[-1])
        out.extend(replace(c, told_back=True) if names_attack_told(doc, c, out) else c
                   for c in sentence_events if not refers_back(doc, c, out))
        focus.update(local.places, block, s_idx, sent)
    return out


def _read(doc: Doc, mentions: Mentions) -> list[Read]:
    """Each sentence with its mentions and trigger words.

    In a caption (one line of a few words that names a settlement) every sentence is about that place: 'Strike on a
    residential building. Location: Kramatorsk' reads the strike as one at a place, as if the sentence named it.
    """
    caption_place = is_one_line_caption(doc) and any(p.precision == "settlement" for p in mentions.places)
    sentences = []
    for sent in doc.sents:
        # a headline's closing source after a dash ('... killed - Kiev') is neither where it happened nor a party
        s0, s1 = sent.start_char, source_start(sent)
        local = SentenceMentions(event_places(doc, within(mentions.places, s0, s1), mentions.actors),
                                 within(mentions.dates, s0, sent.end_char),
                                 within(mentions.actors, s0, s1), within(mentions.quantities, s0, sent.end_char))
        sentences.append((sent, local, find_triggers(sent, bool(local.places) or caption_place)))
    return sentences


def _sentence_events(doc: Doc, at: _Sentence, found: list[Trigger], article_id: str, published: dt.date | None,
                     focus: Focus, actors: tuple[ActorMention, ...]) -> list[Candidate]:
    """The events of one sentence, one for each slot its triggers fill, less what reports no occurrence."""
    kept: list[Candidate] = []
    for trig in found:
        cand = _build(doc, at, trig, article_id, published, focus, actors)
        same = next((c for c in kept if c.event.event_type == trig.event_type and _same_slot(c, cand)), None)
        if same is not None:
            kept[kept.index(same)] = _better(same, cand)
            continue
        kept.append(cand)
        kept.extend(at_conjoined_places(doc, cand, at.mentions.places))
    sentence_events = _drop_subsumed(sorted(kept, key=lambda c: c.token))
    return drop_descriptive(doc, sentence_events, is_heading(at.span) or at.index == 0)


_MIN_WORDS = 4      # shorter lines are names, bylines and section titles
_MAX_WORDS = 40


def _similar_types(sentences: list[Read],
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


def _similarity_strength(score: float) -> float:
    """The prior of a similarity-typed event: below any lexicon word's, rising with the similarity."""
    return round(min(0.6, 0.3 + (score - 0.5)), 3)


def _better(a: Candidate, b: Candidate) -> Candidate:
    """Of two triggers for one event, keep the one that located it by its own sentence, then the more confident
    one."""
    return max((a, b), key=lambda c: (c.event.location is not None and not c.inherited,
                                      c.event.location is not None, c.event.confidence))


def _same_slot(ca: Candidate, cb: Candidate) -> bool:
    """Two triggers of one type in one sentence name one event unless place, date or initiator tell them apart.

    'have been allowed to cross into Russia' is one desertion, though only 'cross' holds the place; 'A Russian
    air strike hit Mykolaiv' is one strike, though only 'hit' holds the place and 'strike' took the one of the
    sentences before (an inherited place tells nothing apart).
    """
    a, b = ca.event, cb.event
    la = a.location.name if a.location and not ca.inherited else None
    lb = b.location.name if b.location and not cb.inherited else None
    side_a = a.initiator.side if a.initiator else None
    side_b = b.initiator.side if b.initiator else None
    # a trigger with no date expression of its own only defaulted to the publication date ('Shelling hit X
    # overnight': 'Shelling' is dated by nothing, 'hit' by 'overnight')
    dates = a.date.start == b.date.start or a.date.text is None or b.date.text is None
    return (la is None or lb is None or la == lb) and dates and \
        (side_a is None or side_b is None or side_a == side_b)


def _drop_subsumed(cands: list[Candidate]) -> list[Candidate]:
    """A casualty count that belongs to a strike or clash in the same sentence is part of that event.

    The place the toll names is the attack's when the attack names none ('Two killed in Kherson shelling').
    """
    rows = [event_type(c.event.event_type) for c in cands]
    if any(row.toll for row in rows) and any(row.takes_toll for row in rows):
        places = {c.event.location for c, row in zip(cands, rows) if row.toll and c.event.location}
        kept = [c for c, row in zip(cands, rows) if not row.toll]
        if len(places) == 1:
            (place,) = places
            kept = [c if c.event.location is not None else replace(c, event=replace(c.event, location=place))
                    for c in kept]
        return kept
    return cands


def _build(doc: Doc, at: _Sentence, trig: Trigger, article_id: str, published: dt.date | None, focus: Focus,
           actors: tuple[ActorMention, ...]) -> Candidate:
    """The event one trigger names, with its place, date, parties and quantities, scored by what was found."""
    tok, etype, sent, local = trig.token, trig.event_type, at.span, at.mentions
    row = event_type(etype)
    confidence = trig.strength
    placing = place_event(doc, sent, tok, row, local.places, focus, (at.block, at.index), at.triggers, actors)
    location = placing.location
    if location is None:
        confidence -= 0.1
    elif placing.inherited:
        confidence -= 0.05
    date, defaulted = date_event(doc, tok, local.dates, at.triggers, published)
    if defaulted:
        confidence -= 0.05
    # who: not the source a headline closes with ('Two killed in Kherson shelling - Russia's defence ministry')
    initiator, target, guessed = parties(doc, tok, row, local.actors, actors, published, date.start,
                                         location.country_code if location is not None else None)
    if row.civilian_toll and civilian_victims(local.quantities):
        initiator, target = with_civilian_target(initiator, target, local.actors)
    if guessed:
        confidence -= 0.05
    s0, s1 = _trimmed(sent.text, 0, len(sent.text))
    event = Event(
        event_id=stable_id(article_id, etype, sent.start_char, tok.idx),
        article_id=article_id, event_type=etype, location=location, date=date,
        initiator=initiator, target=target, quantities=count_event(doc, tok, row, local.quantities), claim=Claim(),
        evidence=Evidence(sent.text[s0:s1], s0 + sent.start_char, s1 + sent.start_char),
        confidence=round(max(0.05, min(0.99, confidence)), 3), trigger=tok.text, near=placing.near)
    return Candidate(event, tok.i, at.index, at.paragraph, first_person(tok), placing.from_context)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace spaCy leaves at sentence edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
