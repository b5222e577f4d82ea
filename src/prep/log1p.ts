/**
 * log(1 + x) for non-negative heavy-tailed columns (spend, counts), as numpy.log1p. Values below 0
 * at predict time are clipped to 0 first, so a new customer never produces NaN; the pipeline
 * only chooses this step for columns with no negative training value.
 * @module
 */
import type { Transformer } from './types.js';

/** Stateless: the kind tag keeps the saved state self-describing. */
export interface Log1pState { readonly kind: 'log1p' }

/** log1p step: `log(1 + max(x, 0))`, NaN stays NaN; inverse `expm1`. */
export const log1p: Transformer<Log1pState> = {
  name: 'log1p',
  fit: () => ({ kind: 'log1p' }),
  transform(_s, x) {
    const out = new Float64Array(x.length);
    // `x > 0 ? x : 0` alone would turn NaN into 0 and hide a missing value.
    for (let i = 0; i < x.length; i++) out[i] = Number.isNaN(x[i]) ? NaN : Math.log1p(x[i] > 0 ? x[i] : 0);
    return out;
  },
  inverse(_s, y) {
    const out = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) out[i] = Math.expm1(y[i]);
    return out;
  },
};
