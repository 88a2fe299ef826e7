// Colours and marker styles shared by the map, the legend and the lists.

export const TYPE_COLOURS = {
  armed_clash: "#d62728",
  shelling: "#ff7f0e",
  air_drone_strike: "#9467bd",
  territory_captured: "#8c564b",
  territory_withdrawn: "#c49c94",
  encirclement: "#e377c2",
  casualties: "#17202a",
  violence_against_civilians: "#b8004c",
  evacuation: "#17becf",
  desertion: "#7f7f7f",
  surrender: "#bcbd22",
  prisoner_exchange: "#2ca02c",
  arrest: "#1f77b4",
  protest: "#aec7e8",
  mobilization: "#5a6b2e",
  negotiation: "#98df8a",
  sanction: "#ffbb78",
  aid: "#9edae5",
  infrastructure_disruption: "#f0c808",
  other: "#a0a0a0",
};

export const CONTROL_COLOURS = { UA: "#1f5fbf", RU: "#c0262d", contested: "#f29c11" };

export function typeColour(t) {
  return TYPE_COLOURS[t] || TYPE_COLOURS.other;
}

export function label(t) {
  return String(t || "").replaceAll("_", " ");
}

// Location precision as marker style: a settlement is a filled dot, an oblast or district a large
// hollow ring, a country-only location a dashed ring, so a vague place never passes for a precise one.
export function precisionClass(p) {
  if (p === "settlement") return "settlement";
  if (p === "country") return "country";
  return "admin1";
}

export function markerStyle(eventType, precision) {
  const colour = typeColour(eventType);
  switch (precisionClass(precision)) {
    case "settlement":
      return { radius: 6, color: "#ffffff", weight: 1, fillColor: colour, fillOpacity: 0.9 };
    case "country":
      return { radius: 13, color: colour, weight: 2, dashArray: "3 4", fillColor: colour, fillOpacity: 0.08 };
    default:
      return { radius: 10, color: colour, weight: 3, fillColor: colour, fillOpacity: 0.2 };
  }
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
