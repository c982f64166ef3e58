/** A graph as sorted lines of text, to compare two stores' graphs exactly. */
import type { GraphStore } from '../../src/store/store.js';

/** JSON with keys in order: Neo4j gives properties in an order of its own. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The whole graph as sorted lines: two stores hold the same graph when these are equal. */
export async function dump(store: GraphStore): Promise<{ nodes: string[]; edges: string[] }> {
  const g = await store.graph();
  return {
    nodes: g.mapNodes((key, a) => `${key} ${stable(a)}`).sort(),
    edges: g.mapEdges((key, a, s, t) => `${key} ${s} ${t} ${stable(a)}`).sort(),
  };
}
