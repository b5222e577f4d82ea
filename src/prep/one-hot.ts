/**
 * One-hot encoding, as scikit-learn 1.2.1's OneHotEncoder(handle_unknown='ignore') with
 * `min_frequency`/`max_categories`: one 0/1 column per learned level (see
 * categorical-encoding.ts for the level rules), rare levels sharing the '(other)' column, and a
 * value never seen in training encoded as all zeros and reported in `unseenRows`.
 * @module
 */
import type { Encoder } from './types.js';
import { fitLevels, levelIndex, type LevelsOptions, type LevelsState } from './categorical-encoding.js';

/** OneHotEncoder step. Output columns are named `<column>=<level>`. */
export const oneHotEncoder: Encoder<LevelsState, LevelsOptions> = {
  name: 'onehot',
  fit: (values, options) => fitLevels(values, options),
  transform(s, values) {
    const width = s.levels.length;
    const { index, missingKey } = levelIndex(s);
    const data = new Float64Array(values.length * width);
    const unseenRows: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const j = index.get(values[i] ?? missingKey);
      if (j === undefined) unseenRows.push(i);
      else data[i * width + j] = 1;
    }
    return { width, data, unseenRows };
  },
  featureNames: (s, column) => s.levels.map((l) => `${column}=${l}`),
};
