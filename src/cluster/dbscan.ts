/**
 * DBSCAN (Ester, Kriegel, Sander & Xu, "A density-based algorithm for discovering clusters in large
 * spatial databases with noise", KDD 1996) with scikit-learn's DBSCAN rules (dbscan-core.ts): labels
 * equal scikit-learn's, noise is segment -1. eps defaults to the knee of the k-distance curve
 * (k-distance.ts). Predict (not in scikit-learn): a new row joins the segment of its nearest core
 * point within eps, else noise; the state keeps the core points for that.
 * @module
 */
import { z } from 'zod';
import type { Clusterer } from './types.js';
import type { SegkitWarning, WarningCode } from '../errors.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { checkFitData, checkPredictData } from './check-data.js';
import { dbscanLabels } from './dbscan-core.js';
import { kDistance } from './k-distance.js';
import { cachedKdTree, knnQuery, type KdTree } from '../math/kd-tree.js';
import { sampleIndices } from '../math/rng.js';

/** Core points kept for predict by default; above it a seeded sample is kept (with a warning). */
export const DBSCAN_MAX_CORE_POINTS = 200_000;

/** DBSCAN options; every field has its rule and default in the schema. */
export const dbscanOptionsSchema = z
  .object({
    eps: z
      .union([z.literal('auto'), z.number().positive()])
      .default('auto')
      .describe("Neighbourhood radius (Euclidean, in the scaled feature space), or 'auto' = the knee of the k-distance curve with k = minSamples (kDistance). Default: 'auto'."),
    minSamples: z
      .number().int().min(1)
      .default(5)
      .describe('Points (the point itself included, as in scikit-learn) within eps that make a core point; with row weights, the weight within eps. Default: 5.'),
    maxCorePoints: z
      .number().int().min(1)
      .default(DBSCAN_MAX_CORE_POINTS)
      .describe(`Core points kept in the model for predict (each costs nFeatures numbers, about 20 bytes each in the JSON file); above it a seeded sample is kept and a warning says so. Default: ${DBSCAN_MAX_CORE_POINTS}.`),
  })
  .strict();

/** Options for DBSCAN (all optional; see the schema for defaults). */
export type DbscanOptions = z.input<typeof dbscanOptionsSchema>;
/** Fully defaulted options, as `fit` receives them. */
export type DbscanParams = z.output<typeof dbscanOptionsSchema>;

/** What DBSCAN keeps: plain data. */
export interface DbscanState {
  /** The eps used (resolved when the option was 'auto'). */
  readonly eps: number;
  readonly minSamples: number;
  readonly nFeatures: number;
  readonly nClusters: number;
  /** Core points kept for predict, row-major (nCore × nFeatures), in training-row order. */
  readonly corePoints: number[];
  /** Segment of each kept core point. */
  readonly coreLabels: number[];
  /** True when only a sample of the core points was kept (maxCorePoints). */
  readonly coreSampled: boolean;
}

/** The DBSCAN clusterer. */
export const dbscanClusterer: Clusterer<DbscanParams, DbscanState> = {
  name: 'dbscan',
  noise: true,
  schema: dbscanOptionsSchema,
  async fit(data, o, ctx) {
    if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('DBSCAN'));
    checkFitData(data, 1, 'dbscan');
    const x = data.numeric, n = x.rows, d = x.cols;
    const warnings: SegkitWarning[] = [];
    const warn = (code: WarningCode, message: string) => {
      warnings.push({ code, message });
      ctx.warn(code, message);
    };
    let auto = null as ReturnType<typeof kDistance> | null;
    if (o.eps === 'auto') auto = kDistance(x, o.minSamples, { rng: ctx.rng.fork(1) });
    // eps 0 (all rows identical to their k-th neighbour) would make the radius test fail; keep it positive.
    const eps = o.eps === 'auto' ? auto!.suggestedEps || Number.MIN_VALUE : o.eps;
    ctx.onProgress?.({ step: 'DBSCAN neighbourhoods', done: 0, total: 1 });
    const r = dbscanLabels(x, eps, o.minSamples, data.weights, ctx.signal);
    let nCore = 0;
    for (let i = 0; i < n; i++) nCore += r.core[i];
    if (r.nClusters <= 1) {
      const suggested = auto?.suggestedEps ?? kDistance(x, o.minSamples, { rng: ctx.rng.fork(1), tree: r.tree }).suggestedEps;
      warn('W_FEWER_CLUSTERS', (r.nClusters === 0 ? msg.dbscanAllNoise : msg.dbscanOneCluster)(eps, o.minSamples, suggested, auto !== null));
    }
    let coreRows = new Int32Array(nCore);
    for (let i = 0, t = 0; i < n; i++) if (r.core[i]) coreRows[t++] = i;
    const coreSampled = nCore > o.maxCorePoints;
    if (coreSampled) {
      coreRows = sampleIndices(nCore, o.maxCorePoints, ctx.rng.fork(2)).map((t) => coreRows[t]).sort();
      warn('W_SAMPLED', msg.dbscanCoreSampled(nCore, o.maxCorePoints, (nCore * d * 20) / 1e6));
    }
    const corePoints = new Array<number>(coreRows.length * d), coreLabels = new Array<number>(coreRows.length);
    coreRows.forEach((row, t) => {
      for (let j = 0; j < d; j++) corePoints[t * d + j] = x.data[row * d + j];
      coreLabels[t] = r.labels[row];
    });
    let nNoise = 0;
    for (let i = 0; i < n; i++) if (r.labels[i] < 0) nNoise++;
    return {
      state: { eps, minSamples: o.minSamples, nFeatures: d, nClusters: r.nClusters, corePoints, coreLabels, coreSampled },
      labels: r.labels,
      diagnostics: { eps, nClusters: r.nClusters, nCore, nNoise, noiseShare: nNoise / n, coreKept: coreRows.length },
      warnings,
    };
  },
  predict(state, data) {
    checkPredictData(data, state.nFeatures, 'dbscan');
    return nearestCoreSegment(state, data.numeric.data, data.numeric.rows).labels;
  },
  nClusters: (state) => state.nClusters,
};

/** The k-d tree over a state's core points, built once per state object. */
function coreTree(state: DbscanState): KdTree {
  return cachedKdTree(state, state.corePoints, state.coreLabels.length, state.nFeatures);
}

/** @internal Segment of the nearest core point within eps (ties: the core point of lower training row), else -1. */
export function nearestCoreSegment(state: DbscanState, rows: Float64Array, n: number): { labels: Int32Array; distance: Float64Array } {
  const tree = coreTree(state);
  const labels = new Int32Array(n), distance = new Float64Array(n);
  const buf = { index: new Int32Array(1), dist: new Float64Array(1) };
  for (let i = 0; i < n; i++) {
    knnQuery(tree, rows, i, 1, buf, state.eps);
    const c = buf.index[0];
    labels[i] = c < 0 ? -1 : state.coreLabels[c];
    distance[i] = c < 0 ? NaN : buf.dist[0];
  }
  return { labels, distance };
}
