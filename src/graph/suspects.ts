/**
 * Persons that entity resolution may well have got wrong, for `guanxi persons --suspect`: each with a
 * reason and the identities-file directive that would correct it (docs/identities.md).
 *
 * - merge: one name on several nodes whose posts never conflict (a leader read in many regions);
 * - split: one node holding posts in two places on the same day, neither place within the other;
 * - not-a-person: a node mentioned once, with no title, post or byline (a word read as a name).
 *
 * Posts are placed by the division their organization lies in (LOCATED_IN); a post whose
 * organization no division places conflicts with nothing. What the identities file already decided
 * is not suspected again: nodes it split apart are not offered for merging, nor its persons for
 * rejection.
 */
import type { GuanxiGraph } from './assemble.js';

export type SuspectKind = 'merge' | 'split' | 'not-a-person';

export interface Suspect {
  kind: SuspectKind;
  /** The person ids concerned, the one to keep first. */
  persons: string[];
  reason: string;
  /** The line that would correct it in an identities file. */
  directive: string;
}

interface Post {
  title: string;
  organization: string;
  date: string | null;
  /** The Place key of the division the organization lies in, or null. */
  place: string | null;
}

const idOf = (key: string) => key.slice(key.indexOf(':') + 1);

export function suspectPersons(g: GuanxiGraph): Suspect[] {
  const placeOf = (org: string): string | null => {
    let found: string | null = null;
    g.forEachOutEdge(org, (_k, a, _s, target) => {
      if (a.rel === 'LOCATED_IN' && !found) found = target;
    });
    return found;
  };
  const ancestors = new Map<string, Set<string>>();
  const above = (place: string): Set<string> => {
    let up = ancestors.get(place);
    if (up) return up;
    up = new Set<string>();
    ancestors.set(place, up);
    const queue = [place];
    while (queue.length) {
      g.forEachOutEdge(queue.pop()!, (_k, a, _s, target) => {
        if (a.rel === 'PART_OF' && !up!.has(target)) {
          up!.add(target);
          queue.push(target);
        }
      });
    }
    return up;
  };
  /** Two posts on the same day in places neither of which contains the other. */
  const clash = (a: Post, b: Post) =>
    a.date !== null && a.date === b.date && a.place !== null && b.place !== null && a.place !== b.place && !above(a.place).has(b.place) && !above(b.place).has(a.place);
  const placeName = (p: Post) => (p.place ? idOf(p.place) : '?');
  const postText = (p: Post) => `${p.title} of ${p.organization} (${placeName(p)})`;

  const persons: { key: string; id: string; name: string; posts: Post[]; mentions: number; articles: Set<string>; titled: boolean; wrote: boolean; corrected: boolean; sentence: string }[] = [];
  /** `a|b` for the ids a split directive set apart. */
  const apart = new Set<string>();
  g.forEachNode((key, a) => {
    if (a.kind !== 'Person') return;
    for (const d of a.evidence ?? []) {
      const words = d.split(' ');
      if (words[0] === 'split') apart.add(`${words[1]}|${words.at(-1)}`).add(`${words.at(-1)}|${words[1]}`);
    }
    const p = { key, id: a.id, name: a.name, posts: [] as Post[], mentions: 0, articles: new Set<string>(), titled: false, wrote: false, corrected: a.resolution === 'identities-file', sentence: '' };
    g.forEachOutEdge(key, (_k, e, _s, target) => {
      if (e.rel === 'HOLDS') {
        p.posts.push({ title: e.title, organization: idOf(target), date: e.date, place: placeOf(target) });
        p.articles.add(e.article);
      } else if (e.rel === 'WROTE') p.wrote = true;
    });
    g.forEachInEdge(key, (_k, e) => {
      if (e.rel !== 'MENTIONS') return;
      p.mentions += e.count;
      p.articles.add(e.article);
      p.titled ||= e.titles.length > 0;
      p.sentence ||= e.sentence;
    });
    persons.push(p);
  });

  const out: Suspect[] = [];
  const firstClash = (a: Post[], b: Post[]) => {
    for (const x of a) for (const y of b) if (clash(x, y)) return [x, y] as const;
    return null;
  };

  // One name, several nodes: those whose posts never clash with the best-attested one's.
  const byName = new Map<string, typeof persons>();
  for (const p of persons) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  for (const [name, nodes] of byName) {
    if (nodes.length < 2) continue;
    nodes.sort((a, b) => b.articles.size - a.articles.size || b.posts.length - a.posts.length || a.id.localeCompare(b.id));
    const [best, ...rest] = nodes;
    const fits = rest.filter((n) => !apart.has(`${best.id}|${n.id}`) && !firstClash(best.posts, n.posts));
    if (!fits.length) continue;
    const group = [best, ...fits];
    const titles = group.map((n) => new Set(n.posts.map((p) => p.title)));
    const shared = [...titles[0]].filter((t) => titles.every((s) => s.has(t)));
    const withPosts = group.filter((n) => n.posts.length).length;
    const why = shared.length ? `all hold ${shared.join(', ')}` : withPosts <= 1 ? `${withPosts ? 'only one holds a post' : 'none holds a post'}` : 'their posts never clash';
    out.push({ kind: 'merge', persons: group.map((n) => n.id), reason: `${name} is ${group.length} persons, ${why}`, directive: `merge ${group.map((n) => n.id).join(' ')}` });
  }

  for (const p of persons) {
    for (let i = 0; i < p.posts.length; i++) {
      const other = p.posts.slice(i + 1).find((q) => clash(p.posts[i], q));
      if (!other) continue;
      const first = p.posts[i];
      out.push({
        kind: 'split',
        persons: [p.id],
        reason: `on ${first.date}: ${postText(first)} and ${postText(other)}`,
        directive: `split ${p.id} org=${other.organization} as ${p.name}@${placeName(other)}`,
      });
      break;
    }
    if (p.mentions === 1 && !p.posts.length && !p.titled && !p.wrote && !p.corrected) {
      out.push({ kind: 'not-a-person', persons: [p.id], reason: `one mention, no title: ${p.sentence}`, directive: `not-a-person ${p.id}` });
    }
  }
  const order: Record<SuspectKind, number> = { merge: 0, split: 1, 'not-a-person': 2 };
  return out.sort((a, b) => order[a.kind] - order[b.kind] || a.persons[0].localeCompare(b.persons[0], 'zh'));
}
