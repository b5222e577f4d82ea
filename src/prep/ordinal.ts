/**
 * Ordinal encoding, as scikit-learn 1.2.1's OrdinalEncoder: each level becomes its 0-based
 * position in the sorted levels, or in an explicit `order` (OrdinalEncoder's `categories`) when
 * the levels have a meaning (plan tiers, education). Two documented differences: missing values
 * are a '(missing)' level (or filled with the mode) rather than NaN, and rare levels share an
 * '(other)' code, as in one-hot. A value never seen in training takes the code of the most
 * frequent level and is reported in `unseenRows` (OrdinalEncoder would need `unknown_value`).
 * @module
 */
import type { Encoder } from './types.js';
import { fitLevels, levelIndex, modeOf, MISSING_LEVEL, type LevelsOptions, type LevelsState } from './categorical-encoding.js';

/** Options of the ordinal encoder. */
export interface OrdinalOptions extends LevelsOptions {
  /** Levels in code order. Rare-level grouping does not apply; values outside the order are unseen. **Default:** none (sorted levels). */
  order: string[];
}

/** OrdinalEncoder step: one output column named after the input column. */
export const ordinalEncoder: Encoder<LevelsState, OrdinalOptions> = {
  name: 'ordinal',
  fit(values, options = {}) {
    if (!options.order) return fitLevels(values, options);
    const levels = [...options.order];
    const fill = options.missing === 'mode' ? modeOf(values) ?? undefined : undefined;
    const counts = new Map<string, number>();
    for (const v of values) {
      const k = v ?? fill ?? MISSING_LEVEL;
      if (levels.includes(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    let mode = levels[0];
    for (const l of levels) if ((counts.get(l) ?? 0) > (counts.get(mode) ?? 0)) mode = l;
    return { levels, grouped: [], mode, ...(fill !== undefined ? { fillMissing: fill } : {}) };
  },
  transform(s, values) {
    const { index, missingKey } = levelIndex(s);
    const unknownCode = Math.max(0, s.levels.indexOf(s.mode));
    const data = new Float64Array(values.length);
    const unseenRows: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const code = index.get(values[i] ?? missingKey);
      if (code === undefined) unseenRows.push(i);
      data[i] = code ?? unknownCode;
    }
    return { width: 1, data, unseenRows };
  },
  featureNames: (_s, column) => [column],
};
