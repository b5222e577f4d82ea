/**
 * Chunk runners: every chunk in the calling thread, or spread over the worker pool (math/pool.ts,
 * with the mixture worker entry) when the data lives in shared memory and the work is large enough.
 * @module
 */
import { getPool, sharedF64, type WorkerPool } from '../../math/pool.js';
import { chunkCount, type ChunkRunner } from './chunks.js';
import { MIXTURE_OPS } from './ops.js';

/** Runs every chunk in the calling thread. */
export const mainThreadRunner: ChunkRunner = {
  parallel: false,
  alloc: (length) => new Float64Array(length),
  share: (a) => a,
  async run(op, args, chunks) {
    const f = MIXTURE_OPS[op];
    for (let c = 0; c < chunks; c++) f(args, c);
  },
};

const WORKER = new URL('./worker-boot.mjs', import.meta.url);

/** Below this many multiply-adds per pass (rows · k · d²) the main thread is faster than messages. */
const PARALLEL_MIN_WORK = 4_000_000;

/** The pool runner when `x` is in shared memory and the work is large enough, else the main thread. */
export function createChunkRunner(x: { rows: number; cols: number; data: Float64Array }, k: number, rowWeights?: Float64Array): ChunkRunner {
  const n = x.rows, d = x.cols;
  const shared = x.data.buffer instanceof SharedArrayBuffer && (!rowWeights || rowWeights.buffer instanceof SharedArrayBuffer);
  const pool: WorkerPool | null = shared && n * k * d * d >= PARALLEL_MIN_WORK && chunkCount(n) > 1 ? getPool(WORKER) : null;
  if (!pool) return mainThreadRunner;
  return {
    parallel: true,
    alloc: (length) => sharedF64(length),
    share: (a) => (a.buffer instanceof SharedArrayBuffer ? a : sharedF64(a.length, a)),
    run: (op, args, chunks) => pool.run(op, args as Record<string, unknown>, chunks),
  };
}
