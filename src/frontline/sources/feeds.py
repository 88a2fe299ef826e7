"""Read RSS and Atom feeds into the list of articles they point to (parsed with feedparser).

A feed gives, per entry, the article's link, title and date; ``ingest`` then fetches each link as a page.
The entry's own summary or content is not used as the article: it is often a teaser, and a page that
cannot be fetched is reported as failed rather than replaced by a fragment.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from frontline.errors import InputError
from frontline.sources.fetch import Fetcher

__all__ = ["Feed", "FeedEntry", "read_feed", "DEFAULT_MAX_ENTRIES"]

log = logging.getLogger(__name__)

DEFAULT_MAX_ENTRIES = 50


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry: where its article is and what the feed says about it."""

    number: int                  # 1-based position in the feed
    link: str | None             # absolute URL of the article; None when the entry gives none
    title: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its final URL, its title (the outlet's name, usually) and its first entries."""

    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    total: int                   # entries in the feed, before the limit


def read_feed(fetcher: Fetcher, url: str, *, max_entries: int = DEFAULT_MAX_ENTRIES,
              deadline: float | None = None) -> Feed:
    """Fetch and parse an RSS or Atom feed.

    Args:
        fetcher: the Fetcher to fetch with (its settings apply).
        url: the feed's http(s) URL.
        max_entries: keep at most this many entries, in feed order (newest first in most feeds); entries
            whose link repeats an earlier one are dropped.
        deadline: a ``time.monotonic()`` time by which the feed must be fetched (see ``Fetcher.fetch``).

    Raises:
        FetchError: the feed cannot be fetched. InputError: what was fetched is not an RSS or Atom feed.
    """
    import feedparser  # imported here: only feed inputs need it

    fetched = fetcher.fetch(url, "feed", deadline=deadline)
    headers = {"content-location": fetched.url}
    if fetched.content_type:
        headers["content-type"] = fetched.content_type + (f"; charset={fetched.charset}" if fetched.charset else "")
    # A stream, not bytes: given bytes, feedparser first tries them as a file name.
    parsed = feedparser.parse(io.BytesIO(fetched.body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({reason})" if reason else ""
        raise InputError(f"{url}: not an RSS or Atom feed{detail}: pass the address of the feed itself (often "
                         "linked as 'RSS' on the site)")
    title = _clean(parsed.feed.get("title"))
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        if len(entries) >= max_entries:
            break
        link = _entry_link(entry, fetched.url)
        if link in seen:
            continue
        if link:
            seen.add(link)
        entries.append(FeedEntry(number=number, link=link, title=_clean(entry.get("title")),
                                 published=_entry_date(entry)))
    if len(parsed.entries) > len(entries):
        log.info("%s: %d entries, reading the first %d", url, len(parsed.entries), len(entries))
    return Feed(url=fetched.url, title=title, entries=tuple(entries), total=len(parsed.entries))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _entry_link(entry: Any, base: str) -> str | None:
    """The entry's absolute link; None when it has none, or only an id that is not a web address.

    feedparser offers an entry's id as its link when there is no link; an id such as 'urn:uuid:...' is
    not an article to fetch, while an RSS guid that is a permalink is.
    """
    link = _clean(entry.get("link"))
    if not link:
        return None
    link = urljoin(base, link)
    if entry.get("guidislink") and not link.lower().startswith(("http://", "https://")):
        return None
    return link


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's publication date (else its update date) as the publisher's local calendar date.

    feedparser's ``*_parsed`` fields are in UTC, which moves a late-evening story in Kyiv (UTC+2/+3) to
    the wrong day, so the date as written is read first; the UTC value is the fallback.
    """
    for key in ("published", "updated"):
        written = entry.get(key)
        if isinstance(written, str) and written.strip():
            local = _local_date(written.strip())
            if local:
                return local
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _local_date(written: str) -> dt.date | None:
    """The calendar date of an RFC 822 (RSS) or ISO 8601 / RFC 3339 (Atom) timestamp, in its own time zone."""
    try:
        return email.utils.parsedate_to_datetime(written).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(written).date()
    except ValueError:
        return None
