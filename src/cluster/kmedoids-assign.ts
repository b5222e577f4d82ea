/**
 * Nearest-medoid assignment under a k-medoids dissimilarity: the one rule behind the training
 * labels, CLARA's evaluation of a sample's medoids on all rows, predict and distances.
 * @module
 */
import { rowToRows, type MetricRows } from './kmedoids-metric.js';

export interface Assignment {
  readonly labels: Int32Array;
  /** Σ w·dissimilarity to the assigned medoid. */
  readonly cost: number;
}

/** Each row of `x` to its nearest row of `medoids` (ties to the earlier medoid). `w` absent = all 1. */
export function assignNearest(x: MetricRows, medoids: MetricRows, w?: Float64Array): Assignment {
  const n = x.rows, k = medoids.rows;
  const labels = new Int32Array(n), buf = new Float64Array(k);
  let cost = 0;
  for (let i = 0; i < n; i++) {
    rowToRows(x, i, medoids, 0, k, buf, 0);
    let best = 0, bd = buf[0];
    for (let c = 1; c < k; c++) if (buf[c] < bd) (bd = buf[c]), (best = c);
    labels[i] = best;
    cost += w ? w[i] * bd : bd;
  }
  return { labels, cost };
}

/** rows × k dissimilarities of `x` to each medoid. */
export function medoidDistances(x: MetricRows, medoids: MetricRows): Float64Array {
  const n = x.rows, k = medoids.rows, out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) rowToRows(x, i, medoids, 0, k, out, i * k);
  return out;
}
