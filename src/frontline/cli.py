"""The command line: thin click commands over ``frontline.api``.

Each command parses its arguments, calls one API function and turns frontline's errors into readable
messages. Progress bars go to stderr and only when stderr is a terminal.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import click

from frontline.errors import FrontlineError
from frontline.export.formats import record_formats, result_formats
from frontline.models import BACKGROUND_CHOICES, Background
from frontline.sources.feeds import DEFAULT_MAX_ENTRIES
from frontline.sources.fetch import Fetcher, FetchSettings
from frontline.textguard import redact

EXIT_INPUT_FAILED = 3
EXIT_INTERRUPTED = 130     # 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C
_FETCH_DEFAULTS = FetchSettings()


def _date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    from frontline.sources.ingest import check_published
    try:
        published = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2022-06-25") from None
    problem = check_published(published)
    if problem:
        raise click.BadParameter(problem)
    return published


def _utf8_stdout() -> None:
    """Write output as UTF-8 whatever the locale: JSON, GeoJSON and the CSV export are UTF-8 by contract,
    and a strict ASCII or Latin-1 stdout would stop the run at the first non-Latin name."""
    stdout = sys.stdout
    encoding = (getattr(stdout, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") or getattr(stdout, "errors", "strict") != "strict":
        if not isinstance(stdout, io.TextIOWrapper):   # a test runner's stream: leave it
            return
        try:
            stdout.reconfigure(encoding="utf-8", errors="strict")
        except ValueError:   # a stream that cannot be re-encoded now: leave it
            pass


@contextmanager
def _progress(label: str, total: int | None = None):
    """A rich progress bar on stderr (with the total and time left when ``total`` is known); when stderr is not
    a terminal (a log file, a pipe), a plain line a minute instead. Yields a per-article callback."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TimeRemainingColumn(), console=console, disable=not console.is_terminal, transient=False) as bar:
        task = bar.add_task(label, total=total)
        if console.is_terminal:
            yield lambda result: bar.advance(task)
            return
        yield _every_minute(label, total)


def _every_minute(label: str, total: int | None, period: float = 60.0):
    """A per-article callback that writes one plain progress line to stderr a minute (for logs and pipes)."""
    import time
    started = last = time.monotonic()
    done = 0

    def advance(result) -> None:
        nonlocal last, done
        done += 1
        now = time.monotonic()
        if now - last >= period:
            last = now
            rate = done / (now - started)
            left = f", about {(total - done) / rate / 60:.0f} min left" if total and rate else ""
            click.echo(f"{label}: {done}{f'/{total}' if total else ''} in {(now - started) / 60:.0f} min{left}",
                       err=True)
    return advance


def _count_inputs(paths, feeds=()) -> int | None:
    if feeds:
        return None
    total = 0
    for p in map(Path, paths):
        if p.is_dir():
            total += sum(1 for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".html", ".htm")
                         and not f.name.lower().startswith("readme"))
        elif p.suffix.lower() == ".jsonl":
            with p.open("rb") as f:       # one article a non-blank line: counted by bytes, not parsed
                total += sum(1 for line in f if line.strip())
        else:
            total += 1
    return total


class Database(click.ParamType):
    """A ``--db`` value: a SQLite file path or a ``postgresql://`` URL (which no file check applies to)."""

    name = "DB"

    def __init__(self, exists: bool = False) -> None:
        self.exists = exists

    def convert(self, value, param, ctx) -> str:
        from frontline.store.backend import is_postgres
        if is_postgres(str(value)):
            return str(value)
        path = Path(value)
        if path.is_dir():
            self.fail(f"'{value}' is a directory; give a database file or a postgresql:// URL", param, ctx)
        if self.exists and not path.exists():
            self.fail(f"'{value}' does not exist; run 'frontline ingest --db {value} ...' first, or give a "
                      "postgresql:// URL", param, ctx)
        return str(value)


_READ_HELP = "SQLite database written by 'frontline ingest', or a postgresql:// URL."


def db_option(*, exists: bool = True, help: str = _READ_HELP):
    """The ``--db`` option of a command: a database that must exist (reading) or may be created (writing)."""
    return click.option("--db", type=Database(exists=exists), default="frontline.db", show_default=True, help=help)


def _fail(exc: FrontlineError) -> None:
    raise click.ClickException(redact(exc))


class RedactingFormatter(logging.Formatter):
    """Log lines (tracebacks included) with every URL's password hidden: a server's log is read by others."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="frontline")
@click.option("-v", "--verbose", count=True, help="Log more: -v for info, -vv for debug (to stderr).")
def cli(verbose: int) -> None:
    """frontline: turn war reporting into sourced, geolocated event data.

    Read news articles (text, HTML, JSONL, folders with a manifest.jsonl), find the events they report
    (what, where, when, who, how many, who says so) and write them out or store them in SQLite.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])


# retold history (``Event.background``): the same choice as the REST API's background parameter
_BACKGROUND_HELP = ("Events an article retells as history, not as its news ('Russia invaded Ukraine on "
                    "February 24'): exclude (left out, the default), include, or only them.")
_background_option = click.option("--background", type=click.Choice(BACKGROUND_CHOICES), default="exclude",
                                  show_default=True, help=_BACKGROUND_HELP)
_rows_background_option = click.option(
    "--background", type=click.Choice(BACKGROUND_CHOICES), default="exclude", show_default=True,
    help=_BACKGROUND_HELP + " csv and geojson only: json and jsonl keep every event with its background mark.")

_published_option = click.option(
    "--published", callback=_date, metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none; relative dates ('on Tuesday') resolve against it.")


def _web_options(command):
    """The options for URLs and feeds, shared by extract and ingest."""
    options = [
        click.option("--feed", "feeds", multiple=True, metavar="URL",
                     help="An RSS or Atom feed to read: each entry's link is fetched as an article. Repeatable."),
        click.option("--max-entries", type=click.IntRange(min=1), default=DEFAULT_MAX_ENTRIES, show_default=True,
                     help="Read at most this many entries from each feed."),
        click.option("--allow-private", is_flag=True,
                     help="Fetch from private, loopback and link-local addresses too (refused by default)."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=_FETCH_DEFAULTS.read_timeout,
                     show_default=True, metavar="SECONDS", help="Give up on a server that sends nothing for this long."),
        click.option("--connect-timeout", type=click.FloatRange(min=0, min_open=True),
                     default=_FETCH_DEFAULTS.connect_timeout, show_default=True, metavar="SECONDS",
                     help="Give up on a server that does not accept the connection within this time."),
        click.option("--max-size", type=click.FloatRange(min=0, min_open=True),
                     default=_FETCH_DEFAULTS.max_bytes / 2**20, show_default=True, metavar="MIB",
                     help="Stop downloading a page or feed larger than this (MiB); it fails."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _run_options(command):
    """Where extraction runs: forked processes on this machine (default) or a Dask cluster."""
    options = [
        click.option("--processes", type=click.IntRange(min=1), metavar="N",
                     help="Extract in N processes on this machine (default: one per core; 1 = this process only)."),
        click.option("--workers", type=click.IntRange(min=1), metavar="N",
                     help="Extract on a local Dask cluster of N worker processes (needs dask distributed)."),
        click.option("--cluster", metavar="tcp://HOST:8786",
                     help="Extract on a running Dask cluster, given its scheduler's address (see docs/CLUSTER.md); "
                          "copies, fusion and timelines are done here."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _fetcher(allow_private: bool, timeout: float, connect_timeout: float, max_size: float) -> Fetcher:
    return Fetcher(FetchSettings(connect_timeout=connect_timeout, read_timeout=timeout,
                                 max_bytes=int(max_size * 2**20), allow_private=allow_private))


def _require_inputs(paths: tuple[str, ...], feeds: tuple[str, ...]) -> None:
    if not paths and not feeds:
        raise click.UsageError("give inputs: PATHS (files, folders, URLs) and/or --feed URL")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(result_formats()), default="json", show_default=True,
              help="Output format: json (the output.schema.json contract), jsonl (one article with its events a "
                   "line), geojson (located events), csv (ACLED-style columns).")
@_rows_background_option
@_published_option
@_web_options
@_run_options
def extract(paths: tuple[str, ...], fmt: str, background: Background, published: dt.date | None,
            feeds: tuple[str, ...], max_entries: int, allow_private: bool, timeout: float, connect_timeout: float,
            max_size: float, processes: int | None, workers: int | None, cluster: str | None) -> None:
    """Extract events from PATHS and feeds and write them to stdout.

    PATHS are .txt or .html files, .jsonl files (one article a line: text or html, optional id, title,
    published, url, source), folders (read recursively; a manifest.jsonl gives per-file metadata) or
    http(s) URLs of article pages. Exits with status 3 when any input failed; the others are still written.
    """
    from frontline import api
    _require_inputs(paths, feeds)
    _utf8_stdout()
    runner = None
    try:
        runner = api.runner_for(workers, cluster, processes)
        with _progress("extracting", _count_inputs(paths, feeds)) as tick, \
                _fetcher(allow_private, timeout, connect_timeout, max_size) as fetcher:
            results = api.iter_extract(paths, published, feeds=feeds, fetcher=fetcher, max_entries=max_entries,
                                       progress=tick, runner=runner)
            statuses = api.write_stream(results, fmt, sys.stdout, background=background)
    except FrontlineError as exc:
        _fail(exc)
    finally:
        if runner is not None:
            runner.close()
    if statuses["failed"]:
        sys.exit(EXIT_INPUT_FAILED)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option(exists=False, help="SQLite database file to write (created if missing), or a postgresql:// URL.")
@_published_option
@_web_options
@_run_options
def ingest(paths: tuple[str, ...], db: str, published: dt.date | None, feeds: tuple[str, ...], max_entries: int,
           allow_private: bool, timeout: float, connect_timeout: float, max_size: float, processes: int | None,
           workers: int | None, cluster: str | None) -> None:
    """Extract events from PATHS and feeds and store articles, mentions and events in a SQLite database.

    PATHS are as for 'frontline extract' (files, folders, URLs). Idempotent: ids are content hashes, so the
    same article ingested twice is stored once, and an input already stored is skipped before any NLP (run an
    interrupted ingest again to resume it). Exits with status 3 when any input failed.
    """
    from frontline import api
    _require_inputs(paths, feeds)
    runner = None
    failures: list = []
    try:
        runner = api.runner_for(workers, cluster, processes)
        with _progress("ingesting", _count_inputs(paths, feeds)) as tick, \
                _fetcher(allow_private, timeout, connect_timeout, max_size) as fetcher:
            report = api.ingest(paths, db, published, feeds=feeds, fetcher=fetcher, max_entries=max_entries,
                                progress=_noting_failures(tick, failures), runner=runner)
    except FrontlineError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        if runner is not None:
            runner.close()
            runner = None
        click.echo(f"\ninterrupted: the articles written so far are kept in {redact(db)}; run the same command "
                   "again to resume (inputs already stored are skipped)", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        if runner is not None:
            runner.close()
    click.echo(f"{report.articles} articles read: {report.ok} ok, {report.skipped} skipped, {report.failed} failed; "
               f"{report.events} events; {report.changed} articles new or changed, {report.unchanged} unchanged "
               f"in {redact(db)}; {report.copies} copies of earlier articles (their events not counted again); "
               f"{report.repeats} inputs repeat an article's text (kept once); "
               f"{report.fused_events} fused events and {report.timelines} timelines updated"
               + ("; the stale fused events of an interrupted run were rebuilt" if report.repaired else ""), err=True)
    _say_failures(failures, db)
    if report.failed:
        sys.exit(EXIT_INPUT_FAILED)


def _noting_failures(tick, failures: list):
    """The progress callback, also keeping each failed article (to say why it failed without -v)."""
    def progress(result) -> None:
        if result.article.status == "failed":
            failures.append(result.article)
        tick(result)
    return progress


def _say_failures(failures: list, db: str, shown: int = 10) -> None:
    for a in failures[:shown]:
        where, why = a.path or a.url or a.article_id, a.error or "no reason given"
        # a reader's error often names its input already ('file.jsonl:12: ...'): not twice
        click.echo(f"failed: {why}" if why.startswith(f"{where}") else f"failed: {where}: {why}", err=True)
    if failures:
        more = f"{len(failures) - shown} more; " if len(failures) > shown else ""
        click.echo(f"{more}'frontline summary --db {redact(db)}' and /api/articles?status=failed list every failed input",
                   err=True)


@cli.command()
@db_option()
@click.option("--format", "fmt", type=click.Choice(result_formats()), default="json", show_default=True,
              help="Output format, as for 'frontline extract'.")
@click.option("--include-copies", is_flag=True,
              help="Also the articles that copy an earlier one, and their events (left out by default, as in "
                   "'frontline events' and the REST API).")
@_rows_background_option
def export(db: str, fmt: str, include_copies: bool, background: Background) -> None:
    """Write every stored article and event from a database to stdout (csv and geojson: as 'frontline events')."""
    from frontline import api
    _utf8_stdout()
    try:
        api.export(db, fmt, sys.stdout, include_copies=include_copies, background=background)
    except FrontlineError as exc:
        _fail(exc)


@cli.command()
@db_option()
def summary(db: str) -> None:
    """Print a readable summary of a database: events by type, place and date."""
    from frontline.report import print_summary
    try:
        print_summary(db)
    except FrontlineError as exc:
        _fail(exc)


@cli.command()
@db_option(help="SQLite database written by 'frontline ingest'.")
def repair(db: str) -> None:
    """Rebuild the fused events and control timelines of a database from its events.

    Run it after an ingest was killed or crashed (the next ingest also does it); harmless at any time.
    """
    from frontline import api
    try:
        report = api.repair(db)
    except FrontlineError as exc:
        _fail(exc)
    state = "were stale after an interrupted ingest" if report.was_stale else "were current"
    click.echo(f"rebuilt {report.fused_events} fused events and {report.timelines} timelines in {redact(db)} (they {state})",
               err=True)


@cli.command()
@click.argument("place")
@db_option()
def timeline(place: str, db: str) -> None:
    """Print who held the settlement PLACE over time (UA, RU, contested, unknown), with who says so.

    PLACE may be spelled any way the gazetteer knows (Severodonetsk, Sievierodonetsk, Siewierodonezk).
    """
    from frontline import api
    from frontline.corpus.control import format_timeline
    try:
        click.echo(format_timeline(api.timeline(db, place)))
    except FrontlineError as exc:
        _fail(exc)


@cli.command()
@db_option(exists=False, help="SQLite database (or postgresql:// URL) to write the sample corpus into.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port of the web page on 127.0.0.1.")
@click.option("--serve/--no-serve", default=None,
              help="Serve the web page after the summary. Default: only when the output is a terminal, so a "
                   "person sees the page at once and CI runs the demo to completion.")
@click.pass_context
def demo(ctx: click.Context, db: str, port: int, serve: bool | None) -> None:
    """Ingest the bundled sample corpus (five seed articles) into a database, print its summary and the page's address."""
    from frontline import api
    from frontline.report import print_summary
    corpus = api.sample_corpus()
    try:
        with _progress("ingesting the sample corpus", _count_inputs([corpus])) as tick:
            report = api.ingest([corpus], db, progress=tick)
        click.echo(f"{report.articles} sample articles ingested into {redact(db)} ({report.events} events)", err=True)
        print_summary(db)
    except FrontlineError as exc:
        _fail(exc)
    url = f"http://127.0.0.1:{port}/"
    serve_command = cli.get_command(ctx, "serve")
    if serve is None:
        serve = sys.stdout.isatty()
    if serve and serve_command is not None:
        click.echo(f"\nThe page: {url}  (map, timeline and evidence; Ctrl+C stops the server)")
        ctx.invoke(serve_command, db=db, host="127.0.0.1", port=port)
    else:
        click.echo(f"\nThe page: {url}  after 'frontline serve --db {redact(db)} --port {port}'")


def _filter_options(command):
    """The query layer's filters (``frontline.store.query.EventFilter``) as options."""
    options = [
        click.option("--type", "types", multiple=True, metavar="TYPE", help="Event type; repeat for several."),
        click.option("--oblast", help="Oblast in any spelling (Donetsk, Donetsk oblast, DPR)."),
        click.option("--settlement", help="Settlement in any spelling the gazetteer knows (Severodonetsk ...)."),
        click.option("--bbox", metavar="W,S,E,N", help="Bounding box in degrees: west,south,east,north."),
        click.option("--since", callback=_date, metavar="YYYY-MM-DD", help="First day (inclusive)."),
        click.option("--until", callback=_date, metavar="YYYY-MM-DD", help="Last day (inclusive)."),
        click.option("--side", help="Side of either party: RU, UA, RU_aligned, civilians ..."),
        click.option("--actor", help="Name of either party (any case)."),
        click.option("--claimant", help="Who says so: a name (any case) or a side."),
        click.option("--modality", help="The claim's modality: asserted, claimed, denied ..."),
        click.option("--contested/--not-contested", default=None, help="Only contested, or only uncontested, events."),
        click.option("--precision", help="Location precision: settlement, admin1, country ..."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), help="Least confidence, 0..1."),
        click.option("--outlet", help="The article's outlet (source), any case."),
        click.option("--text", "q", metavar="WORDS", help="Words the evidence sentence contains (any case)."),
        click.option("--updated-since", metavar="TIME",
                     help="Only events written since this time, ISO 8601 (UTC unless it carries an offset or Z)."),
        click.option("--include-copies", is_flag=True, help="Also the events of articles that copy another."),
        _background_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@db_option()
@_filter_options
@click.option("--sort", type=click.Choice(["date", "-date"]), default="date", show_default=True,
              help="date: oldest first; -date: latest first (undated events last either way).")
@click.option("--limit", type=click.IntRange(min=1), help="Write at most this many events.")
@click.option("--format", "fmt", type=click.Choice(record_formats()), default="jsonl", show_default=True,
              help="jsonl (one event a line), json, geojson (RFC 7946, located events), csv (ACLED-style "
                   "columns) or parquet (needs --output).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of stdout (required for parquet).")
def events(db: str, types: tuple[str, ...], oblast, settlement, bbox, since, until, side, actor, claimant, modality,
           contested, precision, min_confidence, outlet, q, updated_since, include_copies, background,
           sort: Literal["date", "-date"],
           limit: int | None, fmt: str, output: str | None) -> None:
    """Write the stored events that match every filter given, in date order.

    Example: frontline events --type shelling --oblast Donetsk --since 2022-06-01 --format csv
    """
    import itertools

    from frontline.export import formats
    from frontline.store.filters import parse_filter
    from frontline.store.query import Catalog
    try:
        f = parse_filter({"type": types, "oblast": oblast, "settlement": settlement, "bbox": bbox, "since": since,
                          "until": until, "side": side, "actor": actor, "claimant": claimant, "modality": modality,
                          "contested": contested, "precision": precision, "min_confidence": min_confidence,
                          "outlet": outlet, "q": q, "updated_since": updated_since,
                          "include_copies": include_copies, "background": background})
    except FrontlineError as exc:
        _fail(exc)
    form = formats.export_format(fmt)
    if form.binary and not output:
        raise click.UsageError(f"{fmt} is binary: give a file with --output, e.g. --output events{form.extension}")
    try:
        with Catalog.open(db) as catalog:
            records = catalog.iter_events(f, sort=sort)
            if limit is not None:
                records = itertools.islice(records, limit)
            n = formats.write_records(records, fmt, output, sys.stdout)
    except FrontlineError as exc:
        _fail(exc)
    click.echo(f"{n} events written" + (f" to {output}" if output else ""), err=True)


def _token(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from frontline.serve.guard import check_token
    try:
        check_token(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
    return value


@cli.command()
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="FRONTLINE_TOKEN", show_envvar=True, callback=_token,
              help="Accept POST /api/articles with 'Authorization: Bearer TOKEN' (at least 16 characters); "
                   "without it the server is read-only.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A host name the server answers to (its Host header), besides 127.0.0.1, localhost, ::1 and "
                   "--host; repeat for more. Any other is refused, so a rebound DNS name cannot read the server.")
def serve(db: str, host: str, port: int, token: str | None, allowed_hosts: tuple[str, ...]) -> None:
    """Serve the REST API (and the web page) over a database: OpenAPI at /openapi.json, docs at /docs."""
    import uvicorn

    from frontline.serve.app import DEFAULT_HOSTS, create_app
    hosts = (*DEFAULT_HOSTS, *(() if host in ("0.0.0.0", "::") else (host,)), *allowed_hosts)
    try:
        app = create_app(db, token=token, allowed_hosts=hosts)
    except FrontlineError as exc:
        _fail(exc)
    sock = _listen(host, port)      # before the address is printed: a port in use is said so, not [Errno 98]
    port = sock.getsockname()[1]
    click.echo(f"serving {redact(db)} at http://{host}:{port}/ (API docs at /docs; "
               f"{'POST /api/articles needs the token' if token else 'read-only'}; "
               f"answers to {', '.join(dict.fromkeys(hosts))})", err=True)
    # log_config=None: uvicorn's loggers go through the redacting handler the group installed
    uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", log_config=None)).run(sockets=[sock])


def _listen(host: str, port: int):
    """A socket bound to ``host:port`` for the server, or a clear error when the port is taken."""
    import socket
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        taken = exc.errno in (errno.EADDRINUSE, errno.EACCES)
        raise click.ClickException(
            f"cannot listen on {host}:{port}: "
            + (f"the port is in use by another program (or needs privileges); choose another with --port, e.g. "
               f"--port {port + 1}" if taken else f"{exc.strerror or exc}")) from None
    sock.listen(2048)
    return sock


@cli.command(name="eval")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False),
              help="Gold annotations (JSONL, see docs/EVALUATION.md). Default: the bundled gold for the sample "
                   "corpus.")
@click.option("--corpus", type=click.Path(exists=True),
              help="Folder or files the gold refers to. Default: the bundled sample corpus.")
@click.option("--ucdp", type=click.Path(exists=True, dir_okay=False),
              help="Score against a UCDP GED CSV instead (headlines in, place/oblast/date/deaths checked).")
@click.option("--acled", type=click.Path(exists=True, dir_okay=False),
              help="Score against an ACLED export CSV instead (each note read as one article): events per note, "
                   "tolls split off, fatalities against ACLED's, type, place within 25 km, copies.")
@click.option("--captions", type=click.Path(exists=True, dir_okay=False),
              help="Score against a caption set instead (JSONL, see docs/EVALUATION.md): found, placed within "
                   "15 km, right oblast, right type.")
@click.option("--control", "control_db", metavar="DB",
              help="Score the control timelines of a store (SQLite file or postgresql:// URL) against gold "
                   "settlement-days (--gold: a CSV, default the bundled public-record days; see docs/CONTROL.md).")
@click.option("--split", type=click.Choice(["dev", "test"]), help="With --captions: score only this split.")
@click.option("--years", help="With --ucdp: only rows of these years, e.g. 2022-2023 or 2014.")
@click.option("--limit", type=int, help="With --ucdp: score a deterministic sample of this many rows.")
@click.option("--errors", is_flag=True,
              help="Also list every disagreement: missed, spurious and wrongly filled events (gold), or the rows "
                   "that failed a measure with what was extracted (UCDP, ACLED, captions).")
def eval_(gold: str | None, corpus: str | None, ucdp: str | None, acled: str | None, captions: str | None,
          control_db: str | None, split: str | None, years: str | None, limit: int | None, errors: bool) -> None:
    """Score extraction: precision, recall and F1 per field against gold annotations, or UCDP / ACLED agreement."""
    try:
        if control_db:
            from frontline import api
            from frontline.evaluation.control import format_control
            click.echo(format_control(api.evaluate_control(control_db, gold), errors=errors))
        elif captions:
            _eval_captions(captions, split, errors)
        elif ucdp:
            _eval_ucdp(ucdp, _years(years), limit, errors)
        elif acled:
            _eval_acled(acled, errors)
        else:
            _eval_gold(gold, corpus, errors)
    except FrontlineError as exc:
        _fail(exc)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _years(years: str | None) -> tuple[int, int] | None:
    if not years:
        return None
    lo, _, hi = years.partition("-")
    if not (lo.isdigit() and (hi.isdigit() or not hi)):
        raise click.BadParameter(f"'{years}': write a year or a range, e.g. 2014 or 2022-2023", param_hint="--years")
    return int(lo), int(hi or lo)


def _eval_captions(captions: str, split: str | None, errors: bool) -> None:
    from frontline import api
    from frontline import evaluation as evaluate
    with _progress("scoring captions") as tick:
        report = api.evaluate_captions(captions, split=split, progress=lambda done, total: tick(None))
    click.echo(evaluate.format_captions(report))
    if errors:
        click.echo("\n" + evaluate.format_caption_misses(report))


def _eval_ucdp(ucdp: str, years: tuple[int, int] | None, limit: int | None, errors: bool) -> None:
    from frontline import api
    from frontline import evaluation as evaluate
    with _progress("scoring UCDP rows", limit) as tick:
        report = api.evaluate_ucdp(ucdp, years=years, limit=limit, progress=lambda done, total: tick(None))
    click.echo(evaluate.format_ucdp(report))
    if errors:
        click.echo("\n" + evaluate.format_ucdp_misses(report))


def _eval_acled(acled: str, errors: bool) -> None:
    from frontline import api
    from frontline import evaluation as evaluate
    with _progress("scoring ACLED notes") as tick:
        report = api.evaluate_acled(acled, progress=lambda done, total: tick(None))
    click.echo(evaluate.format_acled(report))
    if errors:
        click.echo("\n" + evaluate.format_acled_misses(report))


def _eval_gold(gold: str | None, corpus: str | None, errors: bool) -> None:
    from frontline import api
    from frontline import evaluation as evaluate
    with _progress("extracting the gold corpus") as tick:
        report = api.evaluate_gold(gold, [corpus] if corpus else None, progress=tick)
    click.echo(evaluate.format_report(report))
    if errors:
        click.echo("\n" + evaluate.format_errors(report))


def main() -> None:
    """Console-script entry point."""
    # Nothing the CLI runs uses torch, but spaCy's thinc imports it whenever it is installed (and the model
    # package's own dependencies install it): 1.5-2 s of every command's start-up, before a word is read. A
    # None entry makes that import fail as if torch were absent, which thinc handles; in this process only, so
    # a Python caller of frontline who uses torch is not affected.
    # (typeshed types sys.modules as modules only, but a None entry is the import system's documented block)
    sys.modules.setdefault("torch", None)  # type: ignore[arg-type]
    cli(prog_name="frontline")


if __name__ == "__main__":
    main()
