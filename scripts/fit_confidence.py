"""Fit the confidence calibration on the UCDP development rows and write src/frontline/data/confidence.json.

Each event extracted from the headlines of a UCDP development row that UCDP places precisely (where_prec 1-2)
and of a violent type (combat, control or harm: UCDP codes only lethal violence, so it can judge no other
type, and the map is applied to these types only: ``frontline.events.confidence.calibrated``) is labelled right
when it is placed within 25 km of UCDP's point (``frontline.evaluation.PLACE_KM``) and dated within UCDP's
date_start..date_end (a day either side); wrong otherwise. A logistic model on ``frontline.events.confidence.FEATURES``,
L2-regularised, is fitted on all of them and written as a small table. To guard against fitting one period's
quirks, the script first scores the model leave-one-year-out (fit on the other years, score the held-out one)
and prints Brier score and log loss beside those of the raw score, and the held-out reliability table
(docs/EVALUATION.md); the regularisation strength is chosen by that cross-validation, never by the in-sample fit.

    PYTHONPATH=src python scripts/fit_confidence.py [--ucdp CSV] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path

import numpy as np

from frontline import evaluation as ev
from frontline.evaluation.counts import auc
from frontline.evaluation.matching import km
from frontline.events.confidence import FEATURES, calibrated, features
from frontline.models import Event, RawArticle
from frontline.nlp.model import Resources
from frontline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src" / "frontline" / "data" / "confidence.json"
UCDP = ROOT.parent / "shared" / "data" / "ucdp" / "ucdp_ged_ukraine_dev.csv"
STRENGTHS = (0.01, 0.1, 1.0, 3.0, 10.0)


def right(row: ev.UcdpRow, e: Event) -> bool:
    """Placed within PLACE_KM, dated within the row's dates (a day either side)."""
    day = dt.timedelta(days=1)
    return (e.location is not None and km(row.latitude, row.longitude, e.location.lat, e.location.lon) <= ev.PLACE_KM
            and e.date.start is not None and row.date_start - day <= e.date.start <= row.date_end + day)


def labelled(pipeline: Pipeline, csv: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (1 = right) and year of every event of a calibrated (violent) type extracted from a
    precisely placed UCDP row."""
    xs, ys, groups = [], [], []
    for row in ev.read_ucdp(csv):
        if row.where_prec > 2:
            continue
        result = pipeline.process(RawArticle(text=row.text, published=row.published, source="UCDP headlines"))
        for e in result.events:
            if not calibrated(e):
                continue
            xs.append(features(e))
            ys.append(1.0 if right(row, e) else 0.0)
            groups.append(row.year)
    return np.array(xs), np.array(ys), np.array(groups)


def _newton(xb: np.ndarray, y: np.ndarray, l2: float, offset: np.ndarray) -> np.ndarray:
    """Logistic regression by Newton's method with an L2 penalty on the weights (not the bias)."""
    w = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(xb @ w + offset)))
        grad = xb.T @ (p - y) + penalty @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


# The raw score orders events by the strength of their evidence (a lexicon word above a similarity guess); the
# map may flatten that order but never reverse it: the raw score's weight is held at least this.
RAW_FLOOR = 0.5


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """The weights and bias of the logistic map, the raw score's weight at least RAW_FLOOR."""
    w = _newton(np.hstack([x, np.ones((len(x), 1))]), y, l2, np.zeros(len(y)))
    if w[0] >= RAW_FLOOR:
        return w[:-1], float(w[-1])
    rest = _newton(np.hstack([x[:, 1:], np.ones((len(x), 1))]), y, l2, RAW_FLOOR * x[:, 0])
    return np.concatenate([[RAW_FLOOR], rest[:-1]]), float(rest[-1])


def scores(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(np.mean((p - y) ** 2)), float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def cross_validated(x: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float) -> np.ndarray:
    out = np.zeros(len(y))
    for g in np.unique(groups):
        w, b = fit(x[groups != g], y[groups != g], l2)
        out[groups == g] = 1 / (1 + np.exp(-(x[groups == g] @ w + b)))
    return out


def reliability_table(p: np.ndarray, y: np.ndarray, bins: int = 10) -> str:
    """A markdown table of held-out probabilities in ``bins`` equal bins against the share right."""
    lines = ["| confidence | events | mean confidence | share right |", "|---|---|---|---|"]
    for i in range(bins):
        low, high = i / bins, (i + 1) / bins
        inside = (p >= low) & ((p < high) | (i == bins - 1))
        if inside.any():
            lines.append(f"| {low:.1f}-{high:.1f} | {int(inside.sum())} | {p[inside].mean():.3f} | "
                         f"{y[inside].mean():.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ucdp", type=Path, default=UCDP, help="the UCDP development CSV")
    parser.add_argument("--write", action="store_true", help=f"write the fitted table to {TABLE}")
    args = parser.parse_args()
    pipeline = Pipeline(Resources.load(), calibrator=None)     # fit on the raw scores (and before any table)
    x, y, groups = labelled(pipeline, args.ucdp)
    raw_brier, raw_loss = scores(x[:, 0], y)
    print(f"{len(y)} predicted events, {int(y.sum())} right; raw score: Brier {raw_brier:.3f}, log loss {raw_loss:.3f}")
    results = {}
    for l2 in STRENGTHS:
        brier, loss = scores(cross_validated(x, y, groups, l2), y)
        results[l2] = (brier, loss)
        print(f"  L2 {l2:>5}: leave-one-year-out Brier {brier:.3f}, log loss {loss:.3f}")
    l2 = min(results, key=lambda k: results[k][1])
    held_out = cross_validated(x, y, groups, l2)
    print(f"held-out AUC {auc(held_out.tolist(), (y == 1).tolist()):.3f} "
          f"(raw score {auc(x[:, 0].tolist(), (y == 1).tolist()):.3f})")
    print("held-out reliability (leave-one-year-out):\n" + reliability_table(held_out, y))
    w, b = fit(x, y, l2)
    print(f"chosen L2 {l2}; weights " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w)) + f", bias {b:+.2f}")
    applied = results[l2][0] < raw_brier
    print("the map beats the raw scores on held-out years: applied" if applied else
          "the map does not beat the raw scores on held-out years: the raw scores are kept")
    if args.write:
        table = {"applied": applied, "features": list(FEATURES), "weights": [round(float(v), 4) for v in w], "bias": round(b, 4),
                 "l2": l2, "fitted_on": f"{len(y)} events of the UCDP development rows placed precisely ({int(y.sum())} right: "
                              "within 25 km, dated, of a violent type)",
                 "cross_validated": {"brier": round(results[l2][0], 4), "log_loss": round(results[l2][1], 4),
                                     "raw_brier": round(raw_brier, 4), "raw_log_loss": round(raw_loss, 4)}}
        TABLE.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {TABLE}")
    if not math.isfinite(b):
        raise SystemExit("the fit diverged")


if __name__ == "__main__":
    main()
