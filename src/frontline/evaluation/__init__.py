"""Evaluation: predicted events against hand-made gold, and how they agree with UCDP headlines and ACLED notes.

Four harnesses, documented in ``docs/EVALUATION.md``:

- ``evaluate_gold(predicted, gold_path)`` scores events predicted for a few annotated articles against a JSONL
  gold file (one line per gold event), matching predicted to gold events one-to-one per article and reporting
  precision / recall / F1 at increasing strictness (type, type+place, type+place+date, full) plus the accuracy
  of single fields (quantities, claimed_by, sides, modality, contested) among the matched pairs.
- ``evaluate_ucdp(csv_path, extract, ...)`` runs an extractor on the headlines UCDP coded each event from and
  measures how often it finds an event, places it within 25 km, in the right oblast, on the right date and
  with a death count inside UCDP's low..high range.
- ``evaluate_acled(csv_path, extract, ...)`` runs an extractor on the notes of an ACLED export (one note an
  article) and measures how it counts them: events per note, tolls split off as events of their own, fatalities
  against ACLED's, ACLED's event type, place within 25 km, and notes marked copies of another.
- ``evaluate_captions(path, extract, ...)`` runs an extractor on a caption set (one caption or headline an
  article, each naming its settlement) and measures found / placed within 15 km / right oblast / right type.

Each returns a frozen report; ``format_report``, ``format_ucdp``, ``format_acled`` and ``format_captions`` turn them into readable
tables. The modules: ``gold`` (gold files), ``matching`` (place/date/count/party comparisons), ``scoring`` (gold
scores and reliability), ``ucdp``, ``acled``, ``captions`` and ``report`` (plain-text tables).
"""

from frontline.evaluation.acled import AcledMiss, AcledNote, AcledReport, evaluate_acled, read_acled
from frontline.evaluation.captions import (
    CAPTION_KM,
    CaptionItem,
    CaptionMiss,
    CaptionReport,
    CaptionScores,
    evaluate_captions,
    read_captions,
)
from frontline.evaluation.counts import CountReport, copies_of_other_reports, count_measures, format_counts
from frontline.evaluation.gold import GoldDate, GoldEvent, GoldParty, GoldPlace, GoldQuantity, load_gold
from frontline.evaluation.matching import (
    PLACE_KM,
    QUANTITY_TOLERANCE,
    REGION_KM,
    date_matches,
    normalise_admin1,
    party_names_match,
    place_matches,
    quantities_match,
)
from frontline.evaluation.report import (
    format_acled,
    format_acled_misses,
    format_caption_misses,
    format_captions,
    format_errors,
    format_report,
    format_ucdp,
    format_ucdp_misses,
)
from frontline.evaluation.scoring import (
    FIELD_LEVELS,
    FIELDS,
    LEVELS,
    NEWS_LEVEL,
    ArticleScores,
    Counts,
    EvalReport,
    FieldAccuracy,
    MatchedPair,
    ReliabilityBin,
    Share,
    evaluate_gold,
    reliability,
)
from frontline.evaluation.ucdp import UcdpMiss, UcdpReport, UcdpRow, evaluate_ucdp, headline_killed, read_ucdp

__all__ = [
    "PLACE_KM", "REGION_KM", "QUANTITY_TOLERANCE", "LEVELS", "FIELD_LEVELS", "FIELDS", "NEWS_LEVEL",
    "GoldPlace", "GoldDate", "GoldQuantity", "GoldParty", "GoldEvent", "load_gold",
    "Counts", "FieldAccuracy", "MatchedPair", "ArticleScores", "EvalReport", "evaluate_gold", "format_report",
    "format_errors",
    "ReliabilityBin", "reliability",
    "place_matches", "date_matches", "quantities_match", "party_names_match", "normalise_admin1",
    "UcdpRow", "read_ucdp", "Share", "UcdpReport", "UcdpMiss", "evaluate_ucdp", "format_ucdp",
    "format_ucdp_misses", "headline_killed",
    "CAPTION_KM", "CaptionItem", "read_captions", "CaptionMiss", "CaptionScores", "CaptionReport",
    "evaluate_captions", "format_captions", "format_caption_misses",
    "CountReport", "count_measures", "copies_of_other_reports", "format_counts",
    "AcledNote", "read_acled", "AcledReport", "AcledMiss", "evaluate_acled", "format_acled", "format_acled_misses",
]
