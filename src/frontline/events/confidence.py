"""Confidence: the chance that an event is right (type, place and date as an analyst would code them).

The extractor's raw score (the trigger word's prior, less for a missing or inherited place, a defaulted date, a
guessed actor) orders events but is no probability. ``Calibrator`` maps a few features of a finished event
through a logistic model fitted on the UCDP development rows by ``scripts/fit_confidence.py``, which writes the small table
``data/confidence.json`` (feature names, weights, bias, and the cross-validated scores it was chosen on).

UCDP codes organised lethal violence only, so its rows can tell right from wrong only for the violent families
(combat, control, harm): the map is fitted on those and applied to those. A negotiation, a sanction or an aid
delivery has no labelled data here; it keeps the extractor's raw score rather than a probability learnt from
data that could never call it right (fitted with them, every non-violent event read ~0.02 while 90% of the
seeds' were right).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from frontline.errors import ResourceError
from frontline.models import Event
from frontline.vocab.event_types import event_type

__all__ = ["FEATURES", "Calibrator", "calibrated", "features"]

FEATURES: tuple[str, ...] = ("raw", "settlement", "no_place", "own_date", "reported", "unreal", "country",
                             "near", "toll")
_UNREAL = frozenset({"planned", "hypothetical", "threatened", "denied"})
_VIOLENT = frozenset({"combat", "control", "harm"})


def calibrated(event: Event) -> bool:
    """Whether the fitted map speaks for this event's type: the violent families UCDP codes."""
    return event_type(event.event_type).family in _VIOLENT


def features(event: Event, raw: float | None = None) -> list[float]:
    """The feature vector of an event, in the order of FEATURES.

    ``raw`` is the extractor's score (default: ``event.confidence``; fusion raises it for a report the article
    repeats).
    """
    score = event.confidence if raw is None else raw
    loc = event.location
    return [
        score,
        1.0 if loc is not None and loc.precision in ("settlement", "district") else 0.0,
        1.0 if loc is None else 0.0,
        1.0 if event.date.text is not None else 0.0,
        1.0 if event.claim.claimed_by is not None else 0.0,
        1.0 if event.claim.modality in _UNREAL else 0.0,
        1.0 if loc is not None and loc.precision == "country" else 0.0,
        1.0 if event.near is not None else 0.0,        # placed only as near the place in focus
        1.0 if any(q.role == "killed" and q.kind == "incident" for q in event.quantities) else 0.0,
    ]


@dataclass(frozen=True, slots=True)
class Calibrator:
    """A logistic map from FEATURES to a probability; ``apply`` rewrites events' confidence with it.

    ``applied`` is False when, across held-out articles, the map scored no better than the raw scores: then
    ``apply`` keeps the raw scores (the table says so after each fit).
    """

    weights: tuple[float, ...]
    bias: float
    applied: bool = True

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Calibrator":
        """Read the fitted table (default: the one shipped in frontline/data). Raises ResourceError."""
        try:
            if path is None:
                text = resources.files("frontline").joinpath("data/confidence.json").read_text(encoding="utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
            table = json.loads(text)
            if tuple(table["features"]) != FEATURES:
                raise ValueError(f"features {table['features']} differ from {list(FEATURES)}")
            return cls(tuple(float(w) for w in table["weights"]), float(table["bias"]), bool(table.get("applied", True)))
        except (OSError, ValueError, KeyError) as exc:
            raise ResourceError(f"cannot read the confidence table ({exc}): run `python scripts/fit_confidence.py`"
                                ) from exc

    def probability(self, vector: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, vector, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def apply(self, events: Sequence[Event]) -> list[Event]:
        """The events of the calibrated types (``calibrated``) with ``confidence`` replaced by the probability
        (rounded to 3 places); the others keep their raw score."""
        if not self.applied:
            return list(events)
        # rounded to 3 places, never to a certainty: no event is surely right or surely wrong
        return [replace(e, confidence=round(min(0.999, max(0.001, self.probability(features(e)))), 3))
                if calibrated(e) else e for e in events]
