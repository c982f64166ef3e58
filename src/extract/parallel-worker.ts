/** A worker thread of the extraction pool (parallel.ts): runs the pipeline on each batch of units it is sent. */
import { parentPort } from 'node:worker_threads';
import type { BatchReply, BatchRequest } from './parallel.js';
import { extractPieceRun, extractUnit } from './pipeline.js';

parentPort!.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = 'run' in request
      ? { id: request.id, articles: extractPieceRun(request.run).articles }
      : { id: request.id, results: request.units.map((unit) => extractUnit(request.document, unit, request.options)) };
  } catch (e) {
    reply = { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
