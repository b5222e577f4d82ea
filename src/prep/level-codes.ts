/**
 * Level codes: each value becomes the position of its level (categorical-encoding.ts rules:
 * sorted levels, '(missing)', rare levels in '(other)'), kept as an integer column beside the
 * numeric matrix instead of inside it. K-Modes, K-Prototypes and Gower compare categories by
 * equality, so they need the level itself, not a one-hot vector or an invented order. A value never
 * seen in training gets code -1, which matches no level (kmodes maps it silently to a known code;
 * we report it in `unseenRows` and let it count as a mismatch everywhere).
 * @module
 */
import { fitLevels, levelIndex, type LevelsOptions, type LevelsState } from './categorical-encoding.js';

/** Codes of one column and the rows holding values never seen in training. */
export interface LevelCodes { readonly codes: Int32Array; readonly unseenRows: readonly number[] }

/** Code of a value never seen in training. */
export const UNSEEN_CODE = -1;

/** Learns the levels (same rules as one-hot). */
export function fitLevelCodes(values: readonly (string | null)[], options: Partial<LevelsOptions>): LevelsState {
  return fitLevels(values, options);
}

/** Encodes values as level positions; unseen values get {@link UNSEEN_CODE}. */
export function levelCodes(s: LevelsState, values: readonly (string | null)[]): LevelCodes {
  const { index, missingKey } = levelIndex(s);
  const codes = new Int32Array(values.length);
  const unseenRows: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const code = index.get(values[i] ?? missingKey);
    if (code === undefined) unseenRows.push(i);
    codes[i] = code ?? UNSEEN_CODE;
  }
  return { codes, unseenRows };
}
