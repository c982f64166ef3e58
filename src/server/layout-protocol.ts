/** The answers of /api/layout (layout-route.ts), shared with the viewer (viz/src/layout.ts). */

/** Finished positions of the graph of one payload hash, in the payload's node order. */
export interface GraphLayout {
  hash: string;
  /** x0, y0, x1, y1, … */
  xy: number[];
  iterations: number;
  /** How long the server took to compute it (0 when it came from the cache). */
  ms: number;
}

/** POST /api/layout: lay out again, with the nodes the analyst pinned kept where they are. */
export interface LayoutAgainRequest {
  hash: string;
  /** [node index, x, y] for each pinned node. */
  pinned: [number, number, number][];
}
