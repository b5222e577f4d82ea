/**
 * The space segkit's internal metrics (silhouette, Davies-Bouldin, Calinski-Harabasz) see k-medoids
 * in. Euclidean k-medoids: the numbers as they are. Gower: each number as w_j·(clamped x − min)/range_j
 * and each category as one-hot columns of height w_j/2, all divided by Σw. The L1 (city-block)
 * distance between two rows there is exactly their Gower dissimilarity (a differing category gives
 * two columns of w_j/2); the metrics measure Euclidean distance in it, which ranks pairs much like
 * Gower does but is not equal to it. An unseen level (code −1) is all zeros: half a mismatch away
 * from every level instead of a whole one.
 * @module
 */
import type { Dataset } from '../data/dataset.js';
import type { Matrix } from '../math/matrix.js';
import type { KMedoidsState } from './kmedoids-fit.js';
import { gowerRows } from '../math/gower.js';

/** Rows (all, or `rows`) of `data` in the metrics space of a fitted state. Assumes checked columns. */
export function kmedoidsEmbedding(s: KMedoidsState, data: Dataset, rows?: Int32Array): Matrix {
  const n = data.numeric.rows, p = data.numeric.cols;
  const pick = rows ?? Int32Array.from({ length: n }, (_, i) => i);
  if (s.metric === 'euclidean') {
    const out = new Float64Array(pick.length * p);
    for (let r = 0; r < pick.length; r++) out.set(data.numeric.data.subarray(pick[r] * p, pick[r] * p + p), r * p);
    return { rows: pick.length, cols: p, data: out };
  }
  const c = data.categorical;
  const g = gowerRows(s.gower!, data.numeric, c && c.cols > 0 ? c : undefined);
  const offsets: number[] = [];
  let width = p;
  for (const l of c?.levels ?? []) (offsets.push(width), (width += l.length));
  const out = new Float64Array(pick.length * width);
  const W = g.totalWeight, m = g.nCat;
  for (let r = 0; r < pick.length; r++) {
    const i = pick[r];
    for (let j = 0; j < p; j++) out[r * width + j] = g.num[i * p + j] / W;
    for (let j = 0; j < m; j++) {
      const code = g.cat[i * m + j];
      if (code >= 0) out[r * width + offsets[j] + code] = g.catWeights[j] / 2 / W;
    }
  }
  return { rows: pick.length, cols: width, data: out };
}
