/**
 * A Neo4j database's whole content as sorted lines and their checksum: every node with its labels and
 * sorted properties, every relationship with its endpoints and properties, each property with its
 * type. Two databases hold the same graph when the checksums are equal. Document.storedAt, the time
 * of storing, is compared by its type only.
 */
import { createHash } from 'node:crypto';
import { cypher } from '../../src/store/cypher-files.js';
import type { Neo4jClient } from '../../src/store/neo4j.js';

/** JSON with keys in order: Neo4j gives properties in an order of its own. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface GraphFacts {
  /** Nodes by label and relationships by type. */
  counts: Record<string, number>;
  lines: string[];
  checksum: string;
}

export async function graphFacts(client: Neo4jClient): Promise<GraphFacts> {
  const counts: Record<string, number> = {};
  const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  const lines: string[] = [];
  for (const row of (await client.query(cypher('test/fact-nodes'))).rows) {
    const labels = (row.labels as string[]).slice().sort();
    const props = { ...(row.props as Record<string, unknown>) };
    if ('storedAt' in props) props.storedAt = '(a time)';
    labels.forEach(count);
    lines.push(`node ${labels.join(':')} ${stable(props)} ${stable((row.types as string[]).slice().sort())}`);
  }
  for (const row of (await client.query(cypher('test/fact-relationships'))).rows) {
    count(String(row.type));
    const end = (labels: unknown, id: unknown) => `${(labels as string[]).slice().sort().join(':')}:${JSON.stringify(id)}`;
    lines.push(
      `relationship ${row.type} ${end(row.fromLabels, row.fromId)} ${end(row.toLabels, row.toId)} ${stable(row.props)} ${stable((row.types as string[]).slice().sort())}`,
    );
  }
  lines.sort();
  const checksum = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))), lines, checksum };
}
