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

Decoding (``frontline.sources.decode``), when the bytes are not valid UTF-8 and carry no BOM: UTF-16 without a BOM is recognised by
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

This module walks the inputs and builds the records; the pieces it uses live beside it: ``decode`` (bytes to
text), ``files`` (bounded reads, long lines, links), ``metadata`` (manifest and JSONL fields, dates) and
``html_text`` (a page's main text).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from frontline.errors import FetchError, InputError, ResourceError
from frontline.models import RawArticle
from frontline.sources.decode import BinaryInput, binary_kind, decode, decode_line, decode_page
from frontline.sources.feeds import DEFAULT_MAX_ENTRIES, read_feed
from frontline.sources.fetch import Fetched, Fetcher, FetchSettings, is_url
from frontline.sources.files import lines, link_target, os_reason, read_bytes, within
from frontline.sources.html_text import extract_html
from frontline.sources.language import LanguageDetector
from frontline.sources.metadata import (
    EARLIEST_PUBLISHED,
    Meta,
    check_published,
    json_reason,
    json_type,
    meta_from,
    with_meta,
)
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

_UNSUPPORTED_HINT = "frontline reads .txt, .html, .htm, .jsonl and folders"
_EMPTY = "empty file: nothing to read; check that it was saved whole"
_BLANK = "empty file (only whitespace): nothing to read; check that it was saved whole"
_NOT_REGULAR = "not a regular file (a device, pipe, socket or broken link): pass files or folders"


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
            yield self._failed(name, f"cannot read: {os_reason(exc)}")
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

    def _sibling_manifest_entry(self, path: Path) -> Meta | None:
        """A file passed on its own still takes its metadata from a manifest.jsonl beside it, if one lists it."""
        manifest = path.parent / MANIFEST_NAME
        if path.name == MANIFEST_NAME or not manifest.is_file():
            return None
        key = os.path.normpath(path)
        for listed, entry in self._read_manifest(manifest):
            if listed == key and not isinstance(entry, RawArticle):
                return entry[0]
        return None

    def _read_file(self, path: Path, meta: Meta | None) -> Iterator[RawArticle]:
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
        listed: dict[str, tuple[Meta, str]] = {}   # normalised path -> (metadata, where it was listed)
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
            given = listed.get(key)
            if path.is_symlink() and not path.exists():
                yield self._skipped(str(path), f"a link that leads nowhere (broken, or a loop of links; "
                                               f"{link_target(path)}): fix or remove the link")
            elif path.is_symlink() and not within(path, inside):
                yield self._skipped(str(path), f"a link to a file outside {root} ({link_target(path)}); pass that "
                                               "file itself if it is meant to be read")
            elif path.is_file():
                yield from self._read_file(path, given[0] if given else None)
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

    def _read_manifest(self, manifest: Path) -> Iterator[tuple[str, tuple[Meta, str] | RawArticle]]:
        """Yield ``(normalised file path, (metadata, 'manifest:LINE'))`` or a failed record per bad line."""
        try:
            text = decode(manifest.read_bytes())
        except (OSError, BinaryInput) as exc:
            reason = os_reason(exc) if isinstance(exc, OSError) else "binary file, not text"
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
                yield "", self._failed(where, f"{manifest.name} line {number} is not valid JSON ({json_reason(exc)}): "
                                              "fix the line (one JSON object a line)")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("file"), str) or not obj["file"].strip():
                yield "", self._failed(where, f"{manifest.name} line {number} has no 'file' name")
                continue
            if "\x00" in obj["file"]:     # no file system holds such a name, and os refuses to look it up
                yield "", self._failed(where, f"{manifest.name} line {number} names a file with a NUL character "
                                              "in its name: fix the name in the manifest")
                continue
            listed = manifest.parent / obj["file"]
            if not within(listed, manifest.parent.resolve()):
                yield "", self._failed(where, f"{manifest.name} line {number} names '{obj['file']}', which is outside "
                                              f"the manifest's folder {manifest.parent}: a manifest lists files inside "
                                              "its own folder; move the file there or pass it as a path")
                continue
            key = os.path.normpath(listed)
            yield key, (meta_from(obj, where), where)

    # --- file kinds ---------------------------------------------------------------------------------

    def _read_text_file(self, path: Path) -> str | RawArticle:
        """The decoded text of a file, or the failed article that says why there is none."""
        name = str(path)
        data = read_bytes(path, MAX_FILE_BYTES)
        if isinstance(data, str):
            return self._failed(name, data)
        if not data:
            return self._failed(name, _EMPTY)
        try:
            return decode(data)
        except BinaryInput as exc:
            return self._failed(name, str(exc))

    def _read_txt(self, path: Path, meta: Meta | None) -> RawArticle:
        text = self._read_text_file(path)
        if isinstance(text, RawArticle):
            return text
        return self._finish(RawArticle(text=text, path=str(path)), meta)

    def _read_html_file(self, path: Path, meta: Meta | None) -> RawArticle:
        page = self._read_text_file(path)
        if isinstance(page, RawArticle):
            return page
        return self._from_html(page, str(path), meta)

    def _from_html(self, page: str, name: str, meta: Meta | None) -> RawArticle:
        if not page.strip():
            return self._failed(name, _BLANK, html=page)
        try:
            extracted = extract_html(page)
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

    def _read_url(self, url: str, meta: Meta | None = None, outlet: str | None = None,
                  fetched: Fetched | FetchError | None = None) -> RawArticle:
        """Fetch one page (unless ``fetched`` is given) and read it; ``meta`` (from a feed entry) wins over the
        page's own metadata."""
        if fetched is None:
            fetched = self._fetch_page(url)
        if isinstance(fetched, FetchError):
            return _with_source(self._failed(url, str(fetched), meta=meta), outlet or _host(url))
        meta = replace(meta or Meta(), url=fetched.url)
        if not fetched.body.strip():
            return _with_source(self._failed(url, f"{url}: the server sent an empty page", meta=meta),
                                outlet or _host(fetched.url))
        try:
            page = decode_page(fetched)
        except BinaryInput as exc:
            return _with_source(self._failed(url, f"{url}: {exc}", meta=meta), outlet or _host(fetched.url))
        if fetched.content_type == "text/plain":
            article = self._finish(RawArticle(text=page), meta)
        else:
            article = self._from_html(page, url, meta)
        return _with_source(article, outlet or _host(fetched.url))

    def _fetch_page(self, url: str, deadline: float | None = None) -> Fetched | FetchError:
        try:
            return self._fetcher().fetch(url, "page", deadline=deadline)
        except FetchError as exc:
            return exc

    def _read_feed(self, url: str) -> Iterator[RawArticle]:
        fetcher = self._fetcher()
        deadline = time.monotonic() + fetcher.settings.feed_timeout
        try:
            feed = read_feed(fetcher, url, max_entries=self._max_entries, deadline=deadline)
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
        # the pages are fetched a few at a time (threads sharing the one client: the wait is the network's), and
        # read in feed order here; all of them within the feed's deadline
        links = [e.link for e in feed.entries if e.link is not None]
        with ThreadPoolExecutor(max(1, fetcher.settings.concurrency), thread_name_prefix="fetch") as pool:
            pages = dict(zip(links, pool.map(lambda link: self._fetch_page(link, deadline), links)))
        for entry in feed.entries:
            # a feed's impossible date is the feed's mistake, not the article's: the date is dropped
            published = entry.published if entry.published and not check_published(entry.published) else None
            meta = Meta(title=entry.title, published=published)
            if entry.link is None:
                # the feed's URL with the entry's position as fragment: a key of its own for the record
                yield _with_source(self._failed(f"{url}#entry-{entry.number}",
                                                f"{url}: entry {entry.number} has no link to an article", meta=meta),
                                   outlet)
            else:
                yield self._guarded(entry.link, self._read_url, entry.link, meta, outlet, pages[entry.link])

    def _read_jsonl(self, path: Path) -> Iterator[RawArticle]:
        """One record per non-blank line, streamed: the file's size is not limited, each line's is."""
        name = str(path)
        try:
            with path.open("rb") as f:
                head = f.read(4096)
                binary = binary_kind(head)
                if binary:
                    yield self._failed(name, binary)
                    return
                f.seek(0)
                found = False
                for number, line, size in lines(f, MAX_LINE_BYTES):
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
            yield self._failed(name, f"cannot read the file: {os_reason(exc)}")
            return
        if not found:
            yield self._failed(name, _EMPTY if not head else _BLANK)

    def _from_json_bytes(self, data: bytes, name: str, number: int) -> RawArticle:
        if b"\x00" in data:
            return self._failed(f"{name}:{number}", f"{name} line {number} holds NUL bytes, so it is binary data, not "
                                                    "JSON text: remove the line or write it as JSON")
        data = data.rstrip(b"\r\n")
        line = decode_line(data.removeprefix(b"\xef\xbb\xbf") if number == 1 else data)
        return self._from_json_line(line, name, number)

    def _from_json_line(self, line: str, name: str, number: int) -> RawArticle:
        where = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            return self._failed(where, f"{name} line {number} is not valid JSON ({json_reason(exc)}): fix the "
                                       "line (one JSON object a line)")
        if not isinstance(obj, dict):
            return self._failed(where, f"{name} line {number} is not a JSON object: write each article as "
                                       '{"text": ...} or {"html": ...}')
        meta = meta_from(obj, where)
        if meta.error:
            return self._failed(where, meta.error, meta=meta)
        text, html = obj.get("text"), obj.get("html")
        for key, value in (("text", text), ("html", html)):
            if value is not None and not isinstance(value, str):
                return self._failed(where, f"{name} line {number}: '{key}' is {json_type(value)}, not a string: "
                                           f"give the article's {key} as a JSON string", meta=meta)
        if isinstance(text, str) and text.strip():
            return self._finish(RawArticle(text=text, path=where), meta)
        if isinstance(html, str) and html.strip():
            return self._from_html(html, where, meta)
        return self._failed(where, f"{name} line {number} has no 'text' or 'html' with content (a non-empty "
                                   "string): give the article's text in one of them", meta=meta)

    # --- shared ending ------------------------------------------------------------------------------

    def _finish(self, article: RawArticle, meta: Meta | None) -> RawArticle:
        """Attach metadata (given metadata > page metadata > the default date) and check the text."""
        article = with_meta(article, meta, self._published)
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

    def _failed(self, path: str, error: str, *, html: str | None = None, meta: Meta | None = None) -> RawArticle:
        """A failed record for a path or (``path`` being one) a URL, which goes in ``url`` instead."""
        log.info("failed: %s: %s", path, error)
        if meta is not None and meta.error:
            meta = replace(meta, published=None)
        where, url = _origin(path)
        return with_meta(RawArticle(text="", html=html, status="failed", error=error, path=where, url=url), meta,
                         self._published)

    def _skipped(self, path: str, error: str) -> RawArticle:
        log.info("skipped: %s: %s", path, error)
        where, url = _origin(path)
        return RawArticle(text="", status="skipped", error=error, published=self._published, path=where, url=url)


# --- helpers ----------------------------------------------------------------------------------------

def _origin(name: str) -> tuple[str | None, str | None]:
    """Where a record came from, as ``(path, url)``: a URL goes in ``url``, anything else in ``path``."""
    return (None, name) if is_url(name) else (name, None)


def _host(url: str) -> str | None:
    """The host name without 'www.': the outlet of last resort."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def _with_source(article: RawArticle, outlet: str | None) -> RawArticle:
    return article if article.source or not outlet else replace(article, source=outlet)


def _is_passed_over(name: str) -> bool:
    """Files in a folder that are not articles: the manifest, READMEs and hidden files."""
    return name == MANIFEST_NAME or name.startswith(".") or name.upper().startswith("README")
