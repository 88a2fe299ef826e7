"""``/api/vocabulary``: the event-type table and the export formats, which the page reads once at start."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from frontline.export import formats
from frontline.serve.schemas import VocabularyModel, error_responses
from frontline.vocab.event_types import FALLBACK
from frontline.vocab.event_types import TABLE as EVENT_TYPES

__all__ = ["router", "vocabulary_json"]

router = APIRouter()


def vocabulary_json() -> dict[str, Any]:
    """The ``VocabularyModel`` body: every event type's name, label, summary, family, colour and ACLED pair, in
    the table's order, the type an unknown name reads as, and every export format's name, label, media type,
    extension and download join."""
    return {
        "event_types": [{"name": t.name, "label": t.name.replace("_", " "), "summary": t.summary, "family": t.family,
                         "colour": t.colour, "acled": list(t.acled)} for t in EVENT_TYPES.values()],
        "fallback": FALLBACK,
        "formats": [{"name": f.name, "label": f.label, "media_type": f.media_type, "extension": f.extension,
                     "download": f.download} for f in formats.TABLE.values()],
    }


@router.get("/api/vocabulary", response_model=VocabularyModel, responses=error_responses(),
            summary="The event types (colours, labels, families) and the export formats the page offers")
def vocabulary() -> JSONResponse:
    return JSONResponse(vocabulary_json())
