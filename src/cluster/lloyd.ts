/**
 * One k-means run from given initial centers: Lloyd iterations (Lloyd 1982) with the iteration,
 * convergence and empty-cluster rules of scikit-learn's `_kmeans_single_lloyd`, and Hamerly's
 * bounds (Hamerly, "Making k-means even faster", SDM 2010) to skip distance computations that
 * cannot change a label. The bounds only skip work: every iterate equals plain Lloyd's.
 * Assumes validated input.
 * @module
 */
import { sqDist } from '../math/distance.js';
import type { Matrix } from '../math/matrix.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { sharedF64, sharedI32 } from '../math/pool.js';
import { createRunner } from './kernel-runner.js';
import { chunkCount } from './kmeans-kernels.js';

/** Result of one run. */
export interface LloydResult {
  centers: Matrix;
  labels: Int32Array;
  inertia: number;
  nIter: number;
  converged: boolean;
  relocated: number;
  /** Inertia after each iteration's assignment (for the monotonicity property test). */
  history: number[];
}

export interface LloydOptions {
  maxIter: number;
  /** Absolute tolerance on the summed squared center shift (already scaled by the data variance). */
  tol: number;
  weights?: Float64Array;
  signal?: AbortSignal;
  onIteration?: (iter: number, centerShift: number) => void;
  /** Record the inertia after every assignment in `history`. */
  trackHistory?: boolean;
  /** Disable the bounds (reference path for tests). */
  plain?: boolean;
}

/** Runs Lloyd iterations from `init` (not modified). Large data runs its passes on the worker pool. */
export async function lloyd(x: Matrix, init: Matrix, o: LloydOptions): Promise<LloydResult> {
  const n = x.rows, d = x.cols, k = init.rows;
  const runner = createRunner(x.data, n, d, k);
  // Everything the kernels write lives in shared memory, so workers and the main thread see it.
  const w = o.weights ? (o.weights.buffer instanceof SharedArrayBuffer ? o.weights : sharedF64(n, o.weights)) : null;
  let centers = sharedF64(k * d, init.data);
  let next = sharedF64(k * d);
  const clusterWeight = new Float64Array(k);
  const labels = sharedI32(n).fill(-1);
  const labelsOld = new Int32Array(n).fill(-1);
  // Hamerly bounds: upper on the distance to the own center, lower on the distance to any other.
  const upper = sharedF64(n).fill(Infinity);
  const lower = sharedF64(n);
  const half = sharedF64(k);
  const shift = new Float64Array(k);
  const partial = sharedF64(chunkCount(n) * (k * d + k));
  const history: number[] = [];
  const plain = Boolean(o.plain);
  let converged = false;
  let unchanged = false;
  let relocated = 0;
  let iter = 0;

  const assign = async () => {
    computeHalfGaps(centers, k, d, half);
    await runner.run('assign', { x: x.data, d, k, n, centers, half, labels, upper, lower, plain }, n);
  };

  for (iter = 0; iter < o.maxIter; iter++) {
    if (o.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('k-means'));
    // E-step and the M-step's per-chunk partial sums in one pass over each chunk (one message per worker);
    // the sums are reduced in chunk order below, so results do not depend on the worker count.
    computeHalfGaps(centers, k, d, half);
    await runner.run('assignAccumulate', { x: x.data, d, k, n, centers, half, labels, upper, lower, plain, w, out: partial }, n);
    next.fill(0);
    clusterWeight.fill(0);
    const stride = k * d + k;
    for (let c = 0, m = chunkCount(n); c < m; c++) {
      const base = c * stride;
      for (let t = 0; t < k * d; t++) next[t] += partial[base + t];
      for (let t = 0; t < k; t++) clusterWeight[t] += partial[base + k * d + t];
    }
    relocated += relocateEmpty(x, centers, next, clusterWeight, labels, w ?? undefined);
    for (let c = 0; c < k; c++) {
      const cw = clusterWeight[c];
      const co = c * d;
      if (cw > 0) for (let j = 0; j < d; j++) next[co + j] /= cw;
      else for (let j = 0; j < d; j++) next[co + j] = centers[co + j];
    }
    let shiftTot = 0;
    for (let c = 0; c < k; c++) {
      const s = sqDist(next, c * d, centers, c * d, d);
      shiftTot += s;
      shift[c] = Math.sqrt(s);
    }
    // Inertia of this iteration's assignment against the centers it was made with: one extra
    // O(n·d) pass, so only when asked for (tests of monotonicity).
    if (o.trackHistory) history.push(inertiaOf(x, centers, labels, w ?? undefined));
    o.onIteration?.(iter, shiftTot);
    [centers, next] = [next, centers];
    if (!plain) updateBounds(labels, upper, lower, shift);
    unchanged = sameThenCopy(labels, labelsOld);
    if (unchanged) {
      converged = true;
      break;
    }
    if (shiftTot <= o.tol) {
      converged = true;
      break;
    }
  }
  const strict = converged && unchanged;
  const nIter = Math.min(iter + 1, o.maxIter);
  // Rerun the E-step so that labels match the final centers (scikit-learn does the same).
  if (!strict) await assign();
  const centersM = { rows: k, cols: d, data: Float64Array.from(centers) };
  return { centers: centersM, labels: Int32Array.from(labels), inertia: inertiaOf(x, centers, labels, w ?? undefined), nIter, converged, relocated, history };
}

/** True when `labels` equals `old`; otherwise copies `labels` into `old` (one pass instead of compare + copy). */
function sameThenCopy(labels: Int32Array, old: Int32Array): boolean {
  const n = labels.length;
  let i = 0;
  while (i < n && labels[i] === old[i]) i++;
  if (i === n) return true;
  old.set(labels.subarray(i), i);
  return false;
}

/** half[c] = half the distance from center c to its nearest other center. */
function computeHalfGaps(centers: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const g = 0.5 * Math.sqrt(sqDist(centers, a * d, centers, b * d, d));
      if (g < half[a]) half[a] = g;
      if (g < half[b]) half[b] = g;
    }
  }
}

function updateBounds(labels: Int32Array, upper: Float64Array, lower: Float64Array, shift: Float64Array): void {
  let m1 = 0, m2 = 0, arg = -1;
  for (let c = 0; c < shift.length; c++) {
    if (shift[c] > m1) {
      m2 = m1; m1 = shift[c]; arg = c;
    } else if (shift[c] > m2) m2 = shift[c];
  }
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    upper[i] += shift[a];
    // A tiny relative slack absorbs rounding in the sqrt distances so a skipped point is truly safe.
    lower[i] = (lower[i] - (a === arg ? m2 : m1)) * (1 - 1e-12);
    upper[i] *= 1 + 1e-12;
  }
}

/**
 * scikit-learn's `_relocate_empty_clusters_dense`: each empty cluster takes the point farthest
 * from its current (old) center; sums and weights move with it. Works on center sums.
 */
function relocateEmpty(
  x: Matrix, oldCenters: Float64Array, sums: Float64Array, cw: Float64Array, labels: Int32Array, w?: Float64Array,
): number {
  const k = cw.length, d = x.cols;
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (cw[c] === 0) empty.push(c);
  if (empty.length === 0) return 0;
  const n = x.rows;
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) dist[i] = sqDist(x.data, i * d, oldCenters, labels[i] * d, d);
  const far = Array.from({ length: n }, (_, i) => i).sort((a, b) => dist[b] - dist[a] || a - b).slice(0, empty.length);
  for (let e = 0; e < empty.length; e++) {
    const to = empty[e], i = far[e];
    const from = labels[i];
    const wi = w ? w[i] : 1;
    for (let j = 0; j < d; j++) {
      sums[from * d + j] -= wi * x.data[i * d + j];
      sums[to * d + j] = wi * x.data[i * d + j];
    }
    cw[to] = wi;
    cw[from] -= wi;
  }
  return empty.length;
}


/** Weighted sum of squared distances to the assigned centers. */
export function inertiaOf(x: Matrix, centers: Float64Array, labels: Int32Array, w?: Float64Array): number {
  const d = x.cols;
  let s = 0;
  for (let i = 0; i < x.rows; i++) s += (w ? w[i] : 1) * sqDist(x.data, i * d, centers, labels[i] * d, d);
  return s;
}
