/**
 * The K-Modes restart worker: receives `{ id, op: 'restart', args, chunks }` (chunks = restart numbers),
 * runs each restart over shared memory and answers `{ id }` (or `{ id, error }`), like the kernel workers.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { restartTask, type RestartArgs } from './kmodes-restarts.js';

parentPort!.on('message', (m: { id: number; op: string; args: RestartArgs; chunks: number[] }) => {
  try {
    for (const r of m.chunks) restartTask(m.args, r);
    parentPort!.postMessage({ id: m.id });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
