"""Where the pipeline runs: in this process, in forked local processes, or on a Dask cluster.

Every runner takes ``RawArticle``s and yields their ``ArticleResult``s **in input order**, so whatever the
caller does next (copy marking, writing, fusion) sees exactly the sequence a single process would see:

``InProcess``   the caller's ``Pipeline``, one batch after another (small inputs, tests, ``workers=1``).
``LocalPool``   ``processes`` forked children that share the caller's loaded pipeline (spaCy model, gazetteer and
                the typer's model weights, copy-on-write: nothing loaded twice); batches go out through a queue, a bounded number at a
                time, so memory stays flat however long the input. An input that fits in one batch is run in
                this process: forking would cost more than it saves.
``DaskRunner``  batches submitted to a Dask distributed cluster (``LocalCluster`` with ``workers`` processes,
                or a running scheduler's address); each worker loads its pipeline once, in a worker plugin.

Only extraction runs on workers; copy detection, fusion and timelines need every earlier article and run in
the caller's process on the ordered results (``frontline.api``).

Each worker process limits BLAS (the sentence typer's matrix products) to ``threads`` threads, one by default: with
one process per core, more threads would only fight spaCy and the other workers for the same cores. While a pool
or a Dask cluster started here runs, the caller's process (language guess, copy detection) keeps to one BLAS
thread too.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import queue
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from threadpoolctl import threadpool_limits

from frontline.corpus.copies import result_fingerprint
from frontline.corpus.marking import as_failed
from frontline.errors import ResourceError
from frontline.models import ArticleResult, RawArticle

if TYPE_CHECKING:
    # imported where a pipeline is built: a Dask worker decides what it loads before spaCy is imported
    from frontline.pipeline import Pipeline, Progress

__all__ = ["Runner", "InProcess", "LocalPool", "DaskRunner", "default_processes", "BATCH"]

log = logging.getLogger(__name__)

# A task sent to a worker holds up to BATCH articles and stops growing once it holds BATCH_CHARS characters of
# text, so work is dealt out in pieces of similar cost: with a count alone, the five long sample articles at the
# end of the throughput corpus made one task three times the others, and one worker finished 1.5 s after the
# other. Throughput (bench/throughput.py, quiet machine) did not move between 4, 8 and 16 articles a task.
BATCH = 16
BATCH_CHARS = 8_000
_IN_FLIGHT = 2          # batches queued per worker: one being parsed, one waiting
_POLL_S = 5.0
_STOP_S = 1.0           # how long close() waits for busy workers before killing them
_PR_SET_PDEATHSIG = 1   # <linux/prctl.h>


class Runner(Protocol):
    """Runs the pipeline over articles; results come back in input order."""

    def run(self, raws: Iterable[RawArticle], progress: Progress | None = None) -> Iterator[ArticleResult]: ...

    def close(self) -> None: ...


def default_processes() -> int:
    """The cores this process may use (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not on Linux
        return max(1, os.cpu_count() or 1)


def _limit_threads(pipeline: Pipeline, threads: int) -> Any:
    """Load the typer's model now and keep BLAS (the typer's matrix products) to ``threads`` threads in this
    process; returns threadpoolctl's handle, whose ``restore_original_limits`` undoes the limit."""
    if pipeline.typer is not None:
        pipeline.typer.classify(["Troops shelled the town."])     # loads the weights and the exemplar vectors
    return threadpool_limits(threads)


def _batches(raws: Iterable[RawArticle], size: int, chars: int = BATCH_CHARS) -> Iterator[list[RawArticle]]:
    """Consecutive batches of at most ``size`` articles, closed early once they hold ``chars`` characters."""
    batch: list[RawArticle] = []
    held = 0
    for raw in raws:
        batch.append(raw)
        held += len(raw.text or raw.html or "")
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _report(results: list[ArticleResult], progress: Progress | None) -> Iterator[ArticleResult]:
    for r in results:
        if progress:
            progress(r)
        yield r


@dataclass
class InProcess:
    """Runs the pipeline in this process."""

    pipeline: Pipeline

    def run(self, raws: Iterable[RawArticle], progress: Progress | None = None) -> Iterator[ArticleResult]:
        return self.pipeline.process_many(raws, progress=progress)

    def close(self) -> None:
        """Nothing to release."""


def _extracted(pipeline: Pipeline, raws: list[RawArticle]) -> list[ArticleResult]:
    """A batch's results, each with its copy-detection fingerprint and that fingerprint's search keys: computed
    here, on the worker, they are no longer serial work of the one process that marks copies (the fingerprint
    was a fifth of that process's time per article, the keys a sixteenth)."""
    out = []
    for r in pipeline.process_many(raws):
        try:
            fp = result_fingerprint(r)
            out.append(replace(r, fingerprint=None if fp is None else fp.with_keys()))
        except Exception as exc:  # noqa: BLE001 - one article's odd text fails that article, not its batch
            out.append(as_failed(r, "copies", exc))
    return out


def _die_with_parent(parent: int) -> None:
    """Make this forked worker die when the process that forked it dies, even by SIGKILL (Linux
    ``prctl(PR_SET_PDEATHSIG)``, through ctypes: the standard library has no binding), and let Ctrl-C reach the
    parent only: it stops the pool itself, so no worker prints a traceback. Elsewhere a worker that finds
    itself orphaned stops at its next task (see ``_serve``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):        # no prctl (another libc): the orphan check still holds
            log.debug("prctl(PR_SET_PDEATHSIG) is not available")
    if os.getppid() != parent:      # the parent died before the signal was asked for
        os._exit(1)


def _serve(pipeline: Pipeline, tasks: Any, results: Any, threads: int, parent: int = 0) -> None:
    """A pool process: run batches from ``tasks`` until it reads None, putting ``(seq, results)`` on ``results``."""
    if parent:
        _die_with_parent(parent)
    _limit_threads(pipeline, threads)
    for seq, raws in iter(tasks.get, None):
        if parent and os.getppid() != parent:
            os._exit(1)
        try:
            results.put((seq, _extracted(pipeline, raws)))
        except BaseException as exc:   # the pipeline turns an article's failure into a result; this is a bug
            log.exception("a pool process failed on a batch")
            results.put((seq, RuntimeError(f"{type(exc).__name__}: {exc}")))


class LocalPool:
    """Forked processes sharing the caller's loaded pipeline (see the module docstring).

    Args:
        pipeline: the loaded pipeline; forked, not pickled, so it is never loaded twice.
        processes: worker processes (default: the cores this process may use).
        batch_size: articles per task.
        threads: BLAS threads per worker process.
    """

    def __init__(self, pipeline: Pipeline, processes: int | None = None, *, batch_size: int = BATCH,
                 threads: int = 1) -> None:
        self.pipeline = pipeline
        self.processes = processes or default_processes()
        self.batch_size = batch_size
        self.threads = threads
        self._workers: list[Any] = []
        self._limits: Any = None
        self._tasks: Any = None
        self._results: Any = None
        self._busy = False

    def started(self) -> bool:
        """Whether worker processes are running."""
        return bool(self._workers)

    def _start(self) -> None:
        # The typer's weights are loaded here, before the fork, so the children share them instead of each
        # loading its own; and this process keeps to one BLAS thread, leaving the cores to them.
        self._limits = _limit_threads(self.pipeline, self.threads)
        # fork: the children inherit the loaded pipeline; spawn would pickle and reload it in each one
        ctx = multiprocessing.get_context("fork")
        self._tasks, self._results = ctx.Queue(), ctx.Queue()
        for _ in range(self.processes):
            p = ctx.Process(target=_serve, args=(self.pipeline, self._tasks, self._results, self.threads,
                                                 os.getpid()), daemon=True)
            p.start()
            self._workers.append(p)

    def run(self, raws: Iterable[RawArticle], progress: Progress | None = None) -> Iterator[ArticleResult]:
        batches = _batches(raws, self.batch_size)
        first = next(batches, None)
        if first is None:
            return
        second = next(batches, None)
        if second is None or self.processes < 2:
            yield from self.pipeline.process_many(first + (second or []), progress=progress)
            yield from (r for b in batches for r in self.pipeline.process_many(b, progress=progress))
            return
        if not self._workers:
            self._start()
        sent, done = 0, 0
        waiting: dict[int, Any] = {}
        limit = self.processes * _IN_FLIGHT

        def send(batch: list[RawArticle]) -> None:
            nonlocal sent
            self._tasks.put((sent, batch))
            sent += 1

        self._busy = True       # until every batch sent is collected: close() then stops the workers at once
        send(first)
        send(second)
        for batch in batches:
            while sent - done >= limit:
                yield from _report(self._collect(waiting, done), progress)
                done += 1
            send(batch)
        while done < sent:
            yield from _report(self._collect(waiting, done), progress)
            done += 1
        self._busy = False

    def _collect(self, waiting: dict[int, Any], seq: int) -> list[ArticleResult]:
        """The results of batch ``seq``, waiting for it (and keeping any later batch that arrives first)."""
        while seq not in waiting:
            try:
                got, results = self._results.get(timeout=_POLL_S)
            except queue.Empty:
                if not all(p.is_alive() for p in self._workers):
                    raise ResourceError("a frontline worker process died (out of memory?); run again with "
                                        "fewer processes, e.g. --workers 1") from None
                continue
            waiting[got] = results
        results = waiting.pop(seq)
        if isinstance(results, Exception):
            raise results
        return results

    def close(self) -> None:
        """Stop the worker processes: idle ones when they read the end of the tasks, busy ones (a run that was
        interrupted or abandoned) at once."""
        for _ in self._workers:
            self._tasks.put(None)
        deadline = time.monotonic() + (0 if self._busy else _STOP_S)
        for p in self._workers:
            p.join(timeout=max(0.0, deadline - time.monotonic()))
        if any(p.is_alive() for p in self._workers):
            # tasks still queued for the killed workers must not hold this process's exit
            self._tasks.cancel_join_thread()
            self._results.cancel_join_thread()
        for p in self._workers:
            if p.is_alive():
                p.kill()
                p.join(timeout=1)
        self._workers = []
        self._busy = False
        if self._limits is not None:
            self._limits.restore_original_limits()
            self._limits = None


_PLUGIN = "frontline-pipeline"


class PipelinePlugin:
    """A Dask worker plugin: loads the pipeline once per worker, when the worker starts or joins."""

    name = _PLUGIN

    def __init__(self, threads: int = 1, without_torch: bool = False) -> None:
        self.threads = threads
        self.without_torch = without_torch
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        if self.without_torch and "spacy" not in sys.modules:
            # a worker of a cluster started here, running nothing but frontline: spaCy's thinc would import
            # torch, which nothing in the pipeline uses (1.5-2 s of each worker's start; see frontline.cli.main)
            # None in sys.modules is Python's documented way to block an import; typeshed types it as a module
            sys.modules.setdefault("torch", None)  # type: ignore[arg-type]
        from frontline.pipeline import Pipeline

        self.pipeline = Pipeline.load()
        _limit_threads(self.pipeline, self.threads)

    def teardown(self, worker: Any) -> None:
        self.pipeline = None


def _process_on_worker(raws: list[RawArticle]) -> list[ArticleResult]:
    """The Dask task: run a batch through the worker's pipeline."""
    from distributed import get_worker  # runs on a Dask worker only

    pipeline = getattr(get_worker().plugins[_PLUGIN], "pipeline", None)
    if pipeline is None:
        raise ResourceError("this Dask worker has no frontline pipeline loaded (its plugin's setup failed); "
                            "see the worker's log")
    return _extracted(pipeline, raws)


class DaskRunner:
    """Runs batches on a Dask distributed cluster; build it with ``local`` or ``connect``.

    Args:
        client: a ``distributed.Client``.
        batch_size: articles per task.
        owns_cluster: close the client's cluster on ``close`` (a cluster started here).
    """

    def __init__(self, client: Any, *, batch_size: int = BATCH, threads: int = 1,
                 owns_cluster: bool = False) -> None:
        self.client = client
        self.batch_size = batch_size
        self._owns = owns_cluster
        # A cluster started here runs on this machine's cores: this process (reading, copy detection, writing)
        # keeps to one BLAS thread, as beside a LocalPool. With two, OpenBLAS's second thread spun against the
        # workers: on 1,000 articles with 2 workers this process took 16.7 CPU s instead of 8.8-9.4, and the run
        # 38.5 s instead of 33.8-35.8.
        self._limits = threadpool_limits(1) if owns_cluster else None
        # a cluster started here runs frontline only, so its workers may leave torch unloaded; a user's may not
        client.register_plugin(_dask_plugin(threads, without_torch=owns_cluster), name=_PLUGIN)

    @classmethod
    def local(cls, workers: int, **kwargs: Any) -> DaskRunner:
        """Start a local Dask cluster of ``workers`` single-threaded worker processes."""
        distributed = _distributed()
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.WARNING)
        return cls(distributed.Client(cluster), owns_cluster=True, **kwargs)

    @classmethod
    def connect(cls, address: str, **kwargs: Any) -> DaskRunner:
        """Use a running Dask cluster: ``address`` is its scheduler, e.g. ``tcp://10.0.0.5:8786``."""
        distributed = _distributed()
        try:
            client = distributed.Client(address, timeout=30)
        except OSError as exc:
            raise ResourceError(f"cannot reach the Dask scheduler at {address} ({exc}): start it with "
                                "'dask scheduler' and its workers with 'dask worker ADDRESS' (see docs/CLUSTER.md)") from exc
        return cls(client, **kwargs)

    def _workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, raws: Iterable[RawArticle], progress: Progress | None = None) -> Iterator[ArticleResult]:
        futures: deque[Any] = deque()
        limit = self._workers() * _IN_FLIGHT
        for batch in _batches(raws, self.batch_size):
            futures.append(self.client.submit(_process_on_worker, batch, pure=False))
            if len(futures) >= limit:
                yield from _report(futures.popleft().result(), progress)
        while futures:
            yield from _report(futures.popleft().result(), progress)

    def close(self) -> None:
        """Close the client, and the cluster when it was started here."""
        cluster = self.client.cluster if self._owns else None
        self.client.close()
        if cluster is not None:
            cluster.close()
        if self._limits is not None:
            self._limits.restore_original_limits()
            self._limits = None


def _distributed() -> Any:
    try:
        import distributed  # only for --workers / --cluster
    except ImportError as exc:
        raise ResourceError("Dask distributed is not installed: run 'pip install \"frontline[cluster]\"' "
                            "(or 'pip install distributed')") from exc
    return distributed


def _dask_plugin(threads: int, without_torch: bool = False) -> Any:
    """A ``distributed.WorkerPlugin`` loading the pipeline (the class is built here: distributed is optional)."""
    worker_plugin: Any = _distributed().WorkerPlugin

    class _Plugin(PipelinePlugin, worker_plugin):
        pass

    return _Plugin(threads, without_torch)
