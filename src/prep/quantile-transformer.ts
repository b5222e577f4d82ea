/**
 * Quantile transform to a uniform [0, 1] output, as scikit-learn's
 * QuantileTransformer(output_distribution='uniform', n_quantiles=min(1000, n)): landmarks at
 * numpy percentiles, and the mean of forward and backward interpolation so ties map to their
 * middle rank. Unlike scikit-learn (which subsamples 100,000 rows), every row is used.
 * @module
 */
import type { NumericStep } from './types.js';
import { percentileSorted, sortedFinite } from './stats.js';

export interface QuantileState { quantiles: number[]; references: number[] }

/** numpy.interp for increasing xp (values outside are clamped to the end values). */
function interp(x: number, xp: ArrayLike<number>, fp: ArrayLike<number>): number {
  const n = xp.length;
  if (x <= xp[0]) return fp[0];
  if (x >= xp[n - 1]) return fp[n - 1];
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xp[mid] <= x) lo = mid;
    else hi = mid;
  }
  // numpy takes the last xp[j] ≤ x; equal neighbours give the right-most interval.
  const dx = xp[hi] - xp[lo];
  return dx === 0 ? fp[hi] : fp[lo] + ((x - xp[lo]) * (fp[hi] - fp[lo])) / dx;
}

export const quantileTransformer: NumericStep<QuantileState> = {
  name: 'quantile',
  fit(x) {
    const s = sortedFinite(x);
    const nq = Math.min(1000, s.length);
    // numpy.linspace: i · step with step = 1/(n−1), and the last point exactly 1. The rounding of
    // i · step (not i/(n−1)) decides which landmarks tie, so it is matched exactly.
    const step = nq > 1 ? 1 / (nq - 1) : 0;
    const references = Array.from({ length: nq }, (_, i) => (i === nq - 1 && nq > 1 ? 1 : i * step));
    const quantiles = references.map((r) => percentileSorted(s, r * 100));
    // scikit-learn enforces monotone landmarks (np.maximum.accumulate) against rounding.
    for (let i = 1; i < quantiles.length; i++) if (quantiles[i] < quantiles[i - 1]) quantiles[i] = quantiles[i - 1];
    return { quantiles, references };
  },
  transform(s, x) {
    const q = s.quantiles, r = s.references;
    const negQ = q.map((v) => -v).reverse();
    const negR = r.map((v) => -v).reverse();
    const lo = q[0], hi = q[q.length - 1];
    return x.map((v) => {
      // scikit-learn assigns the lower bound last, so it wins for a constant column.
      if (v === lo) return 0;
      if (v === hi) return 1;
      return 0.5 * (interp(v, q, r) - interp(-v, negQ, negR));
    });
  },
  inverse: (s, y) => y.map((v) => interp(v, s.references, s.quantiles)),
};
