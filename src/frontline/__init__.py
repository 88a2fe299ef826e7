"""frontline: turn war reporting into sourced, geolocated, deduplicated event data.

The public surface is listed in ``__all__`` (pinned by tests/test_exported_members.py). ``frontline.api.ingest`` stores
results in SQLite (the name ``frontline.sources.ingest`` is the ingest stage's module). Importing the package
does no work: models and the gazetteer load when a Pipeline is built.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from frontline.version import __version__ as __version__

# Names are imported on first use (PEP 562), so `import frontline.cli` or `frontline.errors` does not load spaCy:
# the CLI decides what the process loads before the pipeline does (see frontline.cli.main).
_HOMES = {
    **dict.fromkeys(("IngestReport", "extract", "extract_text", "stored_results", "write"), "api"),
    **dict.fromkeys(("EvalError", "FetchError", "FrontlineError", "InputError", "ResourceError", "StageError",
                     "StoreError", "UnsupportedInputError"), "errors"),
    **dict.fromkeys(("Article", "ArticleResult", "Claim", "Document", "Event", "EventDate", "Evidence",
                     "FusedEvent", "Location", "Party", "Place", "Quantity", "RawArticle", "Timeline"), "models"),
    "Pipeline": "pipeline",
}

if TYPE_CHECKING:
    from frontline.api import IngestReport, extract, extract_text, stored_results, write  # noqa: F401
    from frontline.errors import (  # noqa: F401
        EvalError,
        FetchError,
        FrontlineError,
        InputError,
        ResourceError,
        StageError,
        StoreError,
        UnsupportedInputError,
    )
    from frontline.models import (  # noqa: F401
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
    from frontline.pipeline import Pipeline  # noqa: F401


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'frontline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))



__all__ = sorted(_HOMES)
