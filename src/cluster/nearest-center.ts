/**
 * Nearest and second-nearest center of every row: the assignment kernel shared by k-means
 * predict, the assignments file (distance to own center, runner-up segment) and mini-batch updates.
 * Assumes validated input (same column count).
 * @module
 */
import { sqDist } from '../math/distance.js';
import type { Matrix } from '../math/matrix.js';
import { nativeKernels } from '../math/native-kernels.js';

/** Per-row nearest center, its squared distance, the runner-up center and its squared distance. */
export interface NearestTwo {
  readonly labels: Int32Array;
  readonly sqDist: Float64Array;
  readonly second: Int32Array;
  readonly secondSqDist: Float64Array;
}

/** Index of the nearest center of each row (ties go to the lower index, as in scikit-learn). */
export function nearestCenter(x: Matrix, centers: Matrix, out = new Int32Array(x.rows), dist?: Float64Array): Int32Array {
  const d = x.cols;
  const k = centers.rows;
  const xd = x.data;
  const cd = centers.data;
  const native = nativeKernels();
  if (native && x.rows > 0 && d > 0) {
    // Same summation order and tie rule, so the same labels; the runner-up is computed and dropped.
    const best = dist ?? new Float64Array(x.rows);
    native.nearestTwo(xd, d, k, cd, out, best, new Int32Array(x.rows), new Float64Array(x.rows), 0, x.rows);
    return out;
  }
  for (let i = 0; i < x.rows; i++) {
    let best = 0;
    let bestD = Infinity;
    const xo = i * d;
    for (let c = 0; c < k; c++) {
      const s = sqDist(xd, xo, cd, c * d, d);
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    out[i] = best;
    if (dist) dist[i] = bestD;
  }
  return out;
}

/** Nearest and runner-up center per row; with one center the runner-up is -1 at distance Infinity. */
export function nearestTwoCenters(x: Matrix, centers: Matrix): NearestTwo {
  // The native kernel (same summation order, so the same numbers) when built.
  const native = nativeKernels();
  if (!native || x.rows === 0 || x.cols === 0) return nearestTwoScalar(x, centers);
  const n = x.rows;
  const out = { labels: new Int32Array(n), sqDist: new Float64Array(n), second: new Int32Array(n), secondSqDist: new Float64Array(n) };
  native.nearestTwo(x.data, x.cols, centers.rows, centers.data, out.labels, out.sqDist, out.second, out.secondSqDist, 0, n);
  return out;
}

/** @internal The TypeScript path of {@link nearestTwoCenters} (the fallback, and the tests' reference). */
export function nearestTwoScalar(x: Matrix, centers: Matrix): NearestTwo {
  const n = x.rows;
  const d = x.cols;
  const k = centers.rows;
  const labels = new Int32Array(n);
  const second = new Int32Array(n);
  const best = new Float64Array(n);
  const next = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let b = -1, s = -1;
    let bd = Infinity, sd = Infinity;
    const xo = i * d;
    for (let c = 0; c < k; c++) {
      const v = sqDist(x.data, xo, centers.data, c * d, d);
      if (v < bd) {
        s = b; sd = bd; b = c; bd = v;
      } else if (v < sd) {
        s = c; sd = v;
      }
    }
    labels[i] = b;
    best[i] = bd;
    second[i] = s;
    next[i] = sd;
  }
  return { labels, sqDist: best, second, secondSqDist: next };
}
