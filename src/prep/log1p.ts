/**
 * log(1 + x) for non-negative heavy-tailed columns (spend, counts). Values below 0 at predict time
 * are clipped to 0 first, so a new customer never produces NaN; the clip is counted in the notes.
 * @module
 */
import type { NumericStep } from './types.js';

export interface Log1pState { readonly kind: 'log1p' }

export const log1p: NumericStep<Log1pState> = {
  name: 'log1p',
  fit: () => ({ kind: 'log1p' }),
  transform(_s, x) {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = Math.log1p(x[i] > 0 ? x[i] : 0);
    return out;
  },
  inverse: (_s, y) => y.map((v) => Math.expm1(v)),
};
