/** How a node is named to a reader: its label in the viewer, and what tells namesakes apart in a suggestion. */
import type { NodeAttributes } from './assemble.js';

/** An article's headline (else its id); any other node's name. */
export function nodeLabel(a: NodeAttributes): string {
  return a.kind === 'Article' ? (a.headline ?? a.id) : a.name;
}

/** A person's region, an event's or article's date; nothing for the rest. */
export function nodeDetail(a: NodeAttributes): string | null {
  return a.kind === 'Person' ? a.region : a.kind === 'Event' || a.kind === 'Article' ? a.date : null;
}
