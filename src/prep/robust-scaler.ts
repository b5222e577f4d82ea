/**
 * Robust scaling: (x − median) / IQR with numpy's linear percentiles, as scikit-learn's
 * RobustScaler (quantile_range 25–75); a zero IQR keeps scale 1.
 * @module
 */
import type { NumericStep } from './types.js';
import { affine, affineInverse } from './affine.js';
import { percentileFinite } from './stats.js';

export interface RobustState { center: number; scale: number }

export const robustScaler: NumericStep<RobustState> = {
  name: 'robust',
  fit(x) {
    const iqr = percentileFinite(x, 75) - percentileFinite(x, 25);
    return { center: percentileFinite(x, 50), scale: iqr < 10 * Number.EPSILON ? 1 : iqr };
  },
  transform: (s, x) => affine(x, s.center, s.scale),
  inverse: (s, y) => affineInverse(y, s.center, s.scale),
};
