"""What every store is: the ``Store`` protocol both back ends satisfy, its records, and the lifecycle they share.

``frontline.store.sqlite.SqliteStore`` (a SQLite file) and ``frontline.store.postgres.PgStore`` (a PostgreSQL
database) have the same methods; ``frontline.store.backend.open_store`` returns either as a ``Store``. Code that
writes or reads a store (``frontline.store.ingest``, ``frontline.store.refresh``, the Python API) is typed
against the protocol, never a back end. ``Lifecycle`` is the open / ``with`` / close every store and the
``Catalog`` share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Final, Protocol, Self, runtime_checkable

import numpy as np

from frontline.corpus.copies import Fingerprint, Match
from frontline.models import Article, ArticleResult, Event, FusedEvent, Timeline

__all__ = ["Lifecycle", "Store", "StoredInput", "Summary", "TOP_PLACES", "WriteOutcome", "WritingStore"]

TOP_PLACES: Final = 15


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """What a write did, counted in records (the article row, its mention rows and its event rows)."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def __add__(self, other: WriteOutcome) -> WriteOutcome:
        return WriteOutcome(self.inserted + other.inserted, self.updated + other.updated,
                            self.unchanged + other.unchanged, self.deleted + other.deleted)

    @property
    def changed(self) -> bool:
        """True when the write inserted, updated or deleted anything."""
        return bool(self.inserted or self.updated or self.deleted)


@dataclass(frozen=True, slots=True)
class StoredInput:
    """What an input already ingested gave: its article, that article's status, whether it is a copy, its events."""

    article_id: str
    status: str
    copy: bool
    events: int


@dataclass(frozen=True, slots=True)
class Summary:
    """Event counts for a dashboard: by type, by place (top 15), by month and by day (ISO strings)."""

    articles: int
    events: int
    by_type: tuple[tuple[str, int], ...]
    by_place: tuple[tuple[str, str | None, int], ...]    # (name, admin1, events), most events first
    by_month: tuple[tuple[str, int], ...]                 # ('2022-06', events), oldest first
    by_date: tuple[tuple[str, int], ...]                  # ('2022-06-22', events), oldest first; dated events only


class Lifecycle:
    """Open, ``with`` and close, written once: a subclass releases its connections in ``_release``.

        with SqliteStore.open("frontline.db") as store: ...
    """

    @classmethod
    def open(cls, *args: Any, **kwargs: Any) -> Self:
        """Open the store (or catalog); same as calling the class."""
        return cls(*args, **kwargs)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the connections; closing twice is harmless."""
        self._release()

    def _release(self) -> None:
        raise NotImplementedError


class WritingStore(Lifecycle):
    """What both back ends share beyond the lifecycle: writing many results as a run of single writes."""

    def write(self, result: ArticleResult) -> WriteOutcome:
        raise NotImplementedError

    def write_many(self, results: Iterable[ArticleResult], *,
                   progress: Callable[[ArticleResult, WriteOutcome], None] | None = None) -> WriteOutcome:
        """Write each result in its own transaction; ``progress`` is called after each one. Returns the totals."""
        total = WriteOutcome()
        for result in results:
            outcome = self.write(result)
            total += outcome
            if progress is not None:
                progress(result, outcome)
        return total


@runtime_checkable
class Store(Protocol):
    """A frontline store: articles with their mentions and events, fingerprints, fused events and timelines.

    Writes are idempotent (ids are content hashes); every error is a ``StoreError`` naming the database and
    what to do. ``tests/store/test_store_protocol.py`` checks at run time that both back ends have every method.
    """

    path: str

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def close(self) -> None: ...

    def batch(self, action: str = "write a batch of articles") -> AbstractContextManager[None]: ...

    def write(self, result: ArticleResult) -> WriteOutcome: ...

    def write_many(self, results: Iterable[ArticleResult], *,
                   progress: Callable[[ArticleResult, WriteOutcome], None] | None = None) -> WriteOutcome: ...

    def results(self, *, documents: bool = True, mentions: bool = True) -> Iterator[ArticleResult]: ...

    def article(self, article_id: str) -> ArticleResult | None: ...

    def events(self, event_type: str | None = None, place: str | None = None, since: dt.date | None = None,
               until: dt.date | None = None) -> list[Event]: ...

    def counts(self) -> dict[str, int]: ...

    def corpus_counts(self) -> dict[str, int]: ...

    def summary(self) -> Summary: ...

    def add_fingerprint(self, fp: Fingerprint, match: Match | None = None) -> None: ...

    def fingerprint(self, article_id: str) -> Fingerprint | None: ...

    def copy_match(self, article_id: str) -> tuple[bool, Match | None]: ...

    def original_of(self, article_id: str) -> str | None: ...

    def candidates(self, keys: Sequence[int]) -> list[str]: ...

    def text_of(self, article_id: str) -> str | None: ...

    def set_vector(self, article_id: str, vector: np.ndarray) -> None: ...

    def replace_fused(self, location_keys: Iterable[str], fused: Iterable[FusedEvent]) -> None: ...

    def fused_events(self, location_keys: Iterable[str] | None = None) -> list[FusedEvent]: ...

    def events_at(self, location_keys: Iterable[str]) -> list[Event]: ...

    def event_counts(self, location_keys: Iterable[str] | None = None) -> dict[str, int]: ...

    def fused_location_keys(self) -> set[str]: ...

    def article_meta(self, article_ids: Iterable[str]) -> dict[str, Article]: ...

    def stored_inputs(self, input_keys: Sequence[str]) -> dict[str, StoredInput]: ...

    def add_input(self, input_key: str, article_id: str) -> None: ...

    def put_timeline(self, timeline: Timeline) -> None: ...

    def mark_derived_stale(self) -> None: ...

    def clear_derived_stale(self) -> None: ...

    def derived_stale(self) -> bool: ...

    def timeline(self, place: str) -> Timeline | None: ...
