"""Counting yardsticks on UCDP reports: does the extractor count an incident once, with its true toll, its
claimant's side, a confidence that means something, and distinct reports kept apart?

Each UCDP development row is one report (its headlines, published on its source date) and UCDP's coding of
it: one event, ``best`` dead, the original source (``source_original``). ``count_measures`` compares what the
extractor made of every report with that coding:

- **events per report**, overall and among reports with at least one event (UCDP codes one event a row);
- **killed**: the fatalities the ACLED-style export counts (``frontline.vocab.counts.fatalities``), summed over
  a report's events, against UCDP's ``best``, in total (over every report, and over the reports whose
  headlines state a death count, ``UcdpRow.headline_killed``) and as the share of reports grossly inflated
  (killed > ``INFLATION_FACTOR`` x best + ``INFLATION_SLACK``);
- **claimant side**: where the report's original source plainly speaks for one side (the hand-written table
  ``data/gold/ucdp_source_sides.tsv``), whether the side of the claimants the extractor names agrees (over all
  such reports, a report with no claimant of a side counting as a miss; over those whose headlines name their
  source at all, the hand-labelled ``data/gold/ucdp_headline_names_source.tsv``: the ceiling for ``claimed_by``,
  which stays null for a report in the article's own voice; and over those where the extractor names any
  claimant, of a side or not); and, reading a report with no claimant of a side by its voice (``Claim.voice``:
  whose wording the headlines take), whether the claimant's side or else the voice's agrees over all plain reports,
  and how often the voice agrees where it alone gives a side (its precision);
- **confidence AUC**: how well event confidence separates events placed right (within ``PLACE_KM`` of UCDP's
  point, rows with where_prec 1-2) from events placed wrong;
- **copies**: the share of reports marked a copy of a *different* report when the reports are read as one
  stream. UCDP codes several events (rows) from one source article, so rows are not reports: a row is made of
  its source articles (``source_article``: outlet, date, headline), and a row marked a copy of another is
  marked right when every source article of the copy is one of its original's (the copy tells nothing the
  original does not: the same article coded as two events, or one of several articles coded together). A copy
  telling an article its original lacks (another headline, or the same headline on another day: a templated
  bulletin) copies a different report. Without source articles, a report is its text and publication day.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final, Protocol

import numpy as np

from frontline.corpus.copies import CopyDetector
from frontline.corpus.marking import mark_copies
from frontline.evaluation.matching import PLACE_KM, km
from frontline.evaluation.scoring import Share
from frontline.models import ArticleResult, Event
from frontline.vocab.counts import fatalities
from frontline.vocab.sides import ARMED_SIDES, bloc

__all__ = ["INFLATION_FACTOR", "INFLATION_SLACK", "CodedReport", "CountReport", "source_sides",
           "headlines_naming_source", "report_side", "report_voice", "auc", "count_measures", "copies_of_other_reports", "copy_pairs",
           "format_counts"]

INFLATION_FACTOR: Final = 5
INFLATION_SLACK: Final = 10


class CodedReport(Protocol):
    """What the yardsticks read of a UCDP row (``frontline.evaluation.ucdp.UcdpRow``)."""

    @property
    def id(self) -> str: ...
    @property
    def best(self) -> int: ...
    @property
    def source(self) -> str: ...
    @property
    def headline_killed(self) -> int | None: ...
    @property
    def where_prec(self) -> int: ...
    @property
    def latitude(self) -> float: ...
    @property
    def longitude(self) -> float: ...


@dataclass(frozen=True, slots=True)
class CountReport:
    """How an extractor counts on UCDP reports (see the module docstring for each measure)."""

    reports: int
    with_events: int
    events: int
    killed: int                 # the export's fatalities summed over every report
    best: int                   # UCDP's best estimate summed over every report
    inflated: Share             # reports with killed > 5 x best + 10
    claimant: Share             # reports with a plain source whose claimant side agrees
    copies: Share | None        # reports marked copies of a different report (None: not measured)
    auc: float | None           # confidence: right against wrong places (None: one class missing)
    placed_events: int = 0      # located events of where_prec 1-2 rows: the AUC's sample
    placed_right: int = 0
    killed_told: int = 0        # killed and best summed over the reports whose headlines state a death count
    best_told: int = 0
    claimant_named: Share = Share()   # of the plain reports where the extractor names any claimant
    claimant_sourced: Share = Share()  # of the plain reports whose headlines name their source (the ceiling)
    side_or_voice: Share = Share()     # of the plain reports: the claimant's side, or else the voice's, agrees
    voice: Share = Share()             # of the plain reports with no claimant of a side but a voice: it agrees

    @property
    def per_report(self) -> float:
        return self.events / self.reports if self.reports else 0.0

    @property
    def per_report_with_events(self) -> float:
        return self.events / self.with_events if self.with_events else 0.0


def _collapse(text: str) -> str:
    return " ".join(text.split())


def source_sides() -> dict[str, str]:
    """The gold table: UCDP ``source_original`` (whitespace collapsed) -> 'RU' or 'UA', for plain sources only."""
    text = resources.files("frontline.data").joinpath("gold/ucdp_source_sides.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return {_collapse(rec["source_original"]): rec["side"]
            for rec in csv.DictReader(lines, delimiter="\t") if rec["side"]}


def headlines_naming_source() -> dict[str, bool]:
    """The gold table: UCDP row id -> whether the row's headlines name their source at all (plain rows only)."""
    text = resources.files("frontline.data").joinpath("gold/ucdp_headline_names_source.tsv").read_text(
        encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return {rec["id"]: rec["names_source"] == "yes" for rec in csv.DictReader(lines, delimiter="\t")}


def report_side(events: Sequence[Event]) -> str | None:
    """The side of the war a report's claimants speak for: the bloc most of its events' armed claimants stand on,
    or None when no event names a claimant with an armed side."""
    sides = Counter(bloc(e.claim.claimed_by.side) for e in events
                    if e.claim.claimed_by is not None and e.claim.claimed_by.side in ARMED_SIDES)
    return sides.most_common(1)[0][0] if sides else None


def report_voice(events: Sequence[Event]) -> str | None:
    """The side whose wording most of a report's events take (``Claim.voice``), or None when none takes one."""
    sides = Counter(e.claim.voice.side for e in events if e.claim.voice is not None)
    return sides.most_common(1)[0][0] if sides else None


def auc(scores: Sequence[float], right: Sequence[bool]) -> float | None:
    """The area under the ROC curve: the chance a right item scores above a wrong one (ties count half)."""
    pos = np.sort(np.array([s for s, r in zip(scores, right) if r], dtype=float))
    neg = np.sort(np.array([s for s, r in zip(scores, right) if not r], dtype=float))
    if not len(pos) or not len(neg):
        return None
    below = np.searchsorted(neg, pos, side="left")
    equal = np.searchsorted(neg, pos, side="right") - below
    return float((below + 0.5 * equal).sum() / (len(pos) * len(neg)))


def _placed(row_lat: float, row_lon: float, events: Sequence[Event]) -> list[tuple[float, bool]]:
    return [(e.confidence, km(row_lat, row_lon, e.location.lat, e.location.lon) <= PLACE_KM)
            for e in events if e.location is not None]


def count_measures(rows: Sequence[CodedReport], events: Sequence[Sequence[Event]],
                   copies: Sequence[bool] | None = None, sides: Mapping[str, str] | None = None,
                   named: Mapping[str, bool] | None = None) -> CountReport:
    """The counting yardsticks over UCDP reports.

    Args:
        rows: the UCDP rows (``UcdpRow``).
        events: the events extracted from each row, in the same order.
        copies: per row, whether it was marked a copy of a different report; None when not measured (or when a
            row failed, so the marks do not line up with the rows).
        sides: the gold source table (``source_sides()`` when not given).
        named: the gold table of rows whose headlines name their source (``headlines_naming_source()`` when not
            given).
    """
    sides = source_sides() if sides is None else sides
    named = headlines_naming_source() if named is None else named
    copies = copies if copies is not None and len(copies) == len(rows) else None
    killed = [sum(fatalities(e) for e in evs) for evs in events]
    bests = [r.best for r in rows]
    inflated = sum(k > INFLATION_FACTOR * b + INFLATION_SLACK for k, b in zip(killed, bests))
    plain = [(sides[_collapse(r.source)], evs) for r, evs in zip(rows, events)
             if _collapse(r.source) in sides]
    sourced = [(sides[_collapse(r.source)], evs) for r, evs in zip(rows, events)
               if _collapse(r.source) in sides and named.get(r.id, False)]
    voiced = [(side, evs) for side, evs in plain if report_side(evs) is None and report_voice(evs) is not None]
    placed = [pair for r, evs in zip(rows, events) if r.where_prec <= 2
              for pair in _placed(r.latitude, r.longitude, evs)]
    return CountReport(
        reports=len(rows), with_events=sum(bool(evs) for evs in events), events=sum(len(evs) for evs in events),
        killed=int(sum(killed)), best=int(sum(bests)), inflated=Share(inflated, len(rows)),
        claimant=Share(sum(report_side(evs) == side for side, evs in plain), len(plain)),
        copies=None if copies is None else Share(sum(copies), len(copies)),
        auc=auc([s for s, _ in placed], [r for _, r in placed]),
        placed_events=len(placed), placed_right=sum(r for _, r in placed),
        killed_told=int(sum(k for r, k in zip(rows, killed) if r.headline_killed is not None)),
        best_told=int(sum(r.best for r in rows if r.headline_killed is not None)),
        claimant_named=Share(sum(report_side(evs) == side for side, evs in plain),
                             sum(any(e.claim.claimed_by is not None for e in evs) for _, evs in plain)),
        claimant_sourced=Share(sum(report_side(evs) == side for side, evs in sourced), len(sourced)),
        side_or_voice=Share(sum((report_side(evs) or report_voice(evs)) == side for side, evs in plain), len(plain)),
        voice=Share(sum(report_voice(evs) == side for side, evs in voiced), len(voiced)))


def copies_of_other_reports(results: Sequence[ArticleResult], detector: CopyDetector | None = None,
                            articles: Sequence[frozenset[str]] | None = None) -> list[bool]:
    """Per result, in order, whether copy marking over the results as one stream (``mark_copies``) marks it a
    copy of a *different* report.

    ``articles``: per result, the source articles it tells (UCDP's ``source_article`` entries); a copy is of a
    different report when it tells an article its original does not. Without them (or when they do not line up
    with the results) a report is its text and publication date: an input repeating a report's text and date is
    the same report told twice, not a wrong mark."""
    marked = mark_copies(results, detector)
    return [m.article.duplicate_of is not None and not same for m, same in zip(marked, _same_reports(results,
                                                                                                   marked, articles))]


def copy_pairs(results: Sequence[ArticleResult], detector: CopyDetector | None = None) -> list[int | None]:
    """Per result, in order, the position of the result it is marked a copy of (its first input with the
    original's id), or None: for listing the pairs the copy yardstick flags."""
    marked = mark_copies(results, detector)
    first: dict[str, int] = {}
    for i, m in enumerate(marked):      # a copy names its original by the original's id in the marked output
        first.setdefault(m.article.article_id, i)
    return [None if m.article.duplicate_of is None else first.get(m.article.duplicate_of) for m in marked]


def _same_reports(results: Sequence[ArticleResult], marked: Sequence[ArticleResult],
                  articles: Sequence[frozenset[str]] | None) -> list[bool]:
    """Per result, whether it is the same report as the original it is marked a copy of (False when unmarked)."""
    def report(r: ArticleResult) -> tuple[str, object]:
        text = r.document.text if r.document is not None else ""
        return " ".join(text.lower().split()), r.article.published

    first: dict[str, int] = {}
    for i, m in enumerate(marked):
        first.setdefault(m.article.article_id, i)
    out = []
    for i, (r, m) in enumerate(zip(results, marked)):
        j = first.get(m.article.duplicate_of) if m.article.duplicate_of is not None else None
        if j is None:
            out.append(False)
        elif articles is not None and len(articles) == len(results) and articles[i]:
            out.append(articles[i] <= articles[j])
        else:
            out.append(report(results[j]) == report(r))
    return out


def format_counts(report: CountReport) -> str:
    """The counting yardsticks as plain text, one a line."""
    ratio = f"{report.killed / report.best:.2f}x" if report.best else "-"
    told = f"{report.killed_told / report.best_told:.2f}x" if report.best_told else "-"
    lines = [
        f"events per report        {report.per_report:.2f} ({report.events} events, {report.reports} reports); "
        f"{report.per_report_with_events:.2f} among the {report.with_events} reports with events",
        f"killed vs UCDP best      {report.killed} vs {report.best} ({ratio}); {report.killed_told} vs "
        f"{report.best_told} ({told}) over the reports whose headlines state a death count",
        f"grossly inflated         {report.inflated.share:.3f} ({report.inflated.hits}/{report.inflated.total}) "
        f"reports with killed > {INFLATION_FACTOR} x best + {INFLATION_SLACK}",
        f"claimant side agrees     {report.claimant.share:.3f} ({report.claimant.hits}/{report.claimant.total}) "
        f"reports whose source plainly speaks for one side; {report.claimant_named.share:.3f} "
        f"({report.claimant_named.hits}/{report.claimant_named.total}) of those where a claimant is named",
        f"  named in the headline  {report.claimant_sourced.share:.3f} ({report.claimant_sourced.hits}/"
        f"{report.claimant_sourced.total}) of the plain reports whose headlines name their source (claimed_by can "
        f"agree in at most {report.claimant_sourced.total / max(report.claimant.total, 1):.3f} of all plain ones)",
        f"side, claimant or voice  {report.side_or_voice.share:.3f} ({report.side_or_voice.hits}/"
        f"{report.side_or_voice.total}) reports whose source plainly speaks for one side: the claimant's side, or "
        f"else the side whose wording the headlines take; the voice alone agrees in {report.voice.share:.3f} "
        f"({report.voice.hits}/{report.voice.total})",
        "confidence AUC           " + (f"{report.auc:.3f}" if report.auc is not None else "-")
        + f" (right vs wrong places: {report.placed_right} of {report.placed_events} located events within "
          f"{PLACE_KM:g} km)",
    ]
    if report.copies is not None:
        lines.append(f"copies of another report {report.copies.share:.3f} "
                     f"({report.copies.hits}/{report.copies.total})")
    return "\n".join(lines)
