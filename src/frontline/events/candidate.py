"""An event under construction, the mentions of its sentence, and the mention nearest a trigger."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from frontline.models import ActorMention, DateMention, Event, PlaceMention, QuantityMention
from frontline.nlp.syntax import token_at, tree_distance


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event under construction: the event plus the parse positions later stages need."""

    event: Event
    token: int            # index of the trigger token in the spaCy Doc
    sentence: int         # index of the sentence in the Doc
    paragraph: int        # index of the paragraph (blank-line or newline separated block)
    first_person: bool = False   # the trigger's subject is 'we' / 'our ...': the speaker's side, once known
    inherited: bool = False      # the place came from the text around, the sentence names none
    told_back: bool = False      # a definite noun names an attack told before ('were killed in the strike')
    told_until: int = -1         # the last sentence that told more of this event (its toll, its damage), if later

    @property
    def last_told(self) -> int:
        """The index of the last sentence that told this event."""
        return max(self.sentence, self.told_until)


@dataclass(frozen=True, slots=True)
class SentenceMentions:
    """The mentions of one sentence, by kind (places only those that can locate an event)."""

    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMention]
    quantities: list[QuantityMention]


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


M = TypeVar("M", bound=_Spanned)


def within(items: Iterable[M], start: int, end: int) -> list[M]:
    """The mentions that lie between the character offsets ``start`` and ``end``."""
    return [m for m in items if start <= m.start and m.end <= end]


def nearest(doc: Doc, trigger: Token, items: Sequence[M], penalty: Callable[[M], int] = lambda m: 0) -> M | None:
    """The mention closest to the trigger in the dependency tree (ties: closest in the text)."""
    best: M | None = None
    best_score: tuple[int, int] | None = None
    for m in items:
        tok = token_at(doc, m.start)
        score = (tree_distance(trigger, tok) + penalty(m), abs(tok.i - trigger.i))
        if best_score is None or score < best_score:
            best, best_score = m, score
    return best
