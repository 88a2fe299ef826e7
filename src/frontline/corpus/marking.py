"""Copy marking over a batch or a stream of results: each article that copies an earlier one is marked.

``mark_copies`` marks a batch (against an optional ``CopyIndex`` of earlier batches); ``mark_stream`` marks a
stream chunk by chunk, carrying the index over, so memory stays flat. Marking against a store while
ingesting is ``frontline.store.ingest.check_copy``; the comparison itself is ``frontline.corpus.copies``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain
from typing import Final

from frontline.batches import batched
from frontline.corpus.copies import (
    WINDOW,
    CopyDetector,
    CopyIndex,
    Match,
    exact_window,
    fingerprint,
    result_fingerprint,
)
from frontline.errors import StageError
from frontline.models import ArticleResult, stable_id

__all__ = ["COPY_CHUNK", "COPY_CHUNK_CHARS", "as_copy", "as_failed", "mark_copies", "mark_exact_copies", "mark_stream"]

logger = logging.getLogger(__name__)

# Results whose copies are looked for together: one embedding call per chunk, not per article. A chunk also
# stops at COPY_CHUNK_CHARS characters of text: a result holds its cleaned text and an offset map of about 36 bytes
# a character, so 64 one-megabyte articles held at once peaked at 2.7 GB; memory follows the chunk's text.
COPY_CHUNK: Final = 64
COPY_CHUNK_CHARS: Final = 1_000_000


def as_copy(result: ArticleResult, match: Match | None) -> ArticleResult:
    """``result`` marked as the copy ``match`` found (``duplicate_of``, score, method, the duplicate flag and its
    reason); unchanged when ``match`` is None."""
    if match is None:
        return result
    a = result.article
    flags = a.quality_flags if "duplicate" in a.quality_flags else (*a.quality_flags, "duplicate")
    why = f"copies article {match.original_id} ({match.method}, score {match.score:.2f})"
    reasons = (*(r for r in a.quality_reasons if r[0] != "duplicate"), ("duplicate", why))
    article = replace(a, duplicate_of=match.original_id, duplicate_score=match.score,
                      duplicate_method=match.method, quality_flags=flags, quality_reasons=reasons)
    return replace(result, article=article)


def as_failed(result: ArticleResult, stage: str, exc: Exception) -> ArticleResult:
    """``result`` as a failed article whose error names the stage that broke on it (no events, no document): a
    stage that handles many articles at once fails the one article, never the run."""
    a = result.article
    error = str(StageError(stage, a.path or a.url or a.article_id, f"{exc.__class__.__name__}: {exc}"))
    logger.warning("%s; the other articles go on", error)
    logger.debug("the traceback of that failure", exc_info=exc)
    return ArticleResult(replace(a, status="failed", error=error, duplicate_of=None, duplicate_score=None,
                                 duplicate_method=None))


def mark_stream(results: Iterable[ArticleResult], detector: CopyDetector) -> Iterator[ArticleResult]:
    """Results with their copies marked, chunk by chunk against everything before them (as ``mark_copies``)."""
    chunks = _chunks(results)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:      # one chunk: no index to carry over (and no model to load for a single article)
        yield from mark_copies(first, detector)
        return
    index = CopyIndex()
    for chunk in chain([first, second], chunks):
        yield from mark_copies(chunk, detector, index=index)


def _chunks(results: Iterable[ArticleResult]) -> Iterator[list[ArticleResult]]:
    """``results`` in lists of at most ``COPY_CHUNK`` results and, unless one alone is longer,
    ``COPY_CHUNK_CHARS`` characters of text."""
    return batched(results, count=COPY_CHUNK, size=COPY_CHUNK_CHARS,
                   size_of=lambda r: len(r.document.text) if r.document is not None else 0)


def mark_copies(results: Sequence[ArticleResult], detector: CopyDetector | None = None, *,
                index: CopyIndex | None = None) -> list[ArticleResult]:
    """Mark each article that copies an earlier one of ``results`` (``duplicate_of``, score, method, flag).

    The first seen of a story is its original. An exact copy (another input whose text cleans to the same
    text, so the same content id) is marked (minhash, score 1), gets an id of its own (from its path or URL)
    and no events: its events are the original's, and every id in the output stays unique. Facts (numbers,
    dates, places from the mentions) and publication dates veto a copy (see ``frontline.corpus.copies``); the
    embedding model loads only when a pair of articles needs vectors to be told apart. ``index`` holds the
    articles of earlier calls (a stream marked chunk by chunk) and receives these ones.
    """
    results = mark_exact_copies(results, index)
    out = list(results)
    texts = []
    for i, r in enumerate(results):
        if r.article.duplicate_of is not None or r.document is None:
            continue
        try:
            fp = result_fingerprint(r)
        except Exception as exc:  # noqa: BLE001 - one article's odd text fails that article, not the batch
            out[i] = as_failed(r, "copies", exc)
            continue
        if fp is not None:      # an ok article with a document always has one
            texts.append((i, r, fp, r.document.text))
    if len(texts) < 2 and index is None:
        return out
    detector = detector or CopyDetector()
    # exact copies are marked above, so every text left has an id of its own
    prints = detector.embed_where_needed([fp for _, _, fp, _ in texts], [text for _, _, _, text in texts])
    index = CopyIndex() if index is None else index
    for fp, (i, r, _, text) in zip(prints, texts):
        try:
            match, _ = detector.check(fp, index, text)
        except Exception as exc:  # noqa: BLE001 - as above
            out[i] = as_failed(r, "copies", exc)
            continue
        index.add(fp, match.original_id if match else None, text)
        out[i] = as_copy(r, match)
    return out


def mark_exact_copies(results: Sequence[ArticleResult], index: CopyIndex | None = None) -> list[ArticleResult]:
    """The results with every later input of an already seen cleaned text (here or in ``index``) marked its
    exact copy, when published within the copy window (``WINDOW``) of it. The same text published further apart
    is a report of its own (a templated daily bulletin): it gets an id of its own, from its text and date."""
    seen: dict[str, dt.date | None] = {}
    out = []
    for r in results:
        a = r.article
        earlier = _seen(a.article_id, seen, index) if a.status == "ok" else None
        if earlier is not None and _within_window(a.published, earlier[0], _window(r)):
            copy_id = stable_id("copy", a.article_id, a.path, a.url)
            r = replace(as_copy(r, Match(copy_id, a.article_id, "minhash", 1.0)), events=(),
                        document=replace(r.document, article_id=copy_id) if r.document else None)
            r = replace(r, article=replace(r.article, article_id=copy_id))
        elif earlier is not None:
            r = _own_report(r, stable_id("report", a.article_id, str(a.published)))
        seen.setdefault(a.article_id, a.published)
        out.append(r)
    return out


def _seen(article_id: str, seen: dict[str, dt.date | None],
          index: CopyIndex | None) -> tuple[dt.date | None] | None:
    """The publication date of the earlier input of this text, as a 1-tuple; None when there is none."""
    if article_id in seen:
        return (seen[article_id],)
    fp = index.fingerprint(article_id) if index is not None else None
    return (fp.published,) if fp is not None else None


def _window(result: ArticleResult) -> dt.timedelta:
    """How far apart this text may be published again and still be the same report (``exact_window``)."""
    text = result.document.text if result.document is not None else ""
    return exact_window(fingerprint("", text, published=result.article.published))


def _within_window(published: dt.date | None, earlier: dt.date | None, window: dt.timedelta = WINDOW) -> bool:
    return published is None or earlier is None or abs(published - earlier) <= window


def _own_report(result: ArticleResult, article_id: str) -> ArticleResult:
    """A result under an id of its own, its events re-keyed with it."""
    events = tuple(replace(e, article_id=article_id, event_id=stable_id(article_id, e.event_id))
                   for e in result.events)
    document = replace(result.document, article_id=article_id) if result.document else None
    return replace(result, article=replace(result.article, article_id=article_id), document=document, events=events)
