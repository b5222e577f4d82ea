/**
 * Bootstrap stability of a clustering: fit on B resamples, compare the labellings of pairs of fits on
 * the rows both resamples drew, by the adjusted Rand index. Ben-Hur, Elisseeff & Guyon, "A stability
 * based method for discovering structure in clustered data", PSB 2002 (pairs of subsamples compared
 * on their intersection); Lange, Roth, Braun & Buhmann, Neural Computation 16, 2004. Pairs are the
 * ring (1,2), (2,3), …, (B,1): every fit is used twice, B comparisons in all (one when B = 2).
 * @module
 */
import { adjustedRandIndex } from '../evaluate/ari.js';

/** Labels of one fit on a resample: `labels[i]` belongs to data row `rows[i]` (rows ascending). */
export interface ResampleLabels {
  readonly rows: Int32Array;
  readonly labels: Int32Array;
}

/** Mean ARI over the pairs, with its spread. */
export interface Stability {
  readonly mean: number;
  /** Standard deviation of the pair ARIs (n − 1 divisor; 0 for one pair). */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly pairs: number;
}

/** ARI of two resample fits on their common rows (both `rows` ascending). */
export function pairAgreement(a: ResampleLabels, b: ResampleLabels): number {
  const la: number[] = [], lb: number[] = [];
  for (let i = 0, j = 0; i < a.rows.length && j < b.rows.length; ) {
    if (a.rows[i] < b.rows[j]) i++;
    else if (a.rows[i] > b.rows[j]) j++;
    else la.push(a.labels[i++]), lb.push(b.labels[j++]);
  }
  return adjustedRandIndex(la, lb);
}

/** Stability of B ≥ 2 resample fits (ring of pairs). */
export function stabilityOf(fits: readonly ResampleLabels[]): Stability {
  const b = fits.length;
  if (b < 2) throw new RangeError('stabilityOf: needs at least 2 fits');
  const aris: number[] = [];
  for (let i = 0; i < (b === 2 ? 1 : b); i++) aris.push(pairAgreement(fits[i], fits[(i + 1) % b]));
  const mean = aris.reduce((s, v) => s + v, 0) / aris.length;
  const sd = aris.length > 1 ? Math.sqrt(aris.reduce((s, v) => s + (v - mean) ** 2, 0) / (aris.length - 1)) : 0;
  return { mean, sd, min: Math.min(...aris), max: Math.max(...aris), pairs: aris.length };
}
