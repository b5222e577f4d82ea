/**
 * K-means: greedy k-means++ (or random / explicit) seeds, Lloyd iterations with Hamerly bounds,
 * best of `nInit` restarts; mini-batch updates for large data. Matches scikit-learn's KMeans
 * (tolerance, convergence, empty-cluster relocation, nInit='auto') and MiniBatchKMeans in spirit.
 * Arthur & Vassilvitskii 2007 (seeding); Lloyd 1982; Hamerly 2010; Sculley, "Web-scale k-means
 * clustering", WWW 2010 (mini-batch).
 * @module
 */
import { z } from 'zod';
import type { Clusterer, FitContext, Fitted } from './types.js';
import type { Dataset } from '../data/dataset.js';
import { fromRows, meanVariance, type Matrix } from '../math/matrix.js';
import { SegkitError } from '../errors.js';
import type { SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { kmeansPlusPlus, randomRows } from './kmeans-init.js';
import { lloyd } from './lloyd.js';
import { miniBatchKMeans } from './minibatch.js';
import { nearestCenter, nearestTwoCenters } from './nearest-center.js';
import { sqDist } from '../math/distance.js';
import { checkFitData, checkPredictData } from './check-data.js';
import { sqDistSql } from './sql-scores.js';

/** Rows above which `algorithm: 'auto'` switches to mini-batch (see bench/RESULTS.md for the timing that sets it). */
export const MINIBATCH_AUTO_ROWS = 2_000_000;

/** K-means options; every field has its rule and default in the schema. */
export const kmeansOptionsSchema = z
  .object({
    nClusters: z.number().int().min(1).default(8).describe('Number of clusters to form. Default: 8. An integer ≥ 1 and ≤ the number of rows.'),
    init: z
      .union([z.enum(['kmeans++', 'random']), z.array(z.array(z.number()))])
      .default('kmeans++')
      .describe("Seeding: 'kmeans++' (greedy, as scikit-learn), 'random' rows, or explicit centers (nClusters × nFeatures). Default: 'kmeans++'."),
    nInit: z
      .union([z.literal('auto'), z.number().int().min(1)])
      .default('auto')
      .describe("Restarts; the lowest inertia wins. Default: 'auto' = 1 for k-means++ or explicit centers, 10 for random (scikit-learn ≥ 1.4)."),
    maxIter: z.number().int().min(1).default(300).describe('Iteration cap per restart (epochs for mini-batch). Default: 300 (100 for mini-batch when left at 300).'),
    tol: z.number().min(0).default(1e-4).describe("Convergence tolerance on the summed squared center shift, relative to the mean feature variance (scikit-learn's definition). Default: 1e-4."),
    algorithm: z
      .enum(['auto', 'lloyd', 'minibatch'])
      .default('auto')
      .describe(`'lloyd' (exact, Hamerly-accelerated), 'minibatch', or 'auto' = minibatch above ${MINIBATCH_AUTO_ROWS} rows. Default: 'auto'.`),
    batchSize: z.number().int().min(1).default(2048).describe('Rows per mini-batch. Default: 2048.'),
  })
  .strict();

/** Options for k-means (all optional; see the schema for defaults). */
export type KMeansOptions = z.input<typeof kmeansOptionsSchema>;
/** Fully defaulted options, as `fit` receives them. */
export type KMeansParams = z.output<typeof kmeansOptionsSchema>;

/** What k-means learns: plain data. */
export interface KMeansState {
  /** nClusters × nFeatures centers. */
  readonly centers: number[][];
  readonly nFeatures: number;
  /** 'lloyd' or 'minibatch', the algorithm that ran. */
  readonly algorithm: 'lloyd' | 'minibatch';
}

/** The k-means clusterer. */
export const kmeansClusterer: Clusterer<KMeansParams, KMeansState> = {
  name: 'kmeans',
  schema: kmeansOptionsSchema,
  async fit(data, options, ctx) {
    return fitKMeans(data, options, ctx);
  },
  predict(state, data) {
    checkPredictData(data, state.nFeatures, 'kmeans');
    return nearestCenter(data.numeric, centersMatrix(state));
  },
  distances(state, data) {
    checkPredictData(data, state.nFeatures, 'kmeans');
    const c = centersMatrix(state);
    const x = data.numeric;
    const out = new Float64Array(x.rows * c.rows);
    for (let i = 0; i < x.rows; i++)
      for (let j = 0; j < c.rows; j++) out[i * c.rows + j] = Math.sqrt(sqDist(x.data, i * x.cols, c.data, j * c.cols, x.cols));
    return { rows: x.rows, cols: c.rows, data: out };
  },
  sqlScores: (state, input, d) => ({ kind: 'distance', exprs: state.centers.map((c) => sqDistSql(input.features, c, d)), reported: 'sqrt' }),
  nClusters: (state) => state.centers.length,
};

/** Centers of a k-means state as a Matrix. */
export function centersMatrix(state: KMeansState): Matrix {
  return fromRows(state.centers);
}

async function fitKMeans(data: Dataset, o: KMeansParams, ctx: FitContext): Promise<Fitted<KMeansState>> {
  const x = data.numeric;
  checkFitData(data, o.nClusters, 'kmeans');
  const explicit = Array.isArray(o.init) ? explicitCenters(o.init, o.nClusters, x.cols) : null;
  const nInit = o.nInit === 'auto' ? (o.init === 'random' ? 10 : 1) : o.nInit;
  const algorithm = o.algorithm === 'auto' ? (x.rows > MINIBATCH_AUTO_ROWS ? 'minibatch' : 'lloyd') : o.algorithm;
  const tol = o.tol * meanVariance(x);
  const warnings: SegkitWarning[] = [];
  const warn = (code: SegkitWarning['code'], message: string) => {
    warnings.push({ code, message });
    ctx.warn(code, message);
  };
  if (distinctRowsAtMost(x, o.nClusters) < o.nClusters) warn('W_FEWER_CLUSTERS', msg.fewerClusters(distinctRowsAtMost(x, o.nClusters), o.nClusters));

  let best: { centers: Matrix; labels: Int32Array; inertia: number; nIter: number; converged: boolean; relocated: number } | null = null;
  for (let r = 0; r < nInit; r++) {
    if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('k-means'));
    const rng = ctx.rng.fork(r);
    const report = (iter: number) => ctx.onProgress?.({ step: `k-means restart ${r + 1}/${nInit}, iteration`, done: iter + 1, total: o.maxIter });
    let run;
    if (algorithm === 'minibatch') {
      run = await miniBatchKMeans(x, o.nClusters, {
        rng, batchSize: o.batchSize, maxIter: o.maxIter === 300 ? 100 : o.maxIter, tol, weights: data.weights,
        init: explicit ?? (o.init as 'kmeans++' | 'random'), signal: ctx.signal, onStep: report,
      });
    } else {
      if (!explicit && o.init === 'kmeans++') ctx.onProgress?.({ step: `k-means restart ${r + 1}/${nInit}, k-means++ seeding`, done: 0, total: 1 });
      const init = explicit ?? (o.init === 'random' ? randomRows(x, o.nClusters, rng, data.weights) : await kmeansPlusPlus(x, o.nClusters, rng, data.weights));
      run = await lloyd(x, init, { maxIter: o.maxIter, tol, weights: data.weights, signal: ctx.signal, onIteration: report });
    }
    if (!best || run.inertia < best.inertia) best = run;
  }
  const b = best!;
  if (!b.converged) warn('W_NOT_CONVERGED', msg.notConverged(o.maxIter));
  if (b.relocated > 0) warn('W_EMPTY_CLUSTER_RELOCATED', msg.emptyRelocated(b.relocated, b.nIter));
  const k = o.nClusters, d = x.cols;
  const centers = Array.from({ length: k }, (_, c) => Array.from(b.centers.data.subarray(c * d, c * d + d)));
  return {
    state: { centers, nFeatures: d, algorithm },
    labels: b.labels,
    diagnostics: { inertia: b.inertia, nIter: b.nIter, converged: b.converged ? 1 : 0, nInit, tolAbsolute: tol },
    warnings,
  };
}

function explicitCenters(init: number[][], k: number, d: number): Matrix {
  if (init.length !== k || init.some((r) => r.length !== d))
    throw new SegkitError('E_OPTION', msg.optionInvalid('init', 'kmeans', `a ${k} × ${d} matrix of centers (nClusters × nFeatures)`, `${init.length} × ${init[0]?.length ?? 0}`), { field: 'init' });
  const data = new Float64Array(k * d);
  init.forEach((r, i) => data.set(r, i * d));
  for (let i = 0; i < data.length; i++)
    if (!Number.isFinite(data[i])) throw new SegkitError('E_OPTION', msg.optionInvalid('init', 'kmeans', 'finite numbers', data[i]), { field: 'init' });
  return { rows: k, cols: d, data };
}

/** Number of distinct rows, counting only up to `cap` (cheap early exit for the common case). */
function distinctRowsAtMost(x: Matrix, cap: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < x.rows && seen.size < cap; i++) seen.add(x.data.subarray(i * x.cols, (i + 1) * x.cols).join(','));
  return seen.size;
}

export { nearestTwoCenters };
