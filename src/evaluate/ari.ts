/**
 * Adjusted Rand index: pair-counting agreement of two labelings, corrected for chance.
 * Hubert & Arabie, "Comparing partitions", 1985. Equal to scikit-learn's `adjusted_rand_score`
 * (1 when both labelings put everything in one cluster or everything in singletons).
 * @module
 */
import { contingency } from './contingency.js';

const pairs = (m: number) => (m * (m - 1)) / 2;

/** ARI of two labelings of the same rows; 1 = identical up to renaming, ≈0 = chance. */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const t = contingency(a, b, 'adjustedRandIndex');
  const n = t.n;
  if (n === 0 || (t.rowSums.length === t.colSums.length && (t.rowSums.length === 1 || t.rowSums.length === n))) return 1;
  let index = 0, sa = 0, sb = 0;
  for (const c of t.cells) index += pairs(c);
  for (const r of t.rowSums) sa += pairs(r);
  for (const c of t.colSums) sb += pairs(c);
  // Counts up to 1e7 rows keep every pair sum below 2^53, so these sums are exact integers.
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
