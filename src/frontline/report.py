"""Readable summaries of a store for the terminal (the demo's output)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from frontline.store.backend import open_store
from frontline.store.base import Summary
from frontline.textguard import redact


def summary_tables(summary: Summary) -> list[Table]:
    """Three tables: events by type, by place (top 15) and by date."""
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

    by_date = Table(title="Events by date")
    by_date.add_column("date")
    by_date.add_column("events", justify="right")
    for day, n in summary.by_date:
        by_date.add_row(day, str(n))
    return [by_type, by_place, by_date]


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
    return summary
