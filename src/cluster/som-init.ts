/**
 * Initial codebooks of a self-organizing map. 'pca': the linear initialisation of SOM Toolbox's
 * `som_lininit` (Kohonen, Self-Organizing Maps, 3rd ed., 2001, §3.7): the neurons span the plane of
 * the two first principal components, from the mean −1 to +1 standard deviation along each, the
 * first component along the longer side of the map. Deterministic, and the map starts ordered.
 * 'random': rows of the data drawn at random (MiniSom's `random_weights_init`).
 * Assumes validated input.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';
import { symmetricEigen } from '../select/symmetric-eigen.js';
import { covariance, type SomGrid } from './som-grid.js';

/** PCA-plane codebook (neurons × features). */
export function pcaCodebook(x: Matrix, g: SomGrid, weights?: Float64Array): Float64Array {
  const { mean, cov, d } = covariance(x, weights);
  const e = symmetricEigen(cov, d);
  const m = g.rows * g.cols;
  const out = new Float64Array(m * d);
  // Axis of the first component: the one with more neurons (rows on ties).
  const firstOnRows = g.rows >= g.cols;
  const lin = (i: number, len: number) => (len > 1 ? (2 * i) / (len - 1) - 1 : 0);
  const pc = (p: number, j: number) => (p < d ? Math.sqrt(Math.max(0, e.values[p])) * e.vectors[j * d + p] : 0);
  for (let r = 0; r < g.rows; r++)
    for (let c = 0; c < g.cols; c++) {
      const a = lin(firstOnRows ? r : c, firstOnRows ? g.rows : g.cols);
      const b = lin(firstOnRows ? c : r, firstOnRows ? g.cols : g.rows);
      const o = (r * g.cols + c) * d;
      for (let j = 0; j < d; j++) out[o + j] = mean[j] + a * pc(0, j) + b * pc(1, j);
    }
  return out;
}

/** Codebook of rows drawn uniformly at random (with replacement; with row weights, ∝ weight). */
export function randomCodebook(x: Matrix, g: SomGrid, rng: Rng, weights?: Float64Array): Float64Array {
  const m = g.rows * g.cols, d = x.cols;
  const out = new Float64Array(m * d);
  const draw = weights ? weightedDraw(weights) : null;
  for (let k = 0; k < m; k++) {
    const i = draw ? draw(rng.float()) : rng.int(x.rows);
    out.set(x.data.subarray(i * d, i * d + d), k * d);
  }
  return out;
}

/** Inverse-CDF sampler over non-negative weights (binary search on the cumulative sums). */
export function weightedDraw(weights: Float64Array): (u: number) => number {
  const cum = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = acc += weights[i];
  return (u) => {
    const target = u * acc;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
