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
  transform: (_s, x) => x.map((v) => Math.log1p(Math.max(0, v))),
  inverse: (_s, y) => y.map((v) => Math.expm1(v)),
};
