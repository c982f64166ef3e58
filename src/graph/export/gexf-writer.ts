/**
 * GEXF 1.3 as Gephi reads it, for `guanxi export --gexf` and the viewer's export. Ours rather than
 * graphology-gexf's writer: that one declares a malformed `viz` namespace for GEXF 1.2
 * (`http:///www.gexf.net/1.1draft/viz`) and cannot write a dynamic graph. Here the graph is dynamic
 * (mode="dynamic", timeformat="date"): a dated node or edge has `start` and `end`, so Gephi's
 * timeline shows the graph grow and shrink with time; an undated one is there all along.
 * No imports: the viewer's bundle holds it too.
 */

/** An interval of days (YYYY-MM-DD, both ends inclusive). */
export interface DaySpan {
  start: string;
  end: string;
}

export interface GexfNode {
  id: string;
  label: string;
  span: DaySpan | null;
  /** Values of the declared node attributes; null or missing: no value. */
  attributes: Record<string, string | number | null>;
  viz?: { x: number; y: number; size: number; color: string };
}

export interface GexfEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  span: DaySpan | null;
  attributes: Record<string, string | number | null>;
}

export interface GexfGraph {
  description: string;
  /** Attribute names and types, in the order written. */
  nodeAttributes: Record<string, 'string' | 'integer'>;
  edgeAttributes: Record<string, 'string' | 'integer'>;
  nodes: Iterable<GexfNode>;
  edges: Iterable<GexfEdge>;
}

export const GEXF_NS = 'http://gexf.net/1.3';
export const GEXF_VIZ_NS = 'http://gexf.net/1.3/viz';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The days a date covers: a day is itself; a month ("2023-02") or a year ("2023") runs from its
 * first day to its last. null for anything else, so a malformed date never reaches Gephi.
 */
export function daySpan(date: string | null | undefined): DaySpan | null {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date) : null;
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return { start: date!, end: date! };
  if (mo) {
    const month = Number(mo);
    if (month < 1 || month > 12) return null;
    const year = Number(y);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const last = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${last}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The smallest span covering all of them, or null when none is given. */
export function coveringSpan(spans: Iterable<DaySpan | null>): DaySpan | null {
  let start = '';
  let end = '';
  for (const s of spans) {
    if (!s) continue;
    if (!start || s.start < start) start = s.start;
    if (!end || s.end > end) end = s.end;
  }
  return start ? { start, end } : null;
}

/** XML 1.0 attribute text: markup escaped, and the characters XML cannot hold at all dropped. */
function xml(value: string | number): string {
  return String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function rgb(color: string): { r: number; g: number; b: number } | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return m ? { r: parseInt(m[1], 16), g: parseInt(m[2], 16), b: parseInt(m[3], 16) } : null;
}

const spanAttrs = (span: DaySpan | null) => (span ? ` start="${span.start}" end="${span.end}"` : '');

function attvalues(declared: Record<string, string>, values: Record<string, string | number | null>, indent: string): string[] {
  const present = Object.keys(declared).filter((k) => values[k] !== null && values[k] !== undefined && values[k] !== '');
  if (!present.length) return [];
  return [`${indent}<attvalues>`, ...present.map((k) => `${indent}  <attvalue for="${xml(k)}" value="${xml(values[k]!)}"/>`), `${indent}</attvalues>`];
}

function declarations(cls: 'node' | 'edge', declared: Record<string, string>): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...Object.entries(declared).map(([id, type]) => `      <attribute id="${xml(id)}" title="${xml(id)}" type="${type}"/>`),
    '    </attributes>',
  ];
}

export function writeGexf(g: GexfGraph): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${GEXF_NS}" xmlns:viz="${GEXF_VIZ_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NS} ${GEXF_NS}/gexf.xsd" version="1.3">`,
    '  <meta>',
    '    <creator>Guanxi</creator>',
    `    <description>${xml(g.description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
    ...declarations('node', g.nodeAttributes),
    ...declarations('edge', g.edgeAttributes),
    '    <nodes>',
  ];
  for (const n of g.nodes) {
    lines.push(`      <node id="${xml(n.id)}" label="${xml(n.label)}"${spanAttrs(n.span)}>`, ...attvalues(g.nodeAttributes, n.attributes, '        '));
    if (n.viz) {
      const c = rgb(n.viz.color);
      if (c) lines.push(`        <viz:color r="${c.r}" g="${c.g}" b="${c.b}"/>`);
      lines.push(`        <viz:position x="${n.viz.x}" y="${n.viz.y}" z="0"/>`, `        <viz:size value="${n.viz.size}"/>`);
    }
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const e of g.edges) {
    const values = attvalues(g.edgeAttributes, e.attributes, '        ');
    const open = `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.label)}"${spanAttrs(e.span)}`;
    if (values.length) lines.push(`${open}>`, ...values, '      </edge>');
    else lines.push(`${open}/>`);
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
