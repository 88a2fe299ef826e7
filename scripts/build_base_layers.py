"""Derive the web page's base layers from the shared Natural Earth boundaries.

Source: ``../shared/data/boundaries`` (Natural Earth 1:10m admin-0 and admin-1, public domain, already
simplified on one topology; see its README). Output: three small GeoJSON files in
``src/frontline/web/static/geo/`` plus ``ATTRIBUTION.md`` beside them.

What it does, and why:
- countries are clipped to a window around Ukraine (the page never shows Norway or Kazakhstan whole);
- every coordinate is snapped to a 0.01° grid (about 1 km, finer than the page ever draws) with
  ``shapely.set_precision``; the same input vertex snaps to the same output vertex, so oblast edges and
  country borders that lined up in the source still line up;
- only the properties the page reads are kept.

Run (needs shapely, in the dev extras): ``.venv/bin/python scripts/build_base_layers.py [--boundaries DIR]``
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside a clone, or two levels up from a git worktree under wt/
DEFAULT_SOURCE = next((p / "shared" / "data" / "boundaries" for p in (ROOT.parent, ROOT.parent.parent)
                       if (p / "shared" / "data" / "boundaries").is_dir()), ROOT.parent / "shared" / "data" / "boundaries")
OUT = ROOT / "src" / "frontline" / "web" / "static" / "geo"
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

| file | features |
|---|---|
{rows}
"""


def _round(geom_json: dict) -> dict:
    """Coordinates as floats of at most two decimals (the grid), so the file stays small."""
    def walk(c):
        return [walk(x) for x in c] if isinstance(c[0], list | tuple) else [round(c[0], 2), round(c[1], 2)]
    return {"type": geom_json["type"], "coordinates": walk(geom_json["coordinates"])}


def derive(source: Path, name: str, props: dict[str, str]) -> dict:
    """One output layer: clipped, snapped, with only ``props`` kept; empty results are dropped."""
    data = json.loads(source.read_text(encoding="utf-8"))
    features = []
    for f in data["features"]:
        geom = shapely.clip_by_rect(shape(f["geometry"]), *WINDOW)
        geom = shapely.set_precision(geom, GRID)
        if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            continue
        features.append({"type": "Feature", "properties": {k: f["properties"].get(v) for k, v in props.items()},
                         "geometry": _round(mapping(geom))})
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boundaries", type=Path, default=DEFAULT_SOURCE, help="the shared boundaries folder")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for out_name, (src_name, props) in LAYERS.items():
        layer = derive(args.boundaries / src_name, out_name, props)
        text = json.dumps(layer, separators=(",", ":"), ensure_ascii=False)
        (OUT / out_name).write_text(text + "\n", encoding="utf-8")
        rows.append(f"| `{out_name}` | {len(layer['features'])} |")
        print(f"{out_name}: {len(layer['features'])} features, {len(text) / 1024:.0f} KiB")
    w, s, e, n = WINDOW
    (OUT / "ATTRIBUTION.md").write_text(ATTRIBUTION.format(w=w, s=s, e=e, n=n, grid=GRID, rows="\n".join(rows)),
                                        encoding="utf-8")


if __name__ == "__main__":
    main()
