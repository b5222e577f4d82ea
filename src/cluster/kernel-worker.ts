/**
 * The kernel worker: receives `{ id, op, args, chunks }`, runs the op on each chunk over shared
 * memory, answers `{ id }` (or `{ id, error }`).
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { KERNEL_OPS } from './kmeans-kernels.js';

type Args = Record<string, any>;

parentPort!.on('message', (m: { id: number; op: string; args: Args; chunks: number[] }) => {
  try {
    const f = KERNEL_OPS[m.op];
    for (const c of m.chunks) f(m.args, c);
    parentPort!.postMessage({ id: m.id });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
