"""HTML: the main text and declared metadata of a page, via trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from frontline.sources.metadata import check_published

__all__ = ["Extracted", "extract_html"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extracted:
    """The main text of a page and the metadata the page declares."""

    text: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None


def extract_html(page: str) -> Extracted | None:
    """Main text and metadata of an HTML page, via trafilatura; None when the page has no main text."""
    import trafilatura  # imported here: it is slow to import and only HTML inputs need it
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False,
        # Only dates the page declares (meta tags, JSON-LD, <time>): the extensive search would take a
        # copyright year from the footer as the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # a Document unless as_dict=True is asked for, which is not: the check only tells mypy so
    if not isinstance(doc, Document) or not doc.text:
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
    return Extracted(text=doc.text, title=doc.title or None, source=doc.sitename or None, url=doc.url or None,
                      published=published)
