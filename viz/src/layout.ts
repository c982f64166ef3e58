/**
 * Node positions: ForceAtlas2 in a web worker for a time budget, then noverlap so that nodes do not
 * cover one another, then kept in localStorage under the graph's hash, so that a second visit (or a
 * shared link) opens on the same picture at once. The page stays interactive throughout.
 *
 * The workers lay out a copy of the graph, and the picture takes its positions a few times a
 * second. Were they to move the drawn graph, every iteration would wait for a frame to be drawn,
 * and a large graph drawn in software gets a handful of iterations in the whole budget.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import NoverlapLayout from 'graphology-layout-noverlap/worker';
import type { ViewGraph } from './graph-data.js';
import type { ViewSigma } from './renderer.js';

export type LayoutState = 'cached' | 'running' | 'done';

const cacheKey = (hash: string) => `guanxi:layout:${hash}`;

/** Positions in the graph's node order, rounded: 50,000 nodes fit in about 1 MB of localStorage. */
function save(graph: ViewGraph, hash: string): void {
  const xy: number[] = [];
  graph.forEachNode((_k, a) => xy.push(Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100));
  try {
    // One layout is kept: the previous graph's is of no use once the graph changed.
    for (const key of Object.keys(localStorage)) if (key.startsWith('guanxi:layout:')) localStorage.removeItem(key);
    localStorage.setItem(cacheKey(hash), JSON.stringify(xy));
  } catch {
    // Storage full or disabled: the layout is computed again next time.
  }
}

function restore(graph: ViewGraph, hash: string): boolean {
  let xy: unknown;
  try {
    xy = JSON.parse(localStorage.getItem(cacheKey(hash)) ?? 'null');
  } catch {
    return false;
  }
  if (!Array.isArray(xy) || xy.length !== graph.order * 2) return false;
  let i = 0;
  graph.updateEachNodeAttributes((_k, a) => ({ ...a, x: xy[i++] as number, y: xy[i++] as number }));
  return true;
}

/** A deterministic start: nodes on a disc (golden-angle spiral), so the first frame is not a heap at 0,0. */
function seed(graph: ViewGraph): void {
  let i = 0;
  const n = graph.order;
  graph.updateEachNodeAttributes((_k, a) => {
    const r = Math.sqrt((i + 0.5) / n) * Math.sqrt(n) * 10;
    const t = i++ * 2.399963;
    return { ...a, x: r * Math.cos(t), y: r * Math.sin(t) };
  });
}

/** How often the drawn graph takes the workers' positions: smoothly when a frame is cheap. */
const syncEveryMs = (order: number) => (order > 5000 ? 1000 : order > 1000 ? 250 : 50);

/** How long ForceAtlas2 runs: enough to settle a few thousand nodes, bounded for 50,000. */
const fa2BudgetMs = (order: number) => Math.min(2500 + order * 0.2, 12000);
/** noverlap stops when no node overlaps another, which a dense large graph may never reach. */
const noverlapBudgetMs = (order: number) => Math.min(1000 + order * 0.05, 4000);

export interface LayoutRun {
  state: LayoutState;
  /** Resolves when the positions are final (at once when they came from the cache). */
  done: Promise<void>;
  stop(): void;
}

/** Positions the graph: from the cache when this graph was laid out before, else by the workers. */
export function startLayout(graph: ViewGraph, hash: string, sigma: () => ViewSigma | null): LayoutRun {
  if (graph.order === 0 || restore(graph, hash)) return { state: 'cached', done: Promise.resolve(), stop() {} };
  seed(graph);
  const work = graph.copy();
  const sync = () => graph.updateEachNodeAttributes((key, a) => ({ ...a, x: work.getNodeAttribute(key, 'x'), y: work.getNodeAttribute(key, 'y') }));
  const syncing = window.setInterval(sync, syncEveryMs(graph.order));
  const fa2 = new FA2Layout(work, {
    settings: { ...forceAtlas2.inferSettings(work), barnesHutOptimize: graph.order > 1000, adjustSizes: false },
  });
  let noverlap: NoverlapLayout | null = null;
  let timer = 0;
  const run: LayoutRun = {
    state: 'running',
    done: new Promise<void>((resolve) => {
      const finish = () => {
        if (run.state === 'done') return;
        window.clearTimeout(timer);
        window.clearInterval(syncing);
        noverlap?.kill();
        sync();
        save(graph, hash);
        run.state = 'done';
        resolve();
      };
      timer = window.setTimeout(() => {
        fa2.kill();
        const renderer = sigma();
        if (!renderer) return finish();
        // noverlap compares positions with sizes, and sizes are pixels: run it in viewport space
        // (at the default camera, so panning meanwhile changes nothing), the space of the drawn graph.
        sync();
        renderer.refresh();
        const camera = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
        noverlap = new NoverlapLayout(work, {
          settings: { margin: 2, ratio: 1.1 },
          inputReducer: (key, attrs) => ({ ...renderer.graphToViewport(attrs as { x: number; y: number }, { cameraState: camera }), size: renderer.getNodeDisplayData(key)?.size ?? 1 }),
          outputReducer: (_key, pos) => renderer.viewportToGraph(pos as { x: number; y: number }, { cameraState: camera }),
          onConverged: finish,
        });
        noverlap.start();
        timer = window.setTimeout(finish, noverlapBudgetMs(graph.order));
      }, fa2BudgetMs(graph.order));
    }),
    stop() {
      window.clearTimeout(timer);
      window.clearInterval(syncing);
      fa2.kill();
      noverlap?.kill();
    },
  };
  fa2.start();
  return run;
}
