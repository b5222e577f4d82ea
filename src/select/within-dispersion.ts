/**
 * The gap statistic's within-cluster dispersion W_k = Σ_r D_r / (2 n_r), with D_r the sum of squared
 * Euclidean distances over all ordered pairs of cluster r (Tibshirani, Walther & Hastie 2001, eq. 2).
 * Σ over ordered pairs of ‖x_i − x_j‖² equals 2 n_r Σ_i ‖x_i − mean_r‖², so W_k is the within-cluster
 * sum of squares (k-means' unweighted inertia), computed here from the labels in O(n·d), never from pairs.
 * R's cluster::clusGap with d.power = 2 sums each unordered pair once and halves it, so its log W is
 * this one minus log 2; the gap and its SE are the same.
 * @module
 */
import type { Matrix } from '../math/matrix.js';

/** log W_k of a labelling (labels 0..k-1; rows labelled -1 are left out). Row weights are not used. */
export function logWithinDispersion(x: Matrix, labels: ArrayLike<number>): number {
  const n = x.rows, d = x.cols, xd = x.data;
  let k = 0;
  for (let i = 0; i < n; i++) if (labels[i] + 1 > k) k = labels[i] + 1;
  const sum = new Float64Array(k * d), size = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c < 0) continue;
    size[c]++;
    const o = i * d, co = c * d;
    for (let j = 0; j < d; j++) sum[co + j] += xd[o + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) if (size[c] > 0) sum[c * d + j] /= size[c];
  // Two passes (means first) rather than Σx² − n·mean²: no cancellation on data far from the origin.
  let w = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c < 0) continue;
    const o = i * d, co = c * d;
    for (let j = 0; j < d; j++) {
      const t = xd[o + j] - sum[co + j];
      w += t * t;
    }
  }
  return Math.log(w);
}
