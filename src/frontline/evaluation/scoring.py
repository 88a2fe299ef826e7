"""Scores: predicted events matched one-to-one to the gold events of each article, counted per level and field.

``evaluate_gold`` reports precision / recall / F1 at increasing strictness (``LEVELS``: type, type+place,
type+place+date, full), per single field (``FIELD_LEVELS``) and the accuracy of fields among matched pairs
(``FIELDS``); ``reliability`` bins the predictions by confidence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontline.evaluation.gold import GoldEvent, load_gold
from frontline.evaluation.matching import evidence_similarity, pair_checks
from frontline.models import Event

__all__ = ["LEVELS", "FIELD_LEVELS", "FIELDS", "NEWS_LEVEL", "Counts", "Share", "FieldAccuracy", "MatchedPair", "ArticleScores",
           "EvalReport", "evaluate_gold", "ReliabilityBin", "reliability"]

logger = logging.getLogger(__name__)

LEVELS: tuple[str, ...] = ("type", "type+place", "type+place+date", "full")
_SCORED_FIELDS = ("date", "quantities", "claimed_by", "sides", "modality")
FIELD_LEVELS: tuple[str, ...] = tuple(f"type+{name}" for name in _SCORED_FIELDS)
FIELDS: tuple[str, ...] = ("quantities", "claimed_by", "sides", "modality", "contested", "background")
# The default output leaves background out (events/background.py): this level scores the news alone, predicted
# news events against gold news events, a pair counting when neither is background.
NEWS_LEVEL = "news type"


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives against the numbers of predicted and gold events; P/R/F1 follow."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)


@dataclass(frozen=True, slots=True)
class Share:
    """hits out of total rows for which the measure applies."""

    hits: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class FieldAccuracy:
    """How many matched pairs got a field right, out of those where the gold says something about it."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: "FieldAccuracy") -> "FieldAccuracy":
        return FieldAccuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True, slots=True)
class MatchedPair:
    """A gold event, the predicted event matched to it, and which checks passed (keys: 'place', 'date', FIELDS)."""

    gold: GoldEvent
    predicted: Event
    checks: Mapping[str, bool]


@dataclass(frozen=True, slots=True)
class ArticleScores:
    article: str
    levels: Mapping[str, Counts]
    fields: Mapping[str, FieldAccuracy]
    pairs: tuple[MatchedPair, ...] = ()
    missed: tuple[GoldEvent, ...] = ()
    spurious: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Micro-averaged scores over all gold articles, and the per-article breakdown they sum."""

    levels: Mapping[str, Counts]
    fields: Mapping[str, FieldAccuracy]
    articles: tuple[ArticleScores, ...] = field(default=())


# Pair score for the greedy matching. Place counts most, then the evidence (a predicted event read from the
# sentence the gold evidence comes from is most likely the same event), then date, then the other fields.
_WEIGHTS = {"place": 4.0, "date": 2.0, "claimed_by": 1.0, "quantities": 0.5, "sides": 0.5, "modality": 0.25,
            "contested": 0.0, "background": 0.0}
_EVIDENCE_WEIGHT = 3.0
_EVIDENCE_MIN = 0.8   # below this, partial-ratio similarity is what unrelated sentences of one article share


def _field_right(name: str) -> Callable[[MatchedPair], bool]:
    """The test that a matched pair got field ``name`` right."""
    return lambda m: m.checks[name]


def _score_article(article: str, gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> ArticleScores:
    """Match predicted to gold events one-to-one (greedy on the pair score) and count the hits."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.accepts_type(p.event_type):
                checks = pair_checks(g, p)
                similarity = evidence_similarity(g, p)
                score = (sum(_WEIGHTS[k] for k, ok in checks.items() if ok)
                         + (_EVIDENCE_WEIGHT * similarity if similarity >= _EVIDENCE_MIN else 0.0))
                candidates.append((-score, gi, pi, checks))
    candidates.sort(key=lambda c: c[:3])
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi, checks in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(MatchedPair(gold[gi], predicted[pi], checks))
    pairs.sort(key=lambda m: m.gold.line)

    def count(test: Callable[[MatchedPair], bool]) -> Counts:
        return Counts(sum(1 for m in pairs if test(m)), len(predicted), len(gold))

    levels = {
        "type": count(lambda m: True),
        "type+place": count(lambda m: m.checks["place"]),
        "type+place+date": count(lambda m: m.checks["place"] and m.checks["date"]),
        "full": count(lambda m: all(m.checks[k] for k in ("place", "date", "claimed_by", "quantities", "sides"))),
        # P/R/F1 of each field on its own: a pair counts when the type matches and that field is right
        **{f"type+{name}": count(_field_right(name)) for name in _SCORED_FIELDS},
        NEWS_LEVEL: Counts(sum(1 for m in pairs if not m.gold.background and not m.predicted.background),
                           sum(1 for e in predicted if not e.background), sum(1 for g in gold if not g.background)),
    }
    relevant: dict[str, Callable[[GoldEvent], bool]] = {
        "quantities": lambda g: bool(g.quantities),
        "claimed_by": lambda g: True,
        "sides": lambda g: g.initiator_side is not None or g.target_side is not None,
        "modality": lambda g: True,
        "contested": lambda g: True,
        "background": lambda g: True,
    }
    fields = {}
    for name in FIELDS:
        scored = [m for m in pairs if relevant[name](m.gold)]
        fields[name] = FieldAccuracy(sum(1 for m in scored if m.checks[name]), len(scored))
    return ArticleScores(
        article=article, levels=levels, fields=fields, pairs=tuple(pairs),
        missed=tuple(g for gi, g in enumerate(gold) if gi not in used_gold),
        spurious=tuple(p for pi, p in enumerate(predicted) if pi not in used_pred))


def evaluate_gold(predicted: Mapping[str, Sequence[Event]], gold_path: str | Path) -> EvalReport:
    """Score predicted events against a gold JSONL file.

    Args:
        predicted: events per article, keyed by the gold's ``article`` value (the seed file name). Articles
            the gold does not cover are ignored (logged); gold articles missing here count as all missed.
        gold_path: the gold file (format in docs/EVALUATION.md).
    Returns:
        an EvalReport with P/R/F1 per level, field accuracies and the per-article breakdown.
    Raises:
        EvalError: the gold file is malformed.
    """
    gold = load_gold(gold_path)
    by_article: dict[str, list[GoldEvent]] = {}
    for g in gold:
        by_article.setdefault(g.article, []).append(g)
    extra = sorted(set(predicted) - set(by_article))
    if extra:
        logger.warning("no gold for %d predicted article(s), ignored: %s", len(extra), ", ".join(extra))
    articles = tuple(_score_article(a, events, tuple(predicted.get(a, ()))) for a, events in sorted(by_article.items()))
    levels = {name: sum((s.levels[name] for s in articles), Counts()) for name in (*LEVELS, *FIELD_LEVELS, NEWS_LEVEL)}
    fields = {name: sum((s.fields[name] for s in articles), FieldAccuracy()) for name in FIELDS}
    return EvalReport(levels=levels, fields=fields, articles=articles)


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Predicted events whose confidence lies in ``[low, high)``, and how many were right (type, place, date)."""

    low: float
    high: float
    events: int
    right: int
    mean_confidence: float

    @property
    def share_right(self) -> float:
        return self.right / self.events if self.events else 0.0


def reliability(report: EvalReport, bins: int = 5) -> list[ReliabilityBin]:
    """Bins of predicted confidence against the share of predictions that match gold at type+place+date.

    A well-calibrated extractor has each bin's share right close to its mean confidence.
    """
    outcomes = [(p.predicted.confidence, p.checks["place"] and p.checks["date"]) for a in report.articles
                for p in a.pairs] + [(e.confidence, False) for a in report.articles for e in a.spurious]
    out = []
    for i in range(bins):
        low, high = i / bins, (i + 1) / bins
        inside = [(c, ok) for c, ok in outcomes if low <= c < high or (i == bins - 1 and c == 1.0)]
        mean = sum(c for c, _ in inside) / len(inside) if inside else 0.0
        out.append(ReliabilityBin(low, high, len(inside), sum(ok for _, ok in inside), round(mean, 3)))
    return out
