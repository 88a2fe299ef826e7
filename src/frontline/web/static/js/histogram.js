// Events per day as bars stacked by type, with a brush (drag to pick a range, click to clear) and
// stepping for the play button. Drawn on a canvas: thousands of days stay cheap.
import { typeColour } from "./style.js";

const DAY = 86400000;
const PAD = { left: 34, right: 8, top: 6, bottom: 18 };

export function addDays(iso, n) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

export function dayDiff(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

export class Histogram {
  constructor(canvas, label, onBrush) {
    this.canvas = canvas;
    this.label = label;
    this.onBrush = onBrush;       // called with (since, until) or (null, null) when cleared
    this.days = [];               // one entry per calendar day, gaps filled with zero
    this.brush = null;            // [i0, i1] inclusive day indexes, or null
    this.dates = null;            // [since, until] as the filter says them when it came from the URL, or null
    this.view = null;             // [i0, i1] the days drawn (zoomed in), or null for the whole span
    this.drag = null;
    canvas.addEventListener("pointerdown", (e) => this.down(e));
    canvas.addEventListener("pointermove", (e) => this.move(e));
    canvas.addEventListener("pointerup", (e) => this.up(e));
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  // New days for a new filter. A zoom stays on the same dates; the brush is the filter's range.
  setData(days, since, until) {
    const zoomed = this.view ? [this.days[this.view[0]].date, this.days[this.view[1]].date] : null;
    const sorted = [...days].filter((d) => d.date).sort((a, b) => (a.date < b.date ? -1 : 1));
    this.days = [];
    if (sorted.length) {
      const first = sorted[0].date;
      const n = dayDiff(first, sorted[sorted.length - 1].date) + 1;
      const byDate = new Map(sorted.map((d) => [d.date, d]));
      for (let i = 0; i < n; i++) {
        const date = addDays(first, i);
        this.days.push(byDate.get(date) || { date, count: 0, by_type: {} });
      }
    }
    this.view = zoomed && this.days.length ? [this.clamp(dayDiff(this.first, zoomed[0])), this.clamp(dayDiff(this.first, zoomed[1]))] : null;
    this.setBrush(since, until);
  }

  clamp(i) { return Math.max(0, Math.min(this.days.length - 1, i)); }

  get zoomed() { return Boolean(this.view); }

  // Zoom the drawing to the brushed days (years of data make a day a fraction of a pixel), or back out.
  toggleZoom() {
    this.view = this.view || !this.brush ? null : [...this.brush];
    this.draw();
    return Boolean(this.view);
  }

  get shown() { return this.view || [0, this.days.length - 1]; }

  get first() { return this.days.length ? this.days[0].date : null; }
  get last() { return this.days.length ? this.days[this.days.length - 1].date : null; }

  // Show a brushed range coming from the URL or the play button (no callback).
  // The brush is drawn over the days the data has, but its dates stay the filter's: a filter ending on a day
  // after the last event still says that day (both ends inclusive, as the API's since and until).
  setBrush(since, until) {
    if (!this.days.length || (!since && !until)) {
      this.brush = null;
      this.dates = null;
    } else {
      this.brush = [this.clamp(since ? dayDiff(this.first, since) : 0),
        this.clamp(until ? dayDiff(this.first, until) : this.days.length - 1)];
      this.dates = [since || this.first, until || this.last];
    }
    this.draw();
  }

  range() {
    if (!this.brush) return [null, null];
    if (this.dates) return [...this.dates];
    return [this.days[this.brush[0]].date, this.days[this.brush[1]].date];
  }

  indexAt(clientX) {
    const r = this.canvas.getBoundingClientRect();
    const w = r.width - PAD.left - PAD.right;
    const [a, b] = this.shown;
    const i = a + Math.floor(((clientX - r.left - PAD.left) / w) * (b - a + 1));
    return Math.max(a, Math.min(b, i));
  }

  down(e) {
    if (!this.days.length) return;
    this.canvas.setPointerCapture(e.pointerId);
    this.drag = { start: this.indexAt(e.clientX), moved: false };
  }

  move(e) {
    if (!this.drag) return;
    const i = this.indexAt(e.clientX);
    if (i !== this.drag.start) this.drag.moved = true;
    if (this.drag.moved) {
      this.brush = [Math.min(i, this.drag.start), Math.max(i, this.drag.start)];
      this.dates = null;
      this.draw();
    }
  }

  up(e) {
    if (!this.drag) return;
    const { moved } = this.drag;
    this.drag = null;
    if (!moved) { this.brush = null; this.dates = null; }   // a click without a drag clears the brush
    this.draw();
    this.onBrush(...this.range());
  }

  // One play step: slide the brushed window one day later; false at the end.
  step() {
    if (!this.days.length) return false;
    if (!this.brush) this.brush = [0, 0];
    else if (this.brush[1] >= this.days.length - 1) return false;
    else this.brush = [this.brush[0] + 1, this.brush[1] + 1];
    this.dates = null;
    this.draw();
    this.onBrush(...this.range());
    return true;
  }

  draw() {
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const W = c.clientWidth, H = c.clientHeight;
    if (!W || !H) return;
    c.width = W * dpr; c.height = H * dpr;
    const g = c.getContext("2d");
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, W, H);
    g.font = "11px system-ui, sans-serif";
    g.fillStyle = "#555";
    if (!this.days.length) {
      g.fillText("no dated events for this filter", PAD.left, H / 2);
      this.label.textContent = "";
      return;
    }
    const [a, b] = this.shown;
    const shown = this.days.slice(a, b + 1);
    const n = shown.length;
    const max = Math.max(1, ...shown.map((d) => d.count));
    const w = (W - PAD.left - PAD.right) / n;
    const h = H - PAD.top - PAD.bottom;
    const x = (i) => PAD.left + (i - a) * w;
    if (this.brush) {
      g.fillStyle = "rgba(31, 95, 191, 0.15)";
      g.fillRect(x(this.brush[0]), PAD.top, (this.brush[1] - this.brush[0] + 1) * w, h);
    }
    shown.forEach((d, j) => {
      const i = a + j;
      const dim = this.brush && (i < this.brush[0] || i > this.brush[1]);
      let y = PAD.top + h;
      const parts = Object.entries(d.by_type || {});
      const other = d.count - parts.reduce((s, [, v]) => s + v, 0);
      if (other > 0) parts.push([null, other]);   // uncounted by type: the fallback type's colour
      for (const [t, v] of parts) {
        const bh = (v / max) * h;
        g.fillStyle = typeColour(t);
        g.globalAlpha = dim ? 0.25 : 1;
        g.fillRect(x(i) + (w > 3 ? 0.5 : 0), y - bh, Math.max(1, w - (w > 3 ? 1 : 0)), bh);
        y -= bh;
      }
    });
    g.globalAlpha = 1;
    g.fillStyle = "#555";
    g.fillText(String(max), 2, PAD.top + 9);
    g.fillText("0", 2, PAD.top + h);
    const firstShown = this.days[a].date, lastShown = this.days[b].date;
    g.fillText(firstShown, PAD.left, H - 4);
    g.fillText(lastShown, W - PAD.right - g.measureText(lastShown).width, H - 4);
    const [s, u] = this.range();
    this.label.textContent = (s ? (s === u ? s : `${s} – ${u}`) : `${this.first} – ${this.last} (drag to pick a range)`) +
      (this.view ? " · zoomed in" : "");
  }
}
