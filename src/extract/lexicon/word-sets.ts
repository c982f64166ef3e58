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
  private readonly ends: number[] = [];

  /** The lists, by number: list b is lists[b] (at most 31; words shorter than 256 characters). */
  constructor(readonly lists: readonly WordIndex<unknown>[]) {
    if (lists.length > 31) throw new Error('WordSets: at most 31 lists');
    lists.forEach((list, b) => {
      for (const [word] of list.entries()) {
        if (word.length > 255) throw new Error(`WordSets: a word of ${word.length} characters`);
        const node = this.trie.insert(word);
        while (this.ends.length < this.trie.size) this.ends.push(0);
        this.ends[node] |= 1 << b;
      }
    });
  }

  /**
   * Writes the length of each list's longest word starting at text[i] to out[at + b] (0 when
   * none): what lists[b].longestAt(text, i) gives, for every b in one walk.
   */
  longestAt(text: string, i: number, out: Uint8Array, at: number): void {
    for (let b = 0; b < this.lists.length; b++) out[at + b] = 0;
    let node = this.trie.first(text.charCodeAt(i));
    for (let j = i + 1; node !== 0; j++) {
      for (let ends = this.ends[node], b = 0; ends !== 0; ends >>>= 1, b++) if (ends & 1) out[at + b] = j - i;
      if (j >= text.length) break;
      node = this.trie.child(node, text.charCodeAt(j));
    }
  }
}
