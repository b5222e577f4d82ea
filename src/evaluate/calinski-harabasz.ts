/**
 * Calinski-Harabasz index: between-cluster over within-cluster dispersion, each divided by its
 * degrees of freedom. Caliński & Harabasz, "A dendrite method for cluster analysis", 1974.
 * Equal to scikit-learn's `calinski_harabasz_score`.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { checkLabels } from './check-labels.js';

/** Calinski-Harabasz score (higher is better). Rows labelled -1 are left out. */
export function calinskiHarabasz(x: Matrix, labels: ArrayLike<number>): number {
  const { rows, labels: lab, k } = checkLabels(x, labels, 'calinskiHarabasz');
  const n = rows.length, d = x.cols;
  const mean = new Float64Array(d);
  const cm = new Float64Array(k * d);
  const size = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const o = rows[r] * d, c = lab[r];
    size[c]++;
    for (let j = 0; j < d; j++) {
      mean[j] += x.data[o + j];
      cm[c * d + j] += x.data[o + j];
    }
  }
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) cm[c * d + j] /= size[c];
  let between = 0, within = 0;
  for (let c = 0; c < k; c++)
    for (let j = 0; j < d; j++) {
      const t = cm[c * d + j] - mean[j];
      between += size[c] * t * t;
    }
  for (let r = 0; r < n; r++) {
    const o = rows[r] * d, c = lab[r];
    for (let j = 0; j < d; j++) {
      const t = x.data[o + j] - cm[c * d + j];
      within += t * t;
    }
  }
  // scikit-learn returns 1.0 when the within-cluster dispersion is zero.
  return within === 0 ? 1 : (between * (n - k)) / (within * (k - 1));
}
