"""The Python API: what the CLI (and later the REST API and web page) call. No logic lives in the interfaces.

    >>> from frontline import extract
    >>> results = extract(["article.txt"], published=datetime.date(2022, 6, 25))
    >>> [e.event_type for r in results for e in r.events]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TextIO

from . import evaluate
from . import export as export_mod
from .feeds import DEFAULT_MAX_ENTRIES
from .fetch import Fetcher, FetchSettings
from .ingest import read_inputs
from .models import ArticleResult, RawArticle
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


def extract(paths: Sequence[str | Path], published: dt.date | None = None, *, feeds: Sequence[str] = (),
            fetcher: Fetcher | None = None, allow_private: bool = False, max_entries: int = DEFAULT_MAX_ENTRIES,
            pipeline: Pipeline | None = None, progress: Progress | None = None) -> list[ArticleResult]:
    """Read inputs and extract their events.

    Args:
        paths: files, folders, JSONL files or http(s) URLs of pages (see ``ingest.read_inputs``).
        published: publication date for articles that carry none.
        feeds: URLs of RSS or Atom feeds; each entry's link is read as a page.
        fetcher: the Fetcher for URLs and feeds, with its settings; one with default limits is built when
            needed and not given.
        allow_private: let the Fetcher built here fetch from private, loopback and link-local addresses
            (a given ``fetcher`` carries its own setting).
        max_entries: entries read from each feed at most.
        pipeline: a loaded pipeline to reuse; loaded here when not given.
        progress: called with each ArticleResult as it is done.

    Returns:
        One ArticleResult per input article, failed and skipped ones included (a URL or feed entry that
        cannot be fetched is a failed article whose error says why).

    Raises:
        InputError: no paths or feeds were given. ResourceError: the language model or gazetteer is missing.
    """
    raws = read_inputs(paths, published, feeds=feeds, fetcher=fetcher,      # checks the inputs before the model loads
                       fetch_settings=FetchSettings(allow_private=allow_private), max_entries=max_entries)
    pipeline = pipeline or Pipeline.load()
    return list(pipeline.process_many(raws, progress=progress))


def ingest(paths: Sequence[str | Path], db: str | Path, published: dt.date | None = None, *,
           feeds: Sequence[str] = (), fetcher: Fetcher | None = None, allow_private: bool = False,
           max_entries: int = DEFAULT_MAX_ENTRIES, pipeline: Pipeline | None = None,
           progress: Progress | None = None) -> IngestReport:
    """Extract events from inputs and store articles, mentions and events in a SQLite database (idempotent).

    Inputs and fetching options are those of ``extract``.
    """
    raws = read_inputs(paths, published, feeds=feeds, fetcher=fetcher,
                       fetch_settings=FetchSettings(allow_private=allow_private), max_entries=max_entries)
    pipeline = pipeline or Pipeline.load()
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    changed = unchanged = events = 0
    with Store.open(db) as store:
        for result in pipeline.process_many(raws, progress=progress):
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


def default_gold() -> Path:
    """The bundled gold annotations for the sample corpus."""
    return Path(str(resources.files("frontline") / "data" / "gold" / "seeds.jsonl"))


def sample_corpus() -> Path:
    """The folder of the bundled sample articles (the five seed articles and their manifest)."""
    return Path(str(resources.files("frontline") / "data" / "samples"))


def evaluate_gold(gold: str | Path | None = None, corpus: Sequence[str | Path] | None = None, *,
                  pipeline: Pipeline | None = None, progress: Progress | None = None) -> evaluate.EvalReport:
    """Extract the gold's corpus and score it against the gold (see docs/EVALUATION.md).

    Gold events name their article by file name; predictions are keyed the same way.
    """
    results = extract(list(corpus or [sample_corpus()]), pipeline=pipeline, progress=progress)
    predicted: dict[str, list] = {}
    for r in results:
        key = Path(r.article.path).name if r.article.path else (r.article.url or r.article.article_id)
        predicted.setdefault(key, []).extend(r.events)
    return evaluate.evaluate_gold(predicted, gold or default_gold())


def evaluate_ucdp(csv_path: str | Path, *, years: tuple[int, int] | None = None, limit: int | None = None,
                  pipeline: Pipeline | None = None,
                  progress: Callable[[int, int], None] | None = None) -> evaluate.UcdpReport:
    """Run extraction on each UCDP row's headlines (one short article a row) and score place, oblast, date, deaths."""
    pipeline = pipeline or Pipeline.load()

    def run(text: str, published: dt.date | None) -> list:
        return list(pipeline.process(RawArticle(text=text, published=published, source="UCDP headlines")).events)

    return evaluate.evaluate_ucdp(csv_path, run, years=years, limit=limit, progress=progress)
