/**
 * Runs the chunked k-means kernels either in the main thread or on the worker pool. Both paths run
 * the same kernels on the same fixed chunks and reduce in chunk order, so they give identical results.
 * @module
 */
import { getPool, type WorkerPool } from '../math/pool.js';
import { KERNEL_OPS, chunkCount } from './kmeans-kernels.js';

/** The kernel worker's entry module. */
const WORKER = new URL('./kernel-worker-boot.mjs', import.meta.url);

/** Work below this many multiply-adds per pass stays in the main thread (messages would cost more). */
const PARALLEL_MIN_WORK = 2_000_000;

export interface KernelRunner {
  readonly parallel: boolean;
  run(op: 'assign' | 'accumulate' | 'assignAccumulate' | 'kppScore', args: Record<string, unknown>, n: number): Promise<void>;
}

/** A runner for data of n rows × d features and k clusters; `x` must be shared memory to go parallel. */
export function createRunner(x: Float64Array, n: number, d: number, k: number): KernelRunner {
  const pool: WorkerPool | null = n * d * k >= PARALLEL_MIN_WORK && x.buffer instanceof SharedArrayBuffer ? getPool(WORKER) : null;
  if (pool) return { parallel: true, run: (op, args, rows) => pool.run(op, args, chunkCount(rows)) };
  return {
    parallel: false,
    async run(op, args, rows) {
      const f = KERNEL_OPS[op];
      for (let c = 0, m = chunkCount(rows); c < m; c++) f(args, c);
    },
  };
}
