"""Readable summaries of a store for the terminal (the demo's output)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from frontline.store.backend import open_store
from frontline.store.base import Summary
from frontline.textguard import redact


def summary_tables(summary: Summary) -> list[Table]:
    """Three tables: events by type, by place (top 15) and by month (with a sparkline of its days)."""
    by_type = Table(title="Events by type")
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    for name, n in summary.by_type:
        by_type.add_row(name, str(n))

    by_place = Table(title="Events by place (top 15)")
    by_place.add_column("place")
    by_place.add_column("oblast / region")
    by_place.add_column("events", justify="right")
    for name, admin1, n in summary.by_place:
        by_place.add_row(name, admin1 or "", str(n))

    return [by_type, by_place, month_table(summary)]


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> str:
    """Counts as a line of block characters, the highest the tallest (a day without events a space)."""
    top = max(counts, default=0)
    return "".join(" " if not n else _BARS[min(len(_BARS) - 1, (n * len(_BARS) - 1) // top)] for n in counts)


def month_table(summary: Summary) -> Table:
    """Events by month, each with a sparkline of its days (rather than one line a day: years of war are
    a thousand lines), and the month's busiest day."""
    days: dict[str, dict[int, int]] = {}
    for day, n in summary.by_date:
        days.setdefault(day[:7], {})[int(day[8:10])] = n
    table = Table(title="Events by month (the sparkline: its days)")
    table.add_column("month")
    table.add_column("events", justify="right")
    table.add_column("days 1..31")
    table.add_column("busiest day")
    for month, n in summary.by_month:
        per_day = days.get(month, {})
        busiest = max(per_day.items(), key=lambda kv: (kv[1], -kv[0]), default=None)
        table.add_row(month, str(n), sparkline([per_day.get(d, 0) for d in range(1, 32)]),
                      f"{month}-{busiest[0]:02d} ({busiest[1]})" if busiest else "")
    return table


def failures_table(db: str | Path, limit: int = 20) -> Table | None:
    """The inputs that failed, with why (the first ``limit``); None when none failed."""
    from frontline.store.query import Catalog

    with Catalog.open(str(db)) as catalog:
        page = catalog.articles(status="failed", limit=limit)
    if not page.total:
        return None
    table = Table(title=f"Failed inputs ({page.total}; all at /api/articles?status=failed)")
    table.add_column("input")
    table.add_column("why")
    for r in page.items:
        a = r.article
        table.add_row(a.path or a.url or a.title or a.article_id, a.error or "")
    return table


def print_summary(db: str | Path, console: Console | None = None) -> Summary:
    """Print the summary tables of a database and return the summary."""
    console = console or Console()
    with open_store(db) as store:
        summary = store.summary()
        corpus = store.corpus_counts()
        stale = store.derived_stale()
    console.print(f"[bold]{redact(db)}[/bold]: {summary.articles} articles, {summary.events} events")
    if stale:
        console.print("[yellow]the fused events and control timelines are being rebuilt[/yellow] (an ingest is "
                      "running, or one was interrupted: the next ingest or 'frontline repair' rebuilds them); the "
                      "counts below may miss recent events")
    console.print(f"{corpus['copies']} copies of earlier articles ({corpus['copy_events']} events not counted "
                  f"again); {corpus['fused_events']} fused events, {corpus['contested']} contested; "
                  f"{corpus['timelines']} settlement timelines (frontline timeline PLACE)")
    for table in summary_tables(summary):
        console.print(table)
    failures = failures_table(db)
    if failures is not None:
        console.print(failures)
    return summary
