/**
 * How much a second thread buys on this machine, for three kinds of work: arithmetic on registers,
 * random reads and writes over a table far larger than a core's cache, and short-lived objects (the
 * garbage collector's work). Extraction's speed-up with two workers (bench:archive) is read against
 * these: on a virtual machine whose two cores share a memory path, the second worker cannot gain
 * more than memory-bound work gains.
 *
 *   npm run bench:cores        (or node dist/bench/core-scaling.js [--json])
 *
 * Each kernel runs in one worker thread, then in two at once doing the same work each; the
 * speed-up is 2 × (one's time) / (both's time), best of three runs.
 */
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export const KERNELS = ['compute', 'memory', 'allocation'] as const;
export type Kernel = (typeof KERNELS)[number];

export interface KernelScaling {
  kernel: Kernel;
  /** Best wall time of one thread alone, in ms. */
  oneMs: number;
  /** Best wall time of two threads at once, each doing what the one did, in ms. */
  twoMs: number;
  /** 2 × oneMs / twoMs: 2.0 when the second thread costs the first nothing. */
  speedup: number;
}

/** Independent integer operations: eight chains, so the core's units, not latency, bound it. */
function compute(): number {
  let a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
  for (let r = 0; r < 200_000_000; r++) {
    a = (a + r) | 0; b = (b ^ r) | 0; c = (c + (r << 1)) | 0; d = (d ^ (r >> 1)) | 0;
    e = (e + 3) | 0; f = (f ^ a) | 0; g = (g + b) | 0; h = (h ^ c) | 0;
  }
  return a + b + c + d + e + f + g + h;
}

/** Random read-modify-writes over 64 MiB, sixteen times a core's second-level cache. */
function memory(): number {
  const size = 1 << 24;
  const table = new Int32Array(size);
  let x = 1;
  for (let r = 0; r < 30_000_000; r++) {
    x = (Math.imul(x, 1103515245) + 12345) & (size - 1);
    table[x] += r;
  }
  return table[7];
}

/** Small objects and strings that live briefly, as an extraction's per-article work makes them. */
function allocation(): number {
  let kept: { at: number; text: string; pair: number[] }[] = [];
  let sum = 0;
  for (let r = 0; r < 3_000_000; r++) {
    const item = { at: r, text: 'x' + (r % 1000), pair: [r, r + 1] };
    kept.push(item);
    if (kept.length > 200_000) kept = [];
    sum += item.pair.length + item.text.length;
  }
  return sum;
}

const RUN: Record<Kernel, () => number> = { compute, memory, allocation };

/** Wall time of `threads` workers running the kernel at once, in ms, from the first start to the last end. */
function timeThreads(kernel: Kernel, threads: number): Promise<number> {
  const file = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: threads }, () => new Worker(file, { workerData: { kernel } }));
    let ready = 0;
    let done = 0;
    let started = 0;
    for (const worker of workers) {
      worker.once('error', reject);
      worker.on('message', (message: 'ready' | 'done') => {
        if (message === 'ready' && ++ready === threads) {
          // Started together once every thread is up, so that start-up is not timed.
          started = performance.now();
          for (const w of workers) w.postMessage('go');
        } else if (message === 'done' && ++done === threads) {
          resolve(performance.now() - started);
          for (const w of workers) void w.terminate();
        }
      });
    }
  });
}

/** Each kernel's scaling, best of `runs` runs. */
export async function measureCoreScaling(runs = 3): Promise<KernelScaling[]> {
  const results: KernelScaling[] = [];
  for (const kernel of KERNELS) {
    let oneMs = Infinity;
    let twoMs = Infinity;
    // A first round untimed: a virtual core's first burst may run at another clock (one was 9× slower).
    await timeThreads(kernel, 2);
    for (let i = 0; i < runs; i++) {
      oneMs = Math.min(oneMs, await timeThreads(kernel, 1));
      twoMs = Math.min(twoMs, await timeThreads(kernel, 2));
    }
    results.push({ kernel, oneMs, twoMs, speedup: (2 * oneMs) / twoMs });
  }
  return results;
}

/** "compute 2.00×, memory 1.10×, allocation 1.25×" */
export const scalingLine = (results: readonly KernelScaling[]): string => results.map((r) => `${r.kernel} ${r.speedup.toFixed(2)}×`).join(', ');

if (!isMainThread) {
  const { kernel } = workerData as { kernel: Kernel };
  parentPort!.once('message', () => {
    RUN[kernel]();
    parentPort!.postMessage('done');
  });
  parentPort!.postMessage('ready');
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await measureCoreScaling();
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else {
    process.stdout.write('| work | 1 thread ms | 2 threads ms | speed-up of 2 |\n| --- | ---: | ---: | ---: |\n');
    for (const r of results) process.stdout.write(`| ${r.kernel} | ${r.oneMs.toFixed(0)} | ${r.twoMs.toFixed(0)} | ${r.speedup.toFixed(2)}× |\n`);
  }
}
