/**
 * The viewer's filters (viz/src/visibility.ts) read kinds, dates and roles from a flat index of the
 * graph. Checked here against the rule read straight off the graph, node by node (what the viewer
 * did before the index), on the sample page and on a synthetic graph of 2,000 nodes, for each
 * filter alone and together.
 */
import { expect } from 'chai';
import { dateWithin } from '../src/graph/date-range.js';
import type { NodeLabel, Role } from '../src/graph/model.js';
import { graphPayload } from '../src/server/payload.js';
import { buildViewGraph, roleBits, type ViewGraph } from '../viz/src/graph-data.js';
import { KINDS } from '../viz/src/kinds.js';
import { initialState, type ViewState } from '../viz/src/state.js';
import { computeVisibility, indexGraph } from '../viz/src/visibility.js';
import { syntheticGraph } from '../bench/viewer.js';
import { sampleEmbedded } from './viewer-fixtures.js';

/** The nodes kinds, dates and roles leave, by the rule itself: each node's own date, else its dated facts. */
function byRule(graph: ViewGraph, s: ViewState): Set<string> {
  const range = { from: s.from, to: s.to };
  const ranged = !!(s.from || s.to);
  const mask = s.roles ? roleBits(s.roles) : 0;
  const inRange = (date: string | null) => !ranged || date === null || dateWithin(date, range);
  return new Set(
    graph.filterNodes((key, a) => {
      if (!s.kinds.has(a.kind)) return false;
      if (mask && (a.kind === 'Person' || a.kind === 'Event') && !graph.someEdge(key, (_e, e) => e.rel === 'PARTICIPATED_IN' && inRange(e.date) && (e.roleBits & mask) !== 0)) return false;
      if (!ranged) return true;
      if (a.date !== null) return dateWithin(a.date, range);
      const dated = graph.filterEdges(key, (_e, e) => e.date !== null);
      return dated.length === 0 || dated.some((e) => dateWithin(graph.getEdgeAttribute(e, 'date'), range));
    }),
  );
}

const state = (patch: Partial<ViewState>): ViewState => ({ ...initialState(), ...patch });
const without = (kind: NodeLabel) => new Set(KINDS.filter((k) => k !== kind));
const roles = (...rs: Role[]) => new Set(rs);

describe('viewer filters over the graph index', () => {
  const graphs: [string, () => Promise<ViewGraph>][] = [
    ['the sample page', async () => buildViewGraph(graphPayload(await (await sampleEmbedded('snapshot')).graph()))],
    ['a synthetic graph of 2,000 nodes', async () => buildViewGraph(graphPayload(syntheticGraph(2000)))],
  ];
  for (const [name, load] of graphs) {
    describe(name, () => {
      let graph: ViewGraph;
      before(async () => {
        graph = await load();
      });

      it('indexes every edge once under each of its two ends', () => {
        const index = indexGraph(graph);
        expect(index.edges.length).to.equal(graph.size);
        const seen = new Map<number, number>();
        for (const j of index.around) seen.set(j, (seen.get(j) ?? 0) + 1);
        expect(seen.size).to.equal(graph.size);
        expect([...seen.values()].every((n) => n === 2)).to.equal(true);
        for (let i = 0; i < index.nodes.length; i++) expect(index.start[i + 1] - index.start[i]).to.equal(graph.degree(index.nodes[i]));
      });

      const cases: [string, Partial<ViewState>][] = [
        ['a kind hidden', { kinds: without('Article') }],
        ['a day', { from: '2023-02-18', to: '2023-02-18' }],
        ['a range open at one end', { from: '2023-04' }],
        ['a month', { from: '2023-02', to: '2023-02' }],
        ['roles', { roles: roles('spoke', 'presided') }],
        ['roles, a range and a kind hidden', { roles: roles('attended'), from: '2023-02-17', to: '2023-06-30', kinds: without('Place') }],
      ];
      for (const [what, patch] of cases) {
        it(`leaves the nodes the rule leaves: ${what}`, () => {
          const s = state(patch);
          const shown = computeVisibility(graph, s).nodes;
          expect(shown).to.not.equal(null);
          const expected = byRule(graph, s);
          expect(expected.size).to.be.below(graph.order); // the filter narrows something
          expect([...shown!].sort()).to.deep.equal([...expected].sort());
        });
      }
    });
  }
});
