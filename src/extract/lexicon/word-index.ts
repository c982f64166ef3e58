/**
 * A set of words looked up by position: the longest word that starts at text[i]. A trie over
 * character codes, so a look-up walks only as far as the text still matches some word (most
 * positions stop after one step) and never builds a substring.
 */
interface TrieNode<V> {
  next: Map<number, TrieNode<V>> | null;
  value: V | undefined;
}

export class WordIndex<V = true> {
  private readonly root: TrieNode<V> = { next: null, value: undefined };
  // Which UTF-16 units begin a word: most positions are turned away by one array read.
  private readonly firsts = new Uint8Array(65536);

  /** A set of words (no values). */
  static of(words: Iterable<string>): WordIndex {
    const index = new WordIndex();
    for (const w of words) index.add(w, true);
    return index;
  }

  /** Adds a word; the first value given for a word stays. */
  add(word: string, value: V): void {
    if (!word) return;
    this.firsts[word.charCodeAt(0)] = 1;
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: null, value: undefined }));
      node = child;
    }
    node.value ??= value;
  }

  get(word: string): V | undefined {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = 0; i < word.length && node; i++) node = node.next?.get(word.charCodeAt(i));
    return node?.value;
  }

  /** Length of the longest word starting at i (0 when none). */
  longestAt(text: string, i: number): number {
    if (this.firsts[text.charCodeAt(i)] === 0) return 0;
    let node = this.root;
    let best = 0;
    for (let j = i; j < text.length; j++) {
      const child = node.next?.get(text.charCodeAt(j));
      if (!child) break;
      node = child;
      if (node.value !== undefined) best = j - i + 1;
    }
    return best;
  }
}
