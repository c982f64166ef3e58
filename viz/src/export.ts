/**
 * Exports what is on screen (the filters applied, not the hover): nodes and edges as CSV, GEXF 1.3
 * for Gephi (with the kinds as an attribute and the dates as a dynamic graph for its timeline), and
 * a PNG with the legend of the kinds drawn under the graph.
 */
import Graph from 'graphology';
import type { NodeLabel } from '../../src/graph/model.js';
import { coveringSpan, daySpan, writeGexf, type DaySpan } from '../../src/graph/export/gexf-writer.js';
import { byId } from './dom.js';
import type { ViewGraph } from './graph-data.js';
import { KIND_COLORS, KIND_NAMES, KINDS } from './kinds.js';
import type { Renderer } from './renderer.js';

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** RFC 4180 quoting; a cell starting with = + - @ is prefixed so that a spreadsheet does not run it as a formula. */
function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: unknown[][]): Blob {
  // The byte order mark makes Excel read the Chinese as UTF-8.
  const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
}

/** The graph as shown: visible nodes, and the visible edges between them. */
export function visibleSubgraph(graph: ViewGraph, renderer: Renderer): ViewGraph {
  const v = renderer.visibility();
  const out: ViewGraph = new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
  graph.forEachNode((key, a) => {
    if (!v.nodes || v.nodes.has(key)) out.addNode(key, { ...a });
  });
  graph.forEachEdge((key, a, source, target) => {
    if (!out.hasNode(source) || !out.hasNode(target)) return;
    if (v.edges ? v.edges.has(key) : v.edgeInRange(a.date)) out.addDirectedEdgeWithKey(key, source, target, { ...a });
  });
  return out;
}

/** The view as GEXF: a node lives from its first date to its last, its own or its relationships'. */
export function viewGexf(g: ViewGraph): string {
  const edgeSpan = new Map<string, DaySpan | null>();
  g.forEachEdge((key, a) => edgeSpan.set(key, daySpan(a.date)));
  return writeGexf({
    description: 'Guanxi: the graph as the viewer showed it',
    nodeAttributes: { kind: 'string', date: 'string', degree: 'integer' },
    edgeAttributes: { rel: 'string', date: 'string' },
    nodes: g.mapNodes((key, a) => ({
      id: key,
      label: a.label,
      span: coveringSpan([daySpan(a.date), ...g.mapEdges(key, (e) => edgeSpan.get(e) ?? null)]),
      attributes: { kind: a.kind, date: a.date, degree: g.degree(key) },
      viz: { x: a.x, y: a.y, size: a.size, color: a.color },
    })),
    edges: g.mapEdges((key, a, source, target) => ({ id: key, source, target, label: a.rel, span: edgeSpan.get(key) ?? null, attributes: { rel: a.rel, date: a.date } })),
  });
}

/** Height of the legend strip under the picture, in CSS pixels. */
const LEGEND_HEIGHT = 30;

/** The kinds on screen, each with its colour, name and count, in a strip of `height` device pixels at `top`. */
function drawLegend(ctx: CanvasRenderingContext2D, counts: Map<NodeLabel, number>, top: number, width: number, scale: number): void {
  ctx.fillStyle = '#f6f8fa';
  ctx.fillRect(0, top, width, LEGEND_HEIGHT * scale);
  ctx.fillStyle = '#d8dee4';
  ctx.fillRect(0, top, width, Math.max(1, scale));
  ctx.font = `${13 * scale}px "Noto Sans CJK SC", "Noto Sans SC", sans-serif`;
  ctx.textBaseline = 'middle';
  const middle = top + (LEGEND_HEIGHT / 2) * scale;
  let x = 12 * scale;
  for (const kind of KINDS) {
    const n = counts.get(kind);
    if (!n) continue;
    ctx.fillStyle = KIND_COLORS[kind];
    ctx.beginPath();
    ctx.arc(x + 6 * scale, middle, 6 * scale, 0, 2 * Math.PI);
    ctx.fill();
    const text = `${KIND_NAMES[kind]} ${n}`;
    ctx.fillStyle = '#1f2328';
    ctx.fillText(text, x + 16 * scale, middle);
    x += 16 * scale + ctx.measureText(text).width + 18 * scale;
  }
}

/**
 * The canvas as drawn, with the legend of the kinds shown under it: read right after a render,
 * while WebGL's drawing buffer still holds the frame.
 */
function png(renderer: Renderer, shown: ViewGraph): Promise<Blob> {
  const { sigma } = renderer;
  const counts = new Map<NodeLabel, number>();
  shown.forEachNode((_k, a) => counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1));
  return new Promise((resolve, reject) => {
    sigma.once('afterRender', () => {
      const stage = sigma.getStageCanvas();
      const scale = stage.width / Math.max(1, stage.clientWidth || stage.width);
      const out = document.createElement('canvas');
      out.width = stage.width;
      out.height = stage.height + Math.round(LEGEND_HEIGHT * scale);
      const ctx = out.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.drawImage(stage, 0, 0);
      drawLegend(ctx, counts, stage.height, out.width, scale);
      out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser made no PNG'))), 'image/png');
    });
    sigma.refresh();
  });
}

export function createExport(graph: ViewGraph, renderer: Renderer): void {
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  byId('export-nodes').addEventListener('click', () => {
    const g = visibleSubgraph(graph, renderer);
    download(`guanxi-nodes-${stamp()}.csv`, csv(['key', 'kind', 'name', 'date', 'degree'], g.mapNodes((k, a) => [k, a.kind, a.label, a.date, graph.degree(k)])));
  });
  byId('export-edges').addEventListener('click', () => {
    const g = visibleSubgraph(graph, renderer);
    download(
      `guanxi-edges-${stamp()}.csv`,
      csv(['source', 'source_name', 'relationship', 'target', 'target_name', 'date'], g.mapEdges((_k, a, s, t, sa, ta) => [s, sa.label, a.rel, t, ta.label, a.date])),
    );
  });
  byId('export-gexf').addEventListener('click', () => {
    download(`guanxi-${stamp()}.gexf`, new Blob([viewGexf(visibleSubgraph(graph, renderer))], { type: 'application/xml' }));
  });
  byId('export-png').addEventListener('click', async () => download(`guanxi-${stamp()}.png`, await png(renderer, visibleSubgraph(graph, renderer))));
}
