/**
 * The shape of a trie over UTF-16 codes, in typed arrays rather than objects and Maps: the tagger's
 * marks walk tries at every character, and a Map read a step cost more than the rest of the walk.
 * A node is a number (0 is the root, never a child); the root's children are found by a direct read
 * of the character code, deeper edges in one open-addressing table of (parent, code) → child, the
 * three side by side so that a probe reads one cache line rather than three. What
 * a node means (a word's value, the lists it ends a word of) is kept by the user, by node number.
 */
const FREE = -1;

export class CodeTrie {
  /** The root's child for each UTF-16 unit, 0 when no word begins with it. */
  private readonly firstNode = new Int32Array(65536);
  private nodes = 1;
  // The edge table below the root: slot s is edgeTable[s * EDGE], the parent, then the code and the
  // child at PARENT, CODE, CHILD from there; a free slot's parent is FREE.
  private edgeTable = newEdgeTable(1024);
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
    const table = this.edgeTable;
    const mask = table.length / EDGE - 1;
    for (let s = slotOf(parent, code) & mask; ; s = (s + 1) & mask) {
      const at = s * EDGE;
      const p = table[at + PARENT];
      if (p === FREE) return 0;
      if (p === parent && table[at + CODE] === code) return table[at + CHILD];
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
    const slots = this.edgeTable.length / EDGE;
    if (2 * (this.edges + 1) > slots) this.grow();
    const table = this.edgeTable;
    const mask = table.length / EDGE - 1;
    let s = slotOf(parent, code) & mask;
    while (table[s * EDGE + PARENT] !== FREE) s = (s + 1) & mask;
    table[s * EDGE + PARENT] = parent;
    table[s * EDGE + CODE] = code;
    table[s * EDGE + CHILD] = child;
    this.edges++;
  }

  private grow(): void {
    const old = this.edgeTable;
    this.edgeTable = newEdgeTable((old.length / EDGE) * 2);
    this.edges = 0;
    for (let at = 0; at < old.length; at += EDGE) if (old[at + PARENT] !== FREE) this.addEdge(old[at + PARENT], old[at + CODE], old[at + CHILD]);
  }
}

// An edge's three numbers, side by side in the table.
const EDGE = 3;
const PARENT = 0;
const CODE = 1;
const CHILD = 2;

/** An edge table of `slots` free slots (a power of two). */
function newEdgeTable(slots: number): Int32Array {
  const table = new Int32Array(slots * EDGE);
  for (let at = 0; at < table.length; at += EDGE) table[at + PARENT] = FREE;
  return table;
}

function slotOf(parent: number, code: number): number {
  return Math.imul(parent, 0x9e3779b1) ^ Math.imul(code, 0x85ebca77);
}
