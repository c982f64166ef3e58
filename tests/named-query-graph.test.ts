/**
 * A named query's answer drawn as a graph and named in a table (src/server/named-query-nodes.ts,
 * GraphView.among): on the embedded store, the JSON Lines journal and Neo4j, the rows' id columns
 * become the graph's nodes with their labels and the relationships among them; and ad-hoc Cypher on
 * the embedded store is answered with the one line that says how to get it.
 */
import { expect } from 'chai';
import { createViewerServer, type ViewerServer } from '../src/server/app.js';
import { CYPHER_HINT } from '../src/server/cypher-hint.js';
import { keyColumns, rowKeys } from '../src/server/named-query-nodes.js';
import type { QueryResponse } from '../src/server/protocol.js';
import { namedQueryNames, namedQuery } from '../src/store/named-queries.js';
import type { GraphStore } from '../src/store/store.js';
import { sampleEmbedded, sampleNeo4j } from './viewer-fixtures.js';

const ZHANG_FEI = 'Person:张飞@许昌市';
const MEETINGS = ['Event:许昌市|2023-02-17|全市公安工作会议', 'Event:许昌市|2023-02-17|市委政法工作会议'];

async function query(server: ViewerServer, body: unknown): Promise<{ status: number; body: QueryResponse & { error?: string } }> {
  const res = await fetch(new URL('/api/query', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as QueryResponse & { error?: string } };
}

describe('named-query-nodes', () => {
  it('names an id column for every named query, each a column the query returns', () => {
    for (const name of namedQueryNames()) {
      const columns = Object.keys(keyColumns(name));
      expect(columns, name).to.not.be.empty;
      const statement = namedQuery(name).statement;
      for (const c of columns) expect(statement, `${name}.${c}`).to.match(new RegExp(`AS ${c}\\b|\\b${c}\\s*$|, ${c}\\b`, 'm'));
    }
  });

  it('turns the ids of the rows into graph keys, once each, skipping nulls', () => {
    const rows = [
      { person: '张飞@许昌市', event_id: '许昌市|2023-02-17|全市公安工作会议', article: null },
      { person: '张飞@许昌市', event_id: '许昌市|2023-02-17|市委政法工作会议', article: 'a#1' },
    ];
    expect(rowKeys(keyColumns('events-of-person'), rows)).to.deep.equal([ZHANG_FEI, MEETINGS[0], MEETINGS[1], 'Article:a#1']);
    expect(rowKeys(keyColumns('no-such-query'), rows)).to.deep.equal([]);
  });
});

function drawsNamedQueries(open: () => Promise<GraphStore>, embedded: boolean) {
  return function (this: Mocha.Suite) {
    this.timeout(120_000);
    let store: GraphStore;
    let server: ViewerServer;
    before(async function () {
      store = await open();
      server = await createViewerServer({ store });
    });
    after(async () => {
      await server?.close();
      await store?.close();
    });

    it("draws events-of-person: 张飞, both meetings, the articles, and the relationships among them", async () => {
      const { status, body } = await query(server, { name: 'events-of-person', params: { name: '张飞' } });
      expect(status).to.equal(200);
      expect(body.graph.nodes).to.include.members([ZHANG_FEI, ...MEETINGS]);
      expect(body.graph.nodes.filter((k) => k.startsWith('Article:'))).to.not.be.empty;
      for (const m of MEETINGS) expect(body.graph.edges).to.deep.include([ZHANG_FEI, m]);
      for (const [a, b] of body.graph.edges) expect(body.graph.nodes).to.include.members([a, b]);
      expect(body.keyColumns).to.deep.equal({ person: 'Person', event_id: 'Event', article: 'Article' });
      expect(body.labels[ZHANG_FEI]).to.equal('张飞');
      expect(body.labels[MEETINGS[0]]).to.equal('全市公安工作会议');
      const article = body.graph.nodes.find((k) => k.startsWith('Article:'))!;
      expect(body.labels[article]).to.match(/会议/); // a headline, not the article's id
      expect(Object.keys(body.labels).sort()).to.deep.equal([...body.graph.nodes].sort());
    });

    it('names the organizations of officials-of-organization, and the people who hold posts there', async () => {
      const { body } = await query(server, { name: 'officials-of-organization', params: { org: '中共许昌市委' } });
      expect(body.rows.length).to.be.greaterThan(2);
      expect(body.graph.nodes).to.include.members(['Organization:中共许昌市委', 'Organization:许昌市委宣传部', 'Person:王自合@许昌市']);
      expect(body.graph.edges).to.deep.include(['Person:王自合@许昌市', 'Organization:许昌市委宣传部']);
      expect(body.graph.edges).to.deep.include(['Organization:许昌市委宣传部', 'Organization:中共许昌市委']); // PART_OF
    });

    it('answers a query that finds nothing with an empty graph', async () => {
      const { status, body } = await query(server, { name: 'events-of-person', params: { name: '无此人' } });
      expect(status).to.equal(200);
      expect(body).to.deep.include({ rows: [], graph: { nodes: [], edges: [] }, labels: {} });
    });

    if (embedded) {
      it('answers ad-hoc Cypher with 501 and the one line that says how to get Cypher', async () => {
        const { status, body } = await query(server, { cypher: 'MATCH (n) RETURN n LIMIT 1' });
        expect(status).to.equal(501);
        expect(body.error).to.equal(CYPHER_HINT);
        expect(CYPHER_HINT).to.not.include('\n');
        expect(CYPHER_HINT).to.include('npm run neo4j:start').and.include('guanxi ingest --neo4j bolt://127.0.0.1:7687').and.include('NEO4J_URI');
      });
    } else {
      it('gives the labels of the nodes of an ad-hoc Cypher result too', async () => {
        const { body } = await query(server, { cypher: "MATCH (p:Person {name: '张飞'})-[r:PARTICIPATED_IN]->(e:Event) RETURN p, r, e" });
        expect(body.graph.nodes).to.have.members([ZHANG_FEI, ...MEETINGS]);
        expect(body.labels).to.deep.equal({ [ZHANG_FEI]: '张飞', [MEETINGS[0]]: '全市公安工作会议', [MEETINGS[1]]: '市委政法工作会议' });
        expect(body.keyColumns).to.deep.equal({});
      });
    }
  };
}

describe('named queries drawn as a graph, on the embedded store', drawsNamedQueries(() => sampleEmbedded('sqlite'), true));
describe('named queries drawn as a graph, on the JSON Lines journal', drawsNamedQueries(() => sampleEmbedded('snapshot'), true));
describe('named queries drawn as a graph, on Neo4j', drawsNamedQueries(() => sampleNeo4j(), false));
