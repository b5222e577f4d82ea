/**
 * Quantile transform, as scikit-learn 1.2.1's QuantileTransformer with
 * n_quantiles = min(nQuantiles, n): landmarks at numpy percentiles, the mean of forward and
 * backward interpolation so tied values map to the middle of their ranks, and for the normal
 * output Φ⁻¹ clipped at the 1e-7 bounds scikit-learn uses so no value maps to ±Infinity.
 * Unlike scikit-learn, which subsamples 100,000 rows at random, every row is used: the result
 * then depends on no seed.
 * @module
 */
import type { Transformer } from './types.js';
import { percentileSorted, sortedFinite } from './stats.js';
import { normalCdf, normalPpf } from './normal.js';

/** Options of the quantile transform. */
export interface QuantileOptions {
  /** Output distribution. **Default:** `'uniform'`. */
  output: 'uniform' | 'normal';
  /** Number of landmarks, capped at the number of non-missing rows. **Default:** `1000`. */
  nQuantiles: number;
}

/** Landmarks: input quantiles at the reference probabilities. `output` absent means 'uniform'. */
export interface QuantileState { quantiles: number[]; references: number[]; output?: 'uniform' | 'normal' }

/** scikit-learn's BOUNDS_THRESHOLD: how close to 0 or 1 the normal output may come. */
const BOUNDS = 1e-7;
const CLIP_LO = normalPpf(BOUNDS - Number.EPSILON);
const CLIP_HI = normalPpf(1 - (BOUNDS - Number.EPSILON));

/** numpy.interp for non-decreasing xp: clamped outside, and on a run of equal xp the last one wins. */
function interp(x: number, xp: ArrayLike<number>, fp: ArrayLike<number>): number {
  const n = xp.length;
  if (x < xp[0]) return fp[0];
  if (x >= xp[n - 1]) return fp[n - 1];
  // Invariant xp[lo] ≤ x < xp[hi]: lo ends on the last xp equal to x, as numpy's binary search.
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xp[mid] <= x) lo = mid;
    else hi = mid;
  }
  return fp[lo] + ((x - xp[lo]) * (fp[hi] - fp[lo])) / (xp[hi] - xp[lo]);
}

/** QuantileTransformer step; inverse maps back through the landmarks. */
export const quantileTransformer: Transformer<QuantileState, QuantileOptions> = {
  name: 'quantile',
  fit(x, options = {}) {
    const s = sortedFinite(x);
    const nq = Math.min(options.nQuantiles ?? 1000, s.length);
    // numpy.linspace: i · step with step = 1/(n−1), and the last point exactly 1. The rounding of
    // i · step (not i/(n−1)) decides which landmarks tie, so it is matched exactly.
    const step = nq > 1 ? 1 / (nq - 1) : 0;
    const references = Array.from({ length: nq }, (_, i) => (i === nq - 1 && nq > 1 ? 1 : i * step));
    const quantiles = references.map((r) => percentileSorted(s, r * 100));
    // scikit-learn enforces monotone landmarks (np.maximum.accumulate) against rounding.
    for (let i = 1; i < quantiles.length; i++) if (quantiles[i] < quantiles[i - 1]) quantiles[i] = quantiles[i - 1];
    return options.output === 'normal' ? { quantiles, references, output: 'normal' } : { quantiles, references };
  },
  transform(s, x) {
    const q = s.quantiles, r = s.references;
    const negQ = q.map((v) => -v).reverse();
    const negR = r.map((v) => -v).reverse();
    const lo = q[0], hi = q[q.length - 1];
    const normal = s.output === 'normal';
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (Number.isNaN(v)) {
        out[i] = NaN;
        continue;
      }
      // The bounds are assigned after the interpolation, lower last, so the lower bound wins
      // for a constant column (scikit-learn's order); the normal output widens them by 1e-7.
      const atLo = normal ? v - BOUNDS < lo : v === lo;
      const atHi = normal ? v + BOUNDS > hi : v === hi;
      let u = atLo ? 0 : atHi ? 1 : 0.5 * (interp(v, q, r) - interp(-v, negQ, negR));
      if (normal) u = Math.min(CLIP_HI, Math.max(CLIP_LO, normalPpf(u)));
      out[i] = u;
    }
    return out;
  },
  inverse(s, y) {
    const q = s.quantiles, r = s.references;
    const normal = s.output === 'normal';
    const out = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) {
      const u = normal ? normalCdf(y[i]) : y[i];
      if (Number.isNaN(u)) out[i] = NaN;
      else if (normal ? u - BOUNDS < 0 : u === 0) out[i] = q[0];
      else if (normal ? u + BOUNDS > 1 : u === 1) out[i] = q[q.length - 1];
      else out[i] = interp(u, r, q);
    }
    return out;
  },
};
