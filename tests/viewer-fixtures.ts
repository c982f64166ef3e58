/**
 * Graphs the viewer's tests run on: the sample page ingested into a temporary snapshot (or into the
 * test Neo4j), plus one made-up document whose person and headline are HTML, to prove that the
 * viewer shows article text as text.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentFacts } from '../src/graph/model.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';
import { ingestFiles } from '../src/store/ingest.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';
import { SqliteGraphStore } from '../src/store/sqlite-store.js';
import type { GraphStore } from '../src/store/store.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

/** A name that would run script if the viewer ever inserted it as HTML. */
export const HOSTILE_NAME = '<img src=x onerror="window.__xss=1">';
export const HOSTILE_KEY = `Person:${HOSTILE_NAME}@?`;

export function hostileDocument(): DocumentFacts {
  const article = 'hostile.jsonl#1';
  return {
    document: 'hostile.jsonl',
    hash: 'hostile-v1',
    nodes: [
      { label: 'Article', props: { id: article, document: 'hostile.jsonl', form: 'article', headline: '<b onmouseover="window.__xss=2">标题</b>', date: '2023-03-01', home: null } },
      { label: 'Person', props: { id: `${HOSTILE_NAME}@?`, name: HOSTILE_NAME, region: null, resolution: 'name-only' } },
    ],
    relationships: [
      {
        type: 'MENTIONS',
        from: { label: 'Article', id: article },
        to: { label: 'Person', id: `${HOSTILE_NAME}@?` },
        props: { article, sentence: '<script>window.__xss=3</script>出席会议。', mention: '<script>window.__xss=3</script>', date: '2023-03-01', count: 1, titles: [], resolution: 'name-only' },
      },
    ],
  };
}

/** The sample page and the hostile document in a new embedded store (SQLite, or a JSON Lines journal) in a temporary folder. */
export async function sampleEmbedded(kind: 'sqlite' | 'snapshot' = 'sqlite'): Promise<GraphStore> {
  const dir = mkdtempSync(join(tmpdir(), 'guanxi-viewer-'));
  const store = kind === 'sqlite' ? SqliteGraphStore.open(join(dir, 'graph.db')) : SnapshotGraphStore.open(join(dir, 'graph.jsonl'));
  await ingestFiles([DEFAULT_SAMPLE], store);
  await store.write([hostileDocument()]);
  return store;
}

/** The test Neo4j, emptied, with the sample page in it. */
export async function sampleNeo4j(): Promise<Neo4jStore> {
  const store = await Neo4jStore.connect(await testNeo4jUri(), { schema: true });
  await wipeTestDatabase(store.client);
  await ingestFiles([DEFAULT_SAMPLE], store);
  return store;
}
