/**
 * Column statistics used by the steps: numpy-compatible percentiles (linear interpolation),
 * mean, population variance and sample skewness. NaN values are skipped.
 * @module
 */

/** Finite values of `x`, sorted ascending. */
export function sortedFinite(x: ArrayLike<number>): Float64Array {
  // Typed-array fill and sort: pushing into a JS array first was the slowest step of a 1M-row fit.
  let m = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) m++;
  const out = new Float64Array(m);
  for (let i = 0, j = 0; i < x.length; i++) if (!Number.isNaN(x[i])) out[j++] = x[i];
  return out.sort();
}

/** numpy.percentile(x, q) with the default 'linear' method, on sorted values. */
export function percentileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (q / 100) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const frac = pos - lo;
  // numpy's _lerp: a + (b - a) * t, switched to b - (b - a) * (1 - t) for t ≥ 0.5 (exact at the ends).
  const a = sorted[lo], b = sorted[hi];
  const diff = b - a;
  return frac >= 0.5 ? b - diff * (1 - frac) : a + diff * frac;
}

/** Mean and population variance (ddof 0) of the finite values, two-pass for accuracy. */
export function meanVar(x: ArrayLike<number>): { mean: number; variance: number; n: number } {
  let s = 0, n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) (s += x[i]), n++;
  const mean = n > 0 ? s / n : NaN;
  let ss = 0, c = 0;
  for (let i = 0; i < x.length; i++)
    if (!Number.isNaN(x[i])) {
      const d = x[i] - mean;
      ss += d * d;
      c += d;
    }
  // Corrected two-pass algorithm (Chan, Golub & LeVeque 1983), as numpy's var.
  return { mean, variance: n > 0 ? (ss - (c * c) / n) / n : NaN, n };
}

/** Fisher-Pearson skewness g1 of the finite values (0 for a constant column). */
export function skewness(x: ArrayLike<number>): number {
  const { mean, variance, n } = meanVar(x);
  if (!(variance > 0)) return 0;
  let m3 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - mean;
    if (!Number.isNaN(d)) m3 += d * d * d;
  }
  return m3 / n / variance ** 1.5;
}

/** The k-th smallest value (0-based) of `a`, partially reordering it (Hoare's quickselect, O(n) expected). */
function select(a: Float64Array, k: number): number {
  let lo = 0, hi = a.length - 1;
  while (lo < hi) {
    // Median of three as pivot keeps sorted and reversed inputs linear.
    const mid = (lo + hi) >>> 1;
    const p = Math.max(Math.min(a[lo], a[hi]), Math.min(Math.max(a[lo], a[hi]), a[mid]));
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * numpy.percentile(x, q) ('linear') of the finite values without a full sort: two order statistics
 * by quickselect. A full sort of a 1M-row column costs ~140 ms in V8; this is ~10× less.
 */
export function percentileFinite(x: ArrayLike<number>, q: number): number {
  return percentilesFinite(x, [q])[0];
}

/** Several numpy.percentile values of the finite values from one copy of them (see percentileFinite). */
export function percentilesFinite(x: ArrayLike<number>, qs: readonly number[]): number[] {
  let m = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) m++;
  if (m === 0) return qs.map(() => NaN);
  const a = new Float64Array(m);
  for (let i = 0, j = 0; i < x.length; i++) if (!Number.isNaN(x[i])) a[j++] = x[i];
  // Each select leaves `a` a permutation of the values, so the next select on it is still exact.
  return qs.map((q) => {
    const pos = (q / 100) * (m - 1);
    const lo = Math.floor(pos);
    const frac = pos - lo;
    const va = select(a, lo);
    let vb = va;
    if (lo + 1 < m) {
      // After select, every value right of `lo` is ≥ a[lo]; the next order statistic is their minimum.
      vb = Infinity;
      for (let i = lo + 1; i < m; i++) if (a[i] < vb) vb = a[i];
    }
    const diff = vb - va;
    return frac >= 0.5 ? vb - diff * (1 - frac) : va + diff * frac;
  });
}
