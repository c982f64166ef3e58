/**
 * Several word lists in one trie, so that one walk from a position finds the longest word of each
 * list that starts there: the tagger's marks ask six lists at every character, and six walks cost
 * six times the cache misses of one.
 */
import { CodeTrie } from './code-trie.js';
import type { WordIndex } from './word-index.js';

export class WordSets {
  private readonly trie = new CodeTrie();
  /** Per node: bit b is set when list b has a word ending there. */
  private readonly ends: Int32Array;

  /** The lists, by number: list b is lists[b] (at most 31; words shorter than 256 characters). */
  constructor(readonly lists: readonly WordIndex<unknown>[]) {
    if (lists.length > 31) throw new Error('WordSets: at most 31 lists');
    const ends: number[] = [];
    lists.forEach((list, b) => {
      for (const [word] of list.entries()) {
        if (word.length > 255) throw new Error(`WordSets: a word of ${word.length} characters`);
        const node = this.trie.insert(word);
        while (ends.length < this.trie.size) ends.push(0);
        ends[node] |= 1 << b;
      }
    });
    this.ends = Int32Array.from(ends);
  }

  /**
   * Writes the length of each list's longest word starting at text[i] to out[at + b] (0 when
   * none): what lists[b].longestAt(text, i) gives, for every b in one walk.
   */
  longestAt(text: string, i: number, out: Uint8Array, at: number): void {
    out.fill(0, at, at + this.lists.length);
    this.walk(text, i, out, at);
  }

  /**
   * longestAt at every position of the text: out[i * lists.length + b] for each i and b, with
   * the whole of `out` (text.length * lists.length entries) cleared at once.
   */
  longestEach(text: string, out: Uint8Array): void {
    const lists = this.lists.length;
    out.fill(0, 0, text.length * lists);
    for (let i = 0; i < text.length; i++) this.walk(text, i, out, i * lists);
  }

  /** longestAt on an `out` already cleared: writes only the lengths of the words found. */
  private walk(text: string, i: number, out: Uint8Array, at: number): void {
    let node = this.trie.first(text.charCodeAt(i));
    for (let j = i + 1; node !== 0; j++) {
      // One step per list that ends a word here (most nodes end none or one).
      for (let ends = this.ends[node]; ends !== 0; ends &= ends - 1) out[at + 31 - Math.clz32(ends & -ends)] = j - i;
      if (j >= text.length) break;
      node = this.trie.child(node, text.charCodeAt(j));
    }
  }
}
