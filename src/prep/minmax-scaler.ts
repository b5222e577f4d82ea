/**
 * Min-max scaling to [0, 1], as scikit-learn's MinMaxScaler (a constant column keeps range 1,
 * so it maps to 0). New values outside the training range map outside [0, 1] (no clipping).
 * @module
 */
import type { Transformer } from './types.js';
import { affine, affineInverse } from './affine.js';

/** Learned minimum and range (1 for a constant column). */
export interface MinMaxState { min: number; range: number }

/** MinMaxScaler step to [0, 1]; inverse `y · range + min`. */
export const minMaxScaler: Transformer<MinMaxState> = {
  name: 'minmax',
  fit(x) {
    let min = Infinity, max = -Infinity;
    for (const v of x) if (!Number.isNaN(v)) (min = Math.min(min, v)), (max = Math.max(max, v));
    const range = max - min;
    return { min, range: range < 10 * Number.EPSILON ? 1 : range };
  },
  transform: (s, x) => affine(x, s.min, s.range),
  inverse: (s, y) => affineInverse(y, s.min, s.range),
};
