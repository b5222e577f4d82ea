/**
 * Davies-Bouldin index: mean over clusters of the worst ratio of summed intra-cluster spreads to
 * the distance between centroids. Davies & Bouldin, "A cluster separation measure", 1979.
 * Equal to scikit-learn's `davies_bouldin_score` (spread = mean Euclidean distance to the centroid).
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';
import { checkLabels } from './check-labels.js';

/** Davies-Bouldin score (lower is better, ≥ 0). Rows labelled -1 are left out. */
export function daviesBouldin(x: Matrix, labels: ArrayLike<number>): number {
  const { rows, labels: lab, k } = checkLabels(x, labels, 'daviesBouldin');
  const n = rows.length, d = x.cols;
  const cm = new Float64Array(k * d);
  const size = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const o = rows[r] * d, c = lab[r];
    size[c]++;
    for (let j = 0; j < d; j++) cm[c * d + j] += x.data[o + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) cm[c * d + j] /= size[c];
  const spread = new Float64Array(k);
  for (let r = 0; r < n; r++) spread[lab[r]] += Math.sqrt(sqDist(x.data, rows[r] * d, cm, lab[r] * d, d));
  for (let c = 0; c < k; c++) spread[c] /= size[c];
  let allSpreadZero = true, allCentersEqual = true;
  for (let c = 0; c < k; c++) if (spread[c] !== 0) allSpreadZero = false;
  let total = 0;
  for (let a = 0; a < k; a++) {
    let worst = 0;
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      const sep = Math.sqrt(sqDist(cm, a * d, cm, b * d, d));
      if (sep !== 0) allCentersEqual = false;
      // scikit-learn sets the ratio to infinity... then to 0 where the centroid distance is 0.
      const ratio = sep === 0 ? 0 : (spread[a] + spread[b]) / sep;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  if (allSpreadZero || allCentersEqual) return 0;
  return total / k;
}
