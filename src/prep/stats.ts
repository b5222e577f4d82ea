/**
 * Column statistics used by the steps: numpy-compatible percentiles (linear interpolation),
 * mean, population variance and sample skewness. NaN values are skipped.
 * @module
 */

/** Finite values of `x`, sorted ascending. */
export function sortedFinite(x: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) out.push(x[i]);
  return Float64Array.from(out).sort();
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
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) m3 += (x[i] - mean) ** 3;
  return m3 / n / variance ** 1.5;
}
