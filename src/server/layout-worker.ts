/** Runs layoutGraph (layout.ts) in a worker thread, so that the server answers other requests meanwhile. */
import { parentPort, workerData } from 'node:worker_threads';
import { layoutGraph, type LayoutInput } from './layout.js';

export interface LayoutJob {
  input: LayoutInput;
  start?: number[];
  pinned?: [number, number, number][];
}

const job = workerData as LayoutJob;
const pinned = new Map((job.pinned ?? []).map(([i, x, y]) => [i, [x, y] as const]));
parentPort!.postMessage(layoutGraph(job.input, { start: job.start, pinned }));
