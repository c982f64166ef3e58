/**
 * A person's career for the viewer's timeline (GET /api/career): the posts and changes of
 * src/graph/careers.ts, and the events the person took part in, from a graph that holds the person's
 * HOLDS and PARTICIPATED_IN relationships.
 */
import type { GuanxiGraph } from '../graph/assemble.js';
import { careerOf, holdingsOf } from '../graph/careers.js';
import type { CareerPayload } from './protocol.js';

export function careerPayload(graph: GuanxiGraph, key: string): CareerPayload | null {
  if (!graph.hasNode(key)) return null;
  const person = graph.getNodeAttributes(key);
  if (person.kind !== 'Person') return null;
  const meetings: CareerPayload['meetings'] = [];
  graph.forEachOutEdge(key, (_k, a, _s, target) => {
    if (a.rel !== 'PARTICIPATED_IN') return;
    const event = graph.getNodeAttributes(target);
    if (event.kind !== 'Event') return;
    meetings.push({ key: target, name: event.name, date: a.date ?? event.date, roles: a.roles, article: a.article, evidence: a.sentence });
  });
  meetings.sort((x, y) => (x.date ?? '\uffff').localeCompare(y.date ?? '\uffff') || x.name.localeCompare(y.name));
  return { key, name: person.name, resolution: person.resolution, ...careerOf(holdingsOf(graph, key)), meetings };
}
