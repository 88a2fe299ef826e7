"""The Python API: what the CLI (and later the REST API and web page) call. No logic lives in the interfaces.

    >>> from frontline import extract
    >>> results = extract(["article.txt"], published=datetime.date(2022, 6, 25))
    >>> [e.event_type for r in results for e in r.events]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import export as export_mod
from .ingest import read_inputs
from .models import ArticleResult
from .pipeline import Pipeline, Progress
from .store import Store


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest run did."""

    articles: int
    ok: int
    failed: int
    skipped: int
    changed: int          # articles new or changed in the store
    unchanged: int        # articles already stored exactly so
    events: int


def extract(paths: Sequence[str | Path], published: dt.date | None = None, *, pipeline: Pipeline | None = None,
            progress: Progress | None = None) -> list[ArticleResult]:
    """Read inputs and extract their events.

    Args:
        paths: files, folders or JSONL files (see ``ingest.read_inputs``).
        published: publication date for articles that carry none.
        pipeline: a loaded pipeline to reuse; loaded here when not given.
        progress: called with each ArticleResult as it is done.

    Returns:
        One ArticleResult per input article, failed and skipped ones included.

    Raises:
        InputError: no paths were given. ResourceError: the language model or gazetteer is missing.
    """
    pipeline = pipeline or Pipeline.load()
    return list(pipeline.process_many(read_inputs(paths, published), progress=progress))


def ingest(paths: Sequence[str | Path], db: str | Path, published: dt.date | None = None, *,
           pipeline: Pipeline | None = None, progress: Progress | None = None) -> IngestReport:
    """Extract events from inputs and store articles, mentions and events in a SQLite database (idempotent)."""
    pipeline = pipeline or Pipeline.load()
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    changed = unchanged = events = 0
    with Store.open(db) as store:
        for result in pipeline.process_many(read_inputs(paths, published), progress=progress):
            counts[result.article.status] += 1
            if store.write(result).changed:
                changed += 1
            else:
                unchanged += 1
            events += len(result.events)
    return IngestReport(sum(counts.values()), counts["ok"], counts["failed"], counts["skipped"], changed,
                        unchanged, events)


def stored_results(db: str | Path) -> list[ArticleResult]:
    """Every article and event in a database, as ArticleResults."""
    with Store.open(db) as store:
        return list(store.results())


def write(results: Iterable[ArticleResult], fmt: str, out: TextIO) -> None:
    """Write results as json, jsonl, geojson or csv (ACLED-style) to a text stream."""
    export_mod.write(results, fmt, out)
