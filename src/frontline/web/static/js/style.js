// Colours and marker styles shared by the map, the legend and the lists.
import { getJSON } from "./api.js";

// The event types (name, label, family, colour, in the server's table order) and the export formats, read
// once from the server (GET /api/vocabulary, docs/REST.md): the legend, the markers and the export links follow
// the server's tables instead of a copy of them kept here.
const VOCABULARY = await getJSON("/api/vocabulary");
export const EVENT_TYPES = VOCABULARY.event_types;
export const FORMATS = VOCABULARY.formats;
const TYPES = new Map(EVENT_TYPES.map((t) => [t.name, t]));
const FALLBACK = TYPES.get(VOCABULARY.fallback);

// Control states (frontline.corpus.control): a holder confirmed beyond its own word in full colour, a change on
// one side's word alone (claimed_*) in a pale tint of it, "unknown" (no information, or the last state lapsed) grey.
export const CONTROL_COLOURS = { UA: "#1f5fbf", RU: "#c0262d", claimed_UA: "#9dbbe8", claimed_RU: "#eda2a5",
  contested: "#f29c11", unknown: "#bdbdbd" };
export const CONTROL_LABELS = { UA: "held by Ukraine", RU: "held by Russia's side", claimed_UA: "claimed by Ukraine",
  claimed_RU: "claimed by Russia's side", contested: "contested", unknown: "no information" };

export function controlLabel(state) {
  return CONTROL_LABELS[state] || String(state || "no information");
}

export function typeColour(t) {
  return (TYPES.get(t) || FALLBACK).colour;
}

export function label(t) {
  return TYPES.get(t)?.label ?? String(t || "").replaceAll("_", " ");
}

// Location precision as a class: a settlement is a point on the map; every other precision is an area, drawn
// as its oblast or counted in the area panel (areas.js), and set in italics in the lists.
export function precisionClass(p) {
  if (p === "settlement") return "settlement";
  if (p === "country") return "country";
  return "admin1";
}

// An event marker: a filled dot in its type's colour (only settlement-placed events are markers).
export function markerStyle(eventType) {
  return { radius: 6, color: "#ffffff", weight: 1, fillColor: typeColour(eventType), fillOpacity: 0.9 };
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
