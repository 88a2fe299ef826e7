"""The command line: thin click commands over ``frontline.api``.

Each command parses its arguments, calls one API function and turns frontline's errors into readable
messages. Progress bars go to stderr and only when stderr is a terminal.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from .errors import FrontlineError
from .feeds import DEFAULT_MAX_ENTRIES
from .fetch import Fetcher, FetchSettings

FORMATS = ("json", "jsonl", "geojson", "csv")
EXIT_INPUT_FAILED = 3
_FETCH_DEFAULTS = FetchSettings()


def _date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2022-06-25") from None


@contextmanager
def _progress(label: str, total: int | None = None):
    """A rich progress bar on stderr, silent when stderr is not a terminal; yields a per-article callback."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, disable=not console.is_terminal, transient=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda result: bar.advance(task)


def _count_inputs(paths, feeds=()) -> int | None:
    if feeds:
        return None
    total = 0
    for p in map(Path, paths):
        if p.is_dir():
            total += sum(1 for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".html", ".htm")
                         and not f.name.lower().startswith("readme"))
        elif p.suffix.lower() == ".jsonl":
            return None
        else:
            total += 1
    return total


def _fail(exc: FrontlineError) -> None:
    raise click.ClickException(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="frontline")
@click.option("-v", "--verbose", count=True, help="Log more: -v for info, -vv for debug (to stderr).")
def cli(verbose: int) -> None:
    """frontline: turn war reporting into sourced, geolocated event data.

    Read news articles (text, HTML, JSONL, folders with a manifest.jsonl), find the events they report
    (what, where, when, who, how many, who says so) and write them out or store them in SQLite.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


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
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="Output format: json (the output.schema.json contract), jsonl (one article with its events a "
                   "line), geojson (located events), csv (ACLED-style columns).")
@_published_option
@_web_options
@_run_options
def extract(paths: tuple[str, ...], fmt: str, published: dt.date | None, feeds: tuple[str, ...], max_entries: int,
            allow_private: bool, timeout: float, connect_timeout: float, max_size: float, processes: int | None,
            workers: int | None, cluster: str | None) -> None:
    """Extract events from PATHS and feeds and write them to stdout.

    PATHS are .txt or .html files, .jsonl files (one article a line: text or html, optional id, title,
    published, url, source), folders (read recursively; a manifest.jsonl gives per-file metadata) or
    http(s) URLs of article pages. Exits with status 3 when any input failed; the others are still written.
    """
    from . import api
    _require_inputs(paths, feeds)
    runner = None
    try:
        runner = api.runner_for(workers, cluster, processes)
        with _progress("extracting", _count_inputs(paths, feeds)) as tick, \
                _fetcher(allow_private, timeout, connect_timeout, max_size) as fetcher:
            results = api.iter_extract(paths, published, feeds=feeds, fetcher=fetcher, max_entries=max_entries,
                                       progress=tick, runner=runner)
            statuses = api.write_stream(results, fmt, sys.stdout)
    except FrontlineError as exc:
        _fail(exc)
    finally:
        if runner is not None:
            runner.close()
    if statuses["failed"]:
        sys.exit(EXIT_INPUT_FAILED)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", type=click.Path(dir_okay=False), default="frontline.db", show_default=True,
              help="SQLite database file to write (created if missing).")
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
    from . import api
    _require_inputs(paths, feeds)
    runner = None
    try:
        runner = api.runner_for(workers, cluster, processes)
        with _progress("ingesting", _count_inputs(paths, feeds)) as tick, \
                _fetcher(allow_private, timeout, connect_timeout, max_size) as fetcher:
            report = api.ingest(paths, db, published, feeds=feeds, fetcher=fetcher, max_entries=max_entries,
                                progress=tick, runner=runner)
    except FrontlineError as exc:
        _fail(exc)
    finally:
        if runner is not None:
            runner.close()
    click.echo(f"{report.articles} articles read: {report.ok} ok, {report.skipped} skipped, {report.failed} failed; "
               f"{report.events} events; {report.changed} articles new or changed, {report.unchanged} unchanged "
               f"in {db}; {report.copies} copies of earlier articles (their events not counted again); "
               f"{report.fused_events} fused events and {report.timelines} timelines updated", err=True)
    if report.failed:
        sys.exit(EXIT_INPUT_FAILED)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False, exists=True), default="frontline.db", show_default=True,
              help="SQLite database written by 'frontline ingest'.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="Output format, as for 'frontline extract'.")
def export(db: str, fmt: str) -> None:
    """Write every stored article and event from a database to stdout."""
    from . import api
    try:
        api.write(api.stored_results(db), fmt, sys.stdout)
    except FrontlineError as exc:
        _fail(exc)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False, exists=True), default="frontline.db", show_default=True,
              help="SQLite database written by 'frontline ingest'.")
def summary(db: str) -> None:
    """Print a readable summary of a database: events by type, place and date."""
    from .report import print_summary
    try:
        print_summary(db)
    except FrontlineError as exc:
        _fail(exc)


@cli.command()
@click.argument("place")
@click.option("--db", type=click.Path(dir_okay=False, exists=True), default="frontline.db", show_default=True,
              help="SQLite database written by 'frontline ingest'.")
def timeline(place: str, db: str) -> None:
    """Print who held the settlement PLACE over time (UA, RU, contested, unknown), with who says so.

    PLACE may be spelled any way the gazetteer knows (Severodonetsk, Sievierodonetsk, Siewierodonezk).
    """
    from . import api
    from .control import format_timeline
    try:
        click.echo(format_timeline(api.timeline(db, place)))
    except FrontlineError as exc:
        _fail(exc)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default="frontline.db", show_default=True,
              help="SQLite database to write the sample corpus into.")
def demo(db: str) -> None:
    """Ingest the bundled sample corpus (five seed articles) into a database and print its summary."""
    from . import api
    from .report import print_summary
    corpus = api.sample_corpus()
    try:
        with _progress("ingesting the sample corpus", _count_inputs([corpus])) as tick:
            report = api.ingest([corpus], db, progress=tick)
        click.echo(f"{report.articles} sample articles ingested into {db} ({report.events} events)", err=True)
        print_summary(db)
    except FrontlineError as exc:
        _fail(exc)


@cli.command(name="eval")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False),
              help="Gold annotations (JSONL, see docs/EVALUATION.md). Default: the bundled gold for the sample "
                   "corpus.")
@click.option("--corpus", type=click.Path(exists=True),
              help="Folder or files the gold refers to. Default: the bundled sample corpus.")
@click.option("--ucdp", type=click.Path(exists=True, dir_okay=False),
              help="Score against a UCDP GED CSV instead (headlines in, place/oblast/date/deaths checked).")
@click.option("--years", help="With --ucdp: only rows of these years, e.g. 2022-2023 or 2014.")
@click.option("--limit", type=int, help="With --ucdp: score a deterministic sample of this many rows.")
@click.option("--errors", is_flag=True,
              help="Also list every disagreement: missed, spurious and wrongly filled events (gold), or the rows "
                   "that failed a measure with what was extracted (UCDP).")
def eval_(gold: str | None, corpus: str | None, ucdp: str | None, years: str | None, limit: int | None,
          errors: bool) -> None:
    """Score extraction: precision, recall and F1 per field against gold annotations, or UCDP agreement."""
    from . import api, evaluate
    try:
        if ucdp:
            yr = None
            if years:
                lo, _, hi = years.partition("-")
                if not (lo.isdigit() and (hi.isdigit() or not hi)):
                    raise click.BadParameter(f"'{years}': write a year or a range, e.g. 2014 or 2022-2023",
                                             param_hint="--years")
                yr = (int(lo), int(hi or lo))
            with _progress("scoring UCDP rows", limit) as tick:
                report = api.evaluate_ucdp(ucdp, years=yr, limit=limit, progress=lambda done, total: tick(None))
            click.echo(evaluate.format_ucdp(report))
            if errors:
                click.echo("\n" + evaluate.format_ucdp_misses(report))
        else:
            with _progress("extracting the gold corpus") as tick:
                report = api.evaluate_gold(gold, [corpus] if corpus else None, progress=tick)
            click.echo(evaluate.format_report(report))
            if errors:
                click.echo("\n" + evaluate.format_errors(report))
    except FrontlineError as exc:
        _fail(exc)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="frontline")


if __name__ == "__main__":
    main()
