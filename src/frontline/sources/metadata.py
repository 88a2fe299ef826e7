"""Metadata: what a manifest line or a JSONL line says about an article (title, outlet, URL, date, id).

A publication date outside ``EARLIEST_PUBLISHED`` .. a year from today is not taken as real
(``check_published``): the metadata then carries the error that fails the article.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, replace
from typing import Any

from frontline.models import RawArticle

__all__ = ["EARLIEST_PUBLISHED", "Meta", "check_published", "json_reason", "json_type", "meta_from", "with_meta"]

log = logging.getLogger(__name__)

#: The earliest publication date taken as real; later than a year from today is not taken either.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata given for one input by a manifest line or a JSONL line."""

    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    input_id: str | None = None
    error: str | None = None      # why the metadata makes the article unusable (an impossible date)


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


def json_reason(exc: json.JSONDecodeError) -> str:
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


def json_type(value: Any) -> str:
    return {bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _text_field(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (list, dict, bool)):
        log.warning("ignoring %r: %s where a string was expected", key, json_type(value))
        return None
    value = str(value).strip()
    return value or None


def meta_from(obj: dict[str, Any], where: str) -> Meta:
    published = _parse_date(obj.get("published"), where)
    error = f"{where}: {published}" if isinstance(published, str) else None
    return Meta(title=_text_field(obj, "title"), source=_text_field(obj, "source"), url=_text_field(obj, "url"),
                published=published if isinstance(published, dt.date) else None, input_id=_text_field(obj, "id"),
                error=error)


def with_meta(article: RawArticle, meta: Meta | None, default_date: dt.date | None) -> RawArticle:
    meta = meta or Meta()
    return replace(
        article,
        title=meta.title or article.title,
        source=meta.source or article.source,
        url=meta.url or article.url,
        published=meta.published or article.published or default_date,
        input_id=meta.input_id or article.input_id,
    )
