"""Measure place finding on UCDP headlines: is the best place within 25 km, and in the right oblast?

Usage::

    python scripts/measure_places.py [--csv /work/shared/data/ucdp/ucdp_ged_ukraine_dev.csv] [--years 2022 2023]
                                     [--misses N]

For every row, the headlines (``source_headline``, several joined by ';') go through frontline's pipeline
and ``find_places``; the most specific place found (settlement > district > admin1 > region > country, then
confidence, then Ukraine first) is compared with the row: within 25 km of (latitude, longitude) for
where_prec 1-2 ('placed'), and in the row's oblast (adm_1) for where_prec <= 4 ('oblast').
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import re
import sys
from pathlib import Path

from frontline.mentions.places import find_places
from frontline.models import PlaceMention
from frontline.nlp.model import Resources

DEFAULT_CSV = Path("/work/shared/data/ucdp/ucdp_ged_ukraine_dev.csv")
_SPECIFICITY = {"settlement": 0, "district": 1, "admin1": 2, "region": 3, "country": 4}


def read_rows(path: Path) -> list[dict[str, str]]:
    """The CSV's rows, each line decoded as UTF-8 or else Windows-1252 (the file mixes both)."""
    lines = []
    for raw in path.read_bytes().split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def year_of(row: dict[str, str]) -> int:
    """The event's year from date_start, whatever its format."""
    match = re.search(r"(19|20)\d\d", row.get("date_start", "")) or re.search(r"(19|20)\d\d", row["year"])
    return int(match.group(0)) if match else 0


def best_place(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The most specific, then most confident, place found (Ukrainian first)."""
    if not mentions:
        return None
    return min(mentions, key=lambda m: (_SPECIFICITY[m.precision], m.place.country_code != "UA", -m.confidence))


def oblast_key(name: str) -> str:
    """A comparable oblast key: 'Zaporizhzhya oblast' and 'Zaporizhzhia' both give 'zaporiz'."""
    text = re.sub(r"\b(oblast|region|province|city|republic of|autonomous)\b", "", name.lower()).strip()
    text = text.replace("kiev", "kyiv").replace("odessa", "odesa").replace("lugansk", "luhansk")
    return re.sub(r"[^a-z]", "", text)[:6]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 12_742 * math.asin(min(1.0, math.sqrt(h)))


def main(argv: list[str] | None = None) -> int:
    """Print the shares of placed and oblast-correct rows; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--years", type=int, nargs="*", default=[2022, 2023])
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)

    resources = Resources.load()
    rows = [r for r in read_rows(args.csv) if not args.years or year_of(r) in args.years]
    texts = [". ".join(h.strip() for h in r["source_headline"].split(";") if h.strip()) for r in rows]
    placed_n = placed_ok = oblast_n = oblast_ok = any_ok = 0
    misses: list[str] = []
    for row, doc in zip(rows, resources.nlp.pipe(texts, batch_size=64), strict=True):
        found = find_places(doc, resources.gazetteer)
        best = best_place(found)
        prec = int(row["where_prec"] or 9)
        if prec <= 2:
            placed_n += 1
            hit = best is not None and best.precision in {"settlement", "district"} and km(
                best.place.lat, best.place.lon, float(row["latitude"]), float(row["longitude"])) <= 25
            placed_ok += hit
            any_ok += any(km(m.place.lat, m.place.lon, float(row["latitude"]), float(row["longitude"])) <= 25
                          for m in found if m.precision in {"settlement", "district"})
            if not hit and len(misses) < args.misses:
                misses.append(f"PLACE {row['where_description'][:60]!r} | {doc.text[:150]!r} -> "
                              f"{best.text + ' = ' + best.place.name + '/' + str(best.place.admin1) if best else None}")
        if prec <= 4 and row["adm_1"]:
            oblast_n += 1
            hit = best is not None and best.place.admin1 is not None and \
                oblast_key(best.place.admin1) == oblast_key(row["adm_1"])
            oblast_ok += hit
    print("\n".join(misses))
    print(f"rows {len(rows)}  placed {placed_ok}/{placed_n} = {placed_ok / max(1, placed_n):.3f}  "
          f"oblast {oblast_ok}/{oblast_n} = {oblast_ok / max(1, oblast_n):.3f}  "
          f"(any mention within 25 km: {any_ok / max(1, placed_n):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
