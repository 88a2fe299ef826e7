// Wires the page: state in the URL, one refresh per change, each panel fed from the REST API.
import { getJSON } from "./api.js";
import { placementCounts } from "./areas.js";
import { Histogram } from "./histogram.js";
import { EventMap, legendItem } from "./map.js";
import { EventList, renderCoverage, renderDetail, renderPlace } from "./panels.js";
import { SINGLE_FACETS, filterParams, readState, writeState } from "./state.js";
import { EVENT_TYPES, FORMATS, el } from "./style.js";

const $ = (sel) => document.querySelector(sel);
const state = readState(location.search);
let inflight = null;     // the AbortController of the refresh under way
let playing = null;      // the play timer

function setStatus(text, isError = false) {
  const s = $("#status");
  s.textContent = text;
  s.classList.toggle("error", isError);
}

function report(err) {
  if (err && err.name === "AbortError") return;
  console.warn(err);   // eslint-disable-line no-console
  setStatus(String(err.message || err), true);
}

function saveUrl() {
  history.replaceState(null, "", writeState(state));
}

const map = new EventMap($("#map"), {
  view: state.view,
  onEvent: (id) => showEvent(id),
  onPlace: (name) => showPlace(name),
  onView: (v) => { state.view = v; saveUrl(); },
  onArea: (name) => { state.oblast = name; refresh(); },
});
const histogram = new Histogram($("#histogram"), $("#brush-label"), (since, until) => {
  state.since = since;
  state.until = until;
  refresh({ histogram: false });
});
const list = new EventList($("#event-list"), $("#more"), (id) => showEvent(id));

function showTab(name) {
  for (const b of document.querySelectorAll("#tabs button")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
  for (const t of document.querySelectorAll(".tab")) t.hidden = t.id !== `tab-${name}`;
  if (name === "coverage") loadCoverage().catch(report);
}

async function showEvent(id) {
  state.event = id;
  saveUrl();
  showTab("detail");
  try {
    await renderDetail($("#tab-detail"), id, { onPlace: showPlace });
  } catch (err) { report(err); }
}

async function showPlace(name) {
  state.place = name;
  saveUrl();
  showTab("place");
  try {
    await renderPlace($("#tab-place"), name, { onEvent: showEvent });
  } catch (err) { report(err); }
}

function loadCoverage(signal) {
  if ($("#tab-coverage").hidden) return Promise.resolve();
  return renderCoverage($("#coverage"), state.since, state.until, { signal });
}

function fillFacets(facets) {
  const types = new Set([...Object.keys(facets.type || {}), ...state.type]);
  const ul = $("#facet-type ul");
  ul.replaceChildren(...EVENT_TYPES.map((t) => t.name).filter((t) => types.has(t)).map((t) =>
    legendItem(t, facets.type?.[t] || 0, state.type.includes(t), (e) => {
      state.type = e.target.checked ? [...state.type, t] : state.type.filter((x) => x !== t);
      refresh();
    })));
  for (const k of SINGLE_FACETS) {
    const sel = $(`#facet-${k}`);
    const counts = facets[k] || {};
    const values = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    if (state[k] && !(state[k] in counts)) values.unshift([state[k], 0]);
    sel.replaceChildren(el("option", { value: "", text: "any" }),
      ...values.map(([v, n]) => el("option", { value: v, selected: v === state[k], text: `${v} (${n})` })));
  }
}

// Re-query everything the state drives; a newer refresh aborts an older one.
async function refresh({ histogram: withHistogram = true } = {}) {
  saveUrl();
  delete document.body.dataset.ready;   // play and tests wait for the view to match the state again
  inflight?.abort();
  const ctl = new AbortController();
  inflight = ctl;
  const signal = ctl.signal;
  setStatus("loading…");
  const params = filterParams(state);
  try {
    const tasks = [];
    // the control layer's default date is the histogram's last day: it waits for the histogram
    const days = withHistogram
      ? getJSON("/api/stats/histogram", filterParams(state, { withTime: false }), { signal })
        .then((h) => { histogram.setData(h.days || [], state.since, state.until); showZoom(); })
      : Promise.resolve();
    tasks.push(days);
    // the type list counts every type under the other filters, so a second type can be ticked
    const typeFacets = state.type.length
      ? getJSON("/api/stats/facets", filterParams({ ...state, type: [] }), { signal }).then((f) => f.type)
      : null;
    const facets = getJSON("/api/stats/facets", params, { signal });
    tasks.push(facets.then(async (f) => fillFacets(typeFacets ? { ...f, type: await typeFacets } : f)));
    const { total, exact } = await list.load(params, null, { signal });
    tasks.push(map.showEvents(params, total, { signal, visible: state.events }));
    tasks.push(days.then(() => map.showControl(state.until || histogram.last, state.control, { signal })));
    tasks.push(loadCoverage(signal));
    await Promise.all(tasks);
    showCounts(total, exact, (await facets).precision, await articleCount(signal));
    updateExports(params);
    for (const a of document.querySelectorAll("#exports a")) a.dataset.total = String(total);
    if (inflight === ctl) {
      setStatus("");
      document.body.dataset.ready = "1";   // for people and tests: the view matches the state
    }
  } catch (err) {
    if (inflight === ctl) report(err);
  }
}

// The articles behind the filter's events when the map holds them all; else (a filter too large to list) the
// articles published in the brushed range by the chosen outlet, and the header says which of the two it is.
async function articleCount(signal) {
  if (map.articles !== null) return { n: map.articles, text: (a) => ` from ${a}` };
  const q = new URLSearchParams({ limit: "1" });
  for (const k of ["outlet", "since", "until"]) if (state[k]) q.set(k, state[k]);
  const n = await getJSON("/api/articles", q, { signal }).then((a) => a.total).catch(() => null);
  return { n, text: (a) => ` · ${a} published in the range` };
}

const plural = (n, word) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

// "1,713 events from 1,598 articles: 925 at a settlement · 450 only to an oblast or country · 338 unplaced".
function showCounts(total, exact, precision, articles) {
  const { placed, coarse, unplaced } = placementCounts(precision, total);
  const counts = $("#counts");
  counts.replaceChildren(
    el("span", { id: "count-events", text: `${plural(total, "event")}${exact ? "" : "+"}` }),
    articles.n !== null ? el("span", { id: "count-articles", text: articles.text(plural(articles.n, "article")) }) : null,
    el("span", { class: "placement", text: ": " }),
    el("span", { id: "count-placed", title: "drawn as points: located to a settlement", text: `${placed.toLocaleString("en")} at a settlement` }),
    " · ",
    el("span", { id: "count-coarse", title: "located only to a district, oblast, region or country: drawn as that area, or counted in the panel on the map",
      text: `${coarse.toLocaleString("en")} only to an area` }),
    " · ",
    el("span", { id: "count-unplaced", title: "no place named: in the list and the timeline, not on the map", text: `${unplaced.toLocaleString("en")} unplaced` }),
    state.since || state.until ? ` · ${state.since || "…"} – ${state.until || "…"}` : "");
  counts.dataset.placed = String(placed);
  counts.dataset.coarse = String(coarse);
  counts.dataset.unplaced = String(unplaced);
}

// One link per export format the server offers as a download (its registry's `download` join).
const DOWNLOADS = FORMATS.filter((f) => f.download);

function exportLinks() {
  $("#exports").append(...DOWNLOADS.flatMap((f) => [" ", el("a", {
    id: `export-${f.name}`, href: "#", download: `frontline-events${f.extension}`, text: f.label,
    onclick: exportAll,
  })]));
}

function updateExports(params) {
  for (const f of DOWNLOADS) {
    const p = new URLSearchParams(params);
    p.set("format", f.name);
    p.set("limit", "1000");
    $(`#export-${f.name}`).href = `/api/events?${p}`;
  }
}

// How the pages of a download join into one file: the first page's header and every page's rows, or the
// features of every page's FeatureCollection in one.
const JOINS = {
  header: {
    read: (resp) => resp.text(),
    join: (parts) => parts.map((t, i) => (i === 0 ? t : t.slice(t.indexOf("\n") + 1))).join(""),
  },
  features: {
    read: (resp) => resp.json(),
    join: (parts) => JSON.stringify({ type: "FeatureCollection", features: parts.flatMap((p) => p.features) }),
  },
};

// The API pages at 1,000 events: a larger filter is fetched page by page (X-Next-Cursor) and joined
// into one file, so the export is the whole filter, not its first page.
async function exportAll(event) {
  const a = event.currentTarget;
  if (a.dataset.total && Number(a.dataset.total) <= 1000) return;   // one page: the plain link does it
  event.preventDefault();
  const fmt = a.id.replace("export-", "");
  const format = DOWNLOADS.find((f) => f.name === fmt);
  const { read, join } = JOINS[format.download];
  const base = new URL(a.href, location.href);
  const parts = [];
  let cursor = null;
  setStatus(`exporting ${fmt}…`);
  try {
    do {
      const u = new URL(base);
      if (cursor) u.searchParams.set("cursor", cursor);
      const resp = await fetch(u);
      if (!resp.ok) throw new Error(`export failed: ${resp.status} ${resp.statusText}`);
      parts.push(await read(resp));
      cursor = resp.headers.get("X-Next-Cursor");
      setStatus(`exporting ${fmt}… ${parts.length * 1000}`);
    } while (cursor);
    const blob = new Blob([join(parts)], { type: format.media_type });
    const link = el("a", { href: URL.createObjectURL(blob), download: a.getAttribute("download") });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setStatus("");
  } catch (err) { report(err); }
}

function bindControls() {
  for (const k of SINGLE_FACETS) {
    $(`#facet-${k}`).addEventListener("change", (e) => { state[k] = e.target.value || null; refresh(); });
  }
  const contested = $("#facet-contested");
  contested.checked = state.contested;
  contested.addEventListener("change", () => { state.contested = contested.checked; refresh(); });
  const background = $("#facet-background");
  background.checked = state.background;
  background.addEventListener("change", () => { state.background = background.checked; refresh(); });
  const conf = $("#facet-min-confidence");
  conf.value = String(state.min_confidence);
  $("#min-confidence-value").textContent = state.min_confidence.toFixed(2);
  conf.addEventListener("input", () => { $("#min-confidence-value").textContent = Number(conf.value).toFixed(2); });
  conf.addEventListener("change", () => { state.min_confidence = Number(conf.value); refresh(); });
  $("#reset").addEventListener("click", () => {
    Object.assign(state, { type: [], contested: false, background: false, min_confidence: 0, since: null,
                           until: null });
    for (const k of SINGLE_FACETS) state[k] = null;
    contested.checked = false;
    background.checked = false;
    conf.value = "0";
    $("#min-confidence-value").textContent = "0.00";
    refresh();
  });
  const evLayer = $("#layer-events");
  evLayer.checked = state.events;
  evLayer.addEventListener("change", () => { state.events = evLayer.checked; refresh({ histogram: false }); });
  const ctlLayer = $("#layer-control");
  ctlLayer.checked = state.control;
  ctlLayer.addEventListener("change", () => { state.control = ctlLayer.checked; refresh({ histogram: false }); });
  for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));
  $("#play").addEventListener("click", togglePlay);
  exportLinks();
  $("#zoom").addEventListener("click", () => { histogram.toggleZoom(); showZoom(); });
}

// The zoom button says whether the timeline is zoomed, whatever changed it.
function showZoom() {
  const zoom = $("#zoom");
  zoom.classList.toggle("on", histogram.zoomed);
  zoom.setAttribute("aria-pressed", String(histogram.zoomed));
}

// Play: slide the brushed window one day at a time, waiting for each view before the next step.
function togglePlay() {
  const button = $("#play");
  if (playing) {
    clearTimeout(playing);
    playing = null;
    button.textContent = "▶";
    return;
  }
  button.textContent = "⏸";
  const tick = async () => {
    if (!histogram.step()) { playing = null; button.textContent = "▶"; return; }
    await new Promise((r) => { const t = setInterval(() => { if (document.body.dataset.ready) { clearInterval(t); r(); } }, 50); });
    if (playing) playing = setTimeout(tick, 500);
  };
  playing = setTimeout(tick, 0);
}

async function start() {
  bindControls();
  try {
    await map.loadBase();
  } catch (err) { report(err); }
  await refresh();
  if (state.event) showEvent(state.event);
  else if (state.place) showPlace(state.place);
}

start();
