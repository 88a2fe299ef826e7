"""Build tests/data/captions/captions.jsonl: the caption and headline yardstick for ``frontline eval --captions``.

Two sources, both with gold written independently of frontline's output:

- ``tests/data/captions/captions.src.tsv``: captions written by hand in the open-source-investigator genre,
  each with the settlement it names (a GeoNames name and admin1 code, or a geonameid) and its event type. The
  coordinates and the oblast come from the GeoNames dump, never from frontline.
- UCDP GED development rows of 2022-2023 whose place is exact or near (where_prec 1-2) and that carry a single
  headline: the headline, its publication date and UCDP's coordinates and oblast. UCDP gives no event type.

Each item goes to the 'dev' or the 'test' split by a hash of its text (about 60 / 40); tune on dev only.

With ``--osint`` it builds ``tests/data/captions/osint_style.jsonl`` instead, from
``tests/data/captions/osint_style.src.tsv`` alone (source 'written_osint', split about half / half): captions
in the held-out genre of open-source investigators, written before frontline was run on them. With
``--osint-b`` it builds ``tests/data/captions/osint_style_b.jsonl`` from ``osint_style_b.src.tsv`` (source
'written_osint_b', every item in the split 'test'): a third batch kept whole as a held-out set.

Usage: python scripts/build_caption_set.py [--geonames PATH] [--ucdp PATH] [--osint | --osint-b]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from frontline.evaluation import normalise_admin1, read_ucdp

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests/data/captions/captions.src.tsv"
OUT = ROOT / "tests/data/captions/captions.jsonl"
OSINT_SOURCE = ROOT / "tests/data/captions/osint_style.src.tsv"
OSINT_OUT = ROOT / "tests/data/captions/osint_style.jsonl"
OSINT_B_SOURCE = ROOT / "tests/data/captions/osint_style_b.src.tsv"
OSINT_B_OUT = ROOT / "tests/data/captions/osint_style_b.jsonl"
DEFAULT_PUBLISHED = "2023-06-15"
DEV_SHARE = 6  # of 10 hash buckets


def _split(text: str, dev_share: int = DEV_SHARE) -> str:
    return "dev" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 10 < dev_share else "test"


def _geonames(path: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    rows, admin1 = {}, {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            r = line.rstrip("\n").split("\t")
            if r[6] == "P":
                rows[r[0]] = r
            elif r[7] == "ADM1":
                admin1[r[10]] = r[1]
    return rows, admin1


def _resolve(key: str, rows: dict[str, list[str]]) -> list[str]:
    """A geonameid, or 'Name@admin1': the most populous populated place of that name (or alternate) there."""
    if key.isdigit():
        return rows[key]
    name, _, code = key.partition("@")
    low = name.lower()
    hits = [r for r in rows.values() if r[10] == code and
            (r[1].lower() == low or r[2].lower() == low or low in (a.lower() for a in r[3].split(",")))]
    if not hits:
        raise SystemExit(f"no populated place {name!r} in admin1 {code}")
    return max(hits, key=lambda r: int(r[14] or 0))


def _written(source: Path, rows: dict[str, list[str]], admin1: dict[str, str], *, name: str, prefix: str,
             dev_share: int) -> list[dict[str, object]]:
    """The hand-written items of one source file, their place filled in from the GeoNames dump."""
    items: list[dict[str, object]] = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        key, types, text, *rest = line.split("\t")
        r = _resolve(key, rows)
        event_type, *alt = types.split("|")
        items.append({
            "id": f"{prefix}-{number}", "source": name, "split": _split(text, dev_share), "text": text,
            "published": rest[0] if rest and rest[0] else DEFAULT_PUBLISHED,
            "place": {"name": r[1], "geonames_id": int(r[0]), "lat": float(r[4]), "lon": float(r[5]),
                      "admin1": normalise_admin1(admin1[r[10]])},
            "event_type": event_type, "alt_types": alt})
    return items


def _write(items: list[dict[str, object]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} items written to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, default=Path("/work/shared/data/gazetteer/geonames_UA.txt"))
    parser.add_argument("--ucdp", type=Path, default=Path("/work/shared/data/ucdp/ucdp_ged_ukraine_dev.csv"))
    parser.add_argument("--osint", action="store_true", help="build the open-source-investigator caption set")
    parser.add_argument("--osint-b", action="store_true", help="build its third batch, all held out ('test')")
    args = parser.parse_args()
    rows, admin1 = _geonames(args.geonames)
    if args.osint:
        _write(_written(OSINT_SOURCE, rows, admin1, name="written_osint", prefix="osint", dev_share=5), OSINT_OUT)
        return
    if args.osint_b:
        _write(_written(OSINT_B_SOURCE, rows, admin1, name="written_osint_b", prefix="osintb", dev_share=0),
               OSINT_B_OUT)
        return
    items = _written(SOURCE, rows, admin1, name="written", prefix="caption", dev_share=DEV_SHARE)
    for row in read_ucdp(args.ucdp, years=(2022, 2023)):
        if row.where_prec > 2 or "\n" in row.text:
            continue
        items.append({
            "id": f"ucdp-{row.id}", "source": "ucdp", "split": _split(row.text), "text": row.text,
            "published": row.published.isoformat(),
            "place": {"name": row.where_description, "geonames_id": None, "lat": row.latitude,
                      "lon": row.longitude, "admin1": row.adm_1},
            "event_type": None, "alt_types": []})
    _write(items, OUT)


if __name__ == "__main__":
    main()
