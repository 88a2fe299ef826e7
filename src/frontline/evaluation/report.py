"""Reports as plain text: the tables of the gold, UCDP, ACLED and caption scores, and the disagreements behind them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from frontline.evaluation.acled import AcledReport
from frontline.evaluation.captions import CAPTION_FAILURES, CAPTION_KM, CAPTION_MEASURES, CaptionReport, CaptionScores
from frontline.evaluation.counts import format_counts
from frontline.evaluation.gold import GoldEvent
from frontline.evaluation.matching import PLACE_KM
from frontline.evaluation.scoring import LEVELS, EvalReport, Share, reliability
from frontline.evaluation.ucdp import UcdpReport
from frontline.models import Event

__all__ = ["format_report", "format_errors", "format_ucdp", "format_ucdp_misses", "format_acled",
           "format_acled_misses", "format_captions", "format_caption_misses"]


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], left: tuple[int, ...] = (0,)) -> str:
    """Columns padded to width: those in ``left`` flush left (labels), the others flush right (numbers)."""
    rows = [list(header)] + [list(r) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]

    def fmt(row: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    return "\n".join([fmt(rows[0]), "  ".join("-" * w for w in widths)] + [fmt(r) for r in rows[1:]])


def format_report(report: EvalReport) -> str:
    """A plain-text table of an EvalReport: levels, fields, one line per article, then the reliability bins."""
    levels = _table(("level", "tp", "pred", "gold", "P", "R", "F1"),
                    ((name, str(c.tp), str(c.predicted), str(c.gold), f"{c.precision:.3f}", f"{c.recall:.3f}",
                      f"{c.f1:.3f}") for name, c in report.levels.items()))
    fields = _table(("field (matched pairs)", "correct", "of", "accuracy"),
                    ((name, str(a.correct), str(a.total), f"{a.accuracy:.3f}") for name, a in report.fields.items()))
    per_article = _table(
        ("article", "gold", "pred", "F1 type", "F1 +place", "F1 +date", "F1 full"),
        ((s.article, str(s.levels["type"].gold), str(s.levels["type"].predicted),
          *(f"{s.levels[name].f1:.3f}" for name in LEVELS)) for s in report.articles))
    calibration = _table(("confidence", "events", "mean conf", "right", "share right"),
                         ((f"{b.low:.1f}-{b.high:.1f}", str(b.events), f"{b.mean_confidence:.3f}", str(b.right),
                           f"{b.share_right:.3f}") for b in reliability(report)))
    return f"{levels}\n\n{fields}\n\n{per_article}\n\n{calibration}"


def _describe_gold(g: GoldEvent) -> str:
    place = g.place.name if g.place else "-"
    claimant = f"{g.claimed_by.name} ({g.claimed_by.side})" if g.claimed_by else "-"
    counts = ", ".join(f"{q.value:g} {q.unit} {q.role or ''}".rstrip() for q in g.quantities) or "-"
    return (f"{g.event_type} at {place}, {g.date.start or '?'}..{g.date.end or ''} {g.date.precision}; "
            f"{g.initiator_side or '-'} -> {g.target_side or '-'}; counts {counts}; by {claimant}, {g.modality}"
            f"\n      \"{g.evidence}\" (gold line {g.line})")


def _describe_event(e: Event) -> str:
    place = e.location.name if e.location else "-"
    party = e.claim.claimed_by
    claimant = f"{party.name} ({party.side})" if party else "-"
    counts = ", ".join(f"{q.value:g} {q.unit} {q.role or ''}".rstrip() for q in e.quantities) or "-"
    sides = " -> ".join(f"{p.name} ({p.side})" if p else "-" for p in (e.initiator, e.target))
    return (f"{e.event_type} at {place}, {e.date.start or '?'}..{e.date.end or ''} {e.date.precision}; {sides}; "
            f"counts {counts}; by {claimant}, {e.claim.modality}\n      \"{' '.join(e.evidence.sentence.split())}\"")


def format_errors(report: EvalReport) -> str:
    """Every disagreement with the gold, per article: missed gold events, spurious predictions, and matched
    pairs with the checks that failed, so a person can read why a score is what it is."""
    out = []
    for article in report.articles:
        lines = []
        for pair in article.pairs:
            wrong = [name for name, ok in pair.checks.items() if not ok]
            if wrong:
                lines += [f"  wrong {', '.join(wrong)}", f"    gold  {_describe_gold(pair.gold)}",
                          f"    pred  {_describe_event(pair.predicted)}"]
        lines += [f"  missed  {_describe_gold(g)}" for g in article.missed]
        lines += [f"  spurious  {_describe_event(e)}" for e in article.spurious]
        if lines:
            out.append(f"{article.article}\n" + "\n".join(lines))
    return "\n\n".join(out) if out else "no disagreement with the gold"


def format_ucdp(report: UcdpReport) -> str:
    """A plain-text table of a UcdpReport: each measure as a share with its counts."""
    what = {
        "found": "rows with at least one event",
        "placed": f"nearest event within {PLACE_KM:g} km (where_prec 1-2)",
        "oblast": "an event in UCDP's oblast (where_prec <= 4)",
        "dated": "an event dated in date_start..date_end +-1 day",
        "killed": "a killed count within low..high (headline gives one)",
    }
    table = _table(("measure", "share", "hits", "of", "what"),
                   ((name, f"{getattr(report, name).share:.3f}", str(getattr(report, name).hits),
                     str(getattr(report, name).total), text) for name, text in what.items()), left=(0, 4))
    ceiling = report.killed_ceiling
    table += (f"\n(killed: the largest death count the headlines state is within low..high in {ceiling.hits} of "
              f"{ceiling.total} rows, {ceiling.share:.3f}; where headlines give several counts, a smaller one may be "
              f"UCDP's)")
    if report.names_only:
        readable = report.rows - report.names_only
        table += (f"\n({report.names_only} of {report.rows} rows, {report.names_only / report.rows:.3f}, have only "
                  f"names or account handles as headlines ('Debaltseve', 'Rob Lee @RALee85'): no event can be read "
                  f"there; found is at most {readable / report.rows:.3f})")
    scope = [f"split {report.split}", f"{report.rows} rows"]
    if report.years:
        scope.append(f"years {report.years[0]}-{report.years[1]}")
    if report.limit is not None and report.limit <= report.rows:
        scope.append(f"sample limit {report.limit}")
    if report.failed:
        scope.append(f"{report.failed} extraction failures")
    counts = f"\n\ncounting\n{format_counts(report.counts)}" if report.counts is not None else ""
    return "UCDP " + ", ".join(scope) + "\n" + table + counts


def format_ucdp_misses(report: UcdpReport) -> str:
    """Each UCDP row that failed a measure: UCDP's own coding, the headlines, and the events extracted."""
    out = []
    for miss in report.misses:
        row = miss.row
        head = (f"row {row.id} ({', '.join(miss.failed)} failed): UCDP {row.where_description or '?'}, "
                f"{row.adm_1 or '?'}, {row.date_start}..{row.date_end}, killed {row.low}..{row.high}; "
                f"published {row.published}")
        text = "\n".join(f"    | {line}" for line in row.text.split("\n"))
        events = "\n".join(f"    - {_describe_event(e)}" for e in miss.events) or "    - no event"
        out.append(f"{head}\n{text}\n{events}")
    return "\n\n".join(out) if out else "every row passed every measure that applies to it"


def format_acled(report: AcledReport) -> str:
    """A plain-text table of an AcledReport: each counting measure with its counts."""
    def share(s: Share) -> str:
        return f"{s.share:.3f}"

    ratio = f"{report.fatality_ratio:.2f}x" if report.fatality_ratio is not None else "-"
    rows = [
        ("events per note", f"{report.per_note_with_events:.2f}", str(report.events), str(report.with_events),
         "events among the notes with any (ACLED codes one a note)"),
        ("toll split off", share(report.split_off), str(report.split_off.hits), str(report.split_off.total),
         "notes with a toll told as its own event beside its attack"),
        ("fatalities equal", share(report.fatalities_equal), str(report.fatalities_equal.hits),
         str(report.fatalities_equal.total), "notes whose CSV fatalities equal ACLED's"),
        ("fatalities sum", ratio, str(report.fatalities), str(report.acled_fatalities),
         "CSV fatalities summed, against ACLED's"),
        ("typed", share(report.typed), str(report.typed.hits), str(report.typed.total),
         "an event of ACLED's event_type"),
        ("sub-typed", share(report.sub_typed), str(report.sub_typed.hits), str(report.sub_typed.total),
         "an event of ACLED's event_type and sub_event_type"),
        ("placed", share(report.placed), str(report.placed.hits), str(report.placed.total),
         f"nearest event within {PLACE_KM:g} km (geo_precision 1-2)"),
        ("copies", share(report.copies), str(report.copies.hits), str(report.copies.total),
         "notes marked a copy of a different note"),
    ]
    head = f"ACLED notes, {report.notes} notes, {report.with_events} with events"
    if report.failed:
        head += f", {report.failed} extraction failures"
    return head + "\n" + _table(("measure", "value", "hits", "of", "what"), rows, left=(0, 4))


def format_acled_misses(report: AcledReport) -> str:
    """Each ACLED note that failed a measure: ACLED's coding, the note, and the rows frontline wrote for it."""
    out = []
    for miss in report.misses:
        note = miss.note
        head = (f"note {note.id} ({', '.join(miss.failed)} failed): ACLED {note.event_type or '?'} / "
                f"{note.sub_event_type or '?'} at {note.location or '?'}, {note.admin1 or '?'}; {note.published}; "
                f"fatalities {note.fatalities}")
        rows = "\n".join(f"    = {r['event_type']} / {r['sub_event_type']}, fatalities {r['fatalities']}"
                         for r in miss.rows) or "    = no row"
        events = "\n".join(f"    - {_describe_event(e)}" for e in miss.events) or "    - no event"
        out.append(f"{head}\n    | {note.text}\n{rows}\n{events}")
    return "\n\n".join(out) if out else "every note passed every measure that applies to it"


def format_captions(report: CaptionReport) -> str:
    """A plain-text table of a CaptionReport: each measure per group (source/split) and overall."""
    def cell(share: Share) -> str:
        return f"{share.share:.3f} ({share.hits}/{share.total})" if share.total else "-"

    def cells(scores: CaptionScores) -> list[str]:
        return [str(scores.rows)] + [cell(getattr(scores, m)) for m in CAPTION_MEASURES] + \
            [str(n) for n in scores.failures]

    rows = [[key, *cells(scores)] for key, scores in report.groups] + [["all", *cells(report.overall)]]
    table = _table(("items", "n", "found", f"placed <={CAPTION_KM:g} km", "oblast", "typed", *CAPTION_FAILURES),
                   rows)
    note = ("found: at least one event; placed: an event within "
            f"{CAPTION_KM:g} km of the named settlement; oblast: an event in its oblast; typed: an event of the "
            "gold type or an accepted alternative (hand-written captions only); not placed, because of: no event, "
            "events with no place, only an oblast, region or 'near' place (coarse), another settlement (namesake)")
    head = "captions" + (f", split {report.split}" if report.split else "")
    if report.failed:
        head += f", {report.failed} extraction failures"
    return f"{head}\n{table}\n({note})"


def format_caption_misses(report: CaptionReport) -> str:
    """Each caption that failed a measure: the gold place and type, the text, and the events extracted."""
    out = []
    for miss in report.misses:
        item = miss.item
        head = (f"{item.id} [{item.split}] ({', '.join(miss.failed)} failed"
                + (f"; {miss.why}" if miss.why else "") + f"): gold {item.place.name}, "
                f"{item.place.admin1 or '?'}" + (f", {item.event_type}" if item.event_type else ""))
        events = "\n".join(f"    - {_describe_event(e)}" for e in miss.events) or "    - no event"
        out.append(f"{head}\n    | {item.text}\n{events}")
    return "\n\n".join(out) if out else "every caption passed every measure that applies to it"
