/**
 * Kruskal-Wallis H test of whether a numeric feature's distribution differs between segments, with
 * the tie correction, as scipy.stats.kruskal: H = (12 / (n(n+1)) Σ R_g²/n_g − 3(n+1)) / (1 − Σ(t³−t)/(n³−n)),
 * p from χ²(groups − 1). Effect size ε² = H / (n − 1) (Tomczak & Tomczak 2014), in [0, 1], so features
 * can be ranked by how much they separate segments, not just by a p-value that every feature passes at
 * customer-table sizes. Missing values (NaN) and rows without a segment (-1) are left out.
 * @module
 */
import { chiSquareSf } from '../math/chi-square.js';

/** Result of the test. */
export interface KruskalWallis { readonly h: number; readonly p: number; readonly epsilonSquared: number; readonly n: number; readonly groups: number }

/** H, p and ε² for `x` grouped by `labels` (k segments); `rows` restricts the test to those rows (a sample). */
export function kruskalWallis(x: ArrayLike<number>, labels: ArrayLike<number>, k: number, rows?: Int32Array): KruskalWallis {
  if (rows) {
    const xs = Float64Array.from(rows, (i) => x[i]), ls = Int32Array.from(rows, (i) => labels[i]);
    return kruskalWallis(xs, ls, k);
  }
  // Ranks without sorting row indices by a comparator (slow on millions of rows): sort the values
  // natively, then each row's average rank is found by binary search for its tie group.
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && labels[i] >= 0) n++;
  const sorted = new Float64Array(n);
  for (let i = 0, j = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && labels[i] >= 0) sorted[j++] = x[i];
  sorted.sort();
  let ties = 0;
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && sorted[e] === sorted[s]) e++;
    const t = e - s;
    if (t > 1) ties += t * t * t - t;
    s = e;
  }
  const rankSum = new Float64Array(k), count = new Float64Array(k);
  for (let i = 0; i < x.length; i++) {
    const v = x[i], g = labels[i];
    if (Number.isNaN(v) || g < 0) continue;
    const lo = lowerBound(sorted, v), hi = upperBound(sorted, v);
    rankSum[g] += (lo + hi + 1) / 2; // mean of ranks lo+1 … hi
    count[g]++;
  }
  let sum = 0, groups = 0;
  for (let g = 0; g < k; g++) if (count[g] > 0) (sum += (rankSum[g] * rankSum[g]) / count[g]), groups++;
  const correction = n > 1 ? 1 - ties / (n * n * n - n) : 0;
  if (groups < 2 || correction <= 0) return { h: NaN, p: NaN, epsilonSquared: NaN, n, groups };
  const h = ((12 / (n * (n + 1))) * sum - 3 * (n + 1)) / correction;
  return { h, p: chiSquareSf(h, groups - 1), epsilonSquared: n > 1 ? h / (n - 1) : NaN, n, groups };
}

/** First index with a[i] ≥ v. */
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with a[i] > v. */
function upperBound(a: Float64Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
