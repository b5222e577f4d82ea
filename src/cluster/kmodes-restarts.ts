/**
 * The restarts of K-Modes / K-Prototypes: one run per restart from its own initial prototypes, the
 * lowest cost kept (the first on ties). Each run is sequential (online updates), but runs are
 * independent: on large data they go to the worker pool, one restart per task, each worker building
 * its restart's random stream from the seed (`createRng(seed).fork(r)` = `ctx.rng.fork(r)`), so the
 * result is the same with any number of workers.
 * @module
 */
import type { Rng } from '../math/rng.js';
import { createRng } from '../math/rng.js';
import { getPool, sharedF64, sharedI32 } from '../math/pool.js';
import { runKModes, type KModesRun, type MixedData, type Prototypes } from './kmodes-core.js';
import { caoInit, huangInit, plusPlusInit, randomInit } from './kmodes-init.js';

/** How restart r starts. */
export type InitRule = 'cao' | 'huang' | 'kmodes++' | 'random' | Prototypes;

/** The initial prototypes of restart r. Cao is deterministic, so restarts after it draw Huang's. */
export function initialPrototypes(x: MixedData, k: number, gamma: number, rule: InitRule, r: number, rng: Rng): Prototypes {
  if (typeof rule === 'object') return rule;
  if (rule === 'cao') return r === 0 ? caoInit(x, k, gamma) : huangInit(x, k, rng);
  if (rule === 'huang') return huangInit(x, k, rng);
  if (rule === 'kmodes++') return plusPlusInit(x, k, gamma, rng);
  return randomInit(x, k, rng);
}

/** Rows × columns above which restarts run in worker threads (a run on 100k × 10 takes ~0.3 s). */
export const PARALLEL_MIN_VALUES = 1_000_000;

const WORKER = new URL('./kmodes-worker-boot.mjs', import.meta.url);

/** Arguments of one restart in a worker (shared arrays and plain numbers only). */
export interface RestartArgs {
  num: Float64Array; nNum: number; cat: Int32Array; nCat: number; nLevels: number[]; rows: number; weights: Float64Array | null;
  k: number; gamma: number; maxIter: number; seed: number; rule: Exclude<InitRule, Prototypes>;
  /** Outputs per restart r: cost, nIter, converged, refilled, prototypes, labels. */
  out: { stats: Float64Array; means: Float64Array; modes: Int32Array; labels: Int32Array };
}

/** One restart inside a worker: writes its result at slot r of the outputs. */
export function restartTask(a: RestartArgs, r: number): void {
  const x: MixedData = { rows: a.rows, num: a.num, nNum: a.nNum, cat: a.cat, nCat: a.nCat, nLevels: a.nLevels, ...(a.weights ? { weights: a.weights } : {}) };
  const rng = createRng(a.seed).fork(r);
  const run = runKModes(x, initialPrototypes(x, a.k, a.gamma, a.rule, r, rng), a.gamma, { maxIter: a.maxIter, rng });
  a.out.stats.set([run.cost, run.nIter, run.converged ? 1 : 0, run.refilled], r * 4);
  a.out.means.set(run.prototypes.means, r * a.k * a.nNum);
  a.out.modes.set(run.prototypes.modes, r * a.k * a.nCat);
  a.out.labels.set(run.labels, r * a.rows);
}

/** Runs nInit restarts and returns the best; in workers when the data is shared and large. */
export async function runRestarts(
  x: MixedData, k: number, gamma: number, rule: InitRule, nInit: number,
  o: { maxIter: number; rng: Rng; signal?: AbortSignal; onRestart?: (r: number, epoch: number) => void },
): Promise<KModesRun> {
  const isShared = (a: { length: number; buffer: ArrayBufferLike } | undefined) => !a || a.length === 0 || a.buffer instanceof SharedArrayBuffer;
  const shared = isShared(x.num) && isShared(x.cat) && isShared(x.weights);
  const pool = typeof rule !== 'object' && nInit > 1 && shared && x.rows * (x.nNum + x.nCat) >= PARALLEL_MIN_VALUES ? getPool(WORKER) : null;
  if (!pool) {
    let best: KModesRun | null = null;
    for (let r = 0; r < nInit; r++) {
      const rng = o.rng.fork(r);
      const run = runKModes(x, initialPrototypes(x, k, gamma, rule, r, rng), gamma, { maxIter: o.maxIter, rng, signal: o.signal, onEpoch: (e) => o.onRestart?.(r, e) });
      if (!best || run.cost < best.cost) best = run;
      await new Promise<void>((resolve) => setImmediate(resolve)); // let abort signals and progress through
    }
    return best!;
  }
  const out = { stats: sharedF64(nInit * 4), means: sharedF64(nInit * k * x.nNum), modes: sharedI32(nInit * k * x.nCat), labels: sharedI32(nInit * x.rows) };
  const args: RestartArgs = {
    num: x.num as Float64Array, nNum: x.nNum, cat: x.cat as Int32Array, nCat: x.nCat, nLevels: [...x.nLevels], rows: x.rows, weights: (x.weights as Float64Array) ?? null,
    k, gamma, maxIter: o.maxIter, seed: o.rng.seed, rule: rule as RestartArgs['rule'], out,
  };
  await pool.run('restart', args as unknown as Record<string, unknown>, nInit);
  let b = 0;
  for (let r = 1; r < nInit; r++) if (out.stats[r * 4] < out.stats[b * 4]) b = r;
  return {
    prototypes: { k, means: out.means.slice(b * k * x.nNum, (b + 1) * k * x.nNum), modes: out.modes.slice(b * k * x.nCat, (b + 1) * k * x.nCat) },
    labels: out.labels.slice(b * x.rows, (b + 1) * x.rows),
    cost: out.stats[b * 4], nIter: out.stats[b * 4 + 1], converged: out.stats[b * 4 + 2] === 1, refilled: out.stats[b * 4 + 3], epochCosts: [],
  };
}
