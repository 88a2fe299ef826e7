"""The SQL pieces of the query layer: the opaque keyset cursor, and expressions that differ between back ends.

``encode_cursor`` / ``decode_cursor`` turn where a page ended into the opaque ``next_cursor`` and back;
``cell_floor`` and ``unindexed`` compile differently on SQLite and PostgreSQL; ``cell_ranges`` turns a box into
ranges of the indexed ``geo_cell`` column.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from frontline.errors import QueryError
from frontline.store.codec import GEO_COLUMNS, geo_cell

__all__ = ["Position", "encode_cursor", "decode_cursor", "cell_floor", "unindexed", "cell_ranges", "like_pattern",
           "utc_text"]


@dataclass(frozen=True, slots=True)
class Position:
    """Where a page ended: the phase (0 dated events, 1 undated ones), the last key and id."""

    sort: str
    phase: int
    key: str | None
    id: str


def encode_cursor(pos: Position) -> str:
    raw = json.dumps([pos.sort, pos.phase, pos.key, pos.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, sort: str) -> Position | None:
    if not cursor:
        return None
    try:
        sort_of, phase, key, ident = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        pos = Position(str(sort_of), int(phase), None if key is None else str(key), str(ident))
    # a cursor is text from outside: 1e999 (an infinite float, OverflowError) or arrays nested too deep to
    # decode (RecursionError) are not ours either
    except (ValueError, TypeError, OverflowError, RecursionError, binascii.Error):
        raise QueryError(f"the cursor {cursor!r} is not one this server gave; start again without a cursor, "
                         "then pass each page's next_cursor") from None
    if pos.sort != sort:
        raise QueryError(f"the cursor was made for sort={pos.sort}, not sort={sort}; keep the sort while paging")
    return pos


# --- SQL pieces that differ between back ends -----------------------------------------------------------

class cell_floor(FunctionElement):  # noqa: N801 - a SQL function's name
    """``floor(x)`` for non-negative x: SQLite has no floor() without its math extension."""

    inherit_cache = True


@compiles(cell_floor)
def _cell_floor_default(element: cell_floor, compiler: Any, **kw: Any) -> str:
    return f"floor({compiler.process(element.clauses, **kw)})"


@compiles(cell_floor, "sqlite")
def _cell_floor_sqlite(element: cell_floor, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"


class unindexed(FunctionElement):  # noqa: N801 - a SQL expression's name
    """A column that SQLite must not look up through an index here (``+column``); the column elsewhere."""

    inherit_cache = True


@compiles(unindexed)
def _unindexed_default(element: unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


_MAX_CELL_ROWS: Final = 100


def cell_ranges(west: float, south: float, east: float, north: float) -> list[tuple[int, int]]:
    """The ``geo_cell`` ranges (one per row of cells) covering a box; none for a box too tall or across the
    antimeridian, which the latitude index serves instead."""
    if west > east:
        return []
    first, last = geo_cell(south, west), geo_cell(north, east)
    rows = range(first // GEO_COLUMNS, last // GEO_COLUMNS + 1)
    if len(rows) > _MAX_CELL_ROWS:
        return []
    return [(row * GEO_COLUMNS + first % GEO_COLUMNS, row * GEO_COLUMNS + last % GEO_COLUMNS) for row in rows]


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def utc_text(ts: dt.datetime) -> str:
    """A timestamp as the store writes them (UTC, seconds), so text comparison is time comparison."""
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=dt.timezone.utc)
    return ts.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


