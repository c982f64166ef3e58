/**
 * A set of phrases looked up by position: which of them start at text[i], longest first. One pass over
 * a text finds every phrase, where a loop of indexOf per phrase would scan the text once per phrase.
 */
export class PhraseSet {
  private readonly byFirst = new Map<string, string[]>();

  constructor(phrases: Iterable<string>) {
    for (const p of phrases) {
      if (!p) continue;
      const list = this.byFirst.get(p[0]) ?? [];
      if (!list.includes(p)) list.push(p);
      this.byFirst.set(p[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The longest phrase that starts at i, or null. */
  longestAt(text: string, i: number): string | null {
    const list = this.byFirst.get(text[i]);
    if (!list) return null;
    for (const p of list) if (text.startsWith(p, i)) return p;
    return null;
  }

  /** Every occurrence, scanning left to right; overlapping occurrences are all reported. */
  findAll(text: string): { start: number; end: number; phrase: string }[] {
    const out: { start: number; end: number; phrase: string }[] = [];
    for (let i = 0; i < text.length; i++) {
      const list = this.byFirst.get(text[i]);
      if (!list) continue;
      for (const p of list) if (text.startsWith(p, i)) out.push({ start: i, end: i + p.length, phrase: p });
    }
    return out;
  }
}

/** Start positions of `word` in `text`; with `overlapping`, a match may start inside the previous one. */
export function occurrences(text: string, word: string, overlapping = false): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + (overlapping ? 1 : word.length))) out.push(at);
  return out;
}
