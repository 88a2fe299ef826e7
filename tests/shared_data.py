"""Where the project's shared data is: FRONTLINE_SHARED, else beside the repository (../shared), else where this
workplace keeps it (a clone in a temporary folder has no ../shared). Tests that need a file skip or do without
it when none holds it, never fail on where the checkout sits."""

from __future__ import annotations

import os
from pathlib import Path

ROOTS = ([Path(os.environ["FRONTLINE_SHARED"])] if "FRONTLINE_SHARED" in os.environ else []) + \
    [Path(__file__).resolve().parents[2] / "shared", Path("/work/shared")]


def shared_path(*parts: str) -> Path | None:
    """The first existing ``ROOT/parts...`` of ROOTS, or None."""
    return next((p for p in (root.joinpath(*parts) for root in ROOTS) if p.exists()), None)
