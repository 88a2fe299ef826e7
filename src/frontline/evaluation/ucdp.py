"""UCDP: an extractor measured on the headlines UCDP coded each Ukrainian event from.

``read_ucdp`` reads a UCDP GED export (mixed encodings and date formats); ``evaluate_ucdp`` measures how often
the extractor finds an event, places it within ``PLACE_KM``, in the right oblast, on the right date and with a
death count inside UCDP's low..high range.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from frontline.errors import EvalError, FrontlineError
from frontline.evaluation.counts import CountReport, count_measures
from frontline.evaluation.matching import KILLED_ROLES, PLACE_KM, km, normalise_admin1
from frontline.evaluation.scoring import Share
from frontline.models import Event

__all__ = ["UcdpRow", "read_ucdp", "source_articles", "UcdpReport", "UcdpMiss", "evaluate_ucdp", "headline_killed"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class UcdpRow:
    """One UCDP event, reduced to what the headline evaluation needs."""

    id: str
    year: int
    text: str                       # the source headlines, one per line
    published: dt.date              # earliest source date
    where_prec: int
    latitude: float
    longitude: float
    adm_1: str | None               # canonical oblast name (normalise_admin1), None when UCDP gives none
    where_description: str
    date_start: dt.date
    date_end: dt.date
    low: int
    best: int
    high: int
    headline_killed: int | None     # a death count a headline states, if any
    source: str = ""                # source_original: who UCDP's source says told it
    articles: frozenset[str] = frozenset()  # source_article: 'outlet,date,headline' of each source, normalised


_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUM = r"(\d[\d,]*|" + "|".join(_WORD_NUMBERS) + r")"
_KILLED_AFTER = re.compile(_NUM + r"(?:\s+[\w-]+){0,3}?\s+(?:killed|dead|die[ds]?|deaths|bodies|fatalities|perished|"
                                  r"lost their lives|were killed|have been killed)\b", re.I)
_KILLED_BEFORE = re.compile(r"\b(?:kill(?:s|ed|ing)?|claim(?:s|ed)? the lives of|death toll (?:rises|climbs) to)\s+"
                            r"(?:at least\s+|up to\s+)?" + _NUM + r"\b", re.I)


def _number(token: str) -> int | None:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    return _WORD_NUMBERS.get(token)


def headline_killed(text: str) -> int | None:
    """The largest death count stated in headlines ('Shelling kills four soldiers', '18 killed in ...'), or None."""
    numbers = (_number(m.group(1)) for rx in (_KILLED_AFTER, _KILLED_BEFORE) for m in rx.finditer(text))
    found = [n for n in numbers if n is not None and n < 100_000]
    return max(found) if found else None


def _ucdp_date(text: str) -> dt.date | None:
    """Parse UCDP's mixed date formats.

    date_start/date_end use M/D/YYYY (with or without a time) or YYYY-MM-DD; source_date uses YYYY-MM-DD or
    DD/MM/YYYY. A slashed date is read month-first unless the first number cannot be a month: this matches
    1,136 of the 1,246 ambiguous date_start rows against their source dates and never the other way.
    """
    text = text.strip()
    if m := re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        month, day = (a, b) if a <= 12 else (b, a)
        return dt.date(year, month, day)
    return None


def _source_date(text: str) -> dt.date | None:
    """The earliest of UCDP's ';'-joined source dates; slashed ones there are DD/MM/YYYY."""
    dates = []
    for part in text.split(";"):
        part = part.strip()
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", part):
            dates.append(dt.date(int(m[3]), int(m[2]), int(m[1])))
        elif parsed := _ucdp_date(part):
            dates.append(parsed)
    return min(dates) if dates else None


def _decode_lines(data: bytes) -> str:
    """Decode each line as UTF-8, falling back to Windows-1252: the UCDP file mixes both encodings."""
    out = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out)


def source_articles(field: str) -> frozenset[str]:
    """The source articles of a UCDP row ('"Reuters News,2022-03-01,Headline";"..."'), each case-folded with its
    spaces collapsed: rows sharing an entry were coded from one article."""
    return frozenset(" ".join(entry.strip().strip('"').casefold().split())
                     for entry in field.split('";"') if entry.strip().strip('"').strip())


def _sample_key(row_id: str) -> str:
    return hashlib.sha256(row_id.encode("utf-8")).hexdigest()


def read_ucdp(csv_path: str | Path, split: str = "dev", *, years: tuple[int, int] | None = None,
              limit: int | None = None) -> tuple[UcdpRow, ...]:
    """Read UCDP GED rows for Ukraine.

    Args:
        csv_path: the CSV file, or a folder holding ``ucdp_ged_ukraine_{split}.csv``.
        split: which split to read when ``csv_path`` is a folder.
        years: keep rows whose year lies in this inclusive range, e.g. (2022, 2023).
        limit: keep at most this many rows: a deterministic sample (the rows whose hashed id sorts first),
            returned in file order.
    Returns:
        the rows, in file order.
    Raises:
        EvalError: the file is missing, is not a UCDP export, or a row's fields cannot be parsed.
    """
    path = Path(csv_path)
    if path.is_dir():
        path = path / f"ucdp_ged_ukraine_{split}.csv"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EvalError(f"cannot read UCDP file {path}: {exc}") from exc
    # Decode first, then parse: quoted fields span lines, so the csv module must see the whole text.
    reader = csv.DictReader(io.StringIO(_decode_lines(data), newline=""))
    required = {"id", "year", "source_headline", "source_date", "where_prec", "latitude", "longitude", "adm_1",
                "date_start", "date_end", "low", "best", "high"}
    if not required <= set(reader.fieldnames or ()):
        raise EvalError(f"{path} is not a UCDP GED export: missing columns "
                        f"{', '.join(sorted(required - set(reader.fieldnames or ())))}")
    rows = []
    for number, rec in enumerate(reader, start=2):
        try:
            year = int(rec["year"])
            if years is not None and not years[0] <= year <= years[1]:
                continue
            text = "\n".join(h.strip() for h in rec["source_headline"].split(";") if h.strip())
            published, start, end = (_source_date(rec["source_date"]), _ucdp_date(rec["date_start"]),
                                     _ucdp_date(rec["date_end"]))
            if published is None or start is None or end is None:
                raise ValueError(f"unreadable date in source_date={rec['source_date']!r}, "
                                 f"date_start={rec['date_start']!r}, date_end={rec['date_end']!r}")
            rows.append(UcdpRow(
                id=rec["id"], year=year, text=text, published=published, where_prec=int(rec["where_prec"]),
                latitude=float(rec["latitude"]), longitude=float(rec["longitude"]),
                adm_1=normalise_admin1(rec["adm_1"]), where_description=rec.get("where_description", ""),
                date_start=start, date_end=end, low=int(rec["low"]), best=int(rec["best"]), high=int(rec["high"]),
                headline_killed=headline_killed(text), source=rec.get("source_original") or "",
                articles=source_articles(rec.get("source_article") or "")))
        except (ValueError, TypeError) as exc:
            raise EvalError(f"{path.name} record ending near line {number} (id {rec.get('id')}): {exc}") from exc
    if limit is not None and limit < len(rows):
        keep = {r.id for r in sorted(rows, key=lambda r: _sample_key(r.id))[:limit]}
        rows = [r for r in rows if r.id in keep]
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class UcdpReport:
    """How an extractor does on UCDP headlines (see docs/EVALUATION.md for each measure)."""

    split: str
    rows: int
    found: Share
    placed: Share
    oblast: Share
    dated: Share
    killed: Share
    killed_ceiling: Share = Share()  # rows whose own headline number lies in low..high: the best 'killed' can do
    failed: int = 0                 # rows where extract raised a FrontlineError (counted as not found)
    names_only: int = 0             # rows whose every "headline" is a name or an account handle: no event to read
    years: tuple[int, int] | None = None
    limit: int | None = None
    misses: tuple["UcdpMiss", ...] = ()   # rows that failed a measure, for reading why
    counts: CountReport | None = None     # the counting yardsticks (frontline.evaluation.counts)


@dataclass(frozen=True, slots=True)
class UcdpMiss:
    """A UCDP row that failed at least one measure: which ones, and what the extractor made of it."""

    row: UcdpRow
    failed: tuple[str, ...]
    events: tuple[Event, ...]


def _ucdp_hits(row: UcdpRow, events: Sequence[Event]) -> dict[str, bool | None]:
    """Per measure: True/False when it applies to this row, None when it does not."""
    located = [e.location for e in events if e.location is not None]
    placed = None
    if row.where_prec <= 2:
        # The nearest predicted location decides: a headline often names several places, and one of them
        # being right is what a geocoder can be held to.
        nearest = min((km(row.latitude, row.longitude, loc.lat, loc.lon) for loc in located), default=math.inf)
        placed = nearest <= PLACE_KM
    oblast = None
    if row.where_prec <= 4 and row.adm_1:
        oblast = any(normalise_admin1(loc.admin1) == row.adm_1 for loc in located)
    one_day = dt.timedelta(days=1)
    dated = any(e.date.start is not None and row.date_start - one_day <= e.date.start <= row.date_end + one_day
                for e in events)
    killed = None
    if row.headline_killed is not None:
        killed = any(q.role is not None and q.role.lower() in KILLED_ROLES and row.low <= q.value <= row.high
                     for e in events for q in e.quantities)
    return {"found": bool(events), "placed": placed, "oblast": oblast, "dated": dated, "killed": killed}


def evaluate_ucdp(csv_path: str | Path, extract: Callable[[str, dt.date], Sequence[Event]], split: str = "dev",
                  limit: int | None = None, years: tuple[int, int] | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  copies: Callable[[], Sequence[bool]] | None = None) -> UcdpReport:
    """Run ``extract`` on each UCDP row's headlines and measure found / placed / oblast / dated / killed.

    Args:
        csv_path: the UCDP CSV, or a folder holding ``ucdp_ged_ukraine_{split}.csv``.
        extract: ``extract(text, published) -> events``; text is the row's headlines, one per line.
        split: the split name (reported; picks the file when csv_path is a folder).
        limit: evaluate a deterministic sample of at most this many rows.
        years: inclusive year range to keep, e.g. (2022, 2023).
        progress: called as ``progress(done, total)`` after each row.
        copies: called once every row is extracted: per row, in order, whether reading the rows as one stream
            marks it a copy of a different report (None: the copy yardstick is not measured).
    Returns:
        a UcdpReport. A FrontlineError raised by ``extract`` on a row is logged and the row counts as not
        found; any other exception propagates, since it is a bug to fix rather than a row to score.
    Raises:
        EvalError: the CSV cannot be read.
    """
    rows = read_ucdp(csv_path, split, years=years, limit=limit)
    tallies = {name: [0, 0] for name in ("found", "placed", "oblast", "dated", "killed")}
    failed, misses, extracted = 0, [], []
    for done, row in enumerate(rows, start=1):
        try:
            events = tuple(extract(row.text, row.published))
        except FrontlineError as exc:
            logger.warning("UCDP row %s: extraction failed: %s", row.id, exc)
            failed += 1
            events = ()
        extracted.append(events)
        hits = _ucdp_hits(row, events)
        for name, hit in hits.items():
            if hit is not None:
                tallies[name][0] += int(hit)
                tallies[name][1] += 1
        if any(hit is False for hit in hits.values()):
            misses.append(UcdpMiss(row, tuple(name for name, hit in hits.items() if hit is False), events))
        if progress is not None:
            progress(done, len(rows))
    stated = [r for r in rows if r.headline_killed is not None]
    ceiling = Share(sum(1 for r in stated if r.low <= (r.headline_killed or 0) <= r.high), len(stated))
    names_only = sum(1 for r in rows if all(_is_name_line(line) for line in r.text.split("\n")))
    return UcdpReport(split=split, rows=len(rows), failed=failed, years=years, limit=limit, killed_ceiling=ceiling,
                      names_only=names_only, misses=tuple(misses),
                      counts=count_measures(rows, extracted, None if copies is None else copies()),
                      **{name: Share(*t) for name, t in tallies.items()})


_NAME_WORDS = 3    # many older UCDP rows carry a place or person name in source_headline, not a headline
_HANDLE_WORDS = 6  # 'NOËL (reports) @NOELreports · 20h': an account's name line, copied where a headline belongs
_HANDLE = re.compile(r"(?<!\w)@\w{2,}")


def _is_name_line(line: str) -> bool:
    """A 'headline' that is a name ('Debaltseve') or a social-media account ('Rob Lee @RALee85'): no event in it."""
    words = line.split()
    return len(words) <= _NAME_WORDS or len(words) <= _HANDLE_WORDS and _HANDLE.search(line) is not None
