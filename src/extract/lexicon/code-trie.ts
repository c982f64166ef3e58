/**
 * The shape of a trie over UTF-16 codes, in typed arrays rather than objects and Maps: the tagger's
 * marks walk tries at every character, and a Map read a step cost more than the rest of the walk.
 * A node is a number (0 is the root, never a child); the root's children are found by a direct read
 * of the character code, deeper edges in one open-addressing table of (parent, code) → child. What
 * a node means (a word's value, the lists it ends a word of) is kept by the user, by node number.
 */
const FREE = -1;

export class CodeTrie {
  /** The root's child for each UTF-16 unit, 0 when no word begins with it. */
  private readonly firstNode = new Int32Array(65536);
  private nodes = 1;
  // The edge table below the root: slot → parent, code, child; a free slot's parent is FREE.
  private edgeParent = new Int32Array(1024).fill(FREE);
  private edgeCode = new Uint16Array(1024);
  private edgeChild = new Int32Array(1024);
  private edges = 0;

  /** Nodes so far, the root included: node numbers are below this. */
  get size(): number {
    return this.nodes;
  }

  /** The node of `word` (not empty), made with the nodes on its way if new. */
  insert(word: string): number {
    const first = word.charCodeAt(0);
    let node = this.firstNode[first];
    if (node === 0) node = this.firstNode[first] = this.nodes++;
    for (let i = 1; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = this.child(node, code);
      if (child === 0) {
        child = this.nodes++;
        this.addEdge(node, code, child);
      }
      node = child;
    }
    return node;
  }

  /** The node of the one-character word `code`, 0 when no word begins so (also for NaN: out of the text). */
  first(code: number): number {
    return this.firstNode[code] | 0;
  }

  /** The child of `parent` by `code`, 0 when none. */
  child(parent: number, code: number): number {
    const mask = this.edgeParent.length - 1;
    for (let s = slotOf(parent, code) & mask; ; s = (s + 1) & mask) {
      const p = this.edgeParent[s];
      if (p === FREE) return 0;
      if (p === parent && this.edgeCode[s] === code) return this.edgeChild[s];
    }
  }

  /** The node of text[i, i + length), 0 when no word begins so. */
  nodeAt(text: string, i: number, length: number): number {
    if (length <= 0) return 0;
    let node = this.first(text.charCodeAt(i));
    for (let j = i + 1; j < i + length && node !== 0; j++) node = this.child(node, text.charCodeAt(j));
    return node;
  }

  private addEdge(parent: number, code: number, child: number): void {
    // Kept at most half full, so that a probe ends soon.
    if (2 * (this.edges + 1) > this.edgeParent.length) this.grow();
    const mask = this.edgeParent.length - 1;
    let s = slotOf(parent, code) & mask;
    while (this.edgeParent[s] !== FREE) s = (s + 1) & mask;
    this.edgeParent[s] = parent;
    this.edgeCode[s] = code;
    this.edgeChild[s] = child;
    this.edges++;
  }

  private grow(): void {
    const [parents, codes, children] = [this.edgeParent, this.edgeCode, this.edgeChild];
    this.edgeParent = new Int32Array(parents.length * 2).fill(FREE);
    this.edgeCode = new Uint16Array(parents.length * 2);
    this.edgeChild = new Int32Array(parents.length * 2);
    this.edges = 0;
    for (let s = 0; s < parents.length; s++) if (parents[s] !== FREE) this.addEdge(parents[s], codes[s], children[s]);
  }
}

function slotOf(parent: number, code: number): number {
  return Math.imul(parent, 0x9e3779b1) ^ Math.imul(code, 0x85ebca77);
}
