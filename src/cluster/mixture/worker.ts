/**
 * The mixture kernel worker: receives `{ id, op, args, chunks }`, runs the op on each chunk over
 * shared memory, answers `{ id }` (or `{ id, error }`), as cluster/kernel-worker.ts does for k-means.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { MIXTURE_OPS } from './ops.js';

parentPort!.on('message', (m: { id: number; op: string; args: Record<string, any>; chunks: number[] }) => {
  try {
    const f = MIXTURE_OPS[m.op];
    for (const c of m.chunks) f(m.args, c);
    parentPort!.postMessage({ id: m.id });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
