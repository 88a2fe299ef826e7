// The page's state lives in the URL (?type=…&since=…), so a view can be shared or bookmarked.
// One object, read once from the URL and written back (replaceState) whenever it changes.

export const SINGLE_FACETS = ["side", "oblast", "claimant", "modality", "outlet"];

export function readState(search) {
  const p = new URLSearchParams(search);
  const num = (k, d) => (p.has(k) && !Number.isNaN(Number(p.get(k))) ? Number(p.get(k)) : d);
  const view = (p.get("view") || "").split(",").map(Number);
  const state = {
    type: p.getAll("type").filter(Boolean),
    contested: p.get("contested") === "true",
    // retold history (events an article recalls, not its news): left out unless ticked, as the API's default
    background: p.get("background") === "include",
    min_confidence: Math.min(1, Math.max(0, num("min_confidence", 0))),
    since: isoDate(p.get("since")),
    until: isoDate(p.get("until")),
    control: p.get("control") === "1",
    events: p.get("events") !== "0",
    event: p.get("event") || null,
    place: p.get("place") || null,
    view: view.length === 3 && view.every(Number.isFinite) ? view : null,
  };
  for (const k of SINGLE_FACETS) state[k] = p.get(k) || null;
  return state;
}

export function writeState(state) {
  const p = new URLSearchParams();
  for (const t of state.type) p.append("type", t);
  for (const k of SINGLE_FACETS) if (state[k]) p.set(k, state[k]);
  if (state.contested) p.set("contested", "true");
  if (state.background) p.set("background", "include");
  if (state.min_confidence > 0) p.set("min_confidence", String(state.min_confidence));
  if (state.since) p.set("since", state.since);
  if (state.until) p.set("until", state.until);
  if (state.control) p.set("control", "1");
  if (!state.events) p.set("events", "0");
  if (state.event) p.set("event", state.event);
  if (state.place) p.set("place", state.place);
  if (state.view) p.set("view", state.view.map((v, i) => (i < 2 ? v.toFixed(3) : String(v))).join(","));
  const qs = p.toString();
  return qs ? `?${qs}` : location.pathname;
}

// The API's filter parameters for the current state; withTime=false leaves the brushed range out
// (the histogram always shows the whole span, with the brush drawn on it).
export function filterParams(state, { withTime = true } = {}) {
  const p = new URLSearchParams();
  for (const t of state.type) p.append("type", t);
  for (const k of SINGLE_FACETS) if (state[k]) p.set(k, state[k]);
  if (state.contested) p.set("contested", "true");
  if (state.background) p.set("background", "include");
  if (state.min_confidence > 0) p.set("min_confidence", String(state.min_confidence));
  if (withTime && state.since) p.set("since", state.since);
  if (withTime && state.until) p.set("until", state.until);
  return p;
}

function isoDate(v) {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}
