"""Read input files and folders into ``RawArticle`` records: the first stage of the pipeline.

What is read:

- ``.txt``: decoded as UTF-8; a file that is not valid UTF-8 as a whole is decoded line by line, each
  line as UTF-8 when it can be and as Windows-1252 otherwise (copies pasted together from several sources
  mix the two). The decoded text is kept as it is, CRLF and all: cleaning comes later.
- ``.html`` / ``.htm``: the page's main text is extracted with trafilatura (menus, footers and other
  boilerplate dropped); the page itself is kept in ``RawArticle.html``. Title, date and site name come from
  the page's metadata; the date is never guessed from the page's text (a copyright footer is not a date).
- ``.jsonl``: one article per line, an object with ``text`` or ``html`` and optionally ``id``, ``title``,
  ``published`` (YYYY-MM-DD), ``url`` and ``source``. A line that cannot be read becomes a failed record
  whose path is ``file.jsonl:LINE``; the other lines still come out. The file is streamed line by line, so
  its size is not limited; a line longer than ``MAX_LINE_BYTES`` is passed over without being read into
  memory, and fails.
- URLs (``http://`` and ``https://``): the page is fetched (``frontline.sources.fetch``, with its limits and its
  refusal of private addresses) and read like an ``.html`` file, or as text when it is ``text/plain``. The
  charset is the HTTP header's, else the page's ``<meta>``'s, unless the bytes are valid UTF-8; else the
  ``.txt`` fallback applies. The outlet (``source``) is the page's site name, else the feed's title, else
  the host name; ``url`` is the address the page was finally read from.
- feeds (``feeds=``): each RSS or Atom feed is fetched and its entries' links are read as URLs, the entry's
  title and date taking precedence over the page's. An entry that cannot be fetched is a failed record;
  its summary is not used in place of the article.
- folders, recursively and in sorted order. A ``manifest.jsonl`` in a folder gives metadata for the files
  it lists (one object per line: ``file`` relative to that folder, ``published``, ``source``, ``url``,
  ``title``); a manifest in a subfolder wins over one higher up. Files the manifest does not list are read
  too. Not articles, and passed over without a record: ``manifest.jsonl`` itself, ``README*`` files and
  hidden files and folders (names starting with a dot). A file listed in a manifest but missing becomes a
  failed record; a folder with nothing to read becomes one skipped record.

Decoding, when the bytes are not valid UTF-8 and carry no BOM: UTF-16 without a BOM is recognised by
its NUL bytes; text whose letters are mostly not ASCII (Cyrillic in Windows-1251, say) is decoded in the
charset charset-normalizer finds; otherwise each line is read as UTF-8 when it mostly is (one bad byte in a
minified page becomes U+FFFD) and as Windows-1252 when not.

What no later stage sees: text that UTF-8 cannot encode (a lone surrogate escaped in JSON, a file name with
a non-UTF-8 byte) is replaced by U+FFFD in every field of every record (``frontline.textguard``); a manifest
line naming a file outside the manifest's folder (``..``, an absolute path, a symbolic link leading out) is
refused, and so is a link in a folder to a file outside it; a publication date outside
``EARLIEST_PUBLISHED`` .. a year from today fails the article (``check_published``).

Nothing per-file ever raises: a missing path, an unreadable, empty or binary file, an unsupported
extension, a broken JSONL line or a non-English text each come out as a ``RawArticle`` with status
``failed`` (it could not be read) or ``skipped`` (it was read but is not something frontline handles) and
an ``error`` in plain words, and reading goes on with the next input.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from frontline.errors import FetchError, InputError, ResourceError
from frontline.models import RawArticle
from frontline.sources.feeds import DEFAULT_MAX_ENTRIES, read_feed
from frontline.sources.fetch import Fetched, Fetcher, FetchSettings, is_url
from frontline.sources.language import LanguageDetector
from frontline.textguard import scrub_fields

__all__ = ["read_inputs", "READABLE_EXTENSIONS", "MANIFEST_NAME", "MAX_FILE_BYTES", "MAX_LINE_BYTES",
           "MAX_TEXT_CHARS", "EARLIEST_PUBLISHED", "check_published"]

log = logging.getLogger(__name__)

READABLE_EXTENSIONS: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl")
MANIFEST_NAME = "manifest.jsonl"
#: Larger inputs are refused rather than read into memory: no news article comes near this.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: A JSONL line longer than this is passed over unread (a page with its HTML fits many times over).
MAX_LINE_BYTES = 8 * 1024 * 1024
#: Longer texts are refused before cleaning: the parser takes 1,000,000 characters at most, and cleaning
#: a text of tens of megabytes only to refuse it costs minutes.
MAX_TEXT_CHARS = 2_000_000
#: The earliest publication date taken as real; later than a year from today is not taken either.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)

_UNSUPPORTED_HINT = "frontline reads .txt, .html, .htm, .jsonl and folders"
_BINARY_HINT = "convert it to text, HTML or JSONL first"
_EMPTY = "empty file: nothing to read; check that it was saved whole"
_BLANK = "empty file (only whitespace): nothing to read; check that it was saved whole"
_NOT_REGULAR = "not a regular file (a device, pipe, socket or broken link): pass files or folders"
# Leading bytes of common binary formats, to tell the user what a misnamed file really is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a ZIP archive or Office document"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Meta:
    """Metadata given for one input by a manifest line or a JSONL line."""

    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    input_id: str | None = None
    error: str | None = None      # why the metadata makes the article unusable (an impossible date)


class _BinaryInput(Exception):
    """Raised inside this module when bytes are not text; turned into a failed record."""


def read_inputs(paths: Iterable[str | Path] | str | Path, published: dt.date | None = None, *,
                detector: LanguageDetector | None = None, feeds: Iterable[str] = (),
                fetcher: Fetcher | None = None, fetch_settings: FetchSettings | None = None,
                max_entries: int = DEFAULT_MAX_ENTRIES) -> Iterator[RawArticle]:
    """Read files, folders, URLs and feeds into ``RawArticle`` records, one per article, in a stable order.

    Args:
        paths: files, folders and URLs to read (a single one is accepted too); a string that starts with
            a scheme and '://' is a URL.
        published: the publication date of articles whose input gives none.
        detector: the language detector to use; one is loaded on first need when not given.
        feeds: URLs of RSS or Atom feeds, read after ``paths``.
        fetcher: the Fetcher for URLs and feeds (the caller closes it). When not given, one is built with
            ``fetch_settings`` on first need and closed when reading ends.
        fetch_settings: limits for the Fetcher built here (default ``FetchSettings()``: public addresses only).
        max_entries: entries read from each feed at most.

    Returns:
        An iterator of ``RawArticle``. Unusable inputs come out with status ``failed`` or ``skipped`` and
        an ``error``; reading never stops on a per-file problem.

    Raises:
        InputError: no paths and no feeds were given at all.
        ResourceError: the language model cannot be loaded.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    given = [p if is_url(p) else Path(p) for p in paths]
    feeds = list(feeds)
    if not given and not feeds:
        raise InputError("no input paths given: pass one or more .txt, .html, .htm or .jsonl files, folders or URLs, "
                         "or feeds")
    if published is not None and (problem := check_published(published)):
        raise InputError(problem)
    return _Reader(published, detector, fetcher, fetch_settings, max_entries).read_all(given, feeds)


class _Reader:
    """One ``read_inputs`` call: the default date, the (lazily loaded) language detector and fetcher."""

    def __init__(self, published: dt.date | None, detector: LanguageDetector | None,
                 fetcher: Fetcher | None = None, fetch_settings: FetchSettings | None = None,
                 max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self._published = published
        self._detector = detector
        self._given_fetcher = fetcher
        self._own_fetcher: Fetcher | None = None
        self._fetch_settings = fetch_settings
        self._max_entries = max_entries

    def read_all(self, paths: list[Path | str], feeds: list[str]) -> Iterator[RawArticle]:
        # The one exit of every record: nothing downstream sees text that UTF-8 cannot encode.
        return (scrub_fields(article) for article in self._read_all(paths, feeds))

    def _read_all(self, paths: list[Path | str], feeds: list[str]) -> Iterator[RawArticle]:
        try:
            for path in paths:
                if isinstance(path, str):
                    yield self._guarded(path, self._read_url, path)
                else:
                    yield from self._read_path(path)
            for feed in feeds:
                yield from self._read_feed(feed)
        finally:
            if self._own_fetcher is not None:
                self._own_fetcher.close()

    # --- dispatch -----------------------------------------------------------------------------------

    def _read_path(self, path: Path) -> Iterator[RawArticle]:
        name = str(path)
        try:
            is_dir, exists, is_file = path.is_dir(), path.exists(), path.is_file()
        except OSError as exc:
            yield self._failed(name, f"cannot read: {_os_reason(exc)}")
            return
        if is_dir:
            found = False
            for article in self._read_folder(path):
                found = True
                yield article
            if not found:
                yield self._skipped(name, f"no input files in this folder: {_UNSUPPORTED_HINT}")
        elif not exists:
            yield self._failed(name, "no such file or folder: check the path")
        elif not is_file:
            yield self._skipped(name, _NOT_REGULAR)
        else:
            yield from self._read_file(path, self._sibling_manifest_entry(path))

    def _sibling_manifest_entry(self, path: Path) -> _Meta | None:
        """A file passed on its own still takes its metadata from a manifest.jsonl beside it, if one lists it."""
        manifest = path.parent / MANIFEST_NAME
        if path.name == MANIFEST_NAME or not manifest.is_file():
            return None
        key = os.path.normpath(path)
        for listed, entry in self._read_manifest(manifest):
            if listed == key and not isinstance(entry, RawArticle):
                return entry[0]
        return None

    def _read_file(self, path: Path, meta: _Meta | None) -> Iterator[RawArticle]:
        name = str(path)
        ext = path.suffix.lower()
        if meta is not None and meta.error:
            yield self._failed(name, meta.error)
        elif path.name == MANIFEST_NAME:
            yield self._skipped(name, f"{MANIFEST_NAME} describes the files of its folder: pass the folder instead")
        elif ext == ".txt":
            yield self._guarded(name, self._read_txt, path, meta)
        elif ext in (".html", ".htm"):
            yield self._guarded(name, self._read_html_file, path, meta)
        elif ext == ".jsonl":
            yield from self._read_jsonl(path)
        elif ext:
            yield self._skipped(name, f"unsupported file type '{ext}': {_UNSUPPORTED_HINT}")
        else:
            yield self._skipped(name, f"unsupported file type (no extension): {_UNSUPPORTED_HINT}")

    def _guarded(self, name: str, read: Callable[..., RawArticle], *args: Any) -> RawArticle:
        """Run one reader; an unexpected error (a bug) fails this input only, and reading goes on."""
        try:
            return read(*args)
        except ResourceError:
            raise
        except Exception as exc:  # the boundary: no per-file problem may stop the run
            log.exception("unexpected error reading %s", name)
            return self._failed(name, f"unexpected error while reading ({type(exc).__name__}: {exc}); "
                                      "please report it with this file")

    # --- folders and manifests ----------------------------------------------------------------------

    def _read_folder(self, root: Path) -> Iterator[RawArticle]:
        files: list[Path] = []
        listed: dict[str, tuple[_Meta, str]] = {}   # normalised path -> (metadata, where it was listed)
        for folder, dirs, names in os.walk(root, onerror=lambda exc: log.warning("cannot list %s", exc)):
            # Sorted in place so os.walk descends in a deterministic order; hidden folders are not input.
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            here = Path(folder)
            if MANIFEST_NAME in names:
                manifest = here / MANIFEST_NAME
                for key, entry in self._read_manifest(manifest):
                    if isinstance(entry, RawArticle):
                        yield entry
                    else:
                        listed[key] = entry
            files.extend(here / n for n in sorted(names) if not _is_passed_over(n))
        seen: set[str] = set()
        inside = root.resolve()
        for path in files:
            key = os.path.normpath(path)
            seen.add(key)
            entry = listed.get(key)
            if path.is_symlink() and not path.exists():
                yield self._skipped(str(path), f"a link that leads nowhere (broken, or a loop of links; "
                                               f"{_link_target(path)}): fix or remove the link")
            elif path.is_symlink() and not _within(path, inside):
                yield self._skipped(str(path), f"a link to a file outside {root} ({_link_target(path)}); pass that "
                                               "file itself if it is meant to be read")
            elif path.is_file():
                yield from self._read_file(path, entry[0] if entry else None)
            else:   # a pipe would block the read, a dangling link cannot be read
                yield self._skipped(str(path), _NOT_REGULAR)
        for key, (meta, where) in listed.items():
            if key in seen:
                continue
            path = Path(key)
            if path.is_file():   # listed on purpose although hidden or outside the walk: read it
                yield from self._read_file(path, meta)
            else:
                yield self._failed(key, f"listed in {where} but not found: fix the name in the manifest or add the file")

    def _read_manifest(self, manifest: Path) -> Iterator[tuple[str, tuple[_Meta, str] | RawArticle]]:
        """Yield ``(normalised file path, (metadata, 'manifest:LINE'))`` or a failed record per bad line."""
        try:
            text = _decode(manifest.read_bytes())
        except (OSError, _BinaryInput) as exc:
            reason = _os_reason(exc) if isinstance(exc, OSError) else "binary file, not text"
            yield "", self._failed(str(manifest), f"cannot read the manifest: {reason}; its files are read "
                                                  "without metadata")
            return
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{manifest}:{number}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield "", self._failed(where, f"{manifest.name} line {number} is not valid JSON ({_json_reason(exc)}): "
                                              "fix the line (one JSON object a line)")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("file"), str) or not obj["file"].strip():
                yield "", self._failed(where, f"{manifest.name} line {number} has no 'file' name")
                continue
            listed = manifest.parent / obj["file"]
            if not _within(listed, manifest.parent.resolve()):
                yield "", self._failed(where, f"{manifest.name} line {number} names '{obj['file']}', which is outside "
                                              f"the manifest's folder {manifest.parent}: a manifest lists files inside "
                                              "its own folder; move the file there or pass it as a path")
                continue
            key = os.path.normpath(listed)
            yield key, (_meta_from(obj, where), where)

    # --- file kinds ---------------------------------------------------------------------------------

    def _read_text_file(self, path: Path) -> str | RawArticle:
        """The decoded text of a file, or the failed article that says why there is none."""
        name = str(path)
        data = _read_bytes(path)
        if isinstance(data, str):
            return self._failed(name, data)
        if not data:
            return self._failed(name, _EMPTY)
        try:
            return _decode(data)
        except _BinaryInput as exc:
            return self._failed(name, str(exc))

    def _read_txt(self, path: Path, meta: _Meta | None) -> RawArticle:
        text = self._read_text_file(path)
        if isinstance(text, RawArticle):
            return text
        return self._finish(RawArticle(text=text, path=str(path)), meta)

    def _read_html_file(self, path: Path, meta: _Meta | None) -> RawArticle:
        page = self._read_text_file(path)
        if isinstance(page, RawArticle):
            return page
        return self._from_html(page, str(path), meta)

    def _from_html(self, page: str, name: str, meta: _Meta | None) -> RawArticle:
        if not page.strip():
            return self._failed(name, _BLANK, html=page)
        try:
            extracted = _extract_html(page)
        except Exception as exc:  # trafilatura/lxml raise many types; translate them all
            log.debug("trafilatura failed on %s", name, exc_info=True)
            return self._failed(name, f"could not extract text from the HTML page ({type(exc).__name__}: {exc})",
                                html=page)
        if extracted is None or not extracted.text.strip():
            return self._failed(name, "no article text found in the HTML page: check that the page holds the article "
                                     "(not only a menu, a consent wall or a script)", html=page)
        article = RawArticle(text=extracted.text, path=None if is_url(name) else name, url=extracted.url,
                             title=extracted.title, source=extracted.source, published=extracted.published, html=page)
        return self._finish(article, meta)

    # --- the web ----------------------------------------------------------------------------------------

    def _fetcher(self) -> Fetcher:
        if self._given_fetcher is not None:
            return self._given_fetcher
        if self._own_fetcher is None:
            self._own_fetcher = Fetcher(self._fetch_settings)
        return self._own_fetcher

    def _read_url(self, url: str, meta: _Meta | None = None, outlet: str | None = None) -> RawArticle:
        """Fetch one page and read it; ``meta`` (from a feed entry) wins over the page's own metadata."""
        try:
            fetched = self._fetcher().fetch(url, "page")
        except FetchError as exc:
            return _with_source(self._failed(url, str(exc), meta=meta), outlet or _host(url))
        meta = replace(meta or _Meta(), url=fetched.url)
        if not fetched.body.strip():
            return _with_source(self._failed(url, f"{url}: the server sent an empty page", meta=meta),
                                outlet or _host(fetched.url))
        try:
            page = _decode_page(fetched)
        except _BinaryInput as exc:
            return _with_source(self._failed(url, f"{url}: {exc}", meta=meta), outlet or _host(fetched.url))
        if fetched.content_type == "text/plain":
            article = self._finish(RawArticle(text=page), meta)
        else:
            article = self._from_html(page, url, meta)
        return _with_source(article, outlet or _host(fetched.url))

    def _read_feed(self, url: str) -> Iterator[RawArticle]:
        try:
            feed = read_feed(self._fetcher(), url, max_entries=self._max_entries)
        except InputError as exc:
            yield self._failed(url, str(exc))
            return
        except Exception as exc:  # feedparser raises many types; one feed must not stop the run
            log.exception("unexpected error reading the feed %s", url)
            yield self._failed(url, f"{url}: unexpected error while reading the feed ({type(exc).__name__}: {exc}); "
                                    "please report it with this address")
            return
        if not feed.entries:
            yield self._skipped(url, f"{url}: the feed has no entries")
            return
        outlet = feed.title or _host(feed.url)
        for entry in feed.entries:
            # a feed's impossible date is the feed's mistake, not the article's: the date is dropped
            published = entry.published if entry.published and not check_published(entry.published) else None
            meta = _Meta(title=entry.title, published=published)
            if entry.link is None:
                # the feed's URL with the entry's position as fragment: a key of its own for the record
                yield _with_source(self._failed(f"{url}#entry-{entry.number}",
                                                f"{url}: entry {entry.number} has no link to an article", meta=meta),
                                   outlet)
            else:
                yield self._guarded(entry.link, self._read_url, entry.link, meta, outlet)

    def _read_jsonl(self, path: Path) -> Iterator[RawArticle]:
        """One record per non-blank line, streamed: the file's size is not limited, each line's is."""
        name = str(path)
        try:
            with path.open("rb") as f:
                head = f.read(4096)
                binary = _binary_kind(head)
                if binary:
                    yield self._failed(name, binary)
                    return
                f.seek(0)
                found = False
                for number, line, size in _lines(f, MAX_LINE_BYTES):
                    if line is not None and not line.strip():
                        continue
                    found = True
                    where = f"{name}:{number}"
                    if line is None:
                        yield self._failed(where, f"{name} line {number} is too long ({size / 2**20:.0f} MiB; "
                                                  f"frontline reads lines up to {MAX_LINE_BYTES // 2**20} MiB): split "
                                                  "it into one article a line")
                    else:
                        yield self._guarded(where, self._from_json_bytes, line, name, number)
        except OSError as exc:
            yield self._failed(name, f"cannot read the file: {_os_reason(exc)}")
            return
        if not found:
            yield self._failed(name, _EMPTY if not head else _BLANK)

    def _from_json_bytes(self, data: bytes, name: str, number: int) -> RawArticle:
        if b"\x00" in data:
            return self._failed(f"{name}:{number}", f"{name} line {number} holds NUL bytes, so it is binary data, not "
                                                    "JSON text: remove the line or write it as JSON")
        data = data.rstrip(b"\r\n")
        line = _decode_line(data.removeprefix(b"\xef\xbb\xbf") if number == 1 else data)
        return self._from_json_line(line, name, number)

    def _from_json_line(self, line: str, name: str, number: int) -> RawArticle:
        where = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            return self._failed(where, f"{name} line {number} is not valid JSON ({_json_reason(exc)}): fix the "
                                       "line (one JSON object a line)")
        if not isinstance(obj, dict):
            return self._failed(where, f"{name} line {number} is not a JSON object: write each article as "
                                       '{"text": ...} or {"html": ...}')
        meta = _meta_from(obj, where)
        if meta.error:
            return self._failed(where, meta.error, meta=meta)
        text, html = obj.get("text"), obj.get("html")
        for key, value in (("text", text), ("html", html)):
            if value is not None and not isinstance(value, str):
                return self._failed(where, f"{name} line {number}: '{key}' is {_json_type(value)}, not a string: "
                                           f"give the article's {key} as a JSON string", meta=meta)
        if isinstance(text, str) and text.strip():
            return self._finish(RawArticle(text=text, path=where), meta)
        if isinstance(html, str) and html.strip():
            return self._from_html(html, where, meta)
        return self._failed(where, f"{name} line {number} has no 'text' or 'html' with content (a non-empty "
                                   "string): give the article's text in one of them", meta=meta)

    # --- shared ending ------------------------------------------------------------------------------

    def _finish(self, article: RawArticle, meta: _Meta | None) -> RawArticle:
        """Attach metadata (given metadata > page metadata > the default date) and check the text."""
        article = _with_meta(article, meta, self._published)
        if not article.text.strip():
            return replace(article, status="failed", error=_BLANK)
        if len(article.text) > MAX_TEXT_CHARS:
            return replace(article, status="skipped",
                           error=f"too long for one article ({len(article.text):,} characters, frontline reads up to "
                                 f"{MAX_TEXT_CHARS:,}): split it into articles, e.g. one JSONL line each")
        english, guess = self._language().is_english(article.text)
        if not english:
            return replace(article, status="skipped", error=f"not English (looks like {guess.code}): frontline reads English "
                                                               "articles; translate it first")
        return article

    def _language(self) -> LanguageDetector:
        if self._detector is None:
            self._detector = LanguageDetector()
        return self._detector

    def _failed(self, path: str, error: str, *, html: str | None = None, meta: _Meta | None = None) -> RawArticle:
        """A failed record for a path or (``path`` being one) a URL, which goes in ``url`` instead."""
        log.info("failed: %s: %s", path, error)
        if meta is not None and meta.error:
            meta = replace(meta, published=None)
        return _with_meta(RawArticle(text="", html=html, status="failed", error=error, **_origin(path)), meta,
                          self._published)

    def _skipped(self, path: str, error: str) -> RawArticle:
        log.info("skipped: %s: %s", path, error)
        return RawArticle(text="", status="skipped", error=error, published=self._published, **_origin(path))


# --- helpers ----------------------------------------------------------------------------------------

def _origin(name: str) -> dict[str, str]:
    """Where a record came from: a URL goes in ``url``, anything else in ``path``."""
    return {"url": name} if is_url(name) else {"path": name}


def _host(url: str) -> str | None:
    """The host name without 'www.': the outlet of last resort."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def _with_source(article: RawArticle, outlet: str | None) -> RawArticle:
    return article if article.source or not outlet else replace(article, source=outlet)


def _decode_page(fetched: Fetched) -> str:
    """Decode a fetched body: BOM, else valid UTF-8, else the declared charset (header, then <meta>), else
    the ``.txt`` fallback (UTF-8 or Windows-1252 line by line).

    Valid UTF-8 wins over a declared charset because pages labelled ISO-8859-1 that are really UTF-8 are
    common, while text in a legacy charset is almost never valid UTF-8 by accident.

    Raises:
        _BinaryInput: the body is not text.
    """
    text = _decode(fetched.body)      # also the binary check
    if fetched.body.startswith(tuple(bom for bom, _ in _BOMS)) or _is_utf8(fetched.body):
        return text
    declared = fetched.charset
    if declared is None and fetched.content_type != "text/plain":
        found = _META_CHARSET.search(fetched.body[:4096])
        declared = found.group(1).decode("ascii") if found else None
    try:
        codec = codecs.lookup(declared).name if declared else None
    except LookupError:
        log.debug("unknown charset %r", declared)
        codec = None
    if codec in (None, "utf-8"):
        return text
    # As browsers do (WHATWG Encoding): ISO-8859-1 and ASCII labels mean Windows-1252.
    codec = "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec
    try:
        return fetched.body.decode(codec)
    except UnicodeDecodeError:
        return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_passed_over(name: str) -> bool:
    """Files in a folder that are not articles: the manifest, READMEs and hidden files."""
    return name == MANIFEST_NAME or name.startswith(".") or name.upper().startswith("README")


def _read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or a plain-words reason why they cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return (f"file too large ({size / 1e6:.0f} MB; frontline reads files up to {MAX_FILE_BYTES // 2**20} MiB): "
                    "split it into articles, e.g. one JSONL line each")
        return path.read_bytes()
    except OSError as exc:
        return f"cannot read the file: {_os_reason(exc)}"


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _decode(data: bytes) -> str:
    """Decode bytes as text: a BOM's encoding, else UTF-8, else UTF-16 without a BOM, else a non-Latin legacy
    charset when the letters are mostly not ASCII, else UTF-8 or Windows-1252 line by line.

    Raises:
        _BinaryInput: the bytes are not text (NUL bytes, a known binary signature, many control characters).
    """
    for signature, kind in _MAGIC:
        if data.startswith(signature):
            raise _BinaryInput(f"binary file ({kind}), not text: {_BINARY_HINT}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _BinaryInput(f"binary file, not text (broken {encoding} text): save it as UTF-8 text") from exc
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise _BinaryInput(f"binary file, not text: {_BINARY_HINT}")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise _BinaryInput("looks like UTF-16 text without a byte-order mark, but it is broken: save it as "
                               "UTF-8 text") from exc
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _legacy_charset(data) or "".join(_decode_line(line) for line in data.splitlines(keepends=True))
    controls = sum(1 for c in text if c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc")
    if controls > max(2, len(text) // 100):
        raise _BinaryInput(f"binary file, not text (control characters throughout): {_BINARY_HINT}")
    return text


def _binary_kind(head: bytes) -> str | None:
    """Why the first bytes of a JSONL file say it is not text, or None."""
    for signature, kind in _MAGIC:
        if head.startswith(signature):
            return f"binary file ({kind}), not text: {_BINARY_HINT}"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return "JSONL in UTF-16: save it as UTF-8 (JSON Lines are UTF-8)"
    if b"\x00" in head:
        return f"binary file, not text: {_BINARY_HINT}"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text without a BOM, else None.

    Text of Latin letters in UTF-16 has a NUL as every other byte; nearly every other binary format has its
    NULs anywhere.
    """
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even_nul, odd_nul = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd_nul > 0.8 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.8 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _legacy_charset(data: bytes) -> str | None:
    """The text decoded in the charset charset-normalizer finds, when its letters are mostly not ASCII.

    English or Western European text in Windows-1252 has a few non-ASCII bytes among many ASCII letters;
    Cyrillic (Windows-1251, KOI8-R), Greek or Hebrew text in a legacy charset is mostly non-ASCII bytes,
    which Windows-1252 would turn into accented Latin gibberish. Returns None to keep the line-by-line
    UTF-8 / Windows-1252 reading.
    """
    high = sum(1 for b in data if b >= 0x80)
    ascii_letters = sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    if high < 20 or high < 0.3 * (high + ascii_letters):
        return None
    from charset_normalizer import from_bytes  # imported here: only such files need it

    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in ("utf_8", "ascii", "cp1252", "latin_1"):
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_line(line: bytes) -> str:
    """One line: UTF-8, or UTF-8 with its few bad bytes replaced when it is mostly UTF-8, else Windows-1252."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = line.decode("utf-8", "replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for c in lenient if ord(c) > 0x7F and c != "\ufffd")
    if good > 2 * bad:
        # e.g. a minified page (one line) of UTF-8 with one stray byte: Windows-1252 would garble it all
        return lenient
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined: Latin-1 keeps them as C1 controls, which the
        # cleaner's encoding repair knows how to treat.
        return line.decode("latin-1")


def _lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(number, line, size)`` for each line of a binary file; ``line`` is None for a line over ``limit``
    bytes, which is skipped in bounded chunks, never held whole."""
    number = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            del line
            while True:
                chunk = f.readline(2**20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, None, size
        else:
            yield number, line, len(line)


def _within(path: Path, folder: Path) -> bool:
    """``path``, links followed, is inside the resolved ``folder``."""
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):   # a link loop
        return False


def _link_target(path: Path) -> str:
    try:
        return f"it points to {os.readlink(path)}"
    except OSError:
        return "a link"


def check_published(published: dt.date) -> str | None:
    """What is wrong with a publication date, or None when it is plausible (1900 to a year from today).

    An impossible date (0001-01-01, 9999-12-31) is a typo or a placeholder; taken as real it would date
    every event of the article, or overflow the date arithmetic of relative dates ('three days ago').
    """
    latest = dt.date.today() + dt.timedelta(days=366)
    if EARLIEST_PUBLISHED <= published <= latest:
        return None
    return (f"'published' {published.isoformat()} is not a plausible publication date (frontline takes dates from "
            f"{EARLIEST_PUBLISHED.isoformat()} to {latest.isoformat()}): fix it, written as YYYY-MM-DD")


def _json_reason(exc: json.JSONDecodeError) -> str:
    """'unterminated string starting at column 26' from the decoder's 'Unterminated string starting at'."""
    return f"{exc.msg[:1].lower()}{exc.msg[1:].removesuffix(' at')} at column {exc.colno}"


def _parse_date(value: Any, where: str) -> dt.date | str | None:
    """The date of a 'published' field, None when there is none or it cannot be read (a warning is
    logged), or the message that says why the date is impossible."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            published = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
        else:
            return check_published(published) or published
    log.warning("%s: ignoring 'published' %r: expected a date as YYYY-MM-DD", where, value)
    return None


def _json_type(value: Any) -> str:
    return {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _text_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (list, dict, bool)):
        log.warning("ignoring %r: %s where a string was expected", key, _json_type(value))
        return None
    value = str(value).strip()
    return value or None


def _meta_from(obj: dict[str, Any], where: str) -> _Meta:
    published = _parse_date(obj.get("published"), where)
    error = f"{where}: {published}" if isinstance(published, str) else None
    return _Meta(title=_text_field(obj, "title"), source=_text_field(obj, "source"), url=_text_field(obj, "url"),
                 published=None if error else published, input_id=_text_field(obj, "id"), error=error)


def _with_meta(article: RawArticle, meta: _Meta | None, default_date: dt.date | None) -> RawArticle:
    meta = meta or _Meta()
    return replace(
        article,
        title=meta.title or article.title,
        source=meta.source or article.source,
        url=meta.url or article.url,
        published=meta.published or article.published or default_date,
        input_id=meta.input_id or article.input_id,
    )


@dataclass(frozen=True, slots=True)
class _Extracted:
    text: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None


def _extract_html(page: str) -> _Extracted | None:
    """Main text and metadata of an HTML page, via trafilatura; None when the page has no main text."""
    import trafilatura  # imported here: it is slow to import and only HTML inputs need it

    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
        # Only dates the page declares (meta tags, JSON-LD, <time>): the extensive search would take a
        # copyright year from the footer as the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not doc.text:
        return None
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
        if published is not None and check_published(published):
            log.debug("ignoring the page's impossible date %s", published)
            published = None
    return _Extracted(text=doc.text, title=doc.title or None, source=doc.sitename or None, url=doc.url or None,
                      published=published)
