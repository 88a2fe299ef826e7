"""Build src/frontline/data/raions.tsv.gz: each Ukrainian populated place's raion (GeoNames' second-order
division), for the ACLED-style CSV's ``admin2`` column.

    python scripts/build_raions.py [../shared/data/gazetteer/geonames_UA.txt]

Reads the GeoNames country dump for Ukraine (19 tab-separated columns): the ADM2 rows name each (admin1 code,
admin2 code) pair, and every populated place (feature class P) carries its pair. Writes ``geonames_id<TAB>raion``
lines, sorted by id. Place data from GeoNames (geonames.org), CC BY 4.0 (see data/GEONAMES_ATTRIBUTION.txt).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "gazetteer" / "geonames_UA.txt"
OUT = ROOT / "src" / "frontline" / "data" / "raions.tsv.gz"


def main(path: Path = DEFAULT) -> None:
    raions: dict[tuple[str, str], str] = {}
    places: list[tuple[int, str, str]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if c[7] == "ADM2":
                raions[c[10], c[11]] = c[1]
            elif c[6] == "P" and c[11]:
                places.append((int(c[0]), c[10], c[11]))
    rows = sorted((gid, raions[a1, a2]) for gid, a1, a2 in places if (a1, a2) in raions)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# geonames_id\traion. Place data from GeoNames (geonames.org), CC BY 4.0\n")
        out.writelines(f"{gid}\t{name}\n" for gid, name in rows)
    print(f"{len(rows)} places with a raion -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
