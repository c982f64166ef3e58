/**
 * A set of words looked up by position: the longest word that starts at text[i]. A trie over
 * character codes (code-trie.ts), so a look-up walks only as far as the text still matches some
 * word (most positions stop after one step) and never builds a substring.
 */
import { CodeTrie } from './code-trie.js';

export class WordIndex<V = true> {
  private readonly trie = new CodeTrie();
  /** Each node's value, undefined where no word ends. */
  private readonly values: (V | undefined)[] = [];
  private readonly added: [string, V][] = [];

  /** A set of words (no values). */
  static of(words: Iterable<string>): WordIndex {
    const index = new WordIndex();
    for (const w of words) index.add(w, true);
    return index;
  }

  /** Adds a word; the first value given for a word stays. */
  add(word: string, value: V): void {
    if (!word) return;
    const node = this.trie.insert(word);
    while (this.values.length < this.trie.size) this.values.push(undefined);
    if (this.values[node] !== undefined) return;
    this.values[node] = value;
    this.added.push([word, value]);
  }

  /** The words and their values, in the order they were first added. */
  entries(): readonly (readonly [string, V])[] {
    return this.added;
  }

  get(word: string): V | undefined {
    return this.valueAt(word, 0, word.length);
  }

  /** The value of the word text[i, i + length), undefined when that is no word. */
  valueAt(text: string, i: number, length: number): V | undefined {
    const node = this.trie.nodeAt(text, i, length);
    return node === 0 ? undefined : this.values[node];
  }

  /** Whether a word of two to `longest` characters ends at `end` (a word the text ran through up to there). */
  endingAt(text: string, end: number, longest: number): boolean {
    for (let length = 2; length <= longest && length <= end; length++) if (this.valueAt(text, end - length, length) !== undefined) return true;
    return false;
  }

  /**
   * Where a span cut to start at `at` should start so as not to split a word: past the end of a word
   * starting one to three characters before `at` and running into it (代表|团… → after 团), while that
   * end stays before `before`; else `at`.
   */
  pastWordAcross(text: string, at: number, before: number): number {
    for (let back = 1; back <= 3 && back <= at; back++) {
      const length = this.longestAt(text, at - back);
      if (length > back && at - back + length < before) return at - back + length;
    }
    return at;
  }

  /** Length of the longest word starting at i (0 when none). */
  longestAt(text: string, i: number): number {
    let node = this.trie.first(text.charCodeAt(i));
    if (node === 0) return 0;
    let best = this.values[node] !== undefined ? 1 : 0;
    for (let j = i + 1; j < text.length; j++) {
      node = this.trie.child(node, text.charCodeAt(j));
      if (node === 0) break;
      if (this.values[node] !== undefined) best = j - i + 1;
    }
    return best;
  }
}
