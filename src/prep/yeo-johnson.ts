/**
 * Yeo-Johnson power transform with λ chosen by maximum likelihood, as scikit-learn 1.2.1's
 * PowerTransformer(method='yeo-johnson'), standardize False (the default here: the pipeline
 * scales afterwards) or True. Yeo & Johnson, "A new family of power transformations to improve
 * normality or symmetry", Biometrika 87(4), 2000, eq. (2.1).
 *
 * λ minimises the negative log-likelihood of scikit-learn's `_yeo_johnson_optimize` (n/2·log σ²
 * − (λ−1)·Σ sign(x)·log(1+|x|)) with our Brent minimiser from the bracket guess (−2, 2), as
 * scipy.optimize.brent. Both stop where the objective is flat to rounding, so λ agrees with
 * scikit-learn to ~1e-7 (see test/prep/yeo-johnson.test.ts), not to the last digit.
 * @module
 */
import type { Transformer } from './types.js';
import { brentMinimize } from './brent.js';
import { meanVar } from './stats.js';
import { standardScaler } from './standard-scaler.js';

/** Options of the Yeo-Johnson step. */
export interface YeoJohnsonOptions {
  /** Standardise the transformed values to mean 0, variance 1 (PowerTransformer's `standardize`). **Default:** `false`. */
  standardize: boolean;
}

/** The fitted λ, plus the mean and scale of the transformed values when standardising. */
export interface YeoJohnsonState { lambda: number; mean?: number; scale?: number }

const EPS = Number.EPSILON;

/** Applies the transform with a given λ (NaN stays NaN). */
export function yeoJohnsonTransform(x: ArrayLike<number>, lambda: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    // The λ = 0 and λ = 2 branches are the limits of the general formula; scikit-learn switches
    // to them within one ulp (np.spacing(1.0)), and so do we.
    if (v >= 0) out[i] = Math.abs(lambda) < EPS ? Math.log1p(v) : (Math.pow(v + 1, lambda) - 1) / lambda;
    else out[i] = Math.abs(lambda - 2) > EPS ? -(Math.pow(1 - v, 2 - lambda) - 1) / (2 - lambda) : -Math.log1p(-v);
  }
  return out;
}

/** The maximum-likelihood λ of the non-missing values of `x`. */
export function yeoJohnsonLambda(x: Float64Array): number {
  const finite = x.filter((v) => !Number.isNaN(v));
  let signLog = 0;
  for (const v of finite) signLog += Math.sign(v) * Math.log1p(Math.abs(v));
  const n = finite.length;
  const negLogLik = (lambda: number) => {
    const { variance } = meanVar(yeoJohnsonTransform(finite, lambda));
    // scikit-learn returns +inf below the smallest normal double, steering Brent away.
    if (!(variance >= 2.2250738585072014e-308)) return Infinity;
    return (n / 2) * Math.log(variance) - (lambda - 1) * signLog;
  };
  return brentMinimize(negLogLik, -2, 2);
}

/** PowerTransformer(method='yeo-johnson') step; inverse undoes the scaling, then the power. */
export const yeoJohnson: Transformer<YeoJohnsonState, YeoJohnsonOptions> = {
  name: 'yeo-johnson',
  fit(x, options = {}) {
    const lambda = yeoJohnsonLambda(x);
    if (!options.standardize) return { lambda };
    const { mean, scale } = standardScaler.fit(yeoJohnsonTransform(x, lambda));
    return { lambda, mean, scale };
  },
  transform(s, x) {
    const y = yeoJohnsonTransform(x, s.lambda);
    return s.mean === undefined ? y : standardScaler.transform({ mean: s.mean, scale: s.scale ?? 1 }, y);
  },
  inverse(s, y) {
    const l = s.lambda;
    const z = s.mean === undefined ? y : standardScaler.inverse!({ mean: s.mean, scale: s.scale ?? 1 }, y);
    const out = new Float64Array(z.length);
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      if (v >= 0) out[i] = Math.abs(l) < EPS ? Math.expm1(v) : Math.pow(v * l + 1, 1 / l) - 1;
      else if (v < 0) out[i] = Math.abs(l - 2) > EPS ? 1 - Math.pow(-(2 - l) * v + 1, 1 / (2 - l)) : -Math.expm1(-v);
      else out[i] = NaN;
    }
    return out;
  },
};
