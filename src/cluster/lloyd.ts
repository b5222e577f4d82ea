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

/** Runs Lloyd iterations from `init` (not modified). */
export function lloyd(x: Matrix, init: Matrix, o: LloydOptions): LloydResult {
  const n = x.rows, d = x.cols, k = init.rows;
  const xd = x.data;
  const w = o.weights;
  let centers = init.data.slice();
  let next = new Float64Array(k * d);
  const clusterWeight = new Float64Array(k);
  const labels = new Int32Array(n).fill(-1);
  const labelsOld = new Int32Array(n).fill(-1);
  // Hamerly bounds: upper on the distance to the own center, lower on the distance to any other.
  const upper = new Float64Array(n).fill(Infinity);
  const lower = new Float64Array(n);
  const half = new Float64Array(k);
  const shift = new Float64Array(k);
  const history: number[] = [];
  let converged = false;
  let relocated = 0;
  let iter = 0;

  const assign = () => {
    computeHalfGaps(centers, k, d, half);
    for (let i = 0; i < n; i++) {
      const xo = i * d;
      let a = labels[i];
      if (!o.plain && a >= 0) {
        const m = half[a] > lower[i] ? half[a] : lower[i];
        if (upper[i] <= m) continue;
        upper[i] = Math.sqrt(sqDist(xd, xo, centers, a * d, d));
        if (upper[i] <= m) continue;
      }
      let b1 = Infinity, b2 = Infinity, best = 0;
      for (let c = 0; c < k; c++) {
        const s = sqDist(xd, xo, centers, c * d, d);
        if (s < b1) {
          b2 = b1; b1 = s; best = c;
        } else if (s < b2) b2 = s;
      }
      labels[i] = best;
      upper[i] = Math.sqrt(b1);
      lower[i] = Math.sqrt(b2);
      a = best;
    }
  };

  for (iter = 0; iter < o.maxIter; iter++) {
    if (o.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('k-means'));
    assign();
    // M-step: weighted means.
    next.fill(0);
    clusterWeight.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      const wi = w ? w[i] : 1;
      clusterWeight[c] += wi;
      const xo = i * d, co = c * d;
      for (let j = 0; j < d; j++) next[co + j] += wi * xd[xo + j];
    }
    relocated += relocateEmpty(x, centers, next, clusterWeight, labels, w);
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
    if (o.trackHistory) history.push(inertiaOf(x, centers, labels, w));
    o.onIteration?.(iter, shiftTot);
    [centers, next] = [next, centers];
    if (!o.plain) updateBounds(labels, upper, lower, shift);
    if (labelsEqual(labels, labelsOld)) {
      converged = true;
      break;
    }
    if (shiftTot <= o.tol) {
      converged = true;
      break;
    }
    labelsOld.set(labels);
  }
  const strict = converged && labelsEqual(labels, labelsOld);
  const nIter = Math.min(iter + 1, o.maxIter);
  // Rerun the E-step so that labels match the final centers (scikit-learn does the same).
  if (!strict) assign();
  const centersM = { rows: k, cols: d, data: centers };
  return { centers: centersM, labels, inertia: inertiaOf(x, centers, labels, w), nIter, converged, relocated, history };
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

function labelsEqual(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Weighted sum of squared distances to the assigned centers. */
export function inertiaOf(x: Matrix, centers: Float64Array, labels: Int32Array, w?: Float64Array): number {
  const d = x.cols;
  let s = 0;
  for (let i = 0; i < x.rows; i++) s += (w ? w[i] : 1) * sqDist(x.data, i * d, centers, labels[i] * d, d);
  return s;
}
