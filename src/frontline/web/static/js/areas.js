// Events located only to an area (a district, an oblast, a region or a whole country) are never drawn as a
// point among settlements: an oblast's events shade the oblast (hatched, darker with more events) with their
// count on it; what has no shipped outline (a country, a region such as "Donbas") is counted in a panel.
import { getJSON } from "./api.js";
import { el } from "./style.js";

// The precisions that are a point on the map; every other precision is an area.
const POINT = new Set(["settlement"]);
// The outlines an event's `location.admin1` can be shaded on (their `admin1` property is the gazetteer's name).
const OUTLINES = ["geo/ukraine_oblasts.geojson", "geo/russia_border_regions.geojson"];
const COARSE = ["district", "admin1", "region", "country"];

// The location precision of an event record: the API's top-level `location_precision` where it gives one,
// else `location.precision` (export/results.py event_to_dict); null for an event with no place.
export function precisionOf(ev) {
  return ev.location_precision ?? ev.location?.precision ?? null;
}

// "placed" (a settlement: a point), "coarse" (an area) or "unplaced" (no location at all).
export function placement(ev) {
  const p = precisionOf(ev);
  if (!p || !ev.location) return "unplaced";
  return POINT.has(p) ? "placed" : "coarse";
}

// Placed, coarse and unplaced counts from the facets' precision counts and the filter's total.
export function placementCounts(precisionCounts, total) {
  let placed = 0, coarse = 0;
  for (const [p, n] of Object.entries(precisionCounts || {})) {
    if (POINT.has(p)) placed += n;
    else coarse += n;
  }
  return { placed, coarse, unplaced: Math.max(0, total - placed - coarse) };
}

const WORDS = { district: "a district", admin1: "an oblast", region: "a region", country: "a country" };

export class AreaLayer {
  constructor(map, { onArea }) {
    this.map = map;
    this.onArea = onArea;
    map.createPane("areas").style.zIndex = 350;      // above the base map, below labels and events
    this.renderer = L.svg({ pane: "areas" });
    this.shapes = L.layerGroup();
    this.badges = L.layerGroup();
    this.outlines = new Map();                       // admin1 name -> GeoJSON feature
    this.collapsed = window.innerWidth < 1000;      // the narrow layout opens the panel on request only
    this.panel = L.control({ position: "bottomleft" });
    this.panel.onAdd = () => {
      this.box = el("div", { class: "area-panel leaflet-bar", id: "area-panel" });
      L.DomEvent.disableClickPropagation(this.box);
      return this.box;
    };
    this.panel.addTo(map);
  }

  async load() {
    for (const file of OUTLINES) {
      for (const f of (await getJSON(file)).features) if (f.properties.admin1) this.outlines.set(f.properties.admin1, f);
    }
    this.hatch();
  }

  // The hatching every shaded area is filled with (an SVG pattern in the areas pane's own SVG), so a shaded
  // area reads as "somewhere in here", in no event type's colour and no control state's.
  hatch() {
    this.renderer.addTo(this.map);
    const svg = this.map.getPane("areas").querySelector("svg");
    const ns = "http://www.w3.org/2000/svg";
    const defs = document.createElementNS(ns, "defs");
    const pattern = document.createElementNS(ns, "pattern");
    for (const [k, v] of Object.entries({ id: "area-hatch", width: "8", height: "8", patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)" })) pattern.setAttribute(k, v);
    const line = document.createElementNS(ns, "rect");
    for (const [k, v] of Object.entries({ width: "3", height: "8", fill: "#3b4450" })) line.setAttribute(k, v);
    pattern.append(line);
    defs.append(pattern);
    svg.prepend(defs);
  }

  // The coarse events of a filter, given as {admin1 name: count} per shaded area and [label, count] rows for
  // the panel (what has no outline). `total` is how many events are coarse in all.
  show({ byOblast, other, total }) {
    this.shapes.clearLayers();
    this.badges.clearLayers();
    const max = Math.max(1, ...byOblast.values());
    const rows = other.map(([text, n]) => ({ text, n, area: null }));
    this.shapes.addTo(this.map);    // a polygon's centre (for its count) is known once it is on the map
    this.badges.addTo(this.map);
    for (const [name, n] of byOblast) {
      const f = this.outlines.get(name);
      if (!f) { rows.push({ text: `${name} (oblast)`, n, area: null }); continue; }
      const unit = String(f.properties.iso || "").startsWith("UA") ? "oblast" : "region";
      rows.push({ text: `${f.properties.name}${unit === "region" ? " (RU)" : ""}`, n, area: name });
      const shape = L.geoJSON(f, { renderer: this.renderer, pane: "areas", style: {
        color: "#3b4450", weight: 1.5, dashArray: "4 3", fillColor: "url(#area-hatch)",
        fillOpacity: 0.15 + 0.45 * Math.sqrt(n / max), className: "area-shape" } });
      const text = `${f.properties.name}: ${n} event${n === 1 ? "" : "s"} located only to the ${unit} or a district ` +
        "of it (no settlement named); click to filter by it";
      shape.bindTooltip(text, { sticky: true });
      shape.on("click", () => this.onArea(name));
      shape.eachLayer((l) => l.on("add", () => l.getElement()?.setAttribute("data-area", name)));
      this.shapes.addLayer(shape);
      const at = shape.getLayers()[0].getCenter();
      const badge = L.marker(at, { pane: "areas", keyboard: false, icon: L.divIcon({ className: "area-count",
        html: `<span>${n.toLocaleString("en")}</span>`, iconSize: null }) });
      badge.bindTooltip(text);
      badge.on("click", () => this.onArea(name));
      badge.on("add", () => badge.getElement()?.setAttribute("data-area", name));
      this.badges.addLayer(badge);
    }
    this.renderPanel(rows, total);
  }

  hide() {
    this.shapes.remove();
    this.badges.remove();
    this.renderPanel([], 0);
  }

  // Every area's count, largest first: the hatched oblasts (click: filter by the oblast), then what has no
  // outline on the map (a country, a region such as "Donbas").
  renderPanel(rows, total) {
    this.box.dataset.coarse = String(total);
    if (!total) { this.box.replaceChildren(); this.box.hidden = true; return; }
    this.box.hidden = false;
    const item = ({ text, n, area }) => el("li", { "data-area": area || text, class: area ? "hatched" : "unshaded" },
      area ? el("button", { type: "button", class: "linkish", title: "filter by this oblast", text, onclick: () => this.onArea(area) })
        : el("span", { text }),
      el("b", { text: n.toLocaleString("en") }));
    const details = el("details", { open: !this.collapsed },
      el("summary", {}, el("strong", { text: `${total.toLocaleString("en")} located only to an area` })),
      el("div", { class: "hint", text: "never points: the oblast hatched, or listed here" }),
      el("ul", {}, rows.sort((a, b) => b.n - a.n).map(item)));
    details.addEventListener("toggle", () => { this.collapsed = !details.open; });
    this.box.replaceChildren(details);
  }
}

// Group client-side event records (the map's own list) into the areas they are located to.
export function groupCoarse(items) {
  const byOblast = new Map();
  const other = new Map();
  let total = 0;
  for (const ev of items) {
    if (placement(ev) !== "coarse") continue;
    total += 1;
    const loc = ev.location;
    const p = precisionOf(ev);
    if (p !== "country" && loc.admin1) byOblast.set(loc.admin1, (byOblast.get(loc.admin1) || 0) + 1);
    else {
      const key = `${loc.name || loc.country_code || "unknown"} (${p === "country" ? "country" : p})`;
      other.set(key, (other.get(key) || 0) + 1);
    }
  }
  return { byOblast, other: [...other.entries()], total };
}

// The same grouping for a filter too large to list: oblast counts of the coarse precisions from the facets,
// the rest as one row per precision.
export async function fetchCoarse(params, { signal } = {}) {
  const byOblast = new Map();
  const other = [];
  let total = 0;
  await Promise.all(COARSE.map(async (prec) => {
    const p = new URLSearchParams(params);
    p.set("precision", prec);
    const f = await getJSON("/api/stats/facets", p, { signal });
    const n = Object.values(f.precision || {}).reduce((s, v) => s + v, 0);
    total += n;
    let inOblast = 0;
    if (prec !== "country") {
      for (const [name, k] of Object.entries(f.oblast || {})) { byOblast.set(name, (byOblast.get(name) || 0) + k); inOblast += k; }
    }
    if (n > inOblast) other.push([`${WORDS[prec]} only`, n - inOblast]);
  }));
  return { byOblast, other, total };
}
