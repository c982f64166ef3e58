/**
 * A person's career on one time axis, in their side panel (GET /api/career, src/graph/careers.ts):
 * each post a bar from the first to the last day an article shows it, coloured by rank (级别); the
 * changes between posts as markers at their dates; the person's meetings as dots. Every item is
 * focusable, named for screen readers, and opens its evidence (the sentence, and its article through
 * the panel's opener) on click, Enter or Space. A table of the posts follows the chart for screen
 * readers and small screens.
 *
 *   careerLayout(career)  → positions in the chart's own units (no DOM, no state)
 *   renderCareer(career, opener) → the chart, its legend, the evidence area and the table
 */
import type { CareerChange, ChangeKind, Post, PostRef } from '../../src/graph/careers.js';
import { RANKS, type Rank } from '../../src/graph/rank-order.js';
import type { CareerPayload } from '../../src/server/protocol.js';
import { h, replace, svg, type Child } from './dom.js';
import { ROLE_NAMES } from './kinds.js';

/** The chart's width in its own units; the SVG scales to the panel (about 350px wide at any size). */
const WIDTH = 340;
const PAD = 8;
const POST_ROW = 30;
const LANE_CAPTION = 13;
const MARK_ROW = 18;
const AXIS = 22;
const DAY_MS = 86_400_000;

/** Lowest first, as RANKS: a small ordered ramp, higher ranks darker. */
const RANK_RAMP = ['#c7e9b4', '#a1dab4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#1b2a7a', '#081d58', '#040f30'] as const;
export const UNKNOWN_RANK_COLOR = '#b0b6bd';
export const rankColor = (rank: Rank | null): string => (rank ? RANK_RAMP[RANKS.indexOf(rank)] : UNKNOWN_RANK_COLOR);

export const CHANGE_MARKS: Record<ChangeKind, { glyph: string; color: string; name: string }> = {
  appointed: { glyph: '●', color: '#57606a', name: 'appointed 任命' },
  elected: { glyph: '●', color: '#57606a', name: 'elected 当选' },
  promoted: { glyph: '▲', color: '#1a7f37', name: 'promoted 晋升' },
  transferred: { glyph: '→', color: '#0969da', name: 'transferred 调任' },
  concurrent: { glyph: '+', color: '#8250df', name: 'concurrent 兼任' },
  removed: { glyph: '✕', color: '#cf222e', name: 'removed 免职' },
};
const MEETING_COLOR = '#edae49';

/** A day number for a date or a prefix of one (2019, 2019-03): its first day, or with `end` its last. */
function dayOf(date: string, end = false): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
  if (d !== null) return Date.UTC(y, mo! - 1, d) / DAY_MS;
  if (mo !== null) return (end ? Date.UTC(y, mo, 0) : Date.UTC(y, mo - 1, 1)) / DAY_MS;
  return (end ? Date.UTC(y, 11, 31) : Date.UTC(y, 0, 1)) / DAY_MS;
}

const postName = (p: PostRef) => (p.organization ? `${p.title} · ${p.organization}` : p.title);
const span = (from: string | null, to: string | null) => (from === null ? 'undated' : from === to || to === null ? from : `${from} – ${to}`);
/** Roughly how wide a text is at a font size: CJK characters a full em, others about half. */
const textWidth = (s: string, size: number) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? size : size * 0.58), 0);

/** The evidence an item opens: sentences with the articles they come from. */
export interface ItemEvidence {
  heading: string;
  sentences: { sentence: string; article: string; date: string | null }[];
  /** A meeting's event, to open in the panel. */
  event?: { key: string; name: string };
}

interface Placed {
  id: string;
  label: string;
  evidence: ItemEvidence;
}
export interface PostBar extends Placed {
  post: Post;
  x1: number;
  x2: number;
  y: number;
  /** Where the label starts: at the bar, moved left to stay inside the chart. */
  labelX: number;
  text: string;
}
export interface Marker extends Placed {
  x: number;
  y: number;
}
export interface ChangeMark extends Marker {
  change: CareerChange;
}
export interface MeetingDot extends Marker {
  meeting: CareerPayload['meetings'][number];
}

export interface CareerLayout {
  width: number;
  height: number;
  posts: PostBar[];
  changes: ChangeMark[];
  meetings: MeetingDot[];
  /** Top of the lanes of changes and meetings (their captions), and of the axis. */
  changesY: number;
  meetingsY: number;
  axisY: number;
  ticks: { x: number; label: string }[];
  /** Items without a date, listed but not drawn. */
  undated: number;
}

/** Markers on one lane, each in the first sub-row where it does not overlap the one before. */
function dodge<T extends { x: number }>(items: T[], top: number): { placed: (T & { y: number })[]; rows: number } {
  const last: number[] = [];
  const placed = items.map((item) => {
    let row = last.findIndex((x) => item.x - x >= 14);
    if (row < 0) row = last.length;
    last[row] = item.x;
    return { ...item, y: top + row * MARK_ROW + MARK_ROW / 2 };
  });
  return { placed, rows: Math.max(1, last.length) };
}

/** Year ticks (or months for a career shorter than two years), at most about six. */
function ticksOf(lo: number, hi: number, x: (day: number) => number): { x: number; label: string }[] {
  const [y0, y1] = [new Date(lo * DAY_MS).getUTCFullYear(), new Date(hi * DAY_MS).getUTCFullYear()];
  const out: { x: number; label: string }[] = [];
  if (y1 - y0 >= 2) {
    const step = [1, 2, 5, 10, 20].find((s) => (y1 - y0) / s <= 6) ?? 50;
    for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
      const d = Date.UTC(y, 0, 1) / DAY_MS;
      if (d >= lo && d <= hi) out.push({ x: x(d), label: String(y) });
    }
    return out;
  }
  const months = Math.round((hi - lo) / 30.4);
  const step = [1, 2, 3, 6].find((s) => months / s <= 6) ?? 12;
  const start = new Date(lo * DAY_MS);
  for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; m++) {
    if (m % step) continue;
    const d = Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS;
    if (d > hi) break;
    if (d >= lo) out.push({ x: x(d), label: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}` });
  }
  return out;
}

/** Where everything goes: posts one to a row, oldest on top, then the changes, the meetings and the axis. */
export function careerLayout(career: CareerPayload): CareerLayout {
  const days: number[] = [];
  for (const p of career.posts) if (p.from) days.push(dayOf(p.from)!, dayOf(p.to ?? p.from, true)!);
  for (const c of career.changes) if (c.date) days.push(dayOf(c.date)!);
  for (const m of career.meetings) if (m.date) days.push(dayOf(m.date)!);
  const valid = days.filter((d) => d !== null && Number.isFinite(d));
  let [lo, hi] = valid.length ? [Math.min(...valid), Math.max(...valid)] : [0, 1];
  const pad = Math.max(20, (hi - lo) * 0.04);
  [lo, hi] = [lo - pad, hi + pad];
  const x = (day: number) => PAD + ((day - lo) / (hi - lo)) * (WIDTH - 2 * PAD);

  const dated = career.posts.filter((p) => p.from && dayOf(p.from) !== null);
  const posts: PostBar[] = dated.map((post, i) => {
    const x1 = x(dayOf(post.from!)!);
    const x2 = Math.max(x1 + 4, x(dayOf(post.to ?? post.from!, true)!));
    let text = postName(post);
    // Too long for the chart: shorten the organization (the aria-label and the table keep it whole).
    while (textWidth(text, 11) > WIDTH - 2 * PAD && text.length > post.title.length + 4) text = `${text.slice(0, -2)}…`;
    const labelX = Math.max(PAD, Math.min(x1, WIDTH - PAD - textWidth(text, 11)));
    const began = post.began ? `, ${post.began}${post.previous ? ` from ${postName(post.previous)}` : ''}` : '';
    return {
      id: `post-${i}`,
      post,
      x1,
      x2,
      y: i * POST_ROW,
      labelX,
      text,
      label: `Post ${postName(post)}, ${post.rank ?? 'rank unknown'}, ${span(post.from, post.to)}${began}`,
      evidence: {
        heading: `${postName(post)} · ${post.rank ?? 'rank unknown'} · ${span(post.from, post.to)}${began}`,
        sentences: [{ sentence: post.evidence, article: post.articles[0], date: post.from }],
      },
    };
  });

  const changesY = posts.length * POST_ROW + 4;
  const changes = dodge(
    career.changes
      .filter((c) => c.date && dayOf(c.date) !== null)
      .map((change, i) => {
        const what = [change.from && postName(change.from), change.to && postName(change.to)].filter(Boolean).join(' → ');
        const name = CHANGE_MARKS[change.kind].name;
        return {
          id: `change-${i}`,
          change,
          x: x(dayOf(change.date!)!),
          label: `Change: ${name}, ${change.date}: ${what}`,
          evidence: {
            heading: `${name} · ${change.date} · ${what}`,
            sentences: change.evidence.map((sentence, j) => ({ sentence, article: change.articles[j] ?? change.articles[0], date: change.date })),
          },
        };
      }),
    changesY + LANE_CAPTION,
  );

  const meetingsY = changesY + LANE_CAPTION + changes.rows * MARK_ROW + 4;
  const meetings = dodge(
    career.meetings
      .filter((m) => m.date && dayOf(m.date) !== null)
      .map((meeting, i) => {
        const roles = meeting.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ');
        return {
          id: `meeting-${i}`,
          meeting,
          x: x(dayOf(meeting.date!)!),
          label: `Meeting ${meeting.name}, ${meeting.date}${roles ? `, ${roles}` : ''}`,
          evidence: {
            heading: `${meeting.name} · ${meeting.date}${roles ? ` · ${roles}` : ''}`,
            sentences: [{ sentence: meeting.evidence, article: meeting.article, date: meeting.date }],
            event: { key: meeting.key, name: meeting.name },
          },
        };
      }),
    meetingsY + LANE_CAPTION,
  );
  const axisY = meetingsY + LANE_CAPTION + meetings.rows * MARK_ROW + 2;
  const undated = career.posts.length - dated.length + career.changes.filter((c) => !c.date).length + career.meetings.filter((m) => !m.date).length;
  return {
    width: WIDTH,
    height: axisY + AXIS,
    posts,
    changes: changes.placed,
    meetings: meetings.placed,
    changesY,
    meetingsY,
    axisY,
    ticks: ticksOf(lo, hi, x),
    undated,
  };
}

/** Opens a sentence in its article (the panel's evidence block with its article button). */
export type EvidenceView = (e: { sentence: string; article: string; date: string | null; mention: string }) => HTMLElement;

/** A focusable chart item: click, Enter or Space shows its evidence. */
function item(kind: 'post' | 'change' | 'meeting', p: Placed, open: (p: Placed, el: SVGGElement) => void, ...children: SVGElement[]): SVGGElement {
  const g = svg('g', { class: `career-item career-${kind}`, tabindex: 0, role: 'button', 'aria-label': p.label, 'data-item': kind, 'data-id': p.id }, svg('title', {}, p.label), ...children);
  g.addEventListener('click', () => open(p, g));
  g.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    open(p, g);
  });
  return g;
}

function chart(layout: CareerLayout, name: string, open: (p: Placed, el: SVGGElement) => void): SVGSVGElement {
  const { width, height, axisY } = layout;
  const grid = layout.ticks.map((t) => svg('line', { class: 'career-grid', x1: t.x, x2: t.x, y1: 0, y2: axisY }));
  const axis = svg(
    'g',
    { class: 'career-axis', 'aria-hidden': 'true' },
    svg('line', { x1: PAD, x2: width - PAD, y1: axisY, y2: axisY }),
    ...layout.ticks.flatMap((t) => [svg('line', { x1: t.x, x2: t.x, y1: axisY, y2: axisY + 4 }), svg('text', { x: t.x, y: axisY + 15, 'text-anchor': 'middle' }, t.label)]),
  );
  const caption = (y: number, text: string) => svg('text', { class: 'career-lane', x: PAD, y: y + 10, 'aria-hidden': 'true' }, text);
  const posts = layout.posts.map((b) =>
    item(
      'post',
      b,
      open,
      svg('rect', { class: 'career-hit', x: 0, y: b.y, width, height: POST_ROW - 2 }),
      svg('text', { class: 'career-label', x: b.labelX, y: b.y + 12 }, b.text),
      svg('rect', { class: 'career-bar', x: b.x1, y: b.y + 16, width: b.x2 - b.x1, height: 10, rx: 2, fill: rankColor(b.post.rank), 'data-rank': b.post.rank ?? 'unknown' }),
    ),
  );
  const changes = layout.changes.map((c) => {
    const mark = CHANGE_MARKS[c.change.kind];
    return item(
      'change',
      c,
      open,
      svg('rect', { class: 'career-hit', x: c.x - 8, y: c.y - 8, width: 16, height: 16 }),
      svg('text', { class: 'career-mark', x: c.x, y: c.y + 5, 'text-anchor': 'middle', fill: mark.color, 'data-change': c.change.kind }, mark.glyph),
    );
  });
  const meetings = layout.meetings.map((m) =>
    item('meeting', m, open, svg('rect', { class: 'career-hit', x: m.x - 7, y: m.y - 7, width: 14, height: 14 }), svg('circle', { class: 'career-dot', cx: m.x, cy: m.y, r: 4.5, fill: MEETING_COLOR })),
  );
  return svg(
    'svg',
    { class: 'career-chart', viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': `Career of ${name} on a time axis: ${layout.posts.length} posts, ${layout.changes.length} changes, ${layout.meetings.length} meetings` },
    ...grid,
    ...posts,
    caption(layout.changesY, layout.changes.length ? 'changes 变动' : 'changes 变动: none'),
    ...changes,
    caption(layout.meetingsY, layout.meetings.length ? 'meetings 会议' : 'meetings 会议: none'),
    ...meetings,
    axis,
  );
}

/** The ranks present (highest first), unknown last, and the change marks present. */
function legend(career: CareerPayload): HTMLElement {
  const ranks = [...RANKS].reverse().filter((r) => career.posts.some((p) => p.rank === r));
  const unknown = career.posts.some((p) => !p.rank);
  const swatch = (color: string) => svg('svg', { class: 'swatch', viewBox: '0 0 12 12', 'aria-hidden': 'true' }, svg('rect', { width: 12, height: 12, rx: 2, fill: color }));
  const glyph = (m: { glyph: string; color: string }) => svg('svg', { class: 'swatch', viewBox: '0 0 12 12', 'aria-hidden': 'true' }, svg('text', { x: 6, y: 11, 'text-anchor': 'middle', fill: m.color }, m.glyph));
  const kinds = [...new Set(career.changes.map((c) => c.kind))];
  return h(
    'ul',
    { class: 'career-legend', attrs: { 'aria-label': 'Legend' } },
    ...ranks.map((r) => h('li', { attrs: { 'data-rank': r, 'data-color': rankColor(r) } }, swatch(rankColor(r)), r)),
    unknown ? h('li', { attrs: { 'data-rank': 'unknown', 'data-color': UNKNOWN_RANK_COLOR } }, swatch(UNKNOWN_RANK_COLOR), 'rank unknown') : null,
    ...kinds.map((k) => h('li', { attrs: { 'data-change': k } }, glyph(CHANGE_MARKS[k]), CHANGE_MARKS[k].name)),
    career.meetings.length ? h('li', {}, svg('svg', { class: 'swatch', viewBox: '0 0 12 12', 'aria-hidden': 'true' }, svg('circle', { cx: 6, cy: 6, r: 4.5, fill: MEETING_COLOR })), 'meeting 会议') : null,
  );
}

/** The posts as a table: what the chart shows, for screen readers and narrow screens. */
function table(layout: CareerLayout, career: CareerPayload, show: (p: Placed) => void): HTMLElement {
  const bars = new Map(layout.posts.map((b) => [b.post, b]));
  const began = (p: Post): Child => {
    const how = p.began ? `${CHANGE_MARKS[p.began].name}${p.previous ? ` (after ${postName(p.previous)})` : ''}` : '—';
    return p.removed ? `${how}; removed ${p.removed}` : how;
  };
  return h(
    'table',
    { class: 'career-table' },
    h('caption', {}, `Posts of ${career.name}`),
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Post'), h('th', { attrs: { scope: 'col' } }, 'Rank'), h('th', { attrs: { scope: 'col' } }, 'From – to'), h('th', { attrs: { scope: 'col' } }, 'Began'))),
    h(
      'tbody',
      {},
      ...career.posts.map((p, i) => {
        const placed: Placed = bars.get(p) ?? { id: `undated-${i}`, label: postName(p), evidence: { heading: `${postName(p)} · undated`, sentences: [{ sentence: p.evidence, article: p.articles[0], date: null }] } };
        return h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' } }, h('button', { type: 'button', class: 'career-post-link', title: 'Show the evidence', on: { click: () => show(placed) } }, h('span', {}, p.title), p.organization ? h('span', { class: 'org' }, ` · ${p.organization}`) : null)),
          h('td', {}, p.rank ?? 'unknown'),
          h('td', {}, ...span(p.from, p.to).split(' – ').flatMap((d, j) => [j ? ' – ' : null, h('span', { class: 'nowrap' }, d)])),
          h('td', {}, began(p)),
        );
      }),
    ),
  );
}

/**
 * The career section's content: chart, legend, evidence area (live, so a screen reader hears what
 * opened) and table. `evidence` renders one sentence with its article opener; `openEvent` opens a
 * meeting's event in the panel.
 */
export function renderCareer(career: CareerPayload, evidence: EvidenceView, openEvent: (key: string, name: string) => Child): HTMLElement {
  const layout = careerLayout(career);
  const area = h('div', { class: 'career-evidence', attrs: { 'aria-live': 'polite' } });
  let current: SVGGElement | null = null;
  const drawn = chart(layout, career.name, (p, el) => show(p, el));
  const show = (p: Placed, el: SVGGElement | null = drawn.querySelector<SVGGElement>(`[data-id="${p.id}"]`)) => {
    current?.classList.remove('current');
    current = el;
    el?.classList.add('current');
    replace(
      area,
      h('p', { class: 'career-evidence-heading' }, p.evidence.heading),
      p.evidence.event ? h('p', {}, 'Event: ', openEvent(p.evidence.event.key, p.evidence.event.name)) : null,
      ...p.evidence.sentences.filter((s, i, all) => all.findIndex((t) => t.sentence === s.sentence) === i).map((s) => evidence({ ...s, mention: career.name })),
    );
    area.dataset.item = p.id;
  };
  return h(
    'div',
    { class: 'career' },
    drawn,
    legend(career),
    layout.undated ? h('p', { class: 'muted' }, `${layout.undated} undated item${layout.undated > 1 ? 's' : ''} not on the axis (in the table).`) : null,
    area,
    table(layout, career, (p) => show(p)),
  );
}
