"""The web page, served by the REST app at ``/``; ``mount(app)`` adds it (a placeholder until the page lands)."""

from __future__ import annotations

from typing import Any

__all__ = ["mount"]


def mount(app: Any) -> None:
    """Add the web page's routes to a FastAPI app; this placeholder adds none."""

