"""The starting line: who held a settlement before any report, from dated public-record data.

``src/frontline/data/control/starting_line.csv`` (its header gives the sources and licence) holds rows for a
country, an oblast (the gazetteer's admin1 name) or one settlement (geonames id), each with a holder and the days
it holds. A settlement row outranks an oblast row, which outranks a country row; where the most specific scope
that has rows has none for a day, the settlement has no starting state that day.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from frontline.errors import InputError
from frontline.models import Location

__all__ = ["STARTING_LINE", "LineRow", "StartingLine", "bundled_line"]

STARTING_LINE: Final = Path(__file__).resolve().parent.parent / "data" / "control" / "starting_line.csv"
_SCOPES: Final = ("settlement", "admin1", "country")


@dataclass(frozen=True, slots=True)
class LineRow:
    """One row of the starting line: ``holder`` held the scope's settlements from ``since`` until ``until``."""

    scope: str
    name: str
    geonames_id: int | None
    holder: str
    since: dt.date
    until: dt.date | None
    source: str


class StartingLine:
    """The starting-line rows, looked up by settlement."""

    def __init__(self, rows: Iterable[LineRow]) -> None:
        self._rows: dict[tuple[str, str], list[LineRow]] = {}
        for r in rows:
            key = str(r.geonames_id) if r.scope == "settlement" else r.name.casefold()
            self._rows.setdefault((r.scope, key), []).append(r)
        for found in self._rows.values():
            found.sort(key=lambda r: r.since)

    @classmethod
    def load(cls, path: str | Path | None = None) -> StartingLine:
        """The rows of a starting-line CSV (default: the bundled one).

        Raises:
            InputError: a row has an unknown scope or holder, or a bad date.
        """
        path = Path(path) if path is not None else STARTING_LINE
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
        return cls(_row(path, n, r) for n, r in enumerate(rows, 1))

    def rows_for(self, location: Location | None) -> Sequence[LineRow]:
        """The rows of the most specific scope that has rows for a settlement, oldest first."""
        if location is None:
            return ()
        keys = (("settlement", str(location.geonames_id)), ("admin1", (location.admin1 or "").casefold()),
                ("country", location.country_code.casefold()))
        for key in keys:
            if key in self._rows:
                return self._rows[key]
        return ()

    def holder(self, location: Location | None, day: dt.date | None) -> str | None:
        """Who held a place on a day by the starting line ('RU' or 'UA'), None where it says nothing then."""
        if day is None:
            return None
        return next((r.holder for r in self.rows_for(location)
                     if r.since <= day and (r.until is None or day < r.until)), None)


def _row(path: Path, n: int, r: dict[str, str]) -> LineRow:
    try:
        scope, holder = r["scope"].strip(), r["holder"].strip()
        if scope not in _SCOPES or holder not in ("RU", "UA"):
            raise ValueError(f"scope {scope!r} or holder {holder!r} unknown")
        gid = r["geonames_id"].strip()
        until = r["until"].strip()
        return LineRow(scope, r["name"].strip(), int(gid) if gid else None, holder,
                       dt.date.fromisoformat(r["since"].strip()), dt.date.fromisoformat(until) if until else None,
                       r["source"].strip())
    except (KeyError, ValueError) as exc:
        raise InputError(f"{path}: starting-line row {n} cannot be read ({exc}); the columns are scope "
                         f"({', '.join(_SCOPES)}), name, geonames_id, holder (RU or UA), since, until, source") from None


@functools.cache
def bundled_line() -> StartingLine:
    """The bundled starting line, read once a process: every place's timeline consults it (a refresh builds
    thousands), and it never changes while the process runs."""
    return StartingLine.load()
