/**
 * Imputation of missing numeric values, as scikit-learn 1.2.1's SimpleImputer (strategies mean,
 * median, most_frequent, constant), and the 0/1 missing indicator of MissingIndicator
 * (features='all'). Text columns are imputed by the encoders (a '(missing)' level or the mode).
 * @module
 */
import type { Transformer } from './types.js';
import { meanVar, percentileFinite, sortedFinite } from './stats.js';

/** Options of the imputer. */
export interface ImputeOptions {
  /** How the fill value is chosen from the training values. **Default:** `'median'`. */
  strategy: 'median' | 'mean' | 'most-frequent' | 'constant';
  /** The fill value for `strategy: 'constant'`. **Default:** `0` (SimpleImputer's numeric default). */
  fillValue: number;
}

/** The learned fill value; NaN when the training column had no value (nothing to learn). */
export interface ImputeState { fill: number }

/** The most frequent value; ties go to the smallest, as scipy.stats.mode inside SimpleImputer. */
export function mostFrequent(x: ArrayLike<number>): number {
  const s = sortedFinite(x);
  let best = NaN, bestCount = 0;
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    // Strictly greater: the first (smallest) value keeps a tie.
    if (j - i > bestCount) (best = s[i]), (bestCount = j - i);
    i = j;
  }
  return best;
}

/** SimpleImputer step: NaN → the learned fill; no inverse (which values were missing is lost). */
export const imputer: Transformer<ImputeState, ImputeOptions> = {
  name: 'impute',
  fit(x, options = {}) {
    switch (options.strategy ?? 'median') {
      case 'mean':
        return { fill: meanVar(x).mean };
      case 'most-frequent':
        return { fill: mostFrequent(x) };
      case 'constant':
        return { fill: options.fillValue ?? 0 };
      default:
        return { fill: percentileFinite(x, 50) };
    }
  },
  transform(s, x) {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = Number.isNaN(x[i]) ? s.fill : x[i];
    return out;
  },
};

/** MissingIndicator: 1 where `x` is missing (NaN), else 0. */
export function missingIndicator(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Number.isNaN(x[i]) ? 1 : 0;
  return out;
}
