"""Voice: whose words a sentence told in no one's name takes.

Much war reporting relays one side's bulletin without naming it ('During the day, the invaders killed three
civilians in the Donetsk region'; 'Russian Armed Forces destroyed up to 140 Ukrainian servicemen'). Such a
sentence stays the article's own (``claimed_by`` null), but its words say whose account it is:

- **wording**: each side's own vocabulary for the enemy and the war: 'invaders', 'occupiers', 'ruscists' and
  'defenders' are Ukraine's; 'the Kiev regime', 'Ukrainian nationalists', 'armed formations of Ukraine', 'the
  special military operation' are Russia's. 'The enemy' beside one side's forces is that side's word for the
  other's; attacking a place in Ukraine (outside Crimea, no self-proclaimed republic named, no force named) it is
  Ukraine's word for Russia's forces.
- **success**: a force of one side, the subject of a verb of destroying, eliminating, repelling or defeating
  something not civilian, is the side whose bulletin it is: belligerents report their own successes.

It is kept conservative: a sentence with cues of both sides, a cue inside quotation marks (someone else's words),
or 'so-called' / 'what X calls' before a cue gives no voice. A claimant the words name but whose side is unknown
('- intelligence') takes the side of the sentence's voice, and 'the enemy' that attacks ('the enemy shelled X',
'killed in an enemy attack') is the other side's forces.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final, Literal

from spacy.tokens import Span, Token

from frontline.events.candidate import Candidate
from frontline.events.referents import SPOKEN_FORCE, adjective_side
from frontline.events.speakers import Context
from frontline.models import OPPOSITE_BLOC, ActorMention, Event, Voice, bloc
from frontline.nlp.syntax import LOCATIVE_PREPOSITIONS, token_at
from frontline.vocab.event_types import event_type

__all__ = ["SUCCESS", "voice_of", "with_voices"]

# Each side's words for the enemy and the war. Whole words, case-insensitive.
_WORDING: Final[tuple[tuple[Literal["RU", "UA"], re.Pattern[str]], ...]] = (
    ("UA", re.compile(r"\b(?:invaders?|occupiers?|occupants|ru[sz]?cists?|rashists?|orcs|"
                      r"(?:Ukrainian |our )?defenders)\b", re.I)),
    ("RU", re.compile(r"\b(?:Kiev|Kyiv|Kievan) regime\b|\b(?:Ukrainian |Kiev |Kyiv )?(?:neo-?Nazis?|nationalists)\b|"
                      r"\bnationalist (?:formations|battalions|units)\b|\b(?:armed |Ukrainian )formations\b|"
                      r"\bUkrainian militants\b|\bforeign mercenaries\b|"
                      r"\bspecial military operation\b|\b(?-i:SVO)\b", re.I)),
)
# 'the enemy': Ukraine's word for Russia's forces where they attack a place in Ukraine (see the module docstring)
_ENEMY: Final = re.compile(r"\b(?:the )?enemy\b", re.I)
_REPUBLIC: Final = re.compile(r"\b[DL][PN]R\b|People'?s Republic|\brepublic\b", re.I)
_RUSSIAN_HELD_OBLASTS: Final = frozenset({"crimea", "sevastopol"})
# Words that set a cue off as someone else's: 'the so-called special military operation', 'what Moscow calls'.
_DISTANCING: Final = re.compile(r"(?:so-called|calls?|called|dubbed|terms?|termed)\W+(?:an? |the |its )?\W*$", re.I)
# Verbs of a belligerent's success over the enemy's men and arms (also read by ``claims``: who reports one
# reports his own side's).
SUCCESS: Final = re.compile(r"(?:destroy|eliminat|liquidat|neutrali[sz]|repel|repuls|defeat|shot down|shoot down|"
                            r"inflict|knock)", re.I)


def _wording(ctx: Context, sent: Span) -> list[tuple[Literal["RU", "UA"], int, int]]:
    """The side cues of a sentence's own words: (side, start, end) in the document's characters."""
    text, out = sent.text, []
    for side, rx in _WORDING:
        for m in rx.finditer(text):
            if not ctx.inside_quote(sent.start_char + m.start()) and not _DISTANCING.search(text[:m.start()]):
                out.append((side, sent.start_char + m.start(), sent.start_char + m.end()))
    return out


def _enemy(ctx: Context, sent: Span, event: Event,
           actors: list[ActorMention]) -> tuple[Literal["RU", "UA"], int, int] | None:
    """'The enemy' beside the forces of one side only: the words of that side ('the Armed Forces of Ukraine hit two
    enemy command posts'); with no force named, attacking a place in Ukraine that no self-proclaimed republic
    claims in the sentence: Ukraine's word for Russia's forces."""
    m = _ENEMY.search(sent.text)
    if m is None or ctx.inside_quote(sent.start_char + m.start()):
        return None
    span = sent.start_char + m.start(), sent.start_char + m.end()
    # a force the sentence names, not a place it names ('in the DPR')
    forces = {bloc(a.party.side) for a in actors if sent.start_char <= a.start and a.end <= sent.end_char
              and a.kind == "force" and token_at(sent.doc, a.end - 1).head.lower_ not in LOCATIVE_PREPOSITIONS
              } & set(OPPOSITE_BLOC)
    if forces:
        return (forces.pop(), *span) if len(forces) == 1 else None  # type: ignore[return-value]
    loc = event.location
    if loc is None or loc.country_code != "UA" or (loc.admin1 or "").casefold() in _RUSSIAN_HELD_OBLASTS or \
            _REPUBLIC.search(sent.text):
        return None
    return "UA", *span


# Objects a success is not over: people and homes ('destroyed a residential building' is a strike on civilians).
_CIVILIAN_OBJECTS: Final = re.compile(r"\b(?:civilians?|residents?|people|children|inhabitants|houses?|homes?|"
                                      r"residential|hospitals?|schools?|apartments?|market|airliners?|passengers?)\b", re.I)


def _subject_side(tok: Token, actors: list[ActorMention]) -> str | None:
    """The side of the war a verb's own subject names: a force or office of the actors, else a nationality
    adjective ('Ukrainian air defense'); None when it names none, or both."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
    sides = {bloc(a.party.side) for a in actors if lo <= a.start and a.end <= hi and a.kind in ("force", "government")}
    sides |= {bloc(p.side) for t in subj.subtree if t.dep_ in ("amod", "compound", "poss")
              and (p := adjective_side(t)) is not None}
    sides &= set(OPPOSITE_BLOC)
    return sides.pop() if len(sides) == 1 else None


def _success(sent: Span, actors: list[ActorMention]) -> tuple[Literal["RU", "UA"], int, int] | None:
    """A belligerent's success the sentence tells in its own words: a force of one side, named as the subject,
    destroyed, repelled or defeated something not civilian: (side, start, end) of the subject's words through
    the verb's. Two sides' successes in one sentence give none."""
    found = []
    for tok in sent:
        particle = " ".join(c.lower_ for c in tok.children if c.dep_ == "prt")
        if tok.pos_ != "VERB" or not SUCCESS.match(f"{tok.lemma_} {particle}".strip()):
            continue
        side = _subject_side(tok, actors)
        objects = " ".join(t.text for c in tok.children if c.dep_ in ("dobj", "prep") for t in c.subtree)
        if side is None or _CIVILIAN_OBJECTS.search(objects):
            continue
        subj = next(c for c in tok.children if c.dep_ == "nsubj")
        last = max((c for c in tok.children if c.dep_ == "prt"), key=lambda c: c.i, default=tok)   # 'shot down'
        found.append((side, subj.left_edge.idx, last.idx + len(last.text)))
    return found[0] if len({side for side, _, _ in found}) == 1 else None  # type: ignore[return-value]


def voice_of(ctx: Context, tok: Token, event: Event, actors: list[ActorMention]) -> Voice | None:
    """The voice of the sentence an event is told in, or None when its words give no side or give both."""
    sent = tok.sent
    cues = _wording(ctx, sent)
    success = _success(sent, actors)
    if success is not None:
        cues.append(success)
    if not cues:
        enemy = _enemy(ctx, sent, event, actors)
        cues = [enemy] if enemy is not None else []
    if not cues or len({side for side, _, _ in cues}) > 1:
        return None
    side, start, end = success if success is not None else cues[0]
    return Voice(side=side, cue=ctx.text[start:end], basis="success" if success is not None else "wording",
                 char_start=start, char_end=end)


def with_voices(ctx: Context, candidates: list[Candidate], actors: list[ActorMention]) -> list[Candidate]:
    """The candidates with the voice of each event no claimant of a known side tells; a claimant of unknown side
    takes the voice's side ('180 invaders died at the plant - intelligence': Ukraine's intelligence)."""
    out = []
    for cand in candidates:
        claim = cand.event.claim
        claimant = claim.claimed_by
        if claimant is not None and claimant.side != "unknown":
            out.append(cand)
            continue
        voice = voice_of(ctx, ctx.doc[cand.token], cand.event, actors)
        if voice is None:
            out.append(cand)
            continue
        if claimant is not None:
            claimant = replace(claimant, side=voice.side)
        claim = replace(claim, claimed_by=claimant, voice=voice)
        event = replace(cand.event, claim=claim)
        if _enemy_attacks(ctx.doc[cand.token], event, voice):
            # 'the enemy shelled Pokrovsk', 'killed in an enemy attack': the speaker's enemy fired, whoever the
            # parse took for the attacker among the speaker's own (a victim, 'One Ukrainian killed')
            event = replace(event, initiator=SPOKEN_FORCE[OPPOSITE_BLOC[voice.side]])
        out.append(replace(cand, event=event))
    return out


def _enemy_attacks(tok: Token, event: Event, voice: Voice) -> bool:
    """Whether the sentence's own words make 'the enemy' the attacker of a fight or strike: the subject of its
    verb, the agent of its passive ('by the enemy'), or a word of its noun ('an enemy attack', 'enemy shelling'),
    while no attacker of the other side is known."""
    if not event_type(event.event_type).combat or voice.side not in OPPOSITE_BLOC:
        return False
    if event.initiator is not None and bloc(event.initiator.side) not in (voice.side, "unknown"):
        return False
    for c in tok.children:
        if c.lower_ == "enemy" and c.dep_ in ("nsubj", "amod", "compound", "poss", "nmod"):
            return True
        # 'the enemy forces shelled X' (a word of the subject's head), 'shelled by the enemy' (the agent's object)
        if c.dep_ in ("nsubj", "agent") and any(t.lower_ == "enemy" and "pobj" in (t.dep_, t.head.dep_) or
                                                t.lower_ == "enemy" and t.head == c for t in c.subtree):
            return True
    return False
