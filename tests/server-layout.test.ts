/**
 * The server's layout (src/server/layout.ts) and its route (/api/layout): deterministic, bounded,
 * pinned nodes unmoved, one answer per version of the graph.
 */
import { expect } from 'chai';
import { memoryStore, syntheticGraph } from '../bench/viewer.js';
import { createViewerServer } from '../src/server/app.js';
import { layoutGraph, layoutIterations, spiral } from '../src/server/layout.js';
import type { GraphLayout } from '../src/server/layout-protocol.js';
import type { GraphPayload } from '../src/server/protocol.js';

/** A ring of `n` nodes with a chord every 7: connected, small, not symmetric. */
function ring(n: number) {
  const source: number[] = [];
  const target: number[] = [];
  for (let i = 0; i < n; i++) {
    source.push(i, i);
    target.push((i + 1) % n, (i + 7) % n);
  }
  return { nodes: n, source, target };
}

describe('server layout', () => {
  it('gives the same positions for the same graph', () => {
    const a = layoutGraph(ring(300));
    const b = layoutGraph(ring(300));
    expect(a.xy).to.have.length(600);
    expect(a.xy).to.deep.equal(b.xy);
    expect(a.xy.every(Number.isFinite)).to.equal(true);
  });

  it('runs the iterations its bound gives, fewer for larger graphs, and moves the nodes off the spiral', () => {
    const small = ring(300);
    const result = layoutGraph(small);
    expect(result.iterations).to.equal(layoutIterations(small));
    expect(layoutIterations({ nodes: 50_000, source: new Array(250_000) })).to.be.below(layoutIterations(small)).and.at.least(30);
    const seed = spiral(300);
    const moved = result.xy.filter((v, i) => Math.abs(v - seed[i]) > 1).length;
    expect(moved).to.be.greaterThan(500);
  });

  it('leaves pinned nodes where they were pinned, and the others follow them', () => {
    const input = ring(200);
    const free = layoutGraph(input, { iterations: 80 });
    const pinned = new Map([[5, [1000, -1000] as const], [60, [-1000, 1000] as const]]);
    const result = layoutGraph(input, { start: free.xy, pinned, iterations: 80 });
    expect(result.xy.slice(10, 12)).to.deep.equal([1000, -1000]);
    expect(result.xy.slice(120, 122)).to.deep.equal([-1000, 1000]);
    // Node 6 is 5's neighbour on the ring: it was pulled towards where 5 now is.
    const dist = (xy: number[]) => Math.hypot(xy[12] - 1000, xy[13] + 1000);
    expect(dist(result.xy)).to.be.below(dist(free.xy));
  });

  it('pushes apart nodes that start on one another', () => {
    const input = { nodes: 50, source: [] as number[], target: [] as number[] };
    const start = new Array(100).fill(0).map((_, i) => (i < 50 ? 0 : i % 2 ? 10 : -10));
    const { xy } = layoutGraph(input, { start, iterations: 1 });
    const points = new Set<string>();
    for (let i = 0; i < 50; i++) points.add(`${xy[2 * i]},${xy[2 * i + 1]}`);
    expect(points.size).to.be.greaterThan(40);
  });

  describe('GET and POST /api/layout', () => {
    it('answers the current payload’s positions, again with pins, and 409 for another version', async () => {
      const server = await createViewerServer({ store: memoryStore(syntheticGraph(600)), overviewNodes: Number.MAX_SAFE_INTEGER });
      try {
        const payload = (await (await fetch(`${server.url}api/graph`)).json()) as GraphPayload;
        const res = await fetch(`${server.url}api/layout`);
        expect(res.status).to.equal(200);
        const layout = (await res.json()) as GraphLayout;
        expect(layout.hash).to.equal(payload.hash);
        expect(layout.xy).to.have.length(payload.nodes.key.length * 2);
        const again = (await (await fetch(`${server.url}api/layout?hash=${payload.hash}`)).json()) as GraphLayout;
        expect(again.xy).to.deep.equal(layout.xy); // cached: the same answer
        expect((await fetch(`${server.url}api/layout?hash=0000`)).status).to.equal(409);

        const post = (body: unknown) => fetch(`${server.url}api/layout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const pinnedRes = await post({ hash: payload.hash, pinned: [[3, 12345, -678]] });
        expect(pinnedRes.status).to.equal(200);
        const pinned = (await pinnedRes.json()) as GraphLayout;
        expect(pinned.xy.slice(6, 8)).to.deep.equal([12345, -678]);
        expect(pinned.xy).to.not.deep.equal(layout.xy);
        expect((await post({ hash: 'other', pinned: [] })).status).to.equal(409);
        expect((await post({ hash: payload.hash, pinned: [[1e9, 0, 0]] })).status).to.equal(400);
        expect((await post({ hash: payload.hash, pinned: [['x', 0, 0]] })).status).to.equal(400);
      } finally {
        await server.close();
      }
    });
  });
});
