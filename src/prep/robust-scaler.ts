/**
 * Robust scaling: (x − median) / IQR with numpy's linear percentiles, as scikit-learn's
 * RobustScaler (quantile_range 25–75); a zero IQR keeps scale 1.
 * @module
 */
import type { Transformer } from './types.js';
import { affine, affineInverse } from './affine.js';
import { percentileFinite } from './stats.js';

/** Learned median and scale (the IQR, or 1 when it is 0). */
export interface RobustState { center: number; scale: number }

/** RobustScaler step (median, 25–75 IQR); inverse `y · scale + center`. */
export const robustScaler: Transformer<RobustState> = {
  name: 'robust',
  fit(x) {
    const iqr = percentileFinite(x, 75) - percentileFinite(x, 25);
    return { center: percentileFinite(x, 50), scale: iqr < 10 * Number.EPSILON ? 1 : iqr };
  },
  transform: (s, x) => affine(x, s.center, s.scale),
  inverse: (s, y) => affineInverse(y, s.center, s.scale),
};
