/**
 * Categorical levels: missing values become their own level '(missing)' (in customer data the
 * absence of a value often means something), levels rarer than a share or beyond the top
 * `maxLevels` are grouped into '(other)' (scikit-learn's infrequent categories), and the kept
 * levels are sorted as scikit-learn's OneHotEncoder sorts them.
 * @module
 */

export const MISSING_LEVEL = '(missing)';
export const OTHER_LEVEL = '(other)';

/** Learned levels of one categorical column. */
export interface LevelsState {
  /** Output levels in encoding order (sorted; '(other)' last when present). */
  levels: string[];
  /** Training levels merged into '(other)'. */
  grouped: string[];
  /** The most frequent output level (used for unseen values under ordinal encoding). */
  mode: string;
}

/** Learns levels from training values. */
export function fitLevels(values: readonly (string | null)[], rareShare: number, maxLevels: number): LevelsState {
  const counts = new Map<string, number>();
  for (const v of values) {
    const k = v ?? MISSING_LEVEL;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const n = values.length;
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept: string[] = [];
  const grouped: string[] = [];
  for (const [level, c] of byCount) {
    if (c / n < rareShare || kept.length >= maxLevels - 1) grouped.push(level);
    else kept.push(level);
  }
  // A single rare level is not worth renaming: keep it as itself.
  if (grouped.length === 1) kept.push(grouped.pop()!);
  kept.sort();
  const levels = grouped.length > 0 ? [...kept, OTHER_LEVEL] : kept;
  const mode = grouped.length > 0 && byCount[0] && grouped.includes(byCount[0][0]) ? OTHER_LEVEL : byCount[0]?.[0] ?? MISSING_LEVEL;
  return { levels, grouped: grouped.sort(), mode };
}

/** The output level of a value: itself, '(other)', or null when the model never saw it. */
export function levelOf(s: LevelsState, v: string | null): string | null {
  const k = v ?? MISSING_LEVEL;
  if (s.levels.includes(k) && k !== OTHER_LEVEL) return k;
  if (s.grouped.includes(k)) return OTHER_LEVEL;
  return null;
}
