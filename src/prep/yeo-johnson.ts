/**
 * Yeo-Johnson power transform with λ chosen by maximum likelihood, as scikit-learn's
 * PowerTransformer(method='yeo-johnson', standardize=False); the pipeline standardises afterwards.
 * Yeo & Johnson, "A new family of power transformations to improve normality or symmetry",
 * Biometrika 2000.
 * @module
 */
import type { NumericStep } from './types.js';
import { brentMinimize } from './brent.js';
import { meanVar } from './stats.js';

export interface YeoJohnsonState { lambda: number }

const EPS = Number.EPSILON;

/** Applies the transform with a given λ. */
export function yeoJohnsonTransform(x: ArrayLike<number>, lambda: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) out[i] = Math.abs(lambda) < EPS ? Math.log1p(v) : (Math.pow(v + 1, lambda) - 1) / lambda;
    else out[i] = Math.abs(lambda - 2) > EPS ? -(Math.pow(1 - v, 2 - lambda) - 1) / (2 - lambda) : -Math.log1p(-v);
  }
  return out;
}

/** The maximum-likelihood λ (scikit-learn's `_yeo_johnson_optimize`, bracket (−2, 2)). */
export function yeoJohnsonLambda(x: Float64Array): number {
  let signLog = 0;
  for (const v of x) signLog += Math.sign(v) * Math.log1p(Math.abs(v));
  const n = x.length;
  const negLogLik = (lambda: number) => {
    const { variance } = meanVar(yeoJohnsonTransform(x, lambda));
    if (!(variance > 1e-300)) return Infinity;
    return -(-(n / 2) * Math.log(variance) + (lambda - 1) * signLog);
  };
  return brentMinimize(negLogLik, -2, 2);
}

export const yeoJohnson: NumericStep<YeoJohnsonState> = {
  name: 'yeo-johnson',
  fit: (x) => ({ lambda: yeoJohnsonLambda(x) }),
  transform: (s, x) => yeoJohnsonTransform(x, s.lambda),
  inverse(s, y) {
    const l = s.lambda;
    return y.map((v) => {
      if (v >= 0) return Math.abs(l) < EPS ? Math.expm1(v) : Math.pow(v * l + 1, 1 / l) - 1;
      return Math.abs(l - 2) > EPS ? 1 - Math.pow(-(2 - l) * v + 1, 1 / (2 - l)) : -Math.expm1(-v);
    });
  },
};
