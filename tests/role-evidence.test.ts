/**
 * Each role of a participation carries the sentence that gave it (issue 14, "evidence one click
 * away"): a person who attends in one sentence and speaks in the next has the attendance sentence as
 * the evidence of `attended` and the speech as that of `spoke`, from the extraction through the
 * graph's facts (PARTICIPATED_IN.evidence, aligned with roles) and every store to the viewer's side
 * panel. The text of the first tests is invented here, not taken from any evaluation data.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocument } from '../src/extract/pipeline.js';
import { buildGraph, type EdgeAttributes, type GuanxiGraph } from '../src/graph/assemble.js';
import { documentFacts } from '../src/graph/facts.js';
import type { RelPropsByType } from '../src/graph/model.js';
import type { SourceDocument } from '../src/ingest/types.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';
import { nodeDetails } from '../src/server/details.js';
import type { EventDetails, PersonDetails } from '../src/server/protocol.js';
import { cypher } from '../src/store/cypher-files.js';
import { ingestFiles } from '../src/store/ingest.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';
import { SqliteGraphStore } from '../src/store/sqlite-store.js';
import type { GraphStore } from '../src/store/store.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

const ATTENDS = '县委书记王建国，副县长李明远出席会议。';
const SPEAKS = '王建国就做好今年的防汛工作提出要求。';
const PRESIDES = '李明远主持会议。';
const RECORD = { id: 'flood-1', title: '全县防汛工作会议召开', date: '2024-03-02', text: `3月2日，全县防汛工作会议在县政府召开。${ATTENDS}${SPEAKS}${PRESIDES}` };

const source = (): SourceDocument => ({
  path: 'flood.jsonl',
  name: 'flood.jsonl',
  format: 'jsonl',
  encoding: 'UTF-8',
  units: [{ kind: 'record', line: 1, ...RECORD }],
});

type Participation = { rel: 'PARTICIPATED_IN' } & RelPropsByType['PARTICIPATED_IN'];

/** Every participation in a graph, by the person's name. */
function participations(g: GuanxiGraph): Map<string, Participation> {
  const out = new Map<string, Participation>();
  g.forEachEdge((_key, a: EdgeAttributes, source) => {
    const person = g.getNodeAttributes(source);
    if (a.rel === 'PARTICIPATED_IN' && person.kind === 'Person') out.set(person.name, a);
  });
  return out;
}

/** The event's participants under each role, as name → the sentence shown for that role. */
function sentencesByRole(d: EventDetails): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(d.participants).map(([role, ps]) => [role, Object.fromEntries(ps.map((p) => [p.person.label, p.evidence.sentence]))]));
}

function eventKey(g: GuanxiGraph, name: string): string {
  const key = g.findNode((_k, a) => a.kind === 'Event' && a.name === name);
  expect(key, `an event named ${name}`).to.be.a('string');
  return key!;
}

describe('role evidence: each role carries the sentence that gave it', () => {
  describe('one who attends in one sentence and speaks in the next (invented text)', () => {
    const extraction = extractDocument(source());
    const graph = buildGraph([documentFacts(extraction, 'flood-v1')]);

    it('the extraction keeps the first sentence of each role beside the roles', () => {
      const [event] = extraction.articles[0].events;
      expect(event.participants).to.deep.equal([
        { name: '王建国', roles: ['attended', 'spoke'], sentences: { attended: ATTENDS, spoke: SPEAKS } },
        { name: '李明远', roles: ['attended', 'presided'], sentences: { attended: ATTENDS, presided: PRESIDES } },
      ]);
    });

    it('PARTICIPATED_IN.evidence is aligned with roles, and sentence stays the first naming the person', () => {
      const byName = participations(graph);
      expect(byName.get('王建国')).to.include({ sentence: ATTENDS });
      expect(byName.get('王建国')?.roles).to.deep.equal(['attended', 'spoke']);
      expect(byName.get('王建国')?.evidence).to.deep.equal([ATTENDS, SPEAKS]);
      expect(byName.get('李明远')?.evidence).to.deep.equal([ATTENDS, PRESIDES]);
    });

    it("the event's panel shows under each role the sentence of that role", () => {
      const d = nodeDetails(graph, eventKey(graph, '全县防汛工作会议')) as EventDetails;
      expect(sentencesByRole(d)).to.deep.equal({
        attended: { 王建国: ATTENDS, 李明远: ATTENDS },
        spoke: { 王建国: SPEAKS },
        presided: { 李明远: PRESIDES },
      });
      expect(d.participants.spoke[0].evidence).to.include({ article: 'flood-1', mention: '王建国' });
    });

    it("a person's events give the first role's evidence and each role's, and the person's evidence holds both sentences", () => {
      const key = graph.findNode((_k, a) => a.kind === 'Person' && a.name === '王建国')!;
      const d = nodeDetails(graph, key) as PersonDetails;
      expect(d.events).to.have.length(1);
      expect(d.events[0].roles).to.deep.equal(['attended', 'spoke']);
      expect(d.events[0].evidence.sentence).to.equal(ATTENDS);
      expect(d.events[0].roleEvidence?.map((e) => e.sentence)).to.deep.equal([ATTENDS, SPEAKS]);
      expect(d.evidence.map((e) => e.sentence)).to.include.members([ATTENDS, SPEAKS]);
    });
  });

  describe('the sample page', () => {
    let dir: string;
    let graph: GuanxiGraph;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-role-evidence-'));
      const journal = SnapshotGraphStore.open(join(dir, 'sample.jsonl'));
      await ingestFiles([DEFAULT_SAMPLE], journal);
      graph = await journal.graph();
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("汤超's evidence for spoke at 市委政法工作会议 is the sentence of his speech, not the attendance sentence", () => {
      const d = nodeDetails(graph, eventKey(graph, '市委政法工作会议')) as EventDetails;
      const spoke = d.participants.spoke.find((p) => p.person.label === '汤超');
      const attended = d.participants.attended.find((p) => p.person.label === '汤超');
      expect(spoke?.evidence.sentence).to.match(/^汤超充分肯定了去年以来全市政法工作取得的成绩.*并就做好2023年全市政法工作提出要求/);
      expect(attended?.evidence.sentence).to.match(/汤超，.*出席会议。$/);
      expect(spoke?.evidence.mention).to.equal('汤超');
    });
  });

  /** A store holds each participation's evidence aligned with its roles, as the in-memory facts have it. */
  async function expectRoundTrip(store: GraphStore, file: string): Promise<void> {
    await ingestFiles([file], store);
    const back = participations(await store.graph());
    expect([...back.keys()].sort()).to.deep.equal(['李明远', '王建国']);
    expect(back.get('王建国')).to.deep.include({ roles: ['attended', 'spoke'], evidence: [ATTENDS, SPEAKS], sentence: ATTENDS });
    expect(back.get('李明远')).to.deep.include({ roles: ['attended', 'presided'], evidence: [ATTENDS, PRESIDES] });
  }

  describe('store round trips', function () {
    this.timeout(180_000);
    let dir: string;
    let file: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-role-evidence-'));
      file = join(dir, 'flood.jsonl');
      writeFileSync(file, JSON.stringify(RECORD) + '\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('the embedded SQLite store keeps evidence aligned with roles', async () => {
      const store = SqliteGraphStore.open(join(dir, 'graph.db'));
      try {
        await expectRoundTrip(store, file);
      } finally {
        await store.close();
      }
    });

    it('Neo4j keeps evidence aligned with roles, as a list of strings; a bulk load puts an empty one back as []', async () => {
      const store = await Neo4jStore.connect(await testNeo4jUri(), { schema: true });
      try {
        await wipeTestDatabase(store.client);
        await expectRoundTrip(store, file);
        const typed = await store.client.query("MATCH (:Person {name: '王建国'})-[r:PARTICIPATED_IN]->() RETURN valueType(r.evidence) AS type");
        expect(typed.rows[0].type).to.equal('LIST<STRING NOT NULL> NOT NULL');
        // What the importer leaves of a participation without roles: no evidence property at all.
        await store.client.query('MATCH ()-[r:PARTICIPATED_IN]->() REMOVE r.evidence', {}, true);
        await store.client.runAutoCommit(cypher('write/bulk-empty-evidence'), {});
        const fixed = await store.client.query('MATCH ()-[r:PARTICIPATED_IN]->() RETURN collect(r.evidence) AS all');
        expect(fixed.rows[0].all).to.deep.equal([[], []]);
      } finally {
        await wipeTestDatabase(store.client);
        await store.close();
      }
    });
  });
});
