/** A worker thread of the extraction pool (parallel.ts): extracts each task it is sent. */
import { parentPort } from 'node:worker_threads';
import { runTask } from './extraction-task.js';
import type { TaskReply, TaskRequest } from './parallel.js';

parentPort!.on('message', ({ id, task }: TaskRequest) => {
  let reply: TaskReply;
  try {
    reply = { id, result: runTask(task) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
