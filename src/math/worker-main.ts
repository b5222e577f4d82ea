/**
 * The kernel worker: receives `{ id, op, args, chunks }`, runs the op on each chunk over shared
 * memory, answers `{ id }` (or `{ id, error }`).
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { assignRange, accumulateChunk, kppScoreChunk, CHUNK_ROWS } from '../cluster/kmeans-kernels.js';

type Args = Record<string, any>;
const OPS: Record<string, (a: Args, chunk: number) => void> = {
  assign: (a, c) => assignRange(a.x, a.d, a.k, a.centers, a.half, a.labels, a.upper, a.lower, a.plain, c * CHUNK_ROWS, Math.min(a.n, (c + 1) * CHUNK_ROWS)),
  accumulate: (a, c) => accumulateChunk(a.x, a.d, a.k, a.labels, a.w, c, a.n, a.out),
  kppScore: (a, c) => kppScoreChunk(a.x, a.d, a.k, a.n, a.closest, a.nearest, a.ids, a.gap, a.nTrials, a.w, a.cand, a.pots, c),
};

parentPort!.on('message', (m: { id: number; op: string; args: Args; chunks: number[] }) => {
  try {
    const f = OPS[m.op];
    for (const c of m.chunks) f(m.args, c);
    parentPort!.postMessage({ id: m.id });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
