/**
 * Categorical levels shared by the one-hot and ordinal encoders, with scikit-learn 1.2.1's
 * OneHotEncoder rules: categories sorted, a missing value a category of its own sorted last
 * (here named '(missing)'), and infrequent categories (`min_frequency` as a share of rows,
 * `max_categories` counting the infrequent column) grouped into one '(other)' level placed last.
 * Missing values can instead be filled with the most frequent level (SimpleImputer's
 * most_frequent: ties go to the smallest).
 * @module
 */

/** The level of a missing value (scikit-learn's None category). */
export const MISSING_LEVEL = '(missing)';
/** The level shared by rare levels (scikit-learn's `infrequent_sklearn`). */
export const OTHER_LEVEL = '(other)';

/** How levels are learned. */
export interface LevelsOptions {
  /** Levels with fewer rows than this share of the rows join '(other)' (OneHotEncoder's `min_frequency` as a float). **Default:** `0`. */
  minShare: number;
  /** At most this many output levels, '(other)' included (OneHotEncoder's `max_categories`). **Default:** `Infinity`. */
  maxLevels: number;
  /** Missing values: a '(missing)' level of their own, or the most frequent level. **Default:** `'level'`. */
  missing: 'level' | 'mode';
}

/** Learned levels of one categorical column. */
export interface LevelsState {
  /** Output levels in encoding order (sorted, '(missing)' after them, '(other)' last). */
  levels: string[];
  /** Training levels merged into '(other)'. */
  grouped: string[];
  /** The most frequent output level (the code of unseen values under ordinal encoding). */
  mode: string;
  /** The level a missing value takes when missing values are filled (absent: '(missing)'). */
  fillMissing?: string;
}

/** Sort order of scikit-learn's `_unique_python`: code-point order, the missing category last. */
function compareLevels(a: string, b: string): number {
  if (a === MISSING_LEVEL || b === MISSING_LEVEL) return a === b ? 0 : a === MISSING_LEVEL ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most frequent non-missing value (ties: the smallest); null when every value is missing. */
export function modeOf(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null, bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && best !== null && v < best)) (best = v), (bestCount = c);
  return best;
}

/** Learns levels from training values. Assumes validated options. */
export function fitLevels(values: readonly (string | null)[], options: Partial<LevelsOptions> = {}): LevelsState {
  const { minShare = 0, maxLevels = Infinity, missing = 'level' } = options;
  const fill = missing === 'mode' ? modeOf(values) ?? MISSING_LEVEL : undefined;
  const counts = new Map<string, number>();
  for (const v of values) {
    const k = v ?? fill ?? MISSING_LEVEL;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const categories = [...counts.keys()].sort(compareLevels);
  const count = categories.map((c) => counts.get(c)!);
  // `_identify_infrequent`: below min_frequency · n_samples, then, when more columns than
  // max_categories would remain (counting one infrequent column even if there is none yet),
  // every category outside the max_categories − 1 largest. The stable ascending sort by count
  // means that among equal counts the later categories are the ones kept.
  const infrequent = count.map((c) => c < minShare * values.length);
  const nColumns = categories.length - infrequent.filter(Boolean).length + 1;
  if (maxLevels < nColumns) {
    const byCount = categories.map((_, i) => i).sort((a, b) => count[a] - count[b] || a - b);
    for (const i of byCount.slice(0, Math.max(0, byCount.length - (maxLevels - 1)))) infrequent[i] = true;
  }
  const kept = categories.filter((_, i) => !infrequent[i]);
  const grouped = categories.filter((_, i) => infrequent[i]);
  const levels = grouped.length > 0 ? [...kept, OTHER_LEVEL] : kept;
  const outCount = (l: string) => (l === OTHER_LEVEL ? grouped.reduce((s, g) => s + counts.get(g)!, 0) : counts.get(l)!);
  let mode = levels[0] ?? MISSING_LEVEL;
  for (const l of levels) if (outCount(l) > outCount(mode)) mode = l;
  return { levels, grouped, mode, ...(fill !== undefined ? { fillMissing: fill } : {}) };
}

/** The output level of a value: itself, '(other)', or null when the model never saw it. */
export function levelOf(s: LevelsState, v: string | null): string | null {
  const k = v ?? s.fillMissing ?? MISSING_LEVEL;
  if (k !== OTHER_LEVEL && s.levels.includes(k)) return k;
  if (s.grouped.includes(k)) return OTHER_LEVEL;
  return null;
}

/**
 * Output position of every known value (rare ones at the '(other)' position) and the key a
 * missing value takes: one Map lookup per row instead of scanning the levels.
 */
export function levelIndex(s: LevelsState): { index: Map<string, number>; missingKey: string } {
  const index = new Map<string, number>();
  s.levels.forEach((l, i) => l !== OTHER_LEVEL && index.set(l, i));
  const other = s.levels.indexOf(OTHER_LEVEL);
  for (const g of s.grouped) index.set(g, other);
  return { index, missingKey: s.fillMissing ?? MISSING_LEVEL };
}
