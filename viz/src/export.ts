/** Exports what is on screen (the filters applied, not the hover): nodes and edges as CSV, GEXF for Gephi, a PNG. */
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import { byId } from './dom.js';
import type { ViewGraph } from './graph-data.js';
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

/** The canvas as drawn: read right after a render, while WebGL's drawing buffer still holds the frame. */
function png(renderer: Renderer): Promise<Blob> {
  const { sigma } = renderer;
  return new Promise((resolve, reject) => {
    sigma.once('afterRender', () => {
      const stage = sigma.getStageCanvas();
      const out = document.createElement('canvas');
      out.width = stage.width;
      out.height = stage.height;
      const ctx = out.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.drawImage(stage, 0, 0);
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
    const gexf = writeGexf(visibleSubgraph(graph, renderer), {
      formatNode: (_k, a) => ({ label: a.label, viz: { x: a.x, y: a.y, size: a.size, color: a.color }, attributes: { kind: a.kind, date: a.date ?? '' } }),
      formatEdge: (_k, a) => ({ label: a.rel, attributes: { rel: a.rel, date: a.date ?? '' } }),
    });
    download(`guanxi-${stamp()}.gexf`, new Blob([gexf], { type: 'application/xml' }));
  });
  byId('export-png').addEventListener('click', async () => download(`guanxi-${stamp()}.png`, await png(renderer)));
}
