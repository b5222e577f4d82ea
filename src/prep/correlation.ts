/**
 * Correlation matrix of the columns of a matrix: Pearson from the blocked covariance, or Spearman
 * as Pearson on average ranks (scipy.stats.spearmanr, ties averaged). A constant column has
 * correlation 0 with every other column (scipy gives NaN; 0 keeps the pruning rule well defined).
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { covariance } from './covariance.js';

/**
 * d × d row-major correlations (1 on the diagonal). Assumes rows ≥ 2.
 * @param pearsonCov the covariance of `x` when the caller has it (Pearson only; saves a pass).
 */
export function correlationMatrix(x: Matrix, method: 'pearson' | 'spearman', pearsonCov?: Float64Array): Float64Array {
  const d = x.cols;
  const cov = method === 'pearson' && pearsonCov ? pearsonCov : covariance(method === 'spearman' ? rankColumns(x) : x).cov;
  const r = new Float64Array(d * d);
  for (let p = 0; p < d; p++)
    for (let q = 0; q < d; q++) {
      const den = Math.sqrt(cov[p * d + p] * cov[q * d + q]);
      r[p * d + q] = p === q ? 1 : den > 0 ? Math.max(-1, Math.min(1, cov[p * d + q] / den)) : 0;
    }
  return r;
}

/**
 * Each column replaced by its average ranks (1-based; ties share the mean of their ranks). A
 * value's tied run in the sorted column spans positions lo … hi − 1 (binary searches), so its average
 * rank is (lo + 1 + hi) / 2: a native numeric sort per column, no comparator callbacks.
 */
export function rankColumns(x: Matrix): Matrix {
  const { rows: n, cols: d, data } = x;
  const out = new Float64Array(n * d);
  const sorted = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) sorted[i] = data[i * d + j];
    sorted.sort();
    for (let i = 0; i < n; i++) {
      const v = data[i * d + j];
      let lo = 0, hi = n;
      while (lo < hi) { const m = (lo + hi) >>> 1; if (sorted[m] < v) lo = m + 1; else hi = m; }
      let end = lo, top = n;
      while (end < top) { const m = (end + top) >>> 1; if (sorted[m] <= v) end = m + 1; else top = m; }
      out[i * d + j] = (lo + 1 + end) / 2;
    }
  }
  return { rows: n, cols: d, data: out };
}
