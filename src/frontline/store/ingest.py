"""Ingesting into a store: each new article written as it is extracted, marked when it copies a stored one,
committed in batches, then the derived tables of the places touched refreshed.

``ingest(store, raws, extract, detector)`` is the loop behind ``frontline.api.ingest`` and ``ingest_raw``; it
knows nothing of where extraction runs (``extract`` maps inputs to results in input order). An input already
stored (the same text and metadata, see ``input_key``) is skipped before any NLP, so an interrupted ingest run
again resumes where it stopped. A run cut short leaves the store marked (``Store.derived_stale``); the next
ingest then rebuilds all fused events and timelines, as ``frontline.store.refresh.repair`` does.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from frontline.batches import batched
from frontline.corpus import fuse as corpus_fuse
from frontline.corpus.copies import CopyDetector, result_fingerprint
from frontline.corpus.marking import as_copy, as_failed
from frontline.errors import StoreError
from frontline.models import Article, ArticleResult, RawArticle, stable_id
from frontline.store.base import Store, StoredInput
from frontline.store.refresh import rebuild_derived, refresh_places
from frontline.version import __version__

__all__ = ["COMMIT_ARTICLES", "COMMIT_SECONDS", "IngestReport", "check_copy", "committed", "ingest", "input_key",
           "stored_from_elsewhere", "unstored"]

# Articles written per transaction by ingest, and the longest a transaction stays open: one commit per article
# (three, with its fingerprint and input) was a tenth of the writing process's time; a batch open for seconds would
# keep other writers of the same file waiting that long, and lose that much work to an interruption.
COMMIT_ARTICLES: Final = 64
COMMIT_SECONDS: Final = 2.0


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
    copies: int = 0       # articles found to copy an earlier one (their events are not counted in ``events``)
    fused_events: int = 0  # fused events at the places this run touched
    timelines: int = 0    # settlement timelines recomputed
    repaired: bool = False  # an earlier run had left fused events and timelines stale: all were rebuilt
    repeats: int = 0      # inputs whose cleaned text is an article already stored or read earlier in this run
    #                       (kept once, as first seen; neither 'changed', 'unchanged' nor 'copies')


@dataclass(slots=True)
class _Tally:
    """The counts of a run as it goes (an ``IngestReport`` once the derived tables are refreshed)."""

    statuses: dict[str, int] = field(default_factory=lambda: {"ok": 0, "failed": 0, "skipped": 0})
    changed: int = 0
    unchanged: int = 0
    events: int = 0
    copies: int = 0
    repeats: int = 0
    touched: set[str] = field(default_factory=set)
    written: set[str] = field(default_factory=set)      # the articles this run wrote

    def stored(self, s: StoredInput) -> None:
        """Count an input skipped as already stored."""
        self.statuses[s.status] += 1
        self.unchanged += 1
        self.copies += s.copy
        self.events += 0 if s.copy else s.events

    def report(self, fused: int, timelines: int, repaired: bool) -> IngestReport:
        s = self.statuses
        return IngestReport(sum(s.values()), s["ok"], s["failed"], s["skipped"], self.changed, self.unchanged,
                            self.events, self.copies, fused, timelines, repaired, self.repeats)


def ingest(store: Store, raws: Iterable[RawArticle],
           extract: Callable[[Iterable[RawArticle]], Iterable[ArticleResult]],
           detector: CopyDetector) -> IngestReport:
    """Extract the inputs not yet stored (``extract``: results in input order), write each result, compared with
    every article stored before it and marked when it copies one; then refresh the places touched."""
    tally = _Tally()
    was_stale = store.derived_stale()
    # set before the first article is written, cleared only once the derived tables are refreshed
    store.mark_derived_stale()
    stored: list[StoredInput] = []      # what the inputs skipped as already stored gave
    keys: deque[str] = deque()          # the input keys of the inputs sent to extraction, in order
    for result in committed(store, extract(unstored(store, raws, stored, keys))):
        _write(store, detector, result, keys.popleft(), tally)     # one result per input, in input order
    for s in stored:
        tally.stored(s)
    if was_stale:
        fused, refreshed = rebuild_derived(store)
    else:
        fused, refreshed = refresh_places(store, tally.touched)
        store.clear_derived_stale()
    return tally.report(fused, refreshed, was_stale)


def _write(store: Store, detector: CopyDetector, result: ArticleResult, key: str, tally: _Tally) -> None:
    article_id = result.article.article_id
    if article_id in tally.written or stored_from_elsewhere(store, result.article):
        # another input whose text cleans to an article's exact text, stored before or earlier in this run: one
        # article, kept as first seen (its id is the hash of that text), counted as a repeat (not 'unchanged':
        # on a new store nothing is unchanged; not a copy: the store holds no second article for it)
        tally.statuses[result.article.status] += 1
        tally.repeats += 1
        return
    if result.article.status == "ok":
        tally.written.add(article_id)
    try:
        result = check_copy(store, detector, result)
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - one article's odd text fails that article, not the run
        result = as_failed(result, "copies", exc)
    tally.statuses[result.article.status] += 1
    if store.write(result).changed:
        tally.changed += 1
    else:
        tally.unchanged += 1
    if result.article.duplicate_of:
        tally.copies += 1
    else:
        tally.events += len(result.events)
    tally.touched.update(corpus_fuse.location_key(e.location) for e in result.events if e.location is not None)
    if result.article.status != "failed":
        store.add_input(key, result.article.article_id)


def committed(store: Store, results: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
    """``results``, the caller's writes for each one made in a store batch committed every ``COMMIT_ARTICLES``
    results or ``COMMIT_SECONDS`` seconds. When extraction stops with an error (an interrupt, a failed worker),
    the articles written so far are committed before it is raised, so a new run resumes after them; an error in
    the caller's writes rolls back the open batch."""
    it = iter(results)
    while True:
        deadline = time.monotonic() + COMMIT_SECONDS
        stopped: BaseException | None = None
        with store.batch("write a batch of articles"):
            for _ in range(COMMIT_ARTICLES):
                try:
                    result = next(it, None)
                except BaseException as exc:  # noqa: BLE001 - re-raised below, once the batch is committed
                    stopped = exc
                    break
                if result is None:
                    return
                yield result
                if time.monotonic() > deadline:
                    break
        if stopped is not None:
            raise stopped


def input_key(raw: RawArticle) -> str:
    """The id of an input: a hash of frontline's version, the input's text and every field extraction reads."""

    return stable_id("input", __version__, raw.path, raw.url, raw.input_id, raw.title, raw.source,
                     raw.published, raw.status, raw.text)


def unstored(store: Store, raws: Iterable[RawArticle], stored: list[StoredInput], keys: deque[str],
             chunk: int = 64) -> Iterator[RawArticle]:
    """The inputs not yet stored; appends what each stored one gave to ``stored`` and the others' keys to ``keys``."""
    for batch in _batches(raws, chunk):
        wanted = {input_key(r): r for r in batch if r.status == "ok"}
        known = store.stored_inputs(list(wanted))
        for raw in batch:
            key = input_key(raw)
            if key in known:
                stored.append(known[key])
                continue
            keys.append(key)
            yield raw


def _batches(raws: Iterable[RawArticle], count: int, chars: int = 1_000_000) -> Iterator[list[RawArticle]]:
    """Inputs in lists of at most ``count`` inputs and, unless one alone is longer, ``chars`` characters of text:
    memory follows the text held, not the number of inputs (60 one-megabyte JSONL lines are 60 MB at once)."""
    return batched(raws, count=count, size=chars, size_of=lambda raw: len(raw.text) + len(raw.html or ""))


def stored_from_elsewhere(store: Store, article: Article) -> bool:
    """The article's cleaned text is already stored, read from another file or URL."""
    if article.status != "ok":
        return False
    stored = store.article_meta([article.article_id]).get(article.article_id)
    return stored is not None and (stored.path, stored.url) != (article.path, article.url)


def check_copy(store: Store, detector: CopyDetector, result: ArticleResult) -> ArticleResult:
    """Compare a new article with the stored ones, keep its fingerprint, and mark it when it is a copy."""
    doc, fp = result.document, result_fingerprint(result)
    if doc is None or fp is None:        # a failed or skipped article
        return result
    known, match = store.copy_match(doc.article_id)
    if known:
        return as_copy(result, match)
    match, fp = detector.check(fp, store, doc.text)
    store.add_fingerprint(fp, match)
    return as_copy(result, match)
