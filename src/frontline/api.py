"""The Python API: what the CLI, the REST API and the web page call. No logic lives in the interfaces.

Each function opens what it needs (a pipeline, a runner, a store, a catalog) and calls one library function:
copy marking is ``frontline.corpus.marking``, the ingest loop ``frontline.store.ingest``, the refresh of fused
events and timelines ``frontline.store.refresh``, reads ``frontline.store.query``.

    >>> from frontline import extract
    >>> results = extract(["article.txt"], published=datetime.date(2022, 6, 25))
    >>> [e.event_type for r in results for e in r.events]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO, cast

from frontline import evaluation as evaluate
from frontline.corpus import control
from frontline.corpus import fuse as corpus_fuse
from frontline.corpus.control_area import AreaSettings
from frontline.corpus.copies import CopyDetector
from frontline.corpus.marking import mark_copies, mark_stream
from frontline.errors import InputError, QueryError, UnknownPlaceError
from frontline.evaluation import control as control_eval
from frontline.export import formats as export_mod
from frontline.geo.gazetteer import Gazetteer, unknown_settlement
from frontline.models import ArticleResult, Background, FusedEvent, Location, RawArticle, Timeline
from frontline.runner import DaskRunner, InProcess, LocalPool, Runner
from frontline.sources.feeds import DEFAULT_MAX_ENTRIES
from frontline.sources.fetch import Fetcher, FetchSettings
from frontline.sources.ingest import check_published, read_inputs
from frontline.store import ingest as store_ingest
from frontline.store import refresh
from frontline.store.backend import open_store
from frontline.store.filters import parse_filter
from frontline.store.ingest import IngestReport, input_key
from frontline.store.query import Catalog, EventFilter, EventRecord, records_frame
from frontline.store.refresh import RepairReport, refresh_places
from frontline.textguard import scrub_fields

if TYPE_CHECKING:
    # imported where a pipeline is loaded: a process that only marks copies and writes (beside a Dask cluster)
    # or reads a store never imports spaCy (0.6 s)
    from frontline.pipeline import Pipeline, Progress

__all__ = ["IngestReport", "RepairReport", "catalog", "default_gold", "evaluate_captions", "evaluate_control",
           "evaluate_gold", "export",
           "evaluate_ucdp", "evaluate_acled", "events", "events_frame", "extract", "extract_text", "fuse_results", "ingest",
           "ingest_raw", "input_key", "iter_extract", "mark_copies", "refresh_places", "repair", "runner_for",
           "sample_corpus", "stored_results", "timeline", "timelines", "write", "write_stream"]


def extract(paths: Sequence[str | Path], published: dt.date | None = None, *, feeds: Sequence[str] = (),
            fetcher: Fetcher | None = None, allow_private: bool = False, max_entries: int = DEFAULT_MAX_ENTRIES,
            pipeline: Pipeline | None = None, progress: Progress | None = None,
            detector: CopyDetector | None = None, runner: Runner | None = None) -> list[ArticleResult]:
    """Read inputs and extract their events; articles that copy an earlier input are marked (see ``mark_copies``).

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
        detector: a copy detector to reuse (its embedding model loads only when a pair of articles needs it).
        runner: where extraction runs (see ``frontline.runner``): default, forked processes on this machine's
            cores sharing ``pipeline`` (one process for an input of one batch).

    Returns:
        One ArticleResult per input article, failed and skipped ones included (a URL or feed entry that
        cannot be fetched is a failed article whose error says why).

    Raises:
        InputError: no paths or feeds were given. ResourceError: the language model or gazetteer is missing.
    """
    return list(iter_extract(paths, published, feeds=feeds, fetcher=fetcher, allow_private=allow_private,
                             max_entries=max_entries, pipeline=pipeline, progress=progress, detector=detector,
                             runner=runner))


def iter_extract(paths: Sequence[str | Path], published: dt.date | None = None, *, feeds: Sequence[str] = (),
                 fetcher: Fetcher | None = None, allow_private: bool = False,
                 max_entries: int = DEFAULT_MAX_ENTRIES, pipeline: Pipeline | None = None,
                 progress: Progress | None = None, detector: CopyDetector | None = None,
                 runner: Runner | None = None) -> Iterator[ArticleResult]:
    """``extract``, yielding each result (copies marked) as soon as it is done: memory stays flat.

    Arguments are those of ``extract``. Results come in input order whatever the runner, and equal
    ``extract``'s.
    """
    raws = read_inputs(paths, published, feeds=feeds, fetcher=fetcher,      # checks the inputs before the model loads
                       fetch_settings=FetchSettings(allow_private=allow_private), max_entries=max_entries)
    with _running(runner, pipeline, detector) as (run, detector):
        yield from mark_stream(run.run(raws, progress=progress), detector)


def extract_text(text: str, published: dt.date | None = None, *, title: str | None = None,
                 source: str | None = None, url: str | None = None,
                 pipeline: Pipeline | None = None) -> ArticleResult:
    """Extract the events of one article given as a string (a pasted story, a headline, a message).

    Args:
        text: the article's text, dirty or clean (it is cleaned like a file's text).
        published: its publication date, which relative dates ('on Tuesday', 'last night') resolve against;
            without it they stay unresolved.
        title, source, url: metadata kept on the article.
        pipeline: a loaded pipeline to reuse across calls (loading takes a few seconds); loaded here when not
            given.

    Returns:
        The ArticleResult; an empty, binary or non-English text is a result with status ``skipped`` or
        ``failed`` and an error, as for a file.
    """
    if published is not None and (problem := check_published(published)):
        raise InputError(problem)
    pipeline = pipeline or _load_pipeline()
    # the reading boundary of a string: nothing later sees text that UTF-8 cannot encode
    raw = scrub_fields(RawArticle(text=text, published=published, title=title, source=source, url=url))
    return pipeline.process(raw)


@contextmanager
def _running(runner: Runner | None, pipeline: Pipeline | None,
             detector: CopyDetector | None) -> Iterator[tuple[Runner, CopyDetector]]:
    """The runner to use and the copy detector of this process.

    The detector shares this process's pipeline's embedding model (if it has one); while a local pool runs,
    this process keeps to one BLAS thread (see ``LocalPool``). A runner built here (forked
    processes sharing ``pipeline``) is closed on exit; a given one is the caller's to close.
    """
    own: LocalPool | None = None
    run: Runner
    if runner is None:
        own = run = LocalPool(pipeline or _load_pipeline())
    else:
        run = runner
    here = pipeline or getattr(run, "pipeline", None)
    if detector is None:
        detector = _detector(here) if here is not None else CopyDetector()
    try:
        yield run, detector
    finally:
        if own is not None:
            own.close()


def runner_for(workers: int | None = None, cluster: str | None = None, processes: int | None = None,
               pipeline: Pipeline | None = None) -> Runner | None:
    """The runner the CLI options ask for: a Dask cluster (``cluster`` address, or ``workers`` local worker
    processes), ``processes`` forked processes (1: this process only), or None for the default.

    Raises:
        InputError: more than one of them is given. ResourceError: Dask is missing or the cluster unreachable.
    """
    if sum(x is not None for x in (workers, cluster, processes)) > 1:
        raise InputError("give one of --workers, --cluster and --processes")
    if cluster is not None:
        return DaskRunner.connect(cluster)
    if workers is not None:
        return DaskRunner.local(workers)
    if processes is not None:
        pipeline = pipeline or _load_pipeline()
        return InProcess(pipeline) if processes == 1 else LocalPool(pipeline, processes)
    return None


def _load_pipeline() -> Pipeline:
    from frontline.pipeline import Pipeline  # see the imports

    return Pipeline.load()


def _detector(pipeline: Pipeline) -> CopyDetector:
    """A copy detector that shares the pipeline's sentence-embedding model: one model load per process."""
    return CopyDetector(pipeline.typer.embedder) if pipeline.typer is not None else CopyDetector()


def fuse_results(results: Iterable[ArticleResult]) -> list[FusedEvent]:
    """The fused events of results (copies marked by ``mark_copies`` are not counted again); see
    ``frontline.corpus.fuse.fuse_results``."""
    return corpus_fuse.fuse_results(results)


def timelines(results: Iterable[ArticleResult]) -> list[Timeline]:
    """The control timeline of every settlement the results' fused events are located at."""
    return control.timelines_of(results)


def ingest(paths: Sequence[str | Path], db: str | Path, published: dt.date | None = None, *,
           feeds: Sequence[str] = (), fetcher: Fetcher | None = None, allow_private: bool = False,
           max_entries: int = DEFAULT_MAX_ENTRIES, pipeline: Pipeline | None = None,
           progress: Progress | None = None, detector: CopyDetector | None = None,
           runner: Runner | None = None) -> IngestReport:
    """Extract events from inputs and store them in a SQLite database (idempotent, resumable).

    Inputs and fetching options are those of ``extract``; ``runner`` says where extraction runs (see
    ``frontline.runner``; default, forked processes on this machine's cores). An input already stored (the same
    text and metadata, see ``input_key``) is skipped before any NLP, so an interrupted ingest run again resumes
    where it stopped. Each new article is written as soon as it is extracted, compared with every article
    stored before it (through the stored LSH keys, see ``frontline.corpus.copies``) and marked when it copies one.
    Then the fused events and the control timelines of the places the run touched, and only those, are
    recomputed and stored. A run cut short leaves the store marked (``Store.derived_stale``); the next
    ingest then rebuilds all fused events and timelines, as ``repair`` does.
    """
    raws = read_inputs(paths, published, feeds=feeds, fetcher=fetcher,
                       fetch_settings=FetchSettings(allow_private=allow_private), max_entries=max_entries)
    return ingest_raw(raws, db, pipeline=pipeline, progress=progress, detector=detector, runner=runner)


def ingest_raw(raws: Iterable[RawArticle], db: str | Path, *, pipeline: Pipeline | None = None,
               progress: Progress | None = None, detector: CopyDetector | None = None,
               runner: Runner | None = None) -> IngestReport:
    """Extract events from articles already read (``RawArticle``) and store them, as ``ingest`` does.

    ``db`` is a SQLite file or a ``postgresql://`` URL. This is what the REST API's POST /api/articles calls.
    """
    with open_store(db) as store, _running(runner, pipeline, detector) as (run, detector):
        return store_ingest.ingest(store, raws, lambda todo: run.run(todo, progress=progress), detector)


def repair(db: str | Path) -> RepairReport:
    """Rebuild the fused events and control timelines of a database from its events.

    Needed after an ingest was killed between writing articles and refreshing them (the next ingest does
    it too); harmless at any time, as the result depends only on the stored events.

    Raises:
        StoreError: the database cannot be opened or written.
    """
    with open_store(db) as store:
        return refresh.repair(store)


def timeline(db: str | Path, place: str, *, gazetteer: Gazetteer | None = None) -> Timeline:
    """The stored control timeline of a settlement, named in any spelling the gazetteer knows.

    Returns an empty timeline when the database holds nothing on the place.

    A near spelling is never taken for the name: ``Xyzzy`` is an error that suggests Khyzhky, not its timeline.

    Raises:
        UnknownPlaceError: the gazetteer knows no settlement of that name (``suggestions``: close ones).
        StoreError: the database cannot be read.
    """
    gazetteer = gazetteer or Gazetteer.load()
    settlement = gazetteer.named_settlement(place)
    if settlement is None:
        close = gazetteer.suggest_settlements(place)
        raise UnknownPlaceError(unknown_settlement(place, close), close)
    # the catalog's timeline: the stored one, or the starting line of a settlement no stored report names
    # (frontline.geo.starting_line), its days without a state given the holder of its surroundings where they
    # agree (basis 'area', frontline.corpus.control_area)
    with Catalog.open(str(db), gazetteer=gazetteer) as c:
        return c.place_timeline(settlement.name).timeline


def stored_results(db: str | Path) -> list[ArticleResult]:
    """Every article and event in a database, as ArticleResults."""
    with open_store(db) as store:
        return list(store.results())


def catalog(db: str | Path) -> Catalog:
    """The query layer over a store (SQLite file or ``postgresql://`` URL); use it in a ``with`` block."""
    return Catalog.open(str(db))


def _filter(f: EventFilter | None, filters: dict[str, Any]) -> EventFilter:
    """The filter given, or the one its keywords make: the REST API's names and forms (``since="2022-08-01"``,
    ``bbox="37,47.5,39,49"``, ``updated_since="...Z"``), read by the parser the REST API and the CLI share."""
    if f is not None and filters:
        raise QueryError("give either an EventFilter or filter keywords, not both")
    return f or parse_filter(filters)


def events(db: str | Path, f: EventFilter | None = None, *, sort: str = "date", **filters: Any) -> list[EventRecord]:
    """Every stored event matching a filter, as ``EventRecord`` objects (event, outlet, fused id ...).

        >>> events("frontline.db", types=("shelling",), oblast="Donetsk", since=datetime.date(2022, 6, 1))

    Args:
        db: a SQLite file or a ``postgresql://`` URL.
        f: an ``EventFilter``; or give the filters as keywords, as the REST API takes them (``type`` or
            ``types``, ``oblast``, ``since="2022-08-01"``, ``bbox="37,47.5,39,49"``, ``updated_since`` ...).
        sort: ``date`` (oldest first) or ``-date``.
    Raises:
        QueryError: a filter name or value is not valid (the REST API's 400s). StoreError: the database cannot
            be read, or there is none at ``db`` (no file is created).
    """
    with Catalog.open(str(db)) as c:
        # the catalog refuses a sort other than SORTS with a QueryError
        return list(c.iter_events(_filter(f, filters), sort=cast(Literal["date", "-date"], sort)))


def events_frame(db: str | Path, f: EventFilter | None = None, *, sort: str = "date", **filters: Any) -> Any:
    """The events matching a filter as a pandas DataFrame, one row per event (columns ``query.ROW_COLUMNS``).

        >>> df = events_frame("frontline.db", types=("shelling",), since=datetime.date(2022, 6, 1))
    """
    return records_frame(events(db, f, sort=sort, **filters))


def write_stream(results: Iterable[ArticleResult], fmt: str, out: TextIO, *,
                 background: Background = "exclude") -> dict[str, int]:
    """Write results as they come, in any ``write`` format (json: with the fused events of all of them at the end);
    returns the number of articles by status (see ``frontline.export.formats.write_stream``). csv and geojson
    leave out retold history unless ``background`` is 'include' (or 'only'); json and jsonl keep every event."""
    return export_mod.write_stream(results, fmt, out, background=background)


def export(db: str | Path, fmt: str, out: TextIO, *, include_copies: bool = False,
           background: Background = "exclude") -> int:
    """Write every stored event (and, as json or jsonl, every article) of a database in format ``fmt``.

    The events of copies (articles that copy an earlier one) are left out unless ``include_copies``, as in
    ``events`` and the REST API, so ``export --format csv`` and ``events --format csv`` list the same events;
    so is retold history (``Event.background``) in csv and geojson unless ``background`` is 'include' or 'only'
    (json and jsonl keep every event with its mark).
    Formats that write a query's records (csv, geojson) write them through the one writer of each format, so
    the rows carry what the store knows (its write time as ACLED's ``timestamp``, fused ids, copies).
    Returns how many articles (json, jsonl) or events were written.

    Raises:
        FrontlineError: ``fmt`` is not one of ``formats.result_formats()``. StoreError: the store cannot be read.
    """
    row = export_mod.export_format(fmt)
    if row.records is not None and not row.per_article:
        with Catalog.open(str(db)) as c:
            return export_mod.write_text(c.iter_events(EventFilter(include_copies=include_copies, background=background)),
                                         fmt, out)
    kept = [r for r in stored_results(db) if include_copies or r.article.duplicate_of is None]
    export_mod.write(kept, fmt, out)
    return len(kept)


def write(results: Iterable[ArticleResult], fmt: str, out: TextIO,
          fused: Iterable[FusedEvent] | None = None, *, background: Background = "exclude") -> None:
    """Write results as json, jsonl, geojson or csv (ACLED-style) to a text stream; ``fused`` events go into json.
    csv and geojson leave out retold history unless ``background`` is 'include' (or 'only')."""
    export_mod.write(results, fmt, out, fused, background=background)


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
    pipeline = pipeline or _load_pipeline()

    results: list[ArticleResult] = []

    def run(text: str, published: dt.date | None) -> list:
        results.append(pipeline.process(RawArticle(text=text, published=published, source="UCDP headlines")))
        return list(results[-1].events)

    def copies() -> list[bool]:
        # a UCDP row is coded from source articles: a copy telling none its original lacks is the same report
        rows = evaluate.read_ucdp(csv_path, years=years, limit=limit)
        return evaluate.copies_of_other_reports(results, articles=[r.articles for r in rows])

    return evaluate.evaluate_ucdp(csv_path, run, years=years, limit=limit, progress=progress, copies=copies)


def evaluate_acled(csv_path: str | Path, *, pipeline: Pipeline | None = None,
                   progress: Callable[[int, int], None] | None = None) -> evaluate.AcledReport:
    """Run extraction on each note of an ACLED export (one short article a note, published on its event date) and
    measure how it counts them: events per note, tolls split off, fatalities against ACLED's, type, place, copies."""
    pipeline = pipeline or _load_pipeline()

    def run(text: str, published: dt.date | None) -> ArticleResult:
        return pipeline.process(RawArticle(text=text, published=published, source="ACLED notes"))

    return evaluate.evaluate_acled(csv_path, run, progress=progress)


def evaluate_captions(path: str | Path, *, split: str | None = None, pipeline: Pipeline | None = None,
                      progress: Callable[[int, int], None] | None = None) -> evaluate.CaptionReport:
    """Run extraction on each caption of a caption set (one short article each) and score place and type."""
    pipeline = pipeline or _load_pipeline()

    def run(text: str, published: dt.date | None) -> list:
        return list(pipeline.process(RawArticle(text=text, published=published, source="caption")).events)

    return evaluate.evaluate_captions(path, run, split=split, progress=progress)


def evaluate_control(db: str | Path, gold: str | Path | None = None, *,
                     area: AreaSettings | None = None) -> control_eval.ControlReport:
    """Score a store's control timelines against gold settlement-days (default: the bundled public-record gold).

    The timelines are read as ``timeline`` gives them: with the area states of their days without a state of
    their own (``frontline.corpus.control_area``, with ``area`` as its settings).

    Raises:
        InputError: the gold cannot be read. StoreError: the database cannot be read.
    """
    days = control_eval.read_control_gold(gold)
    names = {d.settlement for d in days} | {name for name, _, _ in control_eval.REAR}
    gazetteer = Gazetteer.load()
    with open_store(db) as store:
        found = {n: store.timeline(n) or _unreported(n, gazetteer) for n in sorted(names)}
    with Catalog.open(str(db)) as c:
        around = c.area(area)
    filled = []
    for name, timeline in found.items():
        place = gazetteer.settlement(name)
        if place is not None:
            timeline = around.fill(timeline or Timeline(place.name, place.admin1, place.geonames_id),
                                   place.lat, place.lon)
        if timeline is not None:
            filled.append(timeline)
    return control_eval.evaluate_control(filled, days)


def _unreported(name: str, gazetteer: Gazetteer) -> Timeline | None:
    """The starting-line timeline of a settlement the store has no timeline of, as ``timeline`` gives it."""
    place = gazetteer.settlement(name)
    return control.starting_timeline(place.name, Location.of_place(place)) if place is not None else None
