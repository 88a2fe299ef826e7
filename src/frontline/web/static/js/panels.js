// The side panels: the paged event list, an event's evidence, a settlement's control timeline and the
// coverage of the sources (articles per outlet per day).
import { getJSON } from "./api.js";
import { CONTROL_COLOURS, controlLabel, el, label, precisionClass, typeColour } from "./style.js";
import { dayDiff } from "./histogram.js";

const PAGE = 50;

function swatch(colour, cls = "swatch") {
  const s = el("span", { class: cls });
  s.style.backgroundColor = colour;   // CSSOM: allowed by the CSP, unlike a style attribute
  return s;
}

function party(p) {
  if (!p) return null;
  return `${p.name}${p.role ? `, ${p.role}` : ""} (${p.side})`;
}

function dateText(d) {
  if (!d || !d.start) return "undated";
  return d.end && d.end !== d.start ? `${d.start} – ${d.end}` : d.start;
}

// How precise a place is, in words: an area-only place says so ("oblast only"), not its code ("admin1").
const PRECISION_WORDS = { settlement: "settlement", district: "district only", admin1: "oblast only", region: "region only",
  country: "country only" };

function placeText(loc) {
  if (!loc) return "no place";
  const where = loc.admin1 && loc.admin1 !== loc.name ? `${loc.name}, ${loc.admin1}` : loc.name;
  return `${where} · ${PRECISION_WORDS[loc.precision] || loc.precision}`;
}

export class EventList {
  constructor(list, moreButton, onEvent) {
    this.list = list;
    this.more = moreButton;
    this.onEvent = onEvent;
    this.more.addEventListener("click", () => this.load(this.params, this.cursor));
  }

  // First page of a filter (replace=true) or the next page (a cursor).
  async load(params, cursor = null, { signal } = {}) {
    this.params = params;
    const p = new URLSearchParams(params);
    p.set("limit", String(PAGE));
    p.set("sort", "-date");
    if (cursor) p.set("cursor", cursor);
    const page = await getJSON("/api/events", p, { signal });
    if (!cursor) this.list.replaceChildren();
    for (const ev of page.items) this.list.append(this.item(ev));
    this.cursor = page.next_cursor;
    this.more.hidden = !this.cursor;
    // a broad filter over a large store gets a capped count (total_exact false): say "at least"
    return { total: page.total, exact: page.total_exact !== false };
  }

  item(ev) {
    const prec = precisionClass(ev.location?.precision);
    return el("li", { class: "event-item", "data-event-id": ev.event_id },
      el("button", { type: "button", onclick: () => this.onEvent(ev.event_id) },
        swatch(typeColour(ev.event_type)),
        el("strong", { text: label(ev.event_type) }),
        ev.contested ? el("span", { class: "badge contested", text: "contested" }) : null,
        el("br"),
        el("span", { class: `where prec-text-${prec}`, text: placeText(ev.location) }),
        el("span", { class: "when", text: ` · ${dateText(ev.date)}` }),
        el("br"),
        el("small", { text: `${ev.claim?.claimed_by ? ev.claim.claimed_by.name : "own voice"} · ${ev.claim?.modality || ""}` +
          `${ev.outlet ? ` · ${ev.outlet}` : ""}` })));
  }
}

// An event's evidence: its sentence highlighted in the article's cleaned text, the claim, every
// outlet that reported it, the copies folded in, and who contests it.
export async function renderDetail(node, id, { signal, onPlace } = {}) {
  node.replaceChildren(el("p", { class: "hint", text: "loading…" }));
  const ev = await getJSON(`/api/events/${encodeURIComponent(id)}`, null, { signal });
  const claim = ev.claim || {};
  const contestedBy = ev.contested_by || [];
  const contested = ev.contested || claim.contested;
  const sources = ev.sources || [];
  const quantities = (ev.quantities || []).map((q) => `${q.text || q.value} (${q.role || q.unit})`).join(", ");
  const loc = ev.location;
  const facts = el("dl", { class: "facts" },
    el("dt", { text: "where" }), el("dd", {}, loc ? el("a", { href: "#", class: "place-link",
      onclick: (e) => { e.preventDefault(); onPlace?.(loc.name); } }, loc.name) : "no place",
    loc ? ` (${loc.admin1 || loc.country_code}; precision: ${loc.precision})` : ""),
    el("dt", { text: "when" }), el("dd", { text: `${dateText(ev.date)}${ev.date?.text ? ` ("${ev.date.text}")` : ""}` }),
    el("dt", { text: "claimed by" }), el("dd", { class: "claimant", text: party(claim.claimed_by) || "the article, in its own voice" }),
    el("dt", { text: "modality" }), el("dd", { class: "modality", text: claim.modality || "?" }),
    el("dt", { text: "contested" }), el("dd", { class: contested ? "contested" : "",
      text: contested ? (contestedBy.length ? `yes, by ${contestedBy.join("; ")}` : "yes") : "no" }),
    ev.initiator || ev.target ? el("dt", { text: "who → whom" }) : null,
    ev.initiator || ev.target ? el("dd", { text: `${party(ev.initiator) || "?"} → ${party(ev.target) || "?"}` }) : null,
    quantities ? el("dt", { text: "counts" }) : null, quantities ? el("dd", { text: quantities }) : null,
    el("dt", { text: "confidence" }), el("dd", { text: ev.confidence?.toFixed ? ev.confidence.toFixed(2) : String(ev.confidence) }),
    (ev.claimants || []).length ? el("dt", { text: "all claimants" }) : null,
    (ev.claimants || []).length ? el("dd", { text: ev.claimants.join("; ") }) : null);
  const reported = el("section", { class: "sources" },
    el("h3", { text: `Reported by ${sources.length || 1} source${sources.length > 1 ? "s" : ""}` +
      `${ev.copies ? `, ${ev.copies} cop${ev.copies > 1 ? "ies" : "y"} folded in` : ", no copies"}` }),
    el("ul", {}, (sources.length ? sources : [{ outlet: ev.outlet, published: ev.published, title: ev.article?.title }])
      .map((s) => el("li", {}, el("strong", { text: s.outlet || "unknown outlet" }),
        ` · ${s.published || "undated"}${s.title ? ` · ${s.title}` : ""}`))));
  node.replaceChildren(
    el("h2", {}, swatch(typeColour(ev.event_type)), label(ev.event_type)),
    facts, reported, articleText(ev));
  (node.querySelector("mark.main") || node.querySelector("mark"))?.scrollIntoView({ block: "center" });
  return ev;
}

// Where a sentence of evidence lies in the cleaned text: its offsets if they hold it, else where it is found.
function spanOf(text, evid) {
  const start = evid.start ?? evid.char_start;
  const end = evid.end ?? evid.char_end;
  if (Number.isInteger(start) && Number.isInteger(end) && text.slice(start, end) === evid.sentence) return [start, end];
  const at = evid.sentence ? text.indexOf(evid.sentence) : -1;
  return at >= 0 ? [at, at + evid.sentence.length] : null;
}

// The article's text with the event's sentence highlighted, and every other sentence that told it (its toll, the
// headline: more_evidence) highlighted alike; a sentence not found in the text is shown above it.
function articleText(ev) {
  const art = ev.article || {};
  const text = art.text || "";
  const told = [{ ...(ev.evidence || {}), main: true }, ...(ev.more_evidence || [])];
  const mark = (t, main) => el("mark", { class: main ? "evidence main" : "evidence", text: t });
  const head = el("h3", {}, "Article: ", art.url ? el("a", { href: art.url, rel: "noreferrer noopener", target: "_blank",
    text: art.title || art.url }) : (art.title || `untitled (${art.id})`),
    ` · ${art.outlet || "outlet unknown"} · ${art.published ? `published ${art.published}` : "undated"}`);
  const body = el("div", { class: "article-text" });
  const spans = [];
  for (const evid of told) {
    const span = spanOf(text, evid);
    if (span) spans.push([...span, evid.main]);
    else body.append(el("p", {}, mark(evid.sentence || "", evid.main)));
  }
  spans.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end, main] of spans) {
    if (start < at) continue;         // overlaps a sentence already marked
    body.append(text.slice(at, start), mark(text.slice(start, end), main));
    at = end;
  }
  body.append(spans.length ? text.slice(at) : el("p", { text }));
  return el("section", { class: "article" }, head, body);
}

// A settlement's control timeline: each state with its dates, the events and claimants behind it.
export async function renderPlace(node, name, { signal, onEvent } = {}) {
  node.replaceChildren(el("p", { class: "hint", text: "loading…" }));
  const tl = await getJSON(`/api/places/${encodeURIComponent(name)}/timeline`, null, { signal });
  const place = tl.place || { name };
  const byId = await eventsById((tl.states || []).flatMap((s) => s.events || []), place.name, signal);
  const rows = (tl.states || []).map((s) => el("li", { class: `state state-${s.state}` },
    swatch(CONTROL_COLOURS[s.state] || CONTROL_COLOURS.unknown),
    el("strong", { text: controlLabel(s.state) }), ` ${s.since || "?"} → ${s.until || "now"}`,
    el("div", { class: "basis", text: [s.source ? `${s.basis}: ${s.source}` : s.basis,
      s.confidence !== null && s.confidence !== undefined && s.state !== "unknown" ? `confidence ${s.confidence.toFixed(2)}` : null,
      (s.against || []).length ? `${s.against.length} report(s) against` : null].filter(Boolean).join(" · ") }),
    (s.claimants || []).length ? el("div", { class: "claimants", text: `on the word of: ${s.claimants.join("; ")}` }) : null,
    el("div", { class: "state-events" }, (s.events || []).map((id, i) =>
      el("button", { type: "button", class: "linkish", onclick: () => onEvent(id), text: eventLinkText(byId.get(id), i) })))));
  node.replaceChildren(
    el("h2", { text: place.name }),
    el("p", { text: [place.oblast, place.lat !== undefined ? `${place.lat?.toFixed(3)}, ${place.lon?.toFixed(3)}` : null]
      .filter(Boolean).join(" · ") }),
    rows.length ? el("ol", { class: "timeline" }, rows) : el("p", { class: "hint", text: "no change of control recorded" }));
}

// The events a timeline cites, by id: the settlement's events in one request, any other one by its own.
async function eventsById(ids, name, signal) {
  const byId = new Map();
  if (!ids.length) return byId;
  const p = new URLSearchParams({ settlement: name, limit: "1000", fields: "event_id,event_type,date,location" });
  const page = await getJSON("/api/events", p, { signal }).catch(() => ({ items: [] }));
  for (const ev of page.items) byId.set(ev.event_id, ev);
  await Promise.all([...new Set(ids)].filter((id) => !byId.has(id)).slice(0, 50).map((id) =>
    getJSON(`/api/events/${encodeURIComponent(id)}`, null, { signal }).then((ev) => byId.set(id, ev)).catch(() => null)));
  return byId;
}

// "territory captured · 2022-06-24 · Hirske": what a link to an event says instead of its number.
function eventLinkText(ev, i) {
  if (!ev) return `event ${i + 1}`;
  return [label(ev.event_type), dateText(ev.date), ev.location?.name || "no place"].join(" · ");
}

// Articles per outlet per day: one row of bars per outlet over the brushed days.
export async function renderCoverage(node, since, until, { signal } = {}) {
  const p = new URLSearchParams();
  if (since) p.set("since", since);
  if (until) p.set("until", until);
  const { rows } = await getJSON("/api/coverage", p, { signal });
  if (!rows.length) { node.replaceChildren(el("p", { class: "hint", text: "no articles in this range" })); return; }
  const dates = rows.map((r) => r.date).filter(Boolean).sort();
  const first = since || dates[0], last = until || dates[dates.length - 1];
  const n = Math.max(1, dayDiff(first, last) + 1);
  const byOutlet = new Map();
  for (const r of rows) {
    if (!byOutlet.has(r.outlet)) byOutlet.set(r.outlet, new Map());
    byOutlet.get(r.outlet).set(r.date, r.articles);
  }
  const max = Math.max(1, ...rows.map((r) => r.articles));
  const table = el("table", { class: "coverage" }, el("tr", {}, el("th", { text: "outlet" }), el("th", { text: "articles" }),
    el("th", { text: `${first} … ${last}` })));
  for (const [outlet, days] of [...byOutlet.entries()].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    // drawn 240 wide and stretched to its column by CSS (app.css), so the column never clips it
    const canvas = el("canvas", { class: "spark", width: 240, height: 22 });
    const g = canvas.getContext("2d");
    const w = 240 / n;
    g.fillStyle = "#1f5fbf";
    for (const [d, v] of days) {
      const i = dayDiff(first, d);
      if (i < 0 || i >= n) continue;
      const h = (v / max) * 20;
      g.fillRect(i * w, 22 - h, Math.max(1, w - 0.5), h);
    }
    table.append(el("tr", {}, el("td", { text: outlet || "unknown" }), el("td", { class: "num", text: String(sum(days)) }),
      el("td", {}, canvas)));
  }
  node.replaceChildren(table, el("p", { class: "hint", text: `${n} day${n > 1 ? "s" : ""}, tallest bar ${max} article${max > 1 ? "s" : ""}` }));
}

function sum(m) {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}
