"""frontline: turn war reporting into sourced, geolocated, deduplicated event data.

The public surface is listed in ``__all__`` (pinned by tests/test_exported_members.py). ``frontline.api.ingest`` stores
results in SQLite (the name ``frontline.ingest`` is the ingest stage's module). Importing the package
does no work: models and the gazetteer load when a Pipeline is built.
"""

from __future__ import annotations

from .api import IngestReport, extract, extract_text, stored_results, write
from .errors import (
                     EvalError,
                     FetchError,
                     FrontlineError,
                     InputError,
                     ResourceError,
                     StageError,
                     StoreError,
                     UnsupportedInputError,
)
from .models import (
                     Article,
                     ArticleResult,
                     Claim,
                     Document,
                     Event,
                     EventDate,
                     Evidence,
                     FusedEvent,
                     Location,
                     Party,
                     Place,
                     Quantity,
                     RawArticle,
                     Timeline,
)
from .pipeline import Pipeline

__version__ = "0.2.0"

__all__ = [
    "Article", "ArticleResult", "Claim", "Document", "EvalError", "Event", "EventDate", "Evidence", "FetchError",
    "FrontlineError", "FusedEvent", "IngestReport", "InputError", "Location", "Party", "Pipeline", "Place",
    "Quantity", "RawArticle", "ResourceError", "StageError", "StoreError", "Timeline", "UnsupportedInputError",
    "extract", "extract_text", "stored_results", "write",
]
