/**
 * Runs the chunked E-step in the main thread or on the worker pool (math/pool.ts). Both paths run
 * the same chunk kernel and add the partial log-likelihoods in chunk order: identical results.
 * @module
 */
import type { Matrix } from '../../math/matrix.js';
import { getPool, sharedF64, type WorkerPool } from '../../math/pool.js';
import type { Factors, MixtureParams } from './covariance.js';
import { chunkCount, eStepArgs, eStepChunk, sumPartials } from './e-step.js';

const WORKER = new URL('./worker-boot.mjs', import.meta.url);

/** E-steps below this many multiply-adds (rows · k · d²) stay in the main thread (messages would cost more). */
const PARALLEL_MIN_WORK = 4_000_000;

/** Runs E-steps for one data matrix; `resp` comes from `allocResp` so the pool can write it. */
export interface EStepRunner {
  readonly parallel: boolean;
  allocResp(): Float64Array;
  run(p: MixtureParams, f: Factors, resp: Float64Array): Promise<number>;
}

/** A runner for `x` (parallel only when `x` lives in shared memory and the work is large enough). */
export function createEStepRunner(x: Matrix, k: number, rowWeights?: Float64Array): EStepRunner {
  const n = x.rows, d = x.cols, m = chunkCount(n);
  const shared = x.data.buffer instanceof SharedArrayBuffer && (!rowWeights || rowWeights.buffer instanceof SharedArrayBuffer);
  const pool: WorkerPool | null = shared && n * k * d * d >= PARALLEL_MIN_WORK && m > 1 ? getPool(WORKER) : null;
  if (pool) {
    return {
      parallel: true,
      allocResp: () => sharedF64(n * k),
      async run(p, f, resp) {
        const a = eStepArgs(x, p, f, resp, sharedF64(m), rowWeights);
        await pool.run('eStep', { ...a }, m);
        return sumPartials(a.partial);
      },
    };
  }
  return {
    parallel: false,
    allocResp: () => new Float64Array(n * k),
    async run(p, f, resp) {
      const a = eStepArgs(x, p, f, resp, new Float64Array(m), rowWeights);
      for (let c = 0; c < m; c++) eStepChunk(a, c);
      return sumPartials(a.partial);
    },
  };
}
