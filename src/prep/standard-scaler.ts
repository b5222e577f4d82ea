/**
 * Standardisation: (x − mean) / std with the population std; a (near-)constant column keeps
 * scale 1, as scikit-learn's StandardScaler (`_handle_zeros_in_scale`).
 * @module
 */
import type { NumericStep } from './types.js';
import { affine, affineInverse } from './affine.js';
import { meanVar } from './stats.js';

export interface StandardState { mean: number; scale: number }

export const standardScaler: NumericStep<StandardState> = {
  name: 'standard',
  fit(x) {
    const { mean, variance } = meanVar(x);
    const std = Math.sqrt(variance);
    return { mean, scale: std < 10 * Number.EPSILON * Math.max(1, Math.abs(mean)) ? 1 : std };
  },
  transform: (s, x) => affine(x, s.mean, s.scale),
  inverse: (s, y) => affineInverse(y, s.mean, s.scale),
};
