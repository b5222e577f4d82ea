/**
 * Standardisation: (x − mean) / std with the population std; a (near-)constant column keeps
 * scale 1, as scikit-learn's StandardScaler (`_is_constant_feature`, `_handle_zeros_in_scale`).
 * @module
 */
import type { Transformer } from './types.js';
import { affine, affineInverse } from './affine.js';
import { meanVar } from './stats.js';

/** Learned mean and scale (the std, or 1 for a constant column). */
export interface StandardState { mean: number; scale: number }

/** StandardScaler step (population std, zero variance → scale 1); inverse `y · scale + mean`. */
export const standardScaler: Transformer<StandardState> = {
  name: 'standard',
  fit(x) {
    const { mean, variance, n } = meanVar(x);
    // scikit-learn's `_is_constant_feature`: a variance within the rounding error of its own
    // computation counts as zero, so a constant column maps to 0 instead of noise / tiny.
    const eps = Number.EPSILON;
    const constant = variance <= n * eps * variance + (n * mean * eps) ** 2;
    const std = Math.sqrt(variance);
    return { mean, scale: constant || std < 10 * eps ? 1 : std };
  },
  transform: (s, x) => affine(x, s.mean, s.scale),
  inverse: (s, y) => affineInverse(y, s.mean, s.scale),
};
