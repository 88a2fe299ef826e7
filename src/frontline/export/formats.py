"""The export formats: one row each, read by every surface that writes, offers or serves a format.

A row names a format (its media type, file extension and label) and what it can write: pipeline results
(``frontline extract`` and ``frontline export``), a query's records (``frontline events``), one page of
``GET /api/events`` (its ``format`` parameter and ``Accept`` types), and whether the web page offers it as a
download (and how the page joins several pages of it into one file). The CLI's ``--format`` choices, the REST
API's format parameter, content types and OpenAPI bodies, and the page's export links (through
``GET /api/vocabulary``) all read this table, so a new format is one row here plus its writers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Final, Literal, TextIO

from frontline.corpus.fuse import fuse_results
from frontline.errors import FrontlineError
from frontline.export import records, results
from frontline.models import ArticleResult, Background, FusedEvent, background_kept

if TYPE_CHECKING:
    from frontline.store.query import EventRecord, Page

__all__ = ["Format", "TABLE", "FORMATS", "names_where", "result_formats", "text_formats", "record_formats",
           "page_formats", "export_format", "write", "write_text", "write_records"]

ResultsWriter = Callable[[Iterable[ArticleResult], TextIO, "Iterable[FusedEvent] | None"], None]
# (records are the query layer's, imported only for the type checker: the CLI reads this table on every start)
RecordsWriter = Callable[["Iterable[EventRecord]", TextIO, "int | None"], int]
RecordsFileWriter = Callable[["Iterable[EventRecord]", "str | IO[bytes]"], int]
PageRenderer = Callable[["Page[EventRecord]", "tuple[str, ...] | None"], str]
# How the page joins the pages of a download into one file: keep the first page's header line only, or
# gather the features of every FeatureCollection into one.
Join = Literal["header", "features"]


@dataclass(frozen=True, slots=True)
class Format:
    """One export format and what each surface does with it.

    Attributes:
        name: the value of ``--format`` and of the REST API's ``format`` parameter.
        label: how the page names it on its download link.
        media_type: its content type (without a charset; Starlette adds one to ``text/*``).
        extension: its file name extension, with the dot.
        results: writes pipeline results ``(results, out, fused)``; None when it cannot.
        records: writes a query's records as text ``(records, out, total) -> count``; None when it cannot.
        records_file: writes a query's records to a file or binary stream ``(records, out) -> count`` (a
            binary format, which needs ``--output``); None when it cannot.
        page: renders one page of ``GET /api/events`` ``(page, fields) -> text``; None when the REST API does
            not answer in it.
        download: how the web page joins several pages into one download, or None when it offers no link.
        fused: its pipeline-results output also carries the run's fused events (``fused_events``).
        per_article: its pipeline-results output is the contract's article documents (``output.schema.json``),
            not rows of events: a store's export in it is written from the stored results.
    """

    name: str
    label: str
    media_type: str
    extension: str
    results: ResultsWriter | None = None
    records: RecordsWriter | None = None
    records_file: RecordsFileWriter | None = None
    page: PageRenderer | None = None
    download: Join | None = None
    fused: bool = False
    per_article: bool = False

    @property
    def binary(self) -> bool:
        """Written only to a file: a query's records in it need ``--output``."""
        return self.records is None and self.records_file is not None

    @property
    def json_body(self) -> bool:
        """Its body is a JSON document (the OpenAPI schema types it as an object, not a string)."""
        return self.media_type.endswith("json")


_ROWS: Final[tuple[Format, ...]] = (
    Format("json", "JSON", "application/json", ".json", results=results.write_json, records=records.write_json,
           page=records.json_page, fused=True, per_article=True),
    Format("jsonl", "JSON Lines", "application/x-ndjson", ".jsonl", results=results.write_jsonl,
           records=records.write_jsonl, per_article=True),
    Format("geojson", "GeoJSON", "application/geo+json", ".geojson", results=records.write_results_geojson,
           records=records.write_geojson, page=records.geojson_page_text, download="features"),
    Format("csv", "CSV", "text/csv", ".csv", results=records.write_results_csv, records=records.write_csv,
           page=records.csv_page, download="header"),
    Format("parquet", "Parquet", "application/vnd.apache.parquet", ".parquet", records_file=records.write_parquet),
)

TABLE: Final = MappingProxyType({row.name: row for row in _ROWS})


def names_where(test: Callable[[Format], object]) -> tuple[str, ...]:
    """The names of the formats for which ``test(row)`` is true, in the table's order."""
    return tuple(row.name for row in TABLE.values() if test(row))


def result_formats() -> tuple[str, ...]:
    """The formats of pipeline results (``frontline extract --format``, ``frontline export --format``)."""
    return names_where(lambda f: f.results is not None)


def text_formats() -> tuple[str, ...]:
    """The formats a query's records are written in as text."""
    return names_where(lambda f: f.records is not None)


def record_formats() -> tuple[str, ...]:
    """The formats of a query's records (``frontline events --format``), text and binary."""
    return names_where(lambda f: f.records is not None or f.records_file is not None)


def page_formats() -> tuple[str, ...]:
    """The formats a page of ``GET /api/events`` answers in, the first the default."""
    return names_where(lambda f: f.page is not None)


#: The formats of pipeline results, as ``result_formats()`` gives them.
FORMATS: Final[tuple[str, ...]] = result_formats()


def export_format(name: str) -> Format:
    """The row of format ``name``.

    Raises:
        FrontlineError: no format has that name.
    """
    row = TABLE.get(name)
    if row is None:
        raise FrontlineError(f"unknown export format {name!r}; choose one of {', '.join(TABLE)}")
    return row


def write(results: Iterable[ArticleResult], fmt: str, out: TextIO,
          fused: Iterable[FusedEvent] | None = None, *, background: Background = "exclude") -> None:
    """Write pipeline ``results`` to the text file ``out`` in format ``fmt`` (one of ``FORMATS``).

    ``fused`` events, when given, go into the ``json`` payload as ``fused_events`` (other formats ignore them).
    The rows of events (csv, geojson) leave out retold history unless ``background`` says otherwise, as the
    query layer does; the article documents (json, jsonl: the contract) keep every event with its mark.

    Every format streams one article at a time; ``json`` iterates ``fused`` only after the results, so a
    generator may compute them from the results it saw go by (see ``results.write_json``).

    Whatever the results hold, what is written encodes as UTF-8 (a lone surrogate becomes U+FFFD), and no
    CSV text cell starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab or CR get a leading
    apostrophe, see ``textguard.csv_cell``): ``source`` and ``notes`` come from remote pages.

    Raises:
        FrontlineError: ``fmt`` is not one of ``FORMATS``.
    """
    row = TABLE.get(fmt)
    if row is None or row.results is None:
        raise FrontlineError(f"unknown export format {fmt!r}; choose one of {', '.join(result_formats())}")
    if not row.per_article:
        results = _selected(results, background)
    row.results(results, out, fused)


def _selected(results: Iterable[ArticleResult], background: Background) -> Iterator[ArticleResult]:
    """The results with only the events a selection with ``background`` keeps."""
    for r in results:
        kept = tuple(e for e in r.events if background_kept(e, background))
        yield r if len(kept) == len(r.events) else replace(r, events=kept)


def write_stream(results: Iterable[ArticleResult], fmt: str, out: TextIO, *,
                 background: Background = "exclude") -> dict[str, int]:
    """Write results as they come in format ``fmt``, with the fused events of all of them at the end where the
    format carries them; returns the number of articles by status.

    Only what fusion needs (article records and events, no texts or mentions) is kept, and only for a format
    that carries fused events.

    Raises:
        FrontlineError: ``fmt`` is not one of ``FORMATS``.
    """
    row = TABLE.get(fmt)
    carries_fused = row is not None and row.fused      # an unknown format is refused by ``write``
    statuses = {"ok": 0, "failed": 0, "skipped": 0}
    kept: list[ArticleResult] = []

    def seen() -> Iterator[ArticleResult]:
        for r in results:
            statuses[r.article.status] += 1
            if carries_fused:
                kept.append(ArticleResult(r.article, events=r.events))
            yield r

    def fused() -> Iterator[FusedEvent]:      # a generator: runs only once every result has been written
        yield from fuse_results(kept)

    write(seen(), fmt, out, fused() if carries_fused else None, background=background)
    return statuses


def write_text(records: Iterable[EventRecord], fmt: str, out: TextIO, *, total: int | None = None) -> int:
    """Write a query's records in a text format (``text_formats()``) to ``out``; returns how many were written.

    ``jsonl``, ``geojson`` and ``csv`` stream; ``json`` streams too, writing the list item by item, and gives
    ``total`` (when given) as its total.

    Raises:
        FrontlineError: ``fmt`` is not a text format.
    """
    row = TABLE.get(fmt)
    if row is None or row.records is None:
        binary = ", ".join(names_where(lambda f: f.binary))
        raise FrontlineError(f"unknown text format {fmt!r}; choose one of {', '.join(text_formats())} "
                             f"({binary} is written to a file with --output)")
    return row.records(records, out, total)


def write_records(records: Iterable[EventRecord], fmt: str, output: str | None, stdout: TextIO) -> int:
    """Write a query's records in format ``fmt`` to the file ``output``, or to ``stdout`` when it is None.

    Returns how many were written. A text file is written as UTF-8 with the writer's own line ends.

    Raises:
        FrontlineError: ``fmt`` is not one of ``record_formats()``, or it is binary and ``output`` is None.
    """
    row = export_format(fmt)
    if row.records_file is not None and row.records is None:
        if output is None:
            raise FrontlineError(f"{fmt} is binary: give a file with --output, e.g. --output events{row.extension}")
        return row.records_file(records, output)
    if output is None:
        return write_text(records, fmt, stdout)
    with open(output, "w", encoding="utf-8", newline="") as out:
        return write_text(records, fmt, out)
