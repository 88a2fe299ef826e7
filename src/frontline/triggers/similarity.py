"""Event recall by meaning: a sentence that no trigger word types is compared with short exemplars of each type.

The lexicon (``triggers.lexicon``) is precise but misses wording it has no entry for ('the Armed Forces got into two
areas of concentration of manpower', spun text such as 'preventing within the metropolis' for 'fighting in the
city'). ``SentenceTyper`` embeds such sentences with the shared ``Embedder`` and takes the event type of the
most similar exemplar, when that similarity clears ``threshold`` and beats the most similar *non-event*
exemplar (a byline, a summary title, a feeling) by ``margin``. The exemplars are written for this project from
the definitions in ``spec/EVENTS.md``, generic on purpose: none is a sentence of the sample articles; they live
in the event-type table (``EventType.exemplars``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from frontline.nlp.embed import Embedder
from frontline.vocab.event_types import TABLE

__all__ = ["EXEMPLARS", "NON_EVENTS", "SentenceTyper"]

# Each event type's exemplars, in the table's order: the type of an exemplar is the type of a sentence it matches
# best. The fallback type has none: it is what nothing more specific fits.
EXEMPLARS: Mapping[str, tuple[str, ...]] = MappingProxyType({row.name: row.exemplars for row in TABLE.values()
                                                             if row.exemplars})

# Sentences that name no event, for the margin: bylines, titles of summaries, moods, descriptions.
NON_EVENTS: tuple[str, ...] = (
    "Follow our correspondent on Twitter.", "Summary of the livestream with the adviser.",
    "Main news of the day: the situation around the country.", "An overview of the humanitarian situation.",
    "He said he was tired and wanted to go home.", "The city is quiet and everything is stable.",
    "In memory of a pilot and activist.", "The report describes the history of the region.",
    "Photo: a view of the street.", "It is hot in the city today.",
    "The number of ships in the sea has doubled.", "Intercepted phone calls of the week.")


@dataclass
class SentenceTyper:
    """Types sentences by their similarity to the exemplars; holds the embedder and the exemplar vectors.

    Build one per process (the Pipeline does) and pass it to ``events.extract_events``; the exemplar vectors are
    computed on first use.
    """

    embedder: Embedder
    threshold: float = 0.45
    margin: float = 0.05
    _vectors: np.ndarray | None = field(default=None, init=False, repr=False)
    _labels: tuple[str, ...] = field(default=(), init=False, repr=False)
    _events: int = field(default=0, init=False, repr=False)

    def _exemplars(self) -> tuple[np.ndarray, tuple[str, ...]]:
        if self._vectors is None:
            labels = tuple(t for t, texts in EXEMPLARS.items() for _ in texts)
            texts = [s for texts in EXEMPLARS.values() for s in texts]
            self._events = len(texts)
            self._vectors = self.embedder.encode(texts + list(NON_EVENTS))
            self._labels = labels
        return self._vectors, self._labels

    def classify(self, sentences: Sequence[str]) -> list[tuple[str, float] | None]:
        """For each sentence, (event type, similarity) of its best exemplar, or None when no type fits."""
        if not sentences:
            return []
        vectors, labels = self._exemplars()
        sims = self.embedder.encode(sentences) @ vectors.T
        out: list[tuple[str, float] | None] = []
        for row in sims:
            events, other = row[:self._events], row[self._events:]
            best = int(np.argmax(events))
            score = float(events[best])
            fits = score >= self.threshold and score >= float(other.max()) + self.margin
            out.append((labels[best], round(score, 3)) if fits else None)
        return out
