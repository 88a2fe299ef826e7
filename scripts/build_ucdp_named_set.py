"""Build a caption set of real short reports that name their town: UCDP headlines that name UCDP's own settlement.

A UCDP GED row (where_prec 1-2, an exact place or near one) is coded from headlines; a headline line of three
words or more that names a settlement lying within ``NAMED_KM`` of UCDP's point is a short report that names its
town, the genre of an investigator's caption. Each such line becomes one item of a caption set (the format of
``frontline eval --captions``, docs/EVALUATION.md) with UCDP's coordinates and oblast as its place, so that
``frontline eval --captions OUT`` measures placed / no event / no place / coarse / wrong settlement on real text
nobody wrote for frontline. The gazetteer only chooses which lines qualify; the gold point is UCDP's own.

Usage: python scripts/build_ucdp_named_set.py [--ucdp PATH] [--years 2022-2023] OUT.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import re
from pathlib import Path

from frontline.evaluation import read_ucdp
from frontline.geo.gazetteer import Gazetteer

NAMED_KM = 25.0      # the distance the UCDP evaluation calls placed
_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*")
# 'the Donetsk region', 'the Kupyansk direction': a name before these words names an area, not its town
_AREA_WORDS = frozenset({"region", "oblast", "province", "direction", "republic", "regions", "axis", "sector"})


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12_742 * math.asin(min(1.0, math.sqrt(h)))


def names_town(line: str, lat: float, lon: float, gazetteer: Gazetteer) -> str | None:
    """The words of ``line`` that name a settlement within NAMED_KM of (lat, lon), or None."""
    words = _WORD.findall(line)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            name = " ".join(words[i:i + size])
            if len(name) < 4 or i + size < len(words) and words[i + size].lower() in _AREA_WORDS:
                continue
            places = [place for place, _ in gazetteer.match(name, fuzzy=False)]
            if any(place.kind in ("country", "admin1") for place in places):
                continue    # 'Ukraine', 'Donetsk' the oblast: a village of that name is no proof of a town named
            if any(place.kind == "settlement" and _km(place.lat, place.lon, lat, lon) <= NAMED_KM
                   for place in places):
                return name
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--ucdp", type=Path, default=Path("/work/shared/data/ucdp/ucdp_ged_ukraine_dev.csv"))
    parser.add_argument("--years", default=None, help="e.g. 2022-2023")
    args = parser.parse_args()
    years = tuple(int(y) for y in args.years.split("-")) if args.years else None
    gazetteer = Gazetteer.load()
    items, seen = [], set()
    for row in read_ucdp(args.ucdp, years=(years[0], years[-1]) if years else None):
        if row.where_prec > 2:
            continue
        for line in row.text.split("\n"):
            line = line.strip()
            if len(_WORD.findall(line)) < 3 or line in seen:
                continue
            if names_town(line, row.latitude, row.longitude, gazetteer) is None:
                continue
            seen.add(line)
            items.append({
                "id": f"ucdp-{row.id}-{len(items)}", "source": "ucdp_named", "split": "dev", "text": line,
                "published": row.published.isoformat(),
                "place": {"name": row.where_description, "geonames_id": None, "lat": row.latitude,
                          "lon": row.longitude, "admin1": row.adm_1},
                "event_type": None, "alt_types": []})
    with args.out.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} items written to {args.out}")


if __name__ == "__main__":
    main()
