// The map: offline base layers (GeoJSON shipped with the package), events clustered in the browser
// when the filter holds few enough of them, server-side grid cells (/api/stats/grid) when it does not,
// and the control layer (settlements coloured UA / RU / contested at a date). Only events placed at a
// settlement are points; events located only to an area are drawn as that area (areas.js).
import { getAll, getJSON } from "./api.js";
import { AreaLayer, fetchCoarse, groupCoarse, placement } from "./areas.js";
import { CONTROL_COLOURS, controlLabel, el, label, markerStyle, precisionClass, typeColour } from "./style.js";

export const CLIENT_MAX = 5000;     // above this many events the map asks the server for grid cells
const DETAIL_ZOOM = 9;              // from this zoom on, dense views load the events in view
const EVENT_FIELDS = "event_id,article_id,event_type,location,date,claim,confidence,contested,outlet";

export class EventMap {
  constructor(node, { view, onEvent, onPlace, onView, onArea }) {
    // The base layers end at this window (scripts/build_base_layers.py): keep the view inside it.
    const window_ = L.latLngBounds([[40, 14], [58, 50]]);
    this.map = L.map(node, { zoomSnap: 0.5, minZoom: 5, maxZoom: 13, maxBounds: window_.pad(0.05),
      maxBoundsViscosity: 0.8, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain); places: GeoNames (CC BY 4.0)");
    if (view) this.map.setView([view[0], view[1]], view[2]);
    else this.map.fitBounds([[44.3, 22.1], [52.4, 40.3]]);
    this.onEvent = onEvent;
    this.onPlace = onPlace;
    this.map.createPane("control").style.zIndex = 450;
    this.map.createPane("base").style.zIndex = 250;
    this.map.createPane("labels").style.zIndex = 380;
    this.areas = new AreaLayer(this.map, { onArea });
    // From DETAIL_ZOOM on only markers on (nearly) the same spot still cluster: a click on such a cluster
    // spreads its markers out (spiderfy), so no event hides under another.
    this.cluster = L.markerClusterGroup({ maxClusterRadius: (z) => (z >= DETAIL_ZOOM ? 4 : 40),
      spiderfyOnMaxZoom: true, showCoverageOnHover: false, chunkedLoading: true, iconCreateFunction: clusterIcon });
    this.grid = L.layerGroup();
    this.control = L.layerGroup();
    this.mode = "none";
    this.filterKey = null;
    this.articles = null;      // articles behind the filter's events, when the map holds them all
    this.map.on("moveend", () => {
      const c = this.map.getCenter();
      onView([c.lat, c.lng, this.map.getZoom()]);
      if (this.mode === "dense") this.loadDense();
    });
  }

  async loadBase() {
    const style = {
      "countries.geojson": { color: "#9aa3ad", weight: 1, fillColor: "#eceae4", fillOpacity: 1 },
      "russia_border_regions.geojson": { color: "#b9aaa6", weight: 0.8, dashArray: "2 3", fillColor: "#e7dfdb", fillOpacity: 1 },
      "ukraine_oblasts.geojson": { color: "#8d99a6", weight: 1, fillColor: "#ffffff", fillOpacity: 1 },
    };
    for (const [file, s] of Object.entries(style)) {
      const data = await getJSON(`geo/${file}`);
      L.geoJSON(data, { style: s, pane: "base", interactive: file === "ukraine_oblasts.geojson",
        onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name || "", { sticky: true, direction: "top" }) }).addTo(this.map);
    }
    await this.areas.load();
    await this.loadLabels();
    this.map.getContainer().classList.add("base-ready");
  }

  // Offline place labels (geo/places.geojson): oblast names, and towns by population rank as the map zooms in.
  async loadLabels() {
    const { features } = await getJSON("geo/places.geojson");
    const labels = L.layerGroup();
    for (const f of features) {
      const { name, kind, rank } = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      labels.addLayer(L.marker([lat, lon], { pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: `place-label ${kind} rank-${rank}`, html: "<span></span>", iconSize: null }) })
        .on("add", (e) => { e.target.getElement().firstChild.textContent = name; }));
    }
    labels.addTo(this.map);
    const rankShown = () => {
      const z = this.map.getZoom();
      this.map.getContainer().dataset.labelRank = String(z < 6.5 ? 1 : z < 8 ? 2 : 3);
    };
    this.map.on("zoomend", rankShown);
    rankShown();
  }

  // Show the events of a filter. `params` are the API filter parameters, `total` the filter's count.
  async showEvents(params, total, { signal, visible = true } = {}) {
    this.params = params;
    this.signal = signal;
    this.cluster.remove();
    this.grid.remove();
    if (!visible) { this.mode = "none"; this.areas.hide(); this.filterKey = null; this.articles = null; return; }
    if (total <= CLIENT_MAX) {
      this.mode = "client";
      const key = params.toString();
      if (key !== this.filterKey) {
        const p = new URLSearchParams(params);
        p.set("fields", EVENT_FIELDS);
        const items = await getAll("/api/events", p, CLIENT_MAX, { signal });
        this.setMarkers(items);
        this.coarse = groupCoarse(items);
        this.articles = new Set(items.map((ev) => ev.article_id)).size;
        this.filterKey = key;
      }
      this.areas.show(this.coarse);
      this.cluster.addTo(this.map);
    } else {
      this.mode = "dense";
      this.filterKey = null;
      this.articles = null;
      this.areas.show(await fetchCoarse(params, { signal }));
      await this.loadDense();
    }
  }

  setMarkers(items) {
    this.cluster.clearLayers();
    const markers = [];
    for (const ev of items) {
      const loc = ev.location;
      // an event located only to an oblast or a country is that area (areas.js), never a point
      if (placement(ev) !== "placed" || loc.lat === null || loc.lon === null || loc.lat === undefined) continue;
      const prec = precisionClass(loc.precision);
      const m = L.circleMarker([loc.lat, loc.lon], {
        ...markerStyle(ev.event_type),
        className: `ev-marker ev-prec-${prec}`,
      });
      m.bindTooltip(`${label(ev.event_type)} · ${loc.name} (${loc.precision}) · ${ev.date?.start || "undated"}`);
      m.on("click", () => this.onEvent(ev.event_id));
      m.on("add", () => m.getElement()?.setAttribute("data-event-id", ev.event_id));
      markers.push(m);
    }
    this.cluster.addLayers(markers);
    // what the map holds (clusters hide what is out of view): read by people in devtools and by the tests
    this.map.getContainer().dataset.markers = String(markers.length);
  }

  // Dense filters: grid cells from the server at low zoom, the events in view once zoomed in.
  async loadDense() {
    const z = this.map.getZoom();
    const b = this.map.getBounds().pad(0.2);
    const p = new URLSearchParams(this.params);
    p.set("bbox", [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(3)).join(","));
    if (z >= DETAIL_ZOOM) {
      p.set("fields", EVENT_FIELDS);
      p.set("precision", "settlement");
      const items = await getAll("/api/events", p, 2000, { signal: this.signal });
      this.grid.remove();
      this.setMarkers(items);
      this.cluster.addTo(this.map);
      return;
    }
    // about 20-40 px a cell on screen at each zoom (zoomSnap is 0.5)
    const cell = z < 5.5 ? 1 : z < 6.5 ? 0.5 : z < 7.5 ? 0.25 : 0.1;
    p.set("cell", String(cell));
    p.set("precision", "settlement");   // the areas layer draws the rest
    const { cells } = await getJSON("/api/stats/grid", p, { signal: this.signal });
    this.cluster.remove();
    this.grid.clearLayers();
    const max = Math.max(1, ...cells.map((c) => c.count));
    for (const c of cells) {
      const top = Object.entries(c.by_type || {}).sort((a, b) => b[1] - a[1])[0];
      const colour = typeColour(top ? top[0] : null);
      const r = 4 + 16 * Math.sqrt(c.count / max);
      const m = L.circleMarker([c.lat, c.lon], { radius: r, color: "#333", weight: 0.5, fillColor: colour,
        fillOpacity: 0.7, className: "grid-cell" });
      m.bindTooltip(`${c.count} events${top ? `, mostly ${label(top[0])}` : ""}`);
      m.on("click", () => this.map.setView([c.lat, c.lon], Math.min(DETAIL_ZOOM, z + 2)));
      this.grid.addLayer(m);
    }
    this.grid.addTo(this.map);
  }

  // Settlements coloured by who held them at `date` (GET /api/control).
  async showControl(date, on, { signal } = {}) {
    this.control.clearLayers();
    if (!on) { this.control.remove(); return 0; }
    const p = new URLSearchParams();
    if (date) p.set("date", date);
    const { places } = await getJSON("/api/control", p, { signal });
    for (const pl of places) {
      // a claim is a dashed ring, so it never passes for a confirmed holder even where the tints are hard to tell;
      // a holder kept on stale reports (basis 'persisted') is half filled: held, on old evidence; a holder
      // inferred from the settlements around it (basis 'area') is a pale fill in a dotted ring: no report names it
      const claimed = String(pl.state).startsWith("claimed_");
      const kept = pl.basis === "persisted";
      const inferred = pl.basis === "area";
      const m = L.circleMarker([pl.lat, pl.lon], { pane: "control", radius: 5, color: claimed ? "#444" : "#222",
        weight: 1, dashArray: claimed ? "2 2" : inferred ? "1 3" : null,
        fillColor: CONTROL_COLOURS[pl.state] || CONTROL_COLOURS.unknown,
        fillOpacity: inferred ? 0.25 : kept ? 0.45 : 0.95,
        className: `ctl-marker ctl-${pl.state}${kept ? " ctl-persisted" : ""}${inferred ? " ctl-area" : ""}` });
      m.bindTooltip(`${pl.name}: ${controlLabel(pl.state)}${date ? ` on ${date}` : ""}` +
        `${(kept || inferred) && pl.source ? ` (${pl.source})` : ""}`);
      m.on("click", () => this.onPlace(pl.name));
      m.on("add", () => {
        const e = m.getElement();
        if (e) { e.setAttribute("data-place", pl.name); e.setAttribute("data-state", pl.state); }
      });
      this.control.addLayer(m);
    }
    this.control.addTo(this.map);
    return places.length;
  }
}

// Cluster icons in one neutral style (white disc, slate ring, size by count): never in an event type's colour
// or a control state's, which the markers and the control layer use.
function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 28 : n < 100 ? 34 : 42;
  return L.divIcon({ html: `<div><span>${n}</span></div>`, className: "marker-cluster ev-cluster",
    iconSize: L.point(size, size) });
}

export function legendItem(type, count, checked, onChange) {
  const id = `type-${type}`;
  const swatch = el("span", { class: "swatch" });
  swatch.style.backgroundColor = typeColour(type);   // CSSOM, allowed by the page's CSP (no inline style attribute)
  return el("li", {},
    el("input", { type: "checkbox", id, value: type, checked, onchange: onChange }),
    el("label", { for: id }, swatch, label(type), count !== undefined ? el("small", { text: ` ${count}` }) : null));
}
