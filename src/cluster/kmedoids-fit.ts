/**
 * The k-medoids fit around the algorithms: checks, metric and Gower scale, PAM on the full matrix
 * or CLARA on samples, the plain-JSON state (the medoids' own values, so predict needs no training
 * data), predict and distances.
 * @module
 */
import type { Dataset } from '../data/dataset.js';
import type { FitContext, Fitted } from './types.js';
import type { KMedoidsParams } from './kmedoids.js';
import type { GowerScale } from '../math/gower.js';
import { metricRows, type MetricName, type MetricRows } from './kmedoids-metric.js';
import { distanceMatrix, MAX_MATRIX_ROWS } from './kmedoids-matrix.js';
import { buildMedoids, randomMedoids } from './kmedoids-build.js';
import { pamSwap } from './kmedoids-swap.js';
import { clara, claraSampleSize } from './kmedoids-clara.js';
import { assignNearest, medoidDistances } from './kmedoids-assign.js';
import { checkKMedoidsFit, checkFiniteNumbers, gowerScaleFor, resolveMetric, rowsData } from './kmedoids-data.js';
import { kmedoidsEmbedding } from './kmedoids-embed.js';
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';

/** What k-medoids learns: plain data. */
export interface KMedoidsState {
  readonly metric: MetricName;
  /** 0-based training row of each medoid, in segment order. */
  readonly medoidRows: number[];
  /** k × numeric features: the medoids' numbers. */
  readonly medoidNumbers: number[][];
  /** k × categorical columns: the medoids' level codes. */
  readonly medoidCodes: number[][];
  /** The same codes as level names, for people reading the model file. */
  readonly medoidLevels: string[][];
  /** Gower's learned minima, ranges and column weights (null for Euclidean). */
  readonly gower: GowerScale | null;
  readonly algorithm: 'pam' | 'clara';
  readonly numericFeatures: string[];
  readonly categoricalColumns: string[];
}

/** Fits k-medoids. */
export async function fitKMedoids(data: Dataset, o: KMedoidsParams, ctx: FitContext): Promise<Fitted<KMedoidsState>> {
  const metric = resolveMetric(o.metric, data);
  const k = o.nClusters, n = data.numeric.rows;
  checkKMedoidsFit(data, k, metric);
  const algorithm = o.algorithm === 'auto' ? (n <= MAX_MATRIX_ROWS ? 'pam' : 'clara') : o.algorithm;
  if (algorithm === 'pam' && n > MAX_MATRIX_ROWS) throw new SegkitError('E_OPTION', msg.kmedoidsTooManyRows(n, MAX_MATRIX_ROWS), { field: 'algorithm' });
  const explicit = Array.isArray(o.init) ? explicitMedoids(o.init, k, n) : null;
  if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('k-medoids'));
  const scale = metric === 'gower' ? gowerScaleFor(data, o.columnWeights) : null;
  const x = rowsData(data);
  const w = data.weights;
  const warnings: SegkitWarning[] = [];
  const warn = (code: SegkitWarning['code'], message: string) => (warnings.push({ code, message }), ctx.warn(code, message));

  let medoids: Int32Array, swaps: number, nIter: number, converged: boolean;
  if (algorithm === 'pam') {
    ctx.onProgress?.({ step: 'k-medoids dissimilarity matrix', done: 0, total: 1 });
    const d = distanceMatrix(metricRows(metric, scale, x.num, x.cat), ctx.signal);
    const rowWeights = w ?? new Float64Array(n).fill(1);
    const init = explicit ?? (o.init === 'random' ? randomMedoids(n, k, ctx.rng.fork(0)) : buildMedoids(d, k, w ?? null));
    ctx.onProgress?.({ step: 'k-medoids swaps', done: 0, total: 1 });
    const run = pamSwap(d, init, rowWeights, { mode: o.swap, maxIter: o.maxIter, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    ({ medoids, swaps, nIter, converged } = run);
  } else {
    const sampleSize = Math.min(n, o.sampleSize === 'auto' ? claraSampleSize(n, k) : o.sampleSize);
    if (explicit) throw new SegkitError('E_OPTION', msg.kmedoidsExplicitNeedsPam(), { field: 'init' });
    const run = clara(x, w, metric, scale, {
      k, samples: o.samples, sampleSize: Math.max(sampleSize, k), init: o.init as 'build' | 'random', swap: o.swap, maxIter: o.maxIter, rng: ctx.rng,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onSample: (done, total) => ctx.onProgress?.({ step: 'k-medoids CLARA samples', done, total }),
    });
    ({ medoids, swaps, nIter, converged } = run);
    warn('W_SAMPLED', msg.kmedoidsSampled(o.samples, Math.max(sampleSize, k), n));
  }
  if (!converged) warn('W_NOT_CONVERGED', msg.kmedoidsNotConverged(o.maxIter, o.swap));
  const state = toState(data, medoids, metric, scale, algorithm);
  // Labels and cost in doubles by the predict rule, whatever precision the matrix had.
  const { labels, cost } = assignNearest(metricRows(metric, scale, x.num, x.cat), stateRows(state), w);
  await new Promise<void>((resolve) => setImmediate(resolve));
  return { state, labels, diagnostics: { cost, nIter, swaps, converged: converged ? 1 : 0 }, warnings };
}

/** Explicit initial medoids: nClusters distinct row indices inside the data. */
function explicitMedoids(init: number[], k: number, n: number): Int32Array {
  if (init.length !== k) throw new SegkitError('E_OPTION', msg.kmedoidsInitLength(init.length, k), { field: 'init' });
  const seen = new Set<number>();
  for (const r of init) {
    if (r >= n) throw new SegkitError('E_OPTION', msg.kmedoidsInitRow(r, n), { field: 'init' });
    if (seen.has(r)) throw new SegkitError('E_OPTION', msg.kmedoidsInitDuplicate(r), { field: 'init' });
    seen.add(r);
  }
  return Int32Array.from(init);
}

function toState(data: Dataset, medoids: Int32Array, metric: MetricName, gower: GowerScale | null, algorithm: 'pam' | 'clara'): KMedoidsState {
  const p = data.numeric.cols, c = data.categorical, m = c?.cols ?? 0;
  const rows = Array.from(medoids);
  const medoidCodes = rows.map((r) => (c ? Array.from(c.data.subarray(r * m, r * m + m)) : []));
  return {
    metric,
    medoidRows: rows,
    medoidNumbers: rows.map((r) => Array.from(data.numeric.data.subarray(r * p, r * p + p))),
    medoidCodes,
    medoidLevels: medoidCodes.map((codes) => codes.map((code, j) => c!.levels[j][code])),
    gower,
    algorithm,
    numericFeatures: [...data.featureNames],
    categoricalColumns: [...(c?.names ?? [])],
  };
}

/** The medoids of a state as prepared rows. */
function stateRows(s: KMedoidsState): MetricRows {
  const k = s.medoidRows.length, p = s.numericFeatures.length, m = s.categoricalColumns.length;
  const num = { rows: k, cols: p, data: Float64Array.from(s.medoidNumbers.flat()) };
  return metricRows(s.metric, s.gower, num, m > 0 ? { cols: m, data: Int32Array.from(s.medoidCodes.flat()) } : undefined);
}

/** New rows prepared under a state's metric, after checking their columns. */
function dataRows(s: KMedoidsState, data: Dataset): MetricRows {
  if (data.numeric.cols !== s.numericFeatures.length) throw new SegkitError('E_FEATURE_MISMATCH', msg.featureMismatch(data.numeric.cols, 'kmedoids', s.numericFeatures.length));
  const cats = data.categorical?.cols ?? 0;
  if (cats !== s.categoricalColumns.length) throw new SegkitError('E_FEATURE_MISMATCH', msg.featureMismatch(cats, 'kmedoids (categorical columns)', s.categoricalColumns.length));
  checkFiniteNumbers(data);
  const x = rowsData(data);
  return metricRows(s.metric, s.gower, x.num, x.cat);
}

/** Nearest medoid of each row; an unseen level (code −1) mismatches every medoid. */
export function predictKMedoids(s: KMedoidsState, data: Dataset): Int32Array {
  return assignNearest(dataRows(s, data), stateRows(s)).labels;
}

/** The metrics space of a state (kmedoids-embed.ts), after checking the columns. */
export function kmedoidsEmbed(s: KMedoidsState, data: Dataset, rows?: Int32Array) {
  dataRows(s, data);
  return kmedoidsEmbedding(s, data, rows);
}

/** rows × k dissimilarities to the medoids. */
export function kmedoidsDistances(s: KMedoidsState, data: Dataset) {
  const x = dataRows(s, data);
  return { rows: x.rows, cols: s.medoidRows.length, data: medoidDistances(x, stateRows(s)) };
}
