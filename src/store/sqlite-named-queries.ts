/**
 * The named queries on the embedded store: each loads only the neighbourhood its answer lies in
 * (the nodes it starts from, found by index, and what is around them), then the in-memory form of
 * the query (src/graph/queries.ts) answers from that small graph. So the answer is the same as on
 * the whole graph, and as the Cypher file's on Neo4j, without loading a decade.
 */
import { runNamedQuery, type QueryResult } from '../graph/queries.js';
import type { RelationshipType } from '../graph/model.js';
import type { Neighbourhood, SqliteReads } from './sqlite-reads.js';

type Params = Record<string, string | null>;

interface Plan extends Neighbourhood {
  /** The nodes the query starts from: every node its in-memory form would start from. */
  seeds(reads: SqliteReads, p: Params): number[];
}

const PARTS: RelationshipType[] = ['PART_OF'];

// Each names the relationships its in-memory form follows from the nodes it starts from, no more.
const PLANS: Record<string, Plan> = {
  'events-of-person': { seeds: (r, p) => r.named('Person', p.name ?? ''), edges: { out: ['PARTICIPATED_IN'] }, eventParticipants: true },
  'titles-of-person': { seeds: (r, p) => r.named('Person', p.name ?? ''), edges: { out: ['HOLDS'], in: ['MENTIONS'] } },
  'co-participation': { seeds: (r, p) => r.named('Person', p.a ?? ''), edges: { out: ['PARTICIPATED_IN'] }, eventParticipants: true },
  'participants-of-event': { seeds: (r, p) => r.eventsNaming(p.event ?? ''), edges: { in: ['PARTICIPATED_IN'] } },
  'officials-of-organization': { seeds: (r, p) => r.named('Organization', p.org ?? ''), below: PARTS, edges: { in: ['HOLDS'] } },
  'career-of-person': { seeds: (r, p) => r.named('Person', p.name ?? ''), edges: { out: ['HOLDS'] } },
  'holders-of-post': { seeds: (r, p) => r.named('Organization', p.org ?? ''), edges: { in: ['HOLDS'] } },
  'colleagues-of-person': { seeds: (r, p) => r.named('Person', p.name ?? ''), edges: { out: ['HOLDS'] }, organizationHolders: true },
  'events-at-place': {
    seeds: (r, p) => r.named('Place', p.place ?? ''),
    below: ['PART_OF', 'LOCATED_IN'],
    edges: { in: ['HELD_AT'] },
    eventParticipants: true,
  },
};

/** Answers a named query from the store; `params` are already bound (bindParams). */
export function sqliteNamedQuery(reads: SqliteReads, name: string, params: Params): QueryResult {
  const plan = PLANS[name];
  if (!plan) throw new Error(`the named query "${name}" has no embedded form; run it against Neo4j (--neo4j URI)`);
  return runNamedQuery(reads.neighbourhood(plan.seeds(reads, params), plan), name, params);
}
