/**
 * Runs the chunked k-means kernels either in the main thread or on the worker pool. Both paths run
 * the same kernels on the same fixed chunks and reduce in chunk order, so they give identical results.
 * @module
 */
import { getPool, type WorkerPool } from '../math/pool.js';
import { assignRange, accumulateChunk, kppScoreChunk, chunkCount, CHUNK_ROWS } from './kmeans-kernels.js';

/** Work below this many multiply-adds per pass stays in the main thread (messages would cost more). */
const PARALLEL_MIN_WORK = 2_000_000;

export interface KernelRunner {
  readonly parallel: boolean;
  run(op: 'assign' | 'accumulate' | 'kppScore', args: Record<string, unknown>, n: number): Promise<void>;
}

const LOCAL: Record<string, (a: any, c: number) => void> = {
  assign: (a, c) => assignRange(a.x, a.d, a.k, a.centers, a.half, a.labels, a.upper, a.lower, a.plain, c * CHUNK_ROWS, Math.min(a.n, (c + 1) * CHUNK_ROWS)),
  accumulate: (a, c) => accumulateChunk(a.x, a.d, a.k, a.labels, a.w, c, a.n, a.out),
  kppScore: (a, c) => kppScoreChunk(a.x, a.d, a.k, a.n, a.closest, a.nearest, a.ids, a.gap, a.nTrials, a.w, a.cand, a.pots, c),
};

/** A runner for data of n rows × d features and k clusters; `x` must be shared memory to go parallel. */
export function createRunner(x: Float64Array, n: number, d: number, k: number): KernelRunner {
  const pool: WorkerPool | null = n * d * k >= PARALLEL_MIN_WORK && x.buffer instanceof SharedArrayBuffer ? getPool() : null;
  if (pool) return { parallel: true, run: (op, args, rows) => pool.run(op, args, chunkCount(rows)) };
  return {
    parallel: false,
    async run(op, args, rows) {
      const f = LOCAL[op];
      for (let c = 0, m = chunkCount(rows); c < m; c++) f(args, c);
    },
  };
}
