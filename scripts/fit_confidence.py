"""Fit the confidence calibration on the seed gold and write src/frontline/data/confidence.json.

Each predicted event of the five seed articles is labelled right when the evaluation matches it to a gold event
with the place and the date right (level type+place+date), wrong otherwise. A logistic model on
``frontline.events.confidence.FEATURES``, L2-regularised, is fitted on all of them and written as a small table. To
guard against fitting the five articles' quirks, the script first scores the model leave-one-article-out (fit
on four articles, score the fifth) and prints Brier score and log loss beside those of the raw score; the
regularisation strength is chosen by that cross-validation, never by the in-sample fit.

    PYTHONPATH=src python scripts/fit_confidence.py [--write]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

from frontline import api
from frontline import evaluation as ev
from frontline.events.confidence import FEATURES, features
from frontline.pipeline import Pipeline

TABLE = Path(__file__).resolve().parent.parent / "src" / "frontline" / "data" / "confidence.json"
STRENGTHS = (0.01, 0.1, 1.0, 3.0, 10.0)


def labelled(pipeline: Pipeline) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (1 = right at type+place+date) and article index of every predicted seed event."""
    predicted = {Path(r.article.path or "").name: list(r.events)
                 for r in api.extract([api.sample_corpus()], pipeline=pipeline)}
    report = ev.evaluate_gold(predicted, api.default_gold())
    xs, ys, groups = [], [], []
    for a_idx, scores in enumerate(report.articles):
        for pair in scores.pairs:
            xs.append(features(pair.predicted))
            ys.append(1.0 if pair.checks["place"] and pair.checks["date"] else 0.0)
            groups.append(a_idx)
        for e in scores.spurious:
            xs.append(features(e))
            ys.append(0.0)
            groups.append(a_idx)
    return np.array(xs), np.array(ys), np.array(groups)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method with an L2 penalty on the weights (not the bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w[:-1], float(w[-1])


def scores(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(np.mean((p - y) ** 2)), float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def cross_validated(x: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float) -> np.ndarray:
    out = np.zeros(len(y))
    for g in np.unique(groups):
        w, b = fit(x[groups != g], y[groups != g], l2)
        out[groups == g] = 1 / (1 + np.exp(-(x[groups == g] @ w + b)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write the fitted table to {TABLE}")
    args = parser.parse_args()
    pipeline = Pipeline.load()
    pipeline.calibrator = None          # fit on the raw scores
    x, y, groups = labelled(pipeline)
    raw_brier, raw_loss = scores(x[:, 0], y)
    print(f"{len(y)} predicted events, {int(y.sum())} right; raw score: Brier {raw_brier:.3f}, log loss {raw_loss:.3f}")
    results = {}
    for l2 in STRENGTHS:
        brier, loss = scores(cross_validated(x, y, groups, l2), y)
        results[l2] = (brier, loss)
        print(f"  L2 {l2:>5}: leave-one-article-out Brier {brier:.3f}, log loss {loss:.3f}")
    l2 = min(results, key=lambda k: results[k][1])
    w, b = fit(x, y, l2)
    print(f"chosen L2 {l2}; weights " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w)) + f", bias {b:+.2f}")
    applied = results[l2][0] < raw_brier
    print("the map beats the raw scores on held-out articles: applied" if applied else
          "the map does not beat the raw scores on held-out articles: the raw scores are kept")
    if args.write:
        table = {"applied": applied, "features": list(FEATURES), "weights": [round(float(v), 4) for v in w], "bias": round(b, 4),
                 "l2": l2, "fitted_on": f"{len(y)} predicted events of the seed gold ({int(y.sum())} right)",
                 "cross_validated": {"brier": round(results[l2][0], 4), "log_loss": round(results[l2][1], 4),
                                     "raw_brier": round(raw_brier, 4), "raw_log_loss": round(raw_loss, 4)}}
        TABLE.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {TABLE}")
    if not math.isfinite(b):
        raise SystemExit("the fit diverged")


if __name__ == "__main__":
    main()
