"""Event recall by meaning: a sentence that no trigger word types is compared with short exemplars of each type.

The lexicon (``triggers.py``) is precise but misses wording it has no entry for ('the Armed Forces got into two
areas of concentration of manpower', spun text such as 'preventing within the metropolis' for 'fighting in the
city'). ``SentenceTyper`` embeds such sentences with the shared ``Embedder`` and takes the event type of the
most similar exemplar, when that similarity clears ``threshold`` and beats the most similar *non-event*
exemplar (a byline, a summary title, a feeling) by ``margin``. The exemplars are written for this project from
the definitions in ``spec/EVENTS.md``, generic on purpose: none is a sentence of the sample articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from frontline.nlp.embed import Embedder

__all__ = ["EXEMPLARS", "NON_EVENTS", "SentenceTyper"]

EXEMPLARS: dict[str, tuple[str, ...]] = {
    "armed_clash": (
        "Heavy fighting continues in the city.", "Troops attacked enemy positions near the village.",
        "The army repelled an assault and advanced several kilometres.",
        "Soldiers tried to land on the river bank and were pushed back.",
        "Units are engaged in battles on the front line.", "Marines attempted a landing near the plant at night."),
    "shelling": (
        "Artillery shelled the town overnight.", "Rockets hit residential districts of the city.",
        "Mortar and artillery fire struck enemy positions dozens of times.", "Two command posts and an ammunition depot were hit.",
        "A missile strike hit the railway station."),
    "air_drone_strike": (
        "Drones attacked the city at night.", "Aircraft bombed enemy positions.",
        "Aviation struck concentrations of enemy manpower and equipment.", "A glide bomb hit the village."),
    "territory_captured": (
        "Troops captured the village.", "The town is now under the control of the army.",
        "Forces liberated several settlements.", "The army took the city after weeks of fighting."),
    "territory_withdrawn": (
        "Troops withdrew from the city.", "Forces retreated to new defensive lines.",
        "The army pulled out of the town."),
    "encirclement": (
        "Troops are surrounded in the town.", "The city is encircled and its supply lines are cut.",
        "The garrison is under siege."),
    "casualties": (
        "Ten soldiers were killed and twenty wounded.", "The army lost hundreds of servicemen.",
        "Losses of the army in the war.", "The death toll rose to twelve."),
    "violence_against_civilians": (
        "Civilians were executed by soldiers.", "Residents were abducted and tortured.",
        "Children were deported from the occupied territory."),
    "evacuation": (
        "Civilians were evacuated from the town.", "Thousands of residents fled the fighting.",
        "Families arrived at a reception centre."),
    "desertion": (
        "Soldiers deserted their unit.", "Troops refused to fight and crossed the border.",
        "Servicemen went absent without leave."),
    "surrender": ("Soldiers surrendered and laid down their arms.", "Hundreds of troops were taken prisoner."),
    "prisoner_exchange": ("The two sides exchanged prisoners of war.", "Bodies of fallen soldiers were swapped."),
    "arrest": ("Police detained a man suspected of sabotage.", "The security service arrested an agent."),
    "protest": ("Thousands rallied in the capital against the war.", "Mothers of soldiers protested."),
    "mobilization": ("The government announced a new mobilisation.", "Men were called up for military service."),
    "negotiation": ("The two sides held peace talks.", "The president offered dialogue to end the war.",
                    "Delegations discussed a ceasefire agreement."),
    "sanction": ("New sanctions were imposed on the country.", "The union extended economic sanctions."),
    "aid": ("The allies sent weapons and ammunition.", "The country promised humanitarian aid.",
            "Partners will help rebuild the destroyed cities."),
    "infrastructure_disruption": (
        "The power plant was damaged and the city is without electricity.", "Trains no longer run to the region.",
        "The bridge was destroyed and is unusable.", "Water supply was cut off."),
}

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
