/**
 * GEXF for Gephi (src/graph/export/gexf-writer.ts, gexf.ts): GEXF 1.3's namespaces, the node's kind
 * as an attribute, dates as a dynamic graph (start/end), text escaped; read back by graphology-gexf.
 */
import { expect } from 'chai';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import type { GuanxiGraph } from '../src/graph/assemble.js';
import { graphGexf } from '../src/graph/export/gexf.js';
import { coveringSpan, daySpan, writeGexf } from '../src/graph/export/gexf-writer.js';
import type { GraphStore } from '../src/store/store.js';
import { HOSTILE_KEY, HOSTILE_NAME, sampleEmbedded } from './viewer-fixtures.js';

const ZHANG_FEI = 'Person:张飞@许昌市';
const MEETING = 'Event:许昌市|2023-02-17|全市公安工作会议';

/** The opening tag of the first element of that name. */
const tag = (xml: string, name: string) => new RegExp(`<${name}(?=[\\s/>])[^>]*>`).exec(xml)?.[0] ?? '';
const attr = (openTag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(openTag)?.[1];

describe('GEXF export', () => {
  it('gives a date the days it covers: a day, a month (leap years too) or a year', () => {
    expect(daySpan('2023-02-17')).to.deep.equal({ start: '2023-02-17', end: '2023-02-17' });
    expect(daySpan('2024-02')).to.deep.equal({ start: '2024-02-01', end: '2024-02-29' });
    expect(daySpan('2023-02')).to.deep.equal({ start: '2023-02-01', end: '2023-02-28' });
    expect(daySpan('2023')).to.deep.equal({ start: '2023-01-01', end: '2023-12-31' });
    for (const bad of [null, '', '2023-13', '2023-2-1', '17 Feb 2023']) expect(daySpan(bad), String(bad)).to.equal(null);
    expect(coveringSpan([null, daySpan('2023-03'), daySpan('2023-02-17')])).to.deep.equal({ start: '2023-02-17', end: '2023-03-31' });
    expect(coveringSpan([null])).to.equal(null);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const xml = writeGexf({
      description: 'a & b',
      nodeAttributes: { note: 'string' },
      edgeAttributes: {},
      nodes: [{ id: 'n"1', label: '<b>&\u0001', span: null, attributes: { note: 'x\ny' } }],
      edges: [],
    });
    const g = parse(Graph, xml);
    expect(g.nodes()).to.deep.equal(['n"1']);
    expect(g.getNodeAttributes('n"1')).to.deep.include({ label: '<b>&', note: 'x\ny' });
  });

  describe('of the sample page', () => {
    let store: GraphStore;
    let graph: GuanxiGraph;
    let xml: string;
    before(async function () {
      this.timeout(60_000);
      store = await sampleEmbedded('snapshot');
      graph = await store.graph();
      xml = graphGexf(graph);
    });
    after(async () => store?.close());

    it('declares GEXF 1.3 and its viz namespace, and a dynamic graph of dates', () => {
      const root = tag(xml, 'gexf');
      expect(attr(root, 'xmlns')).to.equal('http://gexf.net/1.3');
      expect(attr(root, 'xmlns:viz')).to.equal('http://gexf.net/1.3/viz');
      expect(attr(root, 'version')).to.equal('1.3');
      const g = tag(xml, 'graph');
      expect(attr(g, 'mode')).to.equal('dynamic');
      expect(attr(g, 'timeformat')).to.equal('date');
    });

    it('is read back whole by graphology-gexf, with each node\'s kind and label', () => {
      const back = parse(Graph, xml);
      expect(back.order).to.equal(graph.order);
      expect(back.size).to.equal(graph.size);
      expect(back.getNodeAttributes(ZHANG_FEI)).to.deep.include({ label: '张飞', kind: 'Person', region: '许昌市' });
      expect(back.getNodeAttribute(MEETING, 'kind')).to.equal('Event');
      expect(back.getNodeAttributes(HOSTILE_KEY)).to.deep.include({ label: HOSTILE_NAME, kind: 'Person' });
    });

    it('gives a dated node and edge their days, and an undated person the days of its facts', () => {
      expect(attr(tag(xml, `node id="${MEETING.replace(/\|/g, '\\|')}"`), 'start')).to.equal('2023-02-17');
      const person = tag(xml, `node id="${ZHANG_FEI}"`);
      expect(attr(person, 'start')).to.equal('2023-02-17');
      expect(attr(person, 'end')).to.match(/^2023-02-\d\d$/);
      const participation = tag(xml, `edge id="[^"]*" source="${ZHANG_FEI}" target="${MEETING.replace(/\|/g, '\\|')}"`);
      expect(attr(participation, 'start')).to.equal('2023-02-17');
      expect(attr(participation, 'label')).to.equal('PARTICIPATED_IN');
      // Every node's span covers its edges', so that Gephi's timeline never shows an edge without its ends.
      const spans = new Map([...xml.matchAll(/<node id="([^"]*)"[^>]*?(?: start="([^"]*)" end="([^"]*)")?>/g)].map((m) => [m[1], m[2] ? [m[2], m[3]] : null]));
      for (const m of xml.matchAll(/<edge id="[^"]*" source="([^"]*)" target="([^"]*)"[^>]*? start="([^"]*)" end="([^"]*)"/g)) {
        for (const end of [m[1], m[2]]) {
          const s = spans.get(end);
          expect(s, end).to.not.equal(null);
          expect(s![0] <= m[3] && s![1] >= m[4], `${end} covers ${m[3]}…${m[4]}`).to.equal(true);
        }
      }
    });
  });
});
