"""The pipeline: one RawArticle in, one ArticleResult out, every stage named.

    clean -> nlp -> mentions (places, dates, actors, quantities) -> events -> claims -> fuse

A stage that raises on an article turns that article's status to 'failed' with the stage named in its error;
the other articles go on. Models and the gazetteer are loaded once per Pipeline and passed in, never global.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from frontline import clean as clean_stage
from frontline.clean import quality as quality_stage
from frontline.errors import FrontlineError, StageError
from frontline.events import background as background_stage
from frontline.events import build as events_stage
from frontline.events import claims as claims_stage
from frontline.events import confidence as confidence_stage
from frontline.events import fuse as fuse_stage
from frontline.events import tolls as tolls_stage
from frontline.mentions import actors as actors_stage
from frontline.mentions import dates as dates_stage
from frontline.mentions import places as places_stage
from frontline.mentions import quantities as quantities_stage
from frontline.models import Article, ArticleResult, Document, Mentions, RawArticle, stable_id
from frontline.nlp.embed import Embedder
from frontline.nlp.model import Resources
from frontline.triggers.similarity import SentenceTyper

log = logging.getLogger(__name__)

Progress = Callable[[ArticleResult], None]


def failed_article(raw: RawArticle, status: str | None = None, error: str | None = None) -> Article:
    """The record of an input that produced no document: keyed by where it came from."""
    key = raw.path or raw.url or raw.input_id or raw.text[:200]
    return Article(
        article_id=stable_id("input", key), status=status or raw.status, published=raw.published,  # type: ignore[arg-type]
        path=raw.path, url=raw.url, title=raw.title, source=raw.source, error=error or raw.error)


@dataclass
class Pipeline:
    """Runs the stages on articles. Build it once (``Pipeline.load()``) and reuse it: loading costs seconds."""

    resources: Resources
    batch_size: int = 16
    # types sentences no trigger word names by their meaning; None switches that recall off
    typer: SentenceTyper | None = field(default_factory=lambda: SentenceTyper(Embedder()))
    # maps the extractor's raw scores to calibrated probabilities; None keeps the raw scores
    calibrator: confidence_stage.Calibrator | None = field(default_factory=confidence_stage.Calibrator.load)
    _persons: actors_stage.PersonIndex = field(default_factory=actors_stage.PersonIndex.build, init=False)

    @classmethod
    def load(cls) -> "Pipeline":
        """Load the language model and the gazetteer. Raises ResourceError when one is missing."""
        return cls(Resources.load())

    def process(self, raw: RawArticle) -> ArticleResult:
        """Run every stage on one article."""
        return next(iter(self.process_many([raw])))

    def process_many(self, raws: Iterable[RawArticle], progress: Progress | None = None) -> Iterator[ArticleResult]:
        """Run every stage on many articles, parsing them in batches; yields results in input order."""
        pending: list[tuple[RawArticle, Document | ArticleResult]] = []    # cleaned, or already finished
        for raw in raws:
            pending.append((raw, self._clean(raw)))
            if sum(isinstance(item, Document) for _, item in pending) >= self.batch_size:
                yield from self._flush(pending, progress)
                pending = []
        yield from self._flush(pending, progress)

    def _clean(self, raw: RawArticle) -> Document | ArticleResult:
        """The cleaned document, or the finished result of an input that cannot go further."""
        if raw.status != "ok":
            return ArticleResult(failed_article(raw))
        try:
            document = clean_stage.clean(raw)
        except FrontlineError as exc:
            return ArticleResult(failed_article(raw, "failed", f"cleaning failed: {exc}"))
        except Exception as exc:  # a bug in a stage must not lose the other articles
            log.exception("clean failed on %s", raw.path or raw.url)
            return ArticleResult(failed_article(raw, "failed", str(StageError("clean", raw.path or "", exc))))
        if not document.text.strip():
            return ArticleResult(failed_article(raw, "skipped", "no article text left after cleaning"))
        if len(document.text) > self.resources.nlp.max_length:
            # spaCy refuses longer texts (its parser needs about 1 GB of memory per 100,000 words)
            return ArticleResult(failed_article(
                raw, "skipped", f"too long for one article ({len(document.text):,} characters, the limit is "
                                f"{self.resources.nlp.max_length:,}): split it into articles, e.g. one JSONL line each"))
        return document

    def _flush(self, pending: list[tuple[RawArticle, Document | ArticleResult]],
               progress: Progress | None) -> Iterator[ArticleResult]:
        """Parse the batch's documents in one ``nlp.pipe`` call and yield every result in input order."""
        documents = [item for _, item in pending if isinstance(item, Document)]
        parsed = iter(self._parse(documents))
        for raw, item in pending:
            if isinstance(item, Document):
                sdoc = next(parsed)
                try:
                    if isinstance(sdoc, Exception):
                        raise StageError("nlp", raw.path or raw.url or item.article_id, sdoc)
                    result = self._analyse(raw, item, sdoc)
                except StageError as exc:
                    log.warning("%s", exc)
                    result = ArticleResult(failed_article(raw, "failed", str(exc)), item)
            else:
                result = item
            if progress:
                progress(result)
            yield result

    def _parse(self, documents: list[Document]) -> list:
        """Parse a batch in one ``nlp.pipe`` call; if that fails, one by one, so only the bad text fails."""
        try:
            return list(self.resources.nlp.pipe(doc.text for doc in documents))
        except Exception:  # noqa: BLE001 - a parser error on one text must not lose the batch
            log.warning("batch parse failed; parsing its %d articles one by one", len(documents))
        out: list = []
        for doc in documents:
            try:
                out.append(self.resources.nlp(doc.text))
            except Exception as exc:  # noqa: BLE001 - reported as that article's failure
                out.append(exc)
        return out

    def _analyse(self, raw: RawArticle, document: Document, sdoc) -> ArticleResult:
        aid = document.article_id

        def stage(name: str, fn, *args):
            try:
                return fn(*args)
            except FrontlineError:
                raise
            except Exception as exc:
                log.debug("stage %s failed", name, exc_info=True)
                raise StageError(name, raw.path or raw.url or aid, f"{type(exc).__name__}: {exc}") from exc

        mentions = Mentions(
            places=tuple(stage("places", places_stage.find_places, sdoc, self.resources.gazetteer, raw.published)),
            dates=tuple(stage("dates", dates_stage.find_dates, sdoc, raw.published)),
            actors=tuple(stage("actors", actors_stage.find_actors, sdoc, self._persons)),
            quantities=tuple(stage("quantities", quantities_stage.find_quantities, sdoc)),
        )
        candidates = stage("events", events_stage.extract_events, sdoc, aid, mentions, raw.published,
                           self.typer)
        candidates = stage("claims", claims_stage.attribute, sdoc, candidates, list(mentions.actors))
        candidates = stage("tolls", tolls_stage.classify_tolls, candidates, list(mentions.actors))
        candidates = stage("background", background_stage.mark_background, sdoc, candidates, raw.published)
        events = stage("fuse", fuse_stage.fuse_article, [c.event for c in candidates])
        if self.calibrator is not None:
            events = stage("confidence", self.calibrator.apply, events)
        if document.readings:
            # Extraction read a spun text's plain reading; evidence quotes the words as published.
            events = [replace(e, evidence=replace(e.evidence, sentence=document.published(
                e.evidence.char_start, e.evidence.char_end))) for e in events]
        flags = stage("quality", quality_stage.assess, raw, document)
        article = Article(
            article_id=aid, status="ok", published=raw.published, path=raw.path, url=raw.url, title=raw.title,
            source=raw.source, language="en", quality_flags=tuple(f for f, _ in flags), quality_reasons=flags)
        return ArticleResult(article, document, mentions, tuple(events))
