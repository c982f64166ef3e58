/**
 * Time: the date range every view filters by. A histogram of events by day (GET /api/timeline)
 * with a two-handled slider over it, the same range as typed dates (checked: an impossible date or
 * an inverted range says so and is not applied), and playback that steps the range through time.
 */
import { DateRangeError, parseDateRange } from '../../src/graph/date-range.js';
import type { TimelinePayload } from '../../src/server/protocol.js';
import { byId, h, replace } from './dom.js';
import { oncePerFrame } from './per-frame.js';
import type { Store, ViewState } from './state.js';

export interface TimelineControl {
  /** Whether playback is running. */
  playing(): boolean;
  play(): void;
  pause(): void;
}

/** How long each step of playback stays on screen. */
const STEP_MS = 1500;
/** Playback's window when no range is set: a week. */
const DEFAULT_WINDOW_DAYS = 7;

/** The index of the first day on or after `date` (from) or the last on or before it (to). */
function dayIndex(days: readonly string[], date: string | null, end: 'from' | 'to'): number {
  if (!date) return end === 'from' ? 0 : days.length - 1;
  if (end === 'from') {
    const i = days.findIndex((d) => d >= date);
    return i < 0 ? days.length - 1 : i;
  }
  for (let i = days.length - 1; i >= 0; i--) if (days[i] <= date + '\uffff') return i;
  return 0;
}

function drawHistogram(canvas: HTMLCanvasElement, counts: readonly number[], lo: number, hi: number): void {
  const ratio = window.devicePixelRatio || 1;
  const [w, hgt] = [canvas.clientWidth, canvas.clientHeight];
  if (!w || !hgt) return;
  canvas.width = Math.round(w * ratio);
  canvas.height = Math.round(hgt * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  ctx.clearRect(0, 0, w, hgt);
  const max = Math.max(1, ...counts);
  const bar = w / Math.max(counts.length, 1);
  counts.forEach((n, i) => {
    ctx.fillStyle = i >= lo && i <= hi ? '#edae49' : '#d0d5db';
    const bh = Math.max(1, (Math.sqrt(n) / Math.sqrt(max)) * (hgt - 2));
    ctx.fillRect(i * bar, hgt - bh, Math.max(1, bar - 1), bh);
  });
}

export function createTimeline(payload: TimelinePayload, store: Store): TimelineControl {
  const days = payload.days.map(([d]) => d);
  const counts = payload.days.map(([, n]) => n);
  const root = byId('timeline');
  const fromInput = byId<HTMLInputElement>('date-from');
  const toInput = byId<HTMLInputElement>('date-to');
  const message = byId('date-message');
  const canvas = byId<HTMLCanvasElement>('timeline-histogram');
  const lo = byId<HTMLInputElement>('timeline-from');
  const hi = byId<HTMLInputElement>('timeline-to');
  const label = byId('timeline-label');
  const playButton = byId<HTMLButtonElement>('timeline-play');
  root.hidden = days.length === 0;
  for (const input of [lo, hi]) Object.assign(input, { min: '0', max: String(Math.max(days.length - 1, 0)), step: '1' });

  // Typed dates: applied when both are valid, else the mistake is said and nothing changes.
  const applyTyped = () => {
    try {
      const range = parseDateRange(fromInput.value, toInput.value);
      fromInput.classList.remove('invalid');
      toInput.classList.remove('invalid');
      replace(message);
      store.set({ from: range.from, to: range.to });
    } catch (err) {
      if (!(err instanceof DateRangeError)) throw err;
      const bad = /ends/.test(err.message) ? [fromInput, toInput] : [fromInput.value && err.message.startsWith(fromInput.value.trim()) ? fromInput : toInput];
      for (const input of bad) input.classList.add('invalid');
      replace(message, err.message);
    }
  };
  fromInput.addEventListener('change', applyTyped);
  toInput.addEventListener('change', applyTyped);

  // The slider: its handles never cross; a move sets the range at once, and the moves that come
  // before the next frame only their last (per-frame.ts).
  const applySlider = oncePerFrame((moved: HTMLInputElement) => {
    let [a, b] = [Number(lo.value), Number(hi.value)];
    if (a > b) moved === lo ? (b = a) : (a = b);
    const all = a === 0 && b === days.length - 1;
    store.set({ from: all ? null : days[a], to: all ? null : days[b] });
  });
  lo.addEventListener('input', () => applySlider(lo));
  hi.addEventListener('input', () => applySlider(hi));

  let timer = 0;
  const control: TimelineControl = {
    playing: () => timer !== 0,
    play() {
      if (timer || !days.length) return;
      const s = store.get();
      let a = dayIndex(days, s.from, 'from');
      let b = s.from || s.to ? dayIndex(days, s.to, 'to') : Math.min(days.length - 1, DEFAULT_WINDOW_DAYS - 1);
      // From the start when the window already ends at the last day.
      if (b >= days.length - 1) [a, b] = [0, b - a];
      const width = b - a;
      store.set({ from: days[a], to: days[b] });
      timer = window.setInterval(() => {
        a += width + 1;
        if (a >= days.length) return control.pause();
        store.set({ from: days[a], to: days[Math.min(a + width, days.length - 1)] });
      }, STEP_MS);
      sync(store.get());
    },
    pause() {
      window.clearInterval(timer);
      timer = 0;
      sync(store.get());
    },
  };
  playButton.addEventListener('click', () => (control.playing() ? control.pause() : control.play()));
  byId('timeline-all').addEventListener('click', () => {
    control.pause();
    store.set({ from: null, to: null });
  });

  const sync = (s: ViewState) => {
    // Never under the cursor: a field being typed in keeps what is typed until it is applied.
    for (const [input, value] of [[fromInput, s.from], [toInput, s.to]] as const) if (document.activeElement !== input) input.value = value ?? '';
    const [a, b] = [dayIndex(days, s.from, 'from'), dayIndex(days, s.to, 'to')];
    lo.value = String(a);
    hi.value = String(b);
    const shown = counts.slice(a, b + 1).reduce((n, c) => n + c, 0);
    const range = s.from || s.to ? `${s.from ?? '…'} – ${s.to ?? '…'}` : days.length ? `all time (${days[0]} – ${days.at(-1)})` : 'no dated events';
    const coarse = payload.coarse ? ` · ${payload.coarse.toLocaleString()} dated by month or year only` : '';
    replace(label, h('strong', {}, range), ` · ${shown.toLocaleString()} events${coarse}`);
    playButton.textContent = timer ? '❚❚' : '▶';
    playButton.setAttribute('aria-label', timer ? 'Pause' : 'Play through time');
    drawHistogram(canvas, counts, a, b);
  };
  store.subscribe((s, prev) => {
    if (s.from !== prev.from || s.to !== prev.to) sync(s);
  });
  new ResizeObserver(() => sync(store.get())).observe(canvas);
  sync(store.get());
  return control;
}
