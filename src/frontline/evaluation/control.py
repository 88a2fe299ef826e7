"""Control timelines against the public record: who held a settlement on days when the record is not in doubt.

The gold (``src/frontline/data/control/gold_settlement_days.csv``, see its header) lists settlement-days with
their holder and a ``split`` (``tune`` or ``holdout``). ``evaluate_control`` reads a store's timelines and puts
every day in one of five outcomes:

``agree``       the timeline names the holder of the record (confirmed, or claimed by a party: see ``claimed``)
``wrong``       it names the other side
``contested``   it says the place was fought over that day
``none``        it has no state that day ('unknown', an expired state, or no timeline at all)

The headline figures of issue 24: the share of days with a state (agree + wrong + contested) and, among those,
the share that agree. ``rear_faults`` checks the whole timelines of settlements far behind the front line: any
state there other than their holder's (contested, the other side, a claim of the other side) is a fault.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from frontline.corpus.control import state_on
from frontline.errors import InputError
from frontline.models import ControlState, Timeline

__all__ = ["GOLD_CONTROL", "REAR", "ControlDay", "ControlReport", "GoldDay", "RearFault", "evaluate_control",
           "format_control", "read_control_gold", "rear_faults"]

GOLD_CONTROL: Final = Path(__file__).resolve().parent.parent / "data" / "control" / "gold_settlement_days.csv"
Outcome = Literal["agree", "wrong", "contested", "none"]
OUTCOMES: Final[tuple[Outcome, ...]] = ("agree", "wrong", "contested", "none")
# Settlements far behind the front line (issue 24's done-when), with the day from which that is so and their
# holder: the check of whole timelines, not a rule of the model.
REAR: Final[tuple[tuple[str, dt.date, str], ...]] = (
    ("Kyiv", dt.date(2014, 1, 1), "UA"), ("Lviv", dt.date(2014, 1, 1), "UA"), ("Odesa", dt.date(2014, 1, 1), "UA"),
    ("Dnipro", dt.date(2014, 1, 1), "UA"), ("Kharkiv", dt.date(2022, 6, 1), "UA"))


@dataclass(frozen=True, slots=True)
class GoldDay:
    """One settlement-day of the public record."""

    settlement: str
    geonames_id: int | None
    date: dt.date
    holder: str
    split: str
    source: str


@dataclass(frozen=True, slots=True)
class ControlDay:
    """A gold day and what the store's timeline says of it."""

    gold: GoldDay
    outcome: Outcome
    status: str | None        # the stored status that day, None without one
    claimed: bool = False     # the agreeing or wrong state is a claim of one party (claimed_RU, claimed_UA)


@dataclass(frozen=True, slots=True)
class RearFault:
    """A state of a settlement far behind the front that is not its holder's."""

    settlement: str
    start: dt.date
    status: str


@dataclass(frozen=True, slots=True)
class ControlReport:
    days: tuple[ControlDay, ...]
    rear: tuple[RearFault, ...] = field(default=())

    def counts(self, split: str | None = None) -> Counter[str]:
        """Days by outcome, over one split or all."""
        return Counter(d.outcome for d in self.days if split is None or d.gold.split == split)


def read_control_gold(path: str | Path | None = None) -> list[GoldDay]:
    """The gold settlement-days of a CSV (lines starting with '#' are its header notes).

    Raises:
        InputError: the file lacks a column or has a bad date or holder.
    """
    path = Path(path) if path is not None else GOLD_CONTROL
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    out = []
    for n, row in enumerate(rows, 1):
        try:
            holder = row["holder"].strip()
            if holder not in ("RU", "UA"):
                raise ValueError(f"holder {holder!r} is not RU or UA")
            gid = row.get("geonames_id", "").strip()
            out.append(GoldDay(row["settlement"].strip(), int(gid) if gid else None,
                               dt.date.fromisoformat(row["date"].strip()), holder,
                               (row.get("split") or "").strip() or "all", (row.get("source") or "").strip()))
        except (KeyError, ValueError) as exc:
            raise InputError(f"{path}: gold row {n} cannot be read ({exc}); the columns are settlement, "
                             "geonames_id, date (YYYY-MM-DD), holder (RU or UA), split, source") from None
    return out


def _outcome(gold: GoldDay, state: ControlState | None) -> ControlDay:
    status = state.status if state is not None else None
    if status is None or status == "unknown":
        return ControlDay(gold, "none", status)
    if status == "contested":
        return ControlDay(gold, "contested", status)
    side = status.removeprefix("claimed_")
    return ControlDay(gold, "agree" if side == gold.holder else "wrong", status, status != side)


def rear_faults(timelines: Mapping[str, Timeline]) -> list[RearFault]:
    """Every state of a settlement far behind the front (``REAR``) that is not its holder's, from its day on."""
    out = []
    for name, since, holder in REAR:
        t = timelines.get(name.casefold())
        states = t.states if t is not None else ()
        for i, s in enumerate(states):
            until = states[i + 1].start if i + 1 < len(states) else None
            if until is not None and until <= since:
                continue
            if s.status not in (holder, "unknown"):
                out.append(RearFault(name, s.start, s.status))
    return out


def evaluate_control(timelines: Iterable[Timeline], gold: Sequence[GoldDay] | None = None) -> ControlReport:
    """Score stored timelines against the gold settlement-days (default: the bundled gold)."""
    by_name = {t.place.casefold(): t for t in timelines}
    days = gold if gold is not None else read_control_gold()
    scored = []
    for g in days:
        t = by_name.get(g.settlement.casefold())
        scored.append(_outcome(g, state_on(t, g.date) if t is not None else None))
    return ControlReport(tuple(scored), tuple(rear_faults(by_name)))


def _row(label: str, c: Counter[str]) -> str:
    total = sum(c.values())
    stated = c["agree"] + c["wrong"] + c["contested"]
    agree = f"{c['agree'] / stated:.3f}" if stated else "-"
    share = f"{stated / total:.3f}" if total else "-"
    return (f"{label:<9}{total:>6}{c['agree']:>7}{c['wrong']:>7}{c['contested']:>11}{c['none']:>10}"
            f"{share:>13}{agree:>16}")


def format_control(report: ControlReport, *, errors: bool = False, split: str | None = None) -> str:
    """The outcome table per split, the claims among the agreeing days, the rear faults; with ``errors``, every
    day that does not agree (of ``split`` only, when given)."""
    lines = [f"{'split':<9}{'days':>6}{'agree':>7}{'wrong':>7}{'contested':>11}{'no state':>10}"
             f"{'with state':>13}{'agree/stated':>16}"]
    splits = sorted({d.gold.split for d in report.days})
    lines += [_row(s, report.counts(s)) for s in splits]
    lines.append(_row("all", report.counts()))
    claimed = sum(1 for d in report.days if d.outcome == "agree" and d.claimed)
    lines.append(f"agreeing days resting on one party's claim: {claimed}")
    lines.append(f"rear settlements with a state not their holder's: {len(report.rear)}")
    lines += [f"  {f.settlement} from {f.start.isoformat()}: {f.status}" for f in report.rear]
    if errors:
        lines.append("days that do not agree:")
        lines += [f"  [{d.gold.split}] {d.gold.settlement} {d.gold.date.isoformat()} record {d.gold.holder}: "
                  f"{d.outcome} ({d.status or 'no state that day'})"
                  for d in report.days if d.outcome != "agree" and (split is None or d.gold.split == split)]
    return "\n".join(lines)
